"""An archive of real-looking articles, stored through the real poll path, and two extractor versions.

The articles are the seed article and documents of tests/data/extract_gold.json,
served as one RSS file over ``file://`` and polled with an injected extractor.
``V1`` is a deliberately weaker version of the real rules (it misses every
delivery and leaves deals undated); ``V2`` is the real rules reporting a
newer version. The store's clock is injected, so ``--as-of`` is exact.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

import pytest

from events.engine import make_engine
from events.store import EventStore
from tests.conftest import Clock
from tracker.db import migrate
from tracker.extract import extract
from tracker.feeds.poll import PollResult, poll
from tracker.feeds.registry import add_feed
from tracker.replay import Extractor
from tracker.timeline.query import TimelineQuery, timeline

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = Path(__file__).resolve().parents[3] / "shared" / "acceptance" / "seed_article.txt"
GOLD_IDS = ("x000", "x027", "x047", "x058", "x070", "x082", "x088", "x111", "x125", "x131", "x142")
START = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Story:
    guid: str
    title: str
    text: str
    published: datetime
    link: str


def archive() -> list[Story]:
    """The seed article, then gold documents in publication order (as an outlet's archive would list them)."""
    gold = {d["id"]: d for d in json.loads((DATA / "extract_gold.json").read_text())["documents"]}
    stories = [
        Story(
            f"urn:gold:{i}",
            gold[i]["title"],
            gold[i]["text"],
            datetime.fromisoformat(gold[i]["published"].replace("Z", "+00:00")),
            f"https://news.example.com/{i}",
        )
        for i in GOLD_IDS
    ]
    if SEED.exists():
        stories.append(
            Story(
                "urn:seed",
                "US does not want India to rely on Russia for military supplies",
                SEED.read_text(),
                datetime(2022, 4, 23, 6, 30, tzinfo=UTC),
                "https://www.example.in/world/us-india-russia",
            )
        )
    return stories


def rss(stories: Sequence[Story]) -> bytes:
    """An RSS 2.0 document; paragraphs as <p> so the stored text keeps them."""
    items = []
    for s in stories:
        body = "".join(f"<p>{escape(p)}</p>" for p in s.text.split("\n\n") if p.strip())
        items.append(
            f"<item><title>{escape(s.title)}</title><link>{s.link}</link><guid>{s.guid}</guid>"
            f"<pubDate>{format_datetime(s.published)}</pubDate><description>{escape(body)}</description></item>"
        )
    channel = (
        f"<channel><title>Archive</title><link>https://news.example.com/</link>{''.join(items)}</channel>"
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'.encode()


def write_feed(path: Path, stories: Sequence[Story], mtime: float) -> str:
    """Write the feed file; a new mtime makes the next poll read it (a file URL's Last-Modified)."""
    path.write_bytes(rss(stories))
    os.utime(path, (mtime, mtime))
    return path.resolve().as_uri()


def _v1(text: str, *, title: str | None, published: datetime | None, url: str | None) -> list[Any]:
    """The weaker rules: deliveries missed, deals undated."""
    found = []
    for event in extract(text, title=title, published=published, url=url):
        if event.type == "delivery":
            continue
        update: dict[str, Any] = {"extractor": "rules@1"}
        if event.type == "deal":
            update["occurred"] = None
        found.append(event.model_copy(update=update))
    return found


def _v2(text: str, *, title: str | None, published: datetime | None, url: str | None) -> list[Any]:
    found = extract(text, title=title, published=published, url=url)
    return [event.model_copy(update={"extractor": "rules@2"}) for event in found]


V1 = Extractor("rules@1", _v1)
V2 = Extractor("rules@2", _v2)


def ingest(store: EventStore, url: str, extractor: Extractor, now: datetime) -> PollResult:
    """Register the feed if needed and poll it once with this extractor (the real poll code path)."""
    from tracker.errors import DuplicateFeed

    with contextlib.suppress(DuplicateFeed):
        add_feed(store.engine, url, now=now)
    return poll(store, feed=url, now=now, extract=extractor.extract)


def normalised(developments: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """A timeline without ids or positions: what two ingests of the same articles must agree on."""
    return sorted(
        (
            d["type"],
            json.dumps(d["roles"], sort_keys=True),
            tuple(sorted(i["name"] for i in d["items"])),
            json.dumps(d["occurred"], sort_keys=True),
            d["status"] or "",
            d["sources"],
            tuple(sorted(e["sentence"] for e in d["events"])),
        )
        for d in developments
    )


def current(store: EventStore, **query: Any) -> list[dict[str, Any]]:
    from tracker import projections

    projections.catch_up_all(store)
    return timeline(store, TimelineQuery(**query))


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


def open_store(url: str, clock: Clock) -> EventStore:
    engine = make_engine(url)
    migrate(engine)
    return EventStore(engine, clock)
