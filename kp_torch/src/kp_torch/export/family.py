"""The ``xlmr-ner-onnx`` family: folders ``kp export onnx`` wrote, run by kp's detector on ONNX
Runtime's CPU provider (same windows and decoding as ``xlmr-ner`` on torch).

Importing this module is cheap: onnxruntime and transformers load inside ``load``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kp_core.errors import KpError
from kp_core.plugins.registry import Family
from kp_torch.engine import DEFAULT_BATCH_SIZE


def load(
    ref: str,
    *,
    device: str = "auto",
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_length: int | None = None,
    operating_point: Any = None,
    bf16: bool = False,
    progress: bool | None = None,
    echo: Any = None,
) -> Any:
    """An export folder -> an :class:`~kp_torch.export.onnx.OnnxDetector` (CPU only; ``progress``
    and ``echo`` are the loaders' display options, which ONNX Runtime has no use for)."""
    from kp_torch.export.onnx import OnnxDetector

    if bf16:
        raise KpError(f"{ref}: an ONNX export runs in float32; --bf16 is for the torch checkpoint it came from")
    if device not in ("auto", "cpu"):
        raise KpError(f"{ref}: an ONNX export runs on ONNX Runtime's CPU provider; pass --device cpu (or auto)")
    return OnnxDetector.from_folder(
        Path(ref), batch_size=batch_size, threads=threads, max_length=max_length, operating_point=operating_point
    )


FAMILY = Family(
    name="xlmr-ner-onnx",
    description="xlmr-ner checkpoints exported by kp export onnx, run on ONNX Runtime (CPU)",
    frameworks=("onnx",),
    load=load,
)

FAMILIES = (FAMILY,)
