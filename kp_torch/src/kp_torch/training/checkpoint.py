"""Resumable training state: trainable weights, optimizer, scheduler, RNG states and data position.

A checkpoint is a folder ``checkpoints/step-<N>`` written under a temporary name and renamed into
place, so a run killed mid-write never leaves a half checkpoint behind. Tensors go to safetensors;
the rest (step, position, schedule, fingerprint, loss history) to ``state.json``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from kp_core.training.state import (
    CHECKPOINTS,
    LoopState,
    changed_settings,
    checkpoint_name,
    checkpoint_root,
    latest_checkpoint,
    resume_refusal,
    step_folders,
)

__all__ = [
    "CHECKPOINTS",
    "LoopState",
    "ResumeError",
    "checkpoint_root",
    "latest_checkpoint",
    "load_checkpoint",
    "save_checkpoint",
]
_STATE = "state.json"
_WEIGHTS = "trainable.safetensors"
_OPTIMIZER = "optimizer.safetensors"
_RNG = "rng.safetensors"


class ResumeError(RuntimeError):
    """A checkpoint that cannot continue this run (missing, or made with other settings or data)."""


def _optimizer_tensors(optimizer: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = optimizer.state_dict()
    tensors: dict[str, Any] = {}
    scalars: dict[str, dict[str, Any]] = {}
    for index, entry in state["state"].items():
        for key, value in entry.items():
            if hasattr(value, "dim"):
                tensors[f"{index}.{key}"] = value.detach().cpu().contiguous()
            else:
                scalars.setdefault(str(index), {})[key] = value
    return tensors, {"param_groups": state["param_groups"], "scalars": scalars}


def _rng_tensors(device: str) -> dict[str, Any]:
    import torch

    out = {"cpu": torch.get_rng_state()}
    if device == "cuda" and torch.cuda.is_available():
        out["cuda"] = torch.cuda.get_rng_state()
    if device == "mps" and hasattr(torch, "mps"):
        out["mps"] = torch.mps.get_rng_state()
    return out


def save_checkpoint(
    out: Path,
    *,
    model: Any,
    optimizer: Any,
    scheduler: Any,
    state: LoopState,
    fingerprint: dict[str, Any],
    device: str,
    keep: int = 2,
) -> Path:
    """Write ``checkpoints/step-<state.step>`` atomically and keep only the ``keep`` newest."""
    from safetensors.torch import save_file

    root = checkpoint_root(out)
    root.mkdir(parents=True, exist_ok=True)
    final = root / checkpoint_name(state.step)
    tmp = root / f".tmp-{final.name}-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    trainable = {n: p.detach().cpu().contiguous() for n, p in model.named_parameters() if p.requires_grad}
    save_file(trainable, str(tmp / _WEIGHTS))
    opt_tensors, opt_meta = _optimizer_tensors(optimizer)
    save_file(opt_tensors, str(tmp / _OPTIMIZER))
    save_file(_rng_tensors(device), str(tmp / _RNG))
    payload = {
        "loop": state.to_json(),
        "scheduler": scheduler.state_dict(),
        "optimizer": opt_meta,
        "fingerprint": fingerprint,
    }
    (tmp / _STATE).write_text(json.dumps(payload, indent=1), encoding="utf-8")
    if final.exists():
        shutil.rmtree(final)
    tmp.rename(final)
    older = [p for p in step_folders(root) if p != final]
    for stale in older[: max(0, len(older) - (keep - 1))]:
        shutil.rmtree(stale, ignore_errors=True)
    return final


def load_checkpoint(
    path: Path, *, model: Any, optimizer: Any, scheduler: Any, fingerprint: dict[str, Any], device: str
) -> LoopState:
    """Restore everything :func:`save_checkpoint` wrote; refuse a checkpoint of another run."""
    import torch
    from safetensors.torch import load_file

    payload = json.loads((path / _STATE).read_text(encoding="utf-8"))
    changed = changed_settings(payload["fingerprint"], fingerprint)
    if changed:
        raise ResumeError(resume_refusal(path, changed))
    weights = load_file(str(path / _WEIGHTS))
    params = dict(model.named_parameters())
    missing = sorted(n for n, p in params.items() if p.requires_grad and n not in weights)
    if missing:
        raise ResumeError(f"{path}: checkpoint lacks trainable weights ({', '.join(missing[:3])} ...)")
    with torch.no_grad():
        for name, tensor in weights.items():
            params[name].copy_(tensor.to(params[name].device))
    opt_tensors = load_file(str(path / _OPTIMIZER))
    meta = payload["optimizer"]
    state: dict[int, dict[str, Any]] = {}
    for key, tensor in opt_tensors.items():
        index, _, name = key.partition(".")
        state.setdefault(int(index), {})[name] = tensor
    for index, scalars in meta["scalars"].items():
        state.setdefault(int(index), {}).update(scalars)
    optimizer.load_state_dict({"state": state, "param_groups": meta["param_groups"]})
    scheduler.load_state_dict(payload["scheduler"])
    rng = load_file(str(path / _RNG))
    torch.set_rng_state(rng["cpu"])
    if "cuda" in rng and device == "cuda":
        torch.cuda.set_rng_state(rng["cuda"])
    if "mps" in rng and device == "mps":
        torch.mps.set_rng_state(rng["mps"])
    return LoopState.from_json(payload["loop"])
