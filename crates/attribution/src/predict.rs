//! Running the model over an analysis: cues, then roles per cue, then the
//! attributions with resolved sources, via chains and hedges.

use crate::model::Model;
use crate::perceptron::Scratch;
use crate::role::{CueIndex, RoleSeq};
use crate::view::DocView;
use crate::{assemble, cue, role};
use hearsay_core::{Analysis, Attribution, Stage};

/// The pipeline stage that writes [`Analysis::attributions`].
pub struct AttributionStage {
    model: Model,
}

impl AttributionStage {
    /// A stage using `model`.
    pub fn new(model: Model) -> Self {
        AttributionStage { model }
    }
}

impl Stage for AttributionStage {
    fn name(&self) -> &'static str {
        "attribution"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        analysis.attributions = self.model.predict(analysis);
    }
}

impl Model {
    /// The attributions of an analysis whose language layers are filled in
    /// (none when it has no tokens).
    pub fn predict(&self, analysis: &Analysis) -> Vec<Attribution> {
        let a = analysis;
        if a.tokens.is_empty() {
            return Vec::new();
        }
        let v = DocView::new(a.text(), &a.tokens, &a.sentences, &a.ner);
        let mut sc = Scratch::default();
        let cues = cue::tag(&self.cue, &v, &mut sc);
        let idx = CueIndex::new(&v, &cues);
        let mut out = Vec::new();
        for &c in &cues {
            let seq = RoleSeq::new(&v, &idx, c);
            let roles = role::tag(&self.role, &seq, &mut sc);
            if let Some(att) = assemble::build(&v, c, &roles, out.len() + 1, 1.0) {
                out.push(att);
            }
        }
        out
    }
}
