//! Stage 1: bytes → RGB pixels, with every cap checked from the header before decoding.
//!
//! Order of checks: byte cap, format allow-list by magic bytes (PNG, JPEG, WebP; the declared
//! media type is never trusted), then the decoder reads only the header and the declared
//! width, height and pixel count are checked against [`obscura_protocol::limits`] before any
//! pixel buffer is allocated. `image::Limits` enforces the same caps inside the codec as a
//! second line. EXIF orientation is applied; nothing else of the metadata survives (the
//! result is bare pixels). Alpha is composited over white, 16-bit samples are reduced to 8,
//! greyscale is expanded to RGB, and the codec's intermediate buffer is zeroized.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};
use obscura_protocol::api::MediaType;
use obscura_protocol::limits::{MAX_IMAGE_BYTES, MAX_IMAGE_HEIGHT, MAX_IMAGE_WIDTH, MAX_PIXELS};
use zeroize::Zeroize as _;

use super::pixels::RgbPixels;
use crate::Error;

/// A decoded image: upright pixels and the format it came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedImage {
    /// The input's format (identified by magic bytes).
    pub format: MediaType,
    /// Pixels after EXIF orientation; no metadata.
    pub pixels: RgbPixels,
}

/// Bytes the codecs may allocate: the largest RGBA16 frame plus slack for codec state.
const MAX_DECODE_ALLOC: u64 = MAX_PIXELS * 8 + 64 * 1024 * 1024;

/// Decodes `bytes` (PNG, JPEG or WebP) into upright RGB pixels.
pub fn decode(bytes: &[u8]) -> Result<DecodedImage, Error> {
    if bytes.is_empty() {
        return Err(Error::EmptyImage);
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Error::InputTooLarge {
            bytes: bytes.len(),
            max: MAX_IMAGE_BYTES,
        });
    }
    let format = MediaType::sniff(bytes).ok_or(Error::UnsupportedFormat)?;
    let codec = match format {
        MediaType::Png => ImageFormat::Png,
        MediaType::Jpeg => ImageFormat::Jpeg,
        MediaType::Webp => ImageFormat::WebP,
    };
    let undecodable = |_: ImageError| Error::Undecodable { format };

    // Width and height limits are left to our own check below (which reports the declared
    // size); the allocation limit already applies while the header is read.
    let mut header_limits = Limits::default();
    header_limits.max_image_width = None;
    header_limits.max_image_height = None;
    header_limits.max_alloc = Some(MAX_DECODE_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), codec);
    reader.limits(header_limits);
    let mut decoder = reader.into_decoder().map_err(undecodable)?;

    let (width, height) = decoder.dimensions();
    check_dimensions(width, height)?;

    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_WIDTH);
    limits.max_image_height = Some(MAX_IMAGE_HEIGHT);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    decoder.set_limits(limits).map_err(undecodable)?;

    // A malformed EXIF block means "no orientation", not a failed request.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(undecodable)?;
    image.apply_orientation(orientation);
    let pixels = to_rgb(image)?;
    Ok(DecodedImage { format, pixels })
}

/// Checks declared dimensions against the caps.
fn check_dimensions(width: u32, height: u32) -> Result<(), Error> {
    if width == 0 || height == 0 {
        return Err(Error::ZeroSizeImage);
    }
    if width > MAX_IMAGE_WIDTH
        || height > MAX_IMAGE_HEIGHT
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(Error::ImageTooLarge { width, height });
    }
    Ok(())
}

/// Converts any decoded colour type to RGB8 (alpha over white) and zeroizes the source.
fn to_rgb(image: DynamicImage) -> Result<RgbPixels, Error> {
    let (width, height) = (image.width(), image.height());
    // Already RGB8 (most PNG and every baseline colour JPEG): take the codec's buffer as
    // is, no copy and nothing left behind to zeroize.
    let mut image = match image {
        DynamicImage::ImageRgb8(buffer) => return RgbPixels::new(width, height, buffer.into_raw()),
        other => other,
    };
    let rgb = if image.color().has_alpha() {
        let rgba = image.to_rgba8();
        let mut out = Vec::with_capacity(rgba.as_raw().len() / 4 * 3);
        for px in rgba.as_raw().chunks_exact(4) {
            if let &[r, g, b, a] = px {
                let a = u16::from(a);
                let over = |c: u8| {
                    let v = (u16::from(c) * a + 255 * (255 - a) + 127) / 255;
                    u8::try_from(v).unwrap_or(u8::MAX)
                };
                out.extend_from_slice(&[over(r), over(g), over(b)]);
            }
        }
        let mut rgba = rgba.into_raw();
        rgba.zeroize();
        out
    } else {
        image.to_rgb8().into_raw()
    };
    zeroize_image(&mut image);
    RgbPixels::new(width, height, rgb)
}

/// Overwrites the decoder's buffer before it is freed.
fn zeroize_image(image: &mut DynamicImage) {
    match image {
        DynamicImage::ImageLuma8(b) => b.zeroize(),
        DynamicImage::ImageLumaA8(b) => b.zeroize(),
        DynamicImage::ImageRgb8(b) => b.zeroize(),
        DynamicImage::ImageRgba8(b) => b.zeroize(),
        DynamicImage::ImageLuma16(b) => b.zeroize(),
        DynamicImage::ImageLumaA16(b) => b.zeroize(),
        DynamicImage::ImageRgb16(b) => b.zeroize(),
        DynamicImage::ImageRgba16(b) => b.zeroize(),
        DynamicImage::ImageRgb32F(b) => b.zeroize(),
        DynamicImage::ImageRgba32F(b) => b.zeroize(),
        // Variants added by future `image` versions: nothing we can reach generically.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use image::ExtendedColorType;

    use super::*;
    use crate::pipeline::test_images::{cmyk_jpeg, jpeg, jpeg_with_exif, png, png_with_header};

    #[test]
    fn huge_declared_png_is_refused_before_allocation() {
        let bytes = png_with_header(50_000, 50_000, 100 * 1024);
        assert!(
            (100 * 1024..110 * 1024).contains(&bytes.len()),
            "{}",
            bytes.len()
        );
        // Decoding would need 2.5 GB; the header check refuses it first.
        assert_eq!(
            decode(&bytes),
            Err(Error::ImageTooLarge {
                width: 50_000,
                height: 50_000
            })
        );
        // Each cap on its own.
        assert_eq!(
            decode(&png_with_header(MAX_IMAGE_WIDTH + 1, 1, 64)),
            Err(Error::ImageTooLarge {
                width: MAX_IMAGE_WIDTH + 1,
                height: 1
            })
        );
        assert_eq!(
            decode(&png_with_header(1, MAX_IMAGE_HEIGHT + 1, 64)),
            Err(Error::ImageTooLarge {
                width: 1,
                height: MAX_IMAGE_HEIGHT + 1
            })
        );
        // 16384 × 3000 = 49 M pixels: each side within its cap, the product above MAX_PIXELS.
        assert_eq!(
            decode(&png_with_header(16_384, 3000, 64)),
            Err(Error::ImageTooLarge {
                width: 16_384,
                height: 3000
            })
        );
    }

    #[test]
    fn byte_cap_magic_and_empty() {
        assert_eq!(decode(&[]), Err(Error::EmptyImage));
        assert_eq!(
            decode(b"GIF89a\x01\x00\x01\x00"),
            Err(Error::UnsupportedFormat)
        );
        assert_eq!(decode(b"\x89PNG"), Err(Error::UnsupportedFormat));
        let mut big = png(1, 1, ExtendedColorType::Rgb8, &[1, 2, 3]);
        big.resize(MAX_IMAGE_BYTES + 1, 0);
        assert_eq!(
            decode(&big),
            Err(Error::InputTooLarge {
                bytes: MAX_IMAGE_BYTES + 1,
                max: MAX_IMAGE_BYTES
            })
        );
    }

    #[test]
    fn zero_size_png_is_refused() {
        assert_eq!(
            decode(&png_with_header(0, 10, 64)),
            Err(Error::Undecodable {
                format: MediaType::Png
            })
        );
    }

    #[test]
    fn one_pixel_png() {
        let got = decode(&png(1, 1, ExtendedColorType::Rgb8, &[10, 20, 30])).unwrap();
        assert_eq!(got.format, MediaType::Png);
        assert_eq!(got.pixels, RgbPixels::new(1, 1, vec![10, 20, 30]).unwrap());
    }

    #[test]
    fn sixteen_bit_png_is_reduced_to_eight() {
        let samples: Vec<u8> = [0xffffu16, 0x8080, 0x0000, 0x0101, 0x2020, 0xfefe]
            .iter()
            .flat_map(|v| v.to_be_bytes())
            .collect();
        let got = decode(&png(2, 1, ExtendedColorType::Rgb16, &samples)).unwrap();
        assert_eq!(got.pixels.as_bytes(), &[255, 128, 0, 1, 32, 254]);
    }

    #[test]
    fn grey_alpha_is_composited_over_white() {
        // (grey, alpha): opaque 100, transparent 0, half 0.
        let got = decode(&png(
            3,
            1,
            ExtendedColorType::La8,
            &[100, 255, 0, 0, 0, 128],
        ))
        .unwrap();
        assert_eq!(
            got.pixels.as_bytes(),
            &[100, 100, 100, 255, 255, 255, 127, 127, 127]
        );
    }

    #[test]
    fn truncated_png_is_undecodable() {
        let rgb: Vec<u8> = (0..16 * 16 * 3)
            .map(|i| u8::try_from(i * 7 % 251).unwrap())
            .collect();
        let bytes = png(16, 16, ExtendedColorType::Rgb8, &rgb);
        for cut in 1..bytes.len() - 12 {
            let want = if cut < 8 {
                Err(Error::UnsupportedFormat)
            } else {
                Err(Error::Undecodable {
                    format: MediaType::Png,
                })
            };
            assert_eq!(decode(&bytes[..cut]), want, "cut at {cut}");
        }
    }

    #[test]
    fn truncated_jpeg_never_panics_and_headerless_is_undecodable() {
        let rgb: Vec<u8> = (0..32 * 32 * 3)
            .map(|i| u8::try_from(i * 13 % 251).unwrap())
            .collect();
        let bytes = jpeg(32, 32, &rgb);
        for cut in 1..bytes.len() {
            match decode(&bytes[..cut]) {
                Err(Error::UnsupportedFormat) => assert!(cut < 3, "cut at {cut}"),
                Err(Error::Undecodable {
                    format: MediaType::Jpeg,
                }) => {}
                // Past the headers a decoder may return the rows it has: still a full-size image.
                Ok(img) => assert_eq!((img.pixels.width(), img.pixels.height()), (32, 32)),
                other => panic!("cut at {cut}: {other:?}"),
            }
        }
        assert_eq!(
            decode(&bytes[..20]),
            Err(Error::Undecodable {
                format: MediaType::Jpeg
            })
        );
    }

    #[test]
    fn exif_orientation_is_applied() {
        // 4×2: left half red, right half blue. Orientation 6 = rotate 90° clockwise.
        let mut rgb = Vec::new();
        for _y in 0..2 {
            for x in 0..4 {
                rgb.extend_from_slice(if x < 2 { &[255, 0, 0] } else { &[0, 0, 255] });
            }
        }
        let bytes = jpeg_with_exif(&jpeg(4, 2, &rgb), 6);
        let got = decode(&bytes).unwrap();
        assert_eq!((got.pixels.width(), got.pixels.height()), (2, 4));
        // After a clockwise turn the former left (red) side is on top.
        let top = got.pixels.get(0, 0).unwrap();
        let bottom = got.pixels.get(1, 3).unwrap();
        assert!(top[0] > 200 && top[2] < 60, "{top:?}");
        assert!(bottom[2] > 200 && bottom[0] < 60, "{bottom:?}");
    }

    #[test]
    fn cmyk_jpeg_is_converted_to_rgb() {
        // C = M = Y = K = 128 in every sample; zune-jpeg's CMYK → RGB gives 64 per channel.
        let got = decode(&cmyk_jpeg()).unwrap();
        assert_eq!(got.format, MediaType::Jpeg);
        assert_eq!(got.pixels, RgbPixels::filled(8, 8, [64, 64, 64]).unwrap());
        let bytes = cmyk_jpeg();
        // Cut inside the headers: a typed error. (The entropy byte and EOI come last.)
        for cut in 3..bytes.len() - 3 {
            assert_eq!(
                decode(&bytes[..cut]),
                Err(Error::Undecodable {
                    format: MediaType::Jpeg
                }),
                "cut {cut}"
            );
        }
    }
}
