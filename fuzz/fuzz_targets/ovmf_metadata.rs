//! OVMF images (GUID footer table, SEV metadata): parse never panics; what parses respects
//! the caps, and the launch measurement over it either computes or fails with a typed error.
//!
//! The target appends the footer GUID and the 32-byte reset-vector tail to the input (whose
//! last two bytes become the table size) and zero-pads the front to whole pages, so the
//! fuzzer starts inside the GUID table instead of having to guess 16 GUID bytes first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_attestation::Error;
use obscura_attestation::measure::ovmf::{FOOTER_GUID, MAX_METADATA_SECTIONS, OvmfImage};
use obscura_attestation::measure::{LaunchInputs, LaunchMeasurement, VcpuType};

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let mut tail = data.to_vec();
    tail.extend_from_slice(&FOOTER_GUID.0);
    tail.extend_from_slice(&[0u8; 32]);
    let pad = (4096 - tail.len() % 4096) % 4096;
    let mut image = vec![0u8; pad];
    image.extend_from_slice(&tail);
    for candidate in [data, image.as_slice()] {
        let Ok(ovmf) = OvmfImage::parse(candidate) else {
            continue;
        };
        assert!(ovmf.sections().len() <= MAX_METADATA_SECTIONS);
        for kernel in [None, Some(b"kernel".as_slice())] {
            let mut inputs = LaunchInputs::new(candidate, 2, VcpuType::EpycMilan);
            inputs.kernel = kernel;
            match LaunchMeasurement::compute(&inputs) {
                Ok(_) | Err(Error::Ovmf(_)) => {}
                Err(other) => panic!("unexpected error {other:?}"),
            }
        }
    }
});
