//! Text fields: undo the OCR's wrap spaces and half-width punctuation.
//!
//! The OCR breaks Chinese text wherever the printed cell wrapped ('保 税区', '突 破 2250 亿元')
//! and reads full-width punctuation as ASCII ('发展, 推动', '(泉委办(2019)25 号)'). The gold
//! files hold the text as printed, so folding restores the printed forms and nothing else:
//! no OCR correction, no change of quotes, dashes or ranges ('P19-23', '1-2家', '15%以上').

use once_cell::sync::Lazy;
use regex::Regex;

use crate::chars::{fold_digits, is_invisible, is_wide};

/// A line break that may be a wrap: a reader that sees the line ran to its cell's edge (a PDF)
/// joins the two lines with this instead of `\n`. It is white space like `\n` to every text
/// field; the list fields (names, units) and 文件依据 read it as the wrap it may be
/// ([`crate::split_names`], [`crate::split_units`]).
pub const SOFT_WRAP: char = '\u{2028}';

/// Decides every [`SOFT_WRAP`] of `s`: where `wraps(before, after)` — the text up to the
/// break and the text after it — says the line wrapped inside a value, the two lines are
/// joined; elsewhere the break becomes an ordinary line break.
pub fn resolve_soft_wraps(s: &str, wraps: impl Fn(&str, &str) -> bool) -> std::borrow::Cow<'_, str> {
    if !s.contains(SOFT_WRAP) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pieces = s.split(SOFT_WRAP).peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece.trim_end());
        let Some(next) = pieces.peek() else { break };
        if !wraps(&out, next) {
            out.push('\n');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A 发文字号 year in any bracket kind, right after an issuer abbreviation and followed by
/// the issue number and 号: '泉政办（2020）10号', '泉府督〔2020〕第DC-009号'.
static DOC_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(\p{Han})\s*[(（\[［【〔]\s*([0-9]{4})\s*[)）\]］】〕]\s*(第?)\s*([0-9A-Za-z][0-9A-Za-z\-－]*)\s*号",
    )
    .expect("static regex")
});

/// Normalises a text field: see the module doc. Steps, in order: width folding, wrap-space
/// removal, ASCII punctuation and parentheses in Chinese context made full-width,
/// document-number year brackets made 〔〕.
pub fn fold_text(s: &str) -> String {
    if is_folded(s) {
        return s.to_string();
    }
    // The rebuild folds one cell many times (a merged 文件依据 for every row it covers, then
    // again when splitting it): folding is pure, so the slow path is remembered per thread.
    FOLDED.with(|cache| {
        if let Some(folded) = cache.borrow().get(s) {
            return folded.to_string();
        }
        let folded = fold_uncached(s);
        let mut cache = cache.borrow_mut();
        if cache.len() >= FOLD_CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(s.into(), folded.as_str().into());
        folded
    })
}

/// Texts remembered by [`fold_text`] per thread before the memory is cleared: more than a
/// long document has, under a megabyte.
const FOLD_CACHE_ENTRIES: usize = 4096;

/// Forgets the folds [`fold_text`] remembered on this thread (the parser calls it when it
/// starts a document).
pub fn forget_folds() {
    FOLDED.with(|cache| cache.borrow_mut().clear());
}

thread_local! {
    static FOLDED: std::cell::RefCell<std::collections::HashMap<Box<str>, Box<str>>> = Default::default();
}

fn fold_uncached(s: &str) -> String {
    let chars: Vec<char> = fold_digits(s).chars().collect();
    let dropped: String = drop_wrap_spaces(&chars).into_iter().collect();
    // Dropping a wrap space can put a full-width point between two digits ('1 ．1'): fold
    // digits again so the result does not change on a second fold.
    let mut text = fold_digits(&dropped);
    // Often all there was to fold were line breaks and wrap spaces.
    if is_folded(&text) {
        return text;
    }
    // Widening one mark can give its neighbour a wide context ('(a)(中)'); repeating until
    // nothing changes makes folding idempotent, so callers may fold twice safely.
    for _ in 0..8 {
        let chars: Vec<char> = text.chars().collect();
        let next: String = widen_parens(&widen_punct(&chars)).into_iter().collect();
        let next = normalize_doc_years(&next);
        if next == text {
            break;
        }
        text = next;
    }
    text.trim().to_string()
}

/// True when folding cannot change `s`, checked in one pass: no white space or invisible
/// character, nothing to width-fold, no full-width point, no ASCII punctuation or parenthesis
/// to widen, and no bracketed 4-digit year that is not already `〔year〕`. Clean texts (DOCX
/// cells, already folded values) skip the allocating steps of [`fold_text`].
fn is_folded(s: &str) -> bool {
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            if c.is_ascii_whitespace() || matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')') {
                return false;
            }
            if c == '[' && year_bracket_follows(s, i + 1, c) {
                return false;
            }
            continue;
        }
        if c.is_whitespace() || is_invisible(c) || crate::chars::fold_width(c) != c || c == '．' {
            return false;
        }
        // `［2019］`, `（2020）`, `〔2019）`: a year bracket the document-number rule rewrites.
        if matches!(c, '（' | '［' | '【' | '〔') && year_bracket_follows(s, i + c.len_utf8(), c) {
            return false;
        }
    }
    true
}

/// True when a bracket other than 〔…〕 holds a 4-digit year (`（2020）`, `[2019]`, `〔2019）`).
fn has_year_to_rebracket(s: &str) -> bool {
    s.char_indices()
        .any(|(i, c)| matches!(c, '(' | '[' | '（' | '［' | '【' | '〔') && year_bracket_follows(s, i + c.len_utf8(), c))
}

/// True when four ASCII digits follow at `at`, closed by anything but the `〕` of an `〔`.
fn year_bracket_follows(s: &str, at: usize, open: char) -> bool {
    let Some(rest) = s.get(at..) else { return false };
    let b = rest.as_bytes();
    if b.len() < 4 || !b.iter().take(4).all(u8::is_ascii_digit) {
        return false;
    }
    !(open == '〔' && rest.get(4..).is_some_and(|r| r.starts_with('〕')))
}

/// Removes all white space: for labels whose letters the OCR spaced out ('完 成 时 限', '合 计').
pub fn squash(s: &str) -> String {
    squashed(s).into_owned()
}

/// The first character of [`squash`]ed `s`, without squashing it.
pub fn first_squashed(s: &str) -> Option<char> {
    s.chars().find(|&c| !(c.is_whitespace() || is_invisible(c)))
}

/// [`squash`] without a copy when there is nothing to remove.
pub fn squashed(s: &str) -> std::borrow::Cow<'_, str> {
    let drop = |c: char| c.is_whitespace() || is_invisible(c);
    if s.chars().any(drop) {
        s.chars().filter(|c| !drop(*c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// Replaces a bracketed 4-digit year of a document number by 〔year〕 and drops spaces inside
/// the number. Shared with `values::normalize_doc_number`.
pub(crate) fn normalize_doc_years(s: &str) -> String {
    // Every document number ends in 号; most texts have none, and the search is not cheap.
    // Without white space, a match changes the text only where its year bracket is not
    // already 〔year〕: with no such bracket, every match would be replaced by itself.
    if !s.contains('号') || !(s.contains(char::is_whitespace) || has_year_to_rebracket(s)) {
        return s.to_string();
    }
    DOC_YEAR
        .replace_all(s, "${1}〔${2}〕${3}${4}号")
        .into_owned()
}

/// Drops every run of white space, except that one space stays between two Latin words or
/// numbers ('IEEE Power', '1, 2'): there the space is part of the text, not a wrap.
fn drop_wrap_spaces(chars: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let prev = out.last().copied();
        let prev2 = out.len().checked_sub(2).and_then(|k| out.get(k)).copied();
        let next = chars.get(j).copied();
        if keep_space(prev2, prev, next) {
            out.push(' ');
        }
        i = j;
    }
    out
}

fn keep_space(prev2: Option<char>, prev: Option<char>, next: Option<char>) -> bool {
    let (Some(prev), Some(next)) = (prev, next) else {
        return false;
    };
    if !next.is_ascii_alphanumeric() {
        return false;
    }
    prev.is_ascii_alphanumeric()
        || (matches!(prev, ',' | '.' | ';' | ':' | '!' | '?' | '%')
            && prev2.is_some_and(|c| c.is_ascii_alphanumeric()))
}

/// ASCII , ; : ? ! touching Chinese text become ，；：？！. Between Latin text or digits
/// ('12:00', '1,2') they stay.
fn widen_punct(chars: &[char]) -> Vec<char> {
    let wide_at = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| is_wide(*c));
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let full = match c {
                ',' => '，',
                ';' => '；',
                ':' => '：',
                '?' => '？',
                '!' => '！',
                _ => return c,
            };
            if wide_at(i.checked_sub(1)) || wide_at(Some(i + 1)) {
                full
            } else {
                c
            }
        })
        .collect()
}

/// ASCII parentheses become （） when the pair encloses Chinese text or sits against it
/// ('经费(R&D)相关' → '经费（R&D）相关'); both brackets of a pair change together. An unpaired
/// bracket changes when a neighbour is Chinese.
fn widen_parens(chars: &[char]) -> Vec<char> {
    let mut out = chars.to_vec();
    let wide_at = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| is_wide(*c));
    let mut open: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut unpaired: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => match open.pop() {
                Some(o) => pairs.push((o, i)),
                None => unpaired.push(i),
            },
            _ => {}
        }
    }
    unpaired.extend(open);
    for (o, c) in pairs {
        let inner_wide = chars
            .get(o + 1..c)
            .is_some_and(|inner| inner.iter().any(|ch| is_wide(*ch)));
        if inner_wide || wide_at(o.checked_sub(1)) || wide_at(Some(c + 1)) {
            set(&mut out, o, '（');
            set(&mut out, c, '）');
        }
    }
    for i in unpaired {
        if wide_at(i.checked_sub(1)) || wide_at(Some(i + 1)) {
            let full = if chars.get(i) == Some(&'(') {
                '（'
            } else {
                '）'
            };
            set(&mut out, i, full);
        }
    }
    out
}

fn set(chars: &mut [char], i: usize, c: char) {
    if let Some(slot) = chars.get_mut(i) {
        *slot = c;
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The shortcut in `normalize_doc_years` gives what running the regex always gave.
        #[test]
        fn doc_year_shortcut_agrees_with_the_regex(
            s in "([泉a ]{0,2}( ?[(（\\[［【〔] ?[0-9]{3,4} ?[)）\\]］】〕] ?第? ?[0-9a]{1,3} ?号?)?[号 1]?){0,4}"
        ) {
            let by_regex = DOC_YEAR.replace_all(&s, "${1}〔${2}〕${3}${4}号").into_owned();
            prop_assert_eq!(normalize_doc_years(&s), by_regex);
        }
    }

    use super::*;

    #[test]
    fn clean_texts_take_the_fast_path_unchanged() {
        for clean in ["保税区", "（泉委办〔2019〕25号）", "P4第16项", "完成（第2019项）", ""] {
            assert!(is_folded(clean), "{clean}");
        }
        for dirty in ["保 税区", "１２月", "(R&D)", "发展, 推动", "泉政办（2020）10号", "泉科〔2019）170号", "1．5", "a\u{200B}b"] {
            assert!(!is_folded(dirty), "{dirty}");
        }
    }

    #[test]
    fn wrap_spaces_inside_chinese_are_removed() {
        assert_eq!(fold_text("保 税区"), "保税区");
        assert_eq!(fold_text("2019 年"), "2019年");
        assert_eq!(fold_text("P4 第 16 项"), "P4第16项");
        assert_eq!(fold_text("要点 P4"), "要点P4");
        assert_eq!(fold_text("突 破 2250 亿元"), "突破2250亿元");
        assert_eq!(fold_text("市政府工 作报告"), "市政府工作报告");
        // The 1-2-1 secondary of quanzhou-science-2019, wrapped three times.
        assert_eq!(
            fold_text("制定泉州片区 2019 年度工作要 点。围绕示范区七大改革任务, 推出 40 项以上全省乃至全国首 创的创新举措。"),
            "制定泉州片区2019年度工作要点。围绕示范区七大改革任务，推出40项以上全省乃至全国首创的创新举措。"
        );
        assert_eq!(fold_text("第五届 IEEE 电力电子"), "第五届IEEE电力电子");
    }

    #[test]
    fn latin_and_number_spaces_stay() {
        assert_eq!(fold_text("IEEE Power"), "IEEE Power");
        assert_eq!(
            fold_text("IEEE  \n Power Electronics"),
            "IEEE Power Electronics"
        );
        assert_eq!(fold_text("1, 2"), "1, 2");
        assert_eq!(
            fold_text("会议 IEEE Power 2019 年"),
            "会议IEEE Power 2019年"
        );
    }

    #[test]
    fn odd_white_space_and_width() {
        assert_eq!(fold_text(""), "");
        assert_eq!(fold_text(" \t\n "), "");
        assert_eq!(fold_text("\u{3000}综合科\u{3000}"), "综合科");
        assert_eq!(fold_text("１２月"), "12月");
        assert_eq!(fold_text("ＡＢ岗"), "AB岗");
        assert_eq!(fold_text("完成４．２亿元"), "完成4.2亿元");
        assert_eq!(fold_text("保\t税\n区\r\n联动"), "保税区联动");
        assert_eq!(fold_text("保\u{200B}税区"), "保税区");
    }

    #[test]
    fn ascii_punctuation_in_chinese_becomes_full_width() {
        assert_eq!(
            fold_text("推动制造业高质量发展, 抓好传统产业"),
            "推动制造业高质量发展，抓好传统产业"
        );
        assert_eq!(
            fold_text("市委工作要点 P4; 省政府工作要点"),
            "市委工作要点P4；省政府工作要点"
        );
        assert_eq!(fold_text("说明:(1)"), "说明：（1）");
        assert_eq!(fold_text("是否完成?是!"), "是否完成？是！");
        assert_eq!(fold_text("12:00"), "12:00");
        assert_eq!(
            fold_text("以“泉州芯谷”项目建设为重点, 推进"),
            "以“泉州芯谷”项目建设为重点，推进"
        );
    }

    #[test]
    fn parentheses_follow_their_context() {
        assert_eq!(
            fold_text("汇总研究与试验发展经费(R&D)相关数据"),
            "汇总研究与试验发展经费（R&D）相关数据"
        );
        assert_eq!(fold_text("(泉委办(2019)25 号)"), "（泉委办〔2019〕25号）");
        assert_eq!(fold_text("科学行政(4分)"), "科学行政（4分）");
        assert_eq!(fold_text("f(x)"), "f(x)");
        assert_eq!(fold_text("(R&D)"), "(R&D)");
        // Unpaired bracket against Chinese text.
        assert_eq!(fold_text("综合科 (创服"), "综合科（创服");
    }

    #[test]
    fn document_number_years_get_tortoise_shell_brackets() {
        assert_eq!(fold_text("泉政办（2020）10号"), "泉政办〔2020〕10号");
        assert_eq!(
            fold_text("消防安全重点工作泉政办（2020）10号"),
            "消防安全重点工作泉政办〔2020〕10号"
        );
        assert_eq!(
            fold_text("(泉府督〔2020〕第DC-009号)"),
            "（泉府督〔2020〕第DC-009号）"
        );
        assert_eq!(fold_text("(泉委〔 2019〕16号)"), "（泉委〔2019〕16号）");
        assert_eq!(fold_text("(泉政 办(2019)9 号)"), "（泉政办〔2019〕9号）");
        assert_eq!(fold_text("泉科[2019]170号"), "泉科〔2019〕170号");
        assert_eq!(fold_text("泉科【2019】170号"), "泉科〔2019〕170号");
        assert_eq!(fold_text("泉科［２０１９］１７０号"), "泉科〔2019〕170号");
        // A bracketed year that is not a document number is left alone.
        assert_eq!(fold_text("完成（2019）年度任务"), "完成（2019）年度任务");
    }

    #[test]
    fn printed_forms_are_kept() {
        assert_eq!(
            fold_text("建设国家创新型城市 P19-23"),
            "建设国家创新型城市P19-23"
        );
        assert_eq!(fold_text("扶持 1-2 家"), "扶持1-2家");
        assert_eq!(fold_text("比增 15%以上"), "比增15%以上");
        assert_eq!(fold_text("预计完成4.2亿元"), "预计完成4.2亿元");
        assert_eq!(
            fold_text("《 泉州市建设国家创新型城市 实施方案》"),
            "《泉州市建设国家创新型城市实施方案》"
        );
        assert_eq!(fold_text("第17届“6·18”展会"), "第17届“6·18”展会");
    }

    #[test]
    fn whole_primary_of_quanzhou_science_1_1() {
        let raw = "推动制造业高质量发展, 抓好传统产业巩固优势、进军新价值制造, 培育壮大集成电路、化合物半导体、石墨烯等高新产业, 铸链发展石化新材料和精细化工, 推动传统、高新、重化三大板块形成成势。(属市委工作要点 P4; 省政府工作要点 P4 第 16 项; 市政府工作报告 P6 第 12、15 项; 质量强市 P7、P9; 建设国家创新型城市 P19-23; 促进泉州经济文化交流合作 P3-5)";
        assert_eq!(
            fold_text(raw),
            "推动制造业高质量发展，抓好传统产业巩固优势、进军新价值制造，培育壮大集成电路、化合物半导体、石墨烯等高新产业，铸链发展石化新材料和精细化工，推动传统、高新、重化三大板块形成成势。（属市委工作要点P4；省政府工作要点P4第16项；市政府工作报告P6第12、15项；质量强市P7、P9；建设国家创新型城市P19-23；促进泉州经济文化交流合作P3-5）"
        );
    }

    #[test]
    fn squash_removes_all_space() {
        assert_eq!(squash("完 成 时 限"), "完成时限");
        assert_eq!(squash("合 计"), "合计");
        assert_eq!(squash("\u{3000}合\t计\n"), "合计");
        assert_eq!(squash(""), "");
    }

    #[test]
    fn a_wrap_space_before_a_full_width_point_folds_in_one_pass() {
        assert_eq!(fold_text("1 ．1"), "1.1");
        assert_eq!(fold_text(&fold_text("1 ．1")), "1.1");
    }

}
