"""Unit tests of evals/verifier_validation.py and evals/score.py (kept beside the verifier's tests)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from evals import score as score_cli
from evals.verifier_validation import (
    FeatureTable,
    Item,
    analyse_items,
    auroc,
    balanced_accuracy,
    insert_negation,
    load_halueval,
    load_pubmedqa,
    remove_negation,
    report,
    split_rows,
    swap_drug,
    swap_number,
)
from guardrails.verification import AnswerVerifier, VerifierConfig

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("labels", "risk", "expected"),
    [
        ([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1.0),
        ([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1], 0.0),
        ([0, 1], [0.5, 0.5], 0.5),
        ([0, 0, 1], [0.1, 0.6, 0.5], 0.5),
        ([1, 1], [0.1, 0.2], None),
        ([], [], None),
    ],
)
def test_auroc(labels: list[int], risk: list[float], expected: float | None) -> None:
    assert auroc(labels, risk) == expected


@pytest.mark.parametrize(
    ("labels", "flagged", "expected"),
    [
        ([0, 0, 1, 1], [False, True, True, True], 0.75),
        ([0, 1], [False, True], 1.0),
        ([0, 0], [True, False], None),
    ],
)
def test_balanced_accuracy(labels: list[int], flagged: list[bool], expected: float | None) -> None:
    assert balanced_accuracy(labels, flagged) == expected


@pytest.mark.parametrize(
    ("alter", "text", "check"),
    [
        (
            swap_number,
            "Survival was 45% at 5 years.",
            lambda a: a != "Survival was 45% at 5 years." and "%" in a,
        ),
        (swap_number, "No digits here.", lambda a: a is None),
        (swap_number, "5-FU and HER2 only.", lambda a: a is None),
        (insert_negation, "The drug is effective.", lambda a: a == "The drug is not effective."),
        (insert_negation, "Surgery can help.", lambda a: a == "Surgery cannot help."),
        (remove_negation, "The drug is not effective.", lambda a: a == "The drug is effective."),
        (remove_negation, "There was no difference.", lambda a: a == "There was a difference."),
        (remove_negation, "Nothing to remove here.", lambda a: a is None),
    ],
)
def test_alterations(alter, text: str, check) -> None:  # noqa: ANN001
    altered = alter(text, random.Random(1))
    assert check(altered), altered
    assert alter(text, random.Random(1)) == altered  # deterministic for a seed


def test_swap_drug_uses_a_drug_absent_from_the_contexts() -> None:
    text = "Tamoxifen reduced recurrence."
    contexts = "Tamoxifen and cisplatin were studied."
    altered = swap_drug(text, contexts, random.Random(3))
    assert altered is not None and "Tamoxifen" not in altered
    new_drug = altered.split()[0]
    assert new_drug[0].isupper() and new_drug.lower() not in contexts.lower()


@pytest.fixture
def pubmedqa_file(tmp_path: Path) -> Path:
    rows = {
        "1": {
            "CONTEXTS": ["Tamoxifen reduced recurrence by 30% in 200 women.", "Toxicity was low."],
            "LONG_ANSWER": "Tamoxifen is effective and reduced recurrence by 30%.",
            "MESHES": ["Tamoxifen", "Humans"],
        },
        "2": {
            "CONTEXTS": ["Laparoscopy shortened the stay."],
            "LONG_ANSWER": "Laparoscopy did not lengthen the stay.",
            "MESHES": ["Laparoscopy", "Length of Stay"],
        },
    }
    path = tmp_path / "ori_pqal.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def test_load_pubmedqa_builds_originals_and_alterations(pubmedqa_file: Path) -> None:
    items = load_pubmedqa(pubmedqa_file)
    groups = {(it.row, it.group) for it in items}
    assert {("1", "original"), ("1", "number_swap"), ("1", "negation_insert"), ("1", "drug_swap")} <= groups
    assert ("2", "negation_remove") in groups
    assert all(it.label == (it.group != "original") for it in items)
    assert items == load_pubmedqa(pubmedqa_file)  # seeded: the same alterations every run


def test_load_halueval(tmp_path: Path) -> None:
    path = tmp_path / "qa.json"
    row = {
        "knowledge": "Delhi is the head office.",
        "question": "Where?",
        "right_answer": "Delhi",
        "hallucinated_answer": "Mumbai.",
    }
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    items = load_halueval(path)
    assert [(it.group, it.label, it.answer) for it in items] == [
        ("right", 0, "Delhi"),
        ("hallucinated", 1, "Mumbai."),
    ]


def test_split_rows_is_disjoint_deterministic_and_keeps_rows_together(pubmedqa_file: Path) -> None:
    items = load_pubmedqa(pubmedqa_file) * 1
    calibration, held_out = split_rows(items)
    assert calibration.isdisjoint(held_out)
    assert calibration | held_out == {f"pubmedqa:{it.row}" for it in items}
    assert split_rows(items) == (calibration, held_out)


def test_feature_table_scores_like_the_verifier(pubmedqa_file: Path) -> None:
    items = load_pubmedqa(pubmedqa_file) + [Item("halueval", "9", "right", 0, "Yes.", {1: "Text."})]
    verifier = AnswerVerifier()
    table = FeatureTable(items, analyse_items(items, verifier, with_embeddings=False))
    config = VerifierConfig(0.0, 0.5, 0.2, 0.3, threshold=0.6, veto_factor=0.25)
    expected = []
    for item in items:
        result = AnswerVerifier(None, config).verify(item.answer, item.sources, require_citations=False)
        expected.append(np.nan if result.min_score is None else result.min_score)
    np.testing.assert_allclose(table.item_scores(config), expected, atol=1e-4)
    out = report(items, table.item_scores(config), config.threshold)
    assert out["halueval"]["undefined"] == 1 and out["halueval"]["auroc"] is None


def test_score_record_maps_markers_to_contexts() -> None:
    record = {
        "question": "How long?",
        "contexts": ["Treatment lasts 6 months.", "Oxaliplatin causes neuropathy."],
        "answer": "Treatment lasts 6 months [1]. Treatment lasts 6 months [2]. Extra claim here.",
    }
    scored = score_cli.score_record(record, AnswerVerifier())
    assert scored["question"] == "How long?"
    assert [s["supported"] for s in scored["sentences"]] == [True, False, False]
    assert scored["sentences"][2]["score"] is None  # no marker in an answer that uses markers
    assert scored["faithfulness"] == pytest.approx(1 / 3)


def test_score_record_without_markers_uses_all_contexts_and_null_when_undefined() -> None:
    verifier = AnswerVerifier()
    scored = score_cli.score_record(
        {
            "question": "q",
            "contexts": ["A", "Oxaliplatin causes neuropathy."],
            "answer": "Oxaliplatin causes neuropathy.",
        },
        verifier,
    )
    assert scored["faithfulness"] == 1.0
    empty = score_cli.score_record({"question": "q", "contexts": ["A"], "answer": ""}, verifier)
    assert empty["faithfulness"] is None and empty["sentences"] == []


def test_score_cli_round_trip(tmp_path: Path) -> None:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(
        json.dumps(
            {
                "question": "q",
                "contexts": ["Treatment lasts 6 months."],
                "answer": "Treatment lasts 12 months [1].",
            }
        )
        + "\n\n",
        encoding="utf-8",
    )
    assert score_cli.main(["--input", str(src), "--out", str(dst)]) == 0
    (line,) = dst.read_text(encoding="utf-8").splitlines()
    out = json.loads(line)
    assert out["faithfulness"] == 0.0 and out["sentences"][0]["supported"] is False


def test_score_cli_reports_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"question": "q", "answer": "a"}\n', encoding="utf-8")
    assert score_cli.main(["--input", str(src), "--out", str(tmp_path / "o.jsonl")]) == 2
    assert "line 1" in capsys.readouterr().err
