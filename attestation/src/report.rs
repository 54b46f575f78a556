//! The SEV-SNP `ATTESTATION_REPORT` (SNP ABI spec 56860, Table 23), fully decoded.
//!
//! ```text
//! 0x000 VERSION u32            | 0x004 GUEST_SVN u32       | 0x008 POLICY u64
//! 0x010 FAMILY_ID [16]         | 0x020 IMAGE_ID [16]       | 0x030 VMPL u32
//! 0x034 SIGNATURE_ALGO u32     | 0x038 CURRENT_TCB [8]     | 0x040 PLATFORM_INFO u64
//! 0x048 KEY_INFO u32           | 0x04C reserved [4]        | 0x050 REPORT_DATA [64]
//! 0x090 MEASUREMENT [48]       | 0x0C0 HOST_DATA [32]      | 0x0E0 ID_KEY_DIGEST [48]
//! 0x110 AUTHOR_KEY_DIGEST [48] | 0x140 REPORT_ID [32]      | 0x160 REPORT_ID_MA [32]
//! 0x180 REPORTED_TCB [8]       | 0x188 CPUID fam, model, stepping (v3+; reserved in v2)
//! 0x18B reserved [21]          | 0x1A0 CHIP_ID [64]        | 0x1E0 COMMITTED_TCB [8]
//! 0x1E8 CURRENT build, minor, major, reserved | 0x1EC COMMITTED build, minor, major, reserved
//! 0x1F0 LAUNCH_TCB [8]         | 0x1F8 LAUNCH_MIT_VECTOR u64 (v5) | 0x200 CURRENT_MIT_VECTOR u64 (v5)
//! 0x208 reserved [152]         | 0x2A0 SIGNATURE: R [72] | S [72] (little-endian) | reserved [368]
//! ```
//!
//! All integers are little-endian. A TCB field's byte layout depends on the product:
//! Milan and Genoa `[bl, tee, 0, 0, 0, 0, snp, ucode]`, Turin `[fmc, bl, tee, snp, 0, 0, 0,
//! ucode]`. Version 2 reports carry no CPUID, so for them the caller must name the product.
//!
//! [`Report::decode`] reads every field (it fails only on the size, an unknown version or an
//! unknown product); [`Report::check_format`] then checks every reserved or must-be-zero
//! range, naming the offset of the first non-zero byte. [`Report::parse`] does both.

use std::fmt;

use obscura_protocol::binding::ReportData;
use obscura_protocol::codec::Reader;
use obscura_protocol::limits::{REPORT_DATA_LEN, SNP_REPORT_LEN};

use crate::Error;

/// End of the signed part: the signature covers bytes `0x000..0x2A0`.
pub const SIGNED_LEN: usize = 0x2A0;
/// Length of `MEASUREMENT`.
pub const MEASUREMENT_LEN: usize = 48;
/// The report versions this crate decodes.
pub const KNOWN_VERSIONS: [u32; 4] = [2, 3, 4, 5];
/// `SIGNATURE_ALGO` of ECDSA P-384 with SHA-384, the only one defined.
pub const SIG_ALGO_ECDSA_P384_SHA384: u32 = 1;

/// An AMD EPYC product line with SEV-SNP, as AMD's key distribution service names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Product {
    /// 3rd generation EPYC (family 0x19, models 0x00-0x0F).
    Milan,
    /// 4th generation EPYC, also Bergamo and Siena (family 0x19, models 0x10-0x1F, 0xA0-0xAF).
    Genoa,
    /// 5th generation EPYC (family 0x1A, models 0x00-0x11).
    Turin,
}

impl Product {
    /// All supported products.
    pub const ALL: [Product; 3] = [Product::Milan, Product::Genoa, Product::Turin];

    /// The KDS name (`Milan`, `Genoa`, `Turin`), also the start of a VCEK's productName.
    pub fn name(self) -> &'static str {
        match self {
            Product::Milan => "Milan",
            Product::Genoa => "Genoa",
            Product::Turin => "Turin",
        }
    }

    /// Maps a report's CPUID family and model to a product; `None` for anything else
    /// (including future parts such as Venice, which must not be guessed).
    pub fn from_cpuid(family: u8, model: u8) -> Option<Product> {
        match (family, model) {
            (0x19, 0x00..=0x0F) => Some(Product::Milan),
            (0x19, 0x10..=0x1F | 0xA0..=0xAF) => Some(Product::Genoa),
            (0x1A, 0x00..=0x11) => Some(Product::Turin),
            _ => None,
        }
    }

    /// Whether TCB values use the Turin layout (with an FMC component).
    pub fn has_fmc(self) -> bool {
        matches!(self, Product::Turin)
    }

    /// Length of the VCEK hwID for this product: 8 bytes on Turin, 64 before.
    pub fn hwid_len(self) -> usize {
        if self.has_fmc() { 8 } else { 64 }
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A TCB version decoded for a product: the security patch level of each component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TcbVersion {
    /// FMC SPL (Turin only; `None` on Milan and Genoa).
    pub fmc: Option<u8>,
    /// Boot loader SPL.
    pub bl: u8,
    /// PSP OS (TEE) SPL.
    pub tee: u8,
    /// SNP firmware SPL.
    pub snp: u8,
    /// Microcode SPL.
    pub ucode: u8,
}

/// One component of a [`TcbVersion`], for error reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TcbComponent {
    /// FMC (Turin).
    Fmc,
    /// Boot loader.
    Bl,
    /// PSP OS (TEE).
    Tee,
    /// SNP firmware.
    Snp,
    /// Microcode.
    Ucode,
}

impl fmt::Display for TcbComponent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TcbComponent::Fmc => "fmc",
            TcbComponent::Bl => "bl",
            TcbComponent::Tee => "tee",
            TcbComponent::Snp => "snp",
            TcbComponent::Ucode => "ucode",
        })
    }
}

impl TcbVersion {
    /// Decodes 8 raw bytes with the product's layout. Reserved bytes are ignored here and
    /// checked by [`Report::check_format`].
    pub fn decode(product: Product, raw: [u8; 8]) -> Self {
        let [a, b, c, d, _, _, g, h] = raw;
        if product.has_fmc() {
            Self {
                fmc: Some(a),
                bl: b,
                tee: c,
                snp: d,
                ucode: h,
            }
        } else {
            Self {
                fmc: None,
                bl: a,
                tee: b,
                snp: g,
                ucode: h,
            }
        }
    }

    /// Encodes with the product's layout (reserved bytes zero). An `fmc` on a product without
    /// one is dropped.
    pub fn encode(&self, product: Product) -> [u8; 8] {
        if product.has_fmc() {
            [
                self.fmc.unwrap_or(0),
                self.bl,
                self.tee,
                self.snp,
                0,
                0,
                0,
                self.ucode,
            ]
        } else {
            [self.bl, self.tee, 0, 0, 0, 0, self.snp, self.ucode]
        }
    }

    /// The components with their values, FMC first when present.
    pub fn components(&self) -> Vec<(TcbComponent, u8)> {
        let mut out = Vec::with_capacity(5);
        if let Some(fmc) = self.fmc {
            out.push((TcbComponent::Fmc, fmc));
        }
        out.extend([
            (TcbComponent::Bl, self.bl),
            (TcbComponent::Tee, self.tee),
            (TcbComponent::Snp, self.snp),
            (TcbComponent::Ucode, self.ucode),
        ]);
        out
    }

    /// The first component below `min` (component-wise), as `(component, got, min)`.
    /// A minimum FMC applies only when both have one.
    pub fn first_below(&self, min: &TcbVersion) -> Option<(TcbComponent, u8, u8)> {
        let fmc = match (self.fmc, min.fmc) {
            (Some(g), Some(m)) => Some((TcbComponent::Fmc, g, m)),
            _ => None,
        };
        fmc.into_iter()
            .chain([
                (TcbComponent::Bl, self.bl, min.bl),
                (TcbComponent::Tee, self.tee, min.tee),
                (TcbComponent::Snp, self.snp, min.snp),
                (TcbComponent::Ucode, self.ucode, min.ucode),
            ])
            .find(|(_, got, min)| got < min)
    }

    /// The first component that differs, as `(component, self, other)`.
    pub fn first_difference(&self, other: &TcbVersion) -> Option<(TcbComponent, u8, u8)> {
        let fmc = (
            TcbComponent::Fmc,
            self.fmc.unwrap_or(0),
            other.fmc.unwrap_or(0),
        );
        [
            fmc,
            (TcbComponent::Bl, self.bl, other.bl),
            (TcbComponent::Tee, self.tee, other.tee),
            (TcbComponent::Snp, self.snp, other.snp),
            (TcbComponent::Ucode, self.ucode, other.ucode),
        ]
        .into_iter()
        .find(|(_, a, b)| a != b)
    }
}

impl fmt::Display for TcbVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(fmc) = self.fmc {
            write!(f, "fmc={fmc} ")?;
        }
        write!(
            f,
            "bl={} tee={} snp={} ucode={}",
            self.bl, self.tee, self.snp, self.ucode
        )
    }
}

/// A raw TCB field together with its product-aware decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tcb {
    /// The 8 bytes as they are in the report.
    pub raw: [u8; 8],
    /// The decoded components.
    pub version: TcbVersion,
}

/// Guest `POLICY` (offset 0x008): the launch policy the guest owner set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuestPolicy(pub u64);

impl GuestPolicy {
    /// Bit 16: SMT allowed.
    pub const SMT: u64 = 1 << 16;
    /// Bit 17: reserved, must be one.
    pub const RESERVED_ONE: u64 = 1 << 17;
    /// Bit 18: association with a migration agent allowed.
    pub const MIGRATE_MA: u64 = 1 << 18;
    /// Bit 19: debugging allowed (the hypervisor can read and write guest memory).
    pub const DEBUG: u64 = 1 << 19;
    /// Bit 20: guest may run on one socket only.
    pub const SINGLE_SOCKET: u64 = 1 << 20;
    /// Bit 21: CXL may be populated with guest memory.
    pub const CXL_ALLOW: u64 = 1 << 21;
    /// Bit 22: AES-256-XTS memory encryption required.
    pub const MEM_AES_256_XTS: u64 = 1 << 22;
    /// Bit 23: running average power limit must be disabled.
    pub const RAPL_DIS: u64 = 1 << 23;
    /// Bit 24: ciphertext hiding must be enabled.
    pub const CIPHERTEXT_HIDING: u64 = 1 << 24;
    /// Bit 25: guest page swap disabled.
    pub const PAGE_SWAP_DISABLE: u64 = 1 << 25;
    /// Bits 26..63: must be zero.
    pub const MBZ: u64 = !((1 << 26) - 1);

    /// Minimum ABI minor version (bits 0..7).
    pub fn abi_minor(self) -> u8 {
        let [minor, ..] = self.0.to_le_bytes();
        minor
    }

    /// Minimum ABI major version (bits 8..15).
    pub fn abi_major(self) -> u8 {
        let [_, major, ..] = self.0.to_le_bytes();
        major
    }

    /// Whether every bit of `mask` is set.
    pub fn has(self, mask: u64) -> bool {
        self.0 & mask == mask
    }

    /// DEBUG bit.
    pub fn debug(self) -> bool {
        self.has(Self::DEBUG)
    }

    /// MIGRATE_MA bit.
    pub fn migrate_ma(self) -> bool {
        self.has(Self::MIGRATE_MA)
    }
}

/// `PLATFORM_INFO` (offset 0x040): how the platform was configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatformInfo(pub u64);

impl PlatformInfo {
    /// Bit 0: SMT enabled.
    pub const SMT_EN: u64 = 1 << 0;
    /// Bit 1: transparent SME enabled.
    pub const TSME_EN: u64 = 1 << 1;
    /// Bit 2: ECC memory in use.
    pub const ECC_EN: u64 = 1 << 2;
    /// Bit 3: RAPL disabled.
    pub const RAPL_DIS: u64 = 1 << 3;
    /// Bit 4: ciphertext hiding enabled.
    pub const CIPHERTEXT_HIDING_EN: u64 = 1 << 4;
    /// Bit 5: alias check complete.
    pub const ALIAS_CHECK_COMPLETE: u64 = 1 << 5;
    /// Bit 7: SEV-TIO enabled.
    pub const TIO_EN: u64 = 1 << 7;

    /// Whether every bit of `mask` is set.
    pub fn has(self, mask: u64) -> bool {
        self.0 & mask == mask
    }
}

/// Which key signed the report (`KEY_INFO.SIGNING_KEY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SigningKey {
    /// Versioned Chip Endorsement Key (per chip and TCB; from AMD's KDS).
    Vcek,
    /// Versioned Loaded Endorsement Key (per cloud provider; loaded into the PSP).
    Vlek,
    /// No key: the report is unsigned.
    None,
}

impl fmt::Display for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SigningKey::Vcek => "VCEK",
            SigningKey::Vlek => "VLEK",
            SigningKey::None => "none",
        })
    }
}

/// `KEY_INFO` (offset 0x048).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyInfo(pub u32);

impl KeyInfo {
    /// Bits 5..31: must be zero.
    pub const MBZ: u32 = !0x1F;

    /// Bit 0: the author key digest is present.
    pub fn author_key_en(self) -> bool {
        self.0 & 1 != 0
    }

    /// Bit 1: the chip key is masked (signature zeroed).
    pub fn mask_chip_key(self) -> bool {
        self.0 & 2 != 0
    }

    /// Bits 2..4, raw.
    pub fn signing_key_raw(self) -> u8 {
        let [b, ..] = (self.0 >> 2).to_le_bytes();
        b & 0x7
    }

    /// Bits 2..4 decoded; `None` for the reserved values 2..6.
    pub fn signing_key(self) -> Option<SigningKey> {
        match self.signing_key_raw() {
            0 => Some(SigningKey::Vcek),
            1 => Some(SigningKey::Vlek),
            7 => Some(SigningKey::None),
            _ => None,
        }
    }
}

/// A launch digest (`MEASUREMENT`, 48 bytes).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Measurement(pub [u8; MEASUREMENT_LEN]);

impl fmt::Debug for Measurement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Measurement({})", hex::encode(self.0))
    }
}

impl fmt::Display for Measurement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

/// Firmware version (`CURRENT_*` / `COMMITTED_*` at 0x1E8 / 0x1EC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FirmwareVersion {
    /// API major version.
    pub major: u8,
    /// API minor version.
    pub minor: u8,
    /// Build number.
    pub build: u8,
}

impl fmt::Display for FirmwareVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{} build {}", self.major, self.minor, self.build)
    }
}

/// CPUID family, model and stepping (v3+).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cpuid {
    /// Family (e.g. 0x19).
    pub family: u8,
    /// Model.
    pub model: u8,
    /// Stepping.
    pub stepping: u8,
}

/// The report's ECDSA signature, as stored (little-endian, 72 bytes each).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ReportSignature {
    /// R, little-endian, zero-padded to 72 bytes.
    pub r: [u8; 72],
    /// S, little-endian, zero-padded to 72 bytes.
    pub s: [u8; 72],
}

impl fmt::Debug for ReportSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ReportSignature(r={}, s={})",
            hex::encode(self.r),
            hex::encode(self.s)
        )
    }
}

/// Reserved ranges that are not inside a typed field: `(offset, length)`.
/// The CPUID range 0x188..0x18B is added for v2, the mitigation vectors 0x1F8..0x208 for v<5.
const RESERVED_RANGES: [(usize, usize); 6] = [
    (0x04C, 4),
    (0x18B, 0x1A0 - 0x18B),
    (0x1EB, 1),
    (0x1EF, 1),
    (0x208, 0x2A0 - 0x208),
    // R[48..72] and S[48..72] are checked with the signature; this is the tail after S.
    (0x330, SNP_REPORT_LEN - 0x330),
];

/// A fully decoded SEV-SNP attestation report, with the raw bytes it came from.
#[derive(Clone, PartialEq, Eq)]
pub struct Report {
    raw: Box<[u8; SNP_REPORT_LEN]>,
    /// The product whose layout decoded the TCB fields.
    pub product: Product,
    /// `VERSION`.
    pub version: u32,
    /// `GUEST_SVN`.
    pub guest_svn: u32,
    /// `POLICY`.
    pub policy: GuestPolicy,
    /// `FAMILY_ID`.
    pub family_id: [u8; 16],
    /// `IMAGE_ID`.
    pub image_id: [u8; 16],
    /// `VMPL` that requested the report.
    pub vmpl: u32,
    /// `SIGNATURE_ALGO`.
    pub sig_algo: u32,
    /// `CURRENT_TCB`.
    pub current_tcb: Tcb,
    /// `PLATFORM_INFO`.
    pub platform_info: PlatformInfo,
    /// `KEY_INFO`.
    pub key_info: KeyInfo,
    /// `REPORT_DATA`.
    pub report_data: ReportData,
    /// `MEASUREMENT`.
    pub measurement: Measurement,
    /// `HOST_DATA`.
    pub host_data: [u8; 32],
    /// `ID_KEY_DIGEST`.
    pub id_key_digest: [u8; 48],
    /// `AUTHOR_KEY_DIGEST`.
    pub author_key_digest: [u8; 48],
    /// `REPORT_ID`.
    pub report_id: [u8; 32],
    /// `REPORT_ID_MA`.
    pub report_id_ma: [u8; 32],
    /// `REPORTED_TCB`: the TCB the VCEK is issued for.
    pub reported_tcb: Tcb,
    /// CPUID family, model, stepping (v3+).
    pub cpuid: Option<Cpuid>,
    /// `CHIP_ID` (all zero when masked; Turin uses the first 8 bytes).
    pub chip_id: [u8; 64],
    /// `COMMITTED_TCB`.
    pub committed_tcb: Tcb,
    /// Current firmware version.
    pub current_fw: FirmwareVersion,
    /// Committed firmware version.
    pub committed_fw: FirmwareVersion,
    /// `LAUNCH_TCB`.
    pub launch_tcb: Tcb,
    /// `LAUNCH_MIT_VECTOR` (v5).
    pub launch_mit_vector: Option<u64>,
    /// `CURRENT_MIT_VECTOR` (v5).
    pub current_mit_vector: Option<u64>,
    /// The signature.
    pub signature: ReportSignature,
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Public data only; the raw bytes are left out to keep logs short.
        f.debug_struct("Report")
            .field("product", &self.product)
            .field("version", &self.version)
            .field("guest_svn", &self.guest_svn)
            .field("policy", &self.policy)
            .field("vmpl", &self.vmpl)
            .field("current_tcb", &self.current_tcb)
            .field("reported_tcb", &self.reported_tcb)
            .field("committed_tcb", &self.committed_tcb)
            .field("launch_tcb", &self.launch_tcb)
            .field("platform_info", &self.platform_info)
            .field("key_info", &self.key_info)
            .field("measurement", &self.measurement)
            .field("report_data", &self.report_data)
            .field("cpuid", &self.cpuid)
            .finish_non_exhaustive()
    }
}

fn le_u32(b: [u8; 4]) -> u32 {
    u32::from_le_bytes(b)
}

fn le_u64(b: [u8; 8]) -> u64 {
    u64::from_le_bytes(b)
}

impl Report {
    /// Decodes and checks the format: [`Report::decode`] then [`Report::check_format`].
    ///
    /// `product` is required for version 2 (no CPUID) and, when given for v3+, must agree
    /// with the CPUID.
    pub fn parse(bytes: &[u8], product: Option<Product>) -> Result<Self, Error> {
        let report = Self::decode(bytes, product)?;
        report.check_format()?;
        Ok(report)
    }

    /// Checks the size and version and decodes every field. Reserved ranges are not checked
    /// here (see [`Report::check_format`]).
    pub fn decode(bytes: &[u8], product: Option<Product>) -> Result<Self, Error> {
        let raw = <&[u8; SNP_REPORT_LEN]>::try_from(bytes).map_err(|_| Error::ReportSize {
            expected: SNP_REPORT_LEN,
            got: bytes.len(),
        })?;
        Self::decode_array(raw, product)
    }

    fn decode_array(raw: &[u8; SNP_REPORT_LEN], product: Option<Product>) -> Result<Self, Error> {
        // `Reader` errors are impossible on a 1184-byte array read field by field to its
        // end; they map to `Internal` rather than a panic.
        let internal = |_| Error::Internal("report reader");
        let mut r = Reader::new(raw, "attestation report");
        let version = le_u32(r.array().map_err(internal)?);
        if !KNOWN_VERSIONS.contains(&version) {
            return Err(Error::UnsupportedVersion { version });
        }
        let guest_svn = le_u32(r.array().map_err(internal)?);
        let policy = GuestPolicy(le_u64(r.array().map_err(internal)?));
        let family_id = r.array().map_err(internal)?;
        let image_id = r.array().map_err(internal)?;
        let vmpl = le_u32(r.array().map_err(internal)?);
        let sig_algo = le_u32(r.array().map_err(internal)?);
        let current_tcb_raw: [u8; 8] = r.array().map_err(internal)?;
        let platform_info = PlatformInfo(le_u64(r.array().map_err(internal)?));
        let key_info = KeyInfo(le_u32(r.array().map_err(internal)?));
        let _reserved_04c: [u8; 4] = r.array().map_err(internal)?;
        let report_data = ReportData(r.array::<REPORT_DATA_LEN>().map_err(internal)?);
        let measurement = Measurement(r.array().map_err(internal)?);
        let host_data = r.array().map_err(internal)?;
        let id_key_digest = r.array().map_err(internal)?;
        let author_key_digest = r.array().map_err(internal)?;
        let report_id = r.array().map_err(internal)?;
        let report_id_ma = r.array().map_err(internal)?;
        let reported_tcb_raw: [u8; 8] = r.array().map_err(internal)?;
        let [family, model, stepping]: [u8; 3] = r.array().map_err(internal)?;
        let _reserved_18b: [u8; 0x1A0 - 0x18B] = r.array().map_err(internal)?;
        let chip_id = r.array().map_err(internal)?;
        let committed_tcb_raw: [u8; 8] = r.array().map_err(internal)?;
        let [cur_build, cur_minor, cur_major, _]: [u8; 4] = r.array().map_err(internal)?;
        let [com_build, com_minor, com_major, _]: [u8; 4] = r.array().map_err(internal)?;
        let launch_tcb_raw: [u8; 8] = r.array().map_err(internal)?;
        let launch_mit: [u8; 8] = r.array().map_err(internal)?;
        let current_mit: [u8; 8] = r.array().map_err(internal)?;
        let _reserved_208: [u8; 0x2A0 - 0x208] = r.array().map_err(internal)?;
        let sig_r = r.array().map_err(internal)?;
        let sig_s = r.array().map_err(internal)?;
        let _reserved_330: [u8; SNP_REPORT_LEN - 0x330] = r.array().map_err(internal)?;
        r.finish().map_err(internal)?;

        let cpuid = (version >= 3).then_some(Cpuid {
            family,
            model,
            stepping,
        });
        let product = match (cpuid, product) {
            (None, Some(p)) => p,
            (None, None) => return Err(Error::ProductRequired { version }),
            (Some(c), expected) => {
                let found = Product::from_cpuid(c.family, c.model).ok_or(Error::UnknownCpuid {
                    family: c.family,
                    model: c.model,
                    stepping: c.stepping,
                })?;
                if let Some(expected) = expected {
                    if expected != found {
                        return Err(Error::ProductMismatch { expected, found });
                    }
                }
                found
            }
        };
        let tcb = |raw: [u8; 8]| Tcb {
            raw,
            version: TcbVersion::decode(product, raw),
        };
        let v5 = version >= 5;
        Ok(Self {
            raw: Box::new(*raw),
            product,
            version,
            guest_svn,
            policy,
            family_id,
            image_id,
            vmpl,
            sig_algo,
            current_tcb: tcb(current_tcb_raw),
            platform_info,
            key_info,
            report_data,
            measurement,
            host_data,
            id_key_digest,
            author_key_digest,
            report_id,
            report_id_ma,
            reported_tcb: tcb(reported_tcb_raw),
            cpuid,
            chip_id,
            committed_tcb: tcb(committed_tcb_raw),
            current_fw: FirmwareVersion {
                major: cur_major,
                minor: cur_minor,
                build: cur_build,
            },
            committed_fw: FirmwareVersion {
                major: com_major,
                minor: com_minor,
                build: com_build,
            },
            launch_tcb: tcb(launch_tcb_raw),
            launch_mit_vector: v5.then_some(le_u64(launch_mit)),
            current_mit_vector: v5.then_some(le_u64(current_mit)),
            signature: ReportSignature { r: sig_r, s: sig_s },
        })
    }

    /// Checks every reserved or must-be-zero range (including the reserved bytes inside
    /// the four TCB fields, R/S bytes 48..72 and the tail after the signature), the
    /// reserved bits of `POLICY` (bit 17 must be one, 26..63 zero) and of `KEY_INFO`, and
    /// that `SIGNING_KEY` is a defined value.
    pub fn check_format(&self) -> Result<(), Error> {
        let mut ranges: Vec<(usize, usize)> = RESERVED_RANGES.to_vec();
        if self.version < 3 {
            ranges.push((0x188, 3));
        }
        if self.version < 5 {
            ranges.push((0x1F8, 16));
        }
        ranges.push((0x2A0 + 48, 24));
        ranges.push((0x2E8 + 48, 24));
        let tcb_reserved: &[usize] = if self.product.has_fmc() {
            &[4, 5, 6]
        } else {
            &[2, 3, 4, 5]
        };
        for base in [0x038, 0x180, 0x1E0, 0x1F0] {
            for i in tcb_reserved {
                ranges.push((base + i, 1));
            }
        }
        ranges.sort_unstable();
        for (offset, len) in ranges {
            let bytes = self
                .raw
                .get(offset..offset + len)
                .ok_or(Error::Internal("reserved range"))?;
            if let Some(pos) = bytes.iter().position(|b| *b != 0) {
                return Err(Error::ReservedNonZero {
                    offset: offset + pos,
                });
            }
        }
        if !self.policy.has(GuestPolicy::RESERVED_ONE) {
            return Err(Error::PolicyBit17Clear);
        }
        if self.policy.0 & GuestPolicy::MBZ != 0 {
            return Err(Error::PolicyReservedBits {
                bits: self.policy.0 & GuestPolicy::MBZ,
            });
        }
        if self.key_info.0 & KeyInfo::MBZ != 0 {
            return Err(Error::KeyInfoReservedBits {
                bits: self.key_info.0 & KeyInfo::MBZ,
            });
        }
        if self.key_info.signing_key().is_none() {
            return Err(Error::SigningKeyReserved {
                value: self.key_info.signing_key_raw(),
            });
        }
        Ok(())
    }

    /// The raw 1184 bytes.
    pub fn as_bytes(&self) -> &[u8; SNP_REPORT_LEN] {
        &self.raw
    }

    /// The signed bytes `0x000..0x2A0`.
    pub fn signed_bytes(&self) -> &[u8] {
        let (signed, _) = self.raw.split_at(SIGNED_LEN);
        signed
    }

    /// The signing key, `None` for a reserved `SIGNING_KEY` value.
    pub fn signing_key(&self) -> Option<SigningKey> {
        self.key_info.signing_key()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn vector(path: &str) -> Option<Vec<u8>> {
        let full = format!(
            "{}/../../shared/snp-vectors/{path}",
            env!("CARGO_MANIFEST_DIR")
        );
        match std::fs::read(&full) {
            Ok(b) => Some(b),
            Err(_) => {
                eprintln!("skipping: {full} is absent");
                None
            }
        }
    }

    #[test]
    fn wrong_sizes_rejected() {
        for len in [0, 1, 1183, 1185, 4096] {
            let bytes = vec![0u8; len];
            assert_eq!(
                Report::parse(&bytes, Some(Product::Milan)).unwrap_err(),
                Error::ReportSize {
                    expected: 1184,
                    got: len
                }
            );
        }
    }

    #[test]
    fn unknown_versions_rejected() {
        for v in [0u32, 1, 6, 0xFFFF_FFFF] {
            let mut bytes = vec![0u8; SNP_REPORT_LEN];
            bytes[..4].copy_from_slice(&v.to_le_bytes());
            assert_eq!(
                Report::decode(&bytes, Some(Product::Milan)).unwrap_err(),
                Error::UnsupportedVersion { version: v }
            );
        }
    }

    #[test]
    fn v2_needs_a_product() {
        let Some(bytes) = vector("virtee-milan-v2/report.bin") else {
            return;
        };
        assert_eq!(
            Report::decode(&bytes, None).unwrap_err(),
            Error::ProductRequired { version: 2 }
        );
        let r = Report::parse(&bytes, Some(Product::Milan)).unwrap();
        assert_eq!(r.version, 2);
        assert_eq!(r.cpuid, None);
        assert_eq!(
            r.reported_tcb.version,
            TcbVersion {
                fmc: None,
                bl: 3,
                tee: 0,
                snp: 8,
                ucode: 115
            }
        );
    }

    #[test]
    fn turin_v5_fields() {
        let Some(bytes) = vector("oak-turin-v5/report.bin") else {
            return;
        };
        let r = Report::parse(&bytes, None).unwrap();
        assert_eq!(r.product, Product::Turin);
        assert_eq!(r.version, 5);
        assert_eq!(
            r.cpuid,
            Some(Cpuid {
                family: 0x1A,
                model: 0x02,
                stepping: 0x01
            })
        );
        assert_eq!(r.reported_tcb.version.fmc, Some(0));
        assert_eq!(r.reported_tcb.version.ucode, 0x47);
        assert!(r.launch_mit_vector.is_some());
        assert_eq!(&r.report_data.0[..], &bytes[0x50..0x90]);
        assert_eq!(&r.measurement.0[..], &bytes[0x90..0xC0]);
        assert_eq!(r.signed_bytes().len(), 0x2A0);
        assert_eq!(r.signing_key(), Some(SigningKey::Vcek));
        assert_eq!(
            Report::decode(&bytes, Some(Product::Genoa)).unwrap_err(),
            Error::ProductMismatch {
                expected: Product::Genoa,
                found: Product::Turin
            }
        );
    }

    #[test]
    fn every_vector_parses_and_round_trips_tcb() {
        let cases = [
            ("virtee-milan-v2", Some(Product::Milan)),
            ("trustee-milan-v2", Some(Product::Milan)),
            ("aci-milan-v2", Some(Product::Milan)),
            ("dstack-milan-v3", None),
            ("azure-genoa-v3", None),
            ("oak-turin-v5", None),
        ];
        for (dir, product) in cases {
            let Some(bytes) = vector(&format!("{dir}/report.bin")) else {
                return;
            };
            let r = Report::parse(&bytes, product).unwrap();
            for t in [r.current_tcb, r.reported_tcb, r.committed_tcb, r.launch_tcb] {
                assert_eq!(t.version.encode(r.product), t.raw, "{dir}");
            }
        }
    }

    #[test]
    fn reserved_bytes_are_named_by_offset() {
        let Some(bytes) = vector("azure-genoa-v3/report.bin") else {
            return;
        };
        // 0x03A is a reserved byte inside CURRENT_TCB (Genoa layout): `sev` accepts it.
        for offset in [
            0x04C, 0x03A, 0x182, 0x1E4, 0x1F5, 0x18B, 0x1EB, 0x1EF, 0x1F8, 0x208, 0x2D0, 0x318,
            0x330, 0x49F,
        ] {
            let mut b = bytes.clone();
            b[offset] ^= 0x01;
            assert_eq!(
                Report::parse(&b, None).unwrap_err(),
                Error::ReservedNonZero { offset },
                "offset {offset:#x}"
            );
        }
    }

    #[test]
    fn policy_and_key_info_bits() {
        let Some(bytes) = vector("azure-genoa-v3/report.bin") else {
            return;
        };
        let mut b = bytes.clone();
        b[0x0A] &= !0x02; // bit 17
        assert_eq!(
            Report::parse(&b, None).unwrap_err(),
            Error::PolicyBit17Clear
        );
        let mut b = bytes.clone();
        b[0x0F] |= 0x80; // bit 63
        assert_eq!(
            Report::parse(&b, None).unwrap_err(),
            Error::PolicyReservedBits { bits: 1 << 63 }
        );
        let mut b = bytes.clone();
        b[0x48] |= 0x20; // bit 5
        assert_eq!(
            Report::parse(&b, None).unwrap_err(),
            Error::KeyInfoReservedBits { bits: 0x20 }
        );
        let mut b = bytes;
        b[0x48] = (b[0x48] & !0x1C) | (3 << 2);
        assert_eq!(
            Report::parse(&b, None).unwrap_err(),
            Error::SigningKeyReserved { value: 3 }
        );
    }

    #[test]
    fn unknown_cpuid_rejected() {
        let Some(mut bytes) = vector("azure-genoa-v3/report.bin") else {
            return;
        };
        bytes[0x188] = 0x1A;
        bytes[0x189] = 0x50; // a future part: never guessed
        assert!(matches!(
            Report::parse(&bytes, None).unwrap_err(),
            Error::UnknownCpuid {
                family: 0x1A,
                model: 0x50,
                ..
            }
        ));
    }
}
