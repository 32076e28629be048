"""The timeline projection: groups the log's events into developments.

The runner in ``events/`` calls ``apply`` with a batch of records inside one
transaction (rows and checkpoint commit together). Each event joins the
development it fits (``develop.assign``) given everything before it in the
log, so catch-up in any batches equals one rebuild. Retractions and
supersessions mark their events and fold the development again from the
members left.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Index, Table

from events.projection import Projection
from events.records import iso
from events.store import Record
from events.vocabulary import EVENT_TYPE_NAMES, LOG_RECORD_TYPE_NAMES
from tracker.timeline import native
from tracker.timeline.batch import Batch
from tracker.timeline.facts import Facts, facts_of, facts_of_json
from tracker.timeline.memory import DEFAULT_LIMIT, Memory
from tracker.timeline.tables import (
    timeline_actors,
    timeline_developments,
    timeline_events,
    timeline_items,
    timeline_versions,
)

_EVENT_TYPES = frozenset(EVENT_TYPE_NAMES)


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

    def __init__(self, memory_limit: int = DEFAULT_LIMIT, *, compiled: bool | None = None) -> None:
        """``compiled``: fold with the compiled engine (default: where it is built) or in Python."""
        self.compiled = native.AVAILABLE if compiled is None else compiled
        self.limit = memory_limit
        self.memory: Memory | native.Engine
        self.memory = native.engine(memory_limit) if self.compiled else Memory(memory_limit)

    def __getstate__(self) -> dict[str, Any]:
        """A parallel rebuild's processes get the settings, not what is held (events.parallel)."""
        return {"limit": self.limit, "compiled": self.compiled}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["limit"], compiled=state["compiled"])  # type: ignore[misc]

    def clear(self, conn: Connection) -> None:
        super().clear(conn)
        self.memory.reset(empty=True, position=0)

    def partition(self, share: float) -> TimelineProjection:
        # Its share of the developments held, so the processes together hold what one would.
        return TimelineProjection(max(1_000, int(self.limit * share)), compiled=self.compiled)

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
        if not isinstance(self.memory, Memory):
            self._apply_compiled(conn, records, self.memory)
            return
        work = _work(records)
        self.memory.prepare(conn, [item for item in work if isinstance(item, Facts)])
        batch = Batch(conn, self.memory)
        try:
            for item in work:
                if isinstance(item, Facts):
                    batch.add(item)
                else:
                    batch.retract(_withdrawn(item), item.position)
            batch.flush()
        finally:
            batch.bulk.close()

    def _apply_compiled(self, conn: Connection, records: Sequence[Record], engine: native.Engine) -> None:
        batch = native.NativeBatch(conn, engine)
        stamps: dict[Any, str] = {}
        page = records if isinstance(records, list) else list(records)
        try:
            at = batch.run(page, 0, _EVENT_TYPES, stamps)
            while at < len(page):
                batch.retract(_withdrawn(page[at]), page[at].position)
                at = batch.run(page, at + 1, _EVENT_TYPES, stamps)
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


def _withdrawn(record: Record) -> list[str]:
    """The ids of the events a retraction or supersession takes back."""
    if record.type == "retracted":
        return [record.payload["event_id"]]
    return list(record.payload["old"])
