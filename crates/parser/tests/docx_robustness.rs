//! The DOCX reader never panics, whatever the bytes: a real rendering's `document.xml` with
//! random edits (bytes changed, ranges cut out or repeated, the part truncated), re-zipped,
//! and random bytes after a ZIP signature. Each either reads into a grid that the rest of the
//! pipeline takes without panicking, or is a `Docx` error naming the part.

use std::io::{Cursor, Read, Write};

use proptest::prelude::*;
use zhibiao_parser::docx::read_docx;
use zhibiao_parser::error::ReadErrorKind;

/// The parts of a small fixture (the edge case with merges, nested tables and tracked changes).
fn fixture_parts() -> Vec<(String, Vec<u8>)> {
    let path = format!("{}/../../fixtures/docx/edge/nested-table.docx", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("fixture is a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("inflate");
            (f.name().map(|n| n.into_owned()).expect("entry name"), data)
        })
        .collect()
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        zip.start_file(name.as_str(), opts).expect("start");
        zip.write_all(data).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Cut(usize, usize),
    Repeat(usize, usize),
    Truncate(usize),
}

fn apply(xml: &mut Vec<u8>, edit: &Edit) {
    let n = xml.len().max(1);
    match *edit {
        Edit::Set(at, b) => {
            if let Some(x) = xml.get_mut(at % n) {
                *x = b;
            }
        }
        Edit::Cut(at, len) => {
            let start = at % n;
            let end = (start + len).min(xml.len());
            xml.drain(start..end);
        }
        Edit::Repeat(at, len) => {
            let start = at % n;
            let end = (start + len).min(xml.len());
            let piece: Vec<u8> = xml.get(start..end).unwrap_or_default().to_vec();
            let tail = xml.split_off(end);
            xml.extend_from_slice(&piece);
            xml.extend_from_slice(&tail);
        }
        Edit::Truncate(at) => xml.truncate(at % n),
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), prop::sample::select(b"<>/=\"' &;:w\x00\xff\xe4".to_vec())).prop_map(|(a, b)| Edit::Set(a, b)),
        (any::<usize>(), 1usize..400).prop_map(|(a, l)| Edit::Cut(a, l)),
        (any::<usize>(), 1usize..400).prop_map(|(a, l)| Edit::Repeat(a, l)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn check(bytes: &[u8]) {
    match read_docx(bytes) {
        Ok(grid) => {
            let _ = zhibiao_parser::extract_grid(&grid);
        }
        Err(ReadErrorKind::Docx { .. }) => {}
        Err(other) => panic!("a DOCX failure must be a Docx error: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn edited_document_xml_never_panics(edits in prop::collection::vec(edit(), 1..6)) {
        let mut parts = fixture_parts();
        if let Some((_, xml)) = parts.iter_mut().find(|(n, _)| n == "word/document.xml") {
            for e in &edits {
                apply(xml, e);
            }
        }
        check(&rezip(&parts));
    }

    #[test]
    fn random_bytes_after_a_zip_signature_never_panic(tail in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        check(&bytes);
    }
}
