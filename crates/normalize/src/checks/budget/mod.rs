//! Budget-target tables (部门预算整体绩效目标表): the budget header adds up, the duties run
//! 1, 2, 3 … and no indicator row looks shifted by a column.
//!
//! - `budget_sum_mismatch` (warning): 基本支出 + 项目支出 differs from 部门整体预算总额.
//! - `budget_sources_mismatch` (warning): the printed 资金来源 amounts do not add up to the total.
//! - `budget_unchecked` (info): one of those two sums could not be checked, and why.
//! - `duty_gap` / `duty_out_of_order` (warning): a duty number is missing, goes backwards or
//!   repeats after another duty.
//! - `value_shift_suspected` (warning): a number in a source column beside an empty or
//!   qualitative value, or long prose in a value column beside an empty source column.
//!
//! Amounts are compared when they are plain numbers ([`Quantity::Number`] without a bound) in
//! one unit, or in units of one money scale (元, 万元, 亿元), which are converted to the
//! coarsest of them. The tolerance is 0.005 of the unit compared in: what rounding to two
//! printed decimals can explain.

use std::collections::{BTreeSet, HashMap};

use zhibiao_model::{Budget, BudgetRecord, Issue, Quantity, Severity, Table};

use super::{num, place};
use crate::quantity::parse_quantity;

/// Rounding a printed amount to two decimals can move it this much (in its unit).
const TOLERANCE: f64 = 0.005;

/// Money units that convert into each other, with their size in 元.
const MONEY_SCALE: [(&str, f64); 3] = [("元", 1.0), ("万元", 1e4), ("亿元", 1e8)];

/// A value column holding more characters than this is prose, not a value.
const MAX_VALUE_CHARS: usize = 30;

/// More missing duty numbers than this after one jump are reported as one issue.
const MAX_GAPS_LISTED: usize = 3;

/// Runs the budget-table checks. Never changes the table.
pub(super) fn check(table: &Table) -> Vec<Issue> {
    let mut issues = Vec::new();
    if let Some(budget) = &table.budget {
        issues.extend(structure(budget));
        issues.extend(sources(budget));
    }
    let records = table.records.budget();
    issues.extend(duties(records));
    issues.extend(records.iter().filter_map(shifted));
    issues
}

// ---------------------------------------------------------------------------------------------
// The budget header
// ---------------------------------------------------------------------------------------------

/// One printed amount of the budget header, read for adding up.
struct Amount<'a> {
    /// What the form calls it (`基本支出`, `财政拨款`).
    label: &'a str,
    /// As printed (or rebuilt from the parsed value when the text is absent).
    printed: String,
    number: f64,
    unit: Option<String>,
}

/// Reads one header amount. `None` when it is not printed; `Err` says why a printed amount
/// cannot be added (not a number, a bound, a range). The parsed value is used when present,
/// else the printed text is parsed.
fn amount<'a>(
    label: &'a str,
    text: Option<&str>,
    parsed: Option<&Quantity>,
) -> Option<Result<Amount<'a>, String>> {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    let reparsed;
    let quantity = match parsed {
        Some(q) => q,
        None => {
            reparsed = parse_quantity(text?)?;
            &reparsed
        }
    };
    let printed = text.map(str::to_string).unwrap_or_else(|| show(quantity));
    Some(match quantity {
        Quantity::Number {
            number,
            unit,
            bound: None,
            ..
        } => Ok(Amount {
            label,
            printed,
            number: *number,
            unit: unit.as_deref().map(str::trim).map(str::to_string),
        }),
        Quantity::Number { .. } => Err(format!("{label} '{printed}' is a bound, not an amount")),
        Quantity::Range { .. } => Err(format!("{label} '{printed}' is a range, not an amount")),
        Quantity::Qualitative { .. } => Err(format!("{label} '{printed}' is not a number")),
    })
}

/// A parsed value written back as text, for messages when the printed text is absent.
fn show(q: &Quantity) -> String {
    match q {
        Quantity::Number { number, unit, .. } => {
            format!("{}{}", num(*number), unit.as_deref().unwrap_or(""))
        }
        Quantity::Range { min, max, unit, .. } => {
            format!(
                "{}-{}{}",
                num(*min),
                num(*max),
                unit.as_deref().unwrap_or("")
            )
        }
        Quantity::Qualitative { qualitative } => qualitative.clone(),
    }
}

fn money_scale(unit: Option<&str>) -> Option<f64> {
    let unit = unit?;
    MONEY_SCALE
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, s)| *s)
}

/// The parts' sum and the total in one unit: `(sum, total, unit)`. `Err` when the units
/// differ and are not all of one money scale.
fn in_one_unit(total: &Amount, parts: &[Amount]) -> Result<(f64, f64, String), String> {
    let units: BTreeSet<Option<&str>> = std::iter::once(total)
        .chain(parts)
        .map(|a| a.unit.as_deref())
        .collect();
    if units.len() == 1 {
        let sum = parts.iter().map(|a| a.number).sum();
        let unit = total.unit.clone().unwrap_or_default();
        return Ok((sum, total.number, unit));
    }
    let scales: Option<Vec<f64>> = units.iter().map(|u| money_scale(*u)).collect();
    let Some(scales) = scales else {
        let listed: Vec<String> = units
            .iter()
            .map(|u| match u {
                Some(u) => u.to_string(),
                None => "no unit".to_string(),
            })
            .collect();
        return Err(format!(
            "the amounts are in different units ({})",
            listed.join(", ")
        ));
    };
    let coarsest = scales.iter().copied().fold(0.0, f64::max);
    let unit = MONEY_SCALE
        .iter()
        .find(|(_, s)| *s == coarsest)
        .map(|(u, _)| u.to_string())
        .unwrap_or_default();
    let convert = |a: &Amount| a.number * money_scale(a.unit.as_deref()).unwrap_or(1.0) / coarsest;
    let sum = parts.iter().map(convert).sum();
    Ok((sum, convert(total), unit))
}

/// `a + b = c` from the printed parts.
fn addition(parts: &[Amount], sum: f64, unit: &str) -> String {
    let terms: Vec<String> = parts
        .iter()
        .map(|a| format!("{} {}", a.label, a.printed))
        .collect();
    format!("{} = {}{}", terms.join(" + "), num(sum), unit)
}

fn budget_issue(severity: Severity, code: &str, message: String, budget: &Budget) -> Issue {
    place(Issue::new(severity, code, message), None, budget.line)
}

/// 基本支出 + 项目支出 against 部门整体预算总额.
fn structure(budget: &Budget) -> Option<Issue> {
    let total = amount(
        "部门整体预算总额",
        budget.total.as_deref(),
        budget.total_value.as_ref(),
    )?;
    let basic = amount(
        "基本支出",
        budget.basic.as_deref(),
        budget.basic_value.as_ref(),
    );
    let project = amount(
        "项目支出",
        budget.project.as_deref(),
        budget.project_value.as_ref(),
    );
    if basic.is_none() && project.is_none() {
        return None;
    }
    let unchecked = |why: String| {
        Some(budget_issue(
            Severity::Info,
            "budget_unchecked",
            format!("基本支出 + 项目支出 not checked against 部门整体预算总额: {why}"),
            budget,
        ))
    };
    let (basic, project) = match (basic, project) {
        (None, _) => return unchecked("基本支出 is not printed".to_string()),
        (_, None) => return unchecked("项目支出 is not printed".to_string()),
        (Some(b), Some(p)) => (b, p),
    };
    let (total, parts) = match (total, basic, project) {
        (Err(why), _, _) | (_, Err(why), _) | (_, _, Err(why)) => return unchecked(why),
        (Ok(t), Ok(b), Ok(p)) => (t, vec![b, p]),
    };
    let (sum, total_number, unit) = match in_one_unit(&total, &parts) {
        Ok(v) => v,
        Err(why) => return unchecked(why),
    };
    if (sum - total_number).abs() <= TOLERANCE + 1e-9 {
        return None;
    }
    Some(budget_issue(
        Severity::Warning,
        "budget_sum_mismatch",
        format!(
            "基本支出 + 项目支出 should make 部门整体预算总额 {} but {} (a difference of {}{})",
            total.printed,
            addition(&parts, sum, &unit),
            num(sum - total_number),
            unit
        ),
        budget,
    ))
}

/// The printed 资金来源 amounts against 部门整体预算总额; sources left blank count as nothing.
fn sources(budget: &Budget) -> Option<Issue> {
    let printed: Vec<Result<Amount, String>> = budget
        .sources
        .iter()
        .filter_map(|s| amount(&s.name, s.amount.as_deref(), s.amount_value.as_ref()))
        .collect();
    if printed.is_empty() {
        return None;
    }
    let total = amount(
        "部门整体预算总额",
        budget.total.as_deref(),
        budget.total_value.as_ref(),
    )?;
    let unchecked = |why: String| {
        Some(budget_issue(
            Severity::Info,
            "budget_unchecked",
            format!("资金来源 not checked against 部门整体预算总额: {why}"),
            budget,
        ))
    };
    let total = match total {
        Ok(t) => t,
        Err(why) => return unchecked(why),
    };
    let mut parts = Vec::new();
    for p in printed {
        match p {
            Ok(a) => parts.push(a),
            Err(why) => return unchecked(why),
        }
    }
    let (sum, total_number, unit) = match in_one_unit(&total, &parts) {
        Ok(v) => v,
        Err(why) => return unchecked(why),
    };
    if (sum - total_number).abs() <= TOLERANCE + 1e-9 {
        return None;
    }
    let blank: Vec<&str> = budget
        .sources
        .iter()
        .filter(|s| !parts.iter().any(|a| a.label == s.name))
        .map(|s| s.name.as_str())
        .collect();
    let note = if blank.is_empty() {
        String::new()
    } else {
        format!("; left blank: {}", blank.join(", "))
    };
    Some(budget_issue(
        Severity::Warning,
        "budget_sources_mismatch",
        format!(
            "资金来源 should make 部门整体预算总额 {} but {} (a difference of {}{}){}",
            total.printed,
            addition(&parts, sum, &unit),
            num(sum - total_number),
            unit,
            note
        ),
        budget,
    ))
}

// ---------------------------------------------------------------------------------------------
// Duty numbers
// ---------------------------------------------------------------------------------------------

fn first_line(record: &BudgetRecord) -> Option<u32> {
    record.provenance.lines.iter().copied().min()
}

/// Walks the duty numbers in table order. A number above every one so far must be the next
/// one: each number it skips that appears nowhere in the table is a `duty_gap` (numbers
/// that appear later are reported there, as out of order). A number below the highest so
/// far, or one that comes back after another duty, is `duty_out_of_order`. Both are placed
/// on the first record after the jump.
fn duties(records: &[BudgetRecord]) -> Vec<Issue> {
    let present: BTreeSet<u32> = records.iter().map(|r| r.duty_no).collect();
    let mut first_seen: HashMap<u32, &BudgetRecord> = HashMap::new();
    let mut previous: Option<u32> = None;
    let mut highest = 0;
    let mut issues = Vec::new();
    for record in records {
        let duty = record.duty_no;
        if previous == Some(duty) {
            continue;
        }
        let line = first_line(record);
        let at = |issue: Issue| place(issue, Some(&record.id), line);
        if let Some(first) = first_seen.get(&duty) {
            let began = match first_line(first) {
                Some(l) => format!("{} (line {l})", first.id),
                None => first.id.clone(),
            };
            issues.push(at(Issue::new(
                Severity::Warning,
                "duty_out_of_order",
                format!(
                    "duty {duty} appears again after duty {}: its rows began at {began}",
                    previous.unwrap_or_default()
                ),
            )));
        } else if duty < highest {
            issues.push(at(Issue::new(
                Severity::Warning,
                "duty_out_of_order",
                format!(
                    "duty {duty} comes after duty {}: duty numbers should increase",
                    previous.unwrap_or(highest)
                ),
            )));
        } else {
            let missing: Vec<u32> = (highest + 1..duty)
                .filter(|n| !present.contains(n))
                .collect();
            let context = match previous {
                Some(p) => format!("the table goes from {p} to {duty}"),
                None => format!("the table starts at {duty}"),
            };
            if missing.len() > MAX_GAPS_LISTED {
                let listed: Vec<String> = missing.iter().map(u32::to_string).collect();
                issues.push(at(Issue::new(
                    Severity::Warning,
                    "duty_gap",
                    format!("duties {} are missing: {context}", listed.join(", ")),
                )));
            } else {
                for n in missing {
                    issues.push(at(Issue::new(
                        Severity::Warning,
                        "duty_gap",
                        format!("duty {n} is missing: {context}"),
                    )));
                }
            }
            highest = duty;
        }
        first_seen.entry(duty).or_insert(record);
        previous = Some(duty);
    }
    issues
}

// ---------------------------------------------------------------------------------------------
// Column shifts
// ---------------------------------------------------------------------------------------------

/// One cell of a record: its field name, text and parsed value.
#[derive(Clone, Copy)]
struct Cell<'a> {
    field: &'static str,
    text: Option<&'a str>,
    parsed: Option<&'a Quantity>,
}

impl Cell<'_> {
    fn text(&self) -> Option<&str> {
        self.text.map(str::trim).filter(|t| !t.is_empty())
    }

    /// Empty, or a value that is not a number (`应做尽做`).
    fn empty_or_qualitative(&self) -> bool {
        let Some(text) = self.text() else {
            return true;
        };
        let quantity = match self.parsed {
            Some(q) => Some(q.clone()),
            None => parse_quantity(text),
        };
        matches!(quantity, None | Some(Quantity::Qualitative { .. }))
    }

    /// `'text'`, or `empty`.
    fn shown(&self) -> String {
        match self.text() {
            Some(t) => format!("'{t}'"),
            None => "empty".to_string(),
        }
    }
}

fn cell<'a>(
    field: &'static str,
    text: &'a Option<String>,
    parsed: Option<&'a Quantity>,
) -> Cell<'a> {
    Cell {
        field,
        text: text.as_deref(),
        parsed,
    }
}

/// A source or text cell that reads as a plain number or a range (`95%`, `10-13个`), not as
/// words with a number in them (`2019年新设立…`).
fn reads_as_value(text: &str) -> bool {
    matches!(
        parse_quantity(text),
        Some(Quantity::Number {
            qualifier: None,
            ..
        }) | Some(Quantity::Range { .. })
    )
}

/// Every sign that the record's cells moved by a column, as one issue.
///
/// - A source/text cell (standard_source, history_source, remarks) that reads as a plain
///   number or range while the value cell to its left in the layout (standard_value;
///   history_last; history_last again for remarks, history_source being text) is empty or
///   qualitative: the value likely moved right.
/// - The value cell right before a source cell (standard_value before standard_source,
///   history_last before history_source) holding more than 30 characters of prose while the
///   source cell is empty: the source likely moved left. Only these two: a long 年度指标值 or
///   规划值 beside an empty 来源 is a wordy target, not a shift.
fn shifted(r: &BudgetRecord) -> Option<Issue> {
    let standard = cell(
        "standard_value",
        &r.standard_value,
        r.standard_value_parsed.as_ref(),
    );
    let last = cell(
        "history_last",
        &r.history_last,
        r.history_last_value.as_ref(),
    );
    let standard_source = cell("standard_source", &r.standard_source, None);
    let history_source = cell("history_source", &r.history_source, None);
    let remarks = cell("remarks", &r.remarks, None);

    let mut found = Vec::new();
    for (text_cell, value_cell) in [
        (standard_source, standard),
        (history_source, last),
        (remarks, last),
    ] {
        let Some(text) = text_cell.text() else {
            continue;
        };
        if reads_as_value(text) && value_cell.empty_or_qualitative() {
            let beside = match value_cell.text() {
                Some(_) => format!("{}, not a number", value_cell.shown()),
                None => value_cell.shown(),
            };
            found.push(format!(
                "{} is '{text}', a value, while {} is {beside}: the value may have moved right",
                text_cell.field, value_cell.field
            ));
        }
    }
    for (value_cell, source_cell) in [(standard, standard_source), (last, history_source)] {
        let Some(text) = value_cell.text() else {
            continue;
        };
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if chars > MAX_VALUE_CHARS && source_cell.text().is_none() {
            found.push(format!(
                "{} holds {chars} characters of prose ('{text}') while {} is empty: the source may have moved left",
                value_cell.field, source_cell.field
            ));
        }
    }
    if found.is_empty() {
        return None;
    }
    let issue = Issue::new(
        Severity::Warning,
        "value_shift_suspected",
        format!("{}: {}", r.id, found.join("; ")),
    );
    Some(place(issue, Some(&r.id), first_line(r)))
}

#[cfg(test)]
mod tests;
