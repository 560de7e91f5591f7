"""MLX token classifiers behind kp's Detector protocol.

The same path as kp-torch's engine: whole-document tokenization, overlapping windows wrapped in
the tokenizer's specials, length-sorted padded batches, window log-probabilities averaged back
onto subwords, then ``kp_core.decoding.decode_spans`` (constrained BIOES Viterbi). Per-token
argmax is never used to make spans.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from kp_core.decoding import BioesSpace, OperatingPoint, decode_spans, merge_window_logprobs, plan_windows
from kp_core.encoding.alignment import label_positions
from kp_core.types import Span
from kp_mlx.checkpoint import OPERATING_POINT_JSON, CheckpointError, id2label, read_kp_json
from kp_mlx.tokens import DocumentTokenizer, TokenizedDoc, content_window, default_overlap

DEFAULT_MAX_LENGTH = 256
DEFAULT_BATCH_SIZE = 32
# RoBERTa-style position tables reserve padding_idx + 1 rows.
_OFFSET_POSITION_TYPES = ("roberta", "xlm-roberta", "camembert")


@attrs.frozen
class DocumentScores:
    offsets: np.ndarray  # (T, 2)
    logprobs: np.ndarray  # (T, L) window-averaged
    decode_mask: np.ndarray | None


def position_limit(config: dict[str, Any]) -> int | None:
    limit = config.get("max_position_embeddings")
    if not limit:
        return None
    if config.get("model_type") in _OFFSET_POSITION_TYPES:
        return int(limit) - 2
    return int(limit)


class MLXTokenClassifier:
    """A token-classification model running on MLX, as a kp :class:`~kp_core.detector.Detector`."""

    def __init__(
        self,
        model: Any,
        config: dict[str, Any],
        tokenizer: DocumentTokenizer,
        *,
        model_id: str,
        name: str,
        max_length: int = DEFAULT_MAX_LENGTH,
        overlap: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        label_scheme: str = "first",
        operating_point: OperatingPoint | None = None,
        progress: bool = False,
    ) -> None:
        self.model = model
        self.config = config
        self.tokenizer = tokenizer
        self.model_id = model_id
        self.name = name
        self.layout = tokenizer.layout
        limit = position_limit(config)
        self.max_length = min(max_length, limit) if limit else max_length
        self.window = content_window(self.max_length, self.layout)
        self.overlap = default_overlap(self.window) if overlap is None else overlap
        self.batch_size = batch_size
        self.label_scheme = label_scheme
        self.operating_point = operating_point
        self.progress = progress
        labels = id2label(config)
        try:
            self.space = BioesSpace(labels)
        except ValueError as exc:
            raise CheckpointError(f"the model's id2label is not a BIOES label space: {exc}") from None
        pad = config.get("pad_token_id")
        self.pad_id = int(pad) if isinstance(pad, int) and 0 <= pad < int(config.get("vocab_size", pad + 1)) else 0

    @classmethod
    def from_folder(
        cls,
        path: str | Path,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_length: int | None = None,
        operating_point: OperatingPoint | str | Path | None = None,
        progress: bool = False,
        family: str | None = None,
    ) -> MLXTokenClassifier:
        """Load a checkpoint folder (kp-torch's, a Hub download, or an ``-mlx`` export)."""
        from kp_mlx.models import load_model

        folder = Path(path)
        if not folder.is_dir():
            raise CheckpointError(f"{folder}: no such checkpoint folder")
        meta = read_kp_json(folder)
        model, config = load_model(folder)
        tokenizer = DocumentTokenizer.from_folder(folder)
        if operating_point is None and (folder / OPERATING_POINT_JSON).is_file():
            operating_point = folder / OPERATING_POINT_JSON
        if isinstance(operating_point, str | Path):
            operating_point = OperatingPoint.load(operating_point)
        return cls(
            model,
            config,
            tokenizer,
            model_id=str(meta.get("model_id") or folder),
            name=str(meta.get("family") or family or "xlmr-ner"),
            max_length=max_length or int(meta.get("max_length") or DEFAULT_MAX_LENGTH),
            batch_size=batch_size,
            label_scheme=str(meta.get("label_scheme") or "first"),
            operating_point=operating_point,
            progress=progress,
        )

    # -- scoring ---------------------------------------------------------------------------

    def window_rows(self, docs: Sequence[TokenizedDoc]) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
        plans = [plan_windows(len(doc), self.window, self.overlap) for doc in docs]
        flat = [(d, w) for d, plan in enumerate(plans) for w in range(len(plan))]
        return plans, flat

    def score_documents(self, texts: Sequence[str]) -> list[DocumentScores]:
        docs = self.tokenizer.documents(texts)
        plans, flat = self.window_rows(docs)
        results: list[list[np.ndarray | None]] = [[None] * len(plan) for plan in plans]

        def width(k: int) -> int:
            start, end = plans[flat[k][0]][flat[k][1]]
            return end - start

        order = sorted(range(len(flat)), key=lambda k: -width(k))
        lo = len(self.layout.prefix)
        for batch in self._batches(order):
            rows = []
            for k in batch:
                d, w = flat[k]
                start, end = plans[d][w]
                rows.append(self.layout.wrap(docs[d].ids[start:end]))
            logprobs = self.forward_logprobs(rows)
            for row, k in enumerate(batch):
                d, w = flat[k]
                start, end = plans[d][w]
                results[d][w] = logprobs[row, lo : lo + end - start]
        out: list[DocumentScores] = []
        for text, doc, plan, window_lps in zip(texts, docs, plans, results, strict=True):
            if not plan:
                merged = np.zeros((0, len(self.space)), dtype=np.float32)
            else:
                merged = merge_window_logprobs(len(doc), plan, window_lps)  # type: ignore[arg-type]
            mask = (
                label_positions(text, doc.offsets, scheme=self.label_scheme)
                if self.label_scheme != "all" and len(doc)
                else None
            )
            out.append(DocumentScores(offsets=doc.offsets, logprobs=merged, decode_mask=mask))
        return out

    def _batches(self, order: list[int]) -> Iterator[list[int]]:
        from tqdm.auto import tqdm

        steps = range(0, len(order), self.batch_size)
        for start in tqdm(steps, desc="predict", unit="batch", disable=not self.progress, dynamic_ncols=True):
            yield order[start : start + self.batch_size]

    def pad(self, rows: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
        width = max(len(r) for r in rows)
        ids = np.full((len(rows), width), self.pad_id, dtype=np.int32)
        mask = np.zeros((len(rows), width), dtype=np.int32)
        for i, r in enumerate(rows):
            ids[i, : len(r)] = r
            mask[i, : len(r)] = 1
        return ids, mask

    def forward_logits(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import mlx.core as mx

        logits = self.model(mx.array(ids), mx.array(mask)).astype(mx.float32)
        return np.array(logits)

    def forward_logprobs(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        import mlx.core as mx

        ids, mask = self.pad(rows)
        logits = self.model(mx.array(ids), mx.array(mask)).astype(mx.float32)
        return np.array(logits - mx.logsumexp(logits, axis=-1, keepdims=True))

    # -- the Detector protocol -------------------------------------------------------------

    def predict_spans(
        self, texts: Sequence[str], *, labels: Collection[str] | None = None, method: str = "viterbi"
    ) -> list[list[Span]]:
        scored = self.score_documents(texts)
        return [
            decode_spans(
                text,
                s.offsets,
                s.logprobs,
                decode_mask=s.decode_mask,
                operating_point=self.operating_point,
                method=method,
                labels=labels,
                space=self.space,
            )
            if len(s.offsets)
            else []
            for text, s in zip(texts, scored, strict=True)
        ]
