"""Importing our recognizers must not import transformers: Presidio would, for an NLP engine we never use, at a
cost of seconds of CPU and about 135 MB resident (measured in a scrubber's warm-up)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.unit

_CHECK = (
    "import sys; import {module}; print('transformers' in sys.modules, 'presidio_analyzer' in sys.modules)"
)


def test_importing_a_recognizer_leaves_transformers_out() -> None:
    # One recognizer module on its own, as the scrubber's first text imports them (a fresh interpreter: this
    # test session may have imported transformers already).
    module = "guardrails.phi.recognizers.titled_name_recognizer"
    out = subprocess.run(
        [sys.executable, "-c", _CHECK.format(module=module)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True"]
