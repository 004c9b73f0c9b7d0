"""Putting the original identifiers back into a letter, locally, at export time only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def reidentify(text: str, mapping: Mapping[str, str], scrubber: Any = None) -> str:
    """The scrubber's own reidentify when there is one (it knows its placeholder syntax), else a plain
    replacement, longest placeholder first so that <PERSON_1> never eats into <PERSON_12>."""
    if not mapping:
        return text
    if scrubber is not None and hasattr(scrubber, "reidentify"):
        return scrubber.reidentify(text, dict(mapping))
    for placeholder in sorted(mapping, key=len, reverse=True):
        text = text.replace(placeholder, mapping[placeholder])
    return text
