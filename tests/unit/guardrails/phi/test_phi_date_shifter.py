from __future__ import annotations

import datetime as dt

import pytest

from guardrails.phi.date_shifter import shift_date

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "days", "language", "expected"),
    [
        ("14/02/1958", 10, "fr", "24/02/1958"),
        ("3 février 2026", 30, "fr", "5 mars 2026"),
        ("July 4, 1949", 10, "en", "July 14, 1949"),
        ("2026-02-03", -400, "en", "2024-12-30"),
        ("1er mars 2020", 10, "fr", "11 mars 2020"),
        ("March 1st, 2020", 1, "en", "March 2nd, 2020"),
        ("7/4/1949", 10, "en", "7/14/1949"),  # month first in English
        ("7/4/1949", 10, "fr", "17/4/1949"),  # day first in French
        ("9-2-78", 10, "fr", "19-2-78"),
        ("19 DÉCEMBRE 2024", 20, "fr", "8 JANVIER 2025"),
        ("28 fevrier 2088", 10, "fr", "9 mars 2088"),  # unaccented input stays unaccented
        ("MAR 24 MAI 2061", 10, "fr", "VEN 3 JUIN 2061"),  # weekday recomputed
        ("le 12 mars", 10, "fr", "le 22 mars"),
        ("05/2023", 31, "fr", "06/2023"),
    ],
)
def test_shift_keeps_format(text: str, days: int, language: str, expected: str) -> None:
    assert shift_date(text, days, language) == expected


def test_shift_keeps_intervals() -> None:
    a, b = "14/02/1958", "03/03/1958"
    shifted = [shift_date(x, 137, "fr") for x in (a, b)]
    parse = [dt.datetime.strptime(x, "%d/%m/%Y").date() for x in (a, b, *shifted)]  # type: ignore[arg-type]
    assert (parse[1] - parse[0]) == (parse[3] - parse[2])
    assert (parse[2] - parse[0]).days == 137


@pytest.mark.parametrize("text", ["20260203", "not a date", "31/31/2020"])
def test_unparseable_returns_none(text: str) -> None:
    assert shift_date(text, 5, "fr") is None
