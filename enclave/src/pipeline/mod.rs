//! The image pipeline: decode → faces → text → redact → encode.
//!
//! Each stage is a module with a pure function over typed values; [`Pipeline::run`] composes
//! them. Models are loaded once ([`Models`]) and shared; the gateway calls `run` from a
//! bounded blocking pool.
//!
//! Plaintext stays in [`RgbPixels`] and [`ocr::SecretText`] (zeroized, redacted `Debug`);
//! what leaves is the re-encoded redacted image and region boxes, never text.
//!
//! ```no_run
//! use obscura_enclave::models::Models;
//! use obscura_enclave::pipeline::{Pipeline, PipelineOptions};
//! use obscura_protocol::api::RegionKind;
//!
//! // Once per process: loads ONNX Runtime and the four models, checking their SHA-256.
//! let pipeline = Pipeline::new(Models::load("/opt/obscura/assets".as_ref())?);
//! let photo = std::fs::read("photo.jpg").unwrap_or_default();
//! let out = pipeline.run(&photo, &PipelineOptions::default())?;
//! let faces = out.regions.iter().filter(|r| r.kind == RegionKind::Face).count();
//! println!("{faces} faces filled, {} bytes of {:?}", out.image.data.len(), out.image.media_type);
//! # Ok::<(), obscura_enclave::Error>(())
//! ```
//!
//! Each model sits behind its own lock (`ort` sessions run through `&mut`) and runs on one
//! thread. Within a run the face and text stages overlap: text runs on a scoped second
//! thread while the calling thread finds faces (two single-threaded sessions on two cores,
//! no oversubscription). Concurrent `run` calls share the models stage by stage; a session
//! per worker is a follow-up if the gateway's pool needs more parallelism.

mod components;
pub mod decode;
pub mod encode;
pub mod faces;
pub mod ocr;
pub mod pixels;
pub mod quad;
pub mod redact;
#[cfg(test)]
mod test_images;

use std::time::{Duration, Instant};

use obscura_protocol::api::{OutputFormat, RedactedImage, Region, RegionKind};

pub use self::decode::{DecodedImage, decode};
pub use self::faces::{Face, FaceParams};
pub use self::ocr::{OcrParams, SecretText, TextLine, TextTimings};
pub use self::pixels::{BoxF, RgbPixels};
pub use self::redact::{PiiDecider, RedactAllText, TextFill};
use crate::Error;
use crate::models::{Models, StageGuard};

/// Per-request options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PipelineOptions {
    /// Encoding of the returned image.
    pub format: OutputFormat,
    /// Face detection settings.
    pub faces: FaceParams,
    /// Run text detection and recognition.
    pub text: bool,
    /// Text detection and recognition settings.
    pub ocr: OcrParams,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        Self {
            format: OutputFormat::Same,
            faces: FaceParams::default(),
            text: true,
            ocr: OcrParams::default(),
        }
    }
}

/// The result of one run.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineOutput {
    /// The redacted image: same width and height as the (upright) input, no metadata.
    pub image: RedactedImage,
    /// Faces, then text lines, with the box actually filled for redacted ones.
    pub regions: Vec<Region>,
    /// Recognised text lines (plaintext, for the sanitizer; never leaves the enclave).
    pub text: Vec<TextLine>,
    /// Wall time of each stage (for metrics and benchmarks; says nothing about content
    /// beyond what the output size already does).
    pub timings: StageTimings,
}

/// Wall time spent in each stage of one [`Pipeline::run`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimings {
    /// Decoding and orientation.
    pub decode: Duration,
    /// Face detection (all views).
    pub faces: Duration,
    /// Text detection, orientation and recognition (next to nothing when skipped).
    pub text: Duration,
    /// The parts of [`StageTimings::text`].
    pub text_parts: TextTimings,
    /// Filling regions.
    pub redact: Duration,
    /// Re-encoding.
    pub encode: Duration,
}

/// What the text stage returns.
struct TextStage {
    lines: Vec<TextLine>,
    parts: TextTimings,
    wall: Duration,
}

/// The composed pipeline over a loaded model set.
pub struct Pipeline {
    models: Models,
    decider: Box<dyn PiiDecider + Send + Sync>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("models", &self.models)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    /// A pipeline that redacts every text region ([`RedactAllText`]).
    pub fn new(models: Models) -> Self {
        Self::with_decider(models, Box::new(RedactAllText))
    }

    /// A pipeline with a custom PII decision for text regions.
    pub fn with_decider(models: Models, decider: Box<dyn PiiDecider + Send + Sync>) -> Self {
        Self { models, decider }
    }

    /// The loaded models.
    pub fn models(&self) -> &Models {
        &self.models
    }

    /// Decodes, detects, redacts and re-encodes one image, deciding text regions with the
    /// pipeline's [`PiiDecider`].
    pub fn run(&self, bytes: &[u8], options: &PipelineOptions) -> Result<PipelineOutput, Error> {
        let analysis = self.analyze(bytes, options)?;
        let decisions: Vec<TextFill> = analysis
            .text
            .iter()
            .map(|line| TextFill::from(self.decider.is_pii(line)))
            .collect();
        self.finish(analysis, &decisions, options)
    }

    /// The first half of [`Pipeline::run`]: decode, find faces, read text. The caller
    /// then decides which text lines hold PII (the sanitizer works over every line and the
    /// caption of a request together) and calls [`Pipeline::finish`].
    pub fn analyze(&self, bytes: &[u8], options: &PipelineOptions) -> Result<Analysis, Error> {
        let started = Instant::now();
        let DecodedImage { format, pixels } = decode(bytes)?;
        let t_decode = started.elapsed();
        let (faces, t_faces, text) = self.faces_and_text(&pixels, options)?;
        Ok(Analysis {
            format,
            pixels,
            faces,
            text: text.lines,
            timings: StageTimings {
                decode: t_decode,
                faces: t_faces,
                text: text.wall,
                text_parts: text.parts,
                ..StageTimings::default()
            },
        })
    }

    /// Runs the face and the text stage, each timed on its own. Every model session is
    /// single-threaded, so the text stage runs on a second (scoped) thread while this one
    /// finds faces: on two cores the stages overlap instead of taking turns. Both count as
    /// busy stages from before the spawn, so that only the stage left running alone takes
    /// the models' wide sessions ([`StageGuard`]). When no thread can be started they run one
    /// after the other. Either way the calling thread waits for both, so a request still
    /// occupies one slot of the gateway's blocking pool.
    ///
    /// Small images run the stages one after the other on purpose
    /// ([`ocr::text_outweighs_faces`]): their text detector input is upscaled (2× and more),
    /// so the text stage costs several times the face stage, and side by side the face
    /// stage's core would idle for most of the request while the detector's one run is stuck
    /// on the single-threaded session. In turn, each stage gets both cores.
    fn faces_and_text(
        &self,
        pixels: &RgbPixels,
        options: &PipelineOptions,
    ) -> Result<(Vec<Face>, Duration, TextStage), Error> {
        let faces_stage = || -> Result<(Vec<Face>, Duration), Error> {
            let started = Instant::now();
            let faces = faces::detect(&self.models.centerface, pixels, options.faces)?;
            Ok((faces, started.elapsed()))
        };
        // Captures only shared references, so it is `Copy`: usable again if spawning fails.
        let text_stage = || -> Result<TextStage, Error> {
            let started = Instant::now();
            let (lines, parts) = ocr::read_text(&self.models, pixels, &options.ocr)?;
            Ok(TextStage {
                lines,
                parts,
                wall: started.elapsed(),
            })
        };
        if !options.text {
            let busy = StageGuard::enter();
            let (faces, t_faces) = faces_stage()?;
            drop(busy);
            let none = TextStage {
                lines: Vec::new(),
                parts: TextTimings::default(),
                wall: Duration::ZERO,
            };
            return Ok((faces, t_faces, none));
        }
        if ocr::text_outweighs_faces(pixels.width(), pixels.height(), &options.ocr) {
            let busy = StageGuard::enter();
            let (faces, t_faces) = faces_stage()?;
            let text = text_stage()?;
            drop(busy);
            return Ok((faces, t_faces, text));
        }
        std::thread::scope(|scope| {
            let faces_busy = StageGuard::enter();
            let text_busy = StageGuard::enter();
            // If the spawn fails the closure, and with it `text_busy`, is dropped.
            let spawned = std::thread::Builder::new()
                .name("obscura-text".to_owned())
                .spawn_scoped(scope, move || {
                    let _busy = text_busy;
                    text_stage()
                });
            match spawned {
                Ok(handle) => {
                    let faces = faces_stage();
                    drop(faces_busy);
                    // A panic in the text thread surfaces as an error, not a second panic.
                    let text = handle.join().map_err(|_| Error::Poisoned)?;
                    let (faces, t_faces) = faces?;
                    Ok((faces, t_faces, text?))
                }
                Err(_) => {
                    let (faces, t_faces) = faces_stage()?;
                    drop(faces_busy);
                    let _busy = StageGuard::enter();
                    Ok((faces, t_faces, text_stage()?))
                }
            }
        })
    }

    /// The second half of [`Pipeline::run`]: fill every face and the part of each text line
    /// its entry in `fills` says (a missing entry fills the whole line: fail closed), then
    /// re-encode.
    pub fn finish(
        &self,
        analysis: Analysis,
        fills: &[TextFill],
        options: &PipelineOptions,
    ) -> Result<PipelineOutput, Error> {
        let Analysis {
            format,
            mut pixels,
            faces,
            text,
            mut timings,
        } = analysis;
        let mut clock = Instant::now();
        let done = redact::redact(&mut pixels, &faces, &text, fills);
        timings.redact = clock.elapsed();
        clock = Instant::now();
        let media_type = encode::output_media_type(options.format, format);
        let data = encode::encode(&pixels, media_type)?;
        timings.encode = clock.elapsed();
        let mut regions = Vec::with_capacity(faces.len() + text.len());
        for (face, bbox) in faces.iter().zip(&done.faces) {
            regions.push(Region {
                kind: RegionKind::Face,
                bbox: *bbox,
                score: face.score,
                redacted: true,
            });
        }
        let (w, h) = (pixels.width(), pixels.height());
        for (line, filled) in text.iter().zip(&done.text) {
            regions.push(Region {
                kind: RegionKind::Text,
                bbox: filled.unwrap_or_else(|| line.bbox.to_pixels(w, h)),
                score: line.score,
                redacted: filled.is_some(),
            });
        }
        Ok(PipelineOutput {
            image: RedactedImage {
                media_type,
                width: w,
                height: h,
                data,
            },
            regions,
            text,
            timings,
        })
    }
}

/// What [`Pipeline::analyze`] found, before anything is filled. Holds the decoded plaintext
/// pixels (zeroized on drop) and the recognised text; it never leaves the enclave.
#[derive(Debug)]
pub struct Analysis {
    /// The input's format (for "same format" output).
    pub format: obscura_protocol::api::MediaType,
    /// The upright decoded pixels.
    pub pixels: RgbPixels,
    /// Faces found.
    pub faces: Vec<Face>,
    /// Text lines found and read.
    pub text: Vec<TextLine>,
    /// Time spent so far (decode, faces, text).
    pub timings: StageTimings,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_can_be_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Pipeline>();
        shared::<PipelineOutput>();
    }

    #[test]
    fn default_options() {
        let o = PipelineOptions::default();
        assert_eq!(o.format, OutputFormat::Same);
        assert!(o.text);
        assert_eq!(
            o.faces,
            FaceParams {
                threshold: 0.2,
                nms_iou: 0.3
            }
        );
        assert_eq!(o.ocr.small_side, ocr::SMALL_SIDE);
    }
}
