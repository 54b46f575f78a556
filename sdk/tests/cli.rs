//! The `obscura` binary on the real SEV-SNP vectors of `shared/snp-vectors`, with a KDS
//! stand-in on 127.0.0.1:0 where it fetches.
//!
//! CRL decision: AMD's Milan and Genoa CRLs in the vectors are past nextUpdate on the
//! reference date, so under `--policy authenticity` (CRL required and fresh) the `crl`
//! check fails and the exit status is 1. The accepting runs use a policy file with
//! `crl = "allow-stale"` and the real CRL via `--crl`; Turin has no CRL in the vectors and
//! uses `crl = "skip"`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code: a panic is a failed test

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use obscura_attestation::kds::vcek_url;
use obscura_attestation::report::{Product, Report};
use obscura_attestation::verify::CHECK_IDS;
use serde_json::Value;

const AT: &str = "2026-11-24T00:00:00Z";

fn vectors() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/snp-vectors"
    ));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} not found (shared test vectors absent)",
            dir.display()
        );
        None
    }
}

/// A KDS stand-in that knows nothing (every path is 404), shared by the tests that must
/// not fetch anything real.
fn empty_kds() -> String {
    static EMPTY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    EMPTY
        .get_or_init(|| format!("http://{}", start_kds(HashMap::new()).addr))
        .clone()
}

/// Runs `obscura` with the KDS pointed at `kds` (or at [`empty_kds`]) and the given cache,
/// never the real KDS.
fn obscura(args: &[&str], kds: Option<&str>, cache: &Path) -> Output {
    let base = kds.map_or_else(empty_kds, str::to_owned);
    Command::new(env!("CARGO_BIN_EXE_obscura"))
        .args(args)
        .env("OBSCURA_KDS_URL", base)
        .env("OBSCURA_KDS_CACHE", cache)
        .output()
        .unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `id -> status` of a `--json` output, checking the shape of every entry.
fn statuses(v: &Value) -> Vec<(String, String)> {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let status = c["status"].as_str().unwrap().to_owned();
            assert_eq!(c["ok"].as_bool().unwrap(), status == "pass", "{c}");
            assert_eq!(c.get("skipped").is_some(), status == "skip", "{c}");
            assert!(c["detail"].is_string(), "{c}");
            (c["id"].as_str().unwrap().to_owned(), status)
        })
        .collect()
}

fn status_of<'a>(s: &'a [(String, String)], id: &str) -> &'a str {
    s.iter()
        .find(|(i, _)| i == id)
        .map(|(_, st)| st.as_str())
        .unwrap()
}

fn detail_of(v: &Value, id: &str) -> String {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .map(|c| c["detail"].as_str().unwrap().to_owned())
        .unwrap()
}

/// What an accepted foreign report under authenticity (+ the CRL knob) looks like.
fn expected_authenticity(crl: &str) -> Vec<(String, String)> {
    CHECK_IDS
        .iter()
        .map(|id| {
            let s = match *id {
                "report.size" | "report.version" | "report.reserved" | "report.key_info"
                | "chain.ark" | "chain.intermediate" | "chain.leaf" | "cert.validity"
                | "report.signature" | "cert.product" | "tcb.cert_match" | "chip_id" => "pass",
                "crl" => crl,
                _ => "skip",
            };
            ((*id).to_owned(), s.to_owned())
        })
        .collect()
}

fn policy_file(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_owned()
}

struct Vector {
    dir: &'static str,
    signer: &'static str,
    product: Option<&'static str>,
    crl: Option<&'static str>,
}

const VECTORS: [Vector; 6] = [
    Vector {
        dir: "virtee-milan-v2",
        signer: "vcek.der",
        product: Some("milan"),
        crl: Some("milan"),
    },
    Vector {
        dir: "trustee-milan-v2",
        signer: "vcek.der",
        product: Some("milan"),
        crl: Some("milan"),
    },
    Vector {
        dir: "aci-milan-v2",
        signer: "vcek.pem",
        product: Some("milan"),
        crl: Some("milan"),
    },
    Vector {
        dir: "dstack-milan-v3",
        signer: "vcek.pem",
        product: None,
        crl: Some("milan"),
    },
    Vector {
        dir: "azure-genoa-v3",
        signer: "vcek.pem",
        product: None,
        crl: Some("genoa"),
    },
    Vector {
        dir: "oak-turin-v5",
        signer: "vcek.der",
        product: None,
        crl: None,
    },
];

fn p(dir: &Path, rel: &str) -> String {
    dir.join(rel).to_str().unwrap().to_owned()
}

#[test]
fn every_real_vector_is_accepted_with_its_certificates() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let stale = policy_file(tmp.path(), "stale.toml", "crl = \"allow-stale\"\n");
    let skip = policy_file(
        tmp.path(),
        "skip.toml",
        "base = \"authenticity\"\ncrl = \"skip\"\n",
    );
    for vec in &VECTORS {
        let report = p(&v, &format!("{}/report.bin", vec.dir));
        let signer = p(&v, &format!("{}/{}", vec.dir, vec.signer));
        let mut args = vec!["verify", &report, "--vcek", &signer, "--at", AT, "--json"];
        if let Some(prod) = vec.product {
            args.extend(["--product", prod]);
        }
        let crl_path;
        match vec.crl {
            Some(c) => {
                crl_path = p(&v, &format!("amd-crls/{c}-crl.pem"));
                args.extend(["--crl", &crl_path, "--policy", &stale]);
            }
            None => args.extend(["--policy", &skip]),
        }
        let out = obscura(&args, None, tmp.path());
        let j = json(&out);
        assert_eq!(out.status.code(), Some(0), "{}: {j}", vec.dir);
        assert_eq!(j["ok"], Value::Bool(true), "{}", vec.dir);
        let want = expected_authenticity(if vec.crl.is_some() { "pass" } else { "skip" });
        assert_eq!(statuses(&j), want, "{}", vec.dir);
        assert_eq!(
            detail_of(&j, "report_data"),
            "no evidence bundle",
            "{}",
            vec.dir
        );
    }
}

#[test]
fn a_stale_crl_fails_under_plain_authenticity() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = obscura(
        &[
            "verify",
            &p(&v, "virtee-milan-v2/report.bin"),
            "--vcek",
            &p(&v, "virtee-milan-v2/vcek.der"),
            "--crl",
            &p(&v, "amd-crls/milan-crl.pem"),
            "--product",
            "milan",
            "--at",
            AT,
            "--policy",
            "authenticity",
            "--json",
        ],
        None,
        tmp.path(),
    );
    let j = json(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(j["ok"], Value::Bool(false));
    // The verifier's pipeline does not go on past a failed CRL: the later checks are
    // skipped (not reached), never passed.
    let want: Vec<(String, String)> = expected_authenticity("fail")
        .into_iter()
        .map(|(id, s)| {
            let after_crl = CHECK_IDS.iter().position(|i| *i == id)
                > CHECK_IDS.iter().position(|i| *i == "crl");
            let s = if after_crl { "skip".to_owned() } else { s };
            (id, s)
        })
        .collect();
    assert_eq!(statuses(&j), want);
    assert_eq!(status_of(&statuses(&j), "report.signature"), "skip");
    assert_eq!(
        detail_of(&j, "crl"),
        "CRL is stale: nextUpdate Some(1778544000) (now 1795478400)"
    );
}

#[test]
fn the_table_shows_every_check_and_the_compared_values() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let stale = policy_file(tmp.path(), "stale.toml", "crl = \"allow-stale\"\n");
    let out = obscura(
        &[
            "verify",
            &p(&v, "azure-genoa-v3/report.bin"),
            "--vcek",
            &p(&v, "azure-genoa-v3/vcek.pem"),
            "--chain",
            &p(&v, "amd-roots/ask_ark_genoa.pem"),
            "--crl",
            &p(&v, "amd-crls/genoa-crl.pem"),
            "--at",
            AT,
            "--policy",
            &stale,
        ],
        None,
        tmp.path(),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("report        version 3, Genoa, signed by VCEK\n"),
        "{text}"
    );
    assert!(text.contains("\nreport.signature    PASS  "), "{text}");
    assert!(
        text.contains("\nmeasurement         SKIP  not required by policy\n"),
        "{text}"
    );
    assert!(text.ends_with("result: ACCEPTED\n"), "{text}");
    for id in CHECK_IDS {
        assert!(text.contains(&format!("\n{id} ")), "{id} missing: {text}");
    }
}

#[test]
fn invalid_vceks_fail_the_leaf_check() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    for bad in ["vcek-invalid-legacy.der", "vcek-invalid-new.der"] {
        let out = obscura(
            &[
                "verify",
                &p(&v, "trustee-milan-v2/report.bin"),
                "--vcek",
                &p(&v, &format!("negative-trustee-invalid-vceks/{bad}")),
                "--crl",
                &p(&v, "amd-crls/milan-crl.pem"),
                "--product",
                "milan",
                "--at",
                AT,
                "--json",
            ],
            None,
            tmp.path(),
        );
        let j = json(&out);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert_eq!(j["ok"], Value::Bool(false), "{bad}");
        let s = statuses(&j);
        assert_eq!(status_of(&s, "chain.ark"), "pass", "{bad}");
        assert_eq!(status_of(&s, "chain.intermediate"), "pass", "{bad}");
        assert_eq!(status_of(&s, "chain.leaf"), "fail", "{bad}");
        assert_eq!(
            detail_of(&j, "chain.leaf"),
            "VCEK is not signed by the ASK with RSA-PSS/SHA-384",
            "{bad}"
        );
    }
}

#[test]
fn a_v2_report_needs_the_product() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = obscura(
        &[
            "verify",
            &p(&v, "virtee-milan-v2/report.bin"),
            "--vcek",
            &p(&v, "virtee-milan-v2/vcek.der"),
            "--at",
            AT,
        ],
        None,
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, b"");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: report version 2 carries no CPUID: pass --product milan|genoa|turin\n"
    );
}

#[test]
fn offline_with_an_empty_cache_says_so() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = obscura(
        &[
            "verify",
            &p(&v, "azure-genoa-v3/report.bin"),
            "--offline",
            "--at",
            AT,
        ],
        None,
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(
            &format!("error: no --vcek given and --offline: the VCEK is not in the KDS cache: KDS offline: {}/vcek/v1/Genoa/", empty_kds())
        ),
        "{err}"
    );
}

/// A KDS stand-in: serves `files` by path-and-query and counts requests.
struct Kds {
    addr: SocketAddr,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

fn start_kds(files: HashMap<String, Vec<u8>>) -> Kds {
    use axum::extract::State;
    use axum::http::{StatusCode, Uri};
    use axum::response::IntoResponse;

    type Shared = (
        Arc<HashMap<String, Vec<u8>>>,
        Arc<Mutex<HashMap<String, usize>>>,
    );
    async fn serve(State((files, hits)): State<Shared>, uri: Uri) -> axum::response::Response {
        let key = uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        *hits.lock().unwrap().entry(key.clone()).or_insert(0) += 1;
        match files.get(&key) {
            Some(b) => b.clone().into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        }
    }

    let hits = Arc::new(Mutex::new(HashMap::new()));
    let state: Shared = (Arc::new(files), Arc::clone(&hits));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let app = axum::Router::new().fallback(serve).with_state(state);
            axum::serve(listener, app).await.unwrap();
        });
    });
    Kds {
        addr: rx.recv().unwrap(),
        hits,
    }
}

#[test]
fn the_vcek_and_crl_come_from_a_loopback_kds_then_the_cache() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let report_bytes = std::fs::read(v.join("virtee-milan-v2/report.bin")).unwrap();
    let r = Report::decode(&report_bytes, Some(Product::Milan)).unwrap();
    let vcek_path = vcek_url("", Product::Milan, &r.chip_id, &r.reported_tcb.version).unwrap();
    let (_, crl) =
        der::pem::decode_vec(&std::fs::read(v.join("amd-crls/milan-crl.pem")).unwrap()).unwrap();
    let files = HashMap::from([
        (
            vcek_path.clone(),
            std::fs::read(v.join("virtee-milan-v2/vcek.der")).unwrap(),
        ),
        ("/vcek/v1/Milan/crl".to_owned(), crl),
    ]);
    let kds = start_kds(files);
    let base = format!("http://{}", kds.addr);
    let stale = policy_file(tmp.path(), "stale.toml", "crl = \"allow-stale\"\n");
    let report = p(&v, "virtee-milan-v2/report.bin");

    let args = [
        "verify",
        &report,
        "--product",
        "milan",
        "--at",
        AT,
        "--policy",
        &stale,
        "--json",
    ];
    let out = obscura(&args, Some(&base), &cache);
    let j = json(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{j} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(statuses(&j), expected_authenticity("pass"));
    assert_eq!(kds.hits.lock().unwrap().get(&vcek_path), Some(&1));
    assert_eq!(kds.hits.lock().unwrap().get("/vcek/v1/Milan/crl"), Some(&1));

    // Offline: the VCEK comes from the cache; the CRL is stale on that date, so it is not
    // served from the cache and must be given.
    let crl = p(&v, "amd-crls/milan-crl.pem");
    let mut offline = args.to_vec();
    offline.extend(["--offline", "--crl", &crl]);
    let out = obscura(&offline, Some(&base), &cache);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(statuses(&json(&out)), expected_authenticity("pass"));
    let offline_no_crl = [&args[..], &["--offline"]].concat();
    let out = obscura(&offline_no_crl, Some(&base), &cache);
    let j = json(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(detail_of(&j, "crl"), "no CRL supplied");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("warning: no CRL: KDS offline: "),
    );
    assert_eq!(kds.hits.lock().unwrap().values().sum::<usize>(), 2);
}

#[test]
fn report_show_decodes_the_turin_v5_vector() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = obscura(
        &[
            "report",
            "show",
            &p(&v, "oak-turin-v5/report.bin"),
            "--json",
        ],
        None,
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let j = json(&out);
    assert_eq!(j["version"], 5);
    assert_eq!(j["product"], "Turin");
    assert_eq!(j["format"], "ok");
    assert_eq!(j["key_info"]["signing_key"], "vcek");
    let raw = std::fs::read(v.join("oak-turin-v5/report.bin")).unwrap();
    // REPORTED_TCB at 0x180, Turin layout [fmc, bl, tee, snp, 0, 0, 0, ucode].
    let t = &raw[0x180..0x188];
    assert_eq!(j["reported_tcb"]["raw"], hex::encode(t));
    assert_eq!(j["reported_tcb"]["fmc"], t[0]);
    assert_eq!(j["reported_tcb"]["bl"], t[1]);
    assert_eq!(j["reported_tcb"]["tee"], t[2]);
    assert_eq!(j["reported_tcb"]["snp"], t[3]);
    assert_eq!(j["reported_tcb"]["ucode"], t[7]);
    assert_eq!(j["cpuid"]["family"], "0x1a");
    assert_eq!(j["chip_id"], hex::encode(&raw[0x1A0..0x1E0]));
    assert_eq!(j["measurement"], hex::encode(&raw[0x90..0xC0]));
}

#[test]
fn keys_still_decodes_a_key_configuration_list() {
    use obscura_protocol::keys::{GatewayKey, Kem, KeyConfigList, KeyId};
    let tmp = tempfile::tempdir().unwrap();
    let key = GatewayKey::generate(KeyId(7), Kem::XWing).unwrap();
    let list = KeyConfigList::from_keys([&key]).unwrap();
    let file = tmp.path().join("keys.bin");
    std::fs::write(&file, list.encoded()).unwrap();
    let out = obscura(&["keys", file.to_str().unwrap()], None, tmp.path());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("key id 7  kem 0x647a  public key 1216 bytes"),
        "{text}"
    );
    assert!(
        text.contains("\na client would use key id 7 with "),
        "{text}"
    );

    std::fs::write(&file, b"\x00").unwrap();
    let out = obscura(&["keys", file.to_str().unwrap()], None, tmp.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: {}: not a valid application/ohttp-keys list\n",
            file.display()
        )
    );
}

#[test]
fn a_strict_policy_file_checks_the_guest() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let raw = std::fs::read(v.join("dstack-milan-v3/report.bin")).unwrap();
    let measurement = hex::encode(&raw[0x90..0xC0]);
    let run = |policy: &str| {
        obscura(
            &[
                "verify",
                &p(&v, "dstack-milan-v3/report.bin"),
                "--vcek",
                &p(&v, "dstack-milan-v3/vcek.pem"),
                "--crl",
                &p(&v, "amd-crls/milan-crl.pem"),
                "--at",
                AT,
                "--policy",
                policy,
                "--json",
            ],
            None,
            tmp.path(),
        )
    };
    let good = policy_file(
        tmp.path(),
        "good.toml",
        &format!(
            "base = \"strict\"\ncrl = \"allow-stale\"\nmeasurements = [\"{measurement}\"]\n[min_tcb.milan]\nbl = 4\ntee = 0\nsnp = 23\nucode = 213\n"
        ),
    );
    let out = run(&good);
    let j = json(&out);
    assert_eq!(out.status.code(), Some(0), "{j}");
    let s = statuses(&j);
    for id in [
        "tcb.minimum",
        "policy.debug",
        "policy.migration",
        "vmpl",
        "measurement",
    ] {
        assert_eq!(status_of(&s, id), "pass", "{id}: {j}");
    }
    assert_eq!(
        detail_of(&j, "measurement"),
        format!("{measurement} allowed")
    );
    assert_eq!(detail_of(&j, "vmpl"), "VMPL 0");

    // Another measurement, and a minimum SNP SPL above REPORTED_TCB (0x17 = 23).
    let bad = policy_file(
        tmp.path(),
        "bad.toml",
        &format!(
            "base = \"strict\"\ncrl = \"allow-stale\"\nmeasurements = [\"{}\"]\n[min_tcb.milan]\nbl = 4\ntee = 0\nsnp = 24\nucode = 213\n",
            "00".repeat(48)
        ),
    );
    let out = run(&bad);
    let j = json(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(j["ok"], Value::Bool(false));
    let s = statuses(&j);
    assert_eq!(status_of(&s, "tcb.minimum"), "fail");
    assert_eq!(
        detail_of(&j, "tcb.minimum"),
        "reported snp SPL 23 is below the minimum 24"
    );

    // Plain `strict` has an empty allow-list and a required fresh CRL.
    let out = run("strict");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(status_of(&statuses(&json(&out)), "crl"), "fail");

    // A broken policy file is a usage error.
    let broken = policy_file(tmp.path(), "broken.toml", "crl = \"sometimes\"\n");
    let out = run(&broken);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: policy file {broken}: crl \"sometimes\": expected require, allow-stale, if-present or skip\n"
        )
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let report = p(&v, "virtee-milan-v2/report.bin");
    let out = obscura(&["report", "show", &report], None, tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: report version 2 carries no CPUID: pass --product milan|genoa|turin\n"
    );
    let out = obscura(
        &["verify", &report, "--product", "milan", "--at", "yesterday"],
        None,
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: --at \"yesterday\": expected an RFC 3339 time such as 2026-11-24T00:00:00Z\n"
    );
    let out = obscura(&["verify", &report, "--product", "rome"], None, tmp.path());
    assert_eq!(out.status.code(), Some(2));
    let out = obscura(&["verify"], None, tmp.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn without_a_crl_file_the_crl_is_fetched_and_a_404_fails_the_check() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = obscura(
        &[
            "verify",
            &p(&v, "azure-genoa-v3/report.bin"),
            "--vcek",
            &p(&v, "azure-genoa-v3/vcek.pem"),
            "--at",
            AT,
            "--json",
        ],
        None,
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let j = json(&out);
    assert_eq!(status_of(&statuses(&j), "crl"), "fail");
    assert_eq!(detail_of(&j, "crl"), "no CRL supplied");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "warning: no CRL: KDS: {}/vcek/v1/Genoa/crl not found\n",
            empty_kds()
        )
    );
}

#[test]
fn report_show_prints_every_field_as_text() {
    let Some(v) = vectors() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = obscura(
        &[
            "report",
            "show",
            &p(&v, "trustee-milan-v2/report.bin"),
            "--product",
            "milan",
        ],
        None,
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let keys: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    for k in [
        "version",
        "product",
        "format",
        "policy.debug",
        "platform_info.smt_en",
        "key_info.signing_key",
        "reported_tcb.ucode",
        "current_tcb.ucode",
        "committed_tcb.ucode",
        "launch_tcb.ucode",
        "cpuid",
        "chip_id",
        "current_fw.build",
        "signature.r",
        "signature.s",
        "measurement",
        "report_data",
        "host_data",
    ] {
        assert!(keys.contains(&k), "{k} missing:\n{text}");
    }
    assert!(text.contains("\nproduct "), "{text}");
    assert!(
        text.contains("\ncpuid                               null\n"),
        "{text}"
    );
    // trustee-milan-v2: CURRENT ucode 0xCE, REPORTED 0x73.
    assert!(
        text.contains("\ncurrent_tcb.ucode                   206\n"),
        "{text}"
    );
    assert!(
        text.contains("\nreported_tcb.ucode                  115\n"),
        "{text}"
    );
}

/// A simulated VLEK-signed Genoa report, its VLEK and its (simulated) chain, written to
/// `dir` (the chain file holds the simulated ASVK only). Nothing simulated chains to AMD's
/// pinned root: the CLI must refuse it.
fn simulated_vlek(dir: &Path) -> (String, String, String) {
    use obscura_attestation::report::SigningKey;
    use obscura_attestation::sim::{AttestationProvider, SimConfig, SimKeys, Simulator};
    use std::time::{Duration, UNIX_EPOCH};

    let td = concat!(env!("CARGO_MANIFEST_DIR"), "/../attestation/testdata");
    let rd = |f: &str| std::fs::read_to_string(format!("{td}/{f}")).unwrap();
    let keys = SimKeys::from_pkcs8_pem(
        &rd("sim-ark.key.pem"),
        &rd("sim-ask.key.pem"),
        &rd("sim-asvk.key.pem"),
    )
    .unwrap();
    let mut config = SimConfig::new(Product::Genoa);
    config.signer = SigningKey::Vlek;
    let now = UNIX_EPOCH + Duration::from_secs(1_795_478_400);
    let ev = Simulator::new(&keys, config, now)
        .unwrap()
        .report([1; 64])
        .unwrap();
    let report = dir.join("vlek-report.bin");
    let vlek = dir.join("vlek.der");
    let chain = dir.join("chain.der");
    std::fs::write(&report, &ev.report).unwrap();
    std::fs::write(&vlek, &ev.signer_cert).unwrap();
    std::fs::write(&chain, ev.chain.first().unwrap()).unwrap();
    let s = |p: PathBuf| p.to_str().unwrap().to_owned();
    (s(report), s(vlek), s(chain))
}

#[test]
fn a_vlek_report_needs_its_vlek_and_a_simulated_chain_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (report, vlek, chain) = simulated_vlek(tmp.path());

    let out = obscura(&["verify", &report, "--at", AT], None, tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: the report is VLEK-signed: a VLEK cannot be fetched from the KDS, pass --vlek FILE\n"
    );

    let skip = policy_file(tmp.path(), "skip.toml", "crl = \"skip\"\n");
    let out = obscura(
        &[
            "verify", &report, "--vlek", &vlek, "--chain", &chain, "--at", AT, "--policy", &skip,
            "--json",
        ],
        None,
        tmp.path(),
    );
    let j = json(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(j["ok"], Value::Bool(false));
    assert_eq!(status_of(&statuses(&j), "report.key_info"), "pass");
    // The simulated ASVK is checked against the pinned AMD ARK, which did not sign it.
    assert_eq!(status_of(&statuses(&j), "chain.ark"), "pass");
    assert_eq!(status_of(&statuses(&j), "chain.intermediate"), "fail");
    assert_eq!(
        detail_of(&j, "chain.intermediate"),
        "ASVK is not signed by the ARK with RSA-PSS/SHA-384"
    );
    assert_eq!(status_of(&statuses(&j), "report.signature"), "skip");
}
