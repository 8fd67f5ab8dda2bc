//! 文件依据 entries cut off at the edge of their cell.
//!
//! A cell whose text is longer than its row is tall loses its end: an export that keeps a
//! fixed row height clips it, a page break can swallow a line. What is left stops where no
//! cited document can end ([`looks_cut`]: `…关于下达2017年为民办实事项目`, `乡村振兴（龙委发`).
//! The entry is then read as far as the document allows: when exactly one whole entry of the
//! same table starts with the cut text (the documents a table cites recur from indicator to
//! indicator), that is the document; otherwise the cut text stays. Either way the record says
//! so at warning level: whatever followed the cut in the cell — further documents — is lost,
//! and nothing on the page tells how much.

use zhibiao_model::{Issue, Record, Severity};
use zhibiao_normalize::basis::looks_cut;

/// Fewer characters than this say too little to pick the document they begin.
const MIN_PREFIX: usize = 4;

/// Completes or flags every cut 文件依据 entry of `records`.
pub fn complete_cut_basis(records: &mut [Record], issues: &mut Vec<Issue>) {
    let whole: Vec<String> = {
        let mut w: Vec<String> = records.iter().flat_map(|r| r.basis.iter()).filter(|e| !looks_cut(e)).cloned().collect();
        w.sort();
        w.dedup();
        w
    };
    for r in records.iter_mut() {
        let mut notes: Vec<String> = Vec::new();
        let mut completed = false;
        for entry in r.basis.iter_mut().filter(|e| looks_cut(e)) {
            let starts: Vec<&String> = if entry.chars().count() >= MIN_PREFIX {
                whole.iter().filter(|w| w.len() > entry.len() && w.starts_with(entry.as_str())).collect()
            } else {
                Vec::new()
            };
            match starts[..] {
                [only] => {
                    notes.push(format!("'{entry}' is cut off; read as '{only}', the one document of the table it begins"));
                    *entry = only.clone();
                    completed = true;
                }
                _ => notes.push(format!("'{entry}' is cut off and no whole document of the table is the one it begins")),
            }
        }
        if notes.is_empty() {
            continue;
        }
        if completed {
            let mut seen: Vec<String> = Vec::new();
            r.basis.retain(|e| {
                let new = !seen.contains(e);
                seen.push(e.clone());
                new
            });
            r.confidence.inferred.push("basis".into());
        }
        let line = r.provenance.lines.first().copied().unwrap_or(0);
        r.provenance.repairs.extend(notes.iter().map(|n| format!("basis_cut: {n}")));
        issues.push(
            Issue::new(
                Severity::Warning,
                "basis_cut",
                format!("{}: 文件依据 {}; documents printed after it in the cell may be lost", r.id, notes.join("; ")),
            )
            .record(r.id.clone())
            .fields(&["basis"])
            .at_line(line),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhibiao_model::Provenance;

    fn rec(id: &str, basis: &[&str]) -> Record {
        Record {
            id: id.into(),
            basis: basis.iter().map(|s| s.to_string()).collect(),
            provenance: Provenance { lines: vec![3], repairs: vec![] },
            ..Default::default()
        }
    }

    const PLAN: &str = "福清市人民政府关于下达2017年为民办实事项目的通知（融政〔2017〕60号）";
    const REPORT: &str = "福清市人民政府办公室关于印发2017年市《政府工作报告》目标任务责任分解的通知（融政办〔2017〕13号）";

    #[test]
    fn a_cut_entry_is_read_as_the_one_document_it_begins_and_flagged() {
        let mut records = vec![rec("1-1-1", &[REPORT, PLAN]), rec("1-9-1", &[REPORT, "福清市人民政府关于下达2017年为民办实事项目"])];
        let mut issues = Vec::new();
        complete_cut_basis(&mut records, &mut issues);
        assert_eq!(records[1].basis, [REPORT, PLAN]);
        assert_eq!(records[1].confidence.inferred, ["basis"]);
        assert_eq!(records[0].basis, [REPORT, PLAN]);
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].code.as_str(), issues[0].severity, issues[0].record.as_deref()), ("basis_cut", Severity::Warning, Some("1-9-1")));
        assert_eq!(issues[0].fields, ["basis"]);
    }

    #[test]
    fn a_cut_entry_with_no_or_several_documents_to_finish_it_stays_and_is_flagged() {
        let other = "福清市人民政府关于下达2017年为民办实事项目补充任务的通知（融政〔2017〕61号）";
        let mut records = vec![rec("1-1-1", &[PLAN, other]), rec("1-2-1", &["福清市人民政府关于下达2017年为民办实事"]), rec("1-3-1", &["稳"])];
        let mut issues = Vec::new();
        complete_cut_basis(&mut records, &mut issues);
        assert_eq!(records[1].basis, ["福清市人民政府关于下达2017年为民办实事"]);
        assert_eq!(records[2].basis, ["稳"]);
        assert!(records[1].confidence.inferred.is_empty());
        let flagged: Vec<_> = issues.iter().filter_map(|i| i.record.as_deref()).collect();
        assert_eq!(flagged, ["1-2-1", "1-3-1"]);
    }

    #[test]
    fn whole_entries_raise_nothing() {
        let mut records = vec![rec("1-1-1", &[REPORT, PLAN, "市委工作要点", "稳外贸稳外资（惠政〔2019〕4号）"])];
        let mut issues = Vec::new();
        complete_cut_basis(&mut records, &mut issues);
        assert!(issues.is_empty());
    }
}
