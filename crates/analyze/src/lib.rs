//! The analysis pipeline: a pure function from [`Document`] to [`Analysis`].
//!
//! The [`Analyzer`] holds the stages (language, mentions, attributions) with
//! their models, loaded once; [`Analyzer::analyze`] takes `&self` and can run
//! on all cores at once, one document per task.
//!
//! ```
//! let analyzer = hearsay_analyze::Analyzer::new().unwrap();
//! let a = analyzer.analyze(hearsay_core::Document::new("Officials said it rained."));
//! assert_eq!(a.document.text, "Officials said it rained.");
//! ```

use hearsay_core::{Analysis, Document, Stage};

/// Version of the analyzer: stored with every analysis so that rows produced by
/// older models can be found and re-analyzed.
pub const ANALYZER_VERSION: &str = concat!("hearsay ", env!("CARGO_PKG_VERSION"));

/// Why the analyzer could not be built.
#[derive(Debug, thiserror::Error)]
pub enum AnalyzerError {
    /// A shipped model could not be loaded.
    #[error("loading the language models: {0}")]
    Models(String),
}

/// The pipeline of stages.
pub struct Analyzer {
    stages: Vec<Box<dyn Stage>>,
}

impl Analyzer {
    /// The full pipeline with the models shipped in the binary.
    pub fn new() -> Result<Self, AnalyzerError> {
        let mut stages = hearsay_nlp::stages().map_err(|e| AnalyzerError::Models(e.to_string()))?;
        stages.extend(hearsay_mentions::stages());
        stages.extend(hearsay_attribution::stages());
        Ok(Analyzer { stages })
    }

    /// A pipeline of the given stages, in order.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Self {
        Analyzer { stages }
    }

    /// The stages, in order (benchmarks time them one by one).
    pub fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    /// Analyze one document.
    pub fn analyze(&self, document: Document) -> Analysis {
        let mut analysis = Analysis::empty(document, ANALYZER_VERSION);
        for stage in &self.stages {
            stage.annotate(&mut analysis);
        }
        analysis
    }
}
