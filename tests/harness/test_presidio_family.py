"""The ``presidio`` family (kp-presidio): Presidio's analyzer for real, offline, mapped to KP types.

Every identifier below is made up for these tests (checksums computed, never taken from the dev
data); the texts are written here.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from kp_core.plugins.registry import get_registry
from kp_core.taxonomy.crosswalk import mapped_labels
from kp_core.testing import FamilyConformance, PluginConformance
from kp_presidio.detector import PresidioRunError, load
from kp_presidio.engine import EngineError
from kp_presidio.mappings import HARNESS, KP, MappingError, default_mapping, table
from kp_presidio.reference import PresidioReferenceError, parse_reference

EMAIL = "ana.vidal@example.org"
IBAN = "IT60X0542811101000000123456"
PHONE = "+44 20 7946 0958"
PESEL = "92071503788"
FISCAL_CODE = "VRDLCU92M15F205S"
TEXT = f"Scrivere a {EMAIL} o chiamare il {PHONE}. Bonifico su {IBAN}. PESEL {PESEL}, codice fiscale {FISCAL_CODE}."


def found(detector, text: str = TEXT) -> list[tuple[str, str, int, int]]:
    [spans] = detector.predict_spans([text])
    return [(s.label, s.text, s.start, s.end) for s in spans]


def where(value: str, label: str) -> tuple[str, str, int, int]:
    start = TEXT.index(value)
    return (label, value, start, start + len(value))


class TestPresidioPlugin(PluginConformance):
    plugin_name = "presidio"


class TestPresidioKpMapping(FamilyConformance):
    family_name = "presidio"

    def model_ref(self, tmp_path: Path) -> str:
        return KP


class TestPresidioHarnessMapping(FamilyConformance):
    family_name = "presidio"

    def model_ref(self, tmp_path: Path) -> str:
        return HARNESS


def test_kp_mapping_finds_each_identifier_with_its_type_and_offsets() -> None:
    spans = found(load(KP))
    for expected in (
        where(EMAIL, "EMAIL"),
        where(PHONE, "PHONE"),
        where(IBAN, "ACCOUNT_ID"),
        where(PESEL, "NATIONAL_ID"),
        where(FISCAL_CODE, "NATIONAL_ID"),
    ):
        assert expected in spans


def test_harness_mapping_runs_english_defaults_as_the_harness_does() -> None:
    """The harness's table has no European IDs and its engine is English: the e-mail, phone and
    IBAN are found with kp's types, the Italian fiscal code is not."""
    spans = found(load(HARNESS))
    for expected in (where(EMAIL, "EMAIL"), where(PHONE, "PHONE"), where(IBAN, "ACCOUNT_ID")):
        assert expected in spans
    assert not any(text == FISCAL_CODE for _, text, _, _ in spans)


def test_model_id_says_what_ran() -> None:
    assert load(HARNESS).model_id.endswith("(patterns only; harness mapping; en)")
    assert load(KP).model_id.endswith("(patterns only; kp mapping; all recognizers)")
    assert load("kp,threshold=0.5,language=en").model_id.endswith("(patterns only; kp mapping; en; threshold 0.5)")
    assert load(HARNESS).model_id.startswith("presidio-analyzer 2.2.")


def test_harness_mapping_is_the_harness_table_read_not_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    from europriv_bench.adapters import PresidioAdapter

    assert dict(table(HARNESS)) == PresidioAdapter.PRESIDIO_TO_KP
    monkeypatch.setattr(PresidioAdapter, "PRESIDIO_TO_KP", {"EMAIL_ADDRESS": "URL"})
    assert dict(table(HARNESS)) == {"EMAIL_ADDRESS": "URL"}  # follows the installed harness
    assert found(load(HARNESS), f"mail {EMAIL} now") == [("URL", EMAIL, 5, 5 + len(EMAIL))]


def test_kp_mapping_is_kp_crosswalk() -> None:
    assert dict(table(KP)) == mapped_labels("presidio")
    assert len(table(KP)) == 85


def test_default_mapping_is_the_harness_where_it_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_mapping() == HARNESS
    assert load("auto").model_id == load(HARNESS).model_id
    monkeypatch.setitem(__import__("sys").modules, "europriv_bench.adapters", None)  # as if not installed
    assert default_mapping() == KP
    assert "kp mapping" in load("auto").model_id
    with pytest.raises(MappingError, match="europriv_bench does not import here"):
        table(HARNESS)


def test_family_declares_every_label_either_mapping_gives() -> None:
    family = get_registry().family("presidio")
    assert family.labels == tuple(sorted(set(mapped_labels("presidio").values())))
    assert set(table(HARNESS).values()) <= set(family.labels)
    assert set(load(KP).kp_types) <= set(family.labels)
    assert family.default_model == "auto"


def test_detector_kp_types_are_those_its_recognizers_give() -> None:
    assert "COMPANY_ID" in load(KP).kp_types  # IT_VAT_CODE and others run under `all`
    assert set(load(HARNESS).kp_types) == {"ACCOUNT_ID", "DATE", "EMAIL", "NATIONAL_ID", "PHONE", "URL"}


def test_language_option_picks_the_recognizer_set() -> None:
    assert not any(t == FISCAL_CODE for _, t, _, _ in found(load("kp,language=en")))
    assert where(FISCAL_CODE, "NATIONAL_ID") in found(load("kp,language=it"))
    assert where(PESEL, "NATIONAL_ID") in found(load("kp", language="pl"))
    with pytest.raises(EngineError, match="language must be all or a language code"):
        load("kp,language=e n")


def test_threshold_drops_low_scored_results() -> None:
    loose = found(load("kp,language=en"))
    strict = found(load("kp,language=en,threshold=0.9"))
    assert where(PHONE, "PHONE") in loose and where(PHONE, "PHONE") not in strict  # phones score 0.4
    assert where(EMAIL, "EMAIL") in strict


def test_reference_syntax() -> None:
    assert parse_reference("kp,lang=en,threshold=0.3").options == {"language": "en", "threshold": "0.3"}
    assert parse_reference("language=all").mapping == HARNESS
    for bad, words in (
        ("nope", "expected a mapping"),
        ("kp,colour=red", "unknown option 'colour'"),
        ("kp,threshold=2", "from 0 to 1"),
        ("kp,threshold=high", "must be a number"),
    ):
        with pytest.raises(PresidioReferenceError, match=words):
            load(bad)
    with pytest.raises(PresidioReferenceError, match="give one"):
        load("kp,language=en", language="it")


def test_spacy_model_that_is_not_installed_is_refused_not_downloaded() -> None:
    with pytest.raises(EngineError, match="kp does not download models"):
        load("kp,spacy_model=en_core_web_nothere")


def test_a_spacy_pipeline_gives_ner_types(tmp_path: Path) -> None:
    """A pipeline folder whose NER is an entity ruler stands in for en_core_web_lg: Presidio's
    SpacyRecognizer turns its PERSON and GPE into PERSON and LOCATION (ADDRESS in KP)."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Lucia Verdini"}, {"label": "GPE", "pattern": "Lecco"}])
    nlp.to_disk(tmp_path / "pipeline")
    detector = load(f"kp,spacy_model={tmp_path / 'pipeline'}")
    assert "patterns + spaCy" in detector.model_id
    text = f"Lucia Verdini lives in Lecco; mail {EMAIL}."
    assert found(detector, text)[:2] == [("PERSON", "Lucia Verdini", 0, 13), ("ADDRESS", "Lecco", 23, 28)]
    assert ("EMAIL", EMAIL, 35, 35 + len(EMAIL)) in found(detector, text)


def test_runs_offline(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The email recognizer's domain check reads tldextract's bundled list: no connection is tried."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("kp-presidio tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with caplog.at_level(logging.DEBUG):
        assert where(EMAIL, "EMAIL") in found(load(KP))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_presidio_failure_names_the_text_position_not_its_content(monkeypatch: pytest.MonkeyPatch) -> None:
    detector = load(KP)

    def fail(text: str, **kwargs: object) -> None:
        raise ValueError(f"cannot read {text}")

    monkeypatch.setattr(detector.engine, "analyze", fail)
    with pytest.raises(PresidioRunError) as caught:
        detector.predict_spans(["fine", TEXT])
    message = str(caught.value)
    assert "text 1 of 2" in message and "ValueError" in message
    assert EMAIL not in message and PESEL not in message and caught.value.__cause__ is None


def test_presidio_log_lines_are_dropped_while_reading_texts(caplog: pytest.LogCaptureFixture) -> None:
    """Presidio logs per text (and its IBAN recognizer can log a value): none of it reaches kp's logs."""
    detector = load(KP)
    with caplog.at_level(logging.DEBUG, logger="presidio-analyzer"):
        detector.predict_spans([TEXT, f"IBAN {IBAN[:-1]}9 broken"])
    assert [r for r in caplog.records if r.name == "presidio-analyzer"] == []


class Result:
    """A stand-in for Presidio's RecognizerResult."""

    def __init__(self, entity_type: str, start: int, end: int, score: float) -> None:
        self.entity_type, self.start, self.end, self.score = entity_type, start, end, score


def test_overlapping_results_keep_presidio_order_and_its_offsets() -> None:
    """An e-mail's domain is also a URL: the first result keeps its characters, the URL part it
    covers is not repeated, so spans never overlap."""
    from kp_presidio.spans import to_kp_spans

    text = "a ana@example.org b"
    results = [Result("EMAIL_ADDRESS", 2, 17, 1.0), Result("URL", 6, 19, 0.5), Result("NRP", 0, 1, 0.9)]
    spans = to_kp_spans(text, results, {"EMAIL_ADDRESS": "EMAIL", "URL": "URL"})
    assert [(s.label, s.start, s.end, s.text) for s in spans] == [
        ("EMAIL", 2, 17, "ana@example.org"),
        ("URL", 18, 19, "b"),
    ]


def test_a_later_result_never_takes_part_of_a_word_an_earlier_one_touched() -> None:
    """Presidio's first result holds every word it touches, as the harness's token rule gives it:
    the phone's leading '+' (in the word the earlier ID starts inside) is not a span of its own."""
    from kp_presidio.spans import to_kp_spans

    text = "tel +420 735 111 222"
    results = [Result("CA_SIN", 5, 16, 0.5), Result("PHONE_NUMBER", 4, 20, 0.4)]
    spans = to_kp_spans(text, results, {"CA_SIN": "NATIONAL_ID", "PHONE_NUMBER": "PHONE"})
    assert [(s.label, s.start, s.end) for s in spans] == [("NATIONAL_ID", 5, 16), ("PHONE", 17, 20)]


def test_device_other_than_cpu_is_refused() -> None:
    with pytest.raises(Exception, match="runs on the host CPU"):
        load(KP, device="cuda")
