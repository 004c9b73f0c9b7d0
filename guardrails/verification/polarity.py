"""Does the claim say "no" where the evidence says "yes", or the other way round?

Checked against every sentence of the cited passages that talks about the same thing, not only the unit that
supports the claim best: a conclusion such as "X did not improve survival" is usually backed by a results sentence
("no significant difference in survival (p = 0.41)") that shares fewer words with it than the methods sentence
does. Three findings, from the most to the least certain:

- negation_contradicted: the claim negates words that the closest evidence states without any negation;
- negation_dropped: the closest evidence negates words that the claim states positively ("did not improve" in the
  source, "improved" in the answer);
- negation_unverified: the claim negates something that no related evidence negates (and no evidence states
  the opposite either): conclusions sometimes infer a negative from figures, but an answer should not.

A sentence that joins two findings ("…shortened the time to peak but did not reduce severity") is checked clause
by clause (clauses.py, claim_support.claim_polarity). Sentences that describe the methods ("We measured…",
"Patients were randomised…") state no polarity and are left out of the evidence, as aims and questions are.

Negations that deny no finding are left out on both sides: group descriptors ("with and without IONM"),
statements about knowledge ("it is not known whether") and sentences that ask or aim rather than state ("To
determine whether…", "We hypothesised that…").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from guardrails.verification.findings import Finding
from guardrails.verification.lexical import fold, stem, tokens
from guardrails.verification.negation import Negation

# A sentence is related to a claim when it shares at least this many of the claim's content words (fewer when
# the claim has fewer) and at least RELATED_SHARE of the best-sharing sentence's count.
RELATED_MIN_SHARED = 2
RELATED_SHARE = 0.5
# The closest sentences are those sharing at least this share of the best-sharing sentence's count: a sentence
# one word short of the best one talks about the same thing, and must agree for a contradiction to count.
CLOSEST_SHARE = 0.8
# A claim's negation is confirmed by a related negated sentence that negates one of the same words, or that
# contains this many of them ("neither BMI nor waist circumference is predictive" ← "no significant correlation
# between pressure and neck circumference, waist circumference or BMI").
CONFIRM_MIN_SHARED = 2
# An evidence negation bears on a positive claim when it negates this many of the claim's words.
DROPPED_MIN_SHARED = 2
# "To assess…" opens an aim; "To reduce neuropathy, stop oxaliplatin" opens an instruction, which states a finding.
_AIM_VERBS = frozenset(
    stem(w)
    for w in "determine assess evaluate investigate examine compare explore identify describe test analyse analyze "
    "study estimate measure".split()
)
_NON_FINDING_WORDS = frozenset(
    stem(w) for w in "whether hypothesized hypothesised hypothesis aim purpose objective objectif".split()
)

# What was done rather than found: "We measured hsCRP levels…", "Patients were randomised to…", "Variables
# recorded included…". Such a sentence shares the words of a conclusion without stating its polarity; it does
# once it also reports a result ("…were compared: survival was longer (p = 0.01)").
_METHODS_RE = re.compile(
    r"\b(?:we|were|was|are|is|been)\s+(?:\w+ly\s+)?(?:measured|recorded|enrolled|recruited|randomi[sz]ed|"
    r"included|reviewed|analy[sz]ed|collected|evaluated|assessed|compared|studied|examined|investigated|divided|"
    r"assigned|allocated|performed|conducted|obtained|identified|selected|interviewed|surveyed|followed|"
    r"administered|calculated|estimated|used|retrieved|extracted)\b|\bunderwent\b|\bincluded\b"
)
_RESULT_RE = re.compile(
    r"\bp\s*[<=>≤≥]|\bsignifican|\b(?:higher|lower|greater|fewer|more|less|increased|decreased|improved|"
    r"reduced|associated|correlated|similar|comparable|differ(?:ed|ent|ence))\b"
)

# Every reason starts alike, so that a reader (and the UI) sees one kind of problem with its explanation.
NEGATION_REASON = "negation differs from the cited evidence"
CONTRADICTED_REASON = f"{NEGATION_REASON} (it states this without a negation)"
DROPPED_REASON = f"{NEGATION_REASON} (it negates this)"
UNVERIFIED_REASON = f"{NEGATION_REASON} (no related sentence negates this)"


def states_a_finding(text: str) -> bool:
    """False for a question, an aim, a hypothesis or a description of the methods: they assert nothing a claim
    could agree or disagree with."""
    words = [stem(t) for t in tokens(text)]
    if not words or text.rstrip().endswith("?"):
        return False
    if _METHODS_RE.search(fold(text)) and not _RESULT_RE.search(fold(text)):
        return False
    aim = len(words) > 1 and words[0] == "to" and words[1] in _AIM_VERBS
    return not aim and not any(w in _NON_FINDING_WORDS for w in words)


def _propositional(negations: Sequence[Negation]) -> list[Negation]:
    return [n for n in negations if n.propositional and n.scope]


def polarity_finding(
    claim_negations: Sequence[Negation],
    claim_content: frozenset[str],
    evidence: Sequence[tuple[frozenset[str], Sequence[Negation]]],
) -> Finding | None:
    """The polarity finding of a claim against the sentences of its cited passages, or None when they agree or
    when no sentence is related enough to tell.

    `evidence` holds, per cited sentence that states a finding, its content stems and its negations. A negation
    is confirmed by any related sentence; a contradiction must come from the closest sentences, all of them: when
    the closest sentences disagree among themselves (a mixed result), the evidence does not decide.
    """
    if not claim_content or not evidence:
        return None
    shared = [len(claim_content & content) for content, _ in evidence]
    top = max(shared)
    needed = min(RELATED_MIN_SHARED, len(claim_content))
    if top < needed:
        return None
    related = [e for e, n in zip(evidence, shared, strict=True) if n >= needed and n >= RELATED_SHARE * top]
    closest = [e for e, n in zip(evidence, shared, strict=True) if n >= max(needed, CLOSEST_SHARE * top)]

    claim_negs = _propositional(claim_negations)
    negated_by_claim: set[str] = set().union(*(n.scope for n in claim_negs)) if claim_negs else set()
    unverified = False
    for negation in claim_negs:
        if any(
            negation.scope & m.scope or len(negation.scope & content) >= CONFIRM_MIN_SHARED
            for content, negs in related
            for m in _propositional(negs)
        ):
            continue  # a related sentence negates it too, or negates something while talking about it
        wanted = min(2, len(negation.scope))
        if all(len(negation.scope & content) >= wanted for content, _ in closest):
            return Finding("negation_contradicted", CONTRADICTED_REASON)
        unverified = True

    affirmed = claim_content - negated_by_claim

    def negates_affirmed(negs: Sequence[Negation]) -> bool:
        return any(
            len(m.scope & affirmed) >= min(DROPPED_MIN_SHARED, len(m.scope))
            and not (m.scope & negated_by_claim)  # the claim negates it as well
            for m in _propositional(negs)
        )

    if all(negates_affirmed(negs) for _, negs in closest):
        return Finding("negation_dropped", DROPPED_REASON)
    return Finding("negation_unverified", UNVERIFIED_REASON) if unverified else None
