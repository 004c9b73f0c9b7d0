from __future__ import annotations

from pathlib import Path

import pytest

from corpora.errors import LoaderError
from corpora.loaders.front_matter import split_front_matter
from corpora.loaders.markdown_cleanup import clean_markdown
from corpora.loaders.markdown_loader import MarkdownLoader, parse_markdown
from corpora.loaders.markdown_sections import is_title_heading

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("deaths.[[1](#cit/section_1.1)]", "deaths."),
        ("adenomas.[[4](#cit/section_1.4)-[6](#cit/section_1.6)]", "adenomas."),
        ("American.[[11](#cit/section_1.11),[12](#cit/section_1.12)]", "American."),
        ("trials [[1](#cit/section_6.1)-[4](#cit/section_6.4)] in", "trials in"),
        (
            "see [Colon Cancer Treatment](/types/colorectal/hp/colon-treatment-pdq).",
            "see Colon Cancer Treatment.",
        ),
        ('use our [search](https://x.gov/a "https://x.gov/a") now', "use our search now"),
        ("a [Colon Cancer\nTreatment](/types/colon) b", "a Colon Cancer\nTreatment b"),
        (
            "(MEAL) Study ([CALGB 70807 [Alliance]](/clinicaltrials/NCT01238172))",
            "(MEAL) Study (CALGB 70807 [Alliance])",
        ),
        (
            "0.97).[[Level of evidence C1](/Common/PopUps/popDefinition.aspx?id=1&v=H)]",
            "0.97). [Level of evidence C1]",
        ),
        (
            "burden.[[Level of evidence: II]](/Common/PopUps/popDefinition.aspx?id=6)",
            "burden.[Level of evidence: II]",
        ),
        ('result.[[PUBMED Abstract](https://www.ncbi.nlm.nih.gov/pubmed/1 "t")]', "result."),
        ("[Go to Patient Version](/types/colorectal/patient/colon-treatment-pdq)\n\nText.", "Text."),
        (
            '[Enlarge](https://a/b.jpg)![Drawing of the colon.](https://a/b-750.jpg "Drawing")\n\nCaption.',
            "Caption.",
        ),
        ("**Bupropion** should be *avoided*; *P* < .001", "Bupropion should be avoided; P < .001"),
        ("the *DPYD\\*2A* variant", "the DPYD*2A variant"),
        ("| Stage | Survival |\n| --- | --- |\n| I | 90% |\n|  |  |", "Stage | Survival\nI | 90%"),
        ("no\u00a0break and zero\u200bwidth", "no break and zerowidth"),
        ("- list item stays\n* star item stays", "- list item stays\n* star item stays"),
        (
            "evidence from the history, or laboratory\nfindings (see below)\nNext line.",
            "evidence from the history, or laboratory findings (see below)\nNext line.",
        ),
    ],
)
def test_clean_markdown_removes_web_markup(raw: str, expected: str) -> None:
    assert clean_markdown(raw) == expected


def test_front_matter_fields() -> None:
    text = (
        "---\ntitle: T\nlastReviewed: 2025-12-30\nlanguage: FR\ncancerTypes: breast\ndemo: 'true'\n---\nBody"
    )
    meta, body = split_front_matter(text)
    assert (meta.title, meta.last_reviewed, meta.language, meta.cancer_types, meta.demo) == (
        "T",
        "2025-12-30",
        "fr",
        ("breast",),
        True,
    )
    assert body == "Body"


def test_broken_front_matter_is_a_warning_not_a_crash() -> None:
    meta, body = split_front_matter("---\ntitle: [unclosed\n---\nBody", where="x.md")
    assert meta.title is None and body == "Body"
    assert meta.warnings and "x.md" in meta.warnings[0]


@pytest.mark.parametrize(
    ("heading", "title", "expected"),
    [
        ("Colon Cancer Treatment (PDQ®) - NCI", "Colon Cancer Treatment (PDQ®) - NCI", True),
        (
            "Colon Cancer Treatment (PDQ®)–Health Professional Version",
            "Colon Cancer Treatment (PDQ®) - NCI",
            True,
        ),
        ("Treatment of Stage III Colon Cancer", "Colon Cancer Treatment (PDQ®) - NCI", False),
        ("Anything", "", False),
    ],
)
def test_title_headings(heading: str, title: str, expected: bool) -> None:
    assert is_title_heading(heading, title) is expected


@pytest.fixture
def guideline(data_dir: Path):
    return MarkdownLoader().load(data_dir / "guideline.md")


def test_guideline_metadata(guideline, data_dir: Path) -> None:
    assert guideline.title == "Colon Cancer Treatment (PDQ®) - NCI"
    assert guideline.last_reviewed == "2025-12-30"
    assert guideline.cancer_types == ("colorectal",)
    assert guideline.demo is True
    assert guideline.source == str((data_dir / "guideline.md").resolve())


def test_heading_paths_drop_the_title_and_keep_the_hierarchy(guideline) -> None:
    paths = [s.heading_path for s in guideline.sections]
    assert paths == [
        ("General Information About Colon Cancer",),
        ("General Information About Colon Cancer", "Anatomy"),
        ("General Information About Colon Cancer", "Risk Factors"),
        ("Treatment of Stage III Colon Cancer",),
        ("Treatment of Stage III Colon Cancer", "Treatment Options for Stage III Colon Cancer"),
        (
            "Treatment of Stage III Colon Cancer",
            "Treatment Options for Stage III Colon Cancer",
            "Adjuvant chemotherapy",
        ),
    ]


def test_noise_sections_are_dropped_and_content_kept(guideline) -> None:
    text = "\n".join(s.text for s in guideline.sections)
    assert "Bray F" not in text  # reference list
    assert "advanced clinical trial search" not in text  # boilerplate
    assert "peer-reviewed" not in text  # PDQ publishing notes
    assert "#cit" not in text and "](" not in text and "Go to Patient Version" not in text
    assert "Stage I | 90%" in text  # tables stay as text
    assert "FOLFOX or CAPOX" in text and "[Level of evidence A1]" in text


def test_current_clinical_trials_with_real_content_is_kept(tmp_path: Path) -> None:
    text = (
        "# Doc\n\n## Current Clinical Trials\n\nThe phase III trial NCT01 compares FOLFOX with CAPOX in stage III "
        "disease; it enrols 1,200 patients at 40 sites.\n"
    )
    doc = parse_markdown(text, tmp_path / "doc.md")
    assert [s.heading_path for s in doc.sections] == [("Current Clinical Trials",)]


def test_language_is_detected_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "fr.md"
    path.write_text(
        "# Titre\n\nLe traitement de la maladie est une chimiothérapie pour les patients.", "utf-8"
    )
    assert MarkdownLoader().load(path).language == "fr"


def test_binary_file_renamed_md_is_rejected(data_dir: Path) -> None:
    with pytest.raises(LoaderError, match="binary_renamed.md.*binary"):
        MarkdownLoader().load(data_dir / "binary_renamed.md")
