//! Property tests: encode/decode round trips and no panics on hostile bytes.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code: a panic is a failed test

use std::sync::OnceLock;
use std::time::{Duration, UNIX_EPOCH};

use obscura_protocol::api::*;
use obscura_protocol::evidence::*;
use obscura_protocol::keys::{GatewayKey, Kem, KeyConfigEntry, KeyConfigList, KeyId};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest, Kind, decode_bhttp};
use obscura_protocol::oblivious::RequestHeader;
use obscura_protocol::secret::SecretBytes;
use proptest::prelude::*;

fn key_list() -> &'static KeyConfigList {
    static LIST: OnceLock<KeyConfigList> = OnceLock::new();
    LIST.get_or_init(|| {
        let keys = [
            GatewayKey::generate(KeyId(1), Kem::XWing).unwrap(),
            GatewayKey::generate(KeyId(2), Kem::X25519Sha256).unwrap(),
        ];
        KeyConfigList::from_keys(&keys).unwrap()
    })
}

/// One key configuration as (key id, kem id, public key, suites), encoded by hand.
fn config_strategy() -> impl Strategy<Value = (u8, u16, Vec<u8>, Vec<(u16, u16)>)> {
    (
        any::<u8>(),
        prop_oneof![
            Just((0x20u16, 32usize)),
            Just((0x647a, 1216)),
            Just((0x99, 7))
        ],
        prop::collection::vec((1u16..4, 1u16..4), 1..6),
    )
        .prop_flat_map(|(id, (kem, pk_len), suites)| {
            (
                Just(id),
                Just(kem),
                prop::collection::vec(any::<u8>(), pk_len),
                Just(suites),
            )
        })
}

fn encode_config(id: u8, kem: u16, pk: &[u8], suites: &[(u16, u16)]) -> Vec<u8> {
    let mut c = vec![id];
    c.extend_from_slice(&kem.to_be_bytes());
    c.extend_from_slice(pk);
    c.extend_from_slice(&u16::try_from(suites.len() * 4).unwrap().to_be_bytes());
    for (kdf, aead) in suites {
        c.extend_from_slice(&kdf.to_be_bytes());
        c.extend_from_slice(&aead.to_be_bytes());
    }
    c
}

fn digest() -> impl Strategy<Value = Digest32> {
    any::<[u8; 32]>().prop_map(Digest32)
}

fn claims_strategy() -> impl Strategy<Value = WorkloadClaims> {
    (
        "[0-9a-z.+-]{0,40}",
        prop::collection::vec(
            ("[a-z0-9_-]{1,30}", digest()).prop_map(|(name, sha256)| ModelClaim { name, sha256 }),
            0..8,
        ),
        digest(),
    )
        .prop_map(
            |(enclave_version, models, pipeline_digest)| WorkloadClaims {
                enclave_version,
                models,
                pipeline_digest,
            },
        )
}

fn bbox() -> impl Strategy<Value = BoundingBox> {
    (any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>()).prop_map(|(x, y, width, height)| {
        BoundingBox {
            x,
            y,
            width,
            height,
        }
    })
}

fn response_strategy() -> impl Strategy<Value = CaptionResponse> {
    (
        prop::option::of(".{0,80}"),
        prop::collection::vec((".{0,40}", bbox(), 0f32..=1.0, any::<bool>()), 0..5),
        prop::collection::vec(
            (
                prop_oneof![Just(RegionKind::Face), Just(RegionKind::Text)],
                bbox(),
                0f32..=1.0,
                any::<bool>(),
            ),
            0..5,
        ),
        prop::collection::btree_map(
            prop_oneof![
                Just(EntityKind::Person),
                Just(EntityKind::Date),
                Just(EntityKind::Id),
                Just(EntityKind::Location)
            ],
            any::<u32>(),
            0..4,
        ),
        digest(),
        prop::option::of((prop::collection::vec(any::<u8>(), 0..256), any::<u32>())),
    )
        .prop_map(
            |(caption, ocr, regions, entities, policy_digest, image)| CaptionResponse {
                caption: caption.map(RedactedText::new),
                caption_withheld: None,
                ocr: ocr
                    .into_iter()
                    .map(|(t, bbox, score, redacted)| OcrLine {
                        text: RedactedText::new(t),
                        bbox,
                        score,
                        redacted,
                    })
                    .collect(),
                regions: regions
                    .into_iter()
                    .map(|(kind, bbox, score, redacted)| Region {
                        kind,
                        bbox,
                        score,
                        redacted,
                    })
                    .collect(),
                entities,
                models: vec![ModelDigest {
                    name: "centerface".into(),
                    sha256: policy_digest,
                }],
                policy_digest,
                image: image.map(|(data, w)| RedactedImage {
                    media_type: MediaType::Png,
                    width: w,
                    height: w / 2,
                    data: SecretBytes::new(data),
                }),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn key_config_lists_round_trip(configs in prop::collection::vec(config_strategy(), 1..5)) {
        let mut bytes = Vec::new();
        for (id, kem, pk, suites) in &configs {
            let c = encode_config(*id, *kem, pk, suites);
            bytes.extend_from_slice(&u16::try_from(c.len()).unwrap().to_be_bytes());
            bytes.extend_from_slice(&c);
        }
        let list = KeyConfigList::parse(&bytes).unwrap();
        prop_assert_eq!(list.encoded(), bytes.as_slice());
        prop_assert_eq!(list.entries().len(), configs.len());
        for (entry, (id, kem, pk, suites)) in list.entries().iter().zip(&configs) {
            match entry {
                KeyConfigEntry::Known(c) => {
                    prop_assert_eq!(c.key_id(), KeyId(*id));
                    prop_assert_eq!(c.kem_id(), *kem);
                    prop_assert_eq!(c.public_key(), pk.as_slice());
                    prop_assert_eq!(c.symmetric(), suites.as_slice());
                }
                KeyConfigEntry::Unknown { key_id, kem_id } => {
                    prop_assert_eq!((*key_id, *kem_id), (KeyId(*id), 0x99));
                }
            }
        }
    }

    #[test]
    fn hostile_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = KeyConfigList::parse(&bytes);
        let _ = RequestHeader::parse(&bytes);
        let _ = decode_bhttp(&bytes, Kind::Request, 1 << 20);
        let _ = decode_bhttp(&bytes, Kind::Response, 1 << 20);
        let _ = CaptionRequest::decode(&bytes);
        let _ = CaptionOutcome::decode(&bytes);
        let _ = EvidenceBundle::from_json(&bytes);
    }

    #[test]
    fn caption_requests_round_trip(
        image in prop::collection::vec(any::<u8>(), 1..4096),
        secs in 0u64..4_000_000_000,
        caption in any::<bool>(),
        fail_closed in any::<bool>(),
        format in prop_oneof![Just(OutputFormat::Same), Just(OutputFormat::Png), Just(OutputFormat::Jpeg), Just(OutputFormat::Webp)],
        media_type in prop::option::of(prop_oneof![Just(MediaType::Png), Just(MediaType::Jpeg), Just(MediaType::Webp)]),
    ) {
        let req = CaptionRequest {
            options: CaptionOptions { caption, fail_closed, format, ..CaptionOptions::default() },
            media_type,
            date: UNIX_EPOCH + Duration::from_secs(secs),
            image: SecretBytes::new(image),
        };
        prop_assert_eq!(CaptionRequest::decode(&req.encode().unwrap()).unwrap(), req);
    }

    #[test]
    fn caption_responses_round_trip(resp in response_strategy()) {
        let outcome = CaptionOutcome::Ok(Box::new(resp));
        prop_assert_eq!(CaptionOutcome::decode(&outcome.encode().unwrap()).unwrap(), outcome);
    }

    #[test]
    fn evidence_bundles_round_trip(
        report in prop::collection::vec(any::<u8>(), 1184),
        vcek in prop::collection::vec(any::<u8>(), 1..2000),
        chain in prop::collection::vec(prop::collection::vec(any::<u8>(), 1..2000), 0..3),
        crl in prop::option::of(prop::collection::vec(any::<u8>(), 1..3000)),
        claims in claims_strategy(),
        nonce in prop::option::of(any::<[u8; 32]>()),
        issued_at in 0u64..4_000_000_000,
        lifetime in 1u64..1_000_000,
    ) {
        let bundle = EvidenceBundle {
            version: EVIDENCE_VERSION,
            report: Base64Bytes(report),
            collateral: Collateral {
                vcek: Some(Base64Bytes(vcek)),
                vlek: None,
                chain: chain.into_iter().map(Base64Bytes).collect(),
                crl: crl.map(Base64Bytes),
            },
            key_configs: Base64Bytes(key_list().encoded().to_vec()),
            claims,
            nonce: nonce.map(Nonce),
            issued_at,
            expires_at: issued_at + lifetime,
        };
        let json = bundle.to_json().unwrap();
        let back = EvidenceBundle::from_json(&json).unwrap();
        prop_assert_eq!(&back, &bundle);
        prop_assert_eq!(back.expected_report_data(), bundle.expected_report_data());
    }
}
