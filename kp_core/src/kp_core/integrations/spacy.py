"""The ``kp_pii`` spaCy pipeline component: any kp model inside a spaCy pipeline.

::

    import spacy
    import kp_core.integrations.spacy  # registers the factory (the entry point does it when installed)

    nlp = spacy.blank("it")
    nlp.add_pipe("kp_pii", config={"model": "rules"})
    doc = nlp(text)
    doc.spans["pii"]            # every kp span: label = KP type, scores in .attrs["scores"]
    doc.ents                    # the kp spans that overlap no entity already there, added

The component runs the kp model on ``doc.text`` and aligns kp's character spans to spaCy's tokens
with ``doc.char_span(..., alignment_mode="expand")`` (a span that cuts a token takes the whole
token). ``nlp.pipe`` runs the model once per batch of texts: as many as spaCy hands over at
once, at most the component's ``batch_size``.

Config: ``model`` (any kp model reference, as :func:`kp_core.sdk.detector` takes), ``labels``
(KP types to keep), ``threshold`` (drop spans kp scores below it), ``spans_key`` (the span group,
``pii``), ``set_ents`` (add to ``doc.ents``), ``batch_size``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup
from spacy.util import filter_spans, minibatch

from kp_core.types import Span

FACTORY = "kp_pii"
DEFAULT_CONFIG: dict[str, Any] = {
    "model": "rules",
    "labels": None,
    "threshold": None,
    "spans_key": "pii",
    "set_ents": True,
    "batch_size": 32,
}


class KpPii:
    """The pipeline component: a kp detector, its spans written into each Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        model: str = "rules",
        labels: Sequence[str] | None = None,
        threshold: float | None = None,
        spans_key: str = "pii",
        set_ents: bool = True,
        batch_size: int = 32,
        detector: Any = None,
    ) -> None:
        from kp_core.errors import KpError

        if batch_size < 1:
            raise KpError(f"{name}: batch_size must be 1 or more, not {batch_size}")
        if detector is None:
            from kp_core.sdk import detector as load

            detector = load(model, labels=list(labels) if labels is not None else None, threshold=threshold)
        self.name, self.detector, self.spans_key = name, detector, spans_key
        self.set_ents, self.batch_size = set_ents, batch_size

    def __call__(self, doc: Doc) -> Doc:
        [spans] = self.detector.predict_spans([doc.text])
        return self.annotate(doc, spans)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        """The docs of ``stream``, annotated with one model call per batch: ``batch_size`` is
        how many docs spaCy hands over at once (``nlp.pipe``'s), each model call takes at most the
        component's own ``batch_size`` of them (its memory bound)."""
        for handed in minibatch(stream, size=batch_size or self.batch_size):
            for batch in minibatch(handed, size=self.batch_size):
                found = self.detector.predict_spans([doc.text for doc in batch])
                for doc, spans in zip(batch, found, strict=True):
                    yield self.annotate(doc, spans)

    def annotate(self, doc: Doc, spans: Sequence[Span]) -> Doc:
        """Write kp's ``spans`` (character offsets into ``doc.text``) into ``doc``."""
        aligned, scores = [], []
        for span in spans:
            token_span = doc.char_span(span.start, span.end, label=span.label, alignment_mode="expand")
            if token_span is None or not token_span.text.strip():  # between tokens, or only spaces
                continue
            aligned.append(token_span)
            scores.append(1.0 if span.score is None else float(span.score))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=aligned, attrs={"scores": scores})
        if self.set_ents:
            doc.ents = _with_entities(doc, aligned)
        return doc


def _with_entities(doc: Doc, spans: Sequence[Any]) -> list[Any]:
    """``doc.ents`` plus the spans that overlap none of them (among themselves, the longest wins,
    as :func:`spacy.util.filter_spans` picks: two kp spans expanded to one token cannot both be
    entities)."""
    existing = list(doc.ents)
    taken = {i for ent in existing for i in range(ent.start, ent.end)}
    added = [s for s in filter_spans(spans) if not taken.intersection(range(s.start, s.end))]
    return sorted(existing + added, key=lambda s: s.start)


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_kp_pii(
    nlp: Language,
    name: str,
    model: str,
    labels: list[str] | None,
    threshold: float | None,
    spans_key: str,
    set_ents: bool,
    batch_size: int,
) -> KpPii:
    """spaCy factory ``kp_pii``: ``nlp.add_pipe("kp_pii", config={"model": ...})``."""
    return KpPii(
        nlp, name, model=model, labels=labels, threshold=threshold, spans_key=spans_key,
        set_ents=set_ents, batch_size=batch_size,
    )  # fmt: skip
