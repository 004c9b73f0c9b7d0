"""French INS (Identifiant National de Santé) after its label: INS-NIR/NIA (15) or legacy INS-C (22 digits)."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.recognizers.fr_nir_recognizer import nir_key_is_valid
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.types import FR_INS

_LABEL = r"(?<=(?<!\w)(?:matricule\s+)?(?-i:INS)(?:[- ]?(?:NIR|NIA|C))?(?:\s*(?:n°|no\.?|:|#))*\s*)"


class FrInsRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = FR_INS
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.IGNORECASE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("labelled_ins", r"(?=\d)" + _LABEL + r"[0-9](?:[ .]?[0-9AB]){12,21}(?![\w])", 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["ins", "matricule", "identifiant", "national", "santé"]

    def validate_result(self, pattern_text: str) -> bool | None:
        compact = "".join(ch for ch in pattern_text if ch.isalnum())
        if len(compact) == 15:
            return nir_key_is_valid(compact)
        # 13 digits (key omitted) or a 22-digit INS-C: no checksum we can verify, the label is the evidence.
        return None if len(compact) in (13, 22) and compact.isdigit() else False
