from __future__ import annotations

import pytest

from evals.bench_load import Clinician, _share

pytestmark = pytest.mark.unit


class _Page:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


def test_opening_the_page_anew_closes_the_old_session_and_empties_the_chat(monkeypatch) -> None:
    clinician = Clinician(0, "http://127.0.0.1:1/", ["q"], seed=1, page_load_share=1.0)
    old = clinician.client = _Page()
    monkeypatch.setattr(clinician, "connect", lambda: setattr(clinician, "client", _Page()))
    clinician.messages, clinician.asked = [{"role": "user", "content": "q"}], 2

    assert clinician._open_page() == ("", None)
    assert old.closed and clinician.client is not old and not clinician.client.closed
    assert (clinician.messages, clinician.asked) == ([], 0)


@pytest.mark.parametrize(
    ("text", "ok"), [("0", True), ("0.3", True), ("1", True), ("-0.1", False), ("1.5", False)]
)
def test_shares_are_between_0_and_1(text: str, ok: bool) -> None:
    if ok:
        assert _share(text) == float(text)
    else:
        with pytest.raises(Exception, match="between 0 and 1"):
            _share(text)
