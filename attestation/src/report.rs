//! Field access to a raw SEV-SNP `ATTESTATION_REPORT` (SNP ABI spec 56860, Table 23).
//!
//! ```text
//! 0x000 VERSION u32 | 0x004 GUEST_SVN u32 | 0x008 POLICY u64 | 0x010 FAMILY_ID [16]
//! 0x020 IMAGE_ID [16] | 0x030 VMPL u32 | 0x034 SIGNATURE_ALGO u32 | 0x038 CURRENT_TCB u64
//! 0x040 PLATFORM_INFO u64 | 0x048 flags u32 | 0x04C reserved | 0x050 REPORT_DATA [64]
//! 0x090 MEASUREMENT [48] | 0x0C0 HOST_DATA [32] | 0x0E0 ID_KEY_DIGEST [48]
//! 0x110 AUTHOR_KEY_DIGEST [48] | 0x140 REPORT_ID [32] | 0x160 REPORT_ID_MA [32]
//! 0x180 REPORTED_TCB u64 | 0x188 CPUID fam/model/step (v3+) | 0x1A0 CHIP_ID [64]
//! 0x1E0 COMMITTED_TCB ... | 0x2A0 SIGNATURE [512] (r, s little-endian, 72 bytes each)
//! ```
//!
//! All integers are little-endian. Only fixed offsets inside a length-checked array are read,
//! so no access can fail after [`ReportView::new`].

use obscura_protocol::binding::ReportData;
use obscura_protocol::limits::{REPORT_DATA_LEN, SNP_REPORT_LEN};

use crate::Error;

/// Offset of `REPORT_DATA`.
pub const REPORT_DATA_OFFSET: usize = 0x50;
/// Offset of `MEASUREMENT`.
pub const MEASUREMENT_OFFSET: usize = 0x90;
/// Length of `MEASUREMENT`.
pub const MEASUREMENT_LEN: usize = 48;
/// End of the signed part: the signature covers bytes `0x000..0x2A0`.
pub const SIGNED_LEN: usize = 0x2A0;

/// A borrowed report of the right size.
#[derive(Debug, Clone, Copy)]
pub struct ReportView<'a> {
    bytes: &'a [u8; SNP_REPORT_LEN],
}

impl<'a> ReportView<'a> {
    /// Checks the size (exactly 1184 bytes) and borrows the report.
    pub fn new(bytes: &'a [u8]) -> Result<Self, Error> {
        let bytes = <&[u8; SNP_REPORT_LEN]>::try_from(bytes).map_err(|_| Error::ReportSize {
            expected: SNP_REPORT_LEN,
            got: bytes.len(),
        })?;
        Ok(Self { bytes })
    }

    /// `VERSION`.
    pub fn version(&self) -> u32 {
        let [a, b, c, d, ..] = *self.bytes;
        u32::from_le_bytes([a, b, c, d])
    }

    /// `REPORT_DATA`.
    pub fn report_data(&self) -> ReportData {
        let mut out = [0u8; REPORT_DATA_LEN];
        out.copy_from_slice(self.field::<REPORT_DATA_LEN>(REPORT_DATA_OFFSET));
        ReportData(out)
    }

    /// `MEASUREMENT`: the launch digest.
    pub fn measurement(&self) -> [u8; MEASUREMENT_LEN] {
        let mut out = [0u8; MEASUREMENT_LEN];
        out.copy_from_slice(self.field::<MEASUREMENT_LEN>(MEASUREMENT_OFFSET));
        out
    }

    /// The signed bytes `0x000..0x2A0`.
    pub fn signed_bytes(&self) -> &'a [u8] {
        let (signed, _) = self.bytes.split_at(SIGNED_LEN);
        signed
    }

    fn field<const N: usize>(&self, offset: usize) -> &'a [u8] {
        // `offset + N` is a compile-time-known in-bounds range for every caller above.
        let (_, tail) = self.bytes.split_at(offset);
        let (field, _) = tail.split_at(N);
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_sizes_rejected() {
        for len in [0, 1, 1183, 1185, 4096] {
            let bytes = vec![0u8; len];
            assert_eq!(
                ReportView::new(&bytes).unwrap_err(),
                Error::ReportSize {
                    expected: 1184,
                    got: len
                }
            );
        }
    }

    #[test]
    fn real_report_fields() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/snp-vectors/oak-turin-v5/report.bin"
        );
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("skipping: ../shared/snp-vectors is absent");
            return;
        };
        let view = ReportView::new(&bytes).unwrap();
        assert_eq!(view.version(), 5);
        assert_eq!(view.signed_bytes().len(), 0x2A0);
        assert_eq!(&view.report_data().0[..], &bytes[0x50..0x90]);
        assert_eq!(&view.measurement()[..], &bytes[0x90..0xC0]);
    }
}
