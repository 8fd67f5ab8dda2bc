//! Repairs across rows: what merged cells and OCR did to the table.
//!
//! - [`resolve_spills`]: a merged names cell whose names the OCR printed one per line, on the
//!   rows it spans and on id-less rows below them.
//! - [`resolve_orphans`]: a column whose texts sit one row late, leaving the first row of a
//!   first-level indicator empty and an id-less row at its end.
//! - [`share_first_level`]: 文件依据 and 一级指标 belong to the first-level indicator and go to
//!   each of its rows, whichever rows the OCR printed them on.
//! - [`fill_merged_cells`]: a responsibility or deadline cell printed once for a run of rows.
//!
//! Where the reader knows the merged cells (DOCX, a PDF lattice), [`crate::rebuild::apply_spans`]
//! has already given each merged cell to the rows it covers, over [`SPANNING`]; the repairs
//! here then only act on what the file itself leaves open (an indicator cut by a page break
//! into two tables), and say when a fill is a guess.

use super::{first_level_key, fill_key};
use crate::rebuild::{groups, Draft, Evidence};
use crate::header::Field;
use zhibiao_model::{Issue, Severity};
use zhibiao_normalize::basis::cited_sources;
use zhibiao_normalize::names::split_names;
use zhibiao_normalize::text::fold_text;

/// Names printed one per line: when id-less name rows follow a run of rows that each show a
/// single name in the same column, and the rows after the first show no leaders or units of
/// their own (those cells are merged from the first row), the names are one merged cell over
/// the whole run. Otherwise the names continue the cell of the record above.
pub fn resolve_spills(drafts: &mut [Draft], issues: &mut Vec<Issue>) {
    for i in 0..drafts.len() {
        let Some(d) = drafts.get(i) else { continue };
        if d.spill.is_empty() {
            continue;
        }
        let col = d.spill.first().map(|s| s.0).unwrap_or(0);
        let field = d
            .cols
            .iter()
            .find(|(f, &c)| c == col && matches!(f, Field::Leaders | Field::Persons))
            .map(|(f, _)| *f)
            .unwrap_or(Field::Persons);
        let key = fill_key(d);
        // Walk back over the run.
        let mut start = i;
        while start > 0 {
            let Some(prev) = drafts.get(start - 1) else { break };
            let Some(cur) = drafts.get(start) else { break };
            let single = |x: &Draft| x.get(field).map(|t| split_names(t).len() == 1).unwrap_or(false);
            // The other responsibility cells of the run are merged too: each printed on at
            // most one of its rows (whichever; Word centres them).
            let run = || drafts.iter().take(i + 1).skip(start - 1);
            let merged_rest = [Field::Leaders, Field::Units]
                .iter()
                .filter(|&&f| f != field)
                .all(|&f| run().filter(|d| d.get(f).is_some()).count() <= 1);
            if fill_key(prev) == key && single(prev) && single(cur) && merged_rest {
                start -= 1;
            } else {
                break;
            }
        }
        let spill: Vec<(usize, String, u32)> = drafts.get_mut(i).map(|d| std::mem::take(&mut d.spill)).unwrap_or_default();
        let spill_lines: Vec<u32> = spill.iter().map(|s| s.2).collect();
        let spill_text: Vec<String> = spill.into_iter().map(|s| s.1).collect();
        if start < i {
            let mut names: Vec<String> = Vec::new();
            for d in drafts.iter().take(i + 1).skip(start) {
                names.extend(d.get(field).map(str::to_string));
            }
            names.extend(spill_text);
            let joined = names.join("\n");
            let ids: Vec<String> = drafts.iter().take(i + 1).skip(start).map(|d| d.id.clone()).collect();
            let lines: Vec<u32> = drafts.iter().take(i + 1).skip(start).map(|d| d.line()).chain(spill_lines).collect();
            let msg = format!(
                "names_spill_joined: the {} cell of {} prints one name per line over lines {}; read as one merged cell of {} names given to every row",
                field.name(),
                ids.join(", "),
                lines.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                split_names(&joined).len()
            );
            if let Some(first) = ids.first() {
                issues.push(Issue::new(Severity::Info, "names_spill_joined", msg.clone()).record(first.clone()).at_line(lines.first().copied().unwrap_or(0)));
            }
            for d in drafts.iter_mut().take(i + 1).skip(start) {
                d.fields.insert(field, joined.clone());
                d.infer(field, Evidence::Strong);
                d.repairs.push(msg.clone());
                for &l in &lines {
                    d.add_line(l);
                }
            }
        } else if let Some(d) = drafts.get_mut(i) {
            let entry = d.fields.entry(field).or_default();
            for t in spill_text {
                entry.push('\n');
                entry.push_str(&t);
            }
            for l in spill_lines {
                d.add_line(l);
            }
            d.repairs.push(format!("wrapped_text_joined: names on the id-less rows below appended to {}", field.name()));
        }
    }
}

/// A full row without an id at the end of a first-level indicator, while an earlier row of
/// that indicator has an empty 二级指标: the 二级指标 column sits one row late. The texts are
/// moved back, one per id, when that makes every row whole; otherwise the row is reported.
pub fn resolve_orphans(drafts: &mut [Draft], issues: &mut Vec<Issue>) {
    for i in 0..drafts.len() {
        let orphans = drafts.get_mut(i).map(|d| std::mem::take(&mut d.orphans)).unwrap_or_default();
        for (orphan, line) in orphans {
            let key = drafts.get(i).map(|d| first_level_key(&d.id)).unwrap_or_default();
            let members: Vec<usize> = (0..=i).filter(|&j| drafts.get(j).map(|d| first_level_key(&d.id) == key).unwrap_or(false)).collect();
            let mut texts: Vec<String> = members
                .iter()
                .filter_map(|&j| drafts.get(j).and_then(|d| d.get(Field::Secondary)).map(str::to_string))
                .collect();
            let orphan_text = orphan.get(Field::Secondary).map(str::to_string);
            let empty_rows = members.iter().filter(|&&j| drafts.get(j).map(|d| d.get(Field::Secondary).is_none()).unwrap_or(false)).count();
            match orphan_text {
                Some(t) if empty_rows == 1 && texts.len() + 1 == members.len() => {
                    texts.push(t);
                    let ids: Vec<String> = members.iter().filter_map(|&j| drafts.get(j).map(|d| d.id.clone())).collect();
                    let msg = format!(
                        "column_shifted_back: the 二级指标 texts of {} sit one row late (an id-less row at line {line} carries the last one); moved back one row each",
                        ids.join(", ")
                    );
                    issues.push(Issue::new(Severity::Info, "column_shifted_back", msg.clone()).record(key.clone()).at_line(line));
                    for (&j, t) in members.iter().zip(texts) {
                        if let Some(d) = drafts.get_mut(j) {
                            d.fields.insert(Field::Secondary, t);
                            d.infer(Field::Secondary, Evidence::Strong);
                            d.repairs.push(msg.clone());
                            d.add_line(line);
                        }
                    }
                }
                _ => {
                    let text: Vec<String> = orphan.fields.values().map(|c| fold_text(&c.text)).collect();
                    issues.push(
                        Issue::new(
                            Severity::Warning,
                            "unplaced_row",
                            format!("a row without a sequence id could not be matched to a record: '{}'", text.join(" | ")),
                        )
                        .record(key.clone())
                        .at_line(line),
                    );
                }
            }
        }
    }
}

/// Gives the 文件依据 and 一级指标 of each first-level indicator to all its rows. Split 文件依据
/// cells are joined in row order; a 一级指标 printed on any one row is used for all. An
/// indicator with no 文件依据 at all whose 一级指标 cites exactly the sources the previous
/// indicator on the same page cites shares that indicator's 文件依据 (the merged cell runs on).
pub fn share_first_level(drafts: &mut [Draft], issues: &mut Vec<Issue>) {
    let mut prev: Option<(usize, Vec<String>, Option<String>)> = None; // (block, sources, basis)
    for members in groups(drafts, |d| first_level_key(&d.id)) {
        // A text a row holds because a merged cell covers it is the cell above, not another part.
        let get_all = |f: Field| -> Vec<(String, u32)> {
            members
                .iter()
                .filter_map(|&j| drafts.get(j))
                .filter(|d| !d.spanned.contains(&f))
                .filter_map(|d| d.get(f).map(|t| (t.to_string(), d.line())))
                .collect()
        };
        let bases = get_all(Field::Basis);
        let primaries = get_all(Field::Primary);
        let points = get_all(Field::Points);
        let Some(first) = members.first().and_then(|&j| drafts.get(j)) else { continue };
        let key = first_level_key(&first.id);
        let block = first.block;
        let two_part = first.id.split('-').count() < 3;
        if two_part {
            prev = None;
            continue;
        }
        let mut distinct_primaries: Vec<&(String, u32)> = Vec::new();
        for p in &primaries {
            if !distinct_primaries.iter().any(|q| fold_text(&q.0) == fold_text(&p.0)) {
                distinct_primaries.push(p);
            }
        }
        if distinct_primaries.len() > 1 {
            issues.push(
                Issue::new(
                    Severity::Warning,
                    "primary_conflict",
                    format!("first-level indicator {key} prints {} different 一级指标 texts; each row keeps its own", distinct_primaries.len()),
                )
                .record(key.clone())
                .at_line(distinct_primaries.get(1).map(|p| p.1).unwrap_or(0))
                .fields(&["primary", "primary_points"]),
            );
        }
        // The 一级指标分值 cell is merged over the indicator's rows like the 一级指标.
        let mut distinct_points: Vec<&(String, u32)> = Vec::new();
        for p in &points {
            if !distinct_points.iter().any(|q| fold_text(&q.0) == fold_text(&p.0)) {
                distinct_points.push(p);
            }
        }
        if distinct_points.len() > 1 {
            issues.push(
                Issue::new(Severity::Warning, "points_conflict", format!("first-level indicator {key} prints {} different 一级指标分值; each row keeps its own", distinct_points.len()))
                    .record(key.clone())
                    .at_line(distinct_points.get(1).map(|p| p.1).unwrap_or(0))
                    .fields(&["primary_points"]),
            );
        }
        let shared_points = (distinct_points.len() == 1).then(|| distinct_points.first().map(|p| (*p).clone())).flatten();
        let primary = (distinct_primaries.len() == 1).then(|| distinct_primaries.first().map(|p| (*p).clone())).flatten();
        if let Some((last, line)) = bases.last() {
            if last.trim_end().ends_with(['；', ';', '、']) {
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "basis_truncated",
                        format!("the 文件依据 of {key} ends with a separator on its last row, as if the list went on: documents may have been lost"),
                    )
                    .record(key.clone())
                    .at_line(*line)
                    .fields(&["basis"]),
                );
            }
        }
        let mut basis: Option<(String, Vec<u32>)> = (!bases.is_empty())
            .then(|| (bases.iter().map(|b| b.0.as_str()).collect::<Vec<_>>().join("\n"), bases.iter().map(|b| b.1).collect()));
        let sources = primary.as_ref().map(|p| cited_sources(&p.0)).unwrap_or_default();
        if basis.is_none() && !sources.is_empty() {
            if let Some((pb, psrc, Some(pbasis))) = &prev {
                if *pb == block && same_set(psrc, &sources) {
                    let msg = format!(
                        "basis_inherited: {key} has no 文件依据 of its own and its 一级指标 cites the same sources as the indicator above; read as the 文件依据 cell merged down over both"
                    );
                    issues.push(Issue::new(Severity::Info, "basis_inherited", msg.clone()).record(key.clone()).at_line(first.line()));
                    for &j in &members {
                        if let Some(d) = drafts.get_mut(j) {
                            d.repairs.push(msg.clone());
                            d.infer(Field::Basis, Evidence::Strong);
                        }
                    }
                    basis = Some((pbasis.clone(), Vec::new()));
                }
            }
        }
        for &j in &members {
            let Some(d) = drafts.get_mut(j) else { continue };
            if let Some((b, lines)) = &basis {
                if d.get(Field::Basis) != Some(b.as_str()) && lines.len() > 1 {
                    d.repairs.push(format!("merged_cell_shared: 文件依据 of {key} joined from lines {lines:?}"));
                    d.infer(Field::Basis, Evidence::Strong);
                } else if d.get(Field::Basis).is_none() && !lines.is_empty() {
                    d.repairs.push(format!("merged_cell_shared: 文件依据 of {key} printed on line {lines:?}"));
                    if !d.spanned.contains(&Field::Basis) {
                        d.infer(Field::Basis, Evidence::Strong);
                    }
                }
                d.fields.insert(Field::Basis, b.clone());
                for &l in lines {
                    d.add_line(l);
                }
            }
            if let Some((p, line)) = &primary {
                if d.get(Field::Primary).is_none() {
                    d.repairs.push(format!("merged_cell_shared: 一级指标 of {key} printed on line {line}"));
                    d.add_line(*line);
                    if !d.spanned.contains(&Field::Primary) {
                        d.infer(Field::Primary, Evidence::Strong);
                    }
                }
                d.fields.insert(Field::Primary, p.clone());
            }
            if let Some((p, line)) = &shared_points {
                if d.get(Field::Points).is_none() {
                    d.add_line(*line);
                    if !d.spanned.contains(&Field::Points) {
                        d.infer(Field::Points, Evidence::Strong);
                    }
                }
                d.fields.insert(Field::Points, p.clone());
            }
        }
        prev = Some((block, sources, basis.map(|b| b.0)));
    }
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let mut x: Vec<&String> = a.iter().collect();
    let mut y: Vec<&String> = b.iter().collect();
    x.sort();
    x.dedup();
    y.sort();
    y.dedup();
    x == y
}

/// Fields a merged cell commonly spans in these tables.
const FILLED: [Field; 4] = [Field::Deadline, Field::Leaders, Field::Units, Field::Persons];

/// Fields whose cells a known merge gives to every row it covers. Not 权重, whose merged
/// cell would count one weight several times, nor the id or the 二级指标 of each row.
pub const SPANNING: [Field; 8] =
    [Field::Basis, Field::Primary, Field::Points, Field::Deadline, Field::Leaders, Field::Units, Field::Persons, Field::Remarks];

/// A row with an empty responsibility or deadline cell inside a run of rows that share one
/// (the first-level indicator, or the 项目 group for two-part ids) takes the value of the
/// nearest row above that has one, else of the nearest row below — a merged cell shows its
/// text on one of the rows it spans, not always the first. Filling from below is a guess and
/// is reported; so is every fill when the reader knows the merges (`spans_known`), since the
/// file then shows an empty cell that is not merged.
pub fn fill_merged_cells(drafts: &mut [Draft], spans_known: bool, issues: &mut Vec<Issue>) {
    for members in groups(drafts, fill_key) {
        if members.len() < 2 {
            continue;
        }
        for field in FILLED {
            let values: Vec<Option<(String, u32)>> = members
                .iter()
                .map(|&j| drafts.get(j).and_then(|d| d.get(field).map(|t| (t.to_string(), d.line()))))
                .collect();
            if values.iter().all(Option::is_none) {
                continue;
            }
            for (k, &j) in members.iter().enumerate() {
                if values.get(k).map(Option::is_some).unwrap_or(true) {
                    continue;
                }
                let above = (0..k).rev().find_map(|m| values.get(m).cloned().flatten());
                let (source, from_below) = match above {
                    Some(v) => (Some(v), false),
                    None => ((k + 1..values.len()).find_map(|m| values.get(m).cloned().flatten()), true),
                };
                let Some((value, line)) = source else { continue };
                let Some(d) = drafts.get_mut(j) else { continue };
                let why = if spans_known {
                    "; the file shows the cell empty and not merged, read as the same value"
                } else {
                    ", read as one cell merged over both"
                };
                let msg = format!(
                    "merged_cell_filled: empty {} taken from the row {} (line {line}){why}",
                    field.name(),
                    if from_below { "below" } else { "above" }
                );
                if from_below || spans_known {
                    issues.push(Issue::new(Severity::Info, "merged_cell_filled", msg.clone()).record(d.id.clone()).at_line(d.line()));
                }
                d.fields.insert(field, value);
                d.infer(field, Evidence::Strong);
                d.repairs.push(msg);
                d.add_line(line);
            }
        }
    }
}
