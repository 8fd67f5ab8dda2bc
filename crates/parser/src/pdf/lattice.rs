//! Ruling lines into table lattices, with merged cells as spans.
//!
//! 1. **Snap**: segments whose positions lie within [`LatticeSettings::snap`] of each other are
//!    one rule (a double border, a border drawn once per cell with rounding noise).
//! 2. **Join**: collinear pieces with gaps up to [`LatticeSettings::join`] are one line (Word
//!    and LibreOffice draw a border per cell edge).
//! 3. **Tables**: lines that cross or touch (within [`LatticeSettings::intersect`]) form one
//!    table; a table needs two horizontal and two vertical lines and more than one cell (a
//!    box round a paragraph is no table).
//!    Vertical rules that reach past the outermost horizontal ones bound the table too: a
//!    row cut by a page break may have no rule drawn on its cut side.
//! 4. **Cells**: the table's distinct line positions cut it into a grid of slots; a slot
//!    boundary with no line drawn along at least [`LatticeSettings::min_cover`] of it is
//!    inside a merged cell, so neighbouring slots join into one cell with a row or column span.

use super::geom::Rect;
use super::interp::Segment;

/// The tolerances of lattice building, in PDF points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatticeSettings {
    /// Rules closer than this are one.
    pub snap: f32,
    /// Collinear pieces this close are one line.
    pub join: f32,
    /// A line reaching this close to another meets it.
    pub intersect: f32,
    /// Share of a slot edge a line must cover to separate two slots.
    pub min_cover: f32,
    /// Rules shorter than this are ignored (dots, underline specks).
    pub min_length: f32,
}

impl Default for LatticeSettings {
    fn default() -> Self {
        LatticeSettings { snap: 2.5, join: 3.0, intersect: 3.0, min_cover: 0.5, min_length: 2.0 }
    }
}

/// A straight rule after snapping and joining: `pos` is y for horizontal lines, x for vertical
/// ones; `from..to` the extent along it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub pos: f32,
    pub from: f32,
    pub to: f32,
}

/// One cell of a lattice: its top-left slot and how many slots it spans.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatticeCell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub rect: Rect,
}

/// A table found from its rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Lattice {
    /// Column boundaries, left to right (one more than the columns).
    pub xs: Vec<f32>,
    /// Row boundaries, top to bottom (one more than the rows).
    pub ys: Vec<f32>,
    /// Cells in reading order (by top-left slot).
    pub cells: Vec<LatticeCell>,
    /// Per column, whether no rule is drawn along the top of the first row's slot: the cell
    /// goes on from the page before (WeasyPrint slices the borders of a cell cut by a page
    /// break; a row cut whole has every slot open).
    pub open_top: Vec<bool>,
}

impl Lattice {
    pub fn bbox(&self) -> Rect {
        let first = |v: &[f32]| v.first().copied().unwrap_or(0.0);
        let last = |v: &[f32]| v.last().copied().unwrap_or(0.0);
        Rect { x0: first(&self.xs), y0: first(&self.ys), x1: last(&self.xs), y1: last(&self.ys) }
    }
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }
    pub fn cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }
    /// The cell whose rectangle holds the point.
    pub fn cell_at(&self, p: (f32, f32)) -> Option<usize> {
        let col = self.xs.windows(2).position(|w| matches!(w, [a, b] if p.0 >= *a && p.0 < *b))?;
        let row = self.ys.windows(2).position(|w| matches!(w, [a, b] if p.1 >= *a && p.1 < *b))?;
        self.cells.iter().position(|c| row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span)
    }
}

/// Clusters sorted values that chain within `tol`; returns each cluster's mean.
fn cluster(mut values: Vec<f32>, tol: f32) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    let mut last: Option<f32> = None;
    for v in values {
        match (last, out.last_mut()) {
            (Some(l), Some((sum, n))) if v - l <= tol => {
                *sum += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
        last = Some(v);
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

/// Snaps and joins segments of one orientation into rules.
fn rules(segments: impl Iterator<Item = (f32, f32, f32)>, s: &LatticeSettings) -> Vec<Rule> {
    let mut segs: Vec<(f32, f32, f32)> = segments.filter(|(_, a, b)| b - a >= s.min_length).collect();
    segs.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Snap: positions chaining within `snap` take their cluster's mean.
    let mut snapped: Vec<(f32, f32, f32)> = Vec::with_capacity(segs.len());
    let mut group: Vec<(f32, f32, f32)> = Vec::new();
    let flush = |group: &mut Vec<(f32, f32, f32)>, out: &mut Vec<(f32, f32, f32)>| {
        if group.is_empty() {
            return;
        }
        let mean = group.iter().map(|g| g.0).sum::<f32>() / group.len() as f32;
        out.extend(group.drain(..).map(|(_, a, b)| (mean, a, b)));
    };
    for seg in segs {
        if let Some(last) = group.last() {
            if seg.0 - last.0 > s.snap {
                flush(&mut group, &mut snapped);
            }
        }
        group.push(seg);
    }
    flush(&mut group, &mut snapped);
    // Join collinear pieces.
    snapped.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<Rule> = Vec::new();
    for (pos, from, to) in snapped {
        match out.last_mut() {
            Some(r) if r.pos == pos && from <= r.to + s.join => r.to = r.to.max(to),
            _ => out.push(Rule { pos, from, to }),
        }
    }
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = gp;
        }
        i = p;
    }
    i
}

/// The lattices a page's segments draw, top to bottom.
pub fn find_lattices(segments: &[Segment], s: &LatticeSettings) -> Vec<Lattice> {
    let hs = rules(segments.iter().filter(|g| g.is_horizontal()).map(|g| (g.y0, g.x0, g.x1)), s);
    let vs = rules(segments.iter().filter(|g| !g.is_horizontal()).map(|g| (g.x0, g.y0, g.y1)), s);
    let n = hs.len() + vs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let t = s.intersect;
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            let meets = v.pos >= h.from - t && v.pos <= h.to + t && h.pos >= v.from - t && h.pos <= v.to + t;
            if meets {
                let (a, b) = (find(&mut parent, i), find(&mut parent, hs.len() + j));
                if let Some(slot) = parent.get_mut(a) {
                    *slot = b;
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for (i, h) in hs.iter().enumerate() {
        groups.entry(find(&mut parent, i)).or_default().0.push(*h);
    }
    for (j, v) in vs.iter().enumerate() {
        groups.entry(find(&mut parent, hs.len() + j)).or_default().1.push(*v);
    }
    let mut out: Vec<Lattice> = groups.into_values().filter_map(|(h, v)| lattice_of(&h, &v, s)).collect();
    out.sort_by(|a, b| a.bbox().y0.total_cmp(&b.bbox().y0));
    out
}

/// Length of `[from, to]` that the rules at `pos` cover.
fn covered(rules: &[Rule], pos: f32, from: f32, to: f32, tol: f32) -> f32 {
    rules
        .iter()
        .filter(|r| (r.pos - pos).abs() <= tol)
        .map(|r| (r.to.min(to) - r.from.max(from)).max(0.0))
        .sum()
}

fn lattice_of(hs: &[Rule], vs: &[Rule], s: &LatticeSettings) -> Option<Lattice> {
    if hs.len() < 2 || vs.len() < 2 {
        return None;
    }
    let mut ys = cluster(hs.iter().map(|r| r.pos).collect(), s.snap);
    let xs = cluster(vs.iter().map(|r| r.pos).collect(), s.snap);
    // A row cut by a page break may have no rule on the cut side (WeasyPrint slices the
    // cell's borders): the vertical rules reaching past the last horizontal one bound it.
    let v_top = vs.iter().map(|r| r.from).fold(f32::MAX, f32::min);
    let v_bottom = vs.iter().map(|r| r.to).fold(f32::MIN, f32::max);
    let virtual_top = ys.first().is_some_and(|&y| v_top < y - 2.0 * s.snap);
    if virtual_top {
        ys.insert(0, v_top);
    }
    if ys.last().is_some_and(|&y| v_bottom > y + 2.0 * s.snap) {
        ys.push(v_bottom);
    }
    if ys.len() < 2 || xs.len() < 2 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    let at = |v: &[f32], i: usize| v.get(i).copied().unwrap_or(0.0);
    // Is there a line between slot (r, c) and its right / lower neighbour?
    let v_edge = |r: usize, c: usize| {
        let (y0, y1) = (at(&ys, r), at(&ys, r + 1));
        covered(vs, at(&xs, c + 1), y0, y1, s.snap) >= s.min_cover * (y1 - y0)
    };
    let h_edge = |r: usize, c: usize| {
        let (x0, x1) = (at(&xs, c), at(&xs, c + 1));
        covered(hs, at(&ys, r + 1), x0, x1, s.snap) >= s.min_cover * (x1 - x0)
    };
    let mut taken = vec![false; rows * cols];
    let mut cells = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if taken.get(r * cols + c).copied().unwrap_or(true) {
                continue;
            }
            let mut cs = 1;
            while c + cs < cols && !v_edge(r, c + cs - 1) && !taken.get(r * cols + c + cs).copied().unwrap_or(true) {
                cs += 1;
            }
            let mut rs = 1;
            while r + rs < rows && (c..c + cs).all(|cc| !h_edge(r + rs - 1, cc) && !taken.get((r + rs) * cols + cc).copied().unwrap_or(true)) {
                rs += 1;
            }
            for rr in r..r + rs {
                for cc in c..c + cs {
                    if let Some(t) = taken.get_mut(rr * cols + cc) {
                        *t = true;
                    }
                }
            }
            let rect = Rect { x0: at(&xs, c), y0: at(&ys, r), x1: at(&xs, c + cs), y1: at(&ys, r + rs) };
            cells.push(LatticeCell { row: r, col: c, row_span: rs, col_span: cs, rect });
        }
    }
    if cells.len() < 2 {
        return None;
    }
    let top = at(&ys, 0);
    let open_top = (0..cols)
        .map(|c| {
            let (x0, x1) = (at(&xs, c), at(&xs, c + 1));
            virtual_top || covered(hs, top, x0, x1, s.snap) < s.min_cover * (x1 - x0)
        })
        .collect();
    Some(Lattice { xs, ys, cells, open_top })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f32, x0: f32, x1: f32) -> Segment {
        Segment { x0, y0: y, x1, y1: y }
    }
    fn v(x: f32, y0: f32, y1: f32) -> Segment {
        Segment { x0: x, y0, x1: x, y1 }
    }

    /// A 3×3 table drawn a segment per cell edge, as LibreOffice does, whose left column's
    /// lower two slots are one merged cell and whose top row's right two slots are one.
    fn table() -> Vec<Segment> {
        let mut s = Vec::new();
        for (i, y) in [0.0f32, 10.0, 20.0, 30.0].iter().enumerate() {
            for (j, x) in [0.0f32, 50.0, 100.0].iter().enumerate() {
                // No line between the merged left slots (row boundary 2, column 0).
                if i == 2 && j == 0 {
                    continue;
                }
                s.push(h(*y + 0.2 * j as f32, *x, x + 50.0));
            }
        }
        for (j, x) in [0.0f32, 50.0, 100.0, 150.0].iter().enumerate() {
            for (i, y) in [0.0f32, 10.0, 20.0].iter().enumerate() {
                // No line between the merged top-right slots (column boundary 2, row 0).
                if j == 2 && i == 0 {
                    continue;
                }
                s.push(v(*x, *y, y + 10.0));
            }
        }
        s
    }

    #[test]
    fn missing_inner_lines_are_merged_cells() {
        let got = find_lattices(&table(), &LatticeSettings::default());
        assert_eq!(got.len(), 1);
        let l = &got[0];
        assert_eq!((l.rows(), l.cols()), (3, 3));
        let spans: Vec<(usize, usize, usize, usize)> = l.cells.iter().map(|c| (c.row, c.col, c.row_span, c.col_span)).collect();
        assert_eq!(spans, [(0, 0, 1, 1), (0, 1, 1, 2), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]);
        assert_eq!(l.cell_at((10.0, 25.0)), Some(2));
    }

    #[test]
    fn a_box_round_a_paragraph_is_no_table() {
        let frame = [h(0.0, 0.0, 100.0), h(50.0, 0.0, 100.0), v(0.0, 0.0, 50.0), v(100.0, 0.0, 50.0)];
        assert!(find_lattices(&frame, &LatticeSettings::default()).is_empty());
    }

    #[test]
    fn separate_tables_stay_apart() {
        let mut segs = table();
        segs.extend(table().into_iter().map(|s| Segment { y0: s.y0 + 100.0, y1: s.y1 + 100.0, ..s }));
        let got = find_lattices(&segs, &LatticeSettings::default());
        assert_eq!(got.len(), 2);
        assert!(got[0].bbox().y0 < got[1].bbox().y0);
    }
}
