//! OVMF images (GUID footer table, SEV metadata): parse never panics; what parses respects
//! the caps, and the launch measurement over it either computes or fails with a typed error.
//! The input is zero-padded at the front to whole pages so the tables at the end are reached.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_attestation::Error;
use obscura_attestation::measure::ovmf::{MAX_METADATA_SECTIONS, OvmfImage};
use obscura_attestation::measure::{LaunchInputs, LaunchMeasurement, VcpuType};

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let pad = (4096 - data.len() % 4096) % 4096;
    let mut image = vec![0u8; pad];
    image.extend_from_slice(data);
    let Ok(ovmf) = OvmfImage::parse(&image) else {
        return;
    };
    assert!(ovmf.sections().len() <= MAX_METADATA_SECTIONS);
    let mut inputs = LaunchInputs::new(&image, 2, VcpuType::EpycMilan);
    inputs.kernel = Some(b"kernel");
    match LaunchMeasurement::compute(&inputs) {
        Ok(_) | Err(Error::Ovmf(_)) => {}
        Err(other) => panic!("unexpected error {other:?}"),
    }
});
