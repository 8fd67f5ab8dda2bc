//! The record and document types of zhibiao's output contract
//! (`../shared/spec/output-schema.md`, schema version 1).
//!
//! This crate holds data only: the types every other crate produces or consumes, with their
//! serde shape. No parsing, normalisation or checking lives here, so the contract can be read
//! in one file and consumers of our JSON can depend on it without pulling in the parser.
//! The types also derive [`JsonSchema`], so the published JSON Schema (`zhibiao schema`) is
//! generated from the same definitions that write the JSON and cannot drift from it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

/// The schema version written into every document.
pub const SCHEMA_VERSION: &str = "1";

/// One input document, fully extracted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    pub schema_version: String,
    /// The program and version that wrote this document. A batch reuses an earlier output
    /// only when it was written by the same version from the same input bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<Generator>,
    pub source: Source,
    pub notice: Notice,
    pub tables: Vec<Table>,
    pub issues: Vec<Issue>,
}

/// The program that wrote a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Generator {
    /// `zhibiao`.
    pub name: String,
    /// The program's version (`0.1.0`).
    pub version: String,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// File name as given (no directories).
    pub file: String,
    pub format: Format,
    /// Hex SHA-256 of the raw input bytes.
    pub sha256: String,
    /// The text encoding the reader decoded (`utf-8`, `gb18030`, …); absent for binary formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Docx,
    Pdf,
    Html,
    Markdown,
}

/// Metadata of the notice the tables are attached to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Notice {
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub title: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub year: Option<i32>,
    pub declared_counts: Vec<DeclaredCount>,
}

/// An indicator count that the prose declares (`一级指标 11 项`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DeclaredCount {
    /// `重点工作目标`, `常规工作目标`, `动态工作目标`, `行政能力目标` or `全部`.
    pub scope: String,
    /// 1 or 2 for 一级/二级指标; `None` when the prose names no level.
    pub level: Option<u8>,
    pub count: u32,
    /// Source line of the declaration (not part of the scored contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    PerformanceTargets,
    BudgetTargets,
}

/// One indicator table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    pub kind: TableKind,
    pub title: Option<String>,
    /// The unit being assessed (参评单位), or the department a budget table is for (部门名称).
    pub unit: Option<String>,
    pub declared_totals: Vec<DeclaredTotal>,
    /// The budget header of a `budget_targets` table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// The 战略目标 text of a `budget_targets` table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    pub records: Records,
    /// Where the table sits in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// A 合计/小计/total row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeclaredTotal {
    pub label: String,
    #[serde(serialize_with = "compact_number")]
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// The records of one table: every table holds records of its own family only.
///
/// Serialized as a plain array. Reading JSON back, an empty array comes back as
/// `Performance`; the table's `kind` is what says the family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Records {
    Performance(Vec<Record>),
    Budget(Vec<BudgetRecord>),
}

impl Default for Records {
    fn default() -> Self {
        Records::Performance(Vec::new())
    }
}

impl Records {
    pub fn len(&self) -> usize {
        match self {
            Records::Performance(r) => r.len(),
            Records::Budget(r) => r.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The performance-target records; empty for a budget table.
    pub fn performance(&self) -> &[Record] {
        match self {
            Records::Performance(r) => r,
            Records::Budget(_) => &[],
        }
    }
    /// The performance-target records for editing; `None` for a budget table.
    pub fn performance_mut(&mut self) -> Option<&mut Vec<Record>> {
        match self {
            Records::Performance(r) => Some(r),
            Records::Budget(_) => None,
        }
    }
    /// The budget-target records; empty for a performance table.
    pub fn budget(&self) -> &[BudgetRecord] {
        match self {
            Records::Budget(r) => r,
            Records::Performance(_) => &[],
        }
    }
    /// `(id, provenance)` of every record, whatever the family.
    pub fn provenances(&self) -> Vec<(&str, &Provenance)> {
        match self {
            Records::Performance(r) => r.iter().map(|r| (r.id.as_str(), &r.provenance)).collect(),
            Records::Budget(r) => r.iter().map(|r| (r.id.as_str(), &r.provenance)).collect(),
        }
    }
}

/// One leaf row of a performance-target table (绩效目标考评表).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    pub id: String,
    pub category: Option<String>,
    pub group: Option<String>,
    pub basis: Vec<String>,
    pub primary: Option<String>,
    #[serde(serialize_with = "compact_opt_number")]
    pub primary_points: Option<f64>,
    pub secondary: Option<String>,
    #[serde(serialize_with = "compact_opt_number")]
    pub weight: Option<f64>,
    pub deadline: Option<String>,
    pub deadline_month: Option<u8>,
    pub leaders: Vec<String>,
    pub units: Vec<String>,
    pub persons: Vec<String>,
    pub remarks: Option<String>,
    /// Which fields were inferred rather than read, and whether any is in doubt.
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default)]
    pub provenance: Provenance,
}

/// How a record was read: a researcher filters on `level` (`doubtful` records carry a
/// warning in the document's issues naming them) and finds in `inferred` / `doubtful` the
/// fields to check by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Confidence {
    pub level: ConfidenceLevel,
    /// Record fields (`category`, `persons`, `duty`…) whose value was not printed on the
    /// record's own row but inferred: taken from a merged cell printed on another row, carried
    /// over a span, placed by what the cell holds after a shift, or following from the
    /// structure (a group boundary). Sorted, each once.
    pub inferred: Vec<String>,
    /// The fields in doubt: inferred on weak or conflicting evidence, or named by a failed
    /// check (a weight that does not add up to its points). Sorted, each once.
    pub doubtful: Vec<String>,
}

/// How far a record can be taken as printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ConfidenceLevel {
    /// Every field as printed on the record's rows, or repaired where the text left no doubt
    /// (wrap spaces, padded names, a cell the file marks as merged).
    #[default]
    Read,
    /// Some field was inferred with good evidence (`inferred` names it); an `info` issue or
    /// a repair in the provenance says how.
    Inferred,
    /// Some field is in doubt (`doubtful` names it); a `warning` or `error` issue names the
    /// record or a key it belongs to.
    Doubtful,
}

/// One indicator row of a budget-target table (部门预算整体绩效目标表). Printed values are kept
/// as printed (folded); each value column also carries its parsed [`Quantity`] beside it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BudgetRecord {
    /// `{duty_no}-{n}`: the n-th indicator (from 1) of the duty.
    pub id: String,
    /// 职责序号.
    pub duty_no: u32,
    /// 部门职责; null only when the text was lost (a `field_missing` issue says so).
    pub duty: Option<String>,
    /// 职责目标.
    pub duty_goal: Option<String>,
    /// 绩效指标; null only when the text was lost (a `field_missing` issue says so).
    pub indicator: Option<String>,
    /// 指标解释.
    pub explanation: Option<String>,
    /// 年度指标值 as printed.
    pub target: Option<String>,
    pub target_value: Option<Quantity>,
    /// "十三五"规划值.
    pub plan_value: Option<String>,
    pub plan_value_parsed: Option<Quantity>,
    /// 年度标准值.
    pub standard_value: Option<String>,
    pub standard_value_parsed: Option<Quantity>,
    /// The 来源 of the standard value.
    pub standard_source: Option<String>,
    /// 前三年均值.
    pub history_avg: Option<String>,
    pub history_avg_value: Option<Quantity>,
    /// 上年值（实际完成）.
    pub history_last: Option<String>,
    pub history_last_value: Option<Quantity>,
    /// 数据来源 of the history values.
    pub history_source: Option<String>,
    /// 备注.
    pub remarks: Option<String>,
    /// 工作活动.
    pub activity: Option<String>,
    /// 预算项目.
    pub budget_item: Option<String>,
    /// Which fields were inferred rather than read, and whether any is in doubt.
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default)]
    pub provenance: Provenance,
}

/// The budget header of a budget-target table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Budget {
    /// 部门整体预算总额 as printed (`5364万元`).
    pub total: Option<String>,
    pub total_value: Option<Quantity>,
    /// 资金结构: 基本支出.
    pub basic: Option<String>,
    pub basic_value: Option<Quantity>,
    /// 资金结构: 项目支出.
    pub project: Option<String>,
    pub project_value: Option<Quantity>,
    /// 资金来源, in printed order.
    pub sources: Vec<FundSource>,
    /// Source line of the budget header's first row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// One 资金来源 entry: `（1）财政拨款 5364万元`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FundSource {
    pub name: String,
    /// The amount as printed; null when the form leaves it blank.
    pub amount: Option<String>,
    pub amount_value: Option<Quantity>,
}

/// A value read from its printed form, for comparing targets across years and agencies.
///
/// - `{"number": 60, "unit": "家"}`; `{"number": 1, "unit": null}` when no unit is printed;
///   `bound` for `≥95%` / `100项以上` (`">="`), `qualifier` for the words around the number
///   (`建立4项` → `"建立"`).
/// - `{"min": 10, "max": 13, "unit": "个"}` for a range `10-13个`.
/// - `{"qualitative": "应做尽做"}` for a target that is not a number (`完成`, `十三五`…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Quantity {
    Number {
        #[serde(serialize_with = "compact_number")]
        number: f64,
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bound: Option<Bound>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        qualifier: Option<String>,
    },
    Range {
        #[serde(serialize_with = "compact_number")]
        min: f64,
        #[serde(serialize_with = "compact_number")]
        max: f64,
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        qualifier: Option<String>,
    },
    Qualitative {
        qualitative: String,
    },
}

/// Which side of its number a bounded value lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Bound {
    /// `≥`, `不低于`, `以上`, `至少`.
    #[serde(rename = ">=")]
    AtLeast,
    /// `>`, `超过`, `大于`.
    #[serde(rename = ">")]
    MoreThan,
    /// `≤`, `不超过`, `以内`, `以下`, `不高于`.
    #[serde(rename = "<=")]
    AtMost,
    /// `<`, `低于`, `小于`.
    #[serde(rename = "<")]
    LessThan,
}

/// Where a record came from and what was done to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// Source lines (1-based) whose cells went into the record, ascending.
    pub lines: Vec<u32>,
    /// Every repair applied, in the order applied: `code: explanation`.
    pub repairs: Vec<String>,
}

/// Something a researcher should know about the quality of the extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Issue {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub record: Option<String>,
    pub location: Option<Location>,
    /// The record fields the issue puts in doubt (`weight`, `primary_points`), on the record
    /// it names and every record under that key (`1-3` names `1-3-1`, `1-3-2`…); their
    /// `confidence.doubtful` lists them. Empty when the issue doubts no field in particular.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A repair that was a judgement call; the record is our best reading.
    Info,
    /// A check failed or a value is doubtful.
    Warning,
    /// Content was lost or could not be read.
    Error,
}

/// A place in the source: line for text, page (and later row/column) for other formats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

impl Location {
    pub fn line(line: u32) -> Self {
        Location { line: Some(line), ..Default::default() }
    }
}

impl Issue {
    /// A message that starts with its own code (`merged_cell_filled: …`, the form repairs take
    /// in provenance) is stored without it: the code is a field of its own.
    pub fn new(severity: Severity, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let message = match message.strip_prefix(code).and_then(|m| m.strip_prefix(": ")) {
            Some(rest) => rest.to_string(),
            None => message,
        };
        Issue { severity, code: code.to_string(), message, record: None, location: None, fields: Vec::new() }
    }
    pub fn record(mut self, id: impl Into<String>) -> Self {
        self.record = Some(id.into());
        self
    }
    /// The record fields the issue puts in doubt.
    pub fn fields(mut self, fields: &[&str]) -> Self {
        self.fields = fields.iter().map(|f| f.to_string()).collect();
        self
    }
    /// Whether the issue names record `id` or a key `id` belongs to (`1-3` for `1-3-2`, `4`
    /// for budget record `4-2`).
    pub fn covers(&self, id: &str) -> bool {
        self.record.as_deref().is_some_and(|r| !r.is_empty() && (id == r || id.strip_prefix(r).is_some_and(|rest| rest.starts_with('-'))))
    }
    pub fn at_line(mut self, line: u32) -> Self {
        self.location = Some(Location::line(line));
        self
    }
}

/// Writes `80.0` as `80` and `4.5` as `4.5`: points and weights read as printed.
fn compact_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn compact_opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => compact_number(v, s),
        None => s.serialize_none(),
    }
}
