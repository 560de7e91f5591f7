"""Torch models through the Hub (tests/hub_server.py): ``kp train --push`` publishes the run in one
commit (model files, kp.json, card, no checkpoints), and ``kp predict -m ORG/NAME`` on an empty Hub
cache finds exactly the spans the local run folder finds; a pinned ``@sha`` keeps serving the first
model after a second push, and a pulled model loads with the Hub off and no request sent. A run
pushing its checkpoints, killed after step 4, continues with ``--resume ORG/NAME`` in an empty
folder on an empty cache and ends with the weights of a run never interrupted.

huggingface_hub reads HF_ENDPOINT and the offline switches at import, so every step runs ``kp`` in
a fresh process with the environment the test Hub gives.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.hub_server import FakeHub, assert_published, fake_hub  # noqa: F401

from .conftest import build_tiny_base, make_rows
from .moe_tiny import build_tiny_base as build_tiny_privacy_filter
from .moe_tiny import new_type_rows, write_rows

# Flags every xlmr-ner run here shares: tiny, fast, on the CPU, a checkpoint every 2 steps.
XLMR_FLAGS = (
    "--device", "cpu", "--max-steps", "6", "--batch-size", "8", "--lr", "5e-3", "--eval-fraction", "0.3",
    "--save-every", "2", "--no-progress", "--option", "max_length=64",
)  # fmt: skip
MOE_FLAGS = (
    "--device", "cpu", "--max-steps", "3", "--batch-size", "8", "--lr", "5e-3", "--eval-fraction", "0.1",
    "--max-eval", "8", "--no-progress", "--option", "max_length=64", "--option", "lora_rank=4",
)  # fmt: skip
MODEL_FILES = {"model.safetensors", "config.json", "tokenizer.json", "tokenizer_config.json", "kp.json", "README.md"}

# ``kp ARGV...`` whose run dies (os._exit, like a kill: no clean-up, no finally) right after the
# optimizer step sys.argv[1], once that step's checkpoint has been saved and pushed.
KILLED_KP = textwrap.dedent(
    """
    import os, sys
    import kp_core.training.driver as driver
    from kp_core.cli import main

    kill_after, argv = int(sys.argv[1]), sys.argv[2:]
    run = driver.train_with_recipe

    def die(state):
        if state.step == kill_after:
            os._exit(86)

    driver.train_with_recipe = lambda recipe, config, **hooks: run(recipe, config, **{**hooks, "on_step": die})
    main(argv)
    """
)


def run_kp(hub: FakeHub, tmp_path: Path, *args: str, offline: bool = False, check: bool = True, code: str = "") -> Any:
    """``kp ARGS`` in a fresh process pointed at ``hub`` (``code``: a script run instead of ``-m kp_core``)."""
    env = hub.env(tmp_path)
    env.pop("KP_DEBUG", None)
    if offline:
        env["HF_HUB_OFFLINE"] = "1"
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "kp_core"]
    result = subprocess.run(
        [*command, *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    if check:
        assert result.returncode == 0, result.stderr[-4000:]
    return result


def empty_hub_cache(hub: FakeHub, tmp_path: Path) -> None:
    cache = Path(hub.env(tmp_path)["HF_HUB_CACHE"])
    shutil.rmtree(cache, ignore_errors=True)
    assert not cache.exists()


def write_texts(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps({"doc_id": r["doc_id"], "text": r["text"]}) + "\n" for r in rows), "utf-8")
    return path


def predict(hub: FakeHub, tmp_path: Path, model: str, texts: Path, *, offline: bool = False) -> list[list[dict]]:
    """The spans (start, end, label, score) ``kp predict -m model --json`` finds in each text."""
    result = run_kp(hub, tmp_path, "predict", "-m", model, "--device", "cpu", "--input", str(texts), "--json",
                    "--no-progress", offline=offline)  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(rows) == len(texts.read_text("utf-8").splitlines()), result.stdout
    return [row["spans"] for row in rows]


@pytest.fixture(scope="module")
def bert_base(tmp_path_factory) -> Path:
    return build_tiny_base("bert", tmp_path_factory.mktemp("bases") / "bert")


@pytest.fixture(scope="module")
def rows_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "train.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in make_rows(40)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def texts_file(tmp_path_factory) -> Path:
    return write_texts(tmp_path_factory.mktemp("texts") / "texts.jsonl", make_rows(4, seed=7))


def test_xlmr_ner_round_trip_pinned_revision_and_offline(
    fake_hub: FakeHub,  # noqa: F811
    bert_base: Path,
    rows_file: Path,
    texts_file: Path,
    tmp_path: Path,
) -> None:
    repo = "kp-test/kp-ner-tinybert-50k"
    first, second = tmp_path / "runs" / "first", tmp_path / "runs" / "second"
    common = ("train", "xlmr-ner", "--base", str(bert_base), "--data", str(rows_file), *XLMR_FLAGS)
    run_kp(fake_hub, tmp_path, *common, "--seed", "1", "--out", str(first), "--push", repo)
    assert_published(fake_hub, repo, first, MODEL_FILES)
    first_sha = fake_hub.branches(repo)["main"]

    empty_hub_cache(fake_hub, tmp_path)
    local = predict(fake_hub, tmp_path, str(first), texts_file)
    assert any(local), "the tiny model finds no span: the comparison would prove nothing"
    assert predict(fake_hub, tmp_path, repo, texts_file) == local

    # Pulled once, the model loads with the Hub off, and nothing reaches the server.
    fake_hub.clear_requests()
    assert predict(fake_hub, tmp_path, repo, texts_file, offline=True) == local
    assert fake_hub.requests == []

    # A second push replaces main; the first commit's sha still gives the first model.
    run_kp(fake_hub, tmp_path, *common, "--seed", "2", "--out", str(second), "--push", repo)
    assert_published(fake_hub, repo, second, MODEL_FILES)
    assert fake_hub.branches(repo)["main"] != first_sha
    empty_hub_cache(fake_hub, tmp_path)
    assert predict(fake_hub, tmp_path, repo, texts_file) != local  # main now serves the second model
    empty_hub_cache(fake_hub, tmp_path)
    assert predict(fake_hub, tmp_path, f"{repo}@{first_sha}", texts_file) == local


def test_moe_finetune_round_trip(fake_hub: FakeHub, texts_file: Path, tmp_path: Path) -> None:  # noqa: F811
    repo = "kp-test/kp-deid-tinymoe-6m"
    base = build_tiny_privacy_filter(tmp_path / "base")
    data = write_rows(tmp_path / "train.jsonl", new_type_rows(40, seed=0))
    run = tmp_path / "runs" / "moe"
    run_kp(fake_hub, tmp_path, "train", "moe-finetune", "--base", str(base), "--data", str(data), *MOE_FLAGS,
           "--out", str(run), "--push", repo)  # fmt: skip
    assert_published(fake_hub, repo, run, MODEL_FILES)

    empty_hub_cache(fake_hub, tmp_path)
    local = predict(fake_hub, tmp_path, str(run), texts_file)
    assert any(local), "the tiny model finds no span: the comparison would prove nothing"
    assert predict(fake_hub, tmp_path, repo, texts_file) == local


def test_resume_from_pushed_checkpoint_matches_an_uninterrupted_run(
    fake_hub: FakeHub,  # noqa: F811
    bert_base: Path,
    rows_file: Path,
    tmp_path: Path,
) -> None:
    from safetensors.torch import load_file
    from torch import equal

    repo = "kp-test/kp-ner-tinybert-50k"
    common = ("train", "xlmr-ner", "--base", str(bert_base), "--data", str(rows_file), *XLMR_FLAGS, "--seed", "3")
    pushing = ("--push", repo, "--push-checkpoints")

    killed = run_kp(fake_hub, tmp_path, "4", *common, "--out", str(tmp_path / "killed"), *pushing,
                    code=KILLED_KP, check=False)  # fmt: skip
    assert killed.returncode == 86, killed.stderr[-4000:]
    pushed = sorted(fake_hub.files(repo))
    assert pushed and all(name.startswith("checkpoints/step-00000004/") for name in pushed), pushed

    # Another machine: an empty --out, an empty Hub cache, the same flags, --resume from the Hub.
    shutil.rmtree(tmp_path / "killed")
    empty_hub_cache(fake_hub, tmp_path)
    resumed = tmp_path / "resumed"
    result = run_kp(fake_hub, tmp_path, *common, "--out", str(resumed), *pushing, "--resume", repo)
    assert f"--resume {repo}: pulled step-00000004" in result.stderr
    assert "resumed from step 4 of 6" in result.stderr
    assert_published(fake_hub, repo, resumed, MODEL_FILES)  # the finished run replaces the pushed checkpoint

    straight = tmp_path / "straight"
    run_kp(fake_hub, tmp_path, *common, "--out", str(straight), "--push", "kp-test/kp-ner-tinybert-50k-straight",
           "--push-checkpoints")  # fmt: skip
    a, b = load_file(str(straight / "model.safetensors")), load_file(str(resumed / "model.safetensors"))
    assert a.keys() == b.keys()
    differing = sorted(name for name in a if not equal(a[name], b[name]))
    assert not differing, f"weights differ after resuming from the Hub: {differing}"
