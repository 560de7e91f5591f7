"""benchmarks/bench_route.py runs with any classifier: here the keyword fake on a few dev rows."""

# ruff: noqa: F811
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.core.test_classify_fake import keyword_family  # noqa: F401  (a fixture; tests take it by name: F811 below)

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_route", ROOT / "benchmarks" / "bench_route.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_clean_documents_lose_every_line_with_a_span() -> None:
    bench = _bench()
    text = "Name: Anna\nnothing here\nID 123\n"
    spans = [{"start": 6, "end": 10, "label": "PERSON"}, {"start": 27, "end": 30, "label": "NATIONAL_ID"}]
    assert bench.without_span_lines(text, spans) == "nothing here"


def test_the_routing_benchmark_with_the_fake_classifier(keyword_family: str, dev_dir: Path, capsys) -> None:
    bench = _bench()
    bench.main(["--route", keyword_family, "--data-dir", str(dev_dir), "--limit", "3", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result["documents"]["dev"] == 12 and result["documents"]["clean"] == 12
    # the fake skips only "#clean" texts: nothing here, so routing changes nothing
    assert result["skipped"] == {"dev": 0, "clean": 0}
    plain, routed = result["without_routing"], result["with_routing"]
    assert routed["entity_f1"] == plain["entity_f1"] and routed["national_id_leak"] == plain["national_id_leak"]
    assert plain["national_id_leak"]["national_ids"] > 0 and routed["routing"]["documents"] == 24
    skipping = bench.run(keyword_family, data_dir=dev_dir, limit=3, threshold=0.95)  # above every score: all skip
    assert skipping["skipped"] == {"dev": 12, "clean": 12}
    assert skipping["with_routing"]["entity_f1"]["f1"] == 0.0
    assert skipping["with_routing"]["national_id_leak"]["leak_rate"] == 1.0
    assert "with routing" in bench.format_result(skipping)
