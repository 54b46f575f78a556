//! Hand-built test images (test-only).

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder as _};

/// CRC-32 (ISO-HDLC), as PNG chunks use.
pub(crate) fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for part in parts {
        for &b in *part {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
    }
    !crc
}

/// A PNG chunk with its length and CRC.
pub(crate) fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
    out
}

/// A PNG whose IHDR declares `width × height` 8-bit greyscale, followed by an IDAT holding
/// `idat_bytes` of a valid zlib stream (stored blocks of zero rows) and IEND.
pub(crate) fn png_with_header(width: u32, height: u32, idat_bytes: usize) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    // zlib header, then stored blocks (not final) of zeros: filter byte 0 + zero samples.
    let mut z = vec![0x78, 0x01];
    while z.len() < idat_bytes {
        let n: u16 = 4096;
        z.push(0);
        z.extend_from_slice(&n.to_le_bytes());
        z.extend_from_slice(&(!n).to_le_bytes());
        z.extend(std::iter::repeat_n(0u8, usize::from(n)));
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", &ihdr));
    out.extend(png_chunk(b"IDAT", &z));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

/// Encodes raw samples as PNG.
pub(crate) fn png(width: u32, height: u32, color: ExtendedColorType, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(data, width, height, color)
        .unwrap();
    out
}

/// Encodes RGB samples as a baseline JPEG (quality 95).
pub(crate) fn jpeg(width: u32, height: u32, rgb: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(rgb, width, height, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// Secret strings placed in the EXIF block of [`jpeg_with_exif`].
pub(crate) const EXIF_SECRETS: [&str; 2] = ["OWNER Jane Q. Patient", "GPS 48.85837N 2.29448E"];

/// Inserts an APP1 Exif segment (big-endian TIFF) right after SOI with Orientation =
/// `orientation`, Artist = `EXIF_SECRETS[0]`, ImageDescription = `EXIF_SECRETS[1]`.
pub(crate) fn jpeg_with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let artist = format!("{}\0", EXIF_SECRETS[0]);
    let desc = format!("{}\0", EXIF_SECRETS[1]);
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entries: u16 = 3;
    let data_start = 8 + 2 + 12 * u32::from(entries) + 4;
    tiff.extend_from_slice(&entries.to_be_bytes());
    // 0x010E ImageDescription, ASCII.
    tiff.extend_from_slice(&[0x01, 0x0e, 0, 2]);
    tiff.extend_from_slice(&u32::try_from(desc.len()).unwrap().to_be_bytes());
    tiff.extend_from_slice(&data_start.to_be_bytes());
    // 0x0112 Orientation, SHORT, 1, value left-justified.
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    // 0x013B Artist, ASCII.
    tiff.extend_from_slice(&[0x01, 0x3b, 0, 2]);
    tiff.extend_from_slice(&u32::try_from(artist.len()).unwrap().to_be_bytes());
    tiff.extend_from_slice(&(data_start + u32::try_from(desc.len()).unwrap()).to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(desc.as_bytes());
    tiff.extend_from_slice(artist.as_bytes());
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff);
    let mut out = vec![0xff, 0xd8, 0xff, 0xe1];
    out.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    out.extend(payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// Whether `needle` occurs in `haystack`.
pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A hand-built 8×8 baseline CMYK JPEG (Adobe APP14, transform 0): every coefficient is
/// zero, so every sample of all four components decodes to 128.
pub(crate) fn cmyk_jpeg() -> Vec<u8> {
    let mut out = vec![0xff, 0xd8];
    // APP14 "Adobe", version 100, flags 0, 0, transform 0 (CMYK, no colour transform).
    out.extend_from_slice(&[
        0xff, 0xee, 0, 14, b'A', b'd', b'o', b'b', b'e', 0, 100, 0, 0, 0, 0, 0,
    ]);
    // DQT: table 0, all ones.
    out.extend_from_slice(&[0xff, 0xdb, 0, 67, 0]);
    out.extend(std::iter::repeat_n(1u8, 64));
    // SOF0: 8-bit, 8×8, 4 components with 1×1 sampling, table 0.
    out.extend_from_slice(&[0xff, 0xc0, 0, 20, 8, 0, 8, 0, 8, 4]);
    for id in 1..=4u8 {
        out.extend_from_slice(&[id, 0x11, 0]);
    }
    // DHT: DC table 0 and AC table 0, each one code of length 1 ("0") for symbol 0.
    for class in [0x00u8, 0x10] {
        out.extend_from_slice(&[0xff, 0xc4, 0, 20, class, 1]);
        out.extend(std::iter::repeat_n(0u8, 15));
        out.push(0);
    }
    // SOS: 4 components, tables 0/0, spectral 0..63.
    out.extend_from_slice(&[0xff, 0xda, 0, 14, 4]);
    for id in 1..=4u8 {
        out.extend_from_slice(&[id, 0x00]);
    }
    out.extend_from_slice(&[0, 63, 0]);
    // One MCU: 4 blocks × (DC category 0 + EOB) = 8 zero bits.
    out.push(0x00);
    out.extend_from_slice(&[0xff, 0xd9]);
    out
}
