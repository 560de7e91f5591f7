"""Find data files inside installed wheels, without importing their packages.

A wheel's RECORD lists each file with its sha256, which gives a cheap cache key and lets a build
check that the file on disk is the one the wheel shipped.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as md
from pathlib import Path

import attrs

from kp_core.errors import KpError


class SourceMissing(KpError, LookupError):
    """A distribution (or a file in it) a built-in base is made from is not installed."""


@attrs.frozen
class WheelFile:
    distribution: str
    version: str
    relative: str
    path: Path
    # sha256 from the wheel's RECORD, hex; None when the installer recorded none.
    recorded_sha256: str | None

    def sha256(self) -> str:
        """The recorded sha256, or the file's own when RECORD has none."""
        return self.recorded_sha256 or file_sha256(self.path)

    def verify(self) -> None:
        """Raise if the file on disk differs from what the wheel recorded."""
        if self.recorded_sha256 is None:
            return
        actual = file_sha256(self.path)
        if actual != self.recorded_sha256:
            raise SourceMissing(
                f"{self.path} (from {self.distribution} {self.version}) does not match the wheel's "
                f"record (sha256 {actual[:12]}..., expected {self.recorded_sha256[:12]}...); reinstall it"
            )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()


def find_wheel_file(distribution: str, relative: str, *, install_hint: str) -> WheelFile:
    """Locate ``relative`` (a path as written in RECORD) inside the installed ``distribution``."""
    try:
        dist = md.distribution(distribution)
    except md.PackageNotFoundError:
        raise SourceMissing(f"the {distribution!r} distribution is not installed; {install_hint}") from None
    for entry in dist.files or ():
        if str(entry).replace("\\", "/") != relative:
            continue
        path = Path(str(entry.locate())).resolve()
        if not path.is_file():
            break
        recorded = None
        if entry.hash is not None and entry.hash.mode == "sha256":
            padded = entry.hash.value + "=" * (-len(entry.hash.value) % 4)
            recorded = base64.urlsafe_b64decode(padded).hex()
        return WheelFile(distribution, dist.version, relative, path, recorded)
    raise SourceMissing(f"{distribution} {dist.version} is installed but has no file {relative}; {install_hint}")
