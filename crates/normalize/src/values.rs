//! Numbers and dates inside cells: points, weights, deadlines, document numbers.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::chars::fold_digits;
use crate::text::{fold_text, normalize_doc_years};

/// Separates the points a 一级指标 or 项目 label declares at its end from its text:
/// '文明城市创建工作（5分）' → ('文明城市创建工作', 5). Punctuation before the points stays
/// ('…第56项）。（4分）' keeps the '。'). The text is trimmed but not folded: the caller folds.
///
/// Two forms, tried in this order: bracketed points '（4分）', '(4.5 分)', then any stray
/// punctuation; bare points of a 项目 label, '职 能 工 作 目 标 80分'. Both are read from the
/// end of the text, so a long 一级指标 costs one pass (the tests hold this to the two regular
/// expressions it replaces).
pub fn split_points(s: &str) -> (String, Option<f64>) {
    if !s.contains('分') {
        return (s.trim().to_string(), None);
    }
    // Digits are folded so '（４分）' is seen; the caller folds the text anyway.
    let text = fold_digits(s);
    for bracketed in [true, false] {
        if let Some((head, number)) = points_at_end(&text, bracketed) {
            if let Ok(points) = number.parse::<f64>() {
                return (head.trim().to_string(), Some(points));
            }
        }
    }
    (s.trim().to_string(), None)
}

/// The text before the points and the points' number, when `text` ends with points:
/// `\s*[（(]\s*NUM\s*分\s*[)）][\s。.，,；;、]*$` (bracketed) or `\s*NUM\s*分[\s。.，,；;]*$`, NUM
/// being `[0-9]+(\.[0-9]+)?`. Of several readings the head is the shortest, as a lazy
/// `^(.*?)` before either pattern would take it.
fn points_at_end(text: &str, bracketed: bool) -> Option<(&str, &str)> {
    let trail = |c: char| c.is_whitespace() || matches!(c, '。' | '.' | '，' | ',' | '；' | ';') || (bracketed && c == '、');
    let mut t = text.trim_end_matches(trail);
    if bracketed {
        t = t.strip_suffix([')', '）'])?.trim_end();
    }
    let t = t.strip_suffix('分')?.trim_end();
    // The maximal run of digits and points before 分; ASCII, so counting bytes is counting chars.
    let run_start = t.len() - t.bytes().rev().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let run = t.get(run_start..)?;
    if bracketed {
        // The bracket must open right before the number: the number is the whole run.
        let head = t.get(..run_start)?.trim_end().strip_suffix(['(', '（'])?;
        return is_points_number(run).then_some((head, run));
    }
    run.char_indices().map(|(i, _)| i).find(|&i| run.get(i..).is_some_and(is_points_number)).and_then(|i| {
        let cut = run_start + i;
        Some((t.get(..cut)?, t.get(cut..)?))
    })
}

/// `[0-9]+(\.[0-9]+)?`
fn is_points_number(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

/// More visible characters than any weight the pattern below accepts has (`100.2500分`).
const MAX_WEIGHT_CHARS: usize = 24;

static WEIGHT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^([0-9]{1,3}(?:\.[0-9]+)?)\s*分?$").expect("static regex"));

/// Reads a 权重 cell: '1.5', '2', ' 10 ', '１．５', '2分'. `None` for anything else, including
/// a year ('2019') and values above 100, which no single weight reaches.
pub fn parse_weight(s: &str) -> Option<f64> {
    // A weight is at most `100.25分`-long; longer cells are not folded to find out.
    if s.chars().filter(|c| !c.is_whitespace()).nth(MAX_WEIGHT_CHARS).is_some() {
        return None;
    }
    let text = fold_digits(s);
    let caps = WEIGHT.captures(text.trim())?;
    let value: f64 = caps.get(1)?.as_str().parse().ok()?;
    (value <= 100.0).then_some(value)
}

/// A 完成时限 as printed (folded) and the month it names, when it names one.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub text: String,
    pub month: Option<u8>,
}

/// '9月', '12月份', '12月底前', '2019年12月', '12月31日前', '6-12月' (the range's end).
static MONTH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:[0-9]{4}年)?(?:[0-9]{1,2}月?[-~～至到])?([0-9]{1,2})月(?:份)?(?:[0-9]{1,2}[日号])?(?:上旬|中旬|下旬|初|中|底|末)?(?:前|之前|以前|内|止)?$",
    )
    .expect("static regex")
});
static YEAR_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[0-9]{4})?年(?:底|末|终|内)(?:前|之前|以前)?$").expect("static regex")
});
static HALF_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[0-9]{4}年)?(上|下)半年(?:底|末)?(?:前|之前|以前|内)?$").expect("static regex")
});
static QUARTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[0-9]{4}年)?第?([一二三四1-4])季度(?:末|底)?(?:前|之前|以前|内)?$")
        .expect("static regex")
});
/// A character every deadline pattern needs: 月, 年, 季, and the first characters of the
/// ongoing words (全年, 长期, 持续…, 常年, 每月…).
const DEADLINE_MARKS: [char; 8] = ['月', '年', '季', '全', '长', '持', '常', '每'];

/// Deadlines that name no month: the work runs all year or keeps going.
static ONGOING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[0-9]{4}年)?(?:全年|长期|持续推进|持续开展|持续|常年|常态化|长期坚持|全年推进|每月|每季度|每季|每年)$")
        .expect("static regex")
});

/// Reads a 完成时限 cell. `None` when the cell is not a deadline at all ('2', a name, a
/// sentence). A quarter names its last month, 上半年 June, 下半年 and 年底 December.
pub fn parse_deadline(s: &str) -> Option<Deadline> {
    // Every form below names a 月, 年 or 季度, or is one of the ongoing words; folding does
    // not touch these characters, so a text without any of them is not folded to find out.
    if !s.contains(DEADLINE_MARKS) {
        return None;
    }
    let text = fold_text(s);
    let month = if let Some(caps) = MONTH.captures(&text) {
        let m: u8 = caps.get(1)?.as_str().parse().ok()?;
        if !(1..=12).contains(&m) {
            return None;
        }
        Some(m)
    } else if YEAR_END.is_match(&text) {
        Some(12)
    } else if let Some(caps) = HALF_YEAR.captures(&text) {
        Some(if caps.get(1)?.as_str() == "上" {
            6
        } else {
            12
        })
    } else if let Some(caps) = QUARTER.captures(&text) {
        let q = match caps.get(1)?.as_str() {
            "一" | "1" => 1,
            "二" | "2" => 2,
            "三" | "3" => 3,
            _ => 4,
        };
        Some(q * 3)
    } else if ONGOING.is_match(&text) {
        None
    } else {
        return None;
    };
    Some(Deadline { text, month })
}

/// Normalises a 发文字号: no white space, ASCII digits, the year in 〔〕 whatever bracket
/// the source used: '泉科(2019)170 号' → '泉科〔2019〕170号'.
pub fn normalize_doc_number(s: &str) -> String {
    let squashed: String = fold_digits(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    normalize_doc_years(&squashed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The patterns [`split_points`] implemented before it read from the end of the text.
    fn split_points_by_regex(s: &str) -> (String, Option<f64>) {
        let bracketed = Regex::new(r"(?s)^(.*?)\s*[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[)）][\s。.，,；;、]*$").unwrap();
        let bare = Regex::new(r"(?s)^(.*?)\s*([0-9]+(?:\.[0-9]+)?)\s*分[\s。.，,；;]*$").unwrap();
        let text = fold_digits(s);
        for re in [&bracketed, &bare] {
            if let Some(caps) = re.captures(&text) {
                let points = caps.get(2).and_then(|m| m.as_str().parse::<f64>().ok());
                if let (Some(head), Some(points)) = (caps.get(1), points) {
                    return (head.as_str().trim().to_string(), Some(points));
                }
            }
        }
        (s.trim().to_string(), None)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn split_points_reads_as_the_patterns_did(chars in proptest::collection::vec(
            prop::sample::select(vec!['分', '（', '(', '）', ')', '.', '．', '4', '5', '1', '０', ' ', '\n', '。', '、', '，', ',', '；', 'a', '中']), 0..14)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(split_points(&s), split_points_by_regex(&s), "{:?}", s);
        }
    }

    #[test]
    fn points_in_brackets() {
        assert_eq!(
            split_points("文明城市创建工作（5分）"),
            ("文明城市创建工作".into(), Some(5.0))
        );
        assert_eq!(
            split_points("科学行政 (4分)"),
            ("科学行政".into(), Some(4.0))
        );
        assert_eq!(
            split_points("…提升计划。(属 P5)(4.5 分)"),
            ("…提升计划。(属 P5)".into(), Some(4.5))
        );
        // sasac: the '。' between note and points is part of the text.
        assert_eq!(
            split_points("推进混合所有制改革。（属市政府工作报告第56项）。（4分）"),
            (
                "推进混合所有制改革。（属市政府工作报告第56项）。".into(),
                Some(4.0)
            )
        );
        assert_eq!(split_points("引导。(3分)"), ("引导。".into(), Some(3.0)));
        assert_eq!(
            split_points("产业。 （属…P2、9、10） （4 分） "),
            ("产业。 （属…P2、9、10）".into(), Some(4.0))
        );
        assert_eq!(split_points("目标（４分）；"), ("目标".into(), Some(4.0)));
    }

    #[test]
    fn bare_points_of_project_labels() {
        assert_eq!(
            split_points("职 能 工 作 目 标 80分"),
            ("职 能 工 作 目 标".into(), Some(80.0))
        );
        assert_eq!(
            split_points("行政能力 目标 20分"),
            ("行政能力 目标".into(), Some(20.0))
        );
        assert_eq!(split_points("80分"), ("".into(), Some(80.0)));
    }

    #[test]
    fn no_points() {
        assert_eq!(
            split_points("创建全国文明城市。"),
            ("创建全国文明城市。".into(), None)
        );
        assert_eq!(
            split_points("  重点工作目标 "),
            ("重点工作目标".into(), None)
        );
        assert_eq!(split_points(""), ("".into(), None));
        assert_eq!(
            split_points("（属年度重中之重工作）"),
            ("（属年度重中之重工作）".into(), None)
        );
    }

    #[test]
    fn weights() {
        assert_eq!(parse_weight("1.5"), Some(1.5));
        assert_eq!(parse_weight("2"), Some(2.0));
        assert_eq!(parse_weight(" 10 "), Some(10.0));
        assert_eq!(parse_weight("１．５"), Some(1.5));
        assert_eq!(parse_weight("2分"), Some(2.0));
        assert_eq!(parse_weight("2 分"), Some(2.0));
        assert_eq!(parse_weight("100"), Some(100.0));
        for not_weight in [
            "",
            "2019",
            "12月",
            "陈建兴",
            "1-2",
            "1.5.2",
            "120",
            "推进。",
        ] {
            assert_eq!(parse_weight(not_weight), None, "{not_weight}");
        }
    }

    fn deadline(s: &str) -> Option<(String, Option<u8>)> {
        parse_deadline(s).map(|d| (d.text, d.month))
    }

    #[test]
    fn deadlines_with_months() {
        assert_eq!(deadline("9 月"), Some(("9月".into(), Some(9))));
        assert_eq!(deadline("12月份"), Some(("12月份".into(), Some(12))));
        assert_eq!(deadline("12月底前"), Some(("12月底前".into(), Some(12))));
        assert_eq!(deadline("7月份"), Some(("7月份".into(), Some(7))));
        assert_eq!(
            deadline("2019年12月"),
            Some(("2019年12月".into(), Some(12)))
        );
        assert_eq!(
            deadline("12月31日前"),
            Some(("12月31日前".into(), Some(12)))
        );
        assert_eq!(deadline("１２月"), Some(("12月".into(), Some(12))));
        assert_eq!(deadline("6-12月"), Some(("6-12月".into(), Some(12))));
        assert_eq!(deadline("10 月中旬"), Some(("10月中旬".into(), Some(10))));
    }

    #[test]
    fn deadlines_in_words() {
        assert_eq!(deadline("年底"), Some(("年底".into(), Some(12))));
        assert_eq!(deadline("年底前"), Some(("年底前".into(), Some(12))));
        assert_eq!(deadline("2020年底"), Some(("2020年底".into(), Some(12))));
        assert_eq!(deadline("全年"), Some(("全年".into(), None)));
        assert_eq!(deadline("长期"), Some(("长期".into(), None)));
        assert_eq!(deadline("持续推进"), Some(("持续推进".into(), None)));
        assert_eq!(deadline("第三季度"), Some(("第三季度".into(), Some(9))));
        assert_eq!(deadline("第1季度末"), Some(("第1季度末".into(), Some(3))));
        assert_eq!(deadline("上半年"), Some(("上半年".into(), Some(6))));
        assert_eq!(deadline("下半年"), Some(("下半年".into(), Some(12))));
    }

    #[test]
    fn not_deadlines() {
        for s in [
            "",
            "2",
            "1.5",
            "陈建兴",
            "13月",
            "0月",
            "2019",
            "推进新材料赋能，12月完成。",
            "12月份完成投资",
        ] {
            assert_eq!(parse_deadline(s), None, "{s}");
        }
    }

    #[test]
    fn document_numbers() {
        assert_eq!(
            normalize_doc_number("泉科〔2019〕170号"),
            "泉科〔2019〕170号"
        );
        assert_eq!(
            normalize_doc_number("泉科(2019)170 号"),
            "泉科〔2019〕170号"
        );
        assert_eq!(
            normalize_doc_number("泉科［2019］170号"),
            "泉科〔2019〕170号"
        );
        assert_eq!(
            normalize_doc_number("泉科【2019】170号"),
            "泉科〔2019〕170号"
        );
        assert_eq!(
            normalize_doc_number("泉科（ ２０１９ ）１７０号"),
            "泉科〔2019〕170号"
        );
        assert_eq!(
            normalize_doc_number(" 安科〔2021〕12号\n"),
            "安科〔2021〕12号"
        );
        assert_eq!(
            normalize_doc_number("泉府督〔2020〕第DC-009号"),
            "泉府督〔2020〕第DC-009号"
        );
        assert_eq!(normalize_doc_number(""), "");
    }
}
