//! OHTTP round trip against plain AES-256-GCM on the same 4 MiB, and key-config parsing.
//!
//! Run with `cargo bench -p obscura-protocol --bench ohttp` (or `cargo xtask bench protocol`).
//! Targets (issue 3): OHTTP round trip ≤ 2× the plain AEAD time; key-config parsing < 10 µs.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use obscura_protocol::keys::{GatewayKey, Kem, KeyConfigList, KeyId, Suite};
use obscura_protocol::oblivious::seal_request;

const BODY: usize = 4 * 1024 * 1024;

fn round_trips(c: &mut Criterion) {
    let body: Vec<u8> = (0..BODY)
        .map(|i| u8::try_from(i * 31 % 251).unwrap())
        .collect();
    let mut group = c.benchmark_group("4MiB");
    group.throughput(Throughput::Bytes(BODY as u64));
    group.sample_size(20);

    let key = Key::<Aes256Gcm>::from_slice(&[7u8; 32]);
    let cipher = Aes256Gcm::new(key);
    let nonce = Nonce::from_slice(&[1u8; 12]);
    group.bench_function("plain AES-256-GCM seal+open", |b| {
        b.iter(|| {
            let ct = cipher
                .encrypt(
                    nonce,
                    Payload {
                        msg: &body,
                        aad: b"",
                    },
                )
                .unwrap();
            let pt = cipher
                .decrypt(nonce, Payload { msg: &ct, aad: b"" })
                .unwrap();
            assert_eq!(pt.len(), BODY);
        });
    });

    for (name, kem, suite) in [
        (
            "OHTTP X-Wing/AES-256-GCM",
            Kem::XWing,
            Suite::XWING_AES256GCM,
        ),
        (
            "OHTTP X25519/AES-128-GCM",
            Kem::X25519Sha256,
            Suite::X25519_AES128GCM,
        ),
        (
            "OHTTP X25519/ChaCha20Poly1305",
            Kem::X25519Sha256,
            Suite::X25519_CHACHA20POLY1305,
        ),
    ] {
        let gateway = GatewayKey::generate(KeyId(1), kem).unwrap();
        let list = KeyConfigList::from_keys([&gateway]).unwrap();
        let config = list.known().next().unwrap().clone();
        group.bench_function(format!("{name} request+response round trip"), |b| {
            b.iter(|| {
                let (req, opener) = seal_request(&config, suite, &body).unwrap();
                let (plain, sealer) = gateway.open_request(&req).unwrap();
                let res = sealer.seal(&plain).unwrap();
                let back = opener.open(&res).unwrap();
                assert_eq!(back.len(), BODY);
            });
        });
    }
    group.finish();
}

fn key_configs(c: &mut Criterion) {
    let keys = [
        GatewayKey::generate(KeyId(1), Kem::XWing).unwrap(),
        GatewayKey::generate(KeyId(2), Kem::X25519Sha256).unwrap(),
    ];
    let encoded = KeyConfigList::from_keys(&keys).unwrap().encoded().to_vec();
    c.bench_function("parse key-config list (X-Wing + X25519)", |b| {
        b.iter_batched(
            || encoded.clone(),
            |bytes| KeyConfigList::parse(&bytes).unwrap(),
            BatchSize::SmallInput,
        );
    });
}

criterion_group!(benches, round_trips, key_configs);
criterion_main!(benches);
