from __future__ import annotations

from pathlib import Path

import pytest

from ui.library_actions import LibraryActions
from ui.lookup_actions import LookupActions

pytestmark = pytest.mark.unit
GUIDELINE = """---
title: "Gastric cancer (test)"
lastReviewed: "2025-01-15"
cancerTypes: [gastric]
---
# Gastric cancer

## Perioperative chemotherapy

Perioperative FLOT chemotherapy is standard for resectable gastric adenocarcinoma of stage IB or higher.
"""


def test_model_info_says_which_model_and_whether_it_is_the_demo(services, catalog) -> None:
    html = LibraryActions(services, catalog).model_info()
    assert "fake:scripted" in html and "fake:hash-256" in html and "<td>no</td>" in html
    services.generator.demo = True
    assert "<td>oui</td>" in LibraryActions(services, catalog).model_info("fr")


def test_sources_table_lists_guidelines_with_counts_and_dates(services, catalog) -> None:
    rows = LibraryActions(services, catalog).rows()
    assert rows == [
        ["Colon cancer", 2, "2025-06-01", "colon.md"],
        ["Hodgkin lymphoma", 1, "—", "hodgkin.md"],
        ["Melanoma", 1, "2024-11-15", "melanoma.md"],
    ]


def test_uploaded_guidelines_are_kept_beside_the_index_and_searchable(
    services, catalog, tmp_path: Path
) -> None:
    upload = tmp_path / "gradio-cache" / "gastric.md"
    upload.parent.mkdir()
    upload.write_text(GUIDELINE, encoding="utf-8")
    library = LibraryActions(services, catalog)
    html = library.ingest([str(upload)])
    assert "onco-ok" in html and "1 ingested" in html
    kept = services.settings.data_dir / "guidelines" / "gastric.md"
    assert kept.is_file()
    assert ["Gastric cancer (test)", 1, "2025-01-15", "gastric.md"] in library.rows()
    lookup = LookupActions(services, catalog)
    assert "<mark>FLOT</mark>" in lookup.search("FLOT perioperative")
    assert ("gastric", "gastric") in lookup.cancer_choices()


def test_unreadable_uploads_are_reported(services, catalog, tmp_path: Path) -> None:
    upload = tmp_path / "empty.md"
    upload.write_text("", encoding="utf-8")
    html = LibraryActions(services, catalog).ingest([str(upload)])
    assert "skipped" in html and "onco-ok" not in html


def test_ingest_without_files_warns(services, catalog) -> None:
    assert "Choose one or more files" in LibraryActions(services, catalog).ingest([])


def test_removing_a_source_needs_confirmation(services, catalog) -> None:
    library = LibraryActions(services, catalog)
    assert "Tick the confirmation box" in library.remove("/docs/melanoma.md", False)
    assert len(library.rows()) == 3
    assert "Removed melanoma.md (1 passages)" in library.remove("/docs/melanoma.md", True)
    assert [r[3] for r in library.rows()] == ["colon.md", "hodgkin.md"]
    assert "melanoma" not in LookupActions(services, catalog).search("nivolumab pembrolizumab melanoma")
    assert "Choose a source" in library.remove(None, True)
