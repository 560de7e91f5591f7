"""The ``classifier`` family: a multi-label document classifier over
:data:`kp_core.classification.labels.DOC_LABELS` (PERSONAL_DATA and the KP types) on any encoder,
trained with LoRA (or fully); long documents are windowed and pooled, never truncated.

Importing this package is cheap: torch and transformers load inside ``load`` and the recipe's methods.
"""

from __future__ import annotations

from typing import Any

from kp_core.plugins.registry import Family
from kp_torch.classifier.recipe import FAMILY as NAME
from kp_torch.classifier.recipe import ClassifierRecipe


def load(ref: str, *, device: str = "auto", threads: int | None = None, **options: Any) -> Any:
    """A checkpoint folder (or a Hub id transformers can resolve) -> a :class:`DocClassifier`
    (:class:`kp_core.classification.Classifier`)."""
    from kp_torch.classifier.model import DocClassifier

    return DocClassifier.from_pretrained(ref, device=device, threads=threads, **options)


FAMILY = Family(
    name=NAME,
    description="Document classifier: personal data and the KP types a document holds, on any encoder",
    frameworks=("torch",),
    load=load,
    recipe=ClassifierRecipe,
    default_model=None,
    task="classification",
)

FAMILIES = (FAMILY,)
