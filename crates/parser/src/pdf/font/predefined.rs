//! Knowledge of the predefined CMaps (PDF 9.7.5.2) that Type0 fonts name in /Encoding.
//!
//! Chinese producers often use a non-embedded font with /Encoding /GBK-EUC-H and no /ToUnicode: the shown
//! bytes are then plain GBK, and their meaning is GBK. Instead of shipping Adobe's CMap files (megabytes of
//! code→CID tables), each predefined CMap is reduced to what text extraction needs: its codespace (how to
//! split bytes into codes) and the legacy encoding its codes are in, decoded with encoding_rs or as UTF-16 /
//! UTF-8 / UTF-32. CIDs are only known for Identity and, for widths, for ASCII: Adobe's CMaps map codes
//! 0x20–0x7E (or U+0020–U+007E) to a run of consecutive CIDs, given here per CMap; other codes get /DW.

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, SHIFT_JIS};

use super::codemap::{Codespace, CsRange};
use super::unicode::clean_char;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Family {
    Identity,
    /// A legacy multi-byte encoding; `seven_bit` for the ISO-2022 style CMaps (`H`, `GB-H`, `KSC-H`) whose
    /// codes are the EUC codes minus 0x80 per byte.
    Legacy {
        enc: &'static Encoding,
        seven_bit: bool,
    },
    Ucs2,
    Utf16,
    Utf8,
    Utf32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Space {
    Two,
    Four,
    /// 00–80 one byte, then two-byte codes with lead bytes 81–FE (GBK, Big5, UHC).
    Gbk,
    /// GBK plus four-byte GB18030 codes.
    Gb18030,
    /// 00–80 one byte, A1A1–FEFE two bytes (EUC-CN, EUC-KR; EUC-JP adds 8E two-byte kana).
    Euc {
        kana: bool,
    },
    /// Shift-JIS: 00–80 and A0–DF one byte, 8140–9FFC and E040–FCFC two bytes.
    Sjis,
    /// ISO-2022 seven-bit: 2121–7E7E.
    Jis7,
    Utf16,
    Utf8,
}

/// What this module knows of one predefined CMap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Predefined {
    family: Family,
    space: Space,
    /// First CID of the ASCII run 0x20–0x7E, and whether code 0x20 is special (GB-EUC-H: CID 7716).
    ascii_cid: u32,
    gb_euc_space: bool,
    pub(super) vertical: bool,
}

impl Predefined {
    /// Recognises a predefined CMap name; `None` for names this module does not know.
    pub(super) fn by_name(name: &[u8]) -> Option<Predefined> {
        let name = std::str::from_utf8(name).ok()?;
        let (base, vertical) = if let Some(b) = name.strip_suffix("-V") {
            (b, true)
        } else if let Some(b) = name.strip_suffix("-H") {
            (b, false)
        } else if name == "H" || name == "V" {
            ("", name == "V")
        } else {
            return None;
        };
        let legacy = |enc, space, ascii_cid| (Family::Legacy { enc, seven_bit: false }, space, ascii_cid);
        let (family, space, ascii_cid) = match base {
            "Identity" => (Family::Identity, Space::Two, 0),
            // Adobe-GB1
            // (GBT-*, GB/T 12345, puts traditional characters at GB 2312 codes: decoding it as GBK would
            // give wrong text, so it stays unknown.)
            "GB-EUC" => legacy(GB18030, Space::Euc { kana: false }, 814),
            "GBpc-EUC" => legacy(GB18030, Space::Euc { kana: false }, 1),
            "GBK-EUC" | "GBKp-EUC" => legacy(GB18030, Space::Gbk, 1),
            "GBK2K" => legacy(GB18030, Space::Gb18030, 1),
            "GB" => (Family::Legacy { enc: GB18030, seven_bit: true }, Space::Jis7, 0),
            // Adobe-CNS1
            "B5pc" | "ETenms-B5" => legacy(BIG5, Space::Gbk, 1),
            "ETen-B5" | "HKscs-B5" | "HKdla-B5" | "HKdlb-B5" | "HKgccs-B5" | "HKm314-B5" | "HKm471-B5" => {
                legacy(BIG5, Space::Gbk, 13648)
            }
            // Adobe-Japan1
            "90ms-RKSJ" | "90pv-RKSJ" | "83pv-RKSJ" | "Add-RKSJ" | "Ext-RKSJ" => legacy(SHIFT_JIS, Space::Sjis, 231),
            "90msp-RKSJ" => legacy(SHIFT_JIS, Space::Sjis, 1),
            "EUC" => legacy(EUC_JP, Space::Euc { kana: true }, 231),
            "" | "Add" | "Ext" => (Family::Legacy { enc: EUC_JP, seven_bit: true }, Space::Jis7, 0),
            // Adobe-Korea1
            "KSC-EUC" => legacy(EUC_KR, Space::Euc { kana: false }, 8094),
            "KSCpc-EUC" => legacy(EUC_KR, Space::Euc { kana: false }, 1),
            "KSCms-UHC" => legacy(EUC_KR, Space::Gbk, 1),
            "KSCms-UHC-HW" => legacy(EUC_KR, Space::Gbk, 8094),
            "KSC" => (Family::Legacy { enc: EUC_KR, seven_bit: true }, Space::Jis7, 0),
            _ => Self::unicode_family(base)?,
        };
        Some(Predefined { family, space, ascii_cid, gb_euc_space: base == "GB-EUC", vertical })
    }

    /// `UniGB-UCS2`, `UniJIS-UTF16`, `UniKS-UTF8`, `UniJIS2004-UTF32`, `UniJIS-UCS2-HW`, …
    fn unicode_family(base: &str) -> Option<(Family, Space, u32)> {
        let rest = base.strip_prefix("Uni")?;
        let (collection, form) = rest.split_once('-')?;
        if !["GB", "CNS", "JIS", "JIS2004", "JISX0213", "JISX02132004", "KS", "JISPro"].contains(&collection) {
            return None;
        }
        let (form, half_width) = match form.strip_suffix("-HW") {
            Some(f) => (f, true),
            None => (form, false),
        };
        let ascii_cid = if half_width { 231 } else { 1 };
        Some(match form {
            "UCS2" => (Family::Ucs2, Space::Two, ascii_cid),
            "UTF16" => (Family::Utf16, Space::Utf16, ascii_cid),
            "UTF8" => (Family::Utf8, Space::Utf8, ascii_cid),
            "UTF32" => (Family::Utf32, Space::Four, ascii_cid),
            _ => return None,
        })
    }

    pub(super) fn is_identity(&self) -> bool {
        self.family == Family::Identity
    }

    pub(super) fn codespace(&self) -> Codespace {
        let r = |len: u8, lo: [u8; 4], hi: [u8; 4]| CsRange { len, lo, hi };
        let one = r(1, [0; 4], [0x80, 0, 0, 0]);
        let ranges = match self.space {
            Space::Two => return Codespace::Fixed(2),
            Space::Four => return Codespace::Fixed(4),
            Space::Gbk => vec![one, r(2, [0x81, 0x40, 0, 0], [0xFE, 0xFE, 0, 0])],
            Space::Gb18030 => vec![
                r(1, [0; 4], [0x7F, 0, 0, 0]),
                r(2, [0x81, 0x40, 0, 0], [0xFE, 0xFE, 0, 0]),
                r(4, [0x81, 0x30, 0x81, 0x30], [0xFE, 0x39, 0xFE, 0x39]),
            ],
            Space::Euc { kana } => {
                let mut v = vec![one, r(2, [0xA1, 0xA1, 0, 0], [0xFE, 0xFE, 0, 0])];
                if kana {
                    v.push(r(2, [0x8E, 0xA0, 0, 0], [0x8E, 0xDF, 0, 0]));
                }
                v
            }
            Space::Sjis => vec![
                one,
                r(1, [0xA0, 0, 0, 0], [0xDF, 0, 0, 0]),
                r(2, [0x81, 0x40, 0, 0], [0x9F, 0xFC, 0, 0]),
                r(2, [0xE0, 0x40, 0, 0], [0xFC, 0xFC, 0, 0]),
            ],
            Space::Jis7 => vec![r(2, [0x21, 0x21, 0, 0], [0x7E, 0x7E, 0, 0])],
            Space::Utf16 => vec![
                r(2, [0, 0, 0, 0], [0xD7, 0xFF, 0, 0]),
                r(2, [0xE0, 0, 0, 0], [0xFF, 0xFF, 0, 0]),
                r(4, [0xD8, 0, 0xDC, 0], [0xDB, 0xFF, 0xDF, 0xFF]),
            ],
            Space::Utf8 => vec![
                r(1, [0; 4], [0x7F, 0, 0, 0]),
                r(2, [0xC2, 0x80, 0, 0], [0xDF, 0xBF, 0, 0]),
                r(3, [0xE0, 0x80, 0x80, 0], [0xEF, 0xBF, 0xBF, 0]),
                r(4, [0xF0, 0x80, 0x80, 0x80], [0xF4, 0xBF, 0xBF, 0xBF]),
            ],
        };
        Codespace::from_ranges(ranges)
    }

    /// The text of a code of `len` bytes, when the CMap's encoding gives it one.
    pub(super) fn text(&self, code: u32, len: usize) -> Option<&'static str> {
        let bytes = code.to_be_bytes();
        let src = bytes.get(4usize.checked_sub(len)?..)?;
        let c = match self.family {
            Family::Identity => return None,
            Family::Ucs2 => char::from_u32(code)?,
            Family::Utf32 => char::from_u32(code)?,
            Family::Utf16 => utf16_code(code, len)?,
            Family::Utf8 => std::str::from_utf8(src).ok()?.chars().next()?,
            Family::Legacy { enc, seven_bit } => {
                let mut b = [0u8; 4];
                for (d, s) in b.iter_mut().zip(src) {
                    *d = if seven_bit { s | 0x80 } else { *s };
                }
                decode_one(enc, b.get(..src.len())?)?
            }
        };
        clean_char(c)
    }

    /// The CID of a code, where known: Identity, and the ASCII run for widths.
    pub(super) fn cid(&self, code: u32, len: usize) -> Option<u32> {
        let ascii = match self.family {
            Family::Identity => return Some(code),
            Family::Ucs2 | Family::Utf16 | Family::Utf32 | Family::Utf8 => code,
            Family::Legacy { .. } if len == 1 => code,
            Family::Legacy { .. } => return None,
        };
        if !(0x20..=0x7E).contains(&ascii) || self.ascii_cid == 0 {
            return None;
        }
        if self.gb_euc_space {
            // GB-EUC-H: space is CID 7716, then 0x21–0x7E are CIDs 814–907.
            return Some(if ascii == 0x20 { 7716 } else { 814 + ascii - 0x21 });
        }
        Some(self.ascii_cid + ascii - 0x20)
    }
}

fn utf16_code(code: u32, len: usize) -> Option<char> {
    if len == 4 {
        let (hi, lo) = ((code >> 16) as u16, code as u16);
        return char::decode_utf16([hi, lo]).next()?.ok();
    }
    char::from_u32(code)
}

/// Decodes one code of a legacy encoding without allocating; `None` unless it is exactly one character.
fn decode_one(enc: &'static Encoding, src: &[u8]) -> Option<char> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = [0u8; 16];
    let (result, _read, written) = decoder.decode_to_utf8_without_replacement(src, &mut out, true);
    if !matches!(result, encoding_rs::DecoderResult::InputEmpty) {
        return None;
    }
    let s = std::str::from_utf8(out.get(..written)?).ok()?;
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}
