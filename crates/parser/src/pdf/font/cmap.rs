//! A small, forgiving reader of CMap programs (ToUnicode streams and embedded encoding CMaps).
//!
//! lopdf's own CMap parser is strict and only knows ToUnicode streams; real files carry comments, odd
//! whitespace, wrong counts before `begin…` blocks, 1-byte destinations, `usecmap` and garbage. This reader
//! tokenizes the PostScript subset that CMaps use and picks out the blocks it understands, skipping any
//! token it does not expect, so a damaged block loses only its damaged entries. Work is bounded by the
//! input size (each token is read once) and by the entry caps of [`CMapBuilder`].

use super::codemap::{CidMap, CidRange, Codespace, CsRange, TextMapBuilder};

/// Codespace ranges kept per CMap; the spec allows 100 per block and real CMaps use a handful.
const MAX_CODESPACE: usize = 256;
/// Code→CID ranges kept per CMap (the largest Adobe CMaps have about 20 000).
const MAX_CID_RANGES: usize = 1 << 18;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Tok<'a> {
    /// Hex digits between `<` and `>` (whitespace included), decoded on demand.
    Hex(&'a [u8]),
    /// Raw bytes between balanced parentheses, escapes still in place.
    Lit(&'a [u8]),
    Name(&'a [u8]),
    Int(i64),
    Real,
    Key(&'a [u8]),
    ArrayOpen,
    ArrayClose,
    Other,
}

pub(super) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C | 0)
}

fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

impl<'a> Lexer<'a> {
    pub(super) fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or(&[])
    }

    pub(super) fn next_tok(&mut self) -> Option<Tok<'a>> {
        loop {
            self.take_while(is_white);
            let b = self.peek()?;
            self.pos += 1;
            return Some(match b {
                b'%' => {
                    self.take_while(|c| c != b'\n' && c != b'\r');
                    continue;
                }
                b'<' if self.peek() == Some(b'<') => {
                    self.pos += 1;
                    Tok::Other
                }
                b'<' => {
                    let body = self.take_while(|c| c != b'>');
                    self.pos += 1;
                    Tok::Hex(body)
                }
                b'>' => {
                    if self.peek() == Some(b'>') {
                        self.pos += 1;
                    }
                    Tok::Other
                }
                b'(' => Tok::Lit(self.literal()),
                b'[' => Tok::ArrayOpen,
                b']' => Tok::ArrayClose,
                b'{' | b'}' | b')' => Tok::Other,
                b'/' => Tok::Name(self.take_while(|c| !is_white(c) && !is_delim(c))),
                _ => {
                    self.pos -= 1;
                    let word = self.take_while(|c| !is_white(c) && !is_delim(c));
                    if word.is_empty() {
                        self.pos += 1;
                        Tok::Other
                    } else {
                        number(word).unwrap_or(Tok::Key(word))
                    }
                }
            });
        }
    }

    fn literal(&mut self) -> &'a [u8] {
        let start = self.pos;
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return self.data.get(start..self.pos - 1).unwrap_or(&[]);
                    }
                }
                _ => {}
            }
        }
        self.data.get(start..).unwrap_or(&[])
    }
}

fn number(word: &[u8]) -> Option<Tok<'static>> {
    let s = std::str::from_utf8(word).ok()?;
    if let Ok(i) = s.parse::<i64>() {
        return Some(Tok::Int(i));
    }
    s.parse::<f64>().ok().map(|_| Tok::Real)
}

/// Decodes hex digits into `out` (cleared first); an odd final digit counts as followed by 0 (PDF 7.3.4.3).
pub(super) fn hex_bytes(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut hi: Option<u8> = None;
    for &c in raw {
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => continue,
        };
        match hi.take() {
            Some(h) => out.push(h << 4 | v),
            None => hi = Some(v),
        }
    }
    if let Some(h) = hi {
        out.push(h << 4);
    }
}

/// Decodes a literal string body (escapes of PDF 7.3.4.2) into `out` (cleared first).
pub(super) fn literal_bytes(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut it = raw.iter().copied().peekable();
    while let Some(c) = it.next() {
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(e) = it.next() else { break };
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match it.peek() {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            it.next();
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            b'\n' | b'\r' => {}
            other => out.push(other),
        }
    }
}

/// Everything a CMap program says that this module uses. Several programs (a `/UseCMap` chain) may be
/// parsed into one builder: later definitions win, which gives the using CMap precedence over its parent.
#[derive(Default)]
pub(super) struct CMapBuilder {
    pub(super) name: Option<Vec<u8>>,
    /// Operand of the `usecmap` operator: a predefined CMap name, resolved by the caller.
    pub(super) usecmap: Option<Vec<u8>>,
    pub(super) vertical: bool,
    pub(super) codespace: Vec<CsRange>,
    /// Per source-code length n (index n-1): the lowest and highest first byte seen, to infer a
    /// codespace when a CMap declares none.
    first_bytes: [Option<(u8, u8)>; 4],
    pub(super) text: TextMapBuilder,
    cids: Vec<CidRange>,
    notdef: Vec<CidRange>,
    /// Things worth a note in the debug view (caps reached, broken entries).
    pub(super) notes: Vec<&'static str>,
}

/// A source code: 1–4 bytes big-endian. Longer or empty strings are no codes.
fn code_of(bytes: &[u8]) -> Option<(u32, u8)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let v = bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
    Some((v, bytes.len() as u8))
}

impl CMapBuilder {
    fn note(&mut self, what: &'static str) {
        if !self.notes.contains(&what) {
            self.notes.push(what);
        }
    }

    fn saw(&mut self, code: u32, len: u8) {
        let first = (code >> (8 * (u32::from(len) - 1))) as u8;
        if let Some(slot) = self.first_bytes.get_mut(usize::from(len) - 1) {
            *slot = Some(match *slot {
                Some((lo, hi)) => (lo.min(first), hi.max(first)),
                None => (first, first),
            });
        }
    }

    /// Parses one CMap program into this builder.
    pub(super) fn parse(&mut self, data: &[u8]) {
        let mut lx = Lexer::new(data);
        let mut prev: Option<Tok> = None;
        let mut before_prev: Option<Tok> = None;
        let mut buf = Vec::new();
        while let Some(tok) = lx.next_tok() {
            if let Tok::Key(k) = tok {
                match k {
                    b"begincodespacerange" => self.codespace_block(&mut lx, &mut buf),
                    b"beginbfchar" => self.bfchar_block(&mut lx, &mut buf),
                    b"beginbfrange" => self.bfrange_block(&mut lx, &mut buf),
                    b"begincidchar" => self.cid_block(&mut lx, &mut buf, false, b"endcidchar"),
                    b"begincidrange" => self.cid_block(&mut lx, &mut buf, true, b"endcidrange"),
                    b"beginnotdefchar" => self.cid_block(&mut lx, &mut buf, false, b"endnotdefchar"),
                    b"beginnotdefrange" => self.cid_block(&mut lx, &mut buf, true, b"endnotdefrange"),
                    b"usecmap" => {
                        if let Some(Tok::Name(n)) = prev {
                            self.usecmap = Some(n.to_vec());
                        }
                    }
                    b"def" => match (before_prev, prev) {
                        (Some(Tok::Name(b"WMode")), Some(Tok::Int(m))) => self.vertical = m == 1,
                        (Some(Tok::Name(b"CMapName")), Some(Tok::Name(n))) => self.name = Some(n.to_vec()),
                        _ => {}
                    },
                    _ => {}
                }
            }
            before_prev = prev;
            prev = Some(tok);
        }
    }

    /// Reads the next string operand (hex or literal) into `buf`; `Err` on the end keyword or input end.
    fn operand<'a>(lx: &mut Lexer<'a>, buf: &mut Vec<u8>, end: &[u8]) -> Result<Option<Tok<'a>>, ()> {
        match lx.next_tok() {
            None => Err(()),
            Some(Tok::Key(k)) if k == end => Err(()),
            Some(Tok::Hex(h)) => {
                hex_bytes(h, buf);
                Ok(None)
            }
            Some(Tok::Lit(l)) => {
                literal_bytes(l, buf);
                Ok(None)
            }
            Some(other) => Ok(Some(other)),
        }
    }

    /// Reads a source code operand, skipping junk tokens; `None` at the end of the block.
    fn src<'a>(lx: &mut Lexer<'a>, buf: &mut Vec<u8>, end: &[u8]) -> Option<Option<(u32, u8)>> {
        loop {
            match Self::operand(lx, buf, end) {
                Err(()) => return None,
                Ok(None) => return Some(code_of(buf)),
                Ok(Some(Tok::Key(k))) if k.starts_with(b"begin") || k.starts_with(b"end") => return None,
                Ok(Some(_)) => continue,
            }
        }
    }

    fn codespace_block(&mut self, lx: &mut Lexer, buf: &mut Vec<u8>) {
        let end = b"endcodespacerange";
        loop {
            let Some(lo_bytes) = Self::src_bytes(lx, buf, end) else { return };
            let Some(hi_bytes) = Self::src_bytes(lx, buf, end) else { return };
            let len = lo_bytes.len();
            if len == 0 || len > 4 || hi_bytes.len() != len {
                self.note("codespace range with unequal or bad lengths skipped");
                continue;
            }
            if self.codespace.len() >= MAX_CODESPACE {
                self.note("codespace range cap reached");
                continue;
            }
            let mut r = CsRange { len: len as u8, lo: [0; 4], hi: [0; 4] };
            for (i, (l, h)) in lo_bytes.iter().zip(hi_bytes.iter()).enumerate() {
                if let (Some(lo), Some(hi)) = (r.lo.get_mut(i), r.hi.get_mut(i)) {
                    *lo = *l;
                    *hi = *h;
                }
            }
            self.codespace.push(r);
        }
    }

    fn src_bytes(lx: &mut Lexer, buf: &mut Vec<u8>, end: &[u8]) -> Option<Vec<u8>> {
        Self::src(lx, buf, end)?;
        Some(buf.clone())
    }

    fn bfchar_block(&mut self, lx: &mut Lexer, buf: &mut Vec<u8>) {
        let end = b"endbfchar";
        let mut dst = Vec::new();
        loop {
            let Some(src) = Self::src(lx, buf, end) else { return };
            let dst_tok = match Self::operand(lx, &mut dst, end) {
                Err(()) => return,
                Ok(t) => t,
            };
            let Some((code, len)) = src else {
                self.note("bfchar with a bad source code skipped");
                continue;
            };
            self.saw(code, len);
            match dst_tok {
                None => self.text.add_utf16(code, &dst),
                Some(Tok::Name(n)) => self.text.add_glyph_name(code, n),
                Some(_) => self.note("bfchar with a bad destination skipped"),
            }
        }
    }

    fn bfrange_block(&mut self, lx: &mut Lexer, buf: &mut Vec<u8>) {
        let end = b"endbfrange";
        let mut dst = Vec::new();
        loop {
            let Some(lo) = Self::src(lx, buf, end) else { return };
            let Some(hi) = Self::src(lx, buf, end) else { return };
            let (Some((lo, len)), Some((hi, _))) = (lo, hi) else {
                self.note("bfrange with a bad source code skipped");
                continue;
            };
            self.saw(lo, len);
            match Self::operand(lx, &mut dst, end) {
                Err(()) => return,
                Ok(None) if lo <= hi => self.text.add_range(lo, hi, &dst),
                Ok(Some(Tok::ArrayOpen)) => {
                    let mut code = lo;
                    loop {
                        match Self::operand(lx, &mut dst, end) {
                            Err(()) => return,
                            Ok(Some(Tok::ArrayClose)) => break,
                            Ok(None) if code <= hi => self.text.add_utf16(code, &dst),
                            Ok(Some(Tok::Name(n))) if code <= hi => self.text.add_glyph_name(code, n),
                            Ok(_) => {}
                        }
                        code = code.saturating_add(1);
                    }
                }
                Ok(_) => self.note("bfrange with a bad destination skipped"),
            }
        }
    }

    fn cid_block(&mut self, lx: &mut Lexer, buf: &mut Vec<u8>, range: bool, end: &[u8]) {
        let notdef = end.starts_with(b"endnotdef");
        loop {
            let Some(lo) = Self::src(lx, buf, end) else { return };
            let hi = if range {
                let Some(hi) = Self::src(lx, buf, end) else { return };
                hi
            } else {
                lo
            };
            let cid = match lx.next_tok() {
                None => return,
                Some(Tok::Key(k)) if k == end => return,
                Some(Tok::Int(c)) => u32::try_from(c).ok(),
                Some(_) => None,
            };
            let (Some((lo, len)), Some((hi, _)), Some(cid)) = (lo, hi, cid) else {
                self.note("cid mapping with a bad operand skipped");
                continue;
            };
            self.saw(lo, len);
            if lo > hi {
                continue;
            }
            let list = if notdef { &mut self.notdef } else { &mut self.cids };
            if list.len() >= MAX_CID_RANGES {
                self.note("cid range cap reached");
                continue;
            }
            list.push(CidRange { lo, hi, cid });
        }
    }

    pub(super) fn has_declared_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// Codespace as declared, else inferred from the lengths of the source codes seen.
    pub(super) fn codespace(&self) -> Option<Codespace> {
        if !self.codespace.is_empty() {
            return Some(Codespace::from_ranges(self.codespace.clone()));
        }
        let seen: Vec<(u8, (u8, u8))> =
            (1..=4u8).zip(self.first_bytes).filter_map(|(len, fb)| fb.map(|fb| (len, fb))).collect();
        match seen.as_slice() {
            [] => None,
            [(len, _)] => Some(Codespace::Fixed(*len)),
            // Mixed lengths without a codespace (GBK-like ToUnicode): the first bytes seen per length tell
            // the lengths apart; where they overlap the shorter length wins.
            _ => Some(Codespace::from_ranges(
                seen.iter()
                    .map(|&(len, (lo, hi))| CsRange { len, lo: [lo, 0, 0, 0], hi: [hi, 0xFF, 0xFF, 0xFF] })
                    .collect(),
            )),
        }
    }

    /// The code→CID map of an encoding CMap (`None` when it defines no CIDs).
    pub(super) fn take_cid_map(&mut self) -> Option<CidMap> {
        if self.cids.is_empty() && self.notdef.is_empty() {
            return None;
        }
        Some(CidMap::new(std::mem::take(&mut self.cids), std::mem::take(&mut self.notdef)))
    }
}
