//! AMD Key Distribution Service (KDS) client (cargo feature `kds`): VCEKs, `cert_chain`
//! bundles and CRLs over HTTPS, with an on-disk cache, bounded retries and an offline mode.
//!
//! Nothing fetched here is trusted: certificates are handed to the verifier as bytes and
//! checked against the pinned AMD roots on every use, cached or not. The client only checks
//! that a body has the expected shape (one DER certificate, a PEM bundle of two, one DER
//! CRL) and size, so that garbage is never cached.
//!
//! URL formats (AMD KDS specification; see `vcek_url`):
//!
//! | what | path |
//! |---|---|
//! | VCEK, Milan/Genoa | `/vcek/v1/{P}/{CHIP_ID as 128 hex}?blSPL=..&teeSPL=..&snpSPL=..&ucodeSPL=..` |
//! | VCEK, Turin | `/vcek/v1/Turin/{CHIP_ID[0..8] as 16 hex}?fmcSPL=..&blSPL=..&teeSPL=..&snpSPL=..&ucodeSPL=..` |
//! | CA bundle | `/vcek/v1/{P}/cert_chain`, `/vlek/v1/{P}/cert_chain` (PEM: ASK/ASVK, then ARK) |
//! | CRL | `/vcek/v1/{P}/crl`, `/vlek/v1/{P}/crl` (DER, ARK-signed) |
//!
//! Caching: a directory with one file per URL, named by the hex SHA-256 of the URL, written
//! atomically (temporary file, then rename). A VCEK for a (chip, TCB) never changes, nor do
//! the CA bundles, so they are served from the cache for ever; a CRL is served from the cache
//! only while the verification time is before its nextUpdate. A cache that cannot be written
//! is not an error: the fetched bytes are still returned. The cache holds at most
//! [`KdsConfig::max_cache_entries`] files; writing one more first removes the oldest.
//!
//! Retries: 429 and 5xx are retried up to [`KdsConfig::max_retries`] times with exponential
//! backoff, or after `Retry-After` seconds when the server sends it (capped by
//! the maximum of [`KdsConfig::backoff`]); 404 and other statuses are final.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::crl::CertificateList;

use crate::Error;
use crate::report::{Product, Report, SigningKey, TcbVersion};

/// AMD's production KDS.
pub const DEFAULT_BASE_URL: &str = "https://kdsintf.amd.com";
/// Largest VCEK body accepted (real ones are about 1.3 KiB).
pub const MAX_VCEK_BYTES: usize = 16 * 1024;
/// Largest `cert_chain` body accepted (real ones are about 4.5 KiB).
pub const MAX_CHAIN_BYTES: usize = 64 * 1024;
/// Default number of files the cache keeps.
pub const DEFAULT_MAX_CACHE_ENTRIES: usize = 1024;
/// Largest CRL body accepted (real ones are about 1 KiB; they grow with revocations).
pub const MAX_CRL_BYTES: usize = 1024 * 1024;

/// The VCEK URL for a chip and TCB. `tcb` is REPORTED_TCB (the VCEK signing the report
/// is the one for REPORTED_TCB). SPLs are decimal, zero-padded to two digits as in AMD's
/// examples.
///
/// Errors with [`Error::ChipIdMasked`] for an all-zero CHIP_ID (no VCEK exists for it).
pub fn vcek_url(
    base: &str,
    product: Product,
    chip_id: &[u8; 64],
    tcb: &TcbVersion,
) -> Result<String, Error> {
    let hwid = chip_id
        .get(..product.hwid_len())
        .ok_or(Error::Internal("hwid length"))?;
    if hwid.iter().all(|b| *b == 0) {
        return Err(Error::ChipIdMasked);
    }
    let base = base.trim_end_matches('/');
    let hex = hex::encode(hwid);
    let fmc = match (product.has_fmc(), tcb.fmc) {
        (true, Some(f)) => format!("fmcSPL={f:02}&"),
        (true, None) => return Err(Error::Internal("Turin TCB without FMC")),
        (false, _) => String::new(),
    };
    Ok(format!(
        "{base}/vcek/v1/{product}/{hex}?{fmc}blSPL={:02}&teeSPL={:02}&snpSPL={:02}&ucodeSPL={:02}",
        tcb.bl, tcb.tee, tcb.snp, tcb.ucode
    ))
}

/// The `cert_chain` URL (intermediate then ARK, PEM) for a product and endorsement key.
pub fn cert_chain_url(base: &str, product: Product, signer: SigningKey) -> Result<String, Error> {
    Ok(format!(
        "{}/{}/v1/{product}/cert_chain",
        base.trim_end_matches('/'),
        endorser(signer)?
    ))
}

/// The CRL URL (DER, ARK-signed) for a product and endorsement key.
pub fn crl_url(base: &str, product: Product, signer: SigningKey) -> Result<String, Error> {
    Ok(format!(
        "{}/{}/v1/{product}/crl",
        base.trim_end_matches('/'),
        endorser(signer)?
    ))
}

fn endorser(signer: SigningKey) -> Result<&'static str, Error> {
    match signer {
        SigningKey::Vcek => Ok("vcek"),
        SigningKey::Vlek => Ok("vlek"),
        SigningKey::None => Err(Error::SignerNotAllowed { signer }),
    }
}

/// How a [`KdsClient`] reaches the KDS and caches what it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KdsConfig {
    base_url: String,
    cache_dir: Option<PathBuf>,
    offline: bool,
    max_retries: u32,
    max_cache_entries: usize,
    initial_backoff: Duration,
    max_backoff: Duration,
    timeout: Duration,
}

impl Default for KdsConfig {
    fn default() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            cache_dir: None,
            offline: false,
            max_retries: 4,
            max_cache_entries: DEFAULT_MAX_CACHE_ENTRIES,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            timeout: Duration::from_secs(30),
        }
    }
}

impl KdsConfig {
    /// AMD's KDS, no cache, 4 retries starting at 1 s, at most 30 s between attempts.
    pub fn new() -> Self {
        Self::default()
    }

    /// Another KDS (a mirror, or a test server), e.g. `http://127.0.0.1:8080`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Caches bodies in `dir` (created when missing).
    pub fn cache_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Uses only the cache; a miss is [`Error::KdsOfflineMiss`].
    pub fn offline(mut self, offline: bool) -> Self {
        self.offline = offline;
        self
    }

    /// The most files the cache keeps (the oldest go first; 0 = cache nothing new).
    pub fn max_cache_entries(mut self, n: usize) -> Self {
        self.max_cache_entries = n;
        self
    }

    /// Retries after 429 or 5xx (0 = one attempt only).
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// First backoff, doubled after each retry, and the cap on any wait (also on
    /// `Retry-After`).
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max;
        self
    }

    /// Timeout of one HTTP request.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The base URL in use.
    pub fn url(&self) -> &str {
        &self.base_url
    }
}

/// What a body must be.
#[derive(Clone, Copy)]
enum Kind {
    Vcek,
    Chain,
    Crl,
}

impl Kind {
    fn cap(self) -> usize {
        match self {
            Kind::Vcek => MAX_VCEK_BYTES,
            Kind::Chain => MAX_CHAIN_BYTES,
            Kind::Crl => MAX_CRL_BYTES,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Kind::Vcek => "a DER certificate",
            Kind::Chain => "a PEM bundle of two certificates",
            Kind::Crl => "a DER CRL",
        }
    }
}

/// An AMD KDS client. Cheap to clone; needs a tokio runtime.
#[derive(Debug, Clone)]
pub struct KdsClient {
    http: reqwest::Client,
    config: KdsConfig,
}

impl KdsClient {
    /// A client for `config`.
    pub fn new(config: KdsConfig) -> Result<Self, Error> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .user_agent(concat!("obscura/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::KdsTransport {
                url: config.base_url.clone(),
                reason: e.to_string(),
            })?;
        Ok(Self { http, config })
    }

    /// The configuration.
    pub fn config(&self) -> &KdsConfig {
        &self.config
    }

    /// The VCEK (DER) for a chip and TCB (see [`vcek_url`]).
    pub async fn vcek(
        &self,
        product: Product,
        chip_id: &[u8; 64],
        tcb: &TcbVersion,
    ) -> Result<Vec<u8>, Error> {
        let url = vcek_url(&self.config.base_url, product, chip_id, tcb)?;
        self.get(&url, Kind::Vcek, None).await
    }

    /// The VCEK (DER) that signed `report`: its product, CHIP_ID and REPORTED_TCB.
    pub async fn vcek_for_report(&self, report: &Report) -> Result<Vec<u8>, Error> {
        self.vcek(
            report.product,
            &report.chip_id,
            &report.reported_tcb.version,
        )
        .await
    }

    /// The intermediate (ASK for VCEK, ASVK for VLEK) and the ARK, DER, in that order.
    pub async fn cert_chain(
        &self,
        product: Product,
        signer: SigningKey,
    ) -> Result<Vec<Vec<u8>>, Error> {
        let url = cert_chain_url(&self.config.base_url, product, signer)?;
        let pem = self.get(&url, Kind::Chain, None).await?;
        pem_chain_to_der(&url, &pem)
    }

    /// The CRL (DER) for a product and endorsement key. A cached CRL is used only while
    /// `now` is before its nextUpdate; a fetched one is returned whatever its dates (the
    /// verifier judges freshness per policy).
    pub async fn crl(
        &self,
        product: Product,
        signer: SigningKey,
        now: SystemTime,
    ) -> Result<Vec<u8>, Error> {
        let url = crl_url(&self.config.base_url, product, signer)?;
        self.get(&url, Kind::Crl, Some(now)).await
    }

    async fn get(&self, url: &str, kind: Kind, now: Option<SystemTime>) -> Result<Vec<u8>, Error> {
        let path = self.config.cache_dir.as_deref().map(|d| cache_path(d, url));
        if let Some(p) = &path {
            if let Some(bytes) = read_cache(p, kind).await {
                if cached_usable(&bytes, kind, now) {
                    return Ok(bytes);
                }
            }
        }
        if self.config.offline {
            return Err(Error::KdsOfflineMiss {
                url: url.to_owned(),
            });
        }
        let body = self.fetch(url, kind.cap()).await?;
        if !body_valid(&body, kind) {
            return Err(Error::KdsBody {
                url: url.to_owned(),
                expected: kind.what(),
            });
        }
        if let (Some(dir), Some(p)) = (self.config.cache_dir.as_deref(), &path) {
            // A cache that cannot be written only costs a later fetch.
            let _ = write_cache(dir, p, &body, self.config.max_cache_entries).await;
        }
        Ok(body)
    }

    /// GET with bounded retries on 429/5xx and a body cap.
    async fn fetch(&self, url: &str, cap: usize) -> Result<Vec<u8>, Error> {
        let mut backoff = self.config.initial_backoff;
        let mut attempt = 0u32;
        loop {
            let resp = self
                .http
                .get(url)
                .send()
                .await
                .map_err(|e| transport(url, &e))?;
            let status = resp.status().as_u16();
            match status {
                200 => return read_body(url, resp, cap).await,
                404 => {
                    return Err(Error::KdsNotFound {
                        url: url.to_owned(),
                    });
                }
                429 | 500..=599 if attempt < self.config.max_retries => {
                    let wait = retry_after(&resp)
                        .unwrap_or(backoff)
                        .min(self.config.max_backoff);
                    tokio::time::sleep(wait).await;
                    backoff = backoff.saturating_mul(2).min(self.config.max_backoff);
                    attempt = attempt.saturating_add(1);
                }
                _ => {
                    return Err(Error::KdsStatus {
                        url: url.to_owned(),
                        status,
                        attempts: attempt.saturating_add(1),
                    });
                }
            }
        }
    }
}

fn transport(url: &str, e: &reqwest::Error) -> Error {
    // The chain of causes names the real problem (refused, TLS, timeout, truncated body).
    let mut reason = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        reason.push_str(": ");
        reason.push_str(&s.to_string());
        src = s.source();
    }
    Error::KdsTransport {
        url: url.to_owned(),
        reason,
    }
}

/// `Retry-After` in seconds (the HTTP-date form is ignored: the backoff applies).
fn retry_after(resp: &reqwest::Response) -> Option<Duration> {
    let v = resp.headers().get(reqwest::header::RETRY_AFTER)?;
    let secs: u64 = v.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(secs))
}

async fn read_body(url: &str, mut resp: reqwest::Response, cap: usize) -> Result<Vec<u8>, Error> {
    let too_large = || Error::KdsBodyTooLarge {
        url: url.to_owned(),
        limit: cap,
    };
    if let Some(len) = resp.content_length() {
        if usize::try_from(len).map_or(true, |l| l > cap) {
            return Err(too_large());
        }
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| transport(url, &e))? {
        if body.len().saturating_add(chunk.len()) > cap {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn body_valid(body: &[u8], kind: Kind) -> bool {
    match kind {
        Kind::Vcek => Certificate::from_der(body).is_ok(),
        Kind::Chain => Certificate::load_pem_chain(body).is_ok_and(|c| c.len() == 2),
        Kind::Crl => CertificateList::from_der(body).is_ok(),
    }
}

fn cached_usable(bytes: &[u8], kind: Kind, now: Option<SystemTime>) -> bool {
    if !body_valid(bytes, kind) {
        return false;
    }
    match (kind, now) {
        (Kind::Crl, Some(now)) => crl_fresh_at(bytes, now),
        _ => true,
    }
}

/// Whether a DER CRL has a nextUpdate after `now`.
fn crl_fresh_at(der: &[u8], now: SystemTime) -> bool {
    let Ok(crl) = CertificateList::from_der(der) else {
        return false;
    };
    let now = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    crl.tbs_cert_list
        .next_update
        .is_some_and(|t| t.to_unix_duration() > now)
}

fn pem_chain_to_der(url: &str, pem: &[u8]) -> Result<Vec<Vec<u8>>, Error> {
    let bad = || Error::KdsBody {
        url: url.to_owned(),
        expected: Kind::Chain.what(),
    };
    let certs = Certificate::load_pem_chain(pem).map_err(|_| bad())?;
    certs
        .iter()
        .map(|c| c.to_der().map_err(|_| bad()))
        .collect()
}

/// The cache file for a URL: `dir/{hex SHA-256 of the URL}`.
pub fn cache_path(dir: &Path, url: &str) -> PathBuf {
    dir.join(hex::encode(Sha256::digest(url.as_bytes())))
}

async fn read_cache(path: &Path, kind: Kind) -> Option<Vec<u8>> {
    let meta = tokio::fs::metadata(path).await.ok()?;
    if usize::try_from(meta.len()).map_or(true, |l| l > kind.cap()) {
        return None;
    }
    let bytes = tokio::fs::read(path).await.ok()?;
    (bytes.len() <= kind.cap()).then_some(bytes)
}

async fn write_cache(dir: &Path, path: &Path, body: &[u8], max: usize) -> Result<(), Error> {
    let err = |e: std::io::Error| Error::KdsCache {
        path: path.display().to_string(),
        reason: e.kind().to_string(),
    };
    if max == 0 {
        return Ok(());
    }
    tokio::fs::create_dir_all(dir).await.map_err(err)?;
    evict(dir, path, max.saturating_sub(1)).await.map_err(err)?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(Error::Internal("cache file name"))?;
    let tmp = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    if let Err(e) = tokio::fs::write(&tmp, body).await {
        let _ = tokio::fs::remove_file(&tmp).await;
        return Err(err(e));
    }
    if let Err(e) = tokio::fs::rename(&tmp, path).await {
        let _ = tokio::fs::remove_file(&tmp).await;
        return Err(err(e));
    }
    Ok(())
}

/// Removes the oldest cache files (by modification time) until at most `keep` remain
/// besides `path`. Only files named like cache entries (64 hex digits) are touched.
async fn evict(dir: &Path, path: &Path, keep: usize) -> std::io::Result<()> {
    let mut entries = Vec::new();
    let mut rd = tokio::fs::read_dir(dir).await?;
    while let Some(e) = rd.next_entry().await? {
        let name = e.file_name();
        let is_entry = name
            .to_str()
            .is_some_and(|n| n.len() == 64 && n.bytes().all(|b| b.is_ascii_hexdigit()));
        if !is_entry || e.path() == path {
            continue;
        }
        let modified = e
            .metadata()
            .await
            .and_then(|m| m.modified())
            .unwrap_or(UNIX_EPOCH);
        entries.push((modified, e.path()));
    }
    if entries.len() <= keep {
        return Ok(());
    }
    entries.sort();
    let excess = entries.len().saturating_sub(keep);
    for (_, p) in entries.into_iter().take(excess) {
        tokio::fs::remove_file(p).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Against a real axum server on 127.0.0.1:0 serving the real AMD artifacts of
    //! `shared/snp-vectors`.
    use std::collections::HashMap;
    use std::net::SocketAddr;
    use std::path::PathBuf;
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use axum::extract::State;
    use axum::http::{StatusCode, Uri};
    use axum::response::{IntoResponse, Response};

    use super::*;

    /// 2026-11-24T00:00:00Z, the vectors' reference date.
    const REF: u64 = 1_795_478_400;
    /// 2026-04-01T00:00:00Z: before the Milan CRL's nextUpdate (2026-05-12).
    const APRIL: u64 = 1_775_001_600;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

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

    fn read(dir: &Path, rel: &str) -> Vec<u8> {
        std::fs::read(dir.join(rel)).unwrap()
    }

    /// One canned answer: status, optional Retry-After, body.
    #[derive(Clone)]
    struct Answer(u16, Option<&'static str>, Vec<u8>);

    #[derive(Default)]
    struct Routes {
        /// Answers per path-and-query, served in order; the last one repeats.
        answers: HashMap<String, Vec<Answer>>,
        hits: HashMap<String, usize>,
    }

    #[derive(Clone)]
    struct Kds {
        addr: SocketAddr,
        routes: Arc<Mutex<Routes>>,
    }

    impl Kds {
        async fn start() -> Self {
            let routes = Arc::new(Mutex::new(Routes::default()));
            let app = axum::Router::new()
                .fallback(serve)
                .with_state(Arc::clone(&routes));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            tokio::spawn(async move { axum::serve(listener, app).await });
            Self { addr, routes }
        }

        fn base(&self) -> String {
            format!("http://{}", self.addr)
        }

        /// Routes `url` (full URL from this server's base) to `answers`.
        fn route(&self, url: &str, answers: Vec<Answer>) {
            let key = url.trim_start_matches(&self.base()).to_owned();
            self.routes.lock().unwrap().answers.insert(key, answers);
        }

        fn hits(&self, url: &str) -> usize {
            let key = url.trim_start_matches(&self.base());
            self.routes
                .lock()
                .unwrap()
                .hits
                .get(key)
                .copied()
                .unwrap_or(0)
        }
    }

    async fn serve(State(routes): State<Arc<Mutex<Routes>>>, uri: Uri) -> Response {
        let key = uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        let mut r = routes.lock().unwrap();
        let n = *r
            .hits
            .entry(key.clone())
            .and_modify(|h| *h += 1)
            .or_insert(1);
        let Some(list) = r.answers.get(&key) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let Answer(status, retry, body) = list.get(n - 1).or(list.last()).unwrap().clone();
        let mut resp = (StatusCode::from_u16(status).unwrap(), body).into_response();
        if let Some(s) = retry {
            resp.headers_mut().insert("retry-after", s.parse().unwrap());
        }
        resp
    }

    fn ok(body: Vec<u8>) -> Answer {
        Answer(200, None, body)
    }

    fn client(kds: &Kds, cache: &Path) -> KdsClient {
        KdsClient::new(
            KdsConfig::new()
                .base_url(kds.base())
                .cache_dir(cache)
                .max_retries(2)
                .backoff(Duration::from_millis(10), Duration::from_millis(50)),
        )
        .unwrap()
    }

    fn milan_report(dir: &Path) -> Report {
        Report::decode(
            &read(dir, "virtee-milan-v2/report.bin"),
            Some(Product::Milan),
        )
        .unwrap()
    }

    /// What every networked test starts from: the vectors, a KDS stand-in, an empty cache.
    struct Fixture {
        dir: PathBuf,
        kds: Kds,
        cache: tempfile::TempDir,
    }

    impl Fixture {
        /// `None` (the test skips) when the shared vectors are absent.
        async fn start() -> Option<Self> {
            let dir = vectors()?;
            Some(Self {
                dir,
                kds: Kds::start().await,
                cache: tempfile::tempdir().unwrap(),
            })
        }

        /// A client with short, bounded retries.
        fn client(&self) -> KdsClient {
            client(&self.kds, self.cache.path())
        }

        /// A client that only reads the cache.
        fn offline(&self) -> KdsClient {
            KdsClient::new(
                KdsConfig::new()
                    .base_url(self.kds.base())
                    .cache_dir(self.cache.path())
                    .offline(true),
            )
            .unwrap()
        }

        /// The Milan vector's report and its VCEK's URL on this stand-in.
        fn milan(&self) -> (Report, String) {
            let r = milan_report(&self.dir);
            let url = vcek_url(
                &self.kds.base(),
                Product::Milan,
                &r.chip_id,
                &r.reported_tcb.version,
            )
            .unwrap();
            (r, url)
        }

        fn read(&self, rel: &str) -> Vec<u8> {
            read(&self.dir, rel)
        }

        fn cached(&self, url: &str) -> PathBuf {
            cache_path(self.cache.path(), url)
        }
    }

    #[test]
    fn urls_follow_the_kds_formats() {
        let Some(dir) = vectors() else { return };
        let r = milan_report(&dir);
        let t = r.reported_tcb.version;
        let url = vcek_url("https://kdsintf.amd.com/", Product::Milan, &r.chip_id, &t).unwrap();
        assert_eq!(
            url,
            format!(
                "https://kdsintf.amd.com/vcek/v1/Milan/{}?blSPL={:02}&teeSPL={:02}&snpSPL={:02}&ucodeSPL={:02}",
                hex::encode(r.chip_id),
                t.bl,
                t.tee,
                t.snp,
                t.ucode
            )
        );

        let turin = Report::decode(&read(&dir, "oak-turin-v5/report.bin"), None).unwrap();
        assert_eq!(turin.product, Product::Turin);
        let t = turin.reported_tcb.version;
        let url = vcek_url(DEFAULT_BASE_URL, Product::Turin, &turin.chip_id, &t).unwrap();
        let hwid = hex::encode(turin.chip_id.get(..8).unwrap());
        assert_eq!(hwid.len(), 16);
        assert_eq!(
            url,
            format!(
                "https://kdsintf.amd.com/vcek/v1/Turin/{hwid}?fmcSPL={:02}&blSPL={:02}&teeSPL={:02}&snpSPL={:02}&ucodeSPL={:02}",
                t.fmc.unwrap(),
                t.bl,
                t.tee,
                t.snp,
                t.ucode
            )
        );

        assert_eq!(
            vcek_url(DEFAULT_BASE_URL, Product::Genoa, &[0; 64], &t),
            Err(Error::ChipIdMasked)
        );
        assert_eq!(
            cert_chain_url(DEFAULT_BASE_URL, Product::Genoa, SigningKey::Vlek).unwrap(),
            "https://kdsintf.amd.com/vlek/v1/Genoa/cert_chain"
        );
        assert_eq!(
            crl_url("http://x/", Product::Turin, SigningKey::Vcek).unwrap(),
            "http://x/vcek/v1/Turin/crl"
        );
        assert_eq!(
            crl_url("http://x", Product::Turin, SigningKey::None),
            Err(Error::SignerNotAllowed {
                signer: SigningKey::None
            })
        );
    }

    #[tokio::test]
    async fn vcek_is_fetched_then_served_from_the_cache() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let (r, url) = f.milan();
        let vcek = f.read("virtee-milan-v2/vcek.der");
        f.kds.route(&url, vec![ok(vcek.clone())]);

        let c = f.client();
        assert_eq!(c.vcek_for_report(&r).await.unwrap(), vcek);
        assert_eq!(f.kds.hits(&url), 1);
        assert_eq!(std::fs::read(f.cached(&url)).unwrap(), vcek);

        // Second fetch, and a fresh offline client: both from the cache.
        assert_eq!(c.vcek_for_report(&r).await.unwrap(), vcek);
        assert_eq!(f.offline().vcek_for_report(&r).await.unwrap(), vcek);
        assert_eq!(f.kds.hits(&url), 1);
    }

    #[tokio::test]
    async fn too_many_requests_is_retried() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let (r, url) = f.milan();
        let vcek = f.read("virtee-milan-v2/vcek.der");
        f.kds.route(
            &url,
            vec![Answer(429, Some("0"), Vec::new()), ok(vcek.clone())],
        );

        assert_eq!(f.client().vcek_for_report(&r).await.unwrap(), vcek);
        assert_eq!(f.kds.hits(&url), 2);
    }

    #[tokio::test]
    async fn server_errors_are_retried_a_bounded_number_of_times() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let url = crl_url(&f.kds.base(), Product::Milan, SigningKey::Vcek).unwrap();
        f.kds
            .route(&url, vec![Answer(503, Some("3600"), Vec::new())]);

        let err = f
            .client()
            .crl(Product::Milan, SigningKey::Vcek, at(REF))
            .await
            .unwrap_err();
        assert_eq!(
            err,
            Error::KdsStatus {
                url: url.clone(),
                status: 503,
                attempts: 3
            }
        );
        // Retry-After 3600 s was capped at 50 ms, or this test would not end.
        assert_eq!(f.kds.hits(&url), 3);
    }

    #[tokio::test]
    async fn not_found_is_final() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let (r, url) = f.milan();

        let err = f.client().vcek_for_report(&r).await.unwrap_err();
        assert_eq!(err, Error::KdsNotFound { url: url.clone() });
        assert_eq!(f.kds.hits(&url), 1);
    }

    #[tokio::test]
    async fn truncated_and_oversized_bodies_are_refused_and_not_cached() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let (r, url) = f.milan();
        let vcek = f.read("virtee-milan-v2/vcek.der");
        let c = f.client();

        let half = vcek.get(..vcek.len() / 2).unwrap().to_vec();
        f.kds.route(&url, vec![ok(half)]);
        assert_eq!(
            c.vcek_for_report(&r).await.unwrap_err(),
            Error::KdsBody {
                url: url.clone(),
                expected: "a DER certificate"
            }
        );

        f.kds.route(&url, vec![ok(vec![0x30; MAX_VCEK_BYTES + 1])]);
        assert_eq!(
            c.vcek_for_report(&r).await.unwrap_err(),
            Error::KdsBodyTooLarge {
                url: url.clone(),
                limit: MAX_VCEK_BYTES
            }
        );
        assert!(!f.cached(&url).exists());
        assert_eq!(f.kds.hits(&url), 2);
    }

    #[tokio::test]
    async fn the_cache_keeps_at_most_its_capacity() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let mut urls = Vec::new();
        for p in Product::ALL {
            let url = cert_chain_url(&f.kds.base(), p, SigningKey::Vcek).unwrap();
            let file = format!("amd-roots/ask_ark_{}.pem", p.name().to_lowercase());
            f.kds.route(&url, vec![ok(f.read(&file))]);
            urls.push(url);
        }
        let c = KdsClient::new(
            KdsConfig::new()
                .base_url(f.kds.base())
                .cache_dir(f.cache.path())
                .max_cache_entries(2),
        )
        .unwrap();
        for p in Product::ALL {
            c.cert_chain(p, SigningKey::Vcek).await.unwrap();
            // Distinct modification times, so "oldest" is well defined.
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let cached: Vec<bool> = urls.iter().map(|u| f.cached(u).exists()).collect();
        assert_eq!(cached, [false, true, true]);
        assert_eq!(std::fs::read_dir(f.cache.path()).unwrap().count(), 2);
    }

    #[tokio::test]
    async fn offline_miss_is_a_typed_error_without_a_request() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let (r, url) = f.milan();
        f.kds
            .route(&url, vec![ok(f.read("virtee-milan-v2/vcek.der"))]);

        assert_eq!(
            f.offline().vcek_for_report(&r).await.unwrap_err(),
            Error::KdsOfflineMiss { url: url.clone() }
        );
        assert_eq!(f.kds.hits(&url), 0);
    }

    #[tokio::test]
    async fn cert_chain_is_returned_as_der_intermediate_first() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let pem = f.read("amd-roots/ask_ark_genoa.pem");
        let url = cert_chain_url(&f.kds.base(), Product::Genoa, SigningKey::Vcek).unwrap();
        f.kds.route(&url, vec![ok(pem.clone())]);

        let chain = f
            .client()
            .cert_chain(Product::Genoa, SigningKey::Vcek)
            .await
            .unwrap();
        let want: Vec<Vec<u8>> = Certificate::load_pem_chain(&pem)
            .unwrap()
            .iter()
            .map(|c| c.to_der().unwrap())
            .collect();
        assert_eq!(chain, want);
        assert_eq!(chain.len(), 2);
        let ask = Certificate::from_der(chain.first().unwrap()).unwrap();
        assert!(
            ask.tbs_certificate
                .subject
                .to_string()
                .contains("CN=SEV-Genoa")
        );

        // Not a pair of certificates: refused.
        f.kds
            .route(&url, vec![ok(pem.get(..pem.len() / 2).unwrap().to_vec())]);
        std::fs::remove_file(f.cached(&url)).unwrap();
        assert_eq!(
            f.client()
                .cert_chain(Product::Genoa, SigningKey::Vcek)
                .await
                .unwrap_err(),
            Error::KdsBody {
                url,
                expected: "a PEM bundle of two certificates"
            }
        );
    }

    #[tokio::test]
    async fn crl_is_not_served_from_the_cache_past_next_update() {
        let Some(f) = Fixture::start().await else {
            return;
        };
        let (_, crl) = der::pem::decode_vec(&f.read("amd-crls/milan-crl.pem")).unwrap();
        let url = crl_url(&f.kds.base(), Product::Milan, SigningKey::Vcek).unwrap();
        f.kds.route(&url, vec![ok(crl.clone())]);
        let c = f.client();
        async fn milan_crl(c: &KdsClient, secs: u64) -> Result<Vec<u8>, Error> {
            c.crl(Product::Milan, SigningKey::Vcek, at(secs)).await
        }

        // Fresh in April 2026: fetched once, then from the cache.
        assert_eq!(milan_crl(&c, APRIL).await.unwrap(), crl);
        assert_eq!(milan_crl(&c, APRIL).await.unwrap(), crl);
        assert_eq!(f.kds.hits(&url), 1);

        // Stale in November: fetched again (and returned; the verifier judges staleness).
        assert_eq!(milan_crl(&c, REF).await.unwrap(), crl);
        assert_eq!(f.kds.hits(&url), 2);

        // Offline, a stale cached CRL is a miss.
        let off = f.offline();
        assert_eq!(
            milan_crl(&off, REF).await.unwrap_err(),
            Error::KdsOfflineMiss { url: url.clone() }
        );
        assert_eq!(milan_crl(&off, APRIL).await.unwrap(), crl);
        assert_eq!(f.kds.hits(&url), 2);
    }
}
