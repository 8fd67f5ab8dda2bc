//! The table body: one row per indicator, split into pages, with the merged duty cells placed
//! by the table's convention, long cells wrapped onto an id-less row, and the OCR noise that
//! changes how a row is printed but never what it means.
//!
//! Order matters: pages first (a duty's cells are placed per page part), then the duty cells,
//! then wraps (a wrapped row is never shifted), then the noise on cell texts, and last the
//! cell shifts, which only move cells and are applied only to rows `decode` reads one way.

use crate::dice::Dice;

use super::content::{Content, Row};
use super::decode::{class, unique};
use super::layout::{insert_space, Col, Layout};
use super::profile::Profile;
use super::variation::{Notes, Variation};

/// One printed row of the body.
#[derive(Debug, Clone)]
pub struct BodyRow {
    pub cells: Vec<String>,
    /// The record the row prints, or the record whose cell it continues.
    pub record: String,
    /// A continuation row holding the tail of a wrapped cell.
    pub wrap: bool,
}

/// The body, page by page.
#[derive(Debug, Clone)]
pub struct Body {
    pub pages: Vec<Vec<BodyRow>>,
}

/// Which row of a duty (of each page part of it) carries the merged duty cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Convention {
    First,
    Middle,
    Last,
}

/// The duty cells a continued duty prints again on its new page.
const REPEATED: [&[Col]; 3] = [&[Col::DutyNo, Col::Duty, Col::Goal], &[Col::DutyNo, Col::Duty], &[Col::Duty]];

/// A record row while the body is built.
struct Rec {
    duty: usize,
    id: String,
    page: usize,
    cells: Vec<String>,
    /// A cell wrapped onto the row below: its column and the tail.
    wrap: Option<(usize, String)>,
    /// The row's cells were shifted.
    shifted: bool,
}

/// Builds the body of `c` under `layout`.
pub fn build(d: &mut Dice, p: &Profile, c: &Content, layout: &Layout, notes: &mut Notes) -> Body {
    let mut recs = records(c, layout);
    let split = p.is_natural() || p.forces(Variation::DutyContinuedRepeated) || p.forces(Variation::DutyContinuedEmpty);
    paginate(d, &mut recs, split);
    duty_cells(d, p, c, layout, &mut recs, notes);
    wraps(d, p, layout, &mut recs, notes);
    text_noise(d, p, layout, &mut recs, notes);
    shifts(d, p, layout, &mut recs, notes);
    let page_count = recs.last().map(|r| r.page + 1).unwrap_or(1);
    let mut pages: Vec<Vec<BodyRow>> = vec![Vec::new(); page_count];
    for r in recs {
        let Some(page) = pages.get_mut(r.page) else { continue };
        page.push(BodyRow { cells: r.cells, record: r.id.clone(), wrap: false });
        if let Some((col, tail)) = r.wrap {
            let mut cells = vec![String::new(); layout.width()];
            if let Some(cell) = cells.get_mut(col) {
                *cell = tail;
            }
            page.push(BodyRow { cells, record: r.id, wrap: true });
        }
    }
    Body { pages }
}

fn records(c: &Content, layout: &Layout) -> Vec<Rec> {
    let mut out = Vec::new();
    let mut seq = 0;
    for (di, duty) in c.duties.iter().enumerate() {
        for (ri, row) in duty.rows.iter().enumerate() {
            seq += 1;
            let cells = layout.cols.iter().map(|&col| cell(col, row, seq)).collect();
            out.push(Rec { duty: di, id: format!("{}-{}", duty.no, ri + 1), page: 0, cells, wrap: None, shifted: false });
        }
    }
    out
}

/// The text of `col` on an indicator row; the duty columns are filled later.
fn cell(col: Col, r: &Row, seq: usize) -> String {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match col {
        Col::Seq => seq.to_string(),
        Col::DutyNo | Col::Duty | Col::Goal => String::new(),
        Col::Indicator => r.indicator.clone(),
        Col::IndType => r.ind_type.clone(),
        Col::Explanation => opt(&r.explanation),
        Col::Target => r.target.clone(),
        Col::Unit => r.unit.clone(),
        Col::Plan => opt(&r.plan),
        Col::Standard => opt(&r.standard),
        Col::StdSource => opt(&r.standard_source),
        Col::Avg => opt(&r.history_avg),
        Col::Last => opt(&r.history_last),
        Col::HistSource => opt(&r.history_source),
        Col::Remarks => opt(&r.remarks),
        Col::Activity => opt(&r.activity),
        Col::BudgetItem => opt(&r.budget_item),
    }
}

/// Pages of 5–10 rows first (the budget header fills the top of page 1), then 8–14. Unless
/// `split`, a page runs on to the end of its last duty, so no duty continues on a new page.
fn paginate(d: &mut Dice, recs: &mut [Rec], split: bool) {
    let mut page = 0;
    let mut room = d.range(5, 10);
    let mut last_duty = None;
    for r in recs.iter_mut() {
        if room == 0 && (split || last_duty != Some(r.duty)) {
            page += 1;
            room = d.range(8, 14);
        }
        r.page = page;
        room = room.saturating_sub(1);
        last_duty = Some(r.duty);
    }
}

fn duty_cells(d: &mut Dice, p: &Profile, c: &Content, layout: &Layout, recs: &mut [Rec], notes: &mut Notes) {
    let natural = d.weighted(&[(50, Convention::First), (25, Convention::Middle), (25, Convention::Last)]);
    let convention = p.pick(
        natural,
        Convention::First,
        &[
            (Variation::DutyContinuedEmpty, Convention::First),
            (Variation::DutyCellsMiddle, Convention::Middle),
            (Variation::DutyCellsLast, Convention::Last),
        ],
    );
    match convention {
        Convention::First => notes.add(Variation::DutyCellsFirst, "the merged 职责序号/部门职责/职责目标 cells are printed on the first row of each duty (of each page part of a duty); the rows below without them belong to the same duty"),
        Convention::Middle => notes.add(Variation::DutyCellsMiddle, "the merged 职责序号/部门职责/职责目标 cells are printed on the middle row of each duty (row ⌊(n−1)/2⌋ of its n rows, per page part); where the rows between two duties' cells could split either way, the indicators' subject tells which duty a row belongs to"),
        Convention::Last => notes.add(Variation::DutyCellsLast, "the merged 职责序号/部门职责/职责目标 cells are printed on the last row of each duty (of each page part of a duty); the rows above without them belong to the same duty"),
    }
    // A continued duty on a new page with no cells is only readable when cells come first.
    let leave_roll = d.chance(0.5);
    let may_leave_empty = convention == Convention::First
        && (p.forces(Variation::DutyContinuedEmpty) || (p.is_natural() && leave_roll && !p.forces(Variation::DutyContinuedRepeated)));
    for (di, duty) in c.duties.iter().enumerate() {
        let mine: Vec<usize> = (0..recs.len()).filter(|&i| recs.get(i).is_some_and(|r| r.duty == di)).collect();
        let mut parts: Vec<Vec<usize>> = Vec::new();
        for i in mine {
            let page = recs.get(i).map(|r| r.page);
            match parts.last_mut() {
                Some(part) if part.first().and_then(|&f| recs.get(f)).map(|r| r.page) == page => part.push(i),
                _ => parts.push(vec![i]),
            }
        }
        for (k, part) in parts.iter().enumerate() {
            let at = match convention {
                Convention::First => 0,
                Convention::Middle => (part.len().saturating_sub(1)) / 2,
                Convention::Last => part.len().saturating_sub(1),
            };
            let Some(&anchor) = part.get(at) else { continue };
            let first_id = part.first().and_then(|&i| recs.get(i)).map(|r| r.id.clone()).unwrap_or_default();
            let page = recs.get(anchor).map(|r| r.page + 1).unwrap_or(1);
            let printed: &[Col] = if k == 0 {
                &[Col::DutyNo, Col::Duty, Col::Goal]
            } else if may_leave_empty {
                notes.add(Variation::DutyContinuedEmpty, format!("duty {} continues on page {page} from {first_id}; its cells are not printed there (the rows belong to the duty above)", duty.no));
                &[]
            } else {
                let which: &'static [Col] = d.pick::<&'static [Col]>(&REPEATED);
                let names: Vec<&str> = which.iter().map(|c| c.name()).collect();
                notes.add(Variation::DutyContinuedRepeated, format!("duty {} continues on page {page} from {first_id}; its cells are printed again there ({}); the ids go on counting", duty.no, names.join("/")));
                which
            };
            let Some(r) = recs.get_mut(anchor) else { continue };
            for &col in printed {
                let text = match col {
                    Col::DutyNo => duty.no.to_string(),
                    Col::Duty => duty.name.clone(),
                    _ => duty.goal.clone(),
                };
                if let Some(cell) = layout.index(col).and_then(|i| r.cells.get_mut(i)) {
                    *cell = text;
                }
            }
        }
    }
}

/// Splits a cell's text into a head and a tail of at least two characters, cutting between
/// 40% and 80% of it.
fn split(d: &mut Dice, text: &str) -> Option<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n < 6 {
        return None;
    }
    let cut = d.range(n * 2 / 5, n * 4 / 5).clamp(2, n - 2);
    Some((chars.iter().take(cut).collect(), chars.iter().skip(cut).collect()))
}

fn wraps(d: &mut Dice, p: &Profile, layout: &Layout, recs: &mut [Rec], notes: &mut Notes) {
    let plans = [
        (Variation::WrapDutyGoal, Col::Goal, 0.35, 16, 2),
        (Variation::WrapExplanation, Col::Explanation, 0.35, 12, 3),
        (Variation::WrapIndicator, Col::Indicator, 0.25, 7, 2),
    ];
    for (variation, col, chance, min_len, most) in plans {
        if !p.on(d, variation, chance) {
            continue;
        }
        let Some(ci) = layout.index(col) else { continue };
        let candidates: Vec<usize> = (0..recs.len())
            .filter(|&i| recs.get(i).is_some_and(|r| r.wrap.is_none() && r.cells.get(ci).is_some_and(|s| s.chars().count() >= min_len)))
            .collect();
        let count = d.range(1, most);
        let picked: Vec<usize> = d.sample(&candidates, count).into_iter().copied().collect();
        for i in picked {
            let Some(r) = recs.get_mut(i) else { continue };
            let Some(text) = r.cells.get(ci).cloned() else { continue };
            let Some((head, tail)) = split(d, &text) else { continue };
            notes.add(variation, format!("{} of {} wrapped onto an id-less row below holding only the tail `{tail}` in its column; the gold has the whole text", col.name(), r.id));
            if let Some(cell) = r.cells.get_mut(ci) {
                *cell = head;
            }
            r.wrap = Some((ci, tail));
        }
    }
}

/// Columns a wrap space may fall into: Chinese text.
const TEXT_COLS: [Col; 7] = [Col::Duty, Col::Goal, Col::Indicator, Col::Explanation, Col::StdSource, Col::HistSource, Col::Remarks];
/// Columns holding printed values.
const VALUE_COLS: [Col; 5] = [Col::Target, Col::Plan, Col::Standard, Col::Avg, Col::Last];

/// `(record, column)` of the non-empty, unwrapped cells of `cols`.
fn cells_of(layout: &Layout, recs: &[Rec], cols: &[Col]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, r) in recs.iter().enumerate() {
        for &col in cols {
            let Some(ci) = layout.index(col) else { continue };
            let wrapped = r.wrap.as_ref().is_some_and(|w| w.0 == ci);
            if !wrapped && r.cells.get(ci).is_some_and(|s| !s.is_empty()) {
                out.push((i, ci));
            }
        }
    }
    out
}

/// Wrap spaces in Chinese text, spaces between a number and its unit, ASCII commas between
/// Chinese text. The gold keeps the clean text (wrap spaces removed, punctuation full-width).
fn text_noise(d: &mut Dice, p: &Profile, layout: &Layout, recs: &mut [Rec], notes: &mut Notes) {
    if p.on(d, Variation::WrapSpaces, 0.4) {
        let spots = cells_of(layout, recs, &TEXT_COLS);
        let count = d.range(2, 5);
        let mut done = Vec::new();
        for (i, ci) in d.sample(&spots, count).into_iter().copied().collect::<Vec<_>>() {
            let Some(r) = recs.get_mut(i) else { continue };
            let Some(cell) = r.cells.get_mut(ci) else { continue };
            if let Some(spaced) = insert_space(d, cell) {
                done.push(format!("{} {} `{spaced}`", r.id, layout.cols.get(ci).map(|c| c.name()).unwrap_or("")));
                *cell = spaced;
            }
        }
        if !done.is_empty() {
            notes.add(Variation::WrapSpaces, format!("wrap spaces inside Chinese text (removed in the gold): {}", done.join("; ")));
        }
    }
    if p.on(d, Variation::NumberSpaces, 0.35) {
        let spots = cells_of(layout, recs, &VALUE_COLS);
        let count = d.range(1, 4);
        let mut done = Vec::new();
        for (i, ci) in d.sample(&spots, count).into_iter().copied().collect::<Vec<_>>() {
            let Some(r) = recs.get_mut(i) else { continue };
            let Some(cell) = r.cells.get_mut(ci) else { continue };
            if let Some(spaced) = space_number(d, cell) {
                done.push(format!("{} {} `{spaced}`", r.id, layout.cols.get(ci).map(|c| c.name()).unwrap_or("")));
                *cell = spaced;
            }
        }
        if !done.is_empty() {
            notes.add(Variation::NumberSpaces, format!("a space inside a printed value (the gold has none): {}", done.join("; ")));
        }
    }
    if p.on(d, Variation::HalfwidthPunctuation, 0.2) {
        let spots: Vec<(usize, usize)> = cells_of(layout, recs, &[Col::Goal, Col::Explanation])
            .into_iter()
            .filter(|&(i, ci)| recs.get(i).and_then(|r| r.cells.get(ci)).is_some_and(|s| s.contains('，')))
            .collect();
        let count = d.range(1, 3);
        let mut done = Vec::new();
        for (i, ci) in d.sample(&spots, count).into_iter().copied().collect::<Vec<_>>() {
            let Some(r) = recs.get_mut(i) else { continue };
            let Some(cell) = r.cells.get_mut(ci) else { continue };
            *cell = cell.replace('，', if d.chance(0.5) { ", " } else { "," });
            done.push(format!("{} {}", r.id, layout.cols.get(ci).map(|c| c.name()).unwrap_or("")));
        }
        if !done.is_empty() {
            notes.add(Variation::HalfwidthPunctuation, format!("ASCII commas between Chinese text (full-width `，` in the gold): {}", done.join("; ")));
        }
    }
}

/// `100%` → `100 %`, `60家` → `60 家`, `≥95%` → `≥ 95%`.
pub fn space_number(d: &mut Dice, text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let spots: Vec<usize> = (1..chars.len())
        .filter(|&i| {
            let (Some(&a), Some(&b)) = (chars.get(i - 1), chars.get(i)) else { return false };
            (a.is_ascii_digit() && !b.is_ascii_digit() && b != '.' && b != '-') || (matches!(a, '≥' | '≤') && b.is_ascii_digit())
        })
        .collect();
    if spots.is_empty() {
        return None;
    }
    let at = *d.pick(&spots);
    let mut out: String = chars.iter().take(at).collect();
    out.push(' ');
    out.extend(chars.iter().skip(at));
    Some(out)
}

/// Indices of the empty cells between a row's first and last non-empty cells, as runs.
fn interior_runs(cells: &[String]) -> Vec<(usize, usize)> {
    let filled: Vec<usize> = (0..cells.len()).filter(|&i| cells.get(i).is_some_and(|s| !s.is_empty())).collect();
    let (Some(&first), Some(&last)) = (filled.first(), filled.last()) else { return Vec::new() };
    let mut runs = Vec::new();
    let mut i = first;
    while i < last {
        if cells.get(i).is_some_and(|s| s.is_empty()) {
            let start = i;
            while i < last && cells.get(i).is_some_and(|s| s.is_empty()) {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    runs
}

/// What the columns from `from` on are, for a note.
fn from_col(layout: &Layout, r: &Rec, from: usize) -> String {
    (from..r.cells.len())
        .find(|&i| r.cells.get(i).is_some_and(|s| !s.is_empty()))
        .and_then(|i| layout.cols.get(i))
        .map(|c| c.name().to_string())
        .unwrap_or_default()
}

/// Cells OCR dropped or added: a row's later values slide left or right. Only rows whose
/// non-empty cells read one way (`decode`) are shifted, and never a wrapped row.
fn shifts(d: &mut Dice, p: &Profile, layout: &Layout, recs: &mut [Rec], notes: &mut Notes) {
    let readable = |r: &Rec| {
        let classes: Vec<_> = layout
            .cols
            .iter()
            .zip(&r.cells)
            .filter(|(_, s)| !s.is_empty())
            .map(|(&c, _)| class(c))
            .collect();
        r.wrap.is_none() && unique(&layout.cols, &classes)
    };
    let eligible: Vec<usize> =
        (0..recs.len()).filter(|&i| recs.get(i).is_some_and(|r| readable(r) && !interior_runs(&r.cells).is_empty())).collect();

    if p.on(d, Variation::CellsCollapsedPartial, 0.4) {
        let count = d.range(1, 3);
        let picked: Vec<usize> = d.sample(&eligible, count).into_iter().copied().collect();
        for i in picked {
            let Some(r) = recs.get_mut(i) else { continue };
            let runs = interior_runs(&r.cells);
            let &(start, len) = d.pick(&runs);
            let drop = d.range(1, len);
            let what = from_col(layout, r, start);
            r.cells.drain(start..start + drop);
            r.shifted = true;
            notes.add(Variation::CellsCollapsedPartial, format!("{}: {drop} empty cell(s) before {what} dropped, the values from {what} on slid {drop} column(s) left", r.id));
        }
    }
    if p.on(d, Variation::CellsCollapsedFull, 0.2) {
        let free: Vec<usize> = eligible.iter().copied().filter(|&i| recs.get(i).is_some_and(|r| !r.shifted)).collect();
        let count = d.range(1, 2);
        let picked: Vec<usize> = d.sample(&free, count).into_iter().copied().collect();
        for i in picked {
            let Some(r) = recs.get_mut(i) else { continue };
            let first = r.cells.iter().position(|s| !s.is_empty()).unwrap_or(0);
            let mut kept: Vec<String> = r.cells.iter().take(first).cloned().collect();
            kept.extend(r.cells.iter().skip(first).filter(|s| !s.is_empty()).cloned());
            let dropped = r.cells.len() - kept.len();
            r.cells = kept;
            r.shifted = true;
            notes.add(Variation::CellsCollapsedFull, format!("{}: every empty cell after the first value dropped ({dropped} cells), all later values packed to the left", r.id));
        }
    }
    if p.on(d, Variation::CellsGainedEmpty, 0.15) {
        let free: Vec<usize> = (0..recs.len())
            .filter(|&i| recs.get(i).is_some_and(|r| !r.shifted && readable(r) && r.cells.iter().filter(|s| !s.is_empty()).count() >= 2))
            .collect();
        if !free.is_empty() {
            let i = *d.pick(&free);
            if let Some(r) = recs.get_mut(i) {
                let filled: Vec<usize> = (0..r.cells.len()).filter(|&k| r.cells.get(k).is_some_and(|s| !s.is_empty())).skip(1).collect();
                if !filled.is_empty() {
                    let at = *d.pick(&filled);
                    let what = layout.cols.get(at).map(|c| c.name()).unwrap_or("");
                    r.cells.insert(at, String::new());
                    if r.cells.len() > layout.width() && r.cells.last().is_some_and(|s| s.is_empty()) {
                        r.cells.pop();
                    }
                    r.shifted = true;
                    notes.add(Variation::CellsGainedEmpty, format!("{}: an empty cell added before {what}, the values from {what} on slid one column right", r.id));
                }
            }
        }
    }
}
