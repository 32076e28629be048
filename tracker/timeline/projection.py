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
from sqlalchemy import Connection, Index, Table, and_, delete, select, update

from events.projection import Projection
from events.records import iso
from events.store import Record, parse_event_id
from events.vocabulary import EVENT_TYPE_NAMES, LOG_RECORD_TYPE_NAMES
from tracker.bulk import Bulk
from tracker.timeline.develop import Development, assign, end_date, fold, new_development, sort_date, state_of
from tracker.timeline.facts import Facts, facts_of, facts_of_json
from tracker.timeline.members import members_of
from tracker.timeline.memory import DEFAULT_LIMIT, Memory
from tracker.timeline.tables import (
    timeline_actors,
    timeline_developments,
    timeline_events,
    timeline_items,
    timeline_versions,
)

_CHUNK = 500
_EVENT_TYPES = frozenset(EVENT_TYPE_NAMES)
_dumps = orjson.dumps
# Without retracted_at, NULL until a retraction: a None parameter goes through sqlite3's adapter
# look-up, where ints and strings do not.
EVENT_COLUMNS = ("position", "dev_id")
VERSION_COLUMNS = ("dev_id", "position", "type", "end_date", "order_date", "status", "sources", "events")
DEVELOPMENT_COLUMNS = (
    "id", "type", "actor_key", "date", "precision", "start_date", "end_date", "order_date", "status",
    "sources", "events", "confidence", "first_reported", "last_reported", "best_position", "state",
)  # fmt: skip


def _index(table: Table, name: str) -> Index:
    return next(index for index in table.indexes if index.name == name)


class TimelineProjection(Projection):
    name = "timeline"
    # 2: item names join through the gazetteer (develop.item_norm); 3: its items of this release
    # ('artillery shells' apart from 'ammunition', NASAMS's long name, Mogami, Yuan, Bastion, ...);
    # 4: Yak-130 and SeaVision; 5: Cheongung-II, F404-GE-IN20 and F414-GE-INS6; 6: Storm Shadow apart
    # from SCALP; 7: 'JAS 39 Gripen' (E) and 'Gripen E/F' as the Gripen; 8: the Sa'ar 6 corvette; 9: the
    # K-8 Karakorum trainer
    version = 9
    tables = (timeline_events, timeline_developments, timeline_versions, timeline_actors, timeline_items)
    # Read by queries only (a batch reads developments by ix_timeline_dev_bucket, members by
    # ix_timeline_events_dev, and writes items and actors by their primary keys).
    deferred_indexes = (
        _index(timeline_developments, "ix_timeline_dev_order"),
        _index(timeline_actors, "ix_timeline_actors_actor"),
        _index(timeline_items, "ix_timeline_items_norm"),
    )

    # A development has one type, and retractions name the events they take back (any type).
    partition_types = _EVENT_TYPES
    control_types = LOG_RECORD_TYPE_NAMES

    def __init__(self, memory_limit: int = DEFAULT_LIMIT) -> None:
        self.memory = Memory(memory_limit)

    def clear(self, conn: Connection) -> None:
        super().clear(conn)
        self.memory.reset(empty=True, position=0)

    def partition(self, share: float) -> TimelineProjection:
        # Its share of the developments held, so the processes together hold what one would.
        return TimelineProjection(max(1_000, int(self.memory.limit * share)))

    def forget(self) -> None:
        self.memory.reset(empty=False)

    def apply(self, conn: Connection, records: Sequence[Record]) -> None:
        if not records:
            return
        self.memory.follows(records[0].position)
        try:
            self._apply(conn, records)
        except BaseException:
            self.memory.reset(empty=False)  # it may hold what the rolled-back transaction wrote
            raise
        self.memory.done(records[-1].position)

    def _apply(self, conn: Connection, records: Sequence[Record]) -> None:
        work = _work(records)
        self.memory.prepare(conn, [item for item in work if isinstance(item, Facts)])
        batch = _Batch(conn, self.memory)
        try:
            for item in work:
                if isinstance(item, Facts):
                    batch.add(item)
                elif item.type == "retracted":
                    batch.retract([item.payload["event_id"]], item.position)
                else:
                    batch.retract(item.payload["old"], item.position)
            batch.flush()
        finally:
            batch.bulk.close()


def _work(records: Sequence[Record]) -> list[Facts | Record]:
    """The batch in log order: the facts of each event, and the retractions and supersessions.

    Each payload is decoded here and let go once its facts are taken, rather than kept by
    its record until the batch ends: the memory it freed is reused, still in the caches,
    by the next one (``LazyRecord`` holds the stored JSON at index 4 until asked for it).
    A batch's stamps are keyed by the stored text, so each is parsed and formatted once.
    With the payloads kept, ``apply`` took 19.4 us of CPU an event without its SQL (the
    first 64k events of bench/timeline.py's log); 16.7 us so.
    """
    work: list[Facts | Record] = []
    stamps: dict[Any, str] = {}
    for r in records:
        type_ = r[2]
        if type_ in _EVENT_TYPES:
            stamp = stamps.get(r[5])
            if stamp is None:
                stamp = stamps[r[5]] = iso(r.recorded_at)
            raw = r[4]
            if type(raw) is dict:
                work.append(facts_of(r[0], raw, stamp))
            else:
                work.append(facts_of_json(r[0], raw, stamp))
        elif type_ == "retracted" or type_ == "superseded":
            work.append(r)
    return work


class _Batch:
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
        self.memory.drop(dev_id)
        if folded is None:
            self.touched.pop(dev_id, None)
            self.emptied.add(dev_id)
            last = self._last_version(dev_id)
            self.versions.append((dev_id, at, *last[2:6], 0, 0))
            return
        self.memory.refile(folded)
        self.touched[dev_id] = folded
        self.versions.append(version_row(folded, at))

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
            self.rows = []

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
        rows = [development_row(self.touched[dev_id]) for dev_id in sorted(self.touched)]
        bulk.upsert("timeline_developments", "id", DEVELOPMENT_COLUMNS, rows)
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
    start, end = (None, None) if date is None else _span(date)
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


def _span(date: str) -> tuple[str | None, str | None]:
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
    start, end = (None, None) if date is None else _span(date)
    best = development.best
    return (
        development.id, development.type, development.actor_key, date, development.precision, start,
        end, start or (first or "9999")[:10], development.status, len(development.sources),
        development.events, best[0], first, development.last_reported, -best[2], state,
    )  # fmt: skip
