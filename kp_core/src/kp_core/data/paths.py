"""Checks on the files a command reads and writes, made before any work starts, and atomic writes.

Every problem is reported as what (the option that named the path), which path and why, before a
model loads or a file is opened for writing, instead of as a traceback half-way through a run.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

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


def atomic_write_text(path: PathLike, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path`` and rename it over ``path`` once complete,
    so a failure never leaves a half-written file (a symlinked ``path`` updates its target)."""
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _file_mode(target: Path) -> int:
    """The existing file's mode, else what a plain ``open`` would give under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
