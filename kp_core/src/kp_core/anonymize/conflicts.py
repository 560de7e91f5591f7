"""Overlap resolution: turns any list of spans into sorted, non-overlapping spans.

Policy (privacy first): overlapping spans are merged into their union, so no character that any
detector flagged is left in clear. The merged span takes the label of its strongest member:
highest score (a span without a score counts as 1.0, the case of caller-given gold spans), then
the longest, then the earliest, then taxonomy order. Touching spans (``a.end == b.start``) stay
separate, except for ``redact``, which follows the harness and merges them too.
"""

from __future__ import annotations

from collections.abc import Iterable

from kp_core.taxonomy import entity_names
from kp_core.types import Span


def _strength(span: Span, order: dict[str, int]) -> tuple:
    score = 1.0 if span.score is None else float(span.score)
    return (-score, -(span.end - span.start), span.start, order.get(span.label, len(order)))


def resolve_overlaps(spans: Iterable[Span], *, merge_touching: bool = False) -> list[Span]:
    """Sorted, non-overlapping spans; overlapping groups become one span labelled by the strongest."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    if not ordered:
        return []
    order = {name: i for i, name in enumerate(entity_names())}
    resolved: list[Span] = []
    group: list[Span] = [ordered[0]]
    group_end = ordered[0].end
    for span in ordered[1:]:
        joins = span.start < group_end or (merge_touching and span.start == group_end)
        if joins:
            group.append(span)
            group_end = max(group_end, span.end)
            continue
        resolved.append(_merge(group, group_end, order))
        group, group_end = [span], span.end
    resolved.append(_merge(group, group_end, order))
    return resolved


def _merge(group: list[Span], end: int, order: dict[str, int]) -> Span:
    if len(group) == 1:
        return group[0]
    best = min(group, key=lambda s: _strength(s, order))
    scores = [s.score for s in group if s.score is not None]
    return Span(group[0].start, end, best.label, max(scores) if scores else None)
