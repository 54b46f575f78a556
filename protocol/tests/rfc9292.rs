//! RFC 9292 §5 examples through `message::decode_bhttp` (pre-scan + `bhttp`).

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code: a panic is a failed test

use bhttp::Mode;
use obscura_protocol::Error;
use obscura_protocol::message::{Kind, decode_bhttp, prescan};

/// Figure 8: known-length request.
const FIG8: &str = "0003474554056874747073000a2f68656c6c6f2e747874406c0a757365722d6167656e74346375726c2f372e31362e33206c69626375726c2f372e31362e33204f70656e53534c2f302e392e376c207a6c69622f312e322e3304686f73740f7777772e6578616d706c652e636f6d0f6163636570742d6c616e677561676506656e2c206d690000";
/// Figure 9: the same request, indeterminate-length, with 10 bytes of padding.
const FIG9: &str = "0203474554056874747073000a2f68656c6c6f2e7478740a757365722d6167656e74346375726c2f372e31362e33206c69626375726c2f372e31362e33204f70656e53534c2f302e392e376c207a6c69622f312e322e3304686f73740f7777772e6578616d706c652e636f6d0f6163636570742d6c616e677561676506656e2c206d6900000000000000000000000000";
/// Figure 11: indeterminate-length response with informational 102 and 103.
const FIG11: &str = "0340660772756e6e696e670a22736c65657020313522004067046c696e6b233c2f7374796c652e6373733e3b2072656c3d7072656c6f61643b2061733d7374796c65046c696e6b243c2f7363726970742e6a733e3b2072656c3d7072656c6f61643b2061733d7363726970740040c804646174651d4d6f6e2c203237204a756c20323030392031323a32383a353320474d5406736572766572064170616368650d6c6173742d6d6f6469666965641d5765642c203232204a756c20323030392031393a31353a353620474d5404657461671422333461613338372d642d3135363865623030220d6163636570742d72616e6765730562797465730e636f6e74656e742d6c656e67746802353104766172790f4163636570742d456e636f64696e670c636f6e74656e742d747970650a746578742f706c61696e003348656c6c6f20576f726c6421204d7920636f6e74656e7420696e636c75646573206120747261696c696e672043524c462e0d0a0000";
/// Figure 13: known-length response with a trailer.
const FIG13: &str = "0140c8001d5468697320636f6e74656e7420636f6e7461696e732043524c462e0d0a0d07747261696c65720474657874";

const USER_AGENT: &[u8] = b"curl/7.16.3 libcurl/7.16.3 OpenSSL/0.9.7l zlib/1.2.3";

fn check_hello_request(msg: &bhttp::Message) {
    let c = msg.control();
    assert_eq!(c.method(), Some(b"GET".as_slice()));
    assert_eq!(c.scheme(), Some(b"https".as_slice()));
    // The example has an empty authority (the host field names the target); bhttp reports None.
    assert_eq!(c.authority(), None);
    assert_eq!(c.path(), Some(b"/hello.txt".as_slice()));
    let fields: Vec<(&[u8], &[u8])> = msg.header().iter().map(|f| (f.name(), f.value())).collect();
    assert_eq!(
        fields,
        vec![
            (b"user-agent".as_slice(), USER_AGENT),
            (b"host".as_slice(), b"www.example.com".as_slice()),
            (b"accept-language".as_slice(), b"en, mi".as_slice()),
        ]
    );
    assert!(msg.content().is_empty());
    assert!(msg.trailer().is_empty());
}

#[test]
fn figure_8_known_length_request_round_trips_byte_for_byte() {
    let bytes = hex::decode(FIG8).unwrap();
    let msg = decode_bhttp(&bytes, Kind::Request, 1024).unwrap();
    check_hello_request(&msg);
    let mut out = Vec::new();
    msg.write_bhttp(Mode::KnownLength, &mut out).unwrap();
    assert_eq!(hex::encode(out), FIG8);
}

#[test]
fn figure_9_indeterminate_request_with_padding() {
    let bytes = hex::decode(FIG9).unwrap();
    let msg = decode_bhttp(&bytes, Kind::Request, 1024).unwrap();
    check_hello_request(&msg);
    // Padding must be zeros: a non-zero last byte is trailing data.
    let mut bad = bytes;
    *bad.last_mut().unwrap() = 1;
    assert_eq!(
        decode_bhttp(&bad, Kind::Request, 1024).err(),
        Some(Error::TrailingBytes {
            what: "binary HTTP message",
            count: 10
        })
    );
}

#[test]
fn figure_11_indeterminate_response_with_informational() {
    let bytes = hex::decode(FIG11).unwrap();
    let msg = decode_bhttp(&bytes, Kind::Response, 1024).unwrap();
    let info: Vec<u16> = msg
        .informational()
        .iter()
        .map(|i| i.status().code())
        .collect();
    assert_eq!(info, vec![102, 103]);
    assert_eq!(msg.control().status().unwrap().code(), 200);
    assert_eq!(msg.header().get(b"server"), Some(b"Apache".as_slice()));
    assert_eq!(msg.header().get(b"content-length"), Some(b"51".as_slice()));
    assert_eq!(msg.header().len(), 8);
    assert_eq!(
        msg.content(),
        b"Hello World! My content includes a trailing CRLF.\r\n"
    );
}

#[test]
fn figure_13_known_length_response_with_trailer_round_trips() {
    let bytes = hex::decode(FIG13).unwrap();
    let msg = decode_bhttp(&bytes, Kind::Response, 1024).unwrap();
    assert_eq!(msg.control().status().unwrap().code(), 200);
    assert!(msg.header().is_empty());
    assert_eq!(msg.content(), b"This content contains CRLF.\r\n");
    assert_eq!(msg.trailer().get(b"trailer"), Some(b"text".as_slice()));
    let mut out = Vec::new();
    msg.write_bhttp(Mode::KnownLength, &mut out).unwrap();
    assert_eq!(hex::encode(out), FIG13);
}

#[test]
fn wrong_kind_is_refused() {
    let req = hex::decode(FIG8).unwrap();
    assert_eq!(
        decode_bhttp(&req, Kind::Response, 1024).err(),
        Some(Error::Malformed {
            what: "binary HTTP message",
            reason: "wrong message kind"
        })
    );
}

#[test]
fn every_truncation_is_an_error_or_a_section_boundary() {
    // RFC 9292 §3.8 lets a message end at a section boundary; any other cut is truncation.
    for fig in [FIG8, FIG9, FIG11, FIG13] {
        let bytes = hex::decode(fig).unwrap();
        let kind = if bytes[0] % 2 == 0 {
            Kind::Request
        } else {
            Kind::Response
        };
        for cut in 0..bytes.len() {
            match decode_bhttp(&bytes[..cut], kind, 1024) {
                Ok(_) => {}
                Err(Error::Truncated { .. }) => {}
                Err(e) => panic!("cut {cut} of {fig:.8}: unexpected {e:?}"),
            }
        }
    }
}

#[test]
fn caps_apply_before_parsing() {
    // Content of 2000 bytes against a cap of 1024.
    let mut msg =
        bhttp::Message::request(b"POST".to_vec(), b"https".to_vec(), vec![], b"/".to_vec());
    msg.write_content(vec![7u8; 2000]);
    let mut bytes = Vec::new();
    msg.write_bhttp(Mode::KnownLength, &mut bytes).unwrap();
    assert_eq!(
        prescan(&bytes, Kind::Request, 1024).unwrap_err(),
        Error::TooLarge {
            what: "content",
            len: 2000,
            max: 1024
        }
    );
    // 65 fields, one over the cap.
    let mut msg =
        bhttp::Message::request(b"GET".to_vec(), b"https".to_vec(), vec![], b"/".to_vec());
    for i in 0..65 {
        msg.put_header(format!("x-{i}"), "v");
    }
    let mut bytes = Vec::new();
    msg.write_bhttp(Mode::IndeterminateLength, &mut bytes)
        .unwrap();
    assert_eq!(
        prescan(&bytes, Kind::Request, 1024).unwrap_err(),
        Error::TooLarge {
            what: "fields",
            len: 65,
            max: 64
        }
    );
    // A claimed field-section length far past the input.
    let bytes = [0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x10, 0x00, 0x00];
    assert_eq!(
        prescan(&bytes, Kind::Request, 1024).unwrap_err(),
        Error::TooLarge {
            what: "field section",
            len: 0x0010_0000,
            max: 16 * 1024
        }
    );
}
