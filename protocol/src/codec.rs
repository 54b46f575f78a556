//! The one slice reader every hand-parsed format goes through (STYLE rule 8).
//!
//! `ohttp` and `bhttp` parse their own formats; this reader handles what they leave to us:
//! the OHTTP request header (to route by key id without decrypting), the key-configuration
//! list (to enforce caps and keep unknown suites visible), and the BHTTP shape pre-check
//! that bounds field counts before `bhttp` allocates. Every read is checked; nothing panics.

use crate::error::{Error, Result};

/// A cursor over borrowed bytes with checked reads.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    buf: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// Starts reading `buf`, naming it `what` in errors.
    pub fn new(buf: &'a [u8], what: &'static str) -> Self {
        Self { buf, what }
    }

    /// Bytes not yet read.
    pub fn remaining(&self) -> usize {
        self.buf.len()
    }

    /// True when everything has been read.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Takes the next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.buf.len() {
            return Err(Error::Truncated { what: self.what });
        }
        let (head, tail) = self.buf.split_at(n);
        self.buf = tail;
        Ok(head)
    }

    /// Takes the next `N` bytes as an array.
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let bytes = self.take(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    /// Reads one byte.
    pub fn u8(&mut self) -> Result<u8> {
        let [b] = self.array::<1>()?;
        Ok(b)
    }

    /// Reads a big-endian `u16`.
    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_be_bytes(self.array::<2>()?))
    }

    /// Reads a QUIC-style variable-length integer (RFC 9000 §16), as BHTTP uses.
    pub fn varint(&mut self) -> Result<u64> {
        let first = self.u8()?;
        let extra = match first >> 6 {
            0 => 0,
            1 => 1,
            2 => 3,
            _ => 7,
        };
        let mut value = u64::from(first & 0x3f);
        for b in self.take(extra)? {
            value = (value << 8) | u64::from(*b);
        }
        Ok(value)
    }

    /// Reads a varint length, checks it against `max` and the input, then takes the bytes.
    pub fn varint_bytes(&mut self, field: &'static str, max: usize) -> Result<&'a [u8]> {
        let len = self.varint()?;
        let len = checked_len(field, len, max)?;
        self.take(len)
    }

    /// Reads a `u16` length prefix, checks it against `max` and the input, then takes the bytes.
    pub fn u16_bytes(&mut self, field: &'static str, max: usize) -> Result<&'a [u8]> {
        let len = self.u16()?;
        let len = checked_len(field, u64::from(len), max)?;
        self.take(len)
    }

    /// Takes whatever is left.
    pub fn rest(&mut self) -> &'a [u8] {
        std::mem::take(&mut self.buf)
    }

    /// Fails with [`Error::TrailingBytes`] unless everything was read.
    pub fn finish(self) -> Result<()> {
        if self.buf.is_empty() {
            Ok(())
        } else {
            Err(Error::TrailingBytes {
                what: self.what,
                count: self.buf.len(),
            })
        }
    }
}

/// Converts a claimed length to `usize` and checks it against a cap.
pub fn checked_len(what: &'static str, len: u64, max: usize) -> Result<usize> {
    match usize::try_from(len) {
        Ok(n) if n <= max => Ok(n),
        _ => Err(Error::TooLarge {
            what,
            len,
            max: max as u64,
        }),
    }
}

/// Fails with [`Error::TooLarge`] when `len` exceeds `max`.
pub fn check_cap(what: &'static str, len: usize, max: usize) -> Result<()> {
    if len > max {
        Err(Error::TooLarge {
            what,
            len: len as u64,
            max: max as u64,
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_forms() {
        for (bytes, value) in [
            (&[0x25][..], 37u64),
            (&[0x7b, 0xbd][..], 15_293),
            (&[0x9d, 0x7f, 0x3e, 0x7d][..], 494_878_333),
            (
                &[0xc2, 0x19, 0x7c, 0x5e, 0xff, 0x14, 0xe8, 0x8c][..],
                151_288_809_941_952_652,
            ),
        ] {
            let mut r = Reader::new(bytes, "varint");
            assert_eq!(r.varint().unwrap(), value);
            r.finish().unwrap();
        }
    }

    #[test]
    fn every_truncation_of_a_varint_is_detected() {
        let bytes = [0xc2, 0x19, 0x7c, 0x5e, 0xff, 0x14, 0xe8, 0x8c];
        for cut in 0..bytes.len() {
            let mut r = Reader::new(&bytes[..cut], "varint");
            assert_eq!(r.varint(), Err(Error::Truncated { what: "varint" }));
        }
    }

    #[test]
    fn claimed_length_checked_before_taking() {
        let mut r = Reader::new(&[0x44, 0x00, 1, 2, 3], "field");
        assert_eq!(
            r.varint_bytes("value", 16),
            Err(Error::TooLarge {
                what: "value",
                len: 1024,
                max: 16
            })
        );
        let mut r = Reader::new(&[0x05, 1, 2], "field");
        assert_eq!(
            r.varint_bytes("value", 16),
            Err(Error::Truncated { what: "field" })
        );
    }

    #[test]
    fn trailing_bytes_rejected() {
        let mut r = Reader::new(&[1, 2, 3], "thing");
        r.u16().unwrap();
        assert_eq!(
            r.finish(),
            Err(Error::TrailingBytes {
                what: "thing",
                count: 1
            })
        );
    }
}
