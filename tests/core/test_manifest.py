"""kp.json through Manifest: old files load, writes round-trip, newer formats and broken files are
clear errors; model resolution names what to install instead of naming frameworks itself."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import MappingProxyType

import attrs
import pytest

from kp_core.plugins import registry as registry_module
from kp_core.plugins.catalog import FIRST_PARTY, install_hint
from kp_core.plugins.manifest import (
    FORMAT_VERSION,
    KP_JSON,
    Manifest,
    ManifestError,
    ManifestVersionError,
    read_kp_json,
    write_kp_json,
)
from kp_core.plugins.models import ModelResolutionError, resolve_model_ref
from kp_core.plugins.registry import Family, Registry, reset_registry

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mlx"


def _old_files() -> list[Path]:
    return sorted(FIXTURES.glob("*/kp.json"))


# --- reading what kp wrote before the format was a version string -------------------------------


@pytest.mark.parametrize("path", _old_files(), ids=lambda p: p.parent.name)
def test_a_format_1_file_loads(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == 1  # the shape written before this format
    manifest = Manifest.read(path.parent)
    assert manifest is not None
    assert manifest.format == "1.0"
    assert manifest.family == raw["family"]
    assert manifest.base == raw["base"]
    assert manifest.label_scheme == raw["label_scheme"]
    assert manifest.max_length == raw["max_length"]
    typed = {f.name for f in attrs.fields(Manifest)}
    assert list(manifest.extra) == [k for k in raw if k not in typed]
    assert manifest.to_json() == {**raw, "format": FORMAT_VERSION}


def test_old_fixtures_exist() -> None:
    assert _old_files(), "the format-1 kp.json fixtures are missing"


def test_no_format_reads_as_1_0(tmp_path: Path) -> None:
    (tmp_path / KP_JSON).write_text('{"family": "rules"}', encoding="utf-8")
    assert Manifest.read(tmp_path).format == "1.0"


def test_no_kp_json_is_none(tmp_path: Path) -> None:
    assert Manifest.read(tmp_path) is None
    assert read_kp_json(tmp_path) is None


# --- writing ------------------------------------------------------------------------------------


def _driver_shaped_payload() -> dict:
    return {
        "family": "xlmr-ner",
        "framework": "torch",
        "base": "some/base",
        "taxonomy_version": "0.2.0",
        "label_scheme": "first",
        "max_length": 128,
        "base_model_type": "xlm-roberta",
        "adapters": None,
        "training": {"epochs": 1, "options": {"lora_rank": 8}},
        "data": {"path": "train.jsonl", "split": {"rule": "hash"}},
        "seed": 7,
        "run": {"device": "cpu", "resumed_from": None},
        "metrics": {"eval_f1": 0.5},
        "evaluations": [{"step": 10, "eval_f1": 0.4}],
        "note": "ščž",
    }


def test_round_trip_is_exact_and_keeps_extra_keys_in_order(tmp_path: Path) -> None:
    payload = _driver_shaped_payload()
    path = write_kp_json(tmp_path, payload)
    assert path == tmp_path / KP_JSON
    text = path.read_text(encoding="utf-8")
    assert "ščž" in text  # UTF-8, not escaped
    written = json.loads(text)
    assert list(written)[0] == "format" and written["format"] == FORMAT_VERSION
    assert written == {"format": FORMAT_VERSION, **payload}
    extra = [k for k in written if k not in {f.name for f in attrs.fields(Manifest)}]
    assert extra == ["base_model_type", "adapters", "note"]  # the family's own keys, in its order
    manifest = Manifest.read(tmp_path)
    assert manifest.format == FORMAT_VERSION
    assert manifest.to_json() == written and list(manifest.to_json()) == list(written)
    assert manifest.to_text() == text  # byte for byte
    assert read_kp_json(tmp_path) == written


def test_to_json_is_a_copy(tmp_path: Path) -> None:
    manifest = Manifest.from_json(_driver_shaped_payload())
    out = manifest.to_json()
    out["metrics"]["eval_f1"] = -1
    out["extra_key"] = 1
    assert manifest.to_json()["metrics"]["eval_f1"] == _driver_shaped_payload()["metrics"]["eval_f1"]


def test_python_values_are_written_as_json_gives_them_back(tmp_path: Path) -> None:
    labels = ("O", "B-PERSON")
    write_kp_json(tmp_path, {"family": "x", "labels": labels, "metrics": MappingProxyType({"f1": 1}), "t": (1, 2)})
    manifest = Manifest.read(tmp_path)
    assert manifest.labels == labels
    assert manifest.to_json() == json.loads((tmp_path / KP_JSON).read_text(encoding="utf-8"))
    assert manifest.extra == {"t": [1, 2]}


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Manifest(family="first").write(tmp_path)
    before = (tmp_path / KP_JSON).read_text(encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    assert (tmp_path / KP_JSON).stat().st_mode == plain.stat().st_mode  # readable like any file written here
    plain.unlink()

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        Manifest(family="second").write(tmp_path)
    assert (tmp_path / KP_JSON).read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == [KP_JSON]  # no temp file left behind


def test_a_writer_cannot_write_what_readers_refuse(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="'max_length' must be an integer, not a string"):
        write_kp_json(tmp_path, {"family": "xlmr-ner", "max_length": "128"})
    with pytest.raises(ManifestError, match="family"):
        write_kp_json(tmp_path, {"base": "b"})
    with pytest.raises(ManifestError, match="manifest fields"):
        Manifest(family="x", extra={"base": "b"})
    assert not (tmp_path / KP_JSON).exists()


# --- errors -------------------------------------------------------------------------------------


def test_a_newer_major_format_is_a_clear_error(tmp_path: Path) -> None:
    newer = int(FORMAT_VERSION.split(".")[0]) + 1
    (tmp_path / KP_JSON).write_text(json.dumps({"format": f"{newer}.0", "family": "x"}), encoding="utf-8")
    with pytest.raises(ManifestVersionError, match=rf"written by a newer kp \(format {newer}\.0\); upgrade kp-core"):
        Manifest.read(tmp_path)
    assert issubclass(ManifestVersionError, ValueError)


def test_a_newer_minor_format_loads(tmp_path: Path) -> None:
    major = FORMAT_VERSION.split(".")[0]
    (tmp_path / KP_JSON).write_text(json.dumps({"format": f"{major}.9", "family": "x", "new": 1}), encoding="utf-8")
    manifest = Manifest.read(tmp_path)
    assert manifest.format == f"{major}.9" and manifest.extra == {"new": 1}


def test_bad_json_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / KP_JSON).write_text('{\n  "family": \n}', encoding="utf-8")
    with pytest.raises(ManifestError, match=rf"{KP_JSON}: line 3: invalid JSON"):
        Manifest.read(tmp_path)


def test_not_an_object(tmp_path: Path) -> None:
    (tmp_path / KP_JSON).write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ManifestError, match=rf"{KP_JSON}: expected a JSON object, not a list"):
        Manifest.read(tmp_path)


def test_missing_or_empty_family(tmp_path: Path) -> None:
    (tmp_path / KP_JSON).write_text('{"format": 1, "base": "b"}', encoding="utf-8")
    with pytest.raises(ManifestError, match=rf"{KP_JSON}: no 'family' key"):
        Manifest.read(tmp_path)
    (tmp_path / KP_JSON).write_text('{\n  "format": 1,\n  "family": ""\n}', encoding="utf-8")
    with pytest.raises(ManifestError, match=rf"{KP_JSON}: line 3: 'family' must be a non-empty string"):
        Manifest.read(tmp_path)


def test_a_wrong_type_names_the_line_of_the_top_level_key(tmp_path: Path) -> None:
    # "max_length" appears nested first; the error points at the top-level key.
    text = '{\n  "family": "x",\n  "training": {"max_length": 1},\n  "max_length": "long"\n}'
    (tmp_path / KP_JSON).write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=rf"{KP_JSON}: line 4: 'max_length' must be an integer, not a string"):
        Manifest.read(tmp_path)


def test_a_bad_format_value(tmp_path: Path) -> None:
    (tmp_path / KP_JSON).write_text('{"format": "two", "family": "x"}', encoding="utf-8")
    with pytest.raises(ManifestError, match="line 1: 'format' must be a version string"):
        Manifest.read(tmp_path)


# --- model resolution: no framework names in kp-core ---------------------------------------------


@pytest.fixture
def core_only(monkeypatch: pytest.MonkeyPatch):
    """kp with its built-ins only: no family that reads Hugging Face models."""
    monkeypatch.setenv("KP_LOAD_PLUGINS", "")
    reset_registry()
    yield
    monkeypatch.delenv("KP_LOAD_PLUGINS")
    reset_registry()


def _hf_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hf-model"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    return folder


def _cached_hub_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, repo_id: str) -> Path:
    """A plain Hugging Face folder as ``repo_id`` in a Hub cache of huggingface_hub's documented
    layout (``models--OWNER--NAME/snapshots/SHA`` and ``refs/main``), offline: a Hub id is pulled
    from the cache and read like a local folder."""
    cache = tmp_path / "hub-cache"
    sha = "0123456789abcdef0123456789abcdef01234567"
    repo = cache / ("models--" + repo_id.replace("/", "--"))
    snapshot = repo / "snapshots" / sha
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    (snapshot / "model.safetensors").write_bytes(b"weights")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(sha, encoding="utf-8")
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return snapshot


def test_a_plain_hf_folder_without_a_reader_names_what_to_install(
    core_only, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hint = install_hint("hf-token-classification")
    assert hint.startswith("install ") and "pip install" in hint
    with pytest.raises(ModelResolutionError) as caught:
        resolve_model_ref(str(_hf_folder(tmp_path)))
    assert hint in str(caught.value)
    _cached_hub_model(monkeypatch, tmp_path, "owner/some-model")
    with pytest.raises(ModelResolutionError) as caught:
        resolve_model_ref("owner/some-model")
    assert hint in str(caught.value)


def test_an_unregistered_family_in_kp_json_names_its_distribution(core_only, tmp_path: Path) -> None:
    Manifest(family="gliner").write(tmp_path)
    with pytest.raises(ModelResolutionError, match="'gliner' is not registered") as caught:
        resolve_model_ref(str(tmp_path))
    assert install_hint("gliner") in str(caught.value)
    assert FIRST_PARTY["gliner"] in install_hint("gliner")


def test_a_newer_kp_json_is_a_resolution_error_that_says_upgrade(core_only, tmp_path: Path) -> None:
    (tmp_path / KP_JSON).write_text('{"format": "99.0", "family": "rules"}', encoding="utf-8")
    with pytest.raises(ModelResolutionError, match="upgrade kp-core"):
        resolve_model_ref(str(tmp_path))


def _registry_with(*families: Family) -> Registry:
    registry = Registry()
    for family in families:
        registry.families.add(family)
    return registry


def _family(name: str, *, reads_hf: bool) -> Family:
    return Family(
        name=name, description=name, frameworks=(), load=lambda ref, **kw: None, reads_hf_token_classification=reads_hf
    )


def test_a_plain_hf_folder_goes_to_the_family_that_reads_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    registry = _registry_with(_family("plain", reads_hf=False), _family("hf-reader", reads_hf=True))
    monkeypatch.setattr(registry_module, "_registry", registry)
    folder = _hf_folder(tmp_path)
    assert resolve_model_ref(str(folder)) == ("hf-reader", str(folder))
    snapshot = _cached_hub_model(monkeypatch, tmp_path, "owner/some-model")
    assert resolve_model_ref("owner/some-model") == ("hf-reader", str(snapshot))


def test_two_hf_readers_ask_which(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    registry = _registry_with(_family("a", reads_hf=True), _family("b", reads_hf=True))
    monkeypatch.setattr(registry_module, "_registry", registry)
    with pytest.raises(ModelResolutionError, match=r"several families .*\(a, b\)"):
        resolve_model_ref(str(_hf_folder(tmp_path)))


def test_a_kp_folder_copied_from_a_fixture_resolves_to_its_family(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = _old_files()[0]
    family = json.loads(source.read_text(encoding="utf-8"))["family"]
    shutil.copy(source, tmp_path / KP_JSON)
    monkeypatch.setattr(registry_module, "_registry", _registry_with(_family(family, reads_hf=False)))
    assert resolve_model_ref(str(tmp_path)) == (family, str(tmp_path))
