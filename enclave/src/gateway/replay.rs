//! Replay protection: a bounded cache of the encapsulated keys (`enc`) seen recently.
//!
//! Every OHTTP request carries a fresh HPKE `enc`; seeing one twice means a replay. Entries
//! live for the window, which is longer than twice the accepted clock skew, so a request
//! old enough to leave the cache is already refused by the `date` check. The cache is
//! bounded: when it is full of unexpired entries it refuses new requests (fail closed)
//! rather than evicting an entry and reopening a replay hole.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Why the replay check refused a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayError {
    /// This `enc` was seen within the window.
    Replayed,
    /// The cache is full of unexpired entries.
    Full,
}

/// The bounded cache.
#[derive(Debug)]
pub struct ReplayCache {
    window: Duration,
    capacity: usize,
    seen: HashSet<[u8; 32]>,
    order: VecDeque<([u8; 32], Instant)>,
}

impl ReplayCache {
    /// A cache that remembers each `enc` for `window`, holding at most `capacity` entries.
    pub fn new(window: Duration, capacity: usize) -> Self {
        Self {
            window,
            capacity,
            seen: HashSet::with_capacity(capacity.min(1 << 16)),
            order: VecDeque::with_capacity(capacity.min(1 << 16)),
        }
    }

    /// Records `enc` at `now`, or refuses it. Only call this for requests that decrypted:
    /// recording undecryptable garbage would let anyone block a real request by sending its
    /// `enc` first.
    pub fn check_and_insert(&mut self, enc: &[u8], now: Instant) -> Result<(), ReplayError> {
        self.expire(now);
        let digest: [u8; 32] = Sha256::digest(enc).into();
        if self.seen.contains(&digest) {
            return Err(ReplayError::Replayed);
        }
        if self.order.len() >= self.capacity {
            return Err(ReplayError::Full);
        }
        self.seen.insert(digest);
        self.order.push_back((digest, now));
        Ok(())
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no entry is live.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    fn expire(&mut self, now: Instant) {
        while let Some((digest, at)) = self.order.front().copied() {
            if now.saturating_duration_since(at) < self.window {
                break;
            }
            self.order.pop_front();
            self.seen.remove(&digest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_sighting_within_window_is_a_replay() {
        let t0 = Instant::now();
        let mut c = ReplayCache::new(Duration::from_secs(120), 10);
        assert_eq!(c.check_and_insert(b"enc-a", t0), Ok(()));
        assert_eq!(c.check_and_insert(b"enc-b", t0), Ok(()));
        assert_eq!(
            c.check_and_insert(b"enc-a", t0 + Duration::from_secs(119)),
            Err(ReplayError::Replayed)
        );
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn entries_expire_after_the_window() {
        let t0 = Instant::now();
        let mut c = ReplayCache::new(Duration::from_secs(120), 10);
        c.check_and_insert(b"enc-a", t0).unwrap();
        assert_eq!(
            c.check_and_insert(b"enc-a", t0 + Duration::from_secs(120)),
            Ok(())
        );
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn full_cache_fails_closed_until_entries_expire() {
        let t0 = Instant::now();
        let mut c = ReplayCache::new(Duration::from_secs(60), 3);
        for enc in [b"a", b"b", b"c"] {
            c.check_and_insert(enc, t0).unwrap();
        }
        assert_eq!(
            c.check_and_insert(b"d", t0 + Duration::from_secs(1)),
            Err(ReplayError::Full)
        );
        // A replay is still a replay when full.
        assert_eq!(
            c.check_and_insert(b"a", t0 + Duration::from_secs(1)),
            Err(ReplayError::Replayed)
        );
        assert_eq!(
            c.check_and_insert(b"d", t0 + Duration::from_secs(60)),
            Ok(())
        );
        assert_eq!(c.len(), 1);
    }
}
