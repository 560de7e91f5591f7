"""The OpenAPI 3.1 description of ``kp serve`` (``GET /openapi.json``), written out by hand: four
endpoints do not need a generator, and the fuzz tests draw their requests from it."""

from __future__ import annotations

import html
import json
from typing import Any

_TEXTS = {
    "text": {"type": "string", "description": "One document (the answer then has no list)."},
    "texts": {"type": "array", "items": {"type": "string"}, "description": "Documents, answered in order."},
}
_LABELS = {"labels": {"type": "array", "items": {"type": "string"}, "description": "Keep only these KP types."}}
_LOCALE = {
    "language": {"type": "string", "description": "Language of the surrogates (ro, de, ...)."},
    "country": {"type": "string", "description": "Country of the surrogates (RO, DE, ...)."},
}
_OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "char": {"type": "string", "description": "mask: the masking character."},
        "template": {"type": "string", "description": "replace/hash: e.g. <{label}>, {digest}."},
        "length": {"type": "integer", "description": "hash: hex characters (8 to 64)."},
    },
}
_OPERATOR_ENTRY = {
    "oneOf": [
        {"type": "string"},
        {
            "type": "object",
            "required": ["method"],
            "properties": {"method": {"type": "string"}, **_OPTIONS["properties"]},
        },
    ]
}
_METHOD = {
    "description": "An operator (redact, mask, replace, hash, keep, pseudonymize, ...) or a map {KP type or DEFAULT: operator}.",
    "oneOf": [{"type": "string"}, {"type": "object", "additionalProperties": _OPERATOR_ENTRY}],
}
_SPAN = {
    "type": "object",
    "required": ["start", "end", "label", "score"],
    "properties": {
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "label": {"type": "string"},
        "score": {"type": ["number", "null"]},
    },
}
_ERROR = {
    "type": "object",
    "required": ["error", "request_id"],
    "properties": {"error": {"type": "string"}, "request_id": {"type": "string"}},
}


def _body(properties: dict[str, Any], example: dict[str, Any]) -> dict[str, Any]:
    schema = {"type": "object", "additionalProperties": False, "properties": properties}
    return {"required": True, "content": {"application/json": {"schema": schema, "example": example}}}


def _answer(description: str, schema: dict[str, Any], example: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema, "example": example}}}


def _errors(*codes: int) -> dict[str, Any]:
    why = {
        401: "No or a wrong bearer token (the server was started with one).",
        413: "The body or the number of documents is over the server's limit.",
        422: "A field is missing, of the wrong type or not allowed; the message names it.",
        503: "The model is not loaded yet, the key or vault this needs is not configured, or the server is stopping.",
        504: "The request took longer than the server's --timeout-s.",
    }
    content = {"application/json": {"schema": _ERROR}}
    return {str(code): {"description": why[code], "content": content} for code in codes}


def _post(summary: str, body: dict[str, Any], answer: dict[str, Any], *extra: int) -> dict[str, Any]:
    return {
        "post": {
            "summary": summary,
            "requestBody": body,
            "responses": {"200": answer, **_errors(401, 413, 422, *extra, 504)},
            "security": [{}, {"bearer": []}],
        }
    }


def _results(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"results": {"type": "array", "items": item}, **item["properties"]},
    }


def openapi_schema(version: str) -> dict[str, Any]:
    """The document ``GET /openapi.json`` serves."""
    spans = {"type": "object", "properties": {"spans": {"type": "array", "items": _SPAN}}}
    text = {"type": "object", "properties": {"text": {"type": "string"}}}
    pseudonym = {
        "type": "object",
        "properties": {
            "text": {"type": "string"},
            "surrogates": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    example_text = "CNP 1800101221144, tel +40 721 234 567"
    return {
        "openapi": "3.1.0",
        "info": {"title": "kp serve", "version": version, "description": "PII detection and de-identification."},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": {
            "/v1/extract": _post(
                "PII spans of each document.",
                _body({**_TEXTS, **_LABELS}, {"texts": [example_text]}),
                _answer(
                    'One span list per document ({"spans"} for text).',
                    _results(spans),
                    {"results": [{"spans": [{"start": 4, "end": 17, "label": "NATIONAL_ID", "score": 1.0}]}]},
                ),
                503,
            ),
            "/v1/deidentify": _post(
                "Each document with its PII redacted, masked, replaced, hashed or pseudonymized.",
                _body(
                    {**_TEXTS, **_LABELS, "method": _METHOD, "options": _OPTIONS, **_LOCALE},
                    {"text": example_text, "method": "replace"},
                ),
                _answer("The de-identified documents.", _results(text), {"text": "CNP <NATIONAL_ID>, tel <PHONE>"}),
                503,
            ),
            "/v1/pseudonymize": _post(
                "Keyed surrogates under the server's key (and into its vault, if it has one).",
                _body({**_TEXTS, **_LABELS, **_LOCALE}, {"text": example_text, "language": "ro"}),
                _answer(
                    "Pseudonymized documents and their surrogate maps.",
                    _results(pseudonym),
                    {"text": "CNP 1920318106712, tel +40 745 019 327", "surrogates": {"...": "..."}},
                ),
                503,
            ),
            "/v1/reidentify": _post(
                "The originals of pseudonymized documents, from the server's vault.",
                _body(_TEXTS, {"text": "CNP 1920318106712, tel +40 745 019 327"}),
                _answer("The re-identified documents.", _results(text), {"text": example_text}),
                503,
            ),
            "/healthz": {"get": {"summary": "The process answers.", "responses": {"200": {"description": "ok"}}}},
            "/readyz": {
                "get": {
                    "summary": "The model is loaded.",
                    "responses": {"200": {"description": "ready"}, "503": {"description": "loading or failed"}},
                }
            },
            "/metrics": {
                "get": {
                    "summary": "Prometheus metrics.",
                    "responses": {"200": {"description": "text/plain; version=0.0.4"}},
                }
            },
        },
    }


def docs_page(schema: dict[str, Any]) -> str:
    """A self-contained HTML page (no scripts, nothing fetched) listing the endpoints and examples."""
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>kp serve</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}pre{background:#f4f4f4;padding:.5em}</style>",
        f"</head><body><h1>kp serve {html.escape(schema['info']['version'])}</h1>",
        "<p>The machine-readable description: <a href='/openapi.json'>/openapi.json</a>.</p>",
    ]
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            parts.append(f"<h2>{method.upper()} {html.escape(path)}</h2><p>{html.escape(operation['summary'])}</p>")
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                fields = ", ".join(sorted(body["schema"]["properties"]))
                parts.append(f"<p>Fields: {html.escape(fields)}</p>")
                parts.append(f"<pre>{html.escape(json.dumps(body['example'], indent=2))}</pre>")
            for code, answer in operation["responses"].items():
                example = answer.get("content", {}).get("application/json", {}).get("example")
                shown = f"<pre>{html.escape(json.dumps(example, indent=2))}</pre>" if example else ""
                parts.append(f"<p><b>{code}</b> {html.escape(answer['description'])}</p>{shown}")
    parts.append("</body></html>")
    return "".join(parts)
