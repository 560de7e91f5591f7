"""kp-core's recipe conformance kit on kp-mlx's recipe: declared options, the saved model loads
and predicts, kp.json names the shared eval split, and a run killed at a random step and resumed
ends with the same files as an uninterrupted one."""

from __future__ import annotations

from kp_core.testing import RecipeConformance
from kp_mlx.recipe import MlxTokenRecipe
from tests.mlx.conftest import PRIVACY_FILTER, fixture_folder


class TestMlxTokenRecipe(RecipeConformance):
    recipe = MlxTokenRecipe
    base = str(fixture_folder(PRIVACY_FILTER))
    options = {"lora_rank": 4, "max_length": 32}
    settings = {"device": "mlx", "lr": 3e-3}
