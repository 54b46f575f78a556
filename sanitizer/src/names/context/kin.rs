//! Names next to kin and family words: bracketed kin, family nouns, named relatives,
//! patronymic surnames, kin possessives, someone in or visited in a bed.

use super::*;

impl NameRules<'_> {
    /// A relative named with their kinship in brackets right after ("Tanvo (daughter)
    /// phoned", "visited by Tanvo (son)"): a capitalised word, listed and no common word,
    /// or unlisted and name-like.
    pub(in crate::names) fn bracketed_kin(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let kin = tokens.get(i + 1).is_some_and(|p| p.is_punct('('))
                && tokens.get(i + 2).is_some_and(|k| {
                    k.is_word()
                        && k.shape == Shape::Lower
                        && in_list(k.text, crate::names::KIN_CUES)
                })
                && tokens.get(i + 3).is_some_and(|c| c.is_punct(')'));
            if kin
                && t.is_word()
                && t.latin
                && crate::names::title_like(t)
                && t.letters() >= 3
                && ((self.listed(t.text) && !self.common(t.text)) || self.name_like(t))
                && !self.hard_stop(t.text)
                && !in_list(t.text, UNNAMED)
            {
                out.push(Self::given_word(t));
            }
        }
    }

    /// `the <Name> family` / `house` / `household`: the capitalised word is a family name
    /// when it is not a common word or a medical term. Before a noun that only names people
    /// (`family`, `household`, `twins`) a listed surname that is also a common word counts
    /// too: capitalised there, it is the name ("the Stone family").
    pub(in crate::names) fn family_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn in_bed(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
    pub(in crate::names) fn visited_in_bed(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
                let cased = t.shape == Shape::Lower || (!for_cue && crate::names::title_like(t));
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
                        || crate::names::title_like(w)
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

    /// An unlisted capitalised word right after a lower-case kinship noun is the relative's
    /// name ("avec sa fille Tanvo", "his son Oyole rang"): a capitalised word no common word
    /// mid-sentence after "daughter" names her. A Balinese name keeps its `I`/`Ni` prefix
    /// ("Husband I Wayan Sudarta translating").
    pub(in crate::names) fn named_relatives(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate().skip(1) {
            let kin = tokens.get(i - 1).is_some_and(|k| {
                k.is_word() && k.shape == Shape::Lower && in_list(k.text, crate::names::KIN_CUES)
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
                k.is_word() && k.shape != Shape::Upper && in_list(k.text, crate::names::KIN_CUES)
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
    pub(in crate::names) fn patronymic_surnames(
        &self,
        tokens: &[Token<'_>],
        out: &mut Vec<Mention>,
    ) {
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
    pub(in crate::names) fn kin_possessives(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let kin_after = tokens.get(i + 1).is_some_and(|n| {
                n.is_word()
                    && n.shape == Shape::Lower
                    && n.space_before
                    && (in_list(n.text, crate::names::KIN_CUES) || lower(n.text) == "family")
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
                        && in_list(n.text, crate::names::KIN_CUES)
                })
            {
                out.push(Self::surname_word(t));
            }
        }
    }
}
