//! Tenants: API keys and per-tenant rate limits.
//!
//! Keys are stored only as SHA-256 digests; a request presents `authorization: Bearer <key>`.
//! Each tenant has a token bucket (sustained rate and burst). The map is fixed at start-up,
//! so it is bounded by configuration.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use sha2::{Digest, Sha256};

/// A configured tenant.
#[derive(Debug, Clone)]
pub struct Tenant {
    /// Name used in logs and metrics (chosen by the operator, never derived from requests).
    pub name: String,
    /// SHA-256 of the API key.
    pub key_sha256: [u8; 32],
    /// Sustained requests per second.
    pub rate_per_sec: f64,
    /// Bucket size.
    pub burst: f64,
}

impl Tenant {
    /// A tenant whose API key is `key` (only its digest is kept).
    pub fn with_key(name: &str, key: &str, rate_per_sec: f64, burst: f64) -> Self {
        Self {
            name: name.to_owned(),
            key_sha256: Sha256::digest(key.as_bytes()).into(),
            rate_per_sec,
            burst,
        }
    }
}

/// Why a request was refused at the door.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No or unknown API key.
    Unauthorized,
    /// The tenant's bucket is empty.
    RateLimited,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// The tenant table with its buckets.
#[derive(Debug)]
pub struct Tenants {
    by_key: HashMap<[u8; 32], usize>,
    tenants: Vec<Tenant>,
    buckets: Mutex<Vec<Bucket>>,
}

impl Tenants {
    /// Builds the table; all buckets start full.
    pub fn new(tenants: Vec<Tenant>, now: Instant) -> Self {
        let by_key = tenants
            .iter()
            .enumerate()
            .map(|(i, t)| (t.key_sha256, i))
            .collect();
        let buckets = tenants
            .iter()
            .map(|t| Bucket {
                tokens: t.burst,
                last: now,
            })
            .collect();
        Self {
            by_key,
            tenants,
            buckets: Mutex::new(buckets),
        }
    }

    /// Authenticates the `authorization` header value and takes one token.
    pub fn admit(&self, authorization: Option<&[u8]>, now: Instant) -> Result<&Tenant, Refusal> {
        let key = authorization
            .and_then(|v| v.strip_prefix(b"Bearer "))
            .ok_or(Refusal::Unauthorized)?;
        let digest: [u8; 32] = Sha256::digest(key).into();
        let index = *self.by_key.get(&digest).ok_or(Refusal::Unauthorized)?;
        let tenant = self.tenants.get(index).ok_or(Refusal::Unauthorized)?;
        let mut buckets = self.buckets.lock().map_err(|_| Refusal::RateLimited)?;
        let bucket = buckets.get_mut(index).ok_or(Refusal::Unauthorized)?;
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * tenant.rate_per_sec).min(tenant.burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(tenant)
        } else {
            Err(Refusal::RateLimited)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn table(now: Instant) -> Tenants {
        Tenants::new(
            vec![
                Tenant::with_key("clinic-a", "key-a", 1.0, 2.0),
                Tenant::with_key("clinic-b", "key-b", 10.0, 1.0),
            ],
            now,
        )
    }

    #[test]
    fn keys_identify_tenants() {
        let t0 = Instant::now();
        let t = table(t0);
        assert_eq!(t.admit(Some(b"Bearer key-a"), t0).unwrap().name, "clinic-a");
        assert_eq!(t.admit(Some(b"Bearer key-b"), t0).unwrap().name, "clinic-b");
        for bad in [
            None,
            Some(&b"key-a"[..]),
            Some(b"Bearer key-c"),
            Some(b"Bearer "),
        ] {
            assert_eq!(t.admit(bad, t0).unwrap_err(), Refusal::Unauthorized);
        }
    }

    #[test]
    fn buckets_limit_each_tenant_separately() {
        let t0 = Instant::now();
        let t = table(t0);
        assert!(t.admit(Some(b"Bearer key-a"), t0).is_ok());
        assert!(t.admit(Some(b"Bearer key-a"), t0).is_ok());
        assert_eq!(
            t.admit(Some(b"Bearer key-a"), t0).unwrap_err(),
            Refusal::RateLimited
        );
        // Another tenant is unaffected.
        assert!(t.admit(Some(b"Bearer key-b"), t0).is_ok());
        // One second refills one token for clinic-a.
        let t1 = t0 + Duration::from_secs(1);
        assert!(t.admit(Some(b"Bearer key-a"), t1).is_ok());
        assert_eq!(
            t.admit(Some(b"Bearer key-a"), t1).unwrap_err(),
            Refusal::RateLimited
        );
    }
}
