#!/usr/bin/env python3
"""Generate the toy image-to-text model the enclave's caption tests run.

A tiny random-weight VisionEncoderDecoder (ViT encoder + GPT-2 decoder) built from configs
only, with a tiny WordLevel tokenizer written here: nothing comes from a model hub
(HF_HUB_OFFLINE=1). It is exported in Hugging Face Optimum's `image-to-text` layout
(`encoder_model.onnx`, `decoder_model_merged.onnx` with past key/values and
`use_cache_branch`, `tokenizer.json`, `preprocessor_config.json`, `generation_config.json`,
`config.json`), then `model.generate` runs greedily on a fixed synthetic image (written as
`image.png`) and the ids it produced go to `expected.json`. The Rust decoder must reproduce
them exactly (enclave/tests/caption_onnx.rs).

Pinned versions (CPU is enough; PyPI's torch wheel also pulls its CUDA libraries, about
3 GB, unused here). In a venv outside the repo, e.g. /work/venv-caption:

    pip install torch==2.9.1 transformers==4.57.6 optimum==2.1.0 optimum-onnx==0.1.0 \
        onnx==1.23.2 onnxruntime==1.23.2 tokenizers==0.22.2 pillow==13.0.0 numpy==2.4.6

(the script prints the versions it actually ran with into expected.json).

Usage: python scripts/gen_toy_caption_model.py [OUT_DIR]   (default enclave/testdata/caption-toy)
"""

import json
import os
import shutil
import sys
import tempfile

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402
from tokenizers import Tokenizer, decoders, models, pre_tokenizers  # noqa: E402

import transformers  # noqa: E402
from transformers import (  # noqa: E402
    GPT2Config,
    GenerationConfig,
    PreTrainedTokenizerFast,
    ViTConfig,
    ViTImageProcessor,
    VisionEncoderDecoderConfig,
    VisionEncoderDecoderModel,
)

SEED = 20261125
IMAGE_SIZE = 32
MAX_NEW_TOKENS = 12
WORDS = [
    "a", "an", "the", "image", "photo", "radiograph", "chest", "of", "with", "person",
    "people", "man", "woman", "text", "label", "hand", "dog", "cat", "street", "room",
    "table", "window", "sign", "lateral", "view", "portable", "grey", "colour", "small",
    "large", "in", "on", "and", "is", "two", "one", "left", "right", "front", "back",
]
SPECIALS = ["<pad>", "<bos>", "<eos>", "<unk>"]


def build_tokenizer(out_dir):
    vocab = {tok: i for i, tok in enumerate(SPECIALS + WORDS)}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.decoder = decoders.WordPiece(prefix="##", cleanup=True)
    tok.add_special_tokens(SPECIALS)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        bos_token="<bos>",
        eos_token="<eos>",
        unk_token="<unk>",
    )
    fast.save_pretrained(out_dir)
    return fast, len(vocab)


def synthetic_image():
    """A fixed 32x32 RGB pattern: a grey gradient with a colour square and a bright bar."""
    y, x = np.mgrid[0:IMAGE_SIZE, 0:IMAGE_SIZE]
    img = np.zeros((IMAGE_SIZE, IMAGE_SIZE, 3), dtype=np.uint8)
    grey = (x * 255 // (IMAGE_SIZE - 1)).astype(np.uint8)
    img[..., 0] = grey
    img[..., 1] = grey
    img[..., 2] = (y * 255 // (IMAGE_SIZE - 1)).astype(np.uint8)
    img[4:12, 18:28] = [200, 30, 40]
    img[22:25, 3:29] = [250, 250, 250]
    return Image.fromarray(img, mode="RGB")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "enclave/testdata/caption-toy"
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(SEED)
    np.random.seed(SEED)

    work = tempfile.mkdtemp(prefix="toy-caption-")
    hf_dir = os.path.join(work, "hf")
    os.makedirs(hf_dir)
    tokenizer, vocab_size = build_tokenizer(hf_dir)
    pad, bos, eos = (tokenizer.convert_tokens_to_ids(t) for t in ("<pad>", "<bos>", "<eos>"))

    encoder = ViTConfig(
        image_size=IMAGE_SIZE,
        patch_size=8,
        num_channels=3,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        initializer_range=0.5,
    )
    decoder = GPT2Config(
        vocab_size=vocab_size,
        n_positions=64,
        n_embd=32,
        n_layer=2,
        n_head=2,
        n_inner=64,
        bos_token_id=bos,
        eos_token_id=eos,
        pad_token_id=pad,
        add_cross_attention=True,
        is_decoder=True,
        # Large random weights keep greedy decoding far from near-ties between tokens.
        initializer_range=0.5,
    )
    config = VisionEncoderDecoderConfig.from_encoder_decoder_configs(encoder, decoder)
    config.decoder_start_token_id = bos
    config.pad_token_id = pad
    config.eos_token_id = eos
    model = VisionEncoderDecoderModel(config=config).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=bos,
        bos_token_id=bos,
        eos_token_id=eos,
        pad_token_id=pad,
        max_new_tokens=MAX_NEW_TOKENS,
        do_sample=False,
        num_beams=1,
    )
    processor = ViTImageProcessor(
        do_resize=True,
        size={"height": IMAGE_SIZE, "width": IMAGE_SIZE},
        resample=2,
        do_rescale=True,
        rescale_factor=1 / 255,
        do_normalize=True,
        image_mean=[0.5, 0.5, 0.5],
        image_std=[0.5, 0.5, 0.5],
    )
    model.save_pretrained(hf_dir)
    processor.save_pretrained(hf_dir)

    image = synthetic_image()
    image.save(os.path.join(out_dir, "image.png"))
    pixel_values = processor(images=image, return_tensors="pt").pixel_values
    with torch.no_grad():
        generated = model.generate(pixel_values, generation_config=model.generation_config)
    ids = generated[0].tolist()

    from optimum.exporters.onnx import main_export

    onnx_dir = os.path.join(work, "onnx")
    main_export(
        hf_dir,
        output=onnx_dir,
        task="image-to-text-with-past",
        opset=18,
        device="cpu",
        do_validation=False,
        no_post_process=False,
    )
    keep = [
        "encoder_model.onnx",
        "decoder_model_merged.onnx",
        "tokenizer.json",
        "preprocessor_config.json",
        "generation_config.json",
        "config.json",
    ]
    for name in keep:
        src = os.path.join(onnx_dir, name)
        if not os.path.exists(src):
            src = os.path.join(hf_dir, name)
        shutil.copyfile(src, os.path.join(out_dir, name))

    from importlib.metadata import version

    expected = {
        "seed": SEED,
        "sequence": ids,
        "decoder_start_token_id": bos,
        "eos_token_id": eos,
        "max_new_tokens": MAX_NEW_TOKENS,
        "text": tokenizer.decode(ids, skip_special_tokens=True),
        "versions": {
            "python": sys.version.split()[0],
            "optimum": version("optimum"),
            "torch": version("torch"),
            "transformers": version("transformers"),
            "optimum-onnx": version("optimum-onnx"),
            "onnx": version("onnx"),
            "onnxruntime": version("onnxruntime"),
            "tokenizers": version("tokenizers"),
            "numpy": version("numpy"),
            "pillow": version("pillow"),
        },
    }
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")
    shutil.rmtree(work)
    for name in keep + ["image.png", "expected.json"]:
        size = os.path.getsize(os.path.join(out_dir, name))
        print(f"{name}: {size} bytes")
    print("generated ids:", ids)


if __name__ == "__main__":
    main()
