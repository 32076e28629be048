"""Feed leases on both backends: claimers never share a feed, only the holder finishes a poll,
expired and orphaned leases come back (tracker.feeds.leases)."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from events.engine import make_engine
from events.store import EventStore
from tracker.db import migrate
from tracker.errors import FeedError
from tracker.feeds import leases
from tracker.feeds.registry import add_feed, get_feed
from tracker.feeds.status import FeedUpdate, StatusWriter
from tracker.feeds.tables import feeds

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def engine(db_url: str):
    engine = make_engine(db_url)
    migrate(engine)
    for n in range(40):
        add_feed(engine, f"https://example.org/{n}.xml", now=NOW - timedelta(hours=1))
    yield engine
    engine.dispose()


def finished(feed_id: int) -> FeedUpdate:
    return FeedUpdate(
        id=feed_id, last_status="ok", last_http_status=200, last_error=None, error_count=0, etag='"x"',
        last_modified=None, last_polled_at=NOW, next_poll_at=NOW + timedelta(hours=1), enabled=True,
        disabled_reason=None,
    )  # fmt: skip


def test_concurrent_claimers_get_disjoint_feeds_and_together_all_of_them(engine) -> None:
    owners = [leases.new_owner(f"t{i}") for i in range(4)]
    got: dict[str, list[int]] = {}
    barrier = threading.Barrier(len(owners))

    def claim(owner: str) -> None:
        barrier.wait()
        ids: list[int] = []
        while batch := leases.claim_due(engine, owner, NOW, limit=3):
            ids.extend(f.id for f in batch)
        got[owner] = ids

    threads = [threading.Thread(target=claim, args=(o,)) for o in owners]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [i for ids in got.values() for i in ids]
    assert len(claimed) == len(set(claimed)) == 40
    with engine.connect() as conn:
        rows = conn.execute(select(feeds.c.id, feeds.c.lease_owner)).all()
    assert dict(rows) == {i: o for o, ids in got.items() for i in ids}


def test_only_the_lease_holder_finishes_a_poll_and_finishing_ends_the_lease(engine) -> None:
    mine, theirs = leases.new_owner("a"), leases.new_owner("b")
    claimed = leases.claim_due(engine, mine, NOW, limit=2)
    assert len(claimed) == 2
    first, second = claimed
    # The first lease expires and another poller takes the feed over.
    with engine.begin() as conn:
        conn.execute(
            update(feeds).where(feeds.c.id == first.id).values(lease_until=NOW - timedelta(seconds=1))
        )
    assert [f.id for f in leases.claim_due(engine, theirs, NOW, limit=1)] == [first.id]

    writer = StatusWriter(engine, owner=mine)
    writer.add(finished(first.id))
    writer.add(finished(second.id))
    writer.flush()
    assert writer.lost == [first.id]
    lost, done = get_feed(engine, first.id), get_feed(engine, second.id)
    assert (lost.lease_owner, lost.etag) == (theirs, None)  # untouched: it is theirs to finish
    assert (done.lease_owner, done.lease_until, done.etag) == (None, None, '"x"')
    assert done.next_poll_at == NOW + timedelta(hours=1)


def test_a_leased_feed_is_not_claimed_again_until_released_or_expired(engine) -> None:
    a, b = leases.new_owner("a"), leases.new_owner("b")
    assert len(leases.claim_due(engine, a, NOW)) == 40
    assert leases.claim_due(engine, b, NOW) == []
    with pytest.raises(FeedError, match="being polled by"):
        leases.claim_one(engine, b, 1, NOW)
    assert leases.release(engine, a, [1, 2]) == 2
    assert [f.id for f in leases.claim_due(engine, b, NOW)] == [1, 2]
    later = NOW + leases.DEFAULT_LEASE + timedelta(seconds=1)
    assert len(leases.claim_due(engine, b, later)) == 40  # every lease has expired, b's own too


def test_the_leases_of_a_dead_process_on_this_host_are_cleared(engine) -> None:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = leases.new_owner("x").split(":")
    dead[1] = child.stdout.strip()  # that process has exited
    dead_owner = ":".join(dead)
    assert len(leases.claim_due(engine, dead_owner, NOW)) == 40
    live = leases.new_owner("y")
    assert len(leases.claim_due(engine, live, NOW)) == 40
    # A lease held by a live process on another host is left alone.
    assert leases.release(engine, live) == 40
    leases.claim_due(engine, "elsewhere:1:daemon:0000", NOW, limit=5)
    assert len(leases.claim_due(engine, live, NOW)) == 35


def test_a_poll_leases_its_feeds_and_gives_them_all_back(db_url: str, tmp_path) -> None:
    from tracker.feeds.poll import poll

    store = EventStore(make_engine(db_url))
    migrate(store.engine)
    missing = tmp_path / "missing.xml"
    feed = add_feed(store.engine, missing.as_uri(), now=NOW - timedelta(hours=1))
    result = poll(store, now=NOW, extract=lambda *a, **k: [])
    assert result.polled == 1 and result.failed == 1
    after = get_feed(store.engine, feed.id)
    assert after.lease_owner is None and after.error_count == 1
    store.close()
