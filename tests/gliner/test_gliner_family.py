"""The gliner family end to end on a tiny encoder: train (loss falls), save in safetensors with
kp.json, reload offline, predict; long texts read whole; the conformance kit."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kp_core.plugins.registry import get_registry
from kp_core.testing import FamilyConformance, PluginConformance
from tests.gliner.conftest import FILLER

LOAD = {"threads": 1, "device": "cpu"}


class TestGlinerPlugin(PluginConformance):
    plugin_name = "gliner"


@pytest.fixture(scope="module")
def detector(trained: dict):
    return get_registry().family("gliner").load(str(trained["out"]), **LOAD)


def test_training_lowers_the_loss(trained: dict) -> None:
    result, losses = trained["result"], trained["kp"]["metrics"]
    assert result.steps == 300 and result.family == "gliner"
    assert losses["train_loss_final_mean"] < 0.2 * losses["train_loss_first"]
    # A template-disjoint eval the model never saw: it learned more than the templates.
    assert losses["eval_docs"] > 0 and losses["eval_f1"] > 0.3


def test_checkpoint_is_safetensors_with_kp_json(trained: dict) -> None:
    out: Path = trained["out"]
    assert (out / "model.safetensors").is_file() and (out / "gliner_config.json").is_file()
    assert not list(out.glob("*.bin")) and not (out / "checkpoints").exists()
    kp = trained["kp"]
    assert kp["family"] == "gliner" and kp["taxonomy_version"] == "0.2.0"
    assert kp["inference"]["labels"] == {"PERSON": ["person"], "EMAIL": ["email"]}
    assert kp["data"]["train_examples"] + kp["data"]["eval_examples"] == 160


PLANTED = "Gentile Eva Lind, scriva a eva.lind@example.com per domande."


def test_reloaded_offline_model_predicts_kp_spans(detector) -> None:
    # The encoder folder the model was built on is gone (see the fixture): this load is offline.
    # A 300-step tiny model does not learn every type on every platform's float arithmetic, so the
    # check is that the reloaded model finds the planted person or e-mail, with exact offsets.
    [spans] = detector.predict_spans([PLANTED])
    found = {(s.label, s.text) for s in spans}
    assert found & {("PERSON", "Eva Lind"), ("EMAIL", "eva.lind@example.com")}
    assert all(0.5 < s.score <= 1.0 for s in spans)


def test_ten_thousand_words_are_read_to_the_end(detector, trained: dict) -> None:
    filler = " ".join(FILLER[i % len(FILLER)] for i in range(9_980))
    text = f"{filler} . {PLANTED}"
    assert len(text.split()) >= 9_985
    [prediction] = detector.predict([text])
    chunking = prediction.chunking
    # The last window, run on its own, finds spans in the words no other window holds; the long
    # text's prediction must hold exactly those, re-offset. (The last window, not the planted
    # sentence alone: a tiny model's output depends on the context it is given.)
    last_start, last_end = chunking.char_ranges[-1]
    exclusive_from = chunking.char_ranges[-2][1]
    [last] = detector.predict_spans([text[last_start:last_end]])
    expected = {(s.label, s.start + last_start, s.end + last_start) for s in last}
    expected = {span for span in expected if span[1] >= exclusive_from}
    assert expected, "the trained model finds something in the last window's own words"
    assert {(s.label, s.start, s.end) for s in prediction.spans if s.start >= exclusive_from} == expected
    offset = text.index(PLANTED)
    assert any(start >= offset for _, start, _ in expected), "found in the planted sentence at the very end"
    assert chunking.chunked and chunking.covered_words == chunking.words > 9_980
    assert chunking.char_ranges[-1][1] == len(text.rstrip())
    assert all(b - a <= chunking.max_words for a, b in chunking.windows)
    assert chunking.to_json()["chunks"] == len(chunking.windows)

    # The same model through gliner's own API reads only the first max_len words.
    from gliner import GLiNER

    plain = GLiNER.from_pretrained(str(trained["out"]), local_files_only=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entities = plain.predict_entities(text, ["email", "person"], threshold=0.5)
    assert not any(e["start"] >= offset for e in entities)


def test_per_type_thresholds_filter_before_overlap_resolution() -> None:
    """A candidate below its own type's threshold must not block an overlapping valid one."""
    from gliner.decoding.decoder import Span as GSpan

    from kp_gliner.detector import _per_type_thresholds

    class Decoder:
        def greedy_search(self, spans, flat_ner=True, multi_label=False):
            best = max(spans, key=lambda s: s.score, default=None)  # flat: the top span wins
            return [best] if best else []

    decoder = Decoder()
    strong_but_strict = GSpan(start=0, end=1, entity_type="person", score=0.8)
    weak_but_lenient = GSpan(start=1, end=2, entity_type="national id", score=0.3)
    with _per_type_thresholds(decoder, {"person": 0.9, "national id": 0.2}):
        assert decoder.greedy_search([strong_but_strict, weak_but_lenient]) == [weak_but_lenient]
    assert "greedy_search" not in vars(decoder)  # the model's decoder is left as it was
    assert decoder.greedy_search([strong_but_strict, weak_but_lenient]) == [strong_but_strict]


def test_label_override(trained: dict) -> None:
    family = get_registry().family("gliner")
    text = "Il referente Mario Rossi risponde a mario.rossi@example.com entro lunedi."
    default_labels = {s.label for s in family.load(str(trained["out"]), **LOAD).predict_spans([text])[0]}
    only_email = family.load(str(trained["out"]), labels={"EMAIL": "email"}, **LOAD)
    labels = {s.label for s in only_email.predict_spans([text])[0]}
    # Prompted with one type, the model can only answer with that type, whatever it found before.
    assert default_labels - {"EMAIL"}, "the default prompts find a type other than EMAIL here"
    assert labels <= {"EMAIL"}


def test_unknown_load_option_is_an_error(trained: dict) -> None:
    with pytest.raises(Exception, match="unknown gliner option"):
        get_registry().family("gliner").load(str(trained["out"]), tresholds={"EMAIL": 0.3})


class TestGlinerFamily(FamilyConformance):
    family_name = "gliner"

    @pytest.fixture(autouse=True)
    def _checkpoint(self, trained: dict) -> None:
        self._out = trained["out"]

    def model_ref(self, tmp_path: Path) -> str:
        return str(self._out)

    def load_options(self) -> dict:
        return dict(LOAD)
