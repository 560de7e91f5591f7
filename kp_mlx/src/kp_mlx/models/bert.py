"""BERT-family token classifiers in MLX (BERT, RoBERTa, XLM-R, CamemBERT).

Module and parameter names mirror transformers' ``*ForTokenClassification`` exactly, so a
``save_pretrained`` folder loads with no key mapping. Inference only follows the reference
(dropout is the identity in eval); the same modules train, with dropout, under LoRA.
"""

from __future__ import annotations

import math
from typing import Any

import mlx.core as mx
import mlx.nn as nn

from kp_mlx.models.activations import activation

# model_type -> the attribute holding the encoder in the token-classification model.
PREFIX = {"bert": "bert", "roberta": "roberta", "xlm-roberta": "roberta", "camembert": "roberta"}
# RoBERTa-style models number positions from padding_idx + 1 and skip pads.
OFFSET_POSITIONS = {"roberta", "xlm-roberta", "camembert"}


def _check(config: dict[str, Any]) -> None:
    kind = config.get("position_embedding_type", "absolute") or "absolute"
    if kind != "absolute":
        raise ValueError(f"position_embedding_type {kind!r} is not supported (absolute only)")
    if config.get("is_decoder") or config.get("add_cross_attention"):
        raise ValueError("decoder or cross-attention BERT configs are not token classifiers kp runs")


class BertEmbeddings(nn.Module):
    def __init__(self, config: dict[str, Any], offset_positions: bool) -> None:
        super().__init__()
        hidden = config["hidden_size"]
        self.word_embeddings = nn.Embedding(config["vocab_size"], hidden)
        self.position_embeddings = nn.Embedding(config["max_position_embeddings"], hidden)
        self.token_type_embeddings = nn.Embedding(config.get("type_vocab_size", 2), hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=config.get("layer_norm_eps", 1e-12))
        self.dropout = nn.Dropout(config.get("hidden_dropout_prob", 0.0))
        self._offset = offset_positions
        self._pad = int(config.get("pad_token_id") or 0)

    def __call__(self, input_ids: mx.array) -> mx.array:
        if self._offset:
            keep = (input_ids != self._pad).astype(mx.int32)
            positions = mx.cumsum(keep, axis=1) * keep + self._pad
        else:
            positions = mx.broadcast_to(mx.arange(input_ids.shape[1])[None], input_ids.shape)
        types = mx.zeros_like(input_ids)
        x = self.word_embeddings(input_ids) + self.token_type_embeddings(types)
        x = x + self.position_embeddings(positions)
        return self.dropout(self.LayerNorm(x))


class BertSelfAttention(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        hidden = config["hidden_size"]
        self.num_heads = config["num_attention_heads"]
        self.head_dim = hidden // self.num_heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.dropout_p = config.get("attention_probs_dropout_prob", 0.0)

    def __call__(self, x: mx.array, mask: mx.array) -> mx.array:
        b, t, _ = x.shape

        def heads(y: mx.array) -> mx.array:
            return y.reshape(b, t, self.num_heads, self.head_dim).transpose(0, 2, 1, 3)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scale = 1.0 / math.sqrt(self.head_dim)
        if self.training and self.dropout_p > 0:
            scores = (q * scale) @ k.transpose(0, 1, 3, 2)
            scores = mx.where(mask, scores, mx.array(-1e9, dtype=scores.dtype))
            probs = nn.Dropout(self.dropout_p)(mx.softmax(scores, axis=-1, precise=True))
            out = probs @ v
        else:
            out = mx.fast.scaled_dot_product_attention(q, k, v, scale=scale, mask=mask)
        return out.transpose(0, 2, 1, 3).reshape(b, t, -1)


class BertResidualOutput(nn.Module):
    """dense -> dropout -> LayerNorm(x + residual): transformers' ``*SelfOutput`` / ``*Output``."""

    def __init__(self, d_in: int, config: dict[str, Any]) -> None:
        super().__init__()
        hidden = config["hidden_size"]
        self.dense = nn.Linear(d_in, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=config.get("layer_norm_eps", 1e-12))
        self.dropout = nn.Dropout(config.get("hidden_dropout_prob", 0.0))

    def __call__(self, x: mx.array, residual: mx.array) -> mx.array:
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class BertAttention(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.self = BertSelfAttention(config)
        self.output = BertResidualOutput(config["hidden_size"], config)

    def __call__(self, x: mx.array, mask: mx.array) -> mx.array:
        return self.output(self.self(x, mask), x)


class BertIntermediate(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.dense = nn.Linear(config["hidden_size"], config["intermediate_size"])
        self._act = activation(config.get("hidden_act", "gelu"))

    def __call__(self, x: mx.array) -> mx.array:
        return self._act(self.dense(x))


class BertLayer(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.attention = BertAttention(config)
        self.intermediate = BertIntermediate(config)
        self.output = BertResidualOutput(config["intermediate_size"], config)

    def __call__(self, x: mx.array, mask: mx.array) -> mx.array:
        x = self.attention(x, mask)
        return self.output(self.intermediate(x), x)


class BertEncoder(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.layer = [BertLayer(config) for _ in range(config["num_hidden_layers"])]

    def __call__(self, x: mx.array, mask: mx.array) -> mx.array:
        for layer in self.layer:
            x = layer(x, mask)
        return x


class BertModel(nn.Module):
    def __init__(self, config: dict[str, Any], offset_positions: bool) -> None:
        super().__init__()
        self.embeddings = BertEmbeddings(config, offset_positions)
        self.encoder = BertEncoder(config)

    def __call__(self, input_ids: mx.array, attention_mask: mx.array) -> mx.array:
        valid = attention_mask.astype(mx.bool_)
        # A padded query also sees itself, so no row is fully masked (no NaN reaches real rows).
        same = mx.eye(input_ids.shape[1], dtype=mx.bool_)[None, None]
        mask = valid[:, None, None, :] | same
        return self.encoder(self.embeddings(input_ids), mask)


class BertForTokenClassification(nn.Module):
    """Encoder + dropout + ``classifier`` Linear, named as in transformers."""

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        _check(config)
        model_type = config.get("model_type", "bert")
        self.prefix = PREFIX[model_type]
        setattr(self, self.prefix, BertModel(config, model_type in OFFSET_POSITIONS))
        dropout = config.get("classifier_dropout")
        self.dropout = nn.Dropout(config.get("hidden_dropout_prob", 0.0) if dropout is None else dropout)
        self.classifier = nn.Linear(config["hidden_size"], len(config["id2label"]))
        self.head_name = "classifier"

    @property
    def encoder_model(self) -> BertModel:
        return getattr(self, self.prefix)

    def __call__(self, input_ids: mx.array, attention_mask: mx.array) -> mx.array:
        hidden = self.encoder_model(input_ids, attention_mask)
        return self.classifier(self.dropout(hidden))
