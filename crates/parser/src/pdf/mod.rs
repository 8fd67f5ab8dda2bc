//! The PDF reader: PDF exports (Word, WPS, LibreOffice, HTML renderers) into the shared
//! [`SourceGrid`], tables rebuilt from where the page draws its glyphs and rules.
//!
//! lopdf reads the file structure (xref, objects, streams, encryption); everything above it
//! is ours, because extracting text in reading order and tables with merged cells needs
//! positions that lopdf's text extraction does not give:
//!
//! 1. [`interp`] interprets each page's content stream ([`lexer`] tokenizes it) and places
//!    every glyph and ruling segment ([`paint`]) in page space ([`geom`]), decoding strings to Unicode
//!    through [`font`] (ToUnicode, predefined CJK CMaps, embedded font cmaps, encodings).
//! 2. [`page`] lays a page out: [`lattice`] turns the rules into table lattices with merged
//!    cells, [`table`] fills their cells, [`layout`] builds words and lines, and [`stream`]
//!    finds tables drawn without rules from the alignment of their text.
//! 3. [`join`] joins the pages: furniture (page numbers, running headers) out, tables that
//!    continue on the next page into one, rows and merged cells cut by a page break joined.
//! 4. The grid goes to the same table recognition and row rebuild as text and DOCX.
//!
//! Every tolerance is a named setting ([`PdfSettings`]); every bound hostile input could
//! push is a limit ([`PdfLimits`]). `zhibiao debug FILE.pdf` prints what each page held
//! ([`debug`]).

pub mod centred;
pub mod debug;
pub mod font;
pub mod geom;
pub mod interp;
pub mod join;
pub mod lattice;
pub mod layout;
pub mod lexer;
pub mod page;
pub mod paint;
pub mod stream;
pub mod table;

use std::fmt;

use lopdf::{Document, Object, ObjectId};

use crate::error::ReadErrorKind;
use crate::grid::SourceGrid;
use geom::{page_matrix, PageFrame};
use interp::{ContentFault, FontCache, Interpreter, Resources};
use page::PageLayout;
use zhibiao_model::{Issue, Location, Severity};

/// Bounds on the work a PDF can make the reader do. Real notices are far inside them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PdfLimits {
    /// Bytes one page's content (all its streams and forms) may inflate to. A dense table
    /// page is about 100 KB.
    pub max_content_bytes: usize,
    /// Operators one page may run (forms included). A dense table page has about 20,000.
    pub max_operators: u64,
    /// Graphics states `q` may save at once; past it a `q` saves nothing (reported).
    pub max_state_depth: usize,
    /// Form XObjects drawn inside each other.
    pub max_form_depth: usize,
    /// Pages read.
    pub max_pages: usize,
    /// A filled box thinner than this (points) is a rule, not a shaded area.
    pub max_rule_thickness: f32,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_content_bytes: 64 << 20,
            max_operators: 5_000_000,
            max_state_depth: 1024,
            max_form_depth: 32,
            max_pages: 10_000,
            max_rule_thickness: 3.0,
        }
    }
}

/// Every tolerance of the layout analysis, with its limits.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PdfSettings {
    pub limits: PdfLimits,
    pub lattice: lattice::LatticeSettings,
    pub layout: layout::LayoutSettings,
    pub stream: stream::StreamSettings,
    pub join: join::JoinSettings,
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfFault {
    /// lopdf could not parse the file structure (truncated, no usable xref, not a PDF).
    Structure(String),
    /// Encrypted, and the empty password does not open it.
    Encrypted,
    /// The page tree holds no page.
    NoPages,
    /// More pages than [`PdfLimits::max_pages`].
    TooManyPages(usize),
    /// A page's content could not be interpreted within the limits.
    Content { page: u32, fault: ContentFault },
}

impl fmt::Display for PdfFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfFault::Structure(e) => write!(f, "expected a readable PDF, found a damaged or truncated file: {e}"),
            PdfFault::Encrypted => f.write_str(
                "the PDF is encrypted with a password: expected one that opens with an empty password \
                 (remove the password first, e.g. `qpdf --password=PASSWORD --decrypt in.pdf out.pdf`)",
            ),
            PdfFault::NoPages => f.write_str("expected at least one page, found an empty page tree"),
            PdfFault::TooManyPages(n) => write!(f, "expected at most {n} pages"),
            PdfFault::Content { page, fault } => write!(f, "page {page}: {fault}"),
        }
    }
}

/// What reading a PDF gives: the grid, and each page's layout and the joins for the debug view.
pub struct PdfRead {
    pub grid: SourceGrid,
    pub pages: Vec<PageLayout>,
    pub notes: Vec<String>,
}

/// Reads a PDF file's bytes into a grid.
pub fn read_pdf(bytes: &[u8]) -> Result<SourceGrid, ReadErrorKind> {
    read_pdf_with(bytes, &PdfSettings::default()).map(|r| r.grid)
}

fn fault(f: PdfFault) -> ReadErrorKind {
    ReadErrorKind::Pdf(f)
}

pub fn read_pdf_with(bytes: &[u8], settings: &PdfSettings) -> Result<PdfRead, ReadErrorKind> {
    let limits = settings.limits;
    let options = lopdf::LoadOptions { max_decompressed_size: Some(limits.max_content_bytes), ..Default::default() };
    // lopdf is not ours: should it panic on a hostile file, that is this file's error, not the batch's.
    let loaded = std::panic::catch_unwind(|| Document::load_mem_with_options(bytes, options));
    let doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(lopdf::Error::Decryption(_))) | Ok(Err(lopdf::Error::InvalidPassword)) => return Err(fault(PdfFault::Encrypted)),
        Ok(Err(e)) => return Err(fault(PdfFault::Structure(e.to_string()))),
        Err(_) => return Err(fault(PdfFault::Structure("the PDF parser failed on this file".into()))),
    };
    let mut issues = Vec::new();
    if doc.was_encrypted() {
        issues.push(Issue::new(Severity::Info, "pdf_encrypted", "the PDF is encrypted; it opened with the empty password and was read"));
    } else if doc.is_encrypted() {
        return Err(fault(PdfFault::Encrypted));
    }
    if let Some(how) = &doc.xref_recovery {
        issues.push(Issue::new(
            Severity::Info,
            "pdf_repaired",
            format!("the PDF's cross-reference data is damaged; its objects were found by scanning the file ({how:?})"),
        ));
    }
    let page_ids: Vec<ObjectId> = doc.page_iter().take(limits.max_pages.saturating_add(1)).collect();
    if page_ids.is_empty() {
        return Err(fault(PdfFault::NoPages));
    }
    if page_ids.len() > limits.max_pages {
        return Err(fault(PdfFault::TooManyPages(limits.max_pages)));
    }
    let mut fonts = FontCache::default();
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut unmapped: Vec<(String, u32, Vec<u32>)> = Vec::new();
    for (n, &id) in page_ids.iter().enumerate() {
        let number = (n + 1) as u32;
        let frame = frame_of(&doc, id);
        let mut interp = Interpreter::new(&doc, &mut fonts, limits, page_matrix(&frame));
        let content = page_content(&doc, bytes, id, limits.max_content_bytes, number, &mut issues)
            .map_err(|f| fault(PdfFault::Content { page: number, fault: f }))?;
        let res = Resources::of_page(&doc, id);
        interp
            .charge(content.len())
            .and_then(|_| interp.run(&content, &res))
            .map_err(|f| fault(PdfFault::Content { page: number, fault: f }))?;
        let marks = interp.finish();
        for (font, count) in &marks.unmapped {
            match unmapped.iter_mut().find(|(f, _, _)| f == font) {
                Some(entry) => {
                    entry.1 += count;
                    entry.2.push(number);
                }
                None => unmapped.push((font.clone(), *count, vec![number])),
            }
        }
        if marks.dropped_states > 0 || marks.form_cycles > 0 {
            let mut i = Issue::new(
                Severity::Info,
                "pdf_content_repaired",
                format!(
                    "page {number}: {} graphics state(s) nested past {} not saved, {} form(s) that draw themselves not drawn again",
                    marks.dropped_states, limits.max_state_depth, marks.form_cycles
                ),
            );
            i.location = Some(Location { line: None, page: Some(number), column: None });
            issues.push(i);
        }
        pages.push(page::lay_out(number, frame.size(), &marks, settings));
    }
    let scanned: Vec<u32> = pages.iter().filter(|p| p.scanned).map(|p| p.number).collect();
    if !scanned.is_empty() && pages.iter().all(|p| p.scanned || p.chars == 0) {
        return Err(ReadErrorKind::NeedsOcr { pages: scanned, total: pages.len() as u32 });
    }
    for &p in &scanned {
        let mut i = Issue::new(
            Severity::Warning,
            "page_needs_ocr",
            format!("page {p} is a scan (images, no text layer) and was not read: {OCR_HINT}"),
        );
        i.location = Some(Location { line: None, page: Some(p), column: None });
        issues.push(i);
    }
    for (font, count, on) in unmapped {
        issues.push(Issue::new(
            Severity::Warning,
            "glyphs_unmapped",
            format!(
                "{count} glyph(s) of font {font} on page(s) {} have no Unicode meaning (no ToUnicode map, encoding or usable font cmap) and were left out",
                page_list(&on)
            ),
        ));
    }
    let joined = join::assemble(&pages, &settings.join);
    issues.extend(joined.issues);
    let spans_known = pages.iter().flat_map(|p| &p.items).all(|i| match i {
        page::PageItem::Table(t) => t.ruled,
        page::PageItem::Line(_) => true,
    });
    if !spans_known {
        issues.push(Issue::new(
            Severity::Info,
            "table_without_rules",
            "a table has no ruling lines; its cells were found from the alignment of the text, so merged cells are not known",
        ));
    }
    let grid = SourceGrid { blocks: joined.blocks, encoding: None, spans_known, issues };
    Ok(PdfRead { grid, pages, notes: joined.notes })
}

/// How to get a text layer, for errors and issues.
pub const OCR_HINT: &str =
    "run OCR first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf` (or `tesseract page.png out -l chi_sim pdf`), then extract the result";

fn page_list(pages: &[u32]) -> String {
    let mut v: Vec<String> = pages.iter().take(10).map(u32::to_string).collect();
    if pages.len() > 10 {
        v.push(format!("… ({} pages)", pages.len()));
    }
    v.join(", ")
}

/// A page's crop box (inherited, clipped to the media box) and rotation.
fn frame_of(doc: &Document, page: ObjectId) -> PageFrame {
    let inherited = |key: &[u8]| -> Option<&Object> {
        let mut id = page;
        for _ in 0..64 {
            let dict = doc.get_dictionary(id).ok()?;
            if let Ok(v) = dict.get(key) {
                return doc.dereference(v).ok().map(|(_, o)| o);
            }
            id = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        }
        None
    };
    let rect = |key: &[u8]| -> Option<[f32; 4]> {
        let arr = inherited(key)?.as_array().ok()?;
        let v: Vec<f32> = arr.iter().filter_map(|o| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok())).collect();
        match v[..] {
            [a, b, c, d] if [a, b, c, d].iter().all(|x| x.is_finite()) => Some([a.min(c), b.min(d), a.max(c), b.max(d)]),
            _ => None,
        }
    };
    let media = rect(b"MediaBox").unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let crop = rect(b"CropBox")
        .map(|c| [c[0].max(media[0]), c[1].max(media[1]), c[2].min(media[2]), c[3].min(media[3])])
        .filter(|c| c[2] > c[0] && c[3] > c[1])
        .unwrap_or(media);
    let rotate = inherited(b"Rotate").and_then(|o| o.as_i64().ok()).unwrap_or(0).rem_euclid(360);
    let rotate = match rotate {
        90 | 180 | 270 => rotate as u32,
        _ => 0,
    };
    PageFrame { crop, rotate }
}

fn page_issue(severity: Severity, code: &str, page: u32, message: String) -> Issue {
    let mut i = Issue::new(severity, code, message);
    i.location = Some(Location { line: None, page: Some(page), column: None });
    i
}

/// A page's content streams, inflated and concatenated within `limit` bytes, as lopdf's
/// `get_page_content_with_limit` does, plus the repair lopdf leaves undone: a stream whose
/// `/Length` does not resolve to a number (a reference loop, a missing object) is loaded
/// empty, so its bytes are taken from the file up to `endstream`. A stream that cannot be
/// found at all is reported, never skipped in silence.
fn page_content(
    doc: &Document,
    file: &[u8],
    page: ObjectId,
    limit: usize,
    number: u32,
    issues: &mut Vec<Issue>,
) -> Result<Vec<u8>, ContentFault> {
    let mut out = Vec::new();
    for id in doc.get_page_contents(page) {
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            let why = format!("page {number}: content stream {} {} R is missing or not a stream; text it held is lost", id.0, id.1);
            issues.push(page_issue(Severity::Warning, "pdf_content_unreadable", number, why));
            continue;
        };
        let length_known = stream.dict.get(b"Length").ok().and_then(|l| doc.dereference(l).ok()).is_some_and(|(_, l)| l.as_i64().is_ok());
        let recovered;
        let stream = match (stream.content.is_empty() && !length_known, raw_stream(file, id)) {
            (true, Some(raw)) => {
                let why = format!("page {number}: content stream {} {} R has a /Length that does not resolve; it was read up to its endstream", id.0, id.1);
                issues.push(page_issue(Severity::Info, "pdf_repaired", number, why));
                recovered = lopdf::Stream::new(stream.dict.clone(), raw);
                &recovered
            }
            _ => stream,
        };
        let remaining = limit.saturating_sub(out.len());
        match stream.decompressed_content_with_limit(remaining) {
            Ok(data) => out.extend_from_slice(&data),
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(ContentFault::TooLarge(limit))
            }
            // Unfiltered, or a filter that fails: the raw bytes, as viewers try.
            Err(_) if stream.content.len() <= remaining => out.extend_from_slice(&stream.content),
            Err(_) => return Err(ContentFault::TooLarge(limit)),
        }
        out.push(b'\n');
    }
    Ok(out)
}

/// The bytes between `stream` and `endstream` of the last `NUM GEN obj` in the file.
fn raw_stream(file: &[u8], (num, gen): ObjectId) -> Option<Vec<u8>> {
    let head = format!("{num} {gen} obj");
    let starts_object = |i: usize| i == 0 || file.get(i - 1).is_some_and(|b| !b.is_ascii_digit());
    let at = file.windows(head.len()).enumerate().filter(|(i, w)| *w == head.as_bytes() && starts_object(*i)).map(|(i, _)| i).next_back()?;
    let rest = file.get(at..)?;
    let find = |hay: &[u8], pat: &[u8]| hay.windows(pat.len()).position(|w| w == pat);
    let begin = find(rest, b"stream")? + b"stream".len();
    let body = rest.get(begin..)?;
    let body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    let end = find(body, b"endstream")?;
    let data = body.get(..end)?;
    let data = data.strip_suffix(b"\r\n").or_else(|| data.strip_suffix(b"\n")).unwrap_or(data);
    Some(data.to_vec())
}

#[cfg(test)]
mod tests;
