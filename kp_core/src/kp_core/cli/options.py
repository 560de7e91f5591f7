"""The options every kp command spells alike (docs/cli.md), and their helpers.

One spelling per concept: ``--input/-i`` (rows to process, ``-`` = stdin), ``--data`` (gold or
training rows), ``--out`` (the file or folder written, ``-`` = stdout where a command streams),
``--model/-m``, ``--limit``, ``--time-budget``, ``--data-dir``, ``--overwrite``,
``--progress/--no-progress`` (default: only when stderr is a terminal) and ``--json``. Old
spellings stay one release as hidden aliases (:func:`hidden_alias`), with a note on stderr.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kp_core.errors import KpError

F = TypeVar("F", bound=Callable[..., Any])

STDIO = "-"


def progress_option(f: F) -> F:
    """``--progress/--no-progress``; unset means: a bar only when stderr is a terminal."""
    return click.option(
        "--progress/--no-progress",
        "progress",
        default=None,
        help="Show progress bars on stderr [default: only when stderr is a terminal].",
    )(f)


def show_progress(progress: bool | None) -> bool:
    """The ``--progress`` decision: explicit wins, else a bar only for a person at a terminal (never
    tqdm lines in a log file or a pipe)."""
    if progress is not None:
        return progress
    return sys.stderr.isatty()


def rows_io_options(f: F) -> F:
    """``--input/-i`` (rows, ``-`` = stdin), ``--text-field`` and ``--out`` (``-`` = stdout): how a
    per-document command (``kp predict``, ``kp classify``) reads and writes."""
    f = click.option(
        "--out", "out_path", default=None, metavar="FILE",
        help="Write the result here instead of stdout (- = stdout); an existing file needs --overwrite.",
    )(f)  # fmt: skip
    f = click.option("--text-field", default="text", show_default=True, help="The field of an --input record to read.")(f)
    return click.option(
        "--input", "-i", "input_path", default=None, metavar="FILE",
        help="Rows to read: JSONL or a JSON list, optionally gzipped (- = stdin); one result per record.",
    )(f)  # fmt: skip


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout instead of text.")(f)


def overwrite_option(f: F) -> F:
    return click.option("--overwrite", is_flag=True, help="Replace an existing --out (default: refuse).")(f)


def model_option(*, required: bool = False, default: str | None = None, help: str | None = None) -> Callable[[F], F]:
    return click.option(
        "--model",
        "-m",
        "model",
        required=required,
        default=default,
        metavar="REF",
        help=help or "Model: checkpoint folder, family name, family:ref or Hub id [default: rules].",
    )


def check_overwrite(path: str | os.PathLike[str] | None, overwrite: bool, what: str = "--out") -> None:
    """Refuse to replace an existing output unless ``--overwrite`` was given (``-`` is stdout)."""
    if path is None or os.fspath(path) == STDIO:
        return
    target = Path(path)
    if overwrite or not os.path.lexists(target):
        return
    if target.is_dir() and not any(target.iterdir()):
        return  # an empty folder holds nothing to lose
    raise KpError(f"{what} {os.fspath(path)} exists; give --overwrite to replace it")


def note(message: str) -> None:
    """A line for the person running kp, on stderr (stdout stays parseable)."""
    click.echo(f"note: {message}", err=True)


def hidden_alias(old: str, new: str, *, is_flag: bool = False, type: Any = None, multiple: bool = False) -> Callable[[F], F]:
    """Keep the old spelling ``old`` of the option whose parameter name is ``new`` for one release:
    hidden from ``--help``, a deprecation note on stderr when used, and an error when both are given.

    Put it above the command's other decorators' options (any order works for click)."""
    dest = f"alias__{new}"

    def decorate(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            value = kwargs.pop(dest)
            given = value not in (None, False, ()) if not is_flag else bool(value)
            if given:
                source = click.get_current_context().get_parameter_source(new)
                if source is click.core.ParameterSource.COMMANDLINE:
                    raise click.UsageError(f"{old} is the old spelling of --{new.replace('_', '-')}; give only one")
                note(f"{old} is deprecated and will go in the next release; use --{new.replace('_', '-')}")
                kwargs[new] = value
            return f(*args, **kwargs)

        option_kwargs: dict[str, Any] = {"hidden": True, "default": None}
        if is_flag:
            option_kwargs.update(is_flag=True, default=False)
        if type is not None:
            option_kwargs["type"] = type
        if multiple:
            option_kwargs.update(multiple=True, default=())
        return click.option(old, dest, **option_kwargs)(wrapper)  # type: ignore[return-value]

    return decorate
