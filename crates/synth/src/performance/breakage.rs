//! What OCR does to the cells of a clean table: wrap spaces inside Chinese text, padded
//! two-character names, mixed separators, half-width punctuation, spaced deadlines and ids,
//! and rows that lost or gained a cell. Every damage keeps the cell readable by a careful
//! person: spaces fold away, a padded name is still one name, a shifted row still holds its
//! values in their order with the id or the types showing where the shift is.

use crate::dice::Dice;

use super::notice::is_han;
use super::variation::{Variation as V, Wishes};

/// How a row's cells are shifted when rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shift {
    #[default]
    None,
    /// An empty cell before the id is lost: the id and everything after it sit one column left.
    LoseBeforeId,
    /// An empty cell appears after the weight: what follows sits one column right.
    GainAfterWeight,
}

/// Joins names or units as a cell prints them: with spaces, or (mixed separators) with
/// `、`/`，` too; two-character names are sometimes padded (`林 鹏`, `薛　诚`).
pub fn list_cell(dice: &mut Dice, items: &[String], names: bool, wishes: &mut Wishes) -> String {
    let sep = if items.len() > 1 && wishes.wants(V::MixedSeparators) && dice.chance(0.5) {
        wishes.applied(V::MixedSeparators);
        *dice.pick(&["、", "，", "  ", "、"])
    } else {
        " "
    };
    let printed: Vec<String> = items
        .iter()
        .map(|item| {
            if names && item.chars().count() == 2 && wishes.wants(V::PaddedNames) && dice.chance(0.6) {
                wishes.applied(V::PaddedNames);
                let pad = if dice.chance(0.25) { "\u{3000}" } else { " " };
                item.chars().map(String::from).collect::<Vec<_>>().join(pad)
            } else {
                item.clone()
            }
        })
        .collect();
    printed.join(sep)
}

/// Joins units as a cell prints them; a unit's bracketed alias sometimes stands after a space
/// (`综合科 （法规科）`), which still makes one unit.
pub fn units_cell(dice: &mut Dice, units: &[String], wishes: &mut Wishes) -> String {
    let spaced: Vec<String> = units
        .iter()
        .map(|u| match u.find('（') {
            Some(i) if i > 0 && wishes.wants(V::UnitAliasSpaced) && dice.chance(0.6) => {
                wishes.applied(V::UnitAliasSpaced);
                format!("{} {}", u.get(..i).unwrap_or(""), u.get(i..).unwrap_or(""))
            }
            _ => u.clone(),
        })
        .collect();
    list_cell(dice, &spaced, false, wishes)
}

/// Wrap spaces and half-width punctuation in a text cell.
pub fn text(dice: &mut Dice, s: &str, wishes: &mut Wishes) -> String {
    let mut out = s.to_string();
    if wishes.wants(V::PunctWidth) && dice.chance(0.35) {
        let half: String = out
            .chars()
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                '，' => ',',
                '；' => ';',
                '：' => ':',
                _ => c,
            })
            .collect();
        if half != out {
            wishes.applied(V::PunctWidth);
            out = half;
        }
    }
    if wishes.wants(V::WrapSpaces) && dice.chance(0.4) {
        for _ in 0..dice.range(1, 3) {
            let spaced = super::notice::wrap_space(dice, &out);
            if spaced != out {
                wishes.applied(V::WrapSpaces);
                out = spaced;
            }
        }
    }
    out
}

/// `12 月`, `１２月份`: a deadline as OCR may print it.
pub fn deadline(dice: &mut Dice, s: &str, wishes: &mut Wishes) -> String {
    if s.is_empty() || !wishes.wants(V::DeadlineOcr) || !dice.chance(0.3) {
        return s.to_string();
    }
    wishes.applied(V::DeadlineOcr);
    if dice.chance(0.5) {
        s.replacen('月', " 月", 1).replacen('年', " 年 ", 1)
    } else {
        s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c) } else { c }).collect()
    }
}

/// `1 - 3 - 2`: an id with OCR spaces.
pub fn id(dice: &mut Dice, s: &str, wishes: &mut Wishes) -> String {
    if s.is_empty() || !wishes.wants(V::IdSpaced) || !dice.chance(0.15) {
        return s.to_string();
    }
    wishes.applied(V::IdSpaced);
    s.replace('-', " - ")
}

/// Where a long text may be cut for wrapping: between two Han characters, leaving at least
/// `min_head` characters before and 2 after; before the trailing points of a 一级指标.
pub fn wrap_cut(dice: &mut Dice, s: &str, min_head: usize) -> Option<usize> {
    let chars: Vec<char> = s.chars().collect();
    // Keep a trailing `（4分）` whole, with the text before it.
    let end = match s.rfind(['（', '(']) {
        Some(b) if s.get(b..).is_some_and(|t| t.contains('分')) => s.get(..b).map_or(chars.len(), |h| h.chars().count()),
        _ => chars.len(),
    };
    let spots: Vec<usize> = (min_head.max(1)..end.saturating_sub(1))
        .filter(|&i| matches!((chars.get(i - 1), chars.get(i)), (Some(a), Some(b)) if is_han(*a) && is_han(*b)))
        .collect();
    if spots.is_empty() {
        return None;
    }
    let at = *dice.pick(&spots);
    Some(s.char_indices().nth(at).map_or(s.len(), |(i, _)| i))
}

/// Spaces out every character of a label: `职 能 工 作 目 标`.
pub fn spaced(s: &str) -> String {
    s.chars().map(String::from).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_cut_keeps_the_points_whole() {
        let mut dice = Dice::new(5);
        for _ in 0..50 {
            let s = "推进城镇老旧小区改造（属市政府工作报告第5项）（4.5分）";
            if let Some(cut) = wrap_cut(&mut dice, s, 4) {
                let (_, tail) = s.split_at(cut);
                assert!(tail.ends_with("（4.5分）"));
                assert!(tail.chars().count() >= 2 + "（4.5分）".chars().count() - 1);
            }
        }
    }
}
