"""Shared fixtures. `../shared` holds read-only eval data; tests that need it skip with a reason when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("ONCO_SHARED_DIR", REPO_ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder; skips the test with a clear reason when it is not there."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"../shared is absent ({SHARED_DIR}); this test needs the shared eval data")
    return SHARED_DIR


@pytest.fixture(scope="session")
def pdq_dir(shared_dir: Path) -> Path:
    path = shared_dir / "corpora" / "nci-pdq-hp"
    if not path.is_dir():
        pytest.skip(f"{path} is absent; this test needs the NCI PDQ corpus")
    return path
