"""A small templated PII dataset in the kp row format (invented names and values)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.templated import fill_template

FIRST = ["Maria", "Jonas", "Camille", "Luca", "Piotr", "Jana", "Anna", "Soren", "Elena", "Petra"]
LAST = ["Ionescu", "Albrecht", "Durand", "Bianchi", "Kowalski", "Novak", "Lindqvist", "Popa"]
CITIES = ["Berlin", "Torino", "Gdansk", "Brno", "Uppsala", "Cluj"]

# (language, template); {P} person, {E} email, {D} date, {C} city.
TEMPLATES = [
    ("en", "Contact {P} at {E} before {D}."),
    ("de", "Herr {P} wohnt in {C} seit dem {D}."),
    ("en", "La facture de {P} est due le {D}."),
    ("de", "Il signor {P}, nato a {C}, scrive a {E}."),
    ("en", "Pan {P} mieszka w {C}."),
    ("de", "Pani {P} zaslala e-mail na {E} dne {D}."),
    ("en", "Meeting with {P} in {C} on {D}."),
    ("de", "Bitte {P} unter {E} kontaktieren."),
]


def _values(rng: random.Random, first: str, last: str) -> dict[str, tuple[str, str]]:
    return {
        "P": (f"{first} {last}", "PERSON"),
        "E": (f"{first.lower()}.{last.lower()}@example.org", "EMAIL"),
        "D": (f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(1950, 2020)}", "DATE"),
        "C": (rng.choice(CITIES), "ADDRESS"),
    }


def make_rows(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        language, template = TEMPLATES[i % len(TEMPLATES)]
        rows.append(
            {
                **fill_template(rng, template, FIRST, LAST, _values),
                "language": language,
                "doc_id": f"r{seed}-{i}",
                "template_id": f"t{i % len(TEMPLATES)}",
            }
        )
    return rows


def write_rows(path: Path, n: int, seed: int = 0) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in make_rows(n, seed)), encoding="utf-8")
    return path
