//! Attributions: cue, source, content and source chains.

use hearsay_core::Stage;

/// The attribution stages in pipeline order. Placeholder until the attribution work lands.
pub fn stages() -> Vec<Box<dyn Stage>> {
    Vec::new()
}
