//! Consistency checks on a finished table.
//!
//! These run after the rebuild, on the records as they will be written. They never change a
//! record; each failed check becomes an [`Issue`] so the researcher sees where the table (or
//! our reading of it) does not add up. Which checks run depends on the table's kind:
//!
//! - performance-target tables (绩效目标考评表): weights against the points of their 一级指标
//!   ([`weights`]: `weight_missing`, `weight_sum_mismatch`), records against the printed
//!   totals ([`totals`]: `total_mismatch`) and the counts the prose declares ([`counts`]:
//!   `count_mismatch`), and the id sequence ([`ids`]: `duplicate_id`, `id_out_of_sequence`);
//! - budget-target tables (部门预算整体绩效目标表, [`budget`]): the budget header's sums
//!   (`budget_sum_mismatch`, `budget_sources_mismatch`, `budget_unchecked`), the duty numbers
//!   (`duty_gap`, `duty_out_of_order`) and rows that look shifted by a column
//!   (`value_shift_suspected`). `duty_without_indicators` is reported by the rebuild, which
//!   drops such duties.

mod budget;
mod counts;
mod ids;
mod totals;
mod weights;

use zhibiao_model::{Issue, Notice, Record, Table, TableKind};

/// Runs every check that applies to one table's kind. `notice` supplies the declared counts
/// (performance tables only); a notice with several tables should pass each table (the
/// counts are compared per table).
pub fn check_table(table: &Table, notice: &Notice) -> Vec<Issue> {
    match table.kind {
        TableKind::BudgetTargets => budget::check(table),
        TableKind::PerformanceTargets => {
            let mut issues = weights::check(table);
            issues.extend(totals::check(table));
            issues.extend(counts::check(table, notice));
            issues.extend(ids::check(table));
            issues
        }
    }
}

/// The first source line of a record: where a researcher should look.
fn first_line(record: &Record) -> Option<u32> {
    record.provenance.lines.iter().copied().min()
}

/// The numeric components of an id ('1-3-2' → [1, 3, 2]); `None` if any is not a number.
fn id_parts(id: &str) -> Option<Vec<u32>> {
    id.split('-')
        .map(|p| p.trim().parse::<u32>().ok())
        .collect()
}

/// The first-level indicator a record belongs to: '1-3' for '1-3-2'; a two-part id is its
/// own first level ('1-14', '4-1').
fn first_level_key(id: &str) -> Option<String> {
    let parts = id_parts(id)?;
    match parts.as_slice() {
        [a, b, _] => Some(format!("{a}-{b}")),
        [_, _] => Some(id.trim().to_string()),
        _ => None,
    }
}

/// Attaches a record or key and a line to an issue, when known.
fn place(mut issue: Issue, record: Option<&str>, line: Option<u32>) -> Issue {
    if let Some(record) = record {
        issue = issue.record(record);
    }
    if let Some(line) = line {
        issue = issue.at_line(line);
    }
    issue
}

/// Numbers as a reader writes them: 4, 4.5.
fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Equality of sums of printed decimals.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6
}

/// Builders for the checks' unit tests.
#[cfg(test)]
pub(crate) mod fixture {
    use zhibiao_model::{DeclaredTotal, Provenance, Record, Table, TableKind};

    pub fn rec(id: &str, weight: Option<f64>, points: Option<f64>, line: u32) -> Record {
        Record {
            id: id.to_string(),
            category: Some("职能工作目标".into()),
            group: Some("重点工作目标".into()),
            weight,
            primary_points: points,
            provenance: Provenance {
                lines: vec![line],
                repairs: vec![],
            },
            ..Default::default()
        }
    }

    pub fn total(label: &str, value: f64, line: Option<u32>) -> DeclaredTotal {
        DeclaredTotal {
            label: label.into(),
            value,
            line,
        }
    }

    pub fn table(records: Vec<Record>, totals: Vec<DeclaredTotal>) -> Table {
        Table {
            kind: TableKind::PerformanceTargets,
            title: None,
            unit: None,
            declared_totals: totals,
            budget: None,
            strategy: None,
            records: zhibiao_model::Records::Performance(records),
            location: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(id_parts("1-13-2"), Some(vec![1, 13, 2]));
        assert_eq!(id_parts("1-x"), None);
        assert_eq!(first_level_key("1-13-2").as_deref(), Some("1-13"));
        assert_eq!(first_level_key("1-14").as_deref(), Some("1-14"));
        assert_eq!(first_level_key("7"), None);
        assert_eq!(num(4.0), "4");
        assert_eq!(num(4.5), "4.5");
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert!(same(0.1 + 0.2, 0.3));
    }

    #[test]
    fn clean_table_has_no_issues() {
        let t = table(
            vec![
                rec("1-1-1", Some(1.5), Some(3.0), 10),
                rec("1-1-2", Some(1.5), Some(3.0), 11),
            ],
            vec![total("合计", 3.0, Some(12))],
        );
        assert!(check_table(&t, &Notice::default()).is_empty());
    }

    #[test]
    fn empty_table_has_no_issues() {
        let t = table(vec![], vec![total("合计", 80.0, Some(3))]);
        assert!(check_table(&t, &Notice::default()).is_empty());
    }
}
