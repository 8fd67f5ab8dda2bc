//! Pages: the rows broken into page blocks, each under a repeated header whose columns may be
//! reordered or padded, with the 项目 labels printed in each page's part of the rows they span
//! (first, middle or last row, in fragments, spaced, with a page suffix, or as a line between
//! blocks), a 一级指标 split over a page break, and the lines between blocks.

use crate::dice::Dice;

use super::breakage::{self, Shift};
use super::columns::{self, Plan};
use super::content::{AdminNumbering, Content};
use super::notice::chinese_number;
use super::rows::{AdminMode, Category, Col, Kind, Row, Rows};
use super::variation::{Variation as V, Wishes};

/// A physical column of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Col(Col),
    /// A column that belongs to no field (empty in the header and the rows).
    Pad,
}

/// One page block.
#[derive(Debug, Clone)]
pub struct Page {
    /// Lines printed before the block's header (page number, 抄送, a label).
    pub before: Vec<String>,
    pub slots: Vec<Slot>,
    /// The administrative one-row header instead of the main one.
    pub admin_header: bool,
    pub spaced_header: bool,
    pub rows: Vec<Row>,
}

/// One table: its heading lines and pages.
#[derive(Debug, Clone)]
pub struct Table {
    pub heading: Vec<String>,
    pub pages: Vec<Page>,
}

/// Header wordings of one document.
#[derive(Debug, Clone)]
pub struct Words {
    pub two_rows: bool,
    pub unit: &'static str,
    pub deadline: &'static str,
    pub weight: &'static str,
    /// The 考核标准 column's word, and the 一级指标 points column's.
    pub scoring: &'static str,
    pub points: &'static str,
}

/// Where a document prints its labels.
#[derive(Debug, Clone, Copy)]
struct LabelBias {
    first: u32,
    middle: u32,
    last: u32,
}

const MAIN: [Col; 12] = [Col::Cat, Col::Group, Col::Id, Col::Basis, Col::Primary, Col::Secondary, Col::Weight, Col::Deadline, Col::Leaders, Col::Units, Col::Persons, Col::Remarks];

/// Orders of the administrative columns after 目标内容.
const ADMIN_TAILS: &[[Col; 6]] = &[
    [Col::Weight, Col::Deadline, Col::Leaders, Col::Units, Col::Persons, Col::Remarks],
    [Col::Weight, Col::Leaders, Col::Units, Col::Persons, Col::Deadline, Col::Remarks],
    [Col::Weight, Col::Deadline, Col::Units, Col::Persons, Col::Leaders, Col::Remarks],
];

/// Lays out the rows as tables of pages.
#[allow(clippy::too_many_arguments)]
pub fn paginate(dice: &mut Dice, c: &Content, mut rows: Rows, mode: AdminMode, heading: Vec<String>, admin_heading: Vec<String>, plan: &Plan, wishes: &mut Wishes) -> Vec<Table> {
    columns::banners(c, &mut rows, wishes);
    let admin_tail = *dice.pick(ADMIN_TAILS);
    let admin_has_cat = mode != AdminMode::SeparateTable || dice.chance(0.5);
    let mut admin_slots: Vec<Slot> = Vec::new();
    if admin_has_cat {
        admin_slots.push(Slot::Col(Col::Cat));
    }
    admin_slots.extend([Slot::Col(Col::Group), Slot::Col(Col::Id), Slot::Col(Col::Secondary)]);
    admin_slots.extend(admin_tail.iter().map(|&c| Slot::Col(c)));
    plan.apply(&mut admin_slots, true);

    let mut main = MAIN.map(Slot::Col).to_vec();
    plan.apply(&mut main, false);
    let mut tables = Vec::new();
    match mode {
        AdminMode::SameColumns => {
            let mut all = rows.function;
            all.extend(rows.admin);
            tables.push(Table { heading, pages: pages(dice, all, &main, false, wishes) });
        }
        AdminMode::OwnHeader => {
            wishes.applied(V::AdminOwnHeader);
            let mut p = pages(dice, rows.function, &main, false, wishes);
            p.extend(pages(dice, rows.admin, &admin_slots, true, wishes));
            tables.push(Table { heading, pages: p });
        }
        AdminMode::SeparateTable => {
            wishes.applied(V::AdminSeparateTable);
            tables.push(Table { heading, pages: pages(dice, rows.function, &main, false, wishes) });
            tables.push(Table { heading: admin_heading, pages: pages(dice, rows.admin, &admin_slots, true, wishes) });
        }
    }
    let bias = if dice.chance(0.4) {
        LabelBias { first: 1, middle: 6, last: 1 }
    } else {
        LabelBias { first: 1 + dice.below(4) as u32, middle: 1 + dice.below(4) as u32, last: 1 + dice.below(4) as u32 }
    };
    for table in &mut tables {
        labels(dice, c, table, bias, wishes);
        split_primary(dice, table, wishes);
        between_pages(dice, table, wishes);
        shifts(dice, table, wishes);
    }
    tables
}

/// Breaks `rows` into pages laid out on `base` (with per-page swaps and pads).
fn pages(dice: &mut Dice, rows: Vec<Row>, base: &[Slot], admin: bool, wishes: &mut Wishes) -> Vec<Page> {
    let mut out: Vec<Page> = Vec::new();
    let mut current: Vec<Row> = Vec::new();
    let mut size = dice.range(3, 9);
    for row in rows {
        let breakable = match row.kind {
            Kind::Continuation => {
                let allowed = wishes.wants(V::BreakBeforeContinuation) && dice.chance(0.3);
                if allowed && current.len() >= size {
                    wishes.applied(V::BreakBeforeContinuation);
                }
                allowed
            }
            _ => true,
        };
        // A category or group row heads the rows after it on its page.
        let breakable = breakable && current.last().is_none_or(|r| r.kind != Kind::Banner);
        if breakable && current.len() >= size {
            out.push(page(dice, std::mem::take(&mut current), base, admin, wishes));
            size = dice.range(3, 9);
        }
        current.push(row);
    }
    if !current.is_empty() || out.is_empty() {
        out.push(page(dice, current, base, admin, wishes));
    }
    out
}

fn page(dice: &mut Dice, rows: Vec<Row>, base: &[Slot], admin: bool, wishes: &mut Wishes) -> Page {
    let mut slots = base.to_vec();
    if wishes.wants(V::ColumnsSwapped) && dice.chance(0.4) {
        let w = slots.iter().position(|s| *s == Slot::Col(Col::Weight));
        let d = slots.iter().position(|s| *s == Slot::Col(Col::Deadline));
        if let (Some(w), Some(d)) = (w, d) {
            slots.swap(w, d);
            wishes.applied(V::ColumnsSwapped);
        }
    }
    if wishes.wants(V::ExtraEmptyColumn) && dice.chance(0.3) {
        let after = *dice.pick(&[Col::Secondary, Col::Persons, Col::Id]);
        if let Some(k) = slots.iter().position(|s| *s == Slot::Col(after)) {
            slots.insert(k + 1, Slot::Pad);
            wishes.applied(V::ExtraEmptyColumn);
        }
    }
    let spaced_header = wishes.wants(V::HeaderSpaced) && dice.chance(0.5);
    if spaced_header {
        wishes.applied(V::HeaderSpaced);
    }
    Page { before: Vec::new(), slots, admin_header: admin, spaced_header, rows }
}

/// The header lines of a page.
pub fn header(page: &Page, words: &Words) -> Vec<Vec<String>> {
    let word = |c: Col| -> &'static str {
        match c {
            Col::Cat => "项目",
            Col::Group => "",
            Col::Id => "序号",
            Col::Basis => "文件依据",
            Col::Primary => "一级指标",
            Col::Secondary if page.admin_header => "目标内容",
            Col::Secondary => "二级指标",
            Col::Weight => words.weight,
            Col::Deadline => words.deadline,
            Col::Leaders => "分管领导",
            Col::Units => words.unit,
            Col::Persons => "责任人",
            Col::Remarks => "备注",
            Col::Scoring => words.scoring,
            Col::Points => words.points,
        }
    };
    let has_cat = page.slots.contains(&Slot::Col(Col::Cat));
    let label = |c: Col| -> String {
        let w = if c == Col::Group && !has_cat { "项目" } else { word(c) };
        if page.spaced_header {
            breakage::spaced(w)
        } else {
            w.to_string()
        }
    };
    if page.admin_header || !words.two_rows {
        return vec![page.slots.iter().map(|s| if let Slot::Col(c) = s { label(*c) } else { String::new() }).collect()];
    }
    // Two rows: spanning labels on top, column labels below; a column that is alone in its
    // group prints its own label on top.
    let group_of = |s: &Slot| -> Option<&'static str> {
        match s {
            Slot::Col(Col::Cat | Col::Group) => Some("项目"),
            Slot::Col(Col::Id | Col::Basis | Col::Primary | Col::Points | Col::Secondary | Col::Weight) => Some("目标内容"),
            Slot::Col(Col::Leaders | Col::Units | Col::Persons) => Some("责任分解"),
            _ => None,
        }
    };
    let mut top = Vec::new();
    let mut low = Vec::new();
    for (k, s) in page.slots.iter().enumerate() {
        let g = group_of(s);
        let prev = k.checked_sub(1).and_then(|p| page.slots.get(p)).and_then(group_of);
        let next = page.slots.get(k + 1).and_then(group_of);
        let Slot::Col(c) = s else {
            top.push(String::new());
            low.push(String::new());
            continue;
        };
        match g {
            Some(name) if prev == Some(name) || next == Some(name) => {
                let spaced = if page.spaced_header { breakage::spaced(name) } else { name.to_string() };
                top.push(if prev == Some(name) { String::new() } else { spaced });
                low.push(if matches!(c, Col::Cat | Col::Group) { String::new() } else { label(*c) });
            }
            _ => {
                top.push(label(*c));
                low.push(String::new());
            }
        }
    }
    vec![top, low]
}

/// The label of a category or group, as its first part prints it.
fn label_text(c: &Content, category: Option<Category>, group: Option<usize>, col: Col, wishes: &mut Wishes) -> Option<String> {
    if col == Col::Group {
        let g = group?;
        if g >= 100 {
            let group = c.admin_groups.get(g - 100)?;
            let points = wishes.wants(V::GroupPoints) || c.admin_numbering == AdminNumbering::Continuous;
            if points {
                wishes.applied(V::GroupPoints);
                return Some(format!("{}（{}分）", group.name, group.points().printed()));
            }
            return Some(group.name.clone());
        }
        let group = c.groups.get(g)?;
        if wishes.wants(V::GroupPoints) {
            wishes.applied(V::GroupPoints);
            return Some(format!("{}（{}分）", group.name, group.points().printed()));
        }
        return Some(group.name.clone());
    }
    let (name, points) = match category? {
        Category::Function => ("职能工作目标".to_string(), c.function_points),
        Category::Admin => ("行政能力目标".to_string(), c.admin_points),
        Category::Extra(k) => {
            let e = c.extras.get(k)?;
            (e.name.clone(), e.row.weight)
        }
    };
    if wishes.wants(V::CategoryPoints) {
        wishes.applied(V::CategoryPoints);
        let form = if points.0 % 3 == 0 { format!("{name}（{}分）", points.printed()) } else { format!("{name}{}分", points.printed()) };
        return Some(form);
    }
    Some(name)
}

/// The span a row belongs to in a label column: `(kind, index)`. Without a category column
/// the extra categories (文明创建…) print in the group column.
fn span_key(row: &Row, col: Col, has_cat: bool) -> Option<(u8, usize)> {
    if !matches!(row.kind, Kind::Leaf | Kind::Continuation) {
        return None;
    }
    match (col, row.category?) {
        (Col::Cat, Category::Function) => Some((0, 0)),
        (Col::Cat, Category::Admin) => Some((1, 0)),
        (Col::Cat, Category::Extra(k)) => Some((2, k)),
        (Col::Group, Category::Extra(k)) => (!has_cat).then_some((2, k)),
        (Col::Group, _) => row.group.map(|g| (3, g)),
        _ => None,
    }
}

/// Prints the 项目 labels on every page's part of their spans.
fn labels(dice: &mut Dice, c: &Content, table: &mut Table, bias: LabelBias, wishes: &mut Wishes) {
    let mut seen: Vec<((u8, usize), usize)> = Vec::new();
    let page_count = table.pages.len();
    for p in 0..page_count {
        let Some(page) = table.pages.get_mut(p) else { continue };
        let has_cat = page.slots.contains(&Slot::Col(Col::Cat));
        let has_group = page.slots.contains(&Slot::Col(Col::Group));
        let mut paragraph_used = false;
        for col in [Col::Cat, Col::Group] {
            if (col == Col::Cat && !has_cat) || (col == Col::Group && !has_group) {
                continue;
            }
            // Runs of rows with the same key.
            let mut k = 0;
            while k < page.rows.len() {
                let key = page.rows.get(k).and_then(|r| span_key(r, col, has_cat));
                let mut end = k + 1;
                while key.is_some() && page.rows.get(end).is_some_and(|r| span_key(r, col, has_cat) == key) {
                    end += 1;
                }
                let Some(key) = key else {
                    k = end;
                    continue;
                };
                let part = match seen.iter_mut().find(|(s, _)| *s == key) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        seen.push((key, 1));
                        1
                    }
                };
                let Some((category, group)) = page.rows.get(k).map(|r| (r.category, r.group)) else { break };
                let label_col = if col == Col::Group && matches!(category, Some(Category::Extra(_))) { Col::Cat } else { col };
                let Some(mut text) = label_text(c, category, group, label_col, wishes) else {
                    k = end;
                    continue;
                };
                if part > 1 && wishes.wants(V::LabelPageSuffix) && dice.chance(0.6) {
                    wishes.applied(V::LabelPageSuffix);
                    let suffix = if dice.chance(0.5) { "（续）".to_string() } else { format!("（{}）", chinese_number(part)) };
                    text.push_str(&suffix);
                }
                // A label as a line between page blocks, heading the rows it spans.
                if p > 0 && k == 0 && part == 1 && !paragraph_used && wishes.wants(V::LabelParagraph) && dice.chance(0.6) {
                    wishes.applied(V::LabelParagraph);
                    paragraph_used = true;
                    page.before.push(text);
                    k = end;
                    continue;
                }
                if let Some(part_rows) = page.rows.get_mut(k..end) {
                    place_label(dice, part_rows, col, &text, bias, wishes);
                }
                k = end;
            }
        }
    }
}

/// Puts one label into its part of a span.
fn place_label(dice: &mut Dice, rows: &mut [Row], col: Col, text: &str, bias: LabelBias, wishes: &mut Wishes) {
    let n = rows.len();
    let leaves: Vec<usize> = (0..n).filter(|&k| rows.get(k).is_some_and(|r| r.kind == Kind::Leaf)).collect();
    if leaves.is_empty() {
        return;
    }
    if n >= 2 && wishes.wants(V::LabelFragments) && dice.chance(0.5) {
        let chars: Vec<char> = text.chars().collect();
        let pieces = dice.range(2, 4).min(n).min(chars.len());
        if pieces >= 2 {
            wishes.applied(V::LabelFragments);
            let start = match dice.weighted(&[(bias.first, 0), (bias.middle, 1), (bias.last, 2)]) {
                0 => 0,
                1 => (n - pieces) / 2,
                _ => n - pieces,
            };
            let per = chars.len().div_ceil(pieces);
            for (i, chunk) in chars.chunks(per.max(1)).enumerate() {
                if let Some(row) = rows.get_mut(start + i) {
                    row.set(col, chunk.iter().collect::<String>());
                }
            }
            return;
        }
    }
    let printed = if wishes.wants(V::LabelSpaced) && dice.chance(0.5) {
        wishes.applied(V::LabelSpaced);
        breakage::spaced(text)
    } else {
        text.to_string()
    };
    let (which, v) = match dice.weighted(&[(bias.first, 0), (bias.middle, 1), (bias.last, 2)]) {
        0 => (leaves.first(), V::LabelFirst),
        1 => (leaves.get((leaves.len() - 1) / 2), V::LabelMiddle),
        _ => (leaves.last(), V::LabelLast),
    };
    if let Some(row) = which.and_then(|&k| rows.get_mut(k)) {
        row.set(col, printed);
        wishes.applied(v);
    }
}

/// Splits a 一级指标 over a page break inside its indicator.
fn split_primary(dice: &mut Dice, table: &mut Table, wishes: &mut Wishes) {
    if !wishes.wants(V::PrimarySplitPage) {
        return;
    }
    for p in 0..table.pages.len().saturating_sub(1) {
        let last = table.pages.get(p).and_then(|pg| pg.rows.last()).filter(|r| r.kind == Kind::Leaf).and_then(|r| r.indicator);
        let next = table.pages.get(p + 1).and_then(|pg| pg.rows.first()).filter(|r| r.kind == Kind::Leaf).and_then(|r| r.indicator);
        let (Some(ind), Some(next)) = (last, next) else { continue };
        if ind != next || !dice.chance(0.7) {
            continue;
        }
        // The indicator's primary must sit whole on one of its rows.
        let rows_of = |t: &Table| -> Vec<(usize, usize)> {
            t.pages.iter().enumerate().flat_map(|(pi, pg)| pg.rows.iter().enumerate().filter(|(_, r)| r.indicator == Some(ind) && !r.cell(Col::Primary).is_empty()).map(move |(ri, _)| (pi, ri))).collect()
        };
        let hosts = rows_of(table);
        let [(hp, hr)] = hosts.as_slice() else { continue };
        let Some(text) = table.pages.get(*hp).and_then(|pg| pg.rows.get(*hr)).map(|r| r.cell(Col::Primary).to_string()) else { continue };
        if table.pages.get(*hp).and_then(|pg| pg.rows.get(*hr)).is_some_and(|r| r.kind != Kind::Leaf) {
            continue;
        }
        let Some(cut) = breakage::wrap_cut(dice, &text, 4) else { continue };
        let (head, tail) = text.split_at(cut);
        if let Some(r) = table.pages.get_mut(*hp).and_then(|pg| pg.rows.get_mut(*hr)) {
            r.set(Col::Primary, "");
        }
        if let Some(r) = table.pages.get_mut(p).and_then(|pg| pg.rows.last_mut()) {
            r.set(Col::Primary, head.to_string());
        }
        if let Some(r) = table.pages.get_mut(p + 1).and_then(|pg| pg.rows.first_mut()) {
            r.set(Col::Primary, tail.to_string());
        }
        wishes.applied(V::PrimarySplitPage);
    }
}

/// Page numbers and 抄送 lines between page blocks.
fn between_pages(dice: &mut Dice, table: &mut Table, wishes: &mut Wishes) {
    let first_number = dice.range(3, 9);
    for (p, page) in table.pages.iter_mut().enumerate().skip(1) {
        let mut lines = Vec::new();
        if wishes.wants(V::PageNumbers) {
            wishes.applied(V::PageNumbers);
            let n = first_number + p;
            lines.push(match dice.below(3) {
                0 => format!("— {n} —"),
                1 => format!("-{n}-"),
                _ => format!("第{n}页"),
            });
        }
        if wishes.wants(V::CcBetweenPages) && dice.chance(0.3) {
            wishes.applied(V::CcBetweenPages);
            lines.push("抄送：本局领导班子成员。".to_string());
        }
        lines.append(&mut page.before);
        page.before = lines;
    }
}

/// Rows that lost or gained a cell, stray leading TABs, trailing empty cells.
fn shifts(dice: &mut Dice, table: &mut Table, wishes: &mut Wishes) {
    for page in &mut table.pages {
        let before_id: Vec<Col> = page.slots.iter().take_while(|s| **s != Slot::Col(Col::Id)).filter_map(|s| if let Slot::Col(c) = s { Some(*c) } else { None }).collect();
        for row in &mut page.rows {
            if row.kind == Kind::Leaf && !row.content_merged && wishes.wants(V::CellsShifted) && dice.chance(0.12) {
                let empty_before_id = before_id.iter().any(|c| row.cell(*c).is_empty());
                let full_after = [Col::Deadline, Col::Leaders, Col::Units, Col::Persons].iter().all(|c| !row.cell(*c).is_empty());
                if empty_before_id && (dice.chance(0.5) || !full_after) {
                    row.shift = Shift::LoseBeforeId;
                    wishes.applied(V::CellsShifted);
                } else if full_after {
                    row.shift = Shift::GainAfterWeight;
                    wishes.applied(V::CellsShifted);
                }
            }
            if row.kind == Kind::Leaf && row.shift == Shift::None && wishes.wants(V::StrayLeadingTab) && dice.chance(0.1) {
                row.leading_tab = true;
                wishes.applied(V::StrayLeadingTab);
            }
            if wishes.wants(V::TrailingCells) && dice.chance(0.2) {
                row.trailing = dice.range(1, 3);
                wishes.applied(V::TrailingCells);
            }
        }
    }
}
