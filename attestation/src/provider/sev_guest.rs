//! Reports through `/dev/sev-guest`, via the `sev` crate.
//!
//! By default the provider asks for the report alone (`SNP_GET_REPORT`): the VCEK then comes
//! from AMD's KDS, which is what most hosts require anyway (few call `SNP_SET_EXT_CONFIG`).
//!
//! [`SevGuestProvider::dangerous_with_host_certificates`] switches to `SNP_GET_EXT_REPORT`,
//! which also returns the host's certificate table. **sev 8.0.0 splits that table in
//! `unsafe` code without checking the entries' offsets and lengths against the buffer, nor
//! that a terminator exists within it** (`CertTableEntry::parse_table`): a hostile host can
//! make the guest read past the buffer, and the bytes read would end up in the evidence
//! that is published. Hence off by default; configfs-tsm (preferred by
//! [`super::detect`]) returns the same table as bytes, which [`CertTable::parse`] checks.
//! The entries the `sev` crate does return still pass [`CertTable::from_entries`] (count,
//! sizes, duplicates) before they become [`RawEvidence`].

use std::path::Path;

use sev::firmware::guest::Firmware;
use sev::firmware::host::CertType;

use super::cert_table::{
    CertEntry, CertTable, GUID_ARK, GUID_ASK, GUID_CRL, GUID_VCEK, GUID_VLEK, Guid,
};
use crate::Error;
use crate::sim::{AttestationProvider, RawEvidence};

/// The guest driver's device node.
pub const SEV_GUEST_DEVICE: &str = "/dev/sev-guest";

/// An [`AttestationProvider`] over `/dev/sev-guest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SevGuestProvider {
    vmpl: u32,
    host_certificates: bool,
}

impl SevGuestProvider {
    /// Requests reports (without the host's certificates) at VMPL `vmpl` (0..=3). The guest
    /// OS without an SVSM runs at 0.
    pub fn new(vmpl: u32) -> Result<Self, Error> {
        if vmpl > 3 {
            return Err(Error::InvalidVmpl { vmpl });
        }
        Ok(Self {
            vmpl,
            host_certificates: false,
        })
    }

    /// Also asks for the host's certificate table (`SNP_GET_EXT_REPORT`). Dangerous: the
    /// `sev` crate parses it without bounds checks (see the module docs).
    pub fn dangerous_with_host_certificates(mut self) -> Self {
        self.host_certificates = true;
        self
    }

    /// Whether the host's certificate table is requested.
    pub fn host_certificates(&self) -> bool {
        self.host_certificates
    }

    /// The VMPL the reports are requested at.
    pub fn vmpl(&self) -> u32 {
        self.vmpl
    }

    /// Whether the device node exists (it may still refuse to open).
    pub fn available() -> bool {
        Path::new(SEV_GUEST_DEVICE).exists()
    }
}

/// The GUID of an entry the `sev` crate decoded; `None` for its terminator.
fn guid_of(cert_type: &CertType) -> Option<Guid> {
    Some(match cert_type {
        CertType::Empty => return None,
        CertType::ARK => GUID_ARK,
        CertType::ASK => GUID_ASK,
        CertType::VCEK => GUID_VCEK,
        CertType::VLEK => GUID_VLEK,
        CertType::CRL => GUID_CRL,
        CertType::OTHER(uuid) => Guid(uuid.into_bytes()),
    })
}

impl AttestationProvider for SevGuestProvider {
    fn report(&self, report_data: [u8; 64]) -> Result<RawEvidence, Error> {
        let mut fw = Firmware::open().map_err(|e| Error::SevGuest {
            detail: format!("open {SEV_GUEST_DEVICE}: {e}"),
        })?;
        let device_err = |e: sev::error::UserApiError| Error::SevGuest {
            detail: e.to_string(),
        };
        if !self.host_certificates {
            let report = fw
                .get_report(None, Some(report_data), Some(self.vmpl))
                .map_err(device_err)?;
            return CertTable::default().into_evidence(report);
        }
        let (report, certs) = fw
            .get_ext_report(None, Some(report_data), Some(self.vmpl))
            .map_err(device_err)?;
        let entries = certs
            .unwrap_or_default()
            .into_iter()
            .filter_map(|e| guid_of(&e.cert_type).map(|guid| CertEntry { guid, data: e.data }))
            .collect();
        CertTable::from_entries(entries)?.into_evidence(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vmpl_is_bounded_and_host_certificates_are_opt_in() {
        let p = SevGuestProvider::new(3).unwrap();
        assert_eq!((p.vmpl(), p.host_certificates()), (3, false));
        assert!(p.dangerous_with_host_certificates().host_certificates());
        assert_eq!(
            SevGuestProvider::new(4),
            Err(Error::InvalidVmpl { vmpl: 4 })
        );
    }

    #[test]
    fn sev_cert_types_map_to_the_table_guids() {
        assert_eq!(guid_of(&CertType::Empty), None);
        assert_eq!(guid_of(&CertType::ARK), Some(GUID_ARK));
        assert_eq!(guid_of(&CertType::ASK), Some(GUID_ASK));
        assert_eq!(guid_of(&CertType::VCEK), Some(GUID_VCEK));
        assert_eq!(guid_of(&CertType::VLEK), Some(GUID_VLEK));
        assert_eq!(guid_of(&CertType::CRL), Some(GUID_CRL));
        // The sev crate's own string for each type is the GUID we print.
        for t in [
            CertType::ARK,
            CertType::ASK,
            CertType::VCEK,
            CertType::VLEK,
            CertType::CRL,
        ] {
            assert_eq!(guid_of(&t).unwrap().to_string(), t.to_string());
        }
    }

    /// Needs an SEV-SNP guest: `cargo test -p obscura-attestation --features hardware-tests
    /// -- --ignored`.
    #[cfg(feature = "hardware-tests")]
    #[test]
    #[ignore = "needs /dev/sev-guest in an SEV-SNP guest"]
    fn hardware_report_carries_the_report_data() {
        let p = SevGuestProvider::new(0).unwrap();
        let ev = p.report([0x42; 64]).unwrap();
        let report = crate::report::Report::decode(&ev.report, None).unwrap();
        assert_eq!(report.report_data.0, [0x42; 64]);
        assert_eq!(report.vmpl, 0);
    }
}
