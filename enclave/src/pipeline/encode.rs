//! Stage 5: re-encode the redacted pixels with no metadata at all.
//!
//! The encoders are driven directly with bare RGB pixels: no EXIF, XMP, ICC profile, text
//! chunks or comments are ever written (the JPEG carries only the JFIF header the encoder
//! always emits). WebP output is lossless.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::{ExtendedColorType, ImageEncoder as _};
use obscura_protocol::api::{MediaType, OutputFormat};
use obscura_protocol::secret::SecretBytes;

use super::pixels::RgbPixels;
use crate::Error;

/// JPEG quality of re-encoded images.
pub const JPEG_QUALITY: u8 = 90;

/// The media type an `OutputFormat` asks for, given the input's.
pub fn output_media_type(requested: OutputFormat, input: MediaType) -> MediaType {
    match requested {
        OutputFormat::Same => input,
        OutputFormat::Png => MediaType::Png,
        OutputFormat::Jpeg => MediaType::Jpeg,
        OutputFormat::Webp => MediaType::Webp,
    }
}

/// Encodes `pixels` as `format`.
pub fn encode(pixels: &RgbPixels, format: MediaType) -> Result<SecretBytes, Error> {
    let mut out = Vec::new();
    let (w, h) = (pixels.width(), pixels.height());
    let data = pixels.as_bytes();
    let result = match format {
        MediaType::Png => {
            PngEncoder::new(&mut out).write_image(data, w, h, ExtendedColorType::Rgb8)
        }
        MediaType::Jpeg => JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).write_image(
            data,
            w,
            h,
            ExtendedColorType::Rgb8,
        ),
        MediaType::Webp => {
            WebPEncoder::new_lossless(&mut out).write_image(data, w, h, ExtendedColorType::Rgb8)
        }
    };
    let out = SecretBytes::new(out);
    result.map_err(|_| Error::Encode { format })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::decode::decode;
    use crate::pipeline::test_images::{EXIF_SECRETS, contains, jpeg, jpeg_with_exif};

    #[test]
    fn exif_in_the_input_is_absent_from_the_output() {
        let rgb: Vec<u8> = (0..24 * 16 * 3)
            .map(|i| u8::try_from(i * 5 % 256).unwrap())
            .collect();
        let input = jpeg_with_exif(&jpeg(24, 16, &rgb), 1);
        for secret in EXIF_SECRETS {
            assert!(contains(&input, secret.as_bytes()));
        }
        assert!(contains(&input, b"Exif\0\0"));
        let decoded = decode(&input).unwrap();
        for format in [MediaType::Jpeg, MediaType::Png, MediaType::Webp] {
            let out = encode(&decoded.pixels, format).unwrap();
            for secret in EXIF_SECRETS {
                assert!(!contains(out.expose(), secret.as_bytes()), "{format:?}");
            }
            assert!(!contains(out.expose(), b"Exif"), "{format:?}");
            let again = decode(out.expose()).unwrap();
            assert_eq!(again.format, format);
            assert_eq!((again.pixels.width(), again.pixels.height()), (24, 16));
        }
    }

    #[test]
    fn lossless_formats_round_trip_exactly() {
        let p = RgbPixels::new(3, 2, (0..18).map(|i| i * 14).collect()).unwrap();
        for format in [MediaType::Png, MediaType::Webp] {
            let out = encode(&p, format).unwrap();
            assert_eq!(decode(out.expose()).unwrap().pixels, p, "{format:?}");
        }
    }

    #[test]
    fn output_format_follows_request_or_input() {
        assert_eq!(
            output_media_type(OutputFormat::Same, MediaType::Jpeg),
            MediaType::Jpeg
        );
        assert_eq!(
            output_media_type(OutputFormat::Png, MediaType::Jpeg),
            MediaType::Png
        );
        assert_eq!(
            output_media_type(OutputFormat::Jpeg, MediaType::Png),
            MediaType::Jpeg
        );
        assert_eq!(
            output_media_type(OutputFormat::Webp, MediaType::Png),
            MediaType::Webp
        );
    }
}

#[cfg(test)]
mod structure_tests {
    use super::*;

    fn sample() -> RgbPixels {
        RgbPixels::new(
            9,
            5,
            (0..9 * 5 * 3)
                .map(|i| u8::try_from(i % 256).unwrap())
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn png_has_only_critical_chunks() {
        let out = encode(&sample(), MediaType::Png).unwrap();
        let bytes = out.expose();
        let mut at = 8;
        let mut kinds = Vec::new();
        while at + 8 <= bytes.len() {
            let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
            kinds.push(String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned());
            at += 12 + len;
        }
        kinds.dedup();
        assert_eq!(kinds, vec!["IHDR", "IDAT", "IEND"]);
    }

    #[test]
    fn jpeg_has_no_app_segment_but_jfif_and_no_comment() {
        let out = encode(&sample(), MediaType::Jpeg).unwrap();
        let bytes = out.expose();
        let mut at = 2;
        let mut markers = Vec::new();
        // Walk marker segments up to the start of scan.
        while at + 4 <= bytes.len() && bytes[at] == 0xff {
            let marker = bytes[at + 1];
            markers.push(marker);
            if marker == 0xda {
                break;
            }
            let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
            if marker == 0xe0 {
                assert_eq!(&bytes[at + 4..at + 9], b"JFIF\0");
            }
            at += 2 + len;
        }
        assert_eq!(markers.last(), Some(&0xda));
        // APP0 (JFIF) is the only application segment; no APP1..APP15, no COM.
        assert!(
            markers
                .iter()
                .all(|&m| m == 0xe0 || !(0xe1..=0xef).contains(&m) && m != 0xfe),
            "{markers:x?}"
        );
    }

    #[test]
    fn webp_is_a_single_lossless_chunk() {
        let out = encode(&sample(), MediaType::Webp).unwrap();
        let bytes = out.expose();
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(&bytes[8..12], b"WEBP");
        assert_eq!(&bytes[12..16], b"VP8L");
        let len = u32::from_le_bytes(bytes[16..20].try_into().unwrap()) as usize;
        // One chunk (padded to even) fills the rest of the file: no VP8X, EXIF, XMP or ICCP.
        assert_eq!(20 + len + len % 2, bytes.len());
    }
}
