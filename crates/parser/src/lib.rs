//! Readers per format → one shared cell grid → table recognition → row rebuild.
//!
//! Every reader (text, DOCX, PDF) turns its input into a [`grid::SourceGrid`]:
//! prose paragraphs and table rows with their source positions. Everything after that —
//! finding the header rows ([`header`]), the tables and their page blocks ([`region`]),
//! rebuilding records from broken rows ([`rebuild`]), reading the notice metadata from the
//! prose ([`notice`]) — works on the grid alone, so it is written once for all formats.

pub mod grid;
pub mod header;
pub mod rebuild;
pub mod region;
pub mod trace;

use zhibiao_model::{Issue, Notice, Severity, Table};

/// What the parser read from one document's grid.
pub struct Extraction {
    pub notice: Notice,
    pub tables: Vec<Table>,
    pub issues: Vec<Issue>,
    pub trace: trace::Trace,
}

/// Recognises and rebuilds every table of a grid and reads the notice around them, with the
/// debug trace.
pub fn extract_grid(grid: &grid::SourceGrid) -> Extraction {
    extract_grid_with(grid, trace::Trace::default())
}

/// [`extract_grid`] into the given trace ([`trace::Trace::off`] to record none).
pub fn extract_grid_with(grid: &grid::SourceGrid, mut trace: trace::Trace) -> Extraction {
    // Texts repeat within a document, not across: each document starts with no folds
    // remembered, so the memory stays small and timings do not depend on the batch.
    zhibiao_normalize::text::forget_folds();
    let notice = notice::read_notice(grid);
    let mut issues = grid.issues.clone();
    let mut tables = Vec::new();
    let regions = region::find_regions(grid);
    // Table rows above any table header: no table takes them, but they are not lost.
    for row in &regions.stray_rows {
        let cells: Vec<_> = row.filled().map(|i| rebuild::row::PlacedCell::at(row, i)).collect();
        rebuild::report_unplaced(&cells, None, row.pos.line, &mut issues);
    }
    for (header, rows) in &regions.other_tables {
        let labels: Vec<&str> = header.filled().map(|i| header.cell(i)).collect();
        issues.push(
            Issue::new(
                Severity::Info,
                "table_not_read",
                format!("a table of another kind ({}) and its {rows} rows are not an indicator table; not read", labels.join(" | ")),
            )
            .at_line(header.pos.line),
        );
    }
    for region in regions.tables {
        let rebuilt = rebuild::rebuild(&region, &notice, &mut trace);
        issues.extend(rebuilt.issues);
        tables.push(rebuilt.table);
    }
    if tables.is_empty() {
        // Point at the line that names the missing attachment, where there is one.
        let named = grid.paragraphs().filter(|p| {
            let s: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
            s.starts_with("附件") && s.chars().count() > 3
        });
        let issue = match named.last() {
            Some(p) => Issue::new(
                Severity::Warning,
                "table_missing",
                format!("no indicator table was found; the notice names an attachment that is not in the file: '{}'", p.text.trim()),
            )
            .at_line(p.pos.line),
            None => Issue::new(Severity::Warning, "table_missing", "no indicator table was found in the document"),
        };
        issues.push(issue);
    }
    Extraction { notice, tables, issues, trace }
}
pub mod docx;
pub mod error;
pub mod notice;
pub mod pdf;
pub mod text;
