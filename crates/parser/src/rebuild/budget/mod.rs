//! The budget-target family (部门预算整体绩效目标表): duties (职责) with several performance
//! indicators each, under a budget header and a 战略目标 paragraph.
//!
//! 1. [`place`] aligns each row's cells to the template's slots by what they hold
//!    (the shared [`crate::rebuild::align`] engine), since empty cells collapse and the page
//!    headers are printed shifted.
//! 2. The shared [`crate::rebuild::walk`] turns rows into drafts; wrapped text joins the row
//!    above.
//! 3. Rows are grouped into duties: 职责序号 / 部门职责 / 职责目标 are one merged cell per duty
//!    and go to every indicator row of it, whichever row the OCR printed them on. Each
//!    indicator gets the id `{duty_no}-{n}`.
//! 4. 工作活动 and 预算项目 cells may be merged over several rows. Where the reader knows the
//!    span (DOCX, PDF) the value goes to every row it spans; from text it cannot be known, and
//!    a value printed on some rows of a duty but not others is reported instead of guessed.
//! 5. [`preamble`] reads the budget header and the strategy; drafts become
//!    [`BudgetRecord`]s with each value also parsed into a [`zhibiao_model::Quantity`].

pub mod affinity;
pub mod convention;
pub mod duty;
pub mod layout;
pub mod place;
pub mod preamble;
pub mod width;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::align::{AlignSettings, Layout};
use super::row::{Placed, RowKind};
use super::{apply_spans, report_unplaced, walk, Draft, Entry, Evidence, Rebuilt, Walked};
use crate::header::Field;
use crate::region::TableRegion;
use crate::trace::Trace;
use layout::{table_layout, LayoutNotes};
use duty::{group_duties, number_duties, share_duty_fields, Duty};
use place::{classify_row, KnownGoals};
use preamble::read_preamble;
use zhibiao_model::{BudgetRecord, Issue, Location, Provenance, Records, Severity, Table, TableKind};
use zhibiao_normalize::quantity::parse_quantity;
use zhibiao_normalize::text::fold_text;

/// A cell's place is a close call when the best reading that puts it elsewhere costs less
/// than this much more (about one strong piece of evidence; see [`crate::rebuild::align`]).
const CLOSE_CALL: f64 = 2.0;

/// Fields whose cells may be merged over several indicator rows of a duty.
const SPANNING: [Field; 2] = [Field::Activity, Field::BudgetItem];

/// Rebuilds one budget-target table.
pub fn rebuild(region: &TableRegion, trace: &mut Trace) -> Rebuilt {
    let mut issues: Vec<Issue> = Vec::new();
    let (layout, notes) = table_layout(&region.blocks, AlignSettings::default());
    trace_layout(trace, region, &layout);
    header_disagreement(region, &layout, &mut issues);
    layout_issues(region, &notes, &mut issues);

    let mut shifted: HashMap<u32, String> = HashMap::new();
    // Fields of each row whose cell another reading would put elsewhere at little cost.
    let mut close_calls: HashMap<u32, Vec<Field>> = HashMap::new();
    // Fields a row of odd width (see `width`) was read into off their printed column.
    let mut odd_moved: HashMap<u32, Vec<Field>> = HashMap::new();
    // Cells of the columns that hold no field, by slot.
    let mut aside: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut known = KnownGoals::default();
    for (b, block) in region.blocks.iter().enumerate() {
        for row in &block.rows {
            let (kind, alignment, margins) = classify_row(row, &layout, &notes.anchor_rates, &known);
            if let RowKind::Record(p) = &kind {
                known.learn(p);
            }
            let close: Vec<Field> = margins.iter().filter(|(_, m)| *m < CLOSE_CALL).map(|(f, _)| *f).collect();
            if !close.is_empty() {
                close_calls.insert(row.pos.line, close);
            }
            if let RowKind::Total { label, value: Some(v), .. } = &kind {
                // The declared total keeps the number; the amount as printed (its unit) is
                // said here, so no text is lost.
                let printed: Vec<String> = row.filled().skip(1).map(|c| fold_text(row.cell(c))).collect();
                issues.push(
                    Issue::new(Severity::Info, "total_declared", format!("'{label}' row prints {}: declared as {v}", printed.join(" ")))
                        .at_line(row.pos.line),
                );
            }
            if let RowKind::Record(p) = &kind {
                for (slot, cell) in &p.set_aside {
                    aside.entry(*slot).or_default().push(fold_text(&cell.text));
                }
            }
            if let (RowKind::Record(p), Some(a)) = (&kind, alignment) {
                let moves = a.shifted(&layout);
                if !moves.is_empty() {
                    shifted.insert(row.pos.line, describe_shift(p, &moves));
                }
                if notes.odd_rows.contains_key(&row.pos.line) {
                    let moved = p.fields.iter().filter(|(_, c)| moves.iter().any(|&(from, _)| from == c.col)).map(|(f, _)| *f);
                    odd_moved.insert(row.pos.line, moved.collect());
                }
            }
            entries.push((b, row.pos.line, kind));
        }
    }
    report_aside(&aside, &notes, region, &mut issues);
    join_tails(&mut entries, &layout);
    // A row's id is known only once its duty is: until then issues name it by its line
    // (`@line`), renamed below.
    let mut open = |p: &Placed, b: usize, line: u32, _: &mut Vec<Issue>| -> Draft {
        let mut d = Draft::from_placed(p, b, line);
        d.id = row_key(line);
        if let Some(msg) = shifted.get(&line) {
            d.repairs.push(msg.clone());
        }
        for &f in close_calls.get(&line).into_iter().chain(odd_moved.get(&line)).flatten() {
            d.infer(f, Evidence::Weak);
        }
        d
    };
    let Walked { drafts, totals, .. } = walk(region, &entries, &mut open, &|_| false, trace, &mut issues);

    let mut duties = group_duties(drafts, region.spans_known, trace, &mut issues);
    number_duties(&mut duties, &mut issues);
    for duty in &mut duties {
        share_duty_fields(duty);
        fill_spans(duty, region.spans_known, &mut issues);
    }
    rename_rows(&duties, &mut issues);
    // Shifts are guesses: each becomes an issue too, now that the rows have their ids; a
    // warning where another reading of the row was nearly as good.
    for m in duties.iter().flat_map(|d| &d.members) {
        let close: Vec<&str> = close_calls.get(&m.line()).into_iter().flatten().flat_map(|f| f.record_fields().iter().copied()).collect();
        let shift = m.repairs.iter().find(|r| r.starts_with("cells_shifted:"));
        if let Some(&(printed, width)) = notes.odd_rows.get(&m.line()) {
            issues.push(odd_row_issue(m, printed, width, shift, &close, odd_moved.get(&m.line())));
            continue;
        }
        match (shift, close.is_empty()) {
            (Some(r), true) => issues.push(Issue::new(Severity::Info, "cells_shifted", r.clone()).record(m.id.clone()).at_line(m.line())),
            (Some(r), false) => issues.push(
                Issue::new(Severity::Warning, "cells_shifted", format!("{r}; another reading places {} nearly as well", close.join(", ")))
                    .record(m.id.clone())
                    .fields(&close)
                    .at_line(m.line()),
            ),
            (None, false) => issues.push(
                Issue::new(
                    Severity::Warning,
                    "cell_placement_unsure",
                    format!("the row's cells fit another reading nearly as well: {} may belong in another column", close.join(", ")),
                )
                .record(m.id.clone())
                .fields(&close)
                .at_line(m.line()),
            ),
            (None, true) => {}
        }
    }
    let records: Vec<BudgetRecord> = duties.iter().flat_map(|d| d.members.iter().map(|m| finish(m, d))).collect();
    for r in records.iter().filter(|r| r.indicator.is_none()) {
        issues.push(
            Issue::new(Severity::Warning, "field_missing", format!("{} has no 绩效指标 text: {}", r.id, super::missing_because(region)))
                .record(r.id.clone())
                .at_line(r.provenance.lines.first().copied().unwrap_or(0)),
        );
    }

    let pre = read_preamble(&region.preamble);
    if let Some(b) = &pre.budget {
        let sources: Vec<String> =
            b.sources.iter().map(|s| format!("{}={}", s.name, s.amount.as_deref().unwrap_or("-"))).collect();
        trace.note(format!(
            "budget header: department {:?}, total {:?}, 基本支出 {:?}, 项目支出 {:?}, 资金来源 [{}]; strategy {} characters",
            pre.department,
            b.total,
            b.basic,
            b.project,
            sources.join(", "),
            pre.strategy.as_deref().map(|s| s.chars().count()).unwrap_or(0)
        ));
    }
    for (cell, line) in &pre.unread {
        report_unplaced(std::slice::from_ref(cell), None, *line, &mut issues);
    }
    Rebuilt {
        table: Table {
            kind: TableKind::BudgetTargets,
            title: region.title.clone(),
            unit: pre.department.or_else(|| region.unit.clone()),
            declared_totals: totals,
            budget: pre.budget,
            strategy: pre.strategy,
            records: Records::Budget(records),
            location: Some(Location::line(region.line)),
        },
        issues,
    }
}

/// One info issue per column that holds no field of the output (a row counter, 计量单位),
/// with every text it holds: set aside, not lost.
fn report_aside(aside: &BTreeMap<usize, Vec<String>>, notes: &LayoutNotes, region: &TableRegion, issues: &mut Vec<Issue>) {
    let line = region.blocks.iter().find_map(|b| b.map.lines.first().copied()).unwrap_or(region.line);
    for (slot, texts) in aside {
        let label = notes.extra_labels.iter().find(|(s, _)| s == slot).map(|(_, l)| fold_text(l)).unwrap_or_default();
        issues.push(
            Issue::new(
                Severity::Info,
                "column_set_aside",
                format!("column '{label}' holds no field of the budget template; its {} cells are set aside: {}", texts.len(), texts.join("、")),
            )
            .at_line(line),
        );
    }
}

/// The provisional name of the record opened at `line`.
fn row_key(line: u32) -> String {
    format!("@{line}")
}

/// Names the records that issues raised during the walk name by their line with their ids.
fn rename_rows(duties: &[Duty], issues: &mut [Issue]) {
    let ids: HashMap<String, &str> = duties.iter().flat_map(|d| &d.members).map(|m| (row_key(m.line()), m.id.as_str())).collect();
    for issue in issues.iter_mut() {
        if let Some(r) = issue.record.as_deref().filter(|r| r.starts_with('@')) {
            // A row that became no record (only duty cells) is named by no id.
            issue.record = ids.get(r).map(|id| id.to_string());
        }
    }
}

/// Turns id-less rows that hold only the tails of the texts above into continuations of the
/// row above (a sentence wrapped onto a row of its own: `…推进` / `公共文化设施…权益。`,
/// `普通高中特` / `色课程建设`), so that they neither open a duty nor an indicator.
///
/// A row is such a tail when it prints no duty number and no 年度指标值 (every indicator has a
/// target; a wrapped row has none), nor two numbers, nor a value beside other text (an
/// indicator whose values slid off the 年度指标值 column: a tail holds at most the end of one
/// number, and a sentence wrapped in two columns ends in words), and each of its cells stands in a column where the rows
/// above it (the record and its tails so far, on the same page) print text. A row printing
/// both a 部门职责 and a 职责目标 is a duty's own cells, never a tail.
fn join_tails(entries: &mut [Entry], layout: &Layout) {
    let target_col = layout.slots.iter().position(|&f| f == Field::Target).and_then(|i| layout.columns.get(i).copied());
    let col_of = |f: Field| layout.slots.iter().position(|&s| s == f).and_then(|i| layout.columns.get(i).copied());
    let (duty_col, goal_col) = (col_of(Field::Duty), col_of(Field::DutyGoal));
    let mut above: BTreeSet<usize> = BTreeSet::new();
    let mut block = usize::MAX;
    for (b, _, kind) in entries.iter_mut() {
        if *b != block {
            block = *b;
            above.clear();
        }
        match kind {
            RowKind::Record(p) => {
                let cells = super::all_cells(p);
                let mut cols: BTreeSet<usize> = cells.iter().map(|c| c.col).collect();
                cols.extend(p.set_aside.iter().map(|(_, c)| c.col));
                // A row counter numbers records, never a tail.
                let numbered = p.id.is_some() || p.fields.contains_key(&Field::DutyNo) || !p.set_aside.is_empty();
                // A row with its target, or with a value of its own beside other text (a row
                // whose cells slid off the 年度指标值 column: `公务员年度考核 | 按时完成`), is an
                // indicator's; a sentence wrapped in two columns ends in words, not in a value.
                let values = cells.iter().filter(|c| place::reads_as_value(&c.text)).count();
                let numbers = cells.iter().filter(|c| is_number(&c.text)).count();
                let valued = p.fields.contains_key(&Field::Target)
                    || target_col.is_some_and(|c| cols.contains(&c))
                    || numbers >= 2
                    || (cells.len() >= 2 && values >= 1);
                let duty_cells = duty_col.is_some_and(|c| cols.contains(&c)) && goal_col.is_some_and(|c| cols.contains(&c));
                let tail = !numbered && !valued && !duty_cells && !cols.is_empty() && cols.is_subset(&above);
                if tail {
                    *kind = RowKind::Continuation(cells);
                } else {
                    above = cols;
                }
            }
            RowKind::Continuation(cells) => above.extend(cells.iter().map(|c| c.col)),
            _ => above.clear(),
        }
    }
}

/// True for a cell that reads as a number or a range of numbers, with or without a unit.
fn is_number(text: &str) -> bool {
    matches!(parse_quantity(&fold_text(text)), Some(zhibiao_model::Quantity::Number { .. } | zhibiao_model::Quantity::Range { .. }))
}

/// 工作活动 / 预算项目 cells merged over several rows (see the module doc).
fn fill_spans(duty: &mut Duty, spans_known: bool, issues: &mut Vec<Issue>) {
    apply_spans(&mut duty.members, &SPANNING);
    for field in SPANNING {
        let printed: Vec<&Draft> = duty.members.iter().filter(|m| m.get(field).is_some()).collect();
        let empty: Vec<&Draft> = duty.members.iter().filter(|m| m.get(field).is_none()).collect();
        if printed.is_empty() || empty.is_empty() || spans_known {
            continue;
        }
        let ids = |v: &[&Draft]| v.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(", ");
        issues.push(
            Issue::new(
                Severity::Info,
                "span_unknown",
                format!(
                    "{} is printed on {} but not on {} of duty {}; whether its cell is merged over those rows cannot be told from the text, so each row keeps what it prints",
                    field.name(),
                    ids(&printed),
                    ids(&empty),
                    duty.no.unwrap_or(0)
                ),
            )
            .record(empty.first().map(|m| m.id.clone()).unwrap_or_default())
            .at_line(printed.first().map(|m| m.line()).unwrap_or(0)),
        );
    }
}

/// A draft as a record: texts folded, values parsed.
fn finish(m: &Draft, duty: &Duty) -> BudgetRecord {
    let text = |f: Field| m.get(f).map(fold_text).filter(|s| !s.is_empty());
    let printed = |f: Field| {
        let t = text(f);
        let q = t.as_deref().and_then(parse_quantity);
        (t, q)
    };
    let (target, target_value) = printed(Field::Target);
    let (plan_value, plan_value_parsed) = printed(Field::PlanValue);
    let (standard_value, standard_value_parsed) = printed(Field::StandardValue);
    let (history_avg, history_avg_value) = printed(Field::HistoryAvg);
    let (history_last, history_last_value) = printed(Field::HistoryLast);
    BudgetRecord {
        id: m.id.clone(),
        duty_no: duty.no.unwrap_or(0),
        duty: text(Field::Duty),
        duty_goal: text(Field::DutyGoal),
        indicator: text(Field::Indicator),
        explanation: text(Field::Explanation),
        target,
        target_value,
        plan_value,
        plan_value_parsed,
        standard_value,
        standard_value_parsed,
        standard_source: text(Field::StandardSource),
        history_avg,
        history_avg_value,
        history_last,
        history_last_value,
        history_source: text(Field::HistorySource),
        remarks: text(Field::Remarks),
        activity: text(Field::Activity),
        budget_item: text(Field::BudgetItem),
        confidence: m.confidence(),
        provenance: Provenance { lines: m.sorted_lines(), repairs: m.repairs.clone() },
    }
}

/// The warning on a record read from a row of odd width: the row lost or gained cells, so
/// where its cells belong was guessed from what they hold, whatever the reading found; the
/// fields read off their printed column, and those another reading places nearly as well,
/// are named.
fn odd_row_issue(m: &Draft, printed: usize, width: usize, shift: Option<&String>, close: &[&str], moved: Option<&Vec<Field>>) -> Issue {
    let mut fields: Vec<&str> = moved.into_iter().flatten().flat_map(|f| f.record_fields().iter().copied()).collect();
    for f in close {
        if !fields.contains(f) {
            fields.push(f);
        }
    }
    let why = format!("the row prints {printed} cells where the rows of its page print {width}, so it lost or gained cells");
    let issue = match shift {
        Some(r) => Issue::new(Severity::Warning, "cells_shifted", format!("{r}; {why}")),
        None => Issue::new(
            Severity::Warning,
            "cell_count_odd",
            format!("{why}; its cells read best where they are printed, which is a guess"),
        ),
    };
    issue.record(m.id.clone()).fields(&fields).at_line(m.line())
}

/// The repair note of a row whose cells sit off the table's layout.
fn describe_shift(p: &Placed, moves: &[(usize, usize)]) -> String {
    let parts: Vec<String> = moves
        .iter()
        .filter_map(|&(from, to)| {
            let (field, cell) = p.fields.iter().find(|(_, c)| c.col == from)?;
            Some(format!("'{}' in column {from} read as {} (column {to})", fold_text(&cell.text), field.name()))
        })
        .collect();
    format!(
        "cells_shifted: {}; the row lost or gained an empty cell, so its cells were placed by what they hold and by how the table's other rows fill these columns",
        parts.join(", ")
    )
}

/// One info issue per table when the printed headers label columns other than the ones the
/// template order gives them, so the reader knows the values were not placed by header.
fn header_disagreement(region: &TableRegion, layout: &Layout, issues: &mut Vec<Issue>) {
    let mut off: Vec<String> = Vec::new();
    let mut lines: Vec<u32> = Vec::new();
    for b in &region.blocks {
        for (slot, &field) in layout.slots.iter().enumerate() {
            let (Some(printed), Some(&used)) = (b.map.column_of(field), layout.columns.get(slot)) else { continue };
            if printed != used {
                let note = format!("{} over column {printed} (data in {used})", field.name());
                if !off.contains(&note) {
                    off.push(note);
                }
                if let Some(&l) = b.map.lines.first() {
                    if !lines.contains(&l) {
                        lines.push(l);
                    }
                }
            }
        }
    }
    if let Some(&first) = lines.first() {
        issues.push(
            Issue::new(
                Severity::Info,
                "header_misaligned",
                format!(
                    "page headers at lines {} print {}; the values were placed by the template's column order and by what they hold",
                    lines.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                    off.join(", ")
                ),
            )
            .at_line(first),
        );
    }
}

/// What the header printed that the layout could not use: labels of no field (their columns
/// are kept, and each of their cells reported where it stands) and fields named without a
/// column of data.
fn layout_issues(region: &TableRegion, notes: &LayoutNotes, issues: &mut Vec<Issue>) {
    let line = region.blocks.iter().find_map(|b| b.map.lines.first().copied()).unwrap_or(region.line);
    if !notes.unmapped.is_empty() {
        let labels: Vec<String> = notes.unmapped.iter().map(|(c, t)| format!("'{}' over column {c}", fold_text(t))).collect();
        issues.push(
            Issue::new(
                Severity::Info,
                "header_unmapped",
                format!(
                    "header labels that name no field of the budget template: {}; their columns are kept apart and any text in them is reported as unplaced",
                    labels.join(", ")
                ),
            )
            .at_line(line),
        );
    }
    if !notes.absent.is_empty() {
        let names: Vec<&str> = notes.absent.iter().map(|f| f.name()).collect();
        issues.push(
            Issue::new(
                Severity::Info,
                "column_absent",
                format!("the header names {} but no column of data is left for it", names.join(", ")),
            )
            .at_line(line),
        );
    }
}

fn trace_layout(trace: &mut Trace, region: &TableRegion, layout: &Layout) {
    for (b, block) in region.blocks.iter().enumerate() {
        trace.note(format!("page block {b}: header lines {:?}; column map: {}", block.map.lines, block.map.describe()));
    }
    let slots: Vec<String> = layout
        .slots
        .iter()
        .zip(&layout.columns)
        .zip(&layout.fill_rates)
        .map(|((f, c), r)| format!("{}@{c}({:.0}%)", f.name(), r * 100.0))
        .collect();
    trace.note(format!("layout (slot@column(fill rate)): {}", slots.join(" ")));
    if !region.preamble.is_empty() {
        trace.note(format!("preamble rows at lines {:?}", region.preamble.iter().map(|r| r.pos.line).collect::<Vec<_>>()));
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_slid;
#[cfg(test)]
mod tests_variants;
