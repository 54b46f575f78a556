//! Key identifiers, HPKE suites and key configurations (RFC 9458 §3).
//!
//! The gateway's private keys live in [`GatewayKey`], generated inside the enclave. Clients see
//! only the `application/ohttp-keys` list ([`KeyConfigList`]), bound into the attestation
//! report by [`crate::binding`].
//!
//! Key configuration layout (RFC 9458 §3.1), each entry prefixed by a `u16` length in a list
//! (§3.2):
//!
//! ```text
//! HPKE Symmetric Algorithms { HPKE KDF ID (16), HPKE AEAD ID (16) }
//! Key Config {
//!   Key Identifier (8),
//!   HPKE KEM ID (16),
//!   HPKE Public Key (Npk * 8),
//!   HPKE Symmetric Algorithms Length (16) = 4..65532,
//!   HPKE Symmetric Algorithms (32) ...,
//! }
//! ```

use std::fmt;

use zeroize::Zeroizing;

use crate::codec::{Reader, check_cap};
use crate::error::{Error, Result};
use crate::limits::{MAX_KEY_CONFIG_LIST_BYTES, MAX_KEY_CONFIGS, MAX_SYMMETRIC_SUITES};

pub use ohttp::hpke::{Aead, Kdf, Kem};

/// The one-byte OHTTP key identifier that routes a request to the replica owning the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub u8);

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A complete HPKE cipher suite: KEM, KDF and AEAD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suite {
    /// Key encapsulation mechanism.
    pub kem: Kem,
    /// Key derivation function.
    pub kdf: Kdf,
    /// Authenticated encryption.
    pub aead: Aead,
}

impl Suite {
    /// The default: X-Wing (ML-KEM-768 + X25519, 0x647a), HKDF-SHA256, AES-256-GCM, so that a
    /// recorded ciphertext stays safe against a future quantum computer.
    pub const XWING_AES256GCM: Self = Self::new(Kem::XWing, Kdf::HkdfSha256, Aead::Aes256Gcm);
    /// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM: the suite of RFC 9458 Appendix A.
    pub const X25519_AES128GCM: Self =
        Self::new(Kem::X25519Sha256, Kdf::HkdfSha256, Aead::Aes128Gcm);
    /// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM.
    pub const X25519_AES256GCM: Self =
        Self::new(Kem::X25519Sha256, Kdf::HkdfSha256, Aead::Aes256Gcm);
    /// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305.
    pub const X25519_CHACHA20POLY1305: Self =
        Self::new(Kem::X25519Sha256, Kdf::HkdfSha256, Aead::ChaCha20Poly1305);

    /// Every suite Obscura accepts, in the order a client prefers them.
    pub const SUPPORTED: [Self; 4] = [
        Self::XWING_AES256GCM,
        Self::X25519_AES256GCM,
        Self::X25519_CHACHA20POLY1305,
        Self::X25519_AES128GCM,
    ];

    /// Builds a suite from its three parts.
    pub const fn new(kem: Kem, kdf: Kdf, aead: Aead) -> Self {
        Self { kem, kdf, aead }
    }

    /// Interprets raw IANA ids, failing with [`Error::UnsupportedSuite`] unless Obscura
    /// supports the combination.
    pub fn from_ids(kem: u16, kdf: u16, aead: u16) -> Result<Self> {
        let unsupported = Error::UnsupportedSuite { kem, kdf, aead };
        let suite = match (Kem::try_from(kem), Kdf::try_from(kdf), Aead::try_from(aead)) {
            (Ok(kem), Ok(kdf), Ok(aead)) => Self::new(kem, kdf, aead),
            _ => return Err(unsupported),
        };
        if Self::SUPPORTED.contains(&suite) {
            Ok(suite)
        } else {
            Err(unsupported)
        }
    }

    /// The raw (KEM, KDF, AEAD) ids.
    pub fn ids(self) -> (u16, u16, u16) {
        (self.kem.into(), self.kdf.into(), self.aead.into())
    }

    /// The symmetric part, as `ohttp` names it.
    pub(crate) fn symmetric(self) -> ohttp::SymmetricSuite {
        ohttp::SymmetricSuite::new(self.kdf, self.aead)
    }

    /// The unsupported-suite error for this suite.
    pub(crate) fn unsupported(self) -> Error {
        let (kem, kdf, aead) = self.ids();
        Error::UnsupportedSuite { kem, kdf, aead }
    }
}

/// Size of the encapsulated key (`enc`) for a KEM, in bytes.
pub fn enc_len(kem: Kem) -> usize {
    kem.n_enc()
}

/// Size of an encoded public key for a KEM, in bytes.
pub fn public_key_len(kem: Kem) -> usize {
    kem.n_pk()
}

/// One parsed key configuration, as a client sees it (public key only).
#[derive(Clone, PartialEq, Eq)]
pub struct KeyConfig {
    key_id: KeyId,
    kem_id: u16,
    public_key: Vec<u8>,
    symmetric: Vec<(u16, u16)>,
    encoded: Vec<u8>,
}

impl fmt::Debug for KeyConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyConfig")
            .field("key_id", &self.key_id)
            .field("kem_id", &format_args!("0x{:04x}", self.kem_id))
            .field("public_key_len", &self.public_key.len())
            .field("symmetric", &self.symmetric)
            .finish()
    }
}

impl KeyConfig {
    /// Parses one key configuration (without the list's length prefix).
    ///
    /// A configuration whose KEM Obscura does not know cannot be parsed, because its public key
    /// length is unknown; [`KeyConfigList::parse`] keeps such entries opaque instead.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader::new(bytes, "key configuration");
        let key_id = KeyId(r.u8()?);
        let kem_id = r.u16()?;
        let kem = Kem::try_from(kem_id).map_err(|_| Error::UnsupportedSuite {
            kem: kem_id,
            kdf: 0,
            aead: 0,
        })?;
        let public_key = r.take(public_key_len(kem))?.to_vec();
        let sym = r.u16_bytes("symmetric algorithms", MAX_SYMMETRIC_SUITES * 4)?;
        if sym.is_empty() || sym.len() % 4 != 0 {
            return Err(Error::Malformed {
                what: "key configuration",
                reason: "symmetric algorithms length must be a non-zero multiple of 4",
            });
        }
        let mut sr = Reader::new(sym, "symmetric algorithms");
        let mut symmetric = Vec::with_capacity(sym.len() / 4);
        while !sr.is_empty() {
            symmetric.push((sr.u16()?, sr.u16()?));
        }
        r.finish()?;
        Ok(Self {
            key_id,
            kem_id,
            public_key,
            symmetric,
            encoded: bytes.to_vec(),
        })
    }

    /// The key identifier.
    pub fn key_id(&self) -> KeyId {
        self.key_id
    }

    /// The raw HPKE KEM id.
    pub fn kem_id(&self) -> u16 {
        self.kem_id
    }

    /// The encoded public key.
    pub fn public_key(&self) -> &[u8] {
        &self.public_key
    }

    /// The (KDF, AEAD) id pairs offered, including ones Obscura does not support.
    pub fn symmetric(&self) -> &[(u16, u16)] {
        &self.symmetric
    }

    /// The encoding this was parsed from.
    pub fn encoded(&self) -> &[u8] {
        &self.encoded
    }

    /// The supported suites this configuration offers, in Obscura's preference order.
    pub fn supported_suites(&self) -> impl Iterator<Item = Suite> + '_ {
        Suite::SUPPORTED.into_iter().filter(|s| {
            let (kem, kdf, aead) = s.ids();
            kem == self.kem_id && self.symmetric.contains(&(kdf, aead))
        })
    }

    /// Encodes this configuration restricted to one suite, for `ohttp`'s client, which uses
    /// the first suite of a configuration.
    pub(crate) fn encode_with_only(&self, suite: Suite) -> Vec<u8> {
        let (_, kdf, aead) = suite.ids();
        let mut out = Vec::with_capacity(1 + 2 + self.public_key.len() + 2 + 4);
        out.push(self.key_id.0);
        out.extend_from_slice(&self.kem_id.to_be_bytes());
        out.extend_from_slice(&self.public_key);
        out.extend_from_slice(&4u16.to_be_bytes());
        out.extend_from_slice(&kdf.to_be_bytes());
        out.extend_from_slice(&aead.to_be_bytes());
        out
    }
}

/// An entry of a key-configuration list: parsed when its KEM is known, opaque otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyConfigEntry {
    /// A configuration with a KEM Obscura knows.
    Known(KeyConfig),
    /// A configuration with an unknown KEM, kept so that re-encoding is byte-exact.
    Unknown {
        /// Its key id.
        key_id: KeyId,
        /// Its KEM id.
        kem_id: u16,
    },
}

/// The `application/ohttp-keys` body (RFC 9458 §3.2): length-prefixed key configurations.
///
/// The exact bytes are kept, because they are what the attestation report binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyConfigList {
    encoded: Vec<u8>,
    entries: Vec<KeyConfigEntry>,
}

impl KeyConfigList {
    /// Parses and validates a list from hostile bytes.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        check_cap(
            "key configuration list",
            bytes.len(),
            MAX_KEY_CONFIG_LIST_BYTES,
        )?;
        let mut r = Reader::new(bytes, "key configuration list");
        let mut entries = Vec::new();
        while !r.is_empty() {
            let item = r.u16_bytes("key configuration", MAX_KEY_CONFIG_LIST_BYTES)?;
            if entries.len() == MAX_KEY_CONFIGS {
                return Err(Error::TooLarge {
                    what: "key configuration list",
                    len: (MAX_KEY_CONFIGS + 1) as u64,
                    max: MAX_KEY_CONFIGS as u64,
                });
            }
            let entry = match KeyConfig::parse(item) {
                Ok(config) => KeyConfigEntry::Known(config),
                Err(Error::UnsupportedSuite { kem, .. }) => {
                    let mut ir = Reader::new(item, "key configuration");
                    let key_id = KeyId(ir.u8()?);
                    KeyConfigEntry::Unknown {
                        key_id,
                        kem_id: kem,
                    }
                }
                Err(e) => return Err(e),
            };
            entries.push(entry);
        }
        if entries.is_empty() {
            return Err(Error::Malformed {
                what: "key configuration list",
                reason: "empty",
            });
        }
        Ok(Self {
            encoded: bytes.to_vec(),
            entries,
        })
    }

    /// Builds the list a gateway publishes for its keys.
    pub fn from_keys<'a>(keys: impl IntoIterator<Item = &'a GatewayKey>) -> Result<Self> {
        let mut encoded = Vec::new();
        for key in keys {
            let config = key.config_bytes();
            let len = u16::try_from(config.len()).map_err(|_| Error::TooLarge {
                what: "key configuration",
                len: config.len() as u64,
                max: u64::from(u16::MAX),
            })?;
            encoded.extend_from_slice(&len.to_be_bytes());
            encoded.extend_from_slice(config);
        }
        Self::parse(&encoded)
    }

    /// The exact encoded bytes.
    pub fn encoded(&self) -> &[u8] {
        &self.encoded
    }

    /// Every entry, in order.
    pub fn entries(&self) -> &[KeyConfigEntry] {
        &self.entries
    }

    /// The configurations Obscura can parse.
    pub fn known(&self) -> impl Iterator<Item = &KeyConfig> {
        self.entries.iter().filter_map(|e| match e {
            KeyConfigEntry::Known(c) => Some(c),
            KeyConfigEntry::Unknown { .. } => None,
        })
    }

    /// The configuration and suite a client should use: the most preferred supported suite
    /// of [`Suite::SUPPORTED`] that any configuration offers.
    pub fn select(&self) -> Result<(&KeyConfig, Suite)> {
        for wanted in Suite::SUPPORTED {
            for config in self.known() {
                if config.supported_suites().any(|s| s == wanted) {
                    return Ok((config, wanted));
                }
            }
        }
        Err(Error::NoSupportedKeyConfig)
    }

    /// Whether the list contains a configuration with this key id.
    pub fn contains(&self, key_id: KeyId) -> bool {
        self.entries.iter().any(|e| match e {
            KeyConfigEntry::Known(c) => c.key_id == key_id,
            KeyConfigEntry::Unknown { key_id: k, .. } => *k == key_id,
        })
    }
}

/// A gateway key pair with its configuration: lives only inside the enclave.
///
/// `Debug` shows the key id and KEM only; the private key never prints (STYLE rule 13).
pub struct GatewayKey {
    key_id: KeyId,
    kem: Kem,
    suites: Vec<Suite>,
    config: Vec<u8>,
    pub(crate) server: ohttp::Server,
}

impl fmt::Debug for GatewayKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GatewayKey")
            .field("key_id", &self.key_id)
            .field("kem", &self.kem)
            .field("suites", &self.suites)
            .finish_non_exhaustive()
    }
}

impl GatewayKey {
    /// Generates a fresh key pair for `kem` from the OS RNG, offering every supported suite
    /// with that KEM.
    pub fn generate(key_id: KeyId, kem: Kem) -> Result<Self> {
        let suites = suites_for(kem)?;
        let config = ohttp::KeyConfig::new(
            key_id.0,
            kem,
            suites.iter().map(|s| s.symmetric()).collect(),
        )
        .map_err(|_| Error::Crypto)?;
        Self::from_config(key_id, kem, suites, config)
    }

    /// Imports a raw private key (X25519: 32 bytes; X-Wing: the 32-byte seed), offering the
    /// given suites. Used for known-answer tests and for keys unsealed inside the enclave.
    pub fn import(
        key_id: KeyId,
        suites: &[Suite],
        private_key: &Zeroizing<Vec<u8>>,
    ) -> Result<Self> {
        let Some(first) = suites.first() else {
            return Err(Error::Malformed {
                what: "gateway key",
                reason: "no suites",
            });
        };
        let kem = first.kem;
        if let Some(other) = suites
            .iter()
            .find(|s| s.kem != kem || !Suite::SUPPORTED.contains(s))
        {
            return Err(other.unsupported());
        }
        let config = ohttp::KeyConfig::import(
            key_id.0,
            kem,
            suites.iter().map(|s| s.symmetric()).collect(),
            private_key,
        )
        .map_err(|_| Error::WrongLength {
            what: "private key",
            expected: 32,
            got: private_key.len(),
        })?;
        Self::from_config(key_id, kem, suites.to_vec(), config)
    }

    fn from_config(
        key_id: KeyId,
        kem: Kem,
        suites: Vec<Suite>,
        config: ohttp::KeyConfig,
    ) -> Result<Self> {
        let encoded = config.encode().map_err(|_| Error::Crypto)?;
        let server = ohttp::Server::new(config).map_err(|_| Error::Crypto)?;
        Ok(Self {
            key_id,
            kem,
            suites,
            config: encoded,
            server,
        })
    }

    /// The key id.
    pub fn key_id(&self) -> KeyId {
        self.key_id
    }

    /// The KEM.
    pub fn kem(&self) -> Kem {
        self.kem
    }

    /// The suites this key accepts.
    pub fn suites(&self) -> &[Suite] {
        &self.suites
    }

    /// The encoded key configuration (RFC 9458 §3.1), without a list length prefix.
    pub fn config_bytes(&self) -> &[u8] {
        &self.config
    }
}

fn suites_for(kem: Kem) -> Result<Vec<Suite>> {
    let suites: Vec<Suite> = Suite::SUPPORTED
        .into_iter()
        .filter(|s| s.kem == kem)
        .collect();
    if suites.is_empty() {
        Err(Error::UnsupportedSuite {
            kem: kem.into(),
            kdf: 0,
            aead: 0,
        })
    } else {
        Ok(suites)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list_bytes() -> Vec<u8> {
        let keys = [
            GatewayKey::generate(KeyId(1), Kem::XWing).unwrap(),
            GatewayKey::generate(KeyId(2), Kem::X25519Sha256).unwrap(),
        ];
        KeyConfigList::from_keys(&keys).unwrap().encoded().to_vec()
    }

    #[test]
    fn parse_encode_is_identity() {
        let bytes = list_bytes();
        let list = KeyConfigList::parse(&bytes).unwrap();
        assert_eq!(list.encoded(), bytes.as_slice());
        let ids: Vec<_> = list.known().map(KeyConfig::key_id).collect();
        assert_eq!(ids, vec![KeyId(1), KeyId(2)]);
        let first = list.known().next().unwrap();
        assert_eq!(first.kem_id(), 0x647a);
        assert_eq!(first.public_key().len(), 1216);
        assert_eq!(first.symmetric(), &[(1, 2)]);
    }

    #[test]
    fn every_truncation_is_detected() {
        let bytes = list_bytes();
        // Cuts at an entry boundary leave a shorter valid list; everything else is truncated.
        let boundary = 2 + usize::from(u16::from_be_bytes([bytes[0], bytes[1]]));
        for cut in 0..bytes.len() {
            let res = KeyConfigList::parse(&bytes[..cut]);
            match cut {
                0 => assert_eq!(
                    res.unwrap_err(),
                    Error::Malformed {
                        what: "key configuration list",
                        reason: "empty"
                    }
                ),
                c if c == boundary => assert_eq!(res.unwrap().entries().len(), 1),
                _ => assert!(
                    matches!(res, Err(Error::Truncated { .. })),
                    "cut {cut}: {res:?}"
                ),
            }
        }
    }

    #[test]
    fn unknown_kem_is_kept_opaque_and_skipped_by_select() {
        // A 10-byte config with the unknown KEM 0x0099, then a valid X25519 config.
        let mut bytes = vec![0x00, 10, 7, 0x00, 0x99, 1, 2, 3, 4, 5, 0x00, 0x04];
        let x = GatewayKey::generate(KeyId(2), Kem::X25519Sha256).unwrap();
        let cfg = x.config_bytes();
        bytes.extend_from_slice(&u16::try_from(cfg.len()).unwrap().to_be_bytes());
        bytes.extend_from_slice(cfg);
        let list = KeyConfigList::parse(&bytes).unwrap();
        assert_eq!(
            list.entries()[0],
            KeyConfigEntry::Unknown {
                key_id: KeyId(7),
                kem_id: 0x99
            }
        );
        assert!(list.contains(KeyId(7)));
        let (config, suite) = list.select().unwrap();
        assert_eq!(
            (config.key_id(), suite),
            (KeyId(2), Suite::X25519_AES256GCM)
        );
    }

    #[test]
    fn only_unsupported_suites_means_no_config() {
        // X25519 key offering only HKDF-SHA512 + AES-128-GCM.
        let x = GatewayKey::generate(KeyId(4), Kem::X25519Sha256).unwrap();
        let mut cfg = x.config_bytes()[..1 + 2 + 32].to_vec();
        cfg.extend_from_slice(&[0, 4, 0, 3, 0, 1]);
        let mut bytes = u16::try_from(cfg.len()).unwrap().to_be_bytes().to_vec();
        bytes.extend_from_slice(&cfg);
        let list = KeyConfigList::parse(&bytes).unwrap();
        assert_eq!(list.select().unwrap_err(), Error::NoSupportedKeyConfig);
    }

    #[test]
    fn bad_symmetric_lengths_and_trailing_bytes() {
        let x = GatewayKey::generate(KeyId(4), Kem::X25519Sha256).unwrap();
        let head = &x.config_bytes()[..1 + 2 + 32];
        let mut odd = head.to_vec();
        odd.extend_from_slice(&[0, 3, 0, 1, 0]);
        assert_eq!(
            KeyConfig::parse(&odd).unwrap_err(),
            Error::Malformed {
                what: "key configuration",
                reason: "symmetric algorithms length must be a non-zero multiple of 4"
            }
        );
        let mut trailing = x.config_bytes().to_vec();
        trailing.push(0);
        assert_eq!(
            KeyConfig::parse(&trailing).unwrap_err(),
            Error::TrailingBytes {
                what: "key configuration",
                count: 1
            }
        );
        let mut many = head.to_vec();
        many.extend_from_slice(&[0x01, 0x00]);
        many.extend(std::iter::repeat_n([0, 1, 0, 1], 64).flatten());
        assert_eq!(
            KeyConfig::parse(&many).unwrap_err(),
            Error::TooLarge {
                what: "symmetric algorithms",
                len: 256,
                max: 64
            }
        );
    }

    #[test]
    fn too_many_configs() {
        let x = GatewayKey::generate(KeyId(4), Kem::X25519Sha256).unwrap();
        let keys: Vec<&GatewayKey> = std::iter::repeat_n(&x, MAX_KEY_CONFIGS + 1).collect();
        assert_eq!(
            KeyConfigList::from_keys(keys).unwrap_err(),
            Error::TooLarge {
                what: "key configuration list",
                len: 17,
                max: 16
            }
        );
    }

    #[test]
    fn import_rejects_bad_keys_and_mixed_suites() {
        let short = Zeroizing::new(vec![1u8; 31]);
        assert_eq!(
            GatewayKey::import(KeyId(1), &[Suite::X25519_AES128GCM], &short).unwrap_err(),
            Error::WrongLength {
                what: "private key",
                expected: 32,
                got: 31
            }
        );
        let key = Zeroizing::new(vec![1u8; 32]);
        assert_eq!(
            GatewayKey::import(
                KeyId(1),
                &[Suite::X25519_AES128GCM, Suite::XWING_AES256GCM],
                &key
            )
            .unwrap_err(),
            Suite::XWING_AES256GCM.unsupported()
        );
        assert!(matches!(
            GatewayKey::import(KeyId(1), &[], &key),
            Err(Error::Malformed { .. })
        ));
    }

    #[test]
    fn gateway_key_debug_has_no_key_material() {
        let x = GatewayKey::generate(KeyId(4), Kem::X25519Sha256).unwrap();
        let dbg = format!("{x:?}");
        assert!(dbg.starts_with("GatewayKey { key_id: KeyId(4), kem: X25519Sha256"));
        assert!(!dbg.contains(&hex::encode(&x.config_bytes()[3..35])));
    }
}
