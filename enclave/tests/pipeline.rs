//! The pipeline on the pinned models (skipped with a message when assets are absent).

mod common;

use obscura_enclave::Error;
use obscura_enclave::models::Models;
use obscura_enclave::pipeline::{PipelineOptions, RgbPixels, decode};
use obscura_protocol::api::{BoundingBox, MediaType, OutputFormat, RegionKind};

fn overlap(a: BoundingBox, b: BoundingBox) -> f32 {
    let x = (a.x + a.width)
        .min(b.x + b.width)
        .saturating_sub(a.x.max(b.x));
    let y = (a.y + a.height)
        .min(b.y + b.height)
        .saturating_sub(a.y.max(b.y));
    let inter = (x * y) as f32;
    inter / (a.width * a.height + b.width * b.height) as f32 * 2.0
}

#[test]
fn astronaut_face_is_found_and_filled() {
    let Some(pipeline) = common::pipeline("astronaut_face_is_found_and_filled") else {
        return;
    };
    let dir = common::assets("astronaut").unwrap();
    let bytes = std::fs::read(dir.join("images/astronaut.png")).unwrap();
    let options = PipelineOptions {
        text: false,
        ..PipelineOptions::default()
    };
    let started = std::time::Instant::now();
    let out = pipeline.run(&bytes, &options).unwrap();
    eprintln!(
        "astronaut (faces only): {:?}, {:?}",
        started.elapsed(),
        out.timings
    );
    assert_eq!(
        out.timings.text,
        std::time::Duration::ZERO.max(out.timings.text)
    );
    assert!(out.timings.faces > out.timings.redact, "{:?}", out.timings);

    let faces: Vec<_> = out
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Face)
        .collect();
    assert_eq!(faces.len(), 1, "{:?}", out.regions);
    let face = faces[0];
    assert!(face.redacted);
    assert!(face.score > 0.8, "{}", face.score);
    // The face (checked by eye): roughly x 170..290, y 60..210; the filled box is the
    // detector box enlarged by 20 %.
    let known = BoundingBox {
        x: 170,
        y: 60,
        width: 120,
        height: 150,
    };
    assert!(overlap(face.bbox, known) > 0.6, "{:?}", face.bbox);
    assert!(
        (150..=185).contains(&face.bbox.x) && (25..=75).contains(&face.bbox.y),
        "{:?}",
        face.bbox
    );

    assert_eq!(out.image.media_type, MediaType::Png);
    assert_eq!((out.image.width, out.image.height), (512, 512));
    let redacted = decode(out.image.data.expose()).unwrap().pixels;
    let original = decode(&bytes).unwrap().pixels;
    // Inside the filled box every pixel is the fill; far outside, pixels are unchanged.
    let b = face.bbox;
    for (x, y) in [
        (b.x, b.y),
        (b.x + b.width - 1, b.y + b.height - 1),
        (b.x + b.width / 2, b.y + b.height / 2),
    ] {
        assert_eq!(redacted.get(x, y), Some([0, 0, 0]), "({x}, {y})");
    }
    assert_eq!(redacted.get(450, 450), original.get(450, 450));
}

#[test]
fn images_without_faces_yield_none() {
    let Some(pipeline) = common::pipeline("images_without_faces_yield_none") else {
        return;
    };
    let options = PipelineOptions {
        text: false,
        ..PipelineOptions::default()
    };
    let gradient = common::png(&common::gradient(320, 240));
    let out = pipeline.run(&gradient, &options).unwrap();
    assert_eq!(out.regions, vec![]);

    let mut text = RgbPixels::filled(600, 120, [0, 0, 0]).unwrap();
    common::draw_text(&mut text, "PATIENT: JOHN SMITH", 20, 20, 4, [255, 255, 255]);
    let out = pipeline.run(&common::png(&text), &options).unwrap();
    assert_eq!(
        out.regions
            .iter()
            .filter(|r| r.kind == RegionKind::Face)
            .count(),
        0
    );
}

#[test]
fn output_keeps_size_and_format_and_drops_exif() {
    let Some(pipeline) = common::pipeline("output_keeps_size_and_format_and_drops_exif") else {
        return;
    };
    let img = common::gradient(200, 90);
    let jpeg = {
        let png = common::png(&img);
        let p = decode(&png).unwrap().pixels;
        obscura_enclave::pipeline::encode::encode(&p, MediaType::Jpeg)
            .unwrap()
            .expose()
            .to_vec()
    };
    // APP1 Exif with an owner string, inserted after SOI.
    let secret = b"OWNER Jane Q. Patient";
    let mut tiff =
        b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x3b\0\x02\0\0\0\x16\0\0\0\x1a\0\0\0\0".to_vec();
    tiff.extend_from_slice(secret);
    tiff.push(0);
    let mut input = vec![0xff, 0xd8, 0xff, 0xe1];
    input.extend_from_slice(&u16::try_from(tiff.len() + 2).unwrap().to_be_bytes());
    input.extend_from_slice(&tiff);
    input.extend_from_slice(&jpeg[2..]);

    let opts = PipelineOptions {
        text: false,
        ..PipelineOptions::default()
    };
    let out = pipeline.run(&input, &opts).unwrap();
    assert_eq!(out.image.media_type, MediaType::Jpeg);
    assert_eq!((out.image.width, out.image.height), (200, 90));
    assert!(
        !out.image
            .data
            .expose()
            .windows(secret.len())
            .any(|w| w == secret)
    );
    assert!(!out.image.data.expose().windows(4).any(|w| w == b"Exif"));

    let as_webp = PipelineOptions {
        format: OutputFormat::Webp,
        ..opts
    };
    let out = pipeline.run(&input, &as_webp).unwrap();
    assert_eq!(out.image.media_type, MediaType::Webp);
    assert_eq!(
        decode(out.image.data.expose()).unwrap().format,
        MediaType::Webp
    );
}

#[test]
fn pipeline_errors_are_typed() {
    let Some(pipeline) = common::pipeline("pipeline_errors_are_typed") else {
        return;
    };
    let opts = PipelineOptions::default();
    assert_eq!(pipeline.run(b"", &opts).unwrap_err(), Error::EmptyImage);
    assert_eq!(
        pipeline.run(b"BM\0\0\0\0", &opts).unwrap_err(),
        Error::UnsupportedFormat
    );
}

#[test]
fn model_digest_mismatch_is_refused() {
    let Some(dir) = common::assets("model_digest_mismatch_is_refused") else {
        return;
    };
    let tmp = std::env::temp_dir().join(format!("obscura-digest-{}", std::process::id()));
    std::fs::create_dir_all(tmp.join("models")).unwrap();
    std::fs::create_dir_all(tmp.join("ort")).unwrap();
    let lib = "ort/libonnxruntime.so.1.31.1";
    if !tmp.join(lib).exists() {
        std::os::unix::fs::symlink(dir.join(lib), tmp.join(lib)).unwrap();
    }
    let err = Models::load(&tmp).unwrap_err();
    assert_eq!(
        err,
        Error::Onnx(obscura_onnx::Error::AssetUnreadable {
            name: "models/centerface.onnx".to_owned(),
            kind: std::io::ErrorKind::NotFound
        })
    );
    let mut model = std::fs::read(dir.join("models/centerface.onnx")).unwrap();
    model[1000] ^= 1;
    std::fs::write(tmp.join("models/centerface.onnx"), &model).unwrap();
    match Models::load(&tmp).unwrap_err() {
        Error::Onnx(obscura_onnx::Error::AssetDigestMismatch {
            name,
            expected,
            got,
        }) => {
            assert_eq!(name, "models/centerface.onnx");
            assert_eq!(
                expected.to_string(),
                "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc"
            );
            assert_ne!(got, expected);
        }
        other => panic!("{other:?}"),
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn burned_in_text_is_read_and_filled() {
    let Some(pipeline) = common::pipeline("burned_in_text_is_read_and_filled") else {
        return;
    };
    let started = std::time::Instant::now();
    let out = pipeline
        .run(&common::png(&common::label()), &PipelineOptions::default())
        .unwrap();
    eprintln!("640x200 label (faces + text): {:?}", started.elapsed());

    let words: Vec<&str> = out.text.iter().map(|l| l.text.expose()).collect();
    assert_eq!(
        words,
        vec!["PATIENT:", "JOHN", "SMITH", "DATE", "01/02/1960"]
    );
    for line in &out.text {
        assert!(line.score > 0.75, "{line:?}");
    }
    assert_eq!(out.regions.len(), 5);
    assert!(
        out.regions
            .iter()
            .all(|r| r.kind == RegionKind::Text && r.redacted)
    );
    // Boxes: first line at y 30..58, second at y 110..138 (the text's own extent), ±6 px,
    // plus the 10 % fill margin.
    let first = out.regions[0].bbox;
    assert!(
        (5..=20).contains(&first.x) && (24..=31).contains(&first.y),
        "{first:?}"
    );
    let last = out.regions[4].bbox;
    // "DATE 01/02/1960": 15 glyphs of 24 px from x = 20, the last ending 4 px early.
    assert!((100..=111).contains(&last.y), "{last:?}");
    assert!((372..=400).contains(&(last.x + last.width)), "{last:?}");

    // Every text pixel is gone: the redacted image is black everywhere.
    let redacted = decode(out.image.data.expose()).unwrap().pixels;
    let bright = redacted
        .as_bytes()
        .chunks_exact(3)
        .filter(|p| p.iter().any(|&c| c > 60))
        .count();
    assert_eq!(bright, 0);
    // Text never appears in Debug output.
    let debug = format!("{out:?}");
    assert!(
        !debug.contains("JOHN") && !debug.contains("1960"),
        "{debug}"
    );
}

#[test]
fn face_and_text_together() {
    let Some(pipeline) = common::pipeline("face_and_text_together") else {
        return;
    };
    let dir = common::assets("face_and_text_together").unwrap();
    let mut img = decode(&std::fs::read(dir.join("images/astronaut.png")).unwrap())
        .unwrap()
        .pixels;
    common::draw_text(&mut img, "MRN 4815", 300, 470, 3, [255, 255, 255]);
    let out = pipeline
        .run(&common::png(&img), &PipelineOptions::default())
        .unwrap();
    let faces = out
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Face)
        .count();
    assert_eq!(faces, 1, "{:?}", out.regions);
    assert!(
        out.text
            .iter()
            .any(|l| l.text.expose() == "MRN 4815" || l.text.expose() == "4815"),
        "{:?}",
        out.text.iter().map(|l| l.text.expose()).collect::<Vec<_>>()
    );
}

#[test]
fn small_faces_are_found_natively_and_in_tiles() {
    let Some(pipeline) = common::pipeline("small_faces_are_found_natively_and_in_tiles") else {
        return;
    };
    let dir = common::assets("small_faces").unwrap();
    let astronaut = decode(&std::fs::read(dir.join("images/astronaut.png")).unwrap())
        .unwrap()
        .pixels;
    let options = PipelineOptions {
        text: false,
        ..PipelineOptions::default()
    };
    // The face spans about x 175..275, y 55..180 of 512: at 64 px it is ~12 × 16 px.
    // 640×480 runs as one native view; 1500×1100 as four overlapping 1024 tiles + coarse.
    for (w, h, x, y) in [(640, 480, 213, 240), (1500, 1100, 1000, 900)] {
        let img = common::small_astronaut(&astronaut, 64, w, h, x, y);
        let started = std::time::Instant::now();
        let out = pipeline.run(&common::png(&img), &options).unwrap();
        eprintln!("{w}x{h} with a 12 px face: {:?}", started.elapsed());
        assert_eq!(out.regions.len(), 1, "{w}x{h}: {:?}", out.regions);
        let face = out.regions[0].bbox;
        let known = BoundingBox {
            x: x + 22,
            y: y + 7,
            width: 12,
            height: 16,
        };
        assert!(overlap(face, known) > 0.3, "{w}x{h}: {face:?}");
    }
}

#[test]
fn sideways_photo_is_turned_upright_before_detection() {
    let Some(pipeline) = common::pipeline("sideways_photo_is_turned_upright_before_detection")
    else {
        return;
    };
    let dir = common::assets("sideways").unwrap();
    let upright = decode(&std::fs::read(dir.join("images/astronaut.png")).unwrap())
        .unwrap()
        .pixels;
    // Stored turned 90° counter-clockwise; EXIF orientation 6 says "turn clockwise to view".
    let stored = common::rotate_ccw(&upright);
    assert_ne!(stored.get(10, 500), upright.get(10, 500));
    let bytes = common::jpeg_with_orientation(&stored, 6);
    let options = PipelineOptions {
        text: false,
        ..PipelineOptions::default()
    };
    let out = pipeline.run(&bytes, &options).unwrap();
    assert_eq!(out.image.media_type, MediaType::Jpeg);
    let faces: Vec<_> = out
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Face)
        .collect();
    assert_eq!(faces.len(), 1, "{:?}", out.regions);
    // Same place as in the upright PNG: the output is upright too.
    let known = BoundingBox {
        x: 170,
        y: 60,
        width: 120,
        height: 150,
    };
    assert!(overlap(faces[0].bbox, known) > 0.6, "{:?}", faces[0].bbox);
    let redacted = decode(out.image.data.expose()).unwrap().pixels;
    assert_eq!((redacted.width(), redacted.height()), (512, 512));
    let c = faces[0].bbox;
    assert_eq!(
        redacted.get(c.x + c.width / 2, c.y + c.height / 2),
        Some([0, 0, 0])
    );
}

#[test]
fn slanted_text_is_read_from_rotated_boxes() {
    let Some(pipeline) = common::pipeline("slanted_text_is_read_from_rotated_boxes") else {
        return;
    };
    for degrees in [-8.0f32, 3.0, 8.0] {
        let img = common::rotated(&common::label(), degrees, 720, 320);
        let out = pipeline
            .run(&common::png(&img), &PipelineOptions::default())
            .unwrap();
        // The detector may split a line into words or not, depending on the angle: compare
        // words without spaces, and the total count of characters read.
        let lines: Vec<String> = out
            .text
            .iter()
            .map(|l| l.text.expose().replace(' ', ""))
            .collect();
        for word in ["PATIENT:", "JOHN", "SMITH", "DATE", "01/02/1960"] {
            assert!(
                lines.iter().any(|l| l.contains(word)),
                "{degrees}°: {word} not in {lines:?}"
            );
        }
        let read: usize = lines.iter().map(|l| l.chars().count()).sum();
        assert_eq!(
            read,
            "PATIENT:JOHNSMITHDATE01/02/1960".len(),
            "{degrees}°: {lines:?}"
        );
        // The top edges follow the text's slant (counter-clockwise = up to the right).
        for line in &out.text {
            let [p0, p1, _, _] = line.quad.0;
            let angle = (p0[1] - p1[1]).atan2(p1[0] - p0[0]).to_degrees();
            assert!((angle - degrees).abs() < 3.0, "{degrees}°: {:?}", line.quad);
        }
        let redacted = decode(out.image.data.expose()).unwrap().pixels;
        let bright = redacted
            .as_bytes()
            .chunks_exact(3)
            .filter(|p| p.iter().any(|&c| c > 60))
            .count();
        assert_eq!(bright, 0, "{degrees}°");
    }
}

#[test]
fn tiny_and_extreme_shapes_run_end_to_end() {
    let Some(pipeline) = common::pipeline("tiny_and_extreme_shapes_run_end_to_end") else {
        return;
    };
    for (w, h) in [(1, 1), (2, 3), (31, 33), (3000, 8), (8, 2500), (1100, 20)] {
        let img = common::gradient(w, h);
        let out = pipeline
            .run(&common::png(&img), &PipelineOptions::default())
            .unwrap();
        assert_eq!((out.image.width, out.image.height), (w, h), "{w}x{h}");
        assert_eq!(
            out.regions
                .iter()
                .filter(|r| r.kind == RegionKind::Face)
                .count(),
            0,
            "{w}x{h}"
        );
        let back = decode(out.image.data.expose()).unwrap().pixels;
        assert_eq!((back.width(), back.height()), (w, h));
    }
}

#[test]
fn text_touching_the_edges_of_a_thin_strip_is_read() {
    let Some(pipeline) = common::pipeline("text_touching_the_edges_of_a_thin_strip_is_read") else {
        return;
    };
    // 28 px glyphs in a 40 px strip: the crop margin must not run past the image (with
    // replicated borders "JOHN" was smeared and then read upside down as "NHOr").
    let mut img = RgbPixels::filled(1600, 40, [0, 0, 0]).unwrap();
    common::draw_text(&mut img, "PATIENT: JOHN SMITH", 4, 6, 4, [255, 255, 255]);
    let out = pipeline
        .run(&common::png(&img), &PipelineOptions::default())
        .unwrap();
    let words: Vec<&str> = out
        .text
        .iter()
        .map(|l| l.text.expose())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(words, vec!["PATIENT:", "JOHN", "SMITH"]);
    let redacted = decode(out.image.data.expose()).unwrap().pixels;
    let bright = redacted
        .as_bytes()
        .chunks_exact(3)
        .filter(|p| p.iter().any(|&c| c > 60))
        .count();
    assert_eq!(bright, 0);
}

#[test]
fn large_text_is_read_from_downsampled_crops() {
    let Some(pipeline) = common::pipeline("large_text_is_read_from_downsampled_crops") else {
        return;
    };
    // 140 px high glyphs: the crop (~220 px across the line with its margin) is sampled at
    // 192 px, then shrunk to the models' 48.
    let mut img = RgbPixels::filled(1600, 700, [0, 0, 0]).unwrap();
    common::draw_text(&mut img, "SMITH", 40, 60, 20, [255, 255, 255]);
    let out = pipeline
        .run(&common::png(&img), &PipelineOptions::default())
        .unwrap();
    let words: Vec<&str> = out.text.iter().map(|l| l.text.expose()).collect();
    assert_eq!(words, vec!["SMITH"]);
}

#[test]
fn small_print_in_a_large_image_is_read_in_native_tiles() {
    let Some(pipeline) = common::pipeline("small_print_in_a_large_image_is_read_in_native_tiles")
    else {
        return;
    };
    // 14 px glyphs in a 4000 px wide image: the global pass sees them at 7 px (and read
    // "DRTE"); the native-resolution tiles read both lines exactly.
    let mut img = RgbPixels::filled(4000, 1200, [0, 0, 0]).unwrap();
    common::draw_text(
        &mut img,
        "PATIENT: JOHN SMITH",
        2900,
        1100,
        2,
        [255, 255, 255],
    );
    common::draw_text(&mut img, "DATE 01/02/1960", 100, 100, 2, [255, 255, 255]);
    let out = pipeline
        .run(&common::png(&img), &PipelineOptions::default())
        .unwrap();
    let lines: Vec<&str> = out.text.iter().map(|l| l.text.expose().trim()).collect();
    assert_eq!(lines, vec!["DATE 01/02/1960", "PATIENT: JOHN SMITH"]);
    let redacted = decode(out.image.data.expose()).unwrap().pixels;
    let bright = redacted
        .as_bytes()
        .chunks_exact(3)
        .filter(|p| p.iter().any(|&c| c > 60))
        .count();
    assert_eq!(bright, 0);
}
