"""Reading and writing rows in the kp row format.

Sources: JSONL files (streamed line by line, constant memory), JSON list files (the EuroPriv-Bench
files; parsed whole), either one gzip-compressed, a Hugging Face ``datasets.Dataset`` (duck-typed,
read in column batches) or any in-memory iterable of mappings. Every row comes back as a
:class:`RowRecord` that knows where it came from, so errors can name the file and line.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from kp_core.types import Example

_GZIP_MAGIC = b"\x1f\x8b"
_DATASET_BATCH = 1024

Source = str | os.PathLike | Iterable[Any]


class DataError(ValueError):
    """A row that cannot become an :class:`~kp_core.types.Example`. Messages carry locations,
    offsets and labels, never the text of a span."""


@attrs.frozen(slots=True)
class RowRecord:
    """One raw row and where it came from.

    ``unit`` is ``"line"`` for JSONL (``number`` is the 1-based line, as editors show it) and
    ``"row"`` for JSON lists and datasets (``number`` is the 0-based index, as ``rows[i]`` reads).
    ``error`` is set, and ``row`` is None, when the line could not be parsed.
    """

    source: str
    number: int
    unit: str
    row: Any
    error: str | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.number}" if self.unit == "line" else f"{self.source}[{self.number}]"


def is_path(source: object) -> bool:
    return isinstance(source, str | os.PathLike)


def _open_binary(path: Path) -> IO[bytes]:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == _GZIP_MAGIC else open(path, "rb")  # noqa: SIM115


def _first_char(path: Path) -> str:
    """The first non-whitespace character of the (decompressed) file, or '' when it is blank."""
    with _open_binary(path) as handle:
        while chunk := handle.read(4096):
            stripped = chunk.lstrip(b" \t\r\n\xef\xbb\xbf")
            if stripped:
                return chr(stripped[0])
    return ""


def _read_jsonl(path: Path, name: str) -> Iterator[RowRecord]:
    with _open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue  # blank lines (a trailing newline, say) are not rows
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield RowRecord(name, number, "line", None, f"not UTF-8 (byte {exc.start})")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RowRecord(name, number, "line", None, f"bad JSON: {exc.msg} (column {exc.colno})")
                continue
            yield RowRecord(name, number, "line", row)


def _read_json_list(path: Path, name: str) -> Iterator[RowRecord]:
    with _open_binary(path) as handle:
        data = handle.read()
    try:
        rows = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield RowRecord(name, 1, "line", None, f"not UTF-8 (byte {exc.start})")
        return
    except json.JSONDecodeError as exc:
        yield RowRecord(name, exc.lineno, "line", None, f"bad JSON: {exc.msg} (column {exc.colno})")
        return
    if not isinstance(rows, list):
        yield RowRecord(name, 1, "line", None, f"a JSON file must hold a list of rows, found {type(rows).__name__}")
        return
    for index, row in enumerate(rows):
        yield RowRecord(name, index, "row", row)


def _dataset_name(dataset: Any) -> str:
    info = getattr(dataset, "info", None)
    name = getattr(info, "dataset_name", None) or getattr(info, "config_name", None) or type(dataset).__name__
    split = getattr(dataset, "split", None)
    return f"{name}/{split}" if split else str(name)


def _read_dataset(dataset: Any, name: str) -> Iterator[RowRecord]:
    """Column batches, not ``ds[i]["col"]`` per row: row-wise Arrow access is what makes naive
    data prep crawl on large sets."""
    columns = list(dataset.column_names)
    index = 0
    for batch in dataset.iter(batch_size=_DATASET_BATCH):
        size = len(batch[columns[0]]) if columns else 0
        for i in range(size):
            yield RowRecord(name, index, "row", {column: batch[column][i] for column in columns})
            index += 1


def read_rows(source: Source, *, name: str | None = None) -> Iterator[RowRecord]:
    """Every row of ``source`` in order, parse failures included (as records with ``error`` set).

    ``source`` is a path (JSONL or a JSON list, optionally gzip-compressed; the format is sniffed
    from the content, not the suffix), a ``datasets.Dataset`` or an iterable of mappings.
    ``name`` overrides the source name used in locations.
    """
    if is_path(source):
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"no such data file: {path}")
        label = name or str(source)
        if _first_char(path) == "[":
            yield from _read_json_list(path, label)
        else:
            yield from _read_jsonl(path, label)
        return
    column_names = getattr(source, "column_names", None)
    if isinstance(column_names, dict):
        splits = ", ".join(sorted(column_names))
        raise TypeError(f"got a DatasetDict (splits: {splits}); pass one split, e.g. dataset['train']")
    if column_names is not None and callable(getattr(source, "iter", None)):
        yield from _read_dataset(source, name or _dataset_name(source))
        return
    if isinstance(source, str | bytes) or not isinstance(source, Iterable):
        raise TypeError(f"cannot read rows from {type(source).__name__}: expected a path, a dataset or rows")
    for index, row in enumerate(source):
        yield RowRecord(name or "<rows>", index, "row", row)


def write_jsonl(examples: Iterable[Example], path: str | os.PathLike) -> int:
    """Write one row per line (gzip when the name ends in ``.gz``); returns the number of rows.

    The rows go to a temporary file beside ``path`` that is renamed into place when complete, so
    a crash never leaves a half-written dataset under the final name.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    count = 0
    try:
        with contextlib.ExitStack() as stack:
            stream: IO[bytes] = stack.enter_context(os.fdopen(fd, "wb"))
            if target.suffix == ".gz":
                # mtime=0 keeps the compressed bytes identical run to run.
                stream = stack.enter_context(gzip.GzipFile(filename="", fileobj=stream, mode="wb", mtime=0))
            text = stack.enter_context(io.TextIOWrapper(stream, encoding="utf-8", newline="\n"))
            for example in examples:
                text.write(json.dumps(example.to_json(), ensure_ascii=False))
                text.write("\n")
                count += 1
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
