"""Payment card numbers of 13 to 19 digits, written solid or in groups, that pass the Luhn check.

Presidio's own recognizer stops at 17 digits, so a 19-digit Visa or Maestro number ("4152488713445952355")
passed. The check digit keeps other long numbers out: a random number passes it one time in ten, and without
the words "card", "carte", "visa"... nearby the pattern alone scores below the threshold.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer, digits_of
from guardrails.phi.types import CREDIT_CARD


def luhn_is_valid(value: str) -> bool:
    digits = [int(d) for d in digits_of(value)]
    if not 13 <= len(digits) <= 19:
        return False
    total = sum(digits[-1::-2]) + sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
    return total % 10 == 0


class PaymentCardRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = CREDIT_CARD
    PATTERNS: ClassVar[list[Pattern]] = [
        # Issuer prefixes of Visa (4), Mastercard (2, 5), Discover and UnionPay (6), Amex and Diners (3), and
        # the 1-prefixed UATP cards; groups of 3 to 6 digits joined by one space or hyphen, or none.
        Pattern(
            "card_number",
            r"(?<![\w.,-])[1-6]\d{3}(?:[ -]?\d{3,6}){2,4}(?![\w-]|[.,]\d)",
            0.3,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "card", "credit", "debit", "visa", "mastercard", "amex", "maestro", "discover", "jcb", "diners", "unionpay",
        "carte", "bancaire", "cb", "paiement", "payment",
    ]  # fmt: skip

    def validate_result(self, pattern_text: str) -> bool | None:
        return luhn_is_valid(pattern_text)
