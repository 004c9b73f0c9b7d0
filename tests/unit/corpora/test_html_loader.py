from __future__ import annotations

from pathlib import Path

import pytest

from corpora.errors import LoaderError
from corpora.loaders.html_loader import HtmlLoader

pytestmark = pytest.mark.unit


@pytest.fixture
def page(data_dir: Path):
    return HtmlLoader().load(data_dir / "page.html")


def test_headings_build_the_path(page) -> None:
    assert [s.heading_path for s in page.sections] == [
        (),
        ("Hormonothérapie",),
        ("Hormonothérapie", "Inhibiteurs de l'aromatase"),
        ("Chimiothérapie",),
    ]
    assert page.title == "Cancer du sein : traitement adjuvant"
    assert page.language == "fr"


def test_scripts_styles_navigation_and_footer_are_dropped(page) -> None:
    text = "\n".join(s.text for s in page.sections)
    for noise in ("tracking", "color: red", "Accueil", "Menu du site", "Mentions légales"):
        assert noise not in text
    assert "tamoxifène est proposé pendant cinq ans" in text


def test_lists_and_tables_become_lines(page) -> None:
    by_path = {s.heading_path: s.text for s in page.sections}
    assert (
        "- Létrozole 2,5 mg par jour\n- Anastrozole 1 mg par jour"
        in by_path[("Hormonothérapie", "Inhibiteurs de l'aromatase")]
    )
    assert by_path[("Chimiothérapie",)] == "Schéma | Cycles\nEC puis paclitaxel | 4 + 12"


def test_html_without_elements_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("   ", "utf-8")
    with pytest.raises(LoaderError, match="no HTML elements"):
        HtmlLoader().load(path)
