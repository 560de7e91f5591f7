"""Tokenized documents + gold spans -> training windows: token ids with the tokenizer's specials
and BIOES label ids. One copy for every framework, so torch and MLX train on the same windows.

Every document is kept whole: a long one becomes overlapping windows (the window and overlap of
the inference engine), nothing is truncated. Labels come from
:func:`kp_core.encoding.alignment.align_spans` on each window; spans that straddle a window edge
are labelled as the inside of their entity there, and what did not align is counted by reason
(offsets and types only, never text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from kp_core.decoding import plan_windows
from kp_core.encoding.alignment import IGNORE_INDEX, align_spans
from kp_core.encoding.tokens import SpecialLayout, content_window, default_overlap
from kp_core.types import Example

SHOWN_ISSUES = 5


@attrs.frozen
class TrainingWindows:
    input_ids: list[list[int]]
    labels: list[list[int]]
    windows_per_doc: tuple[int, ...]
    issues: dict[str, int]  # gold spans that did not align cleanly, by reason
    issue_examples: tuple[str, ...]  # a few of them, by document, offsets and type

    def __len__(self) -> int:
        return len(self.input_ids)


def training_windows(
    docs: Sequence[Any],
    examples: Sequence[Example],
    layout: SpecialLayout,
    *,
    max_length: int,
    scheme: str,
    overlap: int | None = None,
) -> TrainingWindows:
    """``docs`` are the examples' tokenized documents (``ids`` and ``offsets`` without specials,
    as :func:`kp_core.encoding.tokens.tokenize_documents` gives them)."""
    window = content_window(max_length, layout)
    overlap = default_overlap(window) if overlap is None else overlap
    ids_out: list[list[int]] = []
    labels_out: list[list[int]] = []
    per_doc: list[int] = []
    issues: Counter[str] = Counter()
    shown: list[str] = []
    pad = [IGNORE_INDEX]
    for index, (example, doc) in enumerate(zip(examples, docs, strict=True)):
        windows = plan_windows(len(doc), window, overlap)
        per_doc.append(len(windows))
        for start, end in windows:
            offsets = doc.offsets[start:end]
            lo, hi = int(offsets[:, 0].min()), int(offsets[:, 1].max())
            inside = [s for s in example.spans if s.end > lo and s.start < hi]
            alignment = align_spans(example.text, offsets, inside, scheme=scheme)
            for issue in alignment.issues:
                if issue.reason == "truncated" and len(windows) > 1:
                    continue  # expected at window edges; the other window holds the whole span
                issues[issue.reason] += 1
                if len(shown) < SHOWN_ISSUES:
                    where = f"document {example.doc_id}" if example.doc_id else f"document #{index}"
                    shown.append(f"{where}: {issue.describe()}")
            ids_out.append(layout.wrap(doc.ids[start:end]))
            labels_out.append(pad * len(layout.prefix) + list(alignment.label_ids) + pad * len(layout.suffix))
    return TrainingWindows(
        input_ids=ids_out,
        labels=labels_out,
        windows_per_doc=tuple(per_doc),
        issues=dict(issues),
        issue_examples=tuple(shown),
    )
