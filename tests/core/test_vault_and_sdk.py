"""SDK surface, model resolution, the vault and reidentify."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

import kp_core
from kp_core.anonymize.vault import Vault, VaultKeyError
from kp_core.plugins.models import ModelResolutionError, load_detector, resolve_model_ref

KEY = b"vault-test-key-0123456789abcdef"
TEXT = "Paziente: Chiara Russo, CF RSSCHR93B59L219G, tel +39 395 2577886, nata il 19/02/1993."


def test_import_is_light_and_exposes_the_sdk():
    code = "import sys, kp_core; kp_core.extract_pii; print('torch' in sys.modules, 'kp_core.sdk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
    assert {"extract_pii", "deidentify", "pseudonymize", "reidentify"} <= set(kp_core.__all__)


def test_extract_pii_single_and_batch_and_labels():
    single = kp_core.extract_pii(TEXT)
    assert {s.label for s in single} == {"NATIONAL_ID", "PHONE", "DATE"}
    assert all(s.text == TEXT[s.start : s.end] for s in single)
    batch = kp_core.extract_pii([TEXT, "nothing here"], labels=["PHONE"])
    assert [len(b) for b in batch] == [1, 0] and batch[0][0].label == "PHONE"


def test_model_resolution(tmp_path, monkeypatch):
    assert resolve_model_ref("rules") == ("rules", "builtin")
    assert resolve_model_ref("rules:builtin") == ("rules", "builtin")
    (tmp_path / "kp.json").write_text(json.dumps({"family": "rules"}))
    assert resolve_model_ref(str(tmp_path)) == ("rules", str(tmp_path))
    (tmp_path / "kp.json").write_text(json.dumps({"family": "nope"}))
    with pytest.raises(ModelResolutionError, match="not registered"):
        resolve_model_ref(str(tmp_path))
    with pytest.raises(ModelResolutionError, match="not a folder"):
        resolve_model_ref("no such thing")
    monkeypatch.setenv("KP_MODEL", "rules:builtin")
    assert load_detector().name == "rules"


def test_pseudonymize_reidentify_round_trip_through_the_vault(tmp_path):
    vault = tmp_path / "v.db"
    result = kp_core.pseudonymize(TEXT, key=KEY, vault=vault, language="it", country="IT")
    text, surrogates = result
    assert "RSSCHR93B59L219G" not in text and "2577886" not in text
    assert set(surrogates) >= {"RSSCHR93B59L219G", "+39 395 2577886", "19/02/1993"}
    assert stat.S_IMODE(os.stat(vault).st_mode) == 0o600
    assert kp_core.reidentify(text, vault, KEY) == TEXT
    # Stable across calls through the vault; different key → refused.
    assert kp_core.pseudonymize(TEXT, key=KEY, vault=vault, language="it").text == text
    with pytest.raises(VaultKeyError):
        kp_core.reidentify(text, vault, b"another-key-0123456789abcdef")


def test_vault_stores_no_plain_text(tmp_path):
    path = tmp_path / "v.db"
    with Vault.open(path, KEY) as vault:
        assert vault.claim("PERSON", "Chiara Russo", "Giulia Bianchi")
        assert not vault.claim("PERSON", "Marco Rossi", "Giulia Bianchi")  # surrogate taken
        vault.commit()
    raw = path.read_bytes()
    assert b"Chiara" not in raw and b"Russo" not in raw and b"Bianchi" not in raw


def test_deidentify_accepts_gold_spans_for_every_method():
    spans = [[{"start": 10, "end": 22, "label": "PERSON"}]]
    for method in ("mask", "redact", "replace", "keep"):
        assert isinstance(kp_core.deidentify(TEXT, method, spans=spans), str)
    out = kp_core.deidentify(TEXT, "pseudonymize", spans=spans, key=KEY, language="it")
    assert "Chiara Russo" not in out and out.endswith(TEXT[22:])
