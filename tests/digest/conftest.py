"""Builders for the digest tests: typed events on an injected clock, and a two-day story.

Day 1 (10 March 2026, UTC): a planned S-400 deal "in 2018", a US statement,
an undated delivery. Day 2: a second outlet reports the deal signed "in
October 2018" (the same development, refined), the US threatens a sanction
(new), and the statement is retracted (withdrawn).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from events.engine import make_engine
from events.model import (
    Deal,
    Delivery,
    Evidence,
    Item,
    Occurred,
    Retraction,
    Roles,
    Sanction,
    Statement,
    Value,
)
from events.store import EventStore, NewEvent, Record
from tests.conftest import Clock
from tracker.db import migrate
from tracker.projections import catch_up_all

DAY1 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
DAY2 = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
_PRECISION = {4: "year", 7: "month", 10: "day"}


@pytest.fixture
def clock() -> Clock:
    return Clock(DAY1)


def occurred(date: str | None) -> Occurred | None:
    return Occurred(date=date, precision=_PRECISION[len(date)]) if date else None


def _common(url: str, summary: str, date: str | None, title: str) -> dict[str, Any]:
    return {
        "occurred": occurred(date),
        "summary": summary,
        "evidence": Evidence(sentence=summary, url=url, title=title),
        "reported_at": DAY1,
        "confidence": 0.8,
        "extractor": "test@1",
    }


def deal(
    url: str,
    summary: str,
    *,
    date: str | None = None,
    status: str | None = None,
    buyer: str = "IND",
    seller: str = "RUS",
    items: Sequence[str] = ("S-400",),
    value: float | None = None,
) -> Deal:
    return Deal(
        **_common(url, summary, date, "Deal report"),
        roles=Roles(buyer=buyer, seller=seller),
        status=status,
        items=tuple(Item(name=name) for name in items),
        value=Value(amount=value, currency="USD", text=f"${value / 1e9:g} billion") if value else None,
    )


def delivery(url: str, summary: str, *, date: str | None = None, status: str = "began") -> Delivery:
    return Delivery(
        **_common(url, summary, date, "Delivery report"),
        roles=Roles(supplier="RUS", recipient="IND"),
        status=status,
        items=(Item(name="S-400", quantity=5),),
    )


def statement(url: str, summary: str, *, date: str, speaker: str = "USA", about=("IND", "RUS")) -> Statement:
    return Statement(
        **_common(url, summary, date, "Statement report"), roles=Roles(speaker=speaker, about=about)
    )


def sanction(url: str, summary: str, *, date: str | None = None, status: str = "threatened") -> Sanction:
    return Sanction(
        **_common(url, summary, date, "Sanction report"),
        roles=Roles(imposer="USA", target="IND"),
        status=status,
    )


def append_at(store: EventStore, clock: Clock, when: datetime, *events: Any) -> list[Record]:
    """Append ``events`` as recorded at ``when`` (the store's clock), each under a key of its own."""
    clock.now = when
    return store.append(
        NewEvent.of(e, key=f"test:{when.isoformat()}:{i}:{getattr(e, 'summary', e.type)}")
        for i, e in enumerate(events)
    )


@dataclass
class Story:
    store: EventStore
    deal: Record
    statement: Record


@pytest.fixture
def story(store: EventStore, clock: Clock) -> Story:
    """The two-day story on each backend, projections caught up."""
    return tell_story(store, clock)


@pytest.fixture
def sqlite_story(sqlite_url: str, clock: Clock) -> Iterator[Story]:
    """The story on SQLite only, for the renderers (the backends are compared by the collect tests)."""
    engine = make_engine(sqlite_url)
    migrate(engine)
    store = EventStore(engine, clock)
    yield tell_story(store, clock)
    store.close()


def tell_story(store: EventStore, clock: Clock) -> Story:
    day1 = append_at(
        store,
        clock,
        DAY1,
        deal(
            "https://a.example/s400",
            "India plans to buy S-400 systems from Russia.",
            date="2018",
            status="planned",
            value=5e9,
        ),
        statement(
            "https://b.example/kirby",
            "The US urged India to reduce its reliance on Russia.",
            date="2026-03-09",
        ),
        delivery("https://a.example/s400", "Russia began delivering S-400 units to India."),
    )
    retraction = Retraction(event_id=day1[1].id, reason="misattributed")
    append_at(
        store,
        clock,
        DAY2,
        deal(
            "https://c.example/signed",
            "India signed the S-400 deal with Russia in October 2018.",
            date="2018-10",
            status="signed",
        ),
        sanction(
            "https://d.example/caatsa", "The US threatened India with CAATSA sanctions.", date="2026-03"
        ),
    )
    append_at(store, clock, DAY2.replace(hour=15), retraction)
    catch_up_all(store)
    return Story(store, day1[0], day1[1])
