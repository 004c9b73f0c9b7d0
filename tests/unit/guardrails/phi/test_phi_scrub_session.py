from __future__ import annotations

import pytest

from guardrails.phi.scrub_session import ScrubSession, normalise_value

pytestmark = pytest.mark.unit


def test_same_value_same_placeholder_case_accents_and_spacing_ignored() -> None:
    s = ScrubSession()
    first = s.placeholder_for("PERSON", "Hélène  Roux")
    assert first == "<PERSON_1>"
    assert s.placeholder_for("PERSON", "HELENE ROUX") == first
    assert s.placeholder_for("PERSON", "Paul Bell") == "<PERSON_2>"
    assert s.placeholder_for("DATE", "3 mars 2026") == "<DATE_1>"  # numbering is per type
    assert s.mapping == {"<PERSON_1>": "Hélène  Roux", "<PERSON_2>": "Paul Bell", "<DATE_1>": "3 mars 2026"}


def test_surname_alone_joins_the_only_person_with_that_name() -> None:
    s = ScrubSession()
    assert s.placeholder_for("PERSON", "DUPONT Marie") == "<PERSON_1>"
    assert s.placeholder_for("PERSON", "Dupont") == "<PERSON_1>"
    assert s.placeholder_for("PERSON", "Marie") == "<PERSON_1>"
    assert s.placeholder_for("PERSON", "Paul Dupont") == "<PERSON_2>"  # a relative, not Marie
    # two Duponts known now: a new spelling of the bare surname can no longer be attributed
    assert s.placeholder_for("PERSON", "Dupont-") == "<PERSON_3>"


def test_a_relative_is_not_taken_for_the_person_whose_name_it_shares() -> None:
    s = ScrubSession()
    assert s.placeholder_for("PERSON", "Claire Dubois") == "<PERSON_1>"
    assert s.placeholder_for("PERSON", "Claire", another_person=True) == "<PERSON_2>"  # "sa fille Claire"
    assert s.placeholder_for("PERSON", "Claire") == "<PERSON_2>"  # that spelling is now hers
    assert s.mapping == {"<PERSON_1>": "Claire Dubois", "<PERSON_2>": "Claire"}


def test_repr_hides_values() -> None:
    s = ScrubSession(date_shift_days=12)
    s.placeholder_for("PERSON", "Claire Dubois")
    assert "Claire" not in repr(s)


def test_normalise_value() -> None:
    assert normalise_value(" Élodie  O’Brien ") == "elodie o'brien"
