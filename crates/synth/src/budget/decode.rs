//! Whether a row whose cells OCR shifted can still be read: the guard that keeps the
//! collapsed-cell variations recoverable.
//!
//! When OCR drops (or adds) empty cells, a row's values slide out of their columns, and only
//! what each value *is* tells a reader where it belongs: a number is a 序号, a short name is a
//! duty or an indicator, a sentence a goal or an explanation, `60家` a value, `内部统计` a
//! source, `新增指标` a remark. A reader also knows the form's rules, which the content keeps
//! (`content`): every row has an indicator and a target, a standard value comes with its
//! source, a 前三年均值 only beside a 上年值, a history value with its 数据来源, a duty's goal
//! or number only beside its name.
//!
//! [`readings`] counts the ways the row's non-empty cells, in order, can be given to the
//! table's columns under those rules, ignoring where they are printed. The generator shifts a
//! row's cells only when there is exactly one reading, so the gold is what any careful reader
//! would write, however far the cells slid.

use super::layout::Col;

/// What a cell visibly is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Number,
    Name,
    Sentence,
    Value,
    Source,
    Remark,
    Activity,
    Item,
    Unit,
    Type,
}

/// The class of what a column holds.
pub fn class(c: Col) -> Class {
    match c {
        Col::Seq | Col::DutyNo => Class::Number,
        Col::Duty | Col::Indicator => Class::Name,
        Col::Goal | Col::Explanation => Class::Sentence,
        Col::Target | Col::Plan | Col::Standard | Col::Avg | Col::Last => Class::Value,
        Col::StdSource | Col::HistSource => Class::Source,
        Col::Remarks => Class::Remark,
        Col::Activity => Class::Activity,
        Col::BudgetItem => Class::Item,
        Col::Unit => Class::Unit,
        Col::IndType => Class::Type,
    }
}

/// The number of readings of `cells` (the classes of a row's non-empty cells, in order) over
/// the table's `cols`, counted up to `cap`.
pub fn readings(cols: &[Col], cells: &[Class], cap: usize) -> usize {
    let mut chosen = Vec::with_capacity(cells.len());
    let mut count = 0;
    walk(cols, cells, 0, 0, &mut chosen, &mut count, cap);
    count
}

/// Whether the row reads one way only.
pub fn unique(cols: &[Col], cells: &[Class]) -> bool {
    readings(cols, cells, 2) == 1
}

fn walk(cols: &[Col], cells: &[Class], ci: usize, si: usize, chosen: &mut Vec<Col>, count: &mut usize, cap: usize) {
    if *count >= cap {
        return;
    }
    let Some(&cell) = cells.get(ci) else {
        if allowed(cols, chosen) {
            *count += 1;
        }
        return;
    };
    let left = cells.len() - ci;
    for s in si..cols.len() {
        if cols.len() - s < left {
            break;
        }
        let Some(&col) = cols.get(s) else { break };
        if class(col) == cell {
            chosen.push(col);
            walk(cols, cells, ci + 1, s + 1, chosen, count, cap);
            chosen.pop();
        }
    }
}

/// The form's rules over the columns a reading fills.
fn allowed(cols: &[Col], chosen: &[Col]) -> bool {
    let has = |c: Col| chosen.contains(&c);
    has(Col::Indicator)
        && has(Col::Target)
        && (!cols.contains(&Col::Seq) || has(Col::Seq))
        && (!has(Col::DutyNo) || has(Col::Duty))
        && (!has(Col::Goal) || has(Col::Duty))
        && has(Col::Standard) == has(Col::StdSource)
        && (!has(Col::Avg) || has(Col::Last))
        && (!(has(Col::Avg) || has(Col::Last)) || has(Col::HistSource))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::*;

    const COLS: [Col; 15] = [
        Col::DutyNo,
        Col::Duty,
        Col::Goal,
        Col::Indicator,
        Col::Explanation,
        Col::Target,
        Col::Plan,
        Col::Standard,
        Col::StdSource,
        Col::Avg,
        Col::Last,
        Col::HistSource,
        Col::Remarks,
        Col::Activity,
        Col::BudgetItem,
    ];

    #[test]
    fn a_lone_history_value_before_its_source_is_last_years() {
        // 临沂 4-3: 建立4项 | 建立4项 | 内部统计 | 1项管理办法 | 内部统计
        assert!(unique(&COLS, &[Name, Sentence, Value, Value, Source, Value, Source]));
    }

    #[test]
    fn a_value_and_a_source_after_the_target_read_three_ways() {
        // target, then standard + its source, or plan + a history source alone, or 上年值 +
        // its source: such a row is never shifted.
        assert_eq!(readings(&COLS, &[Name, Sentence, Value, Value, Source], 5), 3);
    }

    #[test]
    fn duty_cells_and_indicator_names_are_told_apart_by_what_follows() {
        assert!(unique(&COLS, &[Number, Name, Sentence, Name, Sentence, Value]));
        assert!(unique(&COLS, &[Name, Name, Sentence, Value]));
    }

    #[test]
    fn a_row_without_indicator_or_target_has_no_reading() {
        assert_eq!(readings(&COLS, &[Name, Sentence], 5), 0);
    }
}
