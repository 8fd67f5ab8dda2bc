//! Text hygiene shared by every mapping source, and static storage for single characters.
//!
//! Every source of meaning (ToUnicode, predefined CMaps, glyph names, font cmaps) goes through the same
//! cleaning so that the fallback chain behaves alike everywhere: a mapping to NUL, a control, a private-use
//! or a non-character is "no mapping" (the next source may know better), look-alike ideographs are folded
//! (`fold.rs`) and the Latin ligatures are spelled out so that text search finds "fi" in "ﬁ".

use std::sync::OnceLock;

use super::fold::fold;

/// True for code points that carry no text: they come from producers that map unknown glyphs to
/// U+0000, U+FFFD or private-use values, so they must not reach the JSON.
pub(super) fn is_bad(c: char) -> bool {
    let cp = u32::from(c);
    cp < 0x20
        || (0x7F..=0x9F).contains(&cp)
        || (0xE000..=0xF8FF).contains(&cp)
        || (0xFDD0..=0xFDEF).contains(&cp)
        || (cp & 0xFFFE) == 0xFFFE
        || cp == 0xFFFD
        || cp >= 0xF0000
}

/// The cleaned text of one character: `None` when it is no text, otherwise a static string.
pub(super) fn clean_char(c: char) -> Option<&'static str> {
    if is_bad(c) {
        return None;
    }
    if let Some(s) = ligature(c) {
        return Some(s);
    }
    Some(char_str(fold(c)))
}

/// Appends the cleaned text of `chars` to `out`; returns false (and appends nothing) when nothing is left.
pub(super) fn push_clean(out: &mut String, chars: impl IntoIterator<Item = char>) -> bool {
    let start = out.len();
    for c in chars {
        if let Some(s) = clean_char(c) {
            out.push_str(s);
        }
    }
    out.len() > start
}

/// Text of the cleaned UTF-16BE string `bytes`; a single trailing odd byte is read as Latin-1, which is
/// what producers that write 1-byte destinations (`<41>`) mean.
pub(super) fn utf16be_chars(bytes: &[u8]) -> impl Iterator<Item = char> + '_ {
    let units = bytes.chunks(2).map(|p| match p {
        [hi, lo] => u16::from_be_bytes([*hi, *lo]),
        [b] => u16::from(*b),
        _ => 0,
    });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}'))
}

fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// One string per plane holding every code point of the plane in order, so that a `char` can be lent as
/// `&'static str` by arithmetic on its value: glyph text must be borrowed, never allocated per glyph, and
/// predefined CMaps or font cmaps yield single characters that live in no font arena. Planes are built on
/// first use (plane 0: 190 KiB; each other plane: 256 KiB, usually never).
static PLANES: [OnceLock<String>; 17] = [const { OnceLock::new() }; 17];

/// `&'static str` of a single character, without allocating per call.
pub(super) fn char_str(c: char) -> &'static str {
    let cp = u32::from(c);
    let plane = (cp >> 16) as usize;
    let Some(cell) = PLANES.get(plane) else { return "" };
    let s = cell.get_or_init(|| build_plane(plane as u32));
    let low = cp & 0xFFFF;
    let (start, len) = if plane == 0 {
        match low {
            0..=0x7F => (low, 1),
            0x80..=0x7FF => (0x80 + (low - 0x80) * 2, 2),
            _ => (0x80 + 0x780 * 2 + (low - 0x800) * 3, 3),
        }
    } else {
        (low * 4, 4)
    };
    let start = start as usize;
    s.get(start..start + len).unwrap_or("")
}

fn build_plane(plane: u32) -> String {
    let capacity = if plane == 0 { 0x80 + 0x780 * 2 + 0xF800 * 3 } else { 0x40000 };
    let mut s = String::with_capacity(capacity);
    for low in 0..=0xFFFFu32 {
        // Surrogates are no chars: a 3-byte stand-in keeps the arithmetic of `char_str` uniform.
        s.push(char::from_u32((plane << 16) | low).unwrap_or('\u{FFFD}'));
    }
    s
}
