//! Responsible units (责任单位 / 责任部门 / 责任科室): one entry per unit.
//!
//! Two OCR faults need undoing. A bracketed qualifier wraps onto its own line
//! ('综合科 (创服 中心)'), which is still one unit; and the line break between two units is
//! lost ('党委会办公室', '发改科各所出资企业'), which makes two units look like one. The second
//! cannot be seen in the cell itself: it is recognised with a [`UnitLexicon`] of the units the
//! same document prints on their own. The lexicon is per document: the caller creates one,
//! [`UnitLexicon::learn`]s every unit cell of the document, then calls [`split_units`] on each.

use std::collections::BTreeSet;

use crate::chars::{is_close_bracket, is_open_bracket};
use crate::text::{fold_text, resolve_soft_wraps};

/// The units a document prints as standalone tokens of its unit cells.
#[derive(Default, Clone, Debug)]
pub struct UnitLexicon {
    units: BTreeSet<String>,
}

impl UnitLexicon {
    /// Adds every token of one unit cell, tokenised as [`split_units`] does (before splitting).
    pub fn learn(&mut self, cell: &str) {
        self.units.extend(tokenize(&join_wrapped(cell)));
    }

    pub fn contains(&self, unit: &str) -> bool {
        self.units.contains(&fold_unit(unit))
    }

    /// The segmentation of `token` into two or more shorter lexicon units, using as many units
    /// as possible (so every part is one that the document prints alone). `None` when there is
    /// none. The token itself may be in the lexicon: it was learned from the very cell it came
    /// from, so its presence says nothing about whether it is one unit.
    fn segment(&self, token: &str) -> Option<Vec<String>> {
        if token
            .chars()
            .any(|c| is_open_bracket(c) || is_close_bracket(c))
        {
            // A bracket belongs to the unit before it; never cut around or inside one.
            return None;
        }
        let chars: Vec<char> = token.chars().collect();
        let n = chars.len();
        // best[i]: the most parts that cover chars[..i], with the cut before the last part.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        if let Some(slot) = best.get_mut(0) {
            *slot = Some((0, 0));
        }
        for end in 1..=n {
            for start in 0..end {
                // A one-character "unit" would cut names at random; real units are longer.
                if end - start < 2 || (start == 0 && end == n) {
                    continue;
                }
                let Some(Some((parts, _))) = best.get(start).copied() else {
                    continue;
                };
                let Some(piece) = chars.get(start..end) else {
                    continue;
                };
                let piece: String = piece.iter().collect();
                if !self.units.contains(&piece) {
                    continue;
                }
                let better = match best.get(end).copied().flatten() {
                    Some((have, _)) => parts + 1 > have,
                    None => true,
                };
                if better {
                    if let Some(slot) = best.get_mut(end) {
                        *slot = Some((parts + 1, start));
                    }
                }
            }
        }
        let (count, _) = best.get(n).copied().flatten()?;
        if count < 2 {
            return None;
        }
        let mut parts = Vec::with_capacity(count);
        let mut end = n;
        while end > 0 {
            let (_, start) = best.get(end).copied().flatten()?;
            parts.push(chars.get(start..end)?.iter().collect::<String>());
            end = start;
        }
        parts.reverse();
        Some(parts)
    }
}

/// The units of one cell, and a note for every joined pair that was split.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitSplit {
    pub units: Vec<String>,
    /// `unit_split: …` explanations, for the record's provenance.
    pub repairs: Vec<String>,
}

/// Splits a unit cell on white space, 、，,；; and line breaks, keeping a bracketed qualifier
/// with the unit before it ('综合科 (创服 中心)' → '综合科（创服中心）'), then splits a token
/// that is the concatenation of units the lexicon knows ('党委会办公室' → 党委会 + 办公室).
pub fn split_units(s: &str, lexicon: &UnitLexicon) -> UnitSplit {
    let mut out = UnitSplit::default();
    for token in tokenize(&join_wrapped(s)) {
        match lexicon.segment(&token) {
            Some(parts) => {
                let why = if parts.len() == 2 { "both" } else { "all" };
                out.repairs.push(format!(
                    "unit_split: '{}' read as {} ({} appear alone elsewhere)",
                    token,
                    parts.join(" + "),
                    why
                ));
                out.units.extend(parts);
            }
            None => out.units.push(token),
        }
    }
    out
}

fn is_unit_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';')
}

/// Joins a unit name that a narrow cell wrapped onto two lines or more ('各所出资⏎企业',
/// '泉州晋江⏎国际机场', '农村社会⏎事业促进⏎科', as a PDF shows them): a line break after a
/// token that is no unit on its own, where the token and what the next lines begin with
/// together are one. Lines in between must be a single token that is no unit either; a token
/// that ends in a closing bracket ('各县（市、区）') has ended its unit.
fn join_wrapped(s: &str) -> std::borrow::Cow<'_, str> {
    let soft = join_soft_wraps(s);
    if !soft.contains('\n') {
        return soft;
    }
    let lines: Vec<&str> = soft.split('\n').collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if i > 0 {
            let last = out.rsplit(is_unit_separator).next().unwrap_or("");
            if let Some(k) = wrapped_lines(last, lines.get(i..).unwrap_or(&[])) {
                for l in lines.get(i..i + k).unwrap_or(&[]) {
                    out.push_str(l.trim());
                }
                i += k;
                continue;
            }
            out.push('\n');
        }
        out.push_str(line);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// A line that ran to the cell's edge ([`crate::text::SOFT_WRAP`]) goes on with the next unless it ends a
/// unit already (`执法支队` ⏎ `办公室`): a single character never does (`办` ⏎ `公` ⏎ `室`).
/// Otherwise the break is an ordinary line break, judged by [`wrapped_lines`].
fn join_soft_wraps(s: &str) -> std::borrow::Cow<'_, str> {
    resolve_soft_wraps(s, |before, _| {
        let last = before.rsplit(is_unit_separator).next().unwrap_or("");
        let ended = last.chars().count() >= 2 && (crate::classify::has_unit_suffix(last) || last.ends_with(is_close_bracket));
        !ended
    })
}

/// How many of `next` lines finish the unit that `last` (the token before the line break)
/// begins: the fewest (up to three) whose joined text ends like a unit.
fn wrapped_lines(last: &str, next: &[&str]) -> Option<usize> {
    let open = |t: &str| !t.is_empty() && !crate::classify::has_unit_suffix(t) && !t.ends_with(is_close_bracket);
    if !open(last) {
        return None;
    }
    let mut joined = last.to_string();
    for (k, line) in next.iter().take(3).enumerate() {
        let line = line.trim();
        let first = line.split(is_unit_separator).next().unwrap_or("");
        if first.is_empty() {
            return None;
        }
        if crate::classify::has_unit_suffix(&format!("{joined}{first}")) {
            return Some(k + 1);
        }
        // Only a line that is one token, no unit itself, can be the middle of a wrapped name.
        if first != line || !open(first) {
            return None;
        }
        joined.push_str(first);
    }
    None
}

/// Tokenises a unit cell. Inside brackets separators do not split and white space is
/// dropped; a token that starts with an opening bracket belongs to the token before it.
pub(crate) fn tokenize(s: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        if is_open_bracket(c) {
            if depth == 0 && cur.is_empty() {
                if let Some(prev) = tokens.pop() {
                    cur = prev;
                }
            }
            depth += 1;
            cur.push(c);
        } else if is_close_bracket(c) {
            depth = depth.saturating_sub(1);
            cur.push(c);
        } else if depth > 0 {
            if !c.is_whitespace() {
                cur.push(c);
            }
        } else if c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';') {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
        .iter()
        .map(|t| fold_unit(t))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Unit names are Chinese: their brackets are always full-width.
fn fold_unit(s: &str) -> String {
    fold_text(s).replace('(', "（").replace(')', "）")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> UnitLexicon {
        UnitLexicon::default()
    }

    #[test]
    fn bracketed_qualifiers_stay_with_their_unit() {
        // quanzhou-science-2019, 1-2-1.
        assert_eq!(
            split_units("综合科 (创服 中心)", &none()).units,
            ["综合科（创服中心）"]
        );
        assert_eq!(
            split_units("综合科 （创服中心）", &none()).units,
            ["综合科（创服中心）"]
        );
        assert_eq!(
            split_units("社农科（开发中心）", &none()).units,
            ["社农科（开发中心）"]
        );
        assert_eq!(
            split_units("人才科（生促中心）", &none()).units,
            ["人才科（生促中心）"]
        );
        assert_eq!(split_units("(创服中心)", &none()).units, ["（创服中心）"]);
    }

    #[test]
    fn separated_lists() {
        assert_eq!(
            split_units("综合科 高新科", &none()).units,
            ["综合科", "高新科"]
        );
        assert_eq!(
            split_units("平台科 信息所", &none()).units,
            ["平台科", "信息所"]
        );
        assert_eq!(
            split_units("综合科 高新科 社农科 人才科", &none()).units,
            ["综合科", "高新科", "社农科", "人才科"]
        );
        assert_eq!(
            split_units("发改科、金控集团，交发集团\n水务集团", &none()).units,
            ["发改科", "金控集团", "交发集团", "水务集团"]
        );
        assert_eq!(split_units("\u{3000}各科室 ", &none()).units, ["各科室"]);
        // A unit name wrapped in a narrow cell is one unit; two units on two lines stay two.
        assert_eq!(split_units("资本科\n各所出资\n企业", &none()).units, ["资本科", "各所出资企业"]);
        assert_eq!(split_units("发改科\n泉州晋江\n国际机场", &none()).units, ["发改科", "泉州晋江国际机场"]);
        assert_eq!(split_units("综合科\n高新科", &none()).units, ["综合科", "高新科"]);
        // Wrapped over three lines (four characters a line), and a bracketed unit ends its own.
        assert_eq!(split_units("发展规划科\n农村社会\n事业促进\n科\n乡村产业发展科", &none()).units, ["发展规划科", "农村社会事业促进科", "乡村产业发展科"]);
        assert_eq!(split_units("各县（市、区）\n发展规划科", &none()).units, ["各县（市、区）", "发展规划科"]);
        // Lines that ran to the cell's edge: a wrap unless the line ended a unit.
        let w = crate::text::SOFT_WRAP;
        assert_eq!(split_units(&format!("办{w}公{w}室"), &none()).units, ["办公室"]);
        assert_eq!(split_units(&format!("农业综合{w}执法支队{w}办公室"), &none()).units, ["农业综合执法支队", "办公室"]);
        // A middle line that is a unit, or holds two tokens, is no wrap.
        assert_eq!(split_units("农村社会\n办公室\n科", &none()).units, ["农村社会办公室", "科"]);
        assert!(split_units("", &none()).units.is_empty());
        assert!(split_units(" 、 ", &none()).units.is_empty());
    }

    fn science_lexicon() -> UnitLexicon {
        let mut lex = UnitLexicon::default();
        for cell in [
            "党委会",
            "办公室",
            "信息所 办公室",
            "党委会办公室",
            "综合科 (创服 中心)",
        ] {
            lex.learn(cell);
        }
        lex
    }

    #[test]
    fn joined_units_are_split_with_a_repair_note() {
        // quanzhou-science-2019 7-1: '党委会办公室' beside '黄建团 邱尚长'.
        let split = split_units("党委会办公室", &science_lexicon());
        assert_eq!(split.units, ["党委会", "办公室"]);
        assert_eq!(
            split.repairs,
            ["unit_split: '党委会办公室' read as 党委会 + 办公室 (both appear alone elsewhere)"]
        );
    }

    #[test]
    fn sasac_joined_units() {
        let mut lex = UnitLexicon::default();
        for cell in [
            "资本科各所出资企业",
            "发改科各所出资企业",
            "办公室 各所出资企业",
            "党建科 办公室 资本科 考核科 发改科 监督科 企管科",
            "考核科",
        ] {
            lex.learn(cell);
        }
        assert_eq!(
            split_units("发改科各所出资企业", &lex).units,
            ["发改科", "各所出资企业"]
        );
        assert_eq!(
            split_units("资本科各所出资企业", &lex).units,
            ["资本科", "各所出资企业"]
        );
        assert_eq!(
            split_units("考核科各所出资企业", &lex).units,
            ["考核科", "各所出资企业"]
        );
        assert_eq!(split_units("发改科资本科考核科", &lex).repairs, [
            "unit_split: '发改科资本科考核科' read as 发改科 + 资本科 + 考核科 (all appear alone elsewhere)"
        ]);
        // Not decomposable: kept whole, no repair.
        let kept = split_units("泉州晋江国际机场", &lex);
        assert_eq!(kept.units, ["泉州晋江国际机场"]);
        assert!(kept.repairs.is_empty());
        assert_eq!(split_units("考核科", &lex).units, ["考核科"]);
    }

    #[test]
    fn brackets_are_never_cut() {
        let mut lex = science_lexicon();
        lex.learn("综合科 中心");
        let split = split_units("党委会综合科（创服中心）", &lex);
        assert_eq!(split.units, ["党委会综合科（创服中心）"]);
        assert!(split.repairs.is_empty());
    }

    #[test]
    fn lexicon_contains_folded_tokens() {
        let lex = science_lexicon();
        assert!(lex.contains("党委会"));
        assert!(lex.contains("综合科（创服中心）"));
        assert!(lex.contains("综合科(创服中心)"));
        assert!(!lex.contains("综合科"));
        assert!(!UnitLexicon::default().contains(""));
    }
}
