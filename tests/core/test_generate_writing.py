"""Generated documents read like their genre: clinicians' titles agree with their sex, a national-ID
label names the kind of number that follows it, numbers use the language's decimal separator,
chats do not repeat themselves and run forward in time, CV periods follow one another, Estonian
sentences avoid month names whose case would be wrong, Hungarian names put the family name first,
and referrals never open with a dangling salutation."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from kp_core.generate import generate_rows
from kp_core.generate.compose import lab_tests
from kp_core.generate.phrases import get_phrases
from kp_core.identifiers.company_id import parse_company_id
from kp_core.locales import get_locale

_FEMALE_ONLY = {
    "es": {"Dra.", "Dr.ª"},
    "pt": {"Dra.", "Prof.ª"},
    "it": {"Dr.ssa", "Dott.ssa", "Prof.ssa"},
    "lv": {"ārste"},
}
_MALE_ONLY = {"es": set(), "pt": set(), "it": {"Dott.", "Prof."}, "lv": {"ārsts"}}


def _spans(row: dict, label: str) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in row["spans"] if s["label"] == label]


def _line_before(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : start]


@pytest.mark.parametrize("lang", sorted(_FEMALE_ONLY))
def test_clinicians_titles_agree_with_their_sex(lang: str) -> None:
    loc = get_locale(lang)
    # A first name that is also part of a surname ("De Luca") says nothing about the sex.
    surname_words = {w for pair in loc.surnames for form in pair for w in form.split()}
    female = set(loc.first_names["F"]) - surname_words
    male = set(loc.first_names["M"]) - surname_words
    seen: Counter = Counter()
    for row in generate_rows([lang], ["clinical"], 600, seed=31):
        text = row["text"]
        for start, end in _spans(row, "PROVIDER"):
            words = text[start:end].replace(".", " ").split()
            sex = "F" if any(w in female for w in words) else "M" if any(w in male for w in words) else None
            title = _line_before(text, start).rstrip().rpartition(" ")[2]
            if sex is None or title not in loc.doctor_titles:
                continue
            assert not (sex == "M" and title in _FEMALE_ONLY[lang]), (row["doc_id"], start)
            assert not (sex == "F" and title in _MALE_ONLY[lang]), (row["doc_id"], start)
            seen[sex, title in _FEMALE_ONLY[lang]] += 1
    assert seen["F", True] > 10 and seen["M", False] > 10, seen


def test_hungarian_id_labels_name_the_kind_of_number() -> None:
    kinds: Counter = Counter()
    for row in generate_rows(["hu"], None, 1500, seed=37):
        text = row["text"]
        for start, end in _spans(row, "NATIONAL_ID"):
            digits = len(re.sub(r"\D", "", text[start:end]))
            label = _line_before(text, start).upper()[-40:]
            if "TAJ" in label:
                assert digits == 9, (row["doc_id"], start)
                kinds["taj"] += 1
            if "SZEMÉLYI" in label:
                assert digits == 11, (row["doc_id"], start)
                kinds["szemelyi"] += 1
    assert kinds["taj"] > 20 and kinds["szemelyi"] > 20, kinds


@pytest.mark.parametrize(("lang", "wrong"), [("de", r"\d\.\d"), ("cs", r"\d\.\d"), ("en", r"\d,\d")])
def test_lab_values_and_prices_use_the_languages_decimal_separator(lang: str, wrong: str) -> None:
    tests = tuple(name for name, *_ in lab_tests(lang))
    lines: Counter = Counter()
    for row in generate_rows([lang], ["clinical", "general"], 800, seed=41):
        for line in row["text"].splitlines():
            if row["genre"] == "lab_report" and line.lstrip("| ").startswith(tests):
                kind = "lab"
            elif row["genre"] == "invoice" and line.count("\t") == 4:
                kind = "invoice"
            else:
                continue
            assert not re.search(wrong, line), (row["doc_id"], kind)
            lines[kind] += 1
    assert lines["lab"] > 100 and lines["invoice"] > 50, lines


def test_chats_never_repeat_a_message_and_run_forward() -> None:
    stamp = re.compile(r"^\[?(\d{1,2}):(\d{2})\]? ")
    chats = 0
    for row in generate_rows(None, ["general"], 2200, seed=43):
        if row["genre"] != "chat":
            continue
        chats += 1
        lines = row["text"].splitlines()
        messages = [line.split(": ", 1)[1] for line in lines]
        assert len(set(messages)) == len(messages), row["doc_id"]
        times = [int(m.group(1)) * 60 + int(m.group(2)) for m in map(stamp.match, lines) if m]
        assert times == sorted(times), row["doc_id"]
    assert chats > 50


def test_cv_periods_follow_one_another() -> None:
    iso = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    checked = 0
    for row in generate_rows(["sv", "lt", "hu", "de"], ["general"], 2000, seed=47):
        if row["genre"] != "cv":
            continue
        text = row["text"]
        periods = []
        for line_start in [0] + [m.end() for m in re.finditer("\n", text)]:
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            dates = [(s, e) for s, e in _spans(row, "DATE") if line_start <= s < line_end]
            if len(dates) == 2 and " – " in text[dates[0][1] : dates[1][0]]:
                periods.append(tuple(text[s:e] for s, e in dates))
        assert periods, row["doc_id"]
        values = [d for p in periods for d in p]
        assert len(set(values)) == len(values), row["doc_id"]  # no two jobs share a date
        if all(iso.match(v) for v in values):
            # Each period starts before it ends and after the previous (older, listed next) ended.
            bounds = [dt.date.fromisoformat(v) for p in reversed(periods) for v in p]
            assert bounds == sorted(bounds), row["doc_id"]
            checked += 1
    assert checked > 5


def test_estonian_sentences_use_no_month_names() -> None:
    """Estonian month names take the case of their role ("15. märtsil", "alates 15. märtsist"),
    so a month-name date only stands where the nominative is right: after a label, at the start
    of a line, in a period ("–"), never right after a word of running text."""
    named = 0
    for row in generate_rows(["et"], None, 2000, seed=53):
        text = row["text"]
        for start, end in _spans(row, "DATE"):
            if re.search(r"[^\W\d_]", text[start:end]):
                named += 1
                assert not re.search(r"[^\W\d_] $", _line_before(text, start)), (row["doc_id"], start)
    assert named > 200


def test_hungarian_names_put_the_family_name_first() -> None:
    loc = get_locale("hu")
    surnames = {form for pair in loc.surnames for form in pair}
    checked = 0
    for row in generate_rows(["hu"], None, 1000, seed=59):
        for start, end in _spans(row, "PERSON") + _spans(row, "PROVIDER"):
            words = row["text"][start:end].split()
            if len(words) > 1 and not all(w.endswith(".") for w in words):  # initials alone: "R. E."
                assert words[0].title() in surnames, (row["doc_id"], start)
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize("lang", ["en", "hu", "et", "it", "de"])
def test_referrals_never_open_with_a_dangling_salutation(lang: str) -> None:
    heads = {g.split("{")[0].split("<<")[0].strip() for g in get_phrases(lang)["greet"] if "{" in g}
    heads.discard("")
    referrals = 0
    for row in generate_rows([lang], ["clinical"], 600, seed=61):
        if row["genre"] == "referral":
            referrals += 1
            assert not heads & {line.strip() for line in row["text"].splitlines()}, row["doc_id"]
    assert referrals > 50


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("ro", {"CUI": "cui", "Reg. Com.": "trade_register", "ORC": "trade_register", "J:": "trade_register"}),
        ("pl", {"KRS": "krs", "REGON": "regon", "NIP": "nip"}),
    ],
)
def test_register_numbers_follow_the_register_their_label_names(lang: str, labels: dict[str, str]) -> None:
    """Romanian J-numbers and CUIs, Polish KRS, REGON and NIP numbers all occur, each after the
    label of its own register."""
    kinds: Counter = Counter()
    for row in generate_rows([lang], ["legal", "general"], 1500, seed=67):
        text = row["text"]
        for start, end in _spans(row, "COMPANY_ID"):
            value = text[start:end]
            assert parse_company_id(value, row["country"]) is not None, (row["doc_id"], start)
            before = _line_before(text, start)[-45:]
            named = [(before.rfind(label), kind) for label, kind in labels.items() if label in before]
            if named:
                # A Polish NIP is also a well-formed KRS (ten digits): parse as the named kind.
                kind = max(named)[1]
                assert parse_company_id(value, row["country"], kind) is not None, (row["doc_id"], start, kind)
                kinds[kind] += 1
    assert all(kinds[kind] > 30 for kind in set(labels.values())), kinds
