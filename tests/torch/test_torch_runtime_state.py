"""kp_torch_runtime.state: the AdamW groups, the learning rate of a step (bit for bit what
LambdaLR gives), and a torch state that resumes exactly or says which folder is broken."""

from __future__ import annotations

import pytest
import torch

from kp_core.training import TrainingError
from kp_core.training.schedule import lr_factor
from kp_core.training.state import LoopState
from kp_torch_runtime.state import (
    TorchStateError,
    adamw,
    load_torch_state,
    save_torch_state,
    seed_torch,
    set_lr_factor,
)


class Tiny(torch.nn.Module):
    """A norm, a hidden layer with dropout and a head: every kind of group and RNG use."""

    def __init__(self) -> None:
        super().__init__()
        self.body = torch.nn.Linear(6, 8)
        self.LayerNorm = torch.nn.LayerNorm(8)
        self.drop = torch.nn.Dropout(0.3)
        self.head = torch.nn.Linear(8, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.drop(self.LayerNorm(torch.relu(self.body(x)))))


def _model(seed: int = 0, frozen: str = "") -> Tiny:
    seed_torch(seed)
    model = Tiny()
    for name, param in model.named_parameters():
        param.requires_grad = not (frozen and name.startswith(frozen))
    return model


def _backward(model: Tiny, seed: int) -> None:
    data = torch.Generator().manual_seed(seed)
    x, y = torch.randn(5, 6, generator=data), torch.randint(0, 3, (5,), generator=data)
    torch.nn.functional.cross_entropy(model(x), y).backward()


def _step(model: Tiny, optimizer, factor: float, seed: int) -> list[float]:
    """One step the way a recipe takes it; returns the rates it ran at."""
    _backward(model, seed)
    set_lr_factor(optimizer, factor)
    rates = [g["lr"] for g in optimizer.param_groups]
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return rates


def test_groups_by_rate_and_decay() -> None:
    model = _model(frozen="body.bias")
    optimizer = adamw(model, lr=1e-3, weight_decay=0.1, device="cpu", lr_overrides=(("head.", 5e-2),))
    names = {id(p): n for n, p in model.named_parameters()}
    groups = [(g["lr"], g["weight_decay"], sorted(names[id(p)] for p in g["params"])) for g in optimizer.param_groups]
    assert groups == [
        (1e-3, 0.1, ["body.weight"]),
        (1e-3, 0.0, ["LayerNorm.bias", "LayerNorm.weight"]),
        (5e-2, 0.1, ["head.weight"]),
        (5e-2, 0.0, ["head.bias"]),
    ]
    with pytest.raises(TrainingError, match="no trainable parameters"):
        adamw(torch.nn.Linear(2, 2).requires_grad_(False), lr=1e-3, weight_decay=0.1, device="cpu")


def test_set_lr_factor_gives_lambda_lr_rates_bit_for_bit() -> None:
    state = LoopState(total_steps=17, warmup_steps=3)
    a, b = _model(), _model()
    opt_a = adamw(a, lr=3e-4, weight_decay=0.01, device="cpu", lr_overrides=(("head.", 7e-3),))
    opt_b = adamw(b, lr=3e-4, weight_decay=0.01, device="cpu", lr_overrides=(("head.", 7e-3),))
    scheduler = torch.optim.lr_scheduler.LambdaLR(opt_a, lambda k: lr_factor(state, k))
    seed_torch(1)
    by_scheduler = []
    for step in range(state.total_steps):
        _backward(a, step)
        by_scheduler.append([g["lr"] for g in opt_a.param_groups])
        opt_a.step()
        scheduler.step()
        opt_a.zero_grad(set_to_none=True)
    seed_torch(1)
    by_factor = [_step(b, opt_b, lr_factor(state, step), seed=step) for step in range(state.total_steps)]
    assert by_factor == by_scheduler  # exact float equality, step by step
    assert len({tuple(rates) for rates in by_factor}) > 3  # warm-up and decay really vary the rate
    for pa, pb in zip(a.parameters(), b.parameters(), strict=True):
        assert torch.equal(pa, pb)


def test_saved_state_resumes_exactly(tmp_path) -> None:
    factors = [0.5, 1.0, 0.75, 0.5, 0.25, 0.1]
    straight = _model()
    opt = adamw(straight, lr=1e-2, weight_decay=0.01, device="cpu", lr_overrides=(("head.", 5e-2),))
    seed_torch(7)
    for i, factor in enumerate(factors):
        _step(straight, opt, factor, seed=i)

    first = _model()
    opt = adamw(first, lr=1e-2, weight_decay=0.01, device="cpu", lr_overrides=(("head.", 5e-2),))
    seed_torch(7)
    for i, factor in enumerate(factors[:3]):
        _step(first, opt, factor, seed=i)
    save_torch_state(tmp_path, model=first, optimizer=opt, device="cpu")

    seed_torch(99)  # a resumed process starts elsewhere: weights, moments and RNG all come back
    again = _model(seed=5)
    opt = adamw(again, lr=1e-2, weight_decay=0.01, device="cpu", lr_overrides=(("head.", 5e-2),))
    load_torch_state(tmp_path, model=again, optimizer=opt, device="cpu")
    for i, factor in enumerate(factors[3:], start=3):
        _step(again, opt, factor, seed=i)
    for (name, pa), pb in zip(straight.named_parameters(), again.parameters(), strict=True):
        assert torch.equal(pa, pb), name


def test_broken_state_names_the_folder(tmp_path) -> None:
    model = _model()
    opt = adamw(model, lr=1e-2, weight_decay=0.0, device="cpu")
    _step(model, opt, 1.0, seed=0)
    save_torch_state(tmp_path, model=model, optimizer=opt, device="cpu")

    other = _model(frozen="LayerNorm")  # trains fewer tensors than were saved
    with pytest.raises(TorchStateError, match="does not train") as info:
        load_torch_state(
            tmp_path, model=other, optimizer=adamw(other, lr=1e-2, weight_decay=0.0, device="cpu"), device="cpu"
        )
    assert str(tmp_path) in str(info.value)
    (tmp_path / "rng.safetensors").unlink()
    with pytest.raises(TorchStateError, match="lacks rng.safetensors") as info:
        load_torch_state(tmp_path, model=model, optimizer=opt, device="cpu")
    assert str(tmp_path) in str(info.value)
    assert isinstance(info.value, TrainingError)
