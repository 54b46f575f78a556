//! `--policy FILE.toml`: every knob of [`Policy`] from a TOML file.
//!
//! Keys (all optional; unknown keys are an error):
//!
//! ```toml
//! base = "authenticity"          # or "strict" (adds DEBUG/migration off, VMPL 0,
//!                                # COMMITTED = CURRENT, the measurement allow-list)
//! product = "milan"              # milan | genoa | turin (needed for v2 reports)
//! versions = [3, 4, 5]           # report versions accepted (2 needs `product`)
//! signers = ["vcek", "vlek"]
//! crl = "require"                # require | allow-stale | if-present | skip
//! tcb_relation = "committed-eq-current"   # any | committed-le-current | committed-eq-current
//! min_firmware = { major = 1, minor = 55, build = 0 }
//! allow_debug = false            # effective when guest-policy checks run
//! allow_migration_agent = false  # (base = "strict", guest_policy or min_abi set)
//! guest_policy = { required = 0x10000, forbidden = 0x100000 }
//! min_abi = { major = 1, minor = 51 }
//! platform_info = { required = 0x1, forbidden = 0x0 }
//! mitigations = 0x1              # required CURRENT_MIT_VECTOR bits (v5)
//! vmpl = 0
//! measurements = ["<96 hex chars>"]
//! host_data = "<64 hex chars>"
//! family_id = "<32 hex>"         # image_id likewise; id_key_digest, author_key_digest: 96 hex
//! min_guest_svn = 1
//! [min_tcb.milan]                # also genoa, turin (turin also takes fmc)
//! bl = 3
//! tee = 0
//! snp = 8
//! ucode = 115
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use obscura_attestation::chain::CrlPolicy;
use obscura_attestation::policy::{Policy, TcbRelation};
use obscura_attestation::report::{FirmwareVersion, Measurement, Product, SigningKey, TcbVersion};
use serde::Deserialize;

use super::Error;
use super::input::{MAX_FILE_BYTES, read_capped};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    base: Option<String>,
    product: Option<String>,
    versions: Option<Vec<u32>>,
    signers: Option<Vec<String>>,
    crl: Option<String>,
    tcb_relation: Option<String>,
    min_firmware: Option<Firmware>,
    #[serde(default)]
    allow_debug: bool,
    #[serde(default)]
    allow_migration_agent: bool,
    guest_policy: Option<Bits>,
    min_abi: Option<Abi>,
    platform_info: Option<Bits>,
    mitigations: Option<u64>,
    vmpl: Option<u32>,
    measurements: Option<Vec<String>>,
    host_data: Option<String>,
    family_id: Option<String>,
    image_id: Option<String>,
    id_key_digest: Option<String>,
    author_key_digest: Option<String>,
    min_guest_svn: Option<u32>,
    #[serde(default)]
    min_tcb: BTreeMap<String, Tcb>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Firmware {
    major: u8,
    minor: u8,
    build: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bits {
    #[serde(default)]
    required: u64,
    #[serde(default)]
    forbidden: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Abi {
    major: u8,
    minor: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tcb {
    fmc: Option<u8>,
    bl: u8,
    tee: u8,
    snp: u8,
    ucode: u8,
}

/// A policy and the CRL mode it uses (the CLI needs the latter to decide on fetching).
pub(crate) struct Chosen {
    pub(crate) policy: Policy,
    pub(crate) crl: CrlPolicy,
}

/// Parses a product name as the CLI spells it.
pub(crate) fn product(name: &str) -> Option<Product> {
    match name.to_ascii_lowercase().as_str() {
        "milan" => Some(Product::Milan),
        "genoa" => Some(Product::Genoa),
        "turin" => Some(Product::Turin),
        _ => None,
    }
}

/// `authenticity`, `strict` (no measurement allowed until a file lists some) or a file.
pub(crate) fn choose(arg: &str) -> Result<Chosen, Error> {
    match arg {
        "authenticity" => Ok(Chosen {
            policy: Policy::authenticity(),
            crl: CrlPolicy::Require,
        }),
        "strict" => Ok(Chosen {
            policy: Policy::strict([]),
            crl: CrlPolicy::Require,
        }),
        file => load(Path::new(file)),
    }
}

fn load(path: &Path) -> Result<Chosen, Error> {
    let bytes = read_capped(path, MAX_FILE_BYTES)?;
    let bad = |reason: String| Error::Policy {
        path: path.to_owned(),
        reason,
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| bad("not UTF-8".into()))?;
    let f: PolicyFile = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    build(f).map_err(bad)
}

fn build(f: PolicyFile) -> Result<Chosen, String> {
    let measurements: Option<Vec<Measurement>> = f
        .measurements
        .as_deref()
        .map(|ms| {
            ms.iter()
                .map(|m| hex_array(m, "measurement").map(Measurement))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let mut p = match f.base.as_deref().unwrap_or("authenticity") {
        "authenticity" => Policy::authenticity(),
        "strict" => Policy::strict(measurements.clone().unwrap_or_default()),
        other => return Err(format!("base {other:?}: expected authenticity or strict")),
    };
    if let Some(ms) = measurements {
        p = p.measurements(ms);
    }
    if let Some(name) = &f.product {
        p = p.product(product(name).ok_or(format!("unknown product {name:?}"))?);
    }
    if let Some(v) = &f.versions {
        p = p.versions(v);
    }
    if let Some(s) = &f.signers {
        let signers: Vec<SigningKey> = s
            .iter()
            .map(|s| match s.to_ascii_lowercase().as_str() {
                "vcek" => Ok(SigningKey::Vcek),
                "vlek" => Ok(SigningKey::Vlek),
                other => Err(format!("signer {other:?}: expected vcek or vlek")),
            })
            .collect::<Result<_, _>>()?;
        p = p.signers(&signers);
    }
    let crl = match f.crl.as_deref().unwrap_or("require") {
        "require" => CrlPolicy::Require,
        "allow-stale" => CrlPolicy::AllowStale,
        "if-present" => CrlPolicy::IfPresent,
        "skip" => CrlPolicy::Skip,
        other => {
            return Err(format!(
                "crl {other:?}: expected require, allow-stale, if-present or skip"
            ));
        }
    };
    p = p.crl(crl);
    if let Some(r) = f.tcb_relation.as_deref() {
        p = p.tcb_relation(match r {
            "any" => TcbRelation::Any,
            "committed-le-current" => TcbRelation::CommittedAtMostCurrent,
            "committed-eq-current" => TcbRelation::CommittedEqualsCurrent,
            other => {
                return Err(format!(
                    "tcb_relation {other:?}: expected any, committed-le-current or committed-eq-current"
                ));
            }
        });
    }
    if let Some(fw) = f.min_firmware {
        p = p.min_firmware(FirmwareVersion {
            major: fw.major,
            minor: fw.minor,
            build: fw.build,
        });
    }
    if f.allow_debug {
        p = p.dangerous_allow_debug();
    }
    if f.allow_migration_agent {
        p = p.allow_migration_agent();
    }
    if let Some(b) = f.guest_policy {
        p = p.guest_policy_bits(b.required, b.forbidden);
    }
    if let Some(a) = f.min_abi {
        p = p.min_abi(a.major, a.minor);
    }
    if let Some(b) = f.platform_info {
        p = p.platform_info(b.required, b.forbidden);
    }
    if let Some(m) = f.mitigations {
        p = p.mitigations(m);
    }
    if let Some(v) = f.vmpl {
        p = p.vmpl(v);
    }
    if let Some(h) = &f.host_data {
        p = p.host_data(hex_array(h, "host_data")?);
    }
    if let Some(h) = &f.family_id {
        p = p.family_id(hex_array(h, "family_id")?);
    }
    if let Some(h) = &f.image_id {
        p = p.image_id(hex_array(h, "image_id")?);
    }
    if let Some(h) = &f.id_key_digest {
        p = p.id_key_digest(hex_array(h, "id_key_digest")?);
    }
    if let Some(h) = &f.author_key_digest {
        p = p.author_key_digest(hex_array(h, "author_key_digest")?);
    }
    if let Some(s) = f.min_guest_svn {
        p = p.min_guest_svn(s);
    }
    for (name, t) in f.min_tcb {
        let prod = product(&name).ok_or(format!("min_tcb.{name}: unknown product"))?;
        if prod.has_fmc() != t.fmc.is_some() {
            return Err(format!(
                "min_tcb.{name}: fmc is required on turin and only there"
            ));
        }
        p = p.min_tcb(
            prod,
            TcbVersion {
                fmc: t.fmc,
                bl: t.bl,
                tee: t.tee,
                snp: t.snp,
                ucode: t.ucode,
            },
        );
    }
    Ok(Chosen { policy: p, crl })
}

fn hex_array<const N: usize>(s: &str, key: &str) -> Result<[u8; N], String> {
    let bytes = hex::decode(s.trim()).map_err(|_| format!("{key}: not hex"))?;
    <[u8; N]>::try_from(bytes.as_slice())
        .map_err(|_| format!("{key}: expected {N} bytes, got {}", bytes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses() {
        let text = format!(
            r#"
base = "strict"
product = "genoa"
versions = [3, 5]
signers = ["vcek"]
crl = "allow-stale"
tcb_relation = "committed-le-current"
min_firmware = {{ major = 1, minor = 55, build = 3 }}
allow_debug = true
allow_migration_agent = true
guest_policy = {{ required = 0x10000, forbidden = 0x100000 }}
min_abi = {{ major = 1, minor = 51 }}
platform_info = {{ required = 1 }}
mitigations = 2
vmpl = 1
measurements = ["{m}"]
host_data = "{h}"
family_id = "{f}"
image_id = "{f}"
id_key_digest = "{m}"
author_key_digest = "{m}"
min_guest_svn = 4
[min_tcb.turin]
fmc = 1
bl = 2
tee = 3
snp = 4
ucode = 5
"#,
            m = "ab".repeat(48),
            h = "cd".repeat(32),
            f = "ef".repeat(16)
        );
        let f: PolicyFile = toml::from_str(&text).unwrap();
        let chosen = build(f).unwrap();
        assert_eq!(chosen.crl, CrlPolicy::AllowStale);
        let want = Policy::strict([Measurement([0xab; 48])])
            .measurements([Measurement([0xab; 48])])
            .product(Product::Genoa)
            .versions(&[3, 5])
            .signers(&[SigningKey::Vcek])
            .crl(CrlPolicy::AllowStale)
            .tcb_relation(TcbRelation::CommittedAtMostCurrent)
            .min_firmware(FirmwareVersion {
                major: 1,
                minor: 55,
                build: 3,
            })
            .dangerous_allow_debug()
            .allow_migration_agent()
            .guest_policy_bits(0x10000, 0x100000)
            .min_abi(1, 51)
            .platform_info(1, 0)
            .mitigations(2)
            .vmpl(1)
            .host_data([0xcd; 32])
            .family_id([0xef; 16])
            .image_id([0xef; 16])
            .id_key_digest([0xab; 48])
            .author_key_digest([0xab; 48])
            .min_guest_svn(4)
            .min_tcb(
                Product::Turin,
                TcbVersion {
                    fmc: Some(1),
                    bl: 2,
                    tee: 3,
                    snp: 4,
                    ucode: 5,
                },
            );
        assert_eq!(chosen.policy, want);
    }

    #[test]
    fn mistakes_are_named() {
        let e = |t: &str| match toml::from_str::<PolicyFile>(t) {
            Ok(f) => build(f).err().unwrap_or_default(),
            Err(e) => e.message().to_owned(),
        };
        assert_eq!(
            e("crl = \"maybe\""),
            "crl \"maybe\": expected require, allow-stale, if-present or skip"
        );
        assert_eq!(
            e("host_data = \"abcd\""),
            "host_data: expected 32 bytes, got 2"
        );
        assert_eq!(
            e("[min_tcb.milan]\nfmc = 1\nbl = 0\ntee = 0\nsnp = 0\nucode = 0"),
            "min_tcb.milan: fmc is required on turin and only there"
        );
        assert!(
            e("colour = 1").starts_with("unknown field `colour`"),
            "{}",
            e("colour = 1")
        );
    }
}
