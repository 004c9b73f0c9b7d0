from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from guardrails.phi.scrub_session import normalise_value
from guardrails.phi.wordlists import DATA_DIR, load_terms, trie_regex

pytestmark = pytest.mark.unit

GOLD_DIR = Path(__file__).resolve().parents[3] / "data" / "phi"


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA_DIR.glob("*.txt")))
def test_word_lists_load_without_comments_or_blanks(name: str) -> None:
    terms = load_terms(name)
    assert terms, f"{name}.txt is empty"
    assert all(t and not t.startswith("#") and t == t.strip() for t in terms)


@pytest.mark.parametrize(
    ("names_file", "clinical_files"),
    [
        ("first_names", ("eponyms", "drugs", "regimens", "genes")),
        # The generated lists are also kept apart from clinical terms: "Éva" would take "EVA 3/10", a pain score.
        ("first_names_census", ("eponyms", "drugs", "regimens", "genes", "clinical_terms")),
        ("first_names_world", ("eponyms", "drugs", "regimens", "genes", "clinical_terms")),
        ("first_names_wordlike", ("eponyms", "drugs", "regimens", "genes", "clinical_terms")),
        ("surnames_wordlike", ("eponyms", "drugs", "regimens", "genes", "clinical_terms")),
    ],
)
def test_no_eponym_or_drug_is_a_given_name(names_file: str, clinical_files: tuple[str, ...]) -> None:
    names = {normalise_value(n) for n in load_terms(names_file)}
    clinical = {normalise_value(t) for f in clinical_files for t in load_terms(f)}
    assert names & clinical == set()


def test_trie_regex_matches_exactly_the_words() -> None:
    import regex

    pattern = regex.compile(rf"^{trie_regex(['Jean', 'Jean-Luc', 'Jeanne', 'Paul'])}$")
    assert all(pattern.match(w) for w in ["Jean", "Jean-Luc", "Jeanne", "Paul"])
    assert not any(pattern.match(w) for w in ["Jea", "Jean-", "Pau", "Pauline"])


def test_trie_regex_has_no_repeat_and_prefers_the_longer_word() -> None:
    import regex

    # Optional tails are alternations with an empty branch, not "?" repeats (the regex module prepares every
    # repeat at each position it tries): the same matches, the longer word first.
    trie = trie_regex(["Jean", "Jean-Luc", "Jeanne", "Paul"])
    assert "?" not in trie.replace("(?:", "")
    assert [m.group() for m in regex.finditer(trie, "Jeanne, Jean-Luc, Jean")] == [
        "Jeanne",
        "Jean-Luc",
        "Jean",
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_gold_notes_match_their_marked_sources(lang: str) -> None:
    sys.path.insert(0, str(GOLD_DIR))
    try:
        from build_gold import parse_marked
    finally:
        sys.path.remove(str(GOLD_DIR))
    expected = parse_marked((GOLD_DIR / f"oncology_notes_{lang}.marked.txt").read_text(encoding="utf-8"))
    rows = [
        json.loads(line)
        for line in (GOLD_DIR / f"oncology_notes_{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert rows == expected, "run tests/data/phi/build_gold.py after editing the marked notes"
    assert len(rows) >= 25
    kinds = {s["type"] for r in rows for s in r["spans"]}
    assert {
        "PERSON",
        "DATE",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "STREET_ADDRESS",
        "MEDICAL_RECORD_NUMBER",
        "AGE",
    } <= kinds
    for row in rows:
        for span in row["spans"]:
            value = row["text"][span["start"] : span["end"]]
            assert value == value.strip() and value


def test_recognizer_class_names_do_not_shadow_presidio_predefined_ones() -> None:
    # Presidio's default registry finds predefined recognizers by class name among ALL EntityRecognizer
    # subclasses; a homonym of ours would replace Presidio's in every default AnalyzerEngine of the process.
    import presidio_analyzer.predefined_recognizers as predefined

    from guardrails.phi.recognizers import PATTERN_RECOGNIZERS

    presidio_names = {n for n in dir(predefined) if n.endswith("Recognizer")}
    assert {cls.__name__ for cls in PATTERN_RECOGNIZERS} & presidio_names == set()
