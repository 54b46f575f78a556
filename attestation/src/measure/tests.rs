//! Known answers from `sev-snp-measure` (see `testdata/measure/README.md`) and refusals of
//! malformed OVMF images.

use sha2::{Digest, Sha256};

use super::ovmf::{
    FOOTER_GUID, SEV_ES_RESET_BLOCK_GUID, SEV_HASH_TABLE_RV_GUID, SEV_METADATA_GUID,
};
use super::*;

const KAT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/testdata/measure/kat.txt"
));
const KERNEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/testdata/measure/kernel.bin"
));
const INITRD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/testdata/measure/initrd.bin"
));

/// SHA-256 of the synthetic image [`synthetic_ovmf`] builds; the KATs were made for it.
const SYNTHETIC_SHA256: &str = "c11f31310a0dfd2b295b95ef394674a644f96b773002417ef17e117dd9c10260";
/// SHA-256 of Debian bookworm's `ovmf` 2022.11-6+deb12u2 `/usr/share/ovmf/OVMF.fd`.
const DEBIAN_OVMF_SHA256: &str = "7b456907dd0786d415999e801a1ac4637b8ed4d7cf5378cfc6edbe5e574dd773";

const LEN: usize = 16 * 4096;
const METADATA_AT: usize = 0x8000;
/// An unknown entry, as real OVMF images carry several.
const OTHER_GUID: EfiGuid = EfiGuid::new(
    0x4c2e_b361,
    0x7d9b,
    0x4cc3,
    [0x80, 0x81, 0x12, 0x7c, 0x90, 0xd3, 0xd2, 0x94],
);

/// Default sections of the synthetic image: (gpa, size, type).
const SECTIONS: [(u32, u32, u32); 6] = [
    (0x0080_0000, 0x9000, 1),
    (0x0080_9000, 0x1000, 2),
    (0x0080_A000, 0x1000, 3),
    (0x0080_B000, 0x1000, 0x10),
    (0x0080_C000, 0x2000, 4),
    (0x0080_E000, 0x2000, 1),
];

fn default_entries() -> Vec<(EfiGuid, Vec<u8>)> {
    let mut hash_rv = 0x0080_BC00u32.to_le_bytes().to_vec();
    hash_rv.extend_from_slice(&0x400u32.to_le_bytes());
    vec![
        (OTHER_GUID, vec![1, 2, 3, 4, 5]),
        (
            SEV_ES_RESET_BLOCK_GUID,
            0x0080_B004u32.to_le_bytes().to_vec(),
        ),
        (SEV_HASH_TABLE_RV_GUID, hash_rv),
        (
            SEV_METADATA_GUID,
            u32::try_from(LEN - METADATA_AT)
                .unwrap()
                .to_le_bytes()
                .to_vec(),
        ),
    ]
}

/// A 64 KiB OVMF-like image: deterministic filler, SEV metadata at 0x8000 with `sections`,
/// and a GUID table with `entries` (first = farthest from the footer) before the footer.
fn build(sections: &[(u32, u32, u32)], entries: &[(EfiGuid, Vec<u8>)]) -> Vec<u8> {
    let mut d: Vec<u8> = (0..LEN)
        .map(|i| u8::try_from((i * 31 + 7) % 251).unwrap())
        .collect();
    let mut meta = b"ASEV".to_vec();
    let n = u32::try_from(sections.len()).unwrap();
    meta.extend_from_slice(&(16 + 12 * n).to_le_bytes());
    meta.extend_from_slice(&1u32.to_le_bytes());
    meta.extend_from_slice(&n.to_le_bytes());
    for (gpa, size, kind) in sections {
        for v in [gpa, size, kind] {
            meta.extend_from_slice(&v.to_le_bytes());
        }
    }
    d[METADATA_AT..METADATA_AT + meta.len()].copy_from_slice(&meta);

    let mut table = Vec::new();
    for (guid, data) in entries {
        table.extend_from_slice(data);
        table.extend_from_slice(&u16::try_from(data.len() + 18).unwrap().to_le_bytes());
        table.extend_from_slice(&guid.0);
    }
    table.extend_from_slice(&u16::try_from(table.len() + 18).unwrap().to_le_bytes());
    table.extend_from_slice(&FOOTER_GUID.0);
    let end = LEN - 32;
    d[end - table.len()..end].copy_from_slice(&table);
    d
}

fn synthetic_ovmf() -> Vec<u8> {
    build(&SECTIONS, &default_entries())
}

struct Case<'a> {
    line: usize,
    image: &'a str,
    inputs: LaunchInputs<'a>,
    expected: &'a str,
}

fn vcpu_type(name: &str) -> VcpuType {
    match name {
        "EPYC-v4" => VcpuType::Epyc,
        "EPYC-Rome" => VcpuType::EpycRome,
        "EPYC-Milan" => VcpuType::EpycMilan,
        "EPYC-Genoa" => VcpuType::EpycGenoa,
        "EPYC-Turin" => VcpuType::EpycTurin,
        other => panic!("unknown vCPU type {other}"),
    }
}

/// `image | vmm | vcpus | vcpu-type | guest-features | kernel | initrd | append | digest`.
fn cases<'a>(ovmf: &'a [u8], image: &str) -> Vec<Case<'a>> {
    let file = |name: &str| match name {
        "-" => None,
        "kernel.bin" => Some(KERNEL),
        "initrd.bin" => Some(INITRD),
        other => panic!("unknown file {other}"),
    };
    KAT.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let f: Vec<&str> = l.split(" | ").map(str::trim).collect();
            assert_eq!(f.len(), 9, "line {}", i + 1);
            let vmm = match f[1] {
                "QEMU" => VmmType::Qemu,
                "ec2" => VmmType::Ec2,
                "gce" => VmmType::Gce,
                other => panic!("unknown VMM {other}"),
            };
            let mut inputs = LaunchInputs::new(ovmf, f[2].parse().unwrap(), vcpu_type(f[3]));
            inputs.vmm = vmm;
            inputs.guest_features = u64::from_str_radix(f[4].trim_start_matches("0x"), 16).unwrap();
            inputs.kernel = file(f[5]);
            inputs.initrd = file(f[6]);
            inputs.cmdline = (f[7] != "-").then(|| f[7].trim_matches('"'));
            Case {
                line: i + 1,
                image: f[0],
                inputs,
                expected: f[8],
            }
        })
        .filter(|c| c.image == image)
        .collect()
}

#[test]
fn synthetic_image_is_the_one_the_kats_were_made_for() {
    assert_eq!(
        hex::encode(Sha256::digest(synthetic_ovmf())),
        SYNTHETIC_SHA256
    );
}

#[test]
fn synthetic_ovmf_kats() {
    let ovmf = synthetic_ovmf();
    let cases = cases(&ovmf, "synthetic");
    assert_eq!(cases.len(), 6);
    for c in cases {
        let got = LaunchMeasurement::compute(&c.inputs).unwrap();
        assert_eq!(hex::encode(got), c.expected, "kat.txt line {}", c.line);
    }
}

/// Runs when `OBSCURA_OVMF` names Debian's `OVMF.fd` (see the README); skipped otherwise.
#[test]
fn debian_ovmf_kats() {
    let Some(path) = std::env::var_os("OBSCURA_OVMF") else {
        eprintln!("skipped: set OBSCURA_OVMF to Debian's OVMF.fd to run the real-OVMF KATs");
        return;
    };
    let ovmf = std::fs::read(&path).unwrap();
    assert_eq!(
        hex::encode(Sha256::digest(&ovmf)),
        DEBIAN_OVMF_SHA256,
        "OBSCURA_OVMF={} is not the OVMF.fd the KATs were made for",
        std::path::Path::new(&path).display()
    );
    let image = OvmfImage::parse(&ovmf).unwrap();
    assert_eq!(image.reset_eip(), 0x0080_B004);
    assert_eq!(image.sections().len(), 5);
    let cases = cases(&ovmf, "debian-ovmf");
    assert_eq!(cases.len(), 4);
    for c in cases {
        let got = LaunchMeasurement::compute(&c.inputs).unwrap();
        assert_eq!(hex::encode(got), c.expected, "kat.txt line {}", c.line);
    }
    // Debian's build has no SNP_KERNEL_HASHES section: direct boot cannot be measured.
    let mut inputs = LaunchInputs::new(&ovmf, 1, VcpuType::EpycMilan);
    inputs.kernel = Some(KERNEL);
    assert_eq!(
        LaunchMeasurement::compute(&inputs),
        Err(Error::Ovmf(OvmfError::NoKernelHashesSection))
    );
}

/// Writes the synthetic image for the KAT generator:
/// `OBSCURA_WRITE_SYNTHETIC_OVMF=/tmp/synthetic-ovmf.fd cargo test -p obscura-attestation
/// write_synthetic_ovmf -- --ignored`.
#[test]
#[ignore = "tooling: writes the synthetic OVMF image for testdata/measure/gen-kat.sh"]
fn write_synthetic_ovmf() {
    let path = std::env::var_os("OBSCURA_WRITE_SYNTHETIC_OVMF").unwrap();
    std::fs::write(path, synthetic_ovmf()).unwrap();
}

#[test]
fn parses_the_synthetic_image() {
    let ovmf = synthetic_ovmf();
    let image = OvmfImage::parse(&ovmf).unwrap();
    assert_eq!(image.reset_eip(), 0x0080_B004);
    assert_eq!(image.hash_table_gpa(), Some(0x0080_BC00));
    assert_eq!(image.gpa(), (1 << 32) - 0x10000);
    assert_eq!(
        image.sections(),
        &[
            Section {
                gpa: 0x0080_0000,
                size: 0x9000,
                kind: SectionType::SecMem
            },
            Section {
                gpa: 0x0080_9000,
                size: 0x1000,
                kind: SectionType::Secrets
            },
            Section {
                gpa: 0x0080_A000,
                size: 0x1000,
                kind: SectionType::Cpuid
            },
            Section {
                gpa: 0x0080_B000,
                size: 0x1000,
                kind: SectionType::KernelHashes
            },
            Section {
                gpa: 0x0080_C000,
                size: 0x2000,
                kind: SectionType::SvsmCaa
            },
            Section {
                gpa: 0x0080_E000,
                size: 0x2000,
                kind: SectionType::SecMem
            },
        ]
    );
    assert_eq!(
        SEV_METADATA_GUID.to_string(),
        "dc886566-984a-4798-a75e-5585a7bf67cc"
    );
}

#[test]
fn cpuid_signatures() {
    assert_eq!(VcpuType::Epyc.signature(), 0x0080_0F12);
    assert_eq!(VcpuType::EpycRome.signature(), 0x0083_0F10);
    assert_eq!(VcpuType::EpycMilan.signature(), 0x00A0_0F11);
    assert_eq!(VcpuType::EpycGenoa.signature(), 0x00A1_0F10);
    assert_eq!(VcpuType::EpycTurin.signature(), 0x00B0_0F00);
}

fn ovmf_err(data: &[u8]) -> OvmfError {
    match OvmfImage::parse(data) {
        Err(Error::Ovmf(e)) => e,
        other => panic!("expected an OVMF error, got {other:?}"),
    }
}

fn with_sections(s: &[(u32, u32, u32)]) -> Vec<u8> {
    build(s, &default_entries())
}

#[test]
fn malformed_images_are_refused() {
    let good = synthetic_ovmf();
    assert_eq!(
        ovmf_err(&good[..LEN - 1]),
        OvmfError::Size {
            len: LEN - 1,
            max: ovmf::MAX_OVMF_BYTES
        }
    );
    assert_eq!(
        ovmf_err(&[]),
        OvmfError::Size {
            len: 0,
            max: ovmf::MAX_OVMF_BYTES
        }
    );
    assert_eq!(ovmf_err(&vec![0; 4096]), OvmfError::NoFooterTable);

    // Footer size below its own header, and larger than the image.
    let footer_at = LEN - 32 - 18;
    let mut d = good.clone();
    d[footer_at..footer_at + 2].copy_from_slice(&17u16.to_le_bytes());
    assert_eq!(ovmf_err(&d), OvmfError::Table { offset: footer_at });
    let mut d = good.clone();
    d[footer_at..footer_at + 2].copy_from_slice(&0xFFFFu16.to_le_bytes());
    assert_eq!(ovmf_err(&d), OvmfError::Table { offset: footer_at });

    // An entry whose size runs past the table start.
    let last_entry_header = footer_at - 18;
    let mut d = good.clone();
    d[last_entry_header..last_entry_header + 2].copy_from_slice(&0x300u16.to_le_bytes());
    assert_eq!(
        ovmf_err(&d),
        OvmfError::Table {
            offset: last_entry_header
        }
    );
    // An entry size below the header size.
    let mut d = good.clone();
    d[last_entry_header..last_entry_header + 2].copy_from_slice(&3u16.to_le_bytes());
    assert_eq!(
        ovmf_err(&d),
        OvmfError::Table {
            offset: last_entry_header
        }
    );

    let mut dup = default_entries();
    dup.push((OTHER_GUID, vec![9]));
    assert_eq!(
        ovmf_err(&build(&SECTIONS, &dup)),
        OvmfError::DuplicateEntry { guid: OTHER_GUID }
    );
    let no_reset: Vec<_> = default_entries()
        .into_iter()
        .filter(|(g, _)| *g != SEV_ES_RESET_BLOCK_GUID)
        .collect();
    assert_eq!(
        ovmf_err(&build(&SECTIONS, &no_reset)),
        OvmfError::MissingEntry {
            what: "SEV-ES reset block"
        }
    );
    let mut short = default_entries();
    short[1].1.truncate(3);
    assert_eq!(
        ovmf_err(&build(&SECTIONS, &short)),
        OvmfError::MissingEntry {
            what: "SEV-ES reset block"
        }
    );

    // Metadata offset beyond the image, signature, version, counts.
    let mut far = default_entries();
    far[3].1 = u32::try_from(LEN + 1).unwrap().to_le_bytes().to_vec();
    assert_eq!(
        ovmf_err(&build(&SECTIONS, &far)),
        OvmfError::MetadataBounds { offset: 0 }
    );
    let mut near_end = default_entries();
    near_end[3].1 = 8u32.to_le_bytes().to_vec();
    assert_eq!(
        ovmf_err(&build(&SECTIONS, &near_end)),
        OvmfError::MetadataBounds { offset: LEN - 8 }
    );
    let mut d = good.clone();
    d[METADATA_AT] = b'X';
    assert_eq!(ovmf_err(&d), OvmfError::MetadataSignature);
    let mut d = good.clone();
    d[METADATA_AT + 8] = 2;
    assert_eq!(ovmf_err(&d), OvmfError::MetadataVersion { version: 2 });
    let mut d = good.clone();
    d[METADATA_AT + 12..METADATA_AT + 16].copy_from_slice(&1000u32.to_le_bytes());
    assert_eq!(
        ovmf_err(&d),
        OvmfError::TooManySections {
            count: 1000,
            max: ovmf::MAX_METADATA_SECTIONS
        }
    );
    let mut d = good;
    d[METADATA_AT + 12] = 7; // more items than the block's size holds
    assert_eq!(
        ovmf_err(&d),
        OvmfError::MetadataBounds {
            offset: METADATA_AT
        }
    );
    assert_eq!(
        ovmf_err(&with_sections(&[(0x1000, 0x1000, 9)])),
        OvmfError::UnknownSectionType {
            index: 0,
            section_type: 9
        }
    );
    assert_eq!(
        ovmf_err(&with_sections(&[(0x1000, 0x1000, 1), (0x3000, 0x800, 1)])),
        OvmfError::SectionSize {
            index: 1,
            size: 0x800
        }
    );
    assert_eq!(
        ovmf_err(&with_sections(&[(0xFFFF_F000, 0x2000, 1)])),
        OvmfError::SectionSize {
            index: 0,
            size: 0x2000
        }
    );
    assert_eq!(
        ovmf_err(&with_sections(&[(0, 0x4000_0000, 1), (0, 0x1000, 1)])),
        OvmfError::TooManyPages {
            max: ovmf::MAX_METADATA_PAGES
        }
    );
}

#[test]
fn unusable_inputs_are_refused() {
    let good = synthetic_ovmf();
    let mut inputs = LaunchInputs::new(&good, 0, VcpuType::EpycMilan);
    assert_eq!(
        LaunchMeasurement::compute(&inputs),
        Err(Error::LaunchInput(LaunchInputError::Vcpus {
            got: 0,
            max: MAX_VCPUS
        }))
    );
    inputs.vcpus = 1;
    inputs.initrd = Some(INITRD);
    assert_eq!(
        LaunchMeasurement::compute(&inputs),
        Err(Error::LaunchInput(LaunchInputError::KernelRequired))
    );

    let no_hashes = with_sections(&SECTIONS[..3]);
    let mut inputs = LaunchInputs::new(&no_hashes, 1, VcpuType::EpycMilan);
    inputs.kernel = Some(KERNEL);
    assert_eq!(
        LaunchMeasurement::compute(&inputs),
        Err(Error::Ovmf(OvmfError::NoKernelHashesSection))
    );

    let mut e = default_entries();
    let mut rv = 0x0080_BF80u32.to_le_bytes().to_vec();
    rv.extend_from_slice(&0x400u32.to_le_bytes());
    e[2].1 = rv;
    let bad_offset = build(&SECTIONS, &e);
    let mut inputs = LaunchInputs::new(&bad_offset, 1, VcpuType::EpycMilan);
    inputs.kernel = Some(KERNEL);
    assert_eq!(
        LaunchMeasurement::compute(&inputs),
        Err(Error::Ovmf(OvmfError::HashTableOffset { offset: 0xF80 }))
    );

    let mut e = default_entries();
    e[1].1 = vec![0; 4];
    let no_ap = build(&SECTIONS, &e);
    assert_eq!(
        LaunchMeasurement::compute(&LaunchInputs::new(&no_ap, 2, VcpuType::EpycMilan)),
        Err(Error::Ovmf(OvmfError::NoApResetVector))
    );
    assert!(LaunchMeasurement::compute(&LaunchInputs::new(&no_ap, 1, VcpuType::EpycMilan)).is_ok());
}

#[test]
fn every_byte_of_the_tables_can_be_corrupted_without_a_panic() {
    let good = synthetic_ovmf();
    let table_start = LEN - 32 - 18 - 120;
    let ranges = [
        METADATA_AT..METADATA_AT + 16 + 12 * 6,
        table_start..LEN - 32,
    ];
    for r in ranges {
        for i in r {
            for v in [0x00, 0xFF, 0x80, good[i] ^ 1] {
                let mut d = good.clone();
                d[i] = v;
                // Either an image (possibly with other values) or a typed error.
                match OvmfImage::parse(&d) {
                    Ok(_) | Err(Error::Ovmf(_)) => {}
                    Err(other) => panic!("byte {i:#x} = {v:#x}: unexpected {other:?}"),
                }
            }
        }
    }
}
