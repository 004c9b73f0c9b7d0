"""An optional second opinion on borderline sentences: does this evidence support this claim?

Off by default: the packaged LLMs (SmolLM2-135M) are too small to judge entailment reliably, so the verifier only
asks a judge when one is configured, only for sentences that passed the vetoes, and only near the threshold. A judge
can never make a sentence with an unsupported number, negation or name "supported".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class JudgeVerdict:
    supported: bool | None  # None: the judge gave no usable answer; the score decides
    raw: str = ""


@runtime_checkable
class SupportJudge(Protocol):
    def judge(self, claim: str, evidence: str) -> JudgeVerdict: ...


@dataclass(frozen=True)
class JudgePrompt:
    """A prompt as data: the instruction, the template and the words that count as yes / no."""

    instruction: str
    template: str  # with {instruction}, {evidence} and {claim}
    yes_words: tuple[str, ...]
    no_words: tuple[str, ...]

    def render(self, claim: str, evidence: str) -> str:
        return self.template.format(
            instruction=self.instruction, evidence=evidence.strip(), claim=claim.strip()
        )

    def parse(self, response: str) -> bool | None:
        words = re.findall(r"[a-z]+", response.lower())
        for word in words[:5]:  # the verdict is expected first; later words are explanation
            if word in self.no_words:
                return False
            if word in self.yes_words:
                return True
        return None


SUPPORT_PROMPT_EN = JudgePrompt(
    instruction=(
        "You check medical answers against their sources. Say YES only if the evidence states the claim, with the "
        "same numbers, doses, drugs and negations. Say NO if the claim adds, changes or contradicts anything. "
        "Answer with one word: YES or NO."
    ),
    template="{instruction}\n\nEvidence: {evidence}\n\nClaim: {claim}\n\nAnswer (YES or NO):",
    yes_words=("yes", "supported", "true"),
    no_words=("no", "unsupported", "false", "not"),
)


class LlmSupportJudge:
    """A judge backed by any text-completion callable (a local llama.cpp model, for instance)."""

    def __init__(self, complete: Callable[[str], str], prompt: JudgePrompt = SUPPORT_PROMPT_EN) -> None:
        self._complete = complete
        self.prompt = prompt

    def judge(self, claim: str, evidence: str) -> JudgeVerdict:
        raw = self._complete(self.prompt.render(claim, evidence))
        return JudgeVerdict(self.prompt.parse(raw), raw)
