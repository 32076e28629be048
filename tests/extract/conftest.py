"""Shared by the extraction tests: the acceptance scorer (imported from shared/) and gold sentences."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tracker.extract.sentences import split_sentences

SHARED = Path(__file__).parents[3] / "shared"
DATA = Path(__file__).parents[1] / "data"


def gold_sentences(names: list[str] | None = None, titles: bool = False) -> list[str]:
    """The sentences of the labelled sets (all of them, or ``names``), with their titles if asked:
    real wording to check that a fast path answers as the slow one does."""
    paths = [DATA / name for name in names] if names else sorted(DATA.glob("extract_*.json"))
    out: list[str] = []
    for path in paths:
        for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            out += [s.text for s in split_sentences(doc["text"])]
            if titles:
                out.append(doc.get("title") or "")
    return out


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
