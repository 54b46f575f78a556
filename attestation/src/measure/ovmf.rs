//! The parts of an OVMF image that the SEV-SNP launch measurement depends on.
//!
//! Layout, from the end of the image (all integers little-endian, GUIDs in EFI byte order):
//!
//! ```text
//! ... | entry data | size u16 | GUID | ... | size u16 | FOOTER GUID | 32 bytes (reset vector)
//!                   `-- one table entry: data then an 18-byte header; size counts both --'
//! ```
//!
//! The footer entry's size is that of the whole table (entries plus the footer header).
//! Entries used here: the SEV-ES reset block (AP reset EIP, first u32), the SEV hash table
//! (GPA of the kernel hashes, first u32) and the SEV metadata (first u32: offset of the
//! metadata block from the end of the image). The metadata block is
//! `"ASEV" | size u32 | version u32 (1) | count u32 | count × (gpa u32, size u32, type u32)`.
//!
//! The image comes from the user (or from anyone), so every offset and length is checked;
//! a failure is an [`OvmfError`]. This parser is stricter than the reference tool: it
//! refuses duplicate GUIDs and stray bytes before the first table entry's data.

use std::fmt;

use crate::Error;

/// Largest OVMF image accepted, in bytes.
pub const MAX_OVMF_BYTES: usize = 64 * 1024 * 1024;

/// Largest number of SEV metadata sections accepted.
pub const MAX_METADATA_SECTIONS: usize = 64;

/// Largest number of pages all metadata sections may describe together (1 GiB).
pub const MAX_METADATA_PAGES: u64 = 1 << 18;

/// Page size.
pub(crate) const PAGE: usize = 4096;

/// Size of a table entry header: u16 size then the GUID.
const ENTRY_HEADER: usize = 18;
/// Bytes after the footer entry (the reset vector).
const FOOTER_TAIL: usize = 32;
/// Size of the metadata header.
const METADATA_HEADER: usize = 16;
/// Size of one metadata section descriptor.
const SECTION_DESC: usize = 12;

/// An EFI GUID in its on-disk (mixed-endian) byte order.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EfiGuid(pub [u8; 16]);

impl EfiGuid {
    /// The GUID whose text form is `a-b-c-d[0..2]-d[2..8]`.
    pub const fn new(a: u32, b: u16, c: u16, d: [u8; 8]) -> Self {
        let [a0, a1, a2, a3] = a.to_le_bytes();
        let [b0, b1] = b.to_le_bytes();
        let [c0, c1] = c.to_le_bytes();
        let [d0, d1, d2, d3, d4, d5, d6, d7] = d;
        EfiGuid([
            a0, a1, a2, a3, b0, b1, c0, c1, d0, d1, d2, d3, d4, d5, d6, d7,
        ])
    }
}

impl fmt::Display for EfiGuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [
            a0,
            a1,
            a2,
            a3,
            b0,
            b1,
            c0,
            c1,
            d0,
            d1,
            d2,
            d3,
            d4,
            d5,
            d6,
            d7,
        ] = self.0;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{d0:02x}{d1:02x}-{d2:02x}{d3:02x}{d4:02x}{d5:02x}{d6:02x}{d7:02x}",
            u32::from_le_bytes([a0, a1, a2, a3]),
            u16::from_le_bytes([b0, b1]),
            u16::from_le_bytes([c0, c1]),
        )
    }
}

impl fmt::Debug for EfiGuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EfiGuid({self})")
    }
}

/// 96b582de-1fb2-45f7-baea-a366c55a082d: the footer of the GUID table.
pub const FOOTER_GUID: EfiGuid = EfiGuid::new(
    0x96b5_82de,
    0x1fb2,
    0x45f7,
    [0xba, 0xea, 0xa3, 0x66, 0xc5, 0x5a, 0x08, 0x2d],
);
/// 00f771de-1a7e-4fcb-890e-68c77e2fb44e: SEV-ES reset block (AP reset EIP).
pub const SEV_ES_RESET_BLOCK_GUID: EfiGuid = EfiGuid::new(
    0x00f7_71de,
    0x1a7e,
    0x4fcb,
    [0x89, 0x0e, 0x68, 0xc7, 0x7e, 0x2f, 0xb4, 0x4e],
);
/// 7255371f-3a3b-4b04-927b-1da6efa8d454: GPA of the kernel hash table.
pub const SEV_HASH_TABLE_RV_GUID: EfiGuid = EfiGuid::new(
    0x7255_371f,
    0x3a3b,
    0x4b04,
    [0x92, 0x7b, 0x1d, 0xa6, 0xef, 0xa8, 0xd4, 0x54],
);
/// dc886566-984a-4798-a75e-5585a7bf67cc: SEV metadata (offset from the end).
pub const SEV_METADATA_GUID: EfiGuid = EfiGuid::new(
    0xdc88_6566,
    0x984a,
    0x4798,
    [0xa7, 0x5e, 0x55, 0x85, 0xa7, 0xbf, 0x67, 0xcc],
);

/// Why an OVMF image was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OvmfError {
    /// Empty, not a whole number of pages, or larger than [`MAX_OVMF_BYTES`].
    #[error("image size {len} is not a non-zero multiple of 4096 up to {max}")]
    Size {
        /// The image's size.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// No footer GUID 32 bytes before the end: not an SEV-capable OVMF.
    #[error("no OVMF GUID table footer")]
    NoFooterTable,
    /// The GUID table or one of its entries runs outside the image, or is malformed.
    #[error("malformed GUID table near offset {offset:#x}")]
    Table {
        /// Offset in the image of the offending entry header (or table start).
        offset: usize,
    },
    /// The same GUID appears twice in the table.
    #[error("GUID {guid} appears twice in the table")]
    DuplicateEntry {
        /// The GUID.
        guid: EfiGuid,
    },
    /// A required table entry is missing or shorter than 4 bytes.
    #[error("table entry {what} missing or too short")]
    MissingEntry {
        /// Which entry.
        what: &'static str,
    },
    /// The metadata block lies outside the image or is shorter than its header says.
    #[error("SEV metadata at offset {offset:#x} is out of bounds")]
    MetadataBounds {
        /// Where it would start (offset from the image start), or 0 if before it.
        offset: usize,
    },
    /// The metadata signature is not `ASEV`.
    #[error("SEV metadata signature is not ASEV")]
    MetadataSignature,
    /// The metadata version is not 1.
    #[error("SEV metadata version {version} is not 1")]
    MetadataVersion {
        /// The version found.
        version: u32,
    },
    /// More sections than [`MAX_METADATA_SECTIONS`].
    #[error("{count} SEV metadata sections, more than {max}")]
    TooManySections {
        /// The claimed count.
        count: u32,
        /// The cap.
        max: usize,
    },
    /// A section type this calculator does not know.
    #[error("SEV metadata section {index} has unknown type {section_type:#x}")]
    UnknownSectionType {
        /// The section.
        index: usize,
        /// Its type.
        section_type: u32,
    },
    /// A section's size is not a whole number of pages (or not one page for the kernel
    /// hashes), or its range wraps past 4 GiB.
    #[error("SEV metadata section {index} has a bad size {size:#x}")]
    SectionSize {
        /// The section.
        index: usize,
        /// Its size.
        size: u32,
    },
    /// The sections together describe more than [`MAX_METADATA_PAGES`] pages.
    #[error("SEV metadata describes more than {max} pages")]
    TooManyPages {
        /// The cap.
        max: u64,
    },
    /// A kernel was given but the image has no kernel-hashes section.
    #[error("a kernel was given but the OVMF has no SNP_KERNEL_HASHES section")]
    NoKernelHashesSection,
    /// The hash table does not fit in its page.
    #[error("kernel hash table at page offset {offset:#x} does not fit in the page")]
    HashTableOffset {
        /// Its offset in the page.
        offset: usize,
    },
    /// More than one vCPU but the image's AP reset EIP is zero.
    #[error("more than one vCPU but the OVMF has no AP reset vector")]
    NoApResetVector,
}

impl From<OvmfError> for Error {
    fn from(e: OvmfError) -> Self {
        Error::Ovmf(e)
    }
}

/// An SEV metadata section type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionType {
    /// `SNP_SEC_MEM` (1): pre-validated memory, measured as zero pages.
    SecMem,
    /// `SNP_SECRETS` (2): the secrets page.
    Secrets,
    /// `CPUID` (3): the CPUID page.
    Cpuid,
    /// `SVSM_CAA` (4): the SVSM calling area, zero pages.
    SvsmCaa,
    /// `SNP_KERNEL_HASHES` (0x10): the page holding the kernel/initrd/cmdline hashes.
    KernelHashes,
}

impl SectionType {
    fn from_raw(raw: u32) -> Option<Self> {
        Some(match raw {
            1 => SectionType::SecMem,
            2 => SectionType::Secrets,
            3 => SectionType::Cpuid,
            4 => SectionType::SvsmCaa,
            0x10 => SectionType::KernelHashes,
            _ => return None,
        })
    }
}

/// One SEV metadata section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Section {
    /// Guest-physical address.
    pub gpa: u32,
    /// Size in bytes.
    pub size: u32,
    /// What it holds.
    pub kind: SectionType,
}

/// A parsed OVMF image: its bytes and what the measurement needs from its tables.
#[derive(Clone, PartialEq, Eq)]
pub struct OvmfImage<'a> {
    data: &'a [u8],
    reset_eip: u32,
    hash_table_gpa: Option<u32>,
    sections: Vec<Section>,
}

impl fmt::Debug for OvmfImage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OvmfImage")
            .field("len", &self.data.len())
            .field("reset_eip", &format_args!("{:#x}", self.reset_eip))
            .field("hash_table_gpa", &self.hash_table_gpa)
            .field("sections", &self.sections)
            .finish()
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let bytes: [u8; 2] = b.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(u16::from_le_bytes(bytes))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let bytes: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(bytes))
}

fn guid_at(b: &[u8], at: usize) -> Option<EfiGuid> {
    let bytes: [u8; 16] = b.get(at..at.checked_add(16)?)?.try_into().ok()?;
    Some(EfiGuid(bytes))
}

impl<'a> OvmfImage<'a> {
    /// Parses the GUID table and the SEV metadata of `data`.
    pub fn parse(data: &'a [u8]) -> Result<Self, Error> {
        Self::parse_inner(data).map_err(Error::Ovmf)
    }

    fn parse_inner(data: &'a [u8]) -> Result<Self, OvmfError> {
        let len = data.len();
        if len == 0 || len % PAGE != 0 || len > MAX_OVMF_BYTES {
            return Err(OvmfError::Size {
                len,
                max: MAX_OVMF_BYTES,
            });
        }
        let table = Self::guid_table(data)?;
        let find = |guid: EfiGuid| table.iter().find(|(g, _)| *g == guid).map(|(_, d)| *d);
        let first_u32 = |guid: EfiGuid, what: &'static str| {
            find(guid)
                .map(|d| u32_at(d, 0).ok_or(OvmfError::MissingEntry { what }))
                .transpose()
        };
        let reset_eip = first_u32(SEV_ES_RESET_BLOCK_GUID, "SEV-ES reset block")?.ok_or(
            OvmfError::MissingEntry {
                what: "SEV-ES reset block",
            },
        )?;
        let hash_table_gpa = first_u32(SEV_HASH_TABLE_RV_GUID, "SEV hash table")?;
        let sections = match first_u32(SEV_METADATA_GUID, "SEV metadata")? {
            Some(from_end) => Self::metadata(data, from_end)?,
            None => Vec::new(),
        };
        Ok(Self {
            data,
            reset_eip,
            hash_table_gpa,
            sections,
        })
    }

    /// The GUID table as (GUID, data) pairs, from the footer backwards.
    fn guid_table(data: &'a [u8]) -> Result<Vec<(EfiGuid, &'a [u8])>, OvmfError> {
        let footer_at = data
            .len()
            .checked_sub(FOOTER_TAIL + ENTRY_HEADER)
            .ok_or(OvmfError::NoFooterTable)?;
        if guid_at(data, footer_at + 2) != Some(FOOTER_GUID) {
            return Err(OvmfError::NoFooterTable);
        }
        let table_len = u16_at(data, footer_at)
            .map(usize::from)
            .and_then(|n| n.checked_sub(ENTRY_HEADER))
            .ok_or(OvmfError::Table { offset: footer_at })?;
        let table_start = footer_at
            .checked_sub(table_len)
            .ok_or(OvmfError::Table { offset: footer_at })?;
        let mut entries: Vec<(EfiGuid, &'a [u8])> = Vec::new();
        let mut end = footer_at; // the table ends where the footer entry starts
        while end > table_start {
            let header = end
                .checked_sub(ENTRY_HEADER)
                .filter(|h| *h >= table_start)
                .ok_or(OvmfError::Table {
                    offset: table_start,
                })?;
            let size = u16_at(data, header)
                .map(usize::from)
                .ok_or(OvmfError::Table { offset: header })?;
            let start = end
                .checked_sub(size)
                .filter(|s| size >= ENTRY_HEADER && *s >= table_start)
                .ok_or(OvmfError::Table { offset: header })?;
            let guid = guid_at(data, header + 2).ok_or(OvmfError::Table { offset: header })?;
            let body = data
                .get(start..header)
                .ok_or(OvmfError::Table { offset: header })?;
            if entries.iter().any(|(g, _)| *g == guid) {
                return Err(OvmfError::DuplicateEntry { guid });
            }
            entries.push((guid, body));
            end = start;
        }
        Ok(entries)
    }

    fn metadata(data: &[u8], from_end: u32) -> Result<Vec<Section>, OvmfError> {
        let from_end =
            usize::try_from(from_end).map_err(|_| OvmfError::MetadataBounds { offset: 0 })?;
        let start = data
            .len()
            .checked_sub(from_end)
            .ok_or(OvmfError::MetadataBounds { offset: 0 })?;
        let out = OvmfError::MetadataBounds { offset: start };
        let header = data
            .get(start..start.checked_add(METADATA_HEADER).ok_or(out)?)
            .ok_or(out)?;
        if header.get(..4) != Some(b"ASEV".as_slice()) {
            return Err(OvmfError::MetadataSignature);
        }
        let size = u32_at(header, 4).ok_or(out)?;
        let version = u32_at(header, 8).ok_or(out)?;
        let count = u32_at(header, 12).ok_or(out)?;
        if version != 1 {
            return Err(OvmfError::MetadataVersion { version });
        }
        let n = usize::try_from(count)
            .ok()
            .filter(|n| *n <= MAX_METADATA_SECTIONS)
            .ok_or(OvmfError::TooManySections {
                count,
                max: MAX_METADATA_SECTIONS,
            })?;
        let size = usize::try_from(size).map_err(|_| out)?;
        let block_end = start.checked_add(size).ok_or(out)?;
        let items = data
            .get(start.checked_add(METADATA_HEADER).ok_or(out)?..block_end)
            .ok_or(out)?;
        if items.len() < n * SECTION_DESC {
            return Err(out);
        }
        let mut sections = Vec::with_capacity(n);
        let mut pages = 0u64;
        for index in 0..n {
            let at = index * SECTION_DESC;
            let (Some(gpa), Some(size), Some(raw)) = (
                u32_at(items, at),
                u32_at(items, at + 4),
                u32_at(items, at + 8),
            ) else {
                return Err(out);
            };
            let kind = SectionType::from_raw(raw).ok_or(OvmfError::UnknownSectionType {
                index,
                section_type: raw,
            })?;
            let whole_pages = size % 4096 == 0;
            let fits = u64::from(gpa) + u64::from(size) <= 1 << 32;
            let ok = match kind {
                SectionType::SecMem | SectionType::SvsmCaa => whole_pages && fits,
                // Only the GPA of a secrets or CPUID page is measured.
                SectionType::Secrets | SectionType::Cpuid => true,
                // Exactly one page when a kernel is measured; checked then.
                SectionType::KernelHashes => whole_pages && fits,
            };
            if !ok {
                return Err(OvmfError::SectionSize { index, size });
            }
            pages += u64::from(size / 4096).max(1);
            if pages > MAX_METADATA_PAGES {
                return Err(OvmfError::TooManyPages {
                    max: MAX_METADATA_PAGES,
                });
            }
            sections.push(Section { gpa, size, kind });
        }
        Ok(sections)
    }

    /// The image bytes.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Guest-physical address of the first byte: the image ends at 4 GiB.
    pub fn gpa(&self) -> u64 {
        (1u64 << 32) - u64::try_from(self.data.len()).unwrap_or(1 << 32)
    }

    /// The APs' reset EIP from the SEV-ES reset block.
    pub fn reset_eip(&self) -> u32 {
        self.reset_eip
    }

    /// GPA of the kernel hash table, if the image has the entry.
    pub fn hash_table_gpa(&self) -> Option<u32> {
        self.hash_table_gpa
    }

    /// The SEV metadata sections, in image order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }
}
