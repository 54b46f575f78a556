//! Names known by the words around them only (no cue word, not in the lists): the family
//! noun after `the <Name>`, a reporting verb after a clause's subject, a possessive.

use super::{FIELD_WORDS, ID_LABELS, Mention, NameRules, head_after, in_list, is_particle, lower};
use crate::EntityKind;
use crate::token::{Shape, Token};
use crate::types::Span;

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

    /// A capitalised word right before an age is the person's name ("bed 4: Whaanga 85 y/o"),
    /// also set off by a comma ("lesion 2, Whaanga, 85yo"), when it is a frequent given name
    /// or not a common word, and no medical term or field word ("Patient 85 y/o" stays). A
    /// listed given name, no common word, right before it is the same person's ("Tane
    /// Whaanga, 85 years old"), and so is an unlisted name-like word opening the clause or
    /// list item ("2. Rawiri Tane, 94y"). An article may stand before the age ("Tane, a
    /// 9-year-old pupil").
    pub(super) fn before_ages(&self, tokens: &[Token<'_>], typed: &[Span], out: &mut Vec<Mention>) {
        for age in typed.iter().filter(|s| s.kind == EntityKind::Age) {
            let k = tokens.partition_point(|t| t.start < age.start);
            if !tokens
                .get(k)
                .is_some_and(|a| a.start == age.start && a.space_before)
            {
                continue;
            }
            // "Tane, a 9-year-old pupil": an article between the comma and the age.
            let article = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|a| a.is_word() && in_list(a.text, &["a", "an"]))
                && k.checked_sub(2)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|c| c.is_punct(','));
            let k = if article { k - 1 } else { k };
            let comma = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|c| c.is_punct(','));
            let Some(n) = k.checked_sub(if comma { 2 } else { 1 }) else {
                continue;
            };
            let Some(t) = tokens.get(n) else {
                continue;
            };
            // "Koen Bos, 40 year old": a short, common or clinical-looking family name after
            // a given name (listed and no word, or unlisted opening the sentence), the pair
            // set off by the comma before the age; only a drug or body part is no name.
            let after_given = comma
                && t.is_word()
                && t.latin
                && t.shape == Shape::Title
                && t.letters() >= 2
                && t.space_before
                && !t.sentence_start
                && !super::particle_blocked(t.text)
                && !in_list(t.text, FIELD_WORDS)
                && n.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|g| {
                        g.is_word()
                            && g.shape == Shape::Title
                            && ((self.given(g.text) && !self.common(g.text))
                                || (self.name_like(g) && g.sentence_start))
                            && self.stop(g.text).is_none()
                    });
            if !after_given
                && !(t.is_word()
                    && t.latin
                    && matches!(t.shape, Shape::Title | Shape::Upper)
                    && t.letters() >= 3
                    && (self.name_like(t)
                        || (self
                            .lex
                            .given_name(&Self::norm(t.text))
                            .is_some_and(|r| r.0 <= super::SINGLE_GIVEN_MAX_RANK)
                            && self.stop(t.text).is_none()
                            && !in_list(t.text, FIELD_WORDS))))
            {
                continue;
            }
            let given = n.checked_sub(1).and_then(|p| tokens.get(p)).filter(|g| {
                comma
                    && g.is_word()
                    && g.latin
                    && g.shape == t.shape
                    && t.space_before
                    && !t.break_before
                    && ((self.given(g.text) && !self.common(g.text))
                        || (self.name_like(g) && g.sentence_start))
                    && self.stop(g.text).is_none()
            });
            out.push(Mention {
                start: given.map_or(t.start, |g| g.start),
                end: t.name_end(),
                given: given.map(|g| Self::norm(g.text)),
                surname: Some(Self::norm(t.text)),
                ..Mention::default()
            });
        }
    }

    /// The person to call in a phone message: one or two words between `ring`, `call` or
    /// `phone` (or a nurse's title: `sr`, `sister`, `nurse`) and `on` before a phone number
    /// ("ring Blessing on 0123 456", "call piret on +372 …", "sr tanvo on 0113 …"),
    /// capitalised or no common word, no stop word or field word.
    pub(super) fn phone_contacts(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
        for phone in typed.iter().filter(|s| s.kind == EntityKind::Phone) {
            let k = tokens.partition_point(|t| t.start < phone.start);
            let Some(on) = k.checked_sub(1).and_then(|p| tokens.get(p)) else {
                continue;
            };
            if !(on.is_word() && lower(on.text) == "on") {
                continue;
            }
            let word_ok = |t: &Token<'_>| {
                t.is_word()
                    && t.latin
                    && t.letters() >= 2
                    && !t.break_before
                    && (t.capitalized() || self.given(t.text) || !self.common(t.text))
                    && !self.hard_stop(t.text)
                    && !in_list(t.text, FIELD_WORDS)
            };
            for n in 1..=2usize {
                let Some(first) = k.checked_sub(1 + n) else {
                    break;
                };
                let Some(verb) = first.checked_sub(1).and_then(|p| tokens.get(p)) else {
                    continue;
                };
                let words: Vec<&Token<'_>> = (first..k - 1).filter_map(|i| tokens.get(i)).collect();
                if verb.is_word()
                    && in_list(
                        verb.text,
                        &["ring", "call", "phone", "sr", "sister", "nurse"],
                    )
                    && words.iter().all(|w| word_ok(w))
                {
                    if let (Some(a), Some(b)) = (words.first(), words.last()) {
                        let norm = |t: &Token<'_>| Self::norm(t.text);
                        let one = words.len() == 1;
                        out.push(Mention {
                            start: a.start,
                            end: b.name_end(),
                            given: (!one || self.given(a.text)).then(|| norm(a)),
                            surname: (!one || !self.given(a.text)).then(|| norm(b)),
                            ..Mention::default()
                        });
                    }
                    break;
                }
            }
        }
    }

    /// A header line that opens with two to four capitalised words and then, after a field
    /// gap, an identifier field ("Tan Hui Min  NHS No: …", "ANA LIMA  MRN: …"): the words
    /// are the patient's name. On a label the words may fill a line of their own above the
    /// identifier line ("SPECIMEN …\nTANE WHAANGA\nDOB …"), where OCR may flip the case
    /// of letters inside them ("TAnE").
    pub(super) fn header_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !t.line_start {
                continue;
            }
            let mut k = i;
            while k < i + 4
                && tokens.get(k).is_some_and(|w| {
                    w.is_word()
                        && w.latin
                        && w.letters() >= 2
                        && (matches!(w.shape, Shape::Title | Shape::Upper)
                            || (w.shape == Shape::Mixed && w.capitalized()))
                        && (k == i || (w.space_before && !w.break_before))
                        && !self.hard_stop(w.text)
                        && !in_list(w.text, FIELD_WORDS)
                })
            {
                k += 1;
            }
            let own_line = tokens.get(k).is_some_and(|l| l.line_start);
            let mixed = (i..k).any(|j| tokens.get(j).is_some_and(|w| w.shape == Shape::Mixed));
            let label = tokens.get(k).is_some_and(|l| {
                l.is_word()
                    && l.break_before
                    && (!l.line_start || i > 0)
                    && in_list(l.text, ID_LABELS)
            }) && (own_line || !mixed);
            let words: Vec<&Token<'_>> = (i..k).filter_map(|j| tokens.get(j)).collect();
            if !label
                || words.len() < 2
                || !words
                    .iter()
                    .all(|w| self.listed(w.text) || self.name_like(w))
                || words.iter().all(|w| self.common(w.text))
            {
                continue;
            }
            out.extend(Self::whole_run(&words));
        }
    }

    /// A note that opens a sentence with a name and a dash ("Home visit. Tane Whaanga -
    /// leg ulcer dressed"): two or three capitalised words starting the sentence, each a
    /// listed name or an unlisted name-like word, not all common words, then a spaced dash
    /// and a lower-case word; or one such word before an appointment and its time ("Tane -
    /// dentist 3pm").
    pub(super) fn dash_notes(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !t.sentence_start {
                continue;
            }
            let mut k = i;
            while k < i + 3
                && tokens.get(k).is_some_and(|w| {
                    self.name_word(w, false)
                        && (k == i || (w.space_before && !w.break_before))
                        && !in_list(w.text, super::FIELD_LABELS)
                })
            {
                k += 1;
            }
            let dash = tokens
                .get(k)
                .is_some_and(|d| (d.is_punct('-') || d.is_punct('–')) && d.space_before);
            let note = tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.shape == Shape::Lower && n.space_before);
            let words: Vec<&Token<'_>> = (i..k).filter_map(|j| tokens.get(j)).collect();
            // "Tane - dentist 3pm": one word before a dash, then an appointment with a
            // clinician or service and its time, on one line.
            let appointment =
                note && tokens.get(k + 1).is_some_and(|n| {
                    in_list(n.text, APPOINTMENTS) || in_list(n.text, SIGNER_ROLES)
                }) && tokens
                    .get(k + 2)
                    .is_some_and(|n| n.class == crate::token::Class::Number && !n.line_start);
            if let [one] = words.as_slice() {
                if dash
                    && appointment
                    && (self.name_like(one)
                        || (self.given(one.text) && self.stop(one.text).is_none()))
                {
                    out.push(Self::given_word(one));
                }
                continue;
            }
            if dash
                && note
                && words.len() >= 2
                && !words.iter().all(|w| self.common(w.text))
                && words
                    .iter()
                    .any(|w| !self.common(w.text) || self.given(w.text))
            {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// A short task note whose whole text is one line of two to five words around a single
    /// capitalised or upper-case word that is no common word or clinical term: the word is
    /// the person the task is about when another word is a task verb ("Tane - ring
    /// pharmacy", "Call Tane back") or the word sits between `for` and a time ("CPAP for
    /// TANE tonight"). An upper-case word needs four letters and a vowel (no acronym).
    pub(super) fn task_notes(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let words: Vec<usize> = (0..tokens.len())
            .filter(|&j| tokens.get(j).is_some_and(Token::is_word))
            .collect();
        if !(2..=5).contains(&words.len()) || tokens.iter().skip(1).any(|t| t.break_before) {
            return;
        }
        let candidate = |t: &Token<'_>| {
            self.name_like_any_case(t)
                && (t.shape != Shape::Upper
                    || (t.letters() >= 4 && t.text.chars().any(|c| "AEIOUY".contains(c))))
        };
        let found: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&j| tokens.get(j).is_some_and(candidate))
            .collect();
        let [k] = found.as_slice() else { return };
        let k = *k;
        let word_is = |j: Option<usize>, list: &[&str]| {
            j.and_then(|j| tokens.get(j))
                .is_some_and(|w| w.is_word() && in_list(w.text, list))
        };
        let verb = words
            .iter()
            .any(|&j| j != k && word_is(Some(j), TASK_VERBS));
        let for_time = word_is(k.checked_sub(1), &["for"]) && word_is(Some(k + 1), TASK_TIMES);
        if let (true, Some(t)) = (verb || for_time, tokens.get(k)) {
            out.push(Self::given_word(t));
        }
    }

    /// A note signed with a name and the signer's role: "- Tane Whaanga, senior carer",
    /// "— Tane Whaanga (staff nurse)", "… within the hour. — Tane, night nurse" (the dash
    /// opening a line or following a sentence's end), or without the dash as a
    /// sentence of its own ("Tane, ward pharmacist, ext 4021"). One to three capitalised
    /// name words, one at least no common word, then a comma or bracket and a staff role
    /// within three words. Without the dash the role ends the phrase (a comma, bracket,
    /// stop or the line's end follows: "Tane, ward physio to see" stays) and a single word
    /// must be no common word.
    pub(super) fn dash_sign_offs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, d) in tokens.iter().enumerate() {
            let after_stop = i
                .checked_sub(1)
                .and_then(|j| tokens.get(j))
                .is_some_and(|p| p.is_punct('.') || p.is_punct('!') || p.is_punct('?'));
            let dashed = (d.line_start || (after_stop && d.space_before))
                && (d.is_punct('-') || d.is_punct('–') || d.is_punct('—'));
            let bare = d.sentence_start && d.is_word();
            if !(dashed || bare) {
                continue;
            }
            let first = if dashed { i + 1 } else { i };
            let k = self.name_run_end(tokens, first, 3);
            let words: Vec<&Token<'_>> = (first..k).filter_map(|j| tokens.get(j)).collect();
            let role = tokens
                .get(k)
                .is_some_and(|c| c.is_punct(',') || c.is_punct('('))
                && (k + 1..k + 4).any(|j| {
                    let closes = tokens.get(j + 1).is_none_or(|e| {
                        e.line_start || e.is_punct(',') || e.is_punct(')') || e.is_punct('.')
                    });
                    tokens.get(j).is_some_and(|w| {
                        w.is_word()
                            && !w.line_start
                            && in_list(w.text, SIGNER_ROLES)
                            && (dashed || closes)
                    })
                });
            let uncommon = words.iter().any(|w| !self.common(w.text));
            let single = match words.as_slice() {
                [one] if dashed => uncommon || self.given(one.text),
                [one] => !self.common(one.text) && self.stop(one.text).is_none(),
                _ => false,
            };
            if role && ((words.len() >= 2 && uncommon) || single) {
                if let [one] = words.as_slice() {
                    out.push(Self::given_word(one));
                } else {
                    out.extend(Self::whole_run(&words));
                }
            }
        }
    }

    /// A record's heading line that opens with a name, then a dash and the birth date
    /// ("Tane Whaanga — DOB 1950-02-01", "Tane Whaanga - born 3 May 1950"): two or three
    /// capitalised name words at the line's start, none a common word or clinical term,
    /// and the date itself after the cue ("Growth Chart — DOB field blank" stays).
    pub(super) fn dash_birth_lines(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !t.line_start {
                continue;
            }
            let mut k = i;
            while k < i + 3
                && tokens.get(k).is_some_and(|w| {
                    self.name_word(w, false) && (k == i || (w.space_before && !w.break_before))
                })
            {
                k += 1;
            }
            let dash = tokens.get(k).is_some_and(|d| {
                (d.is_punct('-') || d.is_punct('–') || d.is_punct('—')) && d.space_before
            });
            let born = tokens.get(k + 1).is_some_and(|b| {
                b.is_word() && matches!(lower(b.text).as_str(), "dob" | "born" | "d.o.b")
            });
            // The date follows, perhaps after a colon: "DOB 1950-02-01", "DOB: 3 May 1950".
            let colon = usize::from(tokens.get(k + 2).is_some_and(|c| c.is_punct(':')));
            let dated = tokens
                .get(k + 2 + colon)
                .is_some_and(|n| n.class == crate::token::Class::Number);
            let words: Vec<&Token<'_>> = (i..k).filter_map(|j| tokens.get(j)).collect();
            let plain = |w: &&Token<'_>| !self.common(w.text) && self.stop(w.text).is_none();
            if dash && born && dated && words.len() >= 2 && words.iter().all(plain) {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// The subject line of a letter, `Re:` and a name, then a comma, a parenthesis or the
    /// line's end ("Re: Tane Whaanga, DOB …", "Re: Tane Whaanga (MRN …)"): two to four
    /// capitalised words, each a listed name or an unlisted name-like word, one at least no
    /// common word ("Re: Discharge Summary" stays).
    pub(super) fn regarding_lines(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for i in 0..tokens.len() {
            if !opens_regarding_line(tokens, i) {
                continue;
            }
            let first = i + 2;
            let k = self.name_run_end(tokens, first, 4);
            let ends = tokens
                .get(k)
                .is_none_or(|e| e.line_start || e.is_punct(',') || e.is_punct('('));
            let words: Vec<&Token<'_>> = (first..k).filter_map(|j| tokens.get(j)).collect();
            if ends && words.len() >= 2 && words.iter().any(|w| !self.common(w.text)) {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// The inverted name of a letter's subject line, `Re:`, a surname, a comma and a given
    /// name, then a comma or the line's end ("Re: Whaanga, Tane, Ward 7, DOB …"): two
    /// capitalised name-like words (listed, or neither a common word nor a clinical term),
    /// one at least no common word ("Re: Discharge, Summary" stays).
    pub(super) fn regarding_inverted(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for i in 0..tokens.len() {
            if !opens_regarding_line(tokens, i) {
                continue;
            }
            let namely = |k: usize| {
                tokens
                    .get(k)
                    .filter(|w| self.name_word(w, true) && !w.break_before)
            };
            let comma = |k: usize| tokens.get(k).is_some_and(|c| c.is_punct(','));
            let (Some(sur), Some(given)) = (namely(i + 2), namely(i + 4)) else {
                continue;
            };
            let ends = tokens
                .get(i + 5)
                .is_none_or(|e| e.line_start || e.is_punct(','));
            let uncommon = !self.common(sur.text) || !self.common(given.text);
            if comma(i + 3) && ends && uncommon {
                out.push(Mention {
                    start: sur.start,
                    end: given.name_end(),
                    given: Some(Self::norm(given.text)),
                    surname: Some(Self::norm(sur.text)),
                    ..Mention::default()
                });
            }
        }
    }

    /// The person a handover is from: `handed over by`, one to three capitalised words,
    /// then `to` and a capitalised word ("Handed over by Tane to Aroha Whaanga"). The slot
    /// names a person even when the word is a common one (a word-name: "by Justice to").
    /// And the one it is given to: `handed (over) to`, then one or two unlisted-looking
    /// capitalised words closing the clause ("handed to Tanvo.").
    pub(super) fn handed_over(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let word_at = |k: usize, w: &str| {
                tokens
                    .get(k)
                    .is_some_and(|x| x.is_word() && lower(x.text) == w)
            };
            // "handed to Igsaan.", "handed over to Aroha Whaanga,": the recipient, one or
            // two unlisted-looking capitalised words closing the clause.
            if t.is_word() && lower(t.text) == "handed" {
                let to = if word_at(i + 1, "over") { i + 2 } else { i + 1 };
                if word_at(to, "to") {
                    let first = to + 1;
                    let mut k = first;
                    while k < first + 2
                        && tokens
                            .get(k)
                            .is_some_and(|w| self.name_like(w) && !w.break_before)
                    {
                        k += 1;
                    }
                    let closes = tokens.get(k).is_none_or(|n| {
                        n.line_start || n.is_punct('.') || n.is_punct(',') || n.is_punct(';')
                    });
                    let words: Vec<&Token<'_>> = (first..k).filter_map(|j| tokens.get(j)).collect();
                    if closes {
                        match words.as_slice() {
                            [] => {}
                            [one] => out.push(Self::given_word(one)),
                            _ => out.extend(Self::whole_run(&words)),
                        }
                    }
                }
                continue;
            }
            if !(t.is_word() && lower(t.text) == "over" && word_at(i + 1, "by")) {
                continue;
            }
            let first = i + 2;
            let mut k = first;
            while k < first + 3
                && tokens.get(k).is_some_and(|w| {
                    w.is_word()
                        && w.latin
                        && super::title_like(w)
                        && w.letters() >= 2
                        && !w.break_before
                        && !self.hard_stop(w.text)
                        && !in_list(w.text, FIELD_WORDS)
                })
            {
                k += 1;
            }
            let recipient = tokens
                .get(k + 1)
                .is_some_and(|r| r.is_word() && (super::title_like(r) || r.shape == Shape::Upper));
            let words: Vec<&Token<'_>> = (first..k).filter_map(|j| tokens.get(j)).collect();
            if k > first && word_at(k, "to") && recipient {
                if let [one] = words.as_slice() {
                    out.push(Self::given_word(one));
                } else {
                    out.extend(Self::whole_run(&words));
                }
            }
        }
    }

    /// A ward board's bed row: a bed code at the line's start (`B14`), a gap, an
    /// upper-case family name (perhaps after a particle: `LE GALL`), perhaps with one
    /// initial, then a gap and the age ("B5  TANE 60  NBM", "B14  WHAANGA R  52  side
    /// room"). Single spaces do as gaps when another line of the text opens with a bed
    /// code too (a board: "B1 TANE 60 NBM" / "B2 empty"). The cell names a person even
    /// when the word is a common one; clinical terms stay.
    pub(super) fn bed_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let codes: Vec<usize> = (0..tokens.len()).filter(|&i| bed_code(tokens, i)).collect();
        let board = codes.len() >= 2;
        for &i in &codes {
            let gap = |w: &Token<'_>| w.break_before || (board && w.space_before);
            let i = i + 1;
            let upper = |w: &&Token<'_>| {
                w.is_word()
                    && w.latin
                    && w.shape == Shape::Upper
                    && w.letters() >= 2
                    && !self.hard_stop(w.text)
                    && !in_list(w.text, FIELD_WORDS)
            };
            let Some(first) = tokens.get(i + 1).filter(|w| upper(w) && gap(w)) else {
                continue;
            };
            let particle = super::is_particle(first.text)
                && tokens
                    .get(i + 2)
                    .is_some_and(|w| upper(&w) && w.space_before && !w.break_before);
            let s = i + 1 + usize::from(particle);
            let Some(sur) = tokens.get(s) else {
                continue;
            };
            let initial = tokens
                .get(s + 1)
                .filter(|w| w.is_word() && w.text.chars().count() == 1 && !w.break_before)
                .filter(|w| w.text.chars().all(char::is_uppercase));
            let k = s + 1 + usize::from(initial.is_some());
            let age = tokens
                .get(k)
                .is_some_and(|n| n.class == crate::token::Class::Number && gap(n));
            if age {
                out.push(Mention {
                    start: first.start,
                    end: initial.map_or(sur.name_end(), |w| w.end),
                    surname: Some(Self::norm(sur.text)),
                    initial: initial.and_then(|w| w.text.chars().next()),
                    ..Mention::default()
                });
            }
        }
    }

    /// A numbered row of a bay board: a row number of one or two digits at the line's
    /// start, a gap, an upper-case family name and one capital initial with its dot, then
    /// a gap or the line's end ("3  VORELT K.   IVAB"). The initial marks a person even
    /// when the family name is a clinical word.
    pub(super) fn board_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, n) in tokens.iter().enumerate() {
            let row = n.line_start
                && n.class == crate::token::Class::Number
                && n.text.len() <= 2
                && tokens.get(i + 1).is_some_and(|w| w.break_before);
            let (Some(sur), Some(ini), Some(dot)) =
                (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3))
            else {
                continue;
            };
            let shape = sur.is_word()
                && sur.latin
                && sur.shape == Shape::Upper
                && sur.letters() >= 3
                && !in_list(sur.text, FIELD_WORDS)
                && ini.is_word()
                && ini.text.chars().count() == 1
                && ini.capitalized()
                && ini.space_before
                && !ini.break_before
                && dot.is_punct('.')
                && !dot.space_before
                && tokens
                    .get(i + 4)
                    .is_none_or(|t| t.break_before || t.line_start);
            if row && shape {
                out.push(Mention {
                    start: sur.start,
                    end: dot.end,
                    surname: Some(Self::norm(sur.text)),
                    initial: ini.text.chars().next(),
                    ..Mention::default()
                });
            }
        }
    }

    /// A relative named with their kinship in brackets right after ("Tanvo (daughter)
    /// phoned", "visited by Tanvo (son)"): a capitalised word, listed and no common word,
    /// or unlisted and name-like.
    pub(super) fn bracketed_kin(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let kin = tokens.get(i + 1).is_some_and(|p| p.is_punct('('))
                && tokens.get(i + 2).is_some_and(|k| {
                    k.is_word() && k.shape == Shape::Lower && in_list(k.text, super::KIN_CUES)
                })
                && tokens.get(i + 3).is_some_and(|c| c.is_punct(')'));
            if kin
                && t.is_word()
                && t.latin
                && super::title_like(t)
                && t.letters() >= 3
                && ((self.listed(t.text) && !self.common(t.text)) || self.name_like(t))
                && !self.hard_stop(t.text)
                && !in_list(t.text, UNNAMED)
            {
                out.push(Self::given_word(t));
            }
        }
    }

    /// A numbered list item that opens with a name and then a number after a comma, an
    /// age or a hospital number ("1. Tane Whaanga, 104, 1408842 - for surgery"): two to
    /// four capitalised words, each a listed name or an unlisted name-like word, not all
    /// common words.
    pub(super) fn list_item_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, n) in tokens.iter().enumerate() {
            let item = n.line_start
                && n.class == crate::token::Class::Number
                && n.text.len() <= 2
                && tokens
                    .get(i + 1)
                    .is_some_and(|p| (p.is_punct('.') || p.is_punct(')')) && !p.space_before);
            if !item {
                continue;
            }
            let first = i + 2;
            let k = self.name_run_end(tokens, first, 4);
            let number_after = tokens.get(k).is_some_and(|c| c.is_punct(','))
                && tokens
                    .get(k + 1)
                    .is_some_and(|d| d.class == crate::token::Class::Number && d.space_before);
            let words: Vec<&Token<'_>> = (first..k).filter_map(|j| tokens.get(j)).collect();
            if number_after && words.len() >= 2 && words.iter().any(|w| !self.common(w.text)) {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// A numbered list item of a theatre or ward board that opens with a name in capitals,
    /// then a dash and lower-case notes ("1. WHAANGA - lap chole - …", "2. TANE ANAK
    /// RAWIRI - hernia"): one to four upper-case words (particles inside), none a clinical
    /// term, field word or letter abbreviation. A common word ("2. STONE - hernia") is a
    /// name only when another item of the text is one without common words.
    pub(super) fn numbered_caps_items(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut found: Vec<(Mention, bool)> = Vec::new();
        for (i, n) in tokens.iter().enumerate() {
            let item = n.line_start
                && n.class == crate::token::Class::Number
                && n.text.len() <= 2
                && tokens
                    .get(i + 1)
                    .is_some_and(|p| (p.is_punct('.') || p.is_punct(')')) && !p.space_before);
            if !item || n.upper_line {
                continue;
            }
            let first = i + 2;
            let mut k = first;
            while k < first + 4
                && tokens.get(k).is_some_and(|w| {
                    w.is_word()
                        && w.latin
                        && w.shape == Shape::Upper
                        && w.space_before
                        && !w.break_before
                        && (w.letters() >= 3 || super::is_particle(w.text))
                        && (self.stop(w.text).is_none() || self.rare_vocabulary_word(w.text))
                        && !in_list(w.text, FIELD_WORDS)
                })
            {
                k += 1;
            }
            let dash = tokens.get(k).is_some_and(|d| {
                (d.is_punct('-') || d.is_punct('–') || d.is_punct('—')) && d.space_before
            });
            let notes = tokens
                .get(k + 1)
                .is_some_and(|w| w.is_word() && w.shape == Shape::Lower && !w.line_start);
            let words: Vec<&Token<'_>> = (first..k).filter_map(|j| tokens.get(j)).collect();
            let ends_in_particle = words.last().is_some_and(|w| super::is_particle(w.text));
            if k == first || !dash || !notes || ends_in_particle {
                continue;
            }
            let uncommon = words
                .iter()
                .all(|w| super::is_particle(w.text) || !self.common(w.text));
            let mention = match words.as_slice() {
                [one] => Self::surname_word(one),
                _ => match Self::whole_run(&words) {
                    Some(m) => m,
                    None => continue,
                },
            };
            found.push((mention, uncommon));
        }
        if found.iter().any(|(_, uncommon)| *uncommon) {
            out.extend(found.into_iter().map(|(m, _)| m));
        }
    }

    /// One to three capitalised words right before an identifier in parentheses are whose
    /// it is ("Tane (NHS 077 176 2305) day 3 post TKR", "could you see Tane Whaanga
    /// (12131275)"): each a listed name or an unlisted name-like word, one at least no
    /// common word, and no capitalised word before them (a place or a ward's name runs on).
    pub(super) fn before_ids(&self, tokens: &[Token<'_>], typed: &[Span], out: &mut Vec<Mention>) {
        for id in typed.iter().filter(|s| s.kind == EntityKind::Id) {
            let k = tokens.partition_point(|t| t.start < id.start);
            // Back over an identifier label inside the parentheses: "(NHS 077 …", "(MRN: …".
            let mut open = k;
            while open > 0
                && k - open < 3
                && tokens.get(open - 1).is_some_and(|l| {
                    (l.is_word() && in_list(l.text, ID_LABELS))
                        || l.is_punct(':')
                        || l.is_punct('#')
                })
            {
                open -= 1;
            }
            let Some(paren) = open.checked_sub(1) else {
                continue;
            };
            if !tokens
                .get(paren)
                .is_some_and(|p| p.is_punct('(') && p.space_before)
            {
                continue;
            }
            let mut first = paren;
            while first > 0
                && paren - first < 3
                && tokens.get(first - 1).is_some_and(|w| {
                    self.name_word(w, false)
                        && (first == paren || !tokens.get(first).is_some_and(|n| n.break_before))
                        && !in_list(w.text, super::FIELD_LABELS)
                })
            {
                first -= 1;
            }
            let before_cap = first
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| p.is_word() && p.capitalized() && !p.sentence_start)
                && tokens.get(first).is_some_and(|f| !f.sentence_start);
            let words: Vec<&Token<'_>> = (first..paren).filter_map(|j| tokens.get(j)).collect();
            if before_cap
                || words.is_empty()
                || words.iter().all(|w| self.common(w.text))
                || out
                    .iter()
                    .any(|m| words.iter().any(|w| m.start < w.end && w.start < m.end))
            {
                continue;
            }
            if let [one] = words.as_slice() {
                out.push(Self::surname_word(one));
            } else {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// An unlisted capitalised word alone in parentheses right after an identifier is whose
    /// it is: "biopsy S20-1234 (Whaanga) shows".
    pub(super) fn after_ids(&self, tokens: &[Token<'_>], typed: &[Span], out: &mut Vec<Mention>) {
        // Where an identifier ends: the typed ones, and the last digits of a code no rule
        // types (a specimen number "S22-5195", "MR23.7257"): four or more digits glued to
        // a letter, dash or dot before them.
        let codes = tokens.iter().enumerate().filter_map(|(k, t)| {
            let glued = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| {
                    !t.space_before && (p.is_word() || p.is_punct('-') || p.is_punct('.'))
                });
            (t.class == crate::token::Class::Number && t.text.len() >= 4 && glued).then_some(t.end)
        });
        let ends: Vec<usize> = typed
            .iter()
            .filter(|s| s.kind == EntityKind::Id)
            .map(|s| s.end)
            .chain(codes)
            .collect();
        for id_end in ends {
            let k = tokens.partition_point(|t| t.start < id_end);
            let open = tokens
                .get(k)
                .is_some_and(|o| o.is_punct('(') && o.start > id_end);
            let Some(t) = tokens.get(k + 1) else {
                continue;
            };
            let close = tokens.get(k + 2).is_some_and(|c| c.is_punct(')'));
            if open && close && t.shape == Shape::Title && self.name_like(t) {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// A chat handle: a word glued after an `@` that is no e-mail address ("@Tane: bloods
    /// back?"), capitalised and off the stop-list, or lower case and no common word.
    pub(super) fn handles(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, at) in tokens.iter().enumerate() {
            let alone = at.is_punct('@')
                && i.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_none_or(|p| {
                        at.space_before || !(p.is_word() || p.class == crate::token::Class::Number)
                    });
            let Some(t) = tokens.get(i + 1).filter(|t| alone && !t.space_before) else {
                continue;
            };
            let word_ok = t.is_word()
                && t.latin
                && t.letters() >= 2
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS)
                && match t.shape {
                    Shape::Title => true,
                    Shape::Lower => !self.common(t.text),
                    _ => false,
                };
            if word_ok {
                out.push(Self::given_word(t));
            }
        }
    }

    /// `the <Name> family` / `house` / `household`: the capitalised word is a family name
    /// when it is not a common word or a medical term. Before a noun that only names people
    /// (`family`, `household`, `twins`) a listed surname that is also a common word counts
    /// too: capitalised there, it is the name ("the Stone family").
    pub(super) fn family_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let the_before = i > 0
                && tokens
                    .get(i - 1)
                    .is_some_and(|p| p.is_word() && lower(p.text) == "the");
            let noun_after = tokens.get(i + 1).filter(|n| {
                n.is_word() && n.shape == Shape::Lower && in_list(n.text, FAMILY_NOUNS)
            });
            let people_noun =
                noun_after.is_some_and(|n| in_list(n.text, &["family", "household", "twins"]));
            if the_before
                && noun_after.is_some()
                && t.is_word()
                && t.latin
                && t.shape == Shape::Title
                && (self.surname(t.text) || self.name_like(t))
                && (!self.common(t.text) || (people_noun && self.surname(t.text)))
                && self.stop(t.text).is_none()
            {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// A name before a ward place ("meijer in bed 4", "Tane in bay 2", "for Tane, bed 4"): a
    /// listed name that is no common word in any case, or an unlisted capitalised one; as a
    /// field's value before a bracketed room ("PAGE …: WHAANGA (rm 6)") an upper-case one
    /// too.
    pub(super) fn in_bed(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            // "in bed 4", ", bed 4" or "bed 4" right after the name.
            let skip = usize::from(tokens.get(i + 1).is_some_and(|n| {
                (n.is_word() && lower(n.text) == "in" && n.space_before) || n.is_punct(',')
            }));
            let place = tokens
                .get(i + 1 + skip)
                .is_some_and(|b| b.is_word() && b.space_before && in_list(b.text, BED_WORDS))
                && tokens
                    .get(i + 2 + skip)
                    .is_some_and(|n| n.class == crate::token::Class::Number && n.space_before);
            // "PAGE …: Tane (rm 6)", "Bleep: WHAANGA (side rm 2)": a field's value with
            // the place in brackets right after.
            let field_value = i
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| p.is_punct(':'));
            let side = usize::from(
                tokens
                    .get(i + 2)
                    .is_some_and(|w| w.is_word() && lower(w.text) == "side"),
            );
            let bracketed = field_value
                && tokens.get(i + 1).is_some_and(|p| p.is_punct('('))
                && tokens.get(i + 2 + side).is_some_and(|b| {
                    b.is_word() && (in_list(b.text, BED_WORDS) || lower(b.text) == "rm")
                })
                && tokens
                    .get(i + 3 + side)
                    .is_some_and(|n| n.class == crate::token::Class::Number)
                && tokens.get(i + 4 + side).is_some_and(|c| c.is_punct(')'));
            if !((place || bracketed) && t.is_word() && t.latin && t.letters() >= 3) {
                continue;
            }
            let listed = self.listed(t.text) && !self.common(t.text) && !self.hard_stop(t.text);
            let unlisted = (t.shape == Shape::Title || (bracketed && t.shape == Shape::Upper))
                && self.name_like_any_case(t);
            if (listed || unlisted) && self.stop(t.text).is_none() && !in_list(t.text, FIELD_WORDS)
            {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// The person a request sends someone to on the ward, in any case and whatever the
    /// words: "check on cross in bay 3", "see ap tanvo in bed 4", "check on al-tanvo in bay
    /// 3" — one or two words (hyphens inside) between `on`/`see`/`review` and `in` + a ward
    /// place, unless they point at someone without naming them ("check on him in bed 4");
    /// after `for` only words that are no common word ("bloods for tanvo in bay 4"). The
    /// place may follow the words without `in` ("can u review tanvo whaanga bay 2", "pls
    /// r/v tanvo Whaanga rm 6") when the words (up to three, capitalised ones too) are
    /// not all common words and none is a clinical term.
    pub(super) fn visited_in_bed(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, v) in tokens.iter().enumerate() {
            // After `for` ("the bloods for tanvo whaanga in bay 4") no word may be a common
            // one: "for review in bay 4" stays.
            let for_cue = v.is_word() && lower(v.text) == "for";
            if !(v.is_word()
                && (in_list(v.text, VISIT_WORDS) || for_cue || review_abbrev(tokens, i)))
            {
                continue;
            }
            let first = i + 1;
            let mut k = first;
            let mut words = 0usize;
            let mut bare = false;
            while let Some(t) = tokens.get(k) {
                let joiner = t.is_punct('-')
                    && !t.space_before
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| n.is_word() && !n.space_before);
                if t.is_word() && lower(t.text) == "in" && t.space_before && words > 0 {
                    break;
                }
                if words > 0 && bare_place(tokens, k) {
                    bare = true;
                    break;
                }
                let cased = t.shape == Shape::Lower || (!for_cue && super::title_like(t));
                if !(joiner || (t.is_word() && t.latin && cased)) {
                    words = 0;
                    break;
                }
                words += usize::from(t.is_word());
                k += 1;
                if words > 3 {
                    break;
                }
            }
            let place = tokens
                .get(k + 1)
                .is_some_and(|b| b.is_word() && in_list(b.text, BED_WORDS))
                && tokens
                    .get(k + 2)
                    .is_some_and(|n| n.class == crate::token::Class::Number);
            let most = if bare { 3 } else { 2 };
            if !((bare || place) && (1..=most).contains(&words)) {
                continue;
            }
            let run = within_tokens(tokens, first, k);
            let title_words = run.iter().any(|w| w.is_word() && w.shape != Shape::Lower);
            if (bare || title_words)
                && run
                    .iter()
                    .filter(|w| w.is_word() && !in_list(w.text, FILIATIONS))
                    .all(|w| self.common(w.text) || self.stop(w.text).is_some())
            {
                continue;
            }
            // A filiation word inside a name ("Ould", "Mint": son, daughter of) is no term.
            let term = |w: &Token<'_>| {
                w.is_word() && self.stop(w.text).is_some() && !in_list(w.text, FILIATIONS)
            };
            // Without `in` two words at least, one a listed or capitalised name or a longer
            // uncommon word, and none a clinical term: "review obs bay 4" stays.
            let word_count = run.iter().filter(|w| w.is_word()).count();
            let a_name = run.iter().any(|w| {
                w.is_word()
                    && !in_list(w.text, FILIATIONS)
                    && (self.listed(w.text)
                        || super::title_like(w)
                        || (w.letters() >= 5 && !self.common(w.text)))
            });
            if bare && (run.iter().any(term) || word_count < 2 || !a_name) {
                continue;
            }
            // An eponym in lower case between `seen` and a bed is a person ("seen gilbert
            // in bay 4"); a clinical term is not.
            let named = run.iter().filter(|w| w.is_word()).all(|w| {
                w.letters() >= 2
                    && (!self.hard_stop(w.text) || (bare && in_list(w.text, FILIATIONS)))
                    && !in_list(w.text, FIELD_WORDS)
                    && !in_list(w.text, UNNAMED)
                    && !(for_cue && (self.common(w.text) || self.stop(w.text).is_some()))
            });
            if let (true, Some(a), Some(b)) = (named, run.first(), run.last()) {
                out.push(Mention {
                    start: a.start,
                    end: b.name_end(),
                    surname: Some(Self::norm(b.text)),
                    extra: run
                        .iter()
                        .filter(|w| w.is_word() && w.start < b.start)
                        .map(|w| Self::norm(w.text))
                        .collect(),
                    ..Mention::default()
                });
            }
        }
    }

    /// The sender of a page or message: `from`, one word in lower or title case, then a
    /// colon ("bleep 4417 from tanvo: pls r/v …"), when the word is no common word and no
    /// clinical term.
    pub(super) fn message_senders(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, f) in tokens.iter().enumerate() {
            if !(f.is_word() && lower(f.text) == "from") {
                continue;
            }
            let Some(t) = tokens.get(i + 1).filter(|t| {
                t.is_word()
                    && t.latin
                    && t.space_before
                    && t.letters() >= 3
                    && matches!(t.shape, Shape::Lower | Shape::Title)
                    && !self.common(t.text)
                    && self.stop(t.text).is_none()
                    && !in_list(t.text, FIELD_WORDS)
                    && !in_list(t.text, UNNAMED)
            }) else {
                continue;
            };
            if tokens
                .get(i + 2)
                .is_some_and(|c| c.is_punct(':') && !c.space_before)
            {
                out.push(Self::given_word(t));
            }
        }
    }

    /// The person a chat question asks after, in any case: one word after `check on`,
    /// `seen` or `obs for`/`obs on` that ends the question ("can someone check on tanvo?",
    /// "anyone seen tanvo pls", "who is doing obs for tanvo ?"), when it is no common word,
    /// clinical term or pointer at someone unnamed ("check on him?"); a given name and a
    /// family name likewise when neither is a common word ("the 2pm obs on tanvo whaanga
    /// pls").
    pub(super) fn asked_after(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate().skip(1) {
            let word = |k: usize| tokens.get(k).filter(|w| w.is_word()).map(|w| lower(w.text));
            let cue = match word(i - 1).as_deref() {
                Some("seen") => true,
                Some("on") => i >= 2 && matches!(word(i - 2).as_deref(), Some("check" | "obs")),
                Some("for") => i >= 2 && word(i - 2).as_deref() == Some("obs"),
                _ => false,
            };
            let ends_at = |k: usize| {
                tokens.get(k).is_none_or(|n| {
                    n.is_punct('?')
                        || n.is_punct(',')
                        || n.line_start
                        || (n.is_word() && in_list(n.text, &["pls", "please", "plz"]))
                })
            };
            let pair_word = |w: &Token<'_>| {
                w.is_word()
                    && w.latin
                    && w.space_before
                    && w.shape == Shape::Lower
                    && w.letters() >= 3
                    && !self.common(w.text)
                    && self.stop(w.text).is_none()
                    && !in_list(w.text, FIELD_WORDS)
                    && !in_list(w.text, UNNAMED)
                    && !in_list(w.text, &["pls", "please", "plz"])
            };
            if let Some(s) = tokens.get(i + 1).filter(|s| {
                cue && pair_word(t) && pair_word(s) && !s.break_before && ends_at(i + 2)
            }) {
                out.extend(Self::whole_run(&[t, s]));
                continue;
            }
            let ends = tokens.get(i + 1).is_none_or(|n| {
                n.is_punct('?')
                    || n.line_start
                    || (n.is_word() && in_list(n.text, &["pls", "please", "plz"]))
            });
            if cue
                && ends
                && t.is_word()
                && t.latin
                && t.space_before
                && matches!(t.shape, Shape::Lower | Shape::Title)
                && t.letters() >= 3
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, UNNAMED)
            {
                out.push(Self::given_word(t));
            }
        }
    }

    /// A lower-case word opening a clause as the subject of a person verb ("yes, tanvo wants
    /// to go home", "Obs stable. tanvo mobilised with frame"): four letters or more (no
    /// abbreviation), no common word, clinical term or pointer at someone unnamed.
    pub(super) fn lower_subjects(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let opens = t.sentence_start
                || i.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| p.is_punct(','));
            let verb = tokens.get(i + 1).is_some_and(|v| {
                v.is_word()
                    && v.shape == Shape::Lower
                    && v.space_before
                    && PERSON_VERBS.contains(&v.text)
            });
            if opens
                && verb
                && t.is_word()
                && t.latin
                && t.shape == Shape::Lower
                && t.letters() >= 4
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, UNNAMED)
            {
                out.push(Self::surname_word(t));
            }
        }
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

    /// The person a message addresses before `, your` / `, you` ("Reminder: Tane, your
    /// appointment is …"): a capitalised word opening the sentence or greeted, that is a
    /// listed given name or an unlisted name-like word.
    pub(super) fn addressed_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let greeted = i
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|g| {
                    g.is_word() && (in_list(g.text, GREETINGS) || lower(g.text) == "dear")
                });
            let you = tokens.get(i + 1).is_some_and(|c| c.is_punct(','))
                && tokens
                    .get(i + 2)
                    .is_some_and(|y| y.is_word() && in_list(y.text, &["your", "you"]));
            if (t.sentence_start || greeted)
                && you
                && t.is_word()
                && t.latin
                && t.shape == Shape::Title
                && t.letters() >= 3
                && (self.name_like(t) || (self.given(t.text) && !self.hard_stop(t.text)))
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, UNNAMED)
                && !in_list(t.text, GROUPS)
            {
                out.push(Self::given_word(t));
            }
        }
    }

    /// The person a message greets at its start: "hey tanvo - can u …", "Hi Tanvo, …": the
    /// word after the greeting, in any case, when a dash, comma or colon follows it, unless
    /// it greets a group ("hi all,").
    pub(super) fn greeted(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, g) in tokens.iter().enumerate() {
            if i == 0 || g.line_start {
                self.greeted_at(tokens, i, out);
            }
        }
    }

    /// The greeting of `greeted` opening at token `i`.
    fn greeted_at(&self, tokens: &[Token<'_>], i: usize, out: &mut Vec<Mention>) {
        let Some(g) = tokens.get(i) else { return };
        let Some(t) = tokens.get(i + 1) else { return };
        let mark = tokens.get(i + 2).is_some_and(|p| {
            p.is_punct('-') || p.is_punct('—') || p.is_punct(',') || p.is_punct(':')
        });
        if g.is_word()
            && in_list(g.text, GREETINGS)
            && mark
            && t.is_word()
            && t.latin
            && t.letters() >= 2
            && t.shape != Shape::Upper
            && self.stop(t.text).is_none()
            && !in_list(t.text, FIELD_WORDS)
            && !in_list(t.text, UNNAMED)
            && !in_list(t.text, GROUPS)
        {
            // A greeting addresses someone by the given name, listed or not ("Hi Tane,"); a
            // letter's "Dear" by either name ("Dear Whaanga,").
            let given = (self.given(t.text) || lower(g.text) != "dear").then(|| Self::norm(t.text));
            out.push(Mention {
                start: t.start,
                end: t.name_end(),
                surname: given.is_none().then(|| Self::norm(t.text)),
                given,
                ..Mention::default()
            });
        }
    }

    /// The value after a staff role label on a board or overlay line ("NURSE: TANVO",
    /// "SCRUB: WHAANGA  RUNNER: …", "Anaes: DE WHAANGA", "Scrub: Tanvo"): one to three
    /// words of one case (upper case, or title case), particles inside, a person when they
    /// end the field (a line end, a wide gap, a bar) and none is a common word, clinical
    /// term, title or field word.
    pub(super) fn role_board_values(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, r) in tokens.iter().enumerate() {
            if !(r.is_word()
                && matches!(r.shape, Shape::Upper | Shape::Title)
                && in_list(r.text, BOARD_ROLES))
            {
                continue;
            }
            if !tokens
                .get(i + 1)
                .is_some_and(|c| c.is_punct(':') && !c.space_before)
            {
                continue;
            }
            let Some(shape) = tokens
                .get(i + 2)
                .filter(|t| !t.break_before && t.is_word())
                .map(|t| t.shape)
                .filter(|s| matches!(s, Shape::Upper | Shape::Title))
            else {
                continue;
            };
            let value = |t: &Token<'_>| {
                t.is_word()
                    && t.latin
                    && t.shape == shape
                    && t.letters() >= 3
                    && !self.common(t.text)
                    && self.stop(t.text).is_none()
                    && !super::is_title(t.text)
                    && !in_list(t.text, FIELD_WORDS)
                    && !in_list(t.text, BOARD_ROLES)
                    && !in_list(t.text, UNNAMED)
                    && !in_list(t.text, UNFILLED)
            };
            let mut words: Vec<&Token<'_>> = Vec::new();
            let mut k = i + 2;
            while words.len() < 3 {
                let Some(t) = tokens.get(k) else { break };
                if k > i + 2 && (t.break_before || !t.space_before) {
                    break;
                }
                let particle = super::is_particle(t.text)
                    && t.shape == shape
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| value(n) && !n.break_before);
                if !(value(t) || particle) {
                    break;
                }
                words.push(t);
                k += 1;
            }
            let Some(last) = words.last() else { continue };
            let ends = tokens
                .get(k)
                .is_none_or(|n| n.break_before || n.start >= last.end + 2 || n.is_punct('|'));
            if !ends {
                continue;
            }
            match words.as_slice() {
                [one] if one.shape == Shape::Title => out.push(Self::given_word(one)),
                [one] => out.push(Self::surname_word(one)),
                _ => out.extend(Self::whole_run(&words)),
            }
        }
    }

    /// The person a banner or card greets: "Happy 100th Tanvo!", "Happy birthday Tanvo",
    /// "Welcome home Tanvo", "Congratulations Tanvo": a capitalised word (or two) right
    /// after the greeting and its occasion (a birthday word or an ordinal), ending the
    /// clause (`!`, `.`, `,`, a quote, a line end), when no word is common or a clinical
    /// term.
    pub(super) fn banner_greetings(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let word = |k: usize| tokens.get(k).filter(|w| w.is_word()).map(|w| lower(w.text));
        for i in 0..tokens.len() {
            let after = match word(i).as_deref() {
                Some("happy") => {
                    let occasion = |w: Option<String>| {
                        w.is_some_and(|w| {
                            matches!(w.as_str(), "birthday" | "anniversary" | "retirement")
                        })
                    };
                    let ordinal = tokens.get(i + 1).is_some_and(|n| {
                        let t = lower(n.text);
                        t.len() > 2
                            && t.starts_with(|c: char| c.is_ascii_digit())
                            && ["st", "nd", "rd", "th"].iter().any(|s| t.ends_with(s))
                    });
                    // "100th" may come as one token or as a number and a glued suffix.
                    let split_ordinal = tokens
                        .get(i + 1)
                        .is_some_and(|n| n.class == crate::token::Class::Number)
                        && tokens.get(i + 2).is_some_and(|s| {
                            !s.space_before && in_list(s.text, &["st", "nd", "rd", "th"])
                        });
                    let next = if split_ordinal {
                        i + 3
                    } else if ordinal {
                        i + 2
                    } else if occasion(word(i + 1)) {
                        i + 1
                    } else {
                        continue;
                    };
                    if (ordinal || split_ordinal) && occasion(word(next)) {
                        next + 1
                    } else if ordinal || split_ordinal {
                        next
                    } else {
                        next + 1
                    }
                }
                Some("welcome") if matches!(word(i + 1).as_deref(), Some("home" | "back")) => i + 2,
                Some("congratulations" | "congrats") => i + 1,
                _ => continue,
            };
            let name = |k: usize| {
                tokens.get(k).filter(|t| {
                    t.is_word()
                        && t.latin
                        && t.space_before
                        && t.shape == Shape::Title
                        && t.letters() >= 3
                        && !self.common(t.text)
                        && self.stop(t.text).is_none()
                        && !in_list(t.text, FIELD_WORDS)
                })
            };
            let Some(first) = name(after) else { continue };
            let second = name(after + 1);
            let end = after + 1 + usize::from(second.is_some());
            let closes = tokens.get(end).is_none_or(|n| {
                n.break_before
                    || n.is_punct('!')
                    || n.is_punct('.')
                    || n.is_punct(',')
                    || n.is_punct('\'')
                    || n.is_punct('"')
                    || n.is_punct('’')
            });
            if closes {
                let run: Vec<&Token<'_>> = std::iter::once(first).chain(second).collect();
                if run.len() == 1 {
                    out.push(Self::given_word(first));
                } else {
                    out.extend(Self::whole_run(&run));
                }
            }
        }
    }

    /// An unlisted capitalised word right after a lower-case kinship noun is the relative's
    /// name ("avec sa fille Tanvo", "his son Oyole rang"): a capitalised word no common word
    /// mid-sentence after "daughter" names her. A Balinese name keeps its `I`/`Ni` prefix
    /// ("Husband I Wayan Sudarta translating").
    pub(super) fn named_relatives(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate().skip(1) {
            let kin = tokens.get(i - 1).is_some_and(|k| {
                k.is_word() && k.shape == Shape::Lower && in_list(k.text, super::KIN_CUES)
            });
            if kin
                && t.shape == Shape::Title
                && t.space_before
                && !t.break_before
                && self.name_like(t)
            {
                out.push(Self::given_word(t));
            }
        }
        // A Balinese name after a kinship noun opens with its prefix `I` (men) or `Ni`
        // (women), then two or three capitalised name words: "husband I Wayan Sudarta".
        for (i, t) in tokens.iter().enumerate().skip(1) {
            let kin = tokens.get(i - 1).is_some_and(|k| {
                k.is_word() && k.shape != Shape::Upper && in_list(k.text, super::KIN_CUES)
            });
            if !(kin && t.is_word() && matches!(t.text, "I" | "Ni") && t.space_before) {
                continue;
            }
            let first = i + 1;
            let mut k = first;
            while k < first + 3
                && tokens
                    .get(k)
                    .is_some_and(|w| self.name_word(w, false) && w.space_before && !w.break_before)
            {
                k += 1;
            }
            let words: Vec<&Token<'_>> = (i..k).filter_map(|j| tokens.get(j)).collect();
            if k - first >= 2 {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// An Icelandic patronymic or matronymic surname, known by its ending whatever the lists
    /// hold ("Tanvosdóttir", "Varlodottir"), right after a capitalised given name ("Oyole
    /// Tanvosdóttir"); alone it is left to the model.
    pub(super) fn patronymic_surnames(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let w = lower(t.text);
            if !(t.is_word()
                && t.latin
                && t.capitalized()
                && t.letters() >= 8
                && (w.ends_with("dóttir") || w.ends_with("dottir")))
            {
                continue;
            }
            let Some(g) = i.checked_sub(1).and_then(|p| tokens.get(p)).filter(|g| {
                g.is_word()
                    && g.latin
                    && g.capitalized()
                    && t.space_before
                    && !t.break_before
                    && (self.given(g.text) || self.name_like(g))
            }) else {
                continue;
            };
            out.push(Mention {
                start: g.start,
                end: t.name_end(),
                given: Some(Self::norm(g.text)),
                surname: Some(Self::norm(t.text)),
                ..Mention::default()
            });
        }
    }

    /// A listed name, even a common word, in the possessive before a kinship noun ("Green's
    /// daughter rang"): capitalised there, it is the relative's family. In lower case
    /// ("tell tanvo's family to wait") a word that is no common word, clinical term or
    /// pointer at someone unnamed ("tell pt's family") is a name whether listed or not.
    pub(super) fn kin_possessives(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let kin_after = tokens.get(i + 1).is_some_and(|n| {
                n.is_word()
                    && n.shape == Shape::Lower
                    && n.space_before
                    && (in_list(n.text, super::KIN_CUES) || lower(n.text) == "family")
            });
            let bare = Self::norm(t.text);
            if t.is_word()
                && t.latin
                && t.shape == Shape::Lower
                && bare.chars().count() >= 3
                && t.name_end() < t.end
                && kin_after
                && !self.common(&bare)
                && self.stop(&bare).is_none()
                && !in_list(&bare, FIELD_WORDS)
                && !in_list(&bare, UNNAMED)
            {
                out.push(Self::surname_word(t));
                continue;
            }
            if t.is_word()
                && t.latin
                && t.shape == Shape::Title
                && t.letters() >= 3
                && t.name_end() < t.end
                && self.listed(t.text)
                && !self.hard_stop(t.text)
                && tokens.get(i + 1).is_some_and(|n| {
                    n.is_word()
                        && n.shape == Shape::Lower
                        && n.space_before
                        && in_list(n.text, super::KIN_CUES)
                })
            {
                out.push(Self::surname_word(t));
            }
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

    /// An upper-case listed surname opening a line of running text as its label
    /// ("NIEMINEN: NPO after midnight"): not a common or medical word (headings such as
    /// `PLAN:` are), and the line is not all capitals (an overlay's field names).
    pub(super) fn surname_labels(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if t.is_word()
                && t.latin
                && t.shape == Shape::Upper
                && t.sentence_start
                && !t.upper_line
                && t.letters() >= 4
                && tokens.get(i + 1).is_some_and(|c| c.is_punct(':'))
                && self.surname(t.text)
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, super::FIELD_LABELS)
            {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// A transcript's speaker label of a role word then a name, at the start of a line of
    /// running text, before its colon ("NURSE VARLO: Any pain today?", "Interpreter
    /// Tanvo: She says no"): the word after the role, in the role's case, whatever it is
    /// (not a common, clinical or field word).
    pub(super) fn role_speaker_labels(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, r) in tokens.iter().enumerate() {
            let Some(t) = tokens.get(i + 1) else { break };
            let label = r.is_word()
                && r.line_start
                && matches!(r.shape, Shape::Upper | Shape::Title)
                && in_list(r.text, SPEAKER_ROLES)
                && !r.upper_line
                && t.is_word()
                && t.latin
                && t.shape == r.shape
                && t.space_before
                && !t.break_before
                && t.letters() >= 3
                && tokens.get(i + 2).is_some_and(|c| c.is_punct(':'))
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, super::FIELD_LABELS);
            if label {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// The value of a form field that names a part of a person's name: "Surname: WHAANGA",
    /// "Forename(s): Tane", "First name: Tane | …", "Family name: Whaanga". Whatever
    /// words fill the field (up to three, on its line, up to a separator or the next
    /// label) are the name part the label says, in any case and spelling.
    pub(super) fn name_fields(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut fields: Vec<(usize, Mention)> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            let w = lower(t.text);
            if let Some(m) = self.inverted_person_field(tokens, i) {
                fields.push((i, m));
                continue;
            }
            let (family, mut k) = match w.as_str() {
                "surname" | "surnames" | "lastname" | "familyname" => (true, i + 1),
                "forename" | "forenames" | "firstname" | "givenname" => (false, i + 1),
                "last" | "family" | "first" | "given" => {
                    let name = tokens.get(i + 1).is_some_and(|n| {
                        n.is_word() && in_list(n.text, &["name", "names"]) && n.space_before
                    });
                    if !name {
                        continue;
                    }
                    (matches!(w.as_str(), "last" | "family"), i + 2)
                }
                _ => continue,
            };
            // "Forename(s):"
            if tokens.get(k).is_some_and(|p| p.is_punct('('))
                && tokens.get(k + 1).is_some_and(|p| p.text == "s")
                && tokens.get(k + 2).is_some_and(|p| p.is_punct(')'))
            {
                k += 3;
            }
            if !tokens.get(k).is_some_and(|c| c.is_punct(':')) {
                continue;
            }
            let first = k + 1;
            let mut end = first;
            while end < first + 3
                && tokens.get(end).is_some_and(|v| {
                    v.is_word()
                        && v.letters() >= 2
                        && (end == first || (v.space_before && !v.break_before))
                        && !tokens.get(end + 1).is_some_and(|c| c.is_punct(':'))
                        && !in_list(v.text, FIELD_WORDS)
                        && !in_list(v.text, super::FIELD_LABELS)
                        && !in_list(v.text, NO_NAME_VALUES)
                })
            {
                end += 1;
            }
            let (Some(a), Some(b)) = (
                tokens.get(first),
                end.checked_sub(1).and_then(|e| tokens.get(e)),
            ) else {
                continue;
            };
            if end == first || a.line_start {
                continue;
            }
            let norm = Self::norm(b.text);
            fields.push((
                i,
                Mention {
                    start: a.start,
                    end: b.name_end(),
                    given: (!family).then(|| Self::norm(a.text)),
                    surname: family.then_some(norm),
                    ..Mention::default()
                },
            ));
        }
        // The surname and forename fields of one form are one person: each mention takes
        // the other's part from the nearest field of the other kind (within a few lines).
        let parts: Vec<(usize, Option<String>, Option<String>)> = fields
            .iter()
            .map(|(i, m)| (*i, m.given.clone(), m.surname.clone()))
            .collect();
        for (i, m) in &mut fields {
            let nearest = parts
                .iter()
                .filter(|(j, g, s)| {
                    i.abs_diff(*j) <= NAME_FIELDS_APART
                        && (m.given.is_none() && g.is_some() || m.surname.is_none() && s.is_some())
                })
                .min_by_key(|(j, _, _)| i.abs_diff(*j));
            if let Some((_, g, s)) = nearest {
                if m.given.is_none() {
                    m.given.clone_from(g);
                }
                if m.surname.is_none() {
                    m.surname.clone_from(s);
                }
            }
        }
        out.extend(fields.into_iter().map(|(_, m)| m));
    }

    /// "Patient: Whaanga, Tane |", "Name: Whaanga, Tane\n": a person field holding one
    /// word, a comma and one capitalised word, then the field's end, is the inverted name
    /// whatever the family name is (a common word too: "Patient: Baker, Tane"); not a
    /// clinical term, nor two common words ("Patient: Alert, Oriented").
    fn inverted_person_field(&self, tokens: &[Token<'_>], i: usize) -> Option<Mention> {
        let label = tokens.get(i)?;
        if !(in_list(label.text, &["patient", "name"])
            && tokens.get(i + 1).is_some_and(|c| c.is_punct(':')))
        {
            return None;
        }
        let (f, c, g) = (tokens.get(i + 2)?, tokens.get(i + 3)?, tokens.get(i + 4)?);
        let word = |w: &Token<'_>| {
            w.is_word()
                && w.latin
                && w.capitalized()
                && w.letters() >= 2
                && !w.break_before
                && !in_list(w.text, FIELD_WORDS)
                && !in_list(w.text, NO_NAME_VALUES)
        };
        // The family name may be a word of the medical vocabulary (an occupation:
        // "Patient: Engineer, Tane") when the given name is an uncommon word.
        let family_ok = !self.hard_stop(f.text)
            || (self.stop(f.text) == Some(crate::stoplist::StopKind::Term) && self.name_like(g));
        let ends = tokens
            .get(i + 5)
            .is_none_or(|e| e.break_before || e.line_start || e.is_punct('|') || e.is_punct(';'));
        let both_common = self.common(f.text) && self.common(g.text);
        let fits = word(f)
            && family_ok
            && c.is_punct(',')
            && word(g)
            && !self.hard_stop(g.text)
            && g.space_before
            && ends
            && !both_common;
        fits.then(|| Mention {
            start: f.start,
            end: g.name_end(),
            given: Some(Self::norm(g.text)),
            surname: Some(Self::norm(f.text)),
            ..Mention::default()
        })
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
