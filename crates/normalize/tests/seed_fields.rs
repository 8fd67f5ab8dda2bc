//! The normalisers applied to the raw cells of the seeds reproduce the gold values.
//!
//! Placing cells into records is the parser's job, so these tests compare sets: every gold
//! value must come out of some seed cell, and (for ids, basis and units) nothing else must.

mod common;

use std::collections::BTreeSet;

use common::{gold_records, seed_cells, seed_rows, strings, DOCS};
use zhibiao_normalize::{
    fold_text, has_doc_number, looks_like_names, looks_like_units, parse_deadline, parse_id,
    split_basis, split_names, split_points, split_units, UnitLexicon,
};

fn gold_set(doc: &str, field: &str) -> BTreeSet<String> {
    gold_records(doc)
        .iter()
        .flat_map(|r| strings(&r[field]))
        .collect()
}

fn gold_texts(doc: &str, field: &str) -> BTreeSet<String> {
    gold_records(doc)
        .iter()
        .filter_map(|r| r[field].as_str().map(str::to_string))
        .collect()
}

#[test]
fn ids() {
    for doc in DOCS {
        let found: BTreeSet<String> = seed_cells(doc).iter().filter_map(|c| parse_id(c)).collect();
        let gold: BTreeSet<String> = gold_records(doc)
            .iter()
            .filter_map(|r| r["id"].as_str().map(str::to_string))
            .collect();
        assert_eq!(found, gold, "{doc}");
    }
}

/// The 文件依据 cell of a row is the first non-empty cell within two after the id that
/// holds a document number.
#[test]
fn basis_cells_split_into_the_gold_documents() {
    for doc in DOCS {
        let mut found = BTreeSet::new();
        for row in seed_rows(doc) {
            let Some(at) = row.iter().position(|c| parse_id(c).is_some()) else {
                continue;
            };
            let basis = row.iter().skip(at + 1).take(2).find(|c| has_doc_number(c));
            if let Some(cell) = basis {
                found.extend(split_basis(cell));
            }
        }
        assert_eq!(found, gold_set(doc, "basis"), "{doc}");
    }
}

#[test]
fn primaries_and_points() {
    for doc in DOCS {
        let cells = seed_cells(doc);
        for record in gold_records(doc) {
            let Some(primary) = record["primary"].as_str() else {
                continue;
            };
            let points = record["primary_points"].as_f64();
            let hit = cells.iter().any(|c| {
                let (text, p) = split_points(c);
                fold_text(&text) == primary && p == points
            });
            assert!(
                hit,
                "{doc} {}: no cell gives {primary:?} {points:?}",
                record["id"]
            );
        }
    }
}

#[test]
fn secondaries_and_remarks_fold_to_gold() {
    for doc in DOCS {
        let folded: BTreeSet<String> = seed_cells(doc).iter().map(|c| fold_text(c)).collect();
        for field in ["secondary", "remarks"] {
            for text in gold_texts(doc, field) {
                assert!(folded.contains(&text), "{doc} {field}: {text:?}");
            }
        }
    }
}

#[test]
fn deadlines_and_months() {
    for doc in DOCS {
        let parsed: Vec<(String, Option<u8>)> = seed_cells(doc)
            .iter()
            .filter_map(|c| parse_deadline(c))
            .map(|d| (d.text, d.month))
            .collect();
        for record in gold_records(doc) {
            let text = record["deadline"].as_str().map(str::to_string);
            let month = record["deadline_month"]
                .as_u64()
                .and_then(|m| u8::try_from(m).ok());
            if let Some(text) = text {
                assert!(
                    parsed.contains(&(text.clone(), month)),
                    "{doc} {}: {text} {month:?}",
                    record["id"]
                );
            }
        }
        // No cell that is not a deadline in the gold parses as one.
        let gold_deadlines = gold_texts(doc, "deadline");
        for (text, _) in &parsed {
            assert!(
                gold_deadlines.contains(text),
                "{doc}: stray deadline {text:?}"
            );
        }
    }
}

#[test]
fn names_come_from_name_cells() {
    for doc in DOCS {
        let names: BTreeSet<String> = seed_cells(doc)
            .iter()
            .filter(|c| looks_like_names(c))
            .flat_map(|c| split_names(c))
            .collect();
        let mut gold = gold_set(doc, "leaders");
        gold.extend(gold_set(doc, "persons"));
        assert_eq!(names, gold, "{doc}");
    }
}

#[test]
fn units_come_from_unit_cells() {
    for doc in DOCS {
        let unit_cells: Vec<String> = seed_cells(doc)
            .into_iter()
            .filter(|c| looks_like_units(c))
            .collect();
        let mut lexicon = UnitLexicon::default();
        for cell in &unit_cells {
            lexicon.learn(cell);
        }
        let mut repairs = Vec::new();
        let mut units = BTreeSet::new();
        for cell in &unit_cells {
            let split = split_units(cell, &lexicon);
            units.extend(split.units);
            repairs.extend(split.repairs);
        }
        assert_eq!(units, gold_set(doc, "units"), "{doc}: repairs {repairs:#?}");
        // Every split is one the gold notes describe: a 科 (or 党委会) fused with the next unit.
        assert!(!repairs.is_empty(), "{doc}");
        for repair in &repairs {
            assert!(
                repair.contains("党委会 + 办公室") || repair.contains("科 + 各所出资企业"),
                "{doc}: unexpected {repair}"
            );
        }
    }
}
