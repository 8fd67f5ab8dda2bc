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
    /// Characters read (after fake-bold doubles), segments drawn, images painted.
    pub chars: usize,
    pub segments: usize,
    pub images: u32,
    /// No text layer, but images over much of the page: a scan.
    pub scanned: bool,
}

/// Share of the page images must cover for a page without text to count as a scan.
const SCAN_COVER: f32 = 0.25;

pub fn lay_out(number: u32, size: (f32, f32), marks: &PageMarks, s: &PdfSettings) -> PageLayout {
    let page = Rect { x0: 0.0, y0: 0.0, x1: size.0, y1: size.1 };
    // Characters outside the visible page (clipped away by the crop box) are not read.
    let chars: &[PageChar] = &marks.chars;
    let visible: Vec<usize> = (0..chars.len())
        .filter(|&i| chars.get(i).is_some_and(|c| page.contains(c.bbox.center()) && !c.ch.is_control()))
        .collect();
    let lattices = find_lattices(&marks.segments, &s.lattice);
    let mut inside: Vec<Vec<usize>> = vec![Vec::new(); lattices.len()];
    let mut prose = Vec::new();
    for &i in &visible {
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
    let mut items: Vec<PageItem> = Vec::new();
    for (lattice, members) in lattices.iter().zip(&inside) {
        let table = from_lattice(lattice, chars, members, &s.layout);
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
        scanned,
    }
}
