"""The ``example-tagger`` family: a linear BIOES tagger over whitespace tokens, trained with numpy.

A whole trainable family in one file, written only against kp's public training API: the
:class:`TaggerRecipe` says how to build, step, save and restore the model; kp's driver does the
rest (split, seeds, batches, schedule, time budget, checkpoints, ``kp.json``, push). Each token's
features (its shape, affixes, neighbours) are hashed into ``features`` rows of one weight matrix;
a token's label scores are the sum of its rows, and a constrained Viterbi turns them into spans.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kp_core.encoding.grid import bioes_to_spans, predicted_bioes, whitespace_tokens
from kp_core.taxonomy import bioes_labels, label2id
from kp_core.training import MicroStep, Option, RunContext, TrainingError
from kp_core.types import Example, Span

FAMILY = "example-tagger"
WEIGHTS = "tagger.safetensors"  # the saved model: "weights" (features x labels) and "bias"
STATE = "state.safetensors"  # a checkpoint: weights, AdamW moments, step count and RNG state
BETAS, EPS = (0.9, 0.999), 1e-8


def _shape(token: str) -> str:
    """The token's shape with runs collapsed: ``Popescu`` -> ``Xx``, ``12/03/1985`` -> ``d/d/d``."""
    kinds = ["X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in token]
    return "".join(k for i, k in enumerate(kinds) if i == 0 or k != kinds[i - 1])[:16]


def token_features(tokens: Sequence[str], dims: int) -> np.ndarray:
    """(tokens, 12) row indices: each named feature hashed (crc32: stable across runs) into ``dims``."""
    shapes = ["^", *(_shape(t) for t in tokens), "$"]
    words = ["^", *(t.lower() for t in tokens), "$"]
    rows = []
    for i, low in enumerate(words[1:-1], start=1):
        names = (
            "bias", f"w={low}", f"s={shapes[i]}", f"n={min(len(low), 20)}", f"p2={low[:2]}", f"p3={low[:3]}",
            f"x2={low[-2:]}", f"x3={low[-3:]}", f"ps={shapes[i - 1]}", f"ns={shapes[i + 1]}",
            f"pw={words[i - 1]}", f"nw={words[i + 1]}",
        )  # fmt: skip
        rows.append([zlib.crc32(name.encode()) % dims for name in names])
    return np.asarray(rows, dtype=np.int64).reshape(len(tokens), 12)


def _table_size(value: Any) -> int:
    """``--features``: a whole number of rows, at least 16 (an option's ``kind`` may be a parser)."""
    if int(value) != float(value) or int(value) < 16:
        raise ValueError("expected a whole number of at least 16")
    return int(value)


def _share(value: Any) -> float:
    """``--dropout``: a share in [0, 1)."""
    if not 0.0 <= float(value) < 1.0:
        raise ValueError("expected a share in [0, 1)")
    return float(value)


def _log_softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _encode(example: Example, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """(features, gold label ids) of one document; two spans sharing a token keep the first."""
    tokens = whitespace_tokens(example.text)
    tags = predicted_bioes(example.text, example.spans, tokens)
    ids = label2id()
    return token_features([example.text[a:b] for a, b in tokens], dims), np.array([ids[t] for t in tags])


class TaggerDetector:
    """Tags each whitespace token (best valid BIOES path) and reads the spans off the tags."""

    name = FAMILY

    def __init__(self, weights: np.ndarray, bias: np.ndarray, model_id: str) -> None:
        self.weights, self.bias, self.model_id = weights, bias, model_id

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        from kp_core.decoding import viterbi

        labels, out = bioes_labels(), []
        for text in texts:
            tokens = whitespace_tokens(text)
            if not tokens:
                out.append([])
                continue
            ids = token_features([text[a:b] for a, b in tokens], len(self.weights))
            path = viterbi(_log_softmax(self.weights[ids].sum(axis=1) + self.bias))
            out.append(bioes_to_spans(text, [labels[i] for i in path], tokens))
        return out


class TaggerRecipe:
    """How kp's driver trains ``example-tagger`` (see :class:`kp_core.training.Recipe`)."""

    family = FAMILY
    framework = None  # plain numpy on the host CPU: no device backend needed
    options = (
        Option(name="features", kind=_table_size, default=16384, help="Rows of the hashed feature table."),
        Option(name="dropout", kind=_share, default=0.1, help="Share of token features dropped in training."),
    )

    def setup(self, run: RunContext) -> None:
        if run.config.base != "none":
            raise TrainingError(f"{FAMILY} trains from scratch: use --base none, not --base {run.config.base}")
        dims, self.dropout = run.options["features"], run.options["dropout"]  # parsed and checked
        self.lr, self.weight_decay = run.config.lr, run.config.weight_decay
        self.rng = np.random.default_rng(run.config.seed)
        n_labels = len(bioes_labels())
        self.params = {
            "weights": self.rng.normal(0.0, 0.01, (dims, n_labels)).astype(np.float32),
            "bias": np.zeros(n_labels, dtype=np.float32),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.moments = {f"{m}_{k}": np.zeros_like(v) for k, v in self.params.items() for m in ("m", "v")}
        self.adam_step = 0
        self.items = [_encode(ex, dims) for ex in run.data.train if whitespace_tokens(ex.text)]
        self.eval_items = [_encode(ex, dims) for ex in run.data.eval if whitespace_tokens(ex.text)]

    def item_lengths(self) -> Sequence[int]:
        return [len(gold) for _, gold in self.items]

    def _scores(self, ids: np.ndarray, keep: np.ndarray) -> np.ndarray:
        return (self.params["weights"][ids] * keep[..., None]).sum(axis=1) + self.params["bias"]

    def forward_backward(self, batch: Sequence[int], loss_scale: float) -> MicroStep:
        ids = np.concatenate([self.items[i][0] for i in batch])
        gold = np.concatenate([self.items[i][1] for i in batch])
        keep = ((self.rng.random(ids.shape) >= self.dropout) / (1.0 - self.dropout)).astype(np.float32)
        logp = _log_softmax(self._scores(ids, keep))  # inverted dropout on the token features
        rows = np.arange(len(gold))
        loss = -float(logp[rows, gold].mean())
        dscores = np.exp(logp)  # d(mean cross-entropy)/d(scores) = (softmax - one-hot) / tokens
        dscores[rows, gold] -= 1.0
        dscores *= loss_scale / len(gold)
        np.add.at(self.grads["weights"], ids, dscores[:, None, :] * keep[..., None])
        self.grads["bias"] += dscores.sum(axis=0)
        return MicroStep(loss=loss, samples=len(batch), tokens=len(gold))

    def update(self, lr_factor: float) -> None:
        """One AdamW step (decoupled weight decay on the weights, not the bias)."""
        self.adam_step += 1
        lr, (b1, b2) = self.lr * lr_factor, BETAS
        for name, param in self.params.items():
            grad, m, v = self.grads[name], self.moments[f"m_{name}"], self.moments[f"v_{name}"]
            m[:] = b1 * m + (1 - b1) * grad
            v[:] = b2 * v + (1 - b2) * grad * grad
            if name == "weights":
                param -= lr * self.weight_decay * param
            m_hat, v_hat = m / (1 - b1**self.adam_step), v / (1 - b2**self.adam_step)
            param -= lr * m_hat / (np.sqrt(v_hat) + EPS)
            grad.fill(0.0)

    def save_state(self, folder: Path) -> None:
        from safetensors.numpy import save_file

        meta = {"adam_step": str(self.adam_step), "rng": json.dumps(self.rng.bit_generator.state)}
        save_file({**self.params, **self.moments}, str(folder / STATE), metadata=meta)

    def load_state(self, folder: Path) -> None:
        from safetensors import safe_open

        path = folder / STATE
        if not path.is_file():
            raise TrainingError(f"{path}: missing; the checkpoint has no {FAMILY} state")
        with safe_open(str(path), framework="numpy") as f:
            for name, array in (*self.params.items(), *self.moments.items()):
                array[...] = f.get_tensor(name)
            meta = f.metadata()
        self.adam_step = int(meta["adam_step"])
        self.rng.bit_generator.state = json.loads(meta["rng"])

    def detector(self) -> TaggerDetector:
        return TaggerDetector(self.params["weights"].copy(), self.params["bias"].copy(), model_id="training")

    def train_mode(self) -> None:
        pass  # dropout lives in forward_backward only: nothing to switch back

    def finish(self) -> Mapping[str, Any]:
        if not self.eval_items:
            return {}
        losses = []
        for ids, gold in self.eval_items:
            logp = _log_softmax(self._scores(ids, np.ones(ids.shape, dtype=np.float32)))
            losses.append(-logp[np.arange(len(gold)), gold])
        return {"eval_loss": float(np.concatenate(losses).mean())}

    def save(self, out: Path) -> Mapping[str, Any]:
        from safetensors.numpy import save_file

        save_file(self.params, str(out / WEIGHTS), metadata={"labels": json.dumps(bioes_labels())})
        return {"features": len(self.params["weights"]), "labels": list(bioes_labels())}


def load(ref: str, *, device: str = "auto", **_options: object) -> TaggerDetector:
    """A saved model: its folder (as ``kp train`` writes it) or its ``tagger.safetensors``."""
    from safetensors import safe_open

    if device not in ("auto", "cpu"):
        raise ValueError(f"{FAMILY} runs on the host CPU; --device {device} is not available to it")
    path = Path(ref) / WEIGHTS if Path(ref).is_dir() else Path(ref)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no {FAMILY} model here (kp train {FAMILY} writes one)")
    with safe_open(str(path), framework="numpy") as f:
        weights, bias, meta = f.get_tensor("weights"), f.get_tensor("bias"), f.metadata() or {}
    if json.loads(meta.get("labels", "[]")) != list(bioes_labels()):
        raise ValueError(f"{path}: trained on other labels than this kp's taxonomy; retrain it")
    return TaggerDetector(weights, bias, model_id=str(ref))
