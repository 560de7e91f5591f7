"""The MLX pieces of token-classifier training: padded batches, the masked loss, the eval loss,
the resumable state of a run and the saved folder.

Imported by :mod:`kp_mlx.recipe` inside its methods only, so listing families never imports mlx.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import mlx.core as mx
import mlx.nn as nn
import numpy as np
from mlx.utils import tree_flatten, tree_unflatten

from kp_core.training.data import TrainingError
from kp_mlx.checkpoint import write_json
from kp_mlx.features import Windows

TRAINABLE_STATE = "trainable.safetensors"
OPTIMIZER_STATE = "optimizer.safetensors"
RNG_STATE = "mlx_random.safetensors"
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


def masked_cross_entropy(logits: mx.array, labels: mx.array) -> tuple[mx.array, mx.array]:
    """(sum of token cross-entropies over labelled positions, number of labelled positions)."""
    valid = labels != -100
    ce = nn.losses.cross_entropy(logits.astype(mx.float32), mx.where(valid, labels, 0), reduction="none")
    return (ce * valid).sum(), valid.sum()


def mean_token_loss(model: nn.Module, ids: mx.array, mask: mx.array, labels: mx.array) -> mx.array:
    """The training objective: mean cross-entropy over the labelled tokens of a batch."""
    total, count = masked_cross_entropy(model(ids, mask), labels)
    return total / mx.maximum(count, 1)


def pad_rows(
    rows: Sequence[Sequence[int]], labels: Sequence[Sequence[int]], pad_id: int
) -> tuple[mx.array, mx.array, mx.array]:
    """Right-padded (ids, attention mask, labels with -100 on padding) for rows of unequal length."""
    width = max(len(r) for r in rows)
    ids = np.full((len(rows), width), pad_id, dtype=np.int32)
    mask = np.zeros((len(rows), width), dtype=np.int32)
    lab = np.full((len(rows), width), -100, dtype=np.int32)
    for i, (r, y) in enumerate(zip(rows, labels, strict=True)):
        ids[i, : len(r)], mask[i, : len(r)], lab[i, : len(y)] = r, 1, y
    return mx.array(ids), mx.array(mask), mx.array(lab)


def eval_loss(model: nn.Module, windows: Windows, pad_id: int, batch_size: int = 32) -> float:
    """Mean token cross-entropy over ``windows`` (the model is put in eval mode); NaN for none."""
    if not len(windows):
        return float("nan")
    total, count = 0.0, 0
    model.eval()
    for start in range(0, len(windows), batch_size):
        ids, mask, labels = pad_rows(
            windows.input_ids[start : start + batch_size], windows.labels[start : start + batch_size], pad_id
        )
        loss_sum, n = masked_cross_entropy(model(ids, mask), labels)
        mx.eval(loss_sum, n)
        total, count = total + float(loss_sum), count + int(n)
    return total / max(count, 1)


def save_train_state(folder: Path, model: nn.Module, optimizer: Any) -> None:
    """Trainable weights, optimizer state and MLX's global random key (dropout draws from it), so a
    resumed run continues bit for bit."""
    mx.save_safetensors(str(folder / TRAINABLE_STATE), dict(tree_flatten(model.trainable_parameters())))
    opt = {k: v for k, v in tree_flatten(optimizer.state) if isinstance(v, mx.array)}
    mx.save_safetensors(str(folder / OPTIMIZER_STATE), opt)
    mx.save_safetensors(str(folder / RNG_STATE), {"key": mx.random.state[0]})


def load_train_state(folder: Path, model: nn.Module, optimizer: Any) -> None:
    """Restore what :func:`save_train_state` wrote; a missing file or tensor is an error naming it."""
    trainable = _load(folder / TRAINABLE_STATE)
    expected = {k for k, _ in tree_flatten(model.trainable_parameters())}
    if missing := sorted(expected - set(trainable)):
        raise TrainingError(f"{folder / TRAINABLE_STATE}: no tensor for {missing[0]} (and {len(missing) - 1} more)")
    if extra := sorted(set(trainable) - expected):
        raise TrainingError(f"{folder / TRAINABLE_STATE}: {extra[0]} is not a trainable weight of this model")
    model.load_weights(list(trainable.items()), strict=False)
    optimizer.state = tree_unflatten(list(_load(folder / OPTIMIZER_STATE).items()))
    key = _load(folder / RNG_STATE).get("key")
    if key is None or key.shape != (2,):
        raise TrainingError(f"{folder / RNG_STATE}: no random key")
    set_random_key(key)
    mx.eval(model.trainable_parameters(), optimizer.state)


def set_random_key(key: mx.array) -> None:
    """Make ``key`` MLX's global random key. MLX has no setter; ``seed(s)`` sets the key
    ``[s >> 32, s & 0xffffffff]``, which is checked here so a change in MLX cannot go unnoticed."""
    hi, lo = (int(v) for v in np.array(key, dtype=np.uint32).tolist())
    mx.random.seed((hi << 32) | lo)
    if np.array(mx.random.state[0]).tolist() != [hi, lo]:
        raise TrainingError("this MLX version derives its random key differently; a run cannot resume exactly")


def _load(path: Path) -> dict[str, mx.array]:
    if not path.is_file():
        raise TrainingError(f"{path}: missing from the checkpoint")
    try:
        return dict(mx.load(str(path)))
    except Exception as exc:  # mlx raises plain RuntimeError/ValueError for bad files
        raise TrainingError(f"{path}: not a readable safetensors file ({exc})") from None


def save_folder(model: nn.Module, config: dict[str, Any], base: Path, out: Path) -> None:
    """Merged weights under transformers' names, config.json and the base's tokenizer files."""
    weights = dict(tree_flatten(model.parameters()))
    mx.save_safetensors(str(out / "model.safetensors"), weights, metadata={"format": "pt"})
    write_json(out / "config.json", {k: v for k, v in config.items() if k != "quantization"})
    for name in _TOKENIZER_FILES:
        if (base / name).is_file():
            shutil.copy(base / name, out / name)
