//! The record and document types of zhibiao's output contract
//! (`../shared/spec/output-schema.md`, schema version 1).
//!
//! This crate holds data only: the types every other crate produces or consumes, with their
//! serde shape. No parsing, normalisation or checking lives here, so the contract can be read
//! in one file and consumers of our JSON can depend on it without pulling in the parser.

use serde::{Deserialize, Serialize, Serializer};

/// The schema version written into every document.
pub const SCHEMA_VERSION: &str = "1";

/// One input document, fully extracted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: String,
    pub source: Source,
    pub notice: Notice,
    pub tables: Vec<Table>,
    pub issues: Vec<Issue>,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Docx,
    Pdf,
    Html,
    Markdown,
}

/// Metadata of the notice the tables are attached to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    PerformanceTargets,
    BudgetTargets,
}

/// One indicator table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub kind: TableKind,
    pub title: Option<String>,
    /// The unit being assessed (参评单位).
    pub unit: Option<String>,
    pub declared_totals: Vec<DeclaredTotal>,
    pub records: Vec<Record>,
    /// Where the table sits in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// A 合计/小计/total row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeclaredTotal {
    pub label: String,
    #[serde(serialize_with = "compact_number")]
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// One leaf row of a performance-target table (绩效目标考评表).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    #[serde(default)]
    pub provenance: Provenance,
}

/// Where a record came from and what was done to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Source lines (1-based) whose cells went into the record, ascending.
    pub lines: Vec<u32>,
    /// Every repair applied, in the order applied: `code: explanation`.
    pub repairs: Vec<String>,
}

/// Something a researcher should know about the quality of the extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub record: Option<String>,
    pub location: Option<Location>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
        Issue { severity, code: code.to_string(), message, record: None, location: None }
    }
    pub fn record(mut self, id: impl Into<String>) -> Self {
        self.record = Some(id.into());
        self
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
