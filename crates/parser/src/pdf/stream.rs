//! Tables drawn without ruling lines, found from the alignment of their text.
//!
//! 1. **Row lines**: a line whose words fall into at least [`StreamSettings::min_columns`]
//!    groups separated by gaps wider than [`StreamSettings::column_gap`] (× font size) is a
//!    table line; prose has no such gaps.
//! 2. **Region**: a run of table lines, with up to [`StreamSettings::max_inner_lines`] other
//!    lines between them (wrapped cell text), is a table when it holds at least
//!    [`StreamSettings::min_row_lines`] table lines. A line of header labels after rows with
//!    sequence ids starts another table. Lines just above or below it whose groups
//!    each fit in one of its columns belong to it too.
//! 3. **Columns**: x positions covered by at most [`StreamSettings::max_bridge`] of the
//!    region's lines (a header cell spanning columns may bridge a gap) separate columns.
//! 4. **Cells and rows**: in each column, lines closer than the column's usual line gap
//!    plus a little (never more than [`StreamSettings::cell_gap`] × line height) are one
//!    cell's text: cells are further apart by their padding. A sequence id is always a cell
//!    of its own. The column of sequence ids sets the rows (else the column with the most
//!    cells); the border between two of its cells is where cells end their sentences and the
//!    fewest lines cross. A block of lines that runs over several ids is first split where
//!    it is the touching cells of several rows (a table with no padding): groups ending a
//!    sentence, each centred on one id and holding no other ([`super::centred`]); the rest
//!    of a row cut by the page break, above the first id, becomes a row of its own. Else a
//!    cell goes whole to the row holding its centre, unless it spans rows in parts that each
//!    sit in the middle of their row and end their sentence: then it is split so.
//!
//! Merged cells cannot be seen without rules: a cell spanning rows lands on one of them, as
//! in OCR'd text, and the rebuild treats it so (the grid says spans are unknown).

use super::centred::{split_run, RunLine};
use super::geom::Rect;
use super::layout::{ends_sentence, Line, Word};
use super::table::{PageTable, TableRow};
use crate::grid::{BBox, Cell};
use zhibiao_normalize::classify::parse_id;

/// The tolerances of the alignment fallback.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StreamSettings {
    /// A gap between words wider than this (× font size) separates columns.
    pub column_gap: f32,
    /// Groups a line needs to be a table line.
    pub min_columns: usize,
    /// Table lines a region needs to be a table.
    pub min_row_lines: usize,
    /// Other lines allowed between two table lines of one region.
    pub max_inner_lines: usize,
    /// Share of the region's lines that may cross a column gap (spanning header cells).
    pub max_bridge: f32,
    /// Lines of one column closer than this (× line height) are one cell.
    pub cell_gap: f32,
}

impl Default for StreamSettings {
    fn default() -> Self {
        StreamSettings { column_gap: 1.2, min_columns: 3, min_row_lines: 3, max_inner_lines: 8, max_bridge: 0.08, cell_gap: 0.5 }
    }
}

/// A piece of a line between column gaps.
#[derive(Debug, Clone)]
struct Piece {
    line: usize,
    text: String,
    rect: Rect,
}

/// The pieces of a line: its words grouped where gaps are narrower than a column gap.
fn pieces(line: &Line, index: usize, s: &StreamSettings) -> Vec<Piece> {
    let gap = s.column_gap * line.size.max(1.0);
    let mut out: Vec<Piece> = Vec::new();
    let mut last: Option<&Word> = None;
    for w in &line.words {
        let text = line.text.get(w.start..w.end).unwrap_or("");
        let rect = Rect { x0: w.x0, y0: line.bbox.y0, x1: w.x1, y1: line.bbox.y1 };
        match (last, out.last_mut()) {
            (Some(prev), Some(p)) if w.x0 - prev.x1 <= gap => {
                p.text.push(' ');
                p.text.push_str(text);
                p.rect.x1 = p.rect.x1.max(w.x1);
            }
            _ => out.push(Piece { line: index, text: text.to_string(), rect }),
        }
        last = Some(w);
    }
    out
}

/// Finds the tables among a page's prose lines; returns them and the lines left over.
pub fn find_tables(lines: Vec<Line>, s: &StreamSettings) -> (Vec<PageTable>, Vec<Line>) {
    let all: Vec<Vec<Piece>> = lines.iter().enumerate().map(|(i, l)| pieces(l, i, s)).collect();
    let is_row = |i: usize| all.get(i).is_some_and(|p| p.len() >= s.min_columns);
    // A line of header labels (序号, 权重, 责任单位…) starts a table of its own.
    let is_header = |i: usize| {
        all.get(i).is_some_and(|ps| ps.iter().filter(|p| crate::header::label_field(&p.text).is_some()).count() >= 3)
    };
    let mut regions: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_row(i) {
            i += 1;
            continue;
        }
        let (start, mut end, mut rows, mut since) = (i, i, 1, 0);
        let mut seen_data = all.get(i).is_some_and(|ps| ps.iter().any(|p| parse_id(&p.text).is_some()));
        let mut width = lines.get(i).map(|l| l.bbox.width()).unwrap_or(0.0);
        let mut j = i + 1;
        while j < lines.len() && since <= s.max_inner_lines {
            let close = match (lines.get(j - 1), lines.get(j)) {
                (Some(a), Some(b)) => b.bbox.y0 - a.bbox.y1 <= 3.0 * a.bbox.height().max(1.0),
                _ => false,
            };
            if !close {
                break;
            }
            if is_row(j) && is_header(j) && seen_data {
                break;
            }
            if is_row(j) {
                seen_data |= all.get(j).is_some_and(|ps| ps.iter().any(|p| parse_id(&p.text).is_some()));
                end = j;
                rows += 1;
                since = 0;
                width = width.max(lines.get(j).map(|l| l.bbox.width()).unwrap_or(0.0));
            } else if lines.get(j).is_some_and(|l| l.bbox.width() > 0.5 * width) {
                // A wide line is prose; a narrow one is a cell's text wrapping.
                since += 1;
            }
            j += 1;
        }
        if rows >= s.min_row_lines {
            regions.push((start, end));
        }
        i = end + 1;
    }
    if regions.is_empty() {
        return (Vec::new(), lines);
    }
    let mut taken = vec![false; lines.len()];
    let mut tables = Vec::new();
    let starts: Vec<usize> = regions.iter().map(|r| r.0).collect();
    let mut done_to: Option<usize> = None;
    for (k, (start, end)) in regions.iter().copied().enumerate() {
        if done_to.is_some_and(|d| start <= d) {
            continue;
        }
        // A region grows down at most to where the next one starts.
        let limit = starts.get(k + 1).copied().unwrap_or(lines.len());
        let Some(xs) = columns(&all, start, end, s) else { continue };
        // Lines next to the region whose pieces each fit one column are its wrapped cells.
        let fits = |k: usize| {
            all.get(k).is_some_and(|ps| {
                !ps.is_empty() && ps.iter().all(|p| xs.windows(2).any(|w| matches!(w, [a, b] if p.rect.x0 >= *a - 1.0 && p.rect.x1 <= *b + 1.0)))
            })
        };
        let near = |a: usize, b: usize| match (lines.get(a), lines.get(b)) {
            (Some(x), Some(y)) => (y.bbox.y0 - x.bbox.y1).abs() <= x.bbox.height().max(1.0),
            _ => false,
        };
        let (mut lo, mut hi) = (start, end);
        while lo > 0 && !taken.get(lo - 1).copied().unwrap_or(true) && fits(lo - 1) && near(lo - 1, lo) {
            lo -= 1;
        }
        while hi + 1 < limit && fits(hi + 1) && near(hi, hi + 1) {
            hi += 1;
        }
        let members: Vec<&Piece> = (lo..=hi).flat_map(|k| all.get(k).into_iter().flatten()).collect();
        if let Some(t) = build(&members, &xs, &lines, s) {
            for slot in taken.iter_mut().take(hi + 1).skip(lo) {
                *slot = true;
            }
            done_to = Some(hi);
            tables.push(t);
        }
    }
    let rest = lines.into_iter().zip(taken).filter(|(_, t)| !t).map(|(l, _)| l).collect();
    (tables, rest)
}

/// Column boundaries of a region: its left and right edges and the middle of every gap.
fn columns(all: &[Vec<Piece>], start: usize, end: usize, s: &StreamSettings) -> Option<Vec<f32>> {
    let pieces: Vec<&Piece> = (start..=end).flat_map(|k| all.get(k).into_iter().flatten()).collect();
    let x0 = pieces.iter().map(|p| p.rect.x0).fold(f32::MAX, f32::min);
    let x1 = pieces.iter().map(|p| p.rect.x1).fold(f32::MIN, f32::max);
    if x1.is_nan() || x0.is_nan() || x1 <= x0 || x1 - x0 > 5000.0 {
        return None;
    }
    let bins = (x1 - x0).ceil() as usize + 1;
    let mut cover = vec![0u32; bins];
    for p in &pieces {
        let (a, b) = ((p.rect.x0 - x0) as usize, (p.rect.x1 - x0) as usize);
        for c in cover.iter_mut().take(b.min(bins - 1) + 1).skip(a) {
            *c += 1;
        }
    }
    let lines = (end - start + 1) as f32;
    let limit = (s.max_bridge * lines).floor() as u32;
    let mut xs = vec![x0];
    let mut run: Option<usize> = None;
    for (i, &c) in cover.iter().enumerate() {
        match (c <= limit, run) {
            (true, None) => run = Some(i),
            (false, Some(r)) => {
                // A gap of at least 2 pt between text.
                if i - r >= 2 {
                    xs.push(x0 + (r + i) as f32 / 2.0);
                }
                run = None;
            }
            _ => {}
        }
    }
    xs.push(x1);
    (xs.len() > s.min_columns).then_some(xs)
}

/// A cell's text block: consecutive pieces of one column.
struct Block<'p> {
    col: usize,
    rect: Rect,
    pieces: Vec<&'p Piece>,
}

fn text_of(pieces: &[&Piece]) -> String {
    let mut out = String::new();
    let mut last_line = usize::MAX;
    for p in pieces {
        if !out.is_empty() {
            out.push(if p.line == last_line { ' ' } else { '\n' });
        }
        out.push_str(&p.text);
        last_line = p.line;
    }
    out
}

fn union(a: Rect, b: Rect) -> Rect {
    Rect { x0: a.x0.min(b.x0), y0: a.y0.min(b.y0), x1: a.x1.max(b.x1), y1: a.y1.max(b.y1) }
}

fn build(pieces: &[&Piece], xs: &[f32], lines: &[Line], s: &StreamSettings) -> Option<PageTable> {
    let cols = xs.len().saturating_sub(1);
    let col_of = |p: &Piece| {
        let c = (p.rect.x0 + p.rect.x1) / 2.0;
        xs.windows(2).position(|w| matches!(w, [a, b] if c >= *a && c <= *b)).unwrap_or(0)
    };
    let mut blocks: Vec<Block> = Vec::new();
    for col in 0..cols {
        let mut ps: Vec<&Piece> = pieces.iter().copied().filter(|p| col_of(p) == col).collect();
        ps.sort_by(|a, b| a.rect.y0.total_cmp(&b.rect.y0).then(a.rect.x0.total_cmp(&b.rect.x0)));
        // The gap between the lines of one cell is the column's most common one; cells are
        // further apart by their padding.
        let mut gaps: Vec<f32> = ps
            .windows(2)
            .filter_map(|w| match w {
                [a, b] if b.line != a.line => Some(b.rect.y0 - a.rect.y1),
                _ => None,
            })
            .filter(|g| *g >= 0.0)
            .collect();
        gaps.sort_by(f32::total_cmp);
        let base = gaps.get(gaps.len() / 4).copied();
        let mut open: Option<Block> = None;
        for p in ps {
            let height = lines.get(p.line).map(|l| l.bbox.height()).unwrap_or(10.0).max(1.0);
            let limit = match base {
                Some(b) => (b + (s.cell_gap * 0.3 * height).max(1.5)).min(s.cell_gap * height),
                None => s.cell_gap * height,
            };
            // A sequence id is a cell of its own, however close the next one is.
            let id = |q: &Piece| parse_id(&q.text).is_some();
            match open.as_mut() {
                Some(b) if p.rect.y0 - b.rect.y1 <= limit && !id(p) && !b.pieces.iter().any(|q| id(q)) => {
                    b.rect = union(b.rect, p.rect);
                    b.pieces.push(p);
                }
                _ => {
                    blocks.extend(open.take());
                    open = Some(Block { col, rect: p.rect, pieces: vec![p] });
                }
            }
        }
        blocks.extend(open);
    }
    // The rows: the column of sequence ids where there is one, else the column with the most cells.
    let ids = |c: usize| pieces.iter().filter(|p| col_of(p) == c && parse_id(&p.text).is_some()).count();
    let id_col = (0..cols).max_by_key(|&c| (ids(c), usize::MAX - c)).filter(|&c| ids(c) >= 3);
    let anchor = match id_col {
        Some(c) => c,
        None => (0..cols).max_by_key(|&c| (blocks.iter().filter(|b| b.col == c).count(), usize::MAX - c))?,
    };
    let mut anchors: Vec<Rect> = match id_col {
        Some(c) => pieces.iter().filter(|p| col_of(p) == c && parse_id(&p.text).is_some()).map(|p| p.rect).collect(),
        None => blocks.iter().filter(|b| b.col == anchor).map(|b| b.rect).collect(),
    };
    anchors.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    // Touching cells of several rows in one block, told apart by the ids they centre on.
    let centres: Vec<f32> = match id_col {
        Some(_) => anchors.iter().map(|a| (a.y0 + a.y1) / 2.0).collect(),
        None => Vec::new(),
    };
    let splits: Vec<Option<Vec<RowCell>>> = blocks.iter().map(|b| split_block(b, &centres)).collect();
    let top = blocks.iter().map(|b| b.rect.y0).fold(f32::MAX, f32::min);
    let bottom = blocks.iter().map(|b| b.rect.y1).fold(f32::MIN, f32::max);
    // The rest of a row cut by the page break, above the first id: a row of its own, so the
    // page join can add it to the row it belongs to. The header ends above it.
    let lead: Option<(f32, f32)> = splits
        .iter()
        .flatten()
        .filter_map(|groups| match groups.first() {
            Some((None, v)) => {
                let r = v.iter().map(|p| p.rect).reduce(union)?;
                Some((r.y0, r.y1))
            }
            _ => None,
        })
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let mut borders = vec![top];
    // A row above the first id (the header) ends where the fewest lines cross before it.
    let mut cuts: Vec<(f32, f32)> = Vec::new();
    if let Some(first) = anchors.first() {
        if first.y0 - top > 1.0 {
            // The header block of the anchor column, if any, ends the header row.
            let head_end = blocks.iter().filter(|b| b.col == anchor && b.rect.y1 <= first.y0).map(|b| b.rect.y1).fold(top, f32::max);
            match lead {
                Some((lead_top, lead_end)) if lead_top > head_end => {
                    cuts.push((head_end, lead_top));
                    let first_top = blocks.iter().filter(|b| b.rect.y0 > lead_end).map(|b| b.rect.y0).fold(first.y0, f32::min);
                    cuts.push((lead_end, first_top));
                }
                _ => cuts.push((head_end, first.y0)),
            }
        }
    }
    for w in anchors.windows(2) {
        if let [a, b] = w {
            cuts.push((a.y1, b.y0));
        }
    }
    for (from, to) in cuts {
        // Where the fewest lines of any column cross, in the middle of the widest such run.
        let steps = ((to - from).max(0.0) as usize * 2).clamp(1, 800);
        let ys: Vec<f32> = (0..=steps).map(|k| from + (to - from) * k as f32 / steps as f32).collect();
        let crossing: Vec<usize> = ys.iter().map(|&y| pieces.iter().filter(|p| p.rect.y0 < y && p.rect.y1 > y).count()).collect();
        // Lines of every column share one pitch, so many gaps are free of text: the border is
        // where cells end their sentences (touching cells of two rows) and the fewest lines
        // cross — a merged cell centred over several rows keeps its lines half a line off the
        // others and may cross the true border. Ties: the middle one.
        let ends_sentence = |y: f32| {
            pieces
                .iter()
                .filter(|p| p.rect.y1 <= y && y - p.rect.y1 <= 4.0 && ends_sentence(&p.text))
                .filter(|p| pieces.iter().any(|q| col_of(q) == col_of(p) && q.rect.y0 >= y && q.rect.y0 - y <= 4.0))
                .count()
        };
        let scores: Vec<i64> = ys.iter().zip(&crossing).map(|(&y, &n)| 2 * ends_sentence(y) as i64 - n as i64).collect();
        let Some(&top_score) = scores.iter().max() else { continue };
        let tied: Vec<usize> = scores.iter().enumerate().filter(|(_, &v)| v == top_score).map(|(k, _)| k).collect();
        if let Some(&y) = tied.get(tied.len() / 2).and_then(|&k| ys.get(k)) {
            borders.push(y);
        }
    }
    borders.push(bottom + 0.01);
    let mut rows: Vec<TableRow> = borders
        .windows(2)
        .map(|w| {
            let (y0, y1) = match w {
                [a, b] => (*a, *b),
                _ => (0.0, 0.0),
            };
            TableRow::new((0..cols).map(|_| Cell::text("")).collect(), y0, y1)
        })
        .collect();
    let row_of = |y: f32| rows.iter().position(|r| y >= r.y0 && y < r.y1);
    let mut placed: Vec<(usize, usize, Vec<&Piece>)> = Vec::new();
    for (b, split) in blocks.iter().zip(&splits) {
        let centre = |r: &Rect| (r.y0 + r.y1) / 2.0;
        if let Some(groups) = split {
            for (anchor, v) in groups {
                let y = match anchor.and_then(|a| centres.get(a)) {
                    Some(&c) => c,
                    None => v.iter().map(|p| p.rect).reduce(union).map(|r| centre(&r)).unwrap_or(b.rect.y0),
                };
                if let Some(r) = row_of(y) {
                    placed.push((r, b.col, v.clone()));
                }
            }
            continue;
        }
        // A block over several rows is cells of each row that touch (no padding) when each
        // part sits in the middle of its row; a merged cell sits in the middle of them all.
        let mut parts: Vec<(usize, Vec<&Piece>)> = Vec::new();
        for p in &b.pieces {
            let Some(r) = row_of(centre(&p.rect)) else { continue };
            match parts.last_mut() {
                Some((pr, v)) if *pr == r => v.push(p),
                _ => parts.push((r, vec![p])),
            }
        }
        let centred = parts.len() > 1
            && parts.iter().all(|(r, v)| {
                let Some(row) = rows.get(*r) else { return false };
                let rect = v.iter().map(|p| p.rect).reduce(union).unwrap_or(b.rect);
                let height = lines.get(v.first().map(|p| p.line).unwrap_or(0)).map(|l| l.bbox.height()).unwrap_or(10.0);
                (centre(&rect) - (row.y0 + row.y1) / 2.0).abs() <= 1.5 * height.max(1.0)
            })
            // A cell of its own ends its sentence; a merged cell's text cut at a row border
            // stops mid-sentence.
            && parts.iter().rev().skip(1).all(|(_, v)| {
                v.last().is_some_and(|p| ends_sentence(&p.text))
            });
        if centred {
            placed.extend(parts.into_iter().map(|(r, v)| (r, b.col, v)));
        } else if let Some(r) = row_of(centre(&b.rect)) {
            placed.push((r, b.col, b.pieces.clone()));
        }
    }
    for (r, col, v) in placed {
        let Some(cell) = rows.get_mut(r).and_then(|row| row.cells.get_mut(col)) else { continue };
        if !cell.text.is_empty() {
            cell.text.push('\n');
        }
        cell.text.push_str(&text_of(&v));
        let rect = v.iter().map(|p| p.rect).reduce(union);
        if let Some(rc) = rect {
            cell.bbox = Some(BBox { x0: rc.x0, y0: rc.y0, x1: rc.x1, y1: rc.y1 });
        }
    }
    rows.retain(|r| r.cells.iter().any(|c| !c.is_empty()));
    let bbox = Rect { x0: xs.first().copied().unwrap_or(0.0), y0: top, x1: xs.last().copied().unwrap_or(0.0), y1: bottom };
    Some(PageTable { bbox, xs: xs.to_vec(), rows, ruled: false, open_top: Vec::new() })
}

/// One row's cell of a split block: the id it is centred on (`None`: the rest of a cut row)
/// and its pieces.
type RowCell<'p> = (Option<usize>, Vec<&'p Piece>);

/// A block whose lines are the touching cells of several rows, split into them by the ids
/// they are centred on ([`super::centred`]): each group with its anchor (`None` for the rest of
/// a row cut by the page break). `None` when the block is one cell or cannot be split so.
fn split_block<'p>(b: &Block<'p>, centres: &[f32]) -> Option<Vec<RowCell<'p>>> {
    if centres.is_empty() || b.pieces.iter().any(|p| parse_id(&p.text).is_some()) {
        return None;
    }
    // The block's lines: pieces of one printed line together.
    let mut lines: Vec<Vec<&'p Piece>> = Vec::new();
    for &p in &b.pieces {
        match lines.last_mut() {
            Some(l) if l.first().is_some_and(|q| q.line == p.line) => l.push(p),
            _ => lines.push(vec![p]),
        }
    }
    let run: Vec<RunLine> = lines
        .iter()
        .map(|l| RunLine {
            top: l.iter().map(|p| p.rect.y0).fold(f32::MAX, f32::min),
            bottom: l.iter().map(|p| p.rect.y1).fold(f32::MIN, f32::max),
            ends: l.last().is_some_and(|p| ends_sentence(&p.text)),
        })
        .collect();
    let groups = split_run(&run, centres)?;
    Some(groups.into_iter().map(|g| (g.anchor, lines.get(g.lines.0..g.lines.1).unwrap_or(&[]).iter().flatten().copied().collect())).collect())
}
