"""kill -9 in the middle of a poll, then poll again: exactly the articles and events of a clean run.

The poll runs in a subprocess (tests/feeds/data/poll_worker.py) over local
file:// feeds, with an extraction hook slow enough to be killed once some
articles are stored. The end state is compared, by article key, with a clean
run into a second database; the log's hash chain must verify.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from events.engine import make_engine
from events.store import EventStore
from tracker.db import migrate
from tracker.feeds.registry import add_feed
from tracker.feeds.tables import article_keys, articles

WORKER = Path(__file__).parent / "data" / "poll_worker.py"
ROOT = Path(__file__).resolve().parents[2]
NOW = "2025-03-01T12:00:00+00:00"
FEEDS, ITEMS = 30, 20


def write_feeds(folder: Path) -> list[str]:
    urls = []
    for f in range(FEEDS):
        items = "".join(
            f"<item><title>Feed {f} story {i}</title><guid>urn:{f}:{i}</guid>"
            f"<link>https://n.example/{f}/{i}?utm_source=rss</link>"
            f"<description>Story {i} of feed {f}.</description>"
            f"<pubDate>Fri, 28 Feb 2025 {i % 24:02d}:00:00 GMT</pubDate></item>"
            for i in range(ITEMS)
        )
        path = folder / f"feed{f}.xml"
        path.write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{f}</title>{items}</channel></rss>'
        )
        urls.append(path.as_uri())
    return urls


def prepare(url: str, feeds: list[str]) -> None:
    engine = make_engine(url)
    migrate(engine)
    for feed in feeds:
        add_feed(engine, feed)
    engine.dispose()


def start(url: str, delay: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(WORKER), url, NOW, str(delay)], env=env, cwd=ROOT)


def article_count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, Any]:
    """Everything stored, with article ids (which depend on write order) replaced by article keys."""
    store = EventStore(make_engine(url))
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(articles.c.id, articles.c.key, articles.c.revision, articles.c.content_hash)
        )
        by_id = {row.id: row.key for row in rows}
        revisions = sorted(
            conn.execute(select(articles.c.key, articles.c.revision, articles.c.content_hash)).all()
        )
        keys = sorted(
            (k, by_id[a]) for k, a in conn.execute(select(article_keys.c.key, article_keys.c.article_id))
        )
    events = []
    for record in store.read():
        _, article_id, rest = record.key.split(":", 2)
        events.append((by_id[int(article_id)], rest, record.type, record.payload))
    assert store.verify().ok
    store.close()
    return {"articles": revisions, "keys": keys, "events": sorted(events, key=repr)}


def test_a_poll_killed_mid_way_and_run_again_ends_like_a_clean_run(db_url: str, tmp_path: Path):
    feeds = write_feeds(tmp_path)
    prepare(db_url, feeds)
    process = start(db_url, delay=0.004)
    deadline = time.monotonic() + 60
    while article_count(db_url) < ITEMS * 3 and time.monotonic() < deadline:
        assert process.poll() is None, "the poll ended before it could be killed"
        time.sleep(0.02)
    assert process.poll() is None, "the poll ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < article_count(db_url) < FEEDS * ITEMS
    assert start(db_url, delay=0).wait(60) == 0

    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    prepare(clean, feeds)
    assert start(clean, delay=0).wait(60) == 0
    expected, got = snapshot(clean), snapshot(db_url)
    assert len(expected["articles"]) == FEEDS * ITEMS and len(expected["events"]) == 2 * FEEDS * ITEMS
    assert got == expected
