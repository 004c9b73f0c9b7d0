"""Cheap French/English detection for questions: function words and accents, no model needed."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœ']+", re.IGNORECASE)
_FRENCH = frozenset(
    "le la les un une des du de et est sont dans pour par sur au aux avec sans que qui quel quelle quels quelles "
    "quoi comment pourquoi quand chez d' l' qu' c'est ce cette ces son sa ses leur il elle ils elles nous vous "
    "traitement cancer du stade apres après faut peut doit être été patient patiente".split()
)
_ENGLISH = frozenset(
    "the a an and is are in for of on with without what which how when why who should does do can "
    "treatment stage after patient options there".split()
)


def detect_language(text: str, default: str = "en") -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return default
    fr = sum(1 for w in words if w in _FRENCH or w.startswith(("d'", "l'", "qu'")))
    en = sum(1 for w in words if w in _ENGLISH)
    fr += 2 * len(re.findall(r"[àâçéèêëîïôùûœ]", text.lower())) / max(len(words), 1) * len(words) ** 0.5
    if fr > en:
        return "fr"
    if en > fr:
        return "en"
    return default
