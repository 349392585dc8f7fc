use crate::Analysis;

/// One step of the analysis pipeline: reads what earlier stages wrote on the
/// [`Analysis`] and adds its own layer.
///
/// This is the seam that lets a different implementation (a neural tagger, say)
/// replace a stage without touching its callers. A stage must be pure and
/// deterministic: no I/O, no shared mutable state, the same output for the same input.
///
/// ```
/// use hearsay_core::{Analysis, Document, Stage};
/// struct CountWords;
/// impl Stage for CountWords {
///     fn name(&self) -> &'static str { "count" }
///     fn annotate(&self, a: &mut Analysis) {
///         a.analyzer.push_str(&format!("+{}w", a.text().split_whitespace().count()));
///     }
/// }
/// let mut a = Analysis::empty(Document::new("two words"), "test");
/// CountWords.annotate(&mut a);
/// assert_eq!(a.analyzer, "test+2w");
/// ```
pub trait Stage: Send + Sync {
    /// Short name of the stage ("tokenizer", "tagger", "attribution").
    fn name(&self) -> &'static str;
    /// Add this stage's annotation to `analysis`.
    fn annotate(&self, analysis: &mut Analysis);
    /// Version of the stage's code and model (a model hash, say). It becomes part of
    /// the analyzer version stored with every analysis, so that a changed model makes
    /// `hearsay add --reanalyze` redo what the older one produced. Empty by default.
    fn version(&self) -> String {
        String::new()
    }
}
