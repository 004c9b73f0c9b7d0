"""PhiScrubber's replacement logic with a stubbed detection step (a subclass), no spaCy model loaded."""

from __future__ import annotations

import pytest

from guardrails.phi import PhiScrubber, Scrubber, ScrubResult, ScrubSession
from guardrails.phi.entity_resolver import Candidate
from guardrails.phi.types import Language

pytestmark = pytest.mark.unit


class ScriptedScrubber(PhiScrubber):
    """Detection replaced by exact-string lookups, so that the test controls what is found."""

    def __init__(self, values: dict[str, str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.values = values

    def detect(self, text: str, language: Language) -> list[Candidate]:
        out = []
        for value, etype in self.values.items():
            start = text.find(value)
            while start >= 0:
                out.append(Candidate(etype, start, start + len(value), 0.9))
                start = text.find(value, start + 1)
        return sorted(out, key=lambda c: c.start)


VALUES = {"Claire Dubois": "PERSON", "Paul": "PERSON", "14/02/1958": "DATE", "03/03/1958": "DATE"}


def test_constructor_is_cheap_and_satisfies_the_protocol() -> None:
    scrubber = PhiScrubber()
    assert scrubber._analyzers == {}  # nothing loaded before the first text
    assert isinstance(scrubber, Scrubber)


def test_empty_text_loads_nothing() -> None:
    scrubber = PhiScrubber()
    assert scrubber.scrub("   ", "fr") == ScrubResult("   ", [], "fr", {})
    assert scrubber._analyzers == {}


def test_unsupported_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="Unsupported language"):
        PhiScrubber().scrub("Hallo", "de")
    with pytest.raises(ValueError, match="spacy_models"):
        PhiScrubber(spacy_models={"de": "de_core_news_sm"})


def test_placeholders_consistent_and_offsets_in_original_text() -> None:
    text = "Claire Dubois, née le 14/02/1958. Paul appelle Claire Dubois."
    result = ScriptedScrubber(VALUES).scrub(text, "fr")
    assert result.text == "<PERSON_1>, née le <DATE_1>. <PERSON_2> appelle <PERSON_1>."
    assert [(e.type, text[e.start : e.end], e.placeholder) for e in result.entities] == [
        ("PERSON", "Claire Dubois", "<PERSON_1>"),
        ("DATE", "14/02/1958", "<DATE_1>"),
        ("PERSON", "Paul", "<PERSON_2>"),
        ("PERSON", "Claire Dubois", "<PERSON_1>"),
    ]
    assert result.mapping == {"<PERSON_1>": "Claire Dubois", "<DATE_1>": "14/02/1958", "<PERSON_2>": "Paul"}
    assert "Claire" not in repr(result)  # the mapping is not in the repr


def test_session_shares_placeholders_across_texts() -> None:
    scrubber = ScriptedScrubber(VALUES)
    session = scrubber.session()
    first = scrubber.scrub("Paul et Claire Dubois", "fr", session=session)
    second = scrubber.scrub("Claire Dubois seule", "fr", session=session)
    assert first.text == "<PERSON_1> et <PERSON_2>"
    assert second.text == "<PERSON_2> seule"
    assert second.mapping == {"<PERSON_2>": "Claire Dubois"}
    assert session.mapping == {"<PERSON_1>": "Paul", "<PERSON_2>": "Claire Dubois"}


def test_date_shifting_keeps_intervals_and_round_trips() -> None:
    scrubber = ScriptedScrubber(VALUES, date_shift_days=100)
    text = "Claire Dubois : 14/02/1958 puis 03/03/1958."
    result = scrubber.scrub(text, "fr")
    assert result.text == "<PERSON_1> : 25/05/1958 puis 11/06/1958."
    assert scrubber.reidentify(result.text, result.mapping) == text


def test_per_patient_offset_overrides_default() -> None:
    scrubber = ScriptedScrubber(VALUES, date_shift_days=100)
    result = scrubber.scrub("14/02/1958", "fr", session=scrubber.session(date_shift_days=-14))
    assert result.text == "31/01/1958"


def test_reidentify_round_trip_of_a_drafted_letter() -> None:
    scrubber = ScriptedScrubber(VALUES)
    session = ScrubSession()
    scrubbed = scrubber.scrub("Claire Dubois, née le 14/02/1958.", "fr", session=session)
    letter = f"Cher confrère, j'ai revu {scrubbed.text.split(',')[0]} (née le <DATE_1>)."
    assert (
        scrubber.reidentify(letter, session.mapping)
        == "Cher confrère, j'ai revu Claire Dubois (née le 14/02/1958)."
    )


def test_importing_the_package_loads_neither_presidio_nor_spacy() -> None:
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, guardrails.phi; print('presidio_analyzer' in sys.modules, 'spacy' in sys.modules)"
    repo = Path(__file__).resolve().parents[4]
    proc = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False False"
