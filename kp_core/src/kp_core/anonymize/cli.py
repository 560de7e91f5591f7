"""``kp deidentify``: bulk de-identification of a JSONL file (or stdin)."""

from __future__ import annotations

import sys

import click

from kp_core.cli.detector_options import identifier_typing_option
from kp_core.data.cli import check_country, check_language


def _path_error(message: str) -> click.ClickException:
    """A file problem: one line, the exit status of click's own path checks."""
    from kp_core.data.paths import PATH_EXIT_CODE

    error = click.ClickException(message)
    error.exit_code = PATH_EXIT_CODE
    return error


@click.command("deidentify")
@click.option(
    "--model", "-m", default=None, help="Model reference (folder, Hub id, family or family:ref); default rules."
)
@click.option(
    "--method",
    default="redact",
    show_default=True,
    help="Operator: mask, redact, replace, hash, pseudonymize, keep, or a plugin's operator.",
)
@click.option("--input", "input_path", required=True, help="JSONL file, or - for stdin.")
@click.option("--output", "output_path", required=True, type=click.Path(dir_okay=False), help="JSONL file to write.")
@click.option("--text-field", default="text", show_default=True)
@click.option("--spans-field", default=None, help="Use the records' own spans from this field instead of a model.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(min=1))
@click.option("--with-rules", is_flag=True, help="Unite the model's spans with the rules family's.")
@click.option("--device", default="auto", show_default=True)
@click.option("--vault", default=None, type=click.Path(dir_okay=False), help="Vault file for reversible pseudonyms.")
@click.option("--key-file", default=None, type=click.Path(exists=True, dir_okay=False), help="File holding the key.")
@click.option("--language", default=None, callback=check_language, help="Locale language of surrogates (ISO 639-1).")
@click.option("--country", default=None, callback=check_country, help="Country of surrogates (ISO 3166-1 alpha-2).")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@identifier_typing_option
def deidentify(
    model, method, input_path, output_path, text_field, spans_field, batch_size, with_rules, device, vault,
    key_file, language, country, no_progress, identifier_typing,
) -> None:  # fmt: skip
    """De-identify the text field of every JSONL record; resumable after a crash (re-run the same command)."""
    from kp_core.anonymize.bulk import BulkInputError, BulkOptions, run_bulk
    from kp_core.anonymize.keys import MissingKeyError, read_key_file, resolve_key
    from kp_core.anonymize.vault import VaultError
    from kp_core.data.paths import PathProblem, describe_os_error

    key = None
    try:
        if method in ("hash", "pseudonymize") or vault:
            key = read_key_file(key_file) if key_file else resolve_key(None)
        options = BulkOptions(
            input=input_path,
            output=output_path,
            method=method,
            model=model,
            text_field=text_field,
            spans_field=spans_field,
            batch_size=batch_size,
            with_rules=with_rules,
            identifier_typing=identifier_typing,
            device=device,
            vault=vault,
            language=language,
            country=country,
        )
        result = run_bulk(options, key=key, progress=not no_progress)
    except (PathProblem, FileExistsError) as exc:
        raise _path_error(str(exc)) from None
    except OSError as exc:
        raise _path_error(describe_os_error(exc)) from None
    except (BulkInputError, MissingKeyError, ValueError, VaultError) as exc:
        raise click.ClickException(str(exc)) from None
    resumed = f" (resumed after record {result.resumed_from})" if result.resumed_from else ""
    click.echo(f"kp deidentify: {result.records} records written to {output_path}{resumed}", err=True)
    sys.stdout.flush()
