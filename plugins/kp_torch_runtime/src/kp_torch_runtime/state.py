"""Torch training state every torch recipe shares: seeding, the AdamW setup, the learning rate of
a step, and the resumable state (trainable weights, optimizer, RNG) of a checkpoint.

Model-agnostic on purpose: everything goes through ``named_parameters()`` and the parameters that
require gradients, so an encoder with LoRA, a mixture of experts or a span model save and resume
the same way. Tensors are written as safetensors; the optimizer's scalars and group settings as
JSON beside them. Torch is imported inside the functions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kp_core.training.data import TrainingError

WEIGHTS = "trainable.safetensors"
OPTIMIZER = "optimizer.safetensors"
OPTIMIZER_JSON = "optimizer.json"
RNG = "rng.safetensors"
INITIAL_LR = "initial_lr"


class TorchStateError(TrainingError):
    """A checkpoint folder whose torch state is missing, unreadable or of another model."""


def seed_torch(seed: int) -> None:
    """Seed torch's CPU and accelerator generators (weight init, dropout)."""
    import torch

    torch.manual_seed(seed)


def _decays(name: str, param: Any) -> bool:
    """Weight decay for matrices only: never for biases and norm weights."""
    return not (param.ndim < 2 or "LayerNorm" in name or "layer_norm" in name)


def adamw(
    model: Any,
    *,
    lr: float,
    weight_decay: float,
    device: str,
    lr_overrides: Sequence[tuple[str, float]] = (),
) -> Any:
    """AdamW over the trainable parameters of ``model``, fused where torch has it.

    Parameters fall in groups by (learning rate, decays): a parameter whose name contains the
    fragment of ``lr_overrides[i]`` trains at that rate (a new head faster than LoRA adapters);
    biases and norm weights get no weight decay. ``model`` may instead be a list of ready
    parameter-group dicts, which are passed through as they are.
    """
    import torch

    if hasattr(model, "named_parameters"):
        groups = _parameter_groups(model, lr=lr, weight_decay=weight_decay, lr_overrides=lr_overrides)
    else:
        groups = list(model)
    # Fused AdamW runs the whole update as one kernel per device (CPU included since torch 2.4).
    try:
        return torch.optim.AdamW(groups, lr=lr, fused=True)
    except (RuntimeError, TypeError, ValueError):
        return torch.optim.AdamW(groups, lr=lr, foreach=device.partition(":")[0] != "cpu")


def _parameter_groups(
    model: Any, *, lr: float, weight_decay: float, lr_overrides: Sequence[tuple[str, float]]
) -> list[dict[str, Any]]:
    rates = [lr, *(rate for _, rate in lr_overrides)]
    buckets: dict[tuple[int, bool], list[Any]] = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        rate = next((i + 1 for i, (fragment, _) in enumerate(lr_overrides) if fragment in name), 0)
        buckets.setdefault((rate, _decays(name, param)), []).append(param)
    if not buckets:
        raise TrainingError("the model has no trainable parameters")
    return [
        {"params": params, "weight_decay": weight_decay if decays else 0.0, "lr": rates[rate]}
        for (rate, decays), params in sorted(buckets.items(), key=lambda kv: (kv[0][0], not kv[0][1]))
    ]


def set_lr_factor(optimizer: Any, factor: float) -> None:
    """Every group's learning rate = its initial rate x ``factor``; call it right before the
    optimizer step the factor belongs to.

    The initial rate is recorded in each group (``initial_lr``) on the first call and travels with
    the optimizer's state into checkpoints, so a resumed run scales the same base. The product is
    the one ``LambdaLR`` computes (``base_lr * factor``), so the rates are bit for bit the same.
    """
    for group in optimizer.param_groups:
        base = group.setdefault(INITIAL_LR, group["lr"])
        group["lr"] = base * factor


def _trainable(model: Any) -> dict[str, Any]:
    return {name: param for name, param in model.named_parameters() if param.requires_grad}


def _rng_tensors(device: str) -> dict[str, Any]:
    import torch

    backend = device.partition(":")[0]
    out = {"cpu": torch.get_rng_state()}
    if backend == "cuda" and torch.cuda.is_available():
        out["cuda"] = torch.cuda.get_rng_state()
    if backend == "mps" and hasattr(torch, "mps"):
        out["mps"] = torch.mps.get_rng_state()
    return out


def save_torch_state(folder: Path, *, model: Any, optimizer: Any, device: str) -> None:
    """Write the trainable weights, the optimizer's state and torch's RNG state into ``folder``."""
    from safetensors.torch import save_file

    folder = Path(folder)
    weights = {name: param.detach().cpu().contiguous() for name, param in _trainable(model).items()}
    save_file(weights, str(folder / WEIGHTS))
    state = optimizer.state_dict()
    tensors: dict[str, Any] = {}
    scalars: dict[str, dict[str, Any]] = {}
    for index, entry in state["state"].items():
        for key, value in entry.items():
            if hasattr(value, "dim"):
                tensors[f"{index}.{key}"] = value.detach().cpu().contiguous()
            else:
                scalars.setdefault(str(index), {})[key] = value
    save_file(tensors, str(folder / OPTIMIZER))
    meta = {"param_groups": state["param_groups"], "scalars": scalars}
    (folder / OPTIMIZER_JSON).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    save_file(_rng_tensors(device), str(folder / RNG))


def _load(path: Path, what: str) -> dict[str, Any]:
    from safetensors.torch import load_file

    if not path.is_file():
        raise TorchStateError(f"{path.parent}: checkpoint lacks {path.name} ({what})")
    try:
        return load_file(str(path))
    except Exception as exc:  # safetensors raises its own error types
        raise TorchStateError(f"{path.parent}: cannot read {path.name} ({what}): {exc}") from None


def load_torch_state(folder: Path, *, model: Any, optimizer: Any, device: str) -> None:
    """Restore what :func:`save_torch_state` wrote into ``model`` (already on ``device``),
    ``optimizer`` (built the same way) and torch's RNG."""
    import torch

    folder = Path(folder)
    weights = _load(folder / WEIGHTS, "trainable weights")
    params = _trainable(model)
    missing = sorted(set(params) - set(weights))
    extra = sorted(set(weights) - set(params))
    if missing or extra:
        names = ", ".join((missing or extra)[:3])
        problem = "lacks trainable weights" if missing else "has weights this model does not train"
        raise TorchStateError(f"{folder}: checkpoint {problem} ({names} ...)")
    with torch.no_grad():
        for name, tensor in weights.items():
            params[name].copy_(tensor.to(params[name].device))
    try:
        optimizer.load_state_dict(_optimizer_state(folder))
    except (ValueError, KeyError) as exc:
        raise TorchStateError(f"{folder}: the optimizer state does not fit this run's optimizer ({exc})") from None
    rng = _load(folder / RNG, "random number generator state")
    torch.set_rng_state(rng["cpu"])
    backend = device.partition(":")[0]
    if "cuda" in rng and backend == "cuda":
        torch.cuda.set_rng_state(rng["cuda"])
    if "mps" in rng and backend == "mps":
        torch.mps.set_rng_state(rng["mps"])


def _optimizer_state(folder: Path) -> dict[str, Any]:
    path = folder / OPTIMIZER_JSON
    if not path.is_file():
        raise TorchStateError(f"{folder}: checkpoint lacks {OPTIMIZER_JSON} (optimizer settings)")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
        groups: Iterable[Mapping[str, Any]] = meta["param_groups"]
        scalar_table: Mapping[str, Mapping[str, Any]] = meta["scalars"]
    except (OSError, ValueError, KeyError) as exc:
        raise TorchStateError(f"{path}: cannot read the optimizer settings ({exc})") from None
    state: dict[int, dict[str, Any]] = {}
    for key, tensor in _load(folder / OPTIMIZER, "optimizer tensors").items():
        index, _, name = key.partition(".")
        state.setdefault(int(index), {})[name] = tensor
    for index, scalars in scalar_table.items():
        state.setdefault(int(index), {}).update(scalars)
    return {"state": state, "param_groups": list(groups)}
