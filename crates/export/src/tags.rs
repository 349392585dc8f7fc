//! Enum values as the snake_case names the graph uses (`news_outlet`, `GPE`).

use serde::Serialize;

/// The name of an enum value as it serializes.
pub(crate) fn tag<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
