"""Which developments moved in a day, how they moved, and the figures a reader checks around them.

A day is a calendar day in the reader's time zone. recorded_at never goes
back along the log, so the events recorded that day are one range of log
positions (p0, p1], found by binary search (``EventStore.position_as_of``).
The projection's version table says which developments changed in that
range; each is folded as of p0 and p1 (``tracker.timeline.changes``), and
the two folds are compared: nothing at p0 is NEW, nothing at p1 is
withdrawn, otherwise what differs (sources, date, status, items, value) is
the update. A development whose new events told nothing new is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import select

from events.records import GENESIS, utc
from events.store import EventStore
from tracker import projections
from tracker.digest.model import Digest, Entry, FeedProblem, LogHead
from tracker.feeds.tables import feeds
from tracker.timeline.changes import Change, changed_between
from tracker.timeline.develop import Development, display_date
from tracker.timeline.facts import Facts
from tracker.timeline.query import development_json

_TICK = timedelta(microseconds=1)  # the log stores microseconds: "before t" is "at or before t - 1 µs"
_STALE_FACTOR = 3  # a feed is stale after three of its intervals without a successful poll
_NEVER_POLLED_GRACE = timedelta(days=1)
_OK_STATUSES = ("ok", "not_modified")


def day_window(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The day's first instant and the next day's, in ``tz`` (23 or 25 hours long across DST)."""
    return (
        datetime.combine(day, time(), tzinfo=tz),
        datetime.combine(day + timedelta(days=1), time(), tzinfo=tz),
    )


def today(tz: tzinfo, now: datetime | None = None) -> date:
    """The calendar day it is in ``tz`` at ``now`` (the injected clock, else the real one)."""
    return (now or datetime.now(UTC)).astimezone(tz).date()


def zone_name(tz: tzinfo) -> str:
    """The zone's name as a reader knows it: "Asia/Kolkata" for a zoneinfo zone, "UTC" for datetime.UTC."""
    return str(getattr(tz, "key", None) or tz.tzname(None) or tz)


def build_digest(
    store: EventStore,
    *,
    day: date,
    tz: tzinfo,
    actors: Sequence[str] = (),
    now: datetime | None = None,
) -> Digest:
    """The digest of ``day`` in ``tz``: developments with events recorded that day, optionally only
    those involving one of ``actors``."""
    generated_at = (now or datetime.now(UTC)).astimezone(UTC)
    wanted = tuple(dict.fromkeys(a.strip().upper() for a in actors if a.strip()))
    projections.catch_up_all(store)  # the version table must reach the end of the day
    start, end = day_window(day, tz)
    after = store.position_as_of(start - _TICK)
    until = store.position_as_of(end - _TICK)
    return Digest(
        day=day,
        tz=zone_name(tz),
        start=start,
        end=end,
        generated_at=generated_at,
        head=_log_head(store, until),
        after_position=after,
        entries=tuple(_entries(store, changed_between(store, after, until, wanted))),
        feeds=tuple(feed_health(store, generated_at)),
        actors=wanted,
    )


def _entries(store: EventStore, changes: Sequence[Change]) -> list[Entry]:
    moved = [(change, verdict) for change in changes if (verdict := classify(change)) is not None]
    positions = [f.position for change, _ in moved for f in _members(change)]
    records = {r.position: r for r in store.get_many(positions + [c.last_position for c, _ in moved])}
    payloads = {position: record.payload for position, record in records.items()}
    entries = []
    for change, (kind, what) in moved:
        development = change.after or change.before
        assert development is not None
        entries.append(
            Entry(
                development=development_json(development, list(_members(change)), payloads),
                change=kind,
                changes=what,
                recorded_at=records[change.last_position].recorded_at,
            )
        )
    return entries


def _members(change: Change) -> tuple[Facts, ...]:
    """The events to show: those active at the end of the day, or for a withdrawn development, before."""
    return change.members_after or change.members_before


def classify(change: Change) -> tuple[str, tuple[str, ...]] | None:
    """("new" | "updated" | "withdrawn", what changed), or None when nothing a reader sees changed."""
    if change.before is None:
        return ("new", ())
    if change.after is None:
        return ("withdrawn", ("all its events were retracted",))
    differences = tuple(differences_between(change.before, change.after))
    return ("updated", differences) if differences else None


def differences_between(before: Development, after: Development) -> list[str]:
    """What a reader sees moved: "+2 sources", "date 2018 → Oct 2018", "status planned → signed"."""
    found: list[str] = []
    gained = len(after.sources) - len(before.sources)
    if gained:
        found.append(f"{gained:+d} source{'' if abs(gained) == 1 else 's'}")
    if (before.date, before.precision) != (after.date, after.precision):
        old = display_date(before.date, before.precision) or "undated"
        found.append(f"date {old} → {display_date(after.date, after.precision) or 'undated'}")
    if before.status != after.status:
        found.append(_status_change(before.status, after.status))
    items = [name for norm, (name, _) in after.items.items() if norm not in before.items]
    if items:
        found.append(f"+item{'s' if len(items) > 1 else ''} {', '.join(items)}")
    if before.value is None and after.value:
        found.append(f"value {after.value.get('text') or after.value.get('amount')}")
    return found


def _status_change(old: str | None, new: str | None) -> str:
    if old is None:
        return f"status {new}"
    if new is None:
        return f"status {old} withdrawn"
    return f"status {old} → {new}"


def _log_head(store: EventStore, position: int) -> LogHead:
    record = store.get(position) if position else None
    return LogHead(position, record.chain_hash if record else GENESIS)


# -- feed health ------------------------------------------------------------------------------------


def feed_health(store: EventStore, now: datetime) -> list[FeedProblem]:
    """Failed feeds (disabled, or erring now) first, then stale ones (no successful poll for too long)."""
    f = feeds
    columns = [
        f.c.id,
        f.c.url,
        f.c.title,
        f.c.interval,
        f.c.enabled,
        f.c.disabled_reason,
        f.c.last_status,
        f.c.last_error,
        f.c.error_count,
        f.c.last_polled_at,
        f.c.created_at,
    ]
    with store.engine.connect() as conn:
        rows = conn.execute(select(*columns).order_by(f.c.id)).mappings().all()
    problems = [p for p in (feed_problem(dict(row), now) for row in rows) if p is not None]
    return sorted(problems, key=lambda p: (p.state != "failed", p.id))


def feed_problem(row: dict[str, Any], now: datetime) -> FeedProblem | None:
    """What is wrong with one feed row, if anything (pure: ``now`` is passed in)."""
    polled = utc(row["last_polled_at"]) if row["last_polled_at"] else None

    def problem(state: str, reason: str) -> FeedProblem:
        return FeedProblem(row["id"], row["url"], row["title"], state, reason, polled)

    if not row["enabled"]:
        return problem("failed", f"disabled: {row['disabled_reason'] or 'no reason given'}")
    if row["error_count"] > 0:
        count = row["error_count"]
        detail = row["last_error"] or row["last_status"] or "error"
        return problem("failed", f"{count} failed poll{'s' if count > 1 else ''}: {detail}")
    if polled is not None and row["last_status"] in _OK_STATUSES:
        limit = timedelta(seconds=row["interval"] * _STALE_FACTOR)
        if now - polled > limit:
            return problem("stale", f"last polled {_age(now - polled)} ago (every {_age(limit / 3)})")
        return None
    created = utc(row["created_at"])
    if polled is None and now - created > _NEVER_POLLED_GRACE:
        return problem("stale", f"never polled, added {_age(now - created)} ago")
    return None


def _age(span: timedelta) -> str:
    hours = span.total_seconds() / 3600
    if hours >= 48:
        return f"{hours / 24:.0f} days"
    if hours >= 1:
        return f"{hours:.0f} h"
    return f"{span.total_seconds() / 60:.0f} min"
