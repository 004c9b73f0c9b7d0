"""A long-running scrubber's memory stays bounded: spaCy keeps the new words of the first texts only (memory
zones after that), and the zones change no result, also with two threads scrubbing at once."""

from __future__ import annotations

import threading

import pytest

from guardrails.phi import PhiScrubber

pytestmark = pytest.mark.integration


def _note(n: int) -> str:
    # Every note brings words spaCy has never seen: names, a record number, a code.
    tag = "".join(chr(ord("a") + int(digit)) for digit in f"{n:03d}")  # 7 -> "aah"
    return f"Mme Zorvan{tag} vue le 3 mars 2026, IPP 88{n:05d}, protocole XQ{n}Z ; suivi par Dr Ellar{tag}."


def _vocabulary_size(scrubber: PhiScrubber, language: str) -> int:
    return len(scrubber._analyzer(language).nlp_engine.get_nlp(language).vocab.strings)


def test_only_the_first_texts_add_words_to_spacy() -> None:
    scrubber = PhiScrubber(vocabulary_learning_texts=3)
    scrubber.scrub(_note(0), "fr")  # builds the engine
    start = _vocabulary_size(scrubber, "fr")
    for n in (1, 2):
        scrubber.scrub(_note(n), "fr")
    learned = _vocabulary_size(scrubber, "fr")
    assert learned > start  # the learning texts keep their words
    for n in range(3, 40):
        scrubber.scrub(_note(n), "fr")
    assert _vocabulary_size(scrubber, "fr") == learned


def _entities(scrubber: PhiScrubber, text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in scrubber.scrub(text, "fr").entities]


def test_memory_zones_change_no_result_even_with_two_threads() -> None:
    learning = PhiScrubber(vocabulary_learning_texts=10**6)  # never enters a zone
    zoned = PhiScrubber(vocabulary_learning_texts=0)
    notes = [_note(n) for n in range(30)]
    expected = [_entities(learning, note) for note in notes]
    assert all(any(kind == "PERSON" for kind, _ in found) for found in expected)
    results: dict[int, list[tuple[str, str]]] = {}
    errors: list[BaseException] = []

    def work(indexes: range) -> None:
        try:
            for i in indexes:
                results[i] = _entities(zoned, notes[i])
        except BaseException as exc:  # reported below: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(range(k, 30, 2),)) for k in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [results[i] for i in range(30)] == expected
