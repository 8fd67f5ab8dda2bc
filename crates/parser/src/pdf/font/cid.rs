//! Type0 (composite) fonts: code splitting by the encoding CMap, code → CID, CID widths, CID → glyph.
//!
//! The encoding is Identity-H/V (2-byte codes, CID = code), a predefined CMap (`predefined.rs`: codes in a
//! legacy encoding such as GBK, CIDs only known for ASCII), or an embedded CMap stream (codespace and
//! cidchar/cidrange parsed by `cmap.rs`). Text falls back from /ToUnicode to the predefined CMap's encoding
//! to the embedded program: CID → glyph id (/CIDToGIDMap for TrueType, the charset of a CID-keyed CFF),
//! then glyph id → Unicode by inverting the program's cmap, built on first need and kept for the font.
//! CID-keyed CFF programs without a cmap would need Adobe's CID → Unicode tables; they stay unmapped.

use std::collections::HashSet;
use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::cmap::CMapBuilder;
use super::codemap::{CidMap, Codespace};
use super::embedded::{Program, ProgramKind};
use super::obj;
use super::predefined::Predefined;
use super::unicode::clean_char;

/// Entries of a /W array read at most (numbers and sub-array elements together).
const MAX_W_ITEMS: usize = 1 << 20;
/// Depth of /UseCMap stream chains followed.
const MAX_USECMAP_DEPTH: usize = 8;

/// Glyph widths by CID: ranges sorted by first CID, with /DW for the rest.
#[derive(Debug, Default)]
pub(super) struct CidWidths {
    ranges: Vec<(u32, u32, f32)>,
    default: f32,
}

impl CidWidths {
    pub(super) fn load(doc: &Document, cid_font: &Dictionary) -> CidWidths {
        let default = obj::number(doc, cid_font, b"DW").filter(|w| w.abs() < 1e6).unwrap_or(1000.0);
        let mut ranges: Vec<(u32, u32, f32)> = Vec::new();
        let items = obj::array(doc, cid_font, b"W").unwrap_or(&[]);
        let mut budget = MAX_W_ITEMS;
        let mut i = 0;
        let num = |o: Option<&Object>| o.and_then(|o| obj::resolve(doc, o)).and_then(obj::number_of);
        // Absurd widths would put glyphs at infinity; they are dropped for /DW.
        let width = |o: Option<&Object>| num(o).filter(|w| w.abs() < 1e6);
        while i < items.len() && budget > 0 {
            let Some(first) = num(items.get(i)).filter(|f| *f >= 0.0).map(|f| f as u32) else {
                i += 1;
                continue;
            };
            match items.get(i + 1).and_then(|o| obj::resolve(doc, o)) {
                Some(Object::Array(ws)) => {
                    for (k, w) in ws.iter().take(budget).enumerate() {
                        let Some(w) = width(Some(w)) else { continue };
                        let cid = first.saturating_add(k as u32);
                        match ranges.last_mut() {
                            Some(last) if last.1.checked_add(1) == Some(cid) && last.2 == w => last.1 = cid,
                            _ => ranges.push((cid, cid, w)),
                        }
                    }
                    budget = budget.saturating_sub(ws.len().max(1));
                    i += 2;
                }
                Some(_) => {
                    let last = num(items.get(i + 1)).filter(|l| *l >= 0.0).map(|l| l.min(u32::MAX as f32) as u32);
                    if let (Some(last), Some(w)) = (last, width(items.get(i + 2))) {
                        if last >= first {
                            ranges.push((first, last, w));
                        }
                    }
                    budget -= 1;
                    i += 3;
                }
                None => break,
            }
        }
        // Stable: among equal starts the later definition comes last and is found first below.
        ranges.sort_by_key(|r| r.0);
        CidWidths { ranges, default }
    }

    pub(super) fn width(&self, cid: Option<u32>) -> f32 {
        let Some(cid) = cid else { return self.default };
        let end = self.ranges.partition_point(|r| r.0 <= cid);
        let found = self.ranges.get(end.saturating_sub(8)..end).and_then(|s| s.iter().rev().find(|r| cid <= r.1));
        found.map_or(self.default, |r| r.2)
    }
}

/// How codes become CIDs.
enum ToCid {
    Predefined(Predefined),
    /// An embedded CMap's own CIDs, then those of the predefined CMap it builds on.
    Map(CidMap, Option<Predefined>),
    /// Unknown encoding: the code is used as CID, which is right for the Identity CMaps that producers
    /// embed under another name and harmless otherwise.
    Code,
}

enum CidToGid {
    Identity,
    Table(Vec<u16>),
}

/// Glyph id → Unicode from the embedded program, built on first need.
struct GlyphText {
    chars: Vec<u32>,
    /// For CID-keyed CFF: CID → glyph id from its charset.
    cff_cids: Option<Vec<u16>>,
}

pub(super) struct CidFont {
    pub(super) codespace: Codespace,
    to_cid: ToCid,
    /// A predefined CMap whose encoding gives text (also when an embedded CMap names one).
    predefined_text: Option<Predefined>,
    pub(super) widths: CidWidths,
    cid_to_gid: CidToGid,
    program: Option<Program>,
    glyph_text: OnceLock<Option<GlyphText>>,
    pub(super) vertical: bool,
    pub(super) encoding_name: String,
    /// Name of the predefined CMap whose encoding gives text, for `unicode_source`.
    pub(super) predefined_label: String,
    pub(super) notes: Vec<&'static str>,
}

/// An embedded CMap stream with its /UseCMap chain (parents first, so the child's definitions win).
pub(super) fn parse_cmap_chain(doc: &Document, stream: &Stream, id: Option<ObjectId>, out: &mut CMapBuilder) {
    let mut chain: Vec<&Stream> = vec![stream];
    let mut seen: HashSet<ObjectId> = id.into_iter().collect();
    let mut current = stream;
    while let Some((parent, pid)) = obj::stream(doc, &current.dict, b"UseCMap") {
        if chain.len() >= MAX_USECMAP_DEPTH || pid.is_some_and(|p| !seen.insert(p)) {
            out.notes.push("UseCMap chain cut (loop or too deep)");
            break;
        }
        chain.push(parent);
        current = parent;
    }
    for s in chain.iter().rev() {
        if let Some(data) = obj::stream_bytes(s, obj::CMAP_LIMIT) {
            out.parse(&data);
        }
    }
}

impl CidFont {
    /// `tounicode_space` is the codespace of the /ToUnicode CMap, used when the encoding gives none.
    pub(super) fn load(doc: &Document, font: &Dictionary, tounicode_space: Option<Codespace>) -> CidFont {
        let mut notes = Vec::new();
        let mut encoding_name = String::new();
        let mut predefined_label = None;
        let (codespace, to_cid, predefined_text, vertical) = match obj::get(doc, font, b"Encoding") {
            Some(Object::Name(n)) => {
                encoding_name = String::from_utf8_lossy(n).into_owned();
                predefined_label = Some(encoding_name.clone());
                match Predefined::by_name(n) {
                    Some(p) => (p.codespace(), ToCid::Predefined(p), Some(p).filter(|p| !p.is_identity()), p.vertical),
                    None => {
                        notes.push("unknown predefined CMap");
                        (tounicode_space.unwrap_or(Codespace::Fixed(2)), ToCid::Code, None, name_is_vertical(n))
                    }
                }
            }
            Some(Object::Stream(_)) => {
                let mut b = CMapBuilder::default();
                if let Some((s, id)) = obj::stream(doc, font, b"Encoding") {
                    parse_cmap_chain(doc, s, id, &mut b);
                }
                notes.extend(b.notes.iter().copied());
                let named = b.name.as_deref().or(b.usecmap.as_deref());
                encoding_name =
                    named.map_or_else(|| "embedded CMap".to_string(), |n| String::from_utf8_lossy(n).into_owned());
                // An embedded copy of a predefined CMap, or one that builds on one with `usecmap`.
                let (predefined, predefined_name): (Option<Predefined>, Option<String>) =
                    [b.name.as_deref(), b.usecmap.as_deref()]
                        .into_iter()
                        .flatten()
                        .find_map(|n| Some((Predefined::by_name(n)?, String::from_utf8_lossy(n).into_owned())))
                        .unzip();
                predefined_label = predefined_name.filter(|_| predefined.is_some_and(|p| !p.is_identity()));
                // A declared codespace wins; a parent's beats one guessed from this CMap's few codes.
                let declared = if b.has_declared_codespace() { b.codespace() } else { None };
                let space = declared
                    .or_else(|| predefined.map(|p| p.codespace()))
                    .or_else(|| b.codespace())
                    .or(tounicode_space);
                let to_cid = match (b.take_cid_map(), predefined) {
                    (Some(m), p) => ToCid::Map(m, p),
                    (None, Some(p)) => ToCid::Predefined(p),
                    (None, None) => ToCid::Code,
                };
                let vertical = b.vertical || predefined.is_some_and(|p| p.vertical);
                (space.unwrap_or(Codespace::Fixed(2)), to_cid, predefined.filter(|p| !p.is_identity()), vertical)
            }
            _ => {
                notes.push("Type0 font without a usable /Encoding");
                (tounicode_space.unwrap_or(Codespace::Fixed(2)), ToCid::Code, None, false)
            }
        };
        let cid_font = obj::array(doc, font, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| obj::resolve(doc, o))
            .and_then(|o| o.as_dict().ok());
        let widths =
            cid_font.map(|d| CidWidths::load(doc, d)).unwrap_or(CidWidths { ranges: Vec::new(), default: 1000.0 });
        let cid_to_gid = cid_font.map_or(CidToGid::Identity, |d| load_cid_to_gid(doc, d));
        let program = cid_font.and_then(|d| obj::dict(doc, d, b"FontDescriptor")).and_then(|fd| Program::load(doc, fd));
        CidFont {
            codespace,
            to_cid,
            predefined_text,
            widths,
            cid_to_gid,
            program,
            glyph_text: OnceLock::new(),
            vertical,
            predefined_label: predefined_label.unwrap_or_else(|| encoding_name.clone()),
            encoding_name,
            notes,
        }
    }

    pub(super) fn cid(&self, code: u32, len: usize) -> Option<u32> {
        match &self.to_cid {
            ToCid::Predefined(p) => p.cid(code, len),
            ToCid::Map(m, p) => m.get(code).or_else(|| p.and_then(|p| p.cid(code, len))),
            ToCid::Code => Some(code),
        }
    }

    pub(super) fn has_predefined_text(&self) -> bool {
        self.predefined_text.is_some()
    }

    pub(super) fn has_program_text(&self) -> bool {
        self.program.as_ref().is_some_and(|p| p.kind != ProgramKind::Type1)
    }

    pub(super) fn predefined_text(&self, code: u32, len: usize) -> Option<&'static str> {
        self.predefined_text?.text(code, len)
    }

    /// Text of a CID from the embedded program.
    pub(super) fn program_text(&self, cid: u32) -> Option<&'static str> {
        let program = self.program.as_ref()?;
        let gt = self.glyph_text.get_or_init(|| {
            let parsed = program.parse();
            let chars = parsed.glyph_chars();
            let cff_cids = parsed.cff_cid_to_gid();
            (chars.iter().any(|&c| c != 0)).then_some(GlyphText { chars, cff_cids })
        });
        let gt = gt.as_ref()?;
        let gid = match (&gt.cff_cids, &self.cid_to_gid) {
            (Some(map), _) => *map.get(cid as usize)?,
            (None, CidToGid::Table(t)) => *t.get(cid as usize)?,
            (None, CidToGid::Identity) => u16::try_from(cid).ok()?,
        };
        let c = char::from_u32(*gt.chars.get(usize::from(gid))?)?;
        clean_char(c)
    }

    /// /ToUnicode /Identity-H: the producer says codes are UTF-16 units.
    pub(super) fn identity_text(code: u32) -> Option<&'static str> {
        char::from_u32(code).and_then(clean_char)
    }
}

fn name_is_vertical(name: &[u8]) -> bool {
    name.ends_with(b"-V") || name == b"V"
}

fn load_cid_to_gid(doc: &Document, cid_font: &Dictionary) -> CidToGid {
    let Some((s, _)) = obj::stream(doc, cid_font, b"CIDToGIDMap") else { return CidToGid::Identity };
    match obj::stream_bytes(s, obj::CID_TO_GID_LIMIT) {
        Some(bytes) => {
            let table =
                bytes.chunks_exact(2).map(|p| if let [a, b] = p { u16::from_be_bytes([*a, *b]) } else { 0 }).collect();
            CidToGid::Table(table)
        }
        None => CidToGid::Identity,
    }
}
