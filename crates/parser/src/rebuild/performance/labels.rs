//! 项目 labels: the category (`职能工作目标`) and group (`重点工作目标`, `科学行政`) a row
//! belongs to.
//!
//! Labels are merged cells printed once and carried down to the rows they head. OCR prints
//! them as vertical text broken by spaces (`职 能 工 作 目 标 80分`, `重点工 作目 标`) and
//! sometimes garbles them (`能 职 能 工 作 目 标`, or just `80分`). They are read against the
//! national template's vocabulary with a tolerant match (longest common subsequence), and a
//! label that is only points (`80分`) names the category that declares those points elsewhere
//! in the table. Labels outside the vocabulary are kept as printed, placed by position.

use std::collections::HashMap;

use crate::rebuild::row::PlacedCell;
use zhibiao_normalize::text::{fold_text, squash};
use zhibiao_normalize::values::split_points;

/// Top 项目 level names of the 绩效目标考评表 templates.
const CATEGORIES: &[&str] = &["职能工作目标", "行政能力目标", "共性工作目标", "个性工作目标", "文明创建", "平安建设", "党建工作目标"];
/// Second 项目 level names.
const GROUPS: &[&str] = &[
    "重点工作目标", "常规工作目标", "动态工作目标", "创新工作目标", "科学行政", "依法行政", "高效行政", "廉洁行政",
    "管理创新", "从严治党",
];
/// Least share of a vocabulary word a garbled label must contain, in order.
const MIN_SIMILARITY: f64 = 0.75;

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

pub fn read_label(cell: &PlacedCell) -> Label {
    let (text, points) = split_points(&cell.text);
    let printed = squash(&cell.text);
    let text = squash(&text);
    let (kind, garbled) = if text.is_empty() {
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

/// Carries category and group down the rows of a table.
#[derive(Debug, Default)]
pub struct LabelState {
    pub category: Option<String>,
    pub group: Option<String>,
    /// Category names by the points their label declares, learned from the whole table.
    by_points: HashMap<u64, String>,
}

fn points_key(p: f64) -> u64 {
    (p * 100.0).round() as u64
}

/// What reading one row's labels changed, for provenance.
#[derive(Debug, Default)]
pub struct LabelNotes {
    pub repairs: Vec<String>,
}

impl LabelState {
    /// Learns which category declares which points, from every label row of the table, so
    /// that a label printed as just `80分` can be read.
    pub fn learn<'a>(&mut self, rows: impl Iterator<Item = &'a [PlacedCell]>) {
        for cells in rows {
            for cell in cells {
                let label = read_label(cell);
                if let (LabelKind::Category(c), Some(p)) = (&label.kind, label.points) {
                    self.by_points.entry(points_key(p)).or_insert_with(|| c.clone());
                }
            }
        }
    }

    /// Applies one record row's label cells. `id_col` is where the row's id sits: with two
    /// label columns before it, the first is the category column.
    pub fn apply(&mut self, cells: &[PlacedCell], id_col: usize) -> LabelNotes {
        let mut notes = LabelNotes::default();
        let labels: Vec<Label> = cells.iter().map(read_label).collect();
        let two_columns = id_col >= 2;
        for label in &labels {
            // A group word (or bare points) in the category column with points of its own is
            // a garbled category label: the points say which.
            let in_category_column = two_columns && label.col + 2 <= id_col && labels.len() >= 2;
            let kind = match &label.kind {
                LabelKind::Group(_) | LabelKind::PointsOnly | LabelKind::Other(_) if in_category_column => {
                    match label.points.and_then(|p| self.by_points.get(&points_key(p))) {
                        Some(c) => {
                            notes.repairs.push(format!(
                                "label_garbled: 项目 label '{}' read as {} by its points",
                                label.printed, c
                            ));
                            LabelKind::Category(c.clone())
                        }
                        None => label.kind.clone(),
                    }
                }
                LabelKind::PointsOnly => match label.points.and_then(|p| self.by_points.get(&points_key(p))) {
                    Some(c) => {
                        notes.repairs.push(format!("label_garbled: 项目 label '{}' read as {} by its points", label.printed, c));
                        LabelKind::Category(c.clone())
                    }
                    None => LabelKind::PointsOnly,
                },
                k => k.clone(),
            };
            if label.garbled {
                if let LabelKind::Category(w) | LabelKind::Group(w) = &kind {
                    notes.repairs.push(format!("label_garbled: 项目 label '{}' read as {}", label.printed, w));
                }
            }
            match kind {
                LabelKind::Category(c) => {
                    if self.category.as_ref() != Some(&c) {
                        self.group = None;
                    }
                    self.category = Some(c);
                }
                LabelKind::Group(g) => self.group = Some(g),
                LabelKind::Other(t) => {
                    // Outside the vocabulary: the category column if there is one and this is it.
                    if in_category_column || self.category.is_none() {
                        if self.category.as_ref() != Some(&t) {
                            self.group = None;
                        }
                        self.category = Some(t);
                    } else {
                        self.group = Some(t);
                    }
                }
                LabelKind::PointsOnly => {}
            }
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(col: usize, text: &str) -> PlacedCell {
        PlacedCell { col, text: text.to_string(), row_span: 1 }
    }

    #[test]
    fn vertical_and_garbled_labels_read_as_vocabulary() {
        assert_eq!(read_label(&cell(0, "职 能 工 作 目 标 80分")).kind, LabelKind::Category("职能工作目标".into()));
        assert_eq!(read_label(&cell(0, "能 职 能 工 作 目 标 80分")).kind, LabelKind::Category("职能工作目标".into()));
        assert_eq!(read_label(&cell(0, "能 能 工 作 目 标 80分")).kind, LabelKind::Category("职能工作目标".into()));
        assert_eq!(read_label(&cell(1, "重点工 作目 标")).kind, LabelKind::Group("重点工作目标".into()));
        assert_eq!(read_label(&cell(1, "科学行政 (4分)")).kind, LabelKind::Group("科学行政".into()));
        assert_eq!(read_label(&cell(0, "行政 能力 目标 20分")).kind, LabelKind::Category("行政能力目标".into()));
        assert_eq!(read_label(&cell(0, "80分")).kind, LabelKind::PointsOnly);
    }

    #[test]
    fn category_by_points_and_carry_down() {
        let mut st = LabelState::default();
        let learned = [vec![cell(0, "职能工作目标 80分")], vec![cell(0, "行政能力目标 20分")]];
        st.learn(learned.iter().map(|v| v.as_slice()));
        st.apply(&[cell(0, "80分"), cell(1, "常规工作目标")], 2);
        assert_eq!(st.category.as_deref(), Some("职能工作目标"));
        assert_eq!(st.group.as_deref(), Some("常规工作目标"));
        let notes = st.apply(&[cell(0, "重点工作 目标 80分"), cell(1, "重点工作 目标")], 2);
        assert_eq!(st.category.as_deref(), Some("职能工作目标"));
        assert_eq!(st.group.as_deref(), Some("重点工作目标"));
        assert!(!notes.repairs.is_empty());
        // An empty label row keeps what was carried down.
        st.apply(&[], 1);
        assert_eq!(st.group.as_deref(), Some("重点工作目标"));
        // A single label in the only 项目 column: the vocabulary decides its level.
        st.apply(&[cell(0, "廉洁行政(4分)")], 1);
        assert_eq!(st.category.as_deref(), Some("职能工作目标"));
        assert_eq!(st.group.as_deref(), Some("廉洁行政"));
    }
}
