"""What kp-torch's token-classification families share as training recipes (xlmr-ner,
moe-finetune): the common options, encoding documents into windows, one forward/backward, one
optimizer update, resumable state and the final save. Each family adds how its model is built,
merged and described.

The loop itself is kp-core's driver (:mod:`kp_core.training.driver`); nothing here loops over
steps. Torch is imported inside the methods, so importing a recipe stays cheap.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from kp_core.training.common_options import (
    BF16,
    LORA,
    MAX_GRAD_NORM,
    MAX_LENGTH,
    THREADS,
    WINDOW_OVERLAP,
    at_least,
    subword_labels,
)
from kp_core.training.common_options import eval_batch_size as common_eval_batch_size
from kp_core.training.options import Option
from kp_core.training.recipe import MicroStep, RunContext
from kp_torch.training.steps import TorchSteps

if TYPE_CHECKING:
    from kp_core.detector import Detector


def token_options(*, eval_batch_size: int) -> tuple[Option, ...]:
    """The options every torch token-classification recipe takes."""
    return (
        *LORA,
        MAX_LENGTH,
        subword_labels("all"),
        WINDOW_OVERLAP,
        THREADS,
        BF16,
        Option(name="max_util", kind=bool, default=False, help="Probe cuda/mps memory for the largest batch."),
        Option(
            name="max_util_batch_size", kind=at_least(1), default=None, help="Take this batch size without probing."
        ),
        MAX_GRAD_NORM,
        common_eval_batch_size(eval_batch_size),
    )


class TorchTokenRecipe(TorchSteps, abc.ABC):
    """The shared half of a torch token-classification recipe; a family subclass supplies
    :meth:`build_model` (seeded as the family always was), :meth:`make_detector` and
    :meth:`family_fields`, and may override :meth:`load_tokenizer`, :meth:`lr_overrides`,
    :meth:`merge` and :meth:`final_figures`."""

    family: ClassVar[str]
    framework: ClassVar[str | None] = "torch"
    options: ClassVar[Sequence[Option]] = token_options(eval_batch_size=32)
    default_base: ClassVar[str | None] = None

    batch_size: int | None = None

    # -- what a family supplies -----------------------------------------------------------------

    @abc.abstractmethod
    def build_model(self, base: Path | str) -> Any:
        """The model to train from ``base`` (on the CPU; the base class moves it)."""

    @abc.abstractmethod
    def make_detector(self, model: Any) -> Detector:
        """A detector over ``model`` (in eval mode) for evaluation."""

    @abc.abstractmethod
    def family_fields(self) -> dict[str, Any]:
        """The family's own kp.json fields."""

    def load_tokenizer(self, base: Path | str) -> Any:
        from transformers import AutoTokenizer

        from kp_torch_runtime.hub import loading

        with loading(base):  # an unreachable Hub id is a refusal; no library bars off a terminal
            return AutoTokenizer.from_pretrained(str(base), use_fast=True)

    def lr_overrides(self) -> tuple[tuple[str, float], ...]:
        """(name fragment, learning rate) for parameters that train at their own rate."""
        return ()

    def merge(self, model: Any) -> Any:
        """The plain model once training is over (LoRA merged in)."""
        if self.opts["full_finetune"]:
            return model
        return model.merge_and_unload()

    def final_figures(self, model: Any) -> dict[str, Any]:
        """Figures of the trained (merged) model on the eval windows: the eval loss."""
        from kp_torch.training.scoring import eval_loss

        return {"eval_loss": eval_loss(model, self.eval_set.features, device=self.device, batch_size=self.eval_batch)}

    # -- the recipe protocol -------------------------------------------------------------------

    def setup(self, run: RunContext) -> None:
        from kp_core.bases import resolve_base
        from kp_core.training.data import alignment_note
        from kp_torch.tokens import require_fast
        from kp_torch.training.features import encode_examples
        from kp_torch.training.max_util import choose_batch_size
        from kp_torch_runtime.state import adamw, seed_torch

        self.run = run
        self.opts = dict(run.options)
        self.device = run.device
        self.echo = run.echo
        self.eval_batch = int(self.opts["eval_batch_size"])
        config = run.config
        if self.device == "cpu":
            self._apply_threads()
            if self.opts["bf16"]:
                self.echo("note: --bf16 on cpu runs bfloat16 autocast, which is slower than fp32 on most CPUs")
        seed_torch(config.seed)
        base = resolve_base(config.base or self.default_base or "")
        self.tokenizer = self.load_tokenizer(base)
        require_fast(self.tokenizer)
        model = self.build_model(base)
        model.to(self.device)
        self.model = model

        scheme, overlap = self.opts["subword_labels"], self.opts["window_overlap"]
        max_length = self.opts["max_length"]
        self.train_set = encode_examples(
            self.tokenizer, run.data.train, max_length=max_length, scheme=scheme, overlap=overlap
        )
        self.eval_set = encode_examples(
            self.tokenizer, run.data.eval, max_length=max_length, scheme=scheme, overlap=overlap
        )
        for name, encoded in (("train", self.train_set), ("eval", self.eval_set)):
            if note := alignment_note(name, encoded.issues, encoded.issue_examples):
                self.echo(note)
        self.echo(
            f"windows: train {self.train_set.n_windows} (from {len(run.data.train)} docs), "
            f"eval {self.eval_set.n_windows}"
        )
        features = self.train_set.features
        if features.input_ids:
            choice = choose_batch_size(
                model,
                features.input_ids,
                features.labels,
                pad_id=features.pad_id,
                device=self.device,
                requested=config.batch_size,
                enabled=self.opts["max_util"],
                override=self.opts["max_util_batch_size"],
                bf16=self.opts["bf16"],
            )
            for line in choice.log:
                self.echo(f"max-util: {line}")
            self.batch_size = choice.batch_size
        model.train()
        self.optimizer = adamw(
            model,
            lr=config.lr,
            weight_decay=config.weight_decay,
            device=self.device,
            lr_overrides=self.lr_overrides(),
        )
        self._trainable = [p for p in model.parameters() if p.requires_grad]

    def _apply_threads(self) -> None:
        from kp_torch_runtime.runtime import apply_cpu_threads, cpu_contention

        threads = apply_cpu_threads(self.opts["threads"])
        if busy := cpu_contention(threads):
            self.echo(f"kp: {busy}")

    def item_lengths(self) -> Sequence[int]:
        return self.train_set.features.lengths()

    def forward_backward(self, batch: Sequence[int], loss_scale: float) -> MicroStep:
        from contextlib import nullcontext

        import torch

        from kp_torch.training.padding import pad_batch

        features = self.train_set.features
        tensors = pad_batch(
            [features.input_ids[i] for i in batch], [features.labels[i] for i in batch], features.pad_id
        )
        tensors = {k: v.to(self.device, non_blocking=True) for k, v in tensors.items()}
        autocast = (
            torch.autocast(device_type=self.device.partition(":")[0], dtype=torch.bfloat16)
            if self.opts["bf16"]
            else nullcontext()
        )
        with autocast:
            loss = self.model(**tensors).loss
        (loss * loss_scale).backward()
        return MicroStep(float(loss.detach()), int(tensors["input_ids"].shape[0]), int(tensors["attention_mask"].sum()))

    def detector(self) -> Detector:
        self.model.eval()
        return self.make_detector(self.model)

    def train_mode(self) -> None:
        self.model.train()

    def finish(self) -> Mapping[str, Any]:
        self.model = self.merge(self.model)
        self.model.eval()
        return self.final_figures(self.model)

    def save(self, out: Path) -> Mapping[str, Any]:
        from kp_torch_runtime.hub import library_progress

        with library_progress():  # no "Writing model shards" bars in a log file
            self.model.save_pretrained(str(out), safe_serialization=True)
            self.tokenizer.save_pretrained(str(out))
        return {
            "base_model_type": getattr(self.model.config, "model_type", None),
            "label_scheme": self.opts["subword_labels"],
            **self.family_fields(),
            "alignment_issues": dict(self.train_set.issues),  # spans that did not align to subwords
        }

    # -- helpers for subclasses ----------------------------------------------------------------

    def lora_alpha(self) -> int:
        return self.opts["lora_alpha"] or 2 * self.opts["lora_rank"]
