"""Scaffolding shared by the blind corpus generators from generate_blind16.py on: the
template schedule, the word sets the self-checks compare, the record-shape checks and the
JSON-lines writer. Each generator keeps its own names, templates, formats and seed; only
this corpus-independent machinery lives here. Earlier generators are frozen as written (each
carries its own copy), so that their outputs never move.
"""

import json
import os
import re


def words(text):
    """Whole words, lower-cased."""
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def earlier_words(here, last):
    """Every whole word of the corpora before blind<last+1>: generate.py, the heldout, test
    and blind .. blind<last> generators, their .jsonl outputs and names.json."""
    earlier = ["generate.py", "generate_heldout.py", "generate_test.py", "generate_blind.py",
               "names.json", "dev.jsonl", "heldout.jsonl", "test.jsonl", "blind.jsonl"]
    earlier += [f"generate_blind{k}.py" for k in range(2, last + 1)]
    earlier += [f"blind{k}.jsonl" for k in range(2, last + 1)]
    seen = set()
    for f in earlier:
        with open(os.path.join(here, f), encoding="utf-8") as fh:
            seen |= words(fh.read())
    return seen


def schedule(rng, person_templates, trap_templates, named=220, traps=80):
    """The order of the corpus's texts: each template family shuffled and repeated until
    `named` person texts and `traps` trap texts are drawn, then all of them shuffled. Returns
    (kind, template index) pairs, kind "p" or "t"."""
    person_slots = []
    while len(person_slots) < named:
        order = list(range(person_templates))
        rng.shuffle(order)
        person_slots += order
    person_slots = person_slots[:named]
    trap_slots = []
    while len(trap_slots) < traps:
        order = list(range(trap_templates))
        rng.shuffle(order)
        trap_slots += order
    trap_slots = trap_slots[:traps]
    jobs = [("p", i) for i in person_slots] + [("t", i) for i in trap_slots]
    rng.shuffle(jobs)
    return jobs


def check_shape(records, uses, named=220, traps=80):
    """Checks the records' counts, spans and template use: `named` texts with a person and
    `traps` with no identifier, spans non-empty, trimmed and in order, PERSON spans (and only
    they) with a person key and no possessive, at least 80 templates used at most five times
    each, and at least 100 texts of 30-150 words."""
    assert len(records) == named + traps
    with_person = sum(1 for r in records if any(e["type"] == "PERSON" for e in r["entities"]))
    empty = sum(1 for r in records if not r["entities"])
    assert (with_person, empty) == (named, traps), (with_person, empty)
    for r in records:
        last = 0
        for e in r["entities"]:
            s = r["text"][e["start"]:e["end"]]
            assert s and s == s.strip(), (r["id"], s)
            assert e["start"] >= last, r["id"]
            last = e["end"]
            assert (e["type"] == "PERSON") == ("person" in e), r["id"]
            if e["type"] == "PERSON":
                assert not s.endswith("'s"), (r["id"], s)
    assert len(uses) >= 80, len(uses)
    assert max(uses.values()) <= 5, max(uses.values())
    mid = sum(1 for r in records if 30 <= len(r["text"].split()) <= 150)
    assert mid >= 100, mid


class TemplateDoc:
    """One text and its gold spans, built by construction from a template: `[a|b]` picks one
    alternative at random, `{name}` is filled by the subclass's `slot`, which appends through
    `add` so every span's offsets are known as it is written (never searched for later)."""

    TOKEN = re.compile(r"\[([^\[\]]*)\]|\{([^{}]+)\}")

    def __init__(self, rng):
        self.rng = rng
        self.text = ""
        self.ents = []

    def add(self, s, kind=None, pid=None):
        """Appends `s`; with `kind`, records it as a gold span (with `pid` for a PERSON)."""
        start = len(self.text)
        self.text += s
        if kind:
            e = {"start": start, "end": len(self.text), "type": kind}
            if pid:
                e["person"] = pid
            self.ents.append(e)

    def render(self, tmpl):
        """Appends the template, choosing alternatives and filling slots."""
        pos = 0
        for m in self.TOKEN.finditer(tmpl):
            self.add(tmpl[pos:m.start()])
            pos = m.end()
            if m.group(1) is not None:
                self.render(self.rng.choice(m.group(1).split("|")))
            else:
                self.slot(m.group(2))
        self.add(tmpl[pos:])

    def slot(self, name):
        """Fills one `{name}` slot (corpus-specific)."""
        raise NotImplementedError(name)


def write_jsonl(path, records):
    """Writes one JSON object per line, UTF-8, no ASCII escapes, Unix newlines."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
