"""Generator phrasebooks of the Western and Nordic languages (de fr es pt nl sv da fi et): valid
rows and identifiers (national IDs of the language's own country, IBANs, register and VAT
numbers), every KP type, diverse skeletons, and the writing conventions each language needs
(currency, mail headers, French elision and Portuguese contraction in entity names)."""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict

import pytest

from kp_core.data.skeleton import skeleton
from kp_core.data.validate import validate
from kp_core.generate import DOMAINS, generate_rows, ids
from kp_core.generate.phrases import get_phrases, phrasebook_languages
from kp_core.identifiers.checksums import iban_is_valid
from kp_core.identifiers.company_id import company_id_kinds, parse_company_id
from kp_core.identifiers.national_id import is_valid_national_id, parse_national_id, supported_countries
from kp_core.identifiers.national_id.extras import is_valid_extra_national_id, parse_extra_national_id
from kp_core.locales import get_locale
from kp_core.taxonomy import entity_names
from kp_core.types import Span

OURS = ("de", "fr", "es", "pt", "nl", "sv", "da", "fi", "et")
LANGS = tuple(lang for lang in OURS if lang in phrasebook_languages())
N_PER_LANG = 1500
_IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9 ]{10,}$")


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict]]:
    return {lang: list(generate_rows([lang], DOMAINS, N_PER_LANG, seed=29)) for lang in LANGS}


def _values(row: dict, label: str) -> list[str]:
    return [row["text"][s["start"] : s["end"]] for s in row["spans"] if s["label"] == label]


def test_all_nine_phrasebooks_exist_with_every_required_key() -> None:
    assert LANGS == OURS
    for lang in LANGS:
        get_phrases(lang)  # raises naming a missing key


@pytest.mark.parametrize("lang", LANGS)
def test_rows_are_valid_and_cover_every_kp_type(rows: dict[str, list[dict]], lang: str) -> None:
    report = validate(rows[lang], strict=True, progress=False)
    assert report.ok and report.valid_rows == N_PER_LANG, [str(p) for p in report.problems[:5]]
    counts = Counter(s["label"] for r in rows[lang] for s in r["spans"])
    assert set(counts) == set(entity_names()), set(entity_names()) - set(counts)
    assert min(counts.values()) >= 30, counts.most_common()[-3:]


@pytest.mark.parametrize("lang", LANGS)
def test_no_pattern_syntax_leaks_into_text(rows: dict[str, list[dict]], lang: str) -> None:
    for row in rows[lang]:
        assert not re.search(r"<<|>>|[{}]", row["text"]), row["doc_id"]


@pytest.mark.parametrize("lang", LANGS)
def test_identifiers_pass_their_checks_for_the_languages_country(rows: dict[str, list[dict]], lang: str) -> None:
    country = get_locale(lang).country
    counts: dict[str, int] = defaultdict(int)
    kinds: Counter = Counter()
    for row in rows[lang]:
        assert row["country"] == country
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
            parsed = parse_company_id(value, country)
            assert parsed is not None, (row["doc_id"], "COMPANY_ID")
            kinds[parsed.kind] += 1
    assert counts["nid"] > 300 and counts["iban"] > 150, dict(counts)
    # Register numbers where the text names the register, VAT numbers where it names VAT.
    assert kinds["vat"] > 20 and (len(company_id_kinds(country)) == 1 or sum(kinds.values()) - kinds["vat"] > 50)


@pytest.mark.parametrize("lang", LANGS)
def test_skeletons_are_diverse(rows: dict[str, list[dict]], lang: str) -> None:
    skeletons = {skeleton(r["text"], [Span(s["start"], s["end"], s["label"]) for s in r["spans"]]) for r in rows[lang]}
    assert len(skeletons) / N_PER_LANG >= 0.9


def test_national_ids_encode_the_persons_birth_date_and_sex() -> None:
    from kp_core.generate.values import Person

    for lang in LANGS:
        loc = get_locale(lang)
        for i in range(40):
            person = Person(loc, random.Random(i))
            value = person.national_id()
            if loc.country in supported_countries():
                parsed = parse_national_id(value, loc.country)
            else:
                parsed = parse_extra_national_id(value, loc.country)
            assert parsed is not None, (lang, i)
            if parsed.sex is not None:
                assert parsed.sex == person.sex, (lang, i)
            if parsed.birth_date is not None and not parsed.century_inferred:
                assert parsed.birth_date == person.birth, (lang, i)


@pytest.mark.parametrize(("lang", "currency"), [("sv", "SEK"), ("da", "DKK"), ("de", "EUR"), ("fi", "EUR")])
def test_invoices_use_the_countrys_currency(rows: dict[str, list[dict]], lang: str, currency: str) -> None:
    totals = [
        line
        for row in rows[lang]
        if row["genre"] == "invoice"
        for line in row["text"].splitlines()
        if re.search(r"\d (EUR|SEK|DKK)$", line)
    ]
    assert len(totals) > 20 and all(line.endswith(" " + currency) for line in totals)


def test_e_mails_use_localised_and_english_header_names(rows: dict[str, list[dict]]) -> None:
    starts = Counter(
        row["text"].split(":", 1)[0] for row in rows["de"] if row["genre"] == "email" and ":" in row["text"][:12]
    )
    assert starts["Von"] > 5 and starts["From"] > 5


def test_french_entity_names_elide_de_before_a_vowel(rows: dict[str, list[dict]]) -> None:
    elided = 0
    for row in rows["fr"]:
        for label in ("FACILITY", "COURT"):
            for value in _values(row, label):
                assert not re.search(r"\bde [AEIOUÂÉÈÎÔ]", value), (row["doc_id"], label)
                elided += "d'A" in value
    assert elided > 5


def test_portuguese_entity_names_contract_de_porto(rows: dict[str, list[dict]]) -> None:
    porto = 0
    for row in rows["pt"]:
        for label in ("FACILITY", "COURT"):
            for value in _values(row, label):
                assert "de Porto" not in value, (row["doc_id"], label)
                porto += "do Porto" in value
    assert porto > 5


def test_bare_salutations_never_show_a_gender_alternation() -> None:
    for lang in ("de", "fr", "es", "pt", "pl"):
        for row in generate_rows([lang], ["clinical"], 300, seed=4):
            if row["genre"] == "referral":
                assert "<<" not in row["text"] and ">>" not in row["text"], row["doc_id"]


def test_identifier_helpers_are_deterministic_and_draw_every_kind() -> None:
    import datetime as dt

    birth = dt.date(1980, 3, 4)
    for country in ("DE", "FR", "PT", "HU", "IE"):
        a = [ids.national_id(country, random.Random(s), birth, "F") for s in range(30)]
        b = [ids.national_id(country, random.Random(s), birth, "F") for s in range(30)]
        assert a == b
    # Hungary has two national numbers (11-digit személyi azonosító, 9-digit TAJ): both are drawn.
    values = [ids.national_id("HU", random.Random(s), birth, "M") for s in range(40)]
    assert all(is_valid_extra_national_id(v, "HU") for v in values)
    assert {len(re.sub(r"\D", "", v)) for v in values} == {9, 11}
    for country in ("DE", "FR", "ES", "PT", "NL", "SE", "DK", "FI", "EE"):
        rng = random.Random(country)
        vat = ids.company_id(country, rng, "vat")
        assert parse_company_id(vat, country, "vat") is not None, country
        default = ids.company_id(country, rng)
        assert parse_company_id(default, country) is not None, country
