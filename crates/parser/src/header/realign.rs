//! Lower header rows whose labels slid against the rows above them.

use super::{label_field_in, Family, Field};
use crate::grid::GridRow;

/// The field of a label naming one column (a field, or a column of no field such as
/// 评分标准), not of a group label (目标内容, 责任分解) standing over the labels under it.
fn leaf(family: Family, text: &str) -> Option<Field> {
    label_field_in(family, text).filter(|&f| f != Field::Span)
}

/// OCR of a two-row header often gives the lower row an extra empty cell before one of its
/// later labels (a merged cell above it read as two), so every label from there stands one
/// column right of its data, and one of them lands on a column the upper row already names
/// with a label of its own (责任人 under 权重). Two leaf labels over one column cannot both be
/// right, and a merged upper label leaves the cell under it empty: the lower row is read
/// back by one column from its last empty cell before the first such clash, where that
/// clears every clash; otherwise it stays as printed (the data rows are placed by what they
/// hold either way).
pub(super) fn realign_lower_rows(family: Family, rows: &[&GridRow]) -> Vec<GridRow> {
    let mut out: Vec<GridRow> = rows.iter().map(|r| (*r).clone()).collect();
    for r in 1..out.len() {
        let (above, below) = out.split_at_mut(r);
        let Some(row) = below.first_mut() else { continue };
        // The same label printed on both rows is no clash: it names the column twice.
        let clashes = |row: &GridRow| -> Vec<usize> {
            row.filled()
                .filter(|&c| leaf(family, row.cell(c)).is_some_and(|f| above.iter().any(|a| leaf(family, a.cell(c)).is_some_and(|g| g != f))))
                .collect()
        };
        let Some(&first) = clashes(row).first() else { continue };
        let Some(gap) = (0..first).rev().find(|&c| row.cells.get(c).is_some_and(|x| x.is_empty())) else { continue };
        let mut moved = row.clone();
        moved.cells.remove(gap);
        if clashes(&moved).is_empty() {
            *row = moved;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::ColumnMap;
    use super::*;
    use crate::grid::{Cell, SourcePos};

    fn row(cells: &[&str]) -> GridRow {
        GridRow::new(cells.iter().map(|c| Cell::text(*c)).collect(), SourcePos::default())
    }

    #[test]
    fn a_lower_row_slid_onto_an_upper_leaf_label_is_read_back_one_column() {
        // An empty cell before 责任单位 pushes 责任单位 / 责任人 one column right, 责任人 under
        // the upper row's 权重.
        let top = row(&["项目", "", "目标内容", "", "", "", "", "完成时限", "评分标准", "责任分解", "", "权重", "备注"]);
        let low = row(&["", "", "序号", "文件依据", "一级指标", "一级指标分值", "二级指标", "", "", "", "责任单位", "责任人", ""]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&top, &low]);
        assert_eq!(map.column_of(Field::Units), Some(9));
        assert_eq!(map.column_of(Field::Persons), Some(10));
        assert_eq!(map.column_of(Field::Weight), Some(11));
        assert_eq!(map.column_of(Field::Points), Some(5));
        // An aligned header is kept as printed: group labels stand over the lower labels.
        let low = row(&["", "", "序号", "文件依据", "一级指标", "一级指标分值", "二级指标", "", "", "责任单位", "责任人", "", ""]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&top, &low]);
        assert_eq!(map.column_of(Field::Units), Some(9));
        assert_eq!(map.column_of(Field::Persons), Some(10));
    }

    #[test]
    fn a_points_column_slid_off_primary_is_still_the_points() {
        // The empty cell before 分值 moves it and every later lower label one column right,
        // 二级指标 under the upper row's 完成时限: read back, 分值 is beside 一级指标 again.
        let top = row(&["项目", "", "目标内容", "", "", "", "", "完成时限", "评分细则", "权重", "责任分解", "", "", "备注"]);
        let low = row(&["", "", "序号", "文件依据", "一级指标", "", "分值", "二级指标", "", "", "", "分管领导", "责任单位", "责任人"]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&top, &low]);
        assert_eq!(map.column_of(Field::Points), Some(5));
        assert_eq!(map.column_of(Field::Secondary), Some(6));
        assert_eq!(map.column_of(Field::Weight), Some(9));
        assert_eq!(map.column_of(Field::Persons), Some(12));
    }

    #[test]
    fn a_one_row_header_s_points_column_off_primary_is_told_by_the_weight_after_it() {
        // Nothing above to clash with: 分值 between 一级指标 and 二级指标, with 权重 later, is
        // still the points; alone, 分值 is the weight.
        let h = row(&["序号", "文件依据", "一级指标", "", "分值", "二级指标", "权重", "完成时限"]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&h]);
        assert_eq!(map.column_of(Field::Points), Some(4));
        assert_eq!(map.column_of(Field::Weight), Some(6));
        let h = row(&["序号", "文件依据", "一级指标", "", "分值", "二级指标", "完成时限"]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&h]);
        assert_eq!(map.column_of(Field::Weight), Some(4));
        assert!(!map.has(Field::Points));
    }

    #[test]
    fn a_clash_the_shift_does_not_clear_keeps_the_row() {
        // No empty cell before the clash to read back from: the lower row stays.
        let top = row(&["序号", "权重"]);
        let low = row(&["文件依据", "责任人"]);
        let out = realign_lower_rows(Family::PerformanceTargets, &[&top, &low]);
        assert_eq!(out.get(1), Some(&low));
    }
}
