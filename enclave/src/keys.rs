//! The enclave's OHTTP keys: generated in-process, never exported.
//!
//! One X-Wing key (the default, post-quantum suite) and one X25519 key (so that any
//! RFC 9458 client can talk to the gateway), with distinct key ids so that the host can
//! route by id alone.

use obscura_protocol::keys::{GatewayKey, Kem, KeyConfigList, KeyId};
use obscura_protocol::oblivious::{RequestHeader, ResponseSealer};
use obscura_protocol::{Error as ProtocolError, secret::SecretBytes};

use crate::Error;

/// The keys of one generation, with the list published for them.
#[derive(Debug)]
pub struct KeySet {
    keys: Vec<GatewayKey>,
    list: KeyConfigList,
}

impl KeySet {
    /// Key ids of the first generation: X-Wing, then X25519.
    pub const FIRST_IDS: (KeyId, KeyId) = (KeyId(1), KeyId(2));

    /// Generates both keys from the OS RNG with the first generation's ids.
    pub fn generate() -> Result<Self, Error> {
        Self::generate_with_ids(Self::FIRST_IDS.0, Self::FIRST_IDS.1)
    }

    /// Generates both keys with explicit ids (rotation picks ids unused by the previous set).
    pub fn generate_with_ids(xwing: KeyId, x25519: KeyId) -> Result<Self, Error> {
        if xwing == x25519 {
            return Err(Error::Protocol(ProtocolError::Malformed {
                what: "key set",
                reason: "key ids must differ",
            }));
        }
        let keys = vec![
            GatewayKey::generate(xwing, Kem::XWing)?,
            GatewayKey::generate(x25519, Kem::X25519Sha256)?,
        ];
        let list = KeyConfigList::from_keys(&keys)?;
        Ok(Self { keys, list })
    }

    /// The `application/ohttp-keys` list for these keys (what `report_data` binds).
    pub fn config_list(&self) -> &KeyConfigList {
        &self.list
    }

    /// Whether this set holds `key_id`.
    pub fn contains(&self, key_id: KeyId) -> bool {
        self.keys.iter().any(|k| k.key_id() == key_id)
    }

    /// Decapsulates a request with the key it names.
    pub fn open(&self, encapsulated: &[u8]) -> Result<(SecretBytes, ResponseSealer), Error> {
        let header = RequestHeader::parse(encapsulated)?;
        let key = self
            .keys
            .iter()
            .find(|k| k.key_id() == header.key_id)
            .ok_or(ProtocolError::UnknownKeyId(header.key_id))?;
        let (plain, sealer) = key.open_request(encapsulated)?;
        Ok((SecretBytes::from(plain), sealer))
    }
}

/// The current key set and, during a rotation's overlap window, the previous one.
///
/// Clients that attested before a rotation keep working until the previous set is retired;
/// a request for a retired key id gets [`ProtocolError::UnknownKeyId`], which makes the SDK
/// re-attest.
#[derive(Debug)]
pub struct KeyRing {
    current: KeySet,
    previous: Option<KeySet>,
}

impl KeyRing {
    /// Starts with one key set.
    pub fn new(current: KeySet) -> Self {
        Self {
            current,
            previous: None,
        }
    }

    /// The set whose configurations are published now.
    pub fn current(&self) -> &KeySet {
        &self.current
    }

    /// Makes `next` current and keeps the old set for the overlap window. Refuses a set that
    /// reuses a key id still in use, so routing by key id stays unambiguous.
    pub fn rotate(&mut self, next: KeySet) -> Result<(), Error> {
        if next
            .config_list()
            .known()
            .any(|c| self.current.contains(c.key_id()))
        {
            return Err(Error::Protocol(ProtocolError::Malformed {
                what: "key rotation",
                reason: "key id reused",
            }));
        }
        self.previous = Some(std::mem::replace(&mut self.current, next));
        Ok(())
    }

    /// Ends the overlap window: the previous keys are dropped.
    pub fn retire_previous(&mut self) {
        self.previous = None;
    }

    /// Decapsulates with whichever live set holds the request's key id.
    pub fn open(&self, encapsulated: &[u8]) -> Result<(SecretBytes, ResponseSealer), Error> {
        let header = RequestHeader::parse(encapsulated)?;
        match &self.previous {
            Some(prev) if prev.contains(header.key_id) => prev.open(encapsulated),
            _ => self.current.open(encapsulated),
        }
    }
}

#[cfg(test)]
mod tests {
    use obscura_protocol::keys::Suite;
    use obscura_protocol::oblivious::seal_request;

    use super::*;

    #[test]
    fn list_offers_xwing_first_and_x25519() {
        let keys = KeySet::generate().unwrap();
        let list = keys.config_list();
        let (config, suite) = list.select().unwrap();
        assert_eq!(config.key_id(), KeyId(1));
        assert_eq!(suite, Suite::XWING_AES256GCM);
        let x25519: Vec<_> = list
            .known()
            .filter(|c| c.key_id() == KeyId(2))
            .flat_map(|c| c.supported_suites().collect::<Vec<_>>())
            .collect();
        assert_eq!(
            x25519,
            vec![
                Suite::X25519_AES256GCM,
                Suite::X25519_CHACHA20POLY1305,
                Suite::X25519_AES128GCM
            ]
        );
    }

    #[test]
    fn opens_with_the_named_key_and_refuses_unknown_ids() {
        let keys = KeySet::generate().unwrap();
        let other = KeySet::generate_with_ids(KeyId(7), KeyId(8)).unwrap();
        let (config, suite) = other.config_list().select().unwrap();
        let (req, _) = seal_request(config, suite, b"hello").unwrap();
        assert_eq!(
            keys.open(&req).unwrap_err(),
            Error::Protocol(ProtocolError::UnknownKeyId(KeyId(7)))
        );
        let (plain, _) = other.open(&req).unwrap();
        assert_eq!(plain.expose(), b"hello");
    }

    #[test]
    fn rotation_keeps_old_keys_until_retired() {
        let first = KeySet::generate_with_ids(KeyId(1), KeyId(2)).unwrap();
        let (config, suite) = first.config_list().select().unwrap();
        let config = config.clone();
        let mut ring = KeyRing::new(first);
        ring.rotate(KeySet::generate_with_ids(KeyId(3), KeyId(4)).unwrap())
            .unwrap();
        let (req, _) = seal_request(&config, suite, b"old client").unwrap();
        assert_eq!(ring.open(&req).unwrap().0.expose(), b"old client");
        ring.retire_previous();
        let (req, _) = seal_request(&config, suite, b"old client").unwrap();
        assert_eq!(
            ring.open(&req).unwrap_err(),
            Error::Protocol(ProtocolError::UnknownKeyId(KeyId(1)))
        );
        assert!(matches!(
            ring.rotate(KeySet::generate_with_ids(KeyId(3), KeyId(9)).unwrap()),
            Err(Error::Protocol(ProtocolError::Malformed { .. }))
        ));
    }

    #[test]
    fn equal_ids_refused() {
        assert!(matches!(
            KeySet::generate_with_ids(KeyId(3), KeyId(3)),
            Err(Error::Protocol(ProtocolError::Malformed { .. }))
        ));
    }
}
