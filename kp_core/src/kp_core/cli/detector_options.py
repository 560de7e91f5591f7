"""The options of every command that finds PII with a model (predict, deidentify, evaluate),
declared once so they read alike, and packed into one :class:`Detection` value.

A command takes them with ``@detection_options`` and receives ``detection: Detection``;
``detection.load()`` builds the detector the SDK's functions use (:func:`kp_core.sdk.detector`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import click

F = TypeVar("F", bound=Callable[..., Any])

identifier_typing_option = click.option(
    "--identifier-typing/--no-identifier-typing",
    default=True,
    show_default=True,
    help="Let kp's validators type identifier-shaped spans (a valid national ID the model called PHONE "
    "becomes NATIONAL_ID) and add validated identifiers the model missed.",
)


def _split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated or comma-separated values, in order, without blanks."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


def _terms(values: tuple[str, ...], option: str) -> tuple[str, ...]:
    """A list option's terms: ``@FILE`` values give one term per line of FILE (blank lines and
    ``#`` comments skipped; commas kept, so a term may hold one); others are split on commas."""
    return tuple(term for _, term in _located_terms(values, option))


def _located_terms(values: tuple[str, ...], option: str) -> list[tuple[str, str]]:
    """Each term with where it was written: ``@FILE line N`` or ``entry N``, for error messages."""
    out: list[tuple[str, str]] = []
    position = 0  # of the terms given on the command line
    for value in values:
        if value.startswith("@") and len(value) > 1:
            out.extend((f"{option} {value} line {n}", line) for n, line in _read_list_file(value[1:], option))
            continue
        for part in _split_list((value,)):
            position += 1
            out.append((f"{option} entry {position}", part))
    return out


def _read_list_file(name: str, option: str) -> list[tuple[int, str]]:
    """The numbered, non-blank, non-comment lines of a list file."""
    from pathlib import Path

    from kp_core.errors import KpError

    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise KpError(f"{option} @{name}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KpError(f"{option} @{name}: cannot read it ({type(exc).__name__})") from None
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)]
    return [(n, line) for n, line in lines if line and not line.startswith("#")]


def _deny_terms(values: tuple[str, ...]) -> tuple[str, ...]:
    """The deny list's entries, each refused where it was written if it is not TYPE=term."""
    from kp_core.rules.recognizers import parse_deny_entry

    located = _located_terms(values, "--deny-list")
    for where, entry in located:
        parse_deny_entry(entry, where)
    return tuple(entry for _, entry in located)


@attrs.frozen
class Detection:
    """What a command's detection flags asked for; the SDK keyword arguments of the same names."""

    model: str | None = None
    device: str = "auto"
    identifier_typing: bool = True
    with_rules: bool = False
    labels: tuple[str, ...] | None = None
    threshold: float | None = None
    operating_point: str | None = None
    allow_list: tuple[str, ...] = ()
    deny_list: tuple[str, ...] = ()
    recognizers: str | None = None
    bf16: bool = False

    def sdk_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`kp_core.sdk.detector` (and ``extract_pii``/``deidentify``)."""
        return attrs.asdict(self, recurse=False)

    def load(self) -> Any:
        """The detector these options describe (a :class:`kp_core.detector.Detector`).

        Unlike the SDK, a ``--labels`` type the model cannot produce is refused (exit 2), and the
        default model's note (what the rules family finds) goes to stderr."""
        from kp_core.cli.options import note
        from kp_core.sdk import detector

        return detector(**self.sdk_options(), strict_labels=True, note=note)


def detection_options(f: F) -> F:
    """Add the detection flags to a command; it receives one ``detection`` argument."""
    names = [
        "model", "device", "identifier_typing", "with_rules", "labels", "threshold", "operating_point",
        "allow_list", "deny_list", "recognizers", "bf16",
    ]  # fmt: skip

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {name: kwargs.pop(name) for name in names}
        given["labels"] = _split_list(given["labels"]) or None
        given["allow_list"] = _terms(given["allow_list"], "--allow-list")
        given["deny_list"] = _deny_terms(given["deny_list"])
        return f(*args, detection=Detection(**given), **kwargs)

    decorators = [
        click.option(
            "--model", "-m", "model", default=None, metavar="REF",
            help="Model: checkpoint folder, family name, family:ref or Hub id [default: $KP_MODEL, else rules].",
        ),
        click.option("--device", default="auto", show_default=True, help="auto or a backend (kp backends)."),
        identifier_typing_option,
        click.option("--with-rules", is_flag=True, help="Unite the model's spans with the rules family's."),
        click.option(
            "--labels", multiple=True, metavar="TYPES",
            help="Keep only these KP types (comma-separated or repeated); one the model cannot produce is refused.",
        ),
        click.option(
            "--threshold", type=click.FloatRange(0.0, 1.0), default=None,
            help="Drop spans scored below this (spans without a score are kept).",
        ),
        click.option(
            "--operating-point", default=None,
            help="Handed to the family's loader (rules: precision or recall; a calibrated model: its saved points).",
        ),
        click.option(
            "--allow-list", multiple=True, metavar="TERMS",
            help="Never flag these exact strings (comma-separated, repeated, or @FILE with one per line).",
        ),
        click.option(
            "--deny-list", multiple=True, metavar="TERMS",
            help="Always flag every whole-word occurrence: TYPE=term (comma-separated, repeated), or @FILE of TYPE=term lines.",
        ),
        click.option(
            "--recognizers", default=None, metavar="FILE",
            help="A YAML or JSON file of extra patterns and term lists (docs/sdk.md), no plugin needed.",
        ),
        click.option("--bf16", is_flag=True, help="bfloat16 weights (torch families): ~2x faster on GPUs and bf16 CPUs."),
    ]  # fmt: skip
    for decorate in reversed(decorators):
        wrapper = decorate(wrapper)
    return wrapper  # type: ignore[return-value]
