"""Checks on the files a command reads and writes, made before any work starts, and atomic writes.

Every problem is reported as what (the option that named the path), which path and why, before a
model loads or a file is opened for writing, instead of as a traceback half-way through a run.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from kp_core.errors import KpError

PathLike = str | os.PathLike[str]

# Exit status of a command refused for a path problem: the same as click's own path checks.
PATH_EXIT_CODE = 2

_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
    errno.EEXIST: "a file is in the way (a folder is needed there)",
    errno.ENAMETOOLONG: "name too long",
    errno.ELOOP: "too many levels of symbolic links",
}


class PathProblem(KpError, ValueError):
    """A path that cannot be used; the message names the option, the path and the reason."""


def describe_os_error(exc: OSError) -> str:
    """``PATH: reason`` for a failed file operation, in the words the checks below use."""
    reason = _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    where = os.fspath(exc.filename) if exc.filename is not None else "a file"
    if exc.filename2 is not None:
        where += f" -> {os.fspath(exc.filename2)}"
    return f"{where}: {reason}"


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if os.path.lexists(candidate):
            return candidate
    return Path(".")


def check_input_file(path: PathLike, what: str) -> None:
    """Refuse an input that is missing, a folder or unreadable."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise PathProblem(f"{what} {os.fspath(path)}: {_REASONS.get(exc.errno or 0, exc.strerror)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise PathProblem(f"{what} {os.fspath(path)}: is a folder, not a file")
    if not os.access(path, os.R_OK):
        raise PathProblem(f"{what} {os.fspath(path)}: not readable (permission denied)")


def check_output_file(path: PathLike, what: str) -> None:
    """Refuse an output that is a folder, not writable, or whose folder cannot hold it.

    A missing folder is fine when it can be created (the writers create it); its nearest existing
    ancestor must be a writable folder. The folder itself must be writable even when the file
    exists, because outputs are replaced atomically and keep side files (progress) beside them.
    """
    shown = os.fspath(path)
    target = Path(path)
    if target.is_dir():
        raise PathProblem(f"{what} {shown}: is a folder, not a file")
    if target.exists() and not os.access(target, os.W_OK):
        raise PathProblem(f"{what} {shown}: not writable (permission denied)")
    folder = _nearest_existing(target.parent)
    if not folder.is_dir():
        raise PathProblem(f"{what} {shown}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PathProblem(f"{what} {shown}: folder {folder} is not writable (permission denied)")


def _identity(path: PathLike) -> tuple:
    """What makes two paths one file: the inode when it exists (symlinks, hard links, relative
    forms), else the resolved absolute path."""
    try:
        info = os.stat(path)
    except OSError:
        return ("path", os.path.normcase(os.path.realpath(path)))
    return ("inode", info.st_dev, info.st_ino)


def refuse_same_file(written: Mapping[str, PathLike | None], read: Mapping[str, PathLike | None] | None = None) -> None:
    """Refuse when a written path is the same file as any other named path (``-`` and None are
    skipped); two paths that are only read may be one file."""
    named = [(what, path, True) for what, path in written.items()]
    named += [(what, path, False) for what, path in (read or {}).items()]
    seen: dict[tuple, tuple[str, str, bool]] = {}
    for what, path, writes in named:
        if path is None or os.fspath(path) == "-":
            continue
        identity = _identity(path)
        other = seen.get(identity)
        if other is not None and (writes or other[2]):
            raise PathProblem(
                f"{other[0]} {other[1]} and {what} {os.fspath(path)} are the same file; "
                "writing one would destroy the other, choose distinct files"
            )
        seen.setdefault(identity, (what, os.fspath(path), writes))


# Files that hold text of the input (rows, predictions, dumps, vaults, keys) are created with
# this mode whatever the umask; reports follow the umask (docs/cli.md, "Modes").
PRIVATE_MODE = 0o600


@contextlib.contextmanager
def atomic_output(path: PathLike, *, private: bool, binary: bool = False) -> Iterator[IO[Any]]:
    """A file handle whose content replaces ``path`` only once the ``with`` block completes.

    The content goes to a temporary file beside ``path`` with a name unique to this writer
    (``mkstemp``), so two runs writing one target never share a temporary file; it is flushed,
    synced to disk and renamed over ``path`` (a symlinked ``path`` updates its target). An
    exception leaves ``path`` as it was and removes the temporary file. ``private`` files get
    ``0600``; the others keep the mode of the file they replace, else follow the umask. Text
    handles are UTF-8 with ``\n`` line ends.
    """
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        handle = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, PRIVATE_MODE if private else _file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)


def atomic_write_text(path: PathLike, text: str, *, private: bool = False) -> None:
    """Write ``text`` to ``path`` through :func:`atomic_output`: a failure never leaves a
    half-written file. Reports keep the default (the umask); pass ``private=True`` for a file that
    holds text of the input."""
    with atomic_output(path, private=private) as handle:
        handle.write(text)


def atomic_write_jsonl(rows: Iterable[Mapping[str, Any]], path: PathLike, *, private: bool = True) -> int:
    """kp's one JSONL writer: one JSON object per line (UTF-8, ``\n``, non-ASCII kept), gzip when
    the name ends in ``.gz`` (with a fixed timestamp, so the same rows give the same bytes), written
    atomically through :func:`atomic_output`. Rows hold text of the input, so the file is ``0600``
    unless ``private=False``. Returns the number of rows written."""
    count = 0
    with atomic_output(path, private=private, binary=True) as raw:
        compressed = gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) if _gzipped(path) else None
        text = io.TextIOWrapper(compressed or raw, encoding="utf-8", newline="\n")
        try:
            for row in rows:
                text.write(json.dumps(row, ensure_ascii=False))
                text.write("\n")
                count += 1
            text.flush()
        except BaseException:
            with contextlib.suppress(Exception):
                text.detach()
            raise
        text.detach()  # the handle itself belongs to atomic_output, which syncs and closes it
        if compressed is not None:
            compressed.close()  # writes the gzip trailer
    return count


def _gzipped(path: PathLike) -> bool:
    return os.fspath(path).endswith(".gz")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform opens folders)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _file_mode(target: Path) -> int:
    """The existing file's mode, else what a plain ``open`` would give under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where the platform allows (``os.umask`` can only
    be read by setting it, which races with threads creating files)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
