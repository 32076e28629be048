"""bench/poll.py kept alive: a tiny run of both tools must finish and print its JSON figures."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "poll.py"


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("reader") is None, reason="needs the bench extra (reader)")
def test_the_poll_benchmark_runs_and_reports_wall_and_cpu_ratios():
    done = subprocess.run(
        [sys.executable, str(BENCH), "--feeds", "20", "--items", "3", "--json"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for key in ("first_ratio", "notmodified_ratio", "first_cpu_ratio", "notmodified_cpu_ratio"):
        assert figures[key] > 0, key
