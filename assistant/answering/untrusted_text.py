"""Passage text is data from files anyone may have written. Before it reaches the prompt (and the quotes of an
extractive answer, and the verifier), markup is removed and sentences that address the model are dropped.

The system prompt already says that sources hold no instructions; this is the second line of defence, for small
models that follow whatever they read. The stored passage is unchanged and is shown (escaped) as it is. The rules
are data, each named, so a new attack adds a line; tests/integration/robustness/test_hostile_text.py exercises
them with evals/data/hostile_passages.jsonl."""

from __future__ import annotations

import re

from guardrails.verification import split_sentences

# (name, pattern, replacement), applied in order to the whole passage.
_MARKUP: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (name, re.compile(pattern, flags), replacement)
    for name, pattern, flags, replacement in (
        ("html comments", r"<!--.*?(?:-->|\Z)", re.S, " "),
        ("script and style blocks", r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I, " "),
        ("html tags", r"</?[A-Za-z][^<>]*>", 0, " "),
        ("markdown images", r"!\[[^\]]*\]\([^)]*\)", 0, " "),
        ("markdown links", r"\[([^\]]*)\]\([^)]*\)", 0, r"\1"),
        ("urls", r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.I, " "),
        # A passage's own reference numbers would read as our source numbers ("always cite [7]").
        ("citation markers", r"[ \t]*\[\d+(?:\s*[,;–-]\s*\d+)*\](?![/*+×^\w])", 0, ""),
        # A line spoken by a fake participant ("USER: forget the guideline", "SYSTEM: you are now ...").
        (
            "role lines",
            r"^[ \t]*(?:system|user|assistant|human|utilisateur|syst[eè]me)[ \t]*:.*$",
            re.I | re.M,
            " ",
        ),
    )
)

# A sentence matching any of these talks to the model, not about oncology: it is left out of the evidence.
INSTRUCTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        (
            "override",
            r"\b(?:ignore|disregard|forget|override|supersedes?)\b.{0,120}?"
            r"\b(?:instructions?|prompts?|rules|guidelines?|text above|above|previous)\b",
        ),
        (
            "override (fr)",
            r"\b(?:ignorez|oubliez|ignore|oublie)\b.{0,120}?\b(?:instructions?|consignes?|pr[ée]c[ée]dentes?)",
        ),
        ("role marker", r"^\W*(?:system|assistant|user)\s*:"),
        (
            "addressed to the model",
            r"\b(?:note|message|instructions?|attention)\s+(?:to|for)\s+(?:the\s+|all\s+)?"
            r"(?:ai|llm|language model|assistant|chatbot)|\bfor\s+(?:ai|llm)\s+(?:models?|assistants?)\b",
        ),
        ("talks to the user", r"\b(?:tell|instruct|ask)\s+the\s+user\b|\bdites?\s+à\s+l'utilisateur\b"),
        (
            "prompt talk",
            r"\b(?:hidden|system)\s+(?:instructions?|prompt)\b|\byou\s+are\s+now\b|\bmaintenance mode\b"
            r"|\b(?:reply|answer)\s+(?:only\s+)?with\s+(?:the\s+words?|a\s+single\s+word)\b|\brépondez\s+uniquement\b",
        ),
        ("citation orders", r"\b(?:always|must)\s+cite\b"),
    )
)

EMPTY_PASSAGE = "(this passage has no usable text)"


def strip_markup(text: str) -> str:
    for _name, pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


def is_instruction(sentence: str) -> bool:
    return any(pattern.search(sentence) for _name, pattern in INSTRUCTION_PATTERNS)


def one_line(text: str) -> str:
    """Whitespace runs to one space: passage text can never start a line of its own ("Question: ...")."""
    return re.sub(r"\s+", " ", text).strip()


def data_sentences(passage: str) -> list[str]:
    """The passage's sentences as plain data: no markup, no sentence addressed to the model, one line each."""
    sentences = (one_line(s) for s in split_sentences(strip_markup(passage)))
    kept = [s for s in sentences if s and any(ch.isalnum() for ch in s) and not is_instruction(s)]
    return kept or [EMPTY_PASSAGE]


def clean_heading(text: str, limit: int = 160) -> str:
    """A title or section path for the prompt: the same cleaning, one line, bounded."""
    heading = one_line(strip_markup(text))
    if is_instruction(heading):
        return "(untitled)"
    return heading if len(heading) <= limit else heading[:limit].rsplit(" ", 1)[0] + " …"
