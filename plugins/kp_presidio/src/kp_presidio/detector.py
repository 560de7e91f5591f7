"""The ``presidio`` family's Detector: Presidio's AnalyzerEngine, its results mapped to KP types."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.metadata import version
from typing import Any

from kp_core.errors import KpError
from kp_core.types import Span
from kp_presidio.engine import (
    ALL,
    AUTO,
    ENGLISH,
    EngineSetup,
    build_engine,
    language_value,
    pick_spacy_model,
    spacy_model_version,
)
from kp_presidio.logs import presidio_quiet
from kp_presidio.mappings import HARNESS, table
from kp_presidio.reference import merged_options, parse_reference, threshold_value

FAMILY = "presidio"
# The recognizer set each mapping runs unless told: the harness's PresidioAdapter runs Presidio's
# English defaults; kp's crosswalk maps the European recognizers, which only ``all`` runs.
DEFAULT_LANGUAGE = {HARNESS: ENGLISH}


class PresidioRunError(KpError, RuntimeError):
    """Presidio failed on a text. The message names the text's position only: Presidio's own
    message may quote the text, which is the PII."""


class PresidioDetector:
    """Presidio as it ships, measured alone: it reads each text as given and types identifiers
    with its own recognizers, so kp puts neither its normalizing front nor its identifier typing
    in front of it (the harness runs it bare; kp's row must be the leaderboard's)."""

    name = FAMILY
    normalizes_input = True
    types_identifiers = True

    def __init__(
        self, engine: Any, mapping: Mapping[str, str], *, language: str, threshold: float, model_id: str
    ) -> None:
        self.engine, self.mapping, self.language, self.threshold = engine, dict(mapping), language, threshold
        self.model_id = model_id
        run_language = engine.supported_languages[0]
        supported = set(engine.get_supported_entities(language=run_language))
        self.run_language = run_language
        self.entities = sorted(e for e in self.mapping if e in supported)  # what the engine is asked for

    @property
    def kp_types(self) -> tuple[str, ...]:
        """The KP types this detector can give: those of the entities its recognizers find."""
        return tuple(sorted({self.mapping[e] for e in self.entities}))

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        with presidio_quiet():
            return [self._predict_one(text, position, len(texts)) for position, text in enumerate(texts)]

    def _predict_one(self, text: str, position: int, total: int) -> list[Span]:
        from kp_presidio.spans import to_kp_spans

        if not text.strip():
            return []
        try:
            results = self.engine.analyze(
                text=text, language=self.run_language, entities=self.entities, score_threshold=self.threshold
            )
        except Exception as exc:
            raise PresidioRunError(
                f"presidio failed on text {position + 1} of {total} ({type(exc).__name__}; its message "
                "is left out, as it may quote the text)"
            ) from None
        return to_kp_spans(text, results, self.mapping)


def describe(setup: EngineSetup, mapping: str, threshold: float) -> str:
    """The detector's model_id: what ran, e.g. ``presidio-analyzer 2.2.366 (patterns only; harness mapping; en)``."""
    nlp = "patterns only" if setup.spacy_model is None else f"patterns + spaCy {spacy_model_version(setup.spacy_model)}"
    language = "all recognizers" if setup.language == ALL else setup.language
    floor = f"; threshold {threshold:g}" if threshold else ""
    return f"presidio-analyzer {version('presidio-analyzer')} ({nlp}; {mapping} mapping; {language}{floor})"


def load(
    ref: str,
    *,
    device: str = "auto",
    language: str | None = None,
    threshold: float | None = None,
    spacy_model: str | None = None,
) -> PresidioDetector:
    """A Presidio detector for a reference (see :mod:`kp_presidio.reference`); keyword options
    add to the reference's. Runs on the host CPU."""
    if device not in ("auto", "cpu"):
        raise KpError(f"{FAMILY} runs on the host CPU; --device {device} is not available to it")
    reference = parse_reference(ref)
    options = merged_options(reference, {"language": language, "threshold": threshold, "spacy_model": spacy_model})
    lang = language_value(str(options.get("language") or DEFAULT_LANGUAGE.get(reference.mapping, ALL)))
    floor = threshold_value(options.get("threshold", 0.0))
    setup = EngineSetup(language=lang, spacy_model=pick_spacy_model(str(options.get("spacy_model") or AUTO)))
    engine = build_engine(setup)
    return PresidioDetector(
        engine, table(reference.mapping), language=lang, threshold=floor,
        model_id=describe(setup, reference.mapping, floor),
    )  # fmt: skip
