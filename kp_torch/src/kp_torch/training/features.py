"""Examples -> training windows: token ids with specials, and BIOES label ids from kp_core.encoding.alignment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from kp_core.decoding import plan_windows
from kp_core.encoding.alignment import IGNORE_INDEX, align_spans
from kp_core.types import Example
from kp_torch.tokens import SpecialLayout, content_window, default_overlap, tokenize_documents


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
    """Every document in full: long ones become several overlapping windows, nothing is truncated.

    Labels come from :func:`kp_core.encoding.alignment.align_spans` on each window; spans that straddle a
    window edge are labelled as the inside of their entity there, and collisions are counted.
    """
    layout = SpecialLayout.of(tokenizer)
    window = content_window(max_length, layout)
    overlap = default_overlap(window) if overlap is None else overlap
    docs = tokenize_documents(tokenizer, [ex.text for ex in examples])
    ids_out: list[list[int]] = []
    labels_out: list[list[int]] = []
    per_doc: list[int] = []
    issues: Counter[str] = Counter()
    issue_examples: list[str] = []
    pad = [IGNORE_INDEX]
    for doc_index, (example, doc) in enumerate(zip(examples, docs, strict=True)):
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
                if len(issue_examples) < 5:
                    where = f"document {example.doc_id}" if example.doc_id else f"document #{doc_index}"
                    issue_examples.append(f"{where}: {issue.describe()}")
            ids_out.append(layout.wrap(doc.ids[start:end]))
            labels_out.append(pad * len(layout.prefix) + list(alignment.label_ids) + pad * len(layout.suffix))
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    return EncodedSet(
        features=TrainFeatures(input_ids=ids_out, labels=labels_out, pad_id=int(pad_id)),
        windows_per_doc=tuple(per_doc),
        issues=dict(issues),
        issue_examples=tuple(issue_examples),
    )
