//! Typed column alignment: placing a row's cells into a family's ordered slots by what the
//! cells hold and by where the table's rows usually put them.
//!
//! OCR'd rows lose empty cells (a row collapses one or more columns to the left) and now and
//! then gain one, so a cell's printed column is a hint, not an answer. Each family declares
//! its slots in template order and a [`fit`](Layout::align) score per slot saying how well a
//! text suits it (`60家` suits a value column, `内部统计` a data-source column). The alignment
//! chooses, for the whole row at once, the order-preserving assignment of cells to slots that
//! costs least, where the cost adds up:
//!
//! - the misfit of each cell in its slot (`-fit`);
//! - how unusual it is for the slot to be filled at all, learned from the table's own rows
//!   ([`Layout::fill_rates`]): a column that is empty on nine rows in ten is a poor place for
//!   a value that another, usually filled, column would take as well;
//! - a [`AlignSettings::shift_cost`] for each place where the row's cells change their
//!   offset from the template (one lost or gained cell), so a row is read as shifted only
//!   when its contents say so; more for each further column the offset jumps
//!   ([`AlignSettings::per_column`]), and more when the row would have *gained* cells
//!   ([`AlignSettings::gained_cost`]): OCR loses empty cells far more often than it invents
//!   them, so a cell is read further right than printed more readily than further left;
//! - an [`AlignSettings::unplaced_cost`] for a cell left out (reported, never dropped).
//!
//! The search is exact (dynamic programming over cells × slots), and rows have a dozen
//! cells, so it costs microseconds.

use crate::header::Field;

/// The tunable costs of the alignment. Costs are in the units of the fit scores (roughly
/// log-odds), so one `shift_cost` is worth about one strong piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignSettings {
    /// Cost of each change of a row's offset from the template layout.
    pub shift_cost: f64,
    /// Further cost per column an offset change jumps beyond the first.
    pub per_column: f64,
    /// Further cost of an offset change that reads cells left of where they are printed
    /// (the row would have gained empty cells).
    pub gained_cost: f64,
    /// Cost of leaving a cell in no slot.
    pub unplaced_cost: f64,
    /// Weight of the fill-rate prior against the fit of the cells: the prior breaks ties
    /// between slots a text suits equally (`100家` as 前三年均值 or as 上年值); it must not
    /// outvote what a cell plainly is (`内部统计` is a source, however often 上年值 is filled).
    pub fill_weight: f64,
    /// Fill rates are clamped to `[min_rate, 1 - min_rate]`, so that a column never seen
    /// filled can still take a value that fits nowhere else.
    pub min_rate: f64,
}

impl Default for AlignSettings {
    fn default() -> Self {
        AlignSettings { shift_cost: 3.0, per_column: 0.5, gained_cost: 1.0, unplaced_cost: 8.0, fill_weight: 0.5, min_rate: 0.03 }
    }
}

/// The slots of a table in template order, with the column each is expected in and how often
/// it is filled.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub slots: Vec<Field>,
    /// Expected printed column of each slot.
    pub columns: Vec<usize>,
    /// Share of the table's data rows with a non-empty cell in each slot's column.
    pub fill_rates: Vec<f64>,
    pub settings: AlignSettings,
}

/// Where one cell went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Index of the cell in the row's non-empty cells.
    pub cell: usize,
    /// Printed column.
    pub col: usize,
    /// Slot index, or `None` when the cell fits no slot.
    pub slot: Option<usize>,
}

/// The best reading of one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub placements: Vec<Placement>,
    pub cost: f64,
}

impl Alignment {
    /// `(printed column, slot column)` of every placed cell that sits off the template.
    pub fn shifted(&self, layout: &Layout) -> Vec<(usize, usize)> {
        self.placements
            .iter()
            .filter_map(|p| {
                let expected = *layout.columns.get(p.slot?)?;
                (expected != p.col).then_some((p.col, expected))
            })
            .collect()
    }
}

impl Layout {
    /// A layout with fill rates learned from data rows (each given as its non-empty columns).
    pub fn learn(slots: Vec<Field>, columns: Vec<usize>, rows: &[Vec<usize>], settings: AlignSettings) -> Layout {
        let n = rows.len().max(1) as f64;
        let fill_rates = columns
            .iter()
            .map(|c| {
                let filled = rows.iter().filter(|r| r.contains(c)).count() as f64;
                (filled / n).clamp(settings.min_rate, 1.0 - settings.min_rate)
            })
            .collect();
        Layout { slots, columns, fill_rates, settings }
    }

    /// Cost of the row's offset changing from `from` to `to` (see [`AlignSettings`]).
    fn shift(&self, from: i64, to: i64) -> f64 {
        if from == to {
            return 0.0;
        }
        let s = &self.settings;
        let jump = from.abs_diff(to).saturating_sub(1) as f64;
        s.shift_cost + s.per_column * jump + if to < from { s.gained_cost } else { 0.0 }
    }

    /// Cost of filling slot `j` rather than leaving it empty: `ln((1-p)/p)`, weighted.
    fn fill_cost(&self, j: usize) -> f64 {
        let p = self.fill_rates.get(j).copied().unwrap_or(0.5);
        self.settings.fill_weight * ((1.0 - p) / p).ln()
    }

    /// Aligns a row's non-empty cells, given as their printed columns (ascending) and a score
    /// per cell and slot (`scores[cell][slot]`: how well the cell's text suits the slot;
    /// `f64::NEG_INFINITY` forbids it). The family computes the scores once per cell, so the
    /// search itself does no text work.
    ///
    /// States are (last slot used, last cell placed): the offset of the row at that point is
    /// their column difference, so a state says all the search needs. Cells between two
    /// placed ones are left out. `O(cells² × slots)` additions with running minima.
    pub fn align(&self, cols: &[usize], scores: &[Vec<f64>]) -> Alignment {
        self.align_with_rates(cols, scores, &self.fill_rates)
    }

    /// [`Layout::align`] with the fill rates of a kind of row (a family may know that some
    /// rows fill some slots far more often than the table's rows at large).
    pub fn align_with_rates(&self, cols: &[usize], scores: &[Vec<f64>], rates: &[f64]) -> Alignment {
        let (k_n, j_n) = (cols.len(), self.slots.len());
        let fill: Vec<f64> = (0..j_n)
            .map(|j| match rates.get(j) {
                Some(&p) => self.settings.fill_weight * ((1.0 - p) / p).ln(),
                None => self.fill_cost(j),
            })
            .collect();
        let u = self.settings.unplaced_cost;
        // State (j, m): last slot j-1 and last placed cell m-1; 0 means none yet.
        let idx = |j: usize, m: usize| j * (k_n + 1) + m;
        let size = (j_n + 1) * (k_n + 1);
        let mut base = vec![f64::INFINITY; size];
        // The row's offset from the template at each state.
        let mut off = vec![0_i64; size];
        let mut back: Vec<(usize, usize)> = vec![(0, 0); size];
        if let Some(b) = base.get_mut(idx(0, 0)) {
            *b = 0.0;
        }
        for k in 0..k_n {
            let col = cols.get(k).copied().unwrap_or(0) as i64;
            // Running minima per offset over the states with a slot before `jn` (a row has
            // few distinct offsets).
            let mut best_by_offset: Vec<(i64, f64, (usize, usize))> = Vec::new();
            for jn in 1..=j_n {
                for m in 0..=k {
                    let i = idx(jn - 1, m);
                    let (Some(&b), Some(&o)) = (base.get(i), off.get(i)) else { continue };
                    if !b.is_finite() {
                        continue;
                    }
                    let cost = b + (k - m) as f64 * u;
                    match best_by_offset.iter_mut().find(|e| e.0 == o) {
                        Some(e) if cost < e.1 => *e = (o, cost, (jn - 1, m)),
                        Some(_) => {}
                        None => best_by_offset.push((o, cost, (jn - 1, m))),
                    }
                }
                let score = scores.get(k).and_then(|r| r.get(jn - 1)).copied().unwrap_or(f64::NEG_INFINITY);
                let Some(&expected) = self.columns.get(jn - 1) else { continue };
                if !score.is_finite() {
                    continue;
                }
                let here = expected as i64 - col;
                let best = best_by_offset
                    .iter()
                    .map(|&(o, c, from)| (c + self.shift(o, here), from))
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .unwrap_or((f64::INFINITY, (0, 0)));
                if best.0.is_finite() {
                    let i = idx(jn, k + 1);
                    if let (Some(b), Some(o), Some(p)) = (base.get_mut(i), off.get_mut(i), back.get_mut(i)) {
                        *b = best.0 - score + fill.get(jn - 1).copied().unwrap_or(0.0);
                        *o = here;
                        *p = best.1;
                    }
                }
            }
        }
        // The cheapest end state, with the cells after its last placed one left out.
        let mut end = (0.0_f64, (0, 0));
        let mut found = false;
        for j in 0..=j_n {
            for m in 0..=k_n {
                let Some(&b) = base.get(idx(j, m)) else { continue };
                let cost = b + (k_n - m) as f64 * u;
                if cost.is_finite() && (!found || cost < end.0) {
                    end = (cost, (j, m));
                    found = true;
                }
            }
        }
        let mut slots: Vec<Option<usize>> = vec![None; k_n];
        let (mut j, mut m) = end.1;
        while m > 0 && j > 0 {
            if let Some(s) = slots.get_mut(m - 1) {
                *s = Some(j - 1);
            }
            let Some(&prev) = back.get(idx(j, m)) else { break };
            (j, m) = prev;
        }
        let placements = cols
            .iter()
            .enumerate()
            .map(|(cell, &col)| Placement { cell, col, slot: slots.get(cell).copied().flatten() })
            .collect();
        Alignment { placements, cost: end.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three slots: a name, a number, a source; the number column is rarely filled in the
    /// middle slot and usually in the last-but-one.
    fn layout() -> Layout {
        let slots = vec![Field::Indicator, Field::HistoryAvg, Field::HistoryLast, Field::HistorySource];
        let rows: Vec<Vec<usize>> = (0..10).map(|i| if i == 0 { vec![0, 1, 2, 3] } else { vec![0, 2, 3] }).collect();
        Layout::learn(slots, vec![0, 1, 2, 3], &rows, AlignSettings::default())
    }

    fn fit(field: Field, text: &str) -> f64 {
        let number = text.chars().any(|c| c.is_ascii_digit());
        let source = text.contains("统计");
        match field {
            Field::HistoryAvg | Field::HistoryLast if source => -3.0,
            Field::HistoryAvg | Field::HistoryLast if number => 1.5,
            Field::HistorySource if source => 2.0,
            Field::HistorySource if number => -3.0,
            _ => 0.0,
        }
    }

    /// Aligns `(column, text)` cells with the test fit.
    fn align(l: &Layout, cells: &[(usize, &str)], fit: &dyn Fn(Field, &str) -> f64) -> Alignment {
        let cols: Vec<usize> = cells.iter().map(|c| c.0).collect();
        let scores: Vec<Vec<f64>> = cells.iter().map(|(_, t)| l.slots.iter().map(|&f| fit(f, t)).collect()).collect();
        l.align(&cols, &scores)
    }

    fn slots_of(a: &Alignment) -> Vec<Option<usize>> {
        a.placements.iter().map(|p| p.slot).collect()
    }

    #[test]
    fn a_clean_row_stays_where_it_is() {
        let l = layout();
        let a = align(&l, &[(0, "指标"), (2, "9个"), (3, "内部统计")], &fit);
        assert_eq!(slots_of(&a), [Some(0), Some(2), Some(3)]);
        assert!(a.shifted(&l).is_empty());
    }

    #[test]
    fn a_collapsed_row_is_read_by_content_into_the_usual_columns() {
        // `100家` and `内部统计` sit one column left: the source says so, and the usually
        // filled 上年值 column is preferred over the rarely filled 均值 one.
        let l = layout();
        let a = align(&l, &[(0, "指标"), (1, "100家"), (2, "内部统计")], &fit);
        assert_eq!(slots_of(&a), [Some(0), Some(2), Some(3)]);
        assert_eq!(a.shifted(&l), [(1, 2), (2, 3)]);
    }

    #[test]
    fn a_full_row_keeps_the_rare_column() {
        let l = layout();
        let a = align(&l, &[(0, "指标"), (1, "350项"), (2, "380项"), (3, "内部统计")], &fit);
        assert_eq!(slots_of(&a), [Some(0), Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn a_cell_that_fits_nowhere_is_left_out_not_forced() {
        let l = layout();
        let never = |f: Field, t: &str| if t == "X" { f64::NEG_INFINITY } else { fit(f, t) };
        let a = align(&l, &[(0, "指标"), (1, "X"), (2, "9个")], &never);
        assert_eq!(slots_of(&a), [Some(0), None, Some(2)]);
    }

    #[test]
    fn more_cells_than_slots_never_panics() {
        let l = layout();
        let cells: Vec<(usize, &str)> = (0..12).map(|i| (i, "文字")).collect();
        let a = align(&l, &cells, &fit);
        assert_eq!(a.placements.len(), 12);
        assert_eq!(a.placements.iter().filter(|p| p.slot.is_some()).count(), 4);
        assert!(align(&l, &[], &fit).placements.is_empty());
    }
}
