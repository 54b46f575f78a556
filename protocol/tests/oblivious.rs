//! OHTTP round trips for every suite, and what each kind of damage turns into.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code: a panic is a failed test

use obscura_protocol::Error;
use obscura_protocol::keys::{GatewayKey, Kem, KeyConfig, KeyConfigList, KeyId, Suite};
use obscura_protocol::oblivious::{
    AEAD_TAG_LEN, REQUEST_HEADER_LEN, RequestHeader, response_nonce_len, seal_request,
};

const BODY: &[u8] = b"\x00\x03POST\x05https\x0fobscura.enclave\x0b/v1/caption";

fn key_for(suite: Suite) -> (GatewayKey, KeyConfig) {
    let key = GatewayKey::generate(KeyId(9), suite.kem).unwrap();
    let list = KeyConfigList::from_keys([&key]).unwrap();
    let config = list.known().next().unwrap().clone();
    (key, config)
}

#[test]
fn every_suite_round_trips() {
    for suite in Suite::SUPPORTED {
        let (key, config) = key_for(suite);
        let (req, opener) = seal_request(&config, suite, BODY).unwrap();
        assert_eq!(
            req.len(),
            REQUEST_HEADER_LEN + suite.kem.n_enc() + BODY.len() + AEAD_TAG_LEN
        );
        assert_eq!(
            RequestHeader::parse(&req).unwrap(),
            RequestHeader {
                key_id: KeyId(9),
                suite
            }
        );
        let (plain, sealer) = key.open_request(&req).unwrap();
        assert_eq!(&*plain, BODY);
        let res = sealer.seal(b"response body").unwrap();
        assert_eq!(
            res.len(),
            response_nonce_len(suite) + b"response body".len() + AEAD_TAG_LEN
        );
        assert_eq!(&*opener.open(&res).unwrap(), b"response body");
    }
}

#[test]
fn gateway_keys_offer_exactly_the_supported_suites_of_their_kem() {
    let xwing = GatewayKey::generate(KeyId(1), Kem::XWing).unwrap();
    assert_eq!(xwing.suites(), &[Suite::XWING_AES256GCM]);
    let x25519 = GatewayKey::generate(KeyId(2), Kem::X25519Sha256).unwrap();
    assert_eq!(
        x25519.suites(),
        &[
            Suite::X25519_AES256GCM,
            Suite::X25519_CHACHA20POLY1305,
            Suite::X25519_AES128GCM
        ]
    );
    assert_eq!(
        GatewayKey::generate(KeyId(3), Kem::P256Sha256).unwrap_err(),
        Error::UnsupportedSuite {
            kem: 0x10,
            kdf: 0,
            aead: 0
        }
    );
}

#[test]
fn tampering_anywhere_after_the_header_fails_authentication() {
    for suite in [Suite::XWING_AES256GCM, Suite::X25519_AES128GCM] {
        let (key, config) = key_for(suite);
        let (req, _) = seal_request(&config, suite, BODY).unwrap();
        // Every byte of enc and of the ciphertext, one at a time.
        for i in REQUEST_HEADER_LEN..req.len() {
            let mut bad = req.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                key.open_request(&bad).unwrap_err(),
                Error::DecryptFailed,
                "{suite:?} byte {i}"
            );
        }
    }
}

#[test]
fn altered_header_fields_each_give_their_own_error() {
    let suite = Suite::X25519_AES256GCM;
    let (key, config) = key_for(suite);
    let (req, _) = seal_request(&config, suite, BODY).unwrap();

    let mut wrong_id = req.clone();
    wrong_id[0] = 10;
    assert_eq!(
        key.open_request(&wrong_id).unwrap_err(),
        Error::UnknownKeyId(KeyId(10))
    );

    // An AEAD id this gateway does not know at all.
    let mut unknown_aead = req.clone();
    unknown_aead[5..7].copy_from_slice(&0xffffu16.to_be_bytes());
    assert_eq!(
        key.open_request(&unknown_aead).unwrap_err(),
        Error::UnsupportedSuite {
            kem: 0x20,
            kdf: 1,
            aead: 0xffff
        }
    );

    // A known suite this key does not offer (X-Wing against an X25519 key).
    let mut other_kem = req.clone();
    other_kem[1..3].copy_from_slice(&0x647au16.to_be_bytes());
    assert_eq!(
        key.open_request(&other_kem).unwrap_err(),
        Error::UnsupportedSuite {
            kem: 0x647a,
            kdf: 1,
            aead: 2
        }
    );

    // A supported suite the key offers, but not the one used to seal: AES-128 instead of
    // AES-256 changes the HPKE info, so authentication fails.
    let mut downgraded = req;
    downgraded[5..7].copy_from_slice(&1u16.to_be_bytes());
    assert_eq!(
        key.open_request(&downgraded).unwrap_err(),
        Error::DecryptFailed
    );
}

#[test]
fn a_key_refuses_suites_of_another_kem() {
    let (xwing_key, _) = key_for(Suite::XWING_AES256GCM);
    let (_, x25519_config) = key_for(Suite::X25519_AES128GCM);
    let (req, _) = seal_request(&x25519_config, Suite::X25519_AES128GCM, BODY).unwrap();
    assert_eq!(
        xwing_key.open_request(&req).unwrap_err(),
        Error::UnsupportedSuite {
            kem: 0x20,
            kdf: 1,
            aead: 1
        }
    );
}

#[test]
fn sealing_to_a_suite_the_config_does_not_offer_is_refused() {
    let (_, config) = key_for(Suite::XWING_AES256GCM);
    assert_eq!(
        seal_request(&config, Suite::X25519_AES128GCM, BODY).unwrap_err(),
        Error::UnsupportedSuite {
            kem: 0x20,
            kdf: 1,
            aead: 1
        }
    );
}

#[test]
fn every_truncation_of_a_request() {
    for suite in [Suite::XWING_AES256GCM, Suite::X25519_CHACHA20POLY1305] {
        let (key, config) = key_for(suite);
        let (req, _) = seal_request(&config, suite, BODY).unwrap();
        let min = REQUEST_HEADER_LEN + suite.kem.n_enc() + AEAD_TAG_LEN;
        for cut in 0..req.len() {
            let err = key.open_request(&req[..cut]).unwrap_err();
            if cut < min {
                assert_eq!(
                    err,
                    Error::Truncated {
                        what: "encapsulated request"
                    },
                    "{suite:?} cut {cut}"
                );
            } else {
                // OHTTP carries no length: a shortened ciphertext is an altered one.
                assert_eq!(err, Error::DecryptFailed, "{suite:?} cut {cut}");
            }
        }
    }
}

#[test]
fn every_truncation_and_tamper_of_a_response() {
    for suite in [Suite::XWING_AES256GCM, Suite::X25519_AES128GCM] {
        let (key, config) = key_for(suite);
        let min = response_nonce_len(suite) + AEAD_TAG_LEN;
        let (req, _) = seal_request(&config, suite, BODY).unwrap();
        let (_, sealer) = key.open_request(&req).unwrap();
        let res = sealer.seal(b"redacted result").unwrap();
        for cut in 0..res.len() {
            let (req, opener) = seal_request(&config, suite, BODY).unwrap();
            let _ = req;
            let err = opener.open(&res[..cut]).unwrap_err();
            if cut < min {
                assert_eq!(
                    err,
                    Error::Truncated {
                        what: "encapsulated response"
                    }
                );
            } else {
                // A different request's opener cannot open it either way.
                assert_eq!(err, Error::DecryptFailed);
            }
        }
        // The right opener with one flipped bit anywhere.
        for i in 0..res.len() {
            let (req, opener) = seal_request(&config, suite, BODY).unwrap();
            let (_, sealer) = key.open_request(&req).unwrap();
            let mut res = sealer.seal(b"redacted result").unwrap();
            res[i] ^= 0x80;
            assert_eq!(opener.open(&res).unwrap_err(), Error::DecryptFailed);
        }
    }
}

#[test]
fn a_response_cannot_be_opened_by_another_request() {
    let suite = Suite::XWING_AES256GCM;
    let (key, config) = key_for(suite);
    let (req_a, _opener_a) = seal_request(&config, suite, BODY).unwrap();
    let (_req_b, opener_b) = seal_request(&config, suite, BODY).unwrap();
    let (_, sealer_a) = key.open_request(&req_a).unwrap();
    let res_a = sealer_a.seal(b"for a only").unwrap();
    assert_eq!(opener_b.open(&res_a).unwrap_err(), Error::DecryptFailed);
}

#[test]
fn oversized_inputs_are_refused_before_any_work() {
    let huge = vec![0u8; obscura_protocol::limits::MAX_REQUEST_BYTES + 1];
    assert_eq!(
        RequestHeader::parse(&huge).unwrap_err(),
        Error::TooLarge {
            what: "encapsulated request",
            len: huge.len() as u64,
            max: obscura_protocol::limits::MAX_REQUEST_BYTES as u64
        }
    );
}
