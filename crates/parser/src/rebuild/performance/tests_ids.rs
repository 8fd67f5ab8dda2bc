//! Id forms: dashes the OCR misread, and three-part ids whose second number is the group.
//! Each on a small constructed table run through the whole pipeline, like `tests.rs`.

use super::test_support::{rebuild_with, HEADER};
use zhibiao_model::{Issue, Record};

fn rebuild_text(rows: &[&str]) -> (Vec<Record>, Vec<Issue>) {
    let (records, issues, _) = rebuild_with(HEADER, rows);
    (records, issues)
}

fn leaf(cat: &str, group: &str, id: &str, primary: &str, weight: &str) -> String {
    format!("{cat}\t{group}\t{id}\t\t{primary}\t做好第{id}项工作。\t{weight}\t12月\t陈建兴\t高新科\t梁秋生\t")
}

fn labels_of(records: &[Record]) -> Vec<(String, Option<String>, Option<String>)> {
    records.iter().map(|r| (r.id.clone(), r.category.clone(), r.group.clone())).collect()
}

#[test]
fn ids_whose_dashes_read_as_yi_are_records() {
    let (records, _) = rebuild_text(&[
        &leaf("职能工作目标", "重点工作目标", "1一1一1", "推动发展。（2分）", "1"),
        &leaf("", "", "1一1-2", "", "1"),
        &leaf("", "", "１－２－１", "加强管理。（1分）", "1"),
    ]);
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1-1-1", "1-1-2", "1-2-1"]);
}

#[test]
fn a_category_keyed_by_the_first_number_groups_by_the_second() {
    // 行政能力目标 numbered key-group-row: one first number, a group label per second number,
    // printed on any row of its own rows.
    let (records, issues) = rebuild_text(&[
        "合计\t\t\t\t\t\t0\t\t\t\t\t",
        &leaf("行政能力目标", "科学行政", "4-1-1", "", "1"),
        &leaf("", "", "4-1-2", "", "1"),
        &leaf("", "", "4-2-1", "", "1"),
        &leaf("", "依法行政", "4-2-2", "", "1"),
        &leaf("", "", "4-3-1", "", "1"),
        &leaf("", "", "4-3-2", "", "1"),
        &leaf("", "高效行政", "4-3-3", "", "1"),
    ]);
    let groups: Vec<&str> = records.iter().map(|r| r.group.as_deref().unwrap_or("-")).collect();
    assert_eq!(groups, ["科学行政", "科学行政", "依法行政", "依法行政", "高效行政", "高效行政", "高效行政"]);
    assert!(records.iter().all(|r| r.category.as_deref() == Some("行政能力目标")));
    assert!(!issues.iter().any(|i| i.code == "label_boundary_guessed" || i.code == "label_conflict"), "{issues:#?}");
}

#[test]
fn a_second_number_printing_no_group_label_is_a_reported_guess() {
    let (records, issues) = rebuild_text(&[
        "合计\t\t\t\t\t\t0\t\t\t\t\t",
        &leaf("行政能力目标", "科学行政", "4-1-1", "", "1"),
        &leaf("", "依法行政", "4-2-1", "", "1"),
        &leaf("", "", "4-3-1", "", "1"),
    ]);
    assert_eq!(records.iter().find(|r| r.id == "4-2-1").and_then(|r| r.group.as_deref()), Some("依法行政"));
    let guessed: Vec<&str> = issues.iter().filter(|i| i.code == "label_boundary_guessed").filter_map(|i| i.record.as_deref()).collect();
    assert_eq!(guessed, ["4-3-1"], "{issues:#?}");
}

#[test]
fn groups_keyed_by_the_first_number_stay_so() {
    // 职能 numbered group-indicator-row over several first numbers: a conflicting label
    // inside one block is not read as a group per second number.
    let (records, issues) = rebuild_text(&[
        &leaf("职能工作目标", "重点工作目标", "1-1-1", "推动发展。（1分）", "1"),
        &leaf("", "常规工作目标", "1-2-1", "加强管理。（1分）", "1"),
        &leaf("", "", "2-1-1", "保障运行。（1分）", "1"),
        "合计\t\t\t\t\t\t3\t\t\t\t\t",
    ]);
    let got = labels_of(&records);
    assert_eq!(got.first().and_then(|l| l.2.as_deref()), got.get(1).and_then(|l| l.2.as_deref()), "{got:?}");
    assert!(issues.iter().any(|i| i.code == "label_conflict"), "{issues:#?}");
}
