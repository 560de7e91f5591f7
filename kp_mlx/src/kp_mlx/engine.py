"""MLX token classifiers behind kp's Detector protocol.

The same path as kp-torch's engine: whole-document tokenization, overlapping windows wrapped in
the tokenizer's specials, length-sorted padded batches, window log-probabilities averaged back
onto subwords, then ``kp_core.decoding.decode_spans`` (constrained BIOES Viterbi). Per-token
argmax is never used to make spans.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kp_core.decoding import BioesSpace, OperatingPoint
from kp_core.decoding.calibration import operating_point_for
from kp_core.decoding.window_scorer import DocumentScores, WindowScorer, pad_rows, predict_from_scores, window_geometry
from kp_core.plugins.manifest import Manifest
from kp_core.types import Span
from kp_mlx.checkpoint import CheckpointError, id2label
from kp_mlx.tokens import DocumentTokenizer

DEFAULT_MAX_LENGTH = 256
DEFAULT_BATCH_SIZE = 32
# RoBERTa-style position tables reserve padding_idx + 1 rows.
_OFFSET_POSITION_TYPES = ("roberta", "xlm-roberta", "camembert")


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
        self.max_length, self.window, self.overlap = window_geometry(
            max_length, self.layout, limit=position_limit(config), overlap=overlap
        )
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
        meta = Manifest.read(folder)
        model, config = load_model(folder)
        tokenizer = DocumentTokenizer.from_folder(folder)
        return cls(
            model,
            config,
            tokenizer,
            model_id=str((meta and meta.extra.get("model_id")) or folder),
            name=(meta and meta.family) or family or "xlmr-ner",
            max_length=max_length or (meta and meta.max_length) or DEFAULT_MAX_LENGTH,
            batch_size=batch_size,
            label_scheme=(meta and meta.label_scheme) or "first",
            operating_point=operating_point_for(operating_point, folder),
            progress=progress,
        )

    # -- scoring ---------------------------------------------------------------------------

    def score_documents(self, texts: Sequence[str]) -> list[DocumentScores]:
        """Window-averaged log-probabilities per document (the input of decoding)."""
        return WindowScorer.of(self).score(texts, self.tokenizer.documents(texts), self.forward_logprobs)

    def forward_logits(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import mlx.core as mx

        logits = self.model(mx.array(ids), mx.array(mask)).astype(mx.float32)
        return np.array(logits)

    def forward_logprobs(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        import mlx.core as mx

        ids, mask = pad_rows(rows, self.pad_id, np.int32)
        logits = self.model(mx.array(ids), mx.array(mask)).astype(mx.float32)
        return np.array(logits - mx.logsumexp(logits, axis=-1, keepdims=True))

    # -- the Detector protocol -------------------------------------------------------------

    def predict_spans(
        self, texts: Sequence[str], *, labels: Collection[str] | None = None, method: str = "viterbi"
    ) -> list[list[Span]]:
        return predict_from_scores(self, texts, labels=labels, method=method)
