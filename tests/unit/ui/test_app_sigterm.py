from __future__ import annotations

from typing import Any

import pytest

from app import sigterm_handler

pytestmark = pytest.mark.unit


class FakeBlocks:
    def __init__(self, running: bool) -> None:
        self.is_running = running
        self.closed = 0

    def close(self) -> None:
        self.closed += 1
        self.is_running = False


def test_sigterm_while_serving_closes_gradio_without_raising() -> None:
    # No interrupt is raised: one raised inside a callback whose errors Python ignores would be lost.
    blocks = FakeBlocks(running=True)
    sigterm_handler(blocks)(15, None)
    assert blocks.closed == 1 and not blocks.is_running


def test_sigterm_during_start_up_interrupts_launch() -> None:
    blocks: Any = FakeBlocks(running=False)
    with pytest.raises(KeyboardInterrupt):
        sigterm_handler(blocks)(15, None)
    assert blocks.closed == 0
