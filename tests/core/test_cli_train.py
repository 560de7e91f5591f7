"""``kp train FAMILY``: one command per trainable family, its recipe's options as flags, the same
error for an option the family does not take, and what to install for a family that is missing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.plugins import get_host
from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family, reset_registry
from tests.core.mean_recipe import MeanRecipe, NoSpans, dataset_file


class MeanPlugin:
    @hookimpl
    def kp_register_families(self, register):
        register(
            Family(
                name="mean",
                description="the mean text length",
                frameworks=(),
                load=lambda ref, **kw: NoSpans(),
                recipe=MeanRecipe,
            )
        )


@pytest.fixture
def with_mean_family() -> Iterator[None]:
    reset_registry()
    host = get_host()
    host.register(MeanPlugin(), name="throwaway-mean")
    try:
        yield
    finally:
        host.unregister("throwaway-mean")
        reset_registry()


def _train(*args: str) -> click.testing.Result:
    return CliRunner().invoke(build_cli(), ["train", *args])


def test_kp_train_lists_the_trainable_families(with_mean_family: None) -> None:
    result = _train("--help")
    assert result.exit_code == 0 and "mean" in result.output


def test_family_help_lists_shared_flags_and_the_recipe_options(with_mean_family: None) -> None:
    result = _train("mean", "--help")
    assert result.exit_code == 0, result.output
    for flag in (
        "--data",
        "--out",
        "--max-steps",
        "--time-budget",
        "--resume",
        "--seed",
        "--eval-every",
        "--device",
    ):
        assert flag in result.output
    assert "--noise" in result.output and "Gradient noise. [default: 0.1]" in result.output
    assert "--verbose / --no-verbose" in result.output
    assert "--lora-rank" not in result.output and "--bf16" not in result.output


def test_a_run_from_the_command_line(with_mean_family: None, tmp_path: Path) -> None:
    data = dataset_file(tmp_path)
    out = tmp_path / "out"
    result = _train(
        "mean", "--base", "none", "--data", str(data), "--out", str(out), "--max-steps", "3",
        "--noise", "0.2", "-o", "verbose=on", "--no-progress", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "run summary (mean" in result.output
    manifest = json.loads((out / "kp.json").read_text(encoding="utf-8"))
    assert manifest["training"]["options"] == {"noise": 0.2, "verbose": True}
    assert manifest["run"]["steps"] == 3


def test_an_option_the_family_does_not_take_is_one_clear_error(with_mean_family: None, tmp_path: Path) -> None:
    data = dataset_file(tmp_path)
    result = _train("mean", "--base", "none", "--data", str(data), "--out", str(tmp_path / "o"), "-o", "lora_rank=8")
    assert result.exit_code != 0
    assert "mean on the host CPU does not take --lora-rank (it takes: --noise, --verbose)" in result.output
    flag = _train("mean", "--base", "none", "--data", str(data), "--out", str(tmp_path / "o"), "--lora-rank", "8")
    assert flag.exit_code != 0
    assert "mean on the host CPU does not take --lora-rank (it takes: --noise, --verbose" in flag.output


def test_a_first_party_family_that_is_not_installed_names_its_distribution() -> None:
    # The core environment has no kp-torch: xlmr-ner is known, not installed.
    result = _train("xlmr-ner", "--help")
    assert result.exit_code != 0
    assert "xlmr-ner" in result.output and "kp-torch" in result.output
    unknown = _train("no-such-family", "--help")
    assert unknown.exit_code != 0 and "unknown family 'no-such-family'" in unknown.output


def test_kp_main_help_works_and_says_what_to_install_with_core_alone(tmp_path: Path) -> None:
    result = CliRunner().invoke(build_cli(), ["main", "--help"])
    assert result.exit_code == 0 and "--family" in result.output and "--time-budget" in result.output
    run = CliRunner().invoke(build_cli(), ["main", "--out", str(tmp_path / "m")])
    assert run.exit_code == 2
    assert "kp main trains xlmr-ner" in run.output and "kp-torch" in run.output
