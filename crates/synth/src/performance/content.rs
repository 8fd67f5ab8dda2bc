//! The clean notice: who issues it, when, and the table it attaches — categories, groups,
//! first-level indicators with their documents and points, second-level targets with weights,
//! deadlines and the people responsible. Everything the gold says is decided here, before any
//! rendering, so the gold is exact by construction: the renderer may only print it.
//!
//! Points and weights are kept in half-points ([`Halves`]) so that leaf weights add up to their
//! indicator's points, indicators to their group's and groups to their category's exactly.

use crate::dice::Dice;

use super::phrases::{self, AdminTheme, ADMIN_SCHEMES, ADMIN_THEMES, EXTRA_CATEGORIES, REMARKS};
use super::places::{self, Place, Province, PROVINCES};
use super::sectors::{Sector, COMMON_KEY_WORK, DYNAMIC_TARGETS, DYNAMIC_WORK, EXTRA_FUNCTION_GROUPS, EXTRA_WORK, SECTORS};
use super::variation::{Variation as V, Wishes};

/// Points or a weight, in half-points: `Halves(9)` is 4.5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Halves(pub u32);

impl Halves {
    pub fn value(self) -> f64 {
        f64::from(self.0) / 2.0
    }

    /// As a table prints it: `4`, `4.5`.
    pub fn printed(self) -> String {
        if self.0.is_multiple_of(2) {
            (self.0 / 2).to_string()
        } else {
            format!("{}.5", self.0 / 2)
        }
    }
}

/// Who answers for a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resp {
    pub leaders: Vec<String>,
    pub units: Vec<String>,
    pub persons: Vec<String>,
}

impl Resp {
    /// The same leaders and units with `n` persons drawn from `pool`.
    fn with_persons(mut self, dice: &mut Dice, pool: &[String], n: usize) -> Resp {
        self.persons = dice.sample(pool, n).into_iter().cloned().collect();
        self
    }
}

/// A 完成时限: its printed (and gold) form and the month it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub text: String,
    pub month: Option<u8>,
}

/// One record's own values: a second-level target, or an administrative-capability row.
#[derive(Debug, Clone)]
pub struct Leaf {
    pub secondary: String,
    pub weight: Halves,
    pub deadline: Deadline,
    pub resp: Resp,
    pub remarks: Option<String>,
}

/// A first-level indicator (一级指标) with its leaves.
#[derive(Debug, Clone)]
pub struct Indicator {
    pub basis: Vec<String>,
    /// Without its points.
    pub primary: String,
    pub leaves: Vec<Leaf>,
    /// A single-target indicator printed with a two-part id (`1-14`): one record with that id.
    pub two_part: bool,
    /// Whether its points are printed (`（4分）` or a 分值 cell); the gold has primary_points
    /// only then.
    pub points_shown: bool,
}

impl Indicator {
    pub fn points(&self) -> Halves {
        Halves(self.leaves.iter().map(|l| l.weight.0).sum())
    }
}

/// A group of 职能工作目标 (重点工作目标…).
#[derive(Debug, Clone)]
pub struct FunctionGroup {
    pub name: String,
    pub indicators: Vec<Indicator>,
}

impl FunctionGroup {
    pub fn points(&self) -> Halves {
        Halves(self.indicators.iter().map(|i| i.points().0).sum())
    }
    pub fn leaf_count(&self) -> usize {
        self.indicators.iter().map(|i| i.leaves.len()).sum()
    }
    /// Whether the schema names this group as a scope of declared counts.
    pub fn is_declared_scope(&self) -> bool {
        matches!(self.name.as_str(), "重点工作目标" | "常规工作目标" | "动态工作目标")
    }
}

/// A group of 行政能力目标 (科学行政…).
#[derive(Debug, Clone)]
pub struct AdminGroup {
    pub name: String,
    pub rows: Vec<Leaf>,
}

impl AdminGroup {
    pub fn points(&self) -> Halves {
        Halves(self.rows.iter().map(|l| l.weight.0).sum())
    }
}

/// How the administrative rows are numbered: all under one key (`4-1`…`4-19`), each group
/// its own key (`4-1`…, `5-1`…), or three parts (`4-1-1`…, `4-2-1`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminNumbering {
    Continuous,
    PerGroup,
    ThreePart,
}

/// A one-row category beside the two main ones (文明创建).
#[derive(Debug, Clone)]
pub struct ExtraCategory {
    pub name: String,
    pub row: Leaf,
}

/// The issuing agency.
#[derive(Debug, Clone)]
pub struct Agency {
    pub province: &'static Province,
    pub place: Place,
    pub sector: &'static Sector,
    /// `赣州市卫生健康委员会`.
    pub full: String,
    /// `赣州市卫健委`.
    pub short: String,
    /// The bare agency part of the full name: `卫生健康委员会`.
    pub body: &'static str,
}

/// The whole clean notice.
#[derive(Debug, Clone)]
pub struct Content {
    pub agency: Agency,
    /// The year the targets apply to.
    pub year: i32,
    /// The signature date.
    pub date: (i32, u32, u32),
    /// The document number's serial: `31` in `赣卫〔2022〕31号`.
    pub serial: u32,
    /// `赣卫`: the document number's prefix.
    pub number_prefix: String,
    pub function_points: Halves,
    pub groups: Vec<FunctionGroup>,
    pub admin_points: Halves,
    pub admin_groups: Vec<AdminGroup>,
    pub admin_numbering: AdminNumbering,
    /// The administrative rows, in a table of their own, are numbered from key 1.
    pub admin_restart: bool,
    pub extras: Vec<ExtraCategory>,
    /// The heads of the agency (named in the prose as leading group).
    pub heads: Vec<String>,
}

impl Content {
    /// Total of every category: the grand total row's value.
    pub fn grand_total(&self) -> Halves {
        Halves(self.function_points.0 + self.admin_points.0 + self.extras.iter().map(|e| e.row.weight.0).sum::<u32>())
    }

    /// The id key of the first administrative group.
    pub fn admin_key(&self) -> usize {
        if self.admin_restart {
            1
        } else {
            self.groups.len() + 1
        }
    }

    /// `(group index, row index in group, id)` of every administrative row, in order.
    pub fn admin_ids(&self) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut n = 0;
        for (g, group) in self.admin_groups.iter().enumerate() {
            for r in 0..group.rows.len() {
                n += 1;
                let id = match self.admin_numbering {
                    AdminNumbering::Continuous => format!("{}-{}", self.admin_key(), n),
                    AdminNumbering::PerGroup => format!("{}-{}", self.admin_key() + g, r + 1),
                    AdminNumbering::ThreePart => format!("{}-{}-{}", self.admin_key(), g + 1, r + 1),
                };
                out.push((g, r, id));
            }
        }
        out
    }

    /// The id of extra category `k`.
    pub fn extra_id(&self, k: usize) -> String {
        let after_admin = match self.admin_numbering {
            AdminNumbering::Continuous | AdminNumbering::ThreePart => self.admin_key() + 1,
            AdminNumbering::PerGroup => self.admin_key() + self.admin_groups.len(),
        };
        format!("{}-1", after_admin + k)
    }

    pub fn admin_row_count(&self) -> usize {
        self.admin_groups.iter().map(|g| g.rows.len()).sum()
    }
}

/// The people and units one agency's rows draw on.
struct Staff {
    leaders: Vec<String>,
    persons: Vec<String>,
    units: Vec<&'static str>,
}

impl Staff {
    fn resp(&self, dice: &mut Dice, max_persons: usize) -> Resp {
        let n_leaders = dice.weighted(&[(70, 1), (22, 2), (8, 3)]);
        let n_units = dice.weighted(&[(65, 1), (25, 2), (10, 3)]);
        let n_persons = dice.weighted(&[(55, 1), (30, 2), (15, 3)]).min(max_persons.max(1));
        Resp {
            leaders: dice.sample(&self.leaders, n_leaders).into_iter().cloned().collect(),
            units: dice.sample(&self.units, n_units).into_iter().map(|u| u.to_string()).collect(),
            persons: dice.sample(&self.persons, n_persons).into_iter().cloned().collect(),
        }
    }
}

/// Splits `total` half-points into `n` parts of `lo..=hi` half-points each, as even or uneven
/// as the dice say; `None` when it cannot be done.
fn split(dice: &mut Dice, total: u32, n: usize, lo: u32, hi: u32) -> Option<Vec<u32>> {
    let n32 = u32::try_from(n).ok()?;
    if n == 0 || total < lo * n32 || total > hi * n32 {
        return None;
    }
    let mut parts = vec![lo; n];
    let mut left = total - lo * n32;
    // Whole points are more common than halves: hand out two halves at a time while possible.
    let mut guard = 0;
    while left > 0 && guard < 10_000 {
        guard += 1;
        let k = dice.below(n);
        let step = if left >= 2 && dice.chance(0.8) { 2 } else { 1 };
        if let Some(p) = parts.get_mut(k) {
            if *p + step <= hi {
                *p += step;
                left -= step;
            }
        }
    }
    (left == 0).then_some(parts)
}

/// Plans the clean content of seed `dice`.
pub fn plan(dice: &mut Dice, wishes: &mut Wishes) -> Content {
    let province = dice.pick(PROVINCES);
    let place = *dice.pick(province.places);
    let sector = dice.pick(SECTORS);
    let (body, short_body) = if place.county { (sector.county_name, sector.county_short) } else { (sector.city_name, sector.city_short) };
    let agency = Agency {
        province,
        place,
        sector,
        full: format!("{}{}", place.name, body),
        short: format!("{}{}", place.name, short_body),
        body,
    };
    let year = i32::try_from(dice.range(2018, 2025)).unwrap_or(2022);
    let date = if wishes.wants(V::YearDiffers) {
        (year - 1, u32::try_from(dice.range(11, 12)).unwrap_or(12), u32::try_from(dice.range(1, 30)).unwrap_or(1))
    } else {
        (year, u32::try_from(dice.range(1, 8)).unwrap_or(3), u32::try_from(dice.range(1, 28)).unwrap_or(1))
    };
    let number_prefix = if dice.chance(0.25) { format!("{}{}发", place.abbr, sector.abbr) } else { format!("{}{}", place.abbr, sector.abbr) };
    let serial = u32::try_from(dice.range(1, 180)).unwrap_or(1);

    let people = places::people(dice, 18);
    let (heads, rest) = people.split_at(5.min(people.len()));
    let unit_count = dice.range(6, sector.units.len());
    let staff = Staff {
        leaders: heads.to_vec(),
        persons: rest.to_vec(),
        units: dice.sample(sector.units, unit_count).into_iter().copied().collect(),
    };

    // Category points: 职能 + 行政 (+ extras) make 100.
    let admin_total: u32 = *dice.pick(&[20, 20, 20, 25, 30]);
    let extras_wanted = wishes.wants(V::ExtraCategories);
    let extra_points: u32 = if extras_wanted { *dice.pick(&[5, 6]) } else { 0 };
    let extra_count: u32 = if extras_wanted { 2 } else { 0 };
    let function_total = 100 - admin_total - extra_points * extra_count;

    let extra_group = wishes.wants(V::ExtraFunctionGroup);
    if extra_group {
        wishes.applied(V::ExtraFunctionGroup);
    }
    let groups = plan_function_groups(dice, &agency, year, function_total * 2, &staff, extra_group, wishes.wants(V::SecondaryLate));
    let admin_groups = plan_admin_groups(dice, &agency, year, admin_total * 2, &staff);
    let extras = if extras_wanted {
        EXTRA_CATEGORIES
            .iter()
            .map(|(name, text)| ExtraCategory { name: name.to_string(), row: leaf(dice, text.to_string(), Halves(extra_points * 2), year, &staff, 3) })
            .collect()
    } else {
        Vec::new()
    };
    let admin_numbering = if wishes.wants(V::AdminPerGroupKeys) { AdminNumbering::PerGroup } else { AdminNumbering::Continuous };

    Content {
        agency,
        year,
        date,
        serial,
        number_prefix,
        function_points: Halves(groups.iter().map(|g| g.points().0).sum()),
        groups,
        admin_points: Halves(admin_groups.iter().map(|g| g.points().0).sum()),
        admin_groups,
        admin_numbering,
        admin_restart: false,
        extras,
        heads: heads.to_vec(),
    }
}

fn leaf(dice: &mut Dice, secondary: String, weight: Halves, year: i32, staff: &Staff, max_persons: usize) -> Leaf {
    let (text, month) = phrases::deadline(dice, year);
    let remarks = dice.chance(0.08).then(|| dice.pick(REMARKS).to_string());
    Leaf { secondary, weight, deadline: Deadline { text, month }, resp: staff.resp(dice, max_persons), remarks }
}

/// The groups of 职能工作目标 and their points, in half-points summing to `total`.
fn plan_function_groups(dice: &mut Dice, agency: &Agency, year: i32, total: u32, staff: &Staff, extra_group: bool, uniform_wanted: bool) -> Vec<FunctionGroup> {
    let sector = agency.sector;
    let pool = phrases::basis_pool(dice, agency.province, &agency.place, sector, agency.body, year);
    // (name, share of points in half-points, indicator count range)
    let mut names: Vec<String> = vec!["重点工作目标".into(), "常规工作目标".into()];
    if dice.chance(0.45) {
        names.push("动态工作目标".into());
    }
    if extra_group {
        names.push(dice.pick(EXTRA_FUNCTION_GROUPS).to_string());
    }
    let mut shares: Vec<u32> = names
        .iter()
        .map(|n| match n.as_str() {
            "重点工作目标" => 0,
            "常规工作目标" => 2 * dice.range(8, 16) as u32,
            _ => 2 * dice.range(4, 8) as u32,
        })
        .collect();
    let others: u32 = shares.iter().sum();
    if let Some(first) = shares.first_mut() {
        *first = total.saturating_sub(others);
    }

    let mut groups = Vec::new();
    for (name, points) in names.iter().zip(shares) {
        let key = name == "重点工作目标";
        let routine = name == "常规工作目标";
        let (lo_n, hi_n) = if key { (7, 13) } else if routine { (2, 5) } else { (1, 2) };
        // Indicator points between 2 and 8 (4..=16 half-points); the count follows the points.
        let n = dice.range(lo_n, hi_n).clamp(points.div_ceil(16) as usize, (points / 4).max(1) as usize);
        let Some(parts) = split(dice, points, n, 4, 16).or_else(|| split(dice, points, n, 1, points.max(1))) else {
            continue;
        };
        let primaries: Vec<String> = if key {
            let mut own: Vec<String> = dice.sample(sector.key_work, n).into_iter().map(|s| s.to_string()).collect();
            let missing = n.saturating_sub(own.len());
            own.extend(dice.sample(COMMON_KEY_WORK, missing).into_iter().map(|s| phrases::fill(dice, s, sector.trade)));
            dice.shuffle(&mut own);
            own
        } else if routine {
            dice.sample(sector.routine_work, n).into_iter().map(|s| s.to_string()).collect()
        } else if name == "动态工作目标" {
            dice.sample(DYNAMIC_WORK, n).into_iter().map(|s| phrases::fill(dice, s, sector.trade)).collect()
        } else {
            dice.sample(EXTRA_WORK, n).into_iter().map(|s| phrases::fill(dice, s, sector.trade)).collect()
        };
        // Dynamic and extra groups cite a document for all their indicators or for none: an
        // indicator without one beside one with would read as sharing its neighbour's cell.
        let group_cites = dice.chance(0.5);
        let mut indicators = Vec::new();
        for (k, points) in parts.into_iter().enumerate() {
            let base = primaries.get(k).cloned().unwrap_or_else(|| format!("做好{}重点工作第{}项", sector.trade, k + 1));
            let primary = if key { phrases::primary_note(dice, &agency.place).map_or(base.clone(), |note| format!("{base}{note}")) } else { base };
            let basis: Vec<String> = if key {
                let n_docs = dice.weighted(&[(45, 1), (35, 2), (20, 3)]);
                dice.sample(&pool.key, n_docs).into_iter().cloned().collect()
            } else if routine {
                if dice.chance(0.15) {
                    vec![pool.routine.clone(), pool.key.first().cloned().unwrap_or_default()]
                } else {
                    vec![pool.routine.clone()]
                }
            } else if group_cites {
                vec![pool.dynamic.clone()]
            } else {
                Vec::new()
            };
            let uniform = uniform_wanted && dice.chance(0.3);
            let leaves = plan_leaves(dice, points, key, uniform, sector, year, staff);
            indicators.push(Indicator { basis, primary, leaves, two_part: false, points_shown: true });
        }
        groups.push(FunctionGroup { name: name.clone(), indicators });
    }
    groups
}

/// The leaves of an indicator worth `points` half-points. A `uniform` indicator has leaves of
/// equal weight sharing their deadline and people (the rows a 二级指标 column one row late
/// can shift over without changing what they hold).
fn plan_leaves(dice: &mut Dice, points: u32, key: bool, uniform: bool, sector: &Sector, year: i32, staff: &Staff) -> Vec<Leaf> {
    let max_leaves = (points as usize).min(4);
    let n = if key { dice.weighted(&[(15, 1), (40, 2), (35, 3), (10, 4)]) } else { dice.weighted(&[(30, 1), (50, 2), (20, 3)]) }.min(max_leaves).max(1);
    let even = (2..=max_leaves).rev().find(|&k| points.is_multiple_of(k as u32)).filter(|_| uniform);
    let weights = match even {
        Some(k) => vec![points / k as u32; k],
        None => split(dice, points, n, 1, points).unwrap_or_else(|| vec![points]),
    };
    let n = weights.len();
    let targets: Vec<&&str> = if key || dice.chance(0.6) { dice.sample(sector.targets, n) } else { dice.sample(DYNAMIC_TARGETS, n) };
    // Some indicators have one set of people for all their rows (a merged cell in the table).
    let shared = (even.is_some() || dice.chance(0.45)).then(|| staff.resp(dice, 3));
    let shared_deadline = (even.is_some() || dice.chance(0.35)).then(|| phrases::deadline(dice, year));
    weights
        .into_iter()
        .enumerate()
        .map(|(k, w)| {
            let text = targets.get(k).map_or_else(|| format!("完成{}工作任务。", sector.trade), |t| phrases::fill(dice, t, sector.trade));
            let mut l = leaf(dice, text, Halves(w), year, staff, 3);
            if let Some(r) = &shared {
                l.resp = r.clone();
            }
            if let Some((text, month)) = &shared_deadline {
                l.deadline = Deadline { text: text.clone(), month: *month };
            }
            l
        })
        .collect()
}

/// The administrative-capability groups, their rows' weights summing to `total` half-points.
fn plan_admin_groups(dice: &mut Dice, agency: &Agency, year: i32, total: u32, staff: &Staff) -> Vec<AdminGroup> {
    let scheme = dice.pick(ADMIN_SCHEMES);
    let themes: Vec<&AdminTheme> = scheme.iter().filter_map(|&k| ADMIN_THEMES.get(k)).collect();
    let n = themes.len();
    let Some(group_points) = split(dice, total, n, 4, 16) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (theme, points) in themes.into_iter().zip(group_points) {
        let rows = dice.range(2, theme.targets.len()).clamp(1, points as usize);
        let weights = split(dice, points, rows, 1, 6).or_else(|| split(dice, points, rows, 1, points)).unwrap_or_else(|| vec![points]);
        let texts = dice.sample(theme.targets, weights.len());
        // Often one set of people answers for the whole group (a cell merged over it), and
        // then it may list more names than the group has rows.
        let shared = dice.chance(0.35).then(|| {
            let persons = dice.weighted(&[(40, 1), (25, 2), (15, 3), (12, 4), (8, 5)]);
            staff.resp(dice, 3).with_persons(dice, &staff.persons, persons)
        });
        let rows = weights
            .into_iter()
            .zip(texts)
            .map(|(w, t)| {
                let text = phrases::fill(dice, t, agency.sector.trade);
                let mut l = leaf(dice, text, Halves(w), year, staff, 2);
                l.remarks = None;
                if let Some(r) = &shared {
                    l.resp = r.clone();
                }
                l
            })
            .collect();
        out.push(AdminGroup { name: theme.name.to_string(), rows });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_hits_the_total_within_bounds() {
        let mut dice = Dice::new(3);
        for total in 4..80 {
            for n in 1..6 {
                if let Some(parts) = split(&mut dice, total, n, 1, 16) {
                    assert_eq!(parts.iter().sum::<u32>(), total);
                    assert!(parts.iter().all(|&p| (1..=16).contains(&p)));
                }
            }
        }
    }

    #[test]
    fn halves_print_as_tables_do() {
        assert_eq!(Halves(8).printed(), "4");
        assert_eq!(Halves(9).printed(), "4.5");
        assert_eq!(Halves(1).printed(), "0.5");
    }
}
