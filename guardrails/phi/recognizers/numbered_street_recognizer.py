"""A street named without a street word, between a building number and its own number, as addresses of Central
and Northern Europe are often written or pasted: "641 Dašická 688, Turkovice", "5850 Jana Nerudy 894" then a
line break, "4241 Steinfelden 73"; or after a word that introduces a place: "meet me at Kraljevec 5b".

Two numbers around one to three capitalised words, ending the line or followed by a comma, is the shape of a
street line; the words must hold one that is not a dictionary word (POSITIONAL_NAME_RECOGNIZERS), and the first
number has two digits at least: "2 Tablets 500," and "12 Grade 3," stay. The lines of the block after it are
added by AddressBlocks.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.ner_plausibility import NAME_LETTER
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, UPPER
from guardrails.phi.types import STREET_ADDRESS

# Not a unit of an address, a place in a hospital or a dose: "71 Suite 838", "12 Cycle 3", "1200 Units 4".
_NOT_A_STREET = (
    r"(?!(?i:suite|ste|apt|apartment|unit|units|room|box|floor|bed|ward|cycle|day|week|grade|stage|dose|tablets?|"
    r"capsules?|doses?|times|vials?|patients?)(?![\w-]))"
)
_CAP = rf"{_NOT_A_STREET}[{UPPER}][{LETTER}'’.-]*"
# Postcodes of Europe and Latin America: "8479", "12345", "026 61", "4700-123", "00-950", "1234 AB".
_POSTCODE = r"(?:\d{4,5}|\d{3}[ ]\d{2}|\d{4}-\d{3}|\d{2}-\d{3}|\d{4}[ ]?[A-Z]{2}(?![\w]))"


class NumberedStreetRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = STREET_ADDRESS
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        # A street and its number after a word that introduces a place, ending the phrase: "Meet me at Kraljevec
        # 5b", "Please return to Jadranska 6a/8 in case", "Address:\nMikkelsenmyra 485.". Not a year ("in
        # Lancet 2005"), not a trial's acronym ("in ABCSG 12"), and the words must hold one no dictionary knows:
        # "at Cycle 3", "to Grade 2" stay.
        Pattern(
            "place_word_street_number",
            rf"(?<=(?<![\w-])(?:at|to|on|in|from|near|into|via|(?i:address|adresse)[ \t]*:[ \t]*\n?)[ \t]+)"
            rf"(?=[{UPPER}][{LOWER}]){_CAP}(?:[ \t]+{_CAP}){{0,2}},?[ \t]+(?!(?:1[89]|20)\d\d(?!\w))\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}}[A-Za-z]?)?"
            rf"(?=[ \t]*(?:[,.;:!?)]|\n|$)|[ \t]+(?:in|last|after|before|for|and|on|at|to|(?i:street|st\.?))(?![\w-]))",
            0.45,
        ),
        # A street named by one word spelled with a letter English and French words do not use, and its number,
        # ending the phrase: "Košická 1" on a line of a block, "here they are: Tuškanac 4b, and ...".
        Pattern(
            "name_shaped_street_number",
            rf"(?<![\w.,/:-]){_NOT_A_STREET}(?=[{UPPER}])(?=[{LETTER}'’-]*?{NAME_LETTER})[{LETTER}'’-]+"
            rf"(?:[ \t]+{_CAP}){{0,2}}[ \t]+"
            rf"\d{{1,5}}[A-Za-z]?(?:[/-]\d{{1,4}}[A-Za-z]?)?(?=[ \t]*(?:[,.;:!?)]|\n|$)|[ \t]+(?i:st|str|street)\b)",
            0.45,
        ),
        # A line of its own holding a name and a number, as in an address block: "Pagari 18", "Joaquin Suarez
        # 2906", "Nieuwe Baan 473". Doses and scores on a line ("Cisplatine 75", "Gleason 7") are vetoed by the
        # clinical vocabulary, and the words must hold one no dictionary knows: "Annexe 2" stays.
        Pattern(
            "street_line",
            rf"(?:^|(?<=\n))[ \t>*•?-]*\K{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}}[A-Za-z]?)?"
            rf"(?=[ \t]*(?:\n|$))",
            0.45,
        ),
        # A street and number, then the postcode and town after a comma, as Nordic, Dutch, Central European and
        # Portuguese addresses are written on one line: "Bergeekra 31F, 8479 Espenfjord", "Jahu 80, 12345 Liiva",
        # "Rua Igreja 25, 4700-123 Braga".
        Pattern(
            "street_number_postcode_town",
            rf"(?<![\w.,/:-]){_CAP}(?:[ \t]+(?:{_CAP}|[{LOWER}]{{1,3}})){{0,3}}[ \t]+\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}}[A-Za-z]?)?[ \t]*,[ \t]*"
            rf"(?!(?:19|20)\d\d(?!\d)){_POSTCODE}[ \t]+[{UPPER}][{LETTER}'’-]+(?:[ \t]+[{UPPER}][{LETTER}'’-]+){{0,2}}",
            0.45,
        ),
        Pattern(
            "number_name_number",
            rf"(?<![\w.,/:-])\d{{2,6}}[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+\d{{1,4}}[A-Za-z]?"
            rf"(?=[ \t]*(?:,|\n|$))",
            # Below the other address patterns: Presidio drops a result inside another of the same type
            # with a higher or equal score, and this one may still be dropped by the plausibility check.
            0.45,
        ),
    ]
