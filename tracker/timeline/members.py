"""The events that joined each development, with their facts read back from the log.

``timeline_events`` keeps only which development each event joined and the
position that withdrew it; what the event says is the log's payload, decoded
when a development is folded again (a retraction, a past timeline, a page of
a query). The projection kept a copy of each event's facts as JSON until
migration 0007: writing it was a sixth of a rebuild's CPU (bench/timeline.py,
200k events: 5.2 -> 4.4 s) for rows read a few hundred at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Connection

from events.records import iso
from events.store import EventStore, Record
from tracker.bulk import Bulk
from tracker.timeline.facts import Facts, facts_of

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Member:
    dev_id: int
    facts: Facts
    retracted_at: int | None  # the position of the record that withdrew it
    record: Record

    def active(self, at: int) -> bool:
        """Recorded and not withdrawn as of log position ``at``."""
        return self.facts.position <= at and (self.retracted_at is None or self.retracted_at > at)


def members_of(
    conn: Connection, dev_ids: Sequence[int], until: int | None = None, *, withdrawn: bool = False
) -> list[Member]:
    """The events of these developments active at position ``until`` (None: now), in log order; with
    ``withdrawn`` every one recorded by then, withdrawn or not. Withdrawn members are left out in SQL,
    so their payloads are never read."""
    joined = _joined(conn, dev_ids, until, withdrawn)
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


class Reported(Protocol):
    """What a development's JSON shows of each member besides its payload's evidence (``Facts`` has it)."""

    @property
    def position(self) -> int: ...
    @property
    def reported_at(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...


class Shown(NamedTuple):
    position: int
    reported_at: str | None
    status: str | None


def shown_members(
    conn: Connection, dev_ids: Sequence[int]
) -> tuple[dict[int, list[Shown]], dict[int, dict[str, Any]]]:
    """The active members of developments as a page of the current timeline shows them, and their
    payloads: read straight from the payloads, without the facts a fold needs and a page does not
    (their items normalised, their actors keyed: a fifth of a timeline query's time)."""
    joined = _joined(conn, dev_ids, None, False)
    records = {r.position: r for r in EventStore.read_positions(conn, [p for _, p, _ in joined])}
    found: dict[int, list[Shown]] = defaultdict(list)
    payloads: dict[int, dict[str, Any]] = {}
    for dev_id, position, _ in joined:
        record = records.get(position)
        if record is not None:
            payload = payloads[position] = record.payload
            found[dev_id].append(Shown(position, payload.get("reported_at"), payload.get("status")))
    return found, payloads


def _joined(
    conn: Connection, dev_ids: Sequence[int], until: int | None, withdrawn: bool
) -> list[tuple[int, int, int | None]]:
    """(dev_id, position, retracted_at) rows, read at the driver level (a query's page of members)."""
    bulk = Bulk(conn)
    mark = bulk.mark
    extra: tuple[int, ...]
    if until is None:
        limit, extra = ("" if withdrawn else " AND retracted_at IS NULL"), ()
    elif withdrawn:
        limit, extra = f" AND position <= {mark}", (until,)
    else:
        limit = f" AND position <= {mark} AND (retracted_at IS NULL OR retracted_at > {mark})"
        extra = (until, until)
    rows: list[tuple[int, int, int | None]] = []
    try:
        for start in range(0, len(dev_ids), _CHUNK):
            chunk = tuple(dev_ids[start : start + _CHUNK])
            bulk.cursor.execute(
                "SELECT dev_id, position, retracted_at FROM timeline_events "
                f"WHERE dev_id IN ({bulk.marks(len(chunk))}){limit}",
                chunk + extra,
            )
            rows.extend(bulk.cursor.fetchall())
    finally:
        bulk.close()
    rows.sort(key=lambda row: row[1])
    return rows
