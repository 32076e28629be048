"""The timeline a re-extraction would leave, computed without writing anything: the dry run.

Only developments of the (type, actors) pairs that the plans touch can
change (an event only ever joins one of its own pair), so those are loaded
from the timeline projection: its live developments and their live members.
The plans are then applied in memory as the projection applies the records a
real run appends, in the same order and at the positions they would get:
each article's new events join developments (``develop.assign``), then its
supersession and carried retractions withdraw events and fold their
developments again from the members left. Both states are rendered as
``tracker timeline`` renders developments, for tracker.replay.diff.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, select

from events.records import parse_event_id
from events.store import EventStore
from tracker.replay.plan import Plan
from tracker.timeline.develop import Development, assign, development_from, fold, new_development
from tracker.timeline.facts import Facts, facts_of
from tracker.timeline.members import members_of
from tracker.timeline.query import development_json
from tracker.timeline.tables import timeline_developments

Key = tuple[str, str]  # (type, actor_key)
_CHUNK = 500


class _Timeline:
    """Live developments of some pairs, with their members, changed as the projection would change them."""

    def __init__(self, developments: Iterable[Development], members: dict[int, list[Facts]]) -> None:
        self.developments = {d.id: d for d in developments}
        self.members = members
        self.home = {f.position: dev_id for dev_id, facts in members.items() for f in facts}
        self.by_key: dict[Key, set[int]] = defaultdict(set)
        for d in self.developments.values():
            self.by_key[d.type, d.actor_key].add(d.id)

    def add(self, facts: Facts) -> None:
        candidates = [self.developments[i] for i in self.by_key[facts.type, facts.actor_key]]
        development = assign(candidates, facts)
        if development is None:
            development = new_development(facts)
            self.developments[development.id] = development
            self.by_key[facts.type, facts.actor_key].add(development.id)
        else:
            development.add(facts)
        self.members.setdefault(development.id, []).append(facts)
        self.home[facts.position] = development.id

    def withdraw(self, positions: Iterable[int]) -> None:
        touched: set[int] = set()
        for position in positions:
            dev_id = self.home.pop(position, None)
            if dev_id is not None:
                self.members[dev_id] = [f for f in self.members[dev_id] if f.position != position]
                touched.add(dev_id)
        for dev_id in sorted(touched):
            old = self.developments.pop(dev_id)
            folded = fold(dev_id, self.members[dev_id])
            if folded is None:
                self.by_key[old.type, old.actor_key].discard(dev_id)
            else:
                self.developments[dev_id] = folded

    def render(self, payloads: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """The JSON form, detached: development_json shares the roles dict that a later add() changes."""
        rendered = [
            development_json(d, self.members.get(d.id, []), payloads) for d in self.developments.values()
        ]
        return list(orjson.loads(orjson.dumps(rendered)))


def timelines(
    store: EventStore, plans: Sequence[Plan], head: int, recorded_at: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(before, after): the developments of the touched pairs now, and after the plans were applied.

    ``head`` is the log position the real run would append after; ``recorded_at`` stands in
    for the time it would record (used only for events without a publication time).
    """
    changing = [p for p in plans if p.outcome == "re-extracted"]
    steps, new_payloads = _steps(changing, head, recorded_at)
    keys = {(f.type, f.actor_key) for p in changing for f in _old_facts(p)}
    keys |= {(f.type, f.actor_key) for step in steps for f in step[0]}
    with store.engine.connect() as conn:
        timeline = _load(conn, keys)
    positions = [f.position for facts in timeline.members.values() for f in facts]
    payloads = {r.position: r.payload for r in store.get_many(positions)}
    before = timeline.render(payloads)
    for added, withdrawn in steps:
        for facts in added:
            timeline.add(facts)
        timeline.withdraw(withdrawn)
    return before, timeline.render({**payloads, **new_payloads})


def _old_facts(plan: Plan) -> list[Facts]:
    return [facts_of(e.position, e.payload, "") for e in plan.old]


def _steps(
    plans: Sequence[Plan], head: int, recorded_at: str
) -> tuple[list[tuple[list[Facts], list[int]]], dict[int, dict[str, Any]]]:
    """Per plan: the facts of its new events at their would-be positions, then the events it withdraws."""
    steps: list[tuple[list[Facts], list[int]]] = []
    payloads: dict[int, dict[str, Any]] = {}
    position = head
    for plan in plans:
        first = position + 1
        added = []
        for _, _, payload in plan.new:
            position += 1
            payloads[position] = payload
            added.append(facts_of(position, payload, recorded_at))
        position += plan.appends - len(plan.new)  # the supersession and carried retractions
        withdrawn = [p for p in (parse_event_id(i) for i in plan.supersede) if p is not None]
        withdrawn += [first + carried.ordinal for carried in plan.carried]
        steps.append((added, withdrawn))
    return steps, payloads


def _load(conn: Connection, keys: set[Key]) -> _Timeline:
    developments = _developments(conn, keys)
    return _Timeline(developments, _members(conn, sorted(d.id for d in developments)))


def _developments(conn: Connection, keys: set[Key]) -> list[Development]:
    d = timeline_developments
    columns = [d.c.id, d.c.type, d.c.actor_key, d.c.date, d.c.precision, d.c.status]
    columns += [d.c.first_reported, d.c.last_reported, d.c.events, d.c.state]
    actor_keys = sorted({actor_key for _, actor_key in keys})
    found: list[Development] = []
    for start in range(0, len(actor_keys), _CHUNK):
        sql = select(*columns).where(d.c.actor_key.in_(actor_keys[start : start + _CHUNK]))
        found += [development_from(row) for row in conn.execute(sql)]
    return [dev for dev in found if (dev.type, dev.actor_key) in keys]


def _members(conn: Connection, dev_ids: Sequence[int]) -> dict[int, list[Facts]]:
    """The live members of these developments, in log order."""
    members: dict[int, list[Facts]] = {}
    for member in members_of(conn, dev_ids):
        members.setdefault(member.dev_id, []).append(member.facts)
    return members
