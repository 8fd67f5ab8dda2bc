//! Generated budget notices: to be written.

use crate::Generated;

/// The document of seed `seed`.
pub fn generate(seed: u64) -> Generated {
    Generated { name: format!("budget-{seed:06}"), text: String::new(), gold: serde_json::Value::Null }
}
