"""The main job trains on generated text only: no sentence of its training file is a dev sentence.

Sentences are compared as skeletons (every gold span replaced by its label, case and spacing
folded), so a template copied from a dev document is caught whatever values fill it. Only
sentences of 8 words or more count: shorter ones ("Oggetto: pratica n. <CASE_NUMBER>") are
common phrases of a language, not copies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from kp_core.cli.main_job import main, main_training_rows

MIN_WORDS = 8
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")


def skeleton_sentences(text: str, spans: Iterable[dict]) -> set[str]:
    """The text's sentences of MIN_WORDS+ words, each span replaced by ``<LABEL>``."""
    parts, at = [], 0
    for span in sorted(spans, key=lambda s: s["start"]):
        parts += [text[at : span["start"]], f"<{span['label']}>"]
        at = span["end"]
    masked = "".join([*parts, text[at:]])
    out = set()
    for sentence in _SENTENCE_END.split(masked):
        words = sentence.casefold().split()
        if len(words) >= MIN_WORDS:
            out.add(" ".join(words))
    return out


def dev_skeletons(dev_dir: Path, echr_dir: Path) -> dict[str, tuple[str, int]]:
    """Every dev sentence skeleton, with the file and row it comes from (never its text)."""
    files = sorted(dev_dir.glob("*_realskeleton_rows.json")) + sorted(echr_dir.glob("*-all-dev.json"))
    assert len(files) == 6, files
    found: dict[str, tuple[str, int]] = {}
    for path in files:
        for index, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            for sentence in skeleton_sentences(row["text"], row["spans"]):
                found.setdefault(sentence, (path.name, index))
    return found


def _spans(text: str, values: dict[str, str]) -> list[dict]:
    return [{"start": (at := text.index(v)), "end": at + len(v), "label": label} for v, label in values.items()]


def test_skeletons_see_a_copied_template_whatever_fills_it() -> None:
    a = "Il ricorrente, Mario Rossi, nato a Roma, ha presentato ricorso il 3 marzo 2001."
    b = "Il ricorrente, Anna Bianchi, nato a Milano, ha presentato ricorso il 9 aprile 1999."
    spans_a = _spans(a, {"Mario Rossi": "PERSON", "Roma": "ADDRESS", "3 marzo 2001": "DATE"})
    spans_b = _spans(b, {"Anna Bianchi": "PERSON", "Milano": "ADDRESS", "9 aprile 1999": "DATE"})
    assert skeleton_sentences(a, spans_a) == skeleton_sentences(b, spans_b) != set()
    assert skeleton_sentences("Nr. 12 del 2020.", []) == set()  # under 8 words


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_main_job_training_file_shares_no_sentence_with_dev_files(dev_dir, echr_dir, seed: int) -> None:
    docs = next(p.default for p in main.params if p.name == "docs")
    dev = dev_skeletons(dev_dir, echr_dir)
    assert len(dev) > 500  # the comparison has something to compare with
    shared = []
    for row in main_training_rows(docs, seed):
        for sentence in skeleton_sentences(row["text"], row["spans"]):
            if sentence in dev:
                shared.append((row["doc_id"], *dev[sentence]))
    # Names documents and rows only: dev sentences may hold personal data outside their spans.
    assert not shared, f"{len(shared)} training sentences are dev sentences, e.g. {shared[:5]}"
