use std::{
    ops::Deref,
    panic::{RefUnwindSafe, UnwindSafe},
};

use ::hpke as rust_hpke;
use ::hpke::inout::InOutBuf;
use hpke::kem::DhP256HkdfSha256;
use log::trace;
use rust_hpke::{
    Deserializable, OpModeR, OpModeS, Serializable,
    aead::{
        Aead as AeadTrait, AeadCtxR, AeadCtxS, AeadTag, AesGcm128, AesGcm256, ChaCha20Poly1305,
    },
    kdf::{HkdfSha256, Kdf as KdfTrait},
    kem::{Kem as KemTrait, X25519HkdfSha256, XWing},
    setup_receiver, setup_sender,
};

use super::SymKey;
use crate::{
    Error, Res,
    crypto::{Decrypt, Encrypt},
    hpke::{Aead, Kdf, Kem},
};

/// Configuration for `Hpke`.
#[derive(Clone, Copy)]
pub struct Config {
    kem: Kem,
    kdf: Kdf,
    aead: Aead,
}

impl Config {
    pub fn new(kem: Kem, kdf: Kdf, aead: Aead) -> Self {
        Self { kem, kdf, aead }
    }

    pub fn kem(self) -> Kem {
        self.kem
    }

    pub fn kdf(self) -> Kdf {
        self.kdf
    }

    pub fn aead(self) -> Aead {
        self.aead
    }

    pub fn supported(self) -> bool {
        matches!(self.kem, Kem::X25519Sha256 | Kem::P256Sha256 | Kem::XWing)
            && self.kdf == Kdf::HkdfSha256
            // OBSCURA-PATCH: AES-256-GCM added.
            && matches!(
                self.aead,
                Aead::Aes128Gcm | Aead::Aes256Gcm | Aead::ChaCha20Poly1305
            )
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            kem: Kem::X25519Sha256,
            kdf: Kdf::HkdfSha256,
            aead: Aead::Aes128Gcm,
        }
    }
}

#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum PublicKey {
    X25519(<X25519HkdfSha256 as KemTrait>::PublicKey),
    P256(<DhP256HkdfSha256 as KemTrait>::PublicKey),
    XWing(<XWing as KemTrait>::PublicKey),
}

impl PublicKey {
    #[allow(clippy::unnecessary_wraps)]
    pub fn key_data(&self) -> Res<Vec<u8>> {
        Ok(match self {
            Self::X25519(k) => Vec::from(k.to_bytes().as_slice()),
            Self::P256(k) => Vec::from(k.to_bytes().as_slice()),
            Self::XWing(k) => Vec::from(k.to_bytes().as_slice()),
        })
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if let Ok(b) = self.key_data() {
            write!(f, "PublicKey {}", hex::encode(b))
        } else {
            write!(f, "Opaque PublicKey")
        }
    }
}

#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum PrivateKey {
    X25519(<X25519HkdfSha256 as KemTrait>::PrivateKey),
    P256(<DhP256HkdfSha256 as KemTrait>::PrivateKey),
    XWing(<XWing as KemTrait>::PrivateKey),
}

impl PrivateKey {
    #[allow(clippy::unnecessary_wraps)]
    pub fn key_data(&self) -> Res<Vec<u8>> {
        Ok(match self {
            Self::X25519(k) => Vec::from(k.to_bytes().as_slice()),
            Self::P256(k) => Vec::from(k.to_bytes().as_slice()),
            Self::XWing(k) => Vec::from(k.to_bytes().as_slice()),
        })
    }
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if cfg!(feature = "unsafe-print-secrets") {
            if let Ok(b) = self.key_data() {
                return write!(f, "PrivateKey {}", hex::encode(b));
            }
        }
        write!(f, "Opaque PrivateKey")
    }
}

// OBSCURA-PATCH: the hand-expanded `SenderContext*`/`ReceiverContext*` enums
// (one variant per KEM x KDF x AEAD) are replaced by two private object-safe
// traits, implemented generically for the `hpke` crate's context types and
// boxed.  This is what allows AES-256-GCM to be added without another set of
// variants.  The auto traits of `HpkeS`/`HpkeR` are preserved by the
// supertraits (see the `auto_traits` test).

/// The sender side of an HPKE context: seal and export.
trait SenderContext: Send + Sync + UnwindSafe + RefUnwindSafe {
    /// Encrypt `plaintext` in place and return the detached tag.
    fn seal(&mut self, plaintext: &mut [u8], aad: &[u8]) -> Res<Vec<u8>>;
    fn export(&self, info: &[u8], out_buf: &mut [u8]) -> Res<()>;
}

impl<A, K, M> SenderContext for AeadCtxS<A, K, M>
where
    A: AeadTrait,
    K: KdfTrait,
    M: KemTrait,
    Self: Send + Sync + UnwindSafe + RefUnwindSafe,
{
    fn seal(&mut self, plaintext: &mut [u8], aad: &[u8]) -> Res<Vec<u8>> {
        let tag = self.seal_inout_detached(InOutBuf::from(plaintext), aad)?;
        Ok(Vec::from(tag.to_bytes().as_slice()))
    }

    fn export(&self, info: &[u8], out_buf: &mut [u8]) -> Res<()> {
        AeadCtxS::export(self, info, out_buf)?;
        Ok(())
    }
}

/// Set up a sender context for a given AEAD and KEM (the KDF is always HKDF-SHA256).
fn setup_s<A, M>(pk_r: &M::PublicKey, info: &[u8]) -> Res<(Box<dyn SenderContext>, Vec<u8>)>
where
    A: AeadTrait + 'static,
    M: KemTrait + 'static,
    AeadCtxS<A, HkdfSha256, M>: SenderContext,
{
    let (enc, context) = setup_sender::<A, HkdfSha256, M>(&OpModeS::Base, pk_r, info)?;
    Ok((Box::new(context), Vec::from(enc.to_bytes().as_slice())))
}

/// Dispatch on the AEAD for a sender context with a statically-known KEM.
fn setup_s_aead<M>(
    aead: Aead,
    pk_r: &M::PublicKey,
    info: &[u8],
) -> Res<(Box<dyn SenderContext>, Vec<u8>)>
where
    M: KemTrait + 'static,
    AeadCtxS<AesGcm128, HkdfSha256, M>: SenderContext,
    AeadCtxS<AesGcm256, HkdfSha256, M>: SenderContext,
    AeadCtxS<ChaCha20Poly1305, HkdfSha256, M>: SenderContext,
{
    match aead {
        Aead::Aes128Gcm => setup_s::<AesGcm128, M>(pk_r, info),
        Aead::Aes256Gcm => setup_s::<AesGcm256, M>(pk_r, info),
        Aead::ChaCha20Poly1305 => setup_s::<ChaCha20Poly1305, M>(pk_r, info),
    }
}

pub trait Exporter {
    fn export(&self, info: &[u8], len: usize) -> Res<SymKey>;
}

#[allow(clippy::module_name_repetitions)]
pub struct HpkeS {
    context: Box<dyn SenderContext>,
    enc: Vec<u8>,
    config: Config,
}

impl HpkeS {
    /// Create a new context that uses the KEM mode for sending.
    pub fn new(config: Config, pk_r: &PublicKey, info: &[u8]) -> Res<Self> {
        if config.kdf != Kdf::HkdfSha256 {
            return Err(Error::InvalidKeyType);
        }
        let (context, enc) = match (config.kem, pk_r) {
            (Kem::X25519Sha256, PublicKey::X25519(pk_r)) => {
                setup_s_aead::<X25519HkdfSha256>(config.aead, pk_r, info)?
            }
            (Kem::P256Sha256, PublicKey::P256(pk_r)) => {
                setup_s_aead::<DhP256HkdfSha256>(config.aead, pk_r, info)?
            }
            (Kem::XWing, PublicKey::XWing(pk_r)) => setup_s_aead::<XWing>(config.aead, pk_r, info)?,
            _ => return Err(Error::InvalidKeyType),
        };

        Ok(Self {
            context,
            enc,
            config,
        })
    }

    pub fn config(&self) -> Config {
        self.config
    }

    /// Get the encapsulated KEM secret.
    #[allow(clippy::unnecessary_wraps)]
    pub fn enc(&self) -> Res<Vec<u8>> {
        Ok(self.enc.clone())
    }
}

impl HpkeS {
    /// OBSCURA-PATCH: seal `pt` straight into the end of `out` (one copy of the plaintext,
    /// no reallocation when `out` has room for the plaintext and the tag).
    pub fn seal_into(&mut self, aad: &[u8], pt: &[u8], out: &mut Vec<u8>) -> Res<()> {
        let start = out.len();
        out.extend_from_slice(pt);
        let tag = self.context.seal(&mut out[start..], aad)?;
        out.extend_from_slice(&tag);
        Ok(())
    }
}

impl Encrypt for HpkeS {
    fn seal(&mut self, aad: &[u8], pt: &[u8]) -> Res<Vec<u8>> {
        // OBSCURA-PATCH: reserve room for the tag so appending it does not reallocate.
        let mut buf = Vec::with_capacity(pt.len() + self.config.aead().n_t());
        self.seal_into(aad, pt, &mut buf)?;
        Ok(buf)
    }

    fn alg(&self) -> Aead {
        self.config.aead()
    }
}

impl Exporter for HpkeS {
    fn export(&self, info: &[u8], len: usize) -> Res<SymKey> {
        let mut buf = vec![0; len];
        self.context.export(info, &mut buf)?;
        Ok(SymKey::from(buf))
    }
}

impl Deref for HpkeS {
    type Target = Config;
    fn deref(&self) -> &Self::Target {
        &self.config
    }
}

/// The receiver side of an HPKE context: open and export.
trait ReceiverContext: Send + Sync + UnwindSafe + RefUnwindSafe {
    /// Decrypt `ciphertext` (which ends with the tag) in place; returns the plaintext.
    fn open<'a>(&mut self, ciphertext: &'a mut [u8], aad: &[u8]) -> Res<&'a [u8]>;
    fn export(&self, info: &[u8], out_buf: &mut [u8]) -> Res<()>;
}

impl<A, K, M> ReceiverContext for AeadCtxR<A, K, M>
where
    A: AeadTrait,
    K: KdfTrait,
    M: KemTrait,
    Self: Send + Sync + UnwindSafe + RefUnwindSafe,
{
    fn open<'a>(&mut self, ciphertext: &'a mut [u8], aad: &[u8]) -> Res<&'a [u8]> {
        let tag_len = AeadTag::<A>::size();
        if ciphertext.len() < tag_len {
            return Err(Error::Truncated);
        }
        let (ct, tag_slice) = ciphertext.split_at_mut(ciphertext.len() - tag_len);
        let mut ct = InOutBuf::from(ct);
        let tag = AeadTag::<A>::from_bytes(tag_slice)?;
        self.open_inout_detached(ct.reborrow(), aad, &tag)?;
        Ok(ct.into_out())
    }

    fn export(&self, info: &[u8], out_buf: &mut [u8]) -> Res<()> {
        AeadCtxR::export(self, info, out_buf)?;
        Ok(())
    }
}

/// Set up a receiver context for a given AEAD and KEM (the KDF is always HKDF-SHA256).
fn setup_r<A, M>(sk_r: &M::PrivateKey, enc: &[u8], info: &[u8]) -> Res<Box<dyn ReceiverContext>>
where
    A: AeadTrait + 'static,
    M: KemTrait + 'static,
    AeadCtxR<A, HkdfSha256, M>: ReceiverContext,
{
    let enc = M::EncappedKey::from_bytes(enc)?;
    let context = setup_receiver::<A, HkdfSha256, M>(&OpModeR::Base, sk_r, &enc, info)?;
    Ok(Box::new(context))
}

/// Dispatch on the AEAD for a receiver context with a statically-known KEM.
fn setup_r_aead<M>(
    aead: Aead,
    sk_r: &M::PrivateKey,
    enc: &[u8],
    info: &[u8],
) -> Res<Box<dyn ReceiverContext>>
where
    M: KemTrait + 'static,
    AeadCtxR<AesGcm128, HkdfSha256, M>: ReceiverContext,
    AeadCtxR<AesGcm256, HkdfSha256, M>: ReceiverContext,
    AeadCtxR<ChaCha20Poly1305, HkdfSha256, M>: ReceiverContext,
{
    match aead {
        Aead::Aes128Gcm => setup_r::<AesGcm128, M>(sk_r, enc, info),
        Aead::Aes256Gcm => setup_r::<AesGcm256, M>(sk_r, enc, info),
        Aead::ChaCha20Poly1305 => setup_r::<ChaCha20Poly1305, M>(sk_r, enc, info),
    }
}

#[allow(clippy::module_name_repetitions)]
pub struct HpkeR {
    context: Box<dyn ReceiverContext>,
    config: Config,
}

impl HpkeR {
    /// Create a new context that uses the KEM mode for sending.
    #[allow(clippy::similar_names)]
    pub fn new(
        config: Config,
        _pk_r: &PublicKey,
        sk_r: &PrivateKey,
        enc: &[u8],
        info: &[u8],
    ) -> Res<Self> {
        if config.kdf != Kdf::HkdfSha256 {
            return Err(Error::InvalidKeyType);
        }
        let context = match (config.kem, sk_r) {
            (Kem::X25519Sha256, PrivateKey::X25519(sk_r)) => {
                setup_r_aead::<X25519HkdfSha256>(config.aead, sk_r, enc, info)?
            }
            (Kem::P256Sha256, PrivateKey::P256(sk_r)) => {
                setup_r_aead::<DhP256HkdfSha256>(config.aead, sk_r, enc, info)?
            }
            (Kem::XWing, PrivateKey::XWing(sk_r)) => {
                setup_r_aead::<XWing>(config.aead, sk_r, enc, info)?
            }
            _ => return Err(Error::InvalidKeyType),
        };

        Ok(Self { context, config })
    }

    pub fn config(&self) -> Config {
        self.config
    }

    pub fn decode_public_key(kem: Kem, k: &[u8]) -> Res<PublicKey> {
        Ok(match kem {
            Kem::X25519Sha256 => {
                PublicKey::X25519(<X25519HkdfSha256 as KemTrait>::PublicKey::from_bytes(k)?)
            }
            Kem::P256Sha256 => {
                PublicKey::P256(<DhP256HkdfSha256 as KemTrait>::PublicKey::from_bytes(k)?)
            }
            Kem::XWing => PublicKey::XWing(<XWing as KemTrait>::PublicKey::from_bytes(k)?),
        })
    }
}

impl Decrypt for HpkeR {
    fn open(&mut self, aad: &[u8], ct: &[u8]) -> Res<Vec<u8>> {
        let mut buf = ct.to_owned();
        let pt_len = self.context.open(&mut buf, aad)?.len();
        buf.truncate(pt_len);
        Ok(buf)
    }

    fn alg(&self) -> Aead {
        self.config.aead()
    }
}

impl Exporter for HpkeR {
    fn export(&self, info: &[u8], len: usize) -> Res<SymKey> {
        let mut buf = vec![0; len];
        self.context.export(info, &mut buf)?;
        Ok(SymKey::from(buf))
    }
}

impl Deref for HpkeR {
    type Target = Config;
    fn deref(&self) -> &Self::Target {
        &self.config
    }
}

/// Generate a key pair for the identified KEM.
#[allow(clippy::unnecessary_wraps)]
pub fn generate_key_pair(kem: Kem) -> Res<(PrivateKey, PublicKey)> {
    let (sk, pk) = match kem {
        Kem::X25519Sha256 => {
            let (sk, pk) = X25519HkdfSha256::gen_keypair();
            (PrivateKey::X25519(sk), PublicKey::X25519(pk))
        }
        Kem::P256Sha256 => {
            let (sk, pk) = DhP256HkdfSha256::gen_keypair();
            (PrivateKey::P256(sk), PublicKey::P256(pk))
        }
        Kem::XWing => {
            let (sk, pk) = XWing::gen_keypair();
            (PrivateKey::XWing(sk), PublicKey::XWing(pk))
        }
    };
    // OBSCURA-PATCH: never log the private key (not even its opaque `Debug`).
    trace!("Generated key pair: kem={kem:?} pk={pk:?}");
    Ok((sk, pk))
}

#[allow(clippy::unnecessary_wraps)]
pub fn derive_key_pair(kem: Kem, ikm: &[u8]) -> Res<(PrivateKey, PublicKey)> {
    let (sk, pk) = match kem {
        Kem::X25519Sha256 => {
            let (sk, pk) = X25519HkdfSha256::derive_keypair(ikm);
            (PrivateKey::X25519(sk), PublicKey::X25519(pk))
        }
        Kem::P256Sha256 => {
            let (sk, pk) = DhP256HkdfSha256::derive_keypair(ikm);
            (PrivateKey::P256(sk), PublicKey::P256(pk))
        }
        Kem::XWing => {
            let (sk, pk) = XWing::derive_keypair(ikm);
            (PrivateKey::XWing(sk), PublicKey::XWing(pk))
        }
    };
    // OBSCURA-PATCH: never log the private key or the IKM.
    trace!("Derived key pair: kem={kem:?} pk={pk:?}");
    Ok((sk, pk))
}

/// OBSCURA-PATCH: import a serialized KEM private key and compute its public key.
///
/// `sk` is the private key as serialized by the `hpke` crate: 32 bytes for
/// X25519 and P-256 (a scalar in `[1, n)`), and the 32-byte seed for X-Wing.
/// A key of the wrong size or an invalid key yields `Error::Hpke`.
pub fn import_key_pair(kem: Kem, sk: &[u8]) -> Res<(PrivateKey, PublicKey)> {
    fn import<M: KemTrait>(sk: &[u8]) -> Res<(M::PrivateKey, M::PublicKey)> {
        let sk = M::PrivateKey::from_bytes(sk)?;
        let pk = M::sk_to_pk(&sk);
        Ok((sk, pk))
    }

    let (sk, pk) = match kem {
        Kem::X25519Sha256 => {
            let (sk, pk) = import::<X25519HkdfSha256>(sk)?;
            (PrivateKey::X25519(sk), PublicKey::X25519(pk))
        }
        Kem::P256Sha256 => {
            let (sk, pk) = import::<DhP256HkdfSha256>(sk)?;
            (PrivateKey::P256(sk), PublicKey::P256(pk))
        }
        Kem::XWing => {
            let (sk, pk) = import::<XWing>(sk)?;
            (PrivateKey::XWing(sk), PublicKey::XWing(pk))
        }
    };
    trace!("Imported key pair: kem={kem:?} pk={pk:?}");
    Ok((sk, pk))
}

#[cfg(test)]
mod test {
    use super::{
        Config, Exporter, HpkeR, HpkeS, derive_key_pair, generate_key_pair, import_key_pair,
    };
    use crate::{
        Error,
        crypto::{Decrypt, Encrypt},
        hpke::{Aead, Kdf, Kem},
        init,
    };

    const INFO: &[u8] = b"info";
    const AAD: &[u8] = b"aad";
    const PT: &[u8] = b"message";

    #[allow(clippy::similar_names)] // for sk_x and pk_x
    #[test]
    fn make() {
        init();
        let cfg = Config::default();
        let (sk_r, pk_r) = generate_key_pair(cfg.kem()).unwrap();
        let hpke_s = HpkeS::new(cfg, &pk_r, INFO).unwrap();
        let _hpke_r = HpkeR::new(cfg, &pk_r, &sk_r, &hpke_s.enc().unwrap(), INFO).unwrap();
    }

    #[allow(clippy::similar_names)] // for sk_x and pk_x
    fn seal_open(aead: Aead, kem: Kem) {
        // Setup
        init();
        let cfg = Config {
            kem,
            aead,
            ..Config::default()
        };
        assert!(cfg.supported());
        let (sk_r, pk_r) = generate_key_pair(cfg.kem()).unwrap();

        // Send
        let mut hpke_s = HpkeS::new(cfg, &pk_r, INFO).unwrap();
        let enc = hpke_s.enc().unwrap();
        let ct = hpke_s.seal(AAD, PT).unwrap();

        // Receive
        let mut hpke_r = HpkeR::new(cfg, &pk_r, &sk_r, &enc, INFO).unwrap();
        let pt = hpke_r.open(AAD, &ct).unwrap();
        assert_eq!(&pt[..], PT);

        // OBSCURA-PATCH: both sides export the same secret.
        let exp_s = Exporter::export(&hpke_s, b"exp", 32).unwrap();
        let exp_r = Exporter::export(&hpke_r, b"exp", 32).unwrap();
        assert_eq!(exp_s.key_data().unwrap(), exp_r.key_data().unwrap());

        // A truncated ciphertext is rejected without panicking.
        let mut hpke_r = HpkeR::new(cfg, &pk_r, &sk_r, &enc, INFO).unwrap();
        assert!(matches!(
            hpke_r.open(AAD, &ct[..aead.n_t() - 1]),
            Err(Error::Truncated)
        ));
    }

    #[test]
    fn seal_open_gcm() {
        seal_open(Aead::Aes128Gcm, Kem::X25519Sha256);
    }

    #[test]
    fn seal_open_chacha() {
        seal_open(Aead::ChaCha20Poly1305, Kem::X25519Sha256);
    }

    #[test]
    fn seal_open_gcm_p256() {
        seal_open(Aead::Aes128Gcm, Kem::P256Sha256);
    }

    #[test]
    fn seal_open_chacha_p256() {
        seal_open(Aead::ChaCha20Poly1305, Kem::P256Sha256);
    }

    #[test]
    fn seal_open_gcm_xwing() {
        seal_open(Aead::Aes128Gcm, Kem::XWing);
    }

    #[test]
    fn seal_open_chacha_xwing() {
        seal_open(Aead::ChaCha20Poly1305, Kem::XWing);
    }

    // OBSCURA-PATCH: AES-256-GCM for every KEM.
    #[test]
    fn seal_open_gcm256() {
        seal_open(Aead::Aes256Gcm, Kem::X25519Sha256);
    }

    #[test]
    fn seal_open_gcm256_p256() {
        seal_open(Aead::Aes256Gcm, Kem::P256Sha256);
    }

    #[test]
    fn seal_open_gcm256_xwing() {
        seal_open(Aead::Aes256Gcm, Kem::XWing);
    }

    /// OBSCURA-PATCH: unsupported KDFs and a KEM/key mismatch are still
    /// rejected with `InvalidKeyType`, as before the refactoring.
    #[allow(clippy::similar_names)] // for sk_x and pk_x
    #[test]
    fn reject_unsupported() {
        init();
        let (sk_r, pk_r) = generate_key_pair(Kem::X25519Sha256).unwrap();
        let sha384 = Config::new(Kem::X25519Sha256, Kdf::HkdfSha384, Aead::Aes256Gcm);
        assert!(!sha384.supported());
        assert!(matches!(
            HpkeS::new(sha384, &pk_r, INFO),
            Err(Error::InvalidKeyType)
        ));
        let enc = HpkeS::new(Config::default(), &pk_r, INFO)
            .unwrap()
            .enc()
            .unwrap();
        assert!(matches!(
            HpkeR::new(sha384, &pk_r, &sk_r, &enc, INFO),
            Err(Error::InvalidKeyType)
        ));
        let xwing = Config::new(Kem::XWing, Kdf::HkdfSha256, Aead::Aes256Gcm);
        assert!(matches!(
            HpkeS::new(xwing, &pk_r, INFO),
            Err(Error::InvalidKeyType)
        ));
        assert!(matches!(
            HpkeR::new(xwing, &pk_r, &sk_r, &enc, INFO),
            Err(Error::InvalidKeyType)
        ));
    }

    /// OBSCURA-PATCH: the boxed contexts keep the auto traits that the
    /// hand-expanded enums had.
    #[test]
    fn auto_traits() {
        fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe + Unpin>() {}
        check::<HpkeS>();
        check::<HpkeR>();
    }

    /// OBSCURA-PATCH: importing a serialized private key yields the same key pair.
    #[test]
    fn import_roundtrip() {
        init();
        for kem in [Kem::X25519Sha256, Kem::P256Sha256, Kem::XWing] {
            let (sk, pk) = derive_key_pair(kem, b"some input keying material").unwrap();
            let sk_bytes = sk.key_data().unwrap();
            assert_eq!(sk_bytes.len(), 32);
            let (sk2, pk2) = import_key_pair(kem, &sk_bytes).unwrap();
            assert_eq!(sk2.key_data().unwrap(), sk_bytes);
            assert_eq!(pk2.key_data().unwrap(), pk.key_data().unwrap());

            // Wrong sizes are errors, not panics.
            assert!(matches!(
                import_key_pair(kem, &sk_bytes[..31]),
                Err(Error::Hpke(_))
            ));
            assert!(matches!(import_key_pair(kem, &[]), Err(Error::Hpke(_))));
            let mut long = sk_bytes.clone();
            long.push(0);
            assert!(matches!(import_key_pair(kem, &long), Err(Error::Hpke(_))));
        }

        // Invalid P-256 scalars (zero and >= the group order) are rejected.
        assert!(matches!(
            import_key_pair(Kem::P256Sha256, &[0; 32]),
            Err(Error::Hpke(_))
        ));
        assert!(matches!(
            import_key_pair(Kem::P256Sha256, &[0xff; 32]),
            Err(Error::Hpke(_))
        ));
    }
}
