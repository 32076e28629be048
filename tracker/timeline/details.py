"""One event in full, and the figures of `tracker stats`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, inspect, select, text

from events.store import EventStore
from tracker import projections
from tracker.timeline.query import DEV_PREFIX
from tracker.timeline.tables import timeline_events


def event_details(store: EventStore, event: str) -> dict[str, Any] | None:
    """The event's wire form, plus the development it joined and whether it was retracted."""
    record = store.get(event)
    if record is None:
        return None
    details = record.wire()
    projections.catch_up_all(store)
    with store.engine.connect() as conn:
        row = conn.execute(
            select(timeline_events.c.dev_id, timeline_events.c.retracted_at).where(
                timeline_events.c.position == record.position
            )
        ).first()
    if row is not None:
        details["development"] = f"{DEV_PREFIX}{row[0]}"
        details["retracted"] = row[1] is not None
    return details


def stats(store: EventStore) -> dict[str, Any]:
    head = store.head()
    figures: dict[str, Any] = {
        "events": store.count_by_type(),
        "log": {"head_position": head.position, "head_hash": head.chain_hash},
        "projection_lag": projections.lag(store),
    }
    with store.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        for table in ("feeds", "articles"):
            if table in tables:
                figures[table] = conn.execute(select(func.count()).select_from(text(table))).scalar()
        figures["developments"] = conn.execute(text("SELECT COUNT(*) FROM timeline_developments")).scalar()
    return figures
