//! 项目 labels: the category (`职能工作目标`) and group (`重点工作目标`, `科学行政`) of each row.
//!
//! Labels are vertically merged cells. Where their text is printed says little: Word centres
//! it, so it sits on the first, a middle or the last row of the rows it spans; OCR breaks it
//! into fragments, spaces it out (`职 能 工 作 目 标 80分`), garbles it (`能 职 能 工 作 目 标`),
//! adds a page suffix (`职能工作目标（二）`), or puts it on a row or a paragraph of its own. So
//! a label is not carried down from where it is printed; the table's structure says which
//! rows it covers:
//!
//! 1. **Reading** ([`read_label`]): each printed label is read against the national template's
//!    vocabulary with a tolerant match, its points split off (`80分`) and its page suffix
//!    dropped. A label of only points names the category declaring those points elsewhere.
//! 2. **Level**: category or group, from the vocabulary; for words outside it, from the
//!    column (the first of two 项目 columns is the category's), the points (a category's
//!    points close a section, a group's are its rows' weights) or the same text elsewhere.
//! 3. **Categories** ([`assign`]): the rows between two 合计/小计 rows, or where the ids change
//!    shape (`1-2-3` → `4-1`), are one section with one category, wherever in it the label is
//!    printed. Two categories printed in one section meet where the ids' first number
//!    changes: where the points say (a category's points are its rows' weights), else where
//!    this table usually prints its labels — a guess, said on the records.
//! 4. **Groups**: rows whose three-part ids share a first number are one group, named by the
//!    label printed on any of them, unless the first number keys a category of its own and
//!    its rows print one group label per second number (`4-2-1`: [`subgroups`]). Two-part ids (`4-1` … `4-18`) may hold several groups
//!    under one first number; their boundaries follow the labels' points the same way.
//!    A group printed nowhere is named by the notice's declared counts when exactly one
//!    declared group has as many first-level indicators; otherwise it stays empty, with a
//!    warning.
//!
//! Every value that did not come from a label on the record's own row or its certain span is
//! marked inferred on the record; a boundary the points could not confirm is marked weak and
//! reported.

mod check;
mod read;
mod subgroups;

use std::collections::HashMap;

use crate::rebuild::row::PlacedCell;
use crate::rebuild::{Draft, Evidence};
pub use read::{is_banner, is_label_piece, is_heading_name, is_vocabulary_label, read_label, Label, LabelKind};
use read::{join_fragments, CATEGORIES};
use zhibiao_model::{DeclaredCount, Issue, Severity};
use zhibiao_normalize::text::squash;

/// Which 项目 column a label was printed in, as far as the row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelColumn {
    /// The first of two 项目 columns.
    Category,
    /// The second of two 项目 columns.
    Group,
    /// One 项目 column, or a row whose cells moved, or a label on a line of its own.
    Unknown,
}

/// A label as printed, and where.
#[derive(Debug, Clone)]
pub struct Sighting {
    /// The draft it was printed on, or, for a label on a row or line of its own, the first
    /// draft after it.
    pub at: usize,
    pub line: u32,
    pub cell: PlacedCell,
    pub column: LabelColumn,
    /// Printed on the record's own row.
    pub own_row: bool,
}

/// The column of each label cell of a record row. With two label cells, the first is the
/// category's; with one, its column says which when the row's id sits where the table's ids
/// usually sit (`usual_id_col`), so no cell was lost or gained before it.
pub fn label_columns(cells: &[PlacedCell], id_col: usize, usual_id_col: Option<usize>) -> Vec<LabelColumn> {
    match cells {
        [_, _] => vec![LabelColumn::Category, LabelColumn::Group],
        [one] if usual_id_col == Some(id_col) && id_col >= 2 => {
            vec![if one.col + 2 <= id_col { LabelColumn::Category } else { LabelColumn::Group }]
        }
        _ => vec![LabelColumn::Unknown; cells.len()],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Category,
    Group,
}

/// A sighting read: its level and name.
#[derive(Debug, Clone)]
struct Seen {
    at: usize,
    line: u32,
    level: Level,
    name: String,
    points: Option<f64>,
    own_row: bool,
}

/// Rows whose ids share a first number: `1-…-…` rows, `4-…` rows.
#[derive(Debug, Clone)]
struct IdBlock {
    start: usize,
    /// Exclusive.
    end: usize,
    first: String,
    three_part: bool,
}

fn id_shape(id: &str) -> (String, bool) {
    let mut parts = id.split('-');
    let first = parts.next().unwrap_or("").to_string();
    (first, id.split('-').count() >= 3)
}

/// Runs of rows whose ids share their first number. A run is three-part when any of its ids
/// is (`1-13-2` … `1-14`: a first-level indicator without leaves stays in its group).
fn id_blocks(drafts: &[Draft]) -> Vec<IdBlock> {
    let mut out: Vec<IdBlock> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let (first, three_part) = id_shape(&d.id);
        match out.last_mut() {
            Some(b) if b.first == first && b.end == i => {
                b.end = i + 1;
                b.three_part |= three_part;
            }
            _ => out.push(IdBlock { start: i, end: i + 1, first, three_part }),
        }
    }
    out
}

fn points_key(p: f64) -> u64 {
    (p * 100.0).round() as u64
}

fn same_points(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// The 项目 labels of one table, assigned to its drafts.
pub struct LabelInput<'a> {
    pub sightings: &'a [Sighting],
    /// Where the 合计/小计 rows stand (number of drafts above each).
    pub total_at: &'a [usize],
    /// The values of those total rows, in the same order.
    pub total_values: &'a [f64],
    /// The counts the notice declares, to name a group printed nowhere.
    pub declared: &'a [DeclaredCount],
    /// The table's title: a table of one category (`…行政能力目标考评表`) may name it only
    /// there.
    pub title: Option<&'a str>,
}

/// Assigns category and group to every draft (see the module doc), with repairs, marks and
/// issues.
pub fn assign(drafts: &mut [Draft], input: &LabelInput<'_>, issues: &mut Vec<Issue>) {
    if drafts.is_empty() {
        return;
    }
    let blocks = id_blocks(drafts);
    let (seen, from_title) = read_sightings(drafts, input, &blocks, issues);
    let convention = Convention::learn(&blocks, &seen);
    let sections = sections(&blocks, input.total_at);

    let mut cat: Vec<Option<(String, Option<Evidence>)>> = vec![None; drafts.len()];
    let block_units: Vec<(usize, usize)> = blocks.iter().map(|b| (b.start, b.end)).collect();
    for &(b0, b1) in &sections {
        let named: Vec<(String, usize, Option<f64>)> = named_in(&seen, Level::Category, &block_units, b0, b1);
        for (name, from, to, ev) in split_runs(&named, b0, b1, &block_units, convention, drafts) {
            for &(a, b) in block_units.get(from..to).unwrap_or(&[]) {
                for slot in cat.get_mut(a..b).unwrap_or(&mut []) {
                    *slot = Some((name.clone(), ev));
                }
            }
        }
    }

    carry_over_subtotals(&mut cat, &blocks, &sections, &seen);
    // Blocks whose first number keys their category: their groups may follow the second.
    let keyed: Vec<bool> = (0..blocks.len()).map(|k| subgroups::keys_its_category(k, &blocks, &cat, &sections)).collect();
    let (mut grp, unnamed) = assign_groups(drafts, &blocks, &seen, convention, &keyed, issues);

    name_unlabelled_groups(drafts, &blocks, &sections, &unnamed, &seen, input.declared, &mut grp, issues);
    if let Some(name) = from_title {
        let rows: Vec<usize> = (0..drafts.len()).filter(|&i| cat.get(i).is_some_and(|c| c.as_ref().is_some_and(|(n, _)| n == name))).collect();
        if let Some(&first) = rows.first() {
            let line = drafts.get(first).map(Draft::line).unwrap_or(0);
            let msg = format!("label_from_title: no label names the category of these rows; the table's title names {name}");
            issues.push(Issue::new(Severity::Info, "label_from_title", msg.clone()).record(drafts.get(first).map(|d| d.id.clone()).unwrap_or_default()).at_line(line));
            for &i in &rows {
                if let Some(slot) = cat.get_mut(i) {
                    *slot = Some((name.to_string(), Some(Evidence::Strong)));
                }
                if let Some(d) = drafts.get_mut(i) {
                    d.repairs.push(msg.clone());
                }
            }
        }
    }
    // Rows no category label covers, in a table that prints categories elsewhere.
    if cat.iter().any(Option::is_some) {
        for blk in &blocks {
            if cat.get(blk.start).is_some_and(Option::is_none) {
                let line = drafts.get(blk.start).map(Draft::line).unwrap_or(0);
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "label_missing",
                        format!("no category label is printed for the rows {}-… or their section; category left empty", blk.first),
                    )
                    .record(blk.first.clone())
                    .at_line(line)
                    .fields(&["category"]),
                );
            }
        }
    }

    for (i, d) in drafts.iter_mut().enumerate() {
        if let Some(Some((name, ev))) = cat.get(i) {
            d.category = Some(name.clone());
            if let Some(ev) = ev {
                d.infer_named("category", *ev);
            }
        }
        if let Some(Some((name, ev))) = grp.get(i) {
            d.group = Some(name.clone());
            if let Some(ev) = ev {
                d.infer_named("group", *ev);
            }
        }
    }
    check::check_points(drafts, &seen, issues);
}

/// Reads every label (pieces joined) and decides its level and name; returns them in
/// printed order, with the category the table's title names when no label does.
fn read_sightings(drafts: &mut [Draft], input: &LabelInput<'_>, blocks: &[IdBlock], issues: &mut Vec<Issue>) -> (Vec<Seen>, Option<&'static str>) {
    let block_of = |i: usize| blocks.iter().position(|b| b.start <= i && i < b.end).unwrap_or(0);
    let block_weight: Vec<f64> = blocks
        .iter()
        .map(|b| {
            let rows = drafts.get(b.start..b.end).unwrap_or(&[]);
            rows.iter().filter_map(|d| d.get(crate::header::Field::Weight)).filter_map(zhibiao_normalize::values::parse_weight).sum()
        })
        .collect();
    // Category names by the points their label declares, so a label of only points reads.
    let mut by_points: HashMap<u64, String> = HashMap::new();
    let joined = join_fragments(input.sightings);
    let readings: Vec<(&Sighting, Label)> = joined.iter().map(|s| (s, read_label(&s.cell))).collect();
    for (_, l) in &readings {
        if let (LabelKind::Category(c), Some(p)) = (&l.kind, l.points) {
            by_points.entry(points_key(p)).or_insert_with(|| c.clone());
        }
    }
    // The level the same printed words have where their column is known.
    let mut known_level: HashMap<String, Level> = HashMap::new();
    for (s, l) in &readings {
        if let LabelKind::Other(t) = &l.kind {
            match s.column {
                LabelColumn::Category => {
                    known_level.insert(t.clone(), Level::Category);
                }
                LabelColumn::Group => {
                    known_level.insert(t.clone(), Level::Group);
                }
                LabelColumn::Unknown => {}
            }
        }
    }

    let mut seen: Vec<Seen> = Vec::new();
    let mut garbled_noted: Vec<String> = Vec::new();
    for (s, l) in &readings {
        let by_pts = l.points.and_then(|p| by_points.get(&points_key(p)));
        let block_weights = block_weight.get(block_of(s.at)).copied();
        let (level, name, note) = match &l.kind {
            LabelKind::Category(c) => (Level::Category, c.clone(), l.garbled.then(|| c.clone())),
            // A group word with a category's points in the category column is the category
            // label garbled: the points say which.
            LabelKind::Group(g) => match by_pts {
                Some(c) if s.column == LabelColumn::Category && l.points.is_some_and(|p| block_weights.is_none_or(|w| !same_points(w, p))) => {
                    (Level::Category, c.clone(), Some(c.clone()))
                }
                _ => (Level::Group, g.clone(), l.garbled.then(|| g.clone())),
            },
            LabelKind::PointsOnly => match by_pts {
                Some(c) => (Level::Category, c.clone(), Some(c.clone())),
                None => continue,
            },
            // Bare digits or brackets are a piece of points, not a name.
            LabelKind::Other(t) if !t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) => continue,
            LabelKind::Other(t) => {
                let total = l.points.is_some_and(|p| input.total_values.iter().any(|&v| same_points(v, p)));
                let level = match s.column {
                    LabelColumn::Category => Level::Category,
                    LabelColumn::Group => Level::Group,
                    LabelColumn::Unknown => match known_level.get(t) {
                        Some(&lv) => lv,
                        None if total => Level::Category,
                        // Outside the vocabulary, the category names are the template's own
                        // and rarely vary; the group names are each agency's.
                        None => Level::Group,
                    },
                };
                (level, t.clone(), None)
            }
        };
        if let Some(word) = note {
            let repair = format!("label_garbled: 项目 label '{}' read as {word}", l.printed);
            if !garbled_noted.contains(&repair) {
                let id = drafts.get(s.at).map(|d| d.id.clone()).unwrap_or_default();
                issues.push(Issue::new(Severity::Info, "label_garbled", repair.clone()).record(id).at_line(s.line));
                garbled_noted.push(repair.clone());
            }
            if let Some(d) = drafts.get_mut(s.at) {
                d.repairs.push(repair);
            }
        }
        seen.push(Seen { at: s.at, line: s.line, level, name, points: l.points, own_row: s.own_row });
    }
    // A table whose title names a category its labels do not (`…行政能力目标考评表`) opens
    // with that category: it covers the rows up to the first category label printed.
    let titled = input.title.map(squash).and_then(|t| CATEGORIES.iter().find(|c| t.contains(*c)).copied());
    let mut from_title: Option<&'static str> = None;
    if let Some(name) = titled.filter(|n| !seen.iter().any(|s| s.level == Level::Category && s.name == *n)) {
        seen.push(Seen { at: 0, line: 0, level: Level::Category, name: name.to_string(), points: None, own_row: false });
        from_title = Some(name);
    }
    seen.sort_by_key(|s| (s.at, s.line));

    (seen, from_title)
}

/// Sections: runs of id blocks between total rows and changes of id shape, as block ranges
/// (end exclusive).
fn sections(blocks: &[IdBlock], total_at: &[usize]) -> Vec<(usize, usize)> {
    let mut sections: Vec<(usize, usize)> = Vec::new(); // block ranges, end exclusive
    for (k, b) in blocks.iter().enumerate() {
        let cut = match (k.checked_sub(1).and_then(|j| blocks.get(j)), sections.last()) {
            (Some(prev), Some(_)) => prev.three_part != b.three_part || total_at.iter().any(|&t| t > prev.start && t <= b.start),
            _ => true,
        };
        if cut {
            sections.push((k, k + 1));
        } else if let Some(last) = sections.last_mut() {
            last.1 = k + 1;
        }
    }
    sections
}

type Assigned = Vec<Option<(String, Option<Evidence>)>>;

/// A section after a subtotal that prints no category label of its own goes on with the
/// category above it, as a merged 项目 cell over 重点 + 小计 + 常规 + 小计 does, or a heading
/// row (`一、职能工作目标`) over everything down to the next heading: inferred, strongly when
/// its group label is one the vocabulary files under that category, weakly otherwise. A
/// change of id shape (three-part to two-part ids) is a new category and stops it.
fn carry_over_subtotals(cat: &mut Assigned, blocks: &[IdBlock], sections: &[(usize, usize)], seen: &[Seen]) {
    for w in sections.windows(2) {
        let [(p0, p1), (b0, b1)] = w else { continue };
        let (Some(prev), Some(first)) = (p1.checked_sub(1).and_then(|k| blocks.get(k)), blocks.get(*b0)) else { continue };
        let Some(last) = blocks.get(b1.saturating_sub(1)) else { continue };
        if prev.three_part != first.three_part || *p0 >= *p1 {
            continue;
        }
        let rows = first.start..last.end;
        if rows.clone().any(|i| cat.get(i).is_some_and(Option::is_some)) {
            continue;
        }
        let Some(Some((name, _))) = cat.get(prev.end.saturating_sub(1)).cloned() else { continue };
        let groups_here: Vec<&str> = seen.iter().filter(|s| s.level == Level::Group && rows.contains(&s.at)).map(|s| s.name.as_str()).collect();
        let filed_under = |g: &str| read::category_of_group(g);
        let ev = if !groups_here.is_empty() && groups_here.iter().all(|g| filed_under(g) == Some(name.as_str())) { Evidence::Strong } else { Evidence::Weak };
        for slot in cat.get_mut(rows).unwrap_or(&mut []) {
            *slot = Some((name.clone(), Some(ev)));
        }
    }
}

/// The group of every row: per id block, the label printed on any of its rows (three-part
/// ids), or split among the labels printed in it (two-part ids). Returns the blocks no group
/// label names.
fn assign_groups(drafts: &[Draft], blocks: &[IdBlock], seen: &[Seen], convention: Convention, keyed: &[bool], issues: &mut Vec<Issue>) -> (Assigned, Vec<usize>) {
    let mut grp: Vec<Option<(String, Option<Evidence>)>> = vec![None; drafts.len()];
    let mut unnamed: Vec<usize> = Vec::new();
    for (k, blk) in blocks.iter().enumerate() {
        let row_units: Vec<(usize, usize)> = (blk.start..blk.end).map(|i| (i, i + 1)).collect();
        let named = named_in(seen, Level::Group, &row_units, 0, row_units.len());
        if named.is_empty() {
            unnamed.push(k);
            continue;
        }
        if blk.three_part {
            // Three-part ids: the first number is the group, whichever of its rows prints it.
            let mut names: Vec<&str> = named.iter().map(|n| n.0.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            if names.len() > 1 && keyed.get(k).copied().unwrap_or(false) && subgroups::assign_by_second_number(drafts, blk, seen, convention, &mut grp, issues).is_some() {
                continue;
            }
            let Some((name, at, _)) = named.first() else { continue };
            let ev = (names.len() > 1).then_some(Evidence::Weak);
            for slot in grp.get_mut(blk.start..blk.end).unwrap_or(&mut []) {
                *slot = Some((name.clone(), ev));
            }
            if names.len() > 1 {
                let line = drafts.get(blk.start + at).map(Draft::line).unwrap_or(0);
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "label_conflict",
                        format!("the rows {}-… print {} different group labels ({}); read as '{name}'", blk.first, names.len(), names.join(", ")),
                    )
                    .record(blk.first.clone())
                    .at_line(line)
                    .fields(&["group"]),
                );
            }
            continue;
        }
        // Two-part ids: several groups may share the first number.
        let rows = drafts.get(blk.start..blk.end).unwrap_or(&[]);
        for (name, from, to, ev) in split_runs(&named, 0, row_units.len(), &row_units, convention, drafts) {
            for slot in grp.get_mut(blk.start + from..blk.start + to).unwrap_or(&mut []) {
                *slot = Some((name.clone(), ev));
            }
            if ev == Some(Evidence::Weak) {
                let ids: Vec<String> = rows.get(from..to).unwrap_or(&[]).iter().map(|d| d.id.clone()).collect();
                let line = rows.get(from).map(Draft::line).unwrap_or(0);
                for id in &ids {
                    issues.push(
                        Issue::new(
                            Severity::Warning,
                            "label_boundary_guessed",
                            format!("where the group '{name}' begins and ends among the rows {} is a guess: its label's points do not decide it", ids.join(", ")),
                        )
                        .record(id.clone())
                        .at_line(line)
                        .fields(&["group"]),
                    );
                }
            }
        }
    }
    (grp, unnamed)
}

/// Groups printed nowhere: named by the notice's declared counts when exactly one declared
/// group has this many first-level indicators and names no other rows; else reported when
/// their section's other blocks have groups.
#[allow(clippy::too_many_arguments)]
fn name_unlabelled_groups(
    drafts: &mut [Draft],
    blocks: &[IdBlock],
    sections: &[(usize, usize)],
    unnamed: &[usize],
    seen: &[Seen],
    declared: &[DeclaredCount],
    grp: &mut Assigned,
    issues: &mut Vec<Issue>,
) {
    let mut used_names: Vec<String> = seen.iter().filter(|s| s.level == Level::Group).map(|s| s.name.clone()).collect();
    used_names.sort();
    used_names.dedup();
    for &k in unnamed {
        let Some(blk) = blocks.get(k) else { continue };
        let section_has_groups = sections
            .iter()
            .find(|(b0, b1)| *b0 <= k && k < *b1)
            .is_some_and(|&(b0, b1)| (b0..b1).any(|j| j != k && !unnamed.contains(&j)));
        let first_levels = {
            let mut keys: Vec<String> = drafts.get(blk.start..blk.end).unwrap_or(&[]).iter().map(|d| super::first_level_key(&d.id)).collect();
            keys.dedup();
            keys.len() as u32
        };
        let candidates: Vec<&DeclaredCount> = declared
            .iter()
            .filter(|c| c.level == Some(1) && c.count == first_levels && c.scope != "全部" && c.scope != "行政能力目标")
            .filter(|c| !used_names.contains(&c.scope))
            .collect();
        let line = drafts.get(blk.start).map(Draft::line).unwrap_or(0);
        if blk.three_part && candidates.len() == 1 {
            if let Some(c) = candidates.first() {
                let msg = format!(
                    "label_inferred: no group label is printed for the rows {}-…; the notice declares {} first-level indicators for {}, as many as these rows have, and names no other rows",
                    blk.first, c.count, c.scope
                );
                issues.push(Issue::new(Severity::Info, "label_inferred", msg.clone()).record(blk.first.clone()).at_line(line));
                for i in blk.start..blk.end {
                    if let Some(slot) = grp.get_mut(i) {
                        *slot = Some((c.scope.clone(), Some(Evidence::Strong)));
                    }
                    if let Some(d) = drafts.get_mut(i) {
                        d.repairs.push(msg.clone());
                    }
                }
                used_names.push(c.scope.clone());
            }
        } else if section_has_groups {
            issues.push(
                Issue::new(
                    Severity::Warning,
                    "label_missing",
                    format!("no group label is printed for the rows {}-… and nothing else names their group; group left empty", blk.first),
                )
                .record(blk.first.clone())
                .at_line(line)
                .fields(&["group"]),
            );
        }
    }
}

/// Where labels sit in the rows they span, learned from the table's unambiguous groups
/// (three-part blocks with one label printed on one of their own rows).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Convention {
    First,
    Middle,
    Last,
}

impl Convention {
    fn learn(blocks: &[IdBlock], seen: &[Seen]) -> Convention {
        let (mut first, mut middle, mut last) = (0, 0, 0);
        for b in blocks.iter().filter(|b| b.three_part && b.end - b.start >= 3) {
            let here: Vec<&Seen> = seen.iter().filter(|s| s.own_row && s.level == Level::Group && s.at >= b.start && s.at < b.end).collect();
            if let [s] = here.as_slice() {
                if s.at == b.start {
                    first += 1;
                } else if s.at + 1 == b.end {
                    last += 1;
                } else {
                    middle += 1;
                }
            }
        }
        if last > first && last >= middle {
            Convention::Last
        } else if middle > first {
            Convention::Middle
        } else {
            Convention::First
        }
    }
}

/// The labels of `level` printed within units `u0..u1` (each a range of drafts): `(name,
/// unit, points)` in printed order, a name repeated on consecutive units kept once.
fn named_in(seen: &[Seen], level: Level, units: &[(usize, usize)], u0: usize, u1: usize) -> Vec<(String, usize, Option<f64>)> {
    let mut out: Vec<(String, usize, Option<f64>)> = Vec::new();
    for s in seen.iter().filter(|s| s.level == level) {
        let Some(u) = (u0..u1).find(|&u| units.get(u).is_some_and(|&(a, b)| a <= s.at && s.at < b)) else { continue };
        match out.last_mut() {
            Some(last) if last.0 == s.name => {
                if last.2.is_none() {
                    last.2 = s.points;
                }
            }
            _ => out.push((s.name.clone(), u, s.points)),
        }
    }
    out
}

/// Splits units `u0..u1` among the labels printed in them (see [`named_in`]): each label
/// covers the units around it up to the next label's, the boundary between two labels
/// falling where the first label's points equal its units' weights, else where the table's
/// label convention puts it. Returns `(name, from, to, evidence)` per run: evidence `None`
/// when every boundary of the run was the only one possible, `Strong` when points chose it,
/// `Weak` when the convention did.
fn split_runs(
    named: &[(String, usize, Option<f64>)],
    u0: usize,
    u1: usize,
    units: &[(usize, usize)],
    convention: Convention,
    drafts: &[Draft],
) -> Vec<(String, usize, usize, Option<Evidence>)> {
    let weights = |from: usize, to: usize| -> Option<f64> {
        let (a, b) = (units.get(from)?.0, units.get(to.checked_sub(1)?)?.1);
        let rows = drafts.get(a..b)?;
        let ws: Vec<f64> = rows.iter().filter_map(|d| d.get(crate::header::Field::Weight).and_then(zhibiao_normalize::values::parse_weight)).collect();
        (ws.len() == rows.len()).then(|| ws.iter().sum())
    };
    let mut out: Vec<(String, usize, usize, Option<Evidence>)> = Vec::new();
    let mut from = u0;
    let mut left: Option<Evidence> = None;
    for (k, (name, at, points)) in named.iter().enumerate() {
        let (to, right) = match named.get(k + 1) {
            None => (u1, None),
            Some((_, next, _)) => {
                let candidates: Vec<usize> = ((*at + 1)..=*next).collect();
                match candidates.as_slice() {
                    [] => (*next, Some(Evidence::Weak)),
                    [only] => (*only, None),
                    _ => {
                        let fits: Vec<usize> = match points {
                            Some(p) => candidates.iter().copied().filter(|&c| weights(from, c).is_some_and(|w| same_points(w, *p))).collect(),
                            None => Vec::new(),
                        };
                        match fits.as_slice() {
                            [one] => (*one, Some(Evidence::Strong)),
                            _ => {
                                let pick = match convention {
                                    // Printed on its first row: the next label opens the next run.
                                    Convention::First => *next,
                                    // Printed on its last row: the run ends right after it.
                                    Convention::Last => at + 1,
                                    Convention::Middle => candidates.get(candidates.len() / 2).copied().unwrap_or(*next),
                                };
                                (pick, Some(Evidence::Weak))
                            }
                        }
                    }
                }
            }
        };
        let ev = match (left, right) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        out.push((name.clone(), from, to, ev));
        from = to;
        left = right;
    }
    out
}
