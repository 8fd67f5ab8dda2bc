//! Generated performance notices: to be written.

use crate::Generated;

/// The document of seed `seed`.
pub fn generate(seed: u64) -> Generated {
    Generated { name: format!("performance-{seed:06}"), text: String::new(), gold: serde_json::Value::Null }
}
