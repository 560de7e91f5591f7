"""Generator phrasebooks of the Baltic, Central and South-East European languages (lt lv cs sk sl
hr hu el bg): valid rows and identifiers, every KP type, and the writing conventions of each
language (Greek capitals without accents, Bulgarian "г." outside dates, number-first article
headings, one full stop after a value that ends in its own)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from kp_core.data.validate import validate
from kp_core.generate import DOMAINS, generate_rows
from kp_core.generate.compose import upper_text
from kp_core.generate.phrases import get_phrases, phrasebook_languages
from kp_core.identifiers.checksums import iban_is_valid
from kp_core.identifiers.company_id import parse_company_id
from kp_core.identifiers.national_id import is_valid_national_id, supported_countries
from kp_core.identifiers.national_id.extras import is_valid_extra_national_id
from kp_core.taxonomy import entity_names

OURS = ("lt", "lv", "cs", "sk", "sl", "hr", "hu", "el", "bg")
LANGS = OURS
N_PER_LANG = 900
_IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9 ]{10,}$")
_GREEK_TONOS = re.compile("[ΆΈΉΊΌΎΏ]|\u0301")


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict]]:
    return {lang: list(generate_rows([lang], DOMAINS, N_PER_LANG, seed=23)) for lang in LANGS}


def _values(row: dict, label: str) -> list[str]:
    return [row["text"][s["start"] : s["end"]] for s in row["spans"] if s["label"] == label]


def test_all_nine_phrasebooks_load_with_every_required_key() -> None:
    assert set(OURS) <= set(phrasebook_languages())
    for lang in LANGS:
        get_phrases(lang)  # raises naming a missing key


@pytest.mark.parametrize("lang", LANGS)
def test_rows_are_valid_and_cover_every_kp_type(rows: dict[str, list[dict]], lang: str) -> None:
    report = validate(rows[lang], strict=True, progress=False)
    assert report.ok and report.valid_rows == N_PER_LANG, [str(p) for p in report.problems[:5]]
    seen = {s["label"] for r in rows[lang] for s in r["spans"]}
    assert seen == set(entity_names()), set(entity_names()) - seen


@pytest.mark.parametrize("lang", LANGS)
def test_identifiers_pass_their_checks(rows: dict[str, list[dict]], lang: str) -> None:
    counts: dict[str, int] = defaultdict(int)
    for row in rows[lang]:
        country = row["country"]
        for value in _values(row, "NATIONAL_ID"):
            if country in supported_countries():
                assert is_valid_national_id(value, country), (row["doc_id"], "NATIONAL_ID")
            else:
                assert is_valid_extra_national_id(value, country), (row["doc_id"], "NATIONAL_ID")
            counts["nid"] += 1
        for value in _values(row, "ACCOUNT_ID"):
            if _IBAN_SHAPE.match(value):
                assert iban_is_valid(value) and value.startswith(country), (row["doc_id"], "IBAN")
                counts["iban"] += 1
        for value in _values(row, "COMPANY_ID"):
            assert parse_company_id(value, country) is not None, (row["doc_id"], "COMPANY_ID")
            counts["cid"] += 1
    assert counts["nid"] > 100 and counts["iban"] > 50 and counts["cid"] > 20, dict(counts)


@pytest.mark.parametrize("lang", LANGS)
def test_no_doubled_stop_and_no_dangling_flat_separator(rows: dict[str, list[dict]], lang: str) -> None:
    for row in rows[lang]:
        text = row["text"]
        for span in row["spans"]:
            end = span["end"]
            if text[end - 1] == ".":
                assert text[end : end + 1] != "." or text[end : end + 3] == "...", (row["doc_id"], end)
        for value in _values(row, "ADDRESS"):
            assert not re.search(r"\w[/-](,|$)|\w/ ", value), (row["doc_id"], "ADDRESS")


def test_greek_capitals_carry_no_accents(rows: dict[str, list[dict]]) -> None:
    assert upper_text("el", "Εξιτήριο Μαΐου") == "ΕΞΙΤΗΡΙΟ ΜΑΪΟΥ"
    checked = 0
    for row in rows["el"]:
        for line in row["text"].splitlines():
            letters = [c for c in line if c.isalpha()]
            if len(letters) > 6 and all(c.isupper() for c in letters):
                assert not _GREEK_TONOS.search(line), (row["doc_id"], line[:20])
                checked += 1
    assert checked > 100


def test_bulgarian_year_abbreviation_stays_outside_dates(rows: dict[str, list[dict]]) -> None:
    after = 0
    for row in rows["bg"]:
        text = row["text"]
        for span in row["spans"]:
            if span["label"] == "DATE":
                assert not text[span["start"] : span["end"]].endswith("г."), (row["doc_id"], span["start"])
                after += text[span["end"] : span["end"] + 3] == " г."
    assert after > 100


@pytest.mark.parametrize(("lang", "pattern"), [("hu", r"^\d\. §$"), ("lv", r"^\d\. pants$"), ("sl", r"^\d\. člen$")])
def test_article_headings_put_the_number_first(rows: dict[str, list[dict]], lang: str, pattern: str) -> None:
    headings = [
        line
        for row in rows[lang]
        if row["genre"] in ("contract", "eu_act")
        for line in row["text"].splitlines()
        if re.match(pattern, line)
    ]
    assert len(headings) > 20
