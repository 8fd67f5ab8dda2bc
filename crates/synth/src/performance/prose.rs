//! The later variations of the prose: a notice issued jointly by two bodies, declared counts
//! in other phrasings or as a list (lines or TAB rows), and a second attachment after the
//! table (a 联络员 list in TAB rows, 填报说明 items) that holds no record and no count.
//!
//! Every choice is drawn from the second stream ([`Wishes::more`]).

use zhibiao_model::DeclaredCount;

use super::content::{Content, FunctionGroup};
use super::notice::chinese_number;
use super::variation::{Variation as V, Wishes};

/// The body a joint notice names after the lead one, or `None`.
pub fn partner(wishes: &mut Wishes, c: &Content) -> Option<String> {
    if !wishes.wants(V::JointIssuers) {
        return None;
    }
    wishes.applied(V::JointIssuers);
    let body = *wishes.more().pick(&["财政局", "人力资源和社会保障局", "发展和改革委员会"]);
    let body = if c.agency.place.county { body.replace("委员会", "局") } else { body.to_string() };
    Some(format!("{}{body}", c.agency.place.name))
}

/// The letterhead lines of a joint notice: the lead body first.
pub fn joint_letterhead(wishes: &mut Wishes, lead: &str, partner: &str) -> Vec<String> {
    match wishes.more().below(2) {
        0 => vec![lead.to_string(), partner.to_string()],
        _ => vec![lead.to_string(), partner.to_string(), "文件".to_string()],
    }
}

/// `X市卫健委 X市财政局`: both bodies as the title names them (printed, gold).
pub fn joint_who(wishes: &mut Wishes, who: &str, partner: &str) -> (String, String) {
    let sep = *wishes.more().pick(&[" ", "　", "、", ""]);
    let gold_sep = if sep == "、" { "、" } else { "" };
    (format!("{who}{sep}{partner}"), format!("{who}{gold_sep}{partner}"))
}

/// The signature lines of a joint notice: both bodies on one line, or one per line.
pub fn joint_signature(wishes: &mut Wishes, lead: &str, partner: &str, indent: &str) -> Vec<String> {
    if wishes.more().chance(0.5) {
        vec![format!("{indent}{lead}{}{partner}", " ".repeat(wishes.more().range(4, 10)))]
    } else {
        vec![format!("{indent}{lead}"), format!("{indent}{partner}")]
    }
}

/// A pair of counts in another phrasing, or `None` to keep the usual one. `a` and `b` are the
/// printed counts (`11项`, `二十六个`).
pub fn rephrase(wishes: &mut Wishes, a: &str, b: &str, noun: &str, sep: &str) -> Option<String> {
    if !wishes.try_more(V::CountsPhrasing, 0.7) {
        return None;
    }
    wishes.applied(V::CountsPhrasing);
    Some(match wishes.more().below(4) {
        0 => format!("一级{noun}共计{a}{sep}二级{noun}共计{b}"),
        1 => format!("一级{noun}{a}，下设二级{noun}{b}"),
        2 => format!("一级{noun}数量为{a}{sep}二级{noun}数量为{b}"),
        _ => format!("一级、二级{noun}分别为{a}、{b}"),
    })
}

/// The per-group counts as a list after the group paragraphs: lines or TAB rows. Pushes the
/// counts it declares.
pub fn counts_list(wishes: &mut Wishes, groups: &[&FunctionGroup], counts: &mut Vec<DeclaredCount>, out: &mut Vec<String>) {
    if groups.is_empty() || !wishes.try_more(V::CountsList, 1.0) {
        return;
    }
    wishes.applied(V::CountsList);
    let unit = *wishes.more().pick(&["项", "个", "条"]);
    if wishes.more().chance(0.5) {
        out.push(wishes.more().pick(&["各类目标指标设置情况如下：", "指标设置情况："]).to_string());
        let numbered = wishes.more().chance(0.5);
        for (k, g) in groups.iter().enumerate() {
            let lead = if numbered { format!("{}.", k + 1) } else { String::new() };
            out.push(format!("{lead}{}：一级指标{}{unit}；二级指标{}{unit}。", g.name, g.indicators.len(), g.leaf_count()));
        }
    } else {
        out.push("指标设置情况表".to_string());
        out.push(format!("目标类别\t一级指标（{unit}）\t二级指标（{unit}）"));
        for g in groups {
            out.push(format!("{}\t{}\t{}", g.name, g.indicators.len(), g.leaf_count()));
        }
    }
    out.push(String::new());
    for g in groups {
        for (level, n) in [(1u8, g.indicators.len()), (2, g.leaf_count())] {
            counts.push(DeclaredCount { scope: g.name.clone(), level: Some(level), count: u32::try_from(n).unwrap_or(u32::MAX), line: None });
        }
    }
}

/// The title of the second attachment.
pub fn second_title(c: &Content) -> String {
    format!("{}年度绩效管理工作联络员名单", c.year)
}

/// The second attachment after the table: a 联络员 list (TAB rows: 序号, 科室, name, 职务,
/// phone) and 填报说明 items with ids, weights and months in them.
pub fn second_attachment(wishes: &mut Wishes, c: &Content) -> Vec<String> {
    if !wishes.wants(V::SecondAttachment) {
        return Vec::new();
    }
    wishes.applied(V::SecondAttachment);
    let mut units: Vec<String> = Vec::new();
    let mut persons: Vec<String> = Vec::new();
    for l in c.groups.iter().flat_map(|g| &g.indicators).flat_map(|i| &i.leaves) {
        for u in &l.resp.units {
            if !units.contains(u) && !u.contains('（') {
                units.push(u.clone());
            }
        }
        for p in &l.resp.persons {
            if !persons.contains(p) {
                persons.push(p.clone());
            }
        }
    }
    let n = units.len().min(persons.len()).min(wishes.more().range(3, 7));
    let mut out = vec![String::new(), "附件2".to_string(), String::new(), second_title(c), String::new()];
    out.push("序号\t科室\t联络员\t职务\t联系电话".to_string());
    let area = wishes.more().range(310, 999);
    for k in 0..n {
        let (Some(u), Some(p)) = (units.get(k), persons.get(k)) else { break };
        let role = *wishes.more().pick(&["科员", "副科长", "四级主任科员", "干部"]);
        let phone = if wishes.more().chance(0.5) {
            format!("0{area}-{}", wishes.more().range(2_100_000, 8_999_999))
        } else {
            format!("1{}{}", wishes.more().pick(&["35", "38", "59", "86"]), wishes.more().range(10_000_000, 99_999_999))
        };
        out.push(format!("{}\t{u}\t{p}\t{role}\t{phone}", k + 1));
    }
    out.extend([String::new(), "填报说明：".to_string()]);
    out.push("1.序号按“1-1-1”格式填写，一级指标后注明分值，如“（4分）”。".to_string());
    out.push(format!("2.二级指标权重保留一位小数，职能工作目标合计{}分。", c.function_points.printed()));
    out.push(format!("3.完成时限填写到月，如“{}月”“12月底前”。", wishes.more().range(6, 11)));
    out.push(format!("4.联络员如有变动，请于每年{}月底前报局办公室。", chinese_number(wishes.more().range(1, 3))));
    out
}
