"""``kp serve``: the SDK over HTTP (docs/serve.md).

The model loads before the server listens, so a reference that does not resolve is one
``Error:`` line and exit 2, as on every kp command. The web stack (starlette, uvicorn) is the
``serve`` extra; it is imported only when the command runs, so ``kp --help`` works without it.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys

import click

from kp_core.cli.detector_options import Detection, detection_options
from kp_core.cli.options import json_option, note
from kp_core.errors import KpError

TOKEN_ENV = "KP_SERVE_TOKEN"


@click.command("serve")
@detection_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port; 0 picks a free one."
)
@click.option(
    "--max-batch", type=click.IntRange(1, 4096), default=32, show_default=True, help="Most documents per model call."
)
@click.option(
    "--max-wait-ms", type=click.FloatRange(0, 1000), default=5.0, show_default=True,
    help="How long the first waiting document waits for others to join its batch.",
)  # fmt: skip
@click.option(
    "--batching/--no-batching", default=True, show_default=True,
    help="Coalesce concurrent requests' documents into one model call (off: one call per request).",
)  # fmt: skip
@click.option(
    "--max-request-bytes", type=click.IntRange(1), default=1_000_000, show_default=True, help="Larger bodies get 413."
)
@click.option(
    "--max-docs",
    type=click.IntRange(1),
    default=256,
    show_default=True,
    help="Most documents per request (413 beyond).",
)
@click.option(
    "--timeout-s", type=click.FloatRange(0.001), default=30.0, show_default=True, help="Per request (504 beyond)."
)
@click.option(
    "--token", envvar=TOKEN_ENV, default=None, metavar="TOKEN", show_envvar=True,
    help="Require Authorization: Bearer TOKEN on /v1/ (prefer the environment variable: a flag shows in ps).",
)  # fmt: skip
@click.option(
    "--key-file", "key_file", default=None, metavar="FILE",
    help="The secret key for pseudonymize, hash and reidentify [default: $KP_PSEUDONYM_KEY]; never taken from a request.",
)  # fmt: skip
@click.option("--key", "key_alias", default=None, hidden=True)
@click.option(
    "--vault",
    default=None,
    metavar="FILE",
    help="The vault pseudonymize writes to and reidentify reads (needs the key).",
)
@json_option
def serve(
    detection: Detection,
    host: str,
    port: int,
    max_batch: int,
    max_wait_ms: float,
    batching: bool,
    max_request_bytes: int,
    max_docs: int,
    timeout_s: float,
    token: str | None,
    key_file: str | None,
    key_alias: str | None,
    vault: str | None,
    as_json: bool,
) -> None:
    """Serve a model over HTTP: POST /v1/extract, /v1/deidentify, /v1/pseudonymize, /v1/reidentify;
    GET /healthz, /readyz, /metrics, /openapi.json, /docs.

    With --json, the line saying where it listens is one JSON object on stdout and the access
    log (stderr) is JSON lines. Stops on Ctrl-C or SIGTERM, finishing the batch in hand."""
    try:
        import uvicorn

        from kp_core.serve.app import ServeSettings, create_app
    except ImportError as exc:
        raise KpError(f"kp serve needs the serve extra ({exc.name} is missing): pip install 'kp-core[serve]'") from None
    key = _server_key(key_file or key_alias, vault)
    if token is not None and not token.strip():
        raise KpError(f"--token / {TOKEN_ENV} is empty; give a token or leave it unset")
    detector = detection.load()  # refused here, before listening, if it does not resolve
    settings = ServeSettings(
        max_batch=max_batch,
        max_wait_ms=max_wait_ms,
        batching=batching,
        max_request_bytes=max_request_bytes,
        max_docs=max_docs,
        timeout_s=timeout_s,
        token=token.strip() if token else None,
        key=key,
        vault=vault,
        json_logs=as_json,
        model=detection.model or os.environ.get("KP_MODEL") or "rules",
    )
    sock = _listen(host, port)
    bound = sock.getsockname()[1]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{bound}"
    _configure_logging(as_json)
    if as_json:
        click.echo(json.dumps({"url": url, "host": host, "port": bound, "model": settings.model, "batching": batching}))
        sys.stdout.flush()
    else:
        note(f"serving {settings.model} on {url} (docs: {url}/docs)")
    config = uvicorn.Config(
        create_app(lambda: detector, settings),
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=30,
    )
    uvicorn.Server(config).run(sockets=[sock])


def _server_key(key_file: str | None, vault: str | None) -> bytes | None:
    """The key from --key-file, else KP_PSEUDONYM_KEY; a vault is checked against it now."""
    from kp_core.anonymize.keys import KEY_ENV, read_key_file, resolve_key

    if key_file is not None:
        try:
            key = read_key_file(key_file)
        except FileNotFoundError:
            raise KpError(f"--key-file {key_file}: no such file") from None
        except OSError as exc:
            raise KpError(f"--key-file {key_file}: cannot read it ({type(exc).__name__})") from None
    else:
        key = resolve_key() if os.environ.get(KEY_ENV) else None
    if vault is not None:
        if key is None:
            raise KpError(f"--vault {vault} needs the key: give --key-file FILE or set {KEY_ENV}")
        if os.path.exists(vault):
            from kp_core.anonymize.vault import Vault

            Vault.open(vault, key, create=False).close()  # a wrong key is refused now, not per request
    return key


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelt out: asyncio sets TCP_NODELAY on accepted connections only when the
    # listening socket says so, and without it Nagle and delayed ACKs add ~40 ms per response.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise KpError(f"--host {host} --port {port}: cannot listen there ({exc.strerror or exc})") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _configure_logging(as_json: bool) -> None:
    """The access log on stderr, one line per request; uvicorn's own messages only from warnings up."""
    from kp_core.serve.app import ACCESS_LOGGER

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s" if as_json else "%(asctime)s %(levelname)s %(message)s"))
    access = logging.getLogger(ACCESS_LOGGER)
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.WARNING)
        logging.getLogger(name).propagate = False
