"""An acronym that the evidence spells out is named by it (entities.entity_present)."""

from __future__ import annotations

import pytest

from guardrails.verification.entities import find_entities, missing_entities
from guardrails.verification.lexical import LexicalView

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("claim", "evidence", "missing"),
    [
        ("ADRs were frequent.", "Adverse drug reactions were frequent.", []),
        ("The RCT was stopped early.", "This randomised controlled trial was stopped early.", []),
        ("WHO criteria were used.", "The World Health Organization criteria were used.", []),
        # "multidisciplinary" is one word: its initials are "mt", not "mdt".
        ("Refer to the MDT.", "Each case went to the multidisciplinary team.", ["MDT"]),
        ("The RCT was stopped early.", "This randomised trial was stopped early.", ["RCT"]),
        # Two letters match too many word pairs by chance: a two-letter acronym must be written as such.
        ("PT was prolonged.", "Prothrombin time was prolonged.", ["PT"]),
        # Letters that are not in order, or not adjacent, do not spell it.
        ("DRA was seen.", "Adverse drug reactions were seen.", ["DRA"]),
    ],
)
def test_spelled_out_acronyms(claim: str, evidence: str, missing: list[str]) -> None:
    found = missing_entities(find_entities(claim), LexicalView.of(evidence))
    assert [e.text for e in found] == missing
