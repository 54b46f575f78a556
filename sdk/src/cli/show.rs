//! `obscura report show REPORT`: every field of a report, decoded, as text or JSON.

use obscura_attestation::report::{GuestPolicy, PlatformInfo, Product, Report, SigningKey, Tcb};
use serde_json::{Value, json};

use super::Error;
use super::input;

/// Decodes and prints the report. Reserved-byte problems are shown (`format`), not fatal.
pub(crate) fn run(
    path: &std::path::Path,
    product: Option<Product>,
    as_json: bool,
) -> Result<(), Error> {
    let bytes = input::read_capped(path, 64 * 1024)?;
    let report = Report::decode(&bytes, product).map_err(|e| match e {
        obscura_attestation::Error::ProductRequired { version } => Error::Usage(format!(
            "report version {version} carries no CPUID: pass --product milan|genoa|turin"
        )),
        e => Error::Attestation(e),
    })?;
    let v = describe(&report);
    let mut out = String::new();
    if as_json {
        out = serde_json::to_string_pretty(&v)?;
        out.push('\n');
    } else {
        let mut lines = Vec::new();
        for key in FIELD_ORDER {
            if let Some(field) = v.get(key) {
                flatten(key, field, &mut lines);
            }
        }
        let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (k, val) in lines {
            line!(out, "{k:<width$}  {val}");
        }
    }
    super::emit(&out)
}

/// Top-level fields in report order (the JSON object itself is sorted by key).
const FIELD_ORDER: [&str; 29] = [
    "version",
    "product",
    "format",
    "guest_svn",
    "policy",
    "family_id",
    "image_id",
    "vmpl",
    "signature_algo",
    "current_tcb",
    "platform_info",
    "key_info",
    "report_data",
    "measurement",
    "host_data",
    "id_key_digest",
    "author_key_digest",
    "report_id",
    "report_id_ma",
    "reported_tcb",
    "cpuid",
    "chip_id",
    "committed_tcb",
    "current_fw",
    "committed_fw",
    "launch_tcb",
    "launch_mit_vector",
    "current_mit_vector",
    "signature",
];

fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, val, out);
            }
        }
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

fn tcb(t: &Tcb) -> Value {
    let v = t.version;
    json!({
        "raw": hex::encode(t.raw),
        "fmc": v.fmc,
        "bl": v.bl,
        "tee": v.tee,
        "snp": v.snp,
        "ucode": v.ucode,
    })
}

fn guest_policy(p: GuestPolicy) -> Value {
    json!({
        "raw": format!("{:#x}", p.0),
        "abi_major": p.abi_major(),
        "abi_minor": p.abi_minor(),
        "smt": p.has(GuestPolicy::SMT),
        "reserved_bit17": p.has(GuestPolicy::RESERVED_ONE),
        "migrate_ma": p.migrate_ma(),
        "debug": p.debug(),
        "single_socket": p.has(GuestPolicy::SINGLE_SOCKET),
        "cxl_allow": p.has(GuestPolicy::CXL_ALLOW),
        "mem_aes_256_xts": p.has(GuestPolicy::MEM_AES_256_XTS),
        "rapl_dis": p.has(GuestPolicy::RAPL_DIS),
        "ciphertext_hiding": p.has(GuestPolicy::CIPHERTEXT_HIDING),
        "page_swap_disable": p.has(GuestPolicy::PAGE_SWAP_DISABLE),
    })
}

fn platform_info(p: PlatformInfo) -> Value {
    json!({
        "raw": format!("{:#x}", p.0),
        "smt_en": p.has(PlatformInfo::SMT_EN),
        "tsme_en": p.has(PlatformInfo::TSME_EN),
        "ecc_en": p.has(PlatformInfo::ECC_EN),
        "rapl_dis": p.has(PlatformInfo::RAPL_DIS),
        "ciphertext_hiding_en": p.has(PlatformInfo::CIPHERTEXT_HIDING_EN),
        "alias_check_complete": p.has(PlatformInfo::ALIAS_CHECK_COMPLETE),
        "tio_en": p.has(PlatformInfo::TIO_EN),
    })
}

/// Every field; byte fields in hex, flags decoded, TCBs per the report's product.
fn describe(r: &Report) -> Value {
    let signing_key = match r.key_info.signing_key() {
        Some(SigningKey::Vcek) => json!("vcek"),
        Some(SigningKey::Vlek) => json!("vlek"),
        Some(SigningKey::None) => json!("none"),
        None => json!(format!("reserved ({})", r.key_info.signing_key_raw())),
    };
    let fw = |f: obscura_attestation::report::FirmwareVersion| json!({ "major": f.major, "minor": f.minor, "build": f.build });
    json!({
        "version": r.version,
        "product": r.product.name(),
        "format": match r.check_format() {
            Ok(()) => "ok".to_owned(),
            Err(e) => e.to_string(),
        },
        "guest_svn": r.guest_svn,
        "policy": guest_policy(r.policy),
        "family_id": hex::encode(r.family_id),
        "image_id": hex::encode(r.image_id),
        "vmpl": r.vmpl,
        "signature_algo": r.sig_algo,
        "current_tcb": tcb(&r.current_tcb),
        "platform_info": platform_info(r.platform_info),
        "key_info": {
            "raw": format!("{:#x}", r.key_info.0),
            "author_key_en": r.key_info.author_key_en(),
            "mask_chip_key": r.key_info.mask_chip_key(),
            "signing_key": signing_key,
        },
        "report_data": hex::encode(r.report_data.0),
        "measurement": r.measurement.to_string(),
        "host_data": hex::encode(r.host_data),
        "id_key_digest": hex::encode(r.id_key_digest),
        "author_key_digest": hex::encode(r.author_key_digest),
        "report_id": hex::encode(r.report_id),
        "report_id_ma": hex::encode(r.report_id_ma),
        "reported_tcb": tcb(&r.reported_tcb),
        "cpuid": r.cpuid.map(|c| json!({
            "family": format!("{:#x}", c.family),
            "model": format!("{:#x}", c.model),
            "stepping": format!("{:#x}", c.stepping),
        })),
        "chip_id": hex::encode(r.chip_id),
        "committed_tcb": tcb(&r.committed_tcb),
        "current_fw": fw(r.current_fw),
        "committed_fw": fw(r.committed_fw),
        "launch_tcb": tcb(&r.launch_tcb),
        "launch_mit_vector": r.launch_mit_vector.map(|m| format!("{m:#x}")),
        "current_mit_vector": r.current_mit_vector.map(|m| format!("{m:#x}")),
        "signature": {
            "r": hex::encode(r.signature.r),
            "s": hex::encode(r.signature.s),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_output_covers_every_json_field() {
        let mut raw = [0u8; 1184];
        raw[0] = 2; // VERSION 2, everything else zero
        let r = Report::decode(&raw, Some(Product::Milan)).unwrap();
        let v = describe(&r);
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut order = FIELD_ORDER.to_vec();
        keys.sort_unstable();
        order.sort_unstable();
        assert_eq!(keys, order);
        assert_eq!(v["format"], "guest policy bit 17 must be set");
        assert_eq!(v["cpuid"], Value::Null);
    }
}
