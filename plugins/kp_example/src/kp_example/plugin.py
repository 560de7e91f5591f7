"""Entry point of kp-example. Only cheap imports here: kp imports every plugin at start-up."""

from __future__ import annotations

import json

import click

from kp_core.cli.options import json_option
from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family, Operator


def _load(ref: str, **options: object):
    from kp_example.gazetteer import load

    return load(ref, **options)


def _initials(text: str) -> str:
    words = [w for w in text.split() if w[:1].isalpha()]
    return " ".join(f"{w[0].upper()}." for w in words) or "?"


def _initials_factory(**_options: object):
    """Operator factory: returns ``replace(span_text, label) -> replacement``."""

    def replace(span_text: str, label: str) -> str:
        return _initials(span_text)

    return replace


@hookimpl
def kp_register_families(register):
    # The tagger's module imports numpy (as kp's registry does) and safetensors only when it saves.
    from kp_example.tagger import FAMILY, TaggerRecipe
    from kp_example.tagger import load as load_tagger

    register(
        Family(
            name="gazetteer",
            description="Exact term-list matching (example plugin)",
            frameworks=(),
            load=_load,
        )
    )
    register(
        Family(
            name=FAMILY,
            description="Linear BIOES tagger over hashed token features, trained with numpy (example plugin)",
            frameworks=(),  # runs on the host CPU, needs no device backend
            load=load_tagger,
            recipe=TaggerRecipe,
        )
    )


@hookimpl
def kp_register_operators(register):
    register(
        Operator(
            name="initials", description="Replace a span with the initials of its words", factory=_initials_factory
        )
    )


@click.command("gazetteer-check")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@json_option
def gazetteer_check(path: str, as_json: bool) -> None:
    """Validate a gazetteer term-list file."""
    from kp_example.gazetteer import read_term_list

    terms = read_term_list(path)  # a TermListError is a KpError: one Error line, exit 2 (docs/cli.md)
    if as_json:
        click.echo(json.dumps({"path": path, "terms": len(terms)}))
    else:
        click.echo(f"{path}: {len(terms)} terms OK")


@hookimpl
def kp_register_commands(cli):
    cli.add_command(gazetteer_check)
