//! The content-stream interpreter: every glyph a page shows, placed in page space, and every
//! axis-aligned segment it draws.
//!
//! It follows PDF 32000-1 §8–9 as far as text extraction needs: the graphics state stack
//! (`q`/`Q`, `cm`), text objects and the text state (`Tf Tc Tw Tz TL Ts Tr`, `Tm Td TD T*`,
//! `Tj TJ ' "`), form XObjects (`Do`, with their `/Matrix` and resources), path construction
//! (`m l re h c v y`) and painting (`S s f F f* B B* b b* n`), fill and stroke colours only as
//! far as "white or not" (white rules are invisible, white boxes are backgrounds). Glyph
//! advances come from the font's widths (see [`super::font`]), so each glyph lands where the
//! viewer draws it. Images are only measured, to tell a scan from a text page.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::geom::{Matrix, Rect};
use super::lexer::{LexFault, Lexer, Operand};
use super::paint::{Path, Rules};
use super::PdfLimits;

/// One character on the page. A glyph that maps to several characters (a ligature) gives
/// one per character, sharing its box.
#[derive(Debug, Clone, PartialEq)]
pub struct PageChar {
    pub ch: char,
    pub bbox: Rect,
    /// The font size in page units (the glyph's height on the page).
    pub size: f32,
    /// The text runs left to right, upright (not rotated, not vertical writing).
    pub upright: bool,
    /// Order in which the page drew it.
    pub seq: u32,
}

/// An axis-aligned ruling segment in page space: `x0 == x1` (vertical) or `y0 == y1`
/// (horizontal), with `x0 <= x1` and `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Segment {
    pub fn is_horizontal(&self) -> bool {
        self.y1 - self.y0 < self.x1 - self.x0
    }
}

/// What a page draws.
#[derive(Debug, Default)]
pub struct PageMarks {
    pub chars: Vec<PageChar>,
    pub segments: Vec<Segment>,
    /// Area of the page covered by images (page units², overlaps counted twice).
    pub image_area: f32,
    pub images: u32,
    /// Glyphs that could not be mapped to Unicode, by font name.
    pub unmapped: Vec<(String, u32)>,
    /// `q` nested past [`PdfLimits::max_state_depth`]: saved states that were not kept.
    pub dropped_states: u32,
    /// Form XObjects not drawn because they draw themselves (directly or through others).
    pub form_cycles: u32,
    /// Glyphs a clip path cut through (their centre outside it, part of them inside): text a
    /// fixed-height cell was too short for, which the writer cut off at the cell's edge.
    pub clipped: Vec<PageChar>,
}

/// Why a page could not be interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentFault {
    /// More operators than [`PdfLimits::max_operators`].
    TooManyOperators(u64),
    /// A content stream (or all of a page's together) inflates past [`PdfLimits::max_content_bytes`].
    TooLarge(usize),
    /// Arrays nested too deep, at this byte of the stream.
    TooDeep(usize),
    /// Form XObjects nested past [`PdfLimits::max_form_depth`].
    FormsTooDeep(usize),
}

impl std::fmt::Display for ContentFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentFault::TooManyOperators(n) => write!(f, "expected a page content stream, found more than {n} operators"),
            ContentFault::TooLarge(n) => write!(f, "the page's content inflates past {} MiB", n >> 20),
            ContentFault::TooDeep(at) => write!(f, "byte {at} of the content stream: arrays nested too deep"),
            ContentFault::FormsTooDeep(n) => write!(f, "form XObjects nested more than {n} deep"),
        }
    }
}

/// Fonts of a document, loaded once and shared by its pages.
#[derive(Default)]
pub struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
}

/// The resource dictionaries in scope, nearest first.
#[derive(Clone)]
pub struct Resources<'d> {
    dicts: Vec<&'d Dictionary>,
}

fn deref<'d>(doc: &'d Document, obj: &'d Object) -> Option<(Option<ObjectId>, &'d Object)> {
    doc.dereference(obj).ok()
}

fn dict_of<'d>(doc: &'d Document, obj: &'d Object) -> Option<&'d Dictionary> {
    match deref(doc, obj)?.1 {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

impl<'d> Resources<'d> {
    pub fn of_page(doc: &'d Document, page: ObjectId) -> Resources<'d> {
        let mut dicts = Vec::new();
        if let Ok((direct, ids)) = doc.get_page_resources(page) {
            dicts.extend(direct);
            dicts.extend(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()));
        }
        Resources { dicts }
    }

    /// Entry `name` of sub-dictionary `kind` (`Font`, `XObject`), nearest scope first.
    fn lookup(&self, doc: &'d Document, kind: &[u8], name: &[u8]) -> Option<(Option<ObjectId>, &'d Object)> {
        self.dicts.iter().find_map(|d| {
            let sub = dict_of(doc, d.get(kind).ok()?)?;
            deref(doc, sub.get(name).ok()?)
        })
    }
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
    fill_white: bool,
    stroke_white: bool,
    /// The clipping region as far as a rectangle tells it (the bounding box of each clip path):
    /// LibreOffice draws a merged cell's whole text on every page it spans and clips it to
    /// the part of the cell on that page.
    clip: Option<Rect>,
}

pub struct Interpreter<'d, 'c> {
    doc: &'d Document,
    fonts: &'c mut FontCache,
    limits: PdfLimits,
    state: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    path: Path,
    ops: u64,
    content_bytes: usize,
    forms: Vec<ObjectId>,
    unmapped: HashMap<String, u32>,
    pub marks: PageMarks,
}

fn white_gray(v: f32) -> bool {
    v >= 0.99
}

impl<'d, 'c> Interpreter<'d, 'c> {
    pub fn new(doc: &'d Document, fonts: &'c mut FontCache, limits: PdfLimits, page_matrix: Matrix) -> Self {
        Interpreter {
            doc,
            fonts,
            limits,
            state: GState {
                ctm: page_matrix,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                hscale: 1.0,
                leading: 0.0,
                rise: 0.0,
                fill_white: false,
                stroke_white: false,
                clip: None,
            },
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            path: Path::default(),
            ops: 0,
            content_bytes: 0,
            forms: Vec::new(),
            unmapped: HashMap::new(),
            marks: PageMarks::default(),
        }
    }

    /// The page's marks, with the unmapped-glyph counts gathered.
    pub fn finish(mut self) -> PageMarks {
        let mut unmapped: Vec<(String, u32)> = self.unmapped.drain().collect();
        unmapped.sort();
        self.marks.unmapped = unmapped;
        self.marks
    }

    /// Counts inflated content against the page's budget.
    pub fn charge(&mut self, bytes: usize) -> Result<(), ContentFault> {
        self.content_bytes = self.content_bytes.saturating_add(bytes);
        if self.content_bytes > self.limits.max_content_bytes {
            return Err(ContentFault::TooLarge(self.limits.max_content_bytes));
        }
        Ok(())
    }

    /// Bytes the page may still inflate.
    pub fn remaining_bytes(&self) -> usize {
        self.limits.max_content_bytes.saturating_sub(self.content_bytes)
    }

    /// Runs one content stream with the resources in scope.
    pub fn run(&mut self, content: &[u8], res: &Resources<'d>) -> Result<(), ContentFault> {
        let mut lx = Lexer::new(content);
        loop {
            let op = match lx.next_op() {
                Ok(Some(op)) => op,
                Ok(None) => return Ok(()),
                Err(LexFault::TooDeep { offset }) => return Err(ContentFault::TooDeep(offset)),
            };
            self.ops += 1;
            if self.ops > self.limits.max_operators {
                return Err(ContentFault::TooManyOperators(self.limits.max_operators));
            }
            self.op(op, &lx, res)?;
        }
    }

    fn op(&mut self, op: &[u8], lx: &Lexer<'_>, res: &Resources<'d>) -> Result<(), ContentFault> {
        match op {
            b"q" => {
                if self.stack.len() < self.limits.max_state_depth {
                    self.stack.push(self.state.clone());
                } else {
                    self.marks.dropped_states += 1;
                }
            }
            b"Q" => {
                if let Some(s) = self.stack.pop() {
                    self.state = s;
                }
            }
            b"cm" => {
                let m = Matrix::new(lx.nums::<6>());
                if m.is_finite() {
                    self.state.ctm = m.then(&self.state.ctm);
                }
            }
            b"BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            b"ET" => {}
            b"Tf" => {
                self.state.size = lx.num(lx.operands.len().saturating_sub(1));
                self.state.font = lx.last_name().and_then(|n| self.font(res, n));
            }
            b"Tc" => self.state.char_spacing = lx.nums::<1>()[0],
            b"Tw" => self.state.word_spacing = lx.nums::<1>()[0],
            b"Tz" => self.state.hscale = lx.nums::<1>()[0] / 100.0,
            b"TL" => self.state.leading = lx.nums::<1>()[0],
            b"Ts" => self.state.rise = lx.nums::<1>()[0],
            b"Td" => {
                let [tx, ty] = lx.nums::<2>();
                self.next_line(tx, ty);
            }
            b"TD" => {
                let [tx, ty] = lx.nums::<2>();
                self.state.leading = -ty;
                self.next_line(tx, ty);
            }
            b"Tm" => {
                let m = Matrix::new(lx.nums::<6>());
                if m.is_finite() {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            b"T*" => self.next_line(0.0, -self.state.leading),
            b"Tj" => {
                if let Some(Operand::Str(s, e)) = lx.operands.last() {
                    self.show(lx.string(*s, *e));
                }
            }
            b"'" => {
                self.next_line(0.0, -self.state.leading);
                if let Some(Operand::Str(s, e)) = lx.operands.last() {
                    self.show(lx.string(*s, *e));
                }
            }
            b"\"" => {
                let [aw, ac] = {
                    let n = lx.operands.len();
                    [lx.num(n.saturating_sub(3)), lx.num(n.saturating_sub(2))]
                };
                self.state.word_spacing = aw;
                self.state.char_spacing = ac;
                self.next_line(0.0, -self.state.leading);
                if let Some(Operand::Str(s, e)) = lx.operands.last() {
                    self.show(lx.string(*s, *e));
                }
            }
            b"TJ" => {
                if let Some(Operand::Array(s, e)) = lx.operands.last() {
                    for item in lx.array(*s, *e) {
                        match item {
                            Operand::Str(a, b) => self.show(lx.string(*a, *b)),
                            Operand::Number(n) if n.is_finite() => {
                                let tx = -n / 1000.0 * self.state.size * self.state.hscale;
                                self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
                            }
                            _ => {}
                        }
                    }
                }
            }
            b"Do" => {
                if let Some(name) = lx.last_name() {
                    self.draw_xobject(res, name)?;
                }
            }
            b"BI" => self.image(),
            b"m" => {
                let p = self.user_point(lx.nums::<2>());
                self.path.start = Some(p);
                self.path.current = Some(p);
                self.path.visit(p);
            }
            b"l" => {
                let p = self.user_point(lx.nums::<2>());
                if let Some(from) = self.path.current {
                    self.path.lines.push((from, p));
                }
                self.path.current = Some(p);
                self.path.visit(p);
                if self.path.start.is_none() {
                    self.path.start = Some(p);
                }
            }
            b"c" | b"v" | b"y" => {
                // Curves are never rules; only the current point moves.
                let [x, y] = lx.nums::<2>();
                let p = self.user_point([x, y]);
                self.path.current = Some(p);
                self.path.visit(p);
            }
            b"h" => {
                if let (Some(from), Some(to)) = (self.path.current, self.path.start) {
                    if from != to {
                        self.path.lines.push((from, to));
                    }
                    self.path.current = Some(to);
                }
            }
            b"re" => {
                let [x, y, w, h] = lx.nums::<4>();
                let corners = [
                    self.user_point([x, y]),
                    self.user_point([x + w, y]),
                    self.user_point([x + w, y + h]),
                    self.user_point([x, y + h]),
                ];
                for c in corners {
                    self.path.visit(c);
                }
                self.path.rects.push(corners);
                self.path.start = corners.first().copied();
                self.path.current = self.path.start;
            }
            b"S" | b"s" => {
                if op == b"s" {
                    self.op(b"h", lx, res)?;
                }
                self.paint(true, false);
            }
            b"f" | b"F" | b"f*" => self.paint(false, true),
            b"B" | b"B*" | b"b" | b"b*" => {
                if op.starts_with(b"b") {
                    self.op(b"h", lx, res)?;
                }
                self.paint(true, true);
            }
            b"n" => {
                let path = std::mem::take(&mut self.path);
                self.apply_clip(&path);
            }
            b"W" | b"W*" => self.path.clips = true,
            b"g" => self.state.fill_white = white_gray(lx.nums::<1>()[0]),
            b"G" => self.state.stroke_white = white_gray(lx.nums::<1>()[0]),
            b"rg" => self.state.fill_white = lx.nums::<3>().iter().all(|&v| white_gray(v)),
            b"RG" => self.state.stroke_white = lx.nums::<3>().iter().all(|&v| white_gray(v)),
            b"k" => self.state.fill_white = lx.nums::<4>().iter().all(|&v| v <= 0.01),
            b"K" => self.state.stroke_white = lx.nums::<4>().iter().all(|&v| v <= 0.01),
            b"sc" | b"scn" => self.state.fill_white = color_is_white(lx),
            b"SC" | b"SCN" => self.state.stroke_white = color_is_white(lx),
            // A colour space change resets the colour to its initial value: black for the common spaces.
            b"cs" => self.state.fill_white = false,
            b"CS" => self.state.stroke_white = false,
            _ => {}
        }
        Ok(())
    }

    fn user_point(&self, [x, y]: [f32; 2]) -> (f32, f32) {
        self.state.ctm.apply(x, y)
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }

    fn font(&mut self, res: &Resources<'d>, name: &[u8]) -> Option<Rc<Font>> {
        let (id, obj) = res.lookup(self.doc, b"Font", name)?;
        let dict = match obj {
            Object::Dictionary(d) => d,
            _ => return None,
        };
        match id {
            Some(id) => {
                if let Some(f) = self.fonts.by_id.get(&id) {
                    return Some(f.clone());
                }
                let f = Rc::new(Font::load(self.doc, dict));
                self.fonts.by_id.insert(id, f.clone());
                Some(f)
            }
            None => Some(Rc::new(Font::load(self.doc, dict))),
        }
    }

    /// Shows a string: places each glyph and advances the text matrix (PDF 9.4.4).
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else { return };
        let st = &self.state;
        let (size, hscale, tc, tw, rise) = (st.size, st.hscale, st.char_spacing, st.word_spacing, st.rise);
        let ctm = st.ctm;
        let clip = st.clip;
        let type3 = font.font_matrix();
        let mut tm = self.tm;
        let mut unmapped = 0u32;
        let chars = &mut self.marks.chars;
        let cut = &mut self.marks.clipped;
        font.decode(bytes, |g| {
            let w0 = g.width / 1000.0;
            // Glyph space → text space → page space.
            let trm = Matrix::new([size * hscale, 0.0, 0.0, size, 0.0, rise]).then(&tm).then(&ctm);
            if g.unmapped {
                unmapped += 1;
            } else if !g.text.is_empty() {
                let (descent, ascent) = match type3 {
                    Some(_) => (0.0, 1.0),
                    None => (-0.12, 0.88),
                };
                let corners = [trm.apply(0.0, descent), trm.apply(w0, descent), trm.apply(w0, ascent), trm.apply(0.0, ascent)];
                let bbox = Rect::around(&corners);
                let clipped = clip.is_some_and(|c| !c.contains(bbox.center()));
                let glyph_size = (trm.c * trm.c + trm.d * trm.d).sqrt();
                let upright = trm.b.abs() < 1e-3 * trm.a.abs().max(1e-6) && trm.a > 0.0 && trm.d < 0.0;
                let n = g.text.chars().count().max(1) as f32;
                // Cut through, or just past the edge (the glyph box is the em box, the clip the
                // cell's inside): the line the cut went through. Text further out is drawn for
                // another page (LibreOffice draws a merged cell's text on every page it spans).
                let reach = 0.5 * bbox.height();
                if clipped && clip.is_some_and(|c| bbox.x0 < c.x1 && bbox.x1 > c.x0 && bbox.y0 < c.y1 + reach && bbox.y1 > c.y0 - reach) {
                    for (i, ch) in g.text.chars().enumerate() {
                        let part = bbox.width() / n;
                        let x0 = bbox.x0 + part * i as f32;
                        cut.push(PageChar { ch, bbox: Rect { x0, x1: x0 + part, ..bbox }, size: glyph_size, upright, seq: u32::MAX });
                    }
                }
                for (i, ch) in g.text.chars().enumerate().filter(|_| !clipped) {
                    let part = bbox.width() / n;
                    let x0 = bbox.x0 + part * i as f32;
                    let b = Rect { x0, x1: x0 + part, ..bbox };
                    let seq = chars.len() as u32;
                    chars.push(PageChar { ch, bbox: b, size: glyph_size, upright, seq });
                }
            }
            let tx = (w0 * size + tc + if g.is_space { tw } else { 0.0 }) * hscale;
            tm = Matrix::translate(tx, 0.0).then(&tm);
        });
        self.tm = tm;
        if unmapped > 0 {
            *self.unmapped.entry(font.name().to_string()).or_insert(0) += unmapped;
        }
    }

    fn image(&mut self) {
        let ctm = self.state.ctm;
        let r = Rect::around(&[ctm.apply(0.0, 0.0), ctm.apply(1.0, 0.0), ctm.apply(1.0, 1.0), ctm.apply(0.0, 1.0)]);
        self.marks.images += 1;
        self.marks.image_area += r.area();
    }

    fn draw_xobject(&mut self, res: &Resources<'d>, name: &[u8]) -> Result<(), ContentFault> {
        let Some((id, Object::Stream(stream))) = res.lookup(self.doc, b"XObject", name) else { return Ok(()) };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        if subtype == b"Image" {
            self.image();
            return Ok(());
        }
        if subtype != b"Form" {
            return Ok(());
        }
        if let Some(id) = id {
            if self.forms.contains(&id) {
                self.marks.form_cycles += 1;
                return Ok(());
            }
        }
        if self.forms.len() >= self.limits.max_form_depth {
            return Err(ContentFault::FormsTooDeep(self.limits.max_form_depth));
        }
        let content = match stream.decompressed_content_with_limit(self.remaining_bytes()) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(ContentFault::TooLarge(self.limits.max_content_bytes))
            }
            // Unfiltered or undecodable: the raw bytes, as viewers try.
            Err(_) => stream.content.clone(),
        };
        self.charge(content.len())?;
        let mut inner = res.clone();
        if let Some(own) = stream.dict.get(b"Resources").ok().and_then(|o| dict_of(self.doc, o)) {
            inner.dicts.insert(0, own);
        }
        let saved = (self.state.clone(), self.stack.len(), self.tm, self.tlm);
        if let Ok(m) = stream.dict.get(b"Matrix").and_then(Object::as_array) {
            let v: Vec<f32> = m.iter().filter_map(|o| o.as_float().ok()).collect();
            if let [a, b, c, d, e, f] = v[..] {
                let m = Matrix::new([a, b, c, d, e, f]);
                if m.is_finite() {
                    self.state.ctm = m.then(&self.state.ctm);
                }
            }
        }
        self.forms.push(id.unwrap_or((0, 0)));
        let result = self.run(&content, &inner);
        self.forms.pop();
        self.state = saved.0;
        self.stack.truncate(saved.1);
        self.tm = saved.2;
        self.tlm = saved.3;
        result
    }

    /// Turns the current path into ruling segments, as far as it draws visible straight rules.
    /// A clip path narrows the clip to its bounding box.
    fn apply_clip(&mut self, path: &Path) {
        if !path.clips {
            return;
        }
        let Some(b) = path.bounds else { return };
        self.state.clip = Some(match self.state.clip {
            Some(c) => c.intersect(&b),
            None => b,
        });
    }

    fn paint(&mut self, stroke: bool, fill: bool) {
        let path = std::mem::take(&mut self.path);
        self.apply_clip(&path);
        let visible_stroke = stroke && !self.state.stroke_white;
        let visible_fill = fill && !self.state.fill_white;
        let rules = Rules { stroke: visible_stroke, fill: visible_fill, clip: self.state.clip, max_thickness: self.limits.max_rule_thickness };
        rules.add(&path, &mut self.marks.segments);
    }
}

fn color_is_white(lx: &Lexer<'_>) -> bool {
    let nums: Vec<f32> = lx.operands.iter().filter_map(|o| if let Operand::Number(v) = o { Some(*v) } else { None }).collect();
    match nums.len() {
        1 | 3 => nums.iter().all(|&v| white_gray(v)),
        4 => nums.iter().all(|&v| v <= 0.01),
        _ => false,
    }
}

