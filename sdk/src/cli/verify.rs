//! `obscura verify REPORT`: every check of the verifier on a report from any SNP system,
//! as an aligned table or as JSON, with the collateral from files, the KDS or its cache.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use obscura_attestation::chain::CrlPolicy;
use obscura_attestation::kds::{KdsClient, KdsConfig};
use obscura_attestation::report::{Product, Report, SigningKey};
use obscura_attestation::verify::{CheckResult, Outcome, check_report};
use serde_json::json;

use super::Error;
use super::input;
use super::policy_file::{self, Chosen};

/// Environment variable naming another KDS base URL (e.g. a mirror or a test server).
pub(crate) const ENV_KDS_URL: &str = "OBSCURA_KDS_URL";
/// Environment variable naming the KDS cache directory.
pub(crate) const ENV_KDS_CACHE: &str = "OBSCURA_KDS_CACHE";

/// The checks that must pass (not only not fail) for a report to be accepted: points 1-9
/// of the checklist. `chip_id` is skipped for VLEK-signed reports, and the `crl`, guest and
/// workload checks fail by themselves when the policy requires them.
const REQUIRED: [&str; 10] = [
    "report.size",
    "report.version",
    "report.reserved",
    "report.key_info",
    "chain.ark",
    "chain.intermediate",
    "chain.leaf",
    "cert.validity",
    "report.signature",
    "tcb.cert_match",
];

/// What `obscura verify` was asked.
pub(crate) struct Args {
    pub(crate) report: PathBuf,
    pub(crate) vcek: Option<PathBuf>,
    pub(crate) vlek: Option<PathBuf>,
    pub(crate) chain: Option<PathBuf>,
    pub(crate) crl: Option<PathBuf>,
    pub(crate) product: Option<Product>,
    pub(crate) at: Option<String>,
    pub(crate) policy: String,
    pub(crate) offline: bool,
    pub(crate) json: bool,
}

/// Runs the checks and prints them; `Ok(true)` when the report is accepted.
pub(crate) fn run(args: &Args) -> Result<bool, Error> {
    let now = match &args.at {
        Some(s) => parse_time(s)?,
        None => SystemTime::now(),
    };
    let Chosen { mut policy, crl } = policy_file::choose(&args.policy)?;
    if let Some(p) = args.product {
        policy = policy.product(p);
    }
    let report_bytes = input::read_capped(&args.report, 64 * 1024)?;
    // Decoded only to find the collateral; the checks below decode again, on their own.
    let decoded = match Report::decode(&report_bytes, args.product) {
        Ok(r) => Some(r),
        Err(obscura_attestation::Error::ProductRequired { version }) => {
            return Err(Error::Usage(format!(
                "report version {version} carries no CPUID: pass --product milan|genoa|turin"
            )));
        }
        Err(_) => None,
    };
    let signer = decoded
        .as_ref()
        .and_then(Report::signing_key)
        .unwrap_or(SigningKey::Vcek);

    let mut kds = None;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;

    let signer_cert = match (&args.vcek, &args.vlek, &decoded) {
        (Some(f), None, _) | (None, Some(f), _) => input::certificate(f)?,
        (Some(_), Some(_), _) => {
            return Err(Error::Usage("give --vcek or --vlek, not both".into()));
        }
        (None, None, Some(_)) if signer == SigningKey::Vlek => {
            return Err(Error::Usage(
                "the report is VLEK-signed: a VLEK cannot be fetched from the KDS, pass --vlek FILE"
                    .into(),
            ));
        }
        (None, None, Some(r)) => {
            let c = client(&mut kds, args.offline)?;
            runtime
                .block_on(c.vcek_for_report(r))
                .map_err(|source| Error::Kds {
                    what: if args.offline {
                        "no --vcek given and --offline: the VCEK is not in the KDS cache"
                    } else {
                        "fetching the VCEK from the KDS"
                    },
                    source,
                })?
        }
        // The report does not decode: the checks below say why.
        (None, None, None) => Vec::new(),
    };
    let chain = match &args.chain {
        Some(f) => input::chain(f)?,
        None => Vec::new(),
    };
    let crl_der = match (&args.crl, &decoded, crl) {
        (Some(f), _, _) => Some(input::crl(f)?),
        (None, _, CrlPolicy::Skip) | (None, None, _) => None,
        (None, Some(r), _) => {
            let c = client(&mut kds, args.offline)?;
            match runtime.block_on(c.crl(r.product, signer, now)) {
                Ok(der) => Some(der),
                Err(e) => {
                    // Not fatal here: the `crl` check reports the missing CRL per policy.
                    eprintln!("warning: no CRL: {e}");
                    None
                }
            }
        }
    };

    let chain_refs: Vec<&[u8]> = chain.iter().map(Vec::as_slice).collect();
    let results = check_report(
        &report_bytes,
        &signer_cert,
        &chain_refs,
        crl_der.as_deref(),
        &policy,
        now,
    );
    let ok = accepted(&results);
    let text = if args.json {
        let mut j = serde_json::to_string_pretty(&to_json(ok, &results))?;
        j.push('\n');
        j
    } else {
        table(decoded.as_ref(), &signer_cert, now, &results, ok)
    };
    super::emit(&text)?;
    Ok(ok)
}

/// Accepted iff no check failed and every [`REQUIRED`] check passed.
fn accepted(results: &[CheckResult]) -> bool {
    results.iter().all(|r| r.outcome != Outcome::Fail)
        && REQUIRED.iter().all(|id| {
            results
                .iter()
                .any(|r| r.id == *id && r.outcome == Outcome::Pass)
        })
}

fn status(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "pass",
        Outcome::Fail => "fail",
        Outcome::Skipped => "skip",
    }
}

/// `{"ok": bool, "checks": [{"id", "ok", "status", "detail"}]}`; `ok` is true only for a
/// passed check, `"skipped": true` marks skipped ones.
fn to_json(ok: bool, results: &[CheckResult]) -> serde_json::Value {
    let checks: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            let mut c = json!({
                "id": r.id,
                "ok": r.outcome == Outcome::Pass,
                "status": status(r.outcome),
                "detail": r.detail,
            });
            if r.outcome == Outcome::Skipped {
                if let Some(m) = c.as_object_mut() {
                    m.insert("skipped".into(), json!(true));
                }
            }
            c
        })
        .collect();
    json!({ "ok": ok, "checks": checks })
}

fn table(
    report: Option<&Report>,
    signer_cert: &[u8],
    now: SystemTime,
    results: &[CheckResult],
    ok: bool,
) -> String {
    let mut out = String::new();
    if let Some(r) = report {
        let signer = r
            .signing_key()
            .map_or_else(|| "reserved".to_owned(), |s| s.to_string());
        line!(
            out,
            "report        version {}, {}, signed by {signer}",
            r.version,
            r.product
        );
        line!(out, "reported TCB  {}", r.reported_tcb.version);
        line!(out, "current TCB   {}", r.current_tcb.version);
        line!(out, "committed TCB {}", r.committed_tcb.version);
        line!(out, "measurement   {}", r.measurement);
        line!(
            out,
            "guest policy  {:#x} (debug {}, migration agent {})",
            r.policy.0,
            r.policy.debug(),
            r.policy.migrate_ma()
        );
        line!(
            out,
            "platform info {:#x}, VMPL {}",
            r.platform_info.0,
            r.vmpl
        );
    }
    if let Ok(c) = <x509_cert::Certificate as der::Decode>::from_der(signer_cert) {
        let v = &c.tbs_certificate.validity;
        line!(
            out,
            "signer cert   valid {} to {}",
            v.not_before,
            v.not_after
        );
    }
    let secs = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    line!(out, "checked at    {secs} (Unix seconds)");
    line!(out, "");
    let width = results.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in results {
        let s = match r.outcome {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::Skipped => "SKIP",
        };
        line!(out, "{:<width$}  {s}  {}", r.id, r.detail);
    }
    line!(out, "");
    line!(
        out,
        "{}",
        if ok {
            "result: ACCEPTED"
        } else {
            "result: REJECTED"
        }
    );
    out
}

/// RFC 3339, e.g. `2026-11-24T00:00:00Z`.
fn parse_time(s: &str) -> Result<SystemTime, Error> {
    let bad = || {
        Error::Usage(format!(
            "--at {s:?}: expected an RFC 3339 time such as 2026-11-24T00:00:00Z"
        ))
    };
    let t = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .map_err(|_| bad())?;
    let secs = u64::try_from(t.unix_timestamp()).map_err(|_| bad())?;
    UNIX_EPOCH
        .checked_add(Duration::from_secs(secs))
        .ok_or_else(bad)
}

/// The KDS client, made on first use.
fn client(slot: &mut Option<KdsClient>, offline: bool) -> Result<&KdsClient, Error> {
    if slot.is_none() {
        *slot = Some(kds_client(offline)?);
    }
    slot.as_ref().ok_or(Error::Usage("KDS client".into()))
}

fn kds_client(offline: bool) -> Result<KdsClient, Error> {
    let mut config = KdsConfig::new().offline(offline);
    if let Some(url) = std::env::var_os(ENV_KDS_URL) {
        let url = url
            .into_string()
            .map_err(|_| Error::Usage(format!("{ENV_KDS_URL} is not UTF-8")))?;
        config = config.base_url(url);
    }
    if let Some(dir) = cache_dir() {
        config = config.cache_dir(dir);
    }
    KdsClient::new(config).map_err(|source| Error::Kds {
        what: "setting up the KDS client",
        source,
    })
}

/// `$OBSCURA_KDS_CACHE`, else `$XDG_CACHE_HOME/obscura/kds`, else `~/.cache/obscura/kds`.
fn cache_dir() -> Option<PathBuf> {
    let nonempty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(d) = nonempty(ENV_KDS_CACHE) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = nonempty("XDG_CACHE_HOME") {
        return Some(Path::new(&d).join("obscura").join("kds"));
    }
    nonempty("HOME").map(|h| Path::new(&h).join(".cache").join("obscura").join("kds"))
}
