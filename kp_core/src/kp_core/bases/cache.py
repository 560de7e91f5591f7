"""Where built-in bases are cached, and how a build lands there atomically.

A build writes into a temporary folder beside its final place and renames it in, so a reader
sees either no folder or a complete one. A lock file keeps concurrent builders (two processes
training at once) from doing the work twice; the rename alone already keeps them correct.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kp_core.bases.registry import BuiltinBase
from kp_core.bases.sources import WheelFile

MARKER = "kp-base.json"


def cache_root() -> Path:
    """``$KP_CACHE_DIR`` if set, else the platform's user cache folder for kp."""
    override = os.environ.get("KP_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kp"
    if os.name == "nt":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "kp" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "kp"


def bases_dir(root: Path | None = None) -> Path:
    return (root or cache_root()) / "bases"


def cache_key(base: BuiltinBase, files: list[WheelFile]) -> str:
    """Changes with the recipe or any source file, so a new wheel never reuses an old build."""
    digest = hashlib.sha256(f"{base.name}:{base.recipe_version}".encode())
    for source in files:
        digest.update(f"{source.distribution}:{source.relative}:{source.sha256()}".encode())
    return digest.hexdigest()[:16]


def read_marker(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_complete(folder: Path, key: str) -> bool:
    marker = read_marker(folder)
    return marker is not None and marker.get("key") == key


@contextlib.contextmanager
def exclusive_lock(path: Path, *, poll_seconds: float = 0.2) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed) for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    time.sleep(poll_seconds)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def ensure_built(base: BuiltinBase, *, root: Path | None = None, progress: bool = False) -> Path:
    """The cached folder of ``base``, building it first if it is not there yet."""
    recipe = base.recipe_module()
    files = recipe.sources()
    key = cache_key(base, files)
    parent = bases_dir(root)
    final = parent / f"{base.name}-{key}"
    if is_complete(final, key):
        return final
    with exclusive_lock(parent / f".{base.name}-{key}.lock"):
        if is_complete(final, key):  # another process finished it while we waited
            return final
        if final.exists():  # a folder without a valid marker is not ours to trust
            shutil.rmtree(final)
        staging = Path(tempfile.mkdtemp(prefix=f".{base.name}-building-", dir=parent))
        os.chmod(staging, 0o755)  # mkdtemp makes it private; the cache is an ordinary folder
        try:
            started = time.perf_counter()
            provenance = recipe.build(staging, files, progress=progress)
            marker = {
                "key": key,
                "name": base.name,
                "recipe_version": base.recipe_version,
                "sources": [
                    {"distribution": f.distribution, "version": f.version, "file": f.relative, "sha256": f.sha256()}
                    for f in files
                ],
                "build_seconds": round(time.perf_counter() - started, 2),
                **provenance,
            }
            (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
            os.replace(staging, final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return final


def cached_folder(base: BuiltinBase, *, root: Path | None = None) -> Path | None:
    """The complete cached folder of ``base`` if one exists now (never builds)."""
    key = cache_key(base, base.recipe_module().sources())
    final = bases_dir(root) / f"{base.name}-{key}"
    return final if is_complete(final, key) else None
