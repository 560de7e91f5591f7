"""Regenerate ``tests/fixtures/mlx/``: tiny checkpoints written by transformers, torch's logits on a
padded batch of real windows, and the spans kp-torch's engine decodes on the multilingual texts.

Run in an environment with kp-torch (torch + transformers):

    python -m tests.parity.make_fixtures [--out tests/fixtures/mlx]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from safetensors.numpy import save_file

from tests.parity.tiny_models import (
    FOLDER,
    TEXTS,
    build_checkpoint,
    reference_batch,
    spans_json,
    torch_detector,
    torch_logits,
)

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "fixtures" / "mlx"
REFERENCE = "reference.safetensors"
REFERENCE_SPANS = "reference_spans.json"


def write_fixture(kind: str, out: Path) -> Path:
    folder = build_checkpoint(kind, out)
    detector = torch_detector(folder)
    ids, mask = reference_batch(detector)
    logits = torch_logits(detector, ids, mask)
    save_file({"input_ids": ids, "attention_mask": mask, "logits": logits}, str(folder / REFERENCE))
    spans = spans_json(detector.predict_spans(list(TEXTS)))
    (folder / REFERENCE_SPANS).write_text(
        json.dumps({"texts": list(TEXTS), "spans": spans}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    for kind in FOLDER:
        folder = write_fixture(kind, args.out)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"{folder}: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
