"""Document vocabulary per language: field labels, headers, sentence patterns and the lists of
non-personal words (wards, products, public bodies) documents are assembled from.

Sentence patterns hold slots such as ``{p.name}`` (see :mod:`kp_core.generate.slots`) and
``<<m|f>>`` alternations chosen by the sex of the document's main person. Every value is a
list of interchangeable alternatives, or a comma-separated string for plain word lists.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from kp_core.locales import LANGUAGES


@cache
def phrasebook_languages() -> tuple[str, ...]:
    """Languages that have a phrasebook (the generator's languages)."""
    return tuple(lang for lang in LANGUAGES if find_spec(f"kp_core.generate.phrases.{lang}") is not None)


@cache
def get_phrases(lang: str) -> dict[str, tuple[str, ...]]:
    if lang not in LANGUAGES:
        raise KeyError(f"no phrasebook for language {lang!r}; known: {', '.join(LANGUAGES)}")
    raw = import_module(f"kp_core.generate.phrases.{lang}").PHRASES
    out: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            value = [x.strip() for x in value.split(",") if x.strip()] if key in LIST_KEYS else [value]
        out[key] = tuple(value)
    missing = REQUIRED_KEYS - out.keys()
    if missing:
        raise KeyError(f"phrasebook {lang!r} lacks {', '.join(sorted(missing))}")
    return out


# Keys whose string value is a comma-separated word list (the others are single patterns).
LIST_KEYS = frozenset(
    {"conditions", "medications", "wards", "lab_tests", "jobs", "products", "public_bodies", "org_words",
     "org_suffixes", "schools"}
)  # fmt: skip

REQUIRED_KEYS = frozenset(
    {
        # field labels
        "name", "patient", "dob", "address", "phone", "email", "nid", "iban", "customer", "username",
        "password", "date", "mrn", "diagnosis", "medication", "doctor", "hospital", "company_id", "case_no",
        "subject", "website", "signature", "place", "total", "card", "ip",
        # headers
        "h_discharge", "h_referral", "h_lab", "h_contract", "h_judgment", "h_act", "h_gdpr", "h_poa",
        "h_declaration", "h_form", "h_invoice", "h_cv", "h_ticket", "h_experience", "h_education",
        # sentences
        "greet", "closing", "admit", "therapy", "followup", "refer", "party_org", "party_person",
        "contract_object", "contract_pay", "contract_court", "signed", "judg_intro", "judg_facts",
        "judg_ruling", "act_recital", "act_article", "act_done", "gdpr_body", "gdpr_data", "poa_body",
        "decl_body", "letter_body", "letter_contact", "email_body", "chat", "ticket_body", "ticket_secret",
        "invoice_pay", "lab_note",
        # entity formats
        "hospital_fmts", "court_fmts", "statute_fmts", "case_fmts", "mrn_fmts",
        # word lists
        "conditions", "medications", "wards", "lab_tests", "jobs", "products", "public_bodies", "org_words",
        "org_suffixes", "schools",
    }
)  # fmt: skip
