"""``kp train moe-finetune --device mlx``: LoRA (or full) fine-tuning of a token classifier in MLX,
as a recipe of kp's training driver.

The driver owns the data split, batching, schedule, evaluation, checkpoints and ``kp.json``; this
recipe owns the model: base folder loaded in MLX -> head over the 73 KP labels (rows of labels the
base knew are kept) -> LoRA on the attention projections -> windows + BIOES labels
(``kp_core.encoding.alignment``) -> AdamW with clipped, accumulated gradients -> a
``save_pretrained``-compatible folder (merged weights, tokenizer) plus the adapters in PEFT's
format under ``adapters/``. Importing this module never imports mlx.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from kp_core.training.common_options import (
    LORA,
    LORA_TARGETS,
    MAX_GRAD_NORM,
    MAX_LENGTH,
    WINDOW_OVERLAP,
    eval_batch_size,
    subword_labels,
)
from kp_core.training.data import TrainingError, alignment_note
from kp_core.training.options import Option
from kp_core.training.recipe import MicroStep, RunContext

if TYPE_CHECKING:
    from kp_core.types import Example
    from kp_mlx.engine import MLXTokenClassifier
    from kp_mlx.features import Windows

FAMILY = "moe-finetune"
ADAPTERS = "adapters"
DEFAULT_EVAL_BATCH_SIZE = 32


def _head_scheme(value: Any) -> str:
    from kp_core.taxonomy.crosswalk import schemes

    name = str(value).strip()
    if name not in schemes():
        raise ValueError(f"expected one of {', '.join(schemes())}")
    return name


OPTIONS: tuple[Option, ...] = (
    *LORA,
    MAX_LENGTH,
    subword_labels("first"),
    LORA_TARGETS,
    WINDOW_OVERLAP,
    MAX_GRAD_NORM,
    Option(
        name="head_scheme",
        kind=_head_scheme,
        default="openai",
        help="Crosswalk scheme of the base head's native labels, to keep their rows in the KP head.",
    ),
    eval_batch_size(DEFAULT_EVAL_BATCH_SIZE),
)


class MlxTokenRecipe:
    """The ``moe-finetune`` family on the ``mlx`` framework (see the module docstring)."""

    family: ClassVar[str] = FAMILY
    framework: ClassVar[str | None] = "mlx"
    options: ClassVar[Sequence[Option]] = OPTIONS

    def setup(self, run: RunContext) -> None:
        import mlx.core as mx
        import mlx.nn as nn
        import mlx.optimizers as optim
        from mlx.utils import tree_flatten

        from kp_core.bases import resolve_base
        from kp_mlx.head import extend_head
        from kp_mlx.lora import DEFAULT_TARGETS, apply_lora
        from kp_mlx.models import load_model
        from kp_mlx.tokens import DocumentTokenizer
        from kp_mlx.training_ops import mean_token_loss

        config, opts = run.config, run.options
        self._run = run
        self._lr = float(config.lr)
        self._max_grad_norm = float(opts["max_grad_norm"])
        self._max_length = int(opts["max_length"])
        self._scheme = str(opts["subword_labels"])
        self._overlap = opts["window_overlap"]
        self._eval_batch = int(opts["eval_batch_size"])
        self._full = bool(opts["full_finetune"])
        self._rank = int(opts["lora_rank"])
        self._alpha = float(opts["lora_alpha"] or 2 * self._rank)
        self._dropout = float(opts["lora_dropout"])
        mx.random.seed(config.seed)

        base = resolve_base(config.base)
        if not isinstance(base, Path) or not base.is_dir():
            raise TrainingError(f"--base {config.base}: kp-mlx trains from a local folder (no Hub access at run time)")
        self._base = base
        model, model_config = load_model(base)
        self._model_config = extend_head(model, model_config, scheme=opts["head_scheme"], seed=config.seed)
        self._model_type = str(self._model_config.get("model_type", ""))
        self._tokenizer = DocumentTokenizer.from_folder(base)
        pad = self._model_config.get("pad_token_id")
        self._pad_id = int(pad) if isinstance(pad, int) else 0

        self._targets = list(opts["lora_targets"] or DEFAULT_TARGETS.get(self._model_type, ()))
        if self._full:
            model.unfreeze()
            run.echo("full fine-tuning: every weight trains")
        else:
            if not self._targets:
                raise TrainingError(
                    f"--lora-targets: no default LoRA targets for model type {self._model_type!r}; name them"
                )
            mx.random.seed(config.seed)
            try:
                paths = apply_lora(model, self._targets, rank=self._rank, alpha=self._alpha, dropout=self._dropout)
            except ValueError as exc:
                raise TrainingError(f"--lora-targets: {exc}") from None
            trainable = sum(v.size for _, v in tree_flatten(model.trainable_parameters()))
            everything = sum(v.size for _, v in tree_flatten(model.parameters()))
            run.echo(
                f"LoRA r={self._rank} on {len(paths)} layers ({', '.join(self._targets)}): "
                f"{trainable:,} of {everything:,} trainable"
            )
        self._model = model
        self._train = self._encode(run.data.train, "train")
        self._eval = self._encode(run.data.eval, "eval")
        self._optimizer = optim.AdamW(learning_rate=self._lr, weight_decay=config.weight_decay)
        self._step_grad = nn.value_and_grad(model, mean_token_loss)
        self._grads: Any = None
        model.train()

    def _encode(self, examples: Sequence[Example], name: str) -> Windows:
        from kp_mlx.features import encode_examples

        encoded = encode_examples(
            self._tokenizer, examples, max_length=self._max_length, scheme=self._scheme, overlap=self._overlap
        )
        if note := alignment_note(name, encoded.issues, encoded.issue_examples):
            self._run.echo(note)
        return encoded

    def item_lengths(self) -> Sequence[int]:
        return [len(row) for row in self._train.input_ids]

    def forward_backward(self, batch: Sequence[int], loss_scale: float) -> MicroStep:
        import mlx.core as mx
        from mlx.utils import tree_map

        from kp_mlx.training_ops import pad_rows

        ids, mask, labels = pad_rows(
            [self._train.input_ids[i] for i in batch], [self._train.labels[i] for i in batch], self._pad_id
        )
        loss, grads = self._step_grad(self._model, ids, mask, labels)
        grads = tree_map(lambda g: g * loss_scale, grads)
        self._grads = grads if self._grads is None else tree_map(mx.add, self._grads, grads)
        mx.eval(loss, self._grads)
        return MicroStep(loss=float(loss), samples=len(batch), tokens=int(mask.sum()))

    def update(self, lr_factor: float) -> None:
        import mlx.core as mx
        import mlx.optimizers as optim

        if self._grads is None:
            raise TrainingError("optimizer step without gradients (no forward_backward since the last step)")
        grads = self._grads
        if self._max_grad_norm > 0:
            grads, _ = optim.clip_grad_norm(grads, self._max_grad_norm)
        self._optimizer.learning_rate = self._lr * lr_factor
        self._optimizer.update(self._model, grads)
        mx.eval(self._model.trainable_parameters(), self._optimizer.state)
        self._grads = None

    def save_state(self, folder: Path) -> None:
        from kp_mlx.training_ops import save_train_state

        save_train_state(folder, self._model, self._optimizer)

    def load_state(self, folder: Path) -> None:
        from kp_mlx.training_ops import load_train_state

        load_train_state(folder, self._model, self._optimizer)

    def detector(self) -> MLXTokenClassifier:
        from kp_mlx.engine import MLXTokenClassifier

        self._model.eval()
        return MLXTokenClassifier(
            self._model,
            self._model_config,
            self._tokenizer,
            model_id=str(self._run.out),
            name=FAMILY,
            max_length=self._max_length,
            overlap=self._overlap,
            batch_size=self._eval_batch,
            label_scheme=self._scheme,
        )

    def train_mode(self) -> None:
        self._model.train()

    def finish(self) -> Mapping[str, Any]:
        from kp_mlx.lora import merge_lora, save_adapters
        from kp_mlx.training_ops import eval_loss

        if not self._full:
            save_adapters(
                self._model,
                self._run.out / ADAPTERS,
                targets=self._targets,
                rank=self._rank,
                alpha=self._alpha,
                dropout=self._dropout,
                base=str(self._run.config.base),
            )
            merge_lora(self._model)
        self._model.eval()
        if not len(self._eval):
            return {}
        return {"eval_loss": eval_loss(self._model, self._eval, self._pad_id, self._eval_batch)}

    def save(self, out: Path) -> Mapping[str, Any]:
        from kp_mlx.training_ops import save_folder

        save_folder(self._model, self._model_config, self._base, out)
        return {
            "base_model_type": self._model_type,
            "label_scheme": self._scheme,
            "max_length": self._max_length,
            "trained_with": "mlx",
            "adapters": None if self._full else ADAPTERS,
            "alignment_issues": dict(self._train.issues),  # spans that did not align to subwords
        }
