//! Hostile images: mutated and truncated PNG, JPEG and WebP never panic, and whatever
//! decodes respects the caps. (No models needed.)

mod common;

use obscura_enclave::Error;
use obscura_enclave::pipeline::{RgbPixels, decode, encode};
use obscura_protocol::api::MediaType;
use obscura_protocol::limits::{MAX_IMAGE_HEIGHT, MAX_IMAGE_WIDTH, MAX_PIXELS};
use proptest::prelude::*;

#[allow(
    clippy::unwrap_used,
    reason = "test fixture: a panic is a test failure"
)]
fn seeds() -> Vec<(MediaType, Vec<u8>)> {
    let mut img = RgbPixels::filled(37, 23, [20, 40, 60]).unwrap();
    common::draw_text(&mut img, "ID 42", 2, 4, 2, [250, 250, 250]);
    [MediaType::Png, MediaType::Jpeg, MediaType::Webp]
        .into_iter()
        .map(|f| (f, encode::encode(&img, f).unwrap().expose().to_vec()))
        .collect()
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match decode(bytes) {
        Ok(img) => {
            let (w, h) = (img.pixels.width(), img.pixels.height());
            prop_assert!(w > 0 && h > 0 && w <= MAX_IMAGE_WIDTH && h <= MAX_IMAGE_HEIGHT);
            prop_assert!(u64::from(w) * u64::from(h) <= MAX_PIXELS);
            prop_assert_eq!(
                img.pixels.as_bytes().len() as u64,
                u64::from(w) * u64::from(h) * 3
            );
        }
        Err(
            Error::EmptyImage
            | Error::UnsupportedFormat
            | Error::ImageTooLarge { .. }
            | Error::ZeroSizeImage
            | Error::Undecodable { .. },
        ) => {}
        Err(other) => prop_assert!(false, "unexpected error {other:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_images_never_panic(
        which in 0usize..3,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let (_, mut bytes) = seeds().swap_remove(which);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        check(&bytes)?;
    }

    #[test]
    fn random_bytes_behind_a_valid_magic_never_panic(
        which in 0usize..3,
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let magic: &[u8] = match which {
            0 => b"\x89PNG\r\n\x1a\n",
            1 => &[0xff, 0xd8, 0xff],
            _ => b"RIFF\0\0\0\0WEBPVP8L",
        };
        let mut bytes = magic.to_vec();
        bytes.extend(tail);
        check(&bytes)?;
    }
}

#[test]
fn seeds_decode_exactly_in_their_format() {
    for (format, bytes) in seeds() {
        let img = decode(&bytes).unwrap();
        assert_eq!(img.format, format);
        assert_eq!((img.pixels.width(), img.pixels.height()), (37, 23));
    }
}
