"""MLX modules next to kp-torch on the CPU, in one run: forward tokens/s of the BERT encoder and of
the privacy-filter MoE on small-but-not-trivial configs, then 8-bit (and 4-bit) ``-mlx`` export
size and span agreement with the float source.

    python benchmarks/bench_mlx.py [--batch 16] [--seq 128] [--iters 10]

Needs torch + transformers + mlx together (the ``parity`` environment). Weights are seeded
random (initializer_range 0.1 so the heads are not near-uniform); tokenizers are trained offline
on the parity test texts.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _configs(vocab: int) -> dict[str, object]:
    from transformers import BertConfig, OpenAIPrivacyFilterConfig

    from kp_core.taxonomy import bioes_labels

    labels = dict(enumerate(bioes_labels()))
    common = {"id2label": labels, "label2id": {v: k for k, v in labels.items()}, "initializer_range": 0.1}
    return {
        "bert (4x256, 4 heads, ffn 1024)": BertConfig(
            vocab_size=vocab, hidden_size=256, num_hidden_layers=4, num_attention_heads=4,
            intermediate_size=1024, max_position_embeddings=512, pad_token_id=0, **common,
        ),
        "privacy-filter MoE (4x256, 16 experts top-4, window 32)": OpenAIPrivacyFilterConfig(
            vocab_size=vocab, hidden_size=256, intermediate_size=256, head_dim=64, num_attention_heads=4,
            num_key_value_heads=2, num_hidden_layers=4, num_local_experts=16, num_experts_per_tok=4,
            sliding_window=32, pad_token_id=0, eos_token_id=0, **common,
        ),
    }  # fmt: skip


def _float64_reference(model, ids, mask) -> np.ndarray:
    """The model's logits in float64 throughout: the yardstick both float32 runs are measured by.

    transformers' privacy-filter forces float32 in its norms, rotary tables, router, experts and
    softmax even in a double model; those casts are redirected to float64 here, for this call only.
    """
    import copy
    import types

    import torch

    double = copy.deepcopy(model).double()
    module = __import__(type(model).__module__, fromlist=["torch"])
    shim = types.SimpleNamespace(**{k: getattr(torch, k) for k in dir(torch) if not k.startswith("__")})
    shim.float32 = shim.float = torch.float64
    saved_module_torch, saved_float = getattr(module, "torch", None), torch.Tensor.float
    module.torch, torch.Tensor.float = shim, lambda self, *a, **k: self.to(torch.float64)
    try:
        if hasattr(double, "model") and hasattr(double.model, "rotary_emb"):
            double.model.rotary_emb.inv_freq = double.model.rotary_emb.inv_freq.double()
        with torch.inference_mode():
            return double(
                input_ids=torch.as_tensor(ids).long(), attention_mask=torch.as_tensor(mask).long()
            ).logits.numpy()
    finally:
        module.torch, torch.Tensor.float = saved_module_torch, saved_float


def _matmul_gflops(iters: int) -> tuple[float, float]:
    """float32 GEMM throughput of each framework's CPU BLAS on a BERT-FFN-sized product."""
    import mlx.core as mx
    import torch

    m, k, n = 2048, 256, 1024
    a, b = mx.random.normal((m, k)), mx.random.normal((k, n))
    ta, tb = torch.randn(m, k), torch.randn(k, n)
    t_mlx = _time(lambda: mx.eval(a @ b), iters)
    t_torch = _time(lambda: ta @ tb, iters)
    flops = 2 * m * k * n
    return flops / t_torch / 1e9, flops / t_mlx / 1e9


def _time(fn, iters: int) -> float:
    fn()
    fn()  # warm-up: graph build, allocator
    start = time.perf_counter()
    for _ in range(iters):
        fn()
    return (time.perf_counter() - start) / iters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seq", type=int, default=128)
    parser.add_argument("--iters", type=int, default=10)
    args = parser.parse_args()

    import mlx.core as mx
    import torch
    from transformers import AutoModelForTokenClassification, PreTrainedTokenizerFast

    from kp_core.plugins.manifest import Manifest
    from kp_mlx.export import export_mlx
    from kp_mlx.models import load_model
    from tests.parity.tiny_models import TEXTS, _byte_bpe_tokenizer

    torch.manual_seed(0)
    raw, specials = _byte_bpe_tokenizer()
    vocab = 8000
    rng = np.random.default_rng(0)
    ids = rng.integers(1, vocab, size=(args.batch, args.seq)).astype(np.int32)
    mask = np.ones_like(ids)
    tokens = args.batch * args.seq
    texts = [t for t in TEXTS if t] * 4
    print(f"CPU forward, batch {args.batch} x {args.seq} tokens, float32; torch {torch.__version__} "
          f"({torch.get_num_threads()} threads), mlx {mx.__version__} ({mx.default_device()})")  # fmt: skip
    torch_gflops, mlx_gflops = _matmul_gflops(args.iters)
    print(f"float32 matmul 2048x256 @ 256x1024: torch {torch_gflops:.1f} GFLOP/s, mlx {mlx_gflops:.1f} GFLOP/s")
    tmp = Path(tempfile.mkdtemp(prefix="kp-bench-mlx-"))
    try:
        for name, config in _configs(vocab).items():
            folder = tmp / f"kp-bench-{len(list(tmp.iterdir()))}"
            model = AutoModelForTokenClassification.from_config(config).eval()
            model.save_pretrained(str(folder))
            PreTrainedTokenizerFast(tokenizer_object=raw, **specials).save_pretrained(str(folder))
            Manifest(family="xlmr-ner", label_scheme="first", max_length=64).write(folder)
            mlx_model, _ = load_model(folder)
            t_ids, t_mask = torch.as_tensor(ids).long(), torch.as_tensor(mask).long()
            m_ids, m_mask = mx.array(ids), mx.array(mask)

            def run_torch(model=model, t_ids=t_ids, t_mask=t_mask):
                with torch.inference_mode():
                    return model(input_ids=t_ids, attention_mask=t_mask).logits

            def run_mlx(mlx_model=mlx_model, m_ids=m_ids, m_mask=m_mask):
                out = mlx_model(m_ids, m_mask)
                mx.eval(out)
                return out

            torch_out, mlx_out = run_torch().numpy(), np.array(run_mlx())
            diff = float(np.abs(torch_out - mlx_out).max())
            exact = _float64_reference(model, ids, mask)
            t_torch, t_mlx = _time(run_torch, args.iters), _time(run_mlx, args.iters)
            print(f"\n{name}")
            print(f"  torch {tokens / t_torch:10,.0f} tokens/s   mlx {tokens / t_mlx:10,.0f} tokens/s   "
                  f"mlx/torch {t_torch / t_mlx:.2f}x   max |logit diff| {diff:.1e}")  # fmt: skip
            print(f"  max |logit error| against a float64 reference: torch float32 "
                  f"{np.abs(torch_out - exact).max():.1e}, mlx float32 {np.abs(mlx_out - exact).max():.1e}")  # fmt: skip
            for bits in (8, 4):
                _, report = export_mlx(
                    folder, tmp / f"{folder.name}-q{bits}-mlx", bits=bits, group_size=64, texts=texts
                )
                print(f"  {report.summary()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
