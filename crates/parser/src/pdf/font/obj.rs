//! Bounded access to lopdf objects: every value may be an indirect reference, and every failure is "absent".
//!
//! `Document::dereference` caps reference chains itself, so no lookup here can loop; stream contents are
//! decoded with a size limit so a small compressed font cannot inflate without bound.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Decoded size cap for an embedded font program.
pub(super) const PROGRAM_LIMIT: usize = 32 << 20;
/// Decoded size cap for a CMap stream (ToUnicode or encoding).
pub(super) const CMAP_LIMIT: usize = 4 << 20;
/// Decoded size cap for a /CIDToGIDMap stream (65 536 CIDs × 2 bytes, with room for sloppy producers).
pub(super) const CID_TO_GID_LIMIT: usize = 1 << 20;

pub(super) fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

pub(super) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    resolve(doc, dict.get(key).ok()?)
}

/// A dictionary value, or the dictionary of a stream value.
pub(super) fn dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match get(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub(super) fn name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

pub(super) fn number_of(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

pub(super) fn number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number_of(get(doc, dict, key)?)
}

pub(super) fn array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// A stream value and, when it was reached through a reference, its object id (to detect cycles).
pub(super) fn stream<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<(&'a Stream, Option<ObjectId>)> {
    let (id, obj) = doc.dereference(dict.get(key).ok()?).ok()?;
    match obj {
        Object::Stream(s) => Some((s, id)),
        _ => None,
    }
}

/// Decoded stream content, `None` if it cannot be decoded within `limit` bytes.
pub(super) fn stream_bytes(stream: &Stream, limit: usize) -> Option<Vec<u8>> {
    stream.get_plain_content_with_limit(limit).ok()
}

/// A PDF name or text as a Rust string: UTF-8 when valid, else GBK (Chinese producers write font names
/// such as 宋体 as GBK bytes in /BaseFont).
pub(super) fn text_of(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(bytes).0.into_owned(),
    }
}
