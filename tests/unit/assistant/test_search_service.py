"""The guideline lookup: the query is checked, then scrubbed before retrieval sees it."""

from __future__ import annotations

import pytest

from assistant.errors import NoWordsError
from assistant.retrieval import RetrievalResult, Retriever, SearchFilters
from assistant.search_service import SearchService
from tests.unit.assistant.test_answer_service import RecordingScrubber

pytestmark = pytest.mark.unit


class RecordingRetriever(Retriever):
    def __init__(self) -> None:
        self.queries: list[str] = []

    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> RetrievalResult:
        self.queries.append(query)
        return RetrievalResult(passages=[], best_dense_similarity=None, elapsed_ms=0.0)


def test_the_retriever_sees_the_scrubbed_query_only() -> None:
    retriever, scrubber = RecordingRetriever(), RecordingScrubber()
    SearchService(retriever, scrubber=scrubber).search("FOLFOX toxicity for Jean Dupont")
    assert retriever.queries == ["FOLFOX toxicity for <PERSON_1>"]
    assert scrubber.seen == ["FOLFOX toxicity for Jean Dupont"]


def test_a_query_of_identifiers_only_is_refused_without_retrieval() -> None:
    retriever = RecordingRetriever()
    with pytest.raises(NoWordsError, match="search query"):
        SearchService(retriever, scrubber=RecordingScrubber()).search("Jean Dupont")
    assert retriever.queries == []


def test_without_a_scrubber_the_query_is_searched_as_typed() -> None:
    retriever = RecordingRetriever()
    SearchService(retriever).search("FOLFOX toxicity")
    assert retriever.queries == ["FOLFOX toxicity"]
