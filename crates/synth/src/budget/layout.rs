//! The table's columns and its header: which labels name the columns (`年度指标值` or
//! `2021年指标值`…), how many header rows there are, which spanning labels group them, and the
//! header's own OCR noise (spaced labels, a label wrapped onto the next header row).
//!
//! The header carries no gold: it only has to let a reader tell which column is which. So
//! every label here names its column unambiguously, and a repeated page header may be printed
//! shifted (render) without changing what the rows mean.

use crate::dice::Dice;

use super::content::{plan_period, Columns};
use super::profile::Profile;
use super::variation::{Notes, Variation};

/// One column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// A running row number (not a record field).
    Seq,
    DutyNo,
    Duty,
    Goal,
    Indicator,
    /// 指标类型 (not a record field).
    IndType,
    Explanation,
    Target,
    /// 计量单位 (not a record field).
    Unit,
    Plan,
    Standard,
    StdSource,
    Avg,
    Last,
    HistSource,
    Remarks,
    Activity,
    BudgetItem,
}

impl Col {
    /// The column's name in notes.
    pub fn name(self) -> &'static str {
        match self {
            Col::Seq => "序号",
            Col::DutyNo => "职责序号",
            Col::Duty => "部门职责",
            Col::Goal => "职责目标",
            Col::Indicator => "绩效指标",
            Col::IndType => "指标类型",
            Col::Explanation => "指标解释",
            Col::Target => "年度指标值",
            Col::Unit => "计量单位",
            Col::Plan => "规划值",
            Col::Standard => "年度标准值",
            Col::StdSource => "标准值来源",
            Col::Avg => "前三年均值",
            Col::Last => "上年值",
            Col::HistSource => "数据来源",
            Col::Remarks => "备注",
            Col::Activity => "工作活动",
            Col::BudgetItem => "预算项目",
        }
    }

    /// Columns whose cells are merged over a duty's rows.
    pub fn is_duty(self) -> bool {
        matches!(self, Col::DutyNo | Col::Duty | Col::Goal)
    }
}

/// The columns and the header rows (each as wide as the columns).
#[derive(Debug, Clone)]
pub struct Layout {
    pub cols: Vec<Col>,
    pub header: Vec<Vec<String>>,
}

impl Layout {
    pub fn width(&self) -> usize {
        self.cols.len()
    }

    pub fn index(&self, c: Col) -> Option<usize> {
        self.cols.iter().position(|&x| x == c)
    }
}

/// Draws the optional columns, with their notes.
pub fn draw_columns(d: &mut Dice, p: &Profile, notes: &mut Notes) -> Columns {
    let cols = Columns {
        seq: p.on(d, Variation::ColumnSeq, 0.15),
        plan: !p.on(d, Variation::ColumnsNoPlan, 0.4),
        remarks: !p.on(d, Variation::ColumnsNoRemarks, 0.2),
        activity: !p.on(d, Variation::ColumnsNoActivity, 0.35),
        unit: p.on(d, Variation::ColumnExtraUnit, 0.15),
        ind_type: p.on(d, Variation::ColumnExtraType, 0.12),
    };
    if cols.seq {
        notes.add(Variation::ColumnSeq, "a leading 序号 column numbers every indicator row 1…N; the numbers are not a record field (id comes from 职责序号 and the row's place in its duty)");
    }
    if !cols.plan {
        notes.add(Variation::ColumnsNoPlan, "no 规划值 column: plan_value is null on every record");
    }
    if !cols.remarks {
        notes.add(Variation::ColumnsNoRemarks, "no 备注 column: remarks is null on every record");
    }
    if !cols.activity {
        notes.add(Variation::ColumnsNoActivity, "no 工作活动/预算项目 columns: activity and budget_item are null on every record");
    }
    if cols.unit {
        notes.add(Variation::ColumnExtraUnit, "an extra 计量单位 column after the target; the schema has no such field, so its text goes nowhere (the target keeps its unit as printed)");
    }
    if cols.ind_type {
        notes.add(Variation::ColumnExtraType, "an extra 指标类型 column after the indicator; the schema has no such field, so its text goes nowhere");
    }
    cols
}

/// How the header is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Every leaf label in one row.
    One,
    /// `标准值…` and `历史值…` over their leaves.
    TwoGroups,
    /// `指标参考值` over all reference leaves.
    TwoReference,
    /// `指标参考值`, then `标准值…` / `历史值…`, then the leaves.
    Three,
}

/// Builds the columns and header of a table for `year`.
pub fn build(d: &mut Dice, p: &Profile, opts: &Columns, year: i32, notes: &mut Notes) -> Layout {
    let mut cols = Vec::new();
    if opts.seq {
        cols.push(Col::Seq);
    }
    cols.extend([Col::DutyNo, Col::Duty, Col::Goal, Col::Indicator]);
    if opts.ind_type {
        cols.push(Col::IndType);
    }
    cols.extend([Col::Explanation, Col::Target]);
    if opts.unit {
        cols.push(Col::Unit);
    }
    if opts.plan {
        cols.push(Col::Plan);
    }
    cols.extend([Col::Standard, Col::StdSource, Col::Avg, Col::Last, Col::HistSource]);
    if opts.remarks {
        cols.push(Col::Remarks);
    }
    if opts.activity {
        cols.extend([Col::Activity, Col::BudgetItem]);
    }

    let natural = d.weighted(&[(20, Shape::One), (20, Shape::TwoGroups), (20, Shape::TwoReference), (40, Shape::Three)]);
    let two = if natural == Shape::TwoGroups { Shape::TwoGroups } else { Shape::TwoReference };
    let shape = p.pick(natural, Shape::Three, &[(Variation::HeaderRows1, Shape::One), (Variation::HeaderRows2, two)]);
    let drawn = Labels::draw(d, year, opts.seq, shape == Shape::One);
    let labels = if p.is_natural() || p.forces(Variation::HeaderLabels) {
        notes.add(Variation::HeaderLabels, drawn.describe());
        drawn
    } else {
        Labels::template(year)
    };
    let mut header = rows(&cols, &labels, shape);
    match shape {
        Shape::One => notes.add(Variation::HeaderRows1, "the header is one row of leaf labels"),
        Shape::TwoGroups => notes.add(Variation::HeaderRows2, "two header rows: 标准值/历史值 spanning labels over the leaves"),
        Shape::TwoReference => notes.add(Variation::HeaderRows2, "two header rows: 指标参考值 spanning all reference leaves"),
        Shape::Three => notes.add(Variation::HeaderRows3, "three header rows: 指标参考值, then 标准值/历史值, then the leaves"),
    }
    if p.on(d, Variation::HeaderSpacedLabel, 0.35) {
        let spaced = space_labels(d, &mut header);
        if !spaced.is_empty() {
            notes.add(Variation::HeaderSpacedLabel, format!("labels printed with a space inside: {}", spaced.join(", ")));
        }
    }
    if p.on(d, Variation::HeaderWrappedLabel, 0.25) {
        let wrapped = wrap_labels(d, &cols, &mut header);
        if !wrapped.is_empty() {
            notes.add(Variation::HeaderWrappedLabel, format!("labels wrapped onto the next header row: {}", wrapped.join(", ")));
        }
    }
    Layout { cols, header }
}

/// The label of every column, as drawn for one table.
struct Labels {
    duty_no: &'static str,
    duty: &'static str,
    indicator: &'static str,
    explanation: &'static str,
    target: String,
    plan: String,
    standard: String,
    std_source: &'static str,
    avg: String,
    last: String,
    hist_source: &'static str,
    remarks: &'static str,
}

impl Labels {
    fn draw(d: &mut Dice, year: i32, seq: bool, one_row: bool) -> Labels {
        let y = year;
        let period = plan_period(year);
        Labels {
            duty_no: if !seq && d.chance(0.3) { "序号" } else { "职责序号" },
            duty: d.pick::<&str>(&["部门职责", "部门职责", "职责"]),
            indicator: d.pick::<&str>(&["绩效指标", "绩效指标名称", "指标名称"]),
            explanation: d.pick::<&str>(&["指标解释", "指标解释", "指标说明"]),
            target: d.pick(&["年度指标值".to_string(), format!("{y}年指标值"), "指标值".to_string(), format!("{y}年度指标值")]).clone(),
            plan: d.pick(&[format!("“{period}”规划值"), format!("{period}规划值"), "规划值".to_string()]).clone(),
            standard: d.pick(&["年度标准值".to_string(), format!("{y}年标准值"), "标准值".to_string()]).clone(),
            std_source: if one_row { d.pick::<&str>(&["标准值来源", "标准来源"]) } else { d.pick::<&str>(&["来源", "标准值来源", "来源"]) },
            avg: d.pick(&["前三年均值".to_string(), "近三年平均值".to_string(), format!("{}-{}年均值", y - 3, y - 1)]).clone(),
            last: d
                .pick(&["上年值（实际完成）".to_string(), format!("{}年实际完成值", y - 1), format!("{}年值(实际完成)", y - 1)])
                .clone(),
            hist_source: d.pick::<&str>(&["数据来源", "数据来源", "数据来源 (统计年鉴/统计公报/内部统计/其他需明确的来源)"]),
            remarks: d.pick::<&str>(&["备注", "备注 (标准值和历史值均无的原因/其他需要说明的问题)"]),
        }
    }

    /// The template's own labels, as the plain table prints them.
    fn template(year: i32) -> Labels {
        Labels {
            duty_no: "职责序号",
            duty: "部门职责",
            indicator: "绩效指标",
            explanation: "指标解释",
            target: "年度指标值".into(),
            plan: format!("“{}”规划值", plan_period(year)),
            standard: "年度标准值".into(),
            std_source: "来源",
            avg: "前三年均值".into(),
            last: "上年值（实际完成）".into(),
            hist_source: "数据来源",
            remarks: "备注",
        }
    }

    fn of(&self, c: Col) -> String {
        match c {
            Col::Seq => "序号".into(),
            Col::DutyNo => self.duty_no.into(),
            Col::Duty => self.duty.into(),
            Col::Goal => "职责目标".into(),
            Col::Indicator => self.indicator.into(),
            Col::IndType => "指标类型".into(),
            Col::Explanation => self.explanation.into(),
            Col::Target => self.target.clone(),
            Col::Unit => "计量单位".into(),
            Col::Plan => self.plan.clone(),
            Col::Standard => self.standard.clone(),
            Col::StdSource => self.std_source.into(),
            Col::Avg => self.avg.clone(),
            Col::Last => self.last.clone(),
            Col::HistSource => self.hist_source.into(),
            Col::Remarks => self.remarks.into(),
            Col::Activity => "工作活动".into(),
            Col::BudgetItem => "预算项目".into(),
        }
    }

    fn describe(&self) -> String {
        format!(
            "职责序号={}, 部门职责={}, 绩效指标={}, 指标解释={}, 年度指标值={}, 规划值={}, 年度标准值={}, 来源={}, 前三年均值={}, 上年值={}, 数据来源={}, 备注={}",
            self.duty_no,
            self.duty,
            self.indicator,
            self.explanation,
            self.target,
            self.plan,
            self.standard,
            self.std_source,
            self.avg,
            self.last,
            self.hist_source,
            self.remarks
        )
    }
}

/// Whether a column sits under the 标准值 or 历史值 spanning labels.
fn group(c: Col) -> Option<u8> {
    match c {
        Col::Plan | Col::Standard | Col::StdSource => Some(0),
        Col::Avg | Col::Last | Col::HistSource => Some(1),
        _ => None,
    }
}

fn rows(cols: &[Col], labels: &Labels, shape: Shape) -> Vec<Vec<String>> {
    let n = match shape {
        Shape::One => 1,
        Shape::TwoGroups | Shape::TwoReference => 2,
        Shape::Three => 3,
    };
    let leaf_row = n - 1;
    let mut out = vec![vec![String::new(); cols.len()]; n];
    let mut seen_ref = false;
    let mut seen_group = [false, false];
    for (i, &c) in cols.iter().enumerate() {
        let g = group(c);
        let (row, text) = match g {
            None => (0, labels.of(c)),
            Some(_) => (leaf_row, labels.of(c)),
        };
        if let Some(cell) = out.get_mut(row).and_then(|r| r.get_mut(i)) {
            *cell = text;
        }
        if let Some(g) = g {
            let span = |g: u8| if g == 0 { "标准值 (规划目标、行业标准或其他明确标准)" } else { "历史值 (统计年鉴/统计公报/内部统计/其他需明确的来源)" };
            let reference_row = match shape {
                Shape::TwoReference | Shape::Three => Some(0),
                _ => None,
            };
            let group_row = match shape {
                Shape::TwoGroups => Some(0),
                Shape::Three => Some(1),
                _ => None,
            };
            if let (Some(r), false) = (reference_row, seen_ref) {
                seen_ref = true;
                if let Some(cell) = out.get_mut(r).and_then(|row| row.get_mut(i)) {
                    *cell = "指标参考值".into();
                }
            }
            let gi = g as usize;
            if let (Some(r), Some(false)) = (group_row, seen_group.get(gi).copied()) {
                if let Some(s) = seen_group.get_mut(gi) {
                    *s = true;
                }
                if let Some(cell) = out.get_mut(r).and_then(|row| row.get_mut(i)) {
                    *cell = span(g).into();
                }
            }
        }
    }
    out
}

/// Puts a space inside one to three labels (`绩 效指标`).
fn space_labels(d: &mut Dice, header: &mut [Vec<String>]) -> Vec<String> {
    let mut done = Vec::new();
    for _ in 0..d.range(1, 3) {
        let r = d.below(header.len());
        let Some(row) = header.get_mut(r) else { continue };
        let filled: Vec<usize> = (0..row.len()).filter(|&i| row.get(i).is_some_and(|s| s.chars().count() >= 3)).collect();
        if filled.is_empty() {
            continue;
        }
        let i = *d.pick(&filled);
        if let Some(cell) = row.get_mut(i) {
            if let Some(spaced) = insert_space(d, cell) {
                done.push(spaced.clone());
                *cell = spaced;
            }
        }
    }
    done
}

/// `text` with one space between two Chinese characters, if it has such a place.
pub fn insert_space(d: &mut Dice, text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let spots: Vec<usize> = (1..chars.len())
        .filter(|&i| chars.get(i - 1).is_some_and(|c| is_han(*c)) && chars.get(i).is_some_and(|c| is_han(*c)))
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

pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Wraps one or two labels of the columns left of the reference block onto the next header
/// row (adding a row under a one-row header): the head stays, the tail goes below it.
fn wrap_labels(d: &mut Dice, cols: &[Col], header: &mut Vec<Vec<String>>) -> Vec<String> {
    let candidates: Vec<usize> = (0..cols.len())
        .filter(|&i| {
            group(cols.get(i).copied().unwrap_or(Col::Seq)).is_none()
                && header.first().and_then(|r| r.get(i)).is_some_and(|s| s.chars().count() >= 4 && !s.contains(' '))
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    if header.len() == 1 {
        header.push(vec![String::new(); cols.len()]);
    }
    let mut done = Vec::new();
    let count = d.range(1, 2);
    let picked: Vec<usize> = d.sample(&candidates, count).into_iter().copied().collect();
    for i in picked {
        let Some(label) = header.first().and_then(|r| r.get(i)).cloned() else { continue };
        let chars: Vec<char> = label.chars().collect();
        let cut = d.range(2, chars.len().saturating_sub(1).max(2));
        let head: String = chars.iter().take(cut).collect();
        let tail: String = chars.iter().skip(cut).collect();
        if tail.is_empty() || header.get(1).and_then(|r| r.get(i)).is_some_and(|s| !s.is_empty()) {
            continue;
        }
        if let Some(cell) = header.get_mut(0).and_then(|r| r.get_mut(i)) {
            *cell = head.clone();
        }
        if let Some(cell) = header.get_mut(1).and_then(|r| r.get_mut(i)) {
            *cell = tail.clone();
        }
        done.push(format!("{head}/{tail}"));
    }
    done
}
