"""Evaluation spec files in the EuroPriv-Bench YAML format (``EvalSpec``), and suites of them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from kp_core.errors import KpError

HARNESS_HF_ID = "klusai/europriv-bench"


class SpecError(KpError, ValueError):
    """A spec file that cannot be read; the message names the file and the field."""


class Task(enum.StrEnum):
    DETECTION = "detection"
    ANONYMIZATION = "anonymization"
    CLASSIFICATION = "classification"
    LEAKAGE = "leakage"


SCORED_TASKS = frozenset({Task.DETECTION, Task.ANONYMIZATION})


@attrs.frozen(slots=True)
class DatasetRef:
    hf_id: str | None
    config: str | None = None
    split: str = "test"
    license: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"hf_id": self.hf_id, "config": self.config, "split": self.split}


@attrs.frozen(slots=True)
class EvalSpec:
    name: str
    task: Task
    dataset: DatasetRef
    metrics: tuple[str, ...]
    version: int = 1
    languages: tuple[str, ...] = ()
    domain: str = "general"
    description: str | None = None
    path: Path | None = attrs.field(default=None, eq=False)

    @classmethod
    def from_yaml(cls, path: str | Path) -> EvalSpec:
        import yaml

        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise SpecError(f"{path}: not valid YAML: {exc}") from None
        return cls.from_mapping(data, source=str(path), path=path)

    @classmethod
    def from_mapping(cls, data: Any, *, source: str = "<spec>", path: Path | None = None) -> EvalSpec:
        if not isinstance(data, Mapping):
            raise SpecError(f"{source}: a spec is a mapping, got {type(data).__name__}")

        def need(mapping: Mapping, key: str, kind: type, where: str) -> Any:
            if key not in mapping or mapping[key] is None:
                raise SpecError(f"{source}: missing required field {where}{key!r}")
            if not isinstance(mapping[key], kind):
                raise SpecError(f"{source}: field {where}{key!r} must be {kind.__name__}")
            return mapping[key]

        name = need(data, "name", str, "")
        try:
            task = Task(need(data, "task", str, ""))
        except ValueError:
            allowed = ", ".join(t.value for t in Task)
            raise SpecError(f"{source}: task {data['task']!r} is not one of {allowed}") from None
        ds = need(data, "dataset", Mapping, "")
        hf_id = ds.get("hf_id")
        if hf_id is not None and not isinstance(hf_id, str):
            raise SpecError(f"{source}: field dataset.'hf_id' must be str")
        metrics = need(data, "metrics", list, "")
        if not all(isinstance(m, str) for m in metrics):
            raise SpecError(f"{source}: every entry of 'metrics' must be a metric key (str)")
        languages = data.get("languages") or []
        if not isinstance(languages, list) or not all(isinstance(lang, str) for lang in languages):
            raise SpecError(f"{source}: 'languages' must be a list of language codes")
        version = data.get("version", 1)
        if not isinstance(version, int):
            raise SpecError(f"{source}: 'version' must be an integer")
        return cls(
            name=name,
            task=task,
            dataset=DatasetRef(
                hf_id=hf_id,
                config=None if ds.get("config") is None else str(ds["config"]),
                split=str(ds.get("split") or "test"),
                license=None if ds.get("license") is None else str(ds["license"]),
            ),
            metrics=tuple(metrics),
            version=version,
            languages=tuple(languages),
            domain=str(data.get("domain") or "general"),
            description=data.get("description"),
            path=path,
        )

    def with_metrics(self, metrics: tuple[str, ...]) -> EvalSpec:
        return attrs.evolve(self, metrics=tuple(metrics))

    def to_mapping(self) -> dict[str, Any]:
        """The spec in the harness's YAML shape."""
        return {
            "name": self.name,
            "version": self.version,
            "task": self.task.value,
            "languages": list(self.languages),
            "domain": self.domain,
            "dataset": {
                "hf_id": self.dataset.hf_id,
                "config": self.dataset.config,
                "split": self.dataset.split,
                "license": self.dataset.license,
            },
            "metrics": list(self.metrics),
            "description": self.description,
        }


def load_suite(directory: str | Path) -> list[EvalSpec]:
    """Every ``*.yaml`` directly in ``directory`` (not recursive, so ``_planned/`` stays out), by file name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SpecError(f"{directory}: not a directory of spec files")
    specs = [EvalSpec.from_yaml(p) for p in sorted(directory.glob("*.yaml"))]
    if not specs:
        raise SpecError(f"{directory}: no *.yaml spec files")
    return specs


DEFAULT_METRICS = ("entity_f1", "entity_f2", "national_id_leakage")


def default_spec(data_path: str | Path, rows: list[Mapping[str, Any]]) -> EvalSpec:
    """The spec used when no spec file is given: detection with F1, F2 and national-ID leakage,
    named after the data file; languages and domain read from the rows."""
    path = Path(data_path)
    stem = path.name
    for suffix in (".gz", ".jsonl", ".json"):
        stem = stem.removesuffix(suffix)
    languages = sorted({str(r["language"]) for r in rows if r.get("language")})
    domains = {str(r["domain"]) for r in rows if r.get("domain")}
    return EvalSpec(
        name=stem,
        task=Task.DETECTION,
        dataset=DatasetRef(hf_id=None, config=stem, split="test"),
        metrics=DEFAULT_METRICS,
        languages=tuple(languages),
        domain=domains.pop() if len(domains) == 1 else "general",
        description=f"default detection spec for {path.name}",
    )
