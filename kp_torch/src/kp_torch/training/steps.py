"""The optimizer step and the resumable state every torch recipe shares.

A recipe that mixes this in keeps ``model``, ``optimizer``, ``device``, ``_trainable`` (the
parameters being trained) and ``opts`` (with ``max_grad_norm``); the driver calls ``update``
once per optimizer step and ``save_state`` / ``load_state`` around checkpoints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class TorchSteps:
    model: Any
    optimizer: Any
    device: str
    _trainable: list[Any]
    opts: Any

    def update(self, lr_factor: float) -> None:
        """Clip (``max_grad_norm``, 0: off), scale the learning rate, step, clear the gradients."""
        import torch

        from kp_torch_runtime.state import set_lr_factor

        if self.opts["max_grad_norm"]:
            torch.nn.utils.clip_grad_norm_(self._trainable, self.opts["max_grad_norm"])
        set_lr_factor(self.optimizer, lr_factor)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)

    def save_state(self, folder: Path) -> None:
        from kp_torch_runtime.state import save_torch_state

        save_torch_state(folder, model=self.model, optimizer=self.optimizer, device=self.device)

    def load_state(self, folder: Path) -> None:
        from kp_torch_runtime.state import load_torch_state

        load_torch_state(folder, model=self.model, optimizer=self.optimizer, device=self.device)
