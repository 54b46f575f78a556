//! Names known by the words around them only (no cue word, not in the lists): the family
//! noun after `the <Name>`, a reporting verb after a clause's subject, a possessive.
//!
//! This module holds the word lists and the sentence rules; the rules by layout and
//! setting are in its children: `labels` (labelled fields and record lines), `boards`
//! (boards, lists and notes), `addressing` (how messages address people) and `kin` (kin
//! and family words).

use super::{FIELD_WORDS, ID_LABELS, Mention, NameRules, head_after, in_list, is_particle, lower};
use crate::EntityKind;
use crate::token::{Shape, Token};
use crate::types::Span;

mod addressing;
mod boards;
mod kin;
mod labels;

/// Nouns that make `the <Word> …` a family name: "at the Whaanga house".
const FAMILY_NOUNS: &[&str] = &["family", "house", "household", "home", "residence", "twins"];

/// Verbs whose subject is a person: "Tane reports", "Tane improved".
const PERSON_VERBS: &[&str] = &[
    "reports",
    "reported",
    "denies",
    "denied",
    "complains",
    "complained",
    "presents",
    "presented",
    "improved",
    "tolerated",
    "attended",
    "agrees",
    "agreed",
    "declined",
    "understands",
    "confirms",
    "confirmed",
    "says",
    "said",
    "states",
    "stated",
    "wishes",
    "prefers",
    "fell",
    "lives",
    "wants",
    "wanted",
    // A trip the note plans for its patient ("Tane going to Apia for a week").
    "going",
    "travelling",
    // Handover shorthand: what a patient is doing or knows ("Tane mobilising with frame",
    // "Tane tolerating diet", "Tane aware").
    "mobilising",
    "mobilizing",
    "mobilised",
    "mobilized",
    "ambulating",
    "tolerating",
    "sleeping",
    "slept",
    "eating",
    "drinking",
    "settled",
    "refusing",
    "refused",
    "requesting",
    "requested",
    "aware",
    // A state a note records of a patient, right after the name ("Tane restless
    // overnight", "Tane keen to go home", "Tane consented to ventouse").
    "restless",
    "agitated",
    "confused",
    "drowsy",
    "tearful",
    "distressed",
    "keen",
    "consented",
    // A care home's day note: what a resident did or how they were ("Tane ate half of
    // lunch", "Tane unsettled in the afternoon", "Tane joined the singing group").
    "ate",
    "unsettled",
    "joined",
    "walked",
];

/// Verbs whose object, before `to` and a verb, is a person: "teaching Tane to swim".
const OBJECT_VERBS: &[&str] = &[
    "teaching",
    "taught",
    "helping",
    "helped",
    "asking",
    "asked",
    "telling",
    "told",
    "encouraging",
    "encouraged",
    "reminding",
    "reminded",
    "advising",
    "advised",
    "inviting",
    "invited",
    "urging",
    "urged",
];

/// Verbs after `<Name> to` that make the name a clinician's: "Whaanga to see in clinic".
const FOLLOW_UP_VERBS: &[&str] = &[
    "see", "review", "phone", "ring", "call", "contact", "discuss",
];

/// Verbs of a short task note about one person: "Tane - ring pharmacy", "Call Tane back".
const TASK_VERBS: &[&str] = &[
    "ring", "call", "phone", "bleep", "page", "chase", "contact", "remind", "update",
];

/// Times a short task note is for, after `for` and the person: "CPAP for TANE tonight".
const TASK_TIMES: &[&str] = &["tonight", "today", "tomorrow", "tmrw", "overnight"];

/// Roles of staff who sign a note after their name: "- Tane Whaanga, senior carer".
pub(super) const SIGNER_ROLES: &[&str] = &[
    "carer",
    "nurse",
    "hca",
    "rn",
    "sister",
    "matron",
    "manager",
    "physio",
    "physiotherapist",
    "worker",
    "assistant",
    "keyworker",
    "therapist",
    "pharmacist",
    "midwife",
    "dietitian",
    "registrar",
    "consultant",
    "doctor",
    "practitioner",
    "student",
    "deputy",
    "lead",
    "chaplain",
    "technician",
    "porter",
    "volunteer",
    "receptionist",
    "secretary",
    "administrator",
    "coordinator",
    "psychologist",
    "counsellor",
    "optometrist",
    "podiatrist",
    "radiographer",
    "sonographer",
    "clerk",
];

/// Most tokens between a surname field and a forename field of the same person.
const NAME_FIELDS_APART: usize = 24;

/// Values of a name field that say there is no name: "Surname: Unknown".
const NO_NAME_VALUES: &[&str] = &[
    "unknown",
    "none",
    "nil",
    "not",
    "withheld",
    "anonymous",
    "same",
    "blank",
    "unnamed",
];

/// Places of a patient on a ward: "tane in bed 4", "Tane in bay 2".
pub(super) const BED_WORDS: &[&str] = &["bed", "bay", "cubicle", "room"];

/// Words before the person a request sends someone to: "check on tanvo in bay 3".
const VISIT_WORDS: &[&str] = &["on", "see", "seen", "review", "assess", "visit"];

/// Filiation words inside Hassaniya names: `Ould` (son of), `Mint` (daughter of).
const FILIATIONS: &[&str] = &["ould", "mint"];

/// Appointments a diary line gives someone after a dash, with a time ("Tane - dentist
/// 3pm"), with the staff roles of [`SIGNER_ROLES`].
const APPOINTMENTS: &[&str] = &[
    "dentist",
    "optician",
    "optom",
    "gp",
    "physio",
    "appt",
    "appointment",
    "clinic",
    "hairdresser",
    "podiatrist",
    "chiropodist",
    "audiology",
    "hearing",
];

/// Staff roles that label a person on a theatre or ward board ("NURSE: TANVO").
const BOARD_ROLES: &[&str] = &[
    "nurse",
    // The anaesthetist's column on a theatre board: "Anaes: WHAANGA".
    "anaes",
    "anes",
    "consultant",
    "scrub",
    "surgeon",
    "anaesthetist",
    "anesthetist",
    "doctor",
    "midwife",
    "hca",
    "physio",
    "registrar",
    "reg",
    "sho",
    "runner",
    "nic",
    "sister",
    "coordinator",
    "porter",
    "odp",
    "assistant",
    "cons",
    "anaes",
];

/// Values of a staff slot that is not filled by a named person ("RUNNER: TBC").
const UNFILLED: &[&str] = &[
    "tbc", "tba", "tbd", "none", "nil", "vacant", "agency", "bank", "locum", "unknown",
];

/// Words that point at a person without naming them: "check on him in bed 4".
pub(super) const UNNAMED: &[&str] = &[
    "him",
    "her",
    "them",
    "patient",
    "pt",
    "pts",
    "patients",
    "man",
    "woman",
    "lady",
    "gent",
    "guy",
    "boy",
    "girl",
    "baby",
    "child",
    "kid",
    "resident",
    "residents",
    "visitor",
    "visitors",
    "client",
    "service",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "nobody",
    "everyone",
    "everybody",
    "she",
    "they",
    "you",
    "all",
    "the",
    "a",
    "this",
    "that",
    "these",
    "those",
    "my",
    "his",
    "our",
    "their",
];

/// Whether `word` opens a greeting ("Hi", "Dear"): never part of the name after it.
pub(crate) fn is_greeting(word: &str) -> bool {
    in_list(word, GREETINGS)
}

/// Words that open a message by greeting its reader: "hey tanvo - …".
const GREETINGS: &[&str] = &["hey", "hi", "hello", "hiya", "morning", "evening", "dear"];

/// Groups a message greets: "hi all,", "morning team -".
const GROUPS: &[&str] = &[
    "team",
    "guys",
    "folks",
    "there",
    "both",
    "everyone",
    "all",
    "again",
    "doc",
    "docs",
    "sir",
    "madam",
    "colleague",
    "colleagues",
    "doctor",
    "friend",
    "friends",
    "sirs",
];

/// `was` / `is` + these: "Tane was admitted", "Tane is keen".
const PERSON_STATES: &[&str] = &[
    "admitted",
    "readmitted",
    "discharged",
    "seen",
    "reviewed",
    "transferred",
    "referred",
    "keen",
    "aware",
    "happy",
    "unable",
];

/// Words that go on a clause whose subject is a person: the verbs and states above, the
/// auxiliaries, prepositions of where a patient is, and any `-s`, `-ed` or `-ing` form
/// ("Hope reports", "Sky in bed 4", "Grace was admitted").
pub(super) fn goes_on_a_person(word: &str) -> bool {
    const MORE: &[&str] = &[
        "is", "was", "has", "had", "will", "would", "can", "could", "may", "might", "should",
        "must", "does", "did", "and", "or", "in", "on", "at", "with", "from", "for", "back",
        "home", "here", "there", "going", "gone", "now", "still", "also", "too", "well",
    ];
    let w = lower(word);
    PERSON_VERBS.contains(&w.as_str())
        || PERSON_STATES.contains(&w.as_str())
        || MORE.contains(&w.as_str())
        || ["s", "ed", "ing"]
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

impl NameRules<'_> {
    /// A word that can be part of a name found by layout alone: Latin, title case (or all
    /// capitals when `upper`), two letters or more, a listed name or an unlisted name-like
    /// word, and neither a hard stop nor a form's field word.
    fn name_word(&self, w: &Token<'_>, upper: bool) -> bool {
        w.is_word()
            && w.latin
            && (super::title_like(w) || (upper && w.shape == Shape::Upper))
            && w.letters() >= 2
            && (self.listed(w.text) || self.name_like(w))
            && !self.hard_stop(w.text)
            && !in_list(w.text, FIELD_WORDS)
    }

    /// The end of a run of up to `most` [`Self::name_word`]s (capitals allowed) from token
    /// `first` on, each after a space and on the same field.
    fn name_run_end(&self, tokens: &[Token<'_>], first: usize, most: usize) -> usize {
        let mut k = first;
        while k < first + most
            && tokens
                .get(k)
                .is_some_and(|w| self.name_word(w, true) && w.space_before && !w.break_before)
        {
            k += 1;
        }
        k
    }

    /// The subject of a handover's return or result clause, or of a question about what a
    /// patient has had ("yes, tanvo back from CT", "Whaanga bloods back, hb 78", "el
    /// tanvo bloods sent", "has Tanvo had her bloods??", "is tanvo the one w the
    /// daughter?"): a word opening the clause (or after `has`/`did`/`is`), in lower or
    /// title case, three letters or more, no common word,
    /// clinical term or pointer at someone unnamed; a lower-case particle before it too.
    pub(super) fn returned_subjects(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let word_is = |k: usize, list: &[&str]| {
            tokens
                .get(k)
                .is_some_and(|w| w.is_word() && w.space_before && in_list(w.text, list))
        };
        for (i, t) in tokens.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let opens = t.sentence_start || prev.is_some_and(|p| p.is_punct(','));
            let asked = prev.is_some_and(|p| {
                p.is_word()
                    && p.sentence_start
                    && in_list(p.text, &["has", "did", "have"])
                    && t.space_before
            });
            let particle = prev.filter(|p| {
                p.is_word()
                    && p.shape == Shape::Lower
                    && is_particle(p.text)
                    && (p.sentence_start
                        || i.checked_sub(2)
                            .and_then(|q| tokens.get(q))
                            .is_some_and(|q| q.is_punct(',')))
            });
            let returned = (word_is(i + 1, &["back"]) && word_is(i + 2, &["from"]))
                || (word_is(i + 1, &["bloods", "results"])
                    && word_is(i + 2, &["back", "sent", "taken", "pending"]));
            let had = asked && word_is(i + 1, &["had", "been", "eaten", "got"]);
            // "is tanvo the one with the daughter?": a question identifying a patient.
            let the_one = prev.is_some_and(|p| {
                p.is_word() && p.sentence_start && in_list(p.text, &["is", "was"])
            }) && t.space_before
                && word_is(i + 1, &["the"])
                && word_is(i + 2, &["one"]);
            let had = had || the_one;
            if (((opens || particle.is_some()) && returned) || had)
                && t.is_word()
                && t.latin
                && matches!(t.shape, Shape::Lower | Shape::Title)
                && t.letters() >= 3
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, UNNAMED)
                && !in_list(t.text, GROUPS)
            {
                let mut m = Self::surname_word(t);
                if let Some(p) = particle {
                    m.start = p.start;
                }
                out.push(m);
            }
        }
    }

    /// The agent of a recorded act after `by`, when a date or time stands between the
    /// act and `by` ("given 17 Dec 2025 by Tane Whaanga", "checked at 14:00 by Tane"): one
    /// or two capitalised words ending the clause, the first an unlisted name-like word or
    /// a listed given name that is no word; the second may be a common word or a clinical
    /// term ("Deer"), not a drug or a body part.
    pub(super) fn agents_after_by(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        const ACTS: &[&str] = &[
            "given",
            "administered",
            "checked",
            "done",
            "taken",
            "performed",
            "inserted",
            "removed",
            "completed",
            "witnessed",
            "countersigned",
            "dispensed",
            "collected",
            "vaccinated",
            "updated",
            "changed",
            "reviewed",
            "seen",
            "signed",
            "recorded",
        ];
        for (i, by) in tokens.iter().enumerate() {
            if !(by.is_word() && by.text == "by") {
                continue;
            }
            // The act two to six tokens back in the same clause, a number in between.
            let back = i.saturating_sub(7)..i.saturating_sub(1);
            let act = back.clone().rev().find(|&k| {
                tokens.get(k).is_some_and(|w| {
                    w.is_word() && w.shape == Shape::Lower && in_list(w.text, ACTS)
                })
            });
            let Some(act) = act else { continue };
            let between = tokens.get(act + 1..i).unwrap_or_default();
            if !between
                .iter()
                .any(|t| t.class == crate::token::Class::Number)
                || between
                    .iter()
                    .any(|t| t.break_before || t.is_punct('.') || t.is_punct(';'))
            {
                continue;
            }
            let Some(g) = tokens.get(i + 1) else { continue };
            let first_ok = g.is_word()
                && g.latin
                && g.shape == Shape::Title
                && g.space_before
                && !g.break_before
                && (self.name_like(g) || (self.given(g.text) && !self.common(g.text)))
                && !head_after(tokens, i + 1);
            if !first_ok {
                continue;
            }
            let second = tokens.get(i + 2).filter(|s| {
                s.is_word()
                    && s.latin
                    && s.shape == Shape::Title
                    && s.space_before
                    && !s.break_before
                    && s.letters() >= 2
                    && !super::particle_blocked(s.text)
                    && !in_list(s.text, FIELD_WORDS)
            });
            let last = if second.is_some() { i + 2 } else { i + 1 };
            let ends = tokens.get(last + 1).is_none_or(|n| {
                n.break_before || n.is_punct('.') || n.is_punct(',') || n.is_punct(';')
            });
            if !ends || head_after(tokens, last) {
                continue;
            }
            let Some(l) = tokens.get(last) else { continue };
            out.push(Mention {
                start: g.start,
                end: l.name_end(),
                given: second.map(|_| Self::norm(g.text)),
                surname: Some(Self::norm(l.text)),
                ..Mention::default()
            });
        }
    }

    /// An unlisted capitalised word joined by `and` or `&` to a found person is a person too
    /// ("Tane and Aroha Ngata on the ferry"), when it is no common or medical word.
    pub(super) fn coordinated(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let found: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
        let and = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|a| a.is_punct('&') || (a.is_word() && a.text == "and"))
        };
        let candidate = |k: usize| {
            tokens.get(k).filter(|w| {
                w.is_word()
                    && w.latin
                    && w.shape == Shape::Title
                    && w.letters() >= 3
                    && self.name_like(w)
                    && !head_after(tokens, k)
                    && !found.iter().any(|&(a, b)| a < w.end && w.start < b)
            })
        };
        let capital = |k: usize| tokens.get(k).is_some_and(Token::capitalized);
        let mut more = Vec::new();
        for &(start, end) in &found {
            let s = tokens.partition_point(|t| t.start < start);
            let e = tokens.partition_point(|t| t.start < end);
            // "Tane and <person>"
            if s >= 2 && and(s - 1) && !(s >= 3 && capital(s - 3)) {
                if let Some(w) = candidate(s - 2) {
                    more.push((w.start, w.name_end(), Self::norm(w.text)));
                }
            }
            // "Image: Tane with <person>": a caption opening with its subject and who is
            // with them; a listed given name here even when it is also a word ("Meadow").
            let with = s >= 2
                && tokens
                    .get(s - 1)
                    .is_some_and(|a| a.is_word() && a.text == "with");
            if with {
                if let Some(w) = tokens.get(s - 2).filter(|w| {
                    w.sentence_start
                        && w.is_word()
                        && w.latin
                        && w.shape == Shape::Title
                        && w.letters() >= 3
                        && (self.name_like(w)
                            || (self.given(w.text) && self.stop(w.text).is_none()))
                        && !in_list(w.text, UNNAMED)
                        && !found.iter().any(|&(a, b)| a < w.end && w.start < b)
                }) {
                    more.push((w.start, w.name_end(), Self::norm(w.text)));
                }
            }
            // "<person> and Tane"
            if and(e) && !capital(e + 2) {
                if let Some(w) = candidate(e + 1) {
                    more.push((w.start, w.name_end(), Self::norm(w.text)));
                }
            }
        }
        for (start, end, surname) in more {
            out.push(Mention {
                start,
                end,
                surname: Some(surname),
                ..Mention::default()
            });
        }
    }

    /// An unlisted capitalised word that is the subject of a person verb ("Tane was
    /// admitted", "Tane improved") or a possessive before a lower-case noun ("regarding
    /// Quispe's imaging"), when it is not a common word, a medical term or an eponym used
    /// as one.
    pub(super) fn subjects_and_possessives(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !(t.is_word()
                && t.latin
                && super::title_like(t)
                && t.letters() >= 3
                && self.name_like(t)
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, UNNAMED)
                && (!head_after(tokens, i) || owns_device(tokens, i))
                && !self.eponym_as_term(tokens, i))
            {
                continue;
            }
            let word = |k: usize| {
                tokens
                    .get(k)
                    .filter(|w| w.is_word() && w.shape == Shape::Lower && w.space_before)
                    .map(|w| lower(w.text))
            };
            // (A capitalised word ending the line above is no part of this one's name.)
            let prev_cap = i > 0
                && !t.line_start
                && tokens.get(i - 1).is_some_and(|p| {
                    p.is_word()
                        && p.capitalized()
                        && p.space_before == t.space_before
                        && !p.sentence_start
                });
            // The verb in any case but title case: OCR flips letters ("toleraTing").
            let verb = |k: usize| {
                tokens
                    .get(k)
                    .filter(|w| {
                        w.is_word()
                            && matches!(w.shape, Shape::Lower | Shape::Mixed)
                            && w.space_before
                    })
                    .map(|w| lower(w.text))
            };
            let subject = verb(i + 1).is_some_and(|v| {
                PERSON_VERBS.contains(&v.as_str())
                    // "Tane will meet them at the entrance": a sentence's subject before
                    // `will` and a verb.
                    || (v == "will" && t.sentence_start && word(i + 2).is_some())
                    || (matches!(v.as_str(), "was" | "is")
                        && word(i + 2).is_some_and(|s| PERSON_STATES.contains(&s.as_str())))
            });
            // "at Tane's 80th": an ordinal after the possessive is a birthday.
            let ordinal = tokens
                .get(i + 1)
                .is_some_and(|n| n.class == crate::token::Class::Number && n.space_before)
                && tokens
                    .get(i + 2)
                    .is_some_and(|s| !s.space_before && in_list(s.text, &["th", "st", "nd", "rd"]));
            let possessive =
                !t.sentence_start && t.name_end() < t.end && (word(i + 1).is_some() || ordinal);
            let object = !t.sentence_start
                && i.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| {
                        p.is_word()
                            && p.shape == Shape::Lower
                            && OBJECT_VERBS.contains(&lower(p.text).as_str())
                    })
                && word(i + 1).as_deref() == Some("to")
                && word(i + 2).is_some();
            // "Whaanga to see in clinic": a sentence's subject before `to` and a clinical
            // follow-up verb.
            let follow_up = t.sentence_start
                && word(i + 1).as_deref() == Some("to")
                && word(i + 2).is_some_and(|v| FOLLOW_UP_VERBS.contains(&v.as_str()));
            if (subject || possessive || object || follow_up) && !prev_cap {
                // Particles before the family name belong to it: "van Dijk's son".
                let mut j = i;
                while j >= 1
                    && tokens.get(j).is_some_and(|w| w.space_before)
                    && tokens.get(j - 1).is_some_and(|p| {
                        p.is_word() && p.shape != Shape::Upper && super::is_particle(p.text)
                    })
                {
                    j -= 1;
                }
                out.push(Mention {
                    start: tokens.get(j).map_or(t.start, |p| p.start),
                    end: t.name_end(),
                    surname: Some(Self::norm(t.text)),
                    ..Mention::default()
                });
            }
        }
    }
}

/// Token `i` opens a letter's subject line: `Re:` at a line's start.
fn opens_regarding_line(tokens: &[Token<'_>], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|re| re.line_start && re.is_word() && lower(re.text) == "re")
        && tokens.get(i + 1).is_some_and(|c| c.is_punct(':'))
}

/// A possessive unlisted word before a device ("Saleh's drain"): the device is the
/// person's, not an eponymous term (listed eponyms never reach this test; "Buck's traction"
/// is tagged, since Buck is also a given name).
pub(super) fn owns_device(tokens: &[Token<'_>], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.name_end() < t.end)
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.is_word() && crate::stoplist::is_device_head(n.text))
}

/// Tokens `a..b` (empty when out of range).
fn within_tokens<'t, 'a>(tokens: &'t [Token<'a>], a: usize, b: usize) -> &'t [Token<'a>] {
    tokens.get(a..b).unwrap_or_default()
}

/// A bed code opening a line at token `i`: a letter `B` and a number glued to it (`B14`).
fn bed_code(tokens: &[Token<'_>], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|b| b.line_start && b.is_word() && (b.text == "B" || b.text == "b"))
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.class == crate::token::Class::Number && !n.space_before)
}

/// `r/v` (review) ending at token `i`: `r`, a glued slash, a glued `v`.
fn review_abbrev(tokens: &[Token<'_>], i: usize) -> bool {
    let at = |k: usize, f: &dyn Fn(&Token<'_>) -> bool| tokens.get(k).is_some_and(f);
    i >= 2
        && at(i, &|t| {
            t.is_word() && (t.text == "v" || t.text == "V") && !t.space_before
        })
        && at(i - 1, &|t| t.is_punct('/') && !t.space_before)
        && at(i - 2, &|t| t.is_word() && (t.text == "r" || t.text == "R"))
}

/// A ward place right at token `k`, without `in`: a bed word or `rm` after a space, then a
/// number ("bay 2", "rm 6").
fn bare_place(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_some_and(|b| {
        b.is_word() && b.space_before && (in_list(b.text, BED_WORDS) || lower(b.text) == "rm")
    }) && tokens
        .get(k + 1)
        .is_some_and(|n| n.class == crate::token::Class::Number && n.space_before)
}

/// Roles that open a transcript's speaker label before the speaker's name
/// (`THERAPIST VARLO:`).
const SPEAKER_ROLES: &[&str] = &[
    "therapist",
    "physio",
    "physiotherapist",
    "nurse",
    "doctor",
    "patient",
    "midwife",
    "interpreter",
    "clinician",
    "consultant",
    "pharmacist",
    "surgeon",
    "paramedic",
    "carer",
    "relative",
    "mother",
    "father",
    "mum",
    "dad",
    "daughter",
    "son",
    "wife",
    "husband",
    "partner",
];
