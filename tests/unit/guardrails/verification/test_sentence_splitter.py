from __future__ import annotations

import pytest

from guardrails.verification.citations import extract_citations, strip_citations
from guardrails.verification.sentence_splitter import split_sentences

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FOLFOX is standard. It lasts 6 months.", ["FOLFOX is standard.", "It lasts 6 months."]),
        ("Give 2.5 mg daily. Stop at 3.", ["Give 2.5 mg daily.", "Stop at 3."]),
        (
            "Use a taxane, e.g. docetaxel, first. Then stop.",
            ["Use a taxane, e.g. docetaxel, first.", "Then stop."],
        ),
        ("Dr. Smith agreed. It works.", ["Dr. Smith agreed.", "It works."]),
        ("Smith et al. found it. Others did not.", ["Smith et al. found it.", "Others did not."]),
        ("Check vitamin D. Then treat.", ["Check vitamin D.", "Then treat."]),
        ("J. Smith wrote it. Fine.", ["J. Smith wrote it.", "Fine."]),
        ("Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."]),
        ("Survival improved [1]. Toxicity rose [2].", ["Survival improved [1].", "Toxicity rose [2]."]),
        ("Survival improved. [1] Toxicity rose. [2][3]", ["Survival improved. [1]", "Toxicity rose. [2][3]"]),
        ("Survival improved [1, 2]. Done [3].", ["Survival improved [1, 2].", "Done [3]."]),
        ("Le traitement est validé. Il dure 6 mois.", ["Le traitement est validé.", "Il dure 6 mois."]),
        ("Vu par M. Dupont hier. Puis revu.", ["Vu par M. Dupont hier.", "Puis revu."]),
        (
            "Donner p. ex. du 5-FU à 2,5 g. Arrêter ensuite.",
            ["Donner p. ex. du 5-FU à 2,5 g.", "Arrêter ensuite."],
        ),
        ("À noter. État stable.", ["À noter.", "État stable."]),
        (
            "in the 19th century.First for Women is a magazine.",
            ["in the 19th century.", "First for Women is a magazine."],
        ),
        ("- First point [1]\n- Second point [2]", ["First point [1]", "Second point [2]"]),
        ("## Treatment\nSurgery first.", ["## Treatment", "Surgery first."]),
        (
            "Stage II disease (approx. three cases). Next.",
            ["Stage II disease (approx. three cases).", "Next."],
        ),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No marker here.", ()),
        ("One [1].", (1,)),
        ("Two [1, 2].", (1, 2)),
        ("Adjacent [1][3].", (1, 3)),
        ("Range [2-4].", (2, 3, 4)),
        ("Repeat [2] and [2].", (2,)),
        ("Order [3] then [1].", (3, 1)),
        ("Word [Source 2].", (2,)),
        ("Semicolon [1; 4].", (1, 4)),
        ("Not a citation [a].", ()),
    ],
)
def test_extract_citations(text: str, expected: tuple[int, ...]) -> None:
    assert extract_citations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Survival improved [1].", "Survival improved."),
        ("Survival [1, 2] improved.", "Survival improved."),
        ("Survival improved. [1][2]", "Survival improved."),
    ],
)
def test_strip_citations(text: str, expected: str) -> None:
    assert strip_citations(text) == expected
