"""What a fetch means for a feed's row: status, validators, error count, next poll (pure).

The rules of issue 3, in one place:

- ok / not modified: errors reset, validators kept for the next conditional
  GET, next poll after the feed's interval, lengthened (never shortened) by a
  ``<ttl>`` or ``Cache-Control: max-age`` up to ``max_hinted``;
- a document that parsed to nothing usable (no entries and a parse error) is
  a failure, and its validators are *not* stored, so the next poll fetches it
  again instead of being told "304, nothing new" about a broken body;
- 410: the feed is disabled with its reason, and no longer polled;
- 429/503 and other failures: ``error_count`` grows, the next poll waits the
  exponential backoff with jitter (capped at 24 h: a feed is never stuck for
  good), and never earlier than the server's Retry-After;
- 301/308: the new URL is stored (``FeedUpdate.url``).

:class:`StatusWriter` batches the updates into short transactions of their
own: losing one to a crash only means the feed is fetched again next time.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select, update
from sqlalchemy.exc import IntegrityError

from events.store import wrap_errors
from tracker.feeds.fetch import FetchResult, Outcome, interval_from_hints, next_poll_after_failure
from tracker.feeds.parse import ParsedFeed
from tracker.feeds.tables import feeds

log = logging.getLogger(__name__)

MIN_INTERVAL = timedelta(minutes=1)
MAX_HINTED_INTERVAL = timedelta(hours=12)


@dataclass(frozen=True)
class FeedUpdate:
    """The columns a poll writes on a feed's row (``url``/``title`` only when they change)."""

    id: int
    last_status: str
    last_http_status: int | None
    last_error: str | None
    error_count: int
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime
    next_poll_at: datetime | None
    enabled: bool
    disabled_reason: str | None
    url: str | None = None
    title: str | None = None

    @property
    def failed(self) -> bool:
        return self.last_status not in (Outcome.OK, Outcome.NOT_MODIFIED)


@dataclass(frozen=True)
class FeedState:
    """What the rules need to know of the feed before the fetch."""

    id: int
    url: str
    title: str | None
    interval: int
    error_count: int
    etag: str | None
    last_modified: str | None


def usable(parsed: ParsedFeed | None) -> bool:
    """A document is worth storing unless it gave no entries *and* an error."""
    return parsed is not None and (bool(parsed.entries) or not parsed.bozo_error)


def feed_update(
    feed: FeedState,
    result: FetchResult,
    parsed: ParsedFeed | None,
    now: datetime,
    *,
    warning: str | None = None,
    rng: random.Random | None = None,
    max_hinted: timedelta = MAX_HINTED_INTERVAL,
) -> FeedUpdate:
    """The feed's new state after ``result`` (and ``parsed`` when the fetch was OK)."""
    common: dict[str, Any] = {"id": feed.id, "last_http_status": result.status, "last_polled_at": now}
    if result.outcome is Outcome.GONE:
        reason = f"{result.error or 'HTTP 410 Gone'} (disabled {now:%Y-%m-%d %H:%M} UTC)"
        return FeedUpdate(
            last_status=result.outcome, last_error=result.error, error_count=feed.error_count + 1,
            etag=feed.etag, last_modified=feed.last_modified, next_poll_at=None, enabled=False,
            disabled_reason=reason, **common,
        )  # fmt: skip
    if result.outcome is Outcome.OK and not usable(parsed):
        error = parsed.bozo_error if parsed else "nothing parsed"
        return _failure(feed, common, "unparsable", error, None, now, rng)
    if result.outcome in (Outcome.RETRY_LATER, Outcome.ERROR):
        return _failure(feed, common, result.outcome, result.error, result.retry_after, now, rng)
    interval = interval_from_hints(
        timedelta(seconds=feed.interval),
        ttl_minutes=parsed.ttl_minutes if parsed else None,
        cache_control=result.headers.get("cache-control"),
        floor=min(MIN_INTERVAL, timedelta(seconds=feed.interval)),  # hints never shorten a set interval
        ceiling=max_hinted,
    )
    error = "; ".join(e for e in ((parsed.bozo_error if parsed else None), warning) if e) or None
    return FeedUpdate(
        last_status=result.outcome, last_error=error, error_count=0, etag=result.etag,
        last_modified=result.last_modified, next_poll_at=now + interval, enabled=True,
        disabled_reason=None, url=result.permanent_url if result.permanent_url != feed.url else None,
        title=parsed.title or None if parsed and not feed.title else None, **common,
    )  # fmt: skip


def _failure(
    feed: FeedState,
    common: dict[str, Any],
    status: str,
    error: str | None,
    retry_after: datetime | None,
    now: datetime,
    rng: random.Random | None,
) -> FeedUpdate:
    count = feed.error_count + 1
    next_poll = now + next_poll_after_failure(count, rng=rng)
    if retry_after is not None:
        next_poll = max(next_poll, retry_after)
    return FeedUpdate(
        last_status=status, last_error=error or status, error_count=count, etag=feed.etag,
        last_modified=feed.last_modified, next_poll_at=next_poll, enabled=True, disabled_reason=None,
        **common,
    )  # fmt: skip


_BATCHED = (
    "last_status", "last_http_status", "last_error", "error_count", "etag", "last_modified",
    "last_polled_at", "next_poll_at", "enabled", "disabled_reason",
)  # fmt: skip


# Built once, ids bound as one expanding parameter: coercing 100 literal ids per batch was a third
# of a not-modified cycle's status writing (cProfile of bench/poll.py).
_HELD = (
    select(feeds.c.id)
    .where(feeds.c.id.in_(bindparam("ids", expanding=True)), feeds.c.lease_owner == bindparam("owner"))
    .with_for_update()
)


class StatusWriter:
    """Collects feed updates and writes them in batches, each in a short transaction of its own."""

    def __init__(self, engine: Engine, batch: int = 100, owner: str | None = None) -> None:
        self.engine = engine.execution_options(immediate=True)  # BEGIN IMMEDIATE on SQLite
        self.batch = batch
        self.owner = owner
        self.pending: list[FeedUpdate] = []
        self.lost: list[int] = []  # feeds whose lease another poller took over meanwhile

    def add(self, change: FeedUpdate) -> None:
        self.pending.append(change)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        with wrap_errors("feed status"), self.engine.begin() as conn:
            if self.owner is not None:
                pending = self._still_held(conn, pending)
            rows = [{"b_id": c.id, **{name: getattr(c, name) for name in _BATCHED}} for c in pending]
            values: dict[str, Any] = {name: bindparam(name) for name in _BATCHED}
            if self.owner is not None:
                values.update(lease_owner=None, lease_until=None)  # finishing the poll ends the lease
            if rows:
                statement = update(feeds).where(feeds.c.id == bindparam("b_id")).values(values)
                conn.execute(statement, rows)
            for change in pending:
                if change.title:
                    conn.execute(
                        update(feeds).where(feeds.c.id == change.id, feeds.c.title.is_(None)),
                        {"title": change.title},
                    )
        for change in pending:
            if change.url:
                self._move(change)

    def _still_held(self, conn: Connection, pending: list[FeedUpdate]) -> list[FeedUpdate]:
        """The updates whose feed this poller still leases (locked until the commit); the rest are
        dropped: a lease that expired and was claimed by another poller is theirs to finish."""
        ids = [change.id for change in pending]
        held = set(conn.execute(_HELD, {"ids": ids, "owner": self.owner}).scalars())
        for change in pending:
            if change.id not in held:
                log.warning("feed %s: lease lost to another poller; its outcome is not recorded", change.id)
                self.lost.append(change.id)
        return [change for change in pending if change.id in held]

    def _move(self, change: FeedUpdate) -> None:
        """Store a permanent redirect's target, unless another registered feed has that URL already."""
        with wrap_errors("feed status"):
            try:
                with self.engine.begin() as conn:
                    conn.execute(update(feeds).where(feeds.c.id == change.id), {"url": change.url})
            except IntegrityError:
                with self.engine.begin() as conn:
                    note = f"moved permanently to {change.url}, which is registered as another feed"
                    conn.execute(update(feeds).where(feeds.c.id == change.id), {"last_error": note})
