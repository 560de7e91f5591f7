"""Every bad input gets one clean error through every command that reads rows: `kp data validate`
(and stats, split), `kp evaluate` (gold and --predictions), `kp deidentify` (a model, and
--spans-field) and `kp predict --input`. The error names the file and line, the exit status is
non-zero, no value from the data is shown, and no output is left half written."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.anonymize.bulk import _records
from kp_core.cli import build_cli

# A fake person planted in every bad line: it must never reach the output.
PII = "Zoltan Quarkbridge"
TEXT_1 = f"Pacient {PII} internat."
TEXT_2 = f"Contact {PII} azi."
START, END = 8, 8 + len(PII)
GOOD_1 = {"text": TEXT_1, "spans": [{"start": START, "end": END, "label": "PERSON"}]}
GOOD_2 = {"text": TEXT_2, "spans": [{"start": START, "end": END, "label": "PERSON"}]}

VALIDATE, EVALUATE, PREDICTIONS, DEIDENTIFY, DEIDENTIFY_SPANS = (
    "validate",
    "evaluate",
    "predictions",
    "deidentify",
    "deidentify-spans",
)
ALL = (VALIDATE, EVALUATE, PREDICTIONS, DEIDENTIFY, DEIDENTIFY_SPANS)
SPAN_READERS = (VALIDATE, EVALUATE, PREDICTIONS, DEIDENTIFY_SPANS)  # a model ignores the row's spans
GOLD_READERS = (VALIDATE, EVALUATE)  # checks that apply to a gold file as a whole


def _line(row: object) -> bytes:
    return json.dumps(row, ensure_ascii=False).encode("utf-8")


def _row2(**changes: object) -> bytes:
    return _line({**GOOD_2, **changes})


def _span2(**changes: object) -> bytes:
    span = {"start": START, "end": END, "label": "PERSON", **changes}
    return _line({**GOOD_2, "spans": [{k: v for k, v in span.items() if v is not _DROP}]})


_DROP = object()


def _after_good(bad: bytes) -> bytes:
    return _line(GOOD_1) + b"\n" + bad + b"\n"


def _truncated_gzip() -> tuple[bytes, int]:
    # Rows that barely compress, so the cut falls within the first batch of kp deidentify (a
    # later bad line finds earlier batches written and resumable, by design).
    rows = b"".join(_line({**GOOD_1, "doc_id": hashlib.sha256(bytes([i])).hexdigest()}) + b"\n" for i in range(40))
    packed = gzip.compress(rows, mtime=0)
    cut = packed[: len(packed) // 2]
    readable = zlib.decompressobj(wbits=31).decompress(cut)
    return cut, readable.count(b"\n") + 1  # the line the reader was in when the data ran out


_CUT_GZIP, _CUT_LINE = _truncated_gzip()

# id -> (file content, line of the error (0: the file as a whole), commands that must refuse it)
CASES: dict[str, tuple[bytes, int, tuple[str, ...]]] = {
    # the bytes
    "binary": (_after_good(bytes(range(256)) * 4), 2, ALL),
    "not-utf8": (_after_good(_row2()[:-3] + b"\xff" + _row2()[-3:]), 2, ALL),
    "utf8-encoded-surrogate": (_after_good(_row2(text=f"{PII} ").replace(b'"}', b'\xed\xa0\x80"}', 1)), 2, ALL),
    "lone-surrogate-escape": (_after_good(_row2(text=f"{PII} \\ud800").replace(b"\\\\ud800", b"\\ud800")), 2, ALL),
    "utf16-with-bom": ((_line(GOOD_1).decode() + "\n").encode("utf-16"), 1, ALL),
    "utf16-without-bom": ((_line(GOOD_1).decode() + "\n").encode("utf-16-le"), 1, ALL),
    "bom-after-the-start": (_after_good(b"\xef\xbb\xbf" + _row2()), 2, ALL),
    "gzip-garbage": (b"\x1f\x8b" + b"not gzip " + PII.encode(), 1, ALL),
    "gzip-truncated": (_CUT_GZIP, _CUT_LINE, ALL),
    # the JSON
    "truncated-json": (_after_good(_row2()[:-20]), 2, ALL),
    "nan": (_after_good(_row2()[:-1] + b', "weight": NaN}'), 2, ALL),
    "infinity": (_after_good(_row2()[:-1] + b', "weight": -Infinity}'), 2, ALL),
    "float-overflow": (_after_good(_row2()[:-1] + b', "weight": 1e999}'), 2, ALL),
    "5000-digit-integer": (_after_good(_row2()[:-1] + b', "weight": ' + b"7" * 5000 + b"}"), 2, ALL),
    "deep-nesting": (_after_good(_row2()[:-1] + b', "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), 2, ALL),
    "nesting-past-the-limit": (_after_good(_row2()[:-1] + b', "x": ' + b"[" * 100 + b"]" * 100 + b"}"), 2, ALL),
    "repeated-key": (_after_good(_row2()[:-1] + b', "text": "' + PII.encode() + b'"}'), 2, ALL),
    # the row
    "row-is-a-list": (_after_good(_line([PII])), 2, ALL),
    "row-is-a-string": (_after_good(_line(PII)), 2, ALL),
    "no-text": (_after_good(_line({"name": PII, "spans": []})), 2, ALL),
    "text-not-a-string": (_after_good(_row2(text=[PII])), 2, ALL),
    "text-empty": (_after_good(_row2(text="   ", spans=[])), 2, GOLD_READERS),
    "spans-not-a-list": (_after_good(_row2(spans=PII)), 2, SPAN_READERS),
    "no-spans": (_after_good(_line({"text": TEXT_2})), 2, SPAN_READERS),
    "duplicate-doc-id": (_line({**GOOD_1, "doc_id": PII}) + b"\n" + _row2(doc_id=PII) + b"\n", 2, GOLD_READERS),
    "doc-id-not-a-string": (_after_good(_row2(doc_id=[PII])), 2, (*GOLD_READERS, PREDICTIONS)),
    # the spans
    "span-not-an-object": (_after_good(_row2(spans=[PII])), 2, SPAN_READERS),
    "offset-string": (_after_good(_span2(start=str(START))), 2, SPAN_READERS),
    "offset-float": (_after_good(_span2(start=7.9)), 2, SPAN_READERS),
    "offset-integral-float": (_after_good(_span2(end=float(END))), 2, SPAN_READERS),
    "offset-bool": (_after_good(_span2(start=True)), 2, SPAN_READERS),
    "offset-null": (_after_good(_span2(end=None)), 2, SPAN_READERS),
    "offset-missing": (_after_good(_span2(end=_DROP)), 2, SPAN_READERS),
    "offset-negative": (_after_good(_span2(start=-1)), 2, SPAN_READERS),
    "end-past-the-text": (_after_good(_span2(end=len(TEXT_2) + 5)), 2, SPAN_READERS),
    "end-before-start": (_after_good(_span2(start=END, end=START)), 2, SPAN_READERS),
    "label-unknown-holding-pii": (_after_good(_span2(label=PII)), 2, SPAN_READERS),
    "label-not-a-string": (_after_good(_span2(label=[PII])), 2, SPAN_READERS),
    "label-missing": (_after_good(_span2(label=_DROP)), 2, SPAN_READERS),
    "score-out-of-range": (_after_good(_span2(score=1.5)), 2, SPAN_READERS),
    "score-bool": (_after_good(_span2(score=True)), 2, SPAN_READERS),
    "span-text-differs": (_after_good(_span2(text="Quarkbridge Zoltan")), 2, SPAN_READERS),
    # nothing to read
    "empty-file": (b"", 0, (VALIDATE, EVALUATE, PREDICTIONS)),
    "blank-lines-only": (b"\n  \r\n\n", 0, (VALIDATE, EVALUATE, PREDICTIONS)),
    "bom-only": (b"\xef\xbb\xbf\r\n", 0, (VALIDATE, EVALUATE, PREDICTIONS)),
}

STATS, SPLIT = "stats", "split"  # read through the same loader as validate: they refuse what it refuses
PREDICT = "predict"  # reads the text field only, through the same JSONL reader as kp deidentify
PAIRS = [
    (case, command)
    for case, (_, _, commands) in CASES.items()
    for command in (
        *commands,
        *((STATS, SPLIT) if VALIDATE in commands else ()),
        *((PREDICT,) if DEIDENTIFY in commands else ()),
    )
]


def _run(args: list[str]) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(build_cli(), args)
    return result.exit_code, result.output, result.exception


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(_line(GOOD_1) + b"\n" + _line(GOOD_2) + b"\n")
    return path


def _command(command: str, path: Path, out: Path, tmp_path: Path) -> list[str]:
    if command == VALIDATE:
        return ["data", "validate", "--input", str(path)]
    if command == STATS:
        return ["data", "stats", "--input", str(path)]
    if command == SPLIT:
        return ["data", "split", "--input", str(path), "--out", str(out)]
    if command == PREDICT:
        return ["predict", "--input", str(path), "--json"]
    if command == EVALUATE:
        return ["evaluate", "--model", "rules", "--data", str(path), "--out", str(out), "--no-progress"]
    if command == PREDICTIONS:
        gold = _gold(tmp_path)
        return ["evaluate", "--predictions", str(path), "--data", str(gold), "--out", str(out), "--no-progress"]
    spans = ["--spans-field", "spans"] if command == DEIDENTIFY_SPANS else []
    return ["deidentify", "--input", str(path), "--output", str(out), "--no-progress", *spans]


@pytest.mark.parametrize(("case", "command"), PAIRS, ids=[f"{c}-{m}" for c, m in PAIRS])
def test_bad_input_is_one_clean_error(case: str, command: str, tmp_path: Path) -> None:
    content, line, _ = CASES[case]
    path = tmp_path / "input.jsonl"
    path.write_bytes(content)
    out = tmp_path / "out" / "result.json"
    out.parent.mkdir()
    code, output, exception = _run(_command(command, path, out, tmp_path))

    assert code != 0, output
    assert exception is None or isinstance(exception, SystemExit), repr(exception)  # no traceback
    assert "Traceback" not in output
    where = f"{path}:{line}:" if line else f"{path}:"
    assert where in output, output
    assert "Quarkbridge" not in output and "Zoltan" not in output, output
    assert "7777777" not in output
    # Nothing written: no leaderboard, no output file (not even an empty one), no resume state.
    assert not out.exists()
    assert not Path(f"{out}.progress").exists()


def test_one_reader_one_behaviour_for_good_input(tmp_path: Path) -> None:
    """A BOM at the start, CRLF line ends, blank lines (also trailing) and gzip are read the same by
    every command: the two rows are valid, scored and both de-identified."""
    body = b"\xef\xbb\xbf" + _line(GOOD_1) + b"\r\n\r\n  \r\n" + _line(GOOD_2) + b"\r\n\n\n"
    for name, content in (("crlf.jsonl", body), ("crlf.jsonl.gz", gzip.compress(body, mtime=0))):
        path = tmp_path / name
        path.write_bytes(content)
        code, output, _ = _run(["data", "validate", "--input", str(path)])
        assert code == 0 and "2 rows" in output, output
        code, output, _ = _run(["evaluate", "--model", "rules", "--data", str(path), "--json", "--no-progress"])
        assert code == 0, output
        assert json.loads(output[output.index("{") :])["results"][0]["n"] == 2
        for spans in ([], ["--spans-field", "spans"]):
            out = tmp_path / f"{name}.{len(spans)}.out.jsonl"
            code, output, _ = _run(["deidentify", "--input", str(path), "--output", str(out), "--no-progress", *spans])
            assert code == 0, output
            records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            if spans:  # the rules model finds no names; the rows' own spans do
                assert all(PII not in r["text"] for r in records)
                # the consumed spans now say where each replacement stands, with its label
                assert [[s["label"] for s in r["spans"]] for r in records] == [
                    [s["label"] for s in GOOD_1["spans"]],
                    [s["label"] for s in GOOD_2["spans"]],
                ]
                assert all("text" not in s for r in records for s in r["spans"])
            else:  # spans the run did not use (their values are the PII) are left out, named on stderr
                assert all("spans" not in r for r in records)
                assert "left out spans" in output


def test_resume_skips_records_not_lines() -> None:
    """Blank lines do not count as records: a resume after one record skips exactly one."""
    content = b"\n" + _line(GOOD_1) + b"\n\n\n" + _line(GOOD_2) + b"\n"
    skip: Callable[[int], list] = lambda n: list(_records(io.BytesIO(content), "in.jsonl", n))  # noqa: E731
    assert [(number, row.get("text")) for number, row, _ in skip(0)] == [(2, TEXT_1), (5, TEXT_2)]
    resumed = skip(1)
    assert [(number, row.get("text")) for number, row, _ in resumed] == [(0, None), (5, TEXT_2)]
    assert sum(size for *_, size in resumed) == len(content)  # blank lines counted for the progress bar


@pytest.mark.parametrize(("option", "value"), [("--language", "xx"), ("--country", "ZZ"), ("--language", "ron")])
def test_unknown_locale_codes_are_refused_with_the_accepted_ones(option: str, value: str, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(_line(GOOD_1) + b"\n")
    out = tmp_path / "out.jsonl"
    code, output, _ = _run(["deidentify", "--input", str(path), "--output", str(out), option, value])
    assert code == 2 and option in output and "accepted:" in output, output
    assert ("ro" if option == "--language" else "RO") in output.split("accepted:")[1]
    assert not out.exists()


def test_locale_codes_are_taken_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(_line(GOOD_1) + b"\n")
    out = tmp_path / "out.jsonl"
    args = ["deidentify", "--input", str(path), "--output", str(out), "--no-progress", "--spans-field", "spans"]
    code, output, _ = _run([*args, "--language", "RO", "--country", "ro"])
    assert code == 0, output
    assert PII not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (gzip.compress(b"\xef\xbb\xbf" + _line(GOOD_1) + b"\r\n\n", mtime=0), None),
        ((_line(GOOD_1).decode() + "\n").encode("utf-16"), "<stdin>:1: UTF-16 or UTF-32 text"),
        (_after_good(_span2(start=True)), "<stdin>:2: field 'spans': span 0 start is bool"),
    ],
    ids=["gzip-bom-crlf", "utf16", "bool-offset"],
)
def test_stdin_is_read_by_the_same_reader(data: bytes, error: str | None, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["deidentify", "--input", "-", "--output", str(out), "--no-progress", "--spans-field", "spans"]
    result = CliRunner().invoke(build_cli(), args, input=data)
    if error is None:
        assert result.exit_code == 0, result.output
        [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert PII not in record["text"]
    else:
        assert result.exit_code == 2 and error in result.output, result.output
        assert "Quarkbridge" not in result.output
        assert not out.exists()


JSON_LIST_CASES = {
    "nan": b'{"text": "x", "spans": [], "w": NaN}',
    "5000-digit-integer": b'{"text": "x", "spans": [], "w": ' + b"7" * 5000 + b"}",
    "deep-nesting": b'{"text": "x", "spans": [], "w": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "repeated-key": _row2()[:-1] + b', "text": "' + PII.encode() + b'"}',
    "lone-surrogate-escape": _row2(text=f"{PII} \\ud800").replace(b"\\\\ud800", b"\\ud800"),
    "label-unknown-holding-pii": _span2(label=PII),
    "missing-comma": _row2() + b" " + _row2(),
}


@pytest.mark.parametrize("case", JSON_LIST_CASES)
@pytest.mark.parametrize("command", [VALIDATE, EVALUATE])
def test_bad_row_of_a_json_list_is_named_by_line(case: str, command: str, tmp_path: Path) -> None:
    """JSON-list files (the EuroPriv-Bench format) are read row by row: a bad row is named by its
    line, with the same reasons and the same silence about values as JSONL."""
    path = tmp_path / "rows.json"
    path.write_bytes(b"[\n" + _line(GOOD_1) + b",\n" + JSON_LIST_CASES[case] + b"\n]\n")
    out = tmp_path / "board.json"
    code, output, exception = _run(_command(command, path, out, tmp_path))
    # validate ran and found bad rows (1); evaluate refuses its gold (2): docs/cli.md exit statuses
    assert code == (1 if command == VALIDATE else 2) and (exception is None or isinstance(exception, SystemExit)), output
    assert f"{path}:3:" in output or f"{path}[1]:" in output, output
    assert "Quarkbridge" not in output and "7777777" not in output
    assert not out.exists()
