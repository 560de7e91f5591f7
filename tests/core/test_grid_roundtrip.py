"""Every gold row of the dev slices round-trips char spans -> whitespace BIOES -> char spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kp_core.encoding.grid import (
    bioes_to_spans,
    gold_bioes,
    predicted_bioes,
    snap_spans,
    validate_bioes,
    whitespace_tokens,
)
from kp_core.types import Span


def test_dev_rows_round_trip_through_the_whitespace_grid(dev_rows):
    total = 0
    for name, rows in dev_rows.items():
        assert len(rows) == 300, name
        for r, row in enumerate(rows):
            text = row["text"]
            gold = [Span(s["start"], s["end"], s["label"]) for s in row["spans"]]
            tags = gold_bioes(text, gold)
            validate_bioes(tags)
            back = bioes_to_spans(text, tags)
            assert back == snap_spans(text, gold), f"{name} row {r}"
            # the tolerant prediction path agrees with the strict one on these rows
            assert predicted_bioes(text, back) == tags or _adjacent_same_type(tags), f"{name} row {r}"
            total += len(gold)
    assert total > 1000


def _adjacent_same_type(tags: list[str]) -> bool:
    """Whether two same-type gold entities touch (the prediction path merges those, like the harness)."""
    return any(
        a[0] in "ES" and b[0] in "BS" and a[2:] == b[2:] for a, b in zip(tags, tags[1:], strict=False) if a != "O"
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,\t\n\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000\u200b")), max_size=40))
def test_whitespace_tokens_are_runs_of_non_isspace_characters(text):
    expected, start = [], None
    for i, ch in enumerate(text + " "):
        if ch.isspace():
            if start is not None:
                expected.append((start, i))
            start = None
        elif start is None:
            start = i
    assert whitespace_tokens(text) == expected


def test_whitespace_tokens_split_exactly_where_isspace_says_for_every_code_point():
    # One token per character that is not a space, none for those that are: so the tokenizer
    # agrees with str.isspace() (the harness's definition) on all of Unicode, not just a sample.
    import sys

    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    text = " ".join(chars)
    expected = [(2 * i, 2 * i + 1) for i, ch in enumerate(chars) if not ch.isspace()]
    assert whitespace_tokens(text) == expected
