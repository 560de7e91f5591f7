"""Bulk de-identification of JSONL: streaming, batched, resumable.

Memory stays constant: records are read one line at a time and handled ``batch_size`` at a time.
After every batch the output is flushed to disk and a small progress file (``OUTPUT.progress``)
records how many input records are done and how many output bytes are valid, replaced
atomically. After a crash, running the same command again truncates the output to the last
recorded length, skips the records already done and continues: no record is lost or duplicated,
and the output is byte-identical to an uninterrupted run. The progress file also holds a
fingerprint of the arguments and a keyed fingerprint of the key (never the key), so a re-run with
different arguments or another key is refused instead of mixing two outputs. A finished run
removes the progress file; a finished output is then refused like any other existing output,
unless ``overwrite=True`` (``--overwrite``) starts again. Paths are checked before a model loads
or a file is opened for writing, and no two of input, output, vault and progress file may be one
file. The output is created ``0600`` (it holds the input's text), the progress file is replaced
through a temporary name unique to the writer, and the output is locked while a run writes it, so
a second run on the same output is refused instead of interleaving with the first. An output of
``-`` streams the rows to stdout (nothing to resume: no progress file).

Each of ``text_fields`` is de-identified; every other field is copied as it is (a note on stderr
names, once, the copied fields that can hold text: names only, never values) unless
``drop_other_fields`` leaves out all but ``keep_fields``.

Pseudonymization in bulk always keeps its assignments in a vault, so a resumed run reuses the
surrogates of the interrupted batch. Without ``--vault`` a private one is kept beside the output
(``OUTPUT.registry``, 0600, encrypted) and deleted when the run finishes (in memory when the
output is stdout).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import secrets
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from kp_core.anonymize.keys import key_id, resolve_key
from kp_core.cli.detector_options import Detection
from kp_core.data.paths import check_input_file, check_output_file, refuse_same_file
from kp_core.errors import KpError
from kp_core.types import Span

if TYPE_CHECKING:
    from kp_core.classification.routing import RouteStats
    from kp_core.data.labels import LabelResolver

STDIO = "-"
KEYED_METHODS = ("hash", "pseudonymize")


class BulkInputError(KpError, ValueError):
    """A record that cannot be de-identified (the message names the file, line and reason)."""


class BulkRunError(KpError, ValueError):
    """A run that cannot start: bad options, an output it may not replace or resume, a busy output."""


@attrs.frozen
class BulkOptions:
    input: str  # a path or "-" (stdin)
    output: str  # a path or "-" (stdout: nothing to resume)
    method: str = "redact"
    detection: Detection = attrs.field(factory=Detection)
    text_fields: tuple[str, ...] = ("text",)
    spans_field: str | None = None  # use the record's own spans (e.g. gold) instead of a model
    batch_size: int = 64
    vault: str | None = None
    language: str | None = None
    country: str | None = None
    operator_options: tuple[tuple[str, Any], ...] = ()
    random_key: bool = False  # a throw-away key for this run (hash, pseudonymize)
    drop_other_fields: bool = False  # write only the text fields, the spans field and keep_fields
    keep_fields: tuple[str, ...] = ()  # copied as they are (and not named in the note)
    # A per-type operator map, (KP type or "DEFAULT", operator name or {"method": NAME, ...}) pairs;
    # ``method`` serves the types it does not name unless it has a DEFAULT.
    operators: tuple[tuple[str, Any], ...] = ()
    # A document classifier: records whose PERSONAL_DATA score is below ``route_threshold``
    # (default: the classifier's ``routing_threshold``) skip span detection, written unchanged.
    route: str | None = None
    route_threshold: float | None = None

    def fingerprint(self) -> str:
        described = attrs.asdict(self)
        for name in ("route", "route_threshold"):  # absent when unused: runs without routing resume as before
            if described[name] is None:
                del described[name]
        described["operator_options"] = [[k, repr(v)] for k, v in self.operator_options if k != "key"]
        return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()

    def methods(self) -> frozenset[str]:
        """Every operator name this run applies (``method`` and the map's)."""
        entries = dict(self.operators)
        if "DEFAULT" not in entries:
            entries["DEFAULT"] = self.method
        names = {spec.get("method") if isinstance(spec, dict) else spec for spec in entries.values()}
        return frozenset(n for n in names if isinstance(n, str))

    def keyed(self) -> bool:
        """Whether a keyed operator (hash, pseudonymize) runs."""
        return bool(self.methods() & set(KEYED_METHODS))

    def model_name(self) -> str | None:
        """The model that finds the spans (None when the records bring their own)."""
        if self.spans_field is not None:
            return None
        from kp_core.plugins.models import default_model_ref

        return self.detection.model or default_model_ref()


@attrs.frozen
class BulkResult:
    records: int
    resumed_from: int
    routing: RouteStats | None = None  # what routing skipped, over the records this run wrote


def _check_options(options: BulkOptions) -> None:
    if options.batch_size < 1:
        raise BulkRunError("--batch-size must be >= 1")
    if not options.text_fields:
        raise BulkRunError("--text-field: name at least one field to de-identify")
    if options.spans_field is not None and len(options.text_fields) > 1:
        raise BulkRunError(
            "--spans-field gives the spans of one text field; name only one --text-field with it"
        )
    if options.spans_field is not None and options.spans_field in options.text_fields:
        raise BulkRunError(f"--spans-field {options.spans_field!r} is also a --text-field")
    if options.random_key and not options.keyed():
        raise BulkRunError(f"--random-key applies to the keyed methods ({', '.join(KEYED_METHODS)})")
    if options.route is not None and options.spans_field is not None:
        raise BulkRunError("--route decides which records a model reads; with --spans-field there is no model")
    if options.route is None and options.route_threshold is not None:
        raise BulkRunError("--route-threshold needs --route (a classifier)")
    if options.random_key and options.vault is not None:
        raise BulkRunError(
            "--random-key with --vault: the vault would hold pseudonyms under a key that is lost when "
            "the run ends, so they could never be reversed; give a key (--key-file or KP_PSEUDONYM_KEY)"
        )


def _progress_path(output: str) -> Path:
    return Path(output + ".progress")


def _read_progress(options: BulkOptions, key_check: str | None) -> tuple[int, int]:
    path = _progress_path(options.output)
    if not path.exists():
        if Path(options.output).exists() and Path(options.output).stat().st_size > 0:
            raise BulkRunError(
                f"--out {options.output} exists (a finished run, or another file); give --overwrite to "
                "replace it, or choose another --out"
            )
        return 0, 0
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        done, size = int(state["records"]), int(state["bytes"])
    except (ValueError, TypeError, KeyError):
        raise BulkRunError(
            f"{path}: not a progress file of kp deidentify; give --overwrite to start again"
        ) from None
    if state.get("fingerprint") != options.fingerprint():
        raise BulkRunError(
            f"{path}: an interrupted run with different arguments; re-run it with the same arguments, "
            "or give --overwrite to start again"
        )
    if options.random_key:
        raise BulkRunError(
            f"{path}: the interrupted run used a throw-away key (--random-key), which is gone: it cannot "
            "be continued; give --overwrite to start again"
        )
    # A keyed output resumed under another key would mix two keys in one file (the key itself
    # is never stored: only a keyed fingerprint of it).
    if state.get("key_check") != key_check:
        which = "another key (or none)" if key_check else "a key and this run has none"
        raise BulkRunError(
            f"{path}: the interrupted run used {which}; re-run it with the same key, "
            "or give --overwrite to start again"
        )
    output = Path(options.output)
    if (output.stat().st_size if output.exists() else -1) < size:  # resuming would pad it with zeros
        raise BulkRunError(
            f"{options.output}: missing or shorter than the {size} bytes its progress file records; "
            "give --overwrite to start again"
        )
    return done, size


def _write_progress(options: BulkOptions, records: int, size: int, key_check: str | None) -> None:
    """Replace the progress file atomically, through a temporary name no other writer uses."""
    path = _progress_path(options.output)
    state = {"fingerprint": options.fingerprint(), "key_check": key_check, "records": records, "bytes": size}
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(json.dumps(state))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _records(handle: IO[str] | IO[bytes], name: str, skip: int) -> Iterator[tuple[int, dict, int]]:
    """(line number, record, bytes read) for every record of a JSONL stream, read by the JSONL
    reader ``kp data validate`` and ``kp evaluate`` use (UTF-8, optional BOM, CRLF, gzip, blank
    lines skipped). The first ``skip`` records (done before a resume) come back as (0, {}, size):
    counted for the progress bar only. The first bad line raises :class:`BulkInputError`."""
    from kp_core.data.io import jsonl_records, open_stream

    stream = open_stream(getattr(handle, "buffer", handle))  # bytes: the reader decodes itself
    seen = 0
    for record, size in jsonl_records(stream, name):
        seen += 1
        if seen <= skip:
            yield 0, {}, size
            continue
        if record.error is not None:
            raise BulkInputError(f"{record.where}: {record.error}")
        if not isinstance(record.row, dict):
            raise BulkInputError(f"{record.where}: a record must be a JSON object")
        yield record.number, record.row, size


def _text_of(record: dict, field: str, where: str) -> str:
    text = record.get(field)
    if not isinstance(text, str):
        raise BulkInputError(f"{where}: field {field!r} is missing or not a string")
    return text


def _spans_of(record: dict, options: BulkOptions, where: str) -> list[Span]:
    """The record's own spans, checked as ``kp data validate`` checks spans (JSON integer offsets
    inside the text, a KP label, a score in [0, 1]); overlaps are left to the operator."""
    from kp_core.data.rows import check_spans

    field = options.spans_field
    if field not in record or record[field] is None:
        raise BulkInputError(f"{where}: no field {field!r} (use [] for a record without spans)")
    text = _text_of(record, options.text_fields[0], where)
    spans, problems = check_spans(record[field], text, _label_resolver(), where, field=repr(field))
    if problems:
        raise BulkInputError(f"{where}: field {field!r}: " + "; ".join(p.message for p in problems))
    return spans


@functools.cache
def _label_resolver() -> LabelResolver:
    from kp_core.data.labels import LabelResolver

    return LabelResolver()  # one per process: it caches each label it has looked up


def _make_anonymizer(options: BulkOptions, key: bytes | None) -> tuple[Callable, Callable[[], None]]:
    """(anonymize(texts, spans) -> [(new text, its spans)], close). The spans returned are where
    each replacement now stands in the new text, with its label: never the source text."""
    if options.operators:
        return _make_operator_map(options, key)
    if options.method == "pseudonymize":
        return _make_pseudonymizer(options, key)
    from kp_core.anonymize.operators import make_operator

    opts = dict(options.operator_options)
    if options.method == "hash":
        opts["key"] = key
    operator = _built(lambda: make_operator(options.method, **opts), f"--method {options.method}")
    return _applier(operator), lambda: None


def _built(build: Callable[[], Any], where: str) -> Any:
    """An operator, its refusal (a bad option value, an option it does not take) as a KpError."""
    try:
        return build()
    except (TypeError, ValueError) as exc:
        if isinstance(exc, KpError):
            raise
        raise BulkRunError(f"{where}: {exc}") from None


def _private_vault(options: BulkOptions) -> Path | None:
    """Where a pseudonymizing run without --vault keeps its assignments (None: in memory, stdout)."""
    if options.vault is not None or options.output == STDIO or "pseudonymize" not in options.methods():
        return None
    return Path(options.output + ".registry")


def _make_operator_map(options: BulkOptions, key: bytes | None) -> tuple[Callable, Callable[[], None]]:
    """A per-type operator map; ``method`` serves the types it does not name."""
    from kp_core.anonymize.operators import make_operator

    entries = dict(options.operators)
    entries.setdefault("DEFAULT", options.method)
    shared = dict(options.operator_options)
    if options.keyed():
        shared["key"] = key
    private = _private_vault(options)
    if "pseudonymize" in options.methods():
        vault = options.vault if options.vault is not None else private
        shared.update({"vault": None if vault is None else os.fspath(vault)})
        shared.update({k: v for k, v in (("language", options.language), ("country", options.country)) if v})
    operator = _built(lambda: make_operator(entries, **shared), "--operators")

    def close() -> None:
        operator.close()
        if private is not None:
            private.unlink(missing_ok=True)

    return _applier(operator), close


def _applier(operator: Any) -> Callable:
    from kp_core.anonymize.operators import apply_operator

    def apply(texts: list[str], spans: list[list[Span]]) -> list[tuple[str, list[dict]]]:
        out = []
        for text, doc in zip(texts, spans, strict=True):
            done = apply_operator(text, doc, operator)
            moved, shift = [], 0
            for span, replacement in zip(done.spans, done.replacements, strict=True):
                start = span.start + shift
                moved.append(_out_span(start, start + len(replacement), span.label))
                shift += len(replacement) - (span.end - span.start)
            out.append((done.text, moved))
        return out

    return apply


def _make_pseudonymizer(options: BulkOptions, key: bytes | None) -> tuple[Callable, Callable[[], None]]:
    from kp_core.anonymize.pseudonymizer import Pseudonymizer
    from kp_core.anonymize.vault import source_key

    if options.operator_options:
        names = ", ".join(k for k, _ in options.operator_options)
        raise BulkRunError(
            f"--method pseudonymize takes no --operator-option (given: {names}); "
            "--language and --country pick the surrogates' locale"
        )
    private = _private_vault(options)
    vault_path = private if options.vault is None else Path(options.vault)
    pseudonymizer = Pseudonymizer(key, vault_path, options.language, options.country, random_key=False)

    def close() -> None:
        pseudonymizer.close()
        if private is not None:
            private.unlink(missing_ok=True)

    def pseudonymize(texts: list[str], spans: list[list[Span]]) -> list[tuple[str, list[dict]]]:
        out = []
        for text, doc in zip(texts, pseudonymizer.pseudonymize(texts, spans), strict=True):
            # A whitespace-only span is left as it is and has no replacement.
            labels = [s.label for s in doc.spans if source_key(text[s.start : s.end])]
            out.append(
                (
                    doc.text,
                    [_out_span(s, e, label) for (s, e, _), label in zip(doc.replacements, labels, strict=True)],
                )
            )
        return out

    return pseudonymize, close


def _out_span(start: int, end: int, label: str) -> dict:
    return {"start": start, "end": end, "label": label}


def _kept(field: str, value: object, options: BulkOptions) -> bool:
    """Whether a field of the input record is written to the output. Spans of the source text
    (gold or another tool's, when not consumed by --spans-field) are left out unless kept by name:
    their ``text`` values are the PII and their offsets no longer match the new text."""
    if field in options.text_fields or field == options.spans_field:
        return True
    if field in options.keep_fields:
        return True
    return not options.drop_other_fields and not _holds_spans(value)


def _holds_spans(value: object) -> bool:
    """A list of span objects (``start`` and ``end`` keys): spans of the source text."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and "start" in item and "end" in item for item in value)
    )


def _note_copied_fields(record: dict, options: BulkOptions, noted: set[str]) -> None:
    """Say on stderr, once per field name, that a record's other fields that can hold text
    (strings, lists, objects) are copied in clear: only the text fields are de-identified.
    Names only, never values; fields named in ``keep_fields`` are copied knowingly."""
    dropped = sorted(
        k for k, v in record.items() if k not in noted and not _kept(k, v, options) and _holds_spans(v)
    )
    if dropped:
        noted.update(dropped)
        print(
            f"note: left out {', '.join(dropped)}: spans of the source text (their values are the PII, their "
            "offsets do not fit the new text); --spans-field to de-identify with them, --keep-field to copy them",
            file=sys.stderr,
        )
    others = sorted(
        k
        for k, v in record.items()
        if k not in noted
        and k not in options.text_fields
        and k != options.spans_field
        and k not in options.keep_fields
        and _kept(k, v, options)
        and isinstance(v, str | list | dict)
    )
    if others:
        noted.update(others)
        which = ", ".join(repr(f) for f in options.text_fields)
        print(
            f"note: only {which} de-identified; fields copied unchanged: {', '.join(others)} "
            "(--text-field to de-identify them too, --drop-other-fields to leave them out)",
            file=sys.stderr,
        )


def _check_paths(options: BulkOptions) -> None:
    """Refuse every path problem before a model loads or anything is opened for writing: an
    unusable input or output, and any two of input, output, vault and side files being one file
    (``--vault X --out X`` would otherwise destroy the new vault)."""
    if options.input != STDIO:
        check_input_file(options.input, "input")
    to_stdout = options.output == STDIO
    if not to_stdout:
        check_output_file(options.output, "output")
    if options.vault is not None:
        check_output_file(options.vault, "vault")
    private_vault = _private_vault(options)
    refuse_same_file(
        {
            "output": options.output,
            "vault": options.vault if options.vault is not None else private_vault,
            "progress file": None if to_stdout else _progress_path(options.output),
        },
        {"input": options.input},
    )


def _resolve_run_key(options: BulkOptions, key: bytes | None) -> bytes | None:
    if key is not None:
        return key
    if options.random_key:
        return secrets.token_bytes(32)
    if options.keyed() or options.vault is not None:
        return resolve_key(None)  # the operator would take KP_PSEUDONYM_KEY: bind the resume to it too
    return None


def run_bulk(
    options: BulkOptions, *, key: bytes | None = None, progress: bool = True, overwrite: bool = False
) -> BulkResult:
    """De-identify every record of ``options.input`` into ``options.output`` (see the module doc).
    ``overwrite`` replaces a finished output or an interrupted run's instead of refusing."""
    _check_options(options)
    _check_paths(options)
    key = _resolve_run_key(options, key)
    key_check = key_id(key, "kp deidentify resume") if key is not None else None
    to_stdout = options.output == STDIO
    if not to_stdout and not overwrite:
        _read_progress(options, key_check)  # refuse early, before a model loads
    detector = options.detection.load() if options.spans_field is None else None
    if options.route is not None:
        from kp_core.classification.routing import Router

        detector = _Routed(detector, Router(options.route, options.route_threshold, device=options.detection.device))
    if overwrite and not to_stdout:
        _remove_previous_run(options)
    anonymize, close = _make_anonymizer(options, key)
    name = "<stdin>" if options.input == STDIO else options.input
    source = sys.stdin if options.input == STDIO else open(options.input, encoding="utf-8")  # noqa: SIM115
    try:
        if to_stdout:
            records, done = _write_stdout(options, source, name, detector, anonymize, progress), 0
        else:
            records, done = _write_file(options, source, name, detector, anonymize, progress, key_check)
    finally:
        if source is not sys.stdin:
            source.close()
    close()
    routing = detector.router.stats if isinstance(detector, _Routed) else None
    return BulkResult(records=records, resumed_from=done, routing=routing)


@attrs.frozen
class _Routed:
    """A detector behind a router: the records the router lets skip are not span-detected."""

    detector: Any
    router: Any


def _remove_previous_run(options: BulkOptions) -> None:
    """--overwrite: the old output and what an interrupted run left beside it go."""
    side = [_progress_path(options.output), Path(options.output)]
    private = _private_vault(options)
    if private is not None:
        side.append(private)
    for path in side:
        path.unlink(missing_ok=True)


def _open_locked(path: str) -> tuple[int, bool]:
    """(descriptor, created): the output opened for writing, created 0600, locked against a second
    run writing it at the same time."""
    import fcntl

    created = not os.path.lexists(path)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise BulkRunError(f"--out {path}: another kp deidentify is writing it; wait for it to finish") from None
    return fd, created


def _write_file(options, source, name, detector, anonymize, progress: bool, key_check) -> tuple[int, int]:
    fd, created = _open_locked(options.output)
    try:
        with os.fdopen(fd, "r+b") as out:
            # Under the lock: what the progress file says now is what to continue from.
            done, valid_bytes = _read_progress(options, key_check)
            out.truncate(valid_bytes)
            out.seek(valid_bytes)
            total = None if options.input == STDIO else os.path.getsize(options.input)

            def flush(batch: list[tuple[int, dict]], records: int) -> int:
                _write_batch(batch, options, name, detector, anonymize, out)
                out.flush()
                os.fsync(out.fileno())
                records += len(batch)
                _write_progress(options, records, out.tell(), key_check)
                return records

            records = _stream(options, source, name, done, _bar(total, progress), flush)
    except BaseException:
        # An output this run created and never wrote a record to is removed: a failure before the
        # first batch (a bad first record, an unreadable input) leaves no empty file behind.
        if created and Path(options.output).exists() and Path(options.output).stat().st_size == 0:
            Path(options.output).unlink()
        raise
    _progress_path(options.output).unlink(missing_ok=True)
    return records, done


def _write_stdout(options, source, name, detector, anonymize, progress: bool) -> int:
    out = sys.stdout.buffer

    def flush(batch: list[tuple[int, dict]], records: int) -> int:
        _write_batch(batch, options, name, detector, anonymize, out)
        out.flush()
        return records + len(batch)

    return _stream(options, source, name, 0, _bar(None, progress), flush)


def _stream(options: BulkOptions, source, name: str, done: int, bar, flush: Callable) -> int:
    """Read the records after the first ``done``, hand them to ``flush`` a batch at a time; the
    number of records in the output at the end."""
    batch: list[tuple[int, dict]] = []
    records = done
    noted: set[str] = set()
    for number, record, size in _records(source, name, done):
        bar.update(size)
        if number <= done:
            continue
        _note_copied_fields(record, options, noted)
        batch.append((number, record))
        if len(batch) >= options.batch_size:
            records = flush(batch, records)
            batch = []
    if batch:
        records = flush(batch, records)
    bar.close()
    return records


def _bar(total: int | None, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, desc="deidentify", disable=not enabled, file=sys.stderr)


def _write_batch(batch, options: BulkOptions, name: str, detector, anonymize, out) -> None:
    """De-identify each text field of a batch of records and write them, one line each."""
    wheres = [f"{name}:{number}" for number, _ in batch]
    texts = {
        field: [_text_of(record, field, where) for (_, record), where in zip(batch, wheres, strict=True)]
        for field in options.text_fields
    }  # every field of every record checked before a model runs
    written = [{k: v for k, v in record.items() if _kept(k, v, options)} for _, record in batch]
    skipped = [False] * len(batch)
    if isinstance(detector, _Routed):
        skipped = detector.router.skips([[texts[f][i] for f in options.text_fields] for i in range(len(batch))])
        detector = detector.detector
    kept = [i for i, skip in enumerate(skipped) if not skip]
    written, wheres = [written[i] for i in kept], [wheres[i] for i in kept]  # skipped rows stay as read
    texts = {field: [field_texts[i] for i in kept] for field, field_texts in texts.items()}
    for field, field_texts in texts.items():
        if detector is not None:
            spans = detector.predict_spans(field_texts)
        else:
            spans = [_spans_of(record, options, where) for (_, record), where in zip(batch, wheres, strict=True)]
        for where, text, doc in zip(wheres, field_texts, spans, strict=True):
            for span in doc:
                if span.end > len(text):
                    raise BulkInputError(f"{where}: span {span.start}:{span.end} ends past the text")
        for record, (new_text, new_spans) in zip(written, anonymize(field_texts, spans), strict=True):
            record[field] = new_text
            if options.spans_field is not None:
                # The consumed spans held the source text and its offsets: they are replaced by
                # where each replacement now stands, with its label (nothing of the source).
                record[options.spans_field] = new_spans
    rows = iter(written)
    every = [
        _unchanged(record, options) if skip else next(rows) for (_, record), skip in zip(batch, skipped, strict=True)
    ]
    out.write("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in every).encode("utf-8"))


def _unchanged(record: dict, options: BulkOptions) -> dict:
    """A record routing let skip detection: its fields as a de-identified record's would be
    (the same fields kept or left out), its text fields as read."""
    return {k: v for k, v in record.items() if _kept(k, v, options)}
