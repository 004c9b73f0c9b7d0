"""Put original values back into a text written with placeholders (a letter drafted from scrubbed notes)."""

from __future__ import annotations

import regex as re

_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*_\d+>")


def reidentify(text: str, mapping: dict[str, str]) -> str:
    """Replace every `<TYPE_n>` found in `mapping`; unknown placeholders are left as they are.

    Shifted dates are keys of the mapping too (they are not `<...>` placeholders): they are replaced as
    literal strings, longest first, so "13 février 2026" is restored before "13 février".
    """
    restored = _PLACEHOLDER.sub(lambda m: mapping.get(m.group(), m.group()), text)
    literals = sorted((k for k in mapping if not _PLACEHOLDER.fullmatch(k)), key=len, reverse=True)
    if literals:
        pattern = re.compile("|".join(re.escape(k) for k in literals))
        restored = pattern.sub(lambda m: mapping[m.group()], restored)
    return restored
