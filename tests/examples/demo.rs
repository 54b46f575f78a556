//! The README demo, on what exists today: the protocol path of one caption request.
//!
//! SDK → host → enclave and back, in one process: the enclave generates its X-Wing and X25519
//! keys, the SDK seals the sample image to the preferred suite with OHTTP + BHTTP, the host
//! routes it by key id without being able to read it, the enclave opens it and answers with a
//! sealed response. Attestation (issue 4), the image pipeline (issue 5), the sanitizer
//! (issue 6), the caption stage (issue 8) and real sockets (issue 7) are not built yet, so the
//! enclave's answer is an honest empty result and this program says so.

#![allow(clippy::print_stdout)]

use std::time::{Instant, SystemTime};

use anyhow::{Context, bail};
use obscura_enclave::keys::KeySet;
use obscura_host::route::{ReplicaId, Routes};
use obscura_protocol::api::{CaptionOptions, CaptionResponse, Digest32, MediaType};
use obscura_protocol::limits::MAX_IMAGE_BYTES;
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_protocol::secret::SecretBytes;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(image_path) = args.first() else {
        bail!("usage: demo IMAGE [OUT_DIR]");
    };
    let meta = std::fs::metadata(image_path).with_context(|| format!("reading {image_path}"))?;
    if meta.len() > MAX_IMAGE_BYTES as u64 {
        bail!("{image_path} is larger than {MAX_IMAGE_BYTES} bytes");
    }
    let image = std::fs::read(image_path).with_context(|| format!("reading {image_path}"))?;
    let media_type = MediaType::sniff(&image).context("not a PNG, JPEG or WebP image")?;

    println!(
        "Obscura demo — protocol path only (attestation, pipeline and sockets are not built yet)"
    );
    println!();
    let t = Instant::now();
    let enclave = KeySet::generate()?;
    let list = enclave.config_list();
    println!(
        "1. enclave   generated {} OHTTP keys in {:.1} ms; key-config list {} bytes",
        list.known().count(),
        t.elapsed().as_secs_f64() * 1e3,
        list.encoded().len()
    );
    let mut routes = Routes::default();
    routes.insert_list(list, ReplicaId(0))?;

    let request = CaptionRequest {
        options: CaptionOptions::default(),
        media_type: Some(media_type),
        date: SystemTime::now(),
        image: SecretBytes::new(image),
    };
    let t = Instant::now();
    let (ohttp_req, pending) = obscura_sdk::seal_caption(list, &request)?;
    println!(
        "2. sdk       sealed {} ({} bytes) with {:?} in {:.1} ms -> message/ohttp-req {} bytes",
        media_type.as_str(),
        request.image.len(),
        pending.suite(),
        t.elapsed().as_secs_f64() * 1e3,
        ohttp_req.len()
    );
    let replica = routes.route(&ohttp_req)?;
    println!(
        "3. host      read key id {} from the clear header, routed to replica {}; the rest is ciphertext",
        ohttp_req.first().copied().unwrap_or_default(),
        replica.0
    );
    let t = Instant::now();
    let (plain, sealer) = enclave.open(&ohttp_req)?;
    let received = CaptionRequest::decode(plain.expose())?;
    let skew = SystemTime::now()
        .duration_since(received.date)
        .map_or(0, |d| d.as_secs());
    println!(
        "4. enclave   opened and decoded POST /v1/caption in {:.1} ms: {} image bytes, sniffed {}, date skew {skew} s",
        t.elapsed().as_secs_f64() * 1e3,
        received.image.len(),
        MediaType::sniff(received.image.expose()).map_or("unknown", MediaType::as_str),
    );
    println!("            pipeline stages are not implemented yet: answering with an empty result");
    let empty = CaptionResponse {
        caption: None,
        caption_withheld: None,
        ocr: Vec::new(),
        regions: Vec::new(),
        entities: Default::default(),
        models: Vec::new(),
        policy_digest: Digest32([0; 32]),
        image: None,
    };
    let ohttp_res = sealer.seal(&CaptionOutcome::Ok(Box::new(empty)).encode()?)?;
    println!(
        "            sealed message/ohttp-res {} bytes",
        ohttp_res.len()
    );
    match pending.finish(&ohttp_res)? {
        CaptionOutcome::Ok(resp) => println!(
            "5. sdk       opened the response: caption {}, {} OCR lines, {} regions, image {}",
            if resp.caption.is_some() {
                "present"
            } else {
                "none"
            },
            resp.ocr.len(),
            resp.regions.len(),
            if resp.image.is_some() {
                "present"
            } else {
                "none"
            }
        ),
        CaptionOutcome::Err(code) => println!("5. sdk       the enclave answered {code}"),
    }
    Ok(())
}
