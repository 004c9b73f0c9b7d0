"""Our recognizers, one per file; `phi_recognizers(language)` lists them for one language."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IbanRecognizer, IpRecognizer

from guardrails.phi.recognizers.acting_name_recognizer import ActingNameRecognizer
from guardrails.phi.recognizers.address_recognizer import AddressRecognizer
from guardrails.phi.recognizers.age_recognizer import AgeRecognizer
from guardrails.phi.recognizers.calendar_date_recognizer import CalendarDateRecognizer
from guardrails.phi.recognizers.demographic_name_recognizer import DemographicNameRecognizer
from guardrails.phi.recognizers.email_address_recognizer import EmailAddressRecognizer
from guardrails.phi.recognizers.first_name_recognizer import FirstNameRecognizer
from guardrails.phi.recognizers.fr_ins_recognizer import FrInsRecognizer
from guardrails.phi.recognizers.fr_nir_recognizer import FrNirRecognizer, nir_key_is_valid
from guardrails.phi.recognizers.initialled_name_recognizer import InitialledNameRecognizer
from guardrails.phi.recognizers.known_surname_recognizer import KnownSurnameRecognizer
from guardrails.phi.recognizers.labelled_name_recognizer import LabelledNameRecognizer
from guardrails.phi.recognizers.location_recognizer import LocationRecognizer
from guardrails.phi.recognizers.lone_line_name_recognizer import LoneLineNameRecognizer
from guardrails.phi.recognizers.medical_record_recognizer import MedicalRecordRecognizer
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.phone_number_recognizer import PhoneNumberRecognizer
from guardrails.phi.recognizers.relative_name_recognizer import RelativeNameRecognizer
from guardrails.phi.recognizers.titled_name_recognizer import TitledNameRecognizer
from guardrails.phi.recognizers.us_social_security_recognizer import UsSocialSecurityRecognizer
from guardrails.phi.recognizers.web_address_recognizer import WebAddressRecognizer

PATTERN_RECOGNIZERS: tuple[type[PhiPatternRecognizer], ...] = (
    ActingNameRecognizer,
    AddressRecognizer,
    AgeRecognizer,
    CalendarDateRecognizer,
    DemographicNameRecognizer,
    EmailAddressRecognizer,
    FirstNameRecognizer,
    FrInsRecognizer,
    FrNirRecognizer,
    InitialledNameRecognizer,
    KnownSurnameRecognizer,
    LabelledNameRecognizer,
    LocationRecognizer,
    LoneLineNameRecognizer,
    MedicalRecordRecognizer,
    PhoneNumberRecognizer,
    RelativeNameRecognizer,
    TitledNameRecognizer,
    WebAddressRecognizer,
    UsSocialSecurityRecognizer,
)

# Names whose results must survive the clinical vocabulary ("Dr Hodgkin saw the patient"). Only the
# capitalised-name pattern of the title recognizer qualifies: "M. tuberculosis" must not.
TRUSTED_PATTERNS: frozenset[tuple[str, str]] = frozenset({("TitledNameRecognizer", "title_capitalised_name")})


# Sources whose PERSON/LOCATION spans get a second opinion from NerPlausibility (headings are not names).
WEAK_NAME_RECOGNIZERS: frozenset[str] = frozenset({"SpacyRecognizer", "DemographicNameRecognizer"})
# Recognizers that find a name by its position or shape alone (a line of its own, a middle initial, the subject
# of "lives" or "said"): their spans must hold a non-dictionary word in every language (strict plausibility).
POSITIONAL_NAME_RECOGNIZERS: frozenset[str] = frozenset(
    {"ActingNameRecognizer", "InitialledNameRecognizer", "LoneLineNameRecognizer"}
)
# Of those, the ones whose span is dropped when a place was found on the same words: a line holding only a
# town ("Los Angeles") is the end of an address, not a signature.
PLACE_YIELDING_NAME_RECOGNIZERS: frozenset[str] = frozenset({"LoneLineNameRecognizer"})


def phi_recognizers(language: str) -> list[EntityRecognizer]:
    """Our pattern recognizers plus Presidio's checksum-validated ones for account numbers and IPs."""
    recognizers: list[EntityRecognizer] = [cls(supported_language=language) for cls in PATTERN_RECOGNIZERS]
    recognizers += [
        CreditCardRecognizer(supported_language=language),
        IbanRecognizer(supported_language=language),
        IpRecognizer(supported_language=language),
    ]
    return recognizers


__all__ = [
    "PATTERN_RECOGNIZERS",
    "PLACE_YIELDING_NAME_RECOGNIZERS",
    "POSITIONAL_NAME_RECOGNIZERS",
    "TRUSTED_PATTERNS",
    "WEAK_NAME_RECOGNIZERS",
    "PhiPatternRecognizer",
    "nir_key_is_valid",
    "phi_recognizers",
]
