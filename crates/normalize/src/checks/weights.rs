//! Weights against the points their 一级指标 declares ('（4.5分）' over rows of 1.5).

use zhibiao_model::{Issue, Record, Severity, Table};

use super::{first_line, id_parts, num, place, same};

/// Groups leaf records by first-level indicator and compares the declared points with the
/// sum of the weights. A two-part id forms a group only when it declares points itself
/// (行政能力目标 rows like 4-1 carry a weight but no points of their own).
pub(super) fn check(table: &Table) -> Vec<Issue> {
    let mut groups: Vec<(String, Vec<&Record>)> = Vec::new();
    for record in table.records.performance() {
        let Some(parts) = id_parts(&record.id) else {
            continue;
        };
        let key = match parts.as_slice() {
            [a, b, _] => format!("{a}-{b}"),
            [_, _] if record.primary_points.is_some() => record.id.clone(),
            _ => continue,
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(record),
            None => groups.push((key, vec![record])),
        }
    }

    let mut issues = Vec::new();
    for (key, members) in groups {
        let Some(points) = members.iter().find_map(|r| r.primary_points) else {
            continue;
        };
        let missing: Vec<&&Record> = members.iter().filter(|r| r.weight.is_none()).collect();
        for record in &missing {
            let issue = Issue::new(
                Severity::Warning,
                "weight_missing",
                format!(
                    "record {} has no weight; its first-level indicator {} declares {} points",
                    record.id,
                    key,
                    num(points)
                ),
            );
            issues.push(place(issue.fields(&["weight"]), Some(&record.id), first_line(record)));
        }
        if !missing.is_empty() {
            // The sum cannot match with a weight missing; that is already reported.
            continue;
        }
        let sum: f64 = members.iter().filter_map(|r| r.weight).sum();
        if !same(sum, points) {
            let listed: Vec<String> = members
                .iter()
                .map(|r| format!("{} = {}", r.id, r.weight.map(num).unwrap_or_default()))
                .collect();
            let issue = Issue::new(
                Severity::Warning,
                "weight_sum_mismatch",
                format!(
                    "first-level indicator {} declares {} points but its weights sum to {} ({})",
                    key,
                    num(points),
                    num(sum),
                    listed.join(", ")
                ),
            );
            issues.push(place(
                issue.fields(&["weight", "primary_points"]),
                Some(&key),
                members.first().and_then(|r| first_line(r)),
            ));
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::*;

    #[test]
    fn matching_weights_pass() {
        let t = table(
            vec![
                rec("1-3-1", Some(1.5), Some(4.5), 86),
                rec("1-3-2", Some(1.5), None, 87),
                rec("1-3-3", Some(1.5), Some(4.5), 88),
                // Two-part ids without points are not grouped (行政能力目标).
                rec("4-1", Some(1.0), None, 190),
                // Two-part id with points is its own group.
                rec("1-20", Some(5.0), Some(5.0), 175),
            ],
            vec![],
        );
        assert!(check(&t).is_empty());
    }

    #[test]
    fn mismatch_is_reported_on_the_group() {
        // Science 1-10 read with three rows of 2 would not match its 4 points.
        let t = table(
            vec![
                rec("1-10-1", Some(2.0), Some(4.0), 124),
                rec("1-10-2", Some(2.0), Some(4.0), 125),
                rec("1-10-3", Some(2.0), Some(4.0), 126),
            ],
            vec![],
        );
        let issues = check(&t);
        assert_eq!(issues.len(), 1);
        let issue = &issues[0];
        assert_eq!(issue.code, "weight_sum_mismatch");
        assert_eq!(issue.severity, Severity::Warning);
        assert_eq!(issue.record.as_deref(), Some("1-10"));
        assert_eq!(issue.location.as_ref().and_then(|l| l.line), Some(124));
        assert!(
            issue.message.contains("declares 4 points"),
            "{}",
            issue.message
        );
        assert!(issue.message.contains("sum to 6"), "{}", issue.message);
        assert!(issue.message.contains("1-10-3 = 2"), "{}", issue.message);
    }

    #[test]
    fn two_part_id_with_points_mismatch() {
        let t = table(vec![rec("1-14", Some(10.0), Some(5.0), 80)], vec![]);
        let issues = check(&t);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].record.as_deref(), Some("1-14"));
    }

    #[test]
    fn missing_weight_is_its_own_issue() {
        let t = table(
            vec![
                rec("1-2-1", None, Some(4.0), 18),
                rec("1-2-2", Some(2.0), Some(4.0), 19),
            ],
            vec![],
        );
        let issues = check(&t);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, "weight_missing");
        assert_eq!(issues[0].record.as_deref(), Some("1-2-1"));
        assert_eq!(issues[0].location.as_ref().and_then(|l| l.line), Some(18));
    }

    #[test]
    fn no_points_no_check() {
        let t = table(
            vec![
                rec("2-1-1", None, None, 5),
                rec("2-1-2", Some(9.0), None, 6),
            ],
            vec![],
        );
        assert!(check(&t).is_empty());
    }
}
