"""Operating-point calibration (framework-free): coordinate descent over cached log-probabilities."""

from __future__ import annotations

import json
import random

import attrs
import numpy as np
import pytest

from kp_core.decoding import OperatingPoint, kp_space
from kp_core.decoding.calibration import (
    CALIBRATION_JSON,
    OPERATING_POINT_JSON,
    CalibrationError,
    DevSet,
    LogprobSource,
    calibrate,
    objective_key,
    save_calibration,
)
from kp_core.types import Example, Span

SPACE = kp_space()
S_PERSON = SPACE.label2id["S-PERSON"]
OUTSIDE = SPACE.outside


@attrs.frozen
class Scores:
    offsets: np.ndarray
    logprobs: np.ndarray
    decode_mask: np.ndarray | None = None


def _row(p_o: float, p_person: float) -> np.ndarray:
    rest = (1.0 - p_o - p_person) / (len(SPACE) - 2)
    row = np.full(len(SPACE), rest)
    row[OUTSIDE], row[S_PERSON] = p_o, p_person
    return np.log(row)


# Per-word probabilities of (O, S-PERSON). Names are a hair under O (the default operating point
# misses them); decoys need a much larger push. A bias between the two separates them.
KINDS = {"name": (0.55, 0.40), "decoy": (0.80, 0.15), "word": (0.97, 0.02)}


class UnderDetectingModel:
    """A fake detector: one subword per whitespace word, log-probabilities set by the word's kind."""

    space = SPACE

    def __init__(self, docs: list[list[tuple[str, str]]]) -> None:
        self.by_text = {}
        self.examples = []
        for words in docs:
            text, offsets, rows, spans = "", [], [], []
            for surface, kind in words:
                if text:
                    text += " "
                offsets.append((len(text), len(text) + len(surface)))
                rows.append(_row(*KINDS[kind]))
                if kind == "name":
                    spans.append(Span(len(text), len(text) + len(surface), "PERSON"))
                text += surface
            self.by_text[text] = Scores(np.array(offsets), np.stack(rows))
            self.examples.append(Example(text=text, spans=spans))
        self.calls = 0

    def score_documents(self, texts):
        self.calls += 1
        return [self.by_text[t] for t in texts]


def _docs(n: int, seed: int = 0) -> list[list[tuple[str, str]]]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        words = [(f"w{rng.randint(0, 999)}", "word") for _ in range(rng.randint(4, 9))]
        words.insert(rng.randint(0, len(words)), (f"Name{rng.randint(0, 99)}", "name"))
        if rng.random() < 0.5:
            words.insert(rng.randint(0, len(words)), (f"Decoy{rng.randint(0, 99)}", "decoy"))
        docs.append(words)
    return docs


@pytest.fixture(scope="module")
def model():
    return UnderDetectingModel(_docs(40))


def test_fake_model_is_a_logprob_source(model):
    assert isinstance(model, LogprobSource)


def test_default_point_under_detects_and_recall_at_precision_fixes_it(model):
    result = calibrate(model, model.examples, objective="recall@precision", precision_floor=0.9)
    assert result.before.recall == 0.0
    assert result.after.recall == 1.0
    assert result.after.precision >= 0.9
    assert result.operating_point != OperatingPoint()
    assert model.calls == 1  # the model ran once; only decoding repeats
    assert result.evaluations > 10 and result.documents == 40


def test_f1_and_leak_objectives_improve(model):
    f1 = calibrate(model, model.examples, objective="f1")
    assert f1.after.f1 > f1.before.f1 and f1.after.f1 == 1.0
    leak = calibrate(model, model.examples, objective="leak", precision_floor=0.9)
    assert leak.before.leak_rate == 1.0
    assert leak.after.leak_rate == 0.0 and leak.after.precision >= 0.9


def test_precision_floor_is_respected_when_recall_costs_precision():
    # Names and decoys look alike: full recall costs precision, so a 0.99 floor must keep decoys out.
    docs = [[("a", "word"), ("Ann", "name")], [("b", "word"), ("Zed", "decoy")]] * 10
    model = UnderDetectingModel(docs)
    model.by_text = {
        t: Scores(s.offsets, np.stack([_row(0.6, 0.39) if i else _row(0.97, 0.02) for i in range(len(s.offsets))]))
        for t, s in model.by_text.items()
    }
    result = calibrate(model, model.examples, objective="recall@precision", precision_floor=0.99)
    # Names and decoys have identical scores: any point that finds names finds decoys too (P 0.5).
    assert result.after.recall == 0.0
    loose = calibrate(model, model.examples, objective="recall@precision", precision_floor=0.4)
    assert loose.after.recall == 1.0 and loose.after.precision == pytest.approx(0.5)


def test_search_starts_from_the_sources_current_point(model):
    class WithPoint(UnderDetectingModel):
        operating_point = OperatingPoint(background_to_start=1.0)

    shifted = WithPoint(_docs(10, seed=3))
    result = calibrate(shifted, shifted.examples, objective="f1", max_rounds=1)
    assert result.before == DevSet(shifted, shifted.examples).evaluate(WithPoint.operating_point)
    assert result.before.recall > 0.0  # the neutral point finds none: the search began where the model is


def test_save_writes_a_loadable_point_and_a_record(model, tmp_path):
    result = calibrate(model, model.examples, objective="recall@precision", precision_floor=0.9)
    point_path, record_path = save_calibration(result, tmp_path)
    assert point_path == tmp_path / OPERATING_POINT_JSON and record_path == tmp_path / CALIBRATION_JSON
    assert OperatingPoint.load(point_path) == result.operating_point
    record = json.loads(record_path.read_text())
    assert record["objective"] == "recall@precision" and record["after"]["recall"] == 1.0


def test_errors(model):
    with pytest.raises(CalibrationError, match="log-probabilities"):
        DevSet(object(), model.examples)  # type: ignore[arg-type]
    with pytest.raises(CalibrationError, match="unknown objective"):
        objective_key("accuracy", 0.9)
    two_in_one = Example(text="AnnBob x", spans=[Span(0, 3, "PERSON"), Span(3, 6, "PERSON")])
    with pytest.raises(CalibrationError, match="no dev document"):
        DevSet(model, [two_in_one])


def test_unscorable_documents_are_counted(model):
    two_in_one = Example(text="AnnBob x", spans=[Span(0, 3, "PERSON"), Span(3, 6, "PERSON")])
    result = calibrate(model, [*model.examples[:5], two_in_one], objective="f1", max_rounds=1)
    assert result.unscorable_documents == 1 and result.documents == 5
