"""A cheap English/French guess for documents that do not declare their language."""

from __future__ import annotations

import re

# Function words only: frequent in any prose, rare in the other language.
_STOPWORDS = {
    "en": frozenset(
        "the and of to in is are was were with for that this which by from be or not have has".split()
    ),
    "fr": frozenset(
        "le la les des du de et est sont une un dans pour avec que qui par sur pas au aux ce".split()
    ),
}
_WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ]+")


def detect_language(text: str, default: str = "en") -> str:
    """'en' or 'fr' from stopword counts over the first ~2,000 words; `default` when there is no signal."""
    words = _WORD.findall(text[:15000].lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < 3 or list(scores.values()).count(scores[best]) > 1:
        return default
    return best
