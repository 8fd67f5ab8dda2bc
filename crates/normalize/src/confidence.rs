//! Settling each record's [`Confidence`] once the rebuild and the checks are done.
//!
//! The rebuild marks the fields it inferred (`confidence.inferred`) and the ones it inferred
//! on weak evidence (`confidence.doubtful`); the checks name, in each failed check's issue,
//! the fields it puts in doubt ([`Issue::fields`]). This pass joins the two, so the record
//! itself says what a researcher needs: its `level`, and which fields to look at.
//!
//! The promise it keeps: a record is `doubtful` exactly when a `warning` or `error` issue
//! names it (or a key it belongs to) or when it lists a doubtful field — and a record with a
//! doubtful field always has such an issue. Where the rebuild marked a field doubtful without
//! raising a warning of its own, one `value_inferred` warning is raised here, so filtering the
//! issues and filtering the records give the same answer.

use zhibiao_model::{Confidence, ConfidenceLevel, Issue, Records, Severity, Table};

/// Settles the confidence of every record of `tables` against `issues`, adding the warnings
/// the promise needs.
pub fn settle(tables: &mut [Table], issues: &mut Vec<Issue>) {
    let mut added: Vec<Issue> = Vec::new();
    for table in tables.iter_mut() {
        let records: Vec<(&str, &mut Confidence, u32)> = match &mut table.records {
            Records::Performance(rs) => rs
                .iter_mut()
                .map(|r| (r.id.as_str(), &mut r.confidence, r.provenance.lines.first().copied().unwrap_or(0)))
                .collect(),
            Records::Budget(rs) => rs
                .iter_mut()
                .map(|r| (r.id.as_str(), &mut r.confidence, r.provenance.lines.first().copied().unwrap_or(0)))
                .collect(),
        };
        for (id, conf, line) in records {
            let mut warned = false;
            for issue in issues.iter().filter(|i| i.severity >= Severity::Warning && i.covers(id)) {
                warned = true;
                conf.doubtful.extend(issue.fields.iter().cloned());
            }
            conf.inferred.sort();
            conf.inferred.dedup();
            conf.doubtful.sort();
            conf.doubtful.dedup();
            if !conf.doubtful.is_empty() && !warned {
                added.push(
                    Issue::new(
                        Severity::Warning,
                        "value_inferred",
                        format!("{id}: {} inferred on weak evidence; check against the source", conf.doubtful.join(", ")),
                    )
                    .record(id)
                    .at_line(line),
                );
                warned = true;
            }
            conf.level = if warned {
                ConfidenceLevel::Doubtful
            } else if conf.inferred.is_empty() {
                ConfidenceLevel::Read
            } else {
                ConfidenceLevel::Inferred
            };
        }
    }
    issues.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhibiao_model::{Provenance, Record, TableKind};

    fn table(records: Vec<Record>) -> Table {
        Table {
            kind: TableKind::PerformanceTargets,
            title: None,
            unit: None,
            declared_totals: vec![],
            budget: None,
            strategy: None,
            records: Records::Performance(records),
            location: None,
        }
    }

    fn rec(id: &str, inferred: &[&str], doubtful: &[&str]) -> Record {
        Record {
            id: id.into(),
            confidence: Confidence {
                level: ConfidenceLevel::Read,
                inferred: inferred.iter().map(|s| s.to_string()).collect(),
                doubtful: doubtful.iter().map(|s| s.to_string()).collect(),
            },
            provenance: Provenance { lines: vec![7], repairs: vec![] },
            ..Default::default()
        }
    }

    fn levels(t: &Table) -> Vec<ConfidenceLevel> {
        t.records.performance().iter().map(|r| r.confidence.level).collect()
    }

    #[test]
    fn levels_follow_marks_and_warnings() {
        let mut tables = vec![table(vec![
            rec("1-1-1", &[], &[]),
            rec("1-1-2", &["persons"], &[]),
            rec("1-2-1", &[], &[]),
            rec("1-3-1", &["group"], &["group"]),
        ])];
        let mut issues = vec![
            Issue::new(Severity::Warning, "weight_sum_mismatch", "x").record("1-2").fields(&["weight"]),
            Issue::new(Severity::Info, "merged_cell_filled", "x").record("1-1-1"),
        ];
        settle(&mut tables, &mut issues);
        let t = &tables[0];
        assert_eq!(levels(t), [ConfidenceLevel::Read, ConfidenceLevel::Inferred, ConfidenceLevel::Doubtful, ConfidenceLevel::Doubtful]);
        assert_eq!(t.records.performance()[2].confidence.doubtful, ["weight"]);
        // The doubtful field without a warning of its own gets one, naming the record.
        let added: Vec<&Issue> = issues.iter().filter(|i| i.code == "value_inferred").collect();
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].record.as_deref(), Some("1-3-1"));
        assert_eq!(added[0].severity, Severity::Warning);
    }

    #[test]
    fn a_key_covers_its_records_only() {
        let i = Issue::new(Severity::Warning, "x", "x").record("1-3");
        assert!(i.covers("1-3") && i.covers("1-3-2"));
        assert!(!i.covers("1-30-1") && !i.covers("1-4-1"));
        assert!(!Issue::new(Severity::Warning, "x", "x").covers("1-3"));
    }
}
