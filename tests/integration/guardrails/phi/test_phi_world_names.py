"""The world given-name list is matched capitalised at any sentence start, so it must hold no English or French
word: lemmas of the spaCy lemmatizer tables, and French inflected forms ("Jure", "Vira", "Rasa")."""

from __future__ import annotations

import pytest
import spacy

from guardrails.phi.engine_factory import DEFAULT_SPACY_MODELS
from guardrails.phi.ner_plausibility import dictionary_from_spacy, inflections_from_spacy
from guardrails.phi.wordlists import load_terms

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("language", sorted(DEFAULT_SPACY_MODELS))
def test_world_given_names_are_no_words_of_the_language(language: str) -> None:
    nlp = spacy.load(DEFAULT_SPACY_MODELS[language])
    words, forms = dictionary_from_spacy(nlp), inflections_from_spacy(nlp)
    names = load_terms("first_names_world")
    assert len(names) > 8000
    assert [n for n in names if n.lower() in words or n.lower() in forms] == []
