//! End-to-end tests of batch conversion, `zhibiao extract INPUTS -o OUT`: the dataset
//! layout, counts that agree with the documents, resuming after SIGKILL, shards whose union is
//! one run, the JSON Schemas, and the CSV and JSONL read back by other tools.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use zhibiao::batch::inputs::document_path;
use zhibiao::schema::{schema, Output};

const BIN: &str = env!("CARGO_BIN_EXE_zhibiao");

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn zhibiao_in(args: &[&std::ffi::OsStr], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "zhibiao panicked:\n{stderr}");
    Run { code: out.status.code(), stderr }
}

fn zhibiao<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    zhibiao_in(&args, None)
}

/// A small archive: the seeds under a year directory, the DOCX renderings (three writers)
/// deeper down, a NUL-byte file and a ZIP bomb that fail, and files no reader takes.
fn corpus(dir: &Path, copies: usize) -> PathBuf {
    let root = dir.join("archive");
    let docx = fixtures().join("docx");
    for i in 0..copies {
        let year = root.join(format!("{}", 2019 + i % 3)).join(format!("batch-{i:03}"));
        std::fs::create_dir_all(year.join("word")).unwrap();
        for name in fixture_names() {
            std::fs::copy(seed_path(&name), year.join(format!("{name}.txt"))).unwrap();
        }
        if i % 4 == 0 {
            for (sub, name) in [
                ("", "quanzhou-science-2019"),
                ("libreoffice", "linyi-science-budget-2020"),
                ("wps", "quanzhou-science-2019"),
            ] {
                let from = docx.join(sub).join(format!("{name}.docx"));
                std::fs::copy(
                    from,
                    year.join("word").join(format!("{name}-{}.docx", if sub.is_empty() { "word" } else { sub })),
                )
                .unwrap();
            }
        }
    }
    let bad = root.join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::copy(bad_path("nul-bytes.txt"), bad.join("nul-bytes.txt")).unwrap();
    std::fs::copy(bad_path("zip-bomb.docx"), bad.join("zip-bomb.docx")).unwrap();
    std::fs::write(bad.join("scan.jpg"), b"\xff\xd8\xff").unwrap();
    std::fs::write(bad.join("~$owner.docx"), b"lock").unwrap();
    root
}

/// Every file under `out` but the lock and `summary.json`, by relative path.
fn dataset(out: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != ".zhibiao.lock" && e.file_name() != "summary.json")
        .map(|e| (e.path().strip_prefix(out).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// `summary.json` without what differs between runs of the same inputs.
fn summary(out: &Path) -> Value {
    let mut s = read_json(&out.join("summary.json"));
    s["seconds"] = Value::Null;
    s["files"]["reused"] = Value::Null;
    s
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

fn assert_same_dataset(a: &Path, b: &Path, what: &str) {
    let (da, db) = (dataset(a), dataset(b));
    let names = |d: &BTreeMap<String, Vec<u8>>| d.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&da), names(&db), "{what}: different files");
    for (name, bytes) in &da {
        assert!(bytes == &db[name], "{what}: {name} differs");
    }
    assert_eq!(summary(a), summary(b), "{what}: summaries differ");
}

fn documents_written(out: &Path) -> usize {
    walkdir::WalkDir::new(out.join("documents"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .count()
}

// ---------------------------------------------------------------------------------------------
// The dataset
// ---------------------------------------------------------------------------------------------

#[test]
fn a_directory_becomes_a_dataset_that_agrees_with_its_documents() {
    let dir = scratch_dir("batch_layout");
    let archive = corpus(&dir, 4);
    let out = dir.join("out");
    let run = zhibiao(&[Path::new("extract"), Path::new("-r"), &archive, Path::new("-o"), &out]);
    assert_eq!(run.code, Some(1), "two inputs fail: exit 1\n{}", run.stderr);
    for f in ["nul-bytes.txt", "zip-bomb.docx"] {
        assert!(run.stderr.contains(f), "stderr does not name {f}:\n{}", run.stderr);
    }

    // One document per readable input, mirroring the tree; none for the failed ones.
    let inputs: Vec<PathBuf> = walkdir::WalkDir::new(&archive)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| zhibiao::batch::inputs::readable_name(p))
        .collect();
    assert_eq!(inputs.len(), 4 * 4 + 3 + 2, "corpus: {inputs:?}");
    let mut want_records = Vec::new();
    let mut want_issues = 0;
    let (mut ok, mut with_warnings) = (0, 0);
    for input in &inputs {
        let doc_path = out.join("documents").join(document_path(input));
        let failing = input.starts_with(archive.join("bad"));
        assert_eq!(doc_path.exists(), !failing, "{}", doc_path.display());
        if failing {
            continue;
        }
        let doc = read_json(&doc_path);
        // The batch's document is the one `extract FILE` gives.
        let alone: Value = serde_json::from_slice(&{
            let mut buf = Vec::new();
            zhibiao_export::write_json(&zhibiao::extract(input).unwrap(), &mut buf).unwrap();
            buf
        })
        .unwrap();
        assert_eq!(doc, alone, "{}", input.display());
        ok += 1;
        let issues = doc["issues"].as_array().unwrap();
        want_issues += issues.len();
        if issues.iter().any(|i| i["severity"] != "info") {
            with_warnings += 1;
        }
        for t in doc["tables"].as_array().unwrap() {
            for r in t["records"].as_array().unwrap() {
                want_records.push((input.display().to_string(), t["kind"].clone(), r.clone()));
            }
        }
    }

    // records.jsonl: every record once, in input order, with its document's columns.
    let records = lines(&std::fs::read(out.join("records.jsonl")).unwrap());
    assert_eq!(records.len(), want_records.len());
    for (line, (file, kind, record)) in records.iter().zip(&want_records) {
        assert_eq!(&line["file"], file);
        assert_eq!(&line["table_kind"], kind);
        let doc = read_json(&out.join("documents").join(document_path(Path::new(file))));
        assert_eq!(line["sha256"], doc["source"]["sha256"]);
        assert_eq!(line["issuer"], doc["notice"]["issuer"]);
        assert_eq!(line["doc_number"], doc["notice"]["doc_number"]);
        assert_eq!(line["year"], doc["notice"]["year"]);
        for (k, v) in record.as_object().unwrap() {
            assert_eq!(&line[k], v, "{file} {} field {k}", record["id"]);
        }
    }

    // records.csv: the same rows, one header, columns in the documented order.
    let csv_text = std::fs::read_to_string(out.join("records.csv")).unwrap();
    let rows = parse_csv(&csv_text).unwrap();
    assert_eq!(rows[0], zhibiao_export::CSV_HEADER);
    assert_eq!(rows.len() - 1, records.len());
    let (file_col, id_col) = (0, rows[0].iter().position(|c| c == "id").unwrap());
    for (row, line) in rows[1..].iter().zip(&records) {
        assert_eq!(
            (row[file_col].as_str(), row[id_col].as_str()),
            (line["file"].as_str().unwrap(), line["id"].as_str().unwrap())
        );
    }

    // issues.jsonl: every document's issues, and one file_failed line per failed input.
    let issues = lines(&std::fs::read(out.join("issues.jsonl")).unwrap());
    let failed: Vec<&Value> = issues.iter().filter(|i| i["code"] == "file_failed").collect();
    assert_eq!(issues.len() - failed.len(), want_issues);
    let failed_files: Vec<&str> = failed.iter().map(|i| i["file"].as_str().unwrap()).collect();
    assert_eq!(failed_files.len(), 2);
    assert!(
        failed_files[0].ends_with("nul-bytes.txt") && failed_files[1].ends_with("zip-bomb.docx"),
        "{failed_files:?}"
    );
    assert!(failed[0]["message"].as_str().unwrap().contains("NUL"), "{}", failed[0]);

    // summary.json: counts that agree with the above.
    let s = read_json(&out.join("summary.json"));
    assert_eq!(s["files"]["total"], inputs.len());
    assert_eq!(s["files"]["ok"], ok);
    assert_eq!(s["files"]["failed"], 2);
    assert_eq!(s["files"]["with_warnings"], with_warnings);
    assert_eq!(s["files"]["reused"], 0);
    assert_eq!(s["records"], records.len());
    let issue_sum: u64 = ["info", "warning", "error"].iter().map(|k| s["issues"][k].as_u64().unwrap()).sum();
    assert_eq!(issue_sum as usize, want_issues);
    assert_eq!(s["failed"].as_array().unwrap().len(), 2);
    let not_read: Vec<&str> = s["not_read"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(not_read.len() == 2 && not_read.iter().any(|p| p.ends_with("scan.jpg")), "{not_read:?}");
    assert!(s["seconds"].as_f64().is_some());
}

#[test]
fn a_rerun_reuses_what_is_done_and_redoes_what_changed() {
    let dir = scratch_dir("batch_rerun");
    let archive = corpus(&dir, 2);
    let out = dir.join("out");
    let args = |extra: &[&str]| {
        let mut a: Vec<PathBuf> = vec!["extract".into(), "-r".into(), archive.clone(), "-o".into(), out.clone()];
        a.extend(extra.iter().map(PathBuf::from));
        a
    };
    zhibiao(&args(&[]));
    let first = dataset(&out);
    let total = read_json(&out.join("summary.json"))["files"]["ok"].as_u64().unwrap();

    zhibiao(&args(&[]));
    assert_eq!(read_json(&out.join("summary.json"))["files"]["reused"], total, "an up-to-date batch extracted again");
    assert!(dataset(&out) == first, "a rerun changed the dataset");

    // A changed input, a deleted document and a damaged one are redone; the rest reused.
    let changed = archive.join("2019/batch-000/anxi-science-2021.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n说明：本表由测试追加一行。\n");
    std::fs::write(&changed, text).unwrap();
    let deleted = out.join("documents").join(document_path(&archive.join("2020/batch-001/quanzhou-sasac-2020.txt")));
    std::fs::remove_file(&deleted).unwrap();
    let damaged =
        out.join("documents").join(document_path(&archive.join("2020/batch-001/linyi-science-budget-2020.txt")));
    let bytes = std::fs::read(&damaged).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    zhibiao(&args(&[]));
    let s = read_json(&out.join("summary.json"));
    assert_eq!(s["files"]["reused"], total - 3, "{s}");
    assert!(deleted.exists() && read_json(&damaged)["schema_version"] == "1");
    // The changed input's document is the one its new bytes give.
    let redone = read_json(&out.join("documents").join(document_path(&changed)));
    let mut fresh = Vec::new();
    zhibiao_export::write_json(&zhibiao::extract(&changed).unwrap(), &mut fresh).unwrap();
    let fresh: Value = serde_json::from_slice(&fresh).unwrap();
    assert_eq!(redone, fresh, "the changed input's document was not redone");
    assert_ne!(redone["source"]["sha256"], serde_json::from_slice::<Value>(&first[&format!("documents/{}", document_path(&changed).display())]).unwrap()["source"]["sha256"]);

    zhibiao(&args(&["--force"]));
    assert_eq!(read_json(&out.join("summary.json"))["files"]["reused"], 0, "--force reused documents");
}

/// Killed with SIGKILL at several moments and run again, the batch ends with every output
/// complete and equal to one uninterrupted run (made with another thread count).
#[test]
fn a_batch_killed_midway_finishes_on_rerun_with_the_same_output() {
    let dir = scratch_dir("batch_kill");
    let archive = corpus(&dir, 60);
    let (whole, killed) = (dir.join("whole"), dir.join("killed"));
    let run = zhibiao(&[
        Path::new("extract"),
        Path::new("-r"),
        Path::new("-j"),
        Path::new("2"),
        &archive,
        Path::new("-o"),
        &whole,
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let total = documents_written(&whole);
    assert!(total > 200, "corpus too small: {total}");

    let start = || {
        Command::new(BIN)
            .args([
                Path::new("extract"),
                Path::new("-r"),
                Path::new("-j"),
                Path::new("1"),
                Path::new("-q"),
                &archive,
                Path::new("-o"),
                &killed,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut midway = 0;
    for at in [3, total / 3, (2 * total) / 3, total] {
        let mut child = start();
        let deadline = Instant::now() + Duration::from_secs(60);
        while documents_written(&killed) < at && Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        if !killed.join("summary.json").exists() {
            midway += 1;
            // What a killed batch leaves is whole: no dataset file yet, and every document parses.
            for f in ["records.jsonl", "records.csv", "issues.jsonl"] {
                assert!(!killed.join(f).exists(), "{f} exists before the batch finished");
            }
        }
        for (name, bytes) in dataset(&killed) {
            if name.starts_with("documents/") && !name.ends_with(".tmp") {
                let doc: Value =
                    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name} is not whole JSON: {e}"));
                assert_eq!(doc["schema_version"], "1", "{name}");
            }
        }
    }
    assert!(midway >= 2, "the batch was never killed midway ({midway} times): the corpus is too fast to interrupt");

    let run = zhibiao(&[Path::new("extract"), Path::new("-r"), &archive, Path::new("-o"), &killed]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let mut left: Vec<String> = dataset(&killed).into_keys().filter(|n| n.ends_with(".tmp")).collect();
    left.sort();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert_same_dataset(&whole, &killed, "killed and resumed vs uninterrupted");
}

/// The README's scale-out recipe: a path list cut in shards, each shard its own OUT, the
/// JSONL concatenated. The union equals one run over the whole list.
#[test]
fn shards_of_a_path_list_add_up_to_one_run() {
    let dir = scratch_dir("batch_shards");
    let archive = corpus(&dir, 3);
    let list: Vec<String> = walkdir::WalkDir::new(&archive)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && zhibiao::batch::inputs::readable_name(e.path()))
        .map(|e| e.path().display().to_string())
        .collect();
    let run_list = |paths: &[String], out: &Path| {
        let text = paths.iter().map(|p| format!("{p}\n")).collect::<String>();
        let args: Vec<&std::ffi::OsStr> = ["extract".as_ref(), "-".as_ref(), "-o".as_ref(), out.as_os_str()].to_vec();
        zhibiao_in(&args, Some(text.as_bytes()))
    };
    let (one, a, b) = (dir.join("one"), dir.join("shard-a"), dir.join("shard-b"));
    run_list(&list, &one);
    let half = list.len() / 2;
    run_list(&list[..half], &a);
    run_list(&list[half..], &b);

    let cat = |name: &str, skip_header_of_b: bool| {
        let mut joined = std::fs::read(a.join(name)).unwrap();
        let second = std::fs::read(b.join(name)).unwrap();
        let start = if skip_header_of_b { second.iter().position(|&c| c == b'\n').unwrap() + 1 } else { 0 };
        joined.extend_from_slice(&second[start..]);
        joined
    };
    let whole = dataset(&one);
    assert!(cat("records.jsonl", false) == whole["records.jsonl"], "records.jsonl of the shards differ from one run");
    assert!(cat("issues.jsonl", false) == whole["issues.jsonl"], "issues.jsonl of the shards differ from one run");
    assert!(cat("records.csv", true) == whole["records.csv"], "records.csv of the shards differ from one run");
    let mut union: BTreeMap<String, Vec<u8>> =
        dataset(&a).into_iter().filter(|(n, _)| n.starts_with("documents/")).collect();
    union.extend(dataset(&b).into_iter().filter(|(n, _)| n.starts_with("documents/")));
    let docs: BTreeMap<String, Vec<u8>> = whole.into_iter().filter(|(n, _)| n.starts_with("documents/")).collect();
    assert!(union == docs, "the shards' documents differ from one run's");
    let count = |out: &Path, k: &str| read_json(&out.join("summary.json"))["files"][k].as_u64().unwrap();
    for k in ["total", "ok", "failed", "with_warnings"] {
        assert_eq!(count(&a, k) + count(&b, k), count(&one, k), "summary {k}");
    }
    // And one run over the list is one run over the directory.
    let walked = dir.join("walked");
    zhibiao(&[Path::new("extract"), Path::new("-r"), &archive, Path::new("-o"), &walked]);
    assert!(dataset(&one) == dataset(&walked), "path list vs directory walk: the datasets differ");
    let mut walked_summary = summary(&walked);
    assert_eq!(walked_summary["not_read"].as_array().map(Vec::len), Some(2), "the walk's not_read: {walked_summary}");
    walked_summary["not_read"] = serde_json::json!([]);
    assert_eq!(summary(&one), walked_summary);
}

// ---------------------------------------------------------------------------------------------
// Output errors, inputs, options
// ---------------------------------------------------------------------------------------------

#[test]
fn a_second_batch_into_the_same_output_is_refused() {
    let dir = scratch_dir("batch_busy");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let lock = std::fs::File::create(out.join(".zhibiao.lock")).unwrap();
    lock.lock().unwrap();
    let run = zhibiao(&[Path::new("extract"), &seed_path("anxi-science-2021"), Path::new("-o"), &out]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stderr.contains("another zhibiao batch"), "{}", run.stderr);
    drop(lock);
    let run = zhibiao(&[Path::new("extract"), &seed_path("anxi-science-2021"), Path::new("-o"), &out]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn without_recursive_subdirectories_are_named_not_read() {
    let dir = scratch_dir("batch_flat");
    let archive = corpus(&dir, 1);
    let out = dir.join("out");
    let run = zhibiao(&[Path::new("extract"), &archive, Path::new("-o"), &out]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("--recursive"), "no hint about --recursive:\n{}", run.stderr);
    let s = read_json(&out.join("summary.json"));
    assert_eq!(s["files"]["total"], 0);
    assert_eq!(s["subdirectories_skipped"].as_array().map(Vec::len), Some(2), "{s}");
}

#[test]
fn excel_csv_starts_with_a_byte_order_mark_and_quiet_says_nothing() {
    let dir = scratch_dir("batch_excel");
    let out = dir.join("out");
    let run = zhibiao(&[
        Path::new("extract"),
        Path::new("--excel"),
        Path::new("-q"),
        &seed_path("quanzhou-science-2019"),
        &bad_path("nul-bytes.txt"),
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.is_empty(), "--quiet printed: {}", run.stderr);
    let csv = std::fs::read(out.join("records.csv")).unwrap();
    assert!(csv.starts_with("\u{FEFF}file,sha256,".as_bytes()), "{:?}", &csv[..20]);
    let rows = parse_csv(std::str::from_utf8(&csv[3..]).unwrap()).unwrap();
    assert_eq!(rows.len(), 1 + 68);
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

fn validator(output: Output) -> jsonschema::Validator {
    jsonschema::validator_for(&schema(output))
        .unwrap_or_else(|e| panic!("the {} schema is not a valid schema: {e}", output.name()))
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> =
        v.iter_errors(instance).take(5).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not match the schema:\n{}", errors.join("\n"));
}

/// Every fixture's output, and every line and summary a batch writes, matches the schema
/// `zhibiao schema` prints.
#[test]
fn every_output_matches_its_schema() {
    let dir = scratch_dir("batch_schema");
    let out = dir.join("out");
    let run = zhibiao(&[Path::new("extract"), Path::new("-r"), &fixtures(), Path::new("-o"), &out]);
    assert_eq!(run.code, Some(1), "the bad fixtures fail: {}", run.stderr);
    let documents = validator(Output::Document);
    let mut checked = 0;
    for e in walkdir::WalkDir::new(out.join("documents"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        assert_valid(&documents, &read_json(e.path()), &e.path().display().to_string());
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} documents");
    for (file, output) in [("records.jsonl", Output::RecordLine), ("issues.jsonl", Output::IssueLine)] {
        let v = validator(output);
        let all = lines(&std::fs::read(out.join(file)).unwrap());
        assert!(!all.is_empty(), "{file} is empty");
        for (i, line) in all.iter().enumerate() {
            assert_valid(&v, line, &format!("{file} line {}", i + 1));
        }
    }
    assert_valid(&validator(Output::Summary), &read_json(&out.join("summary.json")), "summary.json");

    // The CLI prints the same schema, and it carries its version.
    for output in Output::ALL {
        let printed = Command::new(BIN).args(["schema", output.name()]).output().unwrap();
        assert!(printed.status.success());
        let printed: Value = serde_json::from_slice(&printed.stdout).unwrap();
        assert_eq!(printed, schema(output));
        assert_eq!(printed["$id"], format!("urn:zhibiao:schema:1:{}", output.name()));
    }
}

/// The schema is not a formality: wrong types and missing fields are caught.
#[test]
fn the_document_schema_rejects_what_breaks_the_contract() {
    let v = validator(Output::Document);
    let good = extract_seed("quanzhou-science-2019");
    assert_valid(&v, &good, "the seed");
    let mut bad = good.clone();
    bad["tables"][0]["records"][0]["weight"] = Value::String("2".into());
    assert!(!v.is_valid(&bad), "a weight written as a string passed");
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("tables");
    assert!(!v.is_valid(&bad), "a document without tables passed");
    let mut bad = good.clone();
    bad["schema_version"] = Value::String("2".into());
    assert!(!v.is_valid(&bad), "another schema version passed");
    let mut bad = good;
    bad["tables"][0]["kind"] = Value::String("targets".into());
    assert!(!v.is_valid(&bad), "an unknown table kind passed");
}

// ---------------------------------------------------------------------------------------------
// Other tools read the dataset
// ---------------------------------------------------------------------------------------------

/// `scripts/check-dataset.py` reads the dataset with Python's csv module and, where they are
/// installed, pandas and DuckDB. Without python3 this test says so and checks nothing more
/// than the tests above.
#[test]
fn python_csv_pandas_and_duckdb_read_the_dataset() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: the dataset was not read back by Python");
        return;
    }
    let dir = scratch_dir("batch_python");
    let archive = corpus(&dir, 2);
    let out = dir.join("out");
    zhibiao(&[Path::new("extract"), Path::new("-r"), Path::new("--excel"), &archive, Path::new("-o"), &out]);
    let check = Command::new("python3").arg(root().join("scripts/check-dataset.py")).arg(&out).output().unwrap();
    let said = String::from_utf8_lossy(&check.stdout).into_owned() + &String::from_utf8_lossy(&check.stderr);
    eprintln!("{said}");
    assert!(check.status.success(), "check-dataset.py failed:\n{said}");
    assert!(said.contains("csv module: ok"), "{said}");
}
