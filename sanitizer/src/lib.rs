//! The text sanitizer: every person name in a request's texts becomes `PERSON_1`,
//! `PERSON_2`, … (the same person the same label everywhere in the request, different people
//! never one label) and other health identifiers become typed tags (`[DATE]`, `[ID]`, …).
//!
//! Layers, in data-flow order, each testable alone:
//! 1. [`recognize`]: structured identifiers (dates, ages, phones, emails, URLs, SSNs,
//!    labelled identifiers, addresses, postcodes);
//! 2. names: the token-classification model ([`model`]) plus rules ([`names`]): the DICOM
//!    person-name form, cue words, name lists ([`lexicon`]) used only with context, a
//!    medical stop-list ([`stoplist`]), runs of non-Latin script;
//! 3. [`propagate`]: every other mention of a found person's name tokens gets the same label.
//!
//! [`Sanitizer::sanitize`] runs them over a whole request ([`Texts`]) and returns the
//! redacted texts, the spans (Unicode code-point offsets into the originals) and the counts
//! per entity type. Plaintext stays in [`SecretText`] (zeroized, redacted `Debug`).

mod error;
pub mod eval;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod propagate;
pub mod recognize;
mod sanitizer;
pub mod stoplist;
mod token;
mod types;

pub use self::error::Error;
pub use self::sanitizer::{ModelOutput, Sanitizer};
pub use self::types::{Entity, Sanitized, Texts};
pub use obscura_protocol::api::{EntityCounts, EntityKind, RedactedText};
pub use obscura_protocol::secret::SecretText;
