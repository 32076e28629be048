"""Whichever way a query is planned (by date or by actor, rarest actor first), it finds the same
developments in the same order, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from events.projection import ProjectionRunner
from events.store import EventStore, NewEvent
from tracker.timeline import query as q
from tracker.timeline.projection import TimelineProjection

ACTORS = ["IND", "RUS", "USA", "CHN", "FRA", "ISR", "PAK", "TUR"]
BUSY = ["IND", "RUS"]


def payload(rng: random.Random, n: int) -> dict[str, Any]:
    a = rng.choice(BUSY) if rng.random() < 0.5 else rng.choice(ACTORS)
    b = rng.choice([x for x in ACTORS if x != a])
    day = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(20 * 365))
    precision = rng.choice(("year", "month", "day"))
    date = {"year": f"{day:%Y}", "month": f"{day:%Y-%m}", "day": f"{day:%Y-%m-%d}"}[precision]
    return {
        "type": "deal",
        "occurred": {"date": date, "precision": precision, "text": None} if rng.random() < 0.9 else None,
        "roles": {"buyer": a, "seller": b},
        "items": [{"name": f"SYS-{rng.randrange(30)}", "quantity": None}],
        "summary": f"deal {n}",
        "evidence": {"sentence": "s", "url": f"https://o{n % 3}.example/{n}"},
        "reported_at": (day + timedelta(days=3)).isoformat().replace("+00:00", "Z"),
        "confidence": 0.7,
        "extractor": "test@1",
        "status": rng.choice(("planned", "signed")),
    }


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    rng = random.Random(11)
    store.append(NewEvent(key=f"e{n}", type="deal", payload=payload(rng, n)) for n in range(1500))
    ProjectionRunner(store, TimelineProjection()).catch_up()
    return store


QUERIES = [
    q.TimelineQuery(actor="IND", limit=20),
    q.TimelineQuery(actor="IND", with_actor="RUS", limit=20),
    q.TimelineQuery(actor="PAK", with_actor="IND"),
    q.TimelineQuery(actor="RUS", since="2005", until="2006-06", limit=15),
    q.TimelineQuery(actor="TUR", since="2010", statuses=("signed",)),
    q.TimelineQuery(actor="IND", with_actor="CHN", until="2003", min_sources=1, limit=5),
]


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_every_plan_finds_the_same_developments(filled: EventStore, query: q.TimelineQuery) -> None:
    with filled.engine.connect() as conn:
        chosen = q._plan(conn, query)
    results = []
    for by_date in (True, False):
        for actors in (chosen.actors, tuple(reversed(chosen.actors))):
            plan = q._Plan(by_date=by_date, actors=actors)
            d = q.timeline_developments
            clauses = q._invariant_filters(query, d.c.id, d.c.type, plan) + q._state_filters(query, d)
            sql = q.select(d.c.id).where(*clauses).order_by(d.c.order_date, d.c.id).limit(query.limit)
            with filled.engine.connect() as conn:
                results.append(list(conn.execute(sql).scalars()))
    assert results[0], "the query should find something"
    assert all(r == results[0] for r in results)
    assert [int(dev["id"].removeprefix("dev-")) for dev in q.timeline(filled, query)] == results[0]


def _ids(developments: list[dict[str, Any]]) -> list[str]:
    return [dev["id"] for dev in developments]


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_newest_first_is_the_timeline_reversed_and_its_limit_keeps_the_latest(
    filled: EventStore, query: q.TimelineQuery
) -> None:
    """What an analyst asks first: the latest developments of a dyad, now and as known at a time."""
    everything = _ids(q.timeline(filled, replace(query, limit=None)))
    latest = _ids(q.timeline(filled, replace(query, newest_first=True)))
    assert latest and latest == list(reversed(everything))[: query.limit]
    later = datetime.now(UTC) + timedelta(hours=1)
    assert _ids(q.timeline(filled, replace(query, newest_first=True, as_of=later))) == latest


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_the_current_timeline_is_the_timeline_as_of_now(filled: EventStore, query: q.TimelineQuery) -> None:
    """Two ways to the same page: the current one reads the stored developments and shows their
    members from their payloads; as of a time, they are folded again from their members' facts."""
    later = datetime.now(UTC) + timedelta(hours=1)
    assert q.timeline(filled, query) == q.timeline(filled, replace(query, as_of=later))
