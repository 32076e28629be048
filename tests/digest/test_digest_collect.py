"""What a day's digest lists, on both backends: NEW, UPDATED (and why), withdrawn, filters, time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update

import tracker.digest
from events.records import GENESIS
from events.store import EventStore
from tests.conftest import Clock
from tests.digest.conftest import DAY1, DAY2, Story, append_at, deal
from tracker.digest import build_digest, render_digest
from tracker.digest.collect import day_window, today
from tracker.feeds.registry import add_feed
from tracker.feeds.tables import feeds
from tracker.projections import catch_up_all

NOW = DAY2 + timedelta(days=1)


def digest_of(store: EventStore, day: datetime, **kwargs):
    return build_digest(store, day=day.date(), tz=kwargs.pop("tz", UTC), now=NOW, **kwargs)


def test_the_public_names_are_pinned() -> None:
    assert sorted(tracker.digest.__all__) == sorted(
        [
            "FORMATS",
            "Digest",
            "Entry",
            "FeedProblem",
            "LogHead",
            "build_digest",
            "export_digest",
            "render_digest",
        ]
    )


def test_day_one_is_all_new_and_shows_the_developments_as_they_stood_that_day(story: Story) -> None:
    digest = digest_of(story.store, DAY1)
    assert sorted((e.type, e.change) for e in digest.entries) == [
        ("deal", "new"),
        ("delivery", "new"),
        ("statement", "new"),
    ]
    [deal_entry] = [e for e in digest.entries if e.type == "deal"]
    # Day 2 refined the deal; the day-1 digest still shows what was known by the end of day 1.
    assert deal_entry.occurred == {"date": "2018", "precision": "year"}
    assert deal_entry.status == "planned" and deal_entry.development["sources"] == 1
    assert all(e.changes == () for e in digest.entries)
    assert digest.head.position == 3 and digest.head.hash == story.store.get(3).chain_hash
    assert digest.after_position == 0


def test_day_two_marks_the_refined_deal_updated_with_what_moved(story: Story) -> None:
    digest = digest_of(story.store, DAY2)
    by_type = {e.type: e for e in digest.entries}
    assert set(by_type) == {"deal", "sanction", "statement"}  # the delivery did not move
    updated = by_type["deal"]
    assert updated.change == "updated" and updated.id == f"dev-{story.deal.position}"
    assert updated.changes == ("+1 source", "date 2018 → Oct 2018", "status planned → signed")
    assert updated.development["status_history"] == ["planned", "signed"]
    assert [s.url for s in updated.sources] == ["https://a.example/s400", "https://c.example/signed"]
    assert by_type["sanction"].change == "new"
    withdrawn = by_type["statement"]
    assert withdrawn.change == "withdrawn" and withdrawn.id == f"dev-{story.statement.position}"
    assert withdrawn.recorded_at == DAY2.replace(hour=15)  # the retraction's time, not the digest's
    head = story.store.head()
    assert (digest.head.position, digest.head.hash) == (head.position, head.chain_hash)
    assert digest.by_change == {"new": 1, "updated": 1, "withdrawn": 1}
    assert digest.counts == {
        "deal": {"new": 0, "updated": 1, "withdrawn": 0},
        "sanction": {"new": 1, "updated": 0, "withdrawn": 0},
        "statement": {"new": 0, "updated": 0, "withdrawn": 1},
    }
    assert digest.pairs == [(("IND", "RUS"), 2), (("IND", "USA"), 2), (("RUS", "USA"), 1)]


def test_a_new_event_that_tells_nothing_new_is_not_an_update(story: Story, clock: Clock) -> None:
    later = DAY2 + timedelta(days=1, hours=2)
    same = deal("https://c.example/signed", "India signed the S-400 deal.", date="2018-10", status="signed")
    append_at(story.store, clock, later, same)  # same outlet URL, same date and status
    assert digest_of(story.store, later).entries == ()


def test_actor_filter_keeps_developments_involving_any_of_the_actors(story: Story) -> None:
    usa = digest_of(story.store, DAY2, actors=["usa"])
    assert usa.actors == ("USA",)
    assert sorted(e.type for e in usa.entries) == ["sanction", "statement"]
    assert sorted(e.type for e in digest_of(story.store, DAY2, actors=["RUS", "CHN"]).entries) == [
        "deal",
        "statement",
    ]
    assert digest_of(story.store, DAY2, actors=["CHN"]).entries == ()


def test_an_event_recorded_at_2330_utc_belongs_to_the_next_day_in_kolkata(story: Story, clock: Clock) -> None:
    late = DAY2.replace(hour=23, minute=30)
    brahmos = deal(
        "https://e.example/brahmos", "India agreed to buy BrahMos missiles.", buyer="PHL", seller="IND",
        items=("BrahMos",), date="2026-03", status="signed",
    )  # fmt: skip
    append_at(story.store, clock, late, brahmos)
    kolkata = ZoneInfo("Asia/Kolkata")

    def ids(day: date, tz) -> set[str]:
        return {e.summary for e in build_digest(story.store, day=day, tz=tz, now=NOW).entries}

    assert brahmos.summary in ids(date(2026, 3, 11), UTC)
    assert brahmos.summary not in ids(date(2026, 3, 11), kolkata)
    assert ids(date(2026, 3, 12), kolkata) == {brahmos.summary}
    assert ids(date(2026, 3, 12), UTC) == set()


def test_an_empty_day_and_an_empty_log_are_valid_digests(store: EventStore) -> None:
    digest = build_digest(store, day=date(2026, 1, 1), tz=UTC, now=NOW)
    assert not digest.moved and digest.entries == () and digest.pairs == [] and digest.counts == {}
    assert (digest.head.position, digest.head.hash) == (0, GENESIS)
    assert digest.as_json()["developments"] == []


def test_failed_and_stale_feeds(store: EventStore) -> None:
    def feed(name: str, created: datetime, **row) -> None:
        record = add_feed(store.engine, f"https://{name}.example/rss", interval=3600, now=created)
        if row:
            with store.engine.begin() as conn:
                conn.execute(update(feeds).where(feeds.c.id == record.id).values(**row))

    long_ago = NOW - timedelta(days=5)
    feed("fresh", long_ago, last_status="ok", last_polled_at=NOW - timedelta(hours=1))
    feed("quiet", long_ago, last_status="not_modified", last_polled_at=NOW - timedelta(hours=4))
    feed("never", long_ago)
    feed("newborn", NOW - timedelta(hours=2))
    feed("erring", long_ago, last_status="error", last_error="HTTP 500", error_count=2, last_polled_at=NOW)
    feed("gone", long_ago, enabled=False, disabled_reason="HTTP 410 Gone", last_status="gone", error_count=1)
    catch_up_all(store)
    digest = build_digest(store, day=NOW.date(), tz=UTC, now=NOW)
    states = {p.url.split("//")[1].split(".")[0]: p.state for p in digest.feeds}
    assert states == {"erring": "failed", "gone": "failed", "quiet": "stale", "never": "stale"}
    reasons = {p.url: p.reason for p in digest.feeds}
    assert "HTTP 500" in reasons["https://erring.example/rss"]
    assert "HTTP 410 Gone" in reasons["https://gone.example/rss"]
    assert [f["url"] for f in digest.as_json()["feeds"]["stale"]] == [
        "https://quiet.example/rss",
        "https://never.example/rss",
    ]
    epilogue = render_digest(digest, "md").split("## Feeds")[1]
    assert (
        "- **failed** https://erring.example/rss (<https://erring.example/rss>): 2 failed polls: HTTP 500"
        in epilogue
    )
    assert "- **stale** https://never.example/rss" in epilogue and "fresh.example" not in epilogue


def test_the_day_is_counted_in_the_time_zone_even_across_a_dst_change() -> None:
    start, end = day_window(date(2026, 3, 8), ZoneInfo("America/New_York"))
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    assert start.astimezone(UTC) == datetime(2026, 3, 8, 5, tzinfo=UTC)
    assert today(ZoneInfo("Asia/Kolkata"), datetime(2026, 3, 11, 23, 30, tzinfo=UTC)) == date(2026, 3, 12)
    assert today(UTC, datetime(2026, 3, 11, 23, 30, tzinfo=UTC)) == date(2026, 3, 11)
