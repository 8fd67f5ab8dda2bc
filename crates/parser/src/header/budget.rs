//! The budget-target header vocabulary, read by meaning rather than by one table's wording.
//!
//! A budget header label is a *core* (指标值, 标准值, 均值, 数据来源, …) that may carry a
//! *time prefix* and a *plan prefix*, and an explanation in brackets:
//!
//! - time: a year (`2020年`, `2020年度`), a range of years (`2017-2019年`), or words that say
//!   the same (`年度`, `本年`, `上年`, `前三年`, `近三年`);
//! - plan: a five-year plan (`十三五`, `“十四五”`, `十四五时期`);
//! - explanation: `备注 (标准值和历史值均无的原因/…)`, also with its opening or closing
//!   bracket lost.
//!
//! What a core means can depend on its prefix: `标准值` alone heads the 规划值/标准值/来源
//! group, `2020年标准值` is the standard value itself; `值` is 上年值 after one year and
//! nothing without one. Years and plan names are patterns, never literals, so every edition
//! reads the same. A label one character off the vocabulary (an OCR substitution,
//! `职责目栎`) is read as the label it is nearest to when that is unambiguous.

use once_cell::sync::Lazy;
use regex::Regex;
use zhibiao_normalize::text::{fold_text, squash};

use super::Field;

/// A label's core, once its time and plan prefixes and its explanation are taken off, is at
/// most this long; a longer cell is data.
const MAX_CORE_CHARS: usize = 10;
/// A header cell with its explanation stays under this many characters.
pub(super) const MAX_CELL_CHARS: usize = 64;

/// Time a label refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Time {
    None,
    /// One year, or `年度` / `本年` / `当年`: the year the table is for, or one named year.
    Year,
    /// `上年`, `上一年`, `去年`: the year before.
    LastYear,
    /// A range of years, or `前三年` / `近三年`.
    Years,
}

/// `2017-2019年`, `2020年度`, `2020年`: the time prefix of a label.
static YEAR_PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:(?:19|20)[0-9]{2}(?:[-—–－~～至到](?:(?:19|20)?[0-9]{2}))?年(?:度)?)").expect("valid regex")
});
/// `十三五`, `十四五时期`: a five-year plan named before its value.
static PLAN_PREFIX: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^十[一二三四五六七八九]?五(?:时期|期间|期末|末)?").expect("valid regex"));
/// A trailing explanation in brackets, also when its closing bracket was lost.
static BRACKETED_TAIL: Lazy<Regex> = Lazy::new(|| Regex::new(r"[(（][^()（）]*[)）]?$").expect("valid regex"));

/// Words before a core that name its time.
const TIME_WORDS: [(&str, Time); 12] = [
    ("前三年", Time::Years),
    ("近三年", Time::Years),
    ("前3年", Time::Years),
    ("近3年", Time::Years),
    ("过去三年", Time::Years),
    ("上一年度", Time::LastYear),
    ("上一年", Time::LastYear),
    ("上年度", Time::LastYear),
    ("上年", Time::LastYear),
    ("去年", Time::LastYear),
    ("本年度", Time::Year),
    ("年度", Time::Year),
];

/// Cores whose meaning does not depend on a time prefix (a prefix is allowed and ignored).
const PLAIN: &[(&str, Field)] = &[
    ("职责序号", Field::DutyNo),
    // A 序号 numbers the duties unless a 职责序号 does (then it counts the rows): the
    // layout decides.
    ("序号", Field::Seq),
    ("职责编号", Field::DutyNo),
    ("编号", Field::DutyNo),
    ("部门职责", Field::Duty),
    ("职责", Field::Duty),
    ("部门职能", Field::Duty),
    ("职能", Field::Duty),
    ("主要职责", Field::Duty),
    ("职责名称", Field::Duty),
    ("职责目标", Field::DutyGoal),
    ("职能目标", Field::DutyGoal),
    ("部门职责目标", Field::DutyGoal),
    ("绩效指标", Field::Indicator),
    ("指标名称", Field::Indicator),
    ("绩效指标名称", Field::Indicator),
    ("指标", Field::Indicator),
    ("指标项", Field::Indicator),
    ("指标解释", Field::Explanation),
    ("指标说明", Field::Explanation),
    ("指标内容", Field::Explanation),
    ("指标定义", Field::Explanation),
    ("指标释义", Field::Explanation),
    ("指标值", Field::Target),
    ("指标目标值", Field::Target),
    ("绩效指标值", Field::Target),
    ("目标值", Field::Target),
    ("计划值", Field::Target),
    ("预期值", Field::Target),
    ("指标参考值", Field::Span),
    ("参考值", Field::Span),
    ("历史值", Field::Span),
    ("历史数据", Field::Span),
    ("规划值", Field::PlanValue),
    ("规划目标值", Field::PlanValue),
    ("规划指标值", Field::PlanValue),
    ("来源", Field::StandardSource),
    ("标准值来源", Field::StandardSource),
    ("标准来源", Field::StandardSource),
    ("标准依据", Field::StandardSource),
    ("依据", Field::StandardSource),
    ("均值", Field::HistoryAvg),
    ("平均值", Field::HistoryAvg),
    ("年均值", Field::HistoryAvg),
    ("实际完成值", Field::HistoryLast),
    ("数据来源", Field::HistorySource),
    ("历史值来源", Field::HistorySource),
    ("历史数据来源", Field::HistorySource),
    ("数据出处", Field::HistorySource),
    ("备注", Field::Remarks),
    ("工作活动", Field::Activity),
    ("主要工作活动", Field::Activity),
    ("活动", Field::Activity),
    ("预算项目", Field::BudgetItem),
    ("对应预算项目", Field::BudgetItem),
    ("预算项目名称", Field::BudgetItem),
    // Columns some editions add that have no field of their own: their cells are kept and
    // reported, never poured into a neighbour.
    ("计量单位", Field::Extra),
    ("单位", Field::Extra),
    ("指标类型", Field::Extra),
    ("指标性质", Field::Extra),
    ("指标方向", Field::Extra),
];

/// Cores that name the history value after a year (`2019年值`, `上年实际完成值`).
const LAST_VALUE_CORES: [&str; 6] = ["值", "实际值", "完成值", "实际完成值", "实际完成", "值实际完成"];

/// The field a budget header cell names, if it is a label of the budget template.
pub(super) fn budget_field(cell: &str) -> Option<Field> {
    if cell.chars().nth(MAX_CELL_CHARS).is_some() {
        return None;
    }
    let s = squash(&fold_text(cell));
    // Quotes around a plan name (`“十三五”规划值`) say nothing.
    let s: String = s.chars().filter(|c| !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '「' | '」')).collect();
    let s = strip_explanation(&s);
    if s.is_empty() {
        return None;
    }
    meaning(s).or_else(|| unopened_tail(s)).or_else(|| nearest(s))
}

/// Whether a cell is the bare label `标准值` (with or without its explanation): the group
/// label over 规划值 / 标准值 / 来源 in a multi-row header, the standard value itself where
/// nothing stands under it.
pub(super) fn is_bare_standard(cell: &str) -> bool {
    let s = squash(&fold_text(cell));
    matches!(strip_explanation(&s), "标准值" | "标准")
}

/// `备注(原因…)` → `备注`; an explanation whose bracket never closes is taken off too.
fn strip_explanation(s: &str) -> &str {
    let cut = if s.contains(['(', '（']) { BRACKETED_TAIL.find(s).map(|m| m.start()) } else { None };
    let s = cut.and_then(|c| s.get(..c)).unwrap_or(s);
    s.trim_end_matches(['(', '（', ':', '：'])
}

/// The field of a label without its explanation: prefixes off, then the core.
fn meaning(s: &str) -> Option<Field> {
    let (time, rest) = time_prefix(s);
    let (plan, core) = match PLAN_PREFIX.find(rest) {
        Some(m) => (true, rest.get(m.end()..).unwrap_or("")),
        None => (false, rest),
    };
    if core.chars().count() > MAX_CORE_CHARS {
        return None;
    }
    if plan {
        // `十四五规划值`, `十三五目标值`, `十四五时期值`: the plan's value whatever the word.
        return matches!(core, "规划值" | "规划目标值" | "规划目标" | "规划指标值" | "目标值" | "值" | "指标值").then_some(Field::PlanValue);
    }
    match core {
        "标准值" | "标准" => {
            return Some(if time == Time::None { Field::Span } else { Field::StandardValue });
        }
        "年度标准值" | "行业标准值" => return Some(Field::StandardValue),
        "上年值" | "上年实际值" | "上年完成值" => return Some(Field::HistoryLast),
        _ => {}
    }
    if LAST_VALUE_CORES.contains(&core) {
        return match time {
            Time::Year | Time::LastYear => Some(Field::HistoryLast),
            // `2017-2019年值`: the years' value, i.e. their average.
            Time::Years => Some(Field::HistoryAvg),
            // `实际完成值` alone is still the last year's outcome; `值` alone says nothing.
            Time::None => (core != "值").then_some(Field::HistoryLast),
        };
    }
    let field = PLAIN.iter().find(|(label, _)| *label == core).map(|&(_, f)| f)?;
    // A year before a duty or an indicator's name is no label (`2020年职责` is a title).
    match field {
        Field::Seq | Field::DutyNo | Field::Duty | Field::DutyGoal | Field::Indicator | Field::Explanation if time != Time::None => None,
        _ => Some(field),
    }
}

/// Splits a label into its time prefix and the rest.
fn time_prefix(s: &str) -> (Time, &str) {
    if let Some(m) = YEAR_PREFIX.find(s) {
        let prefix = m.as_str();
        let rest = s.get(m.end()..).unwrap_or("");
        let years = prefix.contains(['-', '—', '–', '－', '~', '～', '至', '到']);
        // `2020年` directly before `度…` was `2020年度`; the regex takes 度 already.
        return (if years { Time::Years } else { Time::Year }, rest);
    }
    for (word, time) in TIME_WORDS {
        if let Some(rest) = s.strip_prefix(word) {
            // `年度` alone before a core; `前三年均值`, `上年值` (the word `上年` with its 值).
            if !rest.is_empty() {
                return (time, rest);
            }
        }
    }
    (Time::None, s)
}

/// A label whose bracketed explanation lost its opening bracket (`2019年值实际完成)`: a PDF
/// renderer dropped the `(` at a line end): the longest label it starts with, when the rest is
/// a short explanation that closes a bracket.
fn unopened_tail(s: &str) -> Option<Field> {
    if !(s.ends_with(')') || s.ends_with('）')) || s.contains(['(', '（']) {
        return None;
    }
    let ends: Vec<usize> = s.char_indices().map(|(i, _)| i).skip(1).collect();
    ends.iter().rev().filter(|&&i| s.get(i..).is_some_and(|t| t.chars().count() <= 10)).find_map(|&i| meaning(s.get(..i)?))
}

/// The label one substituted character away, when exactly one field is that near. Only for
/// labels of four characters or more: a shorter word one character off is another word.
fn nearest(s: &str) -> Option<Field> {
    let (_, rest) = time_prefix(s);
    let chars: Vec<char> = rest.chars().collect();
    if chars.len() < 4 || chars.len() > MAX_CORE_CHARS {
        return None;
    }
    let mut found: Option<Field> = None;
    for (label, field) in PLAIN.iter().filter(|(l, f)| l.chars().count() >= 4 && *f != Field::Extra) {
        let l: Vec<char> = label.chars().collect();
        if l.len() != chars.len() {
            continue;
        }
        let differ = l.iter().zip(&chars).filter(|(a, b)| a != b).count();
        if differ == 1 {
            match found {
                Some(f) if f != *field => return None,
                _ => found = Some(*field),
            }
        }
    }
    found
}

/// Characters a budget label can start with: a digit (a year), a quote (a plan name), or the
/// first character of a core or prefix word. Most cells of a table are data; this tells them
/// apart before any pattern runs.
pub(super) fn can_start_with(c: char) -> bool {
    static FIRST: Lazy<Vec<char>> = Lazy::new(|| {
        let mut v: Vec<char> = PLAIN.iter().map(|(l, _)| *l).chain(TIME_WORDS.iter().map(|(w, _)| *w)).filter_map(|l| l.chars().next()).collect();
        v.extend(['十', '标', '上', '实', '完', '值', '行', '“', '"', '「', '‘', '\'']);
        v.sort_unstable();
        v.dedup();
        v
    });
    c.is_ascii_digit() || c.is_ascii_punctuation() || FIRST.binary_search(&c).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edition_s_wording_means_one_field() {
        let cases: &[(&str, Field)] = &[
            ("职责序号", Field::DutyNo),
            ("序 号", Field::Seq),
            ("职 责", Field::Duty),
            ("部门 职责", Field::Duty),
            ("职责目 标", Field::DutyGoal),
            ("绩效指标名称", Field::Indicator),
            ("指标名称", Field::Indicator),
            ("指标说明", Field::Explanation),
            ("2020年指标值", Field::Target),
            ("2025年度指标 值", Field::Target),
            ("年度 指标值", Field::Target),
            ("2021年 指标值", Field::Target),
            ("十四五规划值", Field::PlanValue),
            ("“十四五”规划值", Field::PlanValue),
            ("\"十三五\" 规划值", Field::PlanValue),
            ("十五规划目标值", Field::PlanValue),
            ("2025年标准值", Field::StandardValue),
            ("年 度标准值", Field::StandardValue),
            ("2021年标 准值", Field::StandardValue),
            ("标准值", Field::Span),
            ("标准值 (规划目标、行业标准或其他明确标准)", Field::Span),
            ("来 源", Field::StandardSource),
            ("2022-2024年 均值", Field::HistoryAvg),
            ("前 三年均值", Field::HistoryAvg),
            ("近三年平均值", Field::HistoryAvg),
            ("上年值（实际完成）", Field::HistoryLast),
            ("2018年值 (实际完成)", Field::HistoryLast),
            ("2020年 实际完成值", Field::HistoryLast),
            ("2021年实际完成值", Field::HistoryLast),
            ("上年实际完成值", Field::HistoryLast),
            ("数据来 源", Field::HistorySource),
            ("数据来源 (统计年鉴/统计公报/内部 统计/其他需明确的来源", Field::HistorySource),
            ("备注 (标准值和历史值均无的原因/其他需要说明的问题)", Field::Remarks),
            ("工作 活动", Field::Activity),
            ("预算项 目", Field::BudgetItem),
            ("计量单位", Field::Extra),
        ];
        for (label, field) in cases {
            assert_eq!(budget_field(label), Some(*field), "{label}");
        }
    }

    #[test]
    fn data_and_titles_are_no_labels() {
        for data in ["内部统计", "1项", "100%", "应做尽做", "《公共图书馆法》", "2020年", "2019年12月", "值", "根据往年情况制定", "2020年职责"] {
            assert_eq!(budget_field(data), None, "{data}");
        }
    }

    #[test]
    fn one_garbled_character_is_read_when_only_one_label_is_that_near() {
        assert_eq!(budget_field("职责目栎"), Some(Field::DutyGoal));
        assert_eq!(budget_field("指标解择"), Some(Field::Explanation));
        // Two characters off is another word.
        assert_eq!(budget_field("职务目栎"), None);
    }

    #[test]
    fn an_explanation_that_lost_its_opening_bracket_is_still_taken_off() {
        assert_eq!(budget_field("2019\n年值\n实际完\n成)"), Some(Field::HistoryLast));
        assert_eq!(budget_field("数据来源统计年鉴)"), Some(Field::HistorySource));
        assert_eq!(budget_field("新增科技企业孵化面积)"), None);
    }
}
