"""poll() against real local HTTP servers and real databases (SQLite and PostgreSQL).

The clock is injected (``NOW`` and later), the backoff jitter seeded, and the
extraction hook is a small pure function here, so nothing depends on the
real extractor or on when the test runs.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import func, select
from werkzeug import Request, Response

from events.engine import make_engine
from events.model import Evidence, Roles, Statement
from events.store import EventStore
from tracker.db import migrate
from tracker.feeds.poll import PollSettings, poll
from tracker.feeds.registry import add_feed, get_feed
from tracker.feeds.tables import article_keys, article_revisions, articles

NOW = datetime.fromisoformat("2025-03-01T12:00:00+00:00")
DATA = Path(__file__).parent / "data"
FAST = PollSettings(connect_timeout=1.0, read_timeout=0.5, deadline=1.5, rng=random.Random(7))
RSS = "application/rss+xml"


def hook(text: str, *, title: str | None, published: datetime | None, url: str | None) -> list[Any]:
    """One statement per article, made from its title: enough to see events appended and keyed."""
    return [
        Statement(
            occurred=None, roles=Roles(speaker="IND"), summary=title or "untitled",
            evidence=Evidence(sentence=(text or title or "")[:80], url=url, title=title),
            reported_at=published, confidence=0.5, extractor="test@1",
        )
    ]  # fmt: skip


def item(n: int, *, title: str | None = None, link: str | None = None, guid: str | None = None) -> str:
    link = link or f"https://news.example.com/story/{n}?utm_source=rss"
    guid_xml = f"<guid>{guid}</guid>" if guid else ""
    return (
        f"<item><title>{title or f'Story {n}'}</title><link>{link}</link>{guid_xml}"
        f"<description>Body of story {n}.</description>"
        f"<pubDate>Fri, 28 Feb 2025 {n % 24:02d}:00:00 GMT</pubDate></item>"
    )


def rss(*items: str, title: str = "Example") -> bytes:
    body = "".join(items)
    channel = f"<channel><title>{title}</title>{body}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@pytest.fixture
def store(db_url: str) -> Iterator[EventStore]:
    engine = make_engine(db_url)
    migrate(engine)
    engine.dispose()
    store = EventStore(make_engine(db_url))
    yield store
    store.close()


def run(store: EventStore, now: datetime = NOW, **kwargs: Any) -> Any:
    return poll(store, now=now, extract=hook, settings=kwargs.pop("settings", FAST), **kwargs)


def count(store: EventStore, table: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def serve(httpserver: HTTPServer, path: str, body: bytes, *, etag: str | None = None) -> list[Request]:
    """Serve ``body`` at ``path``, answering 304 to a matching If-None-Match; returns the requests seen."""
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        if etag and request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type=RSS, headers={"ETag": etag} if etag else {})

    httpserver.expect_request(path).respond_with_handler(handler)
    return seen


def test_conditional_get_second_poll_is_not_modified(store, httpserver: HTTPServer):
    seen = serve(httpserver, "/feed", rss(item(1), item(2)), etag='"v1"')
    feed = add_feed(store.engine, httpserver.url_for("/feed"), now=NOW)
    first = run(store)
    assert (first.polled, first.new_articles, first.new_events, first.failed) == (1, 2, 2, 0)
    stored = get_feed(store.engine, feed.id)
    assert (stored.etag, stored.last_status, stored.title) == ('"v1"', "ok", "Example")
    assert stored.next_poll_at == NOW + timedelta(minutes=30)
    assert run(store, NOW + timedelta(minutes=10)).polled == 0  # not due yet
    second = run(store, NOW + timedelta(hours=1))
    assert (second.polled, second.not_modified, second.new_articles) == (1, 1, 0)
    assert seen[-1].headers["If-None-Match"] == '"v1"'
    assert count(store, articles) == 2
    assert store.verify().ok


def test_permanent_redirect_stores_the_new_url(store, httpserver: HTTPServer):
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/new")}
    )
    serve(httpserver, "/new", rss(item(1)))
    feed = add_feed(store.engine, httpserver.url_for("/old"), now=NOW)
    assert run(store).new_articles == 1
    assert get_feed(store.engine, feed.id).url == httpserver.url_for("/new")


def test_gone_disables_the_feed_with_its_reason(store, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data("gone", status=410)
    feed = add_feed(store.engine, httpserver.url_for("/feed"), now=NOW)
    result = run(store)
    assert result.failed == 1 and "410" in result.failures[0].error
    stored = get_feed(store.engine, feed.id)
    assert not stored.enabled and "410" in (stored.disabled_reason or "")
    assert run(store, NOW + timedelta(days=30)).polled == 0


def test_too_many_requests_honours_retry_after(store, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7200"}
    )
    feed = add_feed(store.engine, httpserver.url_for("/feed"), now=NOW)
    assert run(store).failed == 1
    stored = get_feed(store.engine, feed.id)
    assert (stored.error_count, stored.last_status, stored.last_http_status) == (1, "retry_later", 429)
    assert stored.next_poll_at == NOW + timedelta(hours=2)


def test_stalled_server_fails_backs_off_and_is_polled_again_after_the_backoff(store, raw_server):
    calls: list[int] = []
    body = rss(item(1))

    def reply(conn: Any, stop: threading.Event) -> None:
        calls.append(1)
        if len(calls) == 1:
            stop.wait(3)  # stall: send nothing
            return
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {RSS}\r\nContent-Length: {len(body)}\r\n"
        head += "Connection: close\r\n\r\n"
        conn.sendall(head.encode() + body)

    server = raw_server(reply)
    feed = add_feed(store.engine, server.url, now=NOW)
    first = run(store)
    assert first.failed == 1 and "timeout" in first.failures[0].error
    stored = get_feed(store.engine, feed.id)
    assert stored.error_count == 1 and stored.enabled
    assert stored.next_poll_at is not None
    assert NOW + timedelta(minutes=3, seconds=45) <= stored.next_poll_at <= NOW + timedelta(minutes=5)
    assert run(store, NOW + timedelta(minutes=3)).polled == 0
    again = run(store, NOW + timedelta(minutes=6))
    assert (again.polled, again.failed, again.new_articles) == (1, 0, 1)
    assert get_feed(store.engine, feed.id).error_count == 0


def test_bozo_feed_keeps_what_parsed_and_records_the_error(store, httpserver: HTTPServer):
    serve(httpserver, "/feed", (DATA / "malformed.xml").read_bytes())
    feed = add_feed(store.engine, httpserver.url_for("/feed"), now=NOW)
    result = run(store)
    assert (result.failed, result.new_articles, len(result.warnings)) == (0, 2, 1)
    stored = get_feed(store.engine, feed.id)
    assert stored.last_status == "ok" and stored.last_error


def test_unparsable_document_is_a_failure_and_its_validators_are_not_kept(store, httpserver: HTTPServer):
    serve(httpserver, "/feed", b"<html><body>Not a feed", etag='"html"')
    feed = add_feed(store.engine, httpserver.url_for("/feed"), now=NOW)
    assert run(store).failed == 1
    stored = get_feed(store.engine, feed.id)
    assert stored.etag is None and stored.error_count == 1


def test_bbc_revision_fragment_makes_a_revision_that_is_re_extracted(store, httpserver: HTTPServer):
    bodies = [(DATA / "bbc_rev0.xml").read_bytes(), (DATA / "bbc_rev1.xml").read_bytes()]
    httpserver.expect_request("/bbc").respond_with_handler(
        lambda _request: Response(bodies[0], content_type=RSS)
    )
    add_feed(store.engine, httpserver.url_for("/bbc"), now=NOW)
    assert run(store).new_articles == 2
    bodies.pop(0)
    second = run(store, NOW + timedelta(hours=1))
    assert (second.new_articles, second.new_revisions) == (0, 1)
    assert second.new_events == 2  # the revision's event and the record superseding the old one
    assert count(store, articles) == 2 and count(store, article_revisions) == 3
    with store.engine.connect() as conn:
        revised = conn.execute(select(articles).where(articles.c.revision == 2)).one()
    assert revised.title == "India and Russia agree timeline for S-400 deliveries"
    assert revised.key == "guid:https://www.bbc.co.uk/news/articles/cx2r179e232o"
    records = list(store.read())
    keys = [r.key for r in records]
    assert f"article:{revised.id}:r1:test@1:0" in keys and f"article:{revised.id}:r2:test@1:0" in keys
    superseded = next(r for r in records if r.type == "superseded")
    old = next(r for r in records if r.key == f"article:{revised.id}:r1:test@1:0")
    new = next(r for r in records if r.key == f"article:{revised.id}:r2:test@1:0")
    assert (superseded.payload["old"], superseded.payload["new"]) == ([old.id], [new.id])
    assert run(store, NOW + timedelta(hours=2)).new_revisions == 0  # the same revision again: nothing
    assert store.verify().ok


def test_tracking_parameters_and_missing_guids_make_no_duplicates(store, httpserver: HTTPServer):
    body = (DATA / "indiatoday.xml").read_bytes()
    bodies = [body, body.replace(b"utm_source=rss", b"utm_source=twitter&amp;fbclid=abc")]
    httpserver.expect_request("/it").respond_with_handler(lambda _r: Response(bodies[0], content_type=RSS))
    add_feed(store.engine, httpserver.url_for("/it"), now=NOW)
    assert run(store).new_articles == 2
    bodies.pop(0)
    again = run(store, NOW + timedelta(hours=1))
    assert (again.new_articles, again.new_revisions, again.new_events) == (0, 0, 0)
    assert count(store, articles) == 2


def test_the_same_link_on_every_item_keeps_items_apart_and_once(store, httpserver: HTTPServer):
    serve(httpserver, "/press", (DATA / "same_link.xml").read_bytes())
    add_feed(store.engine, httpserver.url_for("/press"), now=NOW)
    assert run(store).new_articles == 3
    assert run(store, NOW + timedelta(hours=1)).new_articles == 0
    assert count(store, articles) == 3
    with store.engine.connect() as conn:
        stored = set(conn.execute(select(article_keys.c.key)).scalars())
    assert "link:https://mea.example.gov/press" not in stored


def test_one_story_in_two_feeds_is_stored_once(store, httpserver: HTTPServer):
    shared = item(9, guid="urn:story:9")
    serve(httpserver, "/a", rss(shared, item(1)))
    serve(httpserver, "/b", rss(shared, item(2)))
    add_feed(store.engine, httpserver.url_for("/a"), now=NOW)
    add_feed(store.engine, httpserver.url_for("/b"), now=NOW)
    assert run(store).new_articles == 3
    assert count(store, articles) == 3


def test_many_feeds_are_parsed_in_worker_processes(sqlite_url: str, httpserver: HTTPServer):
    engine = make_engine(sqlite_url)
    migrate(engine)
    store = EventStore(engine)
    for n in range(6):
        serve(httpserver, f"/f{n}", rss(*(item(100 * n + i) for i in range(5))))
        add_feed(store.engine, httpserver.url_for(f"/f{n}"), now=NOW)
    settings = PollSettings(read_timeout=2, deadline=5, pool_threshold=2, workers=2, per_host=4)
    result = run(store, settings=settings, concurrency=4)
    assert (result.polled, result.failed, result.new_articles, result.new_events) == (6, 0, 30, 30)
    assert store.verify().ok
    store.close()


def test_a_failing_extractor_costs_the_events_not_the_articles(store, httpserver: HTTPServer):
    serve(httpserver, "/feed", rss(item(1)))
    add_feed(store.engine, httpserver.url_for("/feed"), now=NOW)

    def broken(text: str, **_: Any) -> list[Any]:
        raise RuntimeError("boom")

    result = poll(store, now=NOW, extract=broken, settings=FAST)
    assert (result.new_articles, result.new_events, result.failed) == (1, 0, 0)
    assert "boom" in result.warnings[0].error


def test_unknown_feed_reference_raises_not_found(store):
    from tracker.errors import NotFound

    with pytest.raises(NotFound):
        run(store, feed="42")
