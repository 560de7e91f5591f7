"""Examples -> training windows (ids with specials, BIOES label ids), as kp-torch builds them."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from kp_core.encoding.training_windows import training_windows
from kp_core.types import Example
from kp_mlx.tokens import DocumentTokenizer


@attrs.frozen
class Windows:
    input_ids: list[list[int]]
    labels: list[list[int]]
    # Gold spans that did not align cleanly, by reason (offsets and types only, never text).
    issues: dict[str, int]
    issue_examples: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.input_ids)


def encode_examples(
    tokenizer: DocumentTokenizer,
    examples: Sequence[Example],
    *,
    max_length: int,
    scheme: str,
    overlap: int | None = None,
) -> Windows:
    """Every document in full as training windows (:func:`kp_core.encoding.training_windows`)."""
    docs = tokenizer.documents([ex.text for ex in examples])
    encoded = training_windows(docs, examples, tokenizer.layout, max_length=max_length, scheme=scheme, overlap=overlap)
    return Windows(
        input_ids=encoded.input_ids, labels=encoded.labels, issues=encoded.issues, issue_examples=encoded.issue_examples
    )
