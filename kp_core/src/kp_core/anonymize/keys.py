"""Secret keys for keyed operators (hash, pseudonymize) and the vault.

A key comes from the caller (bytes or str) or from ``KP_PSEUDONYM_KEY``. Without one, keyed
operators refuse to run: an unkeyed pseudonym can be inverted by anyone who has the code. A
random per-run key is only used when the caller asks for it explicitly (``random_key=True``);
its pseudonyms are then unlinkable across runs and irreversible once the process ends.
Sub-keys for each purpose are derived with HKDF-SHA256 (``cryptography``), so one user key never
serves two roles. docs/security.md says what the keys protect and what they do not.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from kp_core.errors import KpError

KEY_ENV = "KP_PSEUDONYM_KEY"
MIN_KEY_BYTES = 16
HKDF_SALT = b"kp-hkdf-salt-v1"  # fixed: changing it changes every derived key (pseudonyms, vaults)


class MissingKeyError(KpError, ValueError):
    """A keyed operator was asked to run without a key."""


def resolve_key(key: bytes | str | None = None, *, random_key: bool = False) -> bytes:
    """The caller's key, else ``KP_PSEUDONYM_KEY``, else a random key if explicitly allowed."""
    if key is None:
        key = os.environ.get(KEY_ENV) or None
    if key is None:
        if random_key:
            return secrets.token_bytes(32)
        raise MissingKeyError(
            f"a secret key is required: pass key=... (--key-file on the command line), set {KEY_ENV}, or ask "
            "for a throw-away per-run key (random_key=True; --random-key with kp deidentify) if the "
            "pseudonyms need not be stable or reversible"
        )
    raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if len(raw) < MIN_KEY_BYTES:
        raise MissingKeyError(
            f"the key has {len(raw)} bytes; at least {MIN_KEY_BYTES} are required "
            "(for example 32 random bytes, hex-encoded)"
        )
    return raw


def derive_key(master: bytes, purpose: str, length: int = 32) -> bytes:
    """HKDF-SHA256 (RFC 5869) of ``master`` for one ``purpose`` (the HKDF ``info``), with kp's fixed
    salt: one sub-key per purpose, so a key never serves two roles. At most 8160 bytes (255 blocks).
    Uses ``cryptography``'s HKDF; the output is the same as kp's earlier hand-written HKDF, so
    existing pseudonyms, vaults and key ids keep their values (tests/core/test_hkdf_vectors.py)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=length, salt=HKDF_SALT, info=purpose.encode("utf-8")).derive(master)


def read_key_file(path: str | os.PathLike[str]) -> bytes:
    """A key stored in a file: its bytes with surrounding whitespace removed."""
    with open(path, "rb") as handle:
        raw = handle.read().strip()
    if not raw:
        raise MissingKeyError(f"{os.fspath(path)}: the key file is empty")
    return resolve_key(raw)


def key_id(key: bytes, purpose: str) -> str:
    """A keyed fingerprint that tells whether two runs used the same key, without revealing it:
    HMAC-SHA256 of a fixed label under the key's sub-key for ``purpose`` (hex, 128 bits)."""
    return hmac.new(derive_key(key, f"kp key id {purpose}"), b"kp key id v1", hashlib.sha256).hexdigest()[:32]
