from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigurationError
from assistant.letters import LETTER_KINDS, LETTER_LANGUAGES, load_template
from assistant.letters.letter_template import CONTENT_SLOTS

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("kind", LETTER_KINDS)
@pytest.mark.parametrize("language", LETTER_LANGUAGES)
def test_every_template_loads_with_every_slot_and_fills(kind: str, language: str) -> None:
    template = load_template(kind, language)
    assert (template.kind, template.language) == (kind, language)
    slots = {s.content for s in template.sections if s.is_slot}
    assert slots == CONTENT_SLOTS
    assert template.question.format(profile="X", instructions="Y").count("X") == 1
    for line in (*template.header, template.salutation, template.intro, template.signature):
        line.format(recipient="R", author="A", patient_id="P", date="D")


@pytest.mark.parametrize(
    ("kind", "language", "message"), [("memo", "en", "kind"), ("consult", "de", "language")]
)
def test_unknown_kind_or_language_is_refused(kind: str, language: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        load_template(kind, language)


def test_a_broken_template_names_the_missing_field(tmp_path: Path) -> None:
    (tmp_path / "consult.en.yaml").write_text("kind: consult\nlanguage: en\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="lacks the field"):
        load_template("consult", "en", tmp_path)
