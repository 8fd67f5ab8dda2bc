//! `zhibiao debug FILE.pdf`: what each page held — its lattices (rows × columns, merged
//! cells), the words of each cell, the prose lines — and what joining the pages did. After a
//! cell's text, `¶N` says its last line leaves room for N more characters and `▼` that it runs
//! to the cell's bottom (see [`super::table::Fill`]).

use std::fmt::Write;

use super::page::{PageItem, PageLayout};
use super::PdfRead;

fn clip(s: &str, n: usize) -> String {
    let s = s.replace('\n', "⏎").replace('\u{2028}', "↩");
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n).collect::<String>())
    } else {
        s
    }
}

/// The per-page view, printed before the grid.
pub fn render(read: &PdfRead) -> String {
    let mut out = String::new();
    for p in &read.pages {
        page(&mut out, p);
    }
    let _ = writeln!(out, "== pages joined ==");
    if read.notes.is_empty() {
        let _ = writeln!(out, "(nothing joined or left out)");
    }
    for n in &read.notes {
        let _ = writeln!(out, "{n}");
    }
    out.push('\n');
    out
}

fn page(out: &mut String, p: &PageLayout) {
    let _ = writeln!(
        out,
        "== page {} ({:.0}×{:.0} pt): {} chars, {} rule segments, {} image(s), {} glyph(s) clipped{} ==",
        p.number,
        p.size.0,
        p.size.1,
        p.chars,
        p.segments,
        p.images,
        p.clipped,
        if p.scanned { "; a scan: needs OCR" } else { "" }
    );
    for (k, l) in p.lattices.iter().enumerate() {
        let merged = l.cells.iter().filter(|c| c.row_span > 1 || c.col_span > 1).count();
        let b = l.bbox();
        let _ = writeln!(
            out,
            "lattice {k}: {} rows × {} columns at ({:.0},{:.0})–({:.0},{:.0}), {} cells, {merged} merged; columns at x = {}",
            l.rows(),
            l.cols(),
            b.x0,
            b.y0,
            b.x1,
            b.y1,
            l.cells.len(),
            l.xs.iter().map(|x| format!("{x:.0}")).collect::<Vec<_>>().join(" ")
        );
        for c in l.cells.iter().filter(|c| c.row_span > 1 || c.col_span > 1) {
            let _ = writeln!(out, "  merged: row {} col {} spans {} row(s) × {} column(s)", c.row, c.col, c.row_span, c.col_span);
        }
    }
    for item in &p.items {
        match item {
            PageItem::Line(l) => {
                let _ = writeln!(out, "  y {:>5.0} line  {}", l.bbox.y0, clip(&l.text, 70));
            }
            PageItem::Table(t) => {
                let how = if t.ruled { "ruled" } else { "from text alignment" };
                let _ = writeln!(out, "  y {:>5.0} table ({how}), {} rows:", t.bbox.y0, t.rows.len());
                for (r, row) in t.rows.iter().enumerate() {
                    let cells: Vec<String> = row
                        .cells
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| !c.is_empty() || c.row_span > 1)
                        .map(|(i, c)| {
                            let span = if c.row_span > 1 { format!("↓{}", c.row_span) } else { String::new() };
                            let f = row.fill(i);
                            let room = if f.room_after >= 1.0 && !c.is_empty() { format!("¶{:.0}", f.room_after.floor()) } else { String::new() };
                            let bottom = if f.to_bottom && !c.is_empty() { "▼" } else { "" };
                            format!("[{i}{span}]{}{room}{bottom}", clip(&c.text, 40))
                        })
                        .collect();
                    let _ = writeln!(out, "    row {r:>3} y {:>5.0}: {}", row.y0, cells.join(" "));
                }
            }
        }
    }
}
