"""French or English? One detector for questions, lookups, notes and documents.

Function words, French accents and medical word endings ("lymphome"/"lymphoma") decide when they clearly point
one way: any sentence, any document. Lookups are often two or three words with none of them ("rechute tardive"),
so lingua's character n-gram model (English and French only, offline) then adds its vote, read on the text
without names, codes and drug names, which it takes for English. A text with no signal either way ("HER2",
"FOLFOX", "pT2N1M0") gets `default`.

Measured on the French→English glossary of `assistant/retrieval` and 80 written lookup terms (in
tests/unit/guardrails/test_language.py in part): see the session note of 2026-11-30.
"""

from __future__ import annotations

import re
import threading
from typing import Any

_WORD = re.compile(r"[a-zà-öø-ÿœæ]+(?:'|’)?")
# Only words that are frequent in one language and rare or absent in the other: "a", "on", "plus", "cancer"
# or "patient" would vote both ways.
_FRENCH = frozenset(
    "le la les des du de un une et est sont au aux avec pour dans sur par pas ne qui que quel quelle quels quelles "
    "quoi comment pourquoi quand ce cette ces il elle ils elles nous vous sa son ses leur leurs été être avoir ont "
    "mais ou où donc car après avant depuis sous sans lors selon entre faut peut doit y chez mme née né ans "
    "mois jour jours traitement examen bilan suivi cure séance antécédents également puis très l' d' qu' c' n' s' "
    "j' l’ d’ qu’ c’ n’ s’ j’".split()
)
_ENGLISH = frozenset(
    "the of and to in is was were are with for at by be been has have had this that these those he she his her "
    "they their it its not from or but which who what when why how where should does do can could after before "
    "since years year old history treatment also then very well will would there than into about".split()
)
# Word endings that mark medical French or medical English ("lymphome"/"lymphoma", "tumeur"/"tumor",
# "métastatique"/"metastatic"): the vocabulary lookups are written in, where function words are few.
_FRENCH_ENDING = re.compile(r"(?:ome|omes|ique|iques|eur|eurs|aire|aires|eux|euse|if|ifs|ie|ale|aux)$")
_ENGLISH_ENDING = re.compile(r"(?:oma|omas|ic|ical|ity|ous|ed|ing|y|ness|tor|ors)$")
_ENDING_EXCEPTIONS = frozenset(
    "syndrome syndromes chromosome chromosomes outcome outcomes income become welcome genome some home "
    "series species stage majeur mineur ductal dorsal basal renal rectal anal oral normal total hormonal "
    "signal central neural female scale rationale diagnostic questionnaire".split()
)
_FRENCH_ACCENTS = re.compile(r"[éèêëàâùûçôîïœ]")
_SAMPLE_CHARS = 2000
# A telling word ending counts as two function words: lookups rarely have more than one such word.
_ENDING_WEIGHT = 2.0
# Function words outnumbering the other language's by this much settle it without the model.
_CLEAR_MARGIN = 2.0
# lingua's vote is worth up to this many function words, so it decides short texts without overruling a sentence.
_MODEL_WEIGHT = 3.0
# A text whose combined vote is closer to zero than this gets `default`.
_UNDECIDED = 0.3


class _Lingua:
    """lingua's English/French detector, built on first use (a few hundred ms, ~60 MB) and shared by threads."""

    _lock = threading.Lock()
    _detector: Any = None
    _failed = False

    @classmethod
    def french_minus_english(cls, text: str) -> float:
        """P(fr) − P(en) in [−1, 1]; 0 when lingua is not installed."""
        if cls._detector is None and not cls._failed:
            with cls._lock:
                if cls._detector is None and not cls._failed:
                    try:
                        from lingua import Language, LanguageDetectorBuilder
                    except ImportError:
                        cls._failed = True
                    else:
                        cls._detector = LanguageDetectorBuilder.from_languages(
                            Language.ENGLISH, Language.FRENCH
                        ).build()
        if cls._detector is None:
            return 0.0
        values = {v.language.name: v.value for v in cls._detector.compute_language_confidence_values(text)}
        return values.get("FRENCH", 0.0) - values.get("ENGLISH", 0.0)


# Names, eponyms, genes and codes say nothing about the language around them ("lymphome de Hodgkin").
# A capitalised word is a name unless it starts a sentence; an all-caps or digit-bearing word is always a code.
# Drug names (INN stems) are shared by both languages too, and lingua reads them as English.
_NAME_OR_CODE = re.compile(
    r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w-]*|\b[A-Z]{2,}[\w-]*|\b\w*\d[\w-]*"
    r"|(?i:\b\w+(?:mab|ib|cept|platine?|taxel|rubicine?|mustine|fosfamide|parine?|tecan|relix|relin|lutamide|trozole)\b)"
)


def _common_words(text: str) -> str:
    return " ".join(_NAME_OR_CODE.sub(" ", text.strip()).split()).lower()


def detect_language(text: str, default: str = "en") -> str:
    """'fr' or 'en', or `default` when the text gives no signal (empty, codes and names only)."""
    sample = text[:_SAMPLE_CHARS].lower()
    words = _WORD.findall(sample)
    if not words:
        return default
    french: float = sum(1 for w in words if w in _FRENCH)
    french += 0.5 * min(len(_FRENCH_ACCENTS.findall(sample)), 2 * len(words))
    english: float = sum(1 for w in words if w in _ENGLISH)
    common = _common_words(text[:_SAMPLE_CHARS])
    for w in _WORD.findall(common):
        if len(w) < 5 or w in _ENDING_EXCEPTIONS or w in _FRENCH or w in _ENGLISH:
            continue
        french += _ENDING_WEIGHT * bool(_FRENCH_ENDING.search(w))
        english += _ENDING_WEIGHT * bool(_ENGLISH_ENDING.search(w))
    vote = french - english
    if abs(vote) < _CLEAR_MARGIN and common:
        vote += _MODEL_WEIGHT * _Lingua.french_minus_english(common)
    if vote >= _UNDECIDED:
        return "fr"
    if vote <= -_UNDECIDED:
        return "en"
    return default


def warm_up() -> None:
    """Build the model now (at start-up) rather than on the first short question."""
    _Lingua.french_minus_english("traitement")
