//! Records against the printed 合计/小计 rows and the grand total.

use zhibiao_model::{DeclaredTotal, Issue, Record, Severity, Table};

use super::{first_line, num, place, same};
use crate::text::squash;

/// A label that names the whole table's score rather than one part of it.
fn grand_label(label: &str) -> bool {
    let label = squash(label);
    ["得分", "总分", "总计"].iter().any(|w| label.contains(w))
}

/// Compares every declared total with the weights of the records it closes.
///
/// A 合计/小计 closes the records printed since the previous one. With source lines that is
/// the records between the two total rows; a total with no records of its own after another
/// total (合计 80, 合计 20, 合计 100) is a grand total. Without lines (records built by
/// hand, gold files) the table's category blocks stand in: the n-th 合计 closes the n-th run
/// of records of one category, and one 合计 more than there are runs is the grand total.
/// Totals that cannot be placed either way are not checked. A grand total is compared with
/// all records.
pub(super) fn check(table: &Table) -> Vec<Issue> {
    let records = table.records.performance();
    if records.is_empty() {
        return Vec::new();
    }
    let (mut grand, sections): (Vec<&DeclaredTotal>, Vec<&DeclaredTotal>) = table
        .declared_totals
        .iter()
        .partition(|t| grand_label(&t.label));

    let mut issues = Vec::new();
    let lines_known = sections.iter().all(|t| t.line.is_some())
        && records.iter().all(|r| first_line(r).is_some());
    if lines_known {
        let mut previous: Option<u32> = None;
        // The totals checked so far, with the records each closes.
        let mut closed: Vec<(f64, Vec<&Record>)> = Vec::new();
        for total in sections {
            let Some(line) = total.line else { continue };
            let span: Vec<&Record> = records
                .iter()
                .filter(|r| {
                    first_line(r).is_some_and(|l| previous.is_none_or(|p| l > p) && l <= line)
                })
                .collect();
            if span.is_empty() && previous.is_some() {
                // A total right after others: it adds up the last few of them (小计 68, 小计
                // 12, 合计 80) and closes their records, or it is the grand total.
                let mut sum = 0.0;
                let mut rolled: Vec<&Record> = Vec::new();
                let mut found = false;
                for (value, recs) in closed.iter().rev() {
                    sum += value;
                    rolled.extend(recs.iter().copied());
                    if same(sum, total.value) {
                        found = true;
                        break;
                    }
                }
                if found {
                    issues.extend(compare(total, &rolled));
                    closed.push((total.value, Vec::new()));
                } else {
                    grand.push(total);
                }
                continue;
            }
            issues.extend(compare(total, &span));
            closed.push((total.value, span));
            previous = Some(line);
        }
    } else {
        let runs = category_runs(records);
        if sections.len() == runs.len() || sections.len() == runs.len() + 1 {
            for (i, total) in sections.iter().enumerate() {
                match runs.get(i) {
                    Some(run) => issues.extend(compare(total, run)),
                    None => grand.push(total),
                }
            }
        } else if let [only] = sections.as_slice() {
            grand.push(only);
        }
    }

    let all: Vec<&Record> = records.iter().collect();
    for total in grand {
        issues.extend(compare(total, &all));
    }
    issues
}

/// Consecutive records of one category, in table order.
fn category_runs(records: &[Record]) -> Vec<Vec<&Record>> {
    let mut runs: Vec<Vec<&Record>> = Vec::new();
    for record in records {
        match runs.last_mut() {
            Some(run) if run.first().is_some_and(|r| r.category == record.category) => {
                run.push(record)
            }
            _ => runs.push(vec![record]),
        }
    }
    runs
}

fn compare(total: &DeclaredTotal, span: &[&Record]) -> Option<Issue> {
    let sum: f64 = span.iter().filter_map(|r| r.weight).sum();
    if same(sum, total.value) {
        return None;
    }
    let range = match (span.first(), span.last()) {
        (Some(a), Some(b)) if span.len() > 1 => format!("{} … {}", a.id, b.id),
        (Some(a), _) => a.id.clone(),
        _ => "none".to_string(),
    };
    let unweighted = span.iter().filter(|r| r.weight.is_none()).count();
    let note = if unweighted > 0 {
        format!("; {unweighted} of them have no weight")
    } else {
        String::new()
    };
    let issue = Issue::new(
        Severity::Warning,
        "total_mismatch",
        format!(
            "total '{}' declares {} but the weights of the {} records it covers ({}) sum to {}{}",
            total.label,
            num(total.value),
            span.len(),
            range,
            num(sum),
            note
        ),
    );
    Some(place(issue, None, total.line))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::*;

    fn admin(id: &str, line: u32) -> Record {
        let mut r = rec(id, Some(1.0), None, line);
        r.category = Some("行政能力目标".into());
        r.group = Some("科学行政".into());
        r
    }

    fn science_like(lines: bool) -> Vec<Record> {
        let mut records = vec![
            rec("1-1-1", Some(1.5), Some(3.0), 80),
            rec("1-1-2", Some(1.5), Some(3.0), 81),
        ];
        records.extend([admin("4-1", 190), admin("4-2", 191)]);
        if !lines {
            for r in &mut records {
                r.provenance.lines.clear();
            }
        }
        records
    }

    #[test]
    fn sections_and_grand_total_by_line() {
        let totals = vec![
            total("合计", 3.0, Some(182)),
            total("合计", 2.0, Some(207)),
            total(
                "绩效目标考评得分（职能工作目标+行政能力目标）",
                5.0,
                Some(208),
            ),
        ];
        assert!(check(&table(science_like(true), totals)).is_empty());
    }

    #[test]
    fn unlabelled_grand_total_after_the_sections() {
        let totals = vec![
            total("合计", 3.0, Some(182)),
            total("合计", 2.0, Some(207)),
            total("合计", 5.0, Some(208)),
        ];
        assert!(check(&table(science_like(true), totals)).is_empty());
        let wrong = vec![
            total("合计", 3.0, Some(182)),
            total("合计", 2.0, Some(207)),
            total("合计", 6.0, Some(208)),
        ];
        let issues = check(&table(science_like(true), wrong));
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0].message.contains("declares 6"),
            "{}",
            issues[0].message
        );
        assert!(
            issues[0].message.contains("sum to 5"),
            "{}",
            issues[0].message
        );
    }

    #[test]
    fn section_mismatch_by_line() {
        let mut records = science_like(true);
        records[1].weight = Some(1.0);
        let totals = vec![
            total("合 计", 3.0, Some(182)),
            total("合计", 2.0, Some(207)),
            total("总分", 5.0, Some(208)),
        ];
        let issues = check(&table(records, totals));
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert!(issues.iter().all(|i| i.code == "total_mismatch"));
        assert_eq!(issues[0].location.as_ref().and_then(|l| l.line), Some(182));
        assert!(
            issues[0].message.contains("1-1-1 … 1-1-2"),
            "{}",
            issues[0].message
        );
        assert_eq!(issues[1].location.as_ref().and_then(|l| l.line), Some(208));
    }

    #[test]
    fn without_lines_category_runs_stand_in() {
        let totals = vec![
            total("合计", 3.0, None),
            total("合计", 2.0, None),
            total("合计", 5.0, None),
        ];
        assert!(check(&table(science_like(false), totals)).is_empty());
        let wrong = vec![total("合计", 3.0, None), total("合计", 4.0, None)];
        let issues = check(&table(science_like(false), wrong));
        assert_eq!(issues.len(), 1);
        assert!(issues[0].location.is_none());
    }

    #[test]
    fn single_total_covers_everything() {
        assert!(check(&table(science_like(false), vec![total("合计", 5.0, None)])).is_empty());
        assert_eq!(
            check(&table(science_like(false), vec![total("小计", 4.0, None)])).len(),
            1
        );
        assert!(check(&table(
            science_like(true),
            vec![total("合计", 5.0, Some(300))]
        ))
        .is_empty());
    }

    #[test]
    fn missing_weights_are_named() {
        let mut records = science_like(true);
        records[0].weight = None;
        let issues = check(&table(records, vec![total("合计", 5.0, Some(300))]));
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0].message.contains("1 of them have no weight"),
            "{}",
            issues[0].message
        );
    }

    #[test]
    fn no_totals_or_no_records() {
        assert!(check(&table(science_like(true), vec![])).is_empty());
        assert!(check(&table(vec![], vec![total("合计", 80.0, Some(1))])).is_empty());
    }
}
