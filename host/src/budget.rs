//! A bound on the request and response bytes the host holds at once.
//!
//! Every forwarded request is buffered whole (its key id is read, then it is sent on), and so
//! is the replica's answer. Without a bound, a burst of large requests makes the host's
//! memory grow with the number of connections. Before reading a body the host reserves
//! twice its declared length (request and answer; a body without a length reserves the
//! largest allowed) from this budget, and answers `busy` at once when the budget is spent,
//! instead of queueing. The reservation is returned when the answer has been handed to
//! hyper.

use std::sync::Arc;

use obscura_protocol::limits::MAX_REQUEST_BYTES;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The default budget: room for eight largest requests and their answers.
pub const DEFAULT_INFLIGHT_BYTES: usize = 16 * MAX_REQUEST_BYTES;

/// Accounting unit (bytes per semaphore permit).
const UNIT: usize = 1024;

/// Bytes of bodies in flight, counted in KiB.
#[derive(Debug, Clone)]
pub struct InflightBudget {
    permits: Arc<Semaphore>,
    total_units: u32,
}

impl InflightBudget {
    /// A budget of `bytes` (at least one largest request and its answer).
    pub fn new(bytes: usize) -> Self {
        let units = (bytes.max(2 * MAX_REQUEST_BYTES) / UNIT).min(Semaphore::MAX_PERMITS);
        let total_units = u32::try_from(units).unwrap_or(u32::MAX);
        Self {
            permits: Arc::new(Semaphore::new(total_units as usize)),
            total_units,
        }
    }

    /// Reserves room for a request of `request_bytes` and its answer, or `None` when the
    /// budget is spent.
    pub fn try_reserve(&self, request_bytes: usize) -> Option<Reservation> {
        let units = request_bytes.saturating_mul(2).div_ceil(UNIT).max(1);
        let units = u32::try_from(units)
            .unwrap_or(u32::MAX)
            .min(self.total_units);
        Arc::clone(&self.permits)
            .try_acquire_many_owned(units)
            .ok()
            .map(Reservation)
    }

    /// Bytes not reserved now.
    pub fn available_bytes(&self) -> usize {
        self.permits.available_permits().saturating_mul(UNIT)
    }
}

impl Default for InflightBudget {
    fn default() -> Self {
        Self::new(DEFAULT_INFLIGHT_BYTES)
    }
}

/// Room held for one request; returned on drop.
#[derive(Debug)]
pub struct Reservation(#[allow(dead_code, reason = "held for its Drop")] OwnedSemaphorePermit);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_are_refused_once_the_budget_is_spent_and_returned_on_drop() {
        let budget = InflightBudget::new(2 * MAX_REQUEST_BYTES);
        assert_eq!(budget.available_bytes(), 2 * MAX_REQUEST_BYTES);
        // Half the largest request: its answer takes the other half.
        let a = budget.try_reserve(MAX_REQUEST_BYTES / 2).unwrap();
        assert_eq!(budget.available_bytes(), MAX_REQUEST_BYTES);
        let b = budget.try_reserve(MAX_REQUEST_BYTES / 2).unwrap();
        assert_eq!(budget.available_bytes(), 0);
        assert!(budget.try_reserve(1).is_none());
        drop(a);
        assert_eq!(budget.available_bytes(), MAX_REQUEST_BYTES);
        drop(b);
        // A request larger than the whole budget takes all of it, never more.
        let all = budget.try_reserve(usize::MAX).unwrap();
        assert_eq!(budget.available_bytes(), 0);
        drop(all);
        assert_eq!(budget.available_bytes(), 2 * MAX_REQUEST_BYTES);
    }

    #[test]
    fn a_budget_below_one_largest_request_is_raised_to_it() {
        assert_eq!(
            InflightBudget::new(10).available_bytes(),
            2 * MAX_REQUEST_BYTES
        );
    }
}
