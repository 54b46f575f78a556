//! The GHCB certificate table a host hands the guest next to an extended report.
//!
//! configfs-tsm returns it as `auxblob`; `/dev/sev-guest` (`SNP_GET_EXT_REPORT`) fills a
//! buffer with it. The host controls every byte, so the parser treats it as hostile input.
//!
//! Layout (GHCB specification, "SNP Extended Guest Request"; all integers little-endian):
//!
//! ```text
//! 0x00  entry 0: GUID [16] | offset u32 | length u32      (24 bytes per entry)
//! 0x18  entry 1 ...
//! ....  terminator: 24 zero bytes
//! ....  certificate data; each entry's (offset, length) is relative to the table's start
//! ```
//!
//! GUIDs are stored in RFC 4122 byte order (the order of the printed string), as AMD's
//! host tools and the `sev` crate write them.
//!
//! The parser refuses, each with its own [`CertTableError`]: a blob over
//! [`MAX_CERT_TABLE_BYTES`], more than [`MAX_CERT_TABLE_ENTRIES`] entries, an entry cut by
//! the end of the blob, no terminator, a terminator with a non-zero offset or length, an
//! entry whose data lies outside the blob or inside the entry list, an empty entry, a
//! certificate over [`MAX_CERT_BYTES`], two entries whose data overlap, and the same GUID
//! twice. An empty blob is a valid, empty table: many hosts supply no certificates.

use std::fmt;

use obscura_protocol::limits::{MAX_CERT_BYTES, SNP_REPORT_LEN};

use crate::Error;
use crate::report::{KeyInfo, SigningKey};
use crate::sim::RawEvidence;

/// Largest certificate table accepted, in bytes (certificates, CRL and the entry list).
pub const MAX_CERT_TABLE_BYTES: usize = 256 * 1024;

/// Largest number of entries (not counting the terminator) accepted.
pub const MAX_CERT_TABLE_ENTRIES: usize = 16;

/// Size of one entry: GUID, offset and length.
pub const CERT_TABLE_ENTRY_LEN: usize = 24;

/// Largest CRL accepted from the table, in bytes (AMD's CRLs are a few KiB).
pub const MAX_CRL_BYTES: usize = 64 * 1024;

/// Offset of `KEY_INFO` in a report.
const KEY_INFO_OFFSET: usize = 0x48;

/// A 16-byte GUID in RFC 4122 byte order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Guid(pub [u8; 16]);

impl Guid {
    /// The all-zero GUID that terminates the table.
    pub const ZERO: Guid = Guid([0; 16]);
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = hex::encode(self.0);
        let part = |r: std::ops::Range<usize>| h.get(r).unwrap_or("");
        write!(
            f,
            "{}-{}-{}-{}-{}",
            part(0..8),
            part(8..12),
            part(12..16),
            part(16..20),
            part(20..32)
        )
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

/// GUID of the AMD Root Key entry (c0b406a4-a803-4952-9743-3fb6014cd0ae).
pub const GUID_ARK: Guid = Guid([
    0xc0, 0xb4, 0x06, 0xa4, 0xa8, 0x03, 0x49, 0x52, 0x97, 0x43, 0x3f, 0xb6, 0x01, 0x4c, 0xd0, 0xae,
]);
/// GUID of the AMD SEV Key entry (4ab7b379-bbac-4fe4-a02f-05aef327c782); for a VLEK-signing
/// host it holds the ASVK.
pub const GUID_ASK: Guid = Guid([
    0x4a, 0xb7, 0xb3, 0x79, 0xbb, 0xac, 0x4f, 0xe4, 0xa0, 0x2f, 0x05, 0xae, 0xf3, 0x27, 0xc7, 0x82,
]);
/// GUID of the VCEK entry (63da758d-e664-4564-adc5-f4b93be8accd).
pub const GUID_VCEK: Guid = Guid([
    0x63, 0xda, 0x75, 0x8d, 0xe6, 0x64, 0x45, 0x64, 0xad, 0xc5, 0xf4, 0xb9, 0x3b, 0xe8, 0xac, 0xcd,
]);
/// GUID of the VLEK entry (a8074bc2-a25a-483e-aae6-39c045a0b8a1).
pub const GUID_VLEK: Guid = Guid([
    0xa8, 0x07, 0x4b, 0xc2, 0xa2, 0x5a, 0x48, 0x3e, 0xaa, 0xe6, 0x39, 0xc0, 0x45, 0xa0, 0xb8, 0xa1,
]);
/// GUID of the CRL entry (92f81bc3-5811-4d3d-97ff-d19f88dc67ea).
pub const GUID_CRL: Guid = Guid([
    0x92, 0xf8, 0x1b, 0xc3, 0x58, 0x11, 0x4d, 0x3d, 0x97, 0xff, 0xd1, 0x9f, 0x88, 0xdc, 0x67, 0xea,
]);

/// What a certificate-table entry holds, by its GUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertKind {
    /// AMD Root Key.
    Ark,
    /// AMD SEV Key (or ASVK for a VLEK).
    Ask,
    /// Versioned Chip Endorsement Key.
    Vcek,
    /// Versioned Loaded Endorsement Key.
    Vlek,
    /// Certificate revocation list.
    Crl,
    /// A GUID this crate does not use; kept, never interpreted.
    Other(Guid),
}

impl CertKind {
    /// The kind named by `guid`.
    pub fn from_guid(guid: Guid) -> Self {
        match guid {
            GUID_ARK => CertKind::Ark,
            GUID_ASK => CertKind::Ask,
            GUID_VCEK => CertKind::Vcek,
            GUID_VLEK => CertKind::Vlek,
            GUID_CRL => CertKind::Crl,
            other => CertKind::Other(other),
        }
    }

    /// The GUID of this kind.
    pub fn guid(self) -> Guid {
        match self {
            CertKind::Ark => GUID_ARK,
            CertKind::Ask => GUID_ASK,
            CertKind::Vcek => GUID_VCEK,
            CertKind::Vlek => GUID_VLEK,
            CertKind::Crl => GUID_CRL,
            CertKind::Other(g) => g,
        }
    }
}

/// Why a certificate table was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertTableError {
    /// The blob is larger than [`MAX_CERT_TABLE_BYTES`].
    #[error("{len} bytes, more than the cap {max}")]
    TooLarge {
        /// Its size.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// The blob ends inside entry `index`.
    #[error("entry {index} is cut by the end of the table")]
    Truncated {
        /// The entry that is cut (0-based; the terminator counts as the next entry).
        index: usize,
    },
    /// The blob ends on an entry boundary without the all-zero terminator.
    #[error("no all-zero terminator")]
    MissingTerminator,
    /// More than [`MAX_CERT_TABLE_ENTRIES`] entries precede the terminator.
    #[error("more than {max} entries")]
    TooManyEntries {
        /// The cap.
        max: usize,
    },
    /// The entry with the zero GUID has a non-zero offset or length.
    #[error("terminator at entry {index} has a non-zero offset or length")]
    BadTerminator {
        /// Its position.
        index: usize,
    },
    /// An entry's data is outside the blob or overlaps the entry list.
    #[error("entry {index} data {offset}+{length} is outside the certificate area")]
    OutOfBounds {
        /// The entry.
        index: usize,
        /// Its offset.
        offset: u32,
        /// Its length.
        length: u32,
    },
    /// An entry has length zero.
    #[error("entry {index} is empty")]
    EmptyEntry {
        /// The entry.
        index: usize,
    },
    /// A certificate (or CRL) is larger than its cap.
    #[error("entry {index} is {length} bytes, more than the cap {max}")]
    EntryTooLarge {
        /// The entry.
        index: usize,
        /// Its length.
        length: usize,
        /// The cap.
        max: usize,
    },
    /// Two entries' data overlap.
    #[error("entries {first} and {second} overlap")]
    Overlap {
        /// The earlier entry in the table.
        first: usize,
        /// The later entry.
        second: usize,
    },
    /// The same GUID appears twice.
    #[error("GUID {guid} appears twice")]
    DuplicateGuid {
        /// The repeated GUID.
        guid: Guid,
    },
}

/// One certificate of a parsed table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertEntry {
    /// The entry's GUID.
    pub guid: Guid,
    /// The certificate (or CRL) bytes, DER for AMD's entries.
    pub data: Vec<u8>,
}

impl CertEntry {
    /// What the entry holds.
    pub fn kind(&self) -> CertKind {
        CertKind::from_guid(self.guid)
    }
}

/// A checked certificate table: at most [`MAX_CERT_TABLE_ENTRIES`] non-empty entries, unique
/// GUIDs, each within its cap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertTable {
    entries: Vec<CertEntry>,
}

fn le_u32_at(buf: &[u8], at: usize) -> Option<u32> {
    let end = at.checked_add(4)?;
    let bytes: [u8; 4] = buf.get(at..end)?.try_into().ok()?;
    Some(u32::from_le_bytes(bytes))
}

fn cap_for(guid: Guid) -> usize {
    if guid == GUID_CRL {
        MAX_CRL_BYTES
    } else {
        MAX_CERT_BYTES
    }
}

impl CertTable {
    /// Parses a GUID table (see the module docs for the layout and every refusal).
    pub fn parse(buf: &[u8]) -> Result<Self, Error> {
        Self::parse_inner(buf).map_err(Error::CertTable)
    }

    fn parse_inner(buf: &[u8]) -> Result<Self, CertTableError> {
        if buf.is_empty() {
            return Ok(Self::default());
        }
        if buf.len() > MAX_CERT_TABLE_BYTES {
            return Err(CertTableError::TooLarge {
                len: buf.len(),
                max: MAX_CERT_TABLE_BYTES,
            });
        }
        // Pass 1: the entry list up to the terminator.
        let mut raw: Vec<(Guid, u32, u32)> = Vec::new();
        let mut index = 0usize;
        loop {
            let start =
                index
                    .checked_mul(CERT_TABLE_ENTRY_LEN)
                    .ok_or(CertTableError::TooManyEntries {
                        max: MAX_CERT_TABLE_ENTRIES,
                    })?;
            if start == buf.len() {
                return Err(CertTableError::MissingTerminator);
            }
            let end = start + CERT_TABLE_ENTRY_LEN;
            let entry = buf
                .get(start..end)
                .ok_or(CertTableError::Truncated { index })?;
            let guid_bytes: [u8; 16] = entry
                .get(..16)
                .and_then(|g| g.try_into().ok())
                .ok_or(CertTableError::Truncated { index })?;
            let offset = le_u32_at(entry, 16).ok_or(CertTableError::Truncated { index })?;
            let length = le_u32_at(entry, 20).ok_or(CertTableError::Truncated { index })?;
            let guid = Guid(guid_bytes);
            if guid == Guid::ZERO {
                if offset != 0 || length != 0 {
                    return Err(CertTableError::BadTerminator { index });
                }
                break;
            }
            if raw.len() == MAX_CERT_TABLE_ENTRIES {
                return Err(CertTableError::TooManyEntries {
                    max: MAX_CERT_TABLE_ENTRIES,
                });
            }
            raw.push((guid, offset, length));
            index += 1;
        }
        // The entry list including the terminator; no data may lie inside it.
        let list_end = (raw.len() + 1) * CERT_TABLE_ENTRY_LEN;

        // Pass 2: bounds of each entry's data.
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
        let mut entries = Vec::with_capacity(raw.len());
        for (index, &(guid, offset, length)) in raw.iter().enumerate() {
            if length == 0 {
                return Err(CertTableError::EmptyEntry { index });
            }
            let out = CertTableError::OutOfBounds {
                index,
                offset,
                length,
            };
            let start = usize::try_from(offset).map_err(|_| out)?;
            let len = usize::try_from(length).map_err(|_| out)?;
            let end = start.checked_add(len).ok_or(out)?;
            if start < list_end || end > buf.len() {
                return Err(out);
            }
            let data = buf.get(start..end).ok_or(out)?;
            ranges.push((start, end));
            entries.push(CertEntry {
                guid,
                data: data.to_vec(),
            });
        }
        for (second, &(s2, e2)) in ranges.iter().enumerate() {
            for (first, &(s1, e1)) in ranges.iter().enumerate().take(second) {
                if s1 < e2 && s2 < e1 {
                    return Err(CertTableError::Overlap { first, second });
                }
            }
        }
        Self::check(entries)
    }

    /// Builds a table from entries another parser produced (the `sev` crate's, for
    /// `/dev/sev-guest`), applying the same count, size, emptiness and uniqueness checks.
    pub fn from_entries(entries: Vec<CertEntry>) -> Result<Self, Error> {
        Self::check(entries).map_err(Error::CertTable)
    }

    fn check(entries: Vec<CertEntry>) -> Result<Self, CertTableError> {
        if entries.len() > MAX_CERT_TABLE_ENTRIES {
            return Err(CertTableError::TooManyEntries {
                max: MAX_CERT_TABLE_ENTRIES,
            });
        }
        for (index, entry) in entries.iter().enumerate() {
            if entry.data.is_empty() {
                return Err(CertTableError::EmptyEntry { index });
            }
            let max = cap_for(entry.guid);
            if entry.data.len() > max {
                return Err(CertTableError::EntryTooLarge {
                    index,
                    length: entry.data.len(),
                    max,
                });
            }
            if entry.guid == Guid::ZERO
                || entries
                    .iter()
                    .take(index)
                    .any(|earlier| earlier.guid == entry.guid)
            {
                return Err(CertTableError::DuplicateGuid { guid: entry.guid });
            }
        }
        Ok(Self { entries })
    }

    /// The entries, in table order.
    pub fn entries(&self) -> &[CertEntry] {
        &self.entries
    }

    /// The data of the entry of `kind`, if present.
    pub fn get(&self, kind: CertKind) -> Option<&[u8]> {
        let guid = kind.guid();
        self.entries
            .iter()
            .find(|e| e.guid == guid)
            .map(|e| e.data.as_slice())
    }

    /// Serializes the table in the GUID-table layout (for tests and simulators).
    pub fn to_bytes(&self) -> Vec<u8> {
        let list_end = (self.entries.len() + 1) * CERT_TABLE_ENTRY_LEN;
        let mut out =
            Vec::with_capacity(list_end + self.entries.iter().map(|e| e.data.len()).sum::<usize>());
        let mut offset = list_end;
        for e in &self.entries {
            out.extend_from_slice(&e.guid.0);
            // Both fit: a checked table is at most MAX_CERT_TABLE_ENTRIES entries of at
            // most MAX_CRL_BYTES each, far below u32::MAX.
            out.extend_from_slice(&u32::try_from(offset).unwrap_or(u32::MAX).to_le_bytes());
            out.extend_from_slice(
                &u32::try_from(e.data.len())
                    .unwrap_or(u32::MAX)
                    .to_le_bytes(),
            );
            offset += e.data.len();
        }
        out.extend_from_slice(&[0u8; CERT_TABLE_ENTRY_LEN]);
        for e in &self.entries {
            out.extend_from_slice(&e.data);
        }
        out
    }

    /// Pairs a report with this table's certificates.
    ///
    /// The signer comes from the report's `KEY_INFO`. Its certificate (VCEK or VLEK) goes to
    /// [`RawEvidence::signer_cert`], which stays **empty** when the host supplied none: the
    /// caller then fetches it from AMD's KDS. The chain is the ASK (or ASVK) then the ARK,
    /// whichever are present; the CRL is passed through. Nothing here is trusted: the
    /// verifier checks every certificate against the pinned AMD roots.
    pub fn into_evidence(self, report: Vec<u8>) -> Result<RawEvidence, Error> {
        if report.len() != SNP_REPORT_LEN {
            return Err(Error::ReportSize {
                expected: SNP_REPORT_LEN,
                got: report.len(),
            });
        }
        let key_info = le_u32_at(&report, KEY_INFO_OFFSET)
            .map(KeyInfo)
            .ok_or(Error::Internal("KEY_INFO inside a 1184-byte report"))?;
        let signer = key_info.signing_key().ok_or(Error::SigningKeyReserved {
            value: key_info.signing_key_raw(),
        })?;
        let take = |kind: CertKind| self.get(kind).map(<[u8]>::to_vec);
        let signer_cert = match signer {
            SigningKey::Vcek => take(CertKind::Vcek),
            SigningKey::Vlek => take(CertKind::Vlek),
            SigningKey::None => None,
        }
        .unwrap_or_default();
        let chain = [take(CertKind::Ask), take(CertKind::Ark)]
            .into_iter()
            .flatten()
            .collect();
        let crl = take(CertKind::Crl);
        Ok(RawEvidence {
            report,
            signer,
            signer_cert,
            chain,
            crl,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(guid: Guid, data: &[u8]) -> CertEntry {
        CertEntry {
            guid,
            data: data.to_vec(),
        }
    }

    /// Hand-built: VCEK (5 bytes), ASK (3), ARK (2) after a 4-entry list (96 bytes).
    fn valid_blob() -> Vec<u8> {
        let mut b = Vec::new();
        for (guid, off, len) in [
            (GUID_VCEK, 96u32, 5u32),
            (GUID_ASK, 101, 3),
            (GUID_ARK, 104, 2),
        ] {
            b.extend_from_slice(&guid.0);
            b.extend_from_slice(&off.to_le_bytes());
            b.extend_from_slice(&len.to_le_bytes());
        }
        b.extend_from_slice(&[0; 24]);
        b.extend_from_slice(b"vcek!ask");
        b.extend_from_slice(b"AR");
        b
    }

    fn set_entry(b: &mut [u8], index: usize, guid: Guid, off: u32, len: u32) {
        let s = index * 24;
        b[s..s + 16].copy_from_slice(&guid.0);
        b[s + 16..s + 20].copy_from_slice(&off.to_le_bytes());
        b[s + 20..s + 24].copy_from_slice(&len.to_le_bytes());
    }

    fn err(buf: &[u8]) -> CertTableError {
        match CertTable::parse(buf) {
            Err(Error::CertTable(e)) => e,
            other => panic!("expected a CertTable error, got {other:?}"),
        }
    }

    #[test]
    fn guid_constants_print_as_amd_writes_them() {
        assert_eq!(GUID_ARK.to_string(), "c0b406a4-a803-4952-9743-3fb6014cd0ae");
        assert_eq!(GUID_ASK.to_string(), "4ab7b379-bbac-4fe4-a02f-05aef327c782");
        assert_eq!(
            GUID_VCEK.to_string(),
            "63da758d-e664-4564-adc5-f4b93be8accd"
        );
        assert_eq!(
            GUID_VLEK.to_string(),
            "a8074bc2-a25a-483e-aae6-39c045a0b8a1"
        );
        assert_eq!(GUID_CRL.to_string(), "92f81bc3-5811-4d3d-97ff-d19f88dc67ea");
    }

    #[test]
    fn parses_a_valid_table() {
        let t = CertTable::parse(&valid_blob()).unwrap();
        assert_eq!(
            t.entries(),
            &[
                entry(GUID_VCEK, b"vcek!"),
                entry(GUID_ASK, b"ask"),
                entry(GUID_ARK, b"AR")
            ]
        );
        assert_eq!(t.get(CertKind::Vcek), Some(&b"vcek!"[..]));
        assert_eq!(t.get(CertKind::Crl), None);
        assert_eq!(t.to_bytes(), valid_blob());
    }

    #[test]
    fn empty_blob_and_lone_terminator_are_empty_tables() {
        assert_eq!(CertTable::parse(&[]).unwrap(), CertTable::default());
        assert_eq!(CertTable::parse(&[0; 24]).unwrap(), CertTable::default());
        // Trailing bytes after a terminator with no entries are unused padding (hosts pad
        // to a page).
        assert_eq!(CertTable::parse(&[0; 4096]).unwrap(), CertTable::default());
    }

    #[test]
    fn every_truncation_is_refused_with_its_error() {
        let b = valid_blob();
        for cut in 1..b.len() {
            let got = err(&b[..cut]);
            let want = if cut < 96 {
                if cut % 24 == 0 {
                    CertTableError::MissingTerminator
                } else {
                    CertTableError::Truncated { index: cut / 24 }
                }
            } else if cut < 101 {
                CertTableError::OutOfBounds {
                    index: 0,
                    offset: 96,
                    length: 5,
                }
            } else if cut < 104 {
                CertTableError::OutOfBounds {
                    index: 1,
                    offset: 101,
                    length: 3,
                }
            } else {
                CertTableError::OutOfBounds {
                    index: 2,
                    offset: 104,
                    length: 2,
                }
            };
            assert_eq!(got, want, "cut at {cut}");
        }
    }

    #[test]
    fn out_of_bounds_entries_are_refused() {
        let mut b = valid_blob();
        set_entry(&mut b, 2, GUID_ARK, 105, 2);
        assert_eq!(
            err(&b),
            CertTableError::OutOfBounds {
                index: 2,
                offset: 105,
                length: 2
            }
        );
        // Offset + length overflows u32 arithmetic on 32-bit and the blob on 64-bit.
        set_entry(&mut b, 2, GUID_ARK, u32::MAX, u32::MAX);
        assert_eq!(
            err(&b),
            CertTableError::OutOfBounds {
                index: 2,
                offset: u32::MAX,
                length: u32::MAX
            }
        );
        // Data pointing into the entry list (here: at the terminator).
        let mut b = valid_blob();
        set_entry(&mut b, 0, GUID_VCEK, 72, 5);
        assert_eq!(
            err(&b),
            CertTableError::OutOfBounds {
                index: 0,
                offset: 72,
                length: 5
            }
        );
    }

    #[test]
    fn overlapping_entries_are_refused() {
        let mut b = valid_blob();
        set_entry(&mut b, 1, GUID_ASK, 100, 3); // last byte of the VCEK
        assert_eq!(
            err(&b),
            CertTableError::Overlap {
                first: 0,
                second: 1
            }
        );
        let mut b = valid_blob();
        set_entry(&mut b, 2, GUID_ARK, 96, 2); // inside the VCEK
        assert_eq!(
            err(&b),
            CertTableError::Overlap {
                first: 0,
                second: 2
            }
        );
    }

    #[test]
    fn empty_entry_bad_terminator_and_duplicates_are_refused() {
        let mut b = valid_blob();
        set_entry(&mut b, 1, GUID_ASK, 101, 0);
        assert_eq!(err(&b), CertTableError::EmptyEntry { index: 1 });

        let mut b = valid_blob();
        set_entry(&mut b, 3, Guid::ZERO, 0, 1);
        assert_eq!(err(&b), CertTableError::BadTerminator { index: 3 });

        let mut b = valid_blob();
        set_entry(&mut b, 2, GUID_VCEK, 104, 2);
        assert_eq!(err(&b), CertTableError::DuplicateGuid { guid: GUID_VCEK });
    }

    #[test]
    fn missing_terminator_is_refused() {
        let mut b = valid_blob();
        b.truncate(72);
        assert_eq!(err(&b), CertTableError::MissingTerminator);
        // Replace the terminator by a fourth entry: the data then lies inside the list
        // end, but the list itself has no terminator before the data bytes run out.
        let mut b = valid_blob();
        set_entry(&mut b, 3, GUID_CRL, 104, 2);
        assert_eq!(err(&b), CertTableError::Truncated { index: 4 });
    }

    #[test]
    fn too_many_entries_and_too_large_are_refused() {
        let n = MAX_CERT_TABLE_ENTRIES + 1;
        let mut b = vec![0u8; (n + 1) * 24 + n];
        for i in 0..n {
            let mut g = [0x11u8; 16];
            g[0] = u8::try_from(i).unwrap();
            set_entry(
                &mut b,
                i,
                Guid(g),
                u32::try_from((n + 1) * 24 + i).unwrap(),
                1,
            );
        }
        assert_eq!(
            err(&b),
            CertTableError::TooManyEntries {
                max: MAX_CERT_TABLE_ENTRIES
            }
        );
        let big = vec![0u8; MAX_CERT_TABLE_BYTES + 1];
        assert_eq!(
            err(&big),
            CertTableError::TooLarge {
                len: MAX_CERT_TABLE_BYTES + 1,
                max: MAX_CERT_TABLE_BYTES
            }
        );
    }

    #[test]
    fn from_entries_applies_the_same_checks() {
        let too_big = vec![1u8; MAX_CERT_BYTES + 1];
        assert_eq!(
            CertTable::from_entries(vec![entry(GUID_VCEK, &too_big)]),
            Err(Error::CertTable(CertTableError::EntryTooLarge {
                index: 0,
                length: MAX_CERT_BYTES + 1,
                max: MAX_CERT_BYTES
            }))
        );
        assert_eq!(
            CertTable::from_entries(vec![entry(GUID_ARK, b"a"), entry(GUID_ARK, b"b")]),
            Err(Error::CertTable(CertTableError::DuplicateGuid {
                guid: GUID_ARK
            }))
        );
        assert_eq!(
            CertTable::from_entries(vec![entry(GUID_ARK, b"")]),
            Err(Error::CertTable(CertTableError::EmptyEntry { index: 0 }))
        );
        // A CRL may be larger than a certificate.
        let crl = vec![2u8; MAX_CERT_BYTES + 1];
        let t = CertTable::from_entries(vec![entry(GUID_CRL, &crl)]).unwrap();
        assert_eq!(t.get(CertKind::Crl), Some(crl.as_slice()));
    }

    fn report_with_signer(raw: u8) -> Vec<u8> {
        let mut r = vec![0u8; SNP_REPORT_LEN];
        r[KEY_INFO_OFFSET] = raw << 2;
        r
    }

    #[test]
    fn into_evidence_sorts_the_certificates() {
        let t = CertTable::parse(&valid_blob()).unwrap();
        let ev = t.clone().into_evidence(report_with_signer(0)).unwrap();
        assert_eq!(ev.signer, SigningKey::Vcek);
        assert_eq!(ev.signer_cert, b"vcek!".to_vec());
        assert_eq!(ev.chain, vec![b"ask".to_vec(), b"AR".to_vec()]);
        assert_eq!(ev.crl, None);

        // A VLEK-signed report with no VLEK in the table: the caller fetches it.
        let ev = t.clone().into_evidence(report_with_signer(1)).unwrap();
        assert_eq!(ev.signer, SigningKey::Vlek);
        assert_eq!(ev.signer_cert, Vec::<u8>::new());

        assert_eq!(
            t.clone().into_evidence(report_with_signer(3)),
            Err(Error::SigningKeyReserved { value: 3 })
        );
        assert_eq!(
            t.into_evidence(vec![0; 100]),
            Err(Error::ReportSize {
                expected: SNP_REPORT_LEN,
                got: 100
            })
        );
        // No certificates at all: report only.
        let ev = CertTable::default()
            .into_evidence(report_with_signer(0))
            .unwrap();
        assert_eq!((ev.signer_cert.len(), ev.chain.len(), ev.crl), (0, 0, None));
    }
}
