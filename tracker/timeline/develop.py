"""Developments: events from many articles that describe one thing that happened.

Pure logic, no database. An event joins a development when both have the
same type and the same actors in compatible roles, overlapping items and
dates compatible at their precision ("2018" and "2018-10" agree, the more
precise wins). A development is a fold of its member events in log order,
so replaying the log in any batches gives the same developments, and the
timeline as of any position is the same fold over the members known then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import msgspec
import orjson

from tracker.timeline.facts import Facts

ROLE_LISTS = ("about", "parties")
_PRECISION_RANK = {"year": 1, "month": 2, "day": 3}


def dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def roles_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Shared single roles must agree; list roles (about, parties) may grow."""
    if a == b:  # the usual case, compared in C
        return True
    for key, value in a.items():
        other = b.get(key)
        if other is not None and other != value and key not in ROLE_LISTS:
            return False
    return True


@dataclass(slots=True)
class Development:
    """The fold of a development's active members; ``id`` is its first event's position."""

    id: int
    type: str
    actor_key: str
    roles: dict[str, Any] = field(default_factory=dict)
    items: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    value: dict[str, Any] | None = None
    date: str | None = None
    precision: str | None = None
    status: str | None = None
    status_at: tuple[str, int] = ("", 0)
    history: list[tuple[str, str]] = field(default_factory=list)  # (reported_at, status)
    sources: set[str] = field(default_factory=set)
    first_reported: str | None = None
    last_reported: str | None = None
    best: tuple[float, int, int] = (-1.0, 0, 0)  # (confidence, precision rank, -position)
    events: int = 0
    # The stored state JSON whose value, status_at, history, sources and best are not read yet
    # (``development_from(..., matching=True)``): ``unpack`` reads them.
    stored: str | bytes | None = None

    @property
    def best_position(self) -> int:
        return -self.best[2]

    def accepts(self, facts: Facts) -> bool:
        if facts.type != self.type or facts.actor_key != self.actor_key:
            return False
        if not roles_compatible(self.roles, facts.roles) or not dates_compatible(self.date, facts.date):
            return False
        if facts.type == "statement" and (self.date is None) != (facts.date is None):
            return False  # "X said" on unknown days are not one statement with a dated one
        mine, theirs = self.items, facts.norms
        if mine and theirs:
            return not theirs.isdisjoint(mine)
        if mine or theirs:  # one side names no item: only a date pins them together
            return self.date is not None and facts.date is not None
        return True

    def affinity(self, facts: Facts) -> tuple[int, int, int]:
        """How well an event fits, to choose among several compatible developments."""
        shared_date = min(len(self.date or ""), len(facts.date or ""))
        shared_items = len(facts.norms.intersection(self.items))
        return (shared_date, shared_items, -self.id)

    def unpack(self) -> None:
        """Read what ``development_from(..., matching=True)`` left in the stored state."""
        if self.stored is not None:
            state, self.stored = orjson.loads(self.stored), None
            self._reporting_from(state)

    def _reporting_from(self, state: dict[str, Any]) -> None:
        self.value = state["value"]
        self.status_at = (state["status_at"][0], state["status_at"][1])
        self.history = [(r, s) for r, s in state["history"]]
        self.sources = set(state["sources"])
        self.best = (state["best"][0], state["best"][1], state["best"][2])

    def add(self, facts: Facts) -> None:
        if self.stored is not None:
            self.unpack()
        self.events += 1
        # Equal roles (the usual case) change nothing: single roles are kept, lists are deduplicated.
        for key, value in () if facts.roles == self.roles else facts.roles.items():
            if key in ROLE_LISTS:
                merged = list(dict.fromkeys([*self.roles.get(key, []), *value]))
                self.roles[key] = merged
            else:
                self.roles.setdefault(key, value)
        for norm, name, quantity in facts.items:
            known = self.items.get(norm)
            if known is None or (known[1] is None and quantity is not None):
                self.items[norm] = (known[0] if known else name, quantity)
        if self.value is None and facts.value:
            self.value = facts.value
        if facts.date and len(facts.date) > len(self.date or ""):
            self.date, self.precision = facts.date, facts.precision
        self._add_reporting(facts)

    def _add_reporting(self, facts: Facts) -> None:
        reported = facts.reported_at or facts.recorded_at
        if facts.status:
            if (reported, facts.position) >= self.status_at:
                self.status, self.status_at = facts.status, (reported, facts.position)
            self.history.append((reported, facts.status))
        if facts.url:
            self.sources.add(facts.url)
        if reported:
            if self.first_reported is None or reported < self.first_reported:
                self.first_reported = reported
            if self.last_reported is None or reported > self.last_reported:
                self.last_reported = reported
        rank = (facts.confidence, _PRECISION_RANK.get(facts.precision or "", 0), -facts.position)
        if rank > self.best:
            self.best = rank

    def status_history(self) -> list[str]:
        """Statuses in the order they were reported, repeats folded: planned -> signed."""
        steps: list[str] = []
        for _, status in sorted(self.history):
            if not steps or steps[-1] != status:
                steps.append(status)
        return steps


def new_development(facts: Facts, id_: int | None = None) -> Development:
    development = Development(id=id_ or facts.position, type=facts.type, actor_key=facts.actor_key)
    development.add(facts)
    return development


def assign(candidates: list[Development], facts: Facts) -> Development | None:
    """The compatible development an event joins, or None for a new one."""
    fitting = [d for d in candidates if d.accepts(facts)]
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    return max(fitting, key=lambda d: d.affinity(facts))


def fold(id_: int, members: list[Facts]) -> Development | None:
    """A development from its active members (in log order); None when none is left."""
    members = sorted(members, key=lambda f: f.position)
    if not members:
        return None
    development = new_development(members[0], id_)
    for facts in members[1:]:
        development.add(facts)
    return development


def sort_date(date: str | None) -> str | None:
    """The first day a date at its precision covers, for ordering and --since."""
    if date is None:
        return None
    size = len(date)
    return date + "-01-01" if size == 4 else date + "-01" if size == 7 else date


def end_date(date: str | None) -> str | None:
    """The last day a date at its precision covers, for --until."""
    if date is None:
        return None
    if len(date) == 4:
        return f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-31"  # compared as text: every real day of the month sorts below it
    return date


def display_date(date: str | None, precision: str | None) -> str:
    """ "2018", "Dec 2021", "22 Apr 2022": a date at the precision the sources give."""
    if not date:
        return ""
    if precision == "year" or len(date) == 4:
        return date
    parsed = datetime.strptime(date, "%Y-%m" if len(date) == 7 else "%Y-%m-%d")
    return parsed.strftime("%b %Y") if len(date) == 7 else f"{parsed.day} {parsed.strftime('%b %Y')}"


# -- stored form: the projection keeps each development's fold state ---------------------------------


def state_of(development: Development) -> dict[str, Any]:
    """What ``development_from`` reads back beside the row's columns; a development read back for
    matching only is unpacked first."""
    development.unpack()
    return {
        "roles": development.roles,
        "items": [(norm, name, qty) for norm, (name, qty) in development.items.items()],
        "value": development.value,
        "status_at": development.status_at,  # tuples are written as arrays
        "history": development.history,
        "sources": sorted(development.sources),
        "best": development.best,
    }


class _Matching(msgspec.Struct):
    """What matching an event reads of a stored state: the rest of it is skipped unread."""

    roles: dict[str, Any]
    items: list[tuple[str, str, Any]]


_decode_matching = msgspec.json.Decoder(_Matching).decode


def matching_state(state_json: str | bytes) -> _Matching | None:
    """The roles and items of a stored state, the rest skipped unread; None for a state of
    another shape than ``state_of`` writes (read it whole)."""
    try:
        return _decode_matching(state_json)
    except msgspec.ValidationError:
        return None


def development_from(row: Sequence[Any], *, matching: bool = False) -> Development:
    """From a stored row: id, type, actor_key, date, precision, status, first, last, events, state JSON.

    ``matching``: only what ``accepts`` and ``affinity`` read, the rest unpacked when an event joins
    it (``Development.add``) or its state is written. Of the developments a 1M-event rebuild of
    bench/timeline.py read back into memory (117,578), 5% took an event: the others were read for
    nothing, 8.2 us each with their sources and history, 1.8 us without.
    """
    id_, type_, actor_key, date, precision, status, first, last, events, state_json = row
    light = matching_state(state_json) if matching else None
    if light is not None:
        roles, items = light.roles, light.items
    else:
        state = orjson.loads(state_json)
        roles, items = state["roles"], state["items"]
    development = Development(
        id=id_, type=type_, actor_key=actor_key, roles=roles,
        items={norm: (name, qty) for norm, name, qty in items}, date=date, precision=precision,
        status=status, first_reported=first, last_reported=last, events=events,
    )  # fmt: skip
    if light is None:
        development._reporting_from(state)
    else:
        development.stored = state_json
    return development
