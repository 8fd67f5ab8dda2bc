//! A content-stream tokenizer: operands and operators, read once, without building objects.
//!
//! lopdf's `Content::decode` builds an `Object` per operand and a `Vec` per operation; a table
//! page holds tens of thousands of operators, so the interpreter reads this borrowed form
//! instead. Strings are decoded into a scratch buffer that lives as long as one operation;
//! arrays (only `TJ` and marked-content properties use them) are flattened into it too.
//! Everything hostile input can make unbounded — nesting, operator count — has a bound, and a
//! malformed token is skipped rather than trusted: viewers render such pages, so we read them.

/// One operand on the stack of the current operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand {
    Number(f32),
    /// A name, without its `/`, as a range of the content bytes.
    Name(u32, u32),
    /// A decoded string as a range of [`Lexer::strings`].
    Str(u32, u32),
    /// An array as a range of [`Lexer::items`] (nested arrays are flattened into it).
    Array(u32, u32),
    /// Anything the interpreter never needs the value of: booleans, null, dictionaries.
    Other,
}

/// Why the tokenizer stopped before the end of the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexFault {
    /// Arrays or dictionaries nested deeper than [`MAX_NESTING`].
    TooDeep { offset: usize },
}

/// Arrays and dictionaries nested in one operand. Real producers nest two levels at most
/// (a marked-content property dictionary holding an array).
pub const MAX_NESTING: usize = 64;
/// Operands one operation may have; more are dropped (real operators take at most 6, `TJ` one array).
const MAX_OPERANDS: usize = 64;

pub struct Lexer<'a> {
    data: &'a [u8],
    at: usize,
    /// The operands of the current operation.
    pub operands: Vec<Operand>,
    /// Flattened array items of the current operation.
    pub items: Vec<Operand>,
    /// Decoded string bytes of the current operation.
    pub strings: Vec<u8>,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Parses a PDF number (`12`, `-.5`, `+3.`); a malformed one reads as 0 as viewers do.
fn parse_number(tok: &[u8]) -> f32 {
    let mut neg = false;
    let mut i = 0;
    if let Some(&s) = tok.first() {
        if s == b'-' || s == b'+' {
            neg = s == b'-';
            i = 1;
        }
    }
    let mut int: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut scale: f64 = 1.0;
    let mut seen_dot = false;
    for &b in tok.iter().skip(i) {
        match b {
            b'0'..=b'9' if seen_dot => {
                scale /= 10.0;
                frac += f64::from(b - b'0') * scale;
            }
            b'0'..=b'9' => int = int * 10.0 + f64::from(b - b'0'),
            b'.' if !seen_dot => seen_dot = true,
            // A second sign or dot (`--5`, `1.2.3`): keep what was read.
            _ => break,
        }
    }
    let v = (int + frac) as f32;
    if neg {
        -v
    } else {
        v
    }
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, at: 0, operands: Vec::new(), items: Vec::new(), strings: Vec::new() }
    }

    /// The byte offset reached, for error messages.
    pub fn offset(&self) -> usize {
        self.at
    }

    pub fn name(&self, start: u32, end: u32) -> &'a [u8] {
        self.data.get(start as usize..end as usize).unwrap_or(&[])
    }

    pub fn string(&self, start: u32, end: u32) -> &[u8] {
        self.strings.get(start as usize..end as usize).unwrap_or(&[])
    }

    pub fn array(&self, start: u32, end: u32) -> &[Operand] {
        self.items.get(start as usize..end as usize).unwrap_or(&[])
    }

    /// The number operand `i` of the current operation (0 where it is missing or not a number).
    pub fn num(&self, i: usize) -> f32 {
        match self.operands.get(i) {
            Some(Operand::Number(v)) if v.is_finite() => *v,
            _ => 0.0,
        }
    }

    /// The last `n` number operands as an array, for operators whose operands are counted from the end.
    pub fn nums<const N: usize>(&self) -> [f32; N] {
        let mut out = [0.0; N];
        let skip = self.operands.len().saturating_sub(N);
        for (slot, op) in out.iter_mut().zip(self.operands.iter().skip(skip)) {
            if let Operand::Number(v) = op {
                if v.is_finite() {
                    *slot = *v;
                }
            }
        }
        out
    }

    /// The last name operand.
    pub fn last_name(&self) -> Option<&'a [u8]> {
        self.operands.iter().rev().find_map(|op| match op {
            Operand::Name(s, e) => Some(self.name(*s, *e)),
            _ => None,
        })
    }

    fn skip_white_and_comments(&mut self) {
        while let Some(&b) = self.data.get(self.at) {
            if is_white(b) {
                self.at += 1;
            } else if b == b'%' {
                while let Some(&c) = self.data.get(self.at) {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular_token(&mut self) -> &'a [u8] {
        let start = self.at;
        while let Some(&b) = self.data.get(self.at) {
            if is_white(b) || is_delim(b) {
                break;
            }
            self.at += 1;
        }
        self.data.get(start..self.at).unwrap_or(&[])
    }

    /// Reads the next operation: fills `operands` and returns its operator, or None at the end.
    pub fn next_op(&mut self) -> Result<Option<&'a [u8]>, LexFault> {
        self.operands.clear();
        self.items.clear();
        self.strings.clear();
        loop {
            self.skip_white_and_comments();
            let Some(&b) = self.data.get(self.at) else { return Ok(None) };
            let op = match b {
                b'/' | b'(' | b'<' | b'[' | b'+' | b'-' | b'.' | b'0'..=b'9' => self.operand(0)?,
                b')' | b'>' | b']' | b'}' | b'{' => {
                    // Stray closing delimiter: skip it.
                    self.at += 1;
                    continue;
                }
                _ => {
                    let tok = self.regular_token();
                    match tok {
                        b"true" | b"false" | b"null" => Operand::Other,
                        b"" => {
                            self.at += 1;
                            continue;
                        }
                        _ => {
                            if tok == b"BI" {
                                self.skip_inline_image();
                            }
                            return Ok(Some(tok));
                        }
                    }
                }
            };
            if self.operands.len() < MAX_OPERANDS {
                self.operands.push(op);
            }
        }
    }

    /// One operand starting at the current byte.
    fn operand(&mut self, depth: usize) -> Result<Operand, LexFault> {
        let Some(&b) = self.data.get(self.at) else { return Ok(Operand::Other) };
        match b {
            b'/' => {
                self.at += 1;
                let start = self.at;
                let tok = self.regular_token();
                Ok(Operand::Name(start as u32, (start + tok.len()) as u32))
            }
            b'(' => Ok(self.literal_string()),
            b'<' if self.data.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                self.skip_dictionary(depth + 1)?;
                Ok(Operand::Other)
            }
            b'<' => Ok(self.hex_string()),
            b'[' => {
                if depth + 1 > MAX_NESTING {
                    return Err(LexFault::TooDeep { offset: self.at });
                }
                self.at += 1;
                let start = self.items.len();
                loop {
                    self.skip_white_and_comments();
                    match self.data.get(self.at) {
                        None => break,
                        Some(b']') => {
                            self.at += 1;
                            break;
                        }
                        Some(_) => {
                            let before = self.at;
                            let item = self.operand(depth + 1)?;
                            match item {
                                // Nested arrays are flattened: already pushed.
                                Operand::Array(..) => {}
                                _ => self.items.push(item),
                            }
                            if self.at == before {
                                self.at += 1;
                            }
                        }
                    }
                }
                Ok(Operand::Array(start as u32, self.items.len() as u32))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let tok = self.regular_token();
                Ok(Operand::Number(parse_number(tok)))
            }
            _ => {
                let tok = self.regular_token();
                if tok.is_empty() {
                    self.at += 1;
                }
                Ok(Operand::Other)
            }
        }
    }

    /// Skips a dictionary body up to its `>>`, minding strings and nesting.
    fn skip_dictionary(&mut self, depth: usize) -> Result<(), LexFault> {
        if depth > MAX_NESTING {
            return Err(LexFault::TooDeep { offset: self.at });
        }
        loop {
            self.skip_white_and_comments();
            match self.data.get(self.at) {
                None => return Ok(()),
                Some(b'>') if self.data.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    return Ok(());
                }
                Some(b'(') => {
                    let mark = self.strings.len();
                    self.literal_string();
                    self.strings.truncate(mark);
                }
                Some(b'<') if self.data.get(self.at + 1) == Some(&b'<') => {
                    self.at += 2;
                    self.skip_dictionary(depth + 1)?;
                }
                Some(b'<') => {
                    let mark = self.strings.len();
                    self.hex_string();
                    self.strings.truncate(mark);
                }
                Some(b'[') => {
                    let (items, strings) = (self.items.len(), self.strings.len());
                    self.operand(depth + 1)?;
                    self.items.truncate(items);
                    self.strings.truncate(strings);
                }
                Some(_) => {
                    if self.regular_token().is_empty() {
                        self.at += 1;
                    }
                }
            }
        }
    }

    fn literal_string(&mut self) -> Operand {
        let start = self.strings.len();
        self.at += 1;
        let mut depth = 1u32;
        while let Some(&b) = self.data.get(self.at) {
            self.at += 1;
            match b {
                b'(' => {
                    depth += 1;
                    self.strings.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    self.strings.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.at) else { break };
                    self.at += 1;
                    match e {
                        b'n' => self.strings.push(b'\n'),
                        b'r' => self.strings.push(b'\r'),
                        b't' => self.strings.push(b'\t'),
                        b'b' => self.strings.push(8),
                        b'f' => self.strings.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.at) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            self.strings.push((v & 0xff) as u8);
                        }
                        // A backslash before an end of line continues the string.
                        b'\r' => {
                            if self.data.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        other => self.strings.push(other),
                    }
                }
                _ => self.strings.push(b),
            }
        }
        Operand::Str(start as u32, self.strings.len() as u32)
    }

    fn hex_string(&mut self) -> Operand {
        let start = self.strings.len();
        self.at += 1;
        let mut high: Option<u8> = None;
        while let Some(&b) = self.data.get(self.at) {
            self.at += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_value(b) else { continue };
            match high.take() {
                Some(h) => self.strings.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        // An odd digit count: the last digit is followed by an implied 0.
        if let Some(h) = high {
            self.strings.push(h << 4);
        }
        Operand::Str(start as u32, self.strings.len() as u32)
    }

    /// Skips an inline image (`BI … ID <data> EI`): the data is binary and must not be tokenized.
    fn skip_inline_image(&mut self) {
        // The dictionary part, up to `ID`.
        loop {
            self.skip_white_and_comments();
            if self.at >= self.data.len() {
                return;
            }
            if self.data.get(self.at..self.at + 2) == Some(b"ID") {
                self.at += 3;
                break;
            }
            let before = self.at;
            let mark = (self.items.len(), self.strings.len());
            let _ = self.operand(1);
            self.items.truncate(mark.0);
            self.strings.truncate(mark.1);
            if self.at == before {
                self.at += 1;
            }
        }
        // The data, up to `EI` standing alone.
        while self.at < self.data.len() {
            let here = self.data.get(self.at..self.at + 2);
            let before = self.at.checked_sub(1).and_then(|i| self.data.get(i)).copied().unwrap_or(b' ');
            let after = self.data.get(self.at + 2).copied().unwrap_or(b' ');
            if here == Some(b"EI") && is_white(before) && (is_white(after) || is_delim(after)) {
                self.at += 2;
                return;
            }
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand>)> {
        let mut lx = Lexer::new(data);
        let mut out = Vec::new();
        while let Ok(Some(op)) = lx.next_op() {
            out.push((String::from_utf8_lossy(op).into_owned(), lx.operands.clone()));
        }
        out
    }

    #[test]
    fn reads_operators_with_their_operands() {
        let got = ops(b"BT /F1 10.5 Tf 1 0 0 1 72 -.5 Tm (a\\(b\\)\\101) Tj ET");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "Tj", "ET"]);
        assert_eq!(got[1].1[1], Operand::Number(10.5));
        assert_eq!(got[2].1[5], Operand::Number(-0.5));
        let mut lx = Lexer::new(b"(a\\(b\\)\\101) Tj");
        lx.next_op().unwrap();
        let Operand::Str(s, e) = lx.operands[0] else { panic!() };
        assert_eq!(lx.string(s, e), b"a(b)A");
    }

    #[test]
    fn reads_tj_arrays_and_hex_strings() {
        let mut lx = Lexer::new(b"[<0041 42> -250 (c)] TJ");
        assert_eq!(lx.next_op().unwrap(), Some(&b"TJ"[..]));
        let Operand::Array(s, e) = lx.operands[0] else { panic!() };
        let items = lx.array(s, e).to_vec();
        assert_eq!(items.len(), 3);
        let Operand::Str(a, b) = items[0] else { panic!() };
        assert_eq!(lx.string(a, b), &[0x00, 0x41, 0x42]);
        assert_eq!(items[1], Operand::Number(-250.0));
    }

    #[test]
    fn skips_inline_images_and_dictionaries() {
        let got = ops(b"q BI /W 2 /H 2 /BPC 8 ID \x00EI\xff\x10 EI Q /P <</MCID 3 /A [1 2]>> BDC EMC");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["q", "BI", "Q", "BDC", "EMC"]);
    }

    #[test]
    fn deep_nesting_is_a_fault_not_a_stack_overflow() {
        let mut data = vec![b'['; 100_000];
        data.extend_from_slice(b" TJ");
        let mut lx = Lexer::new(&data);
        assert!(matches!(lx.next_op(), Err(LexFault::TooDeep { .. })));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_always_advances(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let mut lx = Lexer::new(&data);
            let mut n = 0;
            while let Ok(Some(_)) = lx.next_op() {
                n += 1;
                proptest::prop_assert!(n <= data.len() + 1);
            }
        }
    }
}
