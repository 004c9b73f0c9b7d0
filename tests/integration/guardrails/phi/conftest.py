from __future__ import annotations

import pytest

from guardrails.phi import PhiScrubber


@pytest.fixture(scope="session")
def phi_scrubber() -> PhiScrubber:
    """One real scrubber (Presidio + installed spaCy models) for the whole session: models load once."""
    return PhiScrubber()
