//! Verification of SEV-SNP evidence: pure, no I/O, the verification time passed in.
//!
//! One pipeline runs every check in a fixed order. [`verify`] and [`verify_report`] run it
//! fail-fast and return the first error or a proof type; [`check`] and [`check_report`] run
//! the same pipeline to the end where they can and return one [`CheckResult`] per check id
//! (see [`CHECK_IDS`]), for a CLI. A check the policy does not ask for is `Skipped`, never
//! `Pass`.
//!
//! | id | what |
//! |---|---|
//! | `evidence.format` | bundle version, sizes, key configurations parse (bundles only) |
//! | `report.size` | exactly 1184 bytes |
//! | `report.version` | version allowed; product from CPUID, or pinned for v2 |
//! | `report.reserved` | every reserved/MBZ range zero, policy bit 17 set, KEY_INFO reserved bits |
//! | `report.key_info` | SIGNATURE_ALGO 1, signer VCEK/VLEK as allowed, MASK_CHIP_KEY 0 |
//! | `chain.ark` | ARK pinned for the product and self-signed |
//! | `chain.intermediate` | ASK (VCEK) or ASVK (VLEK) signed by the ARK |
//! | `chain.leaf` | VCEK/VLEK signed by the intermediate, P-384 key |
//! | `cert.validity` | every certificate valid at `now` |
//! | `crl` | ARK-signed CRL, fresh per [`CrlPolicy`], intermediate not revoked |
//! | `report.signature` | ECDSA P-384/SHA-384 over the raw bytes 0x000..0x2A0 |
//! | `cert.product` | productName names the report's product |
//! | `tcb.cert_match` | certificate TCB SPLs equal REPORTED_TCB |
//! | `chip_id` | VCEK hwID equals CHIP_ID; a VLEK has none |
//! | `tcb.minimum` | minimum TCB, COMMITTED vs CURRENT, minimum firmware |
//! | `policy.debug`, `policy.migration`, `policy.guest` | guest policy bits |
//! | `platform_info` | PLATFORM_INFO bits, mitigation vector (v5) |
//! | `vmpl` | VMPL as expected |
//! | `measurement` | MEASUREMENT allowed |
//! | `workload.identity` | HOST_DATA, FAMILY_ID, IMAGE_ID, ID/author key digests, GUEST_SVN |
//! | `report_data` | REPORT_DATA binds the bundle's keys, claims and nonce |
//! | `evidence.expiry` | evidence not expired |
//! | `nonce` | nonce as requested |

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use obscura_protocol::evidence::{EvidenceBundle, WorkloadClaims};
use obscura_protocol::keys::KeyConfigList;
use obscura_protocol::limits::SNP_REPORT_LEN;
use p384::ecdsa::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use sha2::Digest as _;
use x509_cert::Certificate;

pub use crate::chain::CrlPolicy;
use crate::chain::{self, CrlOutcome, Leaf, RoleCert};
pub use crate::policy::{Policy, TcbRelation};
use crate::policy::{binding_checks, policy_checks};
use crate::report::{Product, Report, SIG_ALGO_ECDSA_P384_SHA384, SigningKey, TcbVersion};
use crate::{CertRole, Error};

/// Every check id, in pipeline order.
pub const CHECK_IDS: [&str; 25] = [
    "evidence.format",
    "report.size",
    "report.version",
    "report.reserved",
    "report.key_info",
    "chain.ark",
    "chain.intermediate",
    "chain.leaf",
    "cert.validity",
    "crl",
    "report.signature",
    "cert.product",
    "tcb.cert_match",
    "chip_id",
    "tcb.minimum",
    "policy.debug",
    "policy.migration",
    "policy.guest",
    "platform_info",
    "vmpl",
    "measurement",
    "workload.identity",
    "report_data",
    "evidence.expiry",
    "nonce",
];

/// The result of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The check ran and passed.
    Pass,
    /// The check ran and failed.
    Fail,
    /// The check did not run: not asked for by the policy, not applicable, or not reached.
    Skipped,
}

/// One line of the check list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    /// Stable id (see [`CHECK_IDS`]).
    pub id: &'static str,
    /// Outcome.
    pub outcome: Outcome,
    /// Human-readable detail.
    pub detail: String,
    /// The error, for `Fail`.
    pub error: Option<Error>,
}

/// A report that passed [`verify_report`]: its signer chains to the pinned AMD root and every
/// check the policy asked for passed. Private fields: only this module makes one.
#[derive(Debug, Clone)]
pub struct VerifiedReport {
    report: Report,
    signer: SigningKey,
    chain: VerifiedChain,
}

impl VerifiedReport {
    /// The verified chain, for [`verify_cached`] on later evidence from the same signer.
    pub fn chain(&self) -> &VerifiedChain {
        &self.chain
    }

    /// The decoded report.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The product.
    pub fn product(&self) -> Product {
        self.report.product
    }

    /// Which key signed it.
    pub fn signer(&self) -> SigningKey {
        self.signer
    }

    /// REPORTED_TCB, which the signing certificate matches.
    pub fn tcb(&self) -> TcbVersion {
        self.report.reported_tcb.version
    }
}

/// Evidence that passed [`verify`]: the key configurations here are bound by a genuine
/// report that satisfies the policy. `sdk` seals only to keys taken from this type.
#[derive(Debug, Clone)]
pub struct VerifiedEvidence {
    report: VerifiedReport,
    key_configs: KeyConfigList,
    claims: WorkloadClaims,
    expires_at: SystemTime,
}

impl VerifiedEvidence {
    /// The verified report (product, signer, TCB).
    pub fn report(&self) -> &VerifiedReport {
        &self.report
    }

    /// The bound key configurations.
    pub fn key_configs(&self) -> &KeyConfigList {
        &self.key_configs
    }

    /// The bound workload claims.
    pub fn claims(&self) -> &WorkloadClaims {
        &self.claims
    }

    /// When the evidence stops being usable.
    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }
}

/// Verifies an evidence bundle: every check of the policy, fail-fast.
pub fn verify(
    evidence: &EvidenceBundle,
    policy: &Policy,
    now: SystemTime,
) -> Result<VerifiedEvidence, Error> {
    verify_inner(evidence, policy, now, None)
}

/// [`verify`], reusing a chain verified earlier (see [`VerifiedChain`]). Falls back to the
/// full chain check when `chain` does not match this evidence or policy.
pub fn verify_cached(
    evidence: &EvidenceBundle,
    policy: &Policy,
    now: SystemTime,
    chain: &VerifiedChain,
) -> Result<VerifiedEvidence, Error> {
    verify_inner(evidence, policy, now, Some(chain))
}

fn verify_inner(
    evidence: &EvidenceBundle,
    policy: &Policy,
    now: SystemTime,
    cached: Option<&VerifiedChain>,
) -> Result<VerifiedEvidence, Error> {
    let mut inputs = Inputs::from_bundle(evidence);
    inputs.cached = cached;
    let mut run = Run::new(Mode::FailFast);
    let report = finish_fail_fast(&mut run, |run| pipeline(&inputs, policy, now, run))?;
    Ok(VerifiedEvidence {
        report,
        key_configs: evidence.key_config_list()?,
        claims: evidence.claims.clone(),
        expires_at: UNIX_EPOCH
            .checked_add(Duration::from_secs(evidence.expires_at))
            .ok_or(Error::Evidence(obscura_protocol::Error::Malformed {
                what: "evidence bundle",
                reason: "expiry out of range",
            }))?,
    })
}

/// Verifies a report from any system: `signer_cert_der` is its VCEK or VLEK, `chain_ders`
/// the intermediate and/or ARK (the ARK is only compared with the pinned one; when absent the
/// built-in ASK/ASVK is used). The binding, expiry and nonce checks are skipped (no bundle).
pub fn verify_report(
    report_bytes: &[u8],
    signer_cert_der: &[u8],
    chain_ders: &[&[u8]],
    crl_der: Option<&[u8]>,
    policy: &Policy,
    now: SystemTime,
) -> Result<VerifiedReport, Error> {
    let inputs = Inputs::raw(report_bytes, signer_cert_der, chain_ders, crl_der);
    let mut run = Run::new(Mode::FailFast);
    finish_fail_fast(&mut run, |run| pipeline(&inputs, policy, now, run))
}

/// Every check for an evidence bundle, one result per id of [`CHECK_IDS`].
pub fn check(evidence: &EvidenceBundle, policy: &Policy, now: SystemTime) -> Vec<CheckResult> {
    let inputs = Inputs::from_bundle(evidence);
    let mut run = Run::new(Mode::Collect);
    let _ = pipeline(&inputs, policy, now, &mut run);
    run.into_results()
}

/// Every check for a report from any system (see [`verify_report`]).
pub fn check_report(
    report_bytes: &[u8],
    signer_cert_der: &[u8],
    chain_ders: &[&[u8]],
    crl_der: Option<&[u8]>,
    policy: &Policy,
    now: SystemTime,
) -> Vec<CheckResult> {
    let inputs = Inputs::raw(report_bytes, signer_cert_der, chain_ders, crl_der);
    let mut run = Run::new(Mode::Collect);
    let _ = pipeline(&inputs, policy, now, &mut run);
    run.into_results()
}

struct Inputs<'a> {
    report: &'a [u8],
    vcek: Option<&'a [u8]>,
    vlek: Option<&'a [u8]>,
    chain: Vec<&'a [u8]>,
    crl: Option<&'a [u8]>,
    bundle: Option<&'a EvidenceBundle>,
    cached: Option<&'a VerifiedChain>,
}

impl<'a> Inputs<'a> {
    fn from_bundle(b: &'a EvidenceBundle) -> Self {
        let c = &b.collateral;
        Self {
            report: &b.report.0,
            vcek: c.vcek.as_ref().map(|x| x.0.as_slice()),
            vlek: c.vlek.as_ref().map(|x| x.0.as_slice()),
            chain: c.chain.iter().map(|x| x.0.as_slice()).collect(),
            crl: c.crl.as_ref().map(|x| x.0.as_slice()),
            bundle: Some(b),
            cached: None,
        }
    }

    fn raw(report: &'a [u8], signer: &'a [u8], chain: &[&'a [u8]], crl: Option<&'a [u8]>) -> Self {
        Self {
            report,
            vcek: Some(signer),
            vlek: Some(signer),
            chain: chain.to_vec(),
            crl,
            bundle: None,
            cached: None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    FailFast,
    Collect,
}

/// Marks that a fail-fast run stopped at its first error (kept in [`Run::error`]).
pub(crate) struct Stop;

pub(crate) struct Run {
    mode: Mode,
    results: Vec<CheckResult>,
    error: Option<Error>,
}

/// What a passing check reports.
pub(crate) enum Done {
    Pass(String),
    Skipped(String),
}

pub(crate) fn pass(detail: impl Into<String>) -> Result<Done, Error> {
    Ok(Done::Pass(detail.into()))
}

pub(crate) fn skip(detail: impl Into<String>) -> Result<Done, Error> {
    Ok(Done::Skipped(detail.into()))
}

impl Run {
    fn new(mode: Mode) -> Self {
        Self {
            mode,
            results: Vec::with_capacity(CHECK_IDS.len()),
            error: None,
        }
    }

    /// Records a check that yields a value. `Ok(None)` means it failed in collect mode.
    pub(crate) fn value<T>(
        &mut self,
        id: &'static str,
        r: Result<(T, Done), Error>,
    ) -> Result<Option<T>, Stop> {
        match r {
            Ok((v, done)) => {
                let (outcome, detail) = match done {
                    Done::Pass(d) => (Outcome::Pass, d),
                    Done::Skipped(d) => (Outcome::Skipped, d),
                };
                self.results.push(CheckResult {
                    id,
                    outcome,
                    detail,
                    error: None,
                });
                Ok(Some(v))
            }
            Err(e) => {
                self.results.push(CheckResult {
                    id,
                    outcome: Outcome::Fail,
                    detail: e.to_string(),
                    error: Some(e.clone()),
                });
                if self.error.is_none() {
                    self.error = Some(e);
                }
                match self.mode {
                    Mode::FailFast => Err(Stop),
                    Mode::Collect => Ok(None),
                }
            }
        }
    }

    /// Records a check without a value.
    pub(crate) fn check(&mut self, id: &'static str, r: Result<Done, Error>) -> Result<(), Stop> {
        self.value(id, r.map(|d| ((), d))).map(|_| ())
    }

    fn failed(&self) -> bool {
        self.error.is_some()
    }

    fn into_results(mut self) -> Vec<CheckResult> {
        for id in CHECK_IDS {
            if !self.results.iter().any(|r| r.id == id) {
                self.results.push(CheckResult {
                    id,
                    outcome: Outcome::Skipped,
                    detail: "not reached: a check it depends on failed".into(),
                    error: None,
                });
            }
        }
        let order = |id: &str| {
            CHECK_IDS
                .iter()
                .position(|x| *x == id)
                .unwrap_or(usize::MAX)
        };
        self.results.sort_by_key(|r| order(r.id));
        self.results
    }
}

fn finish_fail_fast(
    run: &mut Run,
    f: impl FnOnce(&mut Run) -> Result<Option<VerifiedReport>, Stop>,
) -> Result<VerifiedReport, Error> {
    match f(run) {
        Ok(Some(v)) if !run.failed() => Ok(v),
        _ => Err(run
            .error
            .take()
            .unwrap_or(Error::Internal("verification stopped without an error"))),
    }
}

fn unix(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The one pipeline behind `verify*` and `check*`.
fn pipeline(
    inp: &Inputs<'_>,
    policy: &Policy,
    now: SystemTime,
    run: &mut Run,
) -> Result<Option<VerifiedReport>, Stop> {
    let now = unix(now);
    let format = match inp.bundle {
        None => skip("no evidence bundle"),
        Some(b) => b
            .validate()
            .map_err(Error::from)
            .and_then(|()| pass("bundle version, sizes and key configurations")),
    };
    run.check("evidence.format", format)?;
    // 1. Size, version, product.
    let size = <&[u8; SNP_REPORT_LEN]>::try_from(inp.report)
        .map(|_| ((), Done::Pass(format!("{SNP_REPORT_LEN} bytes"))))
        .map_err(|_| Error::ReportSize {
            expected: SNP_REPORT_LEN,
            got: inp.report.len(),
        });
    if run.value("report.size", size)?.is_none() {
        return Ok(None);
    }
    let Some(report) = run.value("report.version", decode(inp.report, policy))? else {
        return Ok(None);
    };
    // 2, 3. Format.
    run.check(
        "report.reserved",
        report
            .check_format()
            .and_then(|()| pass("reserved ranges zero, policy bit 17 set")),
    )?;
    let signer = run.value("report.key_info", key_info(&report, policy))?;
    let chain = match signer {
        Some(signer) => authenticate(&report, signer, inp, policy, now, run)?,
        None => None,
    };
    // 11-16. Policy.
    policy_checks(&report, policy, run)?;
    binding_checks(&report, policy, inp.bundle, now, run)?;
    match (signer, chain) {
        (Some(signer), Some(chain)) if !run.failed() => Ok(Some(VerifiedReport {
            report,
            signer,
            chain,
        })),
        _ => Ok(None),
    }
}

fn decode(bytes: &[u8], policy: &Policy) -> Result<(Report, Done), Error> {
    // The allow-list comes first, so that a v2 report under a v3+ policy is reported as an
    // unsupported version rather than as a missing product.
    if let Some((version, _)) = bytes.split_first_chunk::<4>() {
        let version = u32::from_le_bytes(*version);
        if !policy.versions.contains(&version) {
            return Err(Error::UnsupportedVersion { version });
        }
    }
    let report = Report::decode(bytes, policy.product)?;
    let how = if report.cpuid.is_some() {
        "from CPUID"
    } else {
        "pinned by the policy"
    };
    let detail = format!("version {}, {} {how}", report.version, report.product);
    Ok((report, Done::Pass(detail)))
}

fn key_info(report: &Report, policy: &Policy) -> Result<(SigningKey, Done), Error> {
    if report.sig_algo != SIG_ALGO_ECDSA_P384_SHA384 {
        return Err(Error::SignatureAlgorithm {
            algo: report.sig_algo,
        });
    }
    let raw = report.key_info.signing_key_raw();
    let signer = report
        .signing_key()
        .ok_or(Error::SigningKeyReserved { value: raw })?;
    if signer == SigningKey::None || !policy.signers.contains(&signer) {
        return Err(Error::SignerNotAllowed { signer });
    }
    if report.key_info.mask_chip_key() {
        return Err(Error::MaskChipKey);
    }
    Ok((
        signer,
        Done::Pass(format!("ECDSA P-384/SHA-384 by the {signer}")),
    ))
}

/// An AMD chain (ARK → ASK/ASVK → VCEK/VLEK) with its CRL result, already verified.
///
/// Pass it to [`verify_cached`] for further evidence signed by the same key: the RSA
/// signature checks of the chain and CRL are skipped; validity windows and CRL freshness are
/// re-checked at each use, and everything about the report is checked as usual. When the
/// report is byte for byte the one this chain last verified (signed bytes, R and S: the
/// host serving the same cached evidence again), its ECDSA check is not repeated either;
/// every policy, time, binding and nonce check still runs. It is used
/// only when the product, signer, leaf certificate, CRL and the policy's root and CRL rules
/// are the same; otherwise the chain is verified again.
#[derive(Debug, Clone)]
pub struct VerifiedChain {
    product: Product,
    signer: SigningKey,
    leaf_der: Vec<u8>,
    crl_der: Option<Vec<u8>>,
    simulated_root: Option<Vec<u8>>,
    crl_policy: CrlPolicy,
    ark: RoleCert,
    inter: RoleCert,
    leaf: Leaf,
    crl: CrlOutcome,
    /// SHA-384 of the signed bytes and signature of the last report whose ECDSA signature
    /// was verified with this leaf key: re-checking those exact bytes skips the signature.
    verified_report: Option<[u8; 48]>,
}

impl VerifiedChain {
    /// The product whose pinned root (or accepted simulated root) anchors the chain.
    pub fn product(&self) -> Product {
        self.product
    }

    /// VCEK or VLEK.
    pub fn signer(&self) -> SigningKey {
        self.signer
    }

    /// The leaf certificate (VCEK or VLEK, DER) this chain ends in: a caller holding several
    /// chains picks the one for a bundle by comparing it with the bundle's collateral.
    pub fn leaf_der(&self) -> &[u8] {
        &self.leaf_der
    }

    fn reusable(
        &self,
        product: Product,
        signer: SigningKey,
        leaf_der: Option<&[u8]>,
        crl_der: Option<&[u8]>,
        policy: &Policy,
    ) -> bool {
        self.product == product
            && self.signer == signer
            && leaf_der == Some(self.leaf_der.as_slice())
            && crl_der == self.crl_der.as_deref()
            && policy.simulated_root == self.simulated_root
            && policy.crl == self.crl_policy
    }
}

/// Points 4-10. Returns the verified chain when every step passed.
fn authenticate(
    report: &Report,
    signer: SigningKey,
    inp: &Inputs<'_>,
    policy: &Policy,
    now: u64,
    run: &mut Run,
) -> Result<Option<VerifiedChain>, Stop> {
    let product = report.product;
    let leaf_der = if signer == SigningKey::Vlek {
        inp.vlek
    } else {
        inp.vcek
    };
    let cached = inp
        .cached
        .filter(|c| c.reusable(product, signer, leaf_der, inp.crl, policy));
    let chain = match cached {
        Some(c) => {
            for id in ["chain.ark", "chain.intermediate", "chain.leaf"] {
                run.check(id, pass("verified earlier (cached chain)"))?;
            }
            let validity = chain::check_validity(&[&c.ark, &c.inter, &c.leaf.cert], now);
            run.check(
                "cert.validity",
                validity.and_then(|()| pass("ARK, intermediate and leaf valid now")),
            )?;
            let crl = chain::recheck_crl(&c.crl, policy.crl, now);
            let Some(crl) = run.value("crl", crl.and_then(|o| crl_done(&o).map(|d| (o, d))))?
            else {
                return Ok(None);
            };
            VerifiedChain { crl, ..c.clone() }
        }
        None => match verify_chain(product, signer, leaf_der, inp, policy, now, run)? {
            Some(c) => c,
            None => return Ok(None),
        },
    };
    let digest = signed_report_digest(report);
    let signature = if chain.verified_report == Some(digest) {
        pass(format!(
            "verified earlier with the {signer} key (same signed bytes and signature)"
        ))
    } else {
        report_signature(report, &chain.leaf, signer)
    };
    run.check("report.signature", signature)?;
    let chain = VerifiedChain {
        verified_report: Some(digest),
        ..chain
    };
    let ext = chain::amd_extensions(&chain.leaf.cert, product);
    run.check(
        "cert.product",
        ext.clone()
            .and_then(|e| product_name(e.product_name.as_deref(), product)),
    )?;
    run.check(
        "tcb.cert_match",
        ext.clone().and_then(|e| tcb_match(&e.tcb, report)),
    )?;
    run.check(
        "chip_id",
        ext.and_then(|e| chip_id(e.hwid.as_deref(), report, signer)),
    )?;
    Ok(Some(chain))
}

/// Points 6-8: ARK, intermediate, leaf, validity windows and CRL.
fn verify_chain(
    product: Product,
    signer: SigningKey,
    leaf_der: Option<&[u8]>,
    inp: &Inputs<'_>,
    policy: &Policy,
    now: u64,
    run: &mut Run,
) -> Result<Option<VerifiedChain>, Stop> {
    let leaf_role = if signer == SigningKey::Vlek {
        CertRole::Vlek
    } else {
        CertRole::Vcek
    };
    let supplied: Result<Vec<Certificate>, Error> = inp
        .chain
        .iter()
        .map(|d| chain::decode_cert(d, CertRole::Ask))
        .collect();
    let ark = supplied.and_then(|s| {
        let ark = chain::ark(product, &s, policy.simulated_root.as_deref())?;
        Ok((
            (ark, s),
            Done::Pass(format!("pinned ARK-{product}, self-signed")),
        ))
    });
    let Some((ark, supplied)) = run.value("chain.ark", ark)? else {
        return Ok(None);
    };
    let inter = chain::intermediate(product, signer, &supplied, &ark).map(|i| {
        let d = format!("{} signed by the ARK", i.role);
        (i, Done::Pass(d))
    });
    let Some(inter) = run.value("chain.intermediate", inter)? else {
        return Ok(None);
    };
    let leaf = leaf_der
        .ok_or(Error::SignerCertMissing { signer })
        .and_then(|d| chain::decode_cert(d, leaf_role))
        .and_then(|c| chain::leaf(c, signer, &inter))
        .map(|l| {
            let d = format!("{leaf_role} signed by the {}, P-384 key", inter.role);
            (l, Done::Pass(d))
        });
    let Some(leaf) = run.value("chain.leaf", leaf)? else {
        return Ok(None);
    };
    run.check(
        "cert.validity",
        chain::check_validity(&[&ark, &inter, &leaf.cert], now)
            .and_then(|()| pass("ARK, intermediate and leaf valid now")),
    )?;
    let crl = chain::check_crl(inp.crl, policy.crl, &ark, &[&inter, &leaf.cert], now);
    let Some(crl) = run.value("crl", crl.and_then(|o| crl_done(&o).map(|d| (o, d))))? else {
        return Ok(None);
    };
    Ok(Some(VerifiedChain {
        product,
        signer,
        leaf_der: leaf_der.unwrap_or_default().to_vec(),
        crl_der: inp.crl.map(<[u8]>::to_vec),
        simulated_root: policy.simulated_root.clone(),
        crl_policy: policy.crl,
        ark,
        inter,
        leaf,
        crl,
        verified_report: None,
    }))
}

fn crl_done(outcome: &CrlOutcome) -> Result<Done, Error> {
    match outcome {
        CrlOutcome::Checked {
            revoked_entries,
            stale: false,
            ..
        } => pass(format!(
            "ARK-signed, current, {revoked_entries} entries, chain not revoked"
        )),
        CrlOutcome::Checked {
            revoked_entries,
            stale: true,
            ..
        } => pass(format!(
            "ARK-signed, past nextUpdate (allowed by policy), {revoked_entries} entries, \
             chain not revoked"
        )),
        CrlOutcome::NotChecked(why) => skip(*why),
    }
}

/// SHA-384 over a report's signed bytes, R and S: identifies one signature check exactly.
fn signed_report_digest(report: &Report) -> [u8; 48] {
    let mut h = sha2::Sha384::new();
    h.update(report.signed_bytes());
    h.update(report.signature.r);
    h.update(report.signature.s);
    h.finalize().into()
}

/// Point 5: ECDSA P-384/SHA-384 over the raw signed bytes (not a re-encoding, unlike `sev`).
/// R and S are stored little-endian in 72-byte fields whose bytes 48..72 are checked zero by
/// [`Report::check_format`].
fn report_signature(report: &Report, leaf: &Leaf, signer: SigningKey) -> Result<Done, Error> {
    let err = Error::ReportSignature { signer };
    let be48 = |le: &[u8; 72]| -> p384::FieldBytes {
        let mut out = p384::FieldBytes::default();
        for (o, b) in out.iter_mut().zip(le.iter().take(48).rev()) {
            *o = *b;
        }
        out
    };
    let sig = Signature::from_scalars(be48(&report.signature.r), be48(&report.signature.s))
        .map_err(|_| err.clone())?;
    let key: &VerifyingKey = &leaf.key;
    key.verify(report.signed_bytes(), &sig).map_err(|_| err)?;
    pass(format!("verified with the {signer} key"))
}

fn product_name(name: Option<&str>, product: Product) -> Result<Done, Error> {
    match name {
        Some(n) if chain::product_name_matches(n, product) => pass(format!("productName {n:?}")),
        Some(n) => Err(Error::ProductNameMismatch {
            name: n.to_owned(),
            product,
        }),
        None => skip("certificate has no productName"),
    }
}

fn tcb_match(cert: &TcbVersion, report: &Report) -> Result<Done, Error> {
    if let Some((component, c, r)) = cert.first_difference(&report.reported_tcb.version) {
        return Err(Error::TcbCertMismatch {
            component,
            cert: c,
            report: r,
        });
    }
    pass(format!("certificate TCB = REPORTED_TCB ({cert})"))
}

fn chip_id(hwid: Option<&[u8]>, report: &Report, signer: SigningKey) -> Result<Done, Error> {
    match (signer, hwid) {
        (SigningKey::Vlek, None) => skip("VLEK: no hwID"),
        (SigningKey::Vlek, Some(_)) => Err(Error::VlekHasHwId),
        (_, None) => Err(Error::ExtensionMissing {
            role: CertRole::Vcek,
            extension: "hwID",
        }),
        (_, Some(hwid)) => {
            if report.chip_id.iter().all(|b| *b == 0) {
                return Err(Error::ChipIdMasked);
            }
            let n = report.product.hwid_len();
            let (head, tail) = report.chip_id.split_at(n.min(report.chip_id.len()));
            if hwid != head || tail.iter().any(|b| *b != 0) {
                return Err(Error::ChipIdMismatch);
            }
            pass(format!("hwID = CHIP_ID ({n} bytes)"))
        }
    }
}

#[cfg(test)]
#[path = "verify_tests.rs"]
mod tests;
