"""A rebuild in several processes (events.parallel) writes what one process writes."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection

from events import parallel
from events.engine import make_engine
from events.errors import ProjectionError
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
    Supersession,
)
from events.projection import ProjectionRunner
from events.store import EventStore, NewEvent, Record
from tests.timeline.conftest import fresh_copy
from tests.timeline.test_timeline_batches import snapshot
from tracker.timeline.projection import TimelineProjection

ACTORS = ("IND", "RUS", "USA", "FRA")
DATES = (None, "2018", "2018-10", "2018-10-05", "2019", "2021-12")


def _event(rng: random.Random, n: int):
    a, b = rng.sample(ACTORS, 2)
    date = rng.choice(DATES)
    precision = {4: "year", 7: "month", 10: "day"}[len(date)] if date else "day"
    common = {
        "occurred": None if date is None else Occurred(date=date, precision=precision),
        "summary": f"event {n}",
        "evidence": Evidence(sentence="s", url=f"https://o{rng.randrange(4)}.example/{n}"),
        "reported_at": datetime(2022, 1, 1 + rng.randrange(20), tzinfo=UTC),
        "confidence": rng.choice((0.5, 0.7, 0.9)),
        "extractor": "rules@1",
    }  # fmt: skip
    items = tuple(Item(name=i) for i in rng.choice(((), ("S-400",), ("AK-203",), ("S-400", "T-90"))))
    kind = rng.choice(("deal", "deal", "delivery", "sanction", "statement"))
    if kind == "deal":
        return Deal(
            roles=Roles(buyer=a, seller=b), items=items, status=rng.choice(("planned", "signed")), **common
        )
    if kind == "delivery":
        return Delivery(roles=Roles(supplier=a, recipient=b), items=items, status="began", **common)
    if kind == "sanction":
        return Sanction(roles=Roles(imposer=a, target=b), status="imposed", **common)
    return Statement(roles=Roles(speaker=a, about=[b]), **common)


def _log(size: int, seed: int) -> list:
    """Events of every type, with retractions and supersessions naming events of any type."""
    rng = random.Random(seed)
    entries: list = []
    for n in range(size):
        if n > 10 and rng.random() < 0.05:
            entries.append(Retraction(event_id=f"ev-{rng.randrange(1, n)}", reason="wrong"))
        elif n > 10 and rng.random() < 0.03:
            old = tuple(f"ev-{p}" for p in rng.sample(range(1, n), 3))
            entries.append(Supersession(old=old, reason="re-extracted"))
        else:
            entries.append(_event(rng, n))
    return entries


@pytest.fixture
def store(template_db: Path, tmp_path: Path):
    store = EventStore(make_engine(fresh_copy(template_db, tmp_path / "db")))
    yield store
    store.close()


def _runner(
    store: EventStore, workers: int, projection: TimelineProjection | None = None
) -> ProjectionRunner:
    runner = ProjectionRunner(store, projection or TimelineProjection(memory_limit=50), 40, workers=workers)
    runner.parallel_from = 0  # these logs are small
    return runner


@pytest.mark.parametrize("workers", [2, 3])
def test_a_parallel_rebuild_writes_the_rows_of_one_process(store: EventStore, workers: int) -> None:
    store.append(NewEvent.of(e, key=f"k{n}") for n, e in enumerate(_log(400, seed=workers)))
    _runner(store, 1).rebuild()
    alone = snapshot(store)
    assert _runner(store, workers).rebuild() == 400
    assert parallel.LAST.workers == workers
    assert snapshot(store) == alone
    assert not list(Path(store.engine.url.database).parent.glob(".rebuild-*"))  # scratch files gone


def test_catch_up_after_a_parallel_rebuild_goes_on_from_where_it_stopped(store: EventStore) -> None:
    entries = _log(300, seed=5)
    store.append(NewEvent.of(e, key=f"k{n}") for n, e in enumerate(entries[:200]))
    runner = _runner(store, 2)
    runner.rebuild()
    store.append(NewEvent.of(e, key=f"k{n}") for n, e in enumerate(entries[200:], start=200))
    assert runner.catch_up() == 100
    by_parts = snapshot(store)
    _runner(store, 1).rebuild()
    assert snapshot(store) == by_parts


class _Failing(TimelineProjection):
    """Its processes fail half way (pickled by reference into them)."""

    def partition(self, share: float) -> TimelineProjection:
        return _FailingPart()


class _FailingPart(TimelineProjection):
    def apply(self, conn: Connection, records: Sequence[Record]) -> None:
        if records[-1].position > 100:
            raise RuntimeError("handler broke")
        super().apply(conn, records)


def test_a_failed_process_leaves_the_rows_that_were_there(store: EventStore) -> None:
    store.append(NewEvent.of(e, key=f"k{n}") for n, e in enumerate(_log(200, seed=9)))
    _runner(store, 1).rebuild()
    before = snapshot(store)
    with pytest.raises(ProjectionError, match="handler broke"):
        _runner(store, 2, _Failing()).rebuild()
    assert snapshot(store) == before
    assert _runner(store, 1).checkpoint().position == 200  # type: ignore[union-attr]


def test_groups_of_types_are_balanced_by_their_counts() -> None:
    counts = {"deal": 40, "delivery": 20, "sanction": 20, "statement": 20, "retracted": 3}
    types = frozenset({"deal", "delivery", "sanction", "statement"})
    two = parallel.plan(counts, types, 2)
    assert sorted(t for group in two for t in group) == sorted(types)
    assert [sum(counts[t] for t in group) for group in two] == [60, 40]  # largest first
    assert parallel.plan(counts, types, 3) == [("deal",), ("delivery", "statement"), ("sanction",)]
    assert parallel.plan({"deal": 5}, types, 4) == [("deal",)]  # one group: no parallel rebuild


def test_a_small_log_or_one_worker_rebuilds_in_this_process(store: EventStore) -> None:
    store.append(NewEvent.of(e, key=f"k{n}") for n, e in enumerate(_log(50, seed=1)))
    parallel.LAST.workers = 0
    runner = ProjectionRunner(store, TimelineProjection(), 40, workers=4)  # under parallel.MIN_EVENTS
    runner.rebuild()
    assert parallel.LAST.workers == 0
