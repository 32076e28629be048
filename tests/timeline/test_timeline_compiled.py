"""The compiled fold (tracker.timeline._fold) writes the tables the Python fold writes.

The Python projection is the reference: the same log, rebuilt by it in one batch and
caught up by the compiled engine in any batches, with any memory (developments cooled to
their matching state and read back, keys evicted and read back, a new process's empty
memory), gives the same rows, byte for byte.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.engine import make_engine
from events.model import Deal, Evidence, Item, Retraction, Roles, Statement, Supersession
from events.projection import ProjectionRunner
from events.store import EventStore, NewEvent
from tests.timeline.conftest import fresh_copy
from tests.timeline.test_timeline_batches import ACTORS, _occurred, domain_event, snapshot
from tracker.timeline import native
from tracker.timeline.projection import TimelineProjection

# Months of one year that do not agree, and items shared in part: an event may fit several
# developments, and the fold must choose as the Python one does.
DATES = (None, "2018", "2018-10", "2018-10-05", "2018-12", "2019")
ITEMS = ((), ("S-400",), ("AK-203",), ("S-400", "AK-203"), ("S400",))


def test_the_engine_is_built() -> None:
    """`make install` builds it: without it every test here would compare the Python fold with itself."""
    assert native.AVAILABLE


@st.composite
def statement(draw: st.DrawFn, n: int) -> Statement:
    speaker, *others = draw(st.permutations(ACTORS))
    about = tuple(draw(st.lists(st.sampled_from(others), min_size=1, max_size=2)))
    return Statement(
        roles=Roles(speaker=speaker, about=about),
        occurred=_occurred(draw(st.sampled_from(DATES))),
        summary=f"statement {n}",
        evidence=Evidence(sentence="s", url=f"https://o{draw(st.integers(0, 2))}.example/{n}"),
        reported_at=datetime(2022, 1, 1 + draw(st.integers(0, 20)), tzinfo=UTC),
        confidence=draw(st.sampled_from((0.5, 0.9))),
        extractor="rules@1",
    )


def _off_shape(event: Any, n: int) -> NewEvent:
    """A payload the typed decoder refuses (confidence as text): read by ``facts_of`` instead."""
    new = NewEvent.of(event, key=f"k{n}")
    return NewEvent(key=new.key, type=new.type, payload={**new.payload, "confidence": "0.6"})


@st.composite
def log(draw: st.DrawFn) -> list[NewEvent]:
    entries: list[NewEvent] = []
    for n in range(draw(st.integers(1, 40))):
        choice = draw(st.integers(0, 19))
        if n and choice == 0:
            event: Any = Retraction(event_id=f"ev-{draw(st.integers(1, n))}", reason="wrong")
        elif n and choice == 1:
            old = tuple(f"ev-{p}" for p in draw(st.lists(st.integers(1, n), min_size=1, max_size=3)))
            event = Supersession(old=old, reason="revised")
        elif choice < 6:
            event = draw(statement(n))
        else:
            event = draw(domain_event(n, DATES, ITEMS))
        odd = choice == 19 and event.type not in ("retracted", "superseded")
        entries.append(_off_shape(event, n) if odd else NewEvent.of(event, key=f"k{n}"))
    return entries


def _compiled(hot: int, matching: int) -> TimelineProjection:
    projection = TimelineProjection(memory_limit=hot, compiled=True)
    projection.memory.limit = matching  # type: ignore[union-attr]
    return projection


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=log(),
    splits=st.lists(st.integers(1, 40), max_size=6),
    hot=st.sampled_from([1, 3, 20_000]),
    matching=st.sampled_from([1, 4, 500_000]),
    batch=st.sampled_from([1, 3, 7, 1_000]),
    fresh=st.lists(st.booleans()),
)
def test_compiled_catch_up_in_any_batches_equals_a_python_rebuild(
    entries: list[NewEvent],
    splits: list[int],
    hot: int,
    matching: int,
    batch: int,
    fresh: list[bool],
    template_db: Path,
    tmp_path_factory,
) -> None:
    store = EventStore(make_engine(fresh_copy(template_db, tmp_path_factory.mktemp("compiled"))))
    try:
        store.append(entries)
        ProjectionRunner(store, TimelineProjection(compiled=False), batch_size=10_000).rebuild()
        reference = snapshot(store)
        runner = ProjectionRunner(store, _compiled(hot, matching), batch_size=batch)
        runner.rebuild()
        assert snapshot(store) == reference
        runner.reset()  # empty tables, then catch-up in batches
        for n, until in enumerate(sorted(set(splits))):
            if n < len(fresh) and fresh[n]:  # a new process: nothing held, every key read back
                runner = ProjectionRunner(store, _compiled(hot, matching), batch_size=batch)
            runner.catch_up(until=until)
        runner.catch_up()
        assert snapshot(store) == reference
    finally:
        store.close()


@pytest.mark.parametrize("matching", [1, 500_000])
def test_a_small_memory_cools_and_evicts_and_still_matches(
    matching: int, template_db: Path, tmp_path_factory
) -> None:
    """The paths the property test relies on are taken: whole keys evicted and read back (a
    memory of one development), reporting state dropped and read back by id (room for all)."""
    events = [
        NewEvent.of(
            Statement(
                roles=Roles(speaker=ACTORS[n % 3], about=(ACTORS[(n + 1) % 3],)),
                occurred=_occurred("2018"),
                summary=f"s{n}",
                evidence=Evidence(sentence="s", url=f"https://o.example/{n}"),
                reported_at=datetime(2022, 1, 1 + n % 20, tzinfo=UTC),
                confidence=0.5,
                extractor="rules@1",
            ),
            key=f"k{n}",
        )
        for n in range(30)
    ]
    store = EventStore(make_engine(fresh_copy(template_db, tmp_path_factory.mktemp("small"))))
    try:
        store.append(events)
        ProjectionRunner(store, TimelineProjection(compiled=False)).rebuild()
        reference = snapshot(store)
        projection = _compiled(hot=1, matching=matching)
        ProjectionRunner(store, projection, batch_size=4).rebuild()
        assert snapshot(store) == reference
        engine = projection.memory
        assert isinstance(engine, native.Engine)
        if matching == 1:  # three keys, held in turn: 1 * 9 // 10, everything out after each batch
            assert engine.keys_read > 0 and engine.held() == (0, 0)
        else:  # every development held, only the last one touched with its reporting state
            assert engine.rows_read > 0 and engine.keys_read == 0 and engine.held()[1] == 1
    finally:
        store.close()


def test_items_join_through_their_normalised_names(template_db: Path, tmp_path_factory) -> None:
    """'S400' and 'S-400 Triumf' are one system to the compiled fold as to the Python one."""

    def deal(n: int, item: str) -> NewEvent:
        event = Deal(
            roles=Roles(buyer="IND", seller="RUS"),
            items=(Item(name=item, quantity=5 if n else None),),
            occurred=_occurred("2018-10"),
            summary="d",
            evidence=Evidence(sentence="s", url=f"https://o{n}.example/a"),
            reported_at=datetime(2022, 1, 1, tzinfo=UTC),
            confidence=0.7,
            extractor="rules@1",
            status="signed",
        )
        return NewEvent.of(event, key=f"k{n}")

    store = EventStore(make_engine(fresh_copy(template_db, tmp_path_factory.mktemp("items"))))
    try:
        store.append([deal(0, "S400"), deal(1, "S-400 Triumf"), deal(2, "T-90")])
        ProjectionRunner(store, TimelineProjection(compiled=True)).rebuild()
        compiled = snapshot(store)
        developments = compiled[1]
        assert len(developments) == 2  # the S-400 twice, the T-90 apart
        ProjectionRunner(store, TimelineProjection(compiled=False)).rebuild()
        assert snapshot(store) == compiled
    finally:
        store.close()
