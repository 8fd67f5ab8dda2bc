//! The notice around the tables: issuer, 发文字号, title, date, the year the targets apply to,
//! and the indicator counts the prose declares.
//!
//! Government notices follow the 党政机关公文格式 (GB/T 9704) layout: letterhead
//! (`泉州市科学技术局文件`), document number (`泉科〔2019〕170号`), title (`…关于印发《…》的通知`,
//! often wrapped over two or three lines), salutation, body, signature (issuing body over the
//! date), and a 印发 footer. The reader follows that layout rather than any one agency's
//! wording: the *front matter* is what comes before the body (the first sentence, salutation,
//! 附件 marker or table row), and only there are the letterhead, number and title looked for, so
//! a number or title cited inside a sentence is never taken. Files that hold only an attachment
//! (a table with its heading) have no front matter and give `null`s, which is the truth.
//!
//! Everything works on the grid's paragraphs and their order relative to table rows, so it
//! serves every reader.

use crate::grid::{Block, SourceGrid};
use once_cell::sync::Lazy;
use regex::Regex;
use zhibiao_model::{DeclaredCount, Notice};

/// One prose line.
struct Line {
    /// As read (trimmed), wrap spaces included.
    text: String,
    /// White space removed and full-width digits and letters made ASCII: what patterns match.
    compact: String,
    line: u32,
}

/// The grid as the notice reader needs it: prose lines, and where the table rows and breaks are.
enum Item {
    Para(Line),
    /// A table row; `single` holds its text when only one cell is filled (a heading or a date
    /// that a DOCX or PDF reader put inside the table).
    Row {
        single: Option<Line>,
    },
    Break,
}

impl Item {
    fn para(&self) -> Option<&Line> {
        match self {
            Item::Para(l) => Some(l),
            _ => None,
        }
    }
    /// A paragraph, or a row with one filled cell: the places a heading or a date may sit.
    fn heading_line(&self) -> Option<&Line> {
        match self {
            Item::Para(l) => Some(l),
            Item::Row { single } => single.as_ref(),
            Item::Break => None,
        }
    }
}

/// Reads the notice metadata from a grid's prose. Never fails: what the document does not say
/// is `None` (or an empty list).
pub fn read_notice(grid: &SourceGrid) -> Notice {
    let items = items(grid);
    let front_end = front_matter_end(&items);

    let letterhead =
        (0..front_end).find_map(|i| letterhead(items.get(i)?.para()?).map(|org| (i, org)));
    let doc_number =
        (0..front_end).find_map(|i| doc_number(&items.get(i)?.para()?.compact).map(|n| (i, n)));
    let mut skip: Vec<usize> = Vec::new();
    skip.extend(letterhead.as_ref().map(|(i, _)| *i));
    skip.extend(doc_number.as_ref().map(|(i, _)| *i));
    let title = find_title(&items, front_end, &skip);

    let signature = find_signature(&items);
    let issuer = letterhead
        .map(|(_, org)| org)
        .or_else(|| signature.as_ref().map(|s| s.issuer.clone()));
    let date = signature
        .as_ref()
        .map(|s| s.date.clone())
        .or_else(|| table_date(&items, signature.as_ref().map(|s| s.date_index)))
        .or_else(|| printed_date(&items));
    let year = target_year(&items, title.as_deref(), date.as_deref());

    Notice {
        issuer,
        doc_number: doc_number.map(|(_, n)| n),
        title,
        date,
        year,
        declared_counts: declared_counts(&items),
    }
}

fn items(grid: &SourceGrid) -> Vec<Item> {
    grid.blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => Item::Para(line(&p.text, p.pos.line)),
            Block::Row(r) => {
                let mut filled = r.cells.iter().filter(|c| !c.is_empty());
                let single = match (filled.next(), filled.next()) {
                    (Some(c), None) => Some(line(c.text.trim(), r.pos.line)),
                    _ => None,
                };
                Item::Row { single }
            }
            Block::Break(_) => Item::Break,
        })
        .collect()
}

fn line(text: &str, line: u32) -> Line {
    Line {
        text: text.trim().to_string(),
        compact: compact(text),
        line,
    }
}

/// Removes all white space and folds full-width digits and letters (OCR and Word produce both)
/// to ASCII. Punctuation keeps its width: `：` and `（` are told apart from ASCII nowhere below.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Removes OCR wrap spaces (`2019年度 泉州市` → `2019年度泉州市`); a space between two ASCII
/// words or numbers stays, as one space.
fn remove_wrap_spaces(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            let mut j = i;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            let before = out.chars().last();
            let after = chars.get(j).copied();
            if before.is_some_and(|c| c.is_ascii_alphanumeric())
                && after.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Front matter: letterhead, number, title.

/// `附件`, `附件2`, `附件：…`, `附表`: the attachment starts; nothing after it is the notice's head.
static ATTACHMENT_MARK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^附[件表][0-9一二三四五六七八九十]*(?:[:：].*)?$").unwrap());

/// Index of the first item that is no longer front matter: a table row, an attachment marker,
/// or the body (a sentence, or the salutation ending in a colon).
fn front_matter_end(items: &[Item]) -> usize {
    items
        .iter()
        .position(|item| match item {
            Item::Row { .. } => true,
            Item::Para(l) => {
                ATTACHMENT_MARK.is_match(&l.compact)
                    || l.compact.contains('。')
                    || l.compact.ends_with('：')
                    || l.compact.ends_with(':')
            }
            Item::Break => false,
        })
        .unwrap_or(items.len())
}

/// Endings of organisation names, longest first where one contains another.
const ORG_SUFFIXES: &[&str] = &[
    "委员会",
    "办公室",
    "办公厅",
    "政府",
    "中心",
    "公司",
    "集团",
    "大学",
    "局",
    "委",
    "厅",
    "院",
    "部",
    "会",
    "所",
    "处",
    "站",
    "办",
    "署",
    "馆",
    "校",
    "社",
    "组",
    "行",
    "室",
];

/// Enumerators that open a list item or heading: `（一）`, `(2)`, `一、`, `1、`, `1.`, `①`.
static ENUMERATOR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[、.．](?:[^0-9]|$)|[①-⑳])").unwrap()
});

/// An organisation name on a line of its own: short, no sentence punctuation, no colon, ending
/// in a body's name (局, 委员会, 政府, 办公室, …).
fn is_org_name(compact: &str) -> bool {
    let n = compact.chars().count();
    (3..=40).contains(&n)
        && !compact.contains(|c: char| "：:，,。；;！？!?、《》“”\"（）()".contains(c))
        && !compact.contains("关于")
        && !ENUMERATOR.is_match(compact)
        && !compact.starts_with(|c: char| c.is_ascii_digit())
        && ORG_SUFFIXES.iter().any(|s| compact.ends_with(s))
}

/// An issuer as printed: one name with its wrap spaces removed, or several names side by side
/// (a joint notice) joined with `、`.
fn issuer_name(text: &str) -> String {
    let parts: Vec<&str> = text.split_whitespace().collect();
    if parts.len() > 1 && parts.iter().all(|p| is_org_name(&compact(p))) {
        parts
            .iter()
            .map(|p| compact(p))
            .collect::<Vec<_>>()
            .join("、")
    } else {
        compact(text)
    }
}

/// `泉州市科学技术局文件` → `泉州市科学技术局`.
fn letterhead(line: &Line) -> Option<String> {
    let stem = line.compact.strip_suffix("文件")?;
    if !is_org_name(stem) {
        return None;
    }
    let text = line.text.trim_end();
    let text = text.strip_suffix("文件").unwrap_or(text);
    Some(issuer_name(text))
}

/// A 发文字号 alone on its line (a 签发人 may follow it on 上行文): `泉科〔2019〕170号`,
/// `泉政办(2019)9号`, `闽政办[2020]2号`; brackets become `〔〕`.
static DOC_NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?P<org>[\p{Han}A-Za-z]{1,12})[〔(（\[［【](?P<year>(?:19|20)[0-9]{2})[〕)）\]］】](?P<num>第?[0-9A-Za-z\-－]{1,10}号)(?:签发人[:：].*)?$",
    )
    .unwrap()
});

fn doc_number(compact: &str) -> Option<String> {
    let caps = DOC_NUMBER.captures(compact)?;
    Some(format!(
        "{}〔{}〕{}",
        caps.name("org")?.as_str(),
        caps.name("year")?.as_str(),
        caps.name("num")?.as_str()
    ))
}

/// Words a notice title ends with (after an optional `（试行）`-like note).
const TITLE_ENDINGS: &[&str] = &[
    "通知", "意见", "决定", "批复", "报告", "函", "方案", "请示", "通报", "办法", "规定", "细则",
    "公告", "通告", "决议", "纪要", "计划", "要点", "规划", "答复", "指引", "规则", "制度", "清单",
];

static TRAILING_NOTE: Lazy<Regex> = Lazy::new(|| Regex::new(r"[（(][^（）()]{1,8}[）)]$").unwrap());

/// The notice title: one to three consecutive front-matter paragraphs that together contain
/// `关于` (outside any `《》`) and end with a document-kind word. The first match wins, which is
/// the shortest window at the earliest start.
fn find_title(items: &[Item], front_end: usize, skip: &[usize]) -> Option<String> {
    let usable = |i: usize| -> Option<&Line> {
        if skip.contains(&i) {
            return None;
        }
        items
            .get(i)?
            .para()
            .filter(|l| parse_date(&l.compact).is_none())
    };
    for start in 0..front_end {
        let Some(first) = usable(start) else { continue };
        let mut pieces = vec![first];
        let mut k = start;
        loop {
            if is_title(&pieces) {
                let joined: Vec<&str> = pieces.iter().map(|l| l.text.as_str()).collect();
                return Some(remove_wrap_spaces(&joined.join(" ")));
            }
            if pieces.len() == 3 {
                break;
            }
            // The next paragraph, across blank lines but not across anything else.
            k += 1;
            while matches!(items.get(k), Some(Item::Break)) && k < front_end {
                k += 1;
            }
            match (k < front_end).then(|| usable(k)).flatten() {
                Some(next) => pieces.push(next),
                None => break,
            }
        }
    }
    None
}

fn is_title(pieces: &[&Line]) -> bool {
    let Some(first) = pieces.first() else {
        return false;
    };
    let joined: String = pieces.iter().map(|l| l.compact.as_str()).collect();
    // 关于 in the first line, or the first line is the issuer and the title proper follows.
    let about = find_outside_quotes(&first.compact, "关于").is_some()
        || (is_org_name(&first.compact)
            && pieces.get(1).is_some_and(|l| l.compact.starts_with("关于")));
    let core = TRAILING_NOTE.replace(&joined, "");
    about
        && joined.chars().count() <= 150
        && !joined.contains(|c: char| "。；;：:！？!?".contains(c))
        && TITLE_ENDINGS.iter().any(|e| core.ends_with(e))
}

/// Byte position of `needle` in `text` outside `《…》` (a cited title is not this one).
fn find_outside_quotes(text: &str, needle: &str) -> Option<usize> {
    text.match_indices(needle)
        .map(|(i, _)| i)
        .find(|&i| quote_depth(text, i) == 0)
}

fn quote_depth(text: &str, at: usize) -> i32 {
    let before = text.get(..at).unwrap_or("");
    let open = before.matches(['《', '<']).count() as i32;
    let close = before.matches(['》', '>']).count() as i32;
    open - close
}

// ---------------------------------------------------------------------------------------------
// Dates.

/// A date as printed: `2019年7月12日`, with ASCII or full-width digits, or in Chinese numerals
/// (`二〇一九年七月十二日`, also with `○`/`零`/an OCR'd `O` for zero).
const DATE_BODY: &str = r"(?P<y>[0-9]{4}|[〇○零Oo一二三四五六七八九]{4})年(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})日";

static DATE_ALONE: Lazy<Regex> = Lazy::new(|| Regex::new(&format!("^{DATE_BODY}$")).unwrap());
/// `泉州市科学技术局 2019年7月12日` on one line (org checked separately).
static ORG_THEN_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!("^(?P<org>.+?){DATE_BODY}$")).unwrap());
/// `…办公室 2021年9月30日印发`: the printing date of the footer.
static PRINTED: Lazy<Regex> = Lazy::new(|| Regex::new(&format!("{DATE_BODY}印发$")).unwrap());
/// `填表日期：2020年7月20日`.
static LABELLED_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        "^(?:填表|填报|制表|编制)?(?:日期|时间)[:：]{DATE_BODY}$"
    ))
    .unwrap()
});

/// Parses a date standing alone (white space ignored) to ISO `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    iso_date(&DATE_ALONE.captures(&compact(text))?)
}

fn iso_date(caps: &regex::Captures<'_>) -> Option<String> {
    let y = parse_number(caps.name("y")?.as_str())?;
    let m = parse_number(caps.name("m")?.as_str())?;
    let d = parse_number(caps.name("d")?.as_str())?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1949..=2100).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// ASCII digits, Chinese digits written one by one (`二〇一九`), or Chinese numerals with
/// 十/百 (`十二`, `二十`, `一百零三`).
fn parse_number(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        Some(match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '〇' | '○' | '零' | 'O' | 'o' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    if s.is_empty() {
        return None;
    }
    if !s.contains(['十', '百']) {
        return s
            .chars()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut pending) = (0u32, 0u32);
    for c in s.chars() {
        match c {
            '百' => {
                total = total.checked_add(pending.max(1).checked_mul(100)?)?;
                pending = 0;
            }
            '十' => {
                total = total.checked_add(pending.max(1).checked_mul(10)?)?;
                pending = 0;
            }
            _ => pending = digit(c)?,
        }
    }
    total.checked_add(pending)
}

struct Signature {
    issuer: String,
    date: String,
    date_index: usize,
}

/// The first signature block: an organisation name (one to three lines, for joint notices)
/// directly over a date, or both on one line. The 印发 footer is not a signature.
fn find_signature(items: &[Item]) -> Option<Signature> {
    for (i, item) in items.iter().enumerate() {
        let Some(l) = item.para() else { continue };
        if let Some(date) = DATE_ALONE.captures(&l.compact).and_then(|c| iso_date(&c)) {
            let mut orgs = Vec::new();
            let mut k = i;
            while orgs.len() < 3 {
                let Some(prev) = k.checked_sub(1) else { break };
                k = prev;
                match items.get(k) {
                    Some(Item::Break) => continue,
                    Some(Item::Para(p)) if is_org_name(&p.compact) || is_joint_org(&p.text) => {
                        orgs.push(issuer_name(&p.text))
                    }
                    _ => break,
                }
            }
            if !orgs.is_empty() {
                orgs.reverse();
                return Some(Signature {
                    issuer: orgs.join("、"),
                    date,
                    date_index: i,
                });
            }
        } else if let Some(caps) = ORG_THEN_DATE.captures(&l.compact) {
            let org = caps.name("org").map(|m| m.as_str()).unwrap_or("");
            if let (true, Some(date)) = (is_org_name(org), iso_date(&caps)) {
                // Keep the printed name's separators: cut the date off the original text.
                let text = l.text.trim_end();
                let cut = text
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map(|(j, _)| j);
                let name = cut
                    .and_then(|j| text.get(..j))
                    .map(issuer_name)
                    .unwrap_or_else(|| org.to_string());
                return Some(Signature {
                    issuer: name,
                    date,
                    date_index: i,
                });
            }
        }
    }
    None
}

/// Several organisation names side by side on one line.
fn is_joint_org(text: &str) -> bool {
    let parts: Vec<&str> = text.split_whitespace().collect();
    parts.len() > 1 && parts.len() <= 4 && parts.iter().all(|p| is_org_name(&compact(p)))
}

/// The table's own date: a date alone on its line next to a table (a few heading lines away
/// at most), or a labelled `填表日期：…`.
fn table_date(items: &[Item], signature_index: Option<usize>) -> Option<String> {
    items.iter().enumerate().find_map(|(i, item)| {
        if Some(i) == signature_index {
            return None;
        }
        let l = item.heading_line()?;
        if let Some(caps) = LABELLED_DATE.captures(&l.compact) {
            return iso_date(&caps);
        }
        let caps = DATE_ALONE.captures(&l.compact)?;
        let in_table = matches!(item, Item::Row { .. });
        (in_table || near_row(items, i))
            .then(|| iso_date(&caps))
            .flatten()
    })
}

/// Whether a table row is within three paragraphs of item `i`, before or after it.
fn near_row(items: &[Item], i: usize) -> bool {
    let look = |range: &mut dyn Iterator<Item = usize>| {
        let mut paragraphs = 0;
        for k in range {
            match items.get(k) {
                Some(Item::Row { .. }) => return true,
                Some(Item::Para(_)) => {
                    paragraphs += 1;
                    if paragraphs > 3 {
                        return false;
                    }
                }
                Some(Item::Break) => {}
                None => return false,
            }
        }
        false
    };
    look(&mut (i + 1..items.len())) || look(&mut (0..i).rev())
}

/// Last resort: the date of the 印发 footer.
fn printed_date(items: &[Item]) -> Option<String> {
    items
        .iter()
        .find_map(|item| iso_date(&PRINTED.captures(&item.para()?.compact)?))
}

// ---------------------------------------------------------------------------------------------
// Year.

static YEAR_DU: Lazy<Regex> = Lazy::new(|| Regex::new(r"((?:19|20)[0-9]{2})年度").unwrap());
/// `2020年部门预算…`: a year not followed by a month (`2019年7月` is a date, not a heading year).
static YEAR_BARE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"((?:19|20)[0-9]{2})年(?:[^0-9一二三四五六七八九十〇月]|$)").unwrap());
static ATTACHMENT_PREFIX: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^附[件表][0-9一二三四五六七八九十]*[:：]?").unwrap());

fn year_in(re: &Regex, text: &str) -> Option<i32> {
    re.captures(text)?.get(1)?.as_str().parse().ok()
}

/// A heading line (without its `附件：` prefix): short, no sentence punctuation, not a date.
fn heading_text(l: &Line) -> Option<&str> {
    let text = ATTACHMENT_PREFIX
        .find(&l.compact)
        .map_or(l.compact.as_str(), |m| {
            l.compact.get(m.end()..).unwrap_or("")
        });
    let n = text.chars().count();
    ((4..=60).contains(&n)
        && !text.contains(|c: char| "。；;，,：:".contains(c))
        && parse_date(text).is_none())
    .then_some(text)
}

/// The year the targets apply to: `NNNN年度` in the title, else in a table heading, else in any
/// heading; then a bare `NNNN年` in the title or a table heading; else the date's year.
fn target_year(items: &[Item], title: Option<&str>, date: Option<&str>) -> Option<i32> {
    let title = title.map(compact);
    let headings: Vec<&str> = items
        .iter()
        .filter_map(|it| heading_text(it.heading_line()?))
        .collect();
    let table_headings = || headings.iter().copied().filter(|h| h.ends_with('表'));
    title
        .as_deref()
        .and_then(|t| year_in(&YEAR_DU, t))
        .or_else(|| table_headings().find_map(|h| year_in(&YEAR_DU, h)))
        .or_else(|| headings.iter().find_map(|h| year_in(&YEAR_DU, h)))
        .or_else(|| title.as_deref().and_then(|t| year_in(&YEAR_BARE, t)))
        .or_else(|| table_headings().find_map(|h| year_in(&YEAR_BARE, h)))
        .or_else(|| date?.get(..4)?.parse().ok())
}

// ---------------------------------------------------------------------------------------------
// Declared counts.

/// `一级考核指标17项`, `二级指标共43条`, `共有指标18项` (no level).
static COUNT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:(?P<lv>[一二12])级)?(?:考核|考评|绩效|评估|目标)?指标(?:总数|数量|数)?(?:共有|共计|合计|总计|共|计|为|有)*(?P<n>[0-9]+|[一二三四五六七八九十百两〇零]+)(?:项|条|个)",
    )
    .unwrap()
});
/// `17项一级指标`.
static COUNT_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?P<n>[0-9]+|[一二三四五六七八九十百两]+)(?:项|条|个)(?P<lv>[一二12])级(?:考核|考评|绩效|评估)?指标").unwrap()
});
/// What follows a number that makes it a bound, not a count: `15项以上`, `2项及以上`.
static BOUND_AFTER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:及|或)?(?:以上|以下|以内|左右|上下|（含）|\(含\))").unwrap());
/// Words before a number, in the same clause, that make it a rule: `至少`, `不少于`, `每个…下设`,
/// `应设`, `上限`.
const RULE_WORDS: &[&str] = &[
    "至少",
    "不少于",
    "不多于",
    "不超过",
    "不低于",
    "不高于",
    "不得",
    "最多",
    "最少",
    "原则上",
    "每",
    "上限",
    "下限",
    "应",
    "须",
    "需",
    "要求",
    "可",
];
/// Delimiters of the clause a rule word binds in (`一级指标至少15项、二级指标30项`: the rule is
/// the first item's only).
const RULE_DELIMS: &str = "，,。；;、：:！？!?";
/// Delimiters of the clause a target name binds in; `、` does not end it, so
/// `重点工作目标一级指标11项、二级指标26项` is one clause.
const SCOPE_DELIMS: &str = "，,。；;：:！？!?";
const SENTENCE_DELIMS: &str = "。；;！？!?";

/// The part of `text` after the last of `delims` (all of it when there is none).
fn tail_after<'a>(text: &'a str, delims: &str) -> &'a str {
    match text.char_indices().rev().find(|(_, c)| delims.contains(*c)) {
        Some((j, c)) => text.get(j + c.len_utf8()..).unwrap_or(""),
        None => text,
    }
}

static TARGET: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(重点工作|常规工作|动态工作|行政能力)(?:目标)?").unwrap());

fn scope_name(mention: &str) -> &'static str {
    if mention.starts_with("重点") {
        "重点工作目标"
    } else if mention.starts_with("常规") {
        "常规工作目标"
    } else if mention.starts_with("动态") {
        "动态工作目标"
    } else {
        "行政能力目标"
    }
}

/// The counts of indicators the prose declares, each with the target it belongs to: the one
/// named in the count's clause (or an earlier clause of the same sentence that named one for
/// a count), else in the paragraph's lead (`①重点工作目标方面…：`), else in the heading of its
/// section, else `全部`. Bounds and rules (`一级指标15项以上`, `至少…`,
/// `每个一级指标下设二级指标2项及以上`) are not counts, and a count that names no level must say
/// it is a total (`共有指标18项`): a bare `指标3项` in prose is too often about something else.
fn declared_counts(items: &[Item]) -> Vec<DeclaredCount> {
    let mut out: Vec<DeclaredCount> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(l) = item.para() else { continue };
        let text = l.compact.as_str();
        let mut found: Vec<(usize, usize, Option<u8>, u32)> = Vec::new();
        for re in [&*COUNT, &*COUNT_BEFORE] {
            for caps in re.captures_iter(text) {
                let (Some(whole), Some(n)) = (caps.get(0), caps.name("n")) else {
                    continue;
                };
                if found
                    .iter()
                    .any(|&(s, e, _, _)| whole.start() < e && s < whole.end())
                {
                    continue;
                }
                let level = caps.name("lv").map(|m| {
                    if matches!(m.as_str(), "一" | "1") {
                        1
                    } else {
                        2
                    }
                });
                let Some(count) = parse_number(n.as_str()).filter(|&c| c > 0) else {
                    continue;
                };
                found.push((whole.start(), whole.end(), level, count));
            }
        }
        found.sort_by_key(|f| f.0);
        // The scope a clause named for a count, with the start of its sentence.
        let mut carried: Option<(usize, &'static str)> = None;
        for (start, end, level, count) in found {
            let before = text.get(..start).unwrap_or("");
            let clause = tail_after(before, RULE_DELIMS);
            let matched = text.get(start..end).unwrap_or("");
            if BOUND_AFTER.is_match(text.get(end..).unwrap_or(""))
                || RULE_WORDS.iter().any(|w| clause.contains(w))
                || quote_depth(text, start) > 0
                || (level.is_none()
                    && !TOTAL_WORDS
                        .iter()
                        .any(|w| clause.contains(w) || matched.contains(w)))
            {
                continue;
            }
            let sentence_start = before.len() - tail_after(before, SENTENCE_DELIMS).len();
            let own = scope_in_clause(tail_after(before, SCOPE_DELIMS));
            if let Some(scope) = own {
                carried = Some((sentence_start, scope));
            }
            let scope = own
                .or_else(|| {
                    carried
                        .filter(|&(s, _)| s == sentence_start)
                        .map(|(_, scope)| scope)
                })
                .or_else(|| scope_of_lead(text))
                .or_else(|| scope_of_section(items, i))
                .unwrap_or("全部");
            let entry = DeclaredCount {
                scope: scope.to_string(),
                level,
                count,
                line: Some(l.line),
            };
            if !out
                .iter()
                .any(|d| d.scope == entry.scope && d.level == entry.level && d.count == entry.count)
            {
                out.push(entry);
            }
        }
    }
    out
}

/// Words that mark a count as a total: `共有指标18项`, `指标合计20项`.
const TOTAL_WORDS: &[&str] = &["共", "合计", "总计", "总数"];

/// The target named last in a clause; `None` if none, or if it closes an enumeration of
/// several (`重点工作目标、常规工作目标共…`), which is no single target.
fn scope_in_clause(clause: &str) -> Option<&'static str> {
    let mentions: Vec<regex::Match<'_>> = TARGET.find_iter(clause).collect();
    let last = mentions.last()?;
    if let Some(prev) = mentions.len().checked_sub(2).and_then(|k| mentions.get(k)) {
        let between = clause.get(prev.end()..last.start()).unwrap_or("x");
        if between.chars().all(|c| "、和及与“”\"‘’".contains(c)) {
            return None;
        }
    }
    Some(scope_name(last.as_str()))
}

/// The target named in a paragraph's lead: the label before its colon (`（2）行政能力：…`), or
/// its first clause.
fn scope_of_lead(text: &str) -> Option<&'static str> {
    let colon = text
        .find(['：', ':'])
        .filter(|&j| text.get(..j).is_some_and(|s| s.chars().count() <= 30));
    let lead = match colon {
        Some(j) => text.get(..j).unwrap_or(""),
        None => text
            .split(|c: char| SCOPE_DELIMS.contains(c))
            .next()
            .unwrap_or(""),
    };
    single_target(lead)
}

fn single_target(text: &str) -> Option<&'static str> {
    let mut scopes = TARGET.find_iter(text).map(|m| scope_name(m.as_str()));
    let first = scopes.next()?;
    scopes.all(|s| s == first).then_some(first)
}

/// The target named by the section a paragraph is in: walking back, the first heading (a
/// short line) or enumerated paragraph decides; its lead names the target or none.
fn scope_of_section(items: &[Item], i: usize) -> Option<&'static str> {
    for k in (0..i).rev().take(24) {
        let Some(l) = items.get(k).and_then(Item::para) else {
            continue;
        };
        let short = l.compact.chars().count() <= 30 && !l.compact.contains(['。', '；']);
        if short || ENUMERATOR.is_match(&l.compact) {
            return scope_of_lead(&l.compact);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::read_text;

    fn notice_of(text: &str) -> Notice {
        read_notice(&read_text(text))
    }

    fn seed_notice(name: &str) -> Notice {
        let dir = env!("CARGO_MANIFEST_DIR");
        let bytes = std::fs::read(format!("{dir}/../../fixtures/seeds/{name}.txt")).expect("seed");
        read_notice(&crate::text::read_text_bytes(&bytes, None).expect("seed decodes"))
    }

    /// The gold notice, read without serde (not a dependency of this crate): the few fields
    /// are found by their keys in the pretty-printed JSON.
    fn gold_notice(name: &str) -> Notice {
        let dir = env!("CARGO_MANIFEST_DIR");
        let json = std::fs::read_to_string(format!("{dir}/../../fixtures/gold/{name}.json"))
            .expect("gold");
        let start = json.find("\"notice\"").expect("notice key");
        let end = json
            .get(start..)
            .and_then(|s| s.find("\"tables\""))
            .map(|e| start + e)
            .expect("tables key");
        let notice = json.get(start..end).expect("notice slice");
        let string = |key: &str| -> Option<String> {
            let re = Regex::new(&format!(r#""{key}"\s*:\s*(null|"([^"]*)")"#)).ok()?;
            re.captures(notice)?.get(2).map(|m| m.as_str().to_string())
        };
        let year = Regex::new(r#""year"\s*:\s*(\d+)"#)
            .ok()
            .and_then(|re| re.captures(notice)?.get(1)?.as_str().parse().ok());
        let count_re = Regex::new(r#"\{\s*"scope"\s*:\s*"([^"]+)"\s*,\s*"level"\s*:\s*(null|\d)\s*,\s*"count"\s*:\s*(\d+)"#).unwrap();
        let declared_counts = count_re
            .captures_iter(notice)
            .map(|c| DeclaredCount {
                scope: c[1].to_string(),
                level: c[2].parse().ok(),
                count: c[3].parse().unwrap(),
                line: None,
            })
            .collect();
        Notice {
            issuer: string("issuer"),
            doc_number: string("doc_number"),
            title: string("title"),
            date: string("date"),
            year,
            declared_counts,
        }
    }

    fn without_lines(mut n: Notice) -> Notice {
        for d in &mut n.declared_counts {
            d.line = None;
        }
        n
    }

    #[test]
    fn gold_quanzhou_science_2019() {
        assert_eq!(
            without_lines(seed_notice("quanzhou-science-2019")),
            gold_notice("quanzhou-science-2019")
        );
    }

    #[test]
    fn gold_quanzhou_sasac_2020() {
        assert_eq!(
            without_lines(seed_notice("quanzhou-sasac-2020")),
            gold_notice("quanzhou-sasac-2020")
        );
    }

    #[test]
    fn gold_linyi_budget_2020() {
        assert_eq!(
            without_lines(seed_notice("linyi-science-budget-2020")),
            gold_notice("linyi-science-budget-2020")
        );
    }

    #[test]
    fn gold_anxi_science_2021() {
        let gold = gold_notice("anxi-science-2021");
        assert_eq!(gold.declared_counts.len(), 9, "gold parsed");
        let got = seed_notice("anxi-science-2021");
        let lines: Vec<Option<u32>> = got.declared_counts.iter().map(|d| d.line).collect();
        assert_eq!(
            lines,
            [36, 36, 38, 38, 40, 40, 41, 44, 44].map(Some).to_vec()
        );
        assert_eq!(without_lines(got), gold);
    }

    #[test]
    fn chinese_numeral_and_full_width_dates() {
        assert_eq!(
            parse_date("二〇一九年七月十二日").as_deref(),
            Some("2019-07-12")
        );
        assert_eq!(
            parse_date("二○二一年十月三十一日").as_deref(),
            Some("2021-10-31")
        );
        assert_eq!(
            parse_date("２０２０年７月２０日").as_deref(),
            Some("2020-07-20")
        );
        assert_eq!(
            parse_date("2020 年 7 月 20 日").as_deref(),
            Some("2020-07-20")
        );
        assert_eq!(parse_date("2019年2月29日"), None);
        assert_eq!(parse_date("2019年13月1日"), None);
        assert_eq!(parse_date("2019年7月12日前报送"), None);
        let n = notice_of("某某市科学技术局\n二〇一九年七月十二日\n");
        assert_eq!(n.issuer.as_deref(), Some("某某市科学技术局"));
        assert_eq!(n.date.as_deref(), Some("2019-07-12"));
        assert_eq!(n.year, Some(2019));
    }

    #[test]
    fn doc_number_brackets_are_normalised() {
        for printed in [
            "泉政办(2019)9号",
            "泉政办（2019）9 号",
            "泉政办[2019]9号",
            "泉政办【２０１９】９号",
            "泉 政办〔2019〕9号",
        ] {
            let n = notice_of(&format!(
                "{printed}\n\n某某市人民政府办公室关于印发某方案的通知\n"
            ));
            assert_eq!(
                n.doc_number.as_deref(),
                Some("泉政办〔2019〕9号"),
                "{printed}"
            );
        }
        // A number with its 签发人 on the same line.
        let n = notice_of("闽科报〔2020〕3号        签发人：张三\n");
        assert_eq!(n.doc_number.as_deref(), Some("闽科报〔2020〕3号"));
        // A number cited in a sentence is not the notice's.
        let n = notice_of(
            "各科室：\n根据《某方案》（泉政办〔2019〕9号）要求，制定本方案。\n泉政办〔2019〕9号\n",
        );
        assert_eq!(n.doc_number, None);
    }

    #[test]
    fn title_over_three_lines() {
        let n = notice_of(
            "X市科学技术局文件\nX科〔2022〕5号\n\nX市科学技术局\n关于印发《2022年度 X市科技局\n绩效管理工作方案》的通知\n\n局机关各科室：\n现将方案印发给你们。\n",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("X市科学技术局关于印发《2022年度X市科技局绩效管理工作方案》的通知")
        );
        assert_eq!(n.issuer.as_deref(), Some("X市科学技术局"));
        assert_eq!(n.doc_number.as_deref(), Some("X科〔2022〕5号"));
        assert_eq!(n.year, Some(2022));
        assert_eq!(n.date, None);
    }

    #[test]
    fn titles_of_other_kinds_and_not_attachment_headings() {
        let n = notice_of("Y县人民政府关于2020年度绩效目标的批复\n\nY县人社局：\n");
        assert_eq!(
            n.title.as_deref(),
            Some("Y县人民政府关于2020年度绩效目标的批复")
        );
        assert_eq!(n.year, Some(2020));
        let n = notice_of("附件\n关于2020年度绩效管理的实施方案\n项目\t序号\n");
        assert_eq!(n.title, None);
        // A cited title inside 《》 is not this notice's.
        let n = notice_of("《关于印发某方案的通知》\n");
        assert_eq!(n.title, None);
    }

    #[test]
    fn counts_and_rules_in_one_sentence() {
        let n = notice_of(
            "指标设置\n按照要求一级指标至少15项，实际设定一级指标16项、二级指标不少于30项，共设二级指标35项。\n",
        );
        let got: Vec<(&str, Option<u8>, u32)> = n
            .declared_counts
            .iter()
            .map(|d| (d.scope.as_str(), d.level, d.count))
            .collect();
        assert_eq!(got, vec![("全部", Some(1), 16), ("全部", Some(2), 35)]);

        let n = notice_of(
            "指标数量，一级指标15项以上，每个一级指标下设二级指标2项及以上，且至少应有2项。\n",
        );
        assert!(n.declared_counts.is_empty(), "{:?}", n.declared_counts);
    }

    #[test]
    fn count_scopes_from_sentence_lead_and_heading() {
        let n = notice_of(
            "（一）重点工作目标\n\n共设一级指标 11 项、二级指标 26 条。\n（二）其他\n其中常规工作目标设一级指标5项，动态工作目标设12项一级指标。\n",
        );
        let got: Vec<(&str, Option<u8>, u32, Option<u32>)> = n
            .declared_counts
            .iter()
            .map(|d| (d.scope.as_str(), d.level, d.count, d.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("重点工作目标", Some(1), 11, Some(3)),
                ("重点工作目标", Some(2), 26, Some(3)),
                ("常规工作目标", Some(1), 5, Some(5)),
                ("动态工作目标", Some(1), 12, Some(5)),
            ]
        );
    }

    #[test]
    fn count_scope_carries_within_a_sentence_but_not_across_clauses() {
        let n = notice_of(
            "其中，重点工作目标设一级指标17项，二级指标43项；常规工作目标设一级指标8项，二级指标22项。\n\
             ③动态工作目标：以重点工作目标和常规工作目标以外的阶段性任务为重点，设立一级考核指标4项，二级考核指标8项。\n\
             完成上级下达的考核指标3项。\n",
        );
        let got: Vec<(&str, Option<u8>, u32)> = n
            .declared_counts
            .iter()
            .map(|d| (d.scope.as_str(), d.level, d.count))
            .collect();
        assert_eq!(
            got,
            vec![
                ("重点工作目标", Some(1), 17),
                ("重点工作目标", Some(2), 43),
                ("常规工作目标", Some(1), 8),
                ("常规工作目标", Some(2), 22),
                ("动态工作目标", Some(1), 4),
                ("动态工作目标", Some(2), 8),
            ]
        );
    }

    #[test]
    fn signature_date_wins_over_printed_date_and_table_org_is_no_issuer() {
        let n =
            notice_of("正文。\n\nZ市国资委\n2020年7月20日\n\nZ市国资委办公室  2020年7月22日印发\n");
        assert_eq!(
            (n.issuer.as_deref(), n.date.as_deref()),
            (Some("Z市国资委"), Some("2020-07-20"))
        );
        let n = notice_of("正文。\nZ市国资委办公室  2020年7月22日印发\n");
        assert_eq!((n.issuer, n.date.as_deref()), (None, Some("2020-07-22")));
        let n = notice_of("2020年度Z市国资委绩效管理目标考评表\n参评单位（盖章）：Z市国资委\n\n2020年7月20日\n\n项目\t序号\n");
        assert_eq!(
            (n.issuer, n.date.as_deref(), n.year),
            (None, Some("2020-07-20"), Some(2020))
        );
        // Same-line signature and a joint signature.
        let n = notice_of("正文。\nA市科学技术局    2021年3月1日\n");
        assert_eq!(
            (n.issuer.as_deref(), n.date.as_deref()),
            (Some("A市科学技术局"), Some("2021-03-01"))
        );
        let n = notice_of("正文。\nA市科学技术局   A市财政局\n2021年3月1日\n");
        assert_eq!(n.issuer.as_deref(), Some("A市科学技术局、A市财政局"));
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        assert_eq!(notice_of(""), Notice::default());
        let _ = notice_of("关于\n\n\t\n一级指标九百九十九亿项\n指标十百千项\n年月日\n");
    }
}
