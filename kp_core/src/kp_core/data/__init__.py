"""Datasets in the kp row format: reading, validating, statistics and template-disjoint splits.

A row is ``{text, spans: [{start, end, label, ...}], language?, domain?, country?, doc_id?,
template_id?, ...}``; extra keys on rows and spans are kept (``Example.extra``, ``Span.extra``).
"""

from __future__ import annotations

from kp_core.data.examples import iter_examples, load_examples
from kp_core.data.io import DataError, RowRecord, read_rows, write_jsonl
from kp_core.data.labels import LabelResolver, UnknownLabelError, parse_label_map
from kp_core.data.rows import Problem, RowCheck, check_row
from kp_core.data.validate import ValidationReport, validate

__all__ = [
    "DataError",
    "LabelResolver",
    "Problem",
    "RowCheck",
    "RowRecord",
    "UnknownLabelError",
    "ValidationReport",
    "check_row",
    "iter_examples",
    "load_examples",
    "parse_label_map",
    "read_rows",
    "validate",
    "write_jsonl",
]
