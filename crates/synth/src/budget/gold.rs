//! The gold of a generated budget document: the expected [`Document`] built with the model
//! types from the clean content and the notice as printed, then shaped like the gold files of
//! `shared/corpus/synth-budget-a` (contract fields only, `gold_notes` beside them).

use serde_json::Value;
use sha2::{Digest, Sha256};
use zhibiao_model::{
    Budget, BudgetRecord, DeclaredTotal, Document, Format, FundSource, Notice, Records, Source, Table, TableKind,
    SCHEMA_VERSION,
};

use super::content::Content;
use super::render::Rendered;
use super::variation::Notes;

/// Budget fields the gold files do not carry: parsed amounts and the source line.
const BUDGET_NOT_IN_GOLD: &[&str] = &["total_value", "basic_value", "project_value", "line"];

/// The expected document.
pub fn document(name: &str, c: &Content, r: &Rendered) -> Document {
    let records = c
        .duties
        .iter()
        .flat_map(|duty| {
            duty.rows.iter().enumerate().map(move |(i, row)| BudgetRecord {
                id: format!("{}-{}", duty.no, i + 1),
                duty_no: duty.no,
                duty: Some(duty.name.clone()),
                duty_goal: Some(duty.goal.clone()),
                indicator: Some(row.indicator.clone()),
                explanation: row.explanation.clone(),
                target: Some(row.target.clone()),
                plan_value: row.plan.clone(),
                standard_value: row.standard.clone(),
                standard_source: row.standard_source.clone(),
                history_avg: row.history_avg.clone(),
                history_last: row.history_last.clone(),
                history_source: row.history_source.clone(),
                remarks: row.remarks.clone(),
                activity: row.activity.clone(),
                budget_item: row.budget_item.clone(),
                ..BudgetRecord::default()
            })
        })
        .collect();
    let budget = Budget {
        total: Some(c.budget.total.clone()),
        basic: Some(c.budget.basic.clone()),
        project: Some(c.budget.project.clone()),
        sources: c
            .budget
            .sources
            .iter()
            .map(|s| FundSource { name: s.name.clone(), amount: s.amount.clone(), amount_value: None })
            .collect(),
        ..Budget::default()
    };
    let declared_totals =
        r.total_row.map(|value| vec![DeclaredTotal { label: "合计".into(), value, line: None }]).unwrap_or_default();
    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: None,
        source: Source {
            file: format!("{name}.txt"),
            format: Format::Text,
            sha256: hex(&Sha256::digest(r.text.as_bytes())),
            encoding: None,
        },
        notice: Notice {
            issuer: r.notice.issuer.clone(),
            doc_number: r.notice.doc_number.clone(),
            title: r.notice.title.clone(),
            date: r.notice.date.clone(),
            year: Some(c.year),
            declared_counts: Vec::new(),
        },
        tables: vec![Table {
            kind: TableKind::BudgetTargets,
            title: Some(r.table_title.clone()),
            unit: Some(c.dept.name.clone()),
            declared_totals,
            budget: Some(budget),
            strategy: Some(c.strategy.clone()),
            records: Records::Budget(records),
            location: None,
        }],
        issues: Vec::new(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The gold conventions every generated document follows, before its variations.
pub fn conventions(notes: &mut Notes, c: &Content) {
    notes.convention("generated document: every field is exact by construction from the clean content; nothing is uncertain");
    notes.convention(format!(
        "notice: issuer is the department (letterhead without 文件 and spaces, or the signature), date the signature (落款) date, else the 填报日期 of a bare table; year {} is the year the targets apply to (the table title's year)",
        c.year
    ));
    notes.convention("records: one per indicator row, id {职责序号}-{n} counting the duty's rows from 1 in printed order; 职责序号/部门职责/职责目标 go to every row of the duty");
    notes.convention("cells: 工作活动 and 预算项目 are printed on every row they belong to (no cell merged over rows); an empty cell is null");
    notes.convention("text: wrap spaces and line breaks removed, punctuation between Chinese text full-width, values kept as printed (`≥95%`, `不少于60家`)");
}

/// The gold file's JSON.
pub fn gold(name: &str, c: &Content, r: &Rendered, notes: &Notes) -> Value {
    let doc = document(name, c, r);
    let mut v = crate::gold_json(&doc, &notes.lines());
    if let Some(tables) = v.get_mut("tables").and_then(Value::as_array_mut) {
        for t in tables {
            if let Some(b) = t.get_mut("budget").and_then(Value::as_object_mut) {
                for f in BUDGET_NOT_IN_GOLD {
                    b.remove(*f);
                }
                if let Some(sources) = b.get_mut("sources").and_then(Value::as_array_mut) {
                    for s in sources.iter_mut().filter_map(Value::as_object_mut) {
                        s.remove("amount_value");
                    }
                }
            }
        }
    }
    v
}
