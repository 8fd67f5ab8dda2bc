//! The text reader: OCR'd plain-text exports (TAB-separated table rows between prose lines)
//! into a [`SourceGrid`].
//!
//! Two steps. [`decode`] turns bytes into a `String`, finding the encoding: archives hold
//! UTF-8, UTF-16 with a BOM and, from older systems, GBK/GB2312, which GB18030 decodes as a
//! superset. It refuses rather than guesses: a malformed byte is an error with its offset, never
//! a silent U+FFFD, because a replaced character in a name or a number is a wrong value in the
//! dataset that nobody will notice. [`read_text`] then splits the text into blocks: a line
//! with a TAB is a table row, a blank line is a break, any other line is a paragraph.

use crate::error::ReadErrorKind;
use crate::grid::{Block, Cell, GridRow, Paragraph, SourceGrid, SourcePos};
use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `utf-8`, `utf-16le`, `utf-16be` or `gb18030`.
    pub encoding: &'static str,
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16BE_BOM: &[u8] = &[0xFE, 0xFF];

/// Control characters allowed in text: TAB, LF, CR, and the vertical tab and form feed that
/// word processors and OCR tools write for line and page breaks.
fn is_allowed_control(c: u32) -> bool {
    (0x09..=0x0D).contains(&c)
}

fn is_bad_control(c: u32) -> bool {
    (c < 0x20 && !is_allowed_control(c)) || c == 0x7F
}

/// Decodes `bytes` to text. With `forced` the named encoding is used (case-insensitive:
/// `utf-8`/`utf8`, `utf-16le`, `utf-16be`, `utf-16` (BOM, else little-endian), `gb18030`, `gbk`,
/// `gb2312`); otherwise a BOM decides, then valid UTF-8, then GB18030.
pub fn decode(bytes: &[u8], forced: Option<&str>) -> Result<Decoded, ReadErrorKind> {
    if let Some(unsupported) = binary_format(bytes) {
        return Err(unsupported);
    }
    match forced {
        Some(name) => decode_forced(bytes, name),
        None => decode_auto(bytes),
    }
}

fn decode_auto(bytes: &[u8]) -> Result<Decoded, ReadErrorKind> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return decode_utf8(rest, UTF8_BOM.len() as u64);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        return decode_utf16(UTF_16LE, "utf-16le", rest, 2);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        return decode_utf16(UTF_16BE, "utf-16be", rest, 2);
    }
    check_text_bytes(bytes, 0)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: "utf-8",
        }),
        // Not UTF-8: the archives' other encoding is GBK/GB2312, both subsets of GB18030.
        Err(_) => Ok(Decoded {
            text: decode_strict(GB18030, "gb18030", bytes, 0)?,
            encoding: "gb18030",
        }),
    }
}

fn decode_forced(bytes: &[u8], name: &str) -> Result<Decoded, ReadErrorKind> {
    match name.trim().to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => match bytes.strip_prefix(UTF8_BOM) {
            Some(rest) => decode_utf8(rest, UTF8_BOM.len() as u64),
            None => decode_utf8(bytes, 0),
        },
        "utf-16le" => match bytes.strip_prefix(UTF16LE_BOM) {
            Some(rest) => decode_utf16(UTF_16LE, "utf-16le", rest, 2),
            None => decode_utf16(UTF_16LE, "utf-16le", bytes, 0),
        },
        "utf-16be" => match bytes.strip_prefix(UTF16BE_BOM) {
            Some(rest) => decode_utf16(UTF_16BE, "utf-16be", rest, 2),
            None => decode_utf16(UTF_16BE, "utf-16be", bytes, 0),
        },
        "utf-16" => {
            if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
                decode_utf16(UTF_16BE, "utf-16be", rest, 2)
            } else if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
                decode_utf16(UTF_16LE, "utf-16le", rest, 2)
            } else {
                decode_utf16(UTF_16LE, "utf-16le", bytes, 0)
            }
        }
        "gb18030" | "gbk" | "gb2312" => {
            check_text_bytes(bytes, 0)?;
            Ok(Decoded {
                text: decode_strict(GB18030, "gb18030", bytes, 0)?,
                encoding: "gb18030",
            })
        }
        _ => Err(ReadErrorKind::UnknownEncoding(name.to_string())),
    }
}

/// Strict UTF-8 of `bytes`, which start at `base` in the file.
fn decode_utf8(bytes: &[u8], base: u64) -> Result<Decoded, ReadErrorKind> {
    check_text_bytes(bytes, base)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: "utf-8",
        }),
        Err(e) => Err(ReadErrorKind::Decode {
            encoding: "utf-8".into(),
            offset: base + e.valid_up_to() as u64,
        }),
    }
}

/// Strict UTF-16 of `bytes` (BOM already removed), which start at `base` in the file. The text
/// check runs on the decoded characters, since NUL bytes are normal inside UTF-16.
fn decode_utf16(
    encoding: &'static Encoding,
    name: &'static str,
    bytes: &[u8],
    base: u64,
) -> Result<Decoded, ReadErrorKind> {
    let text = decode_strict(encoding, name, bytes, base)?;
    check_text_chars(&text, base, |c| 2 * c.len_utf16() as u64)?;
    Ok(Decoded {
        text,
        encoding: name,
    })
}

/// Decodes without replacement; the first malformed sequence is an error at its byte offset.
fn decode_strict(
    encoding: &'static Encoding,
    name: &str,
    bytes: &[u8],
    base: u64,
) -> Result<String, ReadErrorKind> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or_else(|| bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity.saturating_add(4));
    let mut pos = 0usize;
    loop {
        let rest = bytes.get(pos..).unwrap_or(&[]);
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        pos = pos.saturating_add(read);
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            // The capacity above is the documented maximum, so this is only a safety net.
            DecoderResult::OutputFull => {
                out.reserve(bytes.len().saturating_sub(pos).saturating_mul(3) + 16)
            }
            DecoderResult::Malformed(bad, extra) => {
                // `read` counts the malformed sequence and `extra` bytes after it that the
                // decoder looked at; the sequence itself starts `bad` bytes before those.
                let start = pos
                    .saturating_sub(extra as usize)
                    .saturating_sub(bad as usize);
                return Err(ReadErrorKind::Decode {
                    encoding: name.to_string(),
                    offset: base + start as u64,
                });
            }
        }
    }
}

/// Rejects bytes that are not text, for the ASCII-compatible encodings (UTF-8, GB18030), in
/// which a byte below 0x20 is always that control character and never part of a multi-byte
/// sequence. Checked before decoding so that a binary file is reported as not text rather
/// than as malformed GB18030.
fn check_text_bytes(bytes: &[u8], base: u64) -> Result<(), ReadErrorKind> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadErrorKind::NotText {
            offset: base + i as u64,
            reason:
                "a NUL byte (a binary file, or UTF-16 without a BOM: force utf-16le or utf-16be)"
                    .into(),
        });
    }
    // Counted as a sum of 0/1 so the loop compiles to vector code: every input byte passes
    // through here.
    let bad: usize = bytes
        .iter()
        .map(|&b| usize::from((b < 0x20 && !(0x09..=0x0D).contains(&b)) || b == 0x7F))
        .sum();
    if too_many_controls(bad, bytes.len()) {
        let first = bytes
            .iter()
            .position(|&b| is_bad_control(u32::from(b)))
            .unwrap_or(0);
        return Err(ReadErrorKind::NotText {
            offset: base + first as u64,
            reason: format!(
                "{bad} control characters in {} bytes (a binary file?)",
                bytes.len()
            ),
        });
    }
    Ok(())
}

/// The same check on decoded characters; `width` gives each character's size in the source.
fn check_text_chars(
    text: &str,
    base: u64,
    width: impl Fn(char) -> u64,
) -> Result<(), ReadErrorKind> {
    let mut offset = base;
    let mut first_bad = None;
    let mut bad = 0usize;
    let mut total = 0usize;
    for c in text.chars() {
        if c == '\0' {
            return Err(ReadErrorKind::NotText {
                offset,
                reason: "a NUL character (a binary file?)".into(),
            });
        }
        if is_bad_control(u32::from(c)) {
            bad += 1;
            first_bad.get_or_insert(offset);
        }
        total += 1;
        offset += width(c);
    }
    if too_many_controls(bad, total) {
        return Err(ReadErrorKind::NotText {
            offset: first_bad.unwrap_or(base),
            reason: format!("{bad} control characters in {total} characters (a binary file?)"),
        });
    }
    Ok(())
}

/// More than 2% control characters: real text has a stray DOS end-of-file mark at most.
fn too_many_controls(bad: usize, total: usize) -> bool {
    bad > 0 && bad.saturating_mul(50) > total
}

/// Recognises the binary formats people hand to a text reader by mistake, to say what they
/// are instead of reporting byte soup.
fn binary_format(bytes: &[u8]) -> Option<ReadErrorKind> {
    let (format, hint) = if bytes.starts_with(b"%PDF-") {
        ("PDF", "the text reader reads OCR'd text exports; export the PDF's text layer or OCR it to text first")
    } else if bytes.starts_with(b"PK\x03\x04") {
        (
            "ZIP (DOCX/XLSX)",
            "save a DOCX as plain text (UTF-8), or use a DOCX reader",
        )
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        (
            "OLE (legacy .doc/.xls)",
            "save the document as plain text (UTF-8) first",
        )
    } else {
        return None;
    };
    Some(ReadErrorKind::Unsupported {
        format: format.into(),
        hint: hint.into(),
    })
}

/// Splits decoded text into blocks: a line with a TAB is a table row (cells trimmed, ragged
/// rows kept as they are), a blank line or a row of empty cells is a break, any other line is
/// a paragraph (trimmed, markdown heading marks removed). Line numbers are 1-based.
pub fn read_text(text: &str) -> SourceGrid {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = text.split('\n').collect();
    // A final newline ends the last line; it does not start an empty one.
    if text.ends_with('\n') {
        lines.pop();
    }
    for (i, raw) in lines.into_iter().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let pos = SourcePos {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            page: None,
        };
        blocks.push(read_line(line, pos));
    }
    SourceGrid {
        blocks,
        encoding: None,
        spans_known: false,
        issues: Vec::new(),
    }
}

fn read_line(line: &str, pos: SourcePos) -> Block {
    if line.contains('\t') {
        // Inner spaces stay: they are OCR wrap spaces that normalisation repairs with context.
        let cells: Vec<Cell> = line.split('\t').map(|c| Cell::text(c.trim())).collect();
        let row = GridRow::new(cells, pos);
        return if row.is_blank() {
            Block::Break(pos)
        } else {
            Block::Row(row)
        };
    }
    let text = strip_heading_marks(line.trim());
    if text.is_empty() {
        Block::Break(pos)
    } else {
        Block::Paragraph(Paragraph {
            text: text.to_string(),
            pos,
        })
    }
}

/// `## 附件` → `附件`. Markdown exports of OCR output mark headings; the marks are not text.
/// A `#` run counts as a mark only when followed by white space or by non-ASCII text
/// (`##附件`), so `#1` stays as it is.
fn strip_heading_marks(line: &str) -> &str {
    let rest = line.trim_start_matches('#');
    let marks = line.len() - rest.len();
    if marks == 0 || marks > 6 {
        return line;
    }
    match rest.chars().next() {
        None => rest,
        Some(c) if c.is_whitespace() || !c.is_ascii() => rest.trim_start(),
        Some(_) => line,
    }
}

/// [`decode`] then [`read_text`], recording the encoding in the grid.
pub fn read_text_bytes(bytes: &[u8], forced: Option<&str>) -> Result<SourceGrid, ReadErrorKind> {
    let decoded = decode(bytes, forced)?;
    let mut grid = read_text(&decoded.text);
    grid.encoding = Some(decoded.encoding.to_string());
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "泉科〔2019〕170号\n关于印发《方案》的通知\n";

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { UTF16BE_BOM } else { UTF16LE_BOM });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    fn seed(name: &str) -> Vec<u8> {
        let path = format!("{}/../../fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn count(grid: &SourceGrid) -> (usize, usize, usize) {
        let mut n = (0, 0, 0);
        for b in &grid.blocks {
            match b {
                Block::Row(_) => n.0 += 1,
                Block::Paragraph(_) => n.1 += 1,
                Block::Break(_) => n.2 += 1,
            }
        }
        n
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode(SAMPLE.as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "utf-8"));
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "utf-8"));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let d = decode(&utf16(SAMPLE, false, true), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "utf-16le"));
        let d = decode(&utf16(SAMPLE, true, true), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "utf-16be"));
    }

    #[test]
    fn utf16_forced_without_bom() {
        let d = decode(&utf16(SAMPLE, false, false), Some("UTF-16")).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "utf-16le"));
        let d = decode(&utf16(SAMPLE, true, false), Some("utf-16be")).unwrap();
        assert_eq!(d.text, SAMPLE);
        let d = decode(&utf16(SAMPLE, true, true), Some("utf-16")).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "utf-16be"));
        // Without a BOM the NULs of ASCII characters make auto-detection refuse, with a hint.
        match decode(&utf16("abc", false, false), None) {
            Err(ReadErrorKind::NotText { offset: 1, reason }) => {
                assert!(reason.contains("utf-16le"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn gbk_and_gb18030_are_detected() {
        let (gbk, _, errors) = encoding_rs::GBK.encode(SAMPLE);
        assert!(!errors);
        assert!(std::str::from_utf8(&gbk).is_err());
        let d = decode(&gbk, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "gb18030"));
        // A character outside GBK needs GB18030's four-byte form.
        let text = "目标𠀀考评\n";
        let (gb, _, errors) = encoding_rs::GB18030.encode(text);
        assert!(!errors);
        assert_eq!(decode(&gb, None).unwrap().text, text);
        for name in ["GBK", "gb2312", "Gb18030"] {
            assert_eq!(decode(&gbk, Some(name)).unwrap().text, SAMPLE);
        }
    }

    #[test]
    fn malformed_gb18030_reports_first_bad_byte() {
        // 0x81 is a lead byte; a space cannot follow it.
        match decode(b"ab\x81 cd\xff", None) {
            Err(ReadErrorKind::Decode { encoding, offset }) => {
                assert_eq!((encoding.as_str(), offset), ("gb18030", 2))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn forced_wrong_encoding_is_an_error_not_replacement() {
        // 中 is D6 D0 in GBK: a UTF-8 lead byte without its continuation.
        let (gbk, _, _) = encoding_rs::GBK.encode("ab中文");
        match decode(&gbk, Some("utf-8")) {
            Err(ReadErrorKind::Decode { encoding, offset }) => {
                assert_eq!((encoding.as_str(), offset), ("utf-8", 2))
            }
            other => panic!("{other:?}"),
        }
        // Odd length cannot be UTF-16; the dangling byte is at offset 2 after the BOM.
        let mut odd = utf16("a", false, true);
        odd.push(b'x');
        match decode(&odd, Some("utf-16le")) {
            Err(ReadErrorKind::Decode { encoding, offset }) => {
                assert_eq!((encoding.as_str(), offset), ("utf-16le", 4))
            }
            other => panic!("{other:?}"),
        }
        // A lone surrogate.
        match decode(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0], None) {
            Err(ReadErrorKind::Decode { offset, .. }) => assert_eq!(offset, 4),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_encoding_name() {
        match decode(b"abc", Some("latin-1")) {
            Err(ReadErrorKind::UnknownEncoding(name)) => assert_eq!(name, "latin-1"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nul_bytes_and_control_soup_are_not_text() {
        match decode(b"abc\0def", None) {
            Err(ReadErrorKind::NotText { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
        match decode(b"abc\0def", Some("gbk")) {
            Err(ReadErrorKind::NotText { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
        match decode(b"ok\x01\x02\x03\x04\x05", None) {
            Err(ReadErrorKind::NotText { offset, .. }) => assert_eq!(offset, 2),
            other => panic!("{other:?}"),
        }
        match decode(&utf16("a\u{1}\u{2}", false, true), None) {
            Err(ReadErrorKind::NotText { offset, .. }) => assert_eq!(offset, 4),
            other => panic!("{other:?}"),
        }
        // One stray DOS end-of-file mark in a real text is not a reason to refuse it.
        let mut text = "目标考评表\n".repeat(20).into_bytes();
        text.push(0x1A);
        assert!(decode(&text, None).is_ok());
        // Form feeds and vertical tabs are page and line breaks.
        assert!(decode("第一页\x0c第二页\x0b".as_bytes(), None).is_ok());
    }

    #[test]
    fn binary_formats_are_named() {
        for (bytes, format) in [
            (&b"%PDF-1.7\n"[..], "PDF"),
            (&b"PK\x03\x04\x14\x00"[..], "ZIP"),
        ] {
            match decode(bytes, None) {
                Err(ReadErrorKind::Unsupported { format: f, .. }) => assert!(f.contains(format)),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn lines_rows_breaks_and_crlf() {
        let grid = read_text(
            "## 附件\r\n\r\n 标题 \r\n序号\t 1-1 \t\t保 税区\r\n\t \t\r\n#1 号\r\n##附表\r\n",
        );
        let lines: Vec<u32> = grid
            .blocks
            .iter()
            .map(|b| match b {
                Block::Row(r) => r.pos.line,
                Block::Paragraph(p) => p.pos.line,
                Block::Break(p) => p.line,
            })
            .collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 6, 7]);
        assert!(matches!(&grid.blocks[0], Block::Paragraph(p) if p.text == "附件"));
        assert!(matches!(&grid.blocks[1], Block::Break(_)));
        assert!(matches!(&grid.blocks[2], Block::Paragraph(p) if p.text == "标题"));
        match &grid.blocks[3] {
            Block::Row(r) => {
                let cells: Vec<&str> = r.cells.iter().map(|c| c.text.as_str()).collect();
                assert_eq!(cells, vec!["序号", "1-1", "", "保 税区"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&grid.blocks[4], Block::Break(_)));
        assert!(matches!(&grid.blocks[5], Block::Paragraph(p) if p.text == "#1 号"));
        assert!(matches!(&grid.blocks[6], Block::Paragraph(p) if p.text == "附表"));
        // No trailing newline: the last line still counts; a lone CR inside a line is kept.
        let grid = read_text("a\nb");
        assert_eq!(grid.blocks.len(), 2);
    }

    #[test]
    fn read_text_bytes_records_encoding() {
        let (gbk, _, _) = encoding_rs::GBK.encode("项目\t序号\n说明\n");
        let grid = read_text_bytes(&gbk, None).unwrap();
        assert_eq!(grid.encoding.as_deref(), Some("gb18030"));
        assert_eq!(grid.blocks.len(), 2);
        let grid = read_text_bytes(&utf16("项目\t序号\r\n", true, true), None).unwrap();
        assert_eq!(grid.encoding.as_deref(), Some("utf-16be"));
        assert!(matches!(&grid.blocks[0], Block::Row(r) if r.cell(1) == "序号"));
    }

    #[test]
    fn seeds_read_into_rows_and_paragraphs() {
        let grid = read_text_bytes(&seed("quanzhou-science-2019.txt"), None).unwrap();
        assert_eq!(grid.encoding.as_deref(), Some("utf-8"));
        assert_eq!(count(&grid), SCIENCE);
        let row76 = grid.blocks.iter().find_map(|b| match b {
            Block::Row(r) if r.pos.line == 76 => Some(r),
            _ => None,
        });
        let row76 = row76.expect("line 76 is a row");
        assert_eq!(row76.cell(2), "1-1-1");
        assert_eq!(row76.cell(0), "职能 工作 目标 80分");
        let para3 = grid.paragraphs().next().expect("a paragraph");
        assert_eq!(
            (para3.text.as_str(), para3.pos.line),
            ("泉州市科学技术局文件", 3)
        );

        let grid = read_text_bytes(&seed("quanzhou-sasac-2020.txt"), None).unwrap();
        assert_eq!(count(&grid), SASAC);
        let first = grid.paragraphs().next().expect("a paragraph");
        assert_eq!((first.text.as_str(), first.pos.line), ("附件", 3));

        let grid = read_text_bytes(&seed("anxi-science-2021.txt"), None).unwrap();
        assert_eq!(count(&grid), ANXI);
        let signature: Vec<&str> = grid
            .paragraphs()
            .filter(|p| p.pos.line == 7 || p.pos.line == 8)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(signature, vec!["安溪县科学技术局", "2021年9月30日"]);

        let grid = read_text_bytes(&seed("linyi-science-budget-2020.txt"), None).unwrap();
        assert_eq!(count(&grid), LINYI);
    }

    // (rows, paragraphs, breaks) per seed, counted from the files: lines with a TAB and a
    // non-empty cell, other non-blank lines, blank lines and all-empty TAB lines.
    const SCIENCE: (usize, usize, usize) = (115, 37, 61);
    const SASAC: (usize, usize, usize) = (96, 6, 22);
    const ANXI: (usize, usize, usize) = (0, 67, 23);
    const LINYI: (usize, usize, usize) = (50, 1, 5);
}
