"""Regex fragments shared by several recognizers (month names, name words, titles)."""

from __future__ import annotations

# Unicode letter classes (the `regex` module, which Presidio uses), for use inside [...]: Latin-1 ranges alone
# missed Central European names and streets ("Živković", "Jeknić", "Maneeži 75").
UPPER = r"\p{Lu}"
LOWER = r"\p{Ll}"
LETTER = f"{UPPER}{LOWER}"

MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
MONTHS_FR = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre|janv|févr|fevr|fév|fev|avr|juil|déc"
)
# Longest alternatives first so "sept" wins over "sep" and "juillet" over "juil".
MONTH = (
    "(?:" + "|".join(sorted(set((MONTHS_EN + "|" + MONTHS_FR).split("|")), key=len, reverse=True)) + r")\.?"
)
# Without a year, "3 may be", "sept 2" (French seven) and "mar" (Tuesday) are not dates: "May" needs its capital.
MONTH_WITHOUT_YEAR = (
    "(?:(?-i:May)|"
    + "|".join(
        sorted(
            set((MONTHS_EN + "|" + MONTHS_FR).split("|")) - {"may", "mar", "sept", "sep"},
            key=len,
            reverse=True,
        )
    )
    + r")\.?"
)
WEEKDAY = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+)"
)
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er)?"

# A capitalised or upper-case name word: Dupont, DUPONT, O'Brien, Jean-Luc, McDonald, N'Diaye, J.
NAME_WORD = rf"(?:[{UPPER}]\.|[{UPPER}][{LETTER}'’]*(?:-[{LETTER}][{LETTER}'’]*)*(?<![’'])(?![\w]))"
PARTICLE = r"(?:de|du|des|da|di|del|della|van|von|der|den|ten|le|la|ben|bin|ibn|el|al|dos|das|y|d['’]|l['’])"
# Up to four name words, with particles ("Jean de La Fontaine") and single spaces or hyphens, never a newline.
NAME_SEQUENCE = rf"{NAME_WORD}(?:(?:[ \t]+{PARTICLE})?[ \t]+{NAME_WORD}){{0,3}}"

# Case-sensitive abbreviations, case-insensitive full words. "M." needs its dot (M alone is a unit/letter).
TITLE = (
    r"(?:(?:Dr|Drs|Dre|Pr|Prof|Mme|Mmes|Mlle|Mr|Mrs|Ms|Mx|MM|DR|PR|MME|MR|MRS)\.?"
    r"|M\."
    # Typed or dictated notes lose capitals: "ms. Quinzia", "dr. lopez". The dot is required, and no number
    # before it: "QRS 120 ms. Echo" is a duration.
    r"|(?<!\d[ \t]?)(?:dr|mr|mrs|ms)\."
    r"|(?i:docteure?|professeure?|madame|monsieur|mademoiselle|doctor|professor|miss))"
)

# The words that label a postcode: "zip code is", "code postal :", Brazil's "CEP". The address recognizer takes the
# code after them; the record-number recognizer leaves it alone.
POSTCODE_LABEL = r"(?i:zip|zip\s+code|zipcode|post\s*code|postal\s+code|code\s+postal|cep)"
