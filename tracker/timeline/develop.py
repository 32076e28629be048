"""Developments: events from many articles that describe one thing that happened.

Pure logic, no database. An event joins a development when both have the
same type and the same actors in compatible roles, overlapping items and
dates compatible at their precision ("2018" and "2018-10" agree, the more
precise wins). A development is a fold of its member events in log order,
so replaying the log in any batches gives the same developments, and the
timeline as of any position is the same fold over the members known then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import msgspec
import orjson

from tracker.extract.gazetteer import system_name

ROLE_LISTS = ("about", "parties")
_NON_ALNUM = re.compile(r"[^a-z0-9]")
_PRECISION_RANK = {"year": 1, "month": 2, "day": 3}
_ODD_HOST = re.compile(r"[@:%\[?#\\]")  # userinfo, port, IPv6, query, fragment: left to urlsplit


@lru_cache(maxsize=8192)
def item_norm(name: str) -> str:
    """Names compare without case and punctuation: "S400" is "S-400" (as the scorer does), and a
    variant the gazetteer knows as another name of a system is that system: "M1A2T Abrams" and
    "AH-64E Apache", kept as written in events, join the developments of "Abrams" and "Apache"."""
    return _NON_ALNUM.sub("", system_name(name).lower())


@dataclass(slots=True)  # not frozen: see below
class Facts:
    """What the timeline needs of one event, read from its payload (``facts_of``) when it is folded.

    Never changed once made, though not frozen: a frozen dataclass sets each field with
    object.__setattr__, 1.8 us to build against 0.3, and this is built once per event of a
    rebuild (bench/timeline.py: 4.2 -> 2.7 us per event in ``facts_of``) and per member a
    query folds. A named tuple builds as fast but its fields read slower (no specialised
    attribute access in 3.11), which cost ``Development.add`` the time saved.
    """

    position: int
    type: str
    actor_key: str
    roles: dict[str, Any]
    items: tuple[tuple[str, str, int | None], ...]  # (norm, display name, quantity)
    value: dict[str, Any] | None
    date: str | None
    precision: str | None
    status: str | None
    url: str | None
    reported_at: str | None
    recorded_at: str
    confidence: float
    norms: frozenset[str] = frozenset()  # the items' normalised names, for the joins

    @property
    def outlet(self) -> str | None:
        return outlet_of(self.url)


def outlet_of(url: str | None) -> str | None:
    """The host a source URL names. The plain ``scheme://host/`` case skips urlsplit, which was a
    fifth of a timeline query's time (one call per event shown, bench/timeline.py)."""
    if not url:
        return None
    scheme, sep, rest = url.partition("://")
    host = rest.split("/", 1)[0]
    if sep and scheme in ("http", "https") and host and not _ODD_HOST.search(host):
        return host.lower()
    return urlsplit(url).hostname


def facts_of(position: int, payload: dict[str, Any], recorded_at: str) -> Facts:
    """The facts of a wire payload (positional construction: this runs once per event of a rebuild)."""
    get = payload.get
    roles = get("roles") or {}
    occurred = get("occurred") or {}
    evidence = get("evidence") or {}
    items = _items(get("items"))
    norms = frozenset([norm for norm, _, _ in items]) if items else _NO_NORMS
    return Facts(
        position, payload["type"], _actor_key(roles), roles, items, get("value"), occurred.get("date"),
        occurred.get("precision"), get("status"), evidence.get("url"), get("reported_at"), recorded_at,
        float(get("confidence") or 0), norms,
    )  # fmt: skip


_NO_NORMS: frozenset[str] = frozenset()


class _Occurred(msgspec.Struct):
    date: str | None = None
    precision: str | None = None


class _Evidence(msgspec.Struct):
    url: str | None = None


class _Item(msgspec.Struct):
    name: str | None = None
    quantity: Any = None


class _Payload(msgspec.Struct):
    """The fields of a wire payload the timeline folds; the others (summary, the evidence's sentence,
    title and offsets, ...) are skipped by the decoder without building their objects."""

    type: str
    roles: dict[str, Any] | None = None
    occurred: _Occurred | None = None
    evidence: _Evidence | None = None
    items: list[_Item] | None = None
    value: Any = None
    status: str | None = None
    reported_at: str | None = None
    confidence: float | None = None


_decode_payload = msgspec.json.Decoder(_Payload).decode


def facts_of_json(position: int, raw: bytes, recorded_at: str) -> Facts:
    """``facts_of`` a stored payload, decoded straight into what the fold reads: 7% fewer
    instructions for a rebuild than orjson's whole dict (callgrind, 30k events of
    bench/timeline.py's log). A payload of another shape than the wire format's goes
    through ``facts_of``, as lenient as ever."""
    try:
        payload = _decode_payload(raw)
    except msgspec.ValidationError:
        return facts_of(position, orjson.loads(raw), recorded_at)
    roles = payload.roles or {}
    occurred, evidence, listed = payload.occurred, payload.evidence, payload.items
    items = tuple([(item_norm(name), name, i.quantity) for i in listed if (name := i.name)]) if listed else ()
    date, precision = (occurred.date, occurred.precision) if occurred is not None else (None, None)
    return Facts(
        position, payload.type, _actor_key(roles), roles, items, payload.value, date, precision,
        payload.status, evidence.url if evidence is not None else None, payload.reported_at, recorded_at,
        float(payload.confidence or 0), frozenset([norm for norm, _, _ in items]) if items else _NO_NORMS,
    )  # fmt: skip


def _actor_key(roles: dict[str, Any]) -> str:
    try:  # every role a single actor (most events): a list among them is not hashable
        return ",".join(sorted(set(roles.values())))
    except TypeError:
        pass
    actors: set[str] = set()
    for value in roles.values():
        if isinstance(value, list):
            actors.update(value)
        else:
            actors.add(value)
    return ",".join(sorted(actors))


def _items(items: Any) -> tuple[tuple[str, str, int | None], ...]:
    if not items:
        return ()
    return tuple([(item_norm(name), name, i.get("quantity")) for i in items if (name := i.get("name"))])


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

    def add(self, facts: Facts) -> None:
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
    return {
        "roles": development.roles,
        "items": [(norm, name, qty) for norm, (name, qty) in development.items.items()],
        "value": development.value,
        "status_at": development.status_at,  # tuples are written as arrays
        "history": development.history,
        "sources": sorted(development.sources),
        "best": development.best,
    }


def development_from(row: Sequence[Any]) -> Development:
    """From a stored row: id, type, actor_key, date, precision, status, first, last, events, state JSON."""
    id_, type_, actor_key, date, precision, status, first, last, events, state_json = row
    state = orjson.loads(state_json)
    return Development(
        id=id_,
        type=type_,
        actor_key=actor_key,
        roles=state["roles"],
        items={norm: (name, qty) for norm, name, qty in state["items"]},
        value=state["value"],
        date=date,
        precision=precision,
        status=status,
        status_at=(state["status_at"][0], state["status_at"][1]),
        history=[(r, s) for r, s in state["history"]],
        sources=set(state["sources"]),
        first_reported=first,
        last_reported=last,
        best=(state["best"][0], state["best"][1], state["best"][2]),
        events=events,
    )
