//! The later variations of the table's shape and printing: column sets (no 文件依据, 分管领导
//! or 备注 column; an extra 考核标准 column no field reads; the 一级指标 points in a 分值
//! column; the responsibility columns in another order), categories and groups as rows of
//! their own instead of 项目 columns, header rows out of line with their data, rows that lost
//! the empty cells merged cells leave, and ids and weights as OCR prints them.
//!
//! Every choice is drawn from the second stream ([`Wishes::more`]).

use super::content::{Content, Halves};
use super::layout::Slot;
use super::notice::chinese_number;
use super::rows::{Category, Col, Kind, Row, Rows, COLS};
use super::variation::{Variation as V, Wishes};

/// Texts of a 考核标准 column: scoring rules with numbers, none of them a field.
const SCORING: &[&str] = &[
    "完成得满分，未完成不得分。",
    "每少完成1项扣{half}分，扣完为止。",
    "按完成进度计分，完成率低于80%不得分。",
    "未按时完成扣{half}分；被上级通报批评的不得分。",
    "以上级考核结果为准，排名前3名得满分，每后退1名扣0.2分。",
    "提供佐证材料，材料不全的酌情扣分。",
    "完成得{weight}分，超额完成不加分。",
];

/// Header words of the 考核标准 column.
pub const SCORING_WORDS: &[&str] = &["考核标准", "评分标准", "计分方法", "评分细则"];
/// Header words of the 一级指标 points column.
pub const POINTS_WORDS: &[&str] = &["分值", "一级指标分值", "指标分值"];

/// A 考核标准 cell for a row of weight `weight`.
pub fn scoring_text(wishes: &mut Wishes, weight: Halves) -> String {
    let template = *wishes.more().pick(SCORING);
    let half = if weight.0 >= 2 { "0.5" } else { "0.2" };
    template.replace("{half}", half).replace("{weight}", &weight.printed())
}

/// A 分值 cell: `4`, `4分`, `4.5`.
pub fn points_text(wishes: &mut Wishes, points: &str) -> String {
    if wishes.more().chance(0.3) {
        format!("{points}分")
    } else {
        points.to_string()
    }
}

/// The column set of one document.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Columns no page prints.
    drop: Vec<Col>,
    /// Where the 考核标准 column stands: after 权重 (true) or last but 备注.
    scoring_after_weight: Option<bool>,
    points: bool,
    /// The order of 完成时限/分管领导/责任单位/责任人 in the main table.
    resp_order: Option<[Col; 4]>,
}

/// Decides the column set; a banner layout (no 项目 columns) is decided here too.
pub fn plan(wishes: &mut Wishes) -> Plan {
    let mut p = Plan::default();
    for (v, c) in [(V::NoBasisColumn, Col::Basis), (V::NoLeadersColumn, Col::Leaders), (V::NoRemarksColumn, Col::Remarks)] {
        if wishes.was_applied(v) {
            p.drop.push(c);
        }
    }
    if wishes.wants(V::GroupBanner) {
        wishes.applied(V::GroupBanner);
        p.drop.extend([Col::Cat, Col::Group]);
    } else if wishes.wants(V::CategoryBanner) {
        wishes.applied(V::CategoryBanner);
        p.drop.push(Col::Cat);
    }
    if wishes.was_applied(V::ScoringColumn) {
        p.scoring_after_weight = Some(wishes.more().chance(0.5));
    }
    p.points = wishes.was_applied(V::PointsColumn);
    if wishes.wants(V::RespColumnsReordered) {
        wishes.applied(V::RespColumnsReordered);
        let orders = [
            [Col::Units, Col::Leaders, Col::Persons, Col::Deadline],
            [Col::Leaders, Col::Persons, Col::Units, Col::Deadline],
            [Col::Deadline, Col::Units, Col::Persons, Col::Leaders],
            [Col::Units, Col::Persons, Col::Leaders, Col::Deadline],
            [Col::Leaders, Col::Units, Col::Persons, Col::Deadline],
        ];
        p.resp_order = Some(*wishes.more().pick(&orders));
    }
    p
}

impl Plan {
    /// Applies the plan to the base slots of a table part (`admin`: the administrative
    /// one-row layout, which keeps its own order and has no 一级指标).
    pub fn apply(&self, slots: &mut Vec<Slot>, admin: bool) {
        if let (Some(order), false) = (self.resp_order, admin) {
            let at: Vec<usize> = slots.iter().enumerate().filter(|(_, s)| matches!(s, Slot::Col(Col::Deadline | Col::Leaders | Col::Units | Col::Persons))).map(|(k, _)| k).collect();
            for (k, c) in at.into_iter().zip(order) {
                if let Some(s) = slots.get_mut(k) {
                    *s = Slot::Col(c);
                }
            }
        }
        if self.points && !admin {
            if let Some(k) = slots.iter().position(|s| *s == Slot::Col(Col::Primary)) {
                slots.insert(k + 1, Slot::Col(Col::Points));
            }
        }
        if let Some(after_weight) = self.scoring_after_weight {
            let k = if after_weight {
                slots.iter().position(|s| *s == Slot::Col(Col::Weight)).map(|k| k + 1)
            } else {
                slots.iter().position(|s| *s == Slot::Col(Col::Remarks))
            };
            slots.insert(k.unwrap_or(slots.len()), Slot::Col(Col::Scoring));
        }
        slots.retain(|s| !matches!(s, Slot::Col(c) if self.drop.contains(c)));
    }

    pub fn has(&self, c: Col) -> bool {
        !self.drop.contains(&c)
    }
}

/// Inserts the category (and group) rows of a banner layout above the rows they head.
pub fn banners(c: &Content, rows: &mut Rows, wishes: &mut Wishes) {
    let groups = wishes.was_applied(V::GroupBanner);
    if !groups && !wishes.was_applied(V::CategoryBanner) {
        return;
    }
    let numbered = wishes.more().chance(0.6);
    let points = wishes.more().below(3);
    let group_style = wishes.more().below(3);
    let group_points = wishes.more().chance(0.5);
    let cat_text = |k: usize, name: &str, p: Halves| -> String {
        let head = if numbered { format!("{}、{name}", chinese_number(k + 1)) } else { name.to_string() };
        match points {
            0 => format!("{head}（{}分）", p.printed()),
            1 => format!("{head} {}分", p.printed()),
            _ => head,
        }
    };
    let group_text = |k: usize, name: &str, p: Halves| -> String {
        let head = match group_style {
            0 => format!("（{}）{name}", chinese_number(k + 1)),
            1 => format!("{}.{name}", k + 1),
            _ => name.to_string(),
        };
        if group_points {
            format!("{head}（{}分）", p.printed())
        } else {
            head
        }
    };
    let banner = |text: String, category: Option<Category>, group: Option<usize>| -> Row {
        let mut row = Row::new(Kind::Banner);
        row.set(Col::Cat, text);
        row.category = category;
        row.group = group;
        row
    };
    for part in [&mut rows.function, &mut rows.admin] {
        let mut out: Vec<Row> = Vec::with_capacity(part.len() + 12);
        let (mut last_cat, mut last_group) = (None, None);
        let mut group_no = 0;
        for row in part.drain(..) {
            if matches!(row.kind, Kind::Leaf | Kind::Continuation) {
                if row.category != last_cat {
                    last_cat = row.category;
                    last_group = None;
                    group_no = 0;
                    let text = match row.category {
                        Some(Category::Function) => Some(cat_text(0, "职能工作目标", c.function_points)),
                        Some(Category::Admin) => Some(cat_text(1, "行政能力目标", c.admin_points)),
                        Some(Category::Extra(k)) => c.extras.get(k).map(|e| cat_text(2 + k, &e.name, e.row.weight)),
                        None => None,
                    };
                    if let Some(t) = text {
                        out.push(banner(t, row.category, None));
                    }
                }
                if groups && row.group.is_some() && row.group != last_group {
                    last_group = row.group;
                    let text = match row.group {
                        Some(g) if g >= 100 => c.admin_groups.get(g - 100).map(|a| group_text(group_no, &a.name, a.points())),
                        Some(g) => c.groups.get(g).map(|f| group_text(group_no, &f.name, f.points())),
                        None => None,
                    };
                    group_no += 1;
                    if let Some(t) = text {
                        out.push(banner(t, row.category, row.group));
                    }
                }
            }
            out.push(row);
        }
        *part = out;
    }
}

/// The cells of a banner row on a page of `width` columns.
pub fn banner_cells(wishes: &mut Wishes, row: &Row, width: usize) -> Vec<String> {
    let mut cells = vec![row.cell(Col::Cat).to_string()];
    if wishes.more().chance(0.5) {
        cells.extend(std::iter::repeat_n(String::new(), width.saturating_sub(1)));
    }
    cells
}

/// Header lines with an extra empty cell before one of the late labels (权重 onwards): the
/// labels from there sit one column right of their data, as Word tables with merged header
/// cells often come out of OCR.
pub fn misalign_header(wishes: &mut Wishes, lines: &mut [Vec<String>]) {
    if !wishes.try_more(V::HeaderMisaligned, 0.6) {
        return;
    }
    const LATE: &[&str] = &["权重", "分值", "完成时限", "完成时间", "分管领导", "责任单位", "责任部门", "责任科室", "责任股室", "责任人", "备注"];
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    // The lower line of a two-row header names the columns; a one-row header is its own.
    let Some(line) = lines.last_mut() else { return };
    let spots: Vec<usize> = line.iter().enumerate().filter(|(k, cell)| *k > 0 && LATE.contains(&squash(cell).as_str())).map(|(k, _)| k).collect();
    if spots.is_empty() {
        return;
    }
    let at = *wishes.more().pick(&spots);
    line.insert(at, String::new());
    wishes.applied(V::HeaderMisaligned);
}

/// The positions of a row's cells as printed, by column.
pub type Positions = [Option<usize>; COLS];

/// Drops the empty cells merged cells leave in a row: those between the id and a 二级指标
/// (the row's 文件依据 and 一级指标 printed on another row), or an empty 完成时限 cell
/// among names and units. The values keep their order; their types say where each belongs.
pub fn drop_gaps(wishes: &mut Wishes, row: &Row, cells: &mut Vec<String>, at: &Positions) {
    if row.kind != Kind::Leaf || row.content_merged || !wishes.try_more(V::GapsDropped, 0.3) {
        return;
    }
    let pos = |c: Col| at.get(c.index()).copied().flatten();
    let filled = |c: Col| pos(c).and_then(|k| cells.get(k)).is_some_and(|s| !s.trim().is_empty());
    // Between the id and the 二级指标: every cell empty, at least one.
    let after_id = match (pos(Col::Id), pos(Col::Secondary)) {
        (Some(i), Some(s)) if s > i + 1 && filled(Col::Id) && filled(Col::Secondary) && cells.get(i + 1..s).is_some_and(|g| g.iter().all(|c| c.trim().is_empty())) => Some((i + 1, s)),
        _ => None,
    };
    // An empty 完成时限 among filled names and units, with nothing after them that could move
    // into their place (no 备注 text, no 考核标准 column).
    let people = [Col::Weight, Col::Units, Col::Persons].iter().all(|&c| filled(c)) && (pos(Col::Leaders).is_none() || filled(Col::Leaders));
    let deadline = match pos(Col::Deadline) {
        Some(d) if people && !filled(Col::Deadline) && !filled(Col::Remarks) && pos(Col::Scoring).is_none() => Some(d),
        _ => None,
    };
    let choice = match (after_id, deadline) {
        (Some(a), Some(d)) => {
            if wishes.more().chance(0.5) {
                Err(d)
            } else {
                Ok(a)
            }
        }
        (Some(a), None) => Ok(a),
        (None, Some(d)) => Err(d),
        (None, None) => return,
    };
    match choice {
        Ok((from, to)) => {
            cells.drain(from..to);
        }
        Err(d) => {
            cells.remove(d);
        }
    }
    wishes.applied(V::GapsDropped);
}

/// Full-width digits (`１－２－１`, `２．５`).
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '.' | '-' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// An id cell as OCR may print it: full-width, or its dashes read as other dashes or as 一.
pub fn id_cell(wishes: &mut Wishes, s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut out = s.to_string();
    if wishes.try_more(V::FullwidthDigits, 0.3) {
        out = full_width(&out);
        wishes.applied(V::FullwidthDigits);
    }
    if out.contains('-') && wishes.try_more(V::IdDashOcr, 0.3) {
        let dash = *wishes.more().pick(&["—", "－", "–", "一", "一"]);
        let all = wishes.more().chance(0.6);
        out = if all { out.replace('-', dash) } else { out.replacen('-', dash, 1) };
        wishes.applied(V::IdDashOcr);
    }
    out
}

/// A weight cell (or a total row's value) as printed: with its unit, or full-width.
pub fn weight_cell(wishes: &mut Wishes, s: &str, total: bool) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut out = s.to_string();
    if !total && wishes.try_more(V::FullwidthDigits, 0.3) {
        out = full_width(&out);
        wishes.applied(V::FullwidthDigits);
    }
    if wishes.try_more(V::WeightWithUnit, 0.7) {
        out.push_str(if wishes.more().chance(0.8) { "分" } else { " 分" });
        wishes.applied(V::WeightWithUnit);
    }
    out
}
