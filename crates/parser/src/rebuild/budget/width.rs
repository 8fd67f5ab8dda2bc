//! How many cells a budget table's rows print, and which rows print another number.
//!
//! A TAB text that pads its rows to the table's width (its rows end in empty cells) says, by
//! its cell count, whether a row lost or gained cells: a row whose empty cells OCR dropped
//! prints fewer cells, and its texts stand left of their columns. Such a row is no witness of
//! where the table's columns are: the layout is learnt from the rows of the common width only
//! ([`super::layout::table_layout`]), and the odd row is placed on its own by what its cells
//! hold, with a warning (see [`super::rebuild`]). Were it to vote, one row could move a sparse
//! column (a 预算项目 printed on a single row) and with it every row's reading of the tail.
//!
//! A reader that trims rows (no trailing empty cells) gives no such evidence: a short row may
//! just end early. Rows are then all witnesses, as before.

use std::collections::BTreeMap;

use crate::grid::GridRow;
use crate::region::PageBlock;

/// The common width of each page block's rows, where the rows show one (see the module doc).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowWidths {
    /// By page block: the cell count of its regular rows, or `None` when it cannot be told.
    pub by_block: Vec<Option<usize>>,
}

impl RowWidths {
    /// Each block's own common width; a block too small to show one (a page with a row or
    /// two) takes the table's, when one of its rows prints it.
    pub fn of(blocks: &[PageBlock]) -> RowWidths {
        let table = padded_width(blocks.iter().flat_map(|b| &b.rows));
        let by_block = blocks
            .iter()
            .map(|b| padded_width(&b.rows).or_else(|| table.filter(|&w| b.rows.iter().any(|r| r.cells.len() == w))))
            .collect();
        RowWidths { by_block }
    }

    /// The width row `row` of block `block` should print, when it prints another: `Some`
    /// marks the row as odd.
    pub fn odd(&self, block: usize, row: &GridRow) -> Option<usize> {
        self.by_block.get(block).copied().flatten().filter(|&w| w != row.cells.len())
    }
}

/// The cell count most rows print, when more than half of them do (at least two) and one of
/// those ends in an empty cell: the rows are padded to the table's width.
fn padded_width<'a>(rows: impl IntoIterator<Item = &'a GridRow>) -> Option<usize> {
    let rows: Vec<&GridRow> = rows.into_iter().collect();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for r in &rows {
        *counts.entry(r.cells.len()).or_default() += 1;
    }
    let (&width, &count) = counts.iter().max_by_key(|(_, &c)| c)?;
    let padded = rows.iter().any(|r| r.cells.len() == width && r.cells.last().is_some_and(|c| c.is_empty()));
    (count >= 2 && 2 * count > rows.len() && padded).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Cell, SourcePos};

    fn row(cells: &[&str]) -> GridRow {
        GridRow::new(cells.iter().map(|t| Cell::text(*t)).collect(), SourcePos { line: 1, page: None })
    }

    fn block(rows: Vec<GridRow>) -> PageBlock {
        PageBlock { rows, ..Default::default() }
    }

    #[test]
    fn padded_rows_show_the_width_and_a_short_row_is_odd() {
        let b = block(vec![row(&["a", "1", "", ""]), row(&["b", "", "2", ""]), row(&["c", "3", ""])]);
        let w = RowWidths::of(std::slice::from_ref(&b));
        assert_eq!(w.by_block, [Some(4)]);
        assert_eq!(w.odd(0, &b.rows[2]), Some(4));
        assert_eq!(w.odd(0, &b.rows[0]), None);
    }

    #[test]
    fn trimmed_rows_show_nothing() {
        // No row ends in an empty cell: a short row may just end early.
        let b = block(vec![row(&["a", "1", "x"]), row(&["b", "", "y"]), row(&["c", "3"])]);
        assert_eq!(RowWidths::of(&[b]).by_block, [None]);
    }

    #[test]
    fn a_small_page_takes_the_table_s_width_and_a_page_of_its_own_width_keeps_it() {
        let first = block(vec![row(&["a", "1", "", ""]), row(&["b", "", "2", ""]), row(&["c", "", "", ""])]);
        // One row of the table's width, one short: too few to tell on their own.
        let small = block(vec![row(&["d", "4", "", ""]), row(&["e", "5"])]);
        // A page printed one cell wider throughout.
        let wide = block(vec![row(&["f", "6", "", "", ""]), row(&["g", "", "7", "", ""])]);
        let w = RowWidths::of(&[first, small.clone(), wide]);
        assert_eq!(w.by_block, [Some(4), Some(4), Some(5)]);
        assert_eq!(w.odd(1, &small.rows[1]), Some(4));
    }
}
