"""Track C on every dev slice with gold spans as the detector, scored by our conformant metrics."""

from __future__ import annotations

import pytest

from kp_core.metrics.track_c import (
    information_retention,
    pseudonymization_consistency,
    redaction_leakage,
    structural_disruption,
)
from kp_core.sdk import deidentify, pseudonymize

KEY = b"track-c-test-key-0123456789"


@pytest.mark.parametrize("slice_name", ["it", "se", "cz", "dk"])
def test_track_c_with_gold_spans(dev_rows, slice_name):
    rows = dev_rows[slice_name]
    texts = [r["text"] for r in rows]
    gold = [r["spans"] for r in rows]
    results = pseudonymize(texts, key=KEY, language=rows[0]["language"], country=rows[0]["country"], spans=gold)
    outputs = [r.text for r in results]
    maps = [dict(r.surrogates) for r in results]

    leak = redaction_leakage(rows, outputs)
    assert leak["subjects_total"] > 200 and leak["subjects_leaked"] == 0
    assert information_retention(rows, outputs)["information_retention"] >= 0.95
    consistency = pseudonymization_consistency(rows, maps)
    assert consistency["in_doc_bijection_rate"] == 1.0 and consistency["cross_doc_bijection_rate"] == 1.0
    # The pseudonymizer adds no mask token: the output has exactly the source's (signature lines).
    before = structural_disruption(rows, texts)["mask_tokens"]
    assert structural_disruption(rows, outputs)["mask_tokens"] == before

    redacted = deidentify(texts, "redact", spans=gold)
    assert redaction_leakage(rows, redacted)["subjects_leaked"] == 0
