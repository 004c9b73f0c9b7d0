"""Numbers, doses, percentages and stages in a sentence, normalised so that the same value written two ways matches.

"2,5 mg" and "2.5 mg" are one value; "1,000" is a thousand (a comma before exactly three digits), "1 000" too;
"mg/m²", "mg/m2" and "mg/m^2" are one unit; "two" is 2. Digits that are part of a name ("5-FU", "HER2", "IL-6",
"FOLFOX4") are not quantities: the entity check looks after names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Unit spellings (folded, lower case) → canonical unit. Longest spellings are tried first.
UNITS: dict[str, str] = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pour cent": "%",
    "pourcent": "%",
    "mg/m2": "mg/m2",
    "mg/m^2": "mg/m2",
    "mg/kg": "mg/kg",
    "ug/kg": "ug/kg",
    "mcg/kg": "ug/kg",
    "mg": "mg",
    "g": "g",
    "kg": "kg",
    "ug": "ug",
    "mcg": "ug",
    "μg": "ug",
    "ng": "ng",
    "ml": "ml",
    "l": "l",
    "mmol": "mmol",
    "iu": "iu",
    "ui": "iu",
    "gy": "gy",
    "cgy": "cgy",
    "mm": "mm",
    "cm": "cm",
    "h": "h",
    "hr": "h",
    "hrs": "h",
    "hour": "h",
    "hours": "h",
    "heure": "h",
    "heures": "h",
    "min": "min",
    "minutes": "min",
    "day": "day",
    "days": "day",
    "jour": "day",
    "jours": "day",
    "j": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "semaine": "week",
    "semaines": "week",
    "month": "month",
    "months": "month",
    "mois": "month",
    "year": "year",
    "years": "year",
    "an": "year",
    "ans": "year",
    "annee": "year",
    "annees": "year",
    "cycle": "cycle",
    "cycles": "cycle",
    "fraction": "fraction",
    "fractions": "fraction",
}

# Spelled-out numbers. "one"/"un"/"une" are left out: they are mostly pronouns and articles.
NUMBER_WORDS: dict[str, str] = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
    "dix": "10",
    "onze": "11",
    "douze": "12",
    "vingt": "20",
}

# Staging words whose Roman or Arabic numeral is a quantity: "stage II" vs "stage III" must not match.
STAGE_WORDS: dict[str, str] = {"stage": "stage", "stade": "stage", "grade": "grade", "phase": "phase"}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}

_UNIT_ALTERNATION = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUMBER_RE = re.compile(
    r"(?<![\w.,])(?<![a-z]-)"  # not inside a word or a name like "il-6"
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*|\.\d+)"
    r"(?P<after>\s*(?:-\s*)?(?P<unit>" + _UNIT_ALTERNATION + r")(?![a-z0-9])|-[a-z])?"
)
_STAGE_RE = re.compile(
    r"\b(?P<word>" + "|".join(STAGE_WORDS) + r")\s+(?P<num>iv|v|i{1,3}|[0-5])(?P<sub>[a-c])?\b"
)
_WORD_NUMBER_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b")


@dataclass(frozen=True)
class Quantity:
    value: str  # canonical: "2.5", "1000", "stage:3b"
    unit: str | None  # canonical unit, None when the number stands alone
    text: str  # as written

    def matches(self, other: Quantity) -> bool:
        # A bare number in the evidence ("5, 10 and 20 mg") supports the claim's "10 mg"; two units must agree.
        return self.value == other.value and (
            self.unit is None or other.unit is None or self.unit == other.unit
        )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _canonical_number(raw: str) -> str | None:
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in raw:
        raw = raw.replace(" ", "")
    elif "," in raw:
        groups = raw.split(",")
        # "1,000" and "12,500,000" are English thousands; "2,5" is a French decimal.
        if (
            "." not in raw
            and len(groups) > 1
            and all(len(g) == 3 for g in groups[1:])
            and len(groups[0]) <= 3
        ):
            raw = "".join(groups)
        elif raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")
        else:
            raw = raw.replace(",", "")
    if raw.count(".") > 1:
        return None  # a version or a date like 1.2.3: not a quantity the check can compare
    try:
        value = float(raw)
    except ValueError:
        return None
    return f"{value:.6f}".rstrip("0").rstrip(".")


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """The quantities of a sentence (citation markers must be removed first: "[2]" would count)."""
    folded = _fold(text)
    folded = _WORD_NUMBER_RE.sub(lambda m: NUMBER_WORDS[m.group(1)], folded)
    found: list[Quantity] = []
    stage_spans: list[tuple[int, int]] = []
    for m in _STAGE_RE.finditer(folded):
        num = m.group("num")
        value = _ROMAN.get(num) if not num.isdigit() else int(num)
        kind = STAGE_WORDS[m.group("word")]
        found.append(Quantity(f"{kind}:{value}{m.group('sub') or ''}", kind, m.group(0)))
        stage_spans.append(m.span("num"))
    for m in _NUMBER_RE.finditer(folded):
        if any(start <= m.start("num") < end for start, end in stage_spans):
            continue
        after = m.group("after") or ""
        if after.startswith("-") and not m.group("unit"):
            continue  # "5-fu", "6-mercaptopurine": a name, not a quantity
        value = _canonical_number(m.group("num"))
        if value is None:
            continue
        unit = UNITS[m.group("unit")] if m.group("unit") else None
        found.append(Quantity(value, unit, m.group(0).strip()))
    return tuple(found)


def missing_quantities(claim: tuple[Quantity, ...], evidence: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The claim's quantities that no quantity of the evidence matches."""
    return tuple(q for q in claim if not any(q.matches(e) for e in evidence))
