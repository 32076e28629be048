"""What a fresh interpreter imports: start-up costs are kept off commands that do not need them."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable


def fresh(code: str, modules: Iterable[str]) -> tuple[list[str], str]:
    """Run ``code`` in a new interpreter: which of ``modules`` it imported, and what it printed."""
    probe = f"\nimport sys as _s\n_s.stderr.write(repr([m for m in {list(modules)!r} if m in _s.modules]))"
    done = subprocess.run([sys.executable, "-c", code + probe], capture_output=True, text=True, check=True)
    return ast.literal_eval(done.stderr.strip().splitlines()[-1]), done.stdout
