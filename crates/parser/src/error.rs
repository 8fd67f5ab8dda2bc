//! Errors of the readers, as values that say where the input went wrong.
//!
//! A reader that cannot turn its input into a grid returns a [`ReadError`]: the file, the place
//! (a byte offset for text) and what was expected there, so a researcher running a batch over
//! an archive can find and fix the one bad file without a debugger. Readers never panic on
//! input; everything they reject ends up here.

use std::fmt;

/// A file that could not be read into a [`crate::grid::SourceGrid`].
#[derive(Debug)]
pub struct ReadError {
    /// The file as the caller named it.
    pub file: String,
    pub kind: ReadErrorKind,
}

/// Why a file could not be read, with the place in the input where that was found.
#[derive(Debug)]
pub enum ReadErrorKind {
    /// The file could not be read at all.
    Io(std::io::Error),
    /// The bytes are not text (NUL bytes outside UTF-16, or mostly control characters);
    /// `offset` is the first offending byte.
    NotText { offset: u64, reason: String },
    /// The bytes are not valid in `encoding`; `offset` is the first byte of the first malformed
    /// sequence.
    Decode { encoding: String, offset: u64 },
    /// The caller asked for an encoding the text reader does not know.
    UnknownEncoding(String),
    /// The file is a DOCX that cannot be read: `part` names the package member (None for the
    /// ZIP itself), `offset` the byte in that part's inflated XML where it went wrong.
    Docx { part: Option<String>, offset: Option<u64>, fault: crate::docx::DocxFault },
    /// The file is a PDF that cannot be read.
    Pdf(crate::pdf::PdfFault),
    /// The file is a PDF of scanned pages: `pages` (of `total`) are images with no text layer.
    NeedsOcr { pages: Vec<u32>, total: u32 },
    /// The file is in a format this reader does not handle (a PDF or DOCX given to the text
    /// reader); `hint` says what to do instead.
    Unsupported { format: String, hint: String },
}

/// The encoding names a caller may force, for error messages and `--help`.
pub const KNOWN_ENCODINGS: &str = "utf-8, utf-16le, utf-16be, utf-16, gb18030, gbk, gb2312";

impl ReadError {
    pub fn new(file: impl Into<String>, kind: ReadErrorKind) -> Self {
        ReadError {
            file: file.into(),
            kind,
        }
    }

    /// The byte offset the error points at, where the kind has one.
    pub fn offset(&self) -> Option<u64> {
        match &self.kind {
            ReadErrorKind::NotText { offset, .. } | ReadErrorKind::Decode { offset, .. } => {
                Some(*offset)
            }
            ReadErrorKind::Docx { offset, .. } => *offset,
            _ => None,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.kind)
    }
}

impl fmt::Display for ReadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadErrorKind::Io(err) => write!(f, "cannot read the file: {err}"),
            ReadErrorKind::NotText { offset, reason } => {
                write!(f, "byte {offset}: expected text, found {reason}")
            }
            ReadErrorKind::Decode { encoding, offset } => write!(
                f,
                "byte {offset}: expected valid {encoding}, found a malformed byte sequence \
                 (force another encoding with --encoding, one of {KNOWN_ENCODINGS})"
            ),
            ReadErrorKind::UnknownEncoding(name) => {
                write!(
                    f,
                    "unknown encoding {name:?}: expected one of {KNOWN_ENCODINGS}"
                )
            }
            ReadErrorKind::Docx { part, offset, fault } => {
                if let Some(part) = part {
                    write!(f, "{part}: ")?;
                }
                if let Some(offset) = offset {
                    write!(f, "byte {offset}: ")?;
                }
                write!(f, "{fault}")
            }
            ReadErrorKind::Pdf(fault) => write!(f, "{fault}"),
            ReadErrorKind::NeedsOcr { pages, total } => write!(
                f,
                "expected a text layer, found {} of {total} page(s) that are scanned images with no text: {}",
                pages.len(),
                crate::pdf::OCR_HINT
            ),
            ReadErrorKind::Unsupported { format, hint } => {
                write!(f, "byte 0: expected text, found a {format} file: {hint}")
            }
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.kind.source()
    }
}

impl std::error::Error for ReadErrorKind {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl From<std::io::Error> for ReadErrorKind {
    fn from(err: std::io::Error) -> Self {
        ReadErrorKind::Io(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_place_and_expectation() {
        let e = ReadError::new(
            "a.txt",
            ReadErrorKind::Decode {
                encoding: "gb18030".into(),
                offset: 17,
            },
        );
        let s = e.to_string();
        assert!(
            s.starts_with("a.txt: byte 17: expected valid gb18030"),
            "{s}"
        );
        assert_eq!(e.offset(), Some(17));

        let e = ReadError::new("b.txt", ReadErrorKind::UnknownEncoding("latin9".into()));
        assert!(e.to_string().contains("\"latin9\""));
        assert!(e.to_string().contains("gb18030"));

        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let e = ReadError::new("c.txt", io.into());
        assert!(std::error::Error::source(&e).is_some());
        assert_eq!(e.offset(), None);
    }
}
