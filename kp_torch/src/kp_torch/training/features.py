"""Examples -> training windows: token ids with specials, and BIOES label ids from kp_core.encoding.alignment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from kp_core.encoding.tokens import SpecialLayout, tokenize_documents
from kp_core.encoding.training_windows import training_windows
from kp_core.types import Example


@attrs.frozen
class TrainFeatures:
    """Model inputs with special tokens in place, and their label ids (-100 = ignored)."""

    input_ids: Sequence[Sequence[int]]
    labels: Sequence[Sequence[int]]
    pad_id: int

    def __len__(self) -> int:
        return len(self.input_ids)

    def lengths(self) -> list[int]:
        return [len(x) for x in self.input_ids]


@attrs.frozen
class EncodedSet:
    features: TrainFeatures
    windows_per_doc: tuple[int, ...]
    # Gold spans that did not align cleanly to subwords, by reason (no text, only offsets/types).
    issues: dict[str, int]
    issue_examples: tuple[str, ...]

    @property
    def n_windows(self) -> int:
        return len(self.features)


def encode_examples(
    tokenizer: Any,
    examples: Sequence[Example],
    *,
    max_length: int,
    scheme: str,
    overlap: int | None = None,
) -> EncodedSet:
    """Every document in full as training windows (:func:`kp_core.encoding.training_windows`)."""
    docs = tokenize_documents(tokenizer, [ex.text for ex in examples])
    encoded = training_windows(
        docs, examples, SpecialLayout.of(tokenizer), max_length=max_length, scheme=scheme, overlap=overlap
    )
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    return EncodedSet(
        features=TrainFeatures(input_ids=encoded.input_ids, labels=encoded.labels, pad_id=int(pad_id)),
        windows_per_doc=encoded.windows_per_doc,
        issues=encoded.issues,
        issue_examples=encoded.issue_examples,
    )
