//! PDF fonts for text extraction: the strings of text-showing operators → Unicode text and glyph widths.
//!
//! The content-stream interpreter loads each font resource once per document with [`Font::load`] and calls
//! [`Font::decode`] for every string of `Tj`, `TJ`, `'` and `"`; each [`Glyph`] carries the character code,
//! its horizontal displacement (thousandths of the text size, before Tc/Tw/Tz), its text and whether word
//! spacing applies. The interpreter owns positioning and layout; this module only answers "what is this
//! code and how wide is it".
//!
//! Chinese government PDFs are where extractors break, so the sources of meaning are tried in this order
//! for each code, and each failure falls through to the next instead of producing garbage:
//! 1. /ToUnicode (`cmap.rs` reads it with its own forgiving tokenizer; `codemap.rs` stores it compactly);
//! 2. the predefined CMap named by a Type0 /Encoding (GBK-EUC-H & co: the bytes are GBK, `predefined.rs`);
//! 3. for simple fonts, the glyph names of /Encoding and /Differences through the Adobe Glyph List
//!    (`simple.rs`, `agl.rs`, `encodings.rs`);
//! 4. the embedded font program: its cmap inverted, its glyph names (`embedded.rs`);
//! 5. otherwise the glyph is `unmapped` with empty text, and the caller counts and reports it.
//!
//! Text that is NUL, a control, private-use or U+FFFD counts as no mapping; Kangxi radicals and CJK
//! compatibility ideographs fold to the unified ideographs (`fold.rs`, `unicode.rs`). Loading never fails
//! and is bounded on hostile input: stream sizes, CMap entries, range expansion, /W and /Differences
//! lengths and /UseCMap chains are capped (see the constants of each file; `Font::notes` tells when a cap
//! or a broken part was met). Decoding is O(bytes) without allocation: simple fonts use a 256-entry table,
//! composite fonts binary searches; glyph text borrows from the font or from static storage.

mod agl;
mod agl1;
mod agl2;
mod cid;
mod cmap;
mod codemap;
mod embedded;
mod encodings;
mod fold;
mod metrics;
mod obj;
mod predefined;
mod sfntcmap;
mod simple;
mod unicode;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hostile;

use lopdf::{Dictionary, Document, Object};

use self::cid::CidFont;
use self::cmap::CMapBuilder;
use self::codemap::{Codespace, TextMap};
use self::simple::SimpleFont;

/// One font resource of a page, loaded once per document and shared by pages.
pub struct Font {
    name: String,
    source: String,
    vertical: bool,
    font_matrix: Option<[f32; 6]>,
    kind: Kind,
    notes: Vec<&'static str>,
}

enum Kind {
    Simple(SimpleFont),
    Composite(Box<Composite>),
}

struct Composite {
    cid: CidFont,
    tounicode: Option<TextMap>,
    /// /ToUnicode given as the name /Identity-H: codes are said to be UTF-16; tried last.
    identity_tounicode: bool,
}

/// One glyph of a shown string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph<'a> {
    /// The character code as read from the string (1–4 bytes, big-endian for multi-byte codes).
    pub code: u32,
    /// Horizontal displacement in thousandths of the text size: /Widths (with /FirstChar and the
    /// descriptor's /MissingWidth) for simple fonts, Type3 widths scaled through /FontMatrix; /W and /DW by
    /// CID for composite fonts. Fallbacks: the standard-14 AFM widths for simple fonts without /Widths,
    /// then the embedded program's advances, then 500 (1000 for CJK text); /DW for composite codes whose
    /// CID is unknown (predefined CMaps other than Identity: only ASCII CIDs are known).
    pub width: f32,
    /// The Unicode text of the glyph; "" when it cannot be mapped. Borrowed from the font.
    pub text: &'a str,
    /// True when no mapping to Unicode was found.
    pub unmapped: bool,
    /// True for the single-byte code 32, to which word spacing Tw applies (PDF 9.3.3).
    pub is_space: bool,
}

/// /BaseFont without a subset tag (`ABCDEF+`).
fn strip_subset_tag(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// A /ToUnicode CMap (stream, with its /UseCMap chain) and its codespace; `identity` for the name form.
struct ToUnicode {
    map: Option<TextMap>,
    codespace: Option<Codespace>,
    identity: bool,
    notes: Vec<&'static str>,
}

fn load_tounicode(doc: &Document, font: &Dictionary) -> ToUnicode {
    let mut tu = ToUnicode { map: None, codespace: None, identity: false, notes: Vec::new() };
    match obj::get(doc, font, b"ToUnicode") {
        Some(Object::Stream(_)) => {
            let mut b = CMapBuilder::default();
            if let Some((s, id)) = obj::stream(doc, font, b"ToUnicode") {
                cid::parse_cmap_chain(doc, s, id, &mut b);
            }
            tu.notes.extend(b.notes.iter().copied());
            tu.codespace = b.codespace();
            let text = std::mem::take(&mut b.text);
            tu.notes.extend(text.notes.iter().copied());
            if text.is_empty() {
                tu.notes.push("ToUnicode maps nothing");
            } else {
                tu.map = Some(text.build());
            }
        }
        Some(Object::Name(n)) => tu.identity = n.starts_with(b"Identity"),
        _ => {}
    }
    tu
}

impl Font {
    /// Never fails: a font it cannot understand decodes to unmapped glyphs with default widths.
    pub fn load(doc: &Document, font: &Dictionary) -> Font {
        let subtype = obj::name(doc, font, b"Subtype").unwrap_or(b"");
        let base_font = obj::name(doc, font, b"BaseFont").map(obj::text_of).unwrap_or_default();
        let tu = load_tounicode(doc, font);
        let mut notes = tu.notes;
        let mut sources = Vec::new();
        let mut vertical = false;
        let mut font_matrix = None;
        let mut name = strip_subset_tag(&base_font).to_string();
        let kind = if subtype == b"Type0" {
            let cid = CidFont::load(doc, font, tu.codespace);
            notes.extend(cid.notes.iter().copied());
            vertical = cid.vertical;
            if let Some(short) = name.strip_suffix(&format!("-{}", cid.encoding_name)) {
                name = short.to_string();
            }
            if tu.map.as_ref().is_some_and(|m| m.len() > 0) {
                sources.push("ToUnicode".to_string());
            }
            if cid.has_predefined_text() {
                sources.push(cid.predefined_label.clone());
            }
            if cid.has_program_text() {
                sources.push("embedded cmap".to_string());
            }
            if tu.identity {
                sources.push("Identity ToUnicode".to_string());
            }
            Kind::Composite(Box::new(Composite { cid, tounicode: tu.map, identity_tounicode: tu.identity }))
        } else {
            if subtype == b"Type3" {
                font_matrix = Some(simple::type3_matrix(doc, font));
                if name.is_empty() {
                    name = obj::name(doc, font, b"Name").map_or_else(|| "Type3".to_string(), obj::text_of);
                }
            }
            Kind::Simple(simple::load(doc, font, subtype, &name, tu.map.as_ref(), &mut sources))
        };
        let source = if sources.is_empty() { "none".to_string() } else { sources.join("; ") };
        Font { name, source, vertical, font_matrix, kind, notes }
    }

    /// Calls `each` for every glyph of `bytes` in order.
    pub fn decode<'a>(&'a self, bytes: &[u8], mut each: impl FnMut(Glyph<'a>)) {
        match &self.kind {
            Kind::Simple(s) => {
                for &b in bytes {
                    let (text, width) = s.glyph(b);
                    each(Glyph { code: u32::from(b), width, text, unmapped: text.is_empty(), is_space: b == 32 });
                }
            }
            Kind::Composite(c) => {
                let mut rest = bytes;
                while !rest.is_empty() {
                    let (code, len, valid) = c.cid.codespace.next(rest);
                    rest = rest.get(len..).unwrap_or(&[]);
                    let (text, cid) = if valid { (c.text(code, len), c.cid.cid(code, len)) } else { (None, None) };
                    each(Glyph {
                        code,
                        width: c.cid.widths.width(cid),
                        text: text.unwrap_or(""),
                        unmapped: text.is_none(),
                        is_space: valid && len == 1 && code == 32,
                    });
                }
            }
        }
    }

    /// /BaseFont without a subset tag (e.g. "NotoSerifCJKsc-Regular" from "ABCDEF+NotoSerifCJKsc-Regular").
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where the text meaning comes from, for the debug view and issues: the sources that can map codes,
    /// in the order they are tried, joined by "; " — e.g. "ToUnicode", "GBK-EUC-H", "embedded cmap",
    /// "WinAnsiEncoding+Differences", "ToUnicode; embedded cmap"; "none" when nothing can.
    pub fn unicode_source(&self) -> &str {
        &self.source
    }

    /// Vertical writing mode (Identity-V, …-V CMaps): the caller may treat it as horizontal but should know.
    pub fn is_vertical(&self) -> bool {
        self.vertical
    }

    /// Type3 fonts: the /FontMatrix, so the caller can scale; None for others.
    pub fn font_matrix(&self) -> Option<[f32; 6]> {
        self.font_matrix
    }

    /// Whether codes are read as 1 byte each (simple fonts) rather than through a CMap (Type0).
    pub fn is_simple(&self) -> bool {
        matches!(self.kind, Kind::Simple(_))
    }

    /// Problems met while loading (caps reached, broken CMap entries), for the debug view.
    pub fn notes(&self) -> &[&'static str] {
        &self.notes
    }
}

impl Composite {
    fn text(&self, code: u32, len: usize) -> Option<&str> {
        if let Some(t) = self.tounicode.as_ref().and_then(|m| m.get(code)) {
            return Some(t);
        }
        if let Some(t) = self.cid.predefined_text(code, len) {
            return Some(t);
        }
        if let Some(t) = self.cid.cid(code, len).and_then(|cid| self.cid.program_text(cid)) {
            return Some(t);
        }
        if self.identity_tounicode {
            return CidFont::identity_text(code);
        }
        None
    }
}
