//! Hardware evidence providers inside an SEV-SNP guest, and a chooser between them.
//!
//! - [`tsm`]: configfs-tsm (`/sys/kernel/config/tsm/report`, Linux ≥ 6.7), preferred;
//! - [`sev_guest`]: the `/dev/sev-guest` ioctl through the `sev` crate (Linux only; report
//!   only unless the caller opts into the host's certificates, see its docs);
//! - [`cert_table`]: the host's GHCB certificate table both of them return, parsed as
//!   hostile input.
//!
//! [`detect`] picks the first available device and fails with [`Error::NoSnpDevice`]
//! otherwise. It never falls back to the simulator: a caller that wants simulated evidence
//! builds a [`crate::sim::Simulator`] explicitly.
//!
//! ```
//! use obscura_attestation::Error;
//! use obscura_attestation::provider::{DevicePaths, detect_at};
//! use obscura_attestation::sim::AttestationProvider;
//!
//! # fn evidence() -> Result<(), Error> {
//! // In the guest: `detect(0)` looks at the standard paths.
//! let provider = obscura_attestation::provider::detect(0)?;
//! let evidence = provider.report([0u8; 64])?;
//! // `evidence.signer_cert` is empty when the host supplied no VCEK: fetch it from KDS.
//! # Ok(()) }
//! let paths = DevicePaths {
//!     tsm_root: "/nonexistent/tsm/report".into(),
//!     sev_guest: "/nonexistent/sev-guest".into(),
//! };
//! assert_eq!(
//!     detect_at(&paths, 0).unwrap_err(),
//!     Error::NoSnpDevice {
//!         tsm_root: "/nonexistent/tsm/report".into(),
//!         sev_guest: "/nonexistent/sev-guest".into(),
//!     }
//! );
//! ```

pub mod cert_table;
#[cfg(target_os = "linux")]
pub mod sev_guest;
pub mod tsm;

use std::path::{Path, PathBuf};

pub use cert_table::{CertEntry, CertKind, CertTable, CertTableError, Guid};
#[cfg(target_os = "linux")]
pub use sev_guest::SevGuestProvider;
pub use tsm::{ConfigFs, ConfigFsTsmProvider, StdConfigFs};

use crate::Error;
use crate::sim::{AttestationProvider, RawEvidence};

/// A hardware provider chosen by [`detect`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum HardwareProvider {
    /// configfs-tsm.
    Tsm(ConfigFsTsmProvider),
    /// `/dev/sev-guest`.
    #[cfg(target_os = "linux")]
    SevGuest(SevGuestProvider),
}

impl HardwareProvider {
    /// A short name for logs: `configfs-tsm` or `sev-guest`.
    pub fn name(&self) -> &'static str {
        match self {
            HardwareProvider::Tsm(_) => "configfs-tsm",
            #[cfg(target_os = "linux")]
            HardwareProvider::SevGuest(_) => "sev-guest",
        }
    }
}

impl AttestationProvider for HardwareProvider {
    fn report(&self, report_data: [u8; 64]) -> Result<RawEvidence, Error> {
        match self {
            HardwareProvider::Tsm(p) => p.report(report_data),
            #[cfg(target_os = "linux")]
            HardwareProvider::SevGuest(p) => p.report(report_data),
        }
    }
}

/// Where [`detect_at`] looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevicePaths {
    /// The configfs-tsm report directory.
    pub tsm_root: PathBuf,
    /// The sev-guest device node.
    pub sev_guest: PathBuf,
}

impl Default for DevicePaths {
    fn default() -> Self {
        Self {
            tsm_root: PathBuf::from(tsm::DEFAULT_TSM_ROOT),
            sev_guest: PathBuf::from("/dev/sev-guest"),
        }
    }
}

/// The provider of this guest at VMPL `vmpl` (0..=3): configfs-tsm if its report directory
/// exists, else `/dev/sev-guest` if the device exists, else [`Error::NoSnpDevice`].
pub fn detect(vmpl: u8) -> Result<HardwareProvider, Error> {
    detect_at(&DevicePaths::default(), vmpl)
}

/// [`detect`] with other paths (tests, unusual mounts).
pub fn detect_at(paths: &DevicePaths, vmpl: u8) -> Result<HardwareProvider, Error> {
    if vmpl > 3 {
        return Err(Error::InvalidVmpl {
            vmpl: u32::from(vmpl),
        });
    }
    if paths.tsm_root.is_dir() {
        let p = ConfigFsTsmProvider::with_fs(StdConfigFs, &paths.tsm_root).with_privlevel(vmpl)?;
        return Ok(HardwareProvider::Tsm(p));
    }
    #[cfg(target_os = "linux")]
    if Path::new(&paths.sev_guest).exists() {
        // The `sev` crate always opens the standard node; a non-default path only says
        // whether the device is there.
        return Ok(HardwareProvider::SevGuest(SevGuestProvider::new(
            u32::from(vmpl),
        )?));
    }
    Err(Error::NoSnpDevice {
        tsm_root: paths.tsm_root.display().to_string(),
        sev_guest: Path::new(&paths.sev_guest).display().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detect_prefers_tsm_then_sev_guest_then_fails() {
        let dir = std::env::temp_dir().join(format!("obscura-detect-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let paths = DevicePaths {
            tsm_root: dir.join("tsm"),
            sev_guest: dir.join("sev-guest"),
        };
        assert_eq!(
            detect_at(&paths, 0).unwrap_err(),
            Error::NoSnpDevice {
                tsm_root: paths.tsm_root.display().to_string(),
                sev_guest: paths.sev_guest.display().to_string(),
            }
        );
        std::fs::write(&paths.sev_guest, b"").unwrap();
        assert_eq!(detect_at(&paths, 0).unwrap().name(), "sev-guest");
        std::fs::create_dir(&paths.tsm_root).unwrap();
        let p = detect_at(&paths, 2).unwrap();
        assert_eq!(p.name(), "configfs-tsm");
        match p {
            HardwareProvider::Tsm(t) => assert_eq!(t.root(), paths.tsm_root.as_path()),
            other => panic!("expected tsm, got {other:?}"),
        }
        assert_eq!(
            detect_at(&paths, 4).unwrap_err(),
            Error::InvalidVmpl { vmpl: 4 }
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// Needs an SEV-SNP guest with configfs-tsm or `/dev/sev-guest`:
    /// `cargo test -p obscura-attestation --features hardware-tests -- --ignored`.
    #[cfg(feature = "hardware-tests")]
    #[test]
    #[ignore = "needs an SEV-SNP guest"]
    fn hardware_detect_and_report() {
        let p = detect(0).unwrap();
        let ev = p.report([0x17; 64]).unwrap();
        let report = crate::report::Report::decode(&ev.report, None).unwrap();
        assert_eq!(report.report_data.0, [0x17; 64]);
    }
}
