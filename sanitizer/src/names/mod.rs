//! Person-name rules. Each rule needs context; list membership alone never makes a name
//! (except in the fail-closed mode, see [`crate::Sanitizer::sanitize`]).
//!
//! Rules, strongest first:
//! 1. DICOM person names `LAST^FIRST^MIDDLE^PREFIX^SUFFIX` (any case, no list needed);
//! 2. title cues (`Dr.`, `Mr.`, `Mrs.`, `Ms.`, `Prof.`, `Nurse` …) and field labels
//!    (`PATIENT:`, `NAME:`, `REF:`, `Signed by:` …): the next capitalised or all-caps words,
//!    whatever they are (`Dr. Lung`), stopping at the next label, number or credential;
//!    clinical role abbreviations (`RN`, `SHO`) likewise, before an uncommon word (`RN Tane`);
//! 3. weak cues (`pt`, `patient`, `seen by`, `referred by`, `signed`, `discussed with` …):
//!    the next words when they are in a name list, not on the stop-list; lower-case words
//!    too (`pt john smith`) when not common words, or when they form a given+surname pair;
//! 4. `Smith, John` (surname list, comma, given list) and `J. Smith` (initials, then a
//!    listed name; after an agent's cue such as `by` also a rare vocabulary word:
//!    `Seen by A. Xa`);
//! 5. title-case `Given [Middle] Surname` where both are in the lists and not on the
//!    stop-list; when both are also common words (`Will Green`) the surname must be followed
//!    by a lower-case word or punctuation (a capitalised word mid-sentence);
//! 6. all-caps `GIVEN SURNAME` / `SURNAME GIVEN` on an all-caps line (OCR overlays) when
//!    both are in the lists and neither is a common or medical word;
//! 7. a single title-case word mid-sentence that is a frequent given name or surname and not
//!    a common word nor on the stop-list;
//! 8. runs of non-Latin script in a mostly Latin request (Greek symbol letters excepted);
//! 9. (`pairs.rs`) family-name particles inside names and before DICOM family names
//!    (`Lieke R. van Dijk`, `NÍ BHRIAIN^CAOIMHE`), an upper-case family name then a
//!    title-case given name (`NDLOVU Temitope`), an initial without a dot after `(` or a
//!    list comma (`(M Mamani)`) or in an agent's slot (`agent_slots.rs`: `Seen by C Xa`,
//!    `by nurse in charge D Xa`, `Independent assessor: E Xa`); capitalised kinship words act as titles (`Grandpa Sem`);
//! 10. (`context.rs`) an unlisted word known by its context alone: `the Whaanga house`,
//!     the subject of a person verb (`Tane was admitted`, `Tane improved`), a possessive
//!     before a noun mid-sentence (`regarding Quispe's imaging`), a word right before an
//!     age (`Tane 85 y/o`), `the <Surname> family` even for a common word (`the Stone
//!     family`), the object of a teaching or asking verb before `to` (`teaching Tane to
//!     swim`), a name before a ward place (`tane in bed 4`), an upper-case listed surname
//!     labelling a line of running text (`WHAANGA: NPO after midnight`), a listed name in
//!     the possessive before a kinship noun (`Green's daughter`) or an unlisted one before
//!     an ordinal (`Tane's 80th`), an unlisted word joined by `and` to a found person,
//!     the giver of a handover (`Handed over by Tane to Aroha`), an inverted subject line
//!     (`Re: Whaanga, Tane, Ward 7`), an upper-case family name in a ward board's bed row
//!     (`B14  WHAANGA R  52  side room`, `B1 WHAANGA 52 NBM` on a board of such rows), a
//!     signer before a staff role (`— Tane, night nurse`, `Tane, ward pharmacist, ext 4`),
//!     the person to review at a bare ward place (`pls r/v tane whaanga rm 6`), the sender
//!     of a page (`bleep 4417 from tane:`), a patient's initials before an attendance
//!     (`KT attends for results`), a record heading's name before a dashed birth date
//!     (`Tane Whaanga — DOB 1950-02-01`);
//! 11. (`pairs.rs`) `SURNAME, Given` in mixed case (with upper-case particles before it:
//!     `DE LA CRUZ, Ana`), an all-caps run of two to four words between dashes in a
//!     mixed-case list line (`bed 4 - ANA MARIA LIMA - NBM`);
//! 12. (`initials_agents.rs`) staff initials in a person's slot even when the letters spell
//!     a measurement or field abbreviation: the agents of a hands-on act after `by`
//!     (`checked by SR and A.B. at 21:30`, `Call made by NA.`), the subject of a staff verb
//!     (`QX discussed with Dr …`, `QX rang`), a possessive before a noun (`used QX's
//!     barcode`); never a team, order, route, time, title or credential (`given by NG`);
//! 13. (`initials.rs`) chat speakers: `speaker: message` turns on lines or inside a line
//!     after a sentence's end once the text is a chat, replies that open with a number
//!     (`tane: 2 mins`), and a dictionary word that takes two turns or more (never a
//!     section label such as `plan:` or `update:`);
//! 14. (`messages.rs`) a lower-case sign-off closing a line: after a finished sentence in
//!     a text written in lower case (`… to rebook. tane`), or after a dash before kisses
//!     (`don't forget us - tane x`);
//! 15. (`register_rows.rs`) `SURNAME [SURNAME], Given` opening a row before a gap, or set
//!     off after a colon or spaced dash and before a spaced dash (`line - WHAANGA ARU,
//!     Tane - flare`), even when a word is a common or vocabulary word.
//! 16. (`dash_items.rs`) the keys of a dash list whose items all open with one capitalised
//!     word and a colon (`- Whaanga: day 6 co-amoxiclav`), two or more, when no key is a
//!     common word, clinical term or field word (`- Plan: …` stays).
//!
//! Vetoes after the rules and the model: a name before a road or landmark noun with `the` or
//! a place preposition before it is a place (`from the Tane Aru turn-off`); a word of
//! farewell or thanks before `to` and a title is no name (`Farewell to Dr Tane`); a model
//! place on a name word of a person found in the text is that person; a model person in a
//! comma list of three or more products or foods (`product_lists.rs`: a noun such as
//! `pills`, `cream`, `foods` or a `formulary:` heading names the items) is an item, and a
//! model person span never runs over a list's comma (`Xa, Yb, Zc`) unless it is an
//! upper-case `SURNAME, Given` pair; a brand after a catalogue label (`Contraception
//! formulary:`, `Other shelves:`) is a product, over semicolons to the sentence's end.
//!
//! A lower-case word after a kinship noun is a name only when it is a given name
//! (`daughter rang` is a verb), for the rules and the model alike.
//!
//! The stop-list ([`crate::stoplist`]) and the lexicon's medical vocabulary veto rules 3–8
//! and model spans; eponyms are accepted inside a full name (`John Bell`) but never when a
//! medical head noun follows (`Bell's palsy`) or `of` precedes (`circle of Willis`).

mod agent_slots;
mod bracketed_names;
mod caps_lists;
mod caps_runs;
mod caps_slots;
mod company;
mod context;
mod dash_items;
mod dicom;
mod dotted_slots;
mod extensions;
mod fields;
mod forms;
mod hl7;
mod initials;
mod initials_agents;
mod initials_rows;
mod initials_slots;
mod list_cells;
mod merge;
mod messages;
mod overlay;
mod pairs;
mod particle_names;
mod product_lists;
mod quoted;
mod register_rows;
mod role_phrases;
mod role_slots;
mod rota;
mod row_signatures;
mod short_surnames;
mod slash_lists;
mod table;
mod team_sign_offs;
mod term_surnames;
mod vetoes;
mod ward_openers;
mod words;
mod xml;

pub(crate) use self::caps_runs::Neighbours;
pub(crate) use self::context::is_greeting;
pub(crate) use self::dicom::in_non_person_value as in_dicom_non_person_value;
pub(crate) use self::forms::is_particle;
use self::forms::{caret_names, other_scripts};
pub(crate) use self::hl7::{coded_fields, in_coded_field};
pub(crate) use self::merge::place_is_found_name;
pub(crate) use self::vetoes::common_noun_use;
pub(crate) use self::vetoes::{
    before_by_mouth, classification_value, common_compound, dicom_key, dose_after, eponym_compound,
    in_drug_list, landmark_name, prefixed_term, vetoed_before_head, ward_name,
};
use self::words::{
    AGENT_VERBS, FIELD_WORDS, ID_LABELS, KIN_CUES, KIN_TITLES, RARE_TERM_RANK, RELATIVE_VERBS,
    ROLE_TITLES, SINGLE_GIVEN_MAX_RANK, SINGLE_SURNAME_MAX_RANK, TITLE_ENDINGS, TITLES, VIEW_SIDES,
    WEAK_CUE_PAIRS, WEAK_CUES,
};
pub(crate) use self::words::{
    FIELD_LABELS, RANK_TITLES, is_title, month_after_time_word, month_opens_date,
};
use crate::lexicon::Lexicon;
use crate::stoplist::{self, StopKind};
use crate::token::{Shape, Token};
use crate::types::Span;

/// One found mention of a person, in byte offsets of one text, with its name parts
/// (normalized: lower case, possessive stripped).
// No `Debug`: it holds plaintext name parts.
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Mention {
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// Given name.
    pub(crate) given: Option<String>,
    /// Surname.
    pub(crate) surname: Option<String>,
    /// Initial of the given name when only that is known (`J. Smith`).
    pub(crate) initial: Option<char>,
    /// Middle names and words of unknown role (propagated, not used for identity).
    pub(crate) extra: Vec<String>,
    /// A run of another script, matched exactly.
    pub(crate) other: Option<String>,
    /// The mention is someone's initials (`GM`): it joins the person they spell, found
    /// anywhere in the request, rather than starting one of its own.
    pub(crate) initials: bool,
}

impl Mention {
    /// A one-word mention of `t`, its word kept as the surname: a one-word name, or staff
    /// initials found by the slot they fill.
    fn of_word(t: &Token<'_>) -> Self {
        Self {
            start: t.start,
            end: t.end,
            surname: Some(lower(t.text)),
            ..Self::default()
        }
    }
}

fn lower(word: &str) -> String {
    word.to_lowercase()
}

fn in_list(word: &str, list: &[&str]) -> bool {
    list.contains(&lower(word).as_str())
}

/// The name rules over one lexicon.
pub(crate) struct NameRules<'a> {
    lex: &'a Lexicon,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Title (`Dr.`): anything capitalised follows.
    Title,
    /// Field label (`NAME:`).
    Label,
    /// Weak cue (`pt`, `seen by`).
    Weak,
    /// A clinical role abbreviation before a name (`RN Tane`): an uncommon capitalised word
    /// follows.
    Role,
}

impl<'a> NameRules<'a> {
    /// Rules over `lex`.
    pub(crate) fn new(lex: &'a Lexicon) -> Self {
        Self { lex }
    }

    fn norm(word: &str) -> String {
        stoplist::normalize(word)
    }

    /// The mention of one word `t` known to be a name of unknown role: a given name when the
    /// lists hold it as one, else a surname (chat speakers, lower-case sign-offs).
    fn lone_word(&self, t: &Token<'_>) -> Mention {
        let given = self.given(t.text);
        Mention {
            start: t.start,
            end: t.end,
            given: given.then(|| lower(t.text)),
            surname: (!given).then(|| lower(t.text)),
            ..Mention::default()
        }
    }

    /// The mention of one word `t` known to be a surname (possessive left out).
    fn surname_word(t: &Token<'_>) -> Mention {
        Mention {
            start: t.start,
            end: t.name_end(),
            surname: Some(Self::norm(t.text)),
            ..Mention::default()
        }
    }

    /// The mention of one word `t` known to be a given name (possessive left out).
    fn given_word(t: &Token<'_>) -> Mention {
        Mention {
            start: t.start,
            end: t.name_end(),
            given: Some(Self::norm(t.text)),
            ..Mention::default()
        }
    }

    /// The mention of a whole run of name words: the first is the given name, the last the
    /// surname, those between are extra parts; `None` for an empty run.
    fn whole_run(words: &[&Token<'_>]) -> Option<Mention> {
        let (first, last) = (words.first()?, words.last()?);
        Some(Mention {
            start: first.start,
            end: last.name_end(),
            given: Some(Self::norm(first.text)),
            surname: Some(Self::norm(last.text)),
            extra: words
                .get(1..words.len() - 1)
                .unwrap_or_default()
                .iter()
                .map(|w| Self::norm(w.text))
                .collect(),
            ..Mention::default()
        })
    }

    /// The stop kind of a word: the built-in stop-list, then the lexicon's medical words.
    pub(crate) fn stop(&self, word: &str) -> Option<StopKind> {
        stoplist::stop_kind(word).or_else(|| {
            if self.lex.is_medical(&Self::norm(word)) {
                Some(StopKind::Term)
            } else {
                None
            }
        })
    }

    /// A word that is a term only by the lexicon's broad vocabulary (not the built-in
    /// stop-list) and is rare in English text (no common word, or one past rank
    /// [`RARE_TERM_RANK`]): after a found given name it reads as the family name
    /// ("Quorvel Tudu, …"), as such a list keeps many names of other languages.
    pub(crate) fn rare_vocabulary_word(&self, word: &str) -> bool {
        let n = Self::norm(word);
        stoplist::stop_kind(word).is_none()
            && self.lex.is_medical(&n)
            && self
                .lex
                .common_word(&n)
                .is_none_or(|r| r.0 > RARE_TERM_RANK)
    }

    /// A drug, anatomy or other clinical term (not an eponym, which can also be a surname).
    pub(crate) fn hard_stop(&self, word: &str) -> bool {
        matches!(
            self.stop(word),
            Some(StopKind::Drug | StopKind::Anatomy | StopKind::Term)
        )
    }

    pub(crate) fn given(&self, word: &str) -> bool {
        let n = Self::norm(word);
        self.lex.given_name(&n).is_some()
            || fold_accents(&n).is_some_and(|f| self.lex.given_name(&f).is_some())
            || ocr_readings(&n).any(|f| self.lex.given_name(&f).is_some())
    }

    pub(crate) fn surname(&self, word: &str) -> bool {
        let n = Self::norm(word);
        self.lex.surname(&n).is_some()
            || fold_accents(&n).is_some_and(|f| self.lex.surname(&f).is_some())
            || ocr_readings(&n).any(|f| self.lex.surname(&f).is_some())
    }

    pub(crate) fn listed(&self, word: &str) -> bool {
        self.given(word) || self.surname(word)
    }

    /// A common word. An accented spelling of a listed name ("josé", "maría") is frequent
    /// in English text as a name, not as a word: the lists spell names without accents.
    pub(crate) fn common(&self, word: &str) -> bool {
        let n = Self::norm(word);
        self.lex.common_word(&n).is_some()
            && !fold_accents(&n).is_some_and(|f| {
                (self.lex.given_name(&f).is_some() || self.lex.surname(&f).is_some())
                    && self.lex.common_word(&f).is_none()
            })
    }

    /// A capitalised Latin word of 3+ letters that could be an unlisted name: not a common
    /// word, not on the stop-list or in the medical vocabulary, not a field word.
    fn name_like(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.capitalized()
            && t.letters() >= 3
            && !self.common(t.text)
            && self.stop(t.text).is_none()
            && !in_list(t.text, FIELD_WORDS)
    }

    /// [`Self::name_like`] for a word in any case but lower case (`WHAANGA` too).
    fn name_like_any_case(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.shape != Shape::Lower
            && t.letters() >= 3
            && !self.common(t.text)
            && self.stop(t.text).is_none()
            && !in_list(t.text, FIELD_WORDS)
    }

    /// An eponym used as a medical term here: a medical head noun follows, `of` precedes,
    /// or it stands alone in lower case.
    pub(crate) fn eponym_as_term(&self, tokens: &[Token<'_>], i: usize) -> bool {
        let Some(t) = tokens.get(i) else { return false };
        if self.stop(t.text) != Some(StopKind::Eponym) {
            return false;
        }
        eponym_context(tokens, i)
    }

    /// Word `i` is lower case and no given name, right after a kinship word: "daughter
    /// rang" (a verb), not "daughter ana". An unlisted word that is the subject of a verb
    /// a relative does ("daughter tanvo is on the way", "wife tanvo wants a call") is a
    /// name the lists do not hold.
    pub(crate) fn lower_non_given_after_kin(&self, tokens: &[Token<'_>], i: usize) -> bool {
        i > 0
            && tokens
                .get(i - 1)
                .is_some_and(|k| k.is_word() && in_list(k.text, KIN_CUES))
            && tokens
                .get(i)
                .is_some_and(|n| n.shape == Shape::Lower && !self.given(n.text))
            && !(tokens.get(i).is_some_and(|n| !self.common(n.text))
                && tokens
                    .get(i + 1)
                    .is_some_and(|v| v.is_word() && in_list(v.text, RELATIVE_VERBS)))
    }

    /// Every person mention the rules find in one text, given its `typed` spans (from
    /// [`crate::recognize`]): organisations remove mentions that overlap them, ages mark
    /// the word before them as a person (`Tane 85 y/o`).
    pub(crate) fn find(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        typed: &[Span],
        latin_request: bool,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        self.before_ages(tokens, typed, &mut out);
        self.before_bracketed_ages(tokens, &mut out);
        self.after_ids(tokens, typed, &mut out);
        self.phone_contacts(tokens, typed, &mut out);
        self.header_names(tokens, &mut out);
        self.dash_notes(tokens, &mut out);
        self.task_notes(tokens, &mut out);
        self.dash_sign_offs(tokens, &mut out);
        self.dash_birth_lines(tokens, &mut out);
        self.list_item_names(tokens, &mut out);
        self.dash_item_names(tokens, &mut out);
        self.numbered_caps_items(tokens, &mut out);
        self.numbered_row_surnames(tokens, &mut out);
        self.caps_lists(tokens, &mut out);
        self.slash_lists(tokens, &mut out);
        self.company_names(tokens, &mut out);
        self.initial_fields(tokens, &mut out);
        self.dated_label_names(tokens, typed, &mut out);
        self.closing_signature(tokens, &mut out);
        self.status_lines(tokens, &mut out);
        self.message_names(tokens, &mut out);
        self.lower_sign_offs(tokens, &mut out);
        self.regarding_lines(tokens, &mut out);
        self.regarding_inverted(tokens, &mut out);
        self.handed_over(tokens, &mut out);
        self.bed_rows(tokens, &mut out);
        self.board_rows(tokens, &mut out);
        self.bracketed_kin(tokens, &mut out);
        self.bracketed_names(tokens, &mut out);
        self.before_bracketed_places(tokens, &mut out);
        self.role_phrases(tokens, &mut out);
        self.handles(tokens, &mut out);
        caret_names(text, &mut out);
        dicom::pn_values(tokens, &mut out);
        xml::element_values(tokens, &mut out);
        self.name_fields(tokens, &mut out);
        self.cues(tokens, &mut out);
        self.comma_and_initials(tokens, &mut out);
        self.pairs(tokens, &mut out);
        self.particle_names(tokens, &mut out);
        self.initials_rows(tokens, &mut out);
        self.ocr_line_names(tokens, &mut out);
        self.overlay_patient_values(tokens, &mut out);
        self.dashed_caps(tokens, &mut out);
        self.singles(tokens, &mut out);
        self.family_names(tokens, &mut out);
        self.subjects_and_possessives(tokens, &mut out);
        self.in_bed(tokens, &mut out);
        self.ward_openers(tokens, &mut out);
        self.visited_in_bed(tokens, &mut out);
        self.message_senders(tokens, &mut out);
        self.greeted(tokens, &mut out);
        self.banner_greetings(tokens, &mut out);
        self.role_board_values(tokens, &mut out);
        self.asked_after(tokens, &mut out);
        self.addressed_names(tokens, &mut out);
        self.lower_subjects(tokens, &mut out);
        self.returned_subjects(tokens, &mut out);
        self.agents_after_by(tokens, &mut out);
        self.patronymic_surnames(tokens, &mut out);
        self.named_relatives(tokens, &mut out);
        self.surname_labels(tokens, &mut out);
        self.role_speaker_labels(tokens, &mut out);
        self.kin_possessives(tokens, &mut out);
        self.coordinated(tokens, &mut out);
        self.initials(tokens, &mut out);
        self.row_signatures(tokens, &mut out);
        self.caps_slots(tokens, &mut out);
        self.register_rows(tokens, &mut out);
        self.role_slots(tokens, &mut out);
        self.initials_slots(tokens, typed, &mut out);
        self.initials_agents(tokens, &mut out);
        self.dotted_slots(tokens, typed, &mut out);
        rota::slot_initials(text, tokens, &mut out);
        self.timed_board(text, tokens, &mut out);
        self.board_surname_initials(text, tokens, &mut out);
        self.short_surname_pairs(tokens, &mut out);
        self.extension_sign_offs(tokens, &mut out);
        self.team_sign_offs(tokens, &mut out);
        self.chat_speakers(tokens, &mut out);
        self.chat_objects(tokens, &mut out);
        self.bracketed_role_sign_offs(tokens, &mut out);
        self.attending_initials(tokens, &mut out);
        self.table_columns(text, tokens, &mut out);
        self.quoted_labels(tokens, &mut out);
        self.quoted_nicknames(tokens, &mut out);
        self.before_ids(tokens, typed, &mut out);
        if latin_request {
            other_scripts(tokens, &mut out);
        }
        self.number_word_surnames(tokens, &mut out);
        self.list_cells(tokens, &mut out);
        for m in &mut out {
            cut_at_break(tokens, m);
            caps_particle_before(tokens, m);
        }
        let coded = hl7::coded_fields(text);
        out.retain(|m| {
            !hl7::in_coded_field(&coded, m.start, m.end)
                && !classification_value(tokens, m.start)
                && !vetoes::asa_grade(tokens, m.start)
                && !dicom::in_non_person_value(tokens, m.start)
        });
        let mut orgs: Vec<Span> = typed
            .iter()
            .filter(|s| s.kind == crate::EntityKind::Org)
            .copied()
            .collect();
        orgs.sort_by_key(|o| (o.start, o.end));
        out.retain_mut(|m| m.start < m.end && cut_before_orgs(tokens, m, &orgs));
        self.mark_initials(tokens, &mut out);
        out
    }

    /// Marks the mentions that are one word of initials (`GM`, `OCK`; see
    /// [`Mention::initials`]).
    pub(crate) fn mark_initials(&self, tokens: &[Token<'_>], mentions: &mut [Mention]) {
        for m in mentions {
            if let [t] = within(tokens, m.start, m.end) {
                // Letters alone in square brackets are initials whatever they spell.
                let k = tokens.partition_point(|x| x.start < t.start);
                let boxed = k > 0
                    && tokens.get(k - 1).is_some_and(|b| b.is_punct('['))
                    && tokens.get(k + 1).is_some_and(|b| b.is_punct(']'));
                // A rule that named the letters by another word (an initials row's family
                // name) has said whose they are.
                let own = m.surname.as_deref().is_none_or(|s| s == lower(t.text));
                if t.shape == Shape::Upper
                    && t.end == m.end
                    && own
                    && (self.initials_like(t, false) || boxed)
                {
                    m.initials = true;
                    m.given = None;
                    m.surname = Some(lower(t.text));
                }
            }
        }
    }

    fn cue_at(&self, tokens: &[Token<'_>], i: usize) -> Option<(Cue, usize)> {
        let t = tokens.get(i)?;
        if !t.is_word() {
            return None;
        }
        let next = tokens.get(i + 1);
        let w = lower(t.text);
        if (TITLES.contains(&w.as_str()) || RANK_TITLES.contains(&w.as_str()))
            && (t.capitalized() || w == "dr")
        {
            let after = if next.is_some_and(|n| n.is_punct('.')) {
                let ending = tokens.get(i + 2).is_some_and(|e| {
                    e.is_word() && !e.space_before && in_list(e.text, TITLE_ENDINGS)
                });
                if ending { i + 3 } else { i + 2 }
            } else {
                i + 1
            };
            // "Sister" and "Nurse" as plain nouns: only with a capitalised word after.
            return Some((Cue::Title, after));
        }
        if KIN_TITLES.contains(&w.as_str())
            && t.shape == Shape::Title
            && next.is_some_and(|n| n.is_word() && n.capitalized() && n.space_before)
        {
            return Some((Cue::Title, i + 1));
        }
        if ((ROLE_TITLES.contains(&w.as_str()) && t.shape == Shape::Upper)
            || (words::role_noun(&w) && t.shape == Shape::Title))
            && next.is_some_and(|n| n.is_word() && n.shape == Shape::Title && n.space_before)
        {
            return Some((Cue::Role, i + 1));
        }
        // "Baby of Tane Whaanga": a newborn is named after the mother, whatever her name.
        if w == "baby"
            && next.is_some_and(|n| n.is_word() && lower(n.text) == "of")
            && tokens
                .get(i + 2)
                .is_some_and(|n| n.capitalized() && n.space_before)
        {
            return Some((Cue::Label, i + 2));
        }
        // "NOK Tane Whaanga, 07700 …": the next of kin's name, written without a colon.
        if w == "nok"
            && t.shape == Shape::Upper
            && next.is_some_and(|n| n.is_word() && n.shape == Shape::Title && n.space_before)
        {
            return Some((Cue::Label, i + 1));
        }
        // "Administered S. Quell, witnessed M. Orr", "Triage RN: B. Tudu": an initial and a
        // family name after a staff verb or a staff role's label.
        let role_label = (ROLE_TITLES.contains(&w.as_str()) || words::role_noun(&w))
            && next.is_some_and(|n| n.is_punct(':'));
        if AGENT_VERBS.contains(&w.as_str()) || role_label {
            let at = if role_label { i + 2 } else { i + 1 };
            if self.initial_and_family_name(tokens, at) {
                return Some((Cue::Label, at));
            }
        }
        if next.is_some_and(|n| n.is_punct(':')) && FIELD_LABELS.contains(&w.as_str()) {
            return Some((Cue::Label, i + 2));
        }
        // "REF WHAANGA | PT: …": an overlay's referrer label, its colon lost to OCR; the
        // name in capitals after it.
        if w == "ref"
            && t.shape == Shape::Upper
            && next.is_some_and(|n| {
                n.is_word()
                    && n.shape == Shape::Upper
                    && n.letters() >= 3
                    && n.space_before
                    && !self.common(n.text)
                    && self.stop(n.text).is_none()
            })
        {
            return Some((Cue::Label, i + 1));
        }
        // "spoke w/ Tane": `w/` is `with`.
        if w == "w"
            && next.is_some_and(|n| n.is_punct('/'))
            && i.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| {
                    p.is_word() && in_list(p.text, &["spoke", "spoken", "discussed", "seen"])
                })
        {
            return Some((Cue::Weak, i + 2));
        }
        if let Some(n) = next {
            let nw = lower(n.text);
            if WEAK_CUE_PAIRS
                .iter()
                .any(|(a, b)| *a == w.as_str() && *b == nw.as_str())
            {
                return Some((Cue::Weak, i + 2));
            }
        }
        // "husband (Eoghan)": a relative named in parentheses after the kinship word.
        if KIN_CUES.contains(&w.as_str())
            && next.is_some_and(|n| n.is_punct('('))
            && tokens
                .get(i + 2)
                .is_some_and(|n| n.is_word() && n.shape == Shape::Title)
            && tokens.get(i + 3).is_some_and(|c| c.is_punct(')'))
        {
            return Some((Cue::Label, i + 2));
        }
        if WEAK_CUES.contains(&w.as_str()) || KIN_CUES.contains(&w.as_str()) {
            let after = if next.is_some_and(|n| n.is_punct('.')) {
                i + 2
            } else {
                i + 1
            };
            return Some((Cue::Weak, after));
        }
        None
    }

    /// Whether an initial with its dot and a capitalised family name start at `at` ("S.
    /// Quell"): the name no common word, stop word or medical term.
    fn initial_and_family_name(&self, tokens: &[Token<'_>], at: usize) -> bool {
        let initial = tokens.get(at).is_some_and(|t| {
            t.is_word() && t.latin && t.letters() == 1 && t.text.chars().all(char::is_uppercase)
        });
        let dot = tokens
            .get(at + 1)
            .is_some_and(|d| d.is_punct('.') && !d.space_before);
        let name = tokens.get(at + 2).is_some_and(|n| {
            n.is_word()
                && matches!(n.shape, Shape::Title | Shape::Mixed)
                && n.letters() >= 2
                && n.space_before
                && !self.common(n.text)
                && self.stop(n.text).is_none()
        });
        initial && dot && name
    }

    fn cues(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for i in 0..tokens.len() {
            let Some((cue, at)) = self.cue_at(tokens, i) else {
                continue;
            };
            // A cue followed by a title ("seen by Dr. X"): the title's own turn handles it.
            if self
                .cue_at(tokens, at)
                .is_some_and(|(c, _)| c == Cue::Title)
            {
                continue;
            }
            if self.lower_non_given_after_kin(tokens, at) {
                continue;
            }
            // A title or weak cue names the word after it on its line ("Ms\nHealth" is
            // not "Ms Health"); a field label's value may sit on the next line.
            if cue != Cue::Label && tokens.get(at).is_some_and(|t| t.break_before) {
                continue;
            }
            if let Some(m) = self.collect(tokens, at, cue) {
                out.push(m);
            }
        }
    }

    /// Collects name words from `at` after a cue.
    fn collect(&self, tokens: &[Token<'_>], at: usize, cue: Cue) -> Option<Mention> {
        let mut parts: Vec<usize> = Vec::new();
        let mut initials: Vec<(usize, char)> = Vec::new();
        let mut comma_form = false;
        let mut i = at;
        let mut prev_lower_given = false;
        let mut prev_lower_part = false;
        let mut after_particle = false;
        // Particles opening the family name right after a title or label ("Mrs Le Brocq",
        // "Name: DE LA CRUZ"): the first particle's token, the name's start.
        let mut lead: Option<usize> = None;
        while parts.len() < 4 {
            let Some(t) = tokens.get(i) else { break };
            let next = tokens.get(i + 1);
            // An initial: "J." or a lone capital before a name.
            if t.is_word()
                && t.latin
                && t.letters() == 1
                && t.capitalized()
                && next.is_some_and(|n| n.is_punct('.'))
                && !in_list(t.text, &["l", "r"])
            {
                initials.push((i, t.text.chars().next().unwrap_or('?')));
                i += 2;
                continue;
            }
            // A patronymic link inside the name: "Thanaletchumi a/p Muniandy" (a/l, a/p,
            // s/o, d/o: son or daughter of).
            if !parts.is_empty() {
                if let Some(after) = patronymic_link(tokens, i) {
                    after_particle = true;
                    i = after;
                    continue;
                }
            }
            // A family-name particle inside the name: "Saoirse S. de Vries".
            if (!parts.is_empty() || !initials.is_empty())
                && t.is_word()
                && t.shape != Shape::Upper
                && is_particle(t.text)
                && next.is_some_and(|n| n.is_word() && n.capitalized() && n.space_before)
                && t.space_before
            {
                after_particle = true;
                i += 1;
                continue;
            }
            // A capitalised particle opening the family name after a title or label: "Mrs Le
            // Brocq", "Dr van der Berg"; the word after it is the family name whatever it is.
            if parts.is_empty()
                && initials.is_empty()
                && matches!(cue, Cue::Title | Cue::Label)
                && t.is_word()
                && is_particle(t.text)
                && t.letters() >= 2
                && next.is_some_and(|n| {
                    n.is_word()
                        && n.space_before
                        && (is_particle(n.text)
                            || (n.capitalized()
                                && n.letters() >= 3
                                && (n.shape == t.shape || t.shape != Shape::Upper)))
                })
            {
                lead.get_or_insert(i);
                after_particle = true;
                i += 1;
                continue;
            }
            if !t.is_word() || t.letters() < 2 && t.latin {
                break;
            }
            // A nursing credential ends the name: "Signed A.B. HCA".
            if t.shape == Shape::Upper && in_list(t.text, initials::SIGN_CREDENTIALS) {
                break;
            }
            let first_after_title = parts.is_empty() && cue == Cue::Title;
            // "REF: WHAANGA:" closing its line: a stray colon after an overlay's value.
            let stray_colon = parts.is_empty()
                && cue == Cue::Label
                && t.shape == Shape::Upper
                && t.letters() >= 3
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && tokens.get(i + 2).is_none_or(|a| a.line_start);
            if (next.is_some_and(|n| n.is_punct(':')) && !first_after_title && !stray_colon)
                || in_list(t.text, FIELD_WORDS) && !t.capitalized()
            {
                break;
            }
            if t.capitalized()
                && in_list(t.text, FIELD_WORDS)
                && (t.shape == Shape::Upper || !self.listed(t.text))
            {
                break;
            }
            let first = parts.is_empty() && initials.is_empty();
            let ok = if !t.latin {
                true
            } else if after_particle {
                // "de Vries": a capitalised word after a particle is the family name.
                t.capitalized() && !particle_blocked(t.text)
            } else if t.shape == Shape::Lower && in_list(t.text, RELATIVE_VERBS) {
                // "partner tanvo rang": the verb ends the name.
                false
            } else if t.shape == Shape::Lower
                && first
                && cue == Cue::Title
                && t.letters() >= 3
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS)
            {
                // "spoke to dr whaanga": an uncommon lower-case word after a title.
                true
            } else if t.shape == Shape::Lower {
                let pair_next = tokens.get(i + 1).is_some_and(|n| {
                    n.shape == Shape::Lower && self.surname(n.text) && !self.hard_stop(n.text)
                });
                let next_listed = tokens.get(i + 1).is_some_and(|n| {
                    n.shape == Shape::Lower && self.listed(n.text) && !self.common(n.text)
                });
                let listed_ok = self.listed(t.text)
                    && !self.hard_stop(t.text)
                    && (!self.common(t.text)
                        || (first && self.given(t.text) && pair_next)
                        || (prev_lower_given && self.surname(t.text)));
                // An unlisted lower-case word next to a listed one: "pt barbara thompson".
                let unlisted_ok = !self.listed(t.text)
                    && t.letters() >= 3
                    && !self.common(t.text)
                    && !self.hard_stop(t.text)
                    && !in_list(t.text, FIELD_WORDS)
                    && ((first && next_listed && self.stop(t.text).is_none()) || prev_lower_part);
                listed_ok || unlisted_ok
            } else if first && cue == Cue::Title {
                // Title: whatever is capitalised ("Dr. Lung").
                true
            } else if first && cue == Cue::Role {
                // Role: an uncommon capitalised word, or a listed one that ends the clause
                // ("RN Long."; "RN Ward 5" is a place, "RN Station closed" a thing).
                !self.hard_stop(t.text)
                    && (!self.common(t.text)
                        || (self.listed(t.text)
                            && tokens
                                .get(i + 1)
                                .is_none_or(|n| n.class == crate::token::Class::Punct)))
                    && !in_list(t.text, FIELD_WORDS)
                    && !self.eponym_as_term(tokens, i)
            } else if first && cue == Cue::Label {
                // Label: anything but a department or clinical word ("REF: ORTHOPEDICS"),
                // or initials alone in the field ("Assistant: GM", "clinician: UM, …")
                // even when they spell an abbreviation.
                let field_ends = next.is_none_or(|n| {
                    n.break_before || (n.class == crate::token::Class::Punct && !n.is_punct('.'))
                });
                let short_caps = t.shape == Shape::Upper && t.letters() <= 3;
                if field_ends && short_caps {
                    self.initials_like(t, false)
                } else {
                    !self.hard_stop(t.text)
                }
            } else if first {
                let next_listed = tokens.get(i + 1).is_some_and(|n| {
                    n.capitalized()
                        && n.space_before
                        && self.listed(n.text)
                        && !self.hard_stop(n.text)
                });
                // Two name-like words after a weak cue: "patient Sarah Allen".
                let next_name_like = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.space_before && n.shape == t.shape && self.name_like(n));
                (self.listed(t.text) || (self.name_like(t) && (next_listed || next_name_like)))
                    && !self.hard_stop(t.text)
                    && !self.eponym_as_term(tokens, i)
            } else {
                // A field's value of capitalised words ends with the field: "Chair: Skye
                // Swallow\n" is one name even when the last word is also a common word.
                let field_value_end = matches!(cue, Cue::Label | Cue::Title)
                    && (t.shape == Shape::Title
                        || (t.shape == Shape::Upper
                            && parts_shape(tokens, &parts) == Some(Shape::Upper)))
                    && next.is_none_or(|n| {
                        n.break_before
                            || (n.class == crate::token::Class::Punct && !n.is_punct('.'))
                    });
                (!self.hard_stop(t.text) || field_value_end)
                    && !self.eponym_as_term(tokens, i)
                    && (self.listed(t.text)
                        || self.name_like(t)
                        || field_value_end
                        || (!self.common(t.text) && cue != Cue::Weak))
                    && (t.shape == parts_shape(tokens, &parts).unwrap_or(t.shape)
                        || t.shape == Shape::Mixed
                        || parts_shape(tokens, &parts) == Some(Shape::Mixed)
                        || t.shape == Shape::Title)
            };
            if !ok {
                break;
            }
            after_particle = false;
            prev_lower_given = t.shape == Shape::Lower && self.given(t.text);
            prev_lower_part = t.shape == Shape::Lower;
            parts.push(i);
            // "SMITH, JOHN" after a label or title.
            if parts.len() == 1
                && next.is_some_and(|n| n.is_punct(','))
                && !month_opens_date(tokens, i + 2)
                && tokens.get(i + 2).is_some_and(|g| {
                    g.capitalized()
                        && g.latin
                        && (self.given(g.text)
                            || (cue != Cue::Weak && g.shape == t.shape && self.name_like(g)))
                })
            {
                comma_form = true;
                i += 2;
                continue;
            }
            // Words of a name are separated by spaces only, on one line and in one field.
            if tokens.get(i + 1).is_some_and(|n| n.break_before) {
                break;
            }
            if !tokens
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.space_before)
                && !tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && n.letters() == 1)
                && !comma_form
            {
                break;
            }
            i += 1;
        }
        if parts.is_empty() {
            return None;
        }
        let start_tok = initials.first().map_or(parts.first().copied()?, |(k, _)| {
            (*k).min(parts.first().copied().unwrap_or(*k))
        });
        let start_tok = lead.map_or(start_tok, |l| l.min(start_tok));
        let start = tokens.get(start_tok)?.start;
        let last = tokens.get(*parts.last()?)?;
        let end = last.name_end();
        let words: Vec<&Token<'_>> = parts.iter().filter_map(|&k| tokens.get(k)).collect();
        let mut m = Mention {
            start,
            end,
            ..Mention::default()
        };
        if words.iter().any(|w| !w.latin) {
            m.other = Some(words.iter().map(|w| w.text).collect::<Vec<_>>().join(" "));
            return Some(m);
        }
        self.assign_roles(&mut m, &words, comma_form, cue == Cue::Title);
        if m.given.is_none() {
            m.initial = initials.first().and_then(|(_, c)| c.to_lowercase().next());
        }
        Some(m)
    }

    /// Given/surname roles from word order, the comma form and the lists.
    fn assign_roles(&self, m: &mut Mention, words: &[&Token<'_>], comma: bool, title: bool) {
        let norms: Vec<String> = words.iter().map(|w| Self::norm(w.text)).collect();
        match norms.as_slice() {
            [] => {}
            [only] => {
                let w = words.first().map_or("", |w| w.text);
                if self.given(w) && !self.surname(w) && !title {
                    m.given = Some(only.clone());
                } else if self.given(w) && !self.surname(w) && title {
                    // "Nurse Mary": a given name after a title.
                    m.given = Some(only.clone());
                } else {
                    m.surname = Some(only.clone());
                }
            }
            [first, rest @ ..] => {
                let (given, surname, middle): (String, String, Vec<String>) = if comma {
                    let g = rest.first().cloned().unwrap_or_default();
                    (g, first.clone(), rest.iter().skip(1).cloned().collect())
                } else {
                    let last = rest.last().cloned().unwrap_or_default();
                    let mid = rest
                        .get(..rest.len().saturating_sub(1))
                        .unwrap_or_default()
                        .to_vec();
                    let w0 = words.first().map_or("", |w| w.text);
                    let w1 = words.last().map_or("", |w| w.text);
                    let all_upper = words.iter().all(|w| w.shape == Shape::Upper);
                    if all_upper && self.surname(w0) && !self.given(w0) && self.given(w1) {
                        (last, first.clone(), mid)
                    } else {
                        (first.clone(), last, mid)
                    }
                };
                // "Ms De los Santos": leading particles begin a family name, so there is
                // no given name to tell this person from "Ana De los Santos".
                let particles_first = !comma
                    && words
                        .get(..words.len().saturating_sub(1))
                        .is_some_and(|lead| lead.iter().all(|w| is_particle(w.text)));
                if particles_first {
                    m.given = None;
                    m.surname = Some(surname);
                    m.extra = std::iter::once(given).chain(middle).collect();
                } else {
                    m.given = Some(given);
                    m.surname = Some(surname);
                    m.extra = middle;
                }
            }
        }
    }

    fn singles(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !(t.is_word()
                && t.latin
                && t.letters() >= 2
                && matches!(t.shape, Shape::Title | Shape::Mixed)
                && t.capitalized()
                && !t.sentence_start
                && !t.upper_line)
            {
                continue;
            }
            let n = Self::norm(t.text);
            let g = self
                .lex
                .given_name(&n)
                .is_some_and(|r| r.0 <= SINGLE_GIVEN_MAX_RANK);
            let s = self
                .lex
                .surname(&n)
                .is_some_and(|r| r.0 <= SINGLE_SURNAME_MAX_RANK);
            if !(g || s)
                || self.common(t.text)
                || self.stop(t.text).is_some()
                || head_after(tokens, i)
                || month_after_time_word(tokens, i)
            {
                continue;
            }
            // Part of a capitalised phrase ("Emergency Department") is not a lone name.
            let prev_cap = i > 0
                && tokens
                    .get(i - 1)
                    .is_some_and(|p| p.is_word() && p.capitalized() && !p.sentence_start);
            let next_cap = tokens
                .get(i + 1)
                .is_some_and(|p| p.is_word() && p.capitalized() && p.space_before);
            if (prev_cap && !self.listed(tokens.get(i - 1).map_or("", |p| p.text))) || next_cap {
                continue;
            }
            out.push(Mention {
                start: t.start,
                end: t.name_end(),
                given: if g && !s { Some(n.clone()) } else { None },
                surname: if s || !g { Some(n) } else { None },
                ..Mention::default()
            });
        }
    }
}

/// `word` (lower case) with Latin accents removed ("maría" → "maria"), or `None` when it
/// has none to remove.
/// The letters an OCR engine may have read as digits in a lower-case word (`0` for o, `1`
/// for l or i: "ju1ius", "l0veday"), as up to two readings; none when it has no digit.
pub(crate) fn ocr_readings(word: &str) -> impl Iterator<Item = String> + '_ {
    let has = word.bytes().any(|b| b == b'0' || b == b'1');
    [('l', has), ('i', has && word.contains('1'))]
        .into_iter()
        .filter(|&(_, on)| on)
        .map(move |(one, _)| word.replace('0', "o").replace('1', &one.to_string()))
}

pub(crate) fn fold_accents(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut changed = false;
    let folded: String = word
        .chars()
        .map(|c| {
            let f = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
                'ç' | 'ć' | 'č' => 'c',
                'ď' | 'đ' => 'd',
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
                'ğ' => 'g',
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
                'ł' | 'ľ' => 'l',
                'ñ' | 'ń' | 'ň' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
                'ř' => 'r',
                'ś' | 'š' | 'ş' | 'ș' => 's',
                'ť' | 'ţ' | 'ț' => 't',
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
                'ý' | 'ÿ' => 'y',
                'ź' | 'ż' | 'ž' => 'z',
                c => c,
            };
            changed |= f != c;
            f
        })
        .collect();
    changed.then_some(folded)
}

/// The tokens overlapping bytes `a..b` (tokens are sorted and disjoint).
/// Word `i` starts a patronymic link (`a/l`, `a/p`, `s/o`, `d/o`, any case, no spaces)
/// followed by a capitalised word: the index of that word.
pub(crate) fn patronymic_link(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let (a, slash, b) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let link = format!("{}/{}", lower(a.text), lower(b.text));
    let ok = a.is_word()
        && a.space_before
        && slash.is_punct('/')
        && !slash.space_before
        && b.is_word()
        && !b.space_before
        && ["a/l", "a/p", "s/o", "d/o"].contains(&link.as_str())
        && tokens
            .get(i + 3)
            .is_some_and(|n| n.is_word() && n.capitalized() && n.space_before && !n.break_before);
    ok.then_some(i + 3)
}

/// Widens a mention to the name parts right before it that belong to it
/// ([`widened_start`]).
fn caps_particle_before(tokens: &[Token<'_>], m: &mut Mention) {
    m.start = widened_start(tokens, m.start);
}

/// Where a person span starting at byte `start` begins once widened to the upper-case
/// particle opening its field right before it (`Bed 16  DE SAUSSURE  FFD`: the particle is
/// part of the family name), to a lower-case particle after an initial
/// ([`initial_particle_start`]), then to an Ede name's `Y` prefix ([`ede_prefix_start`]).
pub(crate) fn widened_start(tokens: &[Token<'_>], start: usize) -> usize {
    let start = caps_particle_start(tokens, start).unwrap_or(start);
    let start = initial_particle_start(tokens, start).unwrap_or(start);
    ede_prefix_start(tokens, start).unwrap_or(start)
}

/// Where a person span starting at byte `start` begins once widened over a lower-case
/// family-name particle and the dotted initial before it (`A. de Souza`, `K. van Dijk`,
/// capitalised `R. Jn Pierre`): a family name with its particle after a given name's initial.
fn initial_particle_start(tokens: &[Token<'_>], start: usize) -> Option<usize> {
    let mut k = tokens.partition_point(|t| t.start < start);
    let at = tokens.get(k).filter(|w| w.start == start && w.is_word())?;
    // The span may already hold the particle ("van Dijk"): start from the word after it.
    if at.shape != Shape::Upper && is_particle(at.text) {
        k += 1;
    }
    let w = tokens
        .get(k)
        .filter(|w| w.is_word() && w.shape == Shape::Title)?;
    let p = k.checked_sub(1).and_then(|p| tokens.get(p))?;
    let dot = k.checked_sub(2).and_then(|d| tokens.get(d))?;
    let letter = k.checked_sub(3).and_then(|l| tokens.get(l))?;
    let fits = p.is_word()
        && p.shape != Shape::Upper
        && is_particle(p.text)
        && p.end + 1 == w.start
        && !w.break_before
        && dot.is_punct('.')
        && !dot.space_before
        && dot.end + 1 == p.start
        && !p.break_before
        && letter.is_word()
        && letter.latin
        && letter.letters() == 1
        && letter.text.chars().all(char::is_uppercase);
    fits.then_some(letter.start)
}

/// Where a person span starting at byte `start` begins once widened to an Ede (Rhade)
/// name's one-letter male prefix `Y` right before its capitalised first word (`Y Kuh
/// Kpă`), if there is one.
fn ede_prefix_start(tokens: &[Token<'_>], start: usize) -> Option<usize> {
    let k = tokens.partition_point(|t| t.start < start);
    let w = tokens
        .get(k)
        .filter(|w| w.start == start && w.capitalized() && w.space_before && !w.break_before)?;
    let y = k.checked_sub(1).and_then(|p| tokens.get(p))?;
    (y.is_word() && y.text == "Y" && w.start == y.end + 1).then_some(y.start)
}

/// Where a person span starting at byte `start` begins once widened to the upper-case
/// particle opening its field (see [`widened_start`]), if there is one.
fn caps_particle_start(tokens: &[Token<'_>], start: usize) -> Option<usize> {
    let k = tokens.partition_point(|t| t.start < start);
    let w = tokens
        .get(k)
        .filter(|w| w.start == start && w.is_word() && w.shape == Shape::Upper)?;
    let p = k.checked_sub(1).and_then(|p| tokens.get(p))?;
    let after_bar = k
        .checked_sub(2)
        .and_then(|b| tokens.get(b))
        .is_some_and(|b| b.is_punct('|'));
    let opens_field = p.break_before || p.line_start || p.sentence_start || after_bar;
    if p.is_word()
        && p.shape == Shape::Upper
        && is_particle(p.text)
        && opens_field
        && w.space_before
        && !w.break_before
    {
        return Some(p.start);
    }
    None
}

/// A name stays on one line and in one field: a mention run across a line break or a
/// form's field gap ("Ember Ford\nDate of birth", "HOSPITAL\nSMITH^JOHN") keeps its
/// segment with the most words (the first on a tie), and loses the name parts that were
/// only outside it (the last word kept becomes the surname when the surname was cut off).
fn cut_at_break(tokens: &[Token<'_>], m: &mut Mention) {
    let inside = within(tokens, m.start, m.end);
    if !inside.iter().skip(1).any(|t| t.break_before) {
        return;
    }
    let mut best: (usize, usize, usize) = (0, 0, 0);
    let mut from = 0usize;
    for k in 1..=inside.len() {
        if k < inside.len() && !inside.get(k).is_some_and(|t| t.break_before) {
            continue;
        }
        let words = inside
            .get(from..k)
            .map_or(0, |seg| seg.iter().filter(|t| t.is_word()).count());
        if words > best.2 {
            best = (from, k, words);
        }
        from = k;
    }
    if let Some(kept) = inside.get(best.0..best.1) {
        keep_words(m, kept, inside);
    }
}

/// Narrows mention `m`, whose tokens are `inside`, to the words of `kept` (a part of
/// `inside`): the name parts only outside it are dropped, and the last word kept becomes
/// the surname when the surname was dropped.
fn keep_words(m: &mut Mention, kept: &[Token<'_>], inside: &[Token<'_>]) {
    let (Some(first), Some(last)) = (
        kept.iter().find(|t| t.is_word()),
        kept.iter().rev().find(|t| t.is_word()),
    ) else {
        return;
    };
    let norms = |seg: &[Token<'_>]| -> Vec<String> {
        seg.iter()
            .filter(|t| t.is_word())
            .map(|t| NameRules::norm(t.text))
            .collect()
    };
    let kept_words = norms(kept);
    let all_words = norms(inside);
    let only_cut = |w: &String| !kept_words.contains(w) && all_words.contains(w);
    m.start = first.start.max(m.start);
    m.end = last.name_end().min(m.end);
    if m.given.as_ref().is_some_and(only_cut) {
        m.given = None;
    }
    if m.surname.as_ref().is_some_and(only_cut) {
        m.surname = None;
    }
    m.extra.retain(|w| !only_cut(w));
    if m.surname.is_none() && m.given.is_some() {
        m.surname = m.extra.pop();
    }
    if m.other.is_some() {
        let kept_text: Vec<&str> = kept
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text)
            .collect();
        m.other = Some(kept_text.join(" "));
    }
}

/// A mention that runs into an organisation ("UM, Hadassah Medical Center" read as
/// `Surname, Given`) keeps its words before it; one that starts inside it is dropped.
fn cut_before_orgs(tokens: &[Token<'_>], m: &mut Mention, orgs: &[Span]) -> bool {
    // `orgs` is sorted by start: the last one starting before the mention, then those
    // starting inside it.
    let from = orgs
        .partition_point(|o| o.start < m.start)
        .saturating_sub(1);
    for o in orgs.get(from..).unwrap_or_default() {
        if o.start >= m.end {
            break;
        }
        if o.start < m.end && m.start < o.end {
            if m.start >= o.start {
                return false;
            }
            let inside = within(tokens, m.start, m.end);
            let n = inside.partition_point(|t| t.end <= o.start);
            let Some(kept) = inside.get(..n) else {
                return false;
            };
            if !kept.iter().any(|t| t.is_word()) {
                return false;
            }
            keep_words(m, kept, inside);
        }
    }
    true
}

fn within<'t, 'a>(tokens: &'t [Token<'a>], a: usize, b: usize) -> &'t [Token<'a>] {
    let lo = tokens.partition_point(|t| t.end <= a);
    let hi = tokens.partition_point(|t| t.start < b);
    tokens.get(lo..hi.max(lo)).unwrap_or_default()
}

/// After a family-name particle only a drug or a body part is not a name (`de Vries` is
/// in the medical vocabulary as an eponym).
fn particle_blocked(word: &str) -> bool {
    matches!(
        stoplist::stop_kind(word),
        Some(StopKind::Drug | StopKind::Anatomy)
    )
}

/// Whether `word` is a staff verb whose agent follows it ("Administered S. Quell"): never a
/// given name before that agent.
pub(crate) fn agent_verb(word: &str) -> bool {
    in_list(word, AGENT_VERBS)
}

/// A field name or credential (`AGE`, `DOB`, `MD`) that ends a name.
pub(crate) fn field_word(word: &str) -> bool {
    in_list(word, FIELD_WORDS)
}

/// Whether `word` stands before a name as a title, a rank, a kin title or a role noun
/// (`Dr`, `Cpl`, `Kak`, `Sister`, `Ocularist`): never part of the name itself.
pub(crate) fn name_prefix(word: &str) -> bool {
    is_title(word)
        || in_list(word, KIN_TITLES)
        || words::role_noun(word)
        || in_list(word, ROLE_TITLES)
}

fn parts_shape(tokens: &[Token<'_>], parts: &[usize]) -> Option<Shape> {
    parts.first().and_then(|&i| tokens.get(i)).map(|t| t.shape)
}

/// An eponym-shaped word used as a term: a medical head or a test result (`positive`,
/// `negative`) follows, `of` precedes, or it is lower case.
pub(crate) fn eponym_context(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    if t.shape == Shape::Lower {
        return true;
    }
    let mut k = i + 1;
    // Skip "-" and a second eponym: "Charcot-Marie-Tooth disease", "Legg-Calve-Perthes".
    while let Some(n) = tokens.get(k) {
        if n.is_punct('-') || n.is_punct('\'') || n.is_punct('’') || n.text == "s" {
            k += 1;
            continue;
        }
        if n.is_word() && stoplist::stop_kind(n.text) == Some(StopKind::Eponym) {
            k += 1;
            continue;
        }
        break;
    }
    let head = tokens
        .get(k)
        .is_some_and(|n| n.is_word() && stoplist::is_medical_head(n.text));
    let of_before = i > 0
        && tokens
            .get(i - 1)
            .is_some_and(|p| p.is_word() && lower(p.text) == "of");
    // A test's result follows: "Romberg positive", "Kernig negative".
    let result = tokens
        .get(k)
        .is_some_and(|n| n.is_word() && in_list(n.text, &["positive", "negative"]));
    head || of_before || result
}

/// A title-case word, or a hyphenated one whose every part is title case
/// (`Tane-Whaanga`).
pub(crate) fn title_like(t: &Token<'_>) -> bool {
    t.shape == Shape::Title
        || (t.shape == Shape::Mixed
            && t.text.contains('-')
            && t.text.split('-').all(|p| {
                let mut cs = p.chars();
                cs.next().is_some_and(char::is_uppercase) && !cs.any(char::is_uppercase)
            }))
}

/// A medical head noun right after word `i` (possessive skipped): `Smith fracture`,
/// `Bell's palsy`. A name-shaped word used this way is an eponym.
pub(crate) fn head_after(tokens: &[Token<'_>], i: usize) -> bool {
    if own_head_after(tokens, i) {
        return true;
    }
    // "Tane and Whaanga signs negative": the first of two eponyms sharing a head.
    let joined = tokens.get(i + 1).is_some_and(|c| {
        c.is_word() && c.space_before && in_list(c.text, &["and", "or", "&", "versus", "vs"])
    });
    joined
        && tokens
            .get(i + 2)
            .is_some_and(|n| n.is_word() && n.space_before && title_like(n))
        && own_head_after(tokens, i + 2)
}

/// [`head_after`] without a coordinated second eponym.
fn own_head_after(tokens: &[Token<'_>], i: usize) -> bool {
    let mut k = i + 1;
    while tokens
        .get(k)
        .is_some_and(|n| n.is_punct('-') || n.is_punct('\'') || n.is_punct('’'))
    {
        k += 1;
    }
    // A Roman numeral of the eponym's classification between: "Tane II manoeuvre",
    // "Whaanga IV criteria".
    if tokens.get(k).is_some_and(|n| {
        n.is_word()
            && n.space_before
            && (2..=4).contains(&n.letters())
            && n.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
    }) {
        k += 1;
    }
    let head = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|n| n.is_word() && stoplist::is_medical_head(n.text))
    };
    // "Tane stepping test", "Whaanga retraction syndrome": one lower-case noun of action
    // between the eponym and its head.
    head(k)
        || (tokens.get(k).is_some_and(nominal_modifier)
            && tokens.get(k + 1).is_some_and(|n| n.space_before)
            && head(k + 1))
}

/// A lower-case noun of action that can stand between an eponym and its head noun
/// (`stepping`, `retraction`, `rotation`): five letters or more, ending in `-ing` or
/// `-ion`.
fn nominal_modifier(t: &Token<'_>) -> bool {
    t.is_word()
        && t.space_before
        && t.shape == Shape::Lower
        && t.letters() >= 5
        && (t.text.ends_with("ing") || t.text.ends_with("ion"))
}

#[cfg(test)]
mod tests {
    use super::eponym_compound;
    use crate::token::tokenize;

    /// Whether the span from `from` to the end of `to` in `text` is an eponym compound.
    fn compound(text: &str, from: &str, to: &str) -> bool {
        let start = text.find(from).unwrap_or(0);
        let end = text.find(to).map_or(0, |i| i + to.len());
        eponym_compound(&tokenize(text), start, end)
    }

    #[test]
    fn a_particle_may_lead_an_eponym_compound() {
        let text = "Von Quarrel-Lindtmar screening advised.";
        assert!(compound(text, "Von", "Lindtmar"));
        assert!(compound(text, "Quarrel", "Lindtmar"));
        // Without a diagnosis word after it, a particle and a double-barrelled family name
        // stay a name.
        assert!(!compound(
            "Seen by Von Quarrel-Lindtmar today.",
            "Von",
            "Lindtmar"
        ));
    }
}
