//! Name and vocabulary lists from real-world public sources (pinned registry packages, see
//! `xtask/src/assets.rs`), used by the name rules only together with context.
//!
//! INTERFACE (skeleton): `Lexicon::from_lists` and the lookups are what the name rules use;
//! `Lexicon::load` reads the pinned list files from the assets directory.

use std::collections::HashMap;
use std::path::Path;

use crate::Error;

/// How common a word is in a list: `rank` 1 is the most frequent entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank(pub u32);

/// Lookups over the name lists and vocabularies. Keys are compared case-insensitively
/// (lower-cased, apostrophes kept).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    given: HashMap<String, Rank>,
    surnames: HashMap<String, Rank>,
    common: HashMap<String, Rank>,
    medical: std::collections::HashSet<String>,
}

fn key(word: &str) -> String {
    word.to_lowercase()
}

fn ranked<I: IntoIterator<Item = String>>(words: I) -> HashMap<String, Rank> {
    let mut map = HashMap::new();
    for (i, w) in words.into_iter().enumerate() {
        let rank = Rank(u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1));
        map.entry(key(&w)).or_insert(rank);
    }
    map
}

impl Lexicon {
    /// An empty lexicon (rules then rely on context and the model alone).
    pub fn empty() -> Self {
        Self::default()
    }

    /// Builds a lexicon from lists ordered most frequent first: given names, surnames,
    /// common English words, medical vocabulary (eponyms, drugs, anatomy).
    pub fn from_lists<G, S, C, M>(given: G, surnames: S, common: C, medical: M) -> Self
    where
        G: IntoIterator<Item = String>,
        S: IntoIterator<Item = String>,
        C: IntoIterator<Item = String>,
        M: IntoIterator<Item = String>,
    {
        Self {
            given: ranked(given),
            surnames: ranked(surnames),
            common: ranked(common),
            medical: medical.into_iter().map(|w| key(&w)).collect(),
        }
    }

    /// Loads the pinned lists from `assets` (the layout `cargo xtask setup` creates).
    pub fn load(assets: &Path) -> Result<Self, Error> {
        let _ = assets;
        Ok(Self::empty())
    }

    /// Rank of `word` among given (first) names.
    pub fn given_name(&self, word: &str) -> Option<Rank> {
        self.given.get(&key(word)).copied()
    }

    /// Rank of `word` among surnames.
    pub fn surname(&self, word: &str) -> Option<Rank> {
        self.surnames.get(&key(word)).copied()
    }

    /// Rank of `word` among common English words (lower-case usage).
    pub fn common_word(&self, word: &str) -> Option<Rank> {
        self.common.get(&key(word)).copied()
    }

    /// True when `word` is in the medical vocabulary (eponyms, drugs, anatomy, terms).
    pub fn is_medical(&self, word: &str) -> bool {
        self.medical.contains(&key(word))
    }
}
