//! The client: attest, seal, send, open.
//!
//! [`Client::caption`] fetches the host's evidence (`GET /v1/attestation`, or with
//! [`ClientBuilder::fresh`] a nonce-bound `POST`), verifies every replica's bundle against the
//! [`Policy`], caches what verified until it expires, seals the request to a verified key only,
//! and opens the answer. An `unknown_key_id` refusal (keys rotated) or an `unavailable` one
//! (the host lost the replica it routed to) drops the stale evidence (all of it after a
//! rotation, that replica's after a loss) and retries, re-attesting when no verified replica
//! is left, at most [`REATTEST_LIMIT`] times per request.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use obscura_attestation::verify::{Policy, VerifiedChain, VerifiedEvidence, verify, verify_cached};
use obscura_protocol::api::{
    CaptionOptions, CaptionResponse, ErrorCode, MediaType, OHTTP_REQUEST_MEDIA_TYPE, RejectBody,
    RejectCode, SanitizeResponse,
};
use obscura_protocol::evidence::{AttestationList, FreshEvidenceRequest, Nonce};
use obscura_protocol::limits::{MAX_ATTESTATION_LIST_BYTES, MAX_RESPONSE_BYTES};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest, SanitizeOutcome, SanitizeRequest};
use obscura_protocol::oblivious::seal_request;
use obscura_protocol::secret::{SecretBytes, SecretText};
use zeroize::Zeroizing;

use crate::Error;

/// Re-attestations one [`Client::caption`] call may make after `unknown_key_id` or
/// `unavailable` refusals.
pub const REATTEST_LIMIT: usize = 2;

/// Builds a [`Client`].
#[derive(Debug, Default)]
pub struct ClientBuilder {
    endpoint: Option<String>,
    api_key: Option<String>,
    policy: Option<Policy>,
    roots_pem: Vec<Vec<u8>>,
    fresh: bool,
    timeout: Option<Duration>,
}

impl ClientBuilder {
    /// The host's base URL, e.g. `https://obscura.example`.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// The tenant's API key, sent as `authorization: Bearer …`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// What evidence to accept (required).
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = Some(policy);
        self
    }

    /// Trusts an extra TLS root (PEM) for the host, e.g. a private CA. The host's TLS only
    /// protects the API key and availability: confidentiality comes from OHTTP to attested keys.
    pub fn add_root_certificate_pem(mut self, pem: &[u8]) -> Self {
        self.roots_pem.push(pem.to_vec());
        self
    }

    /// Ask for evidence made for a fresh nonce on every attestation instead of cached evidence.
    pub fn fresh(mut self, fresh: bool) -> Self {
        self.fresh = fresh;
        self
    }

    /// Timeout per HTTP request (default 120 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = self
            .endpoint
            .ok_or(Error::Config("endpoint is required"))?
            .trim_end_matches('/')
            .to_owned();
        if !endpoint.starts_with("https://") {
            return Err(Error::Config("endpoint must be https://"));
        }
        let policy = self.policy.ok_or(Error::Config("policy is required"))?;
        let mut http = reqwest::Client::builder()
            .use_rustls_tls()
            .https_only(true)
            .timeout(self.timeout.unwrap_or(Duration::from_secs(120)));
        for pem in &self.roots_pem {
            let cert = reqwest::Certificate::from_pem(pem)
                .map_err(|_| Error::Config("root certificate PEM"))?;
            http = http.add_root_certificate(cert);
        }
        Ok(Client {
            http: http.build().map_err(|_| Error::Config("HTTP client"))?,
            endpoint,
            api_key: self.api_key,
            policy,
            fresh: self.fresh,
            verified: Mutex::new(Vec::new()),
            chains: Mutex::new(Vec::new()),
            next: AtomicUsize::new(0),
        })
    }
}

/// A client of one Obscura host. Cheap to share (`Arc`) across tasks.
#[derive(Debug)]
pub struct Client {
    http: reqwest::Client,
    endpoint: String,
    api_key: Option<String>,
    policy: Policy,
    fresh: bool,
    verified: Mutex<Vec<VerifiedEvidence>>,
    /// AMD chains verified so far (kept across key rotation: they belong to the platform).
    chains: Mutex<Vec<VerifiedChain>>,
    next: AtomicUsize,
}

impl Client {
    /// Starts building a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Sends `image` (PNG, JPEG or WebP) and returns the redacted result.
    ///
    /// When the host answers `unknown_key_id` (the enclave rotated its keys), all cached
    /// evidence is dropped and fetched and verified again; when it answers `unavailable` (the
    /// replica it routed to is gone), that replica's evidence is dropped and another verified
    /// replica is used, re-attesting when none is left. The request is then sealed anew, up
    /// to [`REATTEST_LIMIT`] times.
    pub async fn caption(
        &self,
        image: impl Into<Vec<u8>>,
        options: CaptionOptions,
    ) -> Result<CaptionResponse, Error> {
        let image = SecretBytes::new(image.into());
        let media_type = MediaType::sniff(image.expose());
        let encode = |date| {
            let request = CaptionRequest {
                options,
                media_type,
                date,
                image: image.clone(),
            };
            Ok(request.encode()?)
        };
        let decode = |plain: &[u8]| {
            Ok(match CaptionOutcome::decode(plain)? {
                CaptionOutcome::Ok(resp) => Ok(*resp),
                CaptionOutcome::Err(code) => Err(code),
            })
        };
        self.exchange("/v1/caption", encode, decode).await
    }

    /// Sends texts the application already has (captions, notes) to the attested enclave's
    /// sanitizer and returns them with names replaced by `PERSON_n` and identifiers by typed
    /// tags, sanitized together (one person, one label across all of them).
    pub async fn sanitize<S: AsRef<str>>(&self, texts: &[S]) -> Result<SanitizeResponse, Error> {
        let texts: Vec<SecretText> = texts
            .iter()
            .map(|t| SecretText::new(t.as_ref().to_owned()))
            .collect();
        let encode = |date| {
            let request = SanitizeRequest {
                date,
                texts: texts.clone(),
            };
            Ok(request.encode()?)
        };
        let decode = |plain: &[u8]| {
            Ok(match SanitizeOutcome::decode(plain)? {
                SanitizeOutcome::Ok(resp) => Ok(*resp),
                SanitizeOutcome::Err(code) => Err(code),
            })
        };
        self.exchange("/v1/sanitize", encode, decode).await
    }

    /// One sealed exchange with a verified replica: encode the inner request (with the
    /// current `date`), seal it to the replica's key, post it to `path`, open and decode
    /// the answer. `unknown_key_id` (the enclave rotated) or `unavailable` (the replica is
    /// gone) re-attests and retries, at most [`REATTEST_LIMIT`] times.
    async fn exchange<T>(
        &self,
        path: &str,
        encode: impl Fn(SystemTime) -> Result<Zeroizing<Vec<u8>>, Error>,
        decode: impl Fn(&[u8]) -> Result<Result<T, ErrorCode>, Error>,
    ) -> Result<T, Error> {
        for attempt in 0..=REATTEST_LIMIT {
            let evidence = self.verified_evidence().await?;
            let (config, suite) = evidence.key_configs().select()?;
            let inner = encode(SystemTime::now())?;
            let (sealed, opener) = seal_request(config, suite, &inner)?;
            drop(inner);
            let resp = self
                .authorized(self.http.post(format!("{}{path}", self.endpoint)))
                .header("content-type", OHTTP_REQUEST_MEDIA_TYPE)
                .body(sealed)
                .send()
                .await
                .map_err(|_| Error::Transport)?;
            let status = resp.status().as_u16();
            let body = read_capped(resp, MAX_RESPONSE_BYTES).await?;
            if status == 200 {
                let plain = opener.open(&body)?;
                return decode(&plain)?.map_err(Error::Service);
            }
            let code = serde_json::from_slice::<RejectBody>(&body)
                .map(|b| b.error)
                .map_err(|_| Error::HttpStatus(status))?;
            let reattest = matches!(code, RejectCode::UnknownKeyId | RejectCode::Unavailable);
            if reattest && attempt < REATTEST_LIMIT {
                self.forget(&evidence, code == RejectCode::UnknownKeyId)?;
                continue;
            }
            return Err(Error::Rejected(code));
        }
        Err(Error::Rejected(RejectCode::Unavailable))
    }

    /// Fetches and verifies evidence now, replacing the cache; returns how many replicas
    /// verified.
    pub async fn attest(&self) -> Result<usize, Error> {
        let verified = self.verify_now().await?;
        let n = verified.len();
        self.store(verified)?;
        Ok(n)
    }

    /// Fetches the host's evidence and verifies every replica's bundle; returns the ones
    /// that verified (never empty) without touching the cache.
    async fn verify_now(&self) -> Result<Vec<VerifiedEvidence>, Error> {
        let (list, policy) = if self.fresh {
            let nonce = Nonce(random_nonce()?);
            let body = serde_json::to_vec(&FreshEvidenceRequest { nonce })
                .map_err(|_| Error::Config("nonce"))?;
            let req = self
                .http
                .post(format!("{}/v1/attestation", self.endpoint))
                .header("content-type", "application/json")
                .body(body);
            (
                self.fetch_list(req).await?,
                self.policy.clone().nonce(nonce),
            )
        } else {
            let req = self.http.get(format!("{}/v1/attestation", self.endpoint));
            (self.fetch_list(req).await?, self.policy.clone())
        };
        let now = SystemTime::now();
        let mut verified = Vec::with_capacity(list.replicas.len());
        let mut first_error = None;
        // Chains verified earlier (same VCEK/VLEK) skip their RSA checks; the report and
        // every policy check run in full (see `verify_cached`).
        let earlier: Vec<VerifiedChain> = self.chains.lock().map_err(|_| Error::Poisoned)?.clone();
        for bundle in &list.replicas {
            let leaf = bundle
                .collateral
                .vcek
                .as_ref()
                .or(bundle.collateral.vlek.as_ref())
                .map(|b| b.0.as_slice());
            let chain = earlier.iter().find(|c| Some(c.leaf_der()) == leaf);
            let result = match chain {
                Some(chain) => verify_cached(bundle, &policy, now, chain),
                None => verify(bundle, &policy, now),
            };
            match result {
                Ok(v) => verified.push(v),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        if verified.is_empty() {
            return Err(first_error.map_or(Error::NoVerifiedReplica, Error::Attestation));
        }
        let chains = verified
            .iter()
            .map(|v| v.report().chain().clone())
            .collect();
        *self.chains.lock().map_err(|_| Error::Poisoned)? = chains;
        Ok(verified)
    }

    fn store(&self, verified: Vec<VerifiedEvidence>) -> Result<(), Error> {
        *self.verified.lock().map_err(|_| Error::Poisoned)? = verified;
        Ok(())
    }

    /// The evidence currently trusted (after [`Client::attest`] or a request): product, TCB,
    /// signer, bound keys and workload claims of each verified replica.
    pub fn verified(&self) -> Result<Vec<VerifiedEvidence>, Error> {
        Ok(self.verified.lock().map_err(|_| Error::Poisoned)?.clone())
    }

    async fn verified_evidence(&self) -> Result<VerifiedEvidence, Error> {
        if let Some(v) = self.pick(SystemTime::now())? {
            return Ok(v);
        }
        // This request's evidence comes from what was just verified, not from the shared
        // cache: a concurrent request may drop a replica from the cache in between.
        let mut verified = self.verify_now().await?;
        let chosen = if self.fresh {
            verified.pop()
        } else {
            let n = self.next.fetch_add(1, Ordering::Relaxed);
            n.checked_rem(verified.len())
                .and_then(|i| verified.get(i).cloned())
        };
        self.store(verified)?;
        chosen.ok_or(Error::NoVerifiedReplica)
    }

    fn pick(&self, now: SystemTime) -> Result<Option<VerifiedEvidence>, Error> {
        let mut cache = self.verified.lock().map_err(|_| Error::Poisoned)?;
        // Fresh (nonce-bound) evidence is used for one request only.
        if self.fresh {
            return Ok(cache.pop());
        }
        cache.retain(|v| v.expires_at() > now);
        if cache.is_empty() {
            return Ok(None);
        }
        let i = self.next.fetch_add(1, Ordering::Relaxed) % cache.len();
        Ok(cache.get(i).cloned())
    }

    /// Drops stale evidence: all of it after a key rotation (`all`), else only the
    /// evidence of the replica that is gone, so the other verified replicas stay in use.
    fn forget(&self, refused: &VerifiedEvidence, all: bool) -> Result<(), Error> {
        let mut cache = self.verified.lock().map_err(|_| Error::Poisoned)?;
        if all {
            cache.clear();
        } else {
            cache.retain(|v| v.key_configs() != refused.key_configs());
        }
        Ok(())
    }

    async fn fetch_list(&self, req: reqwest::RequestBuilder) -> Result<AttestationList, Error> {
        let resp = self
            .authorized(req)
            .send()
            .await
            .map_err(|_| Error::Transport)?;
        let status = resp.status().as_u16();
        let body = read_capped(resp, MAX_ATTESTATION_LIST_BYTES).await?;
        if status != 200 {
            return Err(serde_json::from_slice::<RejectBody>(&body)
                .map_or(Error::HttpStatus(status), |b| Error::Rejected(b.error)));
        }
        Ok(AttestationList::from_json(&body)?)
    }

    fn authorized(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.api_key {
            Some(key) => req.bearer_auth(key),
            None => req,
        }
    }
}

fn random_nonce() -> Result<[u8; 32], Error> {
    let mut nonce = [0u8; 32];
    getrandom::fill(&mut nonce).map_err(|_| Error::Config("OS random number generator"))?;
    Ok(nonce)
}

async fn read_capped(mut resp: reqwest::Response, max: usize) -> Result<Vec<u8>, Error> {
    if resp.content_length().is_some_and(|n| n > max as u64) {
        return Err(Error::ResponseTooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|_| Error::Transport)? {
        if body.len().saturating_add(chunk.len()) > max {
            return Err(Error::ResponseTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
