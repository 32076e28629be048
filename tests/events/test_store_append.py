"""How appends are written: multi-row statements, one-row inserts that skip a stored key,
errors wrapped at the store boundary, per-thread connections (both backends)."""

from __future__ import annotations

import gc
import threading
from datetime import timedelta

import pytest

from events._append import CHUNK
from events.engine import make_engine
from events.errors import SchemaError
from events.store import EventStore, NewEvent, Record
from tracker.db import migrate


def new(n: int) -> NewEvent:
    return NewEvent(key=f"article-{n}:rules@1:0", type="deal", payload={"n": n, "text": "é" * (n % 3)})


def test_a_batch_of_several_statement_sizes_reads_back_as_appended(store: EventStore) -> None:
    appended = store.append([new(i) for i in range(1, 2 * CHUNK + 16 + 4 + 2 + 1 + 1)])  # 64+64+16+4+2+1
    read = list(store.read(page_size=50))
    assert read == appended
    assert [r.position for r in read] == list(range(1, len(appended) + 1))
    assert read[-1].recorded_at == appended[-1].recorded_at
    assert store.verify().ok


def test_a_single_event_with_a_stored_key_is_returned_as_stored(store: EventStore, clock) -> None:
    first = store.append([new(1)])[0]
    clock.advance(minutes=1)
    again = store.append([new(1)])[0]
    assert again == first
    assert again.recorded_at == first.recorded_at
    assert store.head().position == 1
    assert store.append([new(2)])[0].position == 2  # nothing was left half-written
    assert store.verify().ok


def test_stored_and_repeated_keys_in_a_large_batch_keep_the_log_gapless(store: EventStore) -> None:
    stored = store.append([new(i) for i in range(1, 4)])
    batch = [new(i) for i in range(1, CHUNK + 20)] + [new(10), new(2)]
    records = store.append(batch)
    assert [r.key for r in records] == [e.key for e in batch]
    assert records[:3] == stored
    assert records[-1] == stored[1] and records[-2] == records[9]
    assert [r.position for r in store.read()] == list(range(1, CHUNK + 20))
    assert store.verify().ok


def test_records_convert_recorded_at_lazily_to_the_appended_utc_time(store: EventStore, clock) -> None:
    clock.advance(microseconds=7)
    appended = store.append([new(1), new(2)])
    fetched = store.get_many([1, 2])
    assert [r.recorded_at for r in fetched] == [clock.now, clock.now]
    assert fetched[0].recorded_at.utcoffset() == timedelta(0)
    assert fetched == appended
    assert store.position_as_of(clock.now) == 2


def test_the_seven_argument_constructor_still_builds_a_record(clock) -> None:
    record = Record(3, "k", "deal", 1, {"n": 3}, clock.now, "h" * 64)
    assert (record.id, record.payload, record.recorded_at) == ("ev-3", {"n": 3}, clock.now)
    assert Record(3, "k", "deal", 1, None, clock.now, "h" * 64, raw=b'{"n": 3}') == record


CALLS = {
    "append": lambda store: store.append([new(1)]),
    "read": lambda store: list(store.read()),
    "head": lambda store: store.head(),
    "get": lambda store: store.get(1),
    "get_many": lambda store: store.get_many([1]),
    "position_as_of": lambda store: store.position_as_of(store.clock()),
    "count_by_type": lambda store: store.count_by_type(),
}


@pytest.mark.parametrize("method", sorted(CALLS))
def test_a_database_without_schema_raises_schema_error(db_url: str, method: str) -> None:
    """The hot paths work on DBAPI cursors: the driver's own errors are wrapped too."""
    store = EventStore(make_engine(db_url))
    with pytest.raises(SchemaError, match="tracker init"):
        CALLS[method](store)
    store.close()


def test_each_thread_appends_on_a_connection_closed_when_the_thread_ends(sqlite_url: str) -> None:
    store = EventStore(make_engine(sqlite_url))
    migrate(store.engine)
    connections = store._connections
    assert connections is not None
    store.append([new(1)])
    worker = threading.Thread(target=lambda: store.append([new(2)]))
    worker.start()
    worker.join()
    gc.collect()
    assert len(connections._held) == 1  # the worker's went with its thread
    store.close()
    assert len(connections._held) == 0
    reopened = EventStore(make_engine(sqlite_url))
    assert [r.position for r in reopened.read()] == [1, 2]
    reopened.close()
