"""Which events are withdrawn: retracted by an analyst or superseded by newer events.

The log has no index on record type (every index is paid on every append,
events/schema.py), so finding the records that withdrew an event would mean
reading the whole log. The timeline projection already knows:
``timeline_events.retracted_at`` is the position of the record that withdrew
the event. :class:`Withdrawals` asks it after catching it up, and follows the
log's tail beyond its checkpoint; a writer calls :meth:`Withdrawals.follow`
under the append lock, so a retraction committed a moment ago is not missed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import orjson
from sqlalchemy import Connection, select

from events.records import event_id
from events.schema import event_log
from events.store import EventStore, Record, parse_event_id
from events.vocabulary import LOG_RECORD_TYPE_NAMES
from tracker import projections
from tracker.timeline.projection import TimelineProjection
from tracker.timeline.tables import timeline_events

WITHDRAWING = LOG_RECORD_TYPE_NAMES
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """How an event left the timeline: ``by`` is the id of the ``retracted`` or ``superseded`` record."""

    by: str
    kind: str
    reason: str


def _withdrawn_ids(type_: str, payload: dict[str, object]) -> list[object]:
    if type_ == "retracted":
        return [payload.get("event_id")]
    old = payload.get("old")
    return list(old) if isinstance(old, list) else []


class Withdrawals:
    """Withdrawn events, as of the projection's checkpoint and the part of the log's tail followed since."""

    def __init__(self, store: EventStore) -> None:
        projections.catch_up_all(store)
        point = projections.runner(store, TimelineProjection.name).checkpoint()
        self.seen = point.position if point else 0
        self.tail: dict[int, Withdrawal] = {}

    def follow(self, conn: Connection) -> None:
        """Learn the withdrawals appended since last seen (linear: each record is read once)."""
        while True:
            page = EventStore.read_page(conn, self.seen, _CHUNK)
            for record in page:
                if record.type in WITHDRAWING:
                    self._learn(record)
            if page:
                self.seen = page[-1].position
            if len(page) < _CHUNK:
                return

    def _learn(self, record: Record) -> None:
        withdrawal = Withdrawal(record.id, record.type, str(record.payload.get("reason", "")))
        for value in _withdrawn_ids(record.type, record.payload):
            position = parse_event_id(str(value))
            if position is not None:
                self.tail.setdefault(position, withdrawal)

    def of(self, conn: Connection, positions: Iterable[int]) -> dict[int, Withdrawal]:
        """The withdrawals of these events (the first record that withdrew each, as the projection keeps)."""
        wanted = sorted(set(positions))
        by_record: dict[int, list[int]] = {}
        e = timeline_events
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            sql = select(e.c.position, e.c.retracted_at).where(
                e.c.position.in_(chunk), e.c.retracted_at.is_not(None)
            )
            for position, at in conn.execute(sql):
                by_record.setdefault(at, []).append(position)
        found: dict[int, Withdrawal] = {}
        for at, record in _records(conn, sorted(by_record)).items():
            withdrawal = Withdrawal(event_id(at), record[0], str(record[1].get("reason", "")))
            found.update((position, withdrawal) for position in by_record[at])
        for position in wanted:
            if position in self.tail:
                found.setdefault(position, self.tail[position])
        return found


def _records(conn: Connection, positions: list[int]) -> dict[int, tuple[str, dict[str, object]]]:
    found: dict[int, tuple[str, dict[str, object]]] = {}
    for start in range(0, len(positions), _CHUNK):
        chunk = positions[start : start + _CHUNK]
        sql = select(event_log.c.position, event_log.c.type, event_log.c.payload).where(
            event_log.c.position.in_(chunk)
        )
        for position, type_, payload in conn.execute(sql):
            found[position] = (type_, orjson.loads(payload))
    return found
