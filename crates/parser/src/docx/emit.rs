//! From the items of a part to the shared grid: paragraphs become paragraphs, empty ones and
//! page breaks become breaks, and each table's rows become grid rows whose positions are grid
//! columns, with the merges made explicit.
//!
//! - `w:gridSpan` n: the cell at its first column with `col_span` n, then n − 1 cells marked
//!   `merged_from_left`, so that every later cell keeps its grid column.
//! - `w:hMerge` continue (the legacy form): the cell joins the one to its left the same way.
//! - `w:vMerge` restart … continue: the first cell's `row_span` counts the rows it covers; the
//!   covered cells are empty and `merged_from_above`. Text a writer left in a covered cell is
//!   added to the first one rather than lost.
//! - A layout table — a table of one cell that holds tables, as web-exported documents wrap
//!   their content — is unwrapped: its content is read as if it stood in the body.
//! - A table nested in a cell of a real table is read as that cell's text, a line per row.
//! - Rows deleted as a tracked change are left out.

use super::body::{Item, Merge, Row, Table, TableCell};
use crate::grid::{append_line, Block, Cell, GridRow, Paragraph, SourcePos};

/// Turns parts' items into blocks, numbering every block in reading order: for DOCX the
/// `line` of a position is this ordinal (see `zhibiao debug`).
#[derive(Default)]
pub struct Emitter {
    pub blocks: Vec<Block>,
    next: u32,
    /// Tables nested in cells that were read as text: (line of the row, grid column).
    pub flattened: Vec<(u32, usize)>,
}

impl Emitter {
    fn pos(&mut self) -> SourcePos {
        self.next = self.next.saturating_add(1);
        SourcePos { line: self.next, page: None }
    }

    pub fn paragraph(&mut self, text: &str) {
        let text = text.trim();
        let pos = self.pos();
        if text.is_empty() {
            self.blocks.push(Block::Break(pos));
        } else {
            self.blocks.push(Block::Paragraph(Paragraph { text: text.to_string(), pos }));
        }
    }

    pub fn items(&mut self, items: &[Item]) {
        for item in items {
            match item {
                Item::Paragraph(text) => self.paragraph(text),
                Item::PageBreak => {
                    let pos = self.pos();
                    self.blocks.push(Block::Break(pos));
                }
                Item::Table(t) => match layout_content(t) {
                    Some(inner) => self.items(inner),
                    None => self.table(t),
                },
            }
        }
    }

    fn table(&mut self, t: &Table) {
        // Per grid column, the index in `self.blocks` of the row its open vertical merge
        // started on.
        let mut open_v: Vec<Option<usize>> = Vec::new();
        for row in t.rows.iter().filter(|r| !r.deleted) {
            let read = self.row_cells(row, &mut open_v);
            let blank = read.cells.iter().all(Cell::is_empty);
            if blank {
                // Nothing to read, and no position: the rows a merge covers stay consecutive
                // lines, which is how the rebuild finds them.
                for &col in &read.restarts {
                    if let Some(slot) = open_v.get_mut(col) {
                        *slot = None;
                    }
                }
                continue;
            }
            let pos = self.pos();
            for &col in &read.nested {
                self.flattened.push((pos.line, col));
            }
            let index = self.blocks.len();
            for &col in &read.restarts {
                if let Some(slot) = open_v.get_mut(col) {
                    *slot = Some(index);
                }
            }
            for (col, cell) in read.cells.iter().enumerate() {
                if !cell.merged_from_above {
                    continue;
                }
                if let Some(Block::Row(r)) = open_v.get(col).copied().flatten().and_then(|s| self.blocks.get_mut(s)) {
                    if let Some(c) = r.cells.get_mut(col) {
                        c.row_span = c.row_span.saturating_add(1);
                    }
                }
            }
            let mut grid_row = GridRow::new(read.cells, pos);
            grid_row.header_marked = row.header;
            self.blocks.push(Block::Row(grid_row));
        }
        // The end of a table ends its page block in the grid, as a blank line does in text.
        let pos = self.pos();
        self.blocks.push(Block::Break(pos));
    }

    /// One row's cells by grid column; closes the vertical merges the row does not continue.
    fn row_cells(&mut self, row: &Row, open_v: &mut Vec<Option<usize>>) -> RowRead {
        let mut read = RowRead { cells: (0..row.grid_before).map(|_| Cell::text("")).collect(), ..Default::default() };
        // Columns the row leaves without a cell end the merges running through them.
        for slot in open_v.iter_mut().take(row.grid_before as usize) {
            *slot = None;
        }
        let cells = &mut read.cells;
        let mut last_start: Option<usize> = None;
        for tc in &row.cells {
            let col = cells.len();
            let span = tc.grid_span.max(1) as usize;
            let (text, nested) = cell_text(tc);
            if nested {
                read.nested.push(col);
            }
            if open_v.len() < col + span {
                open_v.resize(col + span, None);
            }
            if tc.h_merge == Merge::Continue {
                if let Some(c) = last_start.and_then(|s| cells.get_mut(s)) {
                    c.col_span = c.col_span.saturating_add(span as u32);
                    append_line(&mut c.text, &text);
                    cells.extend((0..span).map(|_| filler()));
                    continue;
                }
            }
            let start = if tc.v_merge == Merge::Continue { open_v.get(col).copied().flatten() } else { None };
            let mut c = match start {
                Some(start) => {
                    // Text a writer left in a covered cell goes to the cell that shows.
                    if let Some(Block::Row(r)) = self.blocks.get_mut(start) {
                        if let Some(first) = r.cells.get_mut(col) {
                            append_line(&mut first.text, &text);
                        }
                    }
                    let mut c = Cell::text("");
                    c.merged_from_above = true;
                    c
                }
                None => {
                    for slot in open_v.iter_mut().skip(col).take(span) {
                        *slot = None;
                    }
                    if tc.v_merge == Merge::Restart {
                        read.restarts.push(col);
                    }
                    Cell::text(text)
                }
            };
            c.col_span = span as u32;
            last_start = Some(cells.len());
            cells.push(c);
            cells.extend((1..span).map(|_| filler()));
        }
        cells.extend((0..row.grid_after).map(|_| Cell::text("")));
        // Columns this row does not reach close their merges.
        let width = cells.len();
        for slot in open_v.iter_mut().skip(width) {
            *slot = None;
        }
        read
    }
}

/// One row as read: cells by grid column, the columns where a vertical merge starts, and the
/// columns whose cell held a nested table.
#[derive(Default)]
struct RowRead {
    cells: Vec<Cell>,
    restarts: Vec<usize>,
    nested: Vec<usize>,
}

fn filler() -> Cell {
    let mut c = Cell::text("");
    c.merged_from_left = true;
    c
}

/// A cell's text: its paragraphs a line each (empty ones dropped), a nested table a line per
/// row with its cells separated by spaces. Also says whether a table was nested.
fn cell_text(tc: &TableCell) -> (String, bool) {
    let mut out = String::new();
    let mut nested = false;
    collect_text(&tc.items, &mut out, &mut nested);
    (out, nested)
}

fn collect_text(items: &[Item], out: &mut String, nested: &mut bool) {
    for item in items {
        match item {
            Item::Paragraph(p) => append_line(out, p.trim()),
            Item::PageBreak => {}
            Item::Table(t) => {
                *nested = true;
                for row in t.rows.iter().filter(|r| !r.deleted) {
                    let mut line = String::new();
                    for c in &row.cells {
                        if c.v_merge == Merge::Continue {
                            continue;
                        }
                        let mut inner = String::new();
                        collect_text(&c.items, &mut inner, nested);
                        let inner = inner.replace('\n', " ");
                        if !inner.trim().is_empty() {
                            if !line.is_empty() {
                                line.push(' ');
                            }
                            line.push_str(inner.trim());
                        }
                    }
                    append_line(out, &line);
                }
            }
        }
    }
}

/// The content of a layout table: one row of one cell (not counting deleted rows) that holds
/// at least one table.
fn layout_content(t: &Table) -> Option<&[Item]> {
    let mut rows = t.rows.iter().filter(|r| !r.deleted);
    let row = rows.next()?;
    if rows.next().is_some() || row.cells.len() != 1 {
        return None;
    }
    let cell = row.cells.first()?;
    cell.items.iter().any(|i| matches!(i, Item::Table(_))).then_some(cell.items.as_slice())
}
