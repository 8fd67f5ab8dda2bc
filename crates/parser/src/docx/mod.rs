//! The DOCX reader: a Word document (written by Word, WPS or LibreOffice) into the shared
//! [`SourceGrid`], with the merged cells the file really has instead of guessed ones.
//!
//! 1. [`package`] opens the ZIP, finds the main document part through `_rels/.rels` and the
//!    page header and footer parts through its relationships, and inflates each part through
//!    a reader bounded against ZIP bombs ([`DocxLimits`]).
//! 2. [`body`] reads each part's XML events once (no DOM; namespaces resolved by [`ns`]) into
//!    paragraphs and tables in body order: text of runs, tracked changes as accepted, content controls and alternate
//!    content read once, cells with `w:gridSpan` / `w:vMerge` / `w:hMerge`, rows with
//!    `w:tblHeader`.
//! 3. [`emit`] turns those into grid blocks: empty paragraphs and page breaks are breaks, a
//!    table's end is a break, merges become explicit `col_span` / `row_span` /
//!    `merged_from_above`, layout tables are unwrapped and nested tables read as text.
//!
//! Page header paragraphs (where a letterhead sits) come first, then the body, then page
//! footer paragraphs that are more than a page number. Everything after the grid — header
//! recognition, row rebuild, the notice — is the same as for text.

pub mod body;
pub mod emit;
pub mod ns;
pub mod package;

use std::fmt;

use crate::error::ReadErrorKind;
use crate::grid::{Block, SourceGrid};
use body::{Item, Part};
use package::{fault, resolve_target, Package};
use zhibiao_model::{Issue, Location, Severity};

/// Bounds on what a DOCX may make the reader do. Real notices are far inside all of them;
/// each exists so that a hostile or broken file fails fast with an error instead of eating
/// memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocxLimits {
    /// Bytes one part may inflate to. A 300-page table's `document.xml` is about 15 MB.
    /// A part that declares more in the ZIP directory is refused before it is inflated.
    pub max_part_bytes: u64,
    /// Bytes all parts together may inflate to.
    pub max_total_bytes: u64,
    /// Inflated-to-compressed ratio a part may reach once past [`Self::ratio_floor_bytes`]:
    /// WordprocessingML deflates 5–40:1, a ZIP bomb up to 1000:1.
    pub max_ratio: u64,
    /// Below this many inflated bytes the ratio is not checked (tiny parts compress oddly).
    pub ratio_floor_bytes: u64,
    /// XML elements open at once. Word's own documents stay under 50.
    pub max_depth: usize,
    /// Tables nested in cells of tables.
    pub max_table_depth: usize,
    /// Grid columns a `w:gridSpan` / `w:gridBefore` may claim.
    pub max_columns: u32,
    /// Paragraphs, table rows and cells one part may hold (a 300-page table has about
    /// 50,000); bounds the memory a part of tiny repeated elements can take.
    pub max_items: usize,
}

impl Default for DocxLimits {
    fn default() -> Self {
        DocxLimits {
            max_part_bytes: 64 << 20,
            max_total_bytes: 128 << 20,
            max_ratio: 100,
            ratio_floor_bytes: 4 << 20,
            max_depth: 512,
            max_table_depth: 16,
            max_columns: 256,
            max_items: 1_000_000,
        }
    }
}

/// Why a DOCX could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxFault {
    /// Not a ZIP archive, or a damaged one.
    NotZip(String),
    /// A part the package needs is not in it; says what the ZIP is instead, where known.
    MissingPart(String),
    /// The part's XML is not well-formed.
    Xml(String),
    /// A part inflates past a [`DocxLimits`] bound.
    TooLarge(String),
    /// Elements or tables nested past a [`DocxLimits`] bound.
    TooDeep(String),
}

impl fmt::Display for DocxFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxFault::NotZip(what) => write!(f, "expected a DOCX (a ZIP package), found {what}"),
            DocxFault::MissingPart(what) => write!(f, "expected the main document part, found {what}"),
            DocxFault::Xml(e) => write!(f, "expected well-formed XML: {e}"),
            DocxFault::TooLarge(e) | DocxFault::TooDeep(e) => f.write_str(e),
        }
    }
}

/// Reads a DOCX file's bytes into a grid.
pub fn read_docx(bytes: &[u8]) -> Result<SourceGrid, ReadErrorKind> {
    read_docx_with(bytes, DocxLimits::default())
}

pub fn read_docx_with(bytes: &[u8], limits: DocxLimits) -> Result<SourceGrid, ReadErrorKind> {
    let mut pkg = Package::open(bytes, limits)?;
    let main = pkg.main_part()?;
    let body = read_part(&mut pkg, &main, &limits)?;
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let dir = if dir.is_empty() { String::new() } else { format!("{dir}/") };
    let rels_part = format!("{dir}_rels/{file}.rels");
    let rels = if pkg.has(&rels_part) { pkg.relationships(&rels_part)? } else { Vec::new() };
    let mut target_of = |id: &String| rels.iter().find(|r| &r.id == id).map(|r| resolve_target(&dir, &r.target));
    let header_parts: Vec<String> = body.header_refs.iter().filter_map(&mut target_of).collect();
    let footer_parts: Vec<String> = body.footer_refs.iter().filter_map(&mut target_of).collect();

    let mut emit = emit::Emitter::default();
    let mut stats = body.stats.clone();
    // Every section may name the same header: a line is read once.
    let mut seen: Vec<String> = Vec::new();
    for name in &header_parts {
        read_furniture(&mut pkg, name, &limits, &mut emit, &mut stats, &mut seen)?;
    }
    emit.items(&body.items);
    for name in &footer_parts {
        read_furniture(&mut pkg, name, &limits, &mut emit, &mut stats, &mut seen)?;
    }

    let mut grid = SourceGrid { blocks: emit.blocks, encoding: None, spans_known: true, issues: Vec::new() };
    report(&stats, &emit.flattened, &mut grid);
    Ok(grid)
}

fn read_part(pkg: &mut Package<'_>, name: &str, limits: &DocxLimits) -> Result<Part, ReadErrorKind> {
    let xml = pkg.part(name)?;
    body::read_part(&xml, limits).map_err(|(at, f)| fault(Some(name), Some(at), f))
}

/// A page header or footer part's lines, as paragraphs, each line once over all such parts.
fn read_furniture(
    pkg: &mut Package<'_>,
    name: &str,
    limits: &DocxLimits,
    emit: &mut emit::Emitter,
    stats: &mut body::Stats,
    seen: &mut Vec<String>,
) -> Result<(), ReadErrorKind> {
    if !pkg.has(name) {
        return Ok(());
    }
    let part = read_part(pkg, name, limits)?;
    merge_stats(stats, &part.stats);
    for text in furniture_lines(&part.items) {
        if !seen.contains(&text) {
            emit.paragraph(&text);
            seen.push(text);
        }
    }
    Ok(())
}

fn merge_stats(into: &mut body::Stats, from: &body::Stats) {
    into.deletions += from.deletions;
    into.insertions += from.insertions;
    into.pictures += from.pictures;
    into.unmapped_symbols += from.unmapped_symbols;
    for f in &from.symbol_fonts {
        if !into.symbol_fonts.contains(f) {
            into.symbol_fonts.push(f.clone());
        }
    }
}

/// The lines of a page header or footer worth reading: not blank, and not just a page
/// number (`- 1 -`, `第 1 页`, `1/3`).
fn furniture_lines(items: &[Item]) -> Vec<String> {
    let mut out = Vec::new();
    let mut grid = emit::Emitter::default();
    grid.items(items);
    for block in grid.blocks {
        let text = match block {
            Block::Paragraph(p) => p.text,
            Block::Row(r) => r.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" "),
            Block::Break(_) => continue,
        };
        if !text.trim().is_empty() && !zhibiao_normalize::classify::is_page_number(&text) {
            out.push(text);
        }
    }
    out
}

/// What the reader saw but did not read as text, as issues of the document.
fn report(stats: &body::Stats, flattened: &[(u32, usize)], grid: &mut SourceGrid) {
    let has_table = grid.blocks.iter().any(|b| matches!(b, Block::Row(_)));
    if stats.deletions > 0 || stats.insertions > 0 {
        grid.issues.push(Issue::new(
            Severity::Info,
            "tracked_changes",
            format!(
                "the document holds tracked changes, read as if accepted: {} insertion(s) kept, {} deletion(s) left out",
                stats.insertions, stats.deletions
            ),
        ));
    }
    if stats.unmapped_symbols > 0 {
        grid.issues.push(Issue::new(
            Severity::Warning,
            "symbol_unmapped",
            format!(
                "{} symbol character(s) in font(s) {} have no Unicode meaning and were left out",
                stats.unmapped_symbols,
                stats.symbol_fonts.join(", ")
            ),
        ));
    }
    if stats.pictures > 0 && !has_table {
        grid.issues.push(Issue::new(
            Severity::Warning,
            "pictures_not_read",
            format!(
                "the document has no table but holds {} picture(s): a table pasted as a picture cannot be read without OCR (e.g. `ocrmypdf -l chi_sim` on a PDF export)",
                stats.pictures
            ),
        ));
    }
    for &(line, col) in flattened {
        let mut issue = Issue::new(
            Severity::Info,
            "nested_table_read_as_text",
            format!("a table nested in the cell at column {col} was read as that cell's text, a line per row"),
        );
        issue.location = Some(Location { line: Some(line), page: None, column: Some(col as u32) });
        grid.issues.push(issue);
    }
}

#[cfg(test)]
mod tests;
