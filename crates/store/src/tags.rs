//! Enum values as the snake_case tags the JSON format uses, and back.

use crate::StoreError;
use serde::{Serialize, de::DeserializeOwned};

/// The tag of an enum value (`news_outlet`, `GPE`).
pub fn tag<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The enum value of a stored tag.
pub fn untag<T: DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|_| StoreError::Corrupt(format!("unknown tag {s:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{EntityType, SourceKind};

    #[test]
    fn round_trip() {
        assert_eq!(tag(&SourceKind::NewsOutlet), "news_outlet");
        assert_eq!(
            untag::<SourceKind>("news_outlet").unwrap(),
            SourceKind::NewsOutlet
        );
        assert_eq!(tag(&EntityType::Gpe), "GPE");
        assert!(untag::<SourceKind>("nonsense").is_err());
    }
}
