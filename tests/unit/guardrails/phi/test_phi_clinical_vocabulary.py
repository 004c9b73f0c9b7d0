from __future__ import annotations

import pytest

from guardrails.phi.clinical_vocabulary import default_vocabulary

pytestmark = pytest.mark.unit


def protected(text: str) -> list[str]:
    return [text[s.start : s.end] for s in default_vocabulary().protected_spans(text)]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("classical Hodgkin lymphoma", ["Hodgkin"]),
        ("Gleason 4+3 adenocarcinoma", ["Gleason 4+3"]),
        ("Li-Fraumeni syndrome, Reed-Sternberg cells", ["Li-Fraumeni", "Reed-Sternberg"]),
        ("Sister Mary Joseph nodule", ["Sister Mary Joseph"]),
        ("started FOLFIRINOX then Keytruda", ["FOLFIRINOX", "Keytruda"]),
        ("KRAS G12C and EGFR exon 19", ["KRAS G12C", "EGFR exon 19"]),
        ("pT2N1M0, stage IIIA, ECOG 1", ["pT2N1M0", "stage IIIA", "ECOG 1"]),
        ("Clark level IV, Bethesda IV, Child-Pugh A6", ["Clark level IV", "Bethesda IV", "Child-Pugh A6"]),
        ("lutetium Lu 177, Ga-68 PSMA, 18F-FDG, 131I, Tc 99m", ["Lu 177", "Ga-68", "18F", "131I", "Tc 99m"]),
        (
            "RTOG 9601, EORTC 22922, KEYNOTE-189, NRG GY018",
            ["RTOG 9601", "EORTC 22922", "KEYNOTE-189", "NRG GY018"],
        ),
    ],
)
def test_listed_terms_are_protected(text: str, terms: list[str]) -> None:
    spans = default_vocabulary().protected_spans(text)
    for term in terms:
        start = text.index(term)
        assert any(s.start <= start and start + len(term) <= s.end and s.listed for s in spans), term


def test_plain_words_are_not_protected() -> None:
    assert protected("The patient John Smith lives in Boston.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # common surnames count only before a clinical head word...
        ("Lynch syndrome", ["Lynch syndrome"]),
        ("Paget's disease of bone", ["Paget's disease"]),
        ("Clark level IV", ["Clark level IV"]),
        ("syndrome de Lynch", ["syndrome de Lynch"]),
        ("maladie de Paget du mamelon", ["maladie de Paget"]),
        ("sarcome d'Ewing", ["sarcome d'Ewing"]),
        # operative-note instruments named after people
        ("a Penrose drain and Mayfield pins", ["Penrose drain", "Mayfield pins"]),
        ("the Bugbee electrode, Allen stirrups", ["Bugbee electrode", "Allen stirrups"]),
        # ...and not elsewhere
        ("Mr. Lynch and John Clark", []),
        ("Paget was seen today", []),
        ("Allen Blake was seen by Mr Penrose", []),
    ],
)
def test_contextual_eponyms(text: str, expected: list[str]) -> None:
    assert protected(text) == expected


def test_unknown_capitalised_word_before_a_strong_head_is_clinical_but_only_without_possessive() -> None:
    spans = default_vocabulary().protected_spans("Erdheim-Chester disease, Castleman disease; Mary's tumor")
    text = "Erdheim-Chester disease, Castleman disease; Mary's tumor"
    assert [text[s.start : s.end] for s in spans if not s.listed] == []  # both are listed eponyms
    generic = default_vocabulary().protected_spans("Rosai disease; Mary's tumor; Smith disease-free")
    assert [("Rosai disease; Mary's tumor; Smith disease-free")[s.start : s.end] for s in generic] == [
        "Rosai disease"
    ]
    assert all(not s.listed for s in generic)


def test_acronyms_match_with_their_case_only() -> None:
    assert protected("ER and PR positive") == ["ER", "PR"]
    assert protected("the er and pr were") == []
