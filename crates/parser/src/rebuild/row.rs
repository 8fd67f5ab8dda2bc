//! The shared row types: what a row of any table family is ([`RowKind`]) and how its cells
//! were sorted into fields ([`Placed`]). Each family's placement produces these; the walk in
//! [`super`] and the debug trace consume them.

use std::collections::BTreeMap;

use crate::grid::GridRow;
use crate::header::Field;
use zhibiao_normalize::text::squash;

/// A cell as placed: its column and raw text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedCell {
    pub col: usize,
    pub text: String,
    /// Rows the cell spans downwards, where the reader knows (1 otherwise).
    pub row_span: u32,
}

impl PlacedCell {
    /// Cell `col` of a grid row.
    pub fn at(row: &GridRow, col: usize) -> PlacedCell {
        let span = row.cells.get(col).map(|c| c.row_span.max(1)).unwrap_or(1);
        PlacedCell { col, text: row.cell(col).to_string(), row_span: span }
    }
}

/// A row's cells sorted into fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placed {
    pub id: Option<String>,
    /// The id cell's column.
    pub id_col: Option<usize>,
    /// 项目 label cells before the id.
    pub labels: Vec<PlacedCell>,
    pub fields: BTreeMap<Field, PlacedCell>,
    /// Non-empty cells no field could take.
    pub unplaced: Vec<PlacedCell>,
    /// Cells of columns the family knows to hold no field (a row counter, a unit column),
    /// with the column's slot: reported once per column, not per cell.
    pub set_aside: Vec<(usize, PlacedCell)>,
}

impl Placed {
    pub fn get(&self, f: Field) -> Option<&str> {
        self.fields.get(&f).map(|c| c.text.as_str())
    }
    pub fn col(&self, f: Field) -> Option<usize> {
        self.fields.get(&f).map(|c| c.col)
    }
}

/// What a row of the table is.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    Header,
    /// A leaf row with its sequence id.
    Record(Placed),
    /// A full row (with 权重 or 完成时限) whose id is missing.
    Orphan(Placed),
    /// Id-less row holding only one list of personal names: a merged names cell whose names
    /// the OCR printed one per line.
    NameSpill(PlacedCell),
    /// Id-less text: wrapped from the row above.
    Continuation(Vec<PlacedCell>),
    /// Id-less row holding only 项目 labels: a merged label cell whose text the OCR put on a
    /// row of its own (a family that has labels recognises it).
    Label(Vec<PlacedCell>),
    /// 合计 / 小计 / total row, and any cells besides its label and number.
    Total { label: String, value: Option<f64>, rest: Vec<PlacedCell> },
    /// 说明：… under the table.
    Note(String),
    /// 抄送：…, 印发 lines, a form's sign-off fields and similar page furniture.
    Footer(String),
}

impl RowKind {
    pub fn name(&self) -> &'static str {
        match self {
            RowKind::Header => "header",
            RowKind::Record(_) => "record",
            RowKind::Orphan(_) => "orphan",
            RowKind::NameSpill(_) => "name-spill",
            RowKind::Continuation(_) => "continuation",
            RowKind::Label(_) => "label",
            RowKind::Total { .. } => "total",
            RowKind::Note(_) => "note",
            RowKind::Footer(_) => "footer",
        }
    }
}

/// True for page furniture that can appear between table rows: distribution lines
/// (`抄送：…`), print lines (`…印发`), page numbers.
pub fn is_footer_text(text: &str) -> bool {
    let s = squash(text);
    let page_number = {
        let inner = s.trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '第' | '页'));
        !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) && inner.len() < s.len()
    };
    s.starts_with("抄送") || s.starts_with("抄报") || s.starts_with("主送") || s.ends_with("印发") || page_number
}

/// True for the sign-off lines of a form, printed under the table to be filled in by hand
/// (`单位主要领导： 分管领导： 经办人：`, `绩效考评组成员：`): every word a field name ending in
/// a colon with nothing after it.
pub fn is_form_fields(texts: &[&str]) -> bool {
    let mut words = texts.iter().flat_map(|t| t.split_whitespace()).peekable();
    words.peek().is_some() && words.all(|w| w.chars().count() <= 10 && w.ends_with(['：', ':']) && w.chars().count() > 1)
}

/// True for a form's sign-off under the table: `填报人：赵军`, `联系电话：…`, `填报日期：…`,
/// `审核人：…`, `单位负责人：…`, `填报单位（盖章）：…`. Each is a label with its colon (a unit
/// with its `（盖章）` between them); the row holds nothing else.
pub fn is_signoff_text(text: &str) -> bool {
    const LABELS: [&str; 15] = [
        "填报人", "填表人", "制表人", "审核人", "复核人", "负责人", "单位负责人", "联系人", "联系电话", "填报日期", "填表日期", "制表日期",
        "填报单位", "填表单位", "编制单位",
    ];
    let s = squash(text);
    LABELS.iter().any(|l| {
        s.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.strip_prefix("（盖章）").or_else(|| rest.strip_prefix("(盖章)")).unwrap_or(rest);
            rest.starts_with([':', '：'])
        })
    })
}

/// True for a note under the table (`说明：`, `注：`).
pub fn is_note_text(text: &str) -> bool {
    let s = squash(text);
    s.starts_with("说明") || s.starts_with("注:") || s.starts_with("注：") || s.starts_with("备注:") || s.starts_with("备注：")
}

