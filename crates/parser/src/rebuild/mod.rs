//! Row rebuild: from the placed rows of a table region to the records of the true table.
//!
//! The steps, in order (each in its own module):
//! 1. [`place`] types every row and sorts its cells into fields.
//! 2. Rows are walked in reading order into drafts: 项目 labels carried down ([`labels`]),
//!    wrapped text joined to the record above, names spilling one per line collected,
//!    totals set aside.
//! 3. [`merge`] repairs what merged cells and OCR did to the rows: names spilled from one
//!    merged cell, a column sitting one row late, 文件依据 / 一级指标 shared by every row of
//!    the first-level indicator, and responsibility cells merged over several rows.
//! 4. Drafts become [`Record`]s with every field normalised (`zhibiao-normalize`).
//!
//! Every repair is written into the record's provenance; repairs that were guesses also
//! become issues, so a researcher can see where we read between the lines.

pub mod labels;
pub mod merge;
pub mod place;

use std::collections::BTreeMap;

use crate::header::Field;
use crate::region::{PageBlock, TableRegion};
use crate::trace::Trace;
use labels::LabelState;
use place::{classify_row, is_footer_text, is_note_text, Placed, PlacedCell, RowKind};
use zhibiao_model::{DeclaredTotal, Issue, Location, Provenance, Record, Records, Severity, Table, TableKind};
use zhibiao_normalize::basis::split_basis;
use zhibiao_normalize::names::split_names;
use zhibiao_normalize::text::fold_text;
use zhibiao_normalize::units::{split_units, UnitLexicon};
use zhibiao_normalize::values::{parse_deadline, parse_weight, split_points};

/// A record being rebuilt: raw cell texts per field, before normalisation.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub id: String,
    pub block: usize,
    pub category: Option<String>,
    pub group: Option<String>,
    pub fields: BTreeMap<Field, String>,
    /// Column each field came from on the record's own row.
    pub cols: BTreeMap<Field, usize>,
    pub lines: Vec<u32>,
    pub repairs: Vec<String>,
    /// Id-less rows of names under this record: `(column, text, line)`.
    pub spill: Vec<(usize, String, u32)>,
    /// Full rows without an id that follow this record.
    pub orphans: Vec<(Placed, u32)>,
}

impl Draft {
    pub fn get(&self, f: Field) -> Option<&str> {
        self.fields.get(&f).map(String::as_str).filter(|s| !s.trim().is_empty())
    }
    pub fn line(&self) -> u32 {
        self.lines.first().copied().unwrap_or(0)
    }
    fn add_line(&mut self, line: u32) {
        if !self.lines.contains(&line) {
            self.lines.push(line);
        }
    }
}

/// The first-level indicator a leaf id belongs to: `1-3` for `1-3-2`; a two-part id is its
/// own indicator.
pub fn first_level_key(id: &str) -> String {
    let parts: Vec<&str> = id.split('-').collect();
    if parts.len() >= 3 {
        parts.iter().take(parts.len() - 1).copied().collect::<Vec<_>>().join("-")
    } else {
        id.to_string()
    }
}

/// The run of rows a merged responsibility cell may span: the first-level indicator for
/// three-part ids, the 项目 group (the first number) for two-part ids.
pub fn fill_key(id: &str) -> String {
    let parts: Vec<&str> = id.split('-').collect();
    if parts.len() >= 3 {
        first_level_key(id)
    } else {
        parts.first().map(|p| format!("{p}-*")).unwrap_or_default()
    }
}

/// What the rebuild of one table produced.
pub struct Rebuilt {
    pub table: Table,
    pub issues: Vec<Issue>,
}

/// Rebuilds one performance-target table.
pub fn rebuild(region: &TableRegion, trace: &mut Trace) -> Rebuilt {
    let mut issues: Vec<Issue> = Vec::new();
    let entries: Vec<(usize, u32, RowKind)> = region
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| block.rows.iter().map(move |r| (b, r.pos.line, classify_row(r))))
        .collect();

    let mut labels = LabelState::default();
    labels.learn(entries.iter().filter_map(|(_, _, k)| match k {
        RowKind::Record(p) => Some(p.labels.as_slice()),
        _ => None,
    }));
    let mut lexicon = UnitLexicon::default();
    for (_, _, kind) in &entries {
        if let RowKind::Record(p) | RowKind::Orphan(p) = kind {
            if let Some(u) = p.get(Field::Units) {
                lexicon.learn(u);
            }
        }
    }
    let layouts: Vec<BlockLayout> = (0..region.blocks.len()).map(|b| BlockLayout::of(b, &entries)).collect();
    for (b, block) in region.blocks.iter().enumerate() {
        trace_block(trace, b, block, layouts.get(b));
    }

    let mut drafts: Vec<Draft> = Vec::new();
    let mut totals: Vec<DeclaredTotal> = Vec::new();
    let mut garbled_seen: Vec<String> = Vec::new();
    for (b, line, kind) in &entries {
        trace.row(*line, kind);
        match kind {
            RowKind::Header => {}
            RowKind::Record(p) => {
                let notes = labels.apply(&p.labels, p.id_col.unwrap_or(0));
                let mut d = Draft {
                    id: p.id.clone().unwrap_or_default(),
                    block: *b,
                    category: labels.category.clone(),
                    group: labels.group.clone(),
                    lines: vec![*line],
                    ..Default::default()
                };
                for (f, cell) in &p.fields {
                    d.fields.insert(*f, cell.text.clone());
                    d.cols.insert(*f, cell.col);
                }
                for r in notes.repairs {
                    if !garbled_seen.contains(&r) {
                        issues.push(Issue::new(Severity::Info, "label_garbled", r.clone()).record(d.id.clone()).at_line(*line));
                        garbled_seen.push(r.clone());
                    }
                    d.repairs.push(r);
                }
                if let Some(layout) = layouts.get(*b) {
                    layout.note_shift(p, &mut d);
                }
                if p.get(Field::Weight).is_none() && p.get(Field::Deadline).is_none() && !p.fields.is_empty() {
                    issues.push(
                        Issue::new(
                            Severity::Warning,
                            "anchors_missing",
                            format!("row {} shows neither a 权重 nor a 完成时限, so its cells were placed by order alone", d.id),
                        )
                        .record(d.id.clone())
                        .at_line(*line),
                    );
                }
                report_unplaced(&p.unplaced, Some(&d.id), *line, &mut issues);
                drafts.push(d);
            }
            RowKind::Orphan(p) => match drafts.last_mut() {
                Some(d) => d.orphans.push((p.clone(), *line)),
                None => report_unplaced(&all_cells(p), None, *line, &mut issues),
            },
            RowKind::NameSpill(cell) => match drafts.last_mut() {
                // A short name-like text under one of the record's text fields is that text
                // wrapped (`…创建` / `工作`), not a name.
                Some(d) if d.cols.iter().any(|(f, &c)| c == cell.col && !matches!(f, Field::Leaders | Field::Persons)) => {
                    let rest = join_wrapped(d, std::slice::from_ref(cell), *line);
                    report_unplaced(&rest, Some(&d.id.clone()), *line, &mut issues);
                }
                Some(d) => d.spill.push((cell.col, cell.text.clone(), *line)),
                None => report_unplaced(std::slice::from_ref(cell), None, *line, &mut issues),
            },
            RowKind::Continuation(cells) => match drafts.last_mut() {
                Some(d) => {
                    let rest = join_wrapped(d, cells, *line);
                    report_unplaced(&rest, Some(&d.id.clone()), *line, &mut issues);
                }
                None => report_unplaced(cells, None, *line, &mut issues),
            },
            RowKind::Total { label, value } => match value {
                Some(v) => totals.push(DeclaredTotal { label: label.clone(), value: *v, line: Some(*line) }),
                None => issues.push(
                    Issue::new(Severity::Warning, "total_without_value", format!("total row '{label}' has no number"))
                        .at_line(*line),
                ),
            },
            RowKind::Note(_) | RowKind::Footer(_) => {}
        }
    }
    for p in &region.prose {
        if !is_footer_text(&p.text) && !is_note_text(&p.text) {
            issues.push(
                Issue::new(
                    Severity::Info,
                    "prose_in_table",
                    format!("paragraph between table rows is not part of the table: '{}'", fold_text(&p.text)),
                )
                .at_line(p.pos.line),
            );
        }
    }

    merge::resolve_spills(&mut drafts, &mut issues);
    merge::resolve_orphans(&mut drafts, &mut issues);
    merge::share_first_level(&mut drafts, &mut issues);
    merge::fill_merged_cells(&mut drafts, &mut issues);
    header_disagreement(region, &layouts, &mut issues);

    let mut unit_splits_seen: Vec<String> = Vec::new();
    let records: Vec<Record> = drafts
        .into_iter()
        .map(|d| finish(d, &lexicon, &mut issues, &mut unit_splits_seen))
        .collect();
    for r in records.iter().filter(|r| r.secondary.is_none()) {
        issues.push(
            Issue::new(
                Severity::Warning,
                "field_missing",
                format!("{} has no 二级指标 / 目标内容 text: its cell is empty or was lost in the OCR", r.id),
            )
            .record(r.id.clone())
            .at_line(r.provenance.lines.first().copied().unwrap_or(0)),
        );
    }
    Rebuilt {
        table: Table {
            kind: TableKind::PerformanceTargets,
            title: region.title.clone(),
            unit: region.unit.clone(),
            declared_totals: totals,
            budget: None,
            strategy: None,
            records: Records::Performance(records),
            location: Some(Location::line(region.line)),
        },
        issues,
    }
}

fn all_cells(p: &Placed) -> Vec<PlacedCell> {
    let mut cells: Vec<PlacedCell> = p.fields.values().cloned().collect();
    cells.extend(p.unplaced.iter().cloned());
    cells.sort_by_key(|c| c.col);
    cells
}

fn report_unplaced(cells: &[PlacedCell], record: Option<&str>, line: u32, issues: &mut Vec<Issue>) {
    for c in cells {
        let mut issue = Issue::new(
            Severity::Warning,
            "unplaced_text",
            format!("cell {} '{}' could not be placed in any field", c.col, fold_text(&c.text)),
        );
        issue.location = Some(Location { line: Some(line), page: None, column: Some(c.col as u32) });
        if let Some(r) = record {
            issue = issue.record(r);
        }
        issues.push(issue);
    }
}

/// Joins the cells of an id-less text row to the fields of the record above that sit in the
/// same columns (text wrapped onto a row of its own). Returns the cells that fit nowhere.
fn join_wrapped(d: &mut Draft, cells: &[PlacedCell], line: u32) -> Vec<PlacedCell> {
    let mut rest = Vec::new();
    for c in cells {
        let field = d.cols.iter().find(|(_, &col)| col == c.col).map(|(f, _)| *f);
        match field {
            Some(f) => {
                let entry = d.fields.entry(f).or_default();
                entry.push('\n');
                entry.push_str(&c.text);
                d.repairs.push(format!("wrapped_text_joined: line {line} column {} appended to {}", c.col, f.name()));
                d.add_line(line);
            }
            None => rest.push(c.clone()),
        }
    }
    rest
}

/// The usual positions of a page block's anchors, learned from its record rows, so that a
/// row whose cells slid left or right can be named in its provenance.
#[derive(Debug, Clone, Default)]
pub struct BlockLayout {
    pub weight_col: Option<usize>,
    pub deadline_gap: Option<usize>,
}

/// The most common value; ties go to the largest when `prefer_large` (a row loses empty
/// cells more often than it gains them, so the rightmost 权重 column is the clean layout),
/// else to the smallest.
fn mode(values: impl Iterator<Item = usize>, prefer_large: bool) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    let mut tied = counts.into_iter().filter(|&(_, n)| n == best).map(|(v, _)| v);
    if prefer_large {
        tied.next_back()
    } else {
        tied.next()
    }
}

impl BlockLayout {
    fn of(block: usize, entries: &[(usize, u32, RowKind)]) -> BlockLayout {
        let rows = || {
            entries.iter().filter(move |(b, _, _)| *b == block).filter_map(|(_, _, k)| match k {
                RowKind::Record(p) => Some(p),
                _ => None,
            })
        };
        BlockLayout {
            weight_col: mode(rows().filter_map(|p| p.col(Field::Weight)), true),
            deadline_gap: mode(rows().filter_map(|p| p.col(Field::Deadline)?.checked_sub(p.col(Field::Weight)?)), false),
        }
    }

    fn note_shift(&self, p: &Placed, d: &mut Draft) {
        if let (Some(usual), Some(here)) = (self.weight_col, p.col(Field::Weight)) {
            if usual != here {
                let (dir, n) = if here < usual { ("left", usual - here) } else { ("right", here - usual) };
                d.repairs.push(format!(
                    "cells_shifted: row sits {n} column(s) {dir} of this page's layout (权重 in column {here}, usually {usual}); placed by content"
                ));
            }
        }
        if let (Some(gap), Some(w), Some(dl)) = (self.deadline_gap, p.col(Field::Weight), p.col(Field::Deadline)) {
            if dl.checked_sub(w) != Some(gap) {
                d.repairs.push(format!(
                    "cells_shifted: 完成时限 in column {dl}, {} column(s) after 权重 where this page has {gap}; an empty cell was inserted or lost",
                    dl.abs_diff(w)
                ));
            }
        }
    }
}

/// One info issue per table when the printed headers do not line up with the data, so the
/// reader knows why values were placed by content rather than by header.
fn header_disagreement(region: &TableRegion, layouts: &[BlockLayout], issues: &mut Vec<Issue>) {
    let off: Vec<u32> = region
        .blocks
        .iter()
        .zip(layouts)
        .filter_map(|(b, l)| {
            let header = b.map.column_of(Field::Weight)?;
            let data = l.weight_col?;
            (header != data).then(|| b.map.lines.first().copied()).flatten()
        })
        .collect();
    if let Some(&first) = off.first() {
        issues.push(
            Issue::new(
                Severity::Info,
                "header_misaligned",
                format!(
                    "{} page header(s) (lines {}) label columns that do not line up with the data rows; values were placed by what they hold",
                    off.len(),
                    off.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                ),
            )
            .at_line(first),
        );
    }
}

fn trace_block(trace: &mut Trace, b: usize, block: &PageBlock, layout: Option<&BlockLayout>) {
    trace.note(format!(
        "page block {b}: header lines {:?}; column map: {}; data layout: 权重 column {:?}, 完成时限 {:?} after it",
        block.map.lines,
        block.map.describe(),
        layout.and_then(|l| l.weight_col),
        layout.and_then(|l| l.deadline_gap)
    ));
}

/// Normalises a draft into a record.
fn finish(d: Draft, lexicon: &UnitLexicon, issues: &mut Vec<Issue>, unit_splits_seen: &mut Vec<String>) -> Record {
    let text = |f: Field| d.get(f).map(fold_text).filter(|s| !s.is_empty());
    let (primary, primary_points) = match d.get(Field::Primary) {
        Some(p) => {
            // Fold first: a wrap space inside the points (`（4 .5分）`) must not hide them.
            let (t, pts) = split_points(&fold_text(p));
            let t = fold_text(&t);
            ((!t.is_empty()).then_some(t), pts)
        }
        None => (None, None),
    };
    let deadline = d.get(Field::Deadline).and_then(parse_deadline);
    let mut repairs = d.repairs.clone();
    let units = match d.get(Field::Units) {
        Some(u) => {
            let split = split_units(u, lexicon);
            for r in &split.repairs {
                if !unit_splits_seen.contains(r) {
                    unit_splits_seen.push(r.clone());
                    issues.push(Issue::new(Severity::Info, "unit_split", r.clone()).record(d.id.clone()).at_line(d.line()));
                }
            }
            repairs.extend(split.repairs);
            split.units
        }
        None => Vec::new(),
    };
    let mut lines = d.lines.clone();
    lines.sort_unstable();
    lines.dedup();
    Record {
        id: d.id.clone(),
        category: d.category.clone(),
        group: d.group.clone(),
        basis: d.get(Field::Basis).map(|b| dedup(split_basis(b))).unwrap_or_default(),
        primary,
        primary_points,
        secondary: text(Field::Secondary),
        weight: d.get(Field::Weight).and_then(parse_weight),
        deadline_month: deadline.as_ref().and_then(|x| x.month),
        deadline: deadline.map(|x| x.text),
        leaders: d.get(Field::Leaders).map(split_names).unwrap_or_default(),
        units,
        persons: d.get(Field::Persons).map(split_names).unwrap_or_default(),
        remarks: text(Field::Remarks),
        provenance: Provenance { lines, repairs },
    }
}

/// Drops repeated entries, keeping the first: a 文件依据 cell repeated on every row of a merged
/// region (as some exports print it) must not list its documents twice.
fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests;
