"""Any transformers token classifier behind kp's Detector protocol, its labels mapped to KP types.

The model runs in kp's engine (windows, batches, merged log-probabilities); a BIOES head decodes
by kp's constrained Viterbi in its own label space, any other head (BIO, I-only, plain) is read by
the grouping rule of :mod:`kp_torch.hf_token.labels`; either way spans come out of kp's one
decoding path and their types go through the crosswalk (types without a KP type are dropped).
Every subword decodes (``label_scheme`` "all"), as the transformers pipeline the harness runs
baselines with reads every token.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import attrs

from kp_core.decoding import BioesSpace
from kp_core.decoding.window_scorer import DocumentScores, decode_documents
from kp_core.taxonomy.crosswalk import to_kp
from kp_core.types import Span
from kp_torch.engine import CheckpointError, EncoderDetector
from kp_torch.hf_token import NAME as FAMILY
from kp_torch.hf_token.labels import HeadLabels, HeadLabelsError
from kp_torch.hf_token.scheme import note_dropped, resolve_scheme


class ForeignLabelDetector(EncoderDetector):
    """An :class:`EncoderDetector` over a head in another label scheme."""

    default_label_scheme = "all"
    default_name = FAMILY

    def __init__(self, model: Any, tokenizer: Any, *, scheme: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("name", FAMILY)
        kwargs.setdefault("label_scheme", self.default_label_scheme)
        super().__init__(model, tokenizer, **kwargs)
        self.crosswalk = resolve_scheme(self.model_id, self.head.labels, self.head.types, explicit=scheme)
        kinds = {t: (t if self.crosswalk is None else to_kp(self.crosswalk, t)) for t in self.head.types}
        self.kp_types = frozenset(k for k in kinds.values() if k is not None)
        self._natives_of = {kp: [t for t, k in kinds.items() if k == kp] for kp in self.kp_types}
        note_dropped(self.model_id, self.crosswalk, self.head.types)

    def _label_space(self, id2label: dict[Any, str]) -> BioesSpace:
        try:
            self.head = HeadLabels.of(id2label)
        except HeadLabelsError as exc:
            raise CheckpointError(f"{exc}") from None
        return self.head.space

    def mapping(self) -> dict[str, str | None]:
        """Native type -> KP type (None: dropped), the table predictions go through."""
        if self.crosswalk is None:
            return {t: t for t in self.head.types}
        return {t: to_kp(self.crosswalk, t) for t in self.head.types}

    def _native_types(self, labels: Collection[str] | None) -> list[str] | None:
        if labels is None:
            return None
        return [native for kp in labels for native in self._natives_of.get(kp, [])]

    def score_documents(self, texts: Sequence[str]) -> list[DocumentScores]:
        """Log-probabilities in the decoding space (a converted head: its grouped BIOES tags)."""
        return self._scores(texts, None)

    def _scores(self, texts: Sequence[str], natives: list[str] | None) -> list[DocumentScores]:
        scored = super().score_documents(texts)
        if not self.head.converts:
            return scored
        allowed = None if natives is None else self.head.columns_of(natives)
        return [
            attrs.evolve(s, logprobs=self.head.tag_scores(text, s.offsets, s.logprobs, s.decode_mask, allowed=allowed))
            for text, s in zip(texts, scored, strict=True)
        ]

    def predict_spans(
        self, texts: Sequence[str], *, labels: Collection[str] | None = None, method: str = "viterbi"
    ) -> list[list[Span]]:
        """``labels`` are KP types; the head is asked for the native types that map to them."""
        natives = self._native_types(labels)
        if self.head.converts:
            # Restricted before the argmax (a token takes its best allowed label), so the decoder
            # sees each token's one chosen tag and needs no label mask of its own.
            return decode_documents(
                texts, self._scores(texts, natives), space=self.space, method=method, scheme=self.crosswalk
            )
        return decode_documents(
            texts,
            super().score_documents(texts),
            space=self.space,
            operating_point=self.operating_point,
            method=method,
            labels=natives,
            scheme=self.crosswalk,
        )
