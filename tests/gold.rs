//! End-to-end accuracy against the gold files: every `fixtures/gold/NAME.json` that has a seed
//! `fixtures/seeds/NAME.txt` is extracted with the library, printed as the CLI prints it, and
//! scored with a port of `shared/tools/score.py` (tests/common/mod.rs).
//!
//! * notice fields match the gold exactly, for every fixture;
//! * field F1 ≥ 0.98 for the performance-target fixtures, ≥ 0.97 for the budget-target one;
//! * every mismatch is listed in `fixtures/known-mismatches.txt`, so a regressed field fails
//!   with its name, gold and got values, and a fixed one prints a note;
//! * the issues a researcher relies on are there, and no false alarm is raised;
//! * every record says which source lines it came from.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use common::*;
use serde_json::{json, Value};

/// The field-F1 bar for fixtures whose gold has a performance-target table.
const F1_BAR: f64 = 0.98;
/// The field-F1 bar for fixtures whose gold has a budget-target table (issue 3).
const BUDGET_F1_BAR: f64 = 0.97;

/// Fixtures whose records are not scored yet, and why (none today). Their notice is still
/// scored and checked. Simpler and more honest than listing hundreds of record fields as
/// "known" while a table family is being built.
const RECORDS_NOT_SCORED: &[(&str, &str)] = &[];

/// The fixtures this suite was written against; a missing one is a broken checkout.
const EXPECTED_FIXTURES: [&str; 4] =
    ["anxi-science-2021", "linyi-science-budget-2020", "quanzhou-sasac-2020", "quanzhou-science-2019"];

struct Run {
    name: String,
    out: Value,
    gold: Value,
    score: Score,
    records_scored: bool,
}

fn records_skip_reason(name: &str) -> Option<&'static str> {
    RECORDS_NOT_SCORED.iter().find(|(n, _)| *n == name).map(|(_, why)| *why)
}

/// Every fixture, extracted once per test binary.
fn runs() -> &'static [Run] {
    static RUNS: OnceLock<Vec<Run>> = OnceLock::new();
    RUNS.get_or_init(|| {
        fixture_names()
            .into_iter()
            .map(|name| {
                let out = extract_seed(&name);
                let gold = load_gold(&name);
                let records_scored = records_skip_reason(&name).is_none();
                let score = score_with(&out, &gold, ScoreOptions { notice_only: !records_scored });
                Run { name, out, gold, score, records_scored }
            })
            .collect()
    })
}

fn run(name: &str) -> &'static Run {
    runs().iter().find(|r| r.name == name).unwrap_or_else(|| panic!("fixture {name} is missing"))
}

fn records(doc: &Value) -> Vec<&Value> {
    doc["tables"].as_array().into_iter().flatten().flat_map(|t| t["records"].as_array().into_iter().flatten()).collect()
}

fn has_table_of(gold: &Value, kind: &str) -> bool {
    gold["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|t| t["kind"] == kind && t["records"].as_array().is_some_and(|r| !r.is_empty()))
}

/// (severity, code, record) of every issue.
fn issues(doc: &Value) -> Vec<(String, String, Option<String>)> {
    doc["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i["severity"].as_str().unwrap_or("?").to_string(),
                i["code"].as_str().unwrap_or("?").to_string(),
                i["record"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn has_issue(doc: &Value, code: &str, record: Option<&str>) -> bool {
    issues(doc).iter().any(|(_, c, r)| c == code && r.as_deref() == record)
}

fn issue_list(doc: &Value) -> String {
    doc["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            format!(
                "  {} {} {} {}",
                i["severity"].as_str().unwrap_or("?"),
                i["code"].as_str().unwrap_or("?"),
                i["record"].as_str().unwrap_or("-"),
                i["message"].as_str().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// The fixtures themselves
// ---------------------------------------------------------------------------------------------

#[test]
fn every_expected_fixture_has_a_seed_and_a_gold() {
    let names = fixture_names();
    for want in EXPECTED_FIXTURES {
        assert!(names.iter().any(|n| n == want), "fixture {want}: no gold+seed pair in fixtures/ (found {names:?})");
    }
    for (name, _) in RECORDS_NOT_SCORED {
        assert!(names.iter().any(|n| n == name), "RECORDS_NOT_SCORED names {name}, which is not a fixture");
    }
}

// ---------------------------------------------------------------------------------------------
// (a) notice fields, exactly
// ---------------------------------------------------------------------------------------------

#[test]
fn notice_fields_match_gold_exactly() {
    let mut bad = Vec::new();
    for r in runs() {
        let (gn, on) = (&r.gold["notice"], &r.out["notice"]);
        for field in NOTICE_FIELDS {
            let g = &gn[field];
            if is_uncertain(g) {
                continue;
            }
            if g != &on[field] {
                bad.push(format!("{} notice.{field}\n    gold: {g}\n    got:  {}", r.name, on[field]));
            }
        }
        // declared_counts: the same (scope, level, count) multiset; `line` is not contract.
        let counts = |v: &Value| {
            let mut c: Vec<(Value, Value, Value)> = v
                .as_array()
                .into_iter()
                .flatten()
                .map(|d| (d["scope"].clone(), d["level"].clone(), d["count"].clone()))
                .collect();
            c.sort_by_key(|t| format!("{t:?}"));
            c
        };
        if counts(&gn["declared_counts"]) != counts(&on["declared_counts"]) {
            bad.push(format!(
                "{} notice.declared_counts\n    gold: {}\n    got:  {}",
                r.name, gn["declared_counts"], on["declared_counts"]
            ));
        }
        // And the scorer agrees (folded comparison).
        for m in &r.score.notice_bad {
            bad.push(format!("scorer: {}", m.describe(&r.name)));
        }
    }
    assert!(bad.is_empty(), "notice fields differ from gold:\n{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// (b) the F1 bar
// ---------------------------------------------------------------------------------------------

#[test]
fn fixtures_meet_the_f1_bar_of_their_family() {
    let mut checked = Vec::new();
    let mut bad = Vec::new();
    for r in runs().iter().filter(|r| r.records_scored) {
        let bar = if has_table_of(&r.gold, "performance_targets") {
            F1_BAR
        } else if has_table_of(&r.gold, "budget_targets") {
            BUDGET_F1_BAR
        } else {
            continue;
        };
        checked.push(r.name.clone());
        let s = &r.score;
        println!("{}: {}", r.name, s.summary());
        if s.f1() < bar {
            let fields: Vec<String> =
                s.per_field.iter().filter(|(_, (eq, n))| eq < n).map(|(f, (eq, n))| format!("{f} {eq}/{n}")).collect();
            let first: Vec<String> = s.problems(&r.name).into_iter().take(10).map(|(_, d)| d).collect();
            bad.push(format!(
                "{}: field F1 {:.4} < {bar}\n  {}\n  fields below par: {}\n  first problems:\n{}",
                r.name,
                s.f1(),
                s.summary(),
                fields.join(", "),
                first.join("\n")
            ));
        }
    }
    for want in ["quanzhou-sasac-2020", "quanzhou-science-2019", "linyi-science-budget-2020"] {
        assert!(checked.iter().any(|c| c == want), "{want} was not held to an F1 bar (checked: {checked:?})");
    }
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
}

// ---------------------------------------------------------------------------------------------
// (c) every mismatch is known
// ---------------------------------------------------------------------------------------------

#[test]
fn every_mismatch_is_listed_in_known_mismatches() {
    let known = known_mismatches().unwrap_or_else(|e| panic!("{e}"));
    let names: BTreeSet<String> = fixture_names().into_iter().collect();
    let stray: Vec<String> = known
        .iter()
        .filter(|k| !names.contains(&k.fixture))
        .map(|k| format!("known-mismatches.txt:{}: {} names no fixture", k.line, k.key))
        .collect();
    assert!(stray.is_empty(), "{}", stray.join("\n"));
    let unscored: Vec<String> = known
        .iter()
        .filter(|k| records_skip_reason(&k.fixture).is_some() && !k.key.contains(" notice "))
        .map(|k| {
            format!("known-mismatches.txt:{}: {} — its records are not scored (RECORDS_NOT_SCORED)", k.line, k.key)
        })
        .collect();
    assert!(unscored.is_empty(), "{}", unscored.join("\n"));

    let known_keys: BTreeSet<&str> = known.iter().map(|k| k.key.as_str()).collect();
    let mut seen = BTreeSet::new();
    let mut new = Vec::new();
    for r in runs() {
        for (key, detail) in r.score.problems(&r.name) {
            if known_keys.contains(key.as_str()) {
                seen.insert(key);
            } else {
                new.push(detail);
            }
        }
        if let Some(why) = records_skip_reason(&r.name) {
            println!("note: {}: records not scored: {why}", r.name);
        }
    }
    for k in &known {
        if !seen.contains(&k.key) {
            println!(
                "note: known mismatch `{}` (known-mismatches.txt:{}) no longer occurs: fixed? remove the line",
                k.key, k.line
            );
        }
    }
    assert!(
        new.is_empty(),
        "{} mismatch(es) against gold not listed in fixtures/known-mismatches.txt:\n{}",
        new.len(),
        new.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// (d) issues a researcher relies on
// ---------------------------------------------------------------------------------------------

#[test]
fn anxi_reports_its_missing_table() {
    let r = run("anxi-science-2021");
    assert_eq!(r.out["tables"], json!([]), "anxi has no table in the file");
    assert!(has_issue(&r.out, "table_missing", None), "anxi: no table_missing issue:\n{}", issue_list(&r.out));
}

#[test]
fn quanzhou_science_reports_its_repairs() {
    let r = run("quanzhou-science-2019");
    let mut missing = Vec::new();
    for (code, record) in [
        ("column_shifted_back", "1-10"),
        ("merged_cell_filled", "1-6-1"),
        ("merged_cell_filled", "1-12-1"),
        ("merged_cell_filled", "1-13-1"),
    ] {
        if !has_issue(&r.out, code, Some(record)) {
            missing.push(format!("{code} for {record}"));
        }
    }
    assert!(missing.is_empty(), "{}: missing issues {missing:?}; issues:\n{}", r.name, issue_list(&r.out));
}

#[test]
fn quanzhou_sasac_reports_the_names_spill() {
    let r = run("quanzhou-sasac-2020");
    assert!(
        has_issue(&r.out, "names_spill_joined", Some("5-1")),
        "{}: no names_spill_joined issue for 5-1; issues:\n{}",
        r.name,
        issue_list(&r.out)
    );
}

/// Gold records with a field written `{"uncertain": …}`: the gold itself says content was lost
/// or ambiguous there.
fn uncertain_ids(gold: &Value) -> BTreeSet<String> {
    records(gold)
        .into_iter()
        .filter(|r| r.as_object().is_some_and(|m| m.values().any(is_uncertain)))
        .filter_map(|r| r["id"].as_str().map(str::to_string))
        .collect()
}

/// Does an issue about `issue_record` (a leaf id `1-3-2` or a first-level id `1-3`) concern the
/// record `id`?
fn concerns(issue_record: &str, id: &str) -> bool {
    id == issue_record || id.starts_with(&format!("{issue_record}-"))
}

/// No false alarms on the fixtures with tables: their weights, totals, budget sums and ids all
/// add up, so no check may warn. The only warnings allowed are about records whose gold is
/// itself uncertain (content really lost in the OCR: sasac 1-1-1, 1-1-2, 1-2-1 have no 二级指标
/// text, science 1-3's 文件依据 is cut off) — reporting those is right, not an alarm.
#[test]
fn fixtures_with_tables_raise_no_false_alarm() {
    let mut bad = Vec::new();
    for r in runs().iter().filter(|r| !records(&r.gold).is_empty()) {
        let lost = uncertain_ids(&r.gold);
        for (sev, code, record) in issues(&r.out) {
            if sev != "warning" && sev != "error" {
                continue;
            }
            let justified = record.as_deref().is_some_and(|rec| lost.iter().any(|id| concerns(rec, id)));
            if !justified {
                bad.push(format!("{}: {sev} {code} {}", r.name, record.as_deref().unwrap_or("-")));
            }
        }
        if !bad.is_empty() {
            bad.push(format!("all issues of {}:\n{}", r.name, issue_list(&r.out)));
        }
    }
    assert!(bad.is_empty(), "false alarms (warnings on records the gold has no doubt about):\n{}", bad.join("\n"));
}

/// The budget fixture: its header, strategy and the typed values researchers compare across
/// years, read by hand from the seed (lines 5–7 and the value columns).
#[test]
fn linyi_budget_header_strategy_and_typed_values() {
    let r = run("linyi-science-budget-2020");
    let t = &r.out["tables"][0];
    assert_eq!(t["kind"], "budget_targets");
    assert_eq!(t["title"], "2020年部门预算整体绩效目标表");
    assert_eq!(t["unit"], "临沂市科学技术局");
    let b = &t["budget"];
    assert_eq!(b["total"], "5364万元");
    assert_eq!(b["total_value"], json!({"number": 5364, "unit": "万元"}));
    assert_eq!(b["basic_value"], json!({"number": 714, "unit": "万元"}));
    assert_eq!(b["project_value"], json!({"number": 4650, "unit": "万元"}));
    assert_eq!(
        b["sources"],
        json!([
            {"name": "财政拨款", "amount": "5364万元", "amount_value": {"number": 5364, "unit": "万元"}},
            {"name": "其他资金", "amount": null, "amount_value": null}
        ])
    );
    let strategy = t["strategy"].as_str().unwrap_or("");
    assert!(strategy.starts_with("根据《临沂市十三五科技创新规划》") && strategy.ends_with("进入创新型城市行列。"), "{strategy}");
    let rec = |id: &str| {
        records(&r.out).into_iter().find(|x| x["id"] == id).unwrap_or_else(|| panic!("no record {id}")).clone()
    };
    assert_eq!(rec("3-1")["target_value"], json!({"number": 60, "unit": "家"}));
    assert_eq!(rec("3-6")["target_value"], json!({"number": 34.6, "unit": "%"}));
    assert_eq!(rec("3-3")["standard_value_parsed"], json!({"number": 20, "unit": "万平方米"}));
    assert_eq!(rec("3-3")["history_last_value"], json!({"number": 25.81, "unit": "万平方米"}));
    assert_eq!(rec("1-3")["target_value"], json!({"qualitative": "应做尽做"}));
    assert_eq!(rec("9-2")["history_last_value"], json!({"qualitative": "完成"}));
    assert_eq!(rec("5-3")["history_last_value"], json!({"number": 1, "unit": null}));
    assert_eq!(rec("11-1")["history_avg_value"], json!({"number": 350, "unit": "项"}));
    assert_eq!(rec("1-1")["history_last_value"], Value::Null);
}

/// The budget fixture's judgement calls are said: the two rows read one column right, the
/// 预算项目 whose span the text cannot show, the page headers printed over other columns.
#[test]
fn linyi_reports_its_guesses() {
    let r = run("linyi-science-budget-2020");
    for id in ["4-3", "4-4"] {
        assert!(has_issue(&r.out, "cells_shifted", Some(id)), "no cells_shifted on {id}:\n{}", issue_list(&r.out));
    }
    assert!(has_issue(&r.out, "span_unknown", Some("2-2")), "no span_unknown on 2-2:\n{}", issue_list(&r.out));
    assert!(has_issue(&r.out, "header_misaligned", None), "no header_misaligned:\n{}", issue_list(&r.out));
    let shifted: Vec<String> = issues(&r.out).into_iter().filter(|i| i.1 == "cells_shifted").filter_map(|i| i.2).collect();
    assert_eq!(shifted, ["4-3", "4-4"], "only the two collapsed rows are read as shifted");
}

/// Never silent: where the gold says content is lost or ambiguous, the output says something
/// about that record (or its first-level indicator) too.
#[test]
fn records_with_uncertain_gold_carry_an_issue() {
    let mut bad = Vec::new();
    for r in runs().iter().filter(|r| r.records_scored) {
        let flagged: Vec<String> = issues(&r.out).into_iter().filter_map(|(_, _, rec)| rec).collect();
        for id in uncertain_ids(&r.gold) {
            if !flagged.iter().any(|rec| concerns(rec, &id)) {
                bad.push(format!("{} {id}", r.name));
            }
        }
    }
    assert!(bad.is_empty(), "records whose gold is uncertain but whose output raises no issue: {bad:?}");
}

// ---------------------------------------------------------------------------------------------
// (e) provenance
// ---------------------------------------------------------------------------------------------

#[test]
fn every_record_has_source_lines() {
    let mut bad = Vec::new();
    for r in runs() {
        let seed = std::fs::read(seed_path(&r.name)).unwrap();
        let line_count = seed.split(|&b| b == b'\n').count() as u64;
        for rec in records(&r.out) {
            let id = rec["id"].as_str().unwrap_or("?");
            let lines: Vec<u64> =
                rec["provenance"]["lines"].as_array().into_iter().flatten().filter_map(Value::as_u64).collect();
            if lines.is_empty() {
                bad.push(format!("{} {id}: provenance.lines is empty ({})", r.name, rec["provenance"]));
            } else if !lines.windows(2).all(|w| w[0] < w[1]) {
                bad.push(format!("{} {id}: provenance.lines not ascending: {lines:?}", r.name));
            } else if lines[0] == 0 || *lines.last().unwrap() > line_count {
                bad.push(format!("{} {id}: provenance.lines {lines:?} outside 1..={line_count}", r.name));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The scorer port itself
// ---------------------------------------------------------------------------------------------

#[test]
fn fold_follows_score_py() {
    // NFKC: full-width ASCII, ideographic space, ellipsis, circled numbers, Kangxi radicals.
    assert_eq!(fold("（泉科２０１９）　第１号"), "(泉科2019)第1号");
    assert_eq!(fold("见附件…①"), "见附件...1");
    assert_eq!(fold("⼀级指标"), "一级指标");
    // FOLD table: brackets, quotes, dashes, angle brackets.
    assert_eq!(fold("泉科〔2019〕170号"), fold("泉科[2019]170号"));
    assert_eq!(fold("【重点】“六稳”—‘六保’"), "(重点)\"六稳\"-'六保'");
    assert_eq!(fold("<泉州>〈规划〉"), "《泉州》《规划》");
    // All white space removed, including wrap spaces inside Chinese text.
    assert_eq!(fold(" 保 税区\t联动\n"), "保税区联动");
}

#[test]
fn same_follows_score_py() {
    assert!(same(&json!(3), &json!(3.0)), "numbers compare as floats");
    assert!(!same(&json!(1.5), &json!(2)));
    assert!(same(&json!(["陈建兴", "张劲松"]), &json!(["张劲松", "陈 建兴"])), "lists are folded multisets");
    assert!(!same(&json!(["a", "a"]), &json!(["a"])), "multiplicity counts");
    assert!(same(&json!("  "), &json!(null)), "a blank string is absent");
    assert!(same(&json!([]), &json!(null)), "two empty values agree");
    assert!(!same(&json!("3"), &json!(3)), "a string is not a number");
}

/// Gold scored against itself is perfect: checks the port and the gold files together.
#[test]
fn gold_scores_perfectly_against_itself() {
    for name in fixture_names() {
        let gold = load_gold(&name);
        let s = score(&gold, &gold);
        assert_eq!(s.f1(), 1.0, "{name}: {}", s.summary());
        assert!(s.problems(&name).is_empty(), "{name}: {:?}", s.problems(&name));
    }
}

/// A hand-made mutation of a gold file, with the numbers `score.py` prints for it
/// (`743 tp, 4 fp, 11 fn, 876/887 equal`, computed with the Python scorer).
#[test]
fn scorer_counts_match_score_py_on_a_mutated_gold() {
    let gold = load_gold("quanzhou-science-2019");
    let mut out = gold.clone();
    {
        let recs = out["tables"][0]["records"].as_array_mut().unwrap();
        recs[0]["weight"] = json!(9); // 1-1-1: wrong value, a miss and a false alarm
        let leaders: Vec<Value> = recs[1]["leaders"].as_array().unwrap().iter().rev().cloned().collect();
        recs[1]["leaders"] = Value::Array(leaders); // 1-1-2: order does not matter
        let primary = recs[2]["primary"].as_str().unwrap().replace('（', "(").replace('）', ")").replace('，', ", ");
        recs[2]["primary"] = json!(primary); // 1-2-1: width and spacing do not matter
        recs.pop(); // 8-4 lost: nine misses
        recs.push(json!({"id": "9-9", "weight": 1, "units": ["某科"], "remarks": ""}));
        // two false alarms
    }
    out["notice"]["year"] = json!(2018);
    out["notice"]["doc_number"] = json!("泉科[2019]170号"); // brackets fold
    let s = score(&out, &gold);
    assert_eq!((s.tp, s.fp, s.fn_, s.equal, s.total), (743, 4, 11, 876, 887), "{}", s.summary());
    assert_eq!(s.extra, vec![("performance_targets".to_string(), "9-9".to_string())]);
    let keys: BTreeSet<String> = s.problems("q").into_iter().map(|(k, _)| k).collect();
    assert!(keys.contains("q 1-1-1 weight") && keys.contains("q 8-4 persons") && keys.contains("q notice year"));
    assert!(keys.contains("q 9-9 <extra>"));
    assert!(!keys.iter().any(|k| k.starts_with("q 1-1-2 ") || k.starts_with("q 1-2-1 ") || k == "q notice doc_number"));
    assert!((s.f1() - 0.9900066622251832).abs() < 1e-12, "{}", s.summary());
}

#[test]
fn known_mismatches_file_parses() {
    known_mismatches().unwrap_or_else(|e| panic!("{e}"));
}
