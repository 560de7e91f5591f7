"""Document-level classification: which KP types a document holds, how sensitive it is, and
whether it holds personal data at all (so bulk de-identification can skip clean documents).

The labels are derived from spans (:mod:`kp_core.classification.labels`), so every span dataset is a
classifier dataset too; models of a classifier family return :class:`DocPrediction`.
"""

from kp_core.classification.labels import DOC_LABELS, LEVELS, PERSONAL_DATA, DocLabels, doc_labels, level_of
from kp_core.classification.types import Classifier, DocPrediction

__all__ = [
    "DOC_LABELS",
    "LEVELS",
    "PERSONAL_DATA",
    "Classifier",
    "DocLabels",
    "DocPrediction",
    "doc_labels",
    "level_of",
]
