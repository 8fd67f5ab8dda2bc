//! Writers for extracted documents: JSON (the output contract, one document), JSONL (one
//! compact document per line, for streams and batches) and CSV (one row per record with its
//! document context, for spreadsheets and data frames).
//!
//! The CLI picks a writer; the library facade never prints.

use std::io::{self, Write};

use zhibiao_model::{Document, Table};

/// Output formats the CLI offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Json,
    Jsonl,
    Csv,
}

impl OutputFormat {
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Csv => "csv",
        }
    }
}

/// The document as pretty JSON, as `../shared/spec/output-schema.md` specifies.
pub fn write_json<W: Write>(doc: &Document, mut w: W) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut w, doc).map_err(json_error)?;
    w.write_all(b"\n")
}

/// The document as one line of compact JSON.
pub fn write_jsonl<W: Write>(doc: &Document, mut w: W) -> io::Result<()> {
    serde_json::to_writer(&mut w, doc).map_err(json_error)?;
    w.write_all(b"\n")
}

/// Keeps the kind of an I/O error (a closed pipe stays `BrokenPipe`) so callers can tell a
/// reader that went away from a failed write.
fn json_error(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Column names of the CSV writer.
pub const CSV_HEADER: [&str; 21] = [
    "file", "issuer", "doc_number", "year", "table", "table_title", "id", "category", "group", "basis", "primary",
    "primary_points", "secondary", "weight", "deadline", "deadline_month", "leaders", "units", "persons", "remarks",
    "source_lines",
];

/// Separator for list fields inside one CSV cell (the full-width semicolon never occurs
/// inside a name or unit, and 文件依据 entries are split on it).
pub const LIST_SEPARATOR: &str = "；";

fn num(v: Option<f64>) -> String {
    v.map(|x| if x.fract() == 0.0 { format!("{}", x as i64) } else { x.to_string() }).unwrap_or_default()
}

/// One CSV row per performance-target record; `header` writes the column names first.
pub fn write_csv<W: Write>(doc: &Document, w: W, header: bool) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    if header {
        out.write_record(CSV_HEADER).map_err(csv_error)?;
    }
    for (ti, table) in doc.tables.iter().enumerate() {
        write_table_rows(doc, ti, table, &mut out).map_err(csv_error)?;
    }
    out.flush()
}

fn write_table_rows<W: Write>(doc: &Document, ti: usize, table: &Table, out: &mut csv::Writer<W>) -> csv::Result<()> {
    let n = &doc.notice;
    for r in table.records.performance() {
        out.write_record([
            doc.source.file.clone(),
            n.issuer.clone().unwrap_or_default(),
            n.doc_number.clone().unwrap_or_default(),
            n.year.map(|y| y.to_string()).unwrap_or_default(),
            ti.to_string(),
            table.title.clone().unwrap_or_default(),
            r.id.clone(),
            r.category.clone().unwrap_or_default(),
            r.group.clone().unwrap_or_default(),
            r.basis.join(LIST_SEPARATOR),
            r.primary.clone().unwrap_or_default(),
            num(r.primary_points),
            r.secondary.clone().unwrap_or_default(),
            num(r.weight),
            r.deadline.clone().unwrap_or_default(),
            r.deadline_month.map(|m| m.to_string()).unwrap_or_default(),
            r.leaders.join(LIST_SEPARATOR),
            r.units.join(LIST_SEPARATOR),
            r.persons.join(LIST_SEPARATOR),
            r.remarks.clone().unwrap_or_default(),
            r.provenance.lines.iter().map(u32::to_string).collect::<Vec<_>>().join(" "),
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhibiao_model::*;

    fn doc() -> Document {
        Document {
            schema_version: SCHEMA_VERSION.into(),
            source: Source { file: "a.txt".into(), format: Format::Text, sha256: "00".into(), encoding: None },
            notice: Notice { year: Some(2019), ..Default::default() },
            tables: vec![Table {
                kind: TableKind::PerformanceTargets,
                title: Some("表".into()),
                unit: None,
                declared_totals: vec![DeclaredTotal { label: "合计".into(), value: 80.0, line: None }],
                budget: None,
                strategy: None,
                records: Records::Performance(vec![Record {
                    id: "1-1-1".into(),
                    weight: Some(1.5),
                    primary_points: Some(3.0),
                    leaders: vec!["陈建兴".into(), "张劲松".into()],
                    secondary: Some("含,逗号\"引号".into()),
                    ..Default::default()
                }]),
                location: None,
            }],
            issues: vec![],
        }
    }

    #[test]
    fn json_writes_whole_numbers_without_fraction() {
        let mut buf = Vec::new();
        write_json(&doc(), &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.contains("\"primary_points\": 3,"), "{s}");
        assert!(s.contains("\"weight\": 1.5"), "{s}");
        assert!(s.contains("\"value\": 80"), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["tables"][0]["records"][0]["id"], "1-1-1");
    }

    #[test]
    fn jsonl_is_one_line() {
        let mut buf = Vec::new();
        write_jsonl(&doc(), &mut buf).unwrap();
        assert_eq!(buf.iter().filter(|&&b| b == b'\n').count(), 1);
    }

    #[test]
    fn csv_quotes_and_joins_lists() {
        let mut buf = Vec::new();
        write_csv(&doc(), &mut buf, true).unwrap();
        let mut rd = csv::Reader::from_reader(buf.as_slice());
        let rec = rd.records().next().unwrap().unwrap();
        assert_eq!(rec.get(6), Some("1-1-1"));
        assert_eq!(rec.get(16), Some("陈建兴；张劲松"));
        assert_eq!(rec.get(12), Some("含,逗号\"引号"));
        assert_eq!(rec.get(13), Some("1.5"));
    }
}
