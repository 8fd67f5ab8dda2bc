//! zhibiao: rebuild the performance-indicator tables of archived Chinese government notices
//! into structured records.
//!
//! This is the thin library facade over the workspace crates: [`extract`] reads one file and
//! returns its [`Document`] (the JSON contract of `shared/spec/output-schema.md`);
//! [`debug_view`] returns what the algorithm saw. The work happens in `zhibiao-parser`
//! (readers, grid, table recognition, row rebuild), `zhibiao-normalize` (field rules and
//! checks) and `zhibiao-export` (writers). [`batch`] turns an archive into one dataset;
//! [`schema`] gives the JSON Schema of every file it writes.

pub mod batch;
pub mod schema;

use std::path::Path;

use sha2::{Digest, Sha256};
pub use zhibiao_model as model;
use zhibiao_model::{Document, Format, Generator, Source, SCHEMA_VERSION};
pub use zhibiao_parser::error::{ReadError, ReadErrorKind};
use zhibiao_parser::grid::{Block, SourceGrid};

/// How to read the input.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a text encoding (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `gbk`) instead of
    /// detecting it.
    pub encoding: Option<String>,
}

/// Reads and extracts one file with default options.
pub fn extract(path: impl AsRef<Path>) -> Result<Document, ReadError> {
    extract_with(path.as_ref(), &Options::default())
}

/// Reads and extracts one file.
pub fn extract_with(path: &Path, options: &Options) -> Result<Document, ReadError> {
    let (name, bytes) = read(path)?;
    extract_from_bytes(&name, &bytes, options).map_err(|e| with_path(e, path))
}

/// Errors name the file as the user gave it, so a failed file in a batch can be found.
fn with_path(mut e: ReadError, path: &Path) -> ReadError {
    e.file = path.display().to_string();
    e
}

fn read(path: &Path) -> Result<(String, Vec<u8>), ReadError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path).map_err(|e| ReadError { file: path.display().to_string(), kind: ReadErrorKind::Io(e) })?;
    Ok((name, bytes))
}

/// The format a file is in, from its first bytes and then its name: the bytes decide, so a
/// DOCX saved as `.txt` is still read as DOCX and a text file named `.docx` is not unzipped.
fn sniff(name: &str, bytes: &[u8]) -> Result<Format, ReadErrorKind> {
    let lower = name.to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Format::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || lower.ends_with(".doc") {
        return Err(ReadErrorKind::Unsupported {
            format: "doc (legacy binary Word, or an encrypted DOCX)".into(),
            hint: "convert it to .docx first, e.g. `libreoffice --headless --convert-to docx FILE.doc`; an encrypted DOCX must be saved without its password".into(),
        });
    }
    if lower.ends_with(".docx") || lower.ends_with(".docm") || lower.ends_with(".dotx") {
        return Ok(Format::Docx);
    }
    // The header may follow some junk (PDF 32000-1 §7.5.2 lets viewers look in the first KB).
    if bytes.get(..1024).unwrap_or(bytes).windows(5).any(|w| w == b"%PDF-") || lower.ends_with(".pdf") {
        return Ok(Format::Pdf);
    }
    Ok(if lower.ends_with(".md") || lower.ends_with(".markdown") { Format::Markdown } else { Format::Text })
}

/// Extracts from bytes already read: `name` is the file name the document's `source.file`
/// and errors carry.
pub fn extract_from_bytes(name: &str, bytes: &[u8], options: &Options) -> Result<Document, ReadError> {
    run(name, bytes, None, options, false).map(|(doc, _)| doc)
}

/// [`extract_from_bytes`] for a caller that has already hashed the bytes (a batch hashes them
/// to decide whether the input needs extracting at all).
pub(crate) fn extract_hashed(name: &str, bytes: &[u8], sha256: String, options: &Options) -> Result<Document, ReadError> {
    run(name, bytes, Some(sha256), options, false).map(|(doc, _)| doc)
}

/// This program, as written into every document's `generator`.
pub fn generator() -> Generator {
    Generator { name: env!("CARGO_PKG_NAME").to_string(), version: env!("CARGO_PKG_VERSION").to_string() }
}

/// Extracts from bytes already read; also returns the debug view.
pub fn extract_bytes(name: &str, bytes: &[u8], options: &Options) -> Result<(Document, String), ReadError> {
    run(name, bytes, None, options, true).map(|(doc, view)| (doc, view.unwrap_or_default()))
}

/// Reads and extracts; renders the debug view only when asked. `sha256` is the hex hash of
/// `bytes` when the caller has it.
fn run(
    name: &str,
    bytes: &[u8],
    sha256: Option<String>,
    options: &Options,
    debug: bool,
) -> Result<(Document, Option<String>), ReadError> {
    let fail = |kind| ReadError { file: name.to_string(), kind };
    let format = sniff(name, bytes).map_err(fail)?;
    let mut reader_view = None;
    let grid = match format {
        Format::Docx => zhibiao_parser::docx::read_docx(bytes).map_err(fail)?,
        Format::Pdf => {
            let read = zhibiao_parser::pdf::read_pdf_with(bytes, &Default::default()).map_err(fail)?;
            if debug {
                reader_view = Some(zhibiao_parser::pdf::debug::render(&read));
            }
            read.grid
        }
        _ => zhibiao_parser::text::read_text_bytes(bytes, options.encoding.as_deref()).map_err(fail)?,
    };
    let trace = if debug { zhibiao_parser::trace::Trace::default() } else { zhibiao_parser::trace::Trace::off() };
    let ex = zhibiao_parser::extract_grid_with(&grid, trace);
    let mut issues = ex.issues;
    let mut tables = ex.tables;
    for table in &tables {
        issues.extend(zhibiao_normalize::checks::check_table(table, &ex.notice));
    }
    zhibiao_normalize::confidence::settle(&mut tables, &mut issues);
    issues.sort_by_key(|i| i.location.as_ref().and_then(|l| l.line).unwrap_or(0));
    let doc = Document {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: Some(generator()),
        source: Source {
            file: name.to_string(),
            format,
            sha256: sha256.unwrap_or_else(|| sha256_hex(bytes)),
            encoding: grid.encoding.clone(),
        },
        notice: ex.notice,
        tables,
        issues,
    };
    let view = debug.then(|| reader_view.unwrap_or_default() + &render_debug(&grid, &ex.trace.lines, &doc));
    Ok((doc, view))
}

/// Hex SHA-256 of the bytes, as `source.sha256` carries it.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The debug view of one file: the grid as read, the column maps and row placements, and the
/// repairs applied to each record.
pub fn debug_view(path: &Path, options: &Options) -> Result<String, ReadError> {
    let (name, bytes) = read(path)?;
    extract_bytes(&name, &bytes, options).map(|(_, view)| view).map_err(|e| with_path(e, path))
}

fn render_debug(grid: &SourceGrid, trace: &[String], doc: &Document) -> String {
    let mut out = String::new();
    let read = match (&grid.encoding, grid.spans_known) {
        (Some(enc), _) => format!("text, encoding {enc}"),
        (None, true) => "merged cells known: ↓n a cell spanning n rows, ↑ covered from above, ← covered from the left; H a row marked as a repeated header; line = block ordinal".to_string(),
        (None, false) => "text".to_string(),
    };
    out.push_str(&format!("== grid ({} blocks; {read}) ==\n", grid.blocks.len()));
    for block in &grid.blocks {
        match block {
            Block::Paragraph(p) => out.push_str(&format!("{:>5} P  {}\n", p.pos.line, clip(&p.text, 60))),
            Block::Row(r) => {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let mark = match (c.row_span, c.merged_from_above, c.merged_from_left) {
                            (_, true, _) => "↑".to_string(),
                            (_, _, true) => "←".to_string(),
                            (n, _, _) if n > 1 => format!("↓{n}"),
                            _ => String::new(),
                        };
                        format!("[{i}{mark}]{}", clip(&c.text, 14))
                    })
                    .collect();
                let kind = if r.header_marked { "H" } else { "R" };
                out.push_str(&format!("{:>5} {kind}  {}\n", r.pos.line, cells.join(" ")));
            }
            Block::Break(_) => {}
        }
    }
    out.push_str("\n== tables: column maps and row placement ==\n");
    for line in trace {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("\n== records and repairs ==\n");
    for t in &doc.tables {
        for (id, provenance) in t.records.provenances() {
            out.push_str(&format!("{:<8} lines {:?}\n", id, provenance.lines));
            for rep in &provenance.repairs {
                out.push_str(&format!("           - {rep}\n"));
            }
        }
    }
    out.push_str("\n== issues ==\n");
    for i in &doc.issues {
        let line = i.location.as_ref().and_then(|l| l.line).map(|l| format!("line {l}")).unwrap_or_default();
        out.push_str(&format!("{:?} {} {} {}: {}\n", i.severity, i.code, i.record.as_deref().unwrap_or("-"), line, i.message));
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    let s = s.replace('\n', "⏎").replace('\u{2028}', "↩");
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n).collect::<String>())
    } else {
        s
    }
}
