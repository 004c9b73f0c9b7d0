"""Placeholder allocation shared by the texts of one patient (or one document)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from guardrails.phi.types import DATE, PERSON


def normalise_value(value: str) -> str:
    # "DUPONT", "Dupont" and "Dupónt" are one person: case, accents and spacing do not make a new placeholder.
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace("’", "'").split())


class ScrubSession:
    """Keeps `<TYPE_n>` placeholders consistent across the calls that share it.

    Use one session per patient so that a summary and the questions about it agree on `<PERSON_1>`.
    `date_shift_days` is the patient's offset: every date is moved by it, so intervals are kept.
    The mapping holds identifiers: it lives in memory only and is handed back to the caller.
    """

    def __init__(self, date_shift_days: int | None = None) -> None:
        self.date_shift_days = date_shift_days
        self._counters: Counter[str] = Counter()
        self._by_value: dict[tuple[str, str], str] = {}
        self._mapping: dict[str, str] = {}

    def __repr__(self) -> str:  # never show identifiers
        return f"ScrubSession(placeholders={len(self._mapping)}, date_shift_days={self.date_shift_days})"

    @property
    def mapping(self) -> dict[str, str]:
        """Placeholder (or shifted date) -> original value, for every text scrubbed in this session."""
        return dict(self._mapping)

    def placeholder_for(self, entity_type: str, value: str, *, another_person: bool = False) -> str:
        """`another_person`: the name is known to be someone else than the names met so far (a relative: "Mme
        Claire Dubois … sa fille Claire"), so a part of a known name is not taken for that person."""
        key = (entity_type, normalise_value(value))
        found = self._by_value.get(key)
        if found is None and entity_type == PERSON and not another_person:
            found = self._same_person(key[1])
        if found is not None:
            self._by_value[key] = found
            return found
        self._counters[entity_type] += 1
        placeholder = f"<{entity_type}_{self._counters[entity_type]}>"
        self._by_value[key] = placeholder
        self._mapping[placeholder] = value
        return placeholder

    def _same_person(self, normalised: str) -> str | None:
        """ "DUPONT" or "Marie" after "Marie DUPONT" is that person when exactly one known person has all its
        name words; with two Duponts we cannot tell, and a new placeholder is the safer choice."""
        words = set(normalised.replace("-", " ").split())
        matches = {
            placeholder
            for (etype, known), placeholder in self._by_value.items()
            if etype == PERSON and words <= set(known.replace("-", " ").split())
        }
        return matches.pop() if len(matches) == 1 else None

    def record_shifted_date(self, shifted: str, original: str) -> str:
        """Remember a shifted date so `reidentify` can restore it; a clash falls back to a placeholder."""
        known = self._mapping.get(shifted)
        if known is not None and normalise_value(known) != normalise_value(original):
            return self.placeholder_for(DATE, original)
        self._mapping.setdefault(shifted, original)
        return shifted
