"""The German Steuer-IdNr body as a permutation domain.

An issued Steuer-IdNr has, in its first ten digits, one digit twice, one digit missing and every
other digit once (or, since 2016, one digit three times). Walking over all ten-digit strings
meets such a body once in about 26 steps; this domain holds only the "twice" bodies, as (missing
digit, repeated digit, the repeated digit's two places, the order of the other eight digits):
10 · 9 · 45 · 8! values. It duck-types :class:`kp_core.anonymize.fpe.Shape` for
:func:`kp_core.anonymize.fpe.cycle_candidates`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from math import factorial

import attrs

_DIGITS = "0123456789"
_PAIRS = tuple(itertools.combinations(range(10), 2))
_PAIR_INDEX = {pair: i for i, pair in enumerate(_PAIRS)}
_ORDERS = factorial(8)


def double_digit_form(body: str) -> bool:
    """Ten digits with exactly one digit twice (so one missing) and the others once."""
    counts = Counter(body)
    return len(body) == 10 and body.isdigit() and sorted(counts.values()) == [1] * 8 + [2]


def _rank(sequence: list[str], items: list[str]) -> int:
    """The Lehmer rank of ``sequence``, a permutation of the sorted ``items``."""
    pool, index = list(items), 0
    for i, item in enumerate(sequence):
        k = pool.index(item)
        index += k * factorial(len(sequence) - 1 - i)
        pool.pop(k)
    return index


def _unrank(index: int, items: list[str]) -> list[str]:
    pool, out = list(items), []
    for i in range(len(pool), 0, -1):
        k, index = divmod(index, factorial(i - 1))
        out.append(pool.pop(k))
    return out


@attrs.frozen
class DoubleDigitShape:
    """The ten body positions of ``value`` (string indices, in order) vary over the bodies of
    the "one digit twice" form; every other character stays."""

    value: str
    positions: tuple[int, ...]

    @property
    def signature(self) -> str:
        return "steuer-idnr-double"

    @property
    def size(self) -> int:
        return 10 * 9 * len(_PAIRS) * _ORDERS

    def encode(self, value: str) -> int:
        body = [value[p] for p in self.positions]
        counts = Counter(body)
        repeated = next(d for d, n in counts.items() if n == 2)
        missing = next(d for d in _DIGITS if d not in counts)
        others = [d for d in body if d != repeated]
        rest = [d for d in _DIGITS if d not in (missing, repeated)]
        pair = tuple(i for i, d in enumerate(body) if d == repeated)
        head = int(missing) * 9 + [d for d in _DIGITS if d != missing].index(repeated)
        return (head * len(_PAIRS) + _PAIR_INDEX[pair]) * _ORDERS + _rank(others, rest)

    def decode(self, index: int) -> str:
        rest_index, order = divmod(index, _ORDERS)
        head, pair_index = divmod(rest_index, len(_PAIRS))
        missing_index, repeated_index = divmod(head, 9)
        missing = _DIGITS[missing_index]
        repeated = [d for d in _DIGITS if d != missing][repeated_index]
        others = iter(_unrank(order, [d for d in _DIGITS if d not in (missing, repeated)]))
        pair = _PAIRS[pair_index]
        chars = list(self.value)
        for i, p in enumerate(self.positions):
            chars[p] = repeated if i in pair else next(others)
        return "".join(chars)
