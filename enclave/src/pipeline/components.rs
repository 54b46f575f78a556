//! 8-connected components of a boolean mask (hand-written: the two users, the text
//! detector's DB post-processing and its coarse candidate cells, need only each
//! component's extent, and an image-processing crate would bring far more than this).

use std::collections::BTreeMap;

/// One 8-connected component of a mask, in mask cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Component {
    /// Leftmost column.
    pub(crate) x0: usize,
    /// Topmost row.
    pub(crate) y0: usize,
    /// Rightmost column (inclusive).
    pub(crate) x1: usize,
    /// Bottom row (inclusive).
    pub(crate) y1: usize,
    /// For each row the component touches, its leftmost and rightmost column: enough for
    /// the convex hull.
    pub(crate) rows: BTreeMap<usize, (usize, usize)>,
}

/// Calls `visit` with each 8-connected component of the set cells of `mask` (`width` cells
/// per row; a trailing partial row is ignored), in the scan order of each component's first
/// cell, until `visit` returns `false`.
pub(crate) fn for_each_component(
    mask: &[bool],
    width: usize,
    mut visit: impl FnMut(Component) -> bool,
) {
    if width == 0 {
        return;
    }
    let height = mask.len() / width;
    let n = width * height;
    let set = |i: usize| mask.get(i).copied().unwrap_or(false);
    let mut seen = vec![false; n];
    let mut stack = Vec::new();
    for start in 0..n {
        if !set(start) || seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut c = Component {
            x0: usize::MAX,
            y0: usize::MAX,
            x1: 0,
            y1: 0,
            rows: BTreeMap::new(),
        };
        stack.clear();
        stack.push(start);
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        while let Some(i) = stack.pop() {
            let (x, y) = (i % width, i / width);
            c.x0 = c.x0.min(x);
            c.y0 = c.y0.min(y);
            c.x1 = c.x1.max(x);
            c.y1 = c.y1.max(y);
            let row = c.rows.entry(y).or_insert((x, x));
            row.0 = row.0.min(x);
            row.1 = row.1.max(x);
            for ny in y.saturating_sub(1)..=(y + 1).min(height - 1) {
                for nx in x.saturating_sub(1)..=(x + 1).min(width - 1) {
                    let j = ny * width + nx;
                    if set(j) && !seen.get(j).copied().unwrap_or(true) {
                        if let Some(s) = seen.get_mut(j) {
                            *s = true;
                        }
                        stack.push(j);
                    }
                }
            }
        }
        if !visit(c) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(mask: &[bool], width: usize) -> Vec<Component> {
        let mut out = Vec::new();
        for_each_component(mask, width, |c| {
            out.push(c);
            true
        });
        out
    }

    #[test]
    fn diagonal_cells_join_and_gaps_split() {
        // 5 × 3:      x . . . x
        //             . x . . x
        //             . . . . .
        let m: Vec<bool> = [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
            .iter()
            .map(|&v| v == 1)
            .collect();
        let got = all(&m, 5);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got.first().map(|c| (c.x0, c.y0, c.x1, c.y1)),
            Some((0, 0, 1, 1))
        );
        assert_eq!(
            got.get(1).map(|c| (c.x0, c.y0, c.x1, c.y1)),
            Some((4, 0, 4, 1))
        );
        assert_eq!(
            got.first()
                .map(|c| c.rows.clone().into_iter().collect::<Vec<_>>()),
            Some(vec![(0, (0, 0)), (1, (1, 1))])
        );
    }

    #[test]
    fn visiting_stops_when_asked_and_empty_masks_have_none() {
        let m = vec![true, false, true, false, true, false];
        let mut seen = 0;
        for_each_component(&m, 6, |_| {
            seen += 1;
            seen < 2
        });
        assert_eq!(seen, 2);
        assert_eq!(all(&[], 4), vec![]);
        assert_eq!(all(&[true; 3], 0), vec![]);
        // A partial last row is ignored.
        assert_eq!(all(&[false, false, true], 2), vec![]);
    }
}
