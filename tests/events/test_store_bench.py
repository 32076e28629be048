"""bench/store.py kept alive: a tiny run must finish and print its JSON figures."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "store.py"


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("eventsourcing") is None, reason="needs the bench extra (eventsourcing)"
)
def test_the_store_benchmark_runs_and_reports_wall_and_cpu_ratios() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "-n", "3000", "--append-rounds", "2", "--verify-events", "6000",
         "--json"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for key in ("append_ratio", "read_ratio", "raw_ratio", "raw_multirow_ratio", "raw_read_ratio"):
        assert figures[key] > 0, key
        assert figures[key.replace("_ratio", "_cpu_ratio")] > 0, key
    assert figures["verify_events"] == 6000
