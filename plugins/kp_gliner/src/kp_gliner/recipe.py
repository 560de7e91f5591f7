"""``kp train gliner``: finetune a GLiNER model (or build one on an encoder) on kp rows.

The recipe kp's training driver runs: it builds the model, turns the training split into GLiNER
records (KP types as their primary phrase, long documents in the same word windows as at
inference), and does one forward/backward and one AdamW update at a time, with the encoder and the
GLiNER head at their own learning rates. The loop, schedule, batching, checkpoints, time budget and
evaluation are the driver's. Nothing here imports torch or gliner at module level.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from kp_core.training.common_options import BF16, MAX_GRAD_NORM, THREADS, eval_batch_size
from kp_core.training.data import TrainingError
from kp_core.training.options import Option
from kp_core.training.recipe import MicroStep, RunContext
from kp_gliner.build import NEW_MODEL_DEFAULTS
from kp_gliner.detector import DEFAULT_OVERLAP, FAMILY
from kp_gliner.thresholds import DEFAULT_THRESHOLD

_NEW_MODEL = "new model only; a GLiNER base keeps its own"
# gliner's collator draws from Python's global ``random`` (negative types, blank-entity prompts), so
# its state is part of what a resumed run must continue from.
PYTHON_RNG = "python_rng.json"

OPTIONS: tuple[Option, ...] = (
    Option(
        name="labels",
        kind=str,
        default=None,
        help="Label mapping: default (every KP type), harness, a JSON object or a JSON file",
    ),
    Option(name="encoder_lr", kind=float, default=None, help="Learning rate of the encoder [default: --lr / 10]"),
    Option(name="freeze_encoder", kind=bool, default=False, help="Train the GLiNER head alone"),
    MAX_GRAD_NORM,
    Option(name="max_words", kind=int, default=None, help="Window length in words [default: the model's max_len]"),
    Option(name="overlap", kind=int, default=DEFAULT_OVERLAP, help="Window overlap in words"),
    *(
        Option(name=name, kind=kind, default=None, help=f"{what} ({_NEW_MODEL}) [default: {NEW_MODEL_DEFAULTS[name]}]")
        for name, kind, what in (
            ("max_width", int, "Widest span in words"),
            ("hidden_size", int, "Hidden size"),
            ("dropout", float, "Dropout"),
            ("span_mode", str, "Span representation"),
            ("max_types", int, "Label phrases per window"),
        )
    ),
    Option(
        name="threshold",
        kind=float,
        default=DEFAULT_THRESHOLD,
        help="Score threshold recorded for inference and used for the eval figures",
        affects_weights=False,
    ),
    eval_batch_size(8),
    THREADS,
    BF16,
)


def param_groups(model: Any, *, lr: float, encoder_lr: float, weight_decay: float) -> list[dict[str, Any]]:
    """Encoder and head apart (GLiNER's own recipe), no weight decay on biases and norms."""
    groups: dict[tuple[bool, bool], list[Any]] = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        encoder = "token_rep_layer" in name
        decay = not (name.endswith("bias") or "LayerNorm" in name or "layer_norm" in name or "norm." in name)
        groups.setdefault((encoder, decay), []).append(param)
    return [
        {"params": params, "lr": encoder_lr if encoder else lr, "weight_decay": weight_decay if decay else 0.0}
        for (encoder, decay), params in sorted(groups.items())
    ]


class GlinerRecipe:
    """GLiNER on torch: kp's driver calls it (see :class:`kp_core.training.recipe.Recipe`)."""

    family: ClassVar[str] = FAMILY
    framework: ClassVar[str | None] = "torch"
    options: ClassVar[Sequence[Option]] = OPTIONS
    # GLiNER's loss is a sum over a batch's spans: batches of similar-length windows make some
    # steps far larger than others and keep each epoch's batches nearly the same.
    batching: ClassVar[str] = "shuffled"

    def setup(self, run: RunContext) -> None:
        """Build the model on ``run.device``, convert the training split and create AdamW."""
        import torch

        from kp_gliner.build import BaseError, build_model
        from kp_gliner.convert import ConversionError, to_records
        from kp_gliner.detector import subword_budget
        from kp_gliner.labels import PromptError, parse_prompts
        from kp_gliner.thresholds import parse_thresholds
        from kp_torch_runtime.runtime import apply_cpu_threads, cpu_contention
        from kp_torch_runtime.state import adamw, seed_torch

        config, options = run.config, run.options
        self._device = run.device
        self._out = run.out
        # gliner's pre- and post-processing run on the CPU whatever the device.
        threads = apply_cpu_threads(options["threads"])
        if run.device == "cpu" and (busy := cpu_contention(threads)):
            run.echo(f"kp: {busy}")
        seed_torch(config.seed)
        new_model = {k: options[k] for k in NEW_MODEL_DEFAULTS if options.get(k) is not None}
        try:
            prompts = parse_prompts(options["labels"]).primary()
            self._thresholds = parse_thresholds(options["threshold"], None)
            model, self._origin = build_model(config.base, new_model, seed=config.seed)
        except (BaseError, PromptError, ValueError) as exc:
            raise TrainingError(str(exc)) from None
        run.echo(f"{FAMILY}: {self._origin}; {torch.get_num_threads()} CPU threads")
        model.to(run.device)
        if options["freeze_encoder"]:
            model.freeze_component("text_encoder")
        limit = int(model.config.max_len)
        max_words = limit if options["max_words"] is None else options["max_words"]
        if not 1 <= max_words <= limit:
            raise TrainingError(f"--max-words {max_words}: must be in 1..{limit} (the model's max_len)")
        overlap = options["overlap"]
        if overlap < 0:
            raise TrainingError(f"--overlap {overlap}: must be at least 0")
        try:
            converted = to_records(
                run.data.train, model=model, prompts=prompts, max_words=max_words, overlap=overlap,
                subword_budget=subword_budget(model, prompts.phrases()), seed=config.seed,
            )  # fmt: skip
        except (ConversionError, ValueError) as exc:
            raise TrainingError(f"--data {config.dataset}: {exc}") from None
        if converted.issues:
            run.echo("train spans not used: " + ", ".join(f"{k} {v}" for k, v in sorted(converted.issues.items())))
        run.echo(f"windows: {len(converted.records)} from {converted.documents} documents, {converted.spans} spans")
        self._records = converted.records
        self._conversion = {
            "windows": len(converted.records),
            "spans": converted.spans,
            "spans_not_used": converted.issues,
        }
        self._lengths = [len(record["tokenized_text"]) for record in self._records]
        self._prompts, self._max_words, self._overlap = prompts, max_words, overlap
        self._eval_batch_size = options["eval_batch_size"]
        self._max_grad_norm = options["max_grad_norm"]
        self._autocast = bool(options["bf16"]) and run.device.startswith("cuda")
        encoder_lr = config.lr / 10 if options["encoder_lr"] is None else options["encoder_lr"]
        groups = param_groups(model, lr=config.lr, encoder_lr=encoder_lr, weight_decay=config.weight_decay)
        self._optimizer = adamw(groups, lr=config.lr, weight_decay=config.weight_decay, device=run.device)
        self._collator = model._create_data_collator()
        self._model = model
        model.train()

    def item_lengths(self) -> Sequence[int]:
        """Words per training window."""
        return self._lengths

    def forward_backward(self, batch: Sequence[int], loss_scale: float) -> MicroStep:
        import torch

        rows = [self._records[i] for i in batch]
        inputs = {k: v.to(self._device) if hasattr(v, "to") else v for k, v in self._collator(rows).items()}
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=self._autocast):
            loss = self._model(**inputs).loss
        (loss * loss_scale).backward()
        return MicroStep(float(loss.detach()), len(rows), sum(self._lengths[i] for i in batch))

    def update(self, lr_factor: float) -> None:
        import torch

        from kp_torch_runtime.state import set_lr_factor

        torch.nn.utils.clip_grad_norm_(self._model.parameters(), self._max_grad_norm)
        set_lr_factor(self._optimizer, lr_factor)
        self._optimizer.step()
        self._optimizer.zero_grad(set_to_none=True)

    def save_state(self, folder: Path) -> None:
        import random

        from kp_torch_runtime.state import save_torch_state

        save_torch_state(folder, model=self._model, optimizer=self._optimizer, device=self._device)
        (folder / PYTHON_RNG).write_text(json.dumps(random.getstate()), encoding="utf-8")

    def load_state(self, folder: Path) -> None:
        import random

        from kp_torch_runtime.state import load_torch_state

        load_torch_state(folder, model=self._model, optimizer=self._optimizer, device=self._device)
        path = folder / PYTHON_RNG
        try:
            version, internal, gauss = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TrainingError(f"{path}: cannot read the checkpoint's Python RNG state ({exc})") from None
        random.setstate((version, tuple(internal), gauss))

    def detector(self) -> Any:
        """A detector over the current weights (eval mode until :meth:`train_mode`)."""
        from kp_gliner.detector import GlinerDetector

        self._model.eval()
        return GlinerDetector(
            self._model,
            model_id=str(self._out),
            prompts=self._prompts,
            thresholds=self._thresholds,
            batch_size=self._eval_batch_size,
            max_words=self._max_words,
            overlap=self._overlap,
        )

    def train_mode(self) -> None:
        self._model.train()

    def finish(self) -> Mapping[str, Any]:
        return {}

    def save(self, out: Path) -> Mapping[str, Any]:
        """gliner's folder in safetensors; kp.json records how to prompt and window it."""
        from kp_gliner.checkpoint import save_model

        save_model(self._model, out)
        return {
            "base_origin": self._origin,
            "gliner_model_type": type(self._model).__name__,
            "train_records": self._conversion,
            "inference": {
                "labels": self._prompts.to_json(),
                "thresholds": self._thresholds.to_json(),
                "max_words": self._max_words,
                "overlap": self._overlap,
            },
        }
