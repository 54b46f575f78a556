//! Prometheus metrics with fixed label values only: route and status class, never anything
//! taken from a request.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

/// The routes the host counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `GET /v1/attestation`
    Attestation,
    /// `POST /v1/attestation`
    FreshAttestation,
    /// `POST /v1/caption`
    Caption,
    /// `POST /v1/sanitize`
    Sanitize,
    /// Anything else.
    Other,
}

impl Route {
    const ALL: [Self; 5] = [
        Self::Attestation,
        Self::FreshAttestation,
        Self::Caption,
        Self::Sanitize,
        Self::Other,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::Attestation => "attestation",
            Self::FreshAttestation => "fresh_attestation",
            Self::Caption => "caption",
            Self::Sanitize => "sanitize",
            Self::Other => "other",
        }
    }
}

const CLASSES: [&str; 4] = ["2xx", "4xx", "5xx", "other"];

/// Request counters by route and status class.
#[derive(Debug, Default)]
pub struct Metrics {
    counts: [[AtomicU64; 4]; 5],
}

impl Metrics {
    /// Counts one response.
    pub fn record(&self, route: Route, status: u16) {
        let class = match status {
            200..=299 => 0,
            400..=499 => 1,
            500..=599 => 2,
            _ => 3,
        };
        let r = Route::ALL.iter().position(|x| *x == route).unwrap_or(3);
        if let Some(c) = self.counts.get(r).and_then(|row| row.get(class)) {
            c.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# HELP obscura_host_requests_total Requests answered by the host.\n\
             # TYPE obscura_host_requests_total counter\n",
        );
        for (route, row) in Route::ALL.iter().zip(&self.counts) {
            for (class, count) in CLASSES.iter().zip(row) {
                let _ = writeln!(
                    out,
                    "obscura_host_requests_total{{route=\"{}\",status=\"{class}\"}} {}",
                    route.label(),
                    count.load(Ordering::Relaxed)
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_render_with_fixed_labels() {
        let m = Metrics::default();
        m.record(Route::Caption, 200);
        m.record(Route::Caption, 200);
        m.record(Route::Caption, 421);
        let text = m.render();
        assert!(text.contains("obscura_host_requests_total{route=\"caption\",status=\"2xx\"} 2"));
        assert!(text.contains("obscura_host_requests_total{route=\"caption\",status=\"4xx\"} 1"));
        assert!(
            text.contains("obscura_host_requests_total{route=\"attestation\",status=\"2xx\"} 0")
        );
        assert_eq!(text.lines().count(), 2 + 5 * 4);
    }
}
