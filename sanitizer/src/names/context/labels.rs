//! Names by their labels and record fields: before an age or an identifier, after an
//! identifier, phone contacts, surname labels, speaker and role labels, name fields.

use super::*;

impl NameRules<'_> {
    /// A capitalised word right before an age is the person's name ("bed 4: Whaanga 85 y/o"),
    /// also set off by a comma ("lesion 2, Whaanga, 85yo"), when it is a frequent given name
    /// or not a common word, and no medical term or field word ("Patient 85 y/o" stays). A
    /// listed given name, no common word, right before it is the same person's ("Tane
    /// Whaanga, 85 years old"), and so is an unlisted name-like word opening the clause or
    /// list item ("2. Rawiri Tane, 94y"). An article may stand before the age ("Tane, a
    /// 9-year-old pupil").
    pub(in crate::names) fn before_ages(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
        for age in typed.iter().filter(|s| s.kind == EntityKind::Age) {
            let k = tokens.partition_point(|t| t.start < age.start);
            // "Tane (7 years) seen in clinic": the age in brackets right after the name.
            let bracket = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|b| b.is_punct('(') && b.space_before);
            if !tokens
                .get(k)
                .is_some_and(|a| a.start == age.start && (a.space_before || bracket))
            {
                continue;
            }
            let k = if bracket { k - 1 } else { k };
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
                && !crate::names::particle_blocked(t.text)
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
                            .is_some_and(|r| r.0 <= crate::names::SINGLE_GIVEN_MAX_RANK)
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

    /// A capitalised word right before a bracketed age without `old` ("Tanvo (7 years)
    /// seen in clinic", "Tanvo (18 months)"): a number of up to three digits and a unit of
    /// years or months alone in the brackets; the word a name-like word or a listed
    /// given name that is no common word.
    pub(in crate::names) fn before_bracketed_ages(
        &self,
        tokens: &[Token<'_>],
        out: &mut Vec<Mention>,
    ) {
        // Years and months only: weeks and days in brackets are mostly durations.
        const UNITS: &[&str] = &[
            "years", "year", "yrs", "yr", "y", "months", "month", "mo", "mths",
        ];
        for (i, b) in tokens.iter().enumerate() {
            if !(b.is_punct('(') && b.space_before) {
                continue;
            }
            let age = tokens
                .get(i + 1)
                .is_some_and(|n| n.class == crate::token::Class::Number && n.text.len() <= 3)
                && tokens
                    .get(i + 2)
                    .is_some_and(|u| u.is_word() && in_list(u.text, UNITS))
                && tokens.get(i + 3).is_some_and(|c| c.is_punct(')'));
            let Some(t) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
                continue;
            };
            let name = t.is_word()
                && t.latin
                && t.shape == Shape::Title
                && (self.name_like(t) || (self.given(t.text) && !self.common(t.text)))
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS);
            if age && name {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// The person to call in a phone message: one or two words between `ring`, `call` or
    /// `phone` (or a nurse's title: `sr`, `sister`, `nurse`) and `on` before a phone number
    /// ("ring Blessing on 0123 456", "call piret on +372 …", "sr tanvo on 0113 …"),
    /// capitalised or no common word, no stop word or field word.
    pub(in crate::names) fn phone_contacts(
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
    pub(in crate::names) fn header_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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

    /// One to three capitalised words right before an identifier in parentheses are whose
    /// it is ("Tane (NHS 077 176 2305) day 3 post TKR", "could you see Tane Whaanga
    /// (12131275)"): each a listed name or an unlisted name-like word, one at least no
    /// common word, and no capitalised word before them (a place or a ward's name runs on).
    pub(in crate::names) fn before_ids(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
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
                        && !in_list(w.text, crate::names::FIELD_LABELS)
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
    pub(in crate::names) fn after_ids(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
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

    /// An upper-case listed surname opening a line of running text as its label
    /// ("NIEMINEN: NPO after midnight"): not a common or medical word (headings such as
    /// `PLAN:` are), and the line is not all capitals (an overlay's field names).
    pub(in crate::names) fn surname_labels(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
                && !in_list(t.text, crate::names::FIELD_LABELS)
            {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// A transcript's speaker label of a role word then a name, at the start of a line of
    /// running text, before its colon ("NURSE VARLO: Any pain today?", "Interpreter
    /// Tanvo: She says no"): the word after the role, in the role's case, whatever it is
    /// (not a common, clinical or field word).
    pub(in crate::names) fn role_speaker_labels(
        &self,
        tokens: &[Token<'_>],
        out: &mut Vec<Mention>,
    ) {
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
                && !in_list(t.text, crate::names::FIELD_LABELS);
            if label {
                out.push(Self::surname_word(t));
            }
        }
    }

    /// The value of a form field that names a part of a person's name: "Surname: WHAANGA",
    /// "Forename(s): Tane", "First name: Tane | …", "Family name: Whaanga". Whatever
    /// words fill the field (up to three, on its line, up to a separator or the next
    /// label) are the name part the label says, in any case and spelling.
    pub(in crate::names) fn name_fields(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
                        && !in_list(v.text, crate::names::FIELD_LABELS)
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
    pub(in crate::names) fn inverted_person_field(
        &self,
        tokens: &[Token<'_>],
        i: usize,
    ) -> Option<Mention> {
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
}
