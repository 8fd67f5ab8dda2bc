//! The expected document, built from the clean content with the model types, so the gold has
//! exactly the output's shape: one record per leaf row, every merged value on every row it
//! spans, texts as a careful reader writes them down (wrap spaces gone, full-width punctuation),
//! the 合计/小计 rows as declared totals and the grand total row not.

use zhibiao_model::{DeclaredTotal, Document, Format, Notice, Record, Records, Source, Table, TableKind, SCHEMA_VERSION};

use super::content::{Content, Halves, Leaf};
use super::notice::Titles;
use super::rows::AdminMode;

/// Removes white space except between two ASCII letters or digits (`中共X市委 X市人民政府`
/// → `中共X市委X市人民政府`), as the schema's text folding does.
pub fn gold_text(s: &str) -> String {
    if !s.contains(char::is_whitespace) {
        return s.to_string();
    }
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    for (k, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = out.chars().last();
            let after = chars.iter().skip(k + 1).find(|c| !c.is_whitespace());
            let keep = before.is_some_and(|b| b.is_ascii_alphanumeric()) && after.is_some_and(|a| a.is_ascii_alphanumeric()) && !out.ends_with(' ');
            if keep {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn record(id: String, category: &str, group: Option<&str>, leaf: &Leaf) -> Record {
    Record {
        id,
        category: Some(category.to_string()),
        group: group.map(str::to_string),
        basis: Vec::new(),
        primary: None,
        primary_points: None,
        secondary: Some(gold_text(&leaf.secondary)),
        weight: Some(leaf.weight.value()),
        deadline: Some(leaf.deadline.text.clone()),
        deadline_month: leaf.deadline.month,
        leaders: leaf.resp.leaders.clone(),
        units: leaf.resp.units.iter().map(|u| gold_text(u)).collect(),
        persons: leaf.resp.persons.clone(),
        remarks: leaf.remarks.as_deref().map(gold_text),
        confidence: Default::default(),
        provenance: Default::default(),
    }
}

/// The printed id of target `j` of indicator `i` of function group `g` (all from 0): `1-3-2`,
/// or `1-3` for a single-target indicator printed with a two-part id.
pub fn leaf_id(g: usize, i: usize, j: usize, two_part: bool) -> String {
    if two_part {
        format!("{}-{}", g + 1, i + 1)
    } else {
        format!("{}-{}-{}", g + 1, i + 1, j + 1)
    }
}

/// The function records, then the administrative and extra ones.
fn records(c: &Content) -> (Vec<Record>, Vec<Record>) {
    let mut function = Vec::new();
    for (g, group) in c.groups.iter().enumerate() {
        for (i, ind) in group.indicators.iter().enumerate() {
            let basis: Vec<String> = ind.basis.iter().map(|b| gold_text(b)).collect();
            let primary = gold_text(&ind.primary);
            for (j, leaf) in ind.leaves.iter().enumerate() {
                let mut r = record(leaf_id(g, i, j, ind.two_part), "职能工作目标", Some(&group.name), leaf);
                r.basis = basis.clone();
                r.primary = Some(primary.clone());
                r.primary_points = ind.points_shown.then(|| ind.points().value());
                function.push(r);
            }
        }
    }
    let mut admin = Vec::new();
    for (g, r, id) in c.admin_ids() {
        let Some(group) = c.admin_groups.get(g) else { continue };
        let Some(leaf) = group.rows.get(r) else { continue };
        admin.push(record(id, "行政能力目标", Some(&group.name), leaf));
    }
    for (k, extra) in c.extras.iter().enumerate() {
        admin.push(record(c.extra_id(k), &extra.name, None, &extra.row));
    }
    (function, admin)
}

fn table(title: &str, unit: &str, totals: Vec<DeclaredTotal>, records: Vec<Record>) -> Table {
    Table {
        kind: TableKind::PerformanceTargets,
        title: Some(gold_text(title)),
        unit: Some(gold_text(unit)),
        declared_totals: totals,
        budget: None,
        strategy: None,
        records: Records::Performance(records),
        location: None,
    }
}

/// The expected document of file `file`.
pub fn document(file: &str, c: &Content, notice: Notice, titles: &Titles, mode: AdminMode, totals: &[(usize, String, Halves)]) -> Document {
    let (function, admin) = records(c);
    let totals_of = |t: usize| -> Vec<DeclaredTotal> {
        totals.iter().filter(|(k, _, _)| *k == t).map(|(_, label, v)| DeclaredTotal { label: label.clone(), value: v.value(), line: None }).collect()
    };
    let tables = if mode == AdminMode::SeparateTable {
        vec![table(&titles.table, &titles.unit, totals_of(0), function), table(&titles.admin_table, &titles.unit, totals_of(1), admin)]
    } else {
        let mut all = function;
        all.extend(admin);
        vec![table(&titles.table, &titles.unit, totals_of(0), all)]
    };
    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: None,
        source: Source { file: file.to_string(), format: Format::Text, sha256: "not scored".to_string(), encoding: None },
        notice,
        tables,
        issues: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_text_folds_wrap_spaces_only() {
        assert_eq!(gold_text("中共某市委 某市人民政府"), "中共某市委某市人民政府");
        assert_eq!(gold_text("保 税区"), "保税区");
        assert_eq!(gold_text("COVID 19"), "COVID 19");
        assert_eq!(gold_text(" 12 月 "), "12月");
    }
}
