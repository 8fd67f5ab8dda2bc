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

pub mod place;
pub mod preamble;

use std::collections::{BTreeMap, HashMap};

use super::align::{AlignSettings, Layout};
use super::row::{Placed, RowKind};
use super::{apply_spans, report_unplaced, walk, Draft, Entry, Rebuilt, Walked};
use crate::header::Field;
use crate::region::TableRegion;
use crate::trace::Trace;
use place::{classify_row, duty_no, table_layout, DUTY_FIELDS};
use preamble::read_preamble;
use zhibiao_model::{BudgetRecord, Issue, Location, Provenance, Records, Severity, Table, TableKind};
use zhibiao_normalize::quantity::parse_quantity;
use zhibiao_normalize::text::fold_text;

/// Fields whose cells may be merged over several indicator rows of a duty.
const SPANNING: [Field; 2] = [Field::Activity, Field::BudgetItem];

/// Rebuilds one budget-target table.
pub fn rebuild(region: &TableRegion, trace: &mut Trace) -> Rebuilt {
    let mut issues: Vec<Issue> = Vec::new();
    let layout = table_layout(&region.blocks, AlignSettings::default());
    trace_layout(trace, region, &layout);
    header_disagreement(region, &layout, &mut issues);

    let mut shifted: HashMap<u32, String> = HashMap::new();
    let mut entries: Vec<Entry> = Vec::new();
    for (b, block) in region.blocks.iter().enumerate() {
        for row in &block.rows {
            let (kind, alignment) = classify_row(row, &layout);
            if let (RowKind::Record(p), Some(a)) = (&kind, alignment) {
                let moves = a.shifted(&layout);
                if !moves.is_empty() {
                    shifted.insert(row.pos.line, describe_shift(p, &moves));
                }
            }
            entries.push((b, row.pos.line, kind));
        }
    }
    let mut open = |p: &Placed, b: usize, line: u32, _: &mut Vec<Issue>| -> Draft {
        let mut d = Draft::from_placed(p, b, line);
        if let Some(msg) = shifted.get(&line) {
            d.repairs.push(msg.clone());
        }
        d
    };
    let Walked { drafts, totals, .. } = walk(region, &entries, &mut open, &|_| false, trace, &mut issues);

    let mut duties = group_duties(drafts, &mut issues);
    number_duties(&mut duties, &mut issues);
    for duty in &mut duties {
        share_duty_fields(duty);
        fill_spans(duty, region.spans_known, &mut issues);
    }
    // Shifts are guesses: each becomes an issue too, now that the rows have their ids.
    for m in duties.iter().flat_map(|d| &d.members) {
        for r in m.repairs.iter().filter(|r| r.starts_with("cells_shifted:")) {
            issues.push(Issue::new(Severity::Info, "cells_shifted", r.clone()).record(m.id.clone()).at_line(m.line()));
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

/// One duty: its merged cells and its indicator rows.
#[derive(Debug, Default)]
struct Duty {
    no: Option<u32>,
    /// Duty-level cells as printed, with their lines.
    cells: BTreeMap<Field, (String, u32)>,
    members: Vec<Draft>,
}

impl Duty {
    fn line(&self) -> u32 {
        self.cells.values().map(|c| c.1).min().or_else(|| self.members.first().map(Draft::line)).unwrap_or(0)
    }
}

/// A draft that shows indicator cells, not only the duty's.
fn has_indicator_cells(d: &Draft) -> bool {
    d.fields.iter().any(|(f, t)| !DUTY_FIELDS.contains(f) && !t.trim().is_empty())
}

/// Groups the drafts into duties. A row opens a new duty when it prints a duty-level cell the
/// current duty already has; a duty-level cell the current duty lacks is that duty's, printed
/// on a later row of its merged cell. Rows above the first duty-level cell belong to the
/// first duty.
fn group_duties(drafts: Vec<Draft>, issues: &mut Vec<Issue>) -> Vec<Duty> {
    let mut duties: Vec<Duty> = Vec::new();
    let mut leading: Vec<Draft> = Vec::new();
    for mut d in drafts {
        let printed: Vec<Field> = DUTY_FIELDS.iter().copied().filter(|&f| d.get(f).is_some()).collect();
        let opens = match duties.last() {
            None => !printed.is_empty(),
            Some(cur) => printed.iter().any(|f| cur.cells.contains_key(f)),
        };
        if opens {
            duties.push(Duty::default());
        }
        let Some(cur) = duties.last_mut() else {
            leading.push(d);
            continue;
        };
        for f in printed {
            if let Some(text) = d.fields.remove(&f) {
                if f == Field::DutyNo {
                    cur.no = duty_no(&text);
                    if cur.no.is_none() {
                        // Only the number is output: text that is not one must be said.
                        issues.push(
                            Issue::new(
                                Severity::Warning,
                                "unplaced_text",
                                format!("the 职责序号 cell reads '{}', not a duty number", fold_text(&text)),
                            )
                            .at_line(d.line()),
                        );
                    }
                }
                cur.cells.insert(f, (text, d.line()));
            }
        }
        if has_indicator_cells(&d) {
            cur.members.push(d);
        } else if let Some(last) = cur.members.last_mut() {
            // Only duty cells on this row: its lines still belong to the duty's rows.
            last.add_line(d.line());
        }
    }
    if !leading.is_empty() {
        match duties.first_mut() {
            Some(first) => {
                let lines: Vec<u32> = leading.iter().map(Draft::line).collect();
                issues.push(
                    Issue::new(
                        Severity::Info,
                        "duty_inferred",
                        format!("rows at lines {lines:?} come before any 职责序号 / 部门职责; read as rows of the first duty, whose merged cell prints its text lower down"),
                    )
                    .at_line(lines.first().copied().unwrap_or(0)),
                );
                let mut members = leading;
                members.append(&mut first.members);
                first.members = members;
            }
            None => {
                let only = Duty { members: leading, ..Default::default() };
                issues.push(Issue::new(
                    Severity::Warning,
                    "duty_missing",
                    "no row of the table prints a 职责序号 or 部门职责: the indicators are given duty 1",
                ));
                duties.push(only);
            }
        }
    }
    duties
}

/// Gives every duty its number: the printed one, else the one after the previous duty's
/// (reported). A number an earlier duty already has is either that duty again (its merged
/// cell printed anew after a page break: same 部门职责 or none) and its indicators continue
/// the count, or an OCR misread (`1, 2, 2, 4` with another 部门职责): the duty takes the
/// number after the previous one when no other duty prints it, else its indicators continue
/// the count so that ids stay unique. Drops duties without indicators (reported).
fn number_duties(duties: &mut Vec<Duty>, issues: &mut Vec<Issue>) {
    let printed: Vec<u32> = duties.iter().filter_map(|d| d.no).collect();
    // Indicators numbered so far, and the 部门职责, per duty number.
    let mut counted: BTreeMap<u32, usize> = BTreeMap::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut previous = 0;
    for duty in duties.iter_mut() {
        let name = duty.cells.get(&Field::Duty).map(|c| fold_text(&c.0));
        let same_duty = |n: u32| match (&name, names.get(&n)) {
            (Some(a), Some(b)) => zhibiao_normalize::text::squash(a) == zhibiao_normalize::text::squash(b),
            _ => true,
        };
        let no = match duty.no {
            Some(n) if counted.contains_key(&n) && same_duty(n) => {
                issues.push(
                    Issue::new(
                        Severity::Info,
                        "duty_continued",
                        format!("职责序号 {n} is printed again, with the same duty: read as duty {n} going on (its merged cell printed anew, as after a page break)"),
                    )
                    .record(n.to_string())
                    .at_line(duty.line()),
                );
                n
            }
            Some(n) if counted.contains_key(&n) => {
                let next = previous + 1;
                let free = !counted.contains_key(&next) && !printed.contains(&next);
                let use_no = if free { next } else { n };
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "duty_no_repeated",
                        if free {
                            format!("职责序号 {n} is printed again for another duty; read as {next}, the number after the duty above, which no duty prints")
                        } else {
                            format!("职责序号 {n} is printed again for another duty; its indicators continue duty {n}'s numbering so that ids stay unique")
                        },
                    )
                    .record(use_no.to_string())
                    .at_line(duty.line()),
                );
                use_no
            }
            Some(n) => n,
            None => {
                let n = previous + 1;
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "duty_no_inferred",
                        format!("a duty has no readable 职责序号; numbered {n}, after the duty above"),
                    )
                    .record(n.to_string())
                    .at_line(duty.line()),
                );
                n
            }
        };
        duty.no = Some(no);
        previous = no;
        if let Some(name) = name {
            names.entry(no).or_insert(name);
        }
        let seen = counted.entry(no).or_insert(0);
        for m in duty.members.iter_mut() {
            *seen += 1;
            m.id = format!("{no}-{seen}");
        }
        if duty.members.is_empty() {
            let printed: Vec<String> = duty.cells.values().map(|c| fold_text(&c.0)).collect();
            issues.push(
                Issue::new(
                    Severity::Warning,
                    "duty_without_indicators",
                    format!("duty {no} ('{}') has no performance indicator rows", printed.join("' | '")),
                )
                .record(no.to_string())
                .at_line(duty.line()),
            );
        }
    }
    duties.retain(|d| !d.members.is_empty());
}

/// Gives the duty's merged cells to each of its indicator rows.
fn share_duty_fields(duty: &mut Duty) {
    let no = duty.no.unwrap_or(0);
    for m in &mut duty.members {
        let mut elsewhere: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
        for (f, (text, line)) in &duty.cells {
            if *line != m.line() {
                elsewhere.entry(*line).or_default().push(f.name());
                m.add_line(*line);
            }
            m.fields.insert(*f, text.clone());
        }
        for (line, names) in elsewhere {
            m.repairs.push(format!("merged_cell_shared: {} of duty {no} printed on line {line}", names.join(", ")));
        }
    }
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
