//! A page's tables as rows of cells: lattice cells filled with the characters inside them.
//!
//! Each character goes to the cell that holds its centre; a cell's characters become lines
//! ([`super::layout`]) joined with `\n`. Slots covered by a merged cell become the shared
//! grid's covered cells — `merged_from_above` below the cell's first row, `merged_from_left`
//! right of its first column — so positions stay lattice columns, as the DOCX reader keeps
//! grid columns. Rows with no text at all (slots under tall merged cells) are dropped and the
//! spans counted in the rows that remain, as the DOCX reader does.

use super::geom::Rect;
use super::interp::PageChar;
use super::lattice::Lattice;
use super::layout::{cell_text, lines, LayoutSettings};
use crate::grid::{BBox, Cell};

/// One row of a page's table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub cells: Vec<Cell>,
    pub y0: f32,
    pub y1: f32,
}

/// A table on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTable {
    pub bbox: Rect,
    /// Column boundaries (one more than the columns).
    pub xs: Vec<f32>,
    pub rows: Vec<TableRow>,
    /// Found from ruling lines (spans known) rather than from text alignment.
    pub ruled: bool,
    /// Per column, the first row's cell has no rule along its top: it goes on from the page
    /// before (empty when not known).
    pub open_top: Vec<bool>,
}

fn bbox_of(r: &Rect) -> BBox {
    BBox { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 }
}

/// Fills a lattice with the characters `inside` (indices into `all`) and builds its rows.
pub fn from_lattice(lattice: &Lattice, all: &[PageChar], inside: &[usize], s: &LayoutSettings) -> PageTable {
    let (rows, cols) = (lattice.rows(), lattice.cols());
    // Slot → cell.
    let mut slot = vec![usize::MAX; rows * cols];
    for (k, c) in lattice.cells.iter().enumerate() {
        for r in c.row..c.row + c.row_span {
            for cc in c.col..c.col + c.col_span {
                if let Some(x) = slot.get_mut(r * cols + cc) {
                    *x = k;
                }
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); lattice.cells.len()];
    for &i in inside {
        let Some(ch) = all.get(i) else { continue };
        if let Some(k) = lattice.cell_at(ch.bbox.center()) {
            if let Some(m) = members.get_mut(k) {
                m.push(i);
            }
        }
    }
    let texts: Vec<String> = members.iter().map(|m| cell_text(&lines(all, m, s))).collect();
    // Rows that show any text; the others are dropped.
    let kept: Vec<usize> = (0..rows)
        .filter(|&r| {
            lattice.cells.iter().enumerate().any(|(k, c)| c.row == r && texts.get(k).is_some_and(|t| !t.is_empty()))
        })
        .collect();
    let at = |v: &[f32], i: usize| v.get(i).copied().unwrap_or(0.0);
    let mut out_rows = Vec::with_capacity(kept.len());
    for &r in &kept {
        let mut cells = Vec::with_capacity(cols);
        for c in 0..cols {
            let k = slot.get(r * cols + c).copied().unwrap_or(usize::MAX);
            let Some(lc) = lattice.cells.get(k) else {
                cells.push(Cell::text(""));
                continue;
            };
            // The cell shows on the first row of its span that is kept.
            let first_row = kept.iter().copied().find(|&kr| kr >= lc.row && kr < lc.row + lc.row_span).unwrap_or(lc.row);
            let mut cell = if first_row == r && lc.col == c {
                let mut cell = Cell::text(texts.get(k).cloned().unwrap_or_default());
                let span_rows = kept.iter().filter(|&&kr| kr >= lc.row && kr < lc.row + lc.row_span).count();
                cell.row_span = span_rows.max(1) as u32;
                cell.col_span = lc.col_span as u32;
                cell
            } else if c == lc.col {
                let mut cell = Cell::text("");
                cell.merged_from_above = true;
                cell.col_span = lc.col_span as u32;
                cell
            } else {
                let mut cell = Cell::text("");
                cell.merged_from_left = true;
                cell
            };
            cell.bbox = Some(bbox_of(&lc.rect));
            cells.push(cell);
        }
        out_rows.push(TableRow { cells, y0: at(&lattice.ys, r), y1: at(&lattice.ys, r + 1) });
    }
    let open_top = if kept.first() == Some(&0) { lattice.open_top.clone() } else { vec![false; cols] };
    PageTable { bbox: lattice.bbox(), xs: lattice.xs.clone(), rows: out_rows, ruled: true, open_top }
}
