"""Routing: documents the classifier scores below its routing threshold skip span detection and
are written unchanged; the others come out exactly as without routing (SDK and kp deidentify)."""

# ruff: noqa: F811
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.anonymize.bulk import BulkOptions, BulkRunError, run_bulk
from kp_core.cli import build_cli
from kp_core.sdk import deidentify
from tests.core.test_classify_fake import keyword_family  # noqa: F401  (a fixture; tests take it by name: F811 below)

TEXTS = [
    "#clean minutes; reply to anna.rossi@example.com",  # 0.1: skipped, although the rules would redact it
    "PESEL 44051401359 of the patient",  # 0.9
    "#maybe write to jan.novak@example.cz",  # 0.4: skipped at the default threshold 0.5
    "nothing to see here",  # 0.9: detected, nothing found
]


def kp(*args: object):
    return CliRunner().invoke(build_cli(), [str(a) for a in args], catch_exceptions=False)


def test_sdk_route_skips_low_scores_and_detects_the_rest(keyword_family: str) -> None:
    plain = deidentify(TEXTS, model="rules")
    routed = deidentify(TEXTS, model="rules", route=keyword_family)
    assert routed[0] == TEXTS[0] and routed[2] == TEXTS[2]
    assert plain[0] != TEXTS[0] and plain[2] != TEXTS[2]  # routing, not the detector, kept them
    assert routed[1] == plain[1] != TEXTS[1] and routed[3] == plain[3]
    lower = deidentify(TEXTS, model="rules", route=keyword_family, route_threshold=0.3)
    assert lower[2] == plain[2] and lower[0] == TEXTS[0]
    assert deidentify(TEXTS[0], model="rules", route=keyword_family) == TEXTS[0]


def test_sdk_route_refusals(keyword_family: str) -> None:
    with pytest.raises(ValueError, match="route_threshold= needs route="):
        deidentify(TEXTS, route_threshold=0.2)
    with pytest.raises(ValueError, match="with spans= there is no model"):
        deidentify(TEXTS, spans=[[]] * len(TEXTS), route=keyword_family)
    with pytest.raises(Exception, match="span-detection model"):
        deidentify(TEXTS, route="rules")


def _input(tmp_path: Path) -> Path:
    source = tmp_path / "in.jsonl"
    # Written as kp writes rows (json.dumps, ensure_ascii=False): a skipped line must come back byte for byte.
    lines = [json.dumps({"doc_id": f"d{i}", "text": text}, ensure_ascii=False) for i, text in enumerate(TEXTS)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_kp_deidentify_route(keyword_family: str, tmp_path: Path) -> None:
    source = _input(tmp_path)
    plain, routed = tmp_path / "plain.jsonl", tmp_path / "routed.jsonl"
    assert kp("deidentify", "-i", source, "--out", plain, "--no-progress").exit_code == 0
    result = kp("deidentify", "-i", source, "--out", routed, "--route", keyword_family, "--no-progress", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["routing"]["documents"] == 4 and summary["routing"]["skipped"] == 2
    assert summary["routing"]["threshold"] == 0.5 and summary["routing"]["max_skipped_score"] == 0.4
    assert summary["routing"]["min_kept_score"] == 0.9 and summary["routing"]["classifier"] == keyword_family
    got, want = _rows(routed), _rows(plain)
    assert [r["text"] for r in got] == [TEXTS[0], want[1]["text"], TEXTS[2], want[3]["text"]]
    assert [r["doc_id"] for r in got] == ["d0", "d1", "d2", "d3"]
    source_lines = source.read_text(encoding="utf-8").splitlines()
    routed_lines = routed.read_text(encoding="utf-8").splitlines()
    assert routed_lines[0] == source_lines[0] and routed_lines[2] == source_lines[2]  # byte-identical


def test_kp_deidentify_route_summary_and_threshold(keyword_family: str, tmp_path: Path) -> None:
    source = _input(tmp_path)
    out = tmp_path / "out.jsonl"
    result = kp("deidentify", "-i", source, "--out", out, "--route", keyword_family, "--route-threshold", "0.3")
    assert result.exit_code == 0, result.output
    assert f"1 of 4 records skipped span detection: PERSONAL_DATA score below 0.3 ({keyword_family})" in result.output
    assert "highest skipped score 0.1000" in result.output and "anna" not in result.output
    assert _rows(out)[2]["text"] != TEXTS[2]


def test_kp_deidentify_route_refusals(keyword_family: str, tmp_path: Path) -> None:
    source = _input(tmp_path)
    out = tmp_path / "out.jsonl"
    alone = kp("deidentify", "-i", source, "--out", out, "--route-threshold", "0.3")
    assert alone.exit_code == 2 and "--route-threshold needs --route" in alone.output
    spans = kp("deidentify", "-i", source, "--out", out, "--route", keyword_family, "--spans-field", "spans")
    assert spans.exit_code == 2 and "--spans-field there is no model" in spans.output
    detector = kp("deidentify", "-i", source, "--out", out, "--route", "rules")
    assert detector.exit_code == 2 and "span-detection model" in detector.output
    assert not out.exists()


def test_a_resumed_routed_run_continues_as_it_would_without_routing(keyword_family: str, tmp_path: Path) -> None:
    """The progress file binds the routing options like any other: a re-run without --route is refused."""
    source = _input(tmp_path)
    out = tmp_path / "out.jsonl"
    options = BulkOptions(input=str(source), output=str(out), batch_size=2, route=keyword_family)
    (tmp_path / "out.jsonl.progress").write_text(
        json.dumps({"fingerprint": options.fingerprint(), "key_check": None, "records": 0, "bytes": 0}),
        encoding="utf-8",
    )
    out.write_bytes(b"")
    with pytest.raises(BulkRunError, match="different arguments"):
        run_bulk(BulkOptions(input=str(source), output=str(out), batch_size=2), progress=False)
    result = run_bulk(options, progress=False)
    assert result.records == 4 and result.routing is not None and result.routing.skipped == 2
    assert _rows(out)[0]["text"] == TEXTS[0]
