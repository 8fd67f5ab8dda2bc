//! Dates in the notice: the signature block, the table date, the 印发 line, and the
//! parsing of Arabic and Chinese-numeral dates.

use super::*;

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
pub(super) fn parse_number(s: &str) -> Option<u32> {
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

pub(super) struct Signature {
    pub(super) issuer: String,
    pub(super) date: String,
    pub(super) date_index: usize,
}

/// The first signature block: an organisation name (one to three lines, for joint notices)
/// directly over a date, or both on one line. The 印发 footer is not a signature.
pub(super) fn find_signature(items: &[Item]) -> Option<Signature> {
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
pub(super) fn table_date(items: &[Item], signature_index: Option<usize>) -> Option<String> {
    items.iter().enumerate().find_map(|(i, item)| {
        if Some(i) == signature_index {
            return None;
        }
        if let Item::Row { cells, .. } = item {
            if let Some(date) = cells.iter().find_map(|c| iso_date(&LABELLED_DATE.captures(&c.compact)?)) {
                return Some(date);
            }
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
pub(super) fn printed_date(items: &[Item]) -> Option<String> {
    items
        .iter()
        .find_map(|item| iso_date(&PRINTED.captures(&item.para()?.compact)?))
}

