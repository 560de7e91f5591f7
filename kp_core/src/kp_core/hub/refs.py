"""Hub references: ``ORG/NAME[@REV][:PATH]`` (``hf://`` and ``hf://datasets/`` prefixes allowed).

Local paths always win: a reference is read as a Hub one only when nothing of that name exists
here and it is not written as a path (``./x``, ``/x``, ``~/x``, ``a/b/c``), so a typo in a local
path is still "no such file", never a Hub lookup.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from kp_core.errors import KpError

# The Hub's own rule for repository ids: owner and name of letters, digits, '-', '_' and '.',
# neither starting nor ending with '-' or '.', at most 96 characters in all.
_PART = r"[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?"
_REF = re.compile(
    rf"^(?:hf://(?:(?P<kind>datasets|models)/)?)?(?P<repo>{_PART}/{_PART})"
    r"(?:@(?P<revision>[\w.\-/]+?))?(?::(?P<path>[^:]+))?$"
)
_DATA_SUFFIXES = (".jsonl", ".json", ".parquet", ".gz")


class HubError(KpError, RuntimeError):
    """A Hub operation that cannot be done as asked (names the reference and what to do)."""


@attrs.frozen
class HubRef:
    """A repository on the Hub, optionally at a revision (branch, tag or commit) and a path in it."""

    repo_id: str
    revision: str | None = None
    path: str | None = None
    repo_type: str = "model"

    def __str__(self) -> str:
        text = self.repo_id + (f"@{self.revision}" if self.revision else "")
        return text + (f":{self.path}" if self.path else "")


def parse_hub_ref(text: str, *, repo_type: str = "model") -> HubRef | None:
    """The reference ``text`` names, or None when it is not shaped like one."""
    match = _REF.match(text.strip())
    if match is None or len(match["repo"]) > 96:
        return None
    kind = {"datasets": "dataset", "models": "model"}.get(match["kind"] or "", repo_type)
    return HubRef(match["repo"], match["revision"], match["path"], kind)


def written_as_path(text: str) -> bool:
    """``./x``, ``/x``, ``~/x``, ``C:\\x`` or ``a/b/c``: meant for this machine, never the Hub."""
    if text.startswith("hf://"):
        return False
    return text.startswith((".", "/", "~", "\\")) or "\\" in text or text.count("/") >= 2 or Path(text).is_absolute()


def hub_ref_or_none(text: str | Path, *, repo_type: str = "model") -> HubRef | None:
    """The Hub reference ``text`` means, or None when it means a local path (existing or not)."""
    if isinstance(text, Path):
        return None
    value = str(text).strip()
    if not value.startswith("hf://") and (Path(value).expanduser().exists() or written_as_path(value)):
        return None
    return parse_hub_ref(value, repo_type=repo_type)


def dataset_ref_or_none(text: str | Path) -> HubRef | None:
    """Like :func:`hub_ref_or_none` for ``--data``: a missing ``name.jsonl`` (``data/train.jsonl``)
    is a local file that is not there, not a repository called ``train.jsonl``."""
    ref = hub_ref_or_none(text, repo_type="dataset")
    if ref is None:
        return None
    if not str(text).startswith("hf://") and ref.path is None and ref.repo_id.lower().endswith(_DATA_SUFFIXES):
        return None
    return attrs.evolve(ref, repo_type="dataset")
