"""The lexical view of a sentence: accent-folded tokens, light EN/FR stemming and content words.

The stemmer is deliberately crude (strip one plural, then one derivational suffix, then cut to 7 characters): it is
applied to claim and evidence alike, so it only has to map the inflections of one word together, not produce real
roots. Cross-language matching (a French claim over English evidence) is out of its reach; that is left to the
embedding, when the embedder is multilingual.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Function words of English and French, accent-folded. Modal verbs are included: the lexical check is about what a
# sentence talks about; the embedding carries the rest. Negation cues and yes/no are here too: the negation check
# compares them ("no difference" vs "did not differ" should not cost recall), and "Yes." alone is not a claim.
STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also although am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each either else etc even ever every
    few for from further had has have having he her here hers herself him himself his how however i if in into is
    it its itself just may me might more most much must my myself of off on once only or other our ours ourselves
    out over own per same shall she should since so some such than that the their theirs them themselves then
    there these they this those through thus to too under until up upon us very via was we were what when where
    whether which while who whom whose why will with within would yet you your yours yourself yourselves
    according based given including include includes included using used use also eg ie
    au aux avec ce ceci cela celle celles celui ces cet cette chez comme dans de des du elle elles en entre est et
    etaient etait etant ete etre eu eux il ils je la le les leur leurs lui ma mais me meme mes moi mon nos notre
    nous on ont ou par parmi pour qu que quel quelle quelles quels qui sa se ses si son sont sur ta te tes toi ton
    tous tout toute toutes tu un une unes uns vos votre vous sera seront serait peut peuvent doit doivent selon
    lors ainsi alors aussi donc car puis tres plus moins afin apres avant depuis pendant sous vers cas fait
    not no never without none neither nor cannot yes ne pas jamais aucun aucune sans ni rien non oui vs versus
    """.split()
)
# Words that frame a claim rather than make it ("our results suggest that", "les données montrent que"): an answer
# may add them freely, so they neither count for nor against support.
DISCOURSE_WORDS: frozenset[str] = frozenset(
    """
    study studies result results finding findings found find show shows showed shown suggest suggests suggested
    indicate indicates indicated demonstrate demonstrates demonstrated conclude concluded conclusion conclusions
    data evidence report reports reported present current overall therefore conclusion summary addition
    etude etudes resultat resultats donnees montre montrent suggere suggerent indique indiquent conclusion
    """.split()
)

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_PLURAL_MIN = 5
_STEM_MIN = 4
_STEM_LEN = 7
# Longest first: the first suffix that leaves a stem of _STEM_MIN characters is removed.
_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        """
        ational ations ation ements ement ments ment ities ite ity ness ings ing ives ive iques ique euses euse eux
        ies ied edly ers er ed ees ee es ly al aux e
        """.split(),
        key=len,
        reverse=True,
    )
)


def fold(text: str) -> str:
    """Lower-cased text without accents; compatibility forms folded too ("m²" → "m2", "ﬁ" → "fi")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def stem(token: str) -> str:
    """A light EN/FR stem of a folded token ("treatments", "treated", "treating" → "treat")."""
    if len(token) < _PLURAL_MIN or token.isdigit():
        return token
    if token[-1] in "sx" and not token.endswith("ss"):
        token = token[:-1]
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _STEM_MIN:
            token = token[: -len(suffix)]
            break
    return token[:_STEM_LEN]


def tokens(text: str) -> list[str]:
    """Folded word tokens, punctuation dropped ("l'oxaliplatine" → ["l", "oxaliplatine"])."""
    return _TOKEN_RE.findall(fold(text))


def is_content(token: str) -> bool:
    # Pure numbers are left to the quantity check, which knows about units and decimal commas.
    return len(token) > 1 and token not in STOPWORDS and token not in DISCOURSE_WORDS and not token.isdigit()


@dataclass(frozen=True)
class LexicalView:
    """What the lexical score and the entity check need to know about one text."""

    content: tuple[str, ...]  # stems of content words, in order
    content_set: frozenset[str]
    bigrams: frozenset[tuple[str, str]]  # adjacent content stems
    stems: frozenset[str]  # stems of every token, content or not
    words: frozenset[str]  # folded tokens, unstemmed

    @classmethod
    def of(cls, text: str) -> LexicalView:
        toks = tokens(text)
        content = tuple(stem(t) for t in toks if is_content(t))
        return cls(
            content=content,
            content_set=frozenset(content),
            bigrams=frozenset(zip(content, content[1:], strict=False)),
            stems=frozenset(stem(t) for t in toks),
            words=frozenset(toks),
        )

    def merged(self, other: LexicalView) -> LexicalView:
        """The view of two adjacent sentences read as one (evidence windows)."""
        content = self.content + other.content
        return LexicalView(
            content=content,
            content_set=self.content_set | other.content_set,
            bigrams=self.bigrams | other.bigrams,
            stems=self.stems | other.stems,
            words=self.words | other.words,
        )


def content_recall(claim: LexicalView, evidence: LexicalView) -> float | None:
    """Share of the claim's content words found in the evidence; None when the claim has none."""
    wanted = claim.content_set
    if not wanted:
        return None
    return len(wanted & evidence.content_set) / len(wanted)


def bigram_recall(claim: LexicalView, evidence: LexicalView) -> float | None:
    """Share of the claim's adjacent content-word pairs found adjacent in the evidence; None below two words."""
    wanted = claim.bigrams
    if not wanted:
        return None
    return len(wanted & evidence.bigrams) / len(wanted)
