"""The analyzer's context step (engine_factory._grouping_analyzer) gives the results, scores and order of
Presidio's own loop, and leaves the work to that loop when a recognizer has a context step of its own."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from guardrails.phi import PhiScrubber

pytestmark = pytest.mark.integration

TEXTS = [
    "IPP 8001234567, dossier n° 2024-000123. Née le 3 mars 1950, tél 06 12 34 56 78. Vue par Dr Martin à Lyon.",
    "Patient Jean Dupont, 78 ans, adresse 12 rue des Lilas 69003 Lyon, mail jean.dupont@example.fr.",
    "MRN: 00482913. Phone 555-201-3344. Seen by Dr Smith on March 3, 2026.",
]


def _rows(results: list[Any]) -> list[tuple[str, int, int, float, str]]:
    return [
        (r.entity_type, r.start, r.end, r.score, r.recognition_metadata["recognizer_name"]) for r in results
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_context_step_matches_presidios_loop(phi_scrubber: PhiScrubber, language: str) -> None:
    from presidio_analyzer import AnalyzerEngine

    analyzer = phi_scrubber._analyzer(language)
    assert type(analyzer) is not AnalyzerEngine
    recognizers = analyzer.registry.get_recognizers(language=language, all_fields=True)
    raised = 0
    for text in TEXTS:
        artifacts = analyzer.nlp_engine.process_text(text, language)
        raw = []
        for recognizer in recognizers:
            found = recognizer.analyze(
                text=text, entities=recognizer.supported_entities, nlp_artifacts=artifacts
            )
            for result in found or []:
                result.recognition_metadata.setdefault("recognizer_identifier", recognizer.id)
                result.recognition_metadata.setdefault("recognizer_name", recognizer.name)
            raw += found or []
        ours = analyzer._enhance_using_context(text, copy.deepcopy(raw), artifacts, recognizers)
        presidio = AnalyzerEngine._enhance_using_context(
            analyzer, text, copy.deepcopy(raw), artifacts, recognizers
        )
        assert _rows(ours) == _rows(presidio)
        raised += sorted(r.score for r in ours) != sorted(r.score for r in raw)
    assert raised  # context words did raise scores: the step under test did something


def test_a_recognizer_with_its_own_context_step_is_heard(phi_scrubber: PhiScrubber) -> None:
    from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry

    class BoostingRecognizer(PatternRecognizer):
        def enhance_using_context(
            self, text: str, raw_recognizer_results: list, *args: Any, **kwargs: Any
        ) -> list:
            for result in raw_recognizer_results:
                result.score = 0.77
            return raw_recognizer_results

    analyzer = phi_scrubber._analyzer("fr")
    registry = RecognizerRegistry(supported_languages=["fr"])
    registry.add_recognizer(
        BoostingRecognizer(
            supported_entity="CODE", supported_language="fr", patterns=[Pattern("code", r"\bXQ\d+\b", 0.5)]
        )
    )
    engine = type(analyzer)(
        registry=registry,
        nlp_engine=analyzer.nlp_engine,
        supported_languages=["fr"],
        default_score_threshold=0.4,
    )
    assert [(r.entity_type, r.score) for r in engine.analyze("protocole XQ12", language="fr")] == [
        ("CODE", 0.77)
    ]
