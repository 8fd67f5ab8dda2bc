//! Reading 项目 labels as printed: the words against the national template's vocabulary, the
//! points and page suffix split off, and the pieces a label printed over several rows was
//! cut into joined back.

use once_cell::sync::Lazy;
use regex::Regex;

use super::{LabelColumn, Sighting};
use crate::rebuild::row::PlacedCell;
use zhibiao_normalize::text::{fold_text, squash};
use zhibiao_normalize::values::split_points;

/// Top 项目 level names of the 绩效目标考评表 templates.
pub(super) const CATEGORIES: &[&str] = &["职能工作目标", "行政能力目标", "共性工作目标", "个性工作目标", "文明创建", "平安建设", "党建工作目标"];
/// Second 项目 level names.
const GROUPS: &[&str] = &[
    "重点工作目标", "常规工作目标", "动态工作目标", "创新工作目标", "科学行政", "依法行政", "高效行政", "廉洁行政",
    "管理创新", "从严治党",
];
/// The category the template files a vocabulary group under.
pub(super) fn category_of_group(group: &str) -> Option<&'static str> {
    match group {
        "重点工作目标" | "常规工作目标" | "动态工作目标" | "创新工作目标" => Some("职能工作目标"),
        "科学行政" | "依法行政" | "高效行政" | "廉洁行政" | "管理创新" | "从严治党" => Some("行政能力目标"),
        _ => None,
    }
}

/// Least share of a vocabulary word a garbled label must contain, in order.
const MIN_SIMILARITY: f64 = 0.75;

/// A page suffix printed after a label cut by a page break: `（二）`, `(续)`, `续表`.
static PAGE_SUFFIX: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:[（(]\s*(?:[一二三四五六七八九十]+|续表?|接上页)\s*[)）]|续表?)\s*$").expect("valid regex"));

#[derive(Debug, Clone, PartialEq)]
pub enum LabelKind {
    Category(String),
    Group(String),
    /// Only points (`80分`): the category is the one declaring these points.
    PointsOnly,
    /// Text outside the vocabulary.
    Other(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub kind: LabelKind,
    pub points: Option<f64>,
    pub col: usize,
    /// The label as printed, squashed.
    pub printed: String,
    /// The vocabulary word was matched approximately.
    pub garbled: bool,
}

fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            let v = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The vocabulary word `text` reads as, and whether the match was exact.
fn best_match(text: &str, vocab: &[&str]) -> Option<(String, bool)> {
    if text.is_empty() {
        return None;
    }
    // Only the word itself is similar 1.0: most labels are printed right.
    if let Some(w) = vocab.iter().find(|w| **w == text) {
        return Some((w.to_string(), true));
    }
    let t: Vec<char> = text.chars().collect();
    vocab
        .iter()
        .filter_map(|w| {
            let len = w.chars().count();
            let longer = t.len().max(len) as f64;
            // The common subsequence is at most the shorter text: a word that cannot reach
            // the bar is not compared.
            if (t.len().min(len) as f64) / longer < MIN_SIMILARITY {
                return None;
            }
            let wc: Vec<char> = w.chars().collect();
            let sim = lcs(&t, &wc) as f64 / longer;
            (sim >= MIN_SIMILARITY).then_some((w, sim))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(w, sim)| (w.to_string(), sim >= 1.0))
}

/// An enumerator before a label printed as a heading row (`（一）`, `一、`, `2.`, `（3）`).
static ENUMERATOR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?:\D|$))").expect("valid regex"));

/// Reads one printed label: its words against the vocabulary, its points, without a page
/// suffix or a leading enumerator.
pub fn read_label(cell: &PlacedCell) -> Label {
    let printed = squash(&cell.text);
    let unnumbered = strip_enumerator(&printed);
    let unsuffixed = PAGE_SUFFIX.replace(unnumbered, "").into_owned();
    let (text, points) = split_points(&unsuffixed);
    let text = squash(&PAGE_SUFFIX.replace(&text, ""));
    // What is left of points cut by a wrap (`分）`, `（`) names nothing.
    let remnant = text.trim_matches(|c: char| matches!(c, '（' | '(' | '）' | ')' | '分' | '.' | '．') || c.is_ascii_digit()).is_empty();
    let (kind, garbled) = if text.is_empty() || remnant {
        (LabelKind::PointsOnly, false)
    } else if let Some((w, exact)) = best_match(&text, CATEGORIES) {
        (LabelKind::Category(w), !exact)
    } else if let Some((w, exact)) = best_match(&text, GROUPS) {
        (LabelKind::Group(w), !exact)
    } else {
        (LabelKind::Other(fold_text(&text)), false)
    };
    Label { kind, points, col: cell.col, printed, garbled }
}

/// `text` without a leading enumerator; the enumerator's length is kept off even when it
/// swallowed the first character after it (the `\D` guard of `2.x`).
fn strip_enumerator(text: &str) -> &str {
    match ENUMERATOR.find(text) {
        Some(m) => {
            let end = m.as_str().trim_end_matches(|c: char| !matches!(c, '、' | '.' | '．' | ')' | '）')).len();
            text.get(end..).unwrap_or(text)
        }
        None => text,
    }
}

/// True when a row's only text is a 项目 label printed as a heading over the rows it heads
/// (tables without 项目 columns: `职能工作目标 60分`, `（一）重点工作目标（38分）`,
/// `（二）依法履职（7分）`): a vocabulary word, or an enumerated short name with its points.
/// A wrapped 一级指标 piece (`推进项目建设（3分）`) has neither an enumerator nor a
/// vocabulary name, and stays text.
pub fn is_banner(cell: &PlacedCell) -> bool {
    let l = read_label(cell);
    match &l.kind {
        LabelKind::Category(_) | LabelKind::Group(_) => !l.garbled || l.points.is_some(),
        LabelKind::PointsOnly => false,
        LabelKind::Other(_) => ENUMERATOR.is_match(&squash(&cell.text)) && l.points.is_some() && is_heading_name(cell),
    }
}

/// True for a short name standing where no wrapped text goes (the id column of a table
/// without 项目 columns, a line of its own between rows): `依法履职（4.5分）`, `6.服务群众`,
/// `依法履职`. Only Han characters besides the enumerator and the points.
pub fn is_heading_name(cell: &PlacedCell) -> bool {
    let l = read_label(cell);
    match &l.kind {
        LabelKind::Other(t) => {
            let n = t.chars().count();
            (2..=12).contains(&n) && t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        }
        LabelKind::Category(_) | LabelKind::Group(_) => is_banner(cell),
        LabelKind::PointsOnly => false,
    }
}

/// True when a cell reads as a 项目 label without context: a vocabulary word (with or without
/// points and page suffix) or bare points. Used to tell a label printed on a row of its own
/// from wrapped text.
pub fn is_vocabulary_label(cell: &PlacedCell) -> bool {
    let l = read_label(cell);
    match l.kind {
        LabelKind::Category(_) | LabelKind::Group(_) => true,
        LabelKind::PointsOnly => l.points.is_some(),
        LabelKind::Other(_) => false,
    }
}

/// Whether a label reads as a whole on its own: a vocabulary word read exactly (with or
/// without points and page suffix), or bare points.
fn is_whole(cell: &PlacedCell) -> bool {
    let l = read_label(cell);
    match l.kind {
        LabelKind::Category(_) | LabelKind::Group(_) => !l.garbled,
        LabelKind::PointsOnly => l.points.is_some(),
        LabelKind::Other(t) => t.chars().count() > 4 && t.matches(['（', '(']).count() <= t.matches(['）', ')']).count(),
    }
}

/// Labels the OCR printed in pieces over consecutive rows of one column (`重点工` / `作目标`,
/// `职能工作目` / `标（续）`, `科学行政（6` / `分）`, `依法` / `履职`) are joined back into one
/// label, printed where its first piece is. A piece is joined to the pieces after it when it
/// is not a whole label itself and the joined text reads as a vocabulary word, or when short
/// pieces outside the vocabulary only make sense together.
pub(super) fn join_fragments(sightings: &[Sighting]) -> Vec<Sighting> {
    // Pieces of one label sit in one column; a row whose cells moved leaves the column
    // unknown, and such a piece may belong to either.
    let compatible = |a: &Sighting, b: &Sighting| match (a.column, b.column) {
        (LabelColumn::Unknown, _) | (_, LabelColumn::Unknown) => true,
        (x, y) => x == y,
    };
    let adjacent = |a: &Sighting, b: &Sighting| b.at == a.at + 1 || b.line == a.line + 1 || (b.at == a.at && b.line > a.line);
    let mut order: Vec<&Sighting> = sightings.iter().collect();
    order.sort_by_key(|s| (s.at, s.line, s.cell.col));
    let mut used = vec![false; order.len()];
    let mut out: Vec<Sighting> = Vec::new();
    for i in 0..order.len() {
        let Some(first) = order.get(i).copied() else { continue };
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        // The pieces that may follow this one: the next unused compatible piece on the next
        // row, up to four pieces.
        let mut chain: Vec<usize> = vec![i];
        while chain.len() < 4 {
            let Some(last) = chain.last().and_then(|&k| order.get(k)).copied() else { break };
            let next = (i + 1..order.len()).find(|&j| {
                !used.get(j).copied().unwrap_or(true)
                    && !chain.contains(&j)
                    && order.get(j).is_some_and(|b| compatible(first, b) && compatible(last, b) && adjacent(last, b))
            });
            match next {
                Some(j) => chain.push(j),
                None => break,
            }
        }
        let text_of = |n: usize| -> String { chain.iter().take(n).filter_map(|&k| order.get(k)).map(|s| s.cell.text.as_str()).collect() };
        let read = |n: usize| read_label(&PlacedCell { col: first.cell.col, text: text_of(n), row_span: 1 });
        let mut take = 1;
        if is_whole(&first.cell) {
            // Points or a page suffix printed on the rows below a whole label belong to it.
            let has_points = read_label(&first.cell).points.is_some();
            while take < chain.len() {
                let Some(piece) = chain.get(take).and_then(|&k| order.get(k)) else { break };
                let tail = read_label(&piece.cell);
                if tail.kind != LabelKind::PointsOnly || (has_points && tail.points.is_some()) {
                    break;
                }
                take += 1;
            }
        } else {
            for n in 2..=chain.len() {
                let l = read(n);
                let vocabulary = matches!(l.kind, LabelKind::Category(_) | LabelKind::Group(_)) && !l.garbled;
                let pieces_short = chain.iter().take(n).filter_map(|&k| order.get(k)).all(|s| squash(&s.cell.text).chars().count() <= 3);
                let short_words = n == 2 && take == 1 && pieces_short && matches!(l.kind, LabelKind::Other(ref t) if t.chars().count() <= 8);
                if vocabulary || short_words {
                    take = n;
                }
            }
            // Points cut over the rows below (`（5` / `分）`) complete the label read so far.
            let words = |l: &Label| match &l.kind {
                LabelKind::Category(w) | LabelKind::Group(w) | LabelKind::Other(w) => Some(w.clone()),
                LabelKind::PointsOnly => None,
            };
            let base = read(take);
            if base.points.is_none() {
                for n in take + 1..=chain.len() {
                    let l = read(n);
                    let extends = match (words(&l), words(&base)) {
                        (Some(w), Some(b)) => b.starts_with(&w),
                        _ => false,
                    };
                    if l.points.is_some() && extends {
                        take = n;
                        break;
                    }
                }
            }
        }
        for &k in chain.iter().take(take) {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
        }
        out.push(Sighting { cell: PlacedCell { col: first.cell.col, text: text_of(take), row_span: 1 }, ..first.clone() });
    }
    out.sort_by_key(|s| (s.at, s.line));
    out
}

/// True when a cell in a 项目 column of an id-less row can be a piece of a label printed over
/// several rows (`职能`, `工作`, `（8`, `分）`): short, and no sentence.
pub fn is_label_piece(cell: &PlacedCell) -> bool {
    let t = squash(&cell.text);
    let n = t.chars().count();
    n > 0 && n <= 10 && !t.contains(['。', '，', '；', ',', ';', '：', ':'])
}


#[cfg(test)]
mod tests {
    use super::*;


    fn cell(col: usize, text: &str) -> PlacedCell {
        PlacedCell { col, text: text.to_string(), row_span: 1 }
    }

    #[test]
    fn vertical_garbled_and_suffixed_labels_read_as_vocabulary() {
        assert_eq!(read_label(&cell(0, "职 能 工 作 目 标 80分")).kind, LabelKind::Category("职能工作目标".into()));
        assert_eq!(read_label(&cell(0, "能 职 能 工 作 目 标 80分")).kind, LabelKind::Category("职能工作目标".into()));
        assert_eq!(read_label(&cell(0, "能 能 工 作 目 标 80分")).kind, LabelKind::Category("职能工作目标".into()));
        assert_eq!(read_label(&cell(1, "重点工 作目 标")).kind, LabelKind::Group("重点工作目标".into()));
        assert_eq!(read_label(&cell(1, "科学行政 (4分)")).kind, LabelKind::Group("科学行政".into()));
        assert_eq!(read_label(&cell(0, "行政 能力 目标 20分")).kind, LabelKind::Category("行政能力目标".into()));
        assert_eq!(read_label(&cell(0, "80分")).kind, LabelKind::PointsOnly);
        let l = read_label(&cell(0, "职 能 工 作 目 标（二）"));
        assert_eq!((l.kind, l.garbled), (LabelKind::Category("职能工作目标".into()), false));
        assert_eq!(read_label(&cell(0, "职能工作目标80分（续）")).points, Some(80.0));
        assert_eq!(read_label(&cell(1, "服务 群众(6分)")).kind, LabelKind::Other("服务群众".into()));
    }
}
