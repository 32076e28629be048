"""Keep Python's cyclic garbage collector off the long-lived heap during a burst of work.

A process that has imported SQLAlchemy, pydantic, httpx and the extractor
holds a large heap of module objects. A burst of work (a poll cycle, a
timeline query) allocates many short-lived objects, which triggers
collections that walk that whole heap: a sixth of a not-modified poll
cycle's CPU (bench/poll.py), and the 40-50 ms spikes that made up a
timeline query's 95th percentile (bench/timeline.py: p95 78 -> 28 ms CPU).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 20_000  # allocations between young collections during the burst (default 700)


@contextmanager
def young_gc_only() -> Iterator[None]:
    """Freeze the objects that exist now and collect the young ones less often; restored on exit.

    Frozen objects are skipped by every collection; the higher first threshold lets most
    of a burst's objects die by reference counting before any scan. ``gc.unfreeze`` hands
    them back to the oldest generation, so nothing is leaked, only not scanned meanwhile.
    Nested uses are fine: the inner one finds little to freeze.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
