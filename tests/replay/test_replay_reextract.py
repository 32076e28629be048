"""An archive extracted with v1, replayed with v2, on SQLite and PostgreSQL.

The archive is stored through the real poll path; the replay must leave the
timeline a fresh v2 ingest builds, while the log only grows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from events.schema import event_log, projection_checkpoints
from events.store import EventStore
from tests.conftest import Clock
from tests.replay.conftest import (
    START,
    V1,
    V2,
    Extractor,
    archive,
    current,
    ingest,
    normalised,
    open_store,
    write_feed,
)
from tracker.feeds.tables import article_revisions, articles
from tracker.replay import Selection, difference, preview, reextract
from tracker.timeline.query import TimelineQuery, timeline
from tracker.timeline.tables import timeline_developments, timeline_events, timeline_versions


def log_rows(store: EventStore) -> list[tuple[Any, ...]]:
    """Every stored column of every record, payload as the bytes stored."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(event_log).order_by(event_log.c.position)).all()
    return [
        (r.position, r.key, r.type, r.version, bytes(r.payload), r.recorded_at, r.chain_hash) for r in rows
    ]


def projection_rows(store: EventStore) -> list[list[tuple[Any, ...]]]:
    tables = (timeline_developments, timeline_events, timeline_versions, projection_checkpoints)
    with store.engine.connect() as conn:
        return [sorted(tuple(map(str, row)) for row in conn.execute(select(t))) for t in tables]


def pointers(store: EventStore) -> dict[int, tuple[int | None, int]]:
    r = article_revisions
    newest = select(r.c.article_id, r.c.first_position, r.c.event_count).join(
        articles, (articles.c.id == r.c.article_id) & (articles.c.revision == r.c.revision)
    )
    with store.engine.connect() as conn:
        return {row[0]: (row[1], row[2]) for row in conn.execute(newest)}


@pytest.fixture
def feed_url(tmp_path: Path) -> str:
    return write_feed(tmp_path / "archive.xml", archive(), 1_700_000_000)


def test_replaying_v1_with_v2_equals_a_fresh_v2_ingest_and_only_grows_the_log(
    store: EventStore, clock: Clock, feed_url: str, tmp_path: Path
) -> None:
    assert ingest(store, feed_url, V1, START).new_articles == len(archive())
    v1_timeline = current(store)
    v1_log = log_rows(store)
    v1_known = clock.advance(hours=1)
    clock.advance(days=1)

    dry = preview(store, extractor=V2)
    assert log_rows(store) == v1_log  # the dry run appended nothing
    projection = projection_rows(store)

    report = reextract(store, extractor=V2)
    after = current(store)
    assert report.count("re-extracted") == dry.report.count("re-extracted") > 0
    assert report.count("unchanged") > 0 and report.count("failed") == 0
    assert report.appended == dry.report.appended == len(log_rows(store)) - len(v1_log)
    assert log_rows(store)[: len(v1_log)] == v1_log  # the log only grew
    assert store.verify().ok
    assert projection != projection_rows(store)  # sanity: the real run did change the projection

    fresh = open_store(f"sqlite:///{tmp_path / 'fresh.db'}", Clock(START))
    try:
        ingest(fresh, feed_url, V2, START)
        assert normalised(after) == normalised(current(fresh))
    finally:
        fresh.close()

    then = timeline(store, TimelineQuery(as_of=v1_known))
    assert normalised(then) == normalised(v1_timeline)
    assert [c.row() for c in dry.changes] == [c.row() for c in difference(v1_timeline, after)]
    assert {c.kind for c in dry.changes} >= {"added", "changed"}

    again = reextract(store, extractor=V2)
    assert again.appended == 0 and again.count("unchanged") == len(archive())
    assert preview(store, extractor=V2).changes == []


def test_the_dry_run_touches_neither_the_log_nor_the_projection(store: EventStore, feed_url: str) -> None:
    ingest(store, feed_url, V1, START)
    current(store)
    before = (log_rows(store), projection_rows(store), pointers(store))
    assert preview(store, extractor=V2).changes
    assert (log_rows(store), projection_rows(store), pointers(store)) == before


def test_a_new_version_that_finds_the_same_events_appends_nothing(store: EventStore, feed_url: str) -> None:
    ingest(store, feed_url, V2, START)
    head = store.head().position

    def v3(text: str, **kwargs: Any) -> list[Any]:
        return [e.model_copy(update={"extractor": "rules@3"}) for e in V2.extract(text, **kwargs)]

    report = reextract(store, extractor=Extractor("rules@3", v3))
    assert {a.outcome for a in report.articles} == {"unchanged"}
    assert store.head().position == head


def test_the_pointer_moves_to_the_new_events_and_the_supersession_names_the_old(
    store: EventStore, feed_url: str
) -> None:
    ingest(store, feed_url, V1, START)
    old = pointers(store)
    report = reextract(store, extractor=V2)
    new = pointers(store)
    for result in report.articles:
        if result.outcome == "unchanged":
            assert new[result.article] == old[result.article]
            continue
        first, count = new[result.article]
        assert count == result.new and first is not None
        records = [store.get(p) for p in range(first, first + count)]
        assert all(r is not None and r.payload["extractor"] == "rules@2" for r in records)
        assert all(
            r is not None and r.key.startswith(f"article:{result.article}:r1:rules@2:") for r in records
        )
        if result.record is not None:
            superseding = store.get(result.record)
            assert superseding is not None
            was_first, was_count = old[result.article]
            assert was_first is not None
            assert superseding.payload["old"] == [f"ev-{p}" for p in range(was_first, was_first + was_count)]
            assert superseding.payload["new"] == [f"ev-{p}" for p in range(first, first + count)]
            assert superseding.payload["reason"] == "re-extracted with rules@2"
            assert superseding.payload["article"] == f"article:{result.article}"


def test_a_revision_after_a_re_extraction_supersedes_the_re_extracted_events(
    store: EventStore, clock: Clock, tmp_path: Path
) -> None:
    stories = archive()
    path = tmp_path / "archive.xml"
    url = write_feed(path, stories, 1_700_000_000)
    ingest(store, url, V1, START)
    reextract(store, extractor=V2)
    with store.engine.connect() as conn:
        title = articles.c.title == stories[-1].title
        seed_article = conn.execute(select(articles.c.id).where(title)).scalar_one()
    re_first, re_count = pointers(store)[seed_article]
    assert re_first is not None and re_count

    revised = [*stories[:-1], replace(stories[-1], title="Updated: US does not want India to rely on Russia")]
    clock.advance(days=2)
    write_feed(path, revised, 1_700_100_000)
    result = ingest(store, url, V2, START + timedelta(days=2))
    assert (result.new_articles, result.new_revisions) == (0, 1)
    superseding = next(r for r in reversed(list(store.read())) if r.type == "superseded")
    assert superseding.payload["old"] == [f"ev-{p}" for p in range(re_first, re_first + re_count)]
    assert superseding.payload["reason"] == "article revised"
    current(store)
    with store.engine.connect() as conn:
        sql = "SELECT COUNT(*) FROM timeline_events WHERE retracted_at IS NULL AND position BETWEEN :a AND :b"
        live = conn.execute(text(sql), {"a": re_first, "b": re_first + re_count - 1}).scalar()
    assert live == 0
    assert reextract(store, extractor=V2).appended == 0  # the revision was extracted with v2 already
    assert store.verify().ok


def test_since_and_feed_select_the_articles(store: EventStore, tmp_path: Path) -> None:
    stories = archive()
    first = write_feed(tmp_path / "a.xml", stories[:5], 1_700_000_000)
    second = write_feed(tmp_path / "b.xml", stories[5:], 1_700_000_000)
    ingest(store, first, V1, START)
    ingest(store, second, V1, START)

    only_b = preview(store, selection=Selection(feed=second), extractor=V2).report
    assert len(only_b.articles) == len(stories) - 5
    titles = {a.title for a in only_b.articles}
    assert titles == {s.title for s in stories[5:]}
    assert {a.title for a in preview(store, selection=Selection(feed="1"), extractor=V2).report.articles} == {
        s.title for s in stories[:5]
    }

    since = date(2022, 4, 1)
    recent = reextract(store, selection=Selection(since=since), extractor=V2)
    assert {a.title for a in recent.articles} == {s.title for s in stories if s.published.date() >= since}
    rest = reextract(store, extractor=V2)
    touched = {a.title for a in rest.articles if a.outcome == "re-extracted"}
    assert touched and all(s.published.date() < since for s in stories if s.title in touched)
