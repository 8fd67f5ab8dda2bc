//! End-to-end DOCX: the renderings of every fixture (`fixtures/docx/`, written by
//! `scripts/docx/make_fixtures.py` the way Word, LibreOffice and WPS write them) against the
//! gold, against the text seed, and the hand-made edge cases against what they must give.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// The bar the DOCX renderings must clear: they carry the real merged cells, so they should
/// read at least as well as the OCR'd text.
const DOCX_F1_BAR: f64 = 0.995;

/// The writers whose renderings are committed: folder under `fixtures/docx/`, and the
/// fixtures each covers.
const WRITERS: [(&str, &[&str]); 3] = [
    ("", &["anxi-science-2021", "linyi-science-budget-2020", "quanzhou-sasac-2020", "quanzhou-science-2019"]),
    ("libreoffice", &["anxi-science-2021", "linyi-science-budget-2020", "quanzhou-sasac-2020", "quanzhou-science-2019"]),
    ("wps", &["linyi-science-budget-2020", "quanzhou-science-2019"]),
];

fn docx_path(writer: &str, name: &str) -> PathBuf {
    fixtures().join("docx").join(writer).join(format!("{name}.docx"))
}

fn extract(path: &Path) -> Value {
    let doc = zhibiao::extract(path).unwrap_or_else(|e| panic!("extract {}: {e}", path.display()));
    printed(&doc)
}

fn records(doc: &Value) -> BTreeMap<String, &Value> {
    doc["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["records"].as_array().into_iter().flatten())
        .map(|r| (r["id"].as_str().unwrap_or_default().to_string(), r))
        .collect()
}

/// `v` without its `line` keys: positions differ between formats, values must not.
fn without_lines(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().filter(|(k, _)| *k != "line").map(|(k, x)| (k.clone(), without_lines(x))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(without_lines).collect()),
        other => other.clone(),
    }
}

fn codes(doc: &Value) -> Vec<String> {
    doc["issues"].as_array().into_iter().flatten().map(|i| i["code"].as_str().unwrap_or_default().to_string()).collect()
}

#[test]
fn every_rendering_scores_at_least_the_bar_with_the_notice_exact() {
    let mut report = Vec::new();
    for (writer, names) in WRITERS {
        for name in names {
            let path = docx_path(writer, name);
            let out = extract(&path);
            assert_eq!(out["source"]["format"], "docx", "{}", path.display());
            let s = score(&out, &load_gold(name));
            report.push(format!("{:<12} {name:<28} F1 {:.4}", if writer.is_empty() { "word" } else { writer }, s.f1()));
            assert!(s.notice_bad.is_empty(), "{}: notice fields differ:\n{:#?}", path.display(), s.notice_bad);
            assert!(
                s.f1() >= DOCX_F1_BAR && s.extra.is_empty() && s.duplicate_ids.is_empty(),
                "{}: F1 {:.4}, extra {:?}\n{}",
                path.display(),
                s.f1(),
                s.extra,
                s.mismatches.iter().map(|m| m.describe(name)).collect::<Vec<_>>().join("\n")
            );
            assert_eq!(s.matched, s.gold_records, "{}: every gold record is found", path.display());
            // Rendered from the gold itself, a DOCX must read back exactly: the bar above is
            // the contract, this is the state the reader is held to.
            assert!(
                s.mismatches.is_empty(),
                "{}: a rendering of the gold reads back with mismatches:\n{}",
                path.display(),
                s.mismatches.iter().map(|m| m.describe(name)).collect::<Vec<_>>().join("\n")
            );
        }
    }
    eprintln!("{}", report.join("\n"));
}

/// The DOCX rendering and the OCR'd text of the same notice give the same records, field for
/// field (all but provenance, which names different lines), except where the gold itself is
/// unsure what the text says.
#[test]
fn docx_and_text_seed_give_the_same_records() {
    for name in ["linyi-science-budget-2020", "quanzhou-sasac-2020", "quanzhou-science-2019"] {
        let text = extract_seed(name);
        let gold = load_gold(name);
        let unsure: Vec<(String, String)> = records(&gold)
            .iter()
            .flat_map(|(id, r)| {
                r.as_object().into_iter().flatten().filter(|(_, v)| is_uncertain(v)).map(move |(f, _)| (id.clone(), f.clone()))
            })
            .collect();
        for (writer, names) in WRITERS {
            if !names.contains(&name) {
                continue;
            }
            let docx = extract(&docx_path(writer, name));
            let (t, d) = (records(&text), records(&docx));
            assert_eq!(t.keys().collect::<Vec<_>>(), d.keys().collect::<Vec<_>>(), "{writer}/{name}: record ids");
            let mut differ = Vec::new();
            for (id, tr) in &t {
                let Some(dr) = d.get(id) else { continue };
                for (field, tv) in tr.as_object().into_iter().flatten() {
                    // How a value was read differs by format (a DOCX knows its merged cells).
                    if field == "provenance" || field == "confidence" || unsure.contains(&(id.clone(), field.clone())) {
                        continue;
                    }
                    let dv = &dr[field];
                    // Typed values derive from the printed ones; compare exactly.
                    if tv != dv {
                        differ.push(format!("{id} {field}: text {tv} docx {dv}"));
                    }
                }
            }
            assert!(differ.is_empty(), "{writer}/{name}:\n{}", differ.join("\n"));
            assert_eq!(text["notice"], docx["notice"], "{writer}/{name}: notice");
            for key in ["title", "unit", "declared_totals", "budget", "strategy"] {
                let (t, d) = (without_lines(&text["tables"][0][key]), without_lines(&docx["tables"][0][key]));
                assert_eq!(t, d, "{writer}/{name}: table {key}");
            }
        }
    }
}

/// What the file says about merged cells is used, not guessed: the rows a `w:vMerge` covers
/// take its text as a fact (a repair naming the span, no issue), and nothing the text reader
/// has to report as unknowable (`span_unknown`) or guessed (`merged_cell_filled` issues) is.
#[test]
fn merged_cells_come_from_the_file_not_from_guesses() {
    let science = extract(&docx_path("", "quanzhou-science-2019"));
    let recs = records(&science);
    let repairs = |id: &str| -> Vec<String> {
        recs[id]["provenance"]["repairs"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_string()).collect()
    };
    // 1-3 has three rows under one 文件依据 / 一级指标 cell.
    for id in ["1-3-2", "1-3-3"] {
        let r = repairs(id);
        assert!(r.iter().any(|x| x.starts_with("merged_cell_filled: 文件依据 from line") && x.ends_with("spans 3 rows")), "{id}: {r:?}");
        assert!(r.iter().any(|x| x.starts_with("merged_cell_filled: 一级指标 from line")), "{id}: {r:?}");
    }
    assert!(repairs("1-3-1").iter().all(|x| !x.starts_with("merged_cell")), "{:?}", repairs("1-3-1"));
    assert!(codes(&science).is_empty(), "a clean DOCX raises no issue: {:?}", codes(&science));

    let text = extract_seed("linyi-science-budget-2020");
    let docx = extract(&docx_path("", "linyi-science-budget-2020"));
    assert!(codes(&text).iter().any(|c| c == "span_unknown"), "the text cannot know the spans");
    assert!(!codes(&docx).iter().any(|c| c == "span_unknown"), "{:?}", codes(&docx));
    // 10-1 and 10-2 share one 工作活动 cell (项目申报) in the DOCX.
    let d = records(&docx);
    assert_eq!(d["10-2"]["activity"], "项目申报");
    let r10 = d["10-2"]["provenance"]["repairs"].as_array().unwrap();
    assert!(r10.iter().any(|r| r.as_str().unwrap().starts_with("merged_cell_filled: 工作活动 from line")), "{r10:?}");
}

/// Each hand-made case against its `NAME.expected.json`: every field named there exactly,
/// no record it does not list, and the issues that say what the reader did.
#[test]
fn edge_cases_give_their_expected_records() {
    let dir = fixtures().join("docx").join("edge");
    let cases = [
        ("split-table", &[][..]),
        ("nested-table", &["nested_table_read_as_text"][..]),
        ("tracked-changes", &["tracked_changes"][..]),
        ("hmerge", &[][..]),
        ("header-footer", &[][..]),
    ];
    for (case, issues) in cases {
        let out = extract(&dir.join(format!("{case}.docx")));
        let expected = read_json(&dir.join(format!("{case}.expected.json")));
        assert_eq!(out["tables"].as_array().map(Vec::len), Some(1), "{case}: one table");
        let got = records(&out);
        let want = expected["records"].as_array().expect("expected records");
        let ids: Vec<&str> = want.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(got.keys().map(String::as_str).collect::<Vec<_>>(), { let mut v = ids.clone(); v.sort(); v }, "{case}: ids");
        let mut differ = Vec::new();
        for w in want {
            let id = w["id"].as_str().unwrap();
            for (field, value) in w.as_object().unwrap() {
                if &got[id][field] != value {
                    differ.push(format!("{id} {field}: want {value} got {}", got[id][field]));
                }
            }
        }
        for (field, value) in expected["notice"].as_object().into_iter().flatten() {
            if &out["notice"][field] != value {
                differ.push(format!("notice {field}: want {value} got {}", out["notice"][field]));
            }
        }
        assert!(differ.is_empty(), "{case}:\n{}", differ.join("\n"));
        for code in issues {
            assert!(codes(&out).iter().any(|c| c == code), "{case}: no {code} issue in {:?}", codes(&out));
        }
    }
}

/// The letterhead printed in the page header part is where the issuer is read from.
#[test]
fn a_letterhead_in_the_page_header_names_the_issuer() {
    let out = extract(&fixtures().join("docx").join("edge").join("header-footer.docx"));
    assert_eq!(out["notice"]["issuer"], "泉州市科学技术局");
    assert_eq!(out["notice"]["doc_number"], "泉科〔2019〕170号");
}
