//! Identifiers as OCR reads them off overlay fonts: digits misread as other digits or letters
//! must still be tagged (exact outputs, rules only).

mod common;

use common::{redact1, sanitizer};

#[test]
fn misread_dates_with_a_plausible_year_are_still_dates() {
    let s = sanitizer();
    for (input, want) in [
        // "DOB 02/01/1960" read off a 5×7 overlay font.
        ("008 82/81/1960", "008 [DATE]"),
        ("DOB O2/0l/1960", "DOB [DATE]"),
        ("SCAN 3I.13.2024", "SCAN [DATE]"),
        ("DATE 01/02/1960", "DATE [DATE]"),
    ] {
        assert_eq!(redact1(&s, input), want, "{input:?}");
    }
}

#[test]
fn date_shaped_runs_without_a_plausible_year_or_with_mixed_separators_stay() {
    let s = sanitizer();
    for input in [
        "BP 120/80",
        "W:400/40/1800 window",
        "ratio 12/34-1999",
        "OI/II/1999",
        "GRADE 2/3",
    ] {
        assert_eq!(redact1(&s, input), input, "{input:?}");
    }
}
