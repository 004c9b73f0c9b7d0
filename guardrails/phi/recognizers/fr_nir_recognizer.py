"""French social security number (NIR): 15 characters with a control key, Corsica 2A/2B accepted."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.types import FR_NIR

_SEP = r"[ .]?"
_NIR = _SEP.join([r"[1-478]", r"\d{2}", r"\d{2}", r"(?:\d{2}|2[AB])", r"\d{3}", r"\d{3}", r"\d{2}"])


def nir_key_is_valid(value: str) -> bool:
    """Key = 97 - (13-digit number mod 97); for the computation Corsica 2A reads 19 and 2B reads 18."""
    compact = "".join(ch for ch in value.upper() if ch.isalnum())
    if len(compact) != 15:
        return False
    body, key = compact[:13], compact[13:]
    department = body[5:7]
    if department in ("2A", "2B"):
        body = body[:5] + ("19" if department == "2A" else "18") + body[7:]
    if not (body.isdigit() and key.isdigit()):
        return False
    return int(key) == 97 - int(body) % 97


class FrNirRecognizer(PhiPatternRecognizer):
    """Unlabelled numbers need a valid key; labelled ones ("NIR : ...") are caught by the record-number
    recognizer even with a typo in the key."""

    ENTITY: ClassVar[str] = FR_NIR
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "nir_with_key",
            rf"(?<![\w.]){_NIR}(?![\w])",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["nir", "sécu", "secu", "sécurité", "securite", "sociale", "insee", "ss"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return nir_key_is_valid(pattern_text)
