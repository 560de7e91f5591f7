"""What every training family does before its framework takes over.

Reading and checking the dataset, the template-disjoint train/eval split, the seeded caps on
either side, the dataset's identity for ``kp.json`` and the ``--option key=value`` settings a
family declares in its own table. Nothing here imports a machine-learning framework, so the torch,
MLX and GLiNER families share one copy and report bad input the same way.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from kp_core.training import TrainConfig
from kp_core.types import Example

# How rows are grouped for the split: by the skeleton (text with spans blanked) or, with "auto",
# by ``template_id`` when every row names one (generated data) and by the skeleton otherwise.
SplitGrouping = Literal["auto", "skeleton", "template_id"]
LABEL_SCHEMES = ("first", "all")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class TrainingError(RuntimeError):
    """A training run that cannot go ahead as configured."""


OptionParser = Callable[[Any], Any]


def parse_flag(value: Any) -> bool:
    """An on/off ``--option``: a bool, or 1/true/yes/on and 0/false/no/off (any case)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"expected one of {', '.join(sorted(_TRUE | _FALSE - {''}))}")


def parse_list(value: Any) -> list[str]:
    """A comma-separated ``--option`` (``q_proj,v_proj``), or a list given from Python."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


def parse_options(options: Mapping[str, Any], table: Mapping[str, OptionParser], *, family: str) -> dict[str, Any]:
    """``options`` (``--option key=value`` pairs) parsed by the family's ``table``.

    An unknown key is an error that lists the known ones; a value its parser refuses is an error
    naming the option and the value, never a silent default.
    """
    out: dict[str, Any] = {}
    for key, value in options.items():
        if key not in table:
            raise TrainingError(f"unknown --option {key!r} for {family}; known: {', '.join(sorted(table))}")
        try:
            out[key] = table[key](value)
        except ValueError as exc:
            raise TrainingError(f"--option {key}={value!r}: {exc}") from None
    return out


def check_label_scheme(options: dict[str, Any], default: str) -> str:
    """Set and check ``options["label_scheme"]``: which subwords of a word carry its label."""
    scheme = options.setdefault("label_scheme", default)
    if scheme not in LABEL_SCHEMES:
        raise TrainingError(f"--option label_scheme must be 'first' or 'all', got {scheme!r}")
    return scheme


def data_hash(path: str | Path) -> str:
    """SHA-256 of the dataset file's bytes (what kp.json records as the data's identity)."""
    from kp_core.bases.sources import file_sha256

    return file_sha256(Path(path))


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


def prepare_data(config: TrainConfig, *, grouping: SplitGrouping = "skeleton") -> PreparedData:
    """Load ``config.dataset``, split it template-disjointly and cap both sides.

    Every defect in the file (unknown labels included) stops the run with the file and line; only
    two spans in one whitespace token are allowed, which subword models can still learn.
    """
    from kp_core.data import load_examples
    from kp_core.data.split import template_disjoint_split

    path = Path(config.dataset)
    if not path.is_file():
        raise TrainingError(f"--dataset {config.dataset}: no such file (JSONL or JSON list in the kp row format)")
    examples = load_examples(path, strict=False)
    if not examples:
        raise TrainingError(f"--dataset {config.dataset}: no rows")
    if grouping == "auto":
        grouping = "template_id" if all(ex.template_id for ex in examples) else "skeleton"
    split = template_disjoint_split(examples, eval_fraction=config.eval_fraction, seed=config.seed, group_key=grouping)
    return PreparedData(
        train=cap_examples(split.train, config.max_train, config.seed, "train"),
        eval=cap_examples(split.eval, config.max_eval, config.seed, "eval"),
        split_info=split.info.to_json(),
        sha256=data_hash(path),
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
