//! The sanitizer's one error enum. No variant carries input text.

/// Everything that can go wrong loading or running the sanitizer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The ONNX Runtime or a pinned asset could not be loaded (unreadable file, digest
    /// mismatch, session creation).
    #[error(transparent)]
    Onnx(#[from] obscura_onnx::Error),
    /// The name model's tokenizer file could not be parsed or configured.
    #[error("name-model tokenizer: {detail}")]
    Tokenizer {
        /// The tokenizer library's message (about the pinned file, never about input).
        detail: String,
    },
    /// The name model's configuration or graph is not what this code expects.
    #[error("name model malformed: {reason}")]
    ModelMalformed {
        /// What is wrong.
        reason: &'static str,
    },
    /// A text could not be tokenized (the tokenizer's message is dropped: it may quote input).
    #[error("a text could not be tokenized")]
    Encode,
    /// ONNX Runtime failed while running the name model.
    #[error("name-model inference: {detail}")]
    Inference {
        /// The runtime's message (shapes and operators, never input values).
        detail: String,
    },
    /// A pinned name or word list does not have the expected format.
    #[error("lexicon list {name} malformed: {reason}")]
    LexiconMalformed {
        /// The list's path relative to the assets directory.
        name: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
}
