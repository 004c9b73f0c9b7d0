"""The scope guard's vocabulary check: a term is known alone or as a part of a hyphenated word."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.store import Bm25Index

pytestmark = pytest.mark.unit


def test_parts_of_hyphenated_words_are_known(tmp_path: Path) -> None:
    index = Bm25Index(tmp_path / "bm25")
    index.rebuild(["a", "b"], ["HER2-positive breast cancer", "Trastuzumab emtansine for residual disease"])
    assert index.known(["her2", "positive", "trastuzumab", "pertuzumab", "her2-positive"]) == {
        "her2",
        "positive",
        "trastuzumab",
        "her2-positive",
    }
    index.rebuild(["c"], ["Colon cancer"])
    assert index.known(["her2", "colon"]) == {"colon"}, "the parts follow a rebuild"
