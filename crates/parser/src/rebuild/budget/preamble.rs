//! The rows above a budget-target table's header: 部门名称, 部门整体预算总额, 资金来源 with its
//! numbered items, 资金结构 (基本支出, 项目支出) and the 战略目标 paragraph.
//!
//! The form prints them as label cells each followed by its value, two sections side by side
//! (`1. 资金来源：（1）财政拨款 | 5364万元 | 2. 资金结构：（1）基本支出 | 714万元`), the second
//! item of each section on the next row in the same column. An item belongs to the section
//! whose label stands nearest to its left in the rows so far; an amount belongs to the item
//! right before it on its row. An item with no amount after it (`（2）其他资金`) has none.
//!
//! Editions vary: each label on a row of its own (`资金来源 | （1）财政拨款 | 32297万元 |
//! （2）事业收入 | 677万元`), sources other than the template's (上级补助收入, 单位自有资金:
//! any name of money, numbered or followed by an amount, under a section label), and a
//! 战略目标 whose text wraps onto the next row (a row without any label continues it).

use crate::grid::GridRow;
use crate::rebuild::row::PlacedCell;
use once_cell::sync::Lazy;
use regex::Regex;
use zhibiao_model::{Budget, FundSource};
use zhibiao_normalize::quantity::parse_quantity;
use zhibiao_normalize::text::{fold_text, squash};

/// What the preamble says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preamble {
    pub department: Option<String>,
    pub budget: Option<Budget>,
    pub strategy: Option<String>,
    /// Cells nothing above could read, with their lines.
    pub unread: Vec<(PlacedCell, u32)>,
}

static AMOUNT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|亿元|千元|元)$").expect("valid regex"));
/// `1. 资金来源：（1）财政拨款` → section 资金来源, item 财政拨款; `（2）其他资金` → item only.
static ITEM: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[0-9一二三四五六七八九十]+[.、．]?)?(?:(资金来源|资金结构)[:：]?)?(?:[(（][0-9一二三四五六七八九十]+[)）])?(.*)$")
        .expect("valid regex")
});

/// An amount at the end of an item's cell.
static TRAILING_AMOUNT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(.*?)([0-9][0-9,]*(?:\.[0-9]+)?(?:万元|亿元|千元|元))$").expect("valid regex"));
/// `填报单位（盖章）：…`, `单位名称：…`.
static UNIT_CELL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:填报单位|填表单位|编制单位|单位)(?:[(（]盖章[)）])?[:：](.+)$").expect("valid regex"));
/// `填报日期：…`.
static DATE_CELL: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:填报|填表|编制|制表)?日期[:：]").expect("valid regex"));

/// Names of money: what a 资金来源 or 资金结构 item is called.
static MONEY_NAME: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:收入|资金|拨款|经费|支出|补助|结转|结余)$").expect("valid regex"));

#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    Sources,
    Structure,
}

/// What a cell is, read on its own.
enum Label {
    Department,
    Total,
    Strategy,
    /// A section label on its own (`资金来源`), its items in the cells after or below it.
    Section(Section),
    /// An item of a section (the section named in the cell, if any) with its name.
    Item(Option<Section>, String),
    /// `填报单位：…`: the unit the table is for.
    Unit(String),
    /// `填报日期：…`.
    Date,
}

/// Item names that say their section without a label: the expenditure kinds, and the usual
/// funding sources of the template.
const STRUCTURE_ITEMS: [&str; 2] = ["基本支出", "项目支出"];
const SOURCE_ITEMS: [&str; 10] =
    ["财政拨款", "其他资金", "财政资金", "一般公共预算", "政府性基金", "专户管理资金", "事业收入", "经营收入", "上级补助", "其他收入"];

/// `财政拨款5000万元` → (`财政拨款`, `5000万元`): an item that prints its amount in its cell.
fn split_amount(name: &str) -> (String, Option<String>) {
    match TRAILING_AMOUNT.captures(name) {
        Some(c) => match (c.get(1), c.get(2)) {
            (Some(n), Some(a)) if !n.as_str().is_empty() => (n.as_str().to_string(), Some(a.as_str().to_string())),
            _ => (name.to_string(), None),
        },
        None => (name.to_string(), None),
    }
}

fn label(text: &str) -> Option<Label> {
    let s = squash(&fold_text(text));
    // `填报单位（盖章）：河南省林业局`: the unit the table is for; `填报日期：…`: its date.
    if let Some(c) = UNIT_CELL.captures(&s) {
        return c.get(1).map(|m| Label::Unit(m.as_str().to_string()));
    }
    if DATE_CELL.is_match(&s) {
        return Some(Label::Date);
    }
    match s.as_str() {
        "部门名称" | "单位名称" => return Some(Label::Department),
        "部门整体预算总额" | "预算总额" | "部门预算总额" | "整体预算总额" => return Some(Label::Total),
        "战略目标" | "部门战略目标" => return Some(Label::Strategy),
        _ => {}
    }
    let caps = ITEM.captures(&s)?;
    let section = caps.get(1).map(|m| if m.as_str() == "资金来源" { Section::Sources } else { Section::Structure });
    let numbered = s.starts_with(['(', '（']) || section.is_some();
    let name = caps.get(2).map(|m| m.as_str().to_string()).unwrap_or_default();
    let known = if STRUCTURE_ITEMS.iter().any(|i| name.starts_with(i)) {
        Some(Section::Structure)
    } else if SOURCE_ITEMS.iter().any(|i| name.starts_with(i)) {
        Some(Section::Sources)
    } else {
        None
    };
    match (section, name.is_empty()) {
        (Some(s), true) => Some(Label::Section(s)),
        _ if name.is_empty() => None,
        _ if numbered => Some(Label::Item(section.or(known), name)),
        _ if known.is_some() => known.map(|k| Label::Item(Some(k), name)),
        // An unnumbered name of money (`单位自有资金`, `上年结转收入`): an item of the section
        // whose label stands to its left.
        _ if MONEY_NAME.is_match(&split_amount(&name).0) && name.chars().count() <= 24 => Some(Label::Item(None, name)),
        _ => None,
    }
}

fn is_amount(text: &str) -> bool {
    AMOUNT.is_match(&squash(&fold_text(text)))
}

/// Reads the preamble rows.
pub fn read_preamble(rows: &[GridRow]) -> Preamble {
    let mut out = Preamble::default();
    let mut budget = Budget::default();
    let mut seen_budget = false;
    // Columns where each section's label stands.
    let mut sections: Vec<(usize, Section)> = Vec::new();
    // The strategy is still open: the row above was its row (or a row continuing it).
    let mut strategy_open = false;
    for row in rows {
        let line = row.pos.line;
        let filled: Vec<usize> = row.filled().collect();
        // A row without any label under the 战略目标 row is its text wrapped onto a row of its
        // own.
        if strategy_open && !filled.is_empty() && filled.iter().all(|&c| label(row.cell(c)).is_none() && !is_amount(row.cell(c))) {
            let more: Vec<&str> = filled.iter().map(|&c| row.cell(c)).collect();
            let joined = format!("{}{}", out.strategy.take().unwrap_or_default(), fold_text(&more.concat()));
            out.strategy = Some(fold_text(&joined));
            continue;
        }
        strategy_open = false;
        let mut k = 0;
        while let Some(&col) = filled.get(k) {
            let text = row.cell(col);
            let next = filled.get(k + 1).map(|&c| (c, row.cell(c)));
            k += 1;
            match label(text) {
                Some(Label::Department) => {
                    if let Some((_, v)) = next.filter(|(_, v)| label(v).is_none()) {
                        out.department = Some(fold_text(v));
                        k += 1;
                    }
                }
                Some(Label::Total) => {
                    seen_budget = true;
                    budget.line.get_or_insert(line);
                    if let Some((_, v)) = next.filter(|(_, v)| is_amount(v)) {
                        budget.total = Some(fold_text(v));
                        k += 1;
                    }
                }
                Some(Label::Strategy) => {
                    // The rest of the row is the strategy text, split over cells by the OCR.
                    let rest: Vec<&str> = filled.iter().skip(k).map(|&c| row.cell(c)).collect();
                    let text = fold_text(&rest.concat());
                    out.strategy = (!text.is_empty()).then_some(text);
                    strategy_open = true;
                    k = filled.len();
                }
                Some(Label::Section(s)) => {
                    sections.retain(|&(c, _)| c != col);
                    sections.push((col, s));
                }
                Some(Label::Item(named, name)) => {
                    seen_budget = true;
                    budget.line.get_or_insert(line);
                    if let Some(s) = named {
                        sections.retain(|&(c, _)| c != col);
                        sections.push((col, s));
                    }
                    let section = named.or_else(|| sections.iter().filter(|&&(c, _)| c <= col).max_by_key(|&&(c, _)| c).map(|&(_, s)| s));
                    // The amount in the item's own cell (`（1）财政拨款 5000万元`), else in
                    // the next cell.
                    let (name, own) = split_amount(&name);
                    let amount = match own {
                        Some(a) => Some(a),
                        None => {
                            let a = next.filter(|(_, v)| is_amount(v)).map(|(_, v)| fold_text(v));
                            if a.is_some() {
                                k += 1;
                            }
                            a
                        }
                    };
                    let name = fold_text(&name);
                    match section {
                        Some(Section::Structure) if name.contains("基本支出") => budget.basic = amount,
                        Some(Section::Structure) if name.contains("项目支出") => budget.project = amount,
                        Some(Section::Sources) => budget.sources.push(FundSource { name, amount, amount_value: None }),
                        _ => out.unread.push((PlacedCell::at(row, col), line)),
                    }
                }
                Some(Label::Unit(name)) => {
                    out.department.get_or_insert(name);
                }
                // The table date is the notice's to read.
                Some(Label::Date) => {}
                None => out.unread.push((PlacedCell::at(row, col), line)),
            }
        }
    }
    if seen_budget {
        let parse = |v: &Option<String>| v.as_deref().and_then(parse_quantity);
        budget.total_value = parse(&budget.total);
        budget.basic_value = parse(&budget.basic);
        budget.project_value = parse(&budget.project);
        for s in &mut budget.sources {
            s.amount_value = parse(&s.amount);
        }
        out.budget = Some(budget);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Cell, SourcePos};

    fn row(line: u32, cells: &[&str]) -> GridRow {
        GridRow::new(cells.iter().map(|c| Cell::text(*c)).collect(), SourcePos { line, page: None })
    }

    #[test]
    fn the_linyi_budget_header() {
        let rows = [
            row(5, &["部门名称", "", "临沂市科学技术局", "部门整体预算总额", "5364万元", "", "1. 资金来源：（1）财政拨款", "", "5364万元", "", "2. 资金结构：（1）基本支出", "", "714万元"]),
            row(6, &["", "", "", "", "", "", "（2）其他资金", "", "", "", "（2）项目支出", "", "4650万元"]),
            row(7, &["战略目标", "", "根据《规划》，到“十三", "五”末，进入创新型城市行列。"]),
        ];
        let p = read_preamble(&rows);
        assert_eq!(p.department.as_deref(), Some("临沂市科学技术局"));
        let b = p.budget.expect("a budget");
        assert_eq!(b.total.as_deref(), Some("5364万元"));
        assert_eq!(b.basic.as_deref(), Some("714万元"));
        assert_eq!(b.project.as_deref(), Some("4650万元"));
        assert_eq!(b.line, Some(5));
        let sources: Vec<(&str, Option<&str>)> = b.sources.iter().map(|s| (s.name.as_str(), s.amount.as_deref())).collect();
        assert_eq!(sources, [("财政拨款", Some("5364万元")), ("其他资金", None)]);
        assert_eq!(p.strategy.as_deref(), Some("根据《规划》，到“十三五”末，进入创新型城市行列。"));
        assert!(p.unread.is_empty(), "{:?}", p.unread);
    }

    #[test]
    fn bare_labels_and_items_without_numbers() {
        let rows = [
            row(2, &["预算总额", "800万元", "资金来源", "财政拨款", "700万元", "其他资金", "100万元"]),
            row(3, &["基本支出", "300万元", "项目支出", "500万元"]),
        ];
        let b = read_preamble(&rows).budget.expect("a budget");
        assert_eq!(b.total.as_deref(), Some("800万元"));
        assert_eq!((b.basic.as_deref(), b.project.as_deref()), (Some("300万元"), Some("500万元")));
        let sources: Vec<(&str, Option<&str>)> = b.sources.iter().map(|s| (s.name.as_str(), s.amount.as_deref())).collect();
        assert_eq!(sources, [("财政拨款", Some("700万元")), ("其他资金", Some("100万元"))]);
    }

    #[test]
    fn unknown_cells_are_kept_for_the_report() {
        let p = read_preamble(&[row(3, &["填表人", "张三"])]);
        assert_eq!(p.unread.len(), 2);
        assert!(p.budget.is_none());
    }

    #[test]
    fn each_label_on_a_row_of_its_own_with_sources_of_other_names() {
        let rows = [
            row(2, &["部门名称", "德阳市文化和旅游局"]),
            row(3, &["部门整体预算总额", "32974万元"]),
            row(4, &["资金来源", "（1）财政拨款", "32297万元", "（2）事业收入", "677万元"]),
            row(5, &["资金结构", "（1）基本支出", "3539万元", "（2）项目支出", "29435万元"]),
            row(6, &["战略目标", "根据规划，到“十四五”末，"]),
            // The strategy wraps onto a row of its own.
            row(7, &["", "为经济社会高质量发展提供有力支撑。"]),
        ];
        let p = read_preamble(&rows);
        assert_eq!(p.department.as_deref(), Some("德阳市文化和旅游局"));
        let b = p.budget.expect("a budget");
        assert_eq!(b.total.as_deref(), Some("32974万元"));
        assert_eq!((b.basic.as_deref(), b.project.as_deref()), (Some("3539万元"), Some("29435万元")));
        let sources: Vec<(&str, Option<&str>)> = b.sources.iter().map(|s| (s.name.as_str(), s.amount.as_deref())).collect();
        assert_eq!(sources, [("财政拨款", Some("32297万元")), ("事业收入", Some("677万元"))]);
        assert_eq!(p.strategy.as_deref(), Some("根据规划，到“十四五”末，为经济社会高质量发展提供有力支撑。"));
        assert!(p.unread.is_empty(), "{:?}", p.unread);
    }

    #[test]
    fn an_unnumbered_name_of_money_is_an_item_of_its_section() {
        let rows = [row(2, &["资金来源", "财政拨款", "900万元", "单位自有资金", "100万元", "资金结构", "基本支出", "400万元", "项目支出", "600万元"])];
        let b = read_preamble(&rows).budget.expect("a budget");
        let sources: Vec<(&str, Option<&str>)> = b.sources.iter().map(|s| (s.name.as_str(), s.amount.as_deref())).collect();
        assert_eq!(sources, [("财政拨款", Some("900万元")), ("单位自有资金", Some("100万元"))]);
        assert_eq!((b.basic.as_deref(), b.project.as_deref()), (Some("400万元"), Some("600万元")));
    }
}

