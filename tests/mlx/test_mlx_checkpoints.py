"""Bad checkpoint folders fail with the file and the reason."""

from __future__ import annotations

import json
import shutil

import pytest

from kp_core.plugins.devices import DeviceUnavailableError
from kp_core.plugins.models import ModelResolutionError
from kp_mlx.checkpoint import CheckpointError
from kp_mlx.families import load
from tests.mlx.conftest import fixture_folder


@pytest.fixture
def copy(tmp_path):
    def make(name: str = "tiny-bert"):
        target = tmp_path / name
        shutil.copytree(fixture_folder(name), target)
        return target

    return make


def test_missing_weights_named(copy):
    folder = copy()
    (folder / "model.safetensors").unlink()
    with pytest.raises(CheckpointError, match=r"model\.safetensors"):
        load(str(folder))


def test_pickle_only_weights_refused(copy):
    folder = copy()
    (folder / "model.safetensors").rename(folder / "pytorch_model.bin")
    with pytest.raises(CheckpointError, match="safetensors only"):
        load(str(folder))


def test_unsupported_architecture_named(copy):
    folder = copy()
    config = json.loads((folder / "config.json").read_text())
    config["model_type"] = "gpt2"
    (folder / "config.json").write_text(json.dumps(config))
    with pytest.raises(CheckpointError, match="model_type 'gpt2'"):
        load(str(folder))


def test_weights_of_another_architecture_named(copy):
    folder = copy()
    shutil.copy(fixture_folder("tiny-xlmr") / "model.safetensors", folder / "model.safetensors")
    with pytest.raises(CheckpointError, match="do not match"):
        load(str(folder))


def test_broken_config_line_reported(copy):
    folder = copy()
    (folder / "config.json").write_text('{\n  "model_type": "bert",\n  oops\n}')
    with pytest.raises(CheckpointError, match=r"config\.json: line 3"):
        load(str(folder))


def test_non_bioes_labels_refused(copy):
    folder = copy()
    config = json.loads((folder / "config.json").read_text())
    config["id2label"]["1"] = "PERSON"
    (folder / "config.json").write_text(json.dumps(config))
    with pytest.raises(CheckpointError, match="BIOES"):
        load(str(folder))


def test_hub_ids_are_not_fetched():
    with pytest.raises(ModelResolutionError, match="local checkpoint folders only"):
        load("openai/privacy-filter")


def test_non_mlx_device_refused(copy):
    with pytest.raises(DeviceUnavailableError, match="--device tpu: kp-mlx cannot run there"):
        load(str(copy()), device="tpu")
