//! Header recognition: which rows are column headers, which table family they head, and what
//! each column holds.
//!
//! Each [`Family`] has its own label vocabulary; the recognition is the same for all. Labels
//! are compared with all white space removed (OCR splits vertical and wrapped labels:
//! `完 成 时 限`, `责 任 部 门`), with a trailing explanation in brackets dropped
//! (`备注 (标准值和历史值均无的原因/…)`), and through synonyms (责任单位/责任部门/责任科室;
//! 二级指标/目标内容; `2019年值`/上年值). A page block's [`ColumnMap`] is built from its header
//! rows (two or three: `项目 | 目标内容 | …` over `序号 | 文件依据 | …`), because the column order
//! changes from page to page inside one document.
//!
//! OCR'd headers are often garbled (labels one cell off, labels missing), so the rebuild
//! places values by what they hold first and uses the map only to break ties; the map is
//! also what `zhibiao debug` shows next to the data.

mod budget;
mod realign;

use crate::grid::GridRow;
use once_cell::sync::Lazy;
use zhibiao_normalize::text::{first_squashed, squashed};

/// Which template a table follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// 绩效目标考评表: leaf rows with sequence ids, points, weights, responsibilities.
    PerformanceTargets,
    /// 部门预算整体绩效目标表: duties, each with several performance indicators.
    BudgetTargets,
}

impl Family {
    pub const ALL: [Family; 2] = [Family::PerformanceTargets, Family::BudgetTargets];

    pub fn name(self) -> &'static str {
        match self {
            Family::PerformanceTargets => "performance_targets",
            Family::BudgetTargets => "budget_targets",
        }
    }

    /// Whether a label of this family can start with `c`: most cells of a table are data,
    /// and their first character already says they are no label.
    fn label_can_start_with(self, c: char) -> bool {
        static FIRST: Lazy<Vec<char>> = Lazy::new(|| {
            let mut v: Vec<char> = PERFORMANCE_LABELS.iter().filter_map(|(l, _)| l.chars().next()).collect();
            v.sort_unstable();
            v.dedup();
            v
        });
        match self {
            Family::PerformanceTargets => FIRST.binary_search(&c).is_ok(),
            Family::BudgetTargets => budget::can_start_with(c),
        }
    }
}

/// The fields a header can name, of every family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// 项目: the category / group labels.
    Project,
    Id,
    Basis,
    Primary,
    Secondary,
    Weight,
    /// 一级指标分值: the first-level indicator's points in a column of their own, printed once
    /// per 一级指标 beside it (instead of `（4分）` in its text).
    Points,
    Deadline,
    Leaders,
    Units,
    Persons,
    Remarks,
    /// 职责序号.
    DutyNo,
    /// 部门职责.
    Duty,
    /// 职责目标.
    DutyGoal,
    /// 绩效指标.
    Indicator,
    /// 指标解释.
    Explanation,
    /// 年度指标值.
    Target,
    /// "十三五"规划值.
    PlanValue,
    /// 年度标准值.
    StandardValue,
    /// The 来源 of the standard value.
    StandardSource,
    /// 前三年均值.
    HistoryAvg,
    /// 上年值（实际完成）.
    HistoryLast,
    /// 数据来源 of the history values.
    HistorySource,
    /// 工作活动.
    Activity,
    /// 预算项目.
    BudgetItem,
    /// 目标内容 / 责任分解 / 指标参考值 / 历史值: a spanning label over several fields.
    Span,
    /// A column the template has no field for (计量单位, 指标类型): its cells are kept aside
    /// and reported, never given to a neighbouring field.
    Extra,
    /// A column whose label no vocabulary matches: its cells are reported where they stand.
    Unknown,
    /// 序号 beside a 职责序号: a number printed on every row, counting the rows.
    Seq,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Project => "项目",
            Field::Id => "序号",
            Field::Basis => "文件依据",
            Field::Primary => "一级指标",
            Field::Secondary => "二级指标",
            Field::Weight => "权重",
            Field::Points => "一级指标分值",
            Field::Deadline => "完成时限",
            Field::Leaders => "分管领导",
            Field::Units => "责任单位",
            Field::Persons => "责任人",
            Field::Remarks => "备注",
            Field::DutyNo => "职责序号",
            Field::Duty => "部门职责",
            Field::DutyGoal => "职责目标",
            Field::Indicator => "绩效指标",
            Field::Explanation => "指标解释",
            Field::Target => "年度指标值",
            Field::PlanValue => "规划值",
            Field::StandardValue => "标准值",
            Field::StandardSource => "标准值来源",
            Field::HistoryAvg => "前三年均值",
            Field::HistoryLast => "上年值",
            Field::HistorySource => "数据来源",
            Field::Activity => "工作活动",
            Field::BudgetItem => "预算项目",
            Field::Span => "(span)",
            Field::Extra => "(extra column)",
            Field::Unknown => "(unknown column)",
            Field::Seq => "序号",
        }
    }

    /// The output record fields this column fills (`confidence` names these).
    pub fn record_fields(self) -> &'static [&'static str] {
        match self {
            Field::Project => &["category", "group"],
            Field::Id => &["id"],
            Field::Basis => &["basis"],
            Field::Primary => &["primary", "primary_points"],
            Field::Secondary => &["secondary"],
            Field::Weight => &["weight"],
            Field::Points => &["primary_points"],
            Field::Deadline => &["deadline", "deadline_month"],
            Field::Leaders => &["leaders"],
            Field::Units => &["units"],
            Field::Persons => &["persons"],
            Field::Remarks => &["remarks"],
            Field::DutyNo => &["duty_no"],
            Field::Duty => &["duty"],
            Field::DutyGoal => &["duty_goal"],
            Field::Indicator => &["indicator"],
            Field::Explanation => &["explanation"],
            Field::Target => &["target"],
            Field::PlanValue => &["plan_value"],
            Field::StandardValue => &["standard_value"],
            Field::StandardSource => &["standard_source"],
            Field::HistoryAvg => &["history_avg"],
            Field::HistoryLast => &["history_last"],
            Field::HistorySource => &["history_source"],
            Field::Activity => &["activity"],
            Field::BudgetItem => &["budget_item"],
            Field::Span | Field::Extra | Field::Unknown | Field::Seq => &[],
        }
    }
}

/// Performance-target header labels and the field each names, compared after [`squash`].
const PERFORMANCE_LABELS: &[(&str, Field)] = &[
    ("项目", Field::Project),
    ("序号", Field::Id),
    ("文件依据", Field::Basis),
    ("依据", Field::Basis),
    ("一级指标", Field::Primary),
    ("二级指标", Field::Secondary),
    ("目标内容", Field::Span),
    ("权重", Field::Weight),
    // 分值 names the 权重 column of some tables; beside 一级指标 in a header that also has a
    // 权重, it is the indicator's points ([`points_beside_primary`]).
    ("分值", Field::Weight),
    ("一级指标分值", Field::Points),
    ("指标分值", Field::Points),
    ("完成时限", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("时限", Field::Deadline),
    ("责任分解", Field::Span),
    ("分管领导", Field::Leaders),
    ("责任领导", Field::Leaders),
    ("责任单位", Field::Units),
    ("责任部门", Field::Units),
    ("责任科室", Field::Units),
    ("责任股室", Field::Units),
    ("承办单位", Field::Units),
    ("责任人", Field::Persons),
    ("具体责任人", Field::Persons),
    ("备注", Field::Remarks),
    // Scoring rules printed beside each row: no field of a record, set aside and reported.
    ("考核标准", Field::Extra),
    ("评分标准", Field::Extra),
    ("计分标准", Field::Extra),
    ("计分方法", Field::Extra),
    ("评分细则", Field::Extra),
    ("考评标准", Field::Extra),
    ("评分办法", Field::Extra),
];

/// Header cells are short; a longer cell is data even if it starts like a label.
const MAX_PERFORMANCE_LABEL_CHARS: usize = 8;

/// The field a header cell names in a family's vocabulary, if it is one of its labels.
pub fn label_field_in(family: Family, cell: &str) -> Option<Field> {
    match first_squashed(cell) {
        Some(c) if family.label_can_start_with(c) => {}
        _ => return None,
    }
    match family {
        // The budget template explains its labels in brackets and puts years and plan names
        // in them: its vocabulary reads them by meaning.
        Family::BudgetTargets => budget::budget_field(cell),
        // The performance templates do not, and a performance data cell must never pass for
        // a label: only the listed words, short.
        Family::PerformanceTargets => {
            let squashed = squashed(cell);
            if squashed.is_empty() || squashed.chars().count() > MAX_PERFORMANCE_LABEL_CHARS {
                return None;
            }
            PERFORMANCE_LABELS.iter().find(|(label, _)| squashed == *label).map(|&(_, f)| f)
        }
    }
}

/// The field of a budget label wrapped over two header rows (`部门` over `职责`, `指标解`
/// over `释`), read as one: only where the two parts make a label that is not a group
/// label, so two leaf labels stacked by chance stay two.
pub fn wrapped_label(family: Family, upper: &str, lower: &str) -> Option<Field> {
    if family != Family::BudgetTargets {
        return None;
    }
    let joined = format!("{}{}", upper.trim(), lower.trim());
    label_field_in(family, &joined).filter(|&f| f != Field::Span)
}

/// Whether a row right under a header row continues that header: every filled cell is a
/// label, or completes the cell above it into one (a label wrapped onto this row: `释` under
/// `指标解`).
pub fn continues_header(family: Family, above: &GridRow, row: &GridRow) -> bool {
    let mut filled = row.filled().peekable();
    filled.peek().is_some()
        && filled.all(|c| label_field_in(family, row.cell(c)).is_some() || wrapped_above(family, above, c, row.cell(c)).is_some())
}

/// The upper part of a label wrapped onto `lower` at column `col`, and the label they make:
/// the cell right above, or — when the lower part is no label alone (`工作活` / `动`) — the
/// one a column beside it (a repeated header printed its rows shifted against each other).
pub fn wrapped_above(family: Family, above: &GridRow, col: usize, lower: &str) -> Option<(usize, Field)> {
    let up = above.cell(col);
    if !up.trim().is_empty() {
        if let Some(f) = wrapped_label(family, up, lower) {
            return Some((col, f));
        }
    }
    if label_field_in(family, lower).is_some() {
        return None;
    }
    // A column beside: only where the upper part alone is no label, or means what the whole
    // does (`绩效指标` over `名称`), or is a fragment whose field the upper row names in
    // another column too (`指标` beside `绩效指标`, over `解释`: a header names each field
    // once): two leaf labels of a shifted row stay two.
    [col + 1, col.checked_sub(1).unwrap_or(usize::MAX)].into_iter().find_map(|c| {
        let up = above.cell(c);
        if up.trim().is_empty() {
            return None;
        }
        let whole = wrapped_label(family, up, lower)?;
        match label_field_in(family, up) {
            None => Some((c, whole)),
            Some(f) if f == whole => Some((c, whole)),
            Some(f) if named_elsewhere(family, above, c, f) => Some((c, whole)),
            Some(_) => None,
        }
    })
}

/// Whether `row` labels `field` in a column other than `col`.
fn named_elsewhere(family: Family, row: &GridRow, col: usize, field: Field) -> bool {
    row.cells.iter().enumerate().any(|(i, cell)| i != col && label_field_in(family, &cell.text) == Some(field))
}

/// The field a performance-target header cell names.
pub fn label_field(cell: &str) -> Option<Field> {
    label_field_in(Family::PerformanceTargets, cell)
}

/// How many of a row's cells are labels of the family.
fn label_count(family: Family, row: &GridRow) -> usize {
    row.cells.iter().filter(|c| label_field_in(family, &c.text).is_some()).count()
}

/// Labels that only a budget-target header prints; a row needs one of them to be read as a
/// budget header (序号, 备注 and 标准值 are shared with other tables).
const BUDGET_MARKERS: [Field; 5] = [Field::DutyNo, Field::Duty, Field::DutyGoal, Field::Indicator, Field::Target];


/// The family whose header this row is: at least three of its labels and no more data cells
/// than labels. `continuing` is true right under another header row, where a row whose every
/// filled cell is a label (`标准值 | 来源`) is the header's next level.
pub fn header_family(row: &GridRow, continuing: Option<Family>) -> Option<Family> {
    let filled = row.filled().count();
    if filled == 0 {
        return None;
    }
    if let Some(f) = continuing {
        if label_count(f, row) == filled {
            return Some(f);
        }
    }
    let budget_labels: Vec<Field> = row.cells.iter().filter_map(|c| label_field_in(Family::BudgetTargets, &c.text)).collect();
    let budget = budget_labels.len();
    let budget_marked = budget_labels.iter().any(|f| BUDGET_MARKERS.contains(f));
    if budget >= 3 && budget * 2 >= filled && budget_marked {
        return Some(Family::BudgetTargets);
    }
    let perf = label_count(Family::PerformanceTargets, row);
    (perf >= 3 && perf * 2 >= filled).then_some(Family::PerformanceTargets)
}

/// A header row of any family.
pub fn is_header_row(row: &GridRow) -> bool {
    header_family(row, None).is_some()
}

/// Where each field sits in a page block, according to its header rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnMap {
    /// `(column, field)` pairs, by column. A field may be named by several header rows; the
    /// lower row (the more specific label) wins.
    pub columns: Vec<(usize, Field)>,
    /// Every label the header rows print, `(column, field)`, also where a lower row's label
    /// stands over the same column (a garbled multi-row header prints 数据来源 under 备注):
    /// which fields the table has, whatever columns they are printed over.
    pub labels: Vec<(usize, Field)>,
    /// Source lines of the header rows the map was built from.
    pub lines: Vec<u32>,
    /// Header cells that are no label of the family: `(column, text)`. Their columns are
    /// real (a header prints a label over every column), so the rebuild keeps them as
    /// columns of their own and says it could not name them.
    pub unmapped: Vec<(usize, String)>,
    /// Labels of columns the family has no field for (计量单位, 指标类型): `(column, text)`.
    pub extra: Vec<(usize, String)>,
}

impl ColumnMap {
    /// Builds the map from consecutive header rows of a family, upper row first.
    pub fn from_headers(family: Family, rows: &[&GridRow]) -> ColumnMap {
        let realigned = match family {
            Family::PerformanceTargets => realign::realign_lower_rows(family, rows),
            Family::BudgetTargets => rows.iter().map(|r| (*r).clone()).collect(),
        };
        let rows: Vec<&GridRow> = realigned.iter().collect();
        let mut columns: Vec<(usize, Field)> = Vec::new();
        let mut labels: Vec<(usize, Field)> = Vec::new();
        let mut unmapped: Vec<(usize, String)> = Vec::new();
        let mut extra: Vec<(usize, String)> = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (col, cell) in row.cells.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let above = r.checked_sub(1).and_then(|p| rows.get(p));
                let joined = above.and_then(|a| wrapped_above(family, a, col, &cell.text).map(|(c, f)| (c, a.cell(c).trim(), f)));
                let (col, field, text) = match joined {
                    // A label wrapped onto this row (`部门` over `职责`): the upper part's
                    // reading of its column gives way to the whole label's.
                    Some((at, up, f)) => {
                        if let Some(f_up) = label_field_in(family, up) {
                            labels.retain(|x| *x != (at, f_up));
                            columns.retain(|x| *x != (at, f_up));
                        }
                        unmapped.retain(|(c, t)| !(*c == at && t == up));
                        extra.retain(|(c, t)| !(*c == at && t == up));
                        (at, f, format!("{up}{}", cell.text.trim()))
                    }
                    None => match label_field_in(family, &cell.text) {
                        Some(f) => (col, f, cell.text.trim().to_string()),
                        None => {
                            unmapped.push((col, cell.text.trim().to_string()));
                            continue;
                        }
                    },
                };
                match field {
                    Field::Span => continue,
                    // A label of a column no field takes (计量单位): a column, and nothing
                    // to put it in.
                    Field::Extra => {
                        extra.push((col, text));
                        continue;
                    }
                    _ => {}
                }
                columns.retain(|&(c, _)| c != col);
                columns.push((col, field));
                if !labels.contains(&(col, field)) {
                    labels.push((col, field));
                }
            }
        }
        // A bare 标准值 with no label under it is a leaf: the standard value's own column (a
        // one-row header, or the lowest row of a taller one).
        if family == Family::BudgetTargets {
            for (r, row) in rows.iter().enumerate() {
                for col in row.filled().filter(|&c| budget::is_bare_standard(row.cell(c))) {
                    let below = rows.iter().skip(r + 1).any(|lower| label_field_in(family, lower.cell(col)).is_some());
                    if !below && !labels.contains(&(col, Field::StandardValue)) {
                        labels.push((col, Field::StandardValue));
                        if !columns.iter().any(|&(c, _)| c == col) {
                            columns.push((col, Field::StandardValue));
                        }
                    }
                }
            }
        }
        if family == Family::PerformanceTargets {
            points_beside_primary(&mut columns, &mut labels);
        }
        columns.sort();
        labels.sort();
        ColumnMap { columns, labels, lines: rows.iter().map(|r| r.pos.line).collect(), unmapped, extra }
    }

    /// Whether the header names `field` over some column (whatever row or column it stands).
    pub fn has(&self, field: Field) -> bool {
        self.labels.iter().any(|&(_, f)| f == field)
    }

    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().find(|&&(_, f)| f == field).map(|&(c, _)| c)
    }

    pub fn field_at(&self, col: usize) -> Option<Field> {
        self.columns.iter().find(|&&(c, _)| c == col).map(|&(_, f)| f)
    }

    /// `序号@2 文件依据@3 …`, for the debug view.
    pub fn describe(&self) -> String {
        self.columns
            .iter()
            .map(|(c, f)| format!("{}@{}", f.name(), c))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// 分值 is the word some tables use for 权重 and others for the 一级指标's points. A header
/// that names two weight columns, one right after 一级指标, has both: that one holds the
/// points (printed once per 一级指标), the other the row weights. A lower header row that
/// slid a column prints it off 一级指标's side, but still between 一级指标 and 二级指标, which
/// no row weight is (a weight column follows it).
fn points_beside_primary(columns: &mut [(usize, Field)], labels: &mut [(usize, Field)]) {
    let weights: Vec<usize> = columns.iter().filter(|&&(_, f)| f == Field::Weight).map(|&(c, _)| c).collect();
    if weights.len() < 2 {
        return;
    }
    let of = |field: Field| -> Vec<usize> { columns.iter().filter(|&&(_, f)| f == field).map(|&(c, _)| c).collect() };
    let (primaries, secondaries) = (of(Field::Primary), of(Field::Secondary));
    let last = weights.iter().copied().max().unwrap_or(0);
    let between = |w: usize| w < last && primaries.iter().any(|&p| p < w) && !secondaries.is_empty() && secondaries.iter().all(|&s| w < s);
    let beside = weights.iter().find(|&&w| primaries.iter().any(|&p| p + 1 == w));
    let Some(&points) = beside.or_else(|| weights.iter().find(|&&w| between(w))) else { return };
    for entry in columns.iter_mut().chain(labels.iter_mut()) {
        if *entry == (points, Field::Weight) {
            entry.1 = Field::Points;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Cell, SourcePos};

    fn row(cells: &[&str]) -> GridRow {
        GridRow::new(cells.iter().map(|c| Cell::text(*c)).collect(), SourcePos::default())
    }

    #[test]
    fn labels_match_through_spaces_and_synonyms() {
        assert_eq!(label_field("完 成 时 限"), Some(Field::Deadline));
        assert_eq!(label_field("责 任 部 门"), Some(Field::Units));
        assert_eq!(label_field("责任科室"), Some(Field::Units));
        assert_eq!(label_field("责任人"), Some(Field::Persons));
        assert_eq!(label_field("分管 领导"), Some(Field::Leaders));
        assert_eq!(label_field("陈建兴"), None);
    }

    #[test]
    fn a_budget_label_whose_explanation_lost_its_opening_bracket_is_still_a_label() {
        assert_eq!(label_field_in(Family::BudgetTargets, "2019\n年值\n实际完\n成)"), Some(Field::HistoryLast));
        assert_eq!(label_field_in(Family::BudgetTargets, "数据来源统计年鉴)"), Some(Field::HistorySource));
        assert_eq!(label_field_in(Family::BudgetTargets, "新增科技企业孵化面积)"), None);
    }

    #[test]
    fn header_rows_are_told_from_data_rows() {
        assert!(is_header_row(&row(&["", "", "序号", "文件依据", "一级指标", "二级指标", "", "权重"])));
        assert!(is_header_row(&row(&["项目", "", "目标内容", "", "", "完成时限", "责任分解", "备注"])));
        assert!(!is_header_row(&row(&["", "1-1-2", "", "", "组织开展", "1.5", "10 月", "陈建兴"])));
    }

    #[test]
    fn two_header_rows_make_one_map_lower_row_wins() {
        let top = row(&["项目", "", "目标内容", "", "", "", "完成时限", "责任分解", "", "", "备注"]);
        let low = row(&["", "", "序号", "文件依据", "一级指标", "二级指标", "", "权重", "分管领导", "责任单位", "", "责任人"]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&top, &low]);
        assert_eq!(map.column_of(Field::Id), Some(2));
        assert_eq!(map.column_of(Field::Deadline), Some(6));
        assert_eq!(map.column_of(Field::Persons), Some(11));
        assert_eq!(map.field_at(0), Some(Field::Project));
    }

    #[test]
    fn a_points_column_beside_primary_is_told_from_the_weight() {
        // 分值 beside 一级指标 and a 权重 further on: the points of the indicator.
        let h = row(&["项目", "", "序号", "文件依据", "一级指标", "分值", "二级指标", "权重", "完成时限", "考核标准", "备注"]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&h]);
        assert_eq!(map.column_of(Field::Points), Some(5));
        assert_eq!(map.column_of(Field::Weight), Some(7));
        assert_eq!(map.extra, vec![(9, "考核标准".to_string())]);
        // 分值 alone is the weight column's name.
        let h = row(&["项目", "", "序号", "文件依据", "一级指标", "二级指标", "分值", "完成时限", "备注"]);
        let map = ColumnMap::from_headers(Family::PerformanceTargets, &[&h]);
        assert_eq!(map.column_of(Field::Weight), Some(6));
        assert!(!map.has(Field::Points));
        let h = row(&["序号", "一级指标", "一级指标分值", "二级指标", "权重"]);
        assert_eq!(ColumnMap::from_headers(Family::PerformanceTargets, &[&h]).column_of(Field::Points), Some(2));
    }

    #[test]
    fn budget_labels_with_years_and_explanations() {
        let b = |s| label_field_in(Family::BudgetTargets, s);
        assert_eq!(b("职责序号"), Some(Field::DutyNo));
        assert_eq!(b("备注 (标准值和历史值均无的原因/其他需要说明的问题)"), Some(Field::Remarks));
        assert_eq!(b("2017-2019年 均值"), Some(Field::HistoryAvg));
        assert_eq!(b("2019年值 (实际完成)"), Some(Field::HistoryLast));
        assert_eq!(b("2020年标准值"), Some(Field::StandardValue));
        assert_eq!(b("“十三五” 规划值"), Some(Field::PlanValue));
        assert_eq!(b("数据来源 (统计年鉴/统计公报/内部 统计/其他需明确的来源"), Some(Field::HistorySource));
        assert_eq!(b("标准值 (规划目标、行业标准或其他明确标准)"), Some(Field::Span));
        assert_eq!(b("内部统计"), None);
        assert_eq!(b("1项"), None);
    }

    #[test]
    fn budget_header_rows_name_their_family() {
        let top = row(&["职责序号", "部门职责", "职责目标", "绩效指标", "指标解释", "年度指标值", "指标参考值", "", "", "", "", "备注 (原因)", "工作活动", "预算项目"]);
        assert_eq!(header_family(&top, None), Some(Family::BudgetTargets));
        let sub = row(&["", "", "", "", "", "", "", "标准值", "来源"]);
        assert_eq!(header_family(&sub, None), None);
        assert_eq!(header_family(&sub, Some(Family::BudgetTargets)), Some(Family::BudgetTargets));
        let data = row(&["", "", "", "健全项目管理制度", "建立科研经费负面清单制度", "建立4项", "", "建立4项", "内部统计"]);
        assert_eq!(header_family(&data, Some(Family::BudgetTargets)), None);
        // A performance header is not mistaken for a budget one through shared labels.
        let perf = row(&["", "", "序号", "文件依据", "一级指标", "二级指标", "", "权重", "备注"]);
        assert_eq!(header_family(&perf, None), Some(Family::PerformanceTargets));
    }
}
