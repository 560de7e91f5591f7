"""``kp deidentify``: bulk de-identification of a JSONL file (or stdin), docs/deidentify.md."""

from __future__ import annotations

import inspect
import json
from typing import Any

import attrs
import click

from kp_core.cli.detector_options import Detection, detection_options
from kp_core.cli.options import hidden_alias, json_option, overwrite_option, progress_option, show_progress
from kp_core.data.cli import check_country, check_language
from kp_core.errors import KpError

STDIO = "-"
KEYED_METHODS = ("hash", "pseudonymize")
# Operator fields that are not options a user sets: the key has --key-file/--random-key, the rest
# is how the operator describes itself.
NOT_OPTIONS = frozenset({"key", "random_key", "name", "merge_touching", "fn", "vault", "language", "country"})
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def _split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated or comma-separated names, in order, without blanks or repeats."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip() and part.strip() not in out)
    return tuple(out)


@click.command("deidentify")
@hidden_alias("--output", "out", type=click.Path(dir_okay=False))
@click.option("--input", "-i", "input_path", required=True, metavar="FILE", help="JSONL file, or - for stdin.")
@click.option(
    "--out", "out", default=None, metavar="FILE",
    help="JSONL file to write (created 0600), or - for stdout. Required.",
)  # fmt: skip
@click.option(
    "--method", default="redact", show_default=True,
    help="Operator: redact, mask, replace, hash, pseudonymize, keep, or a plugin's operator (kp plugins).",
)  # fmt: skip
@click.option(
    "--operators", "operators", default=None, metavar="MAP",
    help="One operator per KP type: JSON ('{\"PERSON\": \"replace\", \"DEFAULT\": \"redact\"}'), @FILE of that "
    "JSON, or PERSON=replace,PHONE=mask. Types it does not name get --method (or its DEFAULT).",
)  # fmt: skip
@click.option(
    "--operator-option", "operator_option", multiple=True, metavar="KEY=VALUE",
    help="An option of the operator, repeatable: char=# (mask), template='[{label}]' (replace), length=32 (hash).",
)  # fmt: skip
@click.option(
    "--text-field", "text_field", multiple=True, metavar="NAMES",
    help="Field(s) to de-identify, repeated or comma-separated [default: text].",
)  # fmt: skip
@click.option(
    "--spans-field", default=None, metavar="NAME",
    help="Use the records' own spans from this field instead of a model (one --text-field). The output's "
    "field then holds where each replacement stands (offsets and labels only).",
)  # fmt: skip
@click.option(
    "--drop-other-fields", is_flag=True,
    help="Write only the text fields (and --spans-field, --keep-field): every other field is left out.",
)  # fmt: skip
@click.option(
    "--keep-field", "keep_field", multiple=True, metavar="NAMES",
    help="Fields copied as they are, knowingly (e.g. doc_id): kept under --drop-other-fields, not named "
    "in the note about fields copied in clear. Repeated or comma-separated.",
)  # fmt: skip
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--vault", default=None, type=click.Path(dir_okay=False),
    help="Vault file for reversible pseudonyms (kp reidentify).",
)  # fmt: skip
@click.option(
    "--key-file", default=None, type=click.Path(exists=True, dir_okay=False),
    help="File holding the secret key of hash and pseudonymize [default: $KP_PSEUDONYM_KEY].",
)  # fmt: skip
@click.option(
    "--random-key", is_flag=True,
    help="hash/pseudonymize under a throw-away key for this run only: unlinkable to other runs, never "
    "reversible (refused with --vault), and an interrupted run cannot be continued.",
)  # fmt: skip
@click.option("--language", default=None, callback=check_language, help="Locale language of surrogates (ISO 639-1).")
@click.option("--country", default=None, callback=check_country, help="Country of surrogates (ISO 3166-1 alpha-2).")
@click.option(
    "--route", default=None, metavar="CLASSIFIER",
    help="A document classifier (kp classify): records whose PERSONAL_DATA score is below its routing "
    "threshold skip span detection and are written unchanged; the summary counts them.",
)  # fmt: skip
@click.option(
    "--route-threshold", default=None, type=click.FloatRange(0.0, 1.0), metavar="SCORE",
    help="The PERSONAL_DATA score below which --route skips a record [default: the classifier's own].",
)  # fmt: skip
@detection_options
@progress_option
@json_option
@overwrite_option
def deidentify(
    input_path: str, out: str | None, method: str, operators: str | None, operator_option: tuple[str, ...], text_field: tuple[str, ...],
    spans_field: str | None, drop_other_fields: bool, keep_field: tuple[str, ...], batch_size: int,
    vault: str | None, key_file: str | None, random_key: bool, language: str | None, country: str | None,
    route: str | None, route_threshold: float | None, detection: Detection, progress: bool | None, as_json: bool, overwrite: bool,
) -> None:  # fmt: skip
    """De-identify the text field(s) of every JSONL record.

    Re-running the same command continues its own unfinished output; a finished one is refused
    unless --overwrite. Other fields are copied as they are (named once on stderr) unless
    --drop-other-fields."""
    from kp_core.anonymize.bulk import BulkOptions, run_bulk

    if out is None:
        raise click.UsageError("Missing option '--out' (a JSONL file, or - for stdout).")
    if as_json and out == STDIO:
        raise KpError("--json prints the summary on stdout, where --out - writes the rows; give --out FILE")
    _operator_factory(method)
    entries = _operator_map(operators) if operators else {}
    methods = _map_methods(method, entries)
    options = BulkOptions(
        input=input_path,
        output=out,
        method=method,
        detection=detection,
        text_fields=_split_list(text_field) or ("text",),
        spans_field=spans_field,
        batch_size=batch_size,
        vault=vault,
        language=language,
        country=country,
        operator_options=_operator_options(methods, operator_option),
        operators=tuple(entries.items()),
        random_key=random_key,
        drop_other_fields=drop_other_fields,
        keep_fields=_split_list(keep_field),
        route=route,
        route_threshold=route_threshold,
    )
    key = _key(options.keyed(), vault, key_file, random_key, method)
    result = run_bulk(options, key=key, progress=show_progress(progress), overwrite=overwrite)
    _summary(options, result, as_json)


def _operator_factory(method: str, where: str = "--method") -> Any:
    """The registered operator's factory; an unknown name is refused before anything loads."""
    from kp_core.plugins.registry import get_registry

    operators = get_registry().operators
    if method not in operators:
        known = ", ".join(sorted(op.name for op in operators))
        raise KpError(f"{where} {method}: no such operator; available: {known}")
    return operators.get(method).factory


def _key(keyed: bool, vault: str | None, key_file: str | None, random_key: bool, method: str) -> bytes | None:
    """The secret key of a keyed method (or a vault); None lets the run draw a throw-away one."""
    from kp_core.anonymize.keys import KEY_ENV, MissingKeyError, read_key_file, resolve_key

    if random_key and key_file:
        raise KpError("--random-key and --key-file: give one (a throw-away key, or the key in the file)")
    if random_key or not (keyed or vault):
        return None
    if key_file:
        return read_key_file(key_file)
    try:
        return resolve_key(None)
    except MissingKeyError:
        raise KpError(
            f"--method {method} (or --operators) needs a secret key: --key-file FILE, {KEY_ENV}, or --random-key for a "
            "throw-away key (pseudonyms that no run can link or reverse)"
        ) from None


def _operator_options(methods: list[str], given: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    """``--operator-option KEY=VALUE`` pairs, each value converted to the type the operators take
    (the type of its default), a name none of them takes refused with the names they do."""
    if not given:
        return ()
    accepted: dict[str, Any] | None = {}
    for name in methods:
        taken = _accepted_options(_operator_factory(name))
        if taken is None or accepted is None:
            accepted = None if taken is None else accepted  # one takes any keyword: pass strings on
            continue
        accepted = {**taken, **accepted}
    method = "/".join(methods)
    out: dict[str, Any] = {}
    for item in given:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise KpError(f"--operator-option {item!r}: expected KEY=VALUE, e.g. char=#")
        if accepted is not None and name not in accepted:
            takes = ", ".join(sorted(accepted)) or "no options"
            raise KpError(f"--operator-option {name}: --method {method} takes {takes}")
        out[name] = _convert(name, raw, accepted.get(name) if accepted is not None else None)
    return tuple(out.items())


def _operator_map(value: str) -> dict[str, Any]:
    """--operators: JSON, @FILE of JSON, or TYPE=METHOD,TYPE=METHOD; types and names checked."""
    from kp_core.anonymize.operators import parse_operator_map

    text, where = value.strip(), "--operators"
    if text.startswith("@"):
        from kp_core.data.paths import check_input_file

        check_input_file(text[1:], "--operators file")
        where = f"--operators {text[1:]}"
        with open(text[1:], encoding="utf-8") as handle:
            text = handle.read().strip()
    if text.startswith("{"):
        try:
            entries = json.loads(text)
        except ValueError as exc:
            raise KpError(f"{where}: not valid JSON ({exc})") from None
    elif where == "--operators":
        entries = parse_operator_map([part for part in text.split(",") if part.strip()])
    else:
        raise KpError(f"{where}: expected a JSON object like {{\"PERSON\": \"replace\", \"DEFAULT\": \"redact\"}}")
    if not isinstance(entries, dict) or not entries:
        raise KpError(f"{where}: expected a non-empty JSON object of KP type (or DEFAULT) to operator")
    for label, spec in entries.items():
        name = spec.get("method") if isinstance(spec, dict) else spec
        if not isinstance(name, str):
            raise KpError(f"{where}: entry {label!r} needs an operator name (or {{\"method\": NAME, ...options}})")
        _operator_factory(name, where=f"{where} entry {label!r}")
    return entries


def _map_methods(method: str, entries: dict[str, Any]) -> list[str]:
    """The operator names a run applies, --method first unless the map has its own DEFAULT."""
    names = [] if "DEFAULT" in entries else [method]
    for spec in entries.values():
        name = spec.get("method") if isinstance(spec, dict) else spec
        if name not in names:
            names.append(name)
    return names


def _accepted_options(factory: Any) -> dict[str, Any] | None:
    """Option name -> its default, for an operator class or function; None when the factory takes
    any keyword (``**options``): then values pass as strings and the operator judges them."""
    if attrs.has(factory):
        return {
            f.alias or f.name: None if f.default is attrs.NOTHING else f.default
            for f in attrs.fields(factory)
            if f.init and (f.alias or f.name) not in NOT_OPTIONS
        }
    try:
        parameters = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        return None
    return {
        p.name: None if p.default is p.empty else p.default
        for p in parameters
        if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name not in NOT_OPTIONS
    }


def _convert(name: str, raw: str, default: Any) -> Any:
    """``raw`` as the type of the option's default (bool, int, float; else the string)."""
    if isinstance(default, bool):
        word = raw.strip().lower()
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        raise KpError(f"--operator-option {name}={raw}: {name} takes true or false")
    for kind, what in ((int, "an integer"), (float, "a number")):
        if isinstance(default, kind):
            try:
                return kind(raw)
            except ValueError:
                raise KpError(f"--operator-option {name}={raw}: {name} takes {what}") from None
    return raw


def _summary(options: Any, result: Any, as_json: bool) -> None:
    """The end of a run: one JSON object on stdout with --json, else one line on stderr."""
    if as_json:
        summary = {
            "out": options.output,
            "records": result.records,
            "resumed_from": result.resumed_from,
            "method": options.method,
            "operators": {label: spec if isinstance(spec, str | dict) else repr(spec) for label, spec in options.operators},
            "model": options.model_name(),
            "spans_field": options.spans_field,
            "fields": list(options.text_fields),
        }
        if result.routing is not None:
            summary["routing"] = result.routing.to_json()
        click.echo(json.dumps(summary))
        return
    where = "stdout" if options.output == STDIO else options.output
    resumed = f" (resumed after record {result.resumed_from})" if result.resumed_from else ""
    click.echo(f"kp deidentify: {result.records} records written to {where}{resumed}", err=True)
    if result.routing is not None:
        counted = " (of this run's records)" if result.resumed_from else ""
        click.echo(f"kp deidentify: {result.routing.describe()}{counted}", err=True)
