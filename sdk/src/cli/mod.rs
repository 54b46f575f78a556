//! The `obscura` subcommands, one module each (`caption`, `demo`, `keys`, `verify`, `report show`), plus the
//! shared input readers ([`input`]) and the TOML policy file ([`policy_file`]).

/// Appends one formatted line to a `String` (formatting into a `String` cannot fail).
macro_rules! line {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

pub(crate) mod caption;
pub(crate) mod demo;
pub(crate) mod input;
pub(crate) mod keys;
pub(crate) mod policy_file;
pub(crate) mod show;
pub(crate) mod verify;

use std::io::Write;
use std::path::PathBuf;

/// Writes `text` to stdout; a closed pipe (`obscura ... | head`) is not an error.
pub(crate) fn emit(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Stdout(e)),
        _ => Ok(()),
    }
}

/// Errors of the CLI. [`Error::Usage`] and [`Error::Policy`] exit with 2, everything else
/// with 1.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// The arguments cannot work (a v2 report without `--product`, a bad `--at`, ...).
    #[error("{0}")]
    Usage(String),
    /// A file could not be read.
    #[error("reading {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file is larger than the cap for its kind.
    #[error("{} is larger than {limit} bytes", path.display())]
    TooLarge { path: PathBuf, limit: u64 },
    /// A certificate or CRL file is neither PEM nor DER of the expected type.
    #[error("{}: not a valid {what}", path.display())]
    Decode { path: PathBuf, what: &'static str },
    /// The policy file is not valid.
    #[error("policy file {}: {reason}", path.display())]
    Policy { path: PathBuf, reason: String },
    /// Collateral could not be obtained from the KDS or its cache.
    #[error("{what}")]
    Kds {
        what: &'static str,
        #[source]
        source: obscura_attestation::Error,
    },
    /// Decoding or verification failed outside the check list.
    #[error(transparent)]
    Attestation(#[from] obscura_attestation::Error),
    /// Writing JSON failed.
    #[error("encoding JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing the output failed.
    #[error("writing to stdout: {0}")]
    Stdout(std::io::Error),
    /// A step of `obscura demo` failed (child processes, TLS set-up, an image).
    #[error("demo: {0}")]
    Demo(String),
    /// The async runtime could not start.
    #[error("starting the runtime: {0}")]
    Runtime(std::io::Error),
}
