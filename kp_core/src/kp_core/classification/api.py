"""Classifier model references -> loaded classifiers, cached per reference, and the refusal of a
model of the wrong task (a span detector given to ``classify``, a classifier given to a detector)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kp_core.classification.types import Classifier, DocPrediction
from kp_core.errors import KpError
from kp_core.plugins.models import DetectorCache

CLASSIFIER_FAMILY = "classifier"  # the family a bare ``classify`` uses when it is installed
CLASSIFICATION = "classification"


class WrongTaskError(KpError, ValueError):
    """A model of one task handed to a function of the other (spans vs document labels)."""


_cache = DetectorCache()


def _families_of(task: str) -> list[str]:
    from kp_core.plugins.registry import get_registry

    return [family.name for family in get_registry().families if family.task == task]


def model_task(ref: str) -> tuple[str, str, str]:
    """(family, reference for its ``load``, task) of a model reference (see
    :mod:`kp_core.plugins.models` for how references resolve)."""
    from kp_core.plugins.models import resolve_model_ref
    from kp_core.plugins.registry import get_registry

    family_name, model_ref = resolve_model_ref(ref)
    return family_name, model_ref, get_registry().family(family_name).task


def refuse_classifier(ref: str | None) -> None:
    """A classifier given where spans are wanted (``detector``, ``extract_pii``, ``kp predict``)."""
    from kp_core.plugins.models import default_model_ref

    ref = ref or default_model_ref()
    family, _, task = model_task(ref)
    if task == CLASSIFICATION:
        raise WrongTaskError(
            f"model {ref}: a document classifier (family {family}) gives labels per document, not PII spans; "
            "use it with classify() / kp classify, or as --route / route= of de-identification, and give a "
            "span-detection model here"
        )


def default_classifier_ref() -> str:
    from kp_core.plugins.registry import get_registry

    if CLASSIFIER_FAMILY in get_registry().families:
        return CLASSIFIER_FAMILY
    known = ", ".join(_families_of(CLASSIFICATION)) or "none registered"
    raise KpError(
        f"classify needs a classifier model (model= / -m): a checkpoint of a classification family "
        f"({known}); the {CLASSIFIER_FAMILY} family comes with kp-torch"
    )


def load_classifier(ref: str | None = None, *, device: str = "auto", **options: Any) -> Classifier:
    """The classifier of a model reference, cached per (family, reference, device, options).
    A span-detection model is refused, naming it and what to use instead."""
    from kp_core.plugins.registry import get_registry

    ref = ref or default_classifier_ref()
    family_name, model_ref, task = model_task(ref)
    if task != CLASSIFICATION:
        known = ", ".join(_families_of(CLASSIFICATION)) or f"none registered; {CLASSIFIER_FAMILY} comes with kp-torch"
        raise WrongTaskError(
            f"model {ref}: a span-detection model (family {family_name}), not a document classifier; use it with "
            f"extract_pii/deidentify (kp predict, kp deidentify -m), and give classify a classifier ({known})"
        )
    family = get_registry().family(family_name)
    key = (family_name, model_ref, device, tuple(sorted((k, repr(v)) for k, v in options.items())))
    return _cache.get_or_load(key, lambda: family.load(model_ref, device=device, **options))


def classify_texts(
    texts: Sequence[str], ref: str | None = None, *, device: str = "auto", **options: Any
) -> list[DocPrediction]:
    """One :class:`DocPrediction` per text, in order; a classifier returning another count is an error."""
    classifier = load_classifier(ref, device=device, **options)
    predictions = list(classifier.classify(list(texts))) if texts else []
    if len(predictions) != len(texts):
        raise KpError(f"model {ref}: returned {len(predictions)} predictions for {len(texts)} texts")
    return predictions


def clear_classifier_cache() -> None:
    _cache.clear()
