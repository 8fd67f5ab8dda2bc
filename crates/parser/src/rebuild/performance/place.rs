//! Placing the cells of one grid row into record fields.
//!
//! OCR'd rows lose and gain empty cells, and merged cells leave holes, so a cell's column
//! says little on its own. A row is placed by what its cells hold, around two anchors that
//! are easy to recognise: the 权重 (a bare number) and the 完成时限 (`12月底前`).
//!
//! - Cells before the sequence id are 项目 labels.
//! - Cells between the id and the anchors are the texts 文件依据 / 一级指标 / 二级指标. A text
//!   with a document number is a 文件依据, one ending in its points `（4分）` is a 一级指标;
//!   the others fill the remaining slots in order, right-aligned (a row that shows one text
//!   shows its 二级指标: the merged cells to its left were printed on another row).
//! - Cells after the anchors are 分管领导, 责任单位, 责任人, 备注: a unit cell (`…科`, `…中心`)
//!   splits names into leaders (before) and persons (after); where the row has no unit cell,
//!   the distance from the deadline decides, as in the clean layout.
//!
//! Rows without an id are typed too: totals, notes, footers, names spilling from a merged
//! cell, text wrapped from the row above, or a full row whose id was lost.


use crate::grid::GridRow;
use crate::header::Field;
use crate::rebuild::align::{AlignSettings, Layout};
use crate::rebuild::row::{is_footer_text, is_form_fields, is_note_text, Placed, PlacedCell, RowKind};
use zhibiao_normalize::classify::{has_doc_number, has_points, looks_like_names, looks_like_units, parse_id, total_label};
use zhibiao_normalize::text::fold_text;
use zhibiao_normalize::values::{parse_deadline, parse_weight};

/// Where an id may sit: after at most this many 项目 label cells.
const MAX_ID_COL: usize = 4;
/// A deadline cell is short; longer text mentioning a month is a sentence.
const MAX_DEADLINE_CHARS: usize = 12;

fn is_deadline_cell(text: &str) -> bool {
    let short = text.chars().filter(|c| !c.is_whitespace()).nth(MAX_DEADLINE_CHARS).is_none();
    short && parse_deadline(text).is_some()
}

/// How a page block lays out the cells after the texts, learned from its rows and its
/// header: where 完成时限 stands relative to 权重, whether either is printed after the
/// responsibility cells (one-row headers of 行政能力目标 tables put them anywhere), and the
/// order of 分管领导 / 责任单位 / 责任人 in the header.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowHint {
    /// Column of 完成时限 minus column of 权重 (negative when 完成时限 comes first).
    pub deadline_gap: Option<isize>,
    pub weight_after_resp: bool,
    pub deadline_after_resp: bool,
    pub resp_order: [Field; 3],
    /// Where the block's rows print 文件依据, 一级指标 and 二级指标, counted from the id's
    /// column, and where they print the id: a text that its content does not type is placed
    /// by its column when its row sits where the block's rows do.
    pub text_offsets: [Option<usize>; 3],
    pub id_col: Option<usize>,
    /// Where the block's rows print 权重: a row whose 权重 sits elsewhere lost or gained
    /// cells, so its columns say nothing about its texts.
    pub weight_col: Option<usize>,
    /// Columns from 分管领导 / 责任单位 / 责任人 (in `resp_order`) to the next, learned from
    /// the block's rows: a block that keeps an empty column between two of them.
    pub resp_gaps: [Option<usize>; 2],
    /// The block's header prints a 一级指标分值 column between 一级指标 and 权重: the first of
    /// two numbers before the anchors is the indicator's points.
    pub points: bool,
    /// Tail fields the block's header shows no column for (no 分管领导, no 备注): placement
    /// only chooses among the columns the table has.
    pub absent: [Option<Field>; 2],
    /// The tail field after whose column the header prints a column of no field (考核标准),
    /// and `None` when there is none: its cells take a slot of their own ([`Field::Extra`]).
    pub extra_after: Option<Field>,
    /// Columns the header keeps from that field to the column of no field, and from it to
    /// the next labelled column: a header leaves the gaps its rows leave.
    pub extra_gaps: [Option<usize>; 2],
}

impl Default for RowHint {
    fn default() -> Self {
        RowHint {
            deadline_gap: None,
            weight_after_resp: false,
            deadline_after_resp: false,
            resp_order: [Field::Leaders, Field::Units, Field::Persons],
            text_offsets: [None; 3],
            id_col: None,
            weight_col: None,
            resp_gaps: [None; 2],
            points: false,
            absent: [None; 2],
            extra_after: None,
            extra_gaps: [None; 2],
        }
    }
}

impl RowHint {
    fn after_resp(&self, f: Field) -> bool {
        match f {
            Field::Weight => self.weight_after_resp,
            Field::Deadline => self.deadline_after_resp,
            _ => false,
        }
    }

    /// The responsibility fields the block has, in the order it prints them.
    pub fn resp(&self) -> Vec<Field> {
        self.resp_order.iter().copied().filter(|f| !self.absent.contains(&Some(*f))).collect()
    }

    /// The fields after the texts, in the order the block prints them.
    pub fn tail(&self) -> Vec<Field> {
        let anchors = if self.deadline_gap.is_some_and(|g| g < 0) { [Field::Deadline, Field::Weight] } else { [Field::Weight, Field::Deadline] };
        let mut out: Vec<Field> = anchors.iter().copied().filter(|f| !self.after_resp(*f)).collect();
        out.extend(self.resp());
        out.extend(anchors.iter().copied().filter(|f| self.after_resp(*f)));
        if !self.absent.contains(&Some(Field::Remarks)) {
            out.push(Field::Remarks);
        }
        if let Some(after) = self.extra_after {
            // After its neighbour in the header; a neighbour the tail lacks puts it last but
            // 备注, where such columns usually stand.
            let at = match out.iter().position(|&f| f == after) {
                Some(k) => k + 1,
                None => out.iter().position(|&f| f == Field::Remarks).unwrap_or(out.len()),
            };
            out.insert(at, Field::Extra);
        }
        out
    }

    /// The columns between each tail slot and the next: 1, or what the block's rows keep
    /// between two responsibility fields.
    fn gaps(&self, tail: &[Field]) -> Vec<usize> {
        tail.windows(2)
            .map(|w| {
                let pair = (w.first().copied(), w.get(1).copied());
                let learned = self.resp().windows(2).zip(self.resp_gaps).find_map(|(r, g)| (pair == (r.first().copied(), r.get(1).copied())).then_some(g).flatten());
                let learned = match pair {
                    (_, Some(Field::Extra)) => self.extra_gaps[0],
                    (Some(Field::Extra), _) => self.extra_gaps[1],
                    _ => learned,
                };
                learned.filter(|g| (1..=3).contains(g)).unwrap_or(1)
            })
            .collect()
    }
}

/// The columns a block keeps between its responsibility fields (in `order`), learned from its
/// rows whose names cells the order alone assigns: a row with a unit cell and as many names
/// cells on each side of it as the order has name fields there.
pub fn learn_resp_gaps<'a>(rows: impl Iterator<Item = &'a Placed>, order: &[Field]) -> [Option<usize>; 2] {
    let mut seen: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let unit_at = order.iter().position(|&f| f == Field::Units).unwrap_or(1);
    for p in rows {
        let Some(u) = p.col(Field::Units) else { continue };
        let mut names: Vec<usize> = [Field::Leaders, Field::Persons, Field::Remarks]
            .iter()
            .filter_map(|f| p.fields.get(f))
            .filter(|c| looks_like_names(&c.text))
            .map(|c| c.col)
            .collect();
        names.sort_unstable();
        let (before, after): (Vec<usize>, Vec<usize>) = names.into_iter().partition(|&c| c < u);
        if before.len() != unit_at || after.len() != order.len() - unit_at - 1 {
            continue;
        }
        let cols: Vec<usize> = before.into_iter().chain([u]).chain(after).collect();
        for (k, w) in cols.windows(2).enumerate() {
            if let (Some(slot), [a, b]) = (seen.get_mut(k), w) {
                slot.push(b - a);
            }
        }
    }
    seen.map(|v| crate::rebuild::mode(v.into_iter(), false))
}

/// Types one row.
pub fn classify_row(row: &GridRow) -> RowKind {
    if crate::header::is_header_row(row) {
        return RowKind::Header;
    }
    classify_data_row(row, RowHint::default())
}

/// Types a row known not to be a header: every row of a region's page blocks, whose header
/// rows [`crate::region`] has already taken out (a row it kept is no header on its own).
pub fn classify_data_row(row: &GridRow, hint: RowHint) -> RowKind {
    let filled: Vec<usize> = row.filled().collect();
    let first_text = filled.first().map(|&i| row.cell(i)).unwrap_or("");
    if filled.len() == 1 || is_note_text(first_text) {
        if is_note_text(first_text) {
            return RowKind::Note(join_filled(row));
        }
        if is_footer_text(first_text) {
            return RowKind::Footer(join_filled(row));
        }
    }
    let texts: Vec<&str> = filled.iter().map(|&i| row.cell(i)).collect();
    if is_form_fields(&texts) {
        return RowKind::Footer(join_filled(row));
    }
    let id_at = row
        .cells
        .iter()
        .enumerate()
        .take(MAX_ID_COL + 1)
        .find_map(|(i, c)| parse_id(&c.text).map(|id| (i, id)));
    if let Some((col, id)) = id_at {
        return RowKind::Record(place_after(row, Some(col), Some(id), hint));
    }
    if total_label(first_text) {
        let value_at = filled.iter().skip(1).copied().find(|&i| parse_weight(row.cell(i)).is_some());
        let value = value_at.and_then(|i| parse_weight(row.cell(i)));
        let rest = filled.iter().skip(1).filter(|&&i| Some(i) != value_at).map(|&i| PlacedCell::at(row, i)).collect();
        return RowKind::Total { label: fold_text(first_text), value, rest };
    }
    let has_anchor = filled
        .iter()
        .any(|&i| parse_weight(row.cell(i)).is_some() || is_deadline_cell(row.cell(i)));
    if has_anchor {
        return RowKind::Orphan(place_after(row, None, None, hint));
    }
    if filled.len() == 1 {
        if let Some(&i) = filled.first() {
            let text = row.cell(i);
            if looks_like_names(text) && !looks_like_units(text) {
                return RowKind::NameSpill(PlacedCell::at(row, i));
            }
        }
    }
    RowKind::Continuation(filled.iter().map(|&i| PlacedCell::at(row, i)).collect())
}

fn join_filled(row: &GridRow) -> String {
    row.filled().map(|i| row.cell(i)).collect::<Vec<_>>().join(" ")
}

/// Places the cells of a row with its id at `id_col` (or, for an orphan, with no id: then
/// every cell before the first text is taken as a label only if the row has no text there).
fn place_after(row: &GridRow, id_col: Option<usize>, id: Option<String>, hint: RowHint) -> Placed {
    let mut placed = Placed { id, id_col, ..Default::default() };
    let start = id_col.map(|c| c + 1).unwrap_or(0);
    if let Some(c) = id_col {
        placed.labels = (0..c)
            .filter(|&i| !row.cell(i).trim().is_empty())
            .map(|i| PlacedCell::at(row, i))
            .collect();
    }
    let filled: Vec<usize> = row.filled().filter(|&i| i >= start).collect();

    // A block with a 一级指标分值 column prints the points and the weight as two numbers
    // with the 二级指标 between them; the weight is the later one. A row showing one number
    // shows its weight (the points are printed once per 一级指标).
    let numbers: Vec<usize> = filled.iter().copied().filter(|&i| parse_weight(row.cell(i)).is_some()).collect();
    let points_at = match numbers.as_slice() {
        [p, _, ..] if hint.points && !filled.iter().any(|&i| i < *p && is_deadline_cell(row.cell(i))) => Some(*p),
        _ => None,
    };
    let weight_at = numbers.iter().copied().find(|&i| Some(i) != points_at);
    if let Some(i) = points_at {
        placed.fields.insert(Field::Points, PlacedCell::at(row, i));
    }
    let filled: Vec<usize> = filled.into_iter().filter(|&i| Some(i) != points_at).collect();
    let deadline_at = filled
        .iter()
        .copied()
        .find(|&i| Some(i) != weight_at && is_deadline_cell(row.cell(i)));
    for (field, at) in [(Field::Weight, weight_at), (Field::Deadline, deadline_at)] {
        if let Some(i) = at {
            placed.fields.insert(field, PlacedCell::at(row, i));
        }
    }
    // Where the texts end: at the first anchor printed before the responsibility cells; for
    // a row showing one anchor, at the other's empty cell where the block prints it first;
    // else (anchors after the responsibility cells, or none) at the first names or units
    // cell after a text.
    let empty_at = |c: isize| c >= start as isize && row.cells.get(c as usize).is_none_or(|x| x.text.trim().is_empty());
    let mut ends: Vec<usize> = Vec::new();
    ends.extend(weight_at.filter(|_| !hint.weight_after_resp));
    ends.extend(deadline_at.filter(|_| !hint.deadline_after_resp));
    // The missing anchor's cell, counted from the anchor the row shows, whichever side of
    // the responsibility cells that one stands: a block printing 权重 last and 完成时限
    // before the responsibility cells still ends its texts at 完成时限's empty cell.
    if let (Some(w), None, Some(g)) = (weight_at, deadline_at, hint.deadline_gap.filter(|_| !hint.deadline_after_resp)) {
        if empty_at(w as isize + g) {
            ends.push((w as isize + g) as usize);
        }
    }
    if let (None, Some(d), Some(g)) = (weight_at, deadline_at, hint.deadline_gap.filter(|_| !hint.weight_after_resp)) {
        if empty_at(d as isize - g) {
            ends.push((d as isize - g) as usize);
        }
    }
    let text_end = match ends.iter().min() {
        Some(&e) => e,
        None => filled
            .iter()
            .copied()
            .skip(1)
            .find(|&i| Some(i) != weight_at && Some(i) != deadline_at && (looks_like_names(row.cell(i)) || looks_like_units(row.cell(i))))
            .into_iter()
            .chain([weight_at, deadline_at].into_iter().flatten())
            .min()
            .unwrap_or(usize::MAX),
    };
    let texts: Vec<usize> = filled.iter().copied().filter(|&i| i < text_end).collect();
    let in_place = id_col.is_some() && id_col == hint.id_col && weight_at.is_some() && weight_at == hint.weight_col;
    let offsets = if in_place { hint.text_offsets } else { [None; 3] };
    place_texts(row, &texts, start, offsets, &mut placed);
    let tail: Vec<usize> = filled.iter().copied().filter(|&i| i >= text_end).collect();
    let slots = hint.tail();
    let gaps = hint.gaps(&slots);
    place_tail(row, &tail, weight_at, deadline_at, &slots, &gaps, &mut placed);
    placed
}

const TEXT_SLOTS: [Field; 3] = [Field::Basis, Field::Primary, Field::Secondary];

fn slot_index(f: Field) -> usize {
    TEXT_SLOTS.iter().position(|&s| s == f).unwrap_or(0)
}

/// Sorts the text cells of a row into 文件依据 / 一级指标 / 二级指标 (see the module doc). A
/// cell its content does not type takes the slot its column gives (`offsets`, counted from
/// `start`, the column after the id) when that keeps the slots in order; the rest fill the
/// free slots right-aligned.
fn place_texts(row: &GridRow, cols: &[usize], start: usize, offsets: [Option<usize>; 3], placed: &mut Placed) {
    let strong: Vec<Option<usize>> = cols
        .iter()
        .map(|&i| {
            // Points end in 分 and a document number in 号: other cells need no folding.
            let raw = row.cell(i);
            if !raw.contains(['分', '号']) {
                return None;
            }
            let t = fold_text(raw);
            if has_points(&t) {
                Some(slot_index(Field::Primary))
            } else if has_doc_number(&t) {
                Some(slot_index(Field::Basis))
            } else {
                None
            }
        })
        .collect();
    let mut slots = strong.clone();
    // Position is weak evidence: a row showing one text shows its 二级指标 wherever it sits,
    // and a finished sentence is no piece of a title.
    let positional = cols.len() >= 2;
    for (k, &i) in cols.iter().enumerate() {
        if !positional || slots.get(k).copied().flatten().is_some() || row.cell(i).trim_end().ends_with(['。', '.']) {
            continue;
        }
        let Some(s) = offsets.iter().position(|o| *o == i.checked_sub(start).map(|x| x + 1)) else { continue };
        let taken = slots.contains(&Some(s));
        let before_ok = slots.iter().take(k).flatten().all(|&x| x < s);
        let after_ok = slots.iter().skip(k + 1).flatten().all(|&x| x > s);
        if !taken && before_ok && after_ok {
            if let Some(slot) = slots.get_mut(k) {
                *slot = Some(s);
            }
        }
    }
    // Unknown cells, right to left, take the highest free slot that leaves room for the
    // unknown cells still to their left.
    for k in (0..cols.len()).rev() {
        if slots.get(k).copied().flatten().is_some() {
            continue;
        }
        let upper = slots.iter().skip(k + 1).flatten().next().copied().unwrap_or(TEXT_SLOTS.len());
        let left_strong = (0..k).rev().find_map(|j| strong.get(j).copied().flatten());
        let unknown_left = (0..k)
            .rev()
            .take_while(|&j| strong.get(j).copied().flatten().is_none())
            .count();
        let lower = left_strong.map(|s| s + 1).unwrap_or(0) + unknown_left;
        if upper > lower {
            if let Some(s) = slots.get_mut(k) {
                *s = Some(upper - 1);
            }
        }
    }
    for (k, &i) in cols.iter().enumerate() {
        let cell = PlacedCell::at(row, i);
        match slots.get(k).copied().flatten().and_then(|s| TEXT_SLOTS.get(s)) {
            Some(&field) if !placed.fields.contains_key(&field) => {
                placed.fields.insert(field, cell);
            }
            _ => placed.unplaced.push(cell),
        }
    }
}

/// Sorts the cells after the texts into the block's tail slots (权重, 完成时限, 分管领导,
/// 责任单位, 责任人, 备注 in the order it prints them), with the typed alignment of
/// [`crate::rebuild::align`]: each cell goes where its content fits (names to a names slot, a
/// unit list to 责任单位, other text to 备注) and where its column says, counted from the
/// row's anchor; a row whose cells moved pays once for each change of offset. The anchors,
/// found by content, stay in their slots; a cell that fits nowhere is reported.
fn place_tail(row: &GridRow, cells: &[usize], weight_at: Option<usize>, deadline_at: Option<usize>, slots: &[Field], gaps: &[usize], placed: &mut Placed) {
    if cells.is_empty() {
        return;
    }
    let slot_of = |f: Field| slots.iter().position(|&s| s == f);
    let first_resp_slot = slot_of(Field::Leaders).into_iter().chain(slot_of(Field::Units)).chain(slot_of(Field::Persons)).min().unwrap_or(0);
    let (ref_slot, ref_col) = weight_at
        .and_then(|w| Some((slot_of(Field::Weight)?, w)))
        .or_else(|| deadline_at.and_then(|d| Some((slot_of(Field::Deadline)?, d))))
        .unwrap_or((first_resp_slot, cells.first().copied().unwrap_or(0)));
    // Each slot's column counted from the slot 0, then placed so the reference lands on its
    // cell.
    let mut from_first: Vec<isize> = vec![0];
    for j in 1..slots.len() {
        let prev = from_first.last().copied().unwrap_or(0);
        from_first.push(prev + gaps.get(j - 1).copied().unwrap_or(1) as isize);
    }
    let shift = ref_col as isize - from_first.get(ref_slot).copied().unwrap_or(0);
    let columns: Vec<usize> = from_first.iter().map(|c| (c + shift).max(0) as usize).collect();
    let scores: Vec<Vec<f64>> = cells
        .iter()
        .map(|&i| {
            let text = row.cell(i);
            let anchor = if Some(i) == weight_at {
                Some(Field::Weight)
            } else if Some(i) == deadline_at {
                Some(Field::Deadline)
            } else {
                None
            };
            let names = anchor.is_none() && looks_like_names(text);
            let units = anchor.is_none() && !names && looks_like_units(text);
            slots.iter().map(|&slot| tail_fit(slot, anchor, names, units)).collect()
        })
        .collect();
    let layout = Layout { slots: slots.to_vec(), columns, fill_rates: vec![0.5; slots.len()], settings: AlignSettings::default() };
    let alignment = layout.align(cells, &scores);
    for p in alignment.placements {
        let Some(&i) = cells.get(p.cell) else { continue };
        if Some(i) == weight_at || Some(i) == deadline_at {
            continue;
        }
        match p.slot.and_then(|j| slots.get(j)) {
            // A column of no field keeps its cell under [`Field::Extra`], so a wrapped line
            // under it joins it too; the record never reads it.
            Some(&f) if !placed.fields.contains_key(&f) => {
                placed.fields.insert(f, PlacedCell::at(row, i));
            }
            _ => placed.unplaced.push(PlacedCell::at(row, i)),
        }
    }
}

/// How well a cell after the texts suits a tail slot (log-odds-like, as the alignment wants).
fn tail_fit(slot: Field, anchor: Option<Field>, names: bool, units: bool) -> f64 {
    match (slot, anchor) {
        (Field::Weight | Field::Deadline, Some(a)) if a == slot => 3.0,
        (_, Some(_)) | (Field::Weight | Field::Deadline, None) => f64::NEG_INFINITY,
        (Field::Leaders | Field::Persons, _) if names => 2.0,
        (Field::Leaders | Field::Persons, _) if units => f64::NEG_INFINITY,
        (Field::Leaders | Field::Persons, _) => -3.0,
        (Field::Units, _) if units => 2.0,
        (Field::Units, _) if names => -1.0,
        (Field::Units, _) => 0.0,
        // A remark may look like names (`新增`) or a unit; where it stands decides.
        (_, _) if names => 0.0,
        (_, _) if units => -0.5,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Cell, SourcePos};

    fn row(cells: &[&str]) -> GridRow {
        GridRow::new(cells.iter().map(|c| Cell::text(*c)).collect(), SourcePos { line: 1, page: None })
    }

    fn classify_with(cells: &[&str], gap: isize) -> Placed {
        record(classify_data_row(&row(cells), RowHint { deadline_gap: Some(gap), ..RowHint::default() }))
    }

    fn record(kind: RowKind) -> Placed {
        match kind {
            RowKind::Record(p) | RowKind::Orphan(p) => p,
            other => panic!("expected a record row, got {other:?}"),
        }
    }

    #[test]
    fn clean_row_places_every_field() {
        let p = record(classify_row(&row(&[
            "职能 工作 目标 80分", "重点 工作 目标", "1-1-1", "某文件(泉政办(2019)9 号)", "推动制造业高质量发展。(3 分)",
            "牵头制定出台措施。", "1.5", "9 月", "陈建兴 张劲松", "高新科", "梁秋生", "",
        ])));
        assert_eq!(p.id.as_deref(), Some("1-1-1"));
        assert_eq!(p.labels.len(), 2);
        assert_eq!(p.get(Field::Basis), Some("某文件(泉政办(2019)9 号)"));
        assert_eq!(p.get(Field::Primary), Some("推动制造业高质量发展。(3 分)"));
        assert_eq!(p.get(Field::Secondary), Some("牵头制定出台措施。"));
        assert_eq!(p.get(Field::Weight), Some("1.5"));
        assert_eq!(p.get(Field::Deadline), Some("9 月"));
        assert_eq!(p.get(Field::Leaders), Some("陈建兴 张劲松"));
        assert_eq!(p.get(Field::Units), Some("高新科"));
        assert_eq!(p.get(Field::Persons), Some("梁秋生"));
        assert!(p.unplaced.is_empty());
    }

    #[test]
    fn row_shifted_left_keeps_its_fields() {
        // Merged 文件依据/一级指标 cells dropped: the 二级指标 sits right after the id.
        let p = record(classify_row(&row(&["1-12-2", "配合各部门组织做好会展工作。", "", "", "1.5", "12月", "林清京", "人才科", "高静娴"])));
        assert_eq!(p.get(Field::Secondary), Some("配合各部门组织做好会展工作。"));
        assert_eq!(p.get(Field::Basis), None);
        assert_eq!(p.get(Field::Persons), Some("高静娴"));
    }

    #[test]
    fn inserted_empty_cell_after_weight_is_ignored() {
        let p = record(classify_row(&row(&["", "1-6-1", "", "", "初步明确选址方向。", "2", "", "12月", "陈建兴 张劲松", "平台科", ""])));
        assert_eq!(p.get(Field::Deadline), Some("12月"));
        assert_eq!(p.get(Field::Leaders), Some("陈建兴 张劲松"));
        assert_eq!(p.get(Field::Units), Some("平台科"));
        assert_eq!(p.get(Field::Persons), None);
    }

    #[test]
    fn primary_in_the_basis_column_is_typed_by_its_points() {
        let p = record(classify_row(&row(&["", "", "1-12-1", "推动所出资企业履行社会责任。（属年度重中之重工作）（5分）", "", "推动公交服务水平提升。", "2", "12月份", "林 鹏", "资本科 交发集团", "苏颖慧"])));
        assert_eq!(p.get(Field::Basis), None);
        assert!(p.get(Field::Primary).is_some_and(|t| t.contains("5分")));
        assert_eq!(p.get(Field::Secondary), Some("推动公交服务水平提升。"));
        assert_eq!(p.get(Field::Leaders), Some("林 鹏"));
    }

    #[test]
    fn unknown_texts_fill_slots_right_aligned() {
        let p = record(classify_row(&row(&["", "", "1-14", "工作方案 (泉创文明城指〔2020〕3号)", "创建全国文明城市。", "认真贯彻工作部署。", "10", "12月份", "汪亚彬", "党建科", "陈天铃"])));
        assert_eq!(p.get(Field::Primary), Some("创建全国文明城市。"));
        assert_eq!(p.get(Field::Secondary), Some("认真贯彻工作部署。"));
    }

    #[test]
    fn names_without_unit_are_placed_by_distance_from_deadline() {
        let p = record(classify_row(&row(&["", "", "5-2", "自觉接受监督。", "", "", "", "1", "12月份", "", "", "苏颖慧", ""])));
        assert_eq!(p.get(Field::Persons), Some("苏颖慧"));
        assert_eq!(p.get(Field::Leaders), None);
    }

    #[test]
    fn a_missing_anchor_keeps_its_empty_cell_in_the_blocks_layout() {
        // 完成时限 merged and printed on another row: its empty cell still counts.
        let cells = ["", "1-9-2", "", "", "推进集团化办学。", "1.5", "", "陆宁烨", "", "邱泽", ""];
        let p = classify_with(&cells, 1);
        assert_eq!(p.get(Field::Leaders), Some("陆宁烨"));
        assert_eq!(p.get(Field::Persons), Some("邱泽"));
        assert_eq!(p.get(Field::Remarks), None);
        // 完成时限 printed before 权重 in this block; 权重 merged.
        let cells = ["", "1-9-2", "", "", "推进集团化办学。", "12月", "", "陆宁烨", "", "邱泽", ""];
        let p = classify_with(&cells, -1);
        assert_eq!(p.get(Field::Persons), Some("邱泽"));
        assert_eq!(p.get(Field::Secondary), Some("推进集团化办学。"));
    }

    #[test]
    fn remarks_after_persons() {
        let p = record(classify_row(&row(&["", "", "1-12-3", "推动帮困活动。", "1", "12月份", "罗 霖", "办公室 各所出资企业", "陈瑞典", "脱贫攻坚重点工作 泉委发〔2018〕22号"])));
        assert_eq!(p.get(Field::Remarks), Some("脱贫攻坚重点工作 泉委发〔2018〕22号"));
        assert_eq!(p.get(Field::Persons), Some("陈瑞典"));
    }

    #[test]
    fn idless_rows_are_typed() {
        assert!(matches!(classify_row(&row(&["合 计", "", "", "", "", "80"])), RowKind::Total { value: Some(v), .. } if v == 80.0));
        assert!(matches!(classify_row(&row(&["", "", "", "", "李 昶", ""])), RowKind::NameSpill(_)));
        assert!(matches!(classify_row(&row(&["", "", "开展科技特派员选认工作。", "2", "12月", "黄珍霞", "社农科", "陈岩"])), RowKind::Orphan(_)));
        assert!(matches!(classify_row(&row(&["说明：(1)每个单位必须设定…", "", ""])), RowKind::Note(_)));
        assert!(matches!(classify_row(&row(&["", "质量强市(泉委发(2019)2 号)", ""])), RowKind::Continuation(_)));
        assert!(matches!(classify_row(&row(&["单位主要领导： 分管领导： 经办人： 日期：", ""])), RowKind::Footer(_)));
        assert!(matches!(classify_row(&row(&["绩效考评组成员：", "", ""])), RowKind::Footer(_)));
        assert!(!matches!(classify_row(&row(&["", "", "", "", "责任人：陈岩", ""])), RowKind::Footer(_)));
    }
}
