"""Our recognizers, one per file; `phi_recognizers(language)` lists them for one language."""

from __future__ import annotations

from guardrails.phi.engine_factory import import_presidio

# First, before any recognizer module imports Presidio (a package's __init__ runs before its modules): without
# it Presidio imports transformers, for an engine we never use, at a cost of seconds of CPU and about 135 MB.
import_presidio()

import regex as re
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import IbanRecognizer, IpRecognizer

from guardrails.phi.recognizers.acting_name_recognizer import ActingNameRecognizer
from guardrails.phi.recognizers.address_recognizer import AddressRecognizer
from guardrails.phi.recognizers.administrative_noun_name_recognizer import AdministrativeNounNameRecognizer
from guardrails.phi.recognizers.age_recognizer import AgeRecognizer
from guardrails.phi.recognizers.author_initial_name_recognizer import AuthorInitialNameRecognizer
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
from guardrails.phi.recognizers.lower_family_name_recognizer import LowerFamilyNameRecognizer
from guardrails.phi.recognizers.lower_given_name_recognizer import LowerGivenNameRecognizer
from guardrails.phi.recognizers.medical_record_recognizer import MedicalRecordRecognizer
from guardrails.phi.recognizers.name_shaped_word_recognizer import NameShapedWordRecognizer
from guardrails.phi.recognizers.numbered_street_recognizer import NumberedStreetRecognizer
from guardrails.phi.recognizers.payment_card_recognizer import PaymentCardRecognizer
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.phone_number_recognizer import PhoneNumberRecognizer
from guardrails.phi.recognizers.possessive_relative_name_recognizer import PossessiveRelativeNameRecognizer
from guardrails.phi.recognizers.relative_name_recognizer import RelativeNameRecognizer
from guardrails.phi.recognizers.speaker_label_name_recognizer import SpeakerLabelNameRecognizer
from guardrails.phi.recognizers.titled_name_recognizer import TitledNameRecognizer
from guardrails.phi.recognizers.town_postcode_recognizer import TownPostcodeRecognizer
from guardrails.phi.recognizers.unknown_word_pair_name_recognizer import UnknownWordPairNameRecognizer
from guardrails.phi.recognizers.us_social_security_recognizer import UsSocialSecurityRecognizer
from guardrails.phi.recognizers.web_address_recognizer import WebAddressRecognizer

PATTERN_RECOGNIZERS: tuple[type[PhiPatternRecognizer], ...] = (
    ActingNameRecognizer,
    AddressRecognizer,
    AdministrativeNounNameRecognizer,
    AgeRecognizer,
    AuthorInitialNameRecognizer,
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
    LowerFamilyNameRecognizer,
    LowerGivenNameRecognizer,
    MedicalRecordRecognizer,
    NameShapedWordRecognizer,
    NumberedStreetRecognizer,
    PaymentCardRecognizer,
    PhoneNumberRecognizer,
    PossessiveRelativeNameRecognizer,
    RelativeNameRecognizer,
    SpeakerLabelNameRecognizer,
    TitledNameRecognizer,
    TownPostcodeRecognizer,
    UnknownWordPairNameRecognizer,
    WebAddressRecognizer,
    UsSocialSecurityRecognizer,
)

# Names whose results must survive the clinical vocabulary ("Dr Hodgkin saw the patient"). Only the
# capitalised-name pattern of the title recognizer qualifies: "M. tuberculosis" must not.
TRUSTED_PATTERNS: frozenset[tuple[str, str]] = frozenset({("TitledNameRecognizer", "title_capitalised_name")})


# Sources whose PERSON/LOCATION spans get a second opinion from NerPlausibility (headings are not names).
WEAK_NAME_RECOGNIZERS: frozenset[str] = frozenset({"SpacyRecognizer", "DemographicNameRecognizer"})
# Recognizers that find a name by its position or shape alone (a line of its own, a middle initial, the subject
# of "lives" or "said"), and the street forms without a street word ("641 Dašická 688", "in Acquapendente
# 1021"): their spans must hold a non-dictionary word in every language (strict plausibility).
POSITIONAL_NAME_RECOGNIZERS: frozenset[str] = frozenset(
    {
        "ActingNameRecognizer",
        "AdministrativeNounNameRecognizer",
        "InitialledNameRecognizer",
        "LoneLineNameRecognizer",
        "LowerGivenNameRecognizer",
        "NumberedStreetRecognizer",
        "PossessiveRelativeNameRecognizer",
        "TownPostcodeRecognizer",
    }
)
# Of those, the ones whose position says a person, not only a name (the subject of "lives" or "is very reliable",
# a middle initial): a name that is also a word counts there as a name ("Dexter lives on", "Brad L Key", "says
# Mayor.").
PERSON_POSITION_RECOGNIZERS: frozenset[str] = frozenset({"ActingNameRecognizer", "InitialledNameRecognizer"})
# Of those, the ones whose span is dropped when a place was found on the same words: a line holding only a
# town ("Los Angeles") is the end of an address, not a signature.
PLACE_YIELDING_NAME_RECOGNIZERS: frozenset[str] = frozenset({"LoneLineNameRecognizer"})
# Recognizers that find a name by the shape of its words alone: the span is cut down to its longest run of
# capitalised words holding a name-shaped word (NerPlausibility.name_shaped_run), or dropped.
NAME_SHAPED_RUN_RECOGNIZERS: frozenset[str] = frozenset({"UnknownWordPairNameRecognizer"})
# Recognizers whose every word must look like a name: a listed given or family name, or a word no dictionary
# knows. Their slot (a speaker's label) looks like a heading, so the heading rule of the plausibility check,
# which drops "Word:" at the start of a line, must not apply.
NAME_LIKE_WORD_RECOGNIZERS: frozenset[str] = frozenset({"SpeakerLabelNameRecognizer"})
# The same for the lower-case words only, the capitalised one being vouched for by a list or a title: "ramade
# Anne" and "Mme Modeste lopez", not "revue Anne" or "Dr Martin présente".
NAME_LIKE_LOWER_WORD_RECOGNIZERS: frozenset[str] = frozenset({"LowerFamilyNameRecognizer"})
# Recognizers of one word kept only when it is shaped like a name (NerPlausibility.name_shaped).
NAME_SHAPED_WORD_RECOGNIZERS: frozenset[str] = frozenset({"NameShapedWordRecognizer"})


def phi_recognizers(language: str) -> list[EntityRecognizer]:
    """Our pattern recognizers plus Presidio's checksum-validated ones for IBANs and IPs."""
    recognizers: list[EntityRecognizer] = [cls(supported_language=language) for cls in PATTERN_RECOGNIZERS]
    recognizers += [
        # In any case: "transfer from gb56hxdo88167774656119" typed in lower case. The country format and the
        # mod-97 check, which Presidio applies to the upper-cased form, keep out other words and numbers.
        IbanRecognizer(supported_language=language, regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE),
        IpRecognizer(supported_language=language),
    ]
    return recognizers


__all__ = [
    "NAME_SHAPED_RUN_RECOGNIZERS",
    "NAME_LIKE_LOWER_WORD_RECOGNIZERS",
    "NAME_LIKE_WORD_RECOGNIZERS",
    "NAME_SHAPED_WORD_RECOGNIZERS",
    "PATTERN_RECOGNIZERS",
    "PERSON_POSITION_RECOGNIZERS",
    "PLACE_YIELDING_NAME_RECOGNIZERS",
    "POSITIONAL_NAME_RECOGNIZERS",
    "TRUSTED_PATTERNS",
    "WEAK_NAME_RECOGNIZERS",
    "PhiPatternRecognizer",
    "nir_key_is_valid",
    "phi_recognizers",
]
