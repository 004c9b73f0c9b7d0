"""Phone and fax numbers: French, North American and international forms, plus local numbers of any shape
when a phone label or a calling verb stands right before them, or a line label ("office", "fax") right after."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer, digits_of
from guardrails.phi.types import PHONE_NUMBER

_START = r"(?<![\w+./-])"
_END = r"(?![\w/]|[.,-]\d)"
# Any national layout: digit groups of 1 to 5 with single separators (" - " in OCR'd forms), an optional
# country prefix and area code in brackets: "467 3395", "0680 298 70 63", "(64) 3591-3246", "+46 (0)8 928 571 38".
_ANY_LAYOUT = r"(?:(?:\+|00)[ ]?)?\(?\d{1,5}\)?(?:(?:[ .-]|[ ][-.][ ])?\(?\d{1,5}\)?){1,14}"
# A date written with dots or dashes ("seen in office 12-03-2024") is the date recognizer's.
_DATE_SHAPE = re.compile(r"\d{1,2}([.-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([.-])\d{1,2}\2\d{1,2}")
# Labels and verbs that announce a number. Presidio's context words cannot do this: spaCy lists "call" as a
# stop word, so "call me on" never counts as context.
_PHONE_LABEL = (
    r"phone|telephone|tel|t[ée]l|t[ée]l[ée]phone|mobile|cell|cellphone|fax|portable|gsm|pager|bip|"
    r"desk|office|home|work|direct\s+line|ligne\s+directe|standard|secr[ée]tariat"
)
_CALL_VERB = (
    r"call|ring|phone|text|reach|dial|contact|answering|"
    r"appeler|rappeler|appelez|contacter|joindre|joignable|t[ée]l[ée]phoner"
)
# Messages go to a number too: "stop receiving messages to 0699 868 88 55", "SMS au 06...", "my registered
# 024 971 50 30" (the number an account or a portal has on file).
_MESSAGE_WORD = (
    r"messages?|texts?|sms|whatsapp|texto|textos|notifications?|alerts?|"
    r"registered(?:[ \t]+(?:mobile|cell|phone|number))?|enregistr[ée]"
)
_ANNOUNCED = (
    rf"(?<=(?<!\w)(?:(?i:{_PHONE_LABEL})(?:[ \t]+(?i:number|no\.?|n°|num[ée]ro))?[ \t]*[:.]?"
    rf"|(?i:{_CALL_VERB})(?:[ \t]+(?i:me|us|him|her|them|le|la|les|nous|moi))?(?:[ \t]+(?i:on|at|au|sur))?"
    rf"|(?i:{_MESSAGE_WORD})(?:[ \t]+(?i:to|on|at|from|au|sur|par))?[ \t]*:?)\s*)"
)
_LINE_LABEL_AFTER = r"(?=[ \t]*[-–]?[ \t]*(?i:office|fax|mobile|cell|home|work|desk|tel|t[ée]l|portable)\b)"


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
        # "Phone: 467 3395", "call me on (64) 3591-3246", "joignable au 0 1 - 6 4 - 7 7 - 1 6 - 6 5".
        Pattern(
            "announced_number",
            r"(?=[+(\d])" + _ANNOUNCED + _ANY_LAYOUT + r"(?:[ \t]*(?i:x|ext\.?|poste)[ \t]*\d{1,5})?" + _END,
            0.65,
        ),
        # "416 60 039 office", "3660170548-Fax": a line label right after the number. The number is an atomic
        # group: a shorter number never has the label after it, and backtracking through every digit group of
        # every number in a text was the slowest regex of the scrubber (85 times slower).
        Pattern("number_then_line_label", r"(?<![\w+./-])(?>" + _ANY_LAYOUT + ")" + _LINE_LABEL_AFTER, 0.6),
        # Grouped digits without a country format ("024 971 50 30"): only with a phone word nearby.
        Pattern(
            "grouped_digits",
            _START + r"\(?\d{2,5}\)?(?:[ .-]\d{2,4}){2,5}" + _END,
            0.3,
        ),
        # A French number after an area prefix in brackets, its trunk 0 apart: "(26) 0 32 70 72 62".
        Pattern(
            "bracketed_prefix_fr_phone",
            _START + r"\(\d{2,4}\)[ ]?(?:0[ ]?)?\d{1,2}(?:[ .-]\d{2}){3,4}" + _END,
            0.55,
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
        # 7 digits: a local number without area code ("467 3395"); only announced or labelled forms reach that
        # length with a score above the threshold.
        digits = digits_of(pattern_text)
        if not 7 <= len(digits) <= 15 or len(set(digits)) == 1 or _DATE_SHAPE.fullmatch(pattern_text):
            return False
        return None
