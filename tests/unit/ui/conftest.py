from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bootstrap import Services
from assistant.letters.clinical_services import ClinicalServices, build_clinical_services
from tests.unit.assistant.letters.letters_fakes import (
    EvidenceCitingGenerator,
    SessionNameScrubber,
    WordVerifier,
    make_services,
)
from ui.catalog import SourceCatalog
from ui.patient_intake import PatientIntake
from ui.session import WorkspaceSession

# {n} becomes the number of the FOLFOX passage: two sentences the source supports, one it does not.
REPLY = (
    "Adjuvant FOLFOX or CAPOX is standard after resection [{n}]. Three months of CAPOX is enough for low-risk "
    "disease [{n}]. Radiotherapy is mandatory [{n}]."
)
NOTE = (
    "Patient: Jeanne Martin, born 12/03/1961.\n"
    "Seen on 02/05/2025 by Dr Paul Durand for a stage III colon adenocarcinoma (pT3 N1a), right hemicolectomy "
    "done. Jeanne Martin asks about adjuvant chemotherapy."
)


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return make_services(
        tmp_path, verifier=WordVerifier(), generator=EvidenceCitingGenerator(REPLY, "FOLFOX")
    )


@pytest.fixture
def clinical(services: Services) -> ClinicalServices:
    return build_clinical_services(services)


@pytest.fixture
def session() -> WorkspaceSession:
    return WorkspaceSession()


@pytest.fixture
def catalog(services: Services) -> SourceCatalog:
    return SourceCatalog(services.store)


@pytest.fixture
def intake(services: Services) -> PatientIntake:
    return PatientIntake(services.store, SessionNameScrubber(), lambda: "test-salt", dict)
