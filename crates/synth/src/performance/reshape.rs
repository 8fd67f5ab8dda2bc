//! The later variations that change what the table holds, applied to the clean content before
//! any row is built, so the gold (built from the same content) says exactly what is printed:
//! columns a table does not have (文件依据, 分管领导, 备注: their fields are empty), ids in
//! other shapes (two-part 职能 ids, three-part or restarted 行政能力目标 ids), deadlines in
//! more forms, texts that hold month words and numbers, long name lists, units with brackets
//! inside brackets, remarks that read like names or units.
//!
//! Every choice is drawn from the second stream ([`Wishes::more`]).

use std::collections::BTreeSet;

use super::content::{AdminNumbering, Content, Deadline, Leaf, Resp};
use super::phrases;
use super::places;
use super::rows::AdminMode;
use super::variation::{Variation as V, Wishes};

/// Remarks that look like something else: a two-character word a name reader takes for a
/// name, a unit with a verb, a deadline-like word.
const LOOKALIKE_REMARKS: &[&str] = &["新增", "续建", "提档", "否决项", "加分项", "办公室牵头", "各科室配合", "党建办负责", "财务室配合", "牵头单位"];

/// 二级指标 texts with month words and numbers inside: what a cell typer might take for a
/// deadline, a weight or an id range.
const ANCHOR_TEXTS: &[&str] = &[
    "年底前完成{trade}领域专项整治{3-9}项。",
    "{6-11}月底前建成{trade}示范点{2-5}个，12月底前全部投入使用。",
    "全年培训{1-3}.{1-9}万人次，覆盖率达到{90-99}%。",
    "新增{1-3}-{4-6}家示范单位，第三季度完成验收。",
    "1-6月完成前期调研，7-12月全面推开{trade}改革任务。",
    "{2-4}月、{8-10}月各开展一次{trade}专项检查，年内检查覆盖率100%。",
    "完成年度目标任务的{60-90}%以上，其中上半年完成{30-50}%。",
    "争取上级资金{1-9}.{1-9}亿元，同比增长{5-15}%。",
    "建成{2-6}个标准化服务站点，每个站点服务人口{1-3}万人以上。",
    "按季度报送{trade}工作进展，12月20日前报送年度总结。",
];

/// Applies the content variations the document wants; `mode` is the table layout, known
/// before the rows are built.
pub fn apply(c: &mut Content, mode: AdminMode, wishes: &mut Wishes) {
    if wishes.wants(V::NoBasisColumn) {
        wishes.applied(V::NoBasisColumn);
        for ind in c.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()) {
            ind.basis.clear();
        }
    }
    if wishes.wants(V::NoLeadersColumn) {
        wishes.applied(V::NoLeadersColumn);
        for_each_leaf(c, |l| l.resp.leaders.clear());
    }
    if wishes.wants(V::NoRemarksColumn) {
        wishes.applied(V::NoRemarksColumn);
        for_each_leaf(c, |l| l.remarks = None);
    } else if wishes.wants(V::RemarksLookalike) {
        remarks(c, wishes);
    }
    if wishes.wants(V::ScoringColumn) {
        wishes.applied(V::ScoringColumn);
    }
    if wishes.wants(V::AnchorTexts) {
        anchor_texts(c, wishes);
    }
    if wishes.wants(V::DeadlineForms) {
        deadline_forms(c, wishes);
    }
    if wishes.wants(V::ManyNames) {
        many_names(c, wishes);
    }
    if wishes.wants(V::UnitBrackets) {
        unit_brackets(c, wishes);
    }
    if wishes.wants(V::FunctionTwoPartIds) {
        for ind in c.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()) {
            if ind.leaves.len() == 1 && wishes.more().chance(0.7) {
                ind.two_part = true;
                ind.points_shown = wishes.more().chance(0.6);
                wishes.applied(V::FunctionTwoPartIds);
            }
        }
    }
    if wishes.wants(V::PointsColumn) {
        // The column prints every indicator's points.
        wishes.applied(V::PointsColumn);
        for ind in c.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()) {
            ind.points_shown = true;
        }
    }
    if wishes.wants(V::AdminThreePartIds) && !c.admin_groups.is_empty() {
        wishes.applied(V::AdminThreePartIds);
        c.admin_numbering = AdminNumbering::ThreePart;
    }
    // A table of its own may number afresh; its two-part ids must not meet a 职能 id.
    let two_part = c.groups.iter().flat_map(|g| &g.indicators).any(|i| i.two_part);
    if mode == AdminMode::SeparateTable && wishes.wants(V::AdminIdsRestart) && c.admin_numbering != AdminNumbering::ThreePart && !two_part {
        wishes.applied(V::AdminIdsRestart);
        c.admin_restart = true;
    }
}

/// Every leaf of the content: targets, administrative rows, extra categories.
fn for_each_leaf(c: &mut Content, mut f: impl FnMut(&mut Leaf)) {
    for l in c.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()).flat_map(|i| i.leaves.iter_mut()) {
        f(l);
    }
    for l in c.admin_groups.iter_mut().flat_map(|g| g.rows.iter_mut()) {
        f(l);
    }
    for e in &mut c.extras {
        f(&mut e.row);
    }
}

/// The distinct values of one part of the leaves, in order of first appearance.
fn distinct<T: Clone + PartialEq>(c: &mut Content, get: impl Fn(&Leaf) -> T) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for_each_leaf(c, |l| {
        let v = get(l);
        if !out.contains(&v) {
            out.push(v);
        }
    });
    out
}

fn remarks(c: &mut Content, wishes: &mut Wishes) {
    let mut any = false;
    for l in c.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()).flat_map(|i| i.leaves.iter_mut()) {
        if wishes.more().chance(0.15) {
            l.remarks = Some(wishes.more().pick(LOOKALIKE_REMARKS).to_string());
            any = true;
        }
    }
    if any {
        wishes.applied(V::RemarksLookalike);
    }
}

fn anchor_texts(c: &mut Content, wishes: &mut Wishes) {
    let trade = c.agency.sector.trade;
    for l in c.groups.iter_mut().flat_map(|g| g.indicators.iter_mut()).flat_map(|i| i.leaves.iter_mut()) {
        if wishes.more().chance(0.25) {
            let template = *wishes.more().pick(ANCHOR_TEXTS);
            l.secondary = phrases::fill(wishes.more(), template, trade);
            wishes.applied(V::AnchorTexts);
        }
    }
}

/// A deadline in one of the new forms, near `month`.
fn new_deadline(wishes: &mut Wishes, year: i32, month: Option<u8>) -> Deadline {
    let dice = wishes.more();
    let m = month.unwrap_or(12);
    let last_day = match m {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let day = *dice.pick(&[15, 20, 25, last_day]);
    let named = |text: String| Deadline { text, month: Some(m) };
    let none = |text: &str| Deadline { text: text.to_string(), month: None };
    match dice.below(10) {
        0 | 1 => named(format!("{year}年{m}月{day}日前")),
        2 => named(format!("{m}月{day}日前")),
        3 => named(format!("{m}月{day}日")),
        4 => named(format!("{m}月{}", dice.pick(&["上旬", "中旬", "下旬"]))),
        5 => named(format!("{m}月底之前")),
        6 => none("全年"),
        7 => none(dice.pick::<&str>(&["每季度", "每月"])),
        8 => none(dice.pick::<&str>(&["长期", "常态化"])),
        _ => none("持续推进"),
    }
}

fn deadline_forms(c: &mut Content, wishes: &mut Wishes) {
    let olds = distinct(c, |l| l.deadline.clone());
    let mut map: Vec<(Deadline, Deadline)> = Vec::new();
    for (k, old) in olds.iter().enumerate() {
        // At least the first distinct deadline changes.
        if k == 0 || wishes.more().chance(0.4) {
            let new = new_deadline(wishes, c.year, old.month);
            map.push((old.clone(), new));
        }
    }
    if map.is_empty() {
        return;
    }
    wishes.applied(V::DeadlineForms);
    for_each_leaf(c, |l| {
        if let Some((_, new)) = map.iter().find(|(old, _)| *old == l.deadline) {
            l.deadline = new.clone();
        }
    });
}

/// Maps some distinct responsibilities to new ones, on every leaf that has them (rows that
/// shared one still share it).
fn remap_resp(c: &mut Content, wishes: &mut Wishes, share: f64, mut change: impl FnMut(&mut Wishes, &Resp) -> Option<Resp>) -> bool {
    let olds = distinct(c, |l| l.resp.clone());
    let mut map: Vec<(Resp, Resp)> = Vec::new();
    for (k, old) in olds.iter().enumerate() {
        if k == 0 || wishes.more().chance(share) {
            if let Some(new) = change(wishes, old) {
                map.push((old.clone(), new));
            }
        }
    }
    for_each_leaf(c, |l| {
        if let Some((_, new)) = map.iter().find(|(old, _)| *old == l.resp) {
            l.resp = new.clone();
        }
    });
    !map.is_empty()
}

fn many_names(c: &mut Content, wishes: &mut Wishes) {
    let mut pool: Vec<String> = distinct(c, |l| l.resp.persons.clone()).into_iter().flatten().collect::<BTreeSet<_>>().into_iter().collect();
    if pool.len() < 8 {
        let fresh = places::people(wishes.more(), 8);
        pool.extend(fresh.into_iter().filter(|n| !c.heads.contains(n)));
        pool.sort();
        pool.dedup();
    }
    let heads = c.heads.clone();
    let changed = remap_resp(c, wishes, 0.3, |w, old| {
        let mut new = old.clone();
        let n = w.more().range(4, 6);
        new.persons = w.more().sample(&pool, n).into_iter().cloned().collect();
        if !old.leaders.is_empty() && w.more().chance(0.4) {
            new.leaders = w.more().sample(&heads, 4).into_iter().cloned().collect();
        }
        (new.persons.len() >= 4).then_some(new)
    });
    if changed {
        wishes.applied(V::ManyNames);
    }
}

fn unit_brackets(c: &mut Content, wishes: &mut Wishes) {
    let list_form: &[&str] = if c.agency.place.county { &["各乡镇（街道）", "各乡镇（街道、园区）", "各乡镇（场、街道）"] } else { &["各县（市、区）", "各县（市、区）人民政府", "各县（市、区）住建部门"] };
    let plain: Vec<String> = distinct(c, |l| l.resp.units.clone()).into_iter().flatten().filter(|u| !u.contains('（')).collect::<BTreeSet<_>>().into_iter().collect();
    let changed = remap_resp(c, wishes, 0.3, |w, old| {
        let mut new = old.clone();
        let nested = plain.len() >= 2 && w.more().chance(0.4);
        if nested {
            // `X科（Y科（窗口））`: a unit, its other name, and where it sits.
            let pair = w.more().sample(&plain, 2);
            let (Some(a), Some(b)) = (pair.first(), pair.get(1)) else { return None };
            let unit = format!("{a}（{b}（{}））", w.more().pick(&["窗口", "挂牌", "政务服务中心"]));
            if new.units.contains(&unit) {
                return None;
            }
            new.units.retain(|u| u != *a);
            new.units.push(unit);
        } else {
            let unit = w.more().pick(list_form).to_string();
            if new.units.contains(&unit) {
                return None;
            }
            new.units.push(unit);
        }
        Some(new)
    });
    if changed {
        wishes.applied(V::UnitBrackets);
    }
}
