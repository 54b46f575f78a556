//! OHTTP encapsulation against plain AES-256-GCM on the same 4 MiB, and key-config parsing.
//!
//! Run with `cargo xtask bench protocol` (prints a summary table with the ratios) or
//! `cargo bench -p obscura-protocol --bench ohttp`.
//! Targets (issue 3): OHTTP request round trip (encapsulate + decapsulate) ≤ 2× plain
//! AES-256-GCM seal + open of the same bytes; key-config list parsing < 10 µs.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use aes_gcm::aead::inout::InOutBuf;
use aes_gcm::aead::{Aead, AeadInOut, KeyInit};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use obscura_protocol::keys::{GatewayKey, Kem, KeyConfig, KeyConfigList, KeyId, Suite};
use obscura_protocol::oblivious::seal_request;

const BODY: usize = 4 * 1024 * 1024;

fn body() -> Vec<u8> {
    (0..BODY)
        .map(|i| u8::try_from(i * 31 % 251).unwrap())
        .collect()
}

fn key_and_config(kem: Kem) -> (GatewayKey, KeyConfig) {
    let gateway = GatewayKey::generate(KeyId(1), kem).unwrap();
    let list = KeyConfigList::from_keys([&gateway]).unwrap();
    let config = list.known().next().unwrap().clone();
    (gateway, config)
}

fn round_trips(c: &mut Criterion) {
    let body = body();
    let mut group = c.benchmark_group("4MiB");
    group.throughput(Throughput::Bytes(BODY as u64));
    group.sample_size(20);

    // The same aes-gcm release that `ohttp` (through `hpke`) uses, so only the OHTTP layer
    // differs between the two measurements.
    let key = Key::<Aes256Gcm>::try_from([7u8; 32].as_slice()).unwrap();
    let cipher = Aes256Gcm::new(&key);
    let nonce = Nonce::try_from([1u8; 12].as_slice()).unwrap();
    // Plain AES-256-GCM through the standard `Aead` API: the sender's ciphertext and the
    // receiver's plaintext are separate buffers, as they are for OHTTP (and for any sender and
    // receiver that do not share memory). This is the issue's reference.
    group.bench_function("plain AES-256-GCM seal+open", |b| {
        b.iter(|| {
            let ct = cipher.encrypt(&nonce, body.as_slice()).unwrap();
            let pt = cipher.decrypt(&nonce, ct.as_slice()).unwrap();
            assert_eq!(pt.len(), BODY);
        });
    });
    // The best case for comparison: one shared buffer, sealed and opened in place.
    group.bench_function("plain AES-256-GCM seal+open in place", |b| {
        b.iter(|| {
            let mut buf = body.clone();
            let tag = cipher
                .encrypt_inout_detached(&nonce, b"", InOutBuf::from(buf.as_mut_slice()))
                .unwrap();
            cipher
                .decrypt_inout_detached(&nonce, b"", InOutBuf::from(buf.as_mut_slice()), &tag)
                .unwrap();
            assert_eq!(buf.len(), BODY);
        });
    });

    for (name, kem, suite) in [
        ("X-Wing/AES-256-GCM", Kem::XWing, Suite::XWING_AES256GCM),
        (
            "X25519/AES-256-GCM",
            Kem::X25519Sha256,
            Suite::X25519_AES256GCM,
        ),
        (
            "X25519/ChaCha20Poly1305",
            Kem::X25519Sha256,
            Suite::X25519_CHACHA20POLY1305,
        ),
    ] {
        let (gateway, config) = key_and_config(kem);
        // One KEM encapsulation + decapsulation and one AEAD seal + open of the body.
        group.bench_function(
            format!("OHTTP {name} request encapsulate+decapsulate"),
            |b| {
                b.iter(|| {
                    let (req, _opener) = seal_request(&config, suite, &body).unwrap();
                    let (plain, _sealer) = gateway.open_request(&req).unwrap();
                    assert_eq!(plain.len(), BODY);
                });
            },
        );
    }

    // The response direction: key schedule from the request context + AEAD of the body.
    let (gateway, config) = key_and_config(Kem::XWing);
    group.bench_function("OHTTP X-Wing/AES-256-GCM response seal+open", |b| {
        b.iter_batched(
            || {
                let (req, opener) = seal_request(&config, Suite::XWING_AES256GCM, b"r").unwrap();
                let (_, sealer) = gateway.open_request(&req).unwrap();
                (sealer, opener)
            },
            |(sealer, opener)| {
                let res = sealer.seal(&body).unwrap();
                assert_eq!(opener.open(&res).unwrap().len(), BODY);
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn key_configs(c: &mut Criterion) {
    let keys = [
        GatewayKey::generate(KeyId(1), Kem::XWing).unwrap(),
        GatewayKey::generate(KeyId(2), Kem::X25519Sha256).unwrap(),
    ];
    let encoded = KeyConfigList::from_keys(&keys).unwrap().encoded().to_vec();
    c.bench_function("parse key-config list (X-Wing + X25519)", |b| {
        b.iter(|| KeyConfigList::parse(std::hint::black_box(&encoded)).unwrap());
    });
}

criterion_group!(benches, round_trips, key_configs);
criterion_main!(benches);
