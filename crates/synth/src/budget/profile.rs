//! Which variations a document may carry: all of them by chance (the natural mix that
//! [`super::generate`] uses), none (a plain reference table), or a plain table with chosen
//! variations forced on, to measure one failure mechanism at a time.
//!
//! The plain table is the form the rebuild was written against (临沂 2020): a bare table under
//! its title, the printed budget-header form, three header rows with the template's labels,
//! every standard column and no extra one, duty cells on the first row of each duty, page
//! breaks between duties, no OCR noise. A variation forced on a plain table is the only
//! difference, so a score below the plain table's is that variation's cost.
//!
//! Every random draw is made in every mode and only its use differs, so a seed's content
//! (department, duties, values) stays the same across profiles as long as the forced
//! variation does not itself change what is drawn later.

use crate::dice::Dice;

use super::variation::Variation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Natural,
    Plain,
}

/// How variations are drawn for a document.
#[derive(Debug, Clone)]
pub struct Profile {
    mode: Mode,
    forced: Vec<Variation>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile::natural()
    }
}

impl Profile {
    /// Every variation by its own chance.
    pub fn natural() -> Profile {
        Profile { mode: Mode::Natural, forced: Vec::new() }
    }

    /// The reference table, without any variation.
    pub fn plain() -> Profile {
        Profile { mode: Mode::Plain, forced: Vec::new() }
    }

    /// This profile with `v` forced on (where the document allows it: a wrap needs a long
    /// cell, a shift a row that reads one way, a continued duty a page break inside a duty).
    pub fn with(mut self, v: Variation) -> Profile {
        if !self.forced.contains(&v) {
            self.forced.push(v);
        }
        self
    }

    pub fn is_natural(&self) -> bool {
        self.mode == Mode::Natural
    }

    pub fn forces(&self, v: Variation) -> bool {
        self.forced.contains(&v)
    }

    /// Whether `v` applies, where it applies with probability `p` in the natural mix. The
    /// dice are rolled in every mode.
    pub fn on(&self, d: &mut Dice, v: Variation, p: f64) -> bool {
        let roll = d.chance(p);
        self.forces(v) || (self.is_natural() && roll)
    }

    /// A choice between alternatives: the forced one, else `natural` in the natural mix, else
    /// the plain table's `plain`.
    pub fn pick<T: Copy>(&self, natural: T, plain: T, forced: &[(Variation, T)]) -> T {
        if let Some(&(_, t)) = forced.iter().find(|(v, _)| self.forces(*v)) {
            return t;
        }
        if self.is_natural() {
            natural
        } else {
            plain
        }
    }

    /// A short name for file names: `natural`, `plain`, `plain+wrap-indicator`.
    pub fn name(&self) -> String {
        let mut s = if self.is_natural() { "natural".to_string() } else { "plain".to_string() };
        for v in &self.forced {
            s.push('+');
            s.push_str(v.tag());
        }
        s
    }
}
