//! Binary HTTP: the bounded pre-scan, `bhttp` and our caption request/response decoders never
//! panic; a decoded caption request re-encodes to something that decodes to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_protocol::message::{CaptionOutcome, CaptionRequest, Kind, decode_bhttp};

fuzz_target!(|data: &[u8]| {
    let _ = decode_bhttp(data, Kind::Request, 1 << 20);
    let _ = decode_bhttp(data, Kind::Response, 1 << 20);
    if let Ok(req) = CaptionRequest::decode(data) {
        let again = CaptionRequest::decode(&req.encode().expect("encode")).expect("decode");
        assert_eq!(again, req);
    }
    if let Ok(outcome) = CaptionOutcome::decode(data) {
        let again = CaptionOutcome::decode(&outcome.encode().expect("encode")).expect("decode");
        assert_eq!(again, outcome);
    }
});
