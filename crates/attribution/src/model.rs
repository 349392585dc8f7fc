//! The attribution model: cue tagger and role tagger weights, stored as one
//! compressed file (`models/attribution.bin`, shipped inside the binary).

use crate::error::ModelError;
use crate::perceptron::{Weights, take};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{Read, Write};
use std::path::Path;

/// File magic and format version.
const MAGIC: &str = "HSATTR02";

/// The trained weights of both taggers, with a note on how they were trained.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) cue: Weights,
    pub(crate) role: Weights,
    pub(crate) keep: Weights,
    /// Added to the score of starting a cue: trades precision for recall.
    pub(crate) cue_bias: f32,
    /// Added to the filter's margin for keeping a candidate.
    pub(crate) keep_bias: f32,
    about: String,
}

/// The model shipped with hearsay (trained by `hearsay train attributions`).
static SHIPPED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/attribution.bin"
));

impl Model {
    /// Assemble a model from trained weights.
    pub(crate) fn new(
        cue: Weights,
        role: Weights,
        keep: Weights,
        cue_bias: f32,
        keep_bias: f32,
        about: String,
    ) -> Self {
        Model {
            cue,
            role,
            keep,
            cue_bias,
            keep_bias,
            about,
        }
    }

    /// How the model was trained (data, epochs, seed), as recorded at training.
    pub fn about(&self) -> &str {
        &self.about
    }

    /// The same model with `note` appended to its training note.
    pub fn with_note(mut self, note: &str) -> Self {
        self.about = format!("{}; {note}", self.about);
        self
    }

    /// The same model with another threshold for keeping a candidate
    /// attribution: higher values keep more (recall), lower ones fewer (precision).
    pub fn with_keep_bias(mut self, keep_bias: f32) -> Self {
        self.keep_bias = keep_bias;
        self
    }

    /// The threshold for keeping a candidate attribution (see [`Model::with_keep_bias`]).
    pub fn keep_bias(&self) -> f32 {
        self.keep_bias
    }

    /// The model shipped inside the binary.
    pub fn shipped() -> Result<Self, ModelError> {
        Self::from_bytes(SHIPPED)
    }

    /// Serialize (gzip-compressed).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC.as_bytes());
        raw.extend_from_slice(&(self.about.len() as u32).to_le_bytes());
        raw.extend_from_slice(self.about.as_bytes());
        raw.extend_from_slice(&self.cue_bias.to_le_bytes());
        raw.extend_from_slice(&self.keep_bias.to_le_bytes());
        self.cue.encode(&mut raw);
        self.role.encode(&mut raw);
        self.keep.encode(&mut raw);
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&raw).expect("writing to memory");
        gz.finish().expect("writing to memory")
    }

    /// Read what [`Model::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut raw = Vec::new();
        GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| ModelError::Corrupt(format!("decompressing: {e}")))?;
        let mut input = raw.as_slice();
        if take(&mut input, MAGIC.len()).ok() != Some(MAGIC.as_bytes()) {
            return Err(ModelError::BadMagic { expected: MAGIC });
        }
        let n = u32::from_le_bytes(take(&mut input, 4)?.try_into().expect("4 bytes")) as usize;
        let about = String::from_utf8(take(&mut input, n)?.to_vec())
            .map_err(|_| ModelError::Corrupt("training note is not UTF-8".into()))?;
        let cue_bias = f32::from_le_bytes(take(&mut input, 4)?.try_into().expect("4 bytes"));
        let keep_bias = f32::from_le_bytes(take(&mut input, 4)?.try_into().expect("4 bytes"));
        if !cue_bias.is_finite() || !keep_bias.is_finite() {
            return Err(ModelError::Corrupt("a bias is not a number".into()));
        }
        let cue = Weights::decode(&mut input)?;
        let role = Weights::decode(&mut input)?;
        let keep = Weights::decode(&mut input)?;
        if cue.labels() != crate::cue::LABELS
            || role.labels() != crate::role::LABELS
            || keep.labels() != crate::filter::LABELS
        {
            return Err(ModelError::Corrupt("unexpected label counts".into()));
        }
        if !input.is_empty() {
            return Err(ModelError::Corrupt("trailing bytes".into()));
        }
        Ok(Model {
            cue,
            role,
            keep,
            cue_bias,
            keep_bias,
            about,
        })
    }

    /// Read a model file.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(&bytes)
    }

    /// Write a model file.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        std::fs::write(path, self.to_bytes()).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let m = Model::new(
            Weights::new(4, 3),
            Weights::new(4, 3),
            Weights::new(4, 2),
            1.5,
            -2.0,
            "test".into(),
        );
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back, m);
        assert!(Model::from_bytes(b"not a model").is_err());
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(b"HSATTR00rest").unwrap();
        assert!(matches!(
            Model::from_bytes(&gz.finish().unwrap()),
            Err(ModelError::BadMagic { .. })
        ));
    }

    #[test]
    fn shipped_model_loads() {
        let m = Model::shipped().expect("the shipped model loads");
        assert!(!m.about().is_empty());
    }
}
