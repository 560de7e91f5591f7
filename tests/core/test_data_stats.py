"""`kp data stats`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.data import write_jsonl
from kp_core.data.stats import MISSING, compute_stats
from kp_core.taxonomy import entity_names
from kp_core.types import Example, Span


def _examples() -> list[Example]:
    return [
        Example("Name: Anna Berg", [Span(6, 15, "PERSON")], language="sv", domain="admin", country="SE"),
        Example("Name: Erik Lund", [Span(6, 15, "PERSON")], language="sv", domain="admin", country="SE"),
        Example(
            "Mail anna@x.se or call 0701234567",
            [Span(5, 14, "EMAIL"), Span(23, 33, "PHONE")],
            language="da",
            domain="legal",
        ),
        Example("nothing", []),
    ]


def test_compute_stats_counts() -> None:
    stats = compute_stats(_examples())
    assert stats.docs == 4 and stats.spans == 4
    assert list(stats.spans_per_type) == list(entity_names())
    assert stats.spans_per_type["PERSON"] == 2 and stats.spans_per_type["PHONE"] == 1
    assert stats.spans_per_type["NATIONAL_ID"] == 0
    assert stats.languages == {"sv": 2, "da": 1, MISSING: 1}
    assert stats.countries == {"SE": 2, MISSING: 2}
    assert stats.mean_chars == (15 + 15 + 33 + 7) / 4
    assert stats.mean_tokens == (3 + 3 + 5 + 1) / 4
    # the two "Name: <PERSON>" rows share a skeleton
    assert stats.unique_skeletons == 3 and stats.unique_skeleton_ratio == 0.75


def test_stats_command(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    write_jsonl(_examples(), path)
    text = CliRunner().invoke(build_cli(), ["data", "stats", "-i", str(path)])
    assert text.exit_code == 0, text.output
    assert "unique skeletons       3 (ratio 0.7500)" in text.output
    as_json = CliRunner().invoke(build_cli(), ["data", "stats", "-i", str(path), "--json"])
    report = json.loads(as_json.output)
    assert report["docs"] == 4 and report["spans_per_type"]["EMAIL"] == 1 and report["domains"]["admin"] == 2


def test_stats_on_a_bad_file_points_to_validate(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "a b", "spans": [{"start": 0, "end": 1, "label": "NAME"}]}\n', encoding="utf-8")
    result = CliRunner().invoke(build_cli(), ["data", "stats", "-i", str(path)])
    assert result.exit_code == 2  # a bad row is a refusal (docs/cli.md)
    assert f"{path}:1:" in result.output and "kp data validate" in result.output


def test_dev_slice_stats(dev_dir: Path, dev_rows: dict[str, list[dict]]) -> None:
    path = dev_dir / "dk_realskeleton_rows.json"
    result = CliRunner().invoke(build_cli(), ["data", "stats", "-i", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    rows = dev_rows["dk"]
    assert report["docs"] == len(rows)
    assert report["spans"] == sum(len(r["spans"]) for r in rows)
    assert report["languages"] == {rows[0]["language"]: len(rows)}
    assert 0 < report["unique_skeleton_ratio"] <= 1
