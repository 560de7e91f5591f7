"""One family name, two framework implementations: the registry merges and routes by device."""

from __future__ import annotations

import json

import pytest

from kp_core.plugins.registry import (
    Availability,
    Backend,
    DuplicateRegistrationError,
    Family,
    Registry,
    UnknownNameError,
)


class _TorchRecipe:
    """Stands in for a torch recipe: routing only looks at which class a framework names."""

    family = "fam"
    framework = "torch"
    options = ()


def _registry(torch_available: bool = True) -> Registry:
    registry = Registry()
    registry.backends.add(
        Backend("cpu", "torch", "t", 10, probe=lambda: Availability(torch_available, "" if torch_available else "no"))
    )
    registry.backends.add(Backend("mlx", "mlx", "m", 95, probe=lambda: Availability(True)))
    registry.families.add(
        Family("fam", "torch impl", ("torch",), load=lambda ref, **kw: ("torch", kw["device"]), recipe=_TorchRecipe)
    )
    registry.families.add(Family("fam", "mlx impl", ("mlx",), load=lambda ref, **kw: ("mlx", kw["device"])))
    return registry


def test_disjoint_frameworks_merge():
    family = _registry().family("fam")
    assert family.frameworks == ("torch", "mlx")
    assert family.load("x", device="cpu") == ("torch", "cpu")
    assert family.load("x", device="mlx") == ("mlx", "mlx")


def test_auto_takes_the_best_available_backend():
    assert _registry().family("fam").load("x", device="auto") == ("mlx", "auto")


def test_auto_honours_the_framework_a_checkpoint_declares(tmp_path):
    (tmp_path / "kp.json").write_text(json.dumps({"family": "fam", "framework": "torch"}))
    assert _registry().family("fam").load(str(tmp_path), device="auto") == ("torch", "auto")


def test_train_routes_and_reports_inference_only_frameworks():
    family = _registry().family("fam")
    assert family.trainable and family.recipes == (_TorchRecipe,)
    assert family.recipe_for("cpu") is _TorchRecipe
    with pytest.raises(UnknownNameError, match="inference only"):
        family.recipe_for("mlx")
    # auto trains on the best available framework that can train, even when an inference-only
    # framework's backend ranks higher (mlx here), never failing on that one.
    assert family.load("x", device="auto") == ("mlx", "auto")
    assert family.recipe_for("auto") is _TorchRecipe


def test_same_framework_twice_is_still_a_duplicate():
    registry = _registry()
    with pytest.raises(DuplicateRegistrationError):
        registry.families.add(Family("fam", "again", ("mlx",), load=lambda ref, **kw: None))
