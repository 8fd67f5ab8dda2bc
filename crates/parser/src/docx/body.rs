//! The streaming reader of a WordprocessingML part (`document.xml`, a header, a footer): XML
//! events in, the part's paragraphs and tables out, in body order.
//!
//! No DOM of the file is built: one pass over the XML events keeps a stack of the open elements
//! and builds only what the grid needs — paragraph texts, and tables as rows of cells with
//! their `w:gridSpan`, `w:vMerge`, `w:hMerge` and `w:tblHeader`. Elements are matched by
//! namespace and local name, never by prefix, so a writer that binds the WordprocessingML
//! namespace to another prefix (or to the default namespace) reads the same.
//!
//! What is read as text, and why:
//! - `w:t` (and `m:t` of equations); `w:tab`/`w:ptab` as a space; `w:br`/`w:cr` as a line
//!   break (a page break `w:br w:type="page"` ends a page instead); `w:noBreakHyphen`;
//!   `w:sym` through [`symbol_char`].
//! - Tracked changes as if accepted: `w:ins` and `w:moveTo` kept, `w:del`, `w:moveFrom` and
//!   rows marked deleted dropped — what the document now says.
//! - Field results kept, field instructions (`w:instrText`) dropped; hyperlinks, smart tags,
//!   custom XML and `w:sdt` content controls are transparent (their properties are not text).
//! - `mc:AlternateContent`: the first `mc:Choice` only, else the `mc:Fallback` — writers put
//!   the same text box in both, and reading both would print it twice.
//! - Text boxes (`w:txbxContent`): their paragraphs are paragraphs of their own, placed
//!   before the paragraph that anchors them.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::ns::{Namespaces, Ns};
use super::{DocxFault, DocxLimits};

/// One element of a part in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Paragraph(String),
    /// A hard page or section break.
    PageBreak,
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<TableCell>,
    /// `w:tblHeader`: repeated at the top of every page.
    pub header: bool,
    /// Deleted as a tracked change (`w:trPr/w:del`).
    pub deleted: bool,
    /// Grid columns left empty before the first cell and after the last.
    pub grid_before: u32,
    pub grid_after: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    pub items: Vec<Item>,
    pub grid_span: u32,
    pub v_merge: Merge,
    pub h_merge: Merge,
}

impl Default for TableCell {
    fn default() -> Self {
        TableCell { items: Vec::new(), grid_span: 1, v_merge: Merge::None, h_merge: Merge::None }
    }
}

/// What one part holds, with what was seen but not read as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    pub items: Vec<Item>,
    /// Relationship ids of the page headers and footers the sections name.
    pub header_refs: Vec<String>,
    pub footer_refs: Vec<String>,
    pub stats: Stats,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// `w:del` / `w:moveFrom` runs and rows marked deleted, left out.
    pub deletions: usize,
    /// `w:ins` / `w:moveTo` runs kept.
    pub insertions: usize,
    /// Pictures (`a:blip`, `v:imagedata`): text in them cannot be read.
    pub pictures: usize,
    /// `w:sym` characters in a symbol font without a Unicode meaning, left out.
    pub unmapped_symbols: usize,
    /// Fonts of those symbols.
    pub symbol_fonts: Vec<String>,
}

/// The open elements the reader acts on; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    R,
    PPr,
    T,
    Tbl,
    Tr,
    TrPr,
    Tc,
    TcPr,
    AltContent,
    SectPr,
    Other,
}

/// Reads one part from its XML, as a stream of events; limits bound the nesting. A fault
/// comes with the byte of the part where it was found.
pub fn read_part(xml: &[u8], limits: &DocxLimits) -> Result<Part, (u64, DocxFault)> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    config.trim_text(false);
    let mut st = State::default();
    let mut names = Namespaces::default();
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => return Err((reader.error_position(), DocxFault::Xml(e.to_string()))),
        };
        let at = reader.buffer_position();
        match event {
            Event::Start(e) => {
                let depth = st.stack.len();
                names.enter(&e, depth);
                let ns = names.element(e.name().as_ref());
                if st.open(ns, &e, false, limits).map_err(|f| (at, f))? {
                    // Nothing inside is read: the XML reader finds the end, and checks the
                    // content is well-formed, without handing out its events.
                    if let Err(err) = reader.read_to_end(e.name()) {
                        return Err((reader.error_position(), DocxFault::Xml(err.to_string())));
                    }
                    st.close();
                    names.leave(depth);
                }
            }
            Event::Empty(e) => {
                let depth = st.stack.len();
                names.enter(&e, depth);
                let ns = names.element(e.name().as_ref());
                st.open(ns, &e, true, limits).map_err(|f| (at, f))?;
                st.close();
                names.leave(depth);
            }
            Event::End(_) => {
                st.close();
                names.leave(st.stack.len());
            }
            Event::Text(t) => st.text(&t.xml10_content()),
            Event::CData(t) => st.text(&t.xml10_content()),
            Event::GeneralRef(r) => st.text(&resolve_ref(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    if !st.stack.is_empty() {
        return Err((reader.buffer_position(), DocxFault::Xml(format!("expected the end of {} open element(s), found the end of the part", st.stack.len()))));
    }
    st.flush_loose();
    let mut part = Part { items: st.containers.into_iter().next().unwrap_or_default(), ..Default::default() };
    part.header_refs = st.header_refs;
    part.footer_refs = st.footer_refs;
    part.stats = st.stats;
    Ok(part)
}

/// A paragraph being read.
#[derive(Default)]
struct ParaBuf {
    text: String,
    page_break: bool,
}

struct State {
    stack: Vec<Tag>,
    /// Item lists: the part's body first, then each open table cell.
    containers: Vec<Vec<Item>>,
    paras: Vec<ParaBuf>,
    tables: Vec<Table>,
    cells: Vec<TableCell>,
    /// Per open `mc:AlternateContent`: whether a branch was taken.
    alternates: Vec<bool>,
    /// Text outside any paragraph (malformed, but not to be lost).
    loose: String,
    header_refs: Vec<String>,
    footer_refs: Vec<String>,
    stats: Stats,
    /// Paragraphs, rows and cells opened so far, against [`DocxLimits::max_items`].
    items: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            stack: Vec::new(),
            containers: vec![Vec::new()],
            paras: Vec::new(),
            tables: Vec::new(),
            cells: Vec::new(),
            alternates: Vec::new(),
            loose: String::new(),
            header_refs: Vec::new(),
            footer_refs: Vec::new(),
            stats: Stats::default(),
            items: 0,
        }
    }
}

fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.normalized_value(XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_else(|_| a.value.to_string()))
}

/// An on/off property: present without `w:val`, or with a true value.
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}

fn merge_of(e: &BytesStart<'_>) -> Merge {
    match attr(e, "val").as_deref() {
        Some("restart") => Merge::Restart,
        _ => Merge::Continue,
    }
}

fn number(e: &BytesStart<'_>) -> u32 {
    attr(e, "val").and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}

impl State {
    fn parent(&self) -> Option<Tag> {
        self.stack.last().copied()
    }

    /// Opens an element; true when its content is to be skipped unread (properties, deleted
    /// text, field instructions, a second alternate).
    fn open(&mut self, ns: Ns, e: &BytesStart<'_>, empty: bool, limits: &DocxLimits) -> Result<bool, DocxFault> {
        if self.stack.len() >= limits.max_depth {
            return Err(DocxFault::TooDeep(format!("expected XML nested at most {} elements deep, found deeper", limits.max_depth)));
        }
        let local = e.local_name();
        let name = local.as_ref();
        if ns == Ns::W && matches!(name, "p" | "tr" | "tc") {
            self.items += 1;
            if self.items > limits.max_items {
                return Err(DocxFault::TooLarge(format!(
                    "expected at most {} paragraphs, rows and cells in a part, found more",
                    limits.max_items
                )));
            }
        }
        let parent = self.parent();
        let mut tag = Tag::Other;
        let mut skip = false;
        match (ns, name) {
            (Ns::W, "p") => {
                self.flush_loose();
                self.paras.push(ParaBuf::default());
                tag = Tag::P;
            }
            (Ns::W, "pPr") => tag = Tag::PPr,
            (Ns::W, "pageBreakBefore") if parent == Some(Tag::PPr) && on(e) && self.paras.last().is_some_and(|p| p.text.is_empty()) => {
                self.push_item(Item::PageBreak);
            }
            (Ns::W, "r") => tag = Tag::R,
            (Ns::W, "t") | (Ns::Math, "t") => tag = Tag::T,
            // Inside a run only: `w:tab` is also a tab stop in `w:pPr/w:tabs`.
            (Ns::W, "tab" | "ptab") if parent == Some(Tag::R) => self.push_text(" "),
            (Ns::W, "br") if parent == Some(Tag::R) => match attr(e, "type").as_deref() {
                Some("page") => match self.paras.last_mut() {
                    Some(p) => p.page_break = true,
                    None => self.push_item(Item::PageBreak),
                },
                _ => self.push_text("\n"),
            },
            (Ns::W, "cr") if parent == Some(Tag::R) => self.push_text("\n"),
            (Ns::W, "noBreakHyphen") if parent == Some(Tag::R) => self.push_text("-"),
            (Ns::W, "sym") if parent == Some(Tag::R) => {
                let font = attr(e, "font").unwrap_or_default();
                match attr(e, "char").and_then(|c| u32::from_str_radix(c.trim(), 16).ok()).and_then(|c| symbol_char(&font, c)) {
                    Some(c) => self.push_text(c.encode_utf8(&mut [0; 4])),
                    None => {
                        self.stats.unmapped_symbols += 1;
                        if !self.stats.symbol_fonts.contains(&font) {
                            self.stats.symbol_fonts.push(font);
                        }
                    }
                }
            }
            (Ns::W, "del" | "moveFrom") => {
                if parent == Some(Tag::TrPr) {
                    if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                        row.deleted = true;
                        self.stats.deletions += 1;
                    }
                } else if !empty {
                    // Deleted runs (an empty w:del elsewhere marks no text).
                    self.stats.deletions += 1;
                    skip = true;
                }
            }
            // Inserted runs are read like any others; only counted.
            (Ns::W, "ins" | "moveTo") if !empty && parent != Some(Tag::TrPr) => self.stats.insertions += 1,
            (Ns::W, "delText" | "instrText" | "delInstrText" | "sdtPr" | "sdtEndPr" | "rPr" | "tblPr" | "tblGrid") => skip = true,
            (Ns::W, "tbl") => {
                if self.tables.len() >= limits.max_table_depth {
                    return Err(DocxFault::TooDeep(format!("expected tables nested at most {} deep, found deeper", limits.max_table_depth)));
                }
                self.flush_loose();
                self.tables.push(Table::default());
                tag = Tag::Tbl;
            }
            (Ns::W, "tr") => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Row::default());
                }
                tag = Tag::Tr;
            }
            (Ns::W, "trPr") => tag = Tag::TrPr,
            (Ns::W, "tblHeader") if parent == Some(Tag::TrPr) => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.header = on(e);
                }
            }
            (Ns::W, "gridBefore") if parent == Some(Tag::TrPr) => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.grid_before = number(e).min(limits.max_columns);
                }
            }
            (Ns::W, "gridAfter") if parent == Some(Tag::TrPr) => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.grid_after = number(e).min(limits.max_columns);
                }
            }
            (Ns::W, "tc") => {
                self.flush_loose();
                self.cells.push(TableCell::default());
                self.containers.push(Vec::new());
                tag = Tag::Tc;
            }
            (Ns::W, "tcPr") => tag = Tag::TcPr,
            (Ns::W, "gridSpan") if parent == Some(Tag::TcPr) => {
                if let Some(c) = self.cells.last_mut() {
                    c.grid_span = number(e).clamp(1, limits.max_columns);
                }
            }
            (Ns::W, "vMerge") if parent == Some(Tag::TcPr) => {
                if let Some(c) = self.cells.last_mut() {
                    c.v_merge = merge_of(e);
                }
            }
            (Ns::W, "hMerge") if parent == Some(Tag::TcPr) => {
                if let Some(c) = self.cells.last_mut() {
                    c.h_merge = merge_of(e);
                }
            }
            (Ns::W, "sectPr") => tag = Tag::SectPr,
            (Ns::W, "headerReference" | "footerReference") if parent == Some(Tag::SectPr) => {
                if let Some(id) = attr(e, "id") {
                    let refs = if name == "headerReference" { &mut self.header_refs } else { &mut self.footer_refs };
                    if !refs.contains(&id) {
                        refs.push(id);
                    }
                }
            }
            (Ns::Mc, "AlternateContent") => {
                self.alternates.push(false);
                tag = Tag::AltContent;
            }
            (Ns::Mc, "Choice") => match self.alternates.last_mut() {
                Some(taken) if !*taken => *taken = true,
                _ => skip = true,
            },
            (Ns::Mc, "Fallback") => match self.alternates.last_mut() {
                Some(taken) if !*taken => *taken = true,
                _ => skip = true,
            },
            (Ns::Other, "blip" | "imagedata") => self.stats.pictures += 1,
            _ => {}
        }
        self.stack.push(tag);
        Ok(skip && !empty)
    }

    fn close(&mut self) {
        let Some(tag) = self.stack.pop() else { return };
        match tag {
            Tag::P => {
                if let Some(p) = self.paras.pop() {
                    self.push_item(Item::Paragraph(p.text));
                    if p.page_break {
                        self.push_item(Item::PageBreak);
                    }
                }
            }
            Tag::Tc => {
                let items = if self.containers.len() > 1 { self.containers.pop().unwrap_or_default() } else { Vec::new() };
                let mut cell = self.cells.pop().unwrap_or_default();
                cell.items = items;
                match self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    Some(row) => row.cells.push(cell),
                    // A cell outside a row: keep its text as body items.
                    None => {
                        for item in cell.items {
                            self.push_item(item);
                        }
                    }
                }
            }
            Tag::Tbl => {
                if let Some(t) = self.tables.pop() {
                    self.push_item(Item::Table(t));
                }
            }
            // A section break inside a paragraph's properties starts a new page.
            Tag::SectPr if self.parent() == Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.page_break = true;
                }
            }
            Tag::AltContent => {
                self.alternates.pop();
            }
            _ => {}
        }
    }

    fn push_item(&mut self, item: Item) {
        let Some(c) = self.containers.last_mut() else { return };
        // A run of empty paragraphs is one break: spacing, not content.
        let blank = |i: &Item| matches!(i, Item::Paragraph(t) if t.trim().is_empty());
        if blank(&item) && c.last().is_some_and(|last| blank(last) || matches!(last, Item::PageBreak)) {
            return;
        }
        c.push(item);
    }

    /// Character data: document text only inside `w:t`; elsewhere it is the white space
    /// between elements.
    fn text(&mut self, s: &str) {
        if self.parent() == Some(Tag::T) {
            self.push_text(s);
        }
    }

    fn push_text(&mut self, s: &str) {
        match self.paras.last_mut() {
            Some(p) => p.text.push_str(s),
            None => self.loose.push_str(s),
        }
    }

    fn flush_loose(&mut self) {
        if !self.loose.trim().is_empty() {
            let text = std::mem::take(&mut self.loose);
            self.push_item(Item::Paragraph(text));
        }
        self.loose.clear();
    }
}

/// The text of `&name;`: a character reference, one of XML's five entities, or (an entity
/// no DTD defines here) the reference as written rather than nothing.
fn resolve_ref(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = r.xml10_content();
    match name.as_ref() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => format!("&{other};"),
    }
}

/// The Unicode character a `w:sym` stands for. Symbol fonts put their glyphs at `F0xx`; the
/// few the notices use (check boxes, ticks, bullets, arithmetic) are mapped, and a character
/// outside the private use area is itself. Anything else has no Unicode meaning to give.
pub fn symbol_char(font: &str, code: u32) -> Option<char> {
    let low = if (0xF000..=0xF0FF).contains(&code) { code - 0xF000 } else { code };
    let f = font.to_ascii_lowercase();
    let mapped = if f == "symbol" {
        match low {
            0xB4 => Some('×'),
            0xB8 => Some('÷'),
            0xB1 => Some('±'),
            0xA3 => Some('≤'),
            0xB3 => Some('≥'),
            0xB0 => Some('°'),
            0xB7 => Some('•'),
            0xD6 => Some('√'),
            0xAE => Some('→'),
            0x2D => Some('−'),
            0x20..=0x7E if !(0x41..=0x7A).contains(&low) => char::from_u32(low),
            _ => None,
        }
    } else if f == "wingdings" {
        match low {
            0xFC => Some('✓'),
            0xFB => Some('✗'),
            0xFD => Some('☒'),
            0xFE => Some('☑'),
            0xA8 => Some('□'),
            0x6F => Some('□'),
            0x6C => Some('●'),
            0x9F => Some('•'),
            0xA7 => Some('▪'),
            _ => None,
        }
    } else if f == "wingdings 2" {
        match low {
            0x50 => Some('✓'),
            0x52 => Some('☑'),
            0x54 => Some('☒'),
            0xA3 => Some('□'),
            0x4F => Some('✗'),
            _ => None,
        }
    } else {
        None
    };
    mapped.or_else(|| {
        let c = char::from_u32(code)?;
        (!(0xE000..=0xF8FF).contains(&code) && !c.is_control()).then_some(c)
    })
}
