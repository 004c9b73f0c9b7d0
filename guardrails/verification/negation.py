"""Negations of a sentence (EN/FR) and the words they bear on.

Each negation carries its scope (the content words it bears on), which polarity.py compares between a claim and
its evidence: "FOLFOX did not improve survival" contradicts "FOLFOX improved survival" because the scope of "not"
holds the claim's words. Negative findings count as negations too, because clinical text states them without
"not": "survival was similar in both arms", "comparable toxicity", "(p = 0.41)" all say "no difference", as "did
not differ" does; a result marker ("(p = 0.41)", "(not significant)") bears on the words before it.

Some negations deny no finding and are marked non-propositional: group descriptors ("patients without
metastases", "with no LOC") and statements about knowledge ("it is not known whether").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guardrails.verification.lexical import fold, is_content, stem

# Folded cue words. "non" only counts on its own: "non-small cell", "non-Hodgkin" are names, not negations.
NEGATION_CUES: frozenset[str] = frozenset(
    """
    not no never without none neither nor cannot nothing nobody
    ne pas jamais aucun aucune sans ni rien non
    """.split()
)
# Words of a negative finding; they bear on the words on both sides ("rates were similar", "similar rates").
NEGATIVE_FINDING_CUES: frozenset[str] = frozenset(
    """
    similar comparable equivalent unchanged unaffected identical nonsignificant non-significant insignificant
    similaire similaires equivalente equivalentes equivalents inchange inchangee inchanges inchangees identique
    identiques non-significatif non-significative
    """.split()
)
_NOT_SIGNIFICANT = "pvaluens"  # stands for a p-value of 0.05 or more, which bears on the words before it
_P_VALUE_RE = re.compile(r"\bp\s*(?:=|>|≥|>=)\s*(0?\.\d+|1(?:\.0+)?)\b")
# Contracted English negations and the French elided "n'" ("n'est pas", "n'a jamais").
_CONTRACTION_RE = re.compile(r"\b\w+n't\b|\bn'(?=\w)")
_NOT_A_NEGATION = ("not only", "non seulement", "no longer than", "whether or not", "if not")
_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*|[,;:()]")
_CLAUSE_BREAK = frozenset(",;:()")
SCOPE_WORDS = 4  # content words after a cue that the cue bears on
BACKWARD_SCOPE_WORDS = 6  # content words before a result marker ("(p = 0.41)", "not significant") it bears on
# These negate a noun phrase ("without prior therapy"), not the rest of the sentence.
SHORT_SCOPE_CUES: dict[str, int] = {"without": 2, "sans": 2}
# Cues that name a group or a condition rather than deny a finding: "patients with and without IONM", "with no
# LOC", "sans chirurgie". Polarity checks ignore them (a claim about the group does not deny anything).
DESCRIPTOR_CUES: frozenset[str] = frozenset({"without", "sans"})
_DESCRIPTOR_BEFORE = frozenset({"with", "avec", "and", "et", "or", "ou"})
# A negation about what is known ("it is not known whether", "no data are available", "has not been studied")
# states a gap in knowledge, not a finding: it neither confirms nor contradicts a claim. Folded words.
KNOWLEDGE_WORDS = """
    known clear unclear data study studied studies described reported investigated evaluated established available
    consensus information connu connue connus clair claire donnee donnees etudie etudiee decrit decrite
""".split()


@dataclass(frozen=True)
class Negation:
    cue: str
    scope: frozenset[str]  # stems of the content words the cue bears on
    # False for a group descriptor ("without X", "with no X") or a statement about knowledge ("not known"):
    # such a negation denies no finding, so the polarity checks leave it out.
    propositional: bool = True


def _scope(words: list[str], size: int = SCOPE_WORDS) -> list[str]:
    scope: list[str] = []
    while words and words[0] in _CLAUSE_BREAK:  # "(p = 0.41)" bears on the words before the bracket
        words = words[1:]
    for word in words:
        if word in _CLAUSE_BREAK or len(scope) >= size:
            break
        for part in word.split("-"):
            if is_content(part) and part not in NEGATION_CUES and part != _NOT_SIGNIFICANT:
                scope.append(stem(part))
    return scope


def _scope_before(words_reversed: list[str], size: int = BACKWARD_SCOPE_WORDS) -> list[str]:
    """What a result marker bears on: the content words before it, across brackets, commas and figures ("ROP
    developed in 66 AGA (33.2%) and 36 SGA (24.7%) (p = 0.111)"), up to a semicolon or a colon."""
    scope: list[str] = []
    for word in words_reversed:
        if word in (";", ":") or len(scope) >= size:
            break
        for part in word.split("-"):
            if is_content(part) and part not in NEGATION_CUES and part != _NOT_SIGNIFICANT:
                scope.append(stem(part))
    return scope


def _not_significant(match: re.Match[str]) -> str:
    return f" {_NOT_SIGNIFICANT} " if float(match.group(1)) >= 0.05 else " "


def find_negations(text: str) -> tuple[Negation, ...]:
    folded = fold(text).replace("\u2019", "'")
    for phrase in _NOT_A_NEGATION:
        folded = folded.replace(phrase, " ")
    folded = _CONTRACTION_RE.sub(" not ", folded)
    folded = _P_VALUE_RE.sub(_not_significant, folded)
    words = _WORD_RE.findall(folded)
    found: list[Negation] = []
    for i, word in enumerate(words):
        if word in NEGATION_CUES:
            scope = _scope(words[i + 1 :], SHORT_SCOPE_CUES.get(word, SCOPE_WORDS))
            if scope and set(scope) <= _RESULT_STEMS:
                # "A and B were not significantly different", "(not significant)": about the words before.
                scope += _scope_before(words[:i][::-1])
        elif word in NEGATIVE_FINDING_CUES:
            scope = _scope(words[i + 1 :]) + _scope(words[:i][::-1])
        elif word == _NOT_SIGNIFICANT:
            scope = _scope_before(words[:i][::-1])
        else:
            continue
        found.append(Negation(word, frozenset(scope), _propositional(word, words, i)))
    return tuple(found)


def _propositional(cue: str, words: list[str], i: int) -> bool:
    if cue in DESCRIPTOR_CUES or (
        cue in ("no", "aucun", "aucune") and i and words[i - 1] in _DESCRIPTOR_BEFORE
    ):
        return False
    following = [stem(w) for w in words[i + 1 : i + 4] if w not in _CLAUSE_BREAK]
    return not any(f in _KNOWLEDGE_STEMS for f in following)


_KNOWLEDGE_STEMS = frozenset(stem(w) for w in KNOWLEDGE_WORDS)
_RESULT_STEMS = frozenset(
    stem(w)
    for w in "significant significantly different differ statistically significatif significative".split()
)
