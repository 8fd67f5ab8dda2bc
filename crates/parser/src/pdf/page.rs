//! One page's marks into what a reader sees: lines of prose and tables, top to bottom.
//!
//! Tables come from the ruling lines first ([`super::lattice`]); characters inside a lattice
//! belong to its cells, the others are prose. Where prose lines line up in columns with no
//! rules drawn, [`super::stream`] finds the table from the alignment alone.

use super::geom::Rect;
use super::interp::{PageChar, PageMarks};
use super::lattice::{find_lattices, Lattice};
use super::layout::{lines, Line};
use super::stream;
use super::table::{from_lattice, PageTable};
use super::PdfSettings;

/// An element of a page in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum PageItem {
    Line(Line),
    Table(PageTable),
}

impl PageItem {
    pub fn top(&self) -> f32 {
        match self {
            PageItem::Line(l) => l.bbox.y0,
            PageItem::Table(t) => t.bbox.y0,
        }
    }
}

/// What a page holds, for the grid and for `zhibiao debug`.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLayout {
    /// 1-based page number.
    pub number: u32,
    /// Width and height as displayed.
    pub size: (f32, f32),
    pub items: Vec<PageItem>,
    /// The lattices found, for the debug view.
    pub lattices: Vec<Lattice>,
    /// Visible characters read (fake-bold doubles still counted), rule segments drawn, images painted.
    pub chars: usize,
    pub segments: usize,
    pub images: u32,
    /// Glyphs a clip path cut through (text cut off at a cell's edge).
    pub clipped: usize,
    /// No text layer, but images over much of the page: a scan.
    pub scanned: bool,
}

/// Share of the page images must cover for a page without text to count as a scan.
const SCAN_COVER: f32 = 0.25;

/// Characters inside each lattice, and the others.
fn split_by_lattice(chars: &[PageChar], visible: &[usize], lattices: &[Lattice]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut inside: Vec<Vec<usize>> = vec![Vec::new(); lattices.len()];
    let mut prose = Vec::new();
    for &i in visible {
        let Some(c) = chars.get(i) else { continue };
        let center = c.bbox.center();
        match lattices.iter().position(|l| l.bbox().contains(center)) {
            Some(k) => {
                if let Some(v) = inside.get_mut(k) {
                    v.push(i);
                }
            }
            None => prose.push(i),
        }
    }
    (inside, prose)
}

/// Moves a lattice's bottom edge down over the lines right under it whose words each stay
/// inside one of its columns (within a line height of each other): the rest of a last row
/// that the page break cut and the producer drew without rules. A line that crosses a column
/// boundary (a note under the table) stops it.
fn extend_over_cut_row(lattice: &mut Lattice, lines: &[Line]) {
    let b = lattice.bbox();
    let xs = lattice.xs.clone();
    let fits = |l: &Line| {
        !l.words.is_empty()
            && l.words.iter().all(|w| xs.windows(2).any(|c| matches!(c, [a, z] if w.x0 >= *a - 1.0 && w.x1 <= *z + 1.0)))
    };
    let mut bottom = b.y1;
    for l in lines.iter().filter(|l| l.bbox.y0 >= b.y1 - 1.0 && l.bbox.x0 >= b.x0 - 1.0 && l.bbox.x1 <= b.x1 + 1.0) {
        if l.bbox.y0 - bottom > l.bbox.height().max(1.0) || !fits(l) {
            break;
        }
        bottom = l.bbox.y1 + 0.5;
    }
    if bottom > b.y1 {
        if let Some(last) = lattice.ys.last_mut() {
            *last = bottom;
        }
        let rows = lattice.rows();
        for c in lattice.cells.iter_mut().filter(|c| c.row + c.row_span == rows) {
            c.rect.y1 = bottom;
        }
    }
}

pub fn lay_out(number: u32, size: (f32, f32), marks: &PageMarks, s: &PdfSettings) -> PageLayout {
    let page = Rect { x0: 0.0, y0: 0.0, x1: size.0, y1: size.1 };
    // Characters outside the visible page (clipped away by the crop box) are not read.
    let chars: &[PageChar] = &marks.chars;
    let visible: Vec<usize> = (0..chars.len())
        .filter(|&i| chars.get(i).is_some_and(|c| page.contains(c.bbox.center()) && !c.ch.is_control()))
        .collect();
    let mut lattices = find_lattices(&marks.segments, &s.lattice);
    let (_, prose) = split_by_lattice(chars, &visible, &lattices);
    // A row cut by the page break may run on past the table's last rule with no rules at all
    // (WeasyPrint): lines right under it whose words each stay inside one column are its rest.
    let prose_lines = lines(chars, &prose, &s.layout);
    for lattice in &mut lattices {
        extend_over_cut_row(lattice, &prose_lines);
    }
    let (inside, prose) = split_by_lattice(chars, &visible, &lattices);
    let mut items: Vec<PageItem> = Vec::new();
    for (lattice, members) in lattices.iter().zip(&inside) {
        let table = from_lattice(lattice, chars, members, &marks.clipped, &s.layout);
        if !table.rows.is_empty() {
            items.push(PageItem::Table(table));
        }
    }
    let prose_lines = lines(chars, &prose, &s.layout);
    let (tables, rest) = stream::find_tables(prose_lines, &s.stream);
    items.extend(tables.into_iter().map(PageItem::Table));
    items.extend(rest.into_iter().map(PageItem::Line));
    items.sort_by(|a, b| a.top().total_cmp(&b.top()));
    let page_area = (size.0 * size.1).max(1.0);
    let scanned = visible.is_empty() && marks.images > 0 && marks.image_area >= SCAN_COVER * page_area;
    PageLayout {
        number,
        size,
        items,
        lattices,
        chars: visible.len(),
        segments: marks.segments.len(),
        images: marks.images,
        clipped: marks.clipped.len(),
        scanned,
    }
}
