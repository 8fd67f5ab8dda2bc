//! Characters into words and lines, in reading order.
//!
//! A line is a run of characters whose vertical extents overlap (by [`LayoutSettings::line_overlap`]
//! of the smaller one), read left to right. Between two characters a space is written where
//! the gap is wide: for Latin letters and digits past [`LayoutSettings::latin_space`] of the
//! font size, for CJK text — which has no spaces — only past [`LayoutSettings::cjk_space`],
//! so a justified line stays one word and two fields on a line stay apart. A character drawn
//! twice at almost the same place (fake bold: the same text shown again with a small offset)
//! is kept once.

use super::geom::Rect;
use super::interp::PageChar;

/// The tolerances of word and line building, in fractions of the font size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutSettings {
    /// Two characters are on one line when their vertical extents overlap by this share of the
    /// smaller height.
    pub line_overlap: f32,
    /// A gap wider than this (× font size) between Latin letters or digits is a space.
    pub latin_space: f32,
    /// A gap wider than this (× font size) next to a CJK character is a space.
    pub cjk_space: f32,
    /// A copy of the character within this distance (× font size) is a fake-bold double.
    pub bold_offset: f32,
    /// A cell whose text leaves less than this many lines' height of space in it (above and
    /// below together: text may be centred) is filled to its bottom: text cut by a page break
    /// runs to the break.
    pub fill_slack: f32,
}

impl Default for LayoutSettings {
    fn default() -> Self {
        LayoutSettings { line_overlap: 0.5, latin_space: 0.2, cjk_space: 0.8, bold_offset: 0.2, fill_slack: 1.0 }
    }
}

/// One line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub bbox: Rect,
    /// Font size of the line (largest character).
    pub size: f32,
    /// Where each word starts and ends: (x0, x1, byte range in `text`).
    pub words: Vec<Word>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub x0: f32,
    pub x1: f32,
    pub start: usize,
    pub end: usize,
}

/// CJK ideographs, kana, hangul and the full-width forms and punctuation set without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// True when the text ends where a cell's text can end: a sentence, a bracket, a title, a
/// document number. A cell cut by a row border or a page break usually stops elsewhere.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end().chars().last().is_some_and(|c| "。；;）)》号！？!?」』】".contains(c))
}

/// The lines of `chars` (indices into `all`) top to bottom.
pub fn lines(all: &[PageChar], chars: &[usize], s: &LayoutSettings) -> Vec<Line> {
    let mut order: Vec<usize> = chars.iter().copied().filter(|&i| all.get(i).is_some()).collect();
    let top_left = |i: usize| all.get(i).map(|c| (c.bbox.y0, c.bbox.x0)).unwrap_or((f32::MAX, f32::MAX));
    order.sort_by(|&a, &b| {
        let ((ya, xa), (yb, xb)) = (top_left(a), top_left(b));
        ya.total_cmp(&yb).then(xa.total_cmp(&xb))
    });
    // Each line: its members and vertical extent.
    let mut groups: Vec<(Vec<usize>, f32, f32)> = Vec::new();
    for i in order {
        let Some(c) = all.get(i) else { continue };
        let (y0, y1) = (c.bbox.y0, c.bbox.y1);
        // Recent lines only: characters come sorted by top.
        let found = groups.iter_mut().rev().take(4).find(|(_, g0, g1)| {
            let overlap = y1.min(*g1) - y0.max(*g0);
            let smaller = (y1 - y0).min(*g1 - *g0).max(0.01);
            overlap >= s.line_overlap * smaller
        });
        match found {
            Some(g) => {
                g.0.push(i);
                g.1 = g.1.min(y0);
                g.2 = g.2.max(y1);
            }
            None => groups.push((vec![i], y0, y1)),
        }
    }
    let mut out: Vec<Line> = groups.into_iter().map(|(members, _, _)| line_of(all, members, s)).filter(|l| !l.text.is_empty()).collect();
    out.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
    out
}

fn line_of(all: &[PageChar], mut members: Vec<usize>, s: &LayoutSettings) -> Line {
    let left = |i: usize| all.get(i).map(|c| (c.bbox.x0, c.seq)).unwrap_or((f32::MAX, u32::MAX));
    members.sort_by(|&a, &b| {
        let ((xa, sa), (xb, sb)) = (left(a), left(b));
        xa.total_cmp(&xb).then(sa.cmp(&sb))
    });
    let mut text = String::new();
    let mut words: Vec<Word> = Vec::new();
    let mut bbox: Option<Rect> = None;
    let mut size: f32 = 0.0;
    let mut prev: Option<&PageChar> = None;
    let mut kept: Vec<&PageChar> = Vec::with_capacity(members.len());
    for &i in &members {
        let Some(c) = all.get(i) else { continue };
        // Fake bold: the same character again at (almost) the same place.
        let double = kept.iter().rev().take(3).any(|k| {
            k.ch == c.ch
                && (k.bbox.x0 - c.bbox.x0).abs() <= s.bold_offset * c.size.max(1.0)
                && (k.bbox.y0 - c.bbox.y0).abs() <= s.bold_offset * c.size.max(1.0)
        });
        if !double {
            kept.push(c);
        }
    }
    for c in kept {
        size = size.max(c.size);
        if c.ch.is_whitespace() {
            // An explicit space ends the word; the gap rule does the rest.
            prev = None;
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
            continue;
        }
        let gap_space = match prev {
            Some(p) => {
                let gap = c.bbox.x0 - p.bbox.x1;
                let em = p.size.max(c.size).max(1.0);
                let limit = if is_cjk(p.ch) || is_cjk(c.ch) { s.cjk_space } else { s.latin_space };
                gap > limit * em
            }
            None => false,
        };
        let new_word = prev.is_none() || gap_space;
        if gap_space && !text.ends_with(' ') {
            text.push(' ');
        }
        if new_word {
            words.push(Word { x0: c.bbox.x0, x1: c.bbox.x1, start: text.len(), end: text.len() });
        }
        text.push(c.ch);
        if let Some(w) = words.last_mut() {
            w.x1 = w.x1.max(c.bbox.x1);
            w.end = text.len();
        }
        bbox = Some(match bbox {
            Some(b) => Rect { x0: b.x0.min(c.bbox.x0), y0: b.y0.min(c.bbox.y0), x1: b.x1.max(c.bbox.x1), y1: b.y1.max(c.bbox.y1) },
            None => c.bbox,
        });
        prev = Some(c);
    }
    let text = text.trim_end().to_string();
    Line { text, bbox: bbox.unwrap_or(Rect { x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0 }), size, words }
}

/// The text of a table cell's lines, a line each, joined with `\n`. A PDF does not say
/// whether a line ended a paragraph or wrapped; the normaliser removes wraps, as it does for
/// OCR'd text, while a guess that joined two lines could not be undone (a list of names in a
/// narrow cell fills every line as a wrapped sentence does).
pub fn cell_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let text = l.text.trim();
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(c: char, x: f32, y: f32, w: f32, seq: u32) -> PageChar {
        PageChar { ch: c, bbox: Rect { x0: x, y0: y, x1: x + w, y1: y + 10.0 }, size: 10.0, upright: true, seq }
    }

    #[test]
    fn characters_become_lines_and_words() {
        let all = vec![
            ch('绩', 10.0, 100.0, 10.0, 0),
            ch('效', 20.0, 100.5, 10.0, 1),
            ch('1', 10.0, 120.0, 5.0, 2),
            ch('-', 15.0, 120.0, 5.0, 3),
            ch('3', 20.0, 120.0, 5.0, 4),
            ch('A', 40.0, 120.0, 5.0, 5),
            // A wide gap between CJK characters separates two fields.
            ch('林', 60.0, 100.0, 10.0, 6),
        ];
        let idx: Vec<usize> = (0..all.len()).collect();
        let got = lines(&all, &idx, &LayoutSettings::default());
        let texts: Vec<&str> = got.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["绩效 林", "1-3 A"]);
        assert_eq!(got[1].words.len(), 2);
        assert_eq!(&got[1].text[got[1].words[1].start..got[1].words[1].end], "A");
    }

    #[test]
    fn fake_bold_doubles_are_read_once() {
        let all = vec![ch('责', 10.0, 0.0, 10.0, 0), ch('任', 20.0, 0.0, 10.0, 1), ch('责', 10.4, 0.3, 10.0, 2), ch('任', 20.4, 0.3, 10.0, 3)];
        let got = lines(&all, &[0, 1, 2, 3], &LayoutSettings::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "责任");
    }
}
