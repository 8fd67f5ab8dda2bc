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
//!      (LibreOffice flows it too), its text added to the cell's.
//!
//! - **Paragraphs**: a prose line that runs to the right margin and is followed, right below,
//!   by one that starts at the left margin wrapped: the two are one paragraph.
//!
//! Every join is noted for `zhibiao debug`.

use super::layout::{ends_sentence, Line};
use super::page::{PageItem, PageLayout};
use super::table::{PageTable, TableRow};
use crate::grid::{Block, GridRow, Paragraph, SourcePos};
use zhibiao_normalize::classify::{is_page_number, looks_like_names, looks_like_units, parse_id};
use zhibiao_normalize::text::squash;

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
}

impl Default for JoinSettings {
    fn default() -> Self {
        JoinSettings { column_tolerance: 3.0, max_header_rows: 4, paragraph_gap: 0.9 }
    }
}

/// What joining produced.
#[derive(Debug, Default)]
pub struct Joined {
    pub blocks: Vec<Block>,
    /// What was joined or dropped and why, for the debug view.
    pub notes: Vec<String>,
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

fn row_key(row: &TableRow) -> Vec<String> {
    row.cells.iter().map(|c| squash(&c.text)).filter(|t| !t.is_empty()).collect()
}

fn has_id(row: &TableRow) -> bool {
    row_id(row).is_some()
}

fn row_id(row: &TableRow) -> Option<String> {
    row.cells.iter().take(5).find_map(|c| parse_id(&c.text))
}

fn prev_text(rows: &[TableRow], r: usize, c: usize) -> &str {
    rows.get(r).and_then(|row| row.cells.get(c)).map(|c| c.text.as_str()).unwrap_or("")
}

/// True when `next` (a cell opening a page, with text) goes on with `prev` (the cell above
/// the break) rather than starting a cell of its own: it opens with what cannot open a cell
/// (`（4分）`, a comma), or both rows are in one indicator group and `prev` stops where a
/// cell cannot end (`label`: the cell is a 项目 label, left of the ids) (LibreOffice flows a merged cell's text on to the next page:
/// `行政能` ⏎ `力目标（20分）`).
fn flows_on(prev: &str, next: &str, same_group: bool, label: bool) -> bool {
    let prev = prev.trim_end();
    // Ids, weights, deadlines and lists of names or units never flow: a new one starts. A
    // 项目 label left of the ids (`行政能`) is no list of names, however short.
    let list = !label && (looks_like_names(prev) || looks_like_units(prev));
    if prev.is_empty() || parse_id(prev).is_some() || list {
        return false;
    }
    if prev.chars().all(|c| c.is_ascii_digit() || c == '.' || c.is_whitespace()) {
        return false;
    }
    let opens_badly = next.trim_start().starts_with(['（', '(', '）', ')', '，', ',', '。', '、', '；', ';', '：', ':']);
    opens_badly || (same_group && !ends_sentence(prev))
}

/// True when `first` (opening a page; `open_top[i]` when no rule closes its cell `i` above,
/// `second` the row under it) is the rest of `last` (closing the page before), cut by the
/// page break. It has no sequence id and text only in columns where `last` has some (its own
/// or a merged cell's), and one of: no rule above any of its cells; a row with an id above
/// it; at most half as many cells filled as that row (a cut row's rest holds only the cells
/// that ran long); or an empty cell, closed above, where both the row above and the row below
/// have text of their own (every row of its own fills that column).
fn is_rest_of(last: &TableRow, first: &TableRow, second: Option<&TableRow>, open_top: &[bool]) -> bool {
    let filled: Vec<usize> = first.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, _)| i).collect();
    let own = |i: usize| last.cells.get(i).is_some_and(|c| !c.is_empty() || c.merged_from_above || c.merged_from_left);
    if filled.is_empty() || !filled.iter().all(|&i| own(i)) || has_id(first) {
        return false;
    }
    let open = |i: usize| open_top.get(i).copied().unwrap_or(false);
    let all_open = !open_top.is_empty() && open_top.iter().all(|&o| o);
    let mostly_empty = filled.len() * 2 <= last.cells.iter().filter(|c| !c.is_empty()).count();
    let text = |row: Option<&TableRow>, i: usize| row.and_then(|r| r.cells.get(i)).is_some_and(|c| !c.is_empty());
    let lacks = (0..first.cells.len()).any(|i| {
        let hole = first.cells.get(i).is_some_and(|c| c.is_empty() && !c.merged_from_above && !c.merged_from_left);
        hole && !open(i) && text(Some(last), i) && text(second, i)
    });
    all_open || has_id(last) || mostly_empty || lacks
}

/// True when joining the cells of `first` to those of `last` gives values the table holds
/// elsewhere, in a column where neither part is such a value (`内部统` + `计` = `内部统计`):
/// the row was cut mid-word, as LibreOffice cuts a budget row whose every cell runs long.
fn completes_words(prev: &DocTable, next: &PageTable, last: &TableRow, first: &TableRow) -> bool {
    if has_id(first) {
        return false;
    }
    let n = prev.table.rows.len();
    let others = prev.table.rows.iter().take(n.saturating_sub(1)).chain(next.rows.iter().skip(1));
    let known: std::collections::HashSet<String> =
        others.flat_map(|r| &r.cells).map(|c| squash(&c.text)).filter(|t| t.chars().count() >= 2).collect();
    let mut completed = 0;
    for (a, b) in last.cells.iter().zip(&first.cells) {
        let (a, b) = (squash(&a.text), squash(&b.text));
        if a.is_empty() || b.is_empty() {
            continue;
        }
        if known.contains(&a) || known.contains(&b) {
            return false;
        }
        if known.contains(&format!("{a}{b}")) {
            completed += 1;
        }
    }
    completed > 0
}

/// The row and column of the cell that shows the text of slot (`row`, `col`).
fn origin(rows: &[TableRow], mut row: usize, mut col: usize) -> Option<(usize, usize)> {
    loop {
        let cell = rows.get(row)?.cells.get(col)?;
        if cell.merged_from_left && col > 0 {
            col -= 1;
        } else if cell.merged_from_above && row > 0 {
            row -= 1;
        } else {
            return Some((row, col));
        }
    }
}

fn append_text(to: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push('\n');
    }
    to.push_str(more);
}

/// Joins `next` (the table opening page `page`) to `prev`.
fn continue_table(prev: &mut DocTable, mut next: PageTable, page: u32, s: &JoinSettings, notes: &mut Vec<String>) {
    let next_open = std::mem::take(&mut next.open_top);
    let headers: Vec<Vec<String>> = prev.table.rows.iter().take(s.max_header_rows).map(row_key).collect();
    let mut dropped = 0;
    while next.rows.first().is_some_and(|r| {
        let k = row_key(r);
        !k.is_empty() && headers.contains(&k)
    }) {
        next.rows.remove(0);
        dropped += 1;
    }
    if dropped > 0 {
        notes.push(format!("page {page}: {dropped} repeated header row(s) left out"));
    }
    let cut_row = match (prev.table.rows.last(), next.rows.first()) {
        (Some(last), Some(first)) => {
            let open: &[bool] = if dropped == 0 { &next_open } else { &[] };
            is_rest_of(last, first, next.rows.get(1), open) || completes_words(prev, &next, last, first)
        }
        _ => false,
    };
    if cut_row {
        let first = next.rows.remove(0);
        let last_row = prev.table.rows.len().saturating_sub(1);
        for (col, cell) in first.cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            if let Some((r, c)) = origin(&prev.table.rows, last_row, col) {
                if let Some(target) = prev.table.rows.get_mut(r).and_then(|row| row.cells.get_mut(c)) {
                    append_text(&mut target.text, &cell.text);
                }
            }
        }
        // A merged cell that starts on the rest and covers rows below it is the cut cell
        // going on: those rows stay covered, now by the cell above the page break.
        for (col, cell) in first.cells.iter().enumerate() {
            if cell.row_span > 1 && !cell.merged_from_left {
                if let Some(o) = origin(&prev.table.rows, last_row, col).and_then(|(r, c)| prev.table.rows.get_mut(r)?.cells.get_mut(c)) {
                    o.row_span = o.row_span.saturating_add(cell.row_span - 1);
                }
            }
        }
        notes.push(format!("page {page}: the first row is the rest of the row cut by the page break; its text joined that row"));
    }
    if let Some(first) = next.rows.first() {
        let last_row = prev.table.rows.len().saturating_sub(1);
        // Both rows in one group of indicators (`1-1-2` then `1-1-3`, `4-1` then `4-2`): the
        // group's merged cells go on across the break.
        let groups = match (prev.table.rows.last().and_then(row_id), row_id(first)) {
            (Some(a), Some(b)) => Some(a.rsplit_once('-').map(|x| x.0.to_string()) == b.rsplit_once('-').map(|x| x.0.to_string())),
            _ => None,
        };
        let (same_group, other_group) = (groups == Some(true), groups == Some(false));
        let id_col = first.cells.iter().take(5).position(|c| parse_id(&c.text).is_some());
        let mut continued = Vec::new();
        for col in 0..first.cells.len() {
            let Some(cell) = first.cells.get(col) else { continue };
            // Open above: the cell goes on from the page before (its text, if any, flowed on).
            let open = !cut_row && dropped == 0 && next_open.get(col).copied().unwrap_or(false);
            if cell.merged_from_left || cell.merged_from_above {
                continue;
            }
            let Some((r, c)) = origin(&prev.table.rows, last_row, col) else { continue };
            if c != col {
                continue;
            }
            // Only a merged cell flows: one spanning rows on either page.
            let spans = cell.row_span > 1 || prev.table.rows.get(r).and_then(|row| row.cells.get(c)).is_some_and(|o| o.row_span > 1 || r < last_row);
            let label = id_col.is_some_and(|i| col < i);
            let flowed = open || (spans && !cell.is_empty() && flows_on(prev_text(&prev.table.rows, r, c), &cell.text, same_group, label));
            if !cell.is_empty() && !flowed {
                continue;
            }
            // Right of the ids, a group's cells do not go on into another group (`1-11-2`
            // then `1-12-1`): an empty cell there is the new group's own.
            if cell.is_empty() && !open && other_group && !label {
                continue;
            }
            let span = cell.row_span.max(1);
            if let Some(o) = prev.table.rows.get_mut(r).and_then(|row| row.cells.get_mut(c)) {
                // An empty cell under text continues it.
                if o.is_empty() {
                    continue;
                }
                append_text(&mut o.text, &cell.text);
                o.row_span = o.row_span.saturating_add(span);
                continued.push(col);
            }
        }
        if let Some(first) = next.rows.first_mut() {
            for &col in &continued {
                if let Some(cell) = first.cells.get_mut(col) {
                    cell.merged_from_above = true;
                    cell.row_span = 1;
                    cell.text.clear();
                }
            }
        }
        if !continued.is_empty() {
            notes.push(format!("page {page}: merged cell(s) in column(s) {continued:?} continue from the previous page"));
        }
    }
    prev.pages.extend(std::iter::repeat_n(page, next.rows.len()));
    prev.table.rows.extend(next.rows);
    prev.table.bbox.y1 = prev.table.bbox.y1.max(next.bbox.y1);
}

/// Joins the pages and emits the grid blocks.
pub fn assemble(pages: &[PageLayout], s: &JoinSettings) -> Joined {
    let mut notes = Vec::new();
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
                            continue_table(prev, t.clone(), page.number, s, &mut notes);
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
    Joined { blocks: emit(&items, &margins, s), notes }
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
