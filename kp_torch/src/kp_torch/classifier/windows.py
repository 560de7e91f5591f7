"""Documents -> classifier windows, and window scores -> document scores.

A document is never truncated: it is cut into the overlapping windows the token families use
(:func:`kp_core.decoding.plan_windows`), each wrapped in the tokenizer's specials. For training,
each window carries the labels of the spans inside it (:func:`kp_core.classification.labels.doc_labels`
of those spans), not the document's: a window that holds no span holds nothing to find, and the
document's labels on it would teach the model to call clean text personal. Inference pools each
label with the max over a document's windows (a document holds a label when any window does), so
window labels are exactly the targets that pooling needs.

A row with explicit ``doc_labels`` (annotated at document level only) says more than its spans;
what it adds cannot be placed in one window, so on a document of several windows those labels are
masked out of the loss (-1) rather than guessed. Numpy only: no torch here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from kp_core.classification.labels import DOC_LABELS, doc_labels, example_doc_labels
from kp_core.decoding import plan_windows
from kp_core.encoding.tokens import SpecialLayout, content_window, default_overlap, tokenize_documents
from kp_core.types import Example

IGNORED = -1  # a target left out of the loss


@attrs.frozen
class Windows:
    """Model inputs (specials in place), the document each came from, and (training) targets."""

    input_ids: list[list[int]]
    doc_index: np.ndarray  # (W,) the document of each window
    n_docs: int
    targets: np.ndarray | None = None  # (W, len(DOC_LABELS)) of 1, 0 or IGNORED

    def __len__(self) -> int:
        return len(self.input_ids)

    def lengths(self) -> list[int]:
        return [len(ids) for ids in self.input_ids]


def _plan(tokenizer: Any, texts: Sequence[str], max_length: int, overlap: int | None) -> tuple[list, list, Any]:
    layout = SpecialLayout.of(tokenizer)
    window = content_window(max_length, layout)
    overlap = default_overlap(window) if overlap is None else min(overlap, window - 1)
    docs = tokenize_documents(tokenizer, list(texts))
    # An empty document still gets one window (specials only), so every document has a score.
    plans = [plan_windows(len(doc), window, overlap) or [(0, 0)] for doc in docs]
    return docs, plans, layout


def document_windows(tokenizer: Any, texts: Sequence[str], *, max_length: int, overlap: int | None) -> Windows:
    """Every window of every text, for inference."""
    docs, plans, layout = _plan(tokenizer, texts, max_length, overlap)
    ids: list[list[int]] = []
    owner: list[int] = []
    for index, (doc, plan) in enumerate(zip(docs, plans, strict=True)):
        for start, end in plan:
            ids.append(layout.wrap(doc.ids[start:end]))
            owner.append(index)
    return Windows(ids, np.asarray(owner, dtype=np.int64), len(docs))


def training_windows(tokenizer: Any, examples: Sequence[Example], *, max_length: int, overlap: int | None) -> Windows:
    """Every window of every example with the labels of the spans inside it (see the module
    docstring)."""
    docs, plans, layout = _plan(tokenizer, [ex.text for ex in examples], max_length, overlap)
    ids: list[list[int]] = []
    owner: list[int] = []
    targets: list[list[int]] = []
    for index, (example, doc, plan) in enumerate(zip(examples, docs, plans, strict=True)):
        whole = example_doc_labels(example)  # checks explicit labels against the spans
        from_spans = doc_labels(span.label for span in example.spans)
        unplaced = np.asarray(whole.vector()) > np.asarray(from_spans.vector())
        for start, end in plan:
            if end > start:
                offsets = doc.offsets[start:end]
                lo, hi = int(offsets[:, 0].min()), int(offsets[:, 1].max())
                inside = [s.label for s in example.spans if s.end > lo and s.start < hi]
            else:
                inside = []
            vector = np.asarray(doc_labels(inside).vector())
            if unplaced.any():
                vector = np.where(unplaced, 1 if len(plan) == 1 else IGNORED, vector)
            ids.append(layout.wrap(doc.ids[start:end]))
            owner.append(index)
            targets.append(vector.tolist())
    matrix = np.asarray(targets, dtype=np.int64).reshape(-1, len(DOC_LABELS))
    return Windows(ids, np.asarray(owner, dtype=np.int64), len(docs), matrix)


def pool_max(window_scores: np.ndarray, doc_index: np.ndarray, n_docs: int) -> np.ndarray:
    """(W, L) window scores -> (n_docs, L) document scores: the max over each document's windows."""
    out = np.full((n_docs, window_scores.shape[1]), -np.inf, dtype=np.float64)
    np.maximum.at(out, doc_index, window_scores.astype(np.float64))
    return out
