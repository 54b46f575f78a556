//! The pinned models and the ONNX Runtime they run on.
//!
//! Session creation is expensive, so [`Models::load`] reads each model once: it reads the
//! file into memory, checks its SHA-256 against the pinned manifest (`models/manifest.rs`),
//! and only then hands those same bytes to ONNX Runtime (no second read between check and
//! use). ONNX Runtime itself is loaded once per process from the pinned, digest-checked
//! `libonnxruntime.so` with [`ort::init_from`], which returns an error instead of panicking.
//! (The library is checked and then loaded by path: the dynamic loader has to map the file
//! itself, so a swap between the check and `dlopen` is not excluded. In the CVM the file is
//! part of the measured image.)
//!
//! Sessions run single-threaded with spin-waiting off: on a shared 2-core machine that was
//! as fast as two spinning threads and never 2× slower (see `notes/dependencies.md` §2.6).
//! Concurrency comes from running several requests, and within one request from running the
//! face and text stages side by side. When one stage finishes first the other would leave a
//! core idle, so CenterFace, the recogniser (and the detector, for small inputs) also keep
//! a *wide* session with one intra-op thread per core: a run takes it only while no other
//! pipeline stage in the process is busy (counted by `StageGuard`), which never puts more
//! model threads than cores to work. The recogniser also keeps a second single-threaded
//! *twin* session: its batches split by rows run on both at once when the stage is alone,
//! and row by row while the other stage is busy, so that the rows left when it ends get
//! both cores; a lone row takes the wide session (`ModelSession::run_rows`).

mod affine_depthwise;
mod conv_affine;
mod hardswish;
mod manifest;
mod onnx_dims;
mod onnx_graph;
#[cfg(test)]
mod real_rewrites;

use std::fmt;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use obscura_protocol::api::{Digest32, ModelDigest};
use ort::session::{RunOptions, Session};
use ort::value::TensorRef;
use zeroize::Zeroizing;

use crate::Error;

/// Environment variable naming the assets directory (as `cargo xtask` sets it).
pub use obscura_onnx::ASSETS_ENV;

/// The models the pipeline uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModelId {
    /// CenterFace face detector.
    CenterFace,
    /// PP-OCRv4 text detector.
    TextDet,
    /// PP-OCR v2.0 text direction classifier.
    TextCls,
    /// PP-OCRv4 text recogniser.
    TextRec,
}

impl ModelId {
    /// Stable name, as reported in responses.
    pub fn name(self) -> &'static str {
        match self {
            Self::CenterFace => "centerface",
            Self::TextDet => "ppocrv4-det",
            Self::TextCls => "ppocr-mobile-v2-cls",
            Self::TextRec => "ppocrv4-rec",
        }
    }

    fn manifest(self) -> (&'static str, &'static str) {
        match self {
            Self::CenterFace => manifest::CENTERFACE,
            Self::TextDet => manifest::TEXT_DET,
            Self::TextCls => manifest::TEXT_CLS,
            Self::TextRec => manifest::TEXT_REC,
        }
    }
}

/// A tensor returned by a model: its shape and row-major values (derived from pixels, so
/// zeroized on drop and left out of `Debug`).
#[derive(Clone, PartialEq)]
pub(crate) struct OutputTensor {
    pub(crate) shape: Vec<usize>,
    pub(crate) data: Zeroizing<Vec<f32>>,
}

impl fmt::Debug for OutputTensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted tensor {:?}>", self.shape)
    }
}

/// Pipeline stages (of any request in this process) that are running now.
static BUSY_STAGES: AtomicUsize = AtomicUsize::new(0);

/// Marks one pipeline stage as running while it lives (see the module docs): model runs
/// use their wide session only when theirs is the single busy stage.
#[derive(Debug)]
pub(crate) struct StageGuard(());

impl StageGuard {
    /// Counts the calling stage as busy until the guard is dropped.
    pub(crate) fn enter() -> Self {
        BUSY_STAGES.fetch_add(1, Ordering::AcqRel);
        Self(())
    }
}

impl Drop for StageGuard {
    fn drop(&mut self) {
        BUSY_STAGES.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Most input elements (3 × 1024²) a text detector run may have to take the wide session.
pub(crate) const TEXT_DET_WIDE_MAX: usize = 3 * 1024 * 1024;

/// Side of the input of the run that releases one of the detector's arenas (its smallest
/// valid input: sides are multiples of the 32 px stride).
const RELEASE_SIDE: usize = 32;

/// Intra-op threads of a wide session: one per core, at most 4; `None` on one core.
fn wide_threads() -> Option<usize> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    (cores >= 2).then_some(cores.min(4))
}

/// One ONNX Runtime session behind a lock (`Session::run` needs `&mut`), and for the heavy
/// models a second, multi-threaded one over the same weights (see the module docs).
pub(crate) struct ModelSession {
    id: ModelId,
    input: String,
    session: Mutex<Session>,
    wide: Option<Mutex<Session>>,
    /// A second single-threaded session over the same weights, for the recogniser: a batch
    /// split in two runs on both at once ([`ModelSession::run_rows`]).
    twin: Option<Mutex<Session>>,
    /// Most input elements a run may have to take the wide session.
    wide_max_input: usize,
    /// Run options that hand a session's arena back to the system (see `load_session`),
    /// for the text detector: used by [`ModelSession::release_wide`] and
    /// [`ModelSession::release_large`].
    shrink: Option<RunOptions>,
    /// Whether the wide session ran since its arena was last handed back.
    wide_holds: AtomicBool,
    /// Whether the single-threaded session ran an input over [`TEXT_DET_WIDE_MAX`]
    /// elements since its arena was last handed back (text detector only).
    single_holds_large: AtomicBool,
}

impl fmt::Debug for ModelSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ModelSession")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl ModelSession {
    /// Runs the model on one `f32` input of `shape` and returns every output, in order: on
    /// the wide session when the calling stage is the only busy one and the input is within
    /// the model's wide-session cap, else single-threaded.
    pub(crate) fn run(&self, shape: [usize; 4], data: &[f32]) -> Result<Vec<OutputTensor>, Error> {
        self.run_on(alone() && self.fits_wide(shape), shape, data)
    }

    /// Runs a batch of `shape[0]` rows (samples) with every output's first dimension the
    /// batch's: split in two halves that run at the same time, on the single-threaded
    /// session here and on the twin on a scoped second thread, when the calling stage is
    /// the only busy one; else, while another stage is busy, one row at a time on the
    /// single-threaded session, checking again before each, so that the rows left when the
    /// other stage ends still get both cores. A lone row left while the stage is alone takes
    /// the wide session. Each row is computed exactly as within the whole batch (nothing in
    /// these models mixes samples); the outputs are the concatenation of the parts', as one
    /// run over the whole batch would give them. Without a twin this is
    /// [`ModelSession::run`].
    pub(crate) fn run_rows(
        &self,
        shape: [usize; 4],
        data: &[f32],
    ) -> Result<Vec<OutputTensor>, Error> {
        self.run_rows_when(shape, data, alone)
    }

    /// [`ModelSession::run_rows`] with `alone` telling whether the calling stage is the only
    /// busy one (tests choose).
    fn run_rows_when(
        &self,
        shape: [usize; 4],
        data: &[f32],
        alone: impl Fn() -> bool,
    ) -> Result<Vec<OutputTensor>, Error> {
        let Some(twin) = &self.twin else {
            return self.run_on(alone() && self.fits_wide(shape), shape, data);
        };
        let [rows, c, h, w] = shape;
        let row_len = c.saturating_mul(h).saturating_mul(w);
        if data.len() != rows.saturating_mul(row_len) {
            return Err(Error::Inference {
                model: self.id,
                detail: "input size does not match its shape".to_owned(),
            });
        }
        let mut parts = Vec::with_capacity(2);
        let mut done = 0;
        while done < rows {
            let left = rows - done;
            let rest = data.get(done * row_len..).unwrap_or_default();
            let alone_now = alone();
            if alone_now && left >= 2 {
                let first = left.div_ceil(2);
                let (a, b) = rest.split_at(first * row_len);
                let (a, b) =
                    self.run_pair(twin, ([first, c, h, w], a), ([left - first, c, h, w], b))?;
                parts.push(a);
                parts.push(b);
                break;
            }
            if alone_now {
                // One row left and both cores free: the wide session, if the model has one.
                let shape = [left, c, h, w];
                parts.push(self.run_on(self.fits_wide(shape), shape, rest)?);
                break;
            }
            let part = rest.get(..row_len).unwrap_or_default();
            parts.push(self.run_on(false, [1, c, h, w], part)?);
            done += 1;
        }
        concat_rows(self.id, parts)
    }

    /// Runs `a` on the single-threaded session here and `b` on `twin` on a scoped second
    /// thread (one after the other if the thread cannot be started).
    fn run_pair(
        &self,
        twin: &Mutex<Session>,
        a: ([usize; 4], &[f32]),
        b: ([usize; 4], &[f32]),
    ) -> Result<(Vec<OutputTensor>, Vec<OutputTensor>), Error> {
        std::thread::scope(|scope| {
            let spawned = std::thread::Builder::new()
                .name("obscura-twin".to_owned())
                .spawn_scoped(scope, || self.run_session(twin, None, b.0, b.1));
            let first = self.run_on(false, a.0, a.1);
            let second = match spawned {
                Ok(handle) => handle.join().map_err(|_| Error::Poisoned)?,
                Err(_) => self.run_session(twin, None, b.0, b.1),
            };
            Ok((first?, second?))
        })
    }

    /// Runs on the wide session if `wide` and the model has one, else on the single-threaded one.
    fn run_on(
        &self,
        wide: bool,
        shape: [usize; 4],
        data: &[f32],
    ) -> Result<Vec<OutputTensor>, Error> {
        match &self.wide {
            Some(session) if wide => {
                let outputs = self.run_session(session, None, shape, data);
                if self.shrink.is_some() {
                    self.wide_holds.store(true, Ordering::Release);
                }
                outputs
            }
            _ => {
                self.release_wide()?;
                let outputs = self.run_session(&self.session, None, shape, data);
                if self.shrink.is_some() && !self.fits_wide(shape) {
                    self.single_holds_large.store(true, Ordering::Release);
                }
                outputs
            }
        }
    }

    /// Whether an input of `shape` is within the model's wide-session cap.
    fn fits_wide(&self, shape: [usize; 4]) -> bool {
        let elements = shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d));
        elements.is_some_and(|n| n <= self.wide_max_input)
    }

    /// Hands the wide session's arena back to the system if it ran since the last time, by
    /// a smallest run with the shrinking run options (text detector only): called before
    /// every run on the single-threaded session, so that the two sessions' arenas never grow
    /// at the same time (the wide one keeps its memory only from one wide run to the next,
    /// as upscaled small images one after another run). Shrinking after every wide run
    /// instead cost each of those detector passes 15-20 ms of page faults (its up to 1024²
    /// input's activations mapped afresh every time).
    fn release_wide(&self) -> Result<(), Error> {
        let (Some(session), Some(options)) = (&self.wide, &self.shrink) else {
            return Ok(());
        };
        if !self.wide_holds.swap(false, Ordering::AcqRel) {
            return Ok(());
        }
        self.shrink_arena(session, options)
    }

    /// Hands the single-threaded session's arena back to the system if it ran an input
    /// over the wide-session cap since the last time (text detector only), by a smallest
    /// run with the shrinking run options. The text stage calls it once its detector runs
    /// for an image are done: the native tiles of a 2048² image need about 4 Mpx of
    /// activations, which a kept arena would hold beside every other session's through all
    /// later requests. (Shrinking after every such run instead would also make each tile of
    /// the image map its activations afresh.)
    pub(crate) fn release_large(&self) -> Result<(), Error> {
        let Some(options) = &self.shrink else {
            return Ok(());
        };
        if !self.single_holds_large.swap(false, Ordering::AcqRel) {
            return Ok(());
        }
        self.shrink_arena(&self.session, options)
    }

    /// Runs `session` once on the smallest input with the arena-shrinking `options`, which
    /// hands every arena block the run does not use back to the system.
    fn shrink_arena(&self, session: &Mutex<Session>, options: &RunOptions) -> Result<(), Error> {
        let shape = [1, 3, RELEASE_SIDE, RELEASE_SIDE];
        let zeros = vec![0.0f32; 3 * RELEASE_SIDE * RELEASE_SIDE];
        self.run_session(session, Some(options), shape, &zeros)
            .map(drop)
    }

    /// Runs `session` (with `options`, if any) on one input.
    fn run_session(
        &self,
        chosen: &Mutex<Session>,
        options: Option<&RunOptions>,
        shape: [usize; 4],
        data: &[f32],
    ) -> Result<Vec<OutputTensor>, Error> {
        let id = self.id;
        let fail = |e: ort::Error| Error::Inference {
            model: id,
            detail: e.to_string(),
        };
        let tensor = TensorRef::from_array_view((shape, data)).map_err(fail)?;
        let mut session = chosen.lock().map_err(|_| Error::Inference {
            model: id,
            detail: "session lock poisoned".to_owned(),
        })?;
        let inputs = ort::inputs![self.input.as_str() => tensor];
        let outputs = match options {
            Some(options) => session.run_with_options(inputs, options),
            None => session.run(inputs),
        }
        .map_err(fail)?;
        let mut result = Vec::with_capacity(outputs.len());
        for (_, value) in outputs.iter() {
            let (shape, data) = value.try_extract_tensor::<f32>().map_err(fail)?;
            let shape = shape
                .iter()
                .map(|&d| usize::try_from(d))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| Error::ModelOutput {
                    model: id,
                    reason: "negative dimension",
                })?;
            result.push(OutputTensor {
                shape,
                data: Zeroizing::new(data.to_vec()),
            });
        }
        Ok(result)
    }
}

/// Whether the calling stage is the only busy one, so that it may use every core.
fn alone() -> bool {
    BUSY_STAGES.load(Ordering::Acquire) <= 1
}

/// Joins the outputs of runs over consecutive row ranges of one batch into the outputs one
/// run over the whole batch gives: for each output, the data one after the other and the
/// first dimension summed. Every part must have the same outputs of the same trailing shape.
fn concat_rows(id: ModelId, parts: Vec<Vec<OutputTensor>>) -> Result<Vec<OutputTensor>, Error> {
    let bad = |reason| Error::ModelOutput { model: id, reason };
    let mut parts = parts.into_iter();
    let Some(mut joined) = parts.next() else {
        return Err(bad("no rows"));
    };
    for part in parts {
        if part.len() != joined.len() {
            return Err(bad("output count differs between row ranges"));
        }
        for (whole, piece) in joined.iter_mut().zip(part) {
            let (Some((rows, tail)), Some((more, piece_tail))) =
                (whole.shape.split_first_mut(), piece.shape.split_first())
            else {
                return Err(bad("scalar output"));
            };
            if tail != piece_tail {
                return Err(bad("output shape differs between row ranges"));
            }
            *rows = rows.saturating_add(*more);
            whole.data.extend_from_slice(&piece.data);
        }
    }
    Ok(joined)
}

/// Every model of the pipeline, loaded once and checked against the pinned manifest.
pub struct Models {
    pub(crate) centerface: ModelSession,
    pub(crate) text_det: ModelSession,
    pub(crate) text_cls: ModelSession,
    pub(crate) text_rec: ModelSession,
    /// Recogniser classes: index 0 is the CTC blank (empty string), then the dictionary
    /// from the model's `character` metadata, then a space.
    pub(crate) text_classes: Vec<String>,
    digests: Vec<ModelDigest>,
}

impl fmt::Debug for Models {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The digests identify the set; the 6 625-entry dictionary would only be noise.
        f.debug_struct("Models")
            .field("digests", &self.digests)
            .finish_non_exhaustive()
    }
}

impl Models {
    /// Loads ONNX Runtime and every model from `assets` (the layout `cargo xtask setup`
    /// creates), checking each file's SHA-256 first.
    pub fn load(assets: &Path) -> Result<Self, Error> {
        let env = obscura_onnx::runtime(assets)?;
        let mut digests = Vec::with_capacity(4);
        let mut load = |id: ModelId| -> Result<(ModelSession, Vec<String>), Error> {
            let (session, digest) = load_session(env, assets, id)?;
            digests.push(ModelDigest {
                name: id.name().to_owned(),
                sha256: digest,
            });
            Ok(session)
        };
        let (centerface, _) = load(ModelId::CenterFace)?;
        let (text_det, _) = load(ModelId::TextDet)?;
        let (text_cls, _) = load(ModelId::TextCls)?;
        let (text_rec, text_classes) = load(ModelId::TextRec)?;
        Ok(Self {
            centerface,
            text_det,
            text_cls,
            text_rec,
            text_classes,
            digests,
        })
    }

    /// Loads from the directory named by [`ASSETS_ENV`], or `None` if it is unset.
    pub fn load_from_env() -> Option<Result<Self, Error>> {
        std::env::var_os(ASSETS_ENV).map(|dir| Self::load(Path::new(&dir)))
    }

    /// SHA-256 of every model loaded, for responses and workload claims.
    pub fn digests(&self) -> &[ModelDigest] {
        &self.digests
    }
}

/// The same-function graph rewrites a Paddle text model gets before its session is made: the
/// hard-swish chains fused (`hardswish`), then the scalar affine steps around convolutions
/// folded into their weights (`conv_affine`), then the affine steps left before padded
/// convolutions turned into depthwise convolutions (`affine_depthwise`).
fn adapt(id: ModelId, bytes: Vec<u8>) -> Result<Vec<u8>, Error> {
    let (bytes, _) = hardswish::fuse(id, bytes)?;
    let (bytes, _) = conv_affine::fold(id, bytes)?;
    Ok(affine_depthwise::convert(id, bytes)?.0)
}

/// Loads one model: read, check digest, adapt, create the session.
fn load_session(
    env: &ort::environment::Environment,
    assets: &Path,
    id: ModelId,
) -> Result<((ModelSession, Vec<String>), Digest32), Error> {
    let (name, expected) = id.manifest();
    let (bytes, digest) = obscura_onnx::read_verified(assets, name, expected)?;
    let bytes = match id {
        ModelId::CenterFace => onnx_dims::dynamicize(id, &bytes)?,
        ModelId::TextDet | ModelId::TextCls | ModelId::TextRec => adapt(id, bytes)?,
    };
    let fail = |detail: String| Error::Inference { model: id, detail };
    let session = obscura_onnx::session_from_memory(env, name, &bytes)?;
    // The small direction classifier gains nothing from more threads. A wide text detector
    // for every input made 2048² images 15-20 % faster, but its second arena, as large as a
    // 2000 px tile's activations, raised the peak RSS of a 2048² radiograph from 639 to
    // 1058 MiB (over the 1 GiB budget). The detector's wide session therefore only takes
    // inputs up to [`TEXT_DET_WIDE_MAX`] (small images, whose detector input is upscaled
    // and which the pipeline runs after the face stage, see `Pipeline::faces_and_text`),
    // and its arena is handed back before a larger input runs on the single session
    // (`ModelSession::release_wide`): kept, a 1024² input's ~360 MiB of activations stayed
    // allocated beside the single session's, and a 2048² image after a few small ones
    // peaked at 1.18 GiB. The single session in turn hands back the arena of a larger input
    // once the image's detection is done (`ModelSession::release_large`): kept, a 2048²
    // image's tiles left ~400 MiB allocated through every later request, and a mixed
    // sequence of the bench images peaked at 1.16 GiB (908 MiB with the release).
    let (wide_max_input, shrink_arena) = match id {
        ModelId::CenterFace | ModelId::TextRec => (usize::MAX, false),
        ModelId::TextDet => (TEXT_DET_WIDE_MAX, true),
        ModelId::TextCls => (0, false),
    };
    let wide = match wide_threads() {
        Some(threads) if wide_max_input > 0 => Some(Mutex::new(
            obscura_onnx::session_with_threads(env, name, &bytes, threads)?,
        )),
        _ => None,
    };
    // The recogniser's batches split by rows onto two single-threaded sessions read 1.7-2×
    // as fast as on one, and unlike a run already started on one thread, the rows left
    // when the face stage ends can still take both cores (`ModelSession::run_rows`); its
    // wide session stays for a lone row (a photo's one line). Its inputs are 48 px high,
    // so the extra arenas are small.
    let twin = match (id, wide_threads()) {
        (ModelId::TextRec, Some(_)) => Some(Mutex::new(obscura_onnx::session_from_memory(
            env, name, &bytes,
        )?)),
        _ => None,
    };
    let shrink = if shrink_arena {
        let mut options = RunOptions::new().map_err(|e| fail(e.to_string()))?;
        options
            .set("memory.enable_memory_arena_shrinkage", "cpu:0")
            .map_err(|e| fail(e.to_string()))?;
        Some(options)
    } else {
        None
    };
    let input = session
        .inputs()
        .first()
        .map(|i| i.name().to_owned())
        .ok_or(Error::ModelMalformed {
            model: id,
            reason: "no input",
        })?;
    let classes = if id == ModelId::TextRec {
        let dict = session
            .metadata()
            .map_err(|e| fail(e.to_string()))?
            .custom("character")
            .ok_or(Error::ModelMalformed {
                model: id,
                reason: "no character metadata",
            })?;
        let mut classes = Vec::with_capacity(6625);
        classes.push(String::new());
        classes.extend(dict.split('\n').map(str::to_owned));
        classes.push(" ".to_owned());
        classes
    } else {
        Vec::new()
    };
    Ok((
        (
            ModelSession {
                id,
                input,
                session: Mutex::new(session),
                wide,
                twin,
                wide_max_input,
                shrink,
                wide_holds: AtomicBool::new(false),
                single_holds_large: AtomicBool::new(false),
            },
            classes,
        ),
        digest,
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test")]

    use super::*;

    /// The models from [`ASSETS_ENV`], or `None` (the test is skipped) when it is unset; a
    /// set directory that does not load fails the test.
    fn models_or_skip() -> Option<Models> {
        let Some(models) = Models::load_from_env() else {
            eprintln!("skipped: {ASSETS_ENV} is not set");
            return None;
        };
        Some(models.unwrap())
    }

    /// A pseudo-random input in Paddle/CenterFace value ranges (no pixels needed).
    fn input(len: usize) -> Vec<f32> {
        let mut state = 0x2545_f491_u32;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                f32::from(u16::try_from(state >> 16).unwrap_or(0)) / 65_535.0 * 2.0 - 1.0
            })
            .collect()
    }

    /// A batch split by rows (two halves at once on the single-threaded session and the twin,
    /// or one row at a time) must give the whole batch's numbers, or which split a run
    /// happened to get (it depends on the other stage's timing) would change what is read.
    #[test]
    fn recogniser_rows_split_give_the_whole_batchs_output() {
        let Some(models) = models_or_skip() else {
            return;
        };
        let model = &models.text_rec;
        assert_eq!(model.twin.is_some(), wide_threads().is_some());
        for rows in [5, 1] {
            rows_split_match(model, [rows, 3, 48, 320]);
        }
    }

    /// [`recogniser_rows_split_give_the_whole_batchs_output`] for one batch shape.
    fn rows_split_match(model: &ModelSession, shape: [usize; 4]) {
        let data = input(shape.iter().product());
        let whole = model.run_on(false, shape, &data).unwrap();
        for alone in [true, false] {
            let split = model.run_rows_when(shape, &data, || alone).unwrap();
            assert_eq!(split.len(), whole.len());
            for (a, b) in whole.iter().zip(&split) {
                assert_eq!(a.shape, b.shape, "alone: {alone}");
                let worst = a
                    .data
                    .iter()
                    .zip(b.data.iter())
                    .map(|(x, y)| (x - y).abs())
                    .fold(0.0f32, f32::max);
                assert!(worst <= 1e-5, "alone: {alone}: differs by {worst}");
            }
        }
    }

    /// Timing, not a check: a recogniser batch whole on the single-threaded session, row by
    /// row on it, and split onto it and the twin at once (interleaved, minimum of 15).
    /// `cargo test --release -p obscura-enclave --lib -- --ignored rows_split_timing --nocapture`
    #[test]
    #[ignore = "timing; run by hand on a quiet machine"]
    fn rows_split_timing() {
        let models = Models::load_from_env().unwrap().unwrap();
        let model = &models.text_rec;
        let ms = |run: &dyn Fn()| {
            let t = std::time::Instant::now();
            run();
            t.elapsed().as_secs_f64() * 1e3
        };
        for shape in [[2, 3, 48, 320], [4, 3, 48, 320], [6, 3, 48, 640]] {
            let data = input(shape.iter().product());
            let mut best = [f64::MAX; 3];
            for _ in 0..15 {
                let times = [
                    ms(&|| drop(model.run_on(false, shape, &data).unwrap())),
                    ms(&|| drop(model.run_rows_when(shape, &data, || false).unwrap())),
                    ms(&|| drop(model.run_rows_when(shape, &data, || true).unwrap())),
                ];
                for (b, t) in best.iter_mut().zip(times) {
                    *b = b.min(t);
                }
            }
            let [whole, rows, split] = best;
            eprintln!(
                "{shape:?}: whole {whole:.1} ms, row by row {rows:.1} ms, split {split:.1} ms"
            );
        }
    }

    /// The detector's wide session keeps its arena from one wide run to the next and hands
    /// it back before a single-threaded run, which still gives the same numbers.
    #[test]
    fn detector_wide_arena_is_handed_back_before_a_single_threaded_run() {
        let Some(models) = models_or_skip() else {
            return;
        };
        let det = &models.text_det;
        assert_eq!(det.wide.is_some(), wide_threads().is_some());
        assert!(det.shrink.is_some());
        let cf = &models.centerface;
        assert!(cf.shrink.is_none());
        let shape = [1, 3, 96, 160];
        let data = input(shape.iter().product());
        let wide = det.run_on(true, shape, &data).unwrap();
        assert_eq!(det.wide_holds.load(Ordering::Acquire), det.wide.is_some());
        let narrow = det.run_on(false, shape, &data).unwrap();
        assert!(!det.wide_holds.load(Ordering::Acquire));
        assert_eq!(wide[0].data.as_slice(), narrow[0].data.as_slice());
        // Nothing held: a second single-threaded run does not touch the wide session.
        det.run_on(false, shape, &data).unwrap();
        assert!(!det.wide_holds.load(Ordering::Acquire));
        assert!(!det.single_holds_large.load(Ordering::Acquire));
    }

    /// An input over the wide cap marks the single-threaded detector's arena as large;
    /// `release_large` hands it back once, and later runs give the same numbers.
    #[test]
    fn detector_large_single_arena_is_handed_back() {
        let Some(models) = models_or_skip() else {
            return;
        };
        let det = &models.text_det;
        let shape = [1, 3, 1056, 1024];
        assert!(!det.fits_wide(shape));
        let data = input(shape.iter().product());
        let before = det.run_on(false, shape, &data).unwrap();
        assert!(det.single_holds_large.load(Ordering::Acquire));
        det.release_large().unwrap();
        assert!(!det.single_holds_large.load(Ordering::Acquire));
        let after = det.run_on(false, shape, &data).unwrap();
        assert_eq!(before[0].data.as_slice(), after[0].data.as_slice());
        det.release_large().unwrap();
        // A small input leaves nothing to hand back.
        det.run_on(false, [1, 3, 96, 160], &input(3 * 96 * 160))
            .unwrap();
        assert!(!det.single_holds_large.load(Ordering::Acquire));
        // Models without shrinking options never mark their arenas.
        models.text_rec.release_large().unwrap();
        assert!(!models.text_rec.single_holds_large.load(Ordering::Acquire));
    }

    #[test]
    fn joining_row_ranges_checks_shapes() {
        let tensor = |shape: Vec<usize>, data: Vec<f32>| OutputTensor {
            shape,
            data: Zeroizing::new(data),
        };
        let joined = concat_rows(
            ModelId::TextRec,
            vec![
                vec![tensor(vec![1, 2], vec![1.0, 2.0])],
                vec![tensor(vec![2, 2], vec![3.0, 4.0, 5.0, 6.0])],
            ],
        )
        .unwrap();
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].shape, vec![3, 2]);
        assert_eq!(joined[0].data.as_slice(), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let mismatched = concat_rows(
            ModelId::TextRec,
            vec![
                vec![tensor(vec![1, 2], vec![1.0, 2.0])],
                vec![tensor(vec![1, 3], vec![3.0, 4.0, 5.0])],
            ],
        );
        assert!(matches!(
            mismatched,
            Err(Error::ModelOutput {
                reason: "output shape differs between row ranges",
                ..
            })
        ));
        assert!(matches!(
            concat_rows(ModelId::TextRec, Vec::new()),
            Err(Error::ModelOutput {
                reason: "no rows",
                ..
            })
        ));
    }

    /// The wide sessions must give the same numbers as the single-threaded ones, or which
    /// session a run happened to get (it depends on the other stage's timing) would change
    /// what is found.
    #[test]
    fn wide_and_single_threaded_sessions_agree_bit_for_bit() {
        let Some(models) = models_or_skip() else {
            return;
        };
        let cases: [(&ModelSession, [usize; 4]); 3] = [
            (&models.centerface, [1, 3, 96, 128]),
            (&models.text_det, [1, 3, 96, 160]),
            (&models.text_rec, [1, 3, 48, 320]),
        ];
        for (model, shape) in cases {
            assert_eq!(
                model.wide.is_some(),
                wide_threads().is_some(),
                "{:?}",
                model.id
            );
            let data = input(shape.iter().product());
            let narrow = model.run_on(false, shape, &data).unwrap();
            let wide = model.run_on(true, shape, &data).unwrap();
            assert_eq!(narrow.len(), wide.len());
            for (a, b) in narrow.iter().zip(&wide) {
                assert_eq!(a.shape, b.shape, "{:?}", model.id);
                let same = a
                    .data
                    .iter()
                    .zip(b.data.iter())
                    .all(|(x, y)| x.to_bits() == y.to_bits());
                assert!(same, "{:?}: wide session output differs", model.id);
            }
        }
        assert!(models.text_cls.wide.is_none());
        // Only the detector hands arenas back.
        assert!(models.text_det.shrink.is_some());
        assert!(models.centerface.shrink.is_none() && models.text_rec.shrink.is_none());
    }
}
