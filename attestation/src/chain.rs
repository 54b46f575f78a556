//! AMD certificates: the pinned roots, the ARK → ASK/ASVK → VCEK/VLEK chain, validity
//! windows, the ARK-signed CRL and the VCEK/VLEK extensions that bind a certificate to a
//! report.
//!
//! Parsing is `x509-cert`'s; certificate signatures are checked with `sev`'s RSA-PSS
//! verifier. Written here because neither crate has them: the CRL signature check (same
//! algorithm over `TbsCertList`), name and validity checks, the AMD extension decoding
//! (TCB SPLs, productName, hwID in both encodings) and the pinning of the ARK.

use der::referenced::OwnedToRef;
use der::{Decode, DecodePem, Encode};
use p384::ecdsa::VerifyingKey;
use rsa::signature::Verifier;
use sev::certs::snp::Verifiable;
use spki::ObjectIdentifier;
use x509_cert::Certificate;
use x509_cert::crl::CertificateList;
use x509_cert::spki::AlgorithmIdentifierOwned;

use crate::report::{Product, SigningKey, TcbVersion};
use crate::{CertRole, Error};

/// RSASSA-PSS (RFC 8017); AMD uses SHA-384, MGF1-SHA-384, salt 48.
const RSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
/// Common name (X.520).
const CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");

/// OID of the VCEK/VLEK `productName` extension.
pub const OID_PRODUCT_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.2");
/// OID of the boot loader SPL extension.
pub const OID_BL_SPL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.3.1");
/// OID of the TEE SPL extension.
pub const OID_TEE_SPL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.3.2");
/// OID of the SNP SPL extension.
pub const OID_SNP_SPL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.3.3");
/// OID of the microcode SPL extension.
pub const OID_UCODE_SPL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.3.8");
/// OID of the FMC SPL extension (Turin).
pub const OID_FMC_SPL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.3.9");
/// OID of the VCEK `hwID` extension.
pub const OID_HWID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.3704.1.4");

const ASVK_MILAN: &str = include_str!("../roots/asvk_ark_milan.pem");
const ASVK_GENOA: &str = include_str!("../roots/asvk_ark_genoa.pem");
const ASVK_TURIN: &str = include_str!("../roots/asvk_ark_turin.pem");

/// A certificate with the role it plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoleCert {
    pub(crate) role: CertRole,
    pub(crate) cert: Certificate,
}

/// The checked leaf: its certificate and its P-384 key.
#[derive(Debug, Clone)]
pub(crate) struct Leaf {
    pub(crate) cert: RoleCert,
    pub(crate) key: VerifyingKey,
}

pub(crate) fn decode_cert(der: &[u8], role: CertRole) -> Result<Certificate, Error> {
    Certificate::from_der(der).map_err(|_| Error::CertDecode { role })
}

fn builtin_ark_pem(product: Product) -> &'static [u8] {
    use sev::certs::snp::builtin;
    match product {
        Product::Milan => builtin::milan::ARK,
        Product::Genoa => builtin::genoa::ARK,
        Product::Turin => builtin::turin::ARK,
    }
}

fn builtin_ask_pem(product: Product) -> &'static [u8] {
    use sev::certs::snp::builtin;
    match product {
        Product::Milan => builtin::milan::ASK,
        Product::Genoa => builtin::genoa::ASK,
        Product::Turin => builtin::turin::ASK,
    }
}

/// The pinned AMD root for a product (`sev`'s built-in copy of the KDS ARK).
pub fn pinned_ark(product: Product) -> Result<Certificate, Error> {
    Certificate::from_pem(builtin_ark_pem(product)).map_err(|_| Error::Internal("built-in ARK"))
}

/// The built-in intermediate for a product and signer: the ASK (`sev`'s copy) for VCEKs, the
/// ASVK (AMD's `vlek/v1/{product}/cert_chain`, embedded from `roots/`) for VLEKs.
pub fn builtin_intermediate(product: Product, signer: SigningKey) -> Result<Certificate, Error> {
    let internal = Error::Internal("built-in intermediate");
    match signer {
        SigningKey::Vcek => Certificate::from_pem(builtin_ask_pem(product)).map_err(|_| internal),
        SigningKey::Vlek => {
            let bundle = match product {
                Product::Milan => ASVK_MILAN,
                Product::Genoa => ASVK_GENOA,
                Product::Turin => ASVK_TURIN,
            };
            let certs =
                Certificate::load_pem_chain(bundle.as_bytes()).map_err(|_| internal.clone())?;
            certs.into_iter().next().ok_or(internal)
        }
        SigningKey::None => Err(internal),
    }
}

/// The DER SubjectPublicKeyInfo of a certificate.
pub(crate) fn spki_der(cert: &Certificate) -> Result<Vec<u8>, Error> {
    cert.tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|_| Error::Internal("SPKI encoding"))
}

/// Normalises a caller-supplied root (certificate or SPKI, DER) to SPKI DER.
pub(crate) fn root_spki(der: &[u8]) -> Result<Vec<u8>, Error> {
    if let Ok(cert) = Certificate::from_der(der) {
        return spki_der(&cert);
    }
    let spki = spki::SubjectPublicKeyInfoOwned::from_der(der).map_err(|_| Error::CertDecode {
        role: CertRole::Ark,
    })?;
    spki.to_der().map_err(|_| Error::Internal("SPKI encoding"))
}

/// The first common name of a name, if it is a string.
fn common_name(name: &x509_cert::name::Name) -> Option<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == CN)
        .and_then(|atv| {
            std::str::from_utf8(atv.value.value())
                .ok()
                .map(str::to_owned)
        })
}

fn is_self_issued(cert: &Certificate) -> bool {
    cert.tbs_certificate.issuer == cert.tbs_certificate.subject
}

/// `signer` signs `signee` with RSA-PSS/SHA-384 (`sev`'s verifier).
fn check_signed(signer: &RoleCert, signee: &RoleCert) -> Result<(), Error> {
    let err = Error::CertSignature {
        signer: signer.role,
        signee: signee.role,
    };
    if signee.cert.tbs_certificate.issuer != signer.cert.tbs_certificate.subject {
        return Err(err);
    }
    let a = sev::certs::snp::Certificate::from(signer.cert.clone());
    let b = sev::certs::snp::Certificate::from(signee.cert.clone());
    (&a, &b).verify().map_err(|_| err)
}

fn check_cn(cert: &RoleCert, expected: &str) -> Result<(), Error> {
    if common_name(&cert.cert.tbs_certificate.subject).as_deref() == Some(expected) {
        Ok(())
    } else {
        Err(Error::CertName { role: cert.role })
    }
}

/// Point 6, root: the ARK for `product`. A supplied ARK is only compared with the pinned one
/// (or with the simulated root the policy explicitly accepts), never trusted by itself.
pub(crate) fn ark(
    product: Product,
    supplied: &[Certificate],
    simulated_root: Option<&[u8]>,
) -> Result<RoleCert, Error> {
    let supplied_ark = supplied.iter().find(|c| is_self_issued(c));
    let cert = match (supplied_ark, simulated_root) {
        (Some(c), Some(sim)) if spki_der(c)? == sim => c.clone(),
        (supplied, _) => {
            let pinned = pinned_ark(product)?;
            if let Some(c) = supplied {
                if spki_der(c)? != spki_der(&pinned)? {
                    return Err(Error::ArkNotPinned { product });
                }
            }
            pinned
        }
    };
    let ark = RoleCert {
        role: CertRole::Ark,
        cert,
    };
    check_cn(&ark, &format!("ARK-{product}"))?;
    check_signed(&ark, &ark)?;
    Ok(ark)
}

/// Point 6, intermediate: ASK (VCEK) or ASVK (VLEK), supplied or built in, signed by the ARK.
pub(crate) fn intermediate(
    product: Product,
    signer: SigningKey,
    supplied: &[Certificate],
    ark: &RoleCert,
) -> Result<RoleCert, Error> {
    let role = if signer == SigningKey::Vlek {
        CertRole::Asvk
    } else {
        CertRole::Ask
    };
    let cn = match role {
        CertRole::Asvk => format!("SEV-VLEK-{product}"),
        _ => format!("SEV-{product}"),
    };
    // Prefer the supplied intermediate with the expected name (a host may send both ASK and
    // ASVK); any other one is still checked, so that a wrong one gets its own error.
    let named =
        |c: &&Certificate| common_name(&c.tbs_certificate.subject).as_deref() == Some(cn.as_str());
    let candidates = || supplied.iter().filter(|c| !is_self_issued(c));
    let cert = match candidates().find(named).or_else(|| candidates().next()) {
        Some(c) => c.clone(),
        None if ark.cert == pinned_ark(product)? => builtin_intermediate(product, signer)?,
        None => return Err(Error::IntermediateMissing { role, product }),
    };
    let inter = RoleCert { role, cert };
    check_cn(&inter, &cn)?;
    check_signed(ark, &inter)?;
    Ok(inter)
}

/// Point 6, leaf: VCEK or VLEK signed by the intermediate, with the right name and a P-384 key.
pub(crate) fn leaf(leaf: Certificate, signer: SigningKey, inter: &RoleCert) -> Result<Leaf, Error> {
    let (role, cn) = match signer {
        SigningKey::Vlek => (CertRole::Vlek, "SEV-VLEK"),
        _ => (CertRole::Vcek, "SEV-VCEK"),
    };
    let leaf = RoleCert { role, cert: leaf };
    check_cn(&leaf, cn)?;
    check_signed(inter, &leaf)?;
    let spki = leaf
        .cert
        .tbs_certificate
        .subject_public_key_info
        .owned_to_ref();
    let key = p384::PublicKey::try_from(spki).map_err(|_| Error::LeafKey { role })?;
    Ok(Leaf {
        cert: leaf,
        key: VerifyingKey::from(key),
    })
}

fn unix(t: &x509_cert::time::Time) -> u64 {
    t.to_unix_duration().as_secs()
}

/// Point 7: every certificate valid at `now` (Unix seconds).
pub(crate) fn check_validity(certs: &[&RoleCert], now: u64) -> Result<(), Error> {
    for c in certs {
        let v = &c.cert.tbs_certificate.validity;
        let (not_before, not_after) = (unix(&v.not_before), unix(&v.not_after));
        if now < not_before {
            return Err(Error::CertNotYetValid {
                role: c.role,
                not_before,
                now,
            });
        }
        if now > not_after {
            return Err(Error::CertExpired {
                role: c.role,
                not_after,
                now,
            });
        }
    }
    Ok(())
}

/// How the verifier treats the CRL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CrlPolicy {
    /// A CRL must be supplied, ARK-signed and within thisUpdate..nextUpdate.
    Require,
    /// A CRL must be supplied and ARK-signed; a CRL past nextUpdate is still used (AMD's
    /// CRLs are refreshed rarely; a stale CRL may miss a recent revocation).
    AllowStale,
    /// Use the CRL when supplied (then it must be ARK-signed and fresh), pass without one.
    IfPresent,
    /// Do not check revocation.
    Skip,
}

/// The outcome of a CRL check, for the check list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CrlOutcome {
    /// Checked; nothing in the chain is revoked. `stale` when past nextUpdate.
    Checked {
        revoked_entries: usize,
        stale: bool,
        this_update: u64,
        next_update: Option<u64>,
    },
    /// Not checked, with the reason.
    NotChecked(&'static str),
}

/// RSA-PSS/SHA-384 signature by `signer`'s key over `msg`. Written here because `sev` only
/// verifies certificates, not CRLs.
fn rsa_pss_sha384(
    signer: &Certificate,
    alg: &AlgorithmIdentifierOwned,
    msg: &[u8],
    sig: &der::asn1::BitString,
) -> bool {
    if alg.oid != RSA_PSS {
        return false;
    }
    let spki = signer
        .tbs_certificate
        .subject_public_key_info
        .owned_to_ref();
    let Ok(key) = rsa::RsaPublicKey::try_from(spki) else {
        return false;
    };
    let Ok(sig) = rsa::pss::Signature::try_from(sig.raw_bytes()) else {
        return false;
    };
    rsa::pss::VerifyingKey::<sha2::Sha384>::new(key)
        .verify(msg, &sig)
        .is_ok()
}

/// Point 8: the CRL is ARK-issued and ARK-signed, fresh (or stale if allowed), and does not
/// list the intermediate or the leaf.
pub(crate) fn check_crl(
    crl_der: Option<&[u8]>,
    policy: CrlPolicy,
    ark: &RoleCert,
    listed: &[&RoleCert],
    now: u64,
) -> Result<CrlOutcome, Error> {
    let crl_der = match (crl_der, policy) {
        (_, CrlPolicy::Skip) => {
            return Ok(CrlOutcome::NotChecked("revocation not checked by policy"));
        }
        (None, CrlPolicy::IfPresent) => return Ok(CrlOutcome::NotChecked("no CRL supplied")),
        (None, _) => return Err(Error::CrlMissing),
        (Some(d), _) => d,
    };
    let crl = CertificateList::from_der(crl_der).map_err(|_| Error::CertDecode {
        role: CertRole::Crl,
    })?;
    let tbs_der = crl.tbs_cert_list.to_der().map_err(|_| Error::CertDecode {
        role: CertRole::Crl,
    })?;
    if crl.tbs_cert_list.issuer != ark.cert.tbs_certificate.subject
        || crl.tbs_cert_list.signature != crl.signature_algorithm
        || !rsa_pss_sha384(
            &ark.cert,
            &crl.signature_algorithm,
            &tbs_der,
            &crl.signature,
        )
    {
        return Err(Error::CrlSignature);
    }
    let this_update = unix(&crl.tbs_cert_list.this_update);
    if now < this_update {
        return Err(Error::CrlNotYetValid { this_update, now });
    }
    let next_update = crl.tbs_cert_list.next_update.as_ref().map(unix);
    let stale = crl_stale(next_update, policy, now)?;
    let revoked = crl
        .tbs_cert_list
        .revoked_certificates
        .as_deref()
        .unwrap_or_default();
    for c in listed {
        let serial = &c.cert.tbs_certificate.serial_number;
        if revoked.iter().any(|r| r.serial_number == *serial) {
            return Err(Error::Revoked {
                role: c.role,
                serial: hex::encode(serial.as_bytes()),
            });
        }
    }
    Ok(CrlOutcome::Checked {
        revoked_entries: revoked.len(),
        stale,
        this_update,
        next_update,
    })
}

/// Whether a CRL is past nextUpdate (or has none); an error unless the policy allows that.
fn crl_stale(next_update: Option<u64>, policy: CrlPolicy, now: u64) -> Result<bool, Error> {
    let stale = next_update.is_none_or(|n| now > n);
    if stale && policy != CrlPolicy::AllowStale {
        return Err(Error::CrlStale { next_update, now });
    }
    Ok(stale)
}

/// Re-checks the time-dependent part of an earlier CRL result (its signature and entries
/// do not change) at `now`.
pub(crate) fn recheck_crl(
    earlier: &CrlOutcome,
    policy: CrlPolicy,
    now: u64,
) -> Result<CrlOutcome, Error> {
    match *earlier {
        CrlOutcome::Checked {
            revoked_entries,
            this_update,
            next_update,
            ..
        } => {
            if now < this_update {
                return Err(Error::CrlNotYetValid { this_update, now });
            }
            let stale = crl_stale(next_update, policy, now)?;
            Ok(CrlOutcome::Checked {
                revoked_entries,
                stale,
                this_update,
                next_update,
            })
        }
        CrlOutcome::NotChecked(why) => Ok(CrlOutcome::NotChecked(why)),
    }
}

/// The AMD extensions of a VCEK/VLEK.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AmdExtensions {
    pub(crate) product_name: Option<String>,
    pub(crate) tcb: TcbVersion,
    pub(crate) hwid: Option<Vec<u8>>,
}

fn ext_value(cert: &Certificate, oid: ObjectIdentifier) -> Option<&[u8]> {
    cert.tbs_certificate
        .extensions
        .as_deref()
        .unwrap_or_default()
        .iter()
        .find(|e| e.extn_id == oid)
        .map(|e| e.extn_value.as_bytes())
}

/// Decodes the TCB SPLs (DER INTEGERs; all required, FMC on Turin), productName (IA5String)
/// and hwID (raw, or wrapped in an OCTET STRING by newer tooling) of `leaf`.
pub(crate) fn amd_extensions(leaf: &RoleCert, product: Product) -> Result<AmdExtensions, Error> {
    let role = leaf.role;
    let spl = |oid, extension: &'static str| -> Result<u8, Error> {
        let v = ext_value(&leaf.cert, oid).ok_or(Error::ExtensionMissing { role, extension })?;
        u8::from_der(v).map_err(|_| Error::ExtensionMalformed { role, extension })
    };
    let fmc = if product.has_fmc() {
        Some(spl(OID_FMC_SPL, "fmcSPL")?)
    } else {
        None
    };
    let tcb = TcbVersion {
        fmc,
        bl: spl(OID_BL_SPL, "blSPL")?,
        tee: spl(OID_TEE_SPL, "teeSPL")?,
        snp: spl(OID_SNP_SPL, "snpSPL")?,
        ucode: spl(OID_UCODE_SPL, "ucodeSPL")?,
    };
    let product_name = match ext_value(&leaf.cert, OID_PRODUCT_NAME) {
        None => None,
        Some(v) => Some(
            der::asn1::Ia5StringRef::from_der(v)
                .map_err(|_| Error::ExtensionMalformed {
                    role,
                    extension: "productName",
                })?
                .as_str()
                .to_owned(),
        ),
    };
    let hwid = ext_value(&leaf.cert, OID_HWID).map(unwrap_hwid);
    Ok(AmdExtensions {
        product_name,
        tcb,
        hwid,
    })
}

/// A hwID is 64 raw bytes (8 on Turin); some tooling wraps it in an OCTET STRING. Unwrap
/// only when the wrapped content has one of those lengths, so a raw value that happens to
/// start with 0x04 is not misread.
fn unwrap_hwid(v: &[u8]) -> Vec<u8> {
    if let Ok(inner) = der::asn1::OctetStringRef::from_der(v) {
        if matches!(inner.as_bytes().len(), 8 | 64) {
            return inner.as_bytes().to_vec();
        }
    }
    v.to_vec()
}

/// Point 4: the productName starts with the product's KDS name, optionally followed by a
/// stepping suffix (`Milan-B0`; Genoa VCEKs carry plain `Genoa`).
pub(crate) fn product_name_matches(name: &str, product: Product) -> bool {
    match name.strip_prefix(product.name()) {
        Some("") => true,
        Some(rest) => rest.starts_with('-'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_roots_verify() {
        for p in Product::ALL {
            let ark = ark(p, &[], None).unwrap();
            for signer in [SigningKey::Vcek, SigningKey::Vlek] {
                let inter = intermediate(p, signer, &[], &ark).unwrap();
                assert_eq!(
                    inter.role,
                    if signer == SigningKey::Vcek {
                        CertRole::Ask
                    } else {
                        CertRole::Asvk
                    }
                );
            }
        }
    }

    #[test]
    fn asvk_bundles_name_the_pinned_ark() {
        for (p, pem) in [
            (Product::Milan, ASVK_MILAN),
            (Product::Genoa, ASVK_GENOA),
            (Product::Turin, ASVK_TURIN),
        ] {
            let certs = Certificate::load_pem_chain(pem.as_bytes()).unwrap();
            assert_eq!(certs.len(), 2);
            assert_eq!(
                spki_der(&certs[1]).unwrap(),
                spki_der(&pinned_ark(p).unwrap()).unwrap()
            );
        }
    }

    #[test]
    fn foreign_ark_rejected() {
        let genoa = pinned_ark(Product::Genoa).unwrap();
        assert_eq!(
            ark(Product::Milan, &[genoa], None).unwrap_err(),
            Error::ArkNotPinned {
                product: Product::Milan
            }
        );
    }

    #[test]
    fn product_names() {
        assert!(product_name_matches("Milan-B0", Product::Milan));
        assert!(product_name_matches("Genoa", Product::Genoa));
        assert!(!product_name_matches("GenoaX", Product::Genoa));
        assert!(!product_name_matches("Milan-B0", Product::Genoa));
    }

    #[test]
    fn hwid_encodings() {
        let raw = vec![7u8; 64];
        assert_eq!(unwrap_hwid(&raw), raw);
        let mut wrapped = vec![0x04, 0x40];
        wrapped.extend_from_slice(&raw);
        assert_eq!(unwrap_hwid(&wrapped), raw);
        let turin = [0x04, 0x06, 1, 2, 3, 4, 5, 6, 7, 8];
        assert_eq!(unwrap_hwid(&turin[..8]), turin[..8].to_vec());
    }
}
