//! SDK → host routing → enclave keys and back, in process: the protocol half of the path.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code: a panic is a failed test

use std::time::SystemTime;

use obscura_enclave::keys::KeySet;
use obscura_host::route::{ReplicaId, Routes};
use obscura_protocol::api::{CaptionOptions, ErrorCode, MediaType};
use obscura_protocol::keys::{KeyId, Suite};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_protocol::secret::SecretBytes;

#[test]
fn two_replicas_each_answer_only_their_own_requests() {
    let replicas = [
        KeySet::generate_with_ids(KeyId(1), KeyId(2)).unwrap(),
        KeySet::generate_with_ids(KeyId(3), KeyId(4)).unwrap(),
    ];
    let mut routes = Routes::default();
    for (i, r) in replicas.iter().enumerate() {
        routes.insert_list(r.config_list(), ReplicaId(i)).unwrap();
    }
    let image = obscura_tests::sample_png();
    for (i, replica) in replicas.iter().enumerate() {
        let request = CaptionRequest {
            options: CaptionOptions::default(),
            media_type: Some(MediaType::Png),
            date: SystemTime::now(),
            image: SecretBytes::new(image.clone()),
        };
        let (ohttp_req, pending) =
            obscura_sdk::seal_caption(replica.config_list(), &request).unwrap();
        assert_eq!(pending.suite(), Suite::XWING_AES256GCM);
        // The host routes on the clear key id and never sees the image bytes.
        assert_eq!(routes.route(&ohttp_req).unwrap(), ReplicaId(i));
        assert!(
            !ohttp_req
                .windows(image.len())
                .any(|w| w == image.as_slice()),
            "ciphertext must not contain the plaintext image"
        );
        // The other replica cannot open it.
        let other = &replicas[1 - i];
        assert!(matches!(
            other.open(&ohttp_req),
            Err(obscura_enclave::Error::Protocol(
                obscura_protocol::Error::UnknownKeyId(_)
            ))
        ));
        let (plain, sealer) = replica.open(&ohttp_req).unwrap();
        let received = CaptionRequest::decode(plain.expose()).unwrap();
        assert_eq!(received.image.expose(), image.as_slice());
        assert_eq!(received.media_type, Some(MediaType::Png));
        let reply = sealer
            .seal(&CaptionOutcome::Err(ErrorCode::Busy).encode().unwrap())
            .unwrap();
        assert_eq!(
            pending.finish(&reply).unwrap(),
            CaptionOutcome::Err(ErrorCode::Busy)
        );
    }
}
