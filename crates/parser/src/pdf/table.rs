//! A page's tables as rows of cells: lattice cells filled with the characters inside them.
//!
//! Each character goes to the cell that holds its centre; a cell's characters become lines
//! ([`super::layout`]) joined with `\n`. A line that a cell too short for its text (a fixed
//! row height) printed across its bottom rule, with its centre below it, is given back to the
//! cell it came from when it overlaps a line of the cell below: two lines of one cell never
//! overlap ([`take_back_overflow`]). Slots covered by a merged cell become the shared
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
    take_back_overflow(lattice, all, &mut members, s);
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

/// A line that crosses the top rule of the cell holding its centre and overlaps another line
/// of that cell was printed by the cell above, whose text ran over its bottom rule (Word and
/// the exports keep a row's fixed height and let the text run on): its characters go back to
/// that cell. Without the overlap a line across a rule is left where its centre is.
fn take_back_overflow(lattice: &Lattice, all: &[PageChar], members: &mut [Vec<usize>], s: &LayoutSettings) {
    for k in 0..members.len() {
        let Some(rect) = lattice.cells.get(k).map(|c| c.rect) else { continue };
        let Some(own) = members.get(k) else { continue };
        let cell_lines = lines(all, own, s);
        let mut moves: Vec<(usize, f32, f32)> = Vec::new();
        for (i, line) in cell_lines.iter().enumerate() {
            let b = line.bbox;
            let height = (b.y1 - b.y0).max(0.01);
            if b.y0 >= rect.y0 - 0.2 * height {
                continue;
            }
            let overlaps = cell_lines.iter().enumerate().any(|(j, m)| {
                j != i && m.bbox.y1.min(b.y1) - m.bbox.y0.max(b.y0) > 0.1 * height && m.bbox.x1 > b.x0 && m.bbox.x0 < b.x1
            });
            if !overlaps {
                continue;
            }
            let above = lattice.cell_at(((b.x0 + b.x1) / 2.0, rect.y0 - 0.5));
            if let Some(j) = above.filter(|&j| j != k) {
                moves.push((j, b.y0, line.size.max(1.0)));
            }
        }
        for (j, top, size) in moves {
            // The line's characters: those whose top is the line's top, not the overlapped line's.
            let (gone, stay): (Vec<usize>, Vec<usize>) = members
                .get(k)
                .map(|m| m.iter().partition(|&&i| all.get(i).is_some_and(|c| (c.bbox.y0 - top).abs() < 0.25 * size)))
                .unwrap_or_default();
            if let Some(m) = members.get_mut(k) {
                *m = stay;
            }
            if let Some(m) = members.get_mut(j) {
                m.extend(gone);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::lattice::LatticeCell;

    fn text_at(s: &str, x: f32, y: f32, seq: &mut u32) -> Vec<PageChar> {
        s.chars()
            .enumerate()
            .map(|(i, ch)| {
                *seq += 1;
                let x0 = x + i as f32 * 10.0;
                PageChar { ch, bbox: Rect { x0, y0: y, x1: x0 + 10.0, y1: y + 12.0 }, size: 10.0, upright: true, seq: *seq }
            })
            .collect()
    }

    /// One column, two rows split at y = 100.
    fn two_rows() -> Lattice {
        let cell = |row: usize, y0: f32, y1: f32| LatticeCell { row, col: 0, row_span: 1, col_span: 1, rect: Rect { x0: 0.0, y0, x1: 200.0, y1 } };
        Lattice { xs: vec![0.0, 200.0], ys: vec![50.0, 100.0, 150.0], cells: vec![cell(0, 50.0, 100.0), cell(1, 100.0, 150.0)], open_top: vec![false] }
    }

    fn texts(t: &PageTable) -> Vec<String> {
        t.rows.iter().map(|r| r.cells.first().map(|c| c.text.clone()).unwrap_or_default()).collect()
    }

    #[test]
    fn a_line_run_over_the_rule_onto_a_line_below_goes_back_up() {
        let mut seq = 0;
        let mut all = text_at("上格第一行", 5.0, 70.0, &mut seq);
        all.extend(text_at("上格第二行", 5.0, 83.0, &mut seq));
        // Centre below the rule at 100, overlapping the lower cell's first line.
        all.extend(text_at("上格第三行", 5.0, 96.0, &mut seq));
        all.extend(text_at("下格第一行", 5.0, 104.0, &mut seq));
        let inside: Vec<usize> = (0..all.len()).collect();
        let t = from_lattice(&two_rows(), &all, &inside, &LayoutSettings::default());
        assert_eq!(texts(&t), ["上格第一行\n上格第二行\n上格第三行", "下格第一行"]);
    }

    #[test]
    fn a_line_across_the_rule_overlapping_nothing_stays_where_its_centre_is() {
        let mut seq = 0;
        let mut all = text_at("上格第一行", 5.0, 70.0, &mut seq);
        all.extend(text_at("下格第一行", 5.0, 96.0, &mut seq));
        all.extend(text_at("下格第二行", 5.0, 112.0, &mut seq));
        let inside: Vec<usize> = (0..all.len()).collect();
        let t = from_lattice(&two_rows(), &all, &inside, &LayoutSettings::default());
        assert_eq!(texts(&t), ["上格第一行", "下格第一行\n下格第二行"]);
    }
}
