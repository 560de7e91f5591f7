"""The naming rule for kp models on the Hub: ``kp-{task}-{base}-{size}[-variant]``.

:func:`check_repo_id` checks an ``ORG/NAME`` before anything is pushed (the Hub's id syntax, then
the rule on NAME unless the caller allows any name); :func:`suggest_repo_name` proposes a name from
a run's ``kp.json``. The MLX export checks its folder names with :func:`follows_folder_syntax`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kp_core.errors import KpError

NAMING_RULE = (
    "kp-{task}-{base}-{size}[-variant]: lowercase words of a-z, 0-9 and '.' joined by hyphens, "
    "starting with 'kp-' (e.g. kp-ner-e5small-118m, kp-deid-moe-1.5b-mlx; MLX exports end in '-mlx')"
)
MAX_REPO_ID = 96  # the Hub's limit on ORG/NAME

# The Hub's syntax for each half of a repository id: letters, digits, '-', '_' and '.', neither
# starting nor ending with '-' or '.', and no '--' or '..' anywhere.
_HUB_PART = re.compile(r"^[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?$")
# The rule: kp-, a task word, then at least base and size (more words are variants).
_WORD = r"[a-z0-9]+(?:\.[a-z0-9]+)*"
_RULE = re.compile(rf"^kp-[a-z0-9]+(?:-{_WORD}){{2,}}$")
# The older, looser check on export folder names (kp- and at least one more word), kept as it was.
_FOLDER_SYNTAX = re.compile(r"^kp-[a-z0-9]+(-[a-z0-9.]+)+$")

# Family -> task word. Families not listed use their last hyphen-separated word.
_TASKS = {
    "xlmr-ner": "ner",
    "moe-finetune": "deid",
    "gliner": "gliner",
    "hf-token-classification": "ner",
    "example-tagger": "tagger",
    "rules": "rules",
    "gazetteer": "gazetteer",
}
# Base (Hub id's name part or built-in name, lowercase) -> short word.
_BASE_WORDS = {
    "multilingual-e5-small": "e5small",
    "multilingual-e5-base": "e5base",
    "multilingual-e5-large": "e5large",
    "xlm-roberta-base": "xlmr",
    "xlm-roberta-large": "xlmr",
    "mdeberta-v3-base": "mdeberta",
    "privacy-filter": "moe",
    "bert-base-multilingual-cased": "mbert",
    "gliner_multi_pii-v1": "glinerpii",
}
# Parameter counts of bases whose count kp.json does not record (published model sizes).
_BASE_SIZES = {
    "xlm-roberta-base": "278m",
    "xlm-roberta-large": "560m",
    "mdeberta-v3-base": "280m",
    "privacy-filter": "1.5b",
    "bert-base-multilingual-cased": "178m",
}
_SIZE_WORDS = ("tiny", "mini", "small", "base", "medium", "large", "xl", "xxl")
_PARAMETERS = re.compile(r"(\d+(?:\.\d+)?)\s*([kmb])\s*parameters", re.IGNORECASE)
_PARAMETER_KEYS = ("parameters", "num_parameters", "n_parameters", "parameter_count", "params")


class RepoNameError(KpError, ValueError):
    """A repository id that is not a valid Hub id, or a name that breaks kp's naming rule."""


def follows_rule(name: str, *, variant: str | None = None) -> bool:
    """Whether ``name`` (no ORG/) follows :data:`NAMING_RULE`, ending in ``-{variant}`` when given."""
    if not _RULE.match(name):
        return False
    return variant is None or (name.endswith(f"-{variant}") and bool(_RULE.match(name[: -len(variant) - 1])))


def follows_folder_syntax(name: str) -> bool:
    """The export folder check: ``kp-`` and lowercase hyphenated words (the size is not required)."""
    return bool(_FOLDER_SYNTAX.match(name))


def check_repo_id(repo_id: str, *, any_name: bool = False, variant: str | None = None) -> str:
    """``repo_id`` when it is a valid Hub id ``ORG/NAME`` whose NAME follows the naming rule (and
    ends in ``-{variant}`` when ``variant`` is given); ``any_name`` skips the rule, never the Hub
    syntax. Anything else is a :class:`RepoNameError` saying what is wrong."""
    text = str(repo_id)
    parts = text.split("/")
    if len(parts) != 2:
        raise RepoNameError(f"repository id {text!r}: expected ORG/NAME with exactly one '/'")
    for what, part in zip(("ORG", "NAME"), parts, strict=True):
        if not _HUB_PART.match(part) or "--" in part or ".." in part:
            raise RepoNameError(
                f"repository id {text!r}: {what} {part!r} is not a Hub name (letters, digits, '-', '_', '.'; "
                "not starting or ending with '-' or '.'; no '--' or '..')"
            )
    if len(text) > MAX_REPO_ID:
        raise RepoNameError(f"repository id {text!r} is {len(text)} characters; the Hub allows {MAX_REPO_ID}")
    name = parts[1]
    if any_name:
        return text
    if not follows_rule(name):
        raise RepoNameError(
            f"repository name {name!r} does not follow kp's naming rule {NAMING_RULE}; "
            "rename it, or pass --any-name to publish under a third-party name"
        )
    if variant is not None and not follows_rule(name, variant=variant):
        raise RepoNameError(
            f"repository name {name!r} must end in '-{variant}' after kp-{{task}}-{{base}}-{{size}} "
            f"(naming rule: {NAMING_RULE}); rename it, or pass --any-name to publish under a third-party name"
        )
    return text


def _task_word(family: str) -> str:
    family = family.strip().lower()
    if family in _TASKS:
        return _TASKS[family]
    return _clean(family.split("-")[-1]) or "model"


def _clean(text: str) -> str:
    """Only a-z and 0-9 (one word of the rule, no dots or hyphens)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _base_key(base: str) -> str:
    """The base's name without its owner or folders (``intfloat/multilingual-e5-small`` ->
    ``multilingual-e5-small``, ``./bases/privacy-filter/`` -> ``privacy-filter``)."""
    return base.strip().rstrip("/\\").replace("\\", "/").split("/")[-1].lower()


def _base_word(base: str | None) -> str:
    if not base:
        return "custom"
    key = _base_key(base)
    return _BASE_WORDS.get(key) or _clean(key)[:24] or "custom"


def format_parameters(count: float) -> str:
    """A parameter count as a size word: 117_653_760 -> ``118m``, 1.5e9 -> ``1.5b``."""
    for scale, unit in ((1e9, "b"), (1e6, "m"), (1e3, "k")):
        if count >= scale:
            value = count / scale
            text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
            return text.removesuffix(".0") + unit
    return str(int(count))


def _recorded_parameters(manifest: Mapping[str, Any]) -> float | None:
    for section in (manifest, manifest.get("run") or {}, manifest.get("extra") or {}):
        for key in _PARAMETER_KEYS:
            value = section.get(key) if isinstance(section, Mapping) else None
            if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
                return float(value)
    return None


def _size_word(manifest: Mapping[str, Any], base: str | None) -> str:
    recorded = _recorded_parameters(manifest)
    if recorded is not None:
        return format_parameters(recorded)
    if base:
        from kp_core.bases.registry import get_builtin

        builtin = get_builtin(base)
        match = _PARAMETERS.search(builtin.size) if builtin else None
        if match:
            return f"{match[1]}{match[2].lower()}"
        key = _base_key(base)
        if key in _BASE_SIZES:
            return _BASE_SIZES[key]
        for word in reversed(re.split(r"[-_.]", key)):
            if word in _SIZE_WORDS:
                return word
    return "custom"


def suggest_repo_name(manifest: Mapping[str, Any]) -> str:
    """A NAME following the naming rule for the model ``manifest`` (a kp.json dict) describes:
    the task from its family, a short word for its base, its size (the parameter count kp.json
    records, else the built-in base's, else a published one, else a size word of the base's name,
    else ``custom``), and ``-mlx`` for an MLX model."""
    family = str(manifest.get("family") or "model")
    base = manifest.get("base") or (manifest.get("training") or {}).get("base")
    base = str(base) if base else None
    words = ["kp", _task_word(family), _base_word(base), _size_word(manifest, base)]
    if manifest.get("framework") == "mlx":
        words.append("mlx")
    return "-".join(words)
