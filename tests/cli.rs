//! End-to-end tests of the `zhibiao` binary: output formats, batches with bad files, exit codes
//! (0 ok, 1 some input failed, 2 usage, 3 output not writable), error messages, and the debug
//! view. No run may panic. The dataset a batch writes under `-o OUT` is tested in
//! `tests/batch.rs`.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::*;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_zhibiao");

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn zhibiao<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let Output { status, stdout, stderr } =
        Command::new(BIN).args(args).output().unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    let run = Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "zhibiao panicked:\n{}", run.stderr);
    run
}

fn seed(name: &str) -> PathBuf {
    seed_path(name)
}

fn all_seeds() -> Vec<PathBuf> {
    fixture_names().iter().map(|n| seed(n)).collect()
}

fn parse(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", &s[..s.len().min(400)]))
}

fn expect_code(run: &Run, code: i32, what: &str) {
    assert_eq!(run.code, Some(code), "{what}: exit code\nstdout: {}\nstderr: {}", clip(&run.stdout), run.stderr);
}

fn clip(s: &str) -> &str {
    let end = s.char_indices().nth(400).map(|(i, _)| i).unwrap_or(s.len());
    &s[..end]
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// Where a batch into `out` writes the document of `input`.
fn document_of(out: &Path, input: &Path) -> PathBuf {
    out.join("documents").join(zhibiao::batch::inputs::document_path(input))
}

// ---------------------------------------------------------------------------------------------
// Output formats
// ---------------------------------------------------------------------------------------------

#[test]
fn one_file_prints_the_json_document() {
    let path = seed("quanzhou-science-2019");
    let run = zhibiao([Path::new("extract"), &path]);
    expect_code(&run, 0, "extract one file");
    let doc = parse(&run.stdout);
    assert_eq!(doc["schema_version"], "1");
    assert_eq!(doc["source"]["file"], "quanzhou-science-2019.txt");
    assert_eq!(doc["source"]["format"], "text");
    assert!(doc["tables"][0]["records"].as_array().is_some_and(|r| !r.is_empty()), "no records printed");
    // The gold test scores the library's document; it must be what the CLI prints.
    assert_eq!(doc, extract_seed("quanzhou-science-2019"), "CLI output differs from the library's document");
    assert!(run.stderr.is_empty(), "stderr on success: {}", run.stderr);
}

#[test]
fn output_dir_gets_one_json_per_input() {
    let dir = scratch_dir("output_dir");
    let seeds = all_seeds();
    let mut args: Vec<PathBuf> = vec!["extract".into()];
    args.extend(seeds.iter().cloned());
    args.extend(["-o".into(), dir.clone()]);
    let run = zhibiao(&args);
    expect_code(&run, 0, "extract -o DIR");
    assert!(run.stdout.is_empty(), "-o DIR printed to stdout: {}", clip(&run.stdout));
    let seeds_dir = document_of(&dir, &seeds[0]).parent().unwrap().to_path_buf();
    let mut written: Vec<String> =
        std::fs::read_dir(&seeds_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    let mut want: Vec<String> = fixture_names().iter().map(|n| format!("{n}.txt.json")).collect();
    want.sort();
    assert_eq!(written, want);
    for name in fixture_names() {
        let doc = read_json(&document_of(&dir, &seed(&name)));
        assert_eq!(doc["schema_version"], "1", "{name}");
        assert_eq!(doc["source"]["file"], format!("{name}.txt"));
    }
}

#[test]
fn jsonl_streams_one_line_per_document_in_input_order() {
    let seeds = all_seeds();
    let mut args: Vec<PathBuf> = vec!["extract".into(), "--format".into(), "jsonl".into()];
    args.extend(seeds.iter().cloned());
    let run = zhibiao(&args);
    expect_code(&run, 0, "extract --format jsonl");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), seeds.len(), "one line per document");
    for (line, path) in lines.iter().zip(&seeds) {
        let doc = parse(line);
        assert_eq!(doc["schema_version"], "1");
        assert_eq!(doc["source"]["file"], file_name(path), "documents out of input order");
    }
}

#[test]
fn csv_has_one_header_and_one_row_per_record() {
    let seeds = all_seeds();
    let mut args: Vec<PathBuf> = vec!["extract".into(), "--format".into(), "csv".into()];
    args.extend(seeds.iter().cloned());
    let run = zhibiao(&args);
    expect_code(&run, 0, "extract --format csv");
    let rows = parse_csv(&run.stdout).unwrap_or_else(|e| panic!("CSV does not parse: {e}"));
    let header = &rows[0];
    for col in ["file", "id", "basis", "primary", "weight", "leaders", "units", "persons", "source_lines"] {
        assert!(header.iter().any(|h| h == col), "CSV header lacks {col}: {header:?}");
    }
    assert!(rows[1..].iter().all(|r| r != header), "header repeated inside the stream");
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.len(), header.len(), "row {i} has {} cells, header {}", r.len(), header.len());
    }
    // Row count and ids agree with the documents.
    let id_col = header.iter().position(|h| h == "id").unwrap();
    let file_col = header.iter().position(|h| h == "file").unwrap();
    let mut want = Vec::new();
    for name in fixture_names() {
        let doc = extract_seed(&name);
        for t in doc["tables"].as_array().unwrap() {
            for r in t["records"].as_array().unwrap() {
                want.push((seed(&name).display().to_string(), r["id"].as_str().unwrap().to_string()));
            }
        }
    }
    let got: Vec<(String, String)> = rows[1..].iter().map(|r| (r[file_col].clone(), r[id_col].clone())).collect();
    assert_eq!(got, want, "CSV rows differ from the records");
}

#[test]
fn format_with_an_output_dir_is_a_usage_error() {
    // With -o the dataset holds every format; --format chooses what goes to stdout.
    let dir = scratch_dir("csv_dir");
    let run = zhibiao([Path::new("extract"), Path::new("--format"), Path::new("csv"), &seed("anxi-science-2021"), Path::new("-o"), &dir]);
    expect_code(&run, 2, "extract --format csv -o DIR");
}

// ---------------------------------------------------------------------------------------------
// Bad inputs in a batch
// ---------------------------------------------------------------------------------------------

#[test]
fn batch_with_bad_files_still_writes_the_good_ones_and_exits_1() {
    let dir = scratch_dir("bad_batch");
    let missing = fixtures().join("bad").join("no-such-file.txt");
    let good = seed("quanzhou-sasac-2020");
    let run = zhibiao([
        Path::new("extract"),
        &good,
        &bad_path("nul-bytes.txt"),
        &missing,
        &seed("anxi-science-2021"),
        Path::new("-o"),
        &dir,
    ]);
    expect_code(&run, 1, "batch with a NUL-byte file and a missing path");
    assert!(run.stderr.contains("nul-bytes.txt"), "stderr does not name the NUL-byte file:\n{}", run.stderr);
    assert!(run.stderr.contains("NUL"), "stderr does not say what is wrong with it:\n{}", run.stderr);
    assert!(run.stderr.contains("no-such-file.txt"), "stderr does not name the missing file:\n{}", run.stderr);
    for name in ["quanzhou-sasac-2020", "anxi-science-2021"] {
        let doc = read_json(&document_of(&dir, &seed(name)));
        assert_eq!(doc["schema_version"], "1");
    }
    assert!(!document_of(&dir, &bad_path("nul-bytes.txt")).exists(), "a document was written for the NUL-byte file");
    assert!(!document_of(&dir, &missing).exists(), "a document was written for the missing file");
}

#[test]
fn streamed_batch_with_a_bad_file_prints_the_good_ones_and_exits_1() {
    let run = zhibiao([
        Path::new("extract"),
        Path::new("--format"),
        Path::new("jsonl"),
        &seed("anxi-science-2021"),
        &bad_path("legacy-word.doc"),
        &seed("quanzhou-science-2019"),
    ]);
    expect_code(&run, 1, "jsonl batch with a .doc");
    let files: Vec<String> =
        run.stdout.lines().map(|l| parse(l)["source"]["file"].as_str().unwrap().to_string()).collect();
    assert_eq!(files, ["anxi-science-2021.txt", "quanzhou-science-2019.txt"]);
    assert!(run.stderr.contains("legacy-word.doc"), "stderr does not name the bad file:\n{}", run.stderr);
}

#[test]
fn every_bad_fixture_is_handled_without_panic() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "fixtures/bad is empty");
    for f in &files {
        for sub in ["extract", "debug"] {
            let run = zhibiao([Path::new(sub), f]);
            let code = run.code.unwrap_or(-1);
            assert!(code == 0 || code == 1, "{sub} {}: exit {code}\n{}", f.display(), run.stderr);
            if code == 1 {
                assert!(
                    run.stderr.contains(&file_name(f)),
                    "{sub} {}: the error does not name the file:\n{}",
                    f.display(),
                    run.stderr
                );
            } else if sub == "extract" {
                assert_eq!(parse(&run.stdout)["schema_version"], "1", "{}", f.display());
            }
        }
    }
}

#[test]
fn an_empty_file_is_a_document_without_tables() {
    let run = zhibiao([Path::new("extract"), &bad_path("empty.txt")]);
    expect_code(&run, 0, "empty file");
    let doc = parse(&run.stdout);
    assert_eq!(doc["tables"], serde_json::json!([]));
    let codes: Vec<&str> = doc["issues"].as_array().unwrap().iter().filter_map(|i| i["code"].as_str()).collect();
    assert!(codes.contains(&"table_missing"), "no table_missing for an empty file: {codes:?}");
}

#[test]
fn a_ragged_hand_made_table_is_extracted_with_its_problems_reported() {
    let run = zhibiao([Path::new("extract"), &bad_path("ragged-table.txt")]);
    expect_code(&run, 0, "ragged table");
    let doc = parse(&run.stdout);
    let codes: Vec<&str> = doc["issues"].as_array().unwrap().iter().filter_map(|i| i["code"].as_str()).collect();
    // The table prints 1-1 twice and a 合计 row without a number.
    assert!(codes.contains(&"duplicate_id"), "no duplicate_id issue: {codes:?}");
    assert!(codes.contains(&"total_without_value"), "no total_without_value issue: {codes:?}");
}

// ---------------------------------------------------------------------------------------------
// Formats we do not read, and encodings
// ---------------------------------------------------------------------------------------------

#[test]
fn a_legacy_word_file_is_refused_with_a_docx_hint() {
    // By extension and, renamed to .txt, by its OLE magic bytes D0 CF 11 E0.
    for f in ["legacy-word.doc", "legacy-word-renamed.txt"] {
        let run = zhibiao([Path::new("extract"), &bad_path(f)]);
        expect_code(&run, 1, f);
        assert!(run.stdout.is_empty(), "{f}: printed a document");
        assert!(run.stderr.contains(f), "{f}: error does not name the file:\n{}", run.stderr);
        assert!(run.stderr.contains("docx"), "{f}: error does not mention docx:\n{}", run.stderr);
    }
}

/// A file that starts like a PDF and stops after its header is a clear error naming the file;
/// a PDF of scanned pages is refused with its own exit code (4) and says how to OCR it.
#[test]
fn broken_and_scanned_pdfs_are_clear_errors() {
    let run = zhibiao([Path::new("extract"), &bad_path("scanned.pdf")]);
    expect_code(&run, 1, "scanned.pdf (a bare %PDF header)");
    assert!(run.stderr.contains("scanned.pdf") && run.stderr.contains("expected a readable PDF"), "{}", run.stderr);

    let scan = fixtures().join("pdf/bad/scanned.pdf");
    let run = zhibiao([Path::new("extract"), &scan]);
    expect_code(&run, 4, "pdf/bad/scanned.pdf");
    assert!(run.stdout.is_empty(), "a scan printed a document: {}", clip(&run.stdout));
    assert!(run.stderr.contains("2 of 2 page(s)") && run.stderr.contains("ocrmypdf -l chi_sim"), "{}", run.stderr);

    // In a batch, the scan fails alone: the other input is written; every failure being a
    // scan, the exit code is 4.
    let out = scratch_dir("scanned_pdf_in_a_batch");
    let text = fixtures().join("seeds/quanzhou-science-2019.txt");
    let run = zhibiao([Path::new("extract"), &scan, &text, Path::new("-o"), &out, Path::new("-q")]);
    expect_code(&run, 4, "batch with a scan");
    let summary = read_json(&out.join("summary.json"));
    assert_eq!(summary["files"]["failed"], 1, "{summary}");
    assert_eq!(summary["files"]["needs_ocr"], 1, "{summary}");
    assert_eq!(summary["files"]["ok"], 1, "{summary}");
    // A scan and a broken file: exit code 1.
    let mixed = scratch_dir("scan_and_broken_in_a_batch");
    let run = zhibiao([Path::new("extract"), &scan, &bad_path("scanned.pdf"), Path::new("-o"), &mixed, Path::new("-q")]);
    expect_code(&run, 1, "batch of a scan and a broken PDF");
}

/// Each broken DOCX is one clear error: exit 1, the file, the part and what was wrong, and
/// no output. The ZIP bomb and the deep nesting are refused, not worked through.
#[test]
fn broken_docx_files_are_clear_errors() {
    let cases = [
        ("word-2007.docx", "expected a DOCX (a ZIP package)"),
        ("not-a-zip.docx", "expected a DOCX (a ZIP package)"),
        ("truncated.docx", "damaged or truncated ZIP"),
        ("no-document.docx", "word/document.xml: expected the main document part"),
        ("malformed-xml.docx", "word/document.xml: byte "),
        ("zip-bomb.docx", "bytes inflated"),
        ("deep-nesting.docx", "tables nested at most"),
        ("deep-elements.docx", "XML nested at most"),
    ];
    for (f, says) in cases {
        let run = zhibiao([Path::new("extract"), &bad_path(f)]);
        expect_code(&run, 1, f);
        assert!(run.stdout.is_empty(), "{f}: printed a document");
        assert!(run.stderr.contains(f) && run.stderr.contains(says), "{f}: expected '{says}' in:\n{}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{f}: one line of error:\n{}", run.stderr);
    }
    let run = zhibiao([Path::new("extract"), &bad_path("malformed-xml.docx")]);
    assert!(run.stderr.contains("well-formed XML"), "{}", run.stderr);
}

/// In a batch, broken DOCX files fail alone: the good DOCX and text files are all written.
#[test]
fn a_batch_with_broken_docx_writes_every_good_file() {
    let dir = scratch_dir("docx_batch");
    let good_docx = fixtures().join("docx").join("quanzhou-science-2019.docx");
    let mut args: Vec<PathBuf> = vec!["extract".into(), "-o".into(), dir.clone()];
    args.extend([bad_path("zip-bomb.docx"), good_docx.clone(), bad_path("malformed-xml.docx"), seed("anxi-science-2021"), bad_path("deep-nesting.docx")]);
    let run = zhibiao(&args);
    expect_code(&run, 1, "batch with broken docx");
    for f in ["zip-bomb.docx", "malformed-xml.docx", "deep-nesting.docx"] {
        assert!(run.stderr.contains(f), "stderr does not name {f}:\n{}", run.stderr);
    }
    let science = read_json(&document_of(&dir, &good_docx));
    assert_eq!(science["source"]["format"], "docx");
    assert_eq!(science["tables"][0]["records"].as_array().map(Vec::len), Some(68));
    assert_eq!(read_json(&document_of(&dir, &seed("anxi-science-2021")))["source"]["format"], "text");
}

#[test]
fn an_unknown_encoding_is_an_input_error_naming_it() {
    let run = zhibiao([Path::new("extract"), Path::new("--encoding"), Path::new("bogus"), &seed("anxi-science-2021")]);
    expect_code(&run, 1, "--encoding bogus");
    assert!(run.stderr.contains("bogus"), "error does not name the encoding:\n{}", run.stderr);
    assert!(run.stderr.contains("gb18030"), "error does not list the known encodings:\n{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn undecodable_bytes_are_an_input_error_with_the_offset() {
    let f = bad_path("invalid-encoding.txt");
    let run = zhibiao([Path::new("extract"), &f]);
    expect_code(&run, 1, "invalid bytes, detected encoding");
    assert!(run.stderr.contains("invalid-encoding.txt") && run.stderr.contains("byte "), "{}", run.stderr);
    let run = zhibiao([Path::new("extract"), Path::new("--encoding"), Path::new("utf-8"), &f]);
    expect_code(&run, 1, "invalid bytes, forced utf-8");
    assert!(run.stderr.contains("utf-8"), "error does not name the forced encoding:\n{}", run.stderr);
}

#[test]
fn forcing_the_right_encoding_gives_the_same_document() {
    let path = seed("quanzhou-sasac-2020");
    let plain = zhibiao([Path::new("extract"), &path]);
    let forced = zhibiao([Path::new("extract"), Path::new("--encoding"), Path::new("utf-8"), &path]);
    expect_code(&forced, 0, "--encoding utf-8");
    assert_eq!(parse(&plain.stdout), parse(&forced.stdout));
}

// GBK / GB18030 input is not tested here: hand-writing a GB18030 table is impractical, and the
// text reader's unit tests (crates/parser/src/text.rs) cover decoding it.

// ---------------------------------------------------------------------------------------------
// Usage errors: exit 2
// ---------------------------------------------------------------------------------------------

#[test]
fn several_files_as_json_to_stdout_is_a_usage_error() {
    let run = zhibiao([Path::new("extract"), &seed("anxi-science-2021"), &seed("quanzhou-science-2019")]);
    expect_code(&run, 2, "two files, json, no -o");
    assert!(run.stdout.is_empty(), "printed something: {}", clip(&run.stdout));
    assert!(run.stderr.contains("-o"), "the message does not say how to fix it:\n{}", run.stderr);
}

#[test]
fn unknown_subcommands_flags_and_values_are_usage_errors() {
    let anxi = seed("anxi-science-2021");
    let anxi = anxi.to_str().unwrap();
    let cases: [&[&str]; 6] = [
        &["frobnicate", anxi],
        &["extract", "--frobnicate", anxi],
        &["extract", "--format", "xml", anxi],
        &["extract"],
        &["debug"],
        &[],
    ];
    for args in cases {
        let run = zhibiao(args);
        expect_code(&run, 2, &format!("zhibiao {}", args.join(" ")));
        assert!(run.stdout.is_empty() || args.is_empty(), "{args:?} printed to stdout");
    }
}

#[test]
fn help_and_version_succeed() {
    for args in [&["--help"][..], &["--version"], &["extract", "--help"]] {
        let run = zhibiao(args);
        expect_code(&run, 0, &args.join(" "));
        assert!(!run.stdout.is_empty());
    }
}

#[test]
fn an_output_dir_that_is_a_file_is_an_error() {
    let dir = scratch_dir("output_is_file");
    let file = dir.join("taken");
    std::fs::write(&file, b"x").unwrap();
    let run = zhibiao([Path::new("extract"), &seed("anxi-science-2021"), Path::new("-o"), &file]);
    expect_code(&run, 3, "-o pointing at a file");
    assert!(run.stderr.contains("taken"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// debug
// ---------------------------------------------------------------------------------------------

#[test]
fn debug_shows_grid_column_maps_and_repairs() {
    let run = zhibiao([Path::new("debug"), &seed("quanzhou-science-2019")]);
    expect_code(&run, 0, "debug");
    let out = &run.stdout;
    for section in
        ["== grid", "== tables: column maps and row placement ==", "== records and repairs ==", "== issues =="]
    {
        assert!(out.contains(section), "debug output lacks {section:?}");
    }
    assert!(out.contains("column map:"), "no column map in the debug output");
    let repairs = out.split("== records and repairs ==").nth(1).unwrap_or("");
    assert!(repairs.contains("column_shifted_back"), "the repairs section does not mention column_shifted_back");
    assert!(out.contains("encoding utf-8"), "the grid header does not name the encoding");
}

#[test]
fn debug_of_a_bad_file_exits_1() {
    let run = zhibiao([Path::new("debug"), &bad_path("nul-bytes.txt")]);
    expect_code(&run, 1, "debug of a NUL-byte file");
    assert!(run.stderr.contains("nul-bytes.txt"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Output plumbing
// ---------------------------------------------------------------------------------------------

/// `zhibiao extract … | head` stops quietly: a reader that went away is not a failed input.
#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(BIN)
        .args(["extract", "--format", "jsonl"])
        .args(all_seeds())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("Broken pipe"), "stderr: {stderr}");
}

/// Two inputs with the same file name in different directories (common in an archive) must
/// not overwrite each other's output: the documents mirror the input tree.
#[test]
fn inputs_sharing_a_name_are_not_lost() {
    let dir = scratch_dir("same_stem");
    let (a, b, out) = (dir.join("a"), dir.join("b"), dir.join("out"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::copy(seed("anxi-science-2021"), a.join("x.txt")).unwrap();
    std::fs::copy(seed("quanzhou-science-2019"), b.join("x.txt")).unwrap();
    let run = zhibiao([Path::new("extract"), &a.join("x.txt"), &b.join("x.txt"), Path::new("-o"), &out]);
    expect_code(&run, 0, "two x.txt");
    let (da, db) = (read_json(&document_of(&out, &a.join("x.txt"))), read_json(&document_of(&out, &b.join("x.txt"))));
    assert_ne!(da["source"]["sha256"], db["source"]["sha256"], "one document overwrote the other");
}
