//! The clean content of one budget-target table: the department, its budget header, the
//! 战略目标, and 4–8 duties with 2–6 indicators each, every value as the gold has it.
//!
//! Content is drawn before any rendering, and what the renderer does to it (wrapping, shifting,
//! spacing) never changes it: the gold is this content. Which columns the table has is decided
//! first ([`Columns`]), so a value is only drawn for a column that is printed.
//!
//! Values follow the rules a reader of a collapsed row relies on (see `decode`): every row has
//! an indicator and a target; a standard value comes with its source and a source with its
//! value; a 前三年均值 only beside a 上年值; a history value always with its 数据来源.

use crate::dice::Dice;

use super::kinds_b::KINDS;
use super::profile::Profile;
use super::variation::{Notes, Variation};
use super::vocab::{
    Duty, Kind, Province, Val, COMMON_DUTIES, FIRST_SOURCES_NOT_FISCAL, HISTORY_SOURCES,
    INDICATOR_TYPES, OTHER_SOURCES, PROVINCES, REMARKS, STANDARD_SOURCES, STRATEGY_FORMS,
};

/// Which optional columns the table prints.
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    /// A running 序号 before 职责序号 (its numbers are not a record field).
    pub seq: bool,
    pub plan: bool,
    pub remarks: bool,
    /// 工作活动 and 预算项目.
    pub activity: bool,
    /// 计量单位 after the target (not a record field).
    pub unit: bool,
    /// 指标类型 after the indicator (not a record field).
    pub ind_type: bool,
}

/// The department the table is for.
#[derive(Debug, Clone)]
pub struct Department {
    /// `株洲市民政局`: 部门名称, the issuer and the table's unit.
    pub name: String,
    /// `株洲市`, or the province for a provincial department.
    pub place: String,
    pub province: &'static Province,
    pub kind: &'static Kind,
    /// `市民政局`: how the strategy sentence names the department.
    pub short: String,
    /// `株民`: the start of its document numbers.
    pub doc_prefix: String,
}

/// One 资金来源 item.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    /// As printed (`5000万元`); `None` when the form leaves it blank.
    pub amount: Option<String>,
}

/// The budget header.
#[derive(Debug, Clone)]
pub struct BudgetHead {
    pub total: String,
    /// The total as a number of 万元, for a `合计` row.
    pub total_number: f64,
    pub basic: String,
    pub project: String,
    pub sources: Vec<Source>,
}

/// One indicator row, as the gold has it, plus the texts of the columns that are not fields.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub indicator: String,
    pub explanation: Option<String>,
    pub target: String,
    pub plan: Option<String>,
    pub standard: Option<String>,
    pub standard_source: Option<String>,
    pub history_avg: Option<String>,
    pub history_last: Option<String>,
    pub history_source: Option<String>,
    pub remarks: Option<String>,
    pub activity: Option<String>,
    pub budget_item: Option<String>,
    /// The 计量单位 cell (empty for a target without a unit).
    pub unit: String,
    /// The 指标类型 cell.
    pub ind_type: String,
}

/// One duty with its rows.
#[derive(Debug, Clone)]
pub struct DutyBlock {
    pub no: u32,
    pub name: String,
    pub goal: String,
    pub rows: Vec<Row>,
}

/// Everything the gold holds about the table.
#[derive(Debug, Clone)]
pub struct Content {
    /// The year the targets apply to.
    pub year: i32,
    pub dept: Department,
    pub budget: BudgetHead,
    pub strategy: String,
    pub duties: Vec<DutyBlock>,
    /// The budget amounts carry two decimals (`15294.20万元`).
    pub decimals: bool,
}

impl Content {
    /// `十三五` or `十四五`: the five-year plan the year falls in.
    pub fn plan_period(&self) -> &'static str {
        plan_period(self.year)
    }
}

pub fn plan_period(year: i32) -> &'static str {
    if year <= 2020 {
        "十三五"
    } else {
        "十四五"
    }
}

/// Draws the content of one table. The year is 2018–2025 in the natural mix; a plain table is
/// for 2018–2020 (the 十三五 period of the reference table), and [`Variation::PlanPeriod14th`]
/// puts it in 2021–2025, where the 规划值 column and the strategy name the 十四五 plan.
pub fn draw(d: &mut Dice, p: &Profile, cols: &Columns, notes: &mut Notes) -> Content {
    let (any, early, late) = (d.below(8) as i32, d.below(3) as i32, d.below(5) as i32);
    let year = if p.forces(Variation::PlanPeriod14th) {
        2021 + late
    } else if p.is_natural() {
        2018 + any
    } else {
        2018 + early
    };
    if year > 2020 {
        notes.add(
            Variation::PlanPeriod14th,
            format!("the table is for {year}, in the 十四五 period: where the 规划值 label{} and the strategy name a period, they name 十四五", if cols.plan { "" } else { " (no such column here)" }),
        );
    }
    let dept = department(d);
    let decimals = d.chance(0.35);
    let budget = budget_head(d, p, decimals);
    let strategy = strategy(d, &dept, year);
    let duties = duties(d, &dept, cols, year);
    Content { year, dept, budget, strategy, duties, decimals }
}

fn department(d: &mut Dice) -> Department {
    let kind = d.pick(KINDS);
    let province = d.pick(PROVINCES);
    let level = d.weighted(&[(55, 0u8), (30, 1), (15, 2)]);
    let (place, unit_name) = match (level, kind.province) {
        (2, Some(p)) => (province.name.to_string(), p),
        (1, _) => (d.pick(province.counties).to_string(), kind.city),
        _ => (d.pick(province.cities).to_string(), kind.city),
    };
    let provincial = place == province.name;
    let level_word = if provincial {
        if place.ends_with("自治区") {
            "自治区".to_string()
        } else {
            "省".to_string()
        }
    } else {
        place.chars().last().map(String::from).unwrap_or_default()
    };
    let doc_prefix = if provincial {
        format!("{}{}", province.abbr, kind.abbr)
    } else {
        format!("{}{}", place.chars().next().map(String::from).unwrap_or_default(), kind.abbr)
    };
    Department { name: format!("{place}{unit_name}"), short: format!("{level_word}{unit_name}"), place, province, kind, doc_prefix }
}

/// Writes `cents` hundredths of 万元 as printed: `5364万元`, `15294.20万元`.
pub fn money(cents: u64, decimals: bool) -> String {
    if decimals {
        format!("{}.{:02}万元", cents / 100, cents % 100)
    } else {
        format!("{}万元", cents / 100)
    }
}

/// Total = 基本支出 + 项目支出 = the sum of the printed sources, to the cent.
fn budget_head(d: &mut Dice, p: &Profile, decimals: bool) -> BudgetHead {
    let unit = if decimals { 1 } else { 100 };
    let total = d.range(800, 90_000) as u64 * 100 + if decimals { d.below(100) as u64 } else { 0 };
    let share = |d: &mut Dice, lo: usize, hi: usize, of: u64| (of * d.range(lo, hi) as u64 / 100) / unit * unit;
    let basic = share(d, 8, 35, total).max(unit);
    let project = total - basic.min(total);

    let three = p.on(d, Variation::SourcesThree, 0.25);
    let first = if p.on(d, Variation::SourceFirstNotFiscal, 0.15) {
        d.pick(FIRST_SOURCES_NOT_FISCAL).to_string()
    } else {
        "财政拨款".to_string()
    };
    let others: Vec<String> = d.sample(OTHER_SOURCES, if three { 2 } else { 1 }).into_iter().map(|s| s.to_string()).collect();
    let mut names = vec![first];
    names.extend(others);
    // Which items are printed with an amount: the first always; a blank one is the form's
    // empty slot (`（2）其他资金` with nothing after it).
    let blank: Vec<bool> = (0..names.len()).map(|i| p.on(d, Variation::SourceAmountBlank, 0.35) && i > 0).collect();
    let filled: Vec<usize> = (0..names.len()).filter(|&i| !blank.get(i).copied().unwrap_or(false)).collect();
    let mut amounts: Vec<Option<u64>> = vec![None; names.len()];
    let mut left = total;
    for (k, &i) in filled.iter().enumerate() {
        let amount = if k + 1 == filled.len() { left } else { share(d, 60, 95, left) };
        left -= amount.min(left);
        if let Some(slot) = amounts.get_mut(i) {
            *slot = Some(amount);
        }
    }
    let sources = names
        .into_iter()
        .zip(amounts)
        .map(|(name, amount)| Source { name, amount: amount.map(|a| money(a, decimals)) })
        .collect();
    BudgetHead {
        total: money(total, decimals),
        total_number: total as f64 / 100.0,
        basic: money(basic, decimals),
        project: money(project, decimals),
        sources,
    }
}

fn strategy(d: &mut Dice, dept: &Department, year: i32) -> String {
    let n = d.range(2, 3);
    let aims: Vec<&str> = d.sample(dept.kind.aims, n).into_iter().copied().collect();
    d.pick(STRATEGY_FORMS)
        .replace("{plan}", plan_period(year))
        .replace("{place}", &dept.place)
        .replace("{province}", dept.province.name)
        .replace("{topic}", dept.kind.topic)
        .replace("{short}", &dept.short)
        .replace("{aims}", &aims.join("，"))
        .replace("{year}", &year.to_string())
}

fn duties(d: &mut Dice, dept: &Department, cols: &Columns, year: i32) -> Vec<DutyBlock> {
    let count = d.range(4, 8);
    let own = d.range(2, 3).min(count);
    let mut picked: Vec<(&Duty, bool)> = dept.kind.duties.iter().take(own).map(|x| (x, true)).collect();
    picked.extend(d.sample(COMMON_DUTIES, count - own).into_iter().map(|x| (x, false)));
    let mut out = Vec::new();
    for (k, (duty, own)) in picked.into_iter().enumerate() {
        let n = d.range(2, 6).min(duty.inds.len());
        let mut chosen: Vec<usize> = d.sample(&(0..duty.inds.len()).collect::<Vec<_>>(), n).into_iter().copied().collect();
        chosen.sort_unstable();
        let rows = chosen
            .into_iter()
            .filter_map(|i| duty.inds.get(i))
            .map(|ind| row(d, dept, cols, year, duty, ind, own))
            .collect();
        out.push(DutyBlock { no: k as u32 + 1, name: duty.name.to_string(), goal: duty.goal.to_string(), rows });
    }
    out
}

/// The printed values of one indicator.
struct Values {
    target: String,
    plan: String,
    standard: String,
    last: String,
    avg: String,
    unit: String,
}

/// One indicator row. `own`: the duty is the department's own (not a common one), so its
/// values may cite the department's laws and information systems.
fn row(d: &mut Dice, dept: &Department, cols: &Columns, year: i32, duty: &Duty, ind: &super::vocab::Ind, own: bool) -> Row {
    let v = values(d, ind.2);
    let kind = dept.kind;
    let mut r = Row { indicator: ind.0.to_string(), target: v.target.clone(), unit: v.unit, ..Row::default() };
    if d.chance(0.92) {
        r.explanation = Some(ind.1.to_string());
    }
    if cols.plan && d.chance(0.45) {
        r.plan = Some(v.plan);
    }
    if d.chance(0.7) {
        r.standard = Some(v.standard);
        r.standard_source = Some(match d.weighted(&[(45, 0u8), (25, 1), (20, 2)]) {
            1 if own => d.pick(kind.laws).to_string(),
            2 => format!("《{}“{}”{}规划》", dept.place, plan_period(year), kind.topic),
            _ => d.pick(STANDARD_SOURCES).to_string(),
        });
    }
    if d.chance(0.65) {
        r.history_last = Some(v.last);
        if d.chance(0.25) {
            r.history_avg = Some(v.avg);
        }
    }
    if r.history_last.is_some() || d.chance(0.2) {
        r.history_source =
            Some(if own && d.chance(0.4) { d.pick(kind.systems).to_string() } else { d.pick(HISTORY_SOURCES).to_string() });
    }
    if cols.remarks && d.chance(0.22) {
        let fits = |s: &&&str| match **s {
            "新设指标，暂无历史数据" => r.history_last.is_none(),
            "历史值为1-11月数据" => r.history_last.is_some(),
            _ => true,
        };
        let pool: Vec<&str> = REMARKS.iter().filter(fits).copied().collect();
        if !pool.is_empty() {
            r.remarks = Some(d.pick(&pool).to_string());
        }
    }
    if cols.activity {
        if d.chance(0.35) {
            r.activity = Some(d.pick(duty.acts).to_string());
        }
        if d.chance(0.25) {
            r.budget_item = Some(d.pick(duty.items).to_string());
        }
    }
    if cols.ind_type {
        r.ind_type = d.pick(INDICATOR_TYPES).to_string();
    }
    r
}

/// `955` tenths → `95.5`, `950` → `95`.
fn tenths(x: u32) -> String {
    if x.is_multiple_of(10) {
        (x / 10).to_string()
    } else {
        format!("{}.{}", x / 10, x % 10)
    }
}

/// `235` hundredths → `2.35`, `1250` → `12.5`, `300` → `3`.
fn hundredths(x: u32) -> String {
    if x.is_multiple_of(100) {
        (x / 100).to_string()
    } else if x.is_multiple_of(10) {
        format!("{}.{}", x / 100, (x % 100) / 10)
    } else {
        format!("{}.{:02}", x / 100, x % 100)
    }
}

fn values(d: &mut Dice, val: Val) -> Values {
    match val {
        Val::Rate(lo, hi) => {
            let mut p = d.range(lo as usize, hi as usize) as u32 * 10;
            if p < hi * 10 && d.chance(0.3) {
                p += d.range(1, 9) as u32;
            }
            let s = tenths(p);
            let target = if p >= 1000 {
                "100%".to_string()
            } else {
                match d.weighted(&[(35, 0u8), (30, 1), (15, 2), (10, 3), (10, 4)]) {
                    0 => format!("{s}%"),
                    1 => format!("≥{s}%"),
                    2 => format!("不低于{s}%"),
                    3 => format!("{s}%以上"),
                    _ => format!("达到{s}%"),
                }
            };
            let standard = if d.chance(0.7) { target.clone() } else { format!("{s}%") };
            let plan_p = (p + d.below(30) as u32).min(1000);
            let plan = if plan_p >= 1000 { "100%".to_string() } else { format!("≥{}%", tenths(plan_p)) };
            let last_p = if p >= 1000 && d.chance(0.6) { 1000 } else { p.saturating_sub(d.below(40) as u32) };
            let avg_p = last_p.saturating_sub(d.below(30) as u32);
            Values { target, plan, standard, last: format!("{}%", tenths(last_p)), avg: format!("{}%", tenths(avg_p)), unit: "%".into() }
        }
        Val::Count(u, lo, hi) => {
            let n = d.range(lo as usize, hi as usize) as u32;
            let target = if lo == hi {
                format!("{n}{u}")
            } else {
                match d.weighted(&[(35, 0u8), (20, 1), (15, 2), (15, 3), (15, 4)]) {
                    0 => format!("{n}{u}"),
                    1 => format!("≥{n}{u}"),
                    2 => format!("不少于{n}{u}"),
                    3 => format!("{n}{u}以上"),
                    _ => format!("{n}-{}{u}", n + (n / 10).max(1)),
                }
            };
            let standard = if d.chance(0.7) { target.clone() } else { format!("{n}{u}") };
            let plan = format!("{}{u}", n * d.range(3, 5) as u32);
            let last = n * d.range(70, 105) as u32 / 100;
            let avg = last * d.range(80, 100) as u32 / 100;
            Values { target, plan, standard, last: format!("{last}{u}"), avg: format!("{avg}{u}"), unit: u.into() }
        }
        Val::Cap(u, lo, hi) => {
            let n = d.range(lo as usize, hi as usize) as u32;
            let target = if n == 0 {
                format!("0{u}")
            } else {
                match d.weighted(&[(40, 0u8), (30, 1), (15, 2), (15, 3)]) {
                    0 => format!("≤{n}{u}"),
                    1 => format!("不超过{n}{u}"),
                    2 => format!("控制在{n}{u}以内"),
                    _ => format!("{n}{u}以内"),
                }
            };
            let last = if n == 0 { 0 } else { n + d.below(2) as u32 };
            Values {
                standard: target.clone(),
                plan: target.clone(),
                target,
                last: format!("{last}{u}"),
                avg: format!("{}{u}", last + d.below(2) as u32),
                unit: u.into(),
            }
        }
        Val::Amount(u, lo, hi) => {
            let x = d.range(lo as usize * 100, hi as usize * 100) as u32;
            let s = hundredths(x);
            let target = match d.weighted(&[(50, 0u8), (25, 1), (25, 2)]) {
                0 => format!("{s}{u}"),
                1 => format!("≥{s}{u}"),
                _ => format!("不低于{s}{u}"),
            };
            let last = x * d.range(85, 100) as u32 / 100;
            let avg = last * d.range(85, 100) as u32 / 100;
            Values {
                standard: if d.chance(0.7) { target.clone() } else { format!("{s}{u}") },
                plan: format!("{}{u}", hundredths(x + x / 5)),
                target,
                last: format!("{}{u}", hundredths(last)),
                avg: format!("{}{u}", hundredths(avg)),
                unit: u.into(),
            }
        }
        Val::Word(words) => {
            let w = d.pick(words).to_string();
            Values { target: w.clone(), plan: w.clone(), standard: w.clone(), last: w.clone(), avg: w, unit: String::new() }
        }
    }
}
