from __future__ import annotations

import pytest

from guardrails.phi.reidentification import reidentify

pytestmark = pytest.mark.unit


def test_placeholders_and_shifted_dates_are_restored() -> None:
    mapping = {"<PERSON_1>": "Claire Dubois", "<PERSON_12>": "Paul", "13 février 2026": "3 février 2026"}
    letter = "Chère <PERSON_1>, suite à la visite du 13 février 2026 avec <PERSON_12> (<PERSON_9>)."
    assert reidentify(letter, mapping) == (
        "Chère Claire Dubois, suite à la visite du 3 février 2026 avec Paul (<PERSON_9>)."
    )


def test_no_mapping_no_change() -> None:
    assert reidentify("<DATE_1> stays", {}) == "<DATE_1> stays"
