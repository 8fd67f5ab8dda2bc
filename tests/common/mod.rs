//! Helpers shared by the end-to-end tests (`tests/gold.rs`, `tests/cli.rs`):
//! fixture paths, the printed form of a document, the field-level scorer we are judged by
//! (`shared/tools/score.py`, ported in `zhibiao_synth::score`), the known-mismatches list, and
//! a tiny CSV reader.
//!
//! Everything here reads `fixtures/` of this repository only, never `../shared`, so the project
//! tests on a clean checkout.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Paths and fixtures
// ---------------------------------------------------------------------------------------------

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("fixtures")
}

pub fn seed_path(name: &str) -> PathBuf {
    fixtures().join("seeds").join(format!("{name}.txt"))
}

pub fn gold_path(name: &str) -> PathBuf {
    fixtures().join("gold").join(format!("{name}.json"))
}

pub fn bad_path(file: &str) -> PathBuf {
    fixtures().join("bad").join(file)
}

/// Names of every gold file in `fixtures/gold/` that has a seed in `fixtures/seeds/`, sorted.
pub fn fixture_names() -> Vec<String> {
    let dir = fixtures().join("gold");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|name| seed_path(name).is_file())
        .collect();
    names.sort();
    names
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

pub fn load_gold(name: &str) -> Value {
    read_json(&gold_path(name))
}

/// The document exactly as the CLI prints it (`zhibiao extract FILE`): written by the same JSON
/// writer, then parsed back. Scoring this value scores what a user gets.
pub fn printed(doc: &zhibiao::model::Document) -> Value {
    let mut buf = Vec::new();
    zhibiao_export::write_json(doc, &mut buf).expect("write_json into memory");
    serde_json::from_slice(&buf).expect("our own JSON parses")
}

/// Extracts a seed with the library and returns the printed JSON.
pub fn extract_seed(name: &str) -> Value {
    let path = seed_path(name);
    let doc = zhibiao::extract(&path).unwrap_or_else(|e| panic!("extract {}: {e}", path.display()));
    printed(&doc)
}

/// A fresh, empty scratch directory for one test, under cargo's per-target temp directory.
pub fn scratch_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("zhibiao-e2e").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

// ---------------------------------------------------------------------------------------------
// The scorer: a port of shared/tools/score.py, shared with the generated-corpus tests
// ---------------------------------------------------------------------------------------------

#[allow(unused_imports)]
pub use zhibiao_synth::score::*;

// ---------------------------------------------------------------------------------------------
// fixtures/known-mismatches.txt
// ---------------------------------------------------------------------------------------------

/// One entry of the known-mismatches list: `fixture id field`, with its line number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Known {
    pub key: String,
    pub fixture: String,
    pub line: usize,
}

/// Reads `fixtures/known-mismatches.txt`: one `fixture id field` per line; blank lines and
/// `#` comments (whole-line or trailing) ignored. A line that is not three words is an error.
pub fn known_mismatches() -> Result<Vec<Known>, String> {
    let path = fixtures().join("known-mismatches.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.len() != 3 {
            return Err(format!("{}:{}: expected `fixture id field`, found {raw:?}", path.display(), i + 1));
        }
        out.push(Known { key: words.join(" "), fixture: words[0].to_string(), line: i + 1 });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/// A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF), enough to check what
/// the CSV writer prints without another dependency.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => return Err(format!("stray quote in row {}", rows.len() + 1)),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err("unterminated quoted field".into());
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}
