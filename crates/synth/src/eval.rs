//! Scoring generated documents: field F1 with [`crate::score`], and the silent errors.
//!
//! A wrong field is *silent* when its record carries no warning: no issue of severity
//! `warning` or `error` names the record, or a key it belongs to (`1-3` for `1-3-2`, `4` for
//! budget record `4-2`). A researcher who filters on warnings takes such a value as right, so
//! the silent-error rate — silent wrong fields as a share of all gold fields — is the number
//! that says whether a dataset can be trusted. This is the measure the project's before-stop
//! hook takes on `shared/corpus/`.

use serde_json::Value;

use crate::score::{score, Score};

/// One document's result.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub name: String,
    pub f1: f64,
    /// Non-empty gold fields (true positives plus misses).
    pub fields: usize,
    /// Record fields that differ from the gold.
    pub wrong: usize,
    /// Of those, the ones whose record carries no warning.
    pub silent: usize,
    pub score: Score,
}

impl Evaluation {
    /// `id field: gold → got` of every silent wrong field.
    pub fn silent_fields(&self, out: &Value) -> Vec<String> {
        let warned = warned_records(out);
        self.score
            .mismatches
            .iter()
            .filter(|m| !covered(&m.id, &warned))
            .map(|m| format!("{} {}: {} → {}", m.id, m.field, m.gold, m.got))
            .collect()
    }
}

/// The `record` of every warning or error issue.
pub fn warned_records(out: &Value) -> Vec<String> {
    out.get("issues")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|i| matches!(i.get("severity").and_then(Value::as_str), Some("warning" | "error")))
        .filter_map(|i| i.get("record").and_then(Value::as_str).filter(|r| !r.is_empty()).map(str::to_string))
        .collect()
}

/// Whether a warning names record `id` or a key it belongs to.
fn covered(id: &str, warned: &[String]) -> bool {
    warned.iter().any(|w| id == w || id.strip_prefix(w.as_str()).is_some_and(|rest| rest.starts_with('-')))
}

/// Scores one output against its gold.
pub fn evaluate(name: &str, out: &Value, gold: &Value) -> Evaluation {
    let s = score(out, gold);
    let warned = warned_records(out);
    let silent = s.mismatches.iter().filter(|m| !covered(&m.id, &warned)).count();
    Evaluation { name: name.to_string(), f1: s.f1(), fields: s.tp + s.fn_, wrong: s.mismatches.len(), silent, score: s }
}

/// A corpus's results.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub docs: usize,
    pub f1_sum: f64,
    /// The lowest F1 and its document.
    pub worst: Option<(f64, String)>,
    pub fields: usize,
    pub wrong: usize,
    pub silent: usize,
}

impl Summary {
    pub fn add(&mut self, e: &Evaluation) {
        self.docs += 1;
        self.f1_sum += e.f1;
        if self.worst.as_ref().is_none_or(|(f, _)| e.f1 < *f) {
            self.worst = Some((e.f1, e.name.clone()));
        }
        self.fields += e.fields;
        self.wrong += e.wrong;
        self.silent += e.silent;
    }

    pub fn mean_f1(&self) -> f64 {
        if self.docs == 0 {
            1.0
        } else {
            self.f1_sum / self.docs as f64
        }
    }

    pub fn worst_f1(&self) -> f64 {
        self.worst.as_ref().map(|w| w.0).unwrap_or(1.0)
    }

    /// Silent wrong fields as a share of all gold fields.
    pub fn silent_rate(&self) -> f64 {
        if self.fields == 0 {
            0.0
        } else {
            self.silent as f64 / self.fields as f64
        }
    }

    pub fn line(&self) -> String {
        format!(
            "{} documents: mean F1 {:.4}, worst {:.4} ({}); wrong fields {}, silent {} ({:.2}% of {} fields)",
            self.docs,
            self.mean_f1(),
            self.worst_f1(),
            self.worst.as_ref().map(|w| w.1.as_str()).unwrap_or("-"),
            self.wrong,
            self.silent,
            self.silent_rate() * 100.0,
            self.fields
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_covers_its_record_and_the_records_under_its_key() {
        let warned = vec!["1-3".to_string(), "4".to_string()];
        assert!(covered("1-3", &warned));
        assert!(covered("1-3-2", &warned));
        assert!(covered("4-2", &warned));
        assert!(!covered("1-30-1", &warned));
        assert!(!covered("1-4-1", &warned));
        assert!(!covered("40-1", &warned));
    }
}
