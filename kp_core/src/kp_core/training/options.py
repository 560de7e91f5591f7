"""Options a recipe declares for itself: name, type, default and help.

``kp train FAMILY --help`` lists them as ``--name`` flags, ``--option name=value`` sets them too,
and an option the chosen recipe does not declare is one clear error, the same for every family and
framework. Nothing here imports a machine-learning framework.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from kp_core.errors import KpError

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class OptionError(KpError, ValueError):
    """An option the recipe does not take, or a value its parser refuses."""


def parse_flag(value: Any) -> bool:
    """An on/off option: a bool, or 1/true/yes/on and 0/false/no/off (any case)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"expected one of {', '.join(sorted(_TRUE | _FALSE))}")


def parse_list(value: Any) -> tuple[str, ...]:
    """A comma-separated option (``q_proj,v_proj``), or a list given from Python."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(str(item).strip() for item in items if str(item).strip())


def _parser(kind: Any) -> Callable[[Any], Any]:
    if kind is bool:
        return parse_flag
    if kind in (int, float, str):

        def convert(value: Any, kind: Any = kind) -> Any:
            if kind is int and isinstance(value, float) and not value.is_integer():
                raise ValueError(f"expected a whole number, got {value!r}")
            return kind(value)

        return convert
    return kind


@attrs.frozen(kw_only=True)
class Option:
    """One setting of a recipe. ``kind`` is ``bool``, ``int``, ``float``, ``str`` or a parser
    (a callable that takes the given value and returns the parsed one or raises ``ValueError``).

    ``affects_weights`` says whether the option changes what is trained; those enter the resume
    fingerprint, so ``--resume`` with another value is refused instead of mixing two runs.
    ``old_names`` are earlier names still accepted for one release (``label_scheme`` for
    ``subword_labels``): ``kp train`` takes them as hidden flags and ``-o`` keys, with a note.
    """

    name: str
    kind: Any
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    affects_weights: bool = True
    old_names: tuple[str, ...] = ()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def parse(self, value: Any) -> Any:
        if value is None:
            return None
        try:
            parsed = _parser(self.kind)(value)
        except (TypeError, ValueError) as exc:
            raise OptionError(f"{self.flag}={value!r}: {exc}") from None
        if self.choices and parsed not in self.choices:
            raise OptionError(f"{self.flag}={value!r}: expected one of {', '.join(self.choices)}")
        return parsed

    def describe(self) -> str:
        """The help line: what it does, its choices and default."""
        extra = f" (one of: {', '.join(self.choices)})" if self.choices else ""
        shown = ",".join(map(str, self.default)) if isinstance(self.default, tuple | list) else self.default
        default = "" if shown in (None, "") else f" [default: {shown}]"
        return f"{self.help}{extra}{default}"


def renamed_options(declared: Sequence[Option]) -> dict[str, str]:
    """``{old name: current name}`` for the declared options that were renamed."""
    return {old: opt.name for opt in declared for old in opt.old_names}


def current_names(declared: Sequence[Option], given: Mapping[str, Any]) -> dict[str, Any]:
    """``given`` with ``-`` read as ``_`` and old option names replaced by the current ones; an
    option given under both names with different values is an error."""
    renamed = renamed_options(declared)
    out: dict[str, Any] = {}
    for raw_key, value in given.items():
        key = raw_key.replace("-", "_")
        key = renamed.get(key, key)
        if key in out and str(out[key]) != str(value):
            flag = "--" + key.replace("_", "-")
            raise OptionError(f"{flag} is given twice (once under its old name) with different values")
        out[key] = value
    return out


def resolve_options(declared: Sequence[Option], given: Mapping[str, Any], *, owner: str) -> dict[str, Any]:
    """Every declared option's value: the given one parsed, else its default.

    A key the recipe does not declare is an error naming the owner (``xlmr-ner on torch``) and
    the options it takes; ``-`` and ``_`` are the same in names (``lora-rank`` is ``lora_rank``),
    and an option's old name (:attr:`Option.old_names`) means the option.
    """
    table = {opt.name: opt for opt in declared}
    values = {opt.name: opt.default for opt in declared}
    for key, value in current_names(declared, given).items():
        if key not in table:
            known = ", ".join(opt.flag for opt in declared) or "none"
            raise OptionError(f"{owner} does not take --{key.replace('_', '-')} (it takes: {known})")
        values[key] = table[key].parse(value)
    return values


def fingerprint_options(declared: Sequence[Option], values: Mapping[str, Any]) -> dict[str, Any]:
    """The option values that change the trained weights (what ``--resume`` must match)."""
    return {opt.name: values.get(opt.name) for opt in declared if opt.affects_weights}
