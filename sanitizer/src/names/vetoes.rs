//! Where a capitalised word that could be a name is not one: wards and units named after
//! people, classification values, common and eponym compounds, prefixed terms, drug lists,
//! doses, and DICOM keys and tag names.

use super::*;

/// Nouns after which a single capitalised word names a place, not a person: wards and
/// units are named after people ("Nightingale ward", "Darwin unit").
const WARD_NOUNS: &[&str] = &["ward", "unit", "wing", "suite"];

/// Road and landmark nouns after a place's name ("the Xa turn-off").
pub(crate) const PLACE_FEATURES: &[&str] = &[
    "turn-off",
    "turnoff",
    "junction",
    "roundabout",
    "crossroads",
    "flyover",
    "bypass",
    "lay-by",
    "layby",
    "exit",
    "slip-road",
    "crossing",
    "interchange",
];

/// Prepositions (and the article) before a place: "on Newton Ward", "to Baird Unit",
/// "within Baird Unit", "a sign for the Baird Unit".
const PLACE_PREPOSITIONS: &[&str] = &["on", "to", "in", "from", "at", "within", "into", "the"];

/// The mention `start..end` is one word naming a ward or unit ("Nightingale ward", "Bevan
/// ward, bed 6", "on Newton Ward"), not a person: no title or possessive, and no `round`
/// after ("Smith ward round" is a person's). The ward noun may be inside the mention
/// ("baird ward" tagged whole) and capitalised after a place preposition ("Sister on
/// Wilberforce Ward"). After a place preposition the ward may bear a namesake's given name
/// and surname ("Returned to Tanvo Varlo Ward").
pub(crate) fn ward_name(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let first = tokens.partition_point(|t| t.start < start);
    let Some(t) = tokens.get(first) else {
        return false;
    };
    // The mention's last word: the first, or up to two words on.
    let Some(last) = (first..first + 3).find(|&k| tokens.get(k).is_some_and(|w| w.end == end))
    else {
        return false;
    };
    let noun_inside = last > first
        && tokens
            .get(last)
            .is_some_and(|w| w.is_word() && in_list(w.text, WARD_NOUNS));
    // The ward noun: right after the mention, or its last word; or after one more
    // capitalised word when the mention took only the namesake's given name ("to Tanvo"
    // in "to Tanvo Varlo Ward").
    let is_noun = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|w| w.is_word() && in_list(w.text, WARD_NOUNS))
    };
    let (noun_at, name_words) = if noun_inside {
        (last, last - first)
    } else if last == first
        && !is_noun(last + 1)
        && is_noun(last + 2)
        && tokens
            .get(last + 1)
            .is_some_and(|w| w.is_word() && w.shape == Shape::Title && w.space_before)
    {
        (last + 2, 2)
    } else {
        (last + 1, last + 1 - first)
    };
    let one_word = name_words == 1 && !noun_inside;
    let Some(n) = tokens.get(noun_at) else {
        return false;
    };
    let before = first.checked_sub(1).and_then(|p| tokens.get(p));
    // A title after a place word is part of the ward's name: "free on Sister Tane Ward".
    let title_then_place = first
        .checked_sub(2)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| p.is_word() && in_list(p.text, &["on", "in", "within"]));
    let titled = before.is_some_and(|p| p.is_word() && in_list(p.text, TITLES));
    let ward_title = titled && title_then_place && n.shape == Shape::Title;
    let title_before = titled && !ward_title;
    let place_before =
        ward_title || before.is_some_and(|p| p.is_word() && in_list(p.text, PLACE_PREPOSITIONS));
    // A capitalised noun without a place word before: the ward's name goes on to a
    // lower-case word or a spaced dash ("Baird Ward full", "'Baird Ward - visiting'"),
    // not to a number, a capitalised word or the end of a sentence ("Amy Baird Ward 5",
    // "Ward Manager", "seen by Amy Ward.").
    let goes_on = tokens.get(noun_at + 1).is_some_and(|r| {
        r.space_before
            && !r.break_before
            && ((r.is_word() && r.shape == Shape::Lower)
                || ['-', '–', '—'].iter().any(|&c| r.is_punct(c)))
    });
    // A heading line naming the ward, then its bed state: "Varlo Ward: 2 beds open".
    // "Linton Suite: pre-op moved": a unit or suite (no surname itself) heads any line.
    let heading = t.line_start
        && name_words == 1
        && tokens.get(noun_at + 1).is_some_and(|c| c.is_punct(':'))
        && tokens.get(noun_at + 2).is_some_and(|r| {
            !r.line_start && (r.class == crate::token::Class::Number || !in_list(n.text, &["ward"]))
        });
    let noun_ok = match n.shape {
        Shape::Lower => true,
        Shape::Title => place_before || heading || (!noun_inside && name_words == 1 && goes_on),
        _ => false,
    };
    let words_ok = match name_words {
        1 => true,
        // "to Tanvo Varlo Ward": two capitalised words after a place preposition.
        2 => {
            place_before
                && (first..first + 2).all(|k| {
                    tokens
                        .get(k)
                        .is_some_and(|w| w.is_word() && w.shape == Shape::Title && w.space_before)
                })
        }
        _ => false,
    };
    t.start == start
        && t.is_word()
        && (t.capitalized() || !one_word)
        && words_ok
        && n.is_word()
        && n.space_before
        && noun_ok
        && in_list(n.text, WARD_NOUNS)
        && !title_before
        && !tokens
            .get(noun_at + 1)
            .is_some_and(|r| r.is_word() && in_list(r.text, &["round", "rounds"]))
}

/// Nouns of a classification whose value may be a single capital or Roman numeral:
/// "type I", "grade C", "stage IV", "class B".
const CLASSIFICATION_NOUNS: &[&str] = &[
    "type", "grade", "stage", "class", "group", "level", "phase", "zone", "category", "tier",
    "pattern", "score", "variant", "subtype",
];

/// The mention starting at `start` begins with the value of a classification that ends a
/// sentence, not an initial: "Mirizzi syndrome, type I. Steri-Strips applied" (the
/// `I.` is not the initial of a person called Steri-Strips).
pub(crate) fn classification_value(tokens: &[Token<'_>], start: usize) -> bool {
    let k = tokens.partition_point(|t| t.start < start);
    let roman = |w: &str| w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    tokens.get(k).is_some_and(|t| {
        t.start == start
            && t.is_word()
            && (t.letters() == 1 || (t.letters() <= 4 && roman(t.text)))
            && t.text.chars().all(char::is_uppercase)
    }) && tokens.get(k + 1).is_some_and(|d| d.is_punct('.'))
        && k.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| {
                (p.is_word() && in_list(p.text, CLASSIFICATION_NOUNS))
                // A unit after a spaced number on the same field: "oxygen at 2 L. Tessaly
                // to review" is litres ("B3  M. Tessaly", "CV-190L. Tessaly" are not).
                || (p.class == crate::token::Class::Number
                    && p.space_before
                    && tokens.get(k).is_some_and(|t| {
                        t.letters() == 1 && t.space_before && !t.break_before
                    }))
            })
}

/// The mention starting at `start` is an anaesthetic physical-status grade, `ASA` and a
/// Roman numeral ("ASA III", "ASA IV"), not a person.
pub(crate) fn asa_grade(tokens: &[Token<'_>], start: usize) -> bool {
    let k = tokens.partition_point(|t| t.start < start);
    let roman = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V'));
    tokens
        .get(k)
        .is_some_and(|t| t.start == start && t.is_word() && t.text == "ASA")
        && tokens
            .get(k + 1)
            .is_some_and(|g| g.is_word() && g.letters() <= 3 && roman(g.text))
}

/// The mention `start..end` is one word compounded with lower-case common words by
/// hyphens, each part a common word ("Ruby-red urine", "Cayenne-pepper spots"), or only
/// the lower-case parts when it opens a sentence: a compound adjective or noun, not a name
/// ("Kuan-yu" mid-sentence, whose first part is no word, stays). A side or level marker
/// before it ("trauma L. Laid-back position") is no initial: the compound still vetoes it.
pub(crate) fn common_compound(
    rules: &NameRules<'_>,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
) -> bool {
    let mut k = tokens.partition_point(|t| t.start < start);
    let marker = tokens
        .get(k)
        .is_some_and(|m| m.start == start && m.is_word() && m.letters() == 1 && m.capitalized())
        && tokens.get(k + 1).is_some_and(|d| d.is_punct('.'))
        && tokens
            .get(k + 2)
            .is_some_and(|w| w.is_word() && w.space_before && w.text.contains('-'));
    if marker {
        k += 2;
    }
    let Some(t) = tokens.get(k) else {
        return false;
    };
    let start = if marker { t.start } else { start };
    let parts: Vec<&str> = t.text.split('-').collect();
    t.start == start
        && t.name_end() >= end
        && t.is_word()
        && parts.len() >= 2
        && parts
            .iter()
            .skip(1)
            .all(|p| p.chars().count() >= 3 && p.chars().all(char::is_lowercase) && rules.common(p))
        && parts.first().is_some_and(|p| {
            p.chars().count() >= 3
                && (rules.common(p)
                    // "Ruby-red", "Peacock-blue": a capitalised word before a lower-case
                    // common word is a compound adjective opening a sentence, whatever the
                    // first word is; a double-barrelled name capitalises both parts.
                    || t.sentence_start)
        })
}

/// Words after a hyphenated eponym that name a diagnosis's status or kind ("X-Y crisis",
/// "X-Y suspected", "X-Y excluded"): said of a condition, not of a person.
const DIAGNOSIS_AFTER: &[&str] = &[
    "suspected",
    "excluded",
    "crisis",
    "likely",
    "unlikely",
    "considered",
    "confirmed",
    "phenomenon",
    "variant",
    "sequence",
    "spectrum",
    "anomaly",
    "screening",
];

/// The mention `start..end` is one word of capitalised parts joined by hyphens that names
/// a condition: three or more parts ("Xa-Yb-Zc", a syndrome of three describers), or two
/// before a diagnosis word ("Xa-Yb crisis", "Xa-Yb excluded"; see [`DIAGNOSIS_AFTER`]);
/// a family-name particle may lead it ("Von Xa-Yb screening").
pub(crate) fn eponym_compound(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let mut k = tokens.partition_point(|t| t.start < start);
    let Some(first) = tokens.get(k) else {
        return false;
    };
    // A family-name particle may lead the compound ("Von Xa-Yb screening").
    let particle_led = first.start == start
        && first.is_word()
        && is_particle(first.text)
        && tokens
            .get(k + 1)
            .is_some_and(|n| n.is_word() && n.space_before && n.text.contains('-'));
    if particle_led {
        k += 1;
    }
    let Some(t) = tokens.get(k) else {
        return false;
    };
    let start = if particle_led { t.start } else { start };
    let parts: Vec<&str> = t.text.split('-').collect();
    let capitalised = parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() >= 2 && p.chars().next().is_some_and(char::is_uppercase));
    let diagnosis = tokens
        .get(k + 1)
        .is_some_and(|n| n.is_word() && n.space_before && in_list(n.text, DIAGNOSIS_AFTER));
    t.start == start
        && t.name_end() >= end
        && t.is_word()
        && capitalised
        && (parts.len() >= 3 || diagnosis || (!particle_led && hedge_before(tokens, k)))
}

/// Words that put a diagnosis in doubt before its name ("query X-Y", "possible X-Y").
const DIAGNOSTIC_HEDGES: &[&str] = &[
    "query",
    "possible",
    "possibly",
    "probable",
    "probably",
    "likely",
    "suspected",
    "presumed",
    "ddx",
];

/// A diagnostic hedge stands right before token `k`: a hedge word ([`DIAGNOSTIC_HEDGES`]),
/// a clinical `?` (spaced from the word before, or glued to the term: "ulcers, ? X-Y",
/// "?X-Y"; a question's own `?` is glued to its last word), or `r/o`, `c/w`.
fn hedge_before(tokens: &[Token<'_>], k: usize) -> bool {
    let Some(p) = k.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    let hedge_word = p.is_word() && in_list(p.text, DIAGNOSTIC_HEDGES);
    let query_mark = p.is_punct('?')
        && (p.space_before
            || p.line_start
            || k < 2
            || tokens.get(k).is_some_and(|t| !t.space_before));
    let slashed = p.is_word()
        && k >= 3
        && (in_list(p.text, &["o"]) || in_list(p.text, &["w"]))
        && tokens.get(k - 2).is_some_and(|s| s.is_punct('/'))
        && tokens.get(k - 3).is_some_and(|r| {
            r.is_word()
                && ((in_list(r.text, &["r"]) && in_list(p.text, &["o"]))
                    || (in_list(r.text, &["c"]) && in_list(p.text, &["w"])))
        });
    hedge_word || query_mark || slashed
}

/// Latin prefixes of position and relation that make a hyphenated capitalised word an
/// adjective of anatomy or treatment ("Sub-Tenon", "Peri-Vater", "Trans-Atlantic").
const TERM_PREFIXES: &[&str] = &[
    "sub", "supra", "infra", "peri", "para", "pre", "post", "intra", "inter", "trans", "retro",
    "extra", "anti", "non", "pan", "pseudo",
];

/// The mention `start..end` starts on a word made of a Latin prefix, a hyphen and a
/// capitalised part ("Sub-Tenon injection", "Peri-Vater lesion"): a term, not a name.
pub(crate) fn prefixed_term(tokens: &[Token<'_>], start: usize) -> bool {
    let k = tokens.partition_point(|t| t.start < start);
    tokens.get(k).is_some_and(|t| {
        t.start == start
            && t.is_word()
            && t.text.split_once('-').is_some_and(|(head, rest)| {
                in_list(head, TERM_PREFIXES) && rest.starts_with(char::is_uppercase)
            })
    })
}

/// The mention `start..end` is the first word of an order given by route ("Nil by mouth",
/// "Nothing by mouth"): the word before `by mouth`, not a person.
pub(crate) fn before_by_mouth(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let k = tokens.partition_point(|t| t.start < start);
    let word = |j: usize, w: &str| {
        tokens
            .get(j)
            .is_some_and(|t| t.is_word() && t.text.eq_ignore_ascii_case(w))
    };
    tokens.get(k).is_some_and(|t| t.end >= end) && word(k + 1, "by") && word(k + 2, "mouth")
}

/// Labels of a list of medicines: "Medication: X, Y", "TTOs: X, Y".
const DRUG_LIST_LABELS: &[&str] = &[
    "medication",
    "medications",
    "medicines",
    "meds",
    "drugs",
    "ttos",
    "tto",
    "ttas",
    "tta",
    "formulary",
    "shelf",
    "shelves",
];

/// Labels of a catalogue of products grouped by kind ("Formulary: Xa and Yb pills; Zc
/// injections"): the list runs on over semicolons to the end of the sentence.
const CATALOGUE_LABELS: &[&str] = &["formulary", "shelf", "shelves"];

/// The mention starting at byte `start` lies in a list of medicines: after a
/// [`DRUG_LIST_LABELS`] label and its `:` opening a sentence or line ("TTOs:"; a catalogue
/// label may end a heading of up to three words: "Contraception formulary:"), before the sentence, clause
/// (`;`, except in a catalogue, see [`CATALOGUE_LABELS`]) or line ends, and with no title
/// right before it. Brand names there are drugs, not people ("TTOs: Xarelto, Ella").
pub(crate) fn in_drug_list(tokens: &[Token<'_>], start: usize) -> bool {
    let first = tokens.partition_point(|t| t.start < start);
    let mut semicolon = false;
    for j in (0..first).rev() {
        let Some(t) = tokens.get(j) else {
            return false;
        };
        let prev = j.checked_sub(1).and_then(|p| tokens.get(p));
        if t.is_punct(':') {
            return prev.is_some_and(|l| {
                l.is_word()
                    && in_list(l.text, DRUG_LIST_LABELS)
                    && (!semicolon || in_list(l.text, CATALOGUE_LABELS))
                    && (l.sentence_start
                        || (in_list(l.text, CATALOGUE_LABELS) && heading_opens(tokens, j - 1)))
            });
        }
        // A full stop, a semicolon, or a new line or sentence not opened by the label's colon.
        // A title before the mention makes it a person's name whatever the list.
        if j + 1 == first && t.is_word() && in_list(t.text, TITLES) {
            return false;
        }
        semicolon |= t.is_punct(';');
        if t.is_punct('.') || (t.sentence_start && !prev.is_some_and(|p| p.is_punct(':'))) {
            return false;
        }
    }
    false
}

/// The label word at `k` ends a heading of up to three words that opens a sentence or
/// line ("TTOs", "Contraception formulary", "Other shelves").
fn heading_opens(tokens: &[Token<'_>], k: usize) -> bool {
    (0..3).any(|back| {
        k.checked_sub(back).is_some_and(|s| {
            tokens
                .get(s)
                .is_some_and(|t| t.sentence_start || t.line_start)
                && tokens
                    .get(s..=k)
                    .is_some_and(|ws| ws.iter().all(Token::is_word))
        })
    })
}

/// Word `i` stands before a medical head noun ("Kallmann syndrome", "a Malecot catheter")
/// with no title one or two words before it and no possessive owning a device ("Saleh's
/// drain"): a model name span of that word alone, or one ending in the head, is vetoed in
/// `NameRules::model_mentions`, so the model has nothing to add for it.
pub(crate) fn vetoed_before_head(tokens: &[Token<'_>], i: usize) -> bool {
    let title = [i.checked_sub(1), i.checked_sub(2)]
        .into_iter()
        .flatten()
        .any(|p| {
            tokens
                .get(p)
                .is_some_and(|t| t.is_word() && in_list(t.text, TITLES))
        });
    head_after(tokens, i) && !context::owns_device(tokens, i) && !title
}

/// Words that measure out a dose of a medicine ("one tablet", "5 mg", "two puffs").
const DOSE_UNITS: &[&str] = &[
    "tablet",
    "tablets",
    "tab",
    "tabs",
    "capsule",
    "capsules",
    "caps",
    "mg",
    "mcg",
    "microgram",
    "micrograms",
    "g",
    "ml",
    "units",
    "unit",
    "puff",
    "puffs",
    "drop",
    "drops",
    "sachet",
    "sachets",
    "patch",
    "patches",
    "injection",
    "injections",
    "pen",
    "vial",
    "vials",
    "iu",
];

/// How often a medicine is taken ("daily", "bd", "nocte").
const DOSE_FREQUENCIES: &[&str] = &[
    "daily",
    "od",
    "bd",
    "bid",
    "tds",
    "tid",
    "qds",
    "qid",
    "nocte",
    "mane",
    "prn",
    "weekly",
    "fortnightly",
    "monthly",
];

/// Number words a dose can start with.
const DOSE_NUMBERS: &[&str] = &["one", "two", "three", "four", "half"];

/// Word `i` is followed by a dose, as a medicine in a list is: a number (digits or a
/// [`DOSE_NUMBERS`] word) and a [`DOSE_UNITS`] word ("Lorviqua one tablet daily",
/// "Ramipril 5 mg"), a [`DOSE_FREQUENCIES`] word ("Forxiga daily") or "as directed".
pub(crate) fn dose_after(tokens: &[Token<'_>], i: usize) -> bool {
    let word_in = |k: usize, list: &[&str]| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.space_before && in_list(t.text, list))
    };
    let number = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.space_before
                && (t.class == crate::token::Class::Number
                    || (t.is_word() && in_list(t.text, DOSE_NUMBERS)))
        })
    };
    (number(i + 1) && word_in(i + 2, DOSE_UNITS))
        || word_in(i + 1, DOSE_FREQUENCIES)
        || (word_in(i + 1, &["as"]) && word_in(i + 2, &["directed"]))
}

/// The value representations of DICOM PS3.5 §6.2, as a dump prints them after a tag:
/// `(0010,0020) LO [H794707]`.
const DICOM_VRS: &[&str] = &[
    "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL",
    "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US",
    "UT", "UV",
];

/// Word `i` is a field's key in a DICOM dump, no name: a value representation right after
/// a tag's `)` (`(0010,0020) LO [H794707]`) or after a gap before `:`, a word of the
/// attribute's name after a tag (`(0010,0010) Patient's Name`), or a CamelCase keyword (`PatientName`,
/// `StudyDate`) right before `=` or `:`, or right after a tag's `)`.
pub(crate) fn dicom_key(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    let after_tag = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| p.is_punct(')'));
    // Or after the attribute's name and a gap, before the value: `Patient's Name   PN: ..`.
    let before_value = t.break_before && tokens.get(i + 1).is_some_and(|n| n.is_punct(':'));
    if (after_tag || before_value) && DICOM_VRS.contains(&t.text) {
        return true;
    }
    let camel = t.text.chars().next().is_some_and(char::is_uppercase)
        && t.text
            .chars()
            .zip(t.text.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
        && t.text.chars().all(char::is_alphabetic);
    let key_mark = tokens
        .get(i + 1)
        .is_some_and(|n| n.is_punct('=') || n.is_punct(':'));
    camel && (after_tag || key_mark) || in_tag_name(tokens, i)
}

/// Word `i` is in the attribute name that follows a DICOM tag on its line, before the
/// value's `:`, `=` or `[`: `(0010,0010) Patient's Name: ...`.
fn in_tag_name(tokens: &[Token<'_>], i: usize) -> bool {
    // The name's words end in the value's mark, or in a gap and the value representation
    // (`Patient's Name      PN: ...`).
    let mark = |t: &Token<'_>| t.is_punct(':') || t.is_punct('=') || t.is_punct('[');
    let rest = tokens.get(i + 1..).unwrap_or(&[]);
    let stop = rest
        .iter()
        .position(|t| t.break_before || mark(t))
        .and_then(|k| rest.get(k..));
    let key_end = match stop {
        Some([t, ..]) if mark(t) => true,
        Some([t, n, ..]) => DICOM_VRS.contains(&t.text) && mark(n),
        _ => false,
    };
    let mut k = i;
    while k > 0 {
        let Some(t) = tokens.get(k) else { return false };
        if t.break_before {
            return false;
        }
        k -= 1;
        if tokens.get(k).is_some_and(|p| p.is_punct(')')) {
            return key_end && dicom_tag_before(tokens, k);
        }
        if !tokens
            .get(k)
            .is_some_and(|p| p.is_word() || p.is_punct('\''))
        {
            return false;
        }
    }
    false
}

/// Token `close` is the `)` of a DICOM tag: `(gggg,eeee)`, two groups of four
/// hexadecimal digits.
fn dicom_tag_before(tokens: &[Token<'_>], close: usize) -> bool {
    let hex4 = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_hexdigit()))
    };
    close >= 4
        && hex4(close - 1)
        && tokens.get(close - 2).is_some_and(|t| t.is_punct(','))
        && hex4(close - 3)
        && tokens.get(close - 4).is_some_and(|t| t.is_punct('('))
}

/// Articles and quantifiers: a common noun follows them, a lower-case name does not.
const DETERMINERS: &[&str] = &[
    "no", "any", "some", "a", "an", "the", "much", "more", "less", "every", "each", "another",
    "enough", "fewer",
];

/// Nouns of a people's language, faith and customs: a capitalised word right before one is
/// an ethnonym or language used as an adjective ("Xa interpreter requested", "Xa community
/// leader", "Xa speakers"), not a person.
const COMMUNITY_NOUNS: &[&str] = &[
    "interpreter",
    "interpreters",
    "translator",
    "translators",
    "chaplain",
    "chaplaincy",
    "priest",
    "imam",
    "rabbi",
    "monk",
    "community",
    "communities",
    "language",
    "languages",
    "speaker",
    "speakers",
    "speaking",
    "dialect",
    "script",
    "food",
    "foods",
    "diet",
    "cuisine",
    "dress",
    "festival",
    "festivals",
    "culture",
    "customs",
    "traditions",
    "heritage",
    "ancestry",
    "descent",
];

/// Up to this many tokens are looked back for the start of a mention's sentence.
const SENTENCE_LOOKBACK: usize = 24;

/// The mention `start..end` is one word that reads as a common noun or adjective, not a
/// person, when no title precedes it: a lower-case word after an article or quantifier
/// (and at most one lower-case word) in a sentence that opens with a capital ("No xa or
/// cider while on …", "the merchant xa": a lower-case name in a chat message has no
/// article), or a capitalised word (no possessive) right before a
/// noun of language, faith or custom ([`COMMUNITY_NOUNS`]: "Xa interpreter requested").
pub(crate) fn common_noun_use(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let k = tokens.partition_point(|t| t.start < start);
    let Some(t) = tokens.get(k) else {
        return false;
    };
    if t.start == start && t.is_word() && noun_phrase_use(tokens, k, end) {
        return true;
    }
    if !(t.start == start && t.is_word() && t.latin && t.end >= end) {
        return false;
    }
    let before = k.checked_sub(1).and_then(|p| tokens.get(p));
    if titled_before(tokens, k) {
        return false;
    }
    if t.shape == Shape::Lower {
        let determiner = |x: &Token<'_>| x.is_word() && in_list(x.text, DETERMINERS);
        // Or one lower-case word between, in the same sentence: "the merchant xa". A kinship
        // noun there names the person ("the daughter xa").
        let modified = before.is_some_and(|p| {
            p.is_word()
                && p.shape == Shape::Lower
                && p.space_before
                && !p.sentence_start
                && !t.sentence_start
                && !in_list(p.text, KIN_CUES)
        }) && k
            .checked_sub(2)
            .and_then(|p| tokens.get(p))
            .is_some_and(determiner);
        let after_determiner = t.space_before && (before.is_some_and(determiner) || modified);
        // The sentence the word is in opens with a capital: a text written in sentence
        // case, where names are capitalised.
        let opener = (k.saturating_sub(SENTENCE_LOOKBACK)..k)
            .rev()
            .find(|&i| tokens.get(i).is_some_and(|x| x.sentence_start));
        return after_determiner
            && opener
                .and_then(|i| tokens.get(i))
                .is_some_and(|o| o.is_word() && o.capitalized());
    }
    t.shape == Shape::Title
        && t.name_end() == t.end
        && tokens.get(k + 1).is_some_and(|n| {
            n.is_word()
                && n.space_before
                && n.shape == Shape::Lower
                && in_list(n.text, COMMUNITY_NOUNS)
        })
}

/// Lower-case nouns of a group of people, animals or a drink: a word right before one is
/// its modifier ("Xa warders", "Xa beetles", "Xa ale", "the galley crew"), not a person.
const GROUP_NOUNS: &[&str] = &[
    "crew",
    "crews",
    "warders",
    "wardens",
    "guards",
    "beetles",
    "beetle",
    "moths",
    "bees",
    "butterflies",
    "birds",
    "ale",
    "ales",
    "beer",
    "lager",
    "cider",
    "stout",
    "porter",
    "gin",
    "whisky",
    "brigade",
    "regiment",
    "choir",
    "band",
];

/// Capitalised heads of a club, team or firm: a capitalised word opening a phrase of
/// capitalised words ending in one ("Xa Rescue Team", "Xa Medical Chambers") names the
/// body, not a person.
const BODY_HEADS: &[&str] = &[
    "team",
    "club",
    "unit",
    "chambers",
    "partnership",
    "society",
    "association",
    "league",
    "service",
    "services",
    "federation",
    "union",
    "brigade",
    "trust",
    "lodge",
    "guild",
];

/// Findings words that follow a sign's name ("Xa present bilaterally", "Xa absent on the
/// left"): said of a reflex or sign, not of a person.
const SIGN_FINDINGS: &[&str] = &["present", "absent", "elicited", "positive", "negative"];

/// Sides and extents said of a sign ("bilaterally", "on the left", "both sides").
const SIGN_SIDES: &[&str] = &[
    "bilaterally",
    "bilateral",
    "bilat",
    "on",
    "left",
    "right",
    "both",
    "symmetrically",
];

/// The mention starting at token `k` and ending at byte `end` is part of a noun phrase,
/// not a person: it ends in (or stands before) a lower-case group noun ([`GROUP_NOUNS`]:
/// "Xa warders", "galley crew"); it opens a run of capitalised words ending in the head of
/// a club or firm ([`BODY_HEADS`]: "Xa Rescue Team"); it is one capitalised word before a
/// sign's finding and side ("Xa present bilaterally"); or it opens on the unit letter
/// glued after a degree sign ("5.2°C. Stock": a unit, never an initial). No title may
/// precede it.
fn noun_phrase_use(tokens: &[Token<'_>], k: usize, end: usize) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    let before = k.checked_sub(1).and_then(|p| tokens.get(p));
    if before.is_some_and(|p| p.is_punct('°') && !t.space_before) && t.letters() == 1 {
        return true;
    }
    if titled_before(tokens, k) {
        return false;
    }
    let last = tokens.partition_point(|x| x.start < end).saturating_sub(1);
    let group = |x: &Token<'_>| {
        x.is_word() && x.space_before && x.shape == Shape::Lower && in_list(x.text, GROUP_NOUNS)
    };
    // The mention covers at most two words and ends in the noun, or is one word before it.
    if last == k + 1 && tokens.get(last).is_some_and(group) {
        return true;
    }
    if last != k || t.name_end() != t.end {
        return false;
    }
    if tokens.get(k + 1).is_some_and(group) {
        return true;
    }
    if t.shape != Shape::Title {
        return false;
    }
    let finding = tokens.get(k + 1).is_some_and(|n| {
        n.is_word() && n.space_before && n.shape == Shape::Lower && in_list(n.text, SIGN_FINDINGS)
    }) && tokens.get(k + 2).is_some_and(|n| {
        n.is_word() && n.space_before && n.shape == Shape::Lower && in_list(n.text, SIGN_SIDES)
    });
    if finding {
        return true;
    }
    let mut j = k + 1;
    while j <= k + 4 {
        let Some(n) = tokens.get(j) else {
            return false;
        };
        if !(n.is_word() && n.space_before && !n.break_before && n.shape == Shape::Title) {
            return false;
        }
        if in_list(n.text, BODY_HEADS) {
            return true;
        }
        j += 1;
    }
    false
}

/// The number ending at byte `end` carries a unit or rate right after it ("1139/uL",
/// "12mg", "4%", "10^9", "40 mmol"): a measurement, never a postcode or house number.
pub(crate) fn measured_number(tokens: &[Token<'_>], end: usize) -> bool {
    let k = tokens.partition_point(|t| t.start < end);
    let Some(n) = tokens.get(k) else {
        return false;
    };
    let glued = n.start == end
        && ((n.class == crate::token::Class::Punct && ["/", "%", "^"].contains(&n.text))
            || n.is_word());
    glued || (n.is_word() && n.space_before && in_list(n.text, MEASURE_UNITS))
}

/// Units and counts written after a spaced number in results ("40 mmol", "3 cells").
const MEASURE_UNITS: &[&str] = &[
    "mg", "mcg", "ug", "ng", "g", "kg", "ml", "l", "dl", "mmol", "umol", "nmol", "pmol", "iu",
    "units", "cells", "copies", "mm", "cm", "mm3", "ul", "mmhg", "bpm", "kpa",
];

/// A title (`Dr`, `Mrs`, with or without its dot) stands right before token `k`.
fn titled_before(tokens: &[Token<'_>], k: usize) -> bool {
    let at = |j: usize| k.checked_sub(j).and_then(|p| tokens.get(p));
    at(1).is_some_and(|p| p.is_word() && in_list(p.text, TITLES))
        || (at(1).is_some_and(|d| d.is_punct('.'))
            && at(2).is_some_and(|p| p.is_word() && in_list(p.text, TITLES)))
}

/// The mention `start..end` names a place by a road or landmark noun right after it, with
/// `the` or a place preposition before it ("from the Xa Yb turn-off", "at Xa roundabout"):
/// a place named after someone, or a town, not a person.
pub(crate) fn landmark_name(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let first = tokens.partition_point(|t| t.start < start);
    let after = tokens.partition_point(|t| t.start < end);
    let before = first.checked_sub(1).and_then(|p| tokens.get(p));
    let placed = before.is_some_and(|p| p.is_word() && in_list(p.text, PLACE_PREPOSITIONS));
    let feature = tokens.get(after).is_some_and(|n| {
        n.is_word()
            && n.space_before
            && !n.break_before
            && n.shape == Shape::Lower
            && in_list(n.text, PLACE_FEATURES)
    });
    placed && feature && tokens.get(first).is_some_and(|t| t.start == start)
}

#[cfg(test)]
mod tests {
    use super::measured_number;
    use crate::token::tokenize;

    fn measured(text: &str, number: &str) -> bool {
        let end = text.find(number).map_or(0, |i| i + number.len());
        measured_number(&tokenize(text), end)
    }

    #[test]
    fn a_number_with_a_unit_is_a_measurement() {
        assert!(measured("a count of 1139/uL today", "1139"));
        assert!(measured("sodium 1402mmol", "1402"));
        assert!(measured("given 1000 mg at noon", "1000"));
        assert!(!measured("Paris 75002, France", "75002"));
        assert!(!measured("lives at 2040 near the park", "2040"));
    }
}
