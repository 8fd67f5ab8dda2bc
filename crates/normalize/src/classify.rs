//! Typing a cell by what it holds.
//!
//! The OCR inserts or drops empty cells, so a value's column index is not trustworthy; the
//! row rebuild asks these predicates what a cell looks like (an id, a weight, a deadline,
//! names, units) to put each value in its column.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::chars::{fold_digits, is_dash, is_han, is_invisible};
use crate::names::split_names;
use crate::text::squash;
use crate::units::tokenize;
use crate::values::{parse_deadline, parse_weight, split_points};

/// The longest id the pattern below accepts: `12-123-123`.
const MAX_ID_CHARS: usize = 10;

static ID: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[0-9]{1,2}(?:-[0-9]{1,3}){1,2}$").expect("static regex"));

/// Reads a 序号: '1-1-1', '1-14', '4-1', '10-2-3', with spaces, full-width digits or dash
/// variants tolerated; returns ASCII 'a-b[-c]'. `None` for a year, a range with a unit
/// ('1-2家'), a month, a lone number.
pub fn parse_id(s: &str) -> Option<String> {
    // An id starts with a digit (ASCII or full-width) and is short: long cells are not read.
    let mut visible = s.chars().filter(|c| !c.is_whitespace() && !is_invisible(*c));
    if !visible.next().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) || visible.nth(MAX_ID_CHARS).is_some() {
        return None;
    }
    let chars: Vec<char> = fold_digits(s).chars().filter(|c| !c.is_whitespace()).collect();
    // OCR reads a dash as '一' (`1一3一2`). It is also the numeral one, so it counts as a dash
    // only between two digits; the whole cell must still be id-shaped (starting with a digit,
    // short, nothing else), so a text such as `第一` or `1一2家` never reads as an id.
    let digit_at = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(char::is_ascii_digit);
    let id: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if is_dash(c) || (c == '一' && digit_at(i.checked_sub(1)) && digit_at(Some(i + 1))) { '-' } else { c })
        .collect();
    ID.is_match(&id).then_some(id)
}

pub fn is_weight(s: &str) -> bool {
    parse_weight(s).is_some()
}

pub fn is_deadline(s: &str) -> bool {
    parse_deadline(s).is_some()
}

/// Endings that make a token a unit. Single characters cover 科/股/室 and the like; longer
/// ones are listed where the last character alone is too common in names (集团 not 团).
const UNIT_SUFFIXES: &[&str] = &[
    "科", "室", "股", "处", "所", "局", "会", "办", "组", "部", "队", "站", "院", "委", "厅", "馆",
    "校", "社", "协", "联", "中心", "集团", "公司", "企业", "支部", "机场", "银行", "医院", "学校",
    "单位", "部门", "工委", "党组",
];

/// Two-character surnames: the only four-character names accepted.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "呼延", "钟离", "申屠", "澹台", "公冶",
];

/// Short words that fill name-sized cells without being names: headers, deadlines, fillers.
const NOT_NAMES: &[&str] = &[
    "全年",
    "长期",
    "年底",
    "年末",
    "合计",
    "小计",
    "总计",
    "备注",
    "权重",
    "序号",
    "项目",
    "同上",
    "持续",
    "常年",
    "领导",
    "时限",
    "目标",
    "指标",
    "分管领导",
    "责任人",
    "责任单位",
    "完成时限",
    "无",
    "暂无",
    "待定",
];

/// Column headers that end like units ('责任单位') but name the column, not a unit.
const NOT_UNITS: &[&str] = &[
    "责任单位",
    "责任部门",
    "责任科室",
    "责任处室",
    "责任股室",
    "牵头单位",
    "配合单位",
    "协办单位",
    "参评单位",
    "考评单位",
    "单位",
    "部门",
    "科室",
];

/// Words that end like a unit by their last character but name a field of work, not a body
/// (`农村社会` is the head of `农村社会事业促进科`; a body ending in 会 is a 委员会, 协会…).
const NOT_UNIT_ENDINGS: &[&str] = &["社会"];

pub(crate) fn has_unit_suffix(token: &str) -> bool {
    UNIT_SUFFIXES.iter().any(|s| token.ends_with(s)) && !NOT_UNIT_ENDINGS.iter().any(|s| token.ends_with(s))
}

/// True when the cell is a list of personal names: every name is two or three Han
/// characters (four when it starts with a compound surname), none ends like a unit and none
/// is a common table word.
pub fn looks_like_names(s: &str) -> bool {
    // Names are Han characters between separators; any other character rules the cell out
    // before it is split (folding only drops white space and invisible characters).
    let name_char = |c: char| is_han(c) || c.is_whitespace() || is_invisible(c) || matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／');
    if !s.chars().all(name_char) {
        return false;
    }
    let names = split_names(s);
    !names.is_empty()
        && names.iter().all(|name| {
            let len = name.chars().count();
            let size_ok = (2..=3).contains(&len)
                || (len == 4 && COMPOUND_SURNAMES.iter().any(|p| name.starts_with(p)));
            size_ok
                && name.chars().all(is_han)
                && !has_unit_suffix(name)
                && !NOT_NAMES.contains(&name.as_str())
                && !is_deadline(name)
        })
}

/// True when the cell is a list of units: every token (tokenised as for `split_units`) ends
/// like a unit once a trailing bracketed qualifier is set aside ('综合科（创服中心）'). Tokens
/// are short and the cell holds no sentence punctuation, so a 二级指标 that happens to end
/// in 企业 is not taken for a unit.
pub fn looks_like_units(s: &str) -> bool {
    if s.contains(['。', '《', '“', '：', ':']) || NOT_UNITS.contains(&squash(s).as_str()) {
        return false;
    }
    let tokens = tokenize(s);
    !tokens.is_empty()
        && tokens.iter().all(|token| {
            let head = token.split(['（', '(']).next().unwrap_or_default();
            let len = head.chars().count();
            // `各县（市、区）`, `各乡镇`: "every …" names a set of bodies, whatever it ends with.
            (2..=16).contains(&len) && head.chars().any(is_han) && (has_unit_suffix(head) || head.starts_with('各'))
        })
}

static DOC_NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\p{Han}\s*[(（\[［【〔]\s*[0-9]{4}\s*[)）\]］】〕]\s*第?\s*[0-9A-Za-z][0-9A-Za-z\-－]*\s*号",
    )
    .expect("static regex")
});

/// A page number as headers and footers print it: `- 3 -`, `第 3 页`, `第3页 共12页`, `3/12`, `3`.
pub fn is_page_number(text: &str) -> bool {
    let s = squash(text);
    let s = s.trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '–' | '·'));
    let digits = |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if digits(s) {
        return true;
    }
    if let Some((a, b)) = s.split_once('/') {
        return digits(a) && digits(b);
    }
    let rest = match s.strip_prefix('第').and_then(|r| r.split_once('页')) {
        Some((n, rest)) if digits(n) => rest,
        _ => return false,
    };
    rest.is_empty() || rest.strip_prefix('共').and_then(|r| r.strip_suffix('页')).is_some_and(digits)
}

/// True when the text contains a 发文字号 ('泉委办〔2019〕25号', '泉政办(2019)9 号',
/// '泉府督〔2020〕第DC-009号'): the mark of a 文件依据 cell.
pub fn has_doc_number(s: &str) -> bool {
    DOC_NUMBER.is_match(&fold_digits(s))
}

/// True when the text ends with points as [`split_points`] reads them.
pub fn has_points(s: &str) -> bool {
    split_points(s).1.is_some()
}

const TOTAL_WORDS: &[&str] = &["合计", "小计", "总计", "总分", "共计", "得分"];

/// True for the label of a total row: '合计', '合 计', '小计', '总分',
/// '绩效目标考评得分(职能工作目标+行政能力目标)'. A label is short and not a sentence, so a
/// 二级指标 that mentions 得分 is not a total.
pub fn total_label(s: &str) -> bool {
    let label = squash(s);
    label.chars().count() <= 40
        && !label.contains(['。', '，', '；'])
        && TOTAL_WORDS.iter().any(|w| label.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(parse_id("1-1-1").as_deref(), Some("1-1-1"));
        assert_eq!(parse_id("1-14").as_deref(), Some("1-14"));
        assert_eq!(parse_id("4-1").as_deref(), Some("4-1"));
        assert_eq!(parse_id("10-2-3").as_deref(), Some("10-2-3"));
        assert_eq!(parse_id(" 1 - 3 - 2 ").as_deref(), Some("1-3-2"));
        assert_eq!(parse_id("１－１３－２").as_deref(), Some("1-13-2"));
        assert_eq!(parse_id("1—2—1").as_deref(), Some("1-2-1"));
        assert_eq!(parse_id("1–2‐1").as_deref(), Some("1-2-1"));
        assert_eq!(parse_id("1﹣5").as_deref(), Some("1-5"));
        // '一' read for a dash, only between digits.
        assert_eq!(parse_id("1一3一2").as_deref(), Some("1-3-2"));
        assert_eq!(parse_id("1一1-1").as_deref(), Some("1-1-1"));
        assert_eq!(parse_id("１一１４").as_deref(), Some("1-14"));
        for not_id in [
            "",
            "2019",
            "1-2家",
            "12月",
            "1",
            "1-2-3-4",
            "2018-2019",
            "一-1",
            "1-",
            "1一",
            "一1",
            "1-一2",
            "1一2家",
            "第一",
            "1一一2",
        ] {
            assert_eq!(parse_id(not_id), None, "{not_id}");
        }
    }

    #[test]
    fn weight_and_deadline_wrappers() {
        assert!(is_weight("1.5") && is_weight("１０") && !is_weight("12月"));
        assert!(is_deadline("12月份") && is_deadline("全年") && !is_deadline("2"));
    }

    #[test]
    fn names() {
        assert!(looks_like_names("陈建兴 张劲松"));
        assert!(looks_like_names("刘海祥 汪亚彬 李维芳 林 鹏 周俊杰 罗 霖"));
        assert!(looks_like_names("孙中虎"));
        assert!(looks_like_names("黄建团"));
        assert!(looks_like_names("欧阳明辉"));
        assert!(!looks_like_names("各科室"));
        assert!(!looks_like_names("党委会"));
        assert!(!looks_like_names("平台科 信息所"));
        assert!(!looks_like_names("陈建兴 高新科"));
        assert!(!looks_like_names("全年"));
        assert!(!looks_like_names("12月"));
        assert!(!looks_like_names("持续推进"));
        assert!(!looks_like_names("文明城市创建工作"));
        assert!(!looks_like_names(""));
        assert!(!looks_like_names("合 计"));
    }

    #[test]
    fn units() {
        for units in [
            "各科室",
            "党委会",
            "各所出资企业",
            "交发集团",
            "泉州晋江国际机场",
            "机关支部 党建科 办公室",
            "综合科 (创服 中心)",
            "人才科（生促中心）",
            "发改科各所出资企业",
            "平台科 信息所",
            "大气环境科 核与辐射安全科 各县（市、区）",
            "各乡镇",
        ] {
            assert!(looks_like_units(units), "{units}");
        }
        for not_units in [
            "陈建兴 张劲松",
            "",
            "12月份",
            "2",
            "支持我市高等院校、科研院所和科技型军民融合企业。",
            "黄奕冰 张翎",
            "责任单位",
            "责任 单位",
        ] {
            assert!(!looks_like_units(not_units), "{not_units}");
        }
    }

    #[test]
    fn doc_numbers() {
        assert!(has_doc_number("（泉委办〔2019〕25号）"));
        assert!(has_doc_number("(泉政办(2019)9 号)"));
        assert!(has_doc_number("（泉府督〔2020〕第DC-009号）"));
        assert!(has_doc_number("（泉委人才〔2019〕1号）"));
        assert!(has_doc_number("脱贫攻坚重点工作 泉委发〔2018〕22号"));
        assert!(has_doc_number("(泉政 办(２０１９)9 号)"));
        assert!(!has_doc_number(
            "组织开展 2019 年第一批集成电路设计企业补助资金申报工作"
        ));
        assert!(!has_doc_number("（属市委工作要点P4）（3分）"));
        assert!(!has_doc_number(""));
    }

    #[test]
    fn points() {
        assert!(has_points("文明城市创建工作（5分）"));
        assert!(has_points("科学行政 (4分)"));
        assert!(has_points("职 能 工 作 目 标 80分"));
        assert!(!has_points("创建全国文明城市。"));
        assert!(!has_points(""));
    }

    #[test]
    fn totals() {
        assert!(total_label("合计"));
        assert!(total_label("合 计"));
        assert!(total_label("小计"));
        assert!(total_label("总分"));
        assert!(total_label("绩效目标考评得分(职能工作目标+行政能力目标)"));
        assert!(total_label("绩效目标考评得分（职能工作目标+行政能力目标）"));
        assert!(!total_label(""));
        assert!(!total_label("重点工作目标"));
        assert!(!total_label(
            "获得综合性表彰奖励的按规定给予加分，考核得分计入总分。"
        ));
    }
}
