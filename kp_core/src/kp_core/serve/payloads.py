"""Request bodies, checked field by field: a refusal names the field and what it expects, never
a value of it (values are the caller's documents)."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from typing import Any

import attrs

from kp_core.errors import KpError

# Operator options a request may set; everything else (keys, vaults, files) is the server's.
OPERATOR_OPTIONS = {"char": str, "template": str, "length": int}
ENDPOINT_FIELDS = {
    "extract": {"text", "texts", "labels"},
    "deidentify": {"text", "texts", "labels", "method", "options", "language", "country"},
    "pseudonymize": {"text", "texts", "labels", "language", "country"},
    "reidentify": {"text", "texts"},
}


# Options the server sets itself, named when a request tries them (other names are not repeated).
_SERVER_OPTIONS = frozenset({"key", "vault", "random_key", "language", "country"})
_TYPE_LIKE = re.compile(r"[A-Z][A-Z_]{0,39}")


class PayloadError(KpError):
    """A request body kp cannot take (HTTP 422, or ``status``)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@attrs.frozen
class Payload:
    """A checked request: its documents, whether it gave one ``text``, and its other fields."""

    texts: list[str]
    single: bool
    labels: frozenset[str] | None = None
    method: Any = None
    options: Mapping[str, Any] = attrs.field(factory=dict)
    language: str | None = None
    country: str | None = None


def parse_json(body: bytes) -> dict[str, Any]:
    if not body:
        raise PayloadError('the request has no body; send a JSON object such as {"texts": [...]}')
    try:
        value = json.loads(body)
    except UnicodeDecodeError:
        raise PayloadError("the body is not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise PayloadError(f"the body is not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(value, dict):
        raise PayloadError(f"the body must be a JSON object, not {_kind(value)}")
    return value


def parse_payload(endpoint: str, body: dict[str, Any], max_docs: int) -> Payload:
    """The request's fields for ``endpoint``, checked; unknown fields are refused by name."""
    allowed = ENDPOINT_FIELDS[endpoint]
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise PayloadError(
            f"{len(unknown)} unknown field(s) (names not repeated: they could be data); "
            f"{endpoint} takes {', '.join(sorted(allowed))}"
        )
    texts, single = _texts(body, max_docs)
    return Payload(
        texts=texts,
        single=single,
        labels=_labels(body.get("labels")),
        method=_method(body.get("method")) if "method" in body else None,
        options=_options(body.get("options")),
        language=_optional_str(body, "language"),
        country=_optional_str(body, "country"),
    )


def _texts(body: dict[str, Any], max_docs: int) -> tuple[list[str], bool]:
    if ("text" in body) == ("texts" in body):
        raise PayloadError("give exactly one of text (a string) or texts (a list of strings)")
    if "text" in body:
        if not isinstance(body["text"], str):
            raise PayloadError(f"text must be a string, not {_kind(body['text'])}")
        return [body["text"]], True
    texts = body["texts"]
    if not isinstance(texts, list):
        raise PayloadError(f"texts must be a list of strings, not {_kind(texts)}")
    if len(texts) > max_docs:
        raise PayloadError(f"texts has {len(texts)} documents; this server takes at most {max_docs} per request", 413)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise PayloadError(f"texts[{i}] must be a string, not {_kind(text)}")
    return texts, False


def _labels(value: Any) -> frozenset[str] | None:
    from kp_core.taxonomy import is_kp_type

    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PayloadError("labels must be a list of KP type names (kp taxonomy)")
    unknown = sorted({v for v in value if not is_kp_type(v)})
    if unknown:
        # Label names are the schema's words, not the caller's data: safe to repeat.
        shown = ", ".join(v for v in unknown[:5] if _TYPE_LIKE.fullmatch(v))
        raise PayloadError(
            f"labels: {len(unknown)} name(s) are not KP types ({shown or 'unprintable'}); see kp taxonomy"
        )
    return frozenset(value)


def _method(value: Any) -> Any:
    """An operator name, or a map ``{KP type or DEFAULT: name or {"method": name, options}}``."""
    from kp_core.taxonomy import is_kp_type

    if isinstance(value, str):
        return _operator_name(value, "method")
    if not isinstance(value, dict) or not value:
        raise PayloadError("method must be an operator name or a non-empty map {KP type or DEFAULT: operator}")
    out: dict[str, Any] = {}
    for label, spec in value.items():
        if label != "DEFAULT" and not is_kp_type(label):
            raise PayloadError("method: a key of the map is not a KP type or DEFAULT (see kp taxonomy)")
        where = f"method.{label}"
        if isinstance(spec, str):
            out[label] = _operator_name(spec, where)
        elif isinstance(spec, dict) and isinstance(spec.get("method"), str):
            options = _options({k: v for k, v in spec.items() if k != "method"}, where)
            out[label] = {"method": _operator_name(spec["method"], f"{where}.method"), **options}
        else:
            raise PayloadError(f'{where} must be an operator name or {{"method": NAME, ...options}}')
    return out


def _operator_name(name: str, where: str) -> str:
    from kp_core.plugins.registry import get_registry

    if name == "pseudonymize":
        return name  # the server adds its own key and vault
    known = sorted(get_registry().operators.names())
    if name not in known:
        raise PayloadError(f"{where}: not an operator; known: {', '.join(known)}")
    return name


def _options(value: Any, where: str = "options") -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PayloadError(f"{where} must be an object")
    out: dict[str, Any] = {}
    for name, option in value.items():
        expected = OPERATOR_OPTIONS.get(name)
        if expected is None:
            raise PayloadError(
                f"{where}: {name if name in _SERVER_OPTIONS else 'an unknown option'} cannot be set by a "
                f"request (it takes {', '.join(sorted(OPERATOR_OPTIONS))}; keys and vaults are the server's)"
            )
        if type(option) is not expected:
            raise PayloadError(f"{where}.{name} must be {'a string' if expected is str else 'an integer'}")
        if name == "length" and not 8 <= option <= 64:
            raise PayloadError(f"{where}.length must be from 8 to 64")
        if name == "char" and len(option) != 1:
            raise PayloadError(f"{where}.char must be one character")
        if name == "template":
            _check_template(option, f"{where}.template")
        out[name] = option
    return out


def _check_template(template: str, where: str) -> None:
    """Only ``{label}`` and ``{digest}`` fields, no format spec: anything else would fail (or
    read attributes) when the operator formats it."""
    if len(template) > 200:
        raise PayloadError(f"{where} must be at most 200 characters")
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        fields = None
    if fields is None or any(
        name is not None and (name not in ("label", "digest") or spec or conversion)
        for _, name, spec, conversion in fields
    ):
        raise PayloadError(f"{where} may hold only the fields {{label}} and {{digest}} (double braces for a brace)")


def _optional_str(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is not None and (not isinstance(value, str) or not value.isascii() or not 2 <= len(value) <= 8):
        raise PayloadError(f"{name} must be a short code such as ro or RO")
    return value


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)
