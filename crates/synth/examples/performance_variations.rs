//! The later performance variations one at a time.
//!
//! ```sh
//! # seeds (from FIRST, COUNT of them) whose document carries a variation
//! cargo run --release -p zhibiao-synth --example performance_variations -- find KEY [--seed FIRST] [--count N]
//! # one document's text and gold
//! cargo run --release -p zhibiao-synth --example performance_variations -- show SEED
//! # per-variation scores of a natural corpus: DIR holds NAME.txt, gold/NAME.json (written by
//! # `examples/synth write`) and out/…/NAME.json (written by `zhibiao extract DIR/*.txt -o DIR/out`)
//! cargo run --release -p zhibiao-synth --example performance_variations -- score-mixed DIR
//! # one variation at a time: DIR/base (the first stream alone) and DIR/<key> (that variation
//! # alone, forced), then extract each and score them against the base
//! cargo run --release -p zhibiao-synth --example performance_variations -- write DIR --count 100
//! for d in DIR/*/; do target/release/zhibiao extract "$d"*.txt -o "$d/out" >/dev/null; done
//! cargo run --release -p zhibiao-synth --example performance_variations -- score DIR
//! ```
//!
//! `score-mixed` prints, for every variation from the second stream, the documents that carry
//! it, their mean F1, their wrong and silent wrong fields, the fields wrong most often, and a
//! few wrong fields (document, id, field, gold → got). In a natural corpus most documents carry
//! several variations; `score` measures each alone: the documents it was applied to, their mean
//! F1 and that of the same seeds without it, the wrong and silent fields, and a few of the
//! fields it made wrong (wrong with it, right without it).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;
use zhibiao_synth::eval::evaluate;
use zhibiao_synth::performance::variation::{Variation, FIRST_OF_SECOND_STREAM};
use zhibiao_synth::performance::{generate, generate_with_only, generate_with_wishes};

fn key_of(key: &str) -> Option<Variation> {
    Variation::ALL.iter().copied().find(|v| v.key() == key)
}

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

fn notes(gold: &Value) -> Vec<String> {
    gold.get("gold_notes").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).filter_map(|n| n.split_once(": ").map(|(k, _)| k.to_string())).collect()
}

fn score(dir: &Path, examples: usize) {
    let mut found = BTreeMap::new();
    outputs(&dir.join("out"), &mut found);
    #[derive(Default)]
    struct Row {
        docs: usize,
        f1: f64,
        wrong: usize,
        silent: usize,
        fields: BTreeMap<String, usize>,
        examples: Vec<String>,
    }
    let mut rows: BTreeMap<Variation, Row> = BTreeMap::new();
    let mut none = Row::default();
    let mut all = Row::default();
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir.join("gold")).into_iter().flatten().flatten().map(|e| e.path()).collect();
    golds.sort();
    for path in golds {
        let Some(name) = path.file_stem().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        let gold = read(&path);
        let got = found.get(&name).map(|p| read(p)).unwrap_or(Value::Null);
        let e = evaluate(&name, &got, &gold);
        let silent = e.silent_fields(&got);
        let vs: Vec<Variation> = notes(&gold).iter().filter_map(|k| key_of(k)).filter(|v| *v >= FIRST_OF_SECOND_STREAM).collect();
        all.docs += 1;
        all.f1 += e.f1;
        all.wrong += e.wrong;
        all.silent += e.silent;
        // Rows not yet present.
        for v in &vs {
            rows.entry(*v).or_default();
        }
        let apply = |row: &mut Row| {
            row.docs += 1;
            row.f1 += e.f1;
            row.wrong += e.wrong;
            row.silent += e.silent;
            for m in e.score.mismatches.iter().chain(&e.score.notice_bad) {
                let key = if m.id == "notice" { format!("notice.{}", m.field) } else { m.field.clone() };
                *row.fields.entry(key).or_insert(0) += 1;
            }
            for m in e.score.mismatches.iter().chain(&e.score.notice_bad) {
                if row.examples.len() >= examples || row.examples.iter().any(|x| x.starts_with(&format!("{name} "))) {
                    break;
                }
                let is_silent = silent.iter().any(|s| s.starts_with(&format!("{} {}:", m.id, m.field)));
                row.examples.push(format!("{name} {} {}{}: {} → {}", m.id, m.field, if is_silent { " (silent)" } else { "" }, m.gold, m.got));
            }
        };
        if vs.is_empty() {
            apply(&mut none);
        }
        for v in &vs {
            if let Some(row) = rows.get_mut(v) {
                apply(row);
            }
        }
    }
    let line = |name: &str, r: &Row| {
        let mut top: Vec<(&String, &usize)> = r.fields.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = top.iter().take(4).map(|(f, n)| format!("{f} {n}")).collect();
        println!("{name:26} {:5} {:7.4} {:6} {:6}  {}", r.docs, if r.docs > 0 { r.f1 / r.docs as f64 } else { f64::NAN }, r.wrong, r.silent, top.join(", "));
    };
    println!("{:26} {:>5} {:>7} {:>6} {:>6}  most wrong fields", "variation", "docs", "F1", "wrong", "silent");
    line("(all)", &all);
    line("(no later variation)", &none);
    let mut order: Vec<(&Variation, &Row)> = rows.iter().collect();
    order.sort_by(|a, b| (a.1.f1 / a.1.docs as f64).total_cmp(&(b.1.f1 / b.1.docs as f64)));
    for (v, r) in &order {
        line(v.key(), r);
    }
    println!();
    for (v, r) in &order {
        if r.examples.is_empty() {
            continue;
        }
        println!("{}:", v.key());
        for x in &r.examples {
            println!("    {x}");
        }
    }
}

/// The later variations, each a profile of its own.
fn later() -> Vec<Variation> {
    Variation::ALL.iter().copied().filter(|v| *v >= FIRST_OF_SECOND_STREAM).collect()
}

fn write_profiles(dir: &Path, first: u64, count: u64) -> Result<(), String> {
    let profiles: Vec<(String, Option<Variation>)> = std::iter::once(("base".to_string(), None)).chain(later().into_iter().map(|v| (v.key().to_string(), Some(v)))).collect();
    for (name, v) in &profiles {
        let sub = dir.join(name);
        std::fs::create_dir_all(sub.join("gold")).map_err(|e| format!("{}: {e}", sub.display()))?;
        for seed in first..first + count {
            let (g, wishes) = generate_with_only(seed, *v);
            // A profile holds only the documents its variation was applied to.
            if v.is_some_and(|v| !wishes.was_applied(v)) {
                continue;
            }
            std::fs::write(sub.join(format!("{}.txt", g.name)), &g.text).map_err(|e| e.to_string())?;
            let json = serde_json::to_string_pretty(&g.gold).map_err(|e| e.to_string())?;
            std::fs::write(sub.join("gold").join(format!("{}.json", g.name)), json).map_err(|e| e.to_string())?;
        }
    }
    println!("wrote {} profiles of seeds {first}..{} to {}", profiles.len(), first + count, dir.display());
    Ok(())
}

/// One extracted document of a profile.
struct Scored {
    f1: f64,
    wrong: usize,
    silent: usize,
    /// `(id, field, silent, gold, got)` of every wrong field.
    mismatches: Vec<(String, String, bool, String, String)>,
}

fn score_dir(dir: &Path) -> BTreeMap<String, Scored> {
    let mut found = BTreeMap::new();
    outputs(&dir.join("out"), &mut found);
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join("gold")).into_iter().flatten().flatten() {
        let path = entry.path();
        let Some(name) = path.file_stem().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        let gold = read(&path);
        let got = found.get(&name).map(|p| read(p)).unwrap_or(Value::Null);
        let e = evaluate(&name, &got, &gold);
        let silent = e.silent_fields(&got);
        let mismatches = e
            .score
            .mismatches
            .iter()
            .chain(&e.score.notice_bad)
            .map(|m| {
                let is_silent = m.id != "notice" && silent.iter().any(|s| s.starts_with(&format!("{} {}:", m.id, m.field)));
                (m.id.clone(), m.field.clone(), is_silent, m.gold.to_string(), m.got.to_string())
            })
            .collect();
        out.insert(name, Scored { f1: e.f1, wrong: e.wrong, silent: e.silent, mismatches });
    }
    out
}

fn score_profiles(dir: &Path, examples: usize) {
    let base = score_dir(&dir.join("base"));
    let mean = |xs: &[f64]| if xs.is_empty() { f64::NAN } else { xs.iter().sum::<f64>() / xs.len() as f64 };
    let base_all: Vec<f64> = base.values().map(|s| s.f1).collect();
    let base_fields: usize = base.values().map(|s| s.silent).sum();
    println!("base (first stream alone): {} documents, mean F1 {:.4}, silent fields {base_fields}", base.len(), mean(&base_all));
    println!("{:26} {:>5} {:>7} {:>8} {:>6} {:>6} {:>6} {:>6}  fields it made wrong most often", "variation", "docs", "F1", "vs base", "wrong", "silent", "+wrong", "+silent");
    let mut rows = Vec::new();
    for v in later() {
        let scored = score_dir(&dir.join(v.key()));
        let f1s: Vec<f64> = scored.values().map(|s| s.f1).collect();
        let bases: Vec<f64> = scored.keys().filter_map(|n| base.get(n)).map(|s| s.f1).collect();
        let wrong: usize = scored.values().map(|s| s.wrong).sum();
        let silent: usize = scored.values().map(|s| s.silent).sum();
        // Fields wrong with the variation and right without it.
        let mut new_wrong = 0;
        let mut new_silent = 0;
        let mut fields: BTreeMap<String, usize> = BTreeMap::new();
        let mut shown: Vec<String> = Vec::new();
        for (name, s) in &scored {
            let before = base.get(name);
            for (id, field, is_silent, gold, got) in &s.mismatches {
                if before.is_some_and(|b| b.mismatches.iter().any(|m| &m.0 == id && &m.1 == field)) {
                    continue;
                }
                new_wrong += 1;
                new_silent += usize::from(*is_silent);
                *fields.entry(if id == "notice" { format!("notice.{field}") } else { field.clone() }).or_insert(0) += 1;
                if shown.len() < examples && !shown.iter().any(|x| x.starts_with(&format!("{name} "))) {
                    let g: String = gold.chars().take(120).collect();
                    let o: String = got.chars().take(120).collect();
                    shown.push(format!("{name} {id} {field}{}: {g} → {o}", if *is_silent { " (silent)" } else { "" }));
                }
            }
        }
        let mut top: Vec<(String, usize)> = fields.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = top.iter().take(4).map(|(f, n)| format!("{f} {n}")).collect();
        rows.push((v, scored.len(), mean(&f1s), mean(&f1s) - mean(&bases), wrong, silent, new_wrong, new_silent, top.join(", "), shown));
    }
    rows.sort_by(|a, b| a.2.total_cmp(&b.2));
    for r in &rows {
        println!("{:26} {:>5} {:>7.4} {:>+8.4} {:>6} {:>6} {:>6} {:>6}  {}", r.0.key(), r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8);
    }
    println!();
    for r in &rows {
        if r.9.is_empty() {
            continue;
        }
        println!("{}:", r.0.key());
        for x in &r.9 {
            println!("    {x}");
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default);
    let (Some(command), Some(what)) = (args.first(), args.get(1)) else {
        eprintln!("usage: performance_variations (find KEY|show SEED|write DIR|score DIR|score-mixed DIR) [--seed FIRST] [--count N] [--examples N]");
        return ExitCode::from(2);
    };
    match command.as_str() {
        "find" => {
            let Some(v) = key_of(what) else {
                eprintln!("unknown variation {what}");
                return ExitCode::from(2);
            };
            let first = flag("--seed", 1);
            let seeds: Vec<String> = (first..first + flag("--count", 200)).filter(|&s| generate_with_wishes(s).1.was_applied(v)).map(|s| s.to_string()).collect();
            println!("{}", seeds.join(" "));
        }
        "show" => {
            let seed: u64 = what.parse().unwrap_or(0);
            let g = generate(seed);
            println!("{}", g.text);
            println!("{}", serde_json::to_string_pretty(&g.gold).unwrap_or_default());
        }
        "score-mixed" => score(Path::new(what), flag("--examples", 3) as usize),
        "write" => {
            if let Err(e) = write_profiles(Path::new(what), flag("--seed", 1), flag("--count", 100)) {
                eprintln!("performance_variations: {e}");
                return ExitCode::FAILURE;
            }
        }
        "score" => score_profiles(Path::new(what), flag("--examples", 2) as usize),
        other => {
            eprintln!("unknown command {other}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
