//! The sanitizer's input and output types.

use obscura_protocol::api::{EntityCounts, EntityKind, RedactedText};
use obscura_protocol::secret::SecretText;

/// The texts of one request (a caption and its OCR lines, or a list sent to
/// `/v1/sanitize`), sanitized together so one person gets one label across all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    items: Vec<SecretText>,
}

impl Texts {
    /// The texts, in order.
    pub fn new(items: Vec<SecretText>) -> Self {
        Self { items }
    }

    /// Appends one text; returns its index.
    pub fn push(&mut self, text: SecretText) -> usize {
        self.items.push(text);
        self.items.len() - 1
    }

    /// The texts, in order.
    pub fn items(&self) -> &[SecretText] {
        &self.items
    }

    /// Number of texts.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// One replaced span of an original text: the protocol's
/// [`TextEntity`](obscura_protocol::api::TextEntity) (the same type the
/// enclave returns). Offsets are Unicode code points (not bytes) into the original text,
/// `start..end`; `label` is `PERSON_n` for people and `None` for typed tags.
pub use obscura_protocol::api::TextEntity as Entity;

/// The result of sanitizing one request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sanitized {
    /// The redacted texts, one per input text, in order.
    pub texts: Vec<RedactedText>,
    /// For each input text, the replaced spans, sorted by start, non-overlapping.
    pub entities: Vec<Vec<Entity>>,
    /// Number of entities replaced per type, over the whole request.
    pub counts: EntityCounts,
}

/// A span found by a rule, in byte offsets of one text (internal; the API converts to code
/// points).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// What it is.
    pub(crate) kind: EntityKind,
}

/// Overlap priority (higher wins when spans of different kinds overlap; the union of the
/// overlapping spans is replaced, so nothing of either leaks): email, URL, SSN, labelled ID,
/// phone, date, age, organisation, location, person.
pub(crate) fn priority(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Email => 10,
        EntityKind::Url => 9,
        EntityKind::Ssn => 8,
        EntityKind::Id => 7,
        EntityKind::Phone => 6,
        EntityKind::Date => 5,
        EntityKind::Age => 4,
        EntityKind::Org => 3,
        EntityKind::Location => 2,
        EntityKind::Person => 1,
    }
}
