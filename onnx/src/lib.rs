//! The pinned ONNX Runtime and digest-checked model loading, shared by every model stage
//! (image pipeline, text sanitizer, caption models).
//!
//! ONNX Runtime is loaded once per process from the pinned `libonnxruntime.so` with
//! [`ort::init_from`], which returns an error instead of panicking. The library is checked
//! against [`ORT_LIBRARY`] and then loaded by path: the dynamic loader has to map the file
//! itself, so a swap between the check and `dlopen` is not excluded (in the CVM the file is
//! part of the measured image).
//!
//! Models are read once into memory, checked against their pinned SHA-256, and those same
//! bytes are handed to ONNX Runtime ([`read_verified`] then [`session_from_memory`]): no second
//! read between check and use.
//!
//! Sessions run single-threaded with spin-waiting off: on a shared 2-core machine that was as
//! fast as two spinning threads and never 2× slower. Concurrency comes from running several
//! requests (and stages) at once, not from threads inside one model. A caller that knows it
//! has the machine to itself can keep a second, multi-threaded session of the same model
//! ([`session_with_threads`]).

pub mod wire;

use std::io::Read as _;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use obscura_protocol::api::Digest32;
use ort::environment::Environment;
use ort::session::Session;
use ort::session::builder::{GraphOptimizationLevel, SessionBuilder};
use sha2::{Digest as _, Sha256};

/// Environment variable naming the assets directory (as `cargo xtask` sets it).
pub const ASSETS_ENV: &str = "OBSCURA_ASSETS";

/// ONNX Runtime shared library relative to the assets directory, and its SHA-256 (the file
/// `cargo xtask setup` extracts from the pinned `onnxruntime` wheel).
pub const ORT_LIBRARY: (&str, &str) = (
    "ort/libonnxruntime.so.1.31.1",
    "fc44112fbe06d7d689c57e11d3862031f64711007e4ee020f8eed5185fd2c1d3",
);

/// Largest asset file read into memory for hashing (the runtime is 29 MB).
pub const MAX_ASSET_BYTES: u64 = 128 * 1024 * 1024;

/// Everything that can go wrong loading the runtime or a model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A pinned asset could not be read.
    #[error("asset {name} could not be read: {kind:?}")]
    AssetUnreadable {
        /// The asset's path relative to the assets directory.
        name: String,
        /// The I/O error kind.
        kind: std::io::ErrorKind,
    },
    /// A pinned asset's SHA-256 differs from the manifest.
    #[error("asset {name} has SHA-256 {got}, pinned {expected}")]
    AssetDigestMismatch {
        /// The asset's path relative to the assets directory.
        name: String,
        /// The pinned digest.
        expected: Digest32,
        /// The digest of the file found.
        got: Digest32,
    },
    /// ONNX Runtime could not be loaded or initialised.
    #[error("onnx runtime: {detail}")]
    Runtime {
        /// The runtime's message (about the library, never about input).
        detail: String,
    },
    /// A session could not be created from a model.
    #[error("model {name}: {detail}")]
    Session {
        /// The asset's path relative to the assets directory.
        name: String,
        /// The runtime's message.
        detail: String,
    },
}

/// The assets directory named by [`ASSETS_ENV`], if set.
pub fn assets_from_env() -> Option<std::path::PathBuf> {
    std::env::var_os(ASSETS_ENV).map(std::path::PathBuf::from)
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> Digest32 {
    Digest32(Sha256::digest(bytes).into())
}

/// Reads `assets/name` (at most [`MAX_ASSET_BYTES`]) and checks its SHA-256 against
/// `expected_hex`; returns the bytes and their digest.
pub fn read_verified(
    assets: &Path,
    name: &str,
    expected_hex: &str,
) -> Result<(Vec<u8>, Digest32), Error> {
    let unreadable = |kind: std::io::ErrorKind| Error::AssetUnreadable {
        name: name.to_owned(),
        kind,
    };
    let mut expected = [0u8; 32];
    hex::decode_to_slice(expected_hex, &mut expected)
        .map_err(|_| unreadable(std::io::ErrorKind::InvalidData))?;
    let bytes = read_capped(&assets.join(name)).map_err(|e| unreadable(e.kind()))?;
    let got = sha256(&bytes);
    let expected = Digest32(expected);
    if got != expected {
        return Err(Error::AssetDigestMismatch {
            name: name.to_owned(),
            expected,
            got,
        });
    }
    Ok((bytes, got))
}

/// Reads a whole file of at most [`MAX_ASSET_BYTES`] (for operator-supplied models whose
/// digest is measured rather than pinned); a longer file is an `InvalidData` error.
pub fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_ASSET_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_ASSET_BYTES {
        return Err(std::io::ErrorKind::InvalidData.into());
    }
    Ok(bytes)
}

/// The process-wide ONNX Runtime environment (ort allows one per process).
///
/// The first *successful* call decides the library: it is checked against [`ORT_LIBRARY`],
/// then loaded with [`ort::init_from`]. Later calls return the same environment whatever
/// their `assets`; a failed attempt is not cached, so a later call with good assets works.
pub fn runtime(assets: &Path) -> Result<&'static Environment, Error> {
    static ENV: OnceLock<Environment> = OnceLock::new();
    static INIT: Mutex<()> = Mutex::new(());
    if let Some(env) = ENV.get() {
        return Ok(env);
    }
    let _guard = INIT.lock().map_err(|_| Error::Runtime {
        detail: "init lock poisoned".to_owned(),
    })?;
    if let Some(env) = ENV.get() {
        return Ok(env);
    }
    let (name, expected) = ORT_LIBRARY;
    // Checked here, then loaded by path: the library must be mapped by the dynamic loader.
    drop(read_verified(assets, name, expected)?);
    let env = ort::init_from(assets.join(name))
        .map_err(|e| Error::Runtime {
            detail: e.to_string(),
        })?
        .with_name("obscura")
        .build()
        .map_err(|e| Error::Runtime {
            detail: e.to_string(),
        })?;
    Ok(ENV.get_or_init(|| env))
}

/// Creates a session from model bytes with Obscura's settings: full graph optimisation, one
/// intra-op and one inter-op thread, no spin-waiting. `name` only labels errors.
pub fn session_from_memory(env: &Environment, name: &str, bytes: &[u8]) -> Result<Session, Error> {
    session_with_threads(env, name, bytes, 1)
}

/// As [`session_from_memory`] with `intra_threads` intra-op threads (at least 1; spin-waiting
/// stays off, so idle threads cost nothing while another session runs).
pub fn session_with_threads(
    env: &Environment,
    name: &str,
    bytes: &[u8],
    intra_threads: usize,
) -> Result<Session, Error> {
    let fail = |detail: String| Error::Session {
        name: name.to_owned(),
        detail,
    };
    let built =
        |r: Result<SessionBuilder, ort::Error<SessionBuilder>>| r.map_err(|e| fail(e.to_string()));
    let builder = Session::builder(env).map_err(|e| fail(e.to_string()))?;
    let builder = built(builder.with_optimization_level(GraphOptimizationLevel::All))?;
    let builder = built(builder.with_intra_threads(intra_threads.max(1)))?;
    let builder = built(builder.with_inter_threads(1))?;
    let builder = built(builder.with_intra_op_spinning(false))?;
    let mut builder = built(builder.with_inter_op_spinning(false))?;
    builder
        .commit_from_memory(bytes)
        .map_err(|e| fail(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_mismatch_and_missing_file_are_typed() {
        let dir = std::env::temp_dir().join(format!("obscura-onnx-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("m.onnx"), b"not a model").unwrap();
        let zero = "00".repeat(32);
        match read_verified(&dir, "m.onnx", &zero) {
            Err(Error::AssetDigestMismatch { name, got, .. }) => {
                assert_eq!(name, "m.onnx");
                assert_eq!(got, sha256(b"not a model"));
            }
            other => panic!("expected a digest mismatch, got {other:?}"),
        }
        match read_verified(&dir, "absent.onnx", &zero) {
            Err(Error::AssetUnreadable { kind, .. }) => {
                assert_eq!(kind, std::io::ErrorKind::NotFound);
            }
            other => panic!("expected unreadable, got {other:?}"),
        }
        let right = hex::encode(sha256(b"not a model").0);
        let (bytes, _) = read_verified(&dir, "m.onnx", &right).unwrap();
        assert_eq!(bytes, b"not a model");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
