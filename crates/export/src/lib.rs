//! Writers for extracted documents: JSON (the output contract, one document), JSONL (one
//! compact document per line, for streams and batches) and CSV (one row per record with its
//! document context, for spreadsheets and data frames).
//!
//! The CSV has one fixed column order, [`CSV_HEADER`], for both record families, so one
//! dataset file can hold performance-target and budget-target tables side by side: the
//! document and table columns first, then the performance-target fields, then the
//! budget-target fields, then `source_lines`, then the record's confidence (`confidence`,
//! `inferred_fields`, `doubtful_fields`: filter on it). A row fills the columns of its own family and
//! leaves the other family's empty; `remarks` (备注) is shared by both.
//!
//! For datasets built from many documents there are two line writers: [`write_record_lines`]
//! (`records.jsonl`, one record per line with its document's columns, [`RecordLine`]) and
//! [`write_issue_lines`] (`issues.jsonl`, [`IssueLine`]). Every dataset row names its input
//! by `file`, the path as the user gave it (or as found under a directory they gave), and its
//! `sha256`, so rows from many runs or shards can be joined and traced back.
//!
//! The CLI picks a writer; the library facade never prints.

use std::borrow::Cow;
use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;
use zhibiao_model::{BudgetRecord, Confidence, ConfidenceLevel, Document, Issue, Provenance, Quantity, Record, Table, TableKind};

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

/// Column names of the CSV writer, in order.
///
/// - Document and table: `file` (the input path), `sha256` (of the input bytes), `issuer`, `doc_number`, `year`, `table` (the table's index
///   in the document, from 0), `table_kind` (`performance_targets` / `budget_targets`),
///   `table_title`, `table_unit` (the assessed unit, or the department of a budget table),
///   `id`.
/// - Performance-target records: `category` … `persons` as in the JSON, list fields joined
///   with [`LIST_SEPARATOR`].
/// - `remarks`: 备注, of either family.
/// - Budget-target records: the printed texts as in the JSON; each value column (`target`,
///   `plan_value`, `standard_value`, `history_avg`, `history_last`) is followed by
///   `{column}_number` and `{column}_unit`, filled only when the value parses as a plain
///   number ([`Quantity::Number`] without a bound: `60家` → `60`, `家`; words around it such
///   as `建立4项` are dropped). Bounded values (`≥95%`), ranges (`10-13个`) and qualitative
///   values (`应做尽做`) leave both empty; the JSON carries their full parsed form.
/// - `source_lines`: the record's source lines, space-separated.
/// - `confidence`: `read`, `inferred` or `doubtful` (the record's `confidence.level`);
///   `inferred_fields` and `doubtful_fields`: the fields it names, joined with
///   [`LIST_SEPARATOR`]. Appended after `source_lines`: columns are only ever added at the end.
///
/// Columns of the other family are empty.
pub const CSV_HEADER: [&str; 51] = [
    // Document and table.
    "file", "sha256", "issuer", "doc_number", "year", "table", "table_kind", "table_title", "table_unit", "id",
    // Performance-target records.
    "category", "group", "basis", "primary", "primary_points", "secondary", "weight", "deadline", "deadline_month",
    "leaders", "units", "persons",
    // Both families.
    "remarks",
    // Budget-target records.
    "duty_no", "duty", "duty_goal", "indicator", "explanation",
    "target", "target_number", "target_unit",
    "plan_value", "plan_value_number", "plan_value_unit",
    "standard_value", "standard_value_number", "standard_value_unit", "standard_source",
    "history_avg", "history_avg_number", "history_avg_unit",
    "history_last", "history_last_number", "history_last_unit", "history_source",
    "activity", "budget_item",
    // Provenance.
    "source_lines",
    // Confidence.
    "confidence", "inferred_fields", "doubtful_fields",
];

/// Separator for list fields inside one CSV cell (the full-width semicolon never occurs
/// inside a name or unit, and 文件依据 entries are split on it).
pub const LIST_SEPARATOR: &str = "；";

fn num(v: Option<f64>) -> String {
    v.map(|x| if x.fract() == 0.0 { format!("{}", x as i64) } else { x.to_string() }).unwrap_or_default()
}

/// The byte-order mark that makes Excel read a CSV file as UTF-8 (it reads one without as
/// the system's ANSI code page, and Chinese text comes out garbled).
pub const EXCEL_BOM: &str = "\u{FEFF}";

/// One CSV row per record, of either family, in table order, each naming its input as `file`;
/// `header` writes the column names ([`CSV_HEADER`]) first.
pub fn write_csv<W: Write>(doc: &Document, file: &str, w: W, header: bool) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    if header {
        out.write_record(CSV_HEADER).map_err(csv_error)?;
    }
    for (ti, table) in doc.tables.iter().enumerate() {
        write_table_rows(doc, file, ti, table, &mut out).map_err(csv_error)?;
    }
    out.flush()
}

/// The CSV header line alone, for a file that many documents' rows are appended to.
pub fn write_csv_header<W: Write>(w: W) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(CSV_HEADER).map_err(csv_error)?;
    out.flush()
}

/// One line of `records.jsonl`: a record with the columns of its document and table.
///
/// The record's own fields (as in the document JSON, `provenance` included) follow the
/// document columns on the same level, so `pandas.read_json(lines=True)` or DuckDB's
/// `read_json_auto` give one flat row per record. Performance-target and budget-target
/// records have different fields; `table_kind` says which.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RecordLine<'a> {
    #[serde(flatten)]
    pub columns: RecordColumns<'a>,
    #[serde(flatten)]
    pub record: AnyRecord<'a>,
}

/// The document and table columns of a [`RecordLine`].
#[derive(Debug, Serialize, JsonSchema)]
pub struct RecordColumns<'a> {
    /// The input path, as given or as found under a directory given.
    pub file: &'a str,
    /// Hex SHA-256 of the input bytes.
    pub sha256: &'a str,
    pub issuer: Option<&'a str>,
    pub doc_number: Option<&'a str>,
    pub year: Option<i32>,
    /// The table's index in its document, from 0.
    pub table: usize,
    pub table_kind: TableKind,
    pub table_title: Option<&'a str>,
    /// The assessed unit, or the department of a budget table.
    pub table_unit: Option<&'a str>,
}

/// A record of either family.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum AnyRecord<'a> {
    Performance(&'a Record),
    Budget(&'a BudgetRecord),
}

/// One line of `issues.jsonl`: an issue with the input it belongs to. A file that could not
/// be read at all is one `error` line with code `file_failed` and no `sha256` when even its
/// bytes could not be read.
#[derive(Debug, Serialize, JsonSchema)]
pub struct IssueLine<'a> {
    pub file: &'a str,
    pub sha256: Option<&'a str>,
    #[serde(flatten)]
    pub issue: &'a Issue,
}

/// Every record of the document as one [`RecordLine`] per line.
///
/// Written without serde's `flatten`, which goes through a map and costs as much as the rest
/// of the line: the columns, the same for every record of a table, are serialised once, and
/// each record's own JSON object is spliced in after them. A test holds the result to what
/// serialising [`RecordLine`] gives.
pub fn write_record_lines<W: Write>(doc: &Document, file: &str, mut w: W) -> io::Result<()> {
    let n = &doc.notice;
    let mut prefix = Vec::with_capacity(512);
    let mut record = Vec::with_capacity(2048);
    for (ti, table) in doc.tables.iter().enumerate() {
        let columns = RecordColumns {
            file,
            sha256: &doc.source.sha256,
            issuer: n.issuer.as_deref(),
            doc_number: n.doc_number.as_deref(),
            year: n.year,
            table: ti,
            table_kind: table.kind,
            table_title: table.title.as_deref(),
            table_unit: table.unit.as_deref(),
        };
        prefix.clear();
        serde_json::to_writer(&mut prefix, &columns).map_err(json_error)?;
        // `{…}` → `{…,`: the record's fields follow.
        prefix.pop();
        prefix.push(b',');
        for r in table.records.performance() {
            splice_line(&prefix, r, &mut record, &mut w)?;
        }
        for r in table.records.budget() {
            splice_line(&prefix, r, &mut record, &mut w)?;
        }
    }
    Ok(())
}

/// `prefix` (`{"file":…,`) and the record's JSON object without its opening brace.
fn splice_line<T: Serialize, W: Write>(prefix: &[u8], record: &T, buf: &mut Vec<u8>, w: &mut W) -> io::Result<()> {
    buf.clear();
    serde_json::to_writer(&mut *buf, record).map_err(json_error)?;
    // Every record object has at least its `id`, so it is `{"id":…}`.
    let fields = buf.strip_prefix(b"{").ok_or_else(|| io::Error::other("a record did not serialise as an object"))?;
    w.write_all(prefix)?;
    w.write_all(fields)?;
    w.write_all(b"\n")
}

/// Every issue of the document as one [`IssueLine`] per line.
pub fn write_issue_lines<W: Write>(doc: &Document, file: &str, mut w: W) -> io::Result<()> {
    for issue in &doc.issues {
        write_line(&IssueLine { file, sha256: Some(&doc.source.sha256), issue }, &mut w)?;
    }
    Ok(())
}

/// One value as a line of compact JSON.
pub fn write_line<T: Serialize, W: Write>(value: &T, mut w: W) -> io::Result<()> {
    serde_json::to_writer(&mut w, value).map_err(json_error)?;
    w.write_all(b"\n")
}

/// Where each column sits in [`CSV_HEADER`].
static COLUMN_INDEX: std::sync::LazyLock<std::collections::HashMap<&'static str, usize>> =
    std::sync::LazyLock::new(|| CSV_HEADER.iter().enumerate().map(|(i, c)| (*c, i)).collect());

/// A row being filled by column name; unset columns stay empty. Cells borrow from the
/// document where they can: a dataset of many thousand documents writes millions of cells.
#[derive(Clone)]
struct Row<'a>(Vec<Cow<'a, str>>);

impl<'a> Row<'a> {
    fn new() -> Self {
        Row(vec![Cow::Borrowed(""); CSV_HEADER.len()])
    }

    fn set(&mut self, column: &str, value: impl Into<Cow<'a, str>>) {
        match COLUMN_INDEX.get(column).and_then(|&i| self.0.get_mut(i)) {
            Some(cell) => *cell = value.into(),
            None => debug_assert!(false, "no CSV column {column}"),
        }
    }

    fn text(&mut self, column: &str, value: &'a Option<String>) {
        if let Some(v) = value {
            self.set(column, v.as_str());
        }
    }

    /// A value column with its `_number` and `_unit` columns, which follow it.
    fn value(&mut self, column: &str, printed: &'a Option<String>, parsed: &'a Option<Quantity>) {
        self.text(column, printed);
        if let Some(Quantity::Number { number, unit, bound: None, .. }) = parsed {
            let Some(&i) = COLUMN_INDEX.get(column) else { return };
            debug_assert_eq!(CSV_HEADER.get(i + 2).copied(), Some(format!("{column}_unit").as_str()));
            if let Some(cell) = self.0.get_mut(i + 1) {
                *cell = num(Some(*number)).into();
            }
            if let (Some(cell), Some(unit)) = (self.0.get_mut(i + 2), unit) {
                *cell = unit.as_str().into();
            }
        }
    }

    fn lines(&mut self, provenance: &Provenance) {
        let mut text = String::with_capacity(provenance.lines.len() * 4);
        for (i, line) in provenance.lines.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(&line.to_string());
        }
        self.set("source_lines", text);
    }

    fn confidence(&mut self, c: &'a Confidence) {
        self.set(
            "confidence",
            match c.level {
                ConfidenceLevel::Read => "read",
                ConfidenceLevel::Inferred => "inferred",
                ConfidenceLevel::Doubtful => "doubtful",
            },
        );
        self.set("inferred_fields", c.inferred.join(LIST_SEPARATOR));
        self.set("doubtful_fields", c.doubtful.join(LIST_SEPARATOR));
    }

    fn write<W: Write>(&self, out: &mut csv::Writer<W>) -> csv::Result<()> {
        out.write_record(self.0.iter().map(|c| c.as_bytes()))
    }
}

fn kind_name(kind: TableKind) -> &'static str {
    match kind {
        TableKind::PerformanceTargets => "performance_targets",
        TableKind::BudgetTargets => "budget_targets",
    }
}

fn write_table_rows<'a, W: Write>(
    doc: &'a Document,
    file: &'a str,
    ti: usize,
    table: &'a Table,
    out: &mut csv::Writer<W>,
) -> csv::Result<()> {
    let n = &doc.notice;
    // The document and table columns, the same on every row of the table.
    let context = {
        let mut row = Row::new();
        row.set("file", file);
        row.set("sha256", doc.source.sha256.as_str());
        row.text("issuer", &n.issuer);
        row.text("doc_number", &n.doc_number);
        row.set("year", n.year.map(|y| y.to_string()).unwrap_or_default());
        row.set("table", ti.to_string());
        row.set("table_kind", kind_name(table.kind));
        row.text("table_title", &table.title);
        row.text("table_unit", &table.unit);
        row
    };
    for r in table.records.performance() {
        let mut row = context.clone();
        row.set("id", r.id.as_str());
        row.text("category", &r.category);
        row.text("group", &r.group);
        row.set("basis", r.basis.join(LIST_SEPARATOR));
        row.text("primary", &r.primary);
        row.set("primary_points", num(r.primary_points));
        row.text("secondary", &r.secondary);
        row.set("weight", num(r.weight));
        row.text("deadline", &r.deadline);
        row.set("deadline_month", r.deadline_month.map(|m| m.to_string()).unwrap_or_default());
        row.set("leaders", r.leaders.join(LIST_SEPARATOR));
        row.set("units", r.units.join(LIST_SEPARATOR));
        row.set("persons", r.persons.join(LIST_SEPARATOR));
        row.text("remarks", &r.remarks);
        row.lines(&r.provenance);
        row.confidence(&r.confidence);
        row.write(out)?;
    }
    for r in table.records.budget() {
        let mut row = context.clone();
        row.set("id", r.id.as_str());
        row.set("duty_no", r.duty_no.to_string());
        row.text("duty", &r.duty);
        row.text("duty_goal", &r.duty_goal);
        row.text("indicator", &r.indicator);
        row.text("explanation", &r.explanation);
        row.value("target", &r.target, &r.target_value);
        row.value("plan_value", &r.plan_value, &r.plan_value_parsed);
        row.value("standard_value", &r.standard_value, &r.standard_value_parsed);
        row.text("standard_source", &r.standard_source);
        row.value("history_avg", &r.history_avg, &r.history_avg_value);
        row.value("history_last", &r.history_last, &r.history_last_value);
        row.text("history_source", &r.history_source);
        row.text("remarks", &r.remarks);
        row.text("activity", &r.activity);
        row.text("budget_item", &r.budget_item);
        row.lines(&r.provenance);
        row.confidence(&r.confidence);
        row.write(out)?;
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
            generator: None,
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
        write_csv(&doc(), "a.txt", &mut buf, true).unwrap();
        let mut rd = csv::Reader::from_reader(buf.as_slice());
        let col = |name: &str| CSV_HEADER.iter().position(|c| *c == name).unwrap();
        let rec = rd.records().next().unwrap().unwrap();
        assert_eq!(rec.get(col("id")), Some("1-1-1"));
        assert_eq!(rec.get(col("table_kind")), Some("performance_targets"));
        assert_eq!(rec.get(col("leaders")), Some("陈建兴；张劲松"));
        assert_eq!(rec.get(col("secondary")), Some("含,逗号\"引号"));
        assert_eq!(rec.get(col("weight")), Some("1.5"));
    }

    fn budget_doc() -> Document {
        let number = |n: f64, unit: &str| Quantity::Number { number: n, unit: Some(unit.into()), bound: None, qualifier: None };
        let mut d = doc();
        d.source.file = "linyi.txt".into();
        d.tables.push(Table {
            kind: TableKind::BudgetTargets,
            title: Some("2020年部门预算整体绩效目标表".into()),
            unit: Some("临沂市科学技术局".into()),
            declared_totals: vec![],
            budget: None,
            strategy: None,
            records: Records::Budget(vec![
                BudgetRecord {
                    id: "3-1".into(),
                    duty_no: 3,
                    duty: Some("科技创新服务".into()),
                    indicator: Some("高新技术企业".into()),
                    target: Some("60家".into()),
                    target_value: Some(number(60.0, "家")),
                    standard_value: Some("≥60家".into()),
                    standard_value_parsed: Some(Quantity::Number {
                        number: 60.0,
                        unit: Some("家".into()),
                        bound: Some(Bound::AtLeast),
                        qualifier: None,
                    }),
                    standard_source: Some("内部统计".into()),
                    history_avg: Some("10-13个".into()),
                    history_avg_value: Some(Quantity::Range { min: 10.0, max: 13.0, unit: Some("个".into()), qualifier: None }),
                    history_last: Some("25.81万平方米".into()),
                    history_last_value: Some(number(25.81, "万平方米")),
                    history_source: Some("内部统计".into()),
                    remarks: Some("重点工作".into()),
                    activity: Some("认定".into()),
                    budget_item: Some("科技发展专项资金".into()),
                    provenance: Provenance { lines: vec![40, 41], repairs: vec![] },
                    ..Default::default()
                },
                BudgetRecord {
                    id: "3-2".into(),
                    duty_no: 3,
                    target: Some("应做尽做".into()),
                    target_value: Some(Quantity::Qualitative { qualitative: "应做尽做".into() }),
                    ..Default::default()
                },
            ]),
            location: None,
        });
        d
    }

    /// The CSV as (header, rows), each row a map from column name to cell.
    fn csv_rows(d: &Document) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
        let mut buf = Vec::new();
        write_csv(d, &d.source.file, &mut buf, true).unwrap();
        let mut rd = csv::Reader::from_reader(buf.as_slice());
        let header: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
        let rows = rd
            .records()
            .map(|r| {
                let r = r.unwrap();
                assert_eq!(r.len(), header.len());
                header.iter().cloned().zip(r.iter().map(str::to_string)).collect()
            })
            .collect();
        (header, rows)
    }

    #[test]
    fn csv_header_has_no_duplicates_and_ends_with_lines() {
        let mut seen = std::collections::HashSet::new();
        for c in CSV_HEADER {
            assert!(seen.insert(c), "column {c} twice");
        }
        assert_eq!(
            CSV_HEADER[..10],
            ["file", "sha256", "issuer", "doc_number", "year", "table", "table_kind", "table_title", "table_unit", "id"]
        );
        assert_eq!(CSV_HEADER[CSV_HEADER.len() - 4..], ["source_lines", "confidence", "inferred_fields", "doubtful_fields"]);
    }

    #[test]
    fn csv_writes_both_families_in_one_file() {
        let (header, rows) = csv_rows(&budget_doc());
        assert_eq!(header, CSV_HEADER);
        let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
        assert_eq!(ids, ["1-1-1", "3-1", "3-2"]);

        // The performance row leaves the budget columns empty.
        let perf = &rows[0];
        assert_eq!(perf["weight"], "1.5");
        for c in ["duty_no", "duty", "indicator", "target", "target_number", "activity"] {
            assert_eq!(perf[c], "", "{c}");
        }

        let b = &rows[1];
        let want = [
            ("file", "linyi.txt"),
            ("year", "2019"),
            ("table", "1"),
            ("table_title", "2020年部门预算整体绩效目标表"),
            ("duty_no", "3"),
            ("duty", "科技创新服务"),
            ("indicator", "高新技术企业"),
            ("target", "60家"),
            ("target_number", "60"),
            ("target_unit", "家"),
            ("standard_value", "≥60家"),
            ("standard_source", "内部统计"),
            ("history_avg", "10-13个"),
            ("history_last", "25.81万平方米"),
            ("history_last_number", "25.81"),
            ("history_last_unit", "万平方米"),
            ("history_source", "内部统计"),
            ("remarks", "重点工作"),
            ("activity", "认定"),
            ("budget_item", "科技发展专项资金"),
            ("source_lines", "40 41"),
        ];
        for (c, v) in want {
            assert_eq!(b[c], v, "{c}");
        }
        // A bound or a range has no plain number; nothing printed, nothing parsed.
        for c in [
            "standard_value_number",
            "standard_value_unit",
            "history_avg_number",
            "history_avg_unit",
            "plan_value",
            "plan_value_number",
        ] {
            assert_eq!(b[c], "", "{c}");
        }
        // The budget row leaves the performance columns empty.
        for c in ["category", "group", "basis", "weight", "leaders"] {
            assert_eq!(b[c], "", "{c}");
        }
    }

    #[test]
    fn csv_qualitative_target_has_no_number() {
        let (_, rows) = csv_rows(&budget_doc());
        let q = &rows[2];
        assert_eq!(q["target"], "应做尽做");
        assert_eq!(q["target_number"], "");
        assert_eq!(q["target_unit"], "");
        assert_eq!(q["duty_no"], "3");
    }

    #[test]
    fn record_lines_are_flat_records_with_their_document_columns() {
        let mut d = budget_doc();
        d.notice.issuer = Some("临沂市科学技术局".into());
        d.source.sha256 = "ab".repeat(32);
        let mut buf = Vec::new();
        write_record_lines(&d, "archive/2020/linyi.txt", &mut buf).unwrap();
        let lines: Vec<serde_json::Value> = std::str::from_utf8(&buf)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        let (perf, budget) = (&lines[0], &lines[1]);
        assert_eq!(perf["file"], "archive/2020/linyi.txt");
        assert_eq!(perf["sha256"], "ab".repeat(32));
        assert_eq!(perf["issuer"], "临沂市科学技术局");
        assert_eq!(perf["year"], 2019);
        assert_eq!(perf["table"], 0);
        assert_eq!(perf["table_kind"], "performance_targets");
        assert_eq!(perf["id"], "1-1-1");
        assert_eq!(perf["weight"], 1.5);
        assert_eq!(perf["leaders"], serde_json::json!(["陈建兴", "张劲松"]));
        assert!(
            perf.get("duty_no").is_none(),
            "a budget field on a performance line: {perf}"
        );
        assert_eq!(budget["table"], 1);
        assert_eq!(budget["table_kind"], "budget_targets");
        assert_eq!(budget["table_unit"], "临沂市科学技术局");
        assert_eq!(budget["duty_no"], 3);
        assert_eq!(
            budget["target_value"],
            serde_json::json!({"number": 60, "unit": "家"})
        );
        assert_eq!(budget["provenance"]["lines"], serde_json::json!([40, 41]));
        assert!(
            budget.get("weight").is_none(),
            "a performance field on a budget line: {budget}"
        );
    }

    #[test]
    fn issue_lines_name_their_file() {
        let mut d = doc();
        d.issues.push(
            Issue::new(Severity::Warning, "weight_sum_mismatch", "权重 3 ≠ 4")
                .record("1-1")
                .at_line(9),
        );
        let mut buf = Vec::new();
        write_issue_lines(&d, "x/a.txt", &mut buf).unwrap();
        let line: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(
            line,
            serde_json::json!({"file": "x/a.txt", "sha256": "00", "severity": "warning", "code": "weight_sum_mismatch",
                "message": "权重 3 ≠ 4", "record": "1-1", "location": {"line": 9}})
        );
    }

    #[test]
    fn record_lines_are_what_serialising_record_line_gives() {
        let d = budget_doc();
        let mut buf = Vec::new();
        write_record_lines(&d, "f.txt", &mut buf).unwrap();
        let mut want = Vec::new();
        for (ti, t) in d.tables.iter().enumerate() {
            let columns = || RecordColumns {
                file: "f.txt",
                sha256: &d.source.sha256,
                issuer: d.notice.issuer.as_deref(),
                doc_number: d.notice.doc_number.as_deref(),
                year: d.notice.year,
                table: ti,
                table_kind: t.kind,
                table_title: t.title.as_deref(),
                table_unit: t.unit.as_deref(),
            };
            for r in t.records.performance() {
                write_line(&RecordLine { columns: columns(), record: AnyRecord::Performance(r) }, &mut want).unwrap();
            }
            for r in t.records.budget() {
                write_line(&RecordLine { columns: columns(), record: AnyRecord::Budget(r) }, &mut want).unwrap();
            }
        }
        assert_eq!(String::from_utf8(buf).unwrap(), String::from_utf8(want).unwrap());
    }
}
