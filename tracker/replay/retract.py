"""An analyst withdraws an event: a ``retracted`` record is appended, the event stays in the log.

Projections drop the event from then on; ``--as-of`` a time before the
retraction still shows it. The checks run under the append lock, so two
analysts retracting the same event at once get one retraction and one error.
"""

from __future__ import annotations

from events.model import EVENT_TYPES, Retraction
from events.store import EventStore, NewEvent, Record, parse_event_id
from tracker import projections
from tracker.errors import no_event
from tracker.replay.errors import NotRetractable
from tracker.replay.withdrawn import Withdrawals


def retract(store: EventStore, event: str, reason: str) -> Record:
    """Append the retraction of ``event`` (``ev-42``) and catch the projections up; returns the new record."""
    reason = reason.strip()
    if not reason:
        raise ValueError("a retraction needs a reason")
    record = store.get(event) if parse_event_id(event) is not None else None
    if record is None:
        raise no_event(event)
    if record.type not in EVENT_TYPES:
        raise NotRetractable(
            f"{record.id} is a {record.type} record, not an event: only events are retracted"
        )
    withdrawals = Withdrawals(store)
    with store.writing() as conn:
        withdrawals.follow(conn)
        withdrawn = withdrawals.of(conn, [record.position]).get(record.position)
        if withdrawn is not None:
            raise NotRetractable(
                f"{record.id} is already {withdrawn.kind} by {withdrawn.by} ({withdrawn.reason})"
            )
        retraction = Retraction(event_id=record.id, reason=reason)
        [stored] = store.append_in(conn, [NewEvent.of(retraction, key=f"retract:{record.id}")])
    projections.catch_up_all(store)
    return stored
