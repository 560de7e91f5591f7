"""privacy-filter models behind kp's Detector protocol, through the shared inference engine.

Long texts are cut into 4096-token windows with overlap (privacy-filter's attention is banded, so
a window only needs local context); log-probabilities are averaged over overlaps and decoded by
kp's one constrained Viterbi. A model still in another label space (openai's base, OpenMed's
finetune) decodes in that space and maps its types to KP through its crosswalk (``openai``,
``openmed``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from kp_core.decoding import OperatingPoint
from kp_core.decoding.calibration import operating_point_for
from kp_core.plugins.manifest import Manifest
from kp_core.taxonomy.crosswalk import mapped_labels
from kp_core.types import Span
from kp_torch.engine import EncoderDetector
from kp_torch.hf_token.scheme import note_dropped, resolve_scheme
from kp_torch.moe.labels import is_kp_space
from kp_torch.moe.model import DEFAULT_EXPERTS, load_model, load_tokenizer

FAMILY = "moe-finetune"
WINDOW = 4096
OVERLAP = 512
BATCH_SIZE = 4  # 4096-token windows: eager attention holds a (heads, T, T) matrix per window


class PrivacyFilterDetector(EncoderDetector):
    """An :class:`EncoderDetector` that also decodes openai's own label space via the crosswalk."""

    def __init__(self, model: Any, tokenizer: Any, *, scheme: str | None = None, **kwargs: Any) -> None:
        """``scheme``: the crosswalk of a head in another label space (default: the baselines
        registry's for this model, else the one scheme that maps all its types: openai's for
        openai/privacy-filter, openmed for OpenMed's finetune)."""
        kwargs.setdefault("name", FAMILY)
        kwargs.setdefault("max_length", WINDOW)
        kwargs.setdefault("overlap", OVERLAP)
        kwargs.setdefault("batch_size", BATCH_SIZE)
        kwargs.setdefault("label_scheme", "all")
        super().__init__(model, tokenizer, **kwargs)
        self.crosswalk = None
        if not is_kp_space(self.space.labels):
            self.crosswalk = resolve_scheme(self.model_id, self.space.labels, self.space.types, explicit=scheme)
            note_dropped(self.model_id, self.crosswalk, self.space.types)

    @classmethod
    def from_pretrained(  # type: ignore[override]
        cls,
        path: str | Path,
        *,
        device: str = "auto",
        threads: int | None = None,
        batch_size: int = BATCH_SIZE,
        max_length: int | None = None,
        operating_point: OperatingPoint | str | Path | None = None,
        experts: str | None = None,
        scheme: str | None = None,
        bf16: bool = False,
        progress: bool | None = None,
        echo: Any = None,
    ) -> PrivacyFilterDetector:
        """A kp moe-finetune folder, a privacy-filter folder, or a Hub id (safetensors, no remote code).
        ``progress`` as in :meth:`EncoderDetector.from_pretrained`."""
        from kp_torch_runtime.runtime import select_runtime

        folder = Path(path)
        meta = Manifest.read(folder) if folder.is_dir() else None
        extra = meta.extra if meta else {}
        runtime = select_runtime(device, threads, echo=echo)
        model = load_model(
            path, experts=experts or str(extra.get("experts_implementation") or DEFAULT_EXPERTS), progress=progress
        )
        model.to(runtime.device).eval()
        tokenizer = load_tokenizer(path, progress=progress)
        return cls(
            model,
            tokenizer,
            model_id=str(extra.get("model_id") or path),
            device=runtime.device,
            max_length=max_length or (meta and meta.max_length) or WINDOW,
            batch_size=batch_size,
            label_scheme=(meta and meta.label_scheme) or "all",
            operating_point=operating_point_for(operating_point, folder if folder.is_dir() else None),
            scheme=scheme,
            bf16=bf16,
            progress=bool(progress),
        )

    def predict_spans(
        self, texts: Sequence[str], *, labels: Collection[str] | None = None, method: str = "viterbi"
    ) -> list[list[Span]]:
        """``labels`` are KP types; a model still in openai's space is asked for the native types mapping to them."""
        if labels is not None and self.crosswalk is not None:
            wanted = set(labels)
            labels = [native for native, kp in mapped_labels(self.crosswalk).items() if kp in wanted]
        return super().predict_spans(texts, labels=labels, method=method)
