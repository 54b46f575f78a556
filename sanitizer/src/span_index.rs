//! An overlap index over byte spans (hand-written: a sorted list and a running maximum).

/// Spans `(text, start, end)` sorted by text and start, with the furthest end reached so
/// far within each text: whether a byte range overlaps any of them is one binary search
/// (the rules run over hostile megabyte texts, where a scan of every span per token is
/// quadratic).
pub(crate) struct SpanIndex {
    spans: Vec<(usize, usize, usize)>,
    /// `reach[i]`: the largest end among `spans[..=i]` of the same text.
    reach: Vec<usize>,
}

impl SpanIndex {
    /// Indexes `spans` (any order).
    pub(crate) fn new(spans: impl Iterator<Item = (usize, usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = spans.collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut last: Option<(usize, usize)> = None;
        for &(text, _, end) in &spans {
            let furthest = match last {
                Some((t, e)) if t == text => e.max(end),
                _ => end,
            };
            reach.push(furthest);
            last = Some((text, furthest));
        }
        Self { spans, reach }
    }

    /// Whether a span of `text` overlaps `start..end`: of the spans starting before `end`,
    /// the furthest end reaches past `start`.
    pub(crate) fn overlaps(&self, text: usize, start: usize, end: usize) -> bool {
        let before = self
            .spans
            .partition_point(|&(t, s, _)| (t, s) < (text, end));
        before
            .checked_sub(1)
            .and_then(|i| Some((self.spans.get(i)?, self.reach.get(i)?)))
            .is_some_and(|(&(t, _, _), &reach)| t == text && reach > start)
    }
}
