"""Loading a model reference (a local folder or a Hugging Face Hub id) the way every kp torch
family does: a reference that is neither a local folder nor reachable on the Hub is a refusal
(:class:`~kp_core.plugins.models.ModelResolutionError`, exit 2), not an internal error; and the
download/"Loading weights" progress bars of transformers and huggingface_hub follow kp's own
progress rule (drawn only when stderr is a terminal, unless the command decided otherwise).

Nothing here imports transformers or huggingface_hub at import time: kp-torch-runtime does not
depend on them, the families that call it do.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kp_core.hub.pull import offline_variable  # the one reading of HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE
from kp_core.plugins.models import ModelResolutionError

NOT_A_HUB_ID = "not a Hub id"
NO_SUCH_MODEL = "has no such model (or it is private or gated and no token gives access)"


def is_local_reference(ref: str | Path) -> bool:
    """Whether ``ref`` names something on this machine (an existing path): its load failures are
    the folder's problems, never the Hub's."""
    return Path(ref).expanduser().exists()


def _hub_failure(exc: BaseException) -> str | None:
    """Why the Hub could not give the files (None when ``exc`` is not a Hub lookup failure)."""
    try:
        from huggingface_hub import errors as hub_errors
    except ImportError:  # pragma: no cover - every family that loads from the Hub has it
        return None
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, hub_errors.RepositoryNotFoundError | hub_errors.GatedRepoError):
            return NO_SUCH_MODEL
        if isinstance(current, hub_errors.OfflineModeIsEnabled | hub_errors.LocalEntryNotFoundError):
            return "cannot be reached"
        if isinstance(current, hub_errors.HFValidationError):
            return NOT_A_HUB_ID
        current = current.__cause__ or current.__context__
    text = str(exc)
    if "couldn't connect" in text or "offline mode" in text:
        return "cannot be reached"
    if "not a valid model identifier" in text:  # transformers' words for a repository the Hub lacks
        return NO_SUCH_MODEL
    return None


def resolution_error(ref: str | Path, reason: str = "cannot be reached") -> ModelResolutionError:
    """The one refusal for a reference that is neither a local folder nor available from the Hub."""
    if reason == NOT_A_HUB_ID:
        return ModelResolutionError(
            f"model {str(ref)!r}: no such local folder, and not a Hugging Face Hub id (ORG/NAME); "
            "pass a local checkpoint folder or a Hub id"
        )
    offline = offline_variable()
    hub = f"the Hugging Face Hub is off ({offline} is set)" if offline else f"the Hugging Face Hub {reason}"
    return ModelResolutionError(
        f"model {str(ref)!r}: not found locally (no such folder) and {hub}; "
        "pass a local checkpoint folder, or download the model first where the Hub is reachable"
    )


@contextmanager
def hub_reference(ref: str | Path) -> Iterator[None]:
    """Run a ``from_pretrained``-style load of ``ref``: a Hub lookup that fails for a reference that
    is not a local path becomes :func:`resolution_error`; anything else (a broken local folder, a bug)
    propagates unchanged."""
    try:
        yield
    except (OSError, ValueError) as exc:
        if is_local_reference(ref):
            raise
        reason = _hub_failure(exc)
        if reason is None:
            raise
        raise resolution_error(ref, reason) from exc


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stderr
        return False


@contextmanager
def library_progress(progress: bool | None = None) -> Iterator[None]:
    """transformers' and huggingface_hub's own progress bars off for the duration of a load unless
    ``progress`` (``None``: kp's default, bars only when stderr is a terminal); when they may show,
    the libraries' own settings apply. The previous setting comes back afterwards."""
    if stderr_is_terminal() if progress is None else progress:
        yield
        return
    restores = []
    try:
        from transformers.utils import logging as hf_logging

        if hf_logging.is_progress_bar_enabled():
            hf_logging.disable_progress_bar()
            restores.append(hf_logging.enable_progress_bar)
    except ImportError:
        pass
    try:
        from huggingface_hub import utils as hub_utils

        if not hub_utils.are_progress_bars_disabled():
            hub_utils.disable_progress_bars()
            restores.append(hub_utils.enable_progress_bars)
    except ImportError:
        pass
    try:
        yield
    finally:
        for restore in restores:
            restore()


@contextmanager
def loading(ref: str | Path, *, progress: bool | None = None) -> Iterator[None]:
    """Both rules at once, around every load of ``ref`` by a kp torch family."""
    with library_progress(progress), hub_reference(ref):
        yield
