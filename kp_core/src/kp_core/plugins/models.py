"""Model references → detectors, with a bounded, thread-safe cache per model.

A reference is resolved in this order:

1. ``family:ref`` where ``family`` is registered: that family loads ``ref`` (``ref`` pinned to a
   revision, ``ORG/NAME@REV``, is pulled first and the family gets the snapshot). ``hf:ref`` and
   ``hf:SCHEME:ref`` are short for the ``hf-token-classification`` family (a token classifier in
   another label scheme, mapped to KP types through the crosswalk ``SCHEME``).
2. An existing folder with ``kp.json``: the family it names loads the folder.
3. An existing folder with a Hugging Face ``config.json`` (no ``kp.json``): a privacy-filter model
   goes to ``moe-finetune``; a head whose ``id2label`` is not KP's BIOES labels goes to
   ``hf-token-classification``; otherwise the registered family that reads any token-classification
   checkpoint (``reads_hf_token_classification``). A family that is not installed falls through.
4. A registered family name: that family's ``default_model``.
5. A baseline of the registry (``kp_core.evaluation.baselines``), by name or Hub id: the family
   its entry names, loading its Hub id.
6. A Hub id ``ORG/NAME[@REV]``: its snapshot is pulled into the Hub cache (offline: read from
   it) and read as the folder of rules 2-3, so a model of any family loads by Hub id.

A reference that looks like a path (``./runs/x``, ``~/m``, ``runs/x/best``, two or more ``/``, a
checkpoint-like ending, or a first part that is an existing folder here) and does not exist is
"no such model folder", never an install hint: the usual cause is a typo, not a missing plugin.

The default model is ``KP_MODEL`` if set, else the built-in ``rules`` family (offline, no ML).
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from kp_core.detector import Detector, NormalizedDetector
from kp_core.errors import KpError
from kp_core.hub.refs import hub_ref_or_none
from kp_core.plugins.catalog import FIRST_PARTY, install_hint
from kp_core.plugins.manifest import Manifest, ManifestError

DEFAULT_FAMILY = "rules"
HF_PREFIX = "hf"  # hf:[SCHEME:]REF, short for the family below
FOREIGN_FAMILY = "hf-token-classification"  # token classifiers in another label scheme
PRIVACY_FILTER_FAMILY = "moe-finetune"
PRIVACY_FILTER_TYPE = "openai_privacy_filter"  # config.json model_type of privacy-filter models
MODEL_ENV = "KP_MODEL"
CACHE_SIZE_ENV = "KP_DETECTOR_CACHE"
# Endings of checkpoint folders and weight files (kp train writes best/ and final/, HF checkpoint-N/).
_CHECKPOINT_END = re.compile(
    r"(^|/)(best|final|last|latest|checkpoint-\d+)$|\.(pt|pth|bin|ckpt|safetensors|onnx|gguf)$", re.IGNORECASE
)


class ModelResolutionError(KpError, ValueError):
    """A model reference that no registered family can load."""


def default_model_ref() -> str:
    return os.environ.get(MODEL_ENV) or DEFAULT_FAMILY


def resolve_model_ref(ref: str) -> tuple[str, str]:
    """(family name, reference handed to that family's ``load``)."""
    from kp_core.plugins.registry import get_registry

    families = get_registry().families
    family_name, sep, rest = ref.partition(":")
    if sep and family_name == HF_PREFIX and rest:
        if FOREIGN_FAMILY not in families:
            raise ModelResolutionError(
                f"{ref}: the {FOREIGN_FAMILY} family is not registered; {install_hint(FOREIGN_FAMILY)}"
            )
        return FOREIGN_FAMILY, rest
    if sep and family_name in families and rest:
        return family_name, _pinned_snapshot(rest)
    path = Path(ref).expanduser()
    if path.is_dir():
        return _resolve_folder(path, families), str(path)
    if path.exists():
        raise ModelResolutionError(f"{ref}: a model reference must be a folder, a family name or a Hub id, not a file")
    if ref not in families and looks_like_path(ref):
        raise ModelResolutionError(f"no such model folder {ref}")
    if ref in families:
        default = families.get(ref).default_model
        if not default:
            raise ModelResolutionError(f"family {ref!r} has no default model; pass '{ref}:<checkpoint or Hub id>'")
        return ref, default
    baseline = _baseline(ref)
    if baseline is not None:
        return _baseline_family(families, ref, baseline)
    hub_ref = hub_ref_or_none(ref)
    if hub_ref is not None and not hub_ref.path:
        from kp_core.hub.pull import pull_model

        folder = pull_model(hub_ref)
        return _resolve_folder(folder, families), str(folder)
    known = ", ".join(families.names()) or "none"
    hint = f"; {install_hint(ref)}" if ref in FIRST_PARTY else ""
    raise ModelResolutionError(
        f"{ref}: not a folder, not a registered family (registered: {known}), not a Hub id (owner/name){hint}"
    )


def _pinned_snapshot(ref: str) -> str:
    """``family:ORG/NAME@REV``: the family gets the snapshot of that revision (families load Hub
    ids without a revision themselves)."""
    hub_ref = hub_ref_or_none(ref)
    if hub_ref is None or hub_ref.revision is None or hub_ref.path:
        return ref
    from kp_core.hub.pull import pull_model

    return str(pull_model(hub_ref))


def looks_like_path(ref: str) -> bool:
    """Whether ``ref`` reads as a file-system path rather than a family name or a Hub id."""
    if ref.startswith((".", "~", "/")) or "\\" in ref or ref.count("/") >= 2:
        return True
    if _CHECKPOINT_END.search(ref):
        return True
    head = ref.split("/", 1)[0]
    return "/" in ref and Path(head).expanduser().is_dir()


def model_labels(ref: str | None, detector: Any) -> frozenset[str] | None:
    """The KP types the model ``ref`` (loaded as ``detector``) can produce; None when unknown.

    In order: the detector's own ``kp_types``, its family's ``labels``, the checkpoint folder's
    ``labels`` in kp.json, then the types of its config.json ``id2label`` (BIOES prefixes off)."""
    from kp_core.plugins.registry import get_registry

    declared = _declared_types(detector)
    if declared is not None:
        return frozenset(declared)
    family_name, model_ref = resolve_model_ref(ref or default_model_ref())
    family = get_registry().family(family_name)
    if family.labels is not None:
        return frozenset(family.labels)
    folder = Path(model_ref).expanduser()
    return checkpoint_labels(folder) if folder.is_dir() else None


def _declared_types(detector: Any) -> Any:
    """``kp_types`` of the detector or of one it wraps (kp's wrappers keep theirs in ``.detector``):
    a head in another scheme knows its KP types only after the crosswalk, not from its config."""
    for _ in range(8):
        declared = getattr(detector, "kp_types", None)
        if declared is not None or not hasattr(detector, "detector"):
            return declared
        detector = detector.detector
    return None


def checkpoint_labels(folder: Path) -> frozenset[str] | None:
    """The KP types a checkpoint folder declares (kp.json ``labels``, else config.json ``id2label``)."""
    import json

    from kp_core.taxonomy import is_kp_type

    names: list[str] = []
    try:
        manifest = Manifest.read(folder)
    except ManifestError:
        manifest = None
    if manifest is not None and manifest.labels:
        names = list(manifest.labels)
    elif (folder / "config.json").is_file():
        try:
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        id2label = config.get("id2label") if isinstance(config, dict) else None
        names = [str(v) for v in id2label.values()] if isinstance(id2label, dict) else []
    types = {_strip_prefix(name) for name in names}
    types = {t for t in types if is_kp_type(t)}
    return frozenset(types) if types else None


def _strip_prefix(label: str) -> str:
    head, sep, rest = label.partition("-")
    return rest if sep and head in ("B", "I", "E", "S", "L", "U") else label


def _resolve_folder(path: Path, families: Any) -> str:
    try:
        manifest = Manifest.read(path)
    except ManifestError as exc:  # invalid, or from a newer kp: the message says which and what to do
        raise ModelResolutionError(str(exc)) from None
    if manifest is not None:
        if manifest.family not in families:
            raise ModelResolutionError(
                f"{path / 'kp.json'}: family {manifest.family!r} is not registered "
                f"(registered: {', '.join(families.names()) or 'none'}); {install_hint(manifest.family)}"
            )
        return manifest.family
    if (path / "config.json").is_file():
        return _config_family(families, path)
    raise ModelResolutionError(f"{path}: the folder has neither kp.json nor a Hugging Face config.json")


def _config_family(families: Any, path: Path) -> str:
    """The family of a Hugging Face folder without kp.json, by its model type and head labels."""
    import json

    from kp_core.taxonomy import bioes_labels

    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        config = None
    if isinstance(config, dict):
        if config.get("model_type") == PRIVACY_FILTER_TYPE and PRIVACY_FILTER_FAMILY in families:
            return PRIVACY_FILTER_FAMILY
        id2label = config.get("id2label")
        if isinstance(id2label, dict) and id2label and FOREIGN_FAMILY in families:
            if sorted(str(v) for v in id2label.values()) != sorted(bioes_labels()):
                return FOREIGN_FAMILY
    return _hf_family(families, str(path))


def _baseline(ref: str) -> Any:
    from kp_core.evaluation.baselines import find_baseline

    return find_baseline(ref)


def _baseline_family(families: Any, ref: str, baseline: Any) -> tuple[str, str]:
    """(family, reference) of a registry baseline; a refusal when its family is not installed or
    it has no Hub id to load."""
    if baseline.family not in families:
        raise ModelResolutionError(
            f"{ref}: the baseline {baseline.system} runs in the {baseline.family!r} family, which is not "
            f"registered; {install_hint(baseline.family)}"
        )
    if baseline.hub_id is not None:
        return baseline.family, baseline.hub_id
    default = families.get(baseline.family).default_model
    if default:
        return baseline.family, default
    raise ModelResolutionError(
        f"{ref}: the baseline {baseline.system} has no known Hub id; load a local copy with "
        f"'hf:{baseline.scheme}:<folder>'"
    )


def _hf_family(families: Any, ref: str) -> str:
    """The one registered family that reads plain Hugging Face token-classification models."""
    readers = [family.name for family in families if family.reads_hf_token_classification]
    if len(readers) == 1:
        return readers[0]
    if readers:
        raise ModelResolutionError(
            f"{ref}: several families read Hugging Face token-classification models ({', '.join(readers)}); "
            f"name one: '<family>:{ref}'"
        )
    raise ModelResolutionError(
        f"{ref}: a Hugging Face token-classification model needs a family that reads it, and none is "
        f"registered; {install_hint('hf-token-classification')}"
    )


class DetectorCache:
    """LRU cache of loaded detectors. Loads of one key are serialised; different keys load in parallel."""

    @property
    def capacity(self) -> int:
        if self._capacity is None:
            self._capacity = cache_capacity_from_env()
        return self._capacity

    def __init__(self, capacity: int | None = None) -> None:
        """``capacity`` None: ``KP_DETECTOR_CACHE`` (default 4), read at the first load, so a bad
        value is a refusal of that load (one Error line), not a crash when kp is imported."""
        if capacity is not None and capacity < 1:
            raise ValueError(f"detector cache capacity must be >= 1, got {capacity}")
        self._capacity = capacity
        self._items: OrderedDict[tuple, Detector] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[tuple, threading.Lock] = {}

    def get_or_load(self, key: tuple, load: Any) -> Detector:
        capacity = self.capacity  # a bad KP_DETECTOR_CACHE refuses before any model loads
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    return self._items[key]
            detector = load()
            with self._lock:
                self._items[key] = detector
                self._items.move_to_end(key)
                while len(self._items) > capacity:
                    self._items.popitem(last=False)
                self._key_locks.pop(key, None)
            return detector

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def cache_capacity_from_env() -> int:
    raw = os.environ.get(CACHE_SIZE_ENV, "").strip() or "4"
    try:
        capacity = int(raw)
    except ValueError:
        capacity = 0
    if capacity < 1:
        raise KpError(f"{CACHE_SIZE_ENV}={raw!r}: expected a whole number of detectors, 1 or more (default 4)")
    return capacity


_cache = DetectorCache()


def load_detector(
    ref: str | None = None, *, device: str = "auto", identifier_typing: bool = True, **options: Any
) -> Detector:
    """The detector for a model reference (see the module docstring), cached per reference.

    ``identifier_typing`` (default on) puts :class:`kp_core.rules.identifier_typing.IdentifierTyping`
    in front: kp's validators type the identifier-shaped spans (a valid PESEL the model called
    PHONE is a NATIONAL_ID) and add validated identifiers the model missed. ``False`` gives the
    family's spans as they are (for measuring a model alone)."""
    from kp_core.plugins.registry import get_registry

    family_name, model_ref = resolve_model_ref(ref or default_model_ref())
    key = (
        family_name,
        model_ref,
        device,
        identifier_typing,
        tuple(sorted((k, repr(v)) for k, v in options.items())),
    )
    family = get_registry().family(family_name)

    def load() -> Detector:
        try:
            detector = family.load(model_ref, device=device, **options)
        except TypeError as exc:
            if not options or "unexpected keyword argument" not in str(exc):
                raise
            raise ModelResolutionError(
                f"the {family_name} family does not take the option(s) {', '.join(sorted(options))}: {exc}"
            ) from None
        # Every family reads hidden identifiers (zero-width splits, Unicode digits and spaces)
        # on the normalized view, with spans on the text as given; plain ASCII text is unchanged.
        if not getattr(detector, "normalizes_input", False):
            detector = NormalizedDetector(detector)
        if identifier_typing and not getattr(detector, "types_identifiers", False):
            from kp_core.rules.identifier_typing import IdentifierTyping

            detector = IdentifierTyping(detector)
        return detector

    return _cache.get_or_load(key, load)


def clear_detector_cache() -> None:
    _cache.clear()
