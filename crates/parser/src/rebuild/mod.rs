//! Row rebuild: from the rows of a table region to the records of the true table.
//!
//! One mechanism serves every table family; what differs per family is its column
//! vocabulary ([`crate::header`]), the types of its cells and how a row's cells are placed
//! into fields, and the repairs that its merged cells call for:
//!
//! 1. The family types every row and sorts its cells into fields, producing the shared
//!    [`row::RowKind`] / [`row::Placed`] ([`performance::place`], [`budget::place`]).
//! 2. [`walk`] goes through the rows in reading order, the same for all families: a record
//!    row opens a [`Draft`] (the family names it), text wrapped onto a row of its own joins
//!    the draft above, names spilling from a merged cell are collected, totals set aside,
//!    notes and page furniture skipped, and every cell no field could take is reported.
//! 3. The family repairs across rows what merged cells and OCR did (values printed once for a
//!    run of rows, a column one row late, …) and turns drafts into its records.
//!
//! Every repair is written into the record's provenance; repairs that were guesses also
//! become issues, so a researcher can see where we read between the lines.

pub mod align;
pub mod budget;
pub mod performance;
pub mod row;

use std::collections::{BTreeMap, BTreeSet};

use crate::header::{Family, Field};
use crate::region::TableRegion;
use crate::trace::Trace;
use row::{is_footer_text, is_note_text, Placed, PlacedCell, RowKind};
use zhibiao_model::{Confidence, ConfidenceLevel, DeclaredTotal, Issue, Location, Notice, Severity, Table};
use zhibiao_normalize::text::fold_text;

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
    /// Rows a field's cell spans downwards, where the reader knows (DOCX `w:vMerge`, PDF
    /// lattice); text input never does.
    pub spans: BTreeMap<Field, u32>,
    /// Fields this draft took from a merged cell printed on an earlier row ([`apply_spans`]):
    /// they are the same cell, not a text of the row's own.
    pub spanned: BTreeSet<Field>,
    pub lines: Vec<u32>,
    pub repairs: Vec<String>,
    /// Id-less rows of names under this record: `(column, text, line)`.
    pub spill: Vec<(usize, String, u32)>,
    /// Full rows without an id that follow this record.
    pub orphans: Vec<(Placed, u32)>,
    /// Record fields inferred rather than read, with the strength of the evidence
    /// (the record's `confidence`).
    pub inferred: BTreeMap<&'static str, Evidence>,
}

/// How strongly the text supports a value that was inferred rather than read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Weak or conflicting: the value is a best guess and the record is `doubtful` (a
    /// warning names it).
    Weak,
    /// The structure makes the value near certain (a merged cell printed on another row of
    /// its span, a group label carried over rows whose ids it covers).
    Strong,
}

impl Draft {
    pub fn get(&self, f: Field) -> Option<&str> {
        self.fields.get(&f).map(String::as_str).filter(|s| !s.trim().is_empty())
    }
    pub fn line(&self) -> u32 {
        self.lines.first().copied().unwrap_or(0)
    }
    pub fn add_line(&mut self, line: u32) {
        if !self.lines.contains(&line) {
            self.lines.push(line);
        }
    }
    /// A draft holding a record row's placed cells.
    pub fn from_placed(p: &Placed, block: usize, line: u32) -> Draft {
        let mut d = Draft { id: p.id.clone().unwrap_or_default(), block, lines: vec![line], ..Default::default() };
        for (f, cell) in &p.fields {
            d.fields.insert(*f, cell.text.clone());
            d.cols.insert(*f, cell.col);
            if cell.row_span > 1 {
                d.spans.insert(*f, cell.row_span);
            }
        }
        d
    }
    /// Marks the record fields of `field` as inferred; a field inferred twice keeps the
    /// weaker evidence.
    pub fn infer(&mut self, field: Field, evidence: Evidence) {
        for name in field.record_fields() {
            self.infer_named(name, evidence);
        }
    }
    /// [`Draft::infer`] for one output record field by name (`category`, `group`).
    pub fn infer_named(&mut self, name: &'static str, evidence: Evidence) {
        let e = self.inferred.entry(name).or_insert(evidence);
        *e = (*e).min(evidence);
    }
    /// The record's confidence as the rebuild leaves it: [`zhibiao_normalize::confidence`]
    /// settles its level once the checks have run.
    pub fn confidence(&self) -> Confidence {
        Confidence {
            level: ConfidenceLevel::Read,
            inferred: self.inferred.keys().map(|k| k.to_string()).collect(),
            doubtful: self.inferred.iter().filter(|(_, e)| **e == Evidence::Weak).map(|(k, _)| k.to_string()).collect(),
        }
    }
    /// Source lines, ascending and distinct.
    pub fn sorted_lines(&self) -> Vec<u32> {
        let mut lines = self.lines.clone();
        lines.sort_unstable();
        lines.dedup();
        lines
    }
}

/// What the rebuild of one table produced.
pub struct Rebuilt {
    pub table: Table,
    pub issues: Vec<Issue>,
}

/// Rebuilds one table with its family's rules. `notice` is the notice around the table: its
/// declared counts name a performance group no label names.
pub fn rebuild(region: &TableRegion, notice: &Notice, trace: &mut Trace) -> Rebuilt {
    trace.note(format!("table at line {} ({}): {:?}", region.line, region.family.name(), region.title));
    match region.family {
        Family::PerformanceTargets => performance::rebuild(region, &notice.declared_counts, trace),
        Family::BudgetTargets => budget::rebuild(region, trace),
    }
}

/// One classified row of a region: `(page block, source line, kind)`.
pub type Entry = (usize, u32, RowKind);

/// What the walk over a table's rows produced.
#[derive(Debug, Default)]
pub struct Walked {
    pub drafts: Vec<Draft>,
    pub totals: Vec<DeclaredTotal>,
    /// Where each total row stands: the number of drafts above it (a 合计 closes a section).
    pub total_at: Vec<usize>,
    /// Label rows: the number of drafts above each, its line and cells.
    pub labels: Vec<(usize, u32, Vec<PlacedCell>)>,
}

/// A family's way to turn a record row into a draft (its id, labels and notes), given the
/// placed row, its page block and line, and the table's issues.
pub type OpenRecord<'a> = dyn FnMut(&Placed, usize, u32, &mut Vec<Issue>) -> Draft + 'a;

/// Walks the classified rows in reading order (see the module doc).
///
/// `claimed_prose` says which paragraphs between the rows the family has read itself (a 项目
/// label printed as a line of its own); the others are reported as prose inside the table.
pub fn walk(
    region: &TableRegion,
    entries: &[Entry],
    open: &mut OpenRecord<'_>,
    claimed_prose: &dyn Fn(&crate::grid::Paragraph) -> bool,
    trace: &mut Trace,
    issues: &mut Vec<Issue>,
) -> Walked {
    let mut out = Walked::default();
    for (b, line, kind) in entries {
        trace.row(*line, kind);
        let drafts = &mut out.drafts;
        match kind {
            RowKind::Header => {}
            RowKind::Record(p) => {
                let d = open(p, *b, *line, issues);
                report_unplaced(&p.unplaced, Some(&d.id), *line, issues);
                drafts.push(d);
            }
            RowKind::Orphan(p) => match drafts.last_mut() {
                Some(d) => d.orphans.push((p.clone(), *line)),
                None => report_unplaced(&all_cells(p), None, *line, issues),
            },
            RowKind::NameSpill(cell) => match drafts.last_mut() {
                // A short name-like text under one of the record's text fields is that text
                // wrapped (`…创建` / `工作`), not a name.
                Some(d) if d.cols.iter().any(|(f, &c)| c == cell.col && !matches!(f, Field::Leaders | Field::Persons)) => {
                    let rest = join_wrapped(d, std::slice::from_ref(cell), *line);
                    report_unplaced(&rest, Some(&d.id.clone()), *line, issues);
                }
                Some(d) => d.spill.push((cell.col, cell.text.clone(), *line)),
                None => report_unplaced(std::slice::from_ref(cell), None, *line, issues),
            },
            RowKind::Continuation(cells) => match drafts.last_mut() {
                Some(d) => {
                    let rest = join_wrapped(d, cells, *line);
                    report_unplaced(&rest, Some(&d.id.clone()), *line, issues);
                }
                None => report_unplaced(cells, None, *line, issues),
            },
            RowKind::Label(cells) => out.labels.push((drafts.len(), *line, cells.clone())),
            RowKind::Total { label, value, rest } => {
                out.total_at.push(drafts.len());
                match value {
                    Some(v) => out.totals.push(DeclaredTotal { label: label.clone(), value: *v, line: Some(*line) }),
                    None => issues.push(
                        Issue::new(Severity::Warning, "total_without_value", format!("total row '{label}' has no number"))
                            .at_line(*line),
                    ),
                }
                report_unplaced(rest, None, *line, issues);
            }
            RowKind::Note(_) | RowKind::Footer(_) => {}
        }
    }
    for p in &region.prose {
        if !is_footer_text(&p.text) && !is_note_text(&p.text) && !claimed_prose(p) {
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
    out
}

/// Why a field can be missing: in a structured file (DOCX) the cell is empty; in OCR'd text
/// it may also have been lost.
pub fn missing_because(region: &TableRegion) -> &'static str {
    if region.spans_known {
        "its cell is empty"
    } else {
        "its cell is empty or was lost in the OCR"
    }
}

/// Every cell of a placed row, placed or not, in column order.
pub fn all_cells(p: &Placed) -> Vec<PlacedCell> {
    let mut cells: Vec<PlacedCell> = p.fields.values().cloned().collect();
    cells.extend(p.unplaced.iter().cloned());
    cells.sort_by_key(|c| c.col);
    cells
}

/// Reports cells no field could take: never dropped silently.
pub fn report_unplaced(cells: &[PlacedCell], record: Option<&str>, line: u32, issues: &mut Vec<Issue>) {
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
    // A wrapped line holds text: none of it goes on a weight or an id. When some would, and
    // the whole line sits under the record's texts one column over (the OCR gained or lost
    // the line's leading empty cell), it is read there.
    let no_text = |f: Field| matches!(f, Field::Weight | Field::Id);
    let cols = d.cols.clone();
    let field_at = |col: usize, shift: isize| {
        let at = col.checked_add_signed(shift)?;
        cols.iter().find(|(_, &c)| c == at).map(|(f, _)| *f)
    };
    let lands_badly = cells.iter().any(|c| field_at(c.col, 0).is_some_and(no_text));
    let shift = if lands_badly {
        [-1isize, 1]
            .into_iter()
            .find(|&s| cells.iter().all(|c| field_at(c.col, s).is_some_and(|f| !no_text(f))))
            .unwrap_or(0)
    } else {
        0
    };
    let mut rest = Vec::new();
    for c in cells {
        match field_at(c.col, shift).filter(|&f| !no_text(f)) {
            Some(f) => {
                let entry = d.fields.entry(f).or_default();
                entry.push('\n');
                entry.push_str(&c.text);
                if shift == 0 {
                    d.repairs.push(format!("wrapped_text_joined: line {line} column {} appended to {}", c.col, f.name()));
                } else {
                    d.repairs.push(format!(
                        "wrapped_text_joined: line {line} column {} appended to {}, its line read one column {}",
                        c.col,
                        f.name(),
                        if shift < 0 { "left" } else { "right" }
                    ));
                    d.infer(f, Evidence::Strong);
                }
                d.add_line(line);
            }
            None => rest.push(c.clone()),
        }
    }
    rest
}

/// Gives the text of each merged cell the reader knows (a `row_span` over n rows) to the
/// drafts of the rows it covers that show nothing of their own in that field. Rows are the
/// reader's consecutive row positions, so the rows covered by a span at line `l` are the
/// lines `l+1 .. l+n`. The file says so, so this is a fact rather than a guess: a repair in
/// the provenance, no issue.
pub fn apply_spans(drafts: &mut [Draft], fields: &[Field]) {
    let mut covers: Vec<(Field, u32, u32, String)> = Vec::new(); // (field, first, last line, text)
    for d in drafts.iter() {
        for f in fields {
            if let (Some(&span), Some(text)) = (d.spans.get(f), d.get(*f)) {
                if span > 1 {
                    covers.push((*f, d.line(), d.line().saturating_add(span - 1), text.to_string()));
                }
            }
        }
    }
    for (f, first, last, text) in covers {
        for d in drafts.iter_mut() {
            let line = d.line();
            if line > first && line <= last && d.get(f).is_none() {
                d.fields.insert(f, text.clone());
                d.spanned.insert(f);
                d.repairs.push(format!(
                    "merged_cell_filled: {} from line {first}, whose cell spans {} rows",
                    f.name(),
                    last - first + 1
                ));
                d.add_line(first);
            }
        }
    }
}

/// Indices of the drafts, grouped by `key`, in reading order of each key's first draft.
pub fn groups(drafts: &[Draft], key: impl Fn(&Draft) -> String) -> Vec<Vec<usize>> {
    let mut order: Vec<String> = Vec::new();
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        let k = key(d);
        if !by_key.contains_key(&k) {
            order.push(k.clone());
        }
        by_key.entry(k).or_default().push(i);
    }
    order.into_iter().filter_map(|k| by_key.remove(&k)).collect()
}

/// The most common value; ties go to the largest when `prefer_large`, else to the smallest.
pub fn mode(values: impl Iterator<Item = usize>, prefer_large: bool) -> Option<usize> {
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
