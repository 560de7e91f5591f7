"""kp-core's recipe conformance kit on the gliner recipe: options declared properly, the saved
model loads and predicts, kp.json names the shared eval split, a killed and resumed run ends with
the same files as an uninterrupted one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kp_core.testing import RecipeConformance
from kp_gliner.recipe import GlinerRecipe
from tests.gliner.conftest import TINY_OPTIONS


class TestGlinerRecipe(RecipeConformance):
    recipe = GlinerRecipe
    base = "the tiny encoder (set by the fixture below)"
    # The generated rows hold every KP type: the default label mapping, not the tiny one.
    options = {k: v for k, v in TINY_OPTIONS.items() if k != "labels"} | {"threads": 1}
    settings = {"device": "cpu", "lr": 3e-3}

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _tiny_encoder_base(cls, tiny_encoder: Path) -> None:
        cls.base = str(tiny_encoder)
