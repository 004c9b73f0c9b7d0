from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.letters import FLAG, LetterService, PatientDirectory
from assistant.letters.letter_service import _marked_recommendations
from assistant.types import Answer, SentenceCheck
from tests.unit.assistant.letters.letters_fakes import PATIENT_ID, make_services

pytestmark = pytest.mark.unit


def letters(services) -> LetterService:
    return LetterService(
        PatientDirectory(services.store), services.answers, services.store, lambda: dt.date(2025, 3, 4)
    )


def test_consultation_letter_has_the_template_sections_in_order(services) -> None:
    draft = letters(services).draft(
        PATIENT_ID, "consult", "en", "Adjuvant treatment?", "Dr Martin (GP)", "Dr Roy"
    )
    text = draft.text
    order = [
        "# Oncology consultation letter",
        "To: Dr Martin (GP)",
        f"Re: patient {PATIENT_ID}",
        "Date: 2025-03-04",
        "Dear Dr Martin (GP),",
        "## Reason for referral\nAdjuvant treatment?",
        "## Patient summary",
        "## Guideline-based recommendations",
        "## References",
        "Yours sincerely,\nDr Roy",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_patient_facts_are_quoted_from_the_summary_only(services) -> None:
    text = letters(services).draft(PATIENT_ID).text
    facts = text.split("## Patient summary")[1].split("## Guideline-based")[0]
    assert "stage IIIB; pT3 N1a, 1 of 14 nodes." in facts
    assert "### Overview" in facts and "### Treatments" in facts
    assert "Timeline" not in facts  # not among the template's facts_sections


def test_recommendations_come_from_guidelines_only_and_are_cited(services) -> None:
    draft = letters(services).draft(PATIENT_ID, instructions="Adjuvant treatment?")
    prompt = services.generator.prompts[0]
    assert "Colon adenocarcinoma" in prompt and "Adjuvant treatment?" in prompt
    assert "hemicolectomy" not in prompt  # no patient passage among the sources
    assert [c.source for c in draft.citations] == ["/docs/colon.md"]
    n = draft.citations[0].n
    assert (
        f"[{n}] Colon cancer — Stage III > Adjuvant chemotherapy (reviewed 2025-06-01) — colon.md"
        in draft.text
    )


def test_sentences_the_verifier_removed_are_listed_not_written(services) -> None:
    draft = letters(services).draft(PATIENT_ID)
    n = draft.citations[0].n
    assert draft.verified
    assert [(c.sentence, c.status) for c in draft.checks] == [
        (f"Radiotherapy is mandatory [{n}].", "removed")
    ]
    recommendations = draft.text.split("## Guideline-based recommendations\n")[1].split("\n")[0]
    assert recommendations == (
        f"Adjuvant FOLFOX or CAPOX is standard after resection [{n}]. "
        f"Three months of CAPOX is enough for low-risk disease [{n}]."
    )
    assert "Radiotherapy" not in draft.text and FLAG not in draft.text


def test_delivered_sentences_that_fail_the_check_are_flagged_in_the_text() -> None:
    answer = Answer(
        question="q",
        text="FOLFOX is standard [1]. CAPOX for one year [1]. See your doctor.",
        sentences=[
            SentenceCheck("FOLFOX is standard [1].", "supported", 0.9, (1,)),
            SentenceCheck("CAPOX for one year [1].", "unsupported", 0.2, (1,)),
            SentenceCheck("See your doctor.", "no_citation", None),
        ],
        removed=[SentenceCheck("Radiotherapy is mandatory [1].", "unsupported", 0.1, (1,))],
    )
    text, checks = _marked_recommendations(answer)
    assert text == f"FOLFOX is standard [1]. {FLAG} CAPOX for one year [1]. {FLAG} See your doctor."
    assert [c.status for c in checks] == ["unsupported", "no_citation", "removed"]


def test_quoted_fallback_is_reported() -> None:
    answer = Answer(
        question="q",
        text="Quoted [1].",
        extractive=True,
        sentences=[SentenceCheck("Quoted [1].", "supported", 1.0)],
    )
    text, checks = _marked_recommendations(answer)
    assert text == "Quoted [1]." and [c.status for c in checks] == ["extractive"]


def test_french_tumour_board_summary(services) -> None:
    services.answers.settings.retrieval.min_relevance = -1.0  # hashed words do not cross languages
    draft = letters(services).draft(PATIENT_ID, "rcp", "fr", "Chimiothérapie adjuvante ?")
    assert draft.text.startswith("# Fiche RCP")
    for heading in (
        "## Question posée à la RCP",
        "## Options selon les référentiels",
        "## Proposition de la RCP",
    ):
        assert heading in draft.text
    assert "Réponds en français" in services.generator.prompts[0]


def test_without_a_verifier_the_recommendations_are_marked_unverified(tmp_path: Path) -> None:
    services = make_services(tmp_path, replies=("FOLFOX is standard [1].",))
    draft = letters(services).draft(PATIENT_ID)
    assert not draft.verified and [c.status for c in draft.checks] == ["unverified"]
    assert FLAG not in draft.text


def test_abstention_is_flagged(services) -> None:
    services.answers.settings.retrieval.min_relevance = 0.999
    draft = letters(services).draft(PATIENT_ID)
    assert draft.abstained and [c.status for c in draft.checks] == ["abstained"]
    assert f"{FLAG} The indexed sources do not cover" in draft.text
    assert services.generator.prompts == []


def test_demo_model_drafts_say_so(tmp_path: Path) -> None:
    services = make_services(tmp_path, demo=True)
    draft = letters(services).draft(PATIENT_ID)
    assert draft.demo and "DEMO MODEL DRAFT" in draft.text and FLAG not in draft.text.split("\n")[2]


def test_blank_fields_get_the_template_defaults(services) -> None:
    text = letters(services).draft(PATIENT_ID, instructions="  ").text
    assert "## Reason for referral\nOpinion on further management." in text
    assert "To: Dr ____ (referring physician)" in text
