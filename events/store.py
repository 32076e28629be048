"""The append-only event log.

Appends are serialised (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a
transaction-scoped advisory lock), so positions are gapless and increase in
commit order: a reader tailing ``position > checkpoint`` can never skip an
event that commits later with a lower position. Each row extends a SHA-256
hash chain; ``verify()`` recomputes it. UPDATE and DELETE are refused by
triggers the migration installs.

The hot paths speak the driver's SQL on DBAPI cursors (measured in
bench/store.py: SQLAlchemy's statement machinery, Row objects and pool
checkouts cost more than the database work itself). The append algorithm is
in ``_append``, the per-thread SQLite connections in ``_connections``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

from events._append import KEY_CHUNK, Appender, head_of
from events._connections import ThreadConnections
from events.engine import is_sqlite, make_engine
from events.errors import wrap_errors
from events.records import (
    GENESIS,
    Head,
    NewEvent,
    Record,
    decode,
    decoded,
    event_id,
    lazy_record,
    parse_event_id,
    select_columns,
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
T = TypeVar("T")


def _page_sql(sqlite: bool, types: int = 0, *, back: bool = False) -> str:
    """A page of rows after a position and up to a bound, of any type or of ``types`` named ones;
    ``back``: before the bound, the latest first."""
    mark = "?" if sqlite else "%s"
    only = f"AND type IN ({', '.join([mark] * types)}) " if types else ""
    columns = select_columns(sqlite, reading=True)
    upto, order = ("<", " DESC") if back else ("<=", "")
    return (
        f"SELECT {columns} FROM event_log WHERE position > {mark} AND position {upto} {mark} "
        f"{only}ORDER BY position{order} LIMIT {mark}"
    )


class EventStore:
    """The log: ``append`` a batch in one transaction, ``read`` it back in pages, ``verify`` the chain."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self.engine = engine
        self.clock = clock or (lambda: datetime.now(UTC))
        self._sqlite = is_sqlite(engine)
        self._writer = engine.execution_options(immediate=True)  # BEGIN IMMEDIATE on SQLite
        self._appender = Appender(self._sqlite, engine.dialect.loaded_dbapi.IntegrityError)
        # SQLite only: a PostgreSQL append needs the pooled connection's advisory lock (writing()).
        self._connections = ThreadConnections(engine) if self._sqlite else None
        self._mark = "?" if self._sqlite else "%s"
        self._page = _page_sql(self._sqlite)
        self._back_page = _page_sql(self._sqlite, back=True)

    @classmethod
    def from_url(cls, url: str, clock: Callable[[], datetime] | None = None) -> EventStore:
        return cls(make_engine(url), clock)

    def close(self) -> None:
        """Close the append connections and dispose of the engine."""
        if self._connections is not None:
            self._connections.close()
        self.engine.dispose()

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
        if self._connections is None:
            with self.writing() as conn:
                return self.append_in(conn, batch)
        with wrap_errors("append"):
            return self._connections.write(self._appender.append, batch, self.clock())

    def append_in(self, conn: Connection, batch: Sequence[NewEvent]) -> list[Record]:
        """Append inside a transaction opened by ``writing()`` (so rows of the caller commit with it)."""
        cursor = conn.connection.cursor()
        try:
            return self._appender.append(cursor, batch, self.clock())
        finally:
            cursor.close()

    # -- reading -----------------------------------------------------------------------------

    def _query(self, action: str, work: Callable[[Any], T]) -> T:
        """``work(cursor)`` on a DBAPI cursor: this thread's connection on SQLite, a pooled one otherwise."""
        with wrap_errors(action):
            if self._connections is not None:
                return self._connections.read(work)
            with self.engine.connect() as conn:
                cursor = conn.connection.cursor()
                try:
                    return work(cursor)
                finally:
                    cursor.close()

    def _rows(self, action: str, sql: str, params: Sequence[Any]) -> list[Any]:
        def fetch(cursor: Any) -> list[Any]:
            cursor.execute(sql, params)
            rows: list[Any] = cursor.fetchall()
            return rows

        return self._query(action, fetch)

    def head(self) -> Head:
        position, chain_hash, stored_at = self._query("head", head_of)
        return Head(position, chain_hash, None if stored_at is None else utc(stored_at))

    def read(
        self, after: int = 0, *, until: int | None = None, page_size: int = 500, types: Sequence[str] = ()
    ) -> Iterator[Record]:
        """Records with ``after < position <= until`` in order (only of ``types``, if named), fetched
        a page at a time.

        Records are built from their rows, and their payloads decoded, a short run
        at a time as they are handed over (``decoded``), and no page of records is
        held: a caller that does not keep them frees the decoded payloads before
        the next run is decoded, and the memory is reused while still in the CPU
        caches (bench/store.py). The runs are chained in C: resuming a generator
        for every record cost 2% of a read.
        """
        return chain.from_iterable(decoded(self._pages(after, until, page_size, types=types)))

    def read_back(
        self, before: int | None = None, *, after: int = 0, page_size: int = 500, types: Sequence[str] = ()
    ) -> Iterator[Record]:
        """Records with ``after < position < before`` (None: the head and all before it), the latest
        first, fetched a page at a time: what the log took in last, without reading it from the start."""
        return chain.from_iterable(decoded(self._pages(after, before, page_size, back=True, types=types)))

    def _pages(
        self, low: int, high: int | None, page_size: int, *, back: bool = False, types: Sequence[str] = ()
    ) -> Iterator[list[Any]]:
        """Pages of rows between ``low`` and ``high`` (None: no bound), forward or latest first: the
        next page starts past the last row of this one. Rows of other types than ``types`` are skipped
        by the database (1M events, none of the type asked for: 5.7 -> 0.9 s for ``tracker events
        list --type``), without an index on the type: appends would keep it up for this alone."""
        high = high if high is not None else 2**62
        if types:
            types = tuple(dict.fromkeys(types))
            sql = _page_sql(self._sqlite, len(types), back=back)
        else:
            sql = self._back_page if back else self._page
        while True:
            rows = self._rows("read", sql, (low, high, *types, page_size))
            if rows:
                low, high = (low, rows[-1][0]) if back else (rows[-1][0], high)
            yield rows
            if len(rows) < page_size:
                return

    @staticmethod
    def read_page(
        conn: Connection, after: int, limit: int, until: int | None = None, types: Sequence[str] = ()
    ) -> list[Record]:
        """One page, on the caller's connection (projections read inside their own transaction),
        of every type or only of ``types``."""
        stop = until if until is not None else 2**62
        cursor = conn.connection.cursor()
        try:
            cursor.execute(_page_sql(conn.dialect.name == "sqlite", len(types)), (after, stop, *types, limit))
            rows = cursor.fetchall()
        finally:
            cursor.close()
        return decode(rows)

    def get(self, event: str | int) -> Record | None:
        """The record with that id (``ev-42``) or position (42)."""
        position = parse_event_id(event)
        if position is None:
            return None
        rows = self._rows("get", self._page, (position - 1, position, 1))
        return lazy_record(rows[0]) if rows else None

    def get_many(self, positions: Sequence[int]) -> list[Record]:
        """The records at these positions (missing ones left out), in log order."""
        return self._query("get", lambda cursor: _at_positions(cursor, self._sqlite, positions))

    @staticmethod
    def read_positions(conn: Connection, positions: Sequence[int]) -> list[Record]:
        """``get_many`` on the caller's connection (a projection folding members inside its batch)."""
        cursor = conn.connection.cursor()
        try:
            return _at_positions(cursor, conn.dialect.name == "sqlite", positions)
        finally:
            cursor.close()

    def position_as_of(self, when: datetime) -> int:
        """The last position recorded at or before ``when``.

        recorded_at never decreases along the log, so a binary search over the
        primary key answers this without an index on recorded_at.
        """
        when = when.astimezone(UTC)
        sql = f"SELECT recorded_at FROM event_log WHERE position = {self._mark}"

        def search(cursor: Any) -> int:
            low, high = 0, head_of(cursor)[0]
            while low < high:
                middle = (low + high + 1) // 2
                cursor.execute(sql, (middle,))
                if utc(cursor.fetchone()[0]) <= when:
                    low = middle
                else:
                    high = middle - 1
            return low

        return self._query("as-of", search)

    def count_by_type(self) -> dict[str, int]:
        rows = self._rows("count", "SELECT type, COUNT(*) FROM event_log GROUP BY type ORDER BY type", ())
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


def _at_positions(cursor: Any, sqlite: bool, positions: Sequence[int]) -> list[Record]:
    wanted = sorted(set(positions))
    columns, mark = select_columns(sqlite, reading=True), "?" if sqlite else "%s"
    rows: list[Any] = []
    for start in range(0, len(wanted), KEY_CHUNK):
        chunk = wanted[start : start + KEY_CHUNK]
        cursor.execute(
            f"SELECT {columns} FROM event_log WHERE position IN ({', '.join([mark] * len(chunk))})", chunk
        )
        rows.extend(cursor.fetchall())
    return sorted(decode(rows), key=lambda r: r.position)
