"""PHI de-identification for English and French oncology notes.

    from guardrails.phi import PhiScrubber
    result = PhiScrubber().scrub("Mme Claire Dubois, née le 14/02/1958 ...")
    result.text       # "Mme <PERSON_1>, née le <DATE_1> ..."
    result.mapping    # placeholder -> original; keep it in memory, never log it

Importing this package is cheap: Presidio and spaCy load on the first scrub.
"""

from guardrails.phi.phi_scrubber import PhiScrubber
from guardrails.phi.reidentification import reidentify
from guardrails.phi.scrub_session import ScrubSession
from guardrails.phi.scrubber import Scrubber
from guardrails.phi.types import ENTITY_TYPES, DetectedEntity, Language, ScrubResult

__all__ = [
    "ENTITY_TYPES",
    "DetectedEntity",
    "Language",
    "PhiScrubber",
    "ScrubResult",
    "ScrubSession",
    "Scrubber",
    "reidentify",
]
