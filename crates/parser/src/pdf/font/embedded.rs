//! Meaning recovered from an embedded font program (FontFile, FontFile2, FontFile3).
//!
//! When a PDF has no /ToUnicode (or one with holes), the font program may still say what its glyphs are:
//! TrueType/OpenType `cmap` subtables map Unicode to glyph ids, so inverting them gives glyph → Unicode;
//! `post` and CFF charsets give glyph names; a Type1 or CFF font has a built-in encoding that a simple font
//! without /Encoding uses. Everything goes through ttf-parser (which never panics on bad data) or a small
//! tokenizer, and the table directory is searched linearly because PDF subsetters do not always sort it.

use lopdf::{Dictionary, Document};
use ttf_parser::{cff, cmap, head, hhea, hmtx, maxp, post, GlyphId, PlatformId, RawFace};

use super::agl;
use super::cmap::{Lexer, Tok};
use super::obj;
use super::sfntcmap;
use super::unicode::is_bad;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ProgramKind {
    /// TrueType or OpenType (`glyf` or `CFF ` outlines) in an sfnt wrapper.
    Sfnt,
    /// A bare CFF (FontFile3 /Type1C or /CIDFontType0C).
    Cff,
    /// A Type 1 font (FontFile): only its clear-text part is read, for the built-in encoding.
    Type1,
}

/// The decoded font program of a font descriptor.
pub(super) struct Program {
    data: Vec<u8>,
    pub(super) kind: ProgramKind,
    /// Length of the clear-text part of a Type 1 program (/Length1).
    clear_len: usize,
}

impl Program {
    pub(super) fn load(doc: &Document, descriptor: &Dictionary) -> Option<Program> {
        for key in [&b"FontFile2"[..], b"FontFile3", b"FontFile"] {
            let Some((stream, _)) = obj::stream(doc, descriptor, key) else { continue };
            let Some(data) = obj::stream_bytes(stream, obj::PROGRAM_LIMIT) else { continue };
            let sfnt = matches!(data.get(..4), Some(b"\0\x01\0\0" | b"OTTO" | b"true" | b"ttcf"));
            let kind = match key {
                b"FontFile" => ProgramKind::Type1,
                _ if sfnt => ProgramKind::Sfnt,
                b"FontFile3" => ProgramKind::Cff,
                _ => continue,
            };
            let clear_len = obj::number(doc, &stream.dict, b"Length1").map_or(0, |n| n.max(0.0) as usize);
            return Some(Program { data, kind, clear_len });
        }
        None
    }

    pub(super) fn parse(&self) -> Parsed<'_> {
        let mut p = Parsed::default();
        match self.kind {
            ProgramKind::Sfnt => {
                let Ok(raw) = RawFace::parse(&self.data, 0) else { return p };
                let table = |tag: &[u8; 4]| {
                    let rec = raw.table_records.into_iter().find(|r| r.tag.to_bytes() == *tag)?;
                    let start = usize::try_from(rec.offset).ok()?;
                    raw.data.get(start..start.checked_add(usize::try_from(rec.length).ok()?)?)
                };
                p.cmap_raw = table(b"cmap");
                p.cmap = p.cmap_raw.and_then(cmap::Table::parse);
                p.post_raw = table(b"post");
                p.post = p.post_raw.and_then(post::Table::parse);
                p.cff = table(b"CFF ").and_then(cff::Table::parse);
                let glyphs = table(b"maxp").and_then(maxp::Table::parse).map(|m| m.number_of_glyphs);
                let metrics = table(b"hhea").and_then(hhea::Table::parse).map(|h| h.number_of_metrics);
                let upem = table(b"head").and_then(head::Table::parse).map(|h| h.units_per_em);
                if let (Some(n), Some(m), Some(upem), Some(data)) = (glyphs, metrics, upem, table(b"hmtx")) {
                    p.hmtx = hmtx::Table::parse(m, n, data).map(|t| (t, 1000.0 / f32::from(upem.max(1))));
                }
                p.glyph_count = glyphs.map_or(0, |n| n.get());
            }
            ProgramKind::Cff => {
                p.cff = cff::Table::parse(&self.data);
            }
            ProgramKind::Type1 => {}
        }
        if let Some(c) = &p.cff {
            p.glyph_count = p.glyph_count.max(c.number_of_glyphs());
        }
        p
    }

    /// The built-in encoding of a Type 1 program (`dup <code> /<name> put` in its clear text), or `None`
    /// when it uses StandardEncoding or cannot be read.
    pub(super) fn type1_encoding(&self) -> Option<Vec<(u8, String)>> {
        if self.kind != ProgramKind::Type1 {
            return None;
        }
        let clear = match self.data.get(..self.clear_len) {
            Some(c) if self.clear_len > 0 => c,
            _ => &self.data,
        };
        let mut lx = Lexer::new(clear);
        let mut out = Vec::new();
        let mut window: [Option<Tok>; 3] = [None; 3];
        while let Some(tok) = lx.next_tok() {
            match (window, tok) {
                (_, Tok::Key(b"eexec")) => break,
                ([Some(Tok::Key(b"dup")), Some(Tok::Int(code)), Some(Tok::Name(name))], Tok::Key(b"put")) => {
                    if let Ok(code) = u8::try_from(code) {
                        out.push((code, String::from_utf8_lossy(name).into_owned()));
                    }
                }
                ([_, Some(Tok::Name(b"Encoding")), Some(Tok::Key(b"StandardEncoding"))], _) => return None,
                _ => {}
            }
            window = [window[1], window[2], Some(tok)];
        }
        (!out.is_empty()).then_some(out)
    }
}

/// The tables of an embedded program that this module reads.
#[derive(Default)]
pub(super) struct Parsed<'a> {
    cmap: Option<cmap::Table<'a>>,
    cmap_raw: Option<&'a [u8]>,
    post: Option<post::Table<'a>>,
    post_raw: Option<&'a [u8]>,
    cff: Option<cff::Table<'a>>,
    /// Advance widths and the factor from font units to thousandths of an em.
    hmtx: Option<(hmtx::Table<'a>, f32)>,
    glyph_count: u16,
}

/// Rank of a cmap subtable (platform, encoding) as a source of Unicode; lower is better, `None` for
/// non-Unicode ones.
fn unicode_rank(platform: u16, encoding: u16) -> Option<u8> {
    match (platform, encoding) {
        (3, 10) => Some(0),
        (0, 4 | 6) => Some(1),
        (3, 1) => Some(2),
        (0, _) => Some(3),
        _ => None,
    }
}

impl Parsed<'_> {
    /// Unicode scalar value per glyph id (0 = unknown): the inverted Unicode cmaps, best subtable first,
    /// the smallest code point winning within one (U+0020 over U+00A0, unified over compatibility
    /// ideographs), then glyph names (post, CFF charset) for glyphs no cmap reaches.
    pub(super) fn glyph_chars(&self) -> Vec<u32> {
        let mut chars = vec![0u32; usize::from(self.glyph_count)];
        let raw = self.cmap_raw.map(sfntcmap::subtables).unwrap_or_default();
        let mut subs: Vec<(u8, usize)> =
            raw.iter().enumerate().filter_map(|(i, &(pid, eid, _))| unicode_rank(pid, eid).map(|r| (r, i))).collect();
        subs.sort_by_key(|&(rank, _)| rank);
        // Glyphs still without text; the work stops once every glyph but .notdef has some.
        let mut remaining = chars.len().saturating_sub(1);
        for (_, i) in subs {
            if remaining == 0 {
                break;
            }
            let mut assign = |cp: u32, gid: u16| {
                let Some(slot) = chars.get_mut(usize::from(gid)) else { return };
                if *slot == 0 && char::from_u32(cp).is_some_and(|c| !is_bad(c)) {
                    *slot = cp;
                    remaining = remaining.saturating_sub(1);
                }
            };
            let Some(&(_, _, data)) = raw.get(i) else { continue };
            if sfntcmap::for_each_mapping(data, self.glyph_count, &mut assign) {
                continue;
            }
            // Rare formats (0, 2, 6, 10, 13): ask ttf-parser for every code point, which is bounded whatever
            // the subtable claims.
            let Some(sub) = self.cmap.as_ref().and_then(|t| t.subtables.get(i as u16)) else { continue };
            let last = match sub.format {
                cmap::Format::TrimmedArray(_) | cmap::Format::ManyToOneRangeMappings(_) => 0x2FFFF,
                cmap::Format::UnicodeVariationSequences(_) => continue,
                _ => 0xFFFF,
            };
            for cp in (0x20..=last).filter(|cp| !(0xD800..=0xDFFF).contains(cp)) {
                if let Some(gid) = sub.glyph_index(cp).filter(|g| g.0 != 0) {
                    assign(cp, gid.0);
                }
            }
        }
        if !chars.iter().skip(1).any(|&c| c == 0) {
            return chars;
        }
        let names = self.all_glyph_names();
        for (gid, slot) in chars.iter_mut().enumerate().skip(1) {
            if *slot != 0 {
                continue;
            }
            let Some(name) = names.get(gid).copied().flatten() else { continue };
            if let [c] = agl::name_chars(name.as_bytes(), false).as_slice() {
                if !is_bad(*c) {
                    *slot = u32::from(*c);
                }
            }
        }
        chars
    }

    /// Every glyph's name, by glyph id. `post::Table::glyph_name` walks the name list for each custom
    /// name (quadratic on a 30 000-glyph CJK font), so the format 2 table is read here in one pass.
    fn all_glyph_names(&self) -> Vec<Option<&str>> {
        let count = usize::from(self.glyph_count);
        if let (Some(post), Some(raw)) = (&self.post, self.post_raw) {
            if raw.get(..4) == Some(&[0, 2, 0, 0][..]) {
                let custom: Vec<&str> = post.names().collect();
                let indexes = raw.get(34..).unwrap_or(&[]).chunks_exact(2).take(count);
                return indexes
                    .enumerate()
                    .map(|(gid, pair)| {
                        let index = usize::from(u16::from_be_bytes([pair.first().copied()?, pair.get(1).copied()?]));
                        match index.checked_sub(258) {
                            Some(i) => custom.get(i).copied(),
                            None => post.glyph_name(GlyphId(gid as u16)),
                        }
                    })
                    .collect();
            }
        }
        (0..count).map(|gid| self.glyph_name(gid as u16)).collect()
    }

    pub(super) fn glyph_name(&self, gid: u16) -> Option<&str> {
        let id = GlyphId(gid);
        self.post.as_ref().and_then(|p| p.glyph_name(id)).or_else(|| self.cff.as_ref()?.glyph_name(id))
    }

    /// Glyph id of a named glyph (post table or CFF charset).
    pub(super) fn gid_by_name(&self, name: &str) -> Option<u16> {
        let id = self.post.as_ref().and_then(|p| p.glyph_index_by_name(name));
        id.or_else(|| self.cff.as_ref()?.glyph_index_by_name(name)).map(|g| g.0).filter(|&g| g != 0)
    }

    /// Glyph id of a simple font's code through the font's own encoding: the (3,0) symbol cmap at
    /// 0xF000+code or code, the (1,0) Mac cmap, or a CFF built-in encoding (PDF 9.6.5.4).
    pub(super) fn gid_by_code(&self, code: u8) -> Option<u16> {
        if let Some(table) = &self.cmap {
            let find = |pid: PlatformId, eid: u16| {
                table.subtables.into_iter().find(|s| s.platform_id == pid && s.encoding_id == eid)
            };
            if let Some(sub) = find(PlatformId::Windows, 0) {
                let gid = sub.glyph_index(0xF000 + u32::from(code)).or_else(|| sub.glyph_index(u32::from(code)));
                if let Some(g) = gid.filter(|g| g.0 != 0) {
                    return Some(g.0);
                }
            }
            if let Some(sub) = find(PlatformId::Macintosh, 0) {
                if let Some(g) = sub.glyph_index(u32::from(code)).filter(|g| g.0 != 0) {
                    return Some(g.0);
                }
            }
        }
        self.cff.as_ref()?.glyph_index(code).map(|g| g.0).filter(|&g| g != 0)
    }

    /// Glyph id for a Unicode value through the Unicode cmaps (used to find named glyphs in TrueType).
    pub(super) fn gid_by_unicode(&self, c: char) -> Option<u16> {
        let table = self.cmap.as_ref()?;
        let gid = table.subtables.into_iter().filter(|s| s.is_unicode()).find_map(|s| s.glyph_index(u32::from(c)));
        gid.map(|g| g.0).filter(|&g| g != 0)
    }

    /// Advance width of a glyph in thousandths of an em.
    pub(super) fn advance(&self, gid: u16) -> Option<f32> {
        if let Some((hmtx, scale)) = &self.hmtx {
            return hmtx.advance(GlyphId(gid)).map(|w| f32::from(w) * scale);
        }
        let cff = self.cff.as_ref()?;
        let w = cff.glyph_width(GlyphId(gid))?;
        Some(f32::from(w) * cff.matrix().sx * 1000.0)
    }

    /// CID → glyph id of a CID-keyed CFF (its charset maps glyphs to CIDs); `None` if not CID-keyed.
    pub(super) fn cff_cid_to_gid(&self) -> Option<Vec<u16>> {
        let cff = self.cff.as_ref()?;
        let mut map: Vec<u16> = Vec::new();
        for gid in 0..cff.number_of_glyphs() {
            let cid = usize::from(cff.glyph_cid(GlyphId(gid))?);
            if map.len() <= cid {
                map.resize(cid + 1, 0);
            }
            if let Some(slot) = map.get_mut(cid) {
                *slot = gid;
            }
        }
        Some(map)
    }
}
