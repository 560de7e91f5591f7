"""The texts an export is checked on: a built-in multilingual sample, or a file."""

from __future__ import annotations

from kp_core.data.texts_file import read_texts

__all__ = ["SAMPLE_TEXTS", "read_texts"]

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
