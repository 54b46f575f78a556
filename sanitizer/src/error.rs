//! The sanitizer's one error enum. No variant carries input text.

/// Everything that can go wrong loading or running the sanitizer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The ONNX Runtime or the name model could not be loaded.
    #[error(transparent)]
    Onnx(#[from] obscura_onnx::Error),
}
