"""Examples -> training windows (ids with specials, BIOES label ids), as kp-torch builds them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from kp_core.decoding import plan_windows
from kp_core.encoding.alignment import IGNORE_INDEX, align_spans
from kp_core.types import Example
from kp_mlx.tokens import DocumentTokenizer, content_window, default_overlap


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
    """Every document in full: long ones become overlapping windows; labels from ``align_spans``."""
    layout = tokenizer.layout
    window = content_window(max_length, layout)
    overlap = default_overlap(window) if overlap is None else overlap
    docs = tokenizer.documents([ex.text for ex in examples])
    ids_out: list[list[int]] = []
    labels_out: list[list[int]] = []
    issues: Counter[str] = Counter()
    shown: list[str] = []
    for index, (example, doc) in enumerate(zip(examples, docs, strict=True)):
        windows = plan_windows(len(doc), window, overlap)
        for start, end in windows:
            offsets = doc.offsets[start:end]
            lo, hi = int(offsets[:, 0].min()), int(offsets[:, 1].max())
            inside = [s for s in example.spans if s.end > lo and s.start < hi]
            alignment = align_spans(example.text, offsets, inside, scheme=scheme)
            for issue in alignment.issues:
                if issue.reason == "truncated" and len(windows) > 1:
                    continue  # a window edge; the neighbouring window holds the whole span
                issues[issue.reason] += 1
                if len(shown) < 5:
                    where = f"document {example.doc_id}" if example.doc_id else f"document #{index}"
                    shown.append(f"{where}: {issue.describe()}")
            ids_out.append(layout.wrap(doc.ids[start:end]))
            labels_out.append(
                [IGNORE_INDEX] * len(layout.prefix) + list(alignment.label_ids) + [IGNORE_INDEX] * len(layout.suffix)
            )
    return Windows(input_ids=ids_out, labels=labels_out, issues=dict(issues), issue_examples=tuple(shown))
