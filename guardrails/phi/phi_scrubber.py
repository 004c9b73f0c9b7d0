"""PhiScrubber: Presidio analyzer + our recognizers + clinical vocabulary + typed placeholders."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import Any, cast

import regex as re

from guardrails.language import detect_language
from guardrails.phi.clinical_vocabulary import ClinicalVocabulary, default_vocabulary
from guardrails.phi.date_shifter import shift_date
from guardrails.phi.engine_factory import (
    DEFAULT_SPACY_MODELS,
    NER_PERSON,
    SCORE_THRESHOLD,
    build_analyzer,
    build_anonymizer,
)
from guardrails.phi.entity_resolver import Candidate, apply_vocabulary, resolve_overlaps, tidy
from guardrails.phi.ner_plausibility import NerPlausibility, dictionary_from_spacy, inflections_from_spacy
from guardrails.phi.reidentification import reidentify
from guardrails.phi.scrub_session import ScrubSession
from guardrails.phi.truecasing import truecased, without_capitals
from guardrails.phi.types import (
    DATE,
    LOCATION,
    PERSON,
    STREET_ADDRESS,
    SUPPORTED_LANGUAGES,
    DetectedEntity,
    Language,
    ScrubResult,
)

_PLACE_PREPOSITION = re.compile(
    # "at", but not aimed at someone: "shouted at Gary", "smiled at Anna".
    r"(?<![\w-])(?i:in|(?<!(?:shouted|yelled|screamed|looked|stared|smiled|laughed|glanced|waved|pointed)\s+)at|near|"
    r"(?:flew|moved|travell?ed|returned|went|relocated)\s+to|"
    # Not "is from" or "was from": "the letter is from Mary Jones".
    r"(?:originally|comes|came)\s+from)[ \t]+$"
)


# Sources whose names may run into the next word, a clinical one included ("Anne souffre", "Louis sarcome"): the
# lower-case stopwords, verb forms and medical words at their ends are given back
# (NerPlausibility.without_common_edges).
_EDGE_TRIMMED_NAME_RECOGNIZERS = frozenset({"SpacyRecognizer", "FirstNameRecognizer"})
# Sources whose PERSON guesses become places after a place word, or before a place noun; names found by a cue
# (a title, a verb) stay persons ("seen at home by Dr Martin", "Dr Sandra Creek"), and a listed given name
# stays one after "from" ("a letter from John Smith").
_RETYPED_AFTER_PLACE_WORDS = frozenset(
    {"SpacyRecognizer", "NameShapedWordRecognizer", "KnownSurnameRecognizer"}
)
_RETYPED_BEFORE_PLACE_NOUNS = _RETYPED_AFTER_PLACE_WORDS | {"FirstNameRecognizer"}


# A journal's title in a reference, before its volume: "Ann Oncol 20 (1):", "J Thorac Cardiovasc Surg 120 (3):",
# "Lancet Oncol 22 (4):". "Ann" is a given name and "Oncol" a word no dictionary knows, so name recognizers take
# them, and every later "Oncol" would be copied as a name.
_JOURNAL_VOLUME_AFTER = re.compile(r"(?:[ \t]+\p{Lu}\p{Ll}*\.?){0,4}[ \t]+\d+[ \t]*[(:;]")
_VOLUME_ISSUE_AFTER = re.compile(r"[ \t]*[(:;]")


def _journal_title(text: str, start: int, end: int) -> bool:
    if _JOURNAL_VOLUME_AFTER.match(text, end):
        return True
    return text[end - 1].isdigit() and _VOLUME_ISSUE_AFTER.match(text, end) is not None


# Sources that guess a name from its capitals alone, which a capitalised copy of a text gives every word no dictionary
# knows ("Nontender", "Prepped", "Bovie"): in that copy only names found by a cue count (a verb, a title, a label,
# a middle initial).
# Lists of given and family names are left out too: in lower case, "gerd" and "ana" are acronyms as often.
_GUESSING_NAME_RECOGNIZERS = frozenset(
    {
        "SpacyRecognizer",
        "NameShapedWordRecognizer",
        "UnknownWordPairNameRecognizer",
        "LoneLineNameRecognizer",
        "FirstNameRecognizer",
        "KnownSurnameRecognizer",
    }
)

# What the capitalised copy is read for: names, and streets whose name the copy capitalised ("harjukuja 54",
# "3369 24 clarke avenue"); their recognizers need a capital or a street word, and a text typed without capitals
# gives neither.
_CASED_COPY_TYPES = frozenset({PERSON, STREET_ADDRESS})


# Sources whose names are relatives of someone named in the text ("sa fille Claire", "Maria's husband"): another
# person, whose given name is not to be taken for part of a name met before ("Mme Claire Dubois").
_RELATIVE_NAME_RECOGNIZERS = frozenset({"RelativeNameRecognizer"})


def _after_place_preposition(text: str, start: int) -> bool:
    """ "in Gdańsk", "travelled to Suurküla", "originally from Eckenroth": what starts at `start` follows words
    that introduce a place. The look-back holds the longest of them ("originally from ") with room for extra
    spaces."""
    return _PLACE_PREPOSITION.search(text, max(0, start - 24), start) is not None


# Texts per language whose new words spaCy keeps (see PhiScrubber.detect): a few MB at most.
VOCABULARY_LEARNING_TEXTS = 1000


class PhiScrubber:
    """Replaces identifiers in EN/FR clinical text by typed placeholders (`<PERSON_1>`, `<DATE_2>`...).

    The constructor is cheap: spaCy models and Presidio engines are built on the first text of each language
    and reused (thread-safe). `spacy_models` maps a language to an installed spaCy package ("en" ->
    "en_core_web_lg" if you installed it); models are never downloaded.

    Pass a `ScrubSession` (see `session()`) to several `scrub` calls so that the texts of one patient share
    placeholders and date offset; without one, each call starts a fresh session.

    spaCy adds the new words of the first `vocabulary_learning_texts` texts of each language to its vocabulary for
    good; later texts leave it as it was, so a server's memory stays bounded however many notes it scrubs.
    """

    def __init__(
        self,
        spacy_models: Mapping[str, str] | None = None,
        date_shift_days: int | None = None,
        score_threshold: float = SCORE_THRESHOLD,
        default_language: Language = "en",
        vocabulary_learning_texts: int = VOCABULARY_LEARNING_TEXTS,
    ) -> None:
        models = dict(DEFAULT_SPACY_MODELS)
        models.update(spacy_models or {})
        unknown = sorted(set(models) - set(SUPPORTED_LANGUAGES))
        if unknown:
            raise ValueError(
                f"Unsupported language(s) {unknown} in spacy_models; supported: {SUPPORTED_LANGUAGES}"
            )
        self.spacy_models = models
        self.date_shift_days = date_shift_days
        self.score_threshold = score_threshold
        self.default_language = default_language
        self._analyzers: dict[str, Any] = {}
        self._plausibility: dict[str, NerPlausibility] = {}
        self._anonymizer: Any = None
        self._vocabulary: ClinicalVocabulary | None = None
        self._lock = threading.Lock()
        # One text at a time per language: spaCy's memory zone (see detect) swaps the shared vocabulary's store,
        # which two threads must not do at once.
        self._zone_locks: dict[str, threading.Lock] = {lang: threading.Lock() for lang in SUPPORTED_LANGUAGES}
        self._learning_left = dict.fromkeys(SUPPORTED_LANGUAGES, max(0, vocabulary_learning_texts))

    # -- public API -------------------------------------------------------------------------------------------
    def session(self, date_shift_days: int | None = None) -> ScrubSession:
        """A new session; `date_shift_days` overrides the scrubber's default offset for this patient."""
        return ScrubSession(self.date_shift_days if date_shift_days is None else date_shift_days)

    def scrub(
        self, text: str, language: str | None = None, *, session: ScrubSession | None = None
    ) -> ScrubResult:
        if not isinstance(text, str):
            raise TypeError(f"scrub() needs a str, got {type(text).__name__}")
        lang = self._language(text, language)
        session = session if session is not None else self.session()
        if not text.strip():
            return ScrubResult(text=text, entities=[], language=lang, mapping={})
        candidates = self.detect(text, lang)
        return self._replace(text, lang, candidates, session)

    def detect(self, text: str, language: Language) -> list[Candidate]:
        """Final identifier spans (original offsets), before any replacement."""
        nlp = self._analyzer(language).nlp_engine.get_nlp(language)
        # spaCy keeps every new word it meets (names, numbers, dates) in its vocabulary for the life of the
        # process: a server scrubbing new notes and questions all day would grow without end. After the first
        # texts, which teach it the words of this clinic (kept: known words tokenize faster), each text runs in
        # a memory zone whose new words are dropped when it ends. Nothing made from the Doc leaves _detect but
        # offsets and str.
        with self._zone_locks[language]:
            if self._learning_left[language] > 0:
                self._learning_left[language] -= 1
                return self._detect(text, language)
            with nlp.memory_zone():
                return self._detect(text, language)

    def _detect(self, text: str, language: Language, cased_copy: bool = False) -> list[Candidate]:
        """`cased_copy`: `text` is the capitalised copy of a text typed without capitals (see truecasing), read
        for its names and streets only."""
        from guardrails.phi.address_blocks import AddressBlocks  # imports Presidio, hence here
        from guardrails.phi.name_propagation import coordinated_names, dialogue_speakers, repeated_names
        from guardrails.phi.recognizers import (
            NAME_LIKE_LOWER_WORD_RECOGNIZERS,
            NAME_LIKE_WORD_RECOGNIZERS,
            NAME_SHAPED_RUN_RECOGNIZERS,
            NAME_SHAPED_WORD_RECOGNIZERS,
            PERSON_POSITION_RECOGNIZERS,
            PLACE_YIELDING_NAME_RECOGNIZERS,
            POSITIONAL_NAME_RECOGNIZERS,
            TRUSTED_PATTERNS,
            WEAK_NAME_RECOGNIZERS,
        )

        analyzer = self._analyzer(language)
        artifacts = analyzer.nlp_engine.process_text(text, language)
        results = analyzer.analyze(
            text=text,
            language=language,
            score_threshold=self.score_threshold,
            return_decision_process=True,
            nlp_artifacts=artifacts,
        )
        raw: list[Candidate] = []
        for r in results:
            recognizer = r.recognition_metadata.get("recognizer_name", "") if r.recognition_metadata else ""
            pattern = getattr(r.analysis_explanation, "pattern_name", None) or ""
            trusted = (recognizer, pattern) in TRUSTED_PATTERNS
            etype = PERSON if r.entity_type == NER_PERSON else r.entity_type
            cand = tidy(text, Candidate(etype, r.start, r.end, r.score, recognizer, trusted))
            if cand is not None:
                raw.append(cand)
        protected = self.vocabulary.protected_spans(text)
        kept = apply_vocabulary(text, raw, protected)
        if cased_copy:
            kept = [
                c
                for c in kept
                if c.type in _CASED_COPY_TYPES and c.recognizer not in _GUESSING_NAME_RECOGNIZERS
            ]
        plausibility = self._plausibility[language]
        places = [(c.start, c.end) for c in kept if c.type == LOCATION]

        def plausible(c: Candidate) -> bool:
            # Names found by their position alone ("Asya spent a year", a line of its own) must hold a word
            # that is not a dictionary word, in English too; a line of its own gives way to a place found on
            # the same words (a town line). NER guesses are checked only outside headings in English.
            if c.recognizer in POSITIONAL_NAME_RECOGNIZERS:
                if c.recognizer in PLACE_YIELDING_NAME_RECOGNIZERS and any(
                    s <= c.start and c.end <= e for s, e in places
                ):
                    return False
                return plausibility.plausible(
                    text,
                    c.start,
                    c.end,
                    artifacts.tokens,
                    strict=True,
                    wordlike=c.recognizer in PERSON_POSITION_RECOGNIZERS,
                )
            if c.recognizer in NAME_SHAPED_WORD_RECOGNIZERS:
                return plausibility.name_shaped(text[c.start : c.end])
            if c.recognizer in NAME_LIKE_WORD_RECOGNIZERS:
                return all(plausibility.name_like(w) for w in text[c.start : c.end].split())
            if c.recognizer in NAME_LIKE_LOWER_WORD_RECOGNIZERS:
                return all(plausibility.name_like(w) for w in text[c.start : c.end].split() if w.islower())
            if c.recognizer in WEAK_NAME_RECOGNIZERS:
                return plausibility.plausible(text, c.start, c.end, artifacts.tokens)
            return True

        kept = [
            c
            for c in kept
            if plausible(c)
            and not (c.type == PERSON and not c.trusted and _journal_title(text, c.start, c.end))
        ]
        kept = [
            replace(c, start=edges[0], end=edges[1])
            if c.recognizer in _EDGE_TRIMMED_NAME_RECOGNIZERS
            and c.type == PERSON
            and (edges := plausibility.without_common_edges(text, c.start, c.end)) != (c.start, c.end)
            else c
            for c in kept
        ]
        # Names found by their shape alone (capitalised words no dictionary knows) keep only such words, and
        # give way to a listed town on the same words.
        towns = [(c.start, c.end) for c in kept if c.recognizer == "LocationRecognizer"]
        shaped = []
        for c in kept:
            if c.recognizer not in NAME_SHAPED_RUN_RECOGNIZERS:
                shaped.append(c)
                continue
            if plausibility.named_place(text, c.start, c.end, shaped=True):
                shaped.append(replace(c, type=LOCATION))  # "14 Crown Street Kishiev Squares"
                continue
            run = plausibility.name_shaped_run(text, c.start, c.end)
            if run is not None and not any(s < run[1] and run[0] < e for s, e in towns):
                # "in Villafranca del Cid", "at Gustave Roussy": after these, unknown words name a place.
                place = _after_place_preposition(text, run[0])
                shaped.append(replace(c, type=LOCATION if place else c.type, start=run[0], end=run[1]))
        # "flew to Suurküla", "in Gdańsk": a word shaped like a name, or a name spaCy guessed, after these names
        # a place; "Dora Creek", "Mathias Pass": a given name before a place noun names a street (still removed
        # either way; the type keeps the placeholder readable).
        kept = [
            replace(c, type=LOCATION)
            if c.type == PERSON
            and (
                (c.recognizer in _RETYPED_AFTER_PLACE_WORDS and _after_place_preposition(text, c.start))
                or (
                    c.recognizer in _RETYPED_BEFORE_PLACE_NOUNS
                    and plausibility.named_place(text, c.start, c.end)
                )
            )
            else c
            for c in shaped
        ]

        def strictly_plausible(start: int, end: int) -> bool:
            return plausibility.plausible(text, start, end, artifacts.tokens, strict=True)

        shaped_like_a_name = plausibility.name_shaped
        propagated = (
            repeated_names(text, kept, strictly_plausible, shaped_like_a_name)
            + coordinated_names(text, kept, strictly_plausible, shaped_like_a_name)
            + dialogue_speakers(text, kept, plausibility.name_like)
        )
        kept += apply_vocabulary(text, propagated, protected)
        kept = AddressBlocks(self.vocabulary, plausibility.dictionary, any_case=cased_copy).extend(text, kept)
        if not cased_copy and without_capitals(text):
            cased = truecased(text, plausibility.is_word, [(p.start, p.end) for p in protected])
            if cased != text:
                kept += [
                    c for c in self._detect(cased, language, cased_copy=True) if c.type in _CASED_COPY_TYPES
                ]
        return resolve_overlaps(text, kept)

    @staticmethod
    def reidentify(text: str, mapping: Mapping[str, str]) -> str:
        return reidentify(text, dict(mapping))

    def warm_up(self, languages: tuple[str, ...] = SUPPORTED_LANGUAGES) -> None:
        """Build the engines now (at application start) instead of on the first text."""
        for lang in languages:
            self.scrub(
                "Dr Martin a vu le patient le 3 mars 2026." if lang == "fr" else "Seen by Dr Smith.", lang
            )

    @property
    def vocabulary(self) -> ClinicalVocabulary:
        if self._vocabulary is None:
            self._vocabulary = default_vocabulary()
        return self._vocabulary

    # -- internals --------------------------------------------------------------------------------------------
    def _language(self, text: str, language: str | None) -> Language:
        if language is None:
            return cast(Language, detect_language(text, default=self.default_language))
        if language not in SUPPORTED_LANGUAGES:
            raise ValueError(
                f"Unsupported language {language!r}; use one of {SUPPORTED_LANGUAGES} or None to detect"
            )
        return language  # type: ignore[return-value]

    def _analyzer(self, language: Language) -> Any:
        analyzer = self._analyzers.get(language)
        if analyzer is None:
            with self._lock:
                analyzer = self._analyzers.get(language)
                if analyzer is None:
                    analyzer = build_analyzer(language, self.spacy_models[language])
                    nlp = analyzer.nlp_engine.get_nlp(language)
                    self._plausibility[language] = NerPlausibility(
                        dictionary_from_spacy(nlp),
                        strict=language == "fr",
                        inflections=inflections_from_spacy(nlp),
                    )
                    self._analyzers[language] = analyzer
        return analyzer

    def _anonymizer_engine(self) -> Any:
        if self._anonymizer is None:
            with self._lock:
                if self._anonymizer is None:
                    self._anonymizer = build_anonymizer()
        return self._anonymizer

    def _replace(
        self, text: str, lang: Language, spans: list[Candidate], session: ScrubSession
    ) -> ScrubResult:
        from presidio_anonymizer.entities import OperatorConfig
        from presidio_anonymizer.entities import RecognizerResult as AnonymizerResult

        replacements: dict[tuple[str, str], str] = {}
        entities: list[DetectedEntity] = []
        for span in spans:
            value = text[span.start : span.end]
            key = (span.type, value)
            if key not in replacements:
                another = span.recognizer in _RELATIVE_NAME_RECOGNIZERS
                replacements[key] = self._replacement(span.type, value, lang, session, another)
            entities.append(
                DetectedEntity(
                    span.type, span.start, span.end, round(span.score, 3), replacements[key], span.recognizer
                )
            )
        operators = {
            etype: OperatorConfig("custom", {"lambda": partial(_lookup, replacements, etype)})
            for etype in {s.type for s in spans}
        }
        engine_result = self._anonymizer_engine().anonymize(
            text=text,
            analyzer_results=[AnonymizerResult(s.type, s.start, s.end, s.score) for s in spans],
            operators=operators,
            merge_entities_with_spaces=False,
        )
        session_mapping = session.mapping
        used = {e.placeholder for e in entities}
        mapping = {k: v for k, v in session_mapping.items() if k in used}
        return ScrubResult(text=engine_result.text, entities=entities, language=lang, mapping=mapping)

    @staticmethod
    def _replacement(
        entity_type: str, value: str, lang: Language, session: ScrubSession, another_person: bool = False
    ) -> str:
        if entity_type == DATE and session.date_shift_days is not None:
            shifted = shift_date(value, session.date_shift_days, lang)
            if shifted is not None:
                return session.record_shifted_date(shifted, value)
        return session.placeholder_for(entity_type, value, another_person=another_person)


def _lookup(replacements: dict[tuple[str, str], str], entity_type: str, value: str) -> str:
    return replacements[(entity_type, value)]
