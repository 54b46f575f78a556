//! The enclave replicas behind this host: their evidence (cached until it expires) and the
//! forwarding of ciphertext to the replica that owns a key id.
//!
//! The host is untrusted: it never parses more than the OHTTP header, and it relays evidence
//! unchanged (clients verify it). Every body read from a replica is size-capped. A replica
//! that cannot be reached is dropped from the evidence list and the routes until it answers
//! again, so that clients re-attest to the replicas that remain.

use std::sync::RwLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hyper::body::Bytes;
use obscura_protocol::api::{
    ENCLAVE_EVIDENCE_PATH, ENCLAVE_OHTTP_PATH, OHTTP_REQUEST_MEDIA_TYPE, RejectCode,
};
use obscura_protocol::evidence::{AttestationList, EvidenceBundle, FreshEvidenceRequest};
use obscura_protocol::limits::{MAX_EVIDENCE_BYTES, MAX_RESPONSE_BYTES};
use obscura_protocol::transport::EnclaveAddr;

use crate::Error;
use crate::route::{ReplicaId, Routes};
use crate::transport::{Answer, LinkError, ReplicaLink};

/// Evidence is refreshed this long before it expires.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// What a replica answered to a forwarded request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forwarded {
    /// HTTP status from the replica.
    pub status: u16,
    /// Body: `message/ohttp-res` on 200, a reject JSON body otherwise.
    pub body: Vec<u8>,
}

/// The replicas, their cached evidence and the key-id routes derived from it.
#[derive(Debug)]
pub struct Replicas {
    links: Vec<ReplicaLink>,
    evidence: RwLock<Vec<Option<EvidenceBundle>>>,
    routes: RwLock<Routes>,
}

impl Replicas {
    /// Replicas at `addrs` (`vsock://CID:PORT`, `http://127.0.0.1:7001`, `unix:/PATH`), each
    /// call bounded by `timeout`.
    pub fn new(addrs: Vec<EnclaveAddr>, timeout: Duration) -> Result<Self, Error> {
        let links = addrs
            .into_iter()
            .map(|addr| ReplicaLink::new(addr, timeout))
            .collect::<Result<Vec<_>, _>>()?;
        let n = links.len();
        Ok(Self {
            links,
            evidence: RwLock::new(vec![None; n]),
            routes: RwLock::new(Routes::default()),
        })
    }

    /// Every reachable replica's current evidence, fetching what is missing or about to
    /// expire. A replica that cannot be reached (or answers out of bounds) is left out, and
    /// its routes are dropped; only when no replica answers is this an error.
    pub async fn attestation(&self, now: SystemTime) -> Result<AttestationList, Error> {
        let mut replicas = Vec::with_capacity(self.links.len());
        for (i, link) in self.links.iter().enumerate() {
            let cached = self
                .evidence
                .read()
                .map_err(|_| Error::Poisoned)?
                .get(i)
                .cloned()
                .flatten();
            let bundle = match cached {
                Some(b) if fresh_enough(&b, now) => b,
                _ => match read_evidence(link.get(ENCLAVE_EVIDENCE_PATH, MAX_EVIDENCE_BYTES).await)
                {
                    Ok(bundle) => {
                        self.install(ReplicaId(i), &bundle)?;
                        bundle
                    }
                    Err(Error::Upstream | Error::Protocol(_)) => {
                        self.drop_replica(ReplicaId(i))?;
                        continue;
                    }
                    Err(e) => return Err(e),
                },
            };
            replicas.push(bundle);
        }
        if replicas.is_empty() {
            return Err(Error::Upstream);
        }
        Ok(AttestationList { replicas })
    }

    /// Fresh evidence bound to the client's nonce from every replica (never cached).
    pub async fn fresh(&self, request: FreshEvidenceRequest) -> Result<AttestationList, Error> {
        let body = Bytes::from(serde_json::to_vec(&request).map_err(|_| Error::Upstream)?);
        let mut replicas = Vec::with_capacity(self.links.len());
        for (i, link) in self.links.iter().enumerate() {
            let answer = link
                .post(
                    ENCLAVE_EVIDENCE_PATH,
                    "application/json",
                    body.clone(),
                    MAX_EVIDENCE_BYTES,
                )
                .await;
            let bundle = read_evidence(answer)?;
            if bundle.nonce != Some(request.nonce) {
                return Err(Error::Upstream);
            }
            self.install(ReplicaId(i), &bundle)?;
            replicas.push(bundle);
        }
        Ok(AttestationList { replicas })
    }

    /// Sends an encapsulated request to the replica owning its key id. An unknown key id
    /// first triggers one evidence refresh (the replica may have rotated its keys).
    pub async fn forward(&self, encapsulated: Bytes, now: SystemTime) -> Result<Forwarded, Error> {
        let replica = match self.route(&encapsulated)? {
            Some(r) => r,
            None => {
                self.invalidate()?;
                self.attestation(now).await?;
                self.route(&encapsulated)?
                    .ok_or(Error::Reject(RejectCode::UnknownKeyId))?
            }
        };
        let link = self.links.get(replica.0).ok_or(Error::Upstream)?;
        let answer = link
            .post(
                ENCLAVE_OHTTP_PATH,
                OHTTP_REQUEST_MEDIA_TYPE,
                encapsulated,
                MAX_RESPONSE_BYTES,
            )
            .await;
        let Answer { status, body } = match answer {
            Ok(answer) => answer,
            Err(LinkError::Unreachable) => {
                // The replica is gone (or hung): stop advertising it, so that the client's
                // re-attestation sees only replicas that answer.
                self.drop_replica(replica)?;
                return Err(Error::Upstream);
            }
            Err(LinkError::BadBody) => return Err(Error::Upstream),
        };
        if status == RejectCode::UnknownKeyId.status() {
            // The replica rotated its keys: the cached evidence binds keys it no longer has,
            // so the client's re-attestation must see fresh evidence.
            self.invalidate()?;
        }
        Ok(Forwarded { status, body })
    }

    fn route(&self, encapsulated: &[u8]) -> Result<Option<ReplicaId>, Error> {
        let routes = self.routes.read().map_err(|_| Error::Poisoned)?;
        match routes.route(encapsulated) {
            Ok(r) => Ok(Some(r)),
            Err(Error::UnknownKeyId(_)) => Ok(None),
            Err(Error::Protocol(_)) => Err(Error::Reject(RejectCode::MalformedRequest)),
            Err(e) => Err(e),
        }
    }

    fn invalidate(&self) -> Result<(), Error> {
        let mut cache = self.evidence.write().map_err(|_| Error::Poisoned)?;
        cache.iter_mut().for_each(|e| *e = None);
        Ok(())
    }

    /// Forgets a replica's cached evidence and routes (it is fetched again on the next
    /// attestation).
    fn drop_replica(&self, replica: ReplicaId) -> Result<(), Error> {
        self.routes
            .write()
            .map_err(|_| Error::Poisoned)?
            .remove_replica(replica);
        if let Some(slot) = self
            .evidence
            .write()
            .map_err(|_| Error::Poisoned)?
            .get_mut(replica.0)
        {
            *slot = None;
        }
        Ok(())
    }

    fn install(&self, replica: ReplicaId, bundle: &EvidenceBundle) -> Result<(), Error> {
        let list = bundle.key_config_list()?;
        {
            let mut routes = self.routes.write().map_err(|_| Error::Poisoned)?;
            routes.remove_replica(replica);
            routes.insert_list(&list, replica)?;
        }
        if bundle.nonce.is_none() {
            let mut cache = self.evidence.write().map_err(|_| Error::Poisoned)?;
            if let Some(slot) = cache.get_mut(replica.0) {
                *slot = Some(bundle.clone());
            }
        }
        Ok(())
    }
}

fn fresh_enough(bundle: &EvidenceBundle, now: SystemTime) -> bool {
    let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    bundle.expires_at > now.saturating_add(REFRESH_MARGIN.as_secs())
}

fn read_evidence(answer: Result<Answer, LinkError>) -> Result<EvidenceBundle, Error> {
    match answer {
        Ok(Answer { status: 200, body }) => Ok(EvidenceBundle::from_json(&body)?),
        _ => Err(Error::Upstream),
    }
}
