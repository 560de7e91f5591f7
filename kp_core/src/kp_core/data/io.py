"""Reading and writing rows in the kp row format.

Sources: JSONL files (streamed line by line, constant memory), JSON list files (the EuroPriv-Bench
files; parsed whole), either one gzip-compressed, a Hugging Face ``datasets.Dataset`` (duck-typed,
read in column batches) or any in-memory iterable of mappings. Every row comes back as a
:class:`RowRecord` that knows where it came from, so errors can name the file and line.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import math
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from kp_core.errors import KpError
from kp_core.types import Example

_GZIP_MAGIC = b"\x1f\x8b"
_PARQUET_MAGIC = b"PAR1"
_DATASET_BATCH = 1024
# What a damaged or truncated gzip stream raises while it is read.
_DAMAGED = (EOFError, zlib.error, gzip.BadGzipFile)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
# Rows are a few levels deep (row, spans, span, an extra value); far deeper is an attack or a bug.
MAX_DEPTH = 64

STDIN_NAME = "<stdin>"


@attrs.frozen(slots=True)
class RowStream:
    """Rows arriving on an open byte stream (stdin for ``--input -``): JSONL or a JSON list,
    optionally gzip-compressed, read by the same reader as files. ``name`` is the source named in
    messages."""

    stream: IO[bytes]
    name: str = STDIN_NAME


Source = str | os.PathLike | RowStream | Iterable[Any]


class DataError(KpError, ValueError):
    """A row that cannot become an :class:`~kp_core.types.Example`. Messages carry locations,
    offsets and labels, never the text of a span."""


@attrs.frozen(slots=True)
class RowRecord:
    """One raw row and where it came from.

    ``unit`` is ``"line"`` for JSONL (``number`` is the 1-based line, as editors show it) and
    ``"row"`` for JSON lists and datasets (``number`` is the 0-based index, as ``rows[i]`` reads),
    ``"file"`` for a defect of a whole file. ``error`` is set, and ``row`` is None, when the line
    or row could not be read.
    """

    source: str
    number: int
    unit: str
    row: Any
    error: str | None = None

    @property
    def where(self) -> str:
        if self.unit == "file":  # a defect of the whole file (a JSON list that does not parse)
            return self.source
        return f"{self.source}:{self.number}" if self.unit == "line" else f"{self.source}[{self.number}]"


def is_path(source: object) -> bool:
    return isinstance(source, str | os.PathLike)


def _open_binary(path: Path) -> IO[bytes]:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == _GZIP_MAGIC else open(path, "rb")  # noqa: SIM115


def open_stream(stream: IO[bytes]) -> IO[bytes]:
    """``stream`` itself, or its decompressed content when it starts with the gzip magic."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    magic = stream.peek(2)[:2]  # type: ignore[attr-defined]
    return gzip.GzipFile(fileobj=stream, mode="rb") if magic == _GZIP_MAGIC else stream


def _is_parquet(path: Path) -> bool:
    with open(path, "rb") as probe:
        return probe.read(4) == _PARQUET_MAGIC


def _read_parquet(path: Path, name: str) -> Iterator[RowRecord]:
    """Rows of a parquet file (the format of most Hub datasets), by record batches, never the whole
    table at once; ``number`` is the 0-based row index."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield RowRecord(name, 0, "file", None, "a parquet file needs pyarrow (pip install 'kp-core[hub]')")
        return
    try:
        index = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_DATASET_BATCH):
            for row in batch.to_pylist():
                yield RowRecord(name, index, "row", row)
                index += 1
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        yield RowRecord(name, 0, "file", None, f"not a readable parquet file ({type(exc).__name__})")


def _first_char(path: Path) -> str:
    """The first non-whitespace character of the (decompressed) file, or '' when it is blank."""
    with _open_binary(path) as handle:
        try:
            while chunk := handle.read(4096):
                stripped = chunk.lstrip(b" \t\r\n\xef\xbb\xbf")
                if stripped:
                    return chr(stripped[0])
        except _DAMAGED:
            return ""  # the JSONL reader reports the damage with its line
    return ""


class _BadValue(ValueError):
    """A JSON value kp refuses even though a lenient parser takes it."""


def _no_constant(name: str) -> Any:
    raise _BadValue(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _BadValue("a number is too large for a float")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        # The key is not named: keys of user objects may be data too.
        raise _BadValue("an object repeats a key (the value would be ambiguous)")
    return obj


def _check_values(value: Any) -> str | None:
    """Why a parsed value is refused (too deep, a lone surrogate), or None. Iterative, so a deep
    value cannot exhaust the stack here."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return "a string holds a lone surrogate (\\ud800-\\udfff without its pair), which is not text"
        elif isinstance(item, dict):
            if depth > MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep"
            stack.extend((key, depth) for key in item)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            if depth > MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep"
            stack.extend((child, depth + 1) for child in item)
    return None


_STRICT = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_no_constant, parse_float=_finite_float)
_LENIENT = json.JSONDecoder()  # only to find where a refused value ends, so reading can go on
_SPACE = re.compile(r"[ \t\n\r]*")


class _Refused(ValueError):
    def __init__(self, why: str, pos: int) -> None:
        super().__init__(why)
        self.why = why
        self.pos = pos


def _decode(text: str, pos: int, *, walk: bool) -> tuple[Any, int]:
    """The JSON value at ``pos`` and where it ends; raises :class:`_Refused` (the reason names
    kinds and positions, never a value) for what kp does not take as JSON: bad syntax, NaN or
    Infinity, a number too large, a repeated key, nesting deeper than ``MAX_DEPTH``, a lone
    surrogate. ``walk`` checks depth and surrogates (the caller may know they cannot occur)."""
    try:
        value, end = _STRICT.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        raise _Refused(exc.msg, exc.pos) from None
    except _BadValue as exc:
        raise _Refused(str(exc), pos) from None
    except RecursionError:
        raise _Refused(f"nested more than {MAX_DEPTH} levels deep", pos) from None
    except ValueError:
        # int() refuses numbers of more than sys.get_int_max_str_digits() digits.
        raise _Refused("a number has too many digits", pos) from None
    if walk and (why := _check_values(value)) is not None:
        raise _Refused(why, pos)
    return value, end


def _parse_line(line: str, raw: bytes) -> tuple[Any, str | None]:
    """(value, None) or (None, why) for one JSONL line."""
    # The walk is skipped when no bracket count or escape could make it fail (the common case).
    walk = raw.count(b"[") + raw.count(b"{") > MAX_DEPTH or bool(_SURROGATE_ESCAPE.search(raw))
    try:
        value, end = _decode(line, _SPACE.match(line).end(), walk=walk)  # type: ignore[union-attr]
        end = _SPACE.match(line, end).end()  # type: ignore[union-attr]
        if end != len(line):
            raise _Refused("Extra data", end)
    except _Refused as exc:
        return None, f"bad JSON: {exc.why} (column {exc.pos + 1})"
    return value, None


def _line_of(text: str, pos: int, why: str) -> tuple[int, str, None, str]:
    """(line, "line", no row, the reason with its column) for a defect at ``pos``."""
    column = pos - text.rfind("\n", 0, pos)
    return text.count("\n", 0, pos) + 1, "line", None, f"{why} (column {column})"


def jsonl_records(stream: IO[bytes], name: str) -> Iterator[tuple[RowRecord, int]]:
    """Every non-blank line of a JSONL byte stream as (record, bytes read for it, blank lines
    before it included). The one JSONL reader of kp: ``kp data``, ``kp evaluate`` and
    ``kp deidentify`` all read through it, so they take and refuse the same files.

    UTF-8 only, a byte-order mark accepted at the start of the file; CRLF line ends accepted;
    blank (whitespace-only) lines skipped but counted in line numbers. A UTF-16 file gives one
    error on line 1 and nothing more. Each bad line gives a record with ``error`` set.
    """
    pending = 0
    lines = iter(stream)
    for number in itertools.count(1):
        try:
            raw = next(lines)
        except StopIteration:
            return
        except _DAMAGED as exc:
            yield RowRecord(name, number, "line", None, _damaged(exc)), pending
            return
        pending += len(raw)
        if number == 1:
            if raw.startswith(_UTF16_BOMS):
                yield (
                    RowRecord(
                        name,
                        1,
                        "line",
                        None,
                        "UTF-16 or UTF-32 text (it starts with such a byte-order mark); kp reads UTF-8",
                    ),
                    pending,
                )
                return
            if raw.startswith(_UTF8_BOM):
                raw = raw[len(_UTF8_BOM) :]
        if not raw.strip():
            continue  # blank lines (a trailing newline, say) are not rows, everywhere
        size, pending = pending, 0
        nul = raw.find(b"\0")
        if nul >= 0:  # never in JSON text; the mark of UTF-16 without a BOM, or of binary data
            yield (
                RowRecord(name, number, "line", None, f"a NUL byte (byte {nul + 1} of the line): not UTF-8 text"),
                size,
            )
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield RowRecord(name, number, "line", None, f"not UTF-8 (byte {exc.start + 1} of the line)"), size
            continue
        row, error = _parse_line(line, raw)
        yield RowRecord(name, number, "line", row, error), size


def _read_jsonl(path: Path, name: str) -> Iterator[RowRecord]:
    with _open_binary(path) as handle:
        for record, _ in jsonl_records(handle, name):
            yield record


def _damaged(exc: BaseException) -> str:
    return f"the gzip data is damaged or cut short ({type(exc).__name__}); nothing after this point can be read"


def _read_json_list(path: Path, name: str) -> Iterator[RowRecord]:
    try:
        with _open_binary(path) as handle:
            data = handle.read()
    except _DAMAGED as exc:
        yield RowRecord(name, 0, "file", None, _damaged(exc))
        return
    yield from _json_list_bytes(data, name)


def _json_list_bytes(data: bytes, name: str) -> Iterator[RowRecord]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        where = data.count(b"\n", 0, exc.start) + 1
        yield RowRecord(name, where, "line", None, f"not UTF-8 (byte {exc.start - line_start + 1} of the line)")
        return
    yield from _json_list_rows(text, name)


def _read_stream(stream: IO[bytes], name: str) -> Iterator[RowRecord]:
    """The rows of a byte stream that cannot be rewound (stdin). Leading blank lines are read to
    find the first character, which tells a JSON list (``[``) from JSONL, as for files."""
    stream = open_stream(stream)
    head: list[bytes] = []
    try:
        for line in stream:
            head.append(line)
            if line.lstrip(b" \t\r\n\xef\xbb\xbf"):
                break
        if head and head[-1].lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"["):
            yield from _json_list_bytes(b"".join(head) + stream.read(), name)
            return
    except _DAMAGED as exc:
        yield RowRecord(name, len(head) + 1, "line", None, _damaged(exc))
        return
    for record, _ in jsonl_records(itertools.chain(head, stream), name):  # type: ignore[arg-type]
        yield record


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()  # type: ignore[union-attr]


def _json_list_rows(text: str, name: str) -> Iterator[RowRecord]:
    """The rows of a JSON list one by one, so a refused row is reported with its index and line
    and the rows after it are still read."""
    pos = _skip_space(text, 0)
    if not text.startswith("[", pos):
        yield RowRecord(name, 0, "file", None, "a JSON file must hold a list of rows")
        return
    pos = _skip_space(text, pos + 1)
    index = 0
    while not text.startswith("]", pos) or index > 0:
        try:
            row, end = _decode(text, pos, walk=True)
            yield RowRecord(name, index, "row", row)
        except _Refused as exc:
            yield RowRecord(name, *_line_of(text, exc.pos, f"bad JSON: {exc.why} in row {index}"))
            try:
                _, end = _LENIENT.raw_decode(text, pos)
            except (ValueError, RecursionError):
                return  # not even a lenient parser finds the row's end: nothing after it can be read
        pos = _skip_space(text, end)
        index += 1
        if text.startswith(",", pos):
            pos = _skip_space(text, pos + 1)
        elif text.startswith("]", pos):
            break
        else:
            yield RowRecord(
                name, *_line_of(text, pos, f"bad JSON: expecting ',' or the closing ']' after row {index - 1}")
            )
            return
    if _skip_space(text, pos + 1) != len(text):
        yield RowRecord(name, *_line_of(text, _skip_space(text, pos + 1), "bad JSON: Extra data after the list"))


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
    if isinstance(source, RowStream):
        yield from _read_stream(source.stream, name or source.name)
        return
    if is_path(source):
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"no such data file: {path}")
        label = name or str(source)
        if _is_parquet(path):
            yield from _read_parquet(path, label)
        elif _first_char(path) == "[":
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


def write_jsonl(examples: Iterable[Example], path: str | os.PathLike, *, private: bool = True) -> int:
    """Write one row per line (gzip when the name ends in ``.gz``); returns the number of rows.

    Through kp's one JSONL writer (:func:`kp_core.data.paths.atomic_write_jsonl`): a temporary file
    beside ``path``, unique to this writer, renamed into place when complete, so a crash or a second
    run never leaves a half-written dataset under the final name. Rows hold text, so the file is
    ``0600`` unless ``private=False``.
    """
    from kp_core.data.paths import atomic_write_jsonl

    return atomic_write_jsonl((example.to_json() for example in examples), path, private=private)
