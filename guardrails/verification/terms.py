"""Rare terms of a claim that the cited passages do not contain ("streptococcal", "tonsillectomy").

A paraphrase changes common words ("physicians" for "doctors"); a hallucinated diagnosis, procedure or agent
brings in a rare one. How rare a word is comes from the caller (`WordRarity`: its surprisal in nats under a
unigram language model, for instance the multilingual sentence-piece model that ships with the default embedder,
see evals/verifier_validation/embedders.py): this package stays a leaf and holds no vocabulary of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from guardrails.verification.lexical import LexicalView, is_content, stem, tokens

WordRarity = Callable[[str], float]  # folded word → surprisal in nats; higher is rarer
# Common words of general text sit at 9–14 nats ("risk", "patients", "traitement"); specialised terms at 20 and
# above ("laparoscopy" 36, "chimiothérapie" 36). A plural or feminine ending can cost a few nats, so the rarity of a
# word is that of its least rare spelling among the word and the word less its ending.
RARE_TERM_SURPRISAL = 25.0


def _least_rare(word: str, rarity: WordRarity) -> float:
    spellings = [word]
    if len(word) > 4 and word[-1] in "sxe":
        spellings.append(word[:-1])
    return min(rarity(w) for w in spellings)


def absent_rare_terms(
    claim_text: str, cited: LexicalView, rarity: WordRarity, skip: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The claim's rare content words (folded) found in no cited passage; `skip` holds words already reported as
    absent names, so that one missing drug is not counted twice."""
    found: dict[str, None] = {}
    for word in tokens(claim_text):
        if not is_content(word) or word in skip or word in found:
            continue
        if word in cited.words or stem(word) in cited.stems:
            continue
        if _least_rare(word, rarity) >= RARE_TERM_SURPRISAL:
            found[word] = None
    return tuple(found)
