"""Gold rows and prediction files for evaluation: loading, locating a spec's data in a folder,
and pairing another system's predictions with the gold."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from kp_core.errors import KpError
from kp_core.types import Span

if TYPE_CHECKING:
    from kp_core.data.labels import LabelResolver


class PredictionsMismatchError(KpError, ValueError):
    """Predictions that cannot be paired with the gold rows (count, doc_id or text differ)."""


def load_rows(path: str | Path) -> list[dict[str, Any]]:
    """Gold rows of a JSONL or JSON-list file, validated strictly (labels, offsets, the whitespace
    grid), returned in the harness row format with every extra key kept."""
    from kp_core.data import DataError, load_examples

    rows = [dict(example.to_json()) for example in load_examples(path)]
    if not rows:
        raise DataError(f"{path}: no documents (the file holds no rows)")
    return rows


def rows_file_candidates(data_dir: str | Path, config: str) -> list[Path]:
    """Files that may hold a dataset config's rows: ``<config>.jsonl``/``.json`` (optionally
    gzipped), then the harness's committed naming, ``it-realskeleton-v1`` → ``it_realskeleton_rows.json``."""
    base = Path(data_dir)
    stem = re.sub(r"-v\d+$", "", config).replace("-", "_")
    names = [f"{config}.jsonl", f"{config}.json", f"{config}.jsonl.gz", f"{stem}_rows.json", f"{stem}_rows.jsonl"]
    return [base / name for name in names]


def find_rows_file(data_dir: str | Path, config: str | None) -> Path | None:
    if not config:
        return None
    for candidate in rows_file_candidates(data_dir, config):
        if candidate.is_file():
            return candidate
    return None


def _spans_of(row: Mapping[str, Any], text: str, where: str, resolver: LabelResolver) -> list[Span]:
    """Predicted spans checked as gold spans are (JSON integer offsets inside the text, a KP
    label, a score in [0, 1]); they may overlap: the first span wins a token."""
    from kp_core.data.rows import check_spans

    if row.get("spans") is None:
        raise PredictionsMismatchError(f"{where}: a prediction row needs 'spans' (use [] for none)")
    spans, problems = check_spans(row["spans"], text, resolver, where)
    if problems:
        raise PredictionsMismatchError(f"{where}: " + "; ".join(p.message for p in problems))
    return [attrs.evolve(span, text=text[span.start : span.end]) for span in spans]


def load_predictions(path: str | Path, gold_rows: Sequence[Mapping[str, Any]]) -> list[list[Span]]:
    """Predicted spans per gold row, from rows in the core format whose spans are another system's
    output. Paired by ``doc_id`` when every gold and predicted row has one, else by order; the
    count and every text must match. Spans keep their file order (the first span wins a token)."""
    from kp_core.data import read_rows

    records = list(read_rows(path))
    if not records:
        raise PredictionsMismatchError(f"{path}: no documents (the file holds no rows)")
    for record in records:
        if record.error is not None:
            raise PredictionsMismatchError(f"{record.where}: {record.error}")
        if not isinstance(record.row, Mapping) or not isinstance(record.row.get("text"), str):
            raise PredictionsMismatchError(f"{record.where}: a prediction row needs a 'text' string and 'spans'")
        doc_id = record.row.get("doc_id")
        if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
            # as in gold rows: a string (integers read as strings), never another type made one
            raise PredictionsMismatchError(f"{record.where}: doc_id is {type(doc_id).__name__}, expected a string")
    path = Path(path)
    by_id = all(r.get("doc_id") is not None for r in gold_rows) and all(
        rec.row.get("doc_id") is not None for rec in records
    )
    if by_id:
        # doc_ids are never shown (they are often names or case numbers): lines and row numbers are.
        index = {}
        for rec in records:
            doc_id = str(rec.row["doc_id"])
            if doc_id in index:
                raise PredictionsMismatchError(f"{rec.where}: doc_id repeats the doc_id at {index[doc_id].where}")
            index[doc_id] = rec
        missing = [i for i, r in enumerate(gold_rows) if str(r["doc_id"]) not in index]
        if missing:
            raise PredictionsMismatchError(
                f"{path}: no predictions for {len(missing)} gold doc_id(s), e.g. the one of gold row {missing[0]}"
            )
        extra = len(index) - len({str(r["doc_id"]) for r in gold_rows})
        if extra > 0:
            raise PredictionsMismatchError(f"{path}: {extra} predicted doc_id(s) are not in the gold")
        paired = [index[str(r["doc_id"])] for r in gold_rows]
    else:
        if len(records) != len(gold_rows):
            raise PredictionsMismatchError(
                f"{path}: {len(records)} prediction rows for {len(gold_rows)} gold rows (no doc_id to pair them by)"
            )
        paired = records
    from kp_core.data.labels import LabelResolver

    resolver = LabelResolver()
    out = []
    for doc, (gold, rec) in enumerate(zip(gold_rows, paired, strict=True)):
        if rec.row["text"] != gold["text"]:
            raise PredictionsMismatchError(
                f"{rec.where}: text differs from gold row {doc} (lengths {len(rec.row['text'])} vs {len(gold['text'])})"
            )
        out.append(_spans_of(rec.row, gold["text"], rec.where, resolver))
    return out


class StaticDetector:
    """A Detector that returns precomputed spans: another system's predictions, scored like a model."""

    def __init__(self, texts: Sequence[str], spans: Sequence[Sequence[Span]], *, name: str, model_id: str) -> None:
        if len(texts) != len(spans):
            raise ValueError(f"{len(texts)} texts but {len(spans)} span lists")
        self.name = name
        self.model_id = model_id
        self._texts = list(texts)
        self._spans = [list(s) for s in spans]
        self._cursor = 0  # where the next batch is expected to start

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        # Evaluators ask for the rows in order (a prefix under --limit), possibly in batches.
        start = self._cursor
        if list(texts) != self._texts[start : start + len(texts)]:
            start = self._locate(texts)
        self._cursor = start + len(texts)
        return [list(s) for s in self._spans[start : start + len(texts)]]

    def _locate(self, texts: Sequence[str]) -> int:
        if not texts:
            return 0
        for i, text in enumerate(self._texts):
            if text == texts[0] and self._texts[i : i + len(texts)] == list(texts):
                return i
        raise PredictionsMismatchError("the texts asked for are not the rows the predictions were paired with")
