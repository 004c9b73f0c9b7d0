"""Fixtures for the corpora unit tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.corpora.corpora_fakes import InMemoryStore, build_pdf

DATA = Path(__file__).resolve().parents[2] / "data" / "corpora"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "doc.pdf", *pages: str, **options: object) -> Path:
        path = tmp_path / name
        path.write_bytes(build_pdf(pages, **options))  # type: ignore[arg-type]
        return path

    return make
