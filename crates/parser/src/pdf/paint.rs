//! Paths into ruling segments: what a painted path draws that can be a table rule.
//!
//! A stroked straight line that is horizontal or vertical (within 0.5 pt) is a rule; so is a
//! filled box thinner than [`super::PdfLimits::max_rule_thickness`] (Word draws borders so),
//! taken along its long side. A stroked box, or a shaded cell, gives its four edges. White
//! ink is invisible, and rules are cut to the clip.

use super::geom::Rect;
use super::interp::Segment;

/// The path being built, in page space.
#[derive(Default)]
pub struct Path {
    pub lines: Vec<((f32, f32), (f32, f32))>,
    pub rects: Vec<[(f32, f32); 4]>,
    pub start: Option<(f32, f32)>,
    pub current: Option<(f32, f32)>,
    /// Every point the path visits, for a clip.
    pub bounds: Option<Rect>,
    /// `W` / `W*` seen: the path clips when it is painted or ended.
    pub clips: bool,
}

impl Path {
    pub fn visit(&mut self, p: (f32, f32)) {
        self.bounds = Some(match self.bounds {
            Some(b) => Rect { x0: b.x0.min(p.0), y0: b.y0.min(p.1), x1: b.x1.max(p.0), y1: b.y1.max(p.1) },
            None => Rect { x0: p.0, y0: p.1, x1: p.0, y1: p.1 },
        });
    }
}

/// How a path is painted, as far as rules care.
pub struct Rules {
    /// Stroked with visible (not white) ink.
    pub stroke: bool,
    /// Filled with visible ink.
    pub fill: bool,
    pub clip: Option<Rect>,
    pub max_thickness: f32,
}

impl Rules {
    /// Adds the rules `path` draws to `out`.
    pub fn add(&self, path: &Path, out: &mut Vec<Segment>) {
        let max = self.max_thickness;
        let clip = self.clip.map(|c| Rect { x0: c.x0 - 1.0, y0: c.y0 - 1.0, x1: c.x1 + 1.0, y1: c.y1 + 1.0 });
        let mut push = |a: (f32, f32), b: (f32, f32)| {
            let Some(mut s) = axis_segment(a, b) else { return };
            if let Some(c) = clip {
                // The part of the rule inside the clip.
                s = Segment { x0: s.x0.max(c.x0), y0: s.y0.max(c.y0), x1: s.x1.min(c.x1), y1: s.y1.min(c.y1) };
                if s.x0 > s.x1 || s.y0 > s.y1 {
                    return;
                }
            }
            out.push(s);
        };
        let thin_box = |bbox: Rect, push: &mut dyn FnMut((f32, f32), (f32, f32))| {
            let (cx, cy) = bbox.center();
            if bbox.width() >= bbox.height() {
                push((bbox.x0, cy), (bbox.x1, cy));
            } else {
                push((cx, bbox.y0), (cx, bbox.y1));
            }
        };
        for r in &path.rects {
            let bbox = Rect::around(r);
            let thin = bbox.width() <= max || bbox.height() <= max;
            if self.fill && thin {
                thin_box(bbox, &mut push);
            } else if self.stroke || self.fill {
                push((bbox.x0, bbox.y0), (bbox.x1, bbox.y0));
                push((bbox.x0, bbox.y1), (bbox.x1, bbox.y1));
                push((bbox.x0, bbox.y0), (bbox.x0, bbox.y1));
                push((bbox.x1, bbox.y0), (bbox.x1, bbox.y1));
            }
        }
        if self.stroke {
            for &(a, b) in &path.lines {
                push(a, b);
            }
        } else if self.fill {
            // A filled polygon of straight lines that is a thin axis-aligned box.
            let points: Vec<(f32, f32)> = path.lines.iter().flat_map(|&(a, b)| [a, b]).collect();
            if points.len() >= 4 {
                let bbox = Rect::around(&points);
                let axis = path.lines.iter().all(|&(a, b)| axis_segment(a, b).is_some());
                if axis && (bbox.width() <= max || bbox.height() <= max) {
                    thin_box(bbox, &mut push);
                }
            }
        }
    }
}

/// The segment from `a` to `b` when it is horizontal or vertical (within 0.5 pt).
pub fn axis_segment(a: (f32, f32), b: (f32, f32)) -> Option<Segment> {
    const SLANT: f32 = 0.5;
    if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) {
        return None;
    }
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    if y1 - y0 <= SLANT && x1 - x0 > SLANT {
        let y = (y0 + y1) / 2.0;
        Some(Segment { x0, y0: y, x1, y1: y })
    } else if x1 - x0 <= SLANT && y1 - y0 > SLANT {
        let x = (x0 + x1) / 2.0;
        Some(Segment { x0: x, y0, x1: x, y1 })
    } else {
        None
    }
}
