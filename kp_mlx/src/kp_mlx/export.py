"""``-mlx`` exports: a checkpoint folder re-saved for MLX (optionally 8- or 4-bit), with a parity report.

The export keeps transformers' parameter names; quantized layers gain ``scales``/``biases`` next
to their ``weight`` and ``config.json`` records ``"quantization": {"group_size", "bits", "mode"}``.
``kp.json`` gets ``"framework": "mlx"`` so ``--device auto`` loads the export with kp-mlx.

The parity report compares the export with its source on a text file: per-token argmax
agreement on the positions spans are decoded from, span agreement (exact start, end and label),
and the largest log-probability difference. The source runs in kp-mlx at float32, which the
parity tests tie to transformers within 1e-4 per logit.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from kp_core.hub.naming import NAMING_RULE, follows_folder_syntax
from kp_core.plugins.manifest import Manifest
from kp_mlx.checkpoint import CONFIG_JSON, WEIGHTS, read_config, write_json

SUFFIX = "-mlx"
REPORT = "parity_report.json"
BITS = (4, 8)
GROUP_SIZES = (32, 64, 128)
_COPIED = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "operating_point.json", "README.md")

# Invented multilingual sentences used when no --texts file is given.
SAMPLE_TEXTS: tuple[str, ...] = (
    "Contact Maria Ionescu at maria.ionescu@example.ro or +40 721 555 019 before Friday.",
    "Herr Jonas Albrecht wohnt in der Lindenstraße 14, 10115 Berlin, Telefon 030 5550 1234.",
    "La facture de Camille Durand (IBAN FR76 3000 6000 0112 3456 7890 189) est due le 3 mars 2024.",
    "Il signor Luca Bianchi, nato a Torino il 12/05/1981, abita in via Roma 3.",
    "Pan Piotr Kowalski mieszka przy ul. Długiej 7 w Gdańsku, tel. 600 555 123.",
    "Paní Jana Nováková z Brna zaslala e-mail na jana.novakova@example.cz dne 4. 6. 2023.",
    "Anna Lindqvist bor på Storgatan 3 i Uppsala och nås på anna.lindqvist@example.se.",
    "Kontakt Søren Mikkelsen på +45 20 55 51 23 angående sagen fra 2. maj 2022.",
)


class ExportError(ValueError):
    """An export that cannot be made as asked."""


def default_out(model: Path) -> Path:
    model = Path(model)
    return model.with_name(model.name + SUFFIX)


def check_out_name(out: Path) -> None:
    name = Path(out).name
    if not name.endswith(SUFFIX) or name.endswith(SUFFIX + SUFFIX):
        raise ExportError(
            f"--out {out}: an MLX export's folder name ends in {SUFFIX!r} once (e.g. kp-deid-moe-1.5b-mlx)"
        )
    if name.startswith("kp-") and not follows_folder_syntax(name):
        raise ExportError(f"--out {out}: {name!r} does not follow {NAMING_RULE}")


@attrs.frozen
class ParityReport:
    texts: int
    tokens: int
    argmax_agreement: float
    span_precision: float
    span_recall: float
    span_f1: float
    identical_docs: float
    max_abs_logprob_diff: float
    source_bytes: int
    export_bytes: int
    quantization: dict[str, Any] | None
    reference: str = "source checkpoint in kp-mlx at float32"

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self)

    def summary(self) -> str:
        q = self.quantization
        kind = f"{q['bits']}-bit (group {q['group_size']})" if q else "float"
        return (
            f"{kind}: {self.export_bytes / 1e6:.2f} MB (source {self.source_bytes / 1e6:.2f} MB, "
            f"{self.export_bytes / max(self.source_bytes, 1):.2f}x); on {self.texts} texts / {self.tokens} tokens: "
            f"argmax agreement {self.argmax_agreement:.4f}, span F1 {self.span_f1:.4f} "
            f"(P {self.span_precision:.4f}, R {self.span_recall:.4f}), identical docs {self.identical_docs:.4f}, "
            f"max |logprob diff| {self.max_abs_logprob_diff:.2e}"
        )


def quantize_model(model: Any, bits: int, group_size: int) -> int:
    """Quantize in place every layer whose input width divides into groups; returns how many."""
    import mlx.nn as nn

    from kp_mlx.models import quantizable

    predicate = quantizable(group_size)
    chosen = [p for p, m in model.named_modules() if predicate(p, m)]
    if not chosen:
        raise ExportError(
            f"no layer's input width is a multiple of group size {group_size}; try a smaller --group-size"
        )
    nn.quantize(model, group_size=group_size, bits=bits, class_predicate=predicate)
    return len(chosen)


def export_mlx(
    model_dir: Path,
    out: Path | None = None,
    *,
    bits: int | None = None,
    group_size: int = 64,
    texts: Sequence[str] | None = None,
    overwrite: bool = False,
) -> tuple[Path, ParityReport]:
    """Write ``out`` (default ``<model>-mlx``) and its parity report; returns both."""
    import mlx.core as mx
    from mlx.utils import tree_flatten

    from kp_mlx.engine import MLXTokenClassifier
    from kp_mlx.models import load_model

    source = Path(model_dir)
    if not source.is_dir():
        raise ExportError(f"--model {model_dir}: no such checkpoint folder")
    out = Path(out) if out is not None else default_out(source)
    check_out_name(out)
    if bits is not None and bits not in BITS:
        raise ExportError(f"--quantize {bits}: choose {' or '.join(map(str, BITS))}")
    if group_size not in GROUP_SIZES:
        raise ExportError(f"--group-size {group_size}: choose one of {', '.join(map(str, GROUP_SIZES))}")
    if read_config(source).get("quantization"):
        raise ExportError(f"--model {source}: already a quantized MLX export; export from the float checkpoint")
    if out.exists():
        if not overwrite:
            raise ExportError(f"--out {out}: exists (pass --overwrite to replace it)")
        shutil.rmtree(out)

    model, config = load_model(source)
    quantization = None
    if bits is not None:
        layers = quantize_model(model, bits, group_size)
        quantization = {"group_size": group_size, "bits": bits, "mode": "affine", "layers": layers}
    tmp = out.with_name(f".{out.name}.partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    mx.save_safetensors(str(tmp / WEIGHTS), dict(tree_flatten(model.parameters())), metadata={"format": "mlx"})
    new_config = {**config}
    if quantization:
        new_config["quantization"] = {k: quantization[k] for k in ("group_size", "bits", "mode")}
    write_json(tmp / CONFIG_JSON, new_config)
    for name in _COPIED:
        if (source / name).is_file():
            shutil.copy(source / name, tmp / name)
    meta = Manifest.read(source) or Manifest(family="xlmr-ner")
    meta = attrs.evolve(
        meta, framework="mlx", extra={**meta.extra, "source": str(source), "quantization": quantization}
    )
    meta.write(tmp)

    reference = MLXTokenClassifier.from_folder(source)
    candidate = MLXTokenClassifier.from_folder(tmp)
    report = parity_report(
        reference, candidate, list(texts or SAMPLE_TEXTS), source=source, export=tmp, quantization=quantization
    )
    write_json(tmp / REPORT, report.to_json())
    attrs.evolve(meta, extra={**meta.extra, "parity": report.to_json()}).write(tmp)
    tmp.rename(out)
    return out, report


def _weights_bytes(folder: Path) -> int:
    from kp_mlx.checkpoint import weight_files

    return sum(p.stat().st_size for p in weight_files(Path(folder)))


def parity_report(
    reference: Any, candidate: Any, texts: list[str], *, source: Path, export: Path, quantization: dict[str, Any] | None
) -> ParityReport:
    from kp_core.decoding.window_scorer import decode_documents

    agree = total = 0
    max_diff = 0.0
    matched = ref_count = cand_count = identical = 0
    scored_a, scored_b = reference.score_documents(texts), candidate.score_documents(texts)
    spans_a_all = decode_documents(texts, scored_a, space=reference.space, operating_point=reference.operating_point)
    spans_b_all = decode_documents(texts, scored_b, space=candidate.space, operating_point=candidate.operating_point)
    for a, b, doc_a, doc_b in zip(scored_a, scored_b, spans_a_all, spans_b_all, strict=True):
        if not len(a.offsets):
            identical += 1
            continue
        keep = a.decode_mask if a.decode_mask is not None else np.ones(len(a.offsets), dtype=bool)
        agree += int((a.logprobs.argmax(-1) == b.logprobs.argmax(-1))[keep].sum())
        total += int(keep.sum())
        max_diff = max(max_diff, float(np.abs(a.logprobs - b.logprobs).max()))
        spans_a, spans_b = _span_set(doc_a), _span_set(doc_b)
        matched += len(spans_a & spans_b)
        ref_count += len(spans_a)
        cand_count += len(spans_b)
        identical += int(spans_a == spans_b)
    precision = matched / cand_count if cand_count else 1.0
    recall = matched / ref_count if ref_count else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ParityReport(
        texts=len(texts),
        tokens=total,
        argmax_agreement=agree / total if total else 1.0,
        span_precision=precision,
        span_recall=recall,
        span_f1=f1,
        identical_docs=identical / len(texts) if texts else 1.0,
        max_abs_logprob_diff=max_diff,
        source_bytes=_weights_bytes(source),
        export_bytes=_weights_bytes(export),
        quantization=quantization,
    )


def _span_set(spans: Sequence[Any]) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in spans}
