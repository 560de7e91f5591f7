"""The texts an export is checked on: a built-in multilingual sample, or a file."""

from __future__ import annotations

import json
from pathlib import Path

from kp_torch.export.source import ExportError

# Invented people and contacts in eight languages, several PII types per text.
SAMPLE_TEXTS: tuple[str, ...] = (
    "Please call Oliver Grant on +44 20 7946 0321 or write to oliver.grant@example.co.uk by Monday.",
    "Frau Lena Hoffmann, geboren am 4. Juli 1979, wohnt in der Gartenstraße 9, 80331 München.",
    "Le dossier de Julien Moreau (né le 21/02/1990) est envoyé au 14 rue des Lilas, 69003 Lyon.",
    "La signora Chiara Galli risponde al numero 347 555 0192 e all'indirizzo chiara.galli@example.it.",
    "El paciente Diego Navarro, DNI 12345678Z, vive en la calle Mayor 5, 28013 Madrid.",
    "Pani Zofia Wiśniewska z Krakowa podała numer 512 555 304 oraz adres ul. Floriańska 11.",
    "Pan Tomáš Dvořák z Ostravy zaslal žádost dne 8. 9. 2021 z adresy tomas.dvorak@example.cz.",
    "Mevrouw Sanne de Vries woont aan de Keizersgracht 120 in Amsterdam, telefoon 06 5550 1287.",
)


def read_texts(path: Path) -> list[str]:
    """Texts of a JSONL file (``text`` field) or a plain file (one text per non-empty line)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportError(
            f"{path}: cannot read the texts ({type(exc).__name__}); give a UTF-8 text or JSONL file"
        ) from None
    if path.suffix != ".jsonl":
        texts = [line for line in lines if line.strip()]
    else:
        texts = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ExportError(f"{path}:{number}: no 'text' field ({type(exc).__name__})") from None
            if not isinstance(value, str):
                raise ExportError(f"{path}:{number}: 'text' is not a string")
            texts.append(value)
    if not texts:
        raise ExportError(f"{path}: no texts; give one text per line or JSONL rows with a 'text' field")
    return texts
