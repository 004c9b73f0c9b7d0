"""The tune / held-out split of evals.phi_eval: deterministic, disjoint, complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.phi_eval import (
    GoldNote,
    Span,
    eds_pseudo_files,
    lower_cased,
    run_phi_eval,
    split_presidio_research,
)

pytestmark = pytest.mark.unit


def test_presidio_research_halves_are_disjoint_and_complete() -> None:
    notes = [GoldNote(f"note {i}", [], "en") for i in range(7)]
    tune, heldout = split_presidio_research(notes, "tune"), split_presidio_research(notes, "heldout")
    assert [n.text for n in tune] == ["note 0", "note 2", "note 4", "note 6"]
    assert [n.text for n in heldout] == ["note 1", "note 3", "note 5"]
    assert split_presidio_research(notes, "all") == notes


def test_eds_pseudo_files_by_split(tmp_path: Path) -> None:
    for part in ("train", "dev", "test"):
        (tmp_path / f"demo_public_small_{part}.jsonl").write_text("", encoding="utf-8")
    assert [p.stem for p in eds_pseudo_files(tmp_path, "tune")] == [
        "demo_public_small_dev",
        "demo_public_small_train",
    ]
    assert [p.stem for p in eds_pseudo_files(tmp_path, "heldout")] == ["demo_public_small_test"]
    assert len(eds_pseudo_files(tmp_path, "all")) == 3


def test_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError, match="split"):
        run_phi_eval(None, split="dev")


def test_lower_cased_notes_keep_their_gold_offsets() -> None:
    notes = [
        GoldNote("Seen by Dr Smith", [Span(11, 16, "NAME")], "en"),
        GoldNote("İstanbul, Dr Kaya", [Span(13, 17, "NAME")], "en"),  # "İ" is two characters in lower case
    ]
    (lowered,) = lower_cased(notes)
    assert lowered.text == "seen by dr smith"
    assert lowered.text[11:16] == "smith"
    assert lowered.spans == notes[0].spans
    assert notes[0].text == "Seen by Dr Smith"  # the originals are left as they were
