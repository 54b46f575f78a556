//! Names by the layout of boards, lists and notes: dash notes and sign-offs, task notes,
//! `Re:` lines, bed and board rows, list items, role boards, banners, handovers.

use super::*;

impl NameRules<'_> {
    /// A note that opens a sentence with a name and a dash ("Home visit. Tane Whaanga -
    /// leg ulcer dressed"): two or three capitalised words starting the sentence, each a
    /// listed name or an unlisted name-like word, not all common words, then a spaced dash
    /// and a lower-case word; or one such word before an appointment and its time ("Tane -
    /// dentist 3pm").
    pub(in crate::names) fn dash_notes(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !t.sentence_start {
                continue;
            }
            let mut k = i;
            while k < i + 3
                && tokens.get(k).is_some_and(|w| {
                    self.name_word(w, false)
                        && (k == i || (w.space_before && !w.break_before))
                        && !in_list(w.text, crate::names::FIELD_LABELS)
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
    pub(in crate::names) fn task_notes(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn dash_sign_offs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn dash_birth_lines(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn regarding_lines(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn regarding_inverted(
        &self,
        tokens: &[Token<'_>],
        out: &mut Vec<Mention>,
    ) {
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
    pub(in crate::names) fn handed_over(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
                        && crate::names::title_like(w)
                        && w.letters() >= 2
                        && !w.break_before
                        && !self.hard_stop(w.text)
                        && !in_list(w.text, FIELD_WORDS)
                })
            {
                k += 1;
            }
            let recipient = tokens.get(k + 1).is_some_and(|r| {
                r.is_word() && (crate::names::title_like(r) || r.shape == Shape::Upper)
            });
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
    pub(in crate::names) fn bed_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
            let particle = crate::names::is_particle(first.text)
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
    pub(in crate::names) fn board_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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

    /// A numbered list item that opens with a name and then a number after a comma, an
    /// age or a hospital number ("1. Tane Whaanga, 104, 1408842 - for surgery"): two to
    /// four capitalised words, each a listed name or an unlisted name-like word, not all
    /// common words.
    pub(in crate::names) fn list_item_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn numbered_caps_items(
        &self,
        tokens: &[Token<'_>],
        out: &mut Vec<Mention>,
    ) {
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
                        && (w.letters() >= 3 || crate::names::is_particle(w.text))
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
            let ends_in_particle = words
                .last()
                .is_some_and(|w| crate::names::is_particle(w.text));
            if k == first || !dash || !notes || ends_in_particle {
                continue;
            }
            let uncommon = words
                .iter()
                .all(|w| crate::names::is_particle(w.text) || !self.common(w.text));
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

    /// The one upper-case word opening each numbered row of a chair, bay or slot list
    /// ("1 WHAANGA FEC-T c3", "2 TANVO pembro", "3 empty"): a row number of one or two
    /// digits first on its line, then one upper-case word of three letters or more that is
    /// no clinical term, field word or stop word, then more of the row on the same line. A
    /// list of two such rows or more, one of them no common word, names its people; a
    /// common word ("4 STONE pembro") counts only beside them.
    pub(in crate::names) fn numbered_row_surnames(
        &self,
        tokens: &[Token<'_>],
        out: &mut Vec<Mention>,
    ) {
        let mut found: Vec<(Mention, bool)> = Vec::new();
        for (i, n) in tokens.iter().enumerate() {
            let row = n.line_start
                && n.class == crate::token::Class::Number
                && n.text.len() <= 2
                && !n.text.starts_with('0');
            if !row {
                continue;
            }
            let Some(w) = tokens.get(i + 1).filter(|w| {
                w.is_word()
                    && w.latin
                    && w.shape == Shape::Upper
                    && w.space_before
                    && !w.break_before
                    && w.letters() >= 3
                    && w.letters() == w.text.chars().count()
                    && self.stop(w.text).is_none()
                    && !in_list(w.text, FIELD_WORDS)
                    && !in_list(w.text, BOARD_ROLES)
                    && !crate::names::is_title(w.text)
            }) else {
                continue;
            };
            // More of the row follows on its line, and not as a field (`1 NAME: …`).
            let rest = tokens.get(i + 2).is_some_and(|r| {
                !r.line_start
                    && !r.break_before
                    && r.space_before
                    && (r.is_word() || r.class == crate::token::Class::Number)
            });
            if rest {
                found.push((Self::surname_word(w), !self.common(w.text)));
            }
        }
        if found.len() >= 2 && found.iter().any(|(_, uncommon)| *uncommon) {
            out.extend(found.into_iter().map(|(m, _)| m));
        }
    }

    /// The value after a staff role label on a board or overlay line ("NURSE: TANVO",
    /// "SCRUB: WHAANGA  RUNNER: …", "Anaes: DE WHAANGA", "Scrub: Tanvo"): one to three
    /// words of one case (upper case, or title case), particles inside, a person when they
    /// end the field (a line end, a wide gap, a bar) and none is a common word, clinical
    /// term, title or field word.
    pub(in crate::names) fn role_board_values(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, r) in tokens.iter().enumerate() {
            if !(r.is_word()
                && matches!(r.shape, Shape::Upper | Shape::Title)
                && in_list(r.text, BOARD_ROLES))
            {
                continue;
            }
            let colon = tokens
                .get(i + 1)
                .is_some_and(|c| c.is_punct(':') && !c.space_before);
            // A `|`-separated record's cell opened by the role, no colon: "| Surgeon
            // TRUNDLE |", the value in upper case.
            let cell = !colon
                && i.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| p.is_punct('|'));
            if !(colon || cell) {
                continue;
            }
            let first = if colon { i + 2 } else { i + 1 };
            let Some(shape) = tokens
                .get(first)
                .filter(|t| !t.break_before && t.is_word())
                .map(|t| t.shape)
                .filter(|s| matches!(s, Shape::Upper) || (colon && matches!(s, Shape::Title)))
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
                    && !crate::names::is_title(t.text)
                    && !in_list(t.text, FIELD_WORDS)
                    && !in_list(t.text, BOARD_ROLES)
                    && !in_list(t.text, UNNAMED)
                    && !in_list(t.text, UNFILLED)
            };
            let mut words: Vec<&Token<'_>> = Vec::new();
            let mut k = first;
            while words.len() < 3 {
                let Some(t) = tokens.get(k) else { break };
                if k > first && (t.break_before || !t.space_before) {
                    break;
                }
                let particle = crate::names::is_particle(t.text)
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
            let ends = tokens.get(k).is_none_or(|n| {
                n.is_punct('|') || (colon && (n.break_before || n.start >= last.end + 2))
            }) || (cell && tokens.get(k).is_none_or(|n| n.line_start));
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
    pub(in crate::names) fn banner_greetings(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
}
