"""Postal address blocks: the lines that complete a street address the recognizer found, and the streets
named after people.

A street line is often followed by lines of the same address: unit, town, region code, then country and
postcode ("233 Erzsébet tér 19.\\n Suite 282\\n Domoszló\\n Hungary 34796"), and may start with a bare building
number before the street's own ("3378 217 Lovers Lane"). Pattern recognizers see one line at a time, so the
town and postcode lines of foreign addresses leak. Here a STREET_ADDRESS span that ends its line is extended
over the next lines while they look like address lines: short, made of capitalised words, codes and particles,
with no stop word ("Dear", "Tel"), no clinical term and not only dictionary words (a heading like "Diagnosis").

Streets named after people, written name first and number after as in most of Europe and Latin America ("lives
on the north side of Joaquin Suarez 2906", "return to Leon and Eyrarodda 66"), are found as names; a name
right after a place preposition and right before a house number that ends the phrase is a street.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from guardrails.phi.clinical_vocabulary import ClinicalVocabulary
from guardrails.phi.entity_resolver import Candidate
from guardrails.phi.name_stopwords import name_stopwords
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, UPPER
from guardrails.phi.types import LOCATION, PERSON, STREET_ADDRESS
from guardrails.phi.wordlists import fold

MAX_TAIL_LINES = 4
MAX_LINE_CHARS = 60
# Bullets, quote marks and the like that start the lines of a pasted block; a comma that lost its line (", GU").
_LINE_LEAD = r"[ \t>*•·?\-,]*"
_TOKEN = (
    rf"(?:[{UPPER}][{LETTER}'’.\-]*"  # Domoszló, LAPPEENRANTA, New, St.
    rf"|[{LOWER}]{{1,3}}"  # particles inside town names: "Ostrov nad Ohrí", "Turkovice u Prelouce"
    r"|(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9\-]{1,9}"  # postcodes: 34796, 75534-030, SW1A, 1AA
    rf"|\([{LETTER} ]{{1,25}}\))"  # "Cyprus (Greek)"
    rf"(?![{LETTER}\d])"
)
# In a text typed without capitals, a town or a country is a word in lower case: "hungary 34796", "pines beach".
_LOWER_WORD = rf"[{LOWER}][{LETTER}'’.\-]*(?![{LETTER}\d])"
_ANY_CASE_TOKEN = rf"(?:{_TOKEN}|{_LOWER_WORD})"


def _line_patterns(token: str) -> tuple[re.Pattern, re.Pattern]:
    """A line of a block made of `token`s, and the last line that ends with a postcode."""
    address_line = re.compile(rf"{_LINE_LEAD}{token}(?:[ \t]*,?[ \t]*{token}){{0,6}}[ \t,]*")
    postcode_line = re.compile(rf"{_LINE_LEAD}(?:{token}[ \t]*,?[ \t]*){{0,4}}\d{{3,6}}(?:-\d{{3,4}})?[ \t]*")
    return address_line, postcode_line


_ADDRESS_LINE, _POSTCODE_LINE = _line_patterns(_TOKEN)
_ANY_CASE_ADDRESS_LINE, _ANY_CASE_POSTCODE_LINE = _line_patterns(_ANY_CASE_TOKEN)
_WORD = re.compile(rf"[{LETTER}]+")
# What an exported table writes in an empty field.
_EMPTY_FIELDS = frozenset({"nan", "n/a", "null", "none", "-", "—"})
_DIGIT_GROUP = re.compile(r"\d+")
# A bare number before the street: at the start of its line ("4596 Tylova 285"), or anywhere when the street
# itself starts with its number ("at 5521 119 Countess Close").
_BARE_NUMBER_BEFORE = re.compile(rf"(?:^|\n){_LINE_LEAD}(\d{{1,6}}[ \t]+)$")
_NUMBER_BEFORE_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,6}[ \t]+)$")
# The postcode and town right after a street on the same line, in any case: "rue texier, 83250 boutin", "15 rue
# des Lilas 69003 Lyon". The town is made of up to four words, until a stop word ("pour", "vu") or punctuation.
_SAME_LINE_POSTCODE_TOWN = re.compile(
    rf"(?:[ \t]*,[ \t]*|[ \t]+)(?:F-)?\d{{5}}(?P<town>(?:(?:[ \t]+|-)[{LETTER}][{LETTER}'’]*){{1,4}})(?![{LETTER}\d])"
)
# The town after a unit on the same line: "Suite 274 Ljubljana", "Apt. 833 Milford New Zealand".
_UNIT_AT_END = re.compile(r"(?i:apt|apartment|suite|ste|unit)\.?[ \t]*#?[ \t]*\d{1,5}[A-Za-z]?$")
_SAME_LINE_TOWN_AFTER_UNIT = re.compile(rf"[ \t]*,?[ \t]*{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}")
_LAST_WORD = re.compile(rf"[ \t,]+([{LETTER}]+)[ \t,]*$")
_TOWN_WORD_IN = re.compile(rf"[{LETTER}][{LETTER}'’]*")
_TOWN_PARTICLES = frozenset(
    {"sur", "sous", "les", "la", "le", "de", "du", "des", "en", "saint", "sainte", "st"}
)
# A street named after people: a place preposition before the name(s), a house number after them that ends the
# phrase (punctuation, a street abbreviation, or a preposition): not "to Martin 3 cycles", not "Smith 2010".
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w-])(?i:on|at|to|along|near|off|of|from|via|into|onto)[ \t]+(?:(?i:the)[ \t]+)?$"
)
_HOUSE_NUMBER_AFTER = re.compile(
    r"[ \t]+(?!(?:1[89]|20)\d\d(?!\d))\d{1,5}[A-Za-z]?"
    r"(?:[ \t]+(?:St|Str|Rd|Ave|Blvd)\.?)?"
    r"(?=[ \t]*(?:[.,;:)!?]|\n|$)|[ \t]+(?:in|for|and|until|before|after|or|at|on|from|with)(?![\w-]))"
)
_TRAILING_NUMBER = re.compile(r"[ \t]+\d{1,5}[A-Za-z]?$")
_ACRONYM_AT_END = re.compile(rf"(?<![{LETTER}])[{UPPER}]{{2,}}$")
_NAMES_JOINER = re.compile(r"[ \t]+(?:and|&|et)[ \t]+$")
# A house number before its street word: "5, avenue", "12 bis rue".
_HOUSE_NUMBER = r"\d{1,4}(?:[ \t]?(?i:bis|ter))?,?[ \t]+"
_STREET_WORD_FIRST = re.compile(
    rf"(?:{_HOUSE_NUMBER})?(?i:rue|avenue|boulevard|bd|all[ée]e|chemin|impasse|place|quai|route|street|road)"
    r"[ \t]+\w"
)
_HOUSE_NUMBER_BEFORE = re.compile(rf"(?<![\w.,/-]){_HOUSE_NUMBER}$")


class AddressBlocks:
    """`any_case`: the text was typed without capitals (read in its capitalised copy, see truecasing), so the lines
    of a block may hold lower-case words; lines of such words only are weak lines, kept when a postcode follows."""

    def __init__(
        self, vocabulary: ClinicalVocabulary, dictionary: frozenset[str], any_case: bool = False
    ) -> None:
        self.vocabulary = vocabulary
        self.dictionary = dictionary
        self.any_case = any_case
        self._address_line = _ANY_CASE_ADDRESS_LINE if any_case else _ADDRESS_LINE
        self._postcode_line = _ANY_CASE_POSTCODE_LINE if any_case else _POSTCODE_LINE

    def extend(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        out = []
        for c in self._streets_named_after_people(text, candidates):
            if c.type in (LOCATION, PERSON) and _STREET_WORD_FIRST.match(text, c.start, c.end):
                # spaCy's "rue texier" is a street, not a town; "avenue charlotte brunet", typed in lower case, is
                # not a person. The span may run on into the sentence ("pour"), and the house number before it
                # is the street's ("5, avenue charlotte brunet").
                number = _HOUSE_NUMBER_BEFORE.search(text, max(0, c.start - 12), c.start)
                if number is not None:
                    c = replace(c, start=number.start())
                end = c.end
                while (last := _LAST_WORD.search(text, c.start, end)) and fold(
                    last.group(1)
                ) in name_stopwords():
                    end = last.start()
                c = replace(c, type=STREET_ADDRESS, end=end)
            out.append(self._extend_one(text, c) if c.type == STREET_ADDRESS else c)
        return out

    def _streets_named_after_people(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """Names before a house number and after a place preposition become the street they name; two names
        joined by "and" make one street ("Leon and Eyrarodda 66"). Not dictionary words that spaCy took for a
        name: "to Grade 3"."""
        people = sorted((c for c in candidates if c.type == PERSON), key=lambda c: c.start)
        streets: dict[int, Candidate] = {}  # id of the last name of the street -> the street
        merged: set[int] = set()
        for i, c in enumerate(people):
            # spaCy's span may hold the number already ("Joaquin Suarez 2906"): a name has none.
            trailing = _TRAILING_NUMBER.search(text, c.start, c.end)
            name_end = trailing.start() if trailing else c.end
            number = _HOUSE_NUMBER_AFTER.match(text, name_end)
            if number is None or _ACRONYM_AT_END.search(text, c.start, name_end):
                continue  # "Therapy-MONARCH 2", "KEYNOTE 189": a trial's acronym and number
            start, first = c.start, c
            if i > 0 and _NAMES_JOINER.fullmatch(text, people[i - 1].end, c.start):
                start, first = people[i - 1].start, people[i - 1]
            if _PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 30), start) is None:
                continue
            if all(w.lower() in self.dictionary for w in _WORD.findall(text, start, name_end)):
                continue
            streets[id(c)] = replace(c, type=STREET_ADDRESS, start=start, end=number.end())
            merged.add(id(first))
        return [streets.get(id(c), c) for c in candidates if id(c) in streets or id(c) not in merged]

    def _extend_one(self, text: str, cand: Candidate) -> Candidate:
        start, end = cand.start, cand.end
        town = _SAME_LINE_POSTCODE_TOWN.match(text, end)
        if town is not None:
            end = self._town_end(text, town)
            cand = replace(cand, end=end)
        elif _UNIT_AT_END.search(text, start, end):
            town_end = self._town_after_unit(text, end)
            if town_end is not None:
                end = town_end
                cand = replace(cand, end=end)
        lead = _BARE_NUMBER_BEFORE.search(text, max(0, start - 20), start)
        if lead is None and text[start : start + 1].isdigit():
            lead = _NUMBER_BEFORE_NUMBER.search(text, max(0, start - 20), start)
        if lead is not None:
            start = lead.start(1)
        newline = text.find("\n", end)
        if newline == -1 or text[end:newline].strip(" \t,."):
            return replace(cand, start=start)
        # Lines of the block: (end offset, strong). A line with a postcode or an unknown word is strong; a line
        # of dictionary words only ("Charleroi", "Port Hope": the English tables list many places) is kept only
        # when a strong line follows it, so a heading after a street line ("Diagnosis") is never taken.
        lines: list[tuple[int, bool]] = []
        pos = newline
        while len(lines) < MAX_TAIL_LINES and pos < len(text):
            line_start, blank = pos + 1, False
            line_end = _line_end(text, line_start)
            if not text[line_start:line_end].strip():
                # One blank line may sit before the last line, but only if that line ends with a postcode.
                blank, line_start = True, line_end + 1
                line_end = _line_end(text, line_start)
            line = text[line_start:line_end]
            pattern = self._postcode_line if blank else self._address_line
            if len(line) > MAX_LINE_CHARS or not pattern.fullmatch(line):
                break
            kind = self._line_kind(line)
            if kind is None:
                break
            lines.append((line_start + len(line.rstrip(" \t,")), kind))
            pos = line_end
            if blank:
                break
        strong = [i for i, (_, is_strong) in enumerate(lines) if is_strong]
        if strong:
            end = lines[strong[-1]][0]
        return replace(cand, start=start, end=end)

    def _town_after_unit(self, text: str, end: int) -> int | None:
        """End of the town right after a unit on its line, up to the first stop word ("Suite 4 Dr Smith" has
        none); only a town no dictionary knows, or with a postcode: not "Suite 3 Radiology"."""
        after_unit = _SAME_LINE_TOWN_AFTER_UNIT.match(text, end)
        if after_unit is None:
            return None
        town_end = end
        for m in _TOWN_WORD_IN.finditer(text, end, after_unit.end()):
            if fold(m.group()) in name_stopwords():
                break
            town_end = m.end()
        if town_end == end or self._line_kind(text[end:town_end]) is not True:
            return None
        return town_end

    @staticmethod
    def _town_end(text: str, town: re.Match) -> int:
        """End of the town after the postcode: its words up to the first stop word (a particle is kept only
        inside the name: "Boutin-sur-Mer", not "Boutin pour")."""
        end = town.start("town")
        words = list(_TOWN_WORD_IN.finditer(text, town.start("town"), town.end()))
        for i, m in enumerate(words):
            if not _is_town_word(m.group()):
                break
            if fold(m.group()) in _TOWN_PARTICLES and (
                i + 1 == len(words) or not _is_town_word(words[i + 1].group())
            ):
                break
            end = m.end()
        return end

    def _line_kind(self, line: str) -> bool | None:
        """None: not an address line. True: strong (postcode or unknown word). False: dictionary words only."""
        words = _WORD.findall(line)
        digits = sum(ch.isdigit() for ch in line)
        if line.strip(" \t,").lower() in _EMPTY_FIELDS:
            # A spreadsheet's empty field ("Tujetsch", "nan", "7188"): kept if a postcode follows.
            return False
        if not any(ch.isupper() for ch in line) and not digits:
            # Lower-case words only: running text, unless nothing in the text has capitals.
            return False if self.any_case else None
        if digits > 8 or len(_DIGIT_GROUP.findall(line)) > (1 if self.any_case else 2):
            # A phone or fax number line; in lower case, a line of words and two numbers is one ("781 1704 office").
            return None
        long_words = [w for w in words if len(w) > 3]
        if any(fold(w) in name_stopwords() for w in long_words) or self.vocabulary.protected_spans(line):
            return None
        if digits:
            return True
        return any(w.lower() not in self.dictionary for w in long_words)


def _is_town_word(word: str) -> bool:
    return fold(word) not in name_stopwords() or fold(word) in _TOWN_PARTICLES


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end
