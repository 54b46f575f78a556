//! The word lists of the name rules: titles, field labels and field words, cue words,
//! kin and role words, months and time words, and the ranks that bound single-word rules.

use super::*;

/// Given names rarer than this rank do not fire the single-word rule (7).
pub(super) const SINGLE_GIVEN_MAX_RANK: u32 = 2_000;
/// Surnames rarer than this rank do not fire the single-word rule (7).
pub(super) const SINGLE_SURNAME_MAX_RANK: u32 = 10_000;

pub(super) const TITLES: &[&str] = &[
    "dr",
    "doctor",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "nurse",
    "sister",
    "rev",
    "sr",
    "dra",
    // Italian: "Dott.", "Dott.ssa", "Sig.", "Sig.ra" (the feminine ending after the dot).
    "dott",
    "sig",
];

/// Service ranks of military medical records, titles before a name: "Pte Le Cornu", "LCpl
/// X", "Capt Y" ("Lt", "Col" and "Gen" are left out: left, colon, general). Unlike the
/// other titles they stay outside the name.
pub(crate) const RANK_TITLES: &[&str] = &[
    "pte", "cpl", "lcpl", "sgt", "ssgt", "capt", "maj", "spr", "gnr", "rfn", "tpr", "cfn", "bdr",
];

/// Whether `word` is one of the titles that stand before a name (`Dr`, `Mrs`, `Nurse` …),
/// in any case.
/// English frequency rank past which a vocabulary word counts as rare
/// ([`NameRules::rare_vocabulary_word`]).
pub(super) const RARE_TERM_RANK: u32 = 20_000;

pub(crate) fn is_title(word: &str) -> bool {
    in_list(word, TITLES) || in_list(word, RANK_TITLES)
}

/// Feminine endings glued after a title's dot: "Dott.ssa", "Sig.ra", "Sig.na".
pub(super) const TITLE_ENDINGS: &[&str] = &["ssa", "ra", "na"];

/// Words right before a `:` that make the next words a name.
pub(crate) const FIELD_LABELS: &[&str] = &[
    "patient",
    "name",
    "ref",
    "referring",
    "referrer",
    "physician",
    "phys",
    "radiologist",
    "technologist",
    "tech",
    "attending",
    "surgeon",
    "assistant",
    "anaesthetist",
    "anesthetist",
    "chair",
    "op",
    "signed",
    "dictated",
    "verified",
    "consultant",
    "gp",
    "operator",
    "performed",
    "requested",
    "cc",
    "by",
    "doctor",
    "reader",
    "author",
    "pt",
    "interpreted",
    "resident",
    "fellow",
    "nurse",
    "provider",
    "clinician",
    "sonographer",
    "radiographer",
    "reporter",
    "pcp",
    "contact",
    "nok",
    "guardian",
    "mother",
    "father",
    "parent",
    "spouse",
    "emergency",
    "to",
    "from",
    "attn",
    "reviewer",
    "approved",
    "witness",
    "witnessed",
    "visited",
    // Other clinicians and carers who sign or are named in a field.
    "dentist",
    "midwife",
    "pharmacist",
    "therapist",
    "physiotherapist",
    "podiatrist",
    "optometrist",
    "paramedic",
    "dietitian",
    "physio",
    "attendant",
    // Nurse in charge of a ward board: "NIC: Tane".
    "nic",
    "keyworker",
    // "Key worker: Tane (CNS)", "Support worker: Tane".
    "worker",
    // The subject of a referral form: "Child: Tane Whaanga, 6 yrs".
    "child",
    "carer",
    "informant",
    // Forms about someone other than a patient: "Deceased: …", "Employee: …",
    // "Adviser: …".
    "deceased",
    "employee",
    "adviser",
    "advisor",
    "client",
    "policyholder",
    // A line manager named on an occupational health form: "Manager: Tane Whaanga".
    "manager",
    // Who a rota or a round gives the work to: "Allocated: Tane", "Driver: Tane".
    "allocated",
    "assigned",
    "driver",
];

/// Words that end a name (field names, credentials).
pub(super) const FIELD_WORDS: &[&str] = &[
    "dob", "mrn", "sex", "age", "id", "acc", "date", "dos", "exam", "study", "ht", "wt", "md",
    "phd", "rn", "mbbs", "frcr", "frcp", "dm", "np", "pa", "do", "ms", "mbchb", "facr", "pid",
    "series", "image", "im", "se", "kv", "kvp", "ma", "mas", "wl", "ww", "w", "l", "r", "st", "et",
    "al", "jr", "iii", "ii", "iv", "and", "or", "the", "with", "at", "on", "in", "for", "to",
    "from", "of", "by", "is", "was", "has", "had", "who", "will", "says", "said",
];

/// Labels of a patient identifier field ("NHS No:", "MRN", "hospital no").
pub(super) const ID_LABELS: &[&str] = &[
    "nhs", "mrn", "dob", "hospital", "hosp", "nhi", "chi", "id", "pid", "ur",
];

/// Words after which (no colon) the next listed name is a person, with less confidence; the
/// kinship words of [`KIN_CUES`] are such cues too.
pub(super) const WEAK_CUES: &[&str] = &["pt", "patient", "signed", "per", "attn", "cc", "dear"];

/// Staff verbs whose agent may follow as an initial and a family name: "Administered S.
/// Quell, witnessed M. Orr".
pub(super) const AGENT_VERBS: &[&str] = &[
    "administered",
    "witnessed",
    "witness",
    "checked",
    "countersigned",
    "given",
    "prepared",
    "dispensed",
];

/// Kinship words that, capitalised right before a capitalised word, are a form of address
/// like a title: "Grandpa Sem", "Uncle Youssef", "Nana Yui".
pub(super) const KIN_TITLES: &[&str] = &[
    "grandpa", "grandma", "granny", "grandad", "granddad", "nana", "nan", "uncle", "aunt",
    "auntie", "aunty", "cousin",
    // Kurdish and Indonesian forms of address ("Kak Tane": elder brother or sister, Mr).
    "kak", "kaka",
];

/// Upper-case abbreviations of clinical roles that, like a title, stand before a name
/// ("Night RN Tane", "SHO Whaanga"); after a name they are credentials and end it.
pub(super) const ROLE_TITLES: &[&str] = &["rn", "rgn", "sho", "hca", "anp", "amhp", "cns", "odp"];

/// Title-case nouns of clinical roles that stand before a name like the abbreviations of
/// [`ROLE_TITLES`] ("Midwife Tane noted", "Physio Whaanga"): an uncommon capitalised word
/// must follow ("Midwife Led Unit" stays).
pub(super) const ROLE_NOUNS: &[&str] = &[
    "midwife",
    // The packer and checker of a sterile tray: "Packer Tane Whaanga".
    "packer",
    "checker",
    "physio",
    "physiotherapist",
    "pharmacist",
    "paramedic",
    "dietitian",
    "porter",
    "registrar",
    "matron",
    // The clinician who did a procedure: "Operator T. Whaanga", "Surgeon Tanvo".
    "operator",
    "surgeon",
];

/// Word endings of clinical professions that stand before a name like [`ROLE_NOUNS`]
/// ("Ocularist Tanvo", "Urologist T. Whaanga", "Optician Tanvo", "Sonographer Tanvo").
const PROFESSION_ENDINGS: &[&str] = &["ist", "ician", "itian", "grapher"];

/// Words of those endings that name no profession.
const NOT_PROFESSIONS: &[&str] = &[
    "assist", "insist", "persist", "resist", "exist", "twist", "wrist", "consist", "enlist",
    "desist",
];

/// Whether `word` is a role noun standing before a name: one of [`ROLE_NOUNS`], or a word
/// of seven letters or more with a profession's ending ([`PROFESSION_ENDINGS`]), no list
/// (`Checklist`) nor verb (`Persist`).
pub(super) fn role_noun(word: &str) -> bool {
    let w = lower(word);
    in_list(&w, ROLE_NOUNS)
        || (w.chars().count() >= 7
            && w.chars().all(char::is_alphabetic)
            && PROFESSION_ENDINGS.iter().any(|e| w.ends_with(e))
            && !w.ends_with("list")
            && !NOT_PROFESSIONS.iter().any(|n| w.ends_with(n)))
}

/// Kinship words, weak cues too: a relative is named by a given name ("daughter ana"), so a lower-case
/// word after one that is only a family name is a verb or noun ("daughter rang").
pub(super) const KIN_CUES: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "sister",
    "brother",
    "mom",
    "dad",
    "spouse",
    "partner",
    "cousin",
    "uncle",
    "aunt",
    "niece",
    "nephew",
    "grandson",
    "granddaughter",
    "grandma",
    "grandpa",
    // French notes: "avec sa fille Tanvo".
    "fille",
    "fils",
    "mère",
    "père",
    "épouse",
    "époux",
    "conjoint",
    "conjointe",
    "sœur",
    "frère",
    // Spanish and Portuguese: "acompañada por su hija Tanvo", "com a filha Tanvo".
    "hija",
    "hijo",
    "esposa",
    "esposo",
    "madre",
    "padre",
    "hermana",
    "hermano",
    "cuñada",
    "cuñado",
    "nieta",
    "nieto",
    "sobrina",
    "sobrino",
    "filha",
    "filho",
    "mãe",
    "irmã",
    "irmão",
    "marido",
    "neta",
    "neto",
    // Italian: "con la figlia Tanvo".
    "figlia",
    "figlio",
    "moglie",
    "sorella",
    "fratello",
    "nipote",
    // German, Dutch, Danish: "mit Tochter Tanvo".
    "tochter",
    "sohn",
    "ehefrau",
    "ehemann",
    "mutter",
    "vater",
    "schwester",
    "bruder",
    "neffe",
    "nichte",
    "enkelin",
    "dochter",
    "zoon",
    "moeder",
    "vader",
    "datter",
    "søn",
    "hustru",
    // Romanian: "însoțit de fiica Tanvo".
    "fiica",
    "fiul",
    "soția",
    "soțul",
    "nepoata",
    "nepotul",
];

/// Verbs whose subject after a kinship noun is the relative's name: "her daughter tanvo is
/// on the way in", "his partner tanvo rang".
pub(super) const RELATIVE_VERBS: &[&str] = &[
    "is", "was", "has", "had", "will", "wants", "wanted", "rang", "called", "phoned", "visited",
    "asks", "asked", "says", "said", "would", "can", "knows",
];

/// Side and projection words that follow a radiographic view's name on an overlay
/// ("CALDWELL BILAT"): never part of a person's name.
pub(super) const VIEW_SIDES: &[&str] = &[
    "left",
    "right",
    "bilat",
    "bilateral",
    "lat",
    "lateral",
    "ap",
    "pa",
    "obl",
    "oblique",
    "view",
    "views",
    "proj",
    "projection",
];

/// Month names (several are also given names: April, May, June).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The word is a month name (`March`, `june`).
pub(super) fn is_month(word: &str) -> bool {
    in_list(word, MONTHS)
}

/// Words before a month that make it a time, not a name: "in March", "since June".
const TIME_WORDS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "every",
    "throughout",
];

/// Word `i` is a month name after a time word ("in March", "since June").
pub(crate) fn month_after_time_word(tokens: &[Token<'_>], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.is_word() && in_list(t.text, MONTHS))
        && i.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| p.is_word() && in_list(p.text, TIME_WORDS))
}

/// Word `i` is a month name that opens a date: a number follows ("May 10", "June 2001",
/// "Mar 3rd"). After a comma it is the date after a name ("Ana Lima, May 10, 2001"), never
/// the given name of a `Surname, Given` form.
pub(crate) fn month_opens_date(tokens: &[Token<'_>], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.is_word() && in_list(t.text, MONTHS))
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.class == crate::token::Class::Number)
}

/// Two-word weak cues: `seen by`, `referred by` …
pub(super) const WEAK_CUE_PAIRS: &[(&str, &str)] = &[
    ("seen", "by"),
    ("referred", "by"),
    ("signed", "by"),
    ("reviewed", "by"),
    ("read", "by"),
    ("reported", "by"),
    ("dictated", "by"),
    ("verified", "by"),
    ("performed", "by"),
    ("examined", "by"),
    ("discussed", "with"),
    ("spoke", "with"),
    ("spoken", "with"),
    ("d/w", "with"),
    ("care", "of"),
    ("accompanied", "by"),
    ("called", "by"),
];
