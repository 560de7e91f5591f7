"""kp inside Presidio: KpRecognizer in a real AnalyzerEngine next to Presidio's own recognizers,
and the kp_pseudonymize operator in a real AnonymizerEngine.

Every identifier below is generated here from a fixed seed by kp's generators, or written here
with its checksum computed (never taken from any data set); the texts are written here.
"""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from kp_core.anonymize.keys import MissingKeyError
from kp_core.identifiers.checksums import iban_is_valid
from kp_core.identifiers.national_id import generate_national_id, parse_national_id
from kp_core.sdk import detector
from kp_core.taxonomy import entity_names
from kp_core.taxonomy.crosswalk import mapped_labels
from kp_presidio.engine import EngineSetup, build_engine, self_contained_recognizers
from kp_presidio.entities import COMPANY_IDS, NATIONAL_IDS, kp_type, possible_entities, presidio_entity
from kp_presidio.operator import KpOperatorError, KpPseudonymize, kp_pseudonymize_config
from kp_presidio.recognizer import KpRecognizer

RNG = random.Random(20261207)
PESEL = generate_national_id("PL", RNG)
FISCAL_CODE = generate_national_id("IT", RNG)
CNP = generate_national_id("RO", RNG)
IBAN = "IT60X0542811101000000123456"
EMAIL = "ana.vidal@example.org"
TEXT = f"Scrivere a {EMAIL}. PESEL {PESEL}, codice fiscale {FISCAL_CODE}, CNP {CNP}. Bonifico su {IBAN}."
KEY = "a test key of thirty-two bytes!!"
OTHER_KEY = "another test key, also 32 bytes!"


@pytest.fixture(scope="module")
def rules() -> KpRecognizer:
    return KpRecognizer(model="rules")


def english_engine():
    """Presidio's default English recognizers (as AnalyzerEngine() loads them), offline."""
    return build_engine(EngineSetup(language="en", spacy_model=None))


def found(results, text: str = TEXT) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start : r.end]) for r in results}


def test_engine_with_presidio_defaults_and_kp_types_european_ids(rules: KpRecognizer) -> None:
    engine = english_engine()
    alone = found(engine.analyze(TEXT, language="en"))
    assert not {("PL_PESEL", PESEL), ("IT_FISCAL_CODE", FISCAL_CODE)} & alone  # not in Presidio's English set
    engine.registry.add_recognizer(rules)
    results = engine.analyze(TEXT, language="en")
    both = found(results)
    assert {
        ("PL_PESEL", PESEL),
        ("IT_FISCAL_CODE", FISCAL_CODE),
        ("KP_NATIONAL_ID_RO", CNP),
        ("IBAN_CODE", IBAN),
        ("EMAIL_ADDRESS", EMAIL),
    } <= both
    by_recognizer = {(r.entity_type, r.recognition_metadata["recognizer_name"]) for r in results}
    assert ("PL_PESEL", rules.name) in by_recognizer
    assert any(isinstance(r, EmailRecognizer) for r in engine.registry.recognizers)  # Presidio's own still run
    assert rules.name in {r.name for r in engine.registry.recognizers}


def test_entities_filter_and_scores(rules: KpRecognizer) -> None:
    engine = english_engine()
    engine.registry.add_recognizer(rules)
    results = engine.analyze(TEXT, language="en", entities=["PL_PESEL"])
    assert found(results) == {("PL_PESEL", PESEL)}
    assert results[0].score == pytest.approx(0.95)  # the rules family's score for a validated ID
    assert "PL_PESEL" in engine.get_supported_entities(language="en")


def test_supported_language_is_settable_and_one_model_serves_several() -> None:
    recognizers = KpRecognizer.for_languages(["it", "pl"], model="rules", labels=["NATIONAL_ID"])
    assert [r.supported_language for r in recognizers] == ["it", "pl"]
    assert recognizers[0].detector is recognizers[1].detector
    assert recognizers[0].kp_types == {"NATIONAL_ID"}
    engine = build_engine(EngineSetup(language="it", spacy_model=None))
    for recognizer in recognizers:
        engine.registry.add_recognizer(recognizer)
    assert ("PL_PESEL", PESEL) in found(engine.analyze(TEXT, language="it"))
    assert not any(r.entity_type == "IBAN_CODE" and "Kp" in r.recognition_metadata["recognizer_name"]
                   for r in engine.analyze(TEXT, language="it"))  # fmt: skip
    english = english_engine()
    english.registry.add_recognizer(recognizers[0])  # an Italian recognizer: not run for English
    assert ("PL_PESEL", PESEL) not in found(english.analyze(TEXT, language="en"))


def test_trained_tiny_model_in_the_engine(tagger_ref: str) -> None:
    """A trained example-tagger checkpoint: the engine returns exactly its spans, named for Presidio."""
    recognizer = KpRecognizer(model=tagger_ref)
    text = "Mario Rossi, nato il 12/03/1980, abita in Via Roma 5, Milano; scrivere a mario@example.it."
    [spans] = detector(tagger_ref).predict_spans([text])
    assert spans, "the tiny model finds something to hand to Presidio"
    expected = {(presidio_entity(s.label, text[s.start : s.end]), s.start, s.end) for s in spans}
    results = recognizer.analyze(text, entities=[])
    assert {(r.entity_type, r.start, r.end) for r in results} == expected
    assert {r.recognition_metadata["kp_type"] for r in results} == {s.label for s in spans}
    engine = english_engine()
    engine.registry.add_recognizer(recognizer)
    mine = {(r.entity_type, r.start, r.end) for r in engine.analyze(text, language="en")
            if r.recognition_metadata["recognizer_name"] == recognizer.name}  # fmt: skip
    assert mine and mine <= expected


def test_names_are_presidios_own_where_it_has_one() -> None:
    presidio_names = {e for r in self_contained_recognizers("en") for e in r.supported_entities}
    crosswalk = mapped_labels("presidio")
    for name in (*NATIONAL_IDS.values(), "ES_NIE", *COMPANY_IDS.values(), "IBAN_CODE", "CREDIT_CARD"):
        assert name in presidio_names and name in crosswalk, name
    every = possible_entities(frozenset(entity_names()))
    for name in every:  # every name a span can get maps back to a KP type
        assert kp_type(name) is not None, name
        if not name.startswith("KP_"):
            assert name in crosswalk
    assert presidio_entity("NATIONAL_ID", PESEL) == "PL_PESEL"
    assert presidio_entity("NATIONAL_ID", "12345") == "KP_NATIONAL_ID"
    assert presidio_entity("ORG_PARTY", "ACME") == "KP_ORG_PARTY" and kp_type("KP_ORG_PARTY") == "ORG_PARTY"
    assert presidio_entity("ACCOUNT_ID", "12-34-56") == "KP_ACCOUNT_ID"
    assert kp_type("KP_NATIONAL_ID_DK") == "NATIONAL_ID" and kp_type("NRP") is None


# --- the operator ---------------------------------------------------------------------------------


def pseudonymized(key: str, text: str = TEXT, results=None):
    engine = AnonymizerEngine()
    engine.add_anonymizer(KpPseudonymize)
    if results is None:
        analyzer = english_engine()
        analyzer.registry.add_recognizer(KpRecognizer(model="rules"))
        results = analyzer.analyze(text, language="en")
    return engine.anonymize(text, results, operators={"DEFAULT": kp_pseudonymize_config(key=key)})


def test_operator_surrogates_validate_and_are_deterministic_per_key() -> None:
    result = pseudonymized(KEY)
    items = {item.entity_type: item.text for item in result.items}
    assert parse_national_id(items["PL_PESEL"], "PL") is not None and items["PL_PESEL"] != PESEL
    assert parse_national_id(items["IT_FISCAL_CODE"], "IT") is not None and items["IT_FISCAL_CODE"] != FISCAL_CODE
    assert parse_national_id(items["KP_NATIONAL_ID_RO"], "RO") is not None and items["KP_NATIONAL_ID_RO"] != CNP
    assert iban_is_valid(items["IBAN_CODE"]) and items["IBAN_CODE"] != IBAN
    for source in (PESEL, FISCAL_CODE, CNP, IBAN, EMAIL):
        assert source not in result.text
    assert pseudonymized(KEY).text == result.text  # same key, fresh engines: same text
    assert pseudonymized(OTHER_KEY).text != result.text


def test_operator_with_a_key_param_and_a_shared_pseudonymizer_agree() -> None:
    results = [RecognizerResult("PL_PESEL", TEXT.index(PESEL), TEXT.index(PESEL) + len(PESEL), 0.95)]
    engine = AnonymizerEngine()
    engine.add_anonymizer(KpPseudonymize)
    by_key = engine.anonymize(TEXT, results, operators={"PL_PESEL": OperatorConfig("kp_pseudonymize", {"key": KEY})})
    shared = pseudonymized(KEY, results=results)
    assert by_key.text == shared.text
    assert parse_national_id(by_key.items[0].text, "PL") is not None


def test_operator_refuses_what_it_cannot_do() -> None:
    engine = AnonymizerEngine()
    engine.add_anonymizer(KpPseudonymize)
    nrp = [RecognizerResult("NRP", 0, 8, 0.9)]
    with pytest.raises(KpOperatorError, match="NRP"):
        engine.anonymize(TEXT, nrp, operators={"DEFAULT": kp_pseudonymize_config(key=KEY)})
    org = engine.anonymize(TEXT, nrp, operators={"DEFAULT": kp_pseudonymize_config(key=KEY, kp_type="ORG_PARTY")})
    assert not org.text.startswith(TEXT[:8])
    with pytest.raises(MissingKeyError):
        engine.anonymize(TEXT, nrp, operators={"DEFAULT": OperatorConfig("kp_pseudonymize", {"key": "short"})})
    with pytest.raises(KpOperatorError, match="unknown params"):
        engine.anonymize(TEXT, nrp, operators={"DEFAULT": OperatorConfig("kp_pseudonymize", {"kee": KEY})})
