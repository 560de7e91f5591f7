"""National-ID surrogates: a valid ID of the source's own country and kind, of the same shape,
that encodes the same sex and the same birth decade (hence century) where the ID does.

The country: the document's country (the locale) when one of its validators accepts the value
(the EuroPriv-Bench validator, then kp's extra ones); otherwise another country whose
validator accepts it, one whose check character matched before one without (see
:func:`national_id_kind`), then in a fixed order (the 15 EuroPriv-Bench countries in the
harness's table order, then :func:`kp_core.identifiers.national_id.extras.extra_countries`). A surrogate is
then accepted only by that country's validator of the same kind (a Hungarian személyi azonosító
stays one, never a TAJ number), follows the country's issuing rules
(:mod:`kp_core.identifiers.national_id.issuing`) when the source does, keeps a Swedish coordination number a
coordination number (and a personnummer a personnummer), and encodes no birth date later than
:data:`BIRTH_HORIZON` (or than the end of the source's birth year, if later): a fixed date, so the
same key and value give the same surrogate on any day. A value no validator accepts keeps its
shape only.

Digits are permuted by :func:`kp_core.anonymize.fpe.cycle_candidates`; the characters that carry
sex, century and decade stay as they are, the birth date varies as one field over the real dates
of the source's decade (:class:`_DatedShape`), check characters are computed (zeroed in the
shape, so sources that differ only there share one permutation), and what the validity predicate
still rejects (parity-coded sex, issuing rules) is cycle-walked. A source without a readable
birth date gets a surrogate without one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import cache

import attrs

from kp_core.anonymize.fpe import Shape, char_class, cycle_candidates
from kp_core.anonymize.locale_choice import LocaleChoice
from kp_core.anonymize.steuer_idnr_shape import DoubleDigitShape, double_digit_form
from kp_core.identifiers.national_id._model import ParsedId

BIRTH_HORIZON = dt.date(2025, 12, 31)

Compute = Callable[[str], "str | None"]


@attrs.frozen
class IdKind:
    """One national-ID validator: ``name`` tells kinds of one country apart (HU)."""

    country: str
    name: str
    parse: Callable[[str], ParsedId | None]


@cache
def _country_order() -> tuple[str, ...]:
    from kp_core.identifiers.national_id import supported_countries
    from kp_core.identifiers.national_id.extras import extra_countries

    core = supported_countries()
    return core + tuple(c for c in extra_countries() if c not in core)


@cache
def _kinds(country: str) -> tuple[IdKind, ...]:
    from kp_core.identifiers.national_id import get_validator, supported_countries
    from kp_core.identifiers.national_id.extras import extra_countries, get_extra_validators

    out = []
    if country in supported_countries():
        v = get_validator(country)
        out.append(IdKind(v.country, v.name, v.parse))
    if country in extra_countries():
        out += [IdKind(v.country, v.name, v.parse) for v in get_extra_validators(country)]
    return tuple(out)


def national_id_kind(value: str, country: str = "") -> tuple[IdKind, ParsedId] | None:
    """The validator that reads ``value`` and what it reads: the document's ``country`` first;
    otherwise, of the other countries whose validator accepts it, one with a check character
    that follows its issuing rules before one without (a Danish CPR, a 9-digit rodné číslo or a
    Maltese card number accept any digits with a date or a letter), then the fixed order. None
    when no validator accepts it."""
    code = country.upper()
    for kind in _kinds(code) if code else ():
        parsed = kind.parse(value)
        if parsed is not None:
            return kind, parsed
    found = []
    for rank, other in enumerate(c for c in _country_order() if c != code):
        for kind in _kinds(other):
            parsed = kind.parse(value)
            if parsed is not None:
                found.append((_weak(kind, value, parsed), rank, kind, parsed))
    if not found:
        return None
    _, _, kind, parsed = min(found, key=lambda f: f[:2])
    return kind, parsed


def _weak(kind: IdKind, value: str, parsed: ParsedId) -> bool:
    """True when the value is accepted without any check character, or breaks an issuing rule."""
    from kp_core.identifiers.national_id.issuing import follows_issuing_rules

    alnum = "".join(ch for ch in value if ch.isalnum())
    return not _layout(kind, alnum, parsed).checks or not follows_issuing_rules(parsed)


def national_id_country(value: str, country: str = "") -> str | None:
    """The country :func:`national_id_kind` reads ``value`` as (None: no validator accepts it)."""
    found = national_id_kind(value, country)
    return None if found is None else found[0].country


# --- layouts: kept characters and check characters, per country --------------------------------


@attrs.frozen
class _Layout:
    """Indices among a value's letters and digits: ``kept`` stay as they are (sex, century and
    decade digits, kind markers); ``checks`` are computed by ``compute`` from the other letters
    and digits, in order (upper-cased)."""

    kept: tuple[int, ...] = ()
    checks: tuple[int, ...] = ()
    compute: Compute | None = None


def _digit(fn: Callable[[str], int | None]) -> Compute:
    def compute(body: str) -> str | None:
        check = fn(body)
        return None if check is None else str(check)

    return compute


def _rodne_cislo_check(body: str) -> str | None:
    if len(body) != 9:  # 9-digit numbers (born before 1954) carry no check digit
        return None
    remainder = int(body) % 11
    return "0" if remainder == 10 else str(remainder)


def _bsn_check(body: str) -> str | None:
    from kp_core.identifiers.national_id._validators import nl_elfproef_sum

    remainder = nl_elfproef_sum(body + "0") % 11
    return None if len(body) != 8 or remainder == 10 else str(remainder)


def _es_check(body: str) -> str:
    from kp_core.identifiers.national_id import _validators as V

    return V.es_letter(int(V._ES_NIE_PREFIX.get(body[:1], body[:1]) + body[1:]))


def _hu_szemelyi_check(body: str) -> str | None:
    from kp_core.identifiers.national_id._dates import make_date
    from kp_core.identifiers.national_id.extras import _HU_CENTURY, hu_szemelyi_check

    if body[0] not in _HU_CENTURY:
        return None
    birth = make_date(_HU_CENTURY[body[0]] + int(body[1:3]), int(body[3:5]), int(body[5:7]))
    if birth is None:
        return None
    check = hu_szemelyi_check(body, birth)
    return None if check == 10 else str(check)


def _core_layout(country: str, alnum: str) -> _Layout:
    from kp_core.identifiers.checksums import luhn_check_digit, mod11_two_pass
    from kp_core.identifiers.national_id import _validators as V

    last = (len(alnum) - 1,)
    if country == "RO":
        return _Layout((0, 1), last, _digit(V.ro_check_digit))
    if country == "PL":
        return _Layout((0, 2), last, _digit(V.pl_check_digit))
    if country == "IT":
        return _Layout((6,), last, V.it_control_letter)
    if country == "ES":  # an NIE keeps its X/Y/Z prefix
        return _Layout((0,) if alnum[0].isalpha() else (), last, _es_check)
    if country == "DE":
        return _Layout((), last, _digit(V.iso7064_mod11_10))
    if country == "FR":
        return _Layout((0, 1), (13, 14), lambda b: f"{V.fr_key(b):02d}")
    if country == "SE":  # YYYYMMDDNNNC keeps century and decade, YYMMDD-NNNC the decade
        return _Layout((0, 1, 2) if len(alnum) == 12 else (0,), last, _digit(lambda b: luhn_check_digit(b[-9:])))
    if country in ("CZ", "SK"):
        return _Layout((0, 2), last if len(alnum) == 10 else (), _rodne_cislo_check)
    if country == "DK":
        return _Layout((4, 6))
    if country == "FI":  # the century sign is a letter (kept) or "-"/"+" (a separator)
        marker = (6,) if len(alnum) == 11 else ()
        return _Layout((4, *marker), last, lambda b: V.fi_control(b[:6] + b[-3:]))
    if country in ("EE", "LT"):
        return _Layout((0, 1), last, _digit(mod11_two_pass))
    if country == "NL":
        return _Layout((), last, _bsn_check)
    if country == "SI":
        return _Layout((4, 5, 9), last, _digit(V.si_check_digit))
    raise KeyError(country)


def _extra_layout(country: str, alnum: str, source: ParsedId) -> _Layout:
    from kp_core.identifiers.checksums import luhn_check_digit
    from kp_core.identifiers.national_id import extras as X
    from kp_core.identifiers.national_id._validators import iso7064_mod11_10

    last = (len(alnum) - 1,)
    if country == "PT":
        return _Layout((), last, _digit(X.pt_nif_check))
    if country == "HU":
        if len(alnum) == 11:  # személyi azonosító: sex-century digit and year tens
            return _Layout((0, 1), last, _hu_szemelyi_check)
        return _Layout((), last, _digit(X.hu_taj_check))
    if country == "GR":
        return _Layout((4,), last, _digit(luhn_check_digit))
    if country == "BG":
        return _Layout((0, 2), last, _digit(X.bg_egn_check))
    if country == "HR":
        return _Layout((), last, _digit(iso7064_mod11_10))
    if country == "LV":
        if alnum.startswith("32"):  # a code without date or sex: shape only
            return _Layout((0, 1))
        return _Layout((4, 6), last, _digit(X.lv_check))
    if country == "AT":
        return _Layout((8,), (3,), _digit(lambda b: X.at_check(b[:3] + "0" + b[3:])))
    if country == "BE":
        prefix = "2" if source.birth_date and source.birth_date.year >= 2000 else ""
        return _Layout((0, 2), (9, 10), lambda b: f"{97 - int(prefix + b) % 97:02d}")
    if country == "IE":
        second = (8,) if len(alnum) == 9 else ()
        return _Layout(second, (7,), lambda b: X.ie_check_letter(b[:7], b[7:]))
    if country == "LU":
        return _Layout((0, 1, 2), (11, 12), lambda b: f"{luhn_check_digit(b)}{X.verhoeff_check_digit(b)}")
    if country == "MT":
        return _Layout(last)
    raise KeyError(country)


def _layout(kind: IdKind, alnum: str, source: ParsedId) -> _Layout:
    from kp_core.identifiers.national_id import supported_countries

    if kind.country in supported_countries():
        return _core_layout(kind.country, alnum)
    return _extra_layout(kind.country, alnum, source)


# --- birth dates as one field -------------------------------------------------------------------

# Indices among the letters and digits of the year's last digit, the month's and the day's first
# digit (None: FR encodes no day). IT (letter months) walks its characters like any other ID.
_DATE_FIELDS: dict[str, tuple[int, int, int | None]] = {
    "RO": (2, 3, 5), "PL": (1, 2, 4), "CZ": (1, 2, 4), "SK": (1, 2, 4), "DK": (5, 2, 0),
    "FI": (5, 2, 0), "EE": (2, 3, 5), "LT": (2, 3, 5), "SI": (6, 2, 0), "GR": (5, 2, 0),
    "BG": (1, 2, 4), "LV": (5, 2, 0), "AT": (9, 6, 4), "BE": (1, 2, 4), "FR": (2, 3, None),
}  # fmt: skip


def _date_field(country: str, alnum: str) -> tuple[int, int, int | None] | None:
    if country == "SE":
        return (3, 4, 6) if len(alnum) == 12 else (1, 2, 4)
    if country == "HU":
        return (2, 3, 5) if len(alnum) == 11 else None  # the TAJ number carries no date
    if country == "LU":
        return (3, 4, 6)
    if country == "LV" and alnum.startswith("32"):
        return None
    return _DATE_FIELDS.get(country)


@attrs.frozen
class _DatedShape:
    """A :class:`Shape` whose birth date varies as one field, a day (FR: a month) of the
    source's decade written with the source's month and day offsets (which carry sex, century,
    a Swedish coordination number): the walk then only meets real dates, about thirty times
    fewer steps than walking over the date's digits. Duck-types :class:`Shape` for
    :func:`cycle_candidates`."""

    rest: Shape
    first: dt.date
    days: int  # days (months where there is no day field) in the decade
    unit: int
    month: tuple[int, int]
    day: tuple[int, int] | tuple[()]
    month_offset: int
    day_offset: int

    @property
    def value(self) -> str:
        return self.rest.value

    @property
    def positions(self) -> tuple[int, ...]:
        return (*self.rest.positions, self.unit, *self.month, *self.day)

    @property
    def signature(self) -> str:
        return f"{self.rest.signature}|{self.first.year}|{self.month_offset}|{self.day_offset}"

    @property
    def size(self) -> int:
        return self.days * self.rest.size

    def _two(self, value: str, at: tuple[int, int]) -> int:
        return int(value[at[0]] + value[at[1]])

    def encode(self, value: str) -> int:
        year, month = int(value[self.unit]), self._two(value, self.month) - self.month_offset
        if not self.day:
            return (year * 12 + month - 1) * self.rest.size + self.rest.encode(value)
        date = dt.date(self.first.year + year, month, self._two(value, self.day) - self.day_offset)
        return (date - self.first).days * self.rest.size + self.rest.encode(value)

    def decode(self, index: int) -> str:
        days, rest = divmod(index, self.rest.size)
        if self.day:
            date = self.first + dt.timedelta(days=days)
        else:
            date = dt.date(self.first.year + days // 12, days % 12 + 1, 1)
        chars = list(self.rest.decode(rest))
        chars[self.unit] = str(date.year % 10)
        chars[self.month[0]], chars[self.month[1]] = f"{date.month + self.month_offset:02d}"
        if self.day:
            chars[self.day[0]], chars[self.day[1]] = f"{date.day + self.day_offset:02d}"
        return "".join(chars)


def _dated_shape(
    zeroed: str, positions: list[int], kept: set[int], field: tuple[int, int, int | None], birth: dt.date
) -> _DatedShape | None:
    """The dated shape of a source whose date field holds ``birth`` (None when it does not:
    a date the field's digits cannot be read back to)."""
    unit = positions[field[0]]
    month = (positions[field[1]], positions[field[1] + 1])
    day: tuple[int, int] | tuple[()] = () if field[2] is None else (positions[field[2]], positions[field[2] + 1])
    if not all(zeroed[i].isdigit() for i in (unit, *month, *day)) or int(zeroed[unit]) != birth.year % 10:
        return None
    first = dt.date(birth.year - birth.year % 10, 1, 1)
    taken = {unit, *month, *day}
    rest = Shape.of(zeroed, keep=lambda i, ch: i in kept or i in taken)
    shape = _DatedShape(
        rest,
        first,
        (dt.date(first.year + 9, 12, 31) - first).days + 1 if day else 120,
        unit,
        month,
        day,
        int(zeroed[month[0]] + zeroed[month[1]]) - birth.month,
        int(zeroed[day[0]] + zeroed[day[1]]) - birth.day if day else 0,
    )
    return shape if rest.size and shape.decode(shape.encode(zeroed)) == zeroed else None


# --- candidates ------------------------------------------------------------------------------


def _decade(parsed: ParsedId) -> int | None:
    return None if parsed.birth_date is None else parsed.birth_date.year // 10


def _coordination(parsed: ParsedId) -> bool:
    """A Swedish samordningsnummer (day + 60)."""
    return parsed.country == "SE" and int(parsed.value[-6:-4]) > 60


def national_id_candidates(key: bytes, value: str, locale: LocaleChoice) -> Iterator[str]:
    """Valid IDs of the source's country and kind, in keyed order (see the module docstring)."""
    from kp_core.identifiers.national_id.issuing import follows_issuing_rules

    found = national_id_kind(value, locale.country)
    if found is None:  # not a valid ID of any known country: keep its shape only
        yield from cycle_candidates(key, "NATIONAL_ID|shape", Shape.of(value))
        return
    kind, source = found
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    alnum = "".join(value[i] for i in positions)
    layout = _layout(kind, alnum, source)
    check_set = set(layout.checks)
    body_at = [p for n, p in enumerate(positions) if n not in check_set]
    check_at = [positions[n] for n in layout.checks]
    compute = layout.compute
    if check_at and compute is not None:
        try:
            if compute("".join(value[i] for i in body_at).upper()) is None:
                check_at, compute = [], None  # a form whose check is not computed here: walk
        except (ValueError, KeyError):
            check_at, compute = [], None
    kept = {positions[n] for n in layout.kept} | set(check_at)
    zeroed = "".join("0" if i in check_at else ch for i, ch in enumerate(value))
    shape: Shape | _DatedShape | DoubleDigitShape | None = None
    field = _date_field(kind.country, alnum)
    if field is not None and source.birth_date is not None and 1 <= source.birth_date.year // 10 * 10:
        shape = _dated_shape(zeroed, positions, kept, field, source.birth_date)
    elif kind.country == "DE" and len(alnum) == 11 and double_digit_form(alnum[:10]):
        shape = DoubleDigitShape(zeroed, tuple(positions[:10]))
    if shape is None:
        shape = Shape.of(zeroed, keep=lambda i, ch: i in kept)
    decade, sex, coordination = _decade(source), source.sex, _coordination(source)
    issued = follows_issuing_rules(source)
    horizon = max(BIRTH_HORIZON, dt.date(source.birth_date.year, 12, 31)) if source.birth_date else BIRTH_HORIZON

    def finish(candidate: str) -> str | None:
        if not check_at:
            return candidate
        try:
            check = compute("".join(candidate[i] for i in body_at).upper())
        except (ValueError, KeyError):  # a body no check is defined for (a letter where digits belong)
            return None
        if check is None or len(check) != len(check_at):
            return None
        chars = list(candidate)
        for i, ch in zip(check_at, check, strict=True):
            chars[i] = ch.lower() if value[i].islower() else ch
        return "".join(chars)

    def valid(candidate: str) -> bool:
        full = finish(candidate)
        if full is None or any(char_class(full[i]) != char_class(value[i]) for i in check_at):
            return False  # a FI control letter where the source has a digit changes the shape
        parsed = kind.parse(full)
        if parsed is None or parsed.sex != sex or _coordination(parsed) != coordination:
            return False
        if _decade(parsed) != decade:  # a source without a readable date gets none either
            return False
        if parsed.birth_date is not None and parsed.birth_date > horizon:
            return False
        return not issued or follows_issuing_rules(parsed)

    for candidate in cycle_candidates(key, f"NATIONAL_ID|{kind.country}|{kind.name}", shape, valid):
        full = finish(candidate)
        if full is not None:
            yield full
