"""Move a date by a number of days and write it back in the format it came in.

"14/02/1958" + 10 -> "24/02/1958"; "3 février 2026" -> "13 février 2026"; "July 4, 1949" -> "July 14, 1949";
"MAR 24 MAI 2061" gets its weekday recomputed. Dates without a year are shifted within a leap year; month-year
dates are taken as the 15th. Returns None when the text is not a date we can parse (the caller then uses a
placeholder instead).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import regex as re

_MONTHS: dict[str, tuple[str, ...]] = {
    "en_full": ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"),
    "en_abbr": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "fr_full": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                "octobre", "novembre", "décembre"),
    "fr_abbr": ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"),
}  # fmt: skip
_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en_full": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "en_abbr": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    "fr_full": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "fr_abbr": ("lun", "mar", "mer", "jeu", "ven", "sam", "dim"),
}
_MONTH_ALIASES = {
    "sept": ("en_abbr", 9),
    "fev": ("fr_abbr", 2),
    "fevr": ("fr_abbr", 2),
    "dec": ("en_abbr", 12),
}
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w]+")
_REFERENCE_LEAP_YEAR = 2000


def _fold(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).lower()


def _lookup(word: str, table: dict[str, tuple[str, ...]]) -> tuple[str, int] | None:
    folded = _fold(word)
    for style, names in table.items():
        for index, name in enumerate(names):
            if folded == _fold(name):
                return style, index + 1
    return None


def _restyle(template: str, word: str) -> str:
    if template.isascii() and not word.isascii():
        word = _fold(word)
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _en_ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def shift_date(text: str, days: int, language: str = "en") -> str | None:
    tokens = _TOKEN.findall(text)
    words = [(i, t) for i, t in enumerate(tokens) if t.isalpha()]
    numbers = [(i, t) for i, t in enumerate(tokens) if t.isdigit()]
    month_at: int | None = None
    month_style = ""
    month = 0
    weekday_at: int | None = None
    for position, (i, word) in enumerate(words):
        found = _lookup(word, _MONTHS) or _MONTH_ALIASES.get(_fold(word))
        later_month = any(_lookup(w, _MONTHS) for _, w in words[position + 1 :])
        if _lookup(word, _WEEKDAYS) and (found is None or later_month):
            weekday_at = i
        elif found is not None and month_at is None:
            month_at, (month_style, month) = i, found
    roles: dict[int, str] = {}
    year = day = None
    if month_at is not None:
        for i, value in numbers:
            if len(value) == 4 and year is None:
                year, roles[i] = int(value), "year"
            elif day is None and len(value) <= 2 and 1 <= int(value) <= 31 and (year is None or i < month_at):
                day, roles[i] = int(value), "day"
            elif year is None and len(value) == 2:
                year, roles[i] = 1900 + int(value) if int(value) > 30 else 2000 + int(value), "year2"
        roles[month_at] = "month_word"
    else:
        parsed = _numeric_roles(numbers, language)
        if parsed is None:
            return None
        day, month, year, roles = parsed
    has_year = year is not None
    try:
        original = dt.date(year if has_year else _REFERENCE_LEAP_YEAR, month, day if day else 15)
    except (ValueError, TypeError):
        return None
    shifted = original + dt.timedelta(days=days)
    pad = _zero_padded(tokens, roles)
    out = list(tokens)
    for i, role in roles.items():
        if role == "day":
            out[i] = f"{shifted.day:02d}" if pad else str(shifted.day)
        elif role == "month":
            out[i] = f"{shifted.month:02d}" if pad else str(shifted.month)
        elif role == "year":
            out[i] = f"{shifted.year:04d}"
        elif role == "year2":
            out[i] = f"{shifted.year % 100:02d}"
        elif role == "month_word":
            name = _MONTHS[month_style][shifted.month - 1]
            out[i] = _restyle(tokens[i], name)
    _fix_suffixes(tokens, out, roles, shifted.day)
    if weekday_at is not None:
        style = _lookup(tokens[weekday_at], _WEEKDAYS)
        if style is not None:
            out[weekday_at] = _restyle(tokens[weekday_at], _WEEKDAYS[style[0]][shifted.weekday()])
    return "".join(out)


def _numeric_roles(numbers: list[tuple[int, str]], language: str) -> tuple[int, int, int | None, dict] | None:
    values = [int(v) for _, v in numbers]
    # A lone number (20260203) is as likely a record number as a date: the caller uses a placeholder.
    if len(numbers) == 3 and len(numbers[0][1]) == 4:  # ISO
        (iy, _), (im, _), (id_, _) = numbers
        return values[2], values[1], values[0], {iy: "year", im: "month", id_: "day"}
    if len(numbers) == 3:
        (ia, _), (ib, _), (iy, yv) = numbers
        a, b, _y = values
        month_first = (language == "en" and a <= 12) or b > 12
        if a > 12:
            month_first = False
        day, month = (b, a) if month_first else (a, b)
        idx_day, idx_month = (ib, ia) if month_first else (ia, ib)
        year = int(yv) if len(yv) == 4 else (1900 + int(yv) if int(yv) > 30 else 2000 + int(yv))
        return day, month, year, {idx_day: "day", idx_month: "month", iy: "year" if len(yv) == 4 else "year2"}
    if len(numbers) == 2 and len(numbers[1][1]) == 4:  # 05/2023
        return 15, values[0], values[1], {numbers[0][0]: "month", numbers[1][0]: "year"}
    if len(numbers) == 2:  # 12/03 (day/month in French, month/day in English)
        (ia, _), (ib, _) = numbers
        a, b = values
        if language == "en" and a <= 12:
            return b, a, None, {ib: "day", ia: "month"}
        return a, b, None, {ia: "day", ib: "month"}
    return None


def _zero_padded(tokens: list[str], roles: dict[int, str]) -> bool:
    parts = [tokens[i] for i, r in roles.items() if r in ("day", "month")]
    return any(p.startswith("0") for p in parts) or (len(parts) > 1 and all(len(p) == 2 for p in parts))


def _fix_suffixes(tokens: list[str], out: list[str], roles: dict[int, str], new_day: int) -> None:
    for i, role in roles.items():
        if role != "day" or i + 1 >= len(tokens):
            continue
        suffix = tokens[i + 1]
        if suffix.lower() in ("st", "nd", "rd", "th"):
            out[i + 1] = _restyle(suffix, _en_ordinal(new_day))
        elif suffix.lower() == "er" and new_day != 1:
            out[i + 1] = ""
