//! The performance-target family (绩效目标考评表): its cell placement, 项目 labels and repairs.
//!
//! 1. [`place`] types every row and sorts its cells into fields around two anchors (权重,
//!    完成时限).
//! 2. The shared [`super::walk`] turns rows into drafts; this family opens each record with its
//!    sequence id and the 项目 labels carried down ([`labels`]).
//! 3. [`labels`] gives each row its category and group from the table's structure;
//!    [`merge`] repairs what merged cells and OCR did to the rows: names spilled from one
//!    merged cell, a column sitting one row late, 一级指标 printed in pieces ([`primary`]),
//!    文件依据 / 一级指标 shared by every row of the first-level indicator, and
//!    responsibility cells merged over several rows.
//! 4. Drafts become [`Record`]s with every field normalised (`zhibiao-normalize`).

mod cut;
pub mod labels;
pub mod merge;
pub mod place;
pub mod primary;
pub mod span;


use std::collections::HashMap;

use super::row::{Placed, PlacedCell, RowKind};
use super::{mode, walk, Draft, Entry, Evidence, Rebuilt, Walked};
use crate::header::Field;
use crate::region::{PageBlock, TableRegion};
use crate::trace::Trace;
use crate::grid::Paragraph;
use labels::{LabelColumn, LabelInput, Sighting};
use place::{classify_data_row, RowHint};
use zhibiao_model::{DeclaredCount, Issue, Location, Provenance, Record, Records, Severity, Table, TableKind};
use zhibiao_normalize::basis::split_basis;
use zhibiao_normalize::names::{names_wrap_unsure, split_names};
use zhibiao_normalize::text::{fold_text, squash};
use zhibiao_normalize::units::{split_units, UnitLexicon};
use zhibiao_normalize::values::{parse_deadline, parse_weight, split_points};

/// The first-level indicator a leaf id belongs to: `1-3` for `1-3-2`; a two-part id is its
/// own indicator.
pub fn first_level_key(id: &str) -> String {
    let parts: Vec<&str> = id.split('-').collect();
    if parts.len() >= 3 {
        parts.iter().take(parts.len() - 1).copied().collect::<Vec<_>>().join("-")
    } else {
        id.to_string()
    }
}

/// The run of rows a merged responsibility cell may span: the first-level indicator for
/// three-part ids; for two-part ids, the 项目 group they belong to (several groups may share
/// the first number: `4-1` … `4-18`).
pub fn fill_key(d: &Draft) -> String {
    let parts: Vec<&str> = d.id.split('-').collect();
    if parts.len() >= 3 {
        first_level_key(&d.id)
    } else {
        let first = parts.first().copied().unwrap_or_default();
        format!("{first}-*{}", d.group.as_deref().unwrap_or(""))
    }
}

/// Rebuilds one performance-target table. `declared` are the counts the notice declares.
pub fn rebuild(region: &TableRegion, declared: &[DeclaredCount], trace: &mut Trace) -> Rebuilt {
    let mut issues: Vec<Issue> = Vec::new();
    let mut entries: Vec<Entry> = region
        .blocks
        .iter()
        .enumerate()
        // The first reading knows only what the header says of the columns (a points column,
        // a column of no field, columns the table lacks): a points cell read as the weight
        // would teach the second reading a wrong layout.
        .flat_map(|(b, block)| block.rows.iter().map(move |r| (b, r.pos.line, classify_data_row(r, header_hint(&block.map)))))
        .collect();
    // Rows are read again in their block's layout, learned from the first reading.
    let hints: Vec<RowHint> = region
        .blocks
        .iter()
        .enumerate()
        .map(|(b, block)| BlockLayout::of(b, &entries).hint(block, &entries, b))
        .collect();
    let rows = region.blocks.iter().enumerate().flat_map(|(b, block)| block.rows.iter().map(move |r| (b, r)));
    for (entry, (b, row)) in entries.iter_mut().zip(rows) {
        let placed = matches!(&entry.2, RowKind::Record(_) | RowKind::Orphan(_));
        if placed {
            entry.2 = classify_data_row(row, hints.get(b).copied().unwrap_or_default());
        }
    }
    // Where each page block prints its ids, to tell a row whose cells moved.
    let id_cols: Vec<Option<usize>> = (0..region.blocks.len())
        .map(|b| {
            mode(
                entries.iter().filter(|(eb, _, _)| *eb == b).filter_map(|(_, _, k)| match k {
                    RowKind::Record(p) => p.id_col,
                    _ => None,
                }),
                false,
            )
        })
        .collect();
    mark_label_rows(&mut entries, region, &id_cols, &hints);

    let mut lexicon = UnitLexicon::default();
    for (_, _, kind) in &entries {
        if let RowKind::Record(p) | RowKind::Orphan(p) = kind {
            if let Some(u) = p.get(Field::Units) {
                lexicon.learn(u);
            }
        }
    }
    let layouts: Vec<BlockLayout> = (0..region.blocks.len()).map(|b| BlockLayout::of(b, &entries)).collect();
    for (b, block) in region.blocks.iter().enumerate() {
        trace_block(trace, b, block, layouts.get(b));
    }

    let mut sightings: Vec<Sighting> = Vec::new();
    let mut opened = 0usize;
    let mut open = |p: &Placed, b: usize, line: u32, issues: &mut Vec<Issue>| -> Draft {
        let at = opened;
        opened += 1;
        let id_col = p.id_col.unwrap_or(0);
        let columns = labels::label_columns(&p.labels, id_col, id_cols.get(b).copied().flatten());
        for (cell, column) in p.labels.iter().zip(columns) {
            sightings.push(Sighting { at, line, cell: cell.clone(), column, own_row: true });
        }
        let mut d = Draft::from_placed(p, b, line);
        if let Some(layout) = layouts.get(b) {
            layout.note_shift(p, &mut d);
        }
        if p.get(Field::Weight).is_none() && p.get(Field::Deadline).is_none() && !p.fields.is_empty() {
            issues.push(
                Issue::new(
                    Severity::Warning,
                    "anchors_missing",
                    format!("row {} shows neither a 权重 nor a 完成时限, so its cells were placed by order alone", d.id),
                )
                .record(d.id.clone())
                .fields(&["basis", "primary", "secondary", "leaders", "units", "persons", "remarks"])
                .at_line(line),
            );
        }
        d
    };
    let label_prose = |p: &Paragraph| label_paragraph(p).is_some();
    let Walked { mut drafts, totals, total_at, labels: label_rows } = walk(region, &entries, &mut open, &label_prose, trace, &mut issues);
    // Labels on rows or lines of their own belong to the rows around them.
    for (at, line, cells) in label_rows {
        let usual = drafts.get(at).or(drafts.last()).and_then(|d| id_cols.get(d.block).copied().flatten());
        let columns = labels::label_columns(&cells, usual.unwrap_or(0), usual);
        for (cell, column) in cells.into_iter().zip(columns) {
            sightings.push(Sighting { at, line, cell, column, own_row: false });
        }
    }
    for p in &region.prose {
        if let Some(cell) = label_paragraph(p) {
            let at = drafts.iter().filter(|d| d.line() < p.pos.line).count();
            sightings.push(Sighting { at, line: p.pos.line, cell, column: LabelColumn::Unknown, own_row: false });
        }
    }
    let total_values: Vec<f64> = totals.iter().map(|t| t.value).collect();
    labels::assign(&mut drafts, &LabelInput { sightings: &sightings, total_at: &total_at, total_values: &total_values, declared, title: region.title.as_deref() }, &mut issues);

    merge::resolve_spills(&mut drafts, &mut issues);
    merge::resolve_orphans(&mut drafts, &mut issues);
    super::apply_spans(&mut drafts, &merge::SPANNING);
    primary::retype_wrapped_basis(&mut drafts);
    primary::join_split_primaries(&mut drafts, &mut issues);
    span::share_basis_spans(&mut drafts, region.spans_known, &mut issues);
    merge::share_first_level(&mut drafts, &mut issues);
    merge::fill_merged_cells(&mut drafts, region.spans_known, &mut issues);
    header_disagreement(region, &layouts, &mut issues);
    report_set_aside(region, &drafts, &mut issues);

    let mut unit_splits_seen: Vec<String> = Vec::new();
    let mut shared = SharedTexts::default();
    let mut records: Vec<Record> = drafts
        .into_iter()
        .map(|d| finish(d, &lexicon, &mut issues, &mut unit_splits_seen, &mut shared))
        .collect();
    cut::complete_cut_basis(&mut records, &mut issues);
    for r in records.iter().filter(|r| r.secondary.is_none()) {
        issues.push(
            Issue::new(
                Severity::Warning,
                "field_missing",
                format!("{} has no 二级指标 / 目标内容 text: {}", r.id, super::missing_because(region)),
            )
            .record(r.id.clone())
            .at_line(r.provenance.lines.first().copied().unwrap_or(0)),
        );
    }
    Rebuilt {
        table: Table {
            kind: TableKind::PerformanceTargets,
            title: region.title.clone(),
            unit: region.unit.clone(),
            declared_totals: totals,
            budget: None,
            strategy: None,
            records: Records::Performance(records),
            location: Some(Location::line(region.line)),
        },
        issues,
    }
}

/// Id-less rows with text in the 项目 columns, before the column where the block prints its
/// ids: a merged label cell whose text (or a piece of it, `80分` included) the OCR put on a
/// row of its own, or on a row that also carries wrapped text or spilled names. The label
/// cells become a label row of their own, and the rest of the row is read again without
/// them. Entries and the region's rows correspond one to one when this runs.
fn mark_label_rows(entries: &mut Vec<Entry>, region: &TableRegion, id_cols: &[Option<usize>], hints: &[RowHint]) {
    let rows: Vec<&crate::grid::GridRow> = region.blocks.iter().flat_map(|block| block.rows.iter()).collect();
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    for (k, (b, line, kind)) in entries.drain(..).enumerate() {
        let idless = matches!(kind, RowKind::Continuation(_) | RowKind::NameSpill(_) | RowKind::Orphan(_));
        let (Some(id_col), Some(row)) = (id_cols.get(b).copied().flatten(), rows.get(k)) else {
            out.push((b, line, kind));
            continue;
        };
        if !idless {
            out.push((b, line, kind));
            continue;
        }
        // A heading row over the rows it labels, in a table without 项目 columns.
        let filled: Vec<usize> = row.filled().collect();
        if let [only] = filled[..] {
            let cell = PlacedCell::at(row, only);
            if labels::is_banner(&cell) || (only <= id_col && labels::is_heading_name(&cell)) {
                out.push((b, line, RowKind::Label(vec![cell])));
                continue;
            }
        }
        let label: Vec<PlacedCell> = row
            .filled()
            .filter(|&i| i < id_col)
            .map(|i| PlacedCell::at(row, i))
            .filter(|c| labels::is_vocabulary_label(c) || labels::is_label_piece(c))
            .collect();
        if label.is_empty() {
            out.push((b, line, kind));
            continue;
        }
        let mut rest = (*row).clone();
        for c in &label {
            if let Some(cell) = rest.cells.get_mut(c.col) {
                cell.text.clear();
            }
        }
        out.push((b, line, RowKind::Label(label)));
        if !rest.is_blank() {
            out.push((b, line, classify_data_row(&rest, hints.get(b).copied().unwrap_or_default())));
        }
    }
    *entries = out;
}

/// A paragraph between the table's rows that is a 项目 label printed as a line of its own
/// (`职 能 工 作 目 标` between two page blocks), as a label cell.
fn label_paragraph(p: &Paragraph) -> Option<PlacedCell> {
    let cell = PlacedCell { col: 0, text: p.text.clone(), row_span: 1 };
    let n = squash(&p.text).chars().count();
    (n <= 20 && (labels::is_vocabulary_label(&cell) || labels::is_banner(&cell) || (n <= 12 && labels::is_heading_name(&cell)))).then_some(cell)
}

/// Shifts a signed column offset into the unsigned values [`mode`] counts.
const OFFSET_BIAS: isize = 1 << 16;

/// The usual positions of a page block's anchors, learned from its record rows, so that a
/// row whose cells slid left or right can be named in its provenance.
#[derive(Debug, Clone, Default)]
pub struct BlockLayout {
    pub weight_col: Option<usize>,
    pub deadline_gap: Option<usize>,
    /// 完成时限's column minus 权重's, either order.
    pub deadline_offset: Option<isize>,
}

impl BlockLayout {
    fn of(block: usize, entries: &[Entry]) -> BlockLayout {
        let rows = || {
            entries.iter().filter(move |(b, _, _)| *b == block).filter_map(|(_, _, k)| match k {
                RowKind::Record(p) => Some(p),
                _ => None,
            })
        };
        BlockLayout {
            weight_col: mode(rows().filter_map(|p| p.col(Field::Weight)), true),
            deadline_gap: mode(rows().filter_map(|p| p.col(Field::Deadline)?.checked_sub(p.col(Field::Weight)?)), false),
            // `mode` counts unsigned values: the offset is shifted into them and back.
            deadline_offset: mode(
                rows().filter_map(|p| (p.col(Field::Deadline)? as isize - p.col(Field::Weight)? as isize + OFFSET_BIAS).try_into().ok()),
                false,
            )
            .map(|m: usize| m as isize - OFFSET_BIAS),
        }
    }

    /// The layout this block's rows are read in: the anchors' order from its rows, whether
    /// its rows print an anchor after their unit cell (most rows that show both), and the
    /// order its header names the responsibility columns in.
    fn hint(&self, block: &PageBlock, entries: &[Entry], b: usize) -> RowHint {
        let mut after = [(0usize, 0usize); 2]; // (rows with the anchor and a unit cell, of them after)
        for (_, _, kind) in entries.iter().filter(|(eb, _, _)| *eb == b) {
            let RowKind::Record(p) = kind else { continue };
            let Some(units) = p.col(Field::Units) else { continue };
            for (k, f) in [Field::Weight, Field::Deadline].into_iter().enumerate() {
                if let (Some(c), Some(slot)) = (p.col(f), after.get_mut(k)) {
                    slot.0 += 1;
                    slot.1 += usize::from(c > units);
                }
            }
        }
        let majority = |(n, a): (usize, usize)| n > 0 && a * 2 > n;
        let resp = [Field::Leaders, Field::Units, Field::Persons];
        let map = &block.map;
        // The order the header prints the responsibility columns in; fields it does not
        // print keep their template place (they are left out of the tail below).
        let mut by_col: Vec<(usize, usize, Field)> =
            resp.iter().enumerate().map(|(k, &f)| (map.column_of(f).unwrap_or(usize::MAX), k, f)).collect();
        by_col.sort();
        let named = resp.iter().filter(|&&f| map.column_of(f).is_some()).count();
        let resp_order = if named >= 2 { [0, 1, 2].map(|k| by_col.get(k).map(|x| x.2).unwrap_or(Field::Persons)) } else { resp };
        let absent = absent_tail_fields(map);
        let records = || {
            entries.iter().filter(move |(eb, _, _)| *eb == b).filter_map(|(_, _, k)| match k {
                RowKind::Record(p) => Some(p),
                _ => None,
            })
        };
        let id_col = mode(records().filter_map(|p| p.id_col), false);
        let text_offsets = [Field::Basis, Field::Primary, Field::Secondary].map(|f| {
            mode(records().filter(|p| p.id_col == id_col).filter_map(|p| p.col(f)?.checked_sub(p.id_col?)), false)
        });
        RowHint {
            deadline_gap: self.deadline_offset,
            weight_after_resp: after.first().copied().is_some_and(majority),
            deadline_after_resp: after.get(1).copied().is_some_and(majority),
            resp_order,
            text_offsets,
            id_col,
            weight_col: self.weight_col,
            resp_gaps: place::learn_resp_gaps(records(), &resp_order.iter().copied().filter(|f| !absent.contains(&Some(*f))).collect::<Vec<_>>()),
            ..header_hint(map)
        }
    }

    /// Notes in the provenance a row whose cells sit off this block's layout, and marks its
    /// fields as placed by what they hold rather than where they stand.
    fn note_shift(&self, p: &Placed, d: &mut Draft) {
        let before = d.repairs.len();
        self.describe_shift(p, d);
        if d.repairs.len() > before {
            let fields: Vec<Field> = p.fields.keys().copied().collect();
            for f in fields {
                d.infer(f, Evidence::Strong);
            }
        }
    }

    fn describe_shift(&self, p: &Placed, d: &mut Draft) {
        if let (Some(usual), Some(here)) = (self.weight_col, p.col(Field::Weight)) {
            if usual != here {
                let (dir, n) = if here < usual { ("left", usual - here) } else { ("right", here - usual) };
                d.repairs.push(format!(
                    "cells_shifted: row sits {n} column(s) {dir} of this page's layout (权重 in column {here}, usually {usual}); placed by content"
                ));
            }
        }
        if let (Some(gap), Some(w), Some(dl)) = (self.deadline_gap, p.col(Field::Weight), p.col(Field::Deadline)) {
            if dl.checked_sub(w) != Some(gap) {
                d.repairs.push(format!(
                    "cells_shifted: 完成时限 in column {dl}, {} column(s) after 权重 where this page has {gap}; an empty cell was inserted or lost",
                    dl.abs_diff(w)
                ));
            }
        }
    }
}

/// What a block's header alone says of its rows' layout.
fn header_hint(map: &crate::header::ColumnMap) -> RowHint {
    RowHint {
        // Any row's 权重 label counts: a misaligned lower header row may print 责任人 over the
        // column its upper row names 权重, and the lower row wins that column in the map,
        // yet the table still prints its points before its weights.
        points: map.column_of(Field::Points).is_some_and(|p| map.labels.iter().any(|&(w, f)| f == Field::Weight && p < w)),
        absent: absent_tail_fields(map),
        extra_after: extra_neighbour(map),
        extra_gaps: extra_gaps(map),
        ..RowHint::default()
    }
}

/// Columns between the column of no field and its labelled neighbours, as the header prints
/// them: `[from the one before, to the one after]`.
fn extra_gaps(map: &crate::header::ColumnMap) -> [Option<usize>; 2] {
    let Some(&(col, _)) = map.extra.first() else { return [None; 2] };
    let before = map.columns.iter().map(|&(c, _)| c).filter(|&c| c < col).max();
    let after = map.columns.iter().map(|&(c, _)| c).filter(|&c| c > col).min();
    [before.map(|b| col - b), after.map(|a| a - col)]
}

/// Tail fields a block's header shows it has no column for: 分管领导 where the header names
/// 责任单位 and 责任人 but no 分管领导, 备注 where it names the responsibility columns but no
/// 备注. Only a header whose every label was read says so: a label the OCR garbled
/// (an unmapped header cell) may be the missing one.
fn absent_tail_fields(map: &crate::header::ColumnMap) -> [Option<Field>; 2] {
    if !(map.unmapped.is_empty() && map.has(Field::Units) && map.has(Field::Persons)) {
        return [None; 2];
    }
    [Field::Leaders, Field::Remarks].map(|f| (!map.has(f)).then_some(f))
}

/// The tail field whose column the header prints right before its column of no field
/// (考核标准 after 权重, or after 责任人), if it has one after its texts.
fn extra_neighbour(map: &crate::header::ColumnMap) -> Option<Field> {
    let &(col, _) = map.extra.first()?;
    let before = map.columns.iter().filter(|&&(c, _)| c < col).max_by_key(|&&(c, _)| c).map(|&(_, f)| f);
    match before {
        Some(f @ (Field::Weight | Field::Deadline | Field::Leaders | Field::Units | Field::Persons | Field::Remarks)) => Some(f),
        // Right after the texts: no tail neighbour, so it stands before 备注.
        _ => Some(Field::Extra),
    }
}

/// One info issue per table for the column of no field (考核标准): its texts were kept out of
/// every record on purpose, not lost.
fn report_set_aside(region: &TableRegion, drafts: &[Draft], issues: &mut Vec<Issue>) {
    let n = drafts.iter().filter(|d| d.get(Field::Extra).is_some()).count();
    let Some((line, label)) = region.blocks.iter().find_map(|b| Some((b.map.lines.first().copied().unwrap_or(region.line), b.map.extra.first()?.1.clone()))) else { return };
    if n > 0 {
        issues.push(
            Issue::new(
                Severity::Info,
                "column_set_aside",
                format!("column '{}' holds no field of the performance template; its cells on {n} rows are set aside", fold_text(&label)),
            )
            .at_line(line),
        );
    }
}

/// One info issue per table when the printed headers do not line up with the data, so the
/// reader knows why values were placed by content rather than by header.
fn header_disagreement(region: &TableRegion, layouts: &[BlockLayout], issues: &mut Vec<Issue>) {
    let off: Vec<u32> = region
        .blocks
        .iter()
        .zip(layouts)
        .filter_map(|(b, l)| {
            let header = b.map.column_of(Field::Weight)?;
            let data = l.weight_col?;
            (header != data).then(|| b.map.lines.first().copied()).flatten()
        })
        .collect();
    if let Some(&first) = off.first() {
        issues.push(
            Issue::new(
                Severity::Info,
                "header_misaligned",
                format!(
                    "{} page header(s) (lines {}) label columns that do not line up with the data rows; values were placed by what they hold",
                    off.len(),
                    off.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                ),
            )
            .at_line(first),
        );
    }
}

fn trace_block(trace: &mut Trace, b: usize, block: &PageBlock, layout: Option<&BlockLayout>) {
    trace.note(format!(
        "page block {b}: header lines {:?}; column map: {}; data layout: 权重 column {:?}, 完成时限 {:?} after it",
        block.map.lines,
        block.map.describe(),
        layout.and_then(|l| l.weight_col),
        layout.and_then(|l| l.deadline_gap)
    ));
}

/// 文件依据 and 一级指标 as normalised, by their raw text: every row of a first-level
/// indicator holds the same merged cell, which is read once.
#[derive(Default)]
struct SharedTexts {
    basis: HashMap<String, Vec<String>>,
    primary: HashMap<String, (Option<String>, Option<f64>)>,
}

/// Normalises a draft into a record.
fn finish(d: Draft, lexicon: &UnitLexicon, issues: &mut Vec<Issue>, unit_splits_seen: &mut Vec<String>, shared: &mut SharedTexts) -> Record {
    let text = |f: Field| d.get(f).map(fold_text).filter(|s| !s.is_empty());
    let (primary, primary_points) = match d.get(Field::Primary) {
        Some(p) => shared
            .primary
            .entry(p.to_string())
            .or_insert_with(|| {
                // Fold first: a wrap space inside the points (`（4 .5分）`) must not hide them.
                let (t, pts) = split_points(&fold_text(p));
                let t = fold_text(&t);
                ((!t.is_empty()).then_some(t), pts)
            })
            .clone(),
        None => (None, None),
    };
    // A 一级指标分值 column gives the points; its cell wins over points in the text.
    let primary_points = d.get(Field::Points).and_then(parse_weight).or(primary_points);
    let basis = match d.get(Field::Basis) {
        Some(b) => shared.basis.entry(b.to_string()).or_insert_with(|| dedup(split_basis(b))).clone(),
        None => Vec::new(),
    };
    let deadline = d.get(Field::Deadline).and_then(parse_deadline);
    let mut repairs = d.repairs.clone();
    let units = match d.get(Field::Units) {
        Some(u) => {
            let split = split_units(u, lexicon);
            for r in &split.repairs {
                if !unit_splits_seen.contains(r) {
                    unit_splits_seen.push(r.clone());
                    issues.push(Issue::new(Severity::Info, "unit_split", r.clone()).record(d.id.clone()).at_line(d.line()));
                }
            }
            repairs.extend(split.repairs);
            split.units
        }
        None => Vec::new(),
    };
    let lines = d.sorted_lines();
    let mut confidence = d.confidence();
    // A names cell a PDF wrapped one character a line: where one name ends is a guess.
    for (field, name) in [(Field::Leaders, "leaders"), (Field::Persons, "persons")] {
        if d.get(field).is_some_and(names_wrap_unsure) {
            confidence.doubtful.push(name.to_string());
        }
    }
    Record {
        id: d.id.clone(),
        category: d.category.clone(),
        group: d.group.clone(),
        basis,
        primary,
        primary_points,
        secondary: text(Field::Secondary),
        weight: d.get(Field::Weight).and_then(parse_weight),
        deadline_month: deadline.as_ref().and_then(|x| x.month),
        deadline: deadline.map(|x| x.text),
        leaders: d.get(Field::Leaders).map(split_names).unwrap_or_default(),
        units,
        persons: d.get(Field::Persons).map(split_names).unwrap_or_default(),
        remarks: text(Field::Remarks),
        confidence,
        provenance: Provenance { lines, repairs },
    }
}

/// Drops repeated entries, keeping the first: a 文件依据 cell repeated on every row of a merged
/// region (as some exports print it) must not list its documents twice.
fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ids;
#[cfg(test)]
mod column_tests;
