//! Rotated-rectangle geometry for text boxes: convex hull, minimum-area rectangle (rotating
//! calipers), rapidocr's corner ordering, and a perspective-style crop of a quadrilateral.

use super::pixels::{BoxF, RgbPixels, clamp_px, f32_of};
use crate::Error;

/// A quadrilateral `[top-left, top-right, bottom-right, bottom-left]` in pixel coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quad(pub [[f32; 2]; 4]);

impl Quad {
    /// The axis-aligned box around the corners.
    pub fn aabb(&self) -> BoxF {
        let xs = self.0.map(|p| p[0]);
        let ys = self.0.map(|p| p[1]);
        BoxF {
            x0: xs.iter().copied().fold(f32::INFINITY, f32::min),
            y0: ys.iter().copied().fold(f32::INFINITY, f32::min),
            x1: xs.iter().copied().fold(f32::NEG_INFINITY, f32::max),
            y1: ys.iter().copied().fold(f32::NEG_INFINITY, f32::max),
        }
    }

    /// The pixels the corners (pixel-centre coordinates) lie on, as a box with exclusive
    /// right and bottom edges: [`Quad::aabb`] grown by one pixel to the right and down.
    pub fn pixel_box(&self) -> BoxF {
        let b = self.aabb();
        BoxF {
            x1: b.x1 + 1.0,
            y1: b.y1 + 1.0,
            ..b
        }
    }

    /// Longer of the top and bottom edges.
    pub fn width(&self) -> f32 {
        let [p0, p1, p2, p3] = self.0;
        dist(p0, p1).max(dist(p2, p3))
    }

    /// Longer of the left and right edges.
    pub fn height(&self) -> f32 {
        let [p0, p1, p2, p3] = self.0;
        dist(p0, p3).max(dist(p1, p2))
    }

    /// Each side moved outward by `d` along the quad's own edge directions.
    pub fn grown(&self, d: f32) -> Self {
        self.grown_xy(d, d)
    }

    /// Left and right sides moved out by `dx`, top and bottom by `dy` (along the quad's
    /// own edge directions).
    pub fn grown_xy(&self, dx: f32, dy: f32) -> Self {
        let [p0, p1, p2, p3] = self.0;
        let e1 = unit(sub(p1, p0)).unwrap_or([1.0, 0.0]);
        let e2 = unit(sub(p3, p0)).unwrap_or([0.0, 1.0]);
        let at = |p: [f32; 2], a: f32, b: f32| {
            [
                p[0] + dx * a * e1[0] + dy * b * e2[0],
                p[1] + dx * a * e1[1] + dy * b * e2[1],
            ]
        };
        Self([
            at(p0, -1.0, -1.0),
            at(p1, 1.0, -1.0),
            at(p2, 1.0, 1.0),
            at(p3, -1.0, 1.0),
        ])
    }
}

/// A rotated rectangle: centre, unit axis along `w`, side lengths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RotRect {
    /// Centre.
    pub center: [f32; 2],
    /// Unit vector along the `w` side.
    pub axis: [f32; 2],
    /// Length along `axis`.
    pub w: f32,
    /// Length across `axis`.
    pub h: f32,
}

impl RotRect {
    /// The shorter side.
    pub fn short_side(&self) -> f32 {
        self.w.min(self.h)
    }

    /// Both sides grown by `2·d` (every side moved out by `d`), as offsetting a rectangle
    /// with round joins and taking its minimum-area rectangle does.
    pub fn grown(&self, d: f32) -> Self {
        Self {
            w: self.w + 2.0 * d,
            h: self.h + 2.0 * d,
            ..*self
        }
    }

    /// Whether `p` lies inside (borders included).
    pub fn contains(&self, p: [f32; 2]) -> bool {
        let q = sub(p, self.center);
        let n = [-self.axis[1], self.axis[0]];
        dot(q, self.axis).abs() <= self.w / 2.0 + 1e-3 && dot(q, n).abs() <= self.h / 2.0 + 1e-3
    }

    /// The corners in rapidocr's order.
    pub fn corners(&self) -> Quad {
        let n = [-self.axis[1], self.axis[0]];
        let (hw, hh) = (self.w / 2.0, self.h / 2.0);
        let c = self.center;
        let at = |a: f32, b: f32| {
            [
                c[0] + a * hw * self.axis[0] + b * hh * n[0],
                c[1] + a * hw * self.axis[1] + b * hh * n[1],
            ]
        };
        order_points([at(-1.0, -1.0), at(1.0, -1.0), at(1.0, 1.0), at(-1.0, 1.0)])
    }
}

/// rapidocr's `get_mini_boxes` order: sort by x; of the two leftmost the upper is top-left,
/// of the two rightmost the upper is top-right.
pub fn order_points(mut pts: [[f32; 2]; 4]) -> Quad {
    pts.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let [a, b, c, d] = pts;
    let (tl, bl) = if a[1] <= b[1] { (a, b) } else { (b, a) };
    let (tr, br) = if c[1] <= d[1] { (c, d) } else { (d, c) };
    Quad([tl, tr, br, bl])
}

/// The minimum-area rectangle enclosing `points` (rotating calipers over the convex hull).
/// Fewer than three distinct hull points give the axis-aligned box (a side may be zero).
pub fn min_area_rect(points: &[[f32; 2]]) -> Option<RotRect> {
    let hull = convex_hull(points);
    if hull.len() < 3 {
        let b = Quad([*hull.first()?, *hull.last()?, *hull.last()?, *hull.first()?]).aabb();
        return Some(RotRect {
            center: [(b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0],
            axis: [1.0, 0.0],
            w: b.x1 - b.x0,
            h: b.y1 - b.y0,
        });
    }
    let mut best: Option<(f32, RotRect)> = None;
    for (i, &a) in hull.iter().enumerate() {
        let b = *hull.get((i + 1) % hull.len())?;
        let Some(e) = unit(sub(b, a)) else { continue };
        let n = [-e[1], e[0]];
        let (mut u0, mut u1, mut v0, mut v1) = (
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
        );
        for &p in &hull {
            let (u, v) = (dot(p, e), dot(p, n));
            u0 = u0.min(u);
            u1 = u1.max(u);
            v0 = v0.min(v);
            v1 = v1.max(v);
        }
        let area = (u1 - u0) * (v1 - v0);
        if best.as_ref().is_none_or(|(a, _)| area < *a) {
            let (cu, cv) = ((u0 + u1) / 2.0, (v0 + v1) / 2.0);
            let center = [e[0] * cu + n[0] * cv, e[1] * cu + n[1] * cv];
            best = Some((
                area,
                RotRect {
                    center,
                    axis: e,
                    w: u1 - u0,
                    h: v1 - v0,
                },
            ));
        }
    }
    best.map(|(_, r)| r)
}

/// Convex hull (Andrew's monotone chain), counter-clockwise in image coordinates' sense,
/// without collinear points.
fn convex_hull(points: &[[f32; 2]]) -> Vec<[f32; 2]> {
    let mut pts = points.to_vec();
    pts.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let cross = |o: [f32; 2], a: [f32; 2], b: [f32; 2]| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut hull: Vec<[f32; 2]> = Vec::with_capacity(pts.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &[f32; 2]>> = if pass == 0 {
            Box::new(pts.iter())
        } else {
            Box::new(pts.iter().rev())
        };
        for &p in iter {
            while hull.len() >= start + 2 {
                let (Some(&a), Some(&b)) = (hull.get(hull.len() - 2), hull.last()) else {
                    break;
                };
                if cross(a, b, p) <= 0.0 {
                    hull.pop();
                } else {
                    break;
                }
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// Samples the quadrilateral `quad` of `src` onto an upright `out_w × out_h` image (the
/// corners go to the output's corners; interior by bilinear blending of the corners, exact
/// for parallelograms), with bilinear sampling and replicated borders.
pub(crate) fn warp_crop(
    src: &RgbPixels,
    quad: &Quad,
    out_w: u32,
    out_h: u32,
) -> Result<RgbPixels, Error> {
    let (w, h) = (out_w.max(1), out_h.max(1));
    let [p0, p1, p2, p3] = quad.0;
    let mut data =
        Vec::with_capacity(usize::try_from(u64::from(w) * u64::from(h) * 3).unwrap_or(0));
    let (fw, fh) = (f32_of(w), f32_of(h));
    for j in 0..h {
        let t = (f32_of(j) + 0.5) / fh;
        for i in 0..w {
            let s = (f32_of(i) + 0.5) / fw;
            let blend = |k: usize| {
                let c = |p: [f32; 2]| p.get(k).copied().unwrap_or(0.0);
                (1.0 - s) * (1.0 - t) * c(p0)
                    + s * (1.0 - t) * c(p1)
                    + s * t * c(p2)
                    + (1.0 - s) * t * c(p3)
            };
            data.extend_from_slice(&bilinear(src, blend(0), blend(1)));
        }
    }
    RgbPixels::new(w, h, data)
}

/// The colour at a fractional position (pixel centres at integers), edges replicated.
fn bilinear(src: &RgbPixels, x: f32, y: f32) -> [u8; 3] {
    let (mw, mh) = (
        src.width().saturating_sub(1),
        src.height().saturating_sub(1),
    );
    let x = x.clamp(0.0, f32_of(mw));
    let y = y.clamp(0.0, f32_of(mh));
    let (x0, y0) = (clamp_px(x.floor(), mw), clamp_px(y.floor(), mh));
    let (x1, y1) = ((x0 + 1).min(mw), (y0 + 1).min(mh));
    let (wx, wy) = (x - f32_of(x0), y - f32_of(y0));
    let px = |x, y| src.get(x, y).unwrap_or([0, 0, 0]);
    let (a, b, c, d) = (px(x0, y0), px(x1, y0), px(x0, y1), px(x1, y1));
    let mut out = [0u8; 3];
    for (k, o) in out.iter_mut().enumerate() {
        let ch = |p: [u8; 3]| f32::from(p.get(k).copied().unwrap_or(0));
        let v =
            (ch(a) * (1.0 - wx) + ch(b) * wx) * (1.0 - wy) + (ch(c) * (1.0 - wx) + ch(d) * wx) * wy;
        *o = u8::try_from(clamp_px(v.round(), 255)).unwrap_or(u8::MAX);
    }
    out
}

fn sub(a: [f32; 2], b: [f32; 2]) -> [f32; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

fn dot(a: [f32; 2], b: [f32; 2]) -> f32 {
    a[0] * b[0] + a[1] * b[1]
}

fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
    let d = sub(a, b);
    dot(d, d).sqrt()
}

fn unit(v: [f32; 2]) -> Option<[f32; 2]> {
    let n = dot(v, v).sqrt();
    (n > 1e-6).then(|| [v[0] / n, v[1] / n])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn axis_aligned_points_give_their_box() {
        let pts: Vec<[f32; 2]> = (0..=10)
            .flat_map(|x| [[x as f32, 2.0], [x as f32, 6.0]])
            .collect();
        let r = min_area_rect(&pts).unwrap();
        let (w, h) = if close(r.axis[0].abs(), 1.0) {
            (r.w, r.h)
        } else {
            (r.h, r.w)
        };
        assert!(close(w, 10.0) && close(h, 4.0), "{r:?}");
        let q = r.corners();
        for (got, want) in
            q.0.iter()
                .zip([[0.0, 2.0], [10.0, 2.0], [10.0, 6.0], [0.0, 6.0]])
        {
            assert!(close(got[0], want[0]) && close(got[1], want[1]), "{q:?}");
        }
        assert_eq!(
            q.aabb(),
            BoxF {
                x0: 0.0,
                y0: 2.0,
                x1: 10.0,
                y1: 6.0
            }
        );
    }

    #[test]
    fn rotated_rectangle_is_recovered() {
        // A 40 × 10 rectangle turned by 30° about (50, 50), sampled on its border and inside.
        let (c, s) = (30f32.to_radians().cos(), 30f32.to_radians().sin());
        let mut pts = Vec::new();
        for i in 0..=40 {
            for j in 0..=10 {
                let (u, v) = (i as f32 - 20.0, j as f32 - 5.0);
                pts.push([50.0 + u * c - v * s, 50.0 + u * s + v * c]);
            }
        }
        let r = min_area_rect(&pts).unwrap();
        let (long, short) = (r.w.max(r.h), r.w.min(r.h));
        assert!(close(long, 40.0) && close(short, 10.0), "{r:?}");
        assert!(
            close(r.center[0], 50.0) && close(r.center[1], 50.0),
            "{r:?}"
        );
        let q = r.corners();
        assert!(close(q.width(), 40.0) && close(q.height(), 10.0), "{q:?}");
        // Top-left is the leftmost-upper corner: (50 − 20c + 5s, 50 − 20s − 5c).
        assert!(close(q.0[0][0], 50.0 - 20.0 * c + 5.0 * s), "{q:?}");
        assert!(r.contains([50.0, 50.0]) && !r.contains([50.0, 60.0]));
        let g = r.grown(2.0);
        assert!(close(g.w.min(g.h), 14.0));
    }

    #[test]
    fn degenerate_inputs() {
        assert_eq!(min_area_rect(&[]), None);
        let r = min_area_rect(&[[3.0, 4.0], [3.0, 4.0]]).unwrap();
        assert_eq!((r.w, r.h), (0.0, 0.0));
        let line = min_area_rect(&[[0.0, 0.0], [5.0, 0.0], [10.0, 0.0]]).unwrap();
        assert_eq!(line.short_side(), 0.0);
    }

    #[test]
    fn warp_crop_of_an_axis_aligned_quad_copies_pixels() {
        let data: Vec<u8> = (0..4 * 3 * 3)
            .map(|i| u8::try_from(i * 7).unwrap())
            .collect();
        let src = RgbPixels::new(4, 3, data).unwrap();
        // Pixel centres (1,0)..(2,1): with edges at ±0.5 the 2×2 crop lands on centres.
        let quad = Quad([[0.5, -0.5], [2.5, -0.5], [2.5, 1.5], [0.5, 1.5]]);
        let out = warp_crop(&src, &quad, 2, 2).unwrap();
        for (x, y) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            assert_eq!(out.get(x, y), src.get(x + 1, y), "({x},{y})");
        }
        let grown = Quad([[0.0, 0.0], [4.0, 0.0], [4.0, 2.0], [0.0, 2.0]]).grown(1.0);
        assert_eq!(
            grown,
            Quad([[-1.0, -1.0], [5.0, -1.0], [5.0, 3.0], [-1.0, 3.0]])
        );
    }
}
