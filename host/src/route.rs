//! Routing encrypted requests to replicas by OHTTP key id.

use std::collections::BTreeMap;

use obscura_protocol::keys::{KeyConfigList, KeyId};
use obscura_protocol::oblivious::RequestHeader;

use crate::Error;

/// Index of an enclave replica behind this host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReplicaId(pub usize);

/// Which replica owns which key id. Bounded by the 256 possible key ids.
#[derive(Debug, Clone, Default)]
pub struct Routes {
    owners: BTreeMap<KeyId, ReplicaId>,
}

impl Routes {
    /// Records that `replica` owns `key_id`.
    pub fn insert(&mut self, key_id: KeyId, replica: ReplicaId) -> Result<(), Error> {
        match self.owners.get(&key_id) {
            Some(owner) if *owner != replica => Err(Error::DuplicateKeyId(key_id)),
            _ => {
                self.owners.insert(key_id, replica);
                Ok(())
            }
        }
    }

    /// Records every key id of a replica's published list.
    pub fn insert_list(&mut self, list: &KeyConfigList, replica: ReplicaId) -> Result<(), Error> {
        for config in list.known() {
            self.insert(config.key_id(), replica)?;
        }
        Ok(())
    }

    /// Forgets every key of `replica` (after rotation or when it leaves).
    pub fn remove_replica(&mut self, replica: ReplicaId) {
        self.owners.retain(|_, owner| *owner != replica);
    }

    /// The replica for an encapsulated request, reading only its clear header.
    pub fn route(&self, encapsulated: &[u8]) -> Result<ReplicaId, Error> {
        let header = RequestHeader::parse(encapsulated)?;
        self.owners
            .get(&header.key_id)
            .copied()
            .ok_or(Error::UnknownKeyId(header.key_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(key_id: u8) -> Vec<u8> {
        let mut req = vec![key_id, 0x00, 0x20, 0x00, 0x01, 0x00, 0x01];
        req.resize(7 + 32 + 16, 0xab);
        req
    }

    #[test]
    fn routes_by_key_id_only() {
        let mut routes = Routes::default();
        routes.insert(KeyId(1), ReplicaId(0)).unwrap();
        routes.insert(KeyId(2), ReplicaId(1)).unwrap();
        assert_eq!(routes.route(&header(1)).unwrap(), ReplicaId(0));
        assert_eq!(routes.route(&header(2)).unwrap(), ReplicaId(1));
        assert_eq!(
            routes.route(&header(3)).unwrap_err(),
            Error::UnknownKeyId(KeyId(3))
        );
    }

    #[test]
    fn duplicate_owner_refused_and_removal_works() {
        let mut routes = Routes::default();
        routes.insert(KeyId(1), ReplicaId(0)).unwrap();
        assert_eq!(
            routes.insert(KeyId(1), ReplicaId(1)).unwrap_err(),
            Error::DuplicateKeyId(KeyId(1))
        );
        routes.remove_replica(ReplicaId(0));
        assert_eq!(
            routes.route(&header(1)).unwrap_err(),
            Error::UnknownKeyId(KeyId(1))
        );
    }

    #[test]
    fn truncated_header_is_a_protocol_error() {
        let routes = Routes::default();
        let req = header(1);
        for cut in 0..req.len() {
            assert_eq!(
                routes.route(&req[..cut]).unwrap_err(),
                Error::Protocol(obscura_protocol::Error::Truncated {
                    what: "encapsulated request"
                }),
                "cut at {cut}"
            );
        }
    }
}
