"""``kp publish`` and ``kp train --push``: a run folder (its model files, never its resumable
checkpoints) and a model card generated from the run, in one commit to ``ORG/NAME``.

The name is checked against kp's rule (:mod:`kp_core.hub.naming`) before anything is trained or
sent; ``any_name`` lets a third-party name through.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from kp_core.hub.push import CARD, Upload, commit, describe, folder_uploads
from kp_core.hub.refs import HubError, HubRef
from kp_core.plugins.manifest import KP_JSON


@attrs.frozen
class PublishPlan:
    """What a publish sends: the repository, the model folder, the card and every file."""

    ref: HubRef
    model_dir: Path
    card: str
    uploads: list[Upload]

    def dry_run_text(self) -> str:
        total = sum(u.size for u in self.uploads)
        where = f"{self.ref.repo_id}@{self.ref.revision}" if self.ref.revision else self.ref.repo_id
        lines = [f"would push {len(self.uploads)} files ({total / 1e6:.1f} MB) from {self.model_dir} to {where}:"]
        lines += describe(self.uploads)
        return "\n".join([*lines, "", f"--- {CARD} ---", self.card.rstrip(), ""])


def model_folder(run_dir: str | Path) -> Path:
    """The model folder of ``run_dir``: the folder itself when it holds kp.json, else its ``model/``
    (what ``kp main --out`` writes)."""
    run_dir = Path(run_dir)
    for folder in (run_dir, run_dir / "model"):
        if (folder / KP_JSON).is_file():
            return folder
    raise HubError(f"{run_dir}: not a trained run (no {KP_JSON} in it or in its model/ folder)")


def repo_ref(repo: str, *, revision: str | None = None, any_name: bool = False, variant: str | None = None) -> HubRef:
    """``ORG/NAME`` checked against the naming rule (unless ``any_name``) as a model HubRef."""
    from kp_core.hub.naming import check_repo_id

    return HubRef(check_repo_id(repo, any_name=any_name, variant=variant), revision=revision)


def plan_publish(
    run_dir: str | Path,
    repo: str,
    *,
    revision: str | None = None,
    any_name: bool = False,
    variant: str | None = None,
    results: Sequence[Mapping[str, Any]] | None = None,
    template: Path | None = None,
    license: str | None = None,
) -> PublishPlan:
    """Everything a publish of ``run_dir`` sends, computed without the network. ``results``
    (evaluation result rows) default to the run's own (:func:`kp_core.hub.cards.find_results`)."""
    from kp_core.hub.cards import find_results, model_card

    ref = repo_ref(repo, revision=revision, any_name=any_name, variant=variant)
    folder = model_folder(run_dir)
    rows = list(results) if results is not None else find_results(Path(run_dir))
    card = model_card(folder, repo_id=ref.repo_id, results=rows, template=template, license=license)
    uploads = [_public(u) for u in folder_uploads(folder) if u.path_in_repo != CARD]
    uploads.append(Upload(CARD, card.encode("utf-8")))
    return PublishPlan(ref, folder, card, uploads)


def _public(upload: Upload) -> Upload:
    """kp.json as published: the same record with this machine's paths reduced to their names."""
    if upload.path_in_repo != KP_JSON or isinstance(upload.source, bytes):
        return upload
    import json

    from kp_core.hub.public import public_manifest

    manifest = json.loads(upload.source.read_text(encoding="utf-8"))
    text = json.dumps(public_manifest(manifest), indent=2, ensure_ascii=False) + "\n"
    return Upload(KP_JSON, text.encode("utf-8"))


def publish(
    plan: PublishPlan,
    *,
    private: bool = False,
    keep_checkpoints: bool = False,
    message: str | None = None,
    echo: Callable[[str], None] = print,
) -> str:
    """Send ``plan`` as one commit; files of an earlier push this one does not carry go (pushed
    checkpoints too, unless ``keep_checkpoints``). Returns the commit id."""
    from kp_core.hub.pull import CHECKPOINTS

    return commit(
        plan.ref,
        plan.uploads,
        message=message or f"kp publish {plan.model_dir.name}",
        private=private,
        replace=lambda path: not (keep_checkpoints and path.startswith(f"{CHECKPOINTS}/")),
        echo=echo,
    )
