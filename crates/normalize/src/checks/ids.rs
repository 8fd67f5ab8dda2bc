//! The 序号 sequence: duplicates, ids going backwards and gaps.

use std::collections::HashMap;

use zhibiao_model::{Issue, Severity, Table};

use super::{first_line, id_parts, place};

/// Flags every repeated id, and every id that does not follow its predecessor.
///
/// Ids increase component by component. When the first differing component is the top-level
/// number any jump is allowed (3 is 动态工作目标, often unused: 2-1-3 → 4-1); a lower
/// component must grow by exactly one, and the components after it restart at 1
/// (1-3-1 → 1-3-3 and 1-2-2 → 1-4-1 are gaps). Changing between three- and two-part ids
/// follows the same rule (1-13-2 → 1-14 is fine).
pub(super) fn check(table: &Table) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<&str, Option<u32>> = HashMap::new();
    let mut previous: Option<(&str, Vec<u32>)> = None;
    for record in table.records.performance() {
        let id = record.id.as_str();
        let line = first_line(record);
        if let Some(first) = seen.get(id) {
            let at = first
                .map(|l| format!(" (first at line {l})"))
                .unwrap_or_default();
            let issue = Issue::new(
                Severity::Warning,
                "duplicate_id",
                format!("id {id} appears more than once{at}"),
            );
            issues.push(place(issue, Some(id), line));
            continue;
        }
        seen.insert(id, line);
        let Some(parts) = id_parts(id) else { continue };
        if let Some((prev_id, prev)) = &previous {
            if let Some(problem) = sequence_problem(prev, &parts) {
                let issue = Issue::new(
                    Severity::Warning,
                    "id_out_of_sequence",
                    format!("id {id} follows {prev_id}: {problem}"),
                );
                issues.push(place(issue, Some(id), line));
            }
        }
        previous = Some((id, parts));
    }
    issues
}

/// Why `cur` cannot follow `prev`, or `None` when it can.
fn sequence_problem(prev: &[u32], cur: &[u32]) -> Option<String> {
    if cur <= prev {
        return Some("ids should increase".to_string());
    }
    // The first component where they differ; none means `cur` extends `prev` ('1-14' then
    // '1-14-1'), which is odd but not a gap.
    let i = prev.iter().zip(cur).position(|(p, c)| p != c)?;
    let mut expected: Vec<u32> = cur.get(..i)?.to_vec();
    expected.push(if i == 0 {
        *cur.first()?
    } else {
        prev.get(i)? + 1
    });
    expected.extend(std::iter::repeat_n(1, cur.len().saturating_sub(i + 1)));
    if expected == cur {
        return None;
    }
    let expected: Vec<String> = expected.iter().map(u32::to_string).collect();
    Some(format!("expected {} next", expected.join("-")))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::*;

    fn ids(list: &[&str]) -> Table {
        let records = list
            .iter()
            .enumerate()
            .map(|(i, id)| rec(id, Some(1.0), None, 10 + i as u32))
            .collect();
        table(records, vec![])
    }

    #[test]
    fn real_sequences_pass() {
        // The shape of quanzhou-sasac-2020: three-part, two-part, the unused 3-x block skipped.
        let t = ids(&[
            "1-1-1", "1-1-2", "1-2-1", "1-2-2", "1-3-1", "1-13-1", "1-13-2", "1-14", "2-1-1",
            "2-1-2", "2-2-1", "4-1", "4-2", "5-1", "6-1", "7-1", "8-1", "8-4",
        ]);
        let issues = check(&t);
        // Only the deliberate gaps: 1-3-1 → 1-13-1 and 8-1 → 8-4.
        let flagged: Vec<&str> = issues.iter().filter_map(|i| i.record.as_deref()).collect();
        assert_eq!(flagged, ["1-13-1", "8-4"], "{issues:?}");
    }

    #[test]
    fn gaps_are_flagged() {
        let issues = check(&ids(&["1-3-1", "1-3-3"]));
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, "id_out_of_sequence");
        assert_eq!(
            issues[0].message,
            "id 1-3-3 follows 1-3-1: expected 1-3-2 next"
        );
        assert_eq!(issues[0].location.as_ref().and_then(|l| l.line), Some(11));
        let issues = check(&ids(&["1-2-2", "1-4-1"]));
        assert_eq!(
            issues[0].message,
            "id 1-4-1 follows 1-2-2: expected 1-3-1 next"
        );
        let issues = check(&ids(&["1-2-2", "1-3-2"]));
        assert_eq!(
            issues[0].message,
            "id 1-3-2 follows 1-2-2: expected 1-3-1 next"
        );
        let issues = check(&ids(&["1-20-1", "2-2-1"]));
        assert_eq!(
            issues[0].message,
            "id 2-2-1 follows 1-20-1: expected 2-1-1 next"
        );
    }

    #[test]
    fn fine_transitions() {
        for pair in [
            ["2-1-3", "4-1"],
            ["1-13-2", "1-14"],
            ["1-14", "2-1-1"],
            ["4-4", "5-1"],
            ["1-1-1", "1-1-2"],
        ] {
            assert!(check(&ids(&pair)).is_empty(), "{pair:?}");
        }
    }

    #[test]
    fn going_backwards() {
        let issues = check(&ids(&["1-3-1", "1-2-1"]));
        assert_eq!(issues.len(), 1);
        assert_eq!(
            issues[0].message,
            "id 1-2-1 follows 1-3-1: ids should increase"
        );
    }

    #[test]
    fn duplicates() {
        let issues = check(&ids(&["1-1-1", "1-1-2", "1-1-2", "1-1-3"]));
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].code, "duplicate_id");
        assert_eq!(
            issues[0].message,
            "id 1-1-2 appears more than once (first at line 11)"
        );
        assert_eq!(issues[0].location.as_ref().and_then(|l| l.line), Some(12));
    }

    #[test]
    fn unparsable_ids_are_skipped() {
        assert!(check(&ids(&["1-1-1", "x", "1-1-2"])).is_empty());
        assert!(check(&ids(&[])).is_empty());
    }
}
