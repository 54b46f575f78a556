//! `obscura demo [IMAGE...] [--out DIR] [--assets DIR]`: the whole product on one machine.
//!
//! Starts `obscura-enclave serve --simulate` and `obscura-host` (the binaries next to this
//! one) as child processes on 127.0.0.1 with ports chosen by the OS, waits until the host is
//! healthy, then acts as a backend app: verifies the enclave's simulated SEV-SNP evidence
//! under a strict policy (the expected measurement is computed here from the enclave binary;
//! the simulated AMD root is trusted through the explicitly dangerous switch), sends each
//! image through the host, and writes `DIR/<stem>.before-after.png` (original left, redacted
//! right). Prints each caption (if the enclave returns one), the sanitized burned-in text
//! lines read with confidence (marking those filled in the image), and a table of entity
//! counts.
//! The children are killed when the demo ends, fails or is interrupted with Ctrl-C.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use obscura_attestation::report::Measurement;
use obscura_protocol::api::{CaptionOptions, CaptionResponse, EntityKind, RegionKind};
use obscura_protocol::limits::MAX_IMAGE_BYTES;
use obscura_sdk::{Client, Policy};
use sha2::{Digest, Sha384};

use super::Error;
use super::input::read_capped;

/// How long the enclave may take to load its models and start listening.
const START_TIMEOUT: Duration = Duration::from_secs(180);
/// How long the host may take to become healthy.
const HEALTH_TIMEOUT: Duration = Duration::from_secs(30);

/// Parsed `demo` arguments.
pub(crate) struct Args {
    pub(crate) images: Vec<PathBuf>,
    pub(crate) out: PathBuf,
    pub(crate) assets: Option<PathBuf>,
}

/// Runs the demo; `Ok(false)` when some image failed.
pub(crate) fn run(args: &Args) -> Result<bool, Error> {
    let assets = args
        .assets
        .clone()
        .or_else(|| std::env::var_os("OBSCURA_ASSETS").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("assets"));
    let images = if args.images.is_empty() {
        sample_images(&assets)?
    } else {
        args.images.clone()
    };
    let bin_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .ok_or_else(|| demo("cannot locate this executable"))?;
    let enclave_bin = sibling(&bin_dir, "obscura-enclave")?;
    let host_bin = sibling(&bin_dir, "obscura-host")?;
    std::fs::create_dir_all(&args.out).map_err(|source| Error::Io {
        path: args.out.clone(),
        source,
    })?;
    let work = TempDir::new()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    let mut children = Children(Vec::new());
    let result = runtime.block_on(async {
        tokio::select! {
            r = demo_main(&enclave_bin, &host_bin, &assets, &images, &args.out, &work.0, &mut children) => r,
            _ = tokio::signal::ctrl_c() => Err(demo("interrupted")),
        }
    });
    drop(children);
    result
}

#[allow(clippy::too_many_arguments)]
async fn demo_main(
    enclave_bin: &Path,
    host_bin: &Path,
    assets: &Path,
    images: &[PathBuf],
    out: &Path,
    work: &Path,
    children: &mut Children,
) -> Result<bool, Error> {
    eprintln!("Obscura demo: simulated SEV-SNP, real OHTTP and TLS on 127.0.0.1");
    let started = Instant::now();
    // 1. The enclave (simulated SEV-SNP, its own AMD-like chain; the ARK is written out).
    let ark_path = work.join("sim-ark.der");
    let mut enclave = Command::new(enclave_bin);
    enclave
        .arg("serve")
        .arg("--simulate")
        .args(["--listen", "127.0.0.1:0"])
        .arg("--assets")
        .arg(assets)
        .arg("--ark-out")
        .arg(&ark_path);
    let enclave_addr = children
        .spawn(enclave, "enclave", "obscura-enclave listening on http://")
        .await?;
    eprintln!(
        "  enclave ready at http://{enclave_addr} after {} ms",
        started.elapsed().as_millis()
    );

    // 2. The host, with a fresh TLS certificate from a throwaway CA and a random API key.
    let tls = tls_files(work)?;
    let api_key = random_key()?;
    let mut host = Command::new(host_bin);
    host.args(["--listen", "127.0.0.1:0"])
        .arg("--cert")
        .arg(&tls.cert)
        .arg("--key")
        .arg(&tls.key)
        .arg("--replica")
        .arg(format!("http://{enclave_addr}"))
        .env("OBSCURA_API_KEYS", format!("demo={api_key}"));
    let host_addr = children
        .spawn(host, "host", "obscura-host listening on https://")
        .await?;
    let endpoint = format!("https://{host_addr}");
    wait_healthy(&endpoint, &tls.ca_pem).await?;
    eprintln!(
        "  host ready at {endpoint} after {} ms",
        started.elapsed().as_millis()
    );

    // 3. The client: a strict policy for the measurement of the enclave binary we started.
    let measurement = measure(enclave_bin)?;
    let ark = read_capped(&ark_path, 64 * 1024)?;
    let policy = Policy::strict([measurement])
        .dangerous_accept_simulated_root(&ark)
        .map_err(|e| demo(format!("simulated ARK: {e}")))?;
    let client = Client::builder()
        .endpoint(&endpoint)
        .api_key(api_key)
        .add_root_certificate_pem(tls.ca_pem.as_bytes())
        .policy(policy)
        .build()
        .map_err(|e| demo(format!("client: {e}")))?;
    let n = client
        .attest()
        .await
        .map_err(|e| demo(format!("attestation: {e}")))?;
    for v in client
        .verified()
        .map_err(|e| demo(format!("client: {e}")))?
    {
        eprintln!(
            "  verified {n} replica(s): {} report, TCB {}, measurement {} (simulated root, trusted dangerously)",
            v.report().product(),
            v.report().tcb(),
            short(&v.report().report().measurement.to_string())
        );
    }

    // 4. The images.
    let mut rows = Vec::new();
    let mut all_ok = true;
    for path in images {
        let name = path
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("image")
            .to_owned();
        match one(&client, path, out).await {
            Ok((resp, side, ms)) => {
                println!(
                    "{name}: answered in {ms} ms; before/after: {}",
                    side.display()
                );
                match &resp.caption {
                    Some(c) => println!("  caption: {}", c.as_str()),
                    None => println!("  caption: none returned"),
                }
                // The burned-in text as the enclave returns it: already sanitized.
                for line in resp.ocr.iter().filter(|l| l.score >= 0.5) {
                    println!(
                        "  text: {:?}{}",
                        line.text.as_str(),
                        if line.redacted { " (filled)" } else { "" }
                    );
                }
                rows.push((name, resp));
            }
            Err(e) => {
                all_ok = false;
                println!("{name}: {e}");
            }
        }
    }
    print!("{}", entity_table(&rows));
    Ok(all_ok)
}

/// Sends one image; writes the side-by-side PNG; returns the response, its path and the
/// latency.
async fn one(
    client: &Client,
    path: &Path,
    out: &Path,
) -> Result<(CaptionResponse, PathBuf, u128), Error> {
    let original = read_capped(path, MAX_IMAGE_BYTES as u64)?;
    let t = Instant::now();
    let resp = client
        .caption(original.clone(), CaptionOptions::default())
        .await
        .map_err(|e| demo(format!("{e}")))?;
    let ms = t.elapsed().as_millis();
    let redacted = resp
        .image
        .as_ref()
        .ok_or_else(|| demo("no redacted image returned"))?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("image");
    let side = out.join(format!("{stem}.before-after.png"));
    side_by_side(&original, redacted.data.expose(), &side)?;
    Ok((resp, side, ms))
}

/// The original and the redacted image next to each other as one PNG.
fn side_by_side(before: &[u8], after: &[u8], out: &Path) -> Result<(), Error> {
    let decode = |bytes: &[u8]| {
        image::load_from_memory(bytes)
            .map(|i| i.to_rgb8())
            .map_err(|_| demo("an image does not decode"))
    };
    let (a, b) = (decode(before)?, decode(after)?);
    let width = a
        .width()
        .checked_add(b.width())
        .ok_or_else(|| demo("image too wide"))?;
    let mut canvas = image::RgbImage::new(width, a.height().max(b.height()));
    image::imageops::replace(&mut canvas, &a, 0, 0);
    image::imageops::replace(&mut canvas, &b, i64::from(a.width()), 0);
    canvas
        .save_with_format(out, image::ImageFormat::Png)
        .map_err(|_| demo(format!("writing {}", out.display())))
}

/// One row per image: faces and text regions found, then each entity kind's count.
fn entity_table(rows: &[(String, CaptionResponse)]) -> String {
    let kinds: BTreeSet<EntityKind> = rows
        .iter()
        .flat_map(|(_, r)| r.entities.keys().copied())
        .collect();
    let label = |k: &EntityKind| format!("{k:?}").to_lowercase();
    let mut out = String::new();
    line!(out, "");
    let mut header = format!("{:<28} {:>6} {:>6}", "image", "faces", "text");
    for k in &kinds {
        header.push_str(&format!(" {:>8}", label(k)));
    }
    line!(out, "{header}");
    for (name, r) in rows {
        let count = |kind| r.regions.iter().filter(|x| x.kind == kind).count();
        let mut row = format!(
            "{name:<28} {:>6} {:>6}",
            count(RegionKind::Face),
            count(RegionKind::Text)
        );
        for k in &kinds {
            row.push_str(&format!(" {:>8}", r.entities.get(k).copied().unwrap_or(0)));
        }
        line!(out, "{row}");
    }
    if kinds.is_empty() {
        line!(out, "(no named entities returned)");
    }
    out
}

/// The default images: `ASSETS/images/*.{png,jpg,jpeg,webp}`, sorted.
fn sample_images(assets: &Path) -> Result<Vec<PathBuf>, Error> {
    let dir = assets.join("images");
    let entries = std::fs::read_dir(&dir).map_err(|source| Error::Io {
        path: dir.clone(),
        source,
    })?;
    let mut images: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "png" | "jpg" | "jpeg" | "webp"))
        })
        .collect();
    images.sort();
    if images.is_empty() {
        return Err(Error::Usage(format!(
            "no images in {}: pass IMAGE... or run `cargo xtask setup`",
            dir.display()
        )));
    }
    Ok(images)
}

fn sibling(dir: &Path, name: &str) -> Result<PathBuf, Error> {
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if path.is_file() {
        Ok(path)
    } else {
        Err(Error::Usage(format!(
            "{} is missing: build it with `cargo build -p obscura-sdk -p obscura-enclave -p obscura-host --bins`",
            path.display()
        )))
    }
}

/// SHA-384 of the enclave binary: what `serve --simulate` reports as its MEASUREMENT.
fn measure(bin: &Path) -> Result<Measurement, Error> {
    let bytes = std::fs::read(bin).map_err(|source| Error::Io {
        path: bin.to_owned(),
        source,
    })?;
    Ok(Measurement(Sha384::digest(&bytes).into()))
}

fn short(hex: &str) -> &str {
    hex.get(..16).unwrap_or(hex)
}

fn random_key() -> Result<String, Error> {
    let mut key = [0u8; 24];
    getrandom::fill(&mut key).map_err(|_| demo("OS random number generator"))?;
    Ok(hex::encode(key))
}

async fn wait_healthy(endpoint: &str, ca_pem: &str) -> Result<(), Error> {
    let ca = reqwest::Certificate::from_pem(ca_pem.as_bytes()).map_err(|_| demo("CA PEM"))?;
    let http = reqwest::Client::builder()
        .use_rustls_tls()
        .add_root_certificate(ca)
        .timeout(Duration::from_secs(5))
        .build()
        .map_err(|_| demo("HTTP client"))?;
    let deadline = Instant::now() + HEALTH_TIMEOUT;
    loop {
        let ok = http
            .get(format!("{endpoint}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success());
        if ok {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(demo("the host did not become healthy"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn demo(what: impl Into<String>) -> Error {
    Error::Demo(what.into())
}

/// The child processes; killed (and reaped) on drop.
struct Children(Vec<Child>);

impl Children {
    /// Starts `cmd`, echoes its stderr with a `[name]` prefix, and returns the address that
    /// follows `marker` on the line where it announces its listener.
    async fn spawn(
        &mut self,
        mut cmd: Command,
        name: &'static str,
        marker: &str,
    ) -> Result<String, Error> {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| demo(format!("starting the {name}: {e}")))?;
        let stderr = child.stderr.take();
        self.0.push(child);
        let stderr = stderr.ok_or_else(|| demo(format!("no stderr from the {name}")))?;
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let marker = marker.to_owned();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("    [{name}] {line}");
                if let Some(addr) = line.split_once(&marker).map(|(_, a)| a.trim().to_owned()) {
                    let _ = tx.send(addr);
                }
            }
        });
        // `None`: the child closed its stderr (it exited) before listening.
        match tokio::time::timeout(START_TIMEOUT, rx.recv()).await {
            Ok(Some(addr)) => Ok(addr),
            _ => Err(demo(format!("the {name} did not start"))),
        }
    }
}

impl Drop for Children {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A private scratch directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self, Error> {
        let mut suffix = [0u8; 8];
        getrandom::fill(&mut suffix).map_err(|_| demo("OS random number generator"))?;
        let dir = std::env::temp_dir().join(format!("obscura-demo-{}", hex::encode(suffix)));
        std::fs::create_dir(&dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
        Ok(Self(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct TlsFiles {
    ca_pem: String,
    cert: PathBuf,
    key: PathBuf,
}

/// A throwaway CA and a certificate for 127.0.0.1 signed by it, written under `dir`.
fn tls_files(dir: &Path) -> Result<TlsFiles, Error> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, SanType};
    let bad = |_| demo("generating the demo TLS certificate");
    let ca_key = KeyPair::generate().map_err(bad)?;
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(bad)?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "Obscura demo CA");
    let ca_cert = ca_params.self_signed(&ca_key).map_err(bad)?;
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().map_err(bad)?;
    let mut params = CertificateParams::new(vec!["localhost".to_owned()]).map_err(bad)?;
    params
        .subject_alt_names
        .push(SanType::IpAddress(std::net::IpAddr::from([127, 0, 0, 1])));
    let cert = params.signed_by(&key, &issuer).map_err(bad)?;
    let files = TlsFiles {
        ca_pem: ca_cert.pem(),
        cert: dir.join("host.pem"),
        key: dir.join("host.key"),
    };
    let write = |path: &Path, text: String| {
        std::fs::write(path, text).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })
    };
    write(&files.cert, cert.pem())?;
    write(&files.key, key.serialize_pem())?;
    Ok(files)
}
