//! The format-independent cell grid every reader produces.
//!
//! A source document becomes a sequence of [`Block`]s in reading order: prose paragraphs and
//! table rows. Table recognition and row rebuild only ever see this type, so they are written
//! once for text, DOCX and PDF. Readers that know more than text does (merged cells, pages,
//! positions) fill the optional fields; the text reader leaves them at their defaults.

/// A position in the source, carried by every cell and paragraph so that repairs and issues
/// can point back to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourcePos {
    /// 1-based physical line (text) or paragraph/row ordinal (DOCX, PDF).
    pub line: u32,
    /// 1-based page, where the format has pages.
    pub page: Option<u32>,
}

/// A rectangle on a page, in PDF points, origin top-left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// One table cell as the reader saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Raw text, trimmed of surrounding white space; line breaks inside a cell are `\n`.
    pub text: String,
    /// Rows this cell spans downwards (1 = not merged). Text readers cannot know and say 1.
    pub row_span: u32,
    /// Grid columns this cell spans (1 = not merged).
    pub col_span: u32,
    /// True when the cell continues a merged cell started on an earlier row (`w:vMerge`
    /// continue): it has no text of its own.
    pub merged_from_above: bool,
    /// True when the cell is a column covered by the cell to its left (`w:gridSpan`,
    /// `w:hMerge` continue): it is there only so that positions stay grid columns.
    pub merged_from_left: bool,
    pub bbox: Option<BBox>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell { text: text.into(), row_span: 1, col_span: 1, merged_from_above: false, merged_from_left: false, bbox: None }
    }
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// One table row: cells in column order (empty cells included, so positions are columns).
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub cells: Vec<Cell>,
    pub pos: SourcePos,
    /// True when the source marks the row as a header repeated at the top of every page
    /// (DOCX `w:tblHeader`). Text cannot say and leaves it false.
    pub header_marked: bool,
}

impl GridRow {
    pub fn new(cells: Vec<Cell>, pos: SourcePos) -> Self {
        GridRow { cells, pos, header_marked: false }
    }
    /// Text of cell `i`, or `""` past the end: rows are ragged.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(|c| c.text.as_str()).unwrap_or("")
    }
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
    /// Indices of the non-empty cells.
    pub fn filled(&self) -> impl Iterator<Item = usize> + '_ {
        self.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, _)| i)
    }
}

/// A paragraph of prose (a line without cell separators in text input).
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    pub pos: SourcePos,
}

/// One element of the document in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Row(GridRow),
    /// A visual break: an empty line in text, a page or table boundary elsewhere. Table
    /// recognition uses it to split page blocks.
    Break(SourcePos),
}

/// What a reader hands to table recognition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceGrid {
    pub blocks: Vec<Block>,
    /// The encoding the reader decoded, for text formats.
    pub encoding: Option<String>,
    /// True when the reader knows merged cells (DOCX `w:vMerge`, a PDF lattice): a cell with
    /// `row_span` 1 is then known not to be merged. Text readers cannot know and say false.
    pub spans_known: bool,
    /// What the reader saw but could not turn into blocks (symbols without a Unicode
    /// meaning, pictures, tracked deletions dropped…), reported with the document's issues.
    pub issues: Vec<zhibiao_model::Issue>,
}

impl SourceGrid {
    /// The prose paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
    }
}

/// Adds `more` to a cell's text as a line of its own (nothing when it is empty): how every
/// reader puts together a cell printed in pieces (paragraphs, a cell cut by a page break).
pub(crate) fn append_line(to: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push('\n');
    }
    to.push_str(more);
}
