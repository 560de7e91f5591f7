"""The presidio crosswalk covers Presidio's predefined recognizers (presidio-analyzer 2.2.366,
``presidio_analyzer/predefined_recognizers``), European ones included, each to its KP type."""

from __future__ import annotations

import pytest

from kp_core.taxonomy import load_taxonomy
from kp_core.taxonomy.crosswalk import mapped_labels, to_kp

NATIONAL = "NATIONAL_ID"
COMPANY = "COMPANY_ID"
ACCOUNT = "ACCOUNT_ID"

EUROPEAN = {
    "IT_FISCAL_CODE": NATIONAL, "IT_DRIVER_LICENSE": NATIONAL, "IT_VAT_CODE": COMPANY,
    "IT_PASSPORT": NATIONAL, "IT_IDENTITY_CARD": NATIONAL,
    "ES_NIF": NATIONAL, "ES_NIE": NATIONAL, "ES_PASSPORT": NATIONAL,
    "PL_PESEL": NATIONAL, "FI_PERSONAL_IDENTITY_CODE": NATIONAL,
    "SE_PERSONNUMMER": NATIONAL, "SE_ORGANISATIONSNUMMER": COMPANY,
    "UK_NHS": NATIONAL, "UK_NINO": NATIONAL, "UK_PASSPORT": NATIONAL, "UK_DRIVING_LICENCE": NATIONAL,
    "UK_POSTCODE": "ADDRESS", "UK_VEHICLE_REGISTRATION": ACCOUNT,
    "DE_ID_CARD": NATIONAL, "DE_PASSPORT": NATIONAL, "DE_FUEHRERSCHEIN": NATIONAL,
    "DE_SOCIAL_SECURITY": NATIONAL, "DE_HEALTH_INSURANCE": NATIONAL, "DE_TAX_ID": NATIONAL,
    "DE_TAX_NUMBER": NATIONAL, "DE_VAT_ID": COMPANY, "DE_HANDELSREGISTER": COMPANY,
    "DE_PLZ": "ADDRESS", "DE_KFZ": ACCOUNT,
    "TR_NATIONAL_ID": NATIONAL, "TR_LICENSE_PLATE": ACCOUNT,
}  # fmt: skip

ELSEWHERE = {
    "PERSON": "PERSON", "LOCATION": "ADDRESS", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE",
    "URL": "URL", "DATE_TIME": "DATE",
    "CREDIT_CARD": ACCOUNT, "IBAN_CODE": ACCOUNT, "CRYPTO": ACCOUNT, "IP_ADDRESS": ACCOUNT,
    "MAC_ADDRESS": ACCOUNT, "US_BANK_NUMBER": ACCOUNT, "ABA_ROUTING_NUMBER": ACCOUNT,
    "US_SSN": NATIONAL, "US_ITIN": NATIONAL, "US_PASSPORT": NATIONAL, "US_DRIVER_LICENSE": NATIONAL,
    "US_MBI": NATIONAL, "US_HEALTH_INSURANCE_MEMBER_ID": NATIONAL,
    "AU_TFN": NATIONAL, "AU_MEDICARE": NATIONAL, "AU_ABN": COMPANY, "AU_ACN": COMPANY,
    "CA_SIN": NATIONAL, "CA_POSTAL_CODE": "ADDRESS",
    "IN_AADHAAR": NATIONAL, "IN_PAN": NATIONAL, "IN_PASSPORT": NATIONAL, "IN_VOTER": NATIONAL,
    "IN_GSTIN": COMPANY, "IN_VEHICLE_REGISTRATION": ACCOUNT,
    "KR_RRN": NATIONAL, "KR_FRN": NATIONAL, "KR_PASSPORT": NATIONAL, "KR_DRIVER_LICENSE": NATIONAL,
    "KR_BRN": COMPANY,
    "NG_NIN": NATIONAL, "NG_VEHICLE_REGISTRATION": ACCOUNT,
    "PH_TIN": NATIONAL, "PH_PASSPORT": NATIONAL, "PH_UMID": NATIONAL,
    "SG_NRIC_FIN": NATIONAL, "SG_UEN": COMPANY, "TH_TNIN": NATIONAL,
    "ZA_ID_NUMBER": NATIONAL, "ZA_PASSPORT": NATIONAL, "ZA_DRIVER_LICENSE": NATIONAL,
    "ZA_INCOME_TAX_NUMBER": NATIONAL, "ZA_TRAFFIC_REGISTER_NUMBER": NATIONAL,
    "ZA_COMPANY_REGISTRATION": COMPANY, "ZA_VAT_NUMBER": COMPANY, "ZA_LICENSE_PLATE": ACCOUNT,
    "ZA_MOBILE_NUMBER": "PHONE", "ZA_TELEPHONE_NUMBER": "PHONE",
}  # fmt: skip

# Presidio entities with no KP type: a provider's numbers, US claim paperwork, group membership.
UNMAPPED = (
    "NRP", "ORGANIZATION", "MEDICAL_LICENSE", "US_NPI", "DE_LANR", "DE_BSNR", "US_CLAIM_NUMBER",
    "US_REFERRAL_NUMBER", "US_PRESCRIPTION_NUMBER", "US_PRIOR_AUTHORIZATION_NUMBER",
    "US_PROVIDER_TAX_ID", "UUID",
)  # fmt: skip


@pytest.mark.parametrize(("native", "kp_type"), sorted((EUROPEAN | ELSEWHERE).items()))
def test_every_presidio_entity_maps_to_its_kp_type(native: str, kp_type: str) -> None:
    assert to_kp("presidio", native) == kp_type


def test_the_presidio_crosswalk_is_exactly_these_entities() -> None:
    assert mapped_labels("presidio") == EUROPEAN | ELSEWHERE
    assert set(mapped_labels("presidio").values()) <= set(load_taxonomy().names)


@pytest.mark.parametrize("native", UNMAPPED)
def test_entities_without_a_kp_type_stay_unmapped(native: str) -> None:
    assert to_kp("presidio", native) is None
