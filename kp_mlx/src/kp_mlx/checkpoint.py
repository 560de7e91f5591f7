"""Checkpoint folders as kp-mlx reads and writes them.

A kp checkpoint is a plain Hugging Face folder: ``config.json``, ``model.safetensors`` (or
shards with ``model.safetensors.index.json``), ``tokenizer.json`` and ``kp.json``. MLX exports add
``"quantization": {"group_size": G, "bits": B}`` to ``config.json`` and ``"framework": "mlx"`` to
``kp.json`` (read and written through :class:`kp_core.plugins.manifest.Manifest`). Weights only
ever load from safetensors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kp_core.data.paths import atomic_write_text
from kp_core.errors import KpError

CONFIG_JSON = "config.json"
WEIGHTS = "model.safetensors"
WEIGHTS_INDEX = "model.safetensors.index.json"
TOKENIZER_JSON = "tokenizer.json"
OPERATING_POINT_JSON = "operating_point.json"


class CheckpointError(KpError, ValueError):
    """A folder that kp-mlx cannot use as a checkpoint (a refusal, exit 2); the message names the
    file and the reason."""


def read_json_object(path: Path) -> dict[str, Any]:
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckpointError(f"{path}: missing") from None
    except json.JSONDecodeError as exc:
        raise CheckpointError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(payload, dict):
        raise CheckpointError(f"{path}: expected a JSON object")
    return payload


def read_config(folder: Path) -> dict[str, Any]:
    return read_json_object(Path(folder) / CONFIG_JSON)


def write_json(path: Path, payload: dict[str, Any]) -> None:
    """Configs and reports (no text of the input), written atomically with the umask's mode."""
    atomic_write_text(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n", private=False)


def weight_files(folder: Path) -> list[Path]:
    folder = Path(folder)
    if (folder / WEIGHTS).is_file():
        return [folder / WEIGHTS]
    index = folder / WEIGHTS_INDEX
    if index.is_file():
        mapping = read_json_object(index).get("weight_map")
        if not isinstance(mapping, dict) or not mapping:
            raise CheckpointError(f"{index}: no 'weight_map' object")
        return [folder / name for name in sorted(set(mapping.values()))]
    if any(folder.glob("*.bin")) or any(folder.glob("*.pt")):
        raise CheckpointError(
            f"{folder}: only pickle weights (.bin/.pt) found; kp loads safetensors only "
            "(re-save the model with save_pretrained(safe_serialization=True))"
        )
    raise CheckpointError(f"{folder}: no {WEIGHTS} (or {WEIGHTS_INDEX})")


def load_weights(folder: Path) -> dict[str, Any]:
    """Every tensor of the folder's safetensors files as MLX arrays, by name."""
    import mlx.core as mx

    weights: dict[str, Any] = {}
    for path in weight_files(folder):
        if not path.is_file():
            raise CheckpointError(f"{path}: listed in {WEIGHTS_INDEX} but missing")
        try:
            weights.update(mx.load(str(path)))
        except Exception as exc:  # mlx raises plain RuntimeError/ValueError for bad files
            raise CheckpointError(f"{path}: not a readable safetensors file ({exc})") from None
    return weights


def id2label(config: dict[str, Any], *, source: str = CONFIG_JSON) -> list[str]:
    """The label of each output row, in order, from ``config.json``'s ``id2label``."""
    raw = config.get("id2label")
    if not isinstance(raw, dict) or not raw:
        raise CheckpointError(f"{source}: no 'id2label' object; kp needs the model's label names")
    try:
        by_index = {int(k): str(v) for k, v in raw.items()}
    except ValueError:
        raise CheckpointError(f"{source}: id2label keys must be integers") from None
    if sorted(by_index) != list(range(len(by_index))):
        raise CheckpointError(f"{source}: id2label keys are not 0..{len(by_index) - 1}")
    return [by_index[i] for i in range(len(by_index))]
