"""Names in a claim that the evidence must also name: drugs, regimens, genes, acronyms, proper nouns.

Cheap by design: a drug is recognised by its INN stem ("-mab", "-platin") or a short list of regimens and common
agents; a proper noun by its capital letter away from the start of the sentence; a code by mixing letters and
digits ("HER2", "BRCA1", "5-FU", "T3N1"). A name counts as present when its folded form, or its stem, is in the
evidence; a hyphenated name ("R-CHOP") also when all of its parts are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guardrails.verification.lexical import STOPWORDS, LexicalView, fold, stem

# International Nonproprietary Name stems of anticancer and common supportive drugs (folded).
DRUG_SUFFIXES: tuple[str, ...] = (
    "mab",
    "nib",
    "platin",
    "platine",
    "taxel",
    "rubicin",
    "rubicine",
    "mycin",
    "mycine",
    "citabine",
    "fluorouracil",
    "mustine",
    "lisib",
    "parib",
    "ciclib",
    "limus",
    "rafenib",
    "tecan",
    "zomib",
    "lutamide",
    "trozole",
    "strant",
    "relin",
    "reline",
    "plase",
    "fosfamide",
    "tepa",
    "trexate",
    "trexed",
    "blastine",
    "cristine",
    "poside",
    "setron",
    "sone",
    "olone",
    "prazole",
    "floxacin",
    "cillin",
    "cilline",
    "statin",
    "sartan",
    "pril",
    "olol",
    "azole",
    "parin",
    "parine",
    "xaban",
)
# Agents and regimens without a telling suffix (folded).
DRUG_NAMES: frozenset[str] = frozenset(
    """
    tamoxifen tamoxifene cisplatin carboplatin oxaliplatin capecitabine gemcitabine fluorouracil leucovorin
    folinic folfox folfiri folfirinox folfoxiri capox xelox xeliri chop r-chop abvd beacopp bep ec fec ac tc tch
    ac-t ddac methotrexate cyclophosphamide ifosfamide doxorubicin epirubicin etoposide irinotecan topotecan
    vincristine vinorelbine vinblastine paclitaxel docetaxel cabazitaxel pemetrexed temozolomide dacarbazine
    bleomycin mitomycin hydroxyurea imatinib letrozole anastrozole exemestane fulvestrant goserelin leuprorelin
    leuprolide abiraterone enzalutamide bicalutamide lenalidomide thalidomide pomalidomide bortezomib
    dexamethasone prednisone prednisolone ondansetron aprepitant filgrastim pegfilgrastim morphine oxycodone
    fentanyl aspirin warfarin heparin metformin interferon bcg everolimus sirolimus olaparib niraparib
    """.split()
)
_NAME_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


def is_drug(folded_word: str) -> bool:
    return folded_word in DRUG_NAMES or (
        len(folded_word) > 5 and any(folded_word.endswith(s) for s in DRUG_SUFFIXES)
    )


@dataclass(frozen=True)
class Entity:
    text: str  # as written
    kind: str  # "drug", "code", "acronym", "name"


def find_entities(text: str) -> tuple[Entity, ...]:
    """Names in a sentence (citation markers must be removed first)."""
    found: dict[str, Entity] = {}
    for i, match in enumerate(_NAME_RE.finditer(text)):
        word = match.group(0)
        folded = fold(word)
        letters = sum(ch.isalpha() for ch in word)
        has_digit = any(ch.isdigit() for ch in word)
        kind: str | None = None
        if is_drug(folded) or any(is_drug(part) for part in folded.split("-")):
            kind = "drug"
        elif has_digit and letters:
            kind = "code"
        elif letters >= 2 and word.isupper():
            kind = "acronym"
        elif i > 0 and word[0].isupper() and folded not in STOPWORDS and len(folded) > 1:
            kind = "name"
        if kind:
            found.setdefault(folded, Entity(word, kind))
    return tuple(found.values())


def _name_parts(text: str) -> list[str]:
    """The parts of a name the evidence must contain, folded.

    A lower-case part of a hyphenated name is a modifier, not the name: "RAI-sensitive", "AD-related" and
    "OSA-specific" name RAI, AD and OSA. An acronym's plural ("GPs", "LNs") names the acronym."""
    raw = [p for p in re.split(r"[-'’]", text) if p]
    named = [p for p in raw if any(ch.isupper() or ch.isdigit() for ch in p) or is_drug(fold(p))]
    parts = []
    for part in named or raw:
        if len(part) > 2 and part.endswith("s") and part[:-1].isupper():
            part = part[:-1]
        folded = fold(part)
        if len(folded) > 1 or folded.isdigit():
            parts.append(folded)
    return parts


# An acronym of at least this many letters is present when the evidence spells it out: "ADR" ← "adverse drug
# reactions", "RCT" ← "randomised controlled trial". Shorter ones match too many word pairs by chance.
SPELLED_OUT_MIN_LETTERS = 3


def _spelled_out(acronym: str, evidence: LexicalView) -> bool:
    letters = acronym[:-1] if len(acronym) > 3 and acronym.endswith("s") else acronym
    if len(letters) < SPELLED_OUT_MIN_LETTERS or not (letters.isalpha() and letters.isupper()):
        return False
    letters = fold(letters)
    # Initials of the content words in order: "of", "and" and the like are not part of most acronyms.
    return letters in "".join(word[0] for word in evidence.content)


def entity_present(entity: Entity, evidence: LexicalView) -> bool:
    # Word-level, not substring: "AC" must not be found inside "accent".
    if all(p in evidence.words or stem(p) in evidence.stems for p in _name_parts(entity.text)):
        return True
    return _spelled_out(entity.text, evidence)


def missing_entities(entities: tuple[Entity, ...], evidence: LexicalView) -> tuple[Entity, ...]:
    return tuple(e for e in entities if not entity_present(e, evidence))
