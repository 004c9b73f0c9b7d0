"""Address blocks: a street line extended over the unit, town and country-postcode lines that follow it."""

from __future__ import annotations

import pytest

from guardrails.phi.address_blocks import AddressBlocks
from guardrails.phi.clinical_vocabulary import default_vocabulary
from guardrails.phi.entity_resolver import Candidate

pytestmark = pytest.mark.unit

# A tiny stand-in for the spaCy lemma tables: dictionary words make a line weak (a heading, not a town).
DICTIONARY = frozenset({"diagnosis", "breast", "cancer", "stage", "charleroi", "belgium", "follow"})


def extended(text: str, street: str) -> str:
    start = text.index(street)
    cand = Candidate("STREET_ADDRESS", start, start + len(street), 0.6, "AddressRecognizer")
    (out,) = AddressBlocks(default_vocabulary(), DICTIONARY).extend(text, [cand])
    return text[out.start : out.end]


CASES = [
    # an exported table's empty field between the town and the postcode
    (
        "3482 Via Franscini 71 Suite 838\n    Tujetsch\n    nan\n    7188",
        "3482 Via Franscini 71 Suite 838",
        "3482 Via Franscini 71 Suite 838\n    Tujetsch\n    nan\n    7188",
    ),
    # unit, town, then country and postcode
    (
        "Gregory K\n\n233 Erzsébet tér 19.\n Suite 282\n Domoszló\n Hungary 34796\n(37) 788-063-Office",
        "233 Erzsébet tér 19.",
        "233 Erzsébet tér 19.\n Suite 282\n Domoszló\n Hungary 34796",
    ),
    # a town that is a dictionary word is kept because a postcode line follows it
    (
        ">3654 Brixtonlaan 380\n>Suite 727\n>Charleroi\n>Belgium 42940",
        "3654 Brixtonlaan 380",
        "3654 Brixtonlaan 380\n>Suite 727\n>Charleroi\n>Belgium 42940",
    ),
    # one blank line before a final postcode line
    (
        "45818 P.O. Box 242\n Suite 787\n Kangerlussuaq\n\n Greenland 54005",
        "45818 P.O. Box 242",
        "45818 P.O. Box 242\n Suite 787\n Kangerlussuaq\n\n Greenland 54005",
    ),
    # a bare building number at the start of the line, or before a numbered street
    ("4596 Tylova 285\n", "Tylova 285", "4596 Tylova 285"),
    ("The restaurant is at 5521 119 Countess Close", "119 Countess Close", "5521 119 Countess Close"),
    # headings, clinical terms, phone lines, stop words and lower-case text end the block
    ("Address: 12 Main Street\nDiagnosis\nBreast cancer stage II", "12 Main Street", "12 Main Street"),
    ("12 Main Street\nHER2 positive\nDear Dr Smith", "12 Main Street", "12 Main Street"),
    ("APO AA 61487\n416 60 039 office\n+46 (0)8 928 571 38 fax", "APO AA 61487", "APO AA 61487"),
    ("12 Main Street\nDear Colleague,", "12 Main Street", "12 Main Street"),
    ("12 Main Street\nnan\nDiagnosis", "12 Main Street", "12 Main Street"),  # an empty field, then a heading
    # the town after a unit on the same line, up to a stop word; not a dictionary word or a title and name
    (
        "It's in 675 Forrest Hill Road Suite 833 Milford New Zealand",
        "675 Forrest Hill Road Suite 833",
        "675 Forrest Hill Road Suite 833 Milford New Zealand",
    ),
    ("376 Rákóczi út 13. Suite 104 Veszprém for the visit", "Suite 104", "Suite 104 Veszprém"),
    ("Room: Suite 4 Dr Smith saw her.", "Suite 4", "Suite 4"),
    ("Seen in Suite 3 Diagnosis clinic", "Suite 3", "Suite 3"),
    # not at the end of its line: nothing to extend
    ("12 Main Street, then\nParis 75012", "12 Main Street", "12 Main Street"),
]


@pytest.mark.parametrize(("text", "street", "expected"), CASES, ids=[c[2][:30] for c in CASES])
def test_address_block(text: str, street: str, expected: str) -> None:
    assert extended(text, street) == expected


def test_other_types_are_left_alone() -> None:
    text = "Jean Dupont\nParis 75012"
    cand = Candidate("PERSON", 0, 11, 0.85)
    assert AddressBlocks(default_vocabulary(), DICTIONARY).extend(text, [cand]) == [cand]


SAME_LINE_CASES = [
    # (text, span found, its type, expected address)
    (
        "vit au 44, rue charles, 63570 sainte édouard pour le suivi",
        "44, rue charles",
        "STREET_ADDRESS",
        "44, rue charles, 63570 sainte édouard",
    ),
    (
        "domicilié rue texier, 83250 boutin-sur-mer le 3",
        "rue texier",
        "LOCATION",
        "rue texier, 83250 boutin-sur-mer",
    ),
    ("12 Main Street 75013 Paris", "12 Main Street", "STREET_ADDRESS", "12 Main Street 75013 Paris"),
    # a town alone (spaCy's LOCATION) is not a street, and a count after a street is not a postcode
    ("né à Lyon, 69003 Lyon", "Lyon", "LOCATION", "Lyon"),
    ("12 Main Street, 150000 platelets", "12 Main Street", "STREET_ADDRESS", "12 Main Street"),
]


@pytest.mark.parametrize(("text", "found", "etype", "expected"), SAME_LINE_CASES)
def test_postcode_and_town_on_the_same_line(text: str, found: str, etype: str, expected: str) -> None:
    start = text.index(found)
    cand = Candidate(etype, start, start + len(found), 0.6, "SpacyRecognizer")
    (out,) = AddressBlocks(default_vocabulary(), DICTIONARY).extend(text, [cand])
    assert text[out.start : out.end] == expected
    assert out.type == ("LOCATION" if expected == "Lyon" else "STREET_ADDRESS")


STREETS_NAMED_AFTER_PEOPLE = [
    # (text, names found, expected spans as (type, text))
    (
        "He lives on the north side of Joaquin Suarez 2906.",
        ["Joaquin Suarez"],
        [("STREET_ADDRESS", "Joaquin Suarez 2906")],
    ),
    # spaCy's span may hold the number already
    (
        "He lives on the north side of Joaquin Suarez 2906.",
        ["Joaquin Suarez 2906"],
        [("STREET_ADDRESS", "Joaquin Suarez 2906")],
    ),
    (
        "Please return to Leon and Eyrarodda 66 in case of an issue.",
        ["Leon", "Eyrarodda"],
        [("STREET_ADDRESS", "Leon and Eyrarodda 66")],
    ),
    ("Pedestrians must enter on Hoge Wei 32 St. first", ["Hoge Wei"], [("STREET_ADDRESS", "Hoge Wei 32 St")]),
    # a year, a count with its unit, or no place preposition: the name stays a name
    ("Compared to Smith 2010, the rate fell.", ["Smith"], [("PERSON", "Smith")]),
    (
        "Progressed on Endocrine Therapy-MONARCH 2: A Trial",
        ["Endocrine Therapy-MONARCH"],
        [("PERSON", "Endocrine Therapy-MONARCH")],
    ),
    ("Sent to Marie Dupont 2 cycles later.", ["Marie Dupont"], [("PERSON", "Marie Dupont")]),
    ("Seen with Marie Dupont 2, then alone.", ["Marie Dupont"], [("PERSON", "Marie Dupont")]),
    # dictionary words spaCy took for a name are no street either
    ("Progressed to Stage 3.", ["Stage"], [("PERSON", "Stage")]),
    # a "person" that starts with a street word is the street, with the house number before it
    (
        "résidant au 5, avenue charlotte brunet, a été orienté",
        ["avenue charlotte brunet"],
        [("STREET_ADDRESS", "5, avenue charlotte brunet")],
    ),
    (
        "résidant au rue jérôme mercier, a été orienté",
        ["rue jérôme mercier"],
        [("STREET_ADDRESS", "rue jérôme mercier")],
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), STREETS_NAMED_AFTER_PEOPLE)
def test_streets_named_after_people(text: str, names: list[str], expected: list[tuple[str, str]]) -> None:
    candidates = [
        Candidate("PERSON", text.index(n), text.index(n) + len(n), 0.85, "SpacyRecognizer") for n in names
    ]
    out = AddressBlocks(default_vocabulary(), DICTIONARY).extend(text, candidates)
    assert [(c.type, text[c.start : c.end]) for c in out] == expected


def test_in_a_text_without_capitals_lower_case_lines_of_a_block_count_when_a_postcode_ends_it() -> None:
    text = "gyala antall\n>3369 24 Clarke avenue\n>apt. 805\n>pines beach\n>new zealand 34694\n>call me"
    street = "3369 24 Clarke avenue"
    start = text.index(street)
    cand = Candidate("STREET_ADDRESS", start, start + len(street), 0.8, "AddressRecognizer")
    (cased,) = AddressBlocks(default_vocabulary(), DICTIONARY, any_case=True).extend(text, [cand])
    assert (
        text[cased.start : cased.end] == "3369 24 Clarke avenue\n>apt. 805\n>pines beach\n>new zealand 34694"
    )
    # in a text with capitals, lower-case words are running text: the block ends with the street
    (plain,) = AddressBlocks(default_vocabulary(), DICTIONARY).extend(text, [cand])
    assert text[plain.start : plain.end] == street


def test_in_a_text_without_capitals_a_line_of_words_and_two_numbers_is_a_phone_line() -> None:
    text = "unit 1009 box 0219\ndpo ap 51065\n781 1704 office\n"
    street = "unit 1009 box 0219"
    cand = Candidate("STREET_ADDRESS", 0, len(street), 0.6, "AddressRecognizer")
    (out,) = AddressBlocks(default_vocabulary(), DICTIONARY, any_case=True).extend(text, [cand])
    assert text[out.start : out.end] == "unit 1009 box 0219\ndpo ap 51065"
