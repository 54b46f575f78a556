//! The model's spans and the second passes: model mentions merged with the rules (vetoed by
//! the stop-list), the fail-closed mode, and residual name candidates.

use super::{
    Mention, NameRules, TITLES, VIEW_SIDES, caret_names, head_after, in_list, other_scripts, within,
};
use crate::EntityKind;
use crate::model::{ModelLabel, ModelSpan};
use crate::stoplist;
use crate::token::{CharIndex, Class, Shape, Token};
use crate::types::Span;

/// Verbs a subject takes right after a vocative (`Xa, Yb can come up`, `Xa, Yb is back`).
const VOCATIVE_VERBS: &[&str] = &[
    "can", "could", "will", "would", "should", "may", "might", "must", "is", "was", "has", "had",
    "needs", "wants", "says", "said", "asked", "rang", "called",
];

impl NameRules<'_> {
    /// Splits a mention that runs over commas into one mention per list item when the
    /// commas separate people rather than invert a name (`Surname, Given`): its first item
    /// is an initial and a surname (`X. Ya, Zb, Wc Vd`), or ends a name that an initial or
    /// a particle starts before it (`X. [Ya, Zb]`, `Xa bin [Ya, Zb]`), or it is two
    /// capitalised words
    /// that read as a vocative and a subject (`Xa, Yb can come up`: the vocative
    /// opens a line before a subject's verb), or one word twice (`Xa has Yb, Yb has Zc`).
    /// A later item of one common word is dropped.
    pub(crate) fn split_comma_lists(&self, tokens: &[Token<'_>], found: &mut Vec<Mention>) {
        let mut out = Vec::with_capacity(found.len());
        for m in found.drain(..) {
            match self.comma_items(tokens, &m) {
                Some(items) => out.extend(items),
                None => out.push(m),
            }
        }
        *found = out;
    }

    /// The items of mention `m` when its commas separate people (see
    /// [`NameRules::split_comma_lists`]).
    fn comma_items(&self, tokens: &[Token<'_>], m: &Mention) -> Option<Vec<Mention>> {
        let k = tokens.partition_point(|t| t.start < m.start);
        let last = tokens.partition_point(|t| t.start < m.end);
        let inside = tokens.get(k..last)?;
        if !inside.iter().any(|t| t.is_punct(',')) {
            return None;
        }
        let items: Vec<&[Token<'_>]> = inside
            .split(|t| t.is_punct(','))
            .filter(|p| p.iter().any(Token::is_word))
            .collect();
        if items.len() < 2 || items.iter().any(|p| p.iter().any(|t| t.break_before)) {
            return None;
        }
        let initial_item = |p: &[Token<'_>]| {
            p.first().is_some_and(|x| {
                x.is_word() && x.letters() == 1 && x.text.chars().all(char::is_uppercase)
            }) && p.get(1).is_some_and(|d| d.is_punct('.') && !d.space_before)
                && p.get(2).is_some_and(|w| w.is_word() && w.letters() >= 2)
        };
        let one_word = |p: &[Token<'_>]| p.len() == 1 && p.first().is_some_and(|w| w.is_word());
        // The first item ends a name that starts before the mention: an initial
        // (`X. [Ya], Zb`) or a particle (`Xa bin [Ya], Zb`) stands right before it.
        let before = |j: usize| k.checked_sub(j).and_then(|p| tokens.get(p));
        let initial_before = before(1).is_some_and(|d| d.is_punct('.') && !d.space_before)
            && before(2).is_some_and(|x| {
                x.is_word() && x.letters() == 1 && x.text.chars().all(char::is_uppercase)
            });
        let particle_before = before(1)
            .is_some_and(|p| p.is_word() && p.shape == Shape::Lower && super::is_particle(p.text));
        // A vocative opening a line, then the subject and its verb: "Xa, Yb can come up".
        let vocative = items.len() == 2
            && items.iter().all(|p| one_word(p))
            && inside
                .first()
                .is_some_and(|t| t.shape == Shape::Title && t.line_start)
            && tokens
                .get(last)
                .is_some_and(|n| n.is_word() && n.space_before && in_list(n.text, VOCATIVE_VERBS));
        // The same word on both sides of the comma ("Xa has Yb, Yb has Zc") is two
        // mentions of one name, never a `Surname, Given` pair.
        let repeated = items.len() == 2
            && items.iter().all(|p| one_word(p))
            && matches!(
                (items.first().and_then(|p| p.first()), items.get(1).and_then(|p| p.first())),
                (Some(x), Some(y)) if Self::norm(x.text) == Self::norm(y.text)
            );
        if !(items.first().is_some_and(|p| initial_item(p))
            || repeated
            || initial_before
            || particle_before
            || vocative)
        {
            return None;
        }
        let mention = |p: &[Token<'_>]| -> Option<Mention> {
            let words: Vec<&Token<'_>> = p.iter().filter(|t| t.is_word()).collect();
            let (first, end_word) = (p.first()?, words.last()?);
            let mut out = Mention {
                start: first.start,
                end: end_word.name_end(),
                ..Mention::default()
            };
            if initial_item(p) {
                out.initial = first
                    .text
                    .chars()
                    .next()
                    .and_then(|c| c.to_lowercase().next());
                out.surname = Some(Self::norm(end_word.text));
            } else if let [w] = words.as_slice() {
                if self.given(w.text) && !self.surname(w.text) {
                    out.given = Some(Self::norm(w.text));
                } else {
                    out.surname = Some(Self::norm(w.text));
                }
            } else {
                out.given = words.first().map(|w| Self::norm(w.text));
                out.surname = Some(Self::norm(end_word.text));
            }
            Some(out)
        };
        // A later item of one common word is no person ("X. Ya, Dutch"): it is dropped.
        let person_item = |(i, p): &(usize, &[Token<'_>])| {
            *i == 0 || !(one_word(p) && p.first().is_some_and(|w| self.common(w.text)))
        };
        items
            .into_iter()
            .enumerate()
            .filter(person_item)
            .map(|(_, p)| mention(p))
            .collect()
    }

    /// Fail-closed: every capitalised word in a name list and not on the stop-list.
    pub(crate) fn fail_closed(&self, tokens: &[Token<'_>]) -> Vec<Mention> {
        tokens
            .iter()
            .filter(|t| {
                t.is_word()
                    && t.latin
                    && t.letters() >= 2
                    && t.capitalized()
                    && self.listed(t.text)
                    && self.stop(t.text).is_none()
            })
            .map(|t| {
                let n = Self::norm(t.text);
                let given_only = self.given(t.text) && !self.surname(t.text);
                Mention {
                    start: t.start,
                    end: t.name_end(),
                    given: given_only.then(|| n.clone()),
                    surname: (!given_only).then_some(n),
                    ..Mention::default()
                }
            })
            .collect()
    }

    /// Turns the model's spans (code points) into mentions and typed spans, vetoing person
    /// spans that are only stop-listed words, eponyms used as terms, or lower-case common
    /// words, one word before a medical head (`Kanavel sign`), a month after a time word, a
    /// view name before a side word (`CALDWELL BILAT`) or pieces of an `@`-broken word,
    /// unless a title cue precedes them; and place spans with no word of three letters
    /// (`EI 377`, `bed 11`), of lower-case words alone, or a month after a time word, and
    /// identifier spans that are an OCR misread of a common word (`H0liday`).
    pub(crate) fn model_mentions(
        &self,
        tokens: &[Token<'_>],
        ix: &CharIndex,
        spans: &[ModelSpan],
    ) -> (Vec<Mention>, Vec<Span>) {
        let mut mentions = Vec::new();
        let mut typed = Vec::new();
        let capitalises = capitalises_names(tokens);
        let mut sorted: Vec<&ModelSpan> = spans.iter().filter(|s| s.start < s.end).collect();
        sorted.sort_by_key(|s| s.start);
        // Named place spans in bytes, to tell a building number or postcode next to a street
        // or town from a lone number.
        let places: Vec<(usize, usize)> = sorted
            .iter()
            .filter(|s| s.label == ModelLabel::Location)
            .map(|s| (ix.byte_of(s.start), ix.byte_of(s.end)))
            .filter(|&(a, b)| has_place_name(tokens, a, b))
            .collect();
        // Name words of the text's given-name and surname spans: a one-word place span on
        // one of them is that person's name again ("Xa Yb ... no driving for Xa").
        let name_words: std::collections::HashSet<String> = sorted
            .iter()
            .filter(|s| matches!(s.label, ModelLabel::GivenName | ModelLabel::Surname))
            .flat_map(|s| within(tokens, ix.byte_of(s.start), ix.byte_of(s.end)))
            .filter(|t| t.is_word() && t.letters() >= 2)
            .map(|t| Self::norm(t.text))
            .collect();
        // Group adjacent given/surname spans (only spaces, dots or commas between).
        let mut groups: Vec<Vec<(usize, usize, ModelLabel)>> = Vec::new();
        // Whether each group is only weak words (see `PERSON_THRESHOLD`).
        let mut weak: Vec<bool> = Vec::new();
        for s in sorted {
            let (a, b) = (ix.byte_of(s.start), ix.byte_of(s.end));
            match s.label {
                ModelLabel::GivenName | ModelLabel::Surname => {
                    let joined = groups.last_mut().and_then(|g| {
                        let last_end = g.last().map(|x| x.1)?;
                        let group_start = g.first().map(|x| x.0)?;
                        // A name stays on one line, in one field and in one sentence.
                        let gap = within(tokens, last_end, a);
                        let gap_ok = a >= last_end
                            && gap.iter().all(|t| t.is_punct('.') || t.is_punct(','))
                            && !within(tokens, a, b).first().is_some_and(|t| t.break_before)
                            && !(gap.iter().any(|t| t.is_punct('.'))
                                && sentence_dot_after(tokens, last_end))
                            && !(gap.iter().any(|t| t.is_punct(','))
                                && list_comma(tokens, group_start, b));
                        gap_ok.then_some(g)
                    });
                    let is_weak = s.score < crate::model::TYPE_THRESHOLD;
                    match joined {
                        Some(g) => {
                            g.push((a, b, s.label));
                            if let Some(w) = weak.last_mut() {
                                *w &= is_weak;
                            }
                        }
                        None => {
                            groups.push(vec![(a, b, s.label)]);
                            weak.push(is_weak);
                        }
                    }
                }
                ModelLabel::Location | ModelLabel::Id => {
                    // "His neighbour Xa Yb drove him in": a place run over a relation noun,
                    // a name and a verb is that person.
                    if let Some((pa, pb)) = (s.label == ModelLabel::Location)
                        .then(|| related_person(tokens, a, b))
                        .flatten()
                    {
                        groups.push(vec![(pa, pb, ModelLabel::GivenName)]);
                        weak.push(false);
                        continue;
                    }
                    let words: Vec<&Token<'_>> =
                        tokens.iter().filter(|t| t.start < b && a < t.end).collect();
                    let has_digit = words.iter().any(|t| t.class == Class::Number);
                    let vetoed = words.iter().filter(|t| t.is_word()).all(|t| {
                        self.stop(t.text).is_some()
                            || (t.shape == Shape::Lower && self.common(t.text))
                    });
                    // A place has a name: a word of three or more letters. Exposure values,
                    // bed numbers and model codes ("EI 259", "104kV", "bed 11") have none.
                    let named = has_place_name(tokens, a, b);
                    // A place name is capitalised or comes with a number; lower-case words
                    // alone ("in the shallows") are a description.
                    let lower_only = words
                        .iter()
                        .filter(|t| t.is_word())
                        .all(|t| t.shape == Shape::Lower);
                    // "in March": a month after a time word is a time.
                    let month = words
                        .iter()
                        .rposition(|t| t.is_word())
                        .and_then(|k| words.get(k))
                        .is_some_and(|t| {
                            let k = tokens.partition_point(|x| x.start < t.start);
                            super::month_after_time_word(tokens, k)
                        });
                    let short = words.iter().filter(|t| t.is_word()).count() <= 2;
                    let named_person = s.label == ModelLabel::Location
                        && words.len() == 1
                        && words.first().is_some_and(|t| {
                            t.is_word()
                                && t.shape == Shape::Title
                                && name_words.contains(&Self::norm(t.text))
                        });
                    if named_person {
                        groups.push(vec![(a, b, ModelLabel::GivenName)]);
                        weak.push(false);
                        continue;
                    }
                    // Kept without a name: a postcode shape (four to six digits) and a number
                    // touching another place ("12 Rue de la Paix, 75002").
                    let postcode = words.len() == 1
                        && words.first().is_some_and(|t| {
                            t.class == Class::Number
                                && (4..=6).contains(&t.text.len())
                                && !super::vetoes::measured_number(tokens, t.end)
                        });
                    let touches = places.iter().any(|&(pa, pb)| {
                        (pb <= a && only_commas_between(tokens, pb, a))
                            || (b <= pa && only_commas_between(tokens, b, pa))
                    });
                    let nameless = !named && !postcode && !touches;
                    if s.label == ModelLabel::Location
                        && (nameless
                            || (lower_only && !has_digit)
                            || (month && short && !has_digit))
                    {
                        continue;
                    }
                    // An OCR misread of a word ("H0liday"): one token that, read with the
                    // look-alike letters for its digits, is a common word.
                    if s.label == ModelLabel::Id && ocr_word(self, &words) {
                        continue;
                    }
                    // Vertebral levels ("L4-L5", "C5/6") look like street numbers to the model.
                    if spinal_level(&words) {
                        continue;
                    }
                    // An eponymous structure or device ("Wharton duct", "a Jackson-Pratt
                    // drain", "Roux-en-Y bypass"): a medical head noun ends or follows it.
                    let last = tokens.partition_point(|t| t.start < b).checked_sub(1);
                    // A head inside the span names a classification: "Tane grade III".
                    let named_term = words
                        .iter()
                        .skip(1)
                        .any(|t| t.is_word() && stoplist::is_medical_head(t.text))
                        || last.is_some_and(|k| head_after(tokens, k));
                    if s.label == ModelLabel::Location && !has_digit && named_term {
                        continue;
                    }
                    // A ward or suite of the hospital named after someone ("on Newton Ward",
                    // "Rowntree Suite"): no place of the person's.
                    let ward = words.last().is_some_and(|t| {
                        t.is_word() && in_list(t.text, &["ward", "suite", "unit", "wing"])
                    }) || last.and_then(|k| tokens.get(k + 1)).is_some_and(|n| {
                        n.is_word()
                            && n.space_before
                            && in_list(n.text, &["ward", "suite", "unit", "wing"])
                    });
                    if s.label == ModelLabel::Location && !has_digit && ward {
                        continue;
                    }
                    if s.label == ModelLabel::Id && has_digit {
                        typed.push(Span {
                            start: a,
                            end: b,
                            kind: EntityKind::Id,
                        });
                    } else if s.label == ModelLabel::Location && (!vetoed || has_digit) {
                        typed.push(Span {
                            start: a,
                            end: b,
                            kind: EntityKind::Location,
                        });
                    }
                }
                _ => {}
            }
        }
        for (g, all_weak) in groups.into_iter().zip(weak) {
            let (Some(first), Some(last)) = (g.first(), g.last()) else {
                continue;
            };
            let (a, b) = (first.0, last.1);
            let a = if capitalises {
                match self.lower_lead(tokens, a, b, all_weak) {
                    Some(a) => a,
                    None => continue,
                }
            } else {
                a
            };
            if numbered_acronym(tokens, a, b) {
                continue;
            }
            let lo = tokens.partition_point(|t| t.end <= a);
            // A span run across a line break or a form's field gap ("Ember Ford\nDate")
            // keeps its words before the break.
            let inside = within(tokens, a, b);
            let cut = inside
                .iter()
                .skip(1)
                .position(|t| t.break_before)
                .map_or(inside.len(), |k| k + 1);
            let idx: Vec<usize> = inside
                .iter()
                .take(cut)
                .enumerate()
                .filter(|(_, t)| t.is_word())
                .map(|(i, _)| lo + i)
                .collect();
            let b = match idx.last().and_then(|&i| tokens.get(i)) {
                Some(t) if cut < inside.len() => t.end.min(b),
                _ => b,
            };
            // "Dr Okafor re bloods": the model can run a capitalised name into the lower-case
            // word after it; a capitalised name never ends in a short or common lower-case
            // word, so such words are cut off the end of the span.
            let (mut idx, mut b) = (idx, b);
            if idx
                .first()
                .and_then(|&i| tokens.get(i))
                .is_some_and(|t| t.shape != Shape::Lower)
            {
                while idx.len() > 1 {
                    let Some(t) = idx.last().and_then(|&i| tokens.get(i)) else {
                        break;
                    };
                    // A medical head stays: it makes the span a term ("Warthin tumor").
                    if t.shape != Shape::Lower
                        || (t.letters() >= 3 && !self.common(t.text))
                        || stoplist::is_medical_head(t.text)
                    {
                        break;
                    }
                    idx.pop();
                    b = idx.last().and_then(|&i| tokens.get(i)).map_or(b, |t| t.end);
                }
            }
            let Some(&first_tok) = idx.first() else {
                continue;
            };
            let after_title = first_tok >= 1
                && [first_tok - 1, first_tok.wrapping_sub(2)].iter().any(|&p| {
                    tokens
                        .get(p)
                        .is_some_and(|t| t.is_word() && in_list(t.text, TITLES) && t.capitalized())
                });
            // A given name that is also a common word, opening a sentence before a
            // lower-case word that does not go on a person ("Brook no delay", "Carol
            // service at four", "Frank haematuria settled", "Grace period"): the word.
            let word_opener = !after_title
                && tokens.get(first_tok).is_some_and(|t| {
                    t.sentence_start
                        && t.shape == Shape::Title
                        && t.name_end() == t.end
                        && self.common(t.text)
                })
                && idx
                    .iter()
                    .skip(1)
                    .all(|&i| tokens.get(i).is_some_and(|t| t.shape == Shape::Lower))
                && tokens.get(first_tok + 1).is_some_and(|n| {
                    n.is_word()
                        && n.space_before
                        && n.shape == Shape::Lower
                        && !super::context::goes_on_a_person(n.text)
                });
            // "Farewell to Dr Xa", "Thanks to Mrs Yb": a word of farewell, welcome or
            // thanks opening a sentence before `to` and a title greets the person the title
            // names.
            let dedication = !after_title
                && idx.len() == 1
                && tokens.get(first_tok).is_some_and(|t| {
                    t.sentence_start && t.shape == Shape::Title && in_list(t.text, DEDICATIONS)
                })
                && tokens
                    .get(first_tok + 1)
                    .is_some_and(|w| w.is_word() && w.space_before && w.text == "to")
                && tokens
                    .get(first_tok + 2)
                    .is_some_and(|w| w.is_word() && w.space_before && super::is_title(w.text));
            if word_opener || dedication {
                continue;
            }
            // "your fridge box", "the homecare driver": a lower-case word right after a
            // determiner or a possessive is a noun; a lower-case name takes none.
            let after_determiner = first_tok >= 1
                && tokens
                    .get(first_tok)
                    .is_some_and(|t| t.shape == Shape::Lower)
                && tokens.get(first_tok - 1).is_some_and(|d| {
                    d.is_word()
                        && !d.break_before
                        && in_list(d.text, &["the", "a", "an", "your", "my", "our", "their"])
                });
            // "from the Xa turn-off", "past the Xa Yb roundabout": a capitalised name
            // between `the` and a road or landmark noun names the place.
            let last_idx = idx.last().copied().unwrap_or(first_tok);
            let place_feature = !after_title
                && first_tok >= 1
                && tokens
                    .get(first_tok - 1)
                    .is_some_and(|d| d.is_word() && d.text.eq_ignore_ascii_case("the"))
                && tokens.get(last_idx + 1).is_some_and(|n| {
                    n.is_word()
                        && n.space_before
                        && n.shape == Shape::Lower
                        && in_list(n.text, super::vetoes::PLACE_FEATURES)
                });
            // "Other shelves: Xa, Yb, Zc cold sore cream": an item of a list of products or
            // foods.
            let product = self.in_product_list(tokens, first_tok, last_idx);
            if after_determiner || place_feature || product || defined_term(tokens, last_idx) {
                continue;
            }
            let all_vetoed = idx.iter().all(|&i| {
                tokens.get(i).is_none_or(|t| {
                    self.hard_stop(t.text)
                        || self.eponym_as_term(tokens, i)
                        || (!after_title && self.coordinated_eponym(tokens, i))
                        || (t.shape == Shape::Lower && self.common(t.text))
                        || self.common_compound_word(t)
                        || (t.latin && t.letters() < 2)
                        || roman_numeral(t.text)
                })
            });
            // "daughter rang": a lower-case word after a kinship noun names a relative only
            // when it is a given name.
            if (all_vetoed && !after_title)
                || (idx.len() == 1 && self.lower_non_given_after_kin(tokens, first_tok))
            {
                continue;
            }
            // One capitalised word before a medical head noun is an eponym ("Levine sign"),
            // as for the single-word rule, unless it owns a device ("Saleh's drain") or a
            // title precedes it.
            let last_tok = idx.last().copied().unwrap_or(first_tok);
            if idx.len() == 1
                && !after_title
                && (head_after(tokens, first_tok) || self.head_after_noun(tokens, first_tok))
                && !super::context::owns_device(tokens, first_tok)
            {
                continue;
            }
            // So are two capitalised words of one line before one ("an Argyll Tane pupil",
            // "a Tane Whaanga splint"): a double eponym.
            // With a particle between ("a Tane de Whaanga features"), three words.
            let particle_inside = idx.len() == 3
                && idx
                    .get(1)
                    .and_then(|&i| tokens.get(i))
                    .is_some_and(|t| t.shape == Shape::Lower && super::is_particle(t.text));
            if (idx.len() == 2 || particle_inside)
                && !after_title
                && idx.iter().enumerate().all(|(j, &i)| {
                    tokens.get(i).is_some_and(|t| {
                        (t.shape == Shape::Title || (particle_inside && j == 1)) && !t.upper_line
                    })
                })
                && idx.windows(2).all(|w| matches!(w, [x, y] if y == &(x + 1)))
                && head_after(tokens, last_tok)
                && !super::context::owns_device(tokens, last_tok)
            {
                continue;
            }
            // A month after a time word is a time ("in March"); an upper-case word before a
            // side or projection word names a radiographic view ("CALDWELL LEFT").
            let month = idx.len() <= 2 && super::month_after_time_word(tokens, last_tok);
            if !after_title && (month || (idx.len() == 1 && view_label(tokens, first_tok))) {
                continue;
            }
            // Pieces of one word broken by an OCR symbol ("satisf@ctory"): a span glued to
            // an `@` is no name (e-mail addresses are recognised before the model).
            let glued = |k: Option<usize>| {
                k.and_then(|k| tokens.get(k))
                    .is_some_and(|t| t.is_punct('@'))
            };
            let at_after = glued(Some(last_tok + 1))
                && tokens.get(last_tok + 1).is_some_and(|t| !t.space_before);
            let at_before = glued(first_tok.checked_sub(1))
                && tokens.get(first_tok).is_some_and(|t| !t.space_before);
            if at_after || at_before {
                continue;
            }
            // Names of scales and classifications: the span ends in a medical head noun
            // ("Glasgow Coma Scale"), or a hyphenated pair is followed by one
            // ("Salter-Harris type II", "Legg-Calve-Perthes disease").
            let ends_in_head = tokens
                .get(last_tok)
                .is_some_and(|t| stoplist::is_medical_head(t.text));
            // The hyphenated compound the span belongs to (the model may tag its halves
            // separately): extend over "-word" on both sides.
            let (mut lo_c, mut hi_c) = (first_tok, last_tok);
            while lo_c >= 2
                && tokens.get(lo_c - 1).is_some_and(|t| t.is_punct('-'))
                && tokens.get(lo_c - 2).is_some_and(Token::is_word)
            {
                lo_c -= 2;
            }
            while tokens.get(hi_c + 1).is_some_and(|t| t.is_punct('-'))
                && tokens.get(hi_c + 2).is_some_and(Token::is_word)
            {
                hi_c += 2;
            }
            let hyphenated = lo_c < first_tok
                || hi_c > last_tok
                || within(tokens, a, b)
                    .iter()
                    .any(|t| t.is_punct('-') || (t.is_word() && t.text.contains('-')));
            // A hyphenated pair may name a score of a body part ("Fugl-Meyer upper limb
            // score"): up to two lower-case words before the head noun.
            let head_soon = (0..=2).any(|skip| {
                (1..=skip).all(|d| {
                    tokens
                        .get(hi_c + d)
                        .is_some_and(|w| w.is_word() && w.shape == Shape::Lower)
                }) && head_after(tokens, hi_c + skip)
            });
            // A pair-only head right after the compound ("Xa-Yb reaction").
            let pair_head = tokens
                .get(hi_c + 1)
                .is_some_and(|n| n.is_word() && n.space_before && stoplist::is_pair_head(n.text));
            if !after_title && (ends_in_head || (hyphenated && (head_soon || pair_head))) {
                continue;
            }
            let mut m = Mention {
                start: tokens.get(first_tok).map_or(a, |t| t.start.min(a)),
                end: b,
                ..Mention::default()
            };
            if let Some(t) = idx.last().and_then(|&i| tokens.get(i)) {
                m.end = m.end.max(t.name_end()).min(t.name_end().max(b));
            }
            // A lower-case name the model tagged in part ("pls ask babajide ndlovu to"):
            // the next lower-case word on its line belongs to it when it is no word of the
            // language.
            let mut tail: Option<String> = None;
            if let (Some(t), Some(n)) = (tokens.get(last_tok), tokens.get(last_tok + 1)) {
                if t.shape == Shape::Lower
                    && t.latin
                    && n.is_word()
                    && n.latin
                    && n.space_before
                    && !n.break_before
                    && n.shape == Shape::Lower
                    && n.letters() >= 3
                    && !self.common(n.text)
                    && self.stop(n.text).is_none()
                    && !in_list(n.text, super::FIELD_WORDS)
                    && !in_list(n.text, super::RELATIVE_VERBS)
                {
                    m.end = m.end.max(n.name_end());
                    tail = Some(Self::norm(n.text));
                }
            }
            for &(sa, sb, label) in &g {
                if sa >= b || sb <= a {
                    continue;
                }
                let words: Vec<String> = within(tokens, sa.max(a), sb.min(b))
                    .iter()
                    .filter(|t| t.is_word())
                    .map(|t| Self::norm(t.text))
                    .collect();
                // A given-name span of several words ("Valentina Rojas") starts with the
                // given name; a surname span ends with the surname; the other words are
                // extra name words.
                let mut words = words.into_iter();
                let w = match label {
                    ModelLabel::GivenName => words.next(),
                    _ => words.next_back(),
                };
                let Some(w) = w else {
                    continue;
                };
                m.extra.extend(words);
                match label {
                    ModelLabel::GivenName if m.given.is_none() => m.given = Some(w),
                    ModelLabel::Surname if m.surname.is_none() => m.surname = Some(w),
                    _ => m.extra.push(w),
                }
            }
            if let Some(w) = tail {
                if m.surname.is_none() {
                    m.surname = Some(w);
                } else {
                    m.extra.push(w);
                }
            }
            if idx.iter().any(|&i| tokens.get(i).is_some_and(|t| !t.latin)) {
                m.other = tokens
                    .get(first_tok)
                    .and_then(|t| (!t.latin).then(|| t.text.to_owned()));
            }
            mentions.push(m);
        }
        self.mark_initials(tokens, &mut mentions);
        (mentions, typed)
    }

    /// Words in an already-sanitized text that still look like names (see
    /// [`crate::Sanitizer::residual_name_candidates`]).
    pub(crate) fn residual(&self, text: &str, tokens: &[Token<'_>], latin_text: bool) -> usize {
        let mut count = 0usize;
        let mut carets = Vec::new();
        caret_names(text, &mut carets);
        count += carets.len();
        for (i, t) in tokens.iter().enumerate() {
            if !(t.is_word() && t.latin && t.letters() >= 2 && t.capitalized()) {
                continue;
            }
            // Our own tags: PERSON_3, [DATE].
            if t.text == "PERSON" && tokens.get(i + 1).is_some_and(|n| n.is_punct('_')) {
                continue;
            }
            if i > 0 && tokens.get(i - 1).is_some_and(|p| p.is_punct('[')) {
                continue;
            }
            if carets.iter().any(|m| m.start <= t.start && t.end <= m.end) {
                continue;
            }
            if self.listed(t.text) && self.stop(t.text).is_none() && !self.common(t.text) {
                count += 1;
            }
        }
        if latin_text {
            let mut others = Vec::new();
            other_scripts(tokens, &mut others);
            count += others.len();
        }
        count
    }
}

/// Short forms of given names and titles written with a dot inside a name ("Mohd. Ali",
/// "Wm. Hale", "Ma. Luisa").
const NAME_ABBREVIATIONS: &[&str] = &[
    "mohd", "muhd", "md", "wm", "ma", "jas", "jno", "chas", "thos", "geo", "st", "jr", "sr",
];

/// The word ending at byte `end` is a whole word, not an initial, a title or a short form
/// of a name ([`NAME_ABBREVIATIONS`]): a dot after it ends a sentence ("In the pool: XA
/// and YB. Xa needed the hoist"), where an initial's dot does not ("J. Xa").
fn sentence_dot_after(tokens: &[Token<'_>], end: usize) -> bool {
    let k = tokens.partition_point(|t| t.end < end);
    tokens.get(k).is_some_and(|w| {
        w.end == end
            && w.is_word()
            && w.letters() >= 2
            && !in_list(w.text, TITLES)
            && !in_list(w.text, NAME_ABBREVIATIONS)
            && !degree_title(w.text)
    })
}

/// A short academic title written with its inner capitals (`MUDr`, `PhDr`, `JUDr`): an
/// upper-case letter then a final lower-case one, five letters at most. Its dot abbreviates.
fn degree_title(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    letters.len() <= 5
        && letters.iter().all(|c| c.is_alphabetic())
        && letters.first().is_some_and(|c| c.is_uppercase())
        && matches!(letters.as_slice(), [.., x, y] if x.is_uppercase() && y.is_lowercase())
}

/// Word `i` is an upper-case word right before an upper-case side or projection word.
fn view_label(tokens: &[Token<'_>], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.shape == Shape::Upper)
        && tokens.get(i + 1).is_some_and(|n| {
            n.is_word() && n.shape == Shape::Upper && n.space_before && in_list(n.text, VIEW_SIDES)
        })
}

/// Bytes `a..b` hold a word of three or more letters that is not a unit glued to a number
/// ("58.2mAs"): a place's name.
fn has_place_name(tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    let inside = within(tokens, a, b);
    let lo = tokens.partition_point(|t| t.end <= a);
    inside.iter().enumerate().any(|(k, t)| {
        t.is_word()
            && t.start >= a
            && t.end <= b
            && t.letters() >= 3
            && (t.space_before
                || (lo + k)
                    .checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_none_or(|p| p.class != Class::Number))
    })
}

/// Only spaces and commas lie between bytes `from` and `to`, and no new line or sentence
/// starts at `to`.
/// A comma between two model name spans, the group before it starting at byte
/// `group_start` and the span after it ending at byte `end`, is a list's: a comma stands
/// before the group, or a comma, `and` or `or` goes on after the span ("Xa, Yb, Zc",
/// "Xa, Yb and Zc"). A `Surname, Given` pair stands alone, or shows by its case: an
/// upper-case family name before a title-case given name ("XA, Yb, DDD pacing") is no list.
fn list_comma(tokens: &[Token<'_>], group_start: usize, end: usize) -> bool {
    let first = tokens.partition_point(|t| t.start < group_start);
    let next = tokens.partition_point(|t| t.start < end);
    let inverted = tokens
        .get(first)
        .is_some_and(|t| t.is_word() && t.shape == Shape::Upper && t.letters() >= 2)
        && next
            .checked_sub(1)
            .and_then(|k| tokens.get(k))
            .is_some_and(|t| t.is_word() && t.shape == Shape::Title);
    if inverted {
        return false;
    }
    let comma_before = first
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.is_punct(',') && !t.break_before);
    let goes_on = tokens.get(next).is_some_and(|t| {
        !t.break_before && (t.is_punct(',') || (t.is_word() && in_list(t.text, &["and", "or"])))
    });
    comma_before || goes_on
}

fn only_commas_between(tokens: &[Token<'_>], from: usize, to: usize) -> bool {
    let next = tokens.partition_point(|t| t.start < to);
    within(tokens, from, to).iter().all(|t| t.is_punct(','))
        && !tokens.get(next).is_some_and(|t| t.sentence_start)
}

/// True when `words` are one word with digits that, read with the letters OCR confuses
/// them with (0 o, 1 l, 3 e, 5 s, 8 b), is a common word: "H0liday", "c0ntrast".
fn ocr_word(rules: &NameRules<'_>, words: &[&Token<'_>]) -> bool {
    // The tokens must touch: one word on the page.
    if words.iter().skip(1).any(|t| t.space_before) {
        return false;
    }
    let mut read = String::new();
    let mut letters = 0usize;
    for t in words {
        for c in t.text.chars() {
            let c = match c {
                '0' => 'o',
                '1' => 'l',
                '3' => 'e',
                '5' => 's',
                '8' => 'b',
                c if c.is_alphabetic() => {
                    letters += 1;
                    c
                }
                _ => return false,
            };
            read.push(c);
        }
    }
    letters >= 3 && rules.common(&read)
}

/// True when `words` spell a vertebral level or range: `L4`, `L4-L5`, `L5-S1`, `C5/6`,
/// `T12-L1` (each part a C/T/L/S letter with 1-2 digits, or a bare 1-2 digit number after
/// the first part, joined by `-`, `–` or `/`).
fn spinal_level(words: &[&Token<'_>]) -> bool {
    let text: String = words.iter().map(|t| t.text).collect();
    let mut parts = text.split(['-', '–', '/']);
    let level = |p: &str, first: bool| {
        let mut chars = p.chars();
        let digits: &str = match chars.next() {
            Some('C' | 'T' | 'L' | 'S') => chars.as_str(),
            Some(c) if c.is_ascii_digit() && !first => p,
            _ => return false,
        };
        (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
    };
    parts.next().is_some_and(|p| level(p, true)) && parts.all(|p| level(p, false))
}

impl NameRules<'_> {
    /// Word `i` comes before a lower-case common noun and then a head noun ("Rampley sponge
    /// holders", "Frankl behaviour rating"): the name of an instrument
    /// or a scale. The word owns no device (a possessive before a device head), the noun
    /// between is no verb form (`-ed`, `-s`, an agent verb); the three words are on one
    /// line.
    fn head_after_noun(&self, tokens: &[Token<'_>], i: usize) -> bool {
        let (Some(t), Some(n), Some(h)) = (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
        else {
            return false;
        };
        // A possessive owns a device that follows: "Tane's drug chart" (but "Tane's blue
        // dye" is a term).
        let owner = t.name_end() != t.end && stoplist::is_device_head(h.text);
        let modifier = !owner
            && n.is_word()
            && n.latin
            && n.space_before
            && !n.break_before
            && n.shape == Shape::Lower
            && n.letters() >= 4
            && !n.text.ends_with("ed")
            && !n.text.ends_with('s')
            && self.common(n.text)
            && !super::agent_verb(n.text)
            && !in_list(n.text, super::RELATIVE_VERBS);
        modifier
            && h.is_word()
            && h.space_before
            && !h.break_before
            && h.shape == Shape::Lower
            && stoplist::is_medical_head(h.text)
    }

    /// Word `i` is an eponym coordinated with another eponym ("Xa (open) or
    /// Yb (closed)", "the Xa and Yb procedures", "Xa, Yb"): a list of operations or signs
    /// is a list of terms. A short bracketed gloss may stand after either item.
    fn coordinated_eponym(&self, tokens: &[Token<'_>], i: usize) -> bool {
        if tokens
            .get(i)
            .is_none_or(|t| self.stop(t.text) != Some(stoplist::StopKind::Eponym))
        {
            return false;
        }
        let joiner = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                t.is_punct(',') || (t.is_word() && in_list(t.text, &["and", "or", "vs", "versus"]))
            })
        };
        let stop_at = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                t.is_word()
                    && t.shape != Shape::Lower
                    && self.stop(t.text) == Some(stoplist::StopKind::Eponym)
            })
        };
        // A bracketed gloss of up to four tokens starting at `k` ("(" .. ")"): the index
        // after its closing bracket.
        let skip_gloss = |k: usize| -> usize {
            if !tokens.get(k).is_some_and(|t| t.is_punct('(')) {
                return k;
            }
            (k + 1..k + 6)
                .find(|&j| tokens.get(j).is_some_and(|t| t.is_punct(')')))
                .map_or(k, |j| j + 1)
        };
        // Forward: [gloss] joiner item.
        let f = skip_gloss(i + 1);
        if joiner(f) && stop_at(f + 1) {
            return true;
        }
        // Backward: item [gloss] joiner.
        let Some(j) = i.checked_sub(1).filter(|&j| joiner(j)) else {
            return false;
        };
        let Some(mut k) = j.checked_sub(1) else {
            return false;
        };
        if tokens.get(k).is_some_and(|t| t.is_punct(')')) {
            match (k.saturating_sub(5)..k)
                .rev()
                .find(|&o| tokens.get(o).is_some_and(|t| t.is_punct('(')))
                .and_then(|o| o.checked_sub(1))
            {
                Some(o) => k = o,
                None => return false,
            }
        }
        stop_at(k)
    }

    /// A lower-case word of two or more hyphenated parts, each a common word
    /// ("tell-show-do", "wait-and-see"): a phrase, not a name.
    fn common_compound_word(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.shape == Shape::Lower
            && t.text.contains('-')
            && t.text.split('-').all(|p| !p.is_empty() && self.common(p))
    }
}

/// Word `i` ends a term the text goes on to define: "Xa is the Malay word for ...",
/// "Xa, the custom of ...", "Xa means a ...". Within five tokens after it: `is`/`means`
/// or a comma, then `the`/`a`, a defining noun (`word`, `term`, `custom` ...) and `for`
/// or `of`.
fn defined_term(tokens: &[Token<'_>], i: usize) -> bool {
    const NOUNS: &[&str] = &[
        "word",
        "term",
        "name",
        "expression",
        "custom",
        "tradition",
        "practice",
        "phrase",
    ];
    let word = |k: usize, list: &[&str]| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && !t.break_before && in_list(t.text, list))
    };
    let opener = tokens
        .get(i + 1)
        .is_some_and(|t| t.is_punct(',') || (t.is_word() && in_list(t.text, &["is", "means"])));
    if !opener || !word(i + 2, &["the", "a", "an"]) {
        return false;
    }
    (i + 3..i + 6).any(|k| word(k, NOUNS) && word(k + 1, &["for", "of"]))
}

/// Whether the model's place span `start..end` is one capitalised word that is a name word
/// of a person `found` in the same text ("Name: YB^XA … Xa given avoidance leaflets",
/// "… to Xa Yb-Zc. Xa returned it"): that person again, unless a place preposition stands
/// right before it ("moved to Xa").
pub(crate) fn place_is_found_name(
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    found: &[&Mention],
) -> bool {
    let inside = within(tokens, start, end);
    let [w] = inside else { return false };
    let k = tokens.partition_point(|t| t.start < w.start);
    let placed = k
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| p.is_word() && in_list(p.text, PLACE_CUES));
    let n = NameRules::norm(w.text);
    w.is_word()
        && w.latin
        && w.letters() >= 3
        && matches!(w.shape, Shape::Title | Shape::Upper)
        && !placed
        && found.iter().any(|m| {
            m.given.as_deref() == Some(n.as_str())
                || m.surname.as_deref() == Some(n.as_str())
                || m.extra.contains(&n)
        })
}

/// Words that open a farewell, a welcome or thanks to someone ("Farewell to Dr Xa").
const DEDICATIONS: &[&str] = &[
    "farewell",
    "goodbye",
    "welcome",
    "thanks",
    "congratulations",
    "congrats",
    "cheers",
    "tribute",
    "gratitude",
    "apologies",
];

/// Prepositions that make the capitalised word after them a place.
const PLACE_CUES: &[&str] = &["in", "at", "from", "near", "via", "to", "towards", "into"];

/// An upper-case Roman numeral ("II", "IV"): a grade or class after a scale's name
/// ("NYHA II"), never a name of its own.
fn roman_numeral(word: &str) -> bool {
    (1..=4).contains(&word.len()) && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Relations and companions that stand before a person's name, besides kinship words
/// (`super::words::KIN_CUES`).
const COMPANIONS: &[&str] = &[
    "neighbour",
    "neighbor",
    "friend",
    "flatmate",
    "roommate",
    "housemate",
    "lodger",
    "colleague",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancé",
    "fiancée",
    "carer",
    "stepson",
    "stepdaughter",
];

/// The capitalised run of bytes `a..b` when they open with a lower-case relation noun
/// (`neighbour Xa Yb drove`, `son Xa`): the person the relation names. Only name-shaped
/// words follow the noun, up to a lower-case word or the end.
fn related_person(tokens: &[Token<'_>], a: usize, b: usize) -> Option<(usize, usize)> {
    let inside = within(tokens, a, b);
    let (lead, rest) = inside.split_first()?;
    let relation = lead.is_word()
        && lead.shape == Shape::Lower
        && (in_list(lead.text, COMPANIONS) || in_list(lead.text, super::words::KIN_CUES));
    if !relation {
        return None;
    }
    let run: Vec<&Token<'_>> = rest
        .iter()
        .take_while(|t| t.is_word() && !t.break_before && t.shape == Shape::Title)
        .collect();
    let (first, last) = (run.first()?, run.last()?);
    let tail_lower = rest
        .get(run.len()..)
        .unwrap_or_default()
        .iter()
        .all(|t| t.is_word() && t.shape == Shape::Lower);
    tail_lower.then_some((first.start, last.end))
}

/// Whether the text writes names capitalised: it holds a capitalised word (`Xa`) that
/// does not open a sentence or a line. A text typed all in lower case (a chat) does not.
fn capitalises_names(tokens: &[Token<'_>]) -> bool {
    tokens
        .iter()
        .any(|t| t.is_word() && t.shape == Shape::Title && !t.sentence_start && !t.line_start)
}

impl NameRules<'_> {
    /// Where a person group of the model at bytes `a..b` starts once its lower-case lead is
    /// cut, in a text that capitalises names (`None`: no name is left). Lower-case words
    /// (no particle) before its first capitalised word are a verb, a relation or a role
    /// (`rang son Xa`, `her flatmate Xa`, `anaes Xa Yb`), unless a title stands before
    /// them (`Mrs do Xa`). A group of lower-case words
    /// alone is no name when it opens with a determiner (`the runner`), or when the model
    /// only half believed it (weak, see `PERSON_THRESHOLD` in `model/spans.rs`) and its
    /// words are words of the language or stand in a lower-case phrase (`to chase`, `wasp
    /// sting`).
    fn lower_lead(&self, tokens: &[Token<'_>], a: usize, b: usize, weak: bool) -> Option<usize> {
        let words: Vec<&Token<'_>> = within(tokens, a, b)
            .iter()
            .filter(|t| t.is_word())
            .collect();
        let lower = |t: &Token<'_>| t.shape == Shape::Lower;
        match words.iter().position(|t| !lower(t)) {
            Some(k) => {
                let lead = words.get(..k).unwrap_or_default();
                // After a title the lead is a particle, listed or not (`Mrs do Xa`).
                let i = tokens.partition_point(|t| t.end <= a);
                let titled = (1..=2).any(|d| {
                    i.checked_sub(d)
                        .and_then(|p| tokens.get(p))
                        .is_some_and(|t| t.is_word() && in_list(t.text, TITLES))
                });
                if titled || lead.iter().any(|t| super::is_particle(t.text)) {
                    return Some(a);
                }
                words.get(k).map(|t| t.start.max(a))
            }
            None => {
                let determiner = words.first().is_some_and(|t| in_list(t.text, DETERMINERS));
                let i = tokens.partition_point(|t| t.end <= a);
                let j = tokens.partition_point(|t| t.start < b);
                let lower_at = |k: Option<usize>, next: bool| {
                    k.and_then(|k| tokens.get(k)).is_some_and(|t| {
                        t.is_word() && lower(t) && !t.break_before && (!next || t.space_before)
                    })
                };
                // In a phrase: an infinitive (`to chase`) or a noun before a noun (`wasp
                // sting`).
                let in_phrase = lower_at(Some(j), true)
                    || i.checked_sub(1)
                        .and_then(|p| tokens.get(p))
                        .is_some_and(|t| t.is_word() && t.text == "to");
                let known = weak
                    && (in_phrase
                        || words
                            .iter()
                            .all(|t| self.common(t.text) || self.stop(t.text).is_some()))
                    && !words.iter().any(|t| stoplist::is_medical_head(t.text));
                (!determiner && !known).then_some(a)
            }
        }
    }
}

/// Words that open a noun phrase, never a name.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "my", "his", "her", "their", "our", "your",
];

/// Bytes `a..b` hold one upper-case acronym joined by a hyphen to a number or a Roman
/// numeral (`ACE-III`, `PHQ-9`, `DSM-5`): the name of a test, a scale or an edition.
fn numbered_acronym(tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    let inside = within(tokens, a, b);
    let text: String = inside.iter().map(|t| t.text).collect();
    let glued = inside
        .windows(2)
        .all(|w| matches!(w, [x, y] if x.end == y.start));
    let Some((head, tail)) = text.split_once('-') else {
        return false;
    };
    glued
        && head.chars().count() >= 2
        && head.chars().all(|c| c.is_ascii_uppercase())
        && !tail.is_empty()
        && (tail.chars().all(|c| c.is_ascii_digit())
            || tail.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

#[cfg(test)]
mod tests {
    use super::sentence_dot_after;
    use crate::token::tokenize;

    fn dot_ends_sentence(text: &str) -> bool {
        let end = text.find('.').unwrap_or(0);
        sentence_dot_after(&tokenize(text), end)
    }

    #[test]
    fn a_dot_after_a_whole_word_ends_a_sentence() {
        assert!(dot_ends_sentence(
            "In the pool: QUORR and VELIK. Velik needed the hoist"
        ));
        assert!(dot_ends_sentence(
            "Booked: Tane Velik. Quorr prefers a female interpreter"
        ));
        assert!(!dot_ends_sentence("Seen by J. Velik today"));
        assert!(!dot_ends_sentence("Seen by Dr. Velik today"));
        assert!(!dot_ends_sentence("Seen by Mohd. Velik today"));
    }
}
