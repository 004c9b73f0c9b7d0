from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bootstrap import Services, build_services
from assistant.settings import Settings, load_settings
from assistant.types import Chunk, ChunkMetadata

PASSAGES = [
    (
        "colon.md",
        "Colon cancer",
        "Treatment of stage III colon cancer > Adjuvant chemotherapy",
        "After complete resection of stage III colon cancer, adjuvant chemotherapy with FOLFOX or CAPOX is the standard "
        "of care. For low-risk stage III disease (T1-3 N1), three months of CAPOX is sufficient. High-risk disease "
        "(T4 or N2) is treated for six months.",
    ),
    (
        "colon.md",
        "Colon cancer",
        "Treatment of stage II colon cancer",
        "Adjuvant chemotherapy is not routinely recommended for stage II colon cancer without high-risk features. "
        "Patients with dMMR or MSI-H tumours derive no benefit from fluorouracil alone.",
    ),
    (
        "hodgkin.md",
        "Hodgkin lymphoma",
        "Early-stage favourable disease",
        "Two cycles of ABVD followed by involved-site radiotherapy of 20 Gy are standard for early-stage favourable "
        "classical Hodgkin lymphoma.",
    ),
    (
        "melanoma.md",
        "Melanoma",
        "Adjuvant therapy",
        "After resection of stage III melanoma, one year of adjuvant nivolumab or pembrolizumab reduces the risk of "
        "recurrence. Dabrafenib plus trametinib is an option for BRAF V600-mutant melanoma.",
    ),
    (
        "neutropenia.md",
        "Febrile neutropenia",
        "Initial management",
        "Febrile neutropenia is a medical emergency. Empirical broad-spectrum antibiotics should start within one hour "
        "of presentation, after blood cultures are drawn.",
    ),
]


def build_test_index(data_dir: Path, settings: Settings) -> Services:
    services = build_services(settings, scrub=False)
    services.store.add(
        [
            Chunk(text=text, metadata=ChunkMetadata(source=src, title=title, section=section, language="en"))
            for src, title, section, text in PASSAGES
        ]
    )
    services.store.refresh_lexical_index()
    return services


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def services(index_dir: Path) -> Services:
    return build_test_index(index_dir, load_settings(profile="test", data_dir=index_dir))
