"""Cheap French/English detection: stopword counts first, lingua only when they tie."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from guardrails.phi.types import Language

_WORD = re.compile(r"[a-zà-öø-ÿœ']+")
_FR = frozenset(
    "le la les des du de un une et est sont au aux avec pour dans sur par pas ne qui que ce cette ces "
    "il elle ils elles nous vous sa son ses leur leurs été être avoir a ont mais ou où donc car "
    "après avant depuis chez sous sans lors selon patient patiente mme m. née né ans mois jour jours "
    "traitement examen bilan suivi cure séance chimiothérapie antécédents également puis très".split()
)
_EN = frozenset(
    "the of and to in is was were are with for on at by an be been has have had this that these "
    "those he she his her they their it its not no from as or but which who after before since "
    "patient years year old history treatment follow-up also then very well will would should".split()
)
_FR_CHARS = re.compile(r"[éèêàùçôîœ]")


@lru_cache(maxsize=1)
def _lingua_detector() -> Any:
    # Imported lazily: the tie case is rare and lingua costs a few hundred ms to set up.
    from lingua import Language as LinguaLanguage
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(LinguaLanguage.ENGLISH, LinguaLanguage.FRENCH).build()


def detect_language(text: str, default: Language = "en") -> Language:
    """'fr' or 'en'. Counts stopwords and French accents on the first 2,000 characters."""
    sample = text[:2000].lower()
    words = _WORD.findall(sample)
    fr = sum(1 for w in words if w in _FR) + 0.5 * len(_FR_CHARS.findall(sample))
    en = sum(1 for w in words if w in _EN)
    if fr > en:
        return "fr"
    if en > fr:
        return "en"
    try:
        found = _lingua_detector().detect_language_of(sample)
    except ImportError:
        return default
    if found is None:
        return default
    return "fr" if found.name == "FRENCH" else "en"
