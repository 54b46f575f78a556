//! Face recall on a deterministic mixed set built from the pinned scikit-image photos.
//!
//! Gold boxes were annotated by hand on the two photos with a human face (forehead to
//! chin, cheek or ear to cheek or nose tip, on a 10 px grid at 3–4× zoom):
//! - `astronaut.png` (512², frontal, colour): x 178..274, y 76..190;
//! - `camera.png` (512², profile, greyscale): x 178..256, y 115..198.
//!
//! Each face is cut out with a margin of half its box on every side (hair, neck,
//! shoulders: what a detector sees around a real face), scaled so the face box is 12–200 px
//! wide, rotated by up to ±30° and pasted onto the face-free photos, several per image; each
//! image is then colour or greyscale, normal or low contrast, PNG or JPEG at quality 10–20.
//! The gold box of a pasted face is the axis-aligned box around the rotated ellipse
//! inscribed in its scaled hand box (so rotation does not inflate it with corners).
//!
//! A face counts as filled when ≥ 80 % of its gold box lies inside filled face regions.
//! False-positive area is measured on the face-free photos themselves (as shipped, and
//! greyscale JPEG at quality 15): filled pixels as a share of all pixels.
//!
//! `OBSCURA_MIXED_DUMP=<dir>` writes every generated image with its gold boxes outlined
//! (for checking the annotation by eye).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::indexing_slicing,
    reason = "test: a panic is a failure, values are small"
)]

mod common;

use std::time::Duration;

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder as _};
use obscura_enclave::pipeline::{Pipeline, PipelineOptions, RgbPixels, decode};
use obscura_protocol::api::RegionKind;

/// A photo with one hand-annotated face: (file, x0, y0, x1, y1).
const FACES: [(&str, f32, f32, f32, f32); 2] = [
    ("astronaut.png", 178.0, 76.0, 274.0, 190.0),
    ("camera.png", 178.0, 115.0, 256.0, 198.0),
];

/// Photos without a human face (backgrounds and negatives).
const NEGATIVES: [&str; 10] = [
    "chelsea.png",
    "coffee.png",
    "coins.png",
    "rocket.jpg",
    "brick.png",
    "grass.png",
    "gravel.png",
    "horse.png",
    "hubble_deep_field.jpg",
    "camera.png",
];

/// Face widths in px (each bucket gets several).
const SIZES: [u32; 19] = [
    12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 46, 56, 72, 96, 128, 160, 200,
];
/// Rotations in degrees (counter-clockwise on screen).
const ANGLES: [f32; 9] = [0.0, 15.0, -15.0, 20.0, -20.0, 25.0, -25.0, 30.0, -30.0];
/// Canvas sizes, cycled per image (one above 1024² exercises the tiled path).
const CANVASES: [(u32, u32); 4] = [(640, 480), (800, 600), (480, 360), (1280, 960)];
/// Size buckets (upper bounds, exclusive) for the report.
const BUCKETS: [(&str, u32); 4] = [("<16", 16), ("16-24", 24), ("24-48", 48), (">48", u32::MAX)];

/// Per-image photometric variant.
#[derive(Debug, Clone, Copy)]
struct Variant {
    grey: bool,
    low_contrast: bool,
    jpeg_quality: Option<u8>,
}

const VARIANTS: [Variant; 5] = [
    Variant {
        grey: false,
        low_contrast: false,
        jpeg_quality: None,
    },
    Variant {
        grey: true,
        low_contrast: false,
        jpeg_quality: Some(15),
    },
    Variant {
        grey: false,
        low_contrast: true,
        jpeg_quality: Some(20),
    },
    Variant {
        grey: true,
        low_contrast: true,
        jpeg_quality: None,
    },
    Variant {
        grey: false,
        low_contrast: false,
        jpeg_quality: Some(10),
    },
];

#[derive(Debug, Clone, Copy)]
struct Gold {
    size: u32,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

struct Sample {
    bytes: Vec<u8>,
    width: u32,
    height: u32,
    gold: Vec<Gold>,
}

fn load(dir: &std::path::Path, name: &str) -> RgbPixels {
    decode(&std::fs::read(dir.join("images").join(name)).unwrap())
        .unwrap()
        .pixels
}

fn to_image(p: &RgbPixels) -> image::RgbImage {
    image::RgbImage::from_raw(p.width(), p.height(), p.as_bytes().to_vec()).unwrap()
}

fn from_image(img: &image::RgbImage) -> RgbPixels {
    RgbPixels::new(img.width(), img.height(), img.as_raw().clone()).unwrap()
}

/// A tiny deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// One face to paste: source index, face width, angle.
#[derive(Debug, Clone, Copy)]
struct Spec {
    source: usize,
    size: u32,
    angle: f32,
}

/// Pastes face `spec` centred at (`cx`, `cy`) and returns its gold box.
fn paste(canvas: &mut RgbPixels, sources: &[RgbPixels], spec: Spec, cx: f32, cy: f32) -> Gold {
    let (_, fx0, fy0, fx1, fy1) = FACES[spec.source];
    let src = &sources[spec.source];
    let (fw, fh) = (fx1 - fx0, fy1 - fy0);
    // Context crop: half the face box on every side, clipped to the photo.
    let cx0 = (fx0 - fw / 2.0).max(0.0);
    let cy0 = (fy0 - fh / 2.0).max(0.0);
    let cx1 = (fx1 + fw / 2.0).min(src.width() as f32);
    let cy1 = (fy1 + fh / 2.0).min(src.height() as f32);
    let crop = image::imageops::crop_imm(
        &to_image(src),
        cx0 as u32,
        cy0 as u32,
        (cx1 - cx0) as u32,
        (cy1 - cy0) as u32,
    )
    .to_image();
    let s = spec.size as f32 / fw;
    let (sw, sh) = (
        ((cx1 - cx0) * s).round().max(1.0) as u32,
        ((cy1 - cy0) * s).round().max(1.0) as u32,
    );
    let small = image::imageops::resize(&crop, sw, sh, image::imageops::FilterType::Triangle);
    let (sx, sy) = (sw as f32 / (cx1 - cx0), sh as f32 / (cy1 - cy0));
    // Face centre inside the scaled crop.
    let (fcx, fcy) = (
        ((fx0 + fx1) / 2.0 - cx0) * sx,
        ((fy0 + fy1) / 2.0 - cy0) * sy,
    );
    let (c, sn) = (spec.angle.to_radians().cos(), spec.angle.to_radians().sin());
    let reach = ((sw * sw + sh * sh) as f32).sqrt();
    let (x_lo, x_hi) = ((cx - reach).max(0.0) as u32, (cx + reach) as u32);
    let (y_lo, y_hi) = ((cy - reach).max(0.0) as u32, (cy + reach) as u32);
    for y in y_lo..=y_hi.min(canvas.height() - 1) {
        for x in x_lo..=x_hi.min(canvas.width() - 1) {
            let (dx, dy) = (x as f32 + 0.5 - cx, y as f32 + 0.5 - cy);
            // Inverse of a counter-clockwise turn on screen (y down).
            let u = c * dx - sn * dy + fcx - 0.5;
            let v = sn * dx + c * dy + fcy - 0.5;
            if u < 0.0 || v < 0.0 || u > (sw - 1) as f32 || v > (sh - 1) as f32 {
                continue;
            }
            let (u0, v0) = (u.floor() as u32, v.floor() as u32);
            let (u1, v1) = ((u0 + 1).min(sw - 1), (v0 + 1).min(sh - 1));
            let (au, av) = (u - u0 as f32, v - v0 as f32);
            let p = |x: u32, y: u32| small.get_pixel(x, y).0;
            let mut rgb = [0u8; 3];
            for (k, out) in rgb.iter_mut().enumerate() {
                let top = f32::from(p(u0, v0)[k]) * (1.0 - au) + f32::from(p(u1, v0)[k]) * au;
                let bot = f32::from(p(u0, v1)[k]) * (1.0 - au) + f32::from(p(u1, v1)[k]) * au;
                *out = (top * (1.0 - av) + bot * av).round() as u8;
            }
            canvas.put(x, y, rgb);
        }
    }
    // Axis-aligned box around the rotated inscribed ellipse.
    let (a, b) = (fw * sx / 2.0, fh * sy / 2.0);
    let hw = ((a * c).powi(2) + (b * sn).powi(2)).sqrt();
    let hh = ((a * sn).powi(2) + (b * c).powi(2)).sqrt();
    Gold {
        size: spec.size,
        x0: cx - hw,
        y0: cy - hh,
        x1: cx + hw,
        y1: cy + hh,
    }
}

/// Side of the square cell a pasted face needs (its rotated context crop, plus a gap).
fn cell(spec: Spec) -> u32 {
    let (_, fx0, fy0, fx1, fy1) = FACES[spec.source];
    let s = spec.size as f32 / (fx1 - fx0);
    let (w, h) = (2.0 * (fx1 - fx0) * s, 2.0 * (fy1 - fy0) * s);
    let (c, sn) = (
        spec.angle.to_radians().cos().abs(),
        spec.angle.to_radians().sin().abs(),
    );
    ((w * c + h * sn).max(h * c + w * sn) + 6.0).ceil() as u32
}

fn apply_variant(img: &mut RgbPixels, v: Variant) -> Vec<u8> {
    let (w, h) = (img.width(), img.height());
    let mut data = img.as_bytes().to_vec();
    for px in data.chunks_exact_mut(3) {
        if v.grey {
            let y = (0.299 * f32::from(px[0]) + 0.587 * f32::from(px[1]) + 0.114 * f32::from(px[2]))
                .round() as u8;
            px.copy_from_slice(&[y, y, y]);
        }
        if v.low_contrast {
            for c in px.iter_mut() {
                *c = (128.0 + (f32::from(*c) - 128.0) * 0.35).round() as u8;
            }
        }
    }
    *img = RgbPixels::new(w, h, data.clone()).unwrap();
    match v.jpeg_quality {
        None => common::png(img),
        Some(q) => {
            let mut out = Vec::new();
            JpegEncoder::new_with_quality(&mut out, q)
                .write_image(&data, w, h, ExtendedColorType::Rgb8)
                .unwrap();
            out
        }
    }
}

/// The mixed set: every face size × both sources × two angles, shuffled into canvases.
fn mixed_set(dir: &std::path::Path) -> Vec<Sample> {
    let sources: Vec<RgbPixels> = FACES.iter().map(|f| load(dir, f.0)).collect();
    let backgrounds: Vec<RgbPixels> = NEGATIVES[..9].iter().map(|n| load(dir, n)).collect();
    let mut specs = Vec::new();
    for (i, &size) in SIZES.iter().enumerate() {
        for source in 0..FACES.len() {
            for k in 0..2 {
                specs.push(Spec {
                    source,
                    size,
                    angle: ANGLES[(i * 5 + source * 3 + k * 4) % ANGLES.len()],
                });
            }
        }
    }
    let mut rng = Lcg(0x0b5c_u64);
    for i in (1..specs.len()).rev() {
        specs.swap(i, rng.next(i + 1));
    }
    let mut out = Vec::new();
    let mut next = 0;
    while next < specs.len() {
        let n = out.len();
        let (w, h) = CANVASES[n % CANVASES.len()];
        let bg = &backgrounds[n % backgrounds.len()];
        let mut canvas = from_image(&image::imageops::resize(
            &to_image(bg),
            w,
            h,
            image::imageops::FilterType::Triangle,
        ));
        // Shelf packing, at most six faces per image.
        let (mut x, mut y, mut shelf) = (0u32, 0u32, 0u32);
        let mut gold = Vec::new();
        while next < specs.len() && gold.len() < 6 {
            if gold.is_empty() {
                // A canvas too small for the next face takes the next one that fits.
                if let Some(k) = (next..specs.len()).find(|&k| cell(specs[k]) <= h.min(w)) {
                    specs.swap(next, k);
                }
            }
            let side = cell(specs[next]);
            if x + side > w {
                x = 0;
                y += shelf;
                shelf = 0;
            }
            if y + side > h || side > w {
                break;
            }
            let c = (x + side / 2) as f32;
            let r = (y + side / 2) as f32;
            gold.push(paste(&mut canvas, &sources, specs[next], c, r));
            x += side;
            shelf = shelf.max(side);
            next += 1;
        }
        assert!(!gold.is_empty(), "a face does not fit a {w}x{h} canvas");
        let bytes = apply_variant(&mut canvas, VARIANTS[n % VARIANTS.len()]);
        dump(&format!("mixed-{n:02}"), &canvas, &gold);
        out.push(Sample {
            bytes,
            width: w,
            height: h,
            gold,
        });
    }
    out
}

fn dump(name: &str, img: &RgbPixels, gold: &[Gold]) {
    let Some(dir) = std::env::var_os("OBSCURA_MIXED_DUMP") else {
        return;
    };
    let mut img = img.clone();
    for g in gold {
        for x in g.x0 as u32..=g.x1 as u32 {
            img.put(x, g.y0 as u32, [255, 0, 0]);
            img.put(x, g.y1 as u32, [255, 0, 0]);
        }
        for y in g.y0 as u32..=g.y1 as u32 {
            img.put(g.x0 as u32, y, [255, 0, 0]);
            img.put(g.x1 as u32, y, [255, 0, 0]);
        }
    }
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), common::png(&img)).unwrap();
}

/// Runs face detection only; returns the filled mask and the face-stage time.
fn filled_mask(pipeline: &Pipeline, bytes: &[u8], w: u32, h: u32) -> (Vec<bool>, Duration) {
    let options = PipelineOptions {
        text: false,
        ..PipelineOptions::default()
    };
    let out = pipeline.run(bytes, &options).unwrap();
    assert_eq!((out.image.width, out.image.height), (w, h));
    let mut mask = vec![false; (w * h) as usize];
    for r in out.regions.iter().filter(|r| r.kind == RegionKind::Face) {
        let b = r.bbox;
        for y in b.y..(b.y + b.height).min(h) {
            for x in b.x..(b.x + b.width).min(w) {
                mask[(y * w + x) as usize] = true;
            }
        }
    }
    (mask, out.timings.faces)
}

/// Share of the gold box's pixels (centres inside it) that are filled.
fn covered(mask: &[bool], w: u32, h: u32, g: Gold) -> f32 {
    let (mut inside, mut total) = (0u32, 0u32);
    let y_lo = (g.y0 - 0.5).ceil().max(0.0) as u32;
    let x_lo = (g.x0 - 0.5).ceil().max(0.0) as u32;
    for y in y_lo..h {
        if y as f32 + 0.5 > g.y1 {
            break;
        }
        for x in x_lo..w {
            if x as f32 + 0.5 > g.x1 {
                break;
            }
            total += 1;
            inside += u32::from(mask[(y * w + x) as usize]);
        }
    }
    inside as f32 / total.max(1) as f32
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

#[test]
fn mixed_set_recall_by_size_and_false_positive_area() {
    let Some(pipeline) = common::pipeline("mixed_set_recall_by_size_and_false_positive_area")
    else {
        return;
    };
    let dir = common::assets("mixed_set").unwrap();
    for name in NEGATIVES {
        if !dir.join("images").join(name).is_file() {
            eprintln!("SKIP mixed set: images/{name} is missing (run `cargo xtask setup`)");
            return;
        }
    }
    let set = mixed_set(&dir);

    // Recall by size bucket.
    let mut hits = [0u32; BUCKETS.len()];
    let mut totals = [0u32; BUCKETS.len()];
    let mut missed = Vec::new();
    let mut times = Vec::new();
    let mut stray_px = 0u64;
    let mut all_px = 0u64;
    for (n, sample) in set.iter().enumerate() {
        let (mask, t) = filled_mask(pipeline, &sample.bytes, sample.width, sample.height);
        times.push(t);
        for g in &sample.gold {
            let b = BUCKETS.iter().position(|&(_, hi)| g.size < hi).unwrap();
            totals[b] += 1;
            let c = covered(&mask, sample.width, sample.height, *g);
            if c >= 0.8 {
                hits[b] += 1;
            } else {
                missed.push(format!(
                    "image {n} face {} px at ({:.0}, {:.0}): {:.0} %",
                    g.size,
                    (g.x0 + g.x1) / 2.0,
                    (g.y0 + g.y1) / 2.0,
                    c * 100.0
                ));
            }
        }
        // Filled pixels far from every gold face (outside the gold box doubled): stray fills.
        for y in 0..sample.height {
            for x in 0..sample.width {
                let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                let near = sample.gold.iter().any(|g| {
                    let (hw, hh) = (g.x1 - g.x0, g.y1 - g.y0);
                    px >= g.x0 - hw / 2.0
                        && px <= g.x1 + hw / 2.0
                        && py >= g.y0 - hh / 2.0
                        && py <= g.y1 + hh / 2.0
                });
                if mask[(y * sample.width + x) as usize] && !near {
                    stray_px += 1;
                }
            }
        }
        all_px += u64::from(sample.width * sample.height);
    }
    let faces: u32 = totals.iter().sum();
    let found: u32 = hits.iter().sum();
    eprintln!(
        "mixed set: {} images, {faces} faces, face stage median {:?} per image",
        set.len(),
        median(times)
    );
    eprintln!(
        "{:<8} {:>6} {:>7} {:>8}",
        "bucket", "faces", "filled", "recall"
    );
    for (b, (name, _)) in BUCKETS.iter().enumerate() {
        eprintln!(
            "{name:<8} {:>6} {:>7} {:>7.1}%",
            totals[b],
            hits[b],
            100.0 * hits[b] as f32 / totals[b].max(1) as f32
        );
    }
    let recall = found as f32 / faces as f32;
    eprintln!(
        "{:<8} {faces:>6} {found:>7} {:>7.1}%",
        "all",
        100.0 * recall
    );
    eprintln!(
        "stray fills on the mixed images: {:.3} % of pixels",
        100.0 * stray_px as f64 / all_px as f64
    );
    for m in &missed {
        eprintln!("missed: {m}");
    }

    // False-positive area on the face-free photos (the cameraman is not one of them).
    let mut fp_px = 0u64;
    let mut neg_px = 0u64;
    let mut per_image = Vec::new();
    for name in &NEGATIVES[..9] {
        let mut img = load(&dir, name);
        let (w, h) = (img.width(), img.height());
        let as_shipped = common::png(&img);
        let grey_jpeg = apply_variant(&mut img, VARIANTS[1]);
        for (variant, bytes) in [("as shipped", as_shipped), ("grey q15", grey_jpeg)] {
            let (mask, _) = filled_mask(pipeline, &bytes, w, h);
            let filled = mask.iter().filter(|&&m| m).count() as u64;
            fp_px += filled;
            neg_px += u64::from(w * h);
            per_image.push((*name, variant, filled, u64::from(w * h)));
        }
    }
    let fp_area = 100.0 * fp_px as f64 / neg_px as f64;
    eprintln!("false-positive area on face-free photos: {fp_area:.3} % of pixels");
    for (name, variant, filled, total) in &per_image {
        if *filled > 0 {
            eprintln!(
                "  {name} ({variant}): {:.3} %",
                100.0 * *filled as f64 / *total as f64
            );
        }
    }

    // Floors at what this set measured (14/16, 15/16, 20/20, 24/24 faces, 73/76 overall,
    // 96.1 %; 0.014 % false-positive area, all of it on the Hubble deep field). The issue's
    // target is 95 % overall and < 1 % area. Before turned zoom looks it was 72/76 (94.7 %):
    // a 22 px profile face turned by 30° in a low-contrast scan scored under 0.1 upright and
    // 0.35–0.40 turned. The three misses left are 12–16 px faces at the top edge or on
    // gravel, whose zoom crops score 0.05–0.2 at every angle.
    let floors = [0.87f32, 0.93, 1.0, 1.0];
    for (b, (name, _)) in BUCKETS.iter().enumerate() {
        let r = hits[b] as f32 / totals[b].max(1) as f32;
        assert!(r >= floors[b], "{name}: recall {r}");
    }
    assert!(found >= 73, "overall recall {recall}");
    assert!(fp_area < 0.03, "false-positive area {fp_area} %");
    assert!(
        (stray_px as f64) < 0.001 * all_px as f64,
        "stray fills {stray_px} px"
    );
    for (name, _, filled, _) in &per_image {
        // The gravel got 0.2 % filled with 2× zoom crops (a demo run showed it too).
        if ["chelsea.png", "coins.png", "coffee.png", "gravel.png"].contains(name) {
            assert_eq!(*filled, 0, "{name} must get no fill");
        }
    }
}

#[test]
fn astronaut_face_stage_time() {
    let Some(pipeline) = common::pipeline("astronaut_face_stage_time") else {
        return;
    };
    let dir = common::assets("astronaut_face_stage_time").unwrap();
    let bytes = std::fs::read(dir.join("images/astronaut.png")).unwrap();
    let times: Vec<Duration> = (0..5)
        .map(|_| filled_mask(pipeline, &bytes, 512, 512).1)
        .collect();
    eprintln!("astronaut face stage: median {:?}", median(times));
}

/// Faces on flat backgrounds: the face stage runs its native views only around textured
/// blocks (`faces::narrow_views`), so faces alone on a black or smoothly shaded canvas
/// (a film's background, a radiograph's smooth body) must still be filled, at every size
/// and in the hard variants (greyscale or low-contrast JPEG).
#[test]
fn faces_on_flat_backgrounds_are_still_filled() {
    let Some(pipeline) = common::pipeline("faces_on_flat_backgrounds_are_still_filled") else {
        return;
    };
    let dir = common::assets("faces_on_flat_backgrounds_are_still_filled").unwrap();
    let sources: Vec<RgbPixels> = FACES.iter().map(|f| load(&dir, f.0)).collect();
    // (canvas, variant): 1280 × 960 runs as two tiles and a coarse view, 900 × 700 whole.
    let cases = [
        ((1280u32, 960u32), VARIANTS[0]),
        ((1280, 960), VARIANTS[2]),
        ((900, 700), VARIANTS[1]),
        ((900, 700), VARIANTS[3]),
    ];
    let sizes = [12u32, 14, 16, 20, 24, 32, 48, 56, 72];
    let (mut found, mut total) = (0, 0);
    let mut missed = Vec::new();
    for (n, &((w, h), variant)) in cases.iter().enumerate() {
        // Black left half, a smooth ramp (under 1 level per pixel) on the right.
        let mut canvas = RgbPixels::filled(w, h, [0, 0, 0]).unwrap();
        for y in 0..h {
            for x in w / 2..w {
                let v = (40 + (x - w / 2) / 8 + y / 16).min(200) as u8;
                canvas.put(x, y, [v, v, v]);
            }
        }
        let mut gold = Vec::new();
        for (k, &size) in sizes.iter().enumerate() {
            let spec = Spec {
                source: (k + n) % FACES.len(),
                size,
                angle: ANGLES[(k + 2 * n) % ANGLES.len()],
            };
            // A 3 × 3 grid in the lower right: most of the canvas stays flat, so the face
            // stage narrows or drops its native views there.
            let (gx, gy) = ((k % 3) as f32, (k / 3) as f32);
            let cx = w as f32 - 620.0 + 200.0 * gx;
            let cy = h as f32 - 600.0 + 190.0 * gy;
            gold.push(paste(&mut canvas, &sources, spec, cx, cy));
        }
        let bytes = apply_variant(&mut canvas, variant);
        dump(&format!("flat-{n}"), &canvas, &gold);
        let (mask, _) = filled_mask(pipeline, &bytes, w, h);
        for g in &gold {
            total += 1;
            let c = covered(&mask, w, h, *g);
            if c >= 0.8 {
                found += 1;
            } else {
                missed.push(format!("canvas {n} face {} px: {:.0} %", g.size, c * 100.0));
            }
        }
    }
    eprintln!("faces on flat backgrounds: {found} of {total} filled");
    for m in &missed {
        eprintln!("missed: {m}");
    }
    // The planned views found 27 of 36 with and without narrowing (nine misses: 12–24 px
    // faces in the greyscale and low-contrast JPEG variants, which a flat background makes
    // harder than the mixed set's textured ones); turned and contrast-stretched zoom looks
    // fill 30. Floor at that.
    assert!(found >= 30, "{found} of {total}: {missed:?}");
}

/// Large faces in images that run whole: faces of 300–750 px (most of the frame) on a
/// textured photo, which CenterFace's receptive field cannot take in at native resolution,
/// must be filled by the downscaled view, whatever its size.
#[test]
fn large_faces_in_whole_images_are_filled() {
    let Some(pipeline) = common::pipeline("large_faces_in_whole_images_are_filled") else {
        return;
    };
    let dir = common::assets("large_faces_in_whole_images_are_filled").unwrap();
    let sources: Vec<RgbPixels> = FACES.iter().map(|f| load(&dir, f.0)).collect();
    let backdrop = to_image(&load(&dir, "coffee.png"));
    let cases = [
        ((1000u32, 800u32), 0usize, 300u32, 0.0f32),
        ((1000, 800), 1, 450, 15.0),
        ((1000, 800), 0, 600, -10.0),
        ((1024, 1024), 1, 640, 0.0),
        ((1024, 1024), 0, 750, 20.0),
    ];
    let mut missed = Vec::new();
    for (n, &((w, h), source, size, angle)) in cases.iter().enumerate() {
        let resized =
            image::imageops::resize(&backdrop, w, h, image::imageops::FilterType::Triangle);
        let mut canvas = from_image(&resized);
        let spec = Spec {
            source,
            size,
            angle,
        };
        let gold = paste(&mut canvas, &sources, spec, w as f32 / 2.0, h as f32 / 2.0);
        let bytes = common::png(&canvas);
        dump(&format!("large-{n}"), &canvas, &[gold]);
        let (mask, _) = filled_mask(pipeline, &bytes, w, h);
        let c = covered(&mask, w, h, gold);
        eprintln!(
            "large face {size} px on {w}x{h}: {:.0} % covered",
            c * 100.0
        );
        if c < 0.8 {
            missed.push(format!("{size} px on {w}x{h}: {:.0} %", c * 100.0));
        }
    }
    assert!(missed.is_empty(), "{missed:?}");
}
