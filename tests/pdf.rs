//! End-to-end tests of the PDF reader on the committed PDF fixtures (`fixtures/pdf/`, made by
//! `scripts/pdf/make_fixtures.py`): every rendering of a gold fixture is scored against its
//! gold; every character `pdftotext -layout` reads is read by us too; the bad PDFs are clear
//! errors, never panics or hangs.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use zhibiao::ReadErrorKind;

/// The bar the PDF renderings are held to.
const F1_BAR: f64 = 0.98;

/// Renderings below the bar, with the score they must keep and why they are below it.
const BELOW_BAR: &[(&str, f64, &str)] = &[(
    "no-rules/quanzhou-science-2019",
    0.93,
    "no ruling lines and no cell padding: merged cells are middle-aligned and touch their neighbours (one-row cells are split by the ids they centre on)",
)];

fn pdf(rel: &str) -> PathBuf {
    fixtures().join("pdf").join(format!("{rel}.pdf"))
}

/// The gold fixture a rendering is of: `cmap/quanzhou-sasac-2020-gbk` → `quanzhou-sasac-2020`.
fn gold_of(rel: &str) -> String {
    let base = rel.rsplit('/').next().unwrap_or(rel);
    base.trim_end_matches("-gbk").trim_end_matches("-ucs2").to_string()
}

/// Every committed rendering of a gold fixture.
fn renderings() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["libreoffice", "weasyprint", "no-rules", "no-tounicode", "page-break", "cmap"] {
        let Ok(entries) = std::fs::read_dir(fixtures().join("pdf").join(dir)) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".pdf") {
                let rel = format!("{dir}/{stem}");
                if gold_path(&gold_of(&rel)).exists() {
                    out.push(rel);
                }
            }
        }
    }
    out.sort();
    out
}

fn extract(path: &Path) -> Value {
    let doc = zhibiao::extract(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    printed(&doc)
}

#[test]
fn every_pdf_rendering_scores_against_its_gold() {
    let all = renderings();
    // Both producers of every table fixture, and the special cases, are there.
    assert!(all.len() >= 12, "PDF fixtures missing: {all:?}");
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for rel in &all {
        let out = extract(&pdf(rel));
        let gold = load_gold(&gold_of(rel));
        let s = score(&out, &gold);
        let (bar, why) = match BELOW_BAR.iter().find(|(r, _, _)| r == rel) {
            Some((_, floor, why)) => (*floor, *why),
            None => (F1_BAR, ""),
        };
        report.push(format!("{rel}: F1 {:.4}{}", s.f1(), if why.is_empty() { String::new() } else { format!(" (floor {bar}: {why})") }));
        if s.f1() < bar {
            failures.push(format!("{rel}: F1 {:.4} < {bar}", s.f1()));
        }
        // The notice is read from the prose whatever the producer.
        for field in ["issuer", "doc_number", "year"] {
            if !is_uncertain(&gold["notice"][field]) && !same(&out["notice"][field], &gold["notice"][field]) {
                failures.push(format!("{rel}: notice.{field} {} != gold {}", out["notice"][field], gold["notice"][field]));
            }
        }
    }
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}\n\nall:\n{}", failures.join("\n"), report.join("\n"));
}

/// The CJK characters of a text, counted.
fn cjk_counts(text: &str) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// Every page's text as laid out, before joining drops repeated headers and page numbers.
fn page_text(path: &Path) -> String {
    use zhibiao_parser::pdf::page::PageItem;
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let read = zhibiao_parser::pdf::read_pdf_with(&bytes, &Default::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = String::new();
    for item in read.pages.iter().flat_map(|p| &p.items) {
        match item {
            PageItem::Line(l) => out.push_str(&l.text),
            PageItem::Table(t) => t.rows.iter().flat_map(|r| &r.cells).for_each(|c| out.push_str(&c.text)),
        }
    }
    out
}

/// Decoding: every CJK character poppler reads is read by us, as often (and nothing more),
/// for every font kind —
/// LibreOffice's simple-font subsets with ToUnicode, WeasyPrint's Identity-H with ToUnicode,
/// Identity-H without ToUnicode (through the embedded font's cmap), and the predefined CMaps
/// UniGB-UCS2-H and GBK-EUC-H with no font embedded.
#[test]
fn every_character_poppler_reads_is_read() {
    for rel in renderings() {
        let path = pdf(&rel);
        // Without ToUnicode poppler reads the wrong characters; the same pages with ToUnicode
        // say what is there.
        let reference = match rel.strip_prefix("no-tounicode/") {
            Some(name) => pdf(&format!("weasyprint/{name}")),
            None => path.clone(),
        };
        let Ok(poppler) = std::fs::read_to_string(reference.with_extension("pdftotext.txt")) else { continue };
        let theirs = cjk_counts(&poppler);
        let ours = cjk_counts(&page_text(&path));
        let total: usize = theirs.values().sum();
        let missing: usize = theirs.iter().map(|(c, n)| n.saturating_sub(ours.get(c).copied().unwrap_or(0))).sum();
        let extra: usize = ours.iter().map(|(c, n)| n.saturating_sub(theirs.get(c).copied().unwrap_or(0))).sum();
        assert!(total > 500, "{rel}: pdftotext read only {total} CJK characters");
        assert!(missing * 1000 <= total, "{rel}: {missing} of {total} CJK characters poppler reads are missing");
        assert!(extra * 1000 <= total, "{rel}: {extra} CJK characters more than poppler reads (of {total})");
    }
}

#[test]
fn the_no_tounicode_and_cmap_renderings_read_like_the_ones_with_tounicode() {
    let a = extract(&pdf("weasyprint/quanzhou-science-2019"));
    let b = extract(&pdf("no-tounicode/quanzhou-science-2019"));
    assert_eq!(a["tables"], b["tables"], "Identity-H without ToUnicode reads differently");
    let ucs2 = extract(&pdf("cmap/quanzhou-sasac-2020-ucs2"));
    let gbk = extract(&pdf("cmap/quanzhou-sasac-2020-gbk"));
    assert_eq!(ucs2["tables"], gbk["tables"], "GBK-EUC-H reads differently from UniGB-UCS2-H");
    let codes = |d: &Value| d["issues"].as_array().into_iter().flatten().filter_map(|i| i["code"].as_str()).map(String::from).collect::<Vec<_>>();
    for d in [&b, &gbk] {
        assert!(!codes(d).contains(&"glyphs_unmapped".to_string()), "{:?}", codes(d));
    }
}

#[test]
fn a_merged_cell_and_a_row_cut_by_a_page_break_are_joined() {
    let path = pdf("page-break/quanzhou-science-2019");
    let view = zhibiao::debug_view(&path, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(view.contains("the table continues the one on page"), "no table joined:\n{}", &view[..view.len().min(3000)]);
    assert!(view.contains("the first row is the rest of the row cut by the page break"), "no cut row joined");
    assert!(view.contains("repeated header row(s) left out"), "repeated header kept");
    // One table, not one per page.
    let out = extract(&path);
    assert_eq!(out["tables"].as_array().map(Vec::len), Some(1), "{}", out["tables"]);
}

#[test]
fn the_debug_view_shows_each_pages_lattice_and_cell_words() {
    let view = zhibiao::debug_view(&pdf("libreoffice/quanzhou-sasac-2020"), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    for want in ["== page 1 (", "lattice 0: ", "merged: row ", "table (ruled)", "== pages joined ==", "== grid ("] {
        assert!(view.contains(want), "debug view lacks {want:?}");
    }
    let view = zhibiao::debug_view(&pdf("no-rules/quanzhou-science-2019"), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(view.contains("table (from text alignment)"), "no alignment table found");
}

fn read_bad(file: &str) -> Result<zhibiao::model::Document, zhibiao::ReadError> {
    zhibiao::extract(fixtures().join("pdf/bad").join(file))
}

/// Each malformed PDF is one clear error naming the file — or, where a viewer would still
/// show it, a document that says what was repaired. None panics or runs long.
#[test]
fn malformed_pdfs_are_clear_errors() {
    let errors = [
        ("truncated.pdf", "expected a readable PDF"),
        ("no-xref-garbage.pdf", "expected a readable PDF"),
        ("not-a-pdf.pdf", "expected a readable PDF"),
        ("empty.pdf", "expected a readable PDF"),
        ("no-pages.pdf", "expected at least one page"),
        ("reference-loop.pdf", "expected at least one page"),
        ("content-bomb.pdf", "inflates past 64 MiB"),
        ("endless-content.pdf", "page 1: "),
        ("deep-arrays.pdf", "nested too deep"),
        ("encrypted-password.pdf", "encrypted with a password"),
    ];
    for (file, want) in errors {
        let started = std::time::Instant::now();
        let err = match read_bad(file) {
            Ok(doc) => panic!("{file}: read as a document with {} tables", doc.tables.len()),
            Err(e) => e.to_string(),
        };
        assert!(err.contains(file) && err.contains(want), "{file}: {err}");
        assert!(started.elapsed().as_secs() < 20, "{file}: took {:?}", started.elapsed());
    }
    // Read, with what was repaired said.
    let codes = |doc: &zhibiao::model::Document| doc.issues.iter().map(|i| i.code.clone()).collect::<Vec<_>>();
    for (file, code) in [
        ("deep-q.pdf", "pdf_content_repaired"),
        ("xobject-loop.pdf", "pdf_content_repaired"),
        ("broken-xref.pdf", "pdf_repaired"),
        ("length-loop.pdf", "pdf_repaired"),
    ] {
        let doc = read_bad(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(codes(&doc).contains(&code.to_string()), "{file}: {:?}", codes(&doc));
    }
    // The stream whose /Length is a reference loop is read all the same.
    let view = zhibiao::debug_view(&fixtures().join("pdf/bad/length-loop.pdf"), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(view.contains("length loop"), "{}", &view[..view.len().min(800)]);
}

#[test]
fn encrypted_pdfs_that_open_with_the_empty_password_are_read() {
    let plain = extract(&pdf("libreoffice/quanzhou-science-2019"));
    for file in ["encrypted-empty-password.pdf", "encrypted-empty-password-rc4.pdf", "encrypted-aes256.pdf"] {
        let doc = read_bad(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(doc.issues.iter().any(|i| i.code == "pdf_encrypted"), "{file}: not said to be encrypted");
        assert_eq!(printed(&doc)["tables"], plain["tables"], "{file}: reads differently from the plain file");
    }
}

#[test]
fn scans_need_ocr_page_by_page() {
    match read_bad("scanned.pdf") {
        Err(e) => match e.kind {
            ReadErrorKind::NeedsOcr { pages, total } => assert_eq!((pages, total), (vec![1, 2], 2)),
            other => panic!("scanned.pdf: {other}"),
        },
        Ok(_) => panic!("scanned.pdf read as a document"),
    }
    let doc = read_bad("mixed-scan.pdf").unwrap_or_else(|e| panic!("{e}"));
    let ocr: Vec<_> = doc.issues.iter().filter(|i| i.code == "page_needs_ocr").collect();
    assert_eq!(ocr.len(), 1, "{:?}", doc.issues);
    assert_eq!(ocr[0].location.as_ref().and_then(|l| l.page), Some(2));
    assert!(ocr[0].message.contains("chi_sim"), "{}", ocr[0].message);
}
