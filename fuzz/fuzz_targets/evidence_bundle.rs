//! Evidence bundles (JSON): parse never panics; what parses serializes and parses back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_protocol::evidence::EvidenceBundle;

fuzz_target!(|data: &[u8]| {
    if let Ok(bundle) = EvidenceBundle::from_json(data) {
        let json = bundle.to_json().expect("a valid bundle serializes");
        let back = EvidenceBundle::from_json(&json).expect("and parses back");
        assert_eq!(back, bundle);
        let _ = bundle.expected_report_data();
    }
});
