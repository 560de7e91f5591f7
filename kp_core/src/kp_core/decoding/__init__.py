"""The one decoding path of kp: model log-probabilities -> valid BIOES tags -> character spans.

Every token-classification family, the SDK, the evaluators and the benchmarks decode through
these functions, so what is measured is what users get.
"""

from __future__ import annotations

from kp_core.decoding.operating_point import DEFAULT, OperatingPoint
from kp_core.decoding.space import BioesSpace, kp_space
from kp_core.decoding.spans import decode_spans, decode_spans_batch, tags_to_segments
from kp_core.decoding.viterbi import argmax_decode, viterbi, viterbi_batch
from kp_core.decoding.windows import merge_window_logprobs, plan_windows

__all__ = [
    "DEFAULT",
    "BioesSpace",
    "OperatingPoint",
    "argmax_decode",
    "decode_spans",
    "decode_spans_batch",
    "kp_space",
    "merge_window_logprobs",
    "plan_windows",
    "tags_to_segments",
    "viterbi",
    "viterbi_batch",
]
