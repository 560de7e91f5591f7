"""``Family.load``: a GLiNER checkpoint (a kp training output, any gliner folder, or a Hub id when
the Hub is reachable) -> :class:`GlinerDetector`."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Any

from kp_core.errors import KpError
from kp_core.plugins.manifest import Manifest
from kp_gliner.checkpoint import is_gliner_folder
from kp_gliner.detector import DEFAULT_OVERLAP, GlinerDetector
from kp_gliner.labels import parse_prompts
from kp_gliner.thresholds import parse_thresholds
from kp_torch_runtime.hub import loading
from kp_torch_runtime.runtime import apply_cpu_threads, select_runtime

LOAD_OPTIONS = ("labels", "threshold", "thresholds", "batch_size", "max_words", "overlap", "device", "threads")


class LoadError(KpError, RuntimeError):
    """A GLiNER reference kp refuses to load (exit 2)."""


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def load_gliner_model(ref: str | Path, *, device: str = "cpu") -> Any:
    """The gliner model behind ``ref``, offline for folders; remote code is never run. A Hub id the
    Hub cannot give is a :class:`~kp_core.plugins.models.ModelResolutionError`."""
    from gliner import GLiNER

    local = Path(ref).is_dir()
    if local and not is_gliner_folder(ref):
        raise LoadError(f"{ref}: not a GLiNER checkpoint (no gliner_config.json)")
    try:
        with warnings.catch_warnings(), loading(ref):
            warnings.simplefilter("ignore", FutureWarning)
            # gliner still passes resume_download, which huggingface_hub ignores with a warning
            warnings.filterwarnings("ignore", message=".*resume_download", category=UserWarning)
            model = GLiNER.from_pretrained(str(ref), local_files_only=local, map_location="cpu")
    except OSError as exc:
        raise LoadError(f"cannot load GLiNER model {ref!r}: {exc}") from None
    return model.to(device)


def load(ref: str, **options: Any) -> GlinerDetector:
    """Options: ``labels`` (mapping KP type -> phrase(s), 'default', 'harness', JSON or a file),
    ``threshold``, ``thresholds`` (KP type -> value), ``batch_size``, ``max_words``, ``overlap``
    (words), ``device``, ``threads``. A kp checkpoint's own labels and thresholds are the defaults."""
    unknown = sorted(set(options) - set(LOAD_OPTIONS))
    if unknown:
        raise LoadError(f"unknown gliner option(s) {', '.join(unknown)}; known: {', '.join(LOAD_OPTIONS)}")
    threads = None if options.get("threads") is None else int(options["threads"])
    apply_cpu_threads(threads)  # gliner's pre- and post-processing run on the CPU whatever the device
    device = select_runtime(str(options.get("device") or "auto"), threads, echo=_stderr).device
    meta = Manifest.read(ref) if Path(ref).is_dir() else None
    saved = (meta.extra.get("inference") if meta else None) or {}
    prompts = parse_prompts(options.get("labels", saved.get("labels")))
    saved_thresholds = saved.get("thresholds", {})
    thresholds = parse_thresholds(
        options.get("threshold", saved_thresholds.get("default")),
        options.get("thresholds", saved_thresholds.get("per_type")),
    )
    model = load_gliner_model(ref, device=device)
    return GlinerDetector(
        model,
        model_id=str(ref),
        prompts=prompts,
        thresholds=thresholds,
        batch_size=int(options.get("batch_size") or 8),
        max_words=None if options.get("max_words") is None else int(options["max_words"]),
        overlap=DEFAULT_OVERLAP if options.get("overlap") is None else int(options["overlap"]),
    )
