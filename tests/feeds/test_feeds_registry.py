"""The feed registry on both backends: add, validate, refuse duplicates, list, show, remove, OPML."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import listparser
import pytest
from sqlalchemy import Engine

from events.engine import make_engine
from tracker.db import migrate
from tracker.errors import DuplicateFeed, FeedError, NotFound
from tracker.feeds.registry import (
    add_feed,
    export_opml,
    format_interval,
    get_feed,
    import_opml,
    list_feeds,
    parse_interval,
    remove_feed,
)

NOW = datetime.fromisoformat("2025-03-01T12:00:00+00:00")
OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="World">
    <outline type="rss" text="BBC" title="BBC" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
    <outline type="rss" text="India Today" xmlUrl="https://www.indiatoday.in/rss/1206577"/>
  </outline>
  <outline type="rss" text="Not a feed URL" xmlUrl="ftp://example.com/feed"/>
  <outline type="rss" text="Twice" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
</body></opml>"""


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    migrate(engine)
    yield engine
    engine.dispose()


def test_add_then_show_list_and_remove(engine: Engine):
    feed = add_feed(
        engine, " HTTPS://Example.COM/rss?x=1 ", title="Example", interval=7200, tags=["a", "b", "a"], now=NOW
    )
    assert (feed.url, feed.title, feed.tags, feed.interval) == (
        "https://example.com/rss?x=1",
        "Example",
        ("a", "b"),
        7200,
    )
    assert feed.enabled and feed.error_count == 0 and feed.next_poll_at is None
    assert feed.created_at == NOW
    assert get_feed(engine, feed.id) == feed
    assert get_feed(engine, "https://example.com/rss?x=1") == feed
    assert [f.id for f in list_feeds(engine)] == [feed.id]
    assert feed.row()["interval"] == "2h" and feed.row()["created_at"] == "2025-03-01T12:00:00Z"
    assert remove_feed(engine, str(feed.id)).id == feed.id
    assert list_feeds(engine) == []
    with pytest.raises(NotFound):
        get_feed(engine, feed.id)


@pytest.mark.parametrize(
    "url", ["ftp://example.com/feed", "example.com/feed", "http:///nohost", "", "http://[::1"]
)
def test_invalid_urls_are_refused(engine: Engine, url: str):
    with pytest.raises(FeedError):
        add_feed(engine, url)


def test_a_duplicate_is_refused_with_a_clear_message(engine: Engine):
    add_feed(engine, "https://example.com/rss")
    with pytest.raises(DuplicateFeed, match=r"already registered: https://example\.com/rss"):
        add_feed(engine, "https://EXAMPLE.com/rss")


def test_file_urls_are_accepted(engine: Engine, tmp_path):
    assert add_feed(engine, (tmp_path / "feed.xml").as_uri()).url.startswith("file:///")


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("2h", 7200), ("1d", 86400), ("90", 90), ("90s", 90)]
)
def test_intervals(text: str, seconds: int):
    assert parse_interval(text) == seconds
    assert parse_interval(format_interval(seconds)) == seconds


@pytest.mark.parametrize("text", ["0m", "30x", "8d", "-1h", "soon"])
def test_bad_intervals(text: str):
    with pytest.raises(FeedError):
        parse_interval(text)


def test_opml_import_reports_added_present_invalid_and_export_round_trips(engine: Engine, db_url: str):
    add_feed(engine, "https://www.indiatoday.in/rss/1206577")
    report = import_opml(engine, OPML, now=NOW)
    assert (report.added, report.present, report.invalid) == (1, 1, 1)  # listparser folds "Twice"
    assert "ftp://example.com/feed" in report.problems[0]
    document = export_opml(engine, now=NOW)
    parsed = listparser.parse(document.encode())
    assert parsed.version == "opml2" and not parsed.bozo
    assert {f.url for f in parsed.feeds} == {f.url for f in list_feeds(engine)}
    bbc = get_feed(engine, "https://feeds.bbci.co.uk/news/world/rss.xml")
    assert bbc.title == "BBC" and bbc.tags == ("World",)

    other = make_engine(db_url.replace("tracker.db", "other.db")) if db_url.startswith("sqlite") else None
    if other is not None:
        migrate(other)
        assert import_opml(other, document.encode()).added == 2
        assert [(f.url, f.title, f.tags) for f in list_feeds(other)] == [
            (f.url, f.title, f.tags) for f in list_feeds(engine)
        ]
        other.dispose()


def test_unreadable_opml_is_an_error(engine: Engine):
    with pytest.raises(FeedError):
        import_opml(engine, b"\x00\x01 not xml at all <<<")
