"""Each day's digest is claimed once across daemons; an abandoned claim is taken over (both backends)."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest

from events.engine import make_engine
from tracker.daemon import claims
from tracker.db import migrate

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
DAY = date(2026, 3, 1)


@pytest.fixture
def engine(db_url: str):
    engine = make_engine(db_url)
    migrate(engine)
    yield engine
    engine.dispose()


def test_of_many_daemons_claiming_a_day_at_once_exactly_one_wins(engine) -> None:
    barrier = threading.Barrier(6)
    wins: list[str] = []

    def claim(owner: str) -> None:
        barrier.wait()
        if claims.claim_digest(engine, DAY, owner, NOW):
            wins.append(owner)

    threads = [threading.Thread(target=claim, args=(f"d{i}",)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1
    assert claims.digest_run(engine, DAY)["claimed_by"] == wins[0]  # type: ignore[index]
    assert claims.claim_digest(engine, DAY + timedelta(days=1), "d0", NOW)  # another day is free


def test_an_abandoned_or_failed_claim_is_taken_over_once_stale_a_finished_one_never(engine) -> None:
    assert claims.claim_digest(engine, DAY, "dead", NOW)
    assert not claims.claim_digest(engine, DAY, "other", NOW + timedelta(minutes=5))
    assert claims.claim_digest(engine, DAY, "other", NOW + claims.STALE_CLAIM + timedelta(seconds=1))
    claims.finish_digest(engine, DAY, "dead", NOW, error="late finish of a dead claim")  # not its row now
    assert claims.digest_run(engine, DAY)["error"] is None  # type: ignore[index]
    claims.finish_digest(engine, DAY, "other", NOW + timedelta(hours=2), error="disk full")
    much_later = NOW + timedelta(hours=4)
    assert claims.claim_digest(engine, DAY, "third", much_later)
    claims.finish_digest(engine, DAY, "third", much_later, paths=[])
    assert not claims.claim_digest(engine, DAY, "fourth", much_later + timedelta(days=3))
    run = claims.digest_run(engine, DAY)
    assert run is not None and run["claimed_by"] == "third" and run["error"] is None
