//! Pages into one document: page furniture left out, tables continued across pages joined
//! into one, and the result emitted as grid blocks.
//!
//! - **Furniture**: a page number (`- 3 -`, `第 3 页`, `3/12`) at the top or bottom of a page
//!   is dropped; a line that starts or ends two or more pages (a running header or footer) is
//!   kept once, where it first appears.
//! - **Continued tables**: a table that opens a page continues the one that closed the
//!   previous page when both have the same columns (within [`JoinSettings::column_tolerance`]),
//!   or when a `续表` / `（续）` line says so and the column count agrees. Then:
//!   1. its first rows that repeat the table's header rows are dropped;
//!   2. a first row without a sequence id under a last row with one is the rest of that row,
//!      cut by the page break: its text is added to that row's cells;
//!   3. an empty cell in the first row, under a cell with text, continues that (merged)
//!      cell: Word and LibreOffice print a merged cell's text on the first page only; so does
//!      a cell with no rule above it (WeasyPrint flows a merged cell's text on to the next
//!      page and leaves the cut side open), and a cell whose text goes on with the text above
//!      (LibreOffice flows it too), its text added to the cell's. Text goes on where the next
//!      part cannot open a cell (`（4分）`), or where the part above cannot end one within an
//!      indicator group — unless its last line had room for what opens the next part: text
//!      that runs on fills its lines, so `依法行⏎政` ended there and `高效行⏎政` is a label of
//!      its own;
//!   4. a list of names or units says neither: it goes on where its cell covers the same rows
//!      as a merged cell of the same row that goes on (starting on the same row above the
//!      break, spanning as many below it), runs to the bottom of its row beside a cell of the
//!      row's own that does too, and names no one twice; such a join is reported
//!      (`page_break_list_joined`), being a judgement (`join_cells.rs`).
//!
//! - **Paragraphs**: a prose line that runs to the right margin and is followed, right below,
//!   by one that starts at the left margin wrapped: the two are one paragraph.
//!
//! Every join is noted for `zhibiao debug`.

use super::layout::Line;
use super::page::{PageItem, PageLayout};
use super::table::PageTable;
use crate::grid::{Block, GridRow, Paragraph, SourcePos};
use join_cells::{continue_table, row_id};
use zhibiao_model::{Issue, Location, Severity};
use zhibiao_normalize::classify::is_page_number;
use zhibiao_normalize::text::squash;

#[path = "join_cells.rs"]
mod join_cells;

/// The tolerances of joining pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JoinSettings {
    /// Column boundaries this close (points) are the same column on two pages.
    pub column_tolerance: f32,
    /// How many rows at the top of a table can be its header.
    pub max_header_rows: usize,
    /// A vertical gap between two prose lines larger than this share of the line height
    /// separates paragraphs (a break in the grid).
    pub paragraph_gap: f32,
    /// A cell's last line above a page break ended its paragraph when it leaves room for what
    /// opens the next page's part plus this much (× font size): text that runs on fills its
    /// lines, give or take the measure of the cell's width.
    pub line_fit_slack: f32,
}

impl Default for JoinSettings {
    fn default() -> Self {
        JoinSettings { column_tolerance: 3.0, max_header_rows: 4, paragraph_gap: 0.9, line_fit_slack: 0.5 }
    }
}

/// What joining produced.
#[derive(Debug, Default)]
pub struct Joined {
    pub blocks: Vec<Block>,
    /// What was joined or dropped and why, for the debug view.
    pub notes: Vec<String>,
    /// Joins that were a judgement (a list of names taken as the rest of a cut merged cell),
    /// for the document's issues.
    pub issues: Vec<Issue>,
}

/// A table and the page of each of its rows.
struct DocTable {
    table: PageTable,
    pages: Vec<u32>,
}

enum DocItem {
    Line(Line, u32),
    Table(DocTable),
    PageEnd(u32),
}

fn is_continuation_mark(text: &str) -> bool {
    let s = squash(text);
    let s = s.trim_start_matches("附件").trim_start_matches(|c: char| c.is_ascii_digit());
    s.starts_with("续表") || s.starts_with("（续") || s.starts_with("(续") || s == "续" || s.ends_with("（续）") || s.ends_with("(续)")
}

/// A line's text with digits taken out, to find running headers whose page number changes.
fn furniture_key(text: &str) -> String {
    squash(text).chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// The items of each page that are not page furniture.
fn without_furniture<'p>(pages: &'p [PageLayout], notes: &mut Vec<String>) -> Vec<Vec<&'p PageItem>> {
    // Lines at the top or bottom two places of a page.
    let edge = |p: &'p PageLayout| -> Vec<(usize, &'p Line)> {
        let n = p.items.len();
        p.items
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 2 || *i + 2 >= n)
            .filter_map(|(i, it)| if let PageItem::Line(l) = it { Some((i, l)) } else { None })
            .collect()
    };
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for p in pages {
        let mut seen = std::collections::HashSet::new();
        for (_, l) in edge(p) {
            let key = furniture_key(&l.text);
            if !key.is_empty() && seen.insert(key.clone()) {
                *counts.entry(key).or_insert(0) += 1;
            }
        }
    }
    let mut kept_once = std::collections::HashSet::new();
    pages
        .iter()
        .map(|p| {
            let drop: Vec<usize> = edge(p)
                .into_iter()
                .filter(|(_, l)| {
                    if is_page_number(&l.text) {
                        notes.push(format!("page {}: page number '{}' left out", p.number, l.text));
                        return true;
                    }
                    let key = furniture_key(&l.text);
                    let running = pages.len() > 1 && counts.get(&key).copied().unwrap_or(0) >= 2;
                    if running && !kept_once.insert(key) {
                        notes.push(format!("page {}: running header/footer '{}' left out (kept where it first appears)", p.number, l.text));
                        return true;
                    }
                    false
                })
                .map(|(i, _)| i)
                .collect();
            p.items.iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, it)| it).collect()
        })
        .collect()
}

fn same_columns(a: &PageTable, b: &PageTable, tol: f32) -> bool {
    // Columns found from text alignment sit where the text is, not where rules are: looser.
    let tol = if a.ruled && b.ruled { tol } else { tol * UNRULED_SLACK };
    a.xs.len() == b.xs.len() && a.xs.iter().zip(&b.xs).all(|(x, y)| (x - y).abs() <= tol)
}

/// How much looser column positions may differ between tables found without rules.
const UNRULED_SLACK: f32 = 5.0;

/// Joins the pages and emits the grid blocks.
pub fn assemble(pages: &[PageLayout], s: &JoinSettings) -> Joined {
    let mut notes = Vec::new();
    let mut issues = Vec::new();
    let kept = without_furniture(pages, &mut notes);
    let mut items: Vec<DocItem> = Vec::new();
    for (page, page_items) in pages.iter().zip(kept) {
        let mut marked = false;
        let mut at_top = true;
        for item in page_items {
            match item {
                PageItem::Line(l) if at_top && is_continuation_mark(&l.text) => {
                    marked = true;
                    notes.push(format!("page {}: '{}' marks a continued table", page.number, l.text));
                }
                PageItem::Line(l) => {
                    at_top = false;
                    items.push(DocItem::Line(l.clone(), page.number));
                }
                PageItem::Table(t) => {
                    let continues = at_top && items.len() >= 2 && {
                        let before = items.len() - 2;
                        matches!((items.get(before), items.last()), (Some(DocItem::Table(prev)), Some(DocItem::PageEnd(_)))
                            if same_columns(&prev.table, t, s.column_tolerance)
                                || (marked && prev.table.xs.len() == t.xs.len()))
                    };
                    at_top = false;
                    if continues {
                        items.pop();
                        if let Some(DocItem::Table(prev)) = items.last_mut() {
                            notes.push(format!("page {}: the table continues the one on page {}", page.number, prev.pages.last().copied().unwrap_or(0)));
                            continue_table(prev, t.clone(), page.number, s, &mut notes, &mut issues);
                        }
                    } else {
                        let pages_of = vec![page.number; t.rows.len()];
                        items.push(DocItem::Table(DocTable { table: t.clone(), pages: pages_of }));
                    }
                }
            }
        }
        items.push(DocItem::PageEnd(page.number));
    }
    // Each page's text margins, to tell a wrapped line from the end of a paragraph.
    let margins: std::collections::HashMap<u32, (f32, f32)> = pages
        .iter()
        .map(|p| {
            let lines = p.items.iter().filter_map(|i| if let PageItem::Line(l) = i { Some(l) } else { None });
            let (mut left, mut right) = (f32::MAX, f32::MIN);
            for l in lines {
                left = left.min(l.bbox.x0);
                right = right.max(l.bbox.x1);
            }
            (p.number, (left, right))
        })
        .collect();
    for item in &items {
        if let DocItem::Table(t) = item {
            report_cut_off(t, &mut issues);
        }
    }
    Joined { blocks: emit(&items, &margins, s), notes, issues }
}

/// Cells whose text their row's fixed height cut off ([`super::table::Fill::cut_off`]): what
/// did not fit is not in the PDF, or only half drawn, so the value read may be short. Each
/// row the cell covers is reported. A line across a rule says so for certain, and says that
/// the table's rows have fixed heights; only then is a cell that fills its cell to the bottom
/// and stops mid-sentence taken as cut too (in a table whose rows grow with their text, the
/// tallest cell of every row fills it). At the bottom of a page such a cell is as likely cut
/// by the page break (its text goes on over the page) and is not reported.
fn report_cut_off(t: &DocTable, issues: &mut Vec<Issue>) {
    let rows = &t.table.rows;
    // Each cut cell: its row, column, whether it ends a page and whether a line crosses a rule.
    let mut cut: Vec<(usize, usize, usize, bool, bool)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let fill = row.fill(c);
            if cell.merged_from_above || cell.merged_from_left || cell.is_empty() || !fill.cut_off() {
                continue;
            }
            let page = t.pages.get(r).copied();
            let span = (cell.row_span.max(1) as usize).min(rows.len().saturating_sub(r)).max(1);
            let on_page = (r..r + span).take_while(|&k| t.pages.get(k).copied() == page).count().max(1);
            let page_end = t.pages.get(r + on_page).copied() != page;
            cut.push((r, c, span, page_end, fill.crosses_rule));
        }
    }
    // A line across a rule inside a page: the rows have fixed heights (across the page's
    // last rule it may be a cell the page break cut, as LibreOffice draws them).
    let fixed = cut.iter().any(|&(_, _, _, page_end, crosses)| crosses && !page_end);
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (r, c, span, page_end, crosses) in cut {
        if !(crosses || (fixed && !page_end)) {
            continue;
        }
        let Some(cell) = rows.get(r).and_then(|row| row.cells.get(c)) else { continue };
        let page = t.pages.get(r).copied().unwrap_or(0);
        // The rows it covers; a row without an id is the rest of the one above.
        let mut ids: Vec<String> = (r..r + span).filter_map(|k| rows.get(k).and_then(row_id)).collect();
        if ids.is_empty() {
            ids.extend((0..r).rev().find_map(|k| rows.get(k).and_then(row_id)));
        }
        let text: String = cell.text.split('\n').next_back().unwrap_or("").chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
        for id in ids {
            if seen.contains(&(id.clone(), c)) {
                continue;
            }
            seen.push((id.clone(), c));
            let how = if crosses { "runs over its row's rule" } else { "fills its cell and stops mid-sentence" };
            let mut issue = Issue::new(
                Severity::Warning,
                "pdf_text_cut_off",
                format!("{id}: the text of the cell in column {} on page {page} {how} ('…{text}'): a fixed row height or the page break cut it off and what did not fit is not in the PDF; the value may be incomplete", c + 1),
            )
            .record(id);
            issue.location = Some(Location { line: None, page: Some(page), column: Some(c as u32 + 1) });
            issues.push(issue);
        }
    }
}

/// True when `next` goes on with the paragraph of `prev`: `prev` runs to the right margin
/// (it wrapped) and `next` starts at the left one (no indent) right below it.
fn wraps_into(prev: &Line, next: &Line, (left, right): (f32, f32)) -> bool {
    let em = prev.size.max(1.0);
    let full = prev.bbox.x1 >= right - 1.5 * em;
    let unindented = next.bbox.x0 <= left + 0.5 * em;
    let close = next.bbox.y0 - prev.bbox.y1 <= prev.bbox.height().max(1.0);
    full && unindented && close && prev.bbox.x0 < right - 10.0 * em
}

fn emit(items: &[DocItem], margins: &std::collections::HashMap<u32, (f32, f32)>, s: &JoinSettings) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut next = 0u32;
    let mut pos = |page: u32| {
        next = next.saturating_add(1);
        SourcePos { line: next, page: Some(page) }
    };
    let mut last_line: Option<&Line> = None;
    for item in items {
        match item {
            DocItem::Line(l, page) => {
                if let Some(prev) = last_line {
                    let margin = margins.get(page).copied().unwrap_or((0.0, f32::MAX));
                    if wraps_into(prev, l, margin) {
                        if let Some(Block::Paragraph(p)) = blocks.last_mut() {
                            let cjk = p.text.chars().last().is_some_and(super::layout::is_cjk)
                                || l.text.chars().next().is_some_and(super::layout::is_cjk);
                            if !cjk {
                                p.text.push(' ');
                            }
                            p.text.push_str(&l.text);
                            last_line = Some(l);
                            continue;
                        }
                    }
                    let gap = l.bbox.y0 - prev.bbox.y1;
                    if gap > s.paragraph_gap * prev.bbox.height().max(1.0) {
                        blocks.push(Block::Break(pos(*page)));
                    }
                }
                blocks.push(Block::Paragraph(Paragraph { text: l.text.clone(), pos: pos(*page) }));
                last_line = Some(l);
            }
            DocItem::Table(t) => {
                let first_page = t.pages.first().copied().unwrap_or(1);
                blocks.push(Block::Break(pos(first_page)));
                for (row, page) in t.table.rows.iter().zip(&t.pages) {
                    blocks.push(Block::Row(GridRow::new(row.cells.clone(), pos(*page))));
                }
                let last_page = t.pages.last().copied().unwrap_or(first_page);
                blocks.push(Block::Break(pos(last_page)));
                last_line = None;
            }
            DocItem::PageEnd(page) => {
                blocks.push(Block::Break(pos(*page)));
                last_line = None;
            }
        }
    }
    blocks
}

#[cfg(test)]
#[path = "join_tests.rs"]
mod tests;
