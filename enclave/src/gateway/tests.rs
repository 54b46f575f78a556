use std::time::{Duration, Instant, SystemTime};

use obscura_protocol::api::{
    CaptionOptions, CaptionResponse, Digest32, ErrorCode, RedactedText, RejectCode,
};
use obscura_protocol::keys::{KeyConfig, Suite};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_protocol::oblivious::{ResponseOpener, seal_request};
use obscura_protocol::secret::SecretBytes;

use super::*;
use crate::keys::KeySet;

/// Answers with the number of image bytes it received, so tests can see the request arrived.
struct Echo;

impl Handler for Echo {
    fn handle(&self, request: CaptionRequest) -> CaptionOutcome {
        CaptionOutcome::Ok(Box::new(CaptionResponse {
            caption: Some(RedactedText::new(format!("{} bytes", request.image.len()))),
            caption_withheld: None,
            ocr: vec![],
            regions: vec![],
            entities: Default::default(),
            models: vec![],
            policy_digest: Digest32([0; 32]),
            image: None,
        }))
    }
}

fn gateway() -> (Gateway<Echo>, KeyConfig, Suite) {
    let keys = KeySet::generate().unwrap();
    let (config, suite) = keys.config_list().select().unwrap();
    let config = config.clone();
    (
        Gateway::new(KeyRing::new(keys), Echo, GatewayConfig::default()),
        config,
        suite,
    )
}

fn sealed(config: &KeyConfig, suite: Suite, date: SystemTime) -> (Vec<u8>, ResponseOpener) {
    let request = CaptionRequest {
        options: CaptionOptions::default(),
        media_type: None,
        date,
        image: SecretBytes::new(vec![0x89; 100]),
    };
    seal_request(config, suite, &request.encode().unwrap()).unwrap()
}

fn open(opener: ResponseOpener, response: &[u8]) -> CaptionOutcome {
    CaptionOutcome::decode(&opener.open(response).unwrap()).unwrap()
}

#[tokio::test]
async fn happy_path_reaches_the_handler() {
    let (gw, config, suite) = gateway();
    let now = SystemTime::now();
    let (req, opener) = sealed(&config, suite, now);
    let res = gw.handle(&req, now, Instant::now()).await.unwrap();
    match open(opener, &res) {
        CaptionOutcome::Ok(r) => assert_eq!(r.caption.unwrap().as_str(), "100 bytes"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn replay_is_refused_but_garbage_cannot_poison_the_cache() {
    let (gw, config, suite) = gateway();
    let now = SystemTime::now();
    let t = Instant::now();
    let (req, _opener) = sealed(&config, suite, now);
    // An attacker sends the real `enc` with a garbage ciphertext first.
    let mut forged = req.clone();
    let last = forged.len() - 1;
    forged[last] ^= 1;
    assert_eq!(
        gw.handle(&forged, now, t).await.unwrap_err(),
        RejectCode::DecryptFailed
    );
    assert!(gw.handle(&req, now, t).await.is_ok());
    assert_eq!(
        gw.handle(&req, now, t + Duration::from_secs(100))
            .await
            .unwrap_err(),
        RejectCode::Replayed
    );
}

#[tokio::test]
async fn date_outside_the_skew_is_a_sealed_stale_date() {
    let (gw, config, suite) = gateway();
    // `date` has second precision: use a whole-second clock so the edges are exact.
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
    for (offset, ok) in [
        (-61i64, false),
        (61, false),
        (-60, true),
        (60, true),
        (0, true),
    ] {
        let date = if offset < 0 {
            now - Duration::from_secs(offset.unsigned_abs())
        } else {
            now + Duration::from_secs(offset.unsigned_abs())
        };
        let (req, opener) = sealed(&config, suite, date);
        let res = gw.handle(&req, now, Instant::now()).await.unwrap();
        let outcome = open(opener, &res);
        if ok {
            assert!(matches!(outcome, CaptionOutcome::Ok(_)), "offset {offset}");
        } else {
            assert_eq!(
                outcome,
                CaptionOutcome::Err(ErrorCode::StaleDate),
                "offset {offset}"
            );
        }
    }
}

#[tokio::test]
async fn outer_rejections_have_fixed_codes() {
    let (gw, config, suite) = gateway();
    let now = SystemTime::now();
    let t = Instant::now();
    let (req, _) = sealed(&config, suite, now);

    let mut unknown = req.clone();
    unknown[0] = 200;
    assert_eq!(
        gw.handle(&unknown, now, t).await.unwrap_err(),
        RejectCode::UnknownKeyId
    );
    assert_eq!(
        gw.handle(&req[..20], now, t).await.unwrap_err(),
        RejectCode::MalformedRequest
    );
    let mut tampered = req.clone();
    tampered[30] ^= 0x40;
    assert_eq!(
        gw.handle(&tampered, now, t).await.unwrap_err(),
        RejectCode::DecryptFailed
    );
    let huge = vec![0u8; MAX_REQUEST_BYTES + 1];
    assert_eq!(
        gw.handle(&huge, now, t).await.unwrap_err(),
        RejectCode::TooLarge
    );
}

#[tokio::test]
async fn a_bad_inner_request_gets_a_sealed_fixed_code() {
    let (gw, config, suite) = gateway();
    let now = SystemTime::now();
    let mut msg = bhttp::Message::request(
        b"POST".to_vec(),
        b"https".to_vec(),
        b"x".to_vec(),
        b"/v1/elsewhere".to_vec(),
    );
    msg.put_header("date", httpdate::fmt_http_date(now));
    msg.write_content(b"PATIENT JOHN SMITH");
    let mut inner = Vec::new();
    msg.write_bhttp(bhttp::Mode::KnownLength, &mut inner)
        .unwrap();
    let (req, opener) = seal_request(&config, suite, &inner).unwrap();
    let res = gw.handle(&req, now, Instant::now()).await.unwrap();
    assert_eq!(open(opener, &res), CaptionOutcome::Err(ErrorCode::NotFound));
}

#[tokio::test]
async fn sanitize_requests_reach_the_handler_or_get_not_found() {
    use obscura_protocol::api::SanitizeResponse;
    use obscura_protocol::message::{SanitizeOutcome, SanitizeRequest};
    use obscura_protocol::secret::SecretText;

    /// Counts the texts it was sent.
    struct Counting;
    impl Handler for Counting {
        fn handle(&self, _request: CaptionRequest) -> CaptionOutcome {
            CaptionOutcome::Err(ErrorCode::Internal)
        }
        fn sanitize(&self, request: SanitizeRequest) -> SanitizeOutcome {
            SanitizeOutcome::Ok(Box::new(SanitizeResponse {
                texts: vec![RedactedText::new(format!("{} texts", request.texts.len()))],
                ..SanitizeResponse::default()
            }))
        }
    }
    let seal = |config: &KeyConfig, suite, date| {
        let request = SanitizeRequest {
            date,
            texts: vec![SecretText::new("a".into()), SecretText::new("b".into())],
        };
        seal_request(config, suite, &request.encode().unwrap()).unwrap()
    };
    let open = |opener: ResponseOpener, res: &[u8]| {
        SanitizeOutcome::decode(&opener.open(res).unwrap()).unwrap()
    };
    let now = SystemTime::now();

    // A handler without a sanitizer: a sealed not_found.
    let (gw, config, suite) = gateway();
    let (req, opener) = seal(&config, suite, now);
    let res = gw.handle(&req, now, Instant::now()).await.unwrap();
    assert_eq!(
        open(opener, &res),
        SanitizeOutcome::Err(ErrorCode::NotFound)
    );

    // One with a sanitizer gets the texts; a stale date is refused before it.
    let keys = KeySet::generate().unwrap();
    let (config, suite) = keys.config_list().select().unwrap();
    let config = config.clone();
    let gw = Gateway::new(KeyRing::new(keys), Counting, GatewayConfig::default());
    let (req, opener) = seal(&config, suite, now);
    match open(opener, &gw.handle(&req, now, Instant::now()).await.unwrap()) {
        SanitizeOutcome::Ok(r) => assert_eq!(r.texts[0].as_str(), "2 texts"),
        other => panic!("{other:?}"),
    }
    let old = now - Duration::from_secs(600);
    let (req, opener) = seal(&config, suite, old);
    assert_eq!(
        open(opener, &gw.handle(&req, now, Instant::now()).await.unwrap()),
        SanitizeOutcome::Err(ErrorCode::StaleDate)
    );
}
