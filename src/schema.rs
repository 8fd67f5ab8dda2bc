//! The JSON Schemas of what zhibiao writes, generated from the types that write it.
//!
//! One schema per kind of output. Each names the schema version in its `$id` and title and
//! pins `schema_version` where the output carries it. The schemas leave
//! `additionalProperties` open: within one schema version fields are only ever added (see
//! the README's compatibility promise), so a consumer validating against version 1 keeps
//! working when a later release adds a field.

use serde_json::{json, Value};
use zhibiao_export::{IssueLine, RecordLine};
use zhibiao_model::{Document, SCHEMA_VERSION};

use crate::batch::Summary;

/// The outputs that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A document: `zhibiao extract FILE`, and each file under `OUT/documents/`.
    Document,
    /// A line of `records.jsonl`.
    RecordLine,
    /// A line of `issues.jsonl`.
    IssueLine,
    /// `summary.json`.
    Summary,
}

impl Output {
    pub const ALL: [Output; 4] = [Output::Document, Output::RecordLine, Output::IssueLine, Output::Summary];

    pub fn name(self) -> &'static str {
        match self {
            Output::Document => "document",
            Output::RecordLine => "record-line",
            Output::IssueLine => "issue-line",
            Output::Summary => "summary",
        }
    }
}

/// The JSON Schema (draft 2020-12) of one output.
pub fn schema(output: Output) -> Value {
    let (mut value, title) = match output {
        Output::Document => (schemars::schema_for!(Document).to_value(), "zhibiao document"),
        Output::RecordLine => (schemars::schema_for!(RecordLine<'static>).to_value(), "zhibiao records.jsonl line"),
        Output::IssueLine => (schemars::schema_for!(IssueLine<'static>).to_value(), "zhibiao issues.jsonl line"),
        Output::Summary => (schemars::schema_for!(Summary).to_value(), "zhibiao batch summary.json"),
    };
    if let Some(obj) = value.as_object_mut() {
        obj.insert("$id".into(), json!(format!("urn:zhibiao:schema:{SCHEMA_VERSION}:{}", output.name())));
        obj.insert("title".into(), json!(format!("{title}, schema version {SCHEMA_VERSION}")));
        if let Some(v) = obj.get_mut("properties").and_then(|p| p.get_mut("schema_version")) {
            *v = json!({"const": SCHEMA_VERSION, "description": "The schema version; see the README's compatibility promise."});
        }
    }
    value
}
