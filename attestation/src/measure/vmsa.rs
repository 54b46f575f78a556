//! The initial VMSA (VM save area) page of each vCPU, as the VMM writes it before launch.
//!
//! Offsets follow the SEV-ES save-area layout of the AMD64 Architecture Programmer's Manual,
//! Vol. 2, Appendix B (Table B-4) and Linux's `struct sev_es_save_area`. Only the fields a
//! VMM sets at reset are written; everything else is zero. Segment registers are
//! `selector u16 | attrib u16 | limit u32 | base u64`.

use super::VmmType;
use super::ovmf::PAGE;

/// The BSP starts at the architectural reset vector.
pub(crate) const BSP_EIP: u32 = 0xFFFF_FFF0;

// Segment registers.
const ES: usize = 0x000;
const CS: usize = 0x010;
const SS: usize = 0x020;
const DS: usize = 0x030;
const FS: usize = 0x040;
const GS: usize = 0x050;
const GDTR: usize = 0x060;
const LDTR: usize = 0x070;
const IDTR: usize = 0x080;
const TR: usize = 0x090;
// Control, debug and flag registers.
const EFER: usize = 0x0D0;
const CR4: usize = 0x148;
const CR0: usize = 0x158;
const DR7: usize = 0x160;
const DR6: usize = 0x168;
const RFLAGS: usize = 0x170;
const RIP: usize = 0x178;
const G_PAT: usize = 0x268;
const RDX: usize = 0x310;
const SEV_FEATURES: usize = 0x3B0;
const XCR0: usize = 0x3E8;
// FPU state.
const MXCSR: usize = 0x408;
const X87_FCW: usize = 0x410;

/// The default PAT MSR value (APM Vol. 2, A.3).
const DEFAULT_PAT: u64 = 0x0007_0406_0007_0406;

struct Page([u8; PAGE]);

impl Page {
    fn put(&mut self, at: usize, bytes: &[u8]) {
        // Every offset above is a constant well inside the 4096-byte page.
        if let Some(dst) = self.0.get_mut(at..at + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
    }

    fn seg(&mut self, at: usize, selector: u16, attrib: u16, limit: u32, base: u64) {
        self.put(at, &selector.to_le_bytes());
        self.put(at + 2, &attrib.to_le_bytes());
        self.put(at + 4, &limit.to_le_bytes());
        self.put(at + 8, &base.to_le_bytes());
    }

    fn u64(&mut self, at: usize, v: u64) {
        self.put(at, &v.to_le_bytes());
    }
}

/// The VMSA page of a vCPU starting at `eip`.
pub(crate) fn vmsa_page(eip: u32, sev_features: u64, vcpu_sig: u32, vmm: VmmType) -> [u8; PAGE] {
    // The VMMs differ in a few reset values.
    let (cs_attr, ss_attr, tr_attr, rdx, mxcsr, fcw, g_pat) = match vmm {
        VmmType::Qemu => (
            0x9B,
            0x93,
            0x8B,
            u64::from(vcpu_sig),
            0x1F80u32,
            0x37Fu16,
            DEFAULT_PAT,
        ),
        VmmType::Ec2 => {
            // EC2 leaves the accessed bit of the BSP's CS clear.
            let cs = if eip == BSP_EIP { 0x9A } else { 0x9B };
            (cs, 0x92, 0x83, 0x600, 0, 0, DEFAULT_PAT)
        }
        VmmType::Gce => (0x9B, 0x93, 0x8B, 0x600, 0, 0, 0x0007_0106),
    };
    let mut p = Page([0; PAGE]);
    p.seg(ES, 0, 0x93, 0xFFFF, 0);
    p.seg(CS, 0xF000, cs_attr, 0xFFFF, u64::from(eip & 0xFFFF_0000));
    p.seg(SS, 0, ss_attr, 0xFFFF, 0);
    p.seg(DS, 0, 0x93, 0xFFFF, 0);
    p.seg(FS, 0, 0x93, 0xFFFF, 0);
    p.seg(GS, 0, 0x93, 0xFFFF, 0);
    p.seg(GDTR, 0, 0, 0xFFFF, 0);
    p.seg(IDTR, 0, 0, 0xFFFF, 0);
    p.seg(LDTR, 0, 0x82, 0xFFFF, 0);
    p.seg(TR, 0, tr_attr, 0xFFFF, 0);
    p.u64(EFER, 0x1000); // SVME, set by KVM
    p.u64(CR4, 0x40); // MCE, set by KVM
    p.u64(CR0, 0x10); // ET
    p.u64(DR7, 0x400);
    p.u64(DR6, 0xFFFF_0FF0);
    p.u64(RFLAGS, 0x2);
    p.u64(RIP, u64::from(eip & 0xFFFF));
    p.u64(G_PAT, g_pat);
    p.u64(RDX, rdx);
    p.u64(SEV_FEATURES, sev_features);
    p.u64(XCR0, 0x1);
    p.put(MXCSR, &mxcsr.to_le_bytes());
    p.put(X87_FCW, &fcw.to_le_bytes());
    p.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qemu_bsp_page_fields() {
        let p = vmsa_page(BSP_EIP, 1, 0x00A0_0F11, VmmType::Qemu);
        // CS: selector F000, attrib 9B, limit FFFF, base FFFF0000.
        assert_eq!(
            &p[CS..CS + 16],
            &[
                0x00, 0xF0, 0x9B, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0
            ]
        );
        assert_eq!(&p[RIP..RIP + 8], &0xFFF0u64.to_le_bytes());
        assert_eq!(&p[RDX..RDX + 8], &0x00A0_0F11u64.to_le_bytes());
        assert_eq!(&p[SEV_FEATURES..SEV_FEATURES + 8], &1u64.to_le_bytes());
        assert_eq!(&p[MXCSR..MXCSR + 4], &0x1F80u32.to_le_bytes());
        assert_eq!(&p[X87_FCW..X87_FCW + 2], &0x37Fu16.to_le_bytes());
        assert!(p[0x420..].iter().all(|b| *b == 0));
    }

    #[test]
    fn ec2_and_gce_quirks() {
        let bsp = vmsa_page(BSP_EIP, 1, 0, VmmType::Ec2);
        let ap = vmsa_page(0x0080_B004, 1, 0, VmmType::Ec2);
        assert_eq!(
            (bsp[CS + 2], ap[CS + 2], bsp[SS + 2], bsp[TR + 2]),
            (0x9A, 0x9B, 0x92, 0x83)
        );
        assert_eq!(&bsp[RDX..RDX + 8], &0x600u64.to_le_bytes());
        let gce = vmsa_page(BSP_EIP, 1, 0, VmmType::Gce);
        assert_eq!(&gce[G_PAT..G_PAT + 8], &0x0007_0106u64.to_le_bytes());
        assert_eq!(&gce[MXCSR..MXCSR + 4], &[0; 4]);
    }
}
