"""The model a training run starts from: an existing GLiNER checkpoint, or a new GLiNER built on
an encoder (a built-in base such as ``multilingual-e5-small``, or any local transformers folder)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from kp_gliner.checkpoint import is_gliner_folder

# Settings of a GLiNER built on a bare encoder (gliner's defaults; --option overrides them).
NEW_MODEL_DEFAULTS: dict[str, Any] = {
    "max_width": 12,
    "max_words": 384,
    "hidden_size": 512,
    "dropout": 0.4,
    "span_mode": "markerV0",
    "max_types": 25,
}


class BaseError(RuntimeError):
    pass


def build_model(base: str, options: dict[str, Any], *, seed: int) -> tuple[Any, str]:
    """(model, how it was made). Offline for local folders and built-in bases."""
    import torch
    from gliner import GLiNER, GLiNERConfig

    from kp_core.bases import resolve_base
    from kp_gliner.loading import LoadError, load_gliner_model

    if Path(base).is_dir() and is_gliner_folder(base):
        return load_gliner_model(base), "gliner checkpoint"
    resolved = resolve_base(base)
    if isinstance(resolved, str):  # a Hub id: it must name a GLiNER model
        try:
            return load_gliner_model(resolved), "gliner checkpoint (Hub)"
        except LoadError as exc:
            raise BaseError(
                f"--base {base}: {exc}. A Hub id must name a GLiNER model and the Hub must be reachable; "
                "otherwise give a local GLiNER folder, an encoder folder or a built-in base"
            ) from None
    folder = Path(resolved)
    if is_gliner_folder(folder):
        return load_gliner_model(folder), "gliner checkpoint"
    if not (folder / "config.json").is_file():
        raise BaseError(f"--base {base}: {folder} holds neither gliner_config.json nor an encoder config.json")
    settings = {k: options.get(k, v) for k, v in NEW_MODEL_DEFAULTS.items()}
    config = GLiNERConfig(
        model_name=str(folder),
        max_width=int(settings["max_width"]),
        max_len=int(settings["max_words"]),
        hidden_size=int(settings["hidden_size"]),
        dropout=float(settings["dropout"]),
        span_mode=str(settings["span_mode"]),
        max_types=int(settings["max_types"]),
    )
    torch.manual_seed(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        model = GLiNER.from_config(config, backbone_from_pretrained=True)
    # Record what the user named, not where this machine keeps it; the checkpoint carries the
    # encoder's config and tokenizer itself, so reloading never reads model_name.
    model.config.model_name = base
    return model, f"new GLiNER ({settings['span_mode']}) on encoder {base}"
