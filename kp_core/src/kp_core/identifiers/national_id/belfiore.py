"""A small pinned snapshot of Belfiore (codice catastale) place codes.

Z-codes are foreign countries (born abroad); the others are a few large Italian municipalities.
The snapshot is for display and for realistic generation only: a codice fiscale with a code that
is not listed here is still valid and still discloses PLACE_OF_BIRTH (the code itself is the
place). Source: Agenzia delle Entrate, "Codici catastali dei comuni" and "Codici degli Stati
esteri" tables.
"""

from __future__ import annotations

FOREIGN_COUNTRIES: dict[str, str] = {
    "Z100": "Albania",
    "Z102": "Austria",
    "Z103": "Belgio",
    "Z104": "Bulgaria",
    "Z107": "Danimarca",
    "Z110": "Francia",
    "Z112": "Germania",
    "Z114": "Regno Unito",
    "Z115": "Grecia",
    "Z116": "Irlanda",
    "Z126": "Paesi Bassi",
    "Z127": "Polonia",
    "Z128": "Portogallo",
    "Z129": "Romania",
    "Z131": "Spagna",
    "Z132": "Svezia",
    "Z133": "Svizzera",
    "Z154": "Federazione Russa",
    "Z210": "Cina",
    "Z222": "India",
    "Z330": "Marocco",
    "Z404": "Stati Uniti d'America",
}

MUNICIPALITIES: dict[str, str] = {
    "H501": "Roma",
    "F205": "Milano",
    "F839": "Napoli",
    "L219": "Torino",
    "G273": "Palermo",
    "D969": "Genova",
    "A944": "Bologna",
    "D612": "Firenze",
    "A662": "Bari",
    "L736": "Venezia",
}


def place_name(code: str) -> str | None:
    """The name for a Belfiore code in the snapshot, or None when it is not in the snapshot."""
    return FOREIGN_COUNTRIES.get(code) or MUNICIPALITIES.get(code)


def born_abroad(code: str) -> bool:
    """Z-codes denote a foreign state of birth (whether or not the snapshot lists it)."""
    return code.startswith("Z")
