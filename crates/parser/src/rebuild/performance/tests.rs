//! One test per repair, each on a small constructed table run through the whole pipeline
//! (text reader → table recognition → rebuild), so the repair is tested where it is used.

use super::test_support::{rebuild_with, rec, HEADER};
use crate::region::find_tables;
use crate::text::read_text;
use crate::trace::Trace;
use zhibiao_model::{Issue, Record};

fn rebuild_text(rows: &[&str]) -> (Vec<Record>, Vec<Issue>, Vec<(String, f64)>) {
    rebuild_with(HEADER, rows)
}

fn has_repair(r: &Record, code: &str) -> bool {
    r.provenance.repairs.iter().any(|x| x.starts_with(code))
}

fn issue<'a>(issues: &'a [Issue], code: &str) -> Option<&'a Issue> {
    issues.iter().find(|i| i.code == code)
}

const BASIS_A: &str = "关于印发甲方案的通知（泉政办〔2019〕9号）";
const BASIS_B: &str = "关于印发乙方案的通知（泉政办〔2019〕5号）";

#[test]
fn shifted_row_is_placed_by_content_and_noted() {
    let (records, _, _) = rebuild_text(&[
        &format!("职能工作目标 80分\t重点工作目标\t1-1-1\t{BASIS_A}\t推动发展。（属市政府工作报告第1项）（4分）\t制定措施。\t2\t9月\t陈建兴\t高新科\t梁秋生\t"),
        "1-1-2\t组织申报。\t\t\t2\t12月\t陈建兴\t高新科\t梁秋生\t",
    ]);
    let r = rec(&records, "1-1-2");
    assert_eq!(r.secondary.as_deref(), Some("组织申报。"));
    assert_eq!(r.weight, Some(2.0));
    assert_eq!(r.persons, vec!["梁秋生"]);
    assert!(has_repair(r, "cells_shifted"), "{:?}", r.provenance);
    assert!(!has_repair(rec(&records, "1-1-1"), "cells_shifted"));
}

#[test]
fn merged_basis_and_primary_on_a_later_row_go_to_every_row() {
    let (records, issues, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t\t制定措施。\t1\t9月\t陈建兴\t高新科\t梁秋生\t",
        &format!("\t\t1-1-2\t{BASIS_A}；\t推动发展。（属市政府工作报告第1项）（3分）\t组织申报。\t1\t12月\t陈建兴\t高新科\t梁秋生\t"),
        &format!("\t\t1-1-3\t{BASIS_B}\t\t开展培训。\t1\t12月\t陈建兴\t高新科\t梁秋生\t"),
    ]);
    for id in ["1-1-1", "1-1-2", "1-1-3"] {
        let r = rec(&records, id);
        assert_eq!(r.basis, vec![BASIS_A, BASIS_B], "{id}");
        assert_eq!(r.primary.as_deref(), Some("推动发展。（属市政府工作报告第1项）"), "{id}");
        assert_eq!(r.primary_points, Some(3.0), "{id}");
    }
    assert!(has_repair(rec(&records, "1-1-1"), "merged_cell_shared"));
    assert!(issue(&issues, "basis_truncated").is_none());
}

#[test]
fn responsibility_cells_fill_from_above_quietly_and_from_below_with_an_issue() {
    let (records, issues, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t推动发展。（2分）\t制定措施。\t1\t9月\t陈建兴 张劲松\t平台科\t\t",
        "\t\t1-1-2\t\t\t组织申报。\t1\t12月\t陈建兴 张劲松\t平台科\t陈君伟\t",
        "\t\t1-2-1\t\t推动建设。（2分）\t开展培训。\t1\t12月\t林清京\t人才科\t高静娴\t",
        "\t\t1-2-2\t\t\t举办活动。\t1\t12月\t\t\t\t",
    ]);
    assert_eq!(rec(&records, "1-1-1").persons, vec!["陈君伟"]);
    let filled = issue(&issues, "merged_cell_filled").expect("fill from below is reported");
    assert_eq!(filled.record.as_deref(), Some("1-1-1"));
    let r = rec(&records, "1-2-2");
    assert_eq!((r.leaders.clone(), r.units.clone(), r.persons.clone()), (vec!["林清京".to_string()], vec!["人才科".to_string()], vec!["高静娴".to_string()]));
    assert!(has_repair(r, "merged_cell_filled"));
    assert_eq!(issues.iter().filter(|i| i.code == "merged_cell_filled").count(), 1, "{issues:#?}");
}

#[test]
fn names_spilling_one_per_line_are_one_merged_cell() {
    let (records, issues, _) = rebuild_text(&[
        "行政能力目标 20分\t依法行政 (2分)\t5-1\t接受监督。\t\t\t1\t12月份\t刘海祥 罗 霖\t各科室\t陈瑞典\t",
        "\t\t5-2\t严控支出。\t\t\t1\t12月份\t\t\t苏颖慧\t",
        "\t\t\t\t\t\t\t\t\t\t李 昶\t",
        "\t\t\t\t\t\t\t\t\t\t陈天铃\t",
    ]);
    for (id, secondary) in [("5-1", "接受监督。"), ("5-2", "严控支出。")] {
        let r = rec(&records, id);
        assert_eq!(r.persons, vec!["陈瑞典", "苏颖慧", "李昶", "陈天铃"], "{id}");
        assert_eq!(r.leaders, vec!["刘海祥", "罗霖"], "{id}");
        assert_eq!(r.units, vec!["各科室"], "{id}");
        assert_eq!(r.secondary.as_deref(), Some(secondary), "{id}");
    }
    assert_eq!(issue(&issues, "names_spill_joined").and_then(|i| i.record.as_deref()), Some("5-1"));
}

#[test]
fn names_below_a_single_record_continue_its_cell() {
    let (records, issues, _) = rebuild_text(&[
        "行政能力目标 20分\t依法行政 (1分)\t5-1\t接受监督。\t\t\t1\t12月份\t刘海祥\t各科室\t陈瑞典\t",
        "\t\t\t\t\t\t\t\t\t\t苏颖慧\t",
    ]);
    assert_eq!(rec(&records, "5-1").persons, vec!["陈瑞典", "苏颖慧"]);
    assert!(issue(&issues, "names_spill_joined").is_none());
}

#[test]
fn a_column_one_row_late_is_moved_back() {
    let (records, issues, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t\t\t2\t12月\t黄珍霞\t社农科\t陈岩\t",
        &format!("\t\t1-1-2\t{BASIS_A}\t推进科技特派员制度。（4分）\t制定工作计划。\t2\t12月\t黄珍霞\t社农科\t陈岩\t"),
        "\t\t\t\t\t开展选认工作。\t2\t12月\t黄珍霞\t社农科\t陈岩\t",
    ]);
    assert_eq!(records.len(), 2);
    assert_eq!(rec(&records, "1-1-1").secondary.as_deref(), Some("制定工作计划。"));
    assert_eq!(rec(&records, "1-1-2").secondary.as_deref(), Some("开展选认工作。"));
    assert_eq!(issue(&issues, "column_shifted_back").and_then(|i| i.record.as_deref()), Some("1-1"));
}

#[test]
fn an_idless_full_row_that_fits_nowhere_is_reported_not_dropped() {
    let (records, issues, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t推进。（2分）\t制定计划。\t2\t12月\t黄珍霞\t社农科\t陈岩\t",
        "\t\t\t\t\t开展选认工作。\t2\t12月\t黄珍霞\t社农科\t陈岩\t",
    ]);
    assert_eq!(records.len(), 1);
    let i = issue(&issues, "unplaced_row").expect("reported");
    assert!(i.message.contains("开展选认工作"), "{}", i.message);
}

#[test]
fn basis_runs_on_when_the_next_indicator_cites_the_same_sources() {
    let cite = "（属国务院政府工作报告第15项，市政府工作报告第56项）";
    let (records, issues, _) = rebuild_text(&[
        &format!("职能工作目标 80分\t重点工作目标\t1-1-1\t{BASIS_A}\t提升能力。{cite}（2分）\t强化投资。\t2\t12月份\t林鹏\t资本科\t苏颖慧\t"),
        &format!("\t\t1-2-1\t\t推进改革。{cite}（2分）\t出台方案。\t2\t12月份\t林鹏\t资本科\t苏颖慧\t"),
        "\t\t1-3-1\t\t文明城市创建工作（2分）\t开展志愿服务。\t2\t12月份\t林鹏\t资本科\t苏颖慧\t",
    ]);
    assert_eq!(rec(&records, "1-2-1").basis, vec![BASIS_A]);
    assert!(rec(&records, "1-3-1").basis.is_empty(), "an indicator citing nothing inherits nothing");
    assert_eq!(issue(&issues, "basis_inherited").and_then(|i| i.record.as_deref()), Some("1-2"));
}

#[test]
fn wrapped_text_on_an_idless_row_joins_the_record_above() {
    let (records, _, _) = rebuild_text(&[
        &format!("职能工作目标 80分\t重点工作目标\t1-1-1\t{BASIS_A}\t推进。（2分）\t制定工作\t2\t12月\t黄珍霞\t社农科\t陈岩\t"),
        "\t\t\t\t\t计划。\t\t\t\t\t\t",
    ]);
    let r = rec(&records, "1-1-1");
    assert_eq!(r.secondary.as_deref(), Some("制定工作计划。"));
    assert!(has_repair(r, "wrapped_text_joined"));
    assert!(r.provenance.lines.len() == 2);
}

#[test]
fn garbled_labels_are_read_and_reported_once() {
    let (records, issues, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t推进。（1分）\t甲。\t1\t12月\t黄珍霞\t社农科\t陈岩\t",
        "能 职 能 工 作 目 标 80分\t常规工 作目 标\t2-1-1\t\t落实。（1分）\t乙。\t1\t12月\t黄珍霞\t社农科\t陈岩\t",
        "80分\t常规工作目标\t2-2-1\t\t保障。（1分）\t丙。\t1\t12月\t黄珍霞\t社农科\t陈岩\t",
    ]);
    for r in &records {
        assert_eq!(r.category.as_deref(), Some("职能工作目标"), "{}", r.id);
    }
    assert_eq!(rec(&records, "2-1-1").group.as_deref(), Some("常规工作目标"));
    assert_eq!(issues.iter().filter(|i| i.code == "label_garbled").count(), 2, "{issues:#?}");
}

#[test]
fn joined_units_split_by_the_documents_own_units() {
    let (records, issues, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t推进。（2分）\t甲。\t1\t12月\t孙中虎\t党委会\t黄建团\t",
        "\t\t1-1-2\t\t\t乙。\t1\t12月\t孙中虎\t党委会办公室\t黄建团 邱尚长\t",
        "\t\t1-2-1\t\t保障。（1分）\t丙。\t1\t12月\t孙中虎\t办公室\t邱尚长\t",
    ]);
    assert_eq!(rec(&records, "1-1-2").units, vec!["党委会", "办公室"]);
    assert!(issue(&issues, "unit_split").is_some());
}

#[test]
fn totals_notes_and_footers_are_not_records() {
    let (records, _, totals) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t推进。（1分）\t甲。\t1\t12月\t黄珍霞\t社农科\t陈岩\t",
        "合 计\t\t\t\t\t\t1\t\t\t\t\t",
        "绩效目标考评得分(职能工作目标+行政能力目标)\t\t\t\t\t\t1\t\t\t\t\t",
        "说明：(1)每个单位必须设定一级指标至少15项。\t\t\t",
    ]);
    assert_eq!(records.len(), 1);
    assert_eq!(totals, vec![("合计".to_string(), 1.0), ("绩效目标考评得分（职能工作目标+行政能力目标）".to_string(), 1.0)]);
}

/// Where the reader knows the merges (DOCX), a merged cell reaches the rows it covers as a
/// fact, while an empty cell that is not merged is filled only as a reported guess.
#[test]
fn known_spans_are_facts_and_unmerged_empty_cells_are_guesses() {
    let text = format!(
        "某局绩效目标考评表\n\n{HEADER}\n\
职能工作目标\t重点工作目标\t1-1-1\t{BASIS_A}\t推动发展。（4分）\t制定措施。\t2\t9月\t陈建兴\t高新科\t梁秋生\t\n\
\t\t1-1-2\t\t\t组织申报。\t2\t12月\t\t高新科\t\t\n"
    );
    let mut grid = read_text(&text);
    grid.spans_known = true;
    // 文件依据, 一级指标 and 分管领导 of 1-1-1 span both rows; 责任人 does not.
    for b in &mut grid.blocks {
        if let crate::grid::Block::Row(r) = b {
            if r.cell(2) == "1-1-1" {
                for col in [3, 4, 8] {
                    r.cells[col].row_span = 2;
                }
            }
        }
    }
    let tables = find_tables(&grid);
    let rebuilt = super::rebuild(&tables[0], &[], &mut Trace::default());
    let records = rebuilt.table.records.performance();
    let r = rec(records, "1-1-2");
    assert_eq!(r.basis, [BASIS_A]);
    assert_eq!(r.primary_points, Some(4.0));
    assert_eq!(r.leaders, ["陈建兴"]);
    assert_eq!(r.persons, ["梁秋生"]);
    assert!(r.provenance.repairs.iter().any(|x| x.starts_with("merged_cell_filled: 文件依据 from line") && x.ends_with("spans 2 rows")));
    assert!(!r.provenance.repairs.iter().any(|x| x.starts_with("merged_cell_shared")), "{:?}", r.provenance.repairs);
    // Only the 责任人 fill is a guess, and it says the file shows the cell unmerged.
    let guesses: Vec<&Issue> = rebuilt.issues.iter().filter(|i| i.code == "merged_cell_filled").collect();
    assert_eq!(guesses.len(), 1, "{guesses:#?}");
    assert!(guesses[0].message.contains("责任人") && guesses[0].message.contains("not merged"), "{}", guesses[0].message);
}

/// A leaf row: `labels` (two 项目 cells), id, 一级指标 (with points, on the first leaf), a
/// sentence, the weight.
fn leaf(cat: &str, group: &str, id: &str, primary: &str, weight: &str) -> String {
    format!("{cat}\t{group}\t{id}\t\t{primary}\t做好第{id}项工作。\t{weight}\t12月\t陈建兴\t高新科\t梁秋生\t")
}

fn labels_of(records: &[Record]) -> Vec<(String, Option<String>, Option<String>)> {
    records.iter().map(|r| (r.id.clone(), r.category.clone(), r.group.clone())).collect()
}

fn inferred(r: &Record, field: &str) -> bool {
    r.confidence.inferred.iter().any(|f| f == field)
}

#[test]
fn labels_printed_anywhere_in_their_span_cover_it() {
    // The category printed on the last row of its section, the first group in the middle of
    // its rows, the second on its last row, with a page suffix.
    let (records, issues, _) = rebuild_text(&[
        &leaf("", "", "1-1-1", "推动发展。（2分）", "1"),
        &leaf("", "重点 工作 目标", "1-1-2", "", "1"),
        &leaf("", "", "1-2-1", "加强管理。（1分）", "1"),
        &leaf("", "", "2-1-1", "保障运行。（1分）", "1"),
        &leaf("职 能 工 作 目 标（二）", "常规工作目标（续）", "2-1-2", "", "0"),
        "合计\t\t\t\t\t\t4\t\t\t\t\t",
    ]);
    for r in &records {
        assert_eq!(r.category.as_deref(), Some("职能工作目标"), "{}", r.id);
        let want = if r.id.starts_with('1') { "重点工作目标" } else { "常规工作目标" };
        assert_eq!(r.group.as_deref(), Some(want), "{}", r.id);
    }
    assert!(issues.iter().all(|i| i.severity < zhibiao_model::Severity::Warning), "{issues:#?}");
}

#[test]
fn a_label_on_a_row_of_its_own_or_a_line_between_blocks_is_read() {
    let text = format!(
        "某局绩效目标考评表\n\n{HEADER}\n{}\n职能 工作 目标\t\t\t\t\t\t\t\t\t\t\t\n{}\n\n重 点 工 作 目 标\n\n{HEADER}\n{}\n",
        leaf("", "", "1-1-1", "推动发展。（2分）", "1"),
        leaf("", "", "1-1-2", "", "1"),
        leaf("", "", "1-2-1", "加强管理。（1分）", "1"),
    );
    let tables = find_tables(&read_text(&text));
    let rebuilt = super::rebuild(&tables[0], &[], &mut Trace::default());
    let records = rebuilt.table.records.performance();
    assert_eq!(
        labels_of(records),
        ["1-1-1", "1-1-2", "1-2-1"].map(|id| (id.to_string(), Some("职能工作目标".to_string()), Some("重点工作目标".to_string())))
    );
    assert!(!rebuilt.issues.iter().any(|i| i.code == "prose_in_table" || i.code == "unplaced_text"), "{:#?}", rebuilt.issues);
}

#[test]
fn groups_sharing_a_first_number_split_where_their_points_say() {
    // 科学行政 (3分) over 4-1…4-3 and 依法行政 (2分) over 4-4…4-5, each printed mid-span.
    let (records, issues, _) = rebuild_text(&[
        "合计\t\t\t\t\t\t0\t\t\t\t\t",
        &leaf("", "", "4-1", "", "1"),
        &leaf("行政能力目标 5分", "科学行政（3分）", "4-2", "", "1"),
        &leaf("", "", "4-3", "", "1"),
        &leaf("", "", "4-4", "", "1"),
        &leaf("", "依法行政（2分）", "4-5", "", "1"),
    ]);
    let groups: Vec<&str> = records.iter().map(|r| r.group.as_deref().unwrap_or("-")).collect();
    assert_eq!(groups, ["科学行政", "科学行政", "科学行政", "依法行政", "依法行政"]);
    assert!(inferred(rec(&records, "4-4"), "group"), "{:?}", rec(&records, "4-4").confidence);
    assert!(issues.iter().all(|i| i.code != "label_boundary_guessed"), "{issues:#?}");
}

#[test]
fn a_boundary_no_points_decide_is_a_reported_guess() {
    let (records, issues, _) = rebuild_text(&[
        &leaf("行政能力目标", "科学行政", "4-1", "", "1"),
        &leaf("", "", "4-2", "", "1"),
        &leaf("", "", "4-3", "", "1"),
        &leaf("", "依法行政", "4-4", "", "1"),
    ]);
    assert_eq!(rec(&records, "4-1").group.as_deref(), Some("科学行政"));
    assert_eq!(rec(&records, "4-4").group.as_deref(), Some("依法行政"));
    let guessed: Vec<&str> = issues.iter().filter(|i| i.code == "label_boundary_guessed").filter_map(|i| i.record.as_deref()).collect();
    assert!(guessed.contains(&"4-2") && guessed.contains(&"4-3"), "{issues:#?}");
}

#[test]
fn a_group_printed_nowhere_is_named_by_the_declared_counts_or_reported() {
    let rows = [
        leaf("职能工作目标", "重点工作目标", "1-1-1", "推动发展。（1分）", "1"),
        leaf("", "", "2-1-1", "加强管理。（1分）", "1"),
        leaf("", "", "2-2-1", "保障运行。（1分）", "1"),
    ];
    let text = format!("某局绩效目标考评表\n\n{HEADER}\n{}\n", rows.join("\n"));
    let tables = find_tables(&read_text(&text));
    let declared = [zhibiao_model::DeclaredCount { scope: "常规工作目标".into(), level: Some(1), count: 2, line: None }];
    let rebuilt = super::rebuild(&tables[0], &declared, &mut Trace::default());
    let r = rec(rebuilt.table.records.performance(), "2-2-1");
    assert_eq!(r.group.as_deref(), Some("常规工作目标"));
    assert!(inferred(r, "group"));
    assert!(rebuilt.issues.iter().any(|i| i.code == "label_inferred"));
    // Without the count, the group stays empty and says so on its rows.
    let rebuilt = super::rebuild(&tables[0], &[], &mut Trace::default());
    assert_eq!(rec(rebuilt.table.records.performance(), "2-2-1").group, None);
    let missing = rebuilt.issues.iter().find(|i| i.code == "label_missing").expect("label_missing");
    assert!(missing.covers("2-2-1") && missing.severity == zhibiao_model::Severity::Warning, "{missing:?}");
}

/// A group of 常规工作目标 rows: `(id, 一级指标 printed on the row, 文件依据 printed on it)`.
fn group_rows(rows: &[(&str, &str, bool)]) -> Vec<String> {
    rows.iter()
        .enumerate()
        .map(|(k, (id, primary, basis))| {
            let basis = if *basis { BASIS_A } else { "" };
            let label = if k == 0 { "常规工作目标" } else { "" };
            format!("\t{label}\t{id}\t{basis}\t{primary}\t完成任务{k}。\t1\t12月\t陈建兴\t高新科\t梁秋生\t")
        })
        .collect()
}

fn rebuild_rows(rows: &[String]) -> (Vec<Record>, Vec<Issue>) {
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let (records, issues, _) = rebuild_text(&rows);
    (records, issues)
}

#[test]
fn a_basis_printed_where_only_a_cell_over_several_indicators_centres_is_theirs() {
    // The table centres its merged cells (each 一级指标 on its indicator's middle row). The
    // 文件依据 on 2-2-1 is no middle of 2-2's rows, but the middle of 2-1 and 2-2 together.
    let (records, issues) = rebuild_rows(&group_rows(&[
        ("2-1-1", "", false),
        ("2-1-2", "做好甲项工作。（3分）", false),
        ("2-1-3", "", false),
        ("2-2-1", "", true),
        ("2-2-2", "做好乙项工作。（3分）", false),
        ("2-2-3", "", false),
    ]));
    for id in ["2-1-1", "2-1-2", "2-1-3", "2-2-1", "2-2-2", "2-2-3"] {
        assert_eq!(rec(&records, id).basis, vec![BASIS_A], "{id}");
    }
    // Read, not printed: the indicator it was given to is doubtful and a warning names it.
    assert!(rec(&records, "2-1-1").confidence.doubtful.iter().any(|f| f == "basis"));
    assert!(!rec(&records, "2-2-2").confidence.doubtful.iter().any(|f| f == "basis"));
    let i = issue(&issues, "basis_span_inferred").expect("basis_span_inferred");
    assert_eq!(i.record.as_deref(), Some("2-1"));
}

#[test]
fn a_basis_whose_print_fits_several_spans_leaves_the_neighbours_empty_and_doubtful() {
    // Rows 0…7 (2, 3 and 3 rows), 一级指标 centred. Row 4 is no middle of 2-2 (rows 2…4)
    // but the middle of 2-2 + 2-3 (rows 2…7) and of the whole group (rows 0…7).
    let (records, issues) = rebuild_rows(&group_rows(&[
        ("2-1-1", "做好甲项工作。（2分）", false),
        ("2-1-2", "", false),
        ("2-2-1", "", false),
        ("2-2-2", "做好乙项工作。（3分）", false),
        ("2-2-3", "", true),
        ("2-3-1", "", false),
        ("2-3-2", "做好丙项工作。（3分）", false),
        ("2-3-3", "", false),
    ]));
    assert_eq!(rec(&records, "2-2-1").basis, vec![BASIS_A]);
    for id in ["2-1-1", "2-3-2"] {
        let r = rec(&records, id);
        assert!(r.basis.is_empty(), "{id}: {:?}", r.basis);
        assert!(r.confidence.doubtful.iter().any(|f| f == "basis"), "{id}: {:?}", r.confidence);
    }
    assert_eq!(issues.iter().filter(|i| i.code == "basis_span_unsure").count(), 2, "{issues:#?}");
}

#[test]
fn a_basis_printed_where_its_own_indicator_prints_its_cells_is_its_own() {
    // Cells on the first row of their span (as the 一级指标 show): the 文件依据 on 2-1-1 is
    // 2-1's own. A cell over 2-1 and 2-2 would print there too, by the same convention: the
    // text cannot weigh the two, and an indicator printing its own is the common case (a
    // real notice leaves an indicator after one citing documents without any), so 2-2 is
    // neither given it nor warned about.
    let (records, issues) = rebuild_rows(&group_rows(&[
        ("2-1-1", "做好甲项工作。（3分）", true),
        ("2-1-2", "", false),
        ("2-1-3", "", false),
        ("2-2-1", "做好乙项工作。（3分）", false),
        ("2-2-2", "", false),
        ("2-2-3", "", false),
    ]));
    assert_eq!(rec(&records, "2-1-2").basis, vec![BASIS_A]);
    let r = rec(&records, "2-2-1");
    assert!(r.basis.is_empty());
    assert!(!r.confidence.doubtful.iter().any(|f| f == "basis"), "{:?}", r.confidence);
    assert!(issues.iter().all(|i| !i.code.starts_with("basis_span")), "{issues:#?}");
}

#[test]
fn a_basis_print_another_convention_puts_a_wider_span_on_leaves_those_neighbours_doubtful() {
    // The 一级指标 stand on their indicators' first rows. The 文件依据 on 2-2-1 is 2-2's first
    // row (and of 2-2 + 2-3, by the same convention: no other reading), but also the middle
    // of 2-1 + 2-2 (rows 0…4), as a table mixing its conventions prints it: 2-1 is doubtful.
    let (records, issues) = rebuild_rows(&group_rows(&[
        ("2-1-1", "做好甲项工作。（2分）", false),
        ("2-1-2", "", false),
        ("2-2-1", "做好乙项工作。（3分）", true),
        ("2-2-2", "", false),
        ("2-2-3", "", false),
        ("2-3-1", "做好丙项工作。（3分）", false),
        ("2-3-2", "", false),
        ("2-3-3", "", false),
    ]));
    for id in ["2-1-1", "2-1-2"] {
        let r = rec(&records, id);
        assert!(r.basis.is_empty(), "{id}: {:?}", r.basis);
        assert!(r.confidence.doubtful.iter().any(|f| f == "basis"), "{id}: {:?}", r.confidence);
    }
    for id in ["2-2-2", "2-3-1", "2-3-3"] {
        assert!(!rec(&records, id).confidence.doubtful.iter().any(|f| f == "basis"), "{id}");
    }
    let mut named: Vec<&str> = issues.iter().filter(|i| i.code == "basis_span_unsure").filter_map(|i| i.record.as_deref()).collect();
    named.sort_unstable();
    assert_eq!(named, vec!["2-1"], "{issues:#?}");
}

#[test]
fn a_basis_wrapped_before_its_document_number_is_no_primary() {
    // The 文件依据's first line names no document number: beside the 二级指标 it takes the
    // 一级指标 slot, and its wrapped line joins it there. Whole, it cites one.
    let (records, _, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t\t推动发展。（4分）\t制定措施。\t2\t9月\t陈建兴\t高新科\t梁秋生\t",
        "\t\t1-1-2\t关于印发甲方\t\t组织申报。\t2\t12月\t陈建兴\t高新科\t梁秋生\t",
        "\t\t\t案的通知（泉政办〔2019〕9号）\t\t\t\t\t\t\t\t",
    ]);
    let r = rec(&records, "1-1-2");
    assert_eq!(r.basis, vec![BASIS_A]);
    assert_eq!(r.primary.as_deref(), Some("推动发展。"));
    assert_eq!(r.secondary.as_deref(), Some("组织申报。"));
}

#[test]
fn a_basis_printed_on_every_indicator_is_no_span() {
    let (records, issues) = rebuild_rows(&group_rows(&[
        ("2-1-1", "做好甲项工作。（2分）", true),
        ("2-1-2", "", false),
        ("2-2-1", "做好乙项工作。（2分）", true),
        ("2-2-2", "", false),
    ]));
    assert!(issues.iter().all(|i| !i.code.starts_with("basis_span")), "{issues:#?}");
    assert!(rec(&records, "2-2-2").confidence.doubtful.is_empty());
}

#[test]
fn a_wrapped_line_one_column_off_joins_the_texts_above_it() {
    // The wrapped line gained a leading empty cell: its pieces stand one column right of the
    // texts they continue, the last under the weight, which takes no text.
    let (records, _, _) = rebuild_text(&[
        "职能工作目标 80分\t重点工作目标\t1-1-1\t关于印发甲方\t推动发\t制定措\t2\t9月\t陈建兴\t高新科\t梁秋生\t",
        "\t\t\t\t案的通知\t展。（2分）\t施。",
    ]);
    let r = rec(&records, "1-1-1");
    assert_eq!(r.basis, vec!["关于印发甲方案的通知"]);
    assert_eq!(r.primary.as_deref(), Some("推动发展。"));
    assert_eq!(r.secondary.as_deref(), Some("制定措施。"));
    assert_eq!(r.weight, Some(2.0));
}

/// A table without 项目 columns: its labels are heading rows (or lines) over their rows.
fn rebuild_plain(rows: &[&str]) -> (Vec<Record>, Vec<Issue>) {
    let header = "序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\t分管领导\t责任单位\t责任人\t备注";
    let (records, issues, _) = rebuild_with(header, rows);
    (records, issues)
}

#[test]
fn heading_rows_label_the_rows_under_them_across_subtotals() {
    let row = |id: &str, primary: &str| format!("{id}\t\t{primary}\t完成任务。\t1\t12月\t陈建兴\t高新科\t梁秋生\t");
    let (records, issues) = rebuild_plain(&[
        "职能工作目标 3分\t\t\t\t\t\t\t\t\t",
        "（一）重点工作目标（2分）",
        &row("1-1-1", "做好甲项工作。（2分）"),
        &row("1-1-2", ""),
        "小计\t\t\t\t2\t\t\t\t\t",
        "（二）常规工作目标（1分）\t\t\t\t\t\t\t\t\t",
        &row("2-1-1", "做好乙项工作。（1分）"),
        "行政能力目标 2分",
        "1.依法履职",
        &row("3-1", ""),
        "（二）服务群众（1分）",
        &row("3-2", ""),
    ]);
    let labels = |id: &str| {
        let r = rec(&records, id);
        (r.category.clone().unwrap_or_default(), r.group.clone().unwrap_or_default())
    };
    assert_eq!(labels("1-1-2"), ("职能工作目标".into(), "重点工作目标".into()));
    // The subtotal closes 重点工作目标, not the category heading above it.
    assert_eq!(labels("2-1-1"), ("职能工作目标".into(), "常规工作目标".into()));
    assert_eq!(labels("3-1"), ("行政能力目标".into(), "依法履职".into()));
    assert_eq!(labels("3-2"), ("行政能力目标".into(), "服务群众".into()));
    assert!(issues.iter().all(|i| i.code != "unplaced_text" && i.code != "label_missing"), "{issues:#?}");
}

#[test]
fn a_wrapped_first_level_piece_is_no_heading() {
    // `推进项目建设（3分）` alone on a row under the 一级指标 column wraps the text above.
    let (records, _) = rebuild_plain(&[
        "职能工作目标 3分",
        "1-1-1\t\t加强\t完成任务。\t3\t12月\t陈建兴\t高新科\t梁秋生\t",
        "\t\t推进项目建设（3分）\t\t\t\t\t\t\t",
    ]);
    let r = rec(&records, "1-1-1");
    assert_eq!(r.primary.as_deref(), Some("加强推进项目建设"));
    assert_eq!(r.group, None);
}
