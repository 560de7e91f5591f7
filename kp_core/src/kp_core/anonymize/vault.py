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
* For every pseudonymized document the vault keeps a *record*: where each surrogate sits in the
  output and what stood there in the source, encrypted and found by a keyed hash of the output
  text. :mod:`kp_core.anonymize.reidentify` restores an unchanged output exactly from it.
* Several processes may write one vault: the schema is created inside a ``BEGIN IMMEDIATE``
  transaction (a process that finds an empty file waits for the one creating it), writes take
  the write lock up front and wait for it (busy timeout), and :meth:`Vault.assign` tells "this
  source already has a surrogate (perhaps from another process)" from "this surrogate is taken".

Files written before document records existed still open: the records table is added on
opening (when the file is writable) and texts without a record are re-identified by the token
fallback.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import time
from collections.abc import Collection, Sequence
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kp_core.anonymize.keys import derive_key
from kp_core.anonymize.leaks import squeeze
from kp_core.errors import KpError

FORMAT = "kp-vault-1"
_CHECK_PLAINTEXT = b"kp vault key check"
# How long a writer waits for another process's transaction (a bulk batch holds the write lock
# while it assigns surrogates) before giving up with an error.
BUSY_TIMEOUT_S = 120.0
# A write transaction is committed once it is this old, at the next write: a batch whose
# surrogates take long to find (checksum-valid IDs) does not keep the other writers waiting.
# Assignments are final when made, so committing part of a batch early changes nothing.
_HOLD_S = 1.0
_LONGEST = "surrogate_chars"  # meta: the most non-space characters of any surrogate
_IN_CHUNK = 500  # keyed hashes per indexed "IN (...)" query
_TABLES = ("meta", "entries", "documents")

Replacement = tuple[int, int, str]  # output start, output end, the source text that stood there


class VaultError(KpError, RuntimeError):
    """A vault file that cannot be used (missing, not a vault, corrupted)."""


class VaultKeyError(VaultError):
    """The key does not open this vault."""


def source_key(value: str) -> str:
    """How values are compared: whitespace removed, case folded."""
    return squeeze(value).casefold()


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


class Vault:
    """An open vault. Use :meth:`open`; close it (or use it as a context manager) when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection, master: bytes, salt: bytes) -> None:
        self.path = path
        self._db = connection
        self._aead = AESGCM(derive_key(master, f"kp vault aes-gcm {salt.hex()}"))
        self._lookup_key = derive_key(master, f"kp vault lookup {salt.hex()}")
        self._records = "documents" in _tables(connection)
        self._longest_claimed = 0  # longest surrogate claimed in the open transaction
        self._since = 0.0  # when the open write transaction began

    @classmethod
    def open(cls, path: str | os.PathLike[str], master: bytes, *, create: bool = True) -> Vault:
        path = Path(path)
        if not path.exists():
            if not create:
                raise VaultError(f"{path}: no such vault")
            path.parent.mkdir(parents=True, exist_ok=True)
            # No O_EXCL: two processes may create one vault; the schema transaction decides.
            os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.DatabaseError as exc:
            raise VaultError(f"{path}: cannot be opened ({exc})") from None
        try:
            connection.execute("PRAGMA journal_mode=DELETE")
            cls._prepare(connection, path, master, create)
            salt = cls._check(connection, path, master)
        except VaultError:
            connection.close()
            raise
        except sqlite3.OperationalError as exc:
            connection.close()
            raise VaultError(f"{path}: cannot be opened ({exc})") from None
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise VaultError(f"{path}: not a kp vault ({exc})") from None
        return cls(path, connection, master, salt)

    @classmethod
    def _prepare(cls, connection: sqlite3.Connection, path: Path, master: bytes, create: bool) -> None:
        """Create the schema of an empty file, or add the records table to an older vault."""
        if set(_TABLES) <= _tables(connection):
            return
        try:
            connection.execute("BEGIN IMMEDIATE")  # waits for a process creating the same file
        except sqlite3.OperationalError:
            if {"meta", "entries"} <= _tables(connection):
                return  # an older vault on read-only storage: usable, without records
            raise
        try:
            tables = _tables(connection)
            if not tables:
                if not create:
                    raise VaultError(f"{path}: an empty file, not a kp vault")
                cls._create_schema(connection, master, secrets.token_bytes(16))
            elif not {"meta", "entries"} <= tables:
                raise VaultError(f"{path}: not a kp vault (a database without the vault tables)")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS documents "
                "(text_id BLOB PRIMARY KEY, nonce BLOB NOT NULL, payload BLOB NOT NULL)"
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    @staticmethod
    def _create_schema(connection: sqlite3.Connection, master: bytes, salt: bytes) -> None:
        aead = AESGCM(derive_key(master, f"kp vault aes-gcm {salt.hex()}"))
        nonce = secrets.token_bytes(12)
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
                (_LONGEST, 0),
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
            raise VaultKeyError(f"{path}: the key does not open this vault (wrong key)") from None
        return salt

    def _id(self, kind: str, value: str) -> bytes:
        return self.keyed_id(kind, source_key(value))

    def keyed_id(self, kind: str, key: str) -> bytes:
        """The keyed hash of an already normalised value (see :func:`source_key`)."""
        return hmac.new(self._lookup_key, f"{kind}|{key}".encode(), hashlib.sha256).digest()

    def _decrypt(self, row_id: bytes, nonce: bytes, payload: bytes) -> dict | list:
        try:
            return json.loads(self._aead.decrypt(nonce, payload, row_id))
        except InvalidTag:
            raise VaultError(f"{self.path}: an entry fails authentication (the file was altered)") from None

    def _begin(self) -> None:
        # The write lock is taken up front: a deferred transaction that must upgrade a read lock
        # while another process commits gets "database is locked" at once, without waiting.
        if self._db.in_transaction:
            if time.monotonic() - self._since < _HOLD_S:
                return
            self.commit()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise VaultError(
                f"{self.path}: another process held the vault's write lock for over {BUSY_TIMEOUT_S:.0f} s ({exc})"
            ) from None
        self._since = time.monotonic()

    # -- entries ------------------------------------------------------------------------------

    def lookup(self, value: str) -> str | None:
        """The surrogate recorded for a source value, if any."""
        source_id = self._id("source", value)
        row = self._db.execute("SELECT nonce, payload FROM entries WHERE source_id = ?", (source_id,)).fetchone()
        return None if row is None else self._decrypt(source_id, *row)["surrogate"]

    def assign(self, label: str, source: str, surrogate: str) -> str | None:
        """Record ``source → surrogate`` and return the surrogate ``source`` now has: ``surrogate``,
        or the one already recorded for ``source`` (by this or another process); None when
        ``surrogate`` belongs to another source (try the next candidate)."""
        source_id = self._id("source", source)
        nonce = secrets.token_bytes(12)
        payload = self._aead.encrypt(
            nonce, json.dumps({"source": source, "surrogate": surrogate}).encode("utf-8"), source_id
        )
        self._begin()
        try:
            self._db.execute(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?)",
                (source_id, self._id("surrogate", surrogate), label, nonce, payload),
            )
        except sqlite3.IntegrityError:
            return self.lookup(source)  # under the write lock: what is read here is final
        self._longest_claimed = max(self._longest_claimed, len(squeeze(surrogate)))
        return surrogate

    def claim(self, label: str, source: str, surrogate: str) -> bool:
        """Record ``source → surrogate``; False if the surrogate belongs to another source or the
        source already has another surrogate (:meth:`assign` says which)."""
        return self.assign(label, source, surrogate) == surrogate

    def surrogates(self, keys: Collection[str]) -> dict[str, tuple[str, str]]:
        """``{key: (surrogate, source)}`` for the normalised values among ``keys`` that are
        recorded surrogates: indexed look-ups; only the matching entries are decrypted."""
        ids = {self.keyed_id("surrogate", key): key for key in keys}
        found: dict[str, tuple[str, str]] = {}
        pending = list(ids)
        for start in range(0, len(pending), _IN_CHUNK):
            chunk = pending[start : start + _IN_CHUNK]
            rows = self._db.execute(
                "SELECT surrogate_id, source_id, nonce, payload FROM entries "
                f"WHERE surrogate_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            for surrogate_id, source_id, nonce, payload in rows:
                entry = self._decrypt(source_id, nonce, payload)
                found[ids[surrogate_id]] = (entry["surrogate"], entry["source"])
        return found

    def longest_surrogate(self) -> int:
        """The most non-space characters of any recorded surrogate (bounds the token fallback)."""
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (_LONGEST,)).fetchone()
        longest = max(int(row[0]) if row is not None else 0, self._longest_claimed)
        if row is None and len(self):
            # A vault written before this figure was kept: computed once, then stored.
            longest = max(len(squeeze(surrogate)) for surrogate in self.mapping())
            try:
                self._begin()
                self._store_longest(longest)
                self.commit()
            except sqlite3.OperationalError:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
        return longest

    def _store_longest(self, longest: int) -> None:
        self._db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)",
            (_LONGEST, longest),
        )

    def commit(self) -> None:
        if not self._db.in_transaction:
            return
        if self._longest_claimed:
            self._store_longest(self._longest_claimed)
        self._db.execute("COMMIT")
        self._longest_claimed = 0

    def mapping(self) -> dict[str, str]:
        """Every ``surrogate → source`` pair (decrypted in memory)."""
        out = {}
        for source_id, nonce, payload in self._db.execute("SELECT source_id, nonce, payload FROM entries"):
            entry = self._decrypt(source_id, nonce, payload)
            out[entry["surrogate"]] = entry["source"]
        return out

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    # -- document records ---------------------------------------------------------------------

    def _text_id(self, text: str) -> bytes:
        return hmac.new(self._lookup_key, b"document|" + text.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()

    def record(self, text: str, replacements: Sequence[Replacement]) -> None:
        """Keep where each surrogate of the output ``text`` sits and what it replaced. When two
        sources pseudonymize to the same output, the first record is kept."""
        if not self._records:
            raise VaultError(f"{self.path}: read-only vault written by an older version; cannot record documents")
        text_id = self._text_id(text)
        nonce = secrets.token_bytes(12)
        payload = self._aead.encrypt(nonce, json.dumps(list(replacements)).encode("utf-8"), text_id)
        self._begin()
        self._db.execute("INSERT OR IGNORE INTO documents VALUES (?, ?, ?)", (text_id, nonce, payload))

    def replacements(self, text: str) -> list[Replacement] | None:
        """The record of an output ``text`` (None if the vault holds none for this exact text)."""
        if not self._records:
            return None
        text_id = self._text_id(text)
        row = self._db.execute("SELECT nonce, payload FROM documents WHERE text_id = ?", (text_id,)).fetchone()
        if row is None:
            return None
        return [(int(start), int(end), str(source)) for start, end, source in self._decrypt(text_id, *row)]

    def documents(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] if self._records else 0

    def close(self) -> None:
        self.commit()
        self._db.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
