"""The timeline projection: groups the log's events into developments.

The runner in ``events/`` calls ``apply`` with a batch of records inside one
transaction (rows and checkpoint commit together). Each event joins the
development it fits (``develop.assign``) given everything before it in the
log, so catch-up in any batches equals one rebuild. Retractions and
supersessions mark their events and fold the development again from the
members left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, delete, func, insert, or_, select, update

from events.model import EVENT_TYPES
from events.projection import Projection
from events.records import iso
from events.store import Record, parse_event_id
from tracker.timeline.develop import (
    Development,
    Facts,
    assign,
    development_from,
    end_date,
    facts_from_row,
    facts_of,
    facts_row,
    fold,
    new_development,
    sort_date,
    state_of,
)
from tracker.timeline.tables import (
    timeline_actors,
    timeline_developments,
    timeline_events,
    timeline_items,
    timeline_versions,
)

_CHUNK = 500
Key = tuple[str, str]


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class TimelineProjection(Projection):
    name = "timeline"
    version = 1
    tables = (timeline_events, timeline_developments, timeline_versions, timeline_actors, timeline_items)

    def apply(self, conn: Connection, records: Sequence[Record]) -> None:
        batch = _Batch(conn)
        facts = {
            r.position: facts_of(r.position, r.payload, iso(r.recorded_at))
            for r in records
            if r.type in EVENT_TYPES
        }
        batch.prefetch(facts.values())
        for record in records:
            if record.position in facts:
                batch.add(facts[record.position])
            elif record.type == "retracted":
                batch.retract([record.payload["event_id"]], record.position)
            elif record.type == "superseded":
                batch.retract(record.payload["old"], record.position)
        batch.flush()


class _Candidates:
    """Live developments by actor set, then by year, so an event is checked only against those it could join.

    Dates compatible at their precision share their year, and an undated side
    is compatible with any date: a dated event looks at its year and the
    undated; an undated event at all of its key.
    """

    def __init__(self) -> None:
        self.by_key: dict[Key, dict[str | None, list[Development]]] = {}

    def known(self, key: Key) -> bool:
        return key in self.by_key

    def register(self, key: Key) -> None:
        self.by_key.setdefault(key, {})

    def put(self, development: Development) -> None:
        years = self.by_key.setdefault((development.type, development.actor_key), {})
        years.setdefault(development.date[:4] if development.date else None, []).append(development)

    def remove(self, development: Development) -> None:
        years = self.by_key.get((development.type, development.actor_key), {})
        bucket = years.get(development.date[:4] if development.date else None, [])
        bucket[:] = [d for d in bucket if d.id != development.id]

    def for_event(self, facts: Facts) -> list[Development]:
        years = self.by_key.get((facts.type, facts.actor_key), {})
        if facts.date is None:
            return [d for bucket in years.values() for d in bucket]
        return years.get(facts.date[:4], []) + years.get(None, [])


class _Batch:
    """The developments one batch touches, held in memory and written once at the end."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.candidates = _Candidates()
        self.touched: dict[int, Development] = {}
        self.created: dict[int, str] = {}  # new developments and their actor sets
        self.emptied: set[int] = set()
        self.rows: list[dict[str, Any]] = []
        self.versions: list[dict[str, Any]] = []
        self.items: set[tuple[int, str]] = set()  # every item a development was ever reported with

    def prefetch(self, facts: Iterable[Facts]) -> None:
        """Load the live developments these events could join, in few queries.

        A dated event can only join a development of its year or an undated
        one, so only those are loaded for its actor set (catch-up of 1,000
        events loaded every development of the busy pairs before).
        """
        every_year: set[str] = set()
        dated: set[str] = set()
        years: set[str] = set()
        for f in facts:
            self.candidates.register((f.type, f.actor_key))
            if f.date is None:
                every_year.add(f.actor_key)
            else:
                dated.add(f.actor_key)
                years.add(f.date[:4])
        table = timeline_developments
        year_clause = or_(table.c.date.is_(None), func.substr(table.c.date, 1, 4).in_(sorted(years)))
        self._load(sorted(every_year), None)
        self._load(sorted(dated - every_year), year_clause)

    def _load(self, actor_keys: Sequence[str], clause: Any) -> None:
        table = timeline_developments
        columns = [
            table.c.id,
            table.c.type,
            table.c.actor_key,
            table.c.date,
            table.c.precision,
            table.c.status,
            table.c.first_reported,
            table.c.last_reported,
            table.c.events,
            table.c.state,
        ]
        for chunk in _chunks(actor_keys):
            sql = select(*columns).where(table.c.actor_key.in_(chunk))
            for row in self.conn.execute(sql if clause is None else sql.where(clause)):
                development = development_from(row)
                if self.candidates.known((development.type, development.actor_key)):
                    self.candidates.put(development)

    def add(self, facts: Facts) -> None:
        development = assign(self.candidates.for_event(facts), facts)
        if development is None:
            development = new_development(facts)
            self.candidates.put(development)
            self.created[development.id] = development.actor_key
        elif development.date is None and facts.date is not None:
            self.candidates.remove(development)  # it gains a year: file it under that year
            development.add(facts)
            self.candidates.put(development)
        else:
            development.add(facts)
        self.touched[development.id] = development
        self.versions.append(version_row(development, facts.position))
        self.items.update((development.id, norm) for norm, _, _ in facts.items)
        self.rows.append(
            {
                "position": facts.position,
                "dev_id": development.id,
                "type": facts.type,
                "actor_key": facts.actor_key,
                "facts": orjson.dumps(facts_row(facts)).decode(),
                "retracted_at": None,
            }
        )

    def retract(self, event_ids: Sequence[str], at: int) -> None:
        positions = [p for p in (parse_event_id(e) for e in event_ids) if p is not None]
        self._insert_events()
        hit = self.conn.execute(
            select(timeline_events.c.dev_id)
            .where(timeline_events.c.position.in_(positions), timeline_events.c.retracted_at.is_(None))
            .distinct()
        ).scalars()
        dev_ids = sorted(hit)
        self.conn.execute(
            update(timeline_events)
            .where(timeline_events.c.position.in_(positions), timeline_events.c.retracted_at.is_(None))
            .values(retracted_at=at)
        )
        for dev_id in dev_ids:
            self._refold(dev_id, at)

    def _refold(self, dev_id: int, at: int) -> None:
        rows = self.conn.execute(
            select(
                timeline_events.c.position,
                timeline_events.c.type,
                timeline_events.c.actor_key,
                timeline_events.c.facts,
            ).where(timeline_events.c.dev_id == dev_id, timeline_events.c.retracted_at.is_(None))
        ).all()
        members = [facts_from_row(p, t, a, orjson.loads(f)) for p, t, a, f in rows]
        folded = fold(dev_id, members)
        for years in self.candidates.by_key.values():
            for bucket in years.values():
                bucket[:] = [d for d in bucket if d.id != dev_id]
        if folded is None:
            self.touched.pop(dev_id, None)
            self.emptied.add(dev_id)
            self.versions.append({**self._last_version(dev_id), "position": at, "events": 0, "sources": 0})
            return
        self.candidates.put(folded)
        self.touched[dev_id] = folded
        self.versions.append(version_row(folded, at))

    def _last_version(self, dev_id: int) -> dict[str, Any]:
        for version in reversed(self.versions):
            if version["dev_id"] == dev_id:
                return version
        v = timeline_versions
        row = (
            self.conn.execute(select(v).where(v.c.dev_id == dev_id).order_by(v.c.position.desc()).limit(1))
            .mappings()
            .one()
        )
        return dict(row)

    def _insert_events(self) -> None:
        if self.rows:
            self.conn.execute(insert(timeline_events), self.rows)
            self.rows = []

    def flush(self) -> None:
        self._insert_events()
        if self.versions:
            self.conn.execute(insert(timeline_versions), self.versions)
        gone = sorted(set(self.touched) | self.emptied)
        for chunk in _chunks(gone):
            self.conn.execute(delete(timeline_developments).where(timeline_developments.c.id.in_(chunk)))
        developments = list(self.touched.values())
        if developments:
            self.conn.execute(insert(timeline_developments), [development_row(d) for d in developments])
        if self.items:
            # Items a development ever had stay listed (as-of queries need them); queries re-check.
            rows = [{"dev_id": dev_id, "norm": norm} for dev_id, norm in sorted(self.items)]
            self.conn.execute(_insert_ignore(self.conn, timeline_items), rows)
        # Every development ever created keeps its actors, retracted or not: versions refer to them.
        actors = [
            {"dev_id": dev_id, "actor": actor}
            for dev_id, actor_key in self.created.items()
            for actor in actor_key.split(",")
            if actor
        ]
        if actors:
            self.conn.execute(insert(timeline_actors), actors)


def _insert_ignore(conn: Connection, table: Any) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    return insert(table).prefix_with("OR IGNORE")


def version_row(development: Development, position: int) -> dict[str, Any]:
    start = sort_date(development.date)
    return {
        "dev_id": development.id,
        "position": position,
        "type": development.type,
        "end_date": end_date(development.date),
        "order_date": start or (development.first_reported or "9999")[:10],
        "status": development.status,
        "sources": len(development.sources),
        "events": development.events,
    }


def development_row(development: Development) -> dict[str, Any]:
    version = version_row(development, development.id)
    del version["dev_id"], version["position"]
    return {
        **version,
        "id": development.id,
        "actor_key": development.actor_key,
        "date": development.date,
        "precision": development.precision,
        "start_date": sort_date(development.date),
        "confidence": development.best[0],
        "first_reported": development.first_reported,
        "last_reported": development.last_reported,
        "best_position": development.best_position,
        "state": orjson.dumps(state_of(development)).decode(),
    }
