//! Bounded dispatch of decrypted requests to the pipeline on blocking threads.
//!
//! The pipeline is CPU-bound (ONNX models), so it never runs on the async runtime
//! (STYLE rule 16). At most `workers` requests run at once; at most `queue` more wait. A
//! request beyond that is refused at once with [`ErrorCode::Busy`] instead of hanging.

use std::sync::Arc;

use obscura_protocol::api::ErrorCode;
use obscura_protocol::message::{CaptionOutcome, CaptionRequest, SanitizeOutcome, SanitizeRequest};
use tokio::sync::Semaphore;

/// What the gateway dispatches to: the image pipeline, or any stage composition.
///
/// Implementations are called on a blocking thread and may take seconds.
pub trait Handler: Send + Sync + 'static {
    /// Processes one decrypted request into its outcome. Errors are fixed codes.
    fn handle(&self, request: CaptionRequest) -> CaptionOutcome;

    /// Sanitizes the texts of one `/v1/sanitize` request. Handlers without a sanitizer
    /// answer [`ErrorCode::NotFound`].
    fn sanitize(&self, request: SanitizeRequest) -> SanitizeOutcome {
        drop(request);
        SanitizeOutcome::Err(ErrorCode::NotFound)
    }
}

/// Runs requests on a bounded set of blocking threads with a bounded queue.
#[derive(Debug)]
pub struct Dispatcher<H> {
    handler: Arc<H>,
    admitted: Arc<Semaphore>,
    running: Arc<Semaphore>,
}

impl<H: Handler> Dispatcher<H> {
    /// A dispatcher running at most `workers` requests with at most `queue` waiting.
    pub fn new(handler: H, workers: usize, queue: usize) -> Self {
        let workers = workers.max(1);
        Self {
            handler: Arc::new(handler),
            admitted: Arc::new(Semaphore::new(workers.saturating_add(queue))),
            running: Arc::new(Semaphore::new(workers)),
        }
    }

    /// Runs `request`, or answers [`ErrorCode::Busy`] at once when the queue is full.
    pub async fn dispatch(&self, request: CaptionRequest) -> CaptionOutcome {
        self.run(move |h| h.handle(request))
            .await
            .unwrap_or_else(CaptionOutcome::Err)
    }

    /// Runs a sanitize request under the same limits as captions.
    pub async fn dispatch_sanitize(&self, request: SanitizeRequest) -> SanitizeOutcome {
        self.run(move |h| h.sanitize(request))
            .await
            .unwrap_or_else(SanitizeOutcome::Err)
    }

    /// Runs `job` on a blocking thread under the worker and queue limits.
    async fn run<R: Send + 'static>(
        &self,
        job: impl FnOnce(&H) -> R + Send + 'static,
    ) -> Result<R, ErrorCode> {
        let Ok(_admitted) = Arc::clone(&self.admitted).try_acquire_owned() else {
            return Err(ErrorCode::Busy);
        };
        let Ok(running) = Arc::clone(&self.running).acquire_owned().await else {
            return Err(ErrorCode::Internal);
        };
        let handler = Arc::clone(&self.handler);
        let task = tokio::task::spawn_blocking(move || {
            let _running = running;
            job(&handler)
        });
        // A panic in a handler is a bug; the request gets a fixed internal error and the
        // service stays up.
        task.await.map_err(|_| ErrorCode::Internal)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::mpsc;
    use std::time::SystemTime;

    use obscura_protocol::api::CaptionOptions;
    use obscura_protocol::secret::SecretBytes;

    use super::*;

    fn request() -> CaptionRequest {
        CaptionRequest {
            options: CaptionOptions::default(),
            media_type: None,
            date: SystemTime::now(),
            image: SecretBytes::new(vec![1, 2, 3]),
        }
    }

    /// Blocks each call until the test releases it.
    struct Gate {
        release: Mutex<mpsc::Receiver<()>>,
        started: Mutex<mpsc::Sender<()>>,
    }

    impl Handler for Gate {
        fn handle(&self, request: CaptionRequest) -> CaptionOutcome {
            let _ = self.started.lock().map(|s| s.send(()));
            let _ = self.release.lock().map(|r| r.recv());
            if request.image.len() == 3 {
                CaptionOutcome::Err(ErrorCode::ImageUndecodable)
            } else {
                CaptionOutcome::Err(ErrorCode::Internal)
            }
        }
    }

    struct Panics;

    impl Handler for Panics {
        fn handle(&self, _: CaptionRequest) -> CaptionOutcome {
            panic!("handler bug")
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn overload_is_refused_at_once_and_queued_work_completes() {
        let (release_tx, release_rx) = mpsc::channel();
        let (started_tx, started_rx) = mpsc::channel();
        let d = Arc::new(Dispatcher::new(
            Gate {
                release: Mutex::new(release_rx),
                started: Mutex::new(started_tx),
            },
            1,
            1,
        ));
        let first = tokio::spawn({
            let d = Arc::clone(&d);
            async move { d.dispatch(request()).await }
        });
        started_rx.recv().unwrap();
        let second = tokio::spawn({
            let d = Arc::clone(&d);
            async move { d.dispatch(request()).await }
        });
        // Give the second request time to take its queue slot.
        while d.admitted.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        assert_eq!(
            d.dispatch(request()).await,
            CaptionOutcome::Err(ErrorCode::Busy)
        );
        release_tx.send(()).unwrap();
        release_tx.send(()).unwrap();
        for job in [first, second] {
            assert_eq!(
                job.await.unwrap(),
                CaptionOutcome::Err(ErrorCode::ImageUndecodable)
            );
        }
        assert_eq!(d.admitted.available_permits(), 2);
    }

    #[tokio::test]
    async fn a_panicking_handler_gives_internal_and_frees_its_slot() {
        let d = Dispatcher::new(Panics, 1, 0);
        for _ in 0..3 {
            assert_eq!(
                d.dispatch(request()).await,
                CaptionOutcome::Err(ErrorCode::Internal)
            );
        }
    }
}
