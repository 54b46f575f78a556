//! Evidence providers: the [`AttestationProvider`] trait and a simulator for laptops and tests.
//!
//! The simulator builds an AMD-like chain: an RSA-4096 "ARK" (self-signed, RSA-PSS/SHA-384),
//! an "ASK" and an "ASVK" signed by it, a P-384 "VCEK" whose extensions carry the TCB SPLs,
//! productName and hwID exactly like AMD's KDS certificates, a P-384 "VLEK" (no hwID), and
//! ARK-signed CRLs; it then signs 1184-byte reports in the real layout. Its root is not
//! AMD's: only a [`crate::verify::Policy`] built with `dangerous_accept_simulated_root`
//! accepts it.
//!
//! The real `/dev/sev-guest` and configfs-tsm providers will implement the same trait.

use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use der::asn1::{BitString, GeneralizedTime, Ia5StringRef, OctetString, UtcTime};
use der::{Decode, Encode};
use obscura_protocol::limits::SNP_REPORT_LEN;
use p384::ecdsa::signature::Signer as _;
use p384::pkcs8::EncodePublicKey as _;
use rand_core::OsRng;
use rsa::pkcs8::DecodePrivateKey as _;
use rsa::signature::{RandomizedSigner as _, SignatureEncoding as _};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::{Certificate, TbsCertificate, Version};

use crate::Error;
use crate::chain::{
    OID_BL_SPL, OID_FMC_SPL, OID_HWID, OID_PRODUCT_NAME, OID_SNP_SPL, OID_TEE_SPL, OID_UCODE_SPL,
};
use crate::report::{FirmwareVersion, Measurement, Product, SigningKey, TcbVersion};

/// A report with the collateral a verifier needs, as a provider returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEvidence {
    /// The 1184-byte report.
    pub report: Vec<u8>,
    /// Which key signed it.
    pub signer: SigningKey,
    /// The VCEK or VLEK certificate (DER).
    pub signer_cert: Vec<u8>,
    /// Intermediate (ASK or ASVK) then ARK, DER; empty when the host gave none.
    pub chain: Vec<Vec<u8>>,
    /// The ARK-signed CRL for the signer type (DER), when available.
    pub crl: Option<Vec<u8>>,
}

impl RawEvidence {
    /// The collateral part of an evidence bundle: the signer's certificate under `vcek` or
    /// `vlek`, the chain and the CRL.
    pub fn collateral(&self) -> obscura_protocol::evidence::Collateral {
        use obscura_protocol::evidence::{Base64Bytes, Collateral};
        let cert = Some(Base64Bytes(self.signer_cert.clone()));
        let (vcek, vlek) = match self.signer {
            SigningKey::Vlek => (None, cert),
            _ => (cert, None),
        };
        Collateral {
            vcek,
            vlek,
            chain: self.chain.iter().cloned().map(Base64Bytes).collect(),
            crl: self.crl.clone().map(Base64Bytes),
        }
    }
}

/// Something that can produce an attestation report for 64 bytes of report data.
pub trait AttestationProvider {
    /// A report carrying `report_data`, with whatever collateral the provider has.
    fn report(&self, report_data: [u8; 64]) -> Result<RawEvidence, Error>;
}

/// The simulator's RSA keys (root and intermediates). No `Debug`: private keys.
pub struct SimKeys {
    ark: rsa::RsaPrivateKey,
    ask: rsa::RsaPrivateKey,
    asvk: rsa::RsaPrivateKey,
}

impl fmt::Debug for SimKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SimKeys(<redacted>)")
    }
}

impl SimKeys {
    /// Generates three RSA-4096 keys. Slow (seconds): do it once per process.
    pub fn generate() -> Result<Self, Error> {
        let generate = || {
            rsa::RsaPrivateKey::new(&mut OsRng, 4096)
                .map_err(|_| Error::Provider("RSA key generation"))
        };
        Ok(Self {
            ark: generate()?,
            ask: generate()?,
            asvk: generate()?,
        })
    }

    /// Loads PKCS#8 PEM keys (e.g. the simulator-only test keys under `testdata/`).
    pub fn from_pkcs8_pem(ark: &str, ask: &str, asvk: &str) -> Result<Self, Error> {
        let load = |pem: &str| {
            rsa::RsaPrivateKey::from_pkcs8_pem(pem)
                .map_err(|_| Error::Provider("simulator key PEM"))
        };
        Ok(Self {
            ark: load(ark)?,
            ask: load(ask)?,
            asvk: load(asvk)?,
        })
    }
}

/// What the simulated platform and guest look like. Every field is public: tests set what
/// they need on top of [`SimConfig::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimConfig {
    /// The product (names, CPUID, TCB layout).
    pub product: Product,
    /// Report version (3, 4 or 5 carry CPUID; 2 does not).
    pub version: u32,
    /// Guest POLICY (bit 17 must be set for a well-formed report).
    pub policy: u64,
    /// REPORTED, CURRENT, COMMITTED and LAUNCH TCB.
    pub tcb: TcbVersion,
    /// Launch measurement.
    pub measurement: Measurement,
    /// HOST_DATA.
    pub host_data: [u8; 32],
    /// VMPL that requests the report.
    pub vmpl: u32,
    /// CHIP_ID (Turin: only the first 8 bytes are used).
    pub chip_id: [u8; 64],
    /// Which key signs.
    pub signer: SigningKey,
    /// GUEST_SVN.
    pub guest_svn: u32,
    /// PLATFORM_INFO.
    pub platform_info: u64,
    /// Firmware version (current and committed).
    pub firmware: FirmwareVersion,
    /// Mitigation vectors (v5 only).
    pub mit_vector: u64,
    /// TCB written into the VCEK/VLEK, when it should differ from `tcb` (tests).
    pub cert_tcb: Option<TcbVersion>,
    /// hwID written into the VCEK, when it should differ from CHIP_ID (tests).
    pub cert_hwid: Option<Vec<u8>>,
    /// productName written into the VCEK/VLEK, when it should differ from AMD's (tests).
    pub cert_product_name: Option<String>,
    /// Leave the TCB SPL extensions out of the leaf (tests).
    pub omit_cert_tcb: bool,
    /// Validity of the leaf certificate from the simulator's start time.
    pub leaf_validity: Duration,
    /// Time from the CRL's thisUpdate to its nextUpdate.
    pub crl_validity: Duration,
    /// List the intermediate (ASK or ASVK) as revoked in the CRL (tests).
    pub revoke_intermediate: bool,
}

const DAY: Duration = Duration::from_secs(86_400);

impl SimConfig {
    /// A well-formed guest: v3 report on `product`, policy SMT + bit 17, VMPL 0, VCEK-signed.
    pub fn new(product: Product) -> Self {
        let tcb = TcbVersion {
            fmc: product.has_fmc().then_some(1),
            bl: 9,
            tee: 0,
            snp: 23,
            ucode: 72,
        };
        let mut chip_id = [0u8; 64];
        for (i, b) in chip_id.iter_mut().enumerate() {
            *b = u8::try_from(i).unwrap_or(0).wrapping_mul(7).wrapping_add(1);
        }
        if product.has_fmc() {
            for b in chip_id.iter_mut().skip(8) {
                *b = 0;
            }
        }
        Self {
            product,
            version: 3,
            policy: 0x3_0000,
            tcb,
            measurement: Measurement([0x5A; 48]),
            host_data: [0; 32],
            vmpl: 0,
            chip_id,
            signer: SigningKey::Vcek,
            guest_svn: 1,
            platform_info: 0x3,
            firmware: FirmwareVersion {
                major: 1,
                minor: 55,
                build: 21,
            },
            mit_vector: 0,
            cert_tcb: None,
            cert_hwid: None,
            cert_product_name: None,
            omit_cert_tcb: false,
            leaf_validity: 365 * 7 * DAY,
            crl_validity: 30 * DAY,
            revoke_intermediate: false,
        }
    }

    fn cpuid(&self) -> [u8; 3] {
        match self.product {
            Product::Milan => [0x19, 0x01, 0x01],
            Product::Genoa => [0x19, 0x11, 0x01],
            Product::Turin => [0x1A, 0x02, 0x01],
        }
    }
}

/// A simulated SEV-SNP platform with its own AMD-like chain. No `Debug`: holds private keys.
pub struct Simulator {
    config: SimConfig,
    leaf_key: p384::ecdsa::SigningKey,
    ark: Vec<u8>,
    intermediate: Vec<u8>,
    leaf: Vec<u8>,
    crl: Vec<u8>,
}

impl fmt::Debug for Simulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Simulator")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

fn amd_name(cn: &str) -> Result<Name, Error> {
    Name::from_str(&format!(
        "CN={cn},O=Advanced Micro Devices,ST=CA,L=Santa Clara,C=US,OU=Engineering"
    ))
    .map_err(|_| Error::Internal("simulator name"))
}

fn time(t: SystemTime) -> Result<Time, Error> {
    let d = t
        .duration_since(UNIX_EPOCH)
        .map_err(|_| Error::Provider("time before 1970"))?;
    let err = |_| Error::Internal("simulator time");
    // RFC 5280: UTCTime through 2049, GeneralizedTime after.
    if d.as_secs() < 2_524_608_000 {
        Ok(Time::UtcTime(UtcTime::from_unix_duration(d).map_err(err)?))
    } else {
        Ok(Time::GeneralTime(
            GeneralizedTime::from_unix_duration(d).map_err(err)?,
        ))
    }
}

fn later(t: SystemTime, d: Duration) -> Result<SystemTime, Error> {
    t.checked_add(d)
        .ok_or(Error::Provider("simulated validity out of range"))
}

fn pss_alg() -> Result<AlgorithmIdentifierOwned, Error> {
    rsa::pss::get_default_pss_signature_algo_id::<sha2::Sha384>()
        .map_err(|_| Error::Internal("PSS algorithm id"))
}

fn pss_sign(key: &rsa::RsaPrivateKey, msg: &[u8]) -> Result<BitString, Error> {
    let signer = rsa::pss::SigningKey::<sha2::Sha384>::new(key.clone());
    let sig = signer
        .try_sign_with_rng(&mut OsRng, msg)
        .map_err(|_| Error::Provider("RSA-PSS signing"))?;
    BitString::from_bytes(&sig.to_bytes()).map_err(|_| Error::Internal("signature bit string"))
}

fn rsa_spki(key: &rsa::RsaPrivateKey) -> Result<SubjectPublicKeyInfoOwned, Error> {
    let der = key
        .to_public_key()
        .to_public_key_der()
        .map_err(|_| Error::Internal("RSA SPKI"))?;
    SubjectPublicKeyInfoOwned::from_der(der.as_bytes()).map_err(|_| Error::Internal("RSA SPKI"))
}

fn ext(oid: spki::ObjectIdentifier, value: Vec<u8>) -> Result<Extension, Error> {
    Ok(Extension {
        extn_id: oid,
        critical: false,
        extn_value: OctetString::new(value).map_err(|_| Error::Internal("extension"))?,
    })
}

#[allow(clippy::too_many_arguments)]
fn issue(
    serial: &[u8],
    issuer: &Name,
    subject: Name,
    spki: SubjectPublicKeyInfoOwned,
    not_before: SystemTime,
    not_after: SystemTime,
    extensions: Vec<Extension>,
    signer: &rsa::RsaPrivateKey,
) -> Result<Vec<u8>, Error> {
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: SerialNumber::new(serial).map_err(|_| Error::Internal("serial"))?,
        signature: pss_alg()?,
        issuer: issuer.clone(),
        validity: Validity {
            not_before: time(not_before)?,
            not_after: time(not_after)?,
        },
        subject,
        subject_public_key_info: spki,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: (!extensions.is_empty()).then_some(extensions),
    };
    let msg = tbs.to_der().map_err(|_| Error::Internal("TBS encoding"))?;
    let cert = Certificate {
        tbs_certificate: tbs,
        signature_algorithm: pss_alg()?,
        signature: pss_sign(signer, &msg)?,
    };
    cert.to_der()
        .map_err(|_| Error::Internal("certificate encoding"))
}

/// Serial numbers like AMD's: ARK 0x010001, ASK 0x020002, ASVK 0x030001.
const ARK_SERIAL: [u8; 3] = [0x01, 0x00, 0x01];
const ASK_SERIAL: [u8; 3] = [0x02, 0x00, 0x02];
const ASVK_SERIAL: [u8; 3] = [0x03, 0x00, 0x01];

impl Simulator {
    /// Builds the chain for `config` with certificates valid from one day before `now`, and
    /// a fresh P-384 VCEK/VLEK key.
    pub fn new(keys: &SimKeys, config: SimConfig, now: SystemTime) -> Result<Self, Error> {
        let p = config.product;
        let start = now.checked_sub(DAY).unwrap_or(now);
        let far = later(now, 365 * 25 * DAY)?;
        let ark_name = amd_name(&format!("ARK-{p}"))?;
        let ark = issue(
            &ARK_SERIAL,
            &ark_name,
            ark_name.clone(),
            rsa_spki(&keys.ark)?,
            start,
            far,
            vec![],
            &keys.ark,
        )?;
        let (inter_key, inter_name, inter_serial) = match config.signer {
            SigningKey::Vlek => (&keys.asvk, amd_name(&format!("SEV-VLEK-{p}"))?, ASVK_SERIAL),
            _ => (&keys.ask, amd_name(&format!("SEV-{p}"))?, ASK_SERIAL),
        };
        let intermediate = issue(
            &inter_serial,
            &ark_name,
            inter_name.clone(),
            rsa_spki(inter_key)?,
            start,
            far,
            vec![],
            &keys.ark,
        )?;

        let leaf_key = p384::ecdsa::SigningKey::random(&mut OsRng);
        let leaf_spki_der = leaf_key
            .verifying_key()
            .to_public_key_der()
            .map_err(|_| Error::Internal("P-384 SPKI"))?;
        let leaf_spki = SubjectPublicKeyInfoOwned::from_der(leaf_spki_der.as_bytes())
            .map_err(|_| Error::Internal("P-384 SPKI"))?;
        let leaf = issue(
            &[0x00],
            &inter_name,
            amd_name(if config.signer == SigningKey::Vlek {
                "SEV-VLEK"
            } else {
                "SEV-VCEK"
            })?,
            leaf_spki,
            start,
            later(now, config.leaf_validity)?,
            leaf_extensions(&config)?,
            inter_key,
        )?;
        let crl = make_crl(
            &keys.ark,
            &ark_name,
            now,
            config.crl_validity,
            config.revoke_intermediate.then_some(&inter_serial[..]),
        )?;
        Ok(Self {
            config,
            leaf_key,
            ark,
            intermediate,
            leaf,
            crl,
        })
    }

    /// The simulated ARK (DER): pass it to `Policy::dangerous_accept_simulated_root`.
    pub fn ark_der(&self) -> &[u8] {
        &self.ark
    }

    /// The configuration.
    pub fn config(&self) -> &SimConfig {
        &self.config
    }

    /// The unsigned report body for `report_data` (bytes 0x000..0x2A0 and zero signature).
    fn body(&self, report_data: [u8; 64]) -> Result<[u8; SNP_REPORT_LEN], Error> {
        let c = &self.config;
        let mut w = Writer {
            buf: [0u8; SNP_REPORT_LEN],
        };
        let tcb = c.tcb.encode(c.product);
        let key_info: u32 = if c.signer == SigningKey::Vlek {
            1 << 2
        } else {
            0
        };
        let fw = [c.firmware.build, c.firmware.minor, c.firmware.major, 0];
        w.put(0x000, &c.version.to_le_bytes())?;
        w.put(0x004, &c.guest_svn.to_le_bytes())?;
        w.put(0x008, &c.policy.to_le_bytes())?;
        w.put(0x030, &c.vmpl.to_le_bytes())?;
        w.put(0x034, &1u32.to_le_bytes())?;
        w.put(0x038, &tcb)?;
        w.put(0x040, &c.platform_info.to_le_bytes())?;
        w.put(0x048, &key_info.to_le_bytes())?;
        w.put(0x050, &report_data)?;
        w.put(0x090, &c.measurement.0)?;
        w.put(0x0C0, &c.host_data)?;
        w.put(0x140, &[0x11; 32])?;
        w.put(0x180, &tcb)?;
        if c.version >= 3 {
            w.put(0x188, &c.cpuid())?;
        }
        if c.signer == SigningKey::Vcek {
            w.put(0x1A0, &c.chip_id)?;
        }
        w.put(0x1E0, &tcb)?;
        w.put(0x1E8, &fw)?;
        w.put(0x1EC, &fw)?;
        w.put(0x1F0, &tcb)?;
        if c.version >= 5 {
            w.put(0x1F8, &c.mit_vector.to_le_bytes())?;
            w.put(0x200, &c.mit_vector.to_le_bytes())?;
        }
        Ok(w.buf)
    }

    /// Signs `raw[0x000..0x2A0]` in place, writing R and S little-endian at 0x2A0 / 0x2E8.
    /// Public so that tests can re-sign a tampered report.
    pub fn sign(&self, raw: &mut [u8; SNP_REPORT_LEN]) -> Result<(), Error> {
        let (signed, _) = raw.split_at(crate::report::SIGNED_LEN);
        let sig: p384::ecdsa::Signature = self.leaf_key.sign(signed);
        let (r, s) = sig.split_bytes();
        let mut w = Writer { buf: *raw };
        let le = |b: &[u8]| b.iter().rev().copied().collect::<Vec<u8>>();
        w.put(0x2A0, &le(&r))?;
        w.put(0x2E8, &le(&s))?;
        *raw = w.buf;
        Ok(())
    }
}

impl AttestationProvider for Simulator {
    fn report(&self, report_data: [u8; 64]) -> Result<RawEvidence, Error> {
        let mut raw = self.body(report_data)?;
        self.sign(&mut raw)?;
        Ok(RawEvidence {
            report: raw.to_vec(),
            signer: self.config.signer,
            signer_cert: self.leaf.clone(),
            chain: vec![self.intermediate.clone(), self.ark.clone()],
            crl: Some(self.crl.clone()),
        })
    }
}

struct Writer {
    buf: [u8; SNP_REPORT_LEN],
}

impl Writer {
    fn put(&mut self, offset: usize, bytes: &[u8]) -> Result<(), Error> {
        self.buf
            .get_mut(offset..offset + bytes.len())
            .ok_or(Error::Internal("report writer"))?
            .copy_from_slice(bytes);
        Ok(())
    }
}

/// The AMD extensions: structVersion, productName, SPLs (INTEGER), hwID (raw) for a VCEK,
/// cspID for a VLEK.
fn leaf_extensions(c: &SimConfig) -> Result<Vec<Extension>, Error> {
    let enc = |e: der::Result<Vec<u8>>| e.map_err(|_| Error::Internal("extension value"));
    let tcb = c.cert_tcb.unwrap_or(c.tcb);
    let product_name = match (&c.cert_product_name, c.product) {
        (Some(name), _) => name.as_str(),
        (None, Product::Milan) => "Milan-B0",
        (None, Product::Genoa) => "Genoa",
        (None, Product::Turin) => "Turin",
    };
    let mut out = vec![
        ext(
            spki::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.1"),
            enc(u8::from(c.product.has_fmc()).to_der())?,
        )?,
        ext(
            OID_PRODUCT_NAME,
            enc(Ia5StringRef::new(product_name).and_then(|s| s.to_der()))?,
        )?,
    ];
    if !c.omit_cert_tcb {
        if let Some(fmc) = tcb.fmc {
            out.push(ext(OID_FMC_SPL, enc(fmc.to_der())?)?);
        }
        out.push(ext(OID_BL_SPL, enc(tcb.bl.to_der())?)?);
        out.push(ext(OID_TEE_SPL, enc(tcb.tee.to_der())?)?);
        out.push(ext(OID_SNP_SPL, enc(tcb.snp.to_der())?)?);
        out.push(ext(OID_UCODE_SPL, enc(tcb.ucode.to_der())?)?);
    }
    match c.signer {
        SigningKey::Vlek => {
            let csp = enc(Ia5StringRef::new("CN=simulated-csp").and_then(|s| s.to_der()))?;
            out.push(ext(
                spki::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.5"),
                csp,
            )?);
            // AMD issues VLEKs without a hwID; a test may add one.
            if let Some(hwid) = &c.cert_hwid {
                out.push(ext(OID_HWID, hwid.clone())?);
            }
        }
        _ => {
            let n = c.product.hwid_len();
            let hwid = c
                .cert_hwid
                .clone()
                .unwrap_or_else(|| c.chip_id.iter().take(n).copied().collect());
            out.push(ext(OID_HWID, hwid)?);
        }
    }
    Ok(out)
}

fn make_crl(
    ark_key: &rsa::RsaPrivateKey,
    ark_name: &Name,
    now: SystemTime,
    validity: Duration,
    revoked: Option<&[u8]>,
) -> Result<Vec<u8>, Error> {
    let revoked = match revoked {
        Some(serial) => Some(vec![RevokedCert {
            serial_number: SerialNumber::new(serial).map_err(|_| Error::Internal("serial"))?,
            revocation_date: time(now.checked_sub(DAY).unwrap_or(now))?,
            crl_entry_extensions: None,
        }]),
        None => None,
    };
    let tbs = TbsCertList {
        version: Version::V2,
        signature: pss_alg()?,
        issuer: ark_name.clone(),
        this_update: time(now.checked_sub(DAY).unwrap_or(now))?,
        next_update: Some(time(later(now, validity)?)?),
        revoked_certificates: revoked,
        crl_extensions: None,
    };
    let msg = tbs.to_der().map_err(|_| Error::Internal("CRL encoding"))?;
    let crl = CertificateList {
        tbs_cert_list: tbs,
        signature_algorithm: pss_alg()?,
        signature: pss_sign(ark_key, &msg)?,
    };
    crl.to_der().map_err(|_| Error::Internal("CRL encoding"))
}

#[cfg(test)]
#[path = "sim_tests.rs"]
pub(crate) mod tests;
