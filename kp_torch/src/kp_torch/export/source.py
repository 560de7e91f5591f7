"""What every export starts from: a token-classification checkpoint folder with a BIOES head, and
an output folder written whole or not at all."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from kp_core.errors import KpError
from kp_core.plugins.manifest import read_kp_json

CONFIG = "config.json"
# Files of a training run that an export does not carry (the export is a model, not a run).
RUN_ONLY = frozenset({"training_args.bin", "optimizer.pt", "scheduler.pt", "rng_state.pth", "trainer_state.json"})


class ExportError(KpError):
    """An export kp refuses: the message names the folder and what to do."""


@attrs.frozen
class SourceCheckpoint:
    """A checkpoint folder, its ``config.json`` and its ``kp.json`` (``None`` when it has none)."""

    folder: Path
    config: dict[str, Any]
    manifest: dict[str, Any] | None

    @property
    def id2label(self) -> dict[int, str]:
        return {int(k): v for k, v in self.config["id2label"].items()}

    @property
    def max_length(self) -> int | None:
        return (self.manifest or {}).get("max_length")

    @property
    def label_scheme(self) -> str:
        """Which subwords carry labels: ``all`` or ``first`` (what kp trains without kp.json)."""
        return (self.manifest or {}).get("label_scheme") or "first"


def read_source(folder: Path) -> SourceCheckpoint:
    """The checkpoint in ``folder``, refused unless it is a token classifier over BIOES labels."""
    from kp_torch.engine import CheckpointError, label_space

    folder = Path(folder)
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such checkpoint folder; give the folder a kp train run wrote (its model/)")
    config_path = folder / CONFIG
    if not config_path.is_file():
        raise ExportError(
            f"{folder}: no {CONFIG}; give a transformers checkpoint folder (config.json, weights, tokenizer)"
        )
    config = json.loads(config_path.read_text(encoding="utf-8"))
    architectures = config.get("architectures") or []
    if not any(str(a).endswith("ForTokenClassification") for a in architectures) or not config.get("id2label"):
        raise ExportError(
            f"{folder}: not a token-classification checkpoint (architectures {architectures or 'none'}); "
            "kp export reads the xlmr-ner family's checkpoints"
        )
    source = SourceCheckpoint(folder=folder, config=config, manifest=read_kp_json(folder))
    try:
        label_space(source.id2label)
    except CheckpointError as exc:
        raise ExportError(f"{folder}: {exc}") from None
    return source


@contextmanager
def output_folder(out: Path, *, source: Path, overwrite: bool) -> Iterator[Path]:
    """A scratch folder next to ``out`` that becomes ``out`` when the block ends without error (a
    failed export leaves no half-written folder, and an existing one is replaced only then)."""
    out = Path(out)
    if out.resolve() == Path(source).resolve():
        raise ExportError(f"{out}: --out is the checkpoint folder itself; choose another folder")
    if out.exists() and not overwrite:
        raise ExportError(f"{out}: exists; pass --overwrite to replace it, or choose another --out")
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is a file; choose a folder for --out")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        yield partial
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if out.exists():
        shutil.rmtree(out)
    partial.rename(out)


def copy_model_files(source: Path, dest: Path, *, skip: frozenset[str] = frozenset()) -> list[str]:
    """Copy the checkpoint's own files (not sub-folders such as checkpoints/, not run state)."""
    copied = []
    for path in sorted(source.iterdir()):
        if path.is_file() and path.name not in skip and path.name not in RUN_ONLY:
            shutil.copy2(path, dest / path.name)
            copied.append(path.name)
    return copied


def export_record(source: SourceCheckpoint, kind: str, **details: Any) -> dict[str, Any]:
    """The ``export`` section of an export's kp.json: what it was made from and how. The source is
    named by its folder name only (no machine path)."""
    from importlib.metadata import version

    return {
        "kind": kind,
        "source": {
            "folder": source.folder.resolve().name,
            "family": (source.manifest or {}).get("family"),
            "labels": "BIOES",
        },
        "kp_torch_version": version("kp-torch"),
        **details,
    }
