"""Checks each sentence of an answer against the passages it cites.

Support is measured, not asked of a language model: the packaged LLMs are far too small to judge entailment. For
every claim sentence, each evidence unit of its cited passages (a sentence, or two adjacent sentences) gets a
support score from the embedding cosine and the claim's content-word recall (see VerifierConfig and
claim_support.py); support is vetoed when the claim has a number, a name or a rare term that its cited passages do
not, or a negation that disagrees with them (findings.py). The answer's risk combines its weakest support with
every such finding (VerificationResult.risk).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from guardrails.verification.citations import extract_citations
from guardrails.verification.claim_support import ClaimSupport, measure_support
from guardrails.verification.evidence import Claim, EvidenceUnit, evidence_units, passage_sentences
from guardrails.verification.results import SentenceVerdict, VerificationResult
from guardrails.verification.sentence_splitter import split_sentences
from guardrails.verification.support_judge import SupportJudge
from guardrails.verification.terms import WordRarity
from guardrails.verification.verifier_config import LEXICAL, MINILM, VerifierConfig

EmbedFn = Callable[[Sequence[str]], np.ndarray]  # texts → L2-normalised rows


@dataclass(frozen=True)
class AnalysedSentence:
    """One sentence of the answer before the decision: either scored evidence, or a verdict already known."""

    text: str
    citations: tuple[int, ...]
    claim: Claim
    support: ClaimSupport | None = None
    verdict: SentenceVerdict | None = None  # set when no scoring is possible (no citation, not a claim, …)


class AnswerVerifier:
    """`verify(answer, sources)` → a verdict per sentence and the answer's faithfulness.

    `embed` maps texts to L2-normalised rows (None: lexical support only). `config` defaults to the preset fitted
    for lexical-only support, or for MiniLM when `embed` is given: pass `calibrated_config(model_id)` for another
    embedder. `judge`, when given, is asked about sentences whose score is near the threshold and that passed the
    vetoes; it is never the default. `rarity`, when given, maps a folded word to its surprisal (terms.py) and turns
    on the check for rare terms absent from the cited passages.
    """

    def __init__(
        self,
        embed: EmbedFn | None = None,
        config: VerifierConfig | None = None,
        judge: SupportJudge | None = None,
        rarity: WordRarity | None = None,
    ) -> None:
        self._embed = embed
        self.rarity = rarity
        self.config = config or (MINILM if embed is not None else LEXICAL)
        if self.config.uses_embeddings and embed is None:
            raise ValueError(
                f"the '{self.config.name}' configuration weighs embedding cosine but no embed function was given; "
                "pass embed=... or use the lexical preset"
            )
        self.judge = judge

    def verify(
        self, answer: str, sources: Mapping[int, str], require_citations: bool = True
    ) -> VerificationResult:
        """Checks `answer` against `sources` (source number → passage text, numbered as cited: [1] → sources[1]).

        With require_citations=False, a sentence without markers is checked against all sources (for answers written
        without citations); with True it is reported as "no_citation" and counts as not supported.
        """
        analysed = self.analyse(answer, sources, require_citations)
        return VerificationResult.of(tuple(self.decide(s) for s in analysed), self.config.finding_weights)

    # -- analysis: everything that does not depend on the weights or the threshold ----------------------------

    def analyse(
        self,
        answer: str,
        sources: Mapping[int, str],
        require_citations: bool = True,
        with_embeddings: bool | None = None,
    ) -> list[AnalysedSentence]:
        """Splits, parses citations, runs the vetoes and computes the support features of every claim."""
        use_embed = self.config.uses_embeddings if with_embeddings is None else with_embeddings
        pending: list[tuple[int, tuple[int, ...]]] = []  # (sentence index, source numbers to check against)
        out: list[AnalysedSentence] = []
        for index, sentence in enumerate(split_sentences(answer)):
            citations = extract_citations(sentence)
            claim = Claim.of(sentence)
            early = self._early_verdict(sentence, citations, claim, sources, require_citations)
            out.append(AnalysedSentence(sentence, citations, claim, verdict=early))
            if early is None:
                cited = tuple(n for n in citations if n in sources) if citations else tuple(sources)
                pending.append((index, cited))
        if not pending:
            return out
        # Each cited passage once: its units are rebuilt under its number on every call.
        cited_sources = dict.fromkeys(n for _, c in pending for n in c)
        units_by_source = {n: evidence_units(n, sources[n], self.config.window) for n in cited_sources}
        vectors = self._vectors(out, pending, sources, units_by_source) if use_embed and self._embed else None
        for index, cited in pending:
            units = tuple(u for n in cited for u in units_by_source[n])
            if not units:
                continue  # the cited passages have no text; decide() says so
            cosine = None
            if vectors is not None:
                claim_vecs, unit_vecs = vectors
                cosine = np.stack([unit_vecs[(u.source, u.members)] for u in units]) @ claim_vecs[index]
            support = measure_support(out[index].claim, units, cosine, self.config.vetoes, self.rarity)
            out[index] = AnalysedSentence(out[index].text, out[index].citations, out[index].claim, support)
        return out

    @staticmethod
    def _early_verdict(
        sentence: str,
        citations: tuple[int, ...],
        claim: Claim,
        sources: Mapping[int, str],
        require_citations: bool,
    ) -> SentenceVerdict | None:
        if not claim.is_claim:
            return SentenceVerdict(
                sentence, "no_citation", None, citations, reasons=("not a claim",), claim=False
            )
        if citations:
            unknown = [n for n in citations if n not in sources]
            if len(unknown) == len(citations):
                reason = f"cites {_markers(unknown)}, which {'is' if len(unknown) == 1 else 'are'} not among the sources"
                return SentenceVerdict(sentence, "unsupported", None, citations, reasons=(reason,))
            return None
        if require_citations:
            return SentenceVerdict(sentence, "no_citation", None, reasons=("no citation",))
        if not sources:
            return SentenceVerdict(sentence, "unsupported", None, reasons=("no sources to check against",))
        return None

    def _vectors(
        self,
        sentences: list[AnalysedSentence],
        pending: list[tuple[int, tuple[int, ...]]],
        sources: Mapping[int, str],
        units_by_source: Mapping[int, tuple[EvidenceUnit, ...]],
    ) -> tuple[dict[int, np.ndarray], dict[tuple[int, tuple[int, ...]], np.ndarray]]:
        """One embedding call for the claims and the evidence sentences; a window is the mean of its sentences."""
        assert self._embed is not None
        claim_texts = [sentences[i].claim.analysed.text for i, _ in pending]
        evidence_texts: list[str] = []
        offsets: dict[int, int] = {}
        for n in units_by_source:
            offsets[n] = len(evidence_texts)
            evidence_texts.extend(s.text for s in passage_sentences(sources[n]))
        matrix = np.asarray(self._embed(claim_texts + evidence_texts), dtype=np.float32)
        if matrix.shape[0] != len(claim_texts) + len(evidence_texts):
            raise ValueError(
                f"the embed function returned {matrix.shape[0]} rows for {len(claim_texts) + len(evidence_texts)} texts"
            )
        claim_vecs = {i: matrix[k] for k, (i, _) in enumerate(pending)}
        evidence = matrix[len(claim_texts) :]
        unit_vecs: dict[tuple[int, tuple[int, ...]], np.ndarray] = {}
        for n, units in units_by_source.items():
            for unit in units:
                vec = evidence[[offsets[n] + m for m in unit.members]].sum(axis=0)
                norm = float(np.linalg.norm(vec))
                unit_vecs[(n, unit.members)] = vec / norm if norm else vec
        return claim_vecs, unit_vecs

    # -- decision: weights, threshold, vetoes, judge -------------------------------------------------------------

    def decide(self, sentence: AnalysedSentence, config: VerifierConfig | None = None) -> SentenceVerdict:
        """The verdict on one analysed sentence under `config` (default: the verifier's)."""
        config = config or self.config
        if sentence.verdict is not None:
            return sentence.verdict
        support = sentence.support
        if support is None:
            return SentenceVerdict(
                sentence.text,
                "unsupported",
                None,
                sentence.citations,
                reasons=("the cited sources have no text",),
            )
        best = support.best(config)
        unit = support.units[best.index]
        supported = best.score >= config.threshold and not best.vetoed
        reasons = list(best.reasons)
        if not supported and not best.vetoed:
            reasons.append(f"weak support {best.score:.3f} < {config.threshold:.3f}")
        if (
            self.judge is not None
            and not best.vetoed
            and abs(best.score - config.threshold) <= config.judge_margin
        ):
            verdict = self.judge.judge(sentence.claim.analysed.text, unit.text)
            if verdict.supported is not None:
                supported = verdict.supported
                reasons = [f"judge: {'supported' if supported else 'not supported'}"]
        return SentenceVerdict(
            text=sentence.text,
            status="supported" if supported else "unsupported",
            score=round(best.score, 4),
            citations=sentence.citations,
            evidence=unit.text,
            reasons=tuple(reasons),
            evidence_source=unit.source,
            support=round(best.support, 4),
            findings=tuple(f.kind for f in support.findings),
        )


def _markers(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)
