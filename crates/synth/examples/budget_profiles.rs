//! One budget variation at a time: what each variation costs the rebuild.
//!
//! The natural corpus (`examples/synth bench`) mixes many variations in every document, so a
//! low score there does not say which variation caused it. This tool writes one corpus per
//! profile — the plain reference table, the plain table with each variation forced on, and
//! the natural mix — and, once `zhibiao extract` has read them, scores each corpus and prints
//! what every variation costs against the plain table.
//!
//! ```sh
//! cargo run --release -p zhibiao-synth --example budget_profiles -- write /tmp/profiles --count 40
//! for d in /tmp/profiles/*/; do target/release/zhibiao extract "$d" -o "$d/out" >/dev/null; done
//! cargo run --release -p zhibiao-synth --example budget_profiles -- score /tmp/profiles
//! ```
//!
//! `score` reads `DIR/<profile>/gold/NAME.json` and the extracted
//! `DIR/<profile>/out/documents/**/NAME.json`. Per profile it prints the documents the
//! variation was applied to, their mean F1, the drop from the plain table on the same seeds,
//! how many of them score below their plain table, the wrong and the silent wrong fields (on
//! records no warning names: see `zhibiao_synth::eval`), and the fields wrong most often.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;
use zhibiao_synth::budget::{generate_with, Profile, Variation};
use zhibiao_synth::eval::evaluate;

fn profiles() -> Vec<Profile> {
    let mut out = vec![Profile::plain()];
    out.extend(Variation::ALL.iter().map(|&v| Profile::plain().with(v)));
    out.push(Profile::natural());
    out
}

fn write(dir: &Path, first: u64, count: u64) -> Result<(), String> {
    for p in profiles() {
        let sub = dir.join(p.name());
        std::fs::create_dir_all(sub.join("gold")).map_err(|e| format!("{}: {e}", sub.display()))?;
        for seed in first..first + count {
            let g = generate_with(seed, &p);
            std::fs::write(sub.join(format!("{}.txt", g.name)), &g.text).map_err(|e| e.to_string())?;
            let json = serde_json::to_string_pretty(&g.gold).map_err(|e| e.to_string())?;
            std::fs::write(sub.join("gold").join(format!("{}.json", g.name)), json).map_err(|e| e.to_string())?;
        }
    }
    println!("wrote {} profiles × {count} documents to {}", profiles().len(), dir.display());
    Ok(())
}

/// Every `NAME.json` under `dir`, by file name.
fn outputs(dir: &Path, found: &mut BTreeMap<String, PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            outputs(&path, found);
        } else if let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".txt.json").or(n.strip_suffix(".json"))) {
            found.insert(name.to_string(), path);
        }
    }
}

fn read(path: &Path) -> Value {
    std::fs::read_to_string(path).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(Value::Null)
}

/// One document of a profile.
struct Doc {
    name: String,
    f1: f64,
    /// The profile's variation was applied to it.
    applied: bool,
    wrong: usize,
    /// Wrong fields on records no warning names.
    silent: usize,
    /// Wrong fields by field name.
    fields: BTreeMap<String, usize>,
}

fn score_profile(dir: &Path, tag: Option<&str>) -> Vec<Doc> {
    let mut found = BTreeMap::new();
    outputs(&dir.join("out"), &mut found);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir.join("gold")).into_iter().flatten().flatten() {
        let path = entry.path();
        let Some(name) = path.file_stem().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        let gold = read(&path);
        let got = found.get(&name).map(|p| read(p)).unwrap_or(Value::Null);
        let e = evaluate(&name, &got, &gold);
        let applied = tag.is_none_or(|t| {
            gold.get("gold_notes").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).any(|n| n.starts_with(&format!("{t}: ")))
        });
        let mut fields = BTreeMap::new();
        for m in e.score.mismatches.iter().chain(&e.score.notice_bad) {
            let key = if m.id == "notice" { format!("notice.{}", m.field) } else { m.field.clone() };
            *fields.entry(key).or_insert(0) += 1;
        }
        out.push(Doc { name, f1: e.f1, applied, wrong: e.wrong, silent: e.silent, fields });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn score(dir: &Path) {
    let plain = score_profile(&dir.join(Profile::plain().name()), None);
    let plain_f1: BTreeMap<&str, f64> = plain.iter().map(|d| (d.name.as_str(), d.f1)).collect();
    let mean = |xs: &[f64]| if xs.is_empty() { f64::NAN } else { xs.iter().sum::<f64>() / xs.len() as f64 };
    println!(
        "{:36} {:>7} {:>8} {:>8} {:>10} {:>7} {:>7}  most wrong fields",
        "profile", "applied", "F1", "vs plain", "docs<plain", "wrong", "silent"
    );
    for p in profiles() {
        let name = p.name();
        let tag = name.split_once('+').map(|(_, t)| t.to_string());
        let scored = score_profile(&dir.join(&name), tag.as_deref());
        let applied: Vec<&Doc> = scored.iter().filter(|s| s.applied).collect();
        let f1s: Vec<f64> = applied.iter().map(|s| s.f1).collect();
        let base: Vec<f64> = applied.iter().filter_map(|s| plain_f1.get(s.name.as_str()).copied()).collect();
        let worse = applied.iter().filter(|s| plain_f1.get(s.name.as_str()).is_some_and(|b| s.f1 < b - 1e-9)).count();
        let wrong: usize = applied.iter().map(|s| s.wrong).sum();
        let silent: usize = applied.iter().map(|s| s.silent).sum();
        let mut fields: BTreeMap<String, usize> = BTreeMap::new();
        for s in &applied {
            for (f, n) in &s.fields {
                *fields.entry(f.clone()).or_insert(0) += n;
            }
        }
        let mut top: Vec<(String, usize)> = fields.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = top.iter().take(5).map(|(f, n)| format!("{f} {n}")).collect();
        println!(
            "{:36} {:>3}/{:<3} {:>8.4} {:>+8.4} {:>10} {:>7} {:>7}  {}",
            name,
            applied.len(),
            scored.len(),
            mean(&f1s),
            mean(&f1s) - mean(&base),
            worse,
            wrong,
            silent,
            top.join(", ")
        );
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let (Some(command), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: budget_profiles (write|score) DIR [--count N] [--seed FIRST]");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    match command.as_str() {
        "write" => {
            if let Err(e) = write(&dir, flag("--seed", 1), flag("--count", 40)) {
                eprintln!("budget_profiles: {e}");
                return ExitCode::FAILURE;
            }
        }
        "score" => score(&dir),
        other => {
            eprintln!("unknown command {other}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
