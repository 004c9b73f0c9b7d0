from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bootstrap import Services
from assistant.letters.clinical_services import ClinicalServices, build_clinical_services
from tests.unit.assistant.letters.letters_fakes import EvidenceCitingGenerator, WordVerifier, make_services

# {n} becomes the number of the FOLFOX passage in the prompt: two supported sentences, one unsupported.
RECOMMENDATION = (
    "Adjuvant FOLFOX or CAPOX is standard after resection [{n}]. Three months of CAPOX is enough for low-risk "
    "disease [{n}]. Radiotherapy is mandatory [{n}]."
)


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return make_services(
        tmp_path, verifier=WordVerifier(), generator=EvidenceCitingGenerator(RECOMMENDATION, "FOLFOX")
    )


@pytest.fixture
def clinical(services: Services) -> ClinicalServices:
    return build_clinical_services(services)
