"""Examples -> training windows (ids with specials, BIOES label ids): kp-core's one encoder, fed by
kp-mlx's document tokenizer, so MLX trains on exactly the windows kp-torch builds."""

from __future__ import annotations

from collections.abc import Sequence

from kp_core.encoding.training_windows import TrainingWindows, training_windows
from kp_core.types import Example
from kp_mlx.tokens import DocumentTokenizer

Windows = TrainingWindows


def encode_examples(
    tokenizer: DocumentTokenizer,
    examples: Sequence[Example],
    *,
    max_length: int,
    scheme: str,
    overlap: int | None = None,
) -> TrainingWindows:
    """Every document in full as training windows (:func:`kp_core.encoding.training_windows`)."""
    docs = tokenizer.documents([ex.text for ex in examples])
    return training_windows(docs, examples, tokenizer.layout, max_length=max_length, scheme=scheme, overlap=overlap)
