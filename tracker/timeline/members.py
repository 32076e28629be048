"""The events that joined each development, with their facts read back from the log.

``timeline_events`` keeps only which development each event joined and the
position that withdrew it; what the event says is the log's payload, decoded
when a development is folded again (a retraction, a past timeline, a page of
a query). The projection kept a copy of each event's facts as JSON until
migration 0007: writing it was a sixth of a rebuild's CPU (bench/timeline.py,
200k events: 5.2 -> 4.4 s) for rows read a few hundred at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from events.records import iso
from events.store import EventStore, Record
from tracker.bulk import Bulk
from tracker.timeline.develop import Facts, facts_of

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Member:
    dev_id: int
    facts: Facts
    retracted_at: int | None  # the position of the record that withdrew it
    record: Record

    def active(self, at: int | None = None) -> bool:
        """Recorded and not withdrawn as of log position ``at`` (None: now)."""
        if at is None:
            return self.retracted_at is None
        return self.facts.position <= at and (self.retracted_at is None or self.retracted_at > at)


def members_of(conn: Connection, dev_ids: Sequence[int], until: int | None = None) -> list[Member]:
    """Every event that joined these developments (recorded up to position ``until``), in log order."""
    joined = _joined(conn, dev_ids, until)
    records = EventStore.read_positions(conn, [position for _, position, _ in joined])
    by_position = {record.position: record for record in records}
    stamps: dict[object, str] = {}
    found = []
    for dev_id, position, retracted_at in joined:
        record = by_position.get(position)
        if record is None:
            continue
        stamp = stamps.get(record[5])
        if stamp is None:
            stamp = stamps[record[5]] = iso(record.recorded_at)
        found.append(Member(dev_id, facts_of(position, record.payload, stamp), retracted_at, record))
    return found


def _joined(conn: Connection, dev_ids: Sequence[int], until: int | None) -> list[tuple[int, int, int | None]]:
    """(dev_id, position, retracted_at) rows, read at the driver level (a query's page of members)."""
    bulk = Bulk(conn)
    limit = "" if until is None else f" AND position <= {bulk.mark}"
    rows: list[tuple[int, int, int | None]] = []
    try:
        for start in range(0, len(dev_ids), _CHUNK):
            chunk = tuple(dev_ids[start : start + _CHUNK])
            bulk.cursor.execute(
                "SELECT dev_id, position, retracted_at FROM timeline_events "
                f"WHERE dev_id IN ({bulk.marks(len(chunk))}){limit}",
                chunk if until is None else (*chunk, until),
            )
            rows.extend(bulk.cursor.fetchall())
    finally:
        bulk.close()
    rows.sort(key=lambda row: row[1])
    return rows
