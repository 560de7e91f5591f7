"""``kp train classifier``: a multi-label document classifier over DOC_LABELS on any encoder.

Training items are windows of documents with the labels of the spans inside each window
(:mod:`kp_torch.classifier.windows` says why); the loss is BCE over the labels a window can
vouch for. The eval split scores whole documents (max over windows), calibrates each label's
threshold and the routing threshold (:mod:`kp_torch.classifier.calibration`), and reports
micro F1/precision/recall/F2, the PERSONAL_DATA AUROC and the level accuracy. kp-core's driver
runs the loop, checkpoints and kp.json.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from kp_core.training.common_options import (
    LORA,
    LORA_TARGETS,
    MAX_GRAD_NORM,
    MAX_LENGTH,
    THREADS,
    WINDOW_OVERLAP,
    at_least,
    eval_batch_size,
    non_negative,
)
from kp_core.training.options import Option
from kp_core.training.recipe import MicroStep, RunContext
from kp_torch.training.steps import TorchSteps

FAMILY = "classifier"
HEAD_LR = Option(
    name="head_lr",
    kind=non_negative,
    default=None,
    help="Learning rate of the new classification head [default: --lr].",
)
ENCODER_LAYERS = Option(
    name="encoder_layers",
    kind=at_least(1),
    default=None,
    help="Keep only the base encoder's first N layers: a cheaper classifier, so that routing costs "
    "less than the span detection it saves [default: all].",
)
POS_WEIGHT_CAP = Option(
    name="pos_weight_cap",
    kind=non_negative,
    default=0.0,
    help="Weigh each label's positive windows by its negatives/positives in the training windows, "
    "capped at this (0: no class balancing).",
)


class ClassifierRecipe(TorchSteps):
    """A sequence-classification head (sigmoid, BCE) over DOC_LABELS, LoRA or full fine-tuning."""

    family: ClassVar[str] = FAMILY
    framework: ClassVar[str | None] = "torch"
    f1_name: ClassVar[str] = "label micro-F1"  # what the driver's eval lines call evaluate()'s f1
    options: ClassVar[tuple[Option, ...]] = (
        *LORA,
        LORA_TARGETS,
        MAX_LENGTH,
        WINDOW_OVERLAP,
        THREADS,
        MAX_GRAD_NORM,
        HEAD_LR,
        ENCODER_LAYERS,
        POS_WEIGHT_CAP,
        eval_batch_size(32),
    )
    default_base: ClassVar[str] = "multilingual-e5-small"

    batch_size: int | None = None

    def setup(self, run: RunContext) -> None:
        import torch
        from transformers import AutoTokenizer

        from kp_core.bases import resolve_base
        from kp_core.encoding.tokens import require_fast
        from kp_torch.classifier.model import build_model
        from kp_torch.classifier.windows import training_windows
        from kp_torch_runtime.hub import loading
        from kp_torch_runtime.runtime import apply_cpu_threads, cpu_contention
        from kp_torch_runtime.state import adamw, seed_torch

        self.run = run
        self.opts = dict(run.options)
        self.device = run.device
        self.echo = run.echo
        self.calibration = None
        if self.device == "cpu":
            threads = apply_cpu_threads(self.opts["threads"])
            if busy := cpu_contention(threads):
                self.echo(f"kp: {busy}")
        seed_torch(run.config.seed)
        base = resolve_base(run.config.base or self.default_base)
        with loading(base):
            self.tokenizer = AutoTokenizer.from_pretrained(str(base), use_fast=True)
        require_fast(self.tokenizer)
        self.pad_id = int(self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0)
        self.model = build_model(base, seed=run.config.seed, options=self.opts, echo=self.echo)
        self.model.to(self.device)
        self.train_set = training_windows(
            self.tokenizer, run.data.train, max_length=self.opts["max_length"], overlap=self.opts["window_overlap"]
        )
        positives = int((self.train_set.targets[:, 0] == 1).sum()) if len(self.train_set) else 0
        self.echo(
            f"windows: train {len(self.train_set)} (from {len(run.data.train)} docs, {positives} with personal data)"
        )
        self.pos_weight = torch.as_tensor(self._pos_weight(), dtype=torch.float32, device=self.device)
        self.model.train()
        head_lr = self.opts.get("head_lr")
        overrides = (("classifier", float(head_lr)), ("score", float(head_lr))) if head_lr else ()
        self.optimizer = adamw(
            self.model,
            lr=run.config.lr,
            weight_decay=run.config.weight_decay,
            device=self.device,
            lr_overrides=overrides,
        )
        self._trainable = [p for p in self.model.parameters() if p.requires_grad]

    def _pos_weight(self) -> np.ndarray:
        """Per label: negatives/positives among the training windows, capped (1 when off)."""
        cap = float(self.opts["pos_weight_cap"])
        targets = self.train_set.targets
        if not cap or targets is None or not len(targets):
            return np.ones(targets.shape[1] if targets is not None else 0)
        pos = (targets == 1).sum(axis=0)
        neg = (targets == 0).sum(axis=0)
        return np.clip(neg / np.maximum(pos, 1), 1.0, cap)

    def item_lengths(self) -> Sequence[int]:
        return self.train_set.lengths()

    def forward_backward(self, batch: Sequence[int], loss_scale: float) -> MicroStep:
        import torch

        from kp_torch.classifier.batches import pad_inputs

        tensors = pad_inputs([self.train_set.input_ids[i] for i in batch], self.pad_id)
        tensors = {k: v.to(self.device) for k, v in tensors.items()}
        targets = torch.as_tensor(self.train_set.targets[list(batch)], device=self.device)
        logits = self.model(**tensors).logits.float()
        keep = (targets >= 0).float()
        loss_each = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, targets.clamp(min=0).float(), pos_weight=self.pos_weight, reduction="none"
        )
        loss = (loss_each * keep).sum() / keep.sum().clamp(min=1.0)
        (loss * loss_scale).backward()
        return MicroStep(float(loss.detach()), len(batch), int(tensors["attention_mask"].sum()))

    def classifier(self) -> Any:
        """A :class:`DocClassifier` over the current weights, in inference mode."""
        from kp_torch.classifier.model import DocClassifier

        self.model.eval()
        thresholds = self.calibration.thresholds if self.calibration else None
        routing = self.calibration.routing_threshold if self.calibration else 0.0
        return DocClassifier(
            self.model,
            self.tokenizer,
            thresholds=thresholds,
            routing_threshold=routing,
            max_length=self.opts["max_length"],
            overlap=self.opts["window_overlap"],
            device=self.device,
            batch_size=self.opts["eval_batch_size"],
        )

    def detector(self) -> Any:
        return self.classifier()  # a document classifier finds no spans; the driver calls evaluate

    def evaluate(self, eval_examples: Sequence[Any]) -> dict[str, Any]:
        """Score the eval documents, calibrate the thresholds on them, and report the figures."""
        from kp_core.classification.labels import example_doc_labels
        from kp_torch.classifier.calibration import calibrate, classifier_metrics

        examples = list(eval_examples)
        gold_labels = [example_doc_labels(ex) for ex in examples]
        gold = np.asarray([g.vector() for g in gold_labels], dtype=np.int64)
        scores = self.classifier().scores([ex.text for ex in examples])
        self.calibration = calibrate(scores, gold)
        return classifier_metrics(scores, gold, [g.level for g in gold_labels], self.calibration.thresholds)

    def train_mode(self) -> None:
        self.model.train()

    def finish(self) -> Mapping[str, Any]:
        if not self.opts["full_finetune"]:
            self.model = self.model.merge_and_unload()
        self.model.eval()
        return {}

    def save(self, out: Path) -> Mapping[str, Any]:
        from kp_torch.classifier.calibration import DEFAULT_THRESHOLD
        from kp_torch_runtime.hub import library_progress

        if self.calibration is None and self.run.data.eval:
            self.evaluate(self.run.data.eval)
        calibrated = self.calibration
        thresholds = calibrated.thresholds if calibrated else {}
        routing = calibrated.routing_threshold if calibrated else 0.0
        config = self.model.config
        config.kp_thresholds = {name: round(float(t), 6) for name, t in thresholds.items()} or None
        config.kp_routing_threshold = round(float(routing), 6)
        config.kp_max_length = self.opts["max_length"]
        config.kp_window_overlap = self.opts["window_overlap"]
        with library_progress():
            self.model.save_pretrained(str(out), safe_serialization=True)
            self.tokenizer.save_pretrained(str(out))
        return {
            "task": "classification",
            "base_model_type": getattr(config, "model_type", None),
            "labels": list(config.id2label[i] for i in range(config.num_labels)),
            "max_length": self.opts["max_length"],
            "window_overlap": self.opts["window_overlap"],
            "thresholds": config.kp_thresholds or {},
            "default_threshold": DEFAULT_THRESHOLD,
            "uncalibrated_labels": list(calibrated.uncalibrated) if calibrated else [],
            "routing_threshold": config.kp_routing_threshold,
            "pooling": "max over windows",
        }
