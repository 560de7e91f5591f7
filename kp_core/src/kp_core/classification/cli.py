"""``kp classify``: document labels of a text or of every record of a JSONL file.

Per document: whether it holds personal data, its sensitivity level, the labels at or above their
thresholds and the score of each label. The output never repeats the text: ``--json`` rows carry
the record's ``doc_id`` (where it has one) and the prediction.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from kp_core.cli.options import json_option, overwrite_option, progress_option, rows_io_options, show_progress

SHOWN_SCORE = 0.01  # plain output lists the labels scored at least this, highest first


@click.command("classify")
@click.argument("text", required=False)
@rows_io_options
@click.option(
    "--model", "-m", "model", required=True, metavar="REF",
    help="A document classifier: checkpoint folder, family:ref or Hub id (a span-detection model is refused).",
)  # fmt: skip
@click.option("--device", default="auto", show_default=True, help="auto or a backend (kp backends).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1))
@overwrite_option
@json_option
@progress_option
def classify(
    text: str | None,
    input_path: str | None,
    text_field: str,
    model: str,
    device: str,
    out_path: str | None,
    batch_size: int,
    overwrite: bool,
    as_json: bool,
    progress: bool | None,
) -> None:
    """Classify TEXT, or each record of --input: personal data or not, sensitivity level
    (none, quasi, direct, special), the KP types found and the score of each label.

    Plain output: per document a `# doc_id ID` (or `# line N`) header, then its verdict and the
    labels scored at least 0.01. --json: one JSON object per document (doc_id where the record has
    one, personal_data, level, labels, scores)."""
    from kp_core.classification.api import load_classifier
    from kp_core.cli.predict import _check_paths, _output

    if (text is None) == (input_path is None):
        raise click.UsageError("give either TEXT or --input")
    _check_paths(input_path, out_path, overwrite)
    classifier = load_classifier(model, device=device)
    with _output(out_path) as out:
        if text is not None:
            prediction = _classify(classifier, model, [text])[0]
            click.echo(_json_line(None, prediction) if as_json else _lines(prediction), file=out)
            return
        for header, row, prediction in _classify_records(
            classifier, model, input_path, text_field, batch_size, show_progress(progress)
        ):
            if as_json:
                click.echo(_json_line(row.get("doc_id") if isinstance(row, dict) else None, prediction), file=out)
            else:
                click.echo(f"{header}\n{_lines(prediction)}", file=out)


def _classify(classifier: Any, model: str, texts: list[str]) -> list[Any]:
    from kp_core.errors import KpError

    found = list(classifier.classify(texts))
    if len(found) != len(texts):
        raise KpError(f"-m {model}: returned {len(found)} predictions for {len(texts)} texts")
    return found


def _classify_records(
    classifier: Any, model: str, input_path: str, text_field: str, batch_size: int, progress: bool
) -> Iterator[tuple[str, dict[str, Any], Any]]:
    from tqdm import tqdm

    from kp_core.cli.predict import _records

    batch: list[tuple[str, dict[str, Any], str]] = []
    with tqdm(desc="classify", unit=" rows", file=sys.stderr, disable=not progress) as bar:
        for item in _records(input_path, text_field):
            batch.append(item)
            if len(batch) >= batch_size:
                yield from _run(classifier, model, batch)
                bar.update(len(batch))
                batch = []
        if batch:
            yield from _run(classifier, model, batch)
            bar.update(len(batch))


def _run(classifier: Any, model: str, batch: list[tuple[str, dict[str, Any], str]]) -> Iterator[tuple[str, dict, Any]]:
    found = _classify(classifier, model, [value for _, _, value in batch])
    for (header, row, _), prediction in zip(batch, found, strict=True):
        yield header, row, prediction


def _json_line(doc_id: Any, prediction: Any) -> str:
    document = {"doc_id": doc_id} if doc_id is not None else {}
    return json.dumps({**document, **prediction.to_json()}, ensure_ascii=False)


def _lines(prediction: Any) -> str:
    verdict = "yes" if prediction.personal_data else "no"
    labels = ", ".join(sorted(prediction.labels)) or "-"
    shown = sorted(
        ((name, float(score)) for name, score in prediction.scores.items() if float(score) >= SHOWN_SCORE),
        key=lambda item: (-item[1], item[0]),
    )
    scores = "  ".join(f"{name} {score:.3f}" for name, score in shown) or "-"
    return f"personal_data: {verdict}\tlevel: {prediction.level}\tlabels: {labels}\nscores: {scores}"


# --- kp evaluate with a classifier -------------------------------------------------------------------

# kp evaluate's options that only mean something for span detection: refused with a classifier.
SPAN_ONLY_OPTIONS = {
    "predictions": "--predictions",
    "spec_files": "--spec",
    "suite": "--suite",
    "metrics": "--metrics",
    "only": "--only",
    "evaluator_name": "--evaluator",
    "per_type": "--per-type",
    "adapter_name": "--name",
    "model_id": "--model-id",
    "out": "--out",
    "dump_predictions": "--dump-predictions",
    "dump_raw_values": "--dump-raw-values",
    "key_file": "--key-file",
    "compare": "--compare",
}


def refuse_span_options(given: dict[str, Any], detection_flags: list[str]) -> None:
    """Options of ``kp evaluate`` that score spans, given with a classifier: one refusal naming them."""
    from kp_core.errors import KpError

    named = [flag for name, flag in SPAN_ONLY_OPTIONS.items() if given.get(name) not in (None, False, ())]
    named += [flag for flag in detection_flags if flag not in ("--model", "--device")]
    if named:
        raise KpError(
            f"{', '.join(named)}: span-detection options; a classifier is scored on document labels "
            "(give --data FILE or --data-dir DIR, --limit, --json)"
        )


def evaluate_classifier_files(
    model: str, files: list[Any], *, device: str, limit: int | None, progress: bool, batch_size: int = 32
) -> dict[str, Any]:
    """The classifier's report on each gold file (gold = the rows' document labels)."""
    from tqdm import tqdm

    from kp_core.classification.api import load_classifier
    from kp_core.classification.labels import example_doc_labels
    from kp_core.classification.metrics import RESAMPLES, SEED, evaluate_classifier
    from kp_core.data import DataError, load_examples

    classifier = load_classifier(model, device=device)
    results = []
    for path in files:
        examples = load_examples(path)[:limit]
        if not examples:
            raise DataError(f"{path}: no documents (the file holds no rows)")
        gold = [example_doc_labels(example) for example in examples]
        predicted: list[Any] = []
        with tqdm(total=len(examples), desc=path.name[:48], unit="doc", disable=not progress, file=sys.stderr) as bar:
            for start in range(0, len(examples), batch_size):
                texts = [example.text for example in examples[start : start + batch_size]]
                predicted.extend(_classify(classifier, model, texts))
                bar.update(len(texts))
        results.append({"data": path.name, **evaluate_classifier(gold, predicted)})
    return {"task": "classification", "model": model, "resamples": RESAMPLES, "seed": SEED, "results": results}


def show_classifier_report(document: dict[str, Any], as_json: bool) -> None:
    from kp_core.classification.metrics import format_report

    if as_json:
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    blocks = [format_report(result, f"{document['model']} on {result['data']}") for result in document["results"]]
    click.echo("\n\n".join(blocks))
