"""``kp export onnx``: the token classifier as an ONNX graph (dynamic batch and sequence axes) with
its tokenizer, checked against the torch model before the folder is written.

The graph comes from torch's own exporter (``torch.onnx.export``, the dynamo path with onnxscript):
optimum's exporter would pin transformers to an older major release. The check runs kp's detector
twice on the same texts, once on torch and once on ONNX Runtime (:class:`OnnxDetector`: the same
windows and the same constrained Viterbi, only the forward pass differs), and compares raw logits
and decoded spans.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import numpy as np

from kp_core.plugins.manifest import write_kp_json
from kp_torch.engine import DEFAULT_BATCH_SIZE, DEFAULT_MAX_LENGTH, EncoderDetector
from kp_torch.export.source import ExportError, copy_model_files, export_record, output_folder, read_source
from kp_torch.export.texts import SAMPLE_TEXTS

ONNX_FILE = "model.onnx"
FAMILY = "xlmr-ner-onnx"  # what an export's kp.json names (kp_torch.export.family runs it)
DEFAULT_OPSET = 18
DEFAULT_TOLERANCE = 1e-3  # max |logit diff| an export may show against torch (float32 on CPU: ~1e-5)
INPUTS = ("input_ids", "attention_mask")
WEIGHTS = frozenset({"model.safetensors", "pytorch_model.bin", "model.safetensors.index.json", "kp.json"})
INSTALL = "pip install 'kp-torch[onnx]'"
# ONNX protobufs stop at 2 GiB: bigger weights go to model.onnx.data next to the graph.
SINGLE_FILE_LIMIT = 1_800_000_000


@attrs.frozen
class ParityReport:
    """ONNX Runtime against torch on ``texts`` texts: raw logits and kp's decoded spans."""

    texts: int
    max_abs_logit_diff: float
    identical_docs: int
    tolerance: float

    @property
    def passed(self) -> bool:
        return self.max_abs_logit_diff <= self.tolerance and self.identical_docs == self.texts

    def to_json(self) -> dict[str, Any]:
        return {**attrs.asdict(self), "passed": self.passed}

    def summary(self) -> str:
        return (
            f"parity on {self.texts} texts: max |logit diff| {self.max_abs_logit_diff:.2e} "
            f"(tolerance {self.tolerance:g}), identical spans in {self.identical_docs}/{self.texts} documents"
        )


class OnnxDetector(EncoderDetector):
    """kp's detector with its forward pass on ONNX Runtime (CPU): windows, averaging and decoding
    are the torch engine's own."""

    def __init__(self, session: Any, config: Any, tokenizer: Any, **options: Any) -> None:
        super().__init__(SimpleNamespace(config=config), tokenizer, **options)
        self.session = session

    @classmethod
    def from_folder(
        cls,
        folder: Path,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        threads: int | None = None,
        max_length: int | None = None,
        operating_point: Any = None,
    ) -> OnnxDetector:
        """Load an export folder written by :func:`export_onnx` (its calibrated operating point
        too, when it has one and ``operating_point`` names none)."""
        from transformers import AutoConfig, AutoTokenizer

        from kp_core.decoding.calibration import operating_point_for
        from kp_core.plugins.manifest import Manifest

        folder = Path(folder)
        if not (folder / ONNX_FILE).is_file():
            raise ExportError(f"{folder}: no {ONNX_FILE}; give a folder kp export onnx wrote")
        meta = Manifest.read(folder)
        return cls(
            open_session(folder / ONNX_FILE, threads=threads),
            AutoConfig.from_pretrained(str(folder)),
            AutoTokenizer.from_pretrained(str(folder), use_fast=True),
            model_id=folder.name,
            name=FAMILY,
            max_length=max_length or (meta and meta.max_length) or DEFAULT_MAX_LENGTH,
            batch_size=batch_size,
            label_scheme=(meta and meta.label_scheme) or EncoderDetector.default_label_scheme,
            operating_point=operating_point_for(operating_point, folder),
        )

    def logits(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]

    def _forward(self, rows: list[list[int]]) -> np.ndarray:
        from kp_core.decoding.window_scorer import pad_rows

        ids, mask = pad_rows(rows, self.pad_id, np.int64)
        logits = self.logits(ids, mask).astype(np.float32)
        shifted = logits - logits.max(axis=-1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def open_session(path: Path, *, threads: int | None = None) -> Any:
    ort = _require("onnxruntime")
    options = ort.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def export_onnx(
    model: Path,
    out: Path,
    *,
    opset: int = DEFAULT_OPSET,
    texts: Sequence[str] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    overwrite: bool = False,
) -> tuple[Path, ParityReport]:
    """Export checkpoint ``model`` to ``out``/model.onnx with its tokenizer and config; refused (and
    nothing written) when ONNX Runtime's logits or spans disagree with torch's on ``texts``."""
    _require("onnx")
    _require("onnxscript")
    _require("onnxruntime")
    source = read_source(Path(model))
    sample = list(texts) if texts is not None else list(SAMPLE_TEXTS)
    reference = EncoderDetector.from_pretrained(source.folder, device="cpu")
    started = time.perf_counter()
    with output_folder(Path(out), source=source.folder, overwrite=overwrite) as folder:
        _write_graph(reference, folder / ONNX_FILE, opset)
        copy_model_files(source.folder, folder, skip=WEIGHTS)
        seconds = round(time.perf_counter() - started, 1)
        manifest = {**(source.manifest or {}), "family": FAMILY, "framework": "onnx"}
        record = export_record(source, "onnx", file=ONNX_FILE, opset=opset, exporter=_exporter(), seconds=seconds)
        write_kp_json(folder, {**manifest, "export": record})  # the detector below reads its max_length
        report = check_parity(reference, OnnxDetector.from_folder(folder), sample, tolerance=tolerance)
        if not report.passed:
            raise ExportError(f"{out}: the ONNX model disagrees with torch ({report.summary()}); nothing was written")
        write_kp_json(folder, {**manifest, "export": {**record, "parity": report.to_json()}})
    return Path(out), report


def check_parity(
    torch_detector: EncoderDetector,
    onnx_detector: OnnxDetector,
    texts: Sequence[str],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
) -> ParityReport:
    """Max |logit diff| on each text's first window (batched, padded: the dynamic axes in use)
    and the documents whose kp spans are identical."""
    diff = max_logit_diff(torch_detector, onnx_detector, texts)
    ours = torch_detector.predict_spans(texts)
    theirs = onnx_detector.predict_spans(texts)
    identical = sum(_span_keys(a) == _span_keys(b) for a, b in zip(ours, theirs, strict=True))
    return ParityReport(texts=len(texts), max_abs_logit_diff=diff, identical_docs=identical, tolerance=tolerance)


def max_logit_diff(torch_detector: EncoderDetector, onnx_detector: OnnxDetector, texts: Sequence[str]) -> float:
    import torch

    worst = 0.0
    for start in range(0, len(texts), torch_detector.batch_size):
        batch = torch_detector.tokenizer(
            list(texts[start : start + torch_detector.batch_size]),
            truncation=True,
            max_length=torch_detector.max_length,
            padding=True,
            return_tensors="np",
        )
        ids, mask = batch["input_ids"].astype(np.int64), batch["attention_mask"].astype(np.int64)
        with torch.inference_mode():
            expected = torch_detector.model(
                input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)
            ).logits
        got = onnx_detector.logits(ids, mask)
        keep = mask.astype(bool)  # padding positions are not compared
        worst = max(worst, float(np.abs(expected.float().numpy() - got)[keep].max()))
    return worst


def _span_keys(spans: Sequence[Any]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in spans]


def _logits_module(model: Any) -> Any:
    """The model as ``(input_ids, attention_mask) -> logits``: one named output for the graph."""
    import torch

    class Logits(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.model(input_ids=input_ids, attention_mask=attention_mask).logits

    return Logits().eval()


def _write_graph(detector: EncoderDetector, path: Path, opset: int) -> None:
    import torch

    example = detector.tokenizer(list(SAMPLE_TEXTS[:2]), padding=True, return_tensors="pt")
    args = (example["input_ids"].long(), example["attention_mask"].long())
    batch, sequence = torch.export.Dim("batch"), torch.export.Dim("sequence")
    try:
        with contextlib.redirect_stdout(sys.stderr):  # the exporter prints progress; stdout is --json's
            torch.onnx.export(
                _logits_module(detector.model),
                args,
                str(path),
                input_names=list(INPUTS),
                output_names=["logits"],
                opset_version=opset,
                dynamo=True,
                dynamic_shapes=({0: batch, 1: sequence}, {0: batch, 1: sequence}),
                external_data=_weight_bytes(detector.model) > SINGLE_FILE_LIMIT,
                verbose=False,
            )
    except Exception as exc:  # noqa: BLE001 - the exporter raises many kinds; say which model and opset
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        raise ExportError(
            f"{path.parent.name}: torch.onnx could not export this model at opset {opset} "
            f"({type(exc).__name__}: {first}); try another --opset"
        ) from exc


def _weight_bytes(model: Any) -> int:
    return sum(p.numel() * p.element_size() for p in model.parameters())


def _exporter() -> str:
    import torch

    return f"torch.onnx (dynamo) {torch.__version__}"


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExportError(f"kp export onnx needs {module}: {INSTALL}") from None
