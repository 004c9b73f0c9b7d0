"""Negations of a sentence (EN/FR) and the words they bear on.

A negation cue in the evidence only counts when the words it bears on are in the claim: "patients without prior
therapy received FOLFOX" does not contradict "FOLFOX improved response", but "FOLFOX did not improve survival"
contradicts "FOLFOX improved survival".

Negative findings count as negations too, because clinical text states them without "not": "survival was similar
in both arms", "comparable toxicity", "(p = 0.41)" all say "no difference", as "did not differ" does.
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
# These negate a noun phrase ("without prior therapy"), not the rest of the sentence.
SHORT_SCOPE_CUES: dict[str, int] = {"without": 2, "sans": 2}


@dataclass(frozen=True)
class Negation:
    cue: str
    scope: frozenset[str]  # stems of the content words the cue bears on


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
        elif word in NEGATIVE_FINDING_CUES:
            scope = _scope(words[i + 1 :]) + _scope(words[:i][::-1])
        elif word == _NOT_SIGNIFICANT:
            scope = _scope(words[:i][::-1])
        else:
            continue
        found.append(Negation(word, frozenset(scope)))
    return tuple(found)


# A claim's negation bears on the evidence when one word it negates is there (the unit was chosen as the claim's
# best support, so it already talks about the same thing); an evidence negation needs two of the claim's words,
# because evidence sentences are long and negate many things the claim does not mention.
CLAIM_SHARED = 1
EVIDENCE_SHARED = 2


def _bears_on(negation: Negation, other_content: frozenset[str], shared: int) -> bool:
    # A cue with nothing after it bears on nothing that can be checked.
    return bool(negation.scope) and len(negation.scope & other_content) >= min(shared, len(negation.scope))


def negation_mismatch(
    claim: tuple[Negation, ...],
    evidence: tuple[Negation, ...],
    claim_content: frozenset[str],
    evidence_content: frozenset[str],
) -> bool:
    """True when one side negates what the other affirms.

    A negation only counts where the other side talks about what it negates: a claim's "no increased risk of
    tendon injury" says nothing against evidence about tendon structure only, and evidence about "patients
    without insurance" says nothing against a claim about adherence.
    """
    claim_negated = any(_bears_on(neg, evidence_content, CLAIM_SHARED) for neg in claim)
    evidence_negated = any(_bears_on(neg, claim_content, EVIDENCE_SHARED) for neg in evidence)
    return claim_negated != evidence_negated
