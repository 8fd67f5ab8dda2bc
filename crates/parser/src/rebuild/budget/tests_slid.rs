//! The budget rebuild on rows whose cells slid into or out of the duty columns: OCR dropped
//! the empty cells of a row (an indicator's empty 职责 cells, a repeated duty's empty goal), so
//! an indicator stands where a duty's name or goal is printed. Each table is small, written
//! for the mechanism it tests, and run through the whole pipeline (see [`super::tests_variants`]).

use super::tests_variants::{duty, has, ids, ind, rebuild_with, rec, row, warned, PLAIN};

#[test]
fn a_repeated_duty_name_whose_row_lost_its_empty_goal_cell_keeps_the_duty() {
    // After a page break the duty's name alone is printed again, and the row lost the empty
    // 职责目标 cell beside it: its indicator stands in the goal's column, every later cell one
    // column left. An indicator's short name is no duty's goal: the row is duty 1's third
    // indicator, not a duty of its own.
    let goal = "优化干部队伍结构，加强干部教育培训和日常考核管理。";
    let (t, issues) = rebuild_with(
        PLAIN,
        &[
            &duty("1", "干部队伍建设", goal, "干部教育培训学时达标率", "100%"),
            &ind("公务员年度考核", "按时完成"),
            "",
            PLAIN,
            &row(&["", "干部队伍建设", "干部人事档案专项审核", "档案专项审核完成率", "100%", "100%", "内部统计", "96%", "年度工作总结"]),
            &ind("急需紧缺人才引进", "8人"),
            &duty("2", "信息化建设与网络安全", "推进部门业务信息系统整合共享，保障安全稳定运行。", "重大网络安全事件", "0起"),
            &ind("政务数据资源共享目录", "114条"),
        ],
    );
    assert_eq!(ids(&t), ["1-1", "1-2", "1-3", "1-4", "2-1", "2-2"], "{issues:#?}");
    let r = rec(&t, "1-3");
    assert_eq!((r.duty_goal.as_deref(), r.indicator.as_deref()), (Some(goal), Some("干部人事档案专项审核")));
    assert_eq!((r.explanation.as_deref(), r.target.as_deref()), (Some("档案专项审核完成率"), Some("100%")));
    assert_eq!(rec(&t, "2-1").duty.as_deref(), Some("信息化建设与网络安全"));
}

#[test]
fn an_indicator_row_that_slid_into_the_duty_columns_opens_no_duty() {
    // The row lost the two empty cells before its indicator: the indicator stands in the
    // 部门职责 column, its explanation in the 职责目标 one, and no duty number beside them.
    // Read as a duty's cells it would have values but no indicator: it is the duty's second
    // indicator.
    let (t, issues) = rebuild_with(
        PLAIN,
        &[
            &duty("1", "参保扩面与待遇保障", "巩固基本医疗保险参保覆盖面，落实待遇保障政策。", "基本医疗保险参保率", "95%"),
            &row(&["", "困难群众参保资助", "对特困人员等困难群众参保给予资助", "应资尽资", "应资尽资", "上级考核要求", "应资尽资", "内部统计"]),
            &ind("医疗救助", "应救尽救"),
            &duty("2", "医保基金监管", "构建全领域、全流程的医保基金安全防控机制。", "定点医药机构检查覆盖率", "100%"),
            &ind("追回违规使用基金", "900万元"),
            &duty("3", "医药服务与经办管理", "落实药品集中带量采购，提升经办服务便捷度。", "集采药品落地执行率", "95%"),
            &ind("医保电子凭证激活率", "59%"),
        ],
    );
    assert_eq!(ids(&t), ["1-1", "1-2", "1-3", "2-1", "2-2", "3-1", "3-2"], "{issues:#?}");
    let r = rec(&t, "1-2");
    assert_eq!((r.duty.as_deref(), r.indicator.as_deref()), (Some("参保扩面与待遇保障"), Some("困难群众参保资助")));
    assert_eq!((r.explanation.as_deref(), r.target.as_deref()), (Some("对特困人员等困难群众参保给予资助"), Some("应资尽资")));
    assert!(!has(&issues, "duty_no_inferred", None), "{issues:#?}");
}

#[test]
fn an_indicator_row_with_only_its_target_that_slid_into_the_duty_columns_opens_no_duty() {
    // As above, with the target the row's only value: read as a duty's cells, the target
    // would be the indicator's name and the row would have no target.
    let (t, issues) = rebuild_with(
        PLAIN,
        &[
            &duty("1", "财务与资产管理", "严格执行部门预算，规范财务收支和政府采购行为。", "政府采购合规率", "100%"),
            &ind("固定资产账实相符率", "100%"),
            &ind("项目支出绩效自评覆盖率", "100%"),
            &row(&["", "决算报表报送", "部门决算报表按规定时间报送财政部门", "按时报送"]),
            &duty("2", "机关党建", "落实全面从严治党主体责任，加强机关党组织建设。", "党员集中学习培训", "22次"),
            &ind("廉政警示教育", "6次"),
            &ind("主题党日活动", "12次"),
            &ind("违规违纪案件", "0起"),
        ],
    );
    assert_eq!(ids(&t), ["1-1", "1-2", "1-3", "1-4", "2-1", "2-2", "2-3", "2-4"], "{issues:#?}");
    let r = rec(&t, "1-4");
    assert_eq!((r.indicator.as_deref(), r.target.as_deref()), (Some("决算报表报送"), Some("按时报送")));
    assert_eq!(r.explanation.as_deref(), Some("部门决算报表按规定时间报送财政部门"));
    assert_eq!(rec(&t, "2-1").indicator.as_deref(), Some("党员集中学习培训"));
}

#[test]
fn a_repeated_duty_whose_goal_column_holds_another_text_than_its_goal_reads_it_as_the_indicator() {
    // The duty's number and name printed again after a page break, the row collapsed past
    // its empty goal cell: `权责清单动态调整` is no sentence, but short prose could be a
    // goal. That the duty's goal is known, and is another text, says it is the indicator.
    let goal = "坚持依法决策、依法履职，落实普法责任制，提高依法行政水平。";
    let (t, issues) = rebuild_with(
        PLAIN,
        &[
            &duty("1", "依法行政与普法宣传", goal, "重大行政决策合法性审查率", "100%"),
            &ind("行政执法信息公示率", "100%"),
            "",
            PLAIN,
            &row(&["1", "依法行政与普法宣传", "权责清单动态调整", "根据法律法规变化及时调整权力清单和责任清单", "按时完成"]),
            &ind("法律顾问参与率", "100%"),
            &duty("2", "干部队伍建设", "优化干部队伍结构，建设高素质专业化干部队伍。", "干部教育培训学时达标率", "100%"),
            &ind("公务员年度考核", "按时完成"),
        ],
    );
    assert_eq!(ids(&t), ["1-1", "1-2", "1-3", "1-4", "2-1", "2-2"], "{issues:#?}");
    let r = rec(&t, "1-3");
    assert_eq!((r.duty_goal.as_deref(), r.indicator.as_deref()), (Some(goal), Some("权责清单动态调整")));
    assert_eq!((r.explanation.as_deref(), r.target.as_deref()), (Some("根据法律法规变化及时调整权力清单和责任清单"), Some("按时完成")));
    // The row's cells read better the other way: where they were moved is a guess, said.
    assert!(warned(&issues, "1-3"), "{issues:#?}");
}

#[test]
fn a_fund_name_packed_left_beside_the_values_is_no_silent_value() {
    // Every empty cell after the plan value dropped: the 预算项目 stands in the 标准值 column.
    // A fund's name is never a value: the row reads it as its budget item, or, where the
    // jump to that column costs more than the name weighs, says the value is doubtful.
    let header = "职责序号\t部门职责\t职责目标\t绩效指标\t指标解释\t年度指标值\t规划值\t年度标准值\t来源\t上年值\t数据来源\t预算项目";
    // A 标准值 (with its 来源) on the rows that have a budget item only, as often as not.
    let full = |no: &str, name: &str, goal: &str, ind: &str, v: &str, item: &str| {
        let (std, src) = if item.is_empty() { ("", "") } else { (v, "内部统计") };
        row(&[no, name, goal, ind, &format!("{ind}的说明"), v, v, std, src, v, "内部统计", item])
    };
    let (t, issues) = rebuild_with(
        header,
        &[
            &full("1", "依法行政", "坚持依法决策、依法履职，提高依法行政水平。", "重大行政决策合法性审查率", "100%", "普法工作经费"),
            &full("", "", "", "行政执法信息公示率", "100%", ""),
            // Padded to the width of the other rows, as OCR pads a row to the table's width.
            &row(&["", "", "", "干部职工学法活动", "组织干部职工集中学法活动次数", "5次", "25次", "法律顾问经费", "", "", "", ""]),
            &full("", "", "", "法律顾问参与率", "100%", ""),
            &full("2", "干部队伍建设", "优化干部队伍结构，建设高素质专业化干部队伍。", "干部教育培训学时达标率", "100%", "干部教育培训经费"),
            &full("", "", "", "公务员年度考核", "按时完成", ""),
        ],
    );
    let r = rec(&t, "1-3");
    assert_eq!((r.target.as_deref(), r.plan_value.as_deref()), (Some("5次"), Some("25次")), "{issues:#?}");
    let read = (r.standard_value.as_deref(), r.budget_item.as_deref()) == (None, Some("法律顾问经费"));
    let doubted = r.standard_value.is_some() && r.confidence.doubtful.iter().any(|f| f == "standard_value");
    assert!(read || doubted, "{r:#?}\n{issues:#?}");
    assert!(!has(&issues, "unplaced_text", None), "{issues:#?}");
}
