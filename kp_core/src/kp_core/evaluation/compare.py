"""Per-subject prediction dumps and the paired comparison of two of them.

A dump file is ``{timestamp, values, dumps: [{adapter, model_id, spec, dataset, n, limit,
subjects: [...]}]}`` (the harness's format plus a ``values`` header). Subject values are national
IDs, so kp writes them as ``hmac-sha256:<hex>`` under a secret key unless raw values are asked
for: an unsalted hash of a birth number is reversed by trying every date and serial, a keyed one
is not without the key. The header holds the scheme and a keyed fingerprint of the key (never the
key), so a dump is compared only under the key it was written with. Two runs stay comparable
because the key is the user's, not a per-run one.

Older kp dumps (``sha256:<hex>``, no header) stay readable and comparable: the run's raw values
are hashed the same way to pair with them. Harness dumps hold raw values and pair directly.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kp_core.anonymize.keys import derive_key, key_id
from kp_core.data.paths import atomic_write_text
from kp_core.errors import KpError
from kp_core.metrics.significance import mcnemar_from_outcomes, paired_bootstrap

HASH_PREFIX = "sha256:"  # older kp dumps: unkeyed, reversible by brute force for short identifiers
HMAC_PREFIX = "hmac-sha256:"
SCHEME_HMAC = "hmac-sha256"
SCHEME_RAW = "raw"
_PURPOSE = "kp prediction dump values v1"


class DumpError(KpError, ValueError):
    """A file that is not a readable predictions dump."""


class DumpKeyError(DumpError):
    """A keyed dump read without its key, or with another one."""


def dump_key_id(key: bytes) -> str:
    """The fingerprint written in a dump's header: tells keys apart, reveals nothing of them."""
    return key_id(key, _PURPOSE)


def hash_value(value: str) -> str:
    """The unkeyed ``sha256:`` form of older dumps (only to pair with them; never written)."""
    if value.startswith(HASH_PREFIX):
        return value
    return HASH_PREFIX + hashlib.sha256(value.encode("utf-8")).hexdigest()


def keyed_value(value: str, key: bytes) -> str:
    """``hmac-sha256:<hex>`` of a subject value under the dump key."""
    if value.startswith(HMAC_PREFIX):
        return value
    mac = hmac.new(derive_key(key, _PURPOSE), value.encode("utf-8"), hashlib.sha256).hexdigest()
    return HMAC_PREFIX + mac


def hashed_dumps(dumps: Sequence[Mapping[str, Any]], key: bytes) -> list[dict[str, Any]]:
    out = []
    for dump in dumps:
        dump = dict(dump)
        if "subjects" in dump:
            dump["subjects"] = [{**s, "value": keyed_value(str(s["value"]), key)} for s in dump["subjects"]]
        out.append(dump)
    return out


def write_dumps(
    path: str | Path,
    dumps: Sequence[Mapping[str, Any]],
    *,
    timestamp: str | None,
    raw_values: bool,
    key: bytes | None = None,
) -> None:
    """Write a dump atomically; values keyed under ``key`` unless ``raw_values``."""
    if raw_values:
        header: dict[str, Any] = {"scheme": SCHEME_RAW}
        body = list(dumps)
    else:
        if key is None:
            raise DumpKeyError("hashed dump values need a key (or ask for raw values)")
        header = {"scheme": SCHEME_HMAC, "key_id": dump_key_id(key)}
        body = hashed_dumps(dumps, key)
    payload = {"timestamp": timestamp, "values": header, "dumps": body}
    atomic_write_text(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n", private=True)  # IDs in raw mode


def dump_scheme(path: str | Path) -> tuple[str | None, str | None]:
    """(scheme, key id) from a dump's header; (None, None) for older dumps and harness dumps."""
    return _header(_load(Path(path)), path)


def _header(payload: Mapping[str, Any], path: str | Path) -> tuple[str | None, str | None]:
    header = payload.get("values")
    if header is None:
        return None, None
    if not isinstance(header, dict) or header.get("scheme") not in (SCHEME_HMAC, SCHEME_RAW):
        raise DumpError(f"{path}: unknown dump value scheme (expected {SCHEME_HMAC} or {SCHEME_RAW})")
    return header["scheme"], header.get("key_id")


def _load(path: Path) -> dict[str, Any]:
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DumpError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    except UnicodeDecodeError:
        raise DumpError(f"{path}: not a predictions dump (not UTF-8 text)") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("dumps"), list):
        raise DumpError(f"{path}: not a predictions dump (expected an object with a 'dumps' list)")
    return payload


def read_dumps(path: str | Path, *, key: bytes | None = None) -> list[dict[str, Any]]:
    """The dumps of a file. A keyed dump needs the key it was written with, checked against its
    header (a wrong key would silently pair nothing)."""
    path = Path(path)
    payload = _load(path)
    dumps = payload["dumps"]
    scheme, written_id = _header(payload, path)
    if scheme == SCHEME_HMAC:
        if key is None:
            raise DumpKeyError(f"{path}: its values are keyed; give the key it was written with")
        if written_id != dump_key_id(key):
            raise DumpKeyError(f"{path}: written under another key (key fingerprint differs)")
    for i, dump in enumerate(dumps):
        if not isinstance(dump, dict) or "spec" not in dump or not ("subjects" in dump or "tab_subjects" in dump):
            raise DumpError(f"{path}: dumps[{i}] lacks 'spec' and a subject list")
    return dumps


def _pairing(dumps: Sequence[Sequence[Mapping[str, Any]]], key: bytes | None) -> Callable[[str], str]:
    """How subject values are made comparable: keyed when either side is keyed, the old unkeyed
    hash when either side is an older dump, else as they are (raw against raw)."""
    values = [str(s["value"]) for side in dumps for d in side for s in d.get("subjects", ())]
    keyed = any(v.startswith(HMAC_PREFIX) for v in values)
    unkeyed = any(v.startswith(HASH_PREFIX) for v in values)
    if keyed and unkeyed:
        raise DumpKeyError("one dump has keyed values and the other older unkeyed sha256 values; they cannot pair")
    if keyed:
        if key is None:
            raise DumpKeyError("a dump has keyed values; give the key it was written with")
        return lambda v: keyed_value(v, key)
    if unkeyed:
        return hash_value
    return lambda v: v


def _id_outcomes(dump: Mapping[str, Any], token: Callable[[str], str]) -> dict[tuple, bool]:
    return {(s["doc"], s["country"], token(str(s["value"]))): bool(s["detected"]) for s in dump["subjects"]}


def _tab_direct_outcomes(dump: Mapping[str, Any]) -> dict[tuple, bool]:
    return {
        (s["doc"], str(s["entity_id"])): bool(s["detected"])
        for s in dump["tab_subjects"]
        if str(s["identifier_type"]).upper() == "DIRECT"
    }


def _pair(a: dict[tuple, bool], b: dict[tuple, bool]) -> tuple[list[bool], list[bool]]:
    shared = sorted(set(a) & set(b))
    return [a[k] for k in shared], [b[k] for k in shared]


def compare_dumps(
    a_dumps: Sequence[Mapping[str, Any]], b_dumps: Sequence[Mapping[str, Any]], *, key: bytes | None = None
) -> list[dict[str, Any]]:
    """For every (spec, subject kind) in both: exact McNemar over the shared subjects and the paired
    bootstrap of the leak-rate difference (A − B; national IDs: all shared subjects; TAB: DIRECT).
    ``key`` is the dump key, needed when either side holds keyed values."""
    token = _pairing((a_dumps, b_dumps), key)
    results = []
    for kind, field, outcomes in (
        ("national_id", "subjects", lambda d: _id_outcomes(d, token)),
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
