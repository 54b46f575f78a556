//! Reading the CLI's input files: size-capped, certificates and CRLs as PEM or DER.

use std::io::Read;
use std::path::Path;

use der::{Decode, Encode};
use x509_cert::Certificate;
use x509_cert::crl::CertificateList;

use super::Error;

/// Cap on any certificate, chain, CRL or policy file.
pub(crate) const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads at most `limit` bytes; a larger file is an error.
pub(crate) fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut buf = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(io)?;
    if u64::try_from(buf.len()).map_or(true, |n| n > limit) {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            limit,
        });
    }
    Ok(buf)
}

fn is_pem(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .and_then(|i| bytes.get(i..))
        .is_some_and(|rest| rest.starts_with(b"-----BEGIN"))
}

/// One certificate (DER out), from PEM or DER.
pub(crate) fn certificate(path: &Path) -> Result<Vec<u8>, Error> {
    let bytes = read_capped(path, MAX_FILE_BYTES)?;
    let bad = || Error::Decode {
        path: path.to_owned(),
        what: "PEM or DER certificate",
    };
    if is_pem(&bytes) {
        let certs = Certificate::load_pem_chain(&bytes).map_err(|_| bad())?;
        match certs.as_slice() {
            [one] => one.to_der().map_err(|_| bad()),
            _ => Err(bad()),
        }
    } else {
        Certificate::from_der(&bytes).map_err(|_| bad())?;
        Ok(bytes)
    }
}

/// A `cert_chain` bundle (PEM, intermediate then ARK) or a single DER certificate.
pub(crate) fn chain(path: &Path) -> Result<Vec<Vec<u8>>, Error> {
    let bytes = read_capped(path, MAX_FILE_BYTES)?;
    let bad = || Error::Decode {
        path: path.to_owned(),
        what: "PEM or DER certificate chain",
    };
    if is_pem(&bytes) {
        let certs = Certificate::load_pem_chain(&bytes).map_err(|_| bad())?;
        if certs.is_empty() {
            return Err(bad());
        }
        certs
            .iter()
            .map(|c| c.to_der().map_err(|_| bad()))
            .collect()
    } else {
        Certificate::from_der(&bytes).map_err(|_| bad())?;
        Ok(vec![bytes])
    }
}

/// A CRL (DER out), from PEM (`X509 CRL`) or DER.
pub(crate) fn crl(path: &Path) -> Result<Vec<u8>, Error> {
    let bytes = read_capped(path, MAX_FILE_BYTES)?;
    let bad = || Error::Decode {
        path: path.to_owned(),
        what: "PEM or DER CRL",
    };
    let der = if is_pem(&bytes) {
        let (label, der) = der::pem::decode_vec(&bytes).map_err(|_| bad())?;
        if label != "X509 CRL" {
            return Err(bad());
        }
        der
    } else {
        bytes
    };
    CertificateList::from_der(&der).map_err(|_| bad())?;
    Ok(der)
}
