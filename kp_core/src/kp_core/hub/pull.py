"""Pulling from the Hub into its cache: model and base snapshots, dataset files, checkpoints.

Each call reads ``HF_ENDPOINT``, ``HF_HUB_CACHE``/``HF_HOME`` and ``HF_HUB_OFFLINE`` when it runs
(not when huggingface_hub was imported), so one process can be pointed elsewhere. Offline, the
cache answers; a reference that is not cached is a :class:`HubError` naming it and saying how to
get it, never a traceback.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kp_core.hub.refs import HubError, HubRef

OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
_TRUE = {"1", "true", "yes", "on"}
# What a model snapshot leaves out: kp loads safetensors only, and the resumable checkpoints of a
# run pushed while training are for --resume, not for inference.
MODEL_IGNORE = (
    "checkpoints/*", "*.bin", "*.pt", "*.pth", "*.ckpt", "*.h5", "*.msgpack", "*.ot", "*.onnx", "*.gguf",
    "onnx/*", "openvino/*", "coreml/*", "tf_model*", "flax_model*", "rust_model*",
)  # fmt: skip
DATA_PATTERNS = ("*.jsonl", "*.jsonl.gz", "*.json", "*.json.gz", "*.parquet")
CHECKPOINTS = "checkpoints"


def offline_variable() -> str | None:
    """The environment variable that turns the Hub off here, if one is set to a true value."""
    for name in OFFLINE_VARIABLES:
        if os.environ.get(name, "").strip().lower() in _TRUE:
            return name
    return None


def endpoint() -> str | None:
    return os.environ.get("HF_ENDPOINT") or None


def cache_dir() -> str | None:
    """The Hub cache this call uses (huggingface_hub's own default when neither variable is set)."""
    if os.environ.get("HF_HUB_CACHE"):
        return os.environ["HF_HUB_CACHE"]
    if os.environ.get("HF_HOME"):
        return str(Path(os.environ["HF_HOME"]) / "hub")
    return None


def hub_module() -> Any:
    try:
        import huggingface_hub
    except ImportError as exc:
        raise HubError("Hub references need huggingface_hub: pip install 'kp-core[hub]'") from exc
    return huggingface_hub


def api() -> Any:
    return hub_module().HfApi(endpoint=endpoint())


@contextmanager
def hub_progress(progress: bool | None) -> Iterator[None]:
    """huggingface_hub's download bars on or off for one call (None: kp's rule, bars only when
    stderr is a terminal, never tqdm lines in a log file)."""
    if progress is None:
        try:
            progress = sys.stderr.isatty()
        except (AttributeError, ValueError):  # a replaced or closed stderr
            progress = False
    if progress:
        yield
        return
    from huggingface_hub import utils

    if utils.are_progress_bars_disabled():
        yield
        return
    utils.disable_progress_bars()
    try:
        yield
    finally:
        utils.enable_progress_bars()


def translate(exc: BaseException, ref: HubRef, what: str) -> HubError | None:
    """A Hub failure as the refusal the user reads (None when ``exc`` is not one)."""
    errors = hub_module().errors
    where = f"{what} {ref}"
    local = "a local file" if ref.repo_type == "dataset" else "a local checkpoint folder"
    if isinstance(exc, errors.LocalEntryNotFoundError | errors.OfflineModeIsEnabled):
        offline = offline_variable()
        hub = f"the Hugging Face Hub is off ({offline} is set)" if offline else "the Hugging Face Hub cannot be reached"
        return HubError(
            f"{what} {str(ref)!r}: not found locally (not in the Hub cache) and {hub}; pass {local}, "
            "or fetch it once where the Hub is reachable"
        )
    if isinstance(exc, errors.RevisionNotFoundError):
        return HubError(f"{where}: the repository has no revision {ref.revision!r} (a branch, tag or commit)")
    if isinstance(exc, errors.GatedRepoError):
        return HubError(f"{where}: the repository is gated; accept its terms on the Hub and set HF_TOKEN")
    if isinstance(exc, errors.RepositoryNotFoundError):
        return HubError(
            f"{where}: the Hub has no {ref.repo_type} repository {ref.repo_id} "
            "(or it is private and no token, HF_TOKEN, gives access)"
        )
    if isinstance(exc, errors.EntryNotFoundError):
        return HubError(f"{where}: no such file in the repository")
    if isinstance(exc, errors.HfHubHTTPError):
        status = getattr(getattr(exc, "response", None), "status_code", None)
        if status in (401, 403):
            return HubError(f"{where}: the Hub refused the token ({status}); set HF_TOKEN to a token with write access")
        return HubError(f"{where}: the Hub refused: {str(exc).splitlines()[0]}")
    if isinstance(exc, OSError | ConnectionError) and not isinstance(exc, FileNotFoundError):
        return HubError(
            f"{what} {str(ref)!r}: not found locally and the Hugging Face Hub ({endpoint() or 'huggingface.co'}) "
            f"cannot be reached ({type(exc).__name__}); pass {local}"
        )
    return None


@contextmanager
def refusals(ref: HubRef, what: str) -> Iterator[None]:
    try:
        yield
    except HubError:
        raise
    except Exception as exc:
        refusal = translate(exc, ref, what)
        if refusal is None:
            raise
        raise refusal from exc


def snapshot(
    ref: HubRef,
    *,
    what: str = "model",
    allow: Sequence[str] | None = None,
    ignore: Sequence[str] | None = MODEL_IGNORE,
    progress: bool | None = None,
) -> Path:
    """The repository at ``ref.revision`` as a folder of the Hub cache (files ``allow``-ed and not
    ``ignore``-d); offline, the cached snapshot of that revision."""
    hub = hub_module()
    with refusals(ref, what), hub_progress(progress):
        folder = hub.snapshot_download(
            ref.repo_id,
            repo_type=ref.repo_type,
            revision=ref.revision,
            cache_dir=cache_dir(),
            endpoint=endpoint(),
            local_files_only=offline_variable() is not None,
            allow_patterns=list(allow) if allow else None,
            ignore_patterns=list(ignore) if ignore else None,
            library_name="kp",
        )
    return Path(folder)


def pull_model(ref: HubRef, *, what: str = "model", progress: bool | None = None) -> Path:
    """A model (or base) repository as a local folder: config, tokenizer, safetensors, kp.json."""
    folder = snapshot(ref, what=what, progress=progress)
    if not any(folder.glob("*.safetensors")) and not any(folder.glob("*.npz")):
        raise HubError(
            f"{what} {ref}: the repository has no safetensors weights (kp loads safetensors only, "
            "never pickled .bin files)"
        )
    return folder


def _data_files(names: Sequence[str]) -> list[str]:
    return sorted(n for n in names if any(fnmatch.fnmatch(n.rsplit("/", 1)[-1], p) for p in DATA_PATTERNS))


def _pick(ref: HubRef, files: Sequence[str], default_split: str | None) -> str:
    """The one data file ``ref`` means: ``:FILE`` as given, ``:SPLIT`` (a file named after the split,
    or in a folder of that name, e.g. ``data/train-00000-of-00001.parquet``), else the only one."""
    data = _data_files(files)
    if ref.path and ref.path in files:
        return ref.path
    split = ref.path or default_split
    if split:
        matches = [
            n for n in data
            if (stem := n.rsplit("/", 1)[-1].split(".", 1)[0]) == split
            or stem.startswith(f"{split}-") or f"/{split}/" in f"/{n}"
        ]  # fmt: skip
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise HubError(
                f"dataset {ref}: split {split!r} has {len(matches)} files ({', '.join(matches[:6])}); "
                "name one with :FILE"
            )
        if ref.path:
            raise HubError(
                f"dataset {ref}: no file or split {ref.path!r} in the repository (data files: {', '.join(data[:8]) or 'none'})"
            )
    if len(data) == 1:
        return data[0]
    if not data:
        raise HubError(f"dataset {ref}: the repository holds no JSONL, JSON or parquet file")
    raise HubError(f"dataset {ref}: {len(data)} data files ({', '.join(data[:8])}); name one with :FILE or :SPLIT")


def pull_dataset(ref: HubRef, *, default_split: str | None = "train", progress: bool | None = None) -> Path:
    """The data file a dataset reference names, downloaded into the Hub cache."""
    hub = hub_module()
    if offline_variable() is not None:
        folder = snapshot(ref, what="dataset", allow=DATA_PATTERNS, ignore=None, progress=progress)
        files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
        return folder / _pick(ref, files, default_split)
    with refusals(ref, "dataset"):
        files = api().list_repo_files(ref.repo_id, repo_type="dataset", revision=ref.revision)
    chosen = _pick(ref, files, default_split)
    with refusals(ref, "dataset"), hub_progress(progress):
        path = hub.hf_hub_download(
            ref.repo_id,
            chosen,
            repo_type="dataset",
            revision=ref.revision,
            cache_dir=cache_dir(),
            endpoint=endpoint(),
            library_name="kp",
        )
    return Path(path)


def pull_checkpoint(
    ref: HubRef, out: Path, *, keep_newer: Path | None = None, progress: bool | None = None
) -> Path | None:
    """The newest resumable checkpoint pushed to ``ref`` (``checkpoints/step-<N>``), copied into
    ``out/checkpoints`` for ``--resume``; None when the repository holds none. When ``keep_newer``
    (a local checkpoint) is at least as far along, it is kept and returned instead."""
    from kp_core.training.state import checkpoint_root, step_folders

    folder = snapshot(ref, what="checkpoint of", allow=[f"{CHECKPOINTS}/*"], ignore=None, progress=progress)
    steps = step_folders(folder / CHECKPOINTS)
    if not steps:
        return keep_newer
    latest = steps[-1]
    if keep_newer is not None and keep_newer.name >= latest.name:  # zero-padded step numbers
        return keep_newer
    target = checkpoint_root(out) / latest.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(latest, target)  # out of the cache's symlinks: a run writes into its own folder
    return target
