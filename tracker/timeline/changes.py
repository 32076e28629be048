"""Developments that changed between two log positions, folded as they stood at each.

The digest asks "what moved in (p0, p1]". Every change to a development
writes a row in ``timeline_versions`` at the position that caused it, so the
developments touched in the window are one indexed range query; each is
then folded from its members as of p0 and as of p1 (the same fold a replay
up to that position would build, see ``tracker.timeline.query``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from events.store import EventStore
from tracker.timeline.develop import Development, fold
from tracker.timeline.facts import Facts
from tracker.timeline.members import Member, members_of
from tracker.timeline.tables import timeline_actors, timeline_versions


@dataclass(frozen=True)
class Change:
    """One development before and after a window of the log; ``None`` where it had no active event."""

    dev_id: int
    last_position: int  # the last position in the window that changed it
    before: Development | None
    after: Development | None
    members_before: tuple[Facts, ...]
    members_after: tuple[Facts, ...]


def changed_between(store: EventStore, after: int, until: int, actors: Sequence[str] = ()) -> list[Change]:
    """The developments with a version in (after, until], optionally only those involving ``actors``.

    A development created and fully retracted inside the window is left out:
    it existed at neither end.
    """
    if until <= after:
        return []
    touched = _touched(store, after, until, actors)
    members = _members_until(store, sorted(touched), until)
    changes = []
    for dev_id, last in sorted(touched.items()):
        before = tuple(m.facts for m in members[dev_id] if m.active(after))
        now = tuple(m.facts for m in members[dev_id] if m.active(until))
        if before or now:
            was, is_ = fold(dev_id, list(before)), fold(dev_id, list(now))
            changes.append(Change(dev_id, last, was, is_, before, now))
    return changes


def _touched(store: EventStore, after: int, until: int, actors: Sequence[str]) -> dict[int, int]:
    """Each development with a version in the window, and the position of its last one there."""
    v = timeline_versions
    sql = (
        select(v.c.dev_id, func.max(v.c.position))
        .where(v.c.position > after, v.c.position <= until)
        .group_by(v.c.dev_id)
    )
    if actors:
        involved = select(timeline_actors.c.dev_id).where(timeline_actors.c.actor.in_(list(actors)))
        sql = sql.where(v.c.dev_id.in_(involved))
    with store.engine.connect() as conn:
        return {dev_id: last for dev_id, last in conn.execute(sql)}  # noqa: C416 (Rows, not pairs, for mypy)


def _members_until(store: EventStore, dev_ids: Sequence[int], until: int) -> dict[int, list[Member]]:
    """Every member recorded up to ``until``, withdrawn or not (with the position that withdrew it)."""
    found: dict[int, list[Member]] = defaultdict(list)
    with store.engine.connect() as conn:
        for member in members_of(conn, dev_ids, until, withdrawn=True):
            found[member.dev_id].append(member)
    return found
