//! Lookup structures built from CMaps: code splitting (codespace), code→text and code→CID.
//!
//! They are built once per font and then only read; lookups are binary searches over sorted vectors (the
//! decode loop of 1-byte fonts uses a 256-entry table built from them instead). Large `bfrange`s stay
//! ranges rather than being expanded, so a hostile `<00000000> <FFFFFFFF>` costs one entry.

use super::agl;
use super::unicode::{clean_char, push_clean, utf16be_chars};

/// How many codes of small `bfrange`s are expanded into single entries per font, in total. Expansion keeps
/// "later definition wins" exact for overlapping definitions; beyond the budget ranges stay ranges.
const EXPAND_BUDGET: u64 = 1 << 18;
/// A `bfrange` of at most this many codes is expanded (while the budget lasts).
const SMALL_RANGE: u64 = 256;
/// Cap on single entries (bfchar, array elements, expanded ranges) per font.
const MAX_SINGLES: usize = 1 << 20;
/// Text bytes kept per font; a ToUnicode stream is capped at 4 MiB, so this is never reached honestly.
const MAX_ARENA: usize = 16 << 20;
/// How far back a lookup scans for an enclosing range among ranges that start below the code; overlapping
/// large ranges only occur in damaged or hostile CMaps.
const OVERLAP_SCAN: usize = 8;

/// One codespace range: `len` bytes, each between the corresponding bytes of `lo` and `hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CsRange {
    pub(super) len: u8,
    pub(super) lo: [u8; 4],
    pub(super) hi: [u8; 4],
}

impl CsRange {
    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() == usize::from(self.len)
            && bytes.iter().zip(self.lo.iter().zip(self.hi.iter())).all(|(b, (lo, hi))| lo <= b && b <= hi)
    }

    fn first_byte_matches(&self, b: u8) -> bool {
        self.lo[0] <= b && b <= self.hi[0]
    }
}

/// Splits shown strings into character codes (PDF 9.7.6.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Codespace {
    /// Every code has this many bytes (simple fonts: 1; Identity-H and UCS-2 CMaps: 2).
    Fixed(u8),
    Ranges {
        ranges: Vec<CsRange>,
        shortest: u8,
    },
}

impl Codespace {
    pub(super) fn from_ranges(ranges: Vec<CsRange>) -> Codespace {
        if let [r] = ranges.as_slice() {
            let n = usize::from(r.len);
            if r.lo.iter().take(n).all(|&b| b == 0) && r.hi.iter().take(n).all(|&b| b == 0xFF) {
                return Codespace::Fixed(r.len);
            }
        }
        let shortest = ranges.iter().map(|r| r.len).min().unwrap_or(1);
        Codespace::Ranges { ranges, shortest }
    }

    /// The next code of `bytes` (non-empty): its value, its length in bytes (≥ 1) and whether it is a
    /// valid code. Invalid ones consume the length of a range whose first byte matches, else of the
    /// shortest range, as PDF 2.0 9.7.6.3 says; a code cut off by the end of the string is invalid.
    pub(super) fn next(&self, bytes: &[u8]) -> (u32, usize, bool) {
        let value = |n: usize| bytes.iter().take(n).fold(0u32, |acc, &b| acc << 8 | u32::from(b));
        match self {
            Codespace::Fixed(n) => {
                let n = usize::from(*n).max(1);
                let take = n.min(bytes.len()).max(1);
                (value(take), take, take == n)
            }
            Codespace::Ranges { ranges, shortest } => {
                for n in 1..=4usize.min(bytes.len()) {
                    let head = bytes.get(..n).unwrap_or(&[]);
                    if ranges.iter().any(|r| r.matches(head)) {
                        return (value(n), n, true);
                    }
                }
                let first = bytes.first().copied().unwrap_or(0);
                let n = (1..=4u8)
                    .find(|&n| ranges.iter().any(|r| r.len == n && r.first_byte_matches(first)))
                    .unwrap_or(*shortest);
                let take = usize::from(n).min(bytes.len()).max(1);
                (value(take), take, false)
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Single {
    code: u32,
    off: u32,
    len: u32,
}

/// A range of codes mapped to consecutive single characters.
#[derive(Debug, Clone, Copy)]
struct CharRange {
    lo: u32,
    hi: u32,
    first: u32,
}

/// Accumulates code→text definitions in source order.
#[derive(Default)]
pub(super) struct TextMapBuilder {
    arena: String,
    singles: Vec<Single>,
    ranges: Vec<CharRange>,
    expanded: u64,
    pub(super) notes: Vec<&'static str>,
}

impl TextMapBuilder {
    fn note(&mut self, what: &'static str) {
        if !self.notes.contains(&what) {
            self.notes.push(what);
        }
    }

    fn has_room(&mut self) -> bool {
        if self.singles.len() >= MAX_SINGLES || self.arena.len() >= MAX_ARENA {
            self.note("text entry cap reached");
            return false;
        }
        true
    }

    fn push_chars(&mut self, code: u32, chars: impl IntoIterator<Item = char>) {
        if !self.has_room() {
            return;
        }
        let off = self.arena.len();
        // A destination that cleans to nothing (U+0000, private use, …) is left out so that the next
        // source of meaning gets its chance.
        if push_clean(&mut self.arena, chars) {
            let len = self.arena.len() - off;
            self.singles.push(Single { code, off: off as u32, len: len as u32 });
        }
    }

    /// `code` → the UTF-16BE text `dst`.
    pub(super) fn add_utf16(&mut self, code: u32, dst: &[u8]) {
        self.push_chars(code, utf16be_chars(dst));
    }

    /// `code` → the text of a glyph name (CMaps may give `/name` destinations).
    pub(super) fn add_glyph_name(&mut self, code: u32, name: &[u8]) {
        if !self.has_room() {
            return;
        }
        let off = self.arena.len();
        if agl::push_name_text(&mut self.arena, name, false) {
            let len = self.arena.len() - off;
            self.singles.push(Single { code, off: off as u32, len: len as u32 });
        }
    }

    /// `lo..=hi` → `dst`, then `dst` with its last character incremented per code. The spec increments the
    /// last byte; incrementing the code point is the same for all real CMaps and stays sane across a
    /// surrogate pair or a byte carry.
    pub(super) fn add_range(&mut self, lo: u32, hi: u32, dst: &[u8]) {
        let chars: Vec<char> = utf16be_chars(dst).collect();
        let Some((&last, head)) = chars.split_last() else { return };
        let count = u64::from(hi - lo) + 1;
        let expand = count <= SMALL_RANGE && self.expanded + count <= EXPAND_BUDGET;
        if head.is_empty() && !expand {
            self.ranges.push(CharRange { lo, hi, first: u32::from(last) });
            return;
        }
        if self.expanded + count > EXPAND_BUDGET {
            self.note("multi-character bfrange over the expansion budget skipped");
            return;
        }
        self.expanded += count;
        for i in 0..count {
            let code = lo + i as u32;
            let Some(inc) = char::from_u32(u32::from(last).wrapping_add(i as u32)) else { continue };
            self.push_chars(code, head.iter().copied().chain(std::iter::once(inc)));
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.singles.is_empty() && self.ranges.is_empty()
    }

    pub(super) fn build(mut self) -> TextMap {
        // Stable sort keeps source order among equal codes; keeping the last of each run makes later
        // definitions win, as in a CMap that redefines a code after `usecmap`.
        self.singles.sort_by_key(|s| s.code);
        let mut singles: Vec<Single> = Vec::with_capacity(self.singles.len());
        for s in self.singles {
            match singles.last_mut() {
                Some(prev) if prev.code == s.code => *prev = s,
                _ => singles.push(s),
            }
        }
        self.ranges.sort_by_key(|r| r.lo);
        TextMap { arena: self.arena, singles, ranges: self.ranges }
    }
}

/// Code → Unicode text, from a ToUnicode CMap.
#[derive(Debug, Default)]
pub(super) struct TextMap {
    arena: String,
    singles: Vec<Single>,
    ranges: Vec<CharRange>,
}

impl TextMap {
    pub(super) fn get(&self, code: u32) -> Option<&str> {
        if let Ok(i) = self.singles.binary_search_by_key(&code, |s| s.code) {
            let s = self.singles.get(i)?;
            let start = s.off as usize;
            return self.arena.get(start..start + s.len as usize);
        }
        let end = self.ranges.partition_point(|r| r.lo <= code);
        let r = self.ranges.get(end.saturating_sub(OVERLAP_SCAN)..end)?.iter().rev().find(|r| code <= r.hi)?;
        clean_char(char::from_u32(r.first.checked_add(code - r.lo)?)?)
    }

    pub(super) fn len(&self) -> usize {
        self.singles.len() + self.ranges.len()
    }
}

/// Codes `lo..=hi` → CIDs `cid..` (or all `cid` for notdef ranges).
#[derive(Debug, Clone, Copy)]
pub(super) struct CidRange {
    pub(super) lo: u32,
    pub(super) hi: u32,
    pub(super) cid: u32,
}

/// Code → CID, from an embedded encoding CMap.
#[derive(Debug, Default)]
pub(super) struct CidMap {
    ranges: Vec<CidRange>,
    notdef: Vec<CidRange>,
}

fn find_range(ranges: &[CidRange], code: u32) -> Option<&CidRange> {
    let end = ranges.partition_point(|r| r.lo <= code);
    ranges.get(end.saturating_sub(OVERLAP_SCAN)..end)?.iter().rev().find(|r| code <= r.hi)
}

impl CidMap {
    pub(super) fn new(mut ranges: Vec<CidRange>, mut notdef: Vec<CidRange>) -> CidMap {
        ranges.sort_by_key(|r| r.lo);
        notdef.sort_by_key(|r| r.lo);
        CidMap { ranges, notdef }
    }

    pub(super) fn get(&self, code: u32) -> Option<u32> {
        if let Some(r) = find_range(&self.ranges, code) {
            return r.cid.checked_add(code - r.lo);
        }
        find_range(&self.notdef, code).map(|r| r.cid)
    }
}
