"""Template-disjoint splits, the subject carve-out and the surface-form holdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kp_core.cli import build_cli
from kp_core.data import load_examples, write_jsonl
from kp_core.data.skeleton import example_skeleton, skeleton
from kp_core.data.split import (
    SplitError,
    normalise_value,
    subject_carve_out,
    surface_form_holdout,
    template_disjoint_split,
)
from kp_core.types import Example, Span

FIELDS = ("PERSON", "NATIONAL_ID", "EMAIL", "PHONE", "DATE")


def make_row(language: str, template: int, row: int, *, values: dict[str, str] | None = None) -> Example:
    """Template ``template`` of ``language``: a fixed frame, field order depending on the template."""
    parts: list[str] = [f"[{language}] form {template}:"]
    spans: list[Span] = []
    labels = [FIELDS[(template + i) % len(FIELDS)] for i in range(1 + template % 3)]
    text = " ".join(parts)
    for label in labels:
        value = (values or {}).get(label, f"{label.lower()}-{language}-{template}-{row}")
        text += f" {label.lower()} "
        spans.append(Span(len(text), len(text) + len(value), label))
        text += value
    text += " end."
    return Example(text, spans, language=language, doc_id=f"{language}-{template}-{row}", template_id=f"t{template}")


def corpus(sizes: dict[str, list[int]]) -> list[Example]:
    """``sizes[language][t]`` rows of template t; rows interleaved so order matters in the checks."""
    rows = [
        make_row(language, template, i)
        for language, counts in sizes.items()
        for template, count in enumerate(counts)
        for i in range(count)
    ]
    return sorted(rows, key=lambda e: e.doc_id[::-1])


def test_skeleton_replaces_spans_with_labels() -> None:
    text = "Pacient: Ion Pop, CNP 1800101223344."
    spans = [Span(22, 35, "NATIONAL_ID"), Span(9, 16, "PERSON")]
    assert skeleton(text, spans) == "Pacient: <PERSON>, CNP <NATIONAL_ID>."
    assert skeleton("no pii", []) == "no pii"


def _assert_valid_split(examples: list[Example], result, max_group_share: float) -> None:
    train_sk = {example_skeleton(e) for e in result.train}
    eval_sk = {example_skeleton(e) for e in result.eval}
    assert not train_sk & eval_sk
    # a partition that keeps the input order on both sides
    position = {e.doc_id: i for i, e in enumerate(examples)}
    assert sorted(position[e.doc_id] for e in result.train + result.eval) == list(range(len(examples)))
    for side in (result.train, result.eval):
        assert [position[e.doc_id] for e in side] == sorted(position[e.doc_id] for e in side)
    info = result.info
    assert info.disjoint and info.train_rows == len(result.train) and info.eval_rows == len(result.eval)
    assert info.train_groups == len(train_sk) and info.eval_groups == len(eval_sk)
    for entry in info.languages:
        assert entry.eval_rows > 0 and entry.train_rows > 0
        eval_counts = Counter(example_skeleton(e) for e in result.eval if e.language == entry.language)
        assert max(eval_counts.values()) <= max_group_share * entry.eval_rows
        assert entry.largest_eval_group_share <= max_group_share


def test_split_is_disjoint_per_language_and_guarded() -> None:
    examples = corpus({"it": [30] * 8, "sv": [10] * 5 + [200], "cs": [12, 9, 40, 7, 3, 25]})
    result = template_disjoint_split(examples, eval_fraction=0.1, seed=0)
    _assert_valid_split(examples, result, 0.7)
    assert {e.language for e in result.eval} == {"it", "sv", "cs"}
    assert [entry.language for entry in result.info.languages] == ["cs", "it", "sv"]
    # no language's eval is more than twice its share when smaller groups can fill it
    sv = next(entry for entry in result.info.languages if entry.language == "sv")
    assert sv.eval_rows <= 2 * round(0.1 * sv.rows)


def test_split_is_deterministic_and_seed_dependent() -> None:
    examples = corpus({"it": [5] * 40, "sv": [4] * 30})
    ids = lambda result: [e.doc_id for e in result.eval]  # noqa: E731
    first = template_disjoint_split(examples, eval_fraction=0.2, seed=7)
    again = template_disjoint_split(list(examples), eval_fraction=0.2, seed=7)
    other = template_disjoint_split(examples, eval_fraction=0.2, seed=8)
    assert ids(first) == ids(again)
    assert ids(first) != ids(other)
    assert first.info == again.info


def test_split_does_not_depend_on_the_python_hash_seed(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    write_jsonl(corpus({"it": [3] * 20, "sv": [2] * 20}), path)
    script = (
        "import sys; from kp_core.data import load_examples; from kp_core.data.split import template_disjoint_split; "
        "r = template_disjoint_split(load_examples(sys.argv[1]), eval_fraction=0.25, seed=3); "
        "print(','.join(e.doc_id for e in r.eval))"
    )
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", script, str(path)], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout.strip())
    assert len(outputs) == 1 and outputs.pop()


def test_a_skeleton_shared_by_two_languages_moves_as_one() -> None:
    shared = [Example("Name: Anna", [Span(6, 10, "PERSON")], language=lang, doc_id=f"s{lang}") for lang in "ab"]
    examples = corpus({"a": [4] * 6, "b": [4] * 6}) + shared * 1
    for seed in range(10):
        result = template_disjoint_split(examples, eval_fraction=0.3, seed=seed)
        sides = {("train" if e in result.train else "eval") for e in shared}
        assert len(sides) == 1


def test_impossible_splits_raise() -> None:
    with pytest.raises(SplitError, match="at least 2"):
        template_disjoint_split(corpus({"it": [50]}), eval_fraction=0.1, seed=0)
    with pytest.raises(SplitError, match="language 'sv'") as one_group:
        template_disjoint_split(corpus({"it": [5] * 5, "sv": [9]}), eval_fraction=0.1, seed=0)
    # the way out is named as it is spelled: the CLI flag and the Python keyword
    assert "--merged" in str(one_group.value) and "per_language=False" in str(one_group.value)
    # two templates: eval would be one template, 100% of eval, so the guard refuses...
    two = corpus({"it": [20, 20]})
    with pytest.raises(SplitError, match="70%"):
        template_disjoint_split(two, eval_fraction=0.1, seed=0)
    # ...unless it is turned off
    assert template_disjoint_split(two, eval_fraction=0.1, seed=0, max_group_share=1.0).info.eval_groups == 1
    # merged, the single-template language no longer needs its own eval share
    merged = template_disjoint_split(corpus({"it": [5] * 5, "sv": [9]}), eval_fraction=0.1, seed=0, per_language=False)
    assert [entry.language for entry in merged.info.languages] == ["*"]
    with pytest.raises(SplitError, match="no rows"):
        template_disjoint_split([], eval_fraction=0.1, seed=0)
    with pytest.raises(ValueError, match="eval_fraction"):
        template_disjoint_split(two, eval_fraction=1.0, seed=0)


def test_template_id_groups() -> None:
    examples = corpus({"it": [6] * 6})
    result = template_disjoint_split(examples, eval_fraction=0.2, seed=1, group_key="template_id")
    assert not {e.template_id for e in result.train} & {e.template_id for e in result.eval}
    with pytest.raises(SplitError, match="no template_id"):
        template_disjoint_split([*examples, Example("x y", [])], eval_fraction=0.2, seed=1, group_key="template_id")


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.dictionaries(
        st.sampled_from(["it", "sv", "cs", "da"]),
        st.lists(st.integers(1, 30), min_size=1, max_size=9),
        min_size=1,
        max_size=4,
    ),
    eval_fraction=st.floats(0.05, 0.6),
    seed=st.integers(0, 2**32),
    max_group_share=st.sampled_from([0.5, 0.7, 1.0]),
)
def test_split_invariants(sizes: dict[str, list[int]], eval_fraction: float, seed: int, max_group_share: float) -> None:
    examples = corpus(sizes)
    try:
        result = template_disjoint_split(
            examples, eval_fraction=eval_fraction, seed=seed, max_group_share=max_group_share
        )
    except SplitError as exc:
        # with the guard off, two templates per language always suffice
        assert max_group_share < 1.0 or min(len(v) for v in sizes.values()) < 2
        assert "language" in str(exc) or "rows" in str(exc)
        return
    _assert_valid_split(examples, result, max_group_share)
    again = template_disjoint_split(examples, eval_fraction=eval_fraction, seed=seed, max_group_share=max_group_share)
    assert again.eval == result.eval


def test_split_of_many_templates() -> None:
    """Many rows and templates; how the time grows with size is measured by the benchmark."""
    examples = corpus({lang: [50] * 100 for lang in ("it", "sv", "cs", "da")})
    result = template_disjoint_split(examples, eval_fraction=0.05, seed=0)
    assert result.info.total_rows == 20_000 and result.info.total_groups == 400
    _assert_valid_split(examples, result, 0.7)


# --- subjects ---------------------------------------------------------------------------------------


def test_normalise_value() -> None:
    assert normalise_value(" AB 12-34/x.Y ") == normalise_value("ab1234xy") == "ab1234xy"


def test_carve_out_removes_exactly_the_rows_sharing_an_identifier() -> None:
    # template 5 holds PERSON, NATIONAL_ID, EMAIL; template 2 holds EMAIL, PHONE, DATE
    held = [
        make_row("it", 5, 0, values={"PERSON": "Anna Berg", "NATIONAL_ID": "RSSMRA80A01H501U"}),
        make_row("it", 2, 0, values={"DATE": "2020-01-01", "EMAIL": "Anna@Example.org"}),
    ]
    train = [
        make_row("it", 5, 1, values={"NATIONAL_ID": "rssmra 80a01 h501u"}),  # same ID, other spacing and case
        make_row("it", 5, 2, values={"PERSON": "Anna Berg"}),  # shares only a name: kept
        make_row("it", 2, 3, values={"EMAIL": "anna@example.org"}),  # same e-mail: removed
        make_row("it", 2, 4, values={"DATE": "2020-01-01"}),  # a date is no direct identifier: kept
        make_row("it", 5, 5),
    ]
    result = subject_carve_out(train, held)
    assert [e.doc_id for e in result.train] == ["it-5-2", "it-2-4", "it-5-5"]
    info = result.info
    assert (info.train_rows_before, info.train_rows_after, info.removed_rows) == (5, 3, 2)
    assert info.removed_by_label == {"EMAIL": 1, "NATIONAL_ID": 1}
    assert "PERSON" not in info.labels and "NATIONAL_ID" in info.labels
    assert info.disjoint and info.heldout_values == 4  # two per held-out row (the DATE is not counted)
    # asking for PERSON carves the shared name too
    assert subject_carve_out(train, held, labels=["PERSON"]).info.removed_rows == 1


def test_surface_form_holdout() -> None:
    train = [make_row("it", 0, 0, values={"PERSON": "Anna Berg"})]  # template 0 holds one PERSON
    held = [
        make_row("it", 0, 1, values={"PERSON": "anna  berg"}),  # seen in train
        make_row("it", 0, 2),  # all new
        Example("nothing here", []),  # nothing to memorise
    ]
    holdout = surface_form_holdout(train, held)
    assert holdout.indices == (1,) and holdout.heldout_total == 3


# --- command line ----------------------------------------------------------------------------------


def test_split_command_writes_files(tmp_path: Path) -> None:
    source = tmp_path / "rows.jsonl"
    examples = corpus({"it": [6] * 10, "sv": [5] * 8})
    write_jsonl(examples, source)
    out = tmp_path / "out"
    args = ["data", "split", "-i", str(source), "--eval-fraction", "0.2", "--seed", "3", "--out", str(out)]
    result = CliRunner().invoke(build_cli(), [*args, "--carve-out"])
    assert result.exit_code == 0, result.output
    train, evaluation = load_examples(out / "train.jsonl"), load_examples(out / "eval.jsonl")
    manifest = json.loads((out / "split.json").read_text(encoding="utf-8"))
    assert manifest["train_rows"] == len(train) and manifest["eval_rows"] == len(evaluation)
    assert manifest["split"]["disjoint"] is True and set(manifest["split"]["languages"]) == {"it", "sv"}
    assert manifest["carve_out"]["removed_rows"] == 0  # every value here is unique
    assert not {example_skeleton(e) for e in train} & {example_skeleton(e) for e in evaluation}
    assert len(train) + len(evaluation) == len(examples)
    expected = template_disjoint_split(examples, eval_fraction=0.2, seed=3)
    assert [e.doc_id for e in evaluation] == [e.doc_id for e in expected.eval]


def test_split_command_reports_impossible_split(tmp_path: Path) -> None:
    source = tmp_path / "rows.jsonl"
    write_jsonl(corpus({"it": [10]}), source)
    result = CliRunner().invoke(build_cli(), ["data", "split", "-i", str(source), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "at least 2" in result.output  # refused (docs/cli.md)
    assert not (tmp_path / "o").exists()
