"""Protected clinical vocabulary: eponyms, drugs, genes, regimens, staging. Spans found here are clinical, so
an NER guess of PERSON/LOCATION on them is dropped (a title right before a name still wins, see the scrubber).

Lists live in guardrails/data/*.txt. Acronyms (no lower-case letter, or 3 characters or fewer) match with their
case; other terms ignore case and accents. An eponym that is also a common surname only counts before a
clinical head word ("Lynch syndrome", "maladie de Paget").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from guardrails.phi.wordlists import fold, load_terms

ALWAYS_LISTS = ("eponyms", "drugs", "genes", "regimens", "clinical_terms")
_TOKEN = re.compile(r"[^\W_]+")
# What may separate the tokens of one term: "Li-Fraumeni", "Von Hippel-Lindau", "trifluridine/tipiracil".
_JOINER = re.compile(r"[ \t\-/'’.:()+;]{1,3}")
_FR_DE = frozenset({"de", "d", "du", "des"})
# A grade or level written after a listed term belongs to it: "Clark IV", "Bethesda IV", "Child-Pugh A6".
_QUALIFIER = re.compile(r"(?:[IVX]{1,4}[a-dA-D]?|[A-C]\d{1,2}|\d{1,2}[a-d]?)")
_ISOTOPES = {
    "Lu": "177", "Ga": "68", "Tc": "99m", "Ra": "223", "Y": "90", "I": "123|125|131", "F": "18", "Sm": "153",
    "Sr": "89", "Cu": "64|67", "Zr": "89", "Ac": "225", "In": "111", "Re": "186|188", "Ho": "166", "Pb": "212",
    "Th": "227",
}  # fmt: skip
_RADIONUCLIDES = "|".join(f"{symbol}[ \\-]?(?:{mass})" for symbol, mass in _ISOTOPES.items())
_RADIONUCLIDES_REVERSED = "|".join(f"(?:{mass}){symbol}" for symbol, mass in _ISOTOPES.items())
# Trials named by their cooperative group or series and a number ("RTOG 9601", "EORTC 22922", "KEYNOTE-189",
# "CALGB 80101"): in a sentence they look like a town and its postcode ("enrolled in CALGB 80101").
_TRIAL_SERIES = (
    "ABCSG|ACOSOG|AIO|ANZUP|BIG|CAIRO|CALGB|CCTG|CheckMate|COG|DESTINY-Breast|ECOG-ACRIN|EORTC|FFCD|GBG|GERCOR|"
    "GOG|GORTEC|IBCSG|IFCT|IMbrave|IMpower|JCOG|KEYNOTE|MONALEESA|MONARCH|NCCTG|NCIC|NRG|NSABP|PALOMA|PRODIGE|"
    "RTOG|SWOG|TROG|UNICANCER"
)
_PATTERNS = [
    # TNM: pT2N1M0, ypT1c N0(sn) M0, cT3 N2a M1b
    re.compile(
        r"(?<![\w])[cpyra]{0,3}T(?:[0-4][a-d]?|is|X)(?:\([^)]{1,6}\))?\s?N(?:[0-3][a-c]?|X)(?:\([^)]{1,6}\))?"
        r"(?:\s?M(?:[01][a-d]?|X))?(?![\w])"
    ),
    re.compile(r"(?i)(?<![\w])(?:stage|stade)\s+(?:[0IV]{1,4}|[0-4])[A-C]?[0-9]?(?![\w])"),
    re.compile(
        r"(?<![\w])[A-Z][A-Z0-9]{1,7}\s+(?:[A-Z]\d{1,4}(?:[A-Z]|fs\*?\d*|\*|del)|exon\s?\d{1,2}|p\.[\w*>]+|c\.[\w+\-*>]+)(?![\w])"
    ),
    re.compile(
        r"(?i)(?<![\w])(?:gleason|isup)(?:\s+(?:score|grade))?\s*:?\s*\d(?:\s?\+\s?\d)?(?:\s?=\s?\d+)?"
    ),
    re.compile(rf"(?<![\w])(?:{_TRIAL_SERIES})[ \-]?(?:[A-Z]{{1,2}}[ \-]?)?\d{{2,5}}[A-Z]?(?![\w])"),
    # Radionuclides of nuclear medicine: "lutetium Lu 177", "Lu-177", "177Lu", "Ga 68", "I-131", "Tc 99m".
    re.compile(rf"(?<![\w])(?:(?:{_RADIONUCLIDES})|(?:{_RADIONUCLIDES_REVERSED}))(?![\w])"),
    re.compile(r"(?<![\w])(?:ECOG|PS|OMS|WHO|KPS|Karnofsky)\s?(?:PS\s?)?[:=]?\s?\d{1,3}\s?%?(?![\w])"),
]


@dataclass(frozen=True)
class ProtectedSpan:
    """A clinical span. `listed` spans come from the lists or patterns: a NER span that only partly covers one
    is trimmed. Spans of the generic rule (an unknown capitalised word before "syndrome") only veto NER spans
    they fully contain, so a real name next to them is never left half-scrubbed."""

    start: int
    end: int
    listed: bool = True


def _is_acronym(term: str) -> bool:
    return len(term) <= 3 or not any(ch.islower() for ch in term)


@dataclass(frozen=True)
class _Term:
    keys: tuple[str, ...]  # folded tokens, or raw tokens for acronyms
    case_sensitive: bool
    contextual: bool


class ClinicalVocabulary:
    """Finds protected clinical spans. Built once (a few thousand terms), then pure Python lookups."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[_Term]] = {}
        for name in ALWAYS_LISTS:
            for term in load_terms(name):
                self._add(term, contextual=False)
        for term in load_terms("eponyms_contextual"):
            self._add(term, contextual=True)
        self._strong_heads = frozenset(fold(w) for w in load_terms("eponym_heads"))
        self._listed_heads = self._strong_heads | frozenset(
            fold(w) for w in load_terms("eponym_heads_listed")
        )
        self._fr_heads = frozenset(fold(w) for w in load_terms("eponym_heads_fr"))

    def _add(self, term: str, contextual: bool) -> None:
        raw = tuple(_TOKEN.findall(term))
        if not raw:
            return
        case_sensitive = _is_acronym(term)
        keys = raw if case_sensitive else tuple(fold(t) for t in raw)
        entry = _Term(keys, case_sensitive, contextual)
        self._by_first.setdefault(keys[0], []).append(entry)
        if case_sensitive and len(term) >= 5 and term.isalpha():
            # Regimens are written "FOLFIRINOX" and "Folfirinox"; five letters and more are no ordinary word.
            self._add_folded(raw, contextual)

    def _add_folded(self, raw: tuple[str, ...], contextual: bool) -> None:
        keys = tuple(fold(t) for t in raw)
        self._by_first.setdefault(keys[0], []).append(_Term(keys, False, contextual))

    def protected_spans(self, text: str) -> list[ProtectedSpan]:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        folded = [fold(t[2]) for t in tokens]
        spans: list[ProtectedSpan] = []
        for i in range(len(tokens)):
            found = self._match_at(text, tokens, folded, i)
            listed = found is not None
            if found is None:
                found = self._generic_eponym_at(text, tokens, folded, i)
            if found is not None:
                first, last = found
                if (
                    listed
                    and last + 1 < len(tokens)
                    and text[tokens[last][1] : tokens[last + 1][0]] == " "
                    and _QUALIFIER.fullmatch(tokens[last + 1][2])
                ):
                    last += 1
                spans.append(ProtectedSpan(tokens[first][0], tokens[last][1], listed=listed))
        for pattern in _PATTERNS:
            spans.extend(ProtectedSpan(m.start(), m.end()) for m in pattern.finditer(text))
        return spans

    def find_terms(self, text: str) -> list[tuple[int, int]]:
        """Occurrences of listed terms (contextual eponyms only with their head): for over-scrubbing counts."""
        return [(s.start, s.end) for s in self.protected_spans(text) if s.listed]

    # -- matching -------------------------------------------------------------------------------------------
    def _match_at(self, text: str, tokens: list, folded: list[str], i: int) -> tuple[int, int] | None:
        """Token range of the longest listed term starting at token i, widened to its clinical context
        ("sarcome d'Ewing", "Ewing sarcoma") so that an NER span over the whole phrase is vetoed too."""
        candidates = self._by_first.get(tokens[i][2], []) + self._by_first.get(folded[i], [])
        best: tuple[int, int] | None = None
        for term in candidates:
            end = i + len(term.keys) - 1
            if end >= len(tokens) or (best is not None and end <= best[1]):
                continue
            seq = [tokens[k][2] for k in range(i, end + 1)] if term.case_sensitive else folded[i : end + 1]
            if tuple(seq) != term.keys or not self._joined(text, tokens, i, end):
                continue
            extent = self._context_extent(text, tokens, folded, i, end, listed=True)
            if term.contextual and extent is None:
                continue
            best = extent or (i, end)
        return best

    @staticmethod
    def _joined(text: str, tokens: list, i: int, end: int) -> bool:
        return all(_JOINER.fullmatch(text[tokens[k][1] : tokens[k + 1][0]]) for k in range(i, end))

    def _next_word(self, text: str, tokens: list, folded: list[str], end: int) -> tuple[int, bool] | None:
        """Index of the word after token `end`, skipping a possessive 's; and whether a possessive was there."""
        k = end + 1
        if k >= len(tokens):
            return None
        gap = text[tokens[end][1] : tokens[k][0]]
        possessive = False
        if gap in ("'", "’") and folded[k] == "s":
            possessive, k = True, k + 1
            if k >= len(tokens):
                return None
            gap = text[tokens[k - 1][1] : tokens[k][0]]
        elif gap in ("'", "’"):  # "Wilms' tumor"
            possessive = True
            gap = gap[1:]
        if gap.strip(" \t") != "" and gap not in (" ", "\t"):
            return None
        return k, possessive

    def _context_extent(
        self, text: str, tokens: list, folded: list[str], i: int, end: int, listed: bool
    ) -> tuple[int, int] | None:
        """Token range of eponym plus head ("Lynch syndrome", "maladie de Paget") or None without a head."""
        heads = self._listed_heads if listed else self._strong_heads
        nxt = self._next_word(text, tokens, folded, end)
        if nxt is not None:
            k, possessive = nxt
            after = text[tokens[k][1] : tokens[k][1] + 1]
            if folded[k] in heads and after != "-" and (listed or not possessive):
                return i, k
        if i >= 2 and folded[i - 1] in _FR_DE and folded[i - 2] in self._fr_heads:
            return i - 2, end
        return None

    def _generic_eponym_at(
        self, text: str, tokens: list, folded: list[str], i: int
    ) -> tuple[int, int] | None:
        word = tokens[i][2]
        if (
            not word[:1].isupper()
            or len(word) < 3
            or (i > 0 and text[tokens[i - 1][1] : tokens[i][0]] == "-")
        ):
            return None
        end = i
        # "Erdheim-Chester", "Birt-Hogg-Dubé": hyphenated capitalised parts are one eponym.
        while (
            end + 1 < len(tokens)
            and text[tokens[end][1] : tokens[end + 1][0]] == "-"
            and tokens[end + 1][2][:1].isupper()
        ):
            end += 1
        return self._context_extent(text, tokens, folded, i, end, listed=False)


@lru_cache(maxsize=1)
def default_vocabulary() -> ClinicalVocabulary:
    return ClinicalVocabulary()
