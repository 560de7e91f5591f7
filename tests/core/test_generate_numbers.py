"""Numbers that only their context tells apart: bare case numbers after a file label, company
numbers after their register word, national numbers, phone numbers and IBANs of one party in one
line; court reports with parties, counsel and application numbers; organisations as parties in
every language."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kp_core.generate import generate_rows
from kp_core.generate.phrases import phrasebook_languages
from kp_core.generate.phrases._refs import CASE_LABELS, COMPANY_WORDS, NID_WORDS, REPORTS
from kp_core.identifiers.company_id import parse_company_id

_BARE = re.compile(r"\d{3,5}(?:/\d\d)?")
_MAIN = ("it", "sv", "cs", "da", "fr", "es")


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict]]:
    return {lang: list(generate_rows([lang], None, 600, seed=11, conventions="europriv")) for lang in _MAIN}


def _values(row: dict, label: str) -> list[tuple[int, str]]:
    return [(s["start"], row["text"][s["start"] : s["end"]]) for s in row["spans"] if s["label"] == label]


def _word_before(text: str, start: int, words) -> str | None:
    """The longest of ``words`` that ends right before ``start`` (a space or ": " between)."""
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    before = before[:-1].rstrip() if before.endswith(":") else before
    hits = [w.rstrip(":") for w in words if before.endswith(w.rstrip(":"))]
    return max(hits, key=len) if hits else None


@pytest.mark.parametrize("lang", _MAIN)
def test_company_ids_and_case_numbers_are_frequent(rows: dict[str, list[dict]], lang: str) -> None:
    """Over 600 documents of every domain, at least a fifth name a company by its register
    number and a fifth a case or file number; every third of those is a bare number."""
    docs = rows[lang]
    with_cid = sum(any(s["label"] == "COMPANY_ID" for s in r["spans"]) for r in docs)
    with_case = sum(any(s["label"] == "CASE_NUMBER" for s in r["spans"]) for r in docs)
    assert with_cid >= 0.2 * len(docs), with_cid
    assert with_case >= 0.2 * len(docs), with_case
    bare = sum(1 for r in docs for _, v in _values(r, "CASE_NUMBER") if _BARE.fullmatch(v))
    assert bare >= 0.15 * len(docs), bare


@pytest.mark.parametrize("lang", _MAIN)
def test_bare_case_numbers_follow_a_label_outside_the_span(rows: dict[str, list[dict]], lang: str) -> None:
    """A short number is a CASE_NUMBER because of the label before it: the span holds the digits
    only, and the language's own file labels (``pratica n.``, ``dnr``, ``č.j.``, ``j.nr.``,
    ``requête n°``, ``expediente n.º``) stand before most of them."""
    labelled = total = 0
    for row in rows[lang]:
        text = row["text"]
        for start, value in _values(row, "CASE_NUMBER"):
            if not _BARE.fullmatch(value):
                continue
            total += 1
            line = text[text.rfind("\n", 0, start) + 1 : start]
            assert re.search(r"[^\W\d]", line), (row["doc_id"], start)  # a word precedes it on its line
            if _word_before(text, start, CASE_LABELS[lang]):
                labelled += 1
    assert total > 100 and labelled > 0.5 * total, (labelled, total)


@pytest.mark.parametrize("lang", _MAIN)
def test_other_short_numbers_stay_unlabelled(rows: dict[str, list[dict]], lang: str) -> None:
    """Amounts, quantities, article and house numbers of the same shape are no case numbers."""
    outside = 0
    for row in rows[lang]:
        covered = [(s["start"], s["end"]) for s in row["spans"]]
        for m in re.finditer(r"(?<![\w/.,-])\d{3,5}(?![\w/.,-])", row["text"]):
            if not any(a <= m.start() < b for a, b in covered):
                outside += 1
    assert outside > 100, outside


@pytest.mark.parametrize("lang", sorted(COMPANY_WORDS))
def test_company_ids_validate_as_the_register_their_word_names(lang: str) -> None:
    rows = generate_rows([lang], ["legal", "general", "administrative"], 300, seed=5)
    words = {w.rstrip(":"): kind for kind, ws in COMPANY_WORDS[lang].items() for w in ws}
    named: Counter = Counter()
    for row in rows:
        for start, value in _values(row, "COMPANY_ID"):
            assert parse_company_id(value, row["country"]) is not None, (row["doc_id"], start)
            word = _word_before(row["text"], start, list(words))
            if word is not None:
                kind = words[word]
                assert parse_company_id(value, row["country"], kind) is not None, (row["doc_id"], start, kind)
                named[kind] += 1
    assert set(named) == set(COMPANY_WORDS[lang]), named


def test_swedish_organisation_and_personal_numbers_each_follow_their_own_word(rows) -> None:
    """Both are written NNNNNN-NNNN: the word before the number decides."""
    org_words = COMPANY_WORDS["sv"]["orgnr"]
    seen: Counter = Counter()
    for row in rows["sv"]:
        text = row["text"]
        for label, words in (("COMPANY_ID", org_words), ("NATIONAL_ID", NID_WORDS["sv"])):
            other = NID_WORDS["sv"] if label == "COMPANY_ID" else org_words
            for start, value in _values(row, label):
                if not re.fullmatch(r"\d{6}-\d{4}", value):
                    continue
                assert _word_before(text, start, other) is None, (row["doc_id"], start)
                if _word_before(text, start, words):
                    seen[label] += 1
    assert seen["COMPANY_ID"] > 50 and seen["NATIONAL_ID"] > 50, seen


@pytest.mark.parametrize("lang", _MAIN)
def test_one_line_holds_a_persons_national_id_phone_and_iban(rows: dict[str, list[dict]], lang: str) -> None:
    lines = 0
    for row in rows[lang]:
        text = row["text"]
        by_line: dict[int, set] = {}
        for s in row["spans"]:
            by_line.setdefault(text.rfind("\n", 0, s["start"]), set()).add(s["label"])
        lines += sum({"PERSON", "NATIONAL_ID", "PHONE", "ACCOUNT_ID"} <= labels for labels in by_line.values())
    assert lines >= 5, lines  # 5-20 per 600 documents, depending on the seed


@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_court_reports_name_parties_counsel_and_application_numbers(lang: str) -> None:
    reports = [
        r
        for r in generate_rows([lang], ["legal"], 240, seed=9, conventions="europriv")
        if r["genre"] == "court_report"
    ]
    assert len(reports) > 20
    for row in reports:
        labels = Counter(s["label"] for s in row["spans"])
        assert labels["CASE_NUMBER"] >= 1 and labels["ORG_PARTY"] >= 2 and labels["PERSON"] >= 2, row["doc_id"]
        assert "{" not in row["text"] and "<<" not in row["text"]
    echr = sum(bool(re.search(r"\d{4,5}/\d\d\b", r["text"])) for r in reports)
    assert echr > 0.1 * len(reports)


def test_organisations_are_parties_in_every_language() -> None:
    """Companies alone (scheme kp) in over 30% of the documents of every language; with
    hospitals and courts (scheme europriv) in over 60%."""
    for lang in phrasebook_languages():
        for scheme, floor in (("kp", 0.3), ("europriv", 0.6)):
            docs = list(generate_rows([lang], None, 200, seed=4, conventions=scheme))
            share = sum(any(s["label"] == "ORG_PARTY" for s in r["spans"]) for r in docs) / len(docs)
            assert share > floor, (lang, scheme, share)
