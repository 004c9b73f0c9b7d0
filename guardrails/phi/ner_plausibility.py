"""Second opinion on spaCy PERSON/LOCATION guesses. The small French model tags capitalised headings and
nouns ("Radiothérapie :", "Biopsie et NGS", "Bilan social") as names or places; a span made only of dictionary
words (the model's own lemmatizer tables), acronyms and stopwords is not a name. A span with a known given or
family name, or with any word the dictionary does not know, is kept; so is anything our pattern recognizers find.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from functools import lru_cache
from typing import Any

import regex as re

from guardrails.phi.name_stopwords import name_stopwords
from guardrails.phi.wordlists import fold, load_terms

_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\s]+")
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœ")
_SENTENCE_START = re.compile(r"(?:[.:;!?(•*\-–—])[ \t\"'«]*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t\"'«*•\-]*$")
_THEN_COLON = re.compile(r"[\w-]*[ \t]*:")
_ELIDED_WORD = re.compile(r"[LlDdJjNnSs]['’]\p{Ll}")
_ROMAN_OR_GRADE = re.compile(r"(?i)^(?:[ivx]{1,4}[a-d]?|[a-d]\d?)$")


# Letters of names that English and French words do not use ("ć", "ő", "ø", "ñ"; "ö" and "ü" too: French uses
# them only in a handful of words, all in the dictionary). Shared with the street recognizers ("Košická 1").
NAME_LETTER = r"[^\x00-\x7f\s\d\p{P}\p{S}àâçéèêëîïôùûÿœæÀÂÇÉÈÊËÎÏÔÙÛŸŒÆ]"
# A name letter, or a family-name ending of several languages (not "-idis", a Latin genitive: "epididymidis").
_NAME_SHAPED = re.compile(
    NAME_LETTER
    # Endings count on words of six letters or more: "Prev" (a journal's abbreviation) is not "-ev".
    + r"|(?<=\w{3})(?:ov|ova|ev|eva|ski|ska|sky|cki|cka|vić|vic|vich|ić|ič|enko|escu|oglu|yan|sson|sen|dottir|poulos|"
    r"akis|elli|etti|ucci)$"
)


# A name letter that no medical word holds either: "ä", "ö" and "ü" do ("Röntgen").
_NAME_LETTER = re.compile(rf"(?![äöüÄÖÜ]){NAME_LETTER}")

# Endings of medical words (French and English forms) and drug-name stems, shared with the lone-line name check
# (LoneLineNameRecognizer): "Lymphœdème", "néphro-urétérectomie", "Sialoblastoma", "pembrolizumab".
MEDICAL_ENDINGS = (
    r"omas?|itis|oses?|ectom(?:ie|y)|otom(?:ie|y)|ostom(?:ie|y)|plast(?:ie|y)|scop(?:ie|y)|graph(?:ie|y)|emie|emia|"
    r"path(?:ie|y)|plas(?:ie|ia)|alg(?:ie|ia)|olog(?:ie|y)|cytes?|penia|mab|nib|ites?"
)
# Medical words the dictionary does not list: the small French model tags "Séminome de stade I" as a place and
# "néphro-urétérectomie totale" as one. Seven letters and more, and never a listed name ("Jérôme", "Thomas").
_CLINICAL_ENDING = re.compile(
    rf"(?:{MEDICAL_ENDINGS}|omes?|cytoses?|penie|"
    r"ciclib|parib|lisib|tide|taxel|rubicine?|tecan|platine?|citabine|zomib|lutamide|fosfamide)$"
)
# "inguino-", "néphro-", "gastro-": the first part of a medical compound.
_COMBINING_FORM = re.compile(r"[^\W\d_]{3,}o(?=-[^\W\d_])")
# The same prefixes written solid: "Hémopéritoine", "Pneumomédiastin", "Hydronephrosis" are a prefix and a
# dictionary word ("péritoine", "nephrosis"); names are not built that way.
_MEDICAL_PREFIX = re.compile(
    # Organ and tissue forms only: "pré", "para", "col" or "inter" before a word also make surnames ("Prévert").
    r"^(?:h[ée]mo|h[ée]mato|pneumo|hydro|pyo|chylo|lympho|neuro|cardio|gastro|h[ée]pato|n[ée]phro|ent[ée]ro|"
    r"my[ée]lo|ost[ée]o|arthro|angio|hyst[ée]ro|thoraco|laparo|onco|chimio|immuno|cyto|histo|fibro|ad[ée]no|"
    r"broncho|laryngo|pharyngo|(?:o|œ)esophago|[œe]sophago|cysto|rhino|ophtal?mo|ophthalmo)"
    r"(?P<rest>[^\W\d_]{4,})$"
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(fold(w) for w in load_terms("first_names") + load_terms("first_names_census"))


@lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """The given names above and those of many countries (first_names_world.txt): for lower-case names whose
    position already says a name ("arne t mathisen", a list of them)."""
    return given_names() | frozenset(fold(w) for w in load_terms("first_names_world"))


@lru_cache(maxsize=1)
def listed_surnames() -> frozenset[str]:
    return frozenset(fold(w) for w in load_terms("surnames") + load_terms("surnames_census"))


@lru_cache(maxsize=1)
def wordlike_given_names() -> frozenset[str]:
    """Given names that are dictionary words ("Dexter", "Destiny"): names only where the position says a person."""
    return frozenset(fold(w) for w in load_terms("first_names_wordlike"))


@lru_cache(maxsize=1)
def names_in_person_positions() -> frozenset[str]:
    """Known names, the Census's names and the names that are words ("Dexter", "Mann", "Nilsson"): built once, not at
    every plausibility check."""
    return known_names() | given_names() | listed_surnames() | wordlike_given_names() | wordlike_surnames()


@lru_cache(maxsize=1)
def wordlike_surnames() -> frozenset[str]:
    """Family names that are dictionary words ("Morrison", "Nilsson": WordNet lists famous people): names only in a
    list of names or where the position says a person ("Nilsson, can I…?", "says Mayor.")."""
    return frozenset(fold(w) for w in load_terms("surnames_wordlike"))


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in load_terms("place_nouns"))


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    return frozenset(fold(w) for w in load_terms("first_names") + load_terms("surnames"))


def inflections_from_spacy(nlp: Any) -> Container[str]:
    """The model's form-to-lemma lookup table (French: 217k forms), or nothing."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
    except (KeyError, AttributeError):
        return frozenset()
    return lookups.get_table("lemma_lookup") if "lemma_lookup" in lookups.tables else frozenset()


def dictionary_from_spacy(nlp: Any) -> frozenset[str]:
    """Lemmas known to the model's rule lemmatizer (nouns, verbs, adjectives, adverbs), lower-cased.

    The French index lacks most verbs ("Attendre la convocation" was taken for a name at the start of a
    sentence); its form-to-lemma lookup table holds them, as lemmas only (its keys are hashes). Those lemmas
    that are also listed given or family names ("gaspard", "amandine") are left out: a name is not a word."""
    words: set[str] = set()
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
    except (KeyError, AttributeError):
        return frozenset()
    for table_name in ("lemma_index", "lemma_exc"):
        if table_name not in lookups.tables:
            continue
        table = lookups.get_table(table_name)
        for value in table.values():
            if isinstance(value, dict):  # lemma_exc: {form: [lemmas]}
                words.update(str(form).lower() for form in value)
            elif isinstance(value, Iterable) and not isinstance(value, str):
                words.update(str(w).lower() for w in value)
    if "lemma_lookup" in lookups.tables:
        lemmas = {
            str(w).lower()
            for value in lookups.get_table("lemma_lookup").values()
            for w in ([value] if isinstance(value, str) else value)
        }
        words |= {
            w for w in lemmas - words if fold(w) not in given_names() and fold(w) not in listed_surnames()
        }
    return frozenset(words)


class NerPlausibility:
    """`strict` (French): any all-dictionary span is dropped. Lenient (English): only in heading position, because
    the English lemmatizer tables (WordNet) also list places and famous names ("France", "Enrico")."""

    def __init__(
        self, dictionary: frozenset[str], strict: bool = True, inflections: Container[str] = frozenset()
    ) -> None:
        self.dictionary = dictionary
        self.strict = strict
        # Inflected forms the lemma tables do not list ("revu", "attendu"): the model's form-to-lemma lookup,
        # searchable but not listable (its keys are hashes).
        self.inflections = inflections

    def _generic(self, word: str, lemma: str | None = None) -> bool:
        lower = word.lower()
        if len(word) == 1 or fold(word) in name_stopwords() or _ROMAN_OR_GRADE.match(word):
            return True
        if self._clinical_shape(word):
            return True
        if lower.isascii() and not (_VOWELS & set(lower)):
            # "nsclc", "CBNPC": an acronym, in any case; names have a vowel ("Llwyd" has its y, "Mørch" its ø)
            return True
        if word.isupper() and len(word) <= 3:
            return True  # TVP, HTA, APL, IDE: acronyms (three capitals are too short for a family name)
        return self._in_dictionary(lower, lemma)

    def _clinical_shape(self, word: str) -> bool:
        """A medical word by its ending or its solid compound ("Séminome", "Hémopéritoine"), never a listed name."""
        if self._listed_name(word) or _NAME_LETTER.search(word):
            return False  # "Rudzīte", "Jurkāitis": a letter medical words do not use
        if len(word) >= 7 and _CLINICAL_ENDING.search(fold(word)):
            return True
        compound = _MEDICAL_PREFIX.match(word.lower())
        return compound is not None and self._in_dictionary(compound.group("rest"))

    def _in_dictionary(self, lower: str, lemma: str | None = None) -> bool:
        # The lemmatizer does not run: try the plural and feminine endings by hand ("biopsies", "prochaine").
        forms = {lower, lemma or lower}
        for ending in ("s", "x", "e", "es"):
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                forms.add(lower[: -len(ending)])
        if lower.endswith("men"):  # "women", "chairmen": the model's exception table lacks them
            forms.add(lower[:-3] + "man")
        return not forms.isdisjoint(self.dictionary) or (
            lower in self.inflections
            and fold(lower) not in given_names()
            and fold(lower) not in listed_surnames()
        )

    @staticmethod
    def _listed_name(word: str) -> bool:
        folded = fold(word)
        return folded in given_names() or folded in listed_surnames()

    def plausible(
        self,
        text: str,
        start: int,
        end: int,
        doc: Any = None,
        strict: bool | None = None,
        wordlike: bool = False,
    ) -> bool:
        """False for a span that cannot be a name: too short, or only dictionary words in heading position.
        `strict` overrides the instance's mode (True for recognizers that rely on position alone); `wordlike`
        counts the names that are words ("Dexter", "Mayor") as known names, for positions that say a person."""
        span = _COMBINING_FORM.sub("", text[start:end])  # "inguino-fémoral" is judged by "fémoral"
        words = _WORD.findall(span)
        if sum(len(w) for w in words) < 3 or all(_ROMAN_OR_GRADE.match(w) for w in words):
            return False
        names = names_in_person_positions() if wordlike else known_names()
        # Not on a stopword: "Le" (Lê) is a listed family name, "Revu le" is no name.
        if any(fold(w) in names and fold(w) not in name_stopwords() for w in words):
            return True
        before = text[max(0, start - 40) : start]
        if _LINE_START.search(before) is not None and _THEN_COLON.match(text[end : end + 40]):
            return False  # "Oncopédiatrie :", "Neuro-oncology:" headings
        lemmas = self._lemmas(doc, start, end)
        if not all(self._generic(w, lemmas.get(w)) for w in words):
            return True
        # Only dictionary words, acronyms and stopwords, and no known name: a heading or a capitalised noun
        # ("Bilan", "Antécédents", "Hematology clinic"). Surnames that are also words are in surnames.txt.
        if (self.strict if strict is None else strict) or span == span.lower():
            return False
        return not (
            _SENTENCE_START.search(before)
            or _LINE_START.search(before)
            or _THEN_COLON.match(text[end : end + 40])
        )

    def without_common_edges(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The span without the lower-case stopwords, verb forms and medical words at its ends: the small spaCy
        models and the given-name list run a name into the next word ("Anne souffre", "Louis sarcome"), which
        would take a clinical word with it. Other dictionary words stay, for family names are often words
        ("Yvonne gille"); so do listed names ("Marie blanc"), and a span is left whole when no capitalised word
        would remain ("jean dupont")."""
        tokens = list(_TOKEN.finditer(text, start, end))

        def common(token: str) -> bool:
            parts = _WORD.findall(token)
            return (
                token == token.lower()
                and bool(parts)
                and not self._listed_name(token)
                and all(self._verb_stop_or_medical(part) for part in parts)
            )

        first, last = 0, len(tokens)
        while first < last and common(tokens[first].group()):
            first += 1
        while last > first and common(tokens[last - 1].group()):
            last -= 1
        if first == last or not any(t.group()[0].isupper() for t in tokens[first:last]):
            return start, end
        return tokens[first].start(), tokens[last - 1].end()

    def _verb_stop_or_medical(self, word: str) -> bool:
        lower = word.lower()
        return (
            fold(word) in name_stopwords()
            or lower in self.inflections
            or self._inflected(word)
            or self._clinical_shape(word)
        )

    def name_shaped_run(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The longest run of two or more capitalised words in [start, end) holding a word shaped like a name: a
        listed given name, or a word no dictionary knows (even once an inflection is cut: "Awarded") that is
        spelled with a letter English and French words do not use ("Hajdu" no, "Miklós" yes) or ends like a
        family name ("Mordvinova", "Kwiatkowski"). Stopwords break runs, and a run that ends with a place noun
        ("Leokadia Trail") is a place. None if there is none. "Dear Miklós Hajdu" gives "Miklós Hajdu",
        "Tünde Hoffmann" stays whole (WordNet lists Hoffmann); "Rapid Cycle Solutions", "Clin Oncol" (a journal)
        and "Myasthenia Gravis" give None: unknown medical words are common, unknown words with a "ć" are not."""
        best: tuple[int, int] | None = None
        runs: list[list[tuple[int, int, bool]]] = [[]]  # capitalised words (start, end, name-shaped), per run
        for m in _TOKEN.finditer(text, start, end):
            token = m.group()
            if token[0].islower():
                continue  # a particle ("ten", "de") neither breaks nor counts
            parts = [w for w in _WORD.findall(token) if len(w) > 1]
            if not parts or fold(token) in name_stopwords() or _ELIDED_WORD.match(token):
                runs.append([])  # "L'infirmière Nadia": an article and a noun, not a name
                continue
            if self._place_noun(token):
                runs[-1].append((m.start(), m.end(), False))  # "Leokadia Trail": dropped below
                runs.append([])  # "Crown Street Kishiev": the street ends with its noun
                continue
            runs[-1].append((m.start(), m.end(), self.name_shaped(token)))
        for run in runs:
            if len(run) < 2 or not any(shaped for _, _, shaped in run):
                continue
            if fold(text[run[-1][0] : run[-1][1]].rstrip(".,;:")) in place_nouns():
                continue  # "Leokadia Trail", "Kuncsorba Country Club": a place or a firm
            if best is None or run[-1][1] - run[0][0] > best[1] - best[0]:
                best = (run[0][0], run[-1][1])
        return best

    def named_place(self, text: str, start: int, end: int, shaped: bool = False) -> bool:
        """Capitalised words ending with a place noun that is not also a family name: "Dora Creek", "Monika
        Union", "Kishiev Squares" (street names of an address), not "Grace Park" or "John Hill". `shaped`: the
        words before it must hold one shaped like a name ("Rapid Cycle Solutions" is a firm, not a place)."""
        words = _TOKEN.findall(text, start, end)
        if "\n" in text[start:end]:
            return False  # "Silvia J Křenová\n\nAirport": a name, then a heading
        if len(words) < 2 or not all(w[0].isupper() for w in words) or not self._place_noun(words[-1]):
            return False
        return not shaped or any(self.name_shaped(w) for w in words[:-1])

    @staticmethod
    def _place_noun(word: str) -> bool:
        folded = fold(word.rstrip(".,;:"))
        return folded in place_nouns() and folded not in listed_surnames() and folded not in given_names()

    def name_shaped(self, word: str) -> bool:
        """A word no dictionary knows (even once an inflection is cut) that is a listed given or family name, or
        is spelled with a letter English and French words do not use, or ends like a family name (see
        `name_shaped_run`). "White" and "Rose" are listed names but words too: not shaped like a name."""
        parts = [w for w in _WORD.findall(word) if len(w) > 1]
        if not parts or any(self._generic(w) or self._inflected(w) for w in parts):
            return False
        return self._listed_name(word) or any(_NAME_SHAPED.search(w) for w in parts)

    def is_word(self, word: str) -> bool:
        """A dictionary word (even once an inflection is cut), an acronym, a stopword or a medical word, whether
        or not it is also a listed name ("said", "will")."""
        parts = [w for w in _WORD.findall(word) if len(w) > 1]
        return not parts or any(self._generic(w) or self._inflected(w) for w in parts)

    def name_like(self, word: str) -> bool:
        """A listed given or family name, or a word no dictionary knows (even once an inflection is cut)."""
        folded = fold(word)
        if folded in given_names() or folded in known_names():
            return True
        parts = [w for w in _WORD.findall(word) if len(w) > 1]
        return bool(parts) and all(not self._generic(w) and not self._inflected(w) for w in parts)

    def _inflected(self, word: str) -> bool:
        """A dictionary word once a verb or adverb ending is cut: "Awarded", "Running", "Quickly"."""
        lower = word.lower()
        return any(
            lower.endswith(ending) and lower[: -len(ending)] + extra in self.dictionary
            for ending, extra in (
                ("ed", ""),
                ("ed", "e"),
                ("ing", ""),
                ("ing", "e"),
                ("ly", ""),
                ("ies", "y"),
            )
        )

    @staticmethod
    def _lemmas(doc: Any, start: int, end: int) -> dict[str, str]:
        if doc is None:
            return {}
        span = doc.char_span(start, end, alignment_mode="expand")
        return {} if span is None else {t.text: t.lemma_.lower() for t in span}
