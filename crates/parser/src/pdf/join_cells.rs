//! A table that opens a page joined to the one that closed the page before: repeated header
//! rows dropped, a row cut by the break joined to its start, merged cells that go on across
//! the break continued (the rules are listed in the [`super`] module doc).
//!
//! Whether a cell with text under the break goes on with the cell above is the hard part:
//! the text says it where the next part cannot open a cell (`（4分）`) or the part above
//! cannot end one (`行政能`); the geometry says it where the part above ends on a short line
//! (its paragraph ended: `依法行⏎政` then `高效行⏎政` are two labels); and a list of names
//! or units, which says nothing either way, goes on where the cell covers the same rows as a
//! merged cell of its row that goes on (and the join is reported, being a judgement).

use super::DocTable;
use super::JoinSettings;
use crate::grid::{append_line, Cell};
use crate::header::label_field;
use crate::pdf::layout::ends_sentence;
use crate::pdf::table::{Fill, PageTable, TableRow};
use zhibiao_model::{Issue, Location, Severity};
use zhibiao_normalize::classify::{looks_like_names, looks_like_units, parse_id};
use zhibiao_normalize::text::squash;
use zhibiao_normalize::{split_units, UnitLexicon};

fn row_key(row: &TableRow) -> Vec<String> {
    row.cells.iter().map(|c| squash(&c.text)).filter(|t| !t.is_empty()).collect()
}

fn has_id(row: &TableRow) -> bool {
    row_id(row).is_some()
}

pub(super) fn row_id(row: &TableRow) -> Option<String> {
    row.cells.iter().take(5).find_map(|c| parse_id(&c.text))
}

fn prev_text(rows: &[TableRow], r: usize, c: usize) -> &str {
    rows.get(r).and_then(|row| row.cells.get(c)).map(|c| c.text.as_str()).unwrap_or("")
}

/// Whether a cell that opens a page with text goes on with the cell above the break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    /// Its text goes on with the text above.
    On,
    /// It starts a cell of its own.
    Apart,
    /// The cell above is a list of names or units: a list's text cannot tell the rest of a
    /// cut list from a new one; the rows the cells cover decide ([`list_reference`]).
    List,
}

/// Whether `next` (a cell opening a page, with text) goes on with `prev` (the cell above the
/// break) rather than starting a cell of its own: it opens with what cannot open a cell
/// (`（4分）`, a comma), or both rows are in one indicator group and `prev` stops where a
/// cell cannot end (`label`: the cell is a 项目 label, left of the ids) (LibreOffice flows a
/// merged cell's text on to the next page: `行政能` ⏎ `力目标（20分）`) — unless `prev_ended`:
/// its last line is short, so its paragraph ended at the break (`依法行⏎政` above
/// `高效行⏎政`), and the text alone says no more than that.
pub(super) fn flows_on(prev: &str, next: &str, same_group: bool, label: bool, prev_ended: bool) -> Flow {
    let prev = prev.trim_end();
    // Ids, weights and deadlines never flow: a new one starts.
    if prev.is_empty() || parse_id(prev).is_some() {
        return Flow::Apart;
    }
    if prev.chars().all(|c| c.is_ascii_digit() || c == '.' || c.is_whitespace()) {
        return Flow::Apart;
    }
    // A 项目 label left of the ids (`行政能`) is no list of names, however short. A unit
    // name the cell wrapped (`市场运行⏎股`) is read whole, as the rebuild reads it.
    let units = || looks_like_units(prev) || looks_like_units(&split_units(prev, &UnitLexicon::default()).units.join("\n"));
    if !label && (looks_like_names(prev) || units()) {
        return Flow::List;
    }
    let opens_badly = next.trim_start().starts_with(['（', '(', '）', ')', '，', ',', '。', '、', '；', ';', '：', ':']);
    // A cell can hold several paragraphs, so a short last line does not overrule what the
    // next part's opening says; it only overrules the guess from where `prev` stops.
    if opens_badly || (same_group && !ends_sentence(prev) && !prev_ended) {
        Flow::On
    } else {
        Flow::Apart
    }
}

/// The width, in font sizes, of what `text` opens with that a line break cannot split: a CJK
/// character or a run of Latin letters and digits, with the opening punctuation before it
/// and the closing punctuation after it (a line cannot end in `（` or start with `）`).
/// ASCII counts half a character, as CJK fonts set it; everything else a whole one.
pub(super) fn first_unit_width(text: &str) -> f32 {
    const OPENING: &str = "（(《“‘「『【〔［";
    const CLOSING: &str = "）)》”’」』】〕］，,。.、；;：:！!？?%％";
    let width = |c: char| if c.is_ascii() { 0.5 } else { 1.0 };
    let mut chars = text.trim_start().chars().peekable();
    let mut w = 0.0;
    while let Some(c) = chars.next_if(|c| OPENING.contains(*c)) {
        w += width(c);
    }
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() => {
            w += width(c);
            while let Some(c) = chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '.') {
                w += width(c);
            }
        }
        Some(c) => w += width(c),
        None => {}
    }
    while let Some(c) = chars.next_if(|c| CLOSING.contains(*c)) {
        w += width(c);
    }
    w
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

/// A merged cell that goes on across the break: its column, the row it starts on above the
/// break, the rows it covers below it, and whether its text says so (it flowed, or no rule
/// closes it) rather than only its emptiness.
#[derive(Debug, Clone, Copy)]
struct Continued {
    col: usize,
    row: usize,
    span: u32,
    by_text: bool,
}

/// What the first row below the break holds that goes on, found column by column.
#[derive(Debug, Default)]
struct Going {
    /// Columns whose cell goes on from above the break.
    continued: Vec<usize>,
    /// Of those, the merged cells right of the ids, whose rows a list can be measured by.
    references: Vec<Continued>,
    /// List cells whose text cannot tell: column, row above the break, rows below it.
    lists: Vec<(usize, usize, u32)>,
}

/// Continues the cell at (`r`, `c`) of `rows` with `cell` (opening the next page, covering
/// `span` rows there): its text added, its span grown. False when that cell is empty (an empty
/// cell under an empty one continues nothing).
fn join_cell(rows: &mut [TableRow], (r, c): (usize, usize), cell: &Cell, cell_fill: Fill, span: u32) -> bool {
    let Some(row) = rows.get_mut(r) else { return false };
    let Some(o) = row.cells.get_mut(c) else { return false };
    if o.is_empty() {
        return false;
    }
    append_line(&mut o.text, &cell.text);
    o.row_span = o.row_span.saturating_add(span);
    // The cell's last line is now the one on the later page.
    if !cell.text.is_empty() {
        if let Some(f) = row.fill.get_mut(c) {
            *f = cell_fill;
        }
    }
    true
}

/// True when every cell starting in column `col` on a row with an id — above the break, and
/// below it past `next`'s first row — has text, and there are at least two: a column that
/// every indicator fills (一级指标, 分管领导), where an empty cell under the break is a merged
/// cell going on rather than a cell left blank (备注).
fn every_row_fills(prev: &[TableRow], next: &[TableRow], col: usize) -> bool {
    let starts = prev.iter().chain(next.iter().skip(1)).filter(|r| has_id(r)).filter_map(|r| r.cells.get(col)).filter(|c| !c.merged_from_above && !c.merged_from_left);
    let mut n = 0;
    for c in starts {
        if c.is_empty() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// True when most cells starting in column `col` on a row with an id (above the break, and
/// below it past `next`'s first row) are empty: a column like 备注.
fn mostly_empty(prev: &[TableRow], next: &[TableRow], col: usize) -> bool {
    let starts: Vec<bool> = prev
        .iter()
        .chain(next.iter().skip(1))
        .filter(|r| has_id(r))
        .filter_map(|r| r.cells.get(col))
        .filter(|c| !c.merged_from_above && !c.merged_from_left)
        .map(|c| c.is_empty())
        .collect();
    starts.iter().filter(|&&e| e).count() * 2 > starts.len()
}

/// For a list cell (names or units) starting on row `row` above the break and covering `span`
/// rows below it, a merged cell of the same rows that goes on across the break, right of the
/// ids: the list is that cell's neighbour cut by the same break, not a list of its own (a
/// list of the next rows alone would cover other rows than the merged cell does).
fn list_reference(continued: &[Continued], row: usize, span: u32, dense: impl Fn(usize) -> bool) -> Option<Continued> {
    continued.iter().copied().find(|k| k.row == row && k.span == span && (k.by_text || dense(k.col)))
}

/// True when the list `next` names a person or unit that the list `prev` names: one list
/// does not name anyone twice, so the two are lists of their own.
fn repeats_item(prev: &str, next: &str) -> bool {
    let items = |t: &str| split_units(t, &UnitLexicon::default()).units;
    let before = items(prev);
    items(next).iter().any(|i| before.contains(i))
}

/// The header label over column `col` (its lowest header row that names a field) and that
/// field's record fields.
fn column_label(rows: &[TableRow], col: usize, max_header_rows: usize) -> Option<(String, &'static [&'static str])> {
    let header = rows.iter().take_while(|r| !has_id(r)).take(max_header_rows).count();
    (0..header).rev().find_map(|h| {
        let (r, c) = origin(rows, h, col)?;
        let text = squash(prev_text(rows, r, c));
        let field = label_field(&text)?;
        Some((text, field.record_fields()))
    })
}

/// The key of the first-level indicator an id belongs to (`1-6` for `1-6-2`); an id of two
/// levels is its own (`4-7`).
fn indicator_key(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((head, _)) if head.contains('-') => head,
        _ => id,
    }
}

/// Joins the list cells of `going` whose cell covers the same rows as a merged cell that goes
/// on ([`list_reference`]), runs to the bottom of a row that a cell of its own fills too, and
/// names no one twice; each join is reported, being a judgement.
fn join_lists(prev: &mut DocTable, next: &[TableRow], going: &mut Going, page: u32, s: &JoinSettings, notes: &mut Vec<String>, issues: &mut Vec<Issue>) {
    let Some(first) = next.first() else { return };
    let last_row = prev.table.rows.len().saturating_sub(1);
    // The last row's height is set by a cell of its own that ends there (reaches the
    // bottom and does not go on): a list that also reaches the bottom may have been cut
    // there. A list that alone reaches it set the row's height: it is that row's own.
    let list_cols: Vec<usize> = going.lists.iter().map(|l| l.0).collect();
    let own_fills_row = prev.table.rows.get(last_row).is_some_and(|row| {
        row.cells.iter().enumerate().any(|(col, cell)| {
            let own = !cell.is_empty() && !cell.merged_from_above && !cell.merged_from_left && cell.row_span <= 1;
            own && !going.continued.contains(&col) && !list_cols.contains(&col) && row.fill(col).to_bottom
        })
    });
    for &(col, r, span) in &going.lists {
        let dense = |k: usize| every_row_fills(&prev.table.rows, next, k);
        let (Some(reference), Some(cell)) = (list_reference(&going.references, r, span, dense), first.cells.get(col)) else {
            notes.push(format!("page {page}: the list in column {col} starts a cell of its own: no merged cell that goes on covers the same rows"));
            continue;
        };
        if !own_fills_row {
            notes.push(format!("page {page}: the list in column {col} starts a cell of its own: the list above the break alone fills its row"));
            continue;
        }
        if repeats_item(prev_text(&prev.table.rows, r, col), &cell.text) {
            notes.push(format!("page {page}: the list in column {col} starts a cell of its own: it names what the list above names"));
            continue;
        }
        if !join_cell(&mut prev.table.rows, (r, col), cell, first.fill(col), span) {
            continue;
        }
        let label_of = |k: usize| column_label(&prev.table.rows, k, s.max_header_rows);
        let (name, fields) = label_of(col).unwrap_or_else(|| (format!("column {col}"), &[]));
        let (ref_name, _) = label_of(reference.col).unwrap_or_else(|| (format!("column {}", reference.col), &[]));
        let list = split_units(&cell.text, &UnitLexicon::default()).units.join("、");
        notes.push(format!("page {page}: the list in column {col} ('{list}') continues the merged cell cut by the page break: same rows as column {}, which continues", reference.col));
        let message = format!(
            "the {name} list on page {page} ('{list}') was taken as the rest of the merged cell cut by the page break above it: it covers the same rows as the {ref_name} cell that continues"
        );
        // Every indicator the joined cell covers, named once by its first-level key.
        let covered = (r..=last_row).filter_map(|i| prev.table.rows.get(i)).chain(next.iter().take(span as usize)).filter_map(row_id);
        let mut keys: Vec<String> = Vec::new();
        for id in covered {
            let key = indicator_key(&id).to_string();
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        for key in keys {
            let mut issue = Issue::new(Severity::Warning, "page_break_list_joined", message.clone()).record(key).fields(fields);
            issue.location = Some(Location { line: None, page: Some(page), column: None });
            issues.push(issue);
        }
        going.continued.push(col);
    }
}

/// Joins `next` (the table opening page `page`) to `prev`.
pub(super) fn continue_table(prev: &mut DocTable, mut next: PageTable, page: u32, s: &JoinSettings, notes: &mut Vec<String>, issues: &mut Vec<Issue>) {
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
                if let Some(row) = prev.table.rows.get_mut(r) {
                    if let Some(target) = row.cells.get_mut(c) {
                        append_line(&mut target.text, &cell.text);
                    }
                    // The cell's last line is now the rest's.
                    if let Some(f) = row.fill.get_mut(c) {
                        *f = first.fill(col);
                    }
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
        let last_id = prev.table.rows.last().and_then(row_id);
        let groups = match (&last_id, row_id(first)) {
            (Some(a), Some(b)) => Some(a.rsplit_once('-').map(|x| x.0.to_string()) == b.rsplit_once('-').map(|x| x.0.to_string())),
            _ => None,
        };
        let (same_group, other_group) = (groups == Some(true), groups == Some(false));
        let id_col = first.cells.iter().take(5).position(|c| parse_id(&c.text).is_some());
        let mut going = Going::default();
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
            let above = prev.table.rows.get(r).map(|row| row.fill(c)).unwrap_or_default();
            // The last line above had room for what opens the next page: it ended there.
            let ended = above.room_after > first_unit_width(&cell.text) + s.line_fit_slack;
            let flow = (!cell.is_empty()).then(|| flows_on(prev_text(&prev.table.rows, r, c), &cell.text, same_group, label, ended));
            let flowed = open || (spans && flow == Some(Flow::On));
            if !cell.is_empty() && !flowed {
                // A list cut by the break runs to it.
                if flow == Some(Flow::List) && same_group && above.to_bottom {
                    going.lists.push((col, r, cell.row_span.max(1)));
                }
                continue;
            }
            // Right of the ids, a group's cells do not go on into another group (`1-11-2`
            // then `1-12-1`): an empty cell there is the new group's own.
            if cell.is_empty() && !open && other_group && !label {
                continue;
            }
            // An empty cell under text continues it, except under a cell of the last row
            // alone in a column most rows leave empty (备注): there a blank is the next row's
            // own, as often as not.
            let span = cell.row_span.max(1);
            let own_blank = cell.is_empty()
                && !open
                && r == last_row
                && prev.table.rows.get(r).and_then(|row| row.cells.get(c)).is_some_and(|o| o.row_span <= 1)
                && mostly_empty(&prev.table.rows, &next.rows, col);
            if own_blank {
                notes.push(format!("page {page}: the empty cell in column {col} is the first row's own: most rows leave that column empty"));
                continue;
            }
            if join_cell(&mut prev.table.rows, (r, c), cell, first.fill(col), span) {
                going.continued.push(col);
                // A 项目 label spans whole groups: it says nothing of the rows a list covers.
                if !label {
                    going.references.push(Continued { col, row: r, span, by_text: open || !cell.is_empty() });
                }
            }
        }
        join_lists(prev, &next.rows, &mut going, page, s, notes, issues);
        let mut continued = going.continued;
        if let Some(first) = next.rows.first_mut() {
            for &col in &continued {
                if let Some(cell) = first.cells.get_mut(col) {
                    cell.merged_from_above = true;
                    cell.row_span = 1;
                    cell.text.clear();
                }
            }
        }
        continued.sort_unstable();
        if !continued.is_empty() {
            notes.push(format!("page {page}: merged cell(s) in column(s) {continued:?} continue from the previous page"));
        }
    }
    prev.pages.extend(std::iter::repeat_n(page, next.rows.len()));
    prev.table.rows.extend(next.rows);
    prev.table.bbox.y1 = prev.table.bbox.y1.max(next.bbox.y1);
}
