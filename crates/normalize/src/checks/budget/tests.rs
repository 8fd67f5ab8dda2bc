//! Budget checks on small constructed tables and on the linyi gold.
use super::*;
use zhibiao_model::{FundSource, Provenance, Records, TableKind};

fn q(number: f64, unit: &str) -> Quantity {
    Quantity::Number {
        number,
        unit: Some(unit.to_string()),
        bound: None,
        qualifier: None,
    }
}

fn qual(text: &str) -> Quantity {
    Quantity::Qualitative {
        qualitative: text.to_string(),
    }
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

/// An indicator row like the linyi table's: target = standard value, a history value,
/// 内部统计 as both sources.
fn rec(duty_no: u32, n: u32, value: &str, parsed: Quantity, line: u32) -> BudgetRecord {
    BudgetRecord {
        id: format!("{duty_no}-{n}"),
        duty_no,
        duty: s(&format!("职责{duty_no}")),
        indicator: s("指标"),
        target: s(value),
        target_value: Some(parsed.clone()),
        standard_value: s(value),
        standard_value_parsed: Some(parsed.clone()),
        standard_source: s("内部统计"),
        history_last: s(value),
        history_last_value: Some(parsed),
        history_source: s("内部统计"),
        provenance: Provenance {
            lines: vec![line],
            repairs: vec![],
        },
        ..Default::default()
    }
}

fn clean_budget() -> Budget {
    Budget {
        total: s("5364万元"),
        total_value: Some(q(5364.0, "万元")),
        basic: s("714万元"),
        basic_value: Some(q(714.0, "万元")),
        project: s("4650万元"),
        project_value: Some(q(4650.0, "万元")),
        sources: vec![
            FundSource {
                name: "财政拨款".into(),
                amount: s("5364万元"),
                amount_value: Some(q(5364.0, "万元")),
            },
            FundSource {
                name: "其他资金".into(),
                amount: None,
                amount_value: None,
            },
        ],
        line: Some(5),
    }
}

fn clean_records() -> Vec<BudgetRecord> {
    vec![
        rec(1, 1, "1项", q(1.0, "项"), 20),
        rec(1, 2, "8个", q(8.0, "个"), 21),
        rec(2, 1, "应审尽审", qual("应审尽审"), 22),
        rec(3, 1, "60家", q(60.0, "家"), 23),
        rec(3, 2, "34.6%", q(34.6, "%"), 24),
    ]
}

fn table(budget: Budget, records: Vec<BudgetRecord>) -> Table {
    Table {
        kind: TableKind::BudgetTargets,
        title: Some("2020年部门预算整体绩效目标表".into()),
        unit: Some("临沂市科学技术局".into()),
        declared_totals: vec![],
        budget: Some(budget),
        strategy: None,
        records: Records::Budget(records),
        location: None,
    }
}

fn codes(issues: &[Issue]) -> Vec<&str> {
    issues.iter().map(|i| i.code.as_str()).collect()
}

#[test]
fn clean_table_has_no_issues() {
    let t = table(clean_budget(), clean_records());
    let issues = check(&t);
    assert!(issues.is_empty(), "{issues:#?}");
}

#[test]
fn check_table_runs_only_budget_checks_on_budget_tables() {
    // A budget table carries no weights or 合计; the performance checks must not see it,
    // and the notice's declared counts are about the performance tables.
    let notice = zhibiao_model::Notice {
        declared_counts: vec![zhibiao_model::DeclaredCount {
            scope: "全部".into(),
            level: Some(1),
            count: 11,
            line: Some(3),
        }],
        ..Default::default()
    };
    let t = table(clean_budget(), clean_records());
    assert!(super::super::check_table(&t, &notice).is_empty());
}

#[test]
fn basic_plus_project_must_make_the_total() {
    let mut b = clean_budget();
    b.project = s("4560万元");
    b.project_value = Some(q(4560.0, "万元"));
    let issues = check(&table(b, clean_records()));
    assert_eq!(codes(&issues), ["budget_sum_mismatch"], "{issues:#?}");
    let i = &issues[0];
    assert_eq!(i.severity, Severity::Warning);
    assert_eq!(i.location.as_ref().and_then(|l| l.line), Some(5));
    assert!(i.message.contains("5364万元"), "{}", i.message);
    assert!(
        i.message
            .contains("基本支出 714万元 + 项目支出 4560万元 = 5274万元"),
        "{}",
        i.message
    );
    assert!(i.message.contains("-90万元"), "{}", i.message);
}

#[test]
fn money_units_are_converted_and_rounding_tolerated() {
    let mut b = clean_budget();
    // 714.004万元 printed in 元, the rest in 万元: within 0.005万元.
    b.basic = s("7140040元");
    b.basic_value = Some(q(7_140_040.0, "元"));
    assert!(check(&table(b.clone(), clean_records())).is_empty());
    // 0.006万元 off: reported, in the coarser unit.
    b.basic_value = Some(q(7_140_060.0, "元"));
    let issues = check(&table(b, clean_records()));
    assert_eq!(codes(&issues), ["budget_sum_mismatch"], "{issues:#?}");
    assert!(
        issues[0].message.contains("0.006万元"),
        "{}",
        issues[0].message
    );
}

#[test]
fn amounts_that_cannot_be_added_are_reported_as_unchecked() {
    // A unit outside the money scale.
    let mut b = clean_budget();
    b.basic_value = Some(q(714.0, "万"));
    let issues = check(&table(b, clean_records()));
    assert_eq!(codes(&issues), ["budget_unchecked"], "{issues:#?}");
    assert_eq!(issues[0].severity, Severity::Info);
    assert!(
        issues[0].message.contains("different units"),
        "{}",
        issues[0].message
    );

    // A qualitative total: both sums are unchecked.
    let mut b = clean_budget();
    b.total = s("详见附表");
    b.total_value = Some(qual("详见附表"));
    let issues = check(&table(b, clean_records()));
    assert_eq!(codes(&issues), ["budget_unchecked", "budget_unchecked"]);
    assert!(
        issues[0].message.contains("'详见附表' is not a number"),
        "{}",
        issues[0].message
    );

    // One part not printed.
    let mut b = clean_budget();
    b.project = None;
    b.project_value = None;
    let issues = check(&table(b, clean_records()));
    assert_eq!(codes(&issues), ["budget_unchecked"]);
    assert!(
        issues[0].message.contains("项目支出 is not printed"),
        "{}",
        issues[0].message
    );

    // No parts at all, or no total: nothing to compare, nothing to say.
    let mut b = clean_budget();
    b.basic = None;
    b.basic_value = None;
    b.project = None;
    b.project_value = None;
    assert!(check(&table(b, clean_records())).is_empty());
    let mut b = clean_budget();
    b.total = None;
    b.total_value = None;
    assert!(check(&table(b, clean_records())).is_empty());
}

#[test]
fn sources_must_make_the_total() {
    let mut b = clean_budget();
    b.sources[1].amount = s("100万元");
    b.sources[1].amount_value = Some(q(100.0, "万元"));
    let issues = check(&table(b, clean_records()));
    assert_eq!(codes(&issues), ["budget_sources_mismatch"], "{issues:#?}");
    assert!(
        issues[0]
            .message
            .contains("财政拨款 5364万元 + 其他资金 100万元 = 5464万元"),
        "{}",
        issues[0].message
    );

    // A blank source counts as nothing, and is named when the sum falls short.
    let mut b = clean_budget();
    b.sources[0].amount = s("5000万元");
    b.sources[0].amount_value = Some(q(5000.0, "万元"));
    let issues = check(&table(b, clean_records()));
    assert_eq!(codes(&issues), ["budget_sources_mismatch"]);
    assert!(
        issues[0].message.contains("left blank: 其他资金"),
        "{}",
        issues[0].message
    );

    // No amount printed at all: not checked, not reported.
    let mut b = clean_budget();
    b.sources[0].amount = None;
    b.sources[0].amount_value = None;
    assert!(check(&table(b, clean_records())).is_empty());
}

#[test]
fn a_missing_duty_is_a_gap() {
    let records: Vec<BudgetRecord> = clean_records()
        .into_iter()
        .filter(|r| r.duty_no != 2)
        .collect();
    let issues = check(&table(clean_budget(), records));
    assert_eq!(codes(&issues), ["duty_gap"], "{issues:#?}");
    let i = &issues[0];
    assert_eq!(i.message, "duty 2 is missing: the table goes from 1 to 3");
    assert_eq!(i.record.as_deref(), Some("3-1"));
    assert_eq!(i.location.as_ref().and_then(|l| l.line), Some(23));
}

#[test]
fn a_table_must_start_at_duty_one() {
    let records: Vec<BudgetRecord> = clean_records()
        .into_iter()
        .filter(|r| r.duty_no != 1)
        .collect();
    let issues = check(&table(clean_budget(), records));
    assert_eq!(codes(&issues), ["duty_gap"]);
    assert_eq!(
        issues[0].message,
        "duty 1 is missing: the table starts at 2"
    );
}

#[test]
fn a_long_jump_is_one_issue() {
    let mut records = clean_records();
    records.push(rec(31, 1, "1项", q(1.0, "项"), 30));
    let issues = check(&table(clean_budget(), records));
    assert_eq!(codes(&issues), ["duty_gap"], "{issues:#?}");
    assert!(
        issues[0].message.starts_with("duties 4, 5, 6"),
        "{}",
        issues[0].message
    );
    assert!(issues[0]
        .message
        .ends_with("30 are missing: the table goes from 3 to 31"));
}

#[test]
fn duties_out_of_order_are_reported_not_as_gaps() {
    // 1, 3, 2: duty 2 is not missing, it comes late.
    let mut records = clean_records();
    records.swap(2, 3);
    records.swap(3, 4);
    let order: Vec<u32> = records.iter().map(|r| r.duty_no).collect();
    assert_eq!(order, [1, 1, 3, 3, 2]);
    let issues = check(&table(clean_budget(), records));
    assert_eq!(codes(&issues), ["duty_out_of_order"], "{issues:#?}");
    assert_eq!(issues[0].record.as_deref(), Some("2-1"));
    assert!(
        issues[0].message.contains("comes after duty 3"),
        "{}",
        issues[0].message
    );

    // 1, 2, 1: duty 1 comes back.
    let mut records = clean_records();
    records.truncate(3);
    records.push(rec(1, 3, "1项", q(1.0, "项"), 25));
    let issues = check(&table(clean_budget(), records));
    assert_eq!(codes(&issues), ["duty_out_of_order"], "{issues:#?}");
    assert_eq!(issues[0].record.as_deref(), Some("1-3"));
    assert!(
        issues[0]
            .message
            .contains("duty 1 appears again after duty 2: its rows began at 1-1 (line 20)"),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_number_in_a_source_column_beside_an_empty_value_is_a_shift() {
    // history_last moved into history_source (uses the real quantity parser).
    let mut records = clean_records();
    records[3].history_last = None;
    records[3].history_last_value = None;
    records[3].history_source = s("60家");
    let issues = check(&table(clean_budget(), records));
    assert_eq!(codes(&issues), ["value_shift_suspected"], "{issues:#?}");
    let i = &issues[0];
    assert_eq!(i.record.as_deref(), Some("3-1"));
    assert_eq!(i.location.as_ref().and_then(|l| l.line), Some(23));
    assert!(
        i.message.contains("history_source is '60家'"),
        "{}",
        i.message
    );
    assert!(i.message.contains("history_last is empty"), "{}", i.message);
}

#[test]
fn a_range_in_remarks_beside_a_qualitative_value_is_a_shift() {
    let mut records = clean_records();
    // 2-1 has 应审尽审 as its history value.
    records[2].remarks = s("10-13个");
    let issues = check(&table(clean_budget(), records));
    assert_eq!(codes(&issues), ["value_shift_suspected"], "{issues:#?}");
    assert!(
        issues[0].message.contains("remarks is '10-13个'"),
        "{}",
        issues[0].message
    );
    assert!(
        issues[0].message.contains("history_last is '应审尽审'"),
        "{}",
        issues[0].message
    );
}

#[test]
fn numbers_in_source_columns_beside_numbers_or_in_words_are_fine() {
    let mut records = clean_records();
    // A number beside a number is not a shift.
    records[3].remarks = s("60家");
    // Words around a number are a note, not a value.
    records[2].remarks = s("2019年省科技厅未组织申报");
    records[2].standard_source = s("应做尽做");
    let issues = check(&table(clean_budget(), records));
    assert!(issues.is_empty(), "{issues:#?}");
}

#[test]
fn prose_in_a_value_column_beside_an_empty_source_is_a_shift() {
    let prose = "根据《临沂市科技成果转化贷款风险补偿金管理暂行办法》及往年情况测算制定";
    assert!(prose.chars().count() > MAX_VALUE_CHARS);
    let mut records = clean_records();
    records[0].standard_value = s(prose);
    records[0].standard_value_parsed = Some(qual(prose));
    records[0].standard_source = None;
    // Two signs on one record: still one issue.
    records[0].history_last = s(prose);
    records[0].history_last_value = Some(qual(prose));
    records[0].history_source = None;
    let issues = check(&table(clean_budget(), records.clone()));
    assert_eq!(codes(&issues), ["value_shift_suspected"], "{issues:#?}");
    assert!(
        issues[0].message.contains("standard_value holds"),
        "{}",
        issues[0].message
    );
    assert!(
        issues[0].message.contains("history_last holds"),
        "{}",
        issues[0].message
    );
    assert!(
        issues[0].message.contains("standard_source is empty"),
        "{}",
        issues[0].message
    );

    // The same prose with its source printed is a long value, not a shift.
    records[0].standard_source = s("内部统计");
    records[0].history_source = s("内部统计");
    assert!(check(&table(clean_budget(), records)).is_empty());
}

/// The gold with every `{"uncertain": v}` replaced by `v`.
fn best_guess(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(mut map) if map.len() == 1 && map.contains_key("uncertain") => {
            best_guess(map.remove("uncertain").unwrap_or(Value::Null))
        }
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, best_guess(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(best_guess).collect()),
        other => other,
    }
}

#[test]
fn linyi_gold_raises_no_issue() {
    // The gold carries the printed texts only; the checks parse them (uses the real
    // quantity parser).
    let gold: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../../fixtures/gold/linyi-science-budget-2020.json"
    ))
    .expect("gold JSON");
    let tables: Vec<Table> =
        serde_json::from_value(best_guess(gold["tables"].clone())).expect("gold tables");
    assert_eq!(tables.len(), 1);
    let table = &tables[0];
    assert_eq!(table.kind, TableKind::BudgetTargets);
    assert!(!table.records.budget().is_empty());
    let issues = check(table);
    assert!(issues.is_empty(), "{issues:#?}");
}
