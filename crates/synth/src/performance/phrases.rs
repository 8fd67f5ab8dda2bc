//! The words every agency shares: the administrative-capability targets (行政能力目标) the
//! assessment office sets for all units, the documents a first-level indicator rests on
//! (文件依据), the `（属…）` notes that say where an indicator comes from, remarks and
//! deadlines. Sector-specific words live in [`super::sectors`].

use crate::dice::Dice;

use super::places::{Place, Province};
use super::sectors::Sector;

/// An administrative-capability group and the targets it may hold.
pub struct AdminTheme {
    pub name: &'static str,
    pub targets: &'static [&'static str],
}

pub const ADMIN_THEMES: &[AdminTheme] = &[
    AdminTheme { name: "科学行政", targets: &["科学编制年度工作计划，按季度分析计划执行情况。", "严格执行重大行政决策程序，决策事项集体讨论率100%。", "开展专题调查研究，形成调研报告{2-5}篇。", "按时办理人大代表建议和政协委员提案，办复率100%。", "落实生活垃圾分类工作，机关垃圾分类准确率达到{85-95}%。"] },
    AdminTheme { name: "依法行政", targets: &["落实行政规范性文件合法性审核机制，审核率100%。", "全面落实行政执法“三项制度”。", "落实“谁执法谁普法”责任制，开展普法活动{4-12}次。", "做好行政复议和行政应诉工作，行政机关负责人出庭应诉率100%。", "动态调整权责清单并按时公布。"] },
    AdminTheme { name: "高效行政", targets: &["政务服务事项全程网办率达到{85-98}%。", "按时办结12345便民服务平台诉求件，群众满意率达到{90-98}%。", "依法做好政府信息公开和依申请公开工作。", "推进电子证照应用，减少群众重复提交材料。", "归集报送信用信息{200-900}条，按时报送率100%。"] },
    AdminTheme { name: "廉洁行政", targets: &["落实党风廉政建设主体责任，签订责任书覆盖率100%。", "严格执行中央八项规定精神，持续纠治“四风”。", "规范财务管理，严格控制“三公”经费支出。", "依法依规开展政府采购活动，采购意向公开率100%。", "开展廉政警示教育活动不少于{2-4}次。"] },
    AdminTheme { name: "从严治党", targets: &["推进党支部标准化规范化建设。", "落实意识形态工作责任制，每半年专题研究不少于1次。", "严格落实“三会一课”制度，开展主题党日活动{10-12}次。", "抓好巡察反馈问题整改，整改完成率100%。", "开展党员教育培训{3-8}期。"] },
    AdminTheme { name: "管理创新", targets: &["抓好本单位绩效管理工作，按时报送绩效材料。", "形成具有推广价值的管理创新成果{1-2}项。", "承担上级改革试点任务并按期完成。", "推进机关内部“最多跑一次”改革。"] },
    AdminTheme { name: "服务群众", targets: &["开展“我为群众办实事”活动，办结民生实事{5-15}件。", "依法规范做好信访工作，信访事项按期办结率100%。", "优化营商环境，企业诉求办结率100%。", "开展“走基层、解难题”活动{4-12}次。"] },
    AdminTheme { name: "机关效能", targets: &["加强机关作风建设，开展明察暗访{4-10}次。", "规范公文处理，公文办理按时办结率100%。", "落实督查督办制度，重点工作按期办结率达到{95-100}%。", "加强单位门户网站和政务新媒体管理。"] },
    AdminTheme { name: "改革创新", targets: &["完成上级部署的重点改革任务。", "推进本领域数字化改革，形成典型应用场景{1-3}个。", "形成改革创新案例{1-2}个并报送上级。", "探索推行“一件事一次办”集成服务。"] },
    AdminTheme { name: "依法履职", targets: &["开展行政执法案卷评查，案卷合格率达到{90-100}%。", "落实法律顾问制度，重大合同合法性审查率100%。", "规范行政处罚自由裁量权行使。", "开展执法人员法律知识培训{2-4}期。"] },
];

/// Sets of administrative-capability groups that appear together in one table.
pub const ADMIN_SCHEMES: &[&[usize]] = &[&[0, 1, 2, 3, 5], &[4, 9, 6, 7, 8], &[0, 1, 2, 3], &[4, 1, 2, 3, 5, 6], &[0, 9, 2, 7, 8]];

/// Categories that some assessments add beside the two main ones, each a single row.
pub const EXTRA_CATEGORIES: &[(&str, &str)] = &[
    ("文明创建", "深化文明单位创建，巩固文明创建成果。"),
    ("平安建设", "落实平安建设和综治工作责任，全年未发生重大安全责任事故。"),
];

/// Remarks some rows carry.
pub const REMARKS: &[&str] = &["为民办实事项目", "省考指标", "新增指标", "上级考核指标", "民生实事", "政府督查事项", "媒体佐证提档"];

/// The documents one table's indicators cite: a pool for key work, the agency's
/// establishment regulation for routine work, and one for the dynamic work.
pub struct BasisPool {
    pub key: Vec<String>,
    pub routine: String,
    pub dynamic: String,
}

/// `{a-b}` slots in `template` become numbers between a and b; `{trade}` the trade name.
pub fn fill(dice: &mut Dice, template: &str, trade: &str) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else {
            out.push_str(rest.get(open..).unwrap_or(""));
            return out;
        };
        let slot = after.get(..close).unwrap_or("");
        if slot == "trade" {
            out.push_str(trade);
        } else if let Some((lo, hi)) = slot.split_once('-') {
            let lo: usize = lo.parse().unwrap_or(1);
            let hi: usize = hi.parse().unwrap_or(lo);
            out.push_str(&dice.range(lo, hi).to_string());
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// `市` or `县`: how a place's documents speak of it (a county-level city is a 市 too).
pub fn level(place: &Place) -> &'static str {
    if place.name.ends_with('县') {
        "县"
    } else {
        "市"
    }
}

/// The documents the indicators of one table cite. Numbers are drawn once, so every
/// indicator citing a document cites it with the same number.
pub fn basis_pool(dice: &mut Dice, province: &Province, place: &Place, sector: &Sector, agency: &str, year: i32) -> BasisPool {
    let p = place.name;
    let a = place.abbr;
    let lv = level(place);
    let n = |dice: &mut Dice| dice.range(2, 160);
    let mut key = vec![
        format!("{p}人民政府办公室关于印发{year}年{lv}《政府工作报告》重点工作任务分解方案的通知（{a}政办〔{year}〕{}号）", n(dice)),
        format!("中共{p}委办公室、{p}人民政府办公室关于印发《{p}{year}年重点项目攻坚实施方案》的通知（{a}委办〔{year}〕{}号）", n(dice)),
        format!("{}{}关于印发{year}年全省{}工作要点的通知（{}{}〔{year}〕{}号）", province.name, sector.province_body, sector.trade, province.abbr, sector.abbr, n(dice)),
        format!("{p}人民政府关于下达{year}年为民办实事项目的通知（{a}政〔{year}〕{}号）", n(dice)),
        format!("《{p}人民政府关于印发{p}{}的通知》（{a}政〔{}〕{}号）", sector.plan, year - dice.range(1, 2) as i32, n(dice)),
        format!("中共{p}委 {p}人民政府关于推进高质量发展的实施意见（{a}委发〔{}〕{}号）", year - 1, n(dice)),
        format!("{year}年全{lv}{}工作要点（{a}{}〔{year}〕{}号）", sector.trade, sector.abbr, n(dice)),
    ];
    dice.shuffle(&mut key);
    key.truncate(dice.range(4, 7));
    let routine = format!(
        "中共{p}委办公室 {p}人民政府办公室关于印发《{p}{agency}职能配置、内设机构和人员编制规定》的通知（{a}委办〔{}〕{}号）",
        year - dice.range(2, 4) as i32,
        n(dice)
    );
    let dynamic = format!("{p}人民政府办公室关于做好{year}年度重点工作督查督办的通知（{a}政办〔{year}〕{}号）", n(dice));
    BasisPool { key, routine, dynamic }
}

/// A `（属…）` note naming where a key-work indicator comes from, or nothing.
pub fn primary_note(dice: &mut Dice, place: &Place) -> Option<String> {
    let lv = level(place);
    match dice.below(7) {
        0 | 1 => Some(format!("（属{lv}政府工作报告第{}项）", dice.range(2, 40))),
        2 => Some(format!("（属{lv}委工作要点P{}）", dice.range(2, 30))),
        3 => Some(format!("（属{lv}政府工作报告第{}项；为民办实事第{}项）", dice.range(2, 40), dice.range(1, 15))),
        4 => Some("（属年度重中之重工作）".to_string()),
        _ => None,
    }
}

/// A 完成时限 as printed (its gold form) and the month it names. Only forms that name their
/// month outright (and 年底 for December): 上半年 or 第三季度 would need a convention for the
/// month they stand for, which the gold should not have to guess.
pub fn deadline(dice: &mut Dice, year: i32) -> (String, Option<u8>) {
    let month = *dice.pick(&[3u8, 5, 6, 6, 8, 9, 10, 11, 12, 12, 12, 12, 12]);
    match dice.weighted(&[(30, 0), (10, 1), (10, 2), (12, 3), (8, 4), (8, 5), (8, 6), (5, 7), (4, 8), (5, 9)]) {
        0 => (format!("{month}月"), Some(month)),
        1 => ("12月底".to_string(), Some(12)),
        2 => ("12月底前".to_string(), Some(12)),
        3 => (format!("{month}月份"), Some(month)),
        4 => (format!("{month}月底前"), Some(month)),
        5 => (format!("{year}年{month}月"), Some(month)),
        6 => ("年底前".to_string(), Some(12)),
        7 => ("年底".to_string(), Some(12)),
        8 => (format!("{month}月底"), Some(month)),
        _ => (format!("{year}年{month}月底前"), Some(month)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_slots() {
        let mut dice = Dice::new(1);
        let s = fill(&mut dice, "新增{2-2}个，{trade}达到{90-90}%。", "水利");
        assert_eq!(s, "新增2个，水利达到90%。");
        assert_eq!(fill(&mut dice, "无槽位。", "x"), "无槽位。");
    }

    #[test]
    fn admin_schemes_name_existing_themes() {
        for scheme in ADMIN_SCHEMES {
            for &k in *scheme {
                assert!(ADMIN_THEMES.get(k).is_some());
            }
        }
    }
}
