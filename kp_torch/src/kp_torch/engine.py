"""The inference engine: a token-classification encoder behind kp's Detector protocol.

Texts are tokenized whole (one batched call into the Rust tokenizer), cut into overlapping
windows, sorted by length and run in dynamically padded batches under ``torch.inference_mode``.
Window log-probabilities are averaged back onto each document's subwords and decoded by
``kp_core.decoding.decode_spans`` (constrained BIOES Viterbi, the one decoding path of kp), which
also gives each span its score.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from kp_core.decoding import BioesSpace, OperatingPoint, decode_spans_batch, merge_window_logprobs, plan_windows
from kp_core.encoding.alignment import label_positions
from kp_core.types import Span
from kp_torch.checkpoint_meta import OPERATING_POINT_JSON, read_kp_json
from kp_torch.tokens import SpecialLayout, TokenizedDoc, content_window, default_overlap, tokenize_documents

DEFAULT_MAX_LENGTH = 256
DEFAULT_BATCH_SIZE = 32


class CheckpointError(ValueError):
    """A folder that is not a usable token-classification checkpoint for kp."""


@attrs.frozen
class DocumentScores:
    """What the model says about one document before decoding."""

    offsets: np.ndarray  # (T, 2) over the whole text
    logprobs: np.ndarray  # (T, L), window-averaged
    decode_mask: np.ndarray | None  # (T,) first subwords, for first-subword models


def label_space(id2label: dict[Any, str]) -> BioesSpace:
    labels = [id2label[i] if i in id2label else id2label[str(i)] for i in range(len(id2label))]
    try:
        return BioesSpace(labels)
    except ValueError as exc:
        raise CheckpointError(f"the model's id2label is not a BIOES label space: {exc}") from None


class EncoderDetector:
    """A token-classification encoder (XLM-R, mDeBERTa, BERT family) as a kp :class:`Detector`."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        model_id: str,
        name: str = "xlmr-ner",
        device: str = "cpu",
        max_length: int = DEFAULT_MAX_LENGTH,
        overlap: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        label_scheme: str = "first",
        operating_point: OperatingPoint | None = None,
        bf16: bool = False,
        progress: bool = False,
    ) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.model_id = model_id
        self.name = name
        self.device = device
        self.layout = SpecialLayout.of(tokenizer)
        limit = _position_limit(model)
        self.max_length = min(max_length, limit) if limit else max_length
        self.window = content_window(self.max_length, self.layout)
        self.overlap = default_overlap(self.window) if overlap is None else overlap
        self.batch_size = batch_size
        self.label_scheme = label_scheme
        self.operating_point = operating_point
        # bfloat16 weights: about twice as fast on GPUs and on CPUs with bf16 units (AVX512-BF16,
        # AMX), with the same spans on the dev slices; log-probabilities and decoding stay fp32.
        self.bf16 = bf16
        if bf16:
            import torch

            model.to(torch.bfloat16)
        self.progress = progress
        self.space = label_space(model.config.id2label)
        pad = tokenizer.pad_token_id
        self.pad_id = int(pad) if pad is not None else 0

    @classmethod
    def from_pretrained(
        cls,
        path: str | Path,
        *,
        device: str = "auto",
        threads: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_length: int | None = None,
        operating_point: OperatingPoint | str | Path | None = None,
        bf16: bool = False,
        progress: bool = False,
        echo: Any = None,
    ) -> EncoderDetector:
        """Load a saved checkpoint folder (safetensors, no remote code) onto a torch device."""
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        from kp_torch.runtime import select_runtime

        folder = Path(path)
        if not folder.is_dir():
            raise CheckpointError(f"{folder}: no such checkpoint folder")
        meta = read_kp_json(folder) or {}
        runtime = select_runtime(device, threads, echo=echo)
        precision = {"dtype": torch.bfloat16} if bf16 else {}
        model = AutoModelForTokenClassification.from_pretrained(
            str(folder), use_safetensors=True, trust_remote_code=False, **precision
        )
        model.to(runtime.device).eval()
        tokenizer = AutoTokenizer.from_pretrained(str(folder), use_fast=True)
        if operating_point is None and (folder / OPERATING_POINT_JSON).is_file():
            operating_point = folder / OPERATING_POINT_JSON
        if isinstance(operating_point, str | Path):
            operating_point = OperatingPoint.load(operating_point)
        return cls(
            model,
            tokenizer,
            model_id=str(meta.get("model_id") or folder),
            name=str(meta.get("family") or "xlmr-ner"),
            device=runtime.device,
            max_length=max_length or int(meta.get("max_length") or DEFAULT_MAX_LENGTH),
            batch_size=batch_size,
            label_scheme=str(meta.get("label_scheme") or "first"),
            operating_point=operating_point,
            bf16=bf16,
            progress=progress,
        )

    # -- scoring ---------------------------------------------------------------------------

    def score_documents(self, texts: Sequence[str]) -> list[DocumentScores]:
        """Window-averaged log-probabilities per document (the input of decoding)."""
        docs = tokenize_documents(self.tokenizer, texts)
        plans = [plan_windows(len(doc), self.window, self.overlap) for doc in docs]
        flat = [(d, w) for d, plan in enumerate(plans) for w in range(len(plan))]
        results: list[list[np.ndarray | None]] = [[None] * len(plan) for plan in plans]
        order = sorted(range(len(flat)), key=lambda k: -_window_len(plans, flat[k]))
        for batch in self._batches(order):
            rows = [self._window_ids(docs[flat[k][0]], plans[flat[k][0]][flat[k][1]]) for k in batch]
            logprobs = self._forward(rows)
            for row, k in enumerate(batch):
                d, w = flat[k]
                start, end = plans[d][w]
                lo = len(self.layout.prefix)
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

    def _batches(self, order: list[int]) -> Any:
        from tqdm.auto import tqdm

        steps = range(0, len(order), self.batch_size)
        for start in tqdm(steps, desc="predict", unit="batch", disable=not self.progress, dynamic_ncols=True):
            yield order[start : start + self.batch_size]

    def _window_ids(self, doc: TokenizedDoc, window: tuple[int, int]) -> list[int]:
        return self.layout.wrap(doc.ids[window[0] : window[1]])

    def _forward(self, rows: list[list[int]]) -> np.ndarray:
        import torch

        width = max(len(r) for r in rows)
        ids = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, r in enumerate(rows):
            ids[i, : len(r)] = torch.as_tensor(r, dtype=torch.long)
            mask[i, : len(r)] = 1
        with torch.inference_mode():
            logits = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device)).logits
        return torch.log_softmax(logits.float(), dim=-1).cpu().numpy()

    # -- the Detector protocol -------------------------------------------------------------

    def predict_spans(
        self, texts: Sequence[str], *, labels: Collection[str] | None = None, method: str = "viterbi"
    ) -> list[list[Span]]:
        """Character spans per text (sorted, non-overlapping), each with a score in [0, 1]."""
        scored = self.score_documents(texts)
        return decode_spans_batch(
            list(texts),
            [s.offsets for s in scored],
            [s.logprobs for s in scored],
            decode_masks=[s.decode_mask for s in scored],
            operating_point=self.operating_point,
            method=method,
            labels=labels,
            space=self.space,
        )


def _window_len(plans: list[list[tuple[int, int]]], key: tuple[int, int]) -> int:
    start, end = plans[key[0]][key[1]]
    return end - start


def _position_limit(model: Any) -> int | None:
    """Longest input the model's position embeddings allow (RoBERTa-style models reserve pad+1)."""
    config = model.config
    limit = getattr(config, "max_position_embeddings", None)
    if not limit or getattr(config, "position_biased_input", True) is False:
        return None
    if getattr(config, "model_type", "") in ("roberta", "xlm-roberta", "camembert", "xlm-roberta-xl"):
        return int(limit) - 2
    return int(limit)
