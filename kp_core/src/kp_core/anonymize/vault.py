"""The pseudonym vault: a SQLite file mapping surrogates back to their originals.

* Originals (and their surrogates) are stored only encrypted, with AES-256-GCM under a key
  derived (HKDF-SHA256) from the user's key and a per-vault random salt; the row id is bound as
  associated data, so rows cannot be swapped.
* Lookups go through keyed hashes (HMAC-SHA256 of the normalised value), never plain text: the
  file alone does not even reveal whether a given person is in it.
* The file is created with permissions 0600.
* A wrong key fails on opening, against an encrypted check record, before any output.
* Surrogates are unique in the vault (a UNIQUE keyed-hash column), so the pseudonymizer can
  detect and resolve collisions deterministically: this is what makes the mapping bijective.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import sqlite3
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kp_core.anonymize.keys import derive_key
from kp_core.anonymize.leaks import squeeze

FORMAT = "kp-vault-1"
_CHECK_PLAINTEXT = b"kp vault key check"


class VaultError(RuntimeError):
    """A vault file that cannot be used (missing, not a vault, corrupted)."""


class VaultKeyError(VaultError):
    """The key does not open this vault."""


def source_key(value: str) -> str:
    """How values are compared: whitespace removed, case folded."""
    return squeeze(value).casefold()


class Vault:
    """An open vault. Use :meth:`open`; close it (or use it as a context manager) when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection, master: bytes, salt: bytes) -> None:
        self.path = path
        self._db = connection
        self._aead = AESGCM(derive_key(master, f"kp vault aes-gcm {salt.hex()}"))
        self._lookup_key = derive_key(master, f"kp vault lookup {salt.hex()}")

    @classmethod
    def open(cls, path: str | os.PathLike[str], master: bytes, *, create: bool = True) -> Vault:
        path = Path(path)
        fresh = not path.exists()
        if fresh:
            if not create:
                raise VaultError(f"{path}: no such vault")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        try:
            connection = sqlite3.connect(path)
            connection.execute("PRAGMA journal_mode=DELETE")
            if fresh:
                salt = secrets.token_bytes(16)
                cls._create_schema(connection, master, salt)
            salt = cls._check(connection, path, master)
        except sqlite3.DatabaseError as exc:
            raise VaultError(f"{path}: not a kp vault ({exc})") from None
        return cls(path, connection, master, salt)

    @staticmethod
    def _create_schema(connection: sqlite3.Connection, master: bytes, salt: bytes) -> None:
        aead = AESGCM(derive_key(master, f"kp vault aes-gcm {salt.hex()}"))
        nonce = secrets.token_bytes(12)
        with connection:
            connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
            connection.execute(
                "CREATE TABLE entries (source_id BLOB PRIMARY KEY, surrogate_id BLOB NOT NULL UNIQUE, "
                "label TEXT NOT NULL, nonce BLOB NOT NULL, payload BLOB NOT NULL)"
            )
            connection.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("format", FORMAT.encode()),
                    ("salt", salt),
                    ("check", nonce + aead.encrypt(nonce, _CHECK_PLAINTEXT, b"check")),
                ],
            )

    @staticmethod
    def _check(connection: sqlite3.Connection, path: Path, master: bytes) -> bytes:
        meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
        if meta.get("format") != FORMAT.encode():
            raise VaultError(f"{path}: not a {FORMAT} file")
        salt, check = meta["salt"], meta["check"]
        aead = AESGCM(derive_key(master, f"kp vault aes-gcm {salt.hex()}"))
        try:
            aead.decrypt(check[:12], check[12:], b"check")
        except InvalidTag:
            connection.close()
            raise VaultKeyError(f"{path}: the key does not open this vault (wrong key)") from None
        return salt

    def _id(self, kind: str, value: str) -> bytes:
        return hmac.new(self._lookup_key, f"{kind}|{source_key(value)}".encode(), hashlib.sha256).digest()

    def _decrypt(self, row_id: bytes, nonce: bytes, payload: bytes) -> dict:
        try:
            return json.loads(self._aead.decrypt(nonce, payload, row_id))
        except InvalidTag:
            raise VaultError(f"{self.path}: an entry fails authentication (the file was altered)") from None

    def lookup(self, value: str) -> str | None:
        """The surrogate recorded for a source value, if any."""
        source_id = self._id("source", value)
        row = self._db.execute("SELECT nonce, payload FROM entries WHERE source_id = ?", (source_id,)).fetchone()
        return None if row is None else self._decrypt(source_id, *row)["surrogate"]

    def surrogate_taken(self, surrogate: str) -> bool:
        row = self._db.execute("SELECT 1 FROM entries WHERE surrogate_id = ?", (self._id("surrogate", surrogate),))
        return row.fetchone() is not None

    def claim(self, label: str, source: str, surrogate: str) -> bool:
        """Record ``source → surrogate``; False if the surrogate belongs to another source."""
        source_id = self._id("source", source)
        nonce = secrets.token_bytes(12)
        payload = self._aead.encrypt(
            nonce, json.dumps({"source": source, "surrogate": surrogate}).encode("utf-8"), source_id
        )
        try:
            self._db.execute(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?)",
                (source_id, self._id("surrogate", surrogate), label, nonce, payload),
            )
        except sqlite3.IntegrityError:
            return False
        return True

    def commit(self) -> None:
        self._db.commit()

    def mapping(self) -> dict[str, str]:
        """Every ``surrogate → source`` pair (decrypted in memory)."""
        out = {}
        for source_id, nonce, payload in self._db.execute("SELECT source_id, nonce, payload FROM entries"):
            entry = self._decrypt(source_id, nonce, payload)
            out[entry["surrogate"]] = entry["source"]
        return out

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def reidentify(self, text: str) -> str:
        """Replace every recorded surrogate in ``text`` by its source (longest surrogates first;
        upper- and lower-case renderings of a surrogate are reversed to the same casing)."""
        pairs: dict[str, str] = {}
        for surrogate, source in self.mapping().items():
            pairs.setdefault(surrogate, source)
            pairs.setdefault(surrogate.upper(), source.upper())
            pairs.setdefault(surrogate.lower(), source.lower())
        if not pairs:
            return text
        pattern = re.compile("|".join(re.escape(s) for s in sorted(pairs, key=len, reverse=True)))
        return pattern.sub(lambda m: pairs[m.group()], text)

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
