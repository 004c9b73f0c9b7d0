"""Unit tests of evals/verifier_validation/ and evals/score.py (kept beside the verifier's tests)."""

from __future__ import annotations

import json
import random
from dataclasses import replace
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
from evals.verifier_validation import cli as validation_cli
from evals.verifier_validation.calibration import calibrate_findings, objective, risk_masks
from evals.verifier_validation.metrics import evaluation_groups
from guardrails.verification import AnswerVerifier, VerifierConfig
from guardrails.verification.verifier_config import FindingWeights

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
        (remove_negation, "It doesn't help.", lambda a: a == "It does help."),
        (remove_negation, "It can't help.", lambda a: a == "It can help."),
        (remove_negation, "It won't help.", lambda a: a == "It will help."),
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


@pytest.mark.parametrize(
    "config",
    [
        VerifierConfig(0.0, 0.5, 0.2, 0.3, threshold=0.6, veto_factor=0.25),
        VerifierConfig(
            0.0,
            0.4,
            0.1,
            0.5,
            threshold=0.7,
            veto_factor=0.1,
            finding_weights=FindingWeights(
                number_absent=0.9, name_absent=0.6, negation_contradicted=0.8, negation_unverified=0.5
            ),
        ),
    ],
)
def test_feature_table_scores_like_the_verifier(pubmedqa_file: Path, config: VerifierConfig) -> None:
    items = load_pubmedqa(pubmedqa_file) + [Item("halueval", "9", "right", 0, "Yes.", {1: "Text."})]
    table = FeatureTable(items, analyse_items(items, AnswerVerifier(), with_embeddings=False))
    expected_scores, expected_risk = [], []
    for item in items:
        result = AnswerVerifier(None, config).verify(item.answer, item.sources, require_citations=False)
        expected_scores.append(np.nan if result.min_score is None else result.min_score)
        expected_risk.append(np.nan if result.risk is None else result.risk)
    np.testing.assert_allclose(table.item_scores(config), expected_scores, atol=1e-4)
    np.testing.assert_allclose(table.item_risk(config), expected_risk, atol=1e-3)
    out = report(items, table.item_risk(config), table.item_scores(config), config.threshold)
    assert out["halueval"]["undefined"] == 1 and out["halueval"]["auroc"] is None
    assert {"auroc", "auroc_min_score", "paired_riskier"} <= set(out["pubmedqa/number_swap"])


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


def test_calibrate_findings_fits_weights_without_touching_the_verdicts(pubmedqa_file: Path) -> None:
    items = load_pubmedqa(pubmedqa_file)
    start = VerifierConfig(0.0, 0.5, 0.2, 0.3, threshold=0.6, veto_factor=0.25)
    table = FeatureTable(items, analyse_items(items, AnswerVerifier(None, start), with_embeddings=False))
    fitted = calibrate_findings(items, table, start)
    assert fitted.finding_weights != FindingWeights()  # the alterations' findings earn weight
    assert replace(fitted, finding_weights=start.finding_weights) == start
    masks = risk_masks(items)
    assert objective(masks, table.item_risk(fitted)) >= objective(masks, table.item_risk(start))


def test_evaluation_groups_pair_each_alteration_with_its_originals(pubmedqa_file: Path) -> None:
    items = load_pubmedqa(pubmedqa_file)
    groups = evaluation_groups(items)
    drug = [items[i] for i in np.flatnonzero(groups["pubmedqa/drug_swap"])]
    assert {(it.row, it.group) for it in drug} == {("1", "original"), ("1", "drug_swap")}


def test_cli_runs_end_to_end(pubmedqa_file: Path, tmp_path: Path) -> None:
    halueval = tmp_path / "qa.json"
    rows = [
        {"knowledge": "Delhi is the head office.", "right_answer": "The head office is in Delhi.",
         "hallucinated_answer": "The head office is in Mumbai."},
        {"knowledge": "Tamoxifen was approved in 1977.", "right_answer": "Tamoxifen was approved in 1977.",
         "hallucinated_answer": "Tamoxifen was approved in 1990."},
    ]  # fmt: skip
    halueval.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.json"
    argv = ["--halueval", str(halueval), "--pubmedqa", str(pubmedqa_file), "--embedders", "lexical"]
    assert validation_cli.main([*argv, "--calibrate", "findings", "--out", str(out)]) == 0
    entry = json.loads(out.read_text(encoding="utf-8"))["embedders"]["lexical"]
    assert entry["calibrated_here"] == "findings" and set(entry["config"]["finding_weights"]) == set(
        FindingWeights().__dataclass_fields__
    )
    assert "halueval" in entry["held_out"] or "pubmedqa" in entry["held_out"]
