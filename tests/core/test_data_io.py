"""Readers and writers of the kp row format."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kp_core.data import DataError, iter_examples, load_examples, read_rows, validate, write_jsonl
from kp_core.types import Example, Span

ROWS = [
    {
        "text": "Anna Berg, anna@example.org",
        "spans": [
            {"start": 0, "end": 9, "label": "PERSON", "entity_id": "e1", "identifier_type": "DIRECT"},
            {"start": 11, "end": 27, "label": "EMAIL", "country": "SE"},
        ],
        "language": "sv",
        "country": "SE",
        "doc_id": "a",
        "qi_tuple": {"sex": "F"},
    },
    {"text": "No PII here.", "spans": [], "language": "sv", "domain": "admin", "template_id": "t2"},
]


def test_jsonl_locations_are_one_based_lines(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    records = list(read_rows(path))
    assert [r.where for r in records] == [f"{path}:1", f"{path}:2"]
    assert records[0].row == ROWS[0]


def test_json_list_locations_are_row_indices(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(ROWS, indent=1), encoding="utf-8")
    assert [r.where for r in read_rows(path)] == [f"{path}[0]", f"{path}[1]"]


def test_broken_json_list_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text('[\n {"text": "a", "spans": []},\n {"text": }\n]', encoding="utf-8")
    good, record = list(read_rows(path))  # rows are read one by one: the one before the defect is kept
    assert good.where == f"{path}[0]" and good.error is None
    assert record.where == f"{path}:3" and record.error.startswith("bad JSON") and "row 1" in record.error


def test_json_list_reading_goes_on_after_a_refused_value(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    rows = ['{"text": "a", "spans": []}', '{"text": "b", "spans": [], "w": NaN}', '{"text": "c", "spans": []}']
    path.write_text("[\n" + ",\n".join(rows) + "\n]\n", encoding="utf-8")
    records = list(read_rows(path))
    assert [(r.where, r.error is None) for r in records] == [
        (f"{path}[0]", True),
        (f"{path}:3", False),
        (f"{path}[2]", True),
    ]
    assert "NaN" in records[1].error and "row 1" in records[1].error


@pytest.mark.parametrize("as_list", [False, True])
def test_gzip_is_detected_from_content(tmp_path: Path, as_list: bool) -> None:
    body = json.dumps(ROWS) if as_list else "\n".join(json.dumps(r) for r in ROWS)
    path = tmp_path / "rows.data"  # no telling suffix: the reader sniffs
    path.write_bytes(gzip.compress(body.encode("utf-8")))
    assert [e.doc_id for e in load_examples(path)] == ["a", None]


def test_non_utf8_line_is_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_bytes(json.dumps(ROWS[1]).encode() + b"\n" + b'{"text": "\xff"}\n')
    report = validate(path)
    assert [(p.where, p.code) for p in report.problems] == [(f"{path}:2", "bad_json")]
    assert "not UTF-8" in report.problems[0].message


def test_extra_keys_survive_a_round_trip(tmp_path: Path) -> None:
    examples = load_examples(ROWS)
    first = examples[0]
    assert first.extra == {"qi_tuple": {"sex": "F"}}
    assert first.spans[0].extra == {"entity_id": "e1", "identifier_type": "DIRECT"}
    assert first.spans[1].extra == {"country": "SE"}
    for name in ("out.jsonl", "out.jsonl.gz"):
        path = tmp_path / name
        assert write_jsonl(examples, path) == 2
        again = load_examples(path)
        assert [e.to_json() for e in again] == [e.to_json() for e in examples]
        assert again[0].to_json() == ROWS[0]


def test_gzip_output_is_reproducible(tmp_path: Path) -> None:
    examples = load_examples(ROWS)
    write_jsonl(examples, tmp_path / "a.jsonl.gz")
    write_jsonl(examples, tmp_path / "b.jsonl.gz")
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    def broken():
        yield Example("a b", [Span(0, 1, "PERSON")])
        raise RuntimeError("generator failed")

    with pytest.raises(RuntimeError):
        write_jsonl(broken(), tmp_path / "out.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """Rows before a bad line are yielded before the error: nothing is read ahead into memory."""
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n" + json.dumps(ROWS[1]) + "\n{oops\n", encoding="utf-8")
    stream = iter_examples(path)
    assert next(stream).doc_id == "a"
    assert next(stream).template_id == "t2"
    with pytest.raises(DataError, match=rf"{path}:3: bad JSON"):
        next(stream)


def test_load_error_names_row_and_hides_text(tmp_path: Path) -> None:
    rows = [dict(ROWS[0]), {"text": "Anna Berg", "spans": [{"start": 0, "end": 9, "label": "NAME"}]}]
    with pytest.raises(DataError) as info:
        load_examples(rows, name="mem")
    assert str(info.value).startswith("mem[1]: ")
    # An unknown label is never echoed: it may be a value pasted from the text.
    assert "unknown label" in str(info.value) and "NAME" not in str(info.value) and "Anna" not in str(info.value)


class FakeDataset:
    """The slice of ``datasets.Dataset`` the reader relies on: column names and batched iteration."""

    def __init__(self, rows: list[dict]) -> None:
        self.column_names = list(rows[0])
        self._rows = rows
        self.split = "train"
        self.info = type("Info", (), {"dataset_name": "fake"})()

    def iter(self, batch_size: int):
        for i in range(0, len(self._rows), batch_size):
            chunk = self._rows[i : i + batch_size]
            yield {c: [r.get(c) for r in chunk] for c in self.column_names}


def test_dataset_objects_are_read_in_batches() -> None:
    # Arrow gives every row every column, filling the missing ones with None
    rows = [dict(ROWS[1], doc_id=f"d{i}", text=f"row {i} text") for i in range(2500)]
    examples = load_examples(FakeDataset(rows))
    assert len(examples) == 2500 and examples[-1].doc_id == "d2499"
    assert examples[0].extra == {}
    records = read_rows(FakeDataset(rows))
    assert next(records).where == "fake/train[0]"


def test_dataset_dict_asks_for_a_split() -> None:
    class FakeDatasetDict(dict):
        column_names = {"train": ["text"], "test": ["text"]}

    with pytest.raises(TypeError, match="pass one split"):
        list(read_rows(FakeDatasetDict()))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such data file"):
        load_examples(tmp_path / "nope.jsonl")
