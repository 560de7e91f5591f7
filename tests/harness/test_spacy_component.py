"""The ``kp_pii`` spaCy component (kp_core.integrations.spacy) on blank pipelines, for real.

The identifiers are made up for these tests (checksums computed); the texts are written here.
"""

from __future__ import annotations

import pytest
import spacy

import kp_core.integrations.spacy as kp_spacy  # registers the kp_pii factory
from kp_core.errors import KpError
from kp_core.sdk import detector
from kp_core.types import Span

PESEL = "92071503788"
FISCAL_CODE = "VRDLCU92M15F205S"
EMAIL = "ana.vidal@example.org"
TEXT = f"Mario Rossi, PESEL {PESEL}, codice fiscale {FISCAL_CODE}, scrive a {EMAIL}."


class Counting:
    """A kp detector that counts the model calls (to see nlp.pipe batch)."""

    def __init__(self, inner) -> None:
        self.inner, self.calls = inner, []

    def predict_spans(self, texts):
        self.calls.append(len(texts))
        return self.inner.predict_spans(texts)


def kp_nlp(lang: str = "it", **config):
    nlp = spacy.blank(lang)
    nlp.add_pipe("kp_pii", config=config)
    return nlp


def test_spans_labels_scores_and_ents_on_a_blank_pipeline() -> None:
    doc = kp_nlp()(TEXT)
    group = doc.spans["pii"]
    [expected] = detector("rules").predict_spans([TEXT])
    assert [(s.start_char, s.end_char, s.label_) for s in group] == [(s.start, s.end, s.label) for s in expected]
    assert {(s.text, s.label_) for s in group} == {
        (PESEL, "NATIONAL_ID"),
        (FISCAL_CODE, "NATIONAL_ID"),
        (EMAIL, "EMAIL"),
    }
    assert group.attrs["scores"] == [pytest.approx(s.score) for s in expected]
    assert [(e.text, e.label_) for e in doc.ents] == [(s.text, s.label_) for s in group]


def test_offsets_that_cut_a_token_expand_to_the_token() -> None:
    nlp = kp_nlp()
    doc = nlp.make_doc("Scrivere a Massimiliano oggi.")
    component = nlp.get_pipe("kp_pii")
    component.annotate(doc, [Span(13, 17, "PERSON", 0.5), Span(23, 24, "DATE")])  # "ssim"; a space
    assert [(s.text, s.label_) for s in doc.spans["pii"]] == [("Massimiliano", "PERSON")]
    assert doc.spans["pii"].attrs["scores"] == [0.5]


def test_existing_entities_are_kept_and_overlaps_not_added() -> None:
    nlp = spacy.blank("it")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Mario Rossi"}, {"label": "ID_DOC", "pattern": PESEL}])
    nlp.add_pipe("kp_pii")
    doc = nlp(TEXT)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ents == [("Mario Rossi", "PER"), (PESEL, "ID_DOC"), (FISCAL_CODE, "NATIONAL_ID"), (EMAIL, "EMAIL")]
    assert (PESEL, "NATIONAL_ID") in {(s.text, s.label_) for s in doc.spans["pii"]}  # the span group has it all


def test_two_spans_expanded_to_one_token_give_one_entity() -> None:
    nlp = kp_nlp("en")
    doc = nlp.make_doc("x ab12cd y")
    nlp.get_pipe("kp_pii").annotate(doc, [Span(2, 4, "SECRET", 0.9), Span(4, 6, "ACCOUNT_ID", 0.8)])
    assert len(doc.spans["pii"]) == 2 and [(e.text) for e in doc.ents] == ["ab12cd"]


def test_pipe_batches_the_model_calls_and_matches_single_calls() -> None:
    nlp = kp_nlp(batch_size=2)
    component = nlp.get_pipe("kp_pii")
    component.detector = counting = Counting(component.detector)
    texts = [TEXT, "Nessun dato qui.", f"PESEL {PESEL}.", EMAIL, TEXT]
    docs = list(nlp.pipe(texts))
    assert counting.calls == [2, 2, 1]
    single = [nlp(t) for t in texts]
    for a, b in zip(docs, single, strict=True):
        assert [(s.start, s.end, s.label_) for s in a.spans["pii"]] == [
            (s.start, s.end, s.label_) for s in b.spans["pii"]
        ]
    counting.calls.clear()
    assert len(list(nlp.pipe(texts, batch_size=1))) == 5 and counting.calls == [1] * 5


def test_labels_threshold_and_config() -> None:
    nlp = kp_nlp("en", labels=["EMAIL"], spans_key="kp", set_ents=False)
    doc = nlp(TEXT)
    assert [(s.text, s.label_) for s in doc.spans["kp"]] == [(EMAIL, "EMAIL")]
    assert "pii" not in doc.spans and not doc.ents
    strict = kp_nlp(threshold=0.97)(TEXT)
    assert [s.text for s in strict.spans["pii"]] == [EMAIL]  # the IDs score 0.95
    assert nlp.config["components"]["kp_pii"]["labels"] == ["EMAIL"]
    with pytest.raises(KpError, match="NOT_A_TYPE"):
        kp_nlp(labels=["NOT_A_TYPE"])
    with pytest.raises(KpError, match="batch_size"):
        kp_nlp(batch_size=0)


def test_a_trained_tiny_model(tagger_ref: str) -> None:
    nlp = kp_nlp(model=tagger_ref)
    text = "Mario Rossi, nato il 12/03/1980, abita in Via Roma 5, Milano."
    doc = nlp(text)
    [spans] = detector(tagger_ref).predict_spans([text])
    assert spans
    expected = [doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand") for s in spans]
    assert [(s.start, s.end, s.label_) for s in doc.spans["pii"]] == [
        (s.start, s.end, s.label_) for s in expected if s is not None
    ]
    assert kp_spacy.FACTORY in nlp.pipe_names


def test_the_config_round_trips_through_to_disk_and_spacy_load(tmp_path) -> None:
    kp_nlp(labels=["EMAIL"]).to_disk(tmp_path / "pipeline")
    nlp = spacy.load(tmp_path / "pipeline")
    doc = nlp(TEXT)
    assert nlp.pipe_names == ["kp_pii"]
    assert [(s.text, s.label_) for s in doc.spans["pii"]] == [(EMAIL, "EMAIL")]
