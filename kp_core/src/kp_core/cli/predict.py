"""``kp predict``: PII spans of a text or of every record of a JSONL file."""

from __future__ import annotations

import json

import click

from kp_core.cli.detector_options import identifier_typing_option


@click.command("predict")
@click.option(
    "--model", "-m", default=None, help="Model reference (folder, Hub id, family or family:ref); default rules."
)
@click.argument("text", required=False)
@click.option("--input", "input_path", default=None, help="JSONL file (or -) whose records have a text field.")
@click.option("--text-field", default="text", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per text: spans with offsets, labels, scores.")
@click.option("--with-rules", is_flag=True, help="Unite the model's spans with the rules family's.")
@click.option("--device", default="auto", show_default=True)
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1))
@click.option("--bf16", is_flag=True, help="bfloat16 weights (torch families): ~2x faster on GPUs and bf16 CPUs.")
@identifier_typing_option
def predict(
    model, text, input_path, text_field, as_json, with_rules, device, batch_size, bf16, identifier_typing
) -> None:
    """Find PII in TEXT, or in each record of --input."""
    from kp_core.plugins.models import ModelResolutionError, load_detector

    if (text is None) == (input_path is None):
        raise click.UsageError("give either TEXT or --input")
    try:
        detector = load_detector(
            model, device=device, identifier_typing=identifier_typing, **({"bf16": True} if bf16 else {})
        )
    except ModelResolutionError as exc:
        raise click.ClickException(str(exc)) from None
    if with_rules:
        from kp_core.rules.union import WithRules

        detector = WithRules(detector)
    if text is not None:
        _emit(text, detector.predict_spans([text])[0], as_json)
        return
    from kp_core.data.io import jsonl_records, open_stream

    try:  # the JSONL reader of kp data, evaluate and deidentify: same files taken, same errors
        stream = open_stream(click.open_file(input_path, "rb"))
    except OSError as exc:
        raise click.ClickException(f"{input_path}: cannot read ({exc.strerror or type(exc).__name__})") from None
    batch: list[str] = []
    for record, _ in jsonl_records(stream, "<stdin>" if input_path == "-" else input_path):
        if record.error is not None:
            raise click.ClickException(f"{record.where}: {record.error}")
        value = record.row.get(text_field) if isinstance(record.row, dict) else None
        if not isinstance(value, str):
            raise click.ClickException(f"{record.where}: field {text_field!r} is missing or not a string")
        batch.append(value)
        if len(batch) >= batch_size:
            for item, spans in zip(batch, detector.predict_spans(batch), strict=True):
                _emit(item, spans, as_json)
            batch = []
    if batch:
        for item, spans in zip(batch, detector.predict_spans(batch), strict=True):
            _emit(item, spans, as_json)


def _emit(text: str, spans, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"spans": [s.to_json() for s in spans]}, ensure_ascii=False))
        return
    for span in spans:
        score = "" if span.score is None else f"\t{span.score:.2f}"
        click.echo(f"{span.start}\t{span.end}\t{span.label}{score}\t{text[span.start : span.end]}")
    if not spans:
        click.echo("(no PII found)")
