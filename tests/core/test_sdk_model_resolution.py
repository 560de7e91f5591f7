"""A mistyped model folder is "no such model folder", not an install hint; a bare unknown name
that a first-party family's distribution would provide still gets the install hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from kp_core.errors import KpError
from kp_core.plugins.models import ModelResolutionError, looks_like_path, resolve_model_ref


@pytest.mark.parametrize(
    "ref",
    ["./runs/xlmr", "~/models/kp", "runs/xlmr/best", "out/model/final", "runs/checkpoint-500", "model.safetensors"],
)
def test_path_like_reference_that_does_not_exist_is_no_such_folder(ref: str):
    with pytest.raises(ModelResolutionError, match=f"^no such model folder {ref}$") as err:
        resolve_model_ref(ref)
    assert "install" not in str(err.value)


def test_owner_name_whose_first_part_is_a_local_folder_is_a_path(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "runs").mkdir()
    with pytest.raises(ModelResolutionError, match="^no such model folder runs/xlmr$"):
        resolve_model_ref("runs/xlmr")


def test_hub_ids_still_read_as_hub_ids(tmp_path: Path, monkeypatch):
    """A Hub id is pulled (here: offline and not cached, so a refusal naming it), never read as a
    missing folder; the family is read from the snapshot's kp.json or config.json."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub-cache"))
    assert not looks_like_path("FacebookAI/xlm-roberta-base")
    with pytest.raises(KpError, match=r"'FacebookAI/xlm-roberta-base': not found locally .*HF_HUB_OFFLINE is set"):
        resolve_model_ref("FacebookAI/xlm-roberta-base")


def test_bare_unknown_name_of_a_first_party_family_gets_the_install_hint():
    with pytest.raises(ModelResolutionError, match="not a registered family.*install kp-torch: pip install kp-torch"):
        resolve_model_ref("xlmr-ner")
    with pytest.raises(ModelResolutionError) as err:
        resolve_model_ref("no-such-family")
    assert "install" not in str(err.value)
