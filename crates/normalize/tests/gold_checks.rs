//! The checks raise no false alarm on hand-checked tables, and do raise the right alarm
//! when one value of such a table is broken.

mod common;

use common::{gold, DOCS};
use zhibiao_model::{Notice, Table};
use zhibiao_normalize::check_table;

fn load(doc: &str) -> (Vec<Table>, Notice) {
    let gold = gold(doc);
    let tables: Vec<Table> = serde_json::from_value(gold["tables"].clone()).expect("gold tables");
    let notice: Notice = serde_json::from_value(gold["notice"].clone()).expect("gold notice");
    (tables, notice)
}

/// Gives records and totals ascending source lines in table order, a total right after the
/// last record of its category block (and the grand total after that), as a parse would.
fn with_lines(table: &mut Table) {
    let mut line = 100;
    let mut block_ends = Vec::new();
    let mut previous_category: Option<Option<String>> = None;
    for record in table.records.performance_mut().into_iter().flatten() {
        if previous_category
            .as_ref()
            .is_some_and(|c| *c != record.category)
        {
            line += 1;
            block_ends.push(line);
        }
        line += 1;
        record.provenance.lines = vec![line];
        previous_category = Some(record.category.clone());
    }
    block_ends.push(line + 1);
    block_ends.push(line + 2);
    for (total, end) in table.declared_totals.iter_mut().zip(block_ends) {
        total.line = Some(end);
    }
}

#[test]
fn gold_tables_raise_no_issue() {
    for doc in DOCS {
        let (tables, notice) = load(doc);
        assert!(!tables.is_empty(), "{doc}");
        for table in &tables {
            let issues = check_table(table, &notice);
            assert!(issues.is_empty(), "{doc}: {issues:#?}");
        }
    }
}

#[test]
fn gold_tables_with_source_lines_raise_no_issue() {
    for doc in DOCS {
        let (mut tables, notice) = load(doc);
        for table in &mut tables {
            with_lines(table);
            let issues = check_table(table, &notice);
            assert!(issues.is_empty(), "{doc}: {issues:#?}");
        }
    }
}

#[test]
fn a_broken_weight_is_caught_twice() {
    for doc in DOCS {
        let (mut tables, notice) = load(doc);
        let Some(table) = tables.first_mut() else {
            panic!("{doc}: no table")
        };
        with_lines(table);
        let Some(record) = table.records.performance_mut().into_iter().flatten().find(|r| r.id == "1-2-2") else {
            panic!("{doc}: no 1-2-2")
        };
        record.weight = Some(3.0);
        let issues = check_table(table, &notice);
        let codes: Vec<&str> = issues.iter().map(|i| i.code.as_str()).collect();
        // The 1-2 group, its 合计 and the grand total.
        assert_eq!(
            codes,
            ["weight_sum_mismatch", "total_mismatch", "total_mismatch"],
            "{doc}: {issues:#?}"
        );
        assert_eq!(issues[0].record.as_deref(), Some("1-2"));
    }
}

#[test]
fn a_dropped_record_is_caught_by_the_sequence() {
    for doc in DOCS {
        let (mut tables, notice) = load(doc);
        let Some(table) = tables.first_mut() else {
            panic!("{doc}: no table")
        };
        if let Some(records) = table.records.performance_mut() {
            records.retain(|r| r.id != "1-3-1");
        }
        let issues = check_table(table, &notice);
        assert!(
            issues
                .iter()
                .any(|i| i.code == "id_out_of_sequence" && i.record.as_deref() == Some("1-3-2")),
            "{doc}: {issues:#?}"
        );
    }
}
