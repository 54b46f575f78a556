//! SEV-SNP reports: `Report::parse` never panics, for every product and without one, on the
//! raw input and on the input cut or zero-padded to 1184 bytes; a report that parses
//! re-serializes to exactly the bytes it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_attestation::report::{Product, Report};

const LEN: usize = 1184;

fuzz_target!(|data: &[u8]| {
    let mut sized = data.to_vec();
    sized.resize(LEN, 0);
    for input in [data, sized.as_slice()] {
        for product in [None, Some(Product::Milan), Some(Product::Genoa), Some(Product::Turin)] {
            if let Ok(report) = Report::parse(input, product) {
                assert_eq!(report.as_bytes().as_slice(), input);
                let again = Report::parse(report.as_bytes(), product).expect("re-parse");
                assert_eq!(again, report);
            }
            if let Ok(report) = Report::decode(input, product) {
                assert_eq!(report.as_bytes().as_slice(), input);
            }
        }
    }
});
