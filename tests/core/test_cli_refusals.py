"""Refusals outside any one command, each one Error line with exit 2: a bad operating point (a
KpError naming the file; points are also written atomically), a bad KP_DETECTOR_CACHE; and a plugin
command whose help raises does not break ``kp --help``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.decoding.operating_point import OperatingPoint, OperatingPointError
from kp_core.errors import KpError


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"background_stay": 1, "typo": 2}', "unknown keys typo"),
        ('{"background_stay": "NaN"}', "must be finite"),
    ],
)
def test_a_bad_file_is_a_kp_error_naming_it(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "op.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OperatingPointError, match=reason) as caught:
        OperatingPoint.load(path)
    assert isinstance(caught.value, KpError) and str(path) in str(caught.value)


def test_save_leaves_no_temporary_file_and_round_trips(tmp_path: Path) -> None:
    point = OperatingPoint(background_stay=0.25, background_to_start=-1.0)
    point.save(tmp_path / "op.json")
    assert [p.name for p in tmp_path.iterdir()] == ["op.json"]
    assert OperatingPoint.load(tmp_path / "op.json") == point
    assert json.loads((tmp_path / "op.json").read_text(encoding="utf-8"))["background_stay"] == 0.25


def test_the_cli_prints_one_error_line() -> None:
    result = CliRunner().invoke(build_cli(), ["predict", "-m", "rules", "--operating-point", "nope", "CNP 1800101221144"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "must be one of precision, recall" in result.output


def test_a_bad_detector_cache_size_is_one_error_line(monkeypatch) -> None:
    monkeypatch.setenv("KP_DETECTOR_CACHE", "abc")
    from kp_core.plugins import models

    monkeypatch.setattr(models, "_cache", models.DetectorCache())
    result = CliRunner().invoke(build_cli(), ["predict", "-m", "rules", "CNP 1800101221144"])
    assert result.exit_code == 2, result.output
    assert "KP_DETECTOR_CACHE='abc'" in result.output and "Traceback" not in result.output


def test_a_command_whose_help_raises_does_not_break_kp_help() -> None:
    import click

    from kp_core.cli.lazy import LazyGroup

    class Broken(click.Command):
        def get_short_help_str(self, limit: int = 45) -> str:
            raise RuntimeError("a plugin bug")

    group = LazyGroup(name="kp")
    group.add_command(click.Command("fine", help="Works."))
    group.add_command(Broken("broken"))
    result = CliRunner().invoke(group, ["--help"])
    assert result.exit_code == 0, result.output
    assert "fine" in result.output and "(its help failed: RuntimeError" in result.output


def test_generate_rows_old_label_scheme_keyword_still_works_with_a_warning() -> None:
    from kp_core.generate import generate_rows

    new = list(generate_rows(["it"], ["legal"], 3, seed=2, conventions="europriv"))
    with pytest.warns(DeprecationWarning, match="conventions="):
        old = list(generate_rows(["it"], ["legal"], 3, seed=2, label_scheme="europriv"))
    assert old == new
    with pytest.raises(ValueError, match="give only one"):
        list(generate_rows(["it"], None, 1, conventions="europriv", label_scheme="kp"))


def test_an_unknown_rules_model_is_one_error_line() -> None:
    result = CliRunner().invoke(build_cli(), ["predict", "-m", "rules:recall", "CNP 1800101221144"])
    assert result.exit_code == 2, result.output
    assert "the rules family has one model, 'builtin'" in result.output and "Traceback" not in result.output
