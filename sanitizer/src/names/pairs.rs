//! Two-word names: `Smith, John`, initials before a surname (`J. Smith`, `(M Mamani)`),
//! given + family name pairs in title case, upper case, mixed (`NDLOVU Temitope`) and with
//! particles (`Lieke R. van Dijk`).

use super::agent_slots::agent_slot_before;
use super::{
    FIELD_WORDS, ID_LABELS, KIN_TITLES, Mention, NameRules, VIEW_SIDES, head_after, in_list,
    is_particle, particle_blocked,
};
use crate::stoplist::{self, StopKind};
use crate::token::{Shape, Token};

/// Capitalised words opening a clause that name the person after them ("From M. Whaanga,",
/// "By J. Tane"): the initial after them starts a name, not a term's letter ("Vitamin D.").
const INITIAL_CUES: &[&str] = &["from", "by", "to", "per", "cc", "dear", "signed", "attn"];

impl NameRules<'_> {
    pub(super) fn comma_and_initials(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            // Smith, John [A.]
            if t.is_word()
                && t.latin
                && t.capitalized()
                && t.letters() >= 2
                && tokens.get(i + 1).is_some_and(|c| c.is_punct(','))
                && !super::month_opens_date(tokens, i + 2)
            {
                if let Some(g) = tokens.get(i + 2) {
                    // "LE CORNU, Beryl": after a particle of its own case the word is a
                    // family name even when it is also a clinical term.
                    let particle_led = i >= 1
                        && t.space_before
                        && !particle_blocked(t.text)
                        && tokens.get(i - 1).is_some_and(|p| {
                            p.is_word() && p.shape == t.shape && is_particle(p.text)
                        })
                        && g.letters() >= 3
                        && (self.given(g.text) || self.name_like(g));
                    let same_shape = (t.shape == Shape::Upper) == (g.shape == Shape::Upper);
                    // "MCKAY, Fiona": an upper-case family name, then a listed given name
                    // in title case (the register form of many record systems).
                    // An OCR-mangled given name may read in mixed case ("Deme1Za").
                    // So may a listed given name with a stray capital ("GrIgory").
                    let ocr_given = g.shape == Shape::Mixed
                        && (g.text.bytes().any(|b| b.is_ascii_digit())
                            || (g.capitalized() && g.letters() >= 4 && self.given(g.text)));
                    let upper_family = t.shape == Shape::Upper
                        && (g.shape == Shape::Title || ocr_given)
                        && t.letters() >= 3
                        && (self.given(g.text) || self.name_like(g))
                        && (self.surname(t.text) || self.name_like(t) || particle_led)
                        && !in_list(t.text, FIELD_WORDS);
                    if g.is_word()
                        && g.latin
                        && g.capitalized()
                        && (same_shape || upper_family)
                        && ((self.surname(t.text) && self.given(g.text))
                            || (self.surname(t.text) && self.name_like(g))
                            || (self.name_like(t) && self.given(g.text))
                            || (self.name_like(t) && self.name_like(g))
                            || particle_led)
                        && (!(self.common(t.text) && self.common(g.text))
                            || both_common_names_then_lower(self, tokens, i))
                        && !interjection_then_vocative(tokens, i)
                        && (!self.hard_stop(t.text) || particle_led)
                        && !self.hard_stop(g.text)
                        && !self.eponym_as_term(tokens, i)
                        && (!tokens.get(i + 3).is_some_and(|n| n.is_punct(','))
                            || register_tail(tokens, i + 4)
                            || register_entry(tokens, i))
                        && !head_after(tokens, i + 2)
                    {
                        // Particles of the family name before it: "DE LA CRUZ, Maria".
                        let mut j = i;
                        while j >= 1
                            && tokens.get(j).is_some_and(|w| w.space_before)
                            && tokens.get(j - 1).is_some_and(|p| {
                                p.is_word() && p.shape == t.shape && is_particle(p.text)
                            })
                        {
                            j -= 1;
                        }
                        out.push(Mention {
                            start: tokens.get(j).map_or(t.start, |p| p.start),
                            end: g.name_end(),
                            given: Some(Self::norm(g.text)),
                            surname: Some(Self::norm(t.text)),
                            ..Mention::default()
                        });
                    }
                }
            }
            // An initial without a dot after an opening bracket or a list comma:
            // "(M Mamani)", ", R Whaanga"; or in an agent's slot: "Seen by C Whaanga.".
            let agent_slot = agent_slot_before(tokens, i);
            if t.is_word()
                && t.latin
                && t.letters() == 1
                && t.shape != Shape::Lower
                && (agent_slot || !in_list(t.text, &["a", "i"]))
                && !tokens.get(i + 1).is_some_and(|d| d.is_punct('.'))
                && (i == 0
                    || agent_slot
                    || tokens
                        .get(i.wrapping_sub(1))
                        .is_some_and(|p| p.is_punct('(') || p.is_punct(',') || p.is_punct(';')))
            {
                if let Some(s) = tokens.get(i + 1) {
                    // The name ends before a lower-case word, punctuation or a new line.
                    let ends = tokens
                        .get(i + 2)
                        .is_none_or(|n| !n.is_word() || !n.capitalized() || n.line_start);
                    if s.is_word()
                        && s.latin
                        && s.space_before
                        && s.shape == Shape::Title
                        && s.letters() >= 3
                        && (self.surname(s.text) || self.name_like(s))
                        && self.stop(s.text).is_none()
                        && !self.common(s.text)
                        && !head_after(tokens, i + 1)
                        && ends
                    {
                        out.push(Mention {
                            start: t.start,
                            end: s.name_end(),
                            surname: Some(Self::norm(s.text)),
                            initial: t.text.chars().next().and_then(|c| c.to_lowercase().next()),
                            ..Mention::default()
                        });
                    }
                }
            }
            // J. Smith, J.A. Smith, J. A. Smith
            if t.is_word()
                && t.latin
                && t.letters() == 1
                && t.shape != Shape::Lower
                && tokens.get(i + 1).is_some_and(|d| d.is_punct('.'))
                && !tokens.get(i.wrapping_sub(1)).is_some_and(|p| {
                    i > 0
                        && p.is_word()
                        && p.letters() >= 2
                        && p.capitalized()
                        // "From M. Whaanga": a sender's or agent's cue opening a clause.
                        && !in_list(p.text, INITIAL_CUES)
                })
            {
                let mut k = i + 2;
                while tokens
                    .get(k)
                    .is_some_and(|w| w.is_word() && w.letters() == 1)
                    && tokens.get(k + 1).is_some_and(|d| d.is_punct('.'))
                {
                    k += 2;
                }
                if let Some(s) = tokens.get(k) {
                    // A credential after signed initials is no surname: "A.B. HCA".
                    let credential = s.shape == Shape::Upper
                        && in_list(s.text, super::initials::SIGN_CREDENTIALS);
                    // After an agent's or sender's cue ("Seen by A. Xa") a rare word of the
                    // broad vocabulary is the family name too.
                    let cued = i
                        .checked_sub(1)
                        .and_then(|p| tokens.get(p))
                        .is_some_and(|p| p.is_word() && in_list(p.text, INITIAL_CUES))
                        && s.shape == Shape::Title
                        && s.letters() >= 3
                        && self.rare_vocabulary_word(s.text);
                    if s.is_word()
                        && s.latin
                        && s.capitalized()
                        && s.letters() >= 2
                        && !credential
                        && ((self.surname(s.text) || self.name_like(s))
                            && self.stop(s.text).is_none()
                            || cued)
                        && !self.common(s.text)
                    {
                        out.push(Mention {
                            start: t.start,
                            end: s.name_end(),
                            surname: Some(Self::norm(s.text)),
                            initial: t.text.chars().next().and_then(|c| c.to_lowercase().next()),
                            ..Mention::default()
                        });
                    }
                }
            }
        }
    }

    /// An all-caps run of two to four words between dashes in a mixed-case list line ("bed
    /// 4 - ANA MARIA LIMA - NBM"): a name when every word is listed or name-like, none a
    /// common, medical or field word, and one has three letters or more.
    pub(super) fn dashed_caps(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, g) in tokens.iter().enumerate() {
            if g.upper_line || !(g.is_word() && g.shape == Shape::Upper && g.space_before) {
                continue;
            }
            let mut k = i;
            while k + 1 < i + 4
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| n.is_word() && n.shape == Shape::Upper && n.space_before)
            {
                k += 1;
            }
            if k == i || !set_off_by_dashes(tokens, i, k) {
                continue;
            }
            let words: Vec<&Token<'_>> = (i..=k).filter_map(|j| tokens.get(j)).collect();
            // Listed words may be common words or eponyms ("COOK MURPHY") when another word
            // is a name that is neither.
            let ok = words.iter().all(|w| {
                w.latin
                    && w.letters() >= 2
                    && (self.listed(w.text) || self.name_like(w) || is_particle(w.text))
                    && !self.hard_stop(w.text)
                    && !in_list(w.text, FIELD_WORDS)
                    && !in_list(w.text, VIEW_SIDES)
            }) && words.iter().any(|w| {
                w.letters() >= 3
                    && !is_particle(w.text)
                    && !self.common(w.text)
                    && self.stop(w.text).is_none()
            });
            if ok {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// Two words opening an OCR overlay line, one with a letter read as a digit inside it
    /// ("SHOGEN0V ASLAN  jGH-93853", "CHEN0WETh L0VEDAY"): a name when both are name-like
    /// in any case but lower and the field ends after them (a gap, a line end, a comma or
    /// a bar).
    pub(super) fn ocr_line_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mangled = |t: &Token<'_>| t.text.bytes().any(|b| b.is_ascii_digit());
        for (i, g) in tokens.iter().enumerate() {
            if !g.line_start {
                continue;
            }
            let Some(s) = tokens.get(i + 1) else { break };
            let field_ends = tokens.get(i + 2).is_none_or(|n| {
                n.break_before || n.is_punct(',') || n.is_punct('|') || n.is_punct(';')
            });
            if (mangled(g) || mangled(s))
                && s.space_before
                && !s.break_before
                && field_ends
                && [g, s].iter().all(|w| {
                    self.name_like_any_case(w)
                        && w.shape != Shape::Title
                        && !in_list(w.text, FIELD_WORDS)
                        && !in_list(w.text, VIEW_SIDES)
                })
            {
                out.push(Mention {
                    start: g.start,
                    end: s.name_end(),
                    given: Some(Self::norm(s.text)),
                    surname: Some(Self::norm(g.text)),
                    ..Mention::default()
                });
            }
        }
    }

    /// A family name of a capitalised number word and a noun after a found given name
    /// ("Vernon Two Bulls", "Ana Three Irons"): the mention is extended over both words
    /// when they end the name (no capitalised word after) and the noun is no unit of time
    /// or count ("Tane Two Weeks" is not read so; such phrases are lower case anyway).
    pub(crate) fn number_word_surnames(&self, tokens: &[Token<'_>], out: &mut [Mention]) {
        const NUMBER_WORDS: &[&str] = &[
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many",
        ];
        const COUNTED: &[&str] = &[
            "days", "weeks", "months", "years", "hours", "minutes", "times", "doses", "units",
            "tablets", "puffs", "drops",
        ];
        for m in out.iter_mut() {
            let k = tokens.partition_point(|t| t.start < m.end);
            let (Some(last), Some(n), Some(w)) = (
                k.checked_sub(1).and_then(|p| tokens.get(p)),
                tokens.get(k),
                tokens.get(k + 1),
            ) else {
                continue;
            };
            let one_word = last.start == m.start;
            let ok = last.end == m.end
                && last.shape == Shape::Title
                && ((m.given.is_some() && m.surname.is_none()) || one_word)
                && m.other.is_none()
                && !m.initials
                && n.is_word()
                && n.shape == Shape::Title
                && n.space_before
                && !n.break_before
                && in_list(n.text, NUMBER_WORDS)
                && w.is_word()
                && w.shape == Shape::Title
                && w.space_before
                && w.letters() >= 3
                && !in_list(w.text, COUNTED)
                && !particle_blocked(w.text)
                && !stoplist::is_medical_head(w.text)
                && !head_after(tokens, k + 1)
                && !tokens
                    .get(k + 2)
                    .is_some_and(|a| a.capitalized() && a.space_before);
            if ok {
                if one_word {
                    m.given = Some(Self::norm(last.text));
                }
                m.end = w.name_end();
                m.surname = Some(format!("{} {}", Self::norm(n.text), Self::norm(w.text)));
            }
        }
    }

    pub(super) fn pairs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, g) in tokens.iter().enumerate() {
            if !(g.is_word() && g.latin && g.letters() >= 2 && g.capitalized())
                || in_list(g.text, KIN_TITLES)
                || in_list(g.text, super::RANK_TITLES)
                || (g.shape == Shape::Upper && in_list(g.text, super::FIELD_LABELS))
            {
                continue;
            }
            // Optional middle name or initial.
            let mut k = i + 1;
            let mut middle: Vec<String> = Vec::new();
            if let Some(m) = tokens.get(k) {
                if m.is_word() && m.letters() == 1 && m.capitalized() && m.space_before {
                    if tokens.get(k + 1).is_some_and(|d| d.is_punct('.')) {
                        k += 2;
                    }
                } else if m.is_word()
                    && m.shape == g.shape
                    && m.space_before
                    && self.given(m.text)
                    && tokens.get(k + 1).is_some_and(|s| {
                        s.is_word() && s.shape == g.shape && s.space_before && self.surname(s.text)
                    })
                    && self.stop(m.text).is_none()
                {
                    middle.push(Self::norm(m.text));
                    k += 1;
                }
            }
            // Family-name particles: "Lieke R. van Dijk", "Sem Ní Bhriain"; a patronymic
            // link: "Thanaletchumi a/p Muniandy".
            let mut particle = false;
            if let Some(after) = super::patronymic_link(tokens, k) {
                particle = true;
                k = after;
            }
            while tokens.get(k).is_some_and(|p| {
                p.is_word() && p.space_before && p.shape != Shape::Upper && is_particle(p.text)
            }) && tokens
                .get(k + 1)
                .is_some_and(|s| s.is_word() && s.space_before && s.capitalized())
            {
                particle = true;
                k += 1;
            }
            let Some(s) = tokens.get(k) else { continue };
            if !(s.is_word() && s.latin && s.letters() >= 2 && s.space_before) {
                continue;
            }
            let upper = !particle && g.shape == Shape::Upper && s.shape == Shape::Upper;
            let title_like = |t: &Token<'_>| matches!(t.shape, Shape::Title | Shape::Mixed);
            let found = if particle {
                title_like(g)
                    && title_like(s)
                    && (self.given(g.text) || self.name_like(g))
                    && !self.hard_stop(g.text)
                    && !particle_blocked(s.text)
            } else if g.shape == Shape::Upper && s.shape == Shape::Title {
                // "NDLOVU Temitope" on an overlay: an upper-case family name, then the given.
                g.letters() >= 3
                    && (self.listed(g.text) || self.name_like(g))
                    && (self.listed(s.text) || self.name_like(s))
                    && !self.common(g.text)
                    && !self.common(s.text)
                    && self.stop(g.text).is_none()
                    && self.stop(s.text).is_none()
                    && !in_list(g.text, FIELD_WORDS)
                    && !tokens
                        .get(k + 1)
                        .is_some_and(|a| a.is_word() && a.capitalized() && a.space_before)
            } else if upper {
                g.upper_line
                    && !in_list(s.text, VIEW_SIDES)
                    && ((self.given(g.text) && self.surname(s.text))
                        || (self.surname(g.text) && self.given(s.text))
                        || (self.listed(g.text) && self.name_like(s))
                        || (self.name_like(g) && self.listed(s.text))
                        || (self.name_like(g) && self.name_like(s)))
                    && self.stop(g.text).is_none()
                    && self.stop(s.text).is_none()
                    && !self.common(g.text)
                    && !self.common(s.text)
            } else if title_like(g) && title_like(s) {
                let both_common = self.common(g.text) && self.common(s.text);
                // "Ana Collins is …", "Lisa Jones (45 y/o)": a verb or an aside follows.
                let lower_after_word = tokens
                    .get(k + 1)
                    .is_some_and(|a| (a.is_word() && a.shape == Shape::Lower) || a.is_punct('('));
                let after = tokens.get(k + 1);
                let lower_after = after.is_none_or(|a| !a.capitalized());
                let eponym_surname = self.stop(s.text) == Some(StopKind::Eponym)
                    && s.letters() >= 3
                    && !self.common(s.text);
                ((self.given(g.text) && self.surname(s.text))
                    || (self.given(g.text) && (self.name_like(s) || eponym_surname))
                    || (self.name_like(g) && self.surname(s.text) && !self.common(s.text))
                    // Two unlisted name-like words mid-sentence: "for Michelle Cohen:".
                    || (self.name_like(g)
                        && self.name_like(s)
                        && (!g.sentence_start || lower_after_word)
                        && g.shape == Shape::Title
                        && s.shape == Shape::Title
                        && !(i > 0 && tokens.get(i - 1).is_some_and(Token::capitalized))
                        && !tokens
                            .get(k + 1)
                            .is_some_and(|a| a.capitalized() && a.space_before)))
                    && !self.hard_stop(g.text)
                    && !self.hard_stop(s.text)
                    && self.stop(g.text) != Some(StopKind::Eponym)
                    && !self.eponym_as_term(tokens, k)
                    && (!both_common || lower_after)
            } else {
                false
            };
            // "Glasgow Coma Scale": a pair whose second word is a medical head noun.
            if !found
                || head_after(tokens, k)
                || stoplist::is_medical_head(s.text)
                || super::month_after_time_word(tokens, k)
            {
                continue;
            }
            let reversed = (upper && !(self.given(g.text) && self.surname(s.text)))
                || (g.shape == Shape::Upper && s.shape == Shape::Title);
            let (gn, sn) = if reversed {
                (Self::norm(s.text), Self::norm(g.text))
            } else {
                (Self::norm(g.text), Self::norm(s.text))
            };
            out.push(Mention {
                start: g.start,
                end: s.name_end(),
                given: Some(gn),
                surname: Some(sn),
                extra: middle,
                ..Mention::default()
            });
        }
    }
}

/// `Field, Crystal in bed 3`: two common words that are a listed surname and a listed given
/// name, in the comma form, followed by a lower-case word other than a conjunction (a list of capitalised words
/// goes on with a capital, a comma or `and`).
fn both_common_names_then_lower(rules: &NameRules<'_>, tokens: &[Token<'_>], i: usize) -> bool {
    let (Some(t), Some(g)) = (tokens.get(i), tokens.get(i + 2)) else {
        return false;
    };
    rules.surname(t.text)
        && rules.given(g.text)
        && g.shape == Shape::Title
        && tokens.get(i + 3).is_some_and(|n| {
            n.is_word()
                && n.shape == Shape::Lower
                && n.space_before
                && !in_list(n.text, &["and", "or", "nor", "to"])
        })
}

/// Words `i..=k` stand between dashes like a field of a list line ("bed 4 - ANA LIMA -
/// NBM"): a dash before them, and a dash, the end of the text or a new line after them.
fn set_off_by_dashes(tokens: &[Token<'_>], i: usize, k: usize) -> bool {
    let dash = |t: &Token<'_>| t.is_punct('-') || t.is_punct('–') || t.is_punct('—');
    let before = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| dash(p) && tokens.get(i).is_some_and(|g| g.space_before));
    let after = tokens
        .get(k + 1)
        .is_none_or(|n| (dash(n) && n.space_before) || (n.is_word() && n.sentence_start));
    before && after
}

/// Words said before a vocative ("Perfect, Tanvo.", "Thanks, Tanvo!"): spoken
/// acknowledgements and greetings, not family names.
const INTERJECTIONS: &[&str] = &[
    "perfect",
    "great",
    "good",
    "lovely",
    "brilliant",
    "excellent",
    "wonderful",
    "thanks",
    "thank",
    "okay",
    "ok",
    "right",
    "well",
    "yes",
    "no",
    "sorry",
    "hello",
    "hi",
    "morning",
    "evening",
    "sure",
    "fine",
    "cheers",
    "alright",
    "nice",
    "super",
];

/// Whether token `i` is an interjection ([`INTERJECTIONS`]) and the word after its comma
/// ends the clause (`.`, `!`, `?`, `,` or the text's end): "Perfect, Tanvo." calls Tanvo,
/// it is no `Surname, Given` pair.
fn interjection_then_vocative(tokens: &[Token<'_>], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| in_list(t.text, INTERJECTIONS))
        && tokens.get(i + 3).is_none_or(|n| {
            n.is_punct('.') || n.is_punct('!') || n.is_punct('?') || n.is_punct(',')
        })
}

/// Whether the `Surname, Given,` pair at token `i` opens an entry of a register line: it
/// follows a colon ("Transport: Koh, Ana, collect …") or a time or date and its comma
/// ("… 14:05, Koh, Ana, morphine …"), and the entry goes on in lower case after the
/// second comma. A list of capitalised words goes on with another capital or `and`.
fn register_entry(tokens: &[Token<'_>], i: usize) -> bool {
    let opens = match i.checked_sub(1).and_then(|p| tokens.get(p)) {
        // A colon set off by a space (" : ") is French typography, where a field's value
        // goes on in its own words ("né(e) le …"): left to the field rules.
        Some(p) if p.is_punct(':') => !p.space_before,
        Some(p) if p.is_punct(',') => i
            .checked_sub(2)
            .and_then(|q| tokens.get(q))
            .is_some_and(|q| q.text.chars().next().is_some_and(|c| c.is_ascii_digit())),
        _ => false,
    };
    opens
        && tokens.get(i + 4).is_some_and(|n| {
            n.is_word()
                && n.shape == Shape::Lower
                && n.space_before
                && !in_list(n.text, &["and", "or", "nor", "to"])
        })
}

/// Whether token `k`, after `Surname, Given,`, goes on with what a register line puts after
/// a patient's name: an age or number ("Koh, Ana, 72, MRN …") or an identifier label
/// ("…, hospital no H8165"). A list of capitalised words goes on with another word instead.
fn register_tail(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_some_and(|n| {
        n.class == crate::token::Class::Number || (n.is_word() && in_list(n.text, ID_LABELS))
    })
}
