//! No function panics on any input, and folding is stable.

mod common;

use proptest::prelude::*;
use zhibiao_model::Notice;
use zhibiao_normalize::*;

/// Every function of the crate on one input.
fn exercise(s: &str) {
    let _ = fold_text(s);
    let _ = squash(s);
    let _ = split_names(s);
    let mut lexicon = UnitLexicon::default();
    lexicon.learn(s);
    lexicon.learn("党委会 办公室 科室");
    let _ = split_units(s, &lexicon);
    let _ = lexicon.contains(s);
    let _ = split_basis(s);
    let _ = cited_sources(s);
    let _ = split_points(s);
    let _ = parse_weight(s);
    let _ = parse_deadline(s);
    let _ = normalize_doc_number(s);
    let _ = parse_id(s);
    let _ = (
        is_weight(s),
        is_deadline(s),
        looks_like_names(s),
        looks_like_units(s),
    );
    let _ = (has_doc_number(s), has_points(s), total_label(s));
}

/// Characters the documents are made of, weighted towards the troublesome ones.
fn cell() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> =
        "泉州市科技局办公室号分月份年底属第项页、，,；;：:。（）()〔〕[]【】［］《》“”-－—1234567890１２．. \t\n\u{3000}PAIEab号科室所企业"
            .chars()
            .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn nothing_panics(s in cell()) {
        exercise(&s);
    }

    #[test]
    fn nothing_panics_on_any_unicode(s in ".{0,40}") {
        exercise(&s);
    }

    #[test]
    fn fold_text_is_idempotent(s in cell()) {
        let once = fold_text(&s);
        prop_assert_eq!(fold_text(&once), once);
    }

    #[test]
    fn squash_leaves_no_space(s in cell()) {
        prop_assert!(!squash(&s).chars().any(char::is_whitespace));
    }

    #[test]
    fn parsed_ids_are_ascii(s in cell()) {
        if let Some(id) = parse_id(&s) {
            prop_assert!(id.chars().all(|c| c.is_ascii_digit() || c == '-'));
        }
    }
}

#[test]
fn every_seed_cell_of_every_family() {
    for doc in [
        "quanzhou-science-2019",
        "quanzhou-sasac-2020",
        "anxi-science-2021",
        "linyi-science-budget-2020",
    ] {
        for cell in common::seed_cells(doc) {
            exercise(&cell);
            let once = fold_text(&cell);
            assert_eq!(fold_text(&once), once, "{doc}: {cell:?}");
        }
    }
    let _ = check_table(
        &zhibiao_model::Table {
            kind: zhibiao_model::TableKind::PerformanceTargets,
            title: None,
            unit: None,
            declared_totals: vec![],
            budget: None,
            strategy: None,
            records: zhibiao_model::Records::Performance(vec![]),
            location: None,
        },
        &Notice::default(),
    );
}
