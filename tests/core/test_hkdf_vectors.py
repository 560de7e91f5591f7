"""kp's sub-keys come from cryptography's HKDF-SHA256 and equal what kp's earlier hand-written HKDF
derived (the literal vectors below were computed with it before the switch), so pseudonyms, vault
keys and key ids made before keep their values. Plus the RFC 5869 SHA-256 test vectors."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kp_core.anonymize.keys import HKDF_SALT, derive_key, key_id

MASTER = bytes(range(32))

# (purpose, length, hex) from kp's earlier derive_key (hmac-based, salt b"kp-hkdf-salt-v1").
EARLIER = [
    ("kp surrogates v1", 32, "773eb8c7b5d77195cdb70ae700a947548793e29766fe85ef4d983418915ccdab"),
    ("kp hash operator v1", 32, "1aa221d1d7a3d7aaa6594c27536c9ff23e295dec4c2907fd42aeedceb945db35"),
    (
        "kp vault aes-gcm 00112233445566778899aabbccddeeff",
        32,
        "44f47b43f7d350229f04f7a4745290d9625ab3a19ebd1e3fbda4597ca4db0aed",
    ),
    (
        "kp vault lookup 00",
        64,
        "b006728b2745d0bbb15529c6219e31bed8345c53a9cdd7723759937b04692dfc"
        "ff8227c1ced9507862d8ac8c65b1e6a9ef9963de56ceead6861a660675e62ab9",
    ),
    (
        "purpose é ключ",
        100,
        "db05fa6d0cc27fc583bfb998e3e155397fcd5d9ed6b96f6f9009c83e2162b1a695bed0fcd3bde1bc1d04c2b6e773e163"
        "6b6081f0a87cf9b86b9b9ed13fa21422a69518cf9c507b9b3bea558bfc3b85a3653fab36848aad9e34f02e012b3e1998"
        "49edf9e3",
    ),
    ("", 1, "a4"),
]


@pytest.mark.parametrize(("purpose", "length", "expected"), EARLIER)
def test_derived_keys_equal_the_earlier_implementation(purpose: str, length: int, expected: str) -> None:
    assert derive_key(MASTER, purpose, length).hex() == expected


def test_a_text_key_and_the_key_id_keep_their_earlier_values() -> None:
    assert (
        derive_key(b"correct horse battery staple", "kp surrogates v1").hex()
        == "7bcb203f9ce6648edadbd1ba402abcaadb7bf88c672bc2a3351e56e02c59bad0"
    )
    assert key_id(MASTER, "vault") == "3c321ad0a1ea791949863255be362ecc"


def test_derive_key_is_cryptographys_hkdf_with_kps_salt() -> None:
    expected = HKDF(algorithm=hashes.SHA256(), length=48, salt=HKDF_SALT, info=b"x").derive(b"k" * 16)
    assert derive_key(b"k" * 16, "x", 48) == expected


# RFC 5869 appendix A, test cases 1-3 (SHA-256): (ikm, salt, info, length, okm).
RFC5869 = [
    (
        "0b" * 22,
        "000102030405060708090a0b0c",
        "f0f1f2f3f4f5f6f7f8f9",
        42,
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    ),
    (
        bytes(range(0x00, 0x50)).hex(),
        bytes(range(0x60, 0xB0)).hex(),
        bytes(range(0xB0, 0x100)).hex(),
        82,
        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
        "da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
    ),
    ("0b" * 22, "", "", 42, "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
]


def _hand_written_hkdf(ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    """kp's earlier HKDF, kept here as the reference the switch was checked against."""
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


@pytest.mark.parametrize(("ikm", "salt", "info", "length", "okm"), RFC5869)
def test_rfc5869_vectors(ikm: str, salt: str, info: str, length: int, okm: str) -> None:
    args = (bytes.fromhex(ikm), bytes.fromhex(salt), bytes.fromhex(info), length)
    assert _hand_written_hkdf(*args).hex() == okm
    assert (
        HKDF(algorithm=hashes.SHA256(), length=length, salt=args[1] or None, info=args[2]).derive(args[0]).hex() == okm
    )


def test_the_earlier_implementation_with_kps_salt_is_what_derive_key_gives() -> None:
    for purpose, length, _ in EARLIER:
        assert derive_key(MASTER, purpose, length) == _hand_written_hkdf(MASTER, HKDF_SALT, purpose.encode(), length)
