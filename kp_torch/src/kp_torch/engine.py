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

import numpy as np

from kp_core.decoding import BioesSpace, OperatingPoint
from kp_core.decoding.calibration import operating_point_for
from kp_core.decoding.window_scorer import DocumentScores, WindowScorer, pad_rows, predict_from_scores, window_geometry
from kp_core.errors import KpError
from kp_core.plugins.manifest import Manifest
from kp_core.types import Span
from kp_torch.tokens import SpecialLayout, tokenize_documents

DEFAULT_MAX_LENGTH = 256
DEFAULT_BATCH_SIZE = 32


class CheckpointError(KpError, ValueError):
    """A folder that is not a usable token-classification checkpoint for kp (a refusal, exit 2)."""


def label_space(id2label: dict[Any, str]) -> BioesSpace:
    labels = [id2label[i] if i in id2label else id2label[str(i)] for i in range(len(id2label))]
    try:
        return BioesSpace(labels)
    except ValueError as exc:
        raise CheckpointError(
            f"the model's id2label is not a BIOES label space: {exc}; a checkpoint with other labels "
            "(BIO, I-only, plain) loads as 'hf:<ref>' or 'hf:<scheme>:<ref>'"
        ) from None


class EncoderDetector:
    """A token-classification encoder (XLM-R, mDeBERTa, BERT family) as a kp :class:`Detector`."""

    # Which subwords decode when the checkpoint's kp.json does not say (kp trains on first subwords).
    default_label_scheme = "first"
    default_name = "xlmr-ner"  # the family a checkpoint without kp.json is reported as

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
        self.max_length, self.window, self.overlap = window_geometry(
            max_length, self.layout, limit=_position_limit(model), overlap=overlap
        )
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
        self.space = self._label_space(model.config.id2label)
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
        progress: bool | None = None,
        echo: Any = None,
        **extra: Any,
    ) -> EncoderDetector:
        """Load a checkpoint folder, or a Hub id transformers can resolve (safetensors, no remote
        code), onto a torch device; a reference that is neither is a ModelResolutionError.

        ``progress``: the detector's bars, and transformers' own while loading (``None``: the
        library bars only when stderr is a terminal, none while predicting). ``extra`` goes to the
        constructor (a subclass's own options)."""
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        from kp_torch_runtime.hub import loading
        from kp_torch_runtime.runtime import select_runtime

        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise CheckpointError(f"{folder}: not a checkpoint folder (a file)")
        meta = Manifest.read(folder) if folder.is_dir() else None
        runtime = select_runtime(device, threads, echo=echo)
        precision = {"dtype": torch.bfloat16} if bf16 else {}
        with loading(path, progress=progress):
            model = AutoModelForTokenClassification.from_pretrained(
                str(path), use_safetensors=True, trust_remote_code=False, **precision
            )
            tokenizer = AutoTokenizer.from_pretrained(str(path), use_fast=True)
        model.to(runtime.device).eval()
        return cls(
            model,
            tokenizer,
            model_id=str((meta and meta.extra.get("model_id")) or folder),
            name=meta.family if meta else cls.default_name,
            device=runtime.device,
            max_length=max_length or (meta and meta.max_length) or DEFAULT_MAX_LENGTH,
            batch_size=batch_size,
            label_scheme=(meta and meta.label_scheme) or cls.default_label_scheme,
            operating_point=operating_point_for(operating_point, folder if folder.is_dir() else None),
            bf16=bf16,
            progress=bool(progress),
            **extra,
        )

    def _label_space(self, id2label: dict[Any, str]) -> BioesSpace:
        """The space decoding runs in (a subclass reading another head layout builds its own)."""
        return label_space(id2label)

    # -- scoring ---------------------------------------------------------------------------

    def score_documents(self, texts: Sequence[str]) -> list[DocumentScores]:
        """Window-averaged log-probabilities per document (the input of decoding)."""
        return WindowScorer.of(self).score(texts, tokenize_documents(self.tokenizer, texts), self._forward)

    def _forward(self, rows: list[list[int]]) -> np.ndarray:
        import torch

        ids, mask = pad_rows(rows, self.pad_id, np.int64)
        with torch.inference_mode():
            logits = self.model(
                input_ids=torch.from_numpy(ids).to(self.device), attention_mask=torch.from_numpy(mask).to(self.device)
            ).logits
        return torch.log_softmax(logits.float(), dim=-1).cpu().numpy()

    # -- the Detector protocol -------------------------------------------------------------

    def predict_spans(
        self, texts: Sequence[str], *, labels: Collection[str] | None = None, method: str = "viterbi"
    ) -> list[list[Span]]:
        """Character spans per text (sorted, non-overlapping), each with a score in [0, 1]."""
        return predict_from_scores(self, texts, labels=labels, method=method)


def _position_limit(model: Any) -> int | None:
    """Longest input the model's position embeddings allow (RoBERTa-style models reserve pad+1)."""
    config = model.config
    limit = getattr(config, "max_position_embeddings", None)
    if not limit or getattr(config, "position_biased_input", True) is False:
        return None
    if getattr(config, "model_type", "") in ("roberta", "xlm-roberta", "camembert", "xlm-roberta-xl"):
        return int(limit) - 2
    return int(limit)
