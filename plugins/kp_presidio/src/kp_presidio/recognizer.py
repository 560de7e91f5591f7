"""kp inside Presidio: any kp detector as a Presidio ``EntityRecognizer``.

``KpRecognizer(model="rules")`` runs a kp model (any reference :func:`kp_core.sdk.detector`
accepts: ``rules``, a trained checkpoint folder, a Hub id, ``presidio:kp`` ...) on each text
Presidio's ``AnalyzerEngine`` analyzes, and returns its spans as ``RecognizerResult`` objects
named as :mod:`kp_presidio.entities` says (Presidio's own names where they exist, ``KP_*``
otherwise). Add it to an engine's registry next to Presidio's own recognizers::

    analyzer = AnalyzerEngine()
    analyzer.registry.add_recognizer(KpRecognizer(model="rules"))

A Presidio recognizer serves one language; :meth:`KpRecognizer.for_languages` gives one per
language, all sharing one loaded model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult

from kp_core.errors import KpError
from kp_presidio.entities import possible_entities, presidio_entity

DEFAULT_MODEL = "rules"


class KpRecognizerError(KpError, RuntimeError):
    """The kp model failed on a text (the message names the model only: an error may quote the text)."""


def _kp_types(model: str | None, found: Any) -> frozenset[str]:
    """What the detector can produce, as kp reads it (the model's, or the detector's or one it
    wraps); every KP type when nothing says."""
    from kp_core.plugins.models import model_labels
    from kp_core.taxonomy import entity_names

    if model is not None:
        declared = model_labels(model, found)
    else:
        inner, declared = found, None
        while declared is None and inner is not None:
            declared, inner = getattr(inner, "kp_types", None), getattr(inner, "detector", None)
    return frozenset(declared) if declared else frozenset(entity_names())


class KpRecognizer(EntityRecognizer):
    """A Presidio recognizer backed by a kp detector.

    ``model``: a kp model reference (loaded with :func:`kp_core.sdk.detector`), or ``detector``:
    an already loaded kp detector (shared between recognizers). ``labels`` keeps only those KP
    types, ``threshold`` drops spans kp scores below it; ``country`` is read first when naming a
    national or company ID (a value valid in two countries is that country's); ``supported_language``
    is the language Presidio runs it for. ``detector_options`` go to :func:`kp_core.sdk.detector`
    (``with_rules``, ``operating_point``, ``device`` ...)."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        detector: Any = None,
        supported_language: str = "en",
        labels: Sequence[str] | None = None,
        threshold: float | None = None,
        country: str = "",
        name: str | None = None,
        **detector_options: Any,
    ) -> None:
        if detector is None:
            from kp_core.sdk import detector as load

            detector = load(model, labels=labels, threshold=threshold, **detector_options)
            kp_types = _kp_types(model, detector)
        elif labels is not None or threshold is not None or detector_options:
            raise KpError("KpRecognizer: give labels, threshold and detector options with model=, not with detector=")
        else:
            kp_types = _kp_types(None, detector)
        self.detector = detector
        self.country = country.upper()
        if labels is not None:
            kp_types &= frozenset(labels)
        self.kp_types = kp_types
        super().__init__(
            supported_entities=list(possible_entities(kp_types)),
            name=name or f"KpRecognizer({getattr(detector, 'model_id', model)})",
            supported_language=supported_language,
            version=_kp_version(),
        )

    @classmethod
    def for_languages(cls, languages: Sequence[str], model: str = DEFAULT_MODEL, **options: Any) -> list[KpRecognizer]:
        """One recognizer per language (Presidio files recognizers by language), one model loaded."""
        if not languages:
            raise KpError("KpRecognizer.for_languages: give at least one language code")
        first = cls(model, supported_language=languages[0], **options)
        country, name = options.get("country", ""), options.get("name")
        rest = [
            cls(detector=first.detector, supported_language=lang, country=country, name=name) for lang in languages[1:]
        ]
        return [first, *rest]

    def load(self) -> None:
        """Nothing to load: the kp model is loaded in ``__init__``."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        """kp's spans of ``text`` named for Presidio, those of the ``entities`` asked for (all when none is)."""
        if not text.strip():
            return []
        try:
            [spans] = self.detector.predict_spans([text])
        except KpError:
            raise
        except Exception as exc:
            raise KpRecognizerError(
                f"kp model {getattr(self.detector, 'model_id', '?')} failed on a text ({type(exc).__name__}; its "
                "message is left out, as it may quote the text)"
            ) from None
        wanted = set(entities) if entities else None
        out = []
        for span in spans:
            if span.label not in self.kp_types:
                continue
            entity = presidio_entity(span.label, text[span.start : span.end], self.country)
            if wanted is not None and entity not in wanted:
                continue
            out.append(
                RecognizerResult(
                    entity_type=entity,
                    start=span.start,
                    end=span.end,
                    score=1.0 if span.score is None else float(span.score),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        "kp_type": span.label,
                    },
                )
            )
        return out


def _kp_version() -> str:
    from importlib.metadata import version

    return version("kp-core")
