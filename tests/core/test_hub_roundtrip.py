"""Models, datasets and checkpoints that travel through the Hub, end to end with the real
huggingface_hub client and the in-memory Hub of tests/hub_server.py.

The family is ``example-tagger`` (numpy, kp-core's own environment); the torch, MLX and GLiNER
families have the same round trips in their environments. Every Hub-touching step is ``kp`` in a
subprocess: huggingface_hub reads ``HF_ENDPOINT`` and ``HF_HUB_OFFLINE`` at import time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.hub_server import FakeHub, fake_hub  # noqa: F401

MODEL = "kp-test/kp-ner-hashed-1m"
DATASET = "kp-test/kp-pii-synth"
TEXTS = [
    "Mario Rossi abita in via Roma 3, 20121 Milano; tel. 333 123 4567.",
    "Anna Lindqvist, personnummer 811228-9874, bor på Storgatan 3 i Uppsala.",
]
TRAIN = ["--base", "none", "--max-steps", "6", "--save-every", "2", "--seed", "3"]


def kp(*args: str, env: dict[str, str], cwd: Path | None = None, expect: int = 0) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "kp_core", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )
    assert result.returncode == expect, f"kp {' '.join(args)} -> {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def offline(env: dict[str, str]) -> dict[str, str]:
    return {**env, "HF_HUB_OFFLINE": "1"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spans(result: subprocess.CompletedProcess) -> list:
    return [json.loads(line)["spans"] for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """Training rows and texts to predict on."""
    env = {k: v for k, v in os.environ.items() if k != "KP_DEBUG"}
    kp("data", "generate", "--docs", "80", "--languages", "it,sv", "--out", str(tmp_path / "train.jsonl"), env=env)
    (tmp_path / "texts.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in TEXTS), encoding="utf-8")
    return tmp_path


def predict(model: str, work: Path, env: dict[str, str]) -> list:
    return spans(kp("predict", "-m", model, "-i", str(work / "texts.jsonl"), "--json", env=env))


def empty_cache(env: dict[str, str]) -> None:
    shutil.rmtree(env["HF_HUB_CACHE"], ignore_errors=True)


def front_matter(card: str) -> dict:
    assert card.startswith("---\n"), card[:200]
    return yaml.safe_load(card.split("---\n", 2)[1])


def test_dataset_and_model_round_trip(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    """kp data push -> kp train --data ORG/NAME:SPLIT --push ORG/NAME -> empty cache -> kp predict -m
    ORG/NAME: the dataset arrives byte for byte, the model gives the local model's spans."""
    env = fake_hub.env(work)
    local = work / "train.jsonl"
    kp("data", "push", str(local), "--repo", DATASET, env=env)
    assert fake_hub.files(DATASET, repo_type="dataset")["data/train.jsonl"] == local.read_bytes()
    card = fake_hub.files(DATASET, repo_type="dataset")["README.md"].decode()
    meta = front_matter(card)
    assert meta["task_categories"] == ["token-classification"] and sorted(meta["language"]) == ["it", "sv"]
    assert "kp-core" in card  # the generator version the rows record
    assert "Mario" not in card  # counts and types only, never a value

    run = work / "run"
    kp("train", "example-tagger", *TRAIN, "--data", f"{DATASET}:train", "--out", str(run), "--push", MODEL, env=env)
    manifest = json.loads((run / "kp.json").read_text())
    assert manifest["data"]["sha256"] == sha256(local)  # the pulled file is the pushed file
    commit = fake_hub.branches(DATASET, repo_type="dataset")["main"]
    assert manifest["data"]["path"] == f"{DATASET}:train"
    assert manifest["data"]["source"] == f"{DATASET}@{commit}:data/train.jsonl"

    pushed = fake_hub.files(MODEL)
    assert {"kp.json", "README.md"} <= set(pushed)
    assert not any(name.startswith("checkpoints/") for name in pushed)
    for name, data in pushed.items():
        if name not in ("README.md", "kp.json"):
            assert data == (run / name).read_bytes(), name
    # The published kp.json is the run's record without this machine's paths.
    published = json.loads(pushed["kp.json"])
    assert published["run"] == manifest["run"] and published["data"]["sha256"] == manifest["data"]["sha256"]
    assert published["training"]["out"] == "run" and str(work) not in pushed["kp.json"].decode()
    assert str(work) not in pushed["README.md"].decode()
    meta = front_matter(pushed["README.md"].decode())
    assert meta["datasets"] == [DATASET] and "kp" in meta["tags"]

    expected = predict(str(run), work, env)
    empty_cache(env)
    assert predict(MODEL, work, env) == expected

    # Offline after the pull: the cache answers and nothing reaches the Hub.
    fake_hub.clear_requests()
    assert predict(MODEL, work, offline(env)) == expected
    assert fake_hub.requests == []


def test_a_pinned_revision_loads_that_commit(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    env = fake_hub.env(work)
    data = str(work / "train.jsonl")
    kp("train", "example-tagger", *TRAIN, "--data", data, "--out", str(work / "a"), "--push", MODEL, env=env)
    first = fake_hub.branches(MODEL)["main"]
    kp(
        "train",
        "example-tagger",
        *TRAIN[:-2],
        "--seed",
        "4",
        "--data",
        data,
        "--out",
        str(work / "b"),
        "--push",
        MODEL,
        env=env,
    )
    assert fake_hub.branches(MODEL)["main"] != first

    script = (
        "from kp_core.plugins.models import resolve_model_ref; import sys; print(resolve_model_ref(sys.argv[1])[1])"
    )
    for ref, run in ((f"{MODEL}@{first}", "a"), (MODEL, "b")):
        out = subprocess.run([sys.executable, "-c", script, ref], capture_output=True, text=True, env=env, check=True)
        folder = Path(out.stdout.strip())
        pulled = json.loads((folder / "kp.json").read_text())
        assert pulled["run"] == json.loads((work / run / "kp.json").read_text())["run"], ref
    assert predict(f"{MODEL}@{first}", work, env) == predict(str(work / "a"), work, env)


def test_resume_from_a_pushed_checkpoint_gives_the_uninterrupted_weights(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    """A run pushing its checkpoints dies after step 4; on an empty folder and an empty cache,
    ``--resume ORG/NAME`` finishes it with the weights of a run that was never interrupted."""
    env = fake_hub.env(work)
    data = str(work / "train.jsonl")
    kp("train", "example-tagger", *TRAIN, "--data", data, "--out", str(work / "whole"), env=env)

    interrupted = textwrap.dedent(
        f"""
        from kp_core.plugins.registry import get_registry
        from kp_core.training import train_family
        from kp_core.training.config import TrainConfig

        class Killed(Exception):
            pass

        def kill(state):
            if state.step == 4:
                raise Killed

        config = TrainConfig(
            family="example-tagger", base="none", dataset={data!r}, out={str(work / "dead")!r}, max_steps=6,
            save_every=2, seed=3, push={MODEL!r}, push_checkpoints=True, progress=False,
        )
        try:
            train_family(get_registry().family("example-tagger"), config, on_step=kill)
        except Killed:
            print("killed at step 4")
        """
    )
    died = subprocess.run([sys.executable, "-c", interrupted], capture_output=True, text=True, env=env, timeout=300)
    assert "killed at step 4" in died.stdout, died.stderr
    pushed = sorted(fake_hub.files(MODEL))
    assert pushed and all(name.startswith("checkpoints/step-00000004/") for name in pushed), pushed

    empty_cache(env)
    resumed = work / "fresh"
    result = kp("train", "example-tagger", *TRAIN, "--data", data, "--out", str(resumed), "--resume", MODEL, env=env)
    assert "pulled step-00000004" in result.stderr and "resumed from step 4" in result.stderr
    weights = sorted(p.name for p in (work / "whole").glob("*.safetensors"))
    assert weights
    for name in weights:
        assert (resumed / name).read_bytes() == (work / "whole" / name).read_bytes(), name
    assert json.loads((resumed / "kp.json").read_text())["run"]["resumed_from"] == 4


def test_a_name_outside_the_rule_is_refused_before_training(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    env = fake_hub.env(work)
    data = str(work / "train.jsonl")
    result = kp(
        "train", "example-tagger", *TRAIN, "--data", data, "--out", str(work / "r"), "--push", "kp-test/MyModel",
        env=env, expect=2,
    )  # fmt: skip
    assert "kp-{task}-{base}-{size}[-variant]" in result.stderr and "--any-name" in result.stderr
    assert not (work / "r" / "kp.json").exists() and fake_hub.requests == []
    kp("train", "example-tagger", *TRAIN, "--data", data, "--out", str(work / "r"), "--push", "kp-test/MyModel",
       "--any-name", env=env)  # fmt: skip
    assert "kp.json" in fake_hub.files("kp-test/MyModel")


def test_publish_dry_run_sends_nothing_and_shows_the_card(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    env = fake_hub.env(work)
    kp("train", "example-tagger", *TRAIN, "--data", str(work / "train.jsonl"), "--out", str(work / "r"), env=env)
    fake_hub.clear_requests()
    result = kp("publish", str(work / "r"), "--repo", MODEL, "--dry-run", "--json", env=env)
    assert fake_hub.requests == []
    plan = json.loads(result.stdout)
    assert sorted(f["path"] for f in plan["files"]) == sorted(["README.md", *(p.name for p in (work / "r").iterdir())])
    meta = front_matter(plan["card"])
    assert meta["pipeline_tag"] == "token-classification" and sorted(meta["language"]) == ["it", "sv"]
    # The real publish sends exactly those files, on a branch when asked.
    kp("publish", str(work / "r"), "--repo", MODEL, "--revision", "candidate", env=env)
    assert sorted(fake_hub.files(MODEL, "candidate")) == sorted(f["path"] for f in plan["files"])
    assert fake_hub.files(MODEL, "main") == {}


def test_a_parquet_split_trains_like_its_jsonl(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    import pyarrow as pa  # the hub extra brings it; the core env installs that extra, so no skip
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in (work / "train.jsonl").read_text().splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), work / "train.parquet")
    env = fake_hub.env(work)
    kp("data", "push", str(work / "train.parquet"), "--repo", DATASET, env=env)
    kp("data", "push", str(work / "train.jsonl"), "--repo", DATASET, "--path-in-repo", "other/extra.jsonl", env=env)
    kp("train", "example-tagger", *TRAIN, "--data", f"{DATASET}:train", "--out", str(work / "pq"), env=env)
    kp("train", "example-tagger", *TRAIN, "--data", str(work / "train.jsonl"), "--out", str(work / "js"), env=env)
    for name in (p.name for p in (work / "js").glob("*.safetensors")):
        assert (work / "pq" / name).read_bytes() == (work / "js" / name).read_bytes()
    # Two data files and no split or file named: a refusal that lists them.
    result = kp(
        "train", "example-tagger", *TRAIN, "--data", f"{DATASET}:valid", "--out", str(work / "x"), env=env, expect=2
    )
    assert "no file or split 'valid'" in result.stderr and "data/train.parquet" in result.stderr


def test_hub_failures_are_one_clear_error(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    env = fake_hub.env(work)
    for args, words in (
        (
            ["predict", "-m", "kp-test/kp-ner-missing-1m", "x"],
            "the Hub has no model repository kp-test/kp-ner-missing-1m",
        ),
        (["predict", "-m", "kp-test/kp-ner-missing-1m", "x"], None),
    ):
        result = kp(*args, env=env if words else offline(env), expect=2)
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "Traceback" not in result.stderr, result.stderr
        assert (words or "HF_HUB_OFFLINE is set") in errors[0]
    bad_token = {**env, "HF_TOKEN": "hf_wrong"}
    result = kp("data", "push", str(work / "train.jsonl"), "--repo", DATASET, env=bad_token, expect=2)
    assert "refused the token (401)" in result.stderr and "HF_TOKEN" in result.stderr


def test_a_base_and_the_sdk_take_hub_references(fake_hub: FakeHub, work: Path) -> None:  # noqa: F811
    """``--base ORG/NAME@REV`` and ``extract_pii(model=ORG/NAME)`` go through the same pull."""
    env = fake_hub.env(work)
    base = work / "base"
    base.mkdir()
    (base / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    (base / "model.safetensors").write_bytes(b"weights v1")
    (base / "pytorch_model.bin").write_bytes(b"pickle")  # never pulled: kp loads safetensors only
    upload = (
        "from huggingface_hub import HfApi; import sys; api = HfApi(); "
        "api.create_repo(sys.argv[1], exist_ok=True); print(api.upload_folder(repo_id=sys.argv[1], folder_path=sys.argv[2]).oid)"
    )
    first = subprocess.run(
        [sys.executable, "-c", upload, "kp-test/tiny-base", str(base)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.strip()
    (base / "model.safetensors").write_bytes(b"weights v2")
    subprocess.run(
        [sys.executable, "-c", upload, "kp-test/tiny-base", str(base)], env=env, check=True, capture_output=True
    )

    resolve = "from kp_core.bases import resolve_base; import sys; print(resolve_base(sys.argv[1], progress=False))"
    for ref, weights in ((f"kp-test/tiny-base@{first}", b"weights v1"), ("kp-test/tiny-base", b"weights v2")):
        out = subprocess.run([sys.executable, "-c", resolve, ref], capture_output=True, text=True, env=env, check=True)
        folder = Path(out.stdout.strip())
        assert (folder / "model.safetensors").read_bytes() == weights, ref
        assert not (folder / "pytorch_model.bin").exists()

    run = work / "run"
    kp(
        "train",
        "example-tagger",
        *TRAIN,
        "--data",
        str(work / "train.jsonl"),
        "--out",
        str(run),
        "--push",
        MODEL,
        env=env,
    )
    sdk = (
        "import json, sys; from kp_core import extract_pii; "
        "print(json.dumps([[s.start, s.end, s.label] for s in extract_pii(sys.argv[2], model=sys.argv[1])]))"
    )
    answers = [
        subprocess.run(
            [sys.executable, "-c", sdk, ref, TEXTS[0]], capture_output=True, text=True, env=env, check=True
        ).stdout
        for ref in (MODEL, str(run))
    ]
    assert answers[0] == answers[1] and json.loads(answers[0])
