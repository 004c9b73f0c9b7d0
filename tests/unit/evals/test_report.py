from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.report import compare, flatten, write_report

pytestmark = pytest.mark.unit


def test_flatten_keeps_undefined_scores_as_none() -> None:
    flat = flatten({"answers": {"faithfulness": None, "n": 3, "ok": True, "rows": [1, 2]}})
    assert flat == {"answers.faithfulness": None, "answers.n": 3.0}


def test_compare_lists_only_changed_figures() -> None:
    assert compare({"a": {"x": 1.0, "y": 2.0}}, {"a": {"x": 1.0, "y": 3.0}}) == [("a.y", 3.0, 2.0)]


def test_report_md_shows_tables_and_the_change_against_a_previous_report(tmp_path: Path) -> None:
    previous = tmp_path / "prev.json"
    previous.write_text(json.dumps({"retrieval": {"mrr": 0.5}}), "utf-8")
    results = {
        "meta": {"date": "today"},
        "retrieval": {
            "mrr": 0.75,
            "table": {"header": ["set", "MRR"], "rows": [["pdq", "0.750"]]},
            "notes": ["n"],
        },
        "answers": {"faithfulness": None},
    }
    md = write_report(tmp_path / "out", results, previous).read_text("utf-8")
    assert "| pdq | 0.750 |" in md
    assert "| retrieval.mrr | 0.500 | 0.750 |" in md
    assert (
        json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))["answers"]["faithfulness"] is None
    )


def test_a_suite_s_extra_tables_are_rendered_too(tmp_path: Path) -> None:
    results = {
        "phi": {
            "table": {"header": ["set", "recall"], "rows": [["team-en", "1.000"]]},
            "extra_tables": {"throughput": {"header": ["set", "notes/s"], "rows": [["team-en", "62.3"]]}},
        }
    }
    md = write_report(tmp_path, results).read_text("utf-8")
    assert "| team-en | 1.000 |" in md and "| team-en | 62.3 |" in md
