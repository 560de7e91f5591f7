"""``kp predict``: PII spans of a text or of every record of a JSONL file.

With ``--input --json`` the output is rows in the core format (each input record's fields, its
``text``, and ``spans`` = the predictions), which ``kp evaluate --predictions`` reads back.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from kp_core.cli.detector_options import Detection, detection_options
from kp_core.cli.options import (
    STDIO,
    check_overwrite,
    json_option,
    overwrite_option,
    progress_option,
    rows_io_options,
    show_progress,
)

# Predictions hold the text of the input: created readable by the owner only (docs/cli.md).
PREDICTIONS_MODE = 0o600


@click.command("predict")
@click.argument("text", required=False)
@rows_io_options
@overwrite_option
@json_option
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1))
@progress_option
@detection_options
def predict(
    text: str | None,
    input_path: str | None,
    text_field: str,
    out_path: str | None,
    overwrite: bool,
    as_json: bool,
    batch_size: int,
    progress: bool | None,
    detection: Detection,
) -> None:
    """Find PII in TEXT, or in each record of --input.

    Plain output: one line per span (start, end, label, score, the span's text); with --input a
    `# doc_id ID` (or `# line N`) header before each record's spans. --json: one JSON object per
    text; with --input one row per record (its fields, `text`, `spans`), what
    `kp evaluate --predictions` reads.
    """
    if (text is None) == (input_path is None):
        raise click.UsageError("give either TEXT or --input")
    _check_paths(input_path, out_path, overwrite)
    detector = detection.load()
    with _output(out_path) as out:
        if text is not None:
            spans = detector.predict_spans([text])[0]
            _write(out, _text_result(text, spans) if as_json else _span_lines(text, spans))
            return
        for header, row, spans, value in _predict_records(
            detector, input_path, text_field, batch_size, show_progress(progress)
        ):
            if as_json:
                _write(out, _row_result(row, text_field, value, spans))
            else:
                _write(out, f"{header}\n{_span_lines(value, spans)}")


def _check_paths(input_path: str | None, out_path: str | None, overwrite: bool) -> None:
    """Refuse bad --input/--out paths before the model loads."""
    from kp_core.data.paths import check_input_file, check_output_file, refuse_same_file

    if input_path is not None and input_path != STDIO:
        check_input_file(input_path, "--input")
    if out_path is not None and out_path != STDIO:
        check_output_file(out_path, "--out")
        refuse_same_file({"--out": out_path}, {"--input": input_path})
        check_overwrite(out_path, overwrite)


@contextlib.contextmanager
def _output(out_path: str | None) -> Iterator[IO[str] | None]:
    """None for stdout (click.echo's default), or a temporary file beside ``out_path`` renamed over it once every record is
    written (a failed run leaves no half-written file)."""
    if out_path is None or out_path == STDIO:
        yield None
        return
    target = Path(os.path.realpath(out_path))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, PREDICTIONS_MODE)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write(out: IO[str] | None, block: str) -> None:
    click.echo(block, file=out)


def _predict_records(
    detector: Any, input_path: str, text_field: str, batch_size: int, progress: bool
) -> Iterator[tuple[str, dict[str, Any], list[Any], str]]:
    """(header, record, predicted spans, text) per record of ``input_path``, in file order."""
    from tqdm import tqdm

    batch: list[tuple[str, dict[str, Any], str]] = []
    with tqdm(desc="predict", unit=" rows", file=sys.stderr, disable=not progress) as bar:
        for item in _records(input_path, text_field):
            batch.append(item)
            if len(batch) >= batch_size:
                yield from _run_batch(detector, batch)
                bar.update(len(batch))
                batch = []
        if batch:
            yield from _run_batch(detector, batch)
            bar.update(len(batch))


def _run_batch(
    detector: Any, batch: list[tuple[str, dict[str, Any], str]]
) -> Iterator[tuple[str, dict[str, Any], list[Any], str]]:
    found = detector.predict_spans([value for _, _, value in batch])
    for (header, row, value), spans in zip(batch, found, strict=True):
        yield header, row, spans, value


def _records(input_path: str, text_field: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(header, record, text) per record, through kp's one row reader: JSONL or a JSON list,
    optionally gzipped, stdin too (the same files taken and refused as by kp data, evaluate and
    deidentify)."""
    from kp_core.data.io import DataError, RowStream, read_rows

    source = RowStream(click.get_binary_stream("stdin")) if input_path == STDIO else input_path
    for record in read_rows(source):
        if record.error is not None:
            raise DataError(f"{record.where}: {record.error}")
        row = record.row
        value = row.get(text_field) if isinstance(row, dict) else None
        if not isinstance(value, str):
            raise DataError(f"{record.where}: field {text_field!r} is missing or not a string")
        yield _header(row, record.unit, record.number), row, value


def _header(row: dict[str, Any], unit: str, number: int) -> str:
    """What names a record in plain output: its doc_id, else its line (JSONL) or row (JSON list)."""
    doc_id = row.get("doc_id")
    return f"# doc_id {doc_id}" if doc_id is not None else f"# {unit} {number}"


def _span_json(span: Any) -> dict[str, Any]:
    """A predicted span as a row span: offsets, label, score (its text is the row's, by offsets)."""
    return {key: value for key, value in span.to_json().items() if key != "text"}


def _text_result(text: str, spans: list[Any]) -> str:
    return json.dumps({"text": text, "spans": [_span_json(s) for s in spans]}, ensure_ascii=False)


def _row_result(row: dict[str, Any], text_field: str, text: str, spans: list[Any]) -> str:
    """The record in the core row format: its own fields (doc_id, language, ...), its text as
    ``text``, and the predictions as ``spans`` (gold spans it had are replaced)."""
    kept = {key: value for key, value in row.items() if key not in (text_field, "text", "spans")}
    return json.dumps({**kept, "text": text, "spans": [_span_json(s) for s in spans]}, ensure_ascii=False)


def _span_lines(text: str, spans: list[Any]) -> str:
    if not spans:
        return "(no PII found)"
    lines = []
    for span in spans:
        score = "" if span.score is None else f"\t{span.score:.2f}"
        lines.append(f"{span.start}\t{span.end}\t{span.label}{score}\t{text[span.start : span.end]}")
    return "\n".join(lines)
