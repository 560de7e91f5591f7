"""Options several families declare, declared once: the same name, type, check, default and help
whichever framework trains (``--lora-rank`` means the same on torch and MLX). A recipe lists the
ones it takes beside its own; nothing here is imposed on a family."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kp_core.training.options import Option, parse_list

SUBWORD_LABELS = ("all", "first")


def at_least(low: int) -> Callable[[Any], int]:
    """A whole-number option of at least ``low``."""

    def parse(value: Any) -> int:
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"expected a whole number, got {value!r}")
        number = int(value)
        if number < low:
            raise ValueError(f"must be at least {low}")
        return number

    return parse


def unit_interval(value: Any) -> float:
    """A share in [0, 1) (dropout)."""
    number = float(value)
    if not 0.0 <= number < 1.0:
        raise ValueError("must be in [0, 1)")
    return number


def non_negative(value: Any) -> float:
    number = float(value)
    if number < 0:
        raise ValueError("must be 0 or more")
    return number


LORA_RANK = Option(name="lora_rank", kind=at_least(1), default=16, help="LoRA rank.")
LORA_ALPHA = Option(name="lora_alpha", kind=at_least(1), default=None, help="LoRA alpha [default: 2 x rank].")
LORA_DROPOUT = Option(name="lora_dropout", kind=unit_interval, default=0.05, help="Dropout on the LoRA adapters.")
FULL_FINETUNE = Option(
    name="full_finetune", kind=bool, default=False, help="Train every weight instead of LoRA adapters."
)
LORA_TARGETS = Option(
    name="lora_targets",
    kind=parse_list,
    default=None,
    help="Comma-separated module names that get LoRA [default: the attention projections].",
)
MAX_LENGTH = Option(
    name="max_length", kind=at_least(16), default=256, help="Tokens per training window, specials included."
)
WINDOW_OVERLAP = Option(
    name="window_overlap",
    kind=at_least(0),
    default=None,
    help="Tokens shared by neighbouring windows of a long document [default: a quarter window].",
)
MAX_GRAD_NORM = Option(
    name="max_grad_norm", kind=non_negative, default=1.0, help="Clip gradients to this norm (0: no clipping)."
)
THREADS = Option(
    name="threads",
    kind=at_least(1),
    default=None,
    help="CPU threads [default: all cores].",
    affects_weights=False,
)
BF16 = Option(name="bf16", kind=bool, default=False, help="bfloat16 autocast for the forward pass.")

LORA = (LORA_RANK, LORA_ALPHA, LORA_DROPOUT, FULL_FINETUNE)


def subword_labels(default: str) -> Option:
    """Which subwords of a word carry its label (decoding then reads those). Its old name
    ``label_scheme`` is still accepted for one release; ``kp.json`` keeps the ``label_scheme``
    field, which the detectors read."""
    return Option(
        name="subword_labels",
        kind=str,
        default=default,
        choices=SUBWORD_LABELS,
        help="Which subwords carry a word's label: every subword, or the first of each word.",
        old_names=("label_scheme",),
    )


def eval_batch_size(default: int) -> Option:
    return Option(
        name="eval_batch_size",
        kind=at_least(1),
        default=default,
        help="Windows per forward during evaluation.",
        affects_weights=False,
    )
