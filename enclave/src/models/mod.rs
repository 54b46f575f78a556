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
//! Concurrency comes from running several requests, not from threads inside one model.

mod manifest;
mod onnx_dims;

use std::fmt;
use std::path::Path;
use std::sync::Mutex;

use obscura_protocol::api::{Digest32, ModelDigest};
use ort::session::Session;
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

/// One ONNX Runtime session behind a lock (`Session::run` needs `&mut`).
pub(crate) struct ModelSession {
    id: ModelId,
    input: String,
    session: Mutex<Session>,
}

impl fmt::Debug for ModelSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ModelSession")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl ModelSession {
    /// Runs the model on one `f32` input of `shape` and returns every output, in order.
    pub(crate) fn run(
        &self,
        shape: [usize; 4],
        data: Vec<f32>,
    ) -> Result<Vec<OutputTensor>, Error> {
        let id = self.id;
        let fail = |e: ort::Error| Error::Inference {
            model: id,
            detail: e.to_string(),
        };
        let tensor = TensorRef::from_array_view((shape, data.as_slice())).map_err(fail)?;
        let mut session = self.session.lock().map_err(|_| Error::Inference {
            model: id,
            detail: "session lock poisoned".to_owned(),
        })?;
        let outputs = session
            .run(ort::inputs![self.input.as_str() => tensor])
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
        ModelId::TextDet | ModelId::TextCls | ModelId::TextRec => bytes,
    };
    let fail = |detail: String| Error::Inference { model: id, detail };
    let session = obscura_onnx::session_from_memory(env, name, &bytes)?;
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
            },
            classes,
        ),
        digest,
    ))
}
