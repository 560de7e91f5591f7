"""The in-memory Hub (tests/hub_server.py) against the real huggingface_hub client.

huggingface_hub reads HF_ENDPOINT and HF_HUB_OFFLINE at import, and the test run sets HF_HUB_OFFLINE=1, so the
client runs in a subprocess with the environment FakeHub.env gives it; the test reads what it printed (JSON).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.hub_server import FakeHub, HubError, fake_hub  # noqa: F401

PRELUDE = """
import json, os, sys
from pathlib import Path
import huggingface_hub
from huggingface_hub import HfApi, hf_hub_download, snapshot_download
from huggingface_hub.errors import EntryNotFoundError, HfHubHTTPError

api = HfApi()

def out(value):
    print(json.dumps(value))

def catch(call):
    try:
        call()
    except Exception as err:
        response = getattr(err, "response", None)
        return {
            "type": type(err).__name__,
            "entry_not_found": isinstance(err, EntryNotFoundError),
            "status": response.status_code if response is not None else None,
        }
    return None

def tree(root):
    return {p.relative_to(root).as_posix(): str(p) for p in sorted(Path(root).rglob("*")) if p.is_file()}
"""


def run_client(hub: FakeHub, tmp_path: Path, code: str, **env: str) -> Any:
    """Runs client code in a fresh interpreter pointed at the hub; returns the JSON of its last printed line."""
    full_env = hub.env(tmp_path)
    full_env["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    full_env.update(env)
    proc = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(code)],
        env=full_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"client failed:\n{proc.stderr[-4000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def read_tree(paths: dict[str, str]) -> dict[str, bytes]:
    return {name: Path(path).read_bytes() for name, path in paths.items()}


def write_files(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def raw_request(hub: FakeHub, method: str, path: str, body: bytes = b"", token: str | None = None) -> tuple[int, Any]:
    """A request without the client (for what the client never sends); returns status and decoded JSON."""
    headers = {"Authorization": f"Bearer {token or hub.token}"}
    request = urllib.request.Request(hub.url + path, data=body or None, method=method, headers=headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, {"error": err.headers.get("X-Error-Message"), "code": err.headers.get("X-Error-Code")}


BINARY = bytes(range(256)) * 1200 + os.urandom(4096)  # ~300 KB, every byte value, not valid UTF-8
FIRST = {
    "README.md": b"---\nlicense: mit\n---\n# kp test model\n",
    "config.json": b'{"labels": ["PERSON", "EMAIL"]}\n',
    "weights/model.bin": BINARY,
    "weights/nested/deep/notes.txt": "ünïcode\r\nand CRLF\n".encode(),
    "old/stale.txt": b"stale\n",
    "empty.txt": b"",
}
IGNORED = {"train.log": b"noise\n", "tmp/scratch.txt": b"scratch\n"}


def test_push_pull_history_and_offline_cache(fake_hub: FakeHub, tmp_path: Path) -> None:  # noqa: F811
    first_dir = write_files(tmp_path / "first", {**FIRST, **IGNORED})
    second_dir = write_files(tmp_path / "second", {"config.json": b'{"labels": ["PERSON"]}\n', "added.txt": b"new\n"})
    result = run_client(
        fake_hub,
        tmp_path,
        f"""
        api.create_repo("kp/model", exist_ok=True)
        first = api.upload_folder(folder_path={str(first_dir)!r}, repo_id="kp/model", ignore_patterns=["*.log", "tmp/*"])
        files_after_first = api.list_repo_files("kp/model")
        second = api.upload_folder(folder_path={str(second_dir)!r}, repo_id="kp/model", delete_patterns=["old/*"])
        third = api.upload_file(path_or_fileobj=b"single\\n", path_in_repo="single/file.txt", repo_id="kp/model")
        fourth = api.delete_folder("weights/nested", repo_id="kp/model")
        info = api.model_info("kp/model")
        out({{
            "shas": [first.oid, second.oid, third.oid, fourth.oid],
            "files_after_first": files_after_first,
            "info": {{"sha": info.sha, "private": info.private, "siblings": [s.rfilename for s in info.siblings],
                      "modified": info.last_modified is not None}},
            "files": api.list_repo_files("kp/model"),
            "head": tree(snapshot_download("kp/model")),
            "first": tree(snapshot_download("kp/model", revision=first.oid)),
            "weights_only": tree(snapshot_download("kp/model", allow_patterns=["weights/*.bin"], revision=second.oid)),
        }})
        """,
    )
    first_sha, second_sha, third_sha, fourth_sha = result["shas"]
    assert len(set(result["shas"])) == 4

    # ignore_patterns kept the log and tmp/ out; nested folders and the empty file arrived.
    assert sorted(result["files_after_first"]) == sorted(FIRST)
    assert read_tree(result["first"]) == FIRST  # byte for byte, binary and CRLF included

    # delete_patterns removed old/, upload_file added one file, delete_folder removed a folder.
    head = {
        "README.md": FIRST["README.md"],
        "config.json": b'{"labels": ["PERSON"]}\n',
        "added.txt": b"new\n",
        "weights/model.bin": BINARY,
        "single/file.txt": b"single\n",
        "empty.txt": b"",
    }
    assert sorted(result["files"]) == sorted(head)
    assert read_tree(result["head"]) == head
    assert result["info"] == {"sha": fourth_sha, "private": False, "siblings": sorted(head), "modified": True}
    assert (
        fake_hub.files("kp/model", third_sha)["weights/nested/deep/notes.txt"] == FIRST["weights/nested/deep/notes.txt"]
    )

    # allow_patterns fetched the weights only, and only the pinned commit's files were asked for.
    assert read_tree(result["weights_only"]) == {"weights/model.bin": BINARY}
    resolved = [r.path for r in fake_hub.requests if "/resolve/" in r.path]
    assert f"/kp/model/resolve/{second_sha}/weights/model.bin" in resolved
    assert not any(p.startswith(f"/kp/model/resolve/{second_sha}/config") for p in resolved)

    # Offline, the same downloads come from the cache and nothing reaches the server.
    fake_hub.clear_requests()
    offline = run_client(
        fake_hub,
        tmp_path,
        f"""
        out({{"head": tree(snapshot_download("kp/model")),
              "first": tree(snapshot_download("kp/model", revision={first_sha!r}))}})
        """,
        HF_HUB_OFFLINE="1",
    )
    assert read_tree(offline["head"]) == head
    assert read_tree(offline["first"]) == FIRST
    assert fake_hub.requests == []


def test_branches_datasets_and_create_repo(fake_hub: FakeHub, tmp_path: Path) -> None:  # noqa: F811
    rows = b'{"text": "Anna Rossi, Via Roma 1", "spans": []}\n' * 500
    (tmp_path / "train.jsonl").write_bytes(rows)
    result = run_client(
        fake_hub,
        tmp_path,
        """
        for _ in range(2):  # exist_ok, twice over, for both repo types
            api.create_repo("kp/model", exist_ok=True)
            api.create_repo("kp/data", repo_type="dataset", exist_ok=True)
        again = catch(lambda: api.create_repo("kp/model"))
        api.upload_file(path_or_fileobj=b"main\\n", path_in_repo="base.txt", repo_id="kp/model")
        api.create_branch("kp/model", branch="dev")
        api.upload_file(path_or_fileobj=b"dev only\\n", path_in_repo="dev/extra.txt", repo_id="kp/model", revision="dev")
        api.upload_file(path_or_fileobj="train.jsonl", path_in_repo="data/train.jsonl", repo_id="kp/data",
                        repo_type="dataset")
        out({
            "again": again,
            "dev": tree(snapshot_download("kp/model", revision="dev")),
            "main": tree(snapshot_download("kp/model")),
            "dataset_file": hf_hub_download("kp/data", "data/train.jsonl", repo_type="dataset"),
            "dataset_files": api.list_repo_files("kp/data", repo_type="dataset"),
            "dataset_sha": api.dataset_info("kp/data").sha,
            "dev_sha": api.model_info("kp/model", revision="dev").sha,
        })
        """,
    )
    assert result["again"] == {"type": "HfHubHTTPError", "entry_not_found": False, "status": 409}
    assert read_tree(result["dev"]) == {"base.txt": b"main\n", "dev/extra.txt": b"dev only\n"}
    assert read_tree(result["main"]) == {"base.txt": b"main\n"}
    assert Path(result["dataset_file"]).read_bytes() == rows
    assert result["dataset_files"] == ["data/train.jsonl"]
    assert result["dev_sha"] == fake_hub.branches("kp/model")["dev"] != fake_hub.branches("kp/model")["main"]
    assert result["dataset_sha"] == fake_hub.branches("kp/data", repo_type="dataset")["main"]
    assert ("HEAD", "/datasets/kp/data/resolve/main/data/train.jsonl") in fake_hub.requests
    assert sum(r.path == "/api/repos/create" for r in fake_hub.requests) == 5


def test_errors_reach_the_client_as_its_own_types(fake_hub: FakeHub, tmp_path: Path) -> None:  # noqa: F811
    result = run_client(
        fake_hub,
        tmp_path,
        """
        api.create_repo("kp/model")
        api.upload_file(path_or_fileobj=b"x", path_in_repo="x.txt", repo_id="kp/model")
        api.create_repo("kp/secret", private=True)
        anonymous = HfApi(token=False)
        wrong = HfApi(token="hf_wrong")
        out({
            "missing_repo": catch(lambda: api.model_info("kp/nope")),
            "missing_repo_download": catch(lambda: snapshot_download("kp/nope")),
            "missing_dataset": catch(lambda: hf_hub_download("kp/model", "x.txt", repo_type="dataset")),
            "missing_file": catch(lambda: hf_hub_download("kp/model", "nope.txt")),
            "missing_revision": catch(lambda: hf_hub_download("kp/model", "x.txt", revision="nope")),
            "missing_sha": catch(lambda: api.model_info("kp/model", revision="0" * 40)),
            "bad_token_read": catch(lambda: wrong.model_info("kp/model")),
            "bad_token_write": catch(lambda: wrong.upload_file(path_or_fileobj=b"y", path_in_repo="y.txt",
                                                               repo_id="kp/model")),
            "anonymous_write": catch(lambda: anonymous.create_repo("kp/other")),
            "anonymous_private": catch(lambda: anonymous.model_info("kp/secret")),
            "owner_private": api.model_info("kp/secret").private,
            "public_read": anonymous.model_info("kp/model").siblings[0].rfilename,
        })
        """,
    )
    not_found = {"type": "RepositoryNotFoundError", "entry_not_found": False}
    assert result["missing_repo"] == {**not_found, "status": 404}
    assert result["missing_repo_download"] == {**not_found, "status": 404}
    assert result["missing_dataset"] == {**not_found, "status": 404}
    assert result["missing_file"] == {"type": "RemoteEntryNotFoundError", "entry_not_found": True, "status": 404}
    assert result["missing_revision"]["type"] == "RevisionNotFoundError"
    assert result["missing_sha"]["type"] == "RevisionNotFoundError"
    assert result["bad_token_read"] == {"type": "HfHubHTTPError", "entry_not_found": False, "status": 401}
    assert result["bad_token_write"] == {"type": "HfHubHTTPError", "entry_not_found": False, "status": 401}
    assert result["anonymous_write"]["status"] == 401
    assert result["anonymous_private"] == {**not_found, "status": 401}
    assert result["owner_private"] is True
    assert result["public_read"] == "x.txt"
    # Nothing the failed writes sent changed the repo.
    assert fake_hub.files("kp/model") == {"x.txt": b"x"}
    with pytest.raises(HubError, match="not found"):
        fake_hub.files("kp/other")


def test_commit_endpoint_refuses_lfs_and_stale_parents(fake_hub: FakeHub) -> None:  # noqa: F811
    assert (
        raw_request(fake_hub, "POST", "/api/repos/create", json.dumps({"name": "m", "organization": "kp"}).encode())[0]
        == 200
    )
    head = fake_hub.branches("kp/m")["main"]

    status, body = raw_request(
        fake_hub,
        "POST",
        "/api/models/kp/m/preupload/main",
        json.dumps({"files": [{"path": "big.bin", "size": 10**10, "sample": ""}]}).encode(),
    )
    assert status == 200
    assert body["files"] == [{"path": "big.bin", "uploadMode": "regular", "shouldIgnore": False, "oid": None}]

    def commit(*lines: dict[str, Any]) -> tuple[int, Any]:
        ndjson = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
        return raw_request(fake_hub, "POST", "/api/models/kp/m/commit/main", ndjson)

    header = {"key": "header", "value": {"summary": "add"}}
    lfs = {"key": "lfsFile", "value": {"path": "big.bin", "algo": "sha256", "oid": "0" * 64, "size": 10}}
    status, body = commit(header, lfs)
    assert status == 400 and "LFS" in body["error"]
    stale = {"key": "header", "value": {"summary": "add", "parentCommit": "f" * 40}}
    assert commit(stale, {"key": "file", "value": {"path": "a", "content": "YQ==", "encoding": "base64"}})[0] == 409
    missing = commit(header, {"key": "deletedFile", "value": {"path": "nope"}})
    assert missing == (404, {"error": "A file with this name doesn't exist: nope", "code": "EntryNotFound"})
    junk = raw_request(fake_hub, "POST", "/api/models/kp/m/commit/main", b"not json\n")
    assert junk[0] == 400 and junk[1]["error"].startswith("Malformed request")
    assert fake_hub.branches("kp/m")["main"] == head  # refused commits leave the branch alone

    status, body = commit(header, {"key": "file", "value": {"path": "a", "content": "YQ==", "encoding": "base64"}})
    assert status == 200 and fake_hub.files("kp/m", body["commitOid"]) == {"a": b"a"}
    assert raw_request(fake_hub, "GET", "/api/models/kp/m", token="hf_wrong")[0] == 401


def test_same_history_gives_same_commit_shas() -> None:
    def history() -> list[str]:
        with FakeHub(token=None) as hub:
            raw_request(hub, "POST", "/api/repos/create", json.dumps({"name": "m", "organization": "kp"}).encode())
            line = {"key": "file", "value": {"path": "a.txt", "content": "aGk=", "encoding": "base64"}}
            body = b"\n".join(json.dumps(x).encode() for x in ({"key": "header", "value": {"summary": "s"}}, line))
            sha = raw_request(hub, "POST", "/api/models/kp/m/commit/main", body)[1]["commitOid"]
            return [
                hub.files("kp/m", sha)["a.txt"].decode(),
                sha,
                raw_request(hub, "GET", "/api/models/kp/m")[1]["sha"],
            ]

    first, second = history(), history()
    assert first == second
    assert first[0] == "hi" and first[1] == first[2]


@pytest.mark.parametrize("token", [None, "hf_secret"])
def test_env_points_a_subprocess_at_the_hub(tmp_path: Path, token: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("HF_TOKEN", "hf_from_outside")
    with FakeHub(token=token) as hub:
        env = hub.env(tmp_path)
        assert env["HF_ENDPOINT"] == hub.url and hub.url.startswith("http://127.0.0.1:")
        assert "HF_HUB_OFFLINE" not in env and "TRANSFORMERS_OFFLINE" not in env
        assert env.get("HF_TOKEN") == token
        assert Path(env["HF_HUB_CACHE"]).is_relative_to(tmp_path) and Path(env["HF_HOME"]).is_relative_to(tmp_path)
    with pytest.raises(RuntimeError, match="not started"):
        _ = hub.url
