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
        /// Every filled cell of the row: a labelled date (`填报日期：…`) may share its row
        /// with the form's other sign-off cells.
        cells: Vec<Line>,
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
            Item::Row { single, .. } => single.as_ref(),
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
                let cells: Vec<Line> = r.cells.iter().filter(|c| !c.is_empty()).map(|c| line(c.text.trim(), r.pos.line)).collect();
                let single = match cells.as_slice() {
                    [only] => Some(line(&only.text, only.line)),
                    _ => None,
                };
                Item::Row { single, cells }
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
    // `文件` may be spaced like the rest (`邯 郸 市 民 政 局 文 件`): cut before its two
    // characters, whatever white space stands between them.
    let text = line.text.trim_end();
    let cut = text
        .char_indices()
        .rev()
        .filter(|(_, c)| !c.is_whitespace())
        .nth(1)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    Some(issuer_name(text.get(..cut).unwrap_or(text)))
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


mod counts;
mod date;
#[cfg(test)]
mod tests;

pub use date::parse_date;
use counts::declared_counts;
use date::{find_signature, parse_number, printed_date, table_date};
