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
//!
//! Each cell also says how its text fills it ([`Fill`]): page joining needs to know whether
//! a cell's text stops at the page break or runs on, and the text alone cannot say
//! (`依法行⏎政` reads as unfinished as `行政能`).

use super::geom::Rect;
use super::interp::PageChar;
use super::lattice::Lattice;
use super::layout::{lines, LayoutSettings, Line};
use zhibiao_normalize::text::SOFT_WRAP;
use crate::grid::{BBox, Cell};

/// One row of a page's table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub cells: Vec<Cell>,
    pub y0: f32,
    pub y1: f32,
    /// Per column, how the text of the cell in that slot fills it (a covered slot's is its
    /// merged cell's; joining reads it where the cell starts). Empty when not known
    /// (tables found without rules): [`Fill::default`], no evidence either way.
    pub fill: Vec<Fill>,
}

/// How a cell's text fills the cell: text cut by a page break runs to the break (to the
/// cell's bottom) and fills its last line; text that ended there need not.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Fill {
    /// How much narrower than the widest line its column holds on the page (the best measure
    /// of the cell's inner width: padding is the writer's) the last line is, in font sizes.
    /// A last line with room left for what came next ended its paragraph. 0 when not known.
    pub room_after: f32,
    /// The text runs to the bottom of the cell: no room for another line
    /// ([`LayoutSettings::fill_slack`]).
    pub to_bottom: bool,
    /// The last line ends a sentence, a title or a number ([`super::layout::ends_sentence`]).
    pub ends: bool,
    /// A line of the cell crosses its top or bottom rule, or the writer clipped a glyph of
    /// it at the cell's edge: the row's height is fixed and the text did not fit.
    pub crosses_rule: bool,
    /// How many lines the cell's text has.
    pub lines: usize,
}

impl Fill {
    /// The cell's text was cut off by its row's fixed height: it crosses a rule, or it fills
    /// the cell to the bottom with a full last line that stops mid-sentence. A cell cut by a
    /// page break looks the same at the bottom of a page; the caller tells the two apart.
    pub fn cut_off(&self) -> bool {
        self.crosses_rule || (self.lines >= 1 && self.to_bottom && self.room_after < 1.0 && !self.ends)
    }
}

impl TableRow {
    /// A row of `cells` with nothing known about how their text fills them.
    pub fn new(cells: Vec<Cell>, y0: f32, y1: f32) -> Self {
        TableRow { cells, y0, y1, fill: Vec::new() }
    }

    /// How the text of the cell starting in column `col` fills it.
    pub fn fill(&self, col: usize) -> Fill {
        self.fill.get(col).copied().unwrap_or_default()
    }
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

/// Fills a lattice with the characters `inside` (indices into `all`) and builds its rows;
/// `clipped`: the glyphs a clip path cut through ([`super::interp::PageMarks::clipped`]).
pub fn from_lattice(lattice: &Lattice, all: &[PageChar], inside: &[usize], clipped: &[PageChar], s: &LayoutSettings) -> PageTable {
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
    // A glyph the writer's clip cut through at a cell's bottom rule is the line the cut went
    // through: still that cell's text (the text layer has it whole). At the table's bottom
    // on the page it may be a merged cell's text drawn again on the next page: left out.
    let (pool, cut_cells) = with_cut_glyphs(lattice, all, clipped);
    let all: &[PageChar] = &pool;
    for &i in inside.iter().chain(&cut_cells.0) {
        let Some(ch) = all.get(i) else { continue };
        if let Some(k) = lattice.cell_at(ch.bbox.center()) {
            if let Some(m) = members.get_mut(k) {
                m.push(i);
            }
        }
    }
    take_back_overflow(lattice, all, &mut members, s);
    let cell_lines: Vec<Vec<Line>> = members.iter().map(|m| lines(all, m, s)).collect();
    let widest = widest_lines(lattice, &cell_lines);
    let texts: Vec<String> = lattice
        .cells
        .iter()
        .zip(&cell_lines)
        .map(|(lc, l)| wrapped_text(l, widest.get(&(lc.col, lc.col_span)).copied().unwrap_or(0.0)))
        .collect();
    let mut fills = fills(lattice, &cell_lines, &widest, s);
    // The cells the writer's clip cut: they lost the rest of their text.
    for k in &cut_cells.1 {
        if let Some(f) = fills.get_mut(*k) {
            f.crosses_rule = true;
        }
    }
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
        let mut fill = vec![Fill::default(); cols];
        for c in 0..cols {
            let k = slot.get(r * cols + c).copied().unwrap_or(usize::MAX);
            let Some(lc) = lattice.cells.get(k) else {
                cells.push(Cell::text(""));
                continue;
            };
            if let Some(f) = fill.get_mut(c) {
                *f = fills.get(k).copied().unwrap_or_default();
            }
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
        out_rows.push(TableRow { cells, y0: at(&lattice.ys, r), y1: at(&lattice.ys, r + 1), fill });
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

/// The indices of the clipped glyphs added to the page's characters, and the lattice cells a
/// clip cut.
type CutGlyphs = (Vec<usize>, Vec<usize>);

/// The page's characters with the clipped glyphs that belong to a cell added, and
/// [`CutGlyphs`].
fn with_cut_glyphs<'a>(lattice: &Lattice, all: &'a [PageChar], clipped: &[PageChar]) -> (std::borrow::Cow<'a, [PageChar]>, CutGlyphs) {
    if clipped.is_empty() {
        return (std::borrow::Cow::Borrowed(all), (Vec::new(), Vec::new()));
    }
    let bottom = lattice.ys.last().copied().unwrap_or(f32::MAX);
    let mut pool = all.to_vec();
    let (mut added, mut cells) = (Vec::new(), Vec::new());
    for g in clipped {
        let h = (g.bbox.y1 - g.bbox.y0).max(0.01);
        let x = (g.bbox.x0 + g.bbox.x1) / 2.0;
        let top_in = lattice.cell_at((x, g.bbox.y0 + 0.1 * h));
        let Some(k) = top_in.or_else(|| lattice.cell_at((x, g.bbox.y1 - 0.1 * h))) else { continue };
        if !cells.contains(&k) {
            cells.push(k);
        }
        let Some(rect) = lattice.cells.get(k).map(|c| c.rect) else { continue };
        // Cut at the cell's bottom rule, inside the table.
        if top_in == Some(k) && g.bbox.y1 > rect.y1 && rect.y1 < bottom - 1.0 {
            let mut c = g.clone();
            c.seq = pool.len() as u32;
            // Its centre is in the cell below: place it where it was printed from.
            c.bbox.y1 = c.bbox.y1.min(rect.y1 - 0.01).max(c.bbox.y0);
            added.push(pool.len());
            pool.push(c);
        }
    }
    (std::borrow::Cow::Owned(pool), (added, cells))
}

/// The widest line of the cells of each (first column, column span) on the page.
type Widest = std::collections::HashMap<(usize, usize), f32>;

fn widest_lines(lattice: &Lattice, cell_lines: &[Vec<Line>]) -> Widest {
    let mut widest = Widest::default();
    for (lc, ls) in lattice.cells.iter().zip(cell_lines) {
        let w = ls.iter().map(|l| l.bbox.width()).fold(0.0, f32::max);
        let e = widest.entry((lc.col, lc.col_span)).or_insert(0.0);
        *e = e.max(w);
    }
    widest
}

/// A cell's lines joined with `\n`, or with [`SOFT_WRAP`] after a line that ran to the
/// cell's edge (less than a character short of the widest line its column holds): that
/// break may be a wrap inside one name or unit, which the list fields judge
/// (`刘兰` ⏎ `薇`, `办` ⏎ `公` ⏎ `室`). Text fields read both as white space.
fn wrapped_text(lines: &[Line], widest: f32) -> String {
    let mut out = String::new();
    let mut soft = false;
    for l in lines {
        let text = l.text.trim();
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(if soft { SOFT_WRAP } else { '\n' });
        }
        out.push_str(text);
        soft = widest > 0.0 && (widest - l.bbox.width()) < l.size.max(1.0);
    }
    out
}

/// How the text of each lattice cell fills it. The widest line of the cells in its columns
/// (same first column and span) on the page stands for a cell's inner width: a line that ran
/// to the edge is about that wide, whether the text is set left or centred.
fn fills(lattice: &Lattice, cell_lines: &[Vec<Line>], widest: &Widest, s: &LayoutSettings) -> Vec<Fill> {
    lattice
        .cells
        .iter()
        .zip(cell_lines)
        .map(|(lc, ls)| {
            let (Some(first), Some(last)) = (ls.first(), ls.last()) else { return Fill::default() };
            let w = widest.get(&(lc.col, lc.col_span)).copied().unwrap_or(0.0);
            let room_after = ((w - last.bbox.width()) / last.size.max(1.0)).max(0.0);
            // The distance from one line to the next; one line's own height when alone.
            let pitch = match ls.len() {
                0 | 1 => last.bbox.height(),
                n => (last.bbox.y0 - first.bbox.y0) / (n - 1) as f32,
            };
            let spare = (first.bbox.y0 - lc.rect.y0).max(0.0) + (lc.rect.y1 - last.bbox.y1).max(0.0);
            let crosses = |l: &Line| {
                let h = l.bbox.height().max(0.01);
                (l.bbox.y1 - lc.rect.y1 > 0.2 * h && lc.rect.y1 - l.bbox.y0 > 0.2 * h) || (lc.rect.y0 - l.bbox.y0 > 0.2 * h && l.bbox.y1 - lc.rect.y0 > 0.2 * h)
            };
            Fill {
                room_after,
                to_bottom: spare < s.fill_slack * pitch.max(1.0),
                ends: super::layout::ends_sentence(&last.text),
                crosses_rule: ls.iter().any(crosses),
                lines: ls.len(),
            }
        })
        .collect()
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

    /// Each row's first cell, a soft wrap shown as `~`.
    fn texts(t: &PageTable) -> Vec<String> {
        t.rows.iter().map(|r| r.cells.first().map(|c| c.text.replace(SOFT_WRAP, "~")).unwrap_or_default()).collect()
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
        let t = from_lattice(&two_rows(), &all, &inside, &[], &LayoutSettings::default());
        assert_eq!(texts(&t), ["上格第一行~上格第二行~上格第三行", "下格第一行"]);
    }

    #[test]
    fn a_line_across_a_rule_marks_its_cell() {
        let mut seq = 0;
        let mut all = text_at("上格第一行", 5.0, 70.0, &mut seq);
        all.extend(text_at("上格第二行", 5.0, 84.0, &mut seq));
        all.extend(text_at("下格第一行", 5.0, 120.0, &mut seq));
        let inside: Vec<usize> = (0..all.len()).collect();
        let t = from_lattice(&two_rows(), &all, &inside, &[], &LayoutSettings::default());
        assert!(!t.rows[0].fill(0).crosses_rule && !t.rows[1].fill(0).crosses_rule);
        // The upper cell's second line now runs over the rule at 100.
        all.extend(text_at("上格第三行", 5.0, 96.0, &mut seq));
        let inside: Vec<usize> = (0..all.len()).collect();
        let t = from_lattice(&two_rows(), &all, &inside, &[], &LayoutSettings::default());
        assert!(t.rows.iter().any(|r| r.fill(0).crosses_rule), "{:?}", t.rows);
    }

    #[test]
    fn a_glyph_the_writer_clipped_at_a_cells_edge_marks_the_cell_it_starts_in() {
        let mut seq = 0;
        let all = text_at("上格第一行", 5.0, 80.0, &mut seq);
        let inside: Vec<usize> = (0..all.len()).collect();
        // The next line's glyphs, cut by the clip at the rule (y = 100): their tops inside.
        let clipped = text_at("下", 5.0, 95.0, &mut seq);
        let t = from_lattice(&two_rows(), &all, &inside, &clipped, &LayoutSettings::default());
        assert!(t.rows[0].fill(0).crosses_rule && t.rows[0].fill(0).cut_off());
        // The text layer has the cut line whole: it is the cell's text.
        assert_eq!(texts(&t), ["上格第一行~下"]);
        let t = from_lattice(&two_rows(), &all, &inside, &[], &LayoutSettings::default());
        assert!(!t.rows[0].fill(0).crosses_rule);
    }

    #[test]
    fn a_line_across_the_rule_overlapping_nothing_stays_where_its_centre_is() {
        let mut seq = 0;
        let mut all = text_at("上格第一行", 5.0, 70.0, &mut seq);
        all.extend(text_at("下格第一行", 5.0, 96.0, &mut seq));
        all.extend(text_at("下格第二行", 5.0, 112.0, &mut seq));
        let inside: Vec<usize> = (0..all.len()).collect();
        let t = from_lattice(&two_rows(), &all, &inside, &[], &LayoutSettings::default());
        assert_eq!(texts(&t), ["上格第一行", "下格第一行~下格第二行"]);
    }

    fn ch(c: char, x: f32, y: f32, seq: u32) -> PageChar {
        PageChar { ch: c, bbox: Rect { x0: x, y0: y, x1: x + 10.0, y1: y + 10.0 }, size: 10.0, upright: true, seq }
    }

    #[test]
    fn each_cell_says_how_its_text_fills_it() {
        // One column 40 wide; a cell of two lines filled to its bottom, then a tall cell with
        // one full line.
        let cell = |row, y0: f32, y1: f32| LatticeCell { row, col: 0, row_span: 1, col_span: 1, rect: Rect { x0: 0.0, y0, x1: 40.0, y1 } };
        let lattice = Lattice { xs: vec![0.0, 40.0], ys: vec![0.0, 24.0, 64.0], cells: vec![cell(0, 0.0, 24.0), cell(1, 24.0, 64.0)], open_top: Vec::new() };
        let all = vec![
            ch('依', 5.0, 1.0, 0),
            ch('法', 15.0, 1.0, 1),
            ch('行', 25.0, 1.0, 2),
            ch('政', 5.0, 13.0, 3),
            ch('科', 5.0, 26.0, 4),
            ch('学', 15.0, 26.0, 5),
            ch('行', 25.0, 26.0, 6),
        ];
        let idx: Vec<usize> = (0..all.len()).collect();
        let t = from_lattice(&lattice, &all, &idx, &[], &LayoutSettings::default());
        // `依法行` runs to the edge: the break after it may be a wrap.
        assert_eq!(t.rows[0].cells[0].text, format!("依法行{SOFT_WRAP}政"));
        // `政` leaves room for two more characters; the two lines fill the cell.
        let f = t.rows[0].fill(0);
        assert!((f.room_after - 2.0).abs() < 0.01 && f.to_bottom, "{f:?}");
        // `科学行` is as wide as the column's widest line; the cell has room below it.
        let f = t.rows[1].fill(0);
        assert!(f.room_after < 0.01 && !f.to_bottom, "{f:?}");
    }
}
