//! The host's GHCB certificate table (configfs-tsm `auxblob`): parse never panics; every
//! entry that parses lies within the input, outside the entry list, without overlap, within
//! its cap; the table re-serializes and parses back to the same entries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_attestation::provider::CertTable;
use obscura_attestation::provider::cert_table::{
    CERT_TABLE_ENTRY_LEN, MAX_CERT_TABLE_ENTRIES, MAX_CRL_BYTES,
};

fuzz_target!(|data: &[u8]| {
    let Ok(table) = CertTable::parse(data) else {
        return;
    };
    let entries = table.entries();
    assert!(entries.len() <= MAX_CERT_TABLE_ENTRIES);
    if !entries.is_empty() {
        let list = (entries.len() + 1) * CERT_TABLE_ENTRY_LEN;
        let payload: usize = entries.iter().map(|e| e.data.len()).sum();
        // Non-overlapping data after the entry list fits in the input.
        assert!(list + payload <= data.len());
    }
    for e in entries {
        assert!(!e.data.is_empty() && e.data.len() <= MAX_CRL_BYTES);
        assert!(data.windows(e.data.len()).any(|w| w == e.data.as_slice()));
    }
    let again = CertTable::parse(&table.to_bytes()).expect("re-parse");
    assert_eq!(again, table);
});
