//! Any decrypted inner request, dispatched by path (`/v1/caption`, `/v1/sanitize`), and the
//! sanitize response: the decoders never panic, and whatever decodes re-encodes to bytes that
//! decode to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_protocol::message::{InnerRequest, SanitizeOutcome};

fuzz_target!(|data: &[u8]| {
    match InnerRequest::decode(data) {
        Ok(InnerRequest::Caption(req)) => {
            let again = InnerRequest::decode(&req.encode().expect("encode")).expect("decode");
            assert_eq!(again, InnerRequest::Caption(req));
        }
        Ok(InnerRequest::Sanitize(req)) => {
            let again = InnerRequest::decode(&req.encode().expect("encode")).expect("decode");
            assert_eq!(again, InnerRequest::Sanitize(req));
        }
        Err(_) => {}
    }
    if let Ok(outcome) = SanitizeOutcome::decode(data) {
        let again = SanitizeOutcome::decode(&outcome.encode().expect("encode")).expect("decode");
        assert_eq!(again, outcome);
    }
});
