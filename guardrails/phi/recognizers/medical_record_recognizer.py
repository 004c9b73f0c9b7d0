"""Record numbers and hospital identifiers after their label (MRN, IPP, NDA, dossier, NIR/SSN typed with a
wrong key...), plus long bare digit runs, which in a patient note are almost always identifiers."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer, digits_of
from guardrails.phi.recognizers.regex_parts import POSTCODE_LABEL
from guardrails.phi.types import MEDICAL_RECORD_NUMBER

_LABELS = (
    r"MRN|IPP|NDA|NIP|IEP|EMPI|UPI|MPI|NIR|INS|SSN|RPPS|ADELI|FINESS|"
    r"medical\s+record(?:\s+(?:number|no\.?|#))?|record\s+(?:number|no\.?|#)|chart\s+(?:number|no\.?|#)|"
    r"hospital\s+(?:number|no\.?|id)|patient\s+(?:id|number|no\.?|#)|account\s+(?:number|no\.?|#)|"
    r"encounter\s+(?:id|number)|visit\s+(?:id|number)|accession\s+(?:number|no\.?|#)|specimen\s+(?:id|number)|"
    r"member\s+id|insurance\s+(?:id|number|no\.?)|policy\s+(?:number|no\.?)|health\s+plan\s+(?:id|number)|"
    r"social\s+security(?:\s+(?:number|no\.?))?|"
    # Payment and licence numbers that fail the Luhn/IBAN checks Presidio applies are still identifiers when
    # labelled: "my driver's license number is 6940579", "card number 2395286334599325".
    r"(?:driver['’]?s\s+)?licen[cs]e(?:\s+(?:number|no\.?|#))?(?:\s+is)?|passport(?:\s+(?:number|no\.?|#))?(?:\s+is)?|"
    r"(?:credit\s+|debit\s+|bank\s+)?card(?:\s+(?:number|no\.?|#))?(?:\s+is)?|"
    r"num[ée]ro\s+de\s+(?:carte|permis|passeport)|"
    r"(?:num[ée]ro|n°|no)\s+(?:de\s+)?(?:dossier|s[ée]jour|patient|venue|ipp|nda|s[ée]curit[ée]\s+sociale|s[ée]cu|"
    r"assur[ée]|adh[ée]rent|mutuelle|pr[ée]l[èe]vement|examen|demande)|"
    r"dossier(?:\s+(?:n°|no\.?|num[ée]ro))?|s[ée]curit[ée]\s+sociale|carte\s+vitale|identifiant(?:\s+patient)?|"
    r"id\s+patient|n°\s*anapath|anapath|r[ée]f(?:[ée]rence)?\s+(?:examen|anapath|pr[ée]l[èe]vement)"
)
_LABEL_THEN = rf"(?<=(?<!\w)(?:{_LABELS})(?:\s*(?:n°|no\.?|number|num[ée]ro|#|:|=|-))*\s*)"
# An identifier token: optional letter prefix, then digits with single separators; needs 4+ characters.
# The letter prefix keeps its case ("S26-004417"): in lower case it would take "is"/"to" before the number.
_ID = r"(?:(?-i:[A-Z]{1,4})[-/ ]?)?\d(?:[\d/-]|[ .](?=\d)){3,25}[A-Z]?(?![\w])"


class MedicalRecordRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = MEDICAL_RECORD_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        # Each pattern opens with a cheap look-ahead so the long look-behind runs only where it can match.
        Pattern("labelled_identifier", r"(?=[A-Z]{0,4}[-/ ]?\d)" + _LABEL_THEN + _ID, 0.9),
        # "my iban is gb42nawi04454264788619": IBAN-shaped after its label, any case.
        Pattern(
            "labelled_iban",
            r"(?=[A-Z]{2}\d{2})(?<=(?<!\w)(?:iban|bic)(?:\s+(?:is|:|n°|no\.?))?\s*)[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}[ ]?[A-Z0-9]{0,4}(?![\w])",
            0.85,
        ),
        Pattern(
            "labelled_alphanumeric",
            r"(?=[A-Z0-9]{2,6}-?\d)" + _LABEL_THEN + r"[A-Z0-9]{2,6}-?\d{3,}[A-Z0-9-]*(?![\w])",
            0.85,
        ),
        # "compte rendu n° 26H004417", "specimen # A-22-10453": a number sign before a code with 5+ digits.
        Pattern(
            "number_sign_then_code",
            r"(?=[A-Z0-9-]*\d{5})(?<=(?<!\w)(?:n°|no\.|#)[ \t]*)[A-Z0-9][A-Z0-9-]{4,24}(?![\w])",
            0.6,
        ),
        # Bare runs of 8-12 digits ("IPP 8001234567" without label still leaks); not a dose (no unit after),
        # not a French phone number (0 + 9 digits) nor a labelled phone ("Desk: 5403926876"): the phone
        # recognizer's.
        Pattern(
            "long_digit_run",
            r"(?<![\w.,/+-])(?<!(?:phone|tel|fax|mobile|cell|desk|office|home|work)[ \t]*:?[ \t]*)"
            # A postcode after its label is an address's: Brazil's CEP has eight digits ("zip code is 69237861").
            rf"(?<!{POSTCODE_LABEL}(?:\s+is)?[ \t]*:?[ \t]*)"
            r"(?!0[1-9]\d{8}(?!\d))\d{8,12}(?![\w.,/-]|\s*(?:mg|g|ml|ui|iu|µg|mcg|u|cells|cellules|/))",
            0.45,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "mrn", "ipp", "nda", "dossier", "record", "chart", "identifiant", "id", "séjour", "number", "numéro",
        "patient", "hospital", "account",
    ]  # fmt: skip

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = digits_of(pattern_text)
        if len(digits) < 4 or len(set(digits)) == 1:
            return False
        return None
