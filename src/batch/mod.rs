//! Batch conversion of an archive into one dataset: many inputs in, under `OUT`:
//!
//! ```text
//! OUT/documents/<input path>.json   one document per input, mirroring the input tree
//! OUT/records.jsonl                 one record per line, with its document's columns
//! OUT/records.csv                   the same records, columns in CSV_HEADER order
//! OUT/issues.jsonl                  every issue of every document, and every failed file
//! OUT/summary.json                  counts (files ok / with warnings / failed, records…)
//! ```
//!
//! Inputs are extracted in parallel on a rayon pool; the dataset files are written by one
//! thread in input order, from fragments the workers serialised, so a run's output does
//! not depend on how many threads made it. Workers take inputs in order and stay within a
//! window of [`WINDOW_PER_THREAD`] inputs per thread of the writer, so memory does not grow
//! with the number of inputs.
//!
//! Nothing is half-written: each file is written under a temporary name and renamed. A run
//! that is killed and started again reuses every document already written for the same
//! input bytes by the same version (`--force` redoes all), extracts the rest, and writes the
//! dataset files whole. One failing input never stops the others.

pub mod inputs;
mod files;
mod summary;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};
use std::time::Instant;

use zhibiao_export::{write_csv, write_csv_header, write_issue_lines, write_json, write_line, write_record_lines, IssueLine, EXCEL_BOM};
use zhibiao_model::{Document, Issue, Severity};

pub use files::AtomicFile;
pub use inputs::{collect, Input, InputSet, WalkOptions};
pub use summary::{FailedFile, FileCounts, IssueCounts, Summary};

use crate::{extract_hashed, generator, sha256_hex, Options, ReadError, ReadErrorKind};

/// How far ahead of the dataset writer the workers may run, in inputs per worker thread.
/// Their results (a document's dataset lines, up to a few hundred kilobytes) wait in memory
/// until the writer reaches them, so this bounds memory whatever the batch size; it only has
/// to cover the spread of extraction times, so that no worker waits on a slow neighbour.
pub const WINDOW_PER_THREAD: usize = 8;

/// The directory under `OUT` that holds one document per input.
pub const DOCUMENTS_DIR: &str = "documents";

/// How to run a batch.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    /// Threads extracting at once; 0 takes rayon's default (all cores, or
    /// `RAYON_NUM_THREADS`).
    pub jobs: usize,
    /// Extract every input again, even when its document is up to date.
    pub force: bool,
    /// Start `records.csv` with a byte-order mark, for Excel.
    pub excel: bool,
    pub extract: Options,
}

/// What became of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Extracted in this run.
    Extracted,
    /// Its document was already written, for the same bytes, by this version: reused.
    Reused,
    /// It could not be read or extracted; see [`Outcome::error`].
    Failed,
}

/// One input done, as the writer and the observer see it.
#[derive(Debug)]
pub struct Outcome {
    pub index: usize,
    pub path: PathBuf,
    pub status: Status,
    pub records: usize,
    pub tables: usize,
    /// Issue counts of the document by severity: info, warning, error.
    pub issues: [usize; 3],
    /// Why it failed.
    pub error: Option<String>,
    /// It failed because it is a scan with no text layer.
    pub needs_ocr: bool,
    fragments: Fragments,
}

impl Outcome {
    /// Whether the document has an issue of severity warning or error.
    pub fn has_warnings(&self) -> bool {
        self.issues[1] + self.issues[2] > 0
    }
}

/// The dataset lines of one input, serialised by the worker.
#[derive(Debug, Default)]
struct Fragments {
    records: Vec<u8>,
    csv: Vec<u8>,
    issues: Vec<u8>,
}

/// Told of the batch's progress, on the writer thread, in input order.
pub trait Observer {
    fn start(&mut self, _total: usize) {}
    fn done(&mut self, _outcome: &Outcome) {}
}

/// An observer that says nothing.
pub struct Silent;
impl Observer for Silent {}

/// A batch that could not go on: the output cannot be written. Input problems are never
/// this; they are failed inputs in the summary.
#[derive(Debug)]
pub enum BatchError {
    /// `path` could not be created or written.
    Output { path: PathBuf, error: io::Error },
    /// Another batch is writing into the same `OUT`.
    Busy { out: PathBuf },
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::Output { path, error } => write!(f, "{}: cannot write the output: {error}", path.display()),
            BatchError::Busy { out } => write!(f, "{}: another zhibiao batch is writing into this directory", out.display()),
        }
    }
}

impl std::error::Error for BatchError {}

fn output_error(path: &Path) -> impl FnOnce(io::Error) -> BatchError + '_ {
    move |error| BatchError::Output { path: path.to_path_buf(), error }
}

/// The four dataset files, written under temporary names until the batch is done.
struct Dataset {
    records: AtomicFile,
    csv: AtomicFile,
    issues: AtomicFile,
}

impl Dataset {
    fn create(out: &Path, excel: bool) -> Result<Self, BatchError> {
        let open = |name: &str| {
            let path = out.join(name);
            AtomicFile::create(&path).map_err(output_error(&path))
        };
        let mut dataset = Dataset { records: open("records.jsonl")?, csv: open("records.csv")?, issues: open("issues.jsonl")? };
        let csv_path = dataset.csv.path().to_path_buf();
        if excel {
            dataset.csv.write_all(EXCEL_BOM.as_bytes()).map_err(output_error(&csv_path))?;
        }
        write_csv_header(&mut dataset.csv).map_err(output_error(&csv_path))?;
        Ok(dataset)
    }

    fn append(&mut self, f: &Fragments) -> Result<(), BatchError> {
        for (file, bytes) in [(&mut self.records, &f.records), (&mut self.csv, &f.csv), (&mut self.issues, &f.issues)] {
            if !bytes.is_empty() {
                let path = file.path().to_path_buf();
                file.write_all(bytes).map_err(output_error(&path))?;
            }
        }
        Ok(())
    }

    fn commit(self) -> Result<(), BatchError> {
        for file in [self.records, self.csv, self.issues] {
            let path = file.path().to_path_buf();
            file.commit().map_err(output_error(&path))?;
        }
        Ok(())
    }
}

/// Keeps the workers within `size` inputs of the writer.
struct Window {
    size: usize,
    written: Mutex<usize>,
    moved: Condvar,
    cancelled: AtomicBool,
}

impl Window {
    /// Waits until input `index` may be worked on; false when the batch was cancelled.
    fn enter(&self, index: usize) -> bool {
        let mut written = match self.written.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        while index >= *written + self.size && !self.cancelled.load(Ordering::Relaxed) {
            written = match self.moved.wait(written) {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            };
        }
        !self.cancelled.load(Ordering::Relaxed)
    }

    fn advance(&self, written: usize) {
        match self.written.lock() {
            Ok(mut g) => *g = written,
            Err(p) => *p.into_inner() = written,
        }
        self.moved.notify_all();
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        let _guard = self.written.lock();
        self.moved.notify_all();
    }
}

/// Runs the batch: every input of `set` into the dataset under `out`.
pub fn run(set: &InputSet, out: &Path, options: &BatchOptions, observer: &mut dyn Observer) -> Result<Summary, BatchError> {
    let started = Instant::now();
    std::fs::create_dir_all(out).map_err(output_error(out))?;
    let _lock = files::lock(out)?;
    let documents = out.join(DOCUMENTS_DIR);
    std::fs::create_dir_all(&documents).map_err(output_error(&documents))?;
    let mut dataset = Dataset::create(out, options.excel)?;
    let mut summary = Summary::new(set);

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(|e| BatchError::Output { path: out.to_path_buf(), error: io::Error::other(e) })?;
    let total = set.inputs.len();
    observer.start(total);
    let next = AtomicUsize::new(0);
    let window = Window {
        size: WINDOW_PER_THREAD * pool.current_num_threads().max(1),
        written: Mutex::new(0),
        moved: Condvar::new(),
        cancelled: AtomicBool::new(false),
    };
    let (tx, rx) = mpsc::channel::<Outcome>();
    let mut failure: Option<BatchError> = None;

    pool.in_place_scope(|scope| {
        for _ in 0..pool.current_num_threads() {
            let tx = tx.clone();
            let (next, window, documents) = (&next, &window, &documents);
            scope.spawn(move |_| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = set.inputs.get(index) else { break };
                if !window.enter(index) {
                    break;
                }
                let outcome = std::panic::catch_unwind(|| process(index, input, documents, options))
                    .unwrap_or_else(|_| failed(index, input, None, "internal error: the extraction panicked; please report this file".into()));
                if tx.send(outcome).is_err() {
                    break;
                }
            });
        }
        drop(tx);

        // The writer: results back into input order, appended to the dataset as they come.
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut written = 0;
        for outcome in rx {
            pending.insert(outcome.index, outcome);
            while let Some(outcome) = pending.remove(&written) {
                if failure.is_none() {
                    if let Err(e) = dataset.append(&outcome.fragments) {
                        failure = Some(e);
                        window.cancel();
                    }
                }
                summary.add(&outcome);
                observer.done(&outcome);
                written += 1;
                window.advance(written);
            }
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    dataset.commit()?;
    summary.seconds = (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0;
    let path = out.join("summary.json");
    let mut file = AtomicFile::create(&path).map_err(output_error(&path))?;
    serde_json::to_writer_pretty(&mut file, &summary)
        .map_err(io::Error::other)
        .and_then(|_| file.write_all(b"\n"))
        .map_err(output_error(&path))?;
    file.commit().map_err(output_error(&path))?;
    Ok(summary)
}

/// One input: its document reused or extracted and written, and its dataset lines.
fn process(index: usize, input: &Input, documents: &Path, options: &BatchOptions) -> Outcome {
    let path = &input.path;
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let error = ReadError { file: path.display().to_string(), kind: ReadErrorKind::Io(e) };
            return failed(index, input, None, error.to_string());
        }
    };
    let sha256 = sha256_hex(&bytes);
    let target = documents.join(&input.document);
    if !options.force {
        if let Some(doc) = reusable(&target, &sha256, &options.extract) {
            return finished(index, input, &doc, Status::Reused);
        }
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let doc = match extract_hashed(&name, &bytes, sha256.clone(), &options.extract) {
        Ok(doc) => doc,
        Err(mut e) => {
            e.file = path.display().to_string();
            // A document left from an earlier run of other bytes is no longer this input's.
            let _ = std::fs::remove_file(&target);
            let mut outcome = failed(index, input, Some(&sha256), e.to_string());
            outcome.needs_ocr = matches!(e.kind, ReadErrorKind::NeedsOcr { .. });
            return outcome;
        }
    };
    if let Err(e) = write_document(&target, &doc) {
        return failed(index, input, Some(&sha256), format!("{}: cannot write its document: {e}", target.display()));
    }
    finished(index, input, &doc, Status::Extracted)
}

fn write_document(target: &Path, doc: &Document) -> io::Result<()> {
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = AtomicFile::create(target)?;
    write_json(doc, &mut file)?;
    file.commit()
}

/// The document already written for this input, if it is complete (it parses), was made
/// from the same bytes by this version, and with the same forced encoding.
fn reusable(target: &Path, sha256: &str, options: &Options) -> Option<Document> {
    let bytes = std::fs::read(target).ok()?;
    let doc: Document = serde_json::from_slice(&bytes).ok()?;
    let same_encoding = match &options.encoding {
        Some(forced) => doc.source.encoding.as_deref() == Some(forced.trim().to_ascii_lowercase().as_str()),
        None => true,
    };
    (doc.source.sha256 == sha256 && doc.generator == Some(generator()) && same_encoding).then_some(doc)
}

fn finished(index: usize, input: &Input, doc: &Document, status: Status) -> Outcome {
    let file = input.path.to_string_lossy();
    let mut fragments = Fragments::default();
    // Writing into memory cannot fail but for serde errors, which these types do not raise.
    let _ = write_record_lines(doc, &file, &mut fragments.records);
    let _ = write_csv(doc, &file, &mut fragments.csv, false);
    let _ = write_issue_lines(doc, &file, &mut fragments.issues);
    let mut issues = [0; 3];
    for i in &doc.issues {
        issues[severity_index(i.severity)] += 1;
    }
    Outcome {
        index,
        path: input.path.clone(),
        status,
        records: doc.tables.iter().map(|t| t.records.len()).sum(),
        tables: doc.tables.len(),
        issues,
        error: None,
        needs_ocr: false,
        fragments,
    }
}

fn failed(index: usize, input: &Input, sha256: Option<&str>, error: String) -> Outcome {
    let issue = Issue::new(Severity::Error, "file_failed", error.clone());
    let mut fragments = Fragments::default();
    let _ = write_line(&IssueLine { file: &input.path.to_string_lossy(), sha256, issue: &issue }, &mut fragments.issues);
    Outcome {
        index,
        path: input.path.clone(),
        status: Status::Failed,
        records: 0,
        tables: 0,
        issues: [0; 3],
        error: Some(error),
        needs_ocr: false,
        fragments,
    }
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}
