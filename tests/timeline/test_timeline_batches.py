"""Property: any split of the log into catch-up batches gives the same projection as one rebuild."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from events.engine import make_engine
from events.model import Deal, Delivery, Evidence, Item, Occurred, Retraction, Roles, Sanction
from events.projection import ProjectionRunner
from events.store import EventStore, NewEvent
from tests.timeline.conftest import fresh_copy
from tracker.timeline.projection import TimelineProjection
from tracker.timeline.tables import (
    timeline_actors,
    timeline_developments,
    timeline_events,
    timeline_items,
    timeline_versions,
)

ACTORS = ("IND", "RUS", "USA")
DATES = (None, "2018", "2018-10", "2018-10-05", "2019", "2021-12")
ITEMS = ((), ("S-400",), ("AK-203",), ("S-400", "T-90"))


def _occurred(date: str | None) -> Occurred | None:
    return (
        None if date is None else Occurred(date=date, precision={4: "year", 7: "month", 10: "day"}[len(date)])
    )


@st.composite
def domain_event(draw: st.DrawFn, n: int, dates: tuple = DATES, items_drawn: tuple = ITEMS):
    a, b = draw(st.permutations(ACTORS))[:2]
    kind = draw(st.sampled_from(("deal", "delivery", "sanction")))
    common = {
        "occurred": _occurred(draw(st.sampled_from(dates))),
        "summary": f"event {n}",
        "evidence": Evidence(sentence="s", url=f"https://o{draw(st.integers(0, 3))}.example/{n}"),
        "reported_at": datetime(2022, 1, 1 + draw(st.integers(0, 20)), tzinfo=UTC),
        "confidence": draw(st.sampled_from((0.5, 0.7, 0.9))),
        "extractor": "rules@1",
    }
    names = draw(st.sampled_from(items_drawn))
    items = tuple(Item(name=name, quantity=draw(st.sampled_from((None, 4)))) for name in names)
    if kind == "deal":
        status = draw(st.sampled_from(("planned", "signed", None)))
        return Deal(roles=Roles(buyer=a, seller=b), items=items, status=status, **common)
    if kind == "delivery":
        return Delivery(roles=Roles(supplier=a, recipient=b), items=items, status="began", **common)
    return Sanction(roles=Roles(imposer=a, target=b), status="imposed", **common)


@st.composite
def log_and_splits(draw: st.DrawFn):
    size = draw(st.integers(1, 30))
    entries: list = []
    for n in range(size):
        if n and draw(st.integers(0, 9)) == 0:
            entries.append(Retraction(event_id=f"ev-{draw(st.integers(1, n))}", reason="wrong"))
        else:
            entries.append(draw(domain_event(n)))
    splits = sorted(set(draw(st.lists(st.integers(1, size), max_size=6))))
    return entries, splits


def snapshot(store: EventStore) -> list:
    tables = (timeline_events, timeline_developments, timeline_versions, timeline_actors, timeline_items)
    with store.engine.connect() as conn:
        return [sorted(tuple(row) for row in conn.execute(select(t))) for t in tables]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    case=log_and_splits(),
    limit=st.sampled_from([1, 2, 5, 60_000]),
    fresh=st.lists(st.booleans()),
    compiled=st.booleans(),
)
def test_any_split_into_batches_equals_one_rebuild(
    case, limit: int, fresh: list[bool], compiled: bool, template_db: Path, tmp_path_factory
) -> None:
    """Also with a memory of developments too small to hold them (evicted buckets are loaded
    again) and with a new process's empty memory between catch-ups (everything is loaded); the
    Python fold and the compiled one (test_timeline_compiled compares them)."""
    entries, splits = case
    store = EventStore(make_engine(fresh_copy(template_db, tmp_path_factory.mktemp("split"))))
    try:
        store.append(NewEvent.of(e, key=f"k{n}") for n, e in enumerate(entries))

        def projection() -> TimelineProjection:
            return TimelineProjection(memory_limit=limit, compiled=compiled)

        runner = ProjectionRunner(store, projection(), batch_size=3)
        for n, until in enumerate(splits):
            if n < len(fresh) and fresh[n]:
                runner = ProjectionRunner(store, projection(), batch_size=3)
            runner.catch_up(until=until)
        runner.catch_up()
        by_batches = snapshot(store)
        ProjectionRunner(store, projection(), batch_size=10_000).rebuild()
        assert snapshot(store) == by_batches
    finally:
        store.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=log_and_splits(), cut=st.integers(0, 40))
def test_as_of_a_past_time_equals_replaying_the_log_up_to_then(
    case, cut: int, template_db: Path, tmp_path_factory
) -> None:
    from datetime import timedelta

    from tracker.timeline.query import TimelineQuery, timeline

    entries, _ = case
    cut = min(cut, len(entries))
    start = datetime(2022, 6, 1, tzinfo=UTC)
    clock = iter(start + timedelta(minutes=n) for n in range(1000))
    full = EventStore(
        make_engine(fresh_copy(template_db, tmp_path_factory.mktemp("full"))), lambda: next(clock)
    )
    prefix = EventStore(make_engine(fresh_copy(template_db, tmp_path_factory.mktemp("prefix"))))
    try:
        for n, entry in enumerate(entries):  # one append per event: each has its own recorded_at
            full.append([NewEvent.of(entry, key=f"k{n}")])
            if n < cut:
                prefix.append([NewEvent.of(entry, key=f"k{n}")])
        ProjectionRunner(full, TimelineProjection(), batch_size=4).catch_up()
        ProjectionRunner(prefix, TimelineProjection()).catch_up()
        as_of = start + timedelta(minutes=cut - 1, seconds=30) if cut else start - timedelta(days=1)
        then = timeline(full, TimelineQuery(as_of=as_of))
        replayed = timeline(prefix, TimelineQuery())
        assert then == replayed
    finally:
        full.close()
        prefix.close()


def test_a_refold_into_an_evicted_bucket_keeps_the_stored_developments_in_reach(
    template_db: Path, tmp_path_factory
) -> None:
    """Found by the property above: a development folded again after a retraction was filed in a
    bucket evicted from memory, which then counted as held, and event 7 missed development 1."""

    def sanction(n: int, imposer: str, target: str, date: str | None) -> Sanction:
        return Sanction(
            roles=Roles(imposer=imposer, target=target),
            occurred=_occurred(date),
            summary=f"event {n}",
            evidence=Evidence(sentence="s", url=f"https://o.example/{n}"),
            reported_at=datetime(2022, 1, 1, tzinfo=UTC),
            confidence=0.5,
            extractor="rules@1",
            status="imposed",
        )

    entries = [
        sanction(0, "RUS", "IND", "2018"),
        sanction(1, "IND", "RUS", None),
        sanction(2, "IND", "RUS", "2018"),  # joins event 2, which moves to 2018: that bucket is evicted
        Retraction(event_id="ev-2", reason="wrong"),  # development 2 folded again, dated 2018
        Retraction(event_id="ev-2", reason="again"),
        Retraction(event_id="ev-2", reason="again"),
        sanction(6, "RUS", "IND", "2018"),  # belongs with event 1
    ]
    store = EventStore(make_engine(fresh_copy(template_db, tmp_path_factory.mktemp("refold"))))
    try:
        store.append(NewEvent.of(e, key=f"k{n}") for n, e in enumerate(entries))
        ProjectionRunner(store, TimelineProjection(memory_limit=1), batch_size=3).catch_up()
        by_batches = snapshot(store)
        ProjectionRunner(store, TimelineProjection(), batch_size=10_000).rebuild()
        assert snapshot(store) == by_batches
    finally:
        store.close()
