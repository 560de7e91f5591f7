"""Streaming generation: document ``i`` depends only on (seed, i, languages, domains), never on
how many documents were generated before it, so generation is deterministic, resumable and
parallelisable, and memory stays constant however many rows are written."""

from __future__ import annotations

import hashlib
import os
import random
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kp_core._version import __version__
from kp_core.generate.compose import Context
from kp_core.generate.documents import DOMAINS, GENRES
from kp_core.generate.negatives import CLEAN, DOCUMENT, HARD_NEGATIVE, HARD_NEGATIVE_TYPES, KINDS, derive, keep_lines
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


_GOLDEN = (5**0.5 - 1) / 2
# Documents drawn at most for one derived document (a guard; a few suffice in every language).
_MAX_DRAWS = 64


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


def _compose(lang: str, domain: str, rng: random.Random, genre: str | None = None) -> tuple[Context, str]:
    """One document of ``domain`` in ``lang`` composed into a Context; its genre drawn by ``rng``
    unless given."""
    genres = GENRES[domain]
    chosen = rng.choice(tuple(genres))
    genre = genre or chosen
    ctx = Context(lang, rng)
    genres[genre](ctx)
    return ctx, genre


def _template_id(lang: str, domain: str, genre: str, structure: str) -> str:
    return f"{lang}.{domain}.{genre}.{hashlib.sha1(structure.encode()).hexdigest()[:12]}"


def document_kind(index: int, *, seed: int, clean_share: float = 0.0, hard_negative_share: float = 0.0) -> str:
    """Whether document ``index`` is a span document, a clean one or a hard negative. A Weyl
    sequence (golden-ratio steps from a point set by the seed) spreads the kinds so any run of
    documents holds very nearly the asked shares, and ``index`` alone decides."""
    if not clean_share and not hard_negative_share:
        return DOCUMENT
    offset = int.from_bytes(hashlib.sha1(f"kp-generate-kind:{seed}".encode()).digest()[:8], "big") / 2**64
    point = (offset + index * _GOLDEN) % 1.0
    if point < clean_share:
        return CLEAN
    if point < clean_share + hard_negative_share:
        return HARD_NEGATIVE
    return DOCUMENT


def generate_document(
    index: int,
    *,
    seed: int,
    languages: Sequence[str],
    domains: Sequence[str],
    label_scheme: str = "kp",
    clean_share: float = 0.0,
    hard_negative_share: float = 0.0,
) -> dict[str, Any]:
    """Row ``index`` of the dataset defined by (seed, languages, domains, shares). Languages and
    domains cycle so every (language, domain) pair gets the same share. A share of the rows are
    clean documents or hard negatives (:mod:`kp_core.generate.negatives`), cut from documents of
    the row's language, domain and genre."""
    lang = languages[index % len(languages)]
    domain = domains[(index // len(languages)) % len(domains)]
    kind = document_kind(index, seed=seed, clean_share=clean_share, hard_negative_share=hard_negative_share)
    if kind == DOCUMENT:
        ctx, genre = _compose(lang, domain, document_rng(seed, index))
        text, spans = ctx.b.build()
        structure = "|".join(ctx.signature)
        template_id = _template_id(lang, domain, genre, structure)
        country = ctx.loc.country
    else:
        text, spans, genre, country, structure = _derived(kind, index, seed, lang, domain)
        template_id = _template_id(lang, domain, genre, f"{kind}|{structure}")
    stripped = text.rstrip()
    out_spans = []
    for start, end, label in spans:
        if label_scheme == "europriv" and label in _EUROPRIV_PROJECTION:
            label = _EUROPRIV_PROJECTION[label]
            if label is None:
                continue
        out_spans.append({"start": start, "end": end, "label": label})
    return {
        "text": stripped,
        "spans": out_spans,
        "language": lang,
        "domain": domain,
        "country": country,
        "doc_id": f"kpgen-{seed}-{index}",
        "template_id": template_id,
        "genre": genre,
        "kind": kind,
        "generator_version": GENERATOR_VERSION,
    }


def _derived(kind: str, index: int, seed: int, lang: str, domain: str) -> tuple[str, list, str, str, str]:
    """A clean document or hard negative for row ``index``: its text, spans, genre, country and
    the structures of the documents it was cut from. The genre is that of the first source that
    gives anything (a chat has a name on every line, so it gives no clean text; another genre of
    the domain is drawn); later sources keep to it. Sources have rngs of their own, so the span
    document ``index`` would have been is not one of them."""
    signatures: list[str] = []
    chosen: list[str] = []
    country = ""
    allowed = HARD_NEGATIVE_TYPES if kind == HARD_NEGATIVE else frozenset()

    def sources() -> Iterator[tuple[str, list]]:
        nonlocal country
        for k in range(_MAX_DRAWS):
            rng = random.Random(f"kp-generate:{seed}:{index}:{kind}:{k}")
            ctx, genre = _compose(lang, domain, rng, chosen[0] if chosen else None)
            text, spans = ctx.b.build()
            if not chosen:
                part, part_spans = keep_lines(text, spans, allowed)
                if not part.strip() or (kind == HARD_NEGATIVE and not part_spans):
                    continue
                chosen.append(genre)
                country = ctx.loc.country
            signatures.append("|".join(ctx.signature))
            yield text, spans

    text, spans, used = derive(kind, sources())
    if not text:
        raise RuntimeError(f"no {kind} document could be cut from {_MAX_DRAWS} {lang} {domain} documents")
    return text, spans, chosen[0], country, "/".join(signatures[:used])


def generate_rows(
    languages: Sequence[str] | None = None,
    domains: Sequence[str] | None = None,
    n: int = 1000,
    seed: int = 0,
    *,
    start: int = 0,
    conventions: str = "kp",
    label_scheme: str | None = None,
    clean_share: float = 0.0,
    hard_negative_share: float = 0.0,
) -> Iterator[dict[str, Any]]:
    """Yield ``n`` rows (documents ``start`` .. ``start + n - 1``) in the kp row format.

    ``languages`` default to every language with a phrasebook, ``domains`` to clinical, legal, administrative and general.
    ``conventions`` "kp" keeps every KP type; "europriv" applies the EuroPriv-Bench gold
    conventions (hospital/court → ORG_PARTY, clinician → PERSON, statutes unlabelled).
    ``label_scheme`` is its old name, accepted until the next release.
    ``clean_share`` and ``hard_negative_share`` are the shares of rows that are clean documents
    (no spans) and hard negatives (only organisation, court, facility, statute and date spans);
    see :mod:`kp_core.generate.negatives`.
    """
    label_scheme = _conventions(conventions, label_scheme)
    known = phrasebook_languages()
    langs = _check(languages or known, known, "language")
    doms = _check(domains or DOMAINS, DOMAINS, "domain")
    if label_scheme not in LABEL_SCHEMES:
        raise ValueError(f"unknown label scheme {label_scheme!r}; known: {', '.join(LABEL_SCHEMES)}")
    if n < 0 or start < 0:
        raise ValueError("n and start must be >= 0")
    _check_shares(clean_share, hard_negative_share)
    for index in range(start, start + n):
        yield generate_document(
            index,
            seed=seed,
            languages=langs,
            domains=doms,
            label_scheme=label_scheme,
            clean_share=clean_share,
            hard_negative_share=hard_negative_share,
        )


def _check_shares(clean_share: float, hard_negative_share: float) -> None:
    for name, share in (("clean share", clean_share), ("hard-negative share", hard_negative_share)):
        if not 0 <= share <= 1:
            raise ValueError(f"the {name} must lie in [0, 1], got {share}")
    if clean_share + hard_negative_share > 1:
        raise ValueError(
            f"the clean share ({clean_share}) and hard-negative share ({hard_negative_share}) add up to more than 1"
        )


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
        extra={"genre": row["genre"], "kind": row["kind"], "generator_version": row["generator_version"]},
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
    clean_share: float = 0.0,
    hard_negative_share: float = 0.0,
) -> dict[str, Any]:
    """Generate ``n`` rows into ``path`` (JSONL). With ``split``, ``path`` gets the training rows
    and ``eval_path`` (default :func:`default_eval_path`) the eval rows of a template-disjoint split
    (that mode holds the rows in memory to group them). Returns a summary: ``path`` and ``rows``
    (the rows in it), ``docs`` (generated), and with ``split`` also ``eval_path``, ``eval_rows``
    and ``split`` (the split's info). ``clean_share`` and ``hard_negative_share``: see
    :func:`generate_rows`; ``kinds`` in the summary counts the rows of each kind when any is derived."""
    kinds: Counter[str] = Counter()

    def counted(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            kinds[row["kind"]] += 1
            yield row

    rows: Iterable[dict[str, Any]] = counted(
        generate_rows(
            languages,
            domains,
            n,
            seed,
            conventions=_conventions(conventions, label_scheme),
            clean_share=clean_share,
            hard_negative_share=hard_negative_share,
        )
    )
    if progress:
        from tqdm import tqdm

        rows = tqdm(rows, total=n, unit="doc", desc="generate")
    target = Path(path)
    if not split:
        count = write_rows(rows, target)
        return {"path": str(target), "rows": count, "docs": count, **_kinds(kinds)}

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
        **_kinds(kinds),
    }


def _kinds(kinds: Counter[str]) -> dict[str, dict[str, int]]:
    """The summary's ``kinds`` entry, left out when every row is a span document (as before the
    derived kinds existed)."""
    if set(kinds) <= {DOCUMENT}:
        return {}
    return {"kinds": {kind: kinds[kind] for kind in KINDS}}
