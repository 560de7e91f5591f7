"""An in-memory Hugging Face Hub for tests: the real ``huggingface_hub`` client talks to it over 127.0.0.1.

Pure stdlib (``http.server.ThreadingHTTPServer``). It implements what the client calls to push and pull
model and dataset repos:

- ``POST /api/repos/create`` (models and datasets; 409 when the repo exists, which ``exist_ok`` accepts)
- ``GET /api/whoami-v2`` and ``POST /api/validate-yaml`` (``create_commit`` validates a ``README.md``)
- ``GET /api/{models,datasets}/{repo}`` and ``.../revision/{rev}``: ``model_info`` / ``dataset_info`` /
  ``repo_info`` (id, sha, siblings with rfilename/size/blobId, private, lastModified, createdAt)
- ``GET /api/{type}s/{repo}/tree/{rev}[/{path}]`` (``recursive=true`` lists every file and folder below)
- ``POST /api/{type}s/{repo}/preupload/{rev}``: every file gets ``uploadMode: "regular"`` (plus the git oid of the
  file already there, so unchanged files are skipped like on the Hub)
- ``POST /api/{type}s/{repo}/commit/{branch}``: NDJSON ``header``, ``file`` (base64), ``deletedFile``,
  ``deletedFolder``; ``lfsFile`` gets a 400 because LFS is never offered
- ``POST /api/{type}s/{repo}/branch/{name}`` (``startingPoint`` = branch or commit sha, default ``main``)
- ``HEAD``/``GET /{repo}/resolve/{rev}/{path}`` and ``/datasets/{repo}/resolve/{rev}/{path}`` with the headers
  ``file_download`` checks: ``X-Repo-Commit``, ``ETag`` (git blob sha1), ``Content-Length``

Revisions are branch names or full commit shas. A repo starts with one empty commit on ``main``; every commit keeps
the whole file snapshot and its parent, and its sha is a sha1 over the parent, the message and the files, so the
same history always gives the same shas. Errors carry the Hub's ``X-Error-Code`` (``RepoNotFound``,
``RevisionNotFound``, ``EntryNotFound``) so the client raises its own typed errors.

Auth: with a token, writes and reads of private repos need ``Authorization: Bearer <token>``; any other bearer
value is answered 401 "Invalid credentials in Authorization header"; without one, writes get 401 and private repos
look missing (401 RepoNotFound, as on the Hub). No token scopes, no users or organisations beyond one user name.

With hf_xet installed, ``upload_folder`` takes the client's pipelined path (preupload, then commit); since every
file is "regular" no xet traffic happens, so HF_HUB_DISABLE_XET is not needed.

Not implemented: LFS and xet storage (uploads, batch endpoints, xet headers on downloads), pull requests
(``create_pr``), tags, spaces, commit listings, refs listings, ``.gitignore`` handling, HTTP ranges and redirects.

``FakeHub.requests`` lists every request handled as ``(method, path)`` with the path percent-decoded and without
its query, so tests can check which revision was fetched, or that nothing reached the server.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

USER = "kp-test"
DEFAULT_TOKEN = "hf_kp_fake_hub_token"
_SHA_RE = re.compile(r"[0-9a-f]{40}")
_TYPES = {"models": "model", "datasets": "dataset"}
_INVALID_CREDENTIALS = "Invalid credentials in Authorization header"


class HandledRequest(NamedTuple):
    method: str
    path: str


class Commit(NamedTuple):
    sha: str
    parent: str | None
    message: str
    files: dict[str, bytes]
    timestamp: float


class HubError(Exception):
    """An error answer: status, the Hub's X-Error-Code (if any) and a message."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}
        self.extra = extra or {}


def git_blob_sha1(data: bytes) -> str:
    """The git object id of a blob: what the Hub reports as a regular file's oid and ETag."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _iso(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(timestamp)) + f".{int(timestamp % 1 * 1000):03d}Z"


class Repo:
    def __init__(self, repo_type: str, repo_id: str, private: bool) -> None:
        self.repo_type = repo_type
        self.repo_id = repo_id
        self.private = private
        self.created = time.time()
        self.commits: dict[str, Commit] = {}
        self.branches: dict[str, str] = {}
        # The first commit's sha depends on the repo, so two empty repos have different histories.
        first = self._add_commit(None, f"initial commit of {repo_type}s/{repo_id}", {})
        self.branches["main"] = first.sha

    def _add_commit(self, parent: str | None, message: str, files: dict[str, bytes]) -> Commit:
        digest = hashlib.sha1()
        digest.update(f"parent {parent}\nmessage {message}\n".encode())
        for path in sorted(files):
            digest.update(f"{path}\0{git_blob_sha1(files[path])}\n".encode())
        commit = Commit(digest.hexdigest(), parent, message, dict(files), time.time())
        self.commits[commit.sha] = commit
        return commit

    def resolve(self, revision: str) -> Commit:
        sha = self.branches.get(revision) or (revision if _SHA_RE.fullmatch(revision) else None)
        if sha is None or sha not in self.commits:
            raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return self.commits[sha]

    def commit(self, branch: str, message: str, files: dict[str, bytes]) -> Commit:
        commit = self._add_commit(self.branches[branch], message, files)
        self.branches[branch] = commit.sha
        return commit


class FakeHub:
    """A Hub on 127.0.0.1 (a free port) holding repos in memory; ``with FakeHub() as hub:`` starts and stops it."""

    def __init__(self, token: str | None = DEFAULT_TOKEN) -> None:
        self.token = token
        self._repos: dict[tuple[str, str], Repo] = {}
        self._requests: list[HandledRequest] = []
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------------

    def start(self) -> FakeHub:
        if self._server is not None:
            return self
        hub = self

        class Handler(_Handler):
            fake_hub = hub

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-hub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        assert self._thread is not None
        self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> FakeHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeHub is not started: call start() or use it as a context manager")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- what tests inspect ----------------------------------------------------------------------------------------

    @property
    def requests(self) -> list[HandledRequest]:
        """Every request handled so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def env(self, tmp_path: Path) -> dict[str, str]:
        """An ``os.environ`` copy for a subprocess whose ``huggingface_hub`` talks to this hub, caching under tmp_path."""
        env = dict(os.environ)
        for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE", "HUGGINGFACE_HUB_CACHE"):
            env.pop(name, None)
        home = Path(tmp_path) / "hf-home"
        env["HF_ENDPOINT"] = self.url
        env["HF_HOME"] = str(home)
        env["HF_HUB_CACHE"] = str(home / "hub")
        env["HF_HUB_DISABLE_TELEMETRY"] = "1"
        # A proxy configured on the machine must not see requests meant for the local server.
        for name in ("NO_PROXY", "no_proxy"):
            env[name] = ",".join(filter(None, [env.get(name, ""), "127.0.0.1", "localhost"]))
        if self.token is None:
            env.pop("HF_TOKEN", None)
        else:
            env["HF_TOKEN"] = self.token
        return env

    def files(self, repo_id: str, revision: str = "main", repo_type: str = "model") -> dict[str, bytes]:
        """The snapshot of a repo at a revision, read directly (no request is logged)."""
        with self._lock:
            return dict(self._repo(repo_type, repo_id).resolve(revision).files)

    def branches(self, repo_id: str, repo_type: str = "model") -> dict[str, str]:
        with self._lock:
            return dict(self._repo(repo_type, repo_id).branches)

    # -- request handling (called by the handler threads) ----------------------------------------------------------

    def _log(self, method: str, path: str) -> None:
        with self._lock:
            self._requests.append(HandledRequest(method, path))

    def _repo(self, repo_type: str, repo_id: str) -> Repo:
        repo = self._repos.get((repo_type, repo_id))
        if repo is None:
            raise HubError(404, f"Repository {repo_id} not found", "RepoNotFound")
        return repo

    def _readable_repo(self, repo_type: str, repo_id: str, authorized: bool) -> Repo:
        repo = self._repo(repo_type, repo_id)
        if repo.private and not authorized:
            # The Hub hides private repos from callers without access.
            raise HubError(401, f"Repository {repo_id} not found", "RepoNotFound")
        return repo

    def handle(self, method: str, parts: list[str], query: dict[str, str], body: bytes, auth: str | None) -> _Answer:
        authorized = self._check_auth(auth)
        writing = method == "POST" and parts[:2] != ["api", "validate-yaml"]
        if writing and not authorized:
            raise HubError(401, "You must be authenticated to write to this hub (Authorization: Bearer <token>)")
        with self._lock:
            if parts[:1] == ["api"]:
                return self._api(method, parts[1:], query, body, authorized)
            if method in ("GET", "HEAD"):
                return self._resolve(parts, authorized, head=method == "HEAD")
        raise HubError(404, f"No such endpoint: {method} /{'/'.join(parts)}")

    def _check_auth(self, auth: str | None) -> bool:
        if self.token is None:
            return True
        if auth is None:
            return False
        if auth != f"Bearer {self.token}":
            raise HubError(401, _INVALID_CREDENTIALS)
        return True

    def _api(self, method: str, parts: list[str], query: dict[str, str], body: bytes, authorized: bool) -> _Answer:
        if method == "POST" and parts == ["repos", "create"]:
            return self._create_repo(_json(body))
        if method == "GET" and parts == ["whoami-v2"]:
            return _Answer.json({"type": "user", "name": USER, "fullname": USER, "orgs": [], "auth": {}})
        if method == "POST" and parts == ["validate-yaml"]:
            return _Answer.json({"errors": [], "warnings": []})
        if len(parts) < 3 or parts[0] not in _TYPES:
            raise HubError(404, f"No such endpoint: {method} /api/{'/'.join(parts)}")
        repo_type, repo_id, rest = _TYPES[parts[0]], f"{parts[1]}/{parts[2]}", parts[3:]
        repo = self._readable_repo(repo_type, repo_id, authorized)
        action, args = (rest[0], rest[1:]) if rest else ("revision", ["main"])
        if method == "GET" and action == "revision" and len(args) == 1:
            return self._info(repo, repo.resolve(args[0]))
        if method == "GET" and action == "tree" and args:
            return self._tree(
                repo, repo.resolve(args[0]), "/".join(args[1:]), query.get("recursive", "").lower() == "true"
            )
        if method == "POST" and action == "preupload" and len(args) == 1:
            return self._preupload(repo, args[0], query, _json(body))
        if method == "POST" and action == "commit" and len(args) == 1:
            return self._commit(repo, args[0], query, body)
        if method == "POST" and action == "branch" and len(args) == 1:
            return self._create_branch(repo, args[0], _json(body))
        raise HubError(404, f"No such endpoint: {method} /api/{'/'.join(parts)}")

    def _create_repo(self, payload: dict[str, Any]) -> _Answer:
        repo_type = payload.get("type") or "model"
        if repo_type not in _TYPES.values():
            raise HubError(400, f"Repo type {repo_type!r} is not supported by this hub (models and datasets only)")
        name = payload.get("name")
        if not name:
            raise HubError(400, "Missing repo name")
        repo_id = f"{payload.get('organization') or USER}/{name}"
        private = bool(payload.get("private")) or payload.get("visibility") == "private"
        prefix = "" if repo_type == "model" else "datasets/"
        url = f"{self.url}/{prefix}{repo_id}"
        if (repo_type, repo_id) in self._repos:
            raise HubError(409, "You already created this repo", extra={"url": url})
        self._repos[(repo_type, repo_id)] = Repo(repo_type, repo_id, private)
        return _Answer.json({"url": url, "name": repo_id, "id": repo_id})

    def _info(self, repo: Repo, commit: Commit) -> _Answer:
        siblings = [
            {"rfilename": path, "size": len(data), "blobId": git_blob_sha1(data)}
            for path, data in sorted(commit.files.items())
        ]
        namespace = repo.repo_id.split("/")[0]
        return _Answer.json(
            {
                "_id": hashlib.sha1(f"{repo.repo_type}/{repo.repo_id}".encode()).hexdigest()[:24],
                "id": repo.repo_id,
                "author": namespace,
                "sha": commit.sha,
                "lastModified": _iso(commit.timestamp),
                "createdAt": _iso(repo.created),
                "private": repo.private,
                "gated": False,
                "disabled": False,
                "downloads": 0,
                "likes": 0,
                "tags": [],
                "siblings": siblings,
            }
        )

    def _tree(self, repo: Repo, commit: Commit, base: str, recursive: bool) -> _Answer:
        base = base.strip("/")
        prefix = f"{base}/" if base else ""
        if base and base not in commit.files and not any(p.startswith(prefix) for p in commit.files):
            raise HubError(
                404, f"{base} does not exist on {commit.sha}", "EntryNotFound", {"X-Repo-Commit": commit.sha}
            )
        if base in commit.files:
            raise HubError(400, f"{base} is a file, not a folder")
        entries: dict[str, dict[str, Any]] = {}
        for path, data in sorted(commit.files.items()):
            if not path.startswith(prefix):
                continue
            rest = path[len(prefix) :].split("/")
            depth = len(rest) if recursive else 1
            for i in range(1, min(depth, len(rest) - 1) + 1):
                folder = prefix + "/".join(rest[:i])
                oid = hashlib.sha1(f"tree {commit.sha} {folder}".encode()).hexdigest()
                entries.setdefault(folder, {"type": "directory", "oid": oid, "size": 0, "path": folder})
            if recursive or len(rest) == 1:
                entries[path] = {"type": "file", "oid": git_blob_sha1(data), "size": len(data), "path": path}
        return _Answer.json([entries[p] for p in sorted(entries)])

    def _branch_head(self, repo: Repo, revision: str, query: dict[str, str]) -> Commit:
        if query.get("create_pr") == "1":
            raise HubError(400, "Pull requests are not supported by this hub: commit to a branch instead")
        if revision not in repo.branches:
            if _SHA_RE.fullmatch(revision) and revision in repo.commits:
                raise HubError(400, f"Cannot commit to a commit sha ({revision}): name a branch")
            raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return repo.commits[repo.branches[revision]]

    def _preupload(self, repo: Repo, revision: str, query: dict[str, str], payload: dict[str, Any]) -> _Answer:
        head = self._branch_head(repo, revision, query)
        files = []
        for entry in payload.get("files", []):
            path = entry["path"]
            existing = head.files.get(path)
            oid = git_blob_sha1(existing) if existing is not None else None
            files.append({"path": path, "uploadMode": "regular", "shouldIgnore": False, "oid": oid})
        return _Answer.json({"files": files, "commitOid": head.sha})

    def _commit(self, repo: Repo, revision: str, query: dict[str, str], body: bytes) -> _Answer:
        head = self._branch_head(repo, revision, query)
        lines = [json.loads(line) for line in body.decode("utf-8").splitlines() if line.strip()]
        if not lines or lines[0].get("key") != "header":
            raise HubError(400, "A commit body starts with a 'header' line")
        header = lines[0]["value"]
        parent = header.get("parentCommit")
        if parent is not None and parent != head.sha:
            raise HubError(409, f"Parent commit {parent} is not the head of {revision} ({head.sha})")
        files = dict(head.files)
        for line in lines[1:]:
            key, value = line.get("key"), line.get("value") or {}
            path = str(value.get("path", "")).strip("/")
            if key == "file":
                content = value.get("content", "")
                files[path] = base64.b64decode(content) if value.get("encoding") == "base64" else content.encode()
            elif key == "deletedFile":
                if files.pop(path, None) is None:
                    raise HubError(404, f"A file with this name doesn't exist: {path}", "EntryNotFound")
            elif key == "deletedFolder":
                inside = [p for p in files if p.startswith(f"{path}/")]
                if not inside:
                    raise HubError(404, f"A folder with this name doesn't exist: {path}", "EntryNotFound")
                for p in inside:
                    del files[p]
            elif key == "lfsFile":
                raise HubError(400, f"LFS is not supported by this hub ({path}): preupload answers 'regular' only")
            else:
                raise HubError(
                    400, f"Unsupported commit operation {key!r} (this hub takes file/deletedFile/deletedFolder)"
                )
        commit = repo.commit(revision, header.get("summary") or "", files)
        prefix = "" if repo.repo_type == "model" else "datasets/"
        return _Answer.json(
            {
                "success": True,
                "commitOid": commit.sha,
                "commitUrl": f"{self.url}/{prefix}{repo.repo_id}/commit/{commit.sha}",
            }
        )

    def _create_branch(self, repo: Repo, branch: str, payload: dict[str, Any]) -> _Answer:
        if branch in repo.branches:
            raise HubError(409, f"Branch {branch} already exists")
        start = repo.resolve(payload.get("startingPoint") or "main")
        repo.branches[branch] = start.sha
        return _Answer.json({})

    def _resolve(self, parts: list[str], authorized: bool, head: bool) -> _Answer:
        repo_type = "model"
        if parts[:1] == ["datasets"]:
            repo_type, parts = "dataset", parts[1:]
        if len(parts) < 5 or parts[2] != "resolve":
            raise HubError(404, f"No such endpoint: /{'/'.join(parts)}")
        repo = self._readable_repo(repo_type, f"{parts[0]}/{parts[1]}", authorized)
        commit = repo.resolve(parts[3])
        path = "/".join(parts[4:])
        data = commit.files.get(path)
        if data is None:
            raise HubError(
                404, f"{path} does not exist on {commit.sha}", "EntryNotFound", {"X-Repo-Commit": commit.sha}
            )
        headers = {
            "Content-Type": "application/octet-stream",
            "X-Repo-Commit": commit.sha,
            "ETag": f'"{git_blob_sha1(data)}"',
            "Accept-Ranges": "none",
        }
        return _Answer(200, b"" if head else data, headers, length=len(data))


class _Answer(NamedTuple):
    status: int
    body: bytes
    headers: dict[str, str]
    length: int

    @staticmethod
    def json(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> _Answer:
        body = json.dumps(value).encode()
        return _Answer(status, body, {"Content-Type": "application/json", **(headers or {})}, len(body))


def _json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body or b"{}")
    except ValueError as err:
        raise HubError(400, f"Body is not JSON: {err}") from err
    if not isinstance(value, dict):
        raise HubError(400, "Body must be a JSON object")
    return value


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 keeps the client's connections open between requests; every answer sets Content-Length.
    protocol_version = "HTTP/1.1"
    fake_hub: FakeHub

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _dispatch(self, method: str) -> None:
        split = urlsplit(self.path)
        # Split before decoding: the client quotes revisions and tree paths with safe="" (a%2Fb is one segment).
        parts = [unquote(p) for p in split.path.strip("/").split("/") if p]
        query = {k: v[-1] for k, v in parse_qs(split.query).items()}
        self.fake_hub._log(method, unquote(split.path))
        body = self._read_body()
        try:
            try:
                answer = self.fake_hub.handle(method, parts, query, body, self.headers.get("Authorization"))
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                # A 4xx, not a 5xx: the client retries 5xx answers with backoff, which would only slow a test down.
                raise HubError(400, f"Malformed request: {type(err).__name__}: {err}") from err
        except HubError as err:
            headers = {"X-Error-Message": err.message, **err.headers}
            if err.code is not None:
                headers["X-Error-Code"] = err.code
            answer = _Answer.json({"error": err.message, **err.extra}, err.status, headers)
        self.send_response(answer.status, HTTPStatus(answer.status).phrase)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(answer.length))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(answer.body)


@pytest.fixture
def fake_hub() -> Iterator[FakeHub]:
    """A started FakeHub (with a token) for one test."""
    with FakeHub() as hub:
        yield hub


def assert_published(hub: FakeHub, repo: str, folder: Path, model_files: set[str]) -> dict[str, bytes]:
    """The repository ``repo`` holds ``folder``'s ``model_files`` byte for byte, its card and no
    checkpoint; its kp.json is the folder's record with this machine's paths reduced to their
    names (what ``kp publish`` sends)."""
    from kp_core.hub.public import public_manifest

    files = hub.files(repo)
    assert set(model_files) | {"README.md", "kp.json"} <= set(files), sorted(files)
    assert not [name for name in files if name.startswith("checkpoints/")], sorted(files)
    for name in set(model_files) - {"README.md", "kp.json"}:
        assert files[name] == (folder / name).read_bytes(), name
    local = json.loads((folder / "kp.json").read_text(encoding="utf-8"))
    assert json.loads(files["kp.json"]) == public_manifest(local)
    assert str(folder.parent) not in files["kp.json"].decode("utf-8")
    assert repo in files["README.md"].decode("utf-8")
    return files
