//! The token-classification name model (rampart MiniLM, ONNX) through `ort`, tokenized with
//! the `tokenizers` crate.
//!
//! INTERFACE (skeleton): `NameModel::load` and `NameModel::tag` are what the sanitizer calls.

use std::path::Path;

use obscura_protocol::api::ModelDigest;

use crate::Error;

/// What the model says a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModelLabel {
    /// A given (first) name.
    GivenName,
    /// A surname.
    Surname,
    /// A street address, city, postcode or other place.
    Location,
    /// An identifier (account, licence, record number …).
    Id,
    /// Any other label the model has; ignored by the sanitizer.
    Other,
}

/// One span the model tagged, in Unicode code points of the text it was given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label.
    pub label: ModelLabel,
    /// Mean probability of the label over the span's tokens.
    pub score: f32,
}

/// The loaded model and tokenizer.
#[derive(Debug)]
pub struct NameModel {
    _private: (),
}

impl NameModel {
    /// Loads the pinned model and tokenizer from `assets`, checking their SHA-256.
    pub fn load(assets: &Path) -> Result<Self, Error> {
        let _ = obscura_onnx::runtime(assets)?;
        Ok(Self { _private: () })
    }

    /// Tags every text (batched); one list of spans per text, sorted by start.
    pub fn tag(&self, texts: &[&str]) -> Result<Vec<Vec<ModelSpan>>, Error> {
        Ok(texts.iter().map(|_| Vec::new()).collect())
    }

    /// Name and SHA-256 of the model file, for responses and workload claims.
    pub fn digest(&self) -> Option<ModelDigest> {
        None
    }
}
