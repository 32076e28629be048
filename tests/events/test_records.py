"""Records as tuples built in C: decoded as read, or lazily for pages handed over as lists, their
key and hash made text when asked for; the same values whether SQLite reads through the converters
or not (both backends)."""

from __future__ import annotations

import pickle
import sqlite3

import pytest

from events.engine import make_engine
from events.records import LazyRecord, Record
from events.store import EventStore, NewEvent
from tracker.db import migrate


def new(n: int) -> NewEvent:
    return NewEvent(
        key=f"k-{n}:\u00e9", type="deal", payload={"n": n, "text": "\u00e9" * n}, version=1 + n % 2
    )


def test_read_get_and_pages_hand_over_equal_records(store: EventStore) -> None:
    appended = store.append([new(i) for i in range(1, 8)])
    read = list(store.read(page_size=3))
    with store.engine.connect() as conn:
        page = EventStore.read_page(conn, 0, 10)
    assert read == appended == page == store.get_many(range(1, 8))
    assert [type(r) for r in read] == [Record] * 7
    assert all(isinstance(r, LazyRecord) for r in page)
    assert (read[2].key, read[2].type, read[2].version, read[2].payload) == (
        "k-3:\u00e9",
        "deal",
        2,
        {"n": 3, "text": "\u00e9\u00e9\u00e9"},
    )
    assert [r.chain_hash for r in read] == [r.chain_hash for r in page] == [r.chain_hash for r in appended]
    assert all(type(r.key) is str and type(r.chain_hash) is str for r in [*read, *page])
    assert {r: r.position for r in appended} == {r: r.position for r in read}  # equal hashes too
    assert read[-1].recorded_at == appended[-1].recorded_at == store.head().recorded_at


def test_a_lazy_payload_is_decoded_once_and_kept(store: EventStore) -> None:
    store.append([new(1)])
    record = store.get(1)
    assert isinstance(record, LazyRecord)
    assert record.payload is record.payload
    assert pickle.loads(pickle.dumps(record)) == record
    assert {record: 1}[store.get_many([1])[0]] == 1  # hashed by position and hash, as before


def test_records_are_read_only_and_compare_only_with_records(store: EventStore) -> None:
    record = store.append([new(1)])[0]
    with pytest.raises(AttributeError):
        record.position = 2  # type: ignore[misc]
    assert record != tuple(record) and record == store.get(1)
    assert repr(record) == "Record(position=1, type='deal', key='k-1:\u00e9')"


def test_sqlite_reads_the_same_without_the_column_converters(sqlite_url: str) -> None:
    """An engine made without PARSE_COLNAMES reads the plain way: the same values."""
    engine = make_engine(sqlite_url, connect_args={"detect_types": 0})
    migrate(engine)
    plain = EventStore(engine)
    try:
        appended = plain.append([new(i) for i in range(1, 4)])
        assert list(plain.read()) == appended
    finally:
        plain.close()
    store = EventStore(make_engine(sqlite_url))
    try:
        assert list(store.read()) == appended == store.get_many([1, 2, 3])
    finally:
        store.close()
    assert sqlite3.converters["EVENTS_TEXT"] is bytes.decode
