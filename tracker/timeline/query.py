"""Timeline queries: the developments that match the filters, with the evidence behind them.

The current timeline is read from the projection's tables. ``as_of`` reads
the timeline as it was known at a transaction time: only events recorded by
then, retractions after it not applied. Because an event's development
depends only on what came before it in the log, the developments' versions
at that log position are what a replay of the log up to it would build:
they are filtered and ordered in SQL, and only the page shown is folded
again from its members for the full detail.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, exists, func, or_, select

from events.schema import projection_checkpoints
from events.store import EventStore, event_id
from tracker.errors import TrackerError
from tracker.heap import young_gc_only
from tracker.timeline.develop import Development, development_from, end_date, fold, sort_date
from tracker.timeline.facts import Facts, item_norm, outlet_of
from tracker.timeline.members import Reported, members_of, shown_members
from tracker.timeline.tables import (
    timeline_actors,
    timeline_developments,
    timeline_items,
    timeline_versions,
)

DEV_PREFIX = "dev-"


@dataclass(frozen=True)
class TimelineQuery:
    actor: str | None = None
    with_actor: str | None = None
    types: tuple[str, ...] = ()
    item: str | None = None
    since: str | None = None
    until: str | None = None
    statuses: tuple[str, ...] = ()
    min_sources: int = 1
    limit: int | None = None
    as_of: datetime | None = None
    newest_first: bool = False  # and ``limit`` keeps the newest


def _order(query: TimelineQuery, order_date: Any, dev_id: Any) -> tuple[Any, Any]:
    """Date order (undated developments placed by first report), ties by id; or the reverse."""
    return (order_date.desc(), dev_id.desc()) if query.newest_first else (order_date, dev_id)


def period(value: str) -> tuple[str, str]:
    """'2018' -> 2018-01-01..2018-12-31; '2022-04' -> the month; '2022-04-05' -> the day."""
    parts = value.split("-")
    shaped = 1 <= len(parts) <= 3 and all(
        p.isdigit() and len(p) == (4 if i == 0 else 2) for i, p in enumerate(parts)
    )
    if not shaped or not _real_day(f"{value}-01-01"[:10]):
        raise TrackerError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    start, end = sort_date(value), end_date(value)
    assert start is not None and end is not None
    return start, end


def _real_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:  # 2026-13-01, 2022-02-30
        return False
    return True


def timeline(store: EventStore, query: TimelineQuery) -> list[dict[str, Any]]:
    """The developments matching ``query`` in date order (or newest first), in their JSON form."""
    with young_gc_only():
        return _timeline(store, query)


def _timeline(store: EventStore, query: TimelineQuery) -> list[dict[str, Any]]:
    if query.as_of is not None:
        developments, (members, payloads) = _as_of(store, query)
        return _render(developments, members, payloads)
    developments = _current(store, query)
    with store.engine.connect() as conn:
        shown, payloads = shown_members(conn, [d.id for d in developments])
    return _render(developments, shown, payloads)


def _invariant_filters(
    query: TimelineQuery, dev_id: Any, type_column: Any, plan: _Plan | None = None
) -> list[ColumnElement[bool]]:
    """Filters on what never changes in a development's life (its type, its actors) or only grows (items).

    A ``plan`` by date makes each actor test a correlated EXISTS, so the order index drives
    the search (and the LIMIT ends it early); otherwise the actors are tested rarest first,
    as IN (subquery) so the actor and item indexes drive the search: with
    EXISTS the planner walked every development in date order (bench/timeline.py).
    """
    clauses: list[ColumnElement[bool]] = []
    if query.types:
        clauses.append(type_column.in_(query.types))
    a = timeline_actors
    plan = plan or _Plan(actors=tuple(x.upper() for x in (query.actor, query.with_actor) if x))
    if plan.by_date:
        clauses.extend(exists().where(a.c.dev_id == dev_id, a.c.actor == actor) for actor in plan.actors)
    elif plan.actors:
        # A dyad joins the rarer actor's index entries to the other's before any development is
        # read: a busy pair touched 25k developments to keep 1.9k (1M events).
        first = a.alias("first")
        dyad = select(first.c.dev_id).where(first.c.actor == plan.actors[0])
        for n, actor in enumerate(plan.actors[1:]):
            other = a.alias(f"other{n}")
            on = and_(other.c.dev_id == first.c.dev_id, other.c.actor == actor)
            dyad = dyad.join_from(first, other, on)
        clauses.append(dev_id.in_(dyad))
    if query.item:
        # A prefix of the normalised name: "S-400" finds "S-400 Triumf" through the index.
        norm = item_norm(query.item)
        items = timeline_items.c.norm
        clauses.append(dev_id.in_(select(timeline_items.c.dev_id).where(items >= norm, items < norm + "~")))
    return clauses


def _state_filters(query: TimelineQuery, table: Any) -> list[ColumnElement[bool]]:
    """Filters on a development's state at some time: its dates, status and number of sources."""
    clauses: list[ColumnElement[bool]] = []
    if query.since:
        # Dated: still going on at ``since``; undated: placed (first reported) from ``since`` on.
        # The first clause adds nothing to the second but lets the planner scan the order index:
        # no such development is placed before 1 January of the year of ``since``.
        start = period(query.since)[0]
        clauses.append(table.c.order_date >= f"{start[:4]}-01-01")
        dated = table.c.end_date >= start
        clauses.append(or_(dated, and_(table.c.end_date.is_(None), table.c.order_date >= start)))
    if query.until:
        clauses.append(table.c.order_date <= period(query.until)[1])
    if query.statuses:
        clauses.append(table.c.status.in_(query.statuses))
    if query.min_sources > 1:
        clauses.append(table.c.sources >= query.min_sources)
    return clauses


def _date_range(query: TimelineQuery) -> tuple[str, str] | None:
    """The order dates a query with --since/--until can match (see _state_filters)."""
    if not (query.since or query.until):
        return None
    low = f"{period(query.since)[0][:4]}-01-01" if query.since else ""
    return low, period(query.until)[1] if query.until else "9999"


@dataclass(frozen=True)
class _Plan:
    """How to search: by date (the order index, with EXISTS per actor) or by the rarest actor first."""

    by_date: bool = False
    actors: tuple[str, ...] = ()


_TOTALS: dict[tuple[str, int], int] = {}  # (database, projection checkpoint) -> developments


def _total(conn: Connection) -> int:
    """The number of developments, counted once per projection state (a full index scan)."""
    c = projection_checkpoints
    point = conn.execute(select(c.c.position).where(c.c.name == "timeline")).scalar() or 0
    key = (str(conn.engine.url), int(point))
    if key not in _TOTALS:
        _TOTALS.clear()
        _TOTALS[key] = int(conn.execute(select(func.count()).select_from(timeline_developments)).scalar_one())
    return _TOTALS[key]


def _plan(conn: Connection, query: TimelineQuery) -> _Plan:
    """A small cost model from index range counts (1M events: a busy dyad by actor 60 ms, by
    date 5 ms; a busy actor with a rare one 38 ms busy-first, 16 ms rare-first).

    By actor, the rarest actor's developments are each looked up; by date, the order index is
    read from the range's start until ``limit`` matches are found, about ``limit`` divided by
    the share of developments that involve every actor (taken as independent).
    """
    names = [a.upper() for a in (query.actor, query.with_actor) if a]
    if not names:
        return _Plan()
    a, d = timeline_actors, timeline_developments
    counts = {n: conn.execute(select(func.count()).where(a.c.actor == n)).scalar_one() for n in names}
    actors = tuple(sorted(counts, key=lambda n: (counts[n], n)))
    window = _date_range(query)
    total = max(_total(conn), 1)
    placed = total
    if window is not None:
        in_range = select(func.count()).where(d.c.order_date >= window[0], d.c.order_date <= window[1])
        placed = conn.execute(in_range).scalar_one()
    share = 1.0
    for count in counts.values():
        share *= count / total
    scan = placed if query.limit is None else min(placed, query.limit / max(share, 1e-9))
    # A row read by date costs about five index entries read by actor (measured, 1M events).
    return _Plan(by_date=5 * scan < counts[actors[0]], actors=actors)


def _current(store: EventStore, query: TimelineQuery) -> list[Development]:
    d = timeline_developments
    with store.engine.connect() as conn:
        plan = _plan(conn, query)
    clauses = _invariant_filters(query, d.c.id, d.c.type, plan) + _state_filters(query, d)
    columns = [
        d.c.id,
        d.c.type,
        d.c.actor_key,
        d.c.date,
        d.c.precision,
        d.c.status,
        d.c.first_reported,
        d.c.last_reported,
        d.c.events,
        d.c.state,
    ]
    sql = select(*columns).where(*clauses).order_by(*_order(query, d.c.order_date, d.c.id)).limit(query.limit)
    with store.engine.connect() as conn:
        rows = conn.execute(sql).all()
    return [d for d in (development_from(row) for row in rows) if _matches(d, query)]


Members = tuple[dict[int, list[Facts]], dict[int, dict[str, Any]]]  # facts by development, payloads


def _members(store: EventStore, dev_ids: Sequence[int], at: int) -> Members:
    """Members of developments active as of log position ``at``, and their payloads."""
    found: dict[int, list[Facts]] = defaultdict(list)
    payloads: dict[int, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for member in members_of(conn, dev_ids, at):
            found[member.dev_id].append(member.facts)
            payloads[member.facts.position] = member.record.payload
    return found, payloads


def _as_of(store: EventStore, query: TimelineQuery) -> tuple[list[Development], Members]:
    """Each development's last version at or before the log position of ``as_of``, filtered in SQL;
    only the page is folded again from its members, for the full detail."""
    assert query.as_of is not None
    at = store.position_as_of(query.as_of)
    v = timeline_versions
    latest = (
        select(v.c.dev_id, func.max(v.c.position).label("position"))
        .where(v.c.position <= at, *_invariant_filters(query, v.c.dev_id, v.c.type))
        .group_by(v.c.dev_id)
        .subquery()
    )
    sql = (
        select(v.c.dev_id)
        .join(latest, and_(v.c.dev_id == latest.c.dev_id, v.c.position == latest.c.position))
        .where(v.c.events > 0, *_state_filters(query, v))
        .order_by(*_order(query, v.c.order_date, v.c.dev_id))
        .limit(query.limit)
    )
    with store.engine.connect() as conn:
        dev_ids = list(conn.execute(sql).scalars())
    members = _members(store, dev_ids, at)
    folded = (fold(dev_id, members[0].get(dev_id, [])) for dev_id in dev_ids)
    return [d for d in folded if d is not None and _matches(d, query)], members


def _matches(development: Development, query: TimelineQuery) -> bool:
    """The item filter, exactly: the items index also lists items a retraction took away."""
    return not query.item or any(norm.startswith(item_norm(query.item)) for norm in development.items)


def _render(
    developments: list[Development],
    members: Mapping[int, Sequence[Reported]],
    payloads: dict[int, dict[str, Any]],
) -> list[dict[str, Any]]:
    return [development_json(d, members.get(d.id, []), payloads) for d in developments]


def development_json(
    development: Development, members: Sequence[Reported], payloads: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    best = payloads.get(development.best_position, {})
    occurred = (
        {"date": development.date, "precision": development.precision}
        if development.date is not None
        else None
    )
    return {
        "id": f"{DEV_PREFIX}{development.id}",
        "type": development.type,
        "occurred": occurred,
        "dated": occurred is not None,
        "roles": development.roles,
        "items": [{"name": name, "quantity": qty} for name, qty in development.items.values()],
        "value": development.value,
        "status": development.status,
        "status_history": development.status_history(),
        "summary": best.get("summary", ""),
        "sources": len(development.sources),
        "first_reported": development.first_reported,
        "last_reported": development.last_reported,
        "events": [
            _event_json(f, payloads.get(f.position, {})) for f in sorted(members, key=lambda f: f.position)
        ],
    }


def _event_json(facts: Reported, payload: dict[str, Any]) -> dict[str, Any]:
    evidence = payload.get("evidence") or {}
    url = evidence.get("url")
    return {
        "id": event_id(facts.position),
        "outlet": outlet_of(url),
        "url": url,
        "title": evidence.get("title"),
        "sentence": evidence.get("sentence"),
        "reported_at": facts.reported_at,
        "status": facts.status,
    }
