//! The SEV-SNP launch measurement a guest will report, computed from its inputs.
//!
//! A user pins `MEASUREMENT` in a [`crate::policy::Policy`]; this module computes the value
//! to pin from the OVMF image, the kernel, initrd and command line (QEMU's direct boot, whose
//! SHA-256 hashes OVMF finds in a measured page), the number and type of vCPUs, and the VMM.
//! It computes what the `sev-snp-measure` tool (mode `snp`) computes and is checked against
//! known answers produced with that tool (see `testdata/measure/README.md`).
//!
//! The launch digest starts at 48 zero bytes; every page the VMM adds with
//! `SNP_LAUNCH_UPDATE` folds in as `digest = SHA-384(PAGE_INFO)` (SEV-SNP ABI, `PAGE_INFO`):
//!
//! ```text
//! 0x00 digest [48] | 0x30 contents [48] | 0x60 length u16 = 0x70 | page type u8 | is_imi u8
//! 0x64 vmpl3, vmpl2, vmpl1 perms u8 × 3 | reserved u8 | 0x68 gpa u64
//! ```
//!
//! `contents` is the SHA-384 of the page for normal and VMSA pages and zero otherwise. The
//! order is: the OVMF image page by page (ending at 4 GiB), the SEV metadata sections
//! (zero, secrets, CPUID, kernel-hashes pages; VMM-specific), then one VMSA page per vCPU.
//!
//! ```
//! use obscura_attestation::Error;
//! use obscura_attestation::measure::{LaunchInputs, LaunchMeasurement, OvmfError, VcpuType};
//!
//! // What to pin for a 4-vCPU EPYC-Milan QEMU guest with direct boot (needs a real OVMF
//! // built with SEV-SNP support, e.g. OvmfPkg/AmdSev):
//! # fn pin(ovmf: &[u8], kernel: &[u8], initrd: &[u8]) -> Result<[u8; 48], Error> {
//! let mut inputs = LaunchInputs::new(ovmf, 4, VcpuType::EpycMilan);
//! inputs.kernel = Some(kernel);
//! inputs.initrd = Some(initrd);
//! inputs.cmdline = Some("console=ttyS0");
//! let measurement: [u8; 48] = LaunchMeasurement::compute(&inputs)?;
//! # Ok(measurement) }
//!
//! // An image without OVMF's GUID table is refused, not measured.
//! let not_ovmf = vec![0u8; 4096];
//! let err = LaunchMeasurement::compute(&LaunchInputs::new(&not_ovmf, 1, VcpuType::EpycMilan));
//! assert_eq!(err, Err(Error::Ovmf(OvmfError::NoFooterTable)));
//! ```

pub mod ovmf;
#[cfg(test)]
mod tests;
mod vmsa;

use sha2::{Digest, Sha256, Sha384};

pub use ovmf::{OvmfError, OvmfImage, Section, SectionType};

use crate::Error;
use ovmf::{EfiGuid, PAGE};

/// Largest number of vCPUs accepted.
pub const MAX_VCPUS: u32 = 4096;

/// `SEV_FEATURES` of a plain SNP guest: SNPActive.
pub const DEFAULT_GUEST_FEATURES: u64 = 0x1;

/// Which VMM launches the guest: they differ in a few initial register values and in how
/// they add some metadata pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum VmmType {
    /// QEMU/KVM.
    #[default]
    Qemu,
    /// AWS EC2: CPUID page added last, different segment attributes, RDX 0x600.
    Ec2,
    /// Google Compute Engine: `SNP_SEC_MEM` unmeasured, own PAT, RDX 0x600.
    Gce,
}

/// A vCPU model as QEMU names it, for its CPUID signature (placed in RDX at reset).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VcpuType {
    /// `EPYC` (family 23, model 1, stepping 2).
    Epyc,
    /// `EPYC-Rome` (23, 49, 0).
    EpycRome,
    /// `EPYC-Milan` (25, 1, 1).
    EpycMilan,
    /// `EPYC-Genoa` (25, 17, 0).
    EpycGenoa,
    /// `EPYC-Turin` (26, 0, 0).
    EpycTurin,
}

impl VcpuType {
    /// The CPUID Fn0000_0001_EAX signature of this model.
    pub fn signature(self) -> u32 {
        let (family, model, stepping) = match self {
            VcpuType::Epyc => (23, 1, 2),
            VcpuType::EpycRome => (23, 49, 0),
            VcpuType::EpycMilan => (25, 1, 1),
            VcpuType::EpycGenoa => (25, 17, 0),
            VcpuType::EpycTurin => (26, 0, 0),
        };
        cpuid_signature(family, model, stepping)
    }
}

/// CPUID Fn0000_0001_EAX from family, model and stepping (AMD CPUID specification #25481):
/// families above 0xF put 0xF in the base field and the rest in the extended field.
pub fn cpuid_signature(family: u8, model: u8, stepping: u8) -> u32 {
    let (base_family, ext_family) = if family > 0xF {
        (0xF, family - 0xF)
    } else {
        (family, 0)
    };
    (u32::from(ext_family) << 20)
        | (u32::from(model >> 4) << 16)
        | (u32::from(base_family) << 8)
        | (u32::from(model & 0xF) << 4)
        | u32::from(stepping & 0xF)
}

/// Why the launch inputs (other than the OVMF image) were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LaunchInputError {
    /// The vCPU count is zero or above [`MAX_VCPUS`].
    #[error("{got} vCPUs is not in 1..={max}")]
    Vcpus {
        /// The count given.
        got: u32,
        /// The cap.
        max: u32,
    },
    /// An initrd or a command line without a kernel (QEMU refuses that too).
    #[error("an initrd or command line needs a kernel")]
    KernelRequired,
}

impl From<LaunchInputError> for Error {
    fn from(e: LaunchInputError) -> Self {
        Error::LaunchInput(e)
    }
}

/// Everything the launch measurement depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaunchInputs<'a> {
    /// The OVMF image (the firmware QEMU maps below 4 GiB).
    pub ovmf: &'a [u8],
    /// The kernel for direct boot (`-kernel`), if any.
    pub kernel: Option<&'a [u8]>,
    /// The initrd (`-initrd`); hashed as empty when absent and a kernel is given.
    pub initrd: Option<&'a [u8]>,
    /// The kernel command line (`-append`), without the NUL QEMU appends.
    pub cmdline: Option<&'a str>,
    /// Number of vCPUs.
    pub vcpus: u32,
    /// CPUID signature of the vCPU model (see [`VcpuType::signature`]); only QEMU uses it.
    pub vcpu_sig: u32,
    /// The VMM.
    pub vmm: VmmType,
    /// `SEV_FEATURES` of every VMSA (see [`DEFAULT_GUEST_FEATURES`]).
    pub guest_features: u64,
}

impl<'a> LaunchInputs<'a> {
    /// A QEMU guest booting `ovmf` alone on `vcpus` vCPUs of model `vcpu`, default features.
    pub fn new(ovmf: &'a [u8], vcpus: u32, vcpu: VcpuType) -> Self {
        Self {
            ovmf,
            kernel: None,
            initrd: None,
            cmdline: None,
            vcpus,
            vcpu_sig: vcpu.signature(),
            vmm: VmmType::Qemu,
            guest_features: DEFAULT_GUEST_FEATURES,
        }
    }
}

/// The launch-measurement calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaunchMeasurement;

/// `PAGE_INFO` page types.
#[derive(Clone, Copy)]
enum PageType {
    Normal = 1,
    Vmsa = 2,
    Zero = 3,
    Unmeasured = 4,
    Secrets = 5,
    Cpuid = 6,
}

/// The page address the firmware records for VMSA pages (-1, page-aligned, 52 bits).
const VMSA_GPA: u64 = 0xFFFF_FFFF_F000;

/// The running launch digest.
struct LaunchDigest([u8; 48]);

impl LaunchDigest {
    fn update(&mut self, page_type: PageType, gpa: u64, contents: &[u8; 48]) {
        let mut h = Sha384::new();
        h.update(self.0);
        h.update(contents);
        h.update(0x70u16.to_le_bytes());
        h.update([page_type as u8, 0]); // type, is_imi
        h.update([0, 0, 0, 0]); // VMPL3/2/1 permissions, reserved
        h.update(gpa.to_le_bytes());
        self.0 = h.finalize().into();
    }

    fn normal_pages(&mut self, gpa: u64, data: &[u8]) {
        for (gpa, page) in (gpa..).step_by(PAGE).zip(data.chunks(PAGE)) {
            self.update(PageType::Normal, gpa, &Sha384::digest(page).into());
        }
    }

    fn empty_pages(&mut self, page_type: PageType, gpa: u32, size: u32) {
        let (gpa, size) = (u64::from(gpa), u64::from(size));
        for gpa in (gpa..gpa + size).step_by(PAGE) {
            self.update(page_type, gpa, &[0; 48]);
        }
    }
}

/// The kernel hash table GUIDs (EFI byte order).
const HASH_TABLE_GUID: EfiGuid = EfiGuid::new(
    0x9438_d606,
    0x4f22,
    0x4cc9,
    [0xb4, 0x79, 0xa7, 0x93, 0xd4, 0x11, 0xfd, 0x21],
);
const CMDLINE_GUID: EfiGuid = EfiGuid::new(
    0x97d0_2dd8,
    0xbd20,
    0x4c94,
    [0xaa, 0x78, 0xe7, 0x71, 0x4d, 0x36, 0xab, 0x2a],
);
const INITRD_GUID: EfiGuid = EfiGuid::new(
    0x44ba_f731,
    0x3a2f,
    0x4bd7,
    [0x9a, 0xf1, 0x41, 0xe2, 0x91, 0x69, 0x78, 0x1d],
);
const KERNEL_GUID: EfiGuid = EfiGuid::new(
    0x4de7_9437,
    0xabd2,
    0x427f,
    [0xb8, 0x35, 0xd5, 0xb1, 0x72, 0xd2, 0x04, 0x5b],
);

/// Size of one hash table entry: GUID, u16 length, SHA-256.
const HASH_ENTRY_LEN: u16 = 16 + 2 + 32;
/// Size of the table: GUID, u16 length, three entries (168); padded to 16 bytes (176).
const HASH_TABLE_LEN: u16 = 16 + 2 + 3 * HASH_ENTRY_LEN;
const HASH_TABLE_PADDED: usize = 176;

/// The SEV hash table QEMU writes for direct boot: header then cmdline, initrd and kernel
/// entries, zero-padded to a multiple of 16 bytes.
fn hash_table(kernel: &[u8], initrd: &[u8], cmdline: &str) -> Vec<u8> {
    let mut cmd = Sha256::new();
    cmd.update(cmdline.as_bytes());
    cmd.update([0]);
    let mut t = Vec::with_capacity(HASH_TABLE_PADDED);
    t.extend_from_slice(&HASH_TABLE_GUID.0);
    t.extend_from_slice(&HASH_TABLE_LEN.to_le_bytes());
    for (guid, hash) in [
        (CMDLINE_GUID, cmd.finalize()),
        (INITRD_GUID, Sha256::digest(initrd)),
        (KERNEL_GUID, Sha256::digest(kernel)),
    ] {
        t.extend_from_slice(&guid.0);
        t.extend_from_slice(&HASH_ENTRY_LEN.to_le_bytes());
        t.extend_from_slice(&hash);
    }
    t.resize(HASH_TABLE_PADDED, 0);
    t
}

impl LaunchMeasurement {
    /// The 48-byte launch digest of a guest started from `inputs`.
    pub fn compute(inputs: &LaunchInputs<'_>) -> Result<[u8; 48], Error> {
        if inputs.vcpus == 0 || inputs.vcpus > MAX_VCPUS {
            return Err(LaunchInputError::Vcpus {
                got: inputs.vcpus,
                max: MAX_VCPUS,
            }
            .into());
        }
        if inputs.kernel.is_none() && (inputs.initrd.is_some() || inputs.cmdline.is_some()) {
            return Err(LaunchInputError::KernelRequired.into());
        }
        let ovmf = OvmfImage::parse(inputs.ovmf)?;
        if inputs.vcpus > 1 && ovmf.reset_eip() == 0 {
            return Err(OvmfError::NoApResetVector.into());
        }
        let hashes_page = match inputs.kernel {
            Some(kernel) => Some(Self::hashes_page(&ovmf, kernel, inputs)?),
            None => None,
        };

        let mut ld = LaunchDigest([0; 48]);
        ld.normal_pages(ovmf.gpa(), ovmf.data());
        for s in ovmf.sections() {
            match s.kind {
                SectionType::SecMem if inputs.vmm == VmmType::Gce => {
                    ld.empty_pages(PageType::Unmeasured, s.gpa, s.size);
                }
                SectionType::SecMem | SectionType::SvsmCaa => {
                    ld.empty_pages(PageType::Zero, s.gpa, s.size);
                }
                SectionType::Secrets => ld.update(PageType::Secrets, s.gpa.into(), &[0; 48]),
                SectionType::Cpuid if inputs.vmm != VmmType::Ec2 => {
                    ld.update(PageType::Cpuid, s.gpa.into(), &[0; 48]);
                }
                SectionType::Cpuid => {} // EC2 adds it after all other sections.
                SectionType::KernelHashes => match &hashes_page {
                    Some(page) => ld.normal_pages(s.gpa.into(), page),
                    None => ld.empty_pages(PageType::Zero, s.gpa, s.size),
                },
            }
        }
        if inputs.vmm == VmmType::Ec2 {
            for s in ovmf
                .sections()
                .iter()
                .filter(|s| s.kind == SectionType::Cpuid)
            {
                ld.update(PageType::Cpuid, s.gpa.into(), &[0; 48]);
            }
        }

        let bsp = vmsa::vmsa_page(
            vmsa::BSP_EIP,
            inputs.guest_features,
            inputs.vcpu_sig,
            inputs.vmm,
        );
        let ap = vmsa::vmsa_page(
            ovmf.reset_eip(),
            inputs.guest_features,
            inputs.vcpu_sig,
            inputs.vmm,
        );
        let bsp_hash: [u8; 48] = Sha384::digest(bsp).into();
        let ap_hash: [u8; 48] = Sha384::digest(ap).into();
        for i in 0..inputs.vcpus {
            ld.update(
                PageType::Vmsa,
                VMSA_GPA,
                if i == 0 { &bsp_hash } else { &ap_hash },
            );
        }
        Ok(ld.0)
    }

    /// The page that holds the kernel hash table at the offset OVMF expects.
    fn hashes_page(
        ovmf: &OvmfImage<'_>,
        kernel: &[u8],
        inputs: &LaunchInputs<'_>,
    ) -> Result<Vec<u8>, Error> {
        let (index, section) = ovmf
            .sections()
            .iter()
            .enumerate()
            .find(|(_, s)| s.kind == SectionType::KernelHashes)
            .ok_or(OvmfError::NoKernelHashesSection)?;
        if section.size != 4096 {
            return Err(OvmfError::SectionSize {
                index,
                size: section.size,
            }
            .into());
        }
        let table_gpa = ovmf.hash_table_gpa().ok_or(OvmfError::MissingEntry {
            what: "SEV hash table",
        })?;
        let offset = usize::try_from(table_gpa & 0xFFF).unwrap_or(PAGE);
        let table = hash_table(
            kernel,
            inputs.initrd.unwrap_or_default(),
            inputs.cmdline.unwrap_or_default(),
        );
        let mut page = vec![0u8; PAGE];
        page.get_mut(offset..offset + table.len())
            .ok_or(OvmfError::HashTableOffset { offset })?
            .copy_from_slice(&table);
        Ok(page)
    }
}
