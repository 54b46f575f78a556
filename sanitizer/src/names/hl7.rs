//! HL7 v2 coded values: `CODE^Description^SYSTEM` (the CE and CWE data types) name a
//! test, a diagnosis or a drug, never a person, although they share the caret with the
//! DICOM and HL7 person-name forms (`SMITH^JOHN`).
//!
//! A field of a pipe-delimited line is coded when a coding-system slot of the CE/CWE type
//! (the third component, or the sixth for the alternate code) holds a coding-system
//! identifier: a value of HL7 table 0396 (`LN`, `SCT`, `I10`, `ICD10PCS`, `LOCAL` …), an
//! HL7 table reference (`HL70162`) or a locally defined system (`99XYZ`). A person name's
//! third component is a middle name or initial, which none of these is.

/// Coding-system identifiers of HL7 table 0396 (and common local spellings) that may fill
/// the coding-system slot of a coded value. Matched case-sensitively: systems are written
/// in capitals.
const CODING_SYSTEMS: &[&str] = &[
    "LN", "LOINC", "SCT", "SNOMED", "SNOMEDCT", "SNM", "SNM3", "I9", "I9C", "I9CDX", "I9CP", "I10",
    "I10C", "I10P", "ICD9", "ICD9CM", "ICD10", "ICD10CM", "ICD10PCS", "ICD10AM", "ICD11", "CPT",
    "CPT4", "C4", "C5", "HCPCS", "HCPT", "NDC", "RXNORM", "CVX", "MVX", "UCUM", "NUCC", "LOCAL",
    "DCM", "ATC", "NCI", "MDC", "ACR", "UMLS", "CAS", "NPI", "UPC", "GTIN", "READ", "CTV3",
    "OPCS4", "DMD", "ISO+", "ISO3166", "HL7", "FDDC", "NDFRT", "MEDCIN", "MEDR", "MEDDRA",
];

/// Byte ranges of the coded fields of `text` (see the module documentation), in order.
pub(crate) fn coded_fields(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !text.contains('^') || !text.contains('|') {
        return out;
    }
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        if line.contains('|') && line.contains('^') {
            let mut field_start = line_start;
            for field in line.split(['|', '~', '\n', '\r']) {
                if is_coded(field) {
                    out.push((field_start, field_start + field.len()));
                }
                field_start += field.len() + 1;
            }
        }
        line_start += line.len();
    }
    out
}

/// Whether the mention `start..end` overlaps one of the `fields`.
pub(crate) fn in_coded_field(fields: &[(usize, usize)], start: usize, end: usize) -> bool {
    fields.iter().any(|&(a, b)| a < end && start < b)
}

/// One field, split into components: its third or sixth component is a coding system.
fn is_coded(field: &str) -> bool {
    let parts: Vec<&str> = field.split('^').map(str::trim).collect();
    parts.len() >= 3
        && parts.first().is_some_and(|c| !c.is_empty())
        && [2usize, 5]
            .iter()
            .any(|&k| parts.get(k).is_some_and(|s| coding_system(s)))
}

/// A coding-system identifier: listed, an HL7 table (`HL7` and four digits) or a local
/// system (`99` and three capitals or digits).
fn coding_system(s: &str) -> bool {
    let table = |rest: &str, n: usize, ok: fn(char) -> bool| {
        rest.chars().count() == n && rest.chars().all(ok)
    };
    CODING_SYSTEMS.contains(&s)
        || s.strip_prefix("HL7")
            .is_some_and(|r| table(r, 4, |c| c.is_ascii_digit()))
        || s.strip_prefix("99")
            .is_some_and(|r| table(r, 3, |c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<&str> {
        coded_fields(text)
            .into_iter()
            .map(|(a, b)| text.get(a..b).unwrap_or(""))
            .collect()
    }

    #[test]
    fn coded_values_are_found_by_their_coding_system() {
        assert_eq!(
            fields("OBX|1|NM|1234-5^Sodium^LN||140|mmol/L"),
            ["1234-5^Sodium^LN"]
        );
        assert_eq!(
            fields("DG1|1||J18.9^Pneumonia, unspecified^I10\nRXR|IV^Intravenous^HL70162"),
            ["J18.9^Pneumonia, unspecified^I10", "IV^Intravenous^HL70162"]
        );
        assert_eq!(
            fields("OBR|1|||XR1^Chest film^99RAD^C1^Chest^LN"),
            ["XR1^Chest film^99RAD^C1^Chest^LN"]
        );
    }

    #[test]
    fn person_names_and_plain_text_are_not_coded() {
        assert!(fields("PID|1||12345^^^MRN||GREEN^ALICE^M||19700101|F").is_empty());
        assert!(fields("PV1|1|I|||||345145^WEST^TOM^J").is_empty());
        assert!(fields("GREEN^ALICE^LN").is_empty());
        assert!(fields("no carets | here").is_empty());
    }
}
