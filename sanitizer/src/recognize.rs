//! Structured recognizers: dates, ages, phones, emails, URLs, SSNs, identifiers after labels,
//! street addresses, postcodes, and places and organisations found by context.
//!
//! Every pattern is compiled once (a process-wide `LazyLock`). What is deliberately *not*
//! tagged: durations (`6 weeks`), doses (`5 mg`), vertebral levels (`L4-L5`), window/level
//! values (`W:400 L:40`), side markers (`L`, `R`), bare years, fractions and ratios.
//!
//! Phones are matched by hand-written patterns (NANP, `+`-international, UK national and
//! numbers after a `Tel:`/`Fax:` label) rather than the `phonenumber` crate: that crate only
//! parses a string that already is one number (it has no in-text matcher, so we would need
//! these candidate patterns anyway), and its build script compiles libphonenumber's 1 MB XML
//! metadata with `quick-xml`, `nom` and `postcard` on every clean build.

use std::sync::LazyLock;

use regex::Regex;

use crate::token::{CharIndex, Class, Token};
use crate::types::{Span, priority};
use crate::{Entity, EntityKind};

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

const STATES: &str = "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY";

/// State codes safe to read as a place without a ZIP (not `MD`, `PA`, `CT`, `MS`, `ME` …,
/// which are credentials, modalities or titles in clinical text).
const SAFE_STATES: &str = "AK|AZ|AR|CA|CO|FL|GA|IL|IA|KS|KY|MA|MI|MN|MO|NE|NV|NH|NJ|NM|NY|NC|ND|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY";

struct Patterns {
    dicom_date: Option<Regex>,
    iso_date: Option<Regex>,
    numeric_date: Option<Regex>,
    ocr_date: Option<Regex>,
    glued_date: Option<Regex>,
    text_date: Option<Regex>,
    time_after: Option<Regex>,
    age_suffix: Option<Regex>,
    age_label: Option<Regex>,
    age_dicom: Option<Regex>,
    age_aside: Option<Regex>,
    phone_nanp: Option<Regex>,
    phone_intl: Option<Regex>,
    phone_uk: Option<Regex>,
    phone_label: Option<Regex>,
    email: Option<Regex>,
    url: Option<Regex>,
    domain: Option<Regex>,
    ssn: Option<Regex>,
    ssn_label: Option<Regex>,
    id_label: Option<Regex>,
    nhs: Option<Regex>,
    dea: Option<Regex>,
    long_number: Option<Regex>,
    three_letter_number: Option<Regex>,
    uid: Option<Regex>,
    street: Option<Regex>,
    po_box: Option<Regex>,
    city_state_zip: Option<Regex>,
    city_state: Option<Regex>,
    uk_postcode: Option<Regex>,
    place_cue: Option<Regex>,
}

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    dicom_date: re(
        r"\b(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[0-2][0-9][0-5][0-9][0-5][0-9](?:\.[0-9]{1,6})?)?\b",
    ),
    iso_date: re(
        r"\b(?:19|20)[0-9]{2}(?:-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12][0-9]|3[01])|/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])|\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12][0-9]|3[01]))(?:T[0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+\-][0-2][0-9]:?[0-5][0-9])?)?\b",
    ),
    numeric_date: re(
        r"\b([0-3]?[0-9])(?:/([0-3]?[0-9])/(?:[0-9]{4}|[0-9]{2})|-([0-3]?[0-9])-[0-9]{4}|\.([0-3]?[0-9])\.[0-9]{4})\b",
    ),
    // `DD/MM/YYYY`-shaped runs whatever their day and month read as: OCR of overlay fonts
    // turns 0 into 8 or O and 1 into I or l ("82/81/1960", "O2/0l/1960").
    ocr_date: re(r"\b([0-9OoIl]{1,2})([/.\-])([0-9OoIl]{1,2})([/.\-])((?:19|20)[0-9]{2})\b"),
    // A date that OCR glued to the letters of its label ("DATE01/02/1960", "DOB19600201"):
    // the other date patterns need a word boundary, which a letter before a digit is not.
    // Only whole dates (a four-digit year, one separator used twice, or DICOM's eight
    // digits) count here; the label's letters stay.
    glued_date: re(
        r"[A-Za-z]:?(?P<d>[0-3]?[0-9](?P<s1>[/.\-])[0-3]?[0-9](?P<s2>[/.\-])(?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))\b",
    ),
    text_date: re(&format!(
        r"(?i)\b(?:(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?[\s\-]*(?:of\s+)?)?(?P<m>{MONTH})\.?(?:[\s\-]*(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?\b)?(?:,?[\s\-]*(?P<y>(?:19|20)[0-9]{{2}})\b)?"
    )),
    time_after: re(
        r"^(?:,?\s*(?:at\s+|T)?)(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\s*[AaPp]\.?[Mm]\.?)?",
    ),
    age_suffix: re(
        r"(?i)\b[0-9]{1,3}\s?-?\s?(?:y/o|y\.o\.?|yo\b|yrs?\.?\s+old\b|years?\s+old\b|years?-old\b|yr-old\b|yrs?-old\b|months?-old\b|months?\s+old\b|weeks?-old\b)",
    ),
    age_label: re(r"(?i)\b(?:age|aged|age:)\s*[:=]?\s*([0-9]{1,3})\b"),
    age_dicom: re(r"\b(?:[0-9]{3}[YMWD]|[0-9]{1,2}Y)\b"),
    // An age set off by a comma after a name in a list item or caption, ending the clause:
    // "Ana Lima, 94y, from …", "lesion 3, Lima, 41 yrs. Breslow …".
    age_aside: re(r",\s*([0-9]{1,3}\s?(?:y|yrs?|years?))\s*[,.;]"),
    phone_nanp: re(
        r"(?:\+?1[\s.\-]?)?(?:\([2-9][0-9]{2}\)\s?|\b[2-9][0-9]{2}[\s.\-])[0-9]{3}[\s.\-][0-9]{4}\b",
    ),
    phone_intl: re(r"\+[1-9][0-9]{0,2}(?:[\s.\-]?\(?[0-9]{1,4}\)?){2,5}\b"),
    phone_uk: re(r"\b0[1-9][0-9]{1,3}\s?[0-9]{3,4}\s?[0-9]{3,4}\b"),
    phone_label: re(
        r"(?i)\b(?:tel|telephone|phone|ph|fax|mobile|mob|cell|pager|bleep|ext)\.?\s*(?:no\.?|number|#)?\s*[:#]?\s*(\+?\(?[0-9][0-9\s.\-()]{2,18}[0-9])",
    ),
    email: re(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b"),
    url: re(r#"(?i)\b(?:https?://|www\.)[^\s<>"']+"#),
    domain: re(
        r#"(?i)\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|org|net|edu|gov|io|info|health|co\.uk|org\.uk|nhs\.uk|ac\.uk)\b(?:/[^\s<>"']*)?"#,
    ),
    ssn: re(r"\b([0-9]{3})([\- ])([0-9]{2})([\- ])([0-9]{4})\b"),
    ssn_label: re(
        r"(?i)\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*([0-9]{3}[\- ]?[0-9]{2}[\- ]?[0-9]{4})\b",
    ),
    id_label: re(
        r"(?i)(?:\b(?:mrn|mr#|pid|accession(?:\s*(?:no\.?|number|#))?|account\s*(?:no\.?|number|#)?|acct\.?\s*(?:no\.?|#)?|accn|acc\.?\s*no\.?|acc|patient\s*(?:id|no\.?|number|#)|pt\.?\s*(?:id|no\.?|#)|ids?|nhs\s*(?:no\.?|number|#)?|chi|medical\s+record\s*(?:no\.?|number|#)?|record\s*(?:no\.?|number|#)|licen[cs]e\s*(?:no\.?|number|#)?|dea\s*(?:no\.?|number|#)?|npi|(?:study|exam|case|order|visit|encounter|insurance|policy|member|employee|specimen|sample)\s*(?:id|no\.?|number|#)|ref(?:erence)?\s*(?:no\.?|number|#)|passport\s*(?:no\.?|number|#)?|badge\s*(?:no\.?|#)?|hosp(?:ital)?\s*(?:no\.?|number|#))|\bacc#)\s*[:#=.]?\s*(?P<v>[0-9]{3}[ \-][0-9]{3}[ \-][0-9]{4}|[A-Za-z0-9][A-Za-z0-9\-/.]*[A-Za-z0-9])",
    ),
    nhs: re(r"\b[0-9]{3}[ \-]?[0-9]{3}[ \-]?[0-9]{4}\b"),
    dea: re(r"\b[A-Z][A-Z9][0-9]{7}\b"),
    // Seven digits or more, also behind a one- or two-letter prefix as hospital numbers
    // carry it on labels and wristbands ("K2885958").
    long_number: re(r"\b[A-Z]{0,2}[0-9]{7,}\b"),
    // Three capitals and six digits, a hospital number with a site prefix ("ABC123456").
    // HL7 message control and order ids (`MSH|`, `ORC|`, `OBR|` lines) have the same shape
    // and are left alone.
    three_letter_number: re(r"\b[A-Z]{3}[0-9]{6}\b"),
    uid: re(r"\b[0-9]+(?:\.[0-9]+){3,}\b"),
    street: re(
        r"\b[0-9]{1,5}[A-Za-z]?\s+(?:[A-Z][A-Za-z'’.\-]*\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Square|Close|Crescent|Gardens|Grove|Mews|Trail|Row)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?\s*#?[A-Za-z0-9\-]+)?",
    ),
    po_box: re(r"(?i)\bP\.?\s?O\.?\s+Box\s+[0-9]+\b"),
    city_state_zip: re(&format!(
        r"(?:\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s*)?\b(?:{STATES})\s+[0-9]{{5}}(?:-[0-9]{{4}})?\b"
    )),
    city_state: re(&format!(
        r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s*(?:{SAFE_STATES})\b"
    )),
    uk_postcode: re(r"\b(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)\s?[0-9][ABD-HJLNP-UW-Z]{2}\b"),
    place_cue: re(
        r"\b(?:lives|living|resides|residing|born|moved|relocated|travell?ed|home|vacation(?:ing)?|holiday(?:ing)?)\s+(?:in|to|at)\s+(?:[A-Z][a-z]+|[A-Z]{2,})(?:[\s\-](?:[A-Z][a-z]+|[A-Z]{2,})){0,2}\b|\b(?:resident\s+of|visiting\s+from|is\s+from|city\s+of|town\s+of)\s+(?:[A-Z][a-z]+|[A-Z]{2,})(?:[\s\-][A-Z][a-z]+){0,2}\b",
    ),
});

/// True when every pattern compiled (checked by a unit test; a pattern that failed to
/// compile would silently match nothing).
pub fn patterns_ok() -> bool {
    let p = &*PATTERNS;
    [
        &p.dicom_date,
        &p.iso_date,
        &p.numeric_date,
        &p.ocr_date,
        &p.glued_date,
        &p.text_date,
        &p.time_after,
        &p.age_suffix,
        &p.age_label,
        &p.age_dicom,
        &p.age_aside,
        &p.phone_nanp,
        &p.phone_intl,
        &p.phone_uk,
        &p.phone_label,
        &p.email,
        &p.url,
        &p.domain,
        &p.ssn,
        &p.ssn_label,
        &p.id_label,
        &p.nhs,
        &p.dea,
        &p.long_number,
        &p.three_letter_number,
        &p.uid,
        &p.street,
        &p.po_box,
        &p.city_state_zip,
        &p.city_state,
        &p.uk_postcode,
        &p.place_cue,
    ]
    .iter()
    .all(|r| r.is_some())
}

/// Every structured entity of `text` (the regex recognizers plus organisations by context),
/// overlaps resolved, in code points. The sanitizer runs the same code; this entry point is
/// for tests and tools.
pub fn recognize(text: &str) -> Vec<Entity> {
    let tokens = crate::token::tokenize(text);
    let mut spans = Vec::new();
    structured(text, &mut spans);
    organisations(&tokens, &mut spans);
    let merged = resolve(spans);
    let ix = CharIndex::new(text);
    merged
        .into_iter()
        .map(|s| Entity {
            start: ix.char_of(s.start),
            end: ix.char_of(s.end),
            kind: s.kind,
            label: None,
        })
        .collect()
}

fn push_all(re: Option<&Regex>, text: &str, kind: EntityKind, out: &mut Vec<Span>) {
    if let Some(re) = re {
        for m in re.find_iter(text) {
            out.push(Span {
                start: m.start(),
                end: m.end(),
                kind,
            });
        }
    }
}

/// Whether the first two numbers of a numeric date can be a day and a month, in either
/// order.
fn day_and_month(a: u32, b: u32) -> bool {
    (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12)
}

fn digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

fn num(s: Option<regex::Match<'_>>) -> Option<u32> {
    s.and_then(|m| m.as_str().parse().ok())
}

/// The regex recognizers, appended to `out` in byte offsets (overlaps not yet resolved).
pub(crate) fn structured(text: &str, out: &mut Vec<Span>) {
    let p = &*PATTERNS;
    dates(text, p, out);
    ages(text, p, out);
    phones(text, p, out);
    push_all(p.email.as_ref(), text, EntityKind::Email, out);
    if let Some(re) = &p.url {
        for m in re.find_iter(text) {
            let trimmed = m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}']);
            out.push(Span {
                start: m.start(),
                end: m.start() + trimmed.len(),
                kind: EntityKind::Url,
            });
        }
    }
    if let Some(re) = &p.domain {
        for m in re.find_iter(text) {
            // Skip the domain part of an email address (the email pattern has it).
            let at_before = text.get(..m.start()).is_some_and(|b| b.ends_with('@'));
            if !at_before {
                let trimmed = m
                    .as_str()
                    .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}']);
                out.push(Span {
                    start: m.start(),
                    end: m.start() + trimmed.len(),
                    kind: EntityKind::Url,
                });
            }
        }
    }
    ssns(text, p, out);
    ids(text, p, out);
    locations(text, p, out);
}

fn dates(text: &str, p: &Patterns, out: &mut Vec<Span>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    if let Some(re) = &p.dicom_date {
        found.extend(re.find_iter(text).map(|m| (m.start(), m.end())));
    }
    if let Some(re) = &p.iso_date {
        found.extend(re.find_iter(text).map(|m| (m.start(), m.end())));
    }
    if let Some(re) = &p.numeric_date {
        for c in re.captures_iter(text) {
            let a = num(c.get(1));
            let b = num(c.get(2).or_else(|| c.get(3)).or_else(|| c.get(4)));
            let ok = matches!((a, b), (Some(a), Some(b)) if day_and_month(a, b));
            if let (true, Some(m)) = (ok, c.get(0)) {
                found.push((m.start(), m.end()));
            }
        }
    }
    if let Some(re) = &p.ocr_date {
        for c in re.captures_iter(text) {
            let same_separator = c.get(2).map(|m| m.as_str()) == c.get(4).map(|m| m.as_str());
            let has_digit = |i| {
                c.get(i).is_some_and(|m: regex::Match<'_>| {
                    m.as_str().chars().any(|ch| ch.is_ascii_digit())
                })
            };
            if let (true, true, true, Some(m)) =
                (same_separator, has_digit(1), has_digit(3), c.get(0))
            {
                found.push((m.start(), m.end()));
            }
        }
    }
    if let Some(re) = &p.glued_date {
        for c in re.captures_iter(text) {
            let Some(date) = c.name("d") else { continue };
            let same_separator =
                c.name("s1").map(|m| m.as_str()) == c.name("s2").map(|m| m.as_str());
            let slashed = c.name("s1").is_some();
            let day_month_ok = !slashed || {
                let mut parts = date.as_str().split(['/', '.', '-']);
                let a = parts.next().and_then(|x| x.parse::<u32>().ok());
                let b = parts.next().and_then(|x| x.parse::<u32>().ok());
                matches!((a, b), (Some(a), Some(b)) if day_and_month(a, b))
            };
            if same_separator && day_month_ok {
                found.push((date.start(), date.end()));
            }
        }
    }
    if let Some(re) = &p.text_date {
        for c in re.captures_iter(text) {
            let (Some(all), Some(month)) = (c.get(0), c.name("m")) else {
                continue;
            };
            // Month names count only capitalised ("May 5", "MAR 2024"), never "may"/"mar".
            if !month.as_str().starts_with(char::is_uppercase) {
                continue;
            }
            // A month name is a whole word: "Room 4 Marquetta" starts like "Mar" but names
            // no month.
            if text
                .get(month.end()..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphabetic)
            {
                continue;
            }
            let d1 = num(c.name("d1"));
            let d2 = num(c.name("d2"));
            let year = c.name("y");
            let day_ok = |d: Option<u32>| d.is_some_and(|d| (1..=31).contains(&d));
            if !(day_ok(d1) || day_ok(d2) || year.is_some()) {
                continue;
            }
            // "May 5 mg": a bare "May <n>" followed by a unit is a dose, not a date.
            let mut start = all.start();
            let mut end = all.end();
            if d1.is_some() && !day_ok(d1) {
                start = month.start();
            }
            if d2.is_some() && !day_ok(d2) && year.is_none() {
                end = month.end();
                if d1.is_none() {
                    continue;
                }
            }
            let trimmed = text.get(start..end).map_or(0, |s| s.trim_end().len());
            found.push((start, start + trimmed));
        }
    }
    for (start, mut end) in found {
        if let (Some(re), Some(rest)) = (&p.time_after, text.get(end..)) {
            if let Some(m) = re.find(rest) {
                end += m.end();
            }
        }
        out.push(Span {
            start,
            end,
            kind: EntityKind::Date,
        });
    }
}

fn ages(text: &str, p: &Patterns, out: &mut Vec<Span>) {
    push_all(p.age_suffix.as_ref(), text, EntityKind::Age, out);
    push_all(p.age_dicom.as_ref(), text, EntityKind::Age, out);
    for re in [&p.age_label, &p.age_aside].into_iter().flatten() {
        for c in re.captures_iter(text) {
            if let Some(m) = c.get(1) {
                out.push(Span {
                    start: m.start(),
                    end: m.end(),
                    kind: EntityKind::Age,
                });
            }
        }
    }
}

fn phones(text: &str, p: &Patterns, out: &mut Vec<Span>) {
    push_all(p.phone_nanp.as_ref(), text, EntityKind::Phone, out);
    for (re, min, max) in [(&p.phone_intl, 8, 15), (&p.phone_uk, 10, 11)] {
        if let Some(re) = re {
            for m in re.find_iter(text) {
                let n = digits(m.as_str());
                if (min..=max).contains(&n) {
                    out.push(Span {
                        start: m.start(),
                        end: m.end(),
                        kind: EntityKind::Phone,
                    });
                }
            }
        }
    }
    if let Some(re) = &p.phone_label {
        for c in re.captures_iter(text) {
            if let Some(m) = c.get(1) {
                if digits(m.as_str()) >= 4 {
                    out.push(Span {
                        start: m.start(),
                        end: m.end(),
                        kind: EntityKind::Phone,
                    });
                }
            }
        }
    }
}

/// SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000.
fn valid_ssn(area: u32, group: u32, serial: u32) -> bool {
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

fn ssns(text: &str, p: &Patterns, out: &mut Vec<Span>) {
    if let Some(re) = &p.ssn {
        for c in re.captures_iter(text) {
            let same_sep = c.get(2).map(|m| m.as_str()) == c.get(4).map(|m| m.as_str());
            let (Some(a), Some(g), Some(s)) = (num(c.get(1)), num(c.get(3)), num(c.get(5))) else {
                continue;
            };
            if same_sep && valid_ssn(a, g, s) {
                if let Some(m) = c.get(0) {
                    out.push(Span {
                        start: m.start(),
                        end: m.end(),
                        kind: EntityKind::Ssn,
                    });
                }
            }
        }
    }
    if let Some(re) = &p.ssn_label {
        for c in re.captures_iter(text) {
            if let Some(m) = c.get(1) {
                out.push(Span {
                    start: m.start(),
                    end: m.end(),
                    kind: EntityKind::Ssn,
                });
            }
        }
    }
}

/// NHS number check digit (modulus 11 over the first nine digits, weights 10..2).
fn valid_nhs(number: &str) -> bool {
    let d: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .take(9)
        .zip((2..=10).rev())
        .map(|(x, w)| x * w)
        .sum();
    let check = 11 - sum % 11;
    let check = if check == 11 { 0 } else { check };
    check != 10
        && d.get(9) == Some(&check)
        && d.iter().any(|&x| x != d.first().copied().unwrap_or(0))
}

/// DEA registration number check digit.
fn valid_dea(number: &str) -> bool {
    let d: Vec<u32> = number
        .chars()
        .skip(2)
        .filter_map(|c| c.to_digit(10))
        .collect();
    if d.len() != 7 {
        return false;
    }
    let at = |i: usize| d.get(i).copied().unwrap_or(0);
    let sum = at(0) + at(2) + at(4) + 2 * (at(1) + at(3) + at(5));
    sum % 10 == at(6)
}

/// Byte `at` lies on an HL7 segment line: the line (cut at `\n` or `\r`) opens with a
/// three-character segment name and `|` (`MSH|`, `ORC|`, `OBR|`).
fn on_hl7_segment(text: &str, at: usize) -> bool {
    let start = text
        .get(..at)
        .and_then(|t| t.rfind(['\n', '\r']))
        .map_or(0, |n| n + 1);
    text.get(start..).is_some_and(|l| {
        let b = l.as_bytes();
        b.len() > 4
            && b.first().is_some_and(u8::is_ascii_uppercase)
            && b.get(1..3).is_some_and(|r| {
                r.iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
            && b.get(3) == Some(&b'|')
    })
}

fn is_dicom_date(s: &str) -> bool {
    PATTERNS
        .dicom_date
        .as_ref()
        .and_then(|re| re.find(s))
        .is_some_and(|m| m.start() == 0 && m.end() == s.len())
}

fn ids(text: &str, p: &Patterns, out: &mut Vec<Span>) {
    let mut push = |start: usize, end: usize| {
        out.push(Span {
            start,
            end,
            kind: EntityKind::Id,
        });
    };
    if let Some(re) = &p.id_label {
        for c in re.captures_iter(text) {
            if let Some(v) = c.name("v") {
                let value = v.as_str();
                if value.len() >= 3 && value.bytes().any(|b| b.is_ascii_digit()) {
                    push(v.start(), v.end());
                }
            }
        }
    }
    if let Some(re) = &p.nhs {
        for m in re.find_iter(text) {
            if valid_nhs(m.as_str()) {
                push(m.start(), m.end());
            }
        }
    }
    if let Some(re) = &p.dea {
        for m in re.find_iter(text) {
            if valid_dea(m.as_str()) {
                push(m.start(), m.end());
            }
        }
    }
    if let Some(re) = &p.long_number {
        for m in re.find_iter(text) {
            if !is_dicom_date(m.as_str()) {
                push(m.start(), m.end());
            }
        }
    }
    if let Some(re) = &p.three_letter_number {
        for m in re.find_iter(text) {
            if !on_hl7_segment(text, m.start()) {
                push(m.start(), m.end());
            }
        }
    }
    if let Some(re) = &p.uid {
        for m in re.find_iter(text) {
            if m.as_str().len() >= 10 {
                push(m.start(), m.end());
            }
        }
    }
}

fn locations(text: &str, p: &Patterns, out: &mut Vec<Span>) {
    push_all(p.street.as_ref(), text, EntityKind::Location, out);
    push_all(p.po_box.as_ref(), text, EntityKind::Location, out);
    push_all(p.city_state_zip.as_ref(), text, EntityKind::Location, out);
    push_all(p.city_state.as_ref(), text, EntityKind::Location, out);
    push_all(p.uk_postcode.as_ref(), text, EntityKind::Location, out);
    if let Some(re) = &p.place_cue {
        for m in re.find_iter(text) {
            // Tag the place only: skip the cue words (lower case) before it.
            let s = m.as_str();
            let offset = s
                .char_indices()
                .find(|&(i, c)| {
                    c.is_uppercase() && (i == 0 || s.get(..i).is_some_and(|b| b.ends_with(' ')))
                })
                .map_or(0, |(i, _)| i);
            out.push(Span {
                start: m.start() + offset,
                end: m.end(),
                kind: EntityKind::Location,
            });
        }
    }
}

/// Capitalised words that end an organisation name.
const ORG_HEADS: &[&str] = &[
    "hospital",
    "hospitals",
    "clinic",
    "clinics",
    "infirmary",
    "university",
    "college",
    "institute",
    "foundation",
    "trust",
    "healthcare",
    "hospice",
    "pharmacy",
    "associates",
    "inc",
    "llc",
    "ltd",
    "corp",
    "corporation",
    "laboratories",
    "labs",
    "sanatorium",
    "polyclinic",
    "practice",
    "surgery",
    "group",
    "partners",
    "center",
    "centre",
    "health",
    "system",
    "network",
    "school",
    "company",
];

/// Heads that need a qualifying word before them (`Medical Center`, `Health System`).
const WEAK_HEADS: &[&str] = &[
    "center", "centre", "health", "system", "network", "group", "practice", "surgery", "partners",
    "school", "company",
];

/// Words that qualify a weak head (`Cancer Center`, `Medical Group`).
const HEAD_QUALIFIERS: &[&str] = &[
    "medical",
    "health",
    "cancer",
    "imaging",
    "surgical",
    "rehabilitation",
    "care",
    "heart",
    "children's",
    "childrens",
    "community",
    "memorial",
    "regional",
    "university",
    "family",
    "radiology",
    "diagnostic",
    "eye",
    "dental",
    "orthopedic",
    "orthopaedic",
    "women's",
    "veterans",
    "general",
    "county",
    "city",
    "state",
    "national",
    "primary",
    "urgent",
    "healthcare",
    "physicians",
    "specialty",
    "oncology",
    "neurology",
    "cardiology",
    "elementary",
    "high",
    "middle",
    "law",
    "trust",
];

fn lower_in(word: &str, list: &[&str]) -> bool {
    let w = word.to_lowercase();
    list.contains(&w.as_str())
}

/// Organisations by context: capitalised words ending in a head (`Johns Hopkins Hospital`,
/// `Mayo Clinic`, `St. Mary's Medical Center`), and `University/Hospital of X`. A strong head
/// (`Hospital`, `Clinic`, `University` …) needs one capitalised word before it or `of X`
/// after it; a weak head (`Center`, `Health`, `Group` …) needs a qualifier (`Medical`,
/// `Cancer` …) before it.
pub(crate) fn organisations(tokens: &[Token<'_>], out: &mut Vec<Span>) {
    for (i, head) in tokens.iter().enumerate() {
        if !head.capitalized() || !lower_in(head.text, ORG_HEADS) {
            continue;
        }
        let mut first = i;
        let mut qualified = false;
        let mut j = i;
        while j > 0 && i - j < 8 {
            // A line break or a form's field gap ends the name: "Attending: Dr Tane
            // Whaanga   Riverbank Hospital" holds a person, then the hospital.
            if tokens.get(j).is_some_and(|n| n.break_before) {
                break;
            }
            let Some(t) = tokens.get(j - 1) else { break };
            let ok = match t.class {
                Class::Word if t.capitalized() && t.latin => {
                    // Stop at a field label ("REF: ...").
                    !tokens.get(j).is_some_and(|n| n.is_punct(':'))
                }
                Class::Word => {
                    t.text == "of" && j >= 2 && tokens.get(j - 2).is_some_and(Token::capitalized)
                }
                Class::Punct => {
                    t.text == "&"
                        || (t.text == "."
                            && !t.space_before
                            && j >= 2
                            && tokens
                                .get(j - 2)
                                .is_some_and(|w| matches!(w.text, "St" | "Mt" | "Ste" | "ST")))
                }
                Class::Number => false,
            };
            if !ok {
                break;
            }
            j -= 1;
            if t.class == Class::Word && t.capitalized() {
                first = j;
                if lower_in(t.text, HEAD_QUALIFIERS) || lower_in(t.text, ORG_HEADS) {
                    qualified = true;
                }
            }
        }
        // Right: "University of Michigan", "Hospital of the University of Pennsylvania".
        let mut last = i;
        let mut k = i + 1;
        while tokens.get(k).is_some_and(|t| t.text == "of") {
            let mut n = k + 1;
            if tokens.get(n).is_some_and(|t| t.text == "the") {
                n += 1;
            }
            if !tokens.get(n).is_some_and(|t| t.capitalized() && t.latin) {
                break;
            }
            last = n;
            while tokens
                .get(last + 1)
                .is_some_and(|t| t.capitalized() && t.latin)
            {
                last += 1;
            }
            k = last + 1;
        }
        let weak = lower_in(head.text, WEAK_HEADS);
        let ok = if weak {
            qualified && first < i
        } else {
            first < i || last > i
        };
        if !ok {
            continue;
        }
        let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last)) else {
            continue;
        };
        out.push(Span {
            start: a.start,
            end: b.end,
            kind: EntityKind::Org,
        });
    }
}

/// Resolves overlaps: overlapping spans are merged into their union, which takes the kind of
/// the highest-[`priority`] member (nothing of either span leaks). Sorted, non-overlapping.
pub(crate) fn resolve(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if let Some(last) = out.last_mut() {
            if s.start < last.end {
                last.end = last.end.max(s.end);
                if priority(s.kind) > priority(last.kind) {
                    last.kind = s.kind;
                }
                continue;
            }
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_patterns_compile() {
        assert!(patterns_ok());
    }

    /// The date's text in `text`, as [`recognize`] finds it (code points = bytes: ASCII).
    fn dates_of(text: &str) -> Vec<&str> {
        recognize(text)
            .iter()
            .filter(|e| e.kind == EntityKind::Date)
            .filter_map(|e| text.get(e.start..e.end))
            .collect()
    }

    #[test]
    fn dates_glued_to_their_label_by_ocr() {
        assert_eq!(dates_of("DATE01/02/1960"), ["01/02/1960"]);
        assert_eq!(dates_of("SMITH^JOHN DOB:19600201 R"), ["19600201"]);
        assert_eq!(dates_of("Exam31.12.2024 CHEST"), ["31.12.2024"]);
        // Not whole dates, mixed separators, impossible days, no year: left alone.
        assert_eq!(dates_of("LOT12/34/2024"), Vec::<&str>::new());
        assert_eq!(dates_of("REF01/02-1960"), Vec::<&str>::new());
        assert_eq!(dates_of("SER12/31"), Vec::<&str>::new());
        assert_eq!(dates_of("AB19601301"), Vec::<&str>::new());
    }

    #[test]
    fn hospital_numbers_with_a_letter_prefix() {
        let ids = |text: &str| -> Vec<String> {
            recognize(text)
                .iter()
                .filter(|e| e.kind == EntityKind::Id)
                .filter_map(|e| text.get(e.start..e.end).map(str::to_owned))
                .collect()
        };
        assert_eq!(ids("label: TARRANT KESTON K2885958"), ["K2885958"]);
        assert_eq!(ids("band HX0012345 checked"), ["HX0012345"]);
        // Short codes and three-letter prefixes are not this form.
        assert_eq!(ids("lot K28859, tube ABC1234567"), Vec::<String>::new());
    }

    #[test]
    fn checksums() {
        assert!(valid_nhs("943 476 5919"));
        assert!(!valid_nhs("943 476 5918"));
        assert!(valid_dea("AB1234563"));
        assert!(!valid_dea("AB1234567"));
        assert!(valid_ssn(123, 45, 6789));
        assert!(!valid_ssn(666, 45, 6789));
        assert!(!valid_ssn(901, 45, 6789));
        assert!(!valid_ssn(123, 0, 6789));
    }
}
