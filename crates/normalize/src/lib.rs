//! Field normalisation and consistency checks for zhibiao records.
//!
//! The parser crate reads a table into cells and rebuilds its rows; while doing so it calls
//! the functions here to turn each cell into the value the output contract
//! (`shared/spec/output-schema.md`) wants:
//!
//! - [`text`]: folding OCR wrap spaces and half-width punctuation out of text fields;
//! - [`names`] and [`units`]: one entry per person or unit, undoing padded names and lost
//!   line breaks (units need a per-document [`UnitLexicon`], learned by the caller);
//! - [`basis`]: one 文件依据 entry per cited document, and the sources a 一级指标 cites;
//! - [`values`]: points, weights, deadlines and document numbers;
//! - [`classify`]: what a cell holds, for placing values when the OCR shifted a row;
//! - [`quantity`]: the number, unit and bound of a printed target value (`60家`, `≥95%`).
//!
//! [`checks`] runs afterwards on the finished [`zhibiao_model::Table`] and reports, as
//! issues, every place where weights, totals, declared counts or ids do not add up;
//! [`confidence`] then settles each record's confidence from what the rebuild inferred and
//! what the checks doubt.
//!
//! Everything here is a pure function of its input: no I/O, no state beyond the lexicon the
//! caller owns, and no panics on any input text.

mod chars;

pub mod basis;
pub mod checks;
pub mod classify;
pub mod confidence;
pub mod names;
pub mod quantity;
pub mod text;
pub mod units;
pub mod values;

pub use basis::{cited_sources, looks_cut, split_basis};
pub use checks::check_table;
pub use classify::{
    has_doc_number, has_points, is_deadline, is_weight, looks_like_names, looks_like_units,
    parse_id, total_label,
};
pub use names::{names_wrap_unsure, split_names};
pub use quantity::parse_quantity;
pub use text::{fold_text, squash};
pub use units::{split_units, UnitLexicon, UnitSplit};
pub use values::{normalize_doc_number, parse_deadline, parse_weight, split_points, Deadline};
