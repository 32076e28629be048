"""Who polls which feed: leases in the ``feeds`` table, so several pollers share one database.

APScheduler's job stores cannot be shared between processes, so the
schedule lives in the rows themselves: a poller *claims* the due feeds by
writing its name and an expiry into ``lease_owner``/``lease_until`` in one
statement, and only the lease holder may write a poll's outcome (see
:class:`tracker.feeds.status.StatusWriter`), which also clears the lease.

- PostgreSQL: ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)
  RETURNING``: concurrent claimers skip each other's rows instead of waiting,
  and a row leased since the statement's snapshot is re-checked and skipped.
- SQLite: the same statement inside ``BEGIN IMMEDIATE`` (one writer at a time).

A lease expires (``lease_until``) so that a poller that died cannot keep its
feeds; a poller on this host whose process is gone loses its leases at once
(:func:`reap_dead`), so a poll killed with ``kill -9`` and run again carries on.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Engine, and_, or_, select, update

from events.store import wrap_errors
from tracker.errors import FeedError
from tracker.feeds.registry import get_feed
from tracker.feeds.status import FeedState
from tracker.feeds.tables import feeds

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(minutes=15)  # longer than a cycle: each fetch has a 60 s deadline
# FeedState's fields, in order.
_STATE = (
    feeds.c.id, feeds.c.url, feeds.c.title, feeds.c.interval, feeds.c.error_count, feeds.c.etag,
    feeds.c.last_modified,
)  # fmt: skip


def new_owner(role: str) -> str:
    """A name unique to this process and call: ``host:pid:role:token``."""
    return f"{socket.gethostname()}:{os.getpid()}:{role}:{secrets.token_hex(4)}"[:128]


def _free(now: datetime) -> ColumnElement[bool]:
    return or_(feeds.c.lease_until.is_(None), feeds.c.lease_until < now)


def claim_due(
    engine: Engine, owner: str, now: datetime, *, limit: int | None = None, lease: timedelta = DEFAULT_LEASE
) -> list[FeedState]:
    """Lease up to ``limit`` enabled, due, unleased feeds to ``owner``; the longest overdue first."""
    reap_dead(engine)
    due = (
        select(feeds.c.id)
        .where(
            feeds.c.enabled.is_(True),
            or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now),
            _free(now),
        )
        .order_by(feeds.c.next_poll_at.asc().nulls_first(), feeds.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return _lease(engine, owner, now + lease, feeds.c.id.in_(due.scalar_subquery()))


def claim_one(
    engine: Engine, owner: str, ref: str | int, now: datetime, *, lease: timedelta = DEFAULT_LEASE
) -> FeedState:
    """Lease one feed whatever its schedule (an explicit ``poll --feed``), unless another poller has it."""
    reap_dead(engine)
    feed = get_feed(engine, ref)
    claimed = _lease(engine, owner, now + lease, and_(feeds.c.id == feed.id, _free(now)))
    if not claimed:
        current = get_feed(engine, feed.id)
        raise FeedError(
            f"feed {feed.id} is being polled by {current.lease_owner} (lease until {current.lease_until})"
        )
    return claimed[0]


def _lease(engine: Engine, owner: str, until: datetime, where: ColumnElement[bool]) -> list[FeedState]:
    """Lease the feeds ``where`` selects; only the columns a poll needs come back: returning whole
    rows (dates parsed, tags decoded) was half of the claim's 19 ms for 500 feeds (bench/poll.py)."""
    statement = update(feeds).where(where).values(lease_owner=owner, lease_until=until).returning(*_STATE)
    with wrap_errors("claim feeds"), engine.execution_options(immediate=True).begin() as conn:
        rows = conn.execute(statement).all()
    states = [FeedState(*row) for row in rows]
    return sorted(states, key=lambda s: s.id)


def release(engine: Engine, owner: str, ids: Collection[int] | None = None) -> int:
    """Give back ``owner``'s leases (those of ``ids`` only, when given) without polling them."""
    where = [feeds.c.lease_owner == owner]
    if ids is not None:
        if not ids:
            return 0
        where.append(feeds.c.id.in_(list(ids)))
    statement = update(feeds).where(*where).values(lease_owner=None, lease_until=None)
    with wrap_errors("release feeds"), engine.execution_options(immediate=True).begin() as conn:
        return int(conn.execute(statement).rowcount or 0)


def reap_dead(engine: Engine) -> int:
    """Clear the leases of pollers on this host whose process has exited (a crash or ``kill -9``)."""
    prefix = f"{socket.gethostname()}:"
    query = select(feeds.c.lease_owner).where(feeds.c.lease_owner.like(f"{prefix}%")).distinct()
    with wrap_errors("read leases"), engine.connect() as conn:
        owners = list(conn.execute(query).scalars())
    dead = [owner for owner in owners if not _alive(owner[len(prefix) :].split(":", 1)[0])]
    for owner in dead:
        log.info("clearing the leases of %s, whose process has exited", owner)
        release(engine, owner)
    return len(dead)


def _alive(pid_text: str) -> bool:
    if not pid_text.isdigit():
        return True  # not ours to judge
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
