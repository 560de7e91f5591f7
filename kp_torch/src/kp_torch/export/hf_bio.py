"""``kp export hf-bio``: the same weights with the head's labels renamed from BIOES to BIO, so the
plain transformers token-classification pipeline groups spans.

The pipeline's grouping reads only ``B-``/``I-`` prefixes. Renaming ``S-X`` to ``B-X`` and ``E-X``
to ``I-X`` keeps every logit row: the argmax token is the same, only its name changes. A BIOES span
``B I* E`` reads ``B I* I`` and a one-token ``S`` reads ``B``, both one BIO span; two adjacent spans
(``S S``, ``E B``) read ``B B`` and ``I B``, which the pipeline splits at the ``B``. What stays
different from kp's detector is the decoding: the pipeline takes each token's argmax in one pass,
kp runs a constrained Viterbi over overlapping windows (agreement is measured, not assumed).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kp_core.plugins.manifest import write_kp_json
from kp_torch.export.source import (
    CONFIG,
    copy_model_files,
    export_record,
    output_folder,
    read_source,
)

RENAME = {"S": "B", "E": "I"}  # BIOES prefix -> BIO prefix; B, I and O keep theirs
TOKENIZER_CONFIG = "tokenizer_config.json"
FAMILY = "hf-token-classification"  # kp reads a BIO checkpoint through this family


def bio_labels(id2label: Mapping[int, str]) -> dict[int, str]:
    """``id2label`` with ``S-`` read as ``B-`` and ``E-`` as ``I-`` (ids and rows unchanged)."""
    renamed = {}
    for index, label in id2label.items():
        prefix, dash, kind = label.partition("-")
        renamed[index] = f"{RENAME.get(prefix, prefix)}{dash}{kind}" if dash else label
    return renamed


def aggregation_strategy(label_scheme: str) -> str:
    """The pipeline grouping that matches how the model was trained: ``simple`` when every subword
    carries a label, ``first`` (a word takes its first subword's label) when only first ones do."""
    return "simple" if label_scheme == "all" else "first"


def export_hf_bio(model: Path, out: Path, *, overwrite: bool = False) -> tuple[Path, dict[str, Any]]:
    """Write the BIO copy of checkpoint ``model`` to ``out``; the folder and its export record."""
    source = read_source(Path(model))
    bio = bio_labels(source.id2label)
    record = export_record(
        source,
        "hf-bio",
        label_map={"S-": "B-", "E-": "I-"},
        pipeline={
            "task": "token-classification",
            "aggregation_strategy": aggregation_strategy(source.label_scheme),
            "model_max_length": source.max_length,
        },
    )
    with output_folder(Path(out), source=source.folder, overwrite=overwrite) as folder:
        copy_model_files(source.folder, folder, skip=frozenset({CONFIG, "kp.json"}))
        config = dict(source.config)
        config["id2label"] = {str(i): label for i, label in sorted(bio.items())}
        # Several rows share a BIO name: label2id names the first row of each.
        label2id: dict[str, int] = {}
        for index, label in sorted(bio.items()):
            label2id.setdefault(label, index)
        config["label2id"] = label2id
        (folder / CONFIG).write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _limit_tokenizer(folder, source.max_length)
        manifest = dict(source.manifest or {})
        manifest.update({"family": FAMILY, "framework": "torch", "export": record})
        write_kp_json(folder, manifest)
    return Path(out), record


def _limit_tokenizer(folder: Path, max_length: int | None) -> None:
    """Tokens per pass = the length kp trained and predicts at, so the pipeline truncates (or, given
    ``stride``, windows) there rather than at the base model's longer limit."""
    path = folder / TOKENIZER_CONFIG
    if max_length is None or not path.is_file():
        return
    config = json.loads(path.read_text(encoding="utf-8"))
    config["model_max_length"] = int(max_length)
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
