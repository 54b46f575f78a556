//! Names by how messages address people: handles, senders, greetings and addressees,
//! questions after someone, lower-case subjects of chat lines.

use super::*;

impl NameRules<'_> {
    /// A chat handle: a word glued after an `@` that is no e-mail address ("@Tane: bloods
    /// back?"), capitalised and off the stop-list, or lower case and no common word.
    pub(in crate::names) fn handles(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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

    /// The sender of a page or message: `from`, one word in lower or title case, then a
    /// colon ("bleep 4417 from tanvo: pls r/v …"), when the word is no common word and no
    /// clinical term.
    pub(in crate::names) fn message_senders(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn asked_after(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn lower_subjects(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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

    /// The person a message addresses before `, your` / `, you` ("Reminder: Tane, your
    /// appointment is …"): a capitalised word opening the sentence or greeted, that is a
    /// listed given name or an unlisted name-like word.
    pub(in crate::names) fn addressed_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn greeted(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, g) in tokens.iter().enumerate() {
            if i == 0 || g.line_start {
                self.greeted_at(tokens, i, out);
            }
        }
    }

    /// The greeting of `greeted` opening at token `i`.
    pub(in crate::names) fn greeted_at(
        &self,
        tokens: &[Token<'_>],
        i: usize,
        out: &mut Vec<Mention>,
    ) {
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
}
