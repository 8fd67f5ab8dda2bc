//! The column set a header names: a 一级指标分值 column, a column of no field (考核标准), and
//! columns a table does not have. Small constructed tables through the whole pipeline.

use super::test_support::{rebuild_with as rebuild_full, rec};
use zhibiao_model::{Issue, Record};

fn rebuild_with(header: &str, rows: &[&str]) -> (Vec<Record>, Vec<Issue>) {
    let (records, issues, _) = rebuild_full(header, rows);
    (records, issues)
}

const BASIS: &str = "关于印发甲方案的通知（泉政办〔2019〕9号）";

#[test]
fn a_points_column_gives_primary_points_to_every_row_of_the_indicator() {
    let header = "项目\t\t序号\t文件依据\t一级指标\t分值\t二级指标\t权重\t完成时限\t分管领导\t责任单位\t责任人\t备注";
    let (records, _) = rebuild_with(
        header,
        &[
            "职能工作目标\t重点工作目标\t1-1-1\t\t\t\t制定措施。\t1.5\t9月\t陈建兴\t高新科\t梁秋生\t",
            &format!("\t\t1-1-2\t{BASIS}\t推动发展\t3.5分\t组织申报。\t2\t12月\t陈建兴\t高新科\t梁秋生\t"),
            "\t\t1-2-1\t\t推进改革\t1\t开展培训。\t1\t12月\t陈建兴\t高新科\t梁秋生\t",
        ],
    );
    for id in ["1-1-1", "1-1-2"] {
        let r = rec(&records, id);
        assert_eq!(r.primary.as_deref(), Some("推动发展"), "{id}");
        assert_eq!(r.primary_points, Some(3.5), "{id}");
    }
    let r = rec(&records, "1-1-2");
    assert_eq!(r.secondary.as_deref(), Some("组织申报。"));
    assert_eq!(r.weight, Some(2.0));
    assert_eq!(r.deadline.as_deref(), Some("12月"));
    let r = rec(&records, "1-2-1");
    assert_eq!((r.primary_points, r.weight), (Some(1.0), Some(1.0)));
}

#[test]
fn a_points_piece_split_over_two_rows_of_its_indicator_is_joined() {
    let header = "项目\t\t序号\t文件依据\t一级指标\t一级指标分值\t二级指标\t权重\t完成时限\t分管领导\t责任单位\t责任人\t备注";
    let (records, _) = rebuild_with(
        header,
        &[
            &format!("职能工作目标\t重点工作目标\t1-1-1\t{BASIS}\t推动发展（属\t3\t制定措施。\t1.5\t9月\t陈建兴\t高新科\t梁秋生\t"),
            "\t\t1-1-2\t\t第1项）\t\t组织申报。\t1.5\t12月\t陈建兴\t高新科\t梁秋生\t",
        ],
    );
    for id in ["1-1-1", "1-1-2"] {
        assert_eq!(rec(&records, id).primary.as_deref(), Some("推动发展（属第1项）"), "{id}");
    }
}

#[test]
fn a_scoring_column_is_set_aside_and_reported_once() {
    let header = "项目\t\t序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\t分管领导\t责任单位\t责任人\t考核标准\t备注";
    let (records, issues) = rebuild_with(
        header,
        &[
            "职能工作目标\t重点工作目标\t1-1-1\t\t推动发展（4分）\t制定措施。\t2\t9月\t陈建兴\t高新科\t梁秋生\t完成得满分，未完成不得分。\t",
            "\t\t1-1-2\t\t\t组织申报。\t2\t12月\t陈建兴\t高新科\t梁秋生\t每少完成1项扣0.5分。\t新增",
        ],
    );
    assert_eq!(rec(&records, "1-1-1").remarks, None);
    assert_eq!(rec(&records, "1-1-2").remarks.as_deref(), Some("新增"));
    assert_eq!(rec(&records, "1-1-2").persons, vec!["梁秋生"]);
    assert_eq!(issues.iter().filter(|i| i.code == "column_set_aside").count(), 1);
    assert!(issues.iter().all(|i| i.code != "unplaced_text"), "{issues:#?}");
}

#[test]
fn a_table_without_a_leaders_column_puts_no_names_there() {
    let header = "项目\t\t序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\t责任单位\t责任人\t备注";
    let (records, _) = rebuild_with(
        header,
        &[
            "职能工作目标\t重点工作目标\t1-1-1\t\t推动发展（4分）\t制定措施。\t2\t9月\t\t梁秋生 陈岩\t",
            "\t\t1-1-2\t\t\t组织申报。\t2\t12月\t高新科\t梁秋生\t",
        ],
    );
    let r = rec(&records, "1-1-1");
    assert!(r.leaders.is_empty());
    assert_eq!(r.persons, vec!["梁秋生", "陈岩"]);
    assert!(rec(&records, "1-1-2").leaders.is_empty());
}

#[test]
fn a_points_column_is_known_from_a_weight_label_any_header_row_prints_after_it() {
    use crate::header::{ColumnMap, Field};
    // The lower row's 责任人 won column 11 from the upper row's 权重: the header still prints
    // a 权重 after its 一级指标分值, so a row's first number is the points.
    let map = ColumnMap {
        columns: vec![(4, Field::Primary), (5, Field::Points), (6, Field::Secondary), (10, Field::Units), (11, Field::Persons)],
        labels: vec![(4, Field::Primary), (5, Field::Points), (6, Field::Secondary), (10, Field::Units), (11, Field::Persons), (11, Field::Weight)],
        ..ColumnMap::default()
    };
    assert!(super::header_hint(&map).points);
    // A 一级指标分值 after the only 权重 label is no points column before the weights.
    let map = ColumnMap { columns: vec![(4, Field::Weight), (5, Field::Points)], labels: vec![(4, Field::Weight), (5, Field::Points)], ..ColumnMap::default() };
    assert!(!super::header_hint(&map).points);
}

#[test]
fn texts_end_at_the_missing_deadline_s_cell_in_a_block_printing_the_weight_last() {
    // 完成时限 before the responsibility cells, 权重 after them: a row whose 完成时限 is merged
    // from the row above still ends its texts at that empty cell, so the scoring text after
    // it is no 二级指标.
    let header = "项目\t\t序号\t文件依据\t一级指标\t二级指标\t完成时限\t评分标准\t责任单位\t责任人\t权重\t备注";
    let (records, _) = rebuild_with(
        header,
        &[
            &format!("职能工作目标\t重点工作目标\t1-1-1\t{BASIS}\t推动发展（4分）\t制定措施。\t9月\t完成得满分，未完成不得分。\t高新科\t梁秋生\t2\t"),
            "\t\t1-1-2\t\t\t组织申报。\t\t按完成进度计分，完成率低于80%不得分。\t\t\t2\t",
            "\t\t1-1-3\t\t\t开展培训。\t12月\t完成得满分，未完成不得分。\t人才科\t陈岩\t1\t",
        ],
    );
    let r = rec(&records, "1-1-2");
    assert_eq!(r.secondary.as_deref(), Some("组织申报。"));
    assert_eq!(r.primary.as_deref(), Some("推动发展"));
    assert_eq!(r.weight, Some(2.0));
}
