"""Scoring whole documents with a model of bounded context, for every framework.

A framework engine (kp-torch, kp-mlx) supplies only a callable that runs its model on a batch of
windows (lists of token ids, specials included) and returns numpy log-probabilities padded to
the longest row. Everything else lives here, once, so every framework cuts the same windows, runs
them in the same order and merges them the same way: the windows of every document are planned
(:func:`~kp_core.decoding.windows.plan_windows`), sorted longest first (little padding per
batch), run ``batch_size`` at a time, and each window's content rows are averaged back onto the
document's subwords (:func:`~kp_core.decoding.windows.merge_window_logprobs`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from kp_core.decoding.operating_point import OperatingPoint
from kp_core.decoding.space import BioesSpace
from kp_core.decoding.spans import decode_spans_batch
from kp_core.decoding.windows import merge_window_logprobs, plan_windows
from kp_core.encoding.alignment import label_positions
from kp_core.encoding.tokens import SpecialLayout, TokenizedDoc, content_window, default_overlap
from kp_core.types import Span

if TYPE_CHECKING:
    from kp_core.decoding.calibration import DocumentLogprobs, LogprobSource

Window = tuple[int, int]
# Runs the model on wrapped windows: (rows, width, labels) log-probabilities, rows padded at the end.
ForwardRows = Callable[[list[list[int]]], np.ndarray]


@attrs.frozen
class DocumentScores:
    """What the model says about one document before decoding."""

    offsets: np.ndarray  # (T, 2) character offsets over the whole text
    logprobs: np.ndarray  # (T, L), window-averaged
    decode_mask: np.ndarray | None  # (T,) positions that carry labels (first subwords), or None for all


@attrs.frozen(kw_only=True)
class WindowScorer:
    """How a detector cuts, batches and merges windows (the framework-free half of its engine)."""

    layout: SpecialLayout  # the specials each window is wrapped in
    window: int  # content tokens per window
    overlap: int  # tokens consecutive windows share
    labels: int  # columns of the label space (the width of an empty document's log-probabilities)
    batch_size: int
    label_scheme: str = "first"  # "all": every subword decodes; else label_positions' scheme
    progress: bool = False

    @classmethod
    def of(cls, detector: Any) -> WindowScorer:
        """The scorer of an engine with kp's usual attributes (``layout``, ``window``, ``overlap``,
        ``space``, ``batch_size``, ``label_scheme``, ``progress``), read at call time so a changed
        batch size takes effect."""
        return cls(
            layout=detector.layout,
            window=detector.window,
            overlap=detector.overlap,
            labels=len(detector.space),
            batch_size=detector.batch_size,
            label_scheme=detector.label_scheme,
            progress=detector.progress,
        )

    def score(self, texts: Sequence[str], docs: Sequence[TokenizedDoc], forward: ForwardRows) -> list[DocumentScores]:
        """Window-averaged log-probabilities of each document (``docs`` are ``texts`` tokenized)."""
        if len(texts) != len(docs):
            raise ValueError(f"{len(texts)} texts but {len(docs)} tokenized documents")
        plans = [plan_windows(len(doc), self.window, self.overlap) for doc in docs]
        flat = [(d, w) for d, plan in enumerate(plans) for w in range(len(plan))]
        results: list[list[np.ndarray | None]] = [[None] * len(plan) for plan in plans]
        order = window_order(plans, flat)
        lo = len(self.layout.prefix)
        for batch in self._batches(order):
            rows = [self._wrap(docs[flat[k][0]], plans[flat[k][0]][flat[k][1]]) for k in batch]
            logprobs = forward(rows)
            for row, k in enumerate(batch):
                d, w = flat[k]
                start, end = plans[d][w]
                results[d][w] = logprobs[row, lo : lo + end - start]
        return [
            self._document(text, doc, plan, window_lps)
            for text, doc, plan, window_lps in zip(texts, docs, plans, results, strict=True)
        ]

    def _wrap(self, doc: TokenizedDoc, window: Window) -> list[int]:
        return self.layout.wrap(doc.ids[window[0] : window[1]])

    def _batches(self, order: list[int]) -> Iterator[list[int]]:
        from tqdm.auto import tqdm

        steps = range(0, len(order), self.batch_size)
        for start in tqdm(steps, desc="predict", unit="batch", disable=not self.progress, dynamic_ncols=True):
            yield order[start : start + self.batch_size]

    def _document(
        self, text: str, doc: TokenizedDoc, plan: list[Window], window_lps: list[np.ndarray | None]
    ) -> DocumentScores:
        if not plan:
            merged = np.zeros((0, self.labels), dtype=np.float32)
        else:
            merged = merge_window_logprobs(len(doc), plan, window_lps)  # type: ignore[arg-type]
        mask = (
            label_positions(text, doc.offsets, scheme=self.label_scheme)
            if self.label_scheme != "all" and len(doc)
            else None
        )
        return DocumentScores(offsets=doc.offsets, logprobs=merged, decode_mask=mask)


def window_geometry(
    max_length: int, layout: SpecialLayout, *, limit: int | None, overlap: int | None
) -> tuple[int, int, int]:
    """(max_length, window, overlap) of an engine: the requested ``max_length`` capped by the
    model's position ``limit`` (None: no cap), the content tokens a window keeps once ``layout``'s
    specials are in, and ``overlap`` (None: :func:`~kp_core.encoding.tokens.default_overlap`)."""
    max_length = min(max_length, limit) if limit else max_length
    window = content_window(max_length, layout)
    return max_length, window, default_overlap(window) if overlap is None else overlap


def window_order(plans: Sequence[Sequence[Window]], flat: Sequence[tuple[int, int]]) -> list[int]:
    """Indices into ``flat`` (document, window) longest window first, ties in document order."""

    def width(k: int) -> int:
        start, end = plans[flat[k][0]][flat[k][1]]
        return end - start

    return sorted(range(len(flat)), key=lambda k: -width(k))


def pad_rows(rows: Sequence[Sequence[int]], pad_id: int, dtype: type = np.int64) -> tuple[np.ndarray, np.ndarray]:
    """(ids, attention mask) of ``rows`` right-padded with ``pad_id`` to the longest one."""
    width = max(len(r) for r in rows)
    ids = np.full((len(rows), width), pad_id, dtype=dtype)
    mask = np.zeros((len(rows), width), dtype=dtype)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = r
        mask[i, : len(r)] = 1
    return ids, mask


def decode_documents(
    texts: Sequence[str],
    scored: Sequence[DocumentLogprobs],
    *,
    space: BioesSpace,
    operating_point: OperatingPoint | None = None,
    method: str = "viterbi",
    labels: Collection[str] | None = None,
    scheme: str | None = None,
) -> list[list[Span]]:
    """Spans of each document from its :class:`DocumentScores`, through kp's one decoding path."""
    return decode_spans_batch(
        list(texts),
        [s.offsets for s in scored],
        [s.logprobs for s in scored],
        decode_masks=[s.decode_mask for s in scored],
        operating_point=operating_point,
        method=method,
        labels=labels,
        space=space,
        scheme=scheme,
    )


def predict_from_scores(
    source: LogprobSource,
    texts: Sequence[str],
    *,
    labels: Collection[str] | None = None,
    method: str = "viterbi",
) -> list[list[Span]]:
    """A scoring detector's ``predict_spans``: its documents' scores decoded in its label space,
    at its ``operating_point`` and through its ``crosswalk`` (both optional attributes)."""
    return decode_documents(
        texts,
        source.score_documents(texts),
        space=source.space,
        operating_point=getattr(source, "operating_point", None),
        method=method,
        labels=labels,
        scheme=getattr(source, "crosswalk", None),
    )
