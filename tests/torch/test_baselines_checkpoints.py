"""Every token-classification baseline of the registry, as a tiny random-init checkpoint that
carries its real label list: it loads through kp's model references, predicts valid KP spans, and
its labels map to the right KP types (a head forced to one label shows which type comes out)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.evaluation.baselines import find_baseline, load_baselines
from kp_core.plugins.models import clear_detector_cache, load_detector, resolve_model_ref
from kp_core.taxonomy import entity_names
from kp_core.taxonomy.crosswalk import to_kp

from .conftest import make_rows
from .moe_tiny import TINY

TEXT = "Gentile Anna Rossi, la visita del 3.4.2020 a Milano e confermata."
# Token classifiers that run as encoders (the privacy-filter ones are built further down).
ENCODER_BASELINES = [b.name for b in load_baselines() if b.family == "hf-token-classification"]


def _save_classifier(
    base: Path, labels: tuple[str, ...], out: Path, force: str | dict[str, float] | None = None, seed: int = 0
) -> Path:
    """A BERT token classifier over ``labels`` (random head; ``force``: the head always says that
    label, or gives these labels these biases and every other label 0)."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    torch.manual_seed(seed)
    model = AutoModelForTokenClassification.from_pretrained(
        str(base), id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)}
    )
    with torch.no_grad():
        if force is not None:
            model.classifier.weight.zero_()
            model.classifier.bias.zero_()
            for label, bias in ({force: 10.0} if isinstance(force, str) else force).items():
                model.classifier.bias[labels.index(label)] = bias
        else:
            model.classifier.weight.mul_(40.0)  # decisive random logits: varied labels, some spans
    model.save_pretrained(str(out))
    AutoTokenizer.from_pretrained(str(base)).save_pretrained(str(out))
    return out


@pytest.fixture(scope="module")
def random_heads(tiny_bases, tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("baseline-heads")
    return {
        name: _save_classifier(tiny_bases["bert"], find_baseline(name).native_labels, root / name)
        for name in ENCODER_BASELINES
    }


def _detector(ref: str):
    clear_detector_cache()
    return load_detector(ref, device="cpu", identifier_typing=False)


def _unwrap(detector):
    """The family's detector inside kp's wrappers (NormalizedDetector, IdentifierTyping)."""
    while hasattr(detector, "detector"):
        detector = detector.detector
    return detector


def _check_spans(text: str, spans, allowed: set[str]) -> None:
    last_end = 0
    for span in spans:
        assert span.label in allowed and span.label in set(entity_names())
        assert last_end <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text and span.text == span.text.strip()
        assert 0.0 <= span.score <= 1.0
        last_end = span.end


def test_the_registry_lists_openais_real_head() -> None:
    from transformers import OpenAIPrivacyFilterConfig

    expected = tuple(OpenAIPrivacyFilterConfig().id2label.values())
    assert find_baseline("privacy-filter").native_labels == expected


@pytest.mark.parametrize("name", ENCODER_BASELINES)
def test_a_baseline_head_loads_maps_and_predicts_valid_kp_spans(name, random_heads) -> None:
    baseline = find_baseline(name)
    folder = random_heads[name]
    assert resolve_model_ref(str(folder)) == ("hf-token-classification", str(folder))
    detector = _unwrap(_detector(str(folder)))
    assert detector.head.labels == baseline.native_labels
    assert detector.head.format == baseline.label_format
    assert detector.crosswalk == baseline.scheme  # recognised by its head
    assert detector.mapping() == {t: to_kp(baseline.scheme, t) for t in baseline.native_types}
    assert {t for t, kp in detector.mapping().items() if kp is None} == set(baseline.unmapped)
    texts = [row["text"] for row in make_rows(6, seed=5)] + [TEXT]
    outputs = _detector(str(folder)).predict_spans(texts)
    assert any(outputs), "decisive random logits should give some spans"
    for text, spans in zip(texts, outputs, strict=True):
        _check_spans(text, spans, set(detector.kp_types))


# (baseline, forced native label, KP type of every span, spans cover the text as one entity)
FORCED = [
    ("piiranha", "I-GIVENNAME", "PERSON", True),  # I- only: adjacent tokens merge
    ("piiranha", "I-DATEOFBIRTH", "DATE", True),  # mapped by the piiranha scheme (not by ai4privacy's)
    ("piiranha", "I-USERNAME", "ACCOUNT_ID", True),
    ("tabularisai", "I-EMAIL", "EMAIL", True),  # a run of I- is one entity, as in the pipeline
    ("tabularisai", "B-CITY", "ADDRESS", False),  # every B- starts its own
    ("tabularisai", "B-COMPANY_NAME", "ORG_PARTY", False),
    ("mapa", "I-ORGANIZATION", "ORG_PARTY", True),
    ("mapa", "B-AMOUNT", "CASE_NUMBER", False),
    ("mapa", "I-DATE", None, True),  # unmapped in the mapa scheme: dropped
]


@pytest.mark.parametrize(("name", "label", "kp_type", "one_entity"), FORCED)
def test_a_forced_head_gives_the_mapped_type(name, label, kp_type, one_entity, tiny_bases, tmp_path) -> None:
    folder = _save_classifier(tiny_bases["bert"], find_baseline(name).native_labels, tmp_path / "m", force=label)
    (spans,) = _detector(str(folder)).predict_spans([TEXT])
    if kp_type is None:
        assert spans == []
        return
    assert spans and {s.label for s in spans} == {kp_type}
    if one_entity:
        assert [(s.start, s.end) for s in spans] == [(0, len(TEXT))]
    else:
        assert len(spans) > 10  # one per subword
        _check_spans(TEXT, spans, {kp_type})


def test_kp_labels_restrict_the_native_labels_before_the_argmax(tiny_bases, tmp_path) -> None:
    folder = _save_classifier(
        tiny_bases["bert"], find_baseline("piiranha").native_labels, tmp_path / "m", {"I-CITY": 10.0, "O": 5.0}
    )
    detector = _unwrap(_detector(str(folder)))
    assert detector.predict_spans([TEXT], labels=["PERSON"]) == [[]]  # CITY not allowed: O, next best
    assert {s.label for s in detector.predict_spans([TEXT], labels=["ADDRESS"])[0]} == {"ADDRESS"}


def test_unmapped_labels_are_said_once_on_stderr(random_heads, capsys) -> None:
    _detector(str(random_heads["mapa"]))
    err = capsys.readouterr().err
    assert err.count("dropped") == 1 and "DATE, TIME" in err and "crosswalk mapa" in err


def test_an_explicit_scheme_wins_and_an_unknown_head_says_how_to_name_one(tiny_bases, tmp_path) -> None:
    plain = _save_classifier(tiny_bases["bert"], ("O", "FIRSTNAME", "EMAIL"), tmp_path / "plain", force="FIRSTNAME")
    from kp_torch.hf_token.scheme import SchemeError

    clear_detector_cache()
    with pytest.raises(SchemeError, match="several crosswalk schemes"):
        load_detector(str(plain), device="cpu")
    detector = _detector(f"hf:tabularisai:{plain}")
    (spans,) = detector.predict_spans([TEXT])
    assert [(s.start, s.end, s.label) for s in spans] == [(0, len(TEXT), "PERSON")]  # plain labels merge


def test_a_kp_bioes_folder_still_goes_to_xlmr_ner(tiny_bases, tmp_path) -> None:
    from kp_core.taxonomy import bioes_labels

    folder = _save_classifier(tiny_bases["bert"], tuple(bioes_labels()), tmp_path / "kp")
    assert resolve_model_ref(str(folder))[0] == "xlmr-ner"


def test_registry_names_and_hub_ids_resolve_to_their_family() -> None:
    assert resolve_model_ref("piiranha") == ("hf-token-classification", find_baseline("piiranha").hub_id)
    assert resolve_model_ref("tabularisai/eu-pii-safeguard") == (
        "hf-token-classification",
        "tabularisai/eu-pii-safeguard",
    )
    assert resolve_model_ref("openmed") == ("moe-finetune", "OpenMed/privacy-filter-multilingual")
    assert resolve_model_ref("hf:mapa:./m") == ("hf-token-classification", "mapa:./m")
    from kp_core.plugins.models import ModelResolutionError

    with pytest.raises(ModelResolutionError, match=r"no known Hub id; load a local copy with 'hf:mapa:<folder>'"):
        resolve_model_ref("mapa")


# -- privacy-filter heads (OpenMed's finetune) -----------------------------------------------------


def _save_privacy_filter(labels: tuple[str, ...], out: Path, force: str | None = None) -> Path:
    import torch
    from transformers import OpenAIPrivacyFilterForTokenClassification

    from kp_torch.moe.model import privacy_filter_config
    from kp_torch.tokenizers import o200k_tokenizer

    torch.manual_seed(0)
    config = privacy_filter_config(
        **TINY, id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)}
    )
    model = OpenAIPrivacyFilterForTokenClassification(config)
    with torch.no_grad():
        if force is not None:
            model.score.weight.zero_()
            model.score.bias.zero_()
            model.score.bias[labels.index(force)] = 10.0
    model.save_pretrained(str(out))
    o200k_tokenizer().save_pretrained(str(out))
    return out


def test_openmeds_head_runs_in_the_moe_family_through_the_openmed_crosswalk(tmp_path) -> None:
    openmed = find_baseline("openmed")
    folder = _save_privacy_filter(openmed.native_labels, tmp_path / "openmed", force="S-CITY")
    assert resolve_model_ref(str(folder)) == ("moe-finetune", str(folder))
    detector = _detector(str(folder))
    inner = _unwrap(detector)
    assert inner.crosswalk == "openmed"
    (spans,) = detector.predict_spans([TEXT])
    assert spans and {s.label for s in spans} == {"ADDRESS"}  # CITY -> ADDRESS
    _check_spans(TEXT, spans, {"ADDRESS"})
    assert _detector(f"hf:{folder}").predict_spans([TEXT]) == [spans]  # hf: hands it to the same detector


# -- the commands ----------------------------------------------------------------------------------


def test_kp_predict_and_kp_evaluate_run_a_baseline_folder(tiny_bases, tmp_path) -> None:
    folder = _save_classifier(
        tiny_bases["bert"], find_baseline("piiranha").native_labels, tmp_path / "p", "I-GIVENNAME"
    )
    clear_detector_cache()
    predicted = CliRunner().invoke(build_cli(), ["predict", "-m", str(folder), "--device", "cpu", TEXT, "--json"])
    assert predicted.exit_code == 0, predicted.output
    payload = json.loads(predicted.stdout.strip().splitlines()[-1])
    assert [(s["start"], s["end"], s["label"]) for s in payload["spans"]] == [(0, len(TEXT), "PERSON")]
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in make_rows(4, seed=3)), encoding="utf-8")
    out = tmp_path / "board.json"
    evaluated = CliRunner().invoke(
        build_cli(),
        ["evaluate", "--model", str(folder), "--data", str(data), "--out", str(out), "--no-progress"],
    )
    assert evaluated.exit_code == 0, evaluated.output
    board = json.loads(out.read_text(encoding="utf-8"))
    assert board["entries"], board


def test_the_kp_types_a_foreign_head_can_produce_are_its_crosswalked_types(random_heads) -> None:
    """Not the KP-looking names of its config (mapa's PERSON, ADDRESS): what the crosswalk gives."""
    from kp_core.plugins.models import model_labels

    ref = str(random_heads["mapa"])
    assert model_labels(ref, _detector(ref)) == {"PERSON", "ADDRESS", "ORG_PARTY", "CASE_NUMBER"}
