"""Streaming generation: document ``i`` depends only on (seed, i, languages, domains), never on
how many documents were generated before it, so generation is deterministic, resumable and
parallelisable, and memory stays constant however many rows are written."""

from __future__ import annotations

import hashlib
import os
import random
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kp_core._version import __version__
from kp_core.generate.compose import Context
from kp_core.generate.documents import DOMAINS, GENRES
from kp_core.generate.phrases import phrasebook_languages
from kp_core.types import Example, Span

LABEL_SCHEMES = ("kp", "europriv")
# Recorded in every generated row, so a dataset (and a model card) says which generator made it.
GENERATOR_VERSION = f"kp-core {__version__}"

# EuroPriv-Bench gold annotates hospitals and courts as ORG_PARTY, clinicians as PERSON, and
# leaves statute references unlabelled; the "europriv" scheme projects the fine KP types onto
# those conventions (the harness masks predicted types its gold does not use).
_EUROPRIV_PROJECTION: dict[str, str | None] = {
    "PROVIDER": "PERSON",
    "FACILITY": "ORG_PARTY",
    "COURT": "ORG_PARTY",
    "STATUTE_REF": None,
}


def _check(values: Sequence[str], known: Sequence[str], what: str) -> tuple[str, ...]:
    out = tuple(values)
    if not out:
        raise ValueError(f"no {what} given; known: {', '.join(known)}")
    unknown = [v for v in out if v not in known]
    if unknown:
        raise ValueError(f"unknown {what} {', '.join(unknown)}; known: {', '.join(known)}")
    return out


def document_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"kp-generate:{seed}:{index}")


def generate_document(
    index: int,
    *,
    seed: int,
    languages: Sequence[str],
    domains: Sequence[str],
    label_scheme: str = "kp",
) -> dict[str, Any]:
    """Row ``index`` of the dataset defined by (seed, languages, domains). Languages and domains
    cycle so every (language, domain) pair gets the same share."""
    lang = languages[index % len(languages)]
    domain = domains[(index // len(languages)) % len(domains)]
    rng = document_rng(seed, index)
    genres = GENRES[domain]
    genre = rng.choice(tuple(genres))
    ctx = Context(lang, rng)
    genres[genre](ctx)
    text, spans = ctx.b.build()
    stripped = text.rstrip()
    out_spans = []
    for start, end, label in spans:
        if label_scheme == "europriv" and label in _EUROPRIV_PROJECTION:
            label = _EUROPRIV_PROJECTION[label]
            if label is None:
                continue
        out_spans.append({"start": start, "end": end, "label": label})
    structure = "|".join(ctx.signature)
    template_id = f"{lang}.{domain}.{genre}.{hashlib.sha1(structure.encode()).hexdigest()[:12]}"
    return {
        "text": stripped,
        "spans": out_spans,
        "language": lang,
        "domain": domain,
        "country": ctx.loc.country,
        "doc_id": f"kpgen-{seed}-{index}",
        "template_id": template_id,
        "genre": genre,
        "generator_version": GENERATOR_VERSION,
    }


def generate_rows(
    languages: Sequence[str] | None = None,
    domains: Sequence[str] | None = None,
    n: int = 1000,
    seed: int = 0,
    *,
    start: int = 0,
    conventions: str = "kp",
    label_scheme: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield ``n`` rows (documents ``start`` .. ``start + n - 1``) in the kp row format.

    ``languages`` default to every language with a phrasebook, ``domains`` to clinical, legal, administrative and general.
    ``conventions`` "kp" keeps every KP type; "europriv" applies the EuroPriv-Bench gold
    conventions (hospital/court → ORG_PARTY, clinician → PERSON, statutes unlabelled).
    ``label_scheme`` is its old name, accepted until the next release.
    """
    label_scheme = _conventions(conventions, label_scheme)
    known = phrasebook_languages()
    langs = _check(languages or known, known, "language")
    doms = _check(domains or DOMAINS, DOMAINS, "domain")
    if label_scheme not in LABEL_SCHEMES:
        raise ValueError(f"unknown label scheme {label_scheme!r}; known: {', '.join(LABEL_SCHEMES)}")
    if n < 0 or start < 0:
        raise ValueError("n and start must be >= 0")
    for index in range(start, start + n):
        yield generate_document(index, seed=seed, languages=langs, domains=doms, label_scheme=label_scheme)


def row_to_example(row: dict[str, Any]) -> Example:
    """A generated row as an :class:`~kp_core.types.Example` (the split and the writers take those)."""
    return Example(
        text=row["text"],
        spans=[Span(s["start"], s["end"], s["label"]) for s in row["spans"]],
        language=row["language"],
        domain=row["domain"],
        country=row["country"],
        doc_id=row["doc_id"],
        template_id=row["template_id"],
        extra={"genre": row["genre"], "generator_version": row["generator_version"]},
    )


def write_rows(rows: Iterable[dict[str, Any]], path: str | os.PathLike) -> int:
    """Stream rows to a JSONL file (gzip when the name ends in ``.gz``) through kp's one atomic
    JSONL writer (a temporary file unique to this writer, renamed into place; ``0600``); returns
    the count."""
    from kp_core.data.paths import atomic_write_jsonl

    return atomic_write_jsonl(rows, path)


def default_eval_path(train_path: str | os.PathLike) -> Path:
    """Where ``--split`` puts the eval rows unless told: beside the training file, ``.eval``
    before its JSONL suffix (``train.jsonl`` -> ``train.eval.jsonl``, ``a.jsonl.gz`` ->
    ``a.eval.jsonl.gz``; any other name gets ``.eval.jsonl`` appended)."""
    target = Path(train_path)
    for suffix in (".jsonl.gz", ".jsonl"):
        if target.name.endswith(suffix) and len(target.name) > len(suffix):
            return target.with_name(f"{target.name[: -len(suffix)]}.eval{suffix}")
    return target.with_name(f"{target.name}.eval.jsonl")


def _conventions(conventions: str, label_scheme: str | None) -> str:
    """``conventions``, or the deprecated ``label_scheme`` keyword when a caller still uses it."""
    if label_scheme is None:
        return conventions
    if conventions != "kp" and conventions != label_scheme:
        raise ValueError("label_scheme is the old name of conventions; give only one")
    warnings.warn("label_scheme= is now conventions= (it goes in the next release)", DeprecationWarning, stacklevel=3)
    return label_scheme


def write_dataset(
    path: str | os.PathLike,
    languages: Sequence[str] | None = None,
    domains: Sequence[str] | None = None,
    n: int = 1000,
    seed: int = 0,
    *,
    conventions: str = "kp",
    label_scheme: str | None = None,
    split: bool = False,
    eval_fraction: float = 0.1,
    eval_path: str | os.PathLike | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Generate ``n`` rows into ``path`` (JSONL). With ``split``, ``path`` gets the training rows
    and ``eval_path`` (default :func:`default_eval_path`) the eval rows of a template-disjoint split
    (that mode holds the rows in memory to group them). Returns a summary: ``path`` and ``rows``
    (the rows in it), ``docs`` (generated), and with ``split`` also ``eval_path``, ``eval_rows``
    and ``split`` (the split's info)."""
    rows: Iterable[dict[str, Any]] = generate_rows(
        languages, domains, n, seed, conventions=_conventions(conventions, label_scheme)
    )
    if progress:
        from tqdm import tqdm

        rows = tqdm(rows, total=n, unit="doc", desc="generate")
    target = Path(path)
    if not split:
        count = write_rows(rows, target)
        return {"path": str(target), "rows": count, "docs": count}

    from kp_core.data.io import write_jsonl
    from kp_core.data.split import template_disjoint_split

    examples = [row_to_example(row) for row in rows]
    result = template_disjoint_split(examples, eval_fraction=eval_fraction, seed=seed)
    held_out = Path(eval_path) if eval_path is not None else default_eval_path(target)
    write_jsonl(result.train, target)
    write_jsonl(result.eval, held_out)
    return {
        "path": str(target),
        "rows": len(result.train),
        "docs": len(examples),
        "eval_path": str(held_out),
        "eval_rows": len(result.eval),
        "split": result.info.to_json(),
    }
