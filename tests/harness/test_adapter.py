"""The ``kp`` adapter in the harness's own registry (``europriv_bench.adapters.BUILDERS``), and the
harness's CLI run with it (``python -m kp_core.evaluation.europriv``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kp_core.encoding.grid import predicted_bioes
from kp_core.evaluation import europriv
from kp_core.plugins.models import load_detector


@pytest.fixture
def registered(monkeypatch):
    from europriv_bench import adapters

    monkeypatch.setattr(adapters, "BUILDERS", dict(adapters.BUILDERS))  # the test's registration stays here
    europriv.register()
    return adapters


@pytest.mark.parametrize("which", ["rules", "tagger"])
def test_the_kp_builder_loads_any_kp_model(registered, monkeypatch, dev_rows, tagger_ref, which):
    ref = "rules" if which == "rules" else tagger_ref
    monkeypatch.setenv(europriv.MODEL_ENV, ref)
    assert registered.BUILDERS["kp"] is europriv.kp_adapter_class()
    adapter = registered.build("kp")  # the harness's own zero-argument factory call
    assert isinstance(adapter, registered.BaseAdapter)
    detector = load_detector(ref)
    assert (adapter.name, adapter.model_id) == ("kp", detector.model_id)
    texts = [r["text"] for r in dev_rows["dk"][:12]]
    expected = [predicted_bioes(t, s) for t, s in zip(texts, detector.predict_spans(texts), strict=True)]
    assert adapter.predict_tags(texts) == expected
    assert any(tag != "O" for tags in expected for tag in tags)


def test_the_harness_cli_runs_the_kp_adapter(registered, monkeypatch, dev_dir, dev_rows, tmp_path):
    """``--adapter kp`` through the harness's own ``run`` command. Its gold comes from the Hub, which
    is unreachable here: the loader is replaced by the dev slice's rows for the spec's config."""
    import europriv_bench.runner

    monkeypatch.setattr(europriv_bench.runner, "_load_gold_rows", lambda spec: [dict(r) for r in dev_rows["it"]])
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "it.yaml").write_bytes((dev_dir / "evaluations" / "pii-detection-it-realskeleton.yaml").read_bytes())
    out = tmp_path / "board.json"
    with pytest.raises(SystemExit) as done:
        europriv.main(["--kp-model", "rules", "run", "--adapter", "kp", "--suite", str(suite), "--limit", "25",
                       "--out", str(out)])  # fmt: skip
    assert done.value.code in (0, None)
    board = json.loads(Path(out).read_text(encoding="utf-8"))
    ((key, (row,)),) = board["entries"].items()
    assert key.startswith("kp::") and row["n"] == 25 and row["europriv_bench_version"] == "0.2.0"

    from kp_core.evaluation.runner import run_spec
    from kp_core.evaluation.spec import EvalSpec

    builtin = run_spec(EvalSpec.from_yaml(suite / "it.yaml"), load_detector("rules"), dev_rows["it"], limit=25)
    assert row["scores"] == builtin["scores"]


def test_kp_model_needs_a_reference():
    with pytest.raises(SystemExit, match="--kp-model needs a model reference"):
        europriv.main(["--kp-model"])
