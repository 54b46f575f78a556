//! Stage 3: burned-in text (PP-OCRv4 det + cls + rec).

use std::fmt;

use zeroize::Zeroizing;

use super::pixels::BoxF;

/// Recognised text: zeroized on drop, `Debug` prints only the length, no `Serialize`.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretText(Zeroizing<String>);

impl SecretText {
    /// Takes ownership of `text`.
    pub fn new(text: String) -> Self {
        Self(Zeroizing::new(text))
    }

    /// Borrows the plaintext (for the sanitizer and the PII decision only).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted text, {} bytes>", self.0.len())
    }
}

/// One detected line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Axis-aligned box in image pixel coordinates.
    pub bbox: BoxF,
    /// Recogniser confidence in 0..=1 (detector score when not recognised).
    pub score: f32,
    /// The recognised text.
    pub text: SecretText,
}
