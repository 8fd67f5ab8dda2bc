//! Generated 部门预算整体绩效目标表 documents with exact gold.
//!
//! The budget rebuild was written against one real table (临沂 2020); these documents are
//! tables nobody wrote it against: departments of twelve kinds at province, city and county
//! level across China, 4–8 duties with 2–6 indicators each, and every layout variation seen in
//! archived tables — header wordings and shapes, optional and extra columns, the merged duty
//! cells on the first, middle or last row of a duty, duties running over a page break, cells
//! OCR dropped or added, text wrapped onto id-less rows, the budget header in several forms —
//! each applied by chance and recorded in the gold's notes (see [`variation`]).
//!
//! Every variation stays readable: a careful reader of the text could write the gold. Where a
//! variation could make a row ambiguous (cells sliding out of their columns) the generator
//! checks the row reads one way before applying it ([`decode`]).
//!
//! [`generate`] draws every variation by its own chance (the natural mix the benchmark runs).
//! [`generate_with`] takes a [`Profile`]: [`Profile::plain`] is the reference table the rebuild
//! was written against, and `Profile::plain().with(v)` adds one variation, so a failure can be
//! traced to one cause. `cargo run --release -p zhibiao-synth --example budget_profiles` writes
//! a corpus per profile and prints what each variation costs (see that example).
//!
//! Pipeline: [`layout::draw_columns`] → [`content::draw`] (the gold) → [`layout::build`] →
//! [`body::build`] → [`render::render`] → [`gold::gold`]. One [`crate::dice::Dice`] drives it,
//! so a seed and a profile are one document everywhere.

pub mod body;
pub mod content;
pub mod decode;
pub mod gold;
pub mod kinds_a;
pub mod kinds_b;
pub mod layout;
pub mod profile;
pub mod render;
pub mod variation;
pub mod vocab;

#[cfg(test)]
mod tests;

use crate::dice::Dice;
use crate::Generated;
pub use profile::Profile;
pub use variation::Variation;
use variation::Notes;

/// The document of seed `seed`, its variations drawn by chance.
pub fn generate(seed: u64) -> Generated {
    generate_with(seed, &Profile::natural())
}

/// The document of seed `seed` under `profile`: [`Profile::plain`] for the reference table,
/// `Profile::plain().with(v)` to measure variation `v` alone.
pub fn generate_with(seed: u64, profile: &Profile) -> Generated {
    let name = format!("budget-{seed:06}");
    let mut d = Dice::new(seed);
    let mut notes = Notes::default();
    let p = profile;
    let cols = layout::draw_columns(&mut d, p, &mut notes);
    let content = content::draw(&mut d, p, &cols, &mut notes);
    gold::conventions(&mut notes, &content);
    let layout = layout::build(&mut d, p, &cols, content.year, &mut notes);
    let body = body::build(&mut d, p, &content, &layout, &mut notes);
    let rendered = render::render(&mut d, p, &content, &layout, &body, &mut notes);
    let gold = gold::gold(&name, &content, &rendered, &notes);
    Generated { name, text: rendered.text, gold }
}
