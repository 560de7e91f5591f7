"""kp serve's app in-process (starlette's TestClient) with the rules family and example-tagger,
and `kp serve` itself on 127.0.0.1: endpoints, limits, auth, metrics, and a log with no PII."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from kp_core import sdk
from kp_core.serve.app import ACCESS_LOGGER, ServeSettings, create_app

TEXT = "CNP 1800101221144, tel +40 721 234 567"
KEY = b"serve tests key, 16+ bytes, not secret"


def rules():
    return sdk.detector("rules")


def client(load=rules, **settings) -> TestClient:
    return TestClient(create_app(load, ServeSettings(**settings)))


def wait_ready(c: TestClient) -> None:
    for _ in range(200):
        if c.get("/readyz").status_code == 200:
            return
        time.sleep(0.02)
    raise AssertionError("never ready")


@pytest.fixture
def served():
    with client() as c:
        wait_ready(c)
        yield c


def test_extract_one_text_and_many(served: TestClient) -> None:
    one = served.post("/v1/extract", json={"text": TEXT})
    assert one.status_code == 200
    assert [(s["start"], s["end"], s["label"]) for s in one.json()["spans"]] == [
        (4, 17, "NATIONAL_ID"),
        (23, 38, "PHONE"),
    ]
    assert all(isinstance(s["score"], float) for s in one.json()["spans"])
    many = served.post("/v1/extract", json={"texts": [TEXT, "nothing here", TEXT]})
    expected = [
        [(s.start, s.end, s.label) for s in doc] for doc in sdk.extract_pii([TEXT, "nothing here", TEXT], "rules")
    ]
    got = [[(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in many.json()["results"]]
    assert got == expected and got[1] == []
    assert served.post("/v1/extract", json={"texts": []}).json() == {"results": []}
    assert re.fullmatch(r"[0-9a-f]{16}", one.headers["x-request-id"])


def test_extract_labels_filter(served: TestClient) -> None:
    spans = served.post("/v1/extract", json={"text": TEXT, "labels": ["PHONE"]}).json()["spans"]
    assert [s["label"] for s in spans] == ["PHONE"]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (None, "CNP █, tel █"),
        ("replace", "CNP <NATIONAL_ID>, tel <PHONE>"),
        ({"PHONE": "replace", "DEFAULT": {"method": "mask", "char": "#"}}, "CNP #############, tel <PHONE>"),
    ],
)
def test_deidentify_methods(served: TestClient, method, expected: str) -> None:
    body = {"text": TEXT} if method is None else {"text": TEXT, "method": method}
    assert served.post("/v1/deidentify", json=body).json() == {"text": expected}


def test_deidentify_options_and_their_refusals(served: TestClient) -> None:
    masked = served.post("/v1/deidentify", json={"texts": [TEXT], "method": "mask", "options": {"char": "x"}})
    assert masked.json()["results"][0]["text"] == "CNP xxxxxxxxxxxxx, tel xxx xxx xxx xxx"
    for body, field in [
        ({"text": TEXT, "method": "mask", "options": {"key": "k" * 20}}, "options: key cannot be set by a request"),
        ({"text": TEXT, "method": "mask", "options": {"vault": "/tmp/v"}}, "options: vault cannot be set"),
        ({"text": TEXT, "method": "nope"}, "method: not an operator"),
        ({"text": TEXT, "method": "replace", "options": {"template": "{0}"}}, "options.template may hold only"),
        ({"text": TEXT, "method": "redact", "language": "ro"}, "language and country apply to the pseudonymize"),
    ]:
        answer = served.post("/v1/deidentify", json=body)
        assert answer.status_code == 422, body
        assert field in answer.json()["error"]
    hashed = served.post("/v1/deidentify", json={"text": TEXT, "method": "hash"})
    assert hashed.status_code == 503 and "--key-file" in hashed.json()["error"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "must be a JSON object, not a list"),
        (b"", "has no body"),
        (json.dumps({"texts": "one"}).encode(), "texts must be a list of strings, not a string"),
        (json.dumps({"texts": ["a", 3]}).encode(), "texts[1] must be a string, not a number"),
        (json.dumps({"text": "a", "texts": ["b"]}).encode(), "exactly one of text"),
        (json.dumps({"texts": ["a"], "colour": 1}).encode(), "1 unknown field(s) (names not repeated"),
        (json.dumps({"texts": ["a"], "labels": ["NOT_A_TYPE"]}).encode(), "labels: 1 name(s) are not KP types"),
    ],
)
def test_bad_bodies_are_422_naming_the_field(served: TestClient, body: bytes, message: str) -> None:
    answer = served.post("/v1/extract", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert message in answer.json()["error"]
    assert answer.json()["request_id"] == answer.headers["x-request-id"]


def test_limits_bytes_docs_and_time() -> None:
    with client(max_request_bytes=200, max_docs=3) as c:
        wait_ready(c)
        big = c.post("/v1/extract", json={"text": "x" * 300})
        assert big.status_code == 413 and "200 bytes" in big.json()["error"]
        chunked = c.post("/v1/extract", content=iter([b'{"text": "', b"x" * 300, b'"}']))
        assert chunked.status_code == 413
        many = c.post("/v1/extract", json={"texts": ["a"] * 4})
        assert many.status_code == 413 and "at most 3" in many.json()["error"]
        assert c.post("/v1/extract", json={"texts": ["a"] * 3}).status_code == 200

    def slow():
        inner = sdk.detector("rules")

        class Slow:
            def predict_spans(self, texts):
                time.sleep(0.5)
                return inner.predict_spans(texts)

        return Slow()

    with client(slow, timeout_s=0.1) as c:
        wait_ready(c)
        late = c.post("/v1/extract", json={"text": TEXT})
        assert late.status_code == 504 and "0.1 s" in late.json()["error"]


def test_bearer_token() -> None:
    with client(token="s3cret-token") as c:
        wait_ready(c)  # health, readiness and metrics stay open for probes
        assert c.post("/v1/extract", json={"text": TEXT}).status_code == 401
        wrong = c.post("/v1/extract", json={"text": TEXT}, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        ok = c.post("/v1/extract", json={"text": TEXT}, headers={"authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200
        assert c.get("/metrics").status_code == 200


def test_readyz_waits_for_the_model_and_reports_a_failed_load() -> None:
    gate = threading.Event()

    def gated():
        gate.wait(10)
        return rules()

    with client(gated) as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/readyz").json() == {"status": "loading"}
        early = c.post("/v1/extract", json={"text": TEXT})
        assert early.status_code == 503 and "not loaded yet" in early.json()["error"]
        gate.set()
        wait_ready(c)
        assert c.post("/v1/extract", json={"text": TEXT}).status_code == 200

    def broken():
        from kp_core.errors import KpError

        raise KpError("no such model folder ./missing")

    with client(broken) as c:
        for _ in range(100):
            if c.get("/readyz").json()["status"] == "failed":
                break
            time.sleep(0.02)
        assert c.get("/readyz").status_code == 503
        assert "no such model folder" in c.get("/readyz").json()["error"]


def test_pseudonymize_and_reidentify_with_the_servers_key_and_vault(tmp_path: Path) -> None:
    vault = str(tmp_path / "pii.vault")
    with client(key=KEY, vault=vault) as c:
        wait_ready(c)
        out = c.post("/v1/pseudonymize", json={"texts": [TEXT], "language": "ro", "country": "RO"}).json()["results"][0]
        assert out["text"] != TEXT and "1800101221144" not in out["text"]
        assert out["surrogates"]["1800101221144"] in out["text"]
        back = c.post("/v1/reidentify", json={"text": out["text"]})
        assert back.json() == {"text": TEXT}
        same = c.post("/v1/deidentify", json={"text": TEXT, "method": "pseudonymize", "language": "ro"}).json()
        assert same["text"] == out["text"]  # one key, one vault: the same surrogates
        hashed = c.post("/v1/deidentify", json={"text": TEXT, "method": "hash", "options": {"length": 8}}).json()
        assert re.fullmatch(r"CNP [0-9a-f]{8}, tel [0-9a-f]{8}", hashed["text"])
    with client() as c:
        wait_ready(c)
        assert c.post("/v1/reidentify", json={"text": "x"}).status_code == 503


def test_metrics_count_requests_documents_batches_and_latency(served: TestClient) -> None:
    served.post("/v1/extract", json={"texts": [TEXT, TEXT]})
    served.post("/v1/extract", json={"texts": 1})
    text = served.get("/metrics").text
    assert 'kp_serve_requests_total{endpoint="/v1/extract",status="200"} 1' in text
    assert 'kp_serve_requests_total{endpoint="/v1/extract",status="422"} 1' in text
    assert 'kp_serve_documents_total{endpoint="/v1/extract"} 2' in text
    assert 'kp_serve_batch_size_bucket{le="2"} 1' in text and "kp_serve_batch_size_count 1" in text
    assert 'kp_serve_request_seconds_count{endpoint="/v1/extract"} 2' in text
    assert "kp_serve_model_ready 1" in text
    served.get("/not/a/path/with-a-name")
    assert 'endpoint="other",status="404"' in served.get("/metrics").text


def test_openapi_and_docs(served: TestClient) -> None:
    schema = served.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/v1/extract", "/v1/deidentify", "/v1/pseudonymize", "/v1/reidentify"} <= set(schema["paths"])
    page = served.get("/docs")
    assert page.status_code == 200 and "/v1/deidentify" in page.text and "<script" not in page.text


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A tiny example-tagger checkpoint (six steps: its spans need not be good, only its own)."""
    from kp_core.generate.engine import generate_rows

    work = tmp_path_factory.mktemp("tagger")
    rows = generate_rows(languages=["ro", "en"], n=80, seed=1)
    (work / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    train = ["train", "example-tagger", "--base", "none", "--max-steps", "6", "--seed", "3", "--no-progress"]
    done = subprocess.run(
        [sys.executable, "-m", "kp_core", *train, "--data", str(work / "gold.jsonl"), "--out", str(work / "run")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return str(work / "run")


def test_example_tagger_batches_concurrent_requests(tagger: str) -> None:
    """A model whose cost depends on the batch (example-tagger pads to the longest text):
    concurrent requests reach it as one call, and each gets what it would have alone."""
    detector = sdk.detector(tagger)
    texts = [f"Ana Pop, tel +40 721 234 5{i:02d}, CNP 1800101221144" for i in range(12)]
    alone = [[(s.start, s.end, s.label) for s in doc] for doc in detector.predict_spans(texts)]
    seen: list[int] = []

    class Counting:
        def predict_spans(self, batch):
            seen.append(len(batch))
            return detector.predict_spans(batch)

    with client(Counting, max_batch=32, max_wait_ms=200) as c:
        wait_ready(c)
        results: dict[int, list] = {}

        def call(i: int) -> None:
            spans = c.post("/v1/extract", json={"text": texts[i]}).json()["spans"]
            results[i] = [(s["start"], s["end"], s["label"]) for s in spans]

        threads = [threading.Thread(target=call, args=(i,)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [results[i] for i in range(12)] == alone
    assert max(seen) > 1 and sum(seen) == 12


def _free_run(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kp_core", "serve", "--port", "0", "--json", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    line = process.stdout.readline()
    if not line:
        process.kill()
        raise AssertionError(f"kp serve did not start: {process.stderr.read()[-2000:]}")
    return process, json.loads(line)["url"]


def _post(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_kp_serve_logs_no_pii_over_generated_documents(tmp_path: Path) -> None:
    """`kp serve` on 127.0.0.1 over generated documents, through every endpoint and some refusals:
    its whole stdout and stderr hold none of the gold spans' texts."""
    from kp_core.generate.engine import generate_rows

    rows = list(generate_rows(n=40, seed=7))
    gold = {row["text"][s["start"] : s["end"]] for row in rows for s in row["spans"]}
    gold = {g for g in gold if len(g) >= 4}  # 1-3 character spans (initials) occur in any log
    assert len(gold) > 50
    (tmp_path / "key").write_bytes(KEY)
    env = {**os.environ, "KP_DEBUG": "1"}  # even with tracebacks on
    env.pop("KP_PSEUDONYM_KEY", None)
    process, url = _free_run(
        ["--key-file", str(tmp_path / "key"), "--vault", str(tmp_path / "v.db"), "-m", "rules"], env
    )
    try:
        for start in range(0, len(rows), 8):
            texts = [row["text"] for row in rows[start : start + 8]]
            assert _post(f"{url}/v1/extract", {"texts": texts})[0] == 200
            assert _post(f"{url}/v1/deidentify", {"texts": texts, "method": "replace"})[0] == 200
            status, out = _post(f"{url}/v1/pseudonymize", {"texts": texts})
            assert status == 200
            assert _post(f"{url}/v1/reidentify", {"texts": [r["text"] for r in out["results"]]})[0] == 200
        # refusals that hold documents: wrong types, unknown fields, a bad template
        refused = []
        for row in rows[:10]:
            first, values = row["text"], [row["text"][s["start"] : s["end"]] for s in row["spans"]]
            for path, body in [
                ("extract", {"texts": [first], **{v: 1 for v in values}}),
                ("deidentify", {"text": first, "method": values[0]}),
                ("deidentify", {"text": first, "method": "mask", "options": {v: 1 for v in values}}),
                ("extract", {"texts": [first], "labels": values}),
                ("deidentify", {"text": first, "method": {"PERSON": values[0]}}),
                ("deidentify", {"text": first, "method": "replace", "options": {"template": values[0] + "{x}"}}),
            ]:
                status, answer = _post(f"{url}/v1/{path}", body)
                assert status == 422, (path, answer)
                refused.append(json.dumps(answer, ensure_ascii=False))
        leaked = sorted(g for g in gold if any(g in answer for answer in refused))
        assert not leaked, f"{len(leaked)} gold span texts in error answers"
    finally:
        process.terminate()
        stdout, stderr = process.communicate(timeout=30)
    log = stdout + stderr
    assert log.count('"path": "/v1/') >= 24  # the access log was captured
    leaked = sorted(g for g in gold if g in log)
    assert not leaked, f"{len(leaked)} gold span texts in the log"
    assert process.returncode in (0, -signal.SIGTERM)  # uvicorn re-raises SIGTERM once it has shut down


def test_kp_serve_refuses_what_it_cannot_serve(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "kp_core", "serve", "--port", "0"]
    missing = subprocess.run([*run, "-m", "./no/such/model"], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "Error:" in missing.stderr and "Traceback" not in missing.stderr
    no_key = subprocess.run(
        [*run, "--vault", str(tmp_path / "v.db")],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "KP_PSEUDONYM_KEY"},
    )
    assert no_key.returncode == 2 and "needs the key" in no_key.stderr


def test_access_log_lines_carry_counts_not_text(served: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger=ACCESS_LOGGER):
        served.post("/v1/extract", json={"texts": [TEXT, TEXT]})
    line = caplog.records[-1].getMessage()
    assert "path=/v1/extract" in line and "status=200" in line and "docs=2" in line and "request_id=" in line
    assert "1800101221144" not in caplog.text
