//! Tests of the budget generator: determinism, no panics, the gold's invariants and shape
//! (as in `fixtures/corpus/synth-budget-a/gold`), every value of the gold printed in the text,
//! and every variation occurring within the first 200 seeds.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

use super::generate;
use super::variation::Variation;
use crate::score::{fold, score};

const SEEDS: u64 = 200;

/// The documents of seeds 0..200, generated once for all tests.
fn corpus() -> &'static [crate::Generated] {
    static CORPUS: OnceLock<Vec<crate::Generated>> = OnceLock::new();
    CORPUS.get_or_init(|| (0..SEEDS).map(generate).collect())
}

fn records(gold: &Value) -> Vec<&Value> {
    gold.pointer("/tables/0/records").and_then(Value::as_array).map(|a| a.iter().collect()).unwrap_or_default()
}

fn notes(gold: &Value) -> Vec<&str> {
    gold.get("gold_notes").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect()
}

fn keys(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_object).map(|o| o.keys().cloned().collect()).unwrap_or_default()
}

#[test]
fn the_same_seed_gives_the_same_document() {
    for seed in [0, 1, 17, 12345, u64::MAX] {
        let (a, b) = (generate(seed), generate(seed));
        assert_eq!(a.text, b.text, "seed {seed}");
        assert_eq!(a.gold, b.gold, "seed {seed}");
        assert_eq!(a.name, format!("budget-{seed:06}"));
    }
    assert_ne!(generate(1).text, generate(2).text);
}

#[test]
fn every_seed_gives_a_table_with_records() {
    for g in corpus() {
        assert!(!g.text.trim().is_empty(), "{}", g.name);
        assert!(records(&g.gold).len() >= 8, "{}: {} records", g.name, records(&g.gold).len());
        assert!(!g.text.contains("{"), "{}: an unfilled template", g.name);
    }
}

#[test]
fn ids_count_each_duty_from_one_and_duties_from_one() {
    for g in corpus() {
        let mut expected_duty = 0;
        let mut expected_n = 0;
        for r in records(&g.gold) {
            let id = r.get("id").and_then(Value::as_str).unwrap_or("");
            let duty = r.get("duty_no").and_then(Value::as_u64).unwrap_or(0);
            if duty != expected_duty {
                assert_eq!(duty, expected_duty + 1, "{}: duty numbers run 1..k ({id})", g.name);
                expected_duty = duty;
                expected_n = 0;
            }
            expected_n += 1;
            assert_eq!(id, format!("{duty}-{expected_n}"), "{}", g.name);
            for field in ["duty", "duty_goal", "indicator", "target"] {
                assert!(r.get(field).and_then(Value::as_str).is_some_and(|s| !s.is_empty()), "{} {id}: {field}", g.name);
            }
            // The content rules the shifted-row reader relies on (`decode`).
            let has = |f: &str| r.get(f).is_some_and(|v| !v.is_null());
            assert_eq!(has("standard_value"), has("standard_source"), "{} {id}", g.name);
            assert!(!has("history_avg") || has("history_last"), "{} {id}", g.name);
            assert!(!(has("history_avg") || has("history_last")) || has("history_source"), "{} {id}", g.name);
        }
        let duties = records(&g.gold).iter().filter_map(|r| r.get("duty_no").and_then(Value::as_u64)).max().unwrap_or(0);
        assert!((4..=8).contains(&duties), "{}: {duties} duties", g.name);
    }
}

#[test]
fn each_duty_has_two_to_six_indicators() {
    for g in corpus() {
        let mut counts = std::collections::BTreeMap::new();
        for r in records(&g.gold) {
            *counts.entry(r.get("duty_no").and_then(Value::as_u64).unwrap_or(0)).or_insert(0) += 1;
        }
        assert!(counts.values().all(|&n| (2..=6).contains(&n)), "{}: {counts:?}", g.name);
    }
}

fn shape_corpus() -> Vec<Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus/synth-budget-a/gold");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        if let Ok(v) = serde_json::from_str::<Value>(&text) {
            out.push(v);
        }
    }
    out
}

#[test]
fn the_gold_has_the_shape_of_the_shared_budget_corpus() {
    let reference = shape_corpus();
    assert!(!reference.is_empty(), "fixtures/corpus/synth-budget-a/gold is missing");
    let r = &reference[0];
    let want_doc = keys(Some(r));
    let want_notice = keys(r.get("notice"));
    let want_source = keys(r.get("source"));
    let want_table = keys(r.pointer("/tables/0"));
    let want_budget = keys(r.pointer("/tables/0/budget"));
    let want_fund = keys(r.pointer("/tables/0/budget/sources/0"));
    let want_record = keys(r.pointer("/tables/0/records/0"));
    for g in corpus() {
        let v = &g.gold;
        assert_eq!(keys(Some(v)), want_doc, "{}", g.name);
        assert_eq!(keys(v.get("notice")), want_notice, "{}", g.name);
        assert_eq!(keys(v.get("source")), want_source, "{}", g.name);
        assert_eq!(v.get("tables").and_then(Value::as_array).map(Vec::len), Some(1), "{}", g.name);
        assert_eq!(keys(v.pointer("/tables/0")), want_table, "{}", g.name);
        assert_eq!(v.pointer("/tables/0/kind").and_then(Value::as_str), Some("budget_targets"));
        assert_eq!(keys(v.pointer("/tables/0/budget")), want_budget, "{}", g.name);
        for s in v.pointer("/tables/0/budget/sources").and_then(Value::as_array).into_iter().flatten() {
            assert_eq!(keys(Some(s)), want_fund, "{}", g.name);
        }
        for rec in records(v) {
            assert_eq!(keys(Some(rec)), want_record, "{}", g.name);
        }
        assert!(v.pointer("/notice/year").and_then(Value::as_i64).is_some(), "{}", g.name);
        assert_eq!(v.get("issues"), Some(&Value::Array(Vec::new())));
    }
}

/// `5364万元` or `15294.20万元` as hundredths.
fn cents(v: Option<&Value>) -> Option<u64> {
    let s = v?.as_str()?.strip_suffix("万元")?;
    let (int, frac) = s.split_once('.').unwrap_or((s, "00"));
    Some(int.parse::<u64>().ok()? * 100 + frac.parse::<u64>().ok()?)
}

#[test]
fn the_budget_adds_up() {
    for g in corpus() {
        let b = g.gold.pointer("/tables/0/budget");
        let total = cents(b.and_then(|b| b.get("total")));
        let basic = cents(b.and_then(|b| b.get("basic")));
        let project = cents(b.and_then(|b| b.get("project")));
        assert!(total.is_some() && basic.is_some() && project.is_some(), "{}", g.name);
        assert_eq!(basic.zip(project).map(|(a, b)| a + b), total, "{}: 基本支出 + 项目支出", g.name);
        let sources: u64 = b
            .and_then(|b| b.get("sources"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|s| cents(s.get("amount")))
            .sum();
        assert_eq!(Some(sources), total, "{}: 资金来源", g.name);
    }
}

/// The text as a reader compares it with the gold: folded, TABs and line breaks kept as
/// separators, ASCII commas back to the full-width the gold writes.
fn reading(text: &str) -> String {
    text.lines().map(|l| l.split('\t').map(|c| fold(&c.replace(", ", "，").replace(',', "，"))).collect::<Vec<_>>().join("\t")).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_gold_value_is_printed() {
    for g in corpus() {
        let text = reading(&g.text);
        let wrapped_tails: Vec<String> = notes(&g.gold)
            .iter()
            .filter(|n| n.starts_with("wrap-") || n.starts_with("notice-title-wrapped"))
            .flat_map(|n| n.split('`').skip(1).step_by(2).map(fold))
            .collect();
        let printed = |value: &str| {
            let v = fold(&value.replace(',', "，"));
            text.contains(&v)
                || wrapped_tails.iter().any(|t| v.ends_with(t.as_str()) && text.contains(&v[..v.len() - t.len()]) && text.contains(t.as_str()))
        };
        for r in records(&g.gold) {
            for (field, value) in r.as_object().into_iter().flatten().filter(|(f, _)| *f != "id") {
                if let Some(s) = value.as_str() {
                    assert!(printed(s), "{} {} {field}: `{s}` is not in the text", g.name, r.get("id").unwrap_or(&Value::Null));
                }
            }
        }
        for field in ["issuer", "title"] {
            if let Some(s) = g.gold.pointer(&format!("/notice/{field}")).and_then(Value::as_str) {
                assert!(printed(s), "{} notice.{field}: `{s}`", g.name);
            }
        }
        if let Some(s) = g.gold.pointer("/tables/0/strategy").and_then(Value::as_str) {
            assert!(printed(s), "{} strategy", g.name);
        }
    }
}

#[test]
fn the_gold_scores_one_against_itself() {
    for g in corpus().iter().take(20) {
        let s = score(&g.gold, &g.gold);
        assert_eq!(s.f1(), 1.0, "{}", g.name);
        assert_eq!(s.matched, records(&g.gold).len());
    }
}

#[test]
fn every_variation_occurs_in_the_first_200_seeds() {
    let all: Vec<String> = corpus().iter().flat_map(|g| notes(&g.gold).into_iter().map(str::to_string).collect::<Vec<_>>()).collect();
    let missing: Vec<&str> =
        Variation::ALL.iter().map(|v| v.tag()).filter(|tag| !all.iter().any(|n| n.starts_with(&format!("{tag}: ")))).collect();
    assert!(missing.is_empty(), "variations that never occur: {missing:?}");
}

#[test]
fn every_header_wording_occurs() {
    let texts: Vec<&str> = corpus().iter().map(|g| g.text.as_str()).collect();
    let wordings = [
        "年度指标值",
        "2021年指标值",
        "\t指标值",
        "绩效指标\t",
        "绩效指标名称",
        "指标名称",
        "“十三五”规划值",
        "十四五规划值",
        "“十四五”规划值",
        "上年值（实际完成）",
        "2020年实际完成值",
        "2020年值(实际完成)",
        "前三年均值",
        "近三年平均值",
        "指标参考值",
        "标准值 (规划目标、行业标准或其他明确标准)",
        "历史值 (统计年鉴/统计公报/内部统计/其他需明确的来源)",
        "\n序号\t职责序号",
        "计量单位",
        "指标类型",
        "（1）财政拨款 ",
        "上级补助收入",
        "事业收入",
        "其他收入",
        "填报日期：",
    ];
    let missing: Vec<&str> = wordings.iter().copied().filter(|w| !texts.iter().any(|t| t.contains(w))).collect();
    assert!(missing.is_empty(), "wordings that never occur: {missing:?}");
}

#[test]
fn shifted_rows_are_rows_with_several_values() {
    // A shifted row is an indicator row: its record is noted, and it is never a wrap row.
    for g in corpus() {
        for n in notes(&g.gold).iter().filter(|n| n.starts_with("cells-")) {
            let id = n.split(": ").nth(1).unwrap_or("");
            assert!(records(&g.gold).iter().any(|r| r.get("id").and_then(Value::as_str) == Some(id)), "{}: {n}", g.name);
        }
    }
}

/// Notes of the plain table: the reference layout only.
const PLAIN_TAGS: [&str; 4] = ["duty-cells-first", "header-rows-3", "preamble-form-grid", "bare-table"];

fn tags(gold: &Value) -> Vec<String> {
    notes(gold).iter().filter(|n| !n.starts_with("gold:")).filter_map(|n| n.split(": ").next()).map(str::to_string).collect()
}

#[test]
fn a_plain_table_carries_no_variation() {
    for seed in 0..40 {
        let g = super::generate_with(seed, &super::Profile::plain());
        let extra: Vec<String> = tags(&g.gold).into_iter().filter(|t| !PLAIN_TAGS.contains(&t.as_str())).collect();
        assert!(extra.is_empty(), "{}: {extra:?}", g.name);
        assert!(!g.text.lines().any(|l| l.replace(' ', "").ends_with("文件")), "{}: a letterhead", g.name);
    }
}

#[test]
fn a_forced_variation_is_applied() {
    for &v in Variation::ALL {
        let profile = super::Profile::plain().with(v);
        let hits = (0..20).filter(|&seed| tags(&super::generate_with(seed, &profile).gold).iter().any(|t| t == v.tag())).count();
        assert!(hits >= 10, "{} applied in {hits} of 20 plain tables", v.tag());
    }
}

#[test]
fn forcing_one_variation_keeps_the_content() {
    // The dice are rolled the same way in every mode: a header variation leaves the records.
    for seed in 0..20 {
        let plain = super::generate_with(seed, &super::Profile::plain());
        let spaced = super::generate_with(seed, &super::Profile::plain().with(Variation::HeaderSpacedLabel));
        assert_eq!(plain.gold.pointer("/tables/0/records"), spaced.gold.pointer("/tables/0/records"), "seed {seed}");
    }
}
