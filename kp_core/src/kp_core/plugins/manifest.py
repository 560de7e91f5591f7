"""``kp.json``: what kp records next to a saved checkpoint, read and written in one place.

:class:`Manifest` is the one typed view of the file. The sections every family writes are typed
fields (family, framework, base, taxonomy version, label scheme, training record, data, run,
metrics, ...); a family's own keys travel in ``extra``, in their order, unchanged. The file names
its format: ``"2.0"`` today; files from before the format was versioned as a string say
``"format": 1`` (or nothing) and read as ``"1.0"``. A file from a newer major format is refused
with a message that says to upgrade, rather than read half-right.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from kp_core.errors import KpError

KP_JSON = "kp.json"
FORMAT_VERSION = "2.0"
_MAJOR = 2
_LEGACY_FORMAT = "1.0"  # files that say ``"format": 1`` or name no format
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class ManifestError(KpError, ValueError):
    """A kp.json that cannot be read as a manifest; the message names the file, the line and why."""


class ManifestVersionError(ManifestError):
    """A kp.json written by a newer kp, in a format this kp-core does not know."""


@attrs.frozen(kw_only=True)
class Manifest:
    """The contents of one ``kp.json``.

    ``format`` is the format the file was written in (``FORMAT_VERSION`` for a new manifest);
    :meth:`to_json` always writes ``FORMAT_VERSION``. Optional fields left at ``None`` are not
    written.
    """

    format: str = FORMAT_VERSION
    family: str
    framework: str | None = None
    base: str | None = None
    taxonomy_version: str | None = None
    label_scheme: str | None = None
    max_length: int | None = None
    labels: tuple[str, ...] | None = attrs.field(default=None, converter=attrs.converters.optional(tuple))
    training: Mapping[str, Any] | None = None
    data: Mapping[str, Any] | None = None
    seed: int | None = None
    run: Mapping[str, Any] | None = None
    metrics: Mapping[str, Any] | None = None
    evaluations: tuple[Mapping[str, Any], ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(tuple)
    )
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.family, str) or not self.family.strip():
            raise ManifestError(f"{KP_JSON}: 'family' must be a non-empty string, not {self.family!r}")
        clash = sorted(set(self.extra) & set(_FIELDS))
        if clash:
            raise ManifestError(f"{KP_JSON}: extra keys {', '.join(clash)} are manifest fields; set them directly")

    # -- reading -----------------------------------------------------------------------------

    @classmethod
    def read(cls, folder: str | Path) -> Manifest | None:
        """The folder's kp.json, or None when it has none (a plain upstream checkpoint)."""
        path = Path(folder) / KP_JSON
        if not path.is_file():
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ManifestError(f"{path}: cannot read ({exc})") from None
        payload, lines = _parse_object(text, path)
        return cls.from_json(payload, source=str(path), lines=lines)

    @classmethod
    def from_json(
        cls, payload: Mapping[str, Any], *, source: str = KP_JSON, lines: Mapping[str, int] | None = None
    ) -> Manifest:
        """A manifest from a decoded kp.json object; ``source`` (and ``lines``: key -> line) go
        into the error messages."""
        lines = lines or {}

        def where(key: str) -> str:
            return f"{source}: line {lines[key]}" if key in lines else source

        if not isinstance(payload, Mapping):
            raise ManifestError(f"{source}: expected a JSON object, not {_json_kind(payload)}")
        fmt = _read_format(payload.get("format"), where("format"))
        family = payload.get("family")
        if family is None:
            raise ManifestError(f"{source}: no 'family' key naming the model family")
        if not isinstance(family, str) or not family.strip():
            raise ManifestError(f"{where('family')}: 'family' must be a non-empty string, not {family!r}")
        fields: dict[str, Any] = {}
        for key, check in _FIELDS.items():
            if key in ("format", "family") or payload.get(key) is None:
                continue
            value = payload[key]
            if not check(value):
                raise ManifestError(f"{where(key)}: {key!r} must be {_EXPECTED[key]}, not {_json_kind(value)}")
            fields[key] = _plain(value)
        extra = {k: _plain(v) for k, v in payload.items() if k not in _FIELDS}
        return cls(format=fmt, family=family, **fields, extra=extra)

    # -- writing -----------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The kp.json object: the format first, then the set fields in a stable order, then ``extra``."""
        out: dict[str, Any] = {"format": FORMAT_VERSION}
        for key in _FIELDS:
            if key == "format":
                continue
            value = getattr(self, key)
            if value is None:
                continue
            out[key] = list(value) if key in ("labels", "evaluations") else value
        out.update(self.extra)
        return _plain(out)  # a copy: the caller may change it, this manifest stays as it was

    def to_text(self) -> str:
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"

    def write(self, folder: str | Path) -> Path:
        """Write ``folder/kp.json`` (UTF-8) atomically: a reader sees the old file or the new one."""
        from kp_core.data.paths import atomic_write_text

        path = Path(folder) / KP_JSON
        atomic_write_text(path, self.to_text())  # a report: follows the umask
        return path


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_str_list(value: Any) -> bool:  # a tuple too: writers hand over Python values
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def _is_object_list(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, Mapping) for v in value)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_object(value: Any) -> bool:
    return isinstance(value, Mapping)


# Field -> type check, in the order kp.json is written.
_FIELDS: dict[str, Any] = {
    "format": lambda v: True,
    "family": _is_str,
    "framework": _is_str,
    "base": _is_str,
    "taxonomy_version": _is_str,
    "label_scheme": _is_str,
    "max_length": _is_int,
    "labels": _is_str_list,
    "training": _is_object,
    "data": _is_object,
    "seed": _is_int,
    "run": _is_object,
    "metrics": _is_object,
    "evaluations": _is_object_list,
}
_EXPECTED = {
    "family": "a string",
    "framework": "a string",
    "base": "a string",
    "taxonomy_version": "a string",
    "label_scheme": "a string",
    "max_length": "an integer",
    "labels": "a list of strings",
    "training": "an object",
    "data": "an object",
    "seed": "an integer",
    "run": "an object",
    "metrics": "an object",
    "evaluations": "a list of objects",
}


def _plain(value: Any) -> Any:
    """``value`` as JSON would give it back (mappings as dicts, tuples as lists), copied."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _read_format(value: Any, where: str) -> str:
    """``"1.0"`` for ``1`` or no format; ``"X.Y"`` as written; a newer major is refused."""
    if value is None:
        return _LEGACY_FORMAT
    if _is_int(value):
        text = f"{value}.0"
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise ManifestError(f"{where}: 'format' must be a version string such as {FORMAT_VERSION!r}, not {value!r}")
    major, _, minor = text.partition(".")
    if not major.isdigit() or not (minor.isdigit() or minor == ""):
        raise ManifestError(f"{where}: 'format' must be a version string such as {FORMAT_VERSION!r}, not {value!r}")
    if int(major) > _MAJOR:
        raise ManifestVersionError(f"{where}: written by a newer kp (format {text}); upgrade kp-core")
    return text if minor else f"{major}.0"


def _parse_object(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The top-level JSON object of ``text`` and the line of each of its keys."""
    decoder = json.JSONDecoder()
    ws = _WHITESPACE.match
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(payload, dict):
        raise ManifestError(f"{path}: expected a JSON object, not {_json_kind(payload)}")
    lines: dict[str, int] = {}
    pos = ws(text, 0).end() + 1  # past "{"
    while True:
        pos = ws(text, pos).end()
        if text[pos] == "}":
            break
        key_at = pos
        key, pos = decoder.raw_decode(text, pos)
        pos = ws(text, pos).end() + 1  # past ":"
        _, pos = decoder.raw_decode(text, ws(text, pos).end())
        lines[key] = text.count("\n", 0, key_at) + 1
        pos = ws(text, pos).end()
        if text[pos] == ",":
            pos += 1
    return payload, lines


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Sequence):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def read_kp_json(folder: str | Path) -> dict[str, Any] | None:
    """The folder's kp.json as a plain object (validated through :class:`Manifest`), or None."""
    manifest = Manifest.read(folder)
    return None if manifest is None else manifest.to_json()


def write_kp_json(folder: str | Path, payload: Mapping[str, Any]) -> Path:
    """Write ``payload`` (kp.json's fields, without the format) to ``folder/kp.json`` through
    :class:`Manifest`, so a writer cannot produce a file the readers refuse."""
    path = Path(folder) / KP_JSON
    fields = {k: v for k, v in payload.items() if k != "format"}
    return Manifest.from_json(fields, source=str(path)).write(folder)
