//! Placing the cells of a budget-target row: the template's slots, the type of each slot's
//! cells, and the table layout they are aligned to.
//!
//! Empty cells collapse in these tables, and the page headers that label the columns are
//! themselves printed shifted (备注 over the 数据来源 column, …), so a row is placed by the
//! shared [`align`](crate::rebuild::align) engine: the template's slot order, the columns the
//! table's headers show to exist, how often the table's rows fill each of them, and what each
//! cell holds — a value (`60家`, `34.6%`, `应做尽做`), a data source (`内部统计`,
//! `统计局统计`, `《…办法》`), a duty number, or free text.

use std::collections::HashMap;

use crate::grid::GridRow;
use crate::header::Field;
use crate::rebuild::align::{Alignment, Layout};
use crate::rebuild::row::{is_footer_text, is_note_text, is_signoff_text, Placed, PlacedCell, RowKind};
use once_cell::sync::Lazy;
use regex::Regex;
use zhibiao_model::Quantity;
use zhibiao_normalize::classify::total_label;
use zhibiao_normalize::quantity::parse_quantity;
use zhibiao_normalize::text::{fold_text, squash};

/// The budget template's columns, in printed order.
pub const SLOTS: [Field; 15] = [
    Field::DutyNo,
    Field::Duty,
    Field::DutyGoal,
    Field::Indicator,
    Field::Explanation,
    Field::Target,
    Field::PlanValue,
    Field::StandardValue,
    Field::StandardSource,
    Field::HistoryAvg,
    Field::HistoryLast,
    Field::HistorySource,
    Field::Remarks,
    Field::Activity,
    Field::BudgetItem,
];

/// Fields printed once per duty (merged over its indicator rows).
pub const DUTY_FIELDS: [Field; 3] = [Field::DutyNo, Field::Duty, Field::DutyGoal];

/// Value columns: a number with its unit, or a short qualitative target.
pub const VALUE_FIELDS: [Field; 5] = [Field::Target, Field::PlanValue, Field::StandardValue, Field::HistoryAvg, Field::HistoryLast];

/// Words that mark a text as the source of a value (a statistics series, a document, a rule),
/// not a value.
static SOURCE_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"统计|来源|系统|年鉴|公报|《|》|文件|办法|要求|制定|估算|根据|通知|批文|考核|标准|规划|方案|意见|内部")
        .expect("valid regex")
});
/// Record-keeping nouns a source ends with (`年度工作总结`, `工作台账`, `年度工作计划`,
/// `…监管平台`): at the end only, so that a value that mentions one (`按计划完成`) stays a
/// value.
static SOURCE_ENDS: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:总结|台账|计划|年报|报表|平台|记录|档案)$").expect("valid regex"));
/// Words that deny: a text saying a standard or a source is *missing* (`无明确标准`,
/// `暂无标准值和历史值`, `历史数据未统计`) is a remark about the values, not their source.
static DENIAL: Lazy<Regex> = Lazy::new(|| Regex::new(r"无|未|没有|不详|缺").expect("valid regex"));

/// Names of a measure (`…执行率`, `…人数`, `…面积`): what an indicator or its explanation is
/// called, never a value of it.
static MEASURE_NAME: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:率|数|量|额|比例|占比|面积|指数|时限|频次)$").expect("valid regex"));
/// Words a qualitative value starts with (`不突破限额`, `保持零增量`, `控制在…以内`): a value
/// that ends like a measure's name. `不` only as a bound or a denial (`不少于`, `不发生`),
/// never as the first character of a noun (`不动产登记网上申请率` is a measure's name).
static VALUE_LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:不(?:少|低|高|超|突破|大|小|多|增|减|降|发生|出现|得|能|断)|无|零|未|达到|保持|低于|高于|控制|完成|确保|实现|持续|只|逐年|稳定|全面|按|应)")
        .expect("valid regex")
});

/// A count leads the text (`1项管理办法`, `100家`), not a year (`2019年…`): a value, whatever
/// words follow it.
static COUNT_LED: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[0-9]+(?:\.[0-9]+)?(?:[^0-9年.]|$)").expect("valid regex"));


/// A fund's name (`干部教育培训经费`, `老旧小区改造补助资金`): what a 预算项目 is called, and
/// what neither a 工作活动 nor a remark usually is.
static FUND_NAME: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[^0-9]{2,12}(?:经费|资金|补助|补贴|基金)$").expect("valid regex"));
/// A remark on the indicator itself (`约束性指标`, `新设指标，暂无历史数据`, `年度重点任务`):
/// what a 备注 says, never a 工作活动 or 预算项目.
static REMARK_WORDS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:新增|新设|暂无|预期性|约束性)|(?:指标|任务|数据)$").expect("valid regex"));

/// Qualitative values are short; longer text in a value column is prose that slid over.
const MAX_QUALITATIVE_CHARS: usize = 12;


/// A bare number with at most its unit: the clearest value there is.
fn is_pure_number(q: &Option<Quantity>) -> bool {
    matches!(q, Some(Quantity::Number { qualifier: None, .. }) | Some(Quantity::Range { qualifier: None, .. }))
}

/// The duty number a cell prints (`3`, `3.`).
pub fn duty_no(text: &str) -> Option<u32> {
    duty_no_folded(&squash(&fold_text(text)))
}

/// [`duty_no`] of a text already folded and squashed.
fn duty_no_folded(s: &str) -> Option<u32> {
    let s = s.trim_end_matches(['.', '、', '．']);
    (!s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// What a cell's text is, read once per cell; [`Evidence::fit`] then scores it per slot.
struct Evidence {
    duty_no: bool,
    chars: usize,
    /// A number (or range) leads the text.
    counted: bool,
    /// A bare number with at most its unit.
    pure_number: bool,
    /// Parses as a number or range at all.
    numeric: bool,
    source: bool,
    /// Names a measure and holds no number.
    measure: bool,
    /// Reads like a qualitative value (`零增长`, `按时完成`): short, led by a value's word.
    qualitative: bool,
    /// Ends a sentence (`…提供有力支撑。`).
    sentence: bool,
    /// Names a fund ([`FUND_NAME`]).
    fund: bool,
    /// Remarks on the indicator ([`REMARK_WORDS`]).
    remark: bool,
}

impl Evidence {
    fn of(text: &str) -> Evidence {
        // Folded once: every test below reads the folded, squashed text.
        let folded = fold_text(text);
        let squashed = squash(&folded);
        let q = parse_quantity(&folded);
        let pure_number = is_pure_number(&q);
        let counted = COUNT_LED.is_match(&squashed) || pure_number;
        Evidence {
            duty_no: duty_no_folded(&squashed).is_some(),
            chars: squashed.chars().count(),
            counted,
            pure_number,
            numeric: matches!(q, Some(Quantity::Number { .. }) | Some(Quantity::Range { .. })),
            source: (SOURCE_WORDS.is_match(&squashed) || SOURCE_ENDS.is_match(&squashed)) && !counted && !DENIAL.is_match(&squashed),
            measure: MEASURE_NAME.is_match(&squashed)
                && !VALUE_LEAD.is_match(&squashed)
                && squashed.chars().count() >= 4
                && !squashed.chars().any(|c| c.is_ascii_digit()),
            qualitative: VALUE_LEAD.is_match(&squashed) && squashed.chars().count() <= 6,
            sentence: squashed.ends_with(['。', '.']),
            fund: FUND_NAME.is_match(&squashed),
            remark: REMARK_WORDS.is_match(&squashed),
        }
    }

    /// How well the text suits a slot (see [`crate::rebuild::align`]): positive is evidence
    /// for, negative against, `-inf` impossible.
    fn fit(&self, field: Field) -> f64 {
        if field == Field::DutyNo {
            return if self.duty_no { 2.0 } else { f64::NEG_INFINITY };
        }
        if field == Field::Seq {
            // A row counter holds row numbers, up to three digits.
            return if self.pure_number && self.chars <= 3 && self.counted { 2.0 } else { f64::NEG_INFINITY };
        }
        if self.duty_no && self.chars <= 2 && !VALUE_FIELDS.contains(&field) {
            // A bare small number is a duty number or a value, never prose or a source.
            return -2.0;
        }
        if VALUE_FIELDS.contains(&field) {
            return if self.source {
                // A source is never a value.
                -6.0
            } else if self.fund {
                // Nor is the name of a fund (`法律顾问经费`): a 预算项目 slid left.
                -3.0
            } else if self.measure {
                // Nor, hardly ever, is the name of a measure (`…执行率`).
                -3.0
            } else if (self.counted || self.numeric) && self.chars <= 2 * MAX_QUALITATIVE_CHARS {
                1.5
            } else if self.chars <= MAX_QUALITATIVE_CHARS {
                0.5
            } else {
                -2.0
            };
        }
        match field {
            // Any text may stand in a column the template has no field for; a field of the
            // template that suits the text as well is the better reading.
            Field::Extra | Field::Unknown => -0.5,
            // The name of a measure is what an indicator or its explanation says, never a
            // duty's name or goal.
            Field::Indicator | Field::Explanation if self.measure => 0.3,
            Field::Duty | Field::DutyGoal if self.measure => -2.0,
            // A duty's name is a short title, an indicator's name not a paragraph; a long
            // sentence is a goal or an explanation.
            Field::Duty if self.chars > 16 => -1.5,
            // An indicator is named, never said: a sentence is a goal or an explanation.
            Field::Indicator if self.sentence && self.chars >= 15 => -2.0,
            Field::Indicator if self.chars > 24 => -1.0,
            Field::DutyGoal if self.sentence && self.chars >= 15 => 0.5,
            // A goal is a sentence or two; a short phrase that ends no sentence is a name: the
            // duty's own (a row that gained an empty cell after its number), or an indicator
            // slid into the goal's column when a row lost the empty goal cell.
            Field::DutyGoal if self.chars <= 12 && !self.sentence => -1.5,
            // A source or a short value is no name, goal or explanation.
            Field::Duty | Field::DutyGoal | Field::Indicator | Field::Explanation if self.source => -1.5,
            Field::Duty | Field::DutyGoal | Field::Indicator | Field::Explanation if self.qualitative && !self.measure => -1.0,
            // The three short texts at the row's end tell themselves apart by what they name:
            // a fund is a budget item, a word on the indicator a remark.
            Field::BudgetItem if self.fund => 1.0,
            Field::Activity | Field::Remarks if self.fund => -1.0,
            Field::Remarks if self.remark => 1.0,
            Field::Activity | Field::BudgetItem if self.remark => -1.0,
            Field::StandardSource | Field::HistorySource if self.counted => -3.0,
            Field::StandardSource | Field::HistorySource if self.source => 2.0,
            // Sources are nearly always named as such (统计, 《…》, 根据…, …要求).
            Field::StandardSource | Field::HistorySource => -1.0,
            _ if self.pure_number => -2.0,
            _ => 0.0,
        }
    }
}

/// How well a text suits a slot; see [`Evidence::fit`].
pub fn cell_fit(field: Field, text: &str) -> f64 {
    Evidence::of(text).fit(field)
}

/// True for a cell that reads as a value on its own: a number with at most its unit, a short
/// count (`12次`, `≥20人`), or a short qualitative value (`按时完成`, `零增长`).
pub fn reads_as_value(text: &str) -> bool {
    let e = Evidence::of(text);
    e.pure_number || (e.counted && e.chars <= 8) || (e.qualitative && !e.measure)
}

/// The 职责目标 of each duty the table has printed so far, by its 部门职责 and by its number
/// (texts folded and squashed).
#[derive(Debug, Default)]
pub struct KnownGoals {
    by_name: HashMap<String, String>,
    by_no: HashMap<u32, String>,
}

impl KnownGoals {
    /// Learns the goal of a row that prints one beside its duty's name or number.
    pub fn learn(&mut self, placed: &Placed) {
        let Some(goal) = placed.get(Field::DutyGoal).map(key) else { return };
        if let Some(name) = placed.get(Field::Duty).map(key) {
            self.by_name.entry(name).or_insert_with(|| goal.clone());
        }
        if let Some(no) = placed.get(Field::DutyNo).and_then(duty_no) {
            self.by_no.entry(no).or_insert(goal);
        }
    }

    /// Whether `goal`, printed beside a duty the table has printed before, is another text
    /// than that duty's goal. One is allowed to be the start of the other: a goal wrapped
    /// onto the rows below prints only its start.
    fn contradicts(&self, name: Option<&str>, no: Option<&str>, goal: &str) -> bool {
        let known = match name.map(key) {
            Some(n) => self.by_name.get(&n),
            None => no.and_then(duty_no).and_then(|n| self.by_no.get(&n)),
        };
        let goal = key(goal);
        known.is_some_and(|k| !k.starts_with(&goal) && !goal.starts_with(k.as_str()))
    }
}

fn key(text: &str) -> String {
    squash(&fold_text(text))
}

/// Types one row and places its cells; `known`: the goals of the duties printed above it.
pub fn classify_row(row: &GridRow, layout: &Layout, anchor_rates: &[f64], known: &KnownGoals) -> (RowKind, Option<Alignment>, Vec<(Field, f64)>) {
    let filled: Vec<usize> = row.filled().collect();
    let first = filled.first().map(|&i| row.cell(i)).unwrap_or("");
    if filled.is_empty() {
        return (RowKind::Continuation(Vec::new()), None, Vec::new());
    }
    if is_note_text(first) {
        return (RowKind::Note(join(row)), None, Vec::new());
    }
    if filled.len() == 1 && is_footer_text(first) {
        return (RowKind::Footer(join(row)), None, Vec::new());
    }
    // The form's sign-off (填报人 / 联系电话 / 填报日期): every cell a label with its value.
    if filled.iter().all(|&i| is_signoff_text(row.cell(i))) {
        return (RowKind::Footer(join(row)), None, Vec::new());
    }
    if total_label(first) {
        // A closing 合计 row prints the budget total: its one amount is the declared total;
        // any other cell is kept for the report.
        let mut value = None;
        let mut rest = Vec::new();
        for &i in filled.iter().skip(1) {
            match parse_quantity(&fold_text(row.cell(i))) {
                Some(Quantity::Number { number, bound: None, qualifier: None, .. }) if value.is_none() => value = Some(number),
                _ => rest.push(PlacedCell::at(row, i)),
            }
        }
        return (RowKind::Total { label: fold_text(first), value, rest }, None, Vec::new());
    }
    let mut scores: Vec<Vec<f64>> = filled
        .iter()
        .map(|&i| {
            let evidence = Evidence::of(row.cell(i));
            layout
                .slots
                .iter()
                .zip(&layout.columns)
                .map(|(&f, &c)| {
                    // The duty's cells stand at the row's left edge in their own columns: text
                    // printed two columns or more away is an indicator's, however the rest of
                    // the row reads.
                    if DUTY_FIELDS.contains(&f) && c.abs_diff(i) >= 2 {
                        f64::NEG_INFINITY
                    } else {
                        evidence.fit(f)
                    }
                })
                .collect()
        })
        .collect();
    // A row that prints a duty's cells fills the 职责 columns: reading its cells past them
    // would leave them empty, which such rows never do.
    let as_anchor = !anchor_rates.is_empty() && super::layout::prints_duty(layout, row);
    let mut rates = if as_anchor { anchor_rates } else { &layout.fill_rates };
    let mut alignment = layout.align_with_rates(&filled, &scores, rates);
    if as_anchor && !reads_as_anchor(layout, &alignment) {
        // Read as a duty's cells, the row has no whole indicator: its cells slid left past
        // the empty duty columns (an indicator in the 部门职责 column, its explanation in the
        // 职责目标 one). It is read as any row is.
        rates = &layout.fill_rates;
        alignment = layout.align_with_rates(&filled, &scores, rates);
    }
    let mut forced = false;
    if let Some(goal) = slot_cell(layout, &alignment, Field::DutyGoal) {
        let text = |f: Field| slot_cell(layout, &alignment, f).and_then(|k| filled.get(k)).map(|&i| row.cell(i));
        if text(Field::DutyGoal).is_some_and(|g| known.contradicts(text(Field::Duty), text(Field::DutyNo), g)) {
            // A duty printed again (after a page break) with another text in its goal's
            // column than its goal: the goal was left empty and lost, and an indicator slid
            // into its place (`干部队伍建设 | 急需紧缺人才引进 | 引进急需紧缺专业人才数量 | 3人`).
            let goal_slot = layout.slots.iter().position(|&f| f == Field::DutyGoal);
            if let Some(s) = scores.get_mut(goal).and_then(|r| goal_slot.and_then(|j| r.get_mut(j))) {
                *s = f64::NEG_INFINITY;
            }
            alignment = layout.align_with_rates(&filled, &scores, rates);
            forced = true;
        }
    }
    let mut margins = margins(layout, &filled, &scores, rates, &alignment);
    if forced {
        // The cells themselves read better the other way: where this reading moved them off
        // their printed columns is as unsure as a close call.
        let moved: Vec<Field> = alignment
            .placements
            .iter()
            .filter(|p| p.slot.and_then(|s| layout.columns.get(s)).is_some_and(|&c| c != p.col))
            .filter_map(|p| p.slot.and_then(|s| layout.slots.get(s)).copied())
            .collect();
        for (f, m) in margins.iter_mut() {
            if moved.contains(f) {
                *m = 0.0;
            }
        }
    }
    let mut placed = Placed::default();
    for p in &alignment.placements {
        let cell = PlacedCell::at(row, p.col);
        match p.slot.and_then(|s| layout.slots.get(s)) {
            // A column of unknown meaning: its text is reported where it stands.
            Some(&Field::Unknown) => placed.unplaced.push(cell),
            // A column known to hold no field: set aside, reported once for the column.
            Some(&(Field::Extra | Field::Seq)) => placed.set_aside.push((p.slot.unwrap_or(0), cell)),
            Some(&field) => {
                placed.fields.insert(field, cell);
            }
            None => placed.unplaced.push(cell),
        }
    }
    // A lone text cell in a text column is wrapped from the row above, not a record.
    let lone_text = filled.len() == 1
        && placed.fields.keys().all(|f| !VALUE_FIELDS.contains(f) && !DUTY_FIELDS.contains(f) && *f != Field::Indicator);
    if lone_text {
        let cells = filled.iter().map(|&i| PlacedCell::at(row, i)).collect();
        return (RowKind::Continuation(cells), None, Vec::new());
    }
    if let Some(c) = placed.fields.get(&Field::DutyNo) {
        placed.id = duty_no(&c.text).map(|n| n.to_string());
        placed.id_col = Some(c.col);
    }
    (RowKind::Record(placed), Some(alignment), margins)
}

/// Whether a row read with the fill rates of the rows that print a duty's cells is one: its
/// duty number, an indicator with its target beside the duty's cells, or the duty's cells
/// alone (on a row of their own). Every indicator has its name and its target: values
/// without a name (`困难群众参保资助 | 对特困人员…资助 | 应资尽资 …`), or a name without a
/// target (`决算报表报送 | 部门决算报表按规定时间报送 | 按时报送`, the target read as the
/// name), are an indicator's cells that slid into the duty columns.
fn reads_as_anchor(layout: &Layout, alignment: &Alignment) -> bool {
    let fields: Vec<Field> = alignment.placements.iter().filter_map(|p| p.slot.and_then(|s| layout.slots.get(s)).copied()).collect();
    let has = |f: Field| fields.contains(&f);
    has(Field::DutyNo) || (has(Field::Indicator) && has(Field::Target)) || fields.iter().all(|f| DUTY_FIELDS.contains(f))
}

/// The index (among the row's filled cells) of the cell a reading puts in `field`'s slot.
fn slot_cell(layout: &Layout, alignment: &Alignment, field: Field) -> Option<usize> {
    alignment.placements.iter().find(|p| p.slot.and_then(|s| layout.slots.get(s)) == Some(&field)).map(|p| p.cell)
}

/// How much worse the best reading of the row is that puts each placed cell elsewhere: the
/// evidence for where the cell went. A cell whose next-best place costs little more is a
/// close call (prose beside prose after a shift, one value among several value columns).
fn margins(layout: &Layout, filled: &[usize], scores: &[Vec<f64>], rates: &[f64], best: &Alignment) -> Vec<(Field, f64)> {
    best.placements
        .iter()
        .filter_map(|p| {
            let slot = p.slot?;
            let field = *layout.slots.get(slot)?;
            let mut forbidden = scores.to_vec();
            if let Some(s) = forbidden.get_mut(p.cell).and_then(|r| r.get_mut(slot)) {
                *s = f64::NEG_INFINITY;
            }
            let other = layout.align_with_rates(filled, &forbidden, rates);
            Some((field, other.cost - best.cost))
        })
        .collect()
}

fn join(row: &GridRow) -> String {
    row.filled().map(|i| row.cell(i)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_sources_and_prose_are_told_apart() {
        assert!(cell_fit(Field::Target, "60家") > cell_fit(Field::HistorySource, "60家"));
        assert!(cell_fit(Field::HistorySource, "内部统计") > cell_fit(Field::HistoryLast, "内部统计"));
        assert!(cell_fit(Field::StandardValue, "应做尽做") > 0.0);
        assert!(cell_fit(Field::StandardSource, "《临沂市科技创新券实施管理办法（试行）》") > 0.0);
        assert!(cell_fit(Field::Target, "《临沂市科技创新券实施管理办法（试行）》") < 0.0);
        assert!(cell_fit(Field::DutyNo, "11") > 0.0);
        assert_eq!(cell_fit(Field::DutyNo, "政策规划"), f64::NEG_INFINITY);
        assert!(cell_fit(Field::Remarks, "12") < 0.0);
        // Words after a count do not make a source of it.
        assert!(cell_fit(Field::HistoryLast, "1项管理办法") > cell_fit(Field::HistorySource, "1项管理办法"));
        assert!(cell_fit(Field::HistorySource, "《2019年临沂市机关党建工作要点》") > 0.0);
    }

    #[test]
    fn a_name_that_starts_with_bu_is_a_measure_and_a_bound_a_value() {
        // `不` leads a bound or a denial (a value) and a noun like 不动产 (a measure's name).
        let name = "不动产登记网上申请率";
        assert!(cell_fit(Field::Target, name) < 0.0);
        assert!(cell_fit(Field::Indicator, name) > cell_fit(Field::Duty, name));
        for value in ["不少于60家", "不低于95%", "不突破限额", "不发生"] {
            assert!(cell_fit(Field::Target, value) > 0.0, "{value}");
        }
    }

    #[test]
    fn funds_remarks_and_activities_are_told_apart() {
        for fund in ["干部教育培训经费", "城镇老旧小区改造补助资金"] {
            assert!(cell_fit(Field::BudgetItem, fund) > cell_fit(Field::Activity, fund), "{fund}");
            assert!(cell_fit(Field::BudgetItem, fund) > cell_fit(Field::Remarks, fund), "{fund}");
        }
        for remark in ["约束性指标", "新设指标，暂无历史数据", "年度重点任务"] {
            assert!(cell_fit(Field::Remarks, remark) > cell_fit(Field::Activity, remark), "{remark}");
            assert!(cell_fit(Field::Remarks, remark) > cell_fit(Field::BudgetItem, remark), "{remark}");
        }
        // An activity is neither; nor is a long remark that names a fund among other words.
        assert_eq!(cell_fit(Field::Activity, "卫片执法检查"), cell_fit(Field::Remarks, "卫片执法检查"));
        let long = "2019年新设立市级科技成果转化贷款风险补偿资金";
        assert!(cell_fit(Field::Remarks, long) >= cell_fit(Field::BudgetItem, long));
    }
}
