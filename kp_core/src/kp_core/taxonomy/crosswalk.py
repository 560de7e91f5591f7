"""Crosswalks: native labels of other PII schemes -> KP types.

The taxonomy's own schemes (openai, ai4privacy, hipaa, mapa, openmed, azure, tabularisai, tab)
come from the bundled ``taxonomy.yaml``. Three adapters' label sets that the file does not hold
are defined here, as EuroPriv-Bench maps them: presidio, spacy (OntoNotes) and the GLiNER prompt
phrases; and one baseline's head that no harness scheme covers whole: piiranha. Inverting a crosswalk must give a function: a native label claimed by two KP types
within one scheme is an error at load. Labels without an entry are unmapped (``None``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType

from kp_core.errors import KpError
from kp_core.taxonomy import load_taxonomy

# Adapter label sets outside taxonomy.yaml: KP type -> native labels.
EXTRA_SCHEMES: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        # Presidio's predefined recognizers (presidio-analyzer 2.2.366, predefined_recognizers/).
        # Personal identifiers a state issues (ID card, passport, driving licence, social security,
        # health insurance, a person's tax number) -> NATIONAL_ID; a company's registration or VAT
        # number -> COMPANY_ID; bank, card, network and vehicle numbers -> ACCOUNT_ID; postcodes ->
        # ADDRESS. Left unmapped (no KP type): NRP, ORGANIZATION, MEDICAL_LICENSE, US_NPI, DE_LANR,
        # DE_BSNR (a provider's numbers), US claim/referral/prescription/prior-authorization
        # numbers, US_PROVIDER_TAX_ID, UUID.
        "presidio": {
            "PERSON": ("PERSON",),
            "ADDRESS": ("LOCATION", "UK_POSTCODE", "DE_PLZ", "CA_POSTAL_CODE"),
            "EMAIL": ("EMAIL_ADDRESS",),
            "PHONE": ("PHONE_NUMBER", "ZA_MOBILE_NUMBER", "ZA_TELEPHONE_NUMBER"),
            "URL": ("URL",),
            "DATE": ("DATE_TIME",),
            "ACCOUNT_ID": (
                "CREDIT_CARD", "IBAN_CODE", "CRYPTO", "IP_ADDRESS", "MAC_ADDRESS", "US_BANK_NUMBER",
                "ABA_ROUTING_NUMBER", "UK_VEHICLE_REGISTRATION", "DE_KFZ", "IN_VEHICLE_REGISTRATION",
                "NG_VEHICLE_REGISTRATION", "TR_LICENSE_PLATE", "ZA_LICENSE_PLATE",
            ),
            "NATIONAL_ID": (
                # Europe
                "UK_NHS", "UK_NINO", "UK_PASSPORT", "UK_DRIVING_LICENCE",
                "IT_FISCAL_CODE", "IT_DRIVER_LICENSE", "IT_PASSPORT", "IT_IDENTITY_CARD",
                "ES_NIF", "ES_NIE", "ES_PASSPORT", "PL_PESEL", "FI_PERSONAL_IDENTITY_CODE", "SE_PERSONNUMMER",
                "DE_ID_CARD", "DE_PASSPORT", "DE_FUEHRERSCHEIN", "DE_SOCIAL_SECURITY", "DE_HEALTH_INSURANCE",
                "DE_TAX_ID", "DE_TAX_NUMBER", "TR_NATIONAL_ID",
                # elsewhere
                "US_SSN", "US_ITIN", "US_PASSPORT", "US_DRIVER_LICENSE", "US_MBI", "US_HEALTH_INSURANCE_MEMBER_ID",
                "AU_TFN", "AU_MEDICARE", "CA_SIN", "IN_AADHAAR", "IN_PAN", "IN_PASSPORT", "IN_VOTER",
                "KR_RRN", "KR_FRN", "KR_PASSPORT", "KR_DRIVER_LICENSE", "NG_NIN", "PH_TIN", "PH_PASSPORT",
                "PH_UMID", "SG_NRIC_FIN", "TH_TNIN", "ZA_ID_NUMBER", "ZA_PASSPORT", "ZA_DRIVER_LICENSE",
                "ZA_INCOME_TAX_NUMBER", "ZA_TRAFFIC_REGISTER_NUMBER",
            ),
            "COMPANY_ID": (
                "IT_VAT_CODE", "DE_VAT_ID", "DE_HANDELSREGISTER", "SE_ORGANISATIONSNUMMER",
                "AU_ABN", "AU_ACN", "IN_GSTIN", "KR_BRN", "SG_UEN", "ZA_COMPANY_REGISTRATION", "ZA_VAT_NUMBER",
            ),
        },  # fmt: skip
        "spacy": {
            "PERSON": ("PERSON",),
            "ADDRESS": ("GPE", "LOC", "FAC"),
            "ORG_PARTY": ("ORG",),
            "DATE": ("DATE",),
        },
        "gliner": {
            "PERSON": ("person", "full name"),
            "ADDRESS": ("address", "city", "postal code"),
            "EMAIL": ("email",),
            "PHONE": ("phone number",),
            "URL": ("url",),
            "DATE": ("date", "date of birth"),
            "ACCOUNT_ID": ("account number", "credit card number", "iban", "ip address", "username"),
            "SECRET": ("password",),
            "NATIONAL_ID": ("national identification number", "passport number", "driver license number"),
            "ORG_PARTY": ("company",),
        },
        # Piiranha v1 (iiiorg/piiranha-v1-detect-personal-information): ai4privacy's labels, as the
        # ai4privacy scheme maps them, plus two it lacks: DATEOFBIRTH -> DATE and USERNAME ->
        # ACCOUNT_ID (as the openmed and tabularisai schemes map their birth dates and usernames).
        "piiranha": {
            "PERSON": ("GIVENNAME", "SURNAME"),
            "ADDRESS": ("STREET", "CITY", "ZIPCODE", "BUILDINGNUM"),
            "EMAIL": ("EMAIL",),
            "PHONE": ("TELEPHONENUM",),
            "DATE": ("DATEOFBIRTH",),
            "ACCOUNT_ID": ("ACCOUNTNUM", "TAXNUM", "CREDITCARDNUMBER", "USERNAME"),
            "SECRET": ("PASSWORD",),
            "NATIONAL_ID": ("IDCARDNUM", "SOCIALNUM", "DRIVERLICENSENUM"),
        },
    }
)


class CrosswalkError(KpError, ValueError):
    """A crosswalk that is not a function (one native label, two KP types) or an unknown scheme."""


def _invert(scheme: str, forward: Mapping[str, tuple[str, ...]]) -> Mapping[str, str]:
    inverse: dict[str, str] = {}
    for kp_type, natives in forward.items():
        for native in natives:
            owner = inverse.get(native)
            if owner is not None and owner != kp_type:
                raise CrosswalkError(
                    f"crosswalk {scheme!r}: native label {native!r} is claimed by both {owner} and {kp_type}"
                )
            inverse[native] = kp_type
    return MappingProxyType(inverse)


def build_crosswalks(
    taxonomy_forward: Mapping[str, Mapping[str, tuple[str, ...]]],
    extra: Mapping[str, Mapping[str, tuple[str, ...]]] = EXTRA_SCHEMES,
) -> Mapping[str, Mapping[str, str]]:
    """scheme -> {native -> KP type} from per-type forward maps (raises on a non-function)."""
    out: dict[str, Mapping[str, str]] = {}
    for scheme, forward in list(taxonomy_forward.items()) + list(extra.items()):
        if scheme in out:
            raise CrosswalkError(f"crosswalk scheme {scheme!r} is defined twice")
        out[scheme] = _invert(scheme, forward)
    return MappingProxyType(out)


@cache
def _crosswalks() -> Mapping[str, Mapping[str, str]]:
    tax = load_taxonomy()
    forward: dict[str, dict[str, tuple[str, ...]]] = {scheme: {} for scheme in tax.schemes}
    for entity in tax.entities:
        for scheme, natives in entity.crosswalk.items():
            if scheme not in forward:
                raise CrosswalkError(
                    f"taxonomy.yaml: entity {entity.name} maps scheme {scheme!r}, which is not in its schemes list"
                )
            forward[scheme][entity.name] = natives
    return build_crosswalks(forward)


def schemes() -> tuple[str, ...]:
    """Every scheme with a crosswalk: the taxonomy's own (in file order), then presidio, spacy, gliner,
    piiranha."""
    return tuple(_crosswalks())


def taxonomy_json() -> dict:
    """The taxonomy as ``kp taxonomy --json`` prints it: ``schemes`` is every scheme that
    ``--scheme`` accepts, and each entity's ``crosswalk`` holds its labels in each of them (the
    taxonomy file's order for its own schemes)."""
    payload = load_taxonomy().to_json()
    payload["schemes"] = list(schemes())
    for scheme in EXTRA_SCHEMES:
        forward = EXTRA_SCHEMES[scheme]
        for entity in payload["entities"]:
            if entity["name"] in forward:
                entity["crosswalk"][scheme] = list(forward[entity["name"]])
    return payload


def mapped_labels(scheme: str) -> dict[str, str]:
    """{native label -> KP type} for one scheme (empty for ``azure``, which has no mappings yet)."""
    table = _crosswalks()
    if scheme not in table:
        raise CrosswalkError(f"unknown crosswalk scheme {scheme!r}; known: {', '.join(table)}")
    return dict(table[scheme])


def to_kp(scheme: str, native: str) -> str | None:
    """The KP type of a native label, or None when the scheme leaves it unmapped."""
    table = _crosswalks()
    if scheme not in table:
        raise CrosswalkError(f"unknown crosswalk scheme {scheme!r}; known: {', '.join(table)}")
    return table[scheme].get(native)


def schemes_mapping_all(natives: Iterable[str]) -> tuple[str, ...]:
    """The schemes under which every one of ``natives`` has a KP type (in :func:`schemes` order)."""
    wanted = set(natives)
    if not wanted:
        return ()
    return tuple(scheme for scheme, table in _crosswalks().items() if wanted <= table.keys())


def infer_scheme(natives: Iterable[str]) -> str:
    """The one scheme that maps every native type in ``natives``; a CrosswalkError when none or
    several do (the message names them, so the caller can say which to pass)."""
    wanted = sorted(set(natives))
    found = schemes_mapping_all(wanted)
    if len(found) == 1:
        return found[0]
    if found:
        raise CrosswalkError(f"the labels map under several crosswalk schemes ({', '.join(found)}); name one")
    best = max(_crosswalks(), key=lambda scheme: len(set(wanted) & _crosswalks()[scheme].keys()))
    left = [n for n in wanted if n not in _crosswalks()[best]]
    raise CrosswalkError(
        f"no crosswalk scheme maps every label (closest: {best}, which lacks {', '.join(left[:8])}"
        f"{' ...' if len(left) > 8 else ''}); name the scheme"
    )
