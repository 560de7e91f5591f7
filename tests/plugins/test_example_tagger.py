"""The example plugin's trainable family, checked with the recipe conformance kit (and as a family)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kp_core.testing import FamilyConformance, RecipeConformance
from kp_core.training import TrainConfig, TrainingError, train_with_recipe
from kp_core.training.driver import recipe_owner
from kp_example.tagger import TaggerRecipe, token_features


class TestTaggerRecipe(RecipeConformance):
    recipe = TaggerRecipe
    base = "none"
    options = {"features": 1024}
    settings = {"lr": 0.05}


class TestTaggerFamily(FamilyConformance):
    family_name = "example-tagger"

    def model_ref(self, tmp_path: Path) -> str:
        config = TrainConfig(
            family="example-tagger", base="none", dataset=str(_rows(tmp_path)), out=tmp_path / "model",
            max_steps=3, batch_size=8, eval_fraction=0.2, progress=False, options={"features": 512},
        )  # fmt: skip
        train_with_recipe(TaggerRecipe, config, echo=lambda _line: None)
        return str(tmp_path / "model")


def _rows(tmp_path: Path, n: int = 32) -> Path:
    from kp_core.generate import generate_rows, write_rows

    path = tmp_path / "rows.jsonl"
    write_rows(generate_rows(["en"], n=n, seed=3), path)
    return path


def test_family_is_trainable_on_the_host_cpu() -> None:
    from kp_core.plugins.registry import get_registry

    family = get_registry().family("example-tagger")
    assert family.trainable and family.recipe_for("auto") is TaggerRecipe
    assert family.provider == "example"


def test_features_are_stable_hashes_inside_the_table() -> None:
    tokens = ["Ion", "Popescu,", "CNP", "1800101221144"]
    first = token_features(tokens, 64)
    assert first.shape == (4, 12) and first.min() >= 0 and first.max() < 64
    assert (first == token_features(tokens, 64)).all()
    assert (token_features([], 64).shape) == (0, 12)


def test_training_lowers_the_loss(tmp_path: Path) -> None:
    config = TrainConfig(
        family="example-tagger", base="none", dataset=str(_rows(tmp_path, 48)), out=tmp_path / "model",
        epochs=4, batch_size=8, lr=0.05, eval_fraction=0.2, progress=False, options={"features": 2048},
    )  # fmt: skip
    result = train_with_recipe(TaggerRecipe, config, echo=lambda _line: None)
    assert result.metrics["train_loss_final_mean"] < result.metrics["train_loss_first"]
    assert result.metrics["eval_loss"] < result.metrics["train_loss_first"]


@pytest.mark.parametrize(
    ("base", "options", "message"),
    [
        ("bert-base", {}, "example-tagger trains from scratch"),
        ("none", {"dropout": 1.0}, r"--dropout=1.0: expected a share in \[0, 1\)"),
        ("none", {"features": "8"}, "--features='8': expected a whole number of at least 16"),
    ],
)
def test_bad_settings_are_one_clear_error(tmp_path: Path, base: str, options: dict, message: str) -> None:
    config = TrainConfig(
        family="example-tagger", base=base, dataset=str(_rows(tmp_path)), out=tmp_path / "model", progress=False,
        options=options,
    )  # fmt: skip
    with pytest.raises(TrainingError, match=message):
        train_with_recipe(TaggerRecipe, config, echo=lambda _line: None)


def test_load_refuses_a_folder_without_a_model(tmp_path: Path) -> None:
    from kp_example.tagger import load

    with pytest.raises(FileNotFoundError, match="no example-tagger model"):
        load(str(tmp_path))
    assert recipe_owner(TaggerRecipe) == "example-tagger on the host CPU"
