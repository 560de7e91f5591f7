"""Turn a ``--base`` value into something transformers can load."""

from __future__ import annotations

from pathlib import Path

from kp_core.bases.cache import ensure_built
from kp_core.bases.registry import builtin_names, get_builtin


def looks_like_path(value: str) -> bool:
    """Paths the user meant as folders (so a missing one is an error, not a Hub id)."""
    return value.startswith((".", "/", "~", "\\")) or Path(value).is_absolute() or (len(value) > 1 and value[1] == ":")


def resolve_base(name_or_path: str | Path, *, root: Path | None = None, progress: bool = True) -> Path | str:
    """A local folder for a built-in name, a folder or a Hub id.

    - a built-in base name (``kp bases`` lists them): its cached reconstruction, built on first use;
    - an existing folder: that folder;
    - a value written as a path that does not exist: FileNotFoundError;
    - a Hub id ``ORG/NAME[@REV]``: its snapshot in the Hub cache (pulled unless cached; offline,
      the cache only), so every family loads a local folder;
    - anything else: returned unchanged (the family's loader names what is wrong).
    """
    if isinstance(name_or_path, Path):
        value = str(name_or_path)
        explicit_path = True
    else:
        value = name_or_path.strip()
        explicit_path = looks_like_path(value)
    if not value:
        raise ValueError("empty base: give a built-in base name, a folder or a Hugging Face id")
    builtin = None if explicit_path else get_builtin(value)
    if builtin is not None:
        return ensure_built(builtin, root=root, progress=progress)
    folder = Path(value).expanduser()
    if folder.is_dir():
        return folder
    if explicit_path or folder.exists():
        reason = "is not a folder" if folder.exists() else "does not exist"
        raise FileNotFoundError(
            f"base {value!r} {reason}; give a model folder, a Hugging Face id or one of the built-in "
            f"bases: {', '.join(builtin_names())}"
        )
    from kp_core.hub.refs import hub_ref_or_none

    ref = hub_ref_or_none(value)
    if ref is None or ref.path:
        return value
    from kp_core.hub.pull import pull_model

    return pull_model(ref, what="base", progress=progress)
