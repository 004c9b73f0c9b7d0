"""Patient intake and letter export with the real PHI scrubber (Presidio + spaCy), loaders and Chroma store."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from assistant.letters import PatientDirectory
from assistant.letters.clinical_services import build_clinical_services
from tests.unit.assistant.letters.letters_fakes import make_services
from ui.catalog import SourceCatalog
from ui.letter_actions import LetterActions
from ui.patient_actions import PatientActions
from ui.patient_intake import PatientIntake
from ui.session import WorkspaceSession

pytestmark = pytest.mark.integration

NOTE = """# Consultation d'oncologie

## Identité
Mme Claire Dubois, née le 14/02/1958, tél. 06 12 34 56 78.

## Histoire
Adénocarcinome du côlon droit pT3 N1a (stade IIIB), hémicolectomie droite le 03/03/2025 par le Dr Marc Lefèvre.
Mme Dubois demande si une chimiothérapie adjuvante est indiquée.
"""
IDENTIFIERS = ("Claire", "Dubois", "14/02/1958", "06 12 34 56 78", "Lefèvre", "03/03/2025")


@pytest.fixture(scope="module")
def scrubber():
    phi = pytest.importorskip("guardrails.phi", reason="guardrails.phi is not installed")
    return phi.PhiScrubber()


def test_a_french_note_is_previewed_indexed_and_re_identified_only_on_export(
    scrubber, tmp_path: Path
) -> None:
    services = make_services(tmp_path)
    catalog = SourceCatalog(services.store)
    intake = PatientIntake(services.store, scrubber, lambda: "integration-salt", scrubber.session)
    patients = PatientActions(PatientDirectory(services.store), intake, catalog)
    session = WorkspaceSession(language="fr")

    html, ready = patients.preview(NOTE, None, "", session)
    assert ready
    for kind in ("PERSON", "DATE", "PHONE_NUMBER"):
        assert f'title="{kind} → &lt;{kind}_1&gt;"' in html
    assert "Identifiants retirés" in html
    assert not session.pending.ambiguous  # one scrub session for the whole note

    pid = session.pending.patient_ids[0]
    patients.confirm(session)
    assert pid in session.mappings
    stored = " ".join(c.text for c in services.store.chunks_of(f"patient:{pid}"))
    assert "Adénocarcinome du côlon droit" in stored
    assert not [value for value in IDENTIFIERS if value in stored]

    letters = LetterActions(build_clinical_services(services).letters, scrubber, tmp_path / "exports")
    text, _ = letters.draft(pid, "consult", "fr", "Chimiothérapie adjuvante ?", "", "", session)
    assert "Dubois" not in text and "<PERSON_1>" in text
    path, status = letters.export(text, "docx", True, pid, session)
    body = "\n".join(p.text for p in Document(path).paragraphs)
    assert "Claire Dubois" in body and "<PERSON_1>" not in body, status
