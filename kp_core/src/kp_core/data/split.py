"""Leak-free train/eval splits.

* :func:`template_disjoint_split`: whole template groups (skeletons, or ``template_id``) go to one
  side, so eval never scores a template the model was trained on. Per language by default, so
  every language gets an eval share, with a guard against an eval made of one template.
* :func:`subject_carve_out`: drop training rows that share a direct-identifier value with the
  held-out rows, so eval never scores a person the model has already seen.
* :func:`surface_form_holdout`: the held-out rows none of whose PII strings occur in training (a
  memorisation tripwire: scores on them cannot come from recall).

Every step is one pass over the rows plus work per group, and ordering uses SHA-256 of
``seed``/language/key, so a split is identical across runs, machines and Python hash seeds.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from kp_core.data.skeleton import example_skeleton
from kp_core.errors import KpError
from kp_core.taxonomy import IdentifierClass, load_taxonomy
from kp_core.types import Example

GroupKey = Literal["skeleton", "template_id"]
NO_LANGUAGE = "und"  # BCP 47 "undetermined": rows without a language
ALL_LANGUAGES = "*"
DEFAULT_MAX_GROUP_SHARE = 0.7
# Eval should not exceed twice its asked share while smaller groups can fill it instead.
_OVERSHOOT = 2.0
# Train stays the larger side unless more than half was asked for eval.
_MAX_EVAL_SHARE = 0.5


class SplitError(KpError, ValueError):
    """The data cannot be split as asked (too few templates, say). Never an empty eval instead."""


@attrs.frozen(slots=True)
class LanguageSplit:
    """One language's share. Rows count toward the language most of their group's rows have."""

    language: str
    rows: int
    train_rows: int
    eval_rows: int
    train_groups: int
    eval_groups: int
    largest_eval_group_share: float

    def to_json(self) -> dict[str, Any]:
        out = attrs.asdict(self)
        out["largest_eval_group_share"] = round(self.largest_eval_group_share, 4)
        return out


@attrs.frozen(slots=True)
class SplitInfo:
    seed: int
    eval_fraction: float
    group_key: str
    per_language: bool
    max_group_share: float
    total_rows: int
    train_rows: int
    eval_rows: int
    total_groups: int
    train_groups: int
    eval_groups: int
    disjoint: bool
    languages: tuple[LanguageSplit, ...]

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in attrs.asdict(self, recurse=False).items() if k != "languages"}
        out["languages"] = {entry.language: entry.to_json() for entry in self.languages}
        return out


@attrs.frozen(slots=True)
class Split:
    train: tuple[Example, ...]
    eval: tuple[Example, ...]
    info: SplitInfo


def _group_keys(examples: Sequence[Example], group_key: GroupKey) -> list[str]:
    if group_key == "skeleton":
        return [example_skeleton(example) for example in examples]
    if group_key == "template_id":
        missing = [i for i, example in enumerate(examples) if example.template_id is None]
        if missing:
            shown = ", ".join(str(i) for i in missing[:10])
            raise SplitError(
                f"group_key='template_id' but {len(missing)} rows have no template_id (first: {shown}); "
                "use group_key='skeleton'"
            )
        return [example.template_id for example in examples]  # type: ignore[misc]
    raise ValueError(f"group_key must be 'skeleton' or 'template_id', got {group_key!r}")


def _order(seed: int, language: str, key: str) -> bytes:
    return hashlib.sha256(f"{seed}\x1f{language}\x1f{key}".encode()).digest()


def _choose_eval(
    language: str,
    keys: list[str],
    sizes: Mapping[str, int],
    *,
    eval_fraction: float,
    seed: int,
    max_group_share: float,
) -> list[str]:
    """The eval groups of one language.

    Limits: train keeps at least one group, and eval never holds more than
    ``max(eval_fraction, 0.5)`` of the language's rows. Within them, eval must reach its share
    and no group may be more than ``max_group_share`` of it. Search: groups in seeded hash order,
    taking only those that keep eval within twice its share; failing that, smallest groups
    first. When the limits stop eval short of its share but the guard holds, the shorter eval is
    kept (the info reports real counts); when the guard cannot hold, :class:`SplitError`.
    """
    rows = sum(sizes[k] for k in keys)
    if len(keys) < 2:
        raise SplitError(
            f"language {language!r}: {len(keys)} template group ({rows} rows); a template-disjoint split needs "
            "at least 2 (add templates, or split the merged corpus: --merged with kp data split, per_language=False "
            "from Python)"
        )
    target = max(1, round(rows * eval_fraction))
    cap = rows * max(eval_fraction, _MAX_EVAL_SHARE)
    upper = min(cap, max(target, rows * eval_fraction * _OVERSHOOT))
    ordered = sorted(keys, key=lambda k: (_order(seed, language, k), k))

    def guard_ok(eval_rows: int, largest: int) -> bool:
        return eval_rows > 0 and largest <= max_group_share * eval_rows

    def fill(candidates: list[str], limit: float) -> list[str] | None:
        """Take candidates that fit under ``limit`` until eval is complete, and return it; when it
        never is, the largest selection that respected the guard on the way (or None)."""
        chosen: list[str] = []
        eval_rows = largest = 0
        best: list[str] | None = None
        for key in candidates:
            if len(chosen) == len(keys) - 1:
                break
            if eval_rows + sizes[key] > limit:
                continue
            chosen.append(key)
            eval_rows += sizes[key]
            largest = max(largest, sizes[key])
            if guard_ok(eval_rows, largest):
                best = list(chosen)
                if eval_rows >= target:
                    break
        return best

    seeded = fill(ordered, upper)
    if seeded is not None and sum(sizes[k] for k in seeded) >= target:
        return seeded
    smallest_first = fill(sorted(ordered, key=lambda k: sizes[k]), cap)
    for candidate in (smallest_first, seeded):
        if candidate is not None:
            return candidate
    raise SplitError(
        f"language {language!r}: no eval made of whole template groups keeps every group within "
        f"{max_group_share:.0%} of eval while train keeps a group and eval stays within "
        f"{max(eval_fraction, _MAX_EVAL_SHARE):.0%} of the rows ({len(keys)} groups, {rows} rows, largest group "
        f"{max(sizes[k] for k in keys)} rows); raise max_group_share (1.0 turns the guard off), add templates, "
        "or pass per_language=False"
    )


def template_disjoint_split(
    examples: Sequence[Example],
    *,
    eval_fraction: float,
    seed: int,
    group_key: GroupKey = "skeleton",
    per_language: bool = True,
    max_group_share: float = DEFAULT_MAX_GROUP_SHARE,
) -> Split:
    """Split ``examples`` so no template group (skeleton or ``template_id``) is on both sides.

    With ``per_language`` every language gets its own eval share (a language with a single group
    is an error, not a language without eval). A group spanning several languages counts toward
    the language most of its rows have, and moves as a whole. ``max_group_share`` is the
    lopsidedness guard: no single group may make up more than that fraction of a language's
    eval (more groups are added until it holds). Both sides keep the input order.
    """
    if not 0 < eval_fraction < 1:
        raise ValueError(f"eval_fraction must be in (0, 1), got {eval_fraction}")
    if not 0 < max_group_share <= 1:
        raise ValueError(f"max_group_share must be in (0, 1], got {max_group_share}")
    if not examples:
        raise SplitError("no rows to split")
    keys = _group_keys(examples, group_key)

    members: dict[str, list[int]] = defaultdict(list)
    group_languages: dict[str, Counter] = defaultdict(Counter)
    for index, (key, example) in enumerate(zip(keys, examples, strict=True)):
        members[key].append(index)
        # Codes in any case name one language (RO = ro).
        group_languages[key][(example.language or NO_LANGUAGE).lower()] += 1
    sizes = {key: len(rows) for key, rows in members.items()}

    buckets: dict[str, list[str]] = defaultdict(list)
    for key, counts in group_languages.items():
        if per_language:
            # Most rows wins; ties go to the alphabetically first language, for determinism.
            home = min(counts, key=lambda lang: (-counts[lang], lang))
        else:
            home = ALL_LANGUAGES
        buckets[home].append(key)

    eval_keys: set[str] = set()
    languages: list[LanguageSplit] = []
    for language in sorted(buckets):
        bucket = buckets[language]
        chosen = _choose_eval(
            language, bucket, sizes, eval_fraction=eval_fraction, seed=seed, max_group_share=max_group_share
        )
        eval_keys.update(chosen)
        rows = sum(sizes[k] for k in bucket)
        eval_rows = sum(sizes[k] for k in chosen)
        languages.append(
            LanguageSplit(
                language=language,
                rows=rows,
                train_rows=rows - eval_rows,
                eval_rows=eval_rows,
                train_groups=len(bucket) - len(chosen),
                eval_groups=len(chosen),
                largest_eval_group_share=max(sizes[k] for k in chosen) / eval_rows,
            )
        )

    in_eval = [key in eval_keys for key in keys]
    train = tuple(example for example, flag in zip(examples, in_eval, strict=True) if not flag)
    evaluation = tuple(example for example, flag in zip(examples, in_eval, strict=True) if flag)
    train_side = {key for key, flag in zip(keys, in_eval, strict=True) if not flag}
    eval_side = {key for key, flag in zip(keys, in_eval, strict=True) if flag}
    if train_side & eval_side or not train or not evaluation:
        raise RuntimeError("template split is not disjoint or left a side empty; this is a bug")
    info = SplitInfo(
        seed=seed,
        eval_fraction=eval_fraction,
        group_key=group_key,
        per_language=per_language,
        max_group_share=max_group_share,
        total_rows=len(examples),
        train_rows=len(train),
        eval_rows=len(evaluation),
        total_groups=len(members),
        train_groups=len(train_side),
        eval_groups=len(eval_side),
        disjoint=True,
        languages=tuple(languages),
    )
    return Split(train=train, eval=evaluation, info=info)


# --- subjects -------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\W_]+")


def normalise_value(value: str) -> str:
    """Case and separators do not make a different identifier: ``"AB 12-34"`` ~ ``"ab1234"``."""
    return _SEPARATORS.sub("", value.casefold())


def default_subject_labels() -> tuple[str, ...]:
    """The taxonomy's direct identifiers except PERSON: names repeat by chance across unrelated
    documents (generators draw them from small pools), so carving them out would empty train."""
    return tuple(
        e.name for e in load_taxonomy().entities if e.identifier_class is IdentifierClass.DIRECT and e.name != "PERSON"
    )


def _values(example: Example, labels: frozenset[str] | None) -> Iterable[tuple[str, str]]:
    for span in example.spans:
        if labels is None or span.label in labels:
            value = normalise_value(example.text[span.start : span.end])
            if value:
                yield span.label, value


@attrs.frozen(slots=True)
class CarveOutInfo:
    labels: tuple[str, ...]
    heldout_values: int
    train_rows_before: int
    train_rows_after: int
    removed_rows: int
    removed_by_label: Mapping[str, int]
    disjoint: bool

    def to_json(self) -> dict[str, Any]:
        out = attrs.asdict(self, recurse=False)
        out["labels"] = list(self.labels)
        out["removed_by_label"] = dict(self.removed_by_label)
        return out


@attrs.frozen(slots=True)
class CarveOut:
    train: tuple[Example, ...]
    info: CarveOutInfo


def subject_carve_out(
    train: Iterable[Example], heldout: Iterable[Example], *, labels: Sequence[str] | None = None
) -> CarveOut:
    """Remove from ``train`` every row containing a direct-identifier value that also occurs in
    ``heldout``. Values are compared normalised (:func:`normalise_value`) and regardless of label,
    so the same number tagged ACCOUNT_ID on one side and NATIONAL_ID on the other still counts.
    ``removed_by_label`` counts removed rows per label that matched (a row may count under two)."""
    chosen = tuple(labels) if labels is not None else default_subject_labels()
    wanted = frozenset(chosen)
    train_rows = list(train)
    held = {value for example in heldout for _, value in _values(example, wanted)}
    kept: list[Example] = []
    removed_by_label: Counter = Counter()
    for example in train_rows:
        hits = {label for label, value in _values(example, wanted) if value in held}
        if hits:
            removed_by_label.update(hits)
        else:
            kept.append(example)
    leftover = any(value in held for example in kept for _, value in _values(example, wanted))
    if leftover:
        raise RuntimeError("subject carve-out left a shared identifier in train; this is a bug")
    info = CarveOutInfo(
        labels=chosen,
        heldout_values=len(held),
        train_rows_before=len(train_rows),
        train_rows_after=len(kept),
        removed_rows=len(train_rows) - len(kept),
        removed_by_label=dict(sorted(removed_by_label.items())),
        disjoint=True,
    )
    return CarveOut(train=tuple(kept), info=info)


@attrs.frozen(slots=True)
class SurfaceHoldout:
    """Indices (into ``heldout``) of rows with PII none of whose strings occurs in training."""

    indices: tuple[int, ...]
    heldout_total: int

    @property
    def n(self) -> int:
        return len(self.indices)

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "heldout_total": self.heldout_total, "indices": list(self.indices)}


def surface_form_holdout(
    train: Iterable[Example], heldout: Sequence[Example], *, labels: Sequence[str] | None = None
) -> SurfaceHoldout:
    """The memorisation tripwire: held-out rows whose every PII value (normalised; all labels
    unless ``labels`` is given) is absent from training. Rows without PII are left out: there
    is nothing in them to memorise."""
    wanted = frozenset(labels) if labels is not None else None
    seen = {value for example in train for _, value in _values(example, wanted)}
    indices = []
    for index, example in enumerate(heldout):
        values = [value for _, value in _values(example, wanted)]
        if values and not any(value in seen for value in values):
            indices.append(index)
    return SurfaceHoldout(indices=tuple(indices), heldout_total=len(heldout))
