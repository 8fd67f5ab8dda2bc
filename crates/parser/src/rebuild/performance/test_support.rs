//! What the repair tests (`tests.rs`, `tests_ids.rs`, `column_tests.rs`) share: a small
//! constructed table run through the whole pipeline (text reader → table recognition →
//! rebuild), and finding a record in its output.

use crate::region::find_tables;
use crate::text::read_text;
use crate::trace::Trace;
use zhibiao_model::{Issue, Record};

/// The template's header with its two 项目 columns.
pub const HEADER: &str = "项目\t\t序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\t分管领导\t责任单位\t责任人\t备注";

/// The table of `rows` under `header`, rebuilt: its records, issues and declared totals.
pub fn rebuild_with(header: &str, rows: &[&str]) -> (Vec<Record>, Vec<Issue>, Vec<(String, f64)>) {
    let text = format!("某局绩效目标考评表\n\n{header}\n{}\n", rows.join("\n"));
    let tables = find_tables(&read_text(&text));
    assert_eq!(tables.len(), 1, "one table expected in:\n{text}");
    let rebuilt = super::rebuild(&tables[0], &[], &mut Trace::default());
    let totals = rebuilt.table.declared_totals.iter().map(|t| (t.label.clone(), t.value)).collect();
    (rebuilt.table.records.performance().to_vec(), rebuilt.issues, totals)
}

pub fn rec<'a>(records: &'a [Record], id: &str) -> &'a Record {
    records.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no record {id} in {records:#?}"))
}
