//! Fixture loading shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

pub const DOCS: [&str; 2] = ["quanzhou-science-2019", "quanzhou-sasac-2020"];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A gold document with every `{"uncertain": v}` replaced by `v` (the gold's best guess).
pub fn gold(doc: &str) -> Value {
    let path = fixtures().join("gold").join(format!("{doc}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).expect("gold JSON");
    resolve_uncertain(value)
}

fn resolve_uncertain(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            if map.len() == 1 && map.contains_key("uncertain") {
                return resolve_uncertain(
                    map.into_iter()
                        .next()
                        .map(|(_, v)| v)
                        .unwrap_or(Value::Null),
                );
            }
            Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, resolve_uncertain(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(resolve_uncertain).collect()),
        other => other,
    }
}

/// The seed's table rows: every line with a TAB, split into cells.
pub fn seed_rows(doc: &str) -> Vec<Vec<String>> {
    let path = fixtures().join("seeds").join(format!("{doc}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| l.contains('\t'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

pub fn seed_cells(doc: &str) -> Vec<String> {
    seed_rows(doc)
        .into_iter()
        .flatten()
        .filter(|c| !c.trim().is_empty())
        .collect()
}

/// All records of all tables of a gold document.
pub fn gold_records(doc: &str) -> Vec<Value> {
    let gold = gold(doc);
    gold["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["records"].as_array().cloned().unwrap_or_default())
        .collect()
}

pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect()
}
