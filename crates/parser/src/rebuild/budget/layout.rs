//! The columns a budget table has and where each sits.
//!
//! The headers say *which* fields the table has: editions drop 规划值, 工作活动 and 预算项目,
//! or add a column (计量单位). They are poor at saying *where*: a multi-row header prints its
//! labels a column or two off the data (备注 over 数据来源, 数据来源 over 预算项目), and the
//! data rows are what the values sit in. So the layout is chosen for the whole table at once:
//! each named field, in the template's order, gets one column, strictly left to right, so
//! that
//!
//! - the cells of each column suit the field it gets (values in value columns, sources in
//!   source columns, duty numbers in the 职责序号 column: [`super::place::fit`]);
//! - no column that holds text is left without a field (its text would have nowhere to go);
//! - among layouts the data cannot tell apart (prose beside prose), the one nearest the
//!   printed labels wins.
//!
//! A field the headers do not name is never given a column, so a value cannot slide into a
//! column the table does not have; a header cell no label matches is a column of its own
//! ([`Field::Extra`]), kept and reported, never poured into its neighbours.
//!
//! "Nearest the printed labels" counts two places per field: the columns its labels stand
//! over, and the column the template order gives it among the columns the header labels
//! ([`Named::order_cols`]). A header that prints 备注 / 工作活动 / 预算项目 / 数据来源 over
//! the four last columns labels those four columns, whatever their order: the data need not
//! show a 预算项目 cell right of the 工作活动 ones for the tail to be read in template order.
//!
//! Only the rows of the table's common width are witnesses ([`super::width`]): a row that lost
//! empty cells prints its texts left of their columns and would pull the columns with it.

use std::collections::BTreeMap;

use crate::grid::GridRow;
use crate::header::Field;
use crate::rebuild::align::{AlignSettings, Layout};
use crate::region::PageBlock;

use super::place::{cell_fit, SLOTS};
use super::width::RowWidths;

/// A field's cells that fit it badly count at most this much against it (one garbled cell
/// must not outweigh a column of good ones).
const WORST_CELL: f64 = -4.0;
/// A cell that fits well counts at most this much for its field.
const BEST_CELL: f64 = 2.0;
/// Cost of a column that holds text left without a field, and per text cell of it: its text
/// would have nowhere to go.
const ORPHAN_COLUMN: f64 = 6.0;
const ORPHAN_CELL: f64 = 4.0;
/// Cost of a named field that gets no column (its label was printed, so it exists).
const ABSENT_FIELD: f64 = 6.0;
/// Cost per column between a field's column and the nearest column its label is printed
/// over, and its part per data row (a label heads every row under it): enough to decide
/// between layouts the data cannot tell apart (prose beside prose, a sparse column left
/// out), too little to outweigh what a column's cells hold.
const LABEL_DISTANCE: f64 = 0.6;
const LABEL_DISTANCE_PER_ROW: f64 = 0.1;

/// One field the headers name, with the columns its labels are printed over.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub field: Field,
    pub label_cols: Vec<usize>,
    /// The printed label of an [`Field::Extra`] column, for the report.
    pub label: Option<String>,
    /// A field no label names but the template implies (see [`IMPLIED`]): it takes a column
    /// only where the data shows one.
    pub implied: bool,
    /// The column the template order gives the field among the columns a page header labels,
    /// one per header whose labelled columns and named fields pair off one to one (a header
    /// printing its labels in another order than the template still labels these columns).
    pub order_cols: Vec<usize>,
}

/// Sub-columns a header often leaves unlabelled: the 来源 of the standard value sits under
/// the 标准值 group label, the 数据来源 of the history values under 历史值. A table whose
/// header prints no label for them may still have them; the data decides.
const IMPLIED: [Field; 2] = [Field::StandardSource, Field::HistorySource];

/// The columns a budget table may have, in printed order: a row counter, then the template's.
const ORDER: [Field; 16] = [
    Field::Seq,
    Field::DutyNo,
    Field::Duty,
    Field::DutyGoal,
    Field::Indicator,
    Field::Explanation,
    Field::Target,
    Field::PlanValue,
    Field::StandardValue,
    Field::StandardSource,
    Field::HistoryAvg,
    Field::HistoryLast,
    Field::HistorySource,
    Field::Remarks,
    Field::Activity,
    Field::BudgetItem,
];

/// What the layout was built from and what it could not name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutNotes {
    /// Header labels no field of the template matches: `(column, text)`, one per distinct text.
    pub unmapped: Vec<(usize, String)>,
    /// Named fields that got no column.
    pub absent: Vec<Field>,
    /// Labels of the [`Field::Extra`], [`Field::Unknown`] and [`Field::Seq`] columns by slot
    /// index.
    pub extra_labels: Vec<(usize, String)>,
    /// Fill rates of the slots on the rows that print a duty's cells: those fill the 职责
    /// columns nearly always, which the table's rates at large (a duty's cells on one row
    /// in four) hide. Empty when the table has too few such rows to learn from.
    pub anchor_rates: Vec<f64>,
    /// Rows that print another number of cells than their page's rows ([`super::width`]),
    /// by line: `(cells printed, cells of the page's rows)`. They were no witness of the
    /// layout, and their placement is a guess.
    pub odd_rows: BTreeMap<u32, (usize, usize)>,
}

/// Whether a row prints a duty's own cells: a duty number in the 职责序号 column, or text in
/// the 部门职责 column with the number's column empty. (A row whose cells all slid left past
/// empty duty columns prints an indicator's text there, and no number.)
pub fn prints_duty(layout: &Layout, row: &GridRow) -> bool {
    let col = |f: Field| layout.slots.iter().position(|&s| s == f).and_then(|i| layout.columns.get(i)).copied();
    let number = col(Field::DutyNo).map(|c| row.cell(c).trim());
    match number {
        Some(n) if !n.is_empty() => super::place::duty_no(n).is_some(),
        _ => col(Field::Duty).is_some_and(|c| !row.cell(c).trim().is_empty()),
    }
}

/// The fields the table's headers name, in template order; columns of no field are put
/// where their label stands among the others.
pub fn named_fields(blocks: &[PageBlock]) -> (Vec<Named>, Vec<(usize, String)>) {
    let mut named: Vec<Named> = Vec::new();
    let mut unmapped: Vec<(usize, String)> = Vec::new();
    for b in blocks {
        for &(c, f) in &b.map.labels {
            match named.iter_mut().find(|n| n.field == f) {
                Some(n) if !n.label_cols.contains(&c) => n.label_cols.push(c),
                Some(_) => {}
                None => named.push(Named { field: f, label_cols: vec![c], label: None, implied: false, order_cols: Vec::new() }),
            }
        }
    }
    // A 序号 numbers the duties, unless a 职责序号 does: then it counts the rows.
    if !named.iter().any(|n| n.field == Field::DutyNo) {
        for n in named.iter_mut().filter(|n| n.field == Field::Seq) {
            n.field = Field::DutyNo;
        }
    }
    named.retain(|n| ORDER.contains(&n.field));
    for f in IMPLIED {
        if !named.iter().any(|n| n.field == f) {
            named.push(Named { field: f, label_cols: Vec::new(), label: None, implied: true, order_cols: Vec::new() });
        }
    }
    named.sort_by_key(|n| ORDER.iter().position(|&s| s == n.field).unwrap_or(usize::MAX));
    // Columns the template has no field for (计量单位), and columns whose label no
    // vocabulary matches: one per distinct label text, placed after the last named field
    // whose label stands left of it.
    for b in blocks {
        let known = b.map.extra.iter().map(|(c, t)| (*c, t, Field::Extra));
        let unknown = b.map.unmapped.iter().map(|(c, t)| (*c, t, Field::Unknown));
        for (col, text, field) in known.chain(unknown) {
            if named.iter().any(|n| n.label.as_deref() == Some(text.as_str())) {
                continue;
            }
            if field == Field::Unknown {
                unmapped.push((col, text.clone()));
            }
            let at = named.iter().rposition(|n| n.label_cols.iter().min().is_some_and(|&m| m < col)).map(|i| i + 1).unwrap_or(0);
            named.insert(at, Named { field, label_cols: vec![col], label: Some(text.clone()), implied: false, order_cols: Vec::new() });
        }
    }
    order_columns(&mut named, blocks);
    (named, unmapped)
}

/// Sets [`Named::order_cols`]: per page header, the k-th named field it labels gets the k-th
/// column it labels, when the two counts agree (a field labelled over two columns, or a
/// label of no field kept, leaves the header out: its columns pair off with nothing certain).
fn order_columns(named: &mut [Named], blocks: &[PageBlock]) {
    for b in blocks {
        let mut cols: Vec<usize> =
            b.map.labels.iter().map(|(c, _)| *c).chain(b.map.extra.iter().chain(&b.map.unmapped).map(|(c, _)| *c)).collect();
        cols.sort_unstable();
        cols.dedup();
        let here: Vec<usize> = (0..named.len()).filter(|&i| named.get(i).is_some_and(|n| labelled_in(n, b))).collect();
        if here.len() != cols.len() {
            continue;
        }
        for (i, c) in here.into_iter().zip(cols) {
            if let Some(n) = named.get_mut(i) {
                n.order_cols.push(c);
            }
        }
    }
}

/// Whether page block `b`'s header prints a label of the named field.
fn labelled_in(n: &Named, b: &PageBlock) -> bool {
    match (&n.label, n.field) {
        (Some(l), Field::Extra) => b.map.extra.iter().any(|(_, t)| t == l),
        (Some(l), _) => b.map.unmapped.iter().any(|(_, t)| t == l),
        // A 序号 read as the duty number when no 职责序号 is printed.
        (None, Field::DutyNo) => b.map.labels.iter().any(|&(_, f)| f == Field::DutyNo || f == Field::Seq),
        (None, f) => !n.implied && b.map.labels.iter().any(|&(_, g)| g == f),
    }
}

/// The table's layout (see the module doc), with what it could not name.
pub fn table_layout(blocks: &[PageBlock], settings: AlignSettings) -> (Layout, LayoutNotes) {
    let (mut named, unmapped) = named_fields(blocks);
    if named.iter().all(|n| matches!(n.field, Field::Extra | Field::Unknown) || n.implied) {
        // No label read at all: the template's own order over the first columns.
        named = SLOTS
            .iter()
            .enumerate()
            .map(|(i, &f)| Named { field: f, label_cols: vec![i], label: None, implied: false, order_cols: Vec::new() })
            .collect();
    }
    // The witnesses: the rows of their page's common width (see the module doc), or every
    // row where the widths tell nothing.
    let widths = RowWidths::of(blocks);
    let mut odd_rows = BTreeMap::new();
    let mut witnesses: Vec<&GridRow> = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        for r in &b.rows {
            match widths.odd(k, r) {
                Some(w) => {
                    odd_rows.insert(r.pos.line, (r.cells.len(), w));
                }
                None => witnesses.push(r),
            }
        }
    }
    if witnesses.is_empty() {
        witnesses = blocks.iter().flat_map(|b| &b.rows).collect();
    }
    let rows: Vec<Vec<usize>> = witnesses.iter().map(|r| r.filled().collect()).collect();
    // Every filled data cell, by column, with its fit for each named field.
    let width = witnesses.iter().filter_map(|r| r.filled().last()).max().map(|c| c + 1).unwrap_or(0);
    let columns = width.max(named.len());
    let mut fit_sum = vec![vec![0.0_f64; named.len()]; columns];
    let mut count = vec![0_usize; columns];
    for r in &witnesses {
        for c in r.filled() {
            let (Some(sums), Some(n)) = (fit_sum.get_mut(c), count.get_mut(c)) else { continue };
            *n += 1;
            let text = r.cell(c);
            for (s, nf) in sums.iter_mut().zip(&named) {
                *s += cell_fit(nf.field, text).clamp(WORST_CELL, BEST_CELL);
            }
        }
    }
    let place_cost = |i: usize, c: usize| -> f64 {
        let data = fit_sum.get(c).and_then(|s| s.get(i)).copied().unwrap_or(0.0);
        let dist = named.get(i).and_then(|n| n.label_cols.iter().chain(&n.order_cols).map(|&h| h.abs_diff(c)).min()).unwrap_or(0);
        -data + (LABEL_DISTANCE + LABEL_DISTANCE_PER_ROW * rows.len() as f64) * dist as f64
    };
    let orphan = |c: usize| match count.get(c).copied().unwrap_or(0) {
        0 => 0.0,
        n => ORPHAN_COLUMN + n as f64 * ORPHAN_CELL,
    };
    let absent = |i: usize| if named.get(i).is_some_and(|n| n.implied) { 0.0 } else { ABSENT_FIELD };
    let assignment = assign(named.len(), columns, &place_cost, &orphan, &absent);

    let mut notes = LayoutNotes { unmapped, odd_rows, ..Default::default() };
    let mut slots = Vec::new();
    let mut cols = Vec::new();
    for (nf, col) in named.iter().zip(&assignment) {
        match col {
            Some(c) => {
                match (&nf.label, nf.field) {
                    (Some(l), _) => notes.extra_labels.push((slots.len(), l.clone())),
                    (None, Field::Seq) => notes.extra_labels.push((slots.len(), "序号".into())),
                    _ => {}
                }
                slots.push(nf.field);
                cols.push(*c);
            }
            None if nf.implied => {}
            None => notes.absent.push(nf.field),
        }
    }
    let layout = Layout::learn(slots.clone(), cols.clone(), &rows, settings);
    let anchor_rows: Vec<Vec<usize>> = witnesses.iter().filter(|r| prints_duty(&layout, r)).map(|r| r.filled().collect()).collect();
    if anchor_rows.len() >= 2 {
        notes.anchor_rates = Layout::learn(slots, cols, &anchor_rows, settings).fill_rates;
    }
    (layout, notes)
}

/// The cheapest strictly increasing assignment of `n` fields to `columns` columns, a field
/// possibly absent: `place(i, c)` is the cost of field `i` in column `c`, `orphan(c)` the cost
/// of column `c` left without a field, `absent(i)` the cost of field `i` without a column. Dynamic programming over (field, last used column).
fn assign(
    n: usize,
    columns: usize,
    place: &dyn Fn(usize, usize) -> f64,
    orphan: &dyn Fn(usize) -> f64,
    absent: &dyn Fn(usize) -> f64,
) -> Vec<Option<usize>> {
    // Prefix sums of the orphan costs: the cost of leaving columns a..b (exclusive) unused.
    let mut prefix = vec![0.0; columns + 1];
    for c in 0..columns {
        let before = prefix.get(c).copied().unwrap_or(0.0);
        if let Some(p) = prefix.get_mut(c + 1) {
            *p = before + orphan(c);
        }
    }
    let gap = |a: usize, b: usize| prefix.get(b).copied().unwrap_or(0.0) - prefix.get(a).copied().unwrap_or(0.0);
    // best[i][u]: the cheapest cost of the first i fields with the columns before u decided
    // (u = one past the last used column).
    let idx = |i: usize, u: usize| i * (columns + 1) + u;
    let mut best = vec![f64::INFINITY; (n + 1) * (columns + 1)];
    let mut back: Vec<(usize, Option<usize>)> = vec![(0, None); (n + 1) * (columns + 1)];
    if let Some(b) = best.get_mut(idx(0, 0)) {
        *b = 0.0;
    }
    for i in 0..n {
        for u in 0..=columns {
            let Some(&here) = best.get(idx(i, u)) else { continue };
            if !here.is_finite() {
                continue;
            }
            // Field i absent.
            let cost = here + absent(i);
            if best.get(idx(i + 1, u)).is_some_and(|&b| cost < b) {
                best[idx(i + 1, u)] = cost;
                back[idx(i + 1, u)] = (u, None);
            }
            // Field i in column c ≥ u, the columns between left unused.
            for c in u..columns {
                let cost = here + gap(u, c) + place(i, c);
                if best.get(idx(i + 1, c + 1)).is_some_and(|&b| cost < b) {
                    best[idx(i + 1, c + 1)] = cost;
                    back[idx(i + 1, c + 1)] = (u, Some(c));
                }
            }
        }
    }
    // The columns after the last used one are unused too.
    let end = (0..=columns)
        .filter_map(|u| best.get(idx(n, u)).map(|&b| (u, b + gap(u, columns))))
        .filter(|(_, c)| c.is_finite())
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(u, _)| u)
        .unwrap_or(0);
    let mut out = vec![None; n];
    let mut u = end;
    for i in (1..=n).rev() {
        let Some(&(prev, col)) = back.get(idx(i, u)) else { break };
        if let Some(slot) = out.get_mut(i - 1) {
            *slot = col;
        }
        u = prev;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_take_the_columns_that_hold_them_in_order() {
        // Three fields, four columns: column 2 is empty everywhere; the fields' own cells say
        // that 1 and 3 are theirs.
        let fits = [[0.0, -9.0, -9.0], [-9.0, 5.0, -9.0], [0.0, 0.0, 0.0], [-9.0, -9.0, 5.0]];
        let place = |i: usize, c: usize| -fits[c][i];
        let orphan = |c: usize| if c == 2 { 0.0 } else { 10.0 };
        assert_eq!(assign(3, 4, &place, &orphan, &|_| ABSENT_FIELD), [Some(0), Some(1), Some(3)]);
    }

    #[test]
    fn a_field_with_nowhere_to_go_is_absent() {
        let place = |i: usize, c: usize| if i == c { -1.0 } else { 1.0 };
        let orphan = |_| 10.0;
        assert_eq!(assign(3, 2, &place, &orphan, &|_| ABSENT_FIELD), [Some(0), Some(1), None]);
    }
}
