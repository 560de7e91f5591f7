"""What is not PII though it looks like it, and names of ordinary words: statute citations with
their full date (never a DATE), generic clinical words (never a HEALTH_CONDITION), company names
whose first word is a common word (whole ORG_PARTY spans), hospitals named with their region
(one span)."""

from __future__ import annotations

import re
from functools import cache

import pytest

from kp_core.generate import generate_rows
from kp_core.generate.phrases import get_phrases, phrasebook_languages
from kp_core.generate.phrases._plain import (
    CLINICAL_PLAIN,
    DX_PLAIN,
    HOSPITAL_REGIONS,
    ORG_PLAIN,
    STATUTE_LINES,
    STATUTES,
)

LANGS = phrasebook_languages()


@cache
def _statute_re(lang: str) -> re.Pattern[str]:
    """Any of the language's dated statute citations, slots matched loosely."""
    alternatives = []
    for pattern in STATUTES[lang]:
        body = re.escape(pattern)
        for slot in ("date", "num", "rom", "yy", "y", "n2", "n"):
            body = body.replace(re.escape("{" + slot + "}"), ".+?")
        alternatives.append(body)
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def _rows(lang: str, domain: str, n: int, scheme: str, seed: int = 7) -> list[dict]:
    return list(generate_rows([lang], [domain], n, seed=seed, conventions=scheme))


def _overlaps(row: dict, start: int, end: int, labels: set[str] | None = None) -> list[str]:
    return [
        s["label"]
        for s in row["spans"]
        if s["start"] < end and start < s["end"] and (not labels or s["label"] in labels)
    ]


def test_every_language_has_the_tables() -> None:
    for table in (STATUTES, STATUTE_LINES, CLINICAL_PLAIN, DX_PLAIN, ORG_PLAIN):
        assert set(LANGS) <= set(table)
    assert {"da", "sv", "cs", "it"} <= set(HOSPITAL_REGIONS)


@pytest.mark.parametrize("lang", LANGS)
def test_dated_statutes_in_declarations_are_one_statute_span_and_no_date(lang: str) -> None:
    kp_rows = _rows(lang, "administrative", 240, "kp")
    eu_rows = _rows(lang, "administrative", 240, "europriv")
    declarations = with_statute = 0
    for kp_row, eu_row in zip(kp_rows, eu_rows, strict=True):
        assert kp_row["text"] == eu_row["text"]
        dated = [
            s
            for s in kp_row["spans"]
            if s["label"] == "STATUTE_REF" and _statute_re(lang).fullmatch(kp_row["text"][s["start"] : s["end"]])
        ]
        for span in dated:
            # the whole citation, its date inside, is one span: no DATE in either scheme
            assert _overlaps(kp_row, span["start"], span["end"]) == ["STATUTE_REF"]
            assert _overlaps(eu_row, span["start"], span["end"]) == []
        if kp_row["genre"] == "declaration":
            declarations += 1
            with_statute += bool(dated)
    assert declarations >= 40
    assert with_statute / declarations >= 0.45, (lang, with_statute, declarations)  # drawn in 60%


@pytest.mark.parametrize("lang", ["it", "sv", "cs", "da", "de", "fr", "es", "en"])
def test_dated_statutes_in_legal_documents(lang: str) -> None:
    rows = _rows(lang, "legal", 300, "kp")
    hits = sum(
        any(
            s["label"] == "STATUTE_REF" and _statute_re(lang).fullmatch(r["text"][s["start"] : s["end"]])
            for s in r["spans"]
        )
        for r in rows
    )
    assert hits / len(rows) >= 0.2, (lang, hits)


def test_statute_dates_are_written_out() -> None:
    rows = _rows("it", "administrative", 300, "kp")
    cited = [r["text"][s["start"] : s["end"]] for r in rows for s in r["spans"] if s["label"] == "STATUTE_REF"]
    assert any(re.fullmatch(r"D\.P\.R\. \d{1,2} [a-z]+ \d{4}, n\. \d+", c) for c in cited)


@pytest.mark.parametrize("lang", LANGS)
def test_generic_clinical_words_are_unlabelled(lang: str) -> None:
    rows = _rows(lang, "clinical", 150, "europriv")
    plain = [line.split("{")[0].rstrip() for line in CLINICAL_PLAIN[lang]] + [": " + p for p in DX_PLAIN[lang]]
    found = 0
    for row in rows:
        for line in plain:
            start = row["text"].find(line)
            if start >= 0:
                found += 1
                assert not _overlaps(row, start, start + len(line)), (lang, row["doc_id"])
    assert found >= 30, (lang, found)


@pytest.mark.parametrize("lang", LANGS)
def test_companies_of_ordinary_words_are_whole_org_spans(lang: str) -> None:
    rows = list(generate_rows([lang], None, 300, seed=3, conventions="europriv"))
    suffixes = get_phrases(lang)["org_suffixes"]
    cores = sorted(ORG_PLAIN[lang], key=len, reverse=True)
    whole = 0
    for row in rows:
        for span in row["spans"]:
            if span["label"] != "ORG_PARTY":
                continue
            value = row["text"][span["start"] : span["end"]]
            assert not re.match(r"\d+\. ", value), (lang, row["doc_id"])  # a list number stays outside
            bare = value.removeprefix("Nord-")
            if any(bare.startswith(core + " ") for core in cores) and any(value.endswith(" " + s) for s in suffixes):
                whole += 1
    assert whole >= 20, (lang, whole)


@pytest.mark.parametrize("lang", sorted(HOSPITAL_REGIONS))
def test_hospital_with_region_is_one_span(lang: str) -> None:
    patterns, regions = HOSPITAL_REGIONS[lang]
    names = "|".join(re.escape(r.rpartition("|")[2]) for r in regions)
    shapes = [re.escape(p).replace(re.escape("{h}"), ".+").replace(re.escape("{r}"), f"(?:{names})") for p in patterns]
    named = re.compile("|".join(shapes))
    for scheme, label in (("kp", "FACILITY"), ("europriv", "ORG_PARTY")):
        rows = _rows(lang, "clinical", 150, scheme, seed=5)
        hits = 0
        for row in rows:
            for span in row["spans"]:
                value = row["text"][span["start"] : span["end"]]
                if span["label"] == label and named.fullmatch(value):
                    hits += 1
                    assert _overlaps(row, span["start"], span["end"]) == [label]
        assert hits >= 20, (lang, scheme, hits)
