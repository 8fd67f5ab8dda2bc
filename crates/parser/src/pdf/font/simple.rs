//! Simple fonts (Type1, MMType1, TrueType, Type3): one byte per code, everything precomputed per code.
//!
//! At load time each of the 256 codes gets its text and width, so decoding is one table lookup per byte.
//! Text comes from, in order: /ToUnicode; the glyph name from /Differences or the base encoding (explicit
//! /Encoding or /BaseEncoding, else the font's built-in one) through the AGL; the embedded program (glyph
//! name → glyph → its Unicode cmap entry or post name, or for symbolic fonts code → glyph through the
//! (3,0)/(1,0) cmap or CFF encoding). A standard glyph name is the producer's own statement and wins over a
//! font cmap, which subsetters often rewrite; the program is only asked for codes the names leave unmapped.
//! LibreOffice's CJK subsets (codes assigned in order of use, no /Encoding) have meaning only in /ToUnicode;
//! without it their codes stay unmapped rather than being read as WinAnsi garbage, since they are symbolic.

use lopdf::{Dictionary, Document, Object};

use super::codemap::TextMap;
use super::embedded::{Parsed, Program, ProgramKind};
use super::encodings::{self, STANDARD, SYMBOL, WIN_ANSI, ZAPF_DINGBATS};
use super::metrics::Std14;
use super::{agl, obj};

/// Elements of a /Differences array read at most (256 codes need far fewer; the rest is junk).
const MAX_DIFFERENCES: usize = 4096;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    off: u32,
    len: u32,
    width: f32,
}

/// Text and width of every code of a simple font.
pub(super) struct SimpleFont {
    arena: String,
    slots: Box<[Slot; 256]>,
}

impl SimpleFont {
    /// Text ("" when unmapped) and width of a code.
    pub(super) fn glyph(&self, code: u8) -> (&str, f32) {
        let s = self.slots.get(usize::from(code)).copied().unwrap_or_default();
        let start = s.off as usize;
        (self.arena.get(start..start + s.len as usize).unwrap_or(""), s.width)
    }
}

/// Where the names of the codes come from, for `unicode_source`.
struct Names<'a> {
    names: [&'a [u8]; 256],
    label: String,
}

fn encoding_names<'a>(
    doc: &'a Document,
    font: &'a Dictionary,
    builtin: Option<&'a [(u8, String)]>,
    implicit: Option<(&'static [&'static str; 256], &'static str)>,
) -> Names<'a> {
    let mut names: [&[u8]; 256] = [b""; 256];
    let mut label = String::new();
    let mut differences: Option<&[Object]> = None;
    let mut base: Option<&'static [&'static str; 256]> = None;
    let mut base_name: &[u8] = b"";
    match obj::get(doc, font, b"Encoding") {
        Some(Object::Name(n)) => {
            base = encodings::by_name(n);
            base_name = n;
        }
        Some(Object::Dictionary(d)) => {
            if let Some(n) = obj::name(doc, d, b"BaseEncoding") {
                base = encodings::by_name(n);
                base_name = n;
            }
            differences = obj::array(doc, d, b"Differences");
        }
        _ => {}
    }
    if base.is_some() {
        label.push_str(&String::from_utf8_lossy(base_name));
    } else if let Some(b) = builtin {
        for (code, name) in b {
            if let Some(slot) = names.get_mut(usize::from(*code)) {
                *slot = name.as_bytes();
            }
        }
        label.push_str("font built-in encoding");
    } else if let Some((table, what)) = implicit {
        base = Some(table);
        label.push_str(what);
    }
    if let Some(table) = base {
        for (slot, name) in names.iter_mut().zip(table.iter()) {
            *slot = name.as_bytes();
        }
    }
    if let Some(diffs) = differences {
        let mut code: Option<usize> = None;
        for item in diffs.iter().take(MAX_DIFFERENCES) {
            match obj::resolve(doc, item) {
                Some(Object::Integer(i)) => code = usize::try_from(*i).ok(),
                Some(Object::Name(n)) => {
                    if let Some(slot) = code.and_then(|c| names.get_mut(c)) {
                        *slot = n;
                    }
                    code = code.map(|c| c + 1);
                }
                _ => {}
            }
        }
        label.push_str(if label.is_empty() { "Differences" } else { "+Differences" });
    }
    Names { names, label }
}

/// What a font without any base encoding of its own falls back to (PDF 9.6.5): the standard-14 built-ins,
/// StandardEncoding for Type 1, WinAnsi for nonsymbolic TrueType, nothing for symbolic TrueType.
fn implicit_encoding(
    subtype: &[u8],
    std14: Option<Std14>,
    symbolic: bool,
) -> Option<(&'static [&'static str; 256], &'static str)> {
    match std14 {
        Some(Std14::Symbol) => return Some((&SYMBOL, "Symbol built-in encoding")),
        Some(Std14::Zapf) => return Some((&ZAPF_DINGBATS, "ZapfDingbats built-in encoding")),
        _ => {}
    }
    match subtype {
        b"Type3" => None,
        b"TrueType" if symbolic => None,
        b"TrueType" => Some((&WIN_ANSI, "WinAnsiEncoding (implicit)")),
        _ => Some((&STANDARD, "StandardEncoding (implicit)")),
    }
}

/// Width in thousandths of a code when nothing else knows it: CJK glyphs are square, Latin ones about half.
pub(super) fn default_width(text: &str) -> f32 {
    let wide = text.chars().next().is_some_and(|c| {
        matches!(u32::from(c), 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
    });
    if wide {
        1000.0
    } else {
        500.0
    }
}

/// Loads a simple font; `sources` receives the labels of the sources that mapped at least one code.
pub(super) fn load(
    doc: &Document,
    font: &Dictionary,
    subtype: &[u8],
    base_font: &str,
    tounicode: Option<&TextMap>,
    sources: &mut Vec<String>,
) -> SimpleFont {
    let descriptor = obj::dict(doc, font, b"FontDescriptor");
    let flags = descriptor.and_then(|d| obj::number(doc, d, b"Flags")).map_or(0, |f| f as i64);
    let symbolic = flags & 4 != 0 && flags & 32 == 0;
    let program = if subtype == b"Type3" { None } else { descriptor.and_then(|d| Program::load(doc, d)) };
    let std14 = if program.is_none() { Std14::from_base_font(base_font) } else { None };
    let parsed = program.as_ref().map(Program::parse);
    let type1_builtin = program.as_ref().and_then(Program::type1_encoding);
    let implicit = match program.as_ref().map(|p| p.kind) {
        // A CFF program's built-in encoding is read glyph by glyph below.
        Some(ProgramKind::Cff) => None,
        _ => implicit_encoding(subtype, std14, symbolic),
    };
    let names = encoding_names(doc, font, type1_builtin.as_deref(), implicit);
    let zapf = std14 == Some(Std14::Zapf) || base_font.contains("Dingbats");

    let mut arena = String::new();
    let mut slots = Box::new([Slot::default(); 256]);
    let mut used = [false; 3];
    let range = code_range(doc, font);
    let mut pending = Vec::new();
    for code in 0..=255u8 {
        let off = arena.len();
        let from_tounicode = tounicode.and_then(|t| t.get(u32::from(code)));
        let name = names.names.get(usize::from(code)).copied().unwrap_or(b"");
        let source = if let Some(text) = from_tounicode {
            arena.push_str(text);
            0
        } else if agl::push_name_text(&mut arena, name, zapf) {
            1
        } else {
            // Only declared codes are worth asking the program about (inverting its cmap has a cost).
            if range.contains(&code) {
                pending.push(code);
            }
            continue;
        };
        if let Some(flag) = used.get_mut(source).filter(|_| range.contains(&code)) {
            *flag = true;
        }
        if let Some(slot) = slots.get_mut(usize::from(code)) {
            *slot = Slot { off: off as u32, len: (arena.len() - off) as u32, width: 0.0 };
        }
    }
    if let Some(p) = &parsed {
        let found = resolve_with_program(p, &pending, &names.names, &mut arena, &mut slots);
        used[2] = found.iter().any(|c| range.contains(c));
    }
    for (i, label) in ["ToUnicode", names.label.as_str(), "embedded cmap"].iter().enumerate() {
        if used.get(i).copied().unwrap_or(false) && !label.is_empty() {
            sources.push((*label).to_string());
        }
    }
    let mut simple = SimpleFont { arena, slots };
    let known = Known { std14, parsed: parsed.as_ref(), names: &names.names };
    set_widths(doc, font, subtype, descriptor, &known, &mut simple);
    simple
}

/// The codes a font declares (FirstChar..=LastChar), all codes when it declares none.
fn code_range(doc: &Document, font: &Dictionary) -> std::ops::RangeInclusive<u8> {
    let first = obj::number(doc, font, b"FirstChar").map_or(0.0, |f| f.clamp(0.0, 255.0)) as u8;
    let last = obj::number(doc, font, b"LastChar").map_or(255.0, |f| f.clamp(0.0, 255.0)) as u8;
    first..=last
}

/// Maps the still unmapped `codes` through the embedded program; returns the codes it could map.
fn resolve_with_program(
    p: &Parsed,
    codes: &[u8],
    names: &[&[u8]; 256],
    arena: &mut String,
    slots: &mut [Slot; 256],
) -> Vec<u8> {
    let gids: Vec<(u8, u16)> = codes
        .iter()
        .filter_map(|&code| {
            let name = names.get(usize::from(code)).copied().unwrap_or(b"");
            let by_name = std::str::from_utf8(name).ok().filter(|n| !n.is_empty()).and_then(|n| p.gid_by_name(n));
            let gid = by_name.or_else(|| if name.is_empty() { p.gid_by_code(code) } else { None })?;
            Some((code, gid))
        })
        .collect();
    if gids.is_empty() {
        return Vec::new();
    }
    // Inverting the cmap walks all of it, so it is done only when some code needs it.
    let chars = p.glyph_chars();
    let mut found = Vec::new();
    for (code, gid) in gids {
        let off = arena.len();
        let c = chars.get(usize::from(gid)).copied().and_then(char::from_u32);
        if c.is_some_and(|c| super::unicode::push_clean(arena, [c])) {
            if let Some(slot) = slots.get_mut(usize::from(code)) {
                *slot = Slot { off: off as u32, len: (arena.len() - off) as u32, width: 0.0 };
            }
            found.push(code);
        }
    }
    found
}

/// What width fallbacks can use besides the font dictionary.
struct Known<'a, 'p> {
    std14: Option<Std14>,
    parsed: Option<&'a Parsed<'p>>,
    names: &'a [&'a [u8]; 256],
}

fn set_widths(
    doc: &Document,
    font: &Dictionary,
    subtype: &[u8],
    descriptor: Option<&Dictionary>,
    known: &Known,
    simple: &mut SimpleFont,
) {
    let Known { std14, parsed, names } = *known;
    // Type 3 glyph space is scaled by /FontMatrix; the others use 1/1000 of text space.
    let scale = if subtype == b"Type3" { type3_matrix(doc, font)[0] * 1000.0 } else { 1.0 };
    let missing = descriptor.and_then(|d| obj::number(doc, d, b"MissingWidth"));
    let widths = obj::array(doc, font, b"Widths");
    let first = obj::number(doc, font, b"FirstChar").unwrap_or(0.0);
    for code in 0..=255u8 {
        let name = std::str::from_utf8(names.get(usize::from(code)).copied().unwrap_or(b"")).unwrap_or("");
        let given = widths.and_then(|w| {
            let i = f32::from(code) - first;
            if i < 0.0 {
                return None;
            }
            w.get(i as usize).and_then(|o| obj::resolve(doc, o)).and_then(obj::number_of)
        });
        let width = given.map(|w| w * scale).or_else(|| {
            // Without /Widths a standard-14 font has its AFM widths (PDF 9.6.2.2); an embedded program's
            // own advances are the next best guess for sloppy producers.
            let program_width = || {
                let p = parsed?;
                let by_unicode = || p.gid_by_unicode(*agl::name_chars(name.as_bytes(), false).first()?);
                let gid = p.gid_by_name(name).or_else(by_unicode).or_else(|| p.gid_by_code(code))?;
                p.advance(gid)
            };
            let metric = std14.and_then(|s| s.width(code, name));
            if widths.is_some() {
                missing.or(metric)
            } else {
                metric.or_else(program_width).or(missing)
            }
        });
        let (text, _) = simple.glyph(code);
        let fallback = if widths.is_some() { 0.0 } else { default_width(text) };
        // Absurd numbers (1e30 × a FontMatrix of 1e30) must not put glyphs at infinity.
        let width = width.filter(|w| w.is_finite() && w.abs() < 1e6).unwrap_or(fallback);
        if let Some(slot) = simple.slots.get_mut(usize::from(code)) {
            slot.width = width;
        }
    }
}

/// The /FontMatrix of a Type 3 font, the default [0.001 0 0 0.001 0 0] when absent or malformed.
pub(super) fn type3_matrix(doc: &Document, font: &Dictionary) -> [f32; 6] {
    let nums: Vec<f32> = obj::array(doc, font, b"FontMatrix")
        .unwrap_or(&[])
        .iter()
        .filter_map(|o| obj::resolve(doc, o))
        .filter_map(obj::number_of)
        .collect();
    match <[f32; 6]>::try_from(nums.as_slice()) {
        Ok(m) if m.iter().all(|v| v.is_finite() && v.abs() < 1e6) && m[0] != 0.0 => m,
        _ => [0.001, 0.0, 0.0, 0.001, 0.0, 0.0],
    }
}
