//! The table as rows of cells, before pages: one row per record with every value of the
//! record in its column, then the merged cells Word prints once (文件依据, 一级指标, the people
//! and deadlines of an indicator or group), the texts that run onto id-less rows (wrapped
//! cells, names one per line, a 二级指标 column one row late), and the total rows.
//!
//! Labels of the 项目 columns are not placed here: they depend on where the pages break
//! ([`super::layout`]).

use crate::dice::Dice;

use super::breakage::{self, Shift};
use super::columns;
use super::gold::leaf_id;
use super::content::{AdminNumbering, Content, Halves, Indicator, Leaf, Resp};
use super::variation::{Variation as V, Wishes};

/// The logical columns of a performance table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Cat,
    Group,
    Id,
    Basis,
    Primary,
    Secondary,
    Weight,
    Deadline,
    Leaders,
    Units,
    Persons,
    Remarks,
    /// 考核标准 / 评分标准: a column no field reads.
    Scoring,
    /// The 一级指标's points in a column of their own (分值).
    Points,
}

pub const COLS: usize = 14;

impl Col {
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A record's row (it has an id).
    Leaf,
    /// An id-less row carrying text that belongs to the rows above.
    Continuation,
    /// A 合计/小计 row.
    Total,
    /// The 绩效目标考评得分 row.
    GrandTotal,
    /// The 单位主要领导：… row under the table.
    SignOff,
    /// A category or group printed as a row of its own above its rows (text in `Cat`).
    Banner,
}

/// Which 项目 category a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Function,
    Admin,
    Extra(usize),
}

/// One printed row.
#[derive(Debug, Clone)]
pub struct Row {
    pub kind: Kind,
    pub cells: [String; COLS],
    pub category: Option<Category>,
    /// The 项目 group span: function group `g`, or `100 + g` for administrative group `g`.
    pub group: Option<usize>,
    /// The function indicator (reading order over the table) the row belongs to.
    pub indicator: Option<usize>,
    /// An administrative row whose 目标内容 cell is merged over 文件依据…二级指标.
    pub content_merged: bool,
    pub shift: Shift,
    pub leading_tab: bool,
    pub trailing: usize,
}

impl Row {
    pub fn new(kind: Kind) -> Row {
        Row {
            kind,
            cells: Default::default(),
            category: None,
            group: None,
            indicator: None,
            content_merged: false,
            shift: Shift::None,
            leading_tab: false,
            trailing: 0,
        }
    }

    pub fn cell(&self, c: Col) -> &str {
        self.cells.get(c.index()).map_or("", String::as_str)
    }

    pub fn set(&mut self, c: Col, text: impl Into<String>) {
        if let Some(cell) = self.cells.get_mut(c.index()) {
            *cell = text.into();
        }
    }

    /// A continuation row of the same spans as `self`, all cells empty. Under a row whose
    /// 目标内容 is merged over three columns, its text continues in that merged cell.
    fn continuation(&self) -> Row {
        Row { category: self.category, group: self.group, indicator: self.indicator, content_merged: self.content_merged, ..Row::new(Kind::Continuation) }
    }
}

/// How the 行政能力目标 rows are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminMode {
    /// In the main table, in its columns.
    SameColumns,
    /// In the main table, under a one-row header of their own.
    OwnHeader,
    /// A second table.
    SeparateTable,
}

/// The rows of the table(s): the function part, and the administrative part (with the
/// extra categories and the grand total).
pub struct Rows {
    pub function: Vec<Row>,
    pub admin: Vec<Row>,
    /// `(label, value)` of the total rows in order, with the table they belong to (0 or 1).
    pub totals: Vec<(usize, String, Halves)>,
}

/// Where in a span of `n` rows a merged cell's text is printed.
pub fn position(dice: &mut Dice, n: usize, later: bool) -> usize {
    if n <= 1 || !later {
        return 0;
    }
    match dice.below(3) {
        0 => 0,
        1 => (n - 1) / 2,
        _ => n - 1,
    }
}

/// Builds every row.
pub fn build(dice: &mut Dice, c: &Content, mode: AdminMode, wishes: &mut Wishes) -> Rows {
    let mut totals = Vec::new();
    let mut function = Vec::new();
    let shared_basis = shared_basis_hosts(dice, c, wishes);
    let mut ind_no = 0;
    for (g, group) in c.groups.iter().enumerate() {
        for (i, ind) in group.indicators.iter().enumerate() {
            let host = shared_basis.get(ind_no).copied().flatten();
            let block = indicator_rows(dice, g, i, ind_no, ind, host, wishes);
            function.extend(block);
            ind_no += 1;
        }
        if wishes.wants(V::GroupSubtotals) {
            wishes.applied(V::GroupSubtotals);
            function.push(total_row("小计", group.points()));
            totals.push((0, "小计".to_string(), group.points()));
        }
    }
    // With group 小计 rows the category's row is a 合计.
    let label = if wishes.was_applied(V::GroupSubtotals) { *dice.pick(&["合计", "合  计"]) } else { *dice.pick(&["合计", "合计", "合  计", "小计"]) };
    let function_total = Halves(c.groups.iter().map(|g| g.points().0).sum());
    function.push(total_row(label, function_total));
    totals.push((0, label.replace(' ', ""), function_total));

    let table = usize::from(mode == AdminMode::SeparateTable);
    let merged = mode == AdminMode::SameColumns && wishes.wants(V::AdminContentMerged);
    if merged {
        wishes.applied(V::AdminContentMerged);
    }
    let mut admin = Vec::new();
    let ids = c.admin_ids();
    let mut at = 0;
    for (g, group) in c.admin_groups.iter().enumerate() {
        let group_ids: Vec<String> = ids.iter().skip(at).take(group.rows.len()).map(|(_, _, id)| id.clone()).collect();
        at += group.rows.len();
        let rows = admin_group_rows(dice, g, &group.rows, &group_ids, merged, wishes);
        admin.extend(rows);
    }
    if c.admin_numbering == AdminNumbering::PerGroup {
        wishes.applied(V::AdminPerGroupKeys);
    }
    let label = *dice.pick(&["合计", "小计", "项目小计", "合  计"]);
    let admin_total = Halves(c.admin_groups.iter().map(|g| g.points().0).sum());
    admin.push(total_row(label, admin_total));
    totals.push((table, label.replace(' ', ""), admin_total));
    for (k, extra) in c.extras.iter().enumerate() {
        wishes.applied(V::ExtraCategories);
        let mut row = leaf_row(dice, &c.extra_id(k), &extra.row, wishes);
        row.category = Some(Category::Extra(k));
        row.content_merged = merged;
        admin.push(row);
    }
    if wishes.wants(V::GrandTotal) {
        wishes.applied(V::GrandTotal);
        let label = *dice.pick(&["绩效目标考评得分", "绩效目标考评得分（职能工作目标+行政能力目标）"]);
        let mut row = total_row(label, c.grand_total());
        row.kind = Kind::GrandTotal;
        admin.push(row);
    }
    if wishes.wants(V::SignOffRow) {
        wishes.applied(V::SignOffRow);
        let mut row = Row::new(Kind::SignOff);
        row.set(Col::Cat, "单位主要领导：");
        row.set(Col::Basis, "分管领导：");
        row.set(Col::Secondary, "经办人：");
        row.set(Col::Leaders, "联系电话：");
        admin.push(row);
    }
    Rows { function, admin, totals }
}

fn total_row(label: &str, value: Halves) -> Row {
    let mut row = Row::new(Kind::Total);
    row.set(Col::Cat, label);
    row.set(Col::Weight, value.printed());
    row
}

/// A record's row with every value it has.
fn leaf_row(dice: &mut Dice, id: &str, leaf: &Leaf, wishes: &mut Wishes) -> Row {
    let mut row = Row::new(Kind::Leaf);
    row.set(Col::Id, id);
    row.set(Col::Secondary, leaf.secondary.clone());
    row.set(Col::Weight, leaf.weight.printed());
    row.set(Col::Deadline, leaf.deadline.text.clone());
    row.set(Col::Leaders, breakage::list_cell(dice, &leaf.resp.leaders, true, wishes));
    row.set(Col::Units, breakage::units_cell(dice, &leaf.resp.units, wishes));
    row.set(Col::Persons, breakage::list_cell(dice, &leaf.resp.persons, true, wishes));
    row.set(Col::Remarks, leaf.remarks.clone().unwrap_or_default());
    if wishes.was_applied(V::ScoringColumn) {
        row.set(Col::Scoring, columns::scoring_text(wishes, leaf.weight));
    }
    row
}

/// For indicators whose 文件依据 is one merged cell shared with their neighbours: `Some((print,
/// row))` says whether this indicator's rows print it, and on which of its rows.
///
/// Only a whole group shares a cell (a 常规工作目标 group whose indicators all rest on the
/// agency's 三定 regulation): the one document printed in the group is then every
/// indicator's. A run inside a group would leave the indicators between two printed cells
/// without a way to tell which one they share.
fn shared_basis_hosts(dice: &mut Dice, c: &Content, wishes: &mut Wishes) -> Vec<Option<(bool, usize)>> {
    let mut out = Vec::new();
    for group in &c.groups {
        let mut hosts: Vec<Option<(bool, usize)>> = vec![None; group.indicators.len()];
        let first = group.indicators.first().map(|i| &i.basis);
        let shared = group.indicators.len() >= 2 && first.is_some_and(|b| !b.is_empty()) && group.indicators.iter().all(|i| Some(&i.basis) == first);
        if shared && wishes.wants(V::BasisSharedSpan) && dice.chance(0.8) {
            wishes.applied(V::BasisSharedSpan);
            let total: usize = group.indicators.iter().map(|i| i.leaves.len()).sum();
            let mut at = (total - 1) / 2;
            for (h, ind) in hosts.iter_mut().zip(&group.indicators) {
                let size = ind.leaves.len();
                let print = at < size;
                *h = Some((print, if print { at } else { 0 }));
                at = if print { usize::MAX / 2 } else { at - size };
            }
        }
        out.extend(hosts);
    }
    out
}

/// Joins documents as a 文件依据 cell prints them.
fn basis_text(dice: &mut Dice, docs: &[String]) -> String {
    let sep = *dice.pick(&["；", "；", "；", "、", ";"]);
    docs.join(sep)
}

/// The rows of one first-level indicator, with its merged cells.
fn indicator_rows(dice: &mut Dice, g: usize, i: usize, ind_no: usize, ind: &Indicator, shared: Option<(bool, usize)>, wishes: &mut Wishes) -> Vec<Row> {
    let n = ind.leaves.len();
    let mut rows: Vec<Row> = ind
        .leaves
        .iter()
        .enumerate()
        .map(|(j, leaf)| {
            let mut row = leaf_row(dice, &leaf_id(g, i, j, ind.two_part), leaf, wishes);
            row.category = Some(Category::Function);
            row.group = Some(g);
            row.indicator = Some(ind_no);
            row
        })
        .collect();

    // 文件依据 and 一级指标: merged over the rows, printed once.
    let later = wishes.wants(V::MergedTextLater);
    let points = ind.points().printed();
    let mut primary = match dice.below(4) {
        0 => format!("{}({} 分)", ind.primary, points),
        1 => format!("{}（{} 分）", ind.primary, points),
        _ => format!("{}（{}分）", ind.primary, points),
    };
    let points_column = wishes.was_applied(V::PointsColumn);
    if points_column || !ind.points_shown {
        primary = ind.primary.clone();
    }
    let at = position(dice, n, later);
    if at > 0 {
        wishes.applied(V::MergedTextLater);
    }
    if let Some(row) = rows.get_mut(at) {
        row.set(Col::Primary, primary);
        if points_column {
            row.set(Col::Points, columns::points_text(wishes, &points));
        }
    }
    match shared {
        Some((true, host)) => {
            if let Some(row) = rows.get_mut(host) {
                row.set(Col::Basis, basis_text(dice, &ind.basis));
            }
        }
        Some((false, _)) => {}
        None if ind.basis.len() >= 2 && n >= 2 && wishes.wants(V::BasisSplitRows) && dice.chance(0.5) => {
            wishes.applied(V::BasisSplitRows);
            // One document per row from the first; the last row takes the rest.
            let used = ind.basis.len().min(n);
            for slot in 0..used {
                let mine: Vec<String> = if slot + 1 == used { ind.basis.iter().skip(slot).cloned().collect() } else { ind.basis.get(slot).cloned().into_iter().collect() };
                let mut text = basis_text(dice, &mine);
                if slot + 1 < used {
                    text.push('；');
                }
                if let Some(row) = rows.get_mut(slot) {
                    row.set(Col::Basis, text);
                }
            }
        }
        None => {
            let at = if dice.chance(0.75) { at } else { position(dice, n, later) };
            if let Some(row) = rows.get_mut(at) {
                row.set(Col::Basis, basis_text(dice, &ind.basis));
            }
        }
    }

    let shares = |f: fn(&Leaf) -> &Vec<String>| ind.leaves.windows(2).all(|w| matches!(w, [a, b] if f(a) == f(b)));
    let persons_shared = shares(|l| &l.resp.persons);
    // A late 二级指标 column moves only the targets: the rows must agree on everything else,
    // remarks included (none), or the reader could not tell which row a value belongs to.
    let all_shared = n >= 2
        && ind.leaves.iter().all(|l| l.remarks.is_none())
        && persons_shared
        && shares(|l| &l.resp.leaders)
        && shares(|l| &l.resp.units)
        && ind.leaves.windows(2).all(|w| matches!(w, [a, b] if a.weight == b.weight && a.deadline == b.deadline));

    if all_shared && wishes.wants(V::SecondaryLate) && dice.chance(0.6) {
        wishes.applied(V::SecondaryLate);
        let texts: Vec<String> = rows.iter().map(|r| r.cell(Col::Secondary).to_string()).collect();
        for (k, row) in rows.iter_mut().enumerate() {
            let text = k.checked_sub(1).and_then(|p| texts.get(p)).cloned().unwrap_or_default();
            row.set(Col::Secondary, text);
        }
        if let Some(last) = rows.last() {
            let mut extra = last.continuation();
            for c in [Col::Weight, Col::Deadline, Col::Leaders, Col::Units, Col::Persons] {
                extra.set(c, last.cell(c).to_string());
            }
            extra.set(Col::Secondary, texts.last().cloned().unwrap_or_default());
            rows.push(extra);
        }
        return rows;
    }

    let resp: Vec<&Resp> = ind.leaves.iter().map(|l| &l.resp).collect();
    merge_people(dice, &mut rows, &resp, ind.leaves.iter().map(|l| &l.deadline.text).collect(), wishes);
    wrap_rows(dice, &mut rows, &[Col::Basis, Col::Primary, Col::Secondary], wishes);
    rows
}

/// Prints the people and deadlines that all `rows` share once (a merged cell), and a shared
/// 责任人 list longer than the rows one name per line, running onto id-less rows.
fn merge_people(dice: &mut Dice, rows: &mut Vec<Row>, resp: &[&Resp], deadlines: Vec<&String>, wishes: &mut Wishes) {
    let n = rows.len();
    if n == 0 {
        return;
    }
    let same = |v: Vec<&Vec<String>>| v.windows(2).all(|w| matches!(w, [a, b] if a == b));
    let persons: Vec<String> = resp.first().map(|r| r.persons.clone()).unwrap_or_default();
    let persons_shared = same(resp.iter().map(|r| &r.persons).collect());
    let leaders_shared = same(resp.iter().map(|r| &r.leaders).collect());
    let units_shared = same(resp.iter().map(|r| &r.units).collect());
    let deadline_shared = deadlines.windows(2).all(|w| matches!(w, [a, b] if a == b));

    // Names one per line read as one merged cell only when the whole responsibility is.
    let spill = persons_shared && leaders_shared && units_shared && persons.len() > n && wishes.wants(V::PersonsSpill) && dice.chance(0.8);
    let merge = wishes.wants(V::RespMerged) && dice.chance(0.75);
    if n >= 2 && merge || spill {
        for (col, shared) in [(Col::Leaders, leaders_shared), (Col::Units, units_shared), (Col::Deadline, deadline_shared), (Col::Persons, persons_shared && !spill)] {
            if !shared || n < 2 || !(spill || dice.chance(0.8)) {
                continue;
            }
            wishes.applied(V::RespMerged);
            let keep = position(dice, n, true);
            for (k, row) in rows.iter_mut().enumerate() {
                if k != keep {
                    row.set(col, "");
                }
            }
        }
    }
    if spill {
        wishes.applied(V::PersonsSpill);
        let template = rows.last().map(Row::continuation);
        for (k, name) in persons.iter().enumerate() {
            if let Some(row) = rows.get_mut(k) {
                row.set(Col::Persons, name.clone());
            } else if let Some(t) = &template {
                let mut extra = t.clone();
                extra.set(Col::Persons, name.clone());
                rows.push(extra);
            }
        }
    }
}

/// Wraps long cells of some rows onto an id-less row below, in the same column.
fn wrap_rows(dice: &mut Dice, rows: &mut Vec<Row>, cols: &[Col], wishes: &mut Wishes) {
    if !wishes.wants(V::WrapContinuation) {
        return;
    }
    let mut k = 0;
    while k < rows.len() {
        let is_leaf = rows.get(k).is_some_and(|r| r.kind == Kind::Leaf);
        if is_leaf && dice.chance(0.2) {
            let mut extra: Option<Row> = None;
            for &col in cols {
                let Some(row) = rows.get_mut(k) else { break };
                let text = row.cell(col).to_string();
                if text.chars().count() < 14 || !dice.chance(0.6) {
                    continue;
                }
                let min_head = if col == Col::Primary { 6 } else { 4 };
                let Some(cut) = breakage::wrap_cut(dice, &text, min_head) else { continue };
                let (head, tail) = text.split_at(cut);
                row.set(col, head.to_string());
                let e = extra.get_or_insert_with(|| row.continuation());
                e.set(col, tail.to_string());
            }
            if let Some(e) = extra {
                wishes.applied(V::WrapContinuation);
                rows.insert(k + 1, e);
                k += 1;
            }
        }
        k += 1;
    }
}

/// The rows of one administrative group.
fn admin_group_rows(dice: &mut Dice, g: usize, leaves: &[Leaf], ids: &[String], merged: bool, wishes: &mut Wishes) -> Vec<Row> {
    let mut rows: Vec<Row> = leaves
        .iter()
        .zip(ids)
        .map(|(leaf, id)| {
            let mut row = leaf_row(dice, id, leaf, wishes);
            row.category = Some(Category::Admin);
            row.group = Some(100 + g);
            row.content_merged = merged;
            row
        })
        .collect();
    let resp: Vec<&Resp> = leaves.iter().map(|l| &l.resp).collect();
    merge_people(dice, &mut rows, &resp, leaves.iter().map(|l| &l.deadline.text).collect(), wishes);
    wrap_rows(dice, &mut rows, &[Col::Secondary], wishes);
    rows
}
