"""kp serve fuzzed from its own OpenAPI document (schemathesis): requests drawn from the schema,
valid and not, against `kp serve`'s app under uvicorn on 127.0.0.1, with the server's key and
vault so every endpoint is live. No answer may be a 5xx, and every error answer is the
documented JSON ``{"error", "request_id"}``. Bounded: 50 examples per endpoint."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, Phase, settings

from kp_core import sdk
from kp_core.serve.app import ServeSettings, create_app
from kp_core.serve.openapi import openapi_schema

schema = schemathesis.openapi.from_dict(openapi_schema("fuzz"))


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    vault = str(Path(tmp_path_factory.mktemp("fuzz")) / "pii.vault")
    app = create_app(
        lambda: sdk.detector("rules"),
        ServeSettings(key=b"fuzz key, 16+ bytes, not secret", vault=vault, max_docs=64, timeout_s=20),
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    import urllib.request

    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            time.sleep(0.05)
    else:
        raise AssertionError("the server never became ready")
    yield url
    server.should_exit = True
    thread.join(30)


@schema.parametrize()
@settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_request_makes_the_server_fail(case, base_url: str) -> None:
    response = case.call(base_url=base_url, timeout=20)
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
    if response.status_code >= 400 and case.path.startswith("/v1/"):
        assert response.headers.get("content-type", [""])[0].startswith("application/json"), (
            case.method,
            case.path,
            response.status_code,
            response.text[:200],
        )
        body = response.json()
        assert set(body) == {"error", "request_id"} and body["request_id"] in response.headers["x-request-id"]
