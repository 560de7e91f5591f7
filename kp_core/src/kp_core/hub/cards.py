"""Model and dataset cards (the Hub's README.md), built from what kp records: a run's kp.json, its
result rows and a rows file. Pure functions: nothing here talks to the Hub.

A card is a markdown template with ``string.Template`` placeholders (``${name}``; ``$$`` is a
literal dollar sign). A leading HTML comment in a template is documentation and is dropped, since
the Hub reads the YAML front matter only at the very top of the file. A user template (``template=``)
replaces the built-in one; a placeholder it uses that is not listed below is a
:class:`CardTemplateError` naming the file and the placeholder.

Model card placeholders (:func:`model_card`):

``front_matter`` (the YAML block with its ``---`` lines: license, language, base_model, datasets,
pipeline_tag, library_name, tags, model-index), ``repo_id``, ``name``, ``summary``,
``intended_use``, ``out_of_scope``, ``how_to_use``, ``training_data``, ``evaluation``,
``limitations``, ``contamination``, ``submission_card``, ``family``, ``base``, ``base_model``,
``framework``, ``license``, ``languages``, ``taxonomy_version``, ``kp_version``.

Dataset card placeholders (:func:`dataset_card`):

``front_matter``, ``repo_id``, ``name``, ``summary``, ``generator``, ``languages_table``,
``domains_table``, ``types_table``, ``types_by_language_table``, ``row_format``, ``how_to_use``,
``limitations``, ``license``, ``documents``, ``spans``, ``kp_version``.

Cards carry types, counts and scores, never a value from the data.
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

from kp_core.errors import KpError
from kp_core.hub.public import public_value

TEMPLATES = Path(__file__).resolve().parent / "templates"
MODEL_TEMPLATE = TEMPLATES / "model_card.md"
DATASET_TEMPLATE = TEMPLATES / "dataset_card.md"
SCORECARD = "scorecard.json"
# The scorecard variant a card reports by default: identifier typing is on in every kp detector
# unless switched off, so it is what extract_pii and kp predict give.
DEFAULT_VARIANT = "identifier_typing"
VARIANT_NAMES = {
    "model_alone": "the model alone (--no-identifier-typing)",
    "identifier_typing": "with identifier typing (kp's default)",
    "with_rules": "with identifier typing and the rules family (--with-rules)",
}

MODEL_PLACEHOLDERS = frozenset(
    {
        "front_matter", "repo_id", "name", "summary", "intended_use", "out_of_scope", "how_to_use",
        "training_data", "evaluation", "limitations", "contamination", "submission_card", "family",
        "base", "base_model", "framework", "license", "languages", "taxonomy_version", "kp_version",
    }
)  # fmt: skip
DATASET_PLACEHOLDERS = frozenset(
    {
        "front_matter", "repo_id", "name", "summary", "generator", "languages_table", "domains_table",
        "types_table", "types_by_language_table", "row_format", "how_to_use", "limitations", "license",
        "documents", "spans", "kp_version",
    }
)  # fmt: skip

# Built-in bases and the Hub models they are rebuilt from.
_BASE_HUB_IDS = {"multilingual-e5-small": "intfloat/multilingual-e5-small"}
# Licence words of the base registry -> Hub licence ids.
_LICENSE_IDS = {"mit": "mit", "apache-2.0": "apache-2.0", "apache": "apache-2.0", "cc-by-4.0": "cc-by-4.0"}
_DISTRIBUTIONS = {"torch": "kp-torch", "mlx": "kp-mlx", "gliner": "kp-gliner"}
_LIBRARIES = {"torch": "transformers", "mlx": "mlx", "gliner": "gliner"}
_KPGEN_DOC_ID = re.compile(r"^kpgen-(?P<seed>-?\d+)-\d+$")


class CardError(KpError, ValueError):
    """A card that cannot be built: no kp.json, an unreadable results file, a bad rows file."""


class CardTemplateError(CardError):
    """A card template with a placeholder kp does not fill, or a stray ``$``."""


# --- templates ------------------------------------------------------------------------------------


def _drop_header(text: str) -> str:
    """The template without its leading HTML comment (the front matter must come first)."""
    stripped = text.lstrip()
    if stripped.startswith("<!--") and "-->" in stripped:
        return stripped.split("-->", 1)[1].lstrip("\n")
    return text


def render_template(path: Path, values: Mapping[str, str], known: Iterable[str]) -> str:
    """``path`` with its placeholders filled from ``values``; ``known`` names every placeholder a
    template may use (a user template need not use all of them)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CardTemplateError(f"card template {path}: cannot read it ({type(exc).__name__})") from None
    template = string.Template(_drop_header(text))
    if not template.is_valid():
        raise CardTemplateError(
            f"card template {path}: a '$' that starts no placeholder; write $$ for a literal '$' "
            "and ${name} for a placeholder"
        )
    unknown = sorted(set(template.get_identifiers()) - set(known))
    if unknown:
        raise CardTemplateError(
            f"card template {path}: unknown placeholder ${{{unknown[0]}}}"
            + (f" (and {', '.join(unknown[1:])})" if unknown[1:] else "")
            + f"; known: {', '.join(sorted(known))}"
        )
    return template.substitute({key: values.get(key, "") for key in known})


def _front_matter(meta: Mapping[str, Any]) -> str:
    body = yaml.safe_dump(dict(meta), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{body}---"


# --- results --------------------------------------------------------------------------------------


def _check_rows(rows: Any, source: str) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise CardError(f"{source}: expected result rows (a list of objects), got {type(rows).__name__}")
    out = []
    for index, row in enumerate(rows):
        if not isinstance(row, Mapping) or "spec" not in row or not isinstance(row.get("scores"), Mapping):
            raise CardError(f"{source}: row {index} is not a result row (an object with 'spec' and 'scores')")
        out.append(dict(row))
    return out


def _scorecard_rows(card: Mapping[str, Any], source: str, variant: str | None) -> list[dict[str, Any]]:
    scores = card["scores"]
    names = list(scores) if variant is None else [variant]
    missing = [name for name in names if name not in scores]
    if missing:
        raise CardError(f"{source}: no scorecard variant {missing[0]!r}; it has {', '.join(scores) or 'none'}")
    rows = []
    for name in names:
        rows += [{**row, "variant": name} for row in _check_rows(scores[name], f"{source} ({name})")]
    return rows


def read_results(path: Path, *, variant: str | None = DEFAULT_VARIANT) -> list[dict[str, Any]]:
    """Result rows from ``path``: a schema-3 leaderboard (every entry's rows), a JSON list or JSONL
    file of rows, or the main job's ``scorecard.json``. Of a scorecard only ``variant``'s rows are
    read (default: identifier typing, kp's default; None: every variant), each marked with
    ``"variant"``."""
    from kp_core.evaluation.leaderboard import LeaderboardError, read_leaderboard_text

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CardError(f"no results file {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CardError(f"results file {path}: cannot read it ({type(exc).__name__})") from None
    source = str(path)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError:
        data = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                data.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise CardError(f"{source}:{number}: not JSON ({exc.msg}); expected result rows") from None
    if isinstance(data, Mapping) and "entries" in data:
        try:
            board = read_leaderboard_text(text, source)
        except LeaderboardError as exc:
            raise CardError(str(exc)) from None
        return [dict(row) for key in sorted(board["entries"]) for row in board["entries"][key]]
    if isinstance(data, Mapping) and isinstance(data.get("scores"), Mapping) and "spec" not in data:
        return _scorecard_rows(data, source, variant)
    if isinstance(data, Mapping):
        data = [data]
    return _check_rows(data, source)


def find_results(run_dir: Path, *, variant: str | None = DEFAULT_VARIANT) -> list[dict[str, Any]]:
    """The result rows beside a run: ``scorecard.json`` in a main job's folder (which holds
    ``model/``) or in the parent of a model folder; ``[]`` when there is none."""
    run_dir = Path(run_dir)
    for candidate in (run_dir / SCORECARD, run_dir.parent / SCORECARD):
        if candidate.is_file():
            return read_results(candidate, variant=variant)
    return []


# --- rows files -----------------------------------------------------------------------------------


@attrs.frozen
class RowsSummary:
    """Counts over a rows file: documents per language and domain, spans per type and per type
    and language, and what generated it (seeds from kp's ``kpgen-SEED-INDEX`` document ids,
    generator versions from a ``generator_version`` field when rows carry one)."""

    documents: int
    spans: int
    languages: Mapping[str, int]
    domains: Mapping[str, int]
    types: Mapping[str, int]
    types_by_language: Mapping[str, Mapping[str, int]]
    spans_by_language: Mapping[str, int]
    seeds: tuple[int, ...]
    generated: int
    generator_versions: tuple[str, ...]


def summarize_rows(path: Path) -> RowsSummary:
    """Count a kp rows file (JSONL or a JSON list, optionally gzipped), read by kp's row reader."""
    from kp_core.data.examples import iter_examples
    from kp_core.data.io import DataError

    languages: Counter[str] = Counter()
    domains: Counter[str] = Counter()
    types: Counter[str] = Counter()
    by_language: dict[str, Counter[str]] = {}
    seeds: set[int] = set()
    versions: set[str] = set()
    documents = generated = 0
    try:
        # Not strict: subword-labelled training data need not sit on the whitespace grid.
        for example in iter_examples(Path(path), strict=False):
            documents += 1
            language = example.language or "unknown"
            languages[language] += 1
            domains[example.domain or "unknown"] += 1
            labels = Counter(span.label for span in example.spans)
            types.update(labels)
            by_language.setdefault(language, Counter()).update(labels)
            match = _KPGEN_DOC_ID.match(example.doc_id or "")
            if match:
                generated += 1
                seeds.add(int(match["seed"]))
            version = example.extra.get("generator_version")
            if isinstance(version, str):
                versions.add(version)
    except FileNotFoundError:
        raise CardError(f"no rows file {path}") from None
    except DataError as exc:
        raise CardError(f"rows file {path}: {exc}") from None
    return RowsSummary(
        documents=documents,
        spans=sum(types.values()),
        languages=dict(sorted(languages.items())),
        domains=dict(sorted(domains.items())),
        types=_taxonomy_order(types),
        types_by_language={lang: _taxonomy_order(counts) for lang, counts in sorted(by_language.items())},
        spans_by_language={lang: sum(counts.values()) for lang, counts in sorted(by_language.items())},
        seeds=tuple(sorted(seeds)),
        generated=generated,
        generator_versions=tuple(sorted(versions)),
    )


def _taxonomy_order(counts: Mapping[str, int]) -> dict[str, int]:
    from kp_core.taxonomy import entity_names

    order = {name: index for index, name in enumerate(entity_names())}
    return {label: counts[label] for label in sorted(counts, key=lambda label: (order.get(label, len(order)), label))}


# --- shared pieces --------------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _codes(values: Iterable[str]) -> str:
    return ", ".join(f"`{value}`" for value in values) or "not recorded"


def _name_of(repo_id: str) -> str:
    return repo_id.split("/")[-1]


def _file_name(path: Any) -> str:
    """Only the file's name: cards never show a machine's folders."""
    return Path(str(path)).name if path else "not recorded"


def _kp_version() -> str:
    from kp_core import __version__

    return __version__


# --- model card -----------------------------------------------------------------------------------


def _model_folder(run_dir: Path) -> Path:
    run_dir = Path(run_dir)
    for folder in (run_dir, run_dir / "model"):
        if (folder / "kp.json").is_file():
            return folder
    raise CardError(f"{run_dir}: no kp.json here or in {run_dir / 'model'}; give a model folder or a main job's folder")


def _read_manifest(folder: Path) -> dict[str, Any]:
    from kp_core.plugins.manifest import Manifest

    manifest = Manifest.read(folder)
    assert manifest is not None  # _model_folder found the file
    return manifest.to_json()


def _base_model(base: str | None) -> str | None:
    """The Hub id of the base: a built-in base's source model, or the base when it is a Hub id."""
    from kp_core.hub.refs import parse_hub_ref, written_as_path

    if not base:
        return None
    if base in _BASE_HUB_IDS:
        return _BASE_HUB_IDS[base]
    if written_as_path(base):
        return None
    ref = parse_hub_ref(base)
    return ref.repo_id if ref is not None else None


def _base_license(base: str | None) -> str | None:
    from kp_core.bases.registry import get_builtin

    builtin = get_builtin(base) if base else None
    if builtin is None:
        return None
    first = builtin.license.split()[0].strip(",;()").lower() if builtin.license.strip() else ""
    return _LICENSE_IDS.get(first)


def _dataset_ids(manifest: Mapping[str, Any]) -> list[str]:
    """Hub datasets named as the training data (``ORG/NAME``, ``hf://datasets/ORG/NAME...``)."""
    from kp_core.hub.refs import dataset_ref_or_none

    data = manifest.get("data") or {}
    training = manifest.get("training") or {}
    candidates = [data.get(key) for key in ("source", "ref", "hub", "path")] + [training.get("dataset")]
    ids: list[str] = []
    for value in candidates:
        ref = dataset_ref_or_none(value) if isinstance(value, str) and value.strip() else None
        if ref is not None and ref.repo_id not in ids:
            ids.append(ref.repo_id)
    return ids


def _languages(manifest: Mapping[str, Any]) -> list[str]:
    split = (manifest.get("data") or {}).get("split") or {}
    return sorted((split.get("languages") or {}).keys())


def _transformers_classifier(folder: Path) -> bool:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return any(str(a).endswith("ForTokenClassification") for a in config.get("architectures") or ())


def _metric(kind: str, name: str, value: Any) -> dict[str, Any] | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return {"type": kind, "name": name, "value": value}


def _row_metrics(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    scores = row.get("scores") or {}
    f1 = scores.get("entity_f1") or {}
    f2 = scores.get("entity_f2") or {}
    strict = f1 or f2
    leak = scores.get("national_id_leakage") or scores.get("cnp_leakage") or {}
    names = scores.get("name_in_context_leakage") or {}
    metrics = [
        _metric("f1", "strict entity F1", f1.get("f1")),
        _metric("precision", "strict entity precision", strict.get("precision")),
        _metric("recall", "strict entity recall", strict.get("recall")),
        _metric("f2", "strict entity F2", f2.get("f2")),
        _metric("national_id_leak_rate", "national-ID leak rate", leak.get("leak_rate")),
        _metric("name_leak_rate", "name-in-context leak rate", names.get("name_leak_rate")),
    ]
    return [m for m in metrics if m is not None]


def _row_label(row: Mapping[str, Any]) -> str:
    spec = str(row["spec"])
    label = str(row.get("slice") or spec)
    return label if label == spec else f"{label} ({spec})"


def _model_index(name: str, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    results = []
    for row in rows:
        metrics = _row_metrics(row)
        if not metrics:
            continue
        dataset = row.get("dataset") or {}
        variant = row.get("variant")
        task_name = "PII detection" + (f", {VARIANT_NAMES.get(variant, variant)}" if variant else "")
        results.append(
            {
                "task": {"type": "token-classification", "name": task_name},
                "dataset": {
                    "name": _row_label(row),
                    "type": dataset.get("hf_id") or str(row["spec"]),
                    "config": dataset.get("config") or str(row["spec"]),
                    "split": dataset.get("split") or "dev",
                },
                "metrics": metrics,
            }
        )
    return [{"name": name, "results": results}] if results else []


def _number(value: Any, digits: int = 4) -> str:
    return "-" if isinstance(value, bool) or not isinstance(value, int | float) else f"{value:.{digits}f}"


def _with_interval(scores: Mapping[str, Any], key: str) -> str:
    """``value [low, high]`` when the metric carries an interval (``KEY_ci_low``/``_high``, or a
    bootstrap's ``ci_low``/``ci_high``)."""
    text = _number(scores.get(key))
    low = scores.get(f"{key}_ci_low", scores.get("ci_low"))
    high = scores.get(f"{key}_ci_high", scores.get("ci_high"))
    if text != "-" and isinstance(low, int | float) and isinstance(high, int | float):
        text += f" [{low:.3f}, {high:.3f}]"
    return text


def _leak_cell(scores: Mapping[str, Any]) -> str:
    leak = scores.get("national_id_leakage") or scores.get("cnp_leakage")
    if leak:
        total = leak.get("decode_bearing_total", leak.get("cnp_total"))
        missed = leak.get("decode_bearing_missed", leak.get("cnp_missed"))
        counts = f" ({int(missed)}/{int(total)})" if total is not None and missed is not None else ""
        return f"national ID {_with_interval(leak, 'leak_rate')}{counts}"
    names = scores.get("name_in_context_leakage")
    if names:
        counts = f" ({int(names.get('name_subjects_leaked', 0))}/{int(names.get('name_subjects_total', 0))})"
        return f"names {_with_interval(names, 'name_leak_rate')}{counts}"
    return "-"


def _slice_table(rows: Sequence[Mapping[str, Any]]) -> str:
    lines = []
    for row in rows:
        scores = row.get("scores") or {}
        f1 = scores.get("entity_f1") or {}
        f2 = scores.get("entity_f2") or {}
        strict = f1 or f2
        lines.append(
            [
                _row_label(row),
                ", ".join(row.get("languages") or []) or "-",
                row.get("domain") or "-",
                row.get("n", "-"),
                _with_interval(strict, "precision"),
                _with_interval(strict, "recall"),
                _with_interval(f1, "f1"),
                _with_interval(f2, "f2"),
                _leak_cell(scores),
            ]
        )
    header = ["set", "languages", "domain", "docs", "P", "R", "F1", "F2", "leak rate [95% CI] (missed/total)"]
    return _table(header, lines)


def _per_type_table(rows: Sequence[Mapping[str, Any]]) -> str | None:
    per_spec = [(row, (row.get("scores") or {}).get("kp_entity_per_type")) for row in rows]
    per_spec = [(row, cells) for row, cells in per_spec if cells]
    if not per_spec:
        return None
    types = list(_taxonomy_order(Counter({label: 1 for _, cells in per_spec for label in cells})))

    def cell(cells: Mapping[str, Any], label: str) -> str:
        c = cells.get(label)
        if not c:
            return "-"
        return f"{c['precision']:.2f} / {c['recall']:.2f} / {c['f1']:.2f}"

    body = [[label, *(cell(cells, label) for _, cells in per_spec)] for label in types]
    body.append(["gold spans", *(sum(int(c.get("support", 0)) for c in cells.values()) for _, cells in per_spec)])
    return _table(["type (P / R / F1)", *(str(row.get("slice") or row["spec"]) for row, _ in per_spec)], body)


def _evaluation(rows: Sequence[Mapping[str, Any]]) -> str:
    if not rows:
        return (
            "No evaluation results were given. Score the model with `kp evaluate` and build the card "
            "again with its leaderboard file."
        )
    groups: dict[str | None, list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row.get("variant"), []).append(row)
    parts = [
        "Strict entity-level precision, recall, F1 and F2 (EuroPriv-Bench definitions: a predicted span "
        "counts only with the exact type and token boundaries). Leak rate: the share of national IDs left "
        "in clear (EuroPriv-Bench slices) or of persons whose name survives (ECHR files), with a 95% Wilson "
        "interval. Intervals after other numbers are bootstrap intervals where the results carry them."
    ]
    for variant, group in groups.items():
        if variant is not None:
            parts.append(f"### {VARIANT_NAMES.get(variant, variant).capitalize()}")
        parts.append(_slice_table(group))
        per_type = _per_type_table(group)
        if per_type:
            parts += ["Per type:", per_type]
    specs = sorted({str(row["spec"]) for row in rows})
    statuses = sorted({str(row.get("config_status")) for row in rows if row.get("config_status")})
    versions = sorted({str(row.get("europriv_bench_version")) for row in rows if row.get("europriv_bench_version")})
    scorers = sorted({str(row.get("scorer")) for row in rows if row.get("scorer")})
    notes = [f"Sets: {', '.join(specs)}."]
    if statuses:
        notes.append(f"Config status: {', '.join(statuses)} (`dev` sets are not citable benchmark results).")
    if versions:
        notes.append(f"EuroPriv-Bench version: {', '.join(versions)}.")
    if scorers:
        notes.append(f"Scored by: {'; '.join(scorers)}.")
    parts.append(" ".join(notes))
    return "\n\n".join(parts)


def _training_summary(folder: Path, manifest: Mapping[str, Any]) -> RowsSummary | None:
    """The training file's counts when it is still where kp.json says and its sha256 matches."""
    from kp_core.training.data import data_hash

    data = manifest.get("data") or {}
    path, sha = data.get("path"), data.get("sha256")
    if not isinstance(path, str) or not isinstance(sha, str):
        return None
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = folder / candidate
    try:
        if not candidate.is_file() or data_hash(candidate) != sha:
            return None
        return summarize_rows(candidate)
    except (OSError, CardError):
        return None


def _training_data(manifest: Mapping[str, Any], summary: RowsSummary | None, datasets: Sequence[str]) -> str:
    data = manifest.get("data") or {}
    split = data.get("split") or {}
    training = manifest.get("training") or {}
    run = manifest.get("run") or {}
    seed = manifest.get("seed", training.get("seed"))
    lines = []
    source = (
        ", ".join(f"[{d}](https://huggingface.co/datasets/{d})" for d in datasets)
        or f"`{_file_name(data.get('path'))}`"
    )
    lines.append(f"- **File**: {source}, sha256 `{data.get('sha256', 'not recorded')}`.")
    if summary is not None:
        generator = ", ".join(summary.generator_versions) or "not recorded in the rows"
        seeds = ", ".join(str(s) for s in summary.seeds) or "-"
        lines.append(
            f"- **Generator**: kp's document generator, {summary.generated} of {summary.documents} documents "
            f"generated (seed {seeds}); generator version: {generator}."
        )
        lines.append(f"- **Domains**: {', '.join(f'{k} ({v})' for k, v in summary.domains.items())}.")
    else:
        lines.append(
            "- **Generator**: kp's document generator; its version and the documents' domains are recorded "
            "in the data file, which was not at hand when this card was written."
        )
    if split:
        lines.append(
            f"- **Documents**: {split.get('total_rows', '-')} in the file; {split.get('train_rows', '-')} for "
            f"training, {split.get('eval_rows', '-')} held out (template-disjoint by `{split.get('group_key', '-')}`, "
            f"eval fraction {split.get('eval_fraction', '-')}, seed {split.get('seed', '-')}) for the "
            "held-out scores below only."
        )
    elif data.get("train_examples") is not None:
        lines.append(
            f"- **Documents**: {data['train_examples']} for training, {data.get('eval_examples', '-')} held out."
        )
    lines.append(f"- **Languages** ({len(_languages(manifest))}): {_codes(_languages(manifest))}.")
    lines.append(f"- **Seed**: {seed if seed is not None else 'not recorded'}.")
    hyper = [
        f"{key.replace('_', ' ')} {training[key]}"
        for key in ("epochs", "lr", "batch_size", "grad_accum", "warmup_ratio", "weight_decay", "max_steps")
        if training.get(key) is not None
    ]
    if hyper:
        lines.append(f"- **Training**: {', '.join(hyper)}; max length {manifest.get('max_length', '-')} tokens.")
    if run:
        budget = run.get("time_budget_s", training.get("time_budget_s"))
        budget_text = f"{budget:.0f} s budget" if isinstance(budget, int | float) else "no time budget"
        stopped = " (stopped by the budget)" if run.get("stopped_by_budget") else ""
        seconds = run.get("train_seconds")
        seconds_text = f"{seconds:.0f} s" if isinstance(seconds, int | float) else "-"
        lines.append(
            f"- **Run**: {run.get('steps', '-')} of {run.get('planned_steps', '-')} planned steps{stopped}, "
            f"{seconds_text} of a {budget_text}, on {run.get('device', '-')} ({run.get('hardware', 'hardware not recorded')}); "
            f"finished {run.get('finished_at', '-')}."
        )
    metrics = manifest.get("metrics") or {}
    if metrics.get("eval_f1") is not None:
        lines.append(
            f"- **Held-out generated split**: strict F1 {_number(metrics.get('eval_f1'))}, "
            f"P {_number(metrics.get('eval_precision'))}, R {_number(metrics.get('eval_recall'))} "
            f"on {int(metrics.get('eval_docs', 0) or 0) or '-'} documents."
        )
    return "\n".join(lines)


def _contamination(manifest: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> str:
    data = manifest.get("data") or {}
    specs = sorted({str(row["spec"]) for row in rows})
    labels = sorted({str(row.get("contamination")) for row in rows if row.get("contamination")})
    text = (
        f"The model was trained only on the generated file `{_file_name(data.get('path'))}` "
        f"(sha256 `{data.get('sha256', 'not recorded')}`): kp's training reads that one file and splits its "
        "held-out share from it."
    )
    if specs:
        text += (
            f" The evaluation sets ({', '.join(specs)}) were used only for evaluation, after training; "
            "none of their documents was given to training."
        )
    if data.get("eval_rows_sha256"):
        text += f" The held-out generated rows (sha256 of the rows `{data['eval_rows_sha256']}`) were never trained on."
    if labels:
        text += f" EuroPriv-Bench's own contamination label for these results: {', '.join(labels)}."
    return text


def _submission_card(
    repo_id: str,
    revision: str | None,
    *,
    adapter: str,
    languages: Sequence[str],
    domains: Sequence[str],
    training_data: str,
    contamination: str,
    generated: bool,
) -> str:
    card = {
        "hf_model_id": f"{repo_id}@{revision}" if revision else repo_id,
        "adapter": adapter,
        "intended_use": "PII detection and de-identification of European-language documents",
        "training_data": training_data,
        "languages": list(languages) or ["not recorded"],
        "domains": list(domains) or ["not recorded"],
        "known_limitations": (
            "trained on generated documents only; lower scores on real text (see Limitations)"
            if generated
            else "trained on one file only; lower scores on text unlike it (see Limitations)"
        ),
        "contamination_statement": contamination,
    }
    text = "```yaml\n" + yaml.safe_dump(card, sort_keys=False, allow_unicode=True, width=1000) + "```"
    notes = []
    if not revision:
        notes.append(
            f"Pin the revision before submitting: `hf_model_id` must read `{repo_id}@<commit>` "
            "(the harness refuses an unpinned id)."
        )
    if adapter != "kp-model":
        notes.append(
            "`kp` is the adapter kp registers in the harness (`python -m kp_core.evaluation.europriv`); "
            "it is not one of the harness's built-in adapters."
        )
    return "\n\n".join([text, *notes])


_OUT_OF_SCOPE = (
    "- Anonymisation in the legal sense (GDPR Recital 26) without review: a missed span is personal "
    "data left in clear, and the leak rates below are not zero on real text.\n"
    "- Languages, scripts and document kinds far from the training data (see Training data).\n"
    "- Decisions about people, profiling, or finding people in text (re-identification).\n"
    "- Text whose personal data must not leave its owner's control: run the model where the data is."
)


def _limitations(generated: bool) -> str:
    first = (
        "- The training documents are generated from templates and invented values. Real text has layouts, "
        "errors, abbreviations and context the generator does not produce: expect lower recall on it (compare "
        "the real ECHR court files with the generated-skeleton slices in the evaluation tables, when present)."
        if generated
        else "- The model learned only from its training file: text unlike it (other layouts, domains or "
        "languages, real documents if it was generated) will score lower."
    )
    return "\n".join(
        [
            first,
            "- Types that depend on context (organisations, case numbers, health conditions) are harder than "
            "identifiers with a fixed shape; see the per-type table.",
            "- Scores on `dev` sets are for development: they are small and not citable benchmark results.",
            "- Spans are typed with the KP taxonomy; other schemes need a mapping.",
        ]
    )


def model_card(
    run_dir: Path,
    *,
    repo_id: str,
    results: Sequence[Mapping[str, Any]] = (),
    template: Path | None = None,
    license: str | None = None,
    revision: str | None = None,
) -> str:
    """The README.md for publishing the model in ``run_dir`` (a model folder with kp.json, or a
    main job's folder holding ``model/``) as ``repo_id``.

    ``results`` (see :func:`read_results`, :func:`find_results`) become the front matter's
    model-index and the evaluation tables. ``license`` defaults to the built-in base's licence,
    else ``other``. ``revision`` pins the EuroPriv-Bench submission card's ``hf_model_id``.
    """
    folder = _model_folder(run_dir)
    manifest = _read_manifest(folder)
    rows = [dict(row) for row in results]
    name = _name_of(repo_id)
    family = str(manifest.get("family"))
    framework = str(manifest.get("framework") or "none")
    base = manifest.get("base") or (manifest.get("training") or {}).get("base")
    base = public_value(str(base)) if base else None  # a local folder by its name, never its path
    base_model = _base_model(base)
    license_id = license or _base_license(base) or "other"
    languages = _languages(manifest)
    datasets = _dataset_ids(manifest)
    summary = _training_summary(folder, manifest)
    transformers_ok = framework == "torch" and _transformers_classifier(folder)

    meta: dict[str, Any] = {"license": license_id}
    if languages:
        meta["language"] = languages
    if base_model:
        meta["base_model"] = base_model
    if datasets:
        meta["datasets"] = datasets
    # A document classifier's checkpoint (kp.json task "classification") is a text classifier.
    pipeline = "text-classification" if manifest.get("task") == "classification" else "token-classification"
    meta["pipeline_tag"] = pipeline
    meta["library_name"] = _LIBRARIES.get(framework, "kp")
    meta["tags"] = [
        tag for tag in ("kp", "pii", "de-identification", pipeline, family, framework)
        if tag and tag != "none"
    ]  # fmt: skip
    index = _model_index(name, rows)
    if index:
        meta["model-index"] = index

    distribution = _DISTRIBUTIONS.get(framework)
    install = 'pip install "kp-core[hub]"' + (f" {distribution}" if distribution else "")
    how = [
        f"With kp (`{install}`):",
        "```python\nfrom kp_core import extract_pii\n\n"
        f'spans = extract_pii("Text to check for personal data.", model="{repo_id}")\n'
        "for span in spans:\n    print(span.start, span.end, span.label)\n```",
        f'```bash\nkp predict -m {repo_id} "Text to check for personal data."\n'
        f"kp predict -m {repo_id} --input documents.jsonl --json --out spans.jsonl\n```",
        "kp adds what the raw network does not: windows over long documents, span decoding and "
        "identifier typing (checksum-validated national IDs, IBANs and cards are typed by their validators).",
    ]
    if transformers_ok:
        how += [
            "With transformers alone (per-token BIOES labels over the KP types; no windows or identifier typing):",
            "```python\nfrom transformers import AutoModelForTokenClassification, AutoTokenizer, pipeline\n\n"
            f'tokenizer = AutoTokenizer.from_pretrained("{repo_id}")\n'
            f'model = AutoModelForTokenClassification.from_pretrained("{repo_id}")\n'
            'tagger = pipeline("token-classification", model=model, tokenizer=tokenizer, aggregation_strategy="simple")\n'
            'print(tagger("Text to check for personal data."))\n```',
        ]

    base_text = (
        f"`{base}`" + (f" ([{base_model}](https://huggingface.co/{base_model}))" if base_model else "")
        if base
        else "no base"
    )
    generated = summary is not None and summary.documents > 0 and summary.generated == summary.documents
    data = manifest.get("data") or {}
    labels = manifest.get("labels")
    source = "documents generated by kp" if generated else f"the training file `{_file_name(data.get('path'))}`"
    summary_text = (
        f"A PII detector of the `{family}` family ({framework}), fine-tuned by [kp](https://github.com/klusai/kp) from {base_text} "
        f"on {source}. It finds the personal data types of the KP taxonomy "
        f"v{manifest.get('taxonomy_version', '-')}"
        + (f" ({len(labels)} labels)" if labels else "")
        + (f" in {len(languages)} languages" if languages else "")
        + "."
    )
    intended = (
        "Finding personal data (names, addresses, national IDs, bank accounts, contact details, health "
        "conditions, case numbers and the other KP types) in European-language administrative, legal, "
        "clinical and general documents, so that it can be redacted, pseudonymised or reviewed: one layer "
        "of a de-identification pipeline, with human review where the stakes are high. Languages: "
        f"{_codes(languages)}."
    )
    domains = list(summary.domains) if summary is not None else []
    documents = (data.get("split") or {}).get("total_rows", "unknown")
    training_line = (
        f"kp-generated synthetic documents (file sha256 {data.get('sha256', 'not recorded')}, {documents} "
        f"documents, seed {manifest.get('seed', 'not recorded')}); no real personal data"
        if generated
        else f"training file sha256 {data.get('sha256', 'not recorded')}, {documents} documents (see the model card)"
    )
    contamination = _contamination(manifest, rows)
    values = {
        "front_matter": _front_matter(meta),
        "repo_id": repo_id,
        "name": name,
        "summary": summary_text,
        "intended_use": intended,
        "out_of_scope": _OUT_OF_SCOPE,
        "how_to_use": "\n\n".join(how),
        "training_data": _training_data(manifest, summary, datasets),
        "evaluation": _evaluation(rows),
        "limitations": _limitations(generated),
        "contamination": contamination,
        "submission_card": _submission_card(
            repo_id,
            revision,
            adapter="kp-model" if transformers_ok else "kp",
            languages=languages,
            domains=domains,
            training_data=training_line,
            contamination=contamination,
            generated=generated,
        ),
        "family": family,
        "base": base or "none",
        "base_model": base_model or "none",
        "framework": framework,
        "license": license_id,
        "languages": ", ".join(languages),
        "taxonomy_version": str(manifest.get("taxonomy_version") or "-"),
        "kp_version": _kp_version(),
    }
    return render_template(Path(template) if template else MODEL_TEMPLATE, values, MODEL_PLACEHOLDERS)


# --- dataset card ---------------------------------------------------------------------------------


def _size_category(count: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if count < limit:
            return label
    return "1M<n<10M"


def _dataset_limitations(generated: bool) -> str:
    if not generated:
        return (
            "- Check the rows' provenance and licence before training on them: documents not generated by kp "
            "may hold real personal data.\n"
            "- Evaluate on independently built sets, never on a held-out share of this file alone."
        )
    return (
        "- Every document is generated from templates; names, addresses, identifiers and other values are "
        "invented (identifiers pass their checksums but belong to nobody).\n"
        "- Generated text is cleaner and more regular than real documents: a model trained only on it "
        "scores lower on real text.\n"
        "- Evaluate on real or independently built sets, never on a held-out share of this file alone."
    )


def dataset_card(path: Path, *, repo_id: str, template: Path | None = None, license: str | None = None) -> str:
    """The README.md for publishing the kp rows file ``path`` (JSONL or a JSON list) as the dataset
    ``repo_id``: generator version and seed, languages, domains, and counts per KP type and per
    language. ``license`` defaults to ``other``."""
    path = Path(path)
    summary = summarize_rows(path)
    name = _name_of(repo_id)
    license_id = license or "other"
    languages = [lang for lang in summary.languages if lang != "unknown"]
    meta: dict[str, Any] = {"license": license_id}
    if languages:
        meta["language"] = languages
    generated = summary.documents > 0 and summary.generated == summary.documents
    meta.update(
        {
            "pretty_name": name,
            "task_categories": ["token-classification"],
            "task_ids": ["named-entity-recognition"],
            "size_categories": [_size_category(summary.documents)],
            "tags": ["kp", "pii", "de-identification", *(["synthetic"] if generated else [])],
        }
    )
    versions = ", ".join(summary.generator_versions) or "not recorded in the rows"
    seeds = ", ".join(str(s) for s in summary.seeds) or "-"
    generator = (
        f"{summary.generated} of {summary.documents} documents were generated by kp's document generator "
        f"(seed {seeds}; generator version: {versions})."
    )
    summary_text = (
        f"{summary.documents} documents with {summary.spans} gold PII spans typed with the KP taxonomy, in "
        f"{len(languages)} languages and {len(summary.domains)} domains, in kp's row format (`{path.name}`)."
        + (" Every document was generated by kp: no real personal data, every value is invented." if generated else "")
    )
    by_lang = summary.types_by_language
    types = list(summary.types)
    values = {
        "front_matter": _front_matter(meta),
        "repo_id": repo_id,
        "name": name,
        "summary": summary_text,
        "generator": generator,
        "languages_table": _table(
            ["language", "documents", "spans"],
            [[lang, count, summary.spans_by_language.get(lang, 0)] for lang, count in summary.languages.items()],
        ),
        "domains_table": _table(["domain", "documents"], list(summary.domains.items())),
        "types_table": _table(["KP type", "spans"], list(summary.types.items())),
        "types_by_language_table": _table(
            ["language", *types], [[lang, *(by_lang[lang].get(t, 0) for t in types)] for lang in by_lang]
        ),
        "row_format": (
            "One JSON object per line: `text`, `spans` (a list of `{start, end, label}` with character offsets, "
            "end exclusive, and a KP type as label), and `language`, `domain`, `country`, `doc_id`, "
            "`template_id`, `genre` where the rows carry them."
        ),
        "how_to_use": (
            "```bash\n"
            f"kp data stats --input {path.name}\n"
            f"kp train xlmr-ner --data hf://datasets/{repo_id}:{path.name} --out runs/model\n"
            "```\n\n"
            "```python\nfrom huggingface_hub import hf_hub_download\nfrom kp_core.data.examples import load_examples\n\n"
            f'examples = load_examples(hf_hub_download("{repo_id}", "{path.name}", repo_type="dataset"))\n```'
        ),
        "limitations": _dataset_limitations(generated),
        "license": license_id,
        "documents": str(summary.documents),
        "spans": str(summary.spans),
        "kp_version": _kp_version(),
    }
    return render_template(Path(template) if template else DATASET_TEMPLATE, values, DATASET_PLACEHOLDERS)
