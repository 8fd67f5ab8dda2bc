//! `summary.json`: what a batch did, in counts, and every input it could not read.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use zhibiao_model::{Generator, SCHEMA_VERSION};

use super::{InputSet, Outcome, Status};
use crate::generator;

/// What a batch did. Two runs over the same inputs give the same summary but for `seconds`
/// and `files.reused`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub generator: Generator,
    /// The schema version of the documents and dataset lines written.
    pub schema_version: String,
    pub files: FileCounts,
    /// Tables and records in all documents.
    pub tables: usize,
    pub records: usize,
    /// Issues of all documents by severity (failed files not included: they are in `failed`).
    pub issues: IssueCounts,
    /// Wall-clock time of the run.
    pub seconds: f64,
    /// Every input that could not be read or extracted, with its error, in input order.
    pub failed: Vec<FailedFile>,
    /// Files a directory walk met but no reader takes (by extension), left out.
    pub not_read: Vec<String>,
    /// Inputs named more than once, read once.
    pub duplicates: Vec<String>,
    /// Subdirectories not walked because `--recursive` was not given.
    pub subdirectories_skipped: Vec<String>,
}

/// Input counts. `ok + failed = total`; `with_warnings` and `reused` are parts of `ok`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileCounts {
    pub total: usize,
    /// Extracted, or reused from an earlier run.
    pub ok: usize,
    /// Ok, with at least one issue of severity warning or error.
    pub with_warnings: usize,
    pub failed: usize,
    /// Failed inputs that are scanned PDFs with no text layer (also counted in `failed`):
    /// OCR them and run again.
    #[serde(default)]
    pub needs_ocr: usize,
    /// Ok because an earlier run had written the document for the same bytes with this
    /// version: not extracted again.
    pub reused: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IssueCounts {
    pub info: usize,
    pub warning: usize,
    pub error: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FailedFile {
    pub file: String,
    pub error: String,
}

fn display(paths: &[std::path::PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.to_string_lossy().into_owned()).collect()
}

impl Summary {
    pub(super) fn new(set: &InputSet) -> Self {
        Summary {
            generator: generator(),
            schema_version: SCHEMA_VERSION.to_string(),
            files: FileCounts { total: set.inputs.len(), ..Default::default() },
            tables: 0,
            records: 0,
            issues: IssueCounts::default(),
            seconds: 0.0,
            failed: Vec::new(),
            not_read: display(&set.not_read),
            duplicates: display(&set.duplicates),
            subdirectories_skipped: display(&set.subdirectories_skipped),
        }
    }

    pub(super) fn add(&mut self, o: &Outcome) {
        match o.status {
            Status::Failed => {
                self.files.failed += 1;
                if o.needs_ocr {
                    self.files.needs_ocr += 1;
                }
                self.failed.push(FailedFile { file: o.path.to_string_lossy().into_owned(), error: o.error.clone().unwrap_or_default() });
                return;
            }
            Status::Reused => self.files.reused += 1,
            Status::Extracted => {}
        }
        self.files.ok += 1;
        if o.has_warnings() {
            self.files.with_warnings += 1;
        }
        self.tables += o.tables;
        self.records += o.records;
        self.issues.info += o.issues[0];
        self.issues.warning += o.issues[1];
        self.issues.error += o.issues[2];
    }
}
