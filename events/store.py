"""The append-only event log.

Appends are serialised (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a
transaction-scoped advisory lock), so positions are gapless and increase in
commit order: a reader tailing ``position > checkpoint`` can never skip an
event that commits later with a lower position. Each row extends a SHA-256
hash chain; ``verify()`` recomputes it. UPDATE and DELETE are refused by
triggers the migration installs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Engine

from events.engine import is_sqlite, make_engine
from events.errors import wrap_errors
from events.records import (
    COLUMNS,
    GENESIS,
    Head,
    NewEvent,
    Record,
    chain_hash,
    decode,
    event_id,
    micros,
    parse_event_id,
    utc,
)
from events.verify import VerifyResult, verify_log

__all__ = [
    "GENESIS",
    "EventStore",
    "Head",
    "NewEvent",
    "Record",
    "VerifyResult",
    "event_id",
    "parse_event_id",
    "wrap_errors",
]

ADVISORY_LOCK = 0x7472616B  # "trak": one lock for all appenders of a database
_KEY_CHUNK = 500


class EventStore:
    """The log: ``append`` a batch in one transaction, ``read`` it back in pages, ``verify`` the chain.

    The hot paths speak the driver's SQL directly (measured in bench/store.py:
    SQLAlchemy's expanding IN and per-row bind processing cost more than the
    database work itself).
    """

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self.engine = engine
        self.clock = clock or (lambda: datetime.now(UTC))
        self._sqlite = is_sqlite(engine)
        self._writer = engine.execution_options(immediate=True)  # BEGIN IMMEDIATE on SQLite
        self._integrity_error = engine.dialect.loaded_dbapi.IntegrityError
        self._local = threading.local()
        self._raw_connections: list[Any] = []
        self._mark = "?" if self._sqlite else "%s"
        self._insert = f"INSERT INTO event_log ({COLUMNS}) VALUES ({', '.join([self._mark] * 7)})"

    @classmethod
    def from_url(cls, url: str, clock: Callable[[], datetime] | None = None) -> EventStore:
        return cls(make_engine(url), clock)

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction holding the append lock; callers may write their own rows in it too."""
        with wrap_errors("append"), self._writer.connect() as conn, conn.begin():
            if not self._sqlite:
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK})")
            yield conn

    def append(self, batch: Iterable[NewEvent]) -> list[Record]:
        """Store a batch atomically; events whose key is already stored are returned as stored."""
        batch = list(batch)
        if not batch:
            return []
        if self._sqlite:
            with wrap_errors("append"), self._sqlite_transaction() as cursor:
                return self._append_on(cursor, batch)
        with self.writing() as conn:
            return self.append_in(conn, batch)

    @contextmanager
    def _sqlite_transaction(self) -> Iterator[Any]:
        """A driver-level write transaction on a connection this thread keeps.

        SQLAlchemy's connection and transaction machinery cost twice what
        SQLite needs for a one-event append; this path keeps single appends
        above 5,000/s (bench/store.py).
        """
        connection: Any = getattr(self._local, "connection", None)
        if connection is None:
            pooled = self.engine.raw_connection()  # configured by the engine's connect hook
            connection = pooled.driver_connection
            self._local.connection = connection
            pooled.detach()
            self._raw_connections.append(connection)
        cursor = connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        else:
            cursor.execute("COMMIT")
        finally:
            cursor.close()

    def close(self) -> None:
        """Close the append connections and dispose of the engine."""
        for connection in self._raw_connections:
            connection.close()
        self._raw_connections.clear()
        self._local = threading.local()
        self.engine.dispose()

    def append_in(self, conn: Connection, batch: Sequence[NewEvent]) -> list[Record]:
        """Append inside a transaction opened by ``writing()`` (so rows of the caller commit with it).

        Works on the DBAPI cursor: the statement machinery of SQLAlchemy costs
        more than SQLite's own work for a single event (bench/store.py).
        """
        cursor = conn.connection.cursor()
        try:
            return self._append_on(cursor, batch)
        finally:
            cursor.close()

    def _append_on(self, cursor: Any, batch: Sequence[NewEvent]) -> list[Record]:
        """Insert optimistically; if a key is already stored, roll back to the savepoint and skip it.

        Stored keys are rare (a retried poll), so looking them up first would
        tax every append for the sake of the exception.
        """
        head = self._head_of(cursor)
        cursor.execute("SAVEPOINT tracker_append")
        try:
            result = self._insert_new(cursor, batch, {}, head)
        except self._integrity_error:
            cursor.execute("ROLLBACK TO SAVEPOINT tracker_append")
            stored = self._stored_by_key(cursor, [e.key for e in batch])
            result = self._insert_new(cursor, batch, stored, head)
        cursor.execute("RELEASE SAVEPOINT tracker_append")
        return result

    def _insert_new(
        self, cursor: Any, batch: Sequence[NewEvent], stored: dict[str, Record], head: Head
    ) -> list[Record]:
        now = self.clock().astimezone(UTC)
        if head.recorded_at is not None and now < head.recorded_at:
            now = head.recorded_at  # recorded_at never goes back, so --as-of T is a position cut
        # SQLite keeps the text SQLAlchemy's DateTime would write, so Core queries read it too.
        stored_at: Any = now.replace(tzinfo=None).isoformat(" ", "microseconds") if self._sqlite else now
        stamp = micros(now)
        position, previous = head.position, head.chain_hash
        rows: list[tuple[Any, ...]] = []
        result: list[Record] = []
        for new in batch:
            record = stored.get(new.key)
            if record is None:
                position += 1
                body = orjson.dumps(new.payload)
                previous = chain_hash(previous, position, new.type, new.version, new.key, stamp, body)
                rows.append((position, new.key, new.type, new.version, body, stored_at, previous))
                record = Record(position, new.key, new.type, new.version, new.payload, now, previous)
                stored[new.key] = record
            result.append(record)
        if len(rows) == 1:
            cursor.execute(self._insert, rows[0])
        elif rows:
            cursor.executemany(self._insert, rows)
        return result

    def _stored_by_key(self, cursor: Any, keys: Sequence[str]) -> dict[str, Record]:
        found: dict[str, Record] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), _KEY_CHUNK):
            chunk = unique[start : start + _KEY_CHUNK]
            cursor.execute(
                f"SELECT {COLUMNS} FROM event_log WHERE key IN ({', '.join([self._mark] * len(chunk))})",
                tuple(chunk),
            )
            found.update((record.key, record) for record in decode(cursor.fetchall()))
        return found

    # -- reading -----------------------------------------------------------------------------

    def head(self) -> Head:
        with wrap_errors("head"), self.engine.connect() as conn:
            return self._head(conn)

    @staticmethod
    def _head(conn: Connection) -> Head:
        cursor = conn.connection.cursor()
        try:
            return EventStore._head_of(cursor)
        finally:
            cursor.close()

    @staticmethod
    def _head_of(cursor: Any) -> Head:
        cursor.execute(
            "SELECT position, chain_hash, recorded_at FROM event_log ORDER BY position DESC LIMIT 1"
        )
        row = cursor.fetchone()
        if row is None:
            return Head(0, GENESIS, None)
        return Head(row[0], row[1], utc(row[2]))

    def read(self, after: int = 0, *, until: int | None = None, page_size: int = 500) -> Iterator[Record]:
        """Records with ``after < position <= until`` in order, fetched a page at a time.

        A record leaves the page as it is handed over, so a caller that does not
        keep it frees its decoded payload before the next one is decoded: the
        memory is reused while still in the CPU caches (bench/store.py: four
        times the rate of holding a page of decoded payloads).
        """
        while True:
            with wrap_errors("read"), self.engine.connect() as conn:
                page = self.read_page(conn, after, page_size, until)
            size = len(page)
            if size:
                after = page[-1].position
            page.reverse()
            while page:
                yield page.pop()
            if size < page_size:
                return

    @staticmethod
    def read_page(conn: Connection, after: int, limit: int, until: int | None = None) -> list[Record]:
        """One page, on the caller's connection (projections read inside their own transaction).

        Goes through the DBAPI cursor: SQLAlchemy's Row objects cost as much as the decode.
        """
        stop = until if until is not None else 2**62
        mark = "?" if conn.dialect.name == "sqlite" else "%s"
        cursor = conn.connection.cursor()
        try:
            cursor.execute(
                f"SELECT {COLUMNS} FROM event_log WHERE position > {mark} AND position <= {mark} "
                f"ORDER BY position LIMIT {mark}",
                (after, stop, limit),
            )
            rows = cursor.fetchall()
        finally:
            cursor.close()
        return decode(rows)

    def get(self, event: str | int) -> Record | None:
        """The record with that id (``ev-42``) or position (42)."""
        position = parse_event_id(event)
        if position is None:
            return None
        with wrap_errors("get"), self.engine.connect() as conn:
            page = self.read_page(conn, position - 1, 1, position)
        return page[0] if page else None

    def get_many(self, positions: Sequence[int]) -> list[Record]:
        """The records at these positions (missing ones left out), in log order."""
        found: list[Record] = []
        wanted = sorted(set(positions))
        with wrap_errors("get"), self.engine.connect() as conn:
            cursor = conn.connection.cursor()
            try:
                for start in range(0, len(wanted), _KEY_CHUNK):
                    chunk = wanted[start : start + _KEY_CHUNK]
                    marks = ", ".join([self._mark] * len(chunk))
                    sql = f"SELECT {COLUMNS} FROM event_log WHERE position IN ({marks})"
                    cursor.execute(sql, tuple(chunk))
                    found.extend(decode(cursor.fetchall()))
            finally:
                cursor.close()
        return sorted(found, key=lambda r: r.position)

    def position_as_of(self, when: datetime) -> int:
        """The last position recorded at or before ``when``.

        recorded_at never decreases along the log, so a binary search over the
        primary key answers this without an index on recorded_at.
        """
        when = when.astimezone(UTC)
        with wrap_errors("as-of"), self.engine.connect() as conn:
            low, high = 0, self._head(conn).position
            sql = f"SELECT recorded_at FROM event_log WHERE position = {self._mark}"
            while low < high:
                middle = (low + high + 1) // 2
                if utc(conn.exec_driver_sql(sql, (middle,)).scalar()) <= when:
                    low = middle
                else:
                    high = middle - 1
        return low

    def count_by_type(self) -> dict[str, int]:
        with wrap_errors("count"), self.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT type, COUNT(*) FROM event_log GROUP BY type ORDER BY type")
            return {r[0]: r[1] for r in rows}

    # -- verifying ---------------------------------------------------------------------------

    def verify(self, workers: int | None = None) -> VerifyResult:
        """Recompute the hash chain from the genesis; name the first position that disagrees."""
        return verify_log(self.engine, self.head().position, self._hash_at, workers)

    def _hash_at(self, position: int) -> str:
        if position == 0:
            return GENESIS
        record = self.get(position)
        return record.chain_hash if record else GENESIS
