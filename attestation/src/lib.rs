//! SEV-SNP evidence for Obscura.
//!
//! This crate produces attestation reports inside the enclave (configfs-tsm or the
//! `/dev/sev-guest` device through [`provider::detect`], or the [`sim`]ulator on laptops and
//! in tests) and verifies them for clients: report format, signature, VCEK/VLEK chain to the
//! pinned AMD roots, validity dates, CRL, TCB, guest policy, launch measurement and the key
//! binding of [`obscura_protocol::binding`]. It also fetches AMD collateral from the KDS with an
//! on-disk cache (`kds`, behind the `kds` feature) and computes the launch measurement to pin
//! ([`measure`]).
//!
//! Modules follow the data flow: [`provider`] and [`sim`] produce a report
//! through [`sim::AttestationProvider`], [`report`] decodes the 1184 bytes, [`chain`] checks
//! the AMD certificates and CRL, and [`verify`] runs every check against a
//! [`policy::Policy`], returning a proof type or a per-check list for a CLI.
//!
//! The whole flow with the simulator (its root is accepted only because the policy says so,
//! dangerously; real evidence chains to the AMD roots pinned in code):
//!
//! ```
//! use std::time::{Duration, SystemTime};
//! use obscura_attestation::report::{Product, Report};
//! use obscura_attestation::sim::{AttestationProvider, SimConfig, SimKeys, Simulator};
//! use obscura_attestation::verify::{verify_report, Policy};
//! use obscura_attestation::Error;
//!
//! let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_478_400); // 2026-11-24
//! let keys = SimKeys::from_pkcs8_pem(
//!     include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/sim-ark.key.pem")),
//!     include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/sim-ask.key.pem")),
//!     include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/sim-asvk.key.pem")),
//! )?;
//! let sim = Simulator::new(&keys, SimConfig::new(Product::Genoa), now)?;
//! let ev = sim.report([7; 64])?;
//! let chain: Vec<&[u8]> = ev.chain.iter().map(Vec::as_slice).collect();
//!
//! // Refused by default: the simulated ARK is not AMD's.
//! let policy = Policy::authenticity();
//! let err = verify_report(&ev.report, &ev.signer_cert, &chain, ev.crl.as_deref(), &policy, now);
//! assert_eq!(err.unwrap_err(), Error::ArkNotPinned { product: Product::Genoa });
//!
//! let policy = Policy::authenticity().dangerous_accept_simulated_root(sim.ark_der())?;
//! let ok = verify_report(&ev.report, &ev.signer_cert, &chain, ev.crl.as_deref(), &policy, now)?;
//! assert_eq!(ok.report().report_data.0, [7; 64]);
//!
//! // A report is exactly 1184 bytes; anything else is refused before any field is read.
//! let err = Report::parse(&[0u8; 100], Some(Product::Milan)).unwrap_err();
//! assert_eq!(err, Error::ReportSize { expected: 1184, got: 100 });
//! # Ok::<(), Error>(())
//! ```

#![forbid(unsafe_code)]

pub mod chain;
#[cfg(feature = "kds")]
pub mod kds;
pub mod measure;
pub mod policy;
pub mod provider;
pub mod report;
pub mod sim;
pub mod verify;

use report::{Product, SigningKey, TcbComponent};

/// Errors of attestation production and verification.
///
/// Every variant carries only public data (offsets, versions, TCB values, certificate roles
/// and times), never a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A report must be exactly 1184 bytes.
    #[error("attestation report must be {expected} bytes, got {got}")]
    ReportSize {
        /// Required size.
        expected: usize,
        /// Size seen.
        got: usize,
    },
    /// `VERSION` is not one this crate knows, or not one the policy allows.
    #[error("unsupported report version {version}")]
    UnsupportedVersion {
        /// The version in the report.
        version: u32,
    },
    /// A report without CPUID (version 2) needs the product from the caller or policy.
    #[error("report version {version} carries no CPUID: the product must be pinned")]
    ProductRequired {
        /// The version in the report.
        version: u32,
    },
    /// The CPUID in the report is not a known SEV-SNP product.
    #[error("unknown CPUID family {family:#x} model {model:#x} stepping {stepping:#x}")]
    UnknownCpuid {
        /// Family.
        family: u8,
        /// Model.
        model: u8,
        /// Stepping.
        stepping: u8,
    },
    /// The product from the report differs from the one the caller pinned.
    #[error("report is from {found}, expected {expected}")]
    ProductMismatch {
        /// The pinned product.
        expected: Product,
        /// The product the report names.
        found: Product,
    },
    /// A reserved or must-be-zero byte is not zero.
    #[error("reserved byte at offset {offset:#x} is not zero")]
    ReservedNonZero {
        /// Offset in the report of the first non-zero reserved byte.
        offset: usize,
    },
    /// `POLICY` bit 17 (reserved, must be one) is clear.
    #[error("guest policy bit 17 must be set")]
    PolicyBit17Clear,
    /// `POLICY` bits 26..63 are not zero.
    #[error("reserved guest policy bits set: {bits:#x}")]
    PolicyReservedBits {
        /// The offending bits.
        bits: u64,
    },
    /// `KEY_INFO` bits 5..31 are not zero.
    #[error("reserved KEY_INFO bits set: {bits:#x}")]
    KeyInfoReservedBits {
        /// The offending bits.
        bits: u32,
    },
    /// `KEY_INFO.SIGNING_KEY` holds a reserved value (2..6).
    #[error("reserved SIGNING_KEY value {value}")]
    SigningKeyReserved {
        /// The raw value.
        value: u8,
    },
    /// `SIGNATURE_ALGO` is not 1 (ECDSA P-384 with SHA-384).
    #[error("unsupported signature algorithm {algo}")]
    SignatureAlgorithm {
        /// The value in the report.
        algo: u32,
    },
    /// The report was signed by a key the policy does not accept (or by none).
    #[error("signing key {signer} not allowed by the policy")]
    SignerNotAllowed {
        /// The signing key named by `KEY_INFO`.
        signer: SigningKey,
    },
    /// `KEY_INFO.MASK_CHIP_KEY` is set: the report carries no signature.
    #[error("MASK_CHIP_KEY is set: the report is not signed")]
    MaskChipKey,
    /// The ECDSA signature over bytes 0x000..0x2A0 does not verify.
    #[error("report signature does not verify with the {signer} key")]
    ReportSignature {
        /// The signing key that was used.
        signer: SigningKey,
    },
    /// The evidence lacks the certificate of the key that signed the report.
    #[error("no {signer} certificate in the evidence")]
    SignerCertMissing {
        /// The signing key named by `KEY_INFO`.
        signer: SigningKey,
    },
    /// A certificate or CRL does not decode.
    #[error("{role} does not decode as DER X.509")]
    CertDecode {
        /// Which certificate.
        role: CertRole,
    },
    /// The supplied (or only available) ARK is not the pinned AMD root for the product.
    #[error("ARK is not the pinned root for {product}")]
    ArkNotPinned {
        /// The product.
        product: Product,
    },
    /// No built-in intermediate exists and none was supplied (e.g. a simulated chain).
    #[error("no {role} available for {product}")]
    IntermediateMissing {
        /// ASK or ASVK.
        role: CertRole,
        /// The product.
        product: Product,
    },
    /// A certificate's RSA-PSS/SHA-384 signature by its issuer does not verify, or uses
    /// another algorithm.
    #[error("{signee} is not signed by the {signer} with RSA-PSS/SHA-384")]
    CertSignature {
        /// The issuer.
        signer: CertRole,
        /// The certificate whose signature failed.
        signee: CertRole,
    },
    /// A certificate's issuer name is not its signer's subject, or its common name is not
    /// the one AMD uses for that role and product.
    #[error("{role} has an unexpected name")]
    CertName {
        /// Which certificate.
        role: CertRole,
    },
    /// The leaf's key is not an ECDSA P-384 key.
    #[error("{role} key is not ECDSA P-384")]
    LeafKey {
        /// VCEK or VLEK.
        role: CertRole,
    },
    /// A certificate is not valid yet at the verification time.
    #[error("{role} is not valid before {not_before} (now {now}, Unix seconds)")]
    CertNotYetValid {
        /// Which certificate.
        role: CertRole,
        /// notBefore, Unix seconds.
        not_before: u64,
        /// The verification time, Unix seconds.
        now: u64,
    },
    /// A certificate has expired at the verification time.
    #[error("{role} expired at {not_after} (now {now}, Unix seconds)")]
    CertExpired {
        /// Which certificate.
        role: CertRole,
        /// notAfter, Unix seconds.
        not_after: u64,
        /// The verification time, Unix seconds.
        now: u64,
    },
    /// The policy requires a CRL and none was supplied.
    #[error("no CRL supplied")]
    CrlMissing,
    /// The CRL is not signed by the ARK with RSA-PSS/SHA-384, or not issued by it.
    #[error("CRL is not issued and signed by the ARK")]
    CrlSignature,
    /// The CRL's thisUpdate is in the future.
    #[error("CRL is not valid before {this_update} (now {now})")]
    CrlNotYetValid {
        /// thisUpdate, Unix seconds.
        this_update: u64,
        /// The verification time, Unix seconds.
        now: u64,
    },
    /// The CRL is past its nextUpdate (or has none) and the policy requires a fresh one.
    #[error("CRL is stale: nextUpdate {next_update:?} (now {now})")]
    CrlStale {
        /// nextUpdate, Unix seconds, if present.
        next_update: Option<u64>,
        /// The verification time, Unix seconds.
        now: u64,
    },
    /// A certificate of the chain is listed in the CRL.
    #[error("{role} serial {serial} is revoked")]
    Revoked {
        /// Which certificate.
        role: CertRole,
        /// Its serial number, hex.
        serial: String,
    },
    /// A certificate extension AMD always sets is missing.
    #[error("{role} lacks the {extension} extension")]
    ExtensionMissing {
        /// Which certificate.
        role: CertRole,
        /// The extension's name.
        extension: &'static str,
    },
    /// A certificate extension has an unexpected encoding.
    #[error("{role} has a malformed {extension} extension")]
    ExtensionMalformed {
        /// Which certificate.
        role: CertRole,
        /// The extension's name.
        extension: &'static str,
    },
    /// The certificate's productName does not name the report's product.
    #[error("certificate productName {name:?} does not match {product}")]
    ProductNameMismatch {
        /// The productName in the certificate.
        name: String,
        /// The product of the report.
        product: Product,
    },
    /// A TCB component of the certificate differs from `REPORTED_TCB`.
    #[error("certificate {component} SPL {cert} differs from REPORTED_TCB {report}")]
    TcbCertMismatch {
        /// The component.
        component: TcbComponent,
        /// The value in the certificate.
        cert: u8,
        /// The value in the report.
        report: u8,
    },
    /// The VCEK hwID differs from `CHIP_ID`.
    #[error("VCEK hwID does not match CHIP_ID")]
    ChipIdMismatch,
    /// `CHIP_ID` is masked (all zero) but a VCEK binds it.
    #[error("CHIP_ID is masked; a VCEK-signed report must carry it")]
    ChipIdMasked,
    /// A VLEK carries a hwID, which AMD never issues.
    #[error("VLEK must not carry a hwID")]
    VlekHasHwId,
    /// A TCB component is below the policy's minimum.
    #[error("{which} {component} SPL {got} is below the minimum {min}")]
    TcbTooLow {
        /// Which TCB field (`reported`, `current`, `committed`, `launch`).
        which: &'static str,
        /// The component.
        component: TcbComponent,
        /// The value in the report.
        got: u8,
        /// The policy's minimum.
        min: u8,
    },
    /// COMMITTED and CURRENT TCB or firmware relate in a way the policy does not allow.
    #[error("committed {component} {committed} vs current {current} not allowed")]
    CommittedVsCurrent {
        /// The component (`fmc`, `bl`, `tee`, `snp`, `ucode`, `firmware`).
        component: &'static str,
        /// Committed value.
        committed: u32,
        /// Current value.
        current: u32,
    },
    /// The firmware is older than the policy's minimum.
    #[error("firmware {got} below the minimum {min}")]
    FirmwareTooLow {
        /// Current firmware.
        got: report::FirmwareVersion,
        /// Minimum.
        min: report::FirmwareVersion,
    },
    /// Guest policy allows debugging.
    #[error("guest policy allows debugging")]
    DebugAllowed,
    /// Guest policy allows a migration agent.
    #[error("guest policy allows a migration agent")]
    MigrationAgentAllowed,
    /// Guest policy bits the policy requires are clear, or forbidden bits are set.
    #[error("guest policy {policy:#x}: missing {missing:#x}, forbidden {forbidden:#x}")]
    GuestPolicy {
        /// The guest policy in the report.
        policy: u64,
        /// Required bits that are clear.
        missing: u64,
        /// Forbidden bits that are set.
        forbidden: u64,
    },
    /// The guest policy's minimum ABI is below the policy's minimum.
    #[error("guest ABI {major}.{minor} below the minimum")]
    AbiTooLow {
        /// ABI major from the guest policy.
        major: u8,
        /// ABI minor from the guest policy.
        minor: u8,
    },
    /// PLATFORM_INFO bits the policy requires are clear, or forbidden bits are set.
    #[error("platform info {info:#x}: missing {missing:#x}, forbidden {forbidden:#x}")]
    PlatformInfo {
        /// PLATFORM_INFO in the report.
        info: u64,
        /// Required bits that are clear.
        missing: u64,
        /// Forbidden bits that are set.
        forbidden: u64,
    },
    /// A required mitigation-vector bit is clear (or the report predates v5).
    #[error("mitigation vector {got:?} lacks required bits {required:#x}")]
    MitigationVector {
        /// The CURRENT_MIT_VECTOR, if the report has one.
        got: Option<u64>,
        /// The required bits.
        required: u64,
    },
    /// VMPL is not the expected level.
    #[error("VMPL {got}, expected {expected}")]
    Vmpl {
        /// Expected VMPL.
        expected: u32,
        /// VMPL in the report.
        got: u32,
    },
    /// MEASUREMENT is not in the policy's allow-list.
    #[error("measurement {measurement} is not allowed")]
    MeasurementNotAllowed {
        /// The launch digest, hex.
        measurement: String,
    },
    /// HOST_DATA differs from the policy's.
    #[error("HOST_DATA does not match the policy")]
    HostData,
    /// ID_KEY_DIGEST differs from the policy's.
    #[error("ID_KEY_DIGEST does not match the policy")]
    IdKeyDigest,
    /// FAMILY_ID differs from the policy's.
    #[error("FAMILY_ID does not match the policy")]
    FamilyId,
    /// IMAGE_ID differs from the policy's.
    #[error("IMAGE_ID does not match the policy")]
    ImageId,
    /// AUTHOR_KEY_DIGEST differs from the policy's.
    #[error("AUTHOR_KEY_DIGEST does not match the policy")]
    AuthorKeyDigest,
    /// GUEST_SVN is below the policy's minimum.
    #[error("GUEST_SVN {got} below the minimum {min}")]
    GuestSvnTooLow {
        /// In the report.
        got: u32,
        /// Minimum.
        min: u32,
    },
    /// REPORT_DATA is not the binding recomputed over the bundle's keys, claims and nonce.
    #[error("REPORT_DATA does not bind the evidence's key configurations, claims and nonce")]
    ReportDataMismatch,
    /// The evidence is past its `expires_at`.
    #[error("evidence expired at {expires_at} (now {now})")]
    EvidenceExpired {
        /// expires_at, Unix seconds.
        expires_at: u64,
        /// The verification time, Unix seconds.
        now: u64,
    },
    /// The evidence carries another nonce (or none) than the one the caller asked for.
    #[error("evidence nonce does not match the requested one")]
    NonceMismatch,
    /// The evidence bundle is malformed (as `obscura-protocol` reports it).
    #[error("evidence bundle: {0}")]
    Evidence(#[from] obscura_protocol::Error),
    /// The KDS has no such resource (HTTP 404; not retried).
    #[error("KDS: {url} not found")]
    KdsNotFound {
        /// The URL requested.
        url: String,
    },
    /// The KDS answered with a status that is final, or still failing after the retries.
    #[error("KDS: {url} answered HTTP {status} after {attempts} attempt(s)")]
    KdsStatus {
        /// The URL requested.
        url: String,
        /// The last HTTP status.
        status: u16,
        /// Requests made.
        attempts: u32,
    },
    /// The request or the body transfer failed (connection, TLS, timeout, truncated body).
    #[error("KDS: {url}: {reason}")]
    KdsTransport {
        /// The URL requested.
        url: String,
        /// What the HTTP client reported.
        reason: String,
    },
    /// The body is larger than the cap for its kind.
    #[error("KDS: {url} body exceeds {limit} bytes")]
    KdsBodyTooLarge {
        /// The URL requested.
        url: String,
        /// The cap.
        limit: usize,
    },
    /// The body is not what the URL serves (truncated or wrong content).
    #[error("KDS: {url} body is not {expected}")]
    KdsBody {
        /// The URL requested.
        url: String,
        /// What was expected.
        expected: &'static str,
    },
    /// Offline mode and the cache holds nothing usable for the URL (a CRL past its
    /// nextUpdate is not usable).
    #[error("KDS offline: {url} is not in the cache (or no longer fresh)")]
    KdsOfflineMiss {
        /// The URL that would have been requested.
        url: String,
    },
    /// The KDS cache could not be written.
    #[error("KDS cache {path}: {reason}")]
    KdsCache {
        /// The file.
        path: String,
        /// The I/O error kind.
        reason: String,
    },
    /// The simulator or a provider failed.
    #[error("attestation provider: {0}")]
    Provider(&'static str),
    /// The host's certificate table (configfs-tsm `auxblob`, sev-guest certificate buffer)
    /// is malformed.
    #[error("host certificate table: {0}")]
    CertTable(provider::CertTableError),
    /// A VMPL outside 0..=3 was requested.
    #[error("VMPL {vmpl} is not in 0..=3")]
    InvalidVmpl {
        /// The requested level.
        vmpl: u32,
    },
    /// A configfs-tsm file operation failed.
    #[error("configfs-tsm {file}: {kind}")]
    TsmIo {
        /// The attribute file (or `report entry` for the directory).
        file: &'static str,
        /// The I/O error kind.
        kind: std::io::ErrorKind,
    },
    /// A configfs-tsm attribute does not hold what the kernel documents.
    #[error("configfs-tsm {file} is malformed")]
    TsmMalformed {
        /// The attribute file.
        file: &'static str,
    },
    /// The configfs-tsm `provider` is not `sev_guest`.
    #[error("configfs-tsm provider is {provider:?}, not sev_guest")]
    TsmProvider {
        /// The provider the kernel names.
        provider: String,
    },
    /// Another writer changed the configfs-tsm entry on every attempt.
    #[error("configfs-tsm generation changed under us ({before} -> {after})")]
    TsmGenerationChanged {
        /// `generation` after our writes, in the last attempt.
        before: u64,
        /// `generation` after our reads, in the last attempt.
        after: u64,
    },
    /// The `/dev/sev-guest` ioctl (through the `sev` crate) failed.
    #[error("sev-guest: {detail}")]
    SevGuest {
        /// The device's or firmware's error, as text.
        detail: String,
    },
    /// Neither configfs-tsm nor `/dev/sev-guest` exists: not an SEV-SNP guest (or the
    /// driver is not loaded). The simulator is never chosen instead.
    #[error("no SEV-SNP device: neither {tsm_root} nor {sev_guest} exists")]
    NoSnpDevice {
        /// The configfs-tsm directory looked at.
        tsm_root: String,
        /// The device node looked at.
        sev_guest: String,
    },
    /// An OVMF image given to the launch-measurement calculator is malformed or unusable.
    #[error("OVMF image: {0}")]
    Ovmf(measure::OvmfError),
    /// The launch-measurement inputs (other than the OVMF image) are invalid.
    #[error("launch inputs: {0}")]
    LaunchInput(measure::LaunchInputError),
    /// A local invariant failed; a bug, never caused by input.
    #[error("internal error: {0}")]
    Internal(&'static str),
}

/// The role of a certificate (or CRL) in an AMD chain, for error reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertRole {
    /// AMD Root Key.
    Ark,
    /// AMD SEV Key (VCEK intermediate).
    Ask,
    /// AMD SEV VLEK Key (VLEK intermediate).
    Asvk,
    /// Versioned Chip Endorsement Key.
    Vcek,
    /// Versioned Loaded Endorsement Key.
    Vlek,
    /// The certificate revocation list.
    Crl,
}

impl std::fmt::Display for CertRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CertRole::Ark => "ARK",
            CertRole::Ask => "ASK",
            CertRole::Asvk => "ASVK",
            CertRole::Vcek => "VCEK",
            CertRole::Vlek => "VLEK",
            CertRole::Crl => "CRL",
        })
    }
}
