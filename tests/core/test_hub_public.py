"""A published kp.json names no path of the machine it was trained on."""

from __future__ import annotations

from pathlib import Path

from kp_core.hub.public import public_manifest, public_value


def test_local_paths_keep_only_their_last_component(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "runs" / "a").mkdir(parents=True)
    assert public_value(str(tmp_path / "data" / "train.jsonl")) == "train.jsonl"
    assert public_value("./runs/a") == "a"
    assert public_value("runs/a") == "a"  # exists here: a path, not a Hub id
    assert public_value("~/models/base/") == "base"


def test_hub_references_names_and_text_stay(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for value in ("multilingual-e5-small", "org/name", "org/name@v1:train", "kp-test/kp-ner-e5small-118m", "cpu", ""):
        assert public_value(value) == value


def test_the_whole_manifest_is_walked() -> None:
    manifest = {
        "base": "/home/me/bases/e5",
        "training": {"dataset": "/home/me/data/train.jsonl", "out": "/home/me/runs/x", "lr": 0.001},
        "data": {"path": "org/ds:train", "split": {"languages": {"it": {"rows": 3}}}},
        "losses": [1.0, 0.5],
        "extra": {"sources": ["/tmp/a/b.safetensors", "org/name"]},
    }
    public = public_manifest(manifest)
    assert public == {
        "base": "e5",
        "training": {"dataset": "train.jsonl", "out": "x", "lr": 0.001},
        "data": {"path": "org/ds:train", "split": {"languages": {"it": {"rows": 3}}}},
        "losses": [1.0, 0.5],
        "extra": {"sources": ["b.safetensors", "org/name"]},
    }
