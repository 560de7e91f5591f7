"""What a Track C evaluation reads from a system: redacted texts and surrogate maps.

A detector that has its own ``anonymize(texts)`` / ``pseudonymize(texts)`` (an anonymizer model)
is asked directly. Otherwise redaction is the SDK's ``redact`` method over the detector's spans
(one ``█`` per merged span, what users get), and the surrogate maps follow the harness default:
every distinct (type, value without whitespace) gets a corpus-stable ``TYPE_n``, numbered per type
in order of first appearance, read off the system's own whitespace-grid tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kp_core.encoding.grid import bioes_to_spans
from kp_core.types import Span


def redacted_texts(system: Any, texts: Sequence[str], spans: Sequence[Sequence[Span]]) -> list[str]:
    own = getattr(system, "anonymize", None)
    if callable(own):
        out = list(own(list(texts)))
    else:
        from kp_core.sdk import deidentify

        out = list(deidentify(list(texts), "redact", spans=[list(s) for s in spans]))
    if len(out) != len(texts):
        raise ValueError(f"anonymize returned {len(out)} texts for {len(texts)} inputs")
    return out


def default_surrogate_maps(texts: Sequence[str], tags: Sequence[Sequence[str]]) -> list[dict[str, str]]:
    counters: dict[str, int] = {}
    surrogates: dict[tuple[str, str], str] = {}
    maps = []
    for text, seq in zip(texts, tags, strict=True):
        mapping: dict[str, str] = {}
        for span in bioes_to_spans(text, seq):
            value = text[span.start : span.end]
            key = (span.label, "".join(value.split()))
            if key not in surrogates:
                counters[span.label] = counters.get(span.label, 0) + 1
                surrogates[key] = f"{span.label}_{counters[span.label]}"
            mapping[value] = surrogates[key]
        maps.append(mapping)
    return maps


def surrogate_maps(system: Any, texts: Sequence[str], tags: Sequence[Sequence[str]]) -> list[dict[str, str]]:
    own = getattr(system, "pseudonymize", None)
    if callable(own):
        out = [dict(m) for m in own(list(texts))]
        if len(out) != len(texts):
            raise ValueError(f"pseudonymize returned {len(out)} maps for {len(texts)} inputs")
        return out
    return default_surrogate_maps(texts, tags)
