"""The classifier model: a sequence-classification head over :data:`DOC_LABELS` on any encoder,
and :class:`DocClassifier`, which scores whole documents with it.

The checkpoint is a plain Hugging Face sequence-classification folder
(``problem_type="multi_label_classification"``, ``id2label`` = DOC_LABELS); kp's own settings ride
in ``config.json`` as ``kp_*`` keys that transformers keeps and ignores (thresholds, routing
threshold, window length and overlap). Torch is imported inside the functions.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kp_core.classification.labels import DOC_LABELS
from kp_core.classification.types import DocPrediction
from kp_core.errors import KpError
from kp_torch.classifier.calibration import DEFAULT_THRESHOLD
from kp_torch.classifier.windows import Windows, document_windows, pool_max

DEFAULT_MAX_LENGTH = 256
DEFAULT_BATCH_SIZE = 32
CONFIG_KEYS = ("kp_thresholds", "kp_routing_threshold", "kp_max_length", "kp_window_overlap")


class ClassifierCheckpointError(KpError, ValueError):
    """A folder that is not a kp document-classifier checkpoint."""


def _encoder_layers(base: Path | str, layers: int | None) -> dict[str, Any]:
    """``from_pretrained`` arguments that keep the base's first ``layers`` layers (the config says
    how many, so the saved checkpoint loads as it is anywhere); nothing when ``layers`` is None."""
    if layers is None:
        return {}
    from transformers import AutoConfig

    from kp_core.training.data import TrainingError

    config = AutoConfig.from_pretrained(str(base), trust_remote_code=False)
    available = getattr(config, "num_hidden_layers", None)
    if available is None:
        raise ClassifierCheckpointError(
            f"base {base}: its config has no num_hidden_layers; --encoder-layers cannot apply"
        )
    if layers > available:
        raise TrainingError(f"--encoder-layers {layers}: base {base} has only {available} layers")
    return {"num_hidden_layers": layers}


def build_model(base: Path | str, *, seed: int, options: Mapping[str, Any], echo: Callable[[str], None]) -> Any:
    """``base`` with a fresh multi-label head over DOC_LABELS, wrapped with LoRA unless
    ``full_finetune``; torch is seeded before the head and again before the adapters."""
    import torch
    from transformers import AutoModelForSequenceClassification
    from transformers.utils import logging as hf_logging

    from kp_torch.training.lora import lora_target_modules
    from kp_torch_runtime.hub import loading

    labels = list(DOC_LABELS)
    torch.manual_seed(seed)
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the new head is reported "missing": expected here
    try:
        with loading(base):
            overrides = _encoder_layers(base, options.get("encoder_layers"))
            model = AutoModelForSequenceClassification.from_pretrained(
                str(base),
                **overrides,
                num_labels=len(labels),
                id2label=dict(enumerate(labels)),
                label2id={label: i for i, label in enumerate(labels)},
                problem_type="multi_label_classification",
                ignore_mismatched_sizes=True,
                use_safetensors=None,
                trust_remote_code=False,
            )
    finally:
        hf_logging.set_verbosity(verbosity)
    layers = getattr(model.config, "num_hidden_layers", "?")
    echo(
        f"base {base}: {getattr(model.config, 'model_type', '?')} encoder ({layers} layers) with a new "
        f"{len(labels)}-label document head"
    )
    if options["full_finetune"]:
        trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
        echo(f"full finetune: {trainable:,} parameters trainable")
        return model
    from peft import LoraConfig, TaskType, get_peft_model

    rank = options["lora_rank"]
    targets = list(options.get("lora_targets") or ()) or lora_target_modules(model)
    lora = LoraConfig(
        task_type=TaskType.SEQ_CLS,  # the head (and a pooler, where there is one) trains in full
        r=rank,
        lora_alpha=options["lora_alpha"] or 2 * rank,
        lora_dropout=options["lora_dropout"],
        target_modules=targets,
        modules_to_save=[name for name in ("pooler",) if hasattr(getattr(model, "base_model", None), name)] or None,
    )
    torch.manual_seed(seed)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=FutureWarning, message=".*is_gradient_checkpointing.*")
        model = get_peft_model(model, lora)
    trainable, total = model.get_nb_trainable_parameters()
    echo(f"LoRA r={rank} on {', '.join(targets)}: {trainable:,} of {total:,} parameters trainable")
    return model


def window_scores(model: Any, windows: Windows, *, pad_id: int, device: str, batch_size: int) -> np.ndarray:
    """Sigmoid scores (W, labels) of every window, longest first in batches that mix documents."""
    import torch

    from kp_torch.classifier.batches import pad_inputs

    out = np.zeros((len(windows), model.config.num_labels), dtype=np.float32)
    order = sorted(range(len(windows)), key=lambda i: -len(windows.input_ids[i]))
    with torch.inference_mode():
        for at in range(0, len(order), batch_size):
            chunk = order[at : at + batch_size]
            tensors = pad_inputs([windows.input_ids[i] for i in chunk], pad_id)
            logits = model(**{k: v.to(device) for k, v in tensors.items()}).logits
            out[chunk] = torch.sigmoid(logits.float()).cpu().numpy()
    return out


class DocClassifier:
    """A document classifier (:class:`kp_core.classification.Classifier`) over a trained model."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        thresholds: Mapping[str, float] | None = None,
        routing_threshold: float = 0.0,
        max_length: int = DEFAULT_MAX_LENGTH,
        overlap: int | None = None,
        device: str = "cpu",
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
        if labels != list(DOC_LABELS):
            raise ClassifierCheckpointError(
                f"the model's labels are not kp's document labels ({', '.join(labels[:3])} ...); "
                "train it with `kp train classifier`"
            )
        self.model = model
        self.tokenizer = tokenizer
        self.thresholds = {name: float((thresholds or {}).get(name, DEFAULT_THRESHOLD)) for name in DOC_LABELS}
        self._routing = float(routing_threshold)
        self.max_length = int(max_length)
        self.overlap = overlap
        self.device = device
        self.batch_size = int(batch_size)

    @property
    def routing_threshold(self) -> float:
        return self._routing

    @property
    def labels(self) -> tuple[str, ...]:
        return DOC_LABELS

    def scores(self, texts: Sequence[str], *, batch_size: int | None = None) -> np.ndarray:
        """(documents, DOC_LABELS) scores: each label's max over the document's windows."""
        windows = document_windows(self.tokenizer, texts, max_length=self.max_length, overlap=self.overlap)
        pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        per_window = window_scores(
            self.model, windows, pad_id=int(pad_id), device=self.device, batch_size=batch_size or self.batch_size
        )
        return pool_max(per_window, windows.doc_index, windows.n_docs)

    def classify(self, texts: Sequence[str], *, batch_size: int | None = None) -> list[DocPrediction]:
        if isinstance(texts, str):
            raise TypeError("classify takes a list of texts, not one string")
        table = self.scores(list(texts), batch_size=batch_size)
        return [
            DocPrediction.from_scores(dict(zip(DOC_LABELS, (float(x) for x in row), strict=True)), self.thresholds)
            for row in table
        ]

    @classmethod
    def from_pretrained(
        cls,
        path: str | Path,
        *,
        device: str = "auto",
        threads: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_length: int | None = None,
        progress: bool | None = None,
        echo: Any = None,
    ) -> DocClassifier:
        """A checkpoint folder (or a Hub id transformers can resolve) on a torch device."""
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        from kp_torch_runtime.hub import loading
        from kp_torch_runtime.runtime import select_runtime

        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise ClassifierCheckpointError(f"{folder}: not a checkpoint folder (a file)")
        runtime = select_runtime(device, threads, echo=echo)
        with loading(path, progress=progress):
            model = AutoModelForSequenceClassification.from_pretrained(
                str(path), use_safetensors=True, trust_remote_code=False
            )
            tokenizer = AutoTokenizer.from_pretrained(str(path), use_fast=True)
        model.to(runtime.device).eval()
        config = model.config
        return cls(
            model,
            tokenizer,
            thresholds=getattr(config, "kp_thresholds", None),
            routing_threshold=float(getattr(config, "kp_routing_threshold", 0.0) or 0.0),
            max_length=max_length or getattr(config, "kp_max_length", None) or DEFAULT_MAX_LENGTH,
            overlap=getattr(config, "kp_window_overlap", None),
            device=runtime.device,
            batch_size=batch_size,
        )
