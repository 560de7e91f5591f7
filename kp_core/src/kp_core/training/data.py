"""What every training family does before its framework takes over.

Reading and checking the dataset, the template-disjoint train/eval split, the seeded caps on
either side and the dataset's identity for ``kp.json``. Nothing here imports a machine-learning framework, so the torch,
MLX and GLiNER families share one copy and report bad input the same way.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from kp_core.errors import KpError
from kp_core.training.config import TrainConfig
from kp_core.types import Example


class TrainingError(KpError, RuntimeError):
    """A training run that cannot go ahead as configured."""


def data_hash(path: str | Path) -> str:
    """SHA-256 of the dataset file's bytes (what kp.json records as the data's identity)."""
    from kp_core.bases.sources import file_sha256

    return file_sha256(Path(path))


def local_data_path(reference: str | Path, *, flag: str = "--data", progress: bool | None = None) -> Path:
    """The file a data reference names here: a local path as given, or a Hub dataset
    (``ORG/NAME[@REV][:FILE or SPLIT]``, default split ``train``) downloaded into the Hub cache."""
    from kp_core.hub.refs import dataset_ref_or_none

    ref = dataset_ref_or_none(reference)
    if ref is None:
        return Path(reference)
    from kp_core.hub.pull import pull_dataset

    return pull_dataset(ref, progress=progress)


def pinned_source(reference: str | Path, path: Path) -> str | None:
    """``ORG/NAME@COMMIT:FILE`` for a file pulled from the Hub (its cache path names the commit),
    so kp.json says exactly what was trained on; None for a local file."""
    from kp_core.hub.refs import dataset_ref_or_none

    ref = dataset_ref_or_none(reference)
    parts = path.parts
    if ref is None or "snapshots" not in parts:
        return None
    at = parts.index("snapshots")
    return f"{ref.repo_id}@{parts[at + 1]}:{'/'.join(parts[at + 2 :])}"


def cap_examples(examples: Sequence[Example], limit: int | None, seed: int, salt: str) -> list[Example]:
    """A seeded random subset of at most ``limit`` examples, in a seeded random order."""
    rows = list(examples)
    random.Random(f"{seed}:{salt}").shuffle(rows)
    return rows if limit is None else rows[:limit]


@attrs.frozen
class PreparedData:
    """The two sides of the split, how it was made (``split_info``) and the file's sha256."""

    train: list[Example]
    eval: list[Example]
    split_info: dict[str, Any]
    sha256: str
    source: str | None = None  # a Hub dataset pinned to the commit read: ORG/NAME@SHA:FILE


def prepare_data(config: TrainConfig) -> PreparedData:
    """Load ``config.dataset``, split it template-disjointly and cap both sides.

    One grouping rule for every family and framework: by ``template_id`` when every row names one
    (generated data), else by the skeleton (the text with its spans blanked).

    Every defect in the file (unknown labels included) stops the run with the file and line; only
    two spans in one whitespace token are allowed, which subword models can still learn.
    """
    from kp_core.data import load_examples
    from kp_core.data.split import template_disjoint_split

    path = local_data_path(config.dataset, flag="--data", progress=config.progress)
    if not path.is_file():
        raise TrainingError(f"--data {config.dataset}: no such file (JSONL or JSON list in the kp row format)")
    examples = load_examples(path, strict=False)
    if not examples:
        raise TrainingError(f"--data {config.dataset}: no rows")
    grouping = "template_id" if all(ex.template_id for ex in examples) else "skeleton"
    split = template_disjoint_split(examples, eval_fraction=config.eval_fraction, seed=config.seed, group_key=grouping)
    return PreparedData(
        train=cap_examples(split.train, config.max_train, config.seed, "train"),
        eval=cap_examples(split.eval, config.max_eval, config.seed, "eval"),
        split_info=split.info.to_json(),
        sha256=data_hash(path),
        source=pinned_source(config.dataset, path),
    )


def describe_split(data: PreparedData) -> str:
    """The one-line account of the split every family prints before training."""
    info = data.split_info
    return (
        f"data: {info['total_rows']} rows -> train {len(data.train)} / eval {len(data.eval)} "
        f"(template-disjoint: {info['train_groups']} / {info['eval_groups']} templates)"
    )


def alignment_note(name: str, issues: Mapping[str, int], examples: Sequence[str]) -> str | None:
    """The line to print when spans of the ``name`` side did not align cleanly to subwords, or
    None when all did. ``examples`` describe a few by offsets and type (never their text)."""
    if not issues:
        return None
    counts = ", ".join(f"{k} {v}" for k, v in sorted(issues.items()))
    return f"{name}: spans not aligned cleanly to subwords: {counts}; e.g. {'; '.join(examples)}"
