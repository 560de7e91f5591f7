"""Reading foreign heads: label formats, the grouping rule (the transformers pipeline's "simple"
aggregation, as the harness runs baselines) and the scheme each head maps through."""

from __future__ import annotations

import numpy as np
import pytest

from kp_core.evaluation.baselines import find_baseline, load_baselines
from kp_torch.hf_token.labels import HeadLabels, HeadLabelsError, label_format
from kp_torch.hf_token.scheme import SchemeError, dropped_types, resolve_scheme, split_scheme


def _head(labels: list[str]) -> HeadLabels:
    return HeadLabels.of(dict(enumerate(labels)))


def _tags(head: HeadLabels, names: list[str]) -> list[str]:
    """The BIOES tags the grouping rule gives a sequence of head labels."""
    best = np.array([head.labels.index(n) for n in names], dtype=np.intp)
    cols = head.tag_columns(best)
    assert head.space.is_valid(cols)
    return [head.space.labels[c] for c in cols]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["O", "B-A", "I-A", "E-A", "S-A"], "bioes"),
        (["O", "B-A", "I-A", "B-B", "I-B"], "bio"),
        (["I-A", "I-B", "O"], "io"),
        (["O", "A", "B"], "plain"),
    ],
)
def test_label_formats(labels, expected) -> None:
    assert label_format(tuple(labels)) == expected


@pytest.mark.parametrize(
    ("labels", "reason"),
    [
        (["B-A", "I-A"], "exactly one 'O'"),
        (["O", "O", "A"], "exactly one 'O'"),
        (["O", "B-A", "PLAIN"], "mixes prefixed"),
        (["O"], "no entity labels"),
        (["O", "B-A", "I-A", "S-A"], "incomplete"),
    ],
)
def test_unreadable_heads_say_why(labels, reason) -> None:
    with pytest.raises(HeadLabelsError, match=reason):
        _head(labels)


def test_io_heads_merge_adjacent_tokens_of_one_type() -> None:
    head = _head(["I-CITY", "I-STREET", "O"])
    assert _tags(head, ["I-CITY", "I-CITY", "I-CITY", "O", "I-CITY"]) == [
        "B-CITY", "I-CITY", "E-CITY", "O", "S-CITY",
    ]  # fmt: skip
    assert _tags(head, ["I-CITY", "I-STREET", "I-STREET"]) == ["S-CITY", "B-STREET", "E-STREET"]


def test_bio_heads_start_at_every_b_and_at_a_stray_i() -> None:
    head = _head(["O", "B-X", "I-X", "B-Y", "I-Y"])
    assert _tags(head, ["B-X", "I-X", "B-X", "O", "I-X", "I-X"]) == ["B-X", "E-X", "S-X", "O", "B-X", "E-X"]
    assert _tags(head, ["B-X", "I-Y", "I-Y"]) == ["S-X", "B-Y", "E-Y"]


def test_plain_heads_merge_like_the_pipeline() -> None:
    head = _head(["O", "EMAIL", "PHONE"])
    assert _tags(head, ["EMAIL", "EMAIL", "PHONE", "O", "EMAIL"]) == ["B-EMAIL", "E-EMAIL", "S-PHONE", "O", "S-EMAIL"]


def test_tag_scores_choose_one_tag_per_decoded_token_with_the_labels_log_probability() -> None:
    head = _head(["O", "I-A"])
    text = "ab cd ef"
    offsets = np.array([[0, 2], [3, 5], [5, 5], [6, 8]])  # the third piece carries no characters
    logprobs = np.log(np.array([[0.2, 0.8], [0.3, 0.7], [0.9, 0.1], [0.6, 0.4]], dtype=np.float32))
    out = head.tag_scores(text, offsets, logprobs)
    chosen = [head.space.labels[i] for i in out.argmax(axis=1)]
    assert chosen[:2] == ["B-A", "E-A"] and chosen[3] == "O"
    assert out[0].max() == pytest.approx(np.log(0.8))
    # A restriction to O alone: every token is O, whatever the head prefers.
    only_o = head.tag_scores(text, offsets, logprobs, allowed=head.columns_of([]))
    assert {head.space.labels[i] for i in only_o.argmax(axis=1)} == {"O"}


def test_scheme_comes_from_the_reference_the_registry_or_the_labels() -> None:
    piiranha = find_baseline("piiranha")
    types = piiranha.native_types
    assert resolve_scheme(piiranha.hub_id, piiranha.native_labels, types) == "piiranha"  # by Hub id
    assert resolve_scheme("./copy", piiranha.native_labels, types) == "piiranha"  # by its exact head
    assert resolve_scheme("./other", ("O",), types) == "piiranha"  # the one scheme mapping them all
    assert resolve_scheme("./x", ("O",), ["PERSON", "EMAIL"]) is None  # already KP types
    assert resolve_scheme("./x", ("O",), ["FIRSTNAME"], explicit="tabularisai") == "tabularisai"
    with pytest.raises(SchemeError, match="several crosswalk schemes"):
        resolve_scheme("./x", ("O",), ["FIRSTNAME", "EMAIL"])
    with pytest.raises(SchemeError, match=r"hf:SCHEME:\./x"):
        resolve_scheme("./x", ("O",), ["NOT_A_LABEL_ANYWHERE"])
    with pytest.raises(SchemeError, match="unknown crosswalk scheme"):
        resolve_scheme("./x", ("O",), ["A"], explicit="nope")


def test_split_scheme_only_takes_known_schemes() -> None:
    assert split_scheme("mapa:./m") == ("mapa", "./m")
    assert split_scheme("./m") == (None, "./m")
    assert split_scheme("owner/name") == (None, "owner/name")
    assert split_scheme("nope:./m") == (None, "nope:./m")


def test_dropped_types_are_the_registrys_unmapped_ones() -> None:
    for baseline in load_baselines():
        assert dropped_types(baseline.scheme, baseline.native_types) == list(baseline.unmapped), baseline.name
