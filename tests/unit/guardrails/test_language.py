"""One detector for questions, lookups, notes and documents (real lingua model for short texts)."""

from __future__ import annotations

import pytest

from guardrails.language import detect_language

pytestmark = pytest.mark.unit

SENTENCES = [
    ("What adjuvant options exist after resection of a stage III colon cancer?", "en"),
    ("Quelles options adjuvantes après résection d'un cancer du côlon de stade III ?", "fr"),
    ("Quel est le traitement du lymphome de Hodgkin ?", "fr"),
    ("Dose of capecitabine?", "en"),
    ("Dose de la capécitabine ?", "fr"),
    ("Patiente de 62 ans vue en consultation pour un cancer du sein.", "fr"),
    ("The patient was seen for a follow-up of his colon cancer.", "en"),
    ("Chimiothérapie par FOLFOX, tolérance correcte.", "fr"),
    ("Started FOLFOX; tolerated well.", "en"),
    ("Does Mr Martin need FOLFOX?", "en"),
]

# Lookup-style terms with no function word: the detector's hard case. The old question detector called
# "carcinome canalaire in situ" English, so a French lookup skipped the glossary.
TERMS = [
    ("carcinome canalaire in situ", "fr"),
    ("ductal carcinoma in situ", "en"),
    ("lymphome de Hodgkin", "fr"),
    ("Hodgkin lymphoma", "en"),
    ("sarcome d'Ewing", "fr"),
    ("Ewing sarcoma", "en"),
    ("adénocarcinome pulmonaire", "fr"),
    ("lung adenocarcinoma", "en"),
    ("mésothéliome pleural", "fr"),
    ("pleural mesothelioma", "en"),
    ("neutropénie fébrile", "fr"),
    ("febrile neutropenia", "en"),
    ("rechute tardive", "fr"),
    ("late relapse", "en"),
    ("chimiothérapie palliative", "fr"),
    ("palliative chemotherapy", "en"),
    ("tumeur de Wilms", "fr"),
    ("Wilms tumor", "en"),
    ("ganglion sentinelle", "fr"),
    ("hepatocellular carcinoma", "en"),
]

# Names, genes, regimens and codes say nothing about the language: the caller's default decides.
NO_SIGNAL = ["", "   ", "pT2N1M0", "BRAF V600E", "CA 19-9", "5-FU"]


@pytest.mark.parametrize(("text", "expected"), SENTENCES + TERMS)
def test_detects_the_language(text: str, expected: str) -> None:
    assert detect_language(text, default="?") == expected


@pytest.mark.parametrize("text", NO_SIGNAL)
def test_no_signal_gives_the_default(text: str) -> None:
    assert detect_language(text, default="?") == "?"
    assert detect_language(text) == "en"


def test_function_words_outvote_the_model_on_a_sentence() -> None:
    # A French sentence full of English drug and trial names is still French.
    text = "Le patient a reçu pembrolizumab dans KEYNOTE-522 puis olaparib selon OlympiA."
    assert detect_language(text) == "fr"


def test_only_the_start_of_a_long_text_is_read() -> None:
    text = "Le traitement de la patiente est en cours. " * 50 + "The rest of this is English. " * 5000
    assert detect_language(text) == "fr"
