"""Fixtures of the harness env's tests (Python 3.13, europriv-bench installed from its wheel)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def tagger_ref(tmp_path_factory) -> str:
    """A tiny example-tagger trained a few steps on generated rows (seconds, numpy only): a kp
    checkpoint folder of a trainable family, which the harness's own kp-model adapter cannot read."""
    from kp_core.generate import generate_rows, write_rows
    from kp_core.training import TrainConfig, train_with_recipe
    from kp_example.tagger import TaggerRecipe

    base = tmp_path_factory.mktemp("tagger")
    write_rows(generate_rows(["en", "it"], n=48, seed=5), base / "rows.jsonl")
    config = TrainConfig(
        family="example-tagger", base="none", dataset=str(base / "rows.jsonl"), out=base / "model",
        max_steps=6, batch_size=8, eval_fraction=0.2, progress=False, options={"features": 1024},
    )  # fmt: skip
    train_with_recipe(TaggerRecipe, config, echo=lambda _line: None)
    return str(base / "model")
