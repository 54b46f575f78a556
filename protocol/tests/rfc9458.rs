//! RFC 9458 Appendix A: the published key configuration, request and BHTTP request.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code: a panic is a failed test

use obscura_protocol::keys::{GatewayKey, KeyConfigList, KeyId, Suite};
use obscura_protocol::message::{Kind, decode_bhttp};
use obscura_protocol::oblivious::RequestHeader;
use zeroize::Zeroizing;

const PRIVATE_KEY: &str = "3c168975674b2fa8e465970b79c8dcf09f1c741626480bd4c6162fc5b6a98e1a";
const KEY_CONFIG: &str =
    "01002031e1f05a740102115220e9af918f738674aec95f54db6e04eb705aae8e79815500080001000100010003";
const ENCAPSULATED_REQUEST: &str = "010020000100014b28f881333e7c164ffc499ad9796f877f4e1051ee6d31bad19dec96c208b4726374e469135906992e1268c594d2a10c695d858c40a026e7965e7d86b83dd440b2c0185204b4d63525";
const BHTTP_REQUEST: &str = "00034745540568747470730b6578616d706c652e636f6d012f";

fn appendix_a_key() -> GatewayKey {
    GatewayKey::import(
        KeyId(1),
        &[Suite::X25519_AES128GCM, Suite::X25519_CHACHA20POLY1305],
        &Zeroizing::new(hex::decode(PRIVATE_KEY).unwrap()),
    )
    .unwrap()
}

#[test]
fn key_config_is_byte_exact() {
    let key = appendix_a_key();
    assert_eq!(hex::encode(key.config_bytes()), KEY_CONFIG);
    let list = KeyConfigList::from_keys([&key]).unwrap();
    let mut expected = vec![0x00, 0x2d];
    expected.extend(hex::decode(KEY_CONFIG).unwrap());
    assert_eq!(list.encoded(), expected.as_slice());
    // Obscura's client preference puts ChaCha20-Poly1305 before AES-128-GCM.
    let (config, suite) = list.select().unwrap();
    assert_eq!(config.key_id(), KeyId(1));
    assert_eq!(suite, Suite::X25519_CHACHA20POLY1305);
}

#[test]
fn published_request_decapsulates_to_published_bhttp() {
    let key = appendix_a_key();
    let request = hex::decode(ENCAPSULATED_REQUEST).unwrap();
    let header = RequestHeader::parse(&request).unwrap();
    assert_eq!(header.key_id, KeyId(1));
    assert_eq!(header.suite, Suite::X25519_AES128GCM);
    let (plain, sealer) = key.open_request(&request).unwrap();
    assert_eq!(hex::encode(&*plain), BHTTP_REQUEST);
    assert_eq!(sealer.suite(), Suite::X25519_AES128GCM);

    // The BHTTP request is `GET https://example.com/` with no fields.
    let msg = decode_bhttp(&plain, Kind::Request, 1024).unwrap();
    assert_eq!(msg.control().method(), Some(b"GET".as_slice()));
    assert_eq!(msg.control().scheme(), Some(b"https".as_slice()));
    assert_eq!(msg.control().authority(), Some(b"example.com".as_slice()));
    assert_eq!(msg.control().path(), Some(b"/".as_slice()));
    assert!(msg.header().is_empty());
    assert!(msg.content().is_empty());
}

// The published encapsulated response cannot be checked: `ohttp` offers no way to fix the
// client's ephemeral key or the server's response nonce, so neither side of Appendix A's
// response can be reproduced. Response encapsulation is covered by round trips and tamper
// tests in `oblivious.rs`.
