"""Shared stand-ins for the moe-finetune tests: a tiny privacy-filter (2 blocks, d 32, 8 experts
top-2, the full o200k vocabulary) in openai's 33-label space, built once per test process, and a
templated dataset that mixes KP types without an openai counterpart with crosswalked ones."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.templated import fill_template

TINY = dict(
    num_hidden_layers=2,
    hidden_size=32,
    intermediate_size=32,
    head_dim=8,
    num_attention_heads=4,
    num_key_value_heads=2,
    num_local_experts=8,
    num_experts_per_tok=2,
    sliding_window=16,
)

_BUILT: dict[str, Path] = {}


def build_tiny_base(folder: Path, seed: int = 0, sharpen: float = 40.0) -> Path:
    """A random privacy-filter in openai's 33-label space, with the o200k tokenizer beside it.
    ``sharpen`` scales the head so the random logits are decisive (varied, non-empty spans)."""
    import torch
    from transformers import OpenAIPrivacyFilterForTokenClassification

    from kp_torch.moe.model import privacy_filter_config
    from kp_torch.tokenizers import o200k_tokenizer

    torch.manual_seed(seed)
    model = OpenAIPrivacyFilterForTokenClassification(privacy_filter_config(**TINY))
    with torch.no_grad():
        model.score.weight.mul_(sharpen)
        model.score.bias.normal_(0.0, 1.0)
        model.score.bias[model.config.label2id["O"]] += 3.0  # mostly O, like a real detector
    model.save_pretrained(str(folder))
    o200k_tokenizer().save_pretrained(str(folder))
    return folder


def shared_tiny_base(tmp_path_factory) -> Path:
    """The seed-0 tiny base, built on first use and reused by every moe test module of the session
    (a session fixture defined in two modules would be built twice)."""
    folder = _BUILT.get("base")
    if folder is None or not (folder / "config.json").is_file():
        folder = _BUILT["base"] = build_tiny_base(tmp_path_factory.mktemp("pf-base"))
    return folder


# Training-like data for the label-space extension: HEALTH_CONDITION, CASE_NUMBER and COMPANY_ID
# (no openai counterpart; they start below account_number / private_person rows) beside PERSON,
# EMAIL and DATE (copied from openai's rows).
NEW_TYPES = ("HEALTH_CONDITION", "CASE_NUMBER", "COMPANY_ID")
CROSSWALKED_TYPES = ("PERSON", "EMAIL", "DATE")
CONDITIONS = ["diabetes", "asthma", "hypertension", "epilepsy", "migraine", "pneumonia", "anaemia", "psoriasis"]
FIRST = ["Mario", "Anna", "Jonas", "Eva", "Lars", "Petra", "Karel", "Giulia"]
LAST = ["Rossi", "Novak", "Berg", "Hansen", "Bianchi", "Svoboda"]
TEMPLATES = [
    "Patient {P} was diagnosed with {H} on {D}.",
    "Case {C} concerns company {K}, represented by {P}.",
    "Diagnosis: {H}. Contact {E} for the file.",
    "Company register number {K}; case {C} opened on {D}.",
    "{P} reports chronic {H} since {D}.",
    "Appeal in case {C} lodged by {P}, e-mail {E}.",
]


def _values(rng: random.Random, first: str, last: str) -> dict[str, tuple[str, str]]:
    return {
        "P": (f"{first} {last}", "PERSON"),
        "E": (f"{first.lower()}.{last.lower()}@example.com", "EMAIL"),
        "D": (f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(1950, 2020)}", "DATE"),
        "H": (rng.choice(CONDITIONS), "HEALTH_CONDITION"),
        "C": (f"{rng.randint(1, 9)}K{rng.randint(100, 999)}/{rng.randint(10, 24)}", "CASE_NUMBER"),
        "K": (f"CZ{rng.randint(10_000_000, 99_999_999)}", "COMPANY_ID"),
    }


def _fill(rng: random.Random, template: str) -> dict:
    return fill_template(rng, template, FIRST, LAST, _values)


def new_type_rows(n: int, seed: int) -> list[dict]:
    """Rows cycling through the templates with fresh fillers; every row is its own split group, so
    a template-disjoint split still trains on every template."""
    rng = random.Random(seed)
    return [{**_fill(rng, TEMPLATES[i % len(TEMPLATES)]), "template_id": f"r{seed}-{i}"} for i in range(n)]


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path
