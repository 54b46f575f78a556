//! People and label propagation over a whole request (caption and OCR lines together).
//!
//! 1. **Clustering** (`cluster`): mentions are read in request order (text by text, left
//!    to right). A mention joins the most recently mentioned *compatible* person, else it
//!    starts a new one. Two mentions are incompatible when they have different surnames,
//!    different given names, or a given name and an initial that disagree (a surname that
//!    is the other's middle name is no conflict: `Nurul Aisyah` and `Nurul Aisyah binti
//!    Ahmad`); they are
//!    compatible when, without a conflict, they share a surname, a given name, a name word
//!    (for one-word mentions) or a run of another script. So `SMITH^JOHN`, `John Smith`,
//!    `J. Smith`, `Smith, John` and `Dr. Smith` are one person, while `John Smith` and
//!    `Mary Smith` are two.
//! 2. **Bare shared surname rule**: a one-word mention (`Smith`) compatible with several
//!    people goes to the one mentioned most recently before it; when none was mentioned
//!    before it, to the first of them. It never creates a label of its own while a
//!    compatible person exists, and never merges two people.
//! 3. **Propagation** (`propagate`): every other occurrence of a person's name words in
//!    any text of the request gets that person's label, with the same most-recent rule.
//!    Case-insensitive, possessive `'s` ignored, a preceding matching initial included.
//!    A lower-case occurrence is propagated only when it is neither a common word nor on
//!    the stop-list (`will`, `mark`, `hope`, `green`, `lung` stay); a word that is common
//!    or stop-listed is propagated only when capitalised mid-sentence, on a line that is not
//!    all caps, and not used as an eponym (`Bell's palsy`).
//! 4. **Initials** (`initials_of`): an upper-case word of two or three letters that spells a
//!    person's initials (the given name's, then one or two of the later name words' in
//!    order, particles skipped: `SB` for Storm Bird, `FH` or `FHT` for Florencia Huamán
//!    Ticona) is that person, when it can be initials at all: no team or order (`CT`),
//!    field word (`MS`), nor a time or measurement with a number or colon next to it (`BP
//!    120/80`, `3 PM`); letters that only spell such an abbreviation (`PM`) are a named
//!    person's initials. So are dotted initials (`G.O.`, see `dotted_initials`) that are no
//!    dotted abbreviation (`P.M.`, `I.V.`).

use std::collections::HashMap;

use crate::names::{Mention, NameRules, eponym_context, head_after};
use crate::stoplist;
use crate::token::{Class, Shape, Token};
use crate::types::Span;

/// One person of a request.
// No `Debug`: it holds plaintext name parts.
#[derive(Clone, Default)]
pub(crate) struct Person {
    given: Option<String>,
    surname: Option<String>,
    initial: Option<char>,
    extra: Vec<String>,
    others: Vec<String>,
    /// Request position (text, byte) of the latest mention.
    last: (usize, usize),
}

/// A person span in one text of the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// Index of the text in the request.
    pub(crate) text: usize,
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// Index of the person.
    pub(crate) person: usize,
}

fn initial_of(s: &str) -> Option<char> {
    s.chars().next()
}

/// The space-separated words of a run of another script (`Иван Петров` → both), two
/// characters or more.
fn other_parts(run: &str) -> impl Iterator<Item = &str> {
    std::iter::once(run)
        .chain(run.split(' '))
        .filter(|w| w.chars().count() >= 2)
}

/// The words a mention can share with a person.
fn mention_words(m: &Mention) -> impl Iterator<Item = &str> {
    [&m.given, &m.surname]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(m.extra.iter().map(String::as_str))
        .chain(m.other.as_deref().into_iter().flat_map(other_parts))
}

fn conflicts(p: &Person, m: &Mention) -> bool {
    let differ =
        |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(x), Some(y)) if x != y);
    let one_word = m.given.is_some() != m.surname.is_some() && m.initial.is_none();
    if one_word || family_name_first(p, m) {
        return false;
    }
    if (differ(&p.surname, &m.surname) && !given_and_middle(p, m)) || differ(&p.given, &m.given) {
        return true;
    }
    // Accents folded: `O. Şimşek` is `Ömer Şimşek`.
    let fold = |c: char| first_letter(&c.to_string()).unwrap_or(c);
    let init_conflict =
        |g: &Option<String>, i: Option<char>| match (g.as_deref().and_then(first_letter), i) {
            (Some(a), Some(b)) => a != fold(b),
            _ => false,
        };
    init_conflict(&p.given, m.initial)
        || init_conflict(&m.given, p.initial)
        || matches!((p.initial, m.initial), (Some(a), Some(b)) if a != b)
}

/// An initial and a family name (`L. Juhász`) for a person written family name first
/// (`Juhász László`: read as given `juhász`, surname `lászló`): the mention's family name
/// is the person's first word and its initial the first letter of the person's last.
fn family_name_first(p: &Person, m: &Mention) -> bool {
    m.given.is_none()
        && m.initial.is_some()
        && m.surname.is_some()
        && p.given.is_some()
        && p.given == m.surname
        && p.surname.as_deref().and_then(first_letter)
            == m.initial.and_then(|c| first_letter(&c.to_string()))
}

fn shares(p: &Person, m: &Mention) -> bool {
    if family_name_first(p, m) {
        return true;
    }
    if let Some(o) = &m.other {
        if other_parts(o).any(|part| p.others.iter().any(|x| x == part)) {
            return true;
        }
    }
    let one_word = m.given.is_some() != m.surname.is_some() && m.initial.is_none();
    if one_word {
        let w = m.given.as_ref().or(m.surname.as_ref());
        return w.is_some_and(|w| {
            p.given.as_ref() == Some(w) || p.surname.as_ref() == Some(w) || p.extra.contains(w)
        });
    }
    let same =
        |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(x), Some(y)) if x == y);
    same(&p.surname, &m.surname)
        || (same(&p.given, &m.given) && (p.surname.is_none() || m.surname.is_none()))
        || given_and_middle(p, m)
}

/// The same given name, and one side's last word is a middle name of the other's:
/// "Nurul Aisyah" and "Nurul Aisyah binti Ahmad", "Ana Maria" and "Ana Maria Lima".
fn given_and_middle(p: &Person, m: &Mention) -> bool {
    let same_given = matches!((&p.given, &m.given), (Some(x), Some(y)) if x == y);
    same_given
        && (m.surname.as_ref().is_some_and(|s| p.extra.contains(s))
            || p.surname.as_ref().is_some_and(|s| m.extra.contains(s)))
}

/// Groups mentions (text index, mention) into people; returns the people and one person
/// span per kept mention (mentions inside a longer mention of the same text are dropped).
pub(crate) fn cluster(mentions: Vec<(usize, Mention)>) -> (Vec<Person>, Vec<Found>) {
    let (initials, mut mentions): (Vec<_>, Vec<_>) =
        mentions.into_iter().partition(|(_, m)| m.initials);
    mentions.sort_by_key(|(t, m)| (*t, m.start, std::cmp::Reverse(m.end)));
    let mut people: Vec<Person> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    // Mentions come sorted by start: one is inside an earlier one of its text exactly when
    // the largest end so far in that text reaches its end.
    let mut reach: Option<(usize, usize)> = None;
    for (text, m) in mentions {
        let inside = reach.is_some_and(|(t, end)| t == text && m.end <= end);
        if inside {
            continue;
        }
        reach = match reach {
            Some((t, end)) if t == text => Some((t, end.max(m.end))),
            _ => Some((text, m.end)),
        };
        // Only people sharing a word can be compatible: look them up by word.
        let mut candidates: Vec<usize> = mention_words(&m)
            .filter_map(|w| index.get(w))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter_map(|i| people.get(i).map(|p| (i, p)))
            .filter(|(_, p)| !conflicts(p, &m) && shares(p, &m))
            .max_by_key(|(_, p)| p.last)
            .map(|(i, _)| i);
        let idx = match best {
            Some(i) => i,
            None => {
                people.push(Person::default());
                people.len() - 1
            }
        };
        if let Some(p) = people.get_mut(idx) {
            let one_word = m.given.is_some() != m.surname.is_some() && m.initial.is_none();
            if !one_word || (p.given.is_none() && p.surname.is_none()) {
                if p.given.is_none() {
                    p.given.clone_from(&m.given);
                }
                if p.surname.is_none() {
                    p.surname.clone_from(&m.surname);
                }
            }
            if p.initial.is_none() {
                p.initial = m.initial;
            }
            for e in &m.extra {
                if !p.extra.contains(e) {
                    p.extra.push(e.clone());
                }
            }
            if let Some(o) = &m.other {
                for part in std::iter::once(o.as_str()).chain(other_parts(o)) {
                    if !p.others.iter().any(|x| x == part) {
                        p.others.push(part.to_owned());
                    }
                }
            }
            p.last = (text, m.start);
            let words = [&p.given, &p.surname]
                .into_iter()
                .flatten()
                .chain(p.extra.iter())
                .chain(p.others.iter());
            for w in words {
                let list = index.entry(w.clone()).or_default();
                if !list.contains(&idx) {
                    list.push(idx);
                }
            }
        }
        found.push(Found {
            text,
            start: m.start,
            end: m.end,
            person: idx,
        });
    }
    join_initials(initials, &mut people, &mut found);
    (people, found)
}

/// Joins people that are one person written two ways, after [`cluster`]:
///
/// - a one-word person (`Thirza's hand`) whose word is the given name or surname of exactly
///   one person with both (`Thirza McCoy`), whichever came first; a word shared by two full
///   names stays apart;
/// - a run of another script glossed by a Latin name next to it (`Лукерья (Lukeria
///   Markin)`, `Иван - Ivan Petrov`), either way round, or by a Latin word that names
///   exactly one person of the request (`Kawamura (川村)`, see `glossed_by_a_word`);
/// - the only run of another script and the only Latin full name of a text, in one
///   sentence that says how each is written (see `described_together`);
/// - two one-word people on one line of a form, each after a name-part label
///   (`SURNAME Tane  FORENAME Aru`, see `labelled_name_fields`);
/// - a one-word name after the only person of its text with that initial and a family name
///   (`J. Tane … swap agreed with Jorun`, see `initial_then_given`);
/// - two capitalised one-word people next to each other, one space or a joining particle
///   between (`Tane ole Whaanga`): their spans become one (see `join_adjacent_parts`);
/// - a two-word person whose words end exactly one longer name (`Mrs Raposo Figueiredo`
///   and `Conceição Raposo Figueiredo`, see `compound_surname`).
///
/// The joined person's name words go to the other (an empty given name or surname slot,
/// else its extra words), so that propagation labels them too.
///
/// Spans of the joined person take the other's index; it is left empty.
pub(crate) fn merge_aliases(people: &mut [Person], found: &mut Vec<Found>, texts: &[&str]) {
    let mut to: Vec<usize> = (0..people.len()).collect();
    join_adjacent_parts(people, found, texts, &mut to);
    // Word -> the full-name people it names (at most two kept: enough to tell "one").
    let mut full: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        if let (Some(g), Some(s)) = (&p.given, &p.surname) {
            for w in [g.as_str(), s.as_str()] {
                let list = full.entry(w).or_default();
                if !list.contains(&i) && list.len() < 2 {
                    list.push(i);
                }
            }
        }
    }
    for (i, p) in people.iter().enumerate() {
        let word = match (&p.given, &p.surname) {
            (Some(w), None) | (None, Some(w)) => w.as_str(),
            _ => continue,
        };
        if p.initial.is_some() || !p.extra.is_empty() || !p.others.is_empty() {
            continue;
        }
        if let Some([one]) = full.get(word).map(Vec::as_slice) {
            if let Some(slot) = to.get_mut(i) {
                *slot = *one;
            }
        }
    }
    // Glossed runs of another script: adjacent spans of two people, one Latin-named, the
    // other named only in another script.
    let latin = |p: &Person| p.given.is_some() || p.surname.is_some();
    for pair in found.windows(2) {
        let [a, b] = pair else { continue };
        if a.text != b.text || a.person == b.person {
            continue;
        }
        let gap = texts
            .get(a.text)
            .and_then(|t| t.get(a.end..b.start))
            .unwrap_or("");
        if !matches!(gap, " (" | " - " | " – " | " / " | " = ") {
            continue;
        }
        let (Some(pa), Some(pb)) = (people.get(a.person), people.get(b.person)) else {
            continue;
        };
        let (from, into) = if other_only(pa) && latin(pb) {
            (a.person, b.person)
        } else if other_only(pb) && latin(pa) {
            (b.person, a.person)
        } else {
            continue;
        };
        if to.get(into) == Some(&into) {
            if let Some(slot) = to.get_mut(from) {
                *slot = into;
            }
        }
    }
    labelled_name_fields(people, found, texts, &mut to);
    glossed_by_a_word(people, found, texts, &mut to);
    initial_then_given(people, found, texts, &mut to);
    compound_surname(people, &mut to);
    described_together(people, found, texts, &mut to);
    for i in 0..people.len() {
        let into = to.get(i).copied().unwrap_or(i);
        if into == i {
            continue;
        }
        let moved = people.get_mut(i).map(std::mem::take).unwrap_or_default();
        if let Some(p) = people.get_mut(into) {
            // Name words the person did not have yet: a given name or surname in an empty
            // slot, else an extra word (so that propagation labels them too).
            for (w, given) in [(moved.given, true), (moved.surname, false)] {
                let Some(w) = w else { continue };
                if p.given.as_ref() == Some(&w) || p.surname.as_ref() == Some(&w) {
                    continue;
                }
                if given && p.given.is_none() {
                    p.given = Some(w);
                } else if !given && p.surname.is_none() {
                    p.surname = Some(w);
                } else if !p.extra.contains(&w) {
                    p.extra.push(w);
                }
            }
            for w in moved.extra {
                if !p.extra.contains(&w) {
                    p.extra.push(w);
                }
            }
            for o in moved.others {
                if !p.others.contains(&o) {
                    p.others.push(o);
                }
            }
            p.last = p.last.max(moved.last);
        }
    }
    for f in found.iter_mut() {
        f.person = to.get(f.person).copied().unwrap_or(f.person);
    }
    initials_of_one_named(people, found, texts);
}

/// Words that join a given name to a family name, besides the particles of
/// [`crate::names::is_particle`] (`Tane ole Whaanga`, `Aru anak Whaanga`).
const JOINING_WORDS: &[&str] = &["ole", "ene", "anak", "ibn", "bint", "binte", "bte"];

/// Two capitalised one-word people written next to each other (one space, or one lower-case
/// particle between: `Aru-Tane Whaanga-Rei` tagged in two halves, `Tane ole Whaanga`): one
/// name, one span and one person.
fn join_adjacent_parts(
    people: &[Person],
    found: &mut Vec<Found>,
    texts: &[&str],
    to: &mut [usize],
) {
    let mut joined: Vec<bool> = vec![false; found.len()];
    let mut k = 0;
    while k + 1 < found.len() {
        let (Some(&a), Some(&b)) = (found.get(k), found.get(k + 1)) else {
            break;
        };
        k += 1;
        if a.text != b.text || a.person == b.person || b.start <= a.end {
            continue;
        }
        let (Some(pa), Some(pb)) = (people.get(a.person), people.get(b.person)) else {
            continue;
        };
        if !one_word(pa) || !one_word(pb) || to.get(a.person) != Some(&a.person) {
            continue;
        }
        let Some(text) = texts.get(a.text) else {
            continue;
        };
        let capitalised = |f: &Found| {
            text.get(f.start..f.end).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().last().is_some_and(char::is_alphabetic)
                    && !w.contains(char::is_whitespace)
            })
        };
        let gap = text.get(a.end..b.start).unwrap_or("\n");
        let joins = gap == " "
            || gap
                .strip_prefix(' ')
                .and_then(|g| g.strip_suffix(' '))
                .is_some_and(|w| {
                    w.chars().all(char::is_lowercase)
                        && (crate::names::is_particle(w) || JOINING_WORDS.contains(&w))
                });
        if !joins || !capitalised(&a) || !capitalised(&b) {
            continue;
        }
        send(to, b.person, a.person);
        if to.get(b.person) != Some(&a.person) {
            continue;
        }
        if let Some(f) = found.get_mut(k - 1) {
            f.end = b.end;
        }
        if let Some(j) = joined.get_mut(k) {
            *j = true;
        }
        // The joined span is not joined again.
        k += 1;
    }
    let mut flags = joined.into_iter();
    found.retain(|_| !flags.next().unwrap_or(false));
}

/// Field labels of the parts of one name on a form (`SURNAME X  FORENAME Y`).
const NAME_PART_LABELS: &[&str] = &[
    "surname",
    "last name",
    "family name",
    "forename",
    "forenames",
    "first name",
    "first names",
    "given name",
    "given names",
    "other names",
    // Keys of a FHIR name (`"family": "Tane", "given": ["Aru"]`).
    "family",
    "given",
];

/// Characters around a field label: spaces, colons, commas, and a JSON key's quotes and
/// brackets.
fn label_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | ',' | '"' | '[' | ']' | '{' | '}')
}

/// `s` without spaces, colons, commas and JSON marks around it, lower case, inner spaces
/// collapsed, is one of the [`NAME_PART_LABELS`].
fn is_name_part_label(s: &str) -> bool {
    let words: Vec<String> = s
        .split(label_mark)
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let label = words.join(" ");
    NAME_PART_LABELS.contains(&label.as_str())
}

/// A one-word person: a given name or a surname alone, nothing else known.
fn one_word(p: &Person) -> bool {
    p.given.is_some() != p.surname.is_some()
        && p.initial.is_none()
        && p.extra.is_empty()
        && p.others.is_empty()
}

/// Two one-word people next to each other on one line of a form, each after the label of
/// a name part (`SURNAME Tane  FORENAME Aru`, `Last name: Tane, First name: Aru`): the two
/// parts of one name.
fn labelled_name_fields(people: &[Person], found: &[Found], texts: &[&str], to: &mut [usize]) {
    for pair in found.windows(2) {
        let [a, b] = pair else { continue };
        if a.text != b.text || a.person == b.person || b.start < a.end {
            continue;
        }
        let (Some(pa), Some(pb)) = (people.get(a.person), people.get(b.person)) else {
            continue;
        };
        if !one_word(pa) || !one_word(pb) {
            continue;
        }
        let Some(text) = texts.get(a.text) else {
            continue;
        };
        let gap = text.get(a.end..b.start).unwrap_or("\n");
        if gap.contains('\n') || !is_name_part_label(gap) {
            continue;
        }
        // The label before the first part: the last one or two words before it on its line
        // (read back over a few characters only, so that a long line stays linear).
        let head = text.get(..a.start).unwrap_or("");
        let from = head
            .char_indices()
            .rev()
            .take(LABEL_LOOKBACK)
            .take_while(|&(_, c)| c != '\n')
            .last()
            .map_or(a.start, |(i, _)| i);
        let before = head.get(from..).unwrap_or("");
        let words: Vec<&str> = before.split(label_mark).filter(|w| !w.is_empty()).collect();
        let n = words.len();
        let label_before = (1..=2).any(|k| {
            n >= k
                && words
                    .get(n - k..)
                    .is_some_and(|ws| is_name_part_label(&ws.join(" ")))
        });
        if label_before {
            send(to, b.person, a.person);
        }
    }
}

/// How many characters before a name part are read for its label (`family name:  `).
const LABEL_LOOKBACK: usize = 24;

/// A two-word person (`Mrs Raposo Figueiredo`) whose words are the last two of exactly one
/// longer name (`Conceição Raposo Figueiredo`): its double family name, the same person.
fn compound_surname(people: &[Person], to: &mut [usize]) {
    // Surname -> the people with it and at least one extra word (at most two kept).
    let mut longer: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        if let (Some(_), Some(s)) = (&p.given, &p.surname) {
            if !p.extra.is_empty() {
                let list = longer.entry(s.as_str()).or_default();
                if list.len() < 2 {
                    list.push(i);
                }
            }
        }
    }
    for (i, q) in people.iter().enumerate() {
        let (Some(g), Some(s)) = (&q.given, &q.surname) else {
            continue;
        };
        if !q.extra.is_empty() || q.initial.is_some() {
            continue;
        }
        if let Some([one]) = longer.get(s.as_str()).map(Vec::as_slice) {
            let p = people.get(*one);
            if p.is_some_and(|p| p.extra.last() == Some(g) && p.given.as_ref() != Some(g)) {
                send(to, i, *one);
            }
        }
    }
}

/// The initial a person span opens with (`J. Tane` → `j`), lower case.
fn span_initial(text: &str, f: &Found) -> Option<char> {
    let mut cs = text.get(f.start..f.end)?.chars();
    let (c, dot) = (cs.next()?, cs.next()?);
    (c.is_uppercase() && dot == '.')
        .then(|| first_letter(&c.to_string()))
        .flatten()
}

/// The initial of a person known by an initial and a family name (`J. Tane`, the initial
/// read from the span when the person has none): no given name, or one of a single letter.
fn initial_only(p: &Person, text: &str, f: &Found) -> Option<char> {
    // A family name, not a person's initials (`T.K.`).
    p.surname.as_ref().filter(|s| s.chars().count() >= 3)?;
    match &p.given {
        None => p.initial.or_else(|| span_initial(text, f)),
        Some(g) if g.chars().filter(|c| c.is_alphabetic()).count() == 1 => first_letter(g),
        Some(_) => None,
    }
}

/// The spans of `found` (sorted by text), one text at a time.
fn by_text(found: &[Found]) -> impl Iterator<Item = &[Found]> {
    found.chunk_by(|a, b| a.text == b.text)
}

/// The initials a span spells when it is only two or three upper-case letters, each
/// optionally followed by a full stop (`T.M.`, `SG`), lower case.
fn spelled_initials(span: &str) -> Option<String> {
    let letters: String = span.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    ((2..=3).contains(&n)
        && letters
            .chars()
            .all(|c| c.is_alphabetic() && c.is_uppercase()))
    .then(|| letters.to_lowercase())
}

/// A person found only as initials (`Signed T.M.`) is the one person of the same text with
/// a given name and a family name whose initials they spell ([`initials_of`]: `Teboho
/// Molapo`); two such people in the text leave the initials a person of their own.
/// The initials' person is emptied: its spans now name the other, and it has no words of
/// its own to propagate.
fn initials_of_one_named(people: &mut [Person], found: &mut [Found], texts: &[&str]) {
    let span_of = |f: &Found| {
        texts
            .get(f.text)
            .and_then(|t| t.get(f.start..f.end))
            .unwrap_or_default()
    };
    // Whether every span of a person spells initials.
    let mut only_initials = vec![true; people.len()];
    for f in found.iter() {
        if spelled_initials(span_of(f)).is_none() {
            if let Some(slot) = only_initials.get_mut(f.person) {
                *slot = false;
            }
        }
    }
    let mut to: Vec<usize> = (0..people.len()).collect();
    for spans in by_text(found) {
        let mut named: Vec<usize> = spans
            .iter()
            .map(|f| f.person)
            .filter(|&p| {
                people
                    .get(p)
                    .is_some_and(|q| q.given.is_some() && q.surname.is_some())
            })
            .collect();
        named.sort_unstable();
        named.dedup();
        for f in spans {
            if !only_initials.get(f.person).copied().unwrap_or(false)
                || to.get(f.person) != Some(&f.person)
            {
                continue;
            }
            let Some(key) = spelled_initials(span_of(f)) else {
                continue;
            };
            let mut spelled = named.iter().copied().filter(|&p| {
                p != f.person && people.get(p).is_some_and(|q| initials_of(q).contains(&key))
            });
            if let (Some(one), None) = (spelled.next(), spelled.next()) {
                send(&mut to, f.person, one);
            }
        }
    }
    for f in found.iter_mut() {
        let into = to.get(f.person).copied().unwrap_or(f.person);
        if into != f.person {
            if let Some(p) = people.get_mut(f.person) {
                *p = Person::default();
            }
            f.person = into;
        }
    }
}

/// A one-word person after an initial and a family name in the same text (`J. Tane … swap
/// agreed with Jorun`) whose word starts with that initial is that person, when exactly
/// one person of the text has the initial and no given name, and no other person of the
/// text has a given name or initial with that letter.
fn initial_then_given(people: &[Person], found: &[Found], texts: &[&str], to: &mut [usize]) {
    for spans in by_text(found) {
        let text = spans
            .first()
            .and_then(|f| texts.get(f.text))
            .copied()
            .unwrap_or("");
        // Per letter: the people of this text with it as initial or given name's first
        // letter (at most three kept), and the first span of each initial-only person.
        let mut letters: HashMap<char, Vec<usize>> = HashMap::new();
        let mut first_at: HashMap<usize, usize> = HashMap::new();
        for f in spans {
            let Some(p) = people.get(f.person) else {
                continue;
            };
            let initial = initial_only(p, text, f);
            let letter = initial.or_else(|| p.given.as_deref().and_then(first_letter));
            if let Some(c) = letter.or(p.initial) {
                let list = letters.entry(c).or_default();
                if !list.contains(&f.person) && list.len() < 3 {
                    list.push(f.person);
                }
            }
            if initial.is_some() {
                first_at.entry(f.person).or_insert(f.start);
            }
        }
        for f in spans {
            let Some(p) = people.get(f.person) else {
                continue;
            };
            if !one_word(p) {
                continue;
            }
            // A name, not initials: three letters or more.
            let Some(c) = p
                .given
                .as_deref()
                .or(p.surname.as_deref())
                .filter(|w| w.chars().count() >= 3)
                .and_then(first_letter)
            else {
                continue;
            };
            // The people with this letter, besides this one: exactly one, initial-only,
            // mentioned before.
            let others: Vec<usize> = letters
                .get(&c)
                .map(|l| l.iter().copied().filter(|&i| i != f.person).collect())
                .unwrap_or_default();
            if let [one] = others.as_slice() {
                if first_at.get(one).is_some_and(|&at| at < f.start) {
                    send(to, f.person, *one);
                }
            }
        }
    }
}

/// What stands between a name and its gloss in another script: `Kawamura (川村)`,
/// `Иван - Ivan`.
const GLOSS_GAPS: &[&str] = &[" (", " - ", " – ", " / ", " = "];

/// A person named only in another script.
fn other_only(p: &Person) -> bool {
    p.given.is_none() && p.surname.is_none() && !p.others.is_empty()
}

/// Sends person `from` to `into` when neither has been sent elsewhere.
fn send(to: &mut [usize], from: usize, into: usize) {
    if from != into && to.get(into) == Some(&into) && to.get(from) == Some(&from) {
        if let Some(slot) = to.get_mut(from) {
            *slot = into;
        }
    }
}

/// The Latin word right before byte `at` of `text` across a gloss gap (`Kawamura (` →
/// `kawamura`), normalized.
fn word_before_gloss(text: &str, at: usize) -> Option<String> {
    let head = text.get(..at)?;
    let head = GLOSS_GAPS.iter().find_map(|g| head.strip_suffix(g))?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-' || c == '\'')
        .last()
        .map(|(i, _)| i)?;
    let word = head.get(start..)?;
    word.chars()
        .all(|c| crate::token::is_latin(c) || c == '-' || c == '\'')
        .then(|| stoplist::normalize(word))
}

/// The Latin word right after byte `at` of `text` across a gloss gap (` (Kawamura` →
/// `kawamura`), normalized.
fn word_after_gloss(text: &str, at: usize) -> Option<String> {
    let tail = text.get(at..)?;
    let tail = GLOSS_GAPS.iter().find_map(|g| tail.strip_prefix(g))?;
    let end = tail
        .char_indices()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-' || c == '\'')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let word = tail.get(..end)?;
    word.chars()
        .all(|c| crate::token::is_latin(c) || c == '-' || c == '\'')
        .then(|| stoplist::normalize(word))
}

/// A run of another script glossed by a Latin word next to it that names exactly one
/// person of the request (`Kawamura (川村)` once `Mrs Kawamura` is found, either way
/// round): the same person, though the Latin word itself is only labelled later, by
/// propagation.
fn glossed_by_a_word(people: &[Person], found: &[Found], texts: &[&str], to: &mut [usize]) {
    let mut words: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        for w in [&p.given, &p.surname].into_iter().flatten().chain(&p.extra) {
            let list = words.entry(w.as_str()).or_default();
            if !list.contains(&i) && list.len() < 2 {
                list.push(i);
            }
        }
    }
    for f in found {
        if !people.get(f.person).is_some_and(other_only) {
            continue;
        }
        let Some(text) = texts.get(f.text) else {
            continue;
        };
        for w in [
            word_before_gloss(text, f.start),
            word_after_gloss(text, f.end),
        ]
        .into_iter()
        .flatten()
        {
            if let Some([one]) = words.get(w.as_str()).map(Vec::as_slice) {
                send(to, f.person, *one);
            }
        }
    }
}

/// Words that say one sentence shows a name written two ways: "'川村' in handwriting,
/// 'Mieko Kawamura' typed beneath", "the label reads Mieko Kawamura; the family have
/// written 川村 on it".
const WRITING_CUES: &[&str] = &[
    "written",
    "wrote",
    "writes",
    "typed",
    "printed",
    "reads",
    "handwriting",
    "handwritten",
    "beneath",
    "underneath",
    "spelled",
    "spelt",
    "transliterated",
];

/// One run of another script and one Latin full name, the only ones of their text, in one
/// sentence that says how each is written (see [`WRITING_CUES`]): one person. Two Latin
/// full names, or two runs, in the text: no merge (they may be two people).
fn described_together(people: &[Person], found: &[Found], texts: &[&str], to: &mut [usize]) {
    let full = |p: &Person| p.given.is_some() && p.surname.is_some();
    let mut lo = 0;
    while lo < found.len() {
        let text_ix = found.get(lo).map_or(0, |f| f.text);
        let hi = lo
            + found
                .get(lo..)
                .unwrap_or_default()
                .partition_point(|f| f.text == text_ix);
        let spans = found.get(lo..hi).unwrap_or_default();
        lo = hi.max(lo + 1);
        // The first span of each kind, and whether a second person of that kind exists.
        let (mut run, mut name): (Option<&Found>, Option<&Found>) = (None, None);
        let mut unique = true;
        for f in spans {
            let Some(p) = people.get(f.person) else {
                continue;
            };
            let slot = if other_only(p) {
                &mut run
            } else if full(p) {
                &mut name
            } else {
                continue;
            };
            match slot {
                Some(first) if first.person != f.person => unique = false,
                Some(_) => {}
                None => *slot = Some(f),
            }
        }
        let (Some(run), Some(name), true, Some(text)) = (run, name, unique, texts.get(text_ix))
        else {
            continue;
        };
        let (a, b) = (run.start.min(name.start), run.end.max(name.end));
        let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
        let between = text
            .get(run.end.min(name.end)..run.start.max(name.start))
            .unwrap_or("");
        if between.contains(is_end) {
            continue;
        }
        let start = text
            .get(..a)
            .and_then(|h| h.rfind(is_end))
            .map_or(0, |i| i + 1);
        let end = text
            .get(b..)
            .and_then(|t| t.find(is_end))
            .map_or(text.len(), |i| b + i);
        let sentence = text.get(start..end).unwrap_or("");
        let cue = sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| WRITING_CUES.iter().any(|c| c.eq_ignore_ascii_case(w)));
        if cue {
            send(to, run.person, name.person);
        }
    }
}

/// Initials mentions join the person whose initials they spell (see [`initials_of`]): the
/// one mentioned most recently before them, else the first; with no such person, initials
/// are a person of their own (the same initials are one person).
fn join_initials(
    mut initials: Vec<(usize, Mention)>,
    people: &mut Vec<Person>,
    found: &mut Vec<Found>,
) {
    initials.sort_by_key(|(t, m)| (*t, m.start));
    let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        for key in initials_of(p) {
            keys.entry(key).or_default().push(i);
        }
    }
    let mut own: HashMap<String, usize> = HashMap::new();
    for (text, m) in initials {
        let Some(key) = m.surname.clone() else {
            continue;
        };
        let inside = found
            .iter()
            .any(|f| f.text == text && f.start <= m.start && m.end <= f.end);
        if inside {
            continue;
        }
        let at = (text, m.start);
        let person = keys.get(&key).and_then(|cands| {
            cands
                .iter()
                .filter_map(|&c| {
                    let last = found
                        .iter()
                        .filter(|f| f.person == c && (f.text, f.start) <= at)
                        .map(|f| (f.text, f.start))
                        .max();
                    last.map(|l| (l, c))
                })
                .max()
                .map(|(_, c)| c)
                .or_else(|| cands.iter().copied().min())
        });
        let person = match person.or_else(|| own.get(&key).copied()) {
            Some(p) => p,
            None => {
                people.push(Person {
                    surname: Some(key.clone()),
                    last: at,
                    ..Person::default()
                });
                let p = people.len() - 1;
                own.insert(key, p);
                p
            }
        };
        found.push(Found {
            text,
            start: m.start,
            end: m.end,
            person,
        });
    }
    found.sort_by_key(|f| (f.text, f.start, f.end));
}

/// The spans of text `text` in `found`, which is sorted by text.
pub(crate) fn of_text(found: &[Found], text: usize) -> &[Found] {
    let lo = found.partition_point(|f| f.text < text);
    let hi = found.partition_point(|f| f.text <= text);
    found.get(lo..hi.max(lo)).unwrap_or_default()
}

/// One text as propagation sees it.
pub(crate) struct TextView<'t, 'a> {
    /// The text.
    pub(crate) text: &'a str,
    /// Its tokens.
    pub(crate) tokens: &'t [Token<'a>],
    /// Spans already taken (any kind).
    pub(crate) taken: &'t [Span],
}

/// Labels every other occurrence of the people's name words across the request.
pub(crate) fn propagate(
    rules: &NameRules<'_>,
    people: &[Person],
    found: &[Found],
    texts: &[TextView<'_, '_>],
) -> Vec<Found> {
    let mut keys: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut others: Vec<(&str, usize)> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let words = [&p.given, &p.surname]
            .into_iter()
            .flatten()
            .chain(p.extra.iter());
        for w in words {
            if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                continue;
            }
            let list = keys.entry(w.as_str()).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
        for o in &p.others {
            if o.chars().count() >= 2 {
                others.push((o.as_str(), i));
            }
        }
    }
    let mut initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        for key in initials_of(p) {
            let list = initials.entry(key).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    let mut out: Vec<Found> = Vec::new();
    if keys.is_empty() && others.is_empty() {
        return out;
    }
    // Mention positions per person, sorted, for the most-recent rule.
    let mut positions: Vec<Vec<(usize, usize)>> = vec![Vec::new(); people.len()];
    for f in found {
        if let Some(list) = positions.get_mut(f.person) {
            list.push((f.text, f.start));
        }
    }
    for list in &mut positions {
        list.sort_unstable();
    }
    let choose = |cands: &[usize], text: usize, at: usize| -> Option<usize> {
        let before = cands
            .iter()
            .filter_map(|&c| {
                let list = positions.get(c)?;
                let n = list.partition_point(|&p| p <= (text, at));
                let pos = list.get(n.checked_sub(1)?)?;
                Some((*pos, c))
            })
            .max()
            .map(|(_, c)| c);
        before.or_else(|| cands.iter().copied().min())
    };
    for (ti, view) in texts.iter().enumerate() {
        let mut occupied = Occupied::new(
            view.taken
                .iter()
                .map(|s| (s.start, s.end))
                .chain(of_text(found, ti).iter().map(|f| (f.start, f.end))),
        );
        for (k, t) in view.tokens.iter().enumerate() {
            if let Some((key, end)) = dotted_initials(view.tokens, k) {
                let person = initials
                    .get(key.as_str())
                    .and_then(|cands| choose(cands, ti, t.start));
                if let Some(person) = person.filter(|_| occupied.free(t.start, end)) {
                    occupied.insert(t.start, end);
                    out.push(Found {
                        text: ti,
                        start: t.start,
                        end,
                        person,
                    });
                }
                continue;
            }
            if !(t.class == Class::Word && t.latin && t.letters() >= 2) {
                continue;
            }
            let n = stoplist::normalize(t.text);
            if let Some(cands) = initials.get(n.as_str()) {
                // Four letters are only ever a hyphenated given name's initials (`FASP`).
                let four = t.letters() == 4 && t.text.chars().count() == 4 && !t.upper_line;
                if t.shape == Shape::Upper
                    && (four || rules.spells_known_initials(view.tokens, k))
                    && occupied.free(t.start, t.end)
                {
                    if let Some(person) = choose(cands, ti, t.start) {
                        occupied.insert(t.start, t.end);
                        out.push(Found {
                            text: ti,
                            start: t.start,
                            end: t.end,
                            person,
                        });
                        continue;
                    }
                }
            }
            let Some(cands) = keys.get(n.as_str()) else {
                continue;
            };
            // A title is never a person ("spoke to Xa (Mr Yb)" while `MR` signs the note as
            // initials): not in title case, nor in capitals before a capitalised name.
            let before_name = view
                .tokens
                .get(k + 1)
                .is_some_and(|v| v.is_word() && v.capitalized() && v.space_before);
            if crate::names::is_title(t.text) && (t.shape != Shape::Upper || before_name) {
                continue;
            }
            let risky = rules.common(t.text) || rules.stop(t.text).is_some();
            // A clause that starts with the word and a reporting verb: "; Stone confirms".
            let says = view.tokens.get(k + 1).is_some_and(|v| {
                v.is_word() && v.shape == Shape::Lower && REPORTING_VERBS.contains(&v.text)
            });
            // A common word that names a person found (a listed given name, or the given
            // name or family name of a full name found earlier in the same text) opens a
            // clause as that person's name when a verb follows ("Xa Yb ... Xa is 54", "Xa
            // asking for her glasses", "Xa Yb ... Yb asked about …"); a family name of a
            // full name does so in the possessive too ("Yb's care plan updated").
            let full_name_part = cands.iter().any(|&c| {
                people.get(c).is_some_and(|p| part_of_full_name(p, &n))
                    && positions
                        .get(c)
                        .is_some_and(|l| l.iter().any(|&(x, at)| x == ti && at < t.start))
            });
            let possessive = t.name_end() < t.end
                && view
                    .tokens
                    .get(k + 1)
                    .is_some_and(|v| v.is_word() && v.space_before && v.shape == Shape::Lower);
            let subject = t.sentence_start
                && !t.upper_line
                && (clause_verb(view.tokens.get(k + 1)) || (possessive && full_name_part))
                && (rules.given(t.text) || full_name_part);
            let ok = match t.shape {
                Shape::Lower => !risky,
                _ => {
                    !risky
                        || subject
                        || !((t.sentence_start && !says)
                            || t.upper_line
                            || eponym_context(view.tokens, k))
                }
            };
            // A head noun after it makes a surname an eponym ("Tane sign"); a person's given
            // name that is no common or stop-listed word is not one ("Is Tane breathing?").
            let given = !risky
                && cands
                    .iter()
                    .any(|&c| people.get(c).and_then(|p| p.given.as_deref()) == Some(n.as_str()));
            let eponym = head_after(view.tokens, k) && !given;
            if !ok || eponym || !occupied.free(t.start, t.name_end()) {
                continue;
            }
            let Some(person) = choose(cands, ti, t.start) else {
                continue;
            };
            // Include a matching initial right before: "J. Smith".
            let mut start = t.start;
            if k >= 2 {
                if let (Some(i), Some(dot)) = (view.tokens.get(k - 2), view.tokens.get(k - 1)) {
                    let p = people.get(person);
                    let want =
                        p.and_then(|p| p.given.as_deref().and_then(initial_of).or(p.initial));
                    let got = i.text.chars().next().and_then(|c| c.to_lowercase().next());
                    if i.letters() == 1 && dot.is_punct('.') && want.is_some() && want == got {
                        start = i.start;
                    }
                }
            }
            // Include family-name particles right before: "van Dijk's".
            let mut j = if start == t.start {
                k
            } else {
                k.saturating_sub(2)
            };
            while j >= 1
                && view.tokens.get(j).is_some_and(|w| w.space_before)
                && view.tokens.get(j - 1).is_some_and(|p| {
                    p.is_word() && p.shape != Shape::Upper && crate::names::is_particle(p.text)
                })
            {
                j -= 1;
                start = view.tokens.get(j).map_or(start, |p| p.start.min(start));
            }
            if !occupied.free(start, t.name_end()) {
                continue;
            }
            occupied.insert(start, t.name_end());
            out.push(Found {
                text: ti,
                start,
                end: t.name_end(),
                person,
            });
        }
        for (o, person) in &others {
            for (at, _) in view.text.match_indices(o) {
                let end = at + o.len();
                if occupied.free(at, end) {
                    occupied.insert(at, end);
                    out.push(Found {
                        text: ti,
                        start: at,
                        end,
                        person: *person,
                    });
                }
            }
        }
    }
    out
}

/// Whether `word` (normalized) is one word of a full name person `p` was found by: the
/// given name of someone with a family name or other name words, or one of those words of
/// someone with a given name.
fn part_of_full_name(p: &Person, word: &str) -> bool {
    let given = p.given.as_deref();
    let later = p.surname.iter().chain(p.extra.iter());
    let has_later = p.surname.is_some() || !p.extra.is_empty();
    (given == Some(word) && has_later) || (given.is_some() && later.into_iter().any(|w| w == word))
}

/// Whether `next` is a lower-case verb that a clause's subject takes right after it: an
/// auxiliary, a verb of liking or living, or a word ending in `-ing` or `-ed` ("is", "has",
/// "likes", "asking", "declined").
fn clause_verb(next: Option<&Token<'_>>) -> bool {
    const AUXILIARIES: &[&str] = &[
        "is", "was", "has", "had", "will", "would", "can", "could", "should", "may", "might",
        "must", "does", "did", "says", "said", "wants", "needs", "likes", "prefers", "knows",
        "lives", "feels",
    ];
    next.is_some_and(|v| {
        v.is_word()
            && v.space_before
            && v.shape == Shape::Lower
            && (AUXILIARIES.contains(&v.text)
                || (v.text.len() >= 5 && (v.text.ends_with("ing") || v.text.ends_with("ed"))))
    })
}

/// Dotted abbreviations of dosing, time and notes that are never a person's initials.
const DOTTED_ABBREVIATIONS: &[&str] = &[
    "am", "pm", "nb", "iv", "im", "od", "bd", "eg", "ie", "prn", "tds", "qds", "nbm", "sc", "po",
    "pr", "dob", "ps",
];

/// Dotted initials starting at token `k`: two or three single upper-case letters, each
/// with a glued full stop (`G.O.`, `A.B.C.`), not after a number nor before another glued
/// letter, and no dotted abbreviation (`P.M.`, `I.V.`). Returns the letters (lower case)
/// and the end byte of the last stop.
fn dotted_initials(tokens: &[Token<'_>], k: usize) -> Option<(String, usize)> {
    let letter = |j: usize, first: bool| {
        tokens.get(j).is_some_and(|w| {
            w.is_word()
                && w.latin
                && w.letters() == 1
                && w.text.chars().all(char::is_uppercase)
                && (first || !w.space_before)
        }) && tokens
            .get(j + 1)
            .is_some_and(|d| d.is_punct('.') && !d.space_before)
    };
    if !letter(k, true) {
        return None;
    }
    let after_number = k
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| p.class == Class::Number);
    if after_number {
        return None;
    }
    let mut key = String::new();
    let mut j = k;
    while key.chars().count() < 3 && letter(j, j == k) {
        let c = tokens.get(j)?.text.to_lowercase();
        key.push_str(&c);
        j += 2;
    }
    // A longer run of letters ("A.B.C.D.") or a word glued on is no set of initials.
    let glued_on = tokens
        .get(j)
        .is_some_and(|n| n.is_word() && !n.space_before);
    let end = tokens.get(j - 1)?.end;
    (key.chars().count() >= 2 && !glued_on && !DOTTED_ABBREVIATIONS.contains(&key.as_str()))
        .then_some((key, end))
}

/// The first letter of a name word, lower case, accents folded (`Ēmi` → `e`).
fn first_letter(word: &str) -> Option<char> {
    let c = word.chars().next()?.to_lowercase().next()?;
    let folded = crate::names::fold_accents(&c.to_string())
        .and_then(|f| f.chars().next())
        .unwrap_or(c);
    folded.is_alphabetic().then_some(folded)
}

/// The initials a person can sign with (lower case): the given name's (or the known
/// initial), then one or two of the later name words' in order, particles skipped.
fn initials_of(p: &Person) -> Vec<String> {
    let Some(g) = p.given.as_deref().and_then(first_letter).or(p.initial) else {
        return Vec::new();
    };
    // Later words in order: middle names, then the surname's words.
    let later: Vec<char> = p
        .extra
        .iter()
        .map(String::as_str)
        .chain(p.surname.iter().flat_map(|s| s.split([' ', '-'])))
        .filter(|w| w.chars().count() >= 2 && !crate::names::is_particle(w))
        .filter_map(first_letter)
        .collect();
    let mut out = Vec::new();
    for (i, a) in later.iter().enumerate() {
        out.push([g, *a].iter().collect::<String>());
        for b in later.iter().skip(i + 1) {
            out.push([g, *a, *b].iter().collect::<String>());
        }
    }
    // A hyphenated given name signs with each part's letter, then every later word's:
    // `FASP` for Faustin-Archange Samba-Panza (four letters at most).
    let given_parts: Vec<char> = p
        .given
        .iter()
        .flat_map(|g| g.split('-'))
        .filter(|w| w.chars().count() >= 2)
        .filter_map(first_letter)
        .collect();
    if given_parts.len() >= 2 && !later.is_empty() && given_parts.len() + later.len() <= 4 {
        out.push(given_parts.iter().chain(&later).collect::<String>());
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Verbs after which a name word that starts a clause is the subject, not a common noun.
const REPORTING_VERBS: &[&str] = &[
    "confirms",
    "confirmed",
    "reports",
    "reported",
    "denies",
    "denied",
    "says",
    "said",
    "agrees",
    "agreed",
    "states",
    "stated",
    "declined",
    "declines",
    "understands",
    "consented",
    "consents",
    "attended",
    "prefers",
    "wishes",
    // What a patient or resident did, as a note records it ("Tane joined the singing
    // group", "Tane was admitted with …"): the person found elsewhere in the request.
    "joined",
    "ate",
    "walked",
    "slept",
    "refused",
    "requested",
    "complained",
    "presented",
    "tolerated",
    "wanted",
    "was",
];

/// Sorted, merged byte intervals of one text.
struct Occupied {
    spans: Vec<(usize, usize)>,
}

impl Occupied {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut v: Vec<(usize, usize)> = spans.filter(|(a, b)| a < b).collect();
        v.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(v.len());
        for (a, b) in v {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        Self { spans: merged }
    }

    /// True when `a..b` overlaps no interval.
    fn free(&self, a: usize, b: usize) -> bool {
        // First interval ending after `a`: it is the only one that can overlap.
        let i = self.spans.partition_point(|s| s.1 <= a);
        self.spans.get(i).is_none_or(|s| s.0 >= b)
    }

    /// Adds `a..b` (known to be free).
    fn insert(&mut self, a: usize, b: usize) {
        let i = self.spans.partition_point(|s| s.1 <= a);
        self.spans.insert(i, (a, b));
    }
}

/// Role words that can stand glued to the front of a person span, before the name itself
/// ("Carer Xa", "DSN X. Ya", "Facilitators Xa bin Ya").
const FRONT_ROLES: &[&str] = &[
    "carer",
    "carers",
    "facilitator",
    "facilitators",
    "dsn",
    "hca",
    "rn",
    "rgn",
    "cns",
    "anp",
    "odp",
    "sho",
    "physio",
    "walker",
    "runner",
    "porter",
    "cook",
];

/// Superscript digits: an affiliation mark after an author's name ("X. Ya¹"), never part
/// of it.
fn superscript_digit(c: char) -> bool {
    matches!(c, '\u{b9}' | '\u{b2}' | '\u{b3}' | '\u{2070}'..='\u{2079}')
}

/// Trims a person span's edges that are not the name: a role word ([`FRONT_ROLES`], any
/// case) at the front, when a capitalised word of the span follows it ("walker Xa Ya",
/// "Carer Xa", "DSN X. Ya"; a lower-case given name before a surname stays: "xa Ya"); and
/// superscript affiliation digits at the end ("X. Ya¹").
pub(crate) fn trim_span_edges(tokens: &[Token<'_>], f: &mut Found) {
    let k = tokens.partition_point(|t| t.start < f.start);
    if let (Some(first), Some(next)) = (tokens.get(k), tokens.get(k + 1)) {
        let role = first.start == f.start
            && first.is_word()
            && FRONT_ROLES.contains(&first.text.to_lowercase().as_str());
        let name_follows = next.is_word()
            && next.space_before
            && next.end <= f.end
            && matches!(next.shape, Shape::Title | Shape::Upper);
        if role && name_follows {
            f.start = next.start;
        }
    }
    let last = tokens
        .partition_point(|t| t.start < f.end)
        .saturating_sub(1);
    if let Some(t) = tokens.get(last) {
        if t.start >= f.start && t.end >= f.end {
            let kept = t
                .text
                .get(..f.end.saturating_sub(t.start))
                .unwrap_or_default()
                .trim_end_matches(superscript_digit);
            // A mark that is a token of its own leaves the span where it starts.
            if kept.is_empty() && t.start > f.start && !t.space_before {
                f.end = t.start;
            } else if !kept.is_empty() {
                f.end = t.start + kept.len();
            }
        }
    }
}
