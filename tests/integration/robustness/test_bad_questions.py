"""Bad questions through the real services (PHI scrubber, multilingual embedder, Chroma, BM25): a clear error
before anything runs, the model is never called, the index is untouched, and the next question works."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.bootstrap import Services, build_services
from assistant.errors import AssistantError, EmptyQuestionError, InputTooLargeError, NoWordsError
from assistant.settings import load_settings
from assistant.types import Chunk, ChunkMetadata
from tests.fakes import ScriptedGenerator
from tests.integration.assistant.conftest import PASSAGES

pytestmark = pytest.mark.integration

PHI = ("John Smith", "555-867-5309", "Jean Dupont", "12/03/1961", "john.smith@example.com")


@dataclass(frozen=True)
class BadQuestion:
    id: str
    text: str | None
    error: type[AssistantError]
    message: str  # regex; the message says what to do
    search: bool = True  # also given to the guideline lookup


QUESTION_CASES: tuple[BadQuestion, ...] = (
    BadQuestion("question-1mb", "adjuvant" + " adjuvant" * 116_508, InputTooLargeError, r"too long \(1,048,580 characters; the limit is 4,000\)\. Shorten it"),
    BadQuestion("question-limit-plus-one", "a" * 4001, InputTooLargeError, r"too long \(4,001 characters.*Shorten it"),
    BadQuestion("question-empty", "", EmptyQuestionError, r"^The question is empty: type a question"),
    BadQuestion("question-none", None, EmptyQuestionError, r"^The question is empty: type a question"),
    BadQuestion("question-whitespace", " \n\t \u00a0 \r\n", EmptyQuestionError, r"^The question is empty: type a question"),
    BadQuestion("question-punctuation", "?!?... ;; -- ???", NoWordsError, r"has no words to look up .*: ask about a condition"),
    BadQuestion("question-emoji", "🙂🙂 🤔 ⚕️", NoWordsError, r"has no words to look up .*: ask about a condition"),
    BadQuestion("question-only-phi-en", "John Smith 555-867-5309 john.smith@example.com", NoWordsError, r"personal identifiers, which are removed"),
    BadQuestion("question-only-phi-fr", "Jean Dupont, 12/03/1961", NoWordsError, r"personal identifiers, which are removed"),
)  # fmt: skip


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    data_dir: Path = tmp_path_factory.mktemp("questions-index")
    settings = load_settings(profile="test", data_dir=data_dir)
    services = build_services(
        settings, generator=ScriptedGenerator(["FOLFOX or CAPOX is standard after resection [1]."])
    )
    services.store.add(
        [
            Chunk(text=text, metadata=ChunkMetadata(source=src, title=title, section=section, language="en"))
            for src, title, section, text in PASSAGES
        ]
    )
    services.store.refresh_lexical_index()
    yield services


@pytest.mark.parametrize("case", QUESTION_CASES, ids=lambda c: c.id)
def test_bad_question_is_refused_before_anything_runs(case: BadQuestion, services: Services) -> None:
    generator = services.generator
    assert isinstance(generator, ScriptedGenerator)
    prompts_before, count_before = len(generator.prompts), services.store.count()

    with pytest.raises(case.error) as raised:
        services.answers.ask(case.text)  # type: ignore[arg-type]
    message = str(raised.value)
    assert re.search(case.message, message), message
    assert not any(identifier in message for identifier in PHI), "the message never echoes an identifier"
    if case.search:
        with pytest.raises(case.error, match=case.message.replace("question", "(question|search query)")):
            services.search.search(case.text)  # type: ignore[arg-type]

    assert len(generator.prompts) == prompts_before, "the model was never called"
    assert services.store.count() == count_before == len(PASSAGES)
    answer = services.answers.ask(
        "What adjuvant chemotherapy is given after resection of stage III colon cancer?"
    )
    assert not answer.abstained and answer.citations, "the next question is answered"


def test_a_question_with_words_beside_identifiers_is_answered_without_them(services: Services) -> None:
    generator = services.generator
    assert isinstance(generator, ScriptedGenerator)
    answer = services.answers.ask(
        "John Smith, 555-867-5309: which adjuvant chemotherapy after stage III colon cancer?"
    )
    assert not any(identifier in generator.prompts[-1] for identifier in PHI)
    assert "<PERSON_1>" in answer.question and not answer.abstained
