"""Phone and fax numbers: French, North American and international forms."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer, digits_of
from guardrails.phi.types import PHONE_NUMBER

_START = r"(?<![\w+./-])"
_END = r"(?![\w/]|[.,-]\d)"


class PhoneNumberRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PHONE_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "fr_phone",
            _START + r"(?:(?:\+|00)[ ]?33[ .-]?(?:\(0\)[ .-]?)?[1-9]|\(?0[1-9]\)?)(?:[ .-]?\d{2}){4}" + _END,
            0.75,
        ),
        Pattern(
            "nanp_phone",
            _START
            + r"(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}"
            + r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?"
            + _END,
            0.7,
        ),
        Pattern(
            "international_phone",
            r"(?<![\w])(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,5}(?:[ .-]?\d{1,5}){1,5}" + _END,
            0.7,
        ),
        # Grouped digits without a country format ("024 971 50 30"): only with a phone word nearby.
        Pattern(
            "grouped_digits",
            _START + r"\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,5}" + _END,
            0.3,
        ),
        # Letter-spaced French number from OCR or form fields: "0 1 7 3 2 5 0 3 7 0".
        Pattern("spaced_fr_phone", r"(?<![\d][ ]?)0[ ][1-9](?:[ ]\d){8}(?![ ]?\d)", 0.6),
        Pattern("compact_digits", _START + r"\d{9,11}" + _END, 0.2),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "phone", "telephone", "tel", "tél", "téléphone", "portable", "mobile", "cell", "cellphone", "fax",
        "call", "called", "appeler", "appel", "joignable", "joindre", "contact", "numéro", "number", "standard",
        "ligne", "secrétariat", "secretariat", "pager", "bip",
    ]  # fmt: skip

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = digits_of(pattern_text)
        if not 8 <= len(digits) <= 15 or len(set(digits)) == 1:
            return False
        return None
