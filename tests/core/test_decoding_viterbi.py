"""Constrained BIOES Viterbi: validity, optimality against a dense reference, operating points."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kp_core.decoding import DEFAULT, BioesSpace, OperatingPoint, argmax_decode, kp_space, viterbi, viterbi_batch
from kp_core.encoding.grid import validate_bioes

SMALL = BioesSpace.from_types(["A", "B", "C"])
BIAS_NAMES = (
    "background_stay",
    "background_to_start",
    "inside_to_continue",
    "inside_to_end",
    "end_to_background",
    "end_to_start",
)


def _transition_kind(prev: str, nxt: str) -> str | None:
    """Which operating-point bias a transition carries; None if it is illegal (written from the
    BIOES rules directly, independently of the decoder's tables)."""
    pp, _, pt = prev.partition("-")
    np_, _, nt = nxt.partition("-")
    if pp == "O":
        return {"O": "background_stay", "B": "background_to_start", "S": "background_to_start"}.get(np_)
    if pp in ("B", "I"):
        if nt != pt:
            return None
        return {"I": "inside_to_continue", "E": "inside_to_end"}.get(np_)
    return {"O": "end_to_background", "B": "end_to_start", "S": "end_to_start"}.get(np_)


def _reference(logprobs: np.ndarray, space: BioesSpace, op: OperatingPoint) -> float:
    """Best path score by a dense (L, L) Viterbi."""
    labels = space.labels
    n = len(labels)
    trans = np.full((n, n), -np.inf)
    for a in range(n):
        for b in range(n):
            kind = _transition_kind(labels[a], labels[b])
            if kind is not None:
                trans[a, b] = getattr(op, kind)
    start = np.array([lab == "O" or lab[0] in "BS" for lab in labels])
    end = np.array([lab == "O" or lab[0] in "ES" for lab in labels])
    v = np.where(start, logprobs[0], -np.inf)
    for t in range(1, len(logprobs)):
        v = (v[:, None] + trans).max(axis=0) + logprobs[t]
    return float(np.where(end, v, -np.inf).max())


def _path_score(logprobs: np.ndarray, ids: np.ndarray, space: BioesSpace, op: OperatingPoint) -> float:
    tags = [space.labels[i] for i in ids]
    total = float(logprobs[np.arange(len(ids)), ids].sum())
    for a, b in zip(tags, tags[1:], strict=False):
        kind = _transition_kind(a, b)
        assert kind is not None, f"illegal transition {a} -> {b}"
        total += getattr(op, kind)
    return total


def _random_logprobs(seed: int, t: int, n_labels: int, concentration: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    with np.errstate(divide="ignore"):  # tiny concentrations give exact zeros: -inf is a valid input
        return np.log(rng.dirichlet(np.full(n_labels, concentration), size=t))


biases = st.floats(min_value=-4, max_value=4, allow_nan=False)
operating_points = st.one_of(st.just(DEFAULT), st.builds(OperatingPoint, *([biases] * 6)))


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    t=st.integers(1, 25),
    concentration=st.sampled_from([0.05, 0.3, 1.0]),
    op=operating_points,
    small=st.booleans(),
)
def test_viterbi_is_valid_and_optimal(seed, t, concentration, op, small):
    space = SMALL if small else kp_space()
    lp = _random_logprobs(seed, t, len(space), concentration)
    ids = viterbi(lp, op, space=space)
    assert ids.shape == (t,)
    assert space.is_valid(ids)
    if space is kp_space():
        validate_bioes([space.labels[i] for i in ids])
    assert _path_score(lp, ids, space, op) == pytest.approx(_reference(lp, space, op), abs=1e-9)


@st.composite
def valid_sequences(draw, space: BioesSpace = SMALL):
    """Random well-formed BIOES label sequences over ``space``."""
    tags: list[str] = []
    n = draw(st.integers(1, 30))
    while len(tags) < n:
        kind = draw(st.sampled_from(["O", "S", "BE"]))
        typ = draw(st.sampled_from(space.types))
        if kind == "O":
            tags.append("O")
        elif kind == "S":
            tags.append(f"S-{typ}")
        else:
            inner = draw(st.integers(0, 3))
            tags += [f"B-{typ}"] + [f"I-{typ}"] * inner + [f"E-{typ}"]
    return [space.labels.index(tag) for tag in tags]


@settings(max_examples=60, deadline=None)
@given(
    seq=valid_sequences(),
    seed=st.integers(0, 2**32 - 1),
    op=st.one_of(st.just(DEFAULT), st.builds(OperatingPoint, *([st.floats(-1, 1)] * 6))),
)
def test_viterbi_returns_an_encoded_valid_sequence(seq, seed, op):
    rng = np.random.default_rng(seed)
    lp = rng.uniform(-25, -20, size=(len(seq), len(SMALL)))
    lp[np.arange(len(seq)), seq] = rng.uniform(-0.5, 0, size=len(seq))
    assert viterbi(lp, op, space=SMALL).tolist() == seq


@settings(max_examples=30, deadline=None)
@given(seq=valid_sequences(kp_space()), seed=st.integers(0, 2**32 - 1))
def test_viterbi_returns_an_encoded_valid_sequence_in_the_kp_space(seq, seed):
    rng = np.random.default_rng(seed)
    lp = rng.uniform(-25, -20, size=(len(seq), len(kp_space())))
    lp[np.arange(len(seq)), seq] = rng.uniform(-0.5, 0, size=len(seq))
    out = viterbi(lp, space=kp_space())
    assert out.tolist() == seq
    validate_bioes([kp_space().labels[i] for i in out])


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), op=operating_points)
def test_batch_matches_single_sequences(seed, op):
    rng = np.random.default_rng(seed)
    lens = rng.integers(0, 20, size=5)
    padded = np.zeros((5, 20, len(SMALL)))
    for row, n in enumerate(lens):
        padded[row, :n] = _random_logprobs(seed + row, n, len(SMALL), 0.3)
    out = viterbi_batch(padded, op, lengths=lens, space=SMALL)
    for row, n in enumerate(lens):
        single = viterbi(padded[row, :n], op, space=SMALL)
        assert _path_score(padded[row, :n], out[row, :n], SMALL, op) == pytest.approx(
            _path_score(padded[row, :n], single, SMALL, op)
        )
        assert (out[row, n:] == SMALL.outside).all()


def _count(ids: np.ndarray, space: BioesSpace, kind: str) -> int:
    tags = [space.labels[i] for i in ids]
    return sum(_transition_kind(a, b) == kind for a, b in zip(tags, tags[1:], strict=False))


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), name=st.sampled_from(BIAS_NAMES))
def test_operating_point_moves_decisions_monotonically(seed, name):
    # The objective is linear in each bias, so the optimum's count of the biased transition
    # can only grow as that bias grows.
    lp = _random_logprobs(seed, 40, len(SMALL), 0.3)
    counts = [_count(viterbi(lp, OperatingPoint(**{name: b}), space=SMALL), SMALL, name) for b in (-3, -1, 0, 1, 3)]
    assert counts == sorted(counts)


def _model_like_logprobs(seed: int, t: int) -> np.ndarray:
    """Noisy logits where O usually wins, like a tagger's output on running text."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(0.0, 1.5, size=(t, len(kp_space())))
    logits[:, kp_space().outside] += 3.0
    return logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_large_background_stay_gives_fewer_spans_and_start_bias_more(seed):
    lp = _model_like_logprobs(seed, 400)

    def n_spans(op: OperatingPoint) -> int:
        ids = viterbi(lp, op)
        return int(np.isin(kp_space().prefix_of[ids], ["B", "S"]).sum())

    base = n_spans(DEFAULT)
    assert n_spans(OperatingPoint(background_stay=3.0)) < base < n_spans(OperatingPoint(background_to_start=3.0))
    assert n_spans(OperatingPoint(background_stay=100.0)) == 0


def test_allowed_mask_is_respected():
    space = kp_space()
    lp = _random_logprobs(3, 50, len(space), 0.3)
    allowed = space.allowed_for_types(["PHONE", "EMAIL"])
    ids = viterbi(lp, allowed=allowed)
    assert allowed[ids].all()
    assert allowed[argmax_decode(lp, allowed=allowed)].all()
    per_position = np.ones((50, len(space)), dtype=bool)
    per_position[10:20, 1:] = False
    assert (viterbi(lp, allowed=per_position)[10:20] == space.outside).all()


def test_bad_inputs_are_errors():
    space = kp_space()
    lp = _random_logprobs(1, 4, len(space), 1.0)
    with pytest.raises(ValueError, match="O allowed"):
        viterbi(lp, allowed=np.zeros(len(space), dtype=bool))
    bad = lp.copy()
    bad[2, 5] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        viterbi(bad)
    with pytest.raises(ValueError, match="columns"):
        viterbi(lp[:, :10])
    with pytest.raises(ValueError, match="unknown types"):
        space.allowed_for_types(["NOT_A_TYPE"])
    assert viterbi(np.zeros((0, len(space)))).shape == (0,)


def test_minus_infinity_is_allowed():
    space = SMALL
    lp = np.full((3, len(space)), -np.inf)
    lp[:, space.outside] = 0.0
    lp[1, space.labels.index("S-B")] = 1.0
    assert [space.labels[i] for i in viterbi(lp, space=space)] == ["O", "S-B", "O"]


def test_bioes_space_validation():
    with pytest.raises(ValueError, match="incomplete"):
        BioesSpace(["O", "B-X", "I-X", "E-X"])
    with pytest.raises(ValueError, match="exactly one"):
        BioesSpace(["B-X", "I-X", "E-X", "S-X"])
    with pytest.raises(ValueError, match="duplicate"):
        BioesSpace(["O", "O", "B-X", "I-X", "E-X", "S-X"])
    with pytest.raises(ValueError, match="neither"):
        BioesSpace(["O", "X"])
    # Any column order works: openai/privacy-filter style heads list their own.
    shuffled = BioesSpace(["S-x", "O", "E-x", "B-y", "I-x", "B-x", "I-y", "E-y", "S-y"])
    lp = np.full((3, 9), -10.0)
    for t, lab in enumerate(["B-x", "E-x", "S-y"]):
        lp[t, shuffled.labels.index(lab)] = 0.0
    assert [shuffled.labels[i] for i in viterbi(lp, space=shuffled)] == ["B-x", "E-x", "S-y"]


def test_operating_point_json_round_trip(tmp_path):
    op = OperatingPoint(background_stay=0.5, end_to_start=-1.25)
    path = tmp_path / "op.json"
    op.save(path)
    assert OperatingPoint.load(path) == op
    assert DEFAULT.is_neutral and not op.is_neutral
    (tmp_path / "bad.json").write_text('{"background_stay": 1, "nope": 2}')
    with pytest.raises(ValueError, match="bad.json: unknown keys nope"):
        OperatingPoint.load(tmp_path / "bad.json")
    (tmp_path / "broken.json").write_text("{\n  nope")
    with pytest.raises(ValueError, match="broken.json: line 2"):
        OperatingPoint.load(tmp_path / "broken.json")
    with pytest.raises(ValueError, match="finite"):
        OperatingPoint(background_stay=float("inf"))
