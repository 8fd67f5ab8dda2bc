//! Page geometry: the affine matrices of the content stream and the page's own frame.
//!
//! Everything the reader measures is in *page space*: PDF points with the origin at the top
//! left of the visible page (the crop box), y growing downwards, after the page's `/Rotate`.
//! The interpreter starts each page with [`page_matrix`] as its CTM, so every glyph and
//! segment comes out in page space directly and nothing downstream knows about rotation.

/// A PDF matrix `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix { a: 1.0, b: 0.0, c: 0.0, d: 1.0, e: 0.0, f: 0.0 };

    pub fn new(m: [f32; 6]) -> Matrix {
        let [a, b, c, d, e, f] = m;
        Matrix { a, b, c, d, e, f }
    }

    pub fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix { e: tx, f: ty, ..Matrix::IDENTITY }
    }

    /// `self` then `then`: the matrix of applying `self` first (PDF's `self × then`).
    pub fn then(&self, then: &Matrix) -> Matrix {
        Matrix {
            a: self.a * then.a + self.b * then.c,
            b: self.a * then.b + self.b * then.d,
            c: self.c * then.a + self.d * then.c,
            d: self.c * then.b + self.d * then.d,
            e: self.e * then.a + self.f * then.c + then.e,
            f: self.e * then.b + self.f * then.d + then.f,
        }
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f)
    }

    /// True when every entry is finite: a matrix built from hostile numbers is ignored.
    pub fn is_finite(&self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f].iter().all(|v| v.is_finite())
    }
}

/// A rectangle in page space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    /// The bounding box of the points.
    pub fn around(points: &[(f32, f32)]) -> Rect {
        let mut r = Rect { x0: f32::MAX, y0: f32::MAX, x1: f32::MIN, y1: f32::MIN };
        for &(x, y) in points {
            r.x0 = r.x0.min(x);
            r.y0 = r.y0.min(y);
            r.x1 = r.x1.max(x);
            r.y1 = r.y1.max(y);
        }
        r
    }
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
    pub fn center(&self) -> (f32, f32) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
    pub fn contains(&self, (x, y): (f32, f32)) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    pub fn area(&self) -> f32 {
        self.width().max(0.0) * self.height().max(0.0)
    }
    pub fn intersect(&self, o: &Rect) -> Rect {
        Rect { x0: self.x0.max(o.x0), y0: self.y0.max(o.y0), x1: self.x1.min(o.x1), y1: self.y1.min(o.y1) }
    }
}

/// The visible frame of a page: its crop box (clipped to the media box) and `/Rotate`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageFrame {
    /// The crop box in default user space.
    pub crop: [f32; 4],
    /// 0, 90, 180 or 270 (clockwise, as `/Rotate` says).
    pub rotate: u32,
}

impl PageFrame {
    /// Width and height of the page as displayed.
    pub fn size(&self) -> (f32, f32) {
        let [x0, y0, x1, y1] = self.crop;
        let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
        if self.rotate % 180 == 90 {
            (h, w)
        } else {
            (w, h)
        }
    }
}

/// From default user space to page space (top-left origin, y down, rotation applied).
pub fn page_matrix(frame: &PageFrame) -> Matrix {
    let [x0, y0, x1, y1] = frame.crop;
    let (cx0, cy0, cx1, cy1) = (x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1));
    match frame.rotate {
        90 => Matrix::new([0.0, 1.0, 1.0, 0.0, -cy0, -cx0]),
        180 => Matrix::new([-1.0, 0.0, 0.0, 1.0, cx1, -cy0]),
        270 => Matrix::new([0.0, -1.0, -1.0, 0.0, cy1, cx1]),
        _ => Matrix::new([1.0, 0.0, 0.0, -1.0, -cx0, cy1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f32, f32), b: (f32, f32)) -> bool {
        (a.0 - b.0).abs() < 1e-3 && (a.1 - b.1).abs() < 1e-3
    }

    #[test]
    fn page_space_puts_the_visible_top_left_at_the_origin_for_every_rotation() {
        let crop = [10.0, 20.0, 610.0, 820.0];
        // (unrotated top-left, unrotated bottom-left) → where they are displayed.
        let cases = [
            (0, (0.0, 0.0), (0.0, 800.0)),
            (90, (800.0, 0.0), (0.0, 0.0)),
            (180, (600.0, 800.0), (600.0, 0.0)),
            (270, (0.0, 600.0), (800.0, 600.0)),
        ];
        for (rotate, top_left, bottom_left) in cases {
            let m = page_matrix(&PageFrame { crop, rotate });
            assert!(close(m.apply(10.0, 820.0), top_left), "rotate {rotate}: {:?}", m.apply(10.0, 820.0));
            assert!(close(m.apply(10.0, 20.0), bottom_left), "rotate {rotate}: {:?}", m.apply(10.0, 20.0));
        }
    }

    #[test]
    fn then_applies_the_left_matrix_first() {
        let scale = Matrix::new([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(5.0, 1.0);
        assert!(close(scale.then(&shift).apply(1.0, 1.0), (7.0, 3.0)));
        assert!(close(shift.then(&scale).apply(1.0, 1.0), (12.0, 4.0)));
    }
}
