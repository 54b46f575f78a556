//! Name and vocabulary lists from real-world public sources (pinned registry packages, see
//! `xtask/src/assets.rs`), used by the name rules only together with context.
//!
//! `Lexicon::from_lists` and the lookups are what the name rules use; `Lexicon::load` reads
//! the pinned list files from the assets directory ([`sources`] parses each one).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::Error;

pub mod sources;

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

/// Surnames that are vocabulary words count as ambiguous names (not medical terms) up to this
/// English frequency rank (`green` 781, `hill` 1617); rarer ones (`coma`, `lung`) stay terms.
const AMBIGUOUS_SURNAME_MAX_RANK: usize = 3_000;

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

/// Like [`ranked`] for words that are already keys (lower-case).
fn ranked_keys(words: Vec<String>) -> HashMap<String, Rank> {
    let mut map = HashMap::with_capacity(words.len());
    for (i, w) in words.into_iter().enumerate() {
        let rank = Rank(u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1));
        map.entry(w).or_insert(rank);
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

    /// Loads the pinned lists from `assets` (the layout `cargo xtask setup` creates), each
    /// read once (at most [`obscura_onnx::MAX_ASSET_BYTES`]) and checked against its pinned
    /// SHA-256 before parsing. See [`sources`] for what each list is and how it is ranked.
    pub fn load(assets: &Path) -> Result<Self, Error> {
        let common = sources::wordfreq(assets)?;
        let common_rank: HashMap<&str, usize> = common
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i))
            .collect();
        let given = sources::by_tier_and_frequency(
            [
                sources::harvard_first_names(assets)?,
                sources::philter_first_names(assets)?,
            ],
            &common_rank,
        );
        let surnames =
            sources::by_tier_and_frequency([sources::census_surnames(assets)?], &common_rank);
        let vocabulary: HashSet<String> =
            sources::philter_vocabulary(assets)?.into_iter().collect();
        let given_set: HashSet<&str> = given.iter().map(String::as_str).collect();
        let surname_set: HashSet<&str> = surnames.iter().map(String::as_str).collect();
        // Frequency lists are counted over running text, so frequent surnames (`johnson`,
        // `roberts`, `cohen`) rank as words too: a listed name is a common word only when
        // philter's vocabulary (names removed) also has it (`will`, `hope`, `green`).
        let common_words: Vec<String> = common
            .iter()
            .filter(|w| {
                let name = given_set.contains(w.as_str()) || surname_set.contains(w.as_str());
                !name || vocabulary.contains(w.as_str())
            })
            .cloned()
            .collect();
        // philter's vocabulary keeps words that are also names (`will`, `hope`, `green`,
        // `mary`): those are ambiguous, not medical terms, when they are given names or
        // surnames among the most frequent English words. Rarer surnames that are
        // vocabulary words (`coma`, `lung`) stay terms.
        let medical: HashSet<String> = vocabulary
            .iter()
            .filter(|w| {
                let frequent = common_rank
                    .get(w.as_str())
                    .is_some_and(|&r| r < AMBIGUOUS_SURNAME_MAX_RANK);
                !(given_set.contains(w.as_str()) || (surname_set.contains(w.as_str()) && frequent))
            })
            .cloned()
            .collect();
        drop((given_set, surname_set, common_rank, vocabulary));
        // Every parser already lower-cases: build the maps without a second pass.
        Ok(Self {
            given: ranked_keys(given),
            surnames: ranked_keys(surnames),
            common: ranked_keys(common_words),
            medical,
        })
    }

    /// Number of entries in each list: given names, surnames, common words, vocabulary.
    pub fn sizes(&self) -> [usize; 4] {
        [
            self.given.len(),
            self.surnames.len(),
            self.common.len(),
            self.medical.len(),
        ]
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
