//! Records against the indicator counts the prose declares ('一级指标 11 项').

use std::collections::BTreeSet;

use zhibiao_model::{DeclaredCount, Issue, Notice, Record, Severity, Table};

use super::{first_level_key, place};

const ADMIN: &str = "行政能力目标";

/// Compares each declared count with the table. Scope 全部 means the 职能工作目标 side (every
/// record whose category is not 行政能力目标); 行政能力目标 is a category; other scopes
/// (重点/常规/动态工作目标) are groups. Level 1 counts first-level indicators, level 2 or none
/// counts records.
pub(super) fn check(table: &Table, notice: &Notice) -> Vec<Issue> {
    if table.records.is_empty() {
        return Vec::new();
    }
    notice
        .declared_counts
        .iter()
        .filter_map(|declared| compare(table, declared))
        .collect()
}

fn compare(table: &Table, declared: &DeclaredCount) -> Option<Issue> {
    let scope = declared.scope.as_str();
    let records = table.records.performance();
    // 全部 counts the work targets: the categories holding the 重点/常规/动态… groups, or,
    // where no record names such a group, every category but 行政能力目标 (文明创建 and
    // 平安建设 rows stand beside them, not in them).
    let work: BTreeSet<&str> = records
        .iter()
        .filter(|r| r.group.as_deref().is_some_and(|g| g.ends_with("工作目标")))
        .filter_map(|r| r.category.as_deref())
        .collect();
    let selected: Vec<&Record> = records
        .iter()
        .filter(|r| match scope {
            "全部" if !work.is_empty() => r.category.as_deref().is_some_and(|c| work.contains(c)),
            "全部" => r.category.as_deref() != Some(ADMIN),
            _ => r.group.as_deref() == Some(scope) || r.category.as_deref() == Some(scope),
        })
        .collect();
    let (found, what) = match declared.level {
        Some(1) => {
            let keys: BTreeSet<String> = selected
                .iter()
                .filter_map(|r| first_level_key(&r.id))
                .collect();
            (keys.len(), "first-level indicators")
        }
        Some(2) => (selected.len(), "second-level indicators"),
        _ => (selected.len(), "indicators"),
    };
    if u32::try_from(found).ok() == Some(declared.count) {
        return None;
    }
    let issue = Issue::new(
        Severity::Warning,
        "count_mismatch",
        format!(
            "the notice declares {} {} for {} but the table has {}",
            declared.count, what, scope, found
        ),
    );
    // A group whose rows share their first number is named by it, so its records say they
    // are in doubt; the whole table (全部) is too wide to name.
    let firsts: BTreeSet<&str> = selected.iter().filter_map(|r| r.id.split('-').next()).collect();
    let key = match (scope, firsts.len()) {
        ("全部", _) => None,
        (_, 1) => firsts.first().copied(),
        _ => None,
    };
    Some(place(issue, key, declared.line))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::*;

    fn count(scope: &str, level: Option<u8>, count: u32) -> DeclaredCount {
        DeclaredCount {
            scope: scope.into(),
            level,
            count,
            line: Some(36),
        }
    }

    fn records() -> Vec<Record> {
        let mut routine = rec("2-1-1", Some(1.0), Some(1.0), 30);
        routine.group = Some("常规工作目标".into());
        let mut admin = rec("4-1", Some(1.0), None, 40);
        admin.category = Some(ADMIN.into());
        admin.group = Some("科学行政".into());
        vec![
            rec("1-1-1", Some(1.5), Some(3.0), 10),
            rec("1-1-2", Some(1.5), Some(3.0), 11),
            rec("1-2-1", Some(2.0), Some(2.0), 12),
            routine,
            admin,
        ]
    }

    fn notice(counts: Vec<DeclaredCount>) -> Notice {
        Notice {
            declared_counts: counts,
            ..Default::default()
        }
    }

    #[test]
    fn matching_counts_pass() {
        let n = notice(vec![
            count("重点工作目标", Some(1), 2),
            count("重点工作目标", Some(2), 3),
            count("常规工作目标", Some(1), 1),
            count("动态工作目标", Some(1), 0),
            count("行政能力目标", None, 1),
            count("全部", Some(1), 3),
            count("全部", Some(2), 4),
        ]);
        assert!(check(&table(records(), vec![]), &n).is_empty());
    }

    #[test]
    fn mismatches_name_the_scope() {
        let n = notice(vec![
            count("重点工作目标", Some(1), 11),
            count("动态工作目标", Some(1), 4),
        ]);
        let issues = check(&table(records(), vec![]), &n);
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].code, "count_mismatch");
        assert_eq!(
            issues[0].message,
            "the notice declares 11 first-level indicators for 重点工作目标 but the table has 2"
        );
        assert_eq!(issues[0].location.as_ref().and_then(|l| l.line), Some(36));
        assert!(issues[1].message.contains("has 0"));
    }

    #[test]
    fn empty_table_is_skipped() {
        let n = notice(vec![count("全部", Some(1), 29)]);
        assert!(check(&table(vec![], vec![]), &n).is_empty());
    }
}
