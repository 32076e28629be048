"""The daemon end to end, against a local feed server: a cycle stores events and catches the
projections up, SIGTERM stops it cleanly (even mid-poll) and a restart carries on, and two
daemons on one PostgreSQL database never poll a feed twice in its interval."""

from __future__ import annotations

import itertools
import re
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from events.engine import make_engine
from events.store import EventStore
from tests.daemon.conftest import (
    FeedServer,
    counts,
    expected_events,
    gold_documents,
    prepare,
    start_daemon,
    wait_for,
)
from tracker import projections
from tracker.cli import main
from tracker.feeds.tables import feeds
from tracker.timeline.query import TimelineQuery, timeline

CYCLE_LINE = re.compile(r"poll: (\d+) feeds .*; (\d+) new articles, \d+ revisions, (\d+) events")
INTERRUPTED = re.compile(r"stopped \((\d+) feeds interrupted\)")


def verify(url: str) -> None:
    store = EventStore(make_engine(url))
    try:
        assert store.verify().ok
    finally:
        store.close()


def test_once_polls_extracts_catches_up_and_writes_the_days_digest(
    sqlite_url: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    documents = gold_documents()[:6]
    for n in range(3):
        feed_server.add_items(n, documents[2 * n : 2 * n + 2])
    prepare(sqlite_url, feed_server, 3)
    digests = tmp_path / "digests"
    result = CliRunner().invoke(
        main, ["--db", sqlite_url, "daemon", "--once", "--digest-dir", str(digests), "--tz", "Asia/Kolkata"]
    )
    assert result.exit_code == 0, result.output
    assert CYCLE_LINE.search(result.output), result.output
    n_articles, n_events = counts(sqlite_url)
    assert (n_articles, n_events) == (6, expected_events(feed_server, 3))
    store = EventStore(make_engine(sqlite_url))
    try:
        assert projections.lag(store) == dict.fromkeys(projections.REGISTRY, 0)
        developments = timeline(store, TimelineQuery())
    finally:
        store.close()
    assert developments
    written = sorted(p.name.split("-", 1)[1] for p in digests.iterdir())
    day = written[0].split(".")[0]
    assert written == [f"{day}.{ext}" for ext in ("html", "json", "md", "xml")] + [
        f"latest.{ext}" for ext in ("html", "json", "md", "xml")
    ]
    markdown = (digests / f"digest-{day}.md").read_text()
    assert all(d["summary"] in markdown for d in developments)
    assert (digests / "digest-latest.xml").read_bytes() == (digests / f"digest-{day}.xml").read_bytes()


def test_sigterm_stops_the_daemon_cleanly_and_a_restart_carries_on(
    sqlite_url: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    documents = gold_documents()
    feed_server.add_items(0, documents[:3])
    feed_server.add_items(1, documents[3:5])
    prepare(sqlite_url, feed_server, 2, interval=2)
    daemon = start_daemon(sqlite_url, tmp_path, "--tick", "1", "--jitter", "0", "--digest-at", "off")
    try:
        wait_for(lambda: counts(sqlite_url)[0] == 5, 40, "the first articles")
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(20) == 0
    finally:
        daemon.kill()
    log = (tmp_path / "daemon.log").read_text()
    assert "SIGTERM: stopping" in log and "stopped" in log
    verify(sqlite_url)
    before = counts(sqlite_url)

    feed_server.add_items(1, documents[5:7])
    daemon = start_daemon(
        sqlite_url, tmp_path, "--tick", "1", "--jitter", "0", "--digest-at", "off", name="again"
    )
    try:
        wait_for(lambda: counts(sqlite_url)[0] == 7, 40, "the new articles")
        time.sleep(2.5)  # another interval: nothing new may be stored twice
        daemon.send_signal(signal.SIGINT)
        assert daemon.wait(20) == 0
    finally:
        daemon.kill()
    n_articles, n_events = counts(sqlite_url)
    assert n_articles == 7 and n_events > before[1]
    verify(sqlite_url)


def test_sigterm_in_the_middle_of_a_poll_exits_0_and_gives_the_feed_back(
    sqlite_url: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    documents = gold_documents()
    feed_server.add_items(0, documents[:2])
    feed_server.add_items(1, documents[2:4])
    feed_server.delays["/feed/1"] = 30.0  # far longer than the test waits for the exit
    prepare(sqlite_url, feed_server, 2)
    daemon = start_daemon(sqlite_url, tmp_path, "--tick", "1", "--jitter", "0", "--digest-at", "off")
    try:
        assert feed_server.delayed.wait(30), "the slow feed was never fetched"
        wait_for(lambda: counts(sqlite_url)[0] == 2, 30, "the quick feed's articles")
        started = time.monotonic()
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(20) == 0
        assert time.monotonic() - started < 15  # did not wait for the slow response
    finally:
        daemon.kill()
    verify(sqlite_url)
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(feeds.c.id, feeds.c.lease_owner, feeds.c.last_polled_at)).all()
    finally:
        engine.dispose()
    assert all(owner is None for _, owner, _ in rows)  # the slow feed's lease was given back
    assert "stopped (1 feeds interrupted)" in (tmp_path / "daemon.log").read_text()
    assert [polled is None for _, _, polled in sorted(rows)] == [False, True]

    feed_server.delays.clear()
    daemon = start_daemon(
        sqlite_url, tmp_path, "--tick", "1", "--jitter", "0", "--digest-at", "off", name="again"
    )
    try:
        wait_for(lambda: counts(sqlite_url)[0] == 4, 40, "the slow feed's articles after the restart")
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(20) == 0
    finally:
        daemon.kill()
    verify(sqlite_url)


@pytest.mark.postgres
@pytest.mark.slow
def test_two_daemons_on_postgresql_never_poll_a_feed_twice_in_its_interval(
    pg_url: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    feeds_count, interval, run_for = 50, 8, 32.0
    documents = gold_documents()
    for n in range(feeds_count):
        feed_server.add_items(n, [documents[n % len(documents)], documents[(n + 50) % len(documents)]])
    prepare(pg_url, feed_server, feeds_count, interval=interval)
    args = ("--tick", "1", "--jitter", "0.5", "--max-feeds", "20", "--digest-at", "off")
    first = start_daemon(pg_url, tmp_path, *args, name="first")
    second = start_daemon(pg_url, tmp_path, *args, name="second")
    try:
        # At least run_for seconds, and until every feed was polled twice (a loaded machine is slow).
        time.sleep(run_for)
        wait_for(lambda: all(len(feed_server.times(n)) >= 2 for n in range(feeds_count)), 90, "second polls")
        for daemon in (first, second):
            daemon.send_signal(signal.SIGTERM)
        assert first.wait(30) == 0 and second.wait(30) == 0
    finally:
        first.kill()
        second.kill()

    for n in range(feeds_count):
        times = feed_server.times(n)
        gaps = [b - a for a, b in itertools.pairwise(times)]
        # A feed's next poll is due an interval after its previous poll ended.
        assert min(gaps) >= interval, f"feed {n} polled twice within its interval: {gaps}"
    polled, interrupted = {}, 0
    for name in ("first", "second"):
        text = (tmp_path / f"{name}.log").read_text()
        polled[name] = sum(int(feeds_) for feeds_, _, _ in CYCLE_LINE.findall(text))
        interrupted += sum(int(n) for n in INTERRUPTED.findall(text))
    assert all(polled.values()), f"one daemon did no work: {polled}"
    # Every request the server saw is in a cycle line, polled or cut short by the SIGTERM.
    requests = sum(len(feed_server.times(n)) for n in range(feeds_count))
    assert sum(polled.values()) <= requests <= sum(polled.values()) + interrupted
    n_articles, n_events = counts(pg_url)
    assert n_articles == feeds_count * 2  # every item once, however many daemons saw it
    assert n_events == expected_events(feed_server, feeds_count)
    verify(pg_url)
