"""The presidio family through kp's commands, and its parity with the harness's own PresidioAdapter."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.encoding.grid import predicted_bioes
from kp_presidio.detector import load

EMAIL = "ana.vidal@example.org"  # made up
PESEL = "92071503788"  # made up, checksum valid
DEV_SLICES = ("it", "se", "cz", "dk")


def test_kp_predict_with_presidio() -> None:
    text = f"Mail {EMAIL}, PESEL {PESEL}."
    result = CliRunner().invoke(build_cli(), ["predict", "-m", "presidio:kp", "--json", text])
    assert result.exit_code == 0, result.output
    spans = json.loads(result.stdout)["spans"]
    assert [(s["label"], s["start"], s["end"]) for s in spans] == [("EMAIL", 5, 26), ("NATIONAL_ID", 34, 45)]


def test_kp_evaluate_with_presidio_on_dev_rows(dev_rows: dict[str, list[dict]], dev_slice_file) -> None:
    for name in DEV_SLICES:
        folder = dev_slice_file(name, dev_rows[name][:8]).parent
    result = CliRunner().invoke(build_cli(), ["evaluate", "-m", "presidio", "--data-dir", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]
    assert sorted(r["spec"] for r in rows) == sorted(f"{n}_realskeleton_rows" for n in DEV_SLICES)
    for row in rows:
        assert row["model_id"] == "presidio-analyzer " + row["model_id"].split(" ", 1)[1]
        assert "(patterns only; harness mapping; en)" in row["model_id"]
        assert 0.0 < row["scores"]["entity_f1"]["f1"] <= 1.0


def test_a_bad_reference_is_one_error_line_without_a_traceback() -> None:
    for ref in ("presidio:nope", "presidio:kp,threshold=2", "presidio:kp,spacy_model=en_core_web_nothere"):
        result = CliRunner().invoke(build_cli(), ["predict", "-m", ref, f"mail {EMAIL}"])
        assert result.exit_code == 2, (ref, result.output)
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1
        assert "Traceback" not in result.output and EMAIL not in result.output


def test_labels_a_patterns_only_presidio_cannot_give_are_refused() -> None:
    result = CliRunner().invoke(build_cli(), ["predict", "-m", "presidio:kp", "--labels", "PERSON", f"mail {EMAIL}"])
    assert result.exit_code == 2 and "cannot produce" in result.output
    assert CliRunner().invoke(build_cli(), ["predict", "-m", "presidio:kp", "--labels", "EMAIL", EMAIL]).exit_code == 0


def test_harness_mapping_tags_every_dev_document_as_the_harness_adapter_does(dev_rows: dict[str, list[dict]]) -> None:
    """The harness's PresidioAdapter, handed kp's engine (the one AnalyzerEngine() builds, less
    the spaCy model this machine lacks), and kp's detector give the same BIOES tags on every
    token of every dev document: the spans kp keeps score exactly as the harness's."""
    from europriv_bench.adapters import PresidioAdapter

    detector = load("harness")
    adapter = PresidioAdapter()
    adapter._engine = detector.engine  # the adapter builds AnalyzerEngine() lazily here
    compared = 0
    for name in DEV_SLICES:
        texts = [row["text"] for row in dev_rows[name]]
        theirs = adapter.predict_tags(texts)
        ours = [predicted_bioes(text, spans) for text, spans in zip(texts, detector.predict_spans(texts), strict=True)]
        mismatched = [i for i, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a != b]
        assert mismatched == [], f"{name}: documents {mismatched[:10]} are tagged differently"
        compared += len(texts)
    assert compared == 1200


def test_kp_mapping_scores_on_the_same_grid_as_the_harness_would(dev_rows: dict[str, list[dict]]) -> None:
    """The same parity for kp's own mapping (every recognizer): the adapter's first-result-wins
    token rule, given kp's table, tags each document as kp's spans do."""
    from europriv_bench.adapters import PresidioAdapter

    detector = load("kp")
    adapter = PresidioAdapter()
    adapter._engine, adapter.PRESIDIO_TO_KP, adapter._entities = detector.engine, detector.mapping, detector.entities
    texts = [row["text"] for name in DEV_SLICES for row in dev_rows[name][:100]]
    theirs = adapter.predict_tags(texts)
    ours = [predicted_bioes(text, spans) for text, spans in zip(texts, detector.predict_spans(texts), strict=True)]
    assert [i for i, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a != b] == []
