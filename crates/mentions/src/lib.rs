//! Entities with aliases, quantities, time expressions and hedges.

use hearsay_core::Stage;

/// The mention stages in pipeline order. Placeholder until the mentions work lands.
pub fn stages() -> Vec<Box<dyn Stage>> {
    Vec::new()
}
