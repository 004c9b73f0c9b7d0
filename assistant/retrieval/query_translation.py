"""French → English query translation for retrieval, from a maintained oncology glossary (no model).

The guideline corpus is English. The multilingual embedder bridges French questions only partly, and BM25 over
English text cannot match French words at all ("sein" never meets "breast"), so French questions lose the lexical
half of hybrid retrieval. This module rewrites a French question into English keywords (glossary phrases, longest
first; unknown words such as drug and gene names kept, since they are spelled the same in both languages) for the
retriever to search with alongside the original. The result is a search query, never shown to anyone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.store.text_normalise import tokenize
from guardrails.language import detect_language

GLOSSARY = Path(__file__).resolve().parent / "data" / "fr_en_oncology.tsv"

# A word: letters/digits, optionally joined by "." or "/" (cdk4/6, 18.2), optionally ending in "+" (HER2+) or in
# a "-" that is not followed by another word part (HER2-): those signs carry meaning and are kept on the word.
_L = "a-z0-9àâäçéèêëîïôöùûüÿñ"
_WORD = re.compile(rf"[{_L}]+(?:[./][{_L}]+)*(?:\+|-(?![{_L}]))?")
# Characters read as word separators but remembered, so an unknown hyphenated name (PD-L1) is put back together.
_HYPHENS = "-‐‑–"
_APOSTROPHES = "'’‘`ʼ"

# Cognate endings for words the glossary lacks: French medical words mostly map regularly onto English ones
# (carcinome → carcinoma, biopsie → biopsy, toxicité → toxicity, cystite → cystitis). Matched on the accented
# word, because folding would merge -ité and -ite. Tried in order, first match wins; short words are left alone.
_SUFFIXES = (
    ("ectomie", "ectomy"),
    ("otomie", "otomy"),
    ("ostomie", "ostomy"),
    ("thérapie", "therapy"),
    ("graphie", "graphy"),
    ("scopie", "scopy"),
    ("logie", "logy"),
    ("pathie", "pathy"),
    ("émie", "emia"),
    ("oïde", "oid"),
    ("ulaire", "ular"),
    ("aire", "ary"),
    ("ique", "ic"),
    ("isme", "ism"),
    ("ome", "oma"),
    ("ité", "ity"),
    ("ite", "itis"),
    ("ose", "osis"),
    ("eux", "ous"),
    ("euse", "ous"),
    ("if", "ive"),
    ("ie", "y"),
)
# Words the ending rules would spoil (syndrome → syndroma); they pass through unchanged.
_KEEP = frozenset(
    "syndrome chromosome genome symptome dose glucose pose cellule site ligne aire autre notre votre haute "
    "juste reste moyenne petite cette toute suite quite route note vite unite ose".split()
)


def _lower(text: str) -> str:
    # œ and æ are not decomposed by Unicode normalisation: spell them out.
    return unicodedata.normalize("NFC", text.lower()).replace("œ", "oe").replace("æ", "ae")


def fold(text: str) -> str:
    """Lower case, accents removed, ligatures spelled out."""
    decomposed = unicodedata.normalize("NFKD", _lower(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _stem(word: str) -> str:
    """Just enough inflection folding to look a word up: plural and feminine endings (métastatiques,
    localisées, hormonaux). Applied to glossary keys and question words alike, so it only has to be consistent."""
    if len(word) > 5 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and word[-2] not in "s+":
        word = word[:-1]
    if len(word) > 3 and word.endswith("ee"):
        word = word[:-1]
    return word


@dataclass(frozen=True)
class _Atom:
    key: str  # folded, stemmed: what the glossary is looked up with
    word: str  # lower case with accents: what is emitted (via _cognate) when the glossary has nothing
    hyphen_before: bool  # joined to the previous atom by a hyphen in the question


def _atoms(text: str) -> list[_Atom]:
    lowered = _lower(text)
    for ch in _APOSTROPHES:
        lowered = lowered.replace(ch, " ")  # elision: l'estomac → l estomac (the "l" is then dropped)
    atoms: list[_Atom] = []
    last_end = None
    for match in _WORD.finditer(lowered):
        word = match.group()
        between = lowered[last_end : match.start()] if last_end is not None else ""
        joined = bool(between) and all(c in _HYPHENS for c in between)
        atoms.append(_Atom(_stem(fold(word)), word, joined))
        last_end = match.end()
    return atoms


class QueryTranslator:
    """Glossary-based French → English keyword translation of a question (see the module doc)."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        # key → (english, plainly French: the phrase shares no word with its English, as "CBNPC" or "lymphome"
        # do, unlike "surveillance", "adjuvant" or "CAR T", which an English keyword query could contain too)
        self._phrases: dict[tuple[str, ...], tuple[str, bool]] = {}
        for french, english in entries:
            key = tuple(a.key for a in _atoms(french))
            if key:
                self._phrases[key] = (english.strip(), not set(key) & {a.key for a in _atoms(english)})
        self._longest = max((len(k) for k in self._phrases), default=1)

    @classmethod
    def from_tsv(cls, path: Path = GLOSSARY) -> QueryTranslator:
        entries = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            french, sep, english = line.partition("\t")
            if not sep:
                raise ValueError(f"{path.name}:{number}: expected 'french<TAB>english'")
            entries.extend((form, english) for form in french.split("|") if form.strip())
        return cls(entries)

    def __len__(self) -> int:
        return len(self._phrases)

    def translate(self, text: str) -> str:
        """English keywords for a French question: glossary phrases (longest match first), cognate endings for
        other long words, everything else (drug and gene names, numbers, stage labels) kept as written."""
        return self._translate(text)[0]

    def _translate(self, text: str) -> tuple[str, int]:
        """The translation, and how many glossary phrases in it were plainly French."""
        atoms = _atoms(text)
        out: list[str] = []
        french = 0
        kept_last = False  # whether the previous atom was passed through (to re-join PD-L1, CA 19-9...)
        i = 0
        while i < len(atoms):
            for n in range(min(self._longest, len(atoms) - i), 0, -1):
                found = self._phrases.get(tuple(a.key for a in atoms[i : i + n]))
                if found is not None:
                    english, plainly_french = found
                    if english:
                        out.append(english)
                        french += plainly_french
                    i += n
                    kept_last = False
                    break
            else:
                atom = atoms[i]
                word = _cognate(atom.word)
                if atom.hyphen_before and kept_last and out:
                    out[-1] = f"{out[-1]}-{word}"
                else:
                    out.append(word)
                i += 1
                kept_last = True
        return " ".join(out), french

    def for_retrieval(self, query: str) -> str | None:
        """The English search query for a French question, or None when the question is not French (English
        questions are searched exactly as typed) or the translation adds no search word.

        Keyword queries ("CBNPC osimertinib") have no function words for the language detector to go on: they
        count as French when the glossary recognises a plainly French term in them."""
        language = detect_language(query, default="")
        if language == "en":
            return None
        english, french_terms = self._translate(query)
        if language != "fr" and not french_terms:
            return None
        return english if set(tokenize(english)) - set(tokenize(query)) else None


def _cognate(word: str) -> str:
    folded = fold(word)
    if len(word) < 6 or not word.isalpha() or folded in _KEEP:
        return folded
    if word.endswith("aux"):
        return folded[:-3] + "al"  # hormonaux → hormonal
    # Plural and feminine endings come off only when a cognate ending then applies: CAPOX and venetoclax stay.
    for candidate in (word, word.removesuffix("s").removesuffix("x"), word.removesuffix("es"), word[:-1]):
        for french, english in _SUFFIXES:
            if candidate.endswith(french) and fold(candidate) not in _KEEP:
                return fold(candidate[: -len(french)]) + english
    return folded


@lru_cache(maxsize=1)
def default_translator() -> QueryTranslator:
    """The shipped glossary, loaded once per process."""
    return QueryTranslator.from_tsv(GLOSSARY)
