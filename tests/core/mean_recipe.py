"""A tiny numpy recipe and its data for the driver and ``kp train`` tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from kp_core.data import write_jsonl
from kp_core.training import MicroStep, Option, RunContext, TrainConfig
from kp_core.types import Example, Span


class Killed(RuntimeError):
    pass


class NoSpans:
    name = "mean"
    model_id = "mean"

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [[] for _ in texts]


class MeanRecipe:
    """Learns the mean text length with noisy SGD: small, exact, and it uses an RNG every step."""

    family: ClassVar[str] = "mean"
    framework: ClassVar[str | None] = None
    options: ClassVar[Sequence[Option]] = (
        Option(name="noise", kind=float, default=0.1, help="Gradient noise."),
        Option(name="verbose", kind=bool, default=False, help="Chatty.", affects_weights=False),
    )

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def setup(self, run: RunContext) -> None:
        self.run = run
        self.rng = np.random.default_rng(run.config.seed)
        self.w = np.zeros(1)
        self.grad = np.zeros(1)
        self.targets = [float(len(ex.text)) / 100 for ex in run.data.train]

    def item_lengths(self) -> Sequence[int]:
        return [len(ex.text.split()) for ex in self.run.data.train]

    def forward_backward(self, batch: Sequence[int], loss_scale: float) -> MicroStep:
        target = np.array([self.targets[i] for i in batch])
        diff = self.w[0] - target
        # One draw from the recipe's own generator and one from numpy's global one, which the
        # driver saves and restores for every family.
        noise = self.rng.normal(0.0, self.run.options["noise"]) + np.random.normal(0.0, self.run.options["noise"])
        self.grad += loss_scale * (2 * diff.mean() + noise)
        self.calls.append(("fb", len(batch)))
        return MicroStep(loss=float((diff**2).mean()), samples=len(batch), tokens=int(sum(len(b) for b in [batch])))

    def update(self, lr_factor: float) -> None:
        self.calls.append(("update", lr_factor))
        self.w -= self.run.config.lr * lr_factor * self.grad
        self.grad[:] = 0

    def save_state(self, folder: Path) -> None:
        np.save(folder / "w.npy", self.w)
        (folder / "rng.json").write_text(json.dumps(self.rng.bit_generator.state), encoding="utf-8")

    def load_state(self, folder: Path) -> None:
        self.w = np.load(folder / "w.npy")
        self.rng.bit_generator.state = json.loads((folder / "rng.json").read_text(encoding="utf-8"))

    def detector(self) -> NoSpans:
        self.calls.append(("detector", None))
        return NoSpans()

    def train_mode(self) -> None:
        self.calls.append(("train_mode", None))

    def finish(self) -> dict[str, float]:
        return {"eval_loss": 0.5, "w": float(self.w[0])}

    def save(self, out: Path) -> dict[str, Any]:
        np.save(out / "w.npy", self.w)
        return {"label_scheme": "first"}


def dataset_file(tmp_path: Path, n: int = 40) -> Path:
    rows = []
    for i in range(n):
        prefix = f"row {i % 8} says "
        name = f"Name{i}"
        text = prefix + name + " " + "word " * (i % 5)
        rows.append(
            Example(
                text, [Span(len(prefix), len(prefix) + len(name), "PERSON")], doc_id=f"d{i}", template_id=f"t{i % 8}"
            )
        )
    path = tmp_path / "rows.jsonl"
    write_jsonl(rows, path)
    return path


def mean_config(tmp_path: Path, **kw: Any) -> TrainConfig:
    settings: dict[str, Any] = {
        "family": "mean", "base": "none", "dataset": str(dataset_file(tmp_path)), "out": tmp_path / "out",
        "batch_size": 4, "epochs": 2.0, "lr": 0.1, "eval_fraction": 0.25, "progress": False,
    }  # fmt: skip
    settings.update(kw)
    return TrainConfig(**settings)
