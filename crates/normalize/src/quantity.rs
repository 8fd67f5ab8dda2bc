//! Typed values: the number, unit and bound a printed target value states.
//!
//! (stub — being written)

use zhibiao_model::Quantity;

/// Reads a printed value (`60家`, `34.6%`, `10-13个`, `≥95%`, `应做尽做`); `None` for empty text.
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    let t = text.trim();
    (!t.is_empty()).then(|| Quantity::Qualitative { qualitative: t.to_string() })
}
