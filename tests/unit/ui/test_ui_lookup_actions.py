from __future__ import annotations

import pytest

from ui.lookup_actions import LookupActions

pytestmark = pytest.mark.unit


def test_ranked_snippets_with_query_terms_highlighted(services, catalog) -> None:
    html = LookupActions(services, catalog).search("FOLFOX CAPOX duration")
    assert html.startswith('<ol class="onco-hits">')
    first = html.split('<li class="onco-hit">')[1]
    assert "Colon cancer" in first and "<mark>FOLFOX</mark>" in first and "<mark>CAPOX</mark>" in first


def test_patients_are_never_search_results(services, catalog) -> None:
    html = LookupActions(services, catalog).search("colon adenocarcinoma hemicolectomy stage", k=10)
    assert "Patient P-" not in html and "hemicolectomy" not in html


@pytest.mark.parametrize(
    ("source", "cancer", "only"),
    [("/docs/melanoma.md", "", "melanoma.md"), ("", "lymphoma", "hodgkin.md")],
)
def test_filters_by_source_and_cancer_type(services, catalog, source: str, cancer: str, only: str) -> None:
    html = LookupActions(services, catalog).search("adjuvant resection cycles", source, cancer, 10)
    files = {part.split("</div>")[0] for part in html.split('<div class="onco-file">')[1:]}
    assert files == {only}


def test_filter_choices_come_from_the_index(services, catalog) -> None:
    actions = LookupActions(services, catalog)
    assert actions.cancer_choices("All") == [
        ("All", ""),
        ("colorectal", "colorectal"),
        ("lymphoma", "lymphoma"),
        ("melanoma", "melanoma"),
    ]
    values = [value for _, value in actions.source_choices("Toutes")]
    assert values == ["", "/docs/colon.md", "/docs/hodgkin.md", "/docs/melanoma.md"]


def test_empty_query_shows_nothing_and_errors_show_a_message(services, catalog) -> None:
    actions = LookupActions(services, catalog)
    assert actions.search("   ") == ""
    assert "limit is 4,000" in actions.search("x" * 5000)


def test_no_hit_message_in_the_interface_language(services, catalog) -> None:
    html = LookupActions(services, catalog).search("adjuvant", "/docs/hodgkin.md", "melanoma", 5, "fr")
    assert "Aucun passage" in html
