"""Court reports name people, places, public bodies and applications as European court reports
do: public bodies are ORG_PARTY (scheme europriv), people by initials or surname after a title
written outside the span, a city alone as an ADDRESS, every application number of a list its own
CASE_NUMBER span, and Polish courts by written-out names whose city is in the locative."""

from __future__ import annotations

import re

import pytest

from kp_core.generate import generate_rows
from kp_core.generate.phrases import get_phrases
from kp_core.generate.phrases._echr import AND, COURTS, FOREIGN_CITIES, INSTITUTIONS
from kp_core.locales import get_locale

_LANGS = ("fr", "es", "it", "pl", "en", "de", "cs", "sv", "da", "nl", "pt")


@pytest.fixture(scope="module")
def reports() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for lang in _LANGS:
        rows = generate_rows([lang], ["legal"], 700, seed=5, conventions="europriv")
        out[lang] = [r for r in rows if r["genre"] in ("court_report", "court_judgment")]
    return out


def _texts(row: dict, label: str) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], row["text"][s["start"] : s["end"]]) for s in row["spans"] if s["label"] == label]


def _body_pattern(lang: str) -> re.Pattern[str]:
    names = []
    for entry in COURTS[lang] + INSTITUTIONS[lang]:
        name = re.escape(entry.partition("|")[2]).replace(r"\{c\}", r"[^\s,;.()]+(?: [^\s,;.()]+)?")
        names.append(name.replace("de\\ ", "d(?:e\\ |')"))
    return re.compile("|".join(names))


@pytest.mark.parametrize("lang", ("fr", "es", "it", "pl"))
def test_public_bodies_are_org_party_in_court_reports(reports: dict[str, list[dict]], lang: str) -> None:
    pattern = _body_pattern(lang)
    found = 0
    for row in reports[lang]:
        for start, _, text in _texts(row, "ORG_PARTY"):
            if pattern.fullmatch(text):
                found += 1
                article = row["text"][max(0, start - 4) : start]
                assert not article.strip().endswith(("le", "la", "el", "il")) or article.endswith(" "), row["doc_id"]
    assert found > 20, found


@pytest.mark.parametrize("lang", ("fr", "es", "en"))
def test_initials_and_surnames_follow_a_title_outside_the_span(reports: dict[str, list[dict]], lang: str) -> None:
    honorifics = {h for forms in get_locale(lang).honorifics.values() for h in forms}
    initials = surnames = 0
    for row in reports[lang]:
        text = row["text"]
        for start, _, name in _texts(row, "PERSON"):
            before = text[:start].rstrip().rpartition(" ")[2].rpartition("\n")[2]
            assert before not in {name}, row["doc_id"]
            if re.fullmatch(r"\w\. \w\.", name):
                initials += 1
            elif " " not in name and before in honorifics:
                surnames += 1
        assert not any(s["label"] == "PERSON" and text[s["start"]] in " ." for s in row["spans"])
    assert initials > 5 and surnames > 5, (initials, surnames)


def test_people_come_from_other_countries(reports: dict[str, list[dict]]) -> None:
    foreign = sum(bool(re.search(r"[şğıİŞĞÇ]", text)) for row in reports["fr"] for _, _, text in _texts(row, "PERSON"))
    assert foreign > 3, foreign


@pytest.mark.parametrize(("lang", "verb"), (("fr", "habite aujourd'hui à "), ("es", "reside actualmente en "), ("en", "lives in ")))
def test_a_city_alone_is_an_address(reports: dict[str, list[dict]], lang: str, verb: str) -> None:
    abroad = 0
    for row in reports[lang]:
        for start, _, text in _texts(row, "ADDRESS"):
            if row["text"][:start].endswith(verb):
                assert "," not in text, row["doc_id"]  # a city ("Dublin 8"), no street or postcode
                abroad += text in FOREIGN_CITIES
    assert abroad > 3, abroad


@pytest.mark.parametrize("lang", ("fr", "es", "en", "pl"))
def test_each_application_number_of_a_list_is_its_own_span(reports: dict[str, list[dict]], lang: str) -> None:
    number = r"\d{4,5}/\d\d"
    lists = re.compile(rf"{number}(?:, {number})* {AND[lang]} {number}")
    seen = 0
    for row in reports[lang]:
        spans = {(s["start"], s["end"]) for s in row["spans"] if s["label"] == "CASE_NUMBER"}
        for match in lists.finditer(row["text"]):
            for item in re.finditer(number, match.group()):
                assert (match.start() + item.start(), match.start() + item.end()) in spans, row["doc_id"]
            seen += 1
    assert seen > 5, seen


def test_polish_courts_come_from_a_fixed_list() -> None:
    allowed = set(get_phrases("pl")["court_fmts"]) | {e.partition("|")[2] for e in COURTS["pl"]}
    assert all("{" not in name for name in allowed)
    allowed |= {name.upper() for name in allowed}  # headers may be written in capitals
    seen = 0
    for row in generate_rows(["pl"], ["legal"], 400, seed=9):
        for _, _, text in _texts(row, "COURT"):
            assert text in allowed, row["doc_id"]
            seen += 1
    assert seen > 20, seen


def test_court_reports_are_deterministic() -> None:
    first = list(generate_rows(["fr", "pl"], ["legal"], 60, seed=3, conventions="europriv"))
    again = list(generate_rows(["fr", "pl"], ["legal"], 60, seed=3, conventions="europriv"))
    assert first == again
