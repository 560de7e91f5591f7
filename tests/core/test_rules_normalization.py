"""Identifiers hidden by Unicode tricks are found on the normalized view, at their exact original
offsets, and de-identification leaves none of them in clear."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kp_core.detector import NormalizedDetector
from kp_core.encoding.normalize import normalize
from kp_core.identifiers.checksums import generate_iban
from kp_core.identifiers.national_id import generate_national_id
from kp_core.rules.detector import RulesDetector
from kp_core.sdk import deidentify, extract_pii
from kp_core.types import Span

_RNG = random.Random(11)
IBAN = generate_iban("RO", _RNG, formatted=True)  # "RO.. XXXX XXXX ..."
CNP = generate_national_id("RO", _RNG, formatted=False)
PESEL = generate_national_id("PL", _RNG, formatted=False)
PHONE = "+40 721 234 567"


def _digits(value: str, zero: int) -> str:
    """``value`` with its ASCII digits written from the script whose zero is ``zero``."""
    return "".join(chr(zero + int(ch)) if ch.isdigit() else ch for ch in value)


def _fullwidth(value: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in value)


def _split(value: str, at: int, hidden: str) -> str:
    return value[:at] + hidden + value[at:]


def _nfkd(value: str) -> str:
    return unicodedata.normalize("NFKD", value)


# (case, text before, hidden identifier, text after, KP type). Each identifier is written the way
# it hides; the expected span is exactly the hidden identifier, hidden characters included.
CASES = [
    ("iban-nbsp", "IBAN: ", IBAN.replace(" ", "\u00a0"), ".", "ACCOUNT_ID"),
    ("iban-narrow-nbsp", "IBAN ", IBAN.replace(" ", "\u202f"), " (RON).", "ACCOUNT_ID"),
    ("iban-then-currency", "IBAN ", IBAN, " EUR 100.", "ACCOUNT_ID"),  # the greedy match once hid it
    ("iban-nbsp-currency", "IBAN ", IBAN.replace(" ", "\u00a0"), "\u00a0EUR 100.", "ACCOUNT_ID"),
    ("iban-zwsp", "IBAN: ", _split(IBAN.replace(" ", ""), 8, "\u200b"), ".", "ACCOUNT_ID"),
    ("iban-word-joiner", "cont ", _split(IBAN.replace(" ", ""), 4, "\u2060"), ";", "ACCOUNT_ID"),
    ("cnp-zwsp", "CNP ", _split(CNP, 6, "\u200b"), ".", "NATIONAL_ID"),
    ("cnp-zwnj-zwj", "CNP ", _split(_split(CNP, 9, "\u200d"), 3, "\u200c"), ",", "NATIONAL_ID"),
    ("cnp-bom", "CNP: ", _split(CNP, 1, "\ufeff"), ".", "NATIONAL_ID"),
    ("cnp-soft-hyphen", "CNP ", _split(CNP, 7, "\u00ad"), ".", "NATIONAL_ID"),
    ("cnp-fullwidth", "CNP ", _fullwidth(CNP), ".", "NATIONAL_ID"),
    ("pesel-arabic-indic", "PESEL ", _digits(PESEL, 0x0660), ".", "NATIONAL_ID"),
    ("pesel-devanagari", "PESEL ", _digits(PESEL, 0x0966), ".", "NATIONAL_ID"),
    ("phone-fullwidth", "mobile ", _fullwidth(PHONE), ".", "PHONE"),
    ("phone-arabic-indic", "Tel. ", _digits(PHONE, 0x0660), ".", "PHONE"),
    ("email-nfkd", "Scrieți la ", _nfkd("josé.garcía@exámple.es"), " azi.", "EMAIL"),
    ("email-nfkd-ascii-domain", "Mail: ", _nfkd("zoë.müller@example.de"), ", danke.", "EMAIL"),
]


def _padded(before: str, value: str, after: str) -> tuple[str, int, int]:
    # Hidden characters earlier in the document shift every later offset of the view.
    prefix = "Ana\u200b Pop\u00a0\u2060(dosar nr. 12)\n" + before
    return prefix + value + after, len(prefix), len(prefix) + len(value)


@pytest.mark.parametrize(("case", "before", "value", "after", "label"), CASES, ids=[c[0] for c in CASES])
def test_a_hidden_identifier_is_found_at_its_exact_original_offsets(case, before, value, after, label):
    text, start, end = _padded(before, value, after)
    spans = extract_pii(text, "rules")
    # The span's text is the identifier as written, hidden characters and all.
    assert [(s.start, s.end, s.label, s.text) for s in spans if s.label == label] == [(start, end, label, value)], case


@pytest.mark.parametrize(("case", "before", "value", "after", "label"), CASES, ids=[c[0] for c in CASES])
def test_redacting_a_hidden_identifier_leaves_none_of_it_in_clear(case, before, value, after, label):
    text, start, end = _padded(before, value, after)
    out = deidentify(text, method="redact")
    assert out.startswith(text[:start]) and out.endswith(text[end:]), case
    replaced = out[start : len(out) - (len(text) - end)]
    assert not any(ch.isalnum() for ch in replaced), case
    # Not one character of the identifier (digits, letters, hidden characters) survives.
    visible = [ch for ch in value if ch.isalnum()]
    assert visible and not any(ch in replaced for ch in value), case


@pytest.mark.parametrize("padding", [0, 300])
def test_a_zero_width_space_used_as_a_separator_does_not_glue_the_id_away(padding):
    # On the view "CNP" and the number touch; the text as written still separates them. Padded,
    # the text is searched again only around the edit, not from its start to its end.
    pad = "Text fără date personale. " * (padding // 26)
    text = f"{pad}CNP\u200b{CNP} .{pad}"
    start = len(pad) + 4
    assert [(s.start, s.end) for s in RulesDetector().find(text)] == [(start, start + len(CNP))]


def test_changed_regions_surround_each_edit_and_merge():
    view = normalize("a" * 100 + "\u200b" + "b" * 5 + "\u00a0" + "c" * 100 + "\u00ad")
    assert view.changed_regions(10) == [(90, 117), (197, 208)]


def test_checksums_run_on_the_normalized_digits():
    broken = CNP[:-1] + str((int(CNP[-1]) + 1) % 10)
    assert not RulesDetector().find("CNP " + _split(_digits(broken, 0x0660), 5, "\u200b") + ".")
    assert RulesDetector().find("CNP " + _split(_digits(CNP, 0x0660), 5, "\u200b") + ".")


def test_plain_ascii_is_its_own_view():
    text = f"CNP {CNP}, IBAN {IBAN}, {PHONE}."
    view = normalize(text)
    assert view.text is text and not view.changed
    assert view.offsets_to_original(4, 4 + len(CNP)) == (4, 4 + len(CNP))


def test_the_view_undoes_each_trick():
    assert normalize("1\u00a02\u202f3\u2007").text == "1 2 3 "
    assert normalize("1\u200b2\u200c3\u200d4\u20605\ufeff6\u00ad7").text == "1234567"
    assert normalize("\uff11\u0662\u0969\U0001d7d8").text == "1230"
    assert normalize("e\u0301").text == "\u00e9"
    assert normalize("a\u2011b\u2013c\u2028d").text == "a-b-c\nd"


def test_offsets_outside_the_view_are_a_clear_error():
    view = normalize("x\u200by")
    with pytest.raises(ValueError, match="0:3 are not a non-empty range of the view"):
        view.offsets_to_original(0, 3)


# Plain characters, hidden ones, look-alike spaces and digits, decomposed and composed letters.
_PIECES = st.sampled_from(
    (
        "a|Z|7|_| |@|.|\n|\u200b|\u00ad|\ufeff|\u2060|\u00a0|\u202f|"
        "\uff15|\u0663|e\u0301|u\u0308|\u00e9|\u0103|\u1100\u1161|\u0301|\u0323|\uff21|\u0958"
    ).split("|")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.data())
def test_every_view_range_maps_to_the_original_characters_behind_it(pieces, data):
    text = "".join(pieces)
    view = normalize(text)
    assert not any(unicodedata.category(ch) == "Cf" for ch in view.text)
    assert all(ch.isascii() for ch in view.text if ch.isdecimal() or ch.isspace())
    if not view.text:
        return
    a = data.draw(st.integers(0, len(view.text) - 1))
    b = data.draw(st.integers(a + 1, len(view.text)))
    start, end = view.offsets_to_original(a, b)
    assert 0 <= start < end <= len(text)

    # The original stretch normalizes to exactly the view's range, widened only to whole composed
    # clusters where the range cuts one (a cluster's view characters all map to all of it).
    def behind(i: int) -> tuple[int, int]:
        return view.offsets_to_original(i, i + 1)

    while a > 0 and behind(a - 1) == behind(a):
        a -= 1
    while b < len(view.text) and behind(b) == behind(b - 1):
        b += 1
    assert normalize(text[start:end]).text == view.text[a:b]
    # It starts and ends on a character that is seen, never on a hidden one.
    assert normalize(text[start]).text and normalize(text[end - 1]).text != ""


class _DigitRuns:
    """A stand-in model: 13-digit runs of its input, with their text, and nothing hidden-aware."""

    name, model_id = "digits", "digits:test"

    def predict_spans(self, texts):
        import re

        return [
            [Span(m.start(), m.end(), "NATIONAL_ID", 0.8, m.group()) for m in re.finditer(r"\d{13}", t)] for t in texts
        ]


def test_a_model_family_sees_hidden_identifiers_through_the_normalized_front():
    text, start, end = _padded("CNP ", _split(_fullwidth(CNP), 6, "\u200b"), ".")
    assert _DigitRuns().predict_spans([text]) == [[]]
    [spans] = NormalizedDetector(_DigitRuns()).predict_spans([text])
    assert [(s.start, s.end, s.text) for s in spans] == [(start, end, text[start:end])]


def test_the_normalized_front_merges_spans_where_a_model_cuts_a_composed_cluster():
    class Halves:
        name, model_id = "halves", "halves:test"

        def predict_spans(self, texts):  # the two view characters of the one original "\u0958"
            return [[Span(1, 2, "PERSON", 0.6), Span(2, 3, "PERSON", 0.7)] for _ in texts]

    [spans] = NormalizedDetector(Halves()).predict_spans(["x\u0958y"])
    assert [(s.start, s.end, s.label, s.text) for s in spans] == [(1, 2, "PERSON", "\u0958")]


_HIDERS = (
    lambda ch: "\u200b" + ch,
    lambda ch: "\u00ad" + ch,
    lambda ch: "\u00a0" if ch == " " else ch,
    lambda ch: chr(0x0660 + int(ch)) if ch.isdigit() else ch,
    lambda ch: chr(0xFF10 + int(ch)) if ch.isdigit() else ch,
    lambda ch: unicodedata.normalize("NFKD", ch),
)


def _hide(text: str, spans: list[Span], rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with every span's value rewritten by one random trick per character (the first
    character kept, so a value still starts where it did), and the values' new offsets."""
    out, where, last = [], [], 0
    for span in spans:
        out.append(text[last : span.start])
        start = sum(map(len, out))
        value = text[span.start : span.end]
        out.append(value[0] + "".join(rng.choice(_HIDERS)(ch) for ch in value[1:]))
        where.append((start, sum(map(len, out))))
        last = span.end
    out.append(text[last:])
    return "".join(out), where


def test_every_identifier_of_two_thousand_documents_is_found_again_once_hidden():
    from kp_core.generate import generate_rows

    rng = random.Random(5)
    detector = RulesDetector()
    checked = 0
    for index, row in enumerate(generate_rows(n=2000, seed=13)):
        found = [s for s in detector.find(row["text"]) if s.label in ("NATIONAL_ID", "ACCOUNT_ID", "PHONE", "EMAIL")]
        hidden, values = _hide(row["text"], found, rng)
        again = {(s.start, s.end, s.label) for s in detector.find(hidden)}
        for (start, end), span in zip(values, found, strict=True):
            # The rewritten value, hidden characters included, is found whole and as the same type.
            assert (start, end, span.label) in again, (index, start, end, span.label)
        checked += len(values)
    assert checked >= 2000
