"""Each day's digest is written once, whatever the number of daemons: the first to insert the
day's row in ``digest_runs`` writes it (the primary key decides, on SQLite and PostgreSQL).

A claim that never finished (its daemon died mid-export) or that failed can be taken over
once it is ``stale``; a finished one never is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson
from sqlalchemy import Engine, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from events.store import wrap_errors
from tracker.daemon.tables import digest_runs

STALE_CLAIM = timedelta(hours=1)


def claim_digest(
    engine: Engine, day: date, owner: str, now: datetime, stale: timedelta = STALE_CLAIM
) -> bool:
    """True if ``owner`` now holds ``day``'s digest and should write it."""
    row = {"day": day, "claimed_by": owner, "claimed_at": now}
    with wrap_errors("claim digest"):
        try:
            with engine.begin() as conn:
                conn.execute(insert(digest_runs).values(row))
            return True
        except IntegrityError:
            pass  # claimed already: see whether that claim was abandoned
    abandoned = and_(
        digest_runs.c.day == day,
        or_(digest_runs.c.finished_at.is_(None), digest_runs.c.error.is_not(None)),
        digest_runs.c.claimed_at < now - stale,
    )
    take_over = update(digest_runs).where(abandoned).values(**row, finished_at=None, error=None, paths=None)
    with wrap_errors("claim digest"), engine.execution_options(immediate=True).begin() as conn:
        return conn.execute(take_over).rowcount == 1


def finish_digest(
    engine: Engine,
    day: date,
    owner: str,
    now: datetime,
    *,
    paths: Sequence[Path] = (),
    error: str | None = None,
) -> None:
    values = {"finished_at": now, "paths": orjson.dumps([str(p) for p in paths]).decode(), "error": error}
    mine = and_(digest_runs.c.day == day, digest_runs.c.claimed_by == owner)
    with wrap_errors("finish digest"), engine.begin() as conn:
        conn.execute(update(digest_runs).where(mine).values(values))


def digest_run(engine: Engine, day: date) -> dict[str, object] | None:
    """The day's claim as stored (for ``tracker stats`` and tests)."""
    with wrap_errors("read digest runs"), engine.connect() as conn:
        row = conn.execute(select(digest_runs).where(digest_runs.c.day == day)).first()
    return dict(row._mapping) if row is not None else None
