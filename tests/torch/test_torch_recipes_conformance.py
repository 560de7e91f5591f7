"""kp-core's recipe conformance kit on kp-torch's two recipes: declared options, the saved model
loads and predicts, kp.json names the shared eval split, and a run killed at a random step and
resumed ends with the same files as an uninterrupted one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kp_core.testing import RecipeConformance
from kp_torch.moe.recipe import MoeFinetuneRecipe
from kp_torch.xlmr_ner.recipe import XlmrNerRecipe
from tests.torch.moe_tiny import shared_tiny_base


class TestXlmrNerRecipe(RecipeConformance):
    recipe = XlmrNerRecipe
    base = "the tiny XLM-R base (set by the fixture below)"
    options = {"lora_rank": 4, "max_length": 64, "threads": 1}
    settings = {"device": "cpu", "lr": 3e-3}

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _tiny_base(cls, tiny_bases: dict[str, Path]) -> None:
        cls.base = str(tiny_bases["xlmr"])


class TestMoeFinetuneRecipe(RecipeConformance):
    recipe = MoeFinetuneRecipe
    base = "the tiny privacy-filter base (set by the fixture below)"
    options = {"lora_rank": 4, "max_length": 64, "threads": 1, "expert_lora": True}
    settings = {"device": "cpu", "lr": 3e-3}

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _tiny_base(cls, tmp_path_factory: pytest.TempPathFactory) -> None:
        cls.base = str(shared_tiny_base(tmp_path_factory))
