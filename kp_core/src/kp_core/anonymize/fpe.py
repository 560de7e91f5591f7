"""Format-preserving keyed permutations (the FFX idea, with HMAC-SHA256 round functions).

A value's *shape* says which characters vary (digits, upper-case or lower-case ASCII letters)
and which are kept as they are (separators, fixed prefixes such as an IBAN's country code). The
varying characters form a number in a mixed radix; a keyed Feistel network permutes
``[0, a·b)`` and cycle walking restricts it to ``[0, N)`` and then to the values a validity
predicate accepts (checksum, calendar date). A permutation restricted by cycle walking is still
a permutation of the valid set, so the first candidate is injective by construction: two
different source values of one shape never get the same surrogate. Later candidates (taken only
when the first would leak a 4-character window, or is already taken in a vault) continue along
the same cycle.

The algorithm, exactly (:class:`KeyedPermutation`):

* domain: ``[0, N)``, ``N`` the number of values of the shape; split as ``a = ceil(sqrt(N))``,
  ``b = ceil(N / a)``, ``x = u·b + v`` with ``u < a``, ``v < b``. Each half must be below 2**128
  (shapes of up to about 76 digits).
* 10 rounds, alternating: even rounds ``u = (u + F(i, v)) mod a``, odd rounds
  ``v = (v + F(i, u)) mod b`` (a generalized, slightly unbalanced Feistel network with modular
  addition, as in FF1).
* round function: ``F(i, h) = int(HMAC-SHA256(K, tweak || i (1 byte) || h (16 bytes))[:16]) mod
  m``, ``K`` the HKDF sub-key of the caller's key (:func:`kp_core.anonymize.keys.derive_key`),
  ``tweak`` the type and the shape's signature (public). 128 bits reduced mod a modulus below
  2**128 has a bias under ``m / 2**128``.
* cycle walking (Black and Rogaway) until the value is below ``N`` and valid.

What this is not: it is neither NIST FF1 nor FF3-1 (SP 800-38G Rev. 1) and has no published
analysis of its own. It follows FF1's structure (10 Feistel rounds, modular addition) with
HMAC-SHA256, a PRF under standard assumptions, in place of AES. Where it falls short of the
standard: SP 800-38G Rev. 1 requires a domain of at least 1,000,000 values, because Feistel FPE
on small domains is open to message-recovery attacks from many known pairs (Bellare, Hoang and
Tessaro 2016; Durak and Vaudenay 2017); kp permutes small domains too (a 4-digit number, a date).
The tweak is not length-prefixed (it is kp's own text, printable, so it cannot end like a round
input, but that is a convention rather than a proof). Pure Python: neither constant-time nor
constant-walk (the number of cycle-walk steps shows in the time taken). Deterministic by design:
equal values under one key give equal surrogates, which is what makes pseudonyms consistent and
also what lets anyone who holds the key test a guessed value. Re-identification reads the vault;
kp never inverts this permutation. See docs/security.md.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import random
import string
from collections.abc import Callable, Iterator

import attrs

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
_ROUNDS = 10
_MAX_WALK = 2_000_000  # a safety net: expected walks are |domain| / |valid| (a few hundred at most)


def keyed_rng(key: bytes, *parts: object) -> random.Random:
    """A random generator seeded by the key and the parts: the same inputs draw the same values."""
    digest = hmac.new(key, "|".join(str(p) for p in parts).encode("utf-8"), hashlib.sha256).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


def char_class(ch: str) -> str | None:
    """The alphabet a character varies in, or None when it is kept as a literal."""
    if ch in DIGITS:
        return DIGITS
    if ch in UPPER:
        return UPPER
    if ch in LOWER:
        return LOWER
    return None


@attrs.frozen
class Shape:
    """Which positions of a value vary, and in which alphabet. ``signature`` names the shape
    (the alphabets of the varying positions and the kept characters), without separators, so the
    same ID written with or without separators is permuted the same way."""

    value: str
    positions: tuple[int, ...]
    alphabets: tuple[str, ...]
    signature: str

    @classmethod
    def of(cls, value: str, keep: Callable[[int, str], bool] = lambda i, ch: False) -> Shape:
        positions, alphabets, sig = [], [], []
        for i, ch in enumerate(value):
            alphabet = None if keep(i, ch) else char_class(ch)
            if alphabet is None:
                if ch.isalnum():
                    sig.append("=" + ch)  # kept alphanumerics are part of the shape (e.g. "IT")
                continue
            positions.append(i)
            alphabets.append(alphabet)
            sig.append({DIGITS: "9", UPPER: "A", LOWER: "a"}[alphabet])
        return cls(value, tuple(positions), tuple(alphabets), "".join(sig))

    @property
    def size(self) -> int:
        return math.prod(len(a) for a in self.alphabets)

    def encode(self, value: str) -> int:
        index = 0
        for pos, alphabet in zip(self.positions, self.alphabets, strict=True):
            index = index * len(alphabet) + alphabet.index(value[pos])
        return index

    def decode(self, index: int) -> str:
        chars = list(self.value)
        for pos, alphabet in zip(reversed(self.positions), reversed(self.alphabets), strict=True):
            index, digit = divmod(index, len(alphabet))
            chars[pos] = alphabet[digit]
        return "".join(chars)


class KeyedPermutation:
    """A keyed pseudo-random permutation of ``[0, n)``: an alternating Feistel network with
    modular addition over ``[0, a) × [0, b)`` (``a·b >= n``), cycle-walked into ``[0, n)``."""

    def __init__(self, key: bytes, tweak: str, n: int) -> None:
        if n < 1:
            raise ValueError("a permutation needs a non-empty domain")
        self.n = n
        self.a = max(1, math.isqrt(n - 1) + 1)
        self.b = max(1, -(-n // self.a))
        self._mac = hmac.new(key, tweak.encode("utf-8"), hashlib.sha256)

    def _round(self, i: int, half: int, modulus: int) -> int:
        mac = self._mac.copy()
        mac.update(i.to_bytes(1, "big") + half.to_bytes(16, "big"))
        return int.from_bytes(mac.digest()[:16], "big") % modulus

    def _once(self, x: int) -> int:
        u, v = divmod(x, self.b)
        for i in range(_ROUNDS):
            if i % 2 == 0:
                u = (u + self._round(i, v, self.a)) % self.a
            else:
                v = (v + self._round(i, u, self.b)) % self.b
        return u * self.b + v

    def __call__(self, x: int) -> int:
        y = self._once(x)
        while y >= self.n:
            y = self._once(y)
        return y


def cycle_candidates(
    key: bytes, tweak: str, shape: Shape, valid: Callable[[str], bool] = lambda s: True
) -> Iterator[str]:
    """Valid values following ``shape.value`` on its cycle of the keyed permutation, in order.

    The first one is the value's image under the permutation restricted to valid values. The
    walk ends when it comes back to the start (the valid set of that shape is exhausted)."""
    if not shape.positions:
        return
    perm = KeyedPermutation(key, f"{tweak}|{shape.signature}", shape.size)
    start = shape.encode(shape.value)
    x = start
    for _ in range(_MAX_WALK):
        x = perm(x)
        if x == start:
            return
        candidate = shape.decode(x)
        if valid(candidate):
            yield candidate
