//! Header recognition: which rows are column headers, and what each column holds.
//!
//! Header rows are found by their labels, compared with all white space removed (OCR splits
//! vertical and wrapped labels: `完 成 时 限`, `责 任 部 门`) and through synonyms
//! (责任单位/责任部门/责任科室; 二级指标/目标内容). A page block's [`ColumnMap`] is built from its
//! header rows (usually two: `项目 | 目标内容 | … | 责任分解` over `序号 | 文件依据 | …`), because
//! the column order changes from page to page inside one document.
//!
//! OCR'd headers are often garbled (labels one cell off, labels missing), so the rebuild
//! places values by what they hold first and uses the map only to break ties; the map is
//! also what `zhibiao debug` shows next to the data.

use crate::grid::GridRow;
use zhibiao_normalize::text::squash;

/// The fields of a performance-target row that a header can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// 项目: the category / group labels.
    Project,
    Id,
    Basis,
    Primary,
    Secondary,
    Weight,
    Deadline,
    Leaders,
    Units,
    Persons,
    Remarks,
    /// 目标内容 / 责任分解: a spanning label over several fields.
    Span,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Project => "项目",
            Field::Id => "序号",
            Field::Basis => "文件依据",
            Field::Primary => "一级指标",
            Field::Secondary => "二级指标",
            Field::Weight => "权重",
            Field::Deadline => "完成时限",
            Field::Leaders => "分管领导",
            Field::Units => "责任单位",
            Field::Persons => "责任人",
            Field::Remarks => "备注",
            Field::Span => "(span)",
        }
    }
}

/// Header labels and the field each names, compared after [`squash`]. Order matters: longer
/// labels first, so `责任单位` is not read as `责任人`'s prefix.
const LABELS: &[(&str, Field)] = &[
    ("项目", Field::Project),
    ("序号", Field::Id),
    ("文件依据", Field::Basis),
    ("依据", Field::Basis),
    ("一级指标", Field::Primary),
    ("二级指标", Field::Secondary),
    ("目标内容", Field::Span),
    ("权重", Field::Weight),
    ("分值", Field::Weight),
    ("完成时限", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("时限", Field::Deadline),
    ("责任分解", Field::Span),
    ("分管领导", Field::Leaders),
    ("责任领导", Field::Leaders),
    ("责任单位", Field::Units),
    ("责任部门", Field::Units),
    ("责任科室", Field::Units),
    ("责任股室", Field::Units),
    ("承办单位", Field::Units),
    ("责任人", Field::Persons),
    ("具体责任人", Field::Persons),
    ("备注", Field::Remarks),
];

/// The field a header cell names, if it is a header label.
pub fn label_field(cell: &str) -> Option<Field> {
    let s = squash(cell);
    if s.is_empty() || s.chars().count() > 8 {
        return None;
    }
    LABELS.iter().find(|(label, _)| s == *label).map(|&(_, f)| f)
}

/// How many of a row's cells are header labels.
fn label_count(row: &GridRow) -> usize {
    row.cells.iter().filter(|c| label_field(&c.text).is_some()).count()
}

/// A header row has at least three label cells and no cell that is clearly data.
pub fn is_header_row(row: &GridRow) -> bool {
    let labels = label_count(row);
    let filled = row.filled().count();
    labels >= 3 && labels * 2 >= filled
}

/// Where each field sits in a page block, according to its header rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnMap {
    /// `(column, field)` pairs, by column. A field may be named by several header rows; the
    /// lower row (the more specific label) wins.
    pub columns: Vec<(usize, Field)>,
    /// Source lines of the header rows the map was built from.
    pub lines: Vec<u32>,
}

impl ColumnMap {
    /// Builds the map from consecutive header rows, upper row first.
    pub fn from_headers(rows: &[&GridRow]) -> ColumnMap {
        let mut columns: Vec<(usize, Field)> = Vec::new();
        for row in rows {
            for (col, cell) in row.cells.iter().enumerate() {
                let Some(field) = label_field(&cell.text) else { continue };
                if field == Field::Span {
                    continue;
                }
                columns.retain(|&(c, _)| c != col);
                columns.push((col, field));
            }
        }
        columns.sort();
        ColumnMap { columns, lines: rows.iter().map(|r| r.pos.line).collect() }
    }

    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().find(|&&(_, f)| f == field).map(|&(c, _)| c)
    }

    pub fn field_at(&self, col: usize) -> Option<Field> {
        self.columns.iter().find(|&&(c, _)| c == col).map(|&(_, f)| f)
    }

    /// `序号@2 文件依据@3 …`, for the debug view.
    pub fn describe(&self) -> String {
        self.columns
            .iter()
            .map(|(c, f)| format!("{}@{}", f.name(), c))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Cell, SourcePos};

    fn row(cells: &[&str]) -> GridRow {
        GridRow { cells: cells.iter().map(|c| Cell::text(*c)).collect(), pos: SourcePos::default() }
    }

    #[test]
    fn labels_match_through_spaces_and_synonyms() {
        assert_eq!(label_field("完 成 时 限"), Some(Field::Deadline));
        assert_eq!(label_field("责 任 部 门"), Some(Field::Units));
        assert_eq!(label_field("责任科室"), Some(Field::Units));
        assert_eq!(label_field("责任人"), Some(Field::Persons));
        assert_eq!(label_field("分管 领导"), Some(Field::Leaders));
        assert_eq!(label_field("陈建兴"), None);
    }

    #[test]
    fn header_rows_are_told_from_data_rows() {
        assert!(is_header_row(&row(&["", "", "序号", "文件依据", "一级指标", "二级指标", "", "权重"])));
        assert!(is_header_row(&row(&["项目", "", "目标内容", "", "", "完成时限", "责任分解", "备注"])));
        assert!(!is_header_row(&row(&["", "1-1-2", "", "", "组织开展", "1.5", "10 月", "陈建兴"])));
    }

    #[test]
    fn two_header_rows_make_one_map_lower_row_wins() {
        let top = row(&["项目", "", "目标内容", "", "", "", "完成时限", "责任分解", "", "", "备注"]);
        let low = row(&["", "", "序号", "文件依据", "一级指标", "二级指标", "", "权重", "分管领导", "责任单位", "", "责任人"]);
        let map = ColumnMap::from_headers(&[&top, &low]);
        assert_eq!(map.column_of(Field::Id), Some(2));
        assert_eq!(map.column_of(Field::Deadline), Some(6));
        assert_eq!(map.column_of(Field::Persons), Some(11));
        assert_eq!(map.field_at(0), Some(Field::Project));
    }
}
