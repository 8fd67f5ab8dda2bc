//! The DOCX package: a ZIP of XML parts. Opening it, finding the main document part and the
//! page header and footer parts through the relationships, and reading a part through a
//! reader that stops a ZIP bomb before it inflates.
//!
//! A part's declared size in the ZIP directory can lie, so the limits are enforced on the
//! bytes actually inflated ([`Bounded`]), not on what the archive claims.

use std::cell::Cell;
use std::io::{self, Cursor, Read};
use std::rc::Rc;

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use zip::result::ZipError;
use zip::ZipArchive;

use super::{DocxFault, DocxLimits};
use crate::error::ReadErrorKind;

/// An open DOCX package.
pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: DocxLimits,
    /// Bytes inflated so far over all parts, against [`DocxLimits::max_total_bytes`].
    inflated: Rc<Cell<u64>>,
}

/// A relationship of the main document part: its type (the last path segment of the type
/// URI, `header`, `footer`, …) and the part it points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub id: String,
    pub kind: String,
    pub target: String,
}

pub(crate) fn fault(part: Option<&str>, offset: Option<u64>, fault: DocxFault) -> ReadErrorKind {
    ReadErrorKind::Docx { part: part.map(str::to_string), offset, fault }
}

impl<'a> Package<'a> {
    /// Opens the ZIP; anything that is not a readable ZIP is [`DocxFault::NotZip`].
    pub fn open(bytes: &'a [u8], limits: DocxLimits) -> Result<Package<'a>, ReadErrorKind> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            let what = match e {
                ZipError::InvalidArchive(m) => format!("a damaged or truncated ZIP archive ({m})"),
                ZipError::UnsupportedArchive(m) => format!("a ZIP archive this reader cannot open ({m})"),
                other => other.to_string(),
            };
            fault(None, None, DocxFault::NotZip(what))
        })?;
        Ok(Package { zip, limits, inflated: Rc::new(Cell::new(0)) })
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The main document part: the target of the package's officeDocument relationship
    /// (`_rels/.rels`), else `word/document.xml`.
    pub fn main_part(&mut self) -> Result<String, ReadErrorKind> {
        let from_rels = if self.has("_rels/.rels") {
            self.relationships("_rels/.rels")?
                .into_iter()
                .find(|r| r.kind == "officeDocument")
                .map(|r| resolve_target("", &r.target))
                .filter(|p| self.has(p))
        } else {
            None
        };
        if let Some(p) = from_rels {
            return Ok(p);
        }
        if self.has("word/document.xml") {
            return Ok("word/document.xml".into());
        }
        // Say what the ZIP is instead, where it is a sibling format people mix up.
        let what = if self.has("xl/workbook.xml") {
            "an Excel workbook (XLSX): save the sheet as DOCX or text"
        } else if self.has("ppt/presentation.xml") {
            "a PowerPoint file (PPTX)"
        } else if self.has("content.xml") && self.has("mimetype") {
            "an OpenDocument file (ODT): convert it with `libreoffice --headless --convert-to docx FILE`"
        } else {
            "a ZIP archive that is not a Word document"
        };
        Err(fault(Some("word/document.xml"), None, DocxFault::MissingPart(what.into())))
    }

    /// The relationships in a `.rels` part.
    pub fn relationships(&mut self, rels_part: &str) -> Result<Vec<Relationship>, ReadErrorKind> {
        let xml = self.part(rels_part)?;
        let mut reader = Reader::from_reader(xml.as_slice());
        let mut out = Vec::new();
        loop {
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(e) => return Err(fault(Some(rels_part), Some(reader.error_position()), DocxFault::Xml(e.to_string()))),
            };
            match event {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                    let (mut id, mut kind, mut target, mut external) = (String::new(), String::new(), String::new(), false);
                    for a in e.attributes().flatten() {
                        let v = a.normalized_value(XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_default();
                        match a.key.local_name().as_ref() {
                            "Id" => id = v,
                            "Type" => kind = v.rsplit('/').next().unwrap_or_default().to_string(),
                            "Target" => target = v,
                            "TargetMode" => external = v == "External",
                            _ => {}
                        }
                    }
                    if !external {
                        out.push(Relationship { id, kind, target });
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// One part's bytes, inflated through [`Bounded`]. The part is held in memory (the limits
    /// bound it) so that the XML reader can hand out events without copying them; no tree of
    /// the XML is built.
    pub fn part(&mut self, name: &str) -> Result<Vec<u8>, ReadErrorKind> {
        let limits = self.limits;
        let inflated = Rc::clone(&self.inflated);
        let file = self.zip.by_name(name).map_err(|e| match e {
            ZipError::FileNotFound => fault(Some(name), None, DocxFault::MissingPart("the part is listed nowhere in the ZIP".into())),
            other => fault(Some(name), None, DocxFault::NotZip(other.to_string())),
        })?;
        let compressed = file.compressed_size();
        let declared_size = file.size();
        // What the directory declares is checked first: an honest bomb stops here, before a
        // byte is inflated; one that lies stops in `Bounded`.
        let declared = Bounded { inner: Box::new(io::empty()), read: declared_size, compressed, limits, total: Rc::new(Cell::new(0)), tripped: None };
        if let Some(limit) = declared.check() {
            return Err(fault(Some(name), None, DocxFault::TooLarge(format!("{limit} (declared in the ZIP directory)"))));
        }
        let mut bounded = Bounded { inner: Box::new(file), read: 0, compressed, limits, total: inflated, tripped: None };
        let mut out = Vec::with_capacity(usize::try_from(declared_size.min(limits.max_part_bytes)).unwrap_or(0));
        if let Err(e) = bounded.read_to_end(&mut out) {
            return Err(match bounded.tripped {
                Some(limit) => fault(Some(name), Some(bounded.read), DocxFault::TooLarge(limit)),
                None => fault(Some(name), Some(bounded.read), DocxFault::NotZip(format!("a part that does not inflate ({e})"))),
            });
        }
        Ok(out)
    }
}

/// The part a relationship target names, relative to the folder of the part that holds the
/// relationships (`word/` for `word/_rels/document.xml.rels`).
pub fn resolve_target(base_dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{base_dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// A reader over an inflating ZIP entry that fails once the bytes inflated pass the limits:
/// per part, over the whole package, and the ratio of inflated to compressed bytes.
pub struct Bounded<'z> {
    inner: Box<dyn Read + 'z>,
    read: u64,
    compressed: u64,
    limits: DocxLimits,
    total: Rc<Cell<u64>>,
    /// Which limit stopped the reading, once one did.
    pub tripped: Option<String>,
}

impl Bounded<'_> {
    fn check(&self) -> Option<String> {
        let l = &self.limits;
        if self.read > l.max_part_bytes {
            return Some(format!("expected a part of at most {} bytes inflated, found more", l.max_part_bytes));
        }
        if self.total.get() > l.max_total_bytes {
            return Some(format!("expected at most {} bytes inflated over all parts, found more", l.max_total_bytes));
        }
        if self.read > l.ratio_floor_bytes && self.read > self.compressed.max(1).saturating_mul(l.max_ratio) {
            return Some(format!(
                "expected a compression ratio of at most {}:1, found {} bytes inflated from {} (a ZIP bomb?)",
                l.max_ratio, self.read, self.compressed
            ));
        }
        None
    }
}

impl Read for Bounded<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(t) = &self.tripped {
            return Err(io::Error::other(t.clone()));
        }
        let n = self.inner.read(buf)?;
        self.read = self.read.saturating_add(n as u64);
        self.total.set(self.total.get().saturating_add(n as u64));
        if let Some(t) = self.check() {
            self.tripped = Some(t.clone());
            return Err(io::Error::other(t));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part whose directory entry lies about its size is stopped while it inflates.
    #[test]
    fn bounded_stops_at_the_ratio_and_the_part_size() {
        let limits = DocxLimits { ratio_floor_bytes: 1 << 20, ..DocxLimits::default() };
        let endless = io::repeat(b' ').take(1 << 30);
        let mut b = Bounded { inner: Box::new(endless), read: 0, compressed: 1000, limits, total: Rc::new(Cell::new(0)), tripped: None };
        let err = io::copy(&mut b, &mut io::sink()).expect_err("stopped");
        assert!(err.to_string().contains("ratio"), "{err}");
        assert!(b.read < (1 << 20) + (64 << 10), "stopped soon after the floor: {}", b.read);
        assert!(b.tripped.is_some());
        // Once tripped it stays stopped.
        assert!(b.read(&mut [0; 8]).is_err());

        let limits = DocxLimits { max_part_bytes: 2 << 20, ..DocxLimits::default() };
        let mut b = Bounded { inner: Box::new(io::repeat(b'x').take(1 << 30)), read: 0, compressed: 1 << 30, limits, total: Rc::new(Cell::new(0)), tripped: None };
        let err = io::copy(&mut b, &mut io::sink()).expect_err("stopped");
        assert!(err.to_string().contains("part of at most"), "{err}");
    }

    #[test]
    fn targets_resolve_against_the_rels_folder() {
        assert_eq!(resolve_target("word/", "header1.xml"), "word/header1.xml");
        assert_eq!(resolve_target("word/", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve_target("", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve_target("", "word/./document2.xml"), "word/document2.xml");
    }
}
