"""The ASGI app of ``kp serve``: four POST endpoints over the SDK, health, readiness, metrics.

Documents of concurrent requests go to the model together (:mod:`kp_core.serve.batching`); the
operators run in worker threads. The edge (:class:`_Edge`) gives every request an id, checks the
bearer token and the body size, bounds its time and writes one access-log line of counts and
timings: never a document, a span's text, a key or a path the router does not know.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import secrets
import threading
import time
import traceback
from collections.abc import AsyncIterator, Callable
from typing import Any

import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kp_core.errors import KpError
from kp_core.serve.batching import BatcherClosedError, MicroBatcher
from kp_core.serve.metrics import Metrics
from kp_core.serve.openapi import docs_page, openapi_schema
from kp_core.serve.payloads import Payload, PayloadError, parse_json, parse_payload
from kp_core.types import Span

ACCESS_LOGGER = "kp.serve.access"
KEYED_OPERATORS = frozenset({"hash", "pseudonymize"})
# Paths the access log and the metrics name; any other path is logged as "other" (a path is
# the caller's string and could hold anything).
KNOWN_PATHS = frozenset(
    {"/v1/extract", "/v1/deidentify", "/v1/pseudonymize", "/v1/reidentify", "/healthz", "/readyz", "/metrics",
     "/openapi.json", "/docs"}
)  # fmt: skip


@attrs.frozen
class ServeSettings:
    """What ``kp serve``'s flags set. ``key`` and ``token`` never appear in a repr or a log."""

    max_batch: int = 32
    max_wait_ms: float = 5.0
    batching: bool = True
    max_request_bytes: int = 1_000_000
    max_docs: int = 256
    timeout_s: float = 30.0
    token: str | None = attrs.field(default=None, repr=False)
    key: bytes | None = attrs.field(default=None, repr=False)
    vault: str | None = None
    json_logs: bool = False
    model: str = "rules"


class _Refusal(Exception):
    """An answer other than 200, with a message that holds no value of the data."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class _Service:
    """The loaded model, its batcher, the settings and the metrics, shared by the handlers."""

    def __init__(self, load: Callable[[], Any], settings: ServeSettings, metrics: Metrics) -> None:
        self.load, self.settings, self.metrics = load, settings, metrics
        self.detector: Any = None
        self.batcher: MicroBatcher | None = None
        self.load_error: str | None = None
        self.vault_lock = threading.Lock()  # one writer at a time on the vault file

    async def start(self) -> None:
        self.batcher = MicroBatcher(
            self._predict,
            max_batch=self.settings.max_batch,
            max_wait_s=self.settings.max_wait_ms / 1000,
            enabled=self.settings.batching,
            on_batch=self.metrics.batch,
        )
        asyncio.get_running_loop().create_task(self._load())

    async def _load(self) -> None:
        try:
            self.detector = await asyncio.to_thread(self.load)
        except Exception as exc:  # noqa: BLE001 - reported by /readyz and the log
            self.load_error = f"{type(exc).__name__}: {exc}" if isinstance(exc, KpError) else type(exc).__name__
            logging.getLogger(ACCESS_LOGGER).error("model failed to load: %s", self.load_error)
            return
        self.metrics.ready = True

    def _predict(self, texts: list[str]) -> list[list[Span]]:
        return self.detector.predict_spans(texts)

    async def stop(self) -> None:
        if self.batcher is not None:
            await self.batcher.close()

    async def detect(self, payload: Payload) -> list[list[Span]]:
        if self.detector is None or self.batcher is None:
            raise _Refusal(503, "the model is not loaded yet; retry when GET /readyz answers 200")
        try:
            found = await self.batcher.submit(payload.texts)
        except BatcherClosedError as exc:
            raise _Refusal(503, str(exc)) from None
        if payload.labels is not None:
            found = [[s for s in doc if s.label in payload.labels] for doc in found]
        return found

    def key(self, what: str) -> bytes:
        if self.settings.key is None:
            raise _Refusal(503, f"{what} needs the server's key; start kp serve with --key-file FILE")
        return self.settings.key


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "label": span.label, "score": span.score}


def _answer(payload: Payload, items: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse(items[0] if payload.single else {"results": items})


async def _payload(request: Request, endpoint: str) -> Payload:
    limit = request.app.state.service.settings.max_request_bytes
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _Refusal(413, f"the body is over this server's limit of {limit} bytes")
    payload = parse_payload(endpoint, parse_json(bytes(body)), request.app.state.service.settings.max_docs)
    request.scope["kp"]["docs"] = len(payload.texts)
    return payload


async def _in_thread(call: Callable[[], Any]) -> Any:
    """Run an SDK call off the event loop; what it refuses (a ``KpError``) is the caller's 422."""
    try:
        return await asyncio.to_thread(call)
    except KpError as exc:
        raise _Refusal(422, str(exc)) from None
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        # Raised by an operator on the request's method or options; its message may quote a value.
        raise _Refusal(422, f"the method or its options were refused ({type(exc).__name__})") from None


async def extract(request: Request) -> Response:
    service: _Service = request.app.state.service
    payload = await _payload(request, "extract")
    found = await service.detect(payload)
    return _answer(payload, [{"spans": [_span(s) for s in doc]} for doc in found])


def _operator_names(method: Any) -> set[str]:
    if method is None or isinstance(method, str):
        return {method or "redact"}
    return {spec if isinstance(spec, str) else spec["method"] for spec in method.values()}


async def deidentify(request: Request) -> Response:
    from kp_core import sdk

    service: _Service = request.app.state.service
    payload = await _payload(request, "deidentify")
    names = _operator_names(payload.method)
    options = dict(payload.options)
    if names & KEYED_OPERATORS:
        options["key"] = service.key(" and ".join(sorted(names & KEYED_OPERATORS)))
    if "pseudonymize" in names:
        options.update(vault=service.settings.vault, language=payload.language, country=payload.country)
    elif payload.language is not None or payload.country is not None:
        raise _Refusal(422, "language and country apply to the pseudonymize method only")
    found = await service.detect(payload)

    def run() -> list[str]:
        with service.vault_lock if "pseudonymize" in names else contextlib.nullcontext():
            return sdk.deidentify(payload.texts, payload.method, spans=found, **options)

    out = await _in_thread(run)
    return _answer(payload, [{"text": text} for text in out])


async def pseudonymize(request: Request) -> Response:
    from kp_core import sdk

    service: _Service = request.app.state.service
    payload = await _payload(request, "pseudonymize")
    key = service.key("pseudonymize")
    found = await service.detect(payload)

    def run() -> list[Any]:
        with service.vault_lock:
            return sdk.pseudonymize(
                payload.texts, key, service.settings.vault, payload.language, payload.country, spans=found
            )

    out = await _in_thread(run)
    return _answer(payload, [{"text": r.text, "surrogates": dict(r.surrogates)} for r in out])


async def reidentify(request: Request) -> Response:
    from kp_core import sdk

    service: _Service = request.app.state.service
    payload = await _payload(request, "reidentify")
    if service.settings.vault is None:
        raise _Refusal(503, "reidentify needs the server's vault; start kp serve with --vault FILE")
    key = service.key("reidentify")

    def run() -> list[str]:
        with service.vault_lock:
            return [sdk.reidentify(text, service.settings.vault, key) for text in payload.texts]

    out = await _in_thread(run)
    return _answer(payload, [{"text": text} for text in out])


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    service: _Service = request.app.state.service
    if service.detector is not None:
        return JSONResponse({"status": "ready", "model": service.settings.model})
    if service.load_error is not None:
        return JSONResponse({"status": "failed", "error": service.load_error}, status_code=503)
    return JSONResponse({"status": "loading"}, status_code=503)


async def metrics(request: Request) -> Response:
    text = request.app.state.service.metrics.render()
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4; charset=utf-8")


async def openapi(request: Request) -> Response:
    return JSONResponse(request.app.state.schema)


async def docs(request: Request) -> Response:
    return HTMLResponse(docs_page(request.app.state.schema))


def _error_response(request_id: str, status: int, message: str) -> JSONResponse:
    headers = {"www-authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": message, "request_id": request_id}, status_code=status, headers=headers)


async def _refused(request: Request, exc: Exception) -> Response:
    status = exc.status if isinstance(exc, (_Refusal, PayloadError)) else 422
    message = exc.message if isinstance(exc, _Refusal) else str(exc)
    return _error_response(request.scope["kp"]["id"], status, message)


async def _http_error(request: Request, exc: Exception) -> Response:
    """The router's own answers (404, 405) in the same JSON shape as every other error."""
    assert isinstance(exc, HTTPException)
    answer = _error_response(request.scope["kp"]["id"], exc.status_code, exc.detail)
    answer.headers.update(exc.headers or {})
    return answer


async def _failed(request: Request, exc: Exception) -> Response:
    """A bug: the answer says nothing about it; the edge logs its type and place."""
    return _error_response(request.scope["kp"]["id"], 500, "internal error; the server log has its request id")


class _Edge:
    """Request id, bearer token, body size, time limit, error answers, access log and metrics."""

    def __init__(self, app: Any, service: _Service) -> None:
        self.app, self.service = app, service
        self.log = logging.getLogger(ACCESS_LOGGER)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        settings = self.service.settings
        path = scope["path"] if scope["path"] in KNOWN_PATHS else "other"
        info = {"id": secrets.token_hex(8), "status": 500, "in": 0, "out": 0, "docs": 0, "sent": False}
        scope["kp"] = info

        async def counting_receive() -> Any:
            message = await receive()
            info["in"] += len(message.get("body", b""))
            return message

        async def tagged_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                info["status"], info["sent"] = message["status"], True
                message["headers"] = [*message.get("headers", []), (b"x-request-id", info["id"].encode())]
            elif message["type"] == "http.response.body":
                info["out"] += len(message.get("body", b""))
            await send(message)

        try:
            refusal = self._refusal(scope, path)
            if refusal is not None:
                raise refusal
            if path.startswith("/v1/"):
                await asyncio.wait_for(self.app(scope, counting_receive, tagged_send), settings.timeout_s)
            else:
                await self.app(scope, counting_receive, tagged_send)
        except TimeoutError:
            await self._error(
                tagged_send, info, 504, f"the request took over this server's limit of {settings.timeout_s:g} s"
            )
        except (_Refusal, PayloadError) as exc:
            status = exc.status
            await self._error(tagged_send, info, status, exc.message if isinstance(exc, _Refusal) else str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug: logged by type and place, answered without detail
            frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
            self.log.error("request %s failed: %s%s", info["id"], type(exc).__name__, where)
            await self._error(tagged_send, info, 500, "internal error; the server log has its request id")
        finally:
            seconds = time.perf_counter() - started
            self.service.metrics.request(path, info["status"], seconds, info["docs"] if info["status"] == 200 else 0)
            self._access(scope["method"], path, info, seconds)

    def _refusal(self, scope: dict[str, Any], path: str) -> _Refusal | None:
        settings = self.service.settings
        if path.startswith("/v1/") or path == "other":
            if settings.token is not None and not _bearer_matches(scope, settings.token):
                return _Refusal(401, "a bearer token is required: send Authorization: Bearer TOKEN")
        if path.startswith("/v1/"):
            length = dict(scope.get("headers", [])).get(b"content-length")
            if length is not None and length.isdigit() and int(length) > settings.max_request_bytes:
                return _Refusal(413, f"the body is over this server's limit of {settings.max_request_bytes} bytes")
        return None

    async def _error(self, send: Any, info: dict[str, Any], status: int, message: str) -> None:
        if info["sent"]:
            return  # the answer had begun: nothing more can be said
        await _error_response(info["id"], status, message)({"type": "http"}, _no_body, send)

    def _access(self, method: str, path: str, info: dict[str, Any], seconds: float) -> None:
        record = {
            "request_id": info["id"],
            "method": method,
            "path": path,
            "status": info["status"],
            "bytes_in": info["in"],
            "bytes_out": info["out"],
            "docs": info["docs"],
            "ms": round(seconds * 1000, 2),
        }
        if self.service.settings.json_logs:
            self.log.info(json.dumps(record))
        else:
            self.log.info(" ".join(f"{k}={v}" for k, v in record.items()))


async def _no_body() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


def _bearer_matches(scope: dict[str, Any], token: str) -> bool:
    header = dict(scope.get("headers", [])).get(b"authorization", b"")
    scheme, _, given = header.partition(b" ")
    return scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), token.encode("utf-8"))


def create_app(load: Callable[[], Any], settings: ServeSettings | None = None) -> Any:
    """The ASGI app: ``load()`` returns the detector (run in a thread at startup; ``/readyz``
    answers 200 once it returned). Wrap it in uvicorn, or starlette's ``TestClient``."""
    from kp_core._version import __version__

    settings = settings or ServeSettings()
    service = _Service(load, settings, Metrics())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.stop()

    routes = [
        Route("/v1/extract", extract, methods=["POST"]),
        Route("/v1/deidentify", deidentify, methods=["POST"]),
        Route("/v1/pseudonymize", pseudonymize, methods=["POST"]),
        Route("/v1/reidentify", reidentify, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
    ]
    handlers = {_Refusal: _refused, PayloadError: _refused, HTTPException: _http_error, Exception: _failed}
    inner = Starlette(routes=routes, lifespan=lifespan, exception_handlers=handlers)
    inner.state.service = service
    inner.state.schema = openapi_schema(__version__)
    edge = _Edge(inner, service)
    edge.state = inner.state  # type: ignore[attr-defined] - tests read app.state.service
    return edge
