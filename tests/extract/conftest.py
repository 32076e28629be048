"""Shared fixture of the extraction tests: the acceptance scorer, imported from shared/."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).parents[3] / "shared"


@pytest.fixture(scope="session")
def score() -> ModuleType:
    """shared/acceptance/score.py, imported in-process (in CI shared/ sits beside the clone)."""
    path = SHARED / "acceptance" / "score.py"
    if not path.exists():
        pytest.skip(f"no acceptance scorer at {path}")
    spec = importlib.util.spec_from_file_location("acceptance_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
