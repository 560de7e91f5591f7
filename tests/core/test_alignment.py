"""Subword alignment: offsets trimming, words, both labelling schemes, reported span issues."""

from __future__ import annotations

import numpy as np
import pytest

from kp_core.encoding.alignment import (
    IGNORE_INDEX,
    SpanAlignmentError,
    align_spans,
    label_positions,
    subword_label_ids,
    trim_offsets,
    word_ids,
)
from kp_core.taxonomy import bioes_labels
from kp_core.types import Span

TEXT = "Paziente: Chiara Russo, tel. 3952577"
# SentencePiece-style: "▁" pieces start on the space; (0, 0) specials; (16, 17) is a lone "▁".
PIECES = [(0, 0), (0, 2), (2, 9), (9, 13), (13, 16), (16, 17), (17, 22), (22, 23), (23, 27), (27, 28), (28, 36), (0, 0)]
GOLD = [Span(10, 22, "PERSON"), Span(29, 36, "PHONE")]


def _tags(ids: list[int]) -> list[str]:
    return ["-" if i == IGNORE_INDEX else bioes_labels()[i] for i in ids]


def test_trim_offsets_drops_leading_spaces_and_empties_lone_pieces():
    trimmed = trim_offsets(TEXT, PIECES)
    assert trimmed[3].tolist() == [10, 13]
    assert trimmed[5, 0] == trimmed[5, 1]  # whitespace only: carries no characters
    assert trimmed[10].tolist() == [29, 36]
    with pytest.raises(ValueError, match="token 0"):
        trim_offsets(TEXT, [(5, 3)])


def test_words_are_runs_of_pieces_without_whitespace_between():
    trimmed = trim_offsets(TEXT, PIECES)
    carries = trimmed[:, 1] > trimmed[:, 0]
    assert word_ids(TEXT, trimmed, carries).tolist() == [-1, 0, 0, 1, 1, -1, 2, 2, 3, 3, 4, -1]


def test_first_subword_scheme():
    ids = subword_label_ids(TEXT, PIECES, GOLD, scheme="first")
    assert _tags(ids) == ["-", "O", "-", "B-PERSON", "-", "-", "E-PERSON", "-", "O", "-", "S-PHONE", "-"]
    assert label_positions(TEXT, PIECES, scheme="first").tolist() == [i != IGNORE_INDEX for i in ids]


def test_all_subword_scheme():
    ids = subword_label_ids(TEXT, PIECES, GOLD, scheme="all")
    assert _tags(ids) == ["-", "O", "O", "B-PERSON", "I-PERSON", "-", "E-PERSON", "O", "O", "O", "S-PHONE", "-"]
    assert label_positions(TEXT, PIECES, scheme="all").tolist() == [i != IGNORE_INDEX for i in ids]


def test_special_mask_excludes_pieces_with_offsets():
    special = np.zeros(len(PIECES), dtype=bool)
    special[1] = True
    ids = subword_label_ids(TEXT, PIECES, GOLD, scheme="all", special_mask=special)
    assert ids[1] == IGNORE_INDEX


def test_truncated_and_dropped_spans_are_reported_not_silently_dropped():
    window = PIECES[:5]  # ends inside "Chiara": PERSON is cut, PHONE is gone
    result = align_spans(TEXT, window, GOLD, scheme="all")
    assert [(i.start, i.end, i.label, i.reason) for i in result.issues] == [
        (10, 22, "PERSON", "truncated"),
        (29, 36, "PHONE", "no_token"),
    ]
    # The visible part of a cut entity is its beginning, not a complete entity.
    assert _tags(list(result.label_ids))[3:5] == ["B-PERSON", "I-PERSON"]
    with pytest.raises(SpanAlignmentError, match=r"10:22 \(PERSON\) truncated; 29:36 \(PHONE\) no_token") as err:
        subword_label_ids(TEXT, window, GOLD)
    assert len(err.value.issues) == 2
    assert "Chiara" not in str(err.value)  # offsets and types only, never the text


def test_cut_at_the_start_of_a_window():
    result = align_spans(TEXT, PIECES[4:], GOLD, scheme="all")
    assert [i.reason for i in result.issues] == ["truncated"]
    assert _tags(list(result.label_ids))[:3] == ["I-PERSON", "-", "E-PERSON"]


def test_collisions_are_reported_and_the_first_span_keeps_the_unit():
    overlapping = [Span(10, 16, "PERSON"), Span(12, 22, "PERSON")]
    result = align_spans(TEXT, PIECES, overlapping, scheme="first")
    assert [i.reason for i in result.issues] == ["collision"]
    same_word = [Span(10, 12, "PERSON"), Span(13, 16, "DATE")]
    result = align_spans(TEXT, PIECES, same_word, scheme="first")
    assert [(i.label, i.reason) for i in result.issues] == [("DATE", "collision")]
    # at subword level the two pieces of "Chiara" can hold the two entities
    assert align_spans(TEXT, PIECES, same_word, scheme="all").ok


def test_unknown_labels_and_schemes_are_errors():
    with pytest.raises(ValueError, match=r"span 10:22: unknown label 'NAME'"):
        align_spans(TEXT, PIECES, [{"start": 10, "end": 22, "label": "NAME"}])
    with pytest.raises(ValueError, match="unknown labelling scheme"):
        align_spans(TEXT, PIECES, GOLD, scheme="last")


def test_offsets_must_be_in_text_order():
    with pytest.raises(ValueError, match="backwards"):
        align_spans(TEXT, [(10, 16), (0, 5)], GOLD)
