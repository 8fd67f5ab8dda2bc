//! The generated-corpus tool: writes generated notices with their gold to disk, or runs the
//! accuracy benchmark over them (mean and worst field F1, silent-error rate).
//!
//! ```sh
//! cargo run --release --example synth -- bench --family performance --count 500
//! cargo run --release --example synth -- bench --family budget --count 500 --show 5
//! cargo run --release --example synth -- write --family budget --count 20 --out /tmp/corpus
//! ```
//!
//! `write` puts `NAME.txt` and `gold/NAME.json` side by side, the layout of `shared/corpus/`,
//! so `shared/tools/score.py` can check the Rust scorer on the same files. `bench` extracts
//! each document in memory, exactly as `zhibiao extract` does, and prints one line per family;
//! `--show N` also prints the N worst documents with their wrong fields.

use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::Value;
use zhibiao_synth::eval::{evaluate, Evaluation, Summary};
use zhibiao_synth::Family;

struct Args {
    command: String,
    families: Vec<Family>,
    count: u64,
    seed: u64,
    out: Option<PathBuf>,
    show: usize,
    /// Print wrong and silent fields per field and per variation (`gold_notes`).
    breakdown: bool,
}

fn usage() -> &'static str {
    "usage: synth (bench|write) [--family performance|budget|all] [--count N] [--seed FIRST] [--out DIR] [--show N] [--breakdown]"
}

fn parse() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or_else(|| usage().to_string())?;
    let mut args = Args { command, families: vec![Family::Performance, Family::Budget], count: 100, seed: 1, out: None, show: 0, breakdown: false };
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--family" => {
                args.families = match value()?.as_str() {
                    "performance" => vec![Family::Performance],
                    "budget" => vec![Family::Budget],
                    "all" => vec![Family::Performance, Family::Budget],
                    other => return Err(format!("unknown family {other}")),
                }
            }
            "--count" => args.count = value()?.parse().map_err(|e| format!("--count: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => args.out = Some(PathBuf::from(value()?)),
            "--show" => args.show = value()?.parse().map_err(|e| format!("--show: {e}"))?,
            "--breakdown" => args.breakdown = true,
            "--help" | "-h" => return Err(usage().to_string()),
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    Ok(args)
}

/// Extracts one generated document as the CLI would and scores it; also returns the output
/// and the document's variations (its gold notes).
fn run_one(family: Family, seed: u64) -> (Evaluation, Value, Vec<String>) {
    let g = family.generate(seed);
    let file = format!("{}.txt", g.name);
    let out = match zhibiao::extract_from_bytes(&file, g.text.as_bytes(), &zhibiao::Options::default()) {
        Ok(doc) => {
            let mut buf = Vec::new();
            let _ = zhibiao_export::write_json(&doc, &mut buf);
            serde_json::from_slice(&buf).unwrap_or(Value::Null)
        }
        Err(e) => serde_json::json!({"error": e.to_string()}),
    };
    let notes = g.gold["gold_notes"].as_array().into_iter().flatten().filter_map(Value::as_str).map(variation_name).collect();
    (evaluate(&g.name, &out, &g.gold), out, notes)
}

/// The name of a variation in a gold note: the words before its colon.
fn variation_name(note: &str) -> String {
    note.split([':', '：']).next().unwrap_or(note).trim().to_string()
}

/// Wrong and silent fields per field, and mean F1 and silent fields of the documents that
/// carry each variation against those that do not.
fn print_breakdown(results: &[(Evaluation, Value, Vec<String>)]) {
    use std::collections::BTreeMap;
    let mut by_field: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (e, out, _) in results {
        let silent: Vec<String> = e.silent_fields(out);
        for m in &e.score.mismatches {
            let entry = by_field.entry(m.field.clone()).or_default();
            entry.0 += 1;
            if silent.iter().any(|s| s.starts_with(&format!("{} {}:", m.id, m.field))) {
                entry.1 += 1;
            }
        }
    }
    for (e, _, _) in results {
        for m in &e.score.notice_bad {
            by_field.entry(format!("notice.{}", m.field)).or_default().0 += 1;
        }
    }
    println!("  wrong / silent fields per field (notice fields: documents):");
    let mut fields: Vec<_> = by_field.into_iter().collect();
    fields.sort_by_key(|f| std::cmp::Reverse(f.1 .0));
    for (f, (w, s)) in fields {
        println!("    {f:24} {w:6} {s:6}");
    }
    let mut notes: BTreeMap<&str, (usize, f64, usize)> = BTreeMap::new();
    for (e, _, ns) in results {
        for n in ns {
            let entry = notes.entry(n.as_str()).or_default();
            entry.0 += 1;
            entry.1 += e.f1;
            entry.2 += e.silent;
        }
    }
    println!("  per variation: documents, mean F1, silent fields");
    let mut rows: Vec<_> = notes.into_iter().collect();
    rows.sort_by(|a, b| (a.1 .1 / a.1 .0 as f64).total_cmp(&(b.1 .1 / b.1 .0 as f64)));
    for (n, (docs, f1, silent)) in rows {
        println!("    {:40} {docs:5} {:.4} {silent:6}", n.chars().take(40).collect::<String>(), f1 / docs as f64);
    }
}

fn bench(args: &Args) {
    for &family in &args.families {
        let started = std::time::Instant::now();
        let mut results: Vec<(Evaluation, Value, Vec<String>)> =
            (args.seed..args.seed + args.count).into_par_iter().map(|seed| run_one(family, seed)).collect();
        let mut summary = Summary::default();
        for (e, _, _) in &results {
            summary.add(e);
        }
        println!("{:12} {} ({:.1} s)", family.name(), summary.line(), started.elapsed().as_secs_f64());
        if args.breakdown {
            print_breakdown(&results);
        }
        results.sort_by(|a, b| a.0.f1.total_cmp(&b.0.f1));
        for (e, out, _) in results.iter().take(args.show) {
            println!("  {} F1 {:.4}: {} wrong, {} silent", e.name, e.f1, e.wrong, e.silent);
            for m in e.score.mismatches.iter().take(12) {
                println!("    {} {}: {} → {}", m.id, m.field, m.gold, m.got);
            }
            for m in &e.score.notice_bad {
                println!("    notice {}: {} → {}", m.field, m.gold, m.got);
            }
            for s in e.silent_fields(out).iter().take(5) {
                println!("    silent: {s}");
            }
        }
    }
}

fn write(args: &Args) -> Result<(), String> {
    let dir = args.out.clone().ok_or("write needs --out DIR")?;
    std::fs::create_dir_all(dir.join("gold")).map_err(|e| format!("{}: {e}", dir.display()))?;
    for &family in &args.families {
        for seed in args.seed..args.seed + args.count {
            let g = family.generate(seed);
            let text = dir.join(format!("{}.txt", g.name));
            std::fs::write(&text, &g.text).map_err(|e| format!("{}: {e}", text.display()))?;
            let gold = dir.join("gold").join(format!("{}.json", g.name));
            let json = serde_json::to_string_pretty(&g.gold).map_err(|e| e.to_string())?;
            std::fs::write(&gold, json).map_err(|e| format!("{}: {e}", gold.display()))?;
        }
    }
    println!("wrote {} document(s) per family to {}", args.count, dir.display());
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match args.command.as_str() {
        "bench" => bench(&args),
        "write" => {
            if let Err(e) = write(&args) {
                eprintln!("synth: {e}");
                return ExitCode::FAILURE;
            }
        }
        other => {
            eprintln!("unknown command {other}\n{}", usage());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
