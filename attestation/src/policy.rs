//! What the verifier accepts: [`Policy`], built from [`Policy::authenticity`] (is this a
//! genuine AMD report?) or [`Policy::strict`] (production) and refined with builders, and
//! the checks of checklist points 11-16 that only it drives (run by [`crate::verify`]'s
//! pipeline).

use obscura_protocol::evidence::{EvidenceBundle, Nonce};

use crate::Error;
use crate::chain::{self, CrlPolicy};
use crate::report::{
    FirmwareVersion, GuestPolicy, Measurement, Product, Report, SigningKey, TcbComponent,
    TcbVersion,
};
use crate::verify::{Done, Run, Stop, pass, skip};

/// How COMMITTED_TCB and the committed firmware must relate to the current ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TcbRelation {
    /// Not checked.
    Any,
    /// COMMITTED ≤ CURRENT, component-wise (provisional firmware allowed).
    CommittedAtMostCurrent,
    /// COMMITTED = CURRENT (no provisional firmware that could still be rolled back).
    CommittedEqualsCurrent,
}

/// What the verifier accepts. Build with [`Policy::authenticity`] (points 1-10: is this a
/// genuine AMD report?) or [`Policy::strict`] (production), then refine with the builders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub(crate) product: Option<Product>,
    pub(crate) versions: Vec<u32>,
    pub(crate) signers: Vec<SigningKey>,
    pub(crate) crl: CrlPolicy,
    pub(crate) min_tcb: Vec<(Product, TcbVersion)>,
    pub(crate) tcb_relation: TcbRelation,
    pub(crate) min_firmware: Option<FirmwareVersion>,
    pub(crate) guest_checks: bool,
    pub(crate) allow_debug: bool,
    pub(crate) allow_migration_agent: bool,
    pub(crate) guest_required: u64,
    pub(crate) guest_forbidden: u64,
    pub(crate) min_abi: Option<(u8, u8)>,
    pub(crate) platform: Option<(u64, u64)>,
    pub(crate) mitigations: Option<u64>,
    pub(crate) vmpl: Option<u32>,
    pub(crate) measurements: Option<Vec<Measurement>>,
    pub(crate) host_data: Option<[u8; 32]>,
    pub(crate) id_key_digest: Option<[u8; 48]>,
    pub(crate) family_id: Option<[u8; 16]>,
    pub(crate) image_id: Option<[u8; 16]>,
    pub(crate) author_key_digest: Option<[u8; 48]>,
    pub(crate) min_guest_svn: Option<u32>,
    pub(crate) binding: bool,
    pub(crate) nonce: Option<Nonce>,
    pub(crate) simulated_root: Option<Vec<u8>>,
}

impl Policy {
    /// Authenticity only (checklist points 1-10): format, signature, chain to the pinned AMD
    /// root, validity, CRL (required and fresh), TCB extensions and hwID. Guest policy,
    /// TCB minimums, VMPL, measurement and binding are skipped: for reports from other
    /// systems.
    pub fn authenticity() -> Self {
        Self {
            product: None,
            versions: vec![2, 3, 4, 5],
            signers: vec![SigningKey::Vcek, SigningKey::Vlek],
            crl: CrlPolicy::Require,
            min_tcb: Vec::new(),
            tcb_relation: TcbRelation::Any,
            min_firmware: None,
            guest_checks: false,
            allow_debug: false,
            allow_migration_agent: false,
            guest_required: 0,
            guest_forbidden: 0,
            min_abi: None,
            platform: None,
            mitigations: None,
            vmpl: None,
            measurements: None,
            host_data: None,
            id_key_digest: None,
            family_id: None,
            image_id: None,
            author_key_digest: None,
            min_guest_svn: None,
            binding: false,
            nonce: None,
            simulated_root: None,
        }
    }

    /// The production policy: authenticity plus DEBUG and migration agent off, VMPL 0,
    /// COMMITTED = CURRENT, the measurement in `measurements`, the key binding and expiry.
    /// Add minimum TCBs, HOST_DATA and the rest with the builders.
    pub fn strict(measurements: impl IntoIterator<Item = Measurement>) -> Self {
        Self {
            versions: vec![3, 4, 5],
            tcb_relation: TcbRelation::CommittedEqualsCurrent,
            guest_checks: true,
            vmpl: Some(0),
            measurements: Some(measurements.into_iter().collect()),
            binding: true,
            ..Self::authenticity()
        }
    }

    /// Pins the product (required for version 2 reports; checked against CPUID for v3+).
    pub fn product(mut self, product: Product) -> Self {
        self.product = Some(product);
        self
    }

    /// Report versions accepted (a subset of 2..=5; 2 also needs [`Policy::product`]).
    pub fn versions(mut self, versions: &[u32]) -> Self {
        self.versions = versions.to_vec();
        self
    }

    /// Signing keys accepted (VCEK, VLEK).
    pub fn signers(mut self, signers: &[SigningKey]) -> Self {
        self.signers = signers.to_vec();
        self
    }

    /// How the CRL is treated.
    pub fn crl(mut self, crl: CrlPolicy) -> Self {
        self.crl = crl;
        self
    }

    /// Minimum TCB for a product, component-wise on REPORTED_TCB and CURRENT_TCB.
    pub fn min_tcb(mut self, product: Product, tcb: TcbVersion) -> Self {
        self.min_tcb.retain(|(p, _)| *p != product);
        self.min_tcb.push((product, tcb));
        self
    }

    /// How COMMITTED and CURRENT must relate.
    pub fn tcb_relation(mut self, relation: TcbRelation) -> Self {
        self.tcb_relation = relation;
        self
    }

    /// Minimum current firmware version.
    pub fn min_firmware(mut self, min: FirmwareVersion) -> Self {
        self.min_firmware = Some(min);
        self
    }

    /// Accepts guests whose policy allows debugging: their memory is readable by the host.
    pub fn dangerous_allow_debug(mut self) -> Self {
        self.allow_debug = true;
        self
    }

    /// Accepts guests whose policy allows a migration agent.
    pub fn allow_migration_agent(mut self) -> Self {
        self.allow_migration_agent = true;
        self
    }

    /// Guest policy bits ([`crate::report::GuestPolicy`] constants) that must be set / must be clear.
    pub fn guest_policy_bits(mut self, required: u64, forbidden: u64) -> Self {
        self.guest_checks = true;
        self.guest_required = required;
        self.guest_forbidden = forbidden;
        self
    }

    /// Minimum ABI version the guest policy must demand.
    pub fn min_abi(mut self, major: u8, minor: u8) -> Self {
        self.guest_checks = true;
        self.min_abi = Some((major, minor));
        self
    }

    /// PLATFORM_INFO bits ([`crate::report::PlatformInfo`] constants) that must be set /
    /// must be clear.
    pub fn platform_info(mut self, required: u64, forbidden: u64) -> Self {
        self.platform = Some((required, forbidden));
        self
    }

    /// CURRENT_MIT_VECTOR bits that must be set (implies a v5 report).
    pub fn mitigations(mut self, required: u64) -> Self {
        self.mitigations = Some(required);
        self
    }

    /// The VMPL the report must come from.
    pub fn vmpl(mut self, vmpl: u32) -> Self {
        self.vmpl = Some(vmpl);
        self
    }

    /// The launch measurements accepted.
    pub fn measurements(mut self, m: impl IntoIterator<Item = Measurement>) -> Self {
        self.measurements = Some(m.into_iter().collect());
        self
    }

    /// The HOST_DATA required.
    pub fn host_data(mut self, host_data: [u8; 32]) -> Self {
        self.host_data = Some(host_data);
        self
    }

    /// The FAMILY_ID (from the ID block) required.
    pub fn family_id(mut self, id: [u8; 16]) -> Self {
        self.family_id = Some(id);
        self
    }

    /// The IMAGE_ID (from the ID block) required.
    pub fn image_id(mut self, id: [u8; 16]) -> Self {
        self.image_id = Some(id);
        self
    }

    /// The ID_KEY_DIGEST required.
    pub fn id_key_digest(mut self, digest: [u8; 48]) -> Self {
        self.id_key_digest = Some(digest);
        self
    }

    /// The AUTHOR_KEY_DIGEST required.
    pub fn author_key_digest(mut self, digest: [u8; 48]) -> Self {
        self.author_key_digest = Some(digest);
        self
    }

    /// Minimum GUEST_SVN.
    pub fn min_guest_svn(mut self, svn: u32) -> Self {
        self.min_guest_svn = Some(svn);
        self
    }

    /// Requires fresh evidence made for `nonce`.
    pub fn nonce(mut self, nonce: Nonce) -> Self {
        self.nonce = Some(nonce);
        self
    }

    /// Also trusts a simulated AMD root (certificate or SubjectPublicKeyInfo, DER). Anyone
    /// with the simulator's keys can then forge evidence: for tests and laptops only.
    pub fn dangerous_accept_simulated_root(
        mut self,
        ark_spki_or_cert: &[u8],
    ) -> Result<Self, Error> {
        self.simulated_root = Some(chain::root_spki(ark_spki_or_cert)?);
        Ok(self)
    }
}

/// Points 11-15.
pub(crate) fn policy_checks(report: &Report, policy: &Policy, run: &mut Run) -> Result<(), Stop> {
    run.check("tcb.minimum", tcb_minimum(report, policy))?;
    let gp = report.policy;
    let debug = if !policy.guest_checks {
        skip("not required by policy")
    } else if gp.debug() && !policy.allow_debug {
        Err(Error::DebugAllowed)
    } else {
        pass(if gp.debug() {
            "DEBUG set (allowed by policy)"
        } else {
            "DEBUG off"
        })
    };
    run.check("policy.debug", debug)?;
    let ma = if !policy.guest_checks {
        skip("not required by policy")
    } else if gp.migrate_ma() && !policy.allow_migration_agent {
        Err(Error::MigrationAgentAllowed)
    } else {
        pass(if gp.migrate_ma() {
            "MIGRATE_MA set (allowed)"
        } else {
            "MIGRATE_MA off"
        })
    };
    run.check("policy.migration", ma)?;
    run.check("policy.guest", guest_bits(gp, policy))?;
    run.check("platform_info", platform(report, policy))?;
    let vmpl = match policy.vmpl {
        None => skip("not required by policy"),
        Some(v) if v == report.vmpl => pass(format!("VMPL {v}")),
        Some(v) => Err(Error::Vmpl {
            expected: v,
            got: report.vmpl,
        }),
    };
    run.check("vmpl", vmpl)?;
    let m = match &policy.measurements {
        None => skip("not required by policy"),
        Some(list) if list.contains(&report.measurement) => {
            pass(format!("{} allowed", report.measurement))
        }
        Some(_) => Err(Error::MeasurementNotAllowed {
            measurement: report.measurement.to_string(),
        }),
    };
    run.check("measurement", m)?;
    run.check("workload.identity", identity(report, policy))
}

fn tcb_minimum(report: &Report, policy: &Policy) -> Result<Done, Error> {
    let mut done = Vec::new();
    if let Some((_, min)) = policy.min_tcb.iter().find(|(p, _)| *p == report.product) {
        for (which, tcb) in [
            ("reported", &report.reported_tcb),
            ("current", &report.current_tcb),
        ] {
            if let Some((component, got, min)) = tcb.version.first_below(min) {
                return Err(Error::TcbTooLow {
                    which,
                    component,
                    got,
                    min,
                });
            }
        }
        done.push(format!("TCB >= {min}"));
    }
    let (cur, com) = (&report.current_tcb.version, &report.committed_tcb.version);
    let components = com.components().into_iter().zip(cur.components());
    let fw = |v: FirmwareVersion| {
        u32::from(v.major) << 16 | u32::from(v.minor) << 8 | u32::from(v.build)
    };
    match policy.tcb_relation {
        TcbRelation::Any => {}
        relation => {
            let eq = relation == TcbRelation::CommittedEqualsCurrent;
            for ((c, committed), (_, current)) in components {
                if (eq && committed != current) || committed > current {
                    let component = match c {
                        TcbComponent::Fmc => "fmc",
                        TcbComponent::Bl => "bl",
                        TcbComponent::Tee => "tee",
                        TcbComponent::Snp => "snp",
                        TcbComponent::Ucode => "ucode",
                    };
                    return Err(Error::CommittedVsCurrent {
                        component,
                        committed: committed.into(),
                        current: current.into(),
                    });
                }
            }
            let (committed, current) = (fw(report.committed_fw), fw(report.current_fw));
            if (eq && committed != current) || committed > current {
                return Err(Error::CommittedVsCurrent {
                    component: "firmware",
                    committed,
                    current,
                });
            }
            done.push(if eq {
                "COMMITTED = CURRENT".into()
            } else {
                "COMMITTED <= CURRENT".into()
            });
        }
    }
    if let Some(min) = policy.min_firmware {
        if report.current_fw < min {
            return Err(Error::FirmwareTooLow {
                got: report.current_fw,
                min,
            });
        }
        done.push(format!("firmware {} >= {min}", report.current_fw));
    }
    if done.is_empty() {
        skip("not required by policy")
    } else {
        pass(done.join("; "))
    }
}

fn guest_bits(gp: GuestPolicy, policy: &Policy) -> Result<Done, Error> {
    if !policy.guest_checks {
        return skip("not required by policy");
    }
    let missing = policy.guest_required & !gp.0;
    let forbidden = policy.guest_forbidden & gp.0;
    if missing != 0 || forbidden != 0 {
        return Err(Error::GuestPolicy {
            policy: gp.0,
            missing,
            forbidden,
        });
    }
    if let Some((major, minor)) = policy.min_abi {
        if (gp.abi_major(), gp.abi_minor()) < (major, minor) {
            return Err(Error::AbiTooLow {
                major: gp.abi_major(),
                minor: gp.abi_minor(),
            });
        }
    }
    pass(format!("guest policy {:#x}", gp.0))
}

fn platform(report: &Report, policy: &Policy) -> Result<Done, Error> {
    let mut done = Vec::new();
    if let Some((required, forbidden)) = policy.platform {
        let info = report.platform_info.0;
        let (missing, forbidden) = (required & !info, forbidden & info);
        if missing != 0 || forbidden != 0 {
            return Err(Error::PlatformInfo {
                info,
                missing,
                forbidden,
            });
        }
        done.push(format!("platform info {info:#x}"));
    }
    if let Some(required) = policy.mitigations {
        let got = report.current_mit_vector;
        if got.is_none_or(|v| v & required != required) {
            return Err(Error::MitigationVector { got, required });
        }
        done.push(format!("mitigations {required:#x} present"));
    }
    if done.is_empty() {
        skip("not required by policy")
    } else {
        pass(done.join("; "))
    }
}

fn identity(report: &Report, policy: &Policy) -> Result<Done, Error> {
    let mut done = Vec::new();
    if let Some(h) = policy.host_data {
        if h != report.host_data {
            return Err(Error::HostData);
        }
        done.push("HOST_DATA");
    }
    if let Some(d) = policy.id_key_digest {
        if d != report.id_key_digest {
            return Err(Error::IdKeyDigest);
        }
        done.push("ID_KEY_DIGEST");
    }
    if let Some(id) = policy.family_id {
        if id != report.family_id {
            return Err(Error::FamilyId);
        }
        done.push("FAMILY_ID");
    }
    if let Some(id) = policy.image_id {
        if id != report.image_id {
            return Err(Error::ImageId);
        }
        done.push("IMAGE_ID");
    }
    if let Some(d) = policy.author_key_digest {
        if d != report.author_key_digest || !report.key_info.author_key_en() {
            return Err(Error::AuthorKeyDigest);
        }
        done.push("AUTHOR_KEY_DIGEST");
    }
    if let Some(min) = policy.min_guest_svn {
        if report.guest_svn < min {
            return Err(Error::GuestSvnTooLow {
                got: report.guest_svn,
                min,
            });
        }
        done.push("GUEST_SVN");
    }
    if done.is_empty() {
        skip("not required by policy")
    } else {
        pass(format!("{} as required", done.join(", ")))
    }
}

/// Point 16.
pub(crate) fn binding_checks(
    report: &Report,
    policy: &Policy,
    bundle: Option<&EvidenceBundle>,
    now: u64,
    run: &mut Run,
) -> Result<(), Stop> {
    let Some(bundle) = bundle else {
        for id in ["report_data", "evidence.expiry", "nonce"] {
            run.check(id, skip("no evidence bundle"))?;
        }
        return Ok(());
    };
    let rd = if !policy.binding {
        skip("not required by policy")
    } else if bundle.expected_report_data() == report.report_data {
        pass("binds the key configurations, claims and nonce")
    } else {
        Err(Error::ReportDataMismatch)
    };
    run.check("report_data", rd)?;
    let exp = if !policy.binding {
        skip("not required by policy")
    } else if now >= bundle.expires_at {
        Err(Error::EvidenceExpired {
            expires_at: bundle.expires_at,
            now,
        })
    } else {
        pass(format!("expires at {}", bundle.expires_at))
    };
    run.check("evidence.expiry", exp)?;
    let nonce = match policy.nonce {
        None => skip("fresh evidence not requested"),
        Some(n) if bundle.nonce == Some(n) => pass("matches the requested nonce"),
        Some(_) => Err(Error::NonceMismatch),
    };
    run.check("nonce", nonce)
}
