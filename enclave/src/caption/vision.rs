//! An in-process ONNX vision-encoder-decoder in Hugging Face Optimum's `image-to-text`
//! export layout (ViT-GPT2 style), run through the shared pinned ONNX Runtime.
//!
//! The model folder holds:
//!
//! | file | used for |
//! | --- | --- |
//! | `encoder_model.onnx` | `pixel_values [1,3,H,W] f32` → `last_hidden_state [1,S,D]` |
//! | `decoder_model_merged.onnx` | `input_ids`, `encoder_hidden_states`, `past_key_values.*`, `use_cache_branch` → `logits`, `present.*` |
//! | `preprocessor_config.json` | resize (`size`, `resample`), `rescale_factor`, `image_mean`/`image_std` |
//! | `generation_config.json` | `decoder_start_token_id`, `eos_token_id`, `max_new_tokens`/`max_length` |
//! | `config.json` | fallback for the token ids |
//! | `tokenizer.json` | detokenizing (special tokens skipped) |
//!
//! Every file is read once with [`obscura_onnx::read_capped`] and digested; the digests are
//! the backend's identity. Decoding is greedy with the KV cache: the first step runs the
//! merged decoder's no-cache branch (`use_cache_branch = false`, zero-filled past of length
//! 1, ignored by that branch), every later step feeds back `present.*` as
//! `past_key_values.*` with only the newest token. It stops at `eos`, after
//! [`DecodeLimits::max_new_tokens`] (or the model's own limit, whichever is smaller), or when
//! [`DecodeLimits::time_budget`] is spent (the tokens so far are kept).

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use obscura_protocol::api::ModelDigest;
use obscura_protocol::secret::SecretText;
use ort::environment::Environment;
use ort::session::{Session, SessionInputValue};
use ort::value::{DynValue, Tensor, ValueType};
use serde_json::Value;
use zeroize::Zeroizing;

use super::{CaptionBackend, CaptionError, CaptionInput, Captioner, CaptionerIdentity};
use crate::Error;
use crate::pipeline::RgbPixels;

/// The files of the layout, in the order they are claimed.
pub const FILES: [&str; 6] = [
    ENCODER,
    DECODER,
    "tokenizer.json",
    PREPROCESSOR,
    GENERATION,
    CONFIG,
];
const ENCODER: &str = "encoder_model.onnx";
const DECODER: &str = "decoder_model_merged.onnx";
const PREPROCESSOR: &str = "preprocessor_config.json";
const GENERATION: &str = "generation_config.json";
const CONFIG: &str = "config.json";
/// Largest side the preprocessor may ask for.
const MAX_INPUT_SIDE: u32 = 4096;

/// Decoding limits set by the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeLimits {
    /// Most tokens generated after the start token.
    pub max_new_tokens: usize,
    /// Wall time after which decoding stops (what was generated is kept).
    pub time_budget: Duration,
}

impl Default for DecodeLimits {
    fn default() -> Self {
        Self {
            max_new_tokens: 48,
            time_budget: Duration::from_secs(10),
        }
    }
}

/// Token ids from [`VisionEncoderDecoder::generate`], start token first. They decode to the
/// caption, so they are zeroized and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenIds(Zeroizing<Vec<u32>>);

impl TokenIds {
    /// The ids.
    pub fn expose(&self) -> &[u32] {
        &self.0
    }
}

impl fmt::Debug for TokenIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted {} token ids>", self.0.len())
    }
}

/// Image preprocessing from `preprocessor_config.json`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Preprocess {
    width: u32,
    height: u32,
    resize: bool,
    filter: image::imageops::FilterType,
    rescale: Option<f32>,
    normalize: Option<([f32; 3], [f32; 3])>,
}

/// The in-process ONNX backend.
pub struct VisionEncoderDecoder {
    encoder: Mutex<Session>,
    decoder: Mutex<Session>,
    tokenizer: tokenizers::Tokenizer,
    preprocess: Preprocess,
    start: u32,
    eos: Vec<u32>,
    max_new_tokens: usize,
    time_budget: Duration,
    /// `past_key_values.*` inputs with `(heads, head_dim)`.
    past_inputs: Vec<(String, [usize; 2])>,
    decoder_inputs: Vec<String>,
    digests: Vec<ModelDigest>,
}

impl fmt::Debug for VisionEncoderDecoder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VisionEncoderDecoder")
            .field("digests", &self.digests)
            .finish_non_exhaustive()
    }
}

fn config_err(file: &'static str, reason: &'static str) -> CaptionError {
    CaptionError::ModelConfig { file, reason }
}

fn read(dir: &Path, file: &'static str) -> Result<Vec<u8>, CaptionError> {
    obscura_onnx::read_capped(&dir.join(file)).map_err(|e| CaptionError::ModelFile {
        file,
        kind: e.kind(),
    })
}

fn json(file: &'static str, bytes: &[u8]) -> Result<Value, CaptionError> {
    serde_json::from_slice(bytes).map_err(|_| config_err(file, "not JSON"))
}

fn token_id(v: &Value) -> Option<u32> {
    v.as_u64().and_then(|n| u32::try_from(n).ok())
}

impl VisionEncoderDecoder {
    /// Loads the model folder `dir` (see the module docs) with sessions from `env`.
    pub fn load(env: &Environment, dir: &Path, limits: DecodeLimits) -> Result<Self, Error> {
        let mut digests = Vec::with_capacity(FILES.len());
        let mut files = Vec::with_capacity(FILES.len());
        for file in FILES {
            let bytes = Zeroizing::new(read(dir, file)?);
            digests.push(ModelDigest {
                name: format!("caption/onnx/{file}"),
                sha256: obscura_onnx::sha256(&bytes),
            });
            files.push(bytes);
        }
        let [
            encoder,
            decoder,
            tokenizer,
            preprocessor,
            generation,
            config,
        ] = <[Zeroizing<Vec<u8>>; 6]>::try_from(files)
            .map_err(|_| config_err(CONFIG, "file list"))?;
        let preprocess = parse_preprocess(&json(PREPROCESSOR, &preprocessor)?)?;
        let generation = json(GENERATION, &generation)?;
        let config = json(CONFIG, &config)?;
        let field = |name: &str| {
            generation
                .get(name)
                .filter(|v| !v.is_null())
                .or_else(|| config.get(name).filter(|v| !v.is_null()))
                .or_else(|| config.get("decoder").and_then(|d| d.get(name)))
        };
        let start = field("decoder_start_token_id")
            .and_then(token_id)
            .ok_or(config_err(GENERATION, "no decoder_start_token_id"))?;
        let eos = match field("eos_token_id") {
            Some(Value::Array(ids)) => ids.iter().filter_map(token_id).collect(),
            Some(v) => token_id(v).into_iter().collect(),
            None => Vec::new(),
        };
        let model_max = generation
            .get("max_new_tokens")
            .and_then(Value::as_u64)
            .or_else(|| {
                generation
                    .get("max_length")
                    .and_then(Value::as_u64)
                    .map(|n| n.saturating_sub(1))
            })
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(usize::MAX);
        let tokenizer = tokenizers::Tokenizer::from_bytes(tokenizer.as_slice()).map_err(|_| {
            CaptionError::Tokenizer {
                reason: "tokenizer.json could not be loaded",
            }
        })?;
        let encoder = obscura_onnx::session_from_memory(env, ENCODER, &encoder)?;
        let decoder = obscura_onnx::session_from_memory(env, DECODER, &decoder)?;
        let mut past_inputs = Vec::new();
        let mut decoder_inputs = Vec::new();
        for input in decoder.inputs() {
            let name = input.name().to_owned();
            if name.starts_with("past_key_values.") {
                let ValueType::Tensor { shape, .. } = input.dtype() else {
                    return Err(config_err(DECODER, "past input is not a tensor").into());
                };
                let dim = |i: usize| {
                    shape
                        .get(i)
                        .and_then(|&d| usize::try_from(d).ok())
                        .filter(|&d| d > 0)
                };
                let (Some(heads), Some(head_dim), 4) = (dim(1), dim(3), shape.len()) else {
                    return Err(
                        config_err(DECODER, "past input is not [b, heads, seq, dim]").into(),
                    );
                };
                past_inputs.push((name, [heads, head_dim]));
            } else {
                decoder_inputs.push(name);
            }
        }
        for name in &decoder_inputs {
            if !matches!(
                name.as_str(),
                "input_ids"
                    | "encoder_hidden_states"
                    | "use_cache_branch"
                    | "attention_mask"
                    | "decoder_attention_mask"
                    | "encoder_attention_mask"
            ) {
                return Err(config_err(DECODER, "unsupported decoder input").into());
            }
        }
        Ok(Self {
            encoder: Mutex::new(encoder),
            decoder: Mutex::new(decoder),
            tokenizer,
            preprocess,
            start,
            eos,
            max_new_tokens: limits.max_new_tokens.min(model_max),
            time_budget: limits.time_budget,
            past_inputs,
            decoder_inputs,
            digests,
        })
    }

    /// Greedy decoding: the generated ids, start token first (as `transformers.generate`
    /// returns them).
    pub fn generate(&self, pixels: &RgbPixels) -> Result<TokenIds, Error> {
        let started = Instant::now();
        let fail = |model: &'static str| {
            move |e: ort::Error| CaptionError::Inference {
                model,
                detail: e.to_string(),
            }
        };
        let (shape, data) = self.pixel_values(pixels)?;
        let hidden = {
            let input =
                Tensor::<f32>::from_array((shape, data.to_vec())).map_err(fail("encoder"))?;
            let mut encoder = self.encoder.lock().map_err(|_| Error::Poisoned)?;
            let mut outputs = encoder
                .run(ort::inputs!["pixel_values" => input])
                .map_err(fail("encoder"))?;
            outputs
                .remove("last_hidden_state")
                .ok_or(CaptionError::ModelOutput {
                    model: "encoder",
                    reason: "no last_hidden_state",
                })?
        };
        let encoder_len = match hidden.dtype() {
            ValueType::Tensor { shape, .. } => shape
                .get(1)
                .and_then(|&d| usize::try_from(d).ok())
                .unwrap_or(0),
            _ => 0,
        };
        let mut ids = Zeroizing::new(vec![self.start]);
        let mut past: Vec<(String, DynValue)> = Vec::with_capacity(self.past_inputs.len());
        for (name, [heads, head_dim]) in &self.past_inputs {
            let zeros = vec![0f32; heads * head_dim];
            let tensor = Tensor::<f32>::from_array(([1, *heads, 1, *head_dim], zeros))
                .map_err(fail("decoder"))?;
            past.push((name.clone(), tensor.into_dyn()));
        }
        let mut decoder = self.decoder.lock().map_err(|_| Error::Poisoned)?;
        for step in 0..self.max_new_tokens {
            if started.elapsed() >= self.time_budget {
                break;
            }
            let last = ids.last().copied().unwrap_or(self.start);
            let mut inputs: Vec<(Cow<'_, str>, SessionInputValue<'_>)> =
                Vec::with_capacity(self.decoder_inputs.len() + past.len());
            for name in &self.decoder_inputs {
                let value: SessionInputValue<'_> = match name.as_str() {
                    "input_ids" => Tensor::<i64>::from_array(([1usize, 1], vec![i64::from(last)]))
                        .map_err(fail("decoder"))?
                        .into(),
                    "encoder_hidden_states" => (&hidden).into(),
                    "use_cache_branch" => Tensor::<bool>::from_array(([1usize], vec![step > 0]))
                        .map_err(fail("decoder"))?
                        .into(),
                    "encoder_attention_mask" => {
                        Tensor::<i64>::from_array(([1usize, encoder_len], vec![1i64; encoder_len]))
                            .map_err(fail("decoder"))?
                            .into()
                    }
                    // attention_mask / decoder_attention_mask: every position so far.
                    _ => Tensor::<i64>::from_array(([1usize, ids.len()], vec![1i64; ids.len()]))
                        .map_err(fail("decoder"))?
                        .into(),
                };
                inputs.push((Cow::Borrowed(name.as_str()), value));
            }
            for (name, value) in &past {
                inputs.push((Cow::Borrowed(name.as_str()), value.into()));
            }
            let outputs = decoder.run(inputs).map_err(fail("decoder"))?;
            let mut next = None;
            let mut presents = Vec::with_capacity(past.len());
            for (name, value) in outputs {
                if name == "logits" {
                    next = Some(argmax_last(&value)?);
                } else if let Some(rest) = name.strip_prefix("present.") {
                    presents.push((format!("past_key_values.{rest}"), value));
                }
            }
            let next = next.ok_or(CaptionError::ModelOutput {
                model: "decoder",
                reason: "no logits",
            })?;
            for (name, value) in presents {
                if let Some(slot) = past.iter_mut().find(|(n, _)| *n == name) {
                    slot.1 = value;
                }
            }
            ids.push(next);
            if self.eos.contains(&next) {
                break;
            }
        }
        Ok(TokenIds(ids))
    }

    /// `pixel_values` for `pixels`: resized, rescaled, normalized, `[1, 3, H, W]` RGB.
    fn pixel_values(&self, pixels: &RgbPixels) -> Result<([usize; 4], Zeroizing<Vec<f32>>), Error> {
        let p = self.preprocess;
        let resized;
        let (w, h, rgb): (u32, u32, &[u8]) =
            if p.resize && (pixels.width(), pixels.height()) != (p.width, p.height) {
                let image = image::RgbImage::from_raw(
                    pixels.width(),
                    pixels.height(),
                    pixels.as_bytes().to_vec(),
                )
                .ok_or(Error::PixelBufferSize {
                    width: pixels.width(),
                    height: pixels.height(),
                    len: pixels.as_bytes().len(),
                })?;
                resized = Zeroizing::new(
                    image::imageops::resize(&image, p.width, p.height, p.filter).into_raw(),
                );
                drop(Zeroizing::new(image.into_raw()));
                (p.width, p.height, resized.as_slice())
            } else {
                (pixels.width(), pixels.height(), pixels.as_bytes())
            };
        let plane = (w as usize) * (h as usize);
        let mut out = Zeroizing::new(vec![0f32; plane * 3]);
        let scale = p.rescale.unwrap_or(1.0);
        let (mean, std) = p.normalize.unwrap_or(([0.0; 3], [1.0; 3]));
        for (i, px) in rgb.chunks_exact(3).enumerate() {
            for (c, &v) in px.iter().enumerate() {
                let (Some(m), Some(s)) = (mean.get(c), std.get(c)) else {
                    continue;
                };
                if let Some(slot) = out.get_mut(c * plane + i) {
                    *slot = (f32::from(v) * scale - m) / s;
                }
            }
        }
        Ok(([1, 3, h as usize, w as usize], out))
    }
}

/// The argmax over the vocabulary at the last position of `logits [1, seq, vocab]`.
fn argmax_last(logits: &DynValue) -> Result<u32, CaptionError> {
    let bad = |reason| CaptionError::ModelOutput {
        model: "decoder",
        reason,
    };
    let (shape, data) = logits
        .try_extract_tensor::<f32>()
        .map_err(|_| bad("logits are not f32"))?;
    let vocab = shape
        .last()
        .and_then(|&d| usize::try_from(d).ok())
        .filter(|&d| d > 0)
        .ok_or(bad("logits have no vocabulary axis"))?;
    let row = data
        .len()
        .checked_sub(vocab)
        .and_then(|start| data.get(start..))
        .ok_or(bad("logits are empty"))?;
    let mut best = (0usize, f32::NEG_INFINITY);
    for (i, &v) in row.iter().enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    u32::try_from(best.0).map_err(|_| bad("vocabulary too large"))
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "configuration floats are rounded to f32, the precision the model runs at"
)]
fn parse_preprocess(v: &Value) -> Result<Preprocess, CaptionError> {
    let err = |reason| config_err(PREPROCESSOR, reason);
    let flag = |name: &str| v.get(name).and_then(Value::as_bool).unwrap_or(true);
    let side = |s: Option<&Value>| {
        s.and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|&n| (1..=MAX_INPUT_SIDE).contains(&n))
    };
    let size = v.get("size");
    let (width, height) = match (
        side(size.and_then(|s| s.get("width"))),
        side(size.and_then(|s| s.get("height"))),
        side(size.and_then(|s| s.get("shortest_edge")).or(size)),
    ) {
        (Some(w), Some(h), _) => (w, h),
        (_, _, Some(edge)) => (edge, edge),
        _ => return Err(err("size must be {height, width} or a square edge")),
    };
    let filter = match v.get("resample").and_then(Value::as_u64).unwrap_or(2) {
        0 => image::imageops::FilterType::Nearest,
        1 => image::imageops::FilterType::Lanczos3,
        2 => image::imageops::FilterType::Triangle,
        3 => image::imageops::FilterType::CatmullRom,
        _ => return Err(err("unsupported resample filter")),
    };
    let rescale = flag("do_rescale").then(|| {
        v.get("rescale_factor")
            .and_then(Value::as_f64)
            .map_or(1.0 / 255.0, |f| f as f32)
    });
    let triple = |name: &str| -> Result<[f32; 3], CaptionError> {
        let list = v
            .get(name)
            .and_then(Value::as_array)
            .ok_or(err("image_mean/image_std missing"))?;
        let mut out = [0f32; 3];
        if list.len() != 3 {
            return Err(err("image_mean/image_std must have 3 entries"));
        }
        for (slot, x) in out.iter_mut().zip(list) {
            *slot = x.as_f64().ok_or(err("image_mean/image_std not numbers"))? as f32;
        }
        Ok(out)
    };
    let normalize = if flag("do_normalize") {
        let std = triple("image_std")?;
        if std.iter().any(|&s| s == 0.0 || !s.is_finite()) {
            return Err(err("image_std must be non-zero"));
        }
        Some((triple("image_mean")?, std))
    } else {
        None
    };
    Ok(Preprocess {
        width,
        height,
        resize: flag("do_resize"),
        filter,
        rescale,
        normalize,
    })
}

impl Captioner for VisionEncoderDecoder {
    fn caption(&self, input: &CaptionInput<'_>) -> Result<SecretText, Error> {
        let ids = self.generate(input.pixels)?;
        let text =
            self.tokenizer
                .decode(ids.expose(), true)
                .map_err(|_| CaptionError::Tokenizer {
                    reason: "decoding failed",
                })?;
        Ok(SecretText::new(text.trim().to_owned()))
    }

    fn identity(&self) -> CaptionerIdentity {
        CaptionerIdentity {
            backend: CaptionBackend::OnnxEncoderDecoder,
            models: self.digests.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preprocessor_configs() {
        let vit = serde_json::json!({
            "do_resize": true, "size": {"height": 224, "width": 224}, "resample": 2,
            "do_rescale": true, "rescale_factor": 0.5, "do_normalize": true,
            "image_mean": [0.5, 0.5, 0.5], "image_std": [0.25, 0.5, 1.0]
        });
        assert_eq!(
            parse_preprocess(&vit),
            Ok(Preprocess {
                width: 224,
                height: 224,
                resize: true,
                filter: image::imageops::FilterType::Triangle,
                rescale: Some(0.5),
                normalize: Some(([0.5; 3], [0.25, 0.5, 1.0])),
            })
        );
        let edge = serde_json::json!({"size": {"shortest_edge": 384}, "do_normalize": false});
        let p = parse_preprocess(&edge).unwrap();
        assert_eq!((p.width, p.height, p.normalize), (384, 384, None));
        for (bad, reason) in [
            (
                serde_json::json!({}),
                "size must be {height, width} or a square edge",
            ),
            (
                serde_json::json!({"size": 0}),
                "size must be {height, width} or a square edge",
            ),
            (
                serde_json::json!({"size": 8, "resample": 9}),
                "unsupported resample filter",
            ),
            (
                serde_json::json!({"size": 8}),
                "image_mean/image_std missing",
            ),
            (
                serde_json::json!({"size": 8, "image_mean": [0, 0], "image_std": [1, 1]}),
                "image_mean/image_std must have 3 entries",
            ),
            (
                serde_json::json!({"size": 8, "image_mean": [0, 0, 0], "image_std": [1, 0, 1]}),
                "image_std must be non-zero",
            ),
        ] {
            assert_eq!(
                parse_preprocess(&bad),
                Err(config_err(PREPROCESSOR, reason)),
                "{bad}"
            );
        }
    }

    #[test]
    fn token_ids_never_print() {
        let ids = TokenIds(Zeroizing::new(vec![1, 2, 3]));
        assert_eq!(format!("{ids:?}"), "<redacted 3 token ids>");
    }
}
