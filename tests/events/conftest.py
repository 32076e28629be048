from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from events.engine import make_engine
from events.store import EventStore
from tracker.db import migrate


class Clock:
    """An injected clock: tests move time explicitly."""

    def __init__(self, start: datetime = datetime(2026, 1, 1, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_url: str, clock: Clock) -> Iterator[EventStore]:
    engine = make_engine(db_url)
    migrate(engine)
    store = EventStore(engine, clock)
    yield store
    store.close()
