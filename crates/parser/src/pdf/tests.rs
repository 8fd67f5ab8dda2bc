//! The reader on small PDFs built here with lopdf, one behaviour each: glyph placement
//! through the text state, `TJ` gaps, `/Rotate`, form XObjects (and one that draws itself),
//! clip paths, fake bold, ruling lines into a lattice with a merged cell, invisible rules.

use lopdf::{dictionary, Document, Object, Stream};

use super::page::PageItem;
use super::{read_pdf_with, PdfRead, PdfSettings};
use crate::grid::Block;

/// A one-page PDF (A4 portrait) with Helvetica as `/F1` and, when given, a form XObject
/// `/Fm1` with that content and matrix.
fn pdf(content: &str, rotate: i64, form: Option<(&str, [f32; 6])>) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let mut xobjects = lopdf::Dictionary::new();
    if let Some((body, m)) = form {
        let form_id = doc.new_object_id();
        let dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Matrix" => m.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font },
                "XObject" => dictionary! { "Fm1" => form_id } },
        };
        doc.objects.insert(form_id, Object::Stream(Stream::new(dict, body.as_bytes().to_vec())));
        xobjects.set("Fm1", form_id);
    }
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => xobjects });
    let contents = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => contents, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()], "Rotate" => rotate,
    });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("an in-memory PDF saves");
    out
}

fn read(bytes: &[u8]) -> PdfRead {
    read_pdf_with(bytes, &PdfSettings::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The page's prose lines: (text, top y).
fn lines(r: &PdfRead) -> Vec<(String, f32)> {
    r.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| if let PageItem::Line(l) = i { Some((l.text.clone(), l.bbox.y0)) } else { None })
        .collect()
}

#[test]
fn glyphs_are_placed_through_the_text_state() {
    let r = read(&pdf("BT /F1 10 Tf 1 0 0 1 100 700 Tm (Hello) Tj 0 -20 Td (World) Tj 2 Tz 100 TL T* (Wide) Tj ET", 0, None));
    let got = lines(&r);
    assert_eq!(got.iter().map(|l| l.0.as_str()).collect::<Vec<_>>(), ["Hello", "World", "Wide"]);
    // Page space has its origin top left: y 700 from the bottom is 142 from the top, minus the ascent.
    assert!((got[0].1 - (842.0 - 700.0 - 8.8)).abs() < 0.5, "{got:?}");
    assert!((got[1].1 - got[0].1 - 20.0).abs() < 0.5, "{got:?}");
    let chars = |t: &str| r.pages[0].items.iter().find_map(|i| match i {
        PageItem::Line(l) if l.text == t => Some(l.bbox),
        _ => None,
    });
    // Helvetica's widths: "Hello" is 2.278 em wide at 10 pt.
    let hello = chars("Hello").unwrap_or_else(|| panic!("{got:?}"));
    assert!((hello.x0 - 100.0).abs() < 0.1 && (hello.width() - 22.78).abs() < 0.3, "{hello:?}");
}

#[test]
fn tj_offsets_are_spaces_only_when_wide() {
    let r = read(&pdf("BT /F1 10 Tf 1 0 0 1 100 700 Tm [(ab) -600 (cd)] TJ 0 -20 Td [(ef) -40 (gh)] TJ ET", 0, None));
    assert_eq!(lines(&r).into_iter().map(|l| l.0).collect::<Vec<_>>(), ["ab cd", "efgh"]);
}

#[test]
fn rotated_pages_are_read_upright() {
    // /Rotate 90 with the text drawn along the page's y axis: upright as displayed.
    let r = read(&pdf("q 0 1 -1 0 500 100 cm BT /F1 10 Tf (Upright) Tj ET Q", 90, None));
    assert_eq!(r.pages[0].size, (842.0, 595.0));
    let got = lines(&r);
    assert_eq!(got.first().map(|l| l.0.as_str()), Some("Upright"), "{got:?}");
    // Shown at user (500, 100): displayed 100 from the left, 500 from the top.
    let b = r.pages[0].items.iter().find_map(|i| if let PageItem::Line(l) = i { Some(l.bbox) } else { None });
    let b = b.unwrap_or_else(|| panic!("no line"));
    assert!((b.x0 - 100.0).abs() < 0.5 && (b.y1 - 500.0).abs() < 3.0, "{b:?}");
}

#[test]
fn form_xobjects_are_drawn_once_with_their_matrix() {
    let form = ("BT /F1 10 Tf 1 0 0 1 50 50 Tm (Form) Tj ET /Fm1 Do", [1.0, 0.0, 0.0, 1.0, 100.0, 0.0]);
    let r = read(&pdf("/Fm1 Do", 0, Some(form)));
    let got: Vec<_> = r.pages[0].items.iter().filter_map(|i| if let PageItem::Line(l) = i { Some(l.clone()) } else { None }).collect();
    assert_eq!(got.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["Form"]);
    assert!((got[0].bbox.x0 - 150.0).abs() < 0.1, "{:?}", got[0].bbox);
    assert!(r.grid.issues.iter().any(|i| i.code == "pdf_content_repaired"), "{:?}", r.grid.issues);
}

#[test]
fn clipped_text_is_not_read() {
    let content = "q 0 0 100 100 re W n BT /F1 10 Tf 1 0 0 1 200 200 Tm (Hidden) Tj ET Q BT /F1 10 Tf 1 0 0 1 200 300 Tm (Shown) Tj ET";
    assert_eq!(lines(&read(&pdf(content, 0, None))).into_iter().map(|l| l.0).collect::<Vec<_>>(), ["Shown"]);
}

#[test]
fn fake_bold_is_read_once() {
    let content = "BT /F1 10 Tf 1 0 0 1 100 700 Tm (Bold) Tj ET BT /F1 10 Tf 1 0 0 1 100.4 700.2 Tm (Bold) Tj ET";
    assert_eq!(lines(&read(&pdf(content, 0, None))).into_iter().map(|l| l.0).collect::<Vec<_>>(), ["Bold"]);
}

/// A 2 × 3 table drawn segment by segment, whose left column's two cells are one (no rule
/// between them), with a word in each cell.
fn table(stroke: &str) -> String {
    let mut c = format!("{stroke} 0.5 w ");
    for y in [700, 680, 660] {
        // The rule at 680 stops short of the left column: its two slots are merged.
        let x0 = if y == 680 { 150 } else { 100 };
        c.push_str(&format!("{x0} {y} m 400 {y} l S "));
    }
    for x in [100, 150, 300, 400] {
        c.push_str(&format!("{x} 660 m {x} 700 l S "));
    }
    for (x, y, t) in [(105, 676, "ID"), (155, 686, "A"), (305, 686, "B"), (155, 666, "C"), (305, 666, "D")] {
        c.push_str(&format!("BT /F1 8 Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET "));
    }
    c
}

#[test]
fn ruling_lines_make_a_lattice_with_merged_cells() {
    let r = read(&pdf(&table("0 G"), 0, None));
    assert!(r.grid.spans_known);
    let rows: Vec<_> = r.grid.blocks.iter().filter_map(|b| if let Block::Row(r) = b { Some(r.clone()) } else { None }).collect();
    assert_eq!(rows.len(), 2, "{:?}", r.grid.blocks);
    let texts = |i: usize| rows[i].cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>();
    assert_eq!(texts(0), ["ID", "A", "B"]);
    assert_eq!(texts(1), ["", "C", "D"]);
    assert_eq!(rows[0].cells[0].row_span, 2);
    assert!(rows[1].cells[0].merged_from_above);
}

#[test]
fn white_rules_draw_no_table() {
    let r = read(&pdf(&table("1 1 1 RG"), 0, None));
    assert!(r.pages[0].lattices.is_empty());
    assert!(!r.grid.blocks.iter().any(|b| matches!(b, Block::Row(_))));
}
