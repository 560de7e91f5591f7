"""Pushing a saved checkpoint folder to the Hugging Face Hub (``--push``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kp_core.errors import KpError


class PushError(KpError, RuntimeError):
    pass


def push_folder(folder: Path, repo_id: str | None, *, echo: Callable[[str], None] = print) -> str:
    """Upload the model, tokenizer and kp.json (never the training checkpoints) to ``repo_id``."""
    if not repo_id:
        raise PushError("--push needs --push-id OWNER/NAME (the Hub repository to create or update)")
    try:
        from huggingface_hub import HfApi
    except ImportError as exc:
        raise PushError("--push needs huggingface_hub (pip install 'kp-core[hub]')") from exc
    api = HfApi()
    try:
        api.create_repo(repo_id, exist_ok=True)
        api.upload_folder(folder_path=str(folder), repo_id=repo_id, ignore_patterns=["checkpoints/*", ".tmp-*"])
    except Exception as exc:
        raise PushError(f"pushing {folder} to {repo_id} failed: {type(exc).__name__}: {exc}") from exc
    echo(f"pushed {folder} to https://huggingface.co/{repo_id}")
    return repo_id
