//! Typed values: the number, unit and bound a printed target value states.
//!
//! Budget-target tables print every target, standard and history value as text (`60家`,
//! `34.6%`, `应做尽做`); researchers compare these across years, so each also gets a parsed
//! [`Quantity`]. A wrong unit or number is worse than none: whenever a reading is not clearly
//! right the value stays [`Quantity::Qualitative`], holding the text folded by
//! [`fold_text`] (so `组织对接次数/对接企业数 10` reads as `…企业数10`).
//!
//! A value is read as `[words][bound]number[unit][以上|以下|…][words]` or, for a range,
//! `[words]number[unit](-|~|至|到|—)number[unit][words]`:
//!
//! - Only ASCII digits (after width folding) are numbers, with an optional sign, decimals and
//!   `1,200` thousands groups. Chinese numerals are not read: `十三五`, `一带一路`, `一流` and
//!   `三项` would be indistinguishable, and a plan name misread as 13 is worse than none.
//! - The unit is the longest known unit ([`UNITS`], optionally after `万`/`亿`, optionally
//!   `/`-compounded: `周/次`, `元/人`). Words after a known unit go to the qualifier
//!   (`1项管理办法`). Unknown trailing text of 1–2 Han characters is the unit as printed
//!   (`5根`); anything else unknown (Latin letters as in `5G`, longer words) is qualitative.
//! - Bounds: `≥ >= 不低于 不少于 至少 …以上` are [`Bound::AtLeast`] (以上 includes the number in
//!   Chinese statistical usage); `> 超过 大于 多于 高于` and `100余家`/`100多家` are
//!   [`Bound::MoreThan`]; `≤ <= 不超过 不高于 …以内 以下 内` are [`Bound::AtMost`];
//!   `< 低于 小于 少于 不足` are [`Bound::LessThan`]. Bound words never enter the qualifier;
//!   two different bounds on one value, or any bound on a range, are qualitative.
//! - Words before the number are the qualifier (`建立4项` → `建立`); with words on both sides
//!   it is `before…after`. More than [`MAX_WORDS`] characters of words, or sentence punctuation
//!   in them, means a sentence whose number may be one of several facts: qualitative.
//! - Not quantities: text without digits; more than one number unless they form a range;
//!   a year (1900–2100) followed by 年 (`2020年底前`, `2017-2019年均值`), a year range or
//!   `2020.12` with no unit (a bare `2020` stays a number: nothing says it is a year);
//!   a month (`12月`, where months as a duration print `个月`); a dash that may be a minus
//!   (`—5%`); ordinals and labels (`第3名`, `P19`, `9号`, `3级`); document numbers
//!   (`〔2019〕9号`); a number in brackets (`科学行政（4分）`); ranges that do not increase
//!   (`13-10个`, `4-4`) or whose two units differ.

use zhibiao_model::{Bound, Quantity};

use crate::chars::{is_close_bracket, is_han, is_open_bracket};
use crate::text::fold_text;

/// The longest words around a number that still make a labelled value. The seeds' longest,
/// `组织对接次数/对接企业数`, is 13 characters; beyond 16 the text is a sentence.
pub const MAX_WORDS: usize = 16;

/// Units and measure words read as such after a number; `万`/`亿` may precede any of them
/// (`万平方米`, `亿元`, `万人次`). Matching takes the longest (`个百分点` before `个`).
#[rustfmt::skip]
pub const UNITS: &[&str] = &[
    // Counting words.
    "项", "个", "家", "篇", "次", "人", "件", "所", "座", "场", "期", "批", "份", "本", "台",
    "套", "户", "名", "位", "条", "部", "处", "种", "类", "支", "辆", "张", "册", "例", "起",
    "宗", "间", "栋", "株", "棵", "头", "只", "门", "首", "幅", "集", "届", "单",
    "人次", "家次", "项次", "户次", "场次", "批次", "车次", "课时", "学时",
    // Money, area, length, mass, energy.
    "元", "千元", "平方米", "平方公里", "立方米", "亩", "公顷", "公里", "千米", "米", "吨",
    "千克", "公斤", "千瓦", "千瓦时", "度",
    // Time spans (a month as a span is 个月: a bare 月 names a calendar month).
    "天", "日", "周", "年", "小时", "分钟", "个月", "季度", "工作日", "个工作日",
    // Ratios and scores.
    "%", "‰", "倍", "分", "百分点", "个百分点",
];
/// Extra denominators after `/` (`次/月`), where 月 cannot be a calendar month.
const PER_ONLY: &[&str] = &["月", "季", "半年"];
/// A number followed by one of these names something (a month, a document, a level, a
/// version, an hour or floor), it does not count anything.
const NOT_UNIT_HEADS: &[char] = &['月', '号', '级', '版', '时', '点', '楼'];
/// Bound words just before the number; the longest match wins (`不低于` over `低于`).
#[rustfmt::skip]
const BEFORE_BOUNDS: &[(&str, Bound)] = &[
    ("≥", Bound::AtLeast), (">=", Bound::AtLeast), ("不低于", Bound::AtLeast),
    ("不少于", Bound::AtLeast), ("不小于", Bound::AtLeast), ("大于等于", Bound::AtLeast),
    ("大于或等于", Bound::AtLeast), ("至少", Bound::AtLeast), (">", Bound::MoreThan),
    ("超过", Bound::MoreThan), ("大于", Bound::MoreThan), ("多于", Bound::MoreThan),
    ("高于", Bound::MoreThan), ("≤", Bound::AtMost), ("<=", Bound::AtMost),
    ("不超过", Bound::AtMost), ("不高于", Bound::AtMost), ("不多于", Bound::AtMost),
    ("不大于", Bound::AtMost), ("小于等于", Bound::AtMost), ("小于或等于", Bound::AtMost),
    ("<", Bound::LessThan), ("低于", Bound::LessThan), ("小于", Bound::LessThan),
    ("少于", Bound::LessThan), ("不足", Bound::LessThan),
];
/// Bound words after the number and unit (brackets already made ASCII).
#[rustfmt::skip]
const AFTER_BOUNDS: &[(&str, Bound)] = &[
    ("以上(含)", Bound::AtLeast), ("及以上", Bound::AtLeast), ("以上", Bound::AtLeast),
    ("以下(含)", Bound::AtMost), ("及以下", Bound::AtMost), ("以下", Bound::AtMost),
    ("以内", Bound::AtMost), ("之内", Bound::AtMost), ("内", Bound::AtMost),
];
/// Punctuation that joins clauses: words holding it are a sentence, not a label.
const SENTENCE_MARKS: &[char] = &['，', '。', '；', '、', '！', '？', ',', ';', '!', '?'];

/// Reads a printed value (`60家`, `34.6%`, `10-13个`, `≥95%`, `应做尽做`); `None` for empty text.
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    let folded = fold_text(text);
    if folded.is_empty() {
        return None;
    }
    let printed: Vec<char> = folded.chars().collect();
    // One character for one, so positions in `canon` are positions in `printed`.
    let canon: Vec<char> = printed.iter().map(|&c| canonical(c)).collect();
    let qualitative = folded;
    Some(read(&printed, &canon).unwrap_or(Quantity::Qualitative { qualitative }))
}

/// The form matching looks at: one character for each symbol the OCR or typesetter varies.
fn canonical(c: char) -> char {
    #[rustfmt::skip]
    const VARIANTS: &[(char, char)] = &[
        ('％', '%'), ('＞', '>'), ('＜', '<'), ('＝', '='), ('＋', '+'), ('≧', '≥'), ('⩾', '≥'),
        ('≦', '≤'), ('⩽', '≤'), ('～', '~'), ('〜', '~'), ('－', '-'), ('−', '-'), ('–', '-'),
        ('―', '—'), ('／', '/'), ('（', '('), ('）', ')'), ('：', ':'),
    ];
    let variant = VARIANTS.iter().find(|(v, _)| *v == c);
    variant.map_or(c, |(_, to)| *to)
}

/// A number found in the text: its span and value.
struct Num {
    start: usize,
    end: usize,
    value: f64,
    /// A plain 4-digit integer in 1900–2100.
    year_like: bool,
    /// Such a year with one or two decimals: '2020.12' is a date.
    date_like: bool,
}

/// `None` when the text is not a quantity (the caller keeps it qualitative).
fn read(printed: &[char], canon: &[char]) -> Option<Quantity> {
    // Trailing clause punctuation ('60家。') is not part of the value.
    let end = canon
        .iter()
        .rposition(|c| !SENTENCE_MARKS.contains(c) && *c != '.')
        .map_or(0, |i| i + 1);
    let (printed, canon) = (printed.get(..end)?, canon.get(..end)?);
    let nums = scan_numbers(canon);
    let (first, last) = match nums.as_slice() {
        [one] => (one, one),
        [lo, hi] => (lo, hi),
        _ => return None,
    };
    // A year followed by 年 dates something: '2020年底前', '2017-2019年均值'.
    let dated = |n: &Num| n.year_like && canon.get(n.end) == Some(&'年');
    if dated(first) || dated(last) {
        return None;
    }
    let head = read_head(canon, first.start)?;
    let tail = read_tail(canon, last.end)?;
    let qualifier = qualifier(printed, head.words_end, tail.words_start)?;
    let lead = first.value * if head.negative { -1.0 } else { 1.0 };
    if nums.len() == 1 {
        let bound = match (head.bound, tail.bound) {
            (Some(a), Some(b)) if a != b => return None,
            (a, b) => a.or(b),
        };
        if first.date_like && tail.unit.is_none() {
            return None;
        }
        let unit = tail.unit;
        return Some(Quantity::Number {
            number: lead,
            unit,
            bound,
            qualifier,
        });
    }
    // A range: a separator, and before it nothing or the same unit ('10%-15%').
    let middle = canon.get(first.end..last.start)?;
    // An em dash, single or doubled ('10——13个'), separates a range but is never a minus
    // sign; '-5--3' (a negative maximum) is left unread.
    let is_sep = |c: &&char| matches!(c, '-' | '~' | '—' | '至' | '到');
    let sep = middle.iter().rev().take_while(is_sep).count();
    let doubled_dash = middle.iter().rev().take(2).all(|c| *c == '—');
    if !(sep == 1 || sep == 2 && doubled_dash) {
        return None;
    }
    let first_unit = middle.get(..middle.len() - sep)?;
    let first_unit: String = first_unit.iter().collect();
    let unit_ok = first_unit.is_empty() || tail.unit.as_ref() == Some(&first_unit);
    let bounded = head.bound.or(tail.bound).is_some();
    // '2017-2019' is a period, not a quantity.
    let period = first.year_like && last.year_like && tail.unit.is_none();
    if !unit_ok || bounded || period || lead >= last.value {
        return None;
    }
    let (min, max, unit) = (lead, last.value, tail.unit);
    Some(Quantity::Range {
        min,
        max,
        unit,
        qualifier,
    })
}

/// Finds the ASCII-digit numbers: '12', '34.6', '1,200' (groups of exactly three digits).
/// None at all when one is too long for `f64`, so the text stays qualitative.
fn scan_numbers(c: &[char]) -> Vec<Num> {
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let skip_digits = |mut i: usize| {
        while digit(i) {
            i += 1;
        }
        i
    };
    let mut nums = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !digit(i) {
            i += 1;
            continue;
        }
        let start = i;
        i = skip_digits(i);
        let mut grouped = false;
        while (grouped || i - start <= 3)
            && c.get(i) == Some(&',')
            && (1..=3).all(|k| digit(i + k))
            && !digit(i + 4)
        {
            grouped = true;
            i += 4;
        }
        let int_end = i;
        if c.get(i) == Some(&'.') && digit(i + 1) {
            i = skip_digits(i + 1);
        }
        let span = c.get(start..i).unwrap_or_default();
        let text: String = span.iter().filter(|d| **d != ',').collect();
        let value = text.parse::<f64>().unwrap_or(f64::NAN);
        let year = !grouped && int_end - start == 4 && (1900.0..=2100.0).contains(&value.trunc());
        let (year_like, date_like) = (
            year && int_end == i,
            year && (2..=3).contains(&(i - int_end)),
        );
        nums.push(Num {
            start,
            end: i,
            value,
            year_like,
            date_like,
        });
    }
    if nums.iter().any(|n| !n.value.is_finite()) {
        nums.clear();
    }
    nums
}

/// What precedes the first number.
struct Head {
    words_end: usize,
    bound: Option<Bound>,
    negative: bool,
}

fn read_head(canon: &[char], num_start: usize) -> Option<Head> {
    let at = |k: usize| k.checked_sub(1).and_then(|i| canon.get(i)).copied();
    let mut k = num_start;
    let negative = at(k) == Some('-');
    if matches!(at(k), Some('-' | '+')) {
        k -= 1;
    }
    // 'P19', 'V2', '第3名', '.5': a label or an ordinal, not a count; '—5%' may be negative.
    if at(k).is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '第' | '—')) {
        return None;
    }
    let before = canon.get(..k)?;
    let bound = BEFORE_BOUNDS
        .iter()
        .filter(|(w, _)| ends_with(before, w))
        .max_by_key(|(w, _)| w.chars().count());
    k -= bound.map_or(0, |(w, _)| w.chars().count());
    while at(k).is_some_and(|c| c.is_whitespace() || c == ':') {
        k -= 1;
    }
    let bound = bound.map(|(_, b)| *b);
    Some(Head {
        words_end: k,
        bound,
        negative,
    })
}

/// What follows the last number.
struct Tail {
    unit: Option<String>,
    bound: Option<Bound>,
    words_start: usize,
}

fn read_tail(canon: &[char], from: usize) -> Option<Tail> {
    let rest = canon.get(from..)?;
    if rest.first().is_some_and(|c| NOT_UNIT_HEADS.contains(c)) {
        return None;
    }
    // '100余家', '100多家': more than 100.
    let approx = matches!(rest.first(), Some('余' | '多'));
    let after = rest.get(usize::from(approx)..)?;
    let bound_only = |r: &[char]| r.is_empty() || after_bound(r).is_some_and(|(n, _)| n == r.len());
    let unit_len = if let Some(n) = known_unit(after) {
        n
    } else if after.is_empty() || after_bound(after).is_some() {
        0
    } else {
        // An unknown unit of one or two Han characters, alone or before a bound word.
        (1..=2).find(|&k| {
            after.get(..k).is_some_and(|u| u.iter().all(|c| is_han(*c)))
                && after.get(k..).is_some_and(bound_only)
        })?
    };
    let unit: String = after.get(..unit_len)?.iter().collect();
    let mut p = usize::from(approx) + unit_len;
    let mut bound = approx.then_some(Bound::MoreThan);
    if let Some((n, b)) = rest.get(p..).and_then(after_bound) {
        if bound.is_some_and(|a| a != b) {
            return None;
        }
        bound = Some(b);
        p += n;
    }
    if rest.get(p) == Some(&'/') {
        return None;
    }
    let unit = (!unit.is_empty()).then_some(unit);
    Some(Tail {
        unit,
        bound,
        words_start: from + p,
    })
}

/// Length of the known unit `s` starts with, `万`/`亿` prefix and `/` compound included.
fn known_unit(s: &[char]) -> Option<usize> {
    let longest = |s: &[char], list: &[&str]| {
        let fits = list.iter().filter(|u| starts_with(s, u));
        fits.map(|u| u.chars().count()).max()
    };
    let mut n = match s.first() {
        Some('万' | '亿') => longest(s.get(1..)?, UNITS)? + 1,
        _ => longest(s, UNITS)?,
    };
    if s.get(n) == Some(&'/') {
        let per = s.get(n + 1..).unwrap_or_default();
        let denominator = longest(per, UNITS).max(longest(per, PER_ONLY));
        n += denominator.map_or(0, |d| d + 1);
    }
    Some(n)
}

/// The bound word `s` starts with and its length. A bare 内 only ends the text: '1项内容'.
fn after_bound(s: &[char]) -> Option<(usize, Bound)> {
    let fits = AFTER_BOUNDS
        .iter()
        .filter(|(w, _)| starts_with(s, w) && (*w != "内" || s.len() == 1));
    let found = fits.map(|(w, b)| (w.chars().count(), *b));
    found.max_by_key(|(n, _)| *n)
}

/// The words around the number, as printed; `None` (not a quantity) when they are a sentence.
fn qualifier(printed: &[char], words_end: usize, words_start: usize) -> Option<Option<String>> {
    let before: String = printed.get(..words_end)?.iter().collect();
    let after: String = printed.get(words_start..)?.iter().collect();
    let (before, after) = (before.trim(), after.trim());
    let words = || before.chars().chain(after.chars());
    if words().count() > MAX_WORDS || words().any(|c| SENTENCE_MARKS.contains(&c)) {
        return None;
    }
    // A number inside brackets ('科学行政（4分）') is a note on the words, not their value.
    let opened = before.chars().filter(|c| is_open_bracket(*c)).count();
    if opened > before.chars().filter(|c| is_close_bracket(*c)).count() {
        return None;
    }
    Some(match (before.is_empty(), after.is_empty()) {
        (true, true) => None,
        (false, true) => Some(before.to_string()),
        (true, false) => Some(after.to_string()),
        (false, false) => Some(format!("{before}…{after}")),
    })
}

fn starts_with(s: &[char], word: &str) -> bool {
    s.len() >= word.chars().count() && s.iter().zip(word.chars()).all(|(a, b)| *a == b)
}

fn ends_with(s: &[char], word: &str) -> bool {
    s.len() >= word.chars().count() && s.iter().rev().zip(word.chars().rev()).all(|(a, b)| *a == b)
}

#[cfg(test)]
mod tests;
