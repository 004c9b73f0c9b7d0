"""Letter templates are data (templates/<kind>.<language>.yaml): wording changes need no code change."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from assistant.errors import ConfigurationError

LetterKind = Literal["consult", "rcp"]
LETTER_KINDS: tuple[str, ...] = ("consult", "rcp")
LETTER_LANGUAGES: tuple[str, ...] = ("en", "fr")
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

# What a section is filled with; any other value is literal text ("To be completed by the board.").
CONTENT_SLOTS = frozenset({"instructions", "patient_facts", "recommendations", "references"})


@dataclass(frozen=True)
class TemplateSection:
    heading: str
    content: str

    @property
    def is_slot(self) -> bool:
        return self.content in CONTENT_SLOTS


@dataclass(frozen=True)
class LetterTemplate:
    kind: str
    language: str
    title: str
    header: tuple[str, ...]
    salutation: str
    intro: str
    sections: tuple[TemplateSection, ...]
    closing: str
    signature: str
    empty_instructions: str
    question: str  # the guideline question; {profile} and {instructions} are filled in
    facts_sections: tuple[str, ...]
    default_recipient: str
    default_author: str


def load_template(kind: str, language: str, folder: Path = TEMPLATE_DIR) -> LetterTemplate:
    if kind not in LETTER_KINDS:
        raise ConfigurationError(f"Letter kind {kind!r} is unknown; use one of: {', '.join(LETTER_KINDS)}.")
    if language not in LETTER_LANGUAGES:
        raise ConfigurationError(
            f"Letter language {language!r} is not available; use one of: {', '.join(LETTER_LANGUAGES)}."
        )
    path = folder / f"{kind}.{language}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"Letter template {path} cannot be read ({exc}); restore the file.") from exc
    try:
        return LetterTemplate(
            kind=data["kind"],
            language=data["language"],
            title=data["title"],
            header=tuple(data.get("header") or ()),
            salutation=data.get("salutation") or "",
            intro=data.get("intro") or "",
            sections=tuple(TemplateSection(s["heading"], s["content"]) for s in data["sections"]),
            closing=data.get("closing") or "",
            signature=data.get("signature") or "",
            empty_instructions=data["empty_instructions"],
            question=data["question"],
            facts_sections=tuple(data.get("facts_sections") or ()),
            default_recipient=data.get("default_recipient") or "",
            default_author=data.get("default_author") or "",
        )
    except (KeyError, TypeError) as exc:
        raise ConfigurationError(
            f"Letter template {path} lacks the field {exc}; compare it with consult.en.yaml."
        ) from exc
