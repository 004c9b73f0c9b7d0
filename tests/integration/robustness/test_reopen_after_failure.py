"""A failed open of the embedded index must not poison later opens in the same process (the UI keeps running)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import IndexError_
from assistant.store.chroma_connection import open_persistent_client

pytestmark = pytest.mark.integration


def test_the_index_opens_once_the_cause_is_fixed(tmp_path: Path) -> None:
    blocker = tmp_path / "chroma"
    blocker.write_text("not a folder")  # Chroma's folder is taken by a file
    with pytest.raises(IndexError_, match=r"cannot be opened .*point data_dir at another folder"):
        open_persistent_client(tmp_path)
    blocker.unlink()
    client = open_persistent_client(tmp_path)
    assert client.heartbeat() > 0
