"""A name as the subject of a verb that only people do: "Asya spent a year at...", "Timotea lives on...",
"Kowalczyk reports less pain", "Durand signale des douleurs", "said Maslin to Antonio"; or of a trait of
character: "Shovda is very reliable", "Why is Glyceria so impulsive?", "Maëlys est très gentille".

spaCy's small models miss a lone given or family name it has not seen, mostly at the start of a sentence where
capitals say nothing. The verb is the evidence: places, drugs and tests do not live, say, deny or complain, nor
are they impulsive or polite. The name itself must hold a word that is not a dictionary word, or a name that is
one ("Dexter lives on...", "says Mayor.": first_names_wordlike.txt, surnames_wordlike.txt; see
POSITIONAL_NAME_RECOGNIZERS and PERSON_POSITION_RECOGNIZERS), and drugs, genes and eponyms are vetoed by the
clinical vocabulary.

Other positions that only a person takes are read the same way: "Dupont is a 67-year-old man", "says Wastuti.",
"said Castelli to Blanc", "shouted at Fainche", "follow up with Antoniu Aanei", "rendez-vous avec Mme Kerboul",
"Khan, can I speak to your boss?", "songwriter Ade Rahimah", and the maker of a work ("a song by Mocanu",
"starring Rozītis", "the Kubo novel", "a Mare Lumiste concert").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, PARTICLE, UPPER
from guardrails.phi.types import PERSON

_NOT_STOP = not_stopword(LETTER)
# Capitalised words only (an acronym such as "SEER reported" is an organisation), an initial between them.
_WORD = rf"{_NOT_STOP}[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"
# After a particle any capitalised word is a name word, a stopword too: "Willemine ten Pas".
_NAME = rf"{_WORD}(?:[ \t]+(?:[{UPPER}]\.?[ \t]+)?(?:{PARTICLE}[ \t]+[{UPPER}][{LOWER}'’]+|{_WORD})){{0,2}}"
_HUMAN_VERB = (
    r"lives|lived|resides|resided|spent|says|said|tells|told|shouted|asks|asked|replies|replied|reports|reported|"
    r"states|stated|denies|denied|complains|complained|explains|explained|works|worked|wants|wanted|feels|felt|"
    r"thinks|thought|believes|believed|agrees|agreed|declines|declined|refuses|refused|prefers|preferred|"
    r"smokes|smoked|began|married|was\s+born|talks|talked|speaks|spoke|(?:is|was|will\s+be)\s+(?:talking|speaking)|"
    # "Ziajka is from Cloudmade": drugs and tests come from somewhere too, but they are vetoed or dictionary words.
    r"(?:is|was)\s+from|"
    r"habite|vit|vivait|travaille|travaillait|dit|d[ée]clare|rapporte|signale|explique|se\s+plaint|refuse|"
    r"souhaite|pr[ée]f[èe]re|fume|est\s+n[ée]e?"
)
# Traits of character. Words also said of tumours, drugs or tests ("aggressive", "sensitive", "responsible",
# "active") are left out; "reliable" is said of a test too, which the non-dictionary-word rule covers ("the
# assay is reliable"), and drug names are vetoed by the clinical vocabulary.
_TRAIT = (
    r"reliable|unreliable|impulsive|honest|dishonest|friendly|unfriendly|rude|polite|impolite|shy|lazy|clever|"
    r"funny|generous|selfish|stubborn|loyal|ambitious|arrogant|cheerful|grumpy|moody|brave|caring|charming|"
    r"considerate|courageous|dependable|diligent|easygoing|hardworking|hard-working|helpful|humble|jealous|"
    r"modest|punctual|sincere|sociable|talkative|thoughtful|trustworthy|witty|bossy|outgoing|gullible|greedy|"
    r"gentil|gentille|sympathique|aimable|courageux|courageuse|ponctuel|ponctuelle|bavard|bavarde|t[êe]tu|t[êe]tue"
)
_DEGREE = r"(?:(?:so|very|always|really|quite|extremely|too|never|si|tr[èe]s|toujours|vraiment|trop)[ \t]+)?"
_IS = r"(?:is|was|seems|est|[ée]tait|semble)"
# "… is a 67-year-old man", "… is a very sympathetic person": a noun only said of people, a few words after "a".
_PERSON_NOUN = (
    r"person|man|woman|boy|girl|guy|lady|gentleman|child|kid|teenager|patient|patiente|homme|femme|enfant|"
    r"gar[çc]on|fille|dame|monsieur"
)
_SPEECH_VERB = (
    r"said|says|asked|asks|replied|replies|answered|answers|shouted|shouts|whispered|whispers|added|adds|"
    r"explained|explains|wrote|writes|noted|notes|recalled|recalls|insisted|insists|admitted|admits"
)
# Acts aimed at someone: "shouted at Fainche", "smiled at Anna".
_AT_PERSON = r"shouted|yelled|screamed|smiled|waved|winked|glared|laughed|stared"
# Meeting or talking with someone: "follow up with Antoniu Aanei", "appointment with Kerboul", "assistant to Thea
# Lorch". Departments and tests are dictionary words or acronyms, which the plausibility check drops.
_WITH_PERSON = (
    r"follow(?:ed|s|ing)?[ \t-]*up[ \t]+with|appointment[ \t]+with|meeting[ \t]+with|consultation[ \t]+with|"
    r"(?:spoke|speak|speaks|speaking|talked|talk|talks|talking|met|meet|meets)[ \t]+(?:to|with)|"
    r"assistant[ \t]+to|married[ \t]+to|rendez-vous[ \t]+avec|rdv[ \t]+avec|consultation[ \t]+avec|"
    r"(?:parl[ée]|discut[ée])[ \t]+avec"
)
# The maker of a work: "a song by ex-Zombie Mocanu", "directed by Brad L Key and starring Key".
_WORK = (
    r"song|songs|novel|book|film|movie|album|poem|play|painting|track|single|record|concert|biography|memoir"
)
_MADE_BY = (
    rf"(?:{_WORK})[ \t]+by(?:[ \t]+ex-[{LETTER}]+)?|starring|featuring|"
    r"(?:directed|written|produced|composed|performed|sung|painted|narrated|illustrated)[ \t]+by"
)
# A trade or role said before the name: "songwriter Ade Rahimah", "surgeon Kowalczyk", "l'infirmière Nadia".
_OCCUPATION = (
    r"songwriter|singer|author|writer|novelist|actor|actress|director|producer|painter|poet|composer|guitarist|"
    r"drummer|journalist|lawyer|attorney|nurse|surgeon|oncologist|physician|radiologist|pathologist|colleague|"
    r"infirmi[èe]re|infirmier|chirurgien(?:ne)?|oncologue|coll[èe]gue|psychologue|di[ée]t[ée]ticienne?|"
    r"kin[ée]sith[ée]rapeute|kin[ée]|assistante?[ \t]+sociale?"
)
# A work or fan named after its maker: "the Kubo novel", "a Mare Lumiste concert", "a huge Emma Reed fan".
_NAMED_WORK = r"novel|film|movie|album|song|concert|biography|memoir|fan|tribute|gig"
# Not after an article: "the Oncotype reported" names a test, "le Samu signale" a service.
_NO_ARTICLE = r"(?<!(?i:\b(?:the|a|an|this|that|le|la|les|un|une|du|des|ce|cette))[ \t]+)"


class ActingNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "name_then_human_verb",
            rf"{_NO_ARTICLE}(?<![\w'’.-]){_NAME}(?=[ \t]+(?:{_HUMAN_VERB})(?![\w-]))",
            0.6,
        ),
        Pattern(
            "name_then_trait",
            rf"{_NO_ARTICLE}(?<![\w'’.-]){_NAME}(?=[ \t]+{_IS}[ \t]+{_DEGREE}(?:{_TRAIT})(?![\w-]))",
            0.6,
        ),
        # The question form: "Why is Glyceria so impulsive?", "Is Ari always so punctual?".
        Pattern(
            "trait_question",
            rf"(?<=(?<![\w-])(?i:is|was)[ \t]+){_NAME}(?=[ \t]+{_DEGREE}(?:{_TRAIT})(?![\w-])[^\n.!?]*\?)",
            0.6,
        ),
        Pattern(
            "name_is_a_person_noun",
            rf"{_NO_ARTICLE}(?<![\w'’.-]){_NAME}(?=[ \t]+{_IS}[ \t]+(?:a|an|une?)[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?"
            rf"(?i:{_PERSON_NOUN})(?![\w-]))",
            0.6,
        ),
        # The same verbs of speech with the speaker after them: "…, said Maslin to Antonio", "says Wastuti.".
        Pattern(
            "speech_verb_then_name",
            rf"(?<=(?<![\w-])(?:{_SPEECH_VERB})[ \t]+){_NAME}(?=[ \t]+to(?![\w-])|[ \t]*[,.;!?\"”]|[ \t]*$)",
            0.6,
        ),
        # …and the one spoken to: "said Castelli to Blanc".
        Pattern(
            "speech_verb_name_to_name",
            rf"(?<=(?<![\w-])(?:{_SPEECH_VERB})[ \t]+{_NAME}[ \t]+to[ \t]+){_NAME}(?=[ \t]*[,.;!?\"”]|[ \t]*$)",
            0.6,
        ),
        Pattern("at_person", rf"(?<=(?<![\w-])(?:{_AT_PERSON})[ \t]+at[ \t]+){_NAME}(?![\w'’-])", 0.6),
        Pattern("with_person", rf"(?<=(?<![\w-])(?i:{_WITH_PERSON})[ \t]+){_NAME}(?![\w'’-])", 0.6),
        Pattern("occupation_then_name", rf"(?<=(?<![\w-])(?i:{_OCCUPATION})[ \t]+){_NAME}(?![\w'’-])", 0.6),
        Pattern("maker_of_a_work", rf"(?<=(?<![\w-])(?:{_MADE_BY})[ \t]+){_NAME}(?![\w'’-])", 0.6),
        Pattern(
            "work_named_after_maker",
            rf"(?<=(?<![\w-])(?i:a|an|the|that|this)[ \t]+(?:(?i:huge|big|great|early|late|classic|new|old)[ \t]+)?)"
            rf"{_NAME}(?=[ \t]+(?:{_NAMED_WORK})(?![\w-]))",
            0.6,
        ),
        # Spoken to, at the start of a question: "Khan, can I please speak to your boss?".
        Pattern(
            "vocative_question",
            rf"(?:^|(?<=[.!?][ \t]+))[ \t\"“]*\K{_NAME}(?=,[ \t]+(?i:can|could|would|will|may|do|did|are|have|please|"
            rf"what|where|when|how|why|is|was)(?![\w-])[^\n.!?]*\?)",
            0.6,
        ),
    ]
