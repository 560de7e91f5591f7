"""Pushing to the Hub: a trained run (model files + its card) in one commit, the newest resumable
checkpoint of a run in progress, and datasets with their card.

Every push is one commit made of exactly the files listed (``Upload``), so ``--dry-run`` can show
that list before anything leaves the machine, and files a previous push left that this one does
not carry are deleted in the same commit (a repository holds one model, not a mix of two).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from kp_core.hub.pull import CHECKPOINTS, api, hub_module, offline_variable, refusals
from kp_core.hub.refs import HubError, HubRef

CARD = "README.md"
_SHA = re.compile(r"^[0-9a-f]{40}$")
# Never published from a run folder: resumable state, staging folders, caches, the card it replaces.
_SKIPPED_PARTS = (CHECKPOINTS, "__pycache__")


@attrs.frozen
class Upload:
    """One file of a commit: where it goes in the repository and where its bytes come from."""

    path_in_repo: str
    source: Path | bytes

    @property
    def size(self) -> int:
        return len(self.source) if isinstance(self.source, bytes) else self.source.stat().st_size


def folder_uploads(folder: Path, *, prefix: str = "", skip: Sequence[str] = _SKIPPED_PARTS) -> list[Upload]:
    """Every file under ``folder`` (sorted), except hidden and staging files and the ``skip`` folders."""
    uploads = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or any(part in skip for part in parts[:-1]):
            continue
        uploads.append(Upload(prefix + "/".join(parts), path))
    return uploads


def describe(uploads: Iterable[Upload]) -> list[str]:
    """``  12.3 kB  path`` lines, the file list ``--dry-run`` prints."""
    return [f"{_size(u.size):>10}  {u.path_in_repo}" for u in uploads]


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} B"  # pragma: no cover


def commit(
    ref: HubRef,
    uploads: Sequence[Upload],
    *,
    message: str,
    private: bool = False,
    replace: Callable[[str], bool] = lambda path: True,
    echo: Callable[[str], None] = print,
) -> str:
    """Create the repository (and the branch ``ref.revision``) when missing, then one commit adding
    ``uploads`` and deleting the files already there that ``replace`` claims and that this commit
    does not carry. Returns the commit's id."""
    offline = offline_variable()
    if offline:
        raise HubError(f"pushing to {ref.repo_id}: {offline} is set; unset it to push")
    if ref.revision and _SHA.match(ref.revision):
        raise HubError(f"pushing to {ref}: a push goes to a branch, not to the commit {ref.revision}")
    hub = hub_module()
    client = api()
    with refusals(ref, "pushing to"):
        client.create_repo(ref.repo_id, repo_type=ref.repo_type, private=private, exist_ok=True)
        if ref.revision and ref.revision != "main":
            client.create_branch(ref.repo_id, branch=ref.revision, repo_type=ref.repo_type, exist_ok=True)
        existing = client.list_repo_files(ref.repo_id, repo_type=ref.repo_type, revision=ref.revision)
        carried = {u.path_in_repo for u in uploads}
        operations = [
            hub.CommitOperationAdd(
                path_in_repo=u.path_in_repo, path_or_fileobj=u.source if isinstance(u.source, bytes) else str(u.source)
            )
            for u in uploads
        ]
        stale = sorted(p for p in existing if p not in carried and p != ".gitattributes" and replace(p))
        operations += [hub.CommitOperationDelete(path_in_repo=p) for p in stale]
        info = client.create_commit(
            ref.repo_id, operations=operations, commit_message=message, repo_type=ref.repo_type, revision=ref.revision
        )
    where = f"{ref.repo_id}@{ref.revision}" if ref.revision else ref.repo_id
    removed = f", {len(stale)} stale removed" if stale else ""
    echo(f"pushed {len(uploads)} files to {where} (commit {info.oid[:12]}{removed})")
    return info.oid


def push_checkpoint(folder: Path, ref: HubRef, *, private: bool = False, echo: Callable[[str], None] = print) -> str:
    """``checkpoints/step-<N>`` of a run in progress, replacing the previously pushed checkpoint, so
    ``kp train ... --resume ORG/NAME`` on an empty machine continues from it."""
    uploads = folder_uploads(folder, prefix=f"{CHECKPOINTS}/{folder.name}/", skip=())
    return commit(
        ref,
        uploads,
        message=f"kp: resumable checkpoint {folder.name}",
        private=private,
        replace=lambda path: path.startswith(f"{CHECKPOINTS}/"),
        echo=echo,
    )
