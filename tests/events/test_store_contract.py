"""The event store contract, written once and run against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from events.errors import AppendOnlyViolation
from events.model import Retraction
from events.records import DECODED_RUN
from events.store import GENESIS, EventStore, NewEvent, event_id


def new(n: int, type_: str = "deal") -> NewEvent:
    return NewEvent(key=f"article-{n}:rules@1:0", type=type_, payload={"n": n, "summary": f"event {n}"})


def test_append_assigns_gapless_positions_time_and_stable_ids(store: EventStore, clock) -> None:
    records = store.append([new(1), new(2), new(3)])
    assert [r.position for r in records] == [1, 2, 3]
    assert {r.recorded_at for r in records} == {clock.now}
    assert records[0].id == event_id(1) == "ev-1"
    assert store.head().position == 3
    assert store.head().chain_hash == records[-1].chain_hash


def test_appending_a_stored_key_stores_nothing_and_returns_the_stored_event(store: EventStore, clock) -> None:
    first = store.append([new(1), new(2)])
    clock.advance(minutes=5)
    again = store.append([new(2), new(3), new(3)])
    assert again[0] == first[1]
    assert [r.position for r in again] == [2, 3, 3]
    assert len(list(store.read())) == 3


def test_a_batch_is_one_transaction(store: EventStore) -> None:
    store.append([new(1)])
    with pytest.raises(RuntimeError), store.writing() as conn:
        store.append_in(conn, [new(2), new(3)])
        raise RuntimeError("crash after the rows were written, before commit")
    assert [r.position for r in store.read()] == [1]
    assert store.verify().ok


def test_read_streams_in_pages_after_a_position_and_up_to_a_bound(store: EventStore) -> None:
    store.append([new(i) for i in range(1, 26)])
    assert [r.position for r in store.read(page_size=4)] == list(range(1, 26))
    assert [r.position for r in store.read(after=20, page_size=3)] == [21, 22, 23, 24, 25]
    assert [r.position for r in store.read(after=5, until=8, page_size=2)] == [6, 7, 8]
    assert [r.payload["n"] for r in store.read(after=24)] == [25]


def test_read_back_gives_the_latest_first_in_pages_between_bounds(store: EventStore) -> None:
    store.append([new(i) for i in range(1, 26)])
    assert [r.position for r in store.read_back(page_size=4)] == list(range(25, 0, -1))
    assert [r.position for r in store.read_back(before=6, page_size=2)] == [5, 4, 3, 2, 1]
    assert [r.position for r in store.read_back(after=20, page_size=3)] == [25, 24, 23, 22, 21]
    assert [r.payload["n"] for r in store.read_back(before=9, after=6)] == [8, 7]
    assert [r.position for r in store.read_back(before=1)] == []
    records = list(store.read_back(page_size=DECODED_RUN + 1))
    assert [(r.position, r.payload["n"]) for r in records] == [
        (r.position, r.payload["n"]) for r in store.read()
    ][::-1]


def test_reads_of_named_types_skip_the_others_across_pages(store: EventStore) -> None:
    kinds = ("deal", "sanction", "statement")
    store.append([new(i, kinds[i % 3]) for i in range(1, 31)])
    sanctions = [i for i in range(1, 31) if i % 3 == 1]
    assert [r.position for r in store.read(page_size=2, types=["sanction"])] == sanctions
    between = store.read(after=10, until=20, page_size=2, types=["sanction"])
    assert [r.position for r in between] == [13, 16, 19]
    assert [r.position for r in store.read_back(page_size=2, types=["sanction"])] == sanctions[::-1]
    both = [r.position for r in store.read_back(before=10, page_size=3, types=["deal", "sanction", "deal"])]
    assert both == [i for i in range(9, 0, -1) if i % 3 != 2]
    assert list(store.read(types=["retracted"])) == []


def test_read_decodes_pages_longer_than_a_run_whole_and_in_order(store: EventStore) -> None:
    """Pages are decoded in runs of ``DECODED_RUN`` rows: no row of a page is lost or repeated where a
    run or a page ends."""
    store.append([new(i) for i in range(1, 54)])
    for size in (DECODED_RUN - 1, DECODED_RUN, DECODED_RUN + 1, 50, 500):
        records = list(store.read(page_size=size))
        assert [r.payload["n"] for r in records] == list(range(1, 54))
        assert [r.position for r in records] == list(range(1, 54))


def test_recorded_at_never_goes_back_so_as_of_is_a_position_cut(store: EventStore, clock) -> None:
    store.append([new(1)])
    t1 = clock.now
    clock.advance(hours=1)
    store.append([new(2)])
    clock.advance(hours=-3)  # a writer whose clock is behind
    third = store.append([new(3)])[0]
    assert third.recorded_at == t1 + timedelta(hours=1)
    assert store.position_as_of(t1) == 1
    assert store.position_as_of(t1 - timedelta(seconds=1)) == 0
    assert store.position_as_of(t1 + timedelta(hours=2)) == 3


def test_update_and_delete_are_refused_by_the_database(store: EventStore) -> None:
    store.append([new(1)])
    for sql in ("UPDATE event_log SET payload = '{}'", "DELETE FROM event_log"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    assert store.verify().ok
    assert store.get(1) is not None


def test_refusals_are_wrapped_at_the_store_boundary(store: EventStore) -> None:
    from events.store import wrap_errors

    store.append([new(1)])
    with pytest.raises(AppendOnlyViolation), wrap_errors("tamper"), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM event_log"))


def test_get_by_id_or_position_and_typed_round_trip(store: EventStore) -> None:
    retraction = Retraction(event_id="ev_x", reason="duplicate report")
    stored = store.append([NewEvent.of(retraction, key="retract:ev_x")])[0]
    assert store.get(stored.id) == stored
    assert store.get(stored.position) == stored
    assert store.get("ev_missing") is None
    assert stored.event() == retraction
    assert store.count_by_type() == {"retracted": 1}


def test_verify_accepts_an_intact_log(store: EventStore) -> None:
    assert store.verify().ok and store.verify().head_hash == GENESIS
    store.append([new(i) for i in range(1, 8)])
    for workers in (1, 3):  # ranges of the log verified in parallel processes agree with one pass
        result = store.verify(workers=workers)
        assert (result.ok, result.count, result.head_position) == (True, 7, 7)
        assert result.head_hash == store.head().chain_hash


def _drop_triggers(store: EventStore) -> None:
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER event_log_no_update"))
            conn.execute(text("DROP TRIGGER event_log_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER event_log_no_update ON event_log"))


@pytest.mark.parametrize(
    ("sql", "bad", "words"),
    [
        ("UPDATE event_log SET payload = '{\"n\": 99}' WHERE position = 4", 4, "hash"),
        ("UPDATE event_log SET chain_hash = key WHERE position = 5", 5, "hash"),
        ("DELETE FROM event_log WHERE position = 3", 3, "missing"),
        ("UPDATE event_log SET recorded_at = recorded_at + INTERVAL '1 day' WHERE position = 2", 2, "hash"),
    ],
)
def test_verify_names_the_first_tampered_position(store: EventStore, sql: str, bad: int, words: str) -> None:
    store.append([new(i) for i in range(1, 7)])
    _drop_triggers(store)
    if store.engine.dialect.name == "sqlite":
        sql = sql.replace("recorded_at + INTERVAL '1 day'", "datetime(recorded_at, '+1 day')")
    with store.engine.begin() as conn:
        conn.execute(text(sql))
    for workers in (1, 2) if bad == 3 else (1,):  # parallel ranges: one case suffices (spawn is slow)
        result = store.verify(workers=workers)
        assert not result.ok
        assert result.bad_position == bad
        assert words in result.message


def test_concurrent_appenders_in_threads_never_collide(store: EventStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def writer(w: int) -> None:
        for i in range(20):
            store.append([new(w * 1000 + i), new(w * 1000 + i)])

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(writer, range(4)))
    positions = [r.position for r in store.read()]
    assert positions == list(range(1, 81))
    assert store.verify().ok
