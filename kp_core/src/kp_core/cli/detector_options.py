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
        """The detector these options describe (a :class:`kp_core.detector.Detector`)."""
        from kp_core.sdk import detector

        return detector(**self.sdk_options())


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
        given["allow_list"] = _split_list(given["allow_list"])
        given["deny_list"] = _split_list(given["deny_list"])
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
            help="Keep only these KP types (comma-separated or repeated); one the model cannot produce is an error.",
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
            help="Always flag these strings: TYPE=term, or @FILE of TYPE=term lines.",
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
