//! One test per budget-family repair, each on a small constructed table run through the whole
//! pipeline (text reader → table recognition → rebuild), so the repair is tested where it is
//! used.

use crate::grid::{Block, Cell, GridRow, SourceGrid, SourcePos};
use crate::region::find_tables;
use crate::text::read_text;
use crate::trace::Trace;
use zhibiao_model::{BudgetRecord, Issue, Table};

/// The linyi template's header: three rows, labels printed over the wrong columns on the top
/// row (备注 over 11 where its data sits in 12, and so on), as the seed prints them.
const HEADER: &str = "职责序号\t部门职责\t职责目标\t绩效指标\t指标解释\t年度指标值\t指标参考值\t\t\t\t\t备注 (原因)\t工作活动\t预算项目\n\
\t\t\t\t\t\t标准值 (规划目标)\t\t\t历史值 (来源)\n\
\t\t\t\t\t\t“十三五”规划值\t2020年标准值\t来源\t2017-2019年 均值\t2019年值 (实际完成)\t\t\t\t数据来源 (统计年鉴)";

fn rebuild_text(rows: &[&str]) -> (Table, Vec<Issue>) {
    let text = format!("2020年部门预算整体绩效目标表\n\n{HEADER}\n{}\n", rows.join("\n"));
    let tables = find_tables(&read_text(&text));
    assert_eq!(tables.len(), 1, "one table expected in:\n{text}");
    let rebuilt = super::rebuild(&tables[0], &mut Trace::default());
    (rebuilt.table, rebuilt.issues)
}

fn rec<'a>(t: &'a Table, id: &str) -> &'a BudgetRecord {
    let records = t.records.budget();
    records.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no record {id} in {records:#?}"))
}

fn ids(t: &Table) -> Vec<&str> {
    t.records.budget().iter().map(|r| r.id.as_str()).collect()
}

fn issue<'a>(issues: &'a [Issue], code: &str) -> Option<&'a Issue> {
    issues.iter().find(|i| i.code == code)
}

/// A clean indicator row: `cells[k]` goes to column `k`.
fn row(cells: &[&str]) -> String {
    cells.join("\t")
}

#[test]
fn duty_cells_go_to_every_indicator_row_and_ids_count_within_the_duty() {
    let (t, issues) = rebuild_text(&[
        &row(&["1", "政策规划", "拟订政策。", "指标甲", "解释甲", "1项", "", "1项", "内部统计", "", "", "内部统计"]),
        &row(&["", "", "", "指标乙", "解释乙", "8个", "", "8个", "内部统计", "", "9个", "内部统计"]),
        &row(&["", "", "", "指标丁", "解释丁", "2个", "", "2个", "内部统计", "", "2个", "内部统计"]),
        &row(&["", "", "", "指标辛", "解释辛", "6个", "", "6个", "内部统计", "", "6个", "内部统计"]),
        &row(&["2", "成果评审", "评审公正。", "指标丙", "解释丙", "应审尽审", "", "应审尽审", "内部统计", "", "应审尽审", "内部统计"]),
        &row(&["", "", "", "指标戊", "解释戊", "3项", "", "3项", "内部统计", "", "3项", "内部统计"]),
        &row(&["", "", "", "指标己", "解释己", "4项", "", "4项", "内部统计", "", "4项", "内部统计"]),
        &row(&["3", "成果转化", "转化有效。", "指标庚", "解释庚", "5项", "", "5项", "内部统计", "", "5项", "内部统计"]),
        &row(&["", "", "", "指标壬", "解释壬", "7项", "", "7项", "内部统计", "", "7项", "内部统计"]),
        &row(&["", "", "", "指标癸", "解释癸", "8项", "", "8项", "内部统计", "", "8项", "内部统计"]),
        &row(&["", "", "", "指标子", "解释子", "9项", "", "9项", "内部统计", "", "9项", "内部统计"]),
    ]);
    // Sizes 4, 3, 4: only first-row cells explain them (centred ones would need a first duty
    // of one row and a last with three rows below its cells), so no row is in doubt.
    assert_eq!(ids(&t), ["1-1", "1-2", "1-3", "1-4", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3", "3-4"]);
    let b = rec(&t, "1-2");
    assert_eq!((b.duty_no, b.duty.as_deref(), b.duty_goal.as_deref()), (1, Some("政策规划"), Some("拟订政策。")));
    assert_eq!(b.history_last.as_deref(), Some("9个"));
    assert!(b.provenance.repairs.iter().any(|r| r.starts_with("merged_cell_shared")), "{:?}", b.provenance);
    // The duty's cells were inferred for the rows that did not print them, on firm ground.
    assert!(b.confidence.inferred.contains(&"duty".to_string()), "{:?}", b.confidence);
    assert!(b.confidence.doubtful.is_empty(), "{:?}", b.confidence);
    assert!(rec(&t, "1-1").confidence.inferred.is_empty());
    assert_eq!(rec(&t, "2-1").duty_no, 2);
    assert!(issues.iter().all(|i| i.severity == zhibiao_model::Severity::Info), "{issues:#?}");
}

#[test]
fn a_duty_goal_printed_on_the_second_row_is_the_duty_s() {
    // Vertically centred merged cell: the goal shows on the middle row of the duty.
    let (t, _) = rebuild_text(&[
        &row(&["3", "产业培育", "", "指标甲", "解释", "60家", "", "60家", "内部统计", "", "160家", "内部统计"]),
        &row(&["", "", "提升创新能力。", "指标乙", "解释", "8家", "", "8家", "内部统计", "", "12家", "内部统计"]),
        &row(&["", "", "", "指标丙", "解释", "3家", "", "3家", "内部统计", "", "0家", "内部统计"]),
    ]);
    assert_eq!(ids(&t), ["3-1", "3-2", "3-3"]);
    for id in ["3-1", "3-2", "3-3"] {
        assert_eq!(rec(&t, id).duty_goal.as_deref(), Some("提升创新能力。"), "{id}");
    }
}

#[test]
fn rows_above_the_first_duty_cell_belong_to_the_first_duty() {
    let (t, issues) = rebuild_text(&[
        &row(&["", "", "", "指标甲", "解释", "1项", "", "1项", "内部统计", "", "", "内部统计"]),
        &row(&["1", "政策规划", "拟订政策。", "指标乙", "解释", "2项", "", "2项", "内部统计", "", "", "内部统计"]),
    ]);
    assert_eq!(ids(&t), ["1-1", "1-2"]);
    assert_eq!(rec(&t, "1-1").indicator.as_deref(), Some("指标甲"));
    assert_eq!(rec(&t, "1-1").duty.as_deref(), Some("政策规划"));
    // The table prints its duty cells lower than the first row, and says so.
    assert!(issue(&issues, "duty_cells_centred").is_some(), "{issues:#?}");
}

#[test]
fn a_duty_with_no_indicator_rows_is_reported() {
    let (t, issues) = rebuild_text(&[
        &row(&["1", "政策规划", "拟订政策。"]),
        &row(&["2", "成果评审", "评审公正。", "指标", "解释", "应审尽审", "", "应审尽审", "内部统计", "", "应审尽审", "内部统计"]),
    ]);
    assert_eq!(ids(&t), ["2-1"]);
    let i = issue(&issues, "duty_without_indicators").expect("a duty_without_indicators issue");
    assert_eq!(i.record.as_deref(), Some("1"));
    assert_eq!(i.severity, zhibiao_model::Severity::Warning);
}

#[test]
fn a_duty_whose_number_is_lost_is_numbered_after_the_one_above() {
    let (t, issues) = rebuild_text(&[
        &row(&["1", "政策规划", "拟订政策。", "指标甲", "解释", "1项", "", "1项", "内部统计", "", "", "内部统计"]),
        &row(&["", "成果评审", "评审公正。", "指标乙", "解释", "应审尽审", "", "应审尽审", "内部统计", "", "应审尽审", "内部统计"]),
    ]);
    assert_eq!(ids(&t), ["1-1", "2-1"]);
    assert_eq!(rec(&t, "2-1").duty.as_deref(), Some("成果评审"));
    assert!(issue(&issues, "duty_no_inferred").is_some(), "{issues:#?}");
}

#[test]
fn a_duty_number_printed_twice_never_gives_two_records_one_id() {
    let line = |no: &str, duty: &str, ind: &str| {
        row(&[no, duty, "目标。", ind, "解释", "1项", "", "1项", "内部统计", "", "", "内部统计"])
    };
    // 1, 2, 2, 4 with another duty: the second 2 is the missing 3.
    let (t, issues) =
        rebuild_text(&[&line("1", "职责甲", "甲"), &line("2", "职责乙", "乙"), &line("2", "职责丙", "丙"), &line("4", "职责丁", "丁")]);
    assert_eq!(ids(&t), ["1-1", "2-1", "3-1", "4-1"]);
    assert_eq!(rec(&t, "3-1").indicator.as_deref(), Some("丙"));
    assert!(issue(&issues, "duty_no_repeated").is_some(), "{issues:#?}");
    // 1, 2, 2, 3: 3 is printed, so the second duty 2 continues duty 2's count.
    let (t, _) =
        rebuild_text(&[&line("1", "职责甲", "甲"), &line("2", "职责乙", "乙"), &line("2", "职责丙", "丙"), &line("3", "职责丁", "丁")]);
    assert_eq!(ids(&t), ["1-1", "2-1", "2-2", "3-1"]);
    // The same duty printed again after a page break goes on.
    let (t, issues) = rebuild_text(&[&line("2", "职责乙", "乙"), "", HEADER, &line("2", "职责乙", "丙"), &line("3", "职责丁", "丁")]);
    assert_eq!(ids(&t), ["2-1", "2-2", "3-1"]);
    assert!(issue(&issues, "duty_continued").is_some(), "{issues:#?}");
}

#[test]
fn a_collapsed_row_is_placed_by_what_its_cells_hold() {
    // The 4-3 row of the seed: 上年值 and 数据来源 one column left.
    let (t, issues) = rebuild_text(&[
        &row(&["4", "项目管理", "完善服务。", "指标甲", "解释", "应补尽补", "", "应补尽补", "内部统计", "", "3家", "内部统计"]),
        &row(&["", "", "", "指标乙", "解释", "应检尽检", "", "应检尽检", "内部统计", "", "20家", "内部统计"]),
        &row(&["", "", "", "健全项目管理制度", "解释", "建立4项", "", "建立4项", "内部统计", "1项管理办法", "内部统计"]),
        &row(&["", "", "", "技术市场服务", "解释", "400项", "", "400项", "根据往年情况制定", "350项", "380项", "登记系统"]),
    ]);
    let r = rec(&t, "4-3");
    assert_eq!(r.history_avg, None);
    assert_eq!(r.history_last.as_deref(), Some("1项管理办法"));
    assert_eq!(r.history_source.as_deref(), Some("内部统计"));
    let i = issue(&issues, "cells_shifted").expect("a cells_shifted issue");
    assert_eq!(i.record.as_deref(), Some("4-3"));
    // A row that really fills 均值 keeps it.
    let full = rec(&t, "4-4");
    assert_eq!((full.history_avg.as_deref(), full.history_last.as_deref()), (Some("350项"), Some("380项")));
    assert_eq!(full.history_source.as_deref(), Some("登记系统"));
    assert_eq!(issues.iter().filter(|i| i.code == "cells_shifted").count(), 1, "{issues:#?}");
}

#[test]
fn remarks_activity_and_budget_item_by_template_order_not_by_the_shifted_header() {
    let (t, issues) = rebuild_text(&[row(&[
        "2", "成果评审", "评审公正。", "指标", "解释", "应审尽审", "", "应审尽审", "内部统计", "", "应审尽审", "内部统计", "新增",
        "科技评审", "科技发展专项资金项目",
    ])
    .as_str()]);
    let r = rec(&t, "2-1");
    assert_eq!(r.remarks.as_deref(), Some("新增"));
    assert_eq!(r.activity.as_deref(), Some("科技评审"));
    assert_eq!(r.budget_item.as_deref(), Some("科技发展专项资金项目"));
    assert_eq!(r.history_source.as_deref(), Some("内部统计"));
    assert!(issue(&issues, "header_misaligned").is_some(), "{issues:#?}");
}

#[test]
fn a_budget_item_printed_on_one_row_of_a_duty_is_reported_not_spread() {
    let (t, issues) = rebuild_text(&[
        &row(&["2", "成果评审", "评审公正。", "指标甲", "解释", "应审尽审", "", "应审尽审", "内部统计", "", "应审尽审", "内部统计", "", "科技评审", "专项资金"]),
        &row(&["", "", "", "指标乙", "解释", "应审尽审", "", "应审尽审", "内部统计", "", "应审尽审", "内部统计", "", "科技评奖"]),
    ]);
    assert_eq!(rec(&t, "2-1").budget_item.as_deref(), Some("专项资金"));
    assert_eq!(rec(&t, "2-2").budget_item, None);
    assert_eq!(rec(&t, "2-2").activity.as_deref(), Some("科技评奖"));
    let i = issue(&issues, "span_unknown").expect("a span_unknown issue");
    assert_eq!(i.record.as_deref(), Some("2-2"));
}

#[test]
fn a_span_the_reader_knows_goes_to_every_row_it_covers() {
    // A DOCX-like grid: the 预算项目 cell of the first row spans two rows.
    let header = read_text(&format!("{HEADER}\n"));
    let mut blocks: Vec<Block> = header.blocks;
    let mk = |line: u32, cells: &[&str], span_col: Option<usize>| {
        let cells = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut cell = Cell::text(*c);
                if Some(i) == span_col {
                    cell.row_span = 2;
                }
                cell
            })
            .collect();
        Block::Row(GridRow::new(cells, SourcePos { line, page: Some(1) }))
    };
    blocks.push(mk(10, &["2", "成果评审", "评审。", "指标甲", "解释", "1项", "", "1项", "内部统计", "", "1项", "内部统计", "", "评审", "专项资金"], Some(14)));
    blocks.push(mk(11, &["", "", "", "指标乙", "解释", "2项", "", "2项", "内部统计", "", "2项", "内部统计"], None));
    let tables = find_tables(&SourceGrid { blocks, encoding: None, spans_known: true, issues: Vec::new() });
    let rebuilt = super::rebuild(&tables[0], &mut Trace::default());
    let t = rebuilt.table;
    assert_eq!(rec(&t, "2-2").budget_item.as_deref(), Some("专项资金"));
    assert!(rec(&t, "2-2").provenance.repairs.iter().any(|r| r.starts_with("merged_cell_filled")));
    assert!(issue(&rebuilt.issues, "span_unknown").is_none(), "{:#?}", rebuilt.issues);
}

#[test]
fn wrapped_text_on_a_row_of_its_own_joins_the_row_above() {
    let (t, issues) = rebuild_text(&[
        &row(&["1", "政策规划", "拟订政策。", "指标甲", "完成高层次人才的推荐工作，", "8个", "", "8个", "内部统计", "", "9个", "内部统计"]),
        &row(&["", "", "", "", "筛选过程规范"]),
    ]);
    assert_eq!(ids(&t), ["1-1"]);
    assert_eq!(rec(&t, "1-1").explanation.as_deref(), Some("完成高层次人才的推荐工作，筛选过程规范"));
    assert!(issues.iter().all(|i| i.code != "unplaced_text"), "{issues:#?}");
}

#[test]
fn values_are_parsed_beside_their_printed_form() {
    let (t, _) = rebuild_text(&[&row(&[
        "3", "产业培育", "提升。", "高新技术产业产值占比", "达到34.6%以上", "34.6%", "", "34.6%", "内部统计", "", "33.6%", "统计局统计",
    ])]);
    let r = rec(&t, "3-1");
    assert_eq!(r.target.as_deref(), Some("34.6%"));
    assert_eq!(
        r.target_value,
        Some(zhibiao_model::Quantity::Number { number: 34.6, unit: Some("%".into()), bound: None, qualifier: None })
    );
    assert_eq!(r.plan_value_parsed, None);
}

#[test]
fn the_unit_signing_the_form_under_the_table_is_no_duty() {
    // `填报单位（盖章）：…` under the closing 合计 row, beside the date: the form's sign-off,
    // not a duty whose 部门职责 is the unit.
    let (t, issues) = rebuild_text(&[
        &row(&["1", "职责甲", "目标甲。", "指标甲", "解释甲", "60家", "", "60家", "行业标准", "", "55家", "", "", ""]),
        &row(&["", "", "", "指标乙", "解释乙", "10%", "", "10%", "内部统计", "", "9%", "", "", ""]),
        "合计\t\t\t\t\t\t\t\t\t\t\t\t\t120",
        "填报单位（盖章）：某市某局\t\t\t填报日期：2021年3月15日",
    ]);
    assert_eq!(ids(&t), ["1-1", "1-2"]);
    assert!(issue(&issues, "duty_without_indicators").is_none(), "{issues:#?}");
    assert!(issue(&issues, "duty_no_inferred").is_none(), "{issues:#?}");
}

#[test]
fn a_row_whose_values_slid_off_the_target_column_is_a_record_not_a_tail() {
    // The second indicator has no explanation and its row gained an empty cell: its target
    // and plan stand one column right, under columns the row above fills. Its two numbers
    // say it is an indicator of its own, not the wrapped end of the row above.
    let (t, _) = rebuild_text(&[
        &row(&["1", "职责甲", "目标甲。", "法律顾问参与率", "重大事项经法律顾问审核的比例", "100%", "100%", "100%", "省级考核办法", "", "100%", "工作台账"]),
        &row(&["", "", "", "政府信息主动公开", "", "", "不少于275条", "1375条"]),
    ]);
    assert_eq!(ids(&t), ["1-1", "1-2"]);
    assert_eq!(rec(&t, "1-1").indicator.as_deref(), Some("法律顾问参与率"));
    assert_eq!(rec(&t, "1-1").plan_value.as_deref(), Some("100%"));
    assert_eq!(rec(&t, "1-2").indicator.as_deref(), Some("政府信息主动公开"));
}

#[test]
fn a_row_with_a_value_beside_its_name_is_a_record_not_a_tail() {
    // The second indicator has no explanation, and its row lost the empty cells before its
    // target: `按时完成` stands in the 指标解释 column. A value beside a name is an indicator
    // of its own; the wrapped end of a sentence is words.
    let (t, _) = rebuild_text(&[
        &row(&["1", "职责甲", "目标甲。", "干部教育培训学时达标率", "干部参加年度教育培训达到规定学时的比例", "97%", "", "97%", "内部统计"]),
        &row(&["", "", "", "公务员年度考核", "按时完成"]),
        &row(&["", "", "", "急需紧缺人才引进", "引进急需紧缺专业人才数量", "≥20人", "", "", "", "", "", "年度工作总结"]),
    ]);
    assert_eq!(ids(&t), ["1-1", "1-2", "1-3"]);
    assert_eq!(rec(&t, "1-1").explanation.as_deref(), Some("干部参加年度教育培训达到规定学时的比例"));
    let r = rec(&t, "1-2");
    assert_eq!(r.indicator.as_deref(), Some("公务员年度考核"));
    // Which column the value belongs to is the placement's call (one cell, one column off);
    // it stays on its own record either way.
    assert!([&r.target, &r.explanation].iter().any(|v| v.as_deref() == Some("按时完成")), "{r:#?}");
}
