"""Bulk de-identification of JSONL: streaming, batched, resumable.

Memory stays constant: records are read one line at a time and handled ``batch_size`` at a time.
After every batch the output is flushed to disk and a small progress file (``OUTPUT.progress``)
records how many input records are done and how many output bytes are valid, replaced
atomically. After a crash, running the same command again truncates the output to the last
recorded length, skips the records already done and continues: no record is lost or duplicated,
and the output is byte-identical to an uninterrupted run. The progress file also holds a
fingerprint of the arguments and a keyed fingerprint of the key (never the key), so a re-run with
different arguments or another key is refused instead of mixing two outputs. A finished run
removes the progress file. Paths are checked before a model loads or a file is opened for
writing, and no two of input, output, vault and progress file may be one file.

Pseudonymization in bulk always keeps its assignments in a vault, so a resumed run reuses the
surrogates of the interrupted batch. Without ``--vault`` a private one is kept beside the output
(``OUTPUT.registry``, 0600, encrypted) and deleted when the run finishes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from kp_core.anonymize.keys import key_id, resolve_key
from kp_core.data.paths import check_input_file, check_output_file, refuse_same_file
from kp_core.errors import KpError
from kp_core.types import Span

if TYPE_CHECKING:
    from kp_core.data.labels import LabelResolver


class BulkInputError(KpError, ValueError):
    """A record that cannot be de-identified (the message names the file, line and reason)."""


@attrs.frozen
class BulkOptions:
    input: str  # a path or "-"
    output: str
    method: str = "redact"
    model: str | None = None
    text_field: str = "text"
    spans_field: str | None = None  # use the record's own spans (e.g. gold) instead of a model
    batch_size: int = 64
    with_rules: bool = False
    identifier_typing: bool = True
    device: str = "auto"
    vault: str | None = None
    language: str | None = None
    country: str | None = None
    operator_options: tuple[tuple[str, Any], ...] = ()

    def fingerprint(self) -> str:
        described = attrs.asdict(self)
        described["operator_options"] = [[k, repr(v)] for k, v in self.operator_options if k != "key"]
        return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


@attrs.frozen
class BulkResult:
    records: int
    resumed_from: int


def _progress_path(output: str) -> Path:
    return Path(output + ".progress")


def _read_progress(options: BulkOptions, key_check: str | None) -> tuple[int, int]:
    path = _progress_path(options.output)
    if not path.exists():
        if Path(options.output).exists() and Path(options.output).stat().st_size > 0:
            raise FileExistsError(f"{options.output}: exists and no run is in progress; remove it or choose another")
        return 0, 0
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        done, size = int(state["records"]), int(state["bytes"])
    except (ValueError, TypeError, KeyError):
        raise ValueError(
            f"{path}: not a progress file of kp deidentify; delete the output and its progress file"
        ) from None
    if state.get("fingerprint") != options.fingerprint():
        raise ValueError(
            f"{path}: an interrupted run with different arguments; re-run it with the same arguments, "
            "or delete the output and its progress file"
        )
    # A keyed output resumed under another key would mix two keys in one file (the key itself
    # is never stored: only a keyed fingerprint of it).
    if state.get("key_check") != key_check:
        which = "another key (or none)" if key_check else "a key and this run has none"
        raise ValueError(
            f"{path}: the interrupted run used {which}; re-run it with the same key, "
            "or delete the output and its progress file"
        )
    output = Path(options.output)
    if (output.stat().st_size if output.exists() else -1) < size:  # resuming would pad it with zeros
        raise ValueError(
            f"{options.output}: missing or shorter than the {size} bytes its progress file records; "
            "delete the output and its progress file to start again"
        )
    return done, size


def _write_progress(options: BulkOptions, records: int, size: int, key_check: str | None) -> None:
    path = _progress_path(options.output)
    tmp = path.with_suffix(".progress.tmp")
    state = {"fingerprint": options.fingerprint(), "key_check": key_check, "records": records, "bytes": size}
    tmp.write_text(json.dumps(state))
    os.replace(tmp, path)


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


def _spans_of(record: dict, options: BulkOptions, where: str) -> list[Span]:
    """The record's own spans, checked as ``kp data validate`` checks spans (JSON integer offsets
    inside the text, a KP label, a score in [0, 1]); overlaps are left to the operator."""
    from kp_core.data.rows import check_spans

    field = options.spans_field
    if field not in record or record[field] is None:
        raise BulkInputError(f"{where}: no field {field!r} (use [] for a record without spans)")
    text = record.get(options.text_field)
    if not isinstance(text, str):
        raise BulkInputError(f"{where}: field {options.text_field!r} is missing or not a string")
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
    opts = dict(options.operator_options)
    if options.method == "pseudonymize":
        from kp_core.anonymize.pseudonymizer import Pseudonymizer
        from kp_core.anonymize.vault import source_key

        private = options.vault is None
        vault_path = Path(options.output + ".registry") if private else Path(options.vault)
        pseudonymizer = Pseudonymizer(key, vault_path, options.language, options.country, random_key=False)

        def close() -> None:
            pseudonymizer.close()
            if private:
                vault_path.unlink(missing_ok=True)

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
    from kp_core.anonymize.operators import apply_operator, make_operator

    if options.method == "hash":
        opts["key"] = key
    operator = make_operator(options.method, **opts)

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

    return apply, lambda: None


def _out_span(start: int, end: int, label: str) -> dict:
    return {"start": start, "end": end, "label": label}


def _note_copied_fields(record: dict, options: BulkOptions, noted: set[str]) -> None:
    """Say on stderr, once per field name, that a record's other fields that can hold text
    (strings, lists, objects) are copied as they are: only the text field is de-identified.
    Names only, never values."""
    others = sorted(
        k
        for k, v in record.items()
        if k not in noted and k not in (options.text_field, options.spans_field) and isinstance(v, str | list | dict)
    )
    if others:
        noted.update(others)
        print(
            f"kp deidentify: only field {options.text_field!r} is de-identified; "
            f"fields copied unchanged: {', '.join(others)}",
            file=sys.stderr,
        )


def _check_paths(options: BulkOptions) -> None:
    """Refuse every path problem before a model loads or anything is opened for writing: an
    unusable input or output, and any two of input, output, vault and side files being one file
    (``--vault X --output X`` would otherwise destroy the new vault)."""
    if options.input != "-":
        check_input_file(options.input, "input")
    check_output_file(options.output, "output")
    if options.vault is not None:
        check_output_file(options.vault, "vault")
    private_vault = options.output + ".registry" if options.method == "pseudonymize" else None
    progress = _progress_path(options.output)
    refuse_same_file(
        {
            "output": options.output,
            "vault": options.vault if options.vault is not None else private_vault,
            "progress file": progress,
            "temporary progress file": progress.with_suffix(".progress.tmp"),
        },
        {"input": options.input},
    )


def run_bulk(options: BulkOptions, *, key: bytes | None = None, progress: bool = True) -> BulkResult:
    """De-identify every record of ``options.input`` into ``options.output`` (see the module doc)."""
    if options.batch_size < 1:
        raise ValueError("batch size must be >= 1")
    _check_paths(options)
    if key is None and (options.method in ("hash", "pseudonymize") or options.vault is not None):
        key = resolve_key(None)  # the operator would take KP_PSEUDONYM_KEY: bind the resume to it too
    key_check = key_id(key, "kp deidentify resume") if key is not None else None
    done, valid_bytes = _read_progress(options, key_check)
    detector = None
    if options.spans_field is None:
        from kp_core.plugins.models import load_detector

        detector = load_detector(options.model, device=options.device, identifier_typing=options.identifier_typing)
        if options.with_rules:
            from kp_core.rules.union import WithRules

            detector = WithRules(detector)
    anonymize, close = _make_anonymizer(options, key)
    name = "<stdin>" if options.input == "-" else options.input
    source = sys.stdin if options.input == "-" else open(options.input, encoding="utf-8")  # noqa: SIM115
    created = not Path(options.output).exists()
    mode = "wb" if created else "r+b"
    Path(options.output).parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(options.output, mode) as out:
            out.truncate(valid_bytes)
            out.seek(valid_bytes)
            total = None if options.input == "-" else os.path.getsize(options.input)
            bar = _bar(total, progress)
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
                    records = _flush(batch, options, name, detector, anonymize, out, records, key_check)
                    batch = []
            if batch:
                records = _flush(batch, options, name, detector, anonymize, out, records, key_check)
            bar.close()
    except BaseException:
        # An output this run created and never wrote a record to is removed: a failure before the
        # first batch (a bad first record, an unreadable input) leaves no empty file behind.
        if created and Path(options.output).exists() and Path(options.output).stat().st_size == 0:
            Path(options.output).unlink()
        raise
    finally:
        if source is not sys.stdin:
            source.close()
    close()
    _progress_path(options.output).unlink(missing_ok=True)
    return BulkResult(records=records, resumed_from=done)


def _bar(total: int | None, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, desc="deidentify", disable=not enabled, file=sys.stderr)


def _flush(
    batch, options: BulkOptions, name: str, detector, anonymize, out, records: int, key_check: str | None
) -> int:
    texts = []
    for number, record in batch:
        text = record.get(options.text_field)
        if not isinstance(text, str):
            raise BulkInputError(f"{name}:{number}: field {options.text_field!r} is missing or not a string")
        texts.append(text)
    if detector is not None:
        spans = detector.predict_spans(texts)
    else:
        spans = [_spans_of(record, options, f"{name}:{number}") for number, record in batch]
    for (number, _), text, doc in zip(batch, texts, spans, strict=True):
        for span in doc:
            if span.end > len(text):
                raise BulkInputError(f"{name}:{number}: span {span.start}:{span.end} ends past the text")
    outputs = anonymize(texts, spans)
    lines = []
    for (_, record), (new_text, new_spans) in zip(batch, outputs, strict=True):
        record = dict(record)
        record[options.text_field] = new_text
        if options.spans_field is not None:
            # The consumed spans held the source text and its offsets: they are replaced by where
            # each replacement now stands, with its label (nothing of the source).
            record[options.spans_field] = new_spans
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    out.write("".join(lines).encode("utf-8"))
    out.flush()
    os.fsync(out.fileno())
    records += len(batch)
    _write_progress(options, records, out.tell(), key_check)
    return records
