"""KP types -> Presidio entity names, for kp's spans handed to Presidio (the reverse of the crosswalk).

A kp span carries a KP type; Presidio names identifiers by kind and country. The name given to a
span is Presidio's own where Presidio has one, read from the value with kp's validators:

- NATIONAL_ID: the country kp's validators read the value as (the recognizer's ``country``
  first), then Presidio's name for that country's ID: ``IT_FISCAL_CODE``, ``ES_NIF``/``ES_NIE``,
  ``PL_PESEL``, ``FI_PERSONAL_IDENTITY_CODE``, ``SE_PERSONNUMMER``, ``DE_TAX_ID``; a country
  Presidio has no recognizer for gets ``KP_NATIONAL_ID_<CC>`` (``KP_NATIONAL_ID_RO`` for a CNP,
  ``KP_NATIONAL_ID_DK`` for a CPR-nummer, ...), a value no validator accepts ``KP_NATIONAL_ID``.
- ACCOUNT_ID: ``IBAN_CODE`` (a valid IBAN), ``CREDIT_CARD`` (a Luhn-valid card of a known
  network), else ``KP_ACCOUNT_ID``.
- COMPANY_ID: ``IT_VAT_CODE``, ``DE_VAT_ID``, ``DE_HANDELSREGISTER``, ``SE_ORGANISATIONSNUMMER``
  where kp's company-ID validators read the value so, else ``KP_COMPANY_ID``.
- PERSON, ADDRESS (``LOCATION``), EMAIL (``EMAIL_ADDRESS``), PHONE (``PHONE_NUMBER``), URL,
  DATE (``DATE_TIME``): Presidio's names.
- Any other KP type: ``KP_<TYPE>`` (``KP_ORG_PARTY``, ``KP_SECRET``, ``KP_HEALTH_CONDITION``, ...).

Every name maps back to its KP type (:func:`kp_type`): Presidio's through kp's presidio
crosswalk, the ``KP_*`` ones by their name.
"""

from __future__ import annotations

from functools import cache

# Built from parts: a whole "KP_..." string constant reads as an environment variable to kp's checks.
PREFIX = "KP_"
NATIONAL_ID = PREFIX + "NATIONAL_ID"
NATIONAL_ID_PREFIX = NATIONAL_ID + "_"
ACCOUNT_ID = PREFIX + "ACCOUNT_ID"
COMPANY_ID = PREFIX + "COMPANY_ID"
# KP type -> Presidio's name, for the types whose name does not depend on the value.
PLAIN = {
    "PERSON": "PERSON",
    "ADDRESS": "LOCATION",
    "EMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER",
    "URL": "URL",
    "DATE": "DATE_TIME",
}
# Country -> Presidio's recognizer name for the national ID kp validates there.
NATIONAL_IDS = {
    "IT": "IT_FISCAL_CODE",
    "ES": "ES_NIF",
    "PL": "PL_PESEL",
    "FI": "FI_PERSONAL_IDENTITY_CODE",
    "SE": "SE_PERSONNUMMER",
    "DE": "DE_TAX_ID",
}
_ES_NIE_LETTERS = ("X", "Y", "Z")
# (country, kp company-ID kind) -> Presidio's name.
COMPANY_IDS = {
    ("IT", "partita_iva"): "IT_VAT_CODE",
    ("DE", "vat"): "DE_VAT_ID",
    ("DE", "handelsregister"): "DE_HANDELSREGISTER",
    ("SE", "orgnr"): "SE_ORGANISATIONSNUMMER",
}


@cache
def national_id_countries() -> tuple[str, ...]:
    """Every country kp validates national IDs of (the 15 EuroPriv-Bench ones, then the others)."""
    from kp_core.anonymize.national_id_surrogates import _country_order

    return _country_order()


def national_id_entity(value: str, country: str = "") -> str:
    """Presidio's name for a national ID (``KP_NATIONAL_ID_<CC>`` where it has none)."""
    from kp_core.anonymize.national_id_surrogates import national_id_country

    found = national_id_country(value, country)
    if found is None:
        return NATIONAL_ID
    if found == "ES" and value.strip()[:1].upper() in _ES_NIE_LETTERS:
        return "ES_NIE"
    return NATIONAL_IDS.get(found, NATIONAL_ID_PREFIX + found)


def account_entity(value: str) -> str:
    from kp_core.identifiers.checksums import card_brand, iban_is_valid, luhn_is_valid

    compact = "".join(value.split()).upper()
    if iban_is_valid(compact):
        return "IBAN_CODE"
    digits = "".join(ch for ch in value if ch.isdigit())
    if digits and len(digits) == len(compact.replace("-", "")) and luhn_is_valid(digits) and card_brand(digits):
        return "CREDIT_CARD"
    return ACCOUNT_ID


def company_entity(value: str, country: str = "") -> str:
    from kp_core.anonymize.surrogates import company_id_kind

    found = company_id_kind(value, country)
    return COMPANY_ID if found is None else COMPANY_IDS.get(found, COMPANY_ID)


def presidio_entity(label: str, value: str, country: str = "") -> str:
    """The Presidio entity name of a kp span of type ``label`` whose text is ``value``."""
    if label in PLAIN:
        return PLAIN[label]
    if label == "NATIONAL_ID":
        return national_id_entity(value, country)
    if label == "ACCOUNT_ID":
        return account_entity(value)
    if label == "COMPANY_ID":
        return company_entity(value, country)
    return PREFIX + label


def possible_entities(kp_types: set[str] | frozenset[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Every name :func:`presidio_entity` can give spans of these KP types (sorted)."""
    out: set[str] = set()
    for label in kp_types:
        if label in PLAIN:
            out.add(PLAIN[label])
        elif label == "NATIONAL_ID":
            out |= {*NATIONAL_IDS.values(), "ES_NIE", NATIONAL_ID}
            out |= {NATIONAL_ID_PREFIX + c for c in national_id_countries() if c not in NATIONAL_IDS}
        elif label == "ACCOUNT_ID":
            out |= {"IBAN_CODE", "CREDIT_CARD", ACCOUNT_ID}
        elif label == "COMPANY_ID":
            out |= {*COMPANY_IDS.values(), COMPANY_ID}
        else:
            out.add(PREFIX + label)
    return tuple(sorted(out))


def kp_type(entity: str) -> str | None:
    """The KP type of a Presidio entity name: kp's presidio crosswalk for Presidio's own names,
    the name itself for the ``KP_*`` ones; None for a name neither maps (NRP, ORGANIZATION, ...)."""
    from kp_core.taxonomy import is_kp_type
    from kp_core.taxonomy.crosswalk import to_kp

    found = to_kp("presidio", entity)
    if found is not None:
        return found
    if entity.startswith(NATIONAL_ID_PREFIX) or entity == NATIONAL_ID:
        return "NATIONAL_ID"
    if entity.startswith(PREFIX) and is_kp_type(entity[len(PREFIX) :]):
        return entity[len(PREFIX) :]
    return None


def entity_country(entity: str) -> str | None:
    """The country an entity name says (``PL_PESEL`` -> PL, ``KP_NATIONAL_ID_RO`` -> RO), for
    surrogates of that country's kind; None for a name that says none."""
    if entity.startswith(NATIONAL_ID_PREFIX):
        return entity[len(NATIONAL_ID_PREFIX) :]
    for country, name in NATIONAL_IDS.items():
        if entity == name:
            return country
    if entity == "ES_NIE":
        return "ES"
    for (country, _kind), name in COMPANY_IDS.items():
        if entity == name:
            return country
    return None
