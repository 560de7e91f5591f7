"""Date surrogates in the source's own layout, whatever the layout.

A date is read as a template: its numbers (day, month, year) and its month word are the
fields, everything else (separators, "de", "gada", "m.", "d.", a trailing ".") is kept as
written. So "14 de julio de 2016", "2019 m. gruodžio 20 d.", "4. veljače 1999.", "22.
heinäkuuta 2016" and "9 April, 2022" are rewritten like "12/03/1985": the fields change, the
layout stays. A month word is a month name of the locale's language, else of any language, or
a name followed by a suffix (Finnish "heinäkuu" + "ta"), which is kept.

The surrogate moves by a keyed per-value shift of 30 days to 12 years. Windows the date must
not share (the leak rule) are checked by the pseudonymizer; the layout's own words are exempt
(:func:`layout_words`): "de" and "gada" name no one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache

from kp_core.anonymize.casing import case_like
from kp_core.anonymize.fpe import DIGITS, Shape, cycle_candidates, keyed_rng
from kp_core.anonymize.locale_choice import LocaleChoice, locale_or_default

_FIELD = re.compile(r"\d+|[^\W\d_]+")
_MAX_SHIFT_DAYS = 4383  # 12 years: ages and periods stay plausible
_MIN_SHIFT_DAYS = 30

Render = Callable[[dt.date], "str | None"]


@cache
def _month_tables(first: str) -> tuple[tuple[str, ...], ...]:
    """Month names to read a date's month word with: the locale's language first, then every
    other, so "10 maja 2018" reads as Polish in a document whose locale is unclear."""
    from kp_core.locales import LANGUAGES

    order = [first, *(lang for lang in LANGUAGES if lang != first)]
    return tuple(locale_or_default(lang).months for lang in order)


def _month_of(word: str, language: str) -> tuple[tuple[str, ...], int, str] | None:
    """(month names, month index, the source's spelling of the name) of a month word: an exact
    name first, else the longest name the word starts with (its suffix stays)."""
    folded = word.casefold()
    tables = _month_tables(language)
    for names in tables:
        for i, name in enumerate(names):
            if name.casefold() == folded:
                return names, i, word
    best: tuple[tuple[str, ...], int, str] | None = None
    for names in tables:
        for i, name in enumerate(names):
            stem = name.casefold()
            if len(stem) >= 3 and folded.startswith(stem) and (best is None or len(stem) > len(best[2])):
                best = (names, i, word[: len(stem)])
    return best


def parse_date(value: str, language: str) -> tuple[dt.date, Render] | None:
    """The date a value writes and a function writing another date the same way, or None when
    the value is not a calendar date in a layout read here."""
    fields = list(_FIELD.finditer(value))
    numbers = [f for f in fields if f.group().isdigit()]
    month_word = None
    for f in fields:
        if not f.group().isdigit() and (found := _month_of(f.group(), language)) is not None:
            month_word = (f, *found)
            break
    roles: dict[str, re.Match[str]] = {}
    if month_word is not None:
        if len(numbers) != 2:
            return None
        year, day = sorted(numbers, key=lambda f: len(f.group()), reverse=True)
        if len(year.group()) != 4 or len(day.group()) > 2:
            return None
        roles = {"y": year, "d": day}
    else:
        if len(numbers) != 3:
            return None
        a, b, c = numbers
        if len(a.group()) == 4:
            roles = {"y": a, "m": b, "d": c}
        elif len(c.group()) in (2, 4):
            roles = {"d": a, "m": b, "y": c}
        else:
            return None
        if len(roles["m"].group()) > 2 or len(roles["d"].group()) > 2:
            return None
    year_text = roles["y"].group()
    month = int(roles["m"].group()) if "m" in roles else month_word[2] + 1  # type: ignore[index]
    year = int(year_text)
    if len(year_text) == 2:
        year += 1900 if year >= 30 else 2000
    try:
        date = dt.date(year, month, int(roles["d"].group()))
    except ValueError:
        return None

    # "07" is padded; "14" is, when numbers alone write the date ("14.03.2016"), not next to a
    # month word ("14 de julio", so "7 de marzo").
    padded = {
        role: f.group().startswith("0") or (len(f.group()) == 2 and month_word is None) for role, f in roles.items()
    }

    def render(d: dt.date) -> str | None:
        if len(year_text) == 4 and d.year < 1000:
            return None
        texts = {"y": f"{d.year % 100:02d}" if len(year_text) == 2 else str(d.year)}
        for role, number in (("d", d.day), ("m", d.month)):
            if role in roles:
                texts[role] = f"{number:0{2 if padded[role] else 1}d}"
        spans = [(f.start(), f.end(), texts[role]) for role, f in roles.items()]
        if month_word is not None:
            match, names, _, spelled = month_word
            name = case_like(spelled, names[d.month - 1])
            spans.append((match.start(), match.start() + len(spelled), name))
        pieces, cursor = [], 0
        for start, end, text in sorted(spans):
            pieces += [value[cursor:start], text]
            cursor = end
        pieces.append(value[cursor:])
        return "".join(pieces)

    return date, render


def layout_words(value: str, language: str) -> str:
    """The words of a date's layout (every word but its month), joined by NUL: kept as they are
    in every surrogate, so never held against one."""
    if parse_date(value, language) is None:
        return ""
    return "\x00".join(
        f.group() for f in _FIELD.finditer(value) if not f.group().isdigit() and _month_of(f.group(), language) is None
    )


def date_candidates(key: bytes, value: str, locale: LocaleChoice) -> Iterator[str]:
    """The date shifted by a keyed amount (30 days to 12 years, either way), written in the
    source's layout. A value read as no date has its digits permuted, words kept."""
    parsed = parse_date(value, locale.language)
    if parsed is None:
        yield from cycle_candidates(key, "DATE|digits", Shape.of(value, keep=lambda i, ch: ch not in DIGITS))
        return
    date, render = parsed
    for attempt in range(1_000_000):
        rng = keyed_rng(key, "DATE", value, attempt)
        shifted = date + dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(_MIN_SHIFT_DAYS, _MAX_SHIFT_DAYS))
        if 1 <= shifted.year <= 9999:
            candidate = render(shifted)
            if candidate is not None:
                yield candidate
