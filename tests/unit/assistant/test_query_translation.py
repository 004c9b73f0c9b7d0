from __future__ import annotations

import pytest

from assistant.retrieval.query_translation import GLOSSARY, QueryTranslator, _atoms, default_translator
from assistant.store.text_normalise import tokenize

pytestmark = pytest.mark.unit

# A small glossary of its own, so these cases do not move when the shipped one grows.
SMALL = QueryTranslator(
    [
        ("cancer", "cancer"),
        ("cancer du sein", "breast cancer"),
        ("cancer de l estomac", "gastric cancer"),
        ("chimiothérapie", "chemotherapy"),
        ("chimiothérapie adjuvante", "adjuvant chemotherapy"),
        ("CBNPC", "non-small cell lung cancer"),
        ("métastatique", "metastatic"),
        ("stade", "stage"),
        ("quel", ""),
        ("le", ""),
        ("la", ""),
        ("du", ""),
        ("de", ""),
        ("d", ""),
        ("l", ""),
        ("un", ""),
        ("pour", ""),
        ("HER2+", "HER2-positive"),
        ("après", "after"),
    ]
)


@pytest.mark.parametrize(
    ("french", "english"),
    [
        # the longest phrase wins over its words
        ("chimiothérapie adjuvante", "adjuvant chemotherapy"),
        ("chimiothérapie", "chemotherapy"),
        ("cancer du sein", "breast cancer"),
        # accents, case and plurals do not matter
        ("CHIMIOTHERAPIE ADJUVANTE", "adjuvant chemotherapy"),
        ("chimiotherapies adjuvantes", "adjuvant chemotherapy"),
        ("Cancers métastatiques", "cancer metastatic"),
        # elisions are split off: l', d', with typographic apostrophes too
        ("cancer de l'estomac", "gastric cancer"),
        ("cancer de l’estomac", "gastric cancer"),
        ("après l'ajout d'un anti-PD-1", "after ajout anti-pd-1"),
        # clinician abbreviations
        ("CBNPC de stade IV", "non-small cell lung cancer stage iv"),
        ("cancer du sein HER2+", "breast cancer HER2-positive"),
        # unknown words (drug and gene names, trials, numbers) are kept as written, hyphenated names re-joined
        ("osimertinib pour un CBNPC EGFR", "osimertinib non-small cell lung cancer egfr"),
        ("PD-L1 ≥ 50 %", "pd-l1 50"),
        ("CA 19-9", "ca 19-9"),
        ("FOLFIRINOX", "folfirinox"),
        # other long words get their regular English ending (carcinome → carcinoma, toxicité → toxicity)
        ("carcinomes", "carcinoma"),
        ("toxicité", "toxicity"),
        ("cystite", "cystitis"),
        ("biopsie", "biopsy"),
        ("syndrome", "syndrome"),
    ],
)
def test_translation_table(french: str, english: str) -> None:
    assert SMALL.translate(french) == english


@pytest.mark.parametrize(
    "english",
    [
        "What is the role of adjuvant chemotherapy in stage III colon cancer?",
        "Which patients with HER2-positive breast cancer should receive pertuzumab?",
        "FOLFOX",
    ],
)
def test_english_questions_are_left_alone(english: str) -> None:
    assert SMALL.for_retrieval(english) is None
    assert default_translator().for_retrieval(english) is None


def test_a_french_question_gets_english_keywords() -> None:
    english = SMALL.for_retrieval("Quel traitement pour le cancer du sein métastatique ?")
    assert english == "traitement breast cancer metastatic"


@pytest.mark.parametrize(
    ("french", "expected"),
    [
        (
            "Quelle chimiothérapie adjuvante pour un cancer du côlon de stade III ?",
            "adjuvant chemotherapy colon",
        ),
        (
            "Quel ITK en première ligne d'un CBNPC avec mutation EGFR ?",
            "first-line non-small cell lung cancer",
        ),
        ("Place de la radiochimiothérapie concomitante dans le cancer du col de l'utérus", "cervical cancer"),
        ("Cancer du sein RH+ HER2- métastatique : inhibiteurs de CDK4/6 ?", "HER2-negative"),
        ("Prise en charge des nausées et vomissements chimio-induits", "nausea and vomiting"),
        ("Quelle place de l'olaparib ?", "olaparib"),
    ],
)
def test_the_shipped_glossary(french: str, expected: str) -> None:
    english = default_translator().for_retrieval(french)
    assert english is not None and expected in english


def test_the_shipped_glossary_has_no_conflicting_entries() -> None:
    seen: dict[tuple[str, ...], str] = {}
    conflicts = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        french, tab, english = line.partition("\t")
        assert tab, f"no tab in {line!r}"
        for form in filter(str.strip, french.split("|")):
            key = tuple(a.key for a in _atoms(form))
            if seen.setdefault(key, english) != english:
                conflicts.append(form)
    assert not conflicts
    assert len(default_translator()) > 1000


def test_translations_survive_bm25_tokenisation() -> None:
    # HER2+ must reach BM25 as a word it can match, not as a bare "+"
    assert "her2-positive" in tokenize(default_translator().translate("cancer du sein HER2+"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # keyword queries: no function words, so the glossary decides
        ("CBNPC osimertinib", "non-small cell lung cancer"),
        ("glioblastome MGMT", "glioblastoma"),
        ("mucite", "oral mucositis"),
        ("AML elderly", None),
        ("CAR T cells lymphoma", None),
        ("HIPEC ovarian", None),
        ("FOLFOX", None),
    ],
)
def test_keyword_queries(query: str, expected: str | None) -> None:
    english = default_translator().for_retrieval(query)
    assert english == expected if expected is None else expected in (english or "")
