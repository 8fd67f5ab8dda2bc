//! Generated notices with exact gold, for measuring zhibiao on documents nobody wrote the
//! rebuild against.
//!
//! The fixtures in `fixtures/` are real documents, and the rebuild was written against them:
//! a fixture at F1 1.0 says little about the next archive. This crate generates notices of
//! both table families from a seed — other agencies, years, column sets, header wordings and
//! layouts, with the breakages OCR and merged cells cause — together with the exact document
//! they must give back, so a test can run hundreds of them and a benchmark thousands:
//!
//! - [`performance`]: 绩效目标考评表 notices (OCR'd TAB text);
//! - [`budget`]: 部门预算整体绩效目标表 tables, bare or after a notice (OCR'd TAB text);
//! - [`score`]: a port of `shared/tools/score.py`, the field-level scorer we are judged by;
//! - [`eval`]: F1 per document, and the *silent errors* — wrong fields on records that carry
//!   no warning, which a researcher filtering on warnings would take as right.
//!
//! Generation is deterministic: the same seed gives the same bytes on every machine
//! ([`dice::Dice`] is a seeded ChaCha stream). The vocabularies are this crate's own; none is
//! taken from a fixture or a corpus the rebuild is scored on.
//!
//! `cargo run --release --example synth -- --help` (in the root package) writes a corpus to
//! disk or runs the benchmark over it.

pub mod budget;
pub mod dice;
pub mod eval;
pub mod performance;
pub mod score;

use serde_json::Value;
use zhibiao_model::Document;

/// One generated document.
#[derive(Debug, Clone)]
pub struct Generated {
    /// `performance-000042`: the family and the seed.
    pub name: String,
    /// The document as OCR'd TAB text, the form `zhibiao extract` reads from a `.txt`.
    pub text: String,
    /// The exact expected output, shaped as a gold file (`fixtures/gold/*.json`): contract
    /// fields only, and `gold_notes` listing the variations this document carries.
    pub gold: Value,
}

/// The two table families.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Performance,
    Budget,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Performance => "performance",
            Family::Budget => "budget",
        }
    }

    /// Generates the document of this family for `seed`.
    pub fn generate(self, seed: u64) -> Generated {
        match self {
            Family::Performance => performance::generate(seed),
            Family::Budget => budget::generate(seed),
        }
    }
}

/// Record fields that are not part of the scored contract (`shared/spec/output-schema.md`):
/// what zhibiao adds for its users (provenance, confidence, parsed values).
const NOT_IN_CONTRACT: &[&str] = &[
    "provenance",
    "confidence",
    "target_value",
    "plan_value_parsed",
    "standard_value_parsed",
    "history_avg_value",
    "history_last_value",
];

/// The gold file of a clean document: its JSON with only the contract's fields, the notes
/// beside it. Generators build the expected [`Document`] with the model types (so the gold
/// has exactly the output's shape) and hand it here.
pub fn gold_json(doc: &Document, notes: &[String]) -> Value {
    let mut v = serde_json::to_value(doc).unwrap_or(Value::Null);
    if let Some(tables) = v.get_mut("tables").and_then(Value::as_array_mut) {
        for t in tables {
            if let Some(records) = t.get_mut("records").and_then(Value::as_array_mut) {
                for r in records {
                    if let Some(obj) = r.as_object_mut() {
                        for f in NOT_IN_CONTRACT {
                            obj.remove(*f);
                        }
                    }
                }
            }
            if let Some(obj) = t.as_object_mut() {
                obj.remove("location");
            }
        }
    }
    if let Some(counts) = v.pointer_mut("/notice/declared_counts").and_then(Value::as_array_mut) {
        for c in counts {
            if let Some(obj) = c.as_object_mut() {
                obj.remove("line");
            }
        }
    }
    if let Some(obj) = v.as_object_mut() {
        obj.remove("generator");
        obj.insert("gold_notes".into(), Value::Array(notes.iter().cloned().map(Value::String).collect()));
    }
    v
}
