"""YAML front-matter at the top of Markdown files (title, lastReviewed, language, cancerTypes, demo)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

logger = logging.getLogger(__name__)

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class FrontMatter:
    title: str | None = None
    last_reviewed: str | None = None
    language: str | None = None
    cancer_types: tuple[str, ...] = ()
    demo: bool = False
    patient_key: str | None = None
    warnings: tuple[str, ...] = field(default=())


def _iso_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "yes", "1"}
    return bool(value)


def split_front_matter(text: str, where: str = "") -> tuple[FrontMatter, str]:
    """(front-matter, body). A malformed block is kept out of the body and reported as a warning."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter(), text
    body = text[match.end() :]
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        warning = f"{where}: front-matter is not valid YAML ({str(exc).splitlines()[0]}); metadata ignored: fix the YAML between the two --- lines."
        logger.warning(warning)
        return FrontMatter(warnings=(warning,)), body
    if not isinstance(data, dict):
        return FrontMatter(), body
    title = data.get("title")
    language = data.get("language") or data.get("lang")
    key = data.get("patient_id", data.get("patientId"))
    return (
        FrontMatter(
            title=str(title).strip() if title else None,
            last_reviewed=_iso_date(data.get("lastReviewed", data.get("last_reviewed"))),
            language=str(language).strip().lower()[:2] if language else None,
            cancer_types=_as_tuple(data.get("cancerTypes", data.get("cancer_types"))),
            demo=_as_bool(data.get("demo", False)),
            patient_key=str(key) if key is not None else None,
        ),
        body,
    )
