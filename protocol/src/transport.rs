//! Where an enclave replica listens and where the host reaches it.
//!
//! Inside a confidential VM the host talks to the enclave over vsock (the VM has no network
//! the host does not control anyway, and vsock needs no address set-up in the guest); with the
//! simulator the enclave listens on TCP loopback; a Unix socket serves a host and enclave
//! sharing one machine without a TCP port. The link carries only OHTTP ciphertext and signed
//! evidence, so none of these transports needs TLS.
//!
//! Written forms (parsed by [`EnclaveAddr::from_str`](std::str::FromStr), printed by
//! `Display`):
//! - `127.0.0.1:7001` or `http://127.0.0.1:7001` (TCP; a trailing `/` is accepted);
//! - `vsock://CID:PORT`, where CID is a number or `any` (listen on every CID) or `host` (2);
//! - `unix:/run/obscura/replica0.sock` (or `unix:///run/…`).
//!
//! ```
//! use obscura_protocol::transport::EnclaveAddr;
//! let addr: EnclaveAddr = "vsock://any:7001".parse()?;
//! assert_eq!(addr, EnclaveAddr::Vsock { cid: EnclaveAddr::VSOCK_ANY, port: 7001 });
//! assert_eq!("http://127.0.0.1:7001".parse::<EnclaveAddr>()?.to_string(), "http://127.0.0.1:7001");
//! # Ok::<(), obscura_protocol::Error>(())
//! ```

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;

use crate::Error;

/// An enclave replica's address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EnclaveAddr {
    /// HTTP over TCP.
    Tcp(SocketAddr),
    /// HTTP over a virtio socket.
    Vsock {
        /// Context id: the guest's CID, or [`EnclaveAddr::VSOCK_ANY`] to listen on all.
        cid: u32,
        /// Port.
        port: u32,
    },
    /// HTTP over a Unix-domain socket at this path.
    Unix(PathBuf),
}

impl EnclaveAddr {
    /// `VMADDR_CID_ANY`: listen whatever the guest's CID is.
    pub const VSOCK_ANY: u32 = u32::MAX;
    /// `VMADDR_CID_HOST`: the hypervisor's host.
    pub const VSOCK_HOST: u32 = 2;

    /// Whether a client can connect to this address (not a wildcard or an unspecified IP).
    pub fn is_connectable(&self) -> bool {
        match self {
            Self::Tcp(addr) => !addr.ip().is_unspecified() && addr.port() != 0,
            Self::Vsock { cid, .. } => *cid != Self::VSOCK_ANY,
            Self::Unix(_) => true,
        }
    }
}

const WHAT: &str = "enclave address";

fn malformed(reason: &'static str) -> Error {
    Error::Malformed { what: WHAT, reason }
}

impl FromStr for EnclaveAddr {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        if let Some(rest) = s.strip_prefix("vsock://") {
            let (cid, port) = rest
                .trim_end_matches('/')
                .split_once(':')
                .ok_or_else(|| malformed("vsock needs CID:PORT"))?;
            let cid = match cid {
                "any" => Self::VSOCK_ANY,
                "host" => Self::VSOCK_HOST,
                n => n
                    .parse()
                    .map_err(|_| malformed("vsock CID is not a number"))?,
            };
            let port = port
                .parse()
                .map_err(|_| malformed("vsock port is not a number"))?;
            return Ok(Self::Vsock { cid, port });
        }
        if let Some(rest) = s.strip_prefix("unix:") {
            // `unix:///p` and `unix:/p` both name `/p`; a relative path is kept relative.
            let path = rest.strip_prefix("//").unwrap_or(rest);
            if path.is_empty() {
                return Err(malformed("unix needs a path"));
            }
            return Ok(Self::Unix(PathBuf::from(path)));
        }
        let hostport = match s.strip_prefix("http://") {
            Some(rest) => rest.trim_end_matches('/'),
            None if s.contains("://") => {
                return Err(malformed("scheme is not http, vsock or unix"));
            }
            None => s,
        };
        hostport
            .parse()
            .map(Self::Tcp)
            .map_err(|_| malformed("not IP:PORT"))
    }
}

impl fmt::Display for EnclaveAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Tcp(addr) => write!(f, "http://{addr}"),
            Self::Vsock { cid, port } if *cid == Self::VSOCK_ANY => write!(f, "vsock://any:{port}"),
            Self::Vsock { cid, port } => write!(f, "vsock://{cid}:{port}"),
            Self::Unix(path) => write!(f, "unix:{}", path.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_form_parses_to_its_address() {
        let tcp = EnclaveAddr::Tcp(SocketAddr::from(([127, 0, 0, 1], 7001)));
        for (text, expected) in [
            ("127.0.0.1:7001", tcp.clone()),
            ("http://127.0.0.1:7001", tcp.clone()),
            ("http://127.0.0.1:7001/", tcp),
            (
                "http://[::1]:80",
                EnclaveAddr::Tcp(SocketAddr::from(([0, 0, 0, 0, 0, 0, 0, 1], 80))),
            ),
            (
                "vsock://any:7001",
                EnclaveAddr::Vsock {
                    cid: u32::MAX,
                    port: 7001,
                },
            ),
            ("vsock://host:5", EnclaveAddr::Vsock { cid: 2, port: 5 }),
            (
                "vsock://42:7001",
                EnclaveAddr::Vsock {
                    cid: 42,
                    port: 7001,
                },
            ),
            (
                "unix:/run/a.sock",
                EnclaveAddr::Unix(PathBuf::from("/run/a.sock")),
            ),
            (
                "unix:///run/a.sock",
                EnclaveAddr::Unix(PathBuf::from("/run/a.sock")),
            ),
            (
                "unix:rel.sock",
                EnclaveAddr::Unix(PathBuf::from("rel.sock")),
            ),
        ] {
            assert_eq!(text.parse::<EnclaveAddr>(), Ok(expected), "{text}");
        }
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "http://127.0.0.1:7001",
            "vsock://any:7001",
            "vsock://3:9",
            "unix:/run/a.sock",
        ] {
            let addr: EnclaveAddr = text.parse().unwrap();
            assert_eq!(addr.to_string(), text);
            assert_eq!(addr.to_string().parse::<EnclaveAddr>(), Ok(addr));
        }
    }

    #[test]
    fn malformed_addresses_are_typed_errors() {
        for (text, reason) in [
            ("", "not IP:PORT"),
            ("localhost:7001", "not IP:PORT"),
            ("https://127.0.0.1:1", "scheme is not http, vsock or unix"),
            ("vsock://3", "vsock needs CID:PORT"),
            ("vsock://x:1", "vsock CID is not a number"),
            ("vsock://3:99999999999", "vsock port is not a number"),
            ("unix:", "unix needs a path"),
        ] {
            assert_eq!(
                text.parse::<EnclaveAddr>(),
                Err(Error::Malformed { what: WHAT, reason }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn wildcards_are_not_connectable() {
        let any: EnclaveAddr = "vsock://any:1".parse().unwrap();
        let zero: EnclaveAddr = "0.0.0.0:1".parse().unwrap();
        let guest: EnclaveAddr = "vsock://3:1".parse().unwrap();
        assert!(!any.is_connectable());
        assert!(!zero.is_connectable());
        assert!(guest.is_connectable());
    }
}
