"""Dates in common English and French forms: 3 février 2026, 1er mars, 14/02/1958, July 4, 1949, 2026-02-03.

A bare year is not an identifier (HIPAA keeps years) and is left alone; weekdays alone too.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import DAY, MONTH, MONTH_WITHOUT_YEAR, WEEKDAY
from guardrails.phi.types import DATE

_YEAR = r"(?:1[89]\d{2}|2[01]\d{2})"
_NUMERIC_PARTS = re.compile(r"\d+")
_NOT_SCORES = r"(?<!(?i:apgar)(?:[ \t]+(?:score|de|of|à|a|at)){0,2}[ \t]*:?[ \t]*)"


class CalendarDateRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = DATE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "day_month_year",
            rf"(?<!\w){WEEKDAY}?{DAY}[ \t]+(?:of[ \t]+)?{MONTH},?[ \t]+(?:{_YEAR}|'?\d{{2}})(?!\w)",
            0.9,
        ),
        Pattern("month_day_year", rf"(?<!\w){WEEKDAY}?{MONTH}[ \t]+{DAY},?[ \t]+{_YEAR}(?!\w)", 0.9),
        Pattern("month_year", rf"(?<!\w){MONTH},?[ \t]+(?:of[ \t]+)?{_YEAR}(?!\w)", 0.7),
        Pattern(
            "day_month", rf"(?<!\w){WEEKDAY}?{DAY}[ \t]+(?:of[ \t]+)?{MONTH_WITHOUT_YEAR}(?![\w'])", 0.65
        ),
        Pattern("month_day", rf"(?<!\w){MONTH_WITHOUT_YEAR}[ \t]+{DAY}(?![\w/]|[.,:]\d|[ \t]*\d)", 0.5),
        # Same separator on both sides: "14/02/1958", "9-2-78", "15.2.35" but not "0.5-1.25" or "3/6".
        # Not after "Apgar": "apgar 9/10/10" gives the scores at 1, 5 and 10 minutes.
        Pattern(
            "numeric_dmy_or_mdy",
            rf"{_NOT_SCORES}(?<![\w./-])\d{{1,2}}([/.-])\d{{1,2}}\1(?:\d{{4}}|\d{{2}})(?![\w]|[./-]\d)",
            0.6,
        ),
        Pattern("iso", rf"(?<![\w./-]){_YEAR}([/.-])\d{{1,2}}\1\d{{1,2}}(?![\w]|[./-]\d)", 0.85),
        Pattern("compact_iso", rf"(?<![\w]){_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\w])", 0.4),
        Pattern("numeric_month_year", rf"(?<![\w./-])(?:0?[1-9]|1[0-2])[/.-]{_YEAR}(?![\w]|[./-]\d)", 0.5),
        # Letter-spaced digits from OCR or form fields: "0 6 0 1 1 9 7 1" (ddmmyyyy), checked by validate_result.
        Pattern("spaced_digits_ddmmyyyy", r"(?<![\d/.-][ ]?)\d(?:[ ]\d){7}(?![ ]?\d)", 0.5),
        # Same with separators: "2 1 - 0 9 - 2 0 8 8", "2 2 / 2 / 2 0 6 6" (validated with the spaces removed).
        Pattern(
            "spaced_digits_with_separators",
            r"(?<![\d/.-][ ]?)(?=[\d /.-]*\d[ ]\d)\d(?:[ ]?\d)?[ ]?([/.-])[ ]?\d(?:[ ]?\d)?[ ]?\1[ ]?\d(?:[ ]?\d){3}(?![ ]?\d)",
            0.5,
        ),
        # "le 12/03", "on 3/14": a bare day/month needs a preposition to tell it from a ratio like 3/6.
        Pattern(
            "prepositional_day_month",
            r"(?=\d)(?<=(?<!\w)(?:le|du|au|on|since|depuis|dated?|until|jusqu['’]au)[ \t]+)\d{1,2}[/.]\d{1,2}(?![\w]|[./]\d)",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "date", "né", "née", "born", "dob", "ddn", "naissance", "birth", "le", "on", "admission", "admis",
        "consultation", "rcp", "vu", "seen", "visit", "depuis", "since",
    ]  # fmt: skip

    def validate_result(self, pattern_text: str) -> bool | None:
        if not any(ch.isalpha() for ch in pattern_text):
            if any(sep in pattern_text for sep in "/.-"):
                pattern_text = pattern_text.replace(" ", "")  # letter-spaced digits around separators
            numbers = [int(n) for n in _NUMERIC_PARTS.findall(pattern_text)]
            if not _plausible_numeric_date(numbers):
                return False
        return None


def _plausible_numeric_date(numbers: list[int]) -> bool:
    if len(numbers) == 3 and numbers[0] > 31:  # ISO
        _, month, day = numbers
        return 1 <= month <= 12 and 1 <= day <= 31
    if len(numbers) == 3 and len(str(numbers[0])) == 4:
        return False
    if len(numbers) == 8:  # letter-spaced ddmmyyyy
        day, month, year = numbers[0] * 10 + numbers[1], numbers[2] * 10 + numbers[3], numbers[4]
        return 1 <= day <= 31 and 1 <= month <= 12 and year in (1, 2)
    if len(numbers) == 1:  # compact ISO, already range-checked by the pattern
        return True
    if len(numbers) == 2 and numbers[1] > 31:  # month/year
        return 1 <= numbers[0] <= 12
    first, second = numbers[0], numbers[1]
    day_first = 1 <= first <= 31 and 1 <= second <= 12
    month_first = 1 <= first <= 12 and 1 <= second <= 31
    return day_first or month_first
