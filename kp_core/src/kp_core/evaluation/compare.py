"""Per-subject prediction dumps and the paired comparison of two of them.

A dump file is ``{timestamp, dumps: [{adapter, model_id, spec, dataset, n, limit, subjects: [...]}]}``
(the harness's format). kp writes subject values as ``sha256:<hex>`` unless raw values are asked
for, so a dump is not a copy of the gold identifiers; pairing hashes raw values the same way, so
kp dumps and harness dumps pair with each other.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kp_core.metrics.significance import mcnemar_from_outcomes, paired_bootstrap

HASH_PREFIX = "sha256:"


def hash_value(value: str) -> str:
    if value.startswith(HASH_PREFIX):
        return value
    return HASH_PREFIX + hashlib.sha256(value.encode("utf-8")).hexdigest()


def hashed_dumps(dumps: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for dump in dumps:
        dump = dict(dump)
        if "subjects" in dump:
            dump["subjects"] = [{**s, "value": hash_value(str(s["value"]))} for s in dump["subjects"]]
        out.append(dump)
    return out


def write_dumps(
    path: str | Path, dumps: Sequence[Mapping[str, Any]], *, timestamp: str | None, raw_values: bool
) -> None:
    payload = {"timestamp": timestamp, "dumps": list(dumps) if raw_values else hashed_dumps(dumps)}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_dumps(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    dumps = payload.get("dumps") if isinstance(payload, dict) else None
    if not isinstance(dumps, list):
        raise ValueError(f"{path}: not a predictions dump (expected an object with a 'dumps' list)")
    for i, dump in enumerate(dumps):
        if not isinstance(dump, dict) or "spec" not in dump or not ("subjects" in dump or "tab_subjects" in dump):
            raise ValueError(f"{path}: dumps[{i}] lacks 'spec' and a subject list")
    return dumps


def _id_outcomes(dump: Mapping[str, Any]) -> dict[tuple, bool]:
    return {(s["doc"], s["country"], hash_value(str(s["value"]))): bool(s["detected"]) for s in dump["subjects"]}


def _tab_direct_outcomes(dump: Mapping[str, Any]) -> dict[tuple, bool]:
    return {
        (s["doc"], str(s["entity_id"])): bool(s["detected"])
        for s in dump["tab_subjects"]
        if str(s["identifier_type"]).upper() == "DIRECT"
    }


def _pair(a: dict[tuple, bool], b: dict[tuple, bool]) -> tuple[list[bool], list[bool]]:
    shared = sorted(set(a) & set(b))
    return [a[k] for k in shared], [b[k] for k in shared]


def compare_dumps(a_dumps: Sequence[Mapping[str, Any]], b_dumps: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """For every (spec, subject kind) in both: exact McNemar over the shared subjects and the paired
    bootstrap of the leak-rate difference (A − B; national IDs: all shared subjects; TAB: DIRECT)."""
    results = []
    for kind, field, outcomes in (
        ("national_id", "subjects", _id_outcomes),
        ("tab_direct", "tab_subjects", _tab_direct_outcomes),
    ):
        a_by_spec = {d["spec"]: d for d in a_dumps if field in d}
        b_by_spec = {d["spec"]: d for d in b_dumps if field in d}
        pairs = [(spec, a_by_spec[spec], b_by_spec[spec]) for spec in sorted(set(a_by_spec) & set(b_by_spec))]
        if not pairs and len(a_by_spec) == 1 and len(b_by_spec) == 1:
            # One dump on each side under different spec names (e.g. a default spec named after the
            # file): pair them, the subject keys decide what is shared.
            (a_name, a_dump), (b_name, b_dump) = next(iter(a_by_spec.items())), next(iter(b_by_spec.items()))
            pairs = [(a_name if a_name == b_name else f"{a_name} | {b_name}", a_dump, b_dump)]
        for spec, a_dump, b_dump in pairs:
            a_det, b_det = _pair(outcomes(a_dump), outcomes(b_dump))
            entry: dict[str, Any] = {
                "spec": spec,
                "subjects": kind,
                "a": f"{a_dump.get('adapter')}::{a_dump.get('model_id')}",
                "b": f"{b_dump.get('adapter')}::{b_dump.get('model_id')}",
                "shared_subjects": len(a_det),
                "a_leaked": sum(not x for x in a_det),
                "b_leaked": sum(not x for x in b_det),
                "mcnemar": mcnemar_from_outcomes(a_det, b_det).to_json(),
                "paired_bootstrap": None,
            }
            if a_det:
                entry["paired_bootstrap"] = paired_bootstrap([not x for x in a_det], [not x for x in b_det]).to_json()
            results.append(entry)
    return results


def format_comparison(results: Sequence[Mapping[str, Any]]) -> str:
    if not results:
        return "no spec has subject dumps in both files"
    lines = []
    for r in results:
        m, bs = r["mcnemar"], r["paired_bootstrap"]
        lines.append(f"{r['spec']} [{r['subjects']}]  A={r['a']}  B={r['b']}")
        lines.append(
            f"  shared subjects {r['shared_subjects']}: A leaked {r['a_leaked']}, B leaked {r['b_leaked']}; "
            f"McNemar b={m['b']} c={m['c']} exact p={m['p_value']:.3g} ({'significant' if m['significant'] else 'not significant'})"
        )
        if bs:
            lines.append(
                f"  leak difference A-B {bs['delta']:+.4f}, 95% paired bootstrap [{bs['ci_low']:+.4f}, {bs['ci_high']:+.4f}]"
                f" ({bs['resamples']} resamples, seed {bs['seed']}){'; A significantly lower' if bs['significant'] else ''}"
            )
    return "\n".join(lines)
