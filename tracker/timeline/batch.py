"""The rows one batch of the timeline projection writes, collected in memory and written at its end.

An event's development is chosen and folded by the memory's rules (``develop``); a
retraction or supersession folds its developments again from the members left
(``members``). ``native.NativeBatch`` is the same batch with the compiled fold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, and_, delete, select, update

from events.store import parse_event_id
from tracker.bulk import Bulk
from tracker.timeline.develop import Development, assign, end_date, fold, new_development, sort_date, state_of
from tracker.timeline.facts import Facts
from tracker.timeline.members import members_of
from tracker.timeline.memory import Memory
from tracker.timeline.tables import timeline_developments, timeline_events, timeline_versions

_CHUNK = 500
_dumps = orjson.dumps
# Without retracted_at, NULL until a retraction: a None parameter goes through sqlite3's adapter
# look-up, where ints and strings do not.
EVENT_COLUMNS = ("position", "dev_id")
VERSION_COLUMNS = ("dev_id", "position", "type", "end_date", "order_date", "status", "sources", "events")
DEVELOPMENT_COLUMNS = (
    "id", "type", "actor_key", "date", "precision", "start_date", "end_date", "order_date", "status",
    "sources", "events", "confidence", "first_reported", "last_reported", "best_position", "state",
)  # fmt: skip


class Batch:
    """The rows one batch writes, collected in memory and written at the end (or before a retraction)."""

    def __init__(self, conn: Connection, memory: Memory) -> None:
        self.conn = conn
        self.bulk = Bulk(conn)
        self.memory = memory
        self.touched: dict[int, Development] = {}
        self.created: dict[int, str] = {}  # new developments and their actor sets
        self.emptied: set[int] = set()
        self.rows: list[tuple[Any, ...]] = []
        self.versions: list[tuple[Any, ...]] = []
        self.items: set[tuple[int, str]] = set()  # every item a development was ever reported with

    def add(self, facts: Facts) -> None:
        development = assign(self.memory.for_event(facts), facts)
        if development is None:
            development = new_development(facts)
            self.memory.put(development)
            self.created[development.id] = development.actor_key
        elif development.date is None and facts.date is not None:
            self.memory.drop(development.id)  # it gains a year: file it under that year
            development.add(facts)
            self.memory.put(development)
        else:
            development.add(facts)
        dev_id = development.id
        self.touched[dev_id] = development
        self.versions.append(version_row(development, facts.position))
        for norm in facts.norms:
            self.items.add((dev_id, norm))
        self.rows.append((facts.position, dev_id))

    def retract(self, event_ids: Sequence[str], at: int) -> None:
        positions = [p for p in (parse_event_id(e) for e in event_ids) if p is not None]
        self._insert_events()
        active = and_(timeline_events.c.position.in_(positions), timeline_events.c.retracted_at.is_(None))
        hit = self.conn.execute(select(timeline_events.c.dev_id).where(active).distinct()).scalars()
        dev_ids = sorted(hit)
        self.conn.execute(update(timeline_events).where(active).values(retracted_at=at))
        for dev_id in dev_ids:
            self._refold(dev_id, at)

    def _refold(self, dev_id: int, at: int) -> None:
        members = [m.facts for m in members_of(self.conn, [dev_id])]
        folded = fold(dev_id, members)
        self._release(dev_id)
        if folded is None:
            self.touched.pop(dev_id, None)
            self.emptied.add(dev_id)
            last = self._last_version(dev_id)
            self.versions.append((dev_id, at, *last[2:6], 0, 0))
            return
        self._file(folded)
        self.versions.append(version_row(folded, at))

    def _release(self, dev_id: int) -> None:
        self.memory.drop(dev_id)

    def _file(self, folded: Development) -> None:
        self.memory.refile(folded)
        self.touched[folded.id] = folded

    def _development_rows(self) -> list[tuple[Any, ...]]:
        return [development_row(self.touched[dev_id]) for dev_id in sorted(self.touched)]

    def _last_version(self, dev_id: int) -> tuple[Any, ...]:
        for version in reversed(self.versions):
            if version[0] == dev_id:
                return version
        v = timeline_versions
        columns = [v.c[name] for name in VERSION_COLUMNS]
        query = select(*columns).where(v.c.dev_id == dev_id).order_by(v.c.position.desc()).limit(1)
        return tuple(self.conn.execute(query).one())

    def _insert_events(self) -> None:
        if self.rows:
            self.bulk.insert("timeline_events", EVENT_COLUMNS, self.rows)
            self.rows.clear()

    def flush(self) -> None:
        bulk = self.bulk
        self._insert_events()
        # Versions and developments go in key order, so consecutive rows land on the same pages of
        # their primary keys (200k events: 0.53 -> 0.48 s and 0.62 -> 0.52 s of CPU to write them).
        self.versions.sort()  # (dev_id, position) is unique: no row compares beyond it
        bulk.insert("timeline_versions", VERSION_COLUMNS, self.versions)
        gone = sorted(self.emptied - set(self.touched))
        for chunk in _chunks(gone):
            self.conn.execute(delete(timeline_developments).where(timeline_developments.c.id.in_(chunk)))
        rows, created = self._development_rows(), self.created
        # A development created by this batch has no row yet: inserted several a statement, where
        # an upsert is one a statement (a 1M-event rebuild, where most are new).
        new = [row for row in rows if row[0] in created]
        bulk.insert("timeline_developments", DEVELOPMENT_COLUMNS, new)
        old = [row for row in rows if row[0] not in created]
        bulk.upsert("timeline_developments", "id", DEVELOPMENT_COLUMNS, old)
        # Items a development ever had stay listed (as-of queries need them); queries re-check.
        bulk.insert_ignore("timeline_items", ("dev_id", "norm"), sorted(self.items))
        # Every development ever created keeps its actors, retracted or not: versions refer to them.
        actors = [
            (dev_id, actor)
            for dev_id, actor_key in self.created.items()
            for actor in actor_key.split(",")
            if actor
        ]
        bulk.insert("timeline_actors", ("dev_id", "actor"), actors)


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def version_row(development: Development, position: int) -> tuple[Any, ...]:
    """A row of ``timeline_versions`` (VERSION_COLUMNS)."""
    if development.stored is not None:  # read back and not joined since (its sources are counted)
        development.unpack()
    date = development.date
    start, end = (None, None) if date is None else date_span(date)
    return (
        development.id,
        position,
        development.type,
        end,
        start or (development.first_reported or "9999")[:10],
        development.status,
        len(development.sources),
        development.events,
    )


_SPANS: dict[str, tuple[str | None, str | None]] = {}


def date_span(date: str) -> tuple[str | None, str | None]:
    """A date's first and last day (``sort_date``, ``end_date``), computed once per date: there
    is a version row per event of a rebuild, and dates are the days of a few decades."""
    span = _SPANS.get(date)
    if span is None:
        if len(_SPANS) >= 100_000:  # not days after all: bounded anyway
            _SPANS.clear()
        span = _SPANS[date] = (sort_date(date), end_date(date))
    return span


def development_row(development: Development) -> tuple[Any, ...]:
    """A row of ``timeline_developments`` (DEVELOPMENT_COLUMNS), one per development a batch
    touched: the columns of ``version_row`` computed again, not unpacked from it (6.2 -> 5.4 us)."""
    state = _dumps(state_of(development)).decode()  # first: it unpacks what was read back lazily
    date, first = development.date, development.first_reported
    start, end = (None, None) if date is None else date_span(date)
    best = development.best
    return (
        development.id, development.type, development.actor_key, date, development.precision, start,
        end, start or (first or "9999")[:10], development.status, len(development.sources),
        development.events, best[0], first, development.last_reported, -best[2], state,
    )  # fmt: skip
