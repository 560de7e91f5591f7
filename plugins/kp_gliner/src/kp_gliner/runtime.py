"""``--device`` and ``--threads`` for gliner models, resolved like every kp family's."""

from __future__ import annotations

import sys
from collections.abc import Callable


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def resolve_device(requested: str = "auto", *, echo: Callable[[str], None] | None = _stderr) -> str:
    """A torch device name among the registered torch backends (kp-torch's, or kp-gliner's own where
    kp-torch is absent). ``auto`` takes the best available one; a named device that is missing
    falls back with one line saying which, why, and what was taken instead."""
    from kp_core.plugins.devices import resolve_device as resolve
    from kp_core.plugins.registry import get_registry

    name, _, index = requested.partition(":")  # cuda:1 keeps its index
    choice = resolve(name, get_registry(), framework="torch")
    if choice.message and echo is not None:
        echo(f"kp: {choice.message}")
    return requested if choice.name == name and index else choice.name


def set_threads(threads: int | None) -> None:
    if threads is not None:
        import torch

        if threads < 1:
            raise ValueError(f"threads must be >= 1, got {threads}")
        torch.set_num_threads(threads)
