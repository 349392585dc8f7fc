//! The analysis pipeline: a pure function from [`Document`] to [`Analysis`].
//!
//! The [`Analyzer`] holds the stages (language identification, the English
//! language models, mentions, attributions) with their models, loaded once;
//! [`Analyzer::analyze`] takes `&self` and can run on all cores at once, one
//! document per task. A document that is not in English keeps its language and
//! an `unsupported_language` flag, and nothing else: the English models would
//! invent claims in it.
//!
//! ```
//! let analyzer = hearsay_analyze::Analyzer::new().unwrap();
//! let a = analyzer.analyze(hearsay_core::Document::new("Officials said it rained."));
//! assert_eq!(a.document.text, "Officials said it rained.");
//! assert_eq!(a.analyzer, analyzer.version());
//!
//! let de = analyzer.analyze(hearsay_core::Document::new(
//!     "Die Regierung bestätigte am Dienstag, dass drei weitere Frachtschiffe festgehalten werden.",
//! ));
//! assert_eq!(de.document.language.as_deref(), Some("de"));
//! assert!(de.unsupported_language() && de.attributions.is_empty() && de.tokens.is_empty());
//! ```

use hearsay_core::{Analysis, Document, Stage};

/// Version of the hearsay code; the full analyzer version ([`Analyzer::version`])
/// adds each stage's name and model version.
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
    version: String,
}

impl Analyzer {
    /// The full pipeline with the models shipped in the binary: language
    /// identification first, then the English stages. The language models and
    /// the mention and attribution data load on two threads, so start-up takes
    /// about as long as the larger half.
    pub fn new() -> Result<Self, AnalyzerError> {
        let (language, rest) = std::thread::scope(|s| {
            let rest = s.spawn(|| {
                let mut stages = hearsay_mentions::stages();
                stages.extend(hearsay_attribution::stages());
                stages
            });
            let language = hearsay_nlp::stages();
            (
                language,
                rest.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            )
        });
        let mut stages: Vec<Box<dyn Stage>> = vec![Box::new(hearsay_langid::LanguageStage)];
        stages.extend(language.map_err(|e| AnalyzerError::Models(e.to_string()))?);
        stages.extend(rest);
        Ok(Self::from_stages(stages))
    }

    /// A pipeline of the given stages, in order.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Self {
        let version = version_of(&stages);
        Analyzer { stages, version }
    }

    /// The stages, in order (benchmarks time them one by one).
    pub fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    /// The analyzer version stored with every analysis: the code version and
    /// each stage's name and model version, e.g.
    /// `hearsay 0.1.0 [tokenizer tagger@3f2a9c parser@8b1d07 …]`. A store
    /// re-analyzes documents whose stored version differs.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Analyze one document. A stage that flags it `unsupported_language`
    /// ends the pipeline: the stages after it read English only.
    pub fn analyze(&self, document: Document) -> Analysis {
        let mut analysis = Analysis::empty(document, self.version.clone());
        for stage in &self.stages {
            stage.annotate(&mut analysis);
            if analysis.unsupported_language() {
                break;
            }
        }
        analysis
    }
}

fn version_of(stages: &[Box<dyn Stage>]) -> String {
    let parts: Vec<String> = stages
        .iter()
        .map(|s| match s.version() {
            v if v.is_empty() => s.name().to_string(),
            v => format!("{}@{v}", s.name()),
        })
        .collect();
    format!("{ANALYZER_VERSION} [{}]", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Tagged(&'static str, &'static str);

    impl Stage for Tagged {
        fn name(&self) -> &'static str {
            self.0
        }
        fn annotate(&self, a: &mut Analysis) {
            a.flags.push(hearsay_core::Flag {
                kind: hearsay_core::FlagKind::UnresolvedSource,
                entities: vec![],
                mentions: vec![],
                note: self.0.to_string(),
            });
        }
        fn version(&self) -> String {
            self.1.to_string()
        }
    }

    #[test]
    fn stages_run_in_order_and_name_the_version() {
        let analyzer = Analyzer::from_stages(vec![
            Box::new(Tagged("one", "")),
            Box::new(Tagged("two", "ab12")),
        ]);
        assert_eq!(
            analyzer.version(),
            format!("{ANALYZER_VERSION} [one two@ab12]")
        );
        let a = analyzer.analyze(Document::new("x"));
        let notes: Vec<&str> = a.flags.iter().map(|f| f.note.as_str()).collect();
        assert_eq!(notes, ["one", "two"]);
        assert_eq!(a.analyzer, analyzer.version());
    }

    #[test]
    fn a_foreign_document_ends_the_pipeline() {
        let analyzer = Analyzer::from_stages(vec![
            Box::new(hearsay_langid::LanguageStage),
            Box::new(Tagged("english", "")),
        ]);
        let ru = analyzer.analyze(Document::new(
            "Министр сказал, что переговоры продолжатся на следующей неделе.",
        ));
        let kinds: Vec<_> = ru.flags.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [hearsay_core::FlagKind::UnsupportedLanguage]);
        let en = analyzer.analyze(Document::new(
            "The minister said on Monday that the talks would resume next week in Geneva, officials said.",
        ));
        let notes: Vec<&str> = en.flags.iter().map(|f| f.note.as_str()).collect();
        assert!(notes.contains(&"english"), "{notes:?}");
    }

    #[test]
    fn the_shipped_pipeline_is_deterministic() {
        let analyzer = Analyzer::new().unwrap();
        let doc = Document::new(
            "Officials said on Monday that 1,500 troops had arrived, according to Reuters.",
        );
        assert_eq!(analyzer.analyze(doc.clone()), analyzer.analyze(doc));
    }
}
