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
//! per entity type. Plaintext stays in [`SecretText`] (zeroized, redacted `Debug`); no
//! internal type that holds text implements `Debug`.
//!
//! Overlapping spans of different kinds are replaced by their union, which takes the kind
//! of highest priority: email, URL, SSN, ID, phone, date, age, organisation, location,
//! person (so `Johns Hopkins Hospital` is one `[ORG]`, and nothing of either span leaks).
//!
//! The name model plugs in through [`Sanitizer::sanitize`] (after the rules, it calls
//! `NameModel::tag` at most once per request, only on the texts, or for long texts the
//! sentences, where a word that could be a name is left unexplained by the rules) or, for
//! callers that run the model themselves, [`Sanitizer::sanitize_with`] with a
//! [`ModelOutput`]. Model person spans are one more source of mentions: the
//! stop-list vetoes them on drugs, eponyms and anatomy, and propagation labels them like the
//! rules' own. If the model fails, the sanitizer fails closed (see [`Sanitizer::sanitize`]).

mod error;
pub mod eval;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod propagate;
pub mod recognize;
mod sanitizer;
mod span_index;
pub mod stoplist;
mod token;
mod types;

pub use self::error::Error;
pub use self::sanitizer::{MODEL_CONTEXT_TOKENS, MODEL_WHOLE_TEXT_TOKENS, ModelOutput, Sanitizer};
pub use self::types::{Entity, Sanitized, Texts};
pub use obscura_protocol::api::{EntityCounts, EntityKind, RedactedText};
pub use obscura_protocol::secret::SecretText;
