"""The load benchmark's figures: latency percentiles, memory slope, and the checks that call a request failed."""

from __future__ import annotations

import math
import os
import time

import pytest

from evals.bench_load import Clinician, check_answer, check_search, main
from evals.load_stats import (
    RssSampler,
    latency_summary,
    memory_summary,
    slope_per_minute,
    tree_rss_mb,
    tree_rss_parts_mb,
)

pytestmark = pytest.mark.unit


def test_latency_summary_percentiles() -> None:
    summary = latency_summary([float(n) for n in range(1, 101)])  # 1..100 s
    assert summary["count"] == 100
    assert summary["p50_s"] in (50.0, 51.0) and summary["p95_s"] in (95.0, 96.0)
    assert summary["max_s"] == 100.0 and summary["mean_s"] == pytest.approx(50.5)


def test_latency_summary_of_nothing_is_nan_not_a_crash() -> None:
    summary = latency_summary([])
    assert summary["count"] == 0 and math.isnan(summary["p95_s"])


def test_slope_is_per_minute_and_flat_memory_has_none() -> None:
    seconds = [float(t) for t in range(0, 120)]
    assert slope_per_minute(seconds, [500.0 + 0.1 * t for t in seconds]) == pytest.approx(6.0)  # 0.1 MB/s
    assert slope_per_minute(seconds, [800.0] * len(seconds)) == 0.0
    assert slope_per_minute([1.0], [2.0]) == 0.0 and slope_per_minute([3.0, 3.0], [1.0, 9.0]) == 0.0
    with pytest.raises(ValueError):
        slope_per_minute([1.0, 2.0], [1.0])


def test_memory_summary_sees_warm_up_growth_but_no_leak_after_it() -> None:
    # Grows for the first 30 s (caches filling), then flat: the second half's slope is zero.
    samples = [(float(t), 700.0 + min(t, 30) * 2.0) for t in range(120)]
    m = memory_summary(samples)
    assert m["samples"] == 120 and m["peak_mb"] == 760.0
    assert m["first_quarter_mb"] < m["last_quarter_mb"] == 760.0
    assert m["second_half_slope_mb_per_min"] == pytest.approx(0.0)
    assert memory_summary([]) == {"samples": 0}


def test_tree_rss_of_this_process_and_of_none() -> None:
    assert tree_rss_mb(os.getpid()) > 10
    assert tree_rss_mb(2**22 + 12345) == 0  # no such process


def test_a_heap_allocation_shows_as_anonymous_memory_not_file_backed() -> None:
    before = tree_rss_parts_mb(os.getpid())
    block = bytearray(b"x" * (64 * 1024 * 1024))  # written, so resident
    after = tree_rss_parts_mb(os.getpid())
    assert after["RssAnon"] - before["RssAnon"] > 60
    assert abs(after["RssFile"] - before["RssFile"]) < 8
    assert before["RssFile"] > 1  # the interpreter and its libraries are mapped files
    assert tree_rss_parts_mb(2**22 + 12345) == {"RssAnon": 0, "RssFile": 0, "RssShmem": 0}
    del block


def test_sampler_keeps_the_parts_on_the_same_clock_as_the_totals() -> None:
    sampler = RssSampler(os.getpid(), interval=0.01).start()
    time.sleep(0.1)
    totals = sampler.stop()
    assert len(totals) >= 2
    for key, part in sampler.parts.items():
        assert [t for t, _ in part] == [t for t, _ in totals], key
    for index, (_, total) in enumerate(totals):
        assert total == pytest.approx(sum(part[index][1] for part in sampler.parts.values()))


def test_a_shown_error_counts_as_a_failed_request() -> None:
    assert check_search('<ol class="onco-hits"><li class="onco-hit">…</li></ol>') == ""
    assert check_search('<div class="onco-empty">No passage matches</div>') == ""
    assert check_search(
        '<div class="onco-notice onco-error" role="alert">The search failed</div>'
    ).startswith("lookup error shown: The search failed")
    answered = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a [1]"}]
    assert check_answer((answered, "", None, "", "", "")) == ""
    refused = (answered[:1], "", None, '<div class="onco-notice onco-error">Model busy</div>', "", "")
    assert check_answer(refused) == "chat error shown: Model busy"
    assert check_answer((answered[:1], "", None, "", "", "")) == "the chat ended without an answer"


class _ScriptedClinician(Clinician):
    """Records which kind of action it would send instead of sending it."""

    def _search(self) -> tuple[str, None]:
        return "", None

    def _ask(self) -> tuple[str, None]:
        self.asked += 1
        return "", None

    def _new_conversation(self) -> tuple[str, None]:
        self.asked = 0
        return "", None


@pytest.mark.parametrize(
    ("share", "expected"),
    [(0.0, {"search"}), (1.0, {"ask", "new"}), (0.5, {"search", "ask", "new"})],
)
def test_ask_share_decides_which_kinds_a_clinician_sends(
    monkeypatch: pytest.MonkeyPatch, share: float, expected: set[str]
) -> None:
    monkeypatch.setattr("evals.bench_load.THINK_S", (0.0, 0.0))
    kinds: set[str] = set()
    for number in range(4):  # both parities: odd clinicians open with a question unless told otherwise
        clinician = _ScriptedClinician(number, "http://unused", ["q"], seed=number, ask_share=share)
        start = time.monotonic()
        clinician.run(start, start + 0.05)
        kinds |= {r.kind for r in clinician.records}
    assert kinds == expected


@pytest.mark.parametrize("text", ["-0.1", "1.5"])
def test_an_ask_share_outside_0_to_1_is_refused(text: str) -> None:
    with pytest.raises(SystemExit):
        main(["--ask-share", text])


def test_unique_words_give_every_request_a_name_and_number_never_seen() -> None:
    plain = Clinician(0, "http://unused", ["Adjuvant FOLFOX?"], seed=1)
    assert {plain.text() for _ in range(5)} == {"Adjuvant FOLFOX?"}
    unique = Clinician(0, "http://unused", ["Adjuvant FOLFOX?"], seed=1, unique_words=True)
    texts = [unique.text() for _ in range(200)]
    assert len(set(texts)) == 200
    assert all(t.startswith("Adjuvant FOLFOX? Patient ") and ", IPP " in t for t in texts)
